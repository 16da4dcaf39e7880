//! The open documents: the editor's unsaved text of each, kept in step with
//! full or incremental changes, and found by URI or by path (a contract's
//! `use` of an open library reads the library's unsaved text).

use super::positions;
use super::uri;
use crate::source::SourceFile;
use lsp_types::{TextDocumentContentChangeEvent, Uri};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// One open document.
#[derive(Debug, Clone)]
pub struct Document {
    pub uri: Uri,
    pub version: i32,
    /// Its text, with the line index positions are counted on.
    pub source: SourceFile,
    /// Its path on disk, canonical, for a `file://` document.
    pub path: Option<PathBuf>,
}

/// Every open document, by URI.
#[derive(Debug, Default)]
pub struct Documents {
    open: HashMap<String, Document>,
}

impl Documents {
    pub fn open(&mut self, uri: Uri, version: i32, text: String) {
        let path = uri::to_path(&uri).map(|p| std::fs::canonicalize(&p).unwrap_or(p));
        let source = SourceFile::new(uri.as_str(), text);
        let key = uri.as_str().to_owned();
        self.open.insert(
            key,
            Document {
                uri,
                version,
                source,
                path,
            },
        );
    }

    /// Applies the changes in order; `false` when the document is not open.
    pub fn change(
        &mut self,
        uri: &Uri,
        version: i32,
        changes: Vec<TextDocumentContentChangeEvent>,
    ) -> bool {
        let Some(doc) = self.open.get_mut(uri.as_str()) else {
            return false;
        };
        for change in changes {
            let text = match change.range {
                None => change.text,
                Some(range) => {
                    let span = positions::span(&doc.source, range);
                    let old = doc.source.text();
                    let mut text = String::with_capacity(old.len() + change.text.len());
                    text.push_str(old.get(..span.start()).unwrap_or(old));
                    text.push_str(&change.text);
                    text.push_str(old.get(span.end().max(span.start())..).unwrap_or(""));
                    text
                }
            };
            doc.source = SourceFile::new(doc.source.name(), text);
        }
        doc.version = version;
        true
    }

    pub fn close(&mut self, uri: &Uri) {
        self.open.remove(uri.as_str());
    }

    pub fn get(&self, uri: &Uri) -> Option<&Document> {
        self.open.get(uri.as_str())
    }

    /// The open document at a canonical path.
    pub fn at_path(&self, path: &Path) -> Option<&Document> {
        self.open.values().find(|d| d.path.as_deref() == Some(path))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lsp_types::{Position, Range};
    use std::str::FromStr;

    #[test]
    fn incremental_changes_apply_in_utf16_columns() {
        let uri = Uri::from_str("file:///t.sla").unwrap_or_else(|_| unreachable!());
        let mut docs = Documents::default();
        docs.open(uri.clone(), 1, "a \"客😀\" b\nsecond\n".into());
        let edit = |line, from, to, text: &str| TextDocumentContentChangeEvent {
            range: Some(Range::new(
                Position::new(line, from),
                Position::new(line, to),
            )),
            range_length: None,
            text: text.into(),
        };
        // `b` is at column 8: a, space, quote, 客 (1), 😀 (2), quote, space.
        let changed = docs.change(&uri, 2, vec![edit(0, 8, 9, "B"), edit(1, 0, 6, "2nd")]);
        assert!(changed);
        let doc = docs.get(&uri).unwrap_or_else(|| unreachable!());
        assert_eq!(doc.source.text(), "a \"客😀\" B\n2nd\n");
        assert_eq!(doc.version, 2);
    }
}
