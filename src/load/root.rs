//! The project root: the one folder `use` may read files under.
//!
//! Contracts are checked in CI on pull requests whose author controls the
//! contract, so a `use` must never read, show or even reveal the existence
//! of a file outside the project. The root is `--root DIR` when given (the
//! language server passes its workspace folder), else the nearest folder up
//! from the checked file that holds `.git`, else the file's own folder.
//! Every path is compared after symlinks are resolved.

use std::path::{Component, Path, PathBuf};

/// A canonical folder (symlinks resolved) that used files must lie under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Root {
    dir: PathBuf,
    /// How diagnostics name it: as given, or the folder found.
    shown: String,
}

/// Where a `use` path leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// An existing path under the root, canonical.
    Inside(PathBuf),
    /// Under the root, but nothing is there.
    Missing,
    /// Outside the root (whether or not anything is there is not looked at
    /// further than needed to tell, and never said).
    Outside,
}

impl Root {
    /// The root given (`--root DIR`, the workspace folder); an error when it
    /// is not a folder that can be resolved.
    pub fn given(dir: &Path) -> std::io::Result<Root> {
        let shown = dir.display().to_string();
        let dir = std::fs::canonicalize(dir)?;
        if dir.is_dir() {
            Ok(Root { dir, shown })
        } else {
            Err(std::io::Error::new(
                std::io::ErrorKind::NotADirectory,
                "not a folder",
            ))
        }
    }

    /// The root of a file checked without `--root`: the nearest folder up
    /// from it that holds `.git` (a folder, or the file of a worktree),
    /// else its own folder.
    pub fn enclosing(file: &Path) -> Root {
        let folder = match file.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let folder = std::fs::canonicalize(&folder).unwrap_or(folder);
        let repository = folder
            .ancestors()
            .find(|dir| dir.join(".git").exists())
            .map(Path::to_path_buf);
        let dir = repository.unwrap_or(folder);
        Root {
            shown: dir.display().to_string(),
            dir,
        }
    }

    /// The folder, canonical.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The folder as diagnostics name it: as `--root` gave it, else the
    /// folder found, in full.
    pub fn shown(&self) -> &str {
        &self.shown
    }

    /// True when a canonical path is the root or below it.
    fn holds(&self, canonical: &Path) -> bool {
        canonical.starts_with(&self.dir)
    }

    /// Resolves `written` (a `use` path) against the folder of the file
    /// that uses it. An absolute or `..` path that leaves the root is
    /// outside before anything is read; an existing path is compared after
    /// its symlinks are resolved; a missing one after its nearest existing
    /// folder's are, so a link out of the root never reveals what is
    /// missing beyond it.
    pub fn resolve(&self, importer: &Path, written: &str) -> Resolved {
        let folder = importer.parent().unwrap_or(Path::new(""));
        let joined = lexically_normal(&folder.join(written));
        if !self.holds(&joined) {
            return Resolved::Outside;
        }
        if let Ok(canonical) = std::fs::canonicalize(&joined) {
            return if self.holds(&canonical) {
                Resolved::Inside(canonical)
            } else {
                Resolved::Outside
            };
        }
        let existing = joined
            .ancestors()
            .find_map(|a| std::fs::canonicalize(a).ok());
        match existing {
            Some(canonical) if self.holds(&canonical) => Resolved::Missing,
            _ => Resolved::Outside,
        }
    }

    /// A canonical path under the root as the rule set names it: relative
    /// to the root, with `/` between names on every platform.
    pub fn relative(&self, canonical: &Path) -> String {
        slashed(canonical.strip_prefix(&self.dir).unwrap_or(canonical))
    }
}

/// A path with `/` between its names.
pub fn slashed(path: &Path) -> String {
    let mut out = String::new();
    for component in path.components() {
        let name = component.as_os_str().to_string_lossy();
        match component {
            Component::Prefix(_) => out.push_str(&name),
            Component::RootDir => out.push('/'),
            Component::CurDir | Component::ParentDir | Component::Normal(_) => {
                if !out.is_empty() && !out.ends_with('/') {
                    out.push('/');
                }
                out.push_str(&name);
            }
        }
    }
    out
}

/// `a/./b/../c` as `a/c`, without looking at the file system; a `..` that
/// climbs above the start of a relative path is kept (`../x`), above `/`
/// dropped (as the system does).
pub fn lexically_normal(path: &Path) -> PathBuf {
    let mut out: Vec<Component<'_>> = Vec::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => match out.last() {
                Some(Component::Normal(_)) => {
                    out.pop();
                }
                Some(Component::RootDir | Component::Prefix(_)) => {}
                Some(Component::ParentDir | Component::CurDir) | None => out.push(component),
            },
            Component::Normal(_) | Component::RootDir | Component::Prefix(_) => out.push(component),
        }
    }
    out.iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normal_paths_drop_dots_and_keep_leading_parents() {
        let n = |p: &str| lexically_normal(Path::new(p));
        assert_eq!(n("a/./b/../c"), PathBuf::from("a/c"));
        assert_eq!(n("../x/../y"), PathBuf::from("../y"));
        assert_eq!(n("/../etc"), PathBuf::from("/etc"));
        assert_eq!(
            n("contracts/../holidays/cn.sla"),
            PathBuf::from("holidays/cn.sla")
        );
    }

    /// A project folder with a library, a folder beside it holding a
    /// secret, and a link from the project to the secret's folder.
    fn project() -> (tempfile::TempDir, Root, PathBuf) {
        let top = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let project = top.path().join("project");
        let write = |p: &Path, text: &str| {
            if let Some(dir) = p.parent() {
                std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("{e}"));
            }
            std::fs::write(p, text).unwrap_or_else(|e| panic!("{e}"));
        };
        write(&project.join("holidays/cn.sla"), "holidays cn \"x\" {}\n");
        write(&top.path().join("secret/secret.txt"), "the secret\n");
        #[cfg(unix)]
        std::os::unix::fs::symlink(top.path().join("secret"), project.join("out"))
            .unwrap_or_else(|e| panic!("{e}"));
        let root = Root::given(&project).unwrap_or_else(|e| panic!("{e}"));
        let contract = root.dir().join("contracts/a.sla");
        (top, root, contract)
    }

    #[test]
    fn paths_under_the_root_resolve_and_others_are_outside() {
        let (_top, root, contract) = project();
        let inside = root.dir().join("holidays/cn.sla");
        assert_eq!(
            root.resolve(&contract, "../holidays/cn.sla"),
            Resolved::Inside(inside.clone())
        );
        assert_eq!(root.relative(&inside), "holidays/cn.sla");
        assert_eq!(
            root.resolve(&contract, "../holidays/none.sla"),
            Resolved::Missing
        );
        assert_eq!(root.resolve(&contract, "/etc/passwd"), Resolved::Outside);
        assert_eq!(
            root.resolve(&contract, "../../secret/secret.txt"),
            Resolved::Outside
        );
        assert_eq!(
            root.resolve(&contract, "../../nothing/here.sla"),
            Resolved::Outside
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_link_out_of_the_root_is_outside_whether_or_not_its_target_exists() {
        let (_top, root, contract) = project();
        assert_eq!(
            root.resolve(&contract, "../out/secret.txt"),
            Resolved::Outside
        );
        assert_eq!(
            root.resolve(&contract, "../out/missing.sla"),
            Resolved::Outside
        );
    }

    #[test]
    fn without_a_root_given_the_repository_or_the_files_folder_is_the_root() {
        let top = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let repo = top.path().join("repo");
        std::fs::create_dir_all(repo.join(".git")).unwrap_or_else(|e| panic!("{e}"));
        std::fs::create_dir_all(repo.join("contracts")).unwrap_or_else(|e| panic!("{e}"));
        let canonical = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|e| panic!("{e}"));
        let found = Root::enclosing(&repo.join("contracts/a.sla"));
        assert_eq!(found.dir(), canonical(&repo));
        let alone = top.path().join("alone");
        std::fs::create_dir_all(&alone).unwrap_or_else(|e| panic!("{e}"));
        let found = Root::enclosing(&alone.join("a.sla"));
        // The temporary folder may itself lie in a repository; then that
        // is the root, and it holds the file's folder.
        assert!(canonical(&alone).starts_with(found.dir()));
    }
}
