//! The AST of the remedies items (design §11): `exclusions { … }` and
//! `credits { … }`, as written.

use super::{Braces, DurationAst, Ident, Text};
use crate::model::{CreditForm, Money, Period, TargetKind, TimeSpan};
use crate::source::{Span, Spanned};

/// A line of `exclusions { … }`.
#[derive(Debug, Clone, PartialEq)]
pub enum ExclusionLine {
    /// `maintenance { notice … window … at most … }`
    Maintenance {
        keyword: Span,
        lines: Vec<MaintenanceLine>,
        braces: Braces,
        span: Span,
    },
    /// `clause force-majeure "…"`
    Clause {
        keyword: Span,
        id: Ident,
        text: Text,
        span: Span,
    },
}

/// A line of `maintenance { … }`.
#[derive(Debug, Clone, PartialEq)]
pub enum MaintenanceLine {
    /// `notice 5 business days`
    Notice {
        keyword: Span,
        notice: Spanned<DurationAst>,
        span: Span,
    },
    /// `window sat-sun 00:00-06:00`: the days (Monday = 0) and spans, as a
    /// calendar's weekly line.
    Window {
        keyword: Span,
        days: Vec<Spanned<Vec<usize>>>,
        spans: Vec<Spanned<TimeSpan>>,
        span: Span,
    },
    /// `at most 8 hours monthly`
    AtMost {
        keyword: Span,
        amount: Spanned<DurationAst>,
        period: Spanned<Period>,
        span: Span,
    },
}

/// A line of `credits { … }`.
#[derive(Debug, Clone, PartialEq)]
pub enum CreditsLine {
    /// `fee 50000 CNY monthly` or `fee [月度服务费] monthly`
    Fee {
        keyword: Span,
        amount: FeeAmount,
        period: Spanned<Period>,
        span: Span,
    },
    /// `availability hotline { below 99.9% credit 5% … }` and the like.
    Tiers(CreditTiers),
    /// `cap 30% monthly`
    Cap {
        keyword: Span,
        percent: Spanned<f64>,
        period: Spanned<Period>,
        span: Span,
    },
    /// `claim within 30 days`
    Claim {
        keyword: Span,
        within: Spanned<DurationAst>,
        span: Span,
    },
    /// `form voucher`
    Form {
        keyword: Span,
        form: Spanned<CreditForm>,
        span: Span,
    },
}

/// The amount of a fee as written.
#[derive(Debug, Clone, PartialEq)]
pub enum FeeAmount {
    /// `50000 CNY`: the currency as written (its shape is checked later).
    Given {
        amount: Spanned<Money>,
        currency: Ident,
    },
    /// `[月度服务费]`, optionally with a currency: `[月度服务费] CNY`.
    Placeholder {
        text: Spanned<String>,
        currency: Option<Ident>,
    },
}

/// One credit line: its metric and tiers.
#[derive(Debug, Clone, PartialEq)]
pub struct CreditTiers {
    /// The line's first keyword (`availability`, `response`, `fcr`, …).
    pub keyword: Span,
    pub metric: MetricAst,
    pub tiers: Vec<TierAst>,
    /// The braces of a `{ … }` of tiers; `None` for one tier on the line.
    pub braces: Option<Braces>,
    pub span: Span,
}

/// What a credit line measures, names unresolved.
#[derive(Debug, Clone, PartialEq)]
pub enum MetricAst {
    Availability(Ident),
    Target(TargetKind, Ident),
    Fcr,
    Csat,
}

/// `below 99.9% credit 5%`
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TierAst {
    pub keyword: Span,
    pub below: Spanned<f64>,
    /// True when the threshold was written with `%` (else a CSAT score).
    pub below_percent: bool,
    pub credit: Spanned<f64>,
    pub span: Span,
}
