//! `eval --tickets-out`: one row per ticket and target that adds up to the
//! report's counts exactly, for every period and target, on random logs
//! (with exclusions, status histories that pause the clock, both period
//! kinds, any as-of); the rows are the same
//! in CSV and JSON Lines; the HTML report lists each missed target's
//! breached tickets; and the CLI writes the file or refuses it (exit 2).
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
use slac::eval::{
    evaluate, evaluate_with, html, read_statuses, ComplianceReport, EvalOptions, InputFormat,
    ReadOptions, ReportPeriod, StatusLog, TicketRows, TicketsOutFormat, TimeOptions,
    TICKETS_OUT_COLUMNS, WORST_LISTED,
};
use slac::model::Contract;
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

mod support;

fn contract(name: &str) -> Contract {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("contracts")
        .join(name);
    // Its use lines followed (Globex uses holidays/uk-england.sla).
    support::project::check_file(&path)
        .model
        .expect("the shipped contract checks")
}

fn options(as_of: &str, period: ReportPeriod) -> EvalOptions {
    EvalOptions {
        as_of: chrono::DateTime::parse_from_rfc3339(as_of)
            .unwrap()
            .to_utc(),
        period,
    }
}

/// A synthetic log with an `excluded` column: every `every`-th ticket under
/// one of the contract's clauses.
fn log(contract: &Contract, n: usize, seed: u64, every: usize) -> String {
    let mut bytes = Vec::new();
    synth::write_csv(contract, n, seed, &mut bytes).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    let clauses: Vec<String> = contract
        .exclusions
        .iter()
        .flat_map(|e| &e.clauses)
        .map(|c| c.id.as_str().to_string())
        .collect();
    text.lines()
        .enumerate()
        .map(|(i, line)| {
            let cell = match i {
                0 => "excluded".to_string(),
                _ if !clauses.is_empty() && i % every == 0 => clauses[i % clauses.len()].clone(),
                _ => String::new(),
            };
            format!("{line},{cell}\n")
        })
        .collect()
}

/// (period, priority, target, status) → rows.
type Counts = BTreeMap<(String, String, String, String), u64>;

fn rows_of(report_rows: &[u8]) -> (Vec<csv::StringRecord>, Counts) {
    let mut reader = csv::Reader::from_reader(report_rows);
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header, TICKETS_OUT_COLUMNS);
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let mut counts = Counts::new();
    for r in &records {
        *counts
            .entry((r[3].into(), r[1].into(), r[4].into(), r[8].into()))
            .or_default() += 1;
    }
    (records, counts)
}

/// The report's counts in the same shape.
fn counts_of(report: &ComplianceReport) -> Counts {
    let mut counts = Counts::new();
    for p in &report.periods {
        for pr in &p.priorities {
            for (kind, t) in [("response", &pr.response), ("resolution", &pr.resolution)] {
                for (status, n) in [
                    ("met", t.met),
                    ("breached", t.breached),
                    ("pending", t.pending),
                ] {
                    if n > 0 {
                        counts.insert(
                            (p.period.clone(), pr.id.clone(), kind.into(), status.into()),
                            n,
                        );
                    }
                }
            }
        }
    }
    counts
}

fn evaluate_rows(
    contract: &Contract,
    log: &str,
    opts: &EvalOptions,
    format: TicketsOutFormat,
) -> (ComplianceReport, Vec<u8>) {
    evaluate_rows_with(contract, log, opts, &ReadOptions::default(), format)
}

fn evaluate_rows_with(
    contract: &Contract,
    log: &str,
    opts: &EvalOptions,
    read: &ReadOptions,
    format: TicketsOutFormat,
) -> (ComplianceReport, Vec<u8>) {
    let mut rows = TicketRows::new(format);
    let report = evaluate_with(
        contract,
        log.as_bytes(),
        InputFormat::Csv,
        opts,
        read,
        Some(&mut rows),
    )
    .unwrap();
    (report, rows.into_bytes().unwrap())
}

/// The statuses that pause the clock in the property below, in the
/// spellings a system might write them (matching ignores case).
const PAUSING: [&str; 3] = ["Pending", "On-hold", "等待客户"];

/// A status history for every `every`-th ticket of `log`: from receipt,
/// open a while, then in a pausing status (some still in it, `to` empty),
/// then open again, sometimes a second pause; and rows for tickets the log
/// does not have. Times are RFC 3339 with the log's offsets.
fn status_history(log: &str, seed: u64, every: usize) -> String {
    let mut rng = synth::Rng(seed | 1);
    let mut next = move |below: usize| rng.below(below) as i64;
    let mut out = String::from("ticket_id,status,from,to\n");
    let mut reader = csv::Reader::from_reader(log.as_bytes());
    for (i, record) in reader.records().map(Result::unwrap).enumerate() {
        if i % every != 0 {
            continue;
        }
        let id = &record[0];
        let received = chrono::DateTime::parse_from_rfc3339(&record[3]).unwrap();
        let at = |minutes: i64| (received + chrono::Duration::minutes(minutes)).to_rfc3339();
        let open_for = next(600);
        let paused_for = next(3000) + 1;
        let status = PAUSING[next(3) as usize];
        out += &format!("{id},Open,{},{}\n", at(0), at(open_for));
        let to = if next(8) == 0 {
            String::new()
        } else {
            at(open_for + paused_for)
        };
        out += &format!("{id},{},{},{to}\n", status.to_uppercase(), at(open_for));
        if !to.is_empty() && next(3) == 0 {
            let again = open_for + paused_for + next(900);
            out += &format!(
                "{id},{status},{},{}\n",
                at(again),
                at(again + next(600) + 1)
            );
        }
        if next(10) == 0 {
            out += &format!("X{id},Pending,{},{}\n", at(0), at(60));
        }
    }
    out
}

fn statuses(contract: &Contract, history: &str, opts: &EvalOptions) -> StatusLog {
    read_statuses(
        contract,
        history.as_bytes(),
        InputFormat::Csv,
        TimeOptions::default(),
        opts.as_of.timestamp_millis(),
    )
    .unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]

    #[test]
    fn the_rows_add_up_to_the_reports_counts(
        which in 0usize..3,
        n in 1usize..400,
        seed in 1u64..u64::MAX,
        every in 3usize..40,
        quarterly in any::<bool>(),
        as_of_day in 1u32..28,
        as_of_month in 1u32..13,
        pause_every in prop::option::of(1usize..6),
    ) {
        let name = ["acme-support.sla", "globex-helpdesk.sla", "nimbus-cloud.sla"][which];
        let mut contract = contract(name);
        let log = log(&contract, n, seed, every);
        let period = if quarterly { ReportPeriod::Quarterly } else { ReportPeriod::Monthly };
        // In the year the log covers (its contract's first), so that some
        // targets are still pending at the as-of.
        let year = contract
            .effective
            .as_ref()
            .and_then(|e| e.from.value().copied())
            .map_or(2027, |d| chrono::Datelike::year(&d));
        let as_of = format!("{year}-{as_of_month:02}-{as_of_day:02}T12:00:00+08:00");
        let opts = options(&as_of, period);
        let mut read = ReadOptions::default();
        if let Some(pause_every) = pause_every {
            contract.pause_on = PAUSING.iter().map(|s| s.to_string()).collect();
            let history = status_history(&log, seed, pause_every);
            read.statuses = Some(Arc::new(statuses(&contract, &history, &opts)));
        }
        let (report, bytes) =
            evaluate_rows_with(&contract, &log, &opts, &read, TicketsOutFormat::Csv);
        // The rows change nothing in the report.
        let plain =
            evaluate_with(&contract, log.as_bytes(), InputFormat::Csv, &opts, &read, None).unwrap();
        prop_assert_eq!(&report, &plain);
        let (records, mut counts) = rows_of(&bytes);
        prop_assert_eq!(records.len() as u64, 2 * (report.tickets + report.excluded));
        // Excluded rows: two a ticket, per period as the report counts them.
        let mut excluded: BTreeMap<String, u64> = BTreeMap::new();
        counts.retain(|(period, _, _, status), n| {
            if status == "excluded" {
                *excluded.entry(period.clone()).or_default() += *n;
                false
            } else {
                true
            }
        });
        prop_assert_eq!(counts, counts_of(&report));
        let reported: BTreeMap<String, u64> = report
            .periods
            .iter()
            .map(|p| (p.period.clone(), 2 * p.excluded.iter().map(|e| e.tickets).sum::<u64>()))
            .filter(|(_, n)| *n > 0)
            .collect();
        prop_assert_eq!(excluded, reported);
        // A breached row says by how much; another says nothing of it.
        for r in &records {
            let late: Option<f64> = r[9].parse().ok();
            match &r[8] {
                "breached" => prop_assert!(late.is_some_and(|m| m >= 0.0), "{:?}", r),
                _ => prop_assert!(late.is_none(), "{:?}", r),
            }
        }
        // The HTML evidence: each breached list counts its target's breaches.
        for b in &report.breached {
            let p = report.periods.iter().find(|p| p.period == b.period).unwrap();
            let pr = p.priorities.iter().find(|pr| pr.id == b.priority).unwrap();
            prop_assert_eq!(b.count, pr.target(b.target).breached);
            prop_assert_eq!(b.worst.len() as u64, b.count.min(WORST_LISTED as u64));
        }
        // JSON Lines: the same rows.
        let (_, jsonl) = evaluate_rows_with(&contract, &log, &opts, &read, TicketsOutFormat::Jsonl);
        let lines: Vec<serde_json::Value> = jsonl
            .split(|&b| b == b'\n')
            .filter(|l| !l.is_empty())
            .map(|l| serde_json::from_slice(l).unwrap())
            .collect();
        prop_assert_eq!(lines.len(), records.len());
        for (line, record) in lines.iter().zip(&records) {
            for (i, column) in TICKETS_OUT_COLUMNS.iter().enumerate() {
                let cell = match &line[column] {
                    serde_json::Value::Null => String::new(),
                    serde_json::Value::String(s) => s.clone(),
                    other => other.to_string(),
                };
                prop_assert_eq!(&cell, &record[i], "{}", column);
            }
        }
    }
}

/// The property's status histories do pause clocks: with every ticket's
/// history, resolution figures move and the rows name the statuses.
#[test]
fn status_histories_pause_the_resolution_clock() {
    let mut acme = contract("acme-support.sla");
    acme.pause_on = PAUSING.iter().map(|s| s.to_string()).collect();
    let log = log(&acme, 400, 7, 1_000);
    let opts = options("2026-12-31T12:00:00+08:00", ReportPeriod::Monthly);
    let mut read = ReadOptions::default();
    let history = status_history(&log, 7, 1);
    read.statuses = Some(Arc::new(statuses(&acme, &history, &opts)));
    let (paused, bytes) = evaluate_rows_with(&acme, &log, &opts, &read, TicketsOutFormat::Csv);
    let plain = evaluate(&acme, log.as_bytes(), InputFormat::Csv, &opts).unwrap();
    assert_ne!(paused, plain);
    let (records, _) = rows_of(&bytes);
    let named = records
        .iter()
        .filter(|r| &r[4] == "resolution" && r[11].contains("in status"))
        .count();
    assert!(named > 0, "no resolution row names a pausing status");
    assert!(
        records
            .iter()
            .filter(|r| &r[4] == "response")
            .all(|r| !r[11].contains("in status")),
        "the response clock never pauses"
    );
}

const AS_OF: &str = "2026-10-14T12:00:00+08:00";

fn acme_march() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/eval/acme-march.csv"))
        .unwrap()
}

/// By hand, on the log of tests/eval: A02 (P1 by the hotline, received
/// 2026-03-07 23:50, first response 00:05) is met exactly at its 15-minute
/// response target on a 24x7 clock; A03 (P1 by email, received 14:00,
/// answered 14:20:30.5) is 5.51 minutes late, open and wall-clock alike.
#[test]
fn a_breach_row_can_be_checked_by_hand() {
    let acme = contract("acme-support.sla");
    let (_, bytes) = evaluate_rows(
        &acme,
        &acme_march(),
        &options(AS_OF, ReportPeriod::Monthly),
        TicketsOutFormat::Csv,
    );
    let (records, _) = rows_of(&bytes);
    let a02: Vec<&csv::StringRecord> = records.iter().filter(|r| &r[0] == "A02").collect();
    assert_eq!(a02.len(), 2);
    let response = a02[0];
    assert_eq!(
        response.iter().collect::<Vec<_>>(),
        [
            "A02",
            "P1",
            "hotline",
            "2026-03",
            "response",
            "2026-03-07T23:50:00+08:00",
            "2026-03-08T00:05:00+08:00",
            "2026-03-08T00:05:00+08:00",
            "met",
            "",
            "",
            "",
        ]
    );
    let a03 = records.iter().find(|r| &r[0] == "A03").unwrap();
    assert_eq!(
        (&a03[4], &a03[6], &a03[8], &a03[9], &a03[10]),
        (
            "response",
            "2026-03-03T14:15:00+08:00",
            "breached",
            "5.51",
            "5.51"
        )
    );
}

#[test]
fn the_html_report_links_each_missed_target_to_its_breached_tickets() {
    let acme = contract("acme-support.sla");
    let report = evaluate(
        &acme,
        acme_march().as_bytes(),
        InputFormat::Csv,
        &options(AS_OF, ReportPeriod::Monthly),
    )
    .unwrap();
    let page = html(&report, slac::model::Lang::En);
    for missed in &report.missed {
        let Some((period, target)) = missed.split_once(' ') else {
            continue;
        };
        let Some((priority, kind)) = target.split_once('.') else {
            continue;
        };
        let anchor = format!("breached-{period}-{priority}-{kind}");
        assert!(
            page.contains(&format!("href=\"#{anchor}\"")),
            "{missed}: no link"
        );
        assert!(
            page.contains(&format!("id=\"{anchor}\"")),
            "{missed}: no list"
        );
    }
    assert!(!report.missed.is_empty());
}

fn slac() -> Command {
    Command::cargo_bin("slac").unwrap()
}

#[test]
fn the_cli_writes_the_rows_or_refuses_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let contract = root.join("contracts/acme-support.sla");
    let log = root.join("tests/eval/acme-march.csv");
    let out = dir.path().join("tickets.csv");
    slac()
        .arg("eval")
        .arg(&contract)
        .arg(&log)
        .args(["--as-of", AS_OF, "--format", "json", "--tickets-out"])
        .arg(&out)
        .assert()
        .success();
    let written = std::fs::read(&out).unwrap();
    let (records, counts) = rows_of(&written);
    let report = evaluate(
        &contract_of(&contract),
        std::fs::read(&log).unwrap().as_slice(),
        InputFormat::Csv,
        &options(AS_OF, ReportPeriod::Monthly),
    )
    .unwrap();
    assert_eq!(records.len() as u64, 2 * (report.tickets + report.excluded));
    assert_eq!(counts, counts_of(&report));
    for bad in ["tickets.txt", "tickets"] {
        let assert = slac()
            .arg("eval")
            .arg(&contract)
            .arg(&log)
            .args(["--as-of", AS_OF, "--tickets-out"])
            .arg(dir.path().join(bad))
            .assert()
            .code(2);
        let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
        assert!(
            stderr.contains("name a `.csv` or `.jsonl` file"),
            "{stderr}"
        );
        assert!(!dir.path().join(bad).exists());
    }
    // The log itself is never overwritten.
    slac()
        .arg("eval")
        .arg(&contract)
        .arg(&log)
        .arg("--tickets-out")
        .arg(&log)
        .assert()
        .code(2);
}

fn contract_of(path: &Path) -> Contract {
    support::project::check_file(path).model.unwrap()
}
