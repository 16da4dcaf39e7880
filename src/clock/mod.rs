//! The SLA clock: due times and open time over business calendars (§5).
//!
//! A [`Clock`] is built once per priority clock and then answers any number
//! of queries cheaply: a calendar becomes sorted UTC open intervals with
//! running totals of open time ([`timeline`]), built over whole UTC years
//! and widened on demand, so a due time is a look-up and a short search and
//! the open time between two instants two look-ups. `slac eval` builds one clock per
//! priority and asks it about every ticket; `slac due` asks it once.
//!
//! The rules, in order of application (docs/clock.md says them in words):
//! open time only; a request received while closed starts at the next
//! opening; `business days` per the contract's `business-day` rule; wall
//! times in the calendar's zone by the "compatible" DST rule ([`local`]);
//! pauses stop the resolution clock only.

mod local;
mod sample;
mod timeline;

pub use sample::{compare_due, receipts};

use crate::model::{
    BusinessDayRule, Calendar, CalendarId, Contract, Duration, Priority, PriorityId, TargetKind,
    Unit,
};
use chrono::{DateTime, NaiveDateTime, TimeDelta, Utc};
use chrono_tz::Tz;
use local::MINUTE;
use std::cell::RefCell;
use timeline::Timeline;

/// How many years past a receipt the clock looks for a due time before it
/// gives up (a calendar that is never open again must not loop forever).
pub const HORIZON_YEARS: i32 = 20;

/// Why a due time or an open time could not be computed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ClockError {
    /// `P4 within [X个工作日]`: a placeholder has no due time.
    #[error("the {kind} target of {priority} is still a placeholder `[{text}]`: fill it in to compute its due time")]
    Placeholder {
        priority: PriorityId,
        kind: TargetKind,
        text: String,
    },
    /// `within 0 minutes`.
    #[error("a target of zero {} has no due time", .unit.as_str())]
    ZeroTarget { unit: Unit },
    /// `business days` on a 24x7 clock (E032).
    #[error("`business days` need a calendar with business hours; this clock runs 24x7")]
    BusinessDaysOn24x7,
    /// `days` on a business calendar (E032).
    #[error("`days` count only on a 24x7 clock; on calendar `{calendar}` say `business days`")]
    DaysOnBusinessClock { calendar: CalendarId },
    /// A priority's clock names a calendar the contract does not have.
    #[error("the clock calendar `{0}` is not declared in the contract")]
    UnknownCalendar(CalendarId),
    /// A pause that ends before it starts.
    #[error("the pause {} / {} ends before it starts", rfc3339(*.from), rfc3339(*.to))]
    PauseReversed {
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    },
    /// An instant outside the years the clock supports.
    #[error("{} is outside the years {}..={} the clock supports", millis_text(*.at), timeline::FIRST_YEAR, timeline::LAST_YEAR)]
    OutOfRange { at: i64 },
    /// The calendar does not have enough open time after the receipt.
    #[error("calendar `{calendar}` has not enough open time within {HORIZON_YEARS} years after {}", rfc3339(*.received))]
    NoDueTime {
        calendar: CalendarId,
        received: DateTime<Utc>,
    },
}

impl ClockError {
    /// The same error in Chinese, for a zh-CN report (the English words are
    /// its `Display`). One arm a variant, so a new one cannot go untranslated.
    pub fn chinese(&self) -> String {
        use ClockError as C;
        match self {
            C::Placeholder {
                priority,
                kind,
                text,
            } => {
                let kind = match kind {
                    TargetKind::Response => "响应",
                    TargetKind::Resolution => "解决",
                };
                format!("{priority} 的{kind}时限仍是占位符“[{text}]”：填写后才能计算到期时间")
            }
            C::ZeroTarget { unit } => {
                let unit = match unit {
                    Unit::Minutes => "分钟",
                    Unit::Hours => "小时",
                    Unit::Days => "天",
                    Unit::BusinessDays => "个工作日",
                };
                format!("时限为 0 {unit}，没有到期时间")
            }
            C::BusinessDaysOn24x7 => {
                "“business days”（工作日）需要有服务时间的日历；此时钟为 24x7 全天候".into()
            }
            C::DaysOnBusinessClock { calendar } => {
                format!("“days”（自然日）只用于 24x7 时钟；在日历“{calendar}”上请写“business days”")
            }
            C::UnknownCalendar(calendar) => format!("合同中没有声明时钟日历“{calendar}”"),
            C::PauseReversed { from, to } => {
                format!("暂停 {} / {} 结束早于开始", rfc3339(*from), rfc3339(*to))
            }
            C::OutOfRange { at } => format!(
                "{} 超出了时钟支持的年份范围 {}..={}",
                millis_text(*at),
                timeline::FIRST_YEAR,
                timeline::LAST_YEAR
            ),
            C::NoDueTime { calendar, received } => format!(
                "日历“{calendar}”在 {} 之后 {HORIZON_YEARS} 年内没有足够的服务时间",
                rfc3339(*received)
            ),
        }
    }
}

fn rfc3339(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)
}

fn millis_text(at: i64) -> String {
    DateTime::<Utc>::from_timestamp_millis(at).map_or_else(|| format!("{at} ms"), rfc3339)
}

/// True when the clock can place the instant `at` (UTC milliseconds): it
/// lies in the years the clock supports.
pub fn supports(at: i64) -> bool {
    timeline::year_of(at).is_ok()
}

/// The SLA clock of one priority: a calendar (or elapsed time) and the
/// contract's `business-day` rule.
///
/// Built once, queried many times from one thread: the calendar's timeline
/// is widened lazily behind a `RefCell` as queries reach new years.
#[derive(Debug)]
pub struct Clock {
    runs_on: RunsOn,
    rule: BusinessDayRule,
    zone: Tz,
}

#[derive(Debug)]
enum RunsOn {
    /// 24x7: open time is elapsed time.
    Elapsed,
    Calendar(Box<RefCell<Timeline>>),
}

/// Open-time arithmetic shared by the elapsed and the calendar clocks;
/// `None` means "beyond what is built: widen and ask again".
trait OpenTime {
    fn open_between(&self, from: i64, to: i64) -> Option<i64>;
    fn advance(&self, from: i64, budget: i64) -> Option<i64>;
}

struct Elapsed;

impl OpenTime for Elapsed {
    fn open_between(&self, from: i64, to: i64) -> Option<i64> {
        Some((to - from).max(0))
    }

    fn advance(&self, from: i64, budget: i64) -> Option<i64> {
        from.checked_add(budget.max(0))
    }
}

impl OpenTime for Timeline {
    fn open_between(&self, from: i64, to: i64) -> Option<i64> {
        Timeline::open_between(self, from, to)
    }

    fn advance(&self, from: i64, budget: i64) -> Option<i64> {
        Timeline::advance(self, from, budget)
    }
}

/// Pauses as sorted, merged, non-empty millisecond intervals at or after
/// `from`.
fn normalise_pauses(
    paused: &[(DateTime<Utc>, DateTime<Utc>)],
    from: i64,
) -> Result<Vec<(i64, i64)>, ClockError> {
    if let Some(&(a, b)) = paused.iter().find(|(a, b)| b < a) {
        return Err(ClockError::PauseReversed { from: a, to: b });
    }
    Ok(merge_pauses(
        paused
            .iter()
            .map(|(a, b)| (a.timestamp_millis(), b.timestamp_millis())),
        from,
    ))
}

/// Millisecond pauses clipped to start at `from`, empty ones dropped,
/// sorted and merged so that overlapping pauses count once.
fn merge_pauses(paused: impl Iterator<Item = (i64, i64)>, from: i64) -> Vec<(i64, i64)> {
    let mut pauses: Vec<(i64, i64)> = paused
        .map(|(a, b)| (a.max(from), b))
        .filter(|(a, b)| b > a)
        .collect();
    join_intervals(&mut pauses);
    pauses
}

/// Sorts `[from, to)` intervals and joins those that overlap or touch, so
/// that no instant is in two of them. The one way to do it: the clock's
/// pauses, a ticket's status pauses and the availability sets use it.
pub fn join_intervals(intervals: &mut Vec<(i64, i64)>) {
    intervals.sort_unstable();
    // `dedup_by` hands each interval with the last one kept before it.
    intervals.dedup_by(|next, kept| {
        let joins = next.0 <= kept.1;
        if joins {
            kept.1 = kept.1.max(next.1);
        }
        joins
    });
}

/// The earliest instant where the open, unpaused time since `from` reaches
/// `budget`.
fn advance_paused<M: OpenTime>(
    clock: &M,
    from: i64,
    budget: i64,
    pauses: &[(i64, i64)],
) -> Option<i64> {
    let (mut cur, mut remaining) = (from, budget);
    for &(pause_from, pause_to) in pauses {
        if pause_to <= cur {
            continue;
        }
        if pause_from > cur {
            let candidate = clock.advance(cur, remaining)?;
            if candidate <= pause_from {
                return Some(candidate);
            }
            remaining -= clock.open_between(cur, pause_from)?;
        }
        cur = cur.max(pause_to);
    }
    clock.advance(cur, remaining)
}

/// Open time that the pauses take out of `[from, to)`.
fn paused_open<M: OpenTime>(clock: &M, from: i64, to: i64, pauses: &[(i64, i64)]) -> Option<i64> {
    let mut total = 0;
    for &(a, b) in pauses {
        let (a, b) = (a.max(from), b.min(to));
        if b > a {
            total += clock.open_between(a, b)?;
        }
    }
    Some(total)
}

/// The budget of a `minutes`/`hours`/`days` target in milliseconds.
fn fixed_budget(within: Duration) -> i64 {
    let unit_ms: i64 = match within.unit {
        Unit::Minutes => MINUTE,
        Unit::Hours => 60 * MINUTE,
        Unit::Days => 24 * 60 * MINUTE,
        Unit::BusinessDays => 0,
    };
    i64::from(within.amount) * unit_ms
}

impl Clock {
    /// The clock of a calendar (`None`, or a `24x7` calendar: elapsed time)
    /// counting business days by `rule`. An elapsed clock shows its times
    /// in UTC unless given a zone with [`Clock::with_zone`].
    pub fn new(calendar: Option<&Calendar>, rule: BusinessDayRule) -> Clock {
        match calendar {
            Some(c) if !c.always => Clock {
                runs_on: RunsOn::Calendar(Box::new(RefCell::new(Timeline::new(c)))),
                rule,
                zone: c.timezone,
            },
            Some(c) => Clock {
                runs_on: RunsOn::Elapsed,
                rule,
                zone: c.timezone,
            },
            None => Clock {
                runs_on: RunsOn::Elapsed,
                rule,
                zone: Tz::UTC,
            },
        }
    }

    /// The clock of a priority in a contract. Its zone is the calendar's;
    /// with no calendar, the contract's `timezone`, else UTC.
    pub fn for_priority(contract: &Contract, priority: &Priority) -> Result<Clock, ClockError> {
        Clock::on(contract, priority.clock.as_ref())
    }

    /// The clock one target of a priority runs on ([`Priority::clock_for`]),
    /// its zone as for [`Clock::for_priority`].
    pub fn for_target(
        contract: &Contract,
        priority: &Priority,
        kind: TargetKind,
    ) -> Result<Clock, ClockError> {
        Clock::on(contract, priority.clock_for(kind))
    }

    fn on(contract: &Contract, calendar: Option<&CalendarId>) -> Result<Clock, ClockError> {
        let calendar = match calendar {
            Some(id) => Some(
                contract
                    .calendar(id)
                    .ok_or_else(|| ClockError::UnknownCalendar(id.clone()))?,
            ),
            None => None,
        };
        let clock = Clock::new(calendar, contract.business_day);
        Ok(match (calendar, contract.timezone) {
            (None, Some(zone)) => clock.with_zone(zone),
            _ => clock,
        })
    }

    /// The same clock showing its times in `zone`. The zone of a calendar
    /// clock is its calendar's and does not change: open hours are in it.
    pub fn with_zone(mut self, zone: Tz) -> Clock {
        if matches!(self.runs_on, RunsOn::Elapsed) {
            self.zone = zone;
        }
        self
    }

    /// The zone the clock's times are shown in.
    pub fn zone(&self) -> Tz {
        self.zone
    }

    /// True for a 24x7 clock (open time is elapsed time).
    pub fn is_elapsed(&self) -> bool {
        matches!(self.runs_on, RunsOn::Elapsed)
    }

    /// The due time of a request received at `received` with a target of
    /// `within`, the clock stopped during `paused` (pass none for a
    /// response target: the response clock never pauses).
    pub fn due(
        &self,
        received: DateTime<Utc>,
        within: Duration,
        paused: &[(DateTime<Utc>, DateTime<Utc>)],
    ) -> Result<DateTime<Utc>, ClockError> {
        if within.amount == 0 {
            return Err(ClockError::ZeroTarget { unit: within.unit });
        }
        let from = received.timestamp_millis();
        let pauses = normalise_pauses(paused, from)?;
        let due = match &self.runs_on {
            RunsOn::Elapsed => {
                if within.unit == Unit::BusinessDays {
                    return Err(ClockError::BusinessDaysOn24x7);
                }
                advance_paused(&Elapsed, from, fixed_budget(within), &pauses)
                    .ok_or(ClockError::OutOfRange { at: from })?
            }
            RunsOn::Calendar(cell) => self.calendar_due(cell, received, within, &pauses)?,
        };
        DateTime::<Utc>::from_timestamp_millis(due).ok_or(ClockError::OutOfRange { at: due })
    }

    fn calendar_due(
        &self,
        cell: &RefCell<Timeline>,
        received: DateTime<Utc>,
        within: Duration,
        pauses: &[(i64, i64)],
    ) -> Result<i64, ClockError> {
        let from = received.timestamp_millis();
        let budget = match (within.unit, self.rule) {
            (Unit::Days, _) => {
                let calendar = cell.borrow().calendar().id.clone();
                return Err(ClockError::DaysOnBusinessClock { calendar });
            }
            (Unit::BusinessDays, BusinessDayRule::Hours { minutes }) => {
                i64::from(within.amount) * i64::from(minutes) * MINUTE
            }
            (Unit::BusinessDays, rule) => {
                let n = within.amount;
                return self.query(cell, received, |tl| {
                    let unpaused = match rule {
                        BusinessDayRule::SameTime => same_time(tl, from, n),
                        _ => ends_at_close(tl, from, n),
                    };
                    let due = unpaused?;
                    if pauses.is_empty() || paused_open(tl, from, due, pauses)? == 0 {
                        return Some(due);
                    }
                    let budget = tl.open_between(from, due)?;
                    advance_paused(tl, from, budget, pauses)
                });
            }
            _ => fixed_budget(within),
        };
        self.query(cell, received, |tl| {
            advance_paused(tl, from, budget, pauses)
        })
    }

    /// Runs `answer` on the timeline, widening it year by year (doubling) until
    /// `answer` has what it needs or the horizon is reached.
    fn query<R>(
        &self,
        cell: &RefCell<Timeline>,
        received: DateTime<Utc>,
        answer: impl Fn(&Timeline) -> Option<R>,
    ) -> Result<R, ClockError> {
        // A warm timeline usually holds the answer: try it before finding
        // the receipt's year (a date computation) and widening. The answer
        // is the same either way: queries are exact wherever it is built.
        {
            let timeline = cell.borrow();
            if timeline.covers(received.timestamp_millis()) {
                if let Some(result) = answer(&timeline) {
                    return Ok(result);
                }
            }
        }
        let first = timeline::year_of(received.timestamp_millis())?;
        let limit = (first + HORIZON_YEARS).min(timeline::LAST_YEAR);
        let mut step = 1;
        let mut last = first;
        loop {
            cell.borrow_mut().ensure(first, last)?;
            let timeline = cell.borrow();
            if let Some(result) = answer(&timeline) {
                return Ok(result);
            }
            let built = timeline.last_year().unwrap_or(last);
            if built >= limit {
                return Err(ClockError::NoDueTime {
                    calendar: timeline.calendar().id.clone(),
                    received,
                });
            }
            last = (built.max(last) + step).min(limit);
            step *= 2;
        }
    }

    /// Open time between two instants, in minutes (fractions for seconds):
    /// the time the clock ran. Zero when `to` is not after `from`.
    pub fn open_minutes(&self, from: DateTime<Utc>, to: DateTime<Utc>) -> Result<f64, ClockError> {
        let (a, b) = (from.timestamp_millis(), to.timestamp_millis());
        if b <= a {
            return Ok(0.0);
        }
        let ms = match &self.runs_on {
            RunsOn::Elapsed => b - a,
            RunsOn::Calendar(cell) => {
                let (first, last) = (timeline::year_of(a)?, timeline::year_of(b)?);
                cell.borrow_mut().ensure(first, last)?;
                let timeline = cell.borrow();
                timeline
                    .open_between(a, b)
                    .ok_or(ClockError::OutOfRange { at: b })?
            }
        };
        Ok(ms as f64 / MINUTE as f64)
    }

    /// Open time between two instants given in UTC milliseconds, in
    /// milliseconds: [`Clock::open_minutes`] without building `DateTime`s,
    /// for callers that measure millions of tickets (`slac eval`). Answers
    /// from the timeline already built when it covers both instants.
    pub fn open_millis(&self, from: i64, to: i64) -> Result<i64, ClockError> {
        if to <= from {
            return Ok(0);
        }
        match &self.runs_on {
            RunsOn::Elapsed => Ok(to - from),
            RunsOn::Calendar(cell) => {
                if let Some(ms) = cell.borrow().open_between(from, to) {
                    return Ok(ms);
                }
                let (first, last) = (timeline::year_of(from)?, timeline::year_of(to)?);
                cell.borrow_mut().ensure(first, last)?;
                let timeline = cell.borrow();
                timeline
                    .open_between(from, to)
                    .ok_or(ClockError::OutOfRange { at: to })
            }
        }
    }

    /// The open intervals within `[from, to)` in UTC milliseconds, sorted
    /// and disjoint: `[(from, to)]` on a 24x7 clock. Their lengths add up
    /// to [`Clock::open_millis`] over the same range.
    pub fn open_intervals(&self, from: i64, to: i64) -> Result<Vec<(i64, i64)>, ClockError> {
        if to <= from {
            return Ok(Vec::new());
        }
        match &self.runs_on {
            RunsOn::Elapsed => Ok(vec![(from, to)]),
            RunsOn::Calendar(cell) => {
                let (first, last) = (timeline::year_of(from)?, timeline::year_of(to)?);
                cell.borrow_mut().ensure(first, last)?;
                let timeline = cell.borrow();
                timeline
                    .open_within(from, to)
                    .ok_or(ClockError::OutOfRange { at: to })
            }
        }
    }

    /// Open time from `from` to `to` with the pauses taken out, in
    /// milliseconds: how long the resolution clock ran. Pauses are UTC
    /// milliseconds `(from, to)`; overlapping ones count once, and a pause
    /// that ends before it starts stops nothing.
    pub fn unpaused_open_millis(
        &self,
        from: i64,
        to: i64,
        paused: &[(i64, i64)],
    ) -> Result<i64, ClockError> {
        let total = self.open_millis(from, to)?;
        if paused.is_empty() {
            return Ok(total);
        }
        let mut taken = 0;
        for (a, b) in merge_pauses(paused.iter().copied(), from) {
            taken += self.open_millis(a, b.min(to))?;
        }
        Ok((total - taken).max(0))
    }

    /// True when the clock runs at `at`.
    pub fn is_open(&self, at: DateTime<Utc>) -> Result<bool, ClockError> {
        match &self.runs_on {
            RunsOn::Elapsed => Ok(true),
            RunsOn::Calendar(cell) => {
                let year = timeline::year_of(at.timestamp_millis())?;
                cell.borrow_mut().ensure(year, year)?;
                Ok(cell.borrow().is_open(at.timestamp_millis()))
            }
        }
    }
}

/// `ends-at-close`: the day of receipt (its local date in the calendar's
/// zone) does not count, whatever the hour; the due time is the close of
/// the last span of the `n`-th business day after it.
fn ends_at_close(tl: &Timeline, from: i64, n: u32) -> Option<i64> {
    Some(tl.nth_business_day_after_date_of(from, n)?.close)
}

/// `same-time`: roll the start forward to an open instant; keep its wall
/// time, counted from the midnight of the day whose span holds it (an
/// overnight span's small hours are `24:00` and later of its start day);
/// the same wall time on the `n`-th later business day, rolled forward to
/// the next opening if the calendar is closed then.
fn same_time(tl: &Timeline, from: i64, n: u32) -> Option<i64> {
    let zone = tl.calendar().timezone;
    let start = tl.next_open(from)?;
    let day = tl.span_day_of(start)?;
    let midnight: NaiveDateTime = day.and_hms_opt(0, 0, 0)?;
    let wall: TimeDelta = local::to_local(zone, start)? - midnight;
    let target_day = tl.nth_business_day_after(day, n)?;
    let target = target_day
        .date
        .and_hms_opt(0, 0, 0)?
        .checked_add_signed(wall)?;
    tl.next_open(local::to_utc(zone, target)?)
}

/// One due time and the target it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Due {
    pub at: DateTime<Utc>,
    pub within: Duration,
    pub or_workaround: bool,
    /// The target's own clock (`on CALENDAR`), when it has one: then it
    /// ran on this calendar, not on the priority's clock.
    pub own_clock: Option<OwnClock>,
}

/// The clock a target with `on CALENDAR` ran on.
#[derive(Debug, Clone, PartialEq)]
pub struct OwnClock {
    pub calendar: CalendarId,
    /// True when that calendar is 24x7.
    pub elapsed: bool,
}

/// The response and resolution due times of one request (`slac due`).
#[derive(Debug, Clone, PartialEq)]
pub struct DueTimes {
    pub priority: PriorityId,
    /// The clock calendar; `None` means elapsed time with no calendar.
    pub clock: Option<CalendarId>,
    /// True when the clock runs 24x7.
    pub elapsed: bool,
    /// The zone to show the times in (see [`Clock::for_priority`]).
    pub zone: Tz,
    pub received: DateTime<Utc>,
    pub response: Due,
    pub resolution: Due,
}

impl DueTimes {
    /// The due time of one target.
    pub fn due(&self, kind: TargetKind) -> &Due {
        match kind {
            TargetKind::Response => &self.response,
            TargetKind::Resolution => &self.resolution,
        }
    }
}

/// The due times of a request of `priority` received at `received`, the
/// resolution clock stopped during `paused`.
pub fn due_times(
    contract: &Contract,
    priority: &Priority,
    received: DateTime<Utc>,
    paused: &[(DateTime<Utc>, DateTime<Utc>)],
) -> Result<DueTimes, ClockError> {
    let clock = Clock::for_priority(contract, priority)?;
    let due = |kind: TargetKind, paused: &[(DateTime<Utc>, DateTime<Utc>)]| {
        let target = priority.target(kind);
        let within = target
            .within
            .filled(|text| ClockError::Placeholder {
                priority: priority.id.clone(),
                kind,
                text: text.to_string(),
            })
            .copied()?;
        let (at, own_clock) = match &target.clock {
            Some(calendar) => {
                let own = Clock::for_target(contract, priority, kind)?;
                let own_clock = OwnClock {
                    calendar: calendar.clone(),
                    elapsed: own.is_elapsed(),
                };
                (own.due(received, within, paused)?, Some(own_clock))
            }
            None => (clock.due(received, within, paused)?, None),
        };
        Ok(Due {
            at,
            within,
            or_workaround: target.or_workaround,
            own_clock,
        })
    };
    let response = due(TargetKind::Response, &[])?;
    let resolution = due(TargetKind::Resolution, paused)?;
    Ok(DueTimes {
        priority: priority.id.clone(),
        clock: priority.clock.clone(),
        elapsed: clock.is_elapsed(),
        zone: clock.zone(),
        received,
        response,
        resolution,
    })
}

#[cfg(test)]
mod tests;
