//! The `parse` fuzz target: its property is in `fuzz/props/parse.rs`, which
//! `tests/fuzz_regressions.rs` replays the crashers through on stable.
#![no_main]

#[path = "../props/parse.rs"]
mod props;

libfuzzer_sys::fuzz_target!(|data: &[u8]| props::run(data));
