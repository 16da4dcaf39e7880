//! The appendix as a document: sections, lists, term lists, tables and the
//! signature block, built once by [`super::outline`] and written out by each
//! emitter, so Markdown and HTML always have the same sections in the same
//! order with the same words.

use super::rich::Rich;
pub use super::running::Running;
use crate::model::Lang;

/// The whole appendix.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub lang: Lang,
    pub title: Rich,
    /// "服务级别协议" / "Service Level Agreement".
    pub kind: String,
    /// Agreement number and version, each `label：value`.
    pub meta: Vec<Rich>,
    /// Between a defined term and its definition (`：` / `: `).
    pub colon: String,
    /// The draft warning, when the document must not be signed.
    pub draft: Option<String>,
    pub preamble: Vec<Rich>,
    pub sections: Vec<Section>,
    pub signatures: Signatures,
    pub footer: Vec<Rich>,
    /// What every printed page carries (id, version, fingerprint, page).
    pub running: Running,
}

/// A numbered section; `number` is its path (`[3, 4, 1]` is 3.4.1).
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub number: Vec<usize>,
    pub heading: Rich,
    pub blocks: Vec<Block>,
    pub sections: Vec<Section>,
}

impl Section {
    pub(super) fn new(heading: Rich, blocks: Vec<Block>) -> Section {
        Section {
            number: Vec::new(),
            heading,
            blocks,
            sections: Vec::new(),
        }
    }

    /// `1.` for a top-level section, `3.4.1` below it.
    pub fn label(&self) -> String {
        let parts: Vec<String> = self.number.iter().map(usize::to_string).collect();
        if parts.len() == 1 {
            format!("{}.", parts.join("."))
        } else {
            parts.join(".")
        }
    }

    /// Heading level: 2 for top-level sections (the title is 1).
    pub fn level(&self) -> usize {
        self.number.len() + 1
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Paragraph(Rich),
    List(Vec<Rich>),
    /// Defined terms: name and definition.
    Terms(Vec<(Rich, Rich)>),
    Table(Table),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// A name for styling (`targets`, `channels`, …); no meaning otherwise.
    pub class: &'static str,
    /// A title above the table, when the section heading does not name it
    /// (it may hold contract text: a tier table names its channel).
    pub caption: Option<Rich>,
    pub head: Vec<String>,
    pub rows: Vec<Vec<Rich>>,
}

/// The signature block: one column per party.
#[derive(Debug, Clone, PartialEq)]
pub struct Signatures {
    pub heading: String,
    /// Row labels: name, contact, signatory, signature, date.
    pub labels: [String; 5],
    /// What goes on the date line before it is filled in by hand.
    pub date_blank: String,
    pub parties: Vec<SignatureParty>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SignatureParty {
    pub role: String,
    pub name: Rich,
    pub contact: Option<Rich>,
    /// `None`: a blank line for the name.
    pub signatory: Option<Rich>,
}
