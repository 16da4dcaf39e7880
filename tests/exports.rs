//! `eval` on ticket systems' exports (tests/exports/): each sample, read
//! with its `--preset` and `--zone`, its priorities and channels named as
//! the system names them (`urgent`, `P1 - Critical`, `Phone call
//! (incoming)`, …, mapped by the `aka` names of `tests/exports/helpdesk.sla`),
//! gives the same JSON report as the same tickets in the canonical format;
//! bad mappings and presets are usage errors (exit 2).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)] // tests fail by panicking

use assert_cmd::Command;
use std::path::{Path, PathBuf};

const AS_OF: &str = "2027-05-01T00:00:00+08:00";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The contract whose `aka` names are the systems' priorities and channels.
fn contract() -> PathBuf {
    root().join("tests/exports/helpdesk.sla")
}

fn export(name: &str) -> PathBuf {
    root().join("tests/exports").join(name)
}

/// The JSON report of `eval` on a log with extra flags; exit 0 asserted.
fn report(log: &Path, flags: &[&str]) -> String {
    let out = Command::cargo_bin("slac")
        .unwrap()
        .arg("eval")
        .arg(contract())
        .arg(log)
        .args(["--as-of", AS_OF, "--format", "json"])
        .args(flags)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}: {}",
        log.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn each_preset_reads_its_export_as_the_canonical_log() {
    for (preset, extra) in [
        ("zendesk", &[][..]),
        ("jira", &["--map", "channel=Custom field (Channel)"][..]),
        ("zammad", &[][..]),
    ] {
        let canonical = report(&export(&format!("{preset}.canonical.csv")), &[]);
        let mut flags = vec!["--preset", preset, "--zone", "contract"];
        flags.extend(extra);
        let exported = report(&export(&format!("{preset}.csv")), &flags);
        assert_eq!(exported, canonical, "{preset}");
        // Something was measured: the sample is not an empty match.
        let json: serde_json::Value = serde_json::from_str(&exported).unwrap();
        assert_eq!(json["skipped_total"], 1, "{preset}: the P9 row");
        assert!(json["periods"].as_array().unwrap().len() >= 2, "{preset}");
    }
}

#[test]
fn the_zone_may_be_named() {
    let named = report(
        &export("zendesk.csv"),
        &["--preset", "zendesk", "--zone", "Asia/Shanghai"],
    );
    assert_eq!(named, report(&export("zendesk.canonical.csv"), &[]));
}

fn eval(flags: &[&str]) -> assert_cmd::assert::Assert {
    Command::cargo_bin("slac")
        .unwrap()
        .arg("eval")
        .arg(contract())
        .args(["--as-of", AS_OF])
        .args(flags)
        .assert()
}

#[test]
fn local_times_without_a_zone_are_skipped_rows_that_say_to_pass_it() {
    let log = export("zendesk.csv");
    eval(&[log.to_str().unwrap(), "--preset", "zendesk"])
        .code(1)
        .stderr(predicates::str::contains(
            "zendesk.csv:2: skipped: received_at `2027-03-01 09:00` has no offset (pass --zone",
        ));
}

#[test]
fn bad_presets_mappings_and_zones_are_usage_errors() {
    let log = export("zendesk.csv");
    let log = log.to_str().unwrap();
    let cases: [(&[&str], &str); 7] = [
        (
            &["--preset", "freshdesk"],
            "possible values: zendesk, jira, zammad",
        ),
        (
            &["--preset", "zendesk", "--zone", "contract", "--map", "recieved_at=Created"],
            "--map names an unknown field `recieved_at` (did you mean `received_at`?)",
        ),
        (
            &["--preset", "zendesk", "--zone", "contract", "--map", "first_response_at=Created at"],
            "the column `Created at` is mapped twice: to `received_at` and to `first_response_at`",
        ),
        (
            &["--preset", "zendesk", "--zone", "contract", "--map", "resolved_at=Solved"],
            "the CSV header has no column `Solved` (for `resolved_at`, from --map) (did you mean `Solved at`?); its columns are ID, Requester, Subject,",
        ),
        (
            &["--preset", "jira", "--zone", "contract"],
            "`channel` needs a column, but the jira preset gives it none",
        ),
        (
            &["--preset", "zendesk", "--zone", "Mars/Olympus"],
            "--zone `Mars/Olympus` is not a time zone",
        ),
        (
            &["--preset", "zendesk", "--excel-dates"],
            "--excel-dates reads local times: give their zone with --zone",
        ),
    ];
    for (flags, message) in cases {
        let mut args = vec![log];
        args.extend(flags);
        eval(&args)
            .code(2)
            .stderr(predicates::str::contains(message));
    }
}

#[test]
fn a_mapping_file_maps_like_the_flag() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("zammad.yaml");
    std::fs::write(
        &file,
        "id: \"#\"\npriority: Priority\nchannel: Create Channel\nreceived_at: Created At\n\
         first_response_at: First Response At\nresolved_at: Closed At\nworkaround_at: \"\"\n\
         first_contact_resolved: \"\"\ncsat: \"\"\npaused: \"\"\n",
    )
    .unwrap();
    let mapped = report(
        &export("zammad.csv"),
        &["--mapping", file.to_str().unwrap(), "--zone", "contract"],
    );
    assert_eq!(mapped, report(&export("zammad.canonical.csv"), &[]));
}

/// The Zendesk sample as Excel saves it on a Chinese Windows in a locale
/// with a decimal comma: GBK, semicolons, CRLF, Chinese subjects, times as
/// Excel shows them (`2027/3/1 9:00`, no offset).
fn as_excel_saves_it(csv: &str) -> Vec<u8> {
    let time = regex::Regex::new(r"(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d)").unwrap();
    let mut out = String::new();
    for (n, line) in csv.lines().enumerate() {
        let line = time.replace_all(line, |c: &regex::Captures<'_>| {
            let num = |i: usize| c[i].parse::<u32>().unwrap();
            format!("{}/{}/{} {}:{:02}", &c[1], num(2), num(3), num(4), num(5))
        });
        let line = line.replace("Cannot log in, ticket", "无法登录；工单");
        // Outside quotes the delimiter becomes `;`; the quoted subject keeps its text.
        let mut quoted = false;
        let line: String = line
            .chars()
            .map(|c| match c {
                '"' => {
                    quoted = !quoted;
                    c
                }
                ',' if !quoted => ';',
                c => c,
            })
            .collect();
        let line = if n == 0 {
            line.replace("Requester", "请求者")
        } else {
            line
        };
        out.push_str(&line);
        out.push_str("\r\n");
    }
    let (bytes, _, unmappable) = encoding_rs::GBK.encode(&out);
    assert!(!unmappable);
    bytes.into_owned()
}

#[test]
fn an_export_saved_by_excel_in_gbk_with_semicolons_reads_the_same_tickets() {
    let dir = tempfile::tempdir().unwrap();
    let saved = dir.path().join("zendesk-excel.csv");
    let text = std::fs::read_to_string(export("zendesk.csv")).unwrap();
    let bytes = as_excel_saves_it(&text);
    assert!(std::str::from_utf8(&bytes).is_err(), "GBK, not UTF-8");
    std::fs::write(&saved, &bytes).unwrap();
    let exported = report(&saved, &["--preset", "zendesk", "--zone", "contract"]);
    assert_eq!(exported, report(&export("zendesk.canonical.csv"), &[]));
}

/// The samples name priorities and channels as the systems do: without the
/// contract's `aka` names their rows are unknown priorities, skipped.
#[test]
fn the_systems_names_are_read_through_the_contracts_aka_names() {
    let text = std::fs::read_to_string(contract()).unwrap();
    let aka = regex::Regex::new(r#" aka +"[^\n]*""#).unwrap();
    let without = aka.replace_all(&text, "");
    assert_ne!(without, text);
    let dir = tempfile::tempdir().unwrap();
    let bare = dir.path().join("helpdesk.sla");
    std::fs::write(&bare, without.as_bytes()).unwrap();
    for (preset, sample, message) in [
        (
            "zendesk",
            "zendesk.csv",
            "skipped: unknown priority `urgent`",
        ),
        (
            "jira",
            "jira.csv",
            "skipped: unknown priority `P1 - Critical`",
        ),
        ("zammad", "zammad.csv", "skipped: unknown priority `3 high`"),
    ] {
        let mut cmd = Command::cargo_bin("slac").unwrap();
        cmd.arg("eval")
            .arg(&bare)
            .arg(export(sample))
            .args(["--as-of", AS_OF, "--preset", preset, "--zone", "contract"]);
        if preset == "jira" {
            cmd.args(["--map", "channel=Custom field (Channel)"]);
        }
        // Zammad's P4 rows name the id itself, so not every row is skipped.
        cmd.assert().stderr(predicates::str::contains(message));
    }
}
