//! The `clock` fuzz target: its property is in `fuzz/props/clock.rs`, which
//! `tests/fuzz_regressions.rs` replays the crashers through on stable.
#![no_main]

#[path = "../props/clock.rs"]
mod props;

libfuzzer_sys::fuzz_target!(|data: &[u8]| props::run(data));
