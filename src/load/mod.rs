//! Loading a file and every file it uses (`use "PATH"`), under a root.
//!
//! The loader reads only what [`Root::resolve`] places under the root: a
//! path outside is an E042 at its `use` line that names the root and says
//! nothing of the file, not even whether it exists. A used file must be a
//! `.sla` holiday library: anything else is an E041 that shows none of its
//! text. A missing file is an E040, a chain of `use` lines that comes back
//! to a file on it an E043 (the chain printed). A file used twice (two
//! contracts' diamond) is loaded once. Each file read becomes a file of the
//! check's [`SourceMap`], its diagnostics in that file.
//!
//! The root is a parameter, never read from the process: the command line
//! gives `--root` or the enclosing repository, the language server its
//! workspace folder.

pub mod root;

use crate::ast;
use crate::diagnostic::{Code, Diagnostic};
use crate::source::{FileId, SourceFile, SourceMap, Span};
use crate::syntax;
pub use root::{Resolved, Root};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};

/// The largest file read, contract or library (a contract is kilobytes;
/// refusing 64 MB beats running out of memory).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Why a file could not be read.
#[derive(Debug)]
pub enum ReadError {
    Io(std::io::Error),
    /// Larger than [`MAX_FILE_BYTES`] (also when its size is not known up
    /// front, as for a pipe).
    TooLarge,
}

/// Reads a file of at most [`MAX_FILE_BYTES`].
pub fn read_file(path: &Path) -> Result<Vec<u8>, ReadError> {
    use std::io::Read;
    let file = std::fs::File::open(path).map_err(ReadError::Io)?;
    if file.metadata().is_ok_and(|m| m.len() > MAX_FILE_BYTES) {
        return Err(ReadError::TooLarge);
    }
    let mut bytes = Vec::new();
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(ReadError::Io)?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge);
    }
    Ok(bytes)
}

/// A library read through `use`.
#[derive(Debug, Clone)]
pub struct UsedFile {
    pub id: FileId,
    /// Its path relative to the root, `/` between names (for the rule set).
    pub path: String,
    /// The SHA-256 of its bytes, in hex.
    pub sha256: String,
    pub file: ast::File,
}

/// A file and everything it uses, parsed, not yet checked.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub sources: SourceMap,
    /// The main file's AST, when its structure could be read.
    pub main: Option<ast::File>,
    /// The libraries read, in load order (their ids follow the main file's).
    pub used: Vec<UsedFile>,
    /// For each file, the files its `use` lines load, in order, with the
    /// span of the line's path (a file that could not be used is left out).
    pub edges: Vec<(FileId, Vec<(Span, FileId)>)>,
    /// Syntax diagnostics of every file, and those of the `use` lines.
    pub diagnostics: Vec<Diagnostic>,
}

impl Loaded {
    /// The library of an id (`None` for the main file).
    pub fn used(&self, id: FileId) -> Option<&UsedFile> {
        self.used.iter().find(|u| u.id == id)
    }

    /// The files `id` uses directly, with the span of each `use` path.
    pub fn uses_of(&self, id: FileId) -> &[(Span, FileId)] {
        self.edges
            .iter()
            .find(|(from, _)| *from == id)
            .map_or(&[], |(_, to)| to.as_slice())
    }
}

/// Decodes a file's bytes: text that is not UTF-8 gets an E004 at the first
/// bad byte, over the text read with replacement characters.
pub fn decode(name: &str, bytes: Vec<u8>) -> (SourceFile, Option<Diagnostic>) {
    match String::from_utf8(bytes) {
        Ok(text) => (SourceFile::new(name, text), None),
        Err(error) => {
            let at = error.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(error.as_bytes()).into_owned();
            let diagnostic = Diagnostic::new(
                Code::E004,
                Span::new(at, at + '\u{fffd}'.len_utf8()),
                format!("the file is not UTF-8 text (invalid byte at offset {at})"),
            )
            .with_label("not UTF-8")
            .with_help("save the contract as UTF-8; `.sla` files are text, never binary");
            (SourceFile::new(name, text), Some(diagnostic))
        }
    }
}

/// A library file: holiday sets (and `use` lines), no contract.
fn is_library(file: &ast::File) -> bool {
    file.contracts.is_empty()
}

/// Loads the file `path` (already read: `bytes`, shown as `name`) and every
/// file its `use` lines reach under `root`.
pub fn load(path: &Path, name: &str, bytes: Vec<u8>, root: &Root) -> Loaded {
    load_with(path, name, bytes, root, &read_file)
}

/// Reads a used file by its canonical path: from disk, or (the language
/// server) the unsaved text of an open editor.
pub type Reader<'a> = &'a dyn Fn(&Path) -> Result<Vec<u8>, ReadError>;

/// [`load`], reading every used file through `read`.
pub fn load_with(path: &Path, name: &str, bytes: Vec<u8>, root: &Root, read: Reader<'_>) -> Loaded {
    let (source, not_utf8) = decode(name, bytes);
    let parsed = match not_utf8 {
        Some(d) => syntax::Parsed {
            file: None,
            diagnostics: vec![d],
        },
        None => syntax::parse(&source),
    };
    let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let mut walk = Walk {
        root,
        read,
        loaded: Loaded {
            sources: SourceMap::new(source),
            main: None,
            used: Vec::new(),
            edges: Vec::new(),
            diagnostics: parsed.diagnostics,
        },
        canonical: vec![(FileId::MAIN, canonical.clone())],
    };
    if let Some(file) = &parsed.file {
        let mut chain = vec![(FileId::MAIN, canonical)];
        walk.uses(FileId::MAIN, file, &mut chain);
    }
    walk.loaded.main = parsed.file;
    walk.loaded
}

/// The state of one load: what is read so far, by canonical path.
struct Walk<'r> {
    root: &'r Root,
    read: Reader<'r>,
    loaded: Loaded,
    canonical: Vec<(FileId, PathBuf)>,
}

impl Walk<'_> {
    fn push(&mut self, diagnostic: Diagnostic) {
        self.loaded.diagnostics.push(diagnostic);
    }

    /// Follows the `use` lines of `file` (id `from`), depth first; `chain`
    /// holds the files from the main one down to `from`.
    fn uses(&mut self, from: FileId, file: &ast::File, chain: &mut Vec<(FileId, PathBuf)>) {
        let importer = chain.last().map(|(_, p)| p.clone()).unwrap_or_default();
        let mut edges = Vec::new();
        for line in &file.uses {
            if let Some(to) = self.one_use(from, &importer, line, chain) {
                edges.push((line.path.span, to));
            }
        }
        self.loaded.edges.push((from, edges));
    }

    /// The file one `use` line loads, or its diagnostic.
    fn one_use(
        &mut self,
        from: FileId,
        importer: &Path,
        line: &ast::Use,
        chain: &mut Vec<(FileId, PathBuf)>,
    ) -> Option<FileId> {
        let written = &line.path.node;
        let at = line.path.span;
        let canonical = match self.root.resolve(importer, written) {
            Resolved::Inside(canonical) => canonical,
            Resolved::Missing => {
                self.push(missing(from, at, written));
                return None;
            }
            Resolved::Outside => {
                self.push(outside(from, at, written, self.root));
                return None;
            }
        };
        if let Some(start) = chain.iter().position(|(_, p)| *p == canonical) {
            let mut names: Vec<String> = chain
                .get(start..)
                .unwrap_or_default()
                .iter()
                .map(|(_, p)| self.root.relative(p))
                .collect();
            names.push(self.root.relative(&canonical));
            self.push(cycle(from, at, &names));
            return None;
        }
        if let Some((id, _)) = self.canonical.iter().find(|(_, p)| *p == canonical) {
            return Some(*id);
        }
        if !canonical.is_file() || canonical.extension().is_none_or(|e| e != "sla") {
            self.push(not_a_library(from, at, written, "it is not a `.sla` file"));
            return None;
        }
        let bytes = match (self.read)(&canonical) {
            Ok(bytes) => bytes,
            Err(ReadError::TooLarge) => {
                let why = format!("it is larger than {} MB", MAX_FILE_BYTES / (1024 * 1024));
                self.push(not_a_library(from, at, written, &why));
                return None;
            }
            Err(ReadError::Io(e)) => {
                self.push(unreadable(from, at, written, &e));
                return None;
            }
        };
        let sha256 = hex(&Sha256::digest(&bytes));
        let Ok(text) = String::from_utf8(bytes) else {
            self.push(not_a_library(from, at, written, "it is not UTF-8 text"));
            return None;
        };
        let name = used_name(self.loaded.sources.get(from).name(), written);
        let source = SourceFile::new(name, text);
        let parsed = syntax::parse(&source);
        if parsed.file.as_ref().is_some_and(|f| !is_library(f)) {
            self.push(not_a_library(from, at, written, "it is a contract"));
            return None;
        }
        let id = self.loaded.sources.add(source);
        self.canonical.push((id, canonical.clone()));
        self.loaded
            .diagnostics
            .extend(parsed.diagnostics.into_iter().map(|d| d.in_file(id)));
        let Some(file) = parsed.file else {
            return Some(id);
        };
        chain.push((id, canonical.clone()));
        self.uses(id, &file, chain);
        chain.pop();
        self.loaded.used.push(UsedFile {
            id,
            path: self.root.relative(&canonical),
            sha256,
            file,
        });
        Some(id)
    }
}

/// How a used file is named in diagnostics: the path written, from the
/// folder of the name of the file that uses it, without `.` and `..` steps
/// (`contracts/../holidays/cn.sla` is `holidays/cn.sla`); a leading `./`
/// stays when the user's name had one, so `slac check ./` names a library
/// the same whether it is reached by `use` or found in the folder.
pub fn used_name(importer: &str, written: &str) -> String {
    let folder = Path::new(importer).parent().unwrap_or(Path::new(""));
    let name = root::slashed(&root::lexically_normal(&folder.join(written)));
    let dotted = importer.starts_with("./") || importer.starts_with(".\\");
    if dotted && !name.starts_with('.') && !Path::new(&name).is_absolute() {
        format!("./{name}")
    } else {
        name
    }
}

/// The name of a file compared across checks: the same file named `a.sla`
/// and `./a.sla` is one.
pub fn same_name_key(name: &str) -> PathBuf {
    root::lexically_normal(Path::new(name))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn missing(file: FileId, at: Span, written: &str) -> Diagnostic {
    Diagnostic::new(
        Code::E040,
        at,
        format!("there is no file `{written}` to use"),
    )
    .in_file(file)
    .with_label("no such file")
    .with_help("the path is relative to the folder of this file; check its spelling")
}

fn unreadable(file: FileId, at: Span, written: &str, error: &std::io::Error) -> Diagnostic {
    Diagnostic::new(Code::E040, at, format!("cannot read `{written}` ({error})"))
        .in_file(file)
        .with_label("cannot be read")
        .with_help("make the file readable, or remove the `use` line")
}

fn outside(file: FileId, at: Span, written: &str, root: &Root) -> Diagnostic {
    Diagnostic::new(
        Code::E042,
        at,
        format!(
            "`{written}` is outside the project root `{}`; it was not read",
            root.shown()
        ),
    )
    .in_file(file)
    .with_label("outside the project root")
    .with_help(
        "`use` reads only files under the root (`--root DIR`, else the folder holding `.git`, \
         else the contract's folder): put the library inside the project",
    )
}

fn not_a_library(file: FileId, at: Span, written: &str, why: &str) -> Diagnostic {
    Diagnostic::new(
        Code::E041,
        at,
        format!("`{written}` is not a holiday library: {why}"),
    )
    .in_file(file)
    .with_label("not a library")
    .with_help("`use` a `.sla` file of `holidays` sets only (no `contract`)")
}

fn cycle(file: FileId, at: Span, names: &[String]) -> Diagnostic {
    Diagnostic::new(
        Code::E043,
        at,
        format!("`use` goes round in a circle: {}", names.join(" → ")),
    )
    .in_file(file)
    .with_label("uses a file that uses this one")
    .with_help("remove one `use` line of the circle; a library may use others, never back")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn used_files_are_named_from_the_name_of_the_file_using_them() {
        assert_eq!(
            used_name("contracts/a.sla", "../holidays/cn.sla"),
            "holidays/cn.sla"
        );
        assert_eq!(used_name("./lib/a.sla", "c.sla"), "./lib/c.sla");
        assert_eq!(used_name("a.sla", "../x.sla"), "../x.sla");
        assert_eq!(used_name("/p/a.sla", "b/c.sla"), "/p/b/c.sla");
        assert_eq!(same_name_key("./lib/c.sla"), same_name_key("lib/c.sla"));
    }
}
