//! Formatting: the whole document through the formatter (`slac fmt`), as
//! one edit. A file with syntax errors is refused with an error response,
//! never half-formatted.

use super::positions;
use super::requests::Refusal;
use super::state::State;
use crate::format::{format_file, format_source, FormatError};
use crate::load::Root;
use lsp_types::{DocumentFormattingParams, Range, TextEdit};

pub fn format(
    state: &State,
    params: DocumentFormattingParams,
) -> Result<Option<Vec<TextEdit>>, Refusal> {
    let uri = params.text_document.uri;
    let Some((source, path)) = state
        .documents()
        .get(&uri)
        .map(|d| (d.source.clone(), d.path.clone()))
    else {
        return Err(Refusal::failed(format!("`{}` is not open", uri.as_str())));
    };
    // A file on disk is checked as the analysis checks it, its `use` lines
    // followed, so that the meaning check compares the whole model.
    let result = match &path {
        Some(path) => {
            let root = state
                .root_for(path)
                .unwrap_or_else(|| Root::enclosing(path));
            format_file(&source, path, &root)
        }
        None => format_source(&source),
    };
    let formatted = match result {
        Ok(formatted) => formatted,
        Err(FormatError::Syntax(diagnostics)) => {
            let first = diagnostics
                .first()
                .map(|d| {
                    let at = positions::position(&source, d.span.start());
                    format!(": line {}, {}", at.line + 1, d.message)
                })
                .unwrap_or_default();
            return Err(Refusal::failed(format!(
                "not formatted: the file has syntax errors{first}"
            )));
        }
        Err(FormatError::Changed(why)) => {
            return Err(Refusal::failed(format!("not formatted: {why}")));
        }
    };
    if formatted == source.text() {
        return Ok(Some(Vec::new()));
    }
    let whole = Range::new(
        lsp_types::Position::new(0, 0),
        positions::position(&source, source.text().len()),
    );
    Ok(Some(vec![TextEdit::new(whole, formatted)]))
}
