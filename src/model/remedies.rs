//! Remedies (design §11): what is excluded from the service levels
//! (`exclusions`), and what the provider owes when a target is missed
//! (`credits`).
//!
//! Money is exact: [`Money`] counts hundredths of the currency's unit in an
//! integer, so no amount ever passes through a float. Percentages and CSAT
//! scores are `f64`, as the targets they are compared with are.

use super::{ChannelId, Duration, Fill, Period, PriorityId, TargetKind, Text, TimeSpan};
use serde::Serialize;
use std::fmt;

/// `exclusions { maintenance { … } clause ID "TEXT" … }`.
#[derive(Debug, Clone, PartialEq)]
pub struct Exclusions {
    pub maintenance: Option<Maintenance>,
    /// In declaration order; ids are unique.
    pub clauses: Vec<Clause>,
}

impl Exclusions {
    pub fn clause(&self, id: &ClauseId) -> Option<&Clause> {
        self.clauses.iter().find(|c| &c.id == id)
    }
}

/// `maintenance { notice … window … at most … }`: when an outage row of kind
/// `maintenance` is excluded rather than downtime.
#[derive(Debug, Clone, PartialEq)]
pub struct Maintenance {
    /// Announced at least this long before it starts, counted on the
    /// contract clock as §5 counts a target.
    pub notice: Fill<Duration>,
    /// Weekly hours maintenance may fall in, Monday first, each day's spans
    /// sorted by start, in the contract's time zone (as a calendar's
    /// `weekly`); `None`: any time.
    pub window: Option<[Vec<TimeSpan>; 7]>,
    /// `at most 8 hours monthly`; `None`: no limit.
    pub allowance: Option<Allowance>,
}

/// `at most 8 hours monthly`: excluded maintenance per channel and period.
#[derive(Debug, Clone, PartialEq)]
pub struct Allowance {
    pub amount: Fill<Duration>,
    pub period: Period,
}

id_type!(
    /// The id of an exclusion `clause`, e.g. `force-majeure`; also a `kind`
    /// of an outage row and an `excluded` value of a ticket row.
    ClauseId
);

/// `clause force-majeure "…"`.
#[derive(Debug, Clone, PartialEq)]
pub struct Clause {
    pub id: ClauseId,
    pub text: Text,
}

/// `credits { fee … lines … cap … claim … form … }`.
#[derive(Debug, Clone, PartialEq)]
pub struct Credits {
    /// `fee 50000 CNY monthly`; `None`: credits are percentages only.
    pub fee: Option<Fee>,
    /// In declaration order.
    pub lines: Vec<CreditLine>,
    /// `cap 30% monthly`: at most this share of the period's fee, all lines
    /// together; `None`: no cap.
    pub cap: Option<Cap>,
    /// `claim within 30 days` (calendar days) or `N business days` (on the
    /// contract clock), after the period ends; `None`: not stated.
    pub claim: Option<Fill<Duration>>,
    pub form: Option<CreditForm>,
}

/// `fee 50000 CNY monthly` or `fee [月度服务费] monthly`.
#[derive(Debug, Clone, PartialEq)]
pub struct Fee {
    pub amount: Fill<Money>,
    /// Absent only when the amount is a placeholder that names none.
    pub currency: Option<Currency>,
    /// The period the fee is paid for.
    pub period: Period,
}

/// An exact amount of money in hundredths of the currency's unit
/// (`50000` is 5,000,000; `99.5` is 9,950).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money {
    pub cents: u64,
}

impl Money {
    /// A decimal as written in a contract: digits, optionally a point and
    /// one or two more digits (`50000`, `99.5`, `0.25`). `None` for
    /// anything else, or an amount past `u64` cents.
    pub fn parse(text: &str) -> Option<Money> {
        let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
        let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() || !digits(whole) || !digits(fraction) || fraction.len() > 2 {
            return None;
        }
        if text.contains('.') && fraction.is_empty() {
            return None;
        }
        let whole: u64 = whole.parse().ok()?;
        let fraction: u64 = match fraction.len() {
            0 => 0,
            1 => fraction.parse::<u64>().ok()? * 10,
            _ => fraction.parse().ok()?,
        };
        let cents = whole.checked_mul(100)?.checked_add(fraction)?;
        Some(Money { cents })
    }
}

/// As a contract writes it: `50000`, `99.50`.
impl fmt::Display for Money {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (whole, cents) = (self.cents / 100, self.cents % 100);
        if cents == 0 {
            write!(f, "{whole}")
        } else {
            write!(f, "{whole}.{cents:02}")
        }
    }
}

/// An ISO 4217 currency code as written: three capital letters (`CNY`),
/// checked in that shape, not against the list.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Currency(pub String);

impl Currency {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// True for the shape of an ISO 4217 code: three ASCII capitals.
    pub fn is_iso_shaped(code: &str) -> bool {
        code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase())
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// `cap 30% monthly`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cap {
    /// In (0, 100].
    pub percent: f64,
    pub period: Period,
}

/// The form the credit is given in: `form voucher | cash | invoice-deduction`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CreditForm {
    Voucher,
    Cash,
    InvoiceDeduction,
}

impl CreditForm {
    pub const ALL: [CreditForm; 3] = [
        CreditForm::Voucher,
        CreditForm::Cash,
        CreditForm::InvoiceDeduction,
    ];

    /// The keyword, also the rule-set spelling.
    pub fn word(self) -> &'static str {
        match self {
            CreditForm::Voucher => "voucher",
            CreditForm::Cash => "cash",
            CreditForm::InvoiceDeduction => "invoice-deduction",
        }
    }
}

impl fmt::Display for CreditForm {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.word())
    }
}

/// One credit line: a metric and its tiers.
#[derive(Debug, Clone, PartialEq)]
pub struct CreditLine {
    pub metric: CreditMetric,
    /// As written: thresholds strictly decreasing, credits strictly
    /// increasing (the checker refuses anything else). The figure earns the
    /// credit of the last tier it is strictly below.
    pub tiers: Vec<Tier>,
}

impl CreditLine {
    /// The credit a figure earns: that of the deepest tier it is strictly
    /// below (`below 99.9%`: exactly 99.9 earns nothing); 0 when none.
    pub fn credit_for(&self, actual: f64) -> f64 {
        self.tiers
            .iter()
            .rev()
            .find(|tier| actual < tier.below)
            .map_or(0.0, |tier| tier.credit_percent)
    }
}

/// What a credit line measures.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum CreditMetric {
    /// The availability of a channel that has `availability`, in %.
    Availability(ChannelId),
    /// The attainment of a priority's response or resolution target, in %.
    Target(PriorityId, TargetKind),
    /// The first-contact resolution rate, in %.
    Fcr,
    /// The CSAT figure in its goal's own unit: a mean score, or % satisfied.
    Csat,
}

/// As the language writes the line's head: `availability hotline`,
/// `response P1`, `fcr`, `csat`.
impl fmt::Display for CreditMetric {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CreditMetric::Availability(channel) => write!(f, "availability {channel}"),
            CreditMetric::Target(priority, kind) => write!(f, "{kind} {priority}"),
            CreditMetric::Fcr => f.write_str("fcr"),
            CreditMetric::Csat => f.write_str("csat"),
        }
    }
}

/// `below 99.9% credit 5%`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tier {
    /// In the metric's unit: % (availability, attainment, FCR, CSAT
    /// satisfied) or a CSAT score.
    pub below: f64,
    /// Share of the period's fee, in %.
    pub credit_percent: f64,
}

/// Minutes in a week (Monday 00:00 is minute 0).
pub const WEEK_MINUTES: usize = 7 * 1440;

/// Which minutes of the week (Monday 00:00 first) weekly spans cover, with
/// overnight spans running into the next day (Sunday night into Monday)
/// and `extra` spans on given weekdays (make-up days).
pub fn week_minutes(weekly: &[Vec<TimeSpan>; 7], extra: &[(usize, TimeSpan)]) -> Vec<bool> {
    let mut minutes = vec![false; WEEK_MINUTES];
    let spans = weekly
        .iter()
        .enumerate()
        .flat_map(|(day, spans)| spans.iter().map(move |s| (day, *s)))
        .chain(extra.iter().copied());
    for (day, span) in spans {
        let start = day * 1440 + span.start.minutes() as usize;
        for m in 0..span.wall_minutes() as usize {
            if let Some(slot) = minutes.get_mut((start + m) % WEEK_MINUTES) {
                *slot = true;
            }
        }
    }
    minutes
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TimeOfDay;

    #[test]
    fn money_is_parsed_exactly_in_cents() {
        let cents = |s: &str| Money::parse(s).map(|m| m.cents);
        assert_eq!(cents("50000"), Some(5_000_000));
        assert_eq!(cents("99.5"), Some(9_950));
        assert_eq!(cents("0.25"), Some(25));
        for bad in [
            "",
            ".5",
            "5.",
            "1.234",
            "1,000",
            "-3",
            "1e3",
            "184467440737095517",
        ] {
            assert_eq!(cents(bad), None, "{bad}");
        }
        let shown: Vec<String> = ["50000", "99.5", "0.05"]
            .iter()
            .filter_map(|s| Money::parse(s))
            .map(|m| m.to_string())
            .collect();
        assert_eq!(shown, ["50000", "99.50", "0.05"]);
    }

    #[test]
    fn a_figure_earns_the_deepest_tier_it_is_strictly_below() {
        let line = CreditLine {
            metric: CreditMetric::Availability(ChannelId("hotline".into())),
            tiers: vec![
                Tier {
                    below: 99.9,
                    credit_percent: 5.0,
                },
                Tier {
                    below: 99.5,
                    credit_percent: 10.0,
                },
                Tier {
                    below: 99.0,
                    credit_percent: 25.0,
                },
            ],
        };
        let credits: Vec<f64> = [100.0, 99.9, 99.89, 99.5, 99.0, 98.0]
            .iter()
            .map(|&a| line.credit_for(a))
            .collect();
        // Exactly 99.5 is not below 99.5: it stays in the 5% tier.
        assert_eq!(credits, [0.0, 0.0, 5.0, 5.0, 10.0, 25.0]);
    }

    #[test]
    fn currencies_are_checked_for_the_iso_shape() {
        assert!(Currency::is_iso_shaped("CNY"));
        for bad in ["cny", "CN", "CNYY", "元", "C1Y"] {
            assert!(!Currency::is_iso_shaped(bad), "{bad}");
        }
    }

    #[test]
    fn metrics_read_as_the_language_writes_them() {
        let shown: Vec<String> = [
            CreditMetric::Availability(ChannelId("hotline".into())),
            CreditMetric::Target(PriorityId("P1".into()), TargetKind::Response),
            CreditMetric::Fcr,
            CreditMetric::Csat,
        ]
        .iter()
        .map(ToString::to_string)
        .collect();
        assert_eq!(
            shown,
            ["availability hotline", "response P1", "fcr", "csat"]
        );
    }

    fn span(start: u16, end: u16) -> TimeSpan {
        TimeSpan {
            start: TimeOfDay(start),
            end: TimeOfDay(end),
        }
    }

    #[test]
    fn overnight_spans_run_into_the_next_day_and_sunday_into_monday() {
        let mut week: [Vec<TimeSpan>; 7] = Default::default();
        if let Some(sunday) = week.get_mut(6) {
            sunday.push(span(22 * 60, 2 * 60));
        }
        let minutes = week_minutes(&week, &[]);
        assert_eq!(minutes.iter().filter(|m| **m).count(), 240);
        assert_eq!(minutes.get(60), Some(&true), "Monday 01:00");
        assert_eq!(minutes.get(6 * 1440 + 23 * 60), Some(&true), "Sunday 23:00");
        assert_eq!(
            minutes.get(6 * 1440 + 21 * 60),
            Some(&false),
            "Sunday 21:00"
        );
    }
}
