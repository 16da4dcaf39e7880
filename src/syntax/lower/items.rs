//! Items: one function per contract item rule, dispatched by [`Lowering::item`].

use super::cursor::Children;
use super::recovery::Context;
use super::span::span_of;
use super::{present, Lowering, P};
use crate::ast::*;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::Fill;
use crate::source::Spanned;
use crate::syntax::Rule;

/// Each item rule and the keyword rule it starts with.
pub(super) const ITEM_RULES: &[(Rule, Rule)] = &[
    (Rule::id_item, Rule::kw_id),
    (Rule::version_item, Rule::kw_version),
    (Rule::language_item, Rule::kw_language),
    (Rule::part_of_item, Rule::kw_part_of),
    (Rule::effective_item, Rule::kw_effective),
    (Rule::timezone_item, Rule::kw_timezone),
    (Rule::clock_item, Rule::kw_clock),
    (Rule::business_day_item, Rule::kw_business_day),
    (Rule::party_item, Rule::kw_party),
    (Rule::term_item, Rule::kw_term),
    (Rule::scope_item, Rule::kw_scope),
    (Rule::calendar_item, Rule::kw_calendar),
    (Rule::channel_item, Rule::kw_channel),
    (Rule::priority_item, Rule::kw_priority),
    (Rule::response_item, Rule::kw_response),
    (Rule::resolution_item, Rule::kw_resolution),
    (Rule::fcr_item, Rule::kw_fcr),
    (Rule::csat_item, Rule::kw_csat),
    (Rule::support_item, Rule::kw_support),
];

/// The keyword rule that starts an item rule.
fn keyword_rule(item: Rule) -> Option<Rule> {
    ITEM_RULES
        .iter()
        .find(|(rule, _)| *rule == item)
        .map(|(_, keyword)| *keyword)
}

/// The item rule named `name` (as in the grammar: `csat_item`).
pub(super) fn item_rule(name: &str) -> Option<Rule> {
    ITEM_RULES
        .iter()
        .map(|(rule, _)| *rule)
        .find(|rule| format!("{rule:?}") == name)
}

impl Lowering<'_> {
    pub(super) fn item(&mut self, pair: P<'_>) -> Option<Item> {
        let span = span_of(&pair);
        let rule = match self.misread {
            Some((misread, as_rule)) if misread == pair.as_rule() => as_rule,
            _ => pair.as_rule(),
        };
        let Some(keyword_rule) = keyword_rule(rule) else {
            self.unexpected(&pair, Rule::contract, "an item");
            return None;
        };
        let mut c = Children::new(pair.into_inner(), rule, span);
        let keyword = span_of(&self.expect(&mut c, keyword_rule)?);
        let kind = match rule {
            Rule::id_item => ItemKind::Id(self.text_child(&mut c)?),
            Rule::version_item => {
                let value = self.expect_one_of(&mut c, &[Rule::text, Rule::number])?;
                if value.as_rule() == Rule::number {
                    ItemKind::Version(Spanned::new(
                        Fill::Value(value.as_str().to_string()),
                        span_of(&value),
                    ))
                } else {
                    ItemKind::Version(self.text(value)?)
                }
            }
            Rule::language_item => ItemKind::Language(self.ident(&mut c)?),
            Rule::part_of_item => ItemKind::PartOf(self.text_child(&mut c)?),
            Rule::effective_item => {
                let from = self.expect(&mut c, Rule::date_value)?;
                let from = self.date_value(from)?;
                let to = match c.optional(Rule::range_sep) {
                    Some(_) => {
                        let to = self.expect(&mut c, Rule::date_value)?;
                        Some(self.date_value(to)?)
                    }
                    None => None,
                };
                ItemKind::Effective { from, to }
            }
            Rule::timezone_item => ItemKind::Timezone(self.text_child(&mut c)?),
            Rule::clock_item => ItemKind::Clock(self.ident(&mut c)?),
            Rule::business_day_item => {
                let value = self.expect_one_of(
                    &mut c,
                    &[
                        Rule::kw_ends_at_close,
                        Rule::kw_same_time,
                        Rule::business_day_hours,
                    ],
                )?;
                ItemKind::BusinessDay(self.business_day(value)?)
            }
            Rule::party_item => ItemKind::Party(self.party(&mut c)?),
            Rule::term_item => ItemKind::Term {
                name: self.text_child(&mut c)?,
                definition: self.text_child(&mut c)?,
            },
            Rule::scope_item => ItemKind::Scope(self.scope(&mut c)?),
            Rule::calendar_item => ItemKind::Calendar(self.calendar(&mut c, span)?),
            Rule::channel_item => ItemKind::Channel(self.channel(&mut c)?),
            Rule::priority_item => ItemKind::Priority(self.priority(&mut c)?),
            Rule::response_item => ItemKind::Response(self.targets(&mut c)?),
            Rule::resolution_item => ItemKind::Resolution(self.targets(&mut c)?),
            Rule::fcr_item => {
                self.expect(&mut c, Rule::kw_at_least)?;
                let min = self.expect(&mut c, Rule::percent_value)?;
                let min = self.fill_number(min)?;
                let period = present(c.optional(Rule::period).map(|p| self.period(p)))?;
                ItemKind::Fcr { min, period }
            }
            Rule::csat_item => ItemKind::Csat(self.csat(&mut c)?),
            Rule::support_item => ItemKind::Support(self.support(&mut c)?),
            _ => {
                self.internal(span, rule, "an item rule with no lowering".into());
                return None;
            }
        };
        self.end(c)?;
        Some(Item {
            kind,
            keyword,
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
    pub(super) fn targets(&mut self, c: &mut Children<'_>) -> Option<Vec<TargetLine>> {
        let lines = self.lines(c, Context::Target, |l, line| l.target_line(line))?;
        Some(lines.lines)
    }

    /// `P1 within 4 hours or workaround for 95%`
    pub(super) fn target_line(&mut self, line: P<'_>) -> Option<TargetLine> {
        let span = span_of(&line);
        let mut c = self.open(line, Rule::target_line)?;
        let priority = self.ident(&mut c)?;
        self.expect(&mut c, Rule::kw_within)?;
        let within = self.expect(&mut c, Rule::duration)?;
        let within = self.duration(within)?;
        let or_workaround = c.optional(Rule::kw_or_workaround).map(|k| span_of(&k));
        let attainment = present(c.optional(Rule::attainment).map(|a| self.attainment(a)))?;
        self.end(c)?;
        Some(TargetLine {
            priority,
            within,
            or_workaround,
            attainment,
            span,
        })
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
        let goal_pair = self.expect_one_of(c, &[Rule::csat_satisfied, Rule::csat_score])?;
        let goal_rule = goal_pair.as_rule();
        let mut goal = self.open(goal_pair, goal_rule)?;
        let value_rule = if goal_rule == Rule::csat_satisfied {
            Rule::percent_value
        } else {
            Rule::number_value
        };
        let value = self.expect(&mut goal, value_rule)?;
        let value = self.fill_number(value)?;
        if goal_rule == Rule::csat_satisfied {
            self.expect(&mut goal, Rule::kw_satisfied)?;
        }
        let scale = present(goal.optional(Rule::scale).map(|s| self.scale(s)))?;
        self.end(goal)?;
        let goal = if goal_rule == Rule::csat_satisfied {
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
