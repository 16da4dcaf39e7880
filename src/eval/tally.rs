//! Measuring tickets against the contract: one clock per target (its own
//! `on CALENDAR`, else its priority's), built once; per (period, priority) counters and the open-time minutes the
//! percentiles need.
//!
//! The minutes are kept as `f32` (4 bytes a ticket and target) so p50/p90
//! are exact nearest-rank percentiles; past a budget they spill to a
//! temporary file (`minutes.rs`), so memory is flat in the log's length.
//! Everything else is integer counts, so the report does not depend on row
//! order.

use super::compliance::*;
use super::evidence::{BreachedTickets, Evidence, Late, Status, TicketRows, Worst};
use super::minutes::{Minutes, Spill};
use super::settle::{midnight_millis, Deadlines};
use super::skip::SkipReason;
use super::ticket::{clause_ids, Ticket};
use super::{EvalError, EvalOptions, ReportPeriod};
use crate::clock::Clock;
use crate::model::{
    BusinessDayRule, Contract, CsatGoal, Duration, Fill, PerTarget, Priority, TargetKind, Unit,
};
use chrono::{DateTime, Datelike, SecondsFormat, Utc};
use chrono_tz::Tz;
use std::collections::HashMap;

/// The rules of one priority, prepared once.
struct Rule {
    /// The clock of each target.
    clocks: PerTarget<Clock>,
    within: PerTarget<Duration>,
    /// The `for N%` attainment share of each target.
    share: PerTarget<f64>,
    or_workaround: bool,
    /// Per target: a UTC hour `[from, to)` within one local date and its
    /// `ends-at-close` due time.
    due_cache: PerTarget<Option<(i64, i64, i64)>>,
}

fn within(p: &Priority, kind: TargetKind) -> Result<(Duration, f64), EvalError> {
    let t = p.target(kind);
    let placeholder = |text: &str| EvalError::Placeholder {
        priority: p.id.clone(),
        kind,
        text: text.to_string(),
    };
    let d = *t.within.filled(placeholder)?;
    let share = match &t.attainment {
        None => 100.0,
        Some(share) => *share.filled(placeholder)?,
    };
    Ok((d, share))
}

#[derive(Default)]
struct TargetAcc {
    met: u64,
    breached: u64,
    pending: u64,
    minutes: Minutes,
}

#[derive(Default)]
struct PriorityAcc {
    tickets: u64,
    targets: PerTarget<TargetAcc>,
}

/// Calendar month (1–12) or quarter (1–4) of a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct PeriodKey {
    year: i32,
    index: u32,
}

impl PeriodKey {
    /// `2027-03` or `2027-Q1`.
    fn name(self, period: ReportPeriod) -> String {
        match period {
            ReportPeriod::Monthly => format!("{:04}-{:02}", self.year, self.index),
            ReportPeriod::Quarterly => format!("{:04}-Q{}", self.year, self.index),
        }
    }
}

struct PeriodAcc {
    key: PeriodKey,
    priorities: Vec<PriorityAcc>,
    fcr_yes: u64,
    fcr_answered: u64,
    csat_sum: u64,
    csat_top: u64,
    csat_ratings: u64,
    /// Tickets excluded under each of the contract's clauses.
    excluded: Vec<u64>,
}

/// Accumulates tickets; [`Tally::finish`] turns the totals into a report.
pub(crate) struct Tally<'c> {
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
    /// The lowest rating in the top two points of the CSAT scale.
    csat_top: u32,
    /// The effective period as UTC milliseconds `[from, to)`: local
    /// midnight of its first day and of the day after its last.
    effective: (Option<i64>, Option<i64>),
    pub(crate) tickets: u64,
    /// Tickets excluded under a clause (not in `tickets`).
    excluded: u64,
    /// The contract's clause ids, in declaration order.
    clauses: Vec<String>,
    /// `--tickets-out`: a row per ticket and target, when asked for.
    rows: Option<&'c mut TicketRows>,
    /// The breached tickets of each (period, priority, target).
    worst: HashMap<(PeriodKey, usize, TargetKind), Worst>,
    /// Where the accumulators' minutes go past their memory budget.
    spill: Spill,
}

/// Why a valid row is not counted.
pub(crate) enum Unscored {
    /// The clock cannot place one of its times.
    Malformed(SkipReason),
    /// Received before the contract takes effect or after it ends.
    OutsideEffective(SkipReason),
}

fn utc(ms: i64) -> Result<DateTime<Utc>, SkipReason> {
    DateTime::<Utc>::from_timestamp_millis(ms).ok_or(SkipReason::TimeOutOfRange { millis: ms })
}

/// A clock that cannot compute a due time or an open time.
fn clock(e: crate::clock::ClockError) -> SkipReason {
    SkipReason::Clock { error: e }
}

/// The UTC hour `[from, to)` around `at`, when it lies within one local
/// date of `zone` (same offset at both ends, same date): every instant of it
/// has that date. `None` for the hour of a local midnight or a DST change.
fn hour_within_one_date(zone: Tz, at: i64) -> Option<(i64, i64)> {
    const HOUR: i64 = 3_600_000;
    let from = at - at.rem_euclid(HOUR);
    let to = from + HOUR;
    let a = utc(from).ok()?.with_timezone(&zone);
    let b = utc(to - 1).ok()?.with_timezone(&zone);
    (a.offset() == b.offset() && a.date_naive() == b.date_naive()).then_some((from, to))
}

/// The effective period of a contract as UTC milliseconds (see
/// [`Tally`]'s `effective`); a placeholder date is no bound.
pub(super) fn effective_bounds(contract: &Contract) -> (Option<i64>, Option<i64>) {
    let zone = contract.timezone.unwrap_or(Tz::UTC);
    let Some(effective) = &contract.effective else {
        return (None, None);
    };
    let from = effective
        .from
        .value()
        .and_then(|&d| midnight_millis(zone, d));
    let to = effective
        .to
        .as_ref()
        .and_then(|t| t.value())
        .and_then(|d| d.succ_opt())
        .and_then(|d| midnight_millis(zone, d));
    (from, to)
}

fn share(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| round2(part as f64 * 100.0 / whole as f64))
}

/// At least `target` percent, compared unrounded.
fn reaches(part: u64, whole: u64, target: f64) -> Option<bool> {
    (whole > 0).then_some(part as f64 * 100.0 >= target * whole as f64)
}

fn target_words(d: Duration, or_workaround: bool, share: f64) -> String {
    let mut s = d.to_string();
    if or_workaround {
        s.push_str(" or workaround");
    }
    if share < 100.0 {
        s.push_str(&format!(" for {share}%"));
    }
    s
}

impl<'c> Tally<'c> {
    pub fn new(contract: &'c Contract, options: &EvalOptions) -> Result<Tally<'c>, EvalError> {
        let mut rules = Vec::with_capacity(contract.priorities.len());
        for p in &contract.priorities {
            let (response, response_share) = within(p, TargetKind::Response)?;
            let (resolution, resolution_share) = within(p, TargetKind::Resolution)?;
            let clocks = PerTarget {
                response: Clock::for_target(contract, p, TargetKind::Response)?,
                resolution: Clock::for_target(contract, p, TargetKind::Resolution)?,
            };
            // A target the clock cannot count (zero, `days` on a business
            // calendar) is the contract's fault, not a row's: say it once.
            clocks.response.due(options.as_of, response, &[])?;
            clocks.resolution.due(options.as_of, resolution, &[])?;
            rules.push(Rule {
                clocks,
                within: PerTarget {
                    response,
                    resolution,
                },
                share: PerTarget {
                    response: response_share,
                    resolution: resolution_share,
                },
                or_workaround: p.resolution.or_workaround,
                due_cache: PerTarget::default(),
            });
        }
        let value = |f: &Fill<f64>, goal: &'static str| {
            f.filled(|text| EvalError::GoalPlaceholder {
                goal,
                text: text.to_string(),
            })
            .copied()
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
        let deadlines = Deadlines::new(contract);
        // A report due time or claim window the contract clock cannot
        // count is the contract's fault: say it once, as for targets.
        let as_of = options.as_of.timestamp_millis();
        if let Some(within) = report_within(contract) {
            deadlines.report_due(as_of, within)?;
        }
        if let Some(within) = claim_within(contract) {
            deadlines.claim_by(as_of, within)?;
        }
        Ok(Tally {
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
            csat_top: contract
                .csat
                .as_ref()
                .map_or(u32::MAX, |c| c.scale.1.saturating_sub(1)),
            effective: effective_bounds(contract),
            tickets: 0,
            excluded: 0,
            clauses: clause_ids(contract),
            rows: None,
            worst: HashMap::new(),
            spill: Spill::default(),
        })
    }

    /// Spill the minutes once this many are held in memory.
    pub fn with_spill_at(mut self, spill_at: usize) -> Tally<'c> {
        self.spill = Spill::with_budget(spill_at);
        self
    }

    /// Writes a row per ticket and target into `rows` as they are counted.
    pub fn with_rows(mut self, rows: Option<&'c mut TicketRows>) -> Tally<'c> {
        self.rows = rows;
        self
    }

    /// The accumulator index of the period `at` falls in (local time of
    /// the contract's zone).
    fn period_of(&mut self, at: i64) -> Result<usize, SkipReason> {
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
                    excluded: vec![0; self.clauses.len()],
                });
                self.index.insert(key, self.periods.len() - 1);
                self.periods.len() - 1
            }
        };
        if let Some((from, to)) = hour_within_one_date(self.zone, at) {
            self.last_day = Some((from, to, i));
        }
        Ok(i)
    }

    /// Counts one valid ticket; its pauses are UTC milliseconds, `held`
    /// the statuses of `pause on` (indices) that gave some of them. An
    /// error is the reason to skip the row (a time the clock cannot place).
    pub fn add(
        &mut self,
        t: &Ticket,
        id: &[u8],
        paused: &[(i64, i64)],
        held: &[u16],
    ) -> Result<(), Unscored> {
        self.within_effective(t.received)
            .map_err(Unscored::OutsideEffective)?;
        match t.excluded {
            Some(clause) => self.exclude(t, id, clause).map_err(Unscored::Malformed),
            None => self
                .count(t, id, (paused, held))
                .map_err(Unscored::Malformed),
        }
    }

    /// Counts a ticket excluded under a clause: in its period's count of
    /// that clause, in no measure.
    fn exclude(&mut self, t: &Ticket, id: &[u8], clause: usize) -> Result<(), SkipReason> {
        let period = self.period_of(t.received)?;
        let names = names(self.contract, t)?;
        let acc = self
            .periods
            .get_mut(period)
            .ok_or_else(|| internal("no period"))?;
        let key = acc.key;
        let count = acc
            .excluded
            .get_mut(clause)
            .ok_or_else(|| internal("no clause totals"))?;
        *count += 1;
        self.excluded += 1;
        if let Some(rows) = self.rows.as_deref_mut() {
            let reason = format!(
                "excluded under clause `{}`",
                self.clauses.get(clause).map_or("", String::as_str)
            );
            let period = key.name(self.period);
            for (target, event) in [
                (TargetKind::Response, t.response),
                (TargetKind::Resolution, t.resolved.or(t.workaround)),
            ] {
                let row = Evidence {
                    id,
                    priority: names.0,
                    channel: names.1,
                    period: &period,
                    target,
                    received: t.received,
                    due: None,
                    event,
                    status: Status::Excluded,
                    late: None,
                    reason: &reason,
                };
                rows.write(&row, self.zone);
            }
        }
        Ok(())
    }

    /// `Err` with the reason when `received` is outside the effective
    /// period (by the local date in the contract's zone).
    fn within_effective(&self, received: i64) -> Result<(), SkipReason> {
        let local = || {
            utc(received).map_or_else(
                |e| e.to_string(),
                |t| {
                    t.with_timezone(&self.zone)
                        .to_rfc3339_opts(SecondsFormat::AutoSi, true)
                },
            )
        };
        let effective = self.contract.effective.as_ref();
        match self.effective {
            (Some(from), _) if received < from => Err(SkipReason::BeforeEffective {
                received: local(),
                date: effective
                    .and_then(|e| e.from.value())
                    .map_or_else(String::new, |d| d.to_string()),
            }),
            (_, Some(to)) if received >= to => Err(SkipReason::AfterEffective {
                received: local(),
                date: effective
                    .and_then(|e| e.to.as_ref())
                    .and_then(|d| d.value())
                    .map_or_else(String::new, |d| d.to_string()),
            }),
            _ => Ok(()),
        }
    }

    fn count(
        &mut self,
        t: &Ticket,
        id: &[u8],
        (paused, held): (&[(i64, i64)], &[u16]),
    ) -> Result<(), SkipReason> {
        let resolved = match (t.resolved, t.workaround) {
            (Some(r), Some(w)) if self.or_workaround(t.priority) => Some(r.min(w)),
            (None, Some(w)) if self.or_workaround(t.priority) => Some(w),
            (r, _) => r,
        };
        let response = self.verdict(
            t.priority,
            TargetKind::Response,
            t.received,
            t.response,
            &[],
        )?;
        let resolution = self.verdict(
            t.priority,
            TargetKind::Resolution,
            t.received,
            resolved,
            paused,
        )?;
        let period = self.period_of(t.received)?;
        let key = self
            .periods
            .get(period)
            .map(|acc| acc.key)
            .ok_or_else(|| internal("no period"))?;
        let measured = (
            self.measure(t, TargetKind::Response, &response, t.response, &[])?,
            self.measure(t, TargetKind::Resolution, &resolution, resolved, paused)?,
        );
        names(self.contract, t)?;
        let seen = (t, id, key);
        self.record(
            seen,
            TargetKind::Response,
            &measured.0,
            t.response,
            (&[], &[]),
        )?;
        self.record(
            seen,
            TargetKind::Resolution,
            &measured.1,
            resolved,
            (paused, held),
        )?;
        let Some(acc) = self.periods.get_mut(period) else {
            return Err(internal("no period totals"));
        };
        let Some(p) = acc.priorities.get_mut(t.priority) else {
            return Err(internal("no priority totals"));
        };
        p.tickets += 1;
        response.count(p.targets.get_mut(TargetKind::Response), &mut self.spill);
        resolution.count(p.targets.get_mut(TargetKind::Resolution), &mut self.spill);
        if let Some(yes) = t.first_contact_resolved {
            acc.fcr_answered += 1;
            acc.fcr_yes += u64::from(yes);
        }
        if let Some(r) = t.csat {
            acc.csat_ratings += 1;
            acc.csat_sum += u64::from(r);
            acc.csat_top += u64::from(r >= self.csat_top);
        }
        self.tickets += 1;
        if self.spill.full() {
            self.spill_minutes();
        }
        Ok(())
    }

    /// Every accumulator's minutes to the spill file.
    fn spill_minutes(&mut self) {
        for period in &mut self.periods {
            for p in &mut period.priorities {
                for kind in [TargetKind::Response, TargetKind::Resolution] {
                    p.targets.get_mut(kind).minutes.spill(&mut self.spill);
                }
            }
        }
    }

    /// What the evidence of one verdict needs: its status, and — when it is
    /// a breach or `--tickets-out` asks — its due time and by how much it
    /// was missed. Measured for both targets before anything is recorded,
    /// so a ticket the clock cannot place leaves no trace.
    fn measure(
        &mut self,
        t: &Ticket,
        kind: TargetKind,
        verdict: &Verdict,
        event: Option<i64>,
        paused: &[(i64, i64)],
    ) -> Result<Measured, SkipReason> {
        let status = match verdict {
            Verdict::Met(_) => Status::Met,
            Verdict::Breached(_) => Status::Breached,
            Verdict::Pending => Status::Pending,
        };
        if status != Status::Breached && self.rows.is_none() {
            return Ok(Measured {
                status,
                due: None,
                late: None,
            });
        }
        let within = *self
            .rules
            .get(t.priority)
            .ok_or_else(|| unknown("priority"))?
            .within
            .get(kind);
        let due = self.due(t.priority, kind, within, t.received, paused)?;
        let late = match status {
            Status::Breached => {
                let until = event.unwrap_or(self.as_of);
                let open = self
                    .rules
                    .get(t.priority)
                    .ok_or_else(|| unknown("priority"))?
                    .clocks
                    .get(kind)
                    .unpaused_open_millis(due, until, paused)
                    .map_err(clock)?;
                Some(Late {
                    open_ms: open,
                    wall_ms: until - due,
                })
            }
            Status::Met | Status::Pending | Status::Excluded => None,
        };
        Ok(Measured {
            status,
            due: Some(due),
            late,
        })
    }

    /// A breach into the worst of its target and period, and with
    /// `--tickets-out` the verdict into a row.
    fn record(
        &mut self,
        (t, id, key): (&Ticket, &[u8], PeriodKey),
        kind: TargetKind,
        measured: &Measured,
        event: Option<i64>,
        (paused, held): (&[(i64, i64)], &[u16]),
    ) -> Result<(), SkipReason> {
        if let Some(late) = measured.late {
            self.worst
                .entry((key, t.priority, kind))
                .or_default()
                .add(id, late);
        }
        let workaround = kind == TargetKind::Resolution
            && self.or_workaround(t.priority)
            && event.is_some()
            && event == t.workaround
            && t.resolved != event;
        let Some(rows) = self.rows.as_deref_mut() else {
            return Ok(());
        };
        let statuses: Vec<&str> = held
            .iter()
            .filter_map(|&i| self.contract.pause_on.get(usize::from(i)))
            .map(String::as_str)
            .collect();
        let reason = reason(
            kind,
            (measured.status, event),
            workaround,
            (paused, &statuses),
            self.zone,
        );
        let period = key.name(self.period);
        let (priority, channel) = names(self.contract, t)?;
        let row = Evidence {
            id,
            priority,
            channel,
            period: &period,
            target: kind,
            received: t.received,
            due: measured.due,
            event,
            status: measured.status,
            late: measured.late,
            reason: &reason,
        };
        rows.write(&row, self.zone);
        Ok(())
    }

    fn or_workaround(&self, priority: usize) -> bool {
        self.rules.get(priority).is_some_and(|r| r.or_workaround)
    }

    /// Met, breached or pending, and the open (unpaused) minutes to the
    /// event. The due time is computed only when the open time alone cannot
    /// decide: for a fixed budget of open time (minutes, hours, days, or
    /// business days of `H hours`) an event with less open time than the
    /// budget is before the due time and one with more is after it, since
    /// the due time is the earliest instant where the budget is spent.
    fn verdict(
        &mut self,
        priority: usize,
        kind: TargetKind,
        received: i64,
        event: Option<i64>,
        paused: &[(i64, i64)],
    ) -> Result<Verdict, SkipReason> {
        let Some(rule) = self.rules.get(priority) else {
            return Err(unknown("priority"));
        };
        let within = *rule.within.get(kind);
        let open = match event {
            Some(at) => Some(
                rule.clocks
                    .get(kind)
                    .unpaused_open_millis(received, at, paused)
                    .map_err(clock)?,
            ),
            None => None,
        };
        let minutes = open.map(|ms| (ms as f64 / 60_000.0) as f32);
        if let (Some(open), Some(budget)) = (open, fixed_budget(within, self.contract)) {
            if open < budget {
                return Ok(Verdict::Met(minutes));
            }
            if open > budget {
                return Ok(Verdict::Breached(minutes));
            }
        }
        let due = self.due(priority, kind, within, received, paused)?;
        Ok(match event {
            Some(at) if at <= due => Verdict::Met(minutes),
            Some(_) => Verdict::Breached(minutes),
            None if due < self.as_of => Verdict::Breached(None),
            None => Verdict::Pending,
        })
    }

    /// The due time of a target, in UTC milliseconds.
    fn due(
        &mut self,
        priority: usize,
        kind: TargetKind,
        within: Duration,
        received: i64,
        paused: &[(i64, i64)],
    ) -> Result<i64, SkipReason> {
        let Some(rule) = self.rules.get(priority) else {
            return Err(unknown("priority"));
        };
        // `ends-at-close` business days depend only on the local date of
        // receipt (docs/clock.md): tickets of one UTC hour within one local
        // date share their due time.
        let by_date = paused.is_empty()
            && within.unit == Unit::BusinessDays
            && self.contract.business_day == BusinessDayRule::EndsAtClose
            && !rule.clocks.get(kind).is_elapsed();
        if by_date {
            if let Some((from, to, due)) = *rule.due_cache.get(kind) {
                if from <= received && received < to {
                    return Ok(due);
                }
            }
        }
        self.pauses.clear();
        for &(a, b) in paused {
            self.pauses.push((utc(a)?, utc(b)?));
        }
        let due = rule
            .clocks
            .get(kind)
            .due(utc(received)?, within, &self.pauses)
            .map(|t| t.timestamp_millis())
            .map_err(clock)?;
        if by_date {
            let hour = hour_within_one_date(rule.clocks.get(kind).zone(), received);
            let cache = self
                .rules
                .get_mut(priority)
                .map(|r| r.due_cache.get_mut(kind));
            if let (Some((from, to)), Some(cache)) = (hour, cache) {
                *cache = Some((from, to, due));
            }
        }
        Ok(due)
    }

    /// The report of everything counted.
    pub fn finish(
        mut self,
        skipped: Vec<Skipped>,
        skipped_total: u64,
        outside_effective: u64,
    ) -> Result<ComplianceReport, EvalError> {
        self.periods.sort_by_key(|p| p.key);
        let contract = self.contract;
        let text = |t: &Fill<String>| t.to_string();
        let fcr_target = contract
            .fcr
            .as_ref()
            .and_then(|f| f.min_percent.value().copied());
        let mut all_missed = Vec::new();
        // Every target, in report order, and those decided in some period.
        let mut targets: Vec<String> = contract
            .priorities
            .iter()
            .flat_map(|p| TargetKind::ALL.map(|kind| format!("{}.{kind}", p.id)))
            .collect();
        if fcr_target.is_some() {
            targets.push("fcr".into());
        }
        if contract.csat.is_some() {
            targets.push("csat".into());
        }
        let mut decided = std::collections::HashSet::new();
        let mut periods = Vec::with_capacity(self.periods.len());
        for acc in &mut self.periods {
            let name = acc.key.name(self.period);
            let mut missed = Vec::new();
            let mut no_data = Vec::new();
            let mut verdict = |target: String, ok: Option<bool>| match ok {
                Some(true) => {
                    decided.insert(target);
                }
                Some(false) => {
                    missed.push(target.clone());
                    decided.insert(target);
                }
                None => no_data.push(target),
            };
            let mut priorities = Vec::with_capacity(acc.priorities.len());
            for ((p, rule), a) in contract
                .priorities
                .iter()
                .zip(&self.rules)
                .zip(&mut acc.priorities)
            {
                let spill = &mut self.spill;
                let mut report = |kind| {
                    let t = target_report(a.targets.get_mut(kind), *rule.share.get(kind), spill)?;
                    verdict(format!("{}.{kind}", p.id), t.ok);
                    Ok::<_, EvalError>(t)
                };
                let response = report(TargetKind::Response)?;
                let resolution = report(TargetKind::Resolution)?;
                priorities.push(PriorityReport {
                    id: p.id.0.clone(),
                    tickets: a.tickets,
                    response,
                    resolution,
                });
            }
            let tickets = priorities.iter().map(|p| p.tickets).sum();
            let fcr = fcr_target.map(|target| FcrReport {
                percent: share(acc.fcr_yes, acc.fcr_answered),
                target_percent: target,
                ok: reaches(acc.fcr_yes, acc.fcr_answered, target),
                answered: acc.fcr_answered,
                resolved_first: acc.fcr_yes,
                tickets,
            });
            if let Some(f) = &fcr {
                verdict("fcr".into(), f.ok);
            }
            let csat = contract.csat.as_ref().and_then(|c| match &c.goal {
                CsatGoal::Score { min } => min.value().map(|&target| {
                    let n = acc.csat_ratings;
                    CsatReport::Score {
                        score: (n > 0).then(|| round2(acc.csat_sum as f64 / n as f64)),
                        target,
                        ok: (n > 0).then_some(acc.csat_sum as f64 >= target * n as f64),
                        ratings: n,
                        exact: (n > 0).then(|| acc.csat_sum as f64 / n as f64),
                    }
                }),
                CsatGoal::Satisfied { min_percent } => {
                    min_percent.value().map(|&target| CsatReport::Satisfied {
                        percent: share(acc.csat_top, acc.csat_ratings),
                        target_percent: target,
                        ok: reaches(acc.csat_top, acc.csat_ratings, target),
                        ratings: acc.csat_ratings,
                        exact: (acc.csat_ratings > 0)
                            .then(|| acc.csat_top as f64 * 100.0 / acc.csat_ratings as f64),
                    })
                }
            });
            if let Some(c) = &csat {
                verdict("csat".into(), c.ok());
            }
            let excluded = self
                .clauses
                .iter()
                .zip(&acc.excluded)
                .filter(|(_, &n)| n > 0)
                .map(|(clause, &tickets)| ExcludedCount {
                    clause: clause.clone(),
                    tickets,
                })
                .collect();
            all_missed.extend(missed.iter().map(|m| format!("{name} {m}")));
            periods.push(PeriodReport {
                period: name,
                priorities,
                fcr,
                csat,
                report_due: None,
                credits: None,
                missed,
                no_data,
                availability: Vec::new(),
                excluded,
            });
        }
        targets.retain(|t| !decided.contains(t));
        let mut worst: Vec<_> = self.worst.drain().collect();
        worst.sort_by_key(|(key, _)| *key);
        let breached: Vec<BreachedTickets> = worst
            .into_iter()
            .map(|((key, priority, kind), w)| {
                let id = contract
                    .priorities
                    .get(priority)
                    .map_or_else(String::new, |p| p.id.0.clone());
                w.finish(key.name(self.period), id, kind)
            })
            .collect();
        Ok(ComplianceReport {
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
                    response: target_words(r.within.response, false, r.share.response),
                    resolution: target_words(
                        r.within.resolution,
                        r.or_workaround,
                        r.share.resolution,
                    ),
                    response_target_percent: r.share.response,
                    resolution_target_percent: r.share.resolution,
                    response_within: r.within.response,
                    resolution_within: r.within.resolution,
                    or_workaround: r.or_workaround,
                })
                .collect(),
            no_data: targets,
            outside_effective,
            excluded: self.excluded,
            effective: contract.effective.as_ref().map(|e| {
                let date = |d: &Fill<chrono::NaiveDate>| match d {
                    Fill::Value(d) => d.to_string(),
                    Fill::Placeholder(p) => format!("[{p}]"),
                };
                format!(
                    "{}..{}",
                    date(&e.from),
                    e.to.as_ref().map(date).unwrap_or_default()
                )
            }),
            outages: None,
            ticket_log: true,
            breached,
        })
    }
}

/// A verdict with what its evidence needs (see `Tally::measure`).
struct Measured {
    status: Status,
    due: Option<i64>,
    late: Option<Late>,
}

/// A bug: a count the tally should have made.
fn internal(what: &'static str) -> SkipReason {
    SkipReason::Internal { what }
}

/// A bug: an index of a priority or channel the contract does not have.
fn unknown(column: &'static str) -> SkipReason {
    SkipReason::UnknownIndex { column }
}

/// The ids of a ticket's priority and channel.
fn names<'c>(contract: &'c Contract, t: &Ticket) -> Result<(&'c str, &'c str), SkipReason> {
    let priority = contract
        .priorities
        .get(t.priority)
        .ok_or_else(|| unknown("priority"))?;
    let channel = contract
        .channels
        .get(t.channel)
        .ok_or_else(|| unknown("channel"))?;
    Ok((priority.id.as_str(), channel.id.as_str()))
}

/// Why a verdict is what it is, in a few words: a breach without an
/// event, a workaround that counts, the pauses that stopped the clock and
/// the statuses (of `pause on`, `--statuses`) that gave some of them.
fn reason(
    kind: TargetKind,
    (status, event): (Status, Option<i64>),
    workaround: bool,
    (paused, statuses): (&[(i64, i64)], &[&str]),
    zone: Tz,
) -> String {
    let mut parts: Vec<String> = Vec::new();
    let waiting = match kind {
        TargetKind::Response => "no first response",
        TargetKind::Resolution => "not resolved",
    };
    match (status, event) {
        (Status::Breached, None) => parts.push(format!("{waiting} by as-of")),
        (Status::Pending, _) => parts.push(format!("{waiting}, due after as-of")),
        (Status::Met | Status::Breached | Status::Excluded, _) => {}
    }
    if workaround {
        parts.push("the workaround counts (`or workaround`)".into());
    }
    let time = |ms: i64| {
        utc(ms).map_or_else(
            |e| e.to_string(),
            |t| {
                t.with_timezone(&zone)
                    .to_rfc3339_opts(SecondsFormat::AutoSi, true)
            },
        )
    };
    if !paused.is_empty() {
        let list: Vec<String> = paused
            .iter()
            .map(|&(a, b)| format!("{}/{}", time(a), time(b)))
            .collect();
        parts.push(format!("paused {}", list.join(";")));
    }
    if !statuses.is_empty() {
        let list: Vec<String> = statuses.iter().map(|s| format!("`{s}`")).collect();
        parts.push(format!("in status {}", list.join(", ")));
    }
    parts.join("; ")
}

/// `reporting { report … within D }` when D is filled in.
fn report_within(contract: &Contract) -> Option<Duration> {
    contract
        .reporting
        .as_ref()
        .and_then(|r| r.within.value().copied())
}

/// `credits { claim within D }` when D is filled in.
fn claim_within(contract: &Contract) -> Option<Duration> {
    contract
        .credits
        .as_ref()
        .and_then(|c| c.claim.as_ref())
        .and_then(|c| c.value().copied())
}

/// The fate of one ticket against one target, with its open-time minutes
/// when the event happened.
enum Verdict {
    Met(Option<f32>),
    Breached(Option<f32>),
    Pending,
}

impl Verdict {
    fn count(self, acc: &mut TargetAcc, spill: &mut Spill) {
        let minutes = match self {
            Verdict::Met(m) => {
                acc.met += 1;
                m
            }
            Verdict::Breached(m) => {
                acc.breached += 1;
                m
            }
            Verdict::Pending => {
                acc.pending += 1;
                None
            }
        };
        if let Some(minutes) = minutes {
            acc.minutes.push(minutes, spill);
        }
    }
}

/// The budget of a target in milliseconds of open time, when it is one
/// (`business days` counted `ends-at-close` or `same-time` are not).
fn fixed_budget(within: Duration, contract: &Contract) -> Option<i64> {
    let minutes = match (within.unit, contract.business_day) {
        (Unit::Minutes, _) => 1,
        (Unit::Hours, _) => 60,
        (Unit::Days, _) => 24 * 60,
        (Unit::BusinessDays, BusinessDayRule::Hours { minutes }) => i64::from(minutes),
        (Unit::BusinessDays, _) => return None,
    };
    Some(i64::from(within.amount) * minutes * 60_000)
}

fn target_report(
    acc: &mut TargetAcc,
    target: f64,
    spill: &mut Spill,
) -> Result<TargetReport, EvalError> {
    let decided = acc.met + acc.breached;
    let [p50, p90] = acc
        .minutes
        .percentiles([50, 90], spill)
        .map_err(EvalError::Spill)?;
    Ok(TargetReport {
        met: acc.met,
        breached: acc.breached,
        pending: acc.pending,
        attainment_percent: share(acc.met, decided),
        target_percent: target,
        ok: reaches(acc.met, decided, target),
        p50_minutes: p50,
        p90_minutes: p90,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attainment_is_compared_unrounded() {
        assert_eq!(reaches(19, 20, 95.0), Some(true));
        assert_eq!(reaches(189, 200, 95.0), Some(false));
        assert_eq!(reaches(0, 0, 95.0), None);
    }
}
