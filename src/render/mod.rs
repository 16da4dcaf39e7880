//! The signed appendix (§8 of the design): the checked model as Markdown for
//! review or as one self-contained HTML file for signing.
//!
//! The pipeline inside:
//!
//! ```text
//! Contract ─▶ outline::build ─▶ Document ─┬─▶ markdown::emit
//!               (phrases + values)         ├─▶ html::emit
//!                                          └─▶ pdf::write (Typst, embedded)
//! ```
//!
//! - [`phrases`] holds every fixed word, one table per language (the
//!   remedies' in [`remedy_phrases`], built by `remedies`; the holiday
//!   sets' in [`holiday_phrases`], built by `holiday_sets`);
//! - [`rich`] is the inline text everything is made of (text, identifiers,
//!   placeholders) and fills the slots of a phrase;
//! - [`values`] turns durations, dates, schedules and the business-day rule
//!   into words of that language;
//! - [`document`] is the shape of the appendix — sections, lists, tables,
//!   signatures — and [`outline`] builds it once from the model, so both
//!   formats always have the same content;
//! - the emitters only add markup, and escape every piece of text through
//!   [`crate::escape`].
//!
//! Contract content stays as written; only the fixed text follows `lang`.
//! Placeholders are rendered highlighted (the CLI only lets them through with
//! `--draft`), and a document with placeholders, or rendered as a draft,
//! carries a "do not sign" banner.

mod html;
mod markdown;

pub mod document;
pub mod holiday_phrases;
mod holiday_sets;
mod nobreak;
mod options;
pub mod outline;
pub mod parties;
pub mod pdf;
pub mod phrases;
mod remedies;
pub mod remedy_phrases;
pub mod rich;
mod running;
pub mod values;
mod wording;
pub mod wording_phrases;
pub mod zone_names;

use crate::model::Contract;
pub use options::RenderOptions;
pub use pdf::{FontSearch, PdfError};

/// The appendix as GitHub-flavoured Markdown.
pub fn markdown(contract: &Contract, options: &RenderOptions) -> String {
    markdown::emit(&outline::build(contract, options))
}

/// The appendix as one self-contained, print-ready HTML file.
pub fn html(contract: &Contract, options: &RenderOptions) -> String {
    html::emit(&outline::build(contract, options))
}

/// The appendix as a PDF: the same outline typeset by the embedded Typst
/// engine, with the fonts `fonts` finds embedded ([`PdfError::NotBuilt`]
/// in a slac built without the cargo feature `pdf`).
pub fn pdf(
    contract: &Contract,
    options: &RenderOptions,
    fonts: &FontSearch,
) -> Result<Vec<u8>, PdfError> {
    pdf::write(&outline::build(contract, options), fonts)
}

/// The Markdown appendix of a contract given as text (the unit tests'
/// one way to check and render a contract of their own).
#[cfg(test)]
pub(crate) fn markdown_of(text: &str, lang: crate::model::Lang, draft: bool) -> String {
    let checked = crate::front::check(crate::source::SourceFile::new("t.sla", text));
    let model = checked
        .model
        .unwrap_or_else(|| panic!("{:?}", checked.diagnostics));
    let options = RenderOptions {
        lang,
        draft,
        fingerprint: String::new(),
        source_name: "t.sla".into(),
    };
    markdown(&model, &options)
}
