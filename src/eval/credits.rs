//! The service credits of a period (§11): each credit line's actual figure
//! earns the credit of the deepest tier it is strictly below; the period's
//! total is the sum of the lines, capped at `cap`; the amount is total ×
//! the period's fee in the fee's currency, rounded half-up to cents.
//!
//! No money passes through a float. Percentages are written in the contract
//! as decimals and read as `f64`; the shortest decimal form of an `f64` is
//! the literal it was read from, so [`Share`] recovers that decimal exactly
//! (to a billionth of a percent) and sums, caps and multiplies it with the
//! fee's integer cents in `u128`, rounding once, at the end.

use super::compliance::{ComplianceReport, CsatReport, PeriodReport};
use super::settle::{parse_period, period_bounds, Deadlines};
use super::ReportPeriod;
use crate::model::{Contract, CreditMetric, Credits, CsatGoal, Period};
use chrono_tz::Tz;
use serde::Serialize;

/// A share of the fee in billionths of a percent, exact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
struct Share(u128);

/// Billionths of a percent in a percent.
const SCALE: u128 = 1_000_000_000;

impl Share {
    /// A contract's percentage as the decimal it was written as; a digit
    /// past the ninth decimal rounds half-up. `None` for a negative or
    /// non-finite value.
    fn of(percent: f64) -> Option<Share> {
        if !percent.is_finite() || percent < 0.0 {
            return None;
        }
        // `Display` of an f64 is its shortest round-trip decimal, never
        // in exponent form.
        let text = percent.to_string();
        let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
        let whole: u128 = whole.parse().ok()?;
        let mut units = whole.checked_mul(SCALE)?;
        let mut place = SCALE / 10;
        let mut digits = fraction.bytes().map(|b| u128::from(b.wrapping_sub(b'0')));
        while place > 0 {
            units += digits.next().unwrap_or(0) * place;
            place /= 10;
        }
        if digits.next().is_some_and(|d| d >= 5) {
            units += 1;
        }
        Some(Share(units))
    }

    /// As a JSON number: the nearest `f64` to the exact decimal.
    fn to_f64(self) -> f64 {
        format!("{}.{:09}", self.0 / SCALE, self.0 % SCALE)
            .parse()
            .unwrap_or(f64::NAN)
    }
}

/// How many calendar months a period spans.
fn months(period: Period) -> u128 {
    match period {
        Period::Monthly => 1,
        Period::Quarterly => 3,
        Period::Yearly => 12,
    }
}

fn report_months(period: ReportPeriod) -> u128 {
    match period {
        ReportPeriod::Monthly => 1,
        ReportPeriod::Quarterly => 3,
    }
}

/// The amount owed, in cents, for `total` of a fee of `fee_cents` per
/// `fee_months` over a report period of `period_months`: exact, rounded
/// half-up once. `None` past `u64` cents.
fn amount_cents(
    fee_cents: u64,
    fee_months: u128,
    period_months: u128,
    total: Share,
) -> Option<u64> {
    let num = u128::from(fee_cents)
        .checked_mul(period_months)?
        .checked_mul(total.0)?;
    let den = fee_months.checked_mul(100 * SCALE)?;
    let rounded = num.checked_mul(2)?.checked_add(den)? / den.checked_mul(2)?;
    u64::try_from(rounded).ok()
}

/// `1000.00`: cents with two decimals, always.
fn money_text(cents: u64) -> String {
    format!("{}.{:02}", cents / 100, cents % 100)
}

/// The unit of a credit line's figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FigureUnit {
    Percent,
    Score,
}

/// The credits of one period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CreditsReport {
    pub lines: Vec<CreditLineReport>,
    /// The sum of the lines' credits, capped at `cap`, in % of the fee.
    #[serde(serialize_with = "super::compliance::whole_as_integer")]
    pub total_percent: f64,
    /// True when the sum of the lines was above the cap.
    pub capped: bool,
    /// `total_percent` of the period's fee, two decimals (`"2500.00"`), as a
    /// string so it stays exact; `None` without a fee or with a placeholder.
    pub amount: Option<String>,
    /// The fee's ISO 4217 code.
    pub currency: Option<String>,
    /// The claim deadline (`claim within`), RFC 3339 in the contract's zone;
    /// `None` when the contract states none (or a placeholder).
    pub claim_by: Option<String>,
    /// The cap, in % of the fee; `None`: no cap.
    pub cap_percent: Option<f64>,
    /// The period's fee (three months' fee for a quarter of a monthly
    /// fee), two decimals; `None` as for `amount`.
    pub fee: Option<String>,
    /// `voucher`, `cash` or `invoice-deduction`, if stated.
    pub form: Option<&'static str>,
}

/// One credit line's figure and the credit it earns.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CreditLineReport {
    /// As the contract writes it: `availability hotline`, `response P1`.
    pub metric: String,
    /// The figure, rounded to two decimals; `None`: no data this period,
    /// so the line earns nothing.
    pub actual: Option<f64>,
    #[serde(serialize_with = "super::compliance::whole_as_integer")]
    pub credit_percent: f64,
    /// `percent` or `score` (a CSAT mean).
    pub unit: FigureUnit,
    /// What the line measures, for the reports to put in their words.
    #[serde(skip)]
    pub of: CreditMetric,
}

/// The unit a metric is measured in (the CSAT goal's own unit for `csat`).
fn unit_of(metric: &CreditMetric, csat_score: bool) -> FigureUnit {
    match metric {
        CreditMetric::Csat if csat_score => FigureUnit::Score,
        CreditMetric::Availability(_)
        | CreditMetric::Target(..)
        | CreditMetric::Fcr
        | CreditMetric::Csat => FigureUnit::Percent,
    }
}

/// The credits of a period ending at `end` (UTC milliseconds), from the
/// unrounded figure of each line (`None`: no data).
pub(crate) fn period_credits(
    credits: &Credits,
    figure: impl Fn(&CreditMetric) -> Option<f64>,
    csat_score: bool,
    period: ReportPeriod,
    end: i64,
    deadlines: &Deadlines,
) -> CreditsReport {
    let mut sum = Share::default();
    let mut lines = Vec::with_capacity(credits.lines.len());
    for line in &credits.lines {
        let actual = figure(&line.metric);
        let credit = actual.map_or(0.0, |a| line.credit_for(a));
        sum.0 += Share::of(credit).unwrap_or_default().0;
        lines.push(CreditLineReport {
            metric: line.metric.to_string(),
            actual: actual.map(super::compliance::round2),
            credit_percent: credit,
            unit: unit_of(&line.metric, csat_score),
            of: line.metric.clone(),
        });
    }
    let cap = credits.cap.and_then(|c| Share::of(c.percent));
    let total = cap.map_or(sum, |cap| sum.min(cap));
    let fee = credits.fee.as_ref();
    let fee_cents = fee.and_then(|f| {
        let cents = f.amount.value()?.cents;
        amount_cents(
            cents,
            months(f.period),
            report_months(period),
            Share(100 * SCALE),
        )
    });
    let amount = fee.and_then(|f| {
        let cents = f.amount.value()?.cents;
        amount_cents(cents, months(f.period), report_months(period), total)
    });
    let claim_by = credits
        .claim
        .as_ref()
        .and_then(|c| c.value())
        .and_then(|&within| deadlines.claim_by(end, within).ok())
        .and_then(|at| deadlines.rfc3339(at).ok());
    CreditsReport {
        lines,
        total_percent: total.to_f64(),
        capped: cap.is_some_and(|cap| sum > cap),
        amount: amount.map(money_text),
        currency: fee
            .and_then(|f| f.currency.as_ref())
            .map(|c| c.as_str().to_string()),
        claim_by,
        cap_percent: credits.cap.map(|c| c.percent),
        fee: fee_cents.map(money_text),
        form: credits.form.map(|f| f.word()),
    }
}

/// Settles a report: fills in each period's `report_due` and `credits`
/// from the figures it holds. The ticket evaluation and the outage log both
/// end with it (each adds figures), so it may run more than once.
pub(crate) fn settle(report: &mut ComplianceReport, contract: &Contract, period: ReportPeriod) {
    let deadlines = Deadlines::new(contract);
    let zone = contract.timezone.unwrap_or(Tz::UTC);
    let csat_score = contract
        .csat
        .as_ref()
        .is_some_and(|c| matches!(c.goal, CsatGoal::Score { .. }));
    for p in &mut report.periods {
        let end = parse_period(period, &p.period)
            .and_then(|(year, index)| period_bounds(zone, period, year, index))
            .map(|(_, end)| end);
        let Some(end) = end else { continue };
        let last_month = parse_period(period, &p.period).map_or(0, |(_, index)| match period {
            ReportPeriod::Monthly => index,
            ReportPeriod::Quarterly => index * 3,
        });
        p.report_due = report_due(contract, &deadlines, last_month, end);
        p.credits = contract.credits.as_ref().map(|credits| {
            period_credits(
                credits,
                |m| figure(p, m),
                csat_score,
                period,
                end,
                &deadlines,
            )
        });
    }
}

/// When the provider's report is due after a period ending at `end` whose
/// last month is `last_month` (1–12): only when a reporting period ends
/// with it (a quarterly report after March, June, September and December
/// of a monthly evaluation; a quarter of a quarterly evaluation has the
/// due time of its last month's monthly report). `None` without
/// `reporting`, with a placeholder, or when the clock cannot place it
/// (the evaluation checks that up front).
fn report_due(
    contract: &Contract,
    deadlines: &Deadlines,
    last_month: u32,
    end: i64,
) -> Option<String> {
    let reporting = contract.reporting.as_ref()?;
    let within = *reporting.within.value()?;
    let every = match reporting.period.value()? {
        Period::Monthly => 1,
        Period::Quarterly => 3,
        Period::Yearly => 12,
    };
    if last_month == 0 || !last_month.is_multiple_of(every) {
        return None;
    }
    let due = deadlines.report_due(end, within).ok()?;
    deadlines.rfc3339(due).ok()
}

/// The unrounded figure of a credit line in a period: availability from
/// the outage log's minutes, attainment, FCR and CSAT from the counts.
/// `None` when the period has no data for it.
fn figure(p: &PeriodReport, metric: &CreditMetric) -> Option<f64> {
    let share = |part: u64, whole: u64| (whole > 0).then(|| part as f64 * 100.0 / whole as f64);
    match metric {
        CreditMetric::Availability(channel) => {
            let a = p
                .availability
                .iter()
                .find(|a| a.channel == channel.as_str())?;
            (a.scheduled_minutes > 0.0)
                .then(|| (a.scheduled_minutes - a.downtime_minutes) * 100.0 / a.scheduled_minutes)
        }
        CreditMetric::Target(priority, kind) => {
            let t = p
                .priorities
                .iter()
                .find(|pr| pr.id == priority.as_str())?
                .target(*kind);
            share(t.met, t.met + t.breached)
        }
        CreditMetric::Fcr => {
            let f = p.fcr.as_ref()?;
            share(f.resolved_first, f.answered)
        }
        CreditMetric::Csat => match p.csat.as_ref()? {
            CsatReport::Score { exact, .. } | CsatReport::Satisfied { exact, .. } => *exact,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_are_the_decimals_written() {
        let units = |p: f64| Share::of(p).map(|s| s.0);
        assert_eq!(units(5.0), Some(5 * SCALE));
        assert_eq!(units(2.5), Some(2_500_000_000));
        assert_eq!(units(0.1), Some(100_000_000));
        assert_eq!(units(33.333333333), Some(33_333_333_333));
        assert_eq!(units(0.0000000005), Some(1));
        assert_eq!(units(-1.0), None);
        assert_eq!(units(f64::NAN), None);
        // 0.1 + 0.2 is 0.3 exactly here, not 0.30000000000000004.
        let sum = Share(Share::of(0.1).unwrap().0 + Share::of(0.2).unwrap().0);
        assert_eq!(sum.to_f64(), 0.3);
    }

    #[test]
    fn amounts_round_half_up_to_cents_once() {
        let share = |p: f64| Share::of(p).unwrap();
        // 50000.00 CNY monthly, 5%: 2500.00.
        assert_eq!(amount_cents(5_000_000, 1, 1, share(5.0)), Some(250_000));
        // A quarter of a monthly fee is three months' fee.
        assert_eq!(amount_cents(5_000_000, 1, 3, share(5.0)), Some(750_000));
        // 0.05 × 1.5% = 0.00075: rounds to 0.00; 0.5 × 1% = 0.005: 0.01.
        assert_eq!(amount_cents(5, 1, 1, share(1.5)), Some(0));
        assert_eq!(amount_cents(50, 1, 1, share(1.0)), Some(1));
        // A monthly evaluation of a quarterly fee: a third, rounded once.
        // 100.00 / 3 × 10% = 3.333… → 3.33.
        assert_eq!(amount_cents(10_000, 3, 1, share(10.0)), Some(333));
        // 0.01 × 12.5% of a yearly fee per month is far below a cent.
        assert_eq!(amount_cents(1, 12, 1, share(12.5)), Some(0));
        assert_eq!(money_text(250_000), "2500.00");
        assert_eq!(money_text(5), "0.05");
    }
}
