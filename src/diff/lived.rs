//! Durations compared as a client lives them.
//!
//! The rule (docs/language.md, "slac diff"):
//! - On the same clock (the same calendar, or both 24x7, and the same
//!   `business-day` rule) durations whose units convert exactly are
//!   compared in open minutes: `1 hour` = `60 minutes`, `1 day` = `24 hours`
//!   on a 24x7 clock, `1 business day` = H hours under `business-day H hours`.
//! - Otherwise (`1 business day` against `8 hours` under `ends-at-close`, or
//!   the priority's clock changed too), each version's due time is computed
//!   for requests received every half hour over four weeks — from the earlier
//!   of the two effective starts, else from Monday 2027-01-04 — each on its
//!   own version's clock. Due no later for every request and sooner for one
//!   is tightened; the reverse relaxed; some sooner and some later is neutral,
//!   with a note saying so.

use super::changes::Effect;
use crate::clock::{self, Clock};
use crate::model::{BusinessDayRule, Calendar, Contract, Duration, Priority, TargetKind, Unit};
use chrono::NaiveDate;

/// A duration on one clock of one version: a priority's, or the
/// contract's (the `reporting` deadline).
#[derive(Debug, Clone, Copy)]
pub(super) struct OnClock<'a> {
    pub contract: &'a Contract,
    /// The clock's calendar; `None` is elapsed time.
    pub clock: Option<&'a Calendar>,
    pub within: Duration,
}

impl<'a> OnClock<'a> {
    pub(super) fn of_priority(
        contract: &'a Contract,
        priority: &Priority,
        within: Duration,
    ) -> OnClock<'a> {
        OnClock {
            contract,
            clock: contract.clock_of(priority),
            within,
        }
    }

    /// A duration on the clock of one target of a priority (its own `on`,
    /// else the priority's).
    pub(super) fn of_target(
        contract: &'a Contract,
        priority: &Priority,
        kind: TargetKind,
        within: Duration,
    ) -> OnClock<'a> {
        OnClock {
            contract,
            clock: contract.target_clock(priority, kind),
            within,
        }
    }

    pub(super) fn of_contract(contract: &'a Contract, within: Duration) -> OnClock<'a> {
        OnClock {
            contract,
            clock: contract.clock.as_ref().and_then(|id| contract.calendar(id)),
            within,
        }
    }
}

/// How the new duration compares with the old, for a client waiting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Lived {
    Sooner,
    Later,
    Same,
    /// Sooner for some requests, later for others.
    Mixed,
    /// A due time could not be computed (a clock error).
    Unknown,
}

impl Lived {
    pub(super) fn effect(self) -> (Effect, Option<String>) {
        match self {
            Lived::Sooner => (Effect::Tightened, None),
            Lived::Later => (Effect::Relaxed, None),
            Lived::Same => (Effect::Neutral, None),
            Lived::Mixed => (
                Effect::Neutral,
                Some("due sooner for some requests, later for others".into()),
            ),
            Lived::Unknown => (
                Effect::Neutral,
                Some("the due times cannot be compared".into()),
            ),
        }
    }

    /// Several comparisons taken together (one per target a rule affects).
    pub(super) fn all(results: impl IntoIterator<Item = Lived>) -> Lived {
        results
            .into_iter()
            .fold(Lived::Same, |acc, next| match (acc, next) {
                (Lived::Unknown, _) | (_, Lived::Unknown) => Lived::Unknown,
                (Lived::Same, x) | (x, Lived::Same) => x,
                (a, b) if a == b => a,
                _ => Lived::Mixed,
            })
    }
}

/// The four weeks of receipts start here when neither version is dated.
const REFERENCE_START: (i32, u32, u32) = (2027, 1, 4);
const SAMPLE_DAYS: i64 = 28;
const SAMPLE_STEP_MINUTES: i64 = 30;

/// True when the two durations are one and the same on one clock
/// (`2 hours` and `120 minutes`): no change in meaning.
pub(super) fn same_duration(old: OnClock<'_>, new: OnClock<'_>) -> bool {
    same_clock(&old, &new)
        && match (exact_minutes(&old), exact_minutes(&new)) {
            (Some(a), Some(b)) => a == b,
            _ => old.within == new.within,
        }
}

pub(super) fn compare(old: OnClock<'_>, new: OnClock<'_>) -> Lived {
    if same_clock(&old, &new) {
        if let (Some(a), Some(b)) = (exact_minutes(&old), exact_minutes(&new)) {
            return match b.cmp(&a) {
                std::cmp::Ordering::Less => Lived::Sooner,
                std::cmp::Ordering::Greater => Lived::Later,
                std::cmp::Ordering::Equal => Lived::Same,
            };
        }
    }
    sampled(&old, &new)
}

/// The calendar the clock runs on, `None` for elapsed time.
fn calendar<'a>(side: &OnClock<'a>) -> Option<&'a Calendar> {
    side.clock.filter(|calendar| !calendar.always)
}

fn same_clock(old: &OnClock<'_>, new: &OnClock<'_>) -> bool {
    calendar(old) == calendar(new) && old.contract.business_day == new.contract.business_day
}

/// The duration in open minutes of its clock, when its unit converts exactly.
fn exact_minutes(side: &OnClock<'_>) -> Option<u64> {
    let amount = u64::from(side.within.amount);
    let elapsed = calendar(side).is_none();
    match side.within.unit {
        Unit::Minutes => Some(amount),
        Unit::Hours => Some(amount * 60),
        Unit::Days => elapsed.then_some(amount * 24 * 60),
        Unit::BusinessDays => match side.contract.business_day {
            BusinessDayRule::Hours { minutes } if !elapsed => Some(amount * u64::from(minutes)),
            BusinessDayRule::Hours { .. }
            | BusinessDayRule::EndsAtClose
            | BusinessDayRule::SameTime => None,
        },
    }
}

/// The first day of the sampled receipts: the earlier effective start.
fn window_start(old: &Contract, new: &Contract) -> Option<NaiveDate> {
    let start = |c: &Contract| c.effective.as_ref().and_then(|e| e.from.value().copied());
    let (year, month, day) = REFERENCE_START;
    match (start(old), start(new)) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (Some(a), None) | (None, Some(a)) => Some(a),
        (None, None) => NaiveDate::from_ymd_opt(year, month, day),
    }
}

fn sampled(old: &OnClock<'_>, new: &OnClock<'_>) -> Lived {
    let old_clock = Clock::new(old.clock, old.contract.business_day);
    let new_clock = Clock::new(new.clock, new.contract.business_day);
    let Some(first_day) = window_start(old.contract, new.contract) else {
        return Lived::Unknown;
    };
    let receipts = clock::receipts(first_day, SAMPLE_DAYS, SAMPLE_STEP_MINUTES);
    let mut results = Vec::new();
    for ordering in clock::compare_due((&new_clock, new.within), (&old_clock, old.within), receipts)
    {
        let Ok(ordering) = ordering else {
            return Lived::Unknown;
        };
        results.push(match ordering {
            std::cmp::Ordering::Less => Lived::Sooner,
            std::cmp::Ordering::Greater => Lived::Later,
            std::cmp::Ordering::Equal => Lived::Same,
        });
    }
    Lived::all(results)
}
