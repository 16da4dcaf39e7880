//! A calendar as sorted, merged open intervals in UTC with running totals of
//! open time, built once over whole UTC years and widened on demand.
//!
//! Every query is a look-up: the interval of an instant comes from a
//! per-UTC-day index and a search among that day's intervals, the open time
//! between two instants is two look-ups of the running total, and the
//! instant where a budget of open time runs out is a gallop over it from
//! the receipt's interval. Nothing walks minute by minute.
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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Day {
    pub date: NaiveDate,
    /// The first instant of `date` ([`local::date_start`]), when the
    /// timeline's dates only move forward.
    pub start: i64,
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
    /// Per UTC day `k` of `[lo, hi)`: how many intervals start at or
    /// before `lo + k` days, so that finding the interval of an instant is
    /// a lookup and a search among that day's few intervals, not a binary
    /// search over years of them. One more entry than days, for `hi`.
    starts_by_day: Vec<u32>,
    /// Business days of every built date, by date.
    days: Vec<Day>,
    /// True when no midnight of the built dates happens twice: then an
    /// instant is on a date from that date's first instant on, and the
    /// business days after an instant's date are found by instant.
    dates_move_forward: bool,
}

/// The UTC year of an instant, if the clock supports it.
pub(crate) fn year_of(at: i64) -> Result<i32, ClockError> {
    let year = DateTime::<Utc>::from_timestamp_millis(at).map(|t| t.year());
    match year {
        Some(y) if (FIRST_YEAR..=LAST_YEAR).contains(&y) => Ok(y),
        _ => Err(ClockError::OutOfRange { at }),
    }
}

/// Milliseconds in a day.
const DAY: i64 = 86_400_000;

/// [`Timeline::starts_by_day`] for sorted `starts` over `[lo, hi)`.
fn starts_by_day(starts: &[i64], lo: i64, hi: i64) -> Option<Vec<u32>> {
    let days = usize::try_from((hi - lo).div_euclid(DAY)).ok()?;
    let mut by_day = Vec::with_capacity(days + 2);
    let mut i = 0;
    for k in 0..=days + 1 {
        let day_start = lo + i64::try_from(k).ok()? * DAY;
        while starts.get(i).is_some_and(|&s| s <= day_start) {
            i += 1;
        }
        by_day.push(u32::try_from(i).ok()?);
    }
    Some(by_day)
}

/// The first index at or after `from` whose `cum` reaches `target`
/// (`cum` is sorted): `cum.len()` when none does. Gallops from `from`, then
/// searches the last step, so a nearby answer takes a few comparisons.
fn first_reaching(cum: &[i64], from: usize, target: i64) -> usize {
    let reaches = |j: usize| cum.get(j).is_none_or(|&c| c >= target);
    if reaches(from) {
        return from.min(cum.len());
    }
    // `cum[lo] < target` throughout.
    let (mut lo, mut step) = (from, 1usize);
    while !reaches(lo.saturating_add(step)) {
        lo = lo.saturating_add(step);
        step = step.saturating_mul(2);
    }
    let hi = lo.saturating_add(step).min(cum.len());
    lo + 1
        + cum
            .get(lo + 1..hi)
            .map_or(0, |part| part.partition_point(|&c| c < target))
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
            starts_by_day: Vec::new(),
            days: Vec::new(),
            dates_move_forward: false,
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
        let mut dates_move_forward = true;
        let mut date = from;
        while date <= to {
            let start = local::date_start(zone, date);
            dates_move_forward &= start.is_some();
            let mut close: Option<i64> = None;
            for &span in spans_on.spans_on(date) {
                let (s, e) = local::span_instants(zone, date, span).ok_or_else(bad)?;
                if e > s {
                    raw.push((s, e));
                    close = Some(close.map_or(e, |c: i64| c.max(e)));
                }
            }
            if let Some(close) = close {
                let start = start.unwrap_or(i64::MIN);
                days.push(Day { date, start, close });
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
        self.starts_by_day = starts_by_day(&starts, self.lo, self.hi).ok_or_else(bad)?;
        self.starts = starts;
        self.ends = ends;
        self.cum_end = cum_end;
        self.days = days;
        self.dates_move_forward = dates_move_forward;
        Ok(())
    }

    /// True when queries at `at` are exact.
    pub(crate) fn covers(&self, at: i64) -> bool {
        self.lo <= at && at < self.hi
    }

    /// How many intervals start at or before `at`: `starts.partition_point(|&s| s <= at)`,
    /// searched only among the intervals that start on `at`'s UTC day when
    /// `at` is covered.
    fn starts_up_to(&self, at: i64) -> usize {
        let bounds = self.covers(at).then(|| {
            let day = usize::try_from((at - self.lo) / DAY).ok()?;
            let from = usize::try_from(*self.starts_by_day.get(day)?).ok()?;
            let to = usize::try_from(*self.starts_by_day.get(day + 1)?).ok()?;
            Some((from, self.starts.get(from..to)?))
        });
        match bounds.flatten() {
            Some((from, day)) => from + day.partition_point(|&s| s <= at),
            None => self.starts.partition_point(|&s| s <= at),
        }
    }

    /// Open time from the start of the timeline to `at`.
    fn cum_at(&self, at: i64) -> i64 {
        self.cum_at_with(at, self.starts_up_to(at))
    }

    /// [`Self::cum_at`] given `i`, the [`Self::starts_up_to`] of `at`.
    fn cum_at_with(&self, at: i64, i: usize) -> i64 {
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
        let i = self.starts_up_to(from);
        let target = self.cum_at_with(from, i) + budget;
        // The interval where the budget runs out is at or after the one
        // `from` is in, and for most targets a few intervals on: gallop.
        let j = first_reaching(&self.cum_end, i.saturating_sub(1), target);
        let t = self.ends.get(j)? - (self.cum_end.get(j)? - target);
        self.covers(t).then_some(t)
    }

    /// True when the calendar is open at `at` (an open span includes its
    /// start and excludes its end).
    pub(crate) fn is_open(&self, at: i64) -> bool {
        let i = self.starts_up_to(at);
        i.checked_sub(1)
            .and_then(|j| self.ends.get(j))
            .is_some_and(|&end| at < end)
    }

    /// `at` if open then, else the next opening.
    pub(crate) fn next_open(&self, at: i64) -> Option<i64> {
        if !self.covers(at) {
            return None;
        }
        let i = self.starts_up_to(at);
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
        self.nth_business_day_from(self.days.partition_point(|d| d.date <= date), n)
    }

    /// The `n`-th business day strictly after the local date of `at`
    /// (`n >= 1`), if built: found by instant where dates only move forward
    /// (a later date starts after `at` exactly when it is after `at`'s
    /// date), else through `at`'s local date.
    pub(crate) fn nth_business_day_after_date_of(&self, at: i64, n: u32) -> Option<Day> {
        if self.dates_move_forward && self.covers(at) {
            return self.nth_business_day_from(self.days.partition_point(|d| d.start <= at), n);
        }
        let date = local::to_local(self.calendar.timezone, at)?.date();
        self.nth_business_day_after(date, n)
    }

    /// The `n`-th business day counting `days[first]` as the first.
    fn nth_business_day_from(&self, first: usize, n: u32) -> Option<Day> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::example::acme;

    #[test]
    fn galloping_finds_what_a_binary_search_finds() {
        let cum: Vec<i64> = (0..300).map(|k| k * k / 7).collect();
        for from in 0..cum.len() {
            for target in [
                -1, 0, 1, 5, 6, 7, 100, 5_000, 12_000, 12_814, 12_815, 99_999,
            ] {
                let want = cum.partition_point(|&c| c < target).max(from);
                assert_eq!(first_reaching(&cum, from, target), want, "{from} {target}");
            }
        }
        assert_eq!(first_reaching(&[], 0, 5), 0);
    }

    #[test]
    fn the_day_index_finds_what_a_binary_search_finds() {
        let contract = acme();
        let ids: Vec<&str> = contract.calendars.iter().map(|c| c.id.as_str()).collect();
        assert!(
            ids.contains(&"business") && ids.contains(&"night"),
            "{ids:?}"
        );
        for calendar in &contract.calendars {
            let id = calendar.id.as_str();
            let mut timeline = Timeline::new(calendar);
            timeline.ensure(2026, 2028).unwrap();
            // Every 7 minutes 13 seconds over the three years, and the
            // instants just before, at and after each start and end.
            let mut probes: Vec<i64> = (timeline.lo..timeline.hi).step_by(433_000).collect();
            for &edge in timeline.starts.iter().chain(&timeline.ends) {
                probes.extend([edge - 1, edge, edge + 1]);
            }
            assert!(probes.len() > 200_000, "{id}: {} probes", probes.len());
            for at in probes.into_iter().filter(|&at| timeline.covers(at)) {
                let want = timeline.starts.partition_point(|&s| s <= at);
                assert_eq!(timeline.starts_up_to(at), want, "{id} at {at}");
            }
        }
    }
}

#[cfg(test)]
mod date_tests {
    use super::*;
    use crate::model::example::acme;

    /// Business days found by instant agree with those found through the
    /// local date, in zones whose midnights are skipped (São Paulo's old
    /// DST, Apia's lost day of 2011) or happen twice (Havana's fall-back).
    #[test]
    fn business_days_by_instant_are_those_by_local_date() {
        let contract = acme();
        let zones = [
            "Asia/Shanghai",
            "America/Sao_Paulo",
            "Pacific/Apia",
            "America/Havana",
            "America/Santiago",
            "Australia/Lord_Howe",
        ];
        let mut by_instant = 0;
        for calendar in &contract.calendars {
            for zone in zones {
                for (first, last) in [(2010, 2012), (2026, 2027)] {
                    let mut calendar = calendar.clone();
                    calendar.timezone = zone.parse().unwrap();
                    let mut timeline = Timeline::new(&calendar);
                    timeline.ensure(first, last).unwrap();
                    assert_eq!(
                        timeline.dates_move_forward,
                        zone != "America/Havana",
                        "{zone}"
                    );
                    by_instant += usize::from(timeline.dates_move_forward);
                    for at in (timeline.lo..timeline.hi).step_by(1_800_000) {
                        for n in [1, 2, 10] {
                            let date = local::to_local(calendar.timezone, at).unwrap().date();
                            assert_eq!(
                                timeline.nth_business_day_after_date_of(at, n),
                                timeline.nth_business_day_after(date, n),
                                "{zone} {at} {n}"
                            );
                        }
                    }
                }
            }
        }
        // Most zones and years take the instant path; Havana's twice-shown
        // midnights do not.
        assert_eq!(by_instant, contract.calendars.len() * 10);
    }
}
