//! The `format` fuzz target: its property is in `fuzz/props/format.rs`, which
//! `tests/fuzz_regressions.rs` replays the crashers through on stable.
#![no_main]

#[path = "../props/format.rs"]
mod props;

libfuzzer_sys::fuzz_target!(|data: &[u8]| props::run(data));
