//! `aka`: the names a ticket system gives priorities and channels, through
//! every stage — check, format, rule set (schema), appendix, diff and eval.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code: a broken assumption stops the test with its message"
)]

use slac::diff::{self, ChangeKind, Effect};
use slac::eval::{evaluate, EvalOptions, InputFormat, ReportPeriod};
use slac::model::{Contract, Lang};
use slac::render::{self, RenderOptions};
use slac::rules;
use slac::SourceFile;
use std::path::Path;

mod support;

/// ACME with the names of a ticket system; both use holidays/cn-2026.sla.
const FIXTURE: &str = "tests/fixtures/aka.sla";
const FIXTURE_TEXT: &str = include_str!("fixtures/aka.sla");
const ACME: &str = "contracts/acme-support.sla";

/// The model of a file of the project, its `use` lines followed.
fn model(path: &str) -> Contract {
    let checked = support::project::check_file(Path::new(path));
    assert!(checked.diagnostics.is_empty(), "{:#?}", checked.diagnostics);
    checked.model.expect("no error, so a model")
}

#[test]
fn the_names_reach_the_model_as_written() {
    let c = model(FIXTURE);
    let aka = |i: usize| c.priorities[i].aka.clone();
    assert_eq!(aka(0), ["urgent", "P1 - Critical", "紧急"]);
    assert_eq!(aka(1), ["high"]);
    assert!(aka(2).is_empty());
    assert_eq!(c.channels[0].aka, ["Phone", "电话"]);
    assert_eq!(c.channels[1].aka, ["E-mail", "mail"]);
    assert!(c.channels[2].aka.is_empty());
}

#[test]
fn the_fixture_is_formatted_and_keeps_its_comment() {
    let formatted = slac::format::format_source(&SourceFile::new("aka.sla", FIXTURE_TEXT)).unwrap();
    assert_eq!(formatted, FIXTURE_TEXT);
    // A one-line block broken over lines keeps its names and stays stable.
    let squeezed = FIXTURE_TEXT.replace(
        "    clock always\n    aka   \"urgent\", \"P1 - Critical\", \"紧急\"\n",
        "    clock always aka \"urgent\" ,\"P1 - Critical\",   \"紧急\"\n",
    );
    assert_ne!(squeezed, FIXTURE_TEXT);
    let once = slac::format::format_source(&SourceFile::new("aka.sla", &squeezed)).unwrap();
    assert_eq!(once, FIXTURE_TEXT);
}

#[test]
fn the_rule_set_lists_the_names_and_validates() {
    let schema: serde_json::Value = serde_json::from_str(rules::SCHEMA).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let value: serde_json::Value =
        serde_json::from_str(&rules::to_json(&rules::build(&model(FIXTURE), false)).unwrap())
            .unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    assert_eq!(
        value["priorities"][0]["aka"],
        serde_json::json!(["urgent", "P1 - Critical", "紧急"])
    );
    assert_eq!(
        value["channels"][1]["aka"],
        serde_json::json!(["E-mail", "mail"])
    );
    // No names, no key: the shipped rule sets stay as they were.
    assert!(value["priorities"][2].get("aka").is_none());
    let mut bad = value.clone();
    bad["priorities"][0]["aka"] = serde_json::json!([""]);
    assert!(!validator.is_valid(&bad), "an empty name validated");
}

fn appendix(path: &str, lang: Lang) -> String {
    let options = RenderOptions {
        lang,
        draft: false,
        fingerprint: "sha256:0".into(),
        source_name: "aka.sla".into(),
    };
    render::markdown(&model(path), &options)
}

#[test]
fn the_appendix_says_the_names_on_one_line_in_both_languages() {
    let zh = appendix(FIXTURE, Lang::ZhCn);
    let line = zh
        .lines()
        .find(|l| l.starts_with("工单系统中的名称："))
        .unwrap();
    assert_eq!(
        line,
        "工单系统中的名称：P1：`urgent`、`P1 - Critical`、`紧急`；P2：`high`；\
         专用服务热线：`Phone`、`电话`；电子邮件支持：`E-mail`、`mail`。"
    );
    let en = appendix(FIXTURE, Lang::En);
    assert!(
        en.contains(
            "As named in the ticket system: P1: `urgent`, `P1 - Critical`, `紧急`; P2: `high`; "
        ),
        "{en}"
    );
    // A contract without names says nothing about them.
    assert!(!appendix(ACME, Lang::ZhCn).contains("工单系统中的名称"));
    assert!(!appendix(ACME, Lang::En).contains("ticket system"));
}

#[test]
fn an_added_or_removed_name_is_a_neutral_change() {
    let old = model(ACME);
    let new = model(FIXTURE);
    let changes = diff::diff(&old, &new);
    let paths: Vec<&str> = changes.iter().map(|c| c.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "channels.hotline.aka[Phone]",
            "channels.hotline.aka[电话]",
            "channels.email.aka[E-mail]",
            "channels.email.aka[mail]",
            "priorities.P1.aka[urgent]",
            "priorities.P1.aka[P1 - Critical]",
            "priorities.P1.aka[紧急]",
            "priorities.P2.aka[high]",
        ]
    );
    assert!(changes
        .iter()
        .all(|c| c.effect == Effect::Neutral && c.kind == ChangeKind::Added));
    let back = diff::diff(&new, &old);
    assert_eq!(back.len(), changes.len());
    assert!(back.iter().all(|c| c.kind == ChangeKind::Removed));
}

fn report(contract: &Contract, log: &str) -> String {
    let options = EvalOptions {
        as_of: chrono::DateTime::parse_from_rfc3339("2026-10-14T12:00:00+08:00")
            .unwrap()
            .to_utc(),
        period: ReportPeriod::Monthly,
    };
    evaluate(contract, log.as_bytes(), InputFormat::Csv, &options)
        .unwrap()
        .to_json()
}

/// The log of tests/eval with its priorities and channels written as a
/// ticket system would: `aka` names, other case, spaces around.
#[test]
fn eval_matches_ids_and_names_ignoring_case_and_spaces() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/eval/acme-march.csv");
    let log = std::fs::read_to_string(path).unwrap();
    let renamed: String = log
        .lines()
        .enumerate()
        .map(|(i, line)| {
            let mut cells: Vec<String> = line.split(',').map(str::to_string).collect();
            if i > 0 && cells.len() > 2 {
                let (p, c) = match (i % 3, cells[1].as_str(), cells[2].as_str()) {
                    (0, "P1", _) => ("URGENT".into(), cells[2].clone()),
                    (1, "P1", "hotline") => (" P1 - critical ".into(), "电话".into()),
                    (_, "P2", "email") => ("High".into(), " MAIL".into()),
                    (2, p, "hotline") => (p.to_lowercase(), "phone".into()),
                    (_, p, c) => (p.to_lowercase(), c.to_uppercase()),
                };
                cells[1] = p;
                cells[2] = c;
            }
            cells.join(",") + "\n"
        })
        .collect();
    assert_ne!(renamed, log);
    let contract = model(FIXTURE);
    let (mut ours, theirs) = (report(&contract, &renamed), report(&contract, &log));
    // The reasons of the rows skipped for other faults quote the cells.
    for (written, original) in [("`p9`", "`P9`"), ("`FAX`", "`fax`")] {
        assert!(ours.contains(written), "{written} not quoted");
        ours = ours.replace(written, original);
    }
    assert!(ours == theirs, "the renamed log counts differently");
    // A name of another priority's is not guessed at.
    let unknown = log.replacen("A01,P1,", "A01,critical,", 1);
    assert!(report(&contract, &unknown).contains("unknown priority `critical`"));
}
