//! W002: a less severe priority that is always due earlier than a more
//! severe one.
//!
//! Targets on different clocks cannot be compared in open minutes (a
//! business day of a 24x5 calendar is not one of a 09:00–18:00 calendar),
//! so the check compares what a client lives with: the due times of both
//! targets ([`crate::clock::compare_due`]) for receipts every 15 minutes
//! across a sample week, and warns only when the less severe one is due
//! earlier for every receipt. The first receipt's due times are computed
//! once per priority and settle most pairs; the others stop at the first
//! receipt that clears them.

use super::Checker;
use crate::clock::{self, Clock};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::*;
use crate::source::Span;
use chrono::{DateTime, Datelike, NaiveDate, TimeDelta, Utc};
use std::cmp::Ordering;
use std::collections::{HashMap, HashSet};

/// Receipts are sampled this often across the sample week.
const SAMPLE_MINUTES: i64 = 15;
const SAMPLE_DAYS: i64 = 7;
/// How many weeks after the effective start the check looks for a week
/// without holidays or make-up days.
const WEEKS_SEARCHED: i64 = 53;
/// The sample week's search starts here when the contract gives no start.
const DEFAULT_START: (i32, u32, u32) = (2027, 1, 4);

/// One target to compare: its duration and where it is written.
#[derive(Clone, Copy)]
pub(super) struct Compared {
    pub within: Duration,
    pub span: Span,
}

/// The first Monday on or after `from` whose week (with a day's margin for
/// zones) has no `closed` or `open` day in any of `calendars`, else the
/// first Monday.
fn sample_week(from: NaiveDate, calendars: &[&Calendar]) -> NaiveDate {
    let monday = from
        .checked_add_signed(TimeDelta::days(
            (7 - i64::from(from.weekday().num_days_from_monday())) % 7,
        ))
        .unwrap_or(from);
    // The special days inside the weeks searched, gathered once (looking
    // each day up in every line was quadratic in closed days).
    let first = monday
        .checked_sub_signed(TimeDelta::days(1))
        .unwrap_or(monday);
    let last = monday
        .checked_add_signed(TimeDelta::weeks(WEEKS_SEARCHED) + TimeDelta::days(7))
        .unwrap_or(monday);
    let mut special: HashSet<NaiveDate> = HashSet::new();
    for calendar in calendars {
        for closed in &calendar.closed {
            let (from, to) = (closed.from.max(first), closed.to.min(last));
            special.extend(from.iter_days().take_while(|d| *d <= to));
        }
        special.extend(calendar.open.iter().map(|o| o.date));
    }
    (0..WEEKS_SEARCHED)
        .filter_map(|week| monday.checked_add_signed(TimeDelta::weeks(week)))
        .find(|start| {
            (-1..=7).all(|day| {
                start
                    .checked_add_signed(TimeDelta::days(day))
                    .is_some_and(|d| !special.contains(&d))
            })
        })
        .unwrap_or(monday)
}

/// Receipts every [`SAMPLE_MINUTES`] across a sample week of `used`
/// calendars, from the effective start (else [`DEFAULT_START`]).
fn sample_receipts(effective: Option<&Effective>, used: &[&Calendar]) -> Vec<DateTime<Utc>> {
    let start = effective.and_then(|e| e.from.value().copied()).or_else(|| {
        let (y, m, d) = DEFAULT_START;
        NaiveDate::from_ymd_opt(y, m, d)
    });
    let Some(start) = start.map(|s| sample_week(s, used)) else {
        return Vec::new();
    };
    clock::receipts(start, SAMPLE_DAYS, SAMPLE_MINUTES).collect()
}

/// True when target `a` is due earlier than target `b` for every receipt
/// of the sample week: for two targets on different clocks, whose open
/// minutes do not compare (E031 of one priority's two targets).
pub(super) fn always_due_earlier(
    a: (Option<&Calendar>, Duration),
    b: (Option<&Calendar>, Duration),
    rule: BusinessDayRule,
    effective: Option<&Effective>,
) -> bool {
    let used: Vec<&Calendar> = [a.0, b.0].into_iter().flatten().collect();
    let receipts = sample_receipts(effective, &used);
    let (a_clock, b_clock) = (Clock::new(a.0, rule), Clock::new(b.0, rule));
    !receipts.is_empty()
        && clock::compare_due((&a_clock, a.1), (&b_clock, b.1), receipts.into_iter())
            .all(|ordering| ordering == Ok(Ordering::Less))
}

impl Checker<'_> {
    /// W002 for each target (by priority, most severe first; `None` where
    /// there is nothing to compare) due earlier than a more severe one's
    /// for every receipt of the sample week.
    pub(super) fn out_of_order(
        &mut self,
        priorities: &[Priority],
        calendars: &[Calendar],
        rule: BusinessDayRule,
        effective: Option<&Effective>,
        targets: &[Option<Compared>],
        kind: TargetKind,
    ) {
        let calendar_of = |p: &Priority| super::targets::clock_of(p, kind, calendars);
        // One clock per calendar (and one for elapsed time), shared.
        let mut clocks: HashMap<Option<&CalendarId>, Clock> = HashMap::new();
        for priority in priorities {
            let calendar = calendar_of(priority);
            clocks
                .entry(calendar.map(|c| &c.id))
                .or_insert_with(|| Clock::new(calendar, rule));
        }
        // Each calendar once, however many priorities run on it.
        let mut seen: HashSet<&CalendarId> = HashSet::new();
        let used: Vec<&Calendar> = priorities
            .iter()
            .filter_map(calendar_of)
            .filter(|c| seen.insert(&c.id))
            .collect();
        let receipts = sample_receipts(effective, &used);
        if receipts.is_empty() {
            return;
        }

        // The clock and target of each priority there is something to
        // compare for (not its clock when that is unknown: E012 already).
        let compared: Vec<Option<(&Clock, Compared)>> = priorities
            .iter()
            .zip(targets)
            .map(|(priority, target)| {
                let target = target.as_ref()?;
                if self.target_clock_is_unknown(priority.id.as_str(), kind) {
                    return None;
                }
                let clock = clocks.get(&calendar_of(priority).map(|c| &c.id))?;
                Some((clock, *target))
            })
            .collect();
        // The due times for the first receipt, once per priority: a pair
        // whose less severe target is not due earlier then is in order,
        // which settles most pairs without asking the clock again.
        let first_due: Vec<Option<DateTime<Utc>>> = compared
            .iter()
            .map(|c| {
                let (clock, target) = (*c)?;
                clock.due(*receipts.first()?, target.within, &[]).ok()
            })
            .collect();
        let first_earlier =
            |later: usize, earlier: usize| match (first_due.get(later), first_due.get(earlier)) {
                (Some(Some(tight)), Some(Some(loose))) => tight < loose,
                _ => false,
            };
        let always_earlier = |later: (&Clock, Compared), earlier: (&Clock, Compared)| {
            clock::compare_due(
                (later.0, later.1.within),
                (earlier.0, earlier.1.within),
                receipts.iter().copied(),
            )
            .all(|ordering| ordering == Ok(Ordering::Less))
        };
        // A pair can only be out of order when the more severe target is
        // due later for the first receipt: when no earlier priority's first
        // due time is later than this one's, there is nothing to compare,
        // which keeps the usual (ordered) contract linear.
        let mut latest_first_due: Option<DateTime<Utc>> = None;
        let mut found = Vec::new();
        for (later, tight) in compared.iter().enumerate() {
            let due = first_due.get(later).copied().flatten();
            let candidates = matches!((due, latest_first_due), (Some(d), Some(l)) if d < l);
            if let Some(d) = due {
                latest_first_due = latest_first_due.max(Some(d));
            }
            let Some(tight) = tight else {
                continue;
            };
            if !candidates {
                continue;
            }
            let loose = compared
                .iter()
                .take(later)
                .enumerate()
                .find_map(|(earlier, loose)| {
                    let loose = (*loose)?;
                    (first_earlier(later, earlier) && always_earlier(*tight, loose))
                        .then_some((earlier, loose.1))
                });
            if let Some((earlier, loose)) = loose {
                found.push((later, tight.1, earlier, loose));
            }
        }
        for (later, tight, earlier, loose) in found {
            let less = priorities.get(later).map_or("", |p| p.id.as_str());
            let severe = priorities.get(earlier).map_or("", |p| p.id.as_str());
            self.push(
                Diagnostic::new(
                    Code::W002,
                    tight.span,
                    format!(
                        "less severe `{less}` has a tighter {kind} target ({}) than `{severe}` ({})",
                        tight.within, loose.within
                    ),
                )
                .with_label("tighter than a more severe priority")
                .with_help("priorities are declared from the most severe down; check the order or the targets"),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Code;
    use crate::source::SourceFile;

    /// The W002 messages of a contract with P1 on 24x7, P2 and P3 on the
    /// clocks given, and the given resolution targets.
    fn w002(p2_clock: &str, p3_clock: &str, resolution: &str) -> Vec<String> {
        let text = format!(
            r#"contract "SLA" {{
  effective 2027-01-01..2027-12-31
  timezone "Asia/Shanghai"
  party client "A" {{ short "a" }}
  party provider "B" {{ short "b" }}
  scope {{ service s "S" }}
  calendar business "09:00-18:00" {{ mon-fri 09:00-18:00 }}
  calendar weekdays "24x5" {{ mon-fri 00:00-24:00 }}
  calendar always "24x7" 24x7
  channel hotline "H" {{ hours always }}
  priority P1 "Urgent" {{ "outage" clock always }}
  priority P2 "High" {{ "degraded" clock {p2_clock} }}
  priority P3 "Normal" {{ "question" clock {p3_clock} }}
  response {{
    P1 within 15 minutes
    P2 within 30 minutes
    P3 within 1 hours
  }}
  resolution {{ {resolution} }}
}}
"#
        );
        let checked = crate::check(SourceFile::new("order.sla", &text));
        checked
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::W002)
            .map(|d| d.message.clone())
            .collect()
    }

    /// P2's business day on a 24x5 calendar is longer in open minutes than
    /// two of P3's 09:00–18:00 days, yet P3 is always due later: no W002
    /// (open minutes compared across clocks said P3 was tighter).
    #[test]
    fn a_looser_target_on_a_shorter_day_is_not_tighter() {
        let found = w002(
            "weekdays",
            "business",
            "P1 within 4 hours  P2 within 1 business days  P3 within 2 business days",
        );
        assert_eq!(found, Vec::<String>::new());
    }

    /// P3 (8 hours around the clock) is due before P2 (2 business days of
    /// 09:00–18:00) whenever the request comes: W002.
    #[test]
    fn a_target_due_earlier_for_every_receipt_is_tighter() {
        let found = w002(
            "business",
            "always",
            "P1 within 4 hours  P2 within 2 business days  P3 within 8 hours",
        );
        assert_eq!(
            found,
            vec![
                "less severe `P3` has a tighter resolution target (8 hours) than `P2` (2 business days)"
                    .to_string()
            ]
        );
    }

    /// P3 (8 hours around the clock) is due before P2 (4 business hours)
    /// for a request in the evening or at the weekend, but later for one
    /// in the morning: no W002 (nor for the responses, 1 hour around the
    /// clock against 30 business minutes).
    #[test]
    fn a_target_due_earlier_only_sometimes_is_not_tighter() {
        let found = w002(
            "business",
            "always",
            "P1 within 2 hours  P2 within 4 hours  P3 within 8 hours",
        );
        assert_eq!(found, Vec::<String>::new());
    }
}
