//! What the main loop and the check worker share: the open documents, the
//! last analysis of each, and the workspace folders.

use super::analysis::Analysis;
use super::documents::Documents;
use crate::load::Root;
use lsp_types::Uri;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

#[derive(Debug, Default)]
pub struct State {
    documents: Mutex<Documents>,
    analyses: Mutex<HashMap<String, Arc<Analysis>>>,
    /// The workspace folders, canonical: the root of `use` for the files
    /// in them.
    folders: Vec<PathBuf>,
}

/// A lock, also after a thread panicked while holding it (the data is
/// replaced whole, never left half-written).
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

impl State {
    pub fn new(folders: Vec<PathBuf>) -> State {
        State {
            folders: folders
                .into_iter()
                .map(|f| std::fs::canonicalize(&f).unwrap_or(f))
                .collect(),
            ..State::default()
        }
    }

    pub fn documents(&self) -> MutexGuard<'_, Documents> {
        lock(&self.documents)
    }

    /// The last analysis of a document (answered from while a newer check
    /// runs).
    pub fn analysis(&self, uri: &Uri) -> Option<Arc<Analysis>> {
        lock(&self.analyses).get(uri.as_str()).cloned()
    }

    pub fn analyses(&self) -> Vec<Arc<Analysis>> {
        lock(&self.analyses).values().cloned().collect()
    }

    pub fn store(&self, analysis: Analysis) {
        let key = analysis.uri.as_str().to_owned();
        lock(&self.analyses).insert(key, Arc::new(analysis));
    }

    pub fn forget(&self, uri: &Uri) {
        lock(&self.analyses).remove(uri.as_str());
    }

    /// The root for a file: the innermost workspace folder that holds it,
    /// else `None` (the loader then takes the enclosing repository or the
    /// file's folder, as the command line does).
    pub fn root_for(&self, path: &Path) -> Option<Root> {
        let folder = self
            .folders
            .iter()
            .filter(|f| path.starts_with(f))
            .max_by_key(|f| f.components().count())?;
        Root::given(folder).ok()
    }
}
