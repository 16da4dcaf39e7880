//! Files checked as `slac check` checks them: their `use` lines followed
//! under the project root (`contracts/globex-helpdesk.sla` uses
//! `holidays/uk-england.sla`). Text checked without a path cannot follow a
//! `use` line (E040).

use std::path::Path;

use super::golden::root;

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
