//! `slac holidays import FILE.ics --id ID …` through the real binary: the
//! library written passes `slac check` and `slac fmt --check`, `-o` writes
//! whole or not at all and never over the feed, bad input exits 2.
//! The feeds are in `tests/ics/` (shapes of Google's, Outlook's and a
//! Chinese 调休 feed); what each event becomes is tested in `src/ics_tests.rs`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code: a broken assumption stops the test with its message"
)]

mod support;
use std::path::Path;
use support::cli::{run, run_in};

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn an_imported_library_checks_and_is_formatted() {
    let dir = tempfile::tempdir().unwrap();
    for (feed, id, extra) in [
        ("tests/ics/google-us-2027.ics", "us-2027", vec![]),
        (
            "tests/ics/outlook-uk.ics",
            "uk",
            vec!["--years", "2024..2027"],
        ),
        (
            "tests/ics/cn-2026.ics",
            "cn-2026",
            vec!["--workdays", "班|补班|上班"],
        ),
    ] {
        let out = dir.path().join(format!("{id}.sla"));
        let mut args = vec!["holidays", "import", feed, "--id", id, "-o", path(&out)];
        args.extend(extra);
        let import = run(&args);
        assert_eq!(import.code, 0, "{feed}: {}", import.stderr);
        assert!(import.stdout.is_empty(), "{}", import.stdout);
        let check = run(&["check", "--color", "never", path(&out)]);
        assert_eq!(check.code, 0, "{feed}: {}{}", check.stdout, check.stderr);
        let fmt = run(&["fmt", "--check", path(&out)]);
        assert_eq!(fmt.code, 0, "{feed}: {}{}", fmt.stdout, fmt.stderr);
    }
}

#[test]
fn without_o_the_library_goes_to_stdout_and_skipped_events_to_stderr() {
    let import = run(&[
        "holidays",
        "import",
        "tests/ics/google-us-2027.ics",
        "--id",
        "us-2027",
        "--label",
        "US holidays 2027",
    ]);
    assert_eq!(import.code, 0, "{}", import.stderr);
    assert!(
        import
            .stdout
            .contains("holidays us-2027 \"US holidays 2027\" {"),
        "{}",
        import.stdout
    );
    assert!(import
        .stdout
        .contains("closed 2027-11-25..2027-11-26 \"Thanksgiving Day"));
    assert!(
        import.stderr.contains(
            "note: skipped \"Independence Day parade\" at 20270704T090000Z: a timed event"
        ),
        "{}",
        import.stderr
    );
    assert!(import
        .stderr
        .contains("imported 5 events into set `us-2027`"));
}

#[test]
fn bad_input_exits_2_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let not_ics = dir.path().join("notes.ics");
    std::fs::write(&not_ics, "just some notes\n").unwrap();
    let out = dir.path().join("out.sla");
    let feed = "tests/ics/cn-2026.ics";
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec![path(&not_ics), "--id", "x"],
            "not an iCalendar file: it does not start with `BEGIN:VCALENDAR`",
        ),
        (
            vec![feed, "--id", "x", "--years", "2027..2026"],
            "--years `2027..2026` ends before it starts",
        ),
        (
            vec![feed, "--id", "x", "--years", "26"],
            "--years `26` is not a year such as 2026",
        ),
        (
            vec![feed, "--id", "x", "--workdays", "班("],
            "--workdays `班(` is not a regular expression",
        ),
        (vec![feed, "--id", "2026"], "`2026` is not a set id"),
        (
            vec!["tests/ics/missing.ics", "--id", "x"],
            "cannot read `tests/ics/missing.ics`",
        ),
    ];
    for (args, message) in cases {
        let mut all = vec!["holidays", "import"];
        all.extend(args.iter().copied());
        all.extend(["-o", path(&out)]);
        let run = run(&all);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(run.stderr.contains(message), "{args:?}: {}", run.stderr);
        assert!(!out.exists(), "{args:?} wrote {}", out.display());
    }
}

#[test]
fn a_failed_import_leaves_an_existing_output_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("cn.sla");
    std::fs::write(&out, "// kept\n").unwrap();
    let bad = dir.path().join("bad.ics");
    std::fs::write(&bad, "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\n").unwrap();
    let run = run_in(
        dir.path(),
        &[
            "holidays", "import", "bad.ics", "--id", "cn", "-o", "cn.sla",
        ],
        &[],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "// kept\n");
    // No temporary file left behind either.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

#[test]
fn the_output_is_never_the_feed() {
    let dir = tempfile::tempdir().unwrap();
    let feed = dir.path().join("cn.ics");
    std::fs::copy("tests/ics/cn-2026.ics", &feed).unwrap();
    let before = std::fs::read(&feed).unwrap();
    let run = run(&[
        "holidays",
        "import",
        path(&feed),
        "--id",
        "cn",
        "-o",
        path(&feed),
    ]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("is the input"), "{}", run.stderr);
    assert_eq!(std::fs::read(&feed).unwrap(), before);
}

#[test]
fn yearly_rrules_become_closed_yearly_lines_that_count_in_any_year() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("us.sla");
    let import = run(&[
        "holidays",
        "import",
        "tests/ics/outlook-us-yearly.ics",
        "--id",
        "us",
        "--years",
        "2025..2026",
        "-o",
        path(&out),
    ]);
    assert_eq!(import.code, 0, "{}", import.stderr);
    let library = std::fs::read_to_string(&out).unwrap();
    for line in [
        "closed yearly 01-01 from 2020 \"New Year's Day\"",
        "closed yearly 2nd mon feb from 2020 until 2025 except 2023 \"Company founders' day (until 2025)\"",
        "closed yearly 3rd mon jan from 2020 \"Martin Luther King Jr. Day\"",
        "closed yearly last mon may from 2020 \"Memorial Day\"",
        "closed yearly 06-19 from 2021 \"Juneteenth\"",
        "closed yearly 4th thu nov from 2020 \"Thanksgiving Day\"",
    ] {
        assert!(library.contains(line), "{line}\n{library}");
    }
    // Two days a year: no yearly line says it, so expanded over --years.
    assert!(
        library.contains("closed 2025-12-24..2025-12-25 \"Christmas Eve and Christmas Day\""),
        "{library}"
    );
    let check = run(&["check", "--color", "never", path(&out)]);
    assert_eq!(check.code, 0, "{}{}", check.stdout, check.stderr);
    // The days, worked out by hand from a calendar of those years.
    let show = run(&["holidays", "show", path(&out), "--years", "2025..2027"]);
    assert_eq!(show.code, 0, "{}", show.stderr);
    let dates: Vec<&str> = show
        .stdout
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .collect();
    assert_eq!(
        dates,
        [
            "2025-01-01",
            "2025-01-20",
            "2025-02-10",
            "2025-05-26",
            "2025-06-19",
            "2025-11-27",
            "2025-12-24",
            "2025-12-25",
            "2026-01-01",
            "2026-01-19",
            "2026-05-25",
            "2026-06-19",
            "2026-11-26",
            "2026-12-24",
            "2026-12-25",
            "2027-01-01",
            "2027-01-18",
            "2027-05-31",
            "2027-06-19",
            "2027-11-25",
        ],
        "{}",
        show.stdout
    );
}
