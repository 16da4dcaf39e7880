//! Golden edge cases of §5, one readable row each: the calendar, the rule,
//! when the request arrived, the target, pauses, and the due time worked
//! out by hand (the reasoning is in the row's note). Every row is checked
//! against the fast clock *and* the naive walker.

use super::naive::{instant, minute_of, Naive};
use crate::support::acme::acme;
use chrono::{DateTime, NaiveDate, Utc};
use slac::clock::Clock;
use slac::model::{
    BusinessDayRule, Calendar, CalendarId, ClosedDays, Duration, OpenDay, TimeOfDay, TimeSpan, Unit,
};

use BusinessDayRule::{EndsAtClose, SameTime};
const EIGHT_HOURS: BusinessDayRule = BusinessDayRule::Hours { minutes: 480 };

struct Row {
    /// What the row shows and why the due time is what it is.
    note: &'static str,
    calendar: &'static str,
    rule: BusinessDayRule,
    received: &'static str,
    within: &'static str,
    paused: &'static [(&'static str, &'static str)],
    due: &'static str,
}

#[rustfmt::skip]
const ROWS: &[Row] = &[
    // — acme `business` with the days of its 2027 version: Asia/Shanghai,
    //   mon-fri 09-12, 13-18, 国庆节 10-01..07 closed, 2027-09-26 (Sun) a
    //   make-up day 09-18.
    Row { note: "open time only: 30 min Mon, 90 min Tue", calendar: "business", rule: EndsAtClose,
          received: "2027-03-01T17:30:00+08:00", within: "2 hours", paused: &[], due: "2027-03-02T10:30:00+08:00" },
    Row { note: "arrival at the close starts at the next opening", calendar: "business", rule: EndsAtClose,
          received: "2027-03-01T18:00:00+08:00", within: "2 hours", paused: &[], due: "2027-03-02T11:00:00+08:00" },
    Row { note: "arrival at the close: that day does not count", calendar: "business", rule: EndsAtClose,
          received: "2027-03-01T18:00:00+08:00", within: "1 business day", paused: &[], due: "2027-03-02T18:00:00+08:00" },
    Row { note: "arrival before opening: the day of receipt still does not count", calendar: "business", rule: EndsAtClose,
          received: "2027-03-01T08:00:00+08:00", within: "1 business day", paused: &[], due: "2027-03-02T18:00:00+08:00" },
    Row { note: "arrival during lunch starts at 13:00", calendar: "business", rule: EndsAtClose,
          received: "2027-03-01T12:15:00+08:00", within: "2 hours", paused: &[], due: "2027-03-01T15:00:00+08:00" },
    Row { note: "a due time on a close is that close, not the next opening", calendar: "business", rule: EndsAtClose,
          received: "2027-03-01T10:00:00+08:00", within: "2 hours", paused: &[], due: "2027-03-01T12:00:00+08:00" },
    Row { note: "arrival on a holiday starts after 国庆节, Fri 10-08 09:00", calendar: "business", rule: EndsAtClose,
          received: "2027-10-03T10:00:00+08:00", within: "2 hours", paused: &[], due: "2027-10-08T11:00:00+08:00" },
    Row { note: "holiday arrival: the first business day after is 10-08", calendar: "business", rule: EndsAtClose,
          received: "2027-10-03T10:00:00+08:00", within: "1 business day", paused: &[], due: "2027-10-08T18:00:00+08:00" },
    Row { note: "across Golden Week: 1 h on 09-30, 3 h on 10-08, due at the lunch close", calendar: "business", rule: EndsAtClose,
          received: "2027-09-30T17:00:00+08:00", within: "4 hours", paused: &[], due: "2027-10-08T12:00:00+08:00" },
    Row { note: "across Golden Week: business days 10-08 and 10-11", calendar: "business", rule: EndsAtClose,
          received: "2027-09-30T17:00:00+08:00", within: "2 business days", paused: &[], due: "2027-10-11T18:00:00+08:00" },
    Row { note: "across Golden Week, 8-hour days: 1 h + 3 h + 4 h", calendar: "business", rule: EIGHT_HOURS,
          received: "2027-09-30T17:00:00+08:00", within: "1 business day", paused: &[], due: "2027-10-08T17:00:00+08:00" },
    Row { note: "across Golden Week, same time: 09-30 10:00 → 10-08 10:00", calendar: "business", rule: SameTime,
          received: "2027-09-30T10:00:00+08:00", within: "1 business day", paused: &[], due: "2027-10-08T10:00:00+08:00" },
    Row { note: "make-up Sunday 09-26 opens 09:00", calendar: "business", rule: EndsAtClose,
          received: "2027-09-25T15:00:00+08:00", within: "2 hours", paused: &[], due: "2027-09-26T11:00:00+08:00" },
    Row { note: "make-up Sunday 09-26 is a business day", calendar: "business", rule: EndsAtClose,
          received: "2027-09-25T15:00:00+08:00", within: "1 business day", paused: &[], due: "2027-09-26T18:00:00+08:00" },
    Row { note: "same time from a Saturday: starts at 09-26 09:00, due Mon 09:00", calendar: "business", rule: SameTime,
          received: "2027-09-25T20:00:00+08:00", within: "1 business day", paused: &[], due: "2027-09-27T09:00:00+08:00" },
    Row { note: "pause of one open hour 10:30-11:30 moves 13:00 to 14:00", calendar: "business", rule: EndsAtClose,
          received: "2027-03-01T10:00:00+08:00", within: "2 hours", paused: &[("2027-03-01T10:30:00+08:00", "2027-03-01T11:30:00+08:00")], due: "2027-03-01T14:00:00+08:00" },
    Row { note: "pausing Tuesday's 8 open hours moves Wed 18:00 to Thu 18:00", calendar: "business", rule: EndsAtClose,
          received: "2027-03-01T10:00:00+08:00", within: "2 business days", paused: &[("2027-03-02T00:00:00+08:00", "2027-03-03T00:00:00+08:00")], due: "2027-03-04T18:00:00+08:00" },
    // — `business` plus a make-up Saturday 2027-10-09 09:00-12:00.
    Row { note: "make-up Saturday: 1 h Fri, then Sat 09-11", calendar: "business+sat", rule: EndsAtClose,
          received: "2027-10-08T17:00:00+08:00", within: "3 hours", paused: &[], due: "2027-10-09T11:00:00+08:00" },
    Row { note: "make-up Saturday is the next business day; it closes at 12:00", calendar: "business+sat", rule: EndsAtClose,
          received: "2027-10-08T17:00:00+08:00", within: "1 business day", paused: &[], due: "2027-10-09T12:00:00+08:00" },
    Row { note: "same time on a make-up Saturday, open then", calendar: "business+sat", rule: SameTime,
          received: "2027-10-08T11:30:00+08:00", within: "1 business day", paused: &[], due: "2027-10-09T11:30:00+08:00" },
    Row { note: "same time on a make-up Saturday, closed then: next opening Mon", calendar: "business+sat", rule: SameTime,
          received: "2027-10-08T15:00:00+08:00", within: "1 business day", paused: &[], due: "2027-10-11T09:00:00+08:00" },
    // — acme `night`: Asia/Shanghai, mon-fri 22:00-06:00.
    Row { note: "Sat 02:00 is inside Friday's overnight span", calendar: "night", rule: EndsAtClose,
          received: "2027-03-06T02:00:00+08:00", within: "2 hours", paused: &[], due: "2027-03-06T04:00:00+08:00" },
    Row { note: "Sat 10:00 waits for Mon 22:00", calendar: "night", rule: EndsAtClose,
          received: "2027-03-06T10:00:00+08:00", within: "2 hours", paused: &[], due: "2027-03-09T00:00:00+08:00" },
    Row { note: "received Sat: Mon is the first business day; its span closes Tue 06:00", calendar: "night", rule: EndsAtClose,
          received: "2027-03-06T02:00:00+08:00", within: "1 business day", paused: &[], due: "2027-03-09T06:00:00+08:00" },
    Row { note: "same time in an overnight span: Fri+28 h → Mon+28 h", calendar: "night", rule: SameTime,
          received: "2027-03-06T04:00:00+08:00", within: "1 business day", paused: &[], due: "2027-03-09T04:00:00+08:00" },
    // — America/New_York.
    Row { note: "NY office 09-17: a day's 8 open hours on the spring DST weekend", calendar: "ny-office", rule: EndsAtClose,
          received: "2027-03-12T13:00:00-05:00", within: "8 hours", paused: &[], due: "2027-03-15T13:00:00-04:00" },
    Row { note: "NY desk 22-06 on the spring night is 7 h: due at its close", calendar: "ny-desk", rule: EndsAtClose,
          received: "2027-03-13T22:00:00-05:00", within: "7 hours", paused: &[], due: "2027-03-14T06:00:00-04:00" },
    Row { note: "NY desk: the 8th hour is the first of Sunday night", calendar: "ny-desk", rule: EndsAtClose,
          received: "2027-03-13T22:00:00-05:00", within: "8 hours", paused: &[], due: "2027-03-14T23:00:00-04:00" },
    Row { note: "NY desk 22-06 on the autumn night is 9 h", calendar: "ny-desk", rule: EndsAtClose,
          received: "2027-11-06T22:00:00-04:00", within: "9 hours", paused: &[], due: "2027-11-07T06:00:00-05:00" },
    Row { note: "NY desk, autumn: 01:30 EDT + 1 h is 01:30 EST (the repeated hour counts twice)", calendar: "ny-desk", rule: EndsAtClose,
          received: "2027-11-07T01:30:00-04:00", within: "60 minutes", paused: &[], due: "2027-11-07T01:30:00-05:00" },
    Row { note: "a span starting in the spring gap (02:30) opens at 03:30 EDT", calendar: "ny-gap", rule: EndsAtClose,
          received: "2027-03-14T00:00:00-05:00", within: "60 minutes", paused: &[], due: "2027-03-14T04:30:00-04:00" },
    Row { note: "a span starting in the autumn fold (01:30) opens at the earlier 01:30 (EDT)", calendar: "ny-fold", rule: EndsAtClose,
          received: "2027-11-07T00:00:00-04:00", within: "2 hours", paused: &[], due: "2027-11-07T02:30:00-05:00" },
    Row { note: "24x7 across the spring change: 1 day is 24 real hours", calendar: "ny-24x7", rule: EndsAtClose,
          received: "2027-03-13T12:00:00-05:00", within: "1 day", paused: &[], due: "2027-03-14T13:00:00-04:00" },
    // — Europe/London.
    Row { note: "London desk 22-06, spring night 7 h", calendar: "london-desk", rule: EndsAtClose,
          received: "2027-03-27T22:00:00+00:00", within: "7 hours", paused: &[], due: "2027-03-28T06:00:00+01:00" },
    Row { note: "London desk 22-06, autumn night 9 h: 8 h in is 05:00 GMT", calendar: "london-desk", rule: EndsAtClose,
          received: "2027-10-30T22:00:00+01:00", within: "8 hours", paused: &[], due: "2027-10-31T05:00:00+00:00" },
    Row { note: "London desk, same time across the autumn change: 1 business day later, wall 23:00", calendar: "london-desk", rule: SameTime,
          received: "2027-10-30T23:00:00+01:00", within: "1 business day", paused: &[], due: "2027-10-31T23:00:00+00:00" },
    Row { note: "24x7 London across the autumn change: 4 real hours", calendar: "london-24x7", rule: EndsAtClose,
          received: "2027-10-31T00:30:00+01:00", within: "4 hours", paused: &[], due: "2027-10-31T03:30:00+00:00" },
];

fn span(start: &str, end: &str) -> TimeSpan {
    let minutes = |s: &str| {
        let (h, m) = s.split_once(':').unwrap();
        TimeOfDay(h.parse::<u16>().unwrap() * 60 + m.parse::<u16>().unwrap())
    };
    TimeSpan {
        start: minutes(start),
        end: minutes(end),
    }
}

fn simple(zone: chrono_tz::Tz, days: &[usize], spans: &[TimeSpan]) -> Calendar {
    let mut weekly: [Vec<TimeSpan>; 7] = Default::default();
    for &d in days {
        weekly[d] = spans.to_vec();
    }
    Calendar {
        id: CalendarId("edge".into()),
        label: None,
        timezone: zone,
        always: false,
        weekly,
        closed: vec![],
        open: vec![],
        holidays: vec![],
    }
}

/// The calendar of a row, and whether the row's clock is 24x7 instead (the
/// calendar is then the all-day one the naive walker uses for it).
fn calendar(name: &str) -> (Calendar, bool) {
    use chrono_tz::{America::New_York, Europe::London};
    let acme = acme();
    let get = |id: &str| acme.calendar(&CalendarId(id.into())).unwrap().clone();
    let every = [0, 1, 2, 3, 4, 5, 6];
    let all_day = [span("00:00", "24:00")];
    // acme's business hours with the days the rows were worked out on
    // (2027's), written on the calendar instead of its 2026 set.
    let business = || {
        let mut c = get("business");
        c.holidays = vec![];
        c.closed = vec![ClosedDays {
            from: NaiveDate::from_ymd_opt(2027, 10, 1).unwrap(),
            to: NaiveDate::from_ymd_opt(2027, 10, 7).unwrap(),
            note: None,
        }];
        c.open = vec![OpenDay {
            date: NaiveDate::from_ymd_opt(2027, 9, 26).unwrap(),
            spans: vec![span("09:00", "18:00")],
            note: None,
        }];
        c
    };
    let calendar = match name {
        "business" => business(),
        "business+sat" => {
            let mut c = business();
            c.open.push(OpenDay {
                date: NaiveDate::from_ymd_opt(2027, 10, 9).unwrap(),
                spans: vec![span("09:00", "12:00")],
                note: None,
            });
            c
        }
        "night" => get("night"),
        "ny-office" => simple(New_York, &[0, 1, 2, 3, 4], &[span("09:00", "17:00")]),
        "ny-desk" => simple(New_York, &every, &[span("22:00", "06:00")]),
        "ny-gap" => simple(New_York, &[6], &[span("02:30", "05:00")]),
        "ny-fold" => simple(New_York, &[6], &[span("01:30", "03:00")]),
        "london-desk" => simple(London, &every, &[span("22:00", "06:00")]),
        "ny-24x7" => return (simple(New_York, &every, &all_day), true),
        "london-24x7" => return (simple(London, &every, &all_day), true),
        other => panic!("no calendar {other}"),
    };
    (calendar, false)
}

fn within(text: &str) -> Duration {
    let (amount, unit) = text.split_once(' ').unwrap();
    let unit = match unit {
        "minute" | "minutes" => Unit::Minutes,
        "hour" | "hours" => Unit::Hours,
        "day" | "days" => Unit::Days,
        "business day" | "business days" => Unit::BusinessDays,
        other => panic!("unknown unit {other}"),
    };
    Duration {
        amount: amount.parse().unwrap(),
        unit,
    }
}

fn t(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().to_utc()
}

#[test]
fn golden_edge_cases() {
    let mut failures = Vec::new();
    for row in ROWS {
        let (walker_calendar, elapsed) = calendar(row.calendar);
        let clock = Clock::new((!elapsed).then_some(&walker_calendar), row.rule);
        let within = within(row.within);
        let paused: Vec<_> = row.paused.iter().map(|&(a, b)| (t(a), t(b))).collect();
        let received = t(row.received);
        let expected = t(row.due);

        let due = clock.due(received, within, &paused);
        if due != Ok(expected) {
            failures.push(format!(
                "{}: clock gave {due:?}, expected {expected}",
                row.note
            ));
        }

        // The walker knows no `days`: on its all-day calendar they are 24 h.
        let walker_within = match within.unit {
            Unit::Days => Duration {
                amount: within.amount * 24,
                unit: Unit::Hours,
            },
            _ => within,
        };
        let from = minute_of(received);
        let walker = Naive::new(&walker_calendar, from - 2 * 1440, 40);
        let pauses: Vec<_> = paused
            .iter()
            .map(|&(a, b)| (minute_of(a), minute_of(b)))
            .collect();
        let walked = walker
            .due(from, walker_within, row.rule, &pauses)
            .map(instant);
        if walked != Some(expected) {
            failures.push(format!(
                "{}: walker gave {walked:?}, expected {expected}",
                row.note
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
