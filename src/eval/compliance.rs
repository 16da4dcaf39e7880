//! The evaluation report: the data every output format is made from.
//!
//! Field names and nesting are §9's `eval --format json`; fields the design
//! does not name come after the ones it does. Numbers are rounded to two
//! decimals once, here, so every format shows the same figures.

use crate::model::TargetKind;
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
}

/// How many skipped rows a report lists; the rest are only counted.
pub const SKIPPED_LISTED: usize = 1000;

/// A malformed row: its line in the log and why it was skipped.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Skipped {
    pub line: u64,
    pub reason: String,
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
    /// The targets missed in this period: `P1.response`, `P2.resolution`,
    /// `fcr`, `csat`.
    pub missed: Vec<String>,
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
    /// Tickets that say whether they were resolved at first contact.
    pub answered: u64,
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
    },
    Satisfied {
        percent: Option<f64>,
        #[serde(serialize_with = "whole_as_integer")]
        target_percent: f64,
        ok: Option<bool>,
        ratings: u64,
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
}

impl PriorityInfo {
    /// The target of one kind in words.
    pub fn words(&self, kind: TargetKind) -> &str {
        match kind {
            TargetKind::Response => &self.response,
            TargetKind::Resolution => &self.resolution,
        }
    }
}

/// A contract's number as written: `100`, not `100.0`.
fn whole_as_integer<S: Serializer>(value: &f64, s: S) -> Result<S::Ok, S::Error> {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        s.serialize_i64(*value as i64)
    } else {
        s.serialize_f64(*value)
    }
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

    /// The report as pretty JSON, ending with a newline.
    pub fn to_json(&self) -> String {
        match serde_json::to_string_pretty(self) {
            Ok(s) => s + "\n",
            // Serialising plain structs of numbers and strings cannot fail.
            Err(e) => format!("{{\"error\": \"{e}\"}}\n"),
        }
    }
}
