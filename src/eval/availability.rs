//! Availability of each channel per period, measured from an outage log
//! (§11 of the design).
//!
//! Everything is exact interval arithmetic on UTC milliseconds, never
//! wall-clock arithmetic: a period's *scheduled* time is the open intervals
//! of the channel's hours calendar in it, as the SLA clock's timeline lists
//! them ([`Clock::open_intervals`]), so a DST night or a holiday counts the
//! real minutes the channel was staffed. Every other set (outages, clause
//! exclusions, each maintenance row's parts) is intersected with those
//! intervals before it is measured:
//!
//! - *downtime* is the union of the `outage` rows inside the open time,
//!   plus the parts of `maintenance` rows that are not excluded;
//! - *excluded* is the union of clause rows, and the maintenance parts that
//!   had notice, fall inside the window and fit the allowance — never a
//!   minute an `outage` row covers;
//! - maintenance rows are taken in order of start: a minute already counted
//!   (by an outage, a clause or an earlier maintenance row) is counted once,
//!   and the allowance (per channel and allowance period) is spent on
//!   minutes that would otherwise be downtime, in time order.

use super::compliance::{round2, whole_as_integer, ComplianceReport, PeriodReport};
use super::input::LogFormat;
use super::not_excluded::NotExcluded;
use super::outages::{self, OutageKind, OutageLog, OutageRow, OutageRules};
use super::{EvalError, EvalOptions, ReportPeriod, TimeOptions};
use crate::clock::Clock;
use crate::model::{
    BusinessDayRule, Calendar, CalendarId, Contract, Duration, Period, TimeSpan, Unit,
};
use chrono::{DateTime, Datelike, NaiveDate, SecondsFormat, Utc};
use chrono_tz::Tz;
use serde::Serialize;
use std::collections::HashMap;
use std::io::Read;

/// One channel's availability in one period: the §11 fields first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AvailabilityReport {
    pub channel: String,
    /// Open time of the channel's hours in the period (inside the effective
    /// period and before `--as-of`), in real minutes.
    #[serde(serialize_with = "whole_as_integer")]
    pub scheduled_minutes: f64,
    #[serde(serialize_with = "whole_as_integer")]
    pub downtime_minutes: f64,
    #[serde(serialize_with = "whole_as_integer")]
    pub excluded_minutes: f64,
    /// (scheduled − downtime) ÷ scheduled × 100; `None` with no scheduled time.
    pub percent: Option<f64>,
    #[serde(serialize_with = "whole_as_integer")]
    pub target_percent: f64,
    /// `None` with no scheduled time: neither met nor missed.
    pub ok: Option<bool>,
    /// Each maintenance row of the channel in the period, in order of start.
    pub maintenance: Vec<MaintenanceReport>,
}

/// What one maintenance row counted in one period, and why not the rest.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MaintenanceReport {
    /// The row's line in the outage log.
    pub line: u64,
    /// RFC 3339 in the contract's zone.
    pub start: String,
    pub end: String,
    /// Minutes of open time the row excluded.
    #[serde(serialize_with = "whole_as_integer")]
    pub excluded_minutes: f64,
    /// Minutes of open time the row made downtime.
    #[serde(serialize_with = "whole_as_integer")]
    pub downtime_minutes: f64,
    /// Why what was not excluded was not: `notice 2 business days, 5
    /// required`, `45 minutes outside the window`, `60 minutes beyond the
    /// allowance of 8 hours monthly`. Empty when all of it was excluded.
    pub why: Vec<NotExcluded>,
}

/// Rows of the outage log, counted: part of the report when a log was given.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutageSummary {
    /// Rows evaluated (skipped rows are not counted).
    pub rows: u64,
    /// The first skipped rows, by line, with their reasons.
    pub skipped: Vec<super::Skipped>,
    pub skipped_total: u64,
}

/// The contract's maintenance exclusion, ready to apply.
pub(crate) struct MaintenanceRules {
    /// Counted on the contract clock from `notice_at` to the start.
    pub notice: Duration,
    /// The weekly hours maintenance may be excluded in, as a clock.
    pub window: Option<Clock>,
    /// `at most`: milliseconds per allowance period, and the amount as written.
    pub allowance: Option<(i64, Period, Duration)>,
}

/// The exclusions of the contract this module applies: the maintenance
/// rules and the clause ids.
pub(crate) struct Exclusions {
    pub maintenance: Option<MaintenanceRules>,
    pub clauses: Vec<String>,
}

impl Exclusions {
    /// The contract's `exclusions`, with placeholders refused: a log cannot
    /// be measured against a notice or allowance not yet filled in.
    pub fn of(contract: &Contract) -> Result<Exclusions, EvalError> {
        let Some(exclusions) = &contract.exclusions else {
            return Ok(Exclusions {
                maintenance: None,
                clauses: Vec::new(),
            });
        };
        let placeholder = |goal: &'static str| {
            move |text: &str| EvalError::GoalPlaceholder {
                goal,
                text: text.to_string(),
            }
        };
        let zone = contract.timezone.unwrap_or(Tz::UTC);
        let maintenance = match &exclusions.maintenance {
            None => None,
            Some(m) => {
                let notice = *m.notice.filled(placeholder("the maintenance notice"))?;
                let allowance = match &m.allowance {
                    None => None,
                    Some(a) => {
                        let amount = *a.amount.filled(placeholder("the maintenance allowance"))?;
                        let per_unit: i64 = match amount.unit {
                            Unit::Minutes => 1,
                            Unit::Hours => 60,
                            Unit::Days => 24 * 60,
                            Unit::BusinessDays => match contract.business_day {
                                BusinessDayRule::Hours { minutes } => i64::from(minutes),
                                BusinessDayRule::EndsAtClose | BusinessDayRule::SameTime => {
                                    return Err(EvalError::AllowanceInBusinessDays)
                                }
                            },
                        };
                        Some((
                            i64::from(amount.amount) * per_unit * 60_000,
                            a.period,
                            amount,
                        ))
                    }
                };
                Some(MaintenanceRules {
                    notice,
                    window: m.window.as_ref().map(|w| window_clock(w, zone)),
                    allowance,
                })
            }
        };
        Ok(Exclusions {
            maintenance,
            clauses: exclusions.clauses.iter().map(|c| c.id.0.clone()).collect(),
        })
    }
}

/// The weekly hours of a maintenance window as a calendar in `zone`.
pub(crate) fn window_clock(window: &[Vec<TimeSpan>; 7], zone: Tz) -> Clock {
    let calendar = Calendar {
        id: CalendarId("maintenance window".into()),
        label: None,
        timezone: zone,
        always: false,
        weekly: window.clone(),
        closed: Vec::new(),
        open: Vec::new(),
        holidays: Vec::new(),
    };
    Clock::new(Some(&calendar), BusinessDayRule::EndsAtClose)
}

// ---------------------------------------------------------------- intervals

/// Sorted, disjoint, non-empty `[from, to)` intervals.
type Set = Vec<(i64, i64)>;

fn union(mut intervals: Vec<(i64, i64)>) -> Set {
    intervals.retain(|(a, b)| b > a);
    crate::clock::join_intervals(&mut intervals);
    intervals
}

fn intersect(x: &[(i64, i64)], y: &[(i64, i64)]) -> Set {
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while let (Some(&(a, b)), Some(&(c, d))) = (x.get(i), y.get(j)) {
        let (from, to) = (a.max(c), b.min(d));
        if to > from {
            out.push((from, to));
        }
        if b < d {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

fn subtract(x: &[(i64, i64)], y: &[(i64, i64)]) -> Set {
    let mut out = Vec::new();
    let mut j = 0;
    for &(a, b) in x {
        let mut from = a;
        while let Some(&(c, d)) = y.get(j) {
            if d <= from {
                j += 1;
                continue;
            }
            if c >= b {
                break;
            }
            if c > from {
                out.push((from, c));
            }
            from = from.max(d);
            if d >= b {
                break;
            }
            j += 1;
        }
        if b > from {
            out.push((from, b));
        }
    }
    out
}

fn length(x: &[(i64, i64)]) -> i64 {
    x.iter().map(|(a, b)| b - a).sum()
}

/// The intervals of a sorted disjoint set that overlap `[from, to)`, clipped.
fn clip(x: &[(i64, i64)], from: i64, to: i64) -> Set {
    let first = x.partition_point(|&(_, b)| b <= from);
    x.iter()
        .skip(first)
        .take_while(|&&(a, _)| a < to)
        .map(|&(a, b)| (a.max(from), b.min(to)))
        .filter(|(a, b)| b > a)
        .collect()
}

pub(super) fn minutes(ms: i64) -> f64 {
    round2(ms as f64 / 60_000.0)
}

// ------------------------------------------------------------------ periods

/// Calendar months, quarters or years in a zone: keys, bounds and names.
#[derive(Debug, Clone, Copy)]
struct Periods {
    period: Period,
    zone: Tz,
}

/// A year and its month (1–12), quarter (1–4) or 1 for the whole year.
type Key = (i32, u32);

impl Periods {
    fn per(self) -> u32 {
        match self.period {
            Period::Monthly => 12,
            Period::Quarterly => 4,
            Period::Yearly => 1,
        }
    }

    fn key_of(self, at: i64) -> Option<Key> {
        let local = DateTime::<Utc>::from_timestamp_millis(at)?.with_timezone(&self.zone);
        let index = match self.period {
            Period::Monthly => local.month(),
            Period::Quarterly => (local.month() - 1) / 3 + 1,
            Period::Yearly => 1,
        };
        Some((local.year(), index))
    }

    fn next(self, (year, index): Key) -> Key {
        if index >= self.per() {
            (year + 1, 1)
        } else {
            (year, index + 1)
        }
    }

    fn first_instant(self, (year, index): Key) -> Option<i64> {
        let month = match self.period {
            Period::Monthly => index,
            Period::Quarterly => (index - 1) * 3 + 1,
            Period::Yearly => 1,
        };
        super::settle::midnight_millis(self.zone, NaiveDate::from_ymd_opt(year, month, 1)?)
    }

    /// `[from, to)`: the first instant of the period and of the next.
    fn bounds(self, key: Key) -> Option<(i64, i64)> {
        Some((
            self.first_instant(key)?,
            self.first_instant(self.next(key))?,
        ))
    }

    fn name(self, (year, index): Key) -> String {
        match self.period {
            Period::Monthly => format!("{year:04}-{index:02}"),
            Period::Quarterly => format!("{year:04}-Q{index}"),
            Period::Yearly => format!("{year:04}"),
        }
    }

    /// The key of a name [`Periods::name`] made.
    fn parse(self, name: &str) -> Option<Key> {
        let (year, rest) = name.split_once('-')?;
        let index = rest.trim_start_matches('Q').parse().ok()?;
        Some((year.parse().ok()?, index))
    }
}

// ------------------------------------------------------------- measurement

/// One channel with an availability target, prepared once.
struct Measured<'c> {
    index: usize,
    id: &'c str,
    hours: Clock,
    target: f64,
}

/// The running state of one channel's maintenance allowance.
type Allowances = HashMap<Key, i64>;

struct Measure<'a> {
    zone: Tz,
    exclusions: &'a Exclusions,
    /// The contract clock, on which notice is counted.
    clock: Clock,
    /// `[from, to)` every period is clipped to: the effective period, and
    /// nothing after `--as-of`.
    bounds: (Option<i64>, i64),
}

impl Measure<'_> {
    fn rfc3339(&self, at: i64) -> String {
        DateTime::<Utc>::from_timestamp_millis(at).map_or_else(
            || format!("{at} ms"),
            |t| {
                t.with_timezone(&self.zone)
                    .to_rfc3339_opts(SecondsFormat::AutoSi, true)
            },
        )
    }

    /// Why a maintenance row's notice is too short, or `None` when it is
    /// long enough: a request received at `notice_at` with the target
    /// `notice` would be due at or before the start.
    fn notice_short(
        &self,
        row: &OutageRow,
        notice: Duration,
    ) -> Result<Option<NotExcluded>, EvalError> {
        let Some(notice_at) = row.notice_at else {
            return Ok(Some(NotExcluded::NoNotice { required: notice }));
        };
        if notice.amount == 0 {
            return Ok(None);
        }
        let at = |ms: i64| DateTime::<Utc>::from_timestamp_millis(ms);
        let (Some(from), Some(start)) = (at(notice_at), at(row.start)) else {
            return Ok(Some(NotExcluded::NoticeOutOfRange));
        };
        if notice_at < row.start && self.clock.due(from, notice, &[])? <= start {
            return Ok(None);
        }
        // The notice given, in the unit required: the most whole units a
        // request received at `notice_at` would have had by the start.
        let mut given = 0;
        while given + 1 < notice.amount
            && notice_at < row.start
            && self.clock.due(
                from,
                Duration {
                    amount: given + 1,
                    unit: notice.unit,
                },
                &[],
            )? <= start
        {
            given += 1;
        }
        let given = Duration {
            amount: given,
            unit: notice.unit,
        };
        Ok(Some(NotExcluded::ShortNotice {
            given,
            required: notice,
        }))
    }

    /// The availability of one channel in every period of `keys`.
    fn channel(
        &self,
        channel: &Measured<'_>,
        rows: &[OutageRow],
        periods: Periods,
        keys: &[Key],
    ) -> Result<Vec<AvailabilityReport>, EvalError> {
        let of_kind = |pick: fn(OutageKind) -> bool| {
            union(
                rows.iter()
                    .filter(|r| pick(r.kind))
                    .map(|r| (r.start, r.end))
                    .collect(),
            )
        };
        let outages = of_kind(|k| k == OutageKind::Outage);
        let clauses = of_kind(|k| matches!(k, OutageKind::Clause(_)));
        let maintenance: Vec<&OutageRow> = rows
            .iter()
            .filter(|r| r.kind == OutageKind::Maintenance)
            .collect();
        let mut notice = Vec::with_capacity(maintenance.len());
        for row in &maintenance {
            notice.push(match &self.exclusions.maintenance {
                Some(rules) => self.notice_short(row, rules.notice)?,
                None => Some(NotExcluded::NoMaintenanceRule),
            });
        }
        let mut allowances = Allowances::new();
        let mut out = Vec::with_capacity(keys.len());
        for &key in keys {
            let Some((from, to)) = periods.bounds(key) else {
                continue;
            };
            let from = self.bounds.0.map_or(from, |f| f.max(from));
            let to = to.min(self.bounds.1);
            let open = channel.hours.open_intervals(from, to)?;
            let down = intersect(&clip(&outages, from, to), &open);
            let clause = subtract(&intersect(&clip(&clauses, from, to), &open), &down);
            // Minutes an outage or a clause row already counts.
            let counted = union([down.clone(), clause.clone()].concat());
            // Rows come in order of start, so the earlier maintenance rows
            // cover exactly `[row start, reach)` of what lies after a row's
            // start: a row's new minutes start at `reach`.
            let mut reach = i64::MIN;
            let (mut downtime, mut excluded) = (length(&down), length(&clause));
            let mut reports = Vec::new();
            for (row, short) in maintenance.iter().zip(&notice) {
                if row.end <= from || row.start >= to || (row.start == row.end) {
                    continue;
                }
                let (a, b) = (row.start.max(from), row.end.min(to));
                let whole = clip(&open, a, b);
                let fresh = a.max(reach);
                let piece = subtract(&clip(&whole, fresh, b), &clip(&counted, fresh, b));
                reach = reach.max(b);
                let covered = length(&whole) - length(&piece);
                let (kept, mut why) =
                    self.maintenance_piece(&piece, short.as_ref(), &mut allowances)?;
                let row_down = length(&piece) - length(&kept);
                if covered > 0 {
                    why.push(NotExcluded::AlreadyCounted { ms: covered });
                }
                downtime += row_down;
                excluded += length(&kept);
                reports.push(MaintenanceReport {
                    line: row.line,
                    start: self.rfc3339(row.start),
                    end: self.rfc3339(row.end),
                    excluded_minutes: minutes(length(&kept)),
                    downtime_minutes: minutes(row_down),
                    why,
                });
            }
            let scheduled = length(&open);
            let up = scheduled - downtime;
            out.push(AvailabilityReport {
                channel: channel.id.to_string(),
                scheduled_minutes: minutes(scheduled),
                downtime_minutes: minutes(downtime),
                excluded_minutes: minutes(excluded),
                percent: (scheduled > 0).then(|| round2(up as f64 * 100.0 / scheduled as f64)),
                target_percent: channel.target,
                ok: (scheduled > 0)
                    .then_some(up as f64 * 100.0 >= channel.target * scheduled as f64),
                maintenance: reports,
            });
        }
        Ok(out)
    }

    /// The part of a maintenance row's new minutes that is excluded, and why
    /// the rest is not.
    fn maintenance_piece(
        &self,
        piece: &[(i64, i64)],
        notice_short: Option<&NotExcluded>,
        allowances: &mut Allowances,
    ) -> Result<(Set, Vec<NotExcluded>), EvalError> {
        let mut why = Vec::new();
        let (Some(rules), None) = (&self.exclusions.maintenance, notice_short) else {
            why.extend(notice_short.cloned());
            return Ok((Vec::new(), why));
        };
        let inside = match &rules.window {
            None => piece.to_vec(),
            Some(window) => {
                let mut inside = Vec::new();
                for &(a, b) in piece {
                    inside.extend(window.open_intervals(a, b)?);
                }
                let outside = length(piece) - length(&inside);
                if outside > 0 {
                    why.push(NotExcluded::OutsideWindow { ms: outside });
                }
                inside
            }
        };
        let Some((allowance, period, amount)) = &rules.allowance else {
            return Ok((inside, why));
        };
        let periods = Periods {
            period: *period,
            zone: self.zone,
        };
        let mut kept = Vec::new();
        let mut beyond = 0;
        for (mut a, b) in inside {
            // Split at allowance-period boundaries: each part spends the
            // allowance of its own period.
            while a < b {
                let Some(key) = periods.key_of(a) else { break };
                let end = periods.bounds(key).map_or(b, |(_, next)| next.min(b));
                let end = if end > a { end } else { b };
                let left = allowances.entry(key).or_insert(*allowance);
                let take = (*left).min(end - a);
                if take > 0 {
                    kept.push((a, a + take));
                    *left -= take;
                }
                beyond += end - a - take;
                a = end;
            }
        }
        if beyond > 0 {
            why.push(NotExcluded::BeyondAllowance {
                ms: beyond,
                allowance: *amount,
                period: *period,
            });
        }
        Ok((kept, why))
    }
}

/// Reads an outage log and adds availability to `report`: an entry per
/// channel with an `availability` target in every period from the first
/// either log reaches to the last, missed ones in `missed`, periods with no
/// scheduled time in `no_data`.
pub fn evaluate_outages<R: Read>(
    report: &mut ComplianceReport,
    contract: &Contract,
    input: R,
    format: impl Into<LogFormat>,
    options: &EvalOptions,
) -> Result<(), EvalError> {
    evaluate_outages_with(
        report,
        contract,
        input,
        format,
        options,
        TimeOptions::default(),
    )
}

/// [`evaluate_outages`] with the log's times read as `times` says
/// (`--zone`, `--excel-dates`).
pub fn evaluate_outages_with<R: Read>(
    report: &mut ComplianceReport,
    contract: &Contract,
    input: R,
    format: impl Into<LogFormat>,
    options: &EvalOptions,
    times: TimeOptions,
) -> Result<(), EvalError> {
    let exclusions = Exclusions::of(contract)?;
    let as_of = options.as_of.timestamp_millis();
    let rules = OutageRules::new(
        contract,
        exclusions.clauses.clone(),
        as_of,
        super::zone::LogTimes::new(times),
    );
    let log = outages::read(&rules, input, format)?;
    let zone = contract.timezone.unwrap_or(Tz::UTC);
    let periods = Periods {
        period: match options.period {
            ReportPeriod::Monthly => Period::Monthly,
            ReportPeriod::Quarterly => Period::Quarterly,
        },
        zone,
    };
    let mut channels = Vec::new();
    for (index, c) in contract.channels.iter().enumerate() {
        let Some(availability) = &c.availability else {
            continue;
        };
        let target = *availability
            .percent
            .filled(|text| EvalError::AvailabilityPlaceholder {
                channel: c.id.0.clone(),
                text: text.to_string(),
            })?;
        let calendar = c.hours.as_ref().and_then(|id| contract.calendar(id));
        channels.push(Measured {
            index,
            id: c.id.0.as_str(),
            hours: Clock::new(calendar, contract.business_day),
            target,
        });
    }
    let keys = period_keys(report, &log, periods);
    let effective = super::tally::effective_bounds(contract);
    let measure = Measure {
        zone,
        exclusions: &exclusions,
        clock: super::settle::contract_clock(contract),
        bounds: (effective.0, effective.1.map_or(as_of, |to| to.min(as_of))),
    };
    let mut per_channel = Vec::with_capacity(channels.len());
    for channel in &channels {
        let rows = log
            .channels
            .get(channel.index)
            .map_or(&[][..], Vec::as_slice);
        per_channel.push(measure.channel(channel, rows, periods, &keys)?);
    }
    merge(report, periods, &keys, per_channel);
    report.outages = Some(OutageSummary {
        rows: log.rows,
        skipped: log.skipped,
        skipped_total: log.skipped_total,
    });
    // The credits' availability lines and the new periods' report due.
    super::credits::settle(report, contract, options.period);
    Ok(())
}

/// Every period from the first the logs reach to the last.
fn period_keys(report: &ComplianceReport, log: &OutageLog, periods: Periods) -> Vec<Key> {
    let mut reached: Vec<Key> = report
        .periods
        .iter()
        .filter_map(|p| periods.parse(&p.period))
        .collect();
    for row in log.channels.iter().flatten() {
        reached.extend(periods.key_of(row.start));
        reached.extend(periods.key_of((row.end - 1).max(row.start)));
    }
    let (Some(&first), Some(&last)) = (reached.iter().min(), reached.iter().max()) else {
        return Vec::new();
    };
    let mut keys = vec![first];
    let mut key = first;
    while key < last {
        key = periods.next(key);
        keys.push(key);
    }
    keys
}

/// Puts each period's entries into the report's periods (adding periods
/// that only the outage log reaches), with their verdicts.
fn merge(
    report: &mut ComplianceReport,
    periods: Periods,
    keys: &[Key],
    per_channel: Vec<Vec<AvailabilityReport>>,
) {
    let mut decided: Vec<String> = Vec::new();
    let mut undecided: Vec<String> = Vec::new();
    let mut columns: Vec<std::vec::IntoIter<AvailabilityReport>> =
        per_channel.into_iter().map(Vec::into_iter).collect();
    for &key in keys {
        let name = periods.name(key);
        let at = match report.periods.iter().position(|p| p.period == name) {
            Some(i) => i,
            None => {
                let i = report
                    .periods
                    .partition_point(|p| periods.parse(&p.period) < Some(key));
                report.periods.insert(i, PeriodReport::empty(name.clone()));
                i
            }
        };
        let Some(period) = report.periods.get_mut(at) else {
            continue;
        };
        for column in &mut columns {
            let Some(entry) = column.next() else { continue };
            let target = format!("availability.{}", entry.channel);
            match entry.ok {
                Some(true) => decided.push(target),
                Some(false) => {
                    report.missed.push(format!("{name} {target}"));
                    period.missed.push(target.clone());
                    decided.push(target);
                }
                None => {
                    period.no_data.push(target.clone());
                    undecided.push(target);
                }
            }
            period.availability.push(entry);
        }
    }
    undecided.sort();
    undecided.dedup();
    report
        .no_data
        .extend(undecided.into_iter().filter(|t| !decided.contains(t)));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn set(x: &[(i64, i64)]) -> Set {
        x.to_vec()
    }

    #[test]
    fn interval_sets() {
        assert_eq!(
            union(vec![(5, 7), (1, 3), (2, 4), (7, 8), (9, 9)]),
            set(&[(1, 4), (5, 8)])
        );
        let x = set(&[(0, 10), (20, 30)]);
        let y = set(&[(5, 25), (28, 40)]);
        assert_eq!(intersect(&x, &y), set(&[(5, 10), (20, 25), (28, 30)]));
        assert_eq!(subtract(&x, &y), set(&[(0, 5), (25, 28)]));
        assert_eq!(subtract(&y, &x), set(&[(10, 20), (30, 40)]));
        assert_eq!(subtract(&x, &[]), x);
        assert_eq!(clip(&x, 5, 22), set(&[(5, 10), (20, 22)]));
        assert_eq!(length(&x), 20);
    }

    #[test]
    fn period_names_and_bounds() {
        let p = Periods {
            period: Period::Quarterly,
            zone: Tz::Asia__Shanghai,
        };
        let key = (2027, 4);
        assert_eq!(p.name(key), "2027-Q4");
        assert_eq!(p.parse("2027-Q4"), Some(key));
        assert_eq!(p.next(key), (2028, 1));
        let (from, to) = p.bounds(key).unwrap();
        assert_eq!(
            from,
            super::super::time::parse_millis(b"2027-10-01T00:00:00+08:00").unwrap()
        );
        assert_eq!(
            to,
            super::super::time::parse_millis(b"2028-01-01T00:00:00+08:00").unwrap()
        );
        assert_eq!(p.key_of(to - 1), Some(key));
    }
}
