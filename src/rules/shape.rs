//! The shape of the rule set (`slac.rules/v1`), as plain serde structs.
//!
//! Field order is output key order, and nothing here is a hash map, so the
//! same rule set always serializes to the same bytes. Every type mirrors one
//! object of `schema/slac.rules.v1.json`; change both together.
//!
//! Conventions (documented in `docs/rule-set.md`):
//! - an optional value that is absent is left out, never `null` — except
//!   `clock` and `hours`, which are always present (`null` = 24x7);
//! - lists are always present, possibly empty;
//! - a value a template left open is `{"placeholder": "…"}` in its place
//!   (only in a `--draft` rule set).

pub use super::holidays::{HolidaySetOut, HolidaySetsOut, SetOpenOut};
pub use super::remedies::{
    AllowanceOut, CapOut, ClauseOut, CreditLineOut, CreditsOut, ExclusionsOut, FeeOut,
    MaintenanceOut, MetricOut, TierOut,
};
pub use super::wording::{CommitmentsOut, LawOut, WordingOut};
pub use super::yearly::{AdjustOut, YearlyBaseOut, YearlyOut};
use crate::model::{
    CalendarId, ChannelId, HolidaySetId, Lang, Period, PriorityId, ServiceId, Unit,
};
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

/// The `schema` tag every rule set of this shape carries.
pub const SCHEMA_TAG: &str = "slac.rules/v1";

/// A whole rule set: what a ticket system needs to enforce a contract.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RuleSet {
    pub schema: &'static str,
    /// `sha256:<hex>` of the canonical JSON of the rule set without this
    /// field (see [`crate::rules::fingerprint`]).
    pub fingerprint: String,
    /// True when built with `--draft`: placeholders may be left.
    pub draft: bool,
    pub contract: ContractInfo,
    pub parties: Parties,
    pub terms: Vec<TermOut>,
    pub services: Vec<ServiceOut>,
    pub audience: Vec<Slot<String>>,
    pub calendars: Calendars,
    /// The holiday sets as written; absent when the contract has none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub holidays: Option<HolidaySetsOut>,
    pub channels: Vec<ChannelOut>,
    /// In rank order, most severe first.
    pub priorities: Vec<PriorityOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fcr: Option<FcrOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub csat: Option<CsatOut>,
    pub support: SupportOut,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reporting: Option<ReportingOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub exclusions: Option<ExclusionsOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub credits: Option<CreditsOut>,
    /// `governing-law` and `commitment`; absent when neither is given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wording: Option<WordingOut>,
    /// The files `use` lines reached, by path; left out when none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<SourceOut>,
}

/// A used file: its path under the project root and the SHA-256 of its bytes.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SourceOut {
    pub path: String,
    pub sha256: String,
}

/// A value, or the `{"placeholder": "…"}` object standing in its place.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Slot<T> {
    Value(T),
    Placeholder { placeholder: String },
}

/// A JSON number written the same way everywhere: a whole number without a
/// fraction (`70`, not `70.0`), anything else as serde_json's shortest
/// round-trip decimal (`99.9`). Both forms are exact and deterministic.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number(pub f64);

/// Whole numbers up to 2^53 are exactly representable as f64 and as i64.
const EXACT_INTEGER_LIMIT: f64 = 9_007_199_254_740_992.0;

impl Serialize for Number {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let x = self.0;
        if x.is_finite() && x.fract() == 0.0 && x.abs() <= EXACT_INTEGER_LIMIT {
            // The guard makes the cast exact; `-0.0` becomes `0`.
            serializer.serialize_i64(x as i64)
        } else {
            serializer.serialize_f64(x)
        }
    }
}

/// A date as `YYYY-MM-DD`.
pub type DateText = String;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ContractInfo {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<Slot<String>>,
    pub title: Slot<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<Slot<String>>,
    pub language: Lang,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part_of: Option<Slot<String>>,
    /// The contract's IANA time zone, when given.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timezone: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub effective: Option<EffectiveOut>,
    /// The contract-wide default clock as written; each priority's `clock`
    /// already has it resolved.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clock: Option<CalendarId>,
    pub business_day: BusinessDayOut,
    /// The ticket statuses that stop the resolution clock (`pause on`),
    /// as written; absent when none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub pause_on: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EffectiveOut {
    pub from: Slot<DateText>,
    /// Absent: no end date.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<Slot<DateText>>,
}

/// How `N business days` are counted (design §5).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "rule", rename_all = "snake_case")]
pub enum BusinessDayOut {
    EndsAtClose,
    /// `N business days` = N × `hours` open hours; `minutes` is the same
    /// length exactly (hours may be fractional).
    Hours {
        hours: Number,
        minutes: u32,
    },
    SameTime,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Parties {
    pub client: PartyOut,
    pub provider: PartyOut,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartyOut {
    pub name: Slot<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub short: Option<Slot<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact: Option<Slot<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signatory: Option<Slot<String>>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TermOut {
    pub name: Slot<String>,
    pub definition: Slot<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ServiceOut {
    pub id: ServiceId,
    pub label: Slot<String>,
}

/// Calendars keyed by id, in declaration order (a JSON object; serialized
/// from a list so that the order never depends on hashing).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Calendars(pub Vec<(CalendarId, CalendarOut)>);

impl Serialize for Calendars {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (id, calendar) in &self.0 {
            map.serialize_entry(id.as_str(), calendar)?;
        }
        map.end()
    }
}

/// `["09:00", "12:00"]`; an end at or before the start is an overnight span
/// belonging to the day it starts on; `"24:00"` is the end of the day.
pub type SpanOut = [String; 2];

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CalendarOut {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<Slot<String>>,
    /// IANA name of the zone its times are read in.
    pub timezone: String,
    pub always: bool,
    /// Only for a calendar that is not `24x7`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weekly: Option<Weekly>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub closed: Option<Vec<ClosedOut>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub open: Option<Vec<OpenOut>>,
    /// The ids of the sets it uses (already merged into `closed` and
    /// `open`); absent when it uses none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub holidays: Option<Vec<HolidaySetId>>,
    /// The last date through which its sets' yearly rules are expanded
    /// into `closed`; absent when no set it uses has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expanded_through: Option<DateText>,
}

/// Open spans by weekday, `mon`..`sun`; days without spans are left out.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Weekly(pub Vec<(&'static str, Vec<SpanOut>)>);

impl Serialize for Weekly {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (day, spans) in &self.0 {
            map.serialize_entry(day, spans)?;
        }
        map.end()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClosedOut {
    pub from: DateText,
    /// Inclusive; equal to `from` for a single day.
    pub to: DateText,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Slot<String>>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OpenOut {
    pub date: DateText,
    pub spans: Vec<SpanOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Slot<String>>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChannelOut {
    pub id: ChannelId,
    pub label: Slot<String>,
    /// The calendar the channel is staffed on; `null`: always.
    pub hours: Option<CalendarId>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub availability: Option<AvailabilityOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact: Option<Slot<String>>,
    /// The names the ticket system gives the channel; absent when none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aka: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AvailabilityOut {
    pub percent: Slot<Number>,
    pub period: Slot<Period>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PriorityOut {
    pub id: PriorityId,
    pub label: Slot<String>,
    pub rank: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub definition: Option<Slot<String>>,
    /// The calendar the SLA clock runs on; `null`: elapsed time (24x7).
    pub clock: Option<CalendarId>,
    pub response: TargetOut,
    pub resolution: TargetOut,
    /// The names the ticket system gives the priority; absent when none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aka: Vec<String>,
}

/// `{"amount": 15, "unit": "minutes"}`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct DurationOut {
    pub amount: u32,
    pub unit: Unit,
}

/// A target: its duration's fields (or `placeholder`) plus the flags.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetOut {
    #[serde(flatten)]
    pub within: Slot<DurationOut>,
    /// The target's own clock (`on CALENDAR`), present only when it has
    /// one: it then runs on this calendar instead of its priority's `clock`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clock: Option<CalendarId>,
    /// Present (and true) only when a workaround meets the target.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub or_workaround: bool,
    /// The `for N%` share; absent means 100%.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attainment_percent: Option<Slot<Number>>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FcrOut {
    pub min_percent: Slot<Number>,
    pub period: Slot<Period>,
}

/// `reporting { report monthly within 5 business days }`
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReportingOut {
    pub period: Slot<Period>,
    pub within: Slot<DurationOut>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CsatOut {
    #[serde(flatten)]
    pub goal: CsatGoalOut,
    pub scale: [u32; 2],
    pub period: Slot<Period>,
    pub methods: Vec<Slot<String>>,
}

/// Mean score at least `min_score`, or share of satisfied ratings (the top
/// two points of the scale) at least `min_percent`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CsatGoalOut {
    MinScore(Slot<Number>),
    MinPercent(Slot<Number>),
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SupportOut {
    pub submit_via: Vec<ChannelId>,
    pub escalations: Vec<EscalationOut>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EscalationOut {
    pub priority: PriorityId,
    pub after: Slot<DurationOut>,
    pub to: Slot<String>,
}
