//! What `docs/ci.md` tells a contracts repository to run: the pre-commit
//! hooks of `.pre-commit-hooks.yaml`, each run as pre-commit runs it (its
//! `entry`, then the staged file names).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code: a broken assumption stops the test with its message"
)]

use assert_cmd::Command;
use serde::Deserialize;
use std::path::PathBuf;

#[derive(Deserialize)]
struct Hook {
    id: String,
    entry: String,
    language: String,
    files: String,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn hooks() -> Vec<Hook> {
    let text = std::fs::read_to_string(root().join(".pre-commit-hooks.yaml"))
        .expect(".pre-commit-hooks.yaml at the repository root");
    serde_saphyr::from_str(&text).expect("a list of hooks")
}

/// The hook's entry with `files` after it, as pre-commit runs it.
fn run_hook(hook: &Hook, files: &[&str]) -> i32 {
    let mut words = hook.entry.split_whitespace();
    assert_eq!(
        words.next(),
        Some("slac"),
        "{}: the entry runs slac",
        hook.id
    );
    let output = Command::cargo_bin("slac")
        .expect("the slac binary")
        .args(words)
        .args(files)
        .current_dir(root())
        .output()
        .expect("slac runs");
    output.status.code().unwrap_or(-1)
}

#[test]
fn the_hooks_are_check_and_fmt_check_on_sla_files() {
    let hooks = hooks();
    let ids: Vec<&str> = hooks.iter().map(|h| h.id.as_str()).collect();
    assert_eq!(ids, ["slac-check", "slac-fmt-check"]);
    for hook in &hooks {
        assert_eq!(
            hook.language, "rust",
            "{}: pre-commit builds slac with cargo",
            hook.id
        );
        assert_eq!(hook.files, r"\.sla$", "{}", hook.id);
    }
}

#[test]
fn the_hooks_pass_the_shipped_contracts() {
    let contracts = [
        "contracts/acme-support.sla",
        "contracts/globex-helpdesk.sla",
    ];
    for hook in hooks() {
        assert_eq!(
            run_hook(&hook, &contracts),
            0,
            "{} on the shipped contracts",
            hook.id
        );
    }
}

#[test]
fn each_hook_fails_what_it_is_for() {
    let hooks = hooks();
    let find = |id: &str| hooks.iter().find(|h| h.id == id).expect("the hook");
    // ACME with one unknown calendar (E012).
    assert_eq!(
        run_hook(find("slac-check"), &["tests/cli/unknown-calendar.sla"]),
        1
    );
    // A clean contract in another layout.
    let reformat = "tests/diff/no-change-reformat-and-comments/new.sla";
    assert_eq!(run_hook(find("slac-check"), &[reformat]), 0);
    assert_eq!(run_hook(find("slac-fmt-check"), &[reformat]), 1);
}

/// The YAML blocks of docs/ci.md, parsed.
fn doc_yaml_blocks() -> Vec<serde_json::Value> {
    let text = std::fs::read_to_string(root().join("docs/ci.md")).expect("docs/ci.md");
    text.split("```yaml\n")
        .skip(1)
        .map(|rest| {
            let block = rest.split("```").next().unwrap_or_default();
            serde_saphyr::from_str(block).unwrap_or_else(|e| panic!("{e}\n{block}"))
        })
        .collect()
}

fn workflow_step<'a>(workflow: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    workflow["jobs"]["contracts"]["steps"]
        .as_array()
        .expect("steps")
        .iter()
        .find(|s| s["name"] == name)
        .unwrap_or_else(|| panic!("no step `{name}`"))
}

#[test]
fn the_workflow_uploads_sarif_and_comments_the_diff() {
    let blocks = doc_yaml_blocks();
    let workflow = blocks
        .iter()
        .find(|b| b.get("jobs").is_some())
        .expect("a workflow in docs/ci.md");
    let upload = workflow_step(workflow, "Upload SARIF to code scanning");
    assert_eq!(upload["uses"], "github/codeql-action/upload-sarif@v3");
    assert_eq!(upload["with"]["sarif_file"], "slac.sarif");
    let check = workflow_step(workflow, "slac check");
    assert!(check["run"]
        .as_str()
        .unwrap_or_default()
        .contains("--format sarif"));
    assert_eq!(workflow["permissions"]["security-events"], "write");
    assert_eq!(workflow["permissions"]["pull-requests"], "write");
}

/// The comment step's script, run in a scratch repository with a base and
/// a head commit, `slac` from this build and a stand-in for `gh` that keeps
/// the comment it was asked to post.
/// Runs the workflow's comment step on a repository of two commits: the
/// base holds acme and the library it uses, `head` edits it. Returns the
/// comment posted and the arguments `gh` got.
fn comment_step(head: impl FnOnce(&std::path::Path)) -> (String, String) {
    let blocks = doc_yaml_blocks();
    let workflow = blocks
        .iter()
        .find(|b| b.get("jobs").is_some())
        .expect("a workflow");
    let script = workflow_step(workflow, "Comment slac diff on the pull request")["run"]
        .as_str()
        .expect("a run script")
        .to_string();
    let dir = tempfile::tempdir().expect("a scratch folder");
    let repo = dir.path();
    let sh = |command: &str| {
        let status = std::process::Command::new("bash")
            .args(["-c", command])
            .current_dir(repo)
            .status()
            .expect("bash runs");
        assert!(status.success(), "{command}");
    };
    let acme = std::fs::read_to_string(root().join("contracts/acme-support.sla")).expect("acme");
    // The library acme uses, where its `use` line finds it.
    std::fs::create_dir_all(repo.join("holidays")).expect("mkdir");
    std::fs::copy(
        root().join("holidays/cn-2026.sla"),
        repo.join("holidays/cn-2026.sla"),
    )
    .expect("copy the library");
    std::fs::create_dir_all(repo.join("contracts")).expect("mkdir");
    std::fs::write(repo.join("contracts/acme-support.sla"), &acme).expect("write");
    sh("git init -q . && git add . && git -c user.name=t -c user.email=t@t commit -qm base");
    head(repo);
    sh("git add . && git -c user.name=t -c user.email=t@t commit -qm head");
    let bin = repo.join("bin");
    std::fs::create_dir_all(&bin).expect("mkdir");
    std::fs::write(
        bin.join("gh"),
        "#!/bin/sh\necho \"$@\" > gh-args.txt\nwhile [ $# -gt 0 ]; do [ \"$1\" = --body-file ] && cp \"$2\" posted.md; shift; done\n",
    )
    .expect("write gh");
    sh("chmod +x bin/gh");
    let slac = assert_cmd::cargo::cargo_bin("slac");
    let slac_dir = slac.parent().expect("the binary's folder");
    let path = format!(
        "{}:{}:{}",
        bin.display(),
        slac_dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let status = std::process::Command::new("bash")
        .args(["-e", "-o", "pipefail", "-c", &script])
        .current_dir(repo)
        .env("PATH", path)
        .env("BASE", "HEAD~1")
        .env("PR", "7")
        .status()
        .expect("bash runs");
    assert!(status.success(), "the comment step fails");
    let posted = std::fs::read_to_string(repo.join("posted.md")).expect("a comment was posted");
    let args = std::fs::read_to_string(repo.join("gh-args.txt")).expect("gh was called");
    (posted, args)
}

#[test]
fn the_comment_step_posts_the_markdown_diff_of_each_changed_contract() {
    let (posted, args) = comment_step(|repo| {
        let acme = std::fs::read_to_string(repo.join("contracts/acme-support.sla")).expect("acme");
        let changed = acme.replacen("P1 within 15 minutes", "P1 within 10 minutes", 1);
        std::fs::write(repo.join("contracts/acme-support.sla"), changed).expect("write");
        std::fs::write(repo.join("contracts/new.sla"), &acme).expect("write");
    });
    assert!(
        posted.contains("| P1 response | changed | 15 minutes | 10 minutes | **tightened** |"),
        "{posted}"
    );
    assert!(
        posted.contains("### New contract: `contracts/new.sla`"),
        "{posted}"
    );
    assert!(
        args.starts_with("pr comment 7 --edit-last --create-if-none"),
        "{args}"
    );
}

/// A pull request that changes only a holiday library: the comment shows
/// what it changes in the contract that uses it, not "could not compare".
#[test]
fn a_changed_library_is_shown_through_the_contracts_that_use_it() {
    let (posted, _) = comment_step(|repo| {
        let path = repo.join("holidays/cn-2026.sla");
        let library = std::fs::read_to_string(&path).expect("the library");
        let changed = library.replacen("2026-02-14, 2026-02-28", "2026-02-14", 1);
        assert_ne!(changed, library, "the make-up day is in the library");
        std::fs::write(&path, changed).expect("write");
    });
    assert!(!posted.contains("could not compare"), "{posted}");
    assert!(
        posted.contains("### Holiday library changed: `holidays/cn-2026.sla`"),
        "{posted}"
    );
    assert!(
        posted.contains("| cn-2026 holiday set make-up days | removed | 2026-02-28"),
        "{posted}"
    );
}
