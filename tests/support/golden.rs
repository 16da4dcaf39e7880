//! The one golden harness of every test binary: cases found by glob, each
//! output compared with the expectation beside it, and `SLAC_BLESS=1` to
//! rewrite the expectations instead (review them with `git diff tests/`).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

pub use super::project::root;

/// True when `SLAC_BLESS=1`. Unset, empty or `0` compares; any other value
/// is a mistake and stops the test, so a typo never passes silently.
pub fn blessing() -> bool {
    match std::env::var("SLAC_BLESS").as_deref() {
        Ok("1") => true,
        Ok("" | "0") | Err(std::env::VarError::NotPresent) => false,
        Ok(other) => panic!("SLAC_BLESS is `{other}`: use 1 to bless, 0 or unset to compare"),
        Err(std::env::VarError::NotUnicode(_)) => panic!("SLAC_BLESS is not text"),
    }
}

/// The path as the repository names it, with `/` on every platform.
pub fn relative(path: &Path) -> String {
    let rel = path.strip_prefix(root()).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Every file whose path below the repository root matches `pattern`,
/// sorted: `*` stands for any part of one name, `**` for any run of
/// folders (`tests/diagnostics/**/*.sla`).
pub fn glob(pattern: &str) -> Vec<PathBuf> {
    let parts: Vec<&str> = pattern.split('/').collect();
    let fixed = parts.iter().take_while(|p| !p.contains('*')).count();
    let (base, rest) = parts.split_at(fixed);
    let base = base.iter().fold(root(), |dir, part| dir.join(part));
    let mut found = Vec::new();
    let mut pending = vec![base.clone()];
    while let Some(dir) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                pending.push(path);
            } else {
                let below = path.strip_prefix(&base).unwrap_or(&path);
                let names: Vec<String> = below
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                if path_matches(rest, &names) {
                    found.push(path);
                }
            }
        }
    }
    found.sort();
    found
}

fn path_matches(pattern: &[&str], names: &[String]) -> bool {
    match (pattern.split_first(), names.split_first()) {
        (None, None) => true,
        (Some((&"**", rest)), _) => {
            path_matches(rest, names)
                || names
                    .split_first()
                    .is_some_and(|(_, tail)| path_matches(pattern, tail))
        }
        (Some((part, rest)), Some((name, tail))) => {
            name_matches(part, name) && path_matches(rest, tail)
        }
        _ => false,
    }
}

/// `*` matches any run of characters within one name.
fn name_matches(pattern: &str, name: &str) -> bool {
    match pattern.split_once('*') {
        None => pattern == name,
        Some((head, tail)) => {
            let Some(after) = name.strip_prefix(head) else {
                return false;
            };
            after
                .char_indices()
                .map(|(i, _)| i)
                .chain([after.len()])
                .any(|i| after.get(i..).is_some_and(|rest| name_matches(tail, rest)))
        }
    }
}

/// Without trailing spaces on any line and without trailing blank lines
/// (editors strip them from expectations).
pub fn trim_line_ends(text: &str) -> String {
    let mut out: String = text
        .lines()
        .map(|l| l.trim_end().to_string() + "\n")
        .collect();
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// A unified line diff, expected first.
pub fn line_diff(expected: &str, actual: &str) -> String {
    similar::TextDiff::from_lines(expected, actual)
        .unified_diff()
        .context_radius(3)
        .header("expected", "actual")
        .to_string()
}

/// One test's comparisons: every failure is collected, and [`Golden::finish`]
/// reports them all at once.
pub struct Golden {
    /// How to bless this suite, for the failure messages.
    bless: String,
    /// The first line of every expectation, not part of the output.
    header: Option<String>,
    /// Compare without trailing spaces and trailing blank lines (for
    /// expectations a person edits).
    trim_line_ends: bool,
    compared: BTreeSet<PathBuf>,
    failures: Vec<String>,
}

impl Golden {
    /// The comparisons of `cargo test --test {suite}`.
    pub fn new(suite: &str) -> Golden {
        Golden {
            bless: format!("SLAC_BLESS=1 cargo test --test {suite}"),
            header: None,
            trim_line_ends: false,
            compared: BTreeSet::new(),
            failures: Vec::new(),
        }
    }

    /// Every expectation starts with this line (written when blessing).
    pub fn with_header(mut self, header: &str) -> Golden {
        self.header = Some(header.to_string());
        self
    }

    /// Trailing spaces and trailing blank lines do not count.
    pub fn trimming_line_ends(mut self) -> Golden {
        self.trim_line_ends = true;
        self
    }

    pub fn bless_command(&self) -> &str {
        &self.bless
    }

    fn normalise(&self, text: &str) -> String {
        let text = text.replace("\r\n", "\n");
        if self.trim_line_ends {
            trim_line_ends(&text)
        } else {
            text
        }
    }

    /// Compares `actual` with the file `expected`, or writes it when blessing.
    pub fn check(&mut self, expected: &Path, actual: &str) {
        self.compared.insert(expected.to_path_buf());
        let actual = self.normalise(actual);
        if blessing() {
            let text = match &self.header {
                Some(header) => format!("{header}\n{actual}"),
                None => actual,
            };
            if let Some(folder) = expected.parent() {
                std::fs::create_dir_all(folder)
                    .unwrap_or_else(|e| panic!("cannot create {}: {e}", folder.display()));
            }
            std::fs::write(expected, text)
                .unwrap_or_else(|e| panic!("cannot write {}: {e}", expected.display()));
            return;
        }
        let Ok(text) = std::fs::read_to_string(expected) else {
            self.fail(format!(
                "{}: no expectation yet; run `{}` and review the new file",
                relative(expected),
                self.bless
            ));
            return;
        };
        let text = text.replace("\r\n", "\n");
        let body = match &self.header {
            Some(header) => text
                .strip_prefix(header.as_str())
                .map(|rest| rest.strip_prefix('\n').unwrap_or(rest))
                .unwrap_or(&text),
            None => &text,
        };
        let body = self.normalise(body);
        if body != actual {
            self.fail(format!(
                "{} differs:\n{}\nIf the new output is right, run `{}` and review the diff.",
                relative(expected),
                line_diff(&body, &actual),
                self.bless
            ));
        }
    }

    /// Every file matching `pattern` must have been compared: an
    /// expectation without its case is a renamed or a removed case.
    pub fn no_others(&mut self, pattern: &str) {
        for path in glob(pattern) {
            if !self.compared.contains(&path) {
                self.fail(format!(
                    "{}: an expectation without a case",
                    relative(&path)
                ));
            }
        }
    }

    pub fn fail(&mut self, failure: String) {
        self.failures.push(failure);
    }

    /// Fails the test with every failure collected.
    pub fn finish(self) {
        assert!(
            self.failures.is_empty(),
            "{} golden failure(s):\n\n{}",
            self.failures.len(),
            self.failures.join("\n\n")
        );
    }
}

#[test]
fn globs_match_names_and_folders() {
    assert!(name_matches("*.sla", "a.sla") && !name_matches("*.sla", "a.slab"));
    assert!(name_matches("E0*-x*", "E012-xy") && name_matches("*", ""));
    let names = |p: &str| p.split('/').map(String::from).collect::<Vec<_>>();
    assert!(path_matches(&["**", "*.sla"], &names("a.sla")));
    assert!(path_matches(&["**", "*.sla"], &names("x/y/a.sla")));
    assert!(!path_matches(&["*.sla"], &names("x/a.sla")));
    assert!(!glob("tests/diagnostics/**/*.sla").is_empty());
}
