//! Checks: AST to model.
use crate::{ast, model, Diagnostic};

pub fn check(_file: &ast::File, _diagnostics: &mut Vec<Diagnostic>) -> Option<model::Contract> {
    None
}
