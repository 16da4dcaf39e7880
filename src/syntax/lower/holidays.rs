//! Holiday sets: `holidays ID "LABEL" { … }` (in a contract or a library),
//! its lines, `as WEEKDAY`, and a calendar's `holidays ID, …` line.

use super::context::Context;
use super::cursor::Children;
use super::span::span_of;
use super::{present, Lowering, P};
use crate::ast::*;
use crate::model::WEEKDAYS;
use crate::source::Spanned;
use crate::syntax::Rule;

impl Lowering<'_> {
    /// `holidays ID "LABEL" { … }`, after `holidays`.
    pub(super) fn holiday_set(&mut self, c: &mut Children<'_>) -> Option<(HolidaySet, Braces)> {
        let name = self.ident(c)?;
        let label = self.text_child(c)?;
        let body = self.expect(c, Rule::holidays_body)?;
        let mut body = self.open(body, Rule::holidays_body)?;
        let lines = self.lines(&mut body, Context::Holidays, |l, line| l.set_line(line))?;
        self.end(body)?;
        let set = HolidaySet {
            name,
            label,
            lines: lines.lines,
        };
        Some((set, lines.braces))
    }

    /// A line of a set: `closed …` or `open …`.
    fn set_line(&mut self, line: P<'_>) -> Option<SetLine> {
        match line.as_rule() {
            Rule::set_closed_line => self.set_closed_line(line),
            Rule::set_open_line => {
                let mut c = self.open(line, Rule::set_open_line)?;
                let keyword = span_of(&self.expect(&mut c, Rule::kw_open)?);
                let mut dates = Vec::new();
                let mut valid = true;
                while c.peek() == Some(Rule::date) {
                    let date = self.expect(&mut c, Rule::date)?;
                    match self.date(&date) {
                        Some(date) => dates.push(date),
                        None => valid = false,
                    }
                }
                let like = present(c.optional(Rule::open_as).map(|a| self.open_as(a)))?;
                let note = present(c.optional(Rule::text).map(|t| self.text(t)))?;
                self.end(c)?;
                valid.then_some(SetLine::Open {
                    keyword,
                    dates,
                    like,
                    note,
                })
            }
            _ => {
                self.unexpected(&line, Rule::holidays_body, "a holiday set line");
                None
            }
        }
    }

    /// `closed 2027-10-01..2027-10-07 "国庆节"` or `closed yearly 12-25
    /// substitute "Christmas Day"`: the word after `closed` tells which.
    pub(super) fn set_closed_line(&mut self, line: P<'_>) -> Option<SetLine> {
        let mut c = self.open(line, Rule::set_closed_line)?;
        let keyword = span_of(&self.expect(&mut c, Rule::kw_closed)?);
        if c.optional(Rule::kw_yearly).is_none() {
            let (keyword, from, to, note) = self.closed_dates(c, keyword)?;
            return Some(SetLine::Closed {
                keyword,
                from,
                to,
                note,
            });
        }
        let rule = self.expect(&mut c, Rule::yearly_rule)?;
        let rule = self.yearly_rule(rule);
        let note = present(c.optional(Rule::text).map(|t| self.text(t)))?;
        self.end(c)?;
        Some(SetLine::Yearly(YearlyLine {
            keyword,
            rule: rule?,
            note,
        }))
    }

    /// `as WEEKDAY`
    pub(super) fn open_as(&mut self, pair: P<'_>) -> Option<Like> {
        let mut c = self.open(pair, Rule::open_as)?;
        let keyword = span_of(&self.expect(&mut c, Rule::kw_as)?);
        let day = self.expect(&mut c, Rule::weekday_name)?;
        self.end(c)?;
        let Some(weekday) = WEEKDAYS.iter().position(|d| *d == day.as_str()) else {
            self.not_lexed(&day);
            return None;
        };
        Some(Like {
            keyword,
            weekday: Spanned::new(weekday, span_of(&day)),
        })
    }

    /// `holidays cn-2026, company` in a calendar.
    pub(super) fn calendar_holidays(&mut self, line: P<'_>) -> Option<CalendarLine> {
        let mut c = self.open(line, Rule::calendar_holidays)?;
        let keyword = span_of(&self.expect(&mut c, Rule::kw_holidays)?);
        let mut sets = vec![self.ident(&mut c)?];
        while c.peek().is_some() {
            sets.push(self.ident(&mut c)?);
        }
        Some(CalendarLine::Holidays { keyword, sets })
    }
}
