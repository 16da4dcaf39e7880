//! Checking grows linearly with the days a calendar lists: 8× the closed
//! days, make-up days and holiday-set days take about 8× the time, not
//! 64×. Measured as a ratio in one run, so a loaded machine slows both
//! sides alike; the bound (20×) is far from both 8× and 64×.
//! (`benches/check.rs`'s `scaling` group draws the curves.)
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code: a broken assumption stops the test with its message"
)]

use chrono::{Datelike, NaiveDate, Weekday};
use std::fmt::Write;
use std::time::{Duration, Instant};

/// A contract whose calendar has `n` closed weekdays and `n / 4` make-up
/// weekend days of its own, and uses a set (its library `team.sla`) of
/// `n` other weekdays, all spread over 2027–2126; a channel on the same
/// calendar, so W004 compares every listed date; `channels` channels on
/// it, all listed in `submit via`. (contract, library)
fn contract(n: usize, channels: usize) -> (String, String) {
    let first = NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
    let end = NaiveDate::from_ymd_opt(2126, 12, 31).unwrap();
    let days: Vec<NaiveDate> = first.iter_days().take_while(|d| *d <= end).collect();
    let weekend = |d: &&NaiveDate| matches!(d.weekday(), Weekday::Sat | Weekday::Sun);
    let weekdays: Vec<&NaiveDate> = days.iter().filter(|d| !weekend(d)).collect();
    let weekends: Vec<&NaiveDate> = days.iter().filter(weekend).collect();
    let pick = |list: &[&NaiveDate], count: usize, offset: usize| -> Vec<NaiveDate> {
        // From the first to the last but one, evenly: far enough apart
        // (3 or more) that `offset` 1 never meets another pick.
        let last = list.len() - 2;
        (0..count)
            .map(|k| *list[k * last / (count - 1) + offset])
            .collect()
    };
    let mut library = String::from("holidays team \"团队假日\" {\n");
    for day in pick(&weekdays, n, 1) {
        let _ = writeln!(library, "  closed {day} \"团建\"");
    }
    library.push_str("}\n");
    let mut s = String::from("use \"team.sla\"\n");
    s.push_str(
        "contract \"规模\" {\n  id \"SCALE\"\n  effective 2027-01-01..2126-12-31\n\
         \x20 timezone \"Asia/Shanghai\"\n  clock office\n\
         \x20 party client \"甲方\" { short \"甲\" }\n  party provider \"乙方\" { short \"乙\" }\n\
         \x20 scope { service desk \"服务台\" }\n\
         \x20 calendar office \"工作日\" {\n    mon-fri 09:00-18:00\n    holidays team\n",
    );
    for day in pick(&weekdays, n, 0) {
        let _ = writeln!(s, "    closed {day} \"节日\"");
    }
    for day in pick(&weekends, n / 4, 0) {
        let _ = writeln!(s, "    open   {day} 09:00-18:00 \"调休\"");
    }
    s.push_str("  }\n");
    for c in 0..channels {
        let _ = writeln!(s, "  channel ch{c} \"热线{c}\" {{ hours office }}");
    }
    s.push_str(
        "  priority P1 \"紧急\" { \"中断。\" }\n\
         \x20 response {\n    P1 within 30 minutes\n  }\n\
         \x20 resolution {\n    P1 within 2 business days\n  }\n",
    );
    let names: Vec<String> = (0..channels).map(|c| format!("ch{c}")).collect();
    let _ = write!(
        s,
        "  support {{\n    submit via {}\n  }}\n}}\n",
        names.join(", ")
    );
    (s, library)
}

/// The faster of two checks of the contract of [`contract`]`(n, channels)`
/// with its library, asserted clean.
fn check_time(n: usize, channels: usize) -> Duration {
    let dir = tempfile::tempdir().unwrap();
    let (text, library) = contract(n, channels);
    std::fs::write(dir.path().join("team.sla"), library).unwrap();
    let path = dir.path().join("scale.sla");
    std::fs::write(&path, &text).unwrap();
    let root = slac::load::Root::given(dir.path()).unwrap();
    (0..2)
        .map(|_| {
            let start = Instant::now();
            let bytes = text.as_bytes().to_vec();
            let checked = slac::front::check_path(&path, "scale.sla", bytes, &root);
            let elapsed = start.elapsed();
            let found: Vec<String> = checked
                .diagnostics
                .iter()
                .take(3)
                .map(|d| format!("{} {}", d.code, d.message))
                .collect();
            assert!(found.is_empty() && checked.model.is_some(), "{found:?}");
            elapsed
        })
        .min()
        .unwrap()
}

#[test]
fn listed_days_check_in_linear_time() {
    let small = check_time(500, 1);
    let large = check_time(4_000, 1);
    let ratio = large.as_secs_f64() / small.as_secs_f64();
    eprintln!("500 days: {small:?}; 4,000 days: {large:?}; {ratio:.1}×");
    assert!(
        ratio < 20.0,
        "8× the days took {ratio:.1}× the time ({small:?} → {large:?})"
    );
}

/// Channels and listed days together: W004 looked every listed date up
/// once per channel (and each `submit via` name up in the list of
/// channels), quadratic when both grow; channels on one calendar now
/// count once.
#[test]
fn channels_and_days_check_in_linear_time() {
    let small = check_time(250, 250);
    let large = check_time(2_000, 2_000);
    let ratio = large.as_secs_f64() / small.as_secs_f64();
    eprintln!("250 days and channels: {small:?}; 2,000: {large:?}; {ratio:.1}×");
    assert!(
        ratio < 20.0,
        "8× the days and channels took {ratio:.1}× the time ({small:?} → {large:?})"
    );
}

/// Channels alone: `submit via` kept its channels in a list and looked
/// every name up in it (`Vec::contains`), quadratic in the channels listed
/// (release: 1,000 channels 0.03 s, 8,000 0.40 s). In a debug build the
/// rest of the check hides that part (9.9× before the fix): this keeps the
/// channel curve from going far off, the release bench draws it.
#[test]
fn channels_check_in_linear_time() {
    let small = check_time(100, 500);
    let large = check_time(100, 4_000);
    let ratio = large.as_secs_f64() / small.as_secs_f64();
    eprintln!("500 channels: {small:?}; 4,000: {large:?}; {ratio:.1}×");
    assert!(
        ratio < 20.0,
        "8× the channels took {ratio:.1}× the time ({small:?} → {large:?})"
    );
}
