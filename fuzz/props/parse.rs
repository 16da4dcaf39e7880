//! The property of the `parse` target: any bytes through the whole front
//! half (UTF-8 decoding, parse, checks) never panic, and every diagnostic
//! span lies within the text. Shared by the fuzz target and
//! `tests/fuzz_regressions.rs`, which replays the crashers on stable.

pub fn run(data: &[u8]) {
    let checked = slac::check_bytes("fuzz.sla", data.to_vec());
    let len = checked.source().text().len();
    for d in &checked.diagnostics {
        assert!(d.span.start <= d.span.end && d.span.end() <= len, "{d:?}");
        let _ = checked.source().line_col(d.span.start());
        let _ = checked.source().line_col(d.span.end());
    }
}
