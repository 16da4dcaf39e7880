//! Holiday sets (docs/language.md, "Holiday sets"): a library file on its
//! own, the commands that refuse one, and a calendar that uses a set
//! counting exactly as the same calendar with the days written out.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code: a broken assumption stops the test with its message"
)]

use chrono::NaiveDate;
use slac::ast::FileKind;
use slac::model::CalendarId;
use slac::SourceFile;
use std::path::PathBuf;

mod support;
use support::cli::run;

const LIBRARY: &str = "tests/fixtures/holidays-library.sla";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// ACME as it was in 2027, its two days written into the calendar (the
/// shipped contract now takes 2026's from holidays/cn-2026.sla, which
/// tests/shared_calendars.rs holds to the days written out): a contract
/// without `use`, so that the sets below are the contract's own.
fn acme() -> String {
    std::fs::read_to_string(root().join("tests/fixtures/remedies.sla")).unwrap()
}

const ACME_DAYS: &str = r#"    closed  2027-10-01..2027-10-07 "国庆节"
    open    2027-09-26 09:00-18:00 "调休上班"  // make-up working day
"#;

/// ACME with its business calendar's days written out (the make-up day on
/// the Monday–Friday hours).
fn written_out() -> String {
    let text = acme();
    assert!(text.contains(ACME_DAYS));
    text.replace(
        ACME_DAYS,
        "    closed  2027-10-01..2027-10-07 \"国庆节\"\n    open    2027-09-26 09:00-12:00, 13:00-18:00 \"调休上班\"\n",
    )
}

/// ACME with the same days in a set the calendar uses.
fn with_set() -> String {
    acme().replace(ACME_DAYS, "    holidays cn-2027\n").replace(
        "  calendar business",
        "  holidays cn-2027 \"中国法定节假日 2027\" {\n    closed 2027-10-01..2027-10-07 \"国庆节\"\n    open   2027-09-26             \"调休上班\"\n  }\n\n  calendar business",
    )
}

fn write(dir: &tempfile::TempDir, name: &str, text: &str) -> String {
    let path = dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn a_library_checks_and_formats_on_its_own() {
    let checked = slac::check_bytes(LIBRARY, std::fs::read(root().join(LIBRARY)).unwrap());
    assert_eq!(checked.kind, FileKind::Library);
    assert_eq!(checked.diagnostics, vec![]);
    assert_eq!(checked.model, None);
    let library = checked.library.expect("the library's sets");
    let ids: Vec<&str> = library.sets.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids, ["cn-2027", "weekend-desk"]);
    assert_eq!(library.sets[0].open.len(), 2, "one make-up day per date");

    let out = run(&["check", LIBRARY]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert_eq!(out.stdout, "1 file: 0 errors, 0 warnings\n");
    let out = run(&["fmt", "--check", LIBRARY]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
}

#[test]
fn a_library_is_formatted_with_its_comments() {
    let messy = "// sets\nholidays a \"A\" {\n closed 2027-10-01..2027-10-07   \"x\" // long\n      open 2027-09-26,2027-10-09 as  mon\n}\nholidays b \"B\" {}\n";
    let formatted = slac::format::format_source(&SourceFile::new("lib.sla", messy)).unwrap();
    assert_eq!(
        formatted,
        "// sets\nholidays a \"A\" {\n  closed 2027-10-01..2027-10-07 \"x\"  // long\n  open   2027-09-26, 2027-10-09 as mon\n}\nholidays b \"B\" { }\n"
    );
}

#[test]
fn commands_that_need_a_contract_refuse_a_library_with_exit_2() {
    for args in [
        vec!["build", LIBRARY],
        vec!["render", LIBRARY],
        vec![
            "due",
            LIBRARY,
            "--priority",
            "P1",
            "--received",
            "2027-10-08T10:00:00+08:00",
        ],
        vec!["eval", LIBRARY, "tests/eval/acme-march.csv"],
    ] {
        let out = run(&args);
        assert_eq!(out.code, 2, "{args:?}: {}{}", out.stdout, out.stderr);
        assert!(
            out.stderr.contains("is a holiday library, not a contract"),
            "{args:?}: {}",
            out.stderr
        );
    }
}

#[test]
fn a_set_outside_the_contract_of_a_contract_file_is_an_error() {
    let text = format!("{}\nholidays x \"X\" {{ closed 2027-10-01 }}\n", acme());
    let checked = slac::check(SourceFile::new("t.sla", text));
    let codes: Vec<&str> = checked
        .diagnostics
        .iter()
        .map(|d| d.code.as_str())
        .collect();
    assert_eq!(codes, ["E001"]);
    assert!(checked.diagnostics[0]
        .message
        .contains("outside the contract"));
}

#[test]
fn a_calendar_using_a_set_counts_as_with_the_days_written_out() {
    let plain = slac::check(SourceFile::new("plain.sla", written_out()));
    let set = slac::check(SourceFile::new("set.sla", with_set()));
    assert_eq!(plain.diagnostics, vec![], "written out");
    assert_eq!(set.diagnostics, vec![], "with a set");
    let business = CalendarId("business".into());
    let (plain, set) = (plain.model.unwrap(), set.model.unwrap());
    let (a, b) = (
        plain.calendar(&business).unwrap(),
        set.calendar(&business).unwrap(),
    );
    assert_eq!(b.holidays.len(), 1);
    let first = NaiveDate::from_ymd_opt(2027, 9, 1).unwrap();
    for date in first.iter_days().take(90) {
        assert_eq!(a.spans_on(date), b.spans_on(date), "{date}");
    }

    let dir = tempfile::tempdir().unwrap();
    let (plain, set) = (
        write(&dir, "plain.sla", &written_out()),
        write(&dir, "set.sla", &with_set()),
    );
    for received in [
        "2027-09-24T17:00:00+08:00",
        "2027-09-30T16:00:00+08:00",
        "2027-10-07T12:00:00+08:00",
    ] {
        for priority in ["P2", "P3", "P4"] {
            let due = |file: &str| {
                let out = run(&[
                    "due",
                    file,
                    "--priority",
                    priority,
                    "--received",
                    received,
                    "--format",
                    "json",
                ]);
                assert_eq!(out.code, 0, "{}", out.stderr);
                out.stdout
            };
            assert_eq!(due(&plain), due(&set), "{priority} received {received}");
        }
    }
}

/// The rule set of a contract text, checked against the schema.
fn rule_set_of(name: &str, text: String) -> serde_json::Value {
    let checked = slac::check(SourceFile::new(name, text));
    assert_eq!(checked.diagnostics, vec![], "{name}");
    let rules = slac::rules::build(&checked.model.unwrap(), false);
    let value: serde_json::Value =
        serde_json::from_str(&slac::rules::to_json(&rules).unwrap()).unwrap();
    let schema: serde_json::Value = serde_json::from_str(slac::rules::SCHEMA).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert_eq!(errors, Vec::<String>::new(), "{name}");
    value
}

#[test]
fn the_rule_set_of_a_calendar_using_a_set_has_the_days_written_out() {
    let plain = rule_set_of("plain.sla", written_out());
    let mut set = rule_set_of("set.sla", with_set());
    let business = set["calendars"]["business"]
        .as_object_mut()
        .unwrap()
        .remove("holidays");
    assert_eq!(business, Some(serde_json::json!(["cn-2027"])));
    assert_eq!(
        set["calendars"], plain["calendars"],
        "the same resolved closed and open days"
    );
    assert_eq!(
        set["calendars"]["business"]["closed"],
        serde_json::json!([{"from": "2027-10-01", "to": "2027-10-07", "note": "国庆节"}])
    );
    assert_eq!(
        set["holidays"],
        serde_json::json!({"cn-2027": {
            "label": "中国法定节假日 2027",
            "closed": [{"from": "2027-10-01", "to": "2027-10-07", "note": "国庆节"}],
            "open": [{"date": "2027-09-26", "note": "调休上班"}],
            "yearly": [],
        }})
    );
    assert!(plain.get("holidays").is_none(), "no sets, no object");
}

#[test]
fn resolved_days_keep_the_precedence_and_notes_of_the_calendar() {
    // The calendar's own lines win over the set's on the same date, and a
    // set's range cut by a date the calendar opens becomes two ranges.
    let text = acme().replace(ACME_DAYS, "    holidays cn-2027\n    open 2027-10-04 10:00-16:00 \"值班\"\n    closed 2027-09-27 \"公司活动\"\n").replace(
        "  calendar business",
        "  holidays cn-2027 \"中国法定节假日 2027\" {\n    closed 2027-10-01..2027-10-07 \"国庆节\"\n    open   2027-09-26, 2027-09-27, 2027-10-09 as mon \"调休上班\"\n  }\n\n  calendar business",
    );
    let rules = rule_set_of("precedence.sla", text);
    let business = &rules["calendars"]["business"];
    assert_eq!(
        business["closed"],
        serde_json::json!([
            {"from": "2027-09-27", "to": "2027-09-27", "note": "公司活动"},
            {"from": "2027-10-01", "to": "2027-10-03", "note": "国庆节"},
            {"from": "2027-10-05", "to": "2027-10-07", "note": "国庆节"},
        ])
    );
    let open: Vec<(&str, &str)> = business["open"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| (o["date"].as_str().unwrap(), o["note"].as_str().unwrap()))
        .collect();
    assert_eq!(
        open,
        [
            ("2027-09-26", "调休上班"),
            ("2027-10-04", "值班"),
            ("2027-10-09", "调休上班")
        ]
    );
    assert_eq!(
        business["open"][2]["spans"],
        serde_json::json!([["09:00", "12:00"], ["13:00", "18:00"]]),
        "a make-up day `as mon` on the calendar's Monday hours"
    );
    assert_eq!(
        rules["holidays"]["cn-2027"]["open"],
        serde_json::json!([
            {"date": "2027-09-26", "as": "mon", "note": "调休上班"},
            {"date": "2027-09-27", "as": "mon", "note": "调休上班"},
            {"date": "2027-10-09", "as": "mon", "note": "调休上班"},
        ])
    );
}
