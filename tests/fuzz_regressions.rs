//! Every input a fuzzer found a bug with, replayed on stable by plain
//! `cargo test`: `tests/fuzz/<target>/*` through the property the target
//! `fuzz/fuzz_targets/<target>.rs` checks (`fuzz/props/<target>.rs`, the
//! one copy both use). docs/benchmarks.md says how the fuzzers are run.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code: a broken assumption stops the test with its message"
)]

#[path = "../fuzz/props/clock.rs"]
mod clock;
#[path = "../fuzz/props/format.rs"]
mod format;
#[path = "../fuzz/props/parse.rs"]
mod parse;

use std::path::Path;

/// Runs `property` on every file of `tests/fuzz/<target>/`, naming the file
/// that fails; returns how many ran.
fn replay(target: &str, property: fn(&[u8])) -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz")
        .join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_none_or(|e| e != "md"))
        .collect();
    files.sort();
    for file in &files {
        let data = std::fs::read(file).unwrap();
        if std::panic::catch_unwind(|| property(&data)).is_err() {
            panic!("fuzz regression {} fails again", file.display());
        }
    }
    files.len()
}

#[test]
fn parse_crashers_stay_fixed() {
    assert!(replay("parse", parse::run) > 0);
}

#[test]
fn format_crashers_stay_fixed() {
    assert!(replay("format", format::run) > 0);
}

#[test]
fn clock_crashers_stay_fixed() {
    assert!(replay("clock", clock::run) > 0);
}
