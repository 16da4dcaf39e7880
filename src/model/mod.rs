//! The checked model: what a contract *means*.
//!
//! The AST (`crate::ast`) keeps what was written, spans and comments included.
//! The checker (`crate::check`) resolves names, normalises units and fills in
//! defaults, and produces this model. Every later stage — rule set, appendix,
//! clock, evaluation — takes only the model, so none of them ever meets an
//! unresolved name or a unit spelled `h`.
//!
//! Values a template may leave open are [`Fill`]: either a value or the
//! placeholder text a person still has to fill in. A model with placeholders
//! only reaches `build`/`render` with `--draft`.

mod holidays;

pub use holidays::{
    DayTable, HolidaySet, HolidaySetId, Library, ListedDay, ListedKind, SetDay, SetDayKind,
    SetOpenDay, YearlyDay,
};

use chrono::NaiveDate;
use chrono_tz::Tz;
use serde::Serialize;
use std::fmt;

pub mod yearly;

/// A value, or a `[…]` placeholder still to be filled in (its inner text).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Fill<T> {
    Value(T),
    Placeholder(String),
}

impl<T> Fill<T> {
    /// The one place a `Fill` is taken apart: the value through `value`,
    /// the placeholder's inner text through `placeholder`. Every stage
    /// unpacks through this or the helpers below.
    pub fn either<'a, U>(
        &'a self,
        value: impl FnOnce(&'a T) -> U,
        placeholder: impl FnOnce(&'a str) -> U,
    ) -> U {
        match self {
            Fill::Value(v) => value(v),
            Fill::Placeholder(text) => placeholder(text),
        }
    }

    /// The value, if it has been filled in.
    pub fn value(&self) -> Option<&T> {
        self.either(Some, |_| None)
    }

    /// The value, or the error `missing` makes of the placeholder's text:
    /// for the stages that need a value (the clock, the evaluation).
    pub fn filled<E>(&self, missing: impl FnOnce(&str) -> E) -> Result<&T, E> {
        self.either(Ok, |text| Err(missing(text)))
    }

    pub fn is_placeholder(&self) -> bool {
        matches!(self, Fill::Placeholder(_))
    }
}

/// As written in the contract: the value, or the placeholder in brackets.
impl<T: fmt::Display> fmt::Display for Fill<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Fill::Value(value) => write!(f, "{value}"),
            Fill::Placeholder(text) => write!(f, "[{text}]"),
        }
    }
}

/// Contract text: a string or a placeholder.
pub type Text = Fill<String>;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

// After `id_type!`, which it uses.
mod remedies;
pub use remedies::*;
mod sources;
pub use sources::Source;
mod aka;
pub use aka::fold_name;
mod wording;
pub use wording::*;

id_type!(
    /// The name of a `calendar`, e.g. `business`.
    CalendarId
);
id_type!(
    /// The name of a `channel`, e.g. `hotline`.
    ChannelId
);
id_type!(
    /// The name of a `priority`, e.g. `P1`.
    PriorityId
);
id_type!(
    /// The name of a `scope` service, e.g. `consulting`.
    ServiceId
);

/// The language of the fixed text of a rendered appendix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Lang {
    #[serde(rename = "zh-CN")]
    ZhCn,
    #[serde(rename = "en")]
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::ZhCn => "zh-CN",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "zh-CN" => Some(Lang::ZhCn),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// A whole checked contract.
#[derive(Debug, Clone, PartialEq)]
pub struct Contract {
    pub title: Text,
    pub id: Option<Text>,
    pub version: Option<Text>,
    /// `language`; when absent, zh-CN if the title has CJK text, else en.
    pub language: Lang,
    pub part_of: Option<Text>,
    pub effective: Option<Effective>,
    /// The contract's `timezone`, if given (required when a calendar has hours).
    pub timezone: Option<Tz>,
    /// The contract-wide default clock (`clock`), if given.
    pub clock: Option<CalendarId>,
    pub business_day: BusinessDayRule,
    /// `pause on`: the ticket statuses that stop the resolution clock, as
    /// written (matched folded, [`fold_name`]); empty without it.
    pub pause_on: Vec<String>,
    pub client: Party,
    pub provider: Party,
    pub terms: Vec<Term>,
    pub services: Vec<Service>,
    pub audience: Vec<Text>,
    /// In declaration order.
    pub calendars: Vec<Calendar>,
    /// In declaration order.
    pub channels: Vec<Channel>,
    /// In rank order: the first is the most severe (rank 1).
    pub priorities: Vec<Priority>,
    pub fcr: Option<FcrTarget>,
    pub csat: Option<CsatTarget>,
    pub support: Support,
    /// `reporting { report … }`, if given.
    pub reporting: Option<Reporting>,
    /// `exclusions { … }`, if given (design §11).
    pub exclusions: Option<Exclusions>,
    /// `credits { … }`, if given (design §11).
    pub credits: Option<Credits>,
    /// The `holidays` sets the contract declares, in declaration order.
    pub holidays: Vec<HolidaySet>,
    /// `governing-law`, `commitment` and `party-names`.
    pub wording: Wording,
    /// The files `use` lines reached, by path (empty for a contract that
    /// uses none; filled by the front end, which reads them).
    pub sources: Vec<Source>,
}

impl Contract {
    pub fn calendar(&self, id: &CalendarId) -> Option<&Calendar> {
        self.calendars.iter().find(|c| &c.id == id)
    }

    pub fn channel(&self, id: &ChannelId) -> Option<&Channel> {
        self.channels.iter().find(|c| &c.id == id)
    }

    pub fn priority(&self, id: &str) -> Option<&Priority> {
        self.priorities.iter().find(|p| p.id.as_str() == id)
    }

    /// The calendar a priority's clock runs on; `None` means elapsed time (24x7).
    pub fn clock_of(&self, priority: &Priority) -> Option<&Calendar> {
        priority.clock.as_ref().and_then(|id| self.calendar(id))
    }

    /// The calendar one target of a priority runs on (its own `on`, else
    /// the priority's clock); `None` means elapsed time (24x7).
    pub fn target_clock(&self, priority: &Priority, kind: TargetKind) -> Option<&Calendar> {
        priority.clock_for(kind).and_then(|id| self.calendar(id))
    }

    /// True when any value is still a `[…]` placeholder.
    pub fn has_placeholders(&self) -> bool {
        crate::model::placeholders::any(self)
    }
}

/// The effective period: `effective FROM..TO` or `effective FROM`.
#[derive(Debug, Clone, PartialEq)]
pub struct Effective {
    pub from: Fill<NaiveDate>,
    /// `None`: no end date.
    pub to: Option<Fill<NaiveDate>>,
}

/// How `N business days` are counted (`business-day …`, §5 of the design).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum BusinessDayRule {
    /// The day of receipt does not count; due at the close of the clock
    /// calendar's last open span on the N-th business day after it.
    #[default]
    EndsAtClose,
    /// `N business days` is N × this many open minutes (`business-day 9 hours`).
    Hours { minutes: u32 },
    /// The same wall-clock time on the N-th later business day.
    SameTime,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Party {
    pub name: Text,
    pub short: Option<Text>,
    pub contact: Option<Text>,
    pub signatory: Option<Text>,
}

/// A defined term (`term "NAME" "DEFINITION"`).
#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    pub name: Text,
    pub definition: Text,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Service {
    pub id: ServiceId,
    pub label: Text,
}

/// Days of the week, Monday first (index 0) as in ISO 8601.
pub const WEEKDAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

/// The same days in full, for messages.
pub const WEEKDAY_NAMES: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// A wall-clock time of day in minutes since midnight, 0..=1440 (1440 is `24:00`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TimeOfDay(pub u16);

impl TimeOfDay {
    pub fn minutes(self) -> u32 {
        u32::from(self.0)
    }
}

impl fmt::Display for TimeOfDay {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.0 / 60, self.0 % 60)
    }
}

/// An open span of one day, `09:00-18:00`. When `end <= start` the span is
/// overnight (`22:00-06:00`): it belongs to the day it starts on and runs
/// into the next day. `00:00-24:00` is the whole day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TimeSpan {
    pub start: TimeOfDay,
    pub end: TimeOfDay,
}

impl TimeSpan {
    pub fn is_overnight(self) -> bool {
        self.end <= self.start
    }

    /// Length in wall-clock minutes (ignoring DST).
    pub fn wall_minutes(self) -> u32 {
        if self.is_overnight() {
            1440 - self.start.minutes() + self.end.minutes()
        } else {
            self.end.minutes() - self.start.minutes()
        }
    }
}

impl fmt::Display for TimeSpan {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.start, self.end)
    }
}

/// A calendar: when the clock runs.
#[derive(Debug, Clone, PartialEq)]
pub struct Calendar {
    pub id: CalendarId,
    pub label: Option<Text>,
    /// The calendar's own `timezone`, else the contract's, else UTC (only
    /// possible for a `24x7` calendar, where the zone does not matter).
    pub timezone: Tz,
    /// `24x7`: always open; `weekly`, `closed` and `open` are then empty.
    pub always: bool,
    /// Open spans per weekday, Monday first, each sorted by start.
    pub weekly: [Vec<TimeSpan>; 7],
    /// Closed days (holidays), in source order.
    pub closed: Vec<ClosedDays>,
    /// Make-up working days and other extra open days, in source order.
    /// On such a date these spans replace the weekly ones (an `open` line
    /// without hours has the weekday's hours here, resolved by the checker).
    pub open: Vec<OpenDay>,
    /// The sets of its `holidays` lines, resolved, in the order written.
    pub holidays: Vec<HolidaySet>,
}

/// `closed FROM..TO "note"` (a single date has `from == to`). Inclusive.
#[derive(Debug, Clone, PartialEq)]
pub struct ClosedDays {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub note: Option<Text>,
}

/// `open DATE SPANS "note"`: a make-up working day.
#[derive(Debug, Clone, PartialEq)]
pub struct OpenDay {
    pub date: NaiveDate,
    pub spans: Vec<TimeSpan>,
    pub note: Option<Text>,
}

impl Calendar {
    /// The open spans of a date, after holidays and make-up days, its sets'
    /// too ([`Calendar::days`] holds the precedence).
    /// Overnight spans are listed under the date they start on.
    pub fn spans_on(&self, date: NaiveDate) -> &[TimeSpan] {
        self.days(date, date).spans_on(date)
    }

    /// The last year in which the calendar lists a closed day, its own or
    /// its sets' (a yearly rule lists up to its `until`). Holidays are
    /// listed year by year: a later year has none listed and runs on the
    /// weekly hours alone (W010). `None` when no year is the last: it
    /// lists no closed day, or a yearly rule without `until` closes days
    /// every year.
    pub fn last_holiday_year(&self) -> Option<i32> {
        use chrono::Datelike;
        let rules = self.holidays.iter().flat_map(|s| &s.yearly);
        let mut yearly_last = Vec::new();
        for day in rules {
            yearly_last.push(day.rule.until?);
        }
        let own = self.closed.iter().map(|c| c.to.year());
        let dated = self.holidays.iter().flat_map(|s| &s.closed);
        own.chain(dated.map(|c| c.to.year()))
            .chain(yearly_last)
            .max()
    }

    /// True when the calendar has open time on `date` (a business day).
    pub fn is_business_day(&self, date: NaiveDate) -> bool {
        self.always || !self.spans_on(date).is_empty()
    }
}

/// How often a target is measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    Monthly,
    Quarterly,
    Yearly,
}

impl Period {
    pub fn as_str(self) -> &'static str {
        match self {
            Period::Monthly => "monthly",
            Period::Quarterly => "quarterly",
            Period::Yearly => "yearly",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Channel {
    pub id: ChannelId,
    pub label: Text,
    /// When the channel is staffed: its `hours`, else the contract's `clock`;
    /// `None` means always (24x7).
    pub hours: Option<CalendarId>,
    pub availability: Option<Availability>,
    pub contact: Option<Text>,
    /// `aka`: the names the ticket system gives this channel.
    pub aka: Vec<String>,
}

/// `availability 99.9% monthly`.
#[derive(Debug, Clone, PartialEq)]
pub struct Availability {
    pub percent: Fill<f64>,
    pub period: Fill<Period>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Priority {
    pub id: PriorityId,
    pub label: Text,
    /// 1 for the first declared (most severe).
    pub rank: u32,
    pub definition: Option<Text>,
    /// The priority's `clock`, else the contract's `clock`; `None` means
    /// elapsed time (24x7).
    pub clock: Option<CalendarId>,
    pub response: Target,
    pub resolution: Target,
    /// `aka`: the names the ticket system gives this priority.
    pub aka: Vec<String>,
}

impl Priority {
    /// The priority's target of one kind.
    pub fn target(&self, kind: TargetKind) -> &Target {
        match kind {
            TargetKind::Response => &self.response,
            TargetKind::Resolution => &self.resolution,
        }
    }

    /// The clock calendar of one target: the target's own `on CALENDAR`,
    /// else the priority's clock; `None` means elapsed time (24x7). The one
    /// answer to "which clock does this target run on" for every stage.
    pub fn clock_for(&self, kind: TargetKind) -> Option<&CalendarId> {
        self.target(kind).clock.as_ref().or(self.clock.as_ref())
    }
}

/// Which of a priority's two targets: the first reply, or the resolution.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TargetKind {
    Response,
    Resolution,
}

impl TargetKind {
    /// Both kinds, response first (the order of every table and report).
    pub const ALL: [TargetKind; 2] = [TargetKind::Response, TargetKind::Resolution];

    /// `response` or `resolution`: the keyword of its block in the
    /// language, and its name in messages, rule sets and reports.
    pub fn word(self) -> &'static str {
        match self {
            TargetKind::Response => "response",
            TargetKind::Resolution => "resolution",
        }
    }
}

impl fmt::Display for TargetKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.word())
    }
}

/// One value for each [`TargetKind`], looked up by kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PerTarget<T> {
    pub response: T,
    pub resolution: T,
}

impl<T> PerTarget<T> {
    /// The same value for both kinds.
    pub fn both(value: T) -> PerTarget<T>
    where
        T: Clone,
    {
        PerTarget {
            response: value.clone(),
            resolution: value,
        }
    }

    pub fn get(&self, kind: TargetKind) -> &T {
        match kind {
            TargetKind::Response => &self.response,
            TargetKind::Resolution => &self.resolution,
        }
    }

    pub fn get_mut(&mut self, kind: TargetKind) -> &mut T {
        match kind {
            TargetKind::Response => &mut self.response,
            TargetKind::Resolution => &mut self.resolution,
        }
    }
}

/// `within 2 business days on always or workaround for 95%`.
#[derive(Debug, Clone, PartialEq)]
pub struct Target {
    pub within: Fill<Duration>,
    /// `on CALENDAR`: the target runs on this clock instead of its
    /// priority's (see [`Priority::clock_for`]).
    pub clock: Option<CalendarId>,
    /// Resolution only: a workaround by the due time meets the target.
    pub or_workaround: bool,
    /// The `for N%` attainment share; `None` means 100%.
    pub attainment: Option<Fill<f64>>,
}

/// A duration in one canonical unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Duration {
    pub amount: u32,
    pub unit: Unit,
}

/// In the language's canonical form: `15 minutes`, `1 business day`.
impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.amount, self.unit.word(self.amount == 1))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Minutes,
    Hours,
    /// Calendar days; only on a 24x7 clock (N × 24 h).
    Days,
    BusinessDays,
}

impl Unit {
    /// The rule-set spelling: `minutes`, `hours`, `days`, `business_days`.
    /// The unit as the language writes it, singular for one:
    /// `minute(s)`, `hour(s)`, `day(s)`, `business day(s)`.
    pub fn word(self, one: bool) -> &'static str {
        match (self, one) {
            (Unit::Minutes, true) => "minute",
            (Unit::Minutes, false) => "minutes",
            (Unit::Hours, true) => "hour",
            (Unit::Hours, false) => "hours",
            (Unit::Days, true) => "day",
            (Unit::Days, false) => "days",
            (Unit::BusinessDays, true) => "business day",
            (Unit::BusinessDays, false) => "business days",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Minutes => "minutes",
            Unit::Hours => "hours",
            Unit::Days => "days",
            Unit::BusinessDays => "business_days",
        }
    }
}

/// `fcr at least 70% monthly`.
#[derive(Debug, Clone, PartialEq)]
pub struct FcrTarget {
    pub min_percent: Fill<f64>,
    pub period: Fill<Period>,
}

/// `csat at least 4.5 on 1..5 quarterly method "问卷"` or
/// `csat at least 90% satisfied quarterly`.
#[derive(Debug, Clone, PartialEq)]
pub struct CsatTarget {
    pub goal: CsatGoal,
    /// The rating scale `low..high` (`on 1..5`; 1..5 when not given).
    pub scale: (u32, u32),
    pub period: Fill<Period>,
    pub methods: Vec<Text>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum CsatGoal {
    /// Mean rating at least `min`.
    Score { min: Fill<f64> },
    /// Share of ratings in the top two points of the scale (4 and 5 on 1..5)
    /// at least `min_percent`.
    Satisfied { min_percent: Fill<f64> },
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Support {
    pub submit_via: Vec<ChannelId>,
    pub escalations: Vec<Escalation>,
}

/// `report monthly within 5 business days`: the provider's SLA report of a
/// period is due at the period's end plus `within`, on the contract clock.
#[derive(Debug, Clone, PartialEq)]
pub struct Reporting {
    /// `monthly` or `quarterly`.
    pub period: Fill<Period>,
    pub within: Fill<Duration>,
}

/// `escalate P1 after 30 minutes to "值班经理"`.
#[derive(Debug, Clone, PartialEq)]
pub struct Escalation {
    pub priority: PriorityId,
    pub after: Fill<Duration>,
    pub to: Text,
}

pub(crate) mod placeholders {
    //! Finding placeholders left anywhere in a model.
    use super::*;
    use crate::items::{ItemName, ITEMS};

    fn text(t: &Text) -> bool {
        t.is_placeholder()
    }

    fn opt(t: &Option<Text>) -> bool {
        t.as_ref().is_some_and(text)
    }

    fn party(p: &Party) -> bool {
        text(&p.name) || opt(&p.short) || opt(&p.contact) || opt(&p.signatory)
    }

    fn target(t: &Target) -> bool {
        t.within.is_placeholder() || t.attainment.as_ref().is_some_and(Fill::is_placeholder)
    }

    /// Any placeholder: in the title, or in an item that can hold one
    /// (the item table says which).
    pub(crate) fn any(c: &Contract) -> bool {
        text(&c.title)
            || ITEMS
                .iter()
                .any(|item| item.placeholders && in_item(c, item.name))
    }

    /// A placeholder in what the items named `name` put in the model.
    fn in_item(c: &Contract, name: ItemName) -> bool {
        match name {
            ItemName::Id => opt(&c.id),
            ItemName::Version => opt(&c.version),
            ItemName::PartOf => opt(&c.part_of),
            ItemName::Effective => c.effective.as_ref().is_some_and(|e| {
                e.from.is_placeholder() || e.to.as_ref().is_some_and(Fill::is_placeholder)
            }),
            ItemName::Party => party(&c.client) || party(&c.provider),
            ItemName::Term => c.terms.iter().any(|t| text(&t.name) || text(&t.definition)),
            ItemName::Scope => {
                c.services.iter().any(|s| text(&s.label)) || c.audience.iter().any(text)
            }
            ItemName::Calendar => c.calendars.iter().any(|k| {
                opt(&k.label)
                    || k.closed.iter().any(|d| opt(&d.note))
                    || k.open.iter().any(|d| opt(&d.note))
            }),
            ItemName::Holidays => c.holidays.iter().any(|h| {
                text(&h.label)
                    || h.closed.iter().any(|d| opt(&d.note))
                    || h.open.iter().any(|d| opt(&d.note))
            }),
            ItemName::Channel => c.channels.iter().any(|ch| {
                text(&ch.label)
                    || opt(&ch.contact)
                    || ch
                        .availability
                        .as_ref()
                        .is_some_and(|a| a.percent.is_placeholder() || a.period.is_placeholder())
            }),
            ItemName::Priority => c
                .priorities
                .iter()
                .any(|p| text(&p.label) || opt(&p.definition)),
            ItemName::Response => c.priorities.iter().any(|p| target(&p.response)),
            ItemName::Resolution => c.priorities.iter().any(|p| target(&p.resolution)),
            ItemName::Fcr => c
                .fcr
                .as_ref()
                .is_some_and(|f| f.min_percent.is_placeholder() || f.period.is_placeholder()),
            ItemName::Csat => c.csat.as_ref().is_some_and(|s| {
                s.period.is_placeholder()
                    || s.methods.iter().any(text)
                    || match &s.goal {
                        CsatGoal::Score { min } => min.is_placeholder(),
                        CsatGoal::Satisfied { min_percent } => min_percent.is_placeholder(),
                    }
            }),
            ItemName::Support => c
                .support
                .escalations
                .iter()
                .any(|e| e.after.is_placeholder() || text(&e.to)),
            ItemName::Reporting => c
                .reporting
                .as_ref()
                .is_some_and(|r| r.period.is_placeholder() || r.within.is_placeholder()),
            ItemName::Exclusions => c.exclusions.as_ref().is_some_and(|e| {
                e.clauses.iter().any(|k| text(&k.text))
                    || e.maintenance.as_ref().is_some_and(|m| {
                        m.notice.is_placeholder()
                            || m.allowance
                                .as_ref()
                                .is_some_and(|a| a.amount.is_placeholder())
                    })
            }),
            ItemName::Credits => c.credits.as_ref().is_some_and(|k| {
                k.fee.as_ref().is_some_and(|f| f.amount.is_placeholder())
                    || k.claim.as_ref().is_some_and(Fill::is_placeholder)
            }),
            ItemName::GoverningLaw => c
                .wording
                .governing_law
                .as_ref()
                .is_some_and(Fill::is_placeholder),
            ItemName::Commitment => c
                .wording
                .commitments
                .given()
                .any(|(_, commitment)| commitment.is_placeholder()),
            ItemName::PartyNames => c
                .wording
                .party_names
                .as_ref()
                .is_some_and(PartyNames::is_placeholder),
            // Values the checker never lets be a placeholder.
            ItemName::Language
            | ItemName::Timezone
            | ItemName::Clock
            | ItemName::BusinessDay
            | ItemName::Pause => false,
        }
    }
}

/// The hand-built acme model, a test fixture shared with the integration
/// tests (`tests/support/acme.rs`); not part of the library.
#[cfg(test)]
#[path = "../../tests/support/acme.rs"]
pub(crate) mod example;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fill_unpacks_to_its_value_or_its_placeholder() {
        let filled: Fill<u32> = Fill::Value(4);
        let open: Fill<u32> = Fill::Placeholder("X".into());
        assert_eq!(filled.filled(str::len), Ok(&4));
        assert_eq!(
            open.filled(|text| format!("fill in {text}")),
            Err("fill in X".into())
        );
        assert_eq!((filled.value(), open.value()), (Some(&4), None));
        assert_eq!(
            (filled.to_string(), open.to_string()),
            ("4".into(), "[X]".into())
        );
    }

    #[test]
    fn last_holiday_year_is_the_year_of_the_latest_closed_day() {
        let contract = example::acme();
        let business = contract.calendar(&CalendarId("business".into()));
        assert_eq!(business.and_then(Calendar::last_holiday_year), Some(2026));
        let always = contract.calendar(&CalendarId("always".into()));
        assert_eq!(always.and_then(Calendar::last_holiday_year), None);
        // A range over New Year counts for the year it ends in.
        let Some(mut over_new_year) = business.cloned() else {
            panic!("the example has a `business` calendar");
        };
        over_new_year.closed.push(ClosedDays {
            from: NaiveDate::from_ymd_opt(2028, 12, 31).expect("a date"),
            to: NaiveDate::from_ymd_opt(2029, 1, 2).expect("a date"),
            note: None,
        });
        assert_eq!(over_new_year.last_holiday_year(), Some(2029));
    }
}
