//! Measuring tickets against the contract: one clock per priority, built
//! once; per (period, priority) counters and the open-time minutes the
//! percentiles need.
//!
//! The minutes are kept as `f32` (4 bytes a ticket and target) so p50/p90
//! are exact nearest-rank percentiles: 1M tickets cost 8 MB, flat against a
//! 100 MB log. Everything else is integer counts, so the report does not
//! depend on row order.

use super::report::*;
use super::ticket::Ticket;
use super::{EvalError, EvalOptions, ReportPeriod};
use crate::clock::Clock;
use crate::model::{Contract, CsatGoal, Duration, Fill, Priority, Target, Unit};
use chrono::{DateTime, Datelike, SecondsFormat, Utc};
use chrono_tz::Tz;
use std::collections::HashMap;

/// The rules of one priority, prepared once.
struct Rule {
    clock: Clock,
    response: Duration,
    resolution: Duration,
    or_workaround: bool,
    response_share: f64,
    resolution_share: f64,
}

fn within(p: &Priority, which: &'static str, t: &Target) -> Result<(Duration, f64), EvalError> {
    let placeholder = |text: &String| EvalError::Placeholder {
        priority: p.id.0.clone(),
        which,
        text: text.clone(),
    };
    let d = match &t.within {
        Fill::Value(d) => *d,
        Fill::Placeholder(text) => return Err(placeholder(text)),
    };
    let share = match &t.attainment {
        None => 100.0,
        Some(Fill::Value(v)) => *v,
        Some(Fill::Placeholder(text)) => return Err(placeholder(text)),
    };
    Ok((d, share))
}

#[derive(Default)]
struct TargetAcc {
    met: u64,
    breached: u64,
    pending: u64,
    minutes: Vec<f32>,
}

#[derive(Default)]
struct PriorityAcc {
    tickets: u64,
    response: TargetAcc,
    resolution: TargetAcc,
}

/// Calendar month (1–12) or quarter (1–4) of a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct PeriodKey {
    year: i32,
    index: u32,
}

struct PeriodAcc {
    key: PeriodKey,
    priorities: Vec<PriorityAcc>,
    fcr_yes: u64,
    fcr_answered: u64,
    csat_sum: u64,
    csat_top: u64,
    csat_ratings: u64,
}

/// Accumulates tickets; [`Measure::finish`] turns the totals into a report.
pub(crate) struct Measure<'c> {
    contract: &'c Contract,
    rules: Vec<Rule>,
    as_of: i64,
    as_of_utc: DateTime<Utc>,
    zone: Tz,
    period: ReportPeriod,
    periods: Vec<PeriodAcc>,
    index: HashMap<PeriodKey, usize>,
    /// The period of the last ticket and the UTC milliseconds of its local
    /// day `[from, to)`: tickets of one day share it without a zone lookup.
    last_day: Option<(i64, i64, usize)>,
    pauses: Vec<(DateTime<Utc>, DateTime<Utc>)>,
    pub(crate) tickets: u64,
}

fn utc(ms: i64) -> Result<DateTime<Utc>, String> {
    DateTime::<Utc>::from_timestamp_millis(ms).ok_or_else(|| format!("time {ms} ms is out of range"))
}

/// Nearest-rank percentile: the value at rank ⌈p/100 · n⌉ of the sorted
/// values (1-based).
fn percentile(values: &mut [f32], p: u32) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    let n = values.len();
    let rank = (p as usize * n).div_ceil(100).max(1);
    let (_, v, _) = values.select_nth_unstable_by(rank - 1, f32::total_cmp);
    Some(round2(f64::from(*v)))
}

fn share(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| round2(part as f64 * 100.0 / whole as f64))
}

/// At least `target` percent, compared unrounded.
fn reaches(part: u64, whole: u64, target: f64) -> Option<bool> {
    (whole > 0).then(|| part as f64 * 100.0 >= target * whole as f64)
}

fn duration_words(d: Duration) -> String {
    let (one, many) = match d.unit {
        Unit::Minutes => ("minute", "minutes"),
        Unit::Hours => ("hour", "hours"),
        Unit::Days => ("day", "days"),
        Unit::BusinessDays => ("business day", "business days"),
    };
    format!("{} {}", d.amount, if d.amount == 1 { one } else { many })
}

fn target_words(d: Duration, or_workaround: bool, share: f64) -> String {
    let mut s = duration_words(d);
    if or_workaround {
        s.push_str(" or workaround");
    }
    if share < 100.0 {
        s.push_str(&format!(" for {share}%"));
    }
    s
}

impl<'c> Measure<'c> {
    pub fn new(contract: &'c Contract, options: &EvalOptions) -> Result<Measure<'c>, EvalError> {
        let mut rules = Vec::with_capacity(contract.priorities.len());
        for p in &contract.priorities {
            let (response, response_share) = within(p, "response", &p.response)?;
            let (resolution, resolution_share) = within(p, "resolution", &p.resolution)?;
            rules.push(Rule {
                clock: Clock::for_priority(contract, p)?,
                response,
                resolution,
                or_workaround: p.resolution.or_workaround,
                response_share,
                resolution_share,
            });
        }
        let value = |f: &Fill<f64>, what: &'static str| match f {
            Fill::Value(v) => Ok(*v),
            Fill::Placeholder(text) => Err(EvalError::Placeholder {
                priority: what.into(),
                which: "target",
                text: text.clone(),
            }),
        };
        if let Some(f) = &contract.fcr {
            value(&f.min_percent, "fcr")?;
        }
        if let Some(c) = &contract.csat {
            match &c.goal {
                CsatGoal::Score { min } => value(min, "csat")?,
                CsatGoal::Satisfied { min_percent } => value(min_percent, "csat")?,
            };
        }
        Ok(Measure {
            contract,
            rules,
            as_of: options.as_of.timestamp_millis(),
            as_of_utc: options.as_of,
            zone: contract.timezone.unwrap_or(Tz::UTC),
            period: options.period,
            periods: Vec::new(),
            index: HashMap::new(),
            last_day: None,
            pauses: Vec::new(),
            tickets: 0,
        })
    }

    /// The accumulator index of the period `at` falls in (local time of
    /// the contract's zone).
    fn period_of(&mut self, at: i64) -> Result<usize, String> {
        if let Some((from, to, i)) = self.last_day {
            if from <= at && at < to {
                return Ok(i);
            }
        }
        let local = utc(at)?.with_timezone(&self.zone);
        let index = match self.period {
            ReportPeriod::Monthly => local.month(),
            ReportPeriod::Quarterly => (local.month() - 1) / 3 + 1,
        };
        let key = PeriodKey {
            year: local.year(),
            index,
        };
        let i = match self.index.get(&key) {
            Some(&i) => i,
            None => {
                let n = self.contract.priorities.len();
                self.periods.push(PeriodAcc {
                    key,
                    priorities: (0..n).map(|_| PriorityAcc::default()).collect(),
                    fcr_yes: 0,
                    fcr_answered: 0,
                    csat_sum: 0,
                    csat_top: 0,
                    csat_ratings: 0,
                });
                self.index.insert(key, self.periods.len() - 1);
                self.periods.len() - 1
            }
        };
        // The UTC hour around `at` whose offset is the same at both ends lies
        // wholly within one local date when it does not cross local midnight:
        // cache it. (A DST change inside the hour just means no caching.)
        let hour_from = at - at.rem_euclid(3_600_000);
        let hour_to = hour_from + 3_600_000;
        if let (Ok(a), Ok(b)) = (utc(hour_from), utc(hour_to - 1)) {
            let (a, b) = (a.with_timezone(&self.zone), b.with_timezone(&self.zone));
            if a.offset() == b.offset() && a.date_naive() == b.date_naive() {
                self.last_day = Some((hour_from, hour_to, i));
            }
        }
        Ok(i)
    }

    /// Counts one valid ticket; its pauses are UTC milliseconds. An error is
    /// the reason to skip the row (a time the clock cannot place).
    pub fn add(&mut self, t: &Ticket, paused: &[(i64, i64)]) -> Result<(), String> {
        let Some(rule) = self.rules.get(t.priority) else {
            return Err("unknown priority".into());
        };
        let received = utc(t.received)?;
        let clock_error = |e: crate::clock::ClockError| e.to_string();
        // Response: the clock never pauses.
        let response_due = rule
            .clock
            .due(received, rule.response, &[])
            .map_err(clock_error)?
            .timestamp_millis();
        let response_minutes = match t.response {
            Some(at) => Some(rule.clock.open_minutes(received, utc(at)?).map_err(clock_error)?),
            None => None,
        };
        // Resolution: the first of resolved and (when allowed) workaround.
        self.pauses.clear();
        for &(a, b) in paused {
            self.pauses.push((utc(a)?, utc(b)?));
        }
        let resolution_due = rule
            .clock
            .due(received, rule.resolution, &self.pauses)
            .map_err(clock_error)?
            .timestamp_millis();
        let resolved = match (t.resolved, t.workaround) {
            (Some(r), Some(w)) if rule.or_workaround => Some(r.min(w)),
            (None, Some(w)) if rule.or_workaround => Some(w),
            (r, _) => r,
        };
        let resolution_minutes = match resolved {
            Some(at) => Some(self.unpaused_minutes(t.priority, t.received, at, paused)?),
            None => None,
        };
        let period = self.period_of(t.received)?;
        let as_of = self.as_of;
        let (Some(acc), Some(rule)) = (self.periods.get_mut(period), self.rules.get(t.priority))
        else {
            return Err("internal: no accumulator".into());
        };
        let _ = rule;
        let Some(p) = acc.priorities.get_mut(t.priority) else {
            return Err("internal: no accumulator".into());
        };
        p.tickets += 1;
        count(&mut p.response, t.response, response_due, response_minutes, as_of);
        count(&mut p.resolution, resolved, resolution_due, resolution_minutes, as_of);
        if let Some(yes) = t.first_contact_resolved {
            acc.fcr_answered += 1;
            acc.fcr_yes += u64::from(yes);
        }
        if let Some(r) = t.csat {
            acc.csat_ratings += 1;
            acc.csat_sum += u64::from(r);
            if let Some(c) = &self.contract.csat {
                acc.csat_top += u64::from(r + 1 >= c.scale.1);
            }
        }
        self.tickets += 1;
        Ok(())
    }

    /// Open time from receipt to `to` with the pauses taken out, in minutes.
    fn unpaused_minutes(
        &self,
        priority: usize,
        from: i64,
        to: i64,
        paused: &[(i64, i64)],
    ) -> Result<f64, String> {
        let Some(rule) = self.rules.get(priority) else {
            return Err("unknown priority".into());
        };
        let clock = &rule.clock;
        let open = |a: i64, b: i64| -> Result<f64, String> {
            clock.open_minutes(utc(a)?, utc(b)?).map_err(|e| e.to_string())
        };
        let mut total = open(from, to)?;
        if paused.is_empty() {
            return Ok(total);
        }
        // Clip to [from, to), then merge, so overlapping pauses count once.
        let mut clipped: Vec<(i64, i64)> = paused
            .iter()
            .map(|&(a, b)| (a.max(from), b.min(to)))
            .filter(|(a, b)| b > a)
            .collect();
        clipped.sort_unstable();
        let mut merged: Vec<(i64, i64)> = Vec::with_capacity(clipped.len());
        for (a, b) in clipped {
            match merged.last_mut() {
                Some(last) if a <= last.1 => last.1 = last.1.max(b),
                _ => merged.push((a, b)),
            }
        }
        for (a, b) in merged {
            total -= open(a, b)?;
        }
        Ok(total.max(0.0))
    }

    /// The report of everything counted.
    pub fn finish(mut self, skipped: Vec<Skipped>, skipped_total: u64) -> Report {
        self.periods.sort_by_key(|p| p.key);
        let contract = self.contract;
        let text = |t: &Fill<String>| match t {
            Fill::Value(s) => s.clone(),
            Fill::Placeholder(s) => format!("[{s}]"),
        };
        let fcr_target = contract
            .fcr
            .as_ref()
            .and_then(|f| f.min_percent.value().copied());
        let mut all_missed = Vec::new();
        let mut periods = Vec::with_capacity(self.periods.len());
        for acc in &mut self.periods {
            let name = match self.period {
                ReportPeriod::Monthly => format!("{:04}-{:02}", acc.key.year, acc.key.index),
                ReportPeriod::Quarterly => format!("{:04}-Q{}", acc.key.year, acc.key.index),
            };
            let mut missed = Vec::new();
            let mut priorities = Vec::with_capacity(acc.priorities.len());
            for ((p, rule), a) in contract
                .priorities
                .iter()
                .zip(&self.rules)
                .zip(&mut acc.priorities)
            {
                let response = target_report(&mut a.response, rule.response_share);
                let resolution = target_report(&mut a.resolution, rule.resolution_share);
                if response.ok == Some(false) {
                    missed.push(format!("{}.response", p.id));
                }
                if resolution.ok == Some(false) {
                    missed.push(format!("{}.resolution", p.id));
                }
                priorities.push(PriorityReport {
                    id: p.id.0.clone(),
                    tickets: a.tickets,
                    response,
                    resolution,
                });
            }
            let fcr = fcr_target.map(|target| FcrReport {
                percent: share(acc.fcr_yes, acc.fcr_answered),
                target_percent: target,
                ok: reaches(acc.fcr_yes, acc.fcr_answered, target),
                answered: acc.fcr_answered,
            });
            if fcr.as_ref().is_some_and(|f| f.ok == Some(false)) {
                missed.push("fcr".into());
            }
            let csat = contract.csat.as_ref().and_then(|c| match &c.goal {
                CsatGoal::Score { min } => min.value().map(|&target| {
                    let n = acc.csat_ratings;
                    CsatReport::Score {
                        score: (n > 0).then(|| round2(acc.csat_sum as f64 / n as f64)),
                        target,
                        ok: (n > 0).then(|| acc.csat_sum as f64 >= target * n as f64),
                        ratings: n,
                    }
                }),
                CsatGoal::Satisfied { min_percent } => {
                    min_percent.value().map(|&target| CsatReport::Satisfied {
                        percent: share(acc.csat_top, acc.csat_ratings),
                        target_percent: target,
                        ok: reaches(acc.csat_top, acc.csat_ratings, target),
                        ratings: acc.csat_ratings,
                    })
                }
            });
            if csat.as_ref().is_some_and(|c| c.ok() == Some(false)) {
                missed.push("csat".into());
            }
            all_missed.extend(missed.iter().map(|m| format!("{name} {m}")));
            periods.push(PeriodReport {
                period: name,
                priorities,
                fcr,
                csat,
                missed,
            });
        }
        Report {
            contract: contract
                .id
                .as_ref()
                .map(text)
                .unwrap_or_else(|| text(&contract.title)),
            as_of: self
                .as_of_utc
                .with_timezone(&self.zone)
                .to_rfc3339_opts(SecondsFormat::AutoSi, true),
            tickets: self.tickets,
            skipped,
            periods,
            skipped_total,
            title: text(&contract.title),
            timezone: self.zone.name().to_string(),
            period: match self.period {
                ReportPeriod::Monthly => "monthly",
                ReportPeriod::Quarterly => "quarterly",
            },
            missed: all_missed,
            priorities: contract
                .priorities
                .iter()
                .zip(&self.rules)
                .map(|(p, r)| PriorityInfo {
                    id: p.id.0.clone(),
                    label: text(&p.label),
                    response: target_words(r.response, false, r.response_share),
                    resolution: target_words(r.resolution, r.or_workaround, r.resolution_share),
                })
                .collect(),
        }
    }
}

/// Met at or before the due time; late is breached; no event yet is
/// breached once the due time is before `as_of`, else pending.
fn count(acc: &mut TargetAcc, event: Option<i64>, due: i64, minutes: Option<f64>, as_of: i64) {
    match event {
        Some(at) if at <= due => acc.met += 1,
        Some(_) => acc.breached += 1,
        None if due < as_of => acc.breached += 1,
        None => acc.pending += 1,
    }
    if let Some(m) = minutes {
        acc.minutes.push(m as f32);
    }
}

fn target_report(acc: &mut TargetAcc, target: f64) -> TargetReport {
    let decided = acc.met + acc.breached;
    TargetReport {
        met: acc.met,
        breached: acc.breached,
        pending: acc.pending,
        attainment_percent: share(acc.met, decided),
        target_percent: target,
        ok: reaches(acc.met, decided, target),
        p50_minutes: percentile(&mut acc.minutes, 50),
        p90_minutes: percentile(&mut acc.minutes, 90),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_percentiles() {
        let mut v: Vec<f32> = (1..=10).map(|x| x as f32).collect();
        assert_eq!(percentile(&mut v, 50), Some(5.0));
        assert_eq!(percentile(&mut v, 90), Some(9.0));
        let mut one = vec![7.5f32];
        assert_eq!(percentile(&mut one, 90), Some(7.5));
        assert_eq!(percentile(&mut [], 50), None);
        let mut v: Vec<f32> = (1..=11).rev().map(|x| x as f32).collect();
        assert_eq!(percentile(&mut v, 50), Some(6.0));
        assert_eq!(percentile(&mut v, 90), Some(10.0));
    }

    #[test]
    fn attainment_is_compared_unrounded() {
        assert_eq!(reaches(19, 20, 95.0), Some(true));
        assert_eq!(reaches(189, 200, 95.0), Some(false));
        assert_eq!(reaches(0, 0, 95.0), None);
    }
}
