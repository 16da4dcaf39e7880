//! `slac holidays show`: the expanded days of the shipped libraries, one a
//! line or as JSON, `--set`, `--years`, and usage errors.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code: a broken assumption stops the test with its message"
)]

use serde_json::Value;

mod support;
use support::cli::run;

#[test]
fn us_federal_2027_one_line_a_day() {
    let out = run(&[
        "holidays",
        "show",
        "holidays/us-federal.sla",
        "--years",
        "2027",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), 12, "{}", out.stdout);
    assert!(lines.contains(&"2027-11-25 Thu closed Thanksgiving Day [us-federal]"));
    // New Year's Day 2028 is a Saturday: kept on Friday 2027-12-31.
    assert_eq!(
        lines.last(),
        Some(&"2027-12-31 Fri closed New Year's Day [us-federal]")
    );
}

#[test]
fn uk_substitutes_and_dated_days_as_json_by_date() {
    let out = run(&[
        "holidays",
        "show",
        "holidays/uk-england.sla",
        "--years",
        "2022..2022",
        "--format",
        "json",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let days: Vec<Value> = serde_json::from_str(&out.stdout).unwrap();
    let dates: Vec<&str> = days.iter().map(|d| d["date"].as_str().unwrap()).collect();
    assert_eq!(
        dates,
        [
            "2022-01-03",
            "2022-04-15",
            "2022-04-18",
            "2022-05-02",
            "2022-06-02",
            "2022-06-03",
            "2022-08-29",
            "2022-09-19",
            "2022-12-26",
            "2022-12-27"
        ]
    );
    let christmas = &days[9];
    assert_eq!(christmas["weekday"], "Tue");
    assert_eq!(christmas["kind"], "closed");
    assert_eq!(christmas["note"], "Christmas Day");
    assert_eq!(christmas["set"], "uk-england");
}

#[test]
fn make_up_days_are_open() {
    let out = run(&[
        "holidays",
        "show",
        "holidays/cn-2026.sla",
        "--years",
        "2026",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out
        .stdout
        .contains("2026-02-14 Sat open 春节调休上班 [cn-2026]\n"));
    assert!(out
        .stdout
        .contains("2026-02-15 Sun closed 春节 [cn-2026]\n"));
    let open = out.stdout.lines().filter(|l| l.contains(" open ")).count();
    assert_eq!(open, 6);
}

#[test]
fn set_picks_one_set_and_an_unknown_one_is_a_usage_error() {
    let out = run(&[
        "holidays",
        "show",
        "holidays/us-federal.sla",
        "--set",
        "us-federal",
        "--years",
        "2030",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(out.stdout.lines().all(|l| l.ends_with("[us-federal]")));
    let out = run(&["holidays", "show", "holidays/us-federal.sla", "--set", "us"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("no holiday set `us`"), "{}", out.stderr);
    assert!(out.stderr.contains("us-federal"), "{}", out.stderr);
}

#[test]
fn bad_years_are_usage_errors() {
    for years in ["2030..2020", "26..28", "2026-2028", "x"] {
        let out = run(&[
            "holidays",
            "show",
            "holidays/us-federal.sla",
            "--years",
            years,
        ]);
        assert_eq!(out.code, 2, "--years {years}: {}", out.stderr);
        assert!(out.stderr.contains("--years"), "{}", out.stderr);
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn a_contract_lists_the_sets_its_calendars_use_from_libraries() {
    // Globex's calendars take `uk-england` from holidays/uk-england.sla.
    let out = run(&[
        "holidays",
        "show",
        "contracts/globex-helpdesk.sla",
        "--years",
        "2027",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout
            .lines()
            .any(|l| l == "2027-12-27 Mon closed Christmas Day [uk-england]"),
        "{}",
        out.stdout
    );
    let picked = run(&[
        "holidays",
        "show",
        "contracts/globex-helpdesk.sla",
        "--set",
        "uk-england",
        "--years",
        "2027",
    ]);
    assert_eq!(picked.code, 0, "{}", picked.stderr);
    assert_eq!(picked.stdout, out.stdout);
}
