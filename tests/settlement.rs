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

mod support;

const ACME: &str = "contracts/acme-support.sla";

/// `source` checked as the file `path` (its `use` lines read from there).
fn model_at(path: &str, source: &str) -> slac::model::Contract {
    let checked = support::project::check_at(path, source);
    match checked.model {
        Some(model) => model,
        None => panic!("the contract does not check: {:?}", checked.diagnostics),
    }
}

/// A fixture's text (which uses no library), checked.
fn model(source: &str) -> slac::model::Contract {
    model_at("tests/fixtures/edited.sla", source)
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
    let contract = model_at(ACME, &fixture(ACME));
    let log = [
        HEADER.to_string(),
        row("T1", "2026-03-02T10:00:00+08:00"),
        row("T2", "2026-03-02T11:00:00+08:00"),
        row(" T1 ", "2026-03-03T10:00:00+08:00"),
        // A malformed row's id is not remembered: the next T3 counts.
        "T3,P9,email,2026-03-02T10:00:00+08:00,,,,,,".to_string(),
        row("T3", "2026-03-04T10:00:00+08:00"),
        row("T1", "2026-03-05T10:00:00+08:00"),
    ]
    .join("\n");
    let report = eval(&contract, &log, ReportPeriod::Monthly);
    assert_eq!(report.tickets, 3);
    let words: Vec<String> = report
        .skipped
        .iter()
        .map(|s| s.reason.to_string())
        .collect();
    let skipped: Vec<(u64, &str)> = report
        .skipped
        .iter()
        .zip(&words)
        .map(|(s, w)| (s.line, w.as_str()))
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
    let jsonl = "{\"id\": 7, \"priority\": \"P2\", \"channel\": \"email\", \"received_at\": \"2026-03-02T10:00:00+08:00\"}\n\
                 {\"id\": \"7\", \"priority\": \"P2\", \"channel\": \"email\", \"received_at\": \"2026-03-02T11:00:00+08:00\"}\n";
    let options = EvalOptions {
        as_of: chrono::Utc::now(),
        period: ReportPeriod::Monthly,
    };
    let report = evaluate(&contract, jsonl.as_bytes(), InputFormat::Jsonl, &options).unwrap();
    assert_eq!(report.tickets, 1);
    assert_eq!(report.skipped[0].line, 2);
}

#[test]
fn a_duplicate_row_does_not_match_a_status_history_again() {
    // helpdesk.sla pauses on "Pending"; the history names T1 (twice in the
    // ticket log) and T9 (not in it): one ticket of the history unmatched.
    let contract = model(include_str!("exports/helpdesk.sla"));
    let statuses = "ticket_id,status,from,to\n\
                    T1,Pending,2027-03-02T10:30:00+08:00,2027-03-02T11:00:00+08:00\n\
                    T9,Pending,2027-03-02T10:30:00+08:00,2027-03-02T11:00:00+08:00\n";
    let as_of = chrono::DateTime::parse_from_rfc3339("2027-12-31T00:00:00+08:00")
        .unwrap()
        .to_utc();
    let times = slac::eval::TimeOptions::default();
    let history = slac::eval::read_statuses(
        &contract,
        statuses.as_bytes(),
        InputFormat::Csv,
        times,
        as_of.timestamp_millis(),
    )
    .unwrap();
    let history = std::sync::Arc::new(history);
    let log = [
        HEADER.to_string(),
        "T1,P1,email,2027-03-02T10:00:00+08:00,,2027-03-02T12:00:00+08:00,,,,".to_string(),
        "T1,P1,email,2027-03-03T10:00:00+08:00,,2027-03-03T12:00:00+08:00,,,,".to_string(),
    ]
    .join("\n");
    let reading = slac::eval::ReadOptions {
        columns: slac::eval::ColumnMap::CANONICAL,
        times,
        statuses: Some(history.clone()),
    };
    let options = EvalOptions {
        as_of,
        period: ReportPeriod::Monthly,
    };
    let report = slac::eval::evaluate_with(
        &contract,
        log.as_bytes(),
        InputFormat::Csv,
        &options,
        &reading,
        None,
    )
    .unwrap();
    assert_eq!(report.tickets, 1);
    assert_eq!(report.skipped[0].line, 3);
    assert_eq!(history.unmatched(), 1);
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
        slac::eval::text(&report, slac::model::Lang::En),
        slac::eval::markdown(&report, slac::model::Lang::En),
        slac::eval::html(&report, slac::model::Lang::En),
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
    // No `reporting`: no due date (the shipped acme contract without it).
    let acme = fixture(ACME);
    let without = acme.replace(
        "  reporting {\n    report monthly within 5 business days\n  }\n",
        "",
    );
    assert_ne!(without, acme, "the acme contract has a reporting item");
    let log = [HEADER.to_string(), row("T1", "2026-02-02T10:00:00+08:00")].join("\n");
    let report = eval(&model_at(ACME, &without), &log, ReportPeriod::Monthly);
    assert_eq!(report.periods[0].report_due, None);
    assert!(report.to_json().contains("\"report_due\": null"));
}

/// acme-support.sla with the clauses of §11's example, set on the model
/// (so the test does not depend on the `exclusions` syntax).
fn acme_with_clauses() -> slac::model::Contract {
    use slac::model::{Clause, ClauseId, Exclusions, Fill};
    let mut contract = model_at(ACME, &fixture(ACME));
    let clause = |id: &str| Clause {
        id: ClauseId(id.into()),
        text: Fill::Value("…".into()),
    };
    contract.exclusions = Some(Exclusions {
        maintenance: None,
        clauses: vec![clause("force-majeure"), clause("customer")],
    });
    contract
}

#[test]
fn a_ticket_excluded_under_a_clause_leaves_attainment() {
    let contract = acme_with_clauses();
    let header = format!("{HEADER},excluded");
    // P1 responses: T1 met (9 min), T2 breached (20 min) but excluded,
    // T3 breached; T4 names no clause; T5 an unknown one.
    let p1 = |id: &str, minutes: u32, excluded: &str| {
        format!("{id},P1,hotline,2026-03-02T10:00:00+08:00,2026-03-02T10:{minutes:02}:00+08:00,2026-03-02T11:00:00+08:00,,true,5,,{excluded}")
    };
    let log = [
        header.clone(),
        p1("T1", 9, ""),
        p1("T2", 20, "force-majeure"),
        p1("T3", 20, " "),
        p1("T4", 9, "customer"),
        p1("T5", 9, "force-majeur"),
        p1("T6", 9, "act-of-god"),
    ]
    .join("\n");
    let report = eval(&contract, &log, ReportPeriod::Monthly);
    assert_eq!(report.tickets, 2);
    assert_eq!(report.excluded, 2);
    let march = &report.periods[0];
    let response = &march.priorities[0].response;
    assert_eq!((response.met, response.breached), (1, 1));
    assert_eq!(march.fcr.as_ref().unwrap().answered, 2);
    let excluded: Vec<(&str, u64)> = march
        .excluded
        .iter()
        .map(|e| (e.clause.as_str(), e.tickets))
        .collect();
    assert_eq!(excluded, [("force-majeure", 1), ("customer", 1)]);
    let words: Vec<String> = report
        .skipped
        .iter()
        .map(|s| s.reason.to_string())
        .collect();
    let skipped: Vec<(u64, &str)> = report
        .skipped
        .iter()
        .zip(&words)
        .map(|(s, w)| (s.line, w.as_str()))
        .collect();
    assert_eq!(
        skipped,
        [
            (6, "excluded names an unknown clause `force-majeur` (did you mean `force-majeure`? the contract's clauses are force-majeure, customer)"),
            (7, "excluded names an unknown clause `act-of-god` (the contract's clauses are force-majeure, customer)"),
        ]
    );
    assert!(report
        .to_json()
        .contains("\"excluded\": [\n        {\n          \"clause\": \"force-majeure\",\n          \"tickets\": 1\n        },"));
    for shown in [
        slac::eval::text(&report, slac::model::Lang::En),
        slac::eval::markdown(&report, slac::model::Lang::En),
        slac::eval::html(&report, slac::model::Lang::En),
    ] {
        assert!(
            shown.contains("Excluded: 1 ticket under force-majeure, 1 under customer"),
            "{shown}"
        );
    }
    // JSON Lines: the same key.
    let jsonl = "{\"id\": \"J1\", \"priority\": \"P2\", \"channel\": \"email\", \"received_at\": \"2026-03-02T10:00:00+08:00\", \"excluded\": \"customer\"}\n";
    let options = EvalOptions {
        as_of: chrono::Utc::now(),
        period: ReportPeriod::Monthly,
    };
    let report = evaluate(&contract, jsonl.as_bytes(), InputFormat::Jsonl, &options).unwrap();
    assert_eq!((report.tickets, report.excluded), (0, 1));
    assert_eq!(report.nothing_evaluated(), None);
    // A contract without clauses (acme without its `exclusions`): every
    // named clause is unknown.
    let acme = fixture(ACME);
    let start = acme.find("  exclusions {").unwrap();
    let end = start + acme[start..].find("\n  }\n").unwrap() + "\n  }\n".len();
    let plain = model_at(ACME, &format!("{}{}", &acme[..start], &acme[end..]));
    let report = eval(&plain, &log, ReportPeriod::Monthly);
    assert_eq!(report.excluded, 0);
    assert!(report.skipped[0]
        .reason
        .to_string()
        .ends_with("(the contract has no exclusion clause)"));
}

/// acme-support.sla with `reporting` and ticket-based credit lines.
fn acme_with_credits() -> slac::model::Contract {
    let source = fixture("tests/fixtures/reporting.sla").replace(
        "  reporting {",
        "  credits {
    fee 50000 CNY monthly
    response   P1 below 100% credit 2%
    resolution P2 { below 95% credit 3%  below 90% credit 6% }
    fcr  below 70% credit 2%
    csat below 4.5 credit 2.5%
    cap 30% monthly
    claim within 30 days
    form voucher
  }

  reporting {",
    );
    model(&source)
}

#[test]
fn ticket_figures_earn_their_credits_in_every_format() {
    let contract = acme_with_credits();
    // P1: one response met (9 minutes), one breached (20): 50%. FCR 1 of
    // 2: 50%. CSAT (5 + 4) / 2 = 4.5, not below 4.5. No P2 ticket.
    let p1 = |id: &str, minutes: u32, fcr: bool, csat: u32| {
        format!("{id},P1,hotline,2027-03-01T10:00:00+08:00,2027-03-01T10:{minutes:02}:00+08:00,2027-03-01T11:00:00+08:00,,{fcr},{csat},")
    };
    let log = [
        HEADER.to_string(),
        p1("T1", 9, true, 5),
        p1("T2", 20, false, 4),
    ]
    .join("\n");
    let report = eval(&contract, &log, ReportPeriod::Monthly);
    let c = report.periods[0].credits.as_ref().unwrap();
    let lines: Vec<(&str, Option<f64>, f64)> = c
        .lines
        .iter()
        .map(|l| (l.metric.as_str(), l.actual, l.credit_percent))
        .collect();
    assert_eq!(
        lines,
        [
            ("response P1", Some(50.0), 2.0),
            ("resolution P2", None, 0.0),
            ("fcr", Some(50.0), 2.0),
            ("csat", Some(4.5), 0.0),
        ]
    );
    assert_eq!((c.total_percent, c.capped), (4.0, false));
    assert_eq!(c.amount.as_deref(), Some("2000.00"));
    assert_eq!(c.claim_by.as_deref(), Some("2027-05-01T00:00:00+08:00"));
    let json = report.to_json();
    for field in [
        "\"metric\": \"response P1\"",
        "\"actual\": 50.0",
        "\"credit_percent\": 2",
        "\"total_percent\": 4",
        "\"capped\": false",
        "\"amount\": \"2000.00\"",
        "\"currency\": \"CNY\"",
        "\"claim_by\": \"2027-05-01T00:00:00+08:00\"",
    ] {
        assert!(json.contains(field), "{field} in {json}");
    }
    let total = "Credits 4% of the fee 50000.00 CNY = 2000.00 CNY as voucher; claim by 2027-05-01T00:00:00+08:00";
    let text = slac::eval::text(&report, slac::model::Lang::En);
    assert!(text.contains(total), "{text}");
    assert!(
        text.contains("\n  resolution P2              no data      0%\n"),
        "{text}"
    );
    assert!(
        text.contains("\n  csat                          4.50      0%\n"),
        "{text}"
    );
    let markdown = slac::eval::markdown(&report, slac::model::Lang::En);
    assert!(
        markdown.contains("| response P1 | 50.00% | 2% |"),
        "{markdown}"
    );
    assert!(markdown.contains(&format!("**{total}**")), "{markdown}");
    let html = slac::eval::html(&report, slac::model::Lang::En);
    assert!(
        html.contains(
            "<tr><td class=\"l\">resolution P2</td><td class=\"na\">no data</td><td>0%</td></tr>"
        ),
        "{html}"
    );
    assert!(html.contains(&format!("<p>{total}</p>")), "{html}");
    // A quarterly evaluation of a monthly fee uses three months' fee.
    let report = eval(&contract, &log, ReportPeriod::Quarterly);
    let c = report.periods[0].credits.as_ref().unwrap();
    assert_eq!(c.fee.as_deref(), Some("150000.00"));
    assert_eq!(c.amount.as_deref(), Some("6000.00"));
    assert_eq!(c.claim_by.as_deref(), Some("2027-05-01T00:00:00+08:00"));
}

#[test]
fn a_placeholder_fee_gives_percentages_without_an_amount() {
    let source = fixture("tests/fixtures/reporting.sla").replace(
        "  reporting {",
        "  credits {
    fee [月度服务费] monthly
    response P1 below 100% credit 2%
  }

  reporting {",
    );
    let contract = model(&source);
    let log = [HEADER.to_string(), row("T1", "2027-03-01T10:00:00+08:00")].join("\n");
    let report = eval(&contract, &log, ReportPeriod::Monthly);
    let c = report.periods[0].credits.as_ref().unwrap();
    assert_eq!((c.amount.as_deref(), c.fee.as_deref()), (None, None));
    assert_eq!(c.claim_by, None);
    let text = slac::eval::text(&report, slac::model::Lang::En);
    assert!(
        text.contains("Credits 0% of the fee; no claim window stated"),
        "{text}"
    );
}
