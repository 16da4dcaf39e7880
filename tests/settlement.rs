//! The monthly settlement of `slac eval` (design §11): duplicate ticket ids,
//! tickets excluded under a clause, the report due date and the credits.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code: a broken assumption stops the test with its message"
)]

use slac::eval::{evaluate, ComplianceReport, EvalOptions, InputFormat, ReportPeriod};
use std::path::Path;

const HEADER: &str = "id,priority,channel,received_at,first_response_at,resolved_at,workaround_at,first_contact_resolved,csat,paused";

fn model(source: &str) -> slac::model::Contract {
    let checked = slac::check_bytes("test.sla", source.as_bytes().to_vec());
    match checked.model {
        Some(model) => model,
        None => panic!("the contract does not check: {:?}", checked.diagnostics),
    }
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(name)).unwrap()
}

fn eval(contract: &slac::model::Contract, log: &str, period: ReportPeriod) -> ComplianceReport {
    let options = EvalOptions {
        as_of: chrono::DateTime::parse_from_rfc3339("2027-12-31T00:00:00+08:00")
            .unwrap()
            .to_utc(),
        period,
    };
    evaluate(contract, log.as_bytes(), InputFormat::Csv, &options).unwrap()
}

fn row(id: &str, received: &str) -> String {
    format!("{id},P2,email,{received},{received},,,,,")
}

#[test]
fn the_later_row_of_a_duplicate_id_is_skipped() {
    let contract = model(&fixture("contracts/acme-support.sla"));
    let log = [
        HEADER.to_string(),
        row("T1", "2027-03-01T10:00:00+08:00"),
        row("T2", "2027-03-01T11:00:00+08:00"),
        row(" T1 ", "2027-03-02T10:00:00+08:00"),
        // A malformed row's id is not remembered: the next T3 counts.
        "T3,P9,email,2027-03-01T10:00:00+08:00,,,,,,".to_string(),
        row("T3", "2027-03-03T10:00:00+08:00"),
        row("T1", "2027-03-04T10:00:00+08:00"),
    ]
    .join("\n");
    let report = eval(&contract, &log, ReportPeriod::Monthly);
    assert_eq!(report.tickets, 3);
    let skipped: Vec<(u64, &str)> = report
        .skipped
        .iter()
        .map(|s| (s.line, s.reason.as_str()))
        .collect();
    assert_eq!(
        skipped,
        [
            (4, "duplicate id `T1`: an earlier row has it"),
            (5, "unknown priority `P9`"),
            (7, "duplicate id `T1`: an earlier row has it"),
        ]
    );
    // JSON Lines: an id written as a number is the same id as its text.
    let jsonl = "{\"id\": 7, \"priority\": \"P2\", \"channel\": \"email\", \"received_at\": \"2027-03-01T10:00:00+08:00\"}\n\
                 {\"id\": \"7\", \"priority\": \"P2\", \"channel\": \"email\", \"received_at\": \"2027-03-01T11:00:00+08:00\"}\n";
    let options = EvalOptions {
        as_of: chrono::Utc::now(),
        period: ReportPeriod::Monthly,
    };
    let report = evaluate(&contract, jsonl.as_bytes(), InputFormat::Jsonl, &options).unwrap();
    assert_eq!(report.tickets, 1);
    assert_eq!(report.skipped[0].line, 2);
}

#[test]
fn the_report_is_due_after_each_reporting_period() {
    // `report monthly within 5 business days` on the business clock
    // (mon-fri, 国庆节 closed): March's report is due at the close of the
    // 5th business day of April; September's after the holiday.
    let contract = model(&fixture("tests/fixtures/reporting.sla"));
    let log = [
        HEADER.to_string(),
        row("T1", "2027-03-01T10:00:00+08:00"),
        row("T2", "2027-09-01T10:00:00+08:00"),
    ]
    .join("\n");
    let report = eval(&contract, &log, ReportPeriod::Monthly);
    let due: Vec<(&str, Option<&str>)> = report
        .periods
        .iter()
        .map(|p| (p.period.as_str(), p.report_due.as_deref()))
        .collect();
    assert_eq!(
        due,
        [
            ("2027-03", Some("2027-04-07T18:00:00+08:00")),
            ("2027-09", Some("2027-10-14T18:00:00+08:00")),
        ]
    );
    assert!(report
        .to_json()
        .contains("\"report_due\": \"2027-04-07T18:00:00+08:00\""));
    for shown in [
        slac::eval::text(&report),
        slac::eval::markdown(&report),
        slac::eval::html(&report),
    ] {
        assert!(
            shown.contains("Report due 2027-04-07T18:00:00+08:00"),
            "{shown}"
        );
    }
    // Quarterly reports of a monthly evaluation: due after March only.
    let quarterly = fixture("tests/fixtures/reporting.sla").replace(
        "report monthly within 5 business days",
        "report quarterly within 5 business days",
    );
    let report = eval(&model(&quarterly), &log, ReportPeriod::Monthly);
    let due: Vec<Option<&str>> = report
        .periods
        .iter()
        .map(|p| p.report_due.as_deref())
        .collect();
    assert_eq!(
        due,
        [
            Some("2027-04-07T18:00:00+08:00"),
            Some("2027-10-14T18:00:00+08:00")
        ]
    );
    let log = [HEADER.to_string(), row("T1", "2027-02-01T10:00:00+08:00")].join("\n");
    let report = eval(&model(&quarterly), &log, ReportPeriod::Monthly);
    assert_eq!(report.periods[0].report_due, None);
    // No `reporting`: no due date.
    let report = eval(
        &model(&fixture("contracts/acme-support.sla")),
        &log,
        ReportPeriod::Monthly,
    );
    assert_eq!(report.periods[0].report_due, None);
    assert!(report.to_json().contains("\"report_due\": null"));
}
