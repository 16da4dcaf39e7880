//! The remedies items (design §11): `exclusions { … }` and `credits { … }`,
//! each line by its own function, through the cursor.

use super::context::Context;
use super::cursor::Children;
use super::span::span_of;
use super::{Lowering, P};
use crate::ast::*;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{CreditForm, Fill, Money, Period, TargetKind};
use crate::source::{Span, Spanned};
use crate::syntax::Rule;

impl Lowering<'_> {
    /// The body of `exclusions { … }`.
    pub(super) fn exclusions(
        &mut self,
        c: &mut Children<'_>,
    ) -> Option<(Vec<ExclusionLine>, Braces)> {
        let lines = self.lines(c, Context::Exclusions, |l, line| match line.as_rule() {
            Rule::maintenance_block => l.maintenance(line),
            Rule::clause_line => l.clause_line(line),
            _ => {
                l.unexpected(&line, Rule::exclusions_item, "an exclusions line");
                None
            }
        })?;
        Some((lines.lines, lines.braces))
    }

    /// `maintenance { notice … window … at most … }`
    pub(super) fn maintenance(&mut self, block: P<'_>) -> Option<ExclusionLine> {
        let span = span_of(&block);
        let mut c = self.open(block, Rule::maintenance_block)?;
        let keyword = span_of(&self.expect(&mut c, Rule::kw_maintenance)?);
        let lines = self.lines(&mut c, Context::Maintenance, |l, line| {
            l.maintenance_line(line)
        })?;
        self.end(c)?;
        Some(ExclusionLine::Maintenance {
            keyword,
            lines: lines.lines,
            braces: lines.braces,
            span,
        })
    }

    /// `notice 5 business days`, `window sat-sun 00:00-06:00` or
    /// `at most 8 hours monthly`.
    pub(super) fn maintenance_line(&mut self, line: P<'_>) -> Option<MaintenanceLine> {
        let span = span_of(&line);
        let rule = line.as_rule();
        let keyword_rule = match rule {
            Rule::notice_line => Rule::kw_notice,
            Rule::window_line => Rule::kw_window,
            Rule::allowance_line => Rule::kw_at_most,
            _ => {
                self.unexpected(&line, Rule::maintenance_block, "a maintenance line");
                return None;
            }
        };
        let mut c = self.open(line, rule)?;
        let keyword = span_of(&self.expect(&mut c, keyword_rule)?);
        let lowered = match keyword_rule {
            Rule::kw_notice => {
                let notice = self.expect(&mut c, Rule::duration)?;
                MaintenanceLine::Notice {
                    keyword,
                    notice: self.duration(notice)?,
                    span,
                }
            }
            Rule::kw_window => {
                let (days, spans) = self.days_and_spans(&mut c)?;
                MaintenanceLine::Window {
                    keyword,
                    days,
                    spans,
                    span,
                }
            }
            _ => {
                let amount = self.expect(&mut c, Rule::duration)?;
                let amount = self.duration(amount)?;
                let period = self.expect(&mut c, Rule::remedy_period)?;
                MaintenanceLine::AtMost {
                    keyword,
                    amount,
                    period: self.remedy_period(period)?,
                    span,
                }
            }
        };
        self.end(c)?;
        Some(lowered)
    }

    /// `clause force-majeure "…"`
    pub(super) fn clause_line(&mut self, line: P<'_>) -> Option<ExclusionLine> {
        let span = span_of(&line);
        let mut c = self.open(line, Rule::clause_line)?;
        let keyword = span_of(&self.expect(&mut c, Rule::kw_clause)?);
        let id = self.ident(&mut c)?;
        let text = self.text_child(&mut c)?;
        self.end(c)?;
        Some(ExclusionLine::Clause {
            keyword,
            id,
            text,
            span,
        })
    }

    /// `monthly`, `quarterly` or `yearly` (no placeholder: the credit
    /// arithmetic needs the period).
    pub(super) fn remedy_period(&mut self, pair: P<'_>) -> Option<Spanned<Period>> {
        let period = self.period_of(pair, Rule::remedy_period, Rule::period_word)?;
        match period.node {
            Fill::Value(value) => Some(Spanned::new(value, period.span)),
            Fill::Placeholder(_) => {
                self.internal(
                    period.span,
                    Rule::remedy_period,
                    "a placeholder where the grammar allows a period word only".into(),
                );
                None
            }
        }
    }

    /// The body of `credits { … }`.
    pub(super) fn credits(&mut self, c: &mut Children<'_>) -> Option<(Vec<CreditsLine>, Braces)> {
        let lines = self.lines(c, Context::Credits, |l, line| l.credits_line(line))?;
        Some((lines.lines, lines.braces))
    }

    /// One line of `credits { … }`.
    pub(super) fn credits_line(&mut self, line: P<'_>) -> Option<CreditsLine> {
        let span = span_of(&line);
        let rule = line.as_rule();
        let lowered = match rule {
            Rule::fee_line => self.fee_line(line, span)?,
            Rule::availability_credit
            | Rule::target_credit
            | Rule::fcr_credit
            | Rule::csat_credit => CreditsLine::Tiers(self.credit_tiers(line, span)?),
            Rule::cap_line => {
                let mut c = self.open(line, Rule::cap_line)?;
                let keyword = span_of(&self.expect(&mut c, Rule::kw_cap)?);
                let percent = self.expect(&mut c, Rule::percent)?;
                let percent = self.plain_percent(&percent)?;
                let period = self.expect(&mut c, Rule::remedy_period)?;
                let period = self.remedy_period(period)?;
                self.end(c)?;
                CreditsLine::Cap {
                    keyword,
                    percent,
                    period,
                    span,
                }
            }
            Rule::claim_line => {
                let mut c = self.open(line, Rule::claim_line)?;
                let keyword = span_of(&self.expect(&mut c, Rule::kw_claim)?);
                self.expect(&mut c, Rule::kw_within)?;
                let within = self.expect(&mut c, Rule::duration)?;
                let within = self.duration(within)?;
                self.end(c)?;
                CreditsLine::Claim {
                    keyword,
                    within,
                    span,
                }
            }
            Rule::form_line => {
                let mut c = self.open(line, Rule::form_line)?;
                let keyword = span_of(&self.expect(&mut c, Rule::kw_form)?);
                let word = self.expect(&mut c, Rule::credit_form)?;
                self.end(c)?;
                let Some(form) = CreditForm::ALL
                    .into_iter()
                    .find(|f| f.word() == word.as_str())
                else {
                    self.not_lexed(&word);
                    return None;
                };
                CreditsLine::Form {
                    keyword,
                    form: Spanned::new(form, span_of(&word)),
                    span,
                }
            }
            _ => {
                self.unexpected(&line, Rule::credits_item, "a credits line");
                return None;
            }
        };
        Some(lowered)
    }

    /// `fee 50000 CNY monthly` or `fee [月度服务费] monthly`.
    pub(super) fn fee_line(&mut self, line: P<'_>, span: Span) -> Option<CreditsLine> {
        let mut c = self.open(line, Rule::fee_line)?;
        let keyword = span_of(&self.expect(&mut c, Rule::kw_fee)?);
        let first = self.expect_one_of(&mut c, &[Rule::fee_amount, Rule::placeholder])?;
        let amount = if first.as_rule() == Rule::placeholder {
            let text = Spanned::new(self.placeholder(&first), span_of(&first));
            let currency = c
                .optional(Rule::currency)
                .map(|currency| Spanned::new(currency.as_str().to_string(), span_of(&currency)));
            FeeAmount::Placeholder { text, currency }
        } else {
            let currency = self.expect(&mut c, Rule::currency)?;
            let currency = Spanned::new(currency.as_str().to_string(), span_of(&currency));
            FeeAmount::Given {
                amount: self.money(&first)?,
                currency,
            }
        };
        let period = self.expect(&mut c, Rule::remedy_period)?;
        let period = self.remedy_period(period)?;
        self.end(c)?;
        Some(CreditsLine::Fee {
            keyword,
            amount,
            period,
            span,
        })
    }

    /// An amount of money: E020 for more than two decimals or too large.
    pub(super) fn money(&mut self, pair: &P<'_>) -> Option<Spanned<Money>> {
        let span = span_of(pair);
        let written = pair.as_str();
        if pair.as_rule() != Rule::fee_amount {
            self.not_lexed(pair);
            return None;
        }
        if let Some(money) = Money::parse(written) {
            return Some(Spanned::new(money, span));
        }
        let decimals = written.split_once('.').map_or(0, |(_, f)| f.len());
        let (message, label, help) = if decimals > 2 {
            (
                format!("an amount has at most two decimals, not `{written}`"),
                "too many decimals",
                "write the amount in the currency's unit and cents, such as `50000.50`",
            )
        } else {
            (
                format!("`{written}` is too large for an amount"),
                "too large",
                "amounts go up to 184467440737095516.15",
            )
        };
        self.push(
            Diagnostic::new(Code::E020, span, message)
                .with_label(label)
                .with_help(help),
        );
        None
    }

    /// A credit line: its metric, then one tier or a block of them.
    pub(super) fn credit_tiers(&mut self, line: P<'_>, span: Span) -> Option<CreditTiers> {
        let rule = line.as_rule();
        let mut c = self.open(line, rule)?;
        let first = self.expect_one_of(
            &mut c,
            &[
                Rule::kw_availability,
                Rule::kw_response,
                Rule::kw_resolution,
                Rule::kw_fcr,
                Rule::kw_csat,
            ],
        )?;
        let keyword = span_of(&first);
        let metric = match (rule, first.as_rule()) {
            (Rule::availability_credit, Rule::kw_availability) => {
                MetricAst::Availability(self.ident(&mut c)?)
            }
            (Rule::target_credit, Rule::kw_response) => {
                MetricAst::Target(TargetKind::Response, self.ident(&mut c)?)
            }
            (Rule::target_credit, Rule::kw_resolution) => {
                MetricAst::Target(TargetKind::Resolution, self.ident(&mut c)?)
            }
            (Rule::fcr_credit, Rule::kw_fcr) => MetricAst::Fcr,
            (Rule::csat_credit, Rule::kw_csat) => MetricAst::Csat,
            _ => {
                self.unexpected(&first, rule, "the keyword of this credit line");
                return None;
            }
        };
        let tiers_pair = self.expect(&mut c, Rule::tiers)?;
        self.end(c)?;
        let mut t = self.open(tiers_pair, Rule::tiers)?;
        let inner = self.expect_one_of(&mut t, &[Rule::tier, Rule::tier_block])?;
        self.end(t)?;
        let (tiers, braces) = if inner.as_rule() == Rule::tier {
            (vec![self.tier(inner)?], None)
        } else {
            let mut b = self.open(inner, Rule::tier_block)?;
            let lines = self.lines(&mut b, Context::Tiers, |l, tier| l.tier(tier))?;
            self.end(b)?;
            (lines.lines, Some(lines.braces))
        };
        Some(CreditTiers {
            keyword,
            metric,
            tiers,
            braces,
            span,
        })
    }

    /// `below 99.9% credit 5%`
    pub(super) fn tier(&mut self, pair: P<'_>) -> Option<TierAst> {
        let span = span_of(&pair);
        let mut c = self.open(pair, Rule::tier)?;
        let keyword = span_of(&self.expect(&mut c, Rule::kw_below)?);
        let threshold = self.expect(&mut c, Rule::tier_threshold)?;
        let mut t = self.open(threshold, Rule::tier_threshold)?;
        let value = self.expect_one_of(&mut t, &[Rule::percent, Rule::number])?;
        self.end(t)?;
        let below_percent = value.as_rule() == Rule::percent;
        let below = if below_percent {
            self.plain_percent(&value)?
        } else {
            Spanned::new(self.plain_number(&value)?, span_of(&value))
        };
        self.expect(&mut c, Rule::kw_credit)?;
        let credit = self.expect(&mut c, Rule::percent)?;
        let credit = self.plain_percent(&credit)?;
        self.end(c)?;
        Some(TierAst {
            keyword,
            below,
            below_percent,
            credit,
            span,
        })
    }

    /// A `percent` (`99.9%`), as its number.
    pub(super) fn plain_percent(&mut self, pair: &P<'_>) -> Option<Spanned<f64>> {
        let value = self.fill_number(pair.clone())?;
        match value.node {
            Fill::Value(v) if pair.as_rule() == Rule::percent => Some(Spanned::new(v, value.span)),
            Fill::Value(_) | Fill::Placeholder(_) => {
                self.not_lexed(pair);
                None
            }
        }
    }
}
