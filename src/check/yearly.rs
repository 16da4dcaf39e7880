//! Yearly rules of holiday sets (`closed yearly RULE`, design §10): a
//! `MM-DD` that no year has (E052), limits or an offset that leave the
//! rule no day or reach too far (E053), and parts with no effect (W012).
//!
//! Decisions (docs/language.md, "Yearly rules"): `02-29` is a day of leap
//! years only; a `5th` weekday that a year lacks gives that year no day;
//! an offset may move a day by at most a year ([`MAX_OFFSET_DAYS`]).

use super::Checker;
use crate::ast::YearlyRuleAst;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::yearly::{max_day_of_month, month_word, YearlyBase, YearlyRule, MAX_OFFSET_DAYS};
use crate::source::Spanned;

impl Checker<'_> {
    /// The model of a written yearly rule, or `None` after an error.
    pub(super) fn yearly_rule(&mut self, written: &YearlyRuleAst) -> Option<YearlyRule> {
        let mut valid = self.yearly_date_exists(&written.base);
        let offset_days = match &written.offset {
            Some(offset) => {
                let days = self.yearly_offset(offset);
                valid &= days.is_some();
                days
            }
            None => None,
        };
        valid &= self.yearly_limits_meet(written);
        self.yearly_parts_without_effect(written);
        valid.then(|| YearlyRule {
            base: written.base.node,
            offset_days,
            adjust: written.adjust.as_ref().map(|a| a.node),
            from: written.from.as_ref().map(|y| y.node),
            until: written.until.as_ref().map(|y| y.node),
            except: written.except.iter().map(|y| y.node).collect(),
        })
    }

    /// E052 for a `MM-DD` that names no day in any year.
    fn yearly_date_exists(&mut self, base: &Spanned<YearlyBase>) -> bool {
        let YearlyBase::MonthDay { month, day } = base.node else {
            return true;
        };
        let why = match max_day_of_month(month) {
            None => format!("there is no month {month}"),
            Some(last) if day == 0 || day > last => {
                format!("{} has {last} days at most", month_word(month))
            }
            Some(_) => return true,
        };
        self.push(
            Diagnostic::new(
                Code::E052,
                base.span,
                format!("`{month:02}-{day:02}` is no day of any year: {why}"),
            )
            .with_label("no such day")
            .with_help("a yearly date is written MM-DD, such as `12-25`; `02-29` gives a day in leap years only"),
        );
        false
    }

    /// The offset in days; E053 when it moves a day by more than a year.
    fn yearly_offset(&mut self, offset: &Spanned<i64>) -> Option<i32> {
        let max = i64::from(MAX_OFFSET_DAYS);
        if (-max..=max).contains(&offset.node) {
            return i32::try_from(offset.node).ok();
        }
        self.push(
            Diagnostic::new(
                Code::E053,
                offset.span,
                format!(
                    "an offset of {} days moves the day by more than a year",
                    offset.node.unsigned_abs()
                ),
            )
            .with_label(format!("at most {MAX_OFFSET_DAYS} days"))
            .with_help("write the day a rule of its own, or a dated `closed` line"),
        );
        None
    }

    /// E053 when `from` is after `until`, or `except` takes every year
    /// between them: the rule would give no day at all.
    fn yearly_limits_meet(&mut self, written: &YearlyRuleAst) -> bool {
        let (Some(from), Some(until)) = (&written.from, &written.until) else {
            return true;
        };
        if from.node > until.node {
            self.push(
                Diagnostic::new(
                    Code::E053,
                    from.span.to(until.span),
                    format!(
                        "the rule applies from {} until {}: no year is both",
                        from.node, until.node
                    ),
                )
                .with_label("`from` is after `until`")
                .with_help(format!("write `from {} until {}`", until.node, from.node)),
            );
            return false;
        }
        let every_year_excepted =
            (from.node..=until.node).all(|year| written.except.iter().any(|e| e.node == year));
        if every_year_excepted {
            self.push(
                Diagnostic::new(
                    Code::E053,
                    written.span,
                    format!(
                        "`except` takes every year from {} until {}: the rule gives no day",
                        from.node, until.node
                    ),
                )
                .with_label("no year left")
                .with_help("remove the rule, or the years it should keep from `except`"),
            );
            return false;
        }
        true
    }

    /// W012 for a part that changes nothing: `+0 days`, an `except` year
    /// outside `from`..`until` or given twice.
    fn yearly_parts_without_effect(&mut self, written: &YearlyRuleAst) {
        if let Some(offset) = written.offset.as_ref().filter(|o| o.node == 0) {
            self.push(
                Diagnostic::new(
                    Code::W012,
                    offset.span,
                    "an offset of 0 days changes nothing",
                )
                .with_label("no effect")
                .with_help("remove `+0 days`"),
            );
        }
        for (index, year) in written.except.iter().enumerate() {
            let before = written.from.as_ref().filter(|from| year.node < from.node);
            let after = written
                .until
                .as_ref()
                .filter(|until| year.node > until.node);
            let outside = match (before, after) {
                (Some(from), _) => Some(("from", from)),
                (None, Some(until)) => Some(("until", until)),
                (None, None) => None,
            };
            if let Some((word, limit)) = outside {
                self.push(
                    Diagnostic::new(
                        Code::W012,
                        year.span,
                        format!(
                            "`except {}` changes nothing: the rule applies only {word} {}",
                            year.node, limit.node
                        ),
                    )
                    .with_label("outside the rule's years")
                    .with_related(limit.span, format!("`{word}` here"))
                    .with_help(format!("remove {} from `except`", year.node)),
                );
            }
            let earlier = written
                .except
                .iter()
                .take(index)
                .find(|e| e.node == year.node);
            if let Some(earlier) = earlier {
                self.push(
                    Diagnostic::new(
                        Code::W012,
                        year.span,
                        format!("`except` lists {} twice", year.node),
                    )
                    .with_label("given again")
                    .with_related(earlier.span, "first here")
                    .with_help(format!("remove the second {}", year.node)),
                );
            }
        }
    }
}
