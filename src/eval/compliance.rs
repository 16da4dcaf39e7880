//! The evaluation report: the data every output format is made from.
//!
//! Field names and nesting are §9's `eval --format json`; fields the design
//! does not name come after the ones it does. Numbers are rounded to two
//! decimals once, here, so every format shows the same figures.

pub use super::availability::{AvailabilityReport, MaintenanceReport, OutageSummary};
use super::skip::SkipReason;
use crate::model::{Duration, TargetKind};
use serde::{Serialize, Serializer};

/// A whole report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ComplianceReport {
    /// The contract's `id`, else its title.
    pub contract: String,
    /// RFC 3339, in the contract's time zone.
    pub as_of: String,
    /// Tickets evaluated (rows skipped are not counted).
    pub tickets: u64,
    /// The first [`SKIPPED_LISTED`] malformed rows, by line.
    pub skipped: Vec<Skipped>,
    /// Periods in time order, each with every priority in rank order.
    pub periods: Vec<PeriodReport>,
    /// All malformed rows, listed or not.
    pub skipped_total: u64,
    pub title: String,
    /// The zone periods are cut in.
    pub timezone: String,
    /// `monthly` or `quarterly`.
    pub period: &'static str,
    /// Every target missed in any period (`2027-03 P1.response`).
    pub missed: Vec<String>,
    /// The contract's priorities and targets, for the reader of the report.
    pub priorities: Vec<PriorityInfo>,
    /// Every target with no verdict in any period (`P1.response`, `fcr`):
    /// no decided ticket, so neither met nor missed.
    pub no_data: Vec<String>,
    /// Of the skipped rows, the tickets received outside the contract's
    /// effective period (not evaluated; the rest are malformed rows).
    pub outside_effective: u64,
    /// The effective period, `2027-01-01..2027-12-31` (`2027-01-01..` with
    /// no end); `None` when the contract gives none.
    pub effective: Option<String>,
    /// The outage log's rows and skipped rows, when one was evaluated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outages: Option<OutageSummary>,
    /// False when no ticket log was given (only an outage log): the ticket
    /// targets are then not reported as without data.
    #[serde(skip)]
    pub ticket_log: bool,
    /// Tickets excluded under an exclusion clause (§11): valid rows whose
    /// `excluded` names a clause, in no measure and not in `tickets`.
    pub excluded: u64,
    /// The breached tickets of each target and period that has any (the
    /// count and the worst), by period, priority and target: the HTML
    /// report's evidence (`--tickets-out` has every row).
    #[serde(skip)]
    pub breached: Vec<super::BreachedTickets>,
}

/// How many skipped rows a report lists; the rest are only counted.
pub const SKIPPED_LISTED: usize = 1000;

/// A malformed row: its line in the log and why it was skipped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub line: u64,
    pub reason: SkipReason,
}

/// `{"line", "reason", "kind"}`: the reason in English words, as scripts
/// read it, and its stable kebab-case kind beside it.
impl Serialize for Skipped {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut row = s.serialize_struct("Skipped", 3)?;
        row.serialize_field("line", &self.line)?;
        row.serialize_field("reason", &self.reason.to_string())?;
        row.serialize_field("kind", self.reason.kind())?;
        row.end()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PeriodReport {
    /// `2027-03` or `2027-Q1`.
    pub period: String,
    pub priorities: Vec<PriorityReport>,
    /// `None` when the contract has no FCR target.
    pub fcr: Option<FcrReport>,
    /// `None` when the contract has no CSAT target.
    pub csat: Option<CsatReport>,
    /// When the provider's SLA report of this period is due (RFC 3339 in
    /// the contract's zone; `reporting`, §11); `None` when the contract has
    /// no `reporting`, or no report period ends with this one.
    pub report_due: Option<String>,
    /// The service credits of the period (§11); `None` when the contract
    /// has no `credits`.
    pub credits: Option<super::credits::CreditsReport>,
    /// The targets missed in this period: `P1.response`, `P2.resolution`,
    /// `fcr`, `csat`.
    pub missed: Vec<String>,
    /// The targets with no verdict in this period (nothing decided).
    pub no_data: Vec<String>,
    /// Per channel with an `availability` target, when an outage log was
    /// evaluated (§11).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub availability: Vec<AvailabilityReport>,
    /// The tickets excluded under each clause that excluded any, in the
    /// contract's order.
    pub excluded: Vec<ExcludedCount>,
}

impl PeriodReport {
    /// A period with nothing counted yet (one only the outage log reaches).
    pub fn empty(period: String) -> PeriodReport {
        PeriodReport {
            period,
            priorities: Vec::new(),
            fcr: None,
            csat: None,
            report_due: None,
            credits: None,
            missed: Vec::new(),
            no_data: Vec::new(),
            availability: Vec::new(),
            excluded: Vec::new(),
        }
    }
}

/// The tickets of a period excluded under one clause.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExcludedCount {
    pub clause: String,
    pub tickets: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PriorityReport {
    pub id: String,
    pub tickets: u64,
    pub response: TargetReport,
    pub resolution: TargetReport,
}

impl PriorityReport {
    pub fn target(&self, kind: TargetKind) -> &TargetReport {
        match kind {
            TargetKind::Response => &self.response,
            TargetKind::Resolution => &self.resolution,
        }
    }
}

/// Met, breached and pending tickets of one target, and its times.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetReport {
    pub met: u64,
    pub breached: u64,
    pub pending: u64,
    /// met ÷ (met + breached) in percent; `None` when nothing was decided.
    pub attainment_percent: Option<f64>,
    #[serde(serialize_with = "whole_as_integer")]
    pub target_percent: f64,
    /// `None` when nothing was decided: no verdict, not a miss.
    pub ok: Option<bool>,
    /// Nearest-rank percentiles of the open-time minutes to the event, over
    /// the tickets that have the event; `None` when none has.
    pub p50_minutes: Option<f64>,
    pub p90_minutes: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FcrReport {
    pub percent: Option<f64>,
    #[serde(serialize_with = "whole_as_integer")]
    pub target_percent: f64,
    pub ok: Option<bool>,
    /// Tickets that record whether they were resolved at first contact:
    /// the denominator of `percent`.
    pub answered: u64,
    /// Of those, the tickets resolved at first contact.
    pub resolved_first: u64,
    /// All tickets of the period, recorded or not.
    pub tickets: u64,
}

/// CSAT as a mean score (`at least 4.5 on 1..5`) or as a satisfied share
/// (`at least 90% satisfied`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum CsatReport {
    Score {
        score: Option<f64>,
        #[serde(serialize_with = "whole_as_integer")]
        target: f64,
        ok: Option<bool>,
        ratings: u64,
        /// The mean unrounded, for the credit tiers.
        #[serde(skip)]
        exact: Option<f64>,
    },
    Satisfied {
        percent: Option<f64>,
        #[serde(serialize_with = "whole_as_integer")]
        target_percent: f64,
        ok: Option<bool>,
        ratings: u64,
        /// The share unrounded, for the credit tiers.
        #[serde(skip)]
        exact: Option<f64>,
    },
}

impl CsatReport {
    pub fn ok(&self) -> Option<bool> {
        match self {
            CsatReport::Score { ok, .. } | CsatReport::Satisfied { ok, .. } => *ok,
        }
    }

    pub fn ratings(&self) -> u64 {
        match self {
            CsatReport::Score { ratings, .. } | CsatReport::Satisfied { ratings, .. } => *ratings,
        }
    }
}

/// A priority of the contract and its targets in words.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PriorityInfo {
    pub id: String,
    pub label: String,
    /// `15 minutes`, `2 business days or workaround`.
    pub response: String,
    pub resolution: String,
    /// The attainment share each target asks for (`for N%`, else 100).
    #[serde(serialize_with = "whole_as_integer")]
    pub response_target_percent: f64,
    #[serde(serialize_with = "whole_as_integer")]
    pub resolution_target_percent: f64,
    /// The targets as durations, for the reports to put in their words.
    #[serde(skip)]
    pub response_within: Duration,
    #[serde(skip)]
    pub resolution_within: Duration,
    #[serde(skip)]
    pub or_workaround: bool,
}

impl PriorityInfo {
    /// The target of one kind in words.
    pub fn words(&self, kind: TargetKind) -> &str {
        match kind {
            TargetKind::Response => &self.response,
            TargetKind::Resolution => &self.resolution,
        }
    }

    /// The attainment share the target of one kind asks for.
    pub fn target_percent(&self, kind: TargetKind) -> f64 {
        match kind {
            TargetKind::Response => self.response_target_percent,
            TargetKind::Resolution => self.resolution_target_percent,
        }
    }
}

/// A contract's number as written: `100`, not `100.0`.
pub(crate) fn whole_as_integer<S: Serializer>(value: &f64, s: S) -> Result<S::Ok, S::Error> {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        s.serialize_i64(*value as i64)
    } else {
        s.serialize_f64(*value)
    }
}

/// `1 ticket`, `3 tickets`.
fn count(n: u64, thing: &str) -> String {
    format!("{n} {thing}{}", if n == 1 { "" } else { "s" })
}

/// Rounds to two decimals (half away from zero).
pub(crate) fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

impl ComplianceReport {
    /// True when some target was missed in some period.
    pub fn any_missed(&self) -> bool {
        !self.missed.is_empty()
    }

    /// Skipped rows that are malformed (not outside the effective period).
    pub fn malformed(&self) -> u64 {
        self.skipped_total - self.outside_effective
    }

    /// What was skipped, in words: `3 malformed rows and 2 tickets received
    /// outside the effective period 2027-01-01..2027-12-31 skipped`; `None`
    /// when nothing was. In English, for standard error; the reports say
    /// it in their language.
    pub fn skipped_summary(&self) -> Option<String> {
        super::report_view::skipped_summary(self, &super::report_phrases::EN)
    }

    /// True when every target has a verdict and none was missed.
    pub fn all_met(&self) -> bool {
        self.has_data() && self.missed.is_empty() && self.no_data.is_empty()
    }

    /// True when some ticket was evaluated or some availability measured.
    pub fn has_data(&self) -> bool {
        self.tickets > 0
            || self
                .periods
                .iter()
                .flat_map(|p| &p.availability)
                .any(|a| a.percent.is_some())
    }

    /// When every row of a non-empty log was skipped, the error to exit
    /// with, naming the first reasons.
    pub fn nothing_evaluated(&self) -> Option<String> {
        if let Some(o) = self
            .outages
            .as_ref()
            .filter(|o| o.rows == 0 && o.skipped_total > 0)
        {
            let first: Vec<String> = o
                .skipped
                .iter()
                .take(3)
                .map(|s| format!("line {}: {}", s.line, s.reason))
                .collect();
            return Some(format!(
                "every row of the outage log was skipped ({} rows), so no availability was measured; first: {}",
                o.skipped_total,
                first.join("; ")
            ));
        }
        if self.tickets > 0 || self.excluded > 0 || self.skipped_total == 0 {
            return None;
        }
        let first: Vec<String> = self
            .skipped
            .iter()
            .take(3)
            .map(|s| format!("line {}: {}", s.line, s.reason))
            .collect();
        Some(format!(
            "every row of the log was skipped ({}), so nothing was evaluated; first: {}",
            self.skipped_summary().unwrap_or_default(),
            first.join("; ")
        ))
    }

    /// Why `--fail-on-breach` fails, if it does: a target missed, or a
    /// target with no data at all (unless `allow_empty`).
    pub fn breach(&self, allow_empty: bool) -> Option<String> {
        if !self.missed.is_empty() {
            return Some(format!(
                "{} missed: {}",
                count(self.missed.len() as u64, "target"),
                self.missed.join(", ")
            ));
        }
        if !allow_empty && !self.no_data.is_empty() {
            return Some(format!(
                "{} no data, so compliance is not shown: {} (pass --allow-empty to accept targets without data)",
                match self.no_data.len() {
                    1 => "1 target has".to_string(),
                    n => format!("{n} targets have"),
                },
                self.no_data.join(", ")
            ));
        }
        None
    }

    /// The report as pretty JSON, ending with a newline.
    pub fn to_json(&self) -> String {
        match serde_json::to_string_pretty(self) {
            Ok(s) => s + "\n",
            // Serialising plain structs of numbers and strings cannot fail.
            Err(e) => format!("{{\"error\": \"{e}\"}}\n"),
        }
    }
}
