//! Availability from an outage log (§11) against an independent count: the
//! oracle below walks every minute of a period over the calendar (wall
//! times in the zone, holidays, overnight spans), and decides each open
//! minute by the rules in words — an outage row makes it downtime, a clause
//! row excludes it, else the earliest-starting maintenance row covering it
//! excludes it if it had notice, lies in the window and the allowance of
//! its month is not spent. It shares no code with `slac::eval` but the
//! model it reads.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code: a broken assumption stops the test with its message"
)]

use chrono::{DateTime, Datelike, Duration as Span, NaiveDate, TimeZone, Timelike, Utc, Weekday};
use chrono_tz::Tz;
use proptest::prelude::*;
use slac::eval::{
    evaluate_outages, without_tickets, AvailabilityReport, ComplianceReport, EvalOptions,
    InputFormat, ReportPeriod,
};
use slac::model::{
    Allowance, Clause, ClauseId, Contract, Duration, Exclusions, Fill, Maintenance, Period,
    TimeOfDay, TimeSpan, Unit,
};

const ZONE: Tz = Tz::America__New_York;

/// Three channels: `phone` 24x7, `desk` on business hours with a
/// holiday (Thanksgiving), `night` an overnight desk every day.
const CONTRACT: &str = r#"contract "Availability test" {
  id        "AVAIL-TEST"
  language  en
  effective 2027-01-01..2027-12-31
  timezone  "America/New_York"
  clock     business

  party client   "Client Inc." { short "Client" }
  party provider "Provider LLC" { short "Provider" }

  scope {
    service help "Help"
  }

  calendar business "Business hours" {
    mon-fri 09:00-17:00
    closed  2027-11-25 "Thanksgiving"
  }
  calendar always "24x7" 24x7
  calendar night "Night desk" {
    mon-sun 22:00-06:00
  }

  channel phone "Phone" { hours always availability 99.9% monthly }
  channel desk  "Desk" { hours business availability 99.5% monthly }
  channel night "Night" { hours night availability 99% monthly }

  priority P1 "Urgent" { "Down." }

  response {
    P1 within 1 hour
  }
  resolution {
    P1 within 1 business day
  }
}
"#;

fn contract(maintenance: bool) -> Contract {
    let checked = slac::check_bytes("avail.sla", CONTRACT.as_bytes().to_vec());
    let mut contract = checked.model.expect("the test contract checks");
    let span = |from: u16, to: u16| TimeSpan {
        start: TimeOfDay(from * 60),
        end: TimeOfDay(to * 60),
    };
    // Saturday and Sunday 00:00-06:00.
    let mut window: [Vec<TimeSpan>; 7] = Default::default();
    window[5] = vec![span(0, 6)];
    window[6] = vec![span(0, 6)];
    contract.exclusions = Some(Exclusions {
        maintenance: maintenance.then_some(Maintenance {
            notice: Fill::Value(Duration {
                amount: 5,
                unit: Unit::BusinessDays,
            }),
            window: Some(window),
            allowance: Some(Allowance {
                amount: Fill::Value(Duration {
                    amount: 4,
                    unit: Unit::Hours,
                }),
                period: Period::Monthly,
            }),
        }),
        clauses: vec![Clause {
            id: ClauseId("force-majeure".into()),
            text: Fill::Value("Force majeure.".into()),
        }],
    });
    contract
}

fn local(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    ZONE.with_ymd_and_hms(y, m, d, h, min, 0)
        .earliest()
        .unwrap()
        .to_utc()
}

fn rfc3339(t: DateTime<Utc>) -> String {
    t.with_timezone(&ZONE).to_rfc3339()
}

#[derive(Debug, Clone)]
struct Row {
    channel: &'static str,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    kind: &'static str,
    notice_at: Option<DateTime<Utc>>,
}

fn csv(rows: &[Row]) -> String {
    let mut out = String::from("channel,start,end,kind,notice_at,note\n");
    for r in rows {
        out.push_str(&format!(
            "{},{},{},{},{},\n",
            r.channel,
            rfc3339(r.start),
            rfc3339(r.end),
            r.kind,
            r.notice_at.map(rfc3339).unwrap_or_default()
        ));
    }
    out
}

fn as_of() -> DateTime<Utc> {
    local(2028, 1, 1, 0, 0)
}

fn evaluate(contract: &Contract, rows: &[Row]) -> ComplianceReport {
    let options = EvalOptions {
        as_of: as_of(),
        period: ReportPeriod::Monthly,
    };
    let mut report = without_tickets(contract, &options).unwrap();
    evaluate_outages(
        &mut report,
        contract,
        csv(rows).as_bytes(),
        InputFormat::Csv,
        &options,
    )
    .unwrap();
    report
}

// ------------------------------------------------------------------ oracle

/// The wall-clock spans of a channel's hours on a date (minutes from
/// midnight, an end past 24:00 for an overnight span); `None` for 24x7.
fn spans_on(channel: &str, date: NaiveDate) -> Option<Vec<(u32, u32)>> {
    match channel {
        "phone" => None,
        "desk" => {
            let weekday = date.weekday() != Weekday::Sat && date.weekday() != Weekday::Sun;
            let holiday = date == NaiveDate::from_ymd_opt(2027, 11, 25).unwrap();
            Some(if weekday && !holiday {
                vec![(9 * 60, 17 * 60)]
            } else {
                vec![]
            })
        }
        "night" => Some(vec![(22 * 60, 30 * 60)]),
        other => panic!("no channel {other}"),
    }
}

/// True when the channel is open in the minute starting at `t`: its local
/// wall time lies in a span of its own date, or in the small hours of an
/// overnight span of the day before.
fn open(channel: &str, t: DateTime<Utc>) -> bool {
    let wall = t.with_timezone(&ZONE);
    let date = wall.date_naive();
    let minute = wall.hour() * 60 + wall.minute();
    let today = spans_on(channel, date);
    let Some(today) = today else { return true };
    let yesterday = spans_on(channel, date.pred_opt().unwrap()).unwrap();
    today.iter().any(|&(a, b)| a <= minute && minute < b)
        || yesterday
            .iter()
            .any(|&(a, b)| b > 24 * 60 && minute + 24 * 60 < b && minute + 24 * 60 >= a)
}

/// Saturday or Sunday before 06:00, local time.
fn in_window(t: DateTime<Utc>) -> bool {
    let wall = t.with_timezone(&ZONE);
    matches!(wall.weekday(), Weekday::Sat | Weekday::Sun) && wall.hour() < 6
}

/// Five business days of notice, `ends-at-close` on the `business`
/// calendar: the fifth business day after the day of notice closes (17:00)
/// at or before the start.
fn enough_notice(notice_at: Option<DateTime<Utc>>, start: DateTime<Utc>) -> bool {
    let Some(notice_at) = notice_at else {
        return false;
    };
    let mut date = notice_at.with_timezone(&ZONE).date_naive();
    let mut counted = 0;
    while counted < 5 {
        date = date.succ_opt().unwrap();
        if !spans_on("desk", date).unwrap().is_empty() {
            counted += 1;
        }
    }
    let close = ZONE
        .from_local_datetime(&date.and_hms_opt(17, 0, 0).unwrap())
        .earliest()
        .unwrap()
        .to_utc();
    close <= start
}

#[derive(Debug, Default, PartialEq)]
struct Counted {
    scheduled: i64,
    downtime: i64,
    excluded: i64,
    /// Per maintenance row (by index in the rows): excluded, downtime.
    rows: Vec<(usize, i64, i64)>,
}

/// Minute by minute over one month of one channel.
fn oracle(channel: &str, year: i32, month: u32, rows: &[Row], maintenance: bool) -> Counted {
    let from = local(year, month, 1, 0, 0);
    let (ny, nm) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    let to = local(ny, nm, 1, 0, 0).min(as_of());
    let mine: Vec<(usize, &Row)> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.channel == channel)
        .collect();
    let covers = |r: &Row, t: DateTime<Utc>| r.start <= t && t < r.end;
    let mut counted = Counted::default();
    let mut per_row: std::collections::BTreeMap<usize, (i64, i64)> = Default::default();
    for (i, r) in &mine {
        if r.kind == "maintenance" && r.start < to && r.end > from && r.start < r.end {
            per_row.insert(*i, (0, 0));
        }
    }
    let mut allowance = 4 * 60;
    let mut t = from;
    while t < to {
        if open(channel, t) {
            counted.scheduled += 1;
            if mine.iter().any(|(_, r)| r.kind == "outage" && covers(r, t)) {
                counted.downtime += 1;
            } else if mine
                .iter()
                .any(|(_, r)| r.kind == "force-majeure" && covers(r, t))
            {
                counted.excluded += 1;
            } else if let Some((i, r)) = mine
                .iter()
                .filter(|(_, r)| r.kind == "maintenance" && covers(r, t))
                .min_by_key(|(i, r)| (r.start, *i))
            {
                let entry = per_row.get_mut(i).unwrap();
                if maintenance
                    && enough_notice(r.notice_at, r.start)
                    && in_window(t)
                    && allowance > 0
                {
                    allowance -= 1;
                    counted.excluded += 1;
                    entry.0 += 1;
                } else {
                    counted.downtime += 1;
                    entry.1 += 1;
                }
            }
        }
        t += Span::minutes(1);
    }
    counted.rows = per_row.into_iter().map(|(i, (e, d))| (i, e, d)).collect();
    counted
}

/// The report's figures for one channel and month, in the oracle's shape
/// (rows are matched by their line: row `i` is on line `i + 2`).
fn reported(report: &ComplianceReport, channel: &str, period: &str) -> Counted {
    let entry: &AvailabilityReport = report
        .periods
        .iter()
        .find(|p| p.period == period)
        .unwrap_or_else(|| panic!("no period {period}"))
        .availability
        .iter()
        .find(|a| a.channel == channel)
        .unwrap();
    let whole = |m: f64| {
        assert_eq!(m.fract(), 0.0, "whole minutes: {m}");
        m as i64
    };
    Counted {
        scheduled: whole(entry.scheduled_minutes),
        downtime: whole(entry.downtime_minutes),
        excluded: whole(entry.excluded_minutes),
        rows: entry
            .maintenance
            .iter()
            .map(|m| {
                (
                    (m.line - 2) as usize,
                    whole(m.excluded_minutes),
                    whole(m.downtime_minutes),
                )
            })
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect(),
    }
}

fn check_all(rows: &[Row], maintenance: bool) -> ComplianceReport {
    let contract = contract(maintenance);
    let report = evaluate(&contract, rows);
    for p in &report.periods {
        let (year, month) = p.period.split_once('-').unwrap();
        let (year, month) = (year.parse().unwrap(), month.parse().unwrap());
        for channel in ["phone", "desk", "night"] {
            let expected = oracle(channel, year, month, rows, maintenance);
            assert_eq!(
                reported(&report, channel, &p.period),
                expected,
                "{channel} in {}",
                p.period
            );
        }
    }
    report
}

fn row(
    channel: &'static str,
    start: DateTime<Utc>,
    end: DateTime<Utc>,
    kind: &'static str,
    notice_at: Option<DateTime<Utc>>,
) -> Row {
    Row {
        channel,
        start,
        end,
        kind,
        notice_at,
    }
}

/// The cases of issue 9, each with its answer written out, and all of them
/// equal to the oracle.
#[test]
fn known_answers_equal_the_minute_by_minute_count() {
    let l = local;
    let rows = vec![
        // Across the spring-forward night (2027-03-14, 02:00 → 03:00): the
        // 24x7 phone is down 2 real hours, not 3; the night desk
        // (22:00-06:00, 7 real hours that night) 2 hours as well.
        row(
            "phone",
            l(2027, 3, 14, 1, 0),
            l(2027, 3, 14, 4, 0),
            "outage",
            None,
        ),
        row(
            "night",
            l(2027, 3, 14, 1, 0),
            l(2027, 3, 14, 4, 0),
            "outage",
            None,
        ),
        // The same outage on the business-hours desk, on a Monday: 09:00-17:00
        // only, 8 hours of 10 (and the phone's 10 hours are all downtime).
        row(
            "desk",
            l(2027, 3, 15, 8, 0),
            l(2027, 3, 15, 18, 0),
            "outage",
            None,
        ),
        row(
            "phone",
            l(2027, 3, 15, 8, 0),
            l(2027, 3, 15, 18, 0),
            "outage",
            None,
        ),
        // Overlapping rows of one channel count once.
        row(
            "phone",
            l(2027, 3, 15, 17, 0),
            l(2027, 3, 15, 19, 0),
            "outage",
            None,
        ),
        // Maintenance with too little notice (2 business days): downtime.
        row(
            "phone",
            l(2027, 3, 20, 1, 0),
            l(2027, 3, 20, 2, 0),
            "maintenance",
            Some(l(2027, 3, 17, 10, 0)),
        ),
        // With notice, partly outside its window (05:00-07:00 Saturday): one
        // hour excluded, one downtime.
        row(
            "phone",
            l(2027, 3, 27, 5, 0),
            l(2027, 3, 27, 7, 0),
            "maintenance",
            Some(l(2027, 3, 1, 10, 0)),
        ),
        // With notice, in the window, beyond the allowance of 4 hours (one
        // used above): 3 hours excluded, 2 downtime.
        row(
            "phone",
            l(2027, 3, 28, 0, 0),
            l(2027, 3, 28, 5, 0),
            "maintenance",
            Some(l(2027, 3, 1, 10, 0)),
        ),
        // An outage inside maintenance is downtime; a clause row is excluded.
        row(
            "phone",
            l(2027, 3, 28, 1, 0),
            l(2027, 3, 28, 1, 30),
            "outage",
            None,
        ),
        row(
            "desk",
            l(2027, 3, 16, 10, 0),
            l(2027, 3, 16, 12, 0),
            "force-majeure",
            None,
        ),
        // Across the fall-back night (2027-11-07): the night desk is open 9
        // real hours; an outage of it from 22:00 to 06:00 is 9 hours down.
        row(
            "night",
            l(2027, 11, 6, 22, 0),
            l(2027, 11, 7, 6, 0),
            "outage",
            None,
        ),
        // Across Thanksgiving: the desk is closed on the 25th, so a 3-day
        // outage from Wednesday 12:00 to Saturday is 5 + 8 = 13 hours down.
        row(
            "desk",
            l(2027, 11, 24, 12, 0),
            l(2027, 11, 27, 0, 0),
            "outage",
            None,
        ),
        row(
            "phone",
            l(2027, 11, 24, 12, 0),
            l(2027, 11, 27, 0, 0),
            "outage",
            None,
        ),
    ];
    let report = check_all(&rows, true);
    let march = reported(&report, "phone", "2027-03");
    // 31 days less the hour skipped by DST.
    assert_eq!(march.scheduled, 31 * 24 * 60 - 60);
    // 2 + 11 (08:00-19:00) + 1 (no notice) + 1 (outside) + 0.5 (outage in
    // maintenance) + 1.5 (beyond the allowance, less the outage's half hour
    // already counted).
    assert_eq!(march.downtime, (2 + 11 + 1 + 1) * 60 + 30 + 90);
    assert_eq!(march.excluded, 4 * 60);
    assert_eq!(reported(&report, "desk", "2027-03").downtime, 8 * 60);
    assert_eq!(reported(&report, "desk", "2027-03").excluded, 2 * 60);
    assert_eq!(reported(&report, "night", "2027-03").downtime, 2 * 60);
    assert_eq!(reported(&report, "night", "2027-11").downtime, 9 * 60);
    assert_eq!(reported(&report, "desk", "2027-11").downtime, 13 * 60);
    assert_eq!(reported(&report, "phone", "2027-11").downtime, 60 * 60);
    // The report says why each maintenance row was not excluded whole.
    let march = report
        .periods
        .iter()
        .find(|p| p.period == "2027-03")
        .unwrap();
    let phone = &march.availability[0];
    let why: Vec<Vec<String>> = phone
        .maintenance
        .iter()
        .map(|m| m.why.iter().map(ToString::to_string).collect())
        .collect();
    assert_eq!(why[0], ["notice 2 business days, 5 required"]);
    assert_eq!(why[1], ["60 minutes outside the window"]);
    assert_eq!(
        why[2],
        [
            "90 minutes beyond the allowance of 4 hours monthly",
            "30 minutes already counted by another row"
        ]
    );
    // And in Chinese, for a zh-CN report.
    let zh: Vec<Vec<String>> = phone
        .maintenance
        .iter()
        .map(|m| {
            m.why
                .iter()
                .map(|w| w.words(slac::model::Lang::ZhCn))
                .collect()
        })
        .collect();
    assert_eq!(zh[0], ["提前通知 2 个工作日，不足约定的 5 个工作日"]);
    assert_eq!(zh[1], ["60 分钟在维护窗口之外"]);
    assert_eq!(
        zh[2],
        ["90 分钟超出每月维护额度 4 小时", "30 分钟已由另一行计入"]
    );
    // Every period from the log's first to its last is reported.
    let names: Vec<&str> = report.periods.iter().map(|p| p.period.as_str()).collect();
    assert_eq!(names.first(), Some(&"2027-03"));
    assert_eq!(names.last(), Some(&"2027-11"));
    assert_eq!(names.len(), 9);
    assert!(report
        .missed
        .contains(&"2027-03 availability.phone".to_string()));
}

/// A contract without a maintenance exclusion counts maintenance as
/// downtime, and says so.
#[test]
fn without_a_maintenance_rule_maintenance_is_downtime() {
    let l = local;
    let rows = vec![row(
        "phone",
        l(2027, 3, 27, 1, 0),
        l(2027, 3, 27, 2, 0),
        "maintenance",
        Some(l(2027, 3, 1, 10, 0)),
    )];
    let report = check_all(&rows, false);
    let phone = &report.periods[0].availability[0];
    assert_eq!(phone.downtime_minutes, 60.0);
    assert_eq!(
        phone.maintenance[0].why[0].to_string(),
        "the contract excludes no maintenance"
    );
    assert_eq!(
        phone.maintenance[0].why[0].words(slac::model::Lang::ZhCn),
        "合同未约定维护免责"
    );
}

// ------------------------------------------------------------- properties

fn arb_row() -> impl Strategy<Value = Row> {
    let channel = prop::sample::select(vec!["phone", "desk", "night"]);
    let kind = prop::sample::select(vec![
        "outage",
        "outage",
        "maintenance",
        "maintenance",
        "force-majeure",
    ]);
    // Within March 2027 (DST included), to the minute.
    (
        channel,
        kind,
        0i64..31 * 24 * 60,
        1i64..3 * 24 * 60,
        prop::option::of(0i64..20 * 24 * 60),
    )
        .prop_map(|(channel, kind, start, len, notice)| {
            let base = local(2027, 3, 1, 0, 0);
            let start = base + Span::minutes(start);
            let end = (start + Span::minutes(len)).min(local(2027, 4, 1, 0, 0));
            Row {
                channel,
                start,
                end,
                kind,
                notice_at: notice.map(|n| start - Span::minutes(n)),
            }
        })
}

fn percents(report: &ComplianceReport) -> Vec<(String, String, Option<f64>)> {
    report
        .periods
        .iter()
        .flat_map(|p| {
            p.availability
                .iter()
                .map(|a| (p.period.clone(), a.channel.clone(), a.percent))
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Random logs equal the oracle to the minute.
    #[test]
    fn random_logs_equal_the_oracle(rows in prop::collection::vec(arb_row(), 0..10)) {
        check_all(&rows, true);
    }

    /// Availability is in [0, 100] and never falls when an outage is removed.
    #[test]
    fn availability_is_bounded_and_monotone(
        rows in prop::collection::vec(arb_row(), 1..12),
        pick in any::<prop::sample::Index>(),
    ) {
        let contract = contract(true);
        let before = evaluate(&contract, &rows);
        for (_, _, p) in percents(&before) {
            let p = p.unwrap();
            prop_assert!((0.0..=100.0).contains(&p), "{p}");
        }
        let outages: Vec<usize> = (0..rows.len()).filter(|&i| rows[i].kind == "outage").collect();
        if !outages.is_empty() {
            let mut fewer = rows.clone();
            fewer.remove(*pick.get(&outages));
            let after = evaluate(&contract, &fewer);
            // The same periods, as the rows all lie in March.
            for ((period, channel, a), (_, _, b)) in percents(&before).into_iter().zip(percents(&after)) {
                prop_assert!(b.unwrap() >= a.unwrap(), "{channel} in {period}: {a:?} → {b:?}");
            }
        }
    }
}

// -------------------------------------------------------------------- cli

#[path = "support/cli.rs"]
mod cli;

/// `slac eval CONTRACT --outages FILE`: either log alone, or both; a missed
/// availability fails `--fail-on-breach`; neither log is a usage error.
#[test]
fn the_cli_takes_either_log_or_both() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("outages.csv");
    std::fs::write(
        &log,
        "channel,start,end,kind,notice_at,note\n\
         hotline,2026-03-03T10:00:00+08:00,2026-03-03T12:00:00+08:00,,,\n\
         fax,2026-03-03T10:00:00+08:00,,,,\n",
    )
    .unwrap();
    let log = log.to_str().unwrap();
    let contract = "contracts/acme-support.sla";
    let as_of = "2026-04-01T00:00:00+08:00";
    let run = cli::run(&[
        "eval",
        contract,
        "--outages",
        log,
        "--as-of",
        as_of,
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("outages.csv:3: skipped: unknown channel `fax`"),
        "{}",
        run.stderr
    );
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let hotline = &json["periods"][0]["availability"][0];
    assert_eq!(hotline["channel"], "hotline");
    assert_eq!(hotline["downtime_minutes"], 120);
    assert_eq!(hotline["ok"], false);
    assert_eq!(json["outages"]["rows"], 1);
    let run = cli::run(&[
        "eval",
        contract,
        "--outages",
        log,
        "--as-of",
        as_of,
        "--fail-on-breach",
        "--lang",
        "en",
    ]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("2026-03 availability.hotline"),
        "{}",
        run.stderr
    );
    assert!(
        run.stdout.contains("availability hotline 99.73%"),
        "{}",
        run.stdout
    );
    let run = cli::run(&[
        "eval",
        contract,
        "tests/eval/acme-march.csv",
        "--outages",
        log,
        "--as-of",
        as_of,
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let march = json["periods"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["period"] == "2026-03")
        .unwrap();
    assert!(!march["priorities"].as_array().unwrap().is_empty());
    assert_eq!(march["availability"][0]["downtime_minutes"], 120);
    let run = cli::run(&["eval", contract]);
    assert_eq!(run.code, 2, "{}", run.stderr);
}

// ------------------------------------------------------ credits, deadlines

/// The test contract with `credits` and `reporting` (through the language)
/// and the maintenance rules of [`contract`].
fn settled_contract() -> Contract {
    let source = CONTRACT.replace(
        "  priority P1",
        r#"  credits {
    fee 50000 USD monthly
    availability phone { below 99.9% credit 5%  below 99.5% credit 10%  below 99.0% credit 25% }
    availability desk  { below 99.5% credit 10%  below 98% credit 20% }
    availability night { below 99% credit 10%  below 95% credit 30% }
    response P1 below 100% credit 2%
    cap 30% monthly
    claim within 10 business days
    form voucher
  }
  reporting { report monthly within 5 business days }

  priority P1"#,
    );
    let checked = slac::check_bytes("settled.sla", source.as_bytes().to_vec());
    let mut settled = checked
        .model
        .unwrap_or_else(|| panic!("{:?}", checked.diagnostics));
    settled.exclusions = contract(true).exclusions;
    settled
}

/// The tiers of the test contract's lines, as (threshold in thousandths of
/// a percent, credit in hundredths of a percent).
fn tiers(channel: &str) -> &'static [(i64, i64)] {
    match channel {
        "phone" => &[(99_900, 500), (99_500, 1000), (99_000, 2500)],
        "desk" => &[(99_500, 1000), (98_000, 2000)],
        "night" => &[(99_000, 1000), (95_000, 3000)],
        other => panic!("no channel {other}"),
    }
}

/// The credit of a line in hundredths of a percent, in integers: the
/// deepest tier the availability (up ÷ scheduled) is strictly below.
fn credit_oracle(channel: &str, counted: &Counted) -> i64 {
    let up = counted.scheduled - counted.downtime;
    tiers(channel)
        .iter()
        .rev()
        .find(|&&(below, _)| up * 100_000 < below * counted.scheduled)
        .map(|&(_, credit)| credit)
        .unwrap_or(0)
}

/// The close (17:00) of the `n`-th business day (the `business` calendar:
/// weekdays but Thanksgiving) after `last`, the period's last day.
fn business_close(last: NaiveDate, n: u32) -> String {
    let mut date = last;
    let mut counted = 0;
    while counted < n {
        date = date.succ_opt().unwrap();
        if !spans_on("desk", date).unwrap().is_empty() {
            counted += 1;
        }
    }
    rfc3339(
        ZONE.from_local_datetime(&date.and_hms_opt(17, 0, 0).unwrap())
            .earliest()
            .unwrap()
            .to_utc(),
    )
}

/// Credits, amounts and deadlines of every period equal an independent
/// computation over the minute-by-minute availability: tiers as steps,
/// the sum capped at 30%, the amount exact to the cent (half-up), the
/// claim and report deadlines on the business calendar.
#[test]
fn credits_and_deadlines_equal_an_independent_computation() {
    let l = local;
    let rows = vec![
        // March: the phone down 2 real hours across DST and 10 on the 15th,
        // plus the maintenance below (97.85%: the 25% tier), the desk 8
        // hours of 184 (95.65%: 20%), the night desk 2 of 247 (99.19%:
        // nothing) — 45% in all, capped at 30%.
        row(
            "phone",
            l(2027, 3, 14, 1, 0),
            l(2027, 3, 14, 4, 0),
            "outage",
            None,
        ),
        row(
            "night",
            l(2027, 3, 14, 1, 0),
            l(2027, 3, 14, 4, 0),
            "outage",
            None,
        ),
        row(
            "desk",
            l(2027, 3, 15, 8, 0),
            l(2027, 3, 15, 18, 0),
            "outage",
            None,
        ),
        row(
            "phone",
            l(2027, 3, 15, 8, 0),
            l(2027, 3, 15, 18, 0),
            "outage",
            None,
        ),
        // Maintenance with too little notice, partly outside its window,
        // and beyond its allowance (the oracle of `oracle` decides each).
        row(
            "phone",
            l(2027, 3, 20, 1, 0),
            l(2027, 3, 20, 2, 0),
            "maintenance",
            Some(l(2027, 3, 17, 10, 0)),
        ),
        row(
            "phone",
            l(2027, 3, 27, 5, 0),
            l(2027, 3, 27, 7, 0),
            "maintenance",
            Some(l(2027, 3, 1, 10, 0)),
        ),
        row(
            "phone",
            l(2027, 3, 28, 0, 0),
            l(2027, 3, 28, 5, 0),
            "maintenance",
            Some(l(2027, 3, 1, 10, 0)),
        ),
        // June: the phone down 43 minutes of 43,200 (99.90046%: exactly
        // not below 99.9%, no credit); 44 minutes (99.898%) would earn 5%.
        row(
            "phone",
            l(2027, 6, 2, 10, 0),
            l(2027, 6, 2, 10, 43),
            "outage",
            None,
        ),
        // July: 44 minutes of 44,640 (99.901%): no credit either.
        row(
            "phone",
            l(2027, 7, 2, 10, 0),
            l(2027, 7, 2, 10, 44),
            "outage",
            None,
        ),
        // August: 45 minutes (99.899%): 5% = 2500.00 USD.
        row(
            "phone",
            l(2027, 8, 2, 10, 0),
            l(2027, 8, 2, 10, 45),
            "outage",
            None,
        ),
        // November: across the fall-back night and Thanksgiving.
        row(
            "night",
            l(2027, 11, 6, 22, 0),
            l(2027, 11, 7, 6, 0),
            "outage",
            None,
        ),
        row(
            "desk",
            l(2027, 11, 24, 12, 0),
            l(2027, 11, 27, 0, 0),
            "outage",
            None,
        ),
    ];
    let contract = settled_contract();
    let report = evaluate(&contract, &rows);
    assert_eq!(report.periods.len(), 9);
    let fee_cents: i64 = 50_000 * 100;
    for p in &report.periods {
        let (year, month) = p.period.split_once('-').unwrap();
        let (year, month): (i32, u32) = (year.parse().unwrap(), month.parse().unwrap());
        let credits = p.credits.as_ref().expect("every period has credits");
        let mut sum = 0;
        for (i, channel) in ["phone", "desk", "night"].into_iter().enumerate() {
            let counted = oracle(channel, year, month, &rows, true);
            let expected = credit_oracle(channel, &counted);
            let line = &credits.lines[i];
            assert_eq!(line.metric, format!("availability {channel}"));
            assert_eq!(
                (line.credit_percent * 100.0).round() as i64,
                expected,
                "{channel} in {}: {line:?}",
                p.period
            );
            let percent =
                (counted.scheduled - counted.downtime) as f64 * 100.0 / counted.scheduled as f64;
            assert_eq!(line.actual, Some((percent * 100.0).round() / 100.0));
            sum += expected;
        }
        // No ticket log: the response line has no data and earns nothing.
        let response = &credits.lines[3];
        assert_eq!(
            (response.metric.as_str(), response.actual),
            ("response P1", None)
        );
        assert_eq!(response.credit_percent, 0.0);
        let total = sum.min(3000);
        assert_eq!((credits.total_percent * 100.0).round() as i64, total);
        assert_eq!(credits.capped, sum > 3000, "{}", p.period);
        // Half-up to the cent, in integers: fee × total ÷ 10,000.
        let cents = (fee_cents * total * 2 + 10_000) / 20_000;
        assert_eq!(
            credits.amount.as_deref(),
            Some(format!("{}.{:02}", cents / 100, cents % 100).as_str())
        );
        assert_eq!(credits.currency.as_deref(), Some("USD"));
        assert_eq!(credits.fee.as_deref(), Some("50000.00"));
        assert_eq!(credits.form, Some("voucher"));
        let first_of_next = if month == 12 {
            NaiveDate::from_ymd_opt(year + 1, 1, 1)
        } else {
            NaiveDate::from_ymd_opt(year, month + 1, 1)
        }
        .unwrap();
        let last = first_of_next.pred_opt().unwrap();
        assert_eq!(
            credits.claim_by,
            Some(business_close(last, 10)),
            "{}",
            p.period
        );
        assert_eq!(p.report_due, Some(business_close(last, 5)), "{}", p.period);
    }
    let by_name = |name: &str| {
        report
            .periods
            .iter()
            .find(|p| p.period == name)
            .and_then(|p| p.credits.as_ref())
            .unwrap()
    };
    // The figures written out above, to be sure the oracle is not vacuous.
    let march = by_name("2027-03");
    let shown: Vec<(Option<f64>, f64)> = march
        .lines
        .iter()
        .map(|l| (l.actual, l.credit_percent))
        .collect();
    assert_eq!(
        shown,
        [
            (Some(97.85), 25.0),
            (Some(95.65), 20.0),
            (Some(99.19), 0.0),
            (None, 0.0)
        ]
    );
    assert_eq!(march.total_percent, 30.0);
    assert!(march.capped);
    assert_eq!(march.amount.as_deref(), Some("15000.00"));
    assert_eq!(by_name("2027-06").total_percent, 0.0);
    assert_eq!(by_name("2027-07").total_percent, 0.0);
    assert_eq!(by_name("2027-08").amount.as_deref(), Some("2500.00"));
    // November ends on Tuesday 30th: its report is due at the close of
    // the 5th business day after, Tuesday 7 December.
    let november = report
        .periods
        .iter()
        .find(|p| p.period == "2027-11")
        .unwrap();
    assert_eq!(
        november.report_due.as_deref(),
        Some("2027-12-07T17:00:00-05:00")
    );
    let json = report.to_json();
    assert!(
        json.contains("\"claim_by\": \"2027-04-14T17:00:00-04:00\""),
        "{json}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// The credit never exceeds the cap, nor the amount the cap's share of
    /// the fee.
    #[test]
    fn the_credit_never_exceeds_the_cap(rows in prop::collection::vec(arb_row(), 0..12)) {
        let report = evaluate(&settled_contract(), &rows);
        for p in &report.periods {
            let c = p.credits.as_ref().unwrap();
            prop_assert!(c.total_percent <= 30.0, "{c:?}");
            let amount: f64 = c.amount.as_deref().unwrap().parse().unwrap();
            prop_assert!(amount <= 15_000.0, "{c:?}");
            let sum: f64 = c.lines.iter().map(|l| l.credit_percent).sum();
            prop_assert_eq!(c.capped, sum > 30.0);
        }
    }
}

/// The exclusions the tests build by hand are what the contract's own
/// `exclusions` item says, so the figures above hold for the written rule.
#[test]
fn the_hand_built_exclusions_are_the_written_ones() {
    let written = CONTRACT.replace(
        "  priority P1",
        "  exclusions {\n    maintenance {\n      notice  5 business days\n      window  sat-sun 00:00-06:00\n      at most 4 hours monthly\n    }\n    clause force-majeure \"Force majeure.\"\n  }\n\n  priority P1",
    );
    let checked = slac::check_bytes("written.sla", written.into_bytes());
    let model = checked.model.expect("the written exclusions check");
    assert_eq!(model.exclusions, contract(true).exclusions);
}

/// A zh-CN report says in Chinese why a maintenance row was not excluded;
/// the JSON report keeps the English words machines read.
#[test]
fn a_chinese_report_says_why_maintenance_was_not_excluded_in_chinese() {
    let args = |format| {
        [
            "eval",
            "contracts/acme-support.sla",
            "--outages",
            "tests/outages/acme-march.csv",
            "--as-of",
            "2026-04-10T00:00:00+08:00",
            "--format",
            format,
        ]
    };
    let markdown = cli::run(&args("markdown"));
    assert_eq!(markdown.code, 0, "{}", markdown.stderr);
    assert!(
        markdown
            .stdout
            .contains("停机 120 分钟（提前通知 1 个工作日，不足约定的 5 个工作日）"),
        "{}",
        markdown.stdout
    );
    assert!(!markdown.stdout.contains("required"), "{}", markdown.stdout);
    let json = cli::run(&args("json"));
    assert_eq!(json.code, 0, "{}", json.stderr);
    assert!(
        json.stdout
            .contains("\"notice 1 business day, 5 required\""),
        "{}",
        json.stdout
    );
}
