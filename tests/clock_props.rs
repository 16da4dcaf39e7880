//! The SLA clock against a naive minute-by-minute walker (`naive.rs`) on
//! random calendars, zones, receipts, targets and pauses; invariants of due
//! times; and the golden edge cases of §5 (`edges.rs`).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code: a broken assumption stops the test with its message"
)]

#[path = "clock_props/edges.rs"]
mod edges;
#[path = "clock_props/naive.rs"]
mod naive;
mod support;

use chrono::{DateTime, NaiveDate, Utc};
use naive::{instant, minute_of, Naive};
use proptest::prelude::*;
use slac::clock::Clock;
use slac::model::{
    BusinessDayRule, Calendar, CalendarId, ClosedDays, Duration, OpenDay, TimeOfDay, TimeSpan, Unit,
};

/// Zones with DST in both hemispheres, odd offsets, and none.
const ZONES: &[chrono_tz::Tz] = &[
    chrono_tz::America::New_York,
    chrono_tz::America::New_York,
    chrono_tz::Europe::London,
    chrono_tz::Europe::London,
    chrono_tz::Australia::Sydney,
    chrono_tz::Asia::Shanghai,
    chrono_tz::Pacific::Chatham,
    chrono_tz::Asia::Kathmandu,
    chrono_tz::America::Santiago,
];

/// Days near DST changes in 2027 (both hemispheres) and an ordinary one.
const BASES: &[(i32, u32, u32)] = &[
    (2027, 3, 10),
    (2027, 3, 24),
    (2027, 4, 1),
    (2027, 9, 22),
    (2027, 10, 27),
    (2027, 11, 3),
    (2027, 6, 14),
];

/// Window of the naive walker, in days from two days before receipt.
const WINDOW_DAYS: i64 = 70;

/// Non-overlapping spans of one day on a half-hour grid; the last one may be
/// overnight (its end moved to the next day, at or before its start time).
fn day_spans(max_points: usize) -> impl Strategy<Value = Vec<TimeSpan>> {
    (
        // Early-morning points are likelier: that is where DST changes are.
        prop::collection::btree_set(prop_oneof![0u16..=48, 0u16..=8], 0..=max_points),
        any::<bool>(),
        0u16..=48,
    )
        .prop_map(|(points, overnight, end)| {
            let points: Vec<u16> = points.into_iter().collect();
            let mut spans: Vec<TimeSpan> = points
                .chunks_exact(2)
                .map(|p| TimeSpan {
                    start: TimeOfDay(p[0] * 30),
                    end: TimeOfDay(p[1] * 30),
                })
                .collect();
            if let (true, Some(last)) = (overnight, spans.last_mut()) {
                last.end = TimeOfDay((end * 30).min(last.start.0));
            }
            spans
        })
}

/// A random calendar and the day its holidays and make-up days cluster
/// around (a day near a DST change).
fn calendar() -> impl Strategy<Value = (Calendar, NaiveDate)> {
    (
        prop::sample::select(ZONES),
        prop::sample::select(BASES),
        prop::array::uniform7(day_spans(6)),
        prop::collection::vec((0u64..24, 0u64..8), 0..=3),
        prop::collection::vec((0u64..24, day_spans(4)), 0..=3),
    )
        .prop_filter("open on at least three weekdays", |(_, _, weekly, _, _)| {
            weekly.iter().filter(|d| !d.is_empty()).count() >= 3
        })
        .prop_map(|(zone, (y, m, d), weekly, closed, open)| {
            let base = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            let first = base - chrono::Days::new(6);
            let calendar = Calendar {
                id: CalendarId("random".into()),
                label: None,
                timezone: zone,
                always: false,
                weekly,
                closed: closed
                    .into_iter()
                    .map(|(at, len)| ClosedDays {
                        from: first + chrono::Days::new(at),
                        to: first + chrono::Days::new(at + len),
                        note: None,
                    })
                    .collect(),
                open: open
                    .into_iter()
                    .filter(|(_, spans)| !spans.is_empty())
                    .map(|(at, spans)| OpenDay {
                        date: first + chrono::Days::new(at),
                        spans,
                        note: None,
                    })
                    .collect(),
                holidays: vec![],
            };
            (calendar, base)
        })
}

fn rule() -> impl Strategy<Value = BusinessDayRule> {
    prop_oneof![
        Just(BusinessDayRule::EndsAtClose),
        Just(BusinessDayRule::SameTime),
        (2u32..=20).prop_map(|h| BusinessDayRule::Hours { minutes: h * 30 }),
    ]
}

fn target() -> impl Strategy<Value = Duration> {
    prop_oneof![
        (1u32..=900).prop_map(|amount| Duration {
            amount,
            unit: Unit::Minutes
        }),
        (1u32..=30).prop_map(|amount| Duration {
            amount,
            unit: Unit::Hours
        }),
        (1u32..=5).prop_map(|amount| Duration {
            amount,
            unit: Unit::BusinessDays
        }),
    ]
}

fn pauses() -> impl Strategy<Value = Vec<(i64, i64)>> {
    prop::collection::vec((-600i64..6000, 0i64..2000), 0..=3)
}

#[derive(Debug)]
struct Case {
    calendar: Calendar,
    rule: BusinessDayRule,
    received: i64,
    within: Duration,
    pauses: Vec<(i64, i64)>,
}

fn case() -> impl Strategy<Value = Case> {
    (calendar(), rule(), 0i64..10 * 1440, target(), pauses()).prop_map(
        |((calendar, base), rule, offset, within, pauses)| {
            // Receipts from five days before the DST change to five after.
            let received =
                minute_of(base.and_hms_opt(0, 0, 0).unwrap().and_utc()) - 5 * 1440 + offset;
            let pauses = pauses
                .into_iter()
                .map(|(at, len)| (received + at, received + at + len))
                .collect();
            Case {
                calendar,
                rule,
                received,
                within,
                pauses,
            }
        },
    )
}

fn as_instants(pauses: &[(i64, i64)]) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
    pauses
        .iter()
        .map(|&(a, b)| (instant(a), instant(b)))
        .collect()
}

/// The naive walker's window around a receipt.
fn walker(c: &Case) -> Naive {
    Naive::new(&c.calendar, c.received - 2 * 1440, WINDOW_DAYS)
}

/// The budget of a target that counts open time, in minutes.
fn open_budget(within: Duration, rule: BusinessDayRule) -> Option<i64> {
    let n = i64::from(within.amount);
    match (within.unit, rule) {
        (Unit::Minutes, _) => Some(n),
        (Unit::Hours, _) => Some(n * 60),
        (Unit::BusinessDays, BusinessDayRule::Hours { minutes }) => Some(n * i64::from(minutes)),
        _ => None,
    }
}

proptest! {
    // About 10 s in debug on two cores for the three properties; the
    // walker needs some hundreds of cases to meet a DST fold or gap.
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    /// The fast clock and the walker agree on every due time.
    #[test]
    fn agrees_with_the_naive_walker(c in case()) {
        let naive = walker(&c);
        let expected = naive.due(c.received, c.within, c.rule, &c.pauses);
        prop_assume!(expected.is_some());
        let clock = Clock::new(Some(&c.calendar), c.rule);
        let due = clock.due(instant(c.received), c.within, &as_instants(&c.pauses)).unwrap();
        prop_assert_eq!(due, instant(expected.unwrap()));
    }

    /// Due ≥ received; the open unpaused time from receipt to due is the
    /// target's budget; open minutes agree with the walker.
    #[test]
    fn due_spends_exactly_the_budget(c in case(), probe in 0i64..20 * 1440) {
        let clock = Clock::new(Some(&c.calendar), c.rule);
        let received = instant(c.received);
        let Ok(due) = clock.due(received, c.within, &as_instants(&c.pauses)) else {
            return Err(TestCaseError::fail("no due time"));
        };
        prop_assert!(due >= received);
        let naive = walker(&c);
        let end = c.received + probe;
        if let Some(expected) = naive.open_minutes(c.received, end) {
            let minutes = clock.open_minutes(received, instant(end)).unwrap();
            prop_assert_eq!(minutes, expected as f64);
        }
        if let Some(budget) = open_budget(c.within, c.rule) {
            if c.pauses.is_empty() {
                let open = clock.open_minutes(received, due).unwrap();
                prop_assert_eq!(open, budget as f64);
            } else {
                let unpaused = (minute_of(received)..minute_of(due))
                    .filter(|&m| naive.is_open(m) == Some(true)
                        && !c.pauses.iter().any(|&(a, b)| a <= m && m < b))
                    .count();
                prop_assert_eq!(unpaused as i64, budget);
            }
        }
    }

    /// Later receipt, later (or equal) due; bigger target, later (or equal)
    /// due. `same-time` is left out: its wall-time rule is not monotone
    /// around overnight spans and DST days (docs/clock.md).
    #[test]
    fn monotone(c in case(), later in 0i64..3 * 1440, more in 1u32..=3) {
        prop_assume!(c.rule != BusinessDayRule::SameTime || c.within.unit != Unit::BusinessDays);
        let clock = Clock::new(Some(&c.calendar), c.rule);
        let due = |at: i64, within: Duration| clock.due(instant(at), within, &[]).unwrap();
        let first = due(c.received, c.within);
        prop_assert!(due(c.received + later, c.within) >= first);
        let bigger = Duration { amount: c.within.amount + more, ..c.within };
        prop_assert!(due(c.received, bigger) >= first);
    }
}
