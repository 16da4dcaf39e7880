//! Files checked as `slac check` checks them: their `use` lines followed
//! under the project root (`contracts/globex-helpdesk.sla` uses
//! `holidays/uk-england.sla`). Text checked without a path cannot follow a
//! `use` line (E040), so every test that checks a shipped contract, or an
//! edited copy of one, comes here. The library's and the binary's unit tests
//! include this file too (`crate::project`), written against `slac::…`.

use std::path::{Path, PathBuf};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `text` checked as if it were the file at `relative` (under the project
/// root): an edited copy of a shipped contract reads the same libraries.
pub fn check_at(relative: &str, text: &str) -> slac::Checked {
    let project = slac::load::Root::given(&root()).expect("the project root is a folder");
    slac::front::check_path(
        &root().join(relative),
        relative,
        text.as_bytes().to_vec(),
        &project,
    )
}

/// The file at `path` (absolute, or under the project root), checked.
pub fn check_file(path: &Path) -> slac::Checked {
    let path = root().join(path);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let relative = path
        .strip_prefix(root())
        .map_or_else(|_| path.display().to_string(), |p| p.display().to_string());
    check_at(&relative, &text)
}

/// A scratch copy of the project's layout, for commands run on files the
/// test writes: a folder marked as a repository (`.git`, so `slac` takes it
/// as the root) with copies of the shipped libraries in `holidays/` and an
/// empty `contracts/`. A copy of a shipped contract written into
/// `contracts/` follows its `use` lines as it does in the project. Removed
/// when dropped.
pub struct Scratch {
    root: tempfile::TempDir,
    contracts: PathBuf,
}

impl Default for Scratch {
    fn default() -> Scratch {
        Scratch::new()
    }
}

impl Scratch {
    pub fn new() -> Scratch {
        let dir = tempfile::tempdir().expect("a scratch folder");
        let libraries = dir.path().join("holidays");
        let contracts = dir.path().join("contracts");
        for folder in [
            dir.path().join(".git"),
            libraries.clone(),
            contracts.clone(),
        ] {
            std::fs::create_dir_all(folder).expect("a scratch folder");
        }
        let shipped = std::fs::read_dir(root().join("holidays")).expect("the shipped libraries");
        for entry in shipped {
            let from = entry.expect("a library").path();
            if let Some(name) = from.file_name() {
                std::fs::copy(&from, libraries.join(name)).expect("copy a library");
            }
        }
        Scratch {
            root: dir,
            contracts,
        }
    }

    /// The `contracts/` folder, where the test's files go.
    pub fn path(&self) -> &Path {
        &self.contracts
    }

    /// The scratch project's root.
    pub fn root(&self) -> &Path {
        self.root.path()
    }

    /// `bytes` written as `name` in `contracts/`; its path.
    pub fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let file = self.contracts.join(name);
        if let Some(folder) = file.parent() {
            std::fs::create_dir_all(folder).expect("the file's folder");
        }
        std::fs::write(&file, bytes).expect("write the file");
        file
    }
}
