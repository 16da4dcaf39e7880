//! Per-target clocks (`P2 within 2 hours on always`, design §10): the
//! target runs on its own calendar whatever its priority's clock, in the
//! checks, `due`, `eval`, the rule set, the appendix, `fmt` and `diff`.
//!
//! The contract is `tests/fixtures/target-clocks.sla`: ACME (default clock
//! `business`; P1 on `always`) with P2's response `on always` and P1's
//! resolution `on business`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code: a broken assumption stops the test with its message"
)]

use chrono::{DateTime, Utc};
use serde_json::Value;
use slac::clock::due_times;
use slac::eval::{evaluate, EvalOptions, InputFormat, ReportPeriod};
use slac::model::{CalendarId, Contract, TargetKind};
use slac::render::{self, RenderOptions};
use slac::{rules, Code, SourceFile};

mod support;

const FIXTURE_PATH: &str = "tests/fixtures/target-clocks.sla";
const FIXTURE: &str = include_str!("fixtures/target-clocks.sla");
const ACME_PATH: &str = "contracts/acme-support.sla";
const ACME: &str = include_str!("../contracts/acme-support.sla");

/// `text` checked as the file `path`: its `use` line reads the shipped
/// library from there.
fn checked_at(path: &str, text: &str) -> slac::Checked {
    support::project::check_at(path, text)
}

/// ACME or an edited copy of it, checked.
fn checked(text: &str) -> slac::Checked {
    checked_at(ACME_PATH, text)
}

fn model_at(path: &str, text: &str) -> Contract {
    let checked = checked_at(path, text);
    checked
        .model
        .unwrap_or_else(|| panic!("does not check: {:#?}", checked.diagnostics))
}

fn model(text: &str) -> Contract {
    model_at(ACME_PATH, text)
}

/// The fixture's model.
fn fixture() -> Contract {
    model_at(FIXTURE_PATH, FIXTURE)
}

/// The codes and messages `slac check` gives `text`.
fn diagnostics(text: &str) -> Vec<(Code, String)> {
    checked(text)
        .diagnostics
        .into_iter()
        .map(|d| (d.code, d.message))
        .collect()
}

/// ACME with some text replaced (each edit must apply).
fn acme_with(edits: &[(&str, &str)]) -> String {
    let mut text = ACME.to_string();
    for (from, to) in edits {
        assert!(text.contains(from), "{from}");
        text = text.replacen(from, to, 1);
    }
    text
}

fn t(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().to_utc()
}

fn id(s: &str) -> CalendarId {
    CalendarId(s.to_string())
}

#[test]
fn a_target_knows_its_own_clock_and_the_others_their_priority_s() {
    let c = fixture();
    assert_eq!(checked_at(FIXTURE_PATH, FIXTURE).diagnostics, vec![]);
    let p2 = c.priority("P2").unwrap();
    assert_eq!(p2.response.clock, Some(id("always")));
    assert_eq!(p2.clock_for(TargetKind::Response), Some(&id("always")));
    assert_eq!(p2.clock_for(TargetKind::Resolution), Some(&id("business")));
    let p1 = c.priority("P1").unwrap();
    assert_eq!(p1.clock_for(TargetKind::Response), Some(&id("always")));
    assert_eq!(p1.clock_for(TargetKind::Resolution), Some(&id("business")));
    let on = c.target_clock(p1, TargetKind::Resolution).unwrap();
    assert!(!on.always);
}

#[test]
fn due_counts_each_target_on_its_own_clock() {
    let c = fixture();
    // Saturday 10:00: P2's response runs on 24x7, its resolution on
    // business hours (Tuesday's close after two business days).
    let p2 = c.priority("P2").unwrap();
    let times = due_times(&c, p2, t("2026-03-07T10:00:00+08:00"), &[]).unwrap();
    assert_eq!(times.response.at, t("2026-03-07T12:00:00+08:00"));
    assert_eq!(times.resolution.at, t("2026-03-10T18:00:00+08:00"));
    // The same request without `on always` is answered on Monday.
    let plain = model(ACME);
    let p2 = plain.priority("P2").unwrap();
    let times = due_times(&plain, p2, t("2026-03-07T10:00:00+08:00"), &[]).unwrap();
    assert_eq!(times.response.at, t("2026-03-09T11:00:00+08:00"));

    // P1 (clock `always`) is resolved within 4 business hours: Monday
    // 09:00-12:00 and 13:00-14:00.
    let p1 = c.priority("P1").unwrap();
    let times = due_times(&c, p1, t("2026-03-07T10:00:00+08:00"), &[]).unwrap();
    assert_eq!(times.response.at, t("2026-03-07T10:15:00+08:00"));
    assert_eq!(times.resolution.at, t("2026-03-09T14:00:00+08:00"));

    let text = slac::due::text(&c, &times, &[]);
    assert!(
        text.contains("P1 within 15 minutes on calendar `always` (24x7, elapsed time)"),
        "{text}"
    );
    assert!(
        text.contains("P1 within 4 hours or workaround on calendar `business`"),
        "{text}"
    );
    let json: Value = serde_json::from_str(&slac::due::json(&times, &[])).unwrap();
    assert_eq!(json["clock"], "always");
    assert_eq!(json["resolution"]["clock"], "business");
    assert!(json["response"].get("clock").is_none());
}

#[test]
fn eval_measures_each_target_on_its_own_clock() {
    // Both answered on Saturday at 13:00, three hours after receipt: late
    // on the 24x7 clock of the fixture, early on ACME's business clock.
    let log = "id,priority,channel,received_at,first_response_at,resolved_at,workaround_at,first_contact_resolved,csat,paused\n\
               A1,P2,hotline,2026-03-07T10:00:00+08:00,2026-03-07T13:00:00+08:00,2026-03-09T10:00:00+08:00,,true,5,\n\
               A2,P2,hotline,2026-03-07T10:00:00+08:00,2026-03-07T11:30:00+08:00,2026-03-09T10:00:00+08:00,,true,5,\n";
    let options = EvalOptions {
        as_of: t("2026-04-02T00:00:00Z"),
        period: ReportPeriod::Monthly,
    };
    let response = |contract: &Contract| {
        let report = evaluate(contract, log.as_bytes(), InputFormat::Csv, &options).unwrap();
        let period = report.periods.first().unwrap();
        let p2 = period.priorities.iter().find(|p| p.id == "P2").unwrap();
        (p2.response.met, p2.response.breached)
    };
    assert_eq!(response(&fixture()), (1, 1));
    assert_eq!(response(&model(ACME)), (2, 0));
}

#[test]
fn the_rule_set_names_a_target_s_own_clock_and_validates() {
    let c = fixture();
    let value: Value =
        serde_json::from_str(&rules::to_json(&rules::build(&c, false)).unwrap()).unwrap();
    let p2 = &value["priorities"][1];
    assert_eq!(p2["clock"], "business");
    assert_eq!(p2["response"]["clock"], "always");
    assert!(p2["resolution"].get("clock").is_none());
    let schema: Value = serde_json::from_str(rules::SCHEMA).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:#?}");
    // A target's own clock is meaning: it changes the fingerprint.
    assert_ne!(
        rules::fingerprint_of(&c),
        rules::fingerprint_of(&model(ACME))
    );
}

#[test]
fn the_appendix_says_which_targets_run_on_another_clock_in_both_languages() {
    let c = fixture();
    let appendix = |lang| {
        render::markdown(
            &c,
            &RenderOptions {
                lang,
                draft: false,
                fingerprint: "sha256:0".into(),
                source_name: "t.sla".into(),
            },
        )
    };
    let zh = appendix(slac::model::Lang::ZhCn);
    assert!(
        zh.contains("| P2 高 | 重要功能受影响，但存在替代方案或影响范围有限。 | 7×24 小时（仅本项时限，不按该优先级的计时） | 2 小时内响应 |"),
        "{zh}"
    );
    assert!(zh
        .contains("| P1 紧急 | 按“工作日 9:00-18:00”服务时间（仅本项时限，不按该优先级的计时） |"));
    assert_eq!(zh.matches("仅本项时限").count(), 2);
    let en = appendix(slac::model::Lang::En);
    assert!(en.contains(
        "| P2 高 | 重要功能受影响，但存在替代方案或影响范围有限。 | 24 hours a day, 7 days a week (this target only, not the priority's clock) |"
    ));
    assert_eq!(en.matches("this target only").count(), 2);
}

#[test]
fn fmt_keeps_the_clock_after_the_duration() {
    let source = |text: &str| SourceFile::new("t.sla", text.to_string());
    assert_eq!(
        slac::format::format_source(&source(FIXTURE)).unwrap(),
        FIXTURE
    );
    let messy = FIXTURE.replace("P2 within 2 hours on always", "P2 within 2 h   on   always");
    assert_eq!(
        slac::format::format_source(&source(&messy)).unwrap(),
        FIXTURE
    );
}

#[test]
fn diff_reports_a_target_starting_to_run_on_its_own_clock() {
    let changes = slac::diff::diff(&model(ACME), &fixture());
    let shown: Vec<(String, Option<String>, Option<String>, String)> = changes
        .iter()
        .map(|c| {
            (
                c.path.clone(),
                c.old.clone(),
                c.new.clone(),
                format!("{:?}", c.effect),
            )
        })
        .collect();
    assert!(
        shown.contains(&(
            "priorities.P2.response.clock".into(),
            None,
            Some("on always".into()),
            "Tightened".into()
        )),
        "{shown:#?}"
    );
    assert!(
        shown.contains(&(
            "priorities.P1.resolution.clock".into(),
            None,
            Some("on business".into()),
            "Relaxed".into()
        )),
        "{shown:#?}"
    );
}

#[test]
fn a_calendar_only_a_target_runs_on_is_used() {
    // `night` is used by the night desk; take it away and run P3's
    // response on it instead: no W005.
    let text = acme_with(&[
        (
            "  channel night-desk \"夜间值班热线\" { hours night contact \"400-000-0001\" }\n",
            "",
        ),
        (
            "submit via hotline, email, chat, night-desk",
            "submit via hotline, email, chat",
        ),
        (
            "P3 within 1 business day",
            "P3 within 1 business day on night",
        ),
    ]);
    assert_eq!(diagnostics(&text), vec![]);
    let unused = acme_with(&[
        (
            "  channel night-desk \"夜间值班热线\" { hours night contact \"400-000-0001\" }\n",
            "",
        ),
        (
            "submit via hotline, email, chat, night-desk",
            "submit via hotline, email, chat",
        ),
    ]);
    assert_eq!(
        diagnostics(&unused).iter().map(|d| d.0).collect::<Vec<_>>(),
        vec![Code::W005]
    );
}

#[test]
fn a_target_clock_running_while_no_channel_is_open_is_w004_at_its_on() {
    // Channels staffed on business hours only; P2 answered on 24x7.
    let text = acme_with(&[
        ("  channel hotline    \"专用服务热线\" {\n    hours        always", "  channel hotline    \"专用服务热线\" {\n    hours        business"),
        ("channel email      \"电子邮件支持\" { hours always }", "channel email      \"电子邮件支持\" { hours business }"),
        ("  priority P1 \"紧急\" {\n    \"直接影响客户核心业务运营，或导致大面积用户无法使用关键功能的故障。\"\n    clock always\n  }", "  priority P1 \"紧急\" {\n    \"直接影响客户核心业务运营，或导致大面积用户无法使用关键功能的故障。\"\n  }"),
        ("P2 within 2 hours", "P2 within 2 hours on always"),
    ]);
    let checked = checked(&text);
    let w004: Vec<_> = checked
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::W004)
        .collect();
    assert_eq!(w004.len(), 1, "{:#?}", checked.diagnostics);
    assert_eq!(
        w004[0].message,
        "the response clock of `P2` (`always`) runs around the clock while no channel is open"
    );
    let (start, end) = (w004[0].span.start as usize, w004[0].span.end as usize);
    assert_eq!(&text[start..end], "always");
    assert!(text[..start].ends_with("P2 within 2 hours on "));
}

#[test]
fn a_resolution_due_before_its_response_on_another_clock_is_e031() {
    // 12 hours on 24x7 against 4 business hours: the resolution is due
    // later for every receipt, whatever the open minutes say.
    let fine = acme_with(&[
        ("P3 within 1 business day", "P3 within 12 hours on always"),
        ("P3 within 5 business days", "P3 within 4 hours"),
    ]);
    assert!(
        !diagnostics(&fine).iter().any(|d| d.0 == Code::E031),
        "{:#?}",
        diagnostics(&fine)
    );
    // 3 business days answered, resolved within 1 hour on 24x7: always
    // earlier, an error.
    let wrong = acme_with(&[("P3 within 5 business days", "P3 within 1 hour on always")]);
    assert!(diagnostics(&wrong).iter().any(|d| d.0 == Code::E031));
}

#[test]
fn an_unknown_target_clock_is_e012_once_and_nothing_else() {
    let text = acme_with(&[(
        "P3 within 1 business day",
        "P3 within 1 business day on nigth",
    )]);
    let found = diagnostics(&text);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].0, Code::E012);
}
