//! `pause on "Pending", …` through every stage — check, format, rule set
//! (schema), appendix, diff — and `eval --statuses FILE`: a status history
//! pauses the resolution clock of each ticket while it is in a status of
//! the contract's `pause on`, as the same intervals in the log's `paused`
//! column would; the Zendesk- and Jira-shaped samples of tests/exports/
//! give the figures of the canonical log with those pauses written out.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // tests fail by panicking

use assert_cmd::Command;
use slac::diff::{self, ChangeKind, Effect};
use slac::model::{Contract, Lang};
use slac::render::{self, RenderOptions};
use slac::rules;
use slac::SourceFile;
use std::path::{Path, PathBuf};

const HELPDESK: &str = include_str!("exports/helpdesk.sla");
const STATUSES: &str = r#"  pause on "Pending", "On-hold", "Waiting for customer", "等待客户"
"#;

fn model(text: &str) -> Contract {
    let checked = slac::check(SourceFile::new("helpdesk.sla", text));
    assert!(checked.diagnostics.is_empty(), "{:#?}", checked.diagnostics);
    checked.model.expect("no error, so a model")
}

#[test]
fn the_statuses_reach_the_model_format_and_rule_set_as_written() {
    assert!(HELPDESK.contains(STATUSES));
    let c = model(HELPDESK);
    assert_eq!(
        c.pause_on,
        ["Pending", "On-hold", "Waiting for customer", "等待客户"]
    );
    let formatted =
        slac::format::format_source(&SourceFile::new("helpdesk.sla", HELPDESK)).unwrap();
    assert_eq!(formatted, HELPDESK);
    let squeezed = HELPDESK.replace(
        STATUSES,
        "  pause   on \"Pending\" ,\"On-hold\",\"Waiting for customer\",   \"等待客户\"\n",
    );
    assert_ne!(squeezed, HELPDESK);
    let once = slac::format::format_source(&SourceFile::new("helpdesk.sla", &squeezed)).unwrap();
    assert_eq!(once, HELPDESK);

    let schema: serde_json::Value = serde_json::from_str(rules::SCHEMA).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let value: serde_json::Value =
        serde_json::from_str(&rules::to_json(&rules::build(&c, false)).unwrap()).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(
        value["contract"]["pause_on"],
        serde_json::json!(["Pending", "On-hold", "Waiting for customer", "等待客户"])
    );
    let without = model(&HELPDESK.replace(STATUSES, ""));
    let bare: serde_json::Value =
        serde_json::from_str(&rules::to_json(&rules::build(&without, false)).unwrap()).unwrap();
    assert!(bare["contract"].get("pause_on").is_none());
    let mut bad = value.clone();
    bad["contract"]["pause_on"] = serde_json::json!([""]);
    assert!(!validator.is_valid(&bad), "an empty status validated");
}

fn appendix(c: &Contract, lang: Lang) -> String {
    let options = RenderOptions {
        lang,
        draft: false,
        fingerprint: "sha256:0".into(),
        source_name: "helpdesk.sla".into(),
    };
    render::markdown(c, &options)
}

#[test]
fn the_appendix_says_the_statuses_in_both_languages() {
    let c = model(HELPDESK);
    let zh = appendix(&c, Lang::ZhCn);
    assert!(
        zh.contains(
            "工单处于`Pending`、`On-hold`、`Waiting for customer`、`等待客户`状态期间，\
             解决时限暂停计时；响应时限不暂停。"
        ),
        "{zh}"
    );
    let en = appendix(&c, Lang::En);
    assert!(
        en.contains(
            "The resolution clock is paused while a ticket is in status `Pending`, \
             `On-hold`, `Waiting for customer`, `等待客户`; the response clock is not."
        ),
        "{en}"
    );
    let without = model(&HELPDESK.replace(STATUSES, ""));
    assert!(!appendix(&without, Lang::ZhCn).contains("暂停计时"));
    assert!(!appendix(&without, Lang::En).contains("is paused while"));
}

#[test]
fn a_status_added_relaxes_and_one_removed_tightens() {
    let old = model(&HELPDESK.replace(STATUSES, "  pause on \"pending\", \"Closed\"\n"));
    let new = model(HELPDESK);
    let changes = diff::diff(&old, &new);
    let found: Vec<(&str, ChangeKind, Effect)> = changes
        .iter()
        .map(|c| (c.path.as_str(), c.kind, c.effect))
        .collect();
    assert_eq!(
        found,
        [
            ("pause-on[pending]", ChangeKind::Changed, Effect::Neutral),
            ("pause-on[closed]", ChangeKind::Removed, Effect::Tightened),
            ("pause-on[on-hold]", ChangeKind::Added, Effect::Relaxed),
            (
                "pause-on[waiting for customer]",
                ChangeKind::Added,
                Effect::Relaxed
            ),
            ("pause-on[等待客户]", ChangeKind::Added, Effect::Relaxed),
        ]
    );
}

const AS_OF: &str = "2027-05-01T00:00:00+08:00";

fn exports(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/exports")
        .join(name)
}

fn eval(contract: &Path, log: &Path, flags: &[&str]) -> std::process::Output {
    Command::cargo_bin("slac")
        .unwrap()
        .arg("eval")
        .arg(contract)
        .arg(log)
        .args(["--as-of", AS_OF, "--format", "json"])
        .args(flags)
        .output()
        .unwrap()
}

/// The JSON report, exit 0 asserted, and standard error.
fn report(log: &Path, flags: &[&str]) -> (String, String) {
    let out = eval(&exports("helpdesk.sla"), log, flags);
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(out.status.success(), "{}: {stderr}", log.display());
    (String::from_utf8(out.stdout).unwrap(), stderr)
}

#[test]
fn a_status_history_pauses_as_the_paused_column_does() {
    let (paused, _) = report(&exports("zendesk.paused.canonical.csv"), &[]);
    let (unpaused, _) = report(&exports("zendesk.canonical.csv"), &[]);
    assert_ne!(paused, unpaused, "the pauses change some verdict");
    for (sample, flags) in [
        ("zendesk", &["--preset", "zendesk"][..]),
        (
            "jira",
            &[
                "--preset",
                "jira",
                "--map",
                "channel=Custom field (Channel)",
            ][..],
        ),
    ] {
        let statuses = exports(&format!("{sample}.statuses.csv"));
        let mut args = flags.to_vec();
        args.extend([
            "--zone",
            "contract",
            "--statuses",
            statuses.to_str().unwrap(),
        ]);
        let (exported, stderr) = report(&exports(&format!("{sample}.csv")), &args);
        assert_eq!(exported, paused, "{sample}");
        // The history names a ticket the log does not have.
        assert!(
            stderr.contains(
                "statuses.csv: 1 ticket with pausing statuses is not in the ticket log; \
                 their rows paused nothing"
            ),
            "{sample}: {stderr}"
        );
    }
}

#[test]
fn a_pause_from_a_status_overlapping_the_paused_column_counts_once() {
    // The canonical log with the pauses written out, and the same pauses
    // again from the history: nothing is paused twice.
    let (once, _) = report(&exports("zendesk.paused.canonical.csv"), &[]);
    let statuses = exports("zendesk.statuses.csv");
    let (twice, _) = report(
        &exports("zendesk.paused.canonical.csv"),
        &[
            "--zone",
            "contract",
            "--statuses",
            statuses.to_str().unwrap(),
        ],
    );
    assert_eq!(once, twice);
}

#[test]
fn tickets_out_names_the_pausing_status_and_adds_up() {
    let dir = tempfile::tempdir().unwrap();
    let rows = dir.path().join("rows.csv");
    let statuses = exports("zendesk.statuses.csv");
    let (json, _) = report(
        &exports("zendesk.csv"),
        &[
            "--preset",
            "zendesk",
            "--zone",
            "contract",
            "--statuses",
            statuses.to_str().unwrap(),
            "--tickets-out",
            rows.to_str().unwrap(),
        ],
    );
    let text = std::fs::read_to_string(&rows).unwrap();
    let row = text
        .lines()
        .find(|l| l.starts_with("1004,") && l.contains(",resolution,"))
        .unwrap();
    assert!(
        row.ends_with(
            "paused 2027-03-08T09:00:00+08:00/2027-03-10T09:00:00+08:00; in status `Pending`"
        ),
        "{row}"
    );
    let response = text
        .lines()
        .find(|l| l.starts_with("1004,") && l.contains(",response,"))
        .unwrap();
    assert!(
        !response.contains("status `"),
        "the response clock never pauses: {response}"
    );
    // Every period and target: the rows add up to the report's counts.
    let report: serde_json::Value = serde_json::from_str(&json).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let mut counted = std::collections::BTreeMap::<(String, String, String), u64>::new();
    for row in reader.records() {
        let row = row.unwrap();
        let key = format!("{}.{}", &row[1], &row[4]);
        *counted
            .entry((row[3].to_string(), key, row[8].to_string()))
            .or_default() += 1;
    }
    let mut reported = std::collections::BTreeMap::new();
    for period in report["periods"].as_array().unwrap() {
        let name = period["period"].as_str().unwrap().to_string();
        for priority in period["priorities"].as_array().unwrap() {
            let id = priority["id"].as_str().unwrap();
            for kind in ["response", "resolution"] {
                let target = &priority[kind];
                for status in ["met", "breached", "pending"] {
                    let n = target[status].as_u64().unwrap_or(0);
                    if n > 0 {
                        reported.insert(
                            (name.clone(), format!("{id}.{kind}"), status.to_string()),
                            n,
                        );
                    }
                }
            }
        }
    }
    assert_eq!(counted, reported);
}

#[test]
fn statuses_need_pause_on_a_header_and_a_ticket_log() {
    let dir = tempfile::tempdir().unwrap();
    // The contract without its `pause on` line.
    let text = std::fs::read_to_string(exports("helpdesk.sla")).unwrap();
    let bare = dir.path().join("helpdesk.sla");
    let without: String = text
        .lines()
        .filter(|l| !l.trim_start().starts_with("pause on"))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_ne!(without, text);
    std::fs::write(&bare, without).unwrap();
    let statuses = exports("zendesk.statuses.csv");
    let out = eval(
        &bare,
        &exports("zendesk.canonical.csv"),
        &[
            "--zone",
            "contract",
            "--statuses",
            statuses.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("--statuses needs the contract to name the statuses that pause the clock: add `pause on"),
        "{stderr}"
    );

    let headless = dir.path().join("statuses.csv");
    std::fs::write(&headless, "ticket,status,from,to\n1004,Pending,,\n").unwrap();
    let out = eval(
        &exports("helpdesk.sla"),
        &exports("zendesk.canonical.csv"),
        &["--statuses", headless.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("the status history's header lacks the column `ticket_id`"));

    Command::cargo_bin("slac")
        .unwrap()
        .arg("eval")
        .arg(exports("helpdesk.sla"))
        .args(["--outages", headless.to_str().unwrap()])
        .args(["--statuses", statuses.to_str().unwrap()])
        .assert()
        .code(2);
}

#[test]
fn bad_rows_of_a_status_history_are_skipped_with_their_line() {
    let dir = tempfile::tempdir().unwrap();
    let history = dir.path().join("statuses.csv");
    std::fs::write(
        &history,
        "ticket_id,status,from,to\n\
         1004,Pending,2027-03-10T09:00:00+08:00,2027-03-08T09:00:00+08:00\n\
         1004,Pending,2027-03-08 09:00,\n",
    )
    .unwrap();
    let (json, stderr) = report(
        &exports("zendesk.canonical.csv"),
        &["--statuses", history.to_str().unwrap()],
    );
    assert!(
        stderr.contains("statuses.csv:2: skipped: to `2027-03-08T09:00:00+08:00` is before from")
    );
    assert!(stderr.contains("statuses.csv:3: skipped: from `2027-03-08 09:00` has no offset"));
    // Nothing paused: the figures of the log alone.
    assert_eq!(json, report(&exports("zendesk.canonical.csv"), &[]).0);
}
