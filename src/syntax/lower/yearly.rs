//! `closed yearly RULE "note"` (its line is `holidays.rs`'s
//! `set_closed_line`): the yearly rule of a holiday set, lowered
//! part by part as the grammar orders them (base, offset, adjustment,
//! `from`, `until`, `except`). Whether the rule is possible (`02-30`, `from`
//! after `until`) is the checker's question (`check/yearly.rs`).

use super::span::span_of;
use super::{present, Lowering, P};
use crate::ast::YearlyRuleAst;
use crate::model::yearly::{month_of_word, Adjustment, Nth, YearlyBase};
use crate::model::WEEKDAYS;
use crate::source::Spanned;
use crate::syntax::Rule;
use chrono::Weekday;

impl Lowering<'_> {
    pub(super) fn yearly_rule(&mut self, pair: P<'_>) -> Option<YearlyRuleAst> {
        let span = span_of(&pair);
        let mut c = self.open(pair, Rule::yearly_rule)?;
        let base = self.expect(&mut c, Rule::yearly_base)?;
        let base = self.yearly_base(base)?;
        let offset = present(
            c.optional(Rule::yearly_offset)
                .map(|o| self.yearly_offset(o)),
        )?;
        let adjust = present(
            c.optional(Rule::yearly_adjust)
                .map(|a| self.yearly_adjust(a)),
        )?;
        let from = present(
            c.optional(Rule::yearly_from)
                .map(|p| self.year_after(p, Rule::yearly_from, Rule::kw_from)),
        )?;
        let until = present(
            c.optional(Rule::yearly_until)
                .map(|p| self.year_after(p, Rule::yearly_until, Rule::kw_until)),
        )?;
        let except = match c.optional(Rule::yearly_except) {
            Some(pair) => self.yearly_except(pair)?,
            None => Vec::new(),
        };
        self.end(c)?;
        Some(YearlyRuleAst {
            base,
            offset,
            adjust,
            from,
            until,
            except,
            span,
        })
    }

    /// `12-25`, `4th thu nov` or `easter`.
    pub(super) fn yearly_base(&mut self, pair: P<'_>) -> Option<Spanned<YearlyBase>> {
        let mut c = self.open(pair, Rule::yearly_base)?;
        let inner = self.expect_one_of(
            &mut c,
            &[Rule::month_day, Rule::nth_weekday, Rule::kw_easter],
        )?;
        self.end(c)?;
        let span = span_of(&inner);
        let base = match inner.as_rule() {
            Rule::month_day => {
                let mut parts = inner.as_str().split('-').map(|p| p.parse::<u32>().ok());
                let (Some(Some(month)), Some(Some(day)), None) =
                    (parts.next(), parts.next(), parts.next())
                else {
                    self.not_lexed(&inner);
                    return None;
                };
                YearlyBase::MonthDay { month, day }
            }
            Rule::nth_weekday => self.nth_weekday(inner)?,
            Rule::kw_easter => YearlyBase::Easter,
            _ => {
                self.unexpected(&inner, Rule::yearly_base, "a yearly date");
                return None;
            }
        };
        Some(Spanned::new(base, span))
    }

    /// `4th thu nov`, `last mon may`.
    fn nth_weekday(&mut self, pair: P<'_>) -> Option<YearlyBase> {
        let mut c = self.open(pair, Rule::nth_weekday)?;
        let nth = self.expect(&mut c, Rule::nth)?;
        let weekday = self.expect(&mut c, Rule::weekday_name)?;
        let month = self.expect(&mut c, Rule::month_word)?;
        self.end(c)?;
        let Some(nth_value) = Nth::from_word(nth.as_str()) else {
            self.not_lexed(&nth);
            return None;
        };
        let Some(weekday_value) = WEEKDAYS
            .iter()
            .position(|w| *w == weekday.as_str())
            .and_then(|i| u8::try_from(i).ok())
            .and_then(|i| Weekday::try_from(i).ok())
        else {
            self.not_lexed(&weekday);
            return None;
        };
        let Some(month_value) = month_of_word(month.as_str()) else {
            self.not_lexed(&month);
            return None;
        };
        Some(YearlyBase::Nth {
            nth: nth_value,
            weekday: weekday_value,
            month: month_value,
        })
    }

    /// `+1 day`, `-2 days`: a count too long to hold saturates (the checker
    /// refuses any offset of more than a year).
    fn yearly_offset(&mut self, pair: P<'_>) -> Option<Spanned<i64>> {
        let span = span_of(&pair);
        let mut c = self.open(pair, Rule::yearly_offset)?;
        let sign = self.expect(&mut c, Rule::offset_sign)?;
        let count = self.expect(&mut c, Rule::offset_count)?;
        self.expect(&mut c, Rule::unit_days)?;
        self.end(c)?;
        let magnitude = count.as_str().parse::<i64>().unwrap_or(i64::MAX);
        let days = if sign.as_str() == "-" {
            -magnitude
        } else {
            magnitude
        };
        Some(Spanned::new(days, span))
    }

    fn yearly_adjust(&mut self, pair: P<'_>) -> Option<Spanned<Adjustment>> {
        let mut c = self.open(pair, Rule::yearly_adjust)?;
        let word = self.expect_one_of(&mut c, &[Rule::kw_observed, Rule::kw_substitute])?;
        self.end(c)?;
        let adjust = match word.as_rule() {
            Rule::kw_observed => Adjustment::Observed,
            Rule::kw_substitute => Adjustment::Substitute,
            _ => {
                self.unexpected(&word, Rule::yearly_adjust, "`observed` or `substitute`");
                return None;
            }
        };
        Some(Spanned::new(adjust, span_of(&word)))
    }

    /// `from 2021` or `until 2030`: the year after the keyword.
    fn year_after(&mut self, pair: P<'_>, rule: Rule, keyword: Rule) -> Option<Spanned<i32>> {
        let mut c = self.open(pair, rule)?;
        self.expect(&mut c, keyword)?;
        let year = self.expect(&mut c, Rule::year)?;
        self.end(c)?;
        self.year(&year)
    }

    /// `except 2020, 2022`
    fn yearly_except(&mut self, pair: P<'_>) -> Option<Vec<Spanned<i32>>> {
        let mut c = self.open(pair, Rule::yearly_except)?;
        self.expect(&mut c, Rule::kw_except)?;
        let first = self.expect(&mut c, Rule::year)?;
        let mut years = vec![self.year(&first)?];
        while let Some(year) = c.optional(Rule::year) {
            years.push(self.year(&year)?);
        }
        self.end(c)?;
        Some(years)
    }

    fn year(&mut self, pair: &P<'_>) -> Option<Spanned<i32>> {
        match (pair.as_rule(), pair.as_str().parse::<i32>()) {
            (Rule::year, Ok(year)) => Some(Spanned::new(year, span_of(pair))),
            _ => {
                self.not_lexed(pair);
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::Lowering;
    use crate::ast::{SetLine, YearlyLine};
    use crate::model::yearly::{Adjustment, Nth, YearlyBase};
    use crate::source::SourceFile;
    use crate::syntax::{Rule, SlaParser};
    use chrono::Weekday;
    use pest::Parser as _;

    fn lowered(text: &str) -> YearlyLine {
        let source = SourceFile::new("t.sla", text);
        let mut pairs = SlaParser::parse(Rule::set_closed_line, text)
            .unwrap_or_else(|e| panic!("`{text}` parses: {e}"));
        let pair = pairs.next().unwrap_or_else(|| unreachable!());
        let mut lowering = Lowering::new(&source);
        let line = match lowering.set_closed_line(pair) {
            Some(SetLine::Yearly(line)) => Some(line),
            other => panic!("`{text}` is not a yearly line: {other:?}"),
        };
        assert!(
            lowering.diagnostics.is_empty(),
            "{:?}",
            lowering.diagnostics
        );
        line.unwrap_or_else(|| panic!("`{text}` lowers"))
    }

    #[test]
    fn every_part_of_a_rule_is_lowered() {
        let line = lowered(
            r#"closed yearly 4th thu nov +1 day observed from 2021 until 2030 except 2022, 2024 "Day after""#,
        );
        let rule = &line.rule;
        assert_eq!(
            rule.base.node,
            YearlyBase::Nth {
                nth: Nth::Fourth,
                weekday: Weekday::Thu,
                month: 11
            }
        );
        assert_eq!(rule.offset.as_ref().map(|o| o.node), Some(1));
        assert_eq!(
            rule.adjust.as_ref().map(|a| a.node),
            Some(Adjustment::Observed)
        );
        assert_eq!(rule.from.as_ref().map(|y| y.node), Some(2021));
        assert_eq!(rule.until.as_ref().map(|y| y.node), Some(2030));
        let except: Vec<i32> = rule.except.iter().map(|y| y.node).collect();
        assert_eq!(except, vec![2022, 2024]);
        assert!(line.note.is_some());
    }

    #[test]
    fn bases_offsets_and_adjustments() {
        let rule = lowered("closed yearly easter -2 days").rule;
        assert_eq!(rule.base.node, YearlyBase::Easter);
        assert_eq!(rule.offset.map(|o| o.node), Some(-2));
        let rule = lowered("closed yearly 12-25 substitute").rule;
        assert_eq!(rule.base.node, YearlyBase::MonthDay { month: 12, day: 25 });
        assert_eq!(rule.adjust.map(|a| a.node), Some(Adjustment::Substitute));
        // Impossible days are the checker's to report (E052).
        let rule = lowered("closed yearly 02-30").rule;
        assert_eq!(rule.base.node, YearlyBase::MonthDay { month: 2, day: 30 });
        // A count too long for any integer saturates (E053 refuses it).
        let rule = lowered("closed yearly easter +99999999999999999999999 days").rule;
        assert_eq!(rule.offset.map(|o| o.node), Some(i64::MAX));
    }

    #[test]
    fn parts_out_of_order_do_not_parse() {
        for text in [
            "closed yearly 12-25 from 2020 observed",
            "closed yearly 12-25 until 2030 from 2020",
            "closed yearly 4th thursday nov",
            "closed yearly 6th mon may",
            "closed yearly 2026-12-25",
        ] {
            let whole =
                SlaParser::parse(Rule::set_closed_line, text).is_ok_and(|p| p.as_str() == text);
            assert!(!whole, "`{text}` should not parse whole");
        }
    }
}
