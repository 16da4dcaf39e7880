//! Items: one function per contract item rule, dispatched by [`Lowering::item`].

use super::context::Context;
use super::cursor::Children;
use super::span::span_of;
use super::{present, Lowering, P};
use crate::ast::*;
use crate::diagnostic::{Code, Diagnostic};
use crate::items::ItemName;
use crate::model::Fill;
use crate::source::Spanned;
use crate::syntax::item_rules::{item_of_rule, item_rules};
use crate::syntax::Rule;

impl Lowering<'_> {
    pub(super) fn item(&mut self, pair: P<'_>) -> Option<Item> {
        let span = span_of(&pair);
        let rule = match self.misread {
            Some((misread, as_rule)) if misread == pair.as_rule() => as_rule,
            _ => pair.as_rule(),
        };
        let Some(name) = item_of_rule(rule) else {
            self.unexpected(&pair, Rule::contract, "an item");
            return None;
        };
        let whole = pair.as_span();
        let mut c = Children::new(pair.into_inner(), rule, whole);
        let keyword = span_of(&self.expect(&mut c, item_rules(name).1)?);
        let (kind, braces) = match name {
            ItemName::Id => (ItemKind::Id(self.text_child(&mut c)?), None),
            ItemName::Version => {
                let value = self.expect_one_of(&mut c, &[Rule::text, Rule::number])?;
                let version = if value.as_rule() == Rule::number {
                    Spanned::new(Fill::Value(value.as_str().to_string()), span_of(&value))
                } else {
                    self.text(value)?
                };
                (ItemKind::Version(version), None)
            }
            ItemName::Language => (ItemKind::Language(self.ident(&mut c)?), None),
            ItemName::PartOf => (ItemKind::PartOf(self.text_child(&mut c)?), None),
            ItemName::Effective => {
                let from = self.expect(&mut c, Rule::date_value)?;
                let from = self.date_value(from)?;
                let to = match c.optional(Rule::range_sep) {
                    Some(_) => {
                        let to = self.expect(&mut c, Rule::date_value)?;
                        Some(self.date_value(to)?)
                    }
                    None => None,
                };
                (ItemKind::Effective { from, to }, None)
            }
            ItemName::Timezone => (ItemKind::Timezone(self.text_child(&mut c)?), None),
            ItemName::Clock => (ItemKind::Clock(self.ident(&mut c)?), None),
            ItemName::BusinessDay => {
                let value = self.expect_one_of(
                    &mut c,
                    &[
                        Rule::kw_ends_at_close,
                        Rule::kw_same_time,
                        Rule::business_day_hours,
                    ],
                )?;
                (ItemKind::BusinessDay(self.business_day(value)?), None)
            }
            ItemName::Pause => (ItemKind::Pause(self.pause(&mut c)?), None),
            ItemName::Party => {
                let (party, braces) = self.party(&mut c)?;
                (ItemKind::Party(party), braces)
            }
            ItemName::Term => (
                ItemKind::Term {
                    name: self.text_child(&mut c)?,
                    definition: self.text_child(&mut c)?,
                },
                None,
            ),
            ItemName::Scope => {
                let (lines, braces) = self.scope(&mut c)?;
                (ItemKind::Scope(lines), Some(braces))
            }
            ItemName::Calendar => {
                let (calendar, braces) = self.calendar(&mut c, span)?;
                (ItemKind::Calendar(calendar), braces)
            }
            ItemName::Channel => {
                let (channel, braces) = self.channel(&mut c)?;
                (ItemKind::Channel(channel), braces)
            }
            ItemName::Priority => {
                let (priority, braces) = self.priority(&mut c)?;
                (ItemKind::Priority(priority), braces)
            }
            ItemName::Response => {
                let (lines, braces) = self.targets(&mut c)?;
                (ItemKind::Response(lines), Some(braces))
            }
            ItemName::Resolution => {
                let (lines, braces) = self.targets(&mut c)?;
                (ItemKind::Resolution(lines), Some(braces))
            }
            ItemName::Fcr => {
                self.expect(&mut c, Rule::kw_at_least)?;
                let min = self.expect(&mut c, Rule::percent_value)?;
                let min = self.fill_number(min)?;
                let period = present(c.optional(Rule::period).map(|p| self.period(p)))?;
                (ItemKind::Fcr { min, period }, None)
            }
            ItemName::Csat => (ItemKind::Csat(self.csat(&mut c)?), None),
            ItemName::Support => {
                let (lines, braces) = self.support(&mut c)?;
                (ItemKind::Support(lines), Some(braces))
            }
            ItemName::Reporting => {
                let (lines, braces) = self.reporting(&mut c)?;
                (ItemKind::Reporting(lines), Some(braces))
            }
            ItemName::Exclusions => {
                let (lines, braces) = self.exclusions(&mut c)?;
                (ItemKind::Exclusions(lines), Some(braces))
            }
            ItemName::Credits => {
                let (lines, braces) = self.credits(&mut c)?;
                (ItemKind::Credits(lines), Some(braces))
            }
            ItemName::Holidays => {
                let (set, braces) = self.holiday_set(&mut c)?;
                (ItemKind::Holidays(set), Some(braces))
            }
            ItemName::GoverningLaw => (ItemKind::GoverningLaw(self.governing_law(&mut c)?), None),
            ItemName::Commitment => (ItemKind::Commitment(self.commitment(&mut c)?), None),
            ItemName::PartyNames => (ItemKind::PartyNames(self.party_names(&mut c)?), None),
        };
        self.end(c)?;
        Some(Item {
            kind,
            keyword,
            braces,
            span,
        })
    }

    /// `ends-at-close`, `same-time` or `9 hours`.
    pub(super) fn business_day(&mut self, pair: P<'_>) -> Option<BusinessDay> {
        Some(match pair.as_rule() {
            Rule::kw_ends_at_close => BusinessDay::EndsAtClose,
            Rule::kw_same_time => BusinessDay::SameTime,
            _ => {
                let mut c = self.open(pair, Rule::business_day_hours)?;
                let number = self.expect(&mut c, Rule::number)?;
                self.expect(&mut c, Rule::unit_hours)?;
                self.end(c)?;
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
        })
    }

    /// The body of `response { … }` or `resolution { … }`.
    pub(super) fn targets(&mut self, c: &mut Children<'_>) -> Option<(Vec<TargetLine>, Braces)> {
        let lines = self.lines(c, Context::Target, |l, line| l.target_line(line))?;
        Some((lines.lines, lines.braces))
    }

    /// `P1 within 4 hours on always or workaround for 95%`
    pub(super) fn target_line(&mut self, line: P<'_>) -> Option<TargetLine> {
        let span = span_of(&line);
        let mut c = self.open(line, Rule::target_line)?;
        let priority = self.ident(&mut c)?;
        self.expect(&mut c, Rule::kw_within)?;
        let within = self.expect(&mut c, Rule::duration)?;
        let within = self.duration(within)?;
        let clock = present(c.optional(Rule::target_clock).map(|t| self.target_clock(t)))?;
        let or_workaround = c.optional(Rule::kw_or_workaround).map(|k| span_of(&k));
        let attainment = present(c.optional(Rule::attainment).map(|a| self.attainment(a)))?;
        self.end(c)?;
        Some(TargetLine {
            priority,
            within,
            clock,
            or_workaround,
            attainment,
            span,
        })
    }

    /// `on always`
    pub(super) fn target_clock(&mut self, pair: P<'_>) -> Option<TargetClock> {
        let mut c = self.open(pair, Rule::target_clock)?;
        let keyword = span_of(&self.expect(&mut c, Rule::kw_on)?);
        let calendar = self.ident(&mut c)?;
        self.end(c)?;
        Some(TargetClock { keyword, calendar })
    }

    /// `for 95%`
    pub(super) fn attainment(&mut self, pair: P<'_>) -> Option<Spanned<Fill<f64>>> {
        let mut c = self.open(pair, Rule::attainment)?;
        self.expect(&mut c, Rule::kw_for)?;
        let percent = self.expect(&mut c, Rule::percent_value)?;
        let percent = self.fill_number(percent)?;
        self.end(c)?;
        Some(percent)
    }

    /// `csat at least 4.5 on 1..5 quarterly method "问卷", "回访"`, after `csat`.
    pub(super) fn csat(&mut self, c: &mut Children<'_>) -> Option<Csat> {
        self.expect(c, Rule::kw_at_least)?;
        let goal = self.expect(c, Rule::csat_goal)?;
        let mut goal = self.open(goal, Rule::csat_goal)?;
        let value =
            self.expect_one_of(&mut goal, &[Rule::percent, Rule::number, Rule::placeholder])?;
        let percent = value.as_rule() == Rule::percent;
        let value = self.fill_number(value)?;
        // The grammar puts `satisfied` after every percentage and after no
        // number; after a placeholder it tells the share from the score.
        let satisfied = goal.optional(Rule::kw_satisfied).is_some();
        let scale = present(goal.optional(Rule::scale).map(|s| self.scale(s)))?;
        self.end(goal)?;
        let goal = if percent || satisfied {
            CsatGoalAst::Satisfied(value)
        } else {
            CsatGoalAst::Score(value)
        };
        let period = present(c.optional(Rule::period).map(|p| self.period(p)))?;
        let methods = present(c.optional(Rule::csat_method).map(|m| self.csat_method(m)))?;
        Some(Csat {
            goal,
            scale,
            period,
            methods: methods.unwrap_or_default(),
        })
    }

    /// `on 1..5`
    pub(super) fn scale(&mut self, pair: P<'_>) -> Option<Spanned<(f64, f64)>> {
        let span = span_of(&pair);
        let mut c = self.open(pair, Rule::scale)?;
        self.expect(&mut c, Rule::kw_on)?;
        let low = self.expect(&mut c, Rule::number)?;
        self.expect(&mut c, Rule::range_sep)?;
        let high = self.expect(&mut c, Rule::number)?;
        self.end(c)?;
        let low = self.plain_number(&low)?;
        let high = self.plain_number(&high)?;
        Some(Spanned::new((low, high), span))
    }

    /// `method "问卷", "回访"`
    pub(super) fn csat_method(&mut self, pair: P<'_>) -> Option<Vec<Text>> {
        let mut c = self.open(pair, Rule::csat_method)?;
        self.expect(&mut c, Rule::kw_method)?;
        let mut methods = vec![self.text_child(&mut c)?];
        while c.peek().is_some() {
            methods.push(self.text_child(&mut c)?);
        }
        Some(methods)
    }
}
