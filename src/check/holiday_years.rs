//! W010: holidays that run out. Holidays are listed year by year; a year
//! the calendar lists no closed day in (its own or its sets', see
//! [`Calendar::last_holiday_year`]) counts as having no holidays, so the
//! effective period must not reach past the last year listed. A yearly
//! rule without `until` never runs out.
//!
//! A contract with no end date is not warned here: it has no year to
//! reach, and `slac due` warns for the request whose due times fall past
//! the last year listed. A calendar whose closed days all fall before the
//! effective period is W003 already and gets no W010; a calendar that
//! lists no closed day at all is taken to have none.

use super::items::Items;
use super::Checker;
use crate::ast::{self, CalendarLine};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Calendar, Fill};
use chrono::Datelike;

impl Checker<'_> {
    /// W010 when the effective period reaches past the last year
    /// `calendar` lists a closed day in.
    pub(super) fn holidays_run_out(
        &mut self,
        items: &Items<'_>,
        written: &ast::Calendar,
        calendar: &Calendar,
    ) {
        let Some(last) = calendar.last_holiday_year() else {
            return;
        };
        // Without an end date there is no year to reach: `slac due` warns
        // per request instead.
        let Some((start, Some(end))) = items.effective else {
            return;
        };
        if let Fill::Value(start) = &start.node {
            if start.year() > last {
                return;
            }
        }
        let end_date = match &end.node {
            Fill::Value(date) if date.year() > last => *date,
            // Within the years listed, or not filled in yet.
            Fill::Value(_) | Fill::Placeholder(_) => return,
        };
        // The calendar's own last line, else the set that lists that year.
        let lists_last = |name: &str| {
            calendar
                .holidays
                .iter()
                .find(|set| set.id.as_str() == name)
                .is_some_and(|set| {
                    set.closed.iter().any(|c| c.to.year() == last)
                        || set.yearly.iter().any(|y| y.rule.until == Some(last))
                })
        };
        let own_line = written.lines.iter().rev().find_map(|line| match line {
            CalendarLine::Closed { keyword, to, .. } if to.node.year() == last => {
                Some(keyword.to(to.span))
            }
            _ => None,
        });
        let set_line = || {
            written.lines.iter().find_map(|line| match line {
                CalendarLine::Holidays { sets, .. } => sets
                    .iter()
                    .find(|name| lists_last(&name.node))
                    .map(|name| name.span),
                _ => None,
            })
        };
        let last_line = own_line.or_else(set_line);
        let end_year = end_date.year();
        let next = last + 1;
        let years = if end_year > next {
            format!("{next} to {end_year}")
        } else {
            next.to_string()
        };
        let mut diagnostic = Diagnostic::new(
            Code::W010,
            written.name.span,
            format!(
                "calendar `{}` lists holidays up to {last} only, but the contract runs until {}",
                calendar.id, end_date
            ),
        )
        .with_label(format!("no `closed` day after {last}"))
        .with_help(format!(
            "list the `closed` days of {years} (or use a holiday set of {years}), or end the contract in {last}: a year with none listed counts as having no holidays"
        ));
        if let Some(span) = last_line {
            diagnostic = diagnostic.with_related(span, "the last holiday listed");
        }
        diagnostic = diagnostic.with_related(end.span, "ends here");
        self.push(diagnostic);
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Code;
    use crate::source::SourceFile;

    /// The W010 messages for a contract with `effective` and the given
    /// `closed` lines on its one calendar.
    fn w010(effective: &str, closed: &str) -> Vec<String> {
        let text = format!(
            r#"contract "SLA" {{
  {effective}
  timezone "Asia/Shanghai"
  clock business
  party client "A" {{ short "a" }}
  party provider "B" {{ short "b" }}
  scope {{ service s "S" }}
  calendar business "B" {{
    mon-fri 09:00-18:00
    {closed}
  }}
  channel hotline "H" {{ hours business }}
  priority P1 "Urgent" {{ "outage" }}
  response {{ P1 within 30 minutes }}
  resolution {{ P1 within 4 hours }}
}}
"#
        );
        let checked = crate::check(SourceFile::new("years.sla", &text));
        checked
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::W010)
            .map(|d| d.message.clone())
            .collect()
    }

    #[test]
    fn a_period_past_the_last_listed_year_is_warned() {
        let past = "calendar `business` lists holidays up to 2027 only, but the contract runs until 2028-03-31";
        assert_eq!(
            w010("effective 2027-04-01..2028-03-31", "closed 2027-10-01"),
            vec![past.to_string()]
        );
    }

    #[test]
    fn a_contract_with_no_end_date_is_left_to_slac_due() {
        let none: Vec<String> = Vec::new();
        assert_eq!(w010("effective 2027-04-01", "closed 2027-10-01"), none);
        assert_eq!(w010("", "closed 2027-10-01"), none);
    }

    #[test]
    fn holidays_listed_to_the_end_or_none_at_all_are_not_warned() {
        let none: Vec<String> = Vec::new();
        // Listed through the last year, by a range that ends in it.
        assert_eq!(
            w010(
                "effective 2027-04-01..2028-01-31",
                "closed 2027-12-31..2028-01-02"
            ),
            none
        );
        // No closed day at all: the calendar has no holidays.
        assert_eq!(w010("effective 2027-04-01", ""), none);
        // All before the period: W003 says so.
        assert_eq!(
            w010("effective 2027-01-01..2028-12-31", "closed 2026-10-01"),
            none
        );
        // The end is still to be agreed.
        assert_eq!(
            w010("effective 2027-01-01..[终止日期]", "closed 2027-10-01"),
            none
        );
    }
}
