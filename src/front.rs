//! The front half of the pipeline on one file: bytes or text in, the
//! diagnostics and, when there are no errors, the checked model out. Every
//! command starts here.

use crate::ast::FileKind;
use crate::diagnostic::{self, Code, Diagnostic, Severity};
use crate::load::{self, Loaded, Root};
use crate::model;
use crate::source::{SourceFile, SourceMap};
use crate::syntax;
use std::path::Path;

/// A contract after the front half of the pipeline.
#[derive(Debug, Clone)]
pub struct Checked {
    /// The file checked ([`SourceMap::main`]) and every file it uses.
    pub sources: SourceMap,
    /// A contract, or a library of holiday sets (which `build`, `render`,
    /// `due` and `eval` refuse).
    pub kind: FileKind,
    /// The checked model; `None` when the contract has errors (or the file
    /// is a library).
    pub model: Option<model::Contract>,
    /// The checked sets of a library; `None` for a contract, or when the
    /// library has errors.
    pub library: Option<model::Library>,
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
    checked(
        SourceMap::new(source),
        parsed.file.as_ref(),
        parsed.diagnostics,
    )
}

/// Checks a parsed file as a contract or as a library, by its kind.
fn checked(
    sources: SourceMap,
    file: Option<&crate::ast::File>,
    mut diagnostics: Vec<Diagnostic>,
) -> Checked {
    let kind = file.map_or(FileKind::Contract, |f| f.kind);
    let (model, library) = match (file, kind) {
        (Some(file), FileKind::Contract) => (crate::check::check(file, &mut diagnostics), None),
        (Some(file), FileKind::Library) => (None, crate::check::library(file, &mut diagnostics)),
        (None, _) => (None, None),
    };
    diagnostic::sort(&mut diagnostics);
    let clean = !diagnostics.iter().any(Diagnostic::is_error);
    Checked {
        sources,
        kind,
        model: model.filter(|_| clean),
        library: library.filter(|_| clean),
        diagnostics,
    }
}

/// Decodes and checks a file's bytes: text that is not UTF-8 gets an E004
/// diagnostic at the first bad byte instead of a parse. Its `use` lines are
/// not followed (see [`check_path`]).
pub fn check_bytes(name: &str, bytes: Vec<u8>) -> Checked {
    match load::decode(name, bytes) {
        (source, None) => check(source),
        (source, Some(not_utf8)) => Checked {
            sources: SourceMap::new(source),
            kind: FileKind::Contract,
            model: None,
            library: None,
            diagnostics: vec![not_utf8],
        },
    }
}

/// Checks the file at `path` (read: `bytes`, shown as `name`) with every
/// file its `use` lines reach under `root`.
pub fn check_path(path: &Path, name: &str, bytes: Vec<u8>, root: &Root) -> Checked {
    check_loaded(load::load(path, name, bytes, root))
}

/// Checks a loaded file and the libraries it uses.
pub fn check_loaded(loaded: Loaded) -> Checked {
    let Loaded {
        sources,
        main,
        used,
        edges: _,
        diagnostics,
    } = loaded;
    let mut checked = checked(sources, main.as_ref(), diagnostics);
    let mut read: Vec<model::Source> = used
        .iter()
        .map(|u| model::Source {
            path: u.path.clone(),
            sha256: u.sha256.clone(),
        })
        .collect();
    read.sort();
    if let Some(model) = checked.model.as_mut() {
        model.sources = read;
    }
    checked
}
