//! One check of an open document: the loader and the checker on its unsaved
//! text (and the unsaved text of any open library it uses), kept with what
//! the requests read — the sources, the ASTs, the diagnostics in LSP form
//! per file, and the model of the last check without errors.

use super::diagnostics;
use super::documents::Document;
use super::uri;
use crate::ast;
use crate::front::{self, Checked};
use crate::load::{self, Reader, Root};
use crate::model;
use crate::source::{FileId, SourceFile};
use crate::syntax;
use lsp_types::Uri;
use std::path::PathBuf;

/// The result of checking one document.
#[derive(Debug)]
pub struct Analysis {
    pub uri: Uri,
    pub version: i32,
    pub checked: Checked,
    /// The URI of every file of the check, by id (a file named by no
    /// absolute path, as an `untitled:` document, has its document's URI).
    pub uris: Vec<(FileId, Uri)>,
    /// The AST of every file that could be read, by id.
    pub asts: Vec<(FileId, ast::File)>,
    /// The diagnostics of the check, by the file they are in.
    pub published: Vec<(Uri, Vec<lsp_types::Diagnostic>)>,
    /// The model of this check or, when it has errors, of the last check
    /// that had none (hover reads it while the text is being edited).
    pub model: Option<model::Contract>,
}

impl Analysis {
    pub fn source(&self, file: FileId) -> &SourceFile {
        self.checked.sources.get(file)
    }

    pub fn uri_of(&self, file: FileId) -> Option<&Uri> {
        self.uris.iter().find(|(id, _)| *id == file).map(|(_, u)| u)
    }

    pub fn ast(&self, file: FileId) -> Option<&ast::File> {
        self.asts.iter().find(|(id, _)| *id == file).map(|(_, f)| f)
    }

    /// The paths of the files this check read besides the document.
    pub fn used_paths(&self) -> Vec<PathBuf> {
        self.uris
            .iter()
            .filter(|(id, _)| *id != FileId::MAIN)
            .filter_map(|(_, u)| uri::to_path(u))
            .collect()
    }
}

/// Checks a document. A `file://` document follows its `use` lines under
/// `root` (the workspace folder that holds it, else the folder the
/// command line would take), reading used files through `read`.
pub fn analyse(
    doc: &Document,
    root: Option<Root>,
    read: Reader<'_>,
    previous: Option<&Analysis>,
) -> Analysis {
    let (checked, asts) = match &doc.path {
        Some(path) => {
            let root = root.unwrap_or_else(|| Root::enclosing(path));
            // Named by its absolute path, every used file is too (its name
            // is the `use` path from the folder of the name), so each file
            // of the check has a URI.
            let name = path.display().to_string();
            let bytes = doc.source.text().as_bytes().to_vec();
            let loaded = load::load_with(path, &name, bytes, &root, read);
            let mut asts: Vec<(FileId, ast::File)> = Vec::new();
            if let Some(main) = &loaded.main {
                asts.push((FileId::MAIN, main.clone()));
            }
            asts.extend(loaded.used.iter().map(|u| (u.id, u.file.clone())));
            (front::check_loaded(loaded), asts)
        }
        None => {
            let parsed = syntax::parse(&doc.source);
            let asts = parsed
                .file
                .clone()
                .map(|f| (FileId::MAIN, f))
                .into_iter()
                .collect();
            (front::check_parsed(doc.source.clone(), parsed), asts)
        }
    };
    let uris: Vec<(FileId, Uri)> = checked
        .sources
        .iter()
        .map(|(id, file)| {
            let named = (id != FileId::MAIN)
                .then(|| uri::from_path(std::path::Path::new(file.name())))
                .flatten();
            (id, named.unwrap_or_else(|| doc.uri.clone()))
        })
        .collect();
    let published = diagnostics::by_file(&checked, &uris);
    let model = checked
        .model
        .clone()
        .or_else(|| previous.and_then(|p| p.model.clone()));
    Analysis {
        uri: doc.uri.clone(),
        version: doc.version,
        checked,
        uris,
        asts,
        published,
        model,
    }
}
