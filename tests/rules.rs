//! The rule set (design §7): shape, schema, JSON/YAML agreement,
//! determinism, fingerprint, and the `build`/`schema` commands.
//!
//! Contracts come from [`cases`]: the hand-built model of
//! `contracts/acme-support.sla` and variants of it that between them use
//! every construct of the language. To test parsed contracts too, push
//! `slac::check(source).model` into the list.
//!
//! Golden files: `tests/rules/*.{json,yaml}`; `SLAC_BLESS=1 cargo test
//! --test rules` rewrites them.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code: a broken assumption stops the test with its message"
)]

use assert_cmd::Command;
use serde_json::Value;
use slac::model::*;
use slac::rules::{self, RuleSet};
use std::path::{Path, PathBuf};
use support::acme::acme;

mod support;
use support::golden::{glob, Golden};

// ---------------------------------------------------------------- contracts

fn text(s: &str) -> Text {
    Fill::Value(s.to_string())
}

fn placeholder(s: &str) -> Text {
    Fill::Placeholder(s.to_string())
}

/// One contract to build: a name for messages, the model, and `--draft`.
struct Case {
    name: &'static str,
    contract: Contract,
    draft: bool,
}

/// A draft: placeholders in every kind of slot the language allows.
fn draft_with_placeholders() -> Contract {
    let mut c = acme();
    c.title = placeholder("合同标题");
    c.version = Some(placeholder("版本"));
    c.effective = Some(Effective {
        from: Fill::Value(chrono::NaiveDate::from_ymd_opt(2027, 1, 1).unwrap()),
        to: Some(Fill::Placeholder("结束日期".into())),
    });
    c.provider.signatory = Some(placeholder("签字人"));
    c.terms[0].definition = placeholder("定义");
    c.audience.push(placeholder("其他用户"));
    if let Some(a) = c.channels[0].availability.as_mut() {
        a.percent = Fill::Placeholder("可用率".into());
        a.period = Fill::Placeholder("周期".into());
    }
    c.priorities[3].resolution.within = Fill::Placeholder("X个工作日".into());
    c.priorities[3].response.attainment = Some(Fill::Placeholder("达成率".into()));
    c.fcr = Some(FcrTarget {
        min_percent: Fill::Placeholder("FCR".into()),
        period: Fill::Value(Period::Monthly),
    });
    if let Some(csat) = c.csat.as_mut() {
        csat.goal = CsatGoal::Score {
            min: Fill::Placeholder("分数".into()),
        };
        csat.methods.push(placeholder("方法"));
    }
    c.support.escalations[0].after = Fill::Placeholder("升级时限".into());
    c.support.escalations[0].to = placeholder("升级对象");
    // A day of the calendar's own (acme's days come from its set), its
    // note still to be filled in.
    let day = chrono::NaiveDate::from_ymd_opt(2026, 8, 3).unwrap();
    c.calendars[0].closed.push(slac::model::ClosedDays {
        from: day,
        to: day,
        note: Some(placeholder("节日")),
    });
    c.wording.governing_law = Some(Fill::Placeholder("适用法律".into()));
    c.wording.commitments.response = Some(Fill::Placeholder("承诺".into()));
    c
}

fn csat_satisfied() -> Contract {
    let mut c = acme();
    c.csat = Some(CsatTarget {
        goal: CsatGoal::Satisfied {
            min_percent: Fill::Value(90.0),
        },
        scale: (1, 5),
        period: Fill::Value(Period::Quarterly),
        methods: vec![],
    });
    c
}

fn business_day(rule: BusinessDayRule) -> Contract {
    let mut c = acme();
    c.business_day = rule;
    c
}

/// Only elapsed time: no calendar, no time zone, no optional item.
fn elapsed_only() -> Contract {
    let mut c = acme();
    c.id = None;
    c.version = None;
    c.part_of = None;
    c.timezone = None;
    c.clock = None;
    c.effective = Some(Effective {
        from: Fill::Value(chrono::NaiveDate::from_ymd_opt(2027, 1, 1).unwrap()),
        to: None,
    });
    c.client.short = None;
    c.client.contact = None;
    c.terms.clear();
    c.audience.clear();
    c.calendars.clear();
    for ch in &mut c.channels {
        ch.hours = None;
        ch.availability = None;
    }
    for p in &mut c.priorities {
        p.clock = None;
        p.definition = None;
        p.resolution.or_workaround = false;
    }
    c.priorities[2].response.within = Fill::Value(Duration {
        amount: 1,
        unit: Unit::Days,
    });
    c.priorities[2].resolution.within = Fill::Value(Duration {
        amount: 3,
        unit: Unit::Days,
    });
    c.fcr = None;
    c.csat = None;
    c.support.escalations.clear();
    c
}

/// Strings that a careless YAML emitter lets a YAML 1.1 reader turn into
/// numbers, booleans, nulls or dates, or that break plain scalars.
const TRICKY: &[&str] = &[
    "18:00",
    "09:00",
    "0:30",
    "2027-10-01",
    "2027-10-01 09:00:00",
    "yes",
    "Yes",
    "on",
    "ON",
    "no",
    "off",
    "y",
    "n",
    "true",
    "null",
    "~",
    "1.0",
    "0x10",
    "010",
    "1_000",
    "1,000",
    ".inf",
    "1e3",
    "=",
    "<<",
    "- item",
    "key: value",
    "a #comment",
    "  leading spaces",
    "trailing spaces  ",
    "'single' and \"double\"",
    "back\\slash",
    "two\nlines",
    "@at",
    "`tick",
    "%percent",
    "",
];

/// Chinese and other text that must survive unchanged (not necessarily
/// quoted).
const UNICODE: &[&str] = &["中文", "客户：服务", "全角　空格", "emoji 🎉"];

fn tricky_strings() -> Contract {
    let mut c = acme();
    c.audience = TRICKY.iter().chain(UNICODE).map(|s| text(s)).collect();
    c.terms = TRICKY
        .iter()
        .map(|s| Term {
            name: text(s),
            definition: text(s),
        })
        .collect();
    // Identifiers that are YAML 1.1 booleans, as map keys.
    c.calendars[2].id = CalendarId("off".into());
    c.channels[3].hours = Some(CalendarId("off".into()));
    c.calendars[1].id = CalendarId("y".into());
    for ch in &mut c.channels {
        if ch.hours.as_ref().is_some_and(|h| h.as_str() == "always") {
            ch.hours = Some(CalendarId("y".into()));
        }
    }
    c.priorities[0].clock = Some(CalendarId("y".into()));
    c.calendars[0].weekly[0] = vec![TimeSpan {
        start: TimeOfDay(0),
        end: TimeOfDay(1440),
    }];
    c
}

/// A parsed contract of `tests/fixtures/`, which must check clean.
fn fixture(name: &str) -> Contract {
    let path = manifest_path(&format!("tests/fixtures/{name}.sla"));
    let checked = slac::check_bytes(&path.display().to_string(), std::fs::read(&path).unwrap());
    checked
        .model
        .unwrap_or_else(|| panic!("{name}: {:?}", checked.diagnostics))
}

/// A shipped contract of `contracts/`, its `use` lines followed.
fn shipped(name: &str) -> Contract {
    let checked =
        support::project::check_file(std::path::Path::new(&format!("contracts/{name}.sla")));
    checked
        .model
        .unwrap_or_else(|| panic!("{name}: {:?}", checked.diagnostics))
}

fn cases() -> Vec<Case> {
    let case = |name, contract, draft| Case {
        name,
        contract,
        draft,
    };
    vec![
        case("acme", acme(), false),
        case("acme-draft", acme(), true),
        case("draft-placeholders", draft_with_placeholders(), true),
        case("csat-satisfied", csat_satisfied(), false),
        case(
            "business-day-hours",
            business_day(BusinessDayRule::Hours { minutes: 540 }),
            false,
        ),
        case(
            "business-day-fractional-hours",
            business_day(BusinessDayRule::Hours { minutes: 450 }),
            false,
        ),
        case(
            "business-day-same-time",
            business_day(BusinessDayRule::SameTime),
            false,
        ),
        case("elapsed-only", elapsed_only(), false),
        case("tricky-strings", tricky_strings(), false),
        // Holiday sets: dated days, make-up days with `as`, yearly rules of
        // every kind, no end date (`expanded_through`).
        case("holiday-sets", fixture("holiday-sets"), false),
        // A law in words, a commitment for all with two sections that differ.
        case("wording", fixture("wording"), false),
        // The shipped contracts that say their wording: Singapore law with
        // `commitment shall`, and English law.
        case("lionheart-sg", shipped("lionheart-sg"), false),
        case("globex-helpdesk", shipped("globex-helpdesk"), false),
    ]
}

// ---------------------------------------------------------------- helpers

fn json_of(rules: &RuleSet) -> String {
    rules::to_json(rules).unwrap()
}

fn yaml_of(rules: &RuleSet) -> String {
    rules::to_yaml(rules).unwrap()
}

fn value_of(rules: &RuleSet) -> Value {
    serde_json::from_str(&json_of(rules)).unwrap()
}

fn schema() -> Value {
    serde_json::from_str(rules::SCHEMA).unwrap()
}

/// Every schema violation of a built rule set, as readable lines.
fn violations(validator: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

fn manifest_path(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(relative)
}

// ---------------------------------------------------------------- schema

#[test]
fn schema_is_a_valid_draft_2020_12_schema() {
    let schema = schema();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    if let Err(error) = jsonschema::meta::validate(&schema) {
        panic!("the schema is not valid JSON Schema: {error}");
    }
}

#[test]
fn every_case_validates_against_the_schema() {
    let validator = jsonschema::validator_for(&schema()).unwrap();
    for case in cases() {
        let rules = rules::build(&case.contract, case.draft);
        let errors = violations(&validator, &value_of(&rules));
        assert!(errors.is_empty(), "{}: {errors:#?}", case.name);
    }
}

#[test]
fn the_schema_rejects_what_the_format_forbids() {
    let validator = jsonschema::validator_for(&schema()).unwrap();
    let good = value_of(&rules::build(&acme(), false));
    assert!(violations(&validator, &good).is_empty());
    type Mutation = fn(&mut Value);
    let mutations: &[(&str, Mutation)] = &[
        ("unknown top-level key", |v| {
            v["extra"] = Value::Bool(true);
        }),
        ("wrong schema tag", |v| v["schema"] = "slac.rules/v2".into()),
        ("bad fingerprint", |v| v["fingerprint"] = "md5:00".into()),
        ("unknown unit", |v| {
            v["priorities"][0]["response"]["unit"] = "weeks".into();
        }),
        ("zero amount", |v| {
            v["priorities"][0]["response"]["amount"] = 0.into();
        }),
        ("duration and placeholder both", |v| {
            v["priorities"][0]["response"]["placeholder"] = "x".into();
        }),
        ("time out of range", |v| {
            v["calendars"]["business"]["weekly"]["mon"][0][0] = "25:00".into();
        }),
        ("weekly on a 24x7 calendar", |v| {
            v["calendars"]["always"]["weekly"] = serde_json::json!({});
        }),
        ("holiday sets on a 24x7 calendar", |v| {
            v["calendars"]["always"]["holidays"] = serde_json::json!(["cn-2027"]);
        }),
        ("an empty list of used sets", |v| {
            v["calendars"]["business"]["holidays"] = serde_json::json!([]);
        }),
        ("a set without its days", |v| {
            v["holidays"] = serde_json::json!({"cn-2027": {"label": "x"}});
        }),
        ("a make-up day as no weekday", |v| {
            v["holidays"] = serde_json::json!({"cn-2027": {"label": "x", "closed": [],
                "open": [{"date": "2027-09-26", "as": "monday"}]}});
        }),
        ("percent over 100", |v| {
            v["fcr"]["min_percent"] = 101.into();
        }),
        ("both csat goals", |v| {
            v["csat"]["min_percent"] = 90.into();
        }),
        ("missing clock", |v| {
            v["priorities"][0]
                .as_object_mut()
                .unwrap()
                .shift_remove("clock");
        }),
        ("null where optional fields are omitted", |v| {
            v["contract"]["part_of"] = Value::Null;
        }),
    ];
    for (what, mutate) in mutations {
        let mut bad = good.clone();
        mutate(&mut bad);
        assert!(
            !violations(&validator, &bad).is_empty(),
            "the schema accepted: {what}"
        );
    }
}

// ---------------------------------------------------------------- shape

#[test]
fn acme_has_the_shape_of_section_7() {
    let rules = rules::build(&acme(), false);
    let v = value_of(&rules);
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "schema",
            "fingerprint",
            "draft",
            "contract",
            "parties",
            "terms",
            "services",
            "audience",
            "calendars",
            "holidays",
            "channels",
            "priorities",
            "fcr",
            "csat",
            "support",
            "reporting",
            "exclusions",
            "credits",
            "wording",
            "sources"
        ]
    );
    assert_eq!(v["schema"], "slac.rules/v1");
    assert_eq!(v["draft"], false);
    assert_eq!(v["contract"]["id"], "ACME-CS-2026");
    assert_eq!(v["contract"]["timezone"], "Asia/Shanghai");
    assert_eq!(
        v["contract"]["effective"],
        serde_json::json!({"from": "2026-01-01", "to": "2026-12-31"})
    );
    assert_eq!(
        v["contract"]["business_day"],
        serde_json::json!({"rule": "ends_at_close"})
    );
    assert_eq!(v["parties"]["provider"]["signatory"], "王伟");
    assert!(v["parties"]["client"].get("signatory").is_none());
    assert_eq!(
        v["terms"][0],
        serde_json::json!({"name": "合格服务请求", "definition": "通过约定渠道提交、信息完整的服务请求。"})
    );
    assert_eq!(v["services"][1]["id"], "diagnosis");
    assert_eq!(v["audience"], serde_json::json!(["最终用户", "内部员工"]));

    // Calendars: an object in declaration order; weekly lists only open days.
    let calendars: Vec<&str> = v["calendars"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(calendars, ["business", "always", "night"]);
    let business = &v["calendars"]["business"];
    let days: Vec<&str> = business["weekly"]
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(days, ["mon", "tue", "wed", "thu", "fri"]);
    assert_eq!(
        business["weekly"]["mon"],
        serde_json::json!([["09:00", "12:00"], ["13:00", "18:00"]])
    );
    // The days of holidays/cn-2026.sla, resolved: seven holidays and six
    // make-up days on the Monday–Friday hours.
    assert_eq!(business["holidays"], serde_json::json!(["cn-2026"]));
    let closed = business["closed"].as_array().unwrap();
    assert_eq!(closed.len(), 7, "{closed:#?}");
    assert_eq!(
        closed[6],
        serde_json::json!({"from": "2026-10-01", "to": "2026-10-07", "note": "国庆节"})
    );
    let open = business["open"].as_array().unwrap();
    assert_eq!(open.len(), 6, "{open:#?}");
    assert_eq!(
        open[0],
        serde_json::json!({"date": "2026-01-04", "spans": [["09:00", "12:00"], ["13:00", "18:00"]], "note": "元旦调休上班"})
    );
    assert_eq!(
        v["calendars"]["always"],
        serde_json::json!({"label": "7x24", "timezone": "Asia/Shanghai", "always": true})
    );
    assert_eq!(
        v["calendars"]["night"]["weekly"]["fri"],
        serde_json::json!([["22:00", "06:00"]])
    );

    assert_eq!(
        v["channels"][0],
        serde_json::json!({"id": "hotline", "label": "专用服务热线", "hours": "always",
            "availability": {"percent": 99.9, "period": "monthly"}, "contact": "400-000-0000"})
    );
    assert_eq!(
        v["priorities"][0],
        serde_json::json!({"id": "P1", "label": "紧急", "rank": 1,
            "definition": "直接影响客户核心业务运营，或导致大面积用户无法使用关键功能的故障。",
            "clock": "always",
            "response": {"amount": 15, "unit": "minutes"},
            "resolution": {"amount": 4, "unit": "hours", "or_workaround": true}})
    );
    assert_eq!(
        v["priorities"][3]["response"],
        serde_json::json!({"amount": 3, "unit": "business_days", "attainment_percent": 95})
    );
    let ranks: Vec<u64> = v["priorities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["rank"].as_u64().unwrap())
        .collect();
    assert_eq!(ranks, [1, 2, 3, 4]);
    assert_eq!(
        v["fcr"],
        serde_json::json!({"min_percent": 70, "period": "monthly"})
    );
    assert_eq!(
        v["csat"],
        serde_json::json!({"min_score": 4.5, "scale": [1, 5], "period": "quarterly", "methods": ["问卷", "回访"]})
    );
    assert_eq!(
        v["support"]["escalations"],
        serde_json::json!([{"priority": "P1", "after": {"amount": 30, "unit": "minutes"}, "to": "值班经理"}])
    );
}

#[test]
fn whole_numbers_print_without_a_fraction() {
    let json = json_of(&rules::build(&acme(), false));
    assert!(json.contains("\"min_percent\": 70,"), "{json}");
    assert!(json.contains("\"attainment_percent\": 95\n"), "{json}");
    assert!(json.contains("\"percent\": 99.9,"), "{json}");
    assert!(!json.contains(".0,") && !json.contains(".0\n"), "{json}");
}

#[test]
fn json_is_pretty_with_two_spaces_and_a_final_newline() {
    let json = json_of(&rules::build(&acme(), false));
    assert!(json.starts_with("{\n  \"schema\": \"slac.rules/v1\",\n  \"fingerprint\": \"sha256:"));
    assert!(json.ends_with("}\n") && !json.ends_with("\n\n"));
    assert!(json.contains("客户服务SLA"), "text stays UTF-8, unescaped");
}

#[test]
fn business_day_rules() {
    let rule =
        |r| value_of(&rules::build(&business_day(r), false))["contract"]["business_day"].clone();
    assert_eq!(
        rule(BusinessDayRule::Hours { minutes: 540 }),
        serde_json::json!({"rule": "hours", "hours": 9, "minutes": 540})
    );
    assert_eq!(
        rule(BusinessDayRule::Hours { minutes: 450 }),
        serde_json::json!({"rule": "hours", "hours": 7.5, "minutes": 450})
    );
    assert_eq!(
        rule(BusinessDayRule::SameTime),
        serde_json::json!({"rule": "same_time"})
    );
}

#[test]
fn csat_satisfied_form() {
    let v = value_of(&rules::build(&csat_satisfied(), false));
    assert_eq!(
        v["csat"],
        serde_json::json!({"min_percent": 90, "scale": [1, 5], "period": "quarterly", "methods": []})
    );
}

#[test]
fn elapsed_time_has_null_clocks_and_omits_what_is_absent() {
    let v = value_of(&rules::build(&elapsed_only(), false));
    assert_eq!(v["calendars"], serde_json::json!({}));
    for p in v["priorities"].as_array().unwrap() {
        assert_eq!(p["clock"], Value::Null, "clock is always present");
        assert!(p.get("definition").is_none());
    }
    for ch in v["channels"].as_array().unwrap() {
        assert_eq!(ch["hours"], Value::Null, "hours is always present");
    }
    assert_eq!(
        v["priorities"][2]["resolution"],
        serde_json::json!({"amount": 3, "unit": "days"})
    );
    let contract = v["contract"].as_object().unwrap();
    for absent in ["id", "version", "part_of", "timezone", "clock"] {
        assert!(!contract.contains_key(absent), "{absent} should be omitted");
    }
    assert_eq!(
        v["contract"]["effective"],
        serde_json::json!({"from": "2027-01-01"})
    );
    assert!(v.get("fcr").is_none() && v.get("csat").is_none());
    assert_eq!(v["terms"], serde_json::json!([]));
    assert_eq!(v["support"]["escalations"], serde_json::json!([]));
}

#[test]
fn placeholders_stand_as_objects_in_a_draft() {
    let rules = rules::build(&draft_with_placeholders(), true);
    let v = value_of(&rules);
    let ph = |s: &str| serde_json::json!({ "placeholder": s });
    assert_eq!(v["draft"], true);
    assert_eq!(v["contract"]["title"], ph("合同标题"));
    assert_eq!(v["contract"]["effective"]["to"], ph("结束日期"));
    assert_eq!(v["channels"][0]["availability"]["percent"], ph("可用率"));
    assert_eq!(v["channels"][0]["availability"]["period"], ph("周期"));
    assert_eq!(v["priorities"][3]["resolution"], ph("X个工作日"));
    assert_eq!(
        v["priorities"][3]["response"],
        serde_json::json!({"amount": 3, "unit": "business_days", "attainment_percent": {"placeholder": "达成率"}})
    );
    assert_eq!(v["csat"]["min_score"], ph("分数"));
    assert_eq!(v["support"]["escalations"][0]["after"], ph("升级时限"));
    let own_day = v["calendars"]["business"]["closed"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["from"] == "2026-08-03")
        .unwrap();
    assert_eq!(own_day["note"], ph("节日"));
}

// ---------------------------------------------------------------- YAML

#[test]
fn yaml_reads_back_as_the_json_data() {
    for case in cases() {
        let rules = rules::build(&case.contract, case.draft);
        let from_yaml: Value = serde_saphyr::from_str(&yaml_of(&rules))
            .unwrap_or_else(|e| panic!("{}: YAML does not parse: {e}", case.name));
        assert_eq!(from_yaml, value_of(&rules), "{}", case.name);
    }
}

/// A YAML 1.1 reader resolves plain scalars by pattern; a quoted scalar is
/// always a string. So every string value must be quoted.
#[test]
fn yaml_quotes_every_string_a_yaml_1_1_reader_could_misread() {
    let rules = rules::build(&tricky_strings(), false);
    let yaml = yaml_of(&rules);
    for s in TRICKY {
        let single = format!("'{}'", s.replace('\'', "''"));
        let double = serde_json::to_string(s).unwrap();
        assert!(
            yaml.contains(&single) || yaml.contains(&double),
            "{s:?} is not quoted in:\n{yaml}"
        );
    }
    for line in yaml.lines() {
        // Spans and dates are strings: never plain `- 09:00` or `from: 2027-10-01`.
        let value = line
            .trim_start()
            .trim_start_matches("- ")
            .split_once(": ")
            .map_or(line.trim_start().trim_start_matches("- "), |(_, v)| v);
        let first = value.chars().next().unwrap_or(' ');
        if first.is_ascii_digit() {
            assert!(
                value.parse::<f64>().is_ok(),
                "a plain scalar that is not a plain number: {line:?}"
            );
        }
    }
    // Ids that are YAML 1.1 booleans are quoted as keys and as values.
    assert!(
        yaml.contains("\n  \"off\":\n") || yaml.contains("\n  'off':\n"),
        "{yaml}"
    );
    assert!(yaml.contains("hours: 'off'"), "{yaml}");
    assert!(yaml.contains("- - '00:00'\n        - '24:00'\n"), "{yaml}");
}

#[test]
fn yaml_uses_no_block_scalars_anchors_or_tags() {
    for case in cases() {
        let yaml = yaml_of(&rules::build(&case.contract, case.draft));
        for line in yaml.lines() {
            let value = line.split_once(": ").map_or("", |(_, v)| v);
            assert!(
                !matches!(value, "|" | ">" | "|-" | ">-" | "|+" | ">+"),
                "{}: block scalar: {line}",
                case.name
            );
            assert!(
                !value.starts_with('&') && !value.starts_with('*') && !value.starts_with('!'),
                "{}: {line}",
                case.name
            );
        }
    }
}

// ---------------------------------------------------------------- determinism

#[test]
fn output_is_deterministic() {
    for case in cases() {
        let a = rules::build(&case.contract, case.draft);
        let b = rules::build(&case.contract.clone(), case.draft);
        assert_eq!(json_of(&a), json_of(&b), "{}", case.name);
        assert_eq!(yaml_of(&a), yaml_of(&b), "{}", case.name);
    }
}

/// The same bytes on every machine: the rule sets pinned in
/// `tests/rules/<case>.{json,yaml}` (fingerprint included). The pinned cases
/// are the ones with a golden JSON file there; to pin another, add an empty
/// `tests/rules/<case>.json` and bless.
#[test]
fn golden_files() {
    let mut golden = Golden::new("rules");
    let cases = cases();
    let pinned = glob("tests/rules/*.json");
    assert!(!pinned.is_empty(), "no golden rule sets in tests/rules");
    for path in &pinned {
        let name = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or_default();
        let Some(case) = cases.iter().find(|c| c.name == name) else {
            golden.fail(format!("{}: no case named `{name}`", path.display()));
            continue;
        };
        let rules = rules::build(&case.contract, case.draft);
        golden.check(path, &json_of(&rules));
        golden.check(&path.with_extension("yaml"), &yaml_of(&rules));
    }
    golden.no_others("tests/rules/*");
    golden.finish();
}

// ---------------------------------------------------------------- fingerprint

#[test]
fn fingerprint_is_sha256_of_the_canonical_json_without_it() {
    use sha2::{Digest, Sha256};
    for case in cases() {
        let rules = rules::build(&case.contract, case.draft);
        // Independently: the pretty JSON, fingerprint removed, compacted.
        let mut v = value_of(&rules);
        v.as_object_mut().unwrap().shift_remove("fingerprint");
        let canonical = serde_json::to_string(&v).unwrap();
        assert_eq!(canonical, rules::canonical_json(&rules).unwrap());
        assert!(canonical.starts_with("{\"schema\":\"slac.rules/v1\",\"draft\":"));
        let digest = Sha256::digest(canonical.as_bytes());
        let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(rules.fingerprint, format!("sha256:{hex}"), "{}", case.name);
        assert_eq!(rules::fingerprint(&rules), rules.fingerprint);
    }
}

#[test]
fn fingerprint_ignores_the_stored_field() {
    let mut rules = rules::build(&acme(), false);
    let real = rules.fingerprint.clone();
    rules.fingerprint = "sha256:forged".into();
    assert_eq!(rules::fingerprint(&rules), real);
}

#[test]
fn fingerprint_changes_with_any_change_in_meaning() {
    type Change = fn(&mut Contract);
    let changes: &[(&str, Change)] = &[
        ("title", |c| c.title = text("客户服务SLA v2")),
        ("version", |c| c.version = Some(text("1.1"))),
        ("language", |c| c.language = Lang::En),
        ("effective end", |c| {
            if let Some(e) = c.effective.as_mut() {
                e.to = None;
            }
        }),
        ("timezone", |c| c.timezone = Some(chrono_tz::Asia::Tokyo)),
        ("business-day rule", |c| {
            c.business_day = BusinessDayRule::SameTime;
        }),
        ("party contact", |c| c.client.contact = None),
        ("term", |c| c.terms.clear()),
        ("service label", |c| c.services[0].label = text("咨询")),
        ("audience order", |c| c.audience.reverse()),
        ("span end", |c| {
            c.calendars[0].weekly[0][1].end = TimeOfDay(17 * 60)
        }),
        // acme's days are those of its set, holidays/cn-2026.sla.
        ("holiday", |c| c.calendars[0].holidays[0].closed.truncate(6)),
        ("make-up day", |c| {
            c.calendars[0].holidays[0].open.truncate(5)
        }),
        ("holiday set", |c| c.calendars[0].holidays.clear()),
        ("calendar zone", |c| {
            c.calendars[0].timezone = chrono_tz::UTC
        }),
        ("channel hours", |c| c.channels[2].hours = None),
        ("availability", |c| {
            if let Some(a) = c.channels[0].availability.as_mut() {
                a.percent = Fill::Value(99.95);
            }
        }),
        ("priority order", |c| c.priorities.swap(2, 3)),
        ("clock", |c| {
            c.priorities[1].clock = Some(CalendarId("always".into()))
        }),
        ("response amount", |c| {
            c.priorities[0].response.within = Fill::Value(Duration {
                amount: 16,
                unit: Unit::Minutes,
            });
        }),
        ("response unit", |c| {
            c.priorities[0].response.within = Fill::Value(Duration {
                amount: 15,
                unit: Unit::Hours,
            });
        }),
        ("or workaround", |c| {
            c.priorities[0].resolution.or_workaround = false
        }),
        ("attainment", |c| c.priorities[3].response.attainment = None),
        ("fcr", |c| c.fcr = None),
        ("csat score", |c| {
            if let Some(s) = c.csat.as_mut() {
                s.goal = CsatGoal::Score {
                    min: Fill::Value(4.6),
                };
            }
        }),
        ("csat form", |c| {
            if let Some(s) = c.csat.as_mut() {
                s.goal = CsatGoal::Satisfied {
                    min_percent: Fill::Value(4.5),
                };
            }
        }),
        ("submit via", |c| {
            c.support.submit_via.pop();
        }),
        ("escalation", |c| c.support.escalations[0].to = text("经理")),
    ];
    let base = rules::build(&acme(), false).fingerprint;
    assert_eq!(base, rules::build(&acme(), false).fingerprint);
    let mut seen = std::collections::BTreeMap::new();
    seen.insert(base.clone(), "unchanged");
    for (what, change) in changes {
        let mut c = acme();
        change(&mut c);
        let fp = rules::build(&c, false).fingerprint;
        if let Some(other) = seen.insert(fp, what) {
            panic!("`{what}` gives the same fingerprint as `{other}`");
        }
    }
    assert_ne!(
        base,
        rules::build(&acme(), true).fingerprint,
        "`draft` is part of the hashed data"
    );
}

#[test]
fn fingerprint_of_matches_what_build_writes() {
    assert_eq!(
        rules::fingerprint_of(&acme()),
        rules::build(&acme(), false).fingerprint
    );
    let draft = draft_with_placeholders();
    assert_eq!(
        rules::fingerprint_of(&draft),
        rules::build(&draft, true).fingerprint
    );
}

// ---------------------------------------------------------------- commands

#[test]
fn slac_schema_prints_the_schema_file() {
    let output = Command::cargo_bin("slac")
        .unwrap()
        .arg("schema")
        .output()
        .unwrap();
    assert!(output.status.success());
    let file = std::fs::read(manifest_path("schema/slac.rules.v1.json")).unwrap();
    assert_eq!(output.stdout, file);
}

#[test]
fn a_failed_build_leaves_the_previous_output_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken.sla");
    std::fs::write(&broken, "contract \"x\" {\n  id \n").unwrap();
    for format in ["json", "yaml"] {
        let out = dir.path().join(format!("rules.{format}"));
        std::fs::write(&out, "previous good output\n").unwrap();
        let status = Command::cargo_bin("slac")
            .unwrap()
            .args(["build", "--format", format, "-o"])
            .arg(&out)
            .arg(&broken)
            .env("NO_COLOR", "1")
            .output()
            .unwrap()
            .status;
        assert_eq!(status.code(), Some(1), "a contract with errors exits 1");
        assert_eq!(
            std::fs::read_to_string(&out).unwrap(),
            "previous good output\n"
        );
    }
    let mut left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(
        left,
        ["broken.sla", "rules.json", "rules.yaml"],
        "no temporary file left"
    );
}

/// Needs the parser: `slac build` of the shipped contract equals the rule
/// set of its hand-built model, in both formats, written atomically.
#[test]
fn slac_build_of_the_shipped_contract() {
    let dir = tempfile::tempdir().unwrap();
    let rules = rules::build(&acme(), false);
    for (format, expected) in [("json", json_of(&rules)), ("yaml", yaml_of(&rules))] {
        let out = dir.path().join(format!("acme.{format}"));
        Command::cargo_bin("slac")
            .unwrap()
            .args(["build", "--format", format, "-o"])
            .arg(&out)
            .arg(manifest_path("contracts/acme-support.sla"))
            .assert()
            .success();
        assert_eq!(std::fs::read_to_string(&out).unwrap(), expected);
        let stdout = Command::cargo_bin("slac")
            .unwrap()
            .args(["build", "--format", format])
            .arg(manifest_path("contracts/acme-support.sla"))
            .output()
            .unwrap()
            .stdout;
        assert_eq!(String::from_utf8(stdout).unwrap(), expected);
    }
}

/// Needs the parser: placeholders are refused without `--draft` (exit 1,
/// nothing written) and built as a draft with it.
#[test]
fn slac_build_refuses_placeholders_unless_draft() {
    let dir = tempfile::tempdir().unwrap();
    let source = std::fs::read_to_string(manifest_path("contracts/acme-support.sla"))
        .unwrap()
        .replacen("\"1.0\"", "[版本号]", 1);
    let project = support::project::Scratch::new();
    let contract = project.write("draft.sla", source);
    let out = dir.path().join("draft.json");
    let refused = Command::cargo_bin("slac")
        .unwrap()
        .args(["build", "-o"])
        .arg(&out)
        .arg(&contract)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("W001"));
    assert!(!out.exists());
    Command::cargo_bin("slac")
        .unwrap()
        .args(["build", "--draft", "-o"])
        .arg(&out)
        .arg(&contract)
        .assert()
        .success();
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(v["draft"], true);
    assert_eq!(
        v["contract"]["version"],
        serde_json::json!({"placeholder": "版本号"})
    );
}

/// Every `.sla` file under `contracts/`, sorted.
fn shipped_contracts() -> Vec<PathBuf> {
    fn walk(dir: &Path, found: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(&path, found);
            } else if path.extension().is_some_and(|e| e == "sla") {
                found.push(path);
            }
        }
    }
    let mut found = Vec::new();
    walk(&manifest_path("contracts"), &mut found);
    found.sort();
    found
}

/// Needs the parser: every shipped contract checks, builds (as a draft when
/// it keeps placeholders), validates against the schema, and reads back
/// from YAML as its JSON; `acme-support.sla` gives the hand-built model's
/// rule set.
#[test]
fn shipped_contracts_build_and_validate() {
    let validator = jsonschema::validator_for(&schema()).unwrap();
    let contracts = shipped_contracts();
    assert!(!contracts.is_empty());
    for path in contracts {
        let checked = support::project::check_file(&path);
        let model = checked
            .model
            .as_ref()
            .unwrap_or_else(|| panic!("{}: {:#?}", path.display(), checked.diagnostics));
        let rules = rules::build(model, checked.has_placeholders());
        let json = value_of(&rules);
        let errors = violations(&validator, &json);
        assert!(errors.is_empty(), "{}: {errors:#?}", path.display());
        let from_yaml: Value = serde_saphyr::from_str(&yaml_of(&rules)).unwrap();
        assert_eq!(from_yaml, json, "{}", path.display());
        if path.ends_with("acme-support.sla") {
            assert_eq!(rules, rules::build(&acme(), false));
        }
    }
}

/// The fingerprint of a contract's source text, through the whole pipeline.
fn fingerprint_of_source(text: &str) -> String {
    let checked = support::project::check_at("contracts/acme-support.sla", text);
    let model = checked
        .model
        .unwrap_or_else(|| panic!("does not check: {:?}", checked.diagnostics));
    rules::fingerprint_of(&model)
}

#[test]
fn formatting_only_changes_keep_the_fingerprint_and_meaning_changes_do_not() {
    let original = std::fs::read_to_string(manifest_path("contracts/acme-support.sla"))
        .unwrap_or_else(|e| panic!("{e}"));
    let base = fingerprint_of_source(&original);

    // Layout: other indentation, CRLF, extra blank lines, comments added and
    // removed, items reordered where order carries no meaning.
    let reindented: String = original
        .lines()
        .map(|l| format!("\t{}  // note\r\n\r\n", l.trim()))
        .collect();
    let without_comments: String = original
        .lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .map(|l| format!("{}\n", l.split("  //").next().unwrap_or(l)))
        .collect();
    let moved_header = original
        .replace("  id        \"ACME-CS-2026\"\n", "")
        .replace(
            "  business-day ends-at-close\n",
            "  business-day ends-at-close\n  id \"ACME-CS-2026\"\n",
        );
    let respelt_units = original
        .replace("within 15 minutes", "within 15 min")
        .replace("within 4 hours", "within 4 h")
        .replace("5 business days", "5 working days");
    for (what, text) in [
        ("reindented with CRLF and comments", reindented),
        ("comments removed", without_comments),
        ("header item moved", moved_header),
        ("units respelt", respelt_units),
    ] {
        assert_eq!(
            fingerprint_of_source(&text),
            base,
            "{what} changed the fingerprint"
        );
    }

    for (what, text) in [
        ("a target", original.replace("P2 within 2 hours", "P2 within 3 hours")),
        ("a holiday", original.replace("    holidays cn-2026", "    closed   2026-08-03 \"公司活动\"\n    holidays cn-2026")),
        ("a label", original.replace("\"紧急\"", "\"特急\"")),
        ("priority order", original.replace(
            "  priority P3 \"中\" { \"一般咨询或非核心功能的问题。\" }\n  priority P4 \"低\" { \"建议、非紧急查询或文档请求。\" }",
            "  priority P4 \"低\" { \"建议、非紧急查询或文档请求。\" }\n  priority P3 \"中\" { \"一般咨询或非核心功能的问题。\" }",
        )),
    ] {
        assert_ne!(text, original, "{what}: the edit did not apply");
        assert_ne!(fingerprint_of_source(&text), base, "changing {what} kept the fingerprint");
    }
}
