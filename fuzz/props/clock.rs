//! The SLA clock on an arbitrary calendar (weekly spans, overnight ones
//! included, closed and open days, a holiday set with yearly rules, a zone
//! and a business-day rule), a receipt and two targets of one unit: it never
//! panics, a due time is never before the receipt, the larger target is
//! never due earlier, pauses never make a target due earlier, and the open
//! time from receipt to the due time of a minutes/hours target is the target.
//! Shared by the fuzz target and `tests/fuzz_regressions.rs`: the input is
//! decoded from the bytes here, the same way in both.
#![allow(
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a fuzz property fails by panicking; every index is taken modulo its table's length"
)]

use arbitrary::{Arbitrary, Unstructured};
use chrono::{DateTime, Datelike, Days, NaiveDate, Utc, Weekday};
use slac::clock::{Clock, ClockError};
use slac::model::yearly::{Adjustment, Nth, YearlyBase, YearlyRule, MAX_OFFSET_DAYS};
use slac::model::{
    BusinessDayRule, Calendar, CalendarId, ClosedDays, Duration, Fill, HolidaySet, HolidaySetId,
    OpenDay, SetOpenDay, TimeOfDay, TimeSpan, Unit, YearlyDay,
};

/// Zones with DST in both hemispheres, odd offsets, and none.
const ZONES: &[chrono_tz::Tz] = &[
    chrono_tz::UTC,
    chrono_tz::America::New_York,
    chrono_tz::Europe::London,
    chrono_tz::Australia::Sydney,
    chrono_tz::Asia::Shanghai,
    chrono_tz::Pacific::Chatham,
    chrono_tz::Asia::Kathmandu,
    chrono_tz::America::Santiago,
    chrono_tz::Pacific::Apia,
    chrono_tz::Australia::Lord_Howe,
];

const WEEKDAYS: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

/// One day's spans: sorted distinct minutes paired up (so no two overlap),
/// the last one made overnight when asked (end at or before its start).
#[derive(Arbitrary, Debug)]
struct DayIn {
    points: Vec<u16>,
    overnight: Option<u16>,
}

impl DayIn {
    fn spans(&self) -> Vec<TimeSpan> {
        let mut points: Vec<u16> = self.points.iter().map(|p| p % 1441).collect();
        points.sort_unstable();
        points.dedup();
        let mut spans: Vec<TimeSpan> = points
            .chunks_exact(2)
            .map(|p| TimeSpan {
                start: TimeOfDay(p[0]),
                end: TimeOfDay(p[1]),
            })
            .collect();
        if let (Some(end), Some(last)) = (self.overnight, spans.last_mut()) {
            if last.start.0 < 1440 {
                last.end = TimeOfDay((end % 1440).min(last.start.0));
            }
        }
        spans
    }
}

#[derive(Arbitrary, Debug)]
enum BaseIn {
    MonthDay(u8, u8),
    Nth(u8, u8, u8),
    Easter,
}

#[derive(Arbitrary, Debug)]
struct YearlyIn {
    base: BaseIn,
    offset: Option<i16>,
    adjust: Option<bool>,
    from: Option<u8>,
    until: Option<u8>,
}

#[derive(Arbitrary, Debug)]
enum UnitIn {
    Minutes,
    Hours,
    Days,
    BusinessDays,
}

#[derive(Arbitrary, Debug)]
enum RuleIn {
    EndsAtClose,
    Hours(u16),
    SameTime,
}

#[derive(Arbitrary, Debug)]
struct Input {
    zone: u8,
    always: bool,
    weekly: [DayIn; 7],
    /// Closed ranges: days after the base date, length in days.
    closed: Vec<(u16, u8)>,
    open: Vec<(u16, DayIn)>,
    set_closed: Vec<(u16, u8)>,
    set_open: Vec<(u16, Option<u8>)>,
    yearly: Vec<YearlyIn>,
    rule: RuleIn,
    /// The year of the base date, from 1900.
    year: u16,
    /// The receipt: milliseconds after the base date's midnight UTC.
    received: u32,
    unit: UnitIn,
    amount: u16,
    more: u16,
    pauses: Vec<(u32, u32)>,
}

fn date_after(base: NaiveDate, days: u16) -> NaiveDate {
    base.checked_add_days(Days::new(u64::from(days)))
        .unwrap_or(base)
}

fn yearly(y: &YearlyIn, year: i32) -> Option<YearlyDay> {
    let base = match y.base {
        BaseIn::MonthDay(m, d) => {
            let (month, day) = (u32::from(m % 12) + 1, u32::from(d % 31) + 1);
            // The checker refuses a day no year has (04-31).
            NaiveDate::from_ymd_opt(2000, month, day)?;
            YearlyBase::MonthDay { month, day }
        }
        BaseIn::Nth(n, w, m) => YearlyBase::Nth {
            nth: Nth::ALL[usize::from(n) % Nth::ALL.len()],
            weekday: WEEKDAYS[usize::from(w) % 7],
            month: u32::from(m % 12) + 1,
        },
        BaseIn::Easter => YearlyBase::Easter,
    };
    let limit = i16::try_from(MAX_OFFSET_DAYS).unwrap_or(i16::MAX);
    let from = y.from.map(|f| year - 5 + i32::from(f % 16));
    let until = y.until.map(|u| year - 5 + i32::from(u % 16));
    if let (Some(f), Some(u)) = (from, until) {
        if u < f {
            return None;
        }
    }
    Some(YearlyDay {
        rule: YearlyRule {
            base,
            offset_days: y.offset.map(|o| i32::from(o % (limit + 1))),
            adjust: y.adjust.map(|a| {
                if a {
                    Adjustment::Observed
                } else {
                    Adjustment::Substitute
                }
            }),
            from,
            until,
            except: vec![],
        },
        note: None,
    })
}

fn calendar(input: &Input, base: NaiveDate) -> Calendar {
    let closed = |ranges: &[(u16, u8)]| -> Vec<ClosedDays> {
        ranges
            .iter()
            .map(|&(at, len)| {
                let from = date_after(base, at % 800);
                ClosedDays {
                    from,
                    to: date_after(from, u16::from(len % 32)),
                    note: None,
                }
            })
            .collect()
    };
    let set = HolidaySet {
        id: HolidaySetId("fuzz".into()),
        label: Fill::Value("fuzz".into()),
        closed: closed(&input.set_closed),
        open: input
            .set_open
            .iter()
            .map(|&(at, like)| SetOpenDay {
                date: date_after(base, at % 800),
                like: like.map(|w| WEEKDAYS[usize::from(w) % 7]),
                note: None,
            })
            .collect(),
        yearly: input
            .yearly
            .iter()
            .filter_map(|y| yearly(y, base.year()))
            .collect(),
    };
    let weekly: [Vec<TimeSpan>; 7] = std::array::from_fn(|d| input.weekly[d].spans());
    Calendar {
        id: CalendarId("fuzz".into()),
        label: None,
        timezone: ZONES[usize::from(input.zone) % ZONES.len()],
        always: input.always,
        weekly: if input.always {
            Default::default()
        } else {
            weekly
        },
        closed: if input.always {
            vec![]
        } else {
            closed(&input.closed)
        },
        open: if input.always {
            vec![]
        } else {
            input
                .open
                .iter()
                .map(|(at, day)| OpenDay {
                    date: date_after(base, at % 800),
                    spans: day.spans(),
                    note: None,
                })
                .filter(|d| !d.spans.is_empty())
                .collect()
        },
        holidays: if input.always { vec![] } else { vec![set] },
    }
}

/// Decodes `data` as an [`Input`] and checks the clock's properties on it.
pub fn run(data: &[u8]) {
    if let Ok(input) = Input::arbitrary_take_rest(Unstructured::new(data)) {
        check(&input);
    }
}

fn check(input: &Input) {
    let year = 1900 + i32::from(input.year % 320);
    let Some(base) = NaiveDate::from_ymd_opt(year, 1, 1) else {
        return;
    };
    let calendar = calendar(input, base);
    let rule = match input.rule {
        RuleIn::EndsAtClose => BusinessDayRule::EndsAtClose,
        RuleIn::Hours(h) => BusinessDayRule::Hours {
            minutes: u32::from(h % 1440) + 1,
        },
        RuleIn::SameTime => BusinessDayRule::SameTime,
    };
    let clock = Clock::new(Some(&calendar), rule);
    let start = base
        .and_hms_opt(0, 0, 0)
        .map(|t| t.and_utc().timestamp_millis());
    let Some(received) = start
        .map(|s| s + i64::from(input.received) * 37)
        .and_then(DateTime::<Utc>::from_timestamp_millis)
    else {
        return;
    };
    let unit = match input.unit {
        UnitIn::Minutes => Unit::Minutes,
        UnitIn::Hours => Unit::Hours,
        UnitIn::Days => Unit::Days,
        UnitIn::BusinessDays => Unit::BusinessDays,
    };
    // Business-day targets walk day by day: keep them to what a contract asks.
    let (amount, more) = match unit {
        Unit::BusinessDays | Unit::Days => (input.amount % 400, input.more % 400),
        Unit::Hours => (input.amount % 10_000, input.more % 10_000),
        Unit::Minutes => (input.amount, input.more),
    };
    let small = Duration {
        amount: u32::from(amount),
        unit,
    };
    let large = Duration {
        amount: u32::from(amount) + u32::from(more),
        unit,
    };
    let due_small = clock.due(received, small, &[]);
    let due_large = clock.due(received, large, &[]);
    if let Ok(due) = due_small {
        assert!(due >= received, "due {due} before receipt {received}");
    }
    match (&due_small, &due_large) {
        (Ok(s), Ok(l)) => assert!(s <= l, "{small} due {s}, later than {large} due {l}"),
        (Err(ClockError::NoDueTime { .. }), Ok(l)) => {
            panic!("{small} has no due time but {large} is due {l}")
        }
        _ => {}
    }
    if let (Ok(due), Unit::Minutes | Unit::Hours) = (&due_small, unit) {
        if let Ok(open) = clock.open_millis(received.timestamp_millis(), due.timestamp_millis()) {
            let minutes = if unit == Unit::Hours { 60 } else { 1 };
            assert_eq!(
                open,
                i64::from(amount) * minutes * 60_000,
                "open time from {received} to the due time {due} of {small}"
            );
        }
    }
    let from = received.timestamp_millis();
    let pauses: Vec<(DateTime<Utc>, DateTime<Utc>)> = input
        .pauses
        .iter()
        .filter_map(|&(a, len)| {
            let a = from.checked_add(i64::from(a) * 41)?;
            let b = a.checked_add(i64::from(len) * 29)?;
            Some((
                DateTime::<Utc>::from_timestamp_millis(a)?,
                DateTime::<Utc>::from_timestamp_millis(b)?,
            ))
        })
        .collect();
    if let (Ok(unpaused), Ok(paused)) = (&due_small, clock.due(received, small, &pauses)) {
        assert!(
            paused >= *unpaused,
            "pauses made {small} due earlier: {paused} < {unpaused}"
        );
    }
    let _ = clock.is_open(received);
}
