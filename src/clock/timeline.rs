//! A calendar as sorted, merged open intervals in UTC with running totals of
//! open time, built once over whole UTC years and widened on demand.
//!
//! Every query is a binary search: the open time between two instants is two
//! look-ups of the running total, and the instant where a budget of open time
//! runs out is one search over it. Nothing walks minute by minute.
//!
//! A query never reads past what was built: each returns `None` when it
//! would need time beyond the built range, and the caller widens the range
//! and asks again.

use super::local;
use super::ClockError;
use crate::model::Calendar;
use chrono::{DateTime, Datelike, NaiveDate, Utc};

/// The first and last UTC years the clock works in.
pub(crate) const FIRST_YEAR: i32 = 1900;
pub(crate) const LAST_YEAR: i32 = 2200;

/// A business day: a date with open time, and the close of its last span
/// (the latest end of its spans, overnight ones ending the next day, and
/// later when an overlapping span keeps the calendar open past it).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Day {
    pub date: NaiveDate,
    pub close: i64,
}

#[derive(Debug, Clone)]
pub(crate) struct Timeline {
    calendar: Calendar,
    /// The UTC years built, inclusive; `None` before the first query.
    years: Option<(i32, i32)>,
    /// Queries are exact for instants in `[lo, hi)`.
    lo: i64,
    hi: i64,
    /// Merged open intervals `[starts[i], ends[i])`, sorted and disjoint
    /// (overlapping spans are merged; touching ones may stay apart).
    starts: Vec<i64>,
    ends: Vec<i64>,
    /// Open time from the start of the timeline to `ends[i]`.
    cum_end: Vec<i64>,
    /// Business days of every built date, by date.
    days: Vec<Day>,
}

/// The UTC year of an instant, if the clock supports it.
pub(crate) fn year_of(at: i64) -> Result<i32, ClockError> {
    let year = DateTime::<Utc>::from_timestamp_millis(at).map(|t| t.year());
    match year {
        Some(y) if (FIRST_YEAR..=LAST_YEAR).contains(&y) => Ok(y),
        _ => Err(ClockError::OutOfRange { at }),
    }
}

fn new_year(year: i32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, 1, 1)
}

impl Timeline {
    pub(crate) fn new(calendar: &Calendar) -> Timeline {
        Timeline {
            calendar: calendar.clone(),
            years: None,
            lo: 0,
            hi: 0,
            starts: Vec::new(),
            ends: Vec::new(),
            cum_end: Vec::new(),
            days: Vec::new(),
        }
    }

    pub(crate) fn calendar(&self) -> &Calendar {
        &self.calendar
    }

    /// The last UTC year built, if any.
    pub(crate) fn last_year(&self) -> Option<i32> {
        self.years.map(|(_, last)| last)
    }

    /// Makes the built range cover the UTC years `first..=last` (and what
    /// it covered before). Rebuilding whole is simple and rare: ranges grow
    /// by whole years and queries cluster.
    pub(crate) fn ensure(&mut self, first: i32, last: i32) -> Result<(), ClockError> {
        let (first, last) = match self.years {
            Some((a, b)) if a <= first && last <= b => return Ok(()),
            Some((a, b)) => (a.min(first), b.max(last)),
            None => (first, last),
        };
        let first = first.max(FIRST_YEAR);
        let last = last.min(LAST_YEAR);
        self.build(first, last)
    }

    fn build(&mut self, first: i32, last: i32) -> Result<(), ClockError> {
        let zone = self.calendar.timezone;
        let bad = || ClockError::OutOfRange { at: 0 };
        let lo_date = new_year(first).ok_or_else(bad)?;
        let hi_date = new_year(last + 1).ok_or_else(bad)?;
        // Instants of UTC years first..=last have local dates within a day
        // of them (offsets are under ±26 h); a date's spans end by the next
        // day's end; so these dates give every span touching those years.
        let from = lo_date - chrono::Days::new(2);
        let to = hi_date + chrono::Days::new(1);

        let spans_on = self.calendar.days(from, to);
        let mut raw: Vec<(i64, i64)> = Vec::new();
        let mut days = Vec::new();
        let mut date = from;
        while date <= to {
            let mut close: Option<i64> = None;
            for &span in spans_on.spans_on(date) {
                let (s, e) = local::span_instants(zone, date, span).ok_or_else(bad)?;
                if e > s {
                    raw.push((s, e));
                    close = Some(close.map_or(e, |c: i64| c.max(e)));
                }
            }
            if let Some(close) = close {
                days.push(Day { date, close });
            }
            date = date.succ_opt().ok_or_else(bad)?;
        }
        raw.sort_unstable();

        // Union: an overnight span overlapping the next day's spans is
        // counted once (docs/clock.md). Spans that only touch stay apart,
        // so that a day ending at 24:00 still closes at midnight.
        let mut starts: Vec<i64> = Vec::with_capacity(raw.len());
        let mut ends: Vec<i64> = Vec::with_capacity(raw.len());
        for (s, e) in raw {
            match ends.last_mut() {
                Some(last_end) if s < *last_end => *last_end = (*last_end).max(e),
                _ => {
                    starts.push(s);
                    ends.push(e);
                }
            }
        }
        // A day's close is the end of the open period its last span is part
        // of: when the span lies inside the previous day's overnight span,
        // the calendar is open until that one ends. This keeps due times
        // monotone in the number of days.
        for day in &mut days {
            let i = starts.partition_point(|&s| s < day.close);
            if let Some(end) = i.checked_sub(1).and_then(|j| ends.get(j)) {
                day.close = day.close.max(*end);
            }
        }
        let mut total = 0;
        let cum_end = starts
            .iter()
            .zip(&ends)
            .map(|(s, e)| {
                total += e - s;
                total
            })
            .collect();

        self.years = Some((first, last));
        self.lo = lo_date
            .and_hms_opt(0, 0, 0)
            .ok_or_else(bad)?
            .and_utc()
            .timestamp_millis();
        self.hi = hi_date
            .and_hms_opt(0, 0, 0)
            .ok_or_else(bad)?
            .and_utc()
            .timestamp_millis();
        self.starts = starts;
        self.ends = ends;
        self.cum_end = cum_end;
        self.days = days;
        Ok(())
    }

    /// True when queries at `at` are exact.
    pub(crate) fn covers(&self, at: i64) -> bool {
        self.lo <= at && at < self.hi
    }

    /// Open time from the start of the timeline to `at`.
    fn cum_at(&self, at: i64) -> i64 {
        let i = self.starts.partition_point(|&s| s <= at);
        // `ends` and `cum_end` hold one entry per start.
        let j = i.checked_sub(1);
        let (Some(&end), Some(&cum)) = (
            j.and_then(|j| self.ends.get(j)),
            j.and_then(|j| self.cum_end.get(j)),
        ) else {
            return 0;
        };
        if at >= end {
            cum
        } else {
            cum - (end - at)
        }
    }

    /// Open time in `[from, to)`, if both are covered.
    pub(crate) fn open_between(&self, from: i64, to: i64) -> Option<i64> {
        if to <= from {
            return Some(0);
        }
        (self.covers(from) && self.covers(to)).then(|| self.cum_at(to) - self.cum_at(from))
    }

    /// The open intervals within `[from, to)`, clipped to it, if both are
    /// covered: what open time is made of, for callers that intersect it
    /// with other intervals (availability, `slac eval --outages`).
    pub(crate) fn open_within(&self, from: i64, to: i64) -> Option<Vec<(i64, i64)>> {
        if to <= from {
            return Some(Vec::new());
        }
        if !(self.covers(from) && self.covers(to)) {
            return None;
        }
        let first = self.ends.partition_point(|&e| e <= from);
        let last = self.starts.partition_point(|&s| s < to);
        let starts = self.starts.get(first..last)?;
        let ends = self.ends.get(first..last)?;
        Some(
            starts
                .iter()
                .zip(ends)
                .map(|(&s, &e)| (s.max(from), e.min(to)))
                .filter(|(s, e)| e > s)
                .collect(),
        )
    }

    /// The earliest instant `t` with `budget` of open time in `[from, t)`:
    /// for a budget that runs out exactly at a close, that close.
    pub(crate) fn advance(&self, from: i64, budget: i64) -> Option<i64> {
        if !self.covers(from) {
            return None;
        }
        if budget <= 0 {
            return Some(from);
        }
        let target = self.cum_at(from) + budget;
        let j = self.cum_end.partition_point(|&c| c < target);
        let t = self.ends.get(j)? - (self.cum_end.get(j)? - target);
        self.covers(t).then_some(t)
    }

    /// True when the calendar is open at `at` (an open span includes its
    /// start and excludes its end).
    pub(crate) fn is_open(&self, at: i64) -> bool {
        let i = self.starts.partition_point(|&s| s <= at);
        i.checked_sub(1)
            .and_then(|j| self.ends.get(j))
            .is_some_and(|&end| at < end)
    }

    /// `at` if open then, else the next opening.
    pub(crate) fn next_open(&self, at: i64) -> Option<i64> {
        if !self.covers(at) {
            return None;
        }
        let i = self.starts.partition_point(|&s| s <= at);
        if i.checked_sub(1)
            .and_then(|j| self.ends.get(j))
            .is_some_and(|&end| at < end)
        {
            return Some(at);
        }
        let next = *self.starts.get(i)?;
        self.covers(next).then_some(next)
    }

    /// The `n`-th business day strictly after `date` (`n >= 1`), if built.
    pub(crate) fn nth_business_day_after(&self, date: NaiveDate, n: u32) -> Option<Day> {
        let first = self.days.partition_point(|d| d.date <= date);
        let index = first
            .checked_add(usize::try_from(n).ok()?)?
            .checked_sub(1)?;
        let day = *self.days.get(index)?;
        self.covers(day.close).then_some(day)
    }

    /// The date whose own span holds the open instant `at`: its local date,
    /// or the day before when `at` is in that day's overnight span (§5: an
    /// overnight span belongs to the day it starts on).
    pub(crate) fn span_day_of(&self, at: i64) -> Option<NaiveDate> {
        let zone = self.calendar.timezone;
        let today = local::to_local(zone, at)?.date();
        let holds = |date: NaiveDate| {
            self.calendar.spans_on(date).iter().any(|&span| {
                local::span_instants(zone, date, span).is_some_and(|(s, e)| s <= at && at < e)
            })
        };
        if holds(today) {
            return Some(today);
        }
        today.pred_opt().filter(|&d| holds(d)).or(Some(today))
    }
}
