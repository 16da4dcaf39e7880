//! The property of the `format` target: on any bytes that parse,
//! `format_source` never reports its own output as changed (it re-parses
//! and compares the model, the diagnostics and the comments), the model of
//! the formatted text is the original's, and formatting is a fixpoint.
//! Shared by the fuzz target and `tests/fuzz_regressions.rs`.

use slac::format::{format_source, FormatError};
use slac::SourceFile;

pub fn run(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let source = SourceFile::new("fuzz.sla", text);
    let once = match format_source(&source) {
        Ok(once) => once,
        Err(FormatError::Syntax(_)) => return,
        Err(FormatError::Changed(why)) => panic!("the formatter changed the contract: {why}"),
    };
    let before = slac::check(source);
    let after = slac::check(SourceFile::new("fuzz.sla", once.clone()));
    assert_eq!(before.model, after.model, "the model changed");
    let twice = format_source(&SourceFile::new("fuzz.sla", once.clone()))
        .unwrap_or_else(|e| panic!("the formatted text does not format: {e:?}"));
    assert_eq!(once, twice, "format is not a fixpoint");
}
