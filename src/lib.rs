//! slac — the SLA contract compiler.
//!
//! The pipeline, one module a stage:
//!
//! ```text
//!  ┌─ front: check(), check_bytes() ─────────────────┐
//!  source ─▶ syntax (pest) ─▶ ast ─▶ check ─▶ model ─┼─▶ rules   (JSON/YAML rule set)
//!                              │       │             ├─▶ render  (signed appendix)
//!                              ▼       ▼             ├─▶ clock   (due times)
//!                          format   diagnostic       └─▶ eval    (ticket-log compliance)
//!                        (slac fmt)    └─▶ report (miette, JSON, annotations)
//! ```
//!
//! [`front`] runs the front half on one file and returns everything a
//! command needs ([`Checked`]): the source, the diagnostics and, when the
//! contract has no errors, its [`model::Contract`]. This file only declares
//! the modules and re-exports the entry points.

// The test fixtures in tests/support/ name the library `slac::…`, as the
// integration tests do; this lets the unit tests include them too.
#[cfg(test)]
extern crate self as slac;

pub mod ast;
pub mod check;
pub mod cjk;
pub mod clock;
pub mod diagnostic;
pub mod diff;
pub mod due;
pub mod escape;
pub mod eval;
pub mod format;
pub mod front;
pub mod holiday_list;
pub mod ics;
pub mod items;
pub mod load;
pub mod lsp;
pub mod model;
pub mod render;
pub mod report;
pub mod rules;
pub mod source;
pub mod syntax;

/// Shipped files checked with their `use` lines followed, a test helper
/// shared with the integration tests (`tests/support/project.rs`).
#[cfg(test)]
#[allow(dead_code, reason = "the unit tests use a part of it")]
#[path = "../tests/support/project.rs"]
pub(crate) mod project;

pub use diagnostic::{Code, Diagnostic, Severity};
pub use front::{check, check_bytes, Checked};
pub use source::{FileId, SourceFile, SourceMap, Span};
