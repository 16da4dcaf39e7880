//! Items: one function per contract item rule, dispatched by [`Lowering::item`].

use super::recovery::Context;
use super::span::span_of;
use super::values::ident;
use super::{Lowering, P};
use crate::ast::*;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::Fill;
use crate::source::Spanned;
use crate::syntax::Rule;
use pest::iterators::Pairs;

impl Lowering<'_> {
    pub(super) fn item(&mut self, pair: P<'_>) -> Option<Item> {
        let span = span_of(&pair);
        let rule = pair.as_rule();
        let mut inner = pair.into_inner();
        let keyword = span_of(&inner.next()?);
        let kind = match rule {
            Rule::id_item => ItemKind::Id(self.text(inner.next()?)?),
            Rule::version_item => {
                let value = inner.next()?;
                if value.as_rule() == Rule::number {
                    ItemKind::Version(Spanned::new(
                        Fill::Value(value.as_str().to_string()),
                        span_of(&value),
                    ))
                } else {
                    ItemKind::Version(self.text(value)?)
                }
            }
            Rule::language_item => ItemKind::Language(ident(&inner.next()?)),
            Rule::part_of_item => ItemKind::PartOf(self.text(inner.next()?)?),
            Rule::effective_item => {
                let from = self.date_value(inner.next()?)?;
                let to = match (inner.next(), inner.next()) {
                    (Some(_separator), Some(to)) => Some(self.date_value(to)?),
                    _ => None,
                };
                ItemKind::Effective { from, to }
            }
            Rule::timezone_item => ItemKind::Timezone(self.text(inner.next()?)?),
            Rule::clock_item => ItemKind::Clock(ident(&inner.next()?)),
            Rule::business_day_item => ItemKind::BusinessDay(self.business_day(inner.next()?)?),
            Rule::party_item => ItemKind::Party(self.party(inner)?),
            Rule::term_item => ItemKind::Term {
                name: self.text(inner.next()?)?,
                definition: self.text(inner.next()?)?,
            },
            Rule::scope_item => ItemKind::Scope(self.scope(inner)),
            Rule::calendar_item => ItemKind::Calendar(self.calendar(inner, span)?),
            Rule::channel_item => ItemKind::Channel(self.channel(inner)?),
            Rule::priority_item => ItemKind::Priority(self.priority(inner)?),
            Rule::response_item => ItemKind::Response(self.targets(inner)),
            Rule::resolution_item => ItemKind::Resolution(self.targets(inner)),
            Rule::fcr_item => {
                let _at_least = inner.next()?;
                let min = self.fill_number(inner.next()?)?;
                let period = inner.next().map(|p| self.period(p));
                ItemKind::Fcr { min, period }
            }
            Rule::csat_item => ItemKind::Csat(self.csat(inner)?),
            Rule::support_item => ItemKind::Support(self.support(inner)),
            other => {
                self.internal(span, Some(other));
                return None;
            }
        };
        Some(Item {
            kind,
            keyword,
            span,
        })
    }

    pub(super) fn business_day(&mut self, pair: P<'_>) -> Option<BusinessDay> {
        Some(match pair.as_rule() {
            Rule::kw_ends_at_close => BusinessDay::EndsAtClose,
            Rule::kw_same_time => BusinessDay::SameTime,
            Rule::business_day_hours => {
                let number = pair.into_inner().next()?;
                let span = span_of(&number);
                let hours = self.plain_number(&number)?;
                let minutes = (hours * 60.0).round();
                if !(1.0..=1440.0).contains(&minutes) || (hours * 60.0 - minutes).abs() > 1e-9 {
                    self.push(
                        Diagnostic::new(
                            Code::E032,
                            span,
                            format!(
                                "a business day of {} hours is not possible",
                                number.as_str()
                            ),
                        )
                        .with_label("out of range")
                        .with_help(
                            "a business day has more than 0 and at most 24 hours, in whole minutes",
                        ),
                    );
                    return None;
                }
                BusinessDay::Hours(Spanned::new(minutes as u32, span))
            }
            other => {
                self.internal(span_of(&pair), Some(other));
                return None;
            }
        })
    }

    pub(super) fn targets(&mut self, inner: Pairs<'_, Rule>) -> Vec<TargetLine> {
        self.lines(inner, Context::Target, |l, line| l.target_line(line))
    }

    pub(super) fn target_line(&mut self, line: P<'_>) -> Option<TargetLine> {
        let span = span_of(&line);
        let mut inner = line.into_inner();
        let priority = ident(&inner.next()?);
        let _within = inner.next()?;
        let within = self.duration(inner.next()?)?;
        let mut or_workaround = None;
        let mut attainment = None;
        for part in inner {
            match part.as_rule() {
                Rule::kw_or_workaround => or_workaround = Some(span_of(&part)),
                Rule::attainment => {
                    attainment = part.into_inner().nth(1).and_then(|p| self.fill_number(p));
                }
                other => self.internal(span_of(&part), Some(other)),
            }
        }
        Some(TargetLine {
            priority,
            within,
            or_workaround,
            attainment,
            span,
        })
    }

    pub(super) fn csat(&mut self, mut inner: Pairs<'_, Rule>) -> Option<Csat> {
        let _at_least = inner.next()?;
        let goal_pair = inner.next()?;
        let is_satisfied = goal_pair.as_rule() == Rule::csat_satisfied;
        let mut goal_parts = goal_pair.into_inner();
        let value = self.fill_number(goal_parts.next()?)?;
        let mut scale = None;
        for part in goal_parts {
            if part.as_rule() == Rule::scale {
                let span = span_of(&part);
                let numbers: Vec<f64> = part
                    .into_inner()
                    .filter(|p| p.as_rule() == Rule::number)
                    .filter_map(|p| p.as_str().parse().ok())
                    .collect();
                if let [low, high] = numbers[..] {
                    scale = Some(Spanned::new((low, high), span));
                }
            }
        }
        let goal = if is_satisfied {
            CsatGoalAst::Satisfied(value)
        } else {
            CsatGoalAst::Score(value)
        };
        let mut period = None;
        let mut methods = Vec::new();
        for part in inner {
            match part.as_rule() {
                Rule::period => period = Some(self.period(part)),
                Rule::csat_method => {
                    methods = part
                        .into_inner()
                        .skip(1)
                        .filter_map(|t| self.text(t))
                        .collect();
                }
                other => self.internal(span_of(&part), Some(other)),
            }
        }
        Some(Csat {
            goal,
            scale,
            period,
            methods,
        })
    }
}
