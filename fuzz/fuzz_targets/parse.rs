//! Any bytes through the whole front half (UTF-8 decoding, parse, checks):
//! it must never panic, and every diagnostic span must lie within the text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let checked = slac::check_bytes("fuzz.sla", data.to_vec());
    let len = checked.source().text().len();
    for d in &checked.diagnostics {
        assert!(d.span.start <= d.span.end && d.span.end() <= len, "{d:?}");
        let _ = checked.source().line_col(d.span.start());
        let _ = checked.source().line_col(d.span.end());
    }
});
