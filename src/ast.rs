//! The AST: what was written, item by item, in source order, with a span on
//! every node and the comments kept aside for the formatter.
//!
//! Lexical values are already typed (dates are dates, times are minutes,
//! units are [`Unit`]s): the lowering rejects what cannot be a value with
//! E020 at the exact span, so later stages never re-read text. Names are
//! not resolved here; that is the checker's job (`crate::check`), which
//! turns this tree into the [`crate::model`].

use crate::items::ItemName;

mod remedies;
pub use remedies::*;

use crate::model::{Fill, Period, TimeSpan, Unit};
use crate::source::{Span, Spanned};
use chrono::NaiveDate;

/// A name as written: `business`, `P1`, `hotline`.
pub type Ident = Spanned<String>;
/// Text as written: a string, a text block or a placeholder.
pub type Text = Spanned<Fill<String>>;

/// One parsed file.
#[derive(Debug, Clone, PartialEq)]
pub struct File {
    /// `use "PATH"` lines, in order.
    pub uses: Vec<Use>,
    /// A contract, or a library of holiday sets.
    pub kind: FileKind,
    pub contracts: Vec<Contract>,
    /// The items outside any contract: a library's `holidays` sets.
    pub top: Vec<Item>,
    /// `// …` comments, in order, for the formatter.
    pub comments: Vec<Comment>,
    /// Every `[…]` placeholder, in order (for W001).
    pub placeholders: Vec<Spanned<String>>,
    /// Lines that could not be read (already reported), in order.
    pub unreadable: Vec<Span>,
    /// What those lines most likely declared and referred to.
    pub dropped: Dropped,
    /// The end of the text (for "missing item" diagnostics).
    pub end: Span,
}

/// `use "holidays/cn-2026.sla"`: a library file this file reads, its path
/// relative to this file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Use {
    /// The path as written, unescaped; its span is the quoted string's.
    pub path: Spanned<String>,
    /// The whole line.
    pub span: Span,
}

/// What a file is: a contract, or a library (holiday sets outside any
/// contract, and no contract). A file with neither is a contract file that
/// lacks its contract (E011).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Contract,
    Library,
}

/// What lines that could not be read most likely declared and referred to
/// (guessed from their first words by the lowering): the checker reports
/// no E012 for a name they declared and no W005 for a calendar they used,
/// since the diagnostic of the line already covers both.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dropped {
    pub declared: Vec<(NameKind, String)>,
    pub referenced: Vec<(NameKind, String)>,
}

impl Dropped {
    /// True when a dropped line most likely declared `name` as a `kind`
    /// (in the checker's words: "calendar", "channel", "priority").
    pub fn declares(&self, kind: &str, name: &str) -> bool {
        self.declared
            .iter()
            .any(|(k, n)| k.word() == kind && n == name)
    }

    /// True when a dropped line most likely referred to `name`.
    pub fn refers_to(&self, kind: NameKind, name: &str) -> bool {
        self.referenced.iter().any(|(k, n)| *k == kind && n == name)
    }
}

/// The kinds of names a contract declares and refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameKind {
    Calendar,
    Channel,
    Priority,
    HolidaySet,
}

impl NameKind {
    /// The word for it in messages ("unknown calendar `x`").
    pub fn word(self) -> &'static str {
        match self {
            NameKind::Calendar => "calendar",
            NameKind::Channel => "channel",
            NameKind::Priority => "priority",
            NameKind::HolidaySet => "holiday set",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    /// The text after `//`.
    pub text: String,
    pub span: Span,
}

/// `contract "TITLE" { … }`
#[derive(Debug, Clone, PartialEq)]
pub struct Contract {
    pub title: Text,
    pub items: Vec<Item>,
    /// The `contract` keyword.
    pub keyword: Span,
    pub braces: Braces,
    pub span: Span,
}

/// The `{` and `}` of a block, for the formatter (which then never searches
/// the text for them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Braces {
    pub open: Span,
    pub close: Span,
}

/// One item of a contract body.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub kind: ItemKind,
    /// The item's keyword (`calendar`, `response`, …).
    pub keyword: Span,
    /// The braces of its `{ … }`, when it has one.
    pub braces: Option<Braces>,
    /// The whole item.
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ItemKind {
    Id(Text),
    Version(Text),
    Language(Ident),
    PartOf(Text),
    Effective {
        from: Spanned<Fill<NaiveDate>>,
        to: Option<Spanned<Fill<NaiveDate>>>,
    },
    Timezone(Text),
    Clock(Ident),
    BusinessDay(BusinessDay),
    Pause(Pause),
    Party(Party),
    Term {
        name: Text,
        definition: Text,
    },
    Scope(Vec<ScopeLine>),
    Calendar(Calendar),
    Channel(Channel),
    Priority(Priority),
    Response(Vec<TargetLine>),
    Resolution(Vec<TargetLine>),
    Fcr {
        min: Spanned<Fill<f64>>,
        period: Option<Spanned<Fill<Period>>>,
    },
    Csat(Csat),
    Support(Vec<SupportLine>),
    Reporting(Vec<ReportLine>),
    Exclusions(Vec<ExclusionLine>),
    Credits(Vec<CreditsLine>),
    Holidays(HolidaySet),
    GoverningLaw(GoverningLaw),
    Commitment(Commitment),
    PartyNames(PartyNames),
}

impl ItemKind {
    /// Which item this is, for its row of [`ITEMS`].
    pub fn name(&self) -> ItemName {
        match self {
            ItemKind::Id(_) => ItemName::Id,
            ItemKind::Version(_) => ItemName::Version,
            ItemKind::Language(_) => ItemName::Language,
            ItemKind::PartOf(_) => ItemName::PartOf,
            ItemKind::Effective { .. } => ItemName::Effective,
            ItemKind::Timezone(_) => ItemName::Timezone,
            ItemKind::Clock(_) => ItemName::Clock,
            ItemKind::BusinessDay(_) => ItemName::BusinessDay,
            ItemKind::Pause(_) => ItemName::Pause,
            ItemKind::Party(_) => ItemName::Party,
            ItemKind::Term { .. } => ItemName::Term,
            ItemKind::Scope(_) => ItemName::Scope,
            ItemKind::Calendar(_) => ItemName::Calendar,
            ItemKind::Channel(_) => ItemName::Channel,
            ItemKind::Priority(_) => ItemName::Priority,
            ItemKind::Response(_) => ItemName::Response,
            ItemKind::Resolution(_) => ItemName::Resolution,
            ItemKind::Fcr { .. } => ItemName::Fcr,
            ItemKind::Csat(_) => ItemName::Csat,
            ItemKind::Support(_) => ItemName::Support,
            ItemKind::Reporting(_) => ItemName::Reporting,
            ItemKind::Exclusions(_) => ItemName::Exclusions,
            ItemKind::Credits(_) => ItemName::Credits,
            ItemKind::Holidays(_) => ItemName::Holidays,
            ItemKind::GoverningLaw(_) => ItemName::GoverningLaw,
            ItemKind::Commitment(_) => ItemName::Commitment,
            ItemKind::PartyNames(_) => ItemName::PartyNames,
        }
    }

    /// The item's keyword as written in the language.
    pub fn keyword(&self) -> &'static str {
        self.name().keyword()
    }
}

/// `governing-law cn` (a code, checked later) or `governing-law "TEXT"`.
#[derive(Debug, Clone, PartialEq)]
pub enum GoverningLaw {
    Code(Ident),
    Text(Text),
}

/// `party-names 甲方/乙方 | short | "CLIENT" / "PROVIDER"`
#[derive(Debug, Clone, PartialEq)]
pub enum PartyNames {
    /// `甲方/乙方`.
    JiaYi,
    /// The span of `short`.
    Short(Span),
    Given {
        client: Text,
        provider: Text,
    },
}

/// `commitment shall | endeavour [for SECTION, …]`
#[derive(Debug, Clone, PartialEq)]
pub struct Commitment {
    pub level: Spanned<Fill<crate::model::Commitment>>,
    /// The sections named after `for` (checked later); empty: all.
    pub sections: Vec<Ident>,
}

/// `business-day ends-at-close | same-time | 9 hours`
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum BusinessDay {
    EndsAtClose,
    SameTime,
    /// Open minutes in a business day, with the span of the number.
    Hours(Spanned<u32>),
}

/// `pause on "Pending", "On-hold"`: the ticket statuses that stop the
/// resolution clock, unescaped, each with its span.
#[derive(Debug, Clone, PartialEq)]
pub struct Pause {
    /// The `on` after the item's keyword.
    pub on: Span,
    pub statuses: Vec<Spanned<String>>,
}

/// `party client "NAME" { short … contact … signatory … }`
#[derive(Debug, Clone, PartialEq)]
pub struct Party {
    /// `client` or `provider` (checked later).
    pub role: Ident,
    pub name: Text,
    pub fields: Vec<PartyField>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PartyField {
    pub kind: PartyFieldKind,
    pub keyword: Span,
    pub value: Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PartyFieldKind {
    Short,
    Contact,
    Signatory,
}

impl PartyFieldKind {
    pub fn keyword(self) -> &'static str {
        match self {
            PartyFieldKind::Short => "short",
            PartyFieldKind::Contact => "contact",
            PartyFieldKind::Signatory => "signatory",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum ScopeLine {
    Service { id: Ident, label: Text },
    Audience { keyword: Span, texts: Vec<Text> },
}

/// `calendar NAME "LABEL" { … }` or `calendar NAME "LABEL" 24x7`
#[derive(Debug, Clone, PartialEq)]
pub struct Calendar {
    pub name: Ident,
    /// The whole `calendar` item.
    pub span: Span,
    pub label: Option<Text>,
    /// `Some(span of 24x7)` for an always-open calendar.
    pub always: Option<Span>,
    pub lines: Vec<CalendarLine>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum CalendarLine {
    /// `mon-fri, sat 09:00-12:00, 13:00-18:00`: the days (Monday = 0) and spans.
    Weekly {
        days: Vec<Spanned<Vec<usize>>>,
        spans: Vec<Spanned<TimeSpan>>,
        span: Span,
    },
    /// `closed 2027-10-01..2027-10-07 "国庆节"`
    Closed {
        keyword: Span,
        from: Spanned<NaiveDate>,
        to: Spanned<NaiveDate>,
        note: Option<Text>,
    },
    /// `open 2027-09-26 09:00-18:00 "调休上班"`, or without hours
    /// `open 2027-09-26 [as mon] "调休上班"` (then `spans` is empty).
    Open {
        keyword: Span,
        date: Spanned<NaiveDate>,
        spans: Vec<Spanned<TimeSpan>>,
        like: Option<Like>,
        note: Option<Text>,
    },
    Timezone {
        keyword: Span,
        zone: Text,
    },
    /// `holidays cn-2026, company`: the sets the calendar uses.
    Holidays {
        keyword: Span,
        sets: Vec<Ident>,
    },
}

/// `as WEEKDAY` of an `open` day without hours: the day has the hours of
/// that weekday (Monday = 0).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Like {
    pub keyword: Span,
    pub weekday: Spanned<usize>,
}

/// `holidays ID "LABEL" { … }`
#[derive(Debug, Clone, PartialEq)]
pub struct HolidaySet {
    pub name: Ident,
    pub label: Text,
    pub lines: Vec<SetLine>,
}

/// A line of a holiday set.
#[derive(Debug, Clone, PartialEq)]
pub enum SetLine {
    /// `closed 2026-02-15..2026-02-23 "春节"`
    Closed {
        keyword: Span,
        from: Spanned<NaiveDate>,
        to: Spanned<NaiveDate>,
        note: Option<Text>,
    },
    /// `open 2026-02-14, 2026-02-28 [as mon] "春节调休上班"`
    Open {
        keyword: Span,
        dates: Vec<Spanned<NaiveDate>>,
        like: Option<Like>,
        note: Option<Text>,
    },
    /// `closed yearly 12-25 substitute "Christmas Day"`
    Yearly(YearlyLine),
}

/// `channel NAME "LABEL" { hours … availability … contact … }`
#[derive(Debug, Clone, PartialEq)]
pub struct Channel {
    pub name: Ident,
    pub label: Text,
    pub fields: Vec<ChannelField>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum ChannelField {
    Hours {
        keyword: Span,
        calendar: Ident,
    },
    Availability {
        keyword: Span,
        percent: Spanned<Fill<f64>>,
        period: Option<Spanned<Fill<Period>>>,
    },
    Contact {
        keyword: Span,
        value: Text,
    },
    Aka(Aka),
}

/// `aka "urgent", "P1 - Critical"`: the names a ticket system gives a
/// priority or a channel, unescaped, each with its span.
#[derive(Debug, Clone, PartialEq)]
pub struct Aka {
    pub keyword: Span,
    pub names: Vec<Spanned<String>>,
}

/// `priority NAME "LABEL" { "DEFINITION" clock NAME aka "NAME", … }`
#[derive(Debug, Clone, PartialEq)]
pub struct Priority {
    pub name: Ident,
    pub label: Text,
    pub definitions: Vec<Text>,
    pub clocks: Vec<PriorityClock>,
    pub akas: Vec<Aka>,
}

/// `clock NAME` in a priority.
#[derive(Debug, Clone, PartialEq)]
pub struct PriorityClock {
    pub keyword: Span,
    pub calendar: Ident,
}

/// `P1 within 4 hours on always or workaround for 95%`
#[derive(Debug, Clone, PartialEq)]
pub struct TargetLine {
    pub priority: Ident,
    pub within: Spanned<DurationAst>,
    /// `on CALENDAR`: this target's own clock.
    pub clock: Option<TargetClock>,
    pub or_workaround: Option<Span>,
    pub attainment: Option<Spanned<Fill<f64>>>,
    pub span: Span,
}

/// `on NAME` in a target line.
#[derive(Debug, Clone, PartialEq)]
pub struct TargetClock {
    pub keyword: Span,
    pub calendar: Ident,
}

/// A duration as written: `15 minutes`, `[X] hours`, `[X个工作日]`.
#[derive(Debug, Clone, PartialEq)]
pub enum DurationAst {
    Given {
        amount: u32,
        unit: Spanned<Unit>,
    },
    Placeholder {
        text: String,
        /// The `[…]` as written.
        placeholder: Span,
        unit: Option<Spanned<Unit>>,
    },
}

impl DurationAst {
    /// The placeholder text, or the duration.
    pub fn to_fill(&self) -> Fill<crate::model::Duration> {
        match self {
            DurationAst::Given { amount, unit } => Fill::Value(crate::model::Duration {
                amount: *amount,
                unit: unit.node,
            }),
            DurationAst::Placeholder {
                text, unit: None, ..
            } => Fill::Placeholder(text.clone()),
            DurationAst::Placeholder {
                text,
                unit: Some(unit),
                ..
            } => Fill::Placeholder(format!("{text} {}", unit.node.as_str().replace('_', " "))),
        }
    }
}

/// `csat at least 4.5 on 1..5 quarterly method "问卷", "回访"`
#[derive(Debug, Clone, PartialEq)]
pub struct Csat {
    pub goal: CsatGoalAst,
    /// `on LOW..HIGH`, with its span.
    pub scale: Option<Spanned<(f64, f64)>>,
    pub period: Option<Spanned<Fill<Period>>>,
    pub methods: Vec<Text>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum CsatGoalAst {
    Score(Spanned<Fill<f64>>),
    Satisfied(Spanned<Fill<f64>>),
}

#[derive(Debug, Clone, PartialEq)]
pub enum SupportLine {
    SubmitVia {
        keyword: Span,
        channels: Vec<Ident>,
    },
    Escalate {
        keyword: Span,
        priority: Ident,
        after: Spanned<DurationAst>,
        to: Text,
    },
}

/// `report monthly within 5 business days`
#[derive(Debug, Clone, PartialEq)]
pub struct ReportLine {
    pub keyword: Span,
    /// `monthly` or `quarterly` (the grammar allows no other), or a placeholder.
    pub period: Spanned<Fill<Period>>,
    pub within: Spanned<DurationAst>,
    pub span: Span,
}

/// `closed yearly RULE "note"` in a holiday set (design §10).
#[derive(Debug, Clone, PartialEq)]
pub struct YearlyLine {
    /// The `closed` keyword.
    pub keyword: Span,
    pub rule: YearlyRuleAst,
    pub note: Option<Text>,
}

/// A yearly rule as written (`12-25 substitute`, `4th thu nov +1 day`);
/// `check/yearly.rs` makes it a [`crate::model::yearly::YearlyRule`].
#[derive(Debug, Clone, PartialEq)]
pub struct YearlyRuleAst {
    /// A `MM-DD` as written may name no date (`02-30`): the checker says so.
    pub base: Spanned<crate::model::yearly::YearlyBase>,
    /// `+N days` / `-N days` in days, saturated when too long to count.
    pub offset: Option<Spanned<i64>>,
    pub adjust: Option<Spanned<crate::model::yearly::Adjustment>>,
    /// `from YYYY`, `until YYYY` (the spans are of the year).
    pub from: Option<Spanned<i32>>,
    pub until: Option<Spanned<i32>>,
    /// `except YYYY, …`, each year with its span.
    pub except: Vec<Spanned<i32>>,
    /// The whole rule, from its base to its last limit.
    pub span: Span,
}
