//! `slac eval`: golden reports of a hand-written log in all four formats,
//! the same log as JSON Lines, exit codes, and order independence.
//!
//! `SLAC_BLESS=1 cargo test --test eval` rewrites the golden files.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code: a broken assumption stops the test with its message"
)]

#[path = "../examples/support/synth.rs"]
mod synth;

use assert_cmd::Command;
use proptest::prelude::*;
use slac::eval::{evaluate, html, markdown, text, EvalOptions, InputFormat, ReportPeriod};
use slac::model::Lang;
use std::path::{Path, PathBuf};
use support::golden::{glob, Golden};

mod support;

const AS_OF: &str = "2026-10-14T12:00:00+08:00";

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/eval")
}

fn contract(name: &str) -> slac::model::Contract {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("contracts")
        .join(name);
    let checked = support::project::check_file(&path);
    checked.model.expect("the shipped contract checks")
}

fn options(period: ReportPeriod) -> EvalOptions {
    EvalOptions {
        as_of: chrono::DateTime::parse_from_rfc3339(AS_OF)
            .unwrap()
            .to_utc(),
        period,
    }
}

fn run(file: &str, format: InputFormat, period: ReportPeriod) -> slac::eval::ComplianceReport {
    let input = std::fs::File::open(dir().join(file)).unwrap();
    evaluate(
        &contract("acme-support.sla"),
        input,
        format,
        &options(period),
    )
    .unwrap()
}

#[test]
fn golden_reports_in_every_format() {
    let logs = glob("tests/eval/*.csv");
    assert!(!logs.is_empty(), "no logs in tests/eval");
    let mut golden = Golden::new("eval");
    for log in &logs {
        let name = log.file_name().unwrap().to_str().unwrap();
        let stem = name.trim_end_matches(".csv");
        let report = run(name, InputFormat::Csv, ReportPeriod::Monthly);
        // In the contract's language (zh-CN), and in English (`--lang en`).
        for (suffix, lang) in [("", Lang::ZhCn), (".en", Lang::En)] {
            for (ext, output) in [
                ("txt", text(&report, lang)),
                ("md", markdown(&report, lang)),
                ("html", html(&report, lang)),
            ] {
                golden.check(&dir().join(format!("{stem}{suffix}.{ext}")), &output);
            }
        }
        golden.check(&dir().join(format!("{stem}.json")), &report.to_json());
        let quarterly = run(name, InputFormat::Csv, ReportPeriod::Quarterly);
        golden.check(
            &dir().join(format!("{stem}.quarterly.json")),
            &quarterly.to_json(),
        );
        golden.check(
            &dir().join(format!("{stem}.quarterly.txt")),
            &text(&quarterly, Lang::ZhCn),
        );
    }
    // An English contract (Globex, Europe/London) reported in Chinese.
    let globex = contract("globex-helpdesk.sla");
    let input = std::fs::File::open(dir().join("globex/globex-spring.csv")).unwrap();
    let as_of = chrono::DateTime::parse_from_rfc3339("2027-05-20T10:15:00+01:00")
        .unwrap()
        .to_utc();
    let options = EvalOptions {
        as_of,
        period: ReportPeriod::Monthly,
    };
    let report = evaluate(&globex, input, InputFormat::Csv, &options).unwrap();
    let stem = dir().join("globex/globex-spring");
    golden.check(&stem.with_extension("json"), &report.to_json());
    golden.check(&stem.with_extension("txt"), &text(&report, Lang::En));
    for (ext, output) in [
        ("txt", text(&report, Lang::ZhCn)),
        ("md", markdown(&report, Lang::ZhCn)),
        ("html", html(&report, Lang::ZhCn)),
    ] {
        golden.check(&stem.with_extension(format!("zh-CN.{ext}")), &output);
    }
    golden.finish();
}

/// Words of the English reports that a Chinese one must not carry.
const ENGLISH: [&str; 12] = [
    "ticket", "missed", "MISSED", "no data", "target", "Credits", "recorded", "rating", "breached",
    "period", "skipped", "as of",
];

#[test]
fn a_chinese_report_has_no_english_fixed_text() {
    let report = run("acme-march.csv", InputFormat::Csv, ReportPeriod::Monthly);
    let zh = text(&report, Lang::ZhCn);
    // The text report counts skipped rows and does not list them; the
    // Markdown and HTML ones list them with their reasons in Chinese.
    for word in ENGLISH {
        assert!(!zh.contains(word), "`{word}` in the Chinese report:\n{zh}");
    }
    for expected in [
        "客户服务SLA（ACME-CS-2026）— 28 个工单，按北京时间（Asia/Shanghai）逐月统计，截至 2026-10-14T12:00:00+08:00",
        "已跳过 8 行格式错误的记录",
        "\n2026年3月\n",
        "  响应         工单数     按时     超时     未决    达成率    目标  p50 分钟  p90 分钟",
        "未达标：P1 响应、P1 解决",
        "服务抵扣 10%，按服务费 50000.00 元，计为 5000.00 元，以代金券形式提供；申请截止 2026-05-01T00:00:00+08:00",
        "客户满意度（CSAT）平均 5.00 分，共 1 个评分（目标 4.5 分）：达标",
        "\n10 个目标未达标。\n",
    ] {
        assert!(zh.contains(expected), "`{expected}` not in:\n{zh}");
    }
    let md = markdown(&report, Lang::ZhCn);
    let page = html(&report, Lang::ZhCn);
    assert!(md.starts_with("# SLA 达标报告："), "{md}");
    assert!(page.contains("<html lang=\"zh-CN\">"));
    assert!(page.contains("P1 响应：1 个超时工单"), "{page}");
    for listed in [&md, &page] {
        assert!(listed.contains("priority 列的“P9”不在合同中"), "{listed}");
        assert!(!listed.contains("unknown priority"), "{listed}");
    }
    // Its rows are the English report's: the view builds them once.
    let en = text(&report, Lang::En);
    assert_eq!(zh.lines().count(), en.lines().count());
}

#[test]
fn counts_of_one_are_singular_in_both_languages() {
    let tmp = tempfile::tempdir().unwrap();
    let log = tmp.path().join("one.csv");
    // One P1 ticket answered late: one target missed, one rating.
    std::fs::write(
        &log,
        format!(
            "{}\nB1,P1,hotline,2026-03-02T10:00:00+08:00,2026-03-02T10:30:00+08:00,2026-03-02T11:00:00+08:00,,true,5,\n",
            slac::eval::COLUMNS.join(",")
        ),
    )
    .unwrap();
    let report = evaluate(
        &contract("acme-support.sla"),
        std::fs::File::open(&log).unwrap(),
        InputFormat::Csv,
        &options(ReportPeriod::Monthly),
    )
    .unwrap();
    let en = text(&report, Lang::En);
    assert!(en.contains("1 ticket,"), "{en}");
    assert!(en.contains("mean of 1 rating (target"), "{en}");
    assert!(en.contains("(1 ticket in all;"), "{en}");
    assert!(en.contains("1 target missed;"), "{en}");
    let page = html(&report, Lang::En);
    assert!(page.contains("P1 response: 1 breached ticket<"), "{page}");
    let zh = text(&report, Lang::ZhCn);
    assert!(zh.contains("1 个目标未达标；"), "{zh}");
    assert!(zh.contains("共 1 个评分"), "{zh}");
}

#[test]
fn the_golden_log_covers_every_kind_of_row() {
    let r = run("acme-march.csv", InputFormat::Csv, ReportPeriod::Monthly);
    assert_eq!(r.tickets, 28);
    assert_eq!(r.skipped_total, 8);
    let words: Vec<String> = r.skipped.iter().map(|s| s.reason.to_string()).collect();
    let reasons: Vec<&str> = words.iter().map(String::as_str).collect();
    for needle in [
        "unknown priority `P9`",
        "unknown channel `fax`",
        "has no offset (pass --zone",
        "is not `true` or `false`",
        "outside the contract's scale",
        "before received_at",
        "ends before it starts",
        "date that does not exist",
    ] {
        assert!(reasons.iter().any(|r| r.contains(needle)), "{needle}");
    }
    let kinds = |f: fn(&slac::eval::TargetReport) -> u64| -> u64 {
        r.periods
            .iter()
            .flat_map(|p| &p.priorities)
            .map(|p| f(&p.response) + f(&p.resolution))
            .sum()
    };
    assert!(kinds(|t| t.met) > 0 && kinds(|t| t.breached) > 0 && kinds(|t| t.pending) > 0);
}

#[test]
fn json_lines_give_the_same_report() {
    let csv = run("acme-march.csv", InputFormat::Csv, ReportPeriod::Monthly);
    let jsonl = run(
        "acme-march.jsonl",
        InputFormat::Jsonl,
        ReportPeriod::Monthly,
    );
    assert_eq!(csv.to_json(), jsonl.to_json());
}

fn slac() -> Command {
    Command::cargo_bin("slac").unwrap()
}

fn contract_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("contracts/acme-support.sla")
}

#[test]
fn cli_exit_codes() {
    let log = dir().join("acme-march.csv");
    // Targets missed: exit 0, unless --fail-on-breach.
    slac()
        .arg("eval")
        .arg(contract_path())
        .arg(&log)
        .args(["--as-of", AS_OF, "--format", "json"])
        .assert()
        .code(0)
        .stderr(predicates::str::contains(
            "acme-march.csv:30: skipped: unknown priority `P9`",
        ))
        .stderr(predicates::str::contains("8 malformed rows skipped"));
    slac()
        .arg("eval")
        .arg(contract_path())
        .arg(&log)
        .args(["--as-of", AS_OF, "--fail-on-breach"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("targets missed"));
    // Nothing missed before March: --fail-on-breach passes on February alone.
    let tmp = tempfile::tempdir().unwrap();
    let feb = tmp.path().join("feb.csv");
    let content = std::fs::read_to_string(&log).unwrap();
    let lines: Vec<&str> = content
        .lines()
        .filter(|l| l.starts_with("id,") || l.starts_with("A22,"))
        .collect();
    std::fs::write(&feb, lines.join("\n") + "\n").unwrap();
    // February has only a P2 ticket: the other targets have no data, which
    // fails unless --allow-empty accepts it.
    slac()
        .arg("eval")
        .arg(contract_path())
        .arg(&feb)
        .args(["--as-of", AS_OF, "--fail-on-breach"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains(
            "6 targets have no data, so compliance is not shown: P1.response, P1.resolution, P3.response",
        ));
    slac()
        .arg("eval")
        .arg(contract_path())
        .arg(&feb)
        .args(["--as-of", AS_OF, "--fail-on-breach", "--allow-empty"])
        .assert()
        .code(0);
    // An unreadable log, a bad --as-of, a header without the columns: exit 2.
    slac()
        .arg("eval")
        .arg(contract_path())
        .arg(tmp.path().join("missing.csv"))
        .assert()
        .code(2)
        .stderr(predicates::str::contains("cannot read"));
    slac()
        .arg("eval")
        .arg(contract_path())
        .arg(&log)
        .args(["--as-of", "yesterday"])
        .assert()
        .code(2);
    let bad = tmp.path().join("bad.csv");
    std::fs::write(
        &bad,
        "id,priority,chanel,received_at\nA,P1,email,2026-03-02T10:00:00Z\n",
    )
    .unwrap();
    slac()
        .arg("eval")
        .arg(contract_path())
        .arg(&bad)
        .assert()
        .code(2)
        .stderr(predicates::str::contains("`chanel` may be `channel`"));
}

#[test]
fn cli_writes_the_output_file() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("report.html");
    slac()
        .arg("eval")
        .arg(contract_path())
        .arg(dir().join("acme-march.jsonl"))
        .args(["--as-of", AS_OF, "--format", "html", "-o"])
        .arg(&out)
        .assert()
        .code(0);
    let page = std::fs::read_to_string(out).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>") && page.contains("<svg"));
    // Self-contained: no script, and links only within the page (a
    // missed target to its breached tickets).
    assert!(!page.contains("<script"));
    assert!(page.contains("href=\"#breached-"));
    assert!(page
        .split("href=\"")
        .skip(1)
        .all(|rest| rest.starts_with('#')));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    /// The report does not depend on row order (the Globex contract: London
    /// time with DST, CSAT as a satisfied share, `business-day 8 hours`).
    #[test]
    fn evaluation_is_independent_of_row_order(seed in 1u64..u64::MAX, shuffle in any::<u64>()) {
        let globex = contract("globex-helpdesk.sla");
        let mut log = Vec::new();
        synth::write_csv(&globex, 300, seed, &mut log).unwrap();
        let text = String::from_utf8(log).unwrap();
        let mut lines: Vec<&str> = text.lines().collect();
        let header = lines.remove(0);
        // Fisher–Yates with a small LCG driven by the shuffle seed.
        let mut state = shuffle | 1;
        for i in (1..lines.len()).rev() {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            let j = (state >> 33) as usize % (i + 1);
            lines.swap(i, j);
        }
        let shuffled = format!("{header}\n{}\n", lines.join("\n"));
        let opts = options(ReportPeriod::Monthly);
        let a = evaluate(&globex, text.as_bytes(), InputFormat::Csv, &opts).unwrap();
        let b = evaluate(&globex, shuffled.as_bytes(), InputFormat::Csv, &opts).unwrap();
        prop_assert_eq!(a.tickets, 300);
        prop_assert_eq!(a.to_json(), b.to_json());
    }
}

/// The error of evaluating `bytes` as a CSV log against the Acme contract.
fn csv_error(bytes: &[u8]) -> String {
    let contract = contract("acme-support.sla");
    match evaluate(
        &contract,
        bytes,
        InputFormat::Csv,
        &options(ReportPeriod::Monthly),
    ) {
        Ok(report) => panic!("evaluated {} tickets", report.tickets),
        Err(e) => e.to_string(),
    }
}

/// The first two lines of the golden log, re-joined by `delimiter`.
fn golden_head(delimiter: &str) -> String {
    let content = std::fs::read_to_string(dir().join("acme-march.csv")).unwrap();
    content
        .lines()
        .take(2)
        .map(|l| l.replace(',', delimiter) + "\n")
        .collect()
}

/// Semicolons and tabs are sniffed from the header; read by a delimiter
/// given otherwise, the header's error names the one it holds.
#[test]
fn another_delimiter_is_sniffed_or_named_not_ten_missing_columns() {
    use slac::eval::input::{Delimiter, LogFormat};
    let contract = contract("acme-support.sla");
    let opts = options(ReportPeriod::Monthly);
    let by_comma = evaluate(
        &contract,
        golden_head(",").as_bytes(),
        InputFormat::Csv,
        &opts,
    );
    let by_comma = by_comma.unwrap().to_json();
    for (delimiter, named) in [(";", "semicolons (`;`)"), ("\t", "tabs (`\\t`)")] {
        let head = golden_head(delimiter);
        let sniffed = evaluate(&contract, head.as_bytes(), InputFormat::Csv, &opts).unwrap();
        assert_eq!(sniffed.tickets, 1);
        assert_eq!(sniffed.to_json(), by_comma);
        let commas = LogFormat {
            delimiter: Delimiter::Comma,
            ..LogFormat::default()
        };
        let e = evaluate(&contract, head.as_bytes(), commas, &opts).unwrap_err();
        let e = e.to_string();
        assert!(
            e.contains(named) && e.contains("not commas: pass --delimiter"),
            "{e}"
        );
        assert!(!e.contains("lacks"), "{e}");
    }
}

#[test]
fn another_encoding_is_named_not_ten_missing_columns() {
    let head = golden_head(",");
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(head.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let e = csv_error(&utf16);
    assert!(e.contains("UTF-16 (little-endian), not UTF-8"), "{e}");
    let no_bom: Vec<u8> = head.encode_utf16().flat_map(u16::to_be_bytes).collect();
    assert!(csv_error(&no_bom).contains("UTF-16"));
    // "编号,优先级" in GBK: a header exported with Chinese names.
    let gbk: &[u8] = b"\xb1\xe0\xba\xc5,\xd3\xc5\xcf\xc8\xbc\xb6\nA1,P1\n";
    let e = csv_error(gbk);
    assert!(e.contains("GBK or GB18030, not UTF-8"), "{e}");
    assert!(!e.contains("lacks"), "{e}");
}

/// The golden log's 19 first tickets with every time stripped of its
/// offset: every row is malformed.
fn log_without_offsets() -> String {
    let content = std::fs::read_to_string(dir().join("acme-march.csv")).unwrap();
    content
        .lines()
        .take(20)
        .map(|l| l.replace("+08:00", "").replace("Z,", ",") + "\n")
        .collect()
}

#[test]
fn a_log_of_malformed_rows_has_no_data_in_every_format() {
    let log = log_without_offsets();
    let contract = contract("acme-support.sla");
    let opts = options(ReportPeriod::Monthly);
    let r = evaluate(&contract, log.as_bytes(), InputFormat::Csv, &opts).unwrap();
    assert_eq!((r.tickets, r.skipped_total), (0, 19));
    assert_eq!(r.no_data.len(), 10, "{:?}", r.no_data);
    assert!(!r.all_met());
    let summary = "No data: no ticket was evaluated, so no target is met or missed.";
    let text = text(&r, Lang::En);
    assert!(
        text.contains(summary) && !text.contains("All targets met"),
        "{text}"
    );
    assert!(text.contains("19 malformed rows skipped"), "{text}");
    let json: serde_json::Value = serde_json::from_str(&r.to_json()).unwrap();
    assert_eq!(json["no_data"][0], "P1.response");
    assert_eq!(json["no_data"][9], "csat");
    let md = markdown(&r, Lang::En);
    assert!(md.contains(&format!("**{summary}**")) && !md.contains("All targets met"));
    let page = html(&r, Lang::En);
    assert!(!page.contains("banner good") && page.contains("banner none"));
    assert!(!page.contains("All targets met"));
    // The chart of P4's response draws its real 95% target, not 100%.
    assert!(page.contains("target 95%"), "the P4 target line");
    assert!(page.contains("no data: no ticket decided"));
}

#[test]
fn cli_fails_when_every_row_is_skipped() {
    let tmp = tempfile::tempdir().unwrap();
    let log = tmp.path().join("no-offsets.csv");
    std::fs::write(&log, log_without_offsets()).unwrap();
    for flags in [
        &["--fail-on-breach"][..],
        &[],
        &["--fail-on-breach", "--allow-empty"],
    ] {
        slac()
            .arg("eval")
            .arg(contract_path())
            .arg(&log)
            .args(["--as-of", AS_OF])
            .args(flags)
            .assert()
            .code(1)
            .stdout(predicates::prelude::PredicateBooleanExt::not(predicates::str::contains("All targets met")))
            .stderr(predicates::str::contains(
                "error: every row of the log was skipped (19 malformed rows skipped), so nothing was evaluated; first: line 2: received_at `2026-03-02T10:00:00` has no offset",
            ));
    }
    // A log with a header and no rows has nothing to judge either.
    let empty = tmp.path().join("empty.csv");
    std::fs::write(&empty, format!("{}\n", slac::eval::COLUMNS.join(","))).unwrap();
    let run = |flags: &[&str]| {
        slac()
            .arg("eval")
            .arg(contract_path())
            .arg(&empty)
            .args(["--as-of", AS_OF])
            .args(flags)
            .assert()
    };
    run(&["--fail-on-breach"])
        .code(1)
        .stderr(predicates::str::contains("10 targets have no data"));
    run(&["--fail-on-breach", "--allow-empty"]).code(0);
    run(&[])
        .code(0)
        .stdout(predicates::str::contains("无数据：没有评估任何工单"));
    run(&["--lang", "en"])
        .code(0)
        .stdout(predicates::str::contains("No data:"));
    run(&["--lang", "fr"]).code(2);
}

#[test]
fn tickets_outside_the_effective_period_are_skipped_and_counted() {
    let header = slac::eval::COLUMNS.join(",");
    // Effective 2026-01-01..2026-12-31 in Asia/Shanghai: by the local date.
    let log = format!(
        "{header}\n\
         B1,P2,email,2025-12-31T23:59:00+08:00,2026-01-04T09:30:00+08:00,,,,,\n\
         B2,P2,email,2025-12-31T16:30:00Z,2026-01-04T09:30:00+08:00,,,,,\n\
         B3,P2,email,2026-12-31T23:59:00+08:00,2027-01-04T09:30:00+08:00,,,,,\n\
         B4,P2,email,2026-12-31T16:00:00Z,2027-01-04T09:30:00+08:00,,,,,\n"
    );
    let contract = contract("acme-support.sla");
    let opts = options(ReportPeriod::Monthly);
    let r = evaluate(&contract, log.as_bytes(), InputFormat::Csv, &opts).unwrap();
    assert_eq!(r.tickets, 2, "B2 and B3 are within the period");
    assert_eq!((r.skipped_total, r.outside_effective), (2, 2));
    let words: Vec<String> = r.skipped.iter().map(|s| s.reason.to_string()).collect();
    let reasons: Vec<(u64, &str)> = r
        .skipped
        .iter()
        .zip(&words)
        .map(|(s, w)| (s.line, w.as_str()))
        .collect();
    assert_eq!(
        reasons,
        [
            (2, "received_at 2025-12-31T23:59:00+08:00 is before the contract takes effect on 2026-01-01"),
            (5, "received_at 2027-01-01T00:00:00+08:00 is after the contract ends on 2026-12-31"),
        ]
    );
    let text = text(&r, Lang::En);
    assert!(
        text.contains(
            "2 tickets received outside the effective period 2026-01-01..2026-12-31 skipped"
        ),
        "{text}"
    );
    assert!(!text.contains("malformed"), "{text}");
}

#[test]
fn fcr_says_its_denominator_and_shows_both_counts() {
    let r = run("acme-march.csv", InputFormat::Csv, ReportPeriod::Monthly);
    let march = r.periods.iter().find(|p| p.period == "2026-03").unwrap();
    let fcr = march.fcr.as_ref().unwrap();
    // Over the tickets that record it, as the appendix now defines it.
    assert_eq!(
        (fcr.resolved_first, fcr.answered, fcr.tickets),
        (15, 19, 22)
    );
    assert_eq!(fcr.percent, Some(78.95));
    assert!(text(&r, Lang::En)
        .contains("FCR 78.95% — 15 of 19 recorded (22 tickets in all; target 70%): ok"));
}
