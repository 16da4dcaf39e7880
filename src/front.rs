//! The front half of the pipeline on one file: bytes or text in, the
//! diagnostics and, when there are no errors, the checked model out. Every
//! command starts here.

use crate::diagnostic::{self, Code, Diagnostic, Severity};
use crate::model;
use crate::source::{SourceFile, SourceMap, Span};
use crate::syntax;

/// A contract after the front half of the pipeline.
#[derive(Debug, Clone)]
pub struct Checked {
    /// The file checked ([`SourceMap::main`]) and every file it uses.
    pub sources: SourceMap,
    /// The checked model; `None` when the contract has errors.
    pub model: Option<model::Contract>,
    /// Every diagnostic, sorted by position.
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
    /// The file checked (not one it uses).
    pub fn source(&self) -> &SourceFile {
        self.sources.main()
    }

    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    pub fn has_placeholders(&self) -> bool {
        self.diagnostics.iter().any(|d| d.code == Code::W001)
    }

    /// For `build` and `render` without `--draft`: a placeholder is an error.
    pub fn placeholders_are_errors(&mut self) {
        for d in &mut self.diagnostics {
            if d.code == Code::W001 {
                d.severity = Severity::Error;
            }
        }
    }
}

/// Parses and checks one contract.
pub fn check(source: SourceFile) -> Checked {
    let parsed = syntax::parse(&source);
    check_parsed(source, parsed)
}

/// Checks a contract already parsed (for tests that parse it their own way).
pub fn check_parsed(source: SourceFile, parsed: syntax::Parsed) -> Checked {
    let mut diagnostics = parsed.diagnostics;
    let model = match parsed.file {
        Some(file) => crate::check::check(&file, &mut diagnostics),
        None => None,
    };
    diagnostic::sort(&mut diagnostics);
    let model = model.filter(|_| !diagnostics.iter().any(Diagnostic::is_error));
    Checked {
        sources: SourceMap::new(source),
        model,
        diagnostics,
    }
}

/// Decodes and checks a file's bytes: text that is not UTF-8 gets an E004
/// diagnostic at the first bad byte instead of a parse.
pub fn check_bytes(name: &str, bytes: Vec<u8>) -> Checked {
    match String::from_utf8(bytes) {
        Ok(text) => check(SourceFile::new(name, text)),
        Err(error) => {
            let at = error.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(error.as_bytes()).into_owned();
            let source = SourceFile::new(name, text);
            let diagnostic = Diagnostic::new(
                Code::E004,
                Span::new(at, at + '\u{fffd}'.len_utf8()),
                format!("the file is not UTF-8 text (invalid byte at offset {at})"),
            )
            .with_label("not UTF-8")
            .with_help("save the contract as UTF-8; `.sla` files are text, never binary");
            Checked {
                sources: SourceMap::new(source),
                model: None,
                diagnostics: vec![diagnostic],
            }
        }
    }
}
