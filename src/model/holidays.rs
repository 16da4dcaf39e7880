//! Holiday sets (`holidays ID "LABEL" { … }`) and what a calendar's dates
//! are once its own lines and its sets are put together.
//!
//! Two functions hold the meaning, and every reader goes through them:
//! [`HolidaySet::days_in`] is the one expansion of a set (the clock, the
//! rule set, the appendix and `slac holidays show` all read it), and
//! [`Calendar::days`] the one precedence of language.md ("Holiday sets"):
//! the calendar's own `open`/`closed` lines, then its sets' `open` days,
//! then their `closed` days, then the weekly hours.

use super::yearly::{self, YearlyRule};
use super::{Calendar, ClosedDays, Effective, Fill, Text, TimeSpan};
use chrono::{Datelike, Months, NaiveDate, Weekday};
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::fmt;

/// The name of a `holidays` set, e.g. `cn-2026`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct HolidaySetId(pub String);

impl HolidaySetId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for HolidaySetId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// `holidays ID "LABEL" { … }`: closed days and make-up working days that
/// calendars share.
#[derive(Debug, Clone, PartialEq)]
pub struct HolidaySet {
    pub id: HolidaySetId,
    pub label: Text,
    /// `closed DATE|RANGE "note"`, in source order.
    pub closed: Vec<ClosedDays>,
    /// `open DATE[, DATE…] [as WEEKDAY] "note"`, one per date, in source order.
    pub open: Vec<SetOpenDay>,
    /// `closed yearly RULE "note"`, in source order (the order in which
    /// `substitute` days move).
    pub yearly: Vec<YearlyDay>,
}

/// `closed yearly RULE "note"`: a day closed every year by a rule.
#[derive(Debug, Clone, PartialEq)]
pub struct YearlyDay {
    pub rule: YearlyRule,
    pub note: Option<Text>,
}

/// A make-up working day of a set: open on the using calendar's hours of
/// `like`, else on its (equal) Monday–Friday hours.
#[derive(Debug, Clone, PartialEq)]
pub struct SetOpenDay {
    pub date: NaiveDate,
    pub like: Option<Weekday>,
    pub note: Option<Text>,
}

/// One day of a set, as [`HolidaySet::days_in`] gives it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SetDay<'s> {
    pub date: NaiveDate,
    pub kind: SetDayKind,
    pub note: Option<&'s Text>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetDayKind {
    Closed,
    /// A make-up working day, on the hours of `like` (else Monday–Friday's).
    Open {
        like: Option<Weekday>,
    },
}

impl HolidaySet {
    /// The set's days from `from` to `to` (inclusive), by date; a date the
    /// set both closes and opens is listed twice, closed first.
    pub fn days_in(&self, from: NaiveDate, to: NaiveDate) -> Vec<SetDay<'_>> {
        let mut days = Vec::new();
        for closed in &self.closed {
            let (first, last) = (closed.from.max(from), closed.to.min(to));
            days.extend(
                first
                    .iter_days()
                    .take_while(|d| *d <= last)
                    .map(|date| SetDay {
                        date,
                        kind: SetDayKind::Closed,
                        note: closed.note.as_ref(),
                    }),
            );
        }
        // Yearly days, expanded for just this range: a clock with no end
        // date asks for any year. A substitute never moves onto a dated day.
        let rules: Vec<&YearlyRule> = self.yearly.iter().map(|y| &y.rule).collect();
        let dated = |date: NaiveDate| self.closed.iter().any(|c| c.from <= date && date <= c.to);
        days.extend(
            yearly::expand(&rules, from..=to, dated)
                .into_iter()
                .filter_map(|day| {
                    let note = self.yearly.get(day.rule)?.note.as_ref();
                    Some(SetDay {
                        date: day.date,
                        kind: SetDayKind::Closed,
                        note,
                    })
                }),
        );
        days.extend(
            self.open
                .iter()
                .filter(|o| from <= o.date && o.date <= to)
                .map(|o| SetDay {
                    date: o.date,
                    kind: SetDayKind::Open { like: o.like },
                    note: o.note.as_ref(),
                }),
        );
        days.sort_by_key(|d| (d.date, matches!(d.kind, SetDayKind::Open { .. })));
        days
    }

    /// The first and last dates the set names, if it names any.
    pub fn dated_range(&self) -> Option<(NaiveDate, NaiveDate)> {
        let firsts = self.closed.iter().map(|c| c.from);
        let lasts = self.closed.iter().map(|c| c.to);
        let opens = self.open.iter().map(|o| o.date);
        let first = firsts.chain(opens.clone()).min()?;
        let last = lasts.chain(opens).max()?;
        Some((first, last))
    }
}

/// A library file: holiday sets only.
#[derive(Debug, Clone, PartialEq)]
pub struct Library {
    pub sets: Vec<HolidaySet>,
}

/// The dates of a range of one calendar, its sets applied: each date's
/// open spans in one look-up, and the note of the line that decided it.
#[derive(Debug, Clone)]
pub struct DayTable<'c> {
    calendar: &'c Calendar,
    open: HashMap<NaiveDate, (&'c [TimeSpan], Option<&'c Text>)>,
    closed: HashMap<NaiveDate, Option<&'c Text>>,
}

/// A date on which a calendar's own lines or its sets replace the weekly
/// hours, as [`DayTable::listed`] gives it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ListedDay<'c> {
    pub date: NaiveDate,
    pub kind: ListedKind<'c>,
    /// The note of the line that decided the date.
    pub note: Option<&'c Text>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ListedKind<'c> {
    Closed,
    /// Open on these spans instead of the weekly ones.
    Open {
        spans: &'c [TimeSpan],
    },
}

impl<'c> DayTable<'c> {
    /// The open spans of `date` (one of the table's range). Overnight
    /// spans are listed under the date they start on.
    pub fn spans_on(&self, date: NaiveDate) -> &'c [TimeSpan] {
        let calendar = self.calendar;
        if calendar.always {
            return &[];
        }
        if let Some((spans, _)) = self.open.get(&date) {
            return spans;
        }
        if self.closed.contains_key(&date) {
            return &[];
        }
        calendar.weekly_on(date.weekday())
    }

    /// True when `date` (one of the table's range) is closed, not opened
    /// again: a [`ListedKind::Closed`] day of [`DayTable::listed`].
    pub fn closes(&self, date: NaiveDate) -> bool {
        self.closed.contains_key(&date) && !self.open.contains_key(&date)
    }

    /// Every date of the range that does not run on the weekly hours, by
    /// date: what the calendar's `closed` and `open` mean once its sets are
    /// merged in (the rule set lists these).
    pub fn listed(&self) -> Vec<ListedDay<'c>> {
        let mut days: Vec<ListedDay<'c>> = self
            .open
            .iter()
            .map(|(date, (spans, note))| ListedDay {
                date: *date,
                kind: ListedKind::Open { spans },
                note: *note,
            })
            .chain(
                self.closed
                    .iter()
                    .filter(|(date, _)| !self.open.contains_key(date))
                    .map(|(date, note)| ListedDay {
                        date: *date,
                        kind: ListedKind::Closed,
                        note: *note,
                    }),
            )
            .collect();
        days.sort_by_key(|d| d.date);
        days
    }
}

impl Calendar {
    /// The calendar's weekly spans of a weekday.
    pub fn weekly_on(&self, weekday: Weekday) -> &[TimeSpan] {
        self.weekly
            .get(weekday.num_days_from_monday() as usize)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// The dates `from..=to` of the calendar, with the precedence of
    /// language.md: its own `open` lines (the first of a date), then its
    /// own `closed` lines, then its sets' `open` days, then their `closed`
    /// days, then the weekly hours. (A date one set closes and another
    /// opens is an error the checker reports, E050; should a model hold
    /// one, `open` wins, as it does inside one set.)
    pub fn days(&self, from: NaiveDate, to: NaiveDate) -> DayTable<'_> {
        type Spans<'a> = (&'a [TimeSpan], Option<&'a Text>);
        let mut open: HashMap<NaiveDate, Spans<'_>> = HashMap::new();
        let mut closed = HashMap::new();
        for set in &self.holidays {
            for day in set.days_in(from, to) {
                match day.kind {
                    SetDayKind::Closed => {
                        closed.entry(day.date).or_insert(day.note);
                    }
                    SetDayKind::Open { like } => {
                        let spans = self.weekly_on(like.unwrap_or(Weekday::Mon));
                        open.entry(day.date).or_insert((spans, day.note));
                    }
                }
            }
        }
        let mut own_closed = HashSet::new();
        for days in &self.closed {
            let (first, last) = (days.from.max(from), days.to.min(to));
            for date in first.iter_days().take_while(|d| *d <= last) {
                open.remove(&date);
                if own_closed.insert(date) {
                    closed.insert(date, days.note.as_ref());
                }
            }
        }
        let mut own_open = HashSet::new();
        for day in self.open.iter().filter(|o| from <= o.date && o.date <= to) {
            if own_open.insert(day.date) {
                open.insert(day.date, (day.spans.as_slice(), day.note.as_ref()));
            }
        }
        DayTable {
            calendar: self,
            open,
            closed,
        }
    }

    /// The first and last dates the calendar's own lines and its sets name,
    /// if they name any.
    pub fn dated_range(&self) -> Option<(NaiveDate, NaiveDate)> {
        let own = self
            .closed
            .iter()
            .map(|c| (c.from, c.to))
            .chain(self.open.iter().map(|o| (o.date, o.date)));
        let sets = self.holidays.iter().filter_map(HolidaySet::dated_range);
        own.chain(sets)
            .reduce(|(a, b), (c, d)| (a.min(c), b.max(d)))
    }

    /// The calendar's listed days ([`DayTable::listed`]) over every date it
    /// or its sets name, and over `period` besides (the contract's
    /// [`Effective::expansion_period`], where yearly days are expanded).
    pub fn listed_days(&self, period: Option<(NaiveDate, NaiveDate)>) -> Vec<ListedDay<'_>> {
        match self.listed_range(period) {
            Some((from, to)) => self.days(from, to).listed(),
            None => Vec::new(),
        }
    }

    /// The dates [`Calendar::listed_days`] covers: every date the calendar
    /// or its sets name, joined with `period`; yearly days are expanded
    /// over exactly this range.
    pub fn listed_range(
        &self,
        period: Option<(NaiveDate, NaiveDate)>,
    ) -> Option<(NaiveDate, NaiveDate)> {
        self.dated_range()
            .into_iter()
            .chain(period)
            .reduce(|(a, b), (c, d)| (a.min(c), b.max(d)))
    }
}

impl Effective {
    /// The dates yearly holiday days are expanded over: the effective
    /// period, or with no end date (or a placeholder for it) three years
    /// from its start. `None` when the start is a placeholder.
    pub fn expansion_period(&self) -> Option<(NaiveDate, NaiveDate)> {
        let from = *self.from.value()?;
        let three_years = || {
            from.checked_add_months(Months::new(36))
                .and_then(|end| end.pred_opt())
                .unwrap_or(NaiveDate::MAX)
        };
        let to = match self.to.as_ref().map(Fill::value) {
            Some(Some(to)) => *to,
            // A draft's `[end date]` counts as no end date.
            Some(None) | None => three_years(),
        };
        Some((from, to.max(from)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CalendarId, Fill, TimeOfDay};

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap_or_default()
    }

    fn span(from: u16, to: u16) -> TimeSpan {
        TimeSpan {
            start: TimeOfDay(from * 60),
            end: TimeOfDay(to * 60),
        }
    }

    fn note(text: &str) -> Option<Text> {
        Some(Fill::Value(text.into()))
    }

    fn set(
        id: &str,
        closed: &[(NaiveDate, NaiveDate)],
        open: &[(NaiveDate, Option<Weekday>)],
    ) -> HolidaySet {
        HolidaySet {
            id: HolidaySetId(id.into()),
            label: Fill::Value(id.into()),
            closed: closed
                .iter()
                .map(|(from, to)| ClosedDays {
                    from: *from,
                    to: *to,
                    note: note("closed"),
                })
                .collect(),
            open: open
                .iter()
                .map(|(date, like)| SetOpenDay {
                    date: *date,
                    like: *like,
                    note: note("open"),
                })
                .collect(),
            yearly: Vec::new(),
        }
    }

    /// Mon–fri 9–18, sat 10–12.
    fn office(holidays: Vec<HolidaySet>) -> Calendar {
        let mut weekly: [Vec<TimeSpan>; 7] = Default::default();
        for hours in weekly.iter_mut().take(5) {
            hours.push(span(9, 18));
        }
        weekly[5].push(span(10, 12));
        Calendar {
            id: CalendarId("office".into()),
            label: None,
            timezone: chrono_tz::Tz::Asia__Shanghai,
            always: false,
            weekly,
            closed: Vec::new(),
            open: Vec::new(),
            holidays,
        }
    }

    #[test]
    fn a_set_lists_its_days_in_a_range_by_date() {
        let cn = set(
            "cn",
            &[(day(2, 15), day(2, 17))],
            &[(day(2, 14), None), (day(2, 28), None)],
        );
        let days: Vec<(NaiveDate, SetDayKind)> = cn
            .days_in(day(2, 14), day(2, 16))
            .iter()
            .map(|d| (d.date, d.kind))
            .collect();
        let open = SetDayKind::Open { like: None };
        assert_eq!(
            days,
            vec![
                (day(2, 14), open),
                (day(2, 15), SetDayKind::Closed),
                (day(2, 16), SetDayKind::Closed),
            ]
        );
        assert_eq!(cn.dated_range(), Some((day(2, 14), day(2, 28))));
    }

    #[test]
    fn set_days_close_and_open_with_the_calendars_hours() {
        // 2026-02-14 is a Saturday, 2026-02-16 a Monday.
        let cn = set(
            "cn",
            &[(day(2, 16), day(2, 17))],
            &[(day(2, 14), None), (day(2, 28), Some(Weekday::Sat))],
        );
        let calendar = office(vec![cn]);
        let days = calendar.days(day(2, 1), day(3, 1));
        assert_eq!(days.spans_on(day(2, 14)), &[span(9, 18)]);
        assert_eq!(days.spans_on(day(2, 28)), &[span(10, 12)]);
        assert!(days.spans_on(day(2, 16)).is_empty());
        assert_eq!(days.spans_on(day(2, 18)), &[span(9, 18)]);
        assert!(days.spans_on(day(2, 15)).is_empty(), "a Sunday");
    }

    #[test]
    fn the_calendars_own_lines_win_over_its_sets() {
        let cn = set("cn", &[(day(2, 16), day(2, 17))], &[(day(2, 14), None)]);
        let mut calendar = office(vec![cn]);
        calendar.closed.push(ClosedDays {
            from: day(2, 14),
            to: day(2, 14),
            note: None,
        });
        calendar.open.push(crate::model::OpenDay {
            date: day(2, 16),
            spans: vec![span(9, 12)],
            note: None,
        });
        let days = calendar.days(day(2, 1), day(3, 1));
        assert!(
            days.spans_on(day(2, 14)).is_empty(),
            "own closed over set open"
        );
        assert_eq!(
            days.spans_on(day(2, 16)),
            &[span(9, 12)],
            "own open over set closed"
        );
        assert!(days.spans_on(day(2, 17)).is_empty());
        assert_eq!(calendar.spans_on(day(2, 16)), &[span(9, 12)]);
        assert!(calendar.spans_on(day(2, 17)).is_empty());
    }

    #[test]
    fn yearly_days_expand_in_any_year_and_substitutes_pass_dated_days() {
        use crate::model::yearly::{Adjustment, YearlyBase};
        let christmas = YearlyRule {
            adjust: Some(Adjustment::Substitute),
            ..YearlyRule::every_year(YearlyBase::MonthDay { month: 12, day: 25 })
        };
        let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
        let mut uk = set("uk", &[], &[]);
        uk.yearly.push(YearlyDay {
            rule: christmas,
            note: note("Christmas Day"),
        });
        // 2027-12-25 is a Saturday: Monday 27, unless the set closes the
        // 27th by a dated line, then Tuesday 28.
        let in_2027 = |set: &HolidaySet| -> Vec<NaiveDate> {
            set.days_in(date(2027, 12, 1), date(2027, 12, 31))
                .iter()
                .map(|d| d.date)
                .collect()
        };
        assert_eq!(in_2027(&uk), vec![date(2027, 12, 27)]);
        uk.closed.push(ClosedDays {
            from: date(2027, 12, 27),
            to: date(2027, 12, 27),
            note: note("company day"),
        });
        assert_eq!(in_2027(&uk), vec![date(2027, 12, 27), date(2027, 12, 28)]);
        // Far from any dated line the clock still finds the day.
        let calendar = office(vec![uk]);
        let days = calendar.days(date(2101, 12, 1), date(2101, 12, 31));
        assert!(
            days.spans_on(date(2101, 12, 26)).is_empty(),
            "Monday 26 in 2101"
        );
        assert_eq!(days.spans_on(date(2101, 12, 27)), &[span(9, 18)]);
    }

    #[test]
    fn one_sets_open_day_wins_over_its_own_closed_range() {
        let odd = set("odd", &[(day(3, 2), day(3, 6))], &[(day(3, 4), None)]);
        let calendar = office(vec![odd]);
        let days = calendar.days(day(3, 1), day(3, 31));
        assert_eq!(days.spans_on(day(3, 4)), &[span(9, 18)]);
        assert!(days.spans_on(day(3, 5)).is_empty());
    }

    #[test]
    fn yearly_days_expand_over_the_effective_period_or_three_years() {
        let open_ended = Effective {
            from: Fill::Value(day(1, 1)),
            to: None,
        };
        let through = NaiveDate::from_ymd_opt(2028, 12, 31).unwrap_or_default();
        assert_eq!(open_ended.expansion_period(), Some((day(1, 1), through)));
        let draft = Effective {
            to: Some(Fill::Placeholder("结束日期".into())),
            ..open_ended.clone()
        };
        assert_eq!(draft.expansion_period(), Some((day(1, 1), through)));
        let half = Effective {
            to: Some(Fill::Value(day(6, 30))),
            ..open_ended
        };
        assert_eq!(half.expansion_period(), Some((day(1, 1), day(6, 30))));
        let no_start = Effective {
            from: Fill::Placeholder("开始日期".into()),
            to: None,
        };
        assert_eq!(no_start.expansion_period(), None);
    }
}
