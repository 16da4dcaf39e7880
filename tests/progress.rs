//! `eval`'s progress bar: drawn on standard error when it is a terminal
//! and the log is large (16 MiB or more), never when standard error is
//! piped. The terminal is a pseudo-terminal from util-linux's `script`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // tests fail by panicking

use assert_cmd::cargo::CommandCargoExt;
use std::path::{Path, PathBuf};
use std::process::Command;

const CONTRACT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/exports/helpdesk.sla");
const AS_OF: &str = "2027-05-01T00:00:00+08:00";
/// Words of the bar's template (src/cli/eval.rs).
const BAR: &str = "evaluating";

/// A valid log of `rows` tickets, each with a `note` column of `pad`
/// bytes (a column the log may have and eval ignores), so a few rows
/// make a large file.
fn log(dir: &Path, name: &str, rows: usize, pad: usize) -> PathBuf {
    let mut text = String::from(
        "id,priority,channel,received_at,first_response_at,resolved_at,\
         workaround_at,first_contact_resolved,csat,paused,note\n",
    );
    let note = "x".repeat(pad);
    for n in 0..rows {
        text.push_str(&format!(
            "T{n},P2,email,2027-03-02T10:00:00+08:00,2027-03-02T10:30:00+08:00,\
             2027-03-03T10:00:00+08:00,,,,,{note}\n"
        ));
    }
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn slac() -> PathBuf {
    Command::cargo_bin("slac").unwrap().get_program().into()
}

/// `slac eval` on `log` under a pseudo-terminal: what the terminal showed.
fn on_a_terminal(log: &Path, report: &Path) -> String {
    let command = format!(
        "'{}' eval '{CONTRACT}' '{}' --as-of {AS_OF} --format json -o '{}'",
        slac().display(),
        log.display(),
        report.display()
    );
    let out = Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .output()
        .expect("util-linux `script` runs the binary under a pseudo-terminal");
    let shown = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(out.status.success(), "{shown}");
    shown
}

#[test]
fn a_large_log_shows_a_progress_bar_on_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let large = log(dir.path(), "large.csv", 1100, 16 << 10);
    assert!(std::fs::metadata(&large).unwrap().len() >= 16 << 20);
    let report = dir.path().join("report.json");
    let shown = on_a_terminal(&large, &report);
    assert!(shown.contains(BAR), "no bar on the terminal: {shown:?}");
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
    assert_eq!(json["skipped_total"], 0);
}

#[test]
fn no_bar_when_standard_error_is_piped_or_the_log_is_small() {
    let dir = tempfile::tempdir().unwrap();
    let large = log(dir.path(), "large.csv", 1100, 16 << 10);
    let out = Command::new(slac())
        .args(["eval", CONTRACT])
        .arg(&large)
        .args(["--as-of", AS_OF, "--format", "json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains(BAR), "a bar on a pipe: {stderr:?}");
    assert!(out.stdout.starts_with(b"{"));

    let small = log(dir.path(), "small.csv", 10, 0);
    let shown = on_a_terminal(&small, &dir.path().join("report.json"));
    assert!(!shown.contains(BAR), "a bar for a small log: {shown:?}");
}
