//! The front half of the pipeline on one file: bytes or text in, the
//! diagnostics and, when there are no errors, the checked model out. Every
//! command starts here.

use crate::ast::FileKind;
use crate::check::{self, VisibleSet};
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
/// Its `use` lines cannot be followed: each is an E040 ([`not_followed`]).
pub fn check_parsed(source: SourceFile, parsed: syntax::Parsed) -> Checked {
    let mut diagnostics = parsed.diagnostics;
    if let Some(file) = &parsed.file {
        diagnostics.extend(file.uses.iter().map(not_followed));
    }
    checked(
        SourceMap::new(source),
        parsed.file.as_ref(),
        &[],
        diagnostics,
    )
}

/// E040 at a `use` line of a text checked without a path: there is no
/// folder to find the file from, and no root. A contract whose calendars
/// name the library's sets would otherwise get an E012 that hides why.
fn not_followed(line: &crate::ast::Use) -> Diagnostic {
    Diagnostic::new(
        Code::E040,
        line.path.span,
        format!(
            "`use \"{}\"` is not followed: the text was checked without a path",
            line.path.node
        ),
    )
    .with_label("not read")
    .with_help("check the file by its path (`slac check FILE`), so that its `use` lines are read")
}

/// Checks a parsed file as a contract or as a library, by its kind, seeing
/// the `visible` sets of the libraries it uses.
fn checked(
    sources: SourceMap,
    file: Option<&crate::ast::File>,
    visible: &[VisibleSet],
    mut diagnostics: Vec<Diagnostic>,
) -> Checked {
    let kind = file.map_or(FileKind::Contract, |f| f.kind);
    let (model, library) = match (file, kind) {
        (Some(file), FileKind::Contract) => (check::check(file, visible, &mut diagnostics), None),
        (Some(file), FileKind::Library) => {
            (None, Some(check::library(file, visible, &mut diagnostics)))
        }
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
/// not followed: each is an E040 (see [`check_path`]).
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

/// Checks a loaded file and the libraries it uses: the one place the loader
/// meets the checks. Each library is checked in load order (a library's
/// own uses come before it), its diagnostics in its own file, seeing the
/// sets of the libraries before it; the file then sees them all.
pub fn check_loaded(loaded: Loaded) -> Checked {
    let Loaded {
        sources,
        main,
        used,
        edges: _,
        mut diagnostics,
    } = loaded;
    let mut visible: Vec<VisibleSet> = Vec::new();
    for library in &used {
        let mut found = Vec::new();
        let sets = check::library(&library.file, &visible, &mut found);
        diagnostics.extend(found.into_iter().map(|d| d.in_file(library.id)));
        visible.extend(check::declared_in(&library.file, library.id, sets));
    }
    let mut checked = checked(sources, main.as_ref(), &visible, diagnostics);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Span;

    /// Text checked without a path says that its `use` lines were not read,
    /// at each line, instead of ignoring them.
    #[test]
    fn use_lines_of_text_without_a_path_are_reported_not_ignored() {
        let text = "use \"holidays/cn-2026.sla\"\nholidays a \"A\" {\n  closed 2026-10-01\n}\n";
        let checked = check_bytes("t.sla", text.as_bytes().to_vec());
        let found: Vec<(Code, Span, &str)> = checked
            .diagnostics
            .iter()
            .map(|d| (d.code, d.span, d.message.as_str()))
            .collect();
        assert_eq!(
            found,
            [(
                Code::E040,
                Span::new(4, 26),
                "`use \"holidays/cn-2026.sla\"` is not followed: the text was checked without a path"
            )]
        );
    }
}
