//! A deliberately naive SLA clock: it marks every open minute of a window in
//! a bitmap and walks it minute by minute. It shares no code with
//! `slac::clock` — not even the DST rule, which it finds by scanning the
//! instants whose local time is the wall time wanted — so that agreeing
//! with it means something.
//!
//! Times are whole minutes since the Unix epoch.

use chrono::{DateTime, Duration as Delta, NaiveDate, NaiveDateTime, Utc};
use chrono_tz::Tz;
use slac::model::{BusinessDayRule, Calendar, Duration, Unit};
use std::collections::BTreeMap;

pub fn minute_of(t: DateTime<Utc>) -> i64 {
    t.timestamp().div_euclid(60)
}

pub fn instant(minute: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(minute * 60, 0).unwrap()
}

fn local(zone: Tz, minute: i64) -> NaiveDateTime {
    instant(minute).with_timezone(&zone).naive_local()
}

fn naive_minutes(ndt: NaiveDateTime) -> i64 {
    ndt.and_utc().timestamp().div_euclid(60)
}

/// The "compatible" instant of a wall time, by brute force: every UTC
/// offset in use is a multiple of 15 minutes within ±15 h, so the instants
/// with this local time are among 121 candidates. None: a gap — then the
/// wall time moved forward by the gap's length.
pub fn compatible(zone: Tz, wall: NaiveDateTime) -> i64 {
    let w = naive_minutes(wall);
    let candidates: Vec<i64> = (-60..=60).map(|k| w + k * 15).collect();
    if let Some(&u) = candidates.iter().find(|&&u| local(zone, u) == wall) {
        return u;
    }
    // The first candidate past the gap, and the gap's length from the jump
    // of local time between two neighbouring candidates.
    let after = *candidates.iter().find(|&&u| local(zone, u) > wall).unwrap();
    let jump = naive_minutes(local(zone, after)) - naive_minutes(local(zone, after - 15));
    let gap = jump - 15;
    let shifted = wall + Delta::minutes(gap);
    let offset_after = naive_minutes(local(zone, after)) - after;
    naive_minutes(shifted) - offset_after
}

pub struct Naive {
    zone: Tz,
    /// First minute of the window.
    origin: i64,
    open: Vec<bool>,
    /// Each date's own spans as instants (overnight spans under their start day).
    spans: BTreeMap<NaiveDate, Vec<(i64, i64)>>,
}

impl Naive {
    /// Marks the open minutes of `[from, from + days)` (and the dates around).
    pub fn new(calendar: &Calendar, from: i64, days: i64) -> Naive {
        let zone = calendar.timezone;
        let len = (days * 1440) as usize;
        let mut open = vec![false; len];
        let mut spans = BTreeMap::new();
        let first = local(zone, from).date() - Delta::days(3);
        let last = local(zone, from + days * 1440).date() + Delta::days(3);
        let mut date = first;
        while date <= last {
            let mut mine = Vec::new();
            for span in calendar.spans_on(date) {
                let start_wall = date.and_hms_opt(0, 0, 0).unwrap()
                    + Delta::minutes(i64::from(span.start.minutes()));
                let end_day = if span.end <= span.start {
                    date + Delta::days(1)
                } else {
                    date
                };
                let end_wall = end_day.and_hms_opt(0, 0, 0).unwrap()
                    + Delta::minutes(i64::from(span.end.minutes()));
                let (s, e) = (compatible(zone, start_wall), compatible(zone, end_wall));
                for m in s..e {
                    if let Some(slot) = m.checked_sub(from).and_then(|i| open.get_mut(i as usize)) {
                        *slot = true;
                    }
                }
                if e > s {
                    mine.push((s, e));
                }
            }
            spans.insert(date, mine);
            date += Delta::days(1);
        }
        Naive {
            zone,
            origin: from,
            open,
            spans,
        }
    }

    /// Whether minute `m` is open; `None` outside the window.
    pub fn is_open(&self, m: i64) -> Option<bool> {
        let i = usize::try_from(m - self.origin).ok()?;
        self.open.get(i).copied()
    }

    /// Open minutes in `[a, b)`.
    pub fn open_minutes(&self, a: i64, b: i64) -> Option<i64> {
        let mut n = 0;
        for m in a..b {
            n += i64::from(self.is_open(m)?);
        }
        Some(n)
    }

    fn unpaused_open(&self, m: i64, pauses: &[(i64, i64)]) -> Option<bool> {
        Some(self.is_open(m)? && !pauses.iter().any(|&(a, b)| a <= m && m < b))
    }

    /// Walks minute by minute until `budget` open unpaused minutes passed.
    fn walk(&self, from: i64, budget: i64, pauses: &[(i64, i64)]) -> Option<i64> {
        let (mut m, mut counted) = (from, 0);
        while counted < budget {
            counted += i64::from(self.unpaused_open(m, pauses)?);
            m += 1;
        }
        Some(m)
    }

    fn business_days_after(
        &self,
        date: NaiveDate,
    ) -> impl Iterator<Item = (&NaiveDate, &Vec<(i64, i64)>)> {
        self.spans
            .range(date + Delta::days(1)..)
            .filter(|(_, spans)| !spans.is_empty())
    }

    pub fn due(
        &self,
        received: i64,
        within: Duration,
        rule: BusinessDayRule,
        pauses: &[(i64, i64)],
    ) -> Option<i64> {
        let n = i64::from(within.amount);
        let unpaused = match (within.unit, rule) {
            (Unit::Minutes, _) => return self.walk(received, n, pauses),
            (Unit::Hours, _) => return self.walk(received, n * 60, pauses),
            (Unit::BusinessDays, BusinessDayRule::Hours { minutes }) => {
                return self.walk(received, n * i64::from(minutes), pauses)
            }
            (Unit::BusinessDays, BusinessDayRule::EndsAtClose) => {
                let day = local(self.zone, received).date();
                let (_, spans) = self
                    .business_days_after(day)
                    .nth(within.amount as usize - 1)?;
                let mut close = spans.iter().map(|&(_, e)| e).max()?;
                // Open on past the close through any span overlapping it.
                while let Some(e) = self
                    .spans
                    .values()
                    .flatten()
                    .filter(|&&(s, e)| s < close && close < e)
                    .map(|&(_, e)| e)
                    .max()
                {
                    close = e;
                }
                close
            }
            (Unit::BusinessDays, BusinessDayRule::SameTime) => {
                let mut start = received;
                while !self.is_open(start)? {
                    start += 1;
                }
                let today = local(self.zone, start).date();
                let holds = |d: NaiveDate| {
                    self.spans
                        .get(&d)
                        .is_some_and(|v| v.iter().any(|&(s, e)| s <= start && start < e))
                };
                let day = if holds(today) {
                    today
                } else {
                    today - Delta::days(1)
                };
                let wall = local(self.zone, start) - day.and_hms_opt(0, 0, 0).unwrap();
                let (target_day, _) = self
                    .business_days_after(day)
                    .nth(within.amount as usize - 1)?;
                let mut due =
                    compatible(self.zone, target_day.and_hms_opt(0, 0, 0).unwrap() + wall);
                while !self.is_open(due)? {
                    due += 1;
                }
                due
            }
            (Unit::Days, _) => return None,
        };
        let paused: i64 = (received..unpaused)
            .map(|m| {
                self.is_open(m)
                    .map(|open| i64::from(open && pauses.iter().any(|&(a, b)| a <= m && m < b)))
            })
            .sum::<Option<i64>>()?;
        if paused == 0 {
            return Some(unpaused);
        }
        let budget = self.open_minutes(received, unpaused)?;
        self.walk(received, budget, pauses)
    }
}
