//! Formatting: the whole document through the formatter (`slac fmt`), as
//! one edit. A file with syntax errors is refused with an error response,
//! never half-formatted.

use super::positions;
use super::requests::Refusal;
use super::state::State;
use crate::format::{format_source, FormatError};
use lsp_types::{DocumentFormattingParams, Range, TextEdit};

pub fn format(
    state: &State,
    params: DocumentFormattingParams,
) -> Result<Option<Vec<TextEdit>>, Refusal> {
    let uri = params.text_document.uri;
    let Some(source) = state.documents().get(&uri).map(|d| d.source.clone()) else {
        return Err(Refusal::failed(format!("`{}` is not open", uri.as_str())));
    };
    let formatted = match format_source(&source) {
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
