//! The AST: what was written, with a span on every node.
pub struct File {}
