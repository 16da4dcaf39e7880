//! Parsing with pest into the AST.
use crate::{ast, Diagnostic, SourceFile};

pub struct Parsed {
    pub file: Option<ast::File>,
    pub diagnostics: Vec<Diagnostic>,
}

pub fn parse(_source: &SourceFile) -> Parsed {
    Parsed {
        file: None,
        diagnostics: vec![],
    }
}
