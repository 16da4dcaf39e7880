//! The check's diagnostics in LSP form: range in UTF-16 columns, severity,
//! code with a link to its page, the help line, and the secondary labels as
//! related information (in whichever file they are).

use super::positions;
use crate::diagnostic::{Diagnostic, Severity};
use crate::front::Checked;
use crate::source::FileId;
use lsp_types::{
    CodeDescription, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString,
    Uri,
};
use std::str::FromStr;

/// Where each code's page is: `docs/codes/CODE.md` of the repository. The
/// one place to change when the project moves.
pub const CODE_PAGES: &str = "https://git.example.com/slac/-/blob/main/docs/codes/";

/// The page of a code.
pub fn code_page(code: crate::Code) -> Option<Uri> {
    Uri::from_str(&format!("{CODE_PAGES}{code}.md")).ok()
}

/// The diagnostics of a check grouped by the file they are in, in the
/// order of the check's files (a file without any gets an empty list, so
/// publishing it clears what it had).
pub fn by_file(
    checked: &Checked,
    uris: &[(FileId, Uri)],
) -> Vec<(Uri, Vec<lsp_types::Diagnostic>)> {
    uris.iter()
        .map(|(id, uri)| {
            let here = checked
                .diagnostics
                .iter()
                .filter(|d| d.file == *id)
                .map(|d| convert(checked, uris, d))
                .collect();
            (uri.clone(), here)
        })
        .collect()
}

fn convert(checked: &Checked, uris: &[(FileId, Uri)], d: &Diagnostic) -> lsp_types::Diagnostic {
    let source = checked.sources.get(d.file);
    let mut message = d.message.clone();
    if let Some(label) = d.label.as_deref().filter(|l| !l.is_empty()) {
        message.push_str(&format!(" ({label})"));
    }
    if let Some(help) = &d.help {
        message.push_str(&format!("\nhelp: {help}"));
    }
    let related: Vec<DiagnosticRelatedInformation> = d
        .related
        .iter()
        .filter_map(|r| {
            let (_, uri) = uris.iter().find(|(id, _)| *id == r.file)?;
            Some(DiagnosticRelatedInformation {
                location: Location::new(
                    uri.clone(),
                    positions::range(checked.sources.get(r.file), r.span),
                ),
                message: r.label.clone(),
            })
        })
        .collect();
    lsp_types::Diagnostic {
        range: positions::range(source, d.span),
        severity: Some(match d.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
        }),
        code: Some(NumberOrString::String(d.code.to_string())),
        code_description: code_page(d.code).map(|href| CodeDescription { href }),
        source: Some("slac".into()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    }
}
