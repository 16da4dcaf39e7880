//! The done criterion of issue 8: a contract that uses the shipped library
//! `holidays/cn-2026.sla` computes `due` across the 2026 Spring Festival and
//! National Day exactly as the same contract with the days written out by
//! hand, and the resolved closed and open days of the two rule sets are the
//! same. Two such pairs: a small contract and its twin, and the shipped
//! `contracts/acme-support.sla` and a copy of it with the twin's days
//! written into its business calendar instead of its `use` line and set.
//!
//! The twin (`tests/fixtures/shared-calendars/days-written-out.sla`) copies
//! its days from the State Council's notice as `../shared/domain/cn-holidays.md`
//! lists them, not from the library, with the make-up days' hours written
//! out, so the library and the set machinery are checked against facts.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code: a broken assumption stops the test with its message"
)]

use chrono::{DateTime, Duration, NaiveDate, TimeZone, Utc};
use serde_json::Value;
use slac::clock::{due_times, DueTimes};
use slac::load::Root;
use slac::model::Contract;

mod support;
use support::golden::root;

const USES_LIBRARY: &str = "tests/fixtures/shared-calendars/uses-cn-2026.sla";
const WRITTEN_OUT: &str = "tests/fixtures/shared-calendars/days-written-out.sla";
const ACME: &str = "contracts/acme-support.sla";

/// The model of a contract file, its `use` lines followed under the project.
fn model_at(name: &str) -> Contract {
    let path = root().join(name);
    let bytes = std::fs::read(&path).unwrap();
    let project = Root::given(&root()).unwrap();
    let checked = slac::front::check_path(&path, name, bytes, &project);
    let errors: Vec<_> = checked
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .collect();
    assert!(errors.is_empty(), "{name}: {errors:#?}");
    checked
        .model
        .unwrap_or_else(|| panic!("{name} has no model"))
}

/// The `closed` and `open` lines of the twin's business calendar: the days
/// of 2026 as the State Council's notice gives them.
fn days_written_out() -> String {
    let twin = std::fs::read_to_string(root().join(WRITTEN_OUT)).unwrap();
    let start = twin.find("  calendar business").unwrap();
    let end = start + twin[start..].find("\n  }\n").unwrap();
    let days: Vec<&str> = twin[start..end]
        .lines()
        .filter(|l| {
            let l = l.trim_start();
            l.starts_with("closed") || l.starts_with("open")
        })
        .collect();
    assert_eq!(days.len(), 13, "seven holidays, six make-up days");
    days.iter().map(|l| format!("{l}\n")).collect()
}

/// The shipped acme contract with the days written out: no `use` line, and
/// the twin's days in place of `holidays cn-2026`.
fn acme_dated_out_text() -> String {
    let text = std::fs::read_to_string(root().join(ACME)).unwrap();
    let use_line = "use \"../holidays/cn-2026.sla\"\n";
    let set_line = text
        .lines()
        .find(|l| l.trim_start().starts_with("holidays cn-2026"))
        .map(|l| format!("{l}\n"))
        .expect("acme's business calendar takes the set cn-2026");
    assert!(text.contains(use_line));
    text.replace(use_line, "")
        .replace(&set_line, &days_written_out())
}

fn acme_dated_out() -> Contract {
    let checked = support::project::check_at(ACME, &acme_dated_out_text());
    let errors: Vec<_> = checked
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .collect();
    assert!(errors.is_empty(), "acme dated out: {errors:#?}");
    let model = checked.model.unwrap();
    assert!(model.sources.is_empty(), "reads no library");
    model
}

/// Each contract that uses the library, beside its dated-out twin.
fn pairs() -> [(Contract, Contract); 2] {
    [
        (model_at(USES_LIBRARY), model_at(WRITTEN_OUT)),
        (model_at(ACME), acme_dated_out()),
    ]
}

/// Every hour of the days from `first` to `last` (Beijing time), in UTC.
fn hours(first: (u32, u32), last: (u32, u32)) -> Vec<DateTime<Utc>> {
    let beijing = chrono::FixedOffset::east_opt(8 * 3600).unwrap();
    let day = |(m, d): (u32, u32)| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    let start = beijing
        .from_local_datetime(&day(first).and_hms_opt(0, 0, 0).unwrap())
        .unwrap()
        .to_utc();
    let end = beijing
        .from_local_datetime(&day(last).and_hms_opt(23, 0, 0).unwrap())
        .unwrap()
        .to_utc();
    let mut out = Vec::new();
    let mut at = start;
    while at <= end {
        out.push(at);
        at += Duration::hours(1);
    }
    out
}

fn due_all(contract: &Contract, received: &[DateTime<Utc>]) -> Vec<DueTimes> {
    let mut out = Vec::new();
    for priority in &contract.priorities {
        for at in received {
            out.push(due_times(contract, priority, *at, &[]).unwrap());
        }
    }
    out
}

#[test]
fn due_across_the_spring_festival_and_national_day_is_the_same_as_the_days_written_out() {
    // The weeks around each holiday: the make-up days before and after
    // (2026-02-14 and 02-28; 09-20 and 10-10), every hour, each priority.
    let mut received = hours((2, 7), (3, 7));
    received.extend(hours((9, 13), (10, 17)));
    assert_eq!(received.len(), (29 + 35) * 24);
    for (library, written) in pairs() {
        assert_eq!(library.priorities.len(), 4);
        let (from_library, from_written) =
            (due_all(&library, &received), due_all(&written, &received));
        assert_eq!(from_library.len(), received.len() * 4);
        for (a, b) in from_library.iter().zip(&from_written) {
            assert_eq!(a, b, "{}: received {}", library.title, a.received);
        }
    }
}

#[test]
fn the_holidays_do_move_the_due_times() {
    // P2 responds within 2 business hours: received Wednesday 30 September
    // 17:00, one hour that day, then closed 1–7 October, due Thursday
    // 8 October 10:00 (Beijing) — 02:00 UTC.
    let library = model_at(USES_LIBRARY);
    let p2 = library
        .priorities
        .iter()
        .find(|p| p.id.as_str() == "P2")
        .unwrap();
    let received = Utc.with_ymd_and_hms(2026, 9, 30, 9, 0, 0).unwrap();
    let due = due_times(&library, p2, received, &[]).unwrap();
    let expected = Utc.with_ymd_and_hms(2026, 10, 8, 2, 0, 0).unwrap();
    assert_eq!(due.response.at, expected);
    // Saturday 14 February is a make-up working day: received 09:00 that
    // day, due 11:00 the same day.
    let received = Utc.with_ymd_and_hms(2026, 2, 14, 1, 0, 0).unwrap();
    let due = due_times(&library, p2, received, &[]).unwrap();
    let expected = Utc.with_ymd_and_hms(2026, 2, 14, 3, 0, 0).unwrap();
    assert_eq!(due.response.at, expected);
}

/// The `closed` and `open` days of a calendar in a rule set.
fn resolved_days(contract: &Contract, calendar: &str) -> (Value, Value) {
    let json = slac::rules::to_json(&slac::rules::build(contract, false)).unwrap();
    let rules: Value = serde_json::from_str(&json).unwrap();
    let calendar = &rules["calendars"][calendar];
    (calendar["closed"].clone(), calendar["open"].clone())
}

#[test]
fn the_rule_sets_resolve_the_same_closed_and_open_days() {
    for (library, written) in pairs() {
        let (closed, open) = resolved_days(&library, "business");
        assert_eq!(
            (closed.clone(), open.clone()),
            resolved_days(&written, "business"),
            "{}",
            library.title
        );
        // 33 closed days in seven holidays and six make-up days: not empty.
        let days = |list: &Value| list.as_array().map_or(0, Vec::len);
        assert!(days(&closed) >= 7, "{closed:#}");
        assert_eq!(days(&open), 6, "{open:#}");
    }
}

/// `slac due` on the shipped contract and on its dated-out copy: the same
/// output, around the Spring Festival and National Day and on make-up days.
#[test]
fn slac_due_on_acme_agrees_with_its_dated_out_copy() {
    let scratch = support::project::Scratch::new();
    let copy = scratch.write("acme-dated-out.sla", acme_dated_out_text());
    let copy = copy.to_str().unwrap();
    for received in [
        "2026-02-13T17:00:00+08:00",
        "2026-02-14T10:00:00+08:00",
        "2026-02-27T16:30:00+08:00",
        "2026-09-30T17:00:00+08:00",
        "2026-10-09T17:30:00+08:00",
        "2026-10-10T08:00:00+08:00",
    ] {
        for priority in ["P1", "P2", "P3", "P4"] {
            let due = |file: &str| {
                let args = ["due", file, "--priority", priority, "--received", received];
                let out = support::cli::run(&args);
                assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
                assert_eq!(out.stderr, "", "{args:?}");
                out.stdout
            };
            assert_eq!(due(ACME), due(copy), "{priority} received {received}");
        }
    }
}
