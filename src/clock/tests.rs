//! Unit tests on the design's example contract; the edge-case table and
//! the property tests against a naive walker are in `tests/clock_props.rs`.

use super::*;
use crate::model::example::acme;
use crate::model::{BusinessDayRule, Duration, Fill, Unit};

fn t(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().to_utc()
}

fn d(amount: u32, unit: Unit) -> Duration {
    Duration { amount, unit }
}

fn business() -> Clock {
    let c = acme();
    Clock::new(c.calendar(&CalendarId("business".into())), c.business_day)
}

#[test]
fn hours_count_open_time_only() {
    let clock = business();
    let due = clock.due(t("2027-03-01T17:30:00+08:00"), d(2, Unit::Hours), &[]);
    assert_eq!(due, Ok(t("2027-03-02T10:30:00+08:00")));
    let minutes = clock
        .open_minutes(
            t("2027-03-01T17:30:00+08:00"),
            t("2027-03-02T10:30:00+08:00"),
        )
        .unwrap();
    assert_eq!(minutes, 120.0);
}

#[test]
fn due_on_a_close_is_that_close() {
    let clock = business();
    let due = clock.due(t("2027-03-01T16:00:00+08:00"), d(2, Unit::Hours), &[]);
    assert_eq!(due, Ok(t("2027-03-01T18:00:00+08:00")));
    let due = clock.due(t("2027-03-01T11:00:00+08:00"), d(60, Unit::Minutes), &[]);
    assert_eq!(due, Ok(t("2027-03-01T12:00:00+08:00")));
}

#[test]
fn ends_at_close_skips_the_day_of_receipt() {
    let clock = business();
    // Received before opening on a business day: that day still does not count.
    let due = clock.due(
        t("2027-03-01T08:00:00+08:00"),
        d(2, Unit::BusinessDays),
        &[],
    );
    assert_eq!(due, Ok(t("2027-03-03T18:00:00+08:00")));
}

#[test]
fn pauses_stop_the_clock() {
    let clock = business();
    let received = t("2027-03-01T10:00:00+08:00");
    // One open hour of pause (10:30-11:30) moves a 2-hour due from 13:00 to 14:00.
    let pause = [(
        t("2027-03-01T10:30:00+08:00"),
        t("2027-03-01T11:30:00+08:00"),
    )];
    assert_eq!(
        clock.due(received, d(2, Unit::Hours), &pause),
        Ok(t("2027-03-01T14:00:00+08:00"))
    );
    // A pause while closed changes nothing.
    let closed = [(
        t("2027-03-01T12:00:00+08:00"),
        t("2027-03-01T13:00:00+08:00"),
    )];
    assert_eq!(
        clock.due(received, d(2, Unit::BusinessDays), &closed),
        Ok(t("2027-03-03T18:00:00+08:00"))
    );
    let reversed = [(pause[0].1, pause[0].0)];
    assert!(matches!(
        clock.due(received, d(2, Unit::Hours), &reversed),
        Err(ClockError::PauseReversed { .. })
    ));
}

#[test]
fn business_day_pause_uses_the_unpaused_budget() {
    let clock = business();
    // Mon 10:00 + 2 business days = Wed 18:00, a budget of 7 + 8 + 8 hours.
    // Pausing all of Tuesday's 8 open hours moves it a whole day: Thu 18:00.
    let pause = [(
        t("2027-03-02T00:00:00+08:00"),
        t("2027-03-03T00:00:00+08:00"),
    )];
    assert_eq!(
        clock.due(
            t("2027-03-01T10:00:00+08:00"),
            d(2, Unit::BusinessDays),
            &pause
        ),
        Ok(t("2027-03-04T18:00:00+08:00"))
    );
}

#[test]
fn hours_rule_and_same_time_rule() {
    let c = acme();
    let calendar = c.calendar(&CalendarId("business".into()));
    let hours = Clock::new(calendar, BusinessDayRule::Hours { minutes: 8 * 60 });
    assert_eq!(
        hours.due(
            t("2027-03-01T17:30:00+08:00"),
            d(1, Unit::BusinessDays),
            &[]
        ),
        Ok(t("2027-03-02T17:30:00+08:00"))
    );
    let same = Clock::new(calendar, BusinessDayRule::SameTime);
    // Received during lunch: rolls to 13:00, then 13:00 two business days on.
    assert_eq!(
        same.due(
            t("2027-03-01T12:10:00+08:00"),
            d(2, Unit::BusinessDays),
            &[]
        ),
        Ok(t("2027-03-03T13:00:00+08:00"))
    );
    // Friday 17:00 + 1 business day = Monday 17:00.
    assert_eq!(
        same.due(
            t("2027-03-05T17:00:00+08:00"),
            d(1, Unit::BusinessDays),
            &[]
        ),
        Ok(t("2027-03-08T17:00:00+08:00"))
    );
}

#[test]
fn elapsed_clocks_and_unit_errors() {
    let c = acme();
    let always = Clock::new(c.calendar(&CalendarId("always".into())), c.business_day);
    assert!(always.is_elapsed());
    assert_eq!(always.zone(), chrono_tz::Asia::Shanghai);
    assert_eq!(
        always.due(t("2027-03-01T23:50:00+08:00"), d(1, Unit::Days), &[]),
        Ok(t("2027-03-02T23:50:00+08:00"))
    );
    assert_eq!(
        always.due(
            t("2027-03-01T23:50:00+08:00"),
            d(2, Unit::BusinessDays),
            &[]
        ),
        Err(ClockError::BusinessDaysOn24x7)
    );
    assert!(matches!(
        business().due(t("2027-03-01T10:00:00+08:00"), d(1, Unit::Days), &[]),
        Err(ClockError::DaysOnBusinessClock { .. })
    ));
    assert_eq!(
        business().due(t("2027-03-01T10:00:00+08:00"), d(0, Unit::Hours), &[]),
        Err(ClockError::ZeroTarget { unit: Unit::Hours })
    );
    assert_eq!(Clock::new(None, c.business_day).zone(), Tz::UTC);
}

#[test]
fn a_calendar_that_never_opens_again_is_an_error() {
    let mut c = acme();
    let calendar = &mut c.calendars[0];
    calendar.weekly = Default::default();
    // The set's make-up days open on the (now empty) weekday hours: one day
    // of the calendar's own, 2026-10-10 09:00-18:00, is the only open day.
    calendar.open = vec![crate::model::OpenDay {
        date: chrono::NaiveDate::from_ymd_opt(2026, 10, 10).unwrap(),
        spans: vec![crate::model::TimeSpan {
            start: crate::model::TimeOfDay(9 * 60),
            end: crate::model::TimeOfDay(18 * 60),
        }],
        note: None,
    }];
    let clock = Clock::new(Some(calendar), c.business_day);
    assert_eq!(
        clock.due(t("2026-10-10T08:00:00+08:00"), d(9, Unit::Hours), &[]),
        Ok(t("2026-10-10T18:00:00+08:00"))
    );
    assert!(matches!(
        clock.due(t("2026-10-11T08:00:00+08:00"), d(1, Unit::Hours), &[]),
        Err(ClockError::NoDueTime { .. })
    ));
    assert!(matches!(
        clock.due(t("2500-01-01T00:00:00Z"), d(1, Unit::Hours), &[]),
        Err(ClockError::OutOfRange { .. })
    ));
}

#[test]
fn due_times_of_the_example_and_placeholders() {
    let mut c = acme();
    let p2 = c.priority("P2").unwrap().clone();
    let times = due_times(&c, &p2, t("2027-03-01T17:30:00+08:00"), &[]).unwrap();
    assert_eq!(times.response.at, t("2027-03-02T10:30:00+08:00"));
    assert_eq!(times.resolution.at, t("2027-03-03T18:00:00+08:00"));
    assert!(times.resolution.or_workaround);
    assert_eq!(times.clock, Some(CalendarId("business".into())));

    let p4 = &mut c.priorities[3];
    p4.resolution.within = Fill::Placeholder("X个工作日".into());
    let p4 = p4.clone();
    assert!(matches!(
        due_times(&c, &p4, t("2027-03-01T17:30:00+08:00"), &[]),
        Err(ClockError::Placeholder {
            kind: TargetKind::Resolution,
            ..
        })
    ));
}

#[test]
fn many_queries_reuse_one_timeline() {
    let clock = business();
    let start = t("2027-01-01T00:00:00+08:00");
    let mut last = start;
    for i in 0..2000 {
        let received = start + TimeDelta::minutes(i * 263);
        let due = clock.due(received, d(3, Unit::BusinessDays), &[]).unwrap();
        assert!(due >= last && due > received);
        last = due;
    }
}

#[test]
fn unpaused_open_time_counts_overlapping_pauses_once() {
    let clock = business();
    let ms = |s: &str| t(s).timestamp_millis();
    let received = "2027-03-01T10:00:00+08:00";
    let paused = [
        // Before the receipt: only 10:00-10:15 counts.
        ("2027-03-01T09:00:00+08:00", "2027-03-01T10:15:00+08:00"),
        // Two overlapping pauses: 10:30-12:30 once, 1.5 open hours.
        ("2027-03-01T10:30:00+08:00", "2027-03-01T11:30:00+08:00"),
        ("2027-03-01T11:00:00+08:00", "2027-03-01T12:30:00+08:00"),
        // Past the event: only 14:30-15:00 counts.
        ("2027-03-01T14:30:00+08:00", "2027-03-01T16:00:00+08:00"),
    ];
    let millis: Vec<(i64, i64)> = paused.iter().map(|(a, b)| (ms(a), ms(b))).collect();
    let open = clock
        .unpaused_open_millis(ms(received), ms("2027-03-01T15:00:00+08:00"), &millis)
        .unwrap();
    // 4 open hours (10-12, 13-15) less 15 + 90 + 30 paused minutes.
    assert_eq!(open, 105 * 60_000);
    // Due times agree: that much open time runs out at 14:30, when the last
    // pause starts (the event at 15:00 is still within it).
    let times: Vec<_> = paused.iter().map(|(a, b)| (t(a), t(b))).collect();
    let due = clock.due(t(received), d(105, Unit::Minutes), &times);
    assert_eq!(due, Ok(t("2027-03-01T14:30:00+08:00")));
}

/// 10,000 business days on a calendar open one hour a year (a make-up
/// hour each June, 2027 to 2199) end with an error at the horizon, quickly,
/// under every business-day rule: the clock never walks day by day.
#[test]
fn a_target_past_the_horizon_is_an_error_not_a_hang() {
    let mut c = acme();
    let calendar = &mut c.calendars[0];
    calendar.weekly = Default::default();
    calendar.closed = Vec::new();
    calendar.open = (2027..2200)
        .filter_map(|year| chrono::NaiveDate::from_ymd_opt(year, 6, 1))
        .map(|date| crate::model::OpenDay {
            date,
            spans: vec![crate::model::TimeSpan {
                start: crate::model::TimeOfDay(9 * 60),
                end: crate::model::TimeOfDay(10 * 60),
            }],
            note: None,
        })
        .collect();
    let started = std::time::Instant::now();
    for rule in [
        BusinessDayRule::EndsAtClose,
        BusinessDayRule::SameTime,
        BusinessDayRule::Hours { minutes: 60 },
    ] {
        let clock = Clock::new(Some(calendar), rule);
        for unit in [Unit::BusinessDays, Unit::Hours] {
            let due = clock.due(t("2027-03-01T10:00:00+08:00"), d(10_000, unit), &[]);
            assert!(
                matches!(due, Err(ClockError::NoDueTime { .. })),
                "{rule:?} {unit:?}: {due:?}"
            );
        }
    }
    assert!(started.elapsed() < std::time::Duration::from_secs(10));
}

#[test]
fn open_intervals_add_up_to_open_time() {
    let clock = business();
    let (from, to) = (
        t("2027-03-01T17:30:00+08:00").timestamp_millis(),
        t("2027-03-03T10:00:00+08:00").timestamp_millis(),
    );
    let spans = clock.open_intervals(from, to).unwrap();
    assert_eq!(
        spans,
        vec![
            (from, t("2027-03-01T18:00:00+08:00").timestamp_millis()),
            (
                t("2027-03-02T09:00:00+08:00").timestamp_millis(),
                t("2027-03-02T12:00:00+08:00").timestamp_millis()
            ),
            (
                t("2027-03-02T13:00:00+08:00").timestamp_millis(),
                t("2027-03-02T18:00:00+08:00").timestamp_millis()
            ),
            (t("2027-03-03T09:00:00+08:00").timestamp_millis(), to),
        ]
    );
    let total: i64 = spans.iter().map(|(a, b)| b - a).sum();
    assert_eq!(total, clock.open_millis(from, to).unwrap());
    let elapsed = Clock::new(None, BusinessDayRule::EndsAtClose);
    assert_eq!(elapsed.open_intervals(from, to).unwrap(), vec![(from, to)]);
    assert!(clock.open_intervals(to, from).unwrap().is_empty());
}

#[test]
fn join_intervals_sorts_and_joins_overlapping_touching_and_nested_ones() {
    let mut intervals = vec![(9, 9), (5, 7), (1, 3), (2, 4), (7, 8), (10, 20), (12, 15)];
    join_intervals(&mut intervals);
    assert_eq!(intervals, vec![(1, 4), (5, 8), (9, 9), (10, 20)]);
    let mut none: Vec<(i64, i64)> = Vec::new();
    join_intervals(&mut none);
    assert!(none.is_empty());
}

#[test]
fn every_clock_error_has_chinese_words_of_its_own() {
    use crate::model::{CalendarId, PriorityId, TargetKind};
    let calendar = || CalendarId("office".into());
    let errors = [
        ClockError::Placeholder {
            priority: PriorityId("P4".into()),
            kind: TargetKind::Resolution,
            text: "X个工作日".into(),
        },
        ClockError::ZeroTarget {
            unit: Unit::BusinessDays,
        },
        ClockError::BusinessDaysOn24x7,
        ClockError::DaysOnBusinessClock {
            calendar: calendar(),
        },
        ClockError::UnknownCalendar(calendar()),
        ClockError::PauseReversed {
            from: t("2027-03-01T11:00:00Z"),
            to: t("2027-03-01T10:00:00Z"),
        },
        ClockError::OutOfRange { at: i64::MAX },
        ClockError::NoDueTime {
            calendar: calendar(),
            received: t("2027-03-01T10:00:00Z"),
        },
    ];
    let mut seen = std::collections::HashSet::new();
    for e in &errors {
        let zh = e.chinese();
        assert!(seen.insert(zh.clone()), "two errors read alike: {zh}");
        assert!(
            zh.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{zh}"
        );
        assert_ne!(zh, e.to_string());
        for english in ["the ", " is ", " not ", "calendar `"] {
            assert!(!zh.contains(english), "English left in {zh}");
        }
    }
    assert_eq!(
        errors[0].chinese(),
        "P4 的解决时限仍是占位符“[X个工作日]”：填写后才能计算到期时间"
    );
    assert!(errors[5]
        .chinese()
        .contains("2027-03-01T11:00:00Z / 2027-03-01T10:00:00Z"));
}
