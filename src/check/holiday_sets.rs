//! Holiday sets: each set checked into the model (E010 for a name or an
//! `open` date given twice), a calendar's `holidays` lines resolved (E012,
//! E010), the hours of make-up days without hours (E051), dates one set
//! closes and another opens (E050), and sets nothing uses (W005).

use super::calendars::period_words;
use super::names::Names;
use super::twice::{given_twice, GIVEN};
use super::{text, Checker};
use crate::ast::{self, Ident, NameKind, SetLine};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::*;
use crate::source::Span;
use chrono::{NaiveDate, Weekday};
use std::collections::HashMap;

/// Why a make-up day without hours has no hours on a calendar.
pub(super) enum Unfit {
    /// The weekday it takes its hours from has none.
    NoHours(usize),
    /// Two of Monday–Friday have different hours (and no `as` says which).
    Differ(usize, usize),
}

impl Unfit {
    /// "has no hours on sat", "has different hours on mon and wed".
    pub(super) fn words(&self) -> String {
        let day = |d: &usize| WEEKDAYS.get(*d).copied().unwrap_or("");
        match self {
            Unfit::NoHours(d) => format!("has no hours on {}", day(d)),
            Unfit::Differ(a, b) => format!("has different hours on {} and {}", day(a), day(b)),
        }
    }
}

/// The hours of a make-up day without hours: those of `like`, else the
/// Monday–Friday hours, which must then all be the same.
pub(super) fn make_up_hours(
    weekly: &[Vec<TimeSpan>; 7],
    like: Option<usize>,
) -> Result<&[TimeSpan], Unfit> {
    let day = like.unwrap_or(0);
    if like.is_none() {
        let monday = weekly.first().map(Vec::as_slice).unwrap_or(&[]);
        if let Some(other) = (1..5).find(|d| weekly.get(*d).map(Vec::as_slice) != Some(monday)) {
            return Err(Unfit::Differ(0, other));
        }
    }
    match weekly.get(day) {
        Some(spans) if !spans.is_empty() => Ok(spans),
        _ => Err(Unfit::NoHours(day)),
    }
}

fn weekday(index: usize) -> Option<Weekday> {
    u8::try_from(index)
        .ok()
        .and_then(|i| Weekday::try_from(i).ok())
}

impl Checker<'_> {
    /// The sets of a contract or a library, checked, in order.
    pub(super) fn holiday_sets(&mut self, sets: &[&ast::HolidaySet]) -> Vec<HolidaySet> {
        self.unique_names("holiday set", sets.iter().map(|s| &s.name));
        self.declared_in_a_library(sets);
        sets.iter().map(|set| self.holiday_set(set)).collect()
    }

    fn holiday_set(&mut self, set: &ast::HolidaySet) -> HolidaySet {
        let mut closed = Vec::new();
        let mut open = Vec::new();
        let mut open_dates: HashMap<NaiveDate, Span> = HashMap::new();
        let mut yearly = Vec::new();
        for line in &set.lines {
            match line {
                SetLine::Closed { from, to, note, .. } => closed.push(ClosedDays {
                    from: from.node,
                    to: to.node,
                    note: note.as_ref().map(text),
                }),
                SetLine::Yearly(line) => {
                    if let Some(rule) = self.yearly_rule(&line.rule) {
                        yearly.push(YearlyDay {
                            rule,
                            note: line.note.as_ref().map(text),
                        });
                    }
                }
                SetLine::Open {
                    dates, like, note, ..
                } => {
                    for date in dates {
                        if let Some(first) = open_dates.get(&date.node).copied() {
                            self.push(given_twice(
                                date.span,
                                Some(first),
                                GIVEN,
                                format!("`open {}` is given twice in the set", date.node),
                                "list each make-up day once",
                            ));
                            continue;
                        }
                        open_dates.insert(date.node, date.span);
                        open.push(SetOpenDay {
                            date: date.node,
                            like: like.and_then(|l| weekday(l.weekday.node)),
                            note: note.as_ref().map(text),
                        });
                    }
                }
            }
        }
        HolidaySet {
            id: HolidaySetId(set.name.node.clone()),
            label: text(&set.label),
            closed,
            open,
            yearly,
        }
    }

    /// The sets a calendar's `holidays` lines name, resolved (E012 for an
    /// unknown one, E010 for one named twice), each with the name's span.
    pub(super) fn calendar_sets<'s>(
        &mut self,
        uses: &[&Ident],
        sets: &[&'s HolidaySet],
    ) -> Vec<(&'s HolidaySet, Span)> {
        let names = Names::new(sets.iter().map(|s| s.id.as_str()));
        let mut used: Vec<(&HolidaySet, Span)> = Vec::new();
        for name in uses {
            if let Some((_, first)) = used.iter().find(|(s, _)| s.id.as_str() == name.node) {
                let first = *first;
                self.push(given_twice(
                    name.span,
                    Some(first),
                    GIVEN,
                    format!("holiday set `{}` is used twice in the calendar", name.node),
                    "name each set once",
                ));
                continue;
            }
            if !self.resolve(name, NameKind::HolidaySet.word(), &names) {
                continue;
            }
            if let Some(set) = names.index(&name.node).and_then(|i| sets.get(i)) {
                used.push((*set, name.span));
            }
        }
        used
    }

    /// E051 for a set's make-up day the calendar has no hours for (not
    /// when a line of the calendar is already an error: the hours may be
    /// on it), and E050 for a date one of its sets closes and another opens
    /// (unless the calendar's own lines decide that date).
    pub(super) fn set_days_fit(
        &mut self,
        calendar: &Calendar,
        uses: &[(&HolidaySet, Span)],
        effective: Option<&Effective>,
        errors_inside: bool,
    ) {
        let checked = if errors_inside { &[][..] } else { uses };
        for (set, at) in checked {
            let unfit = set.open.iter().find_map(|day| {
                let like = day.like.map(|w| w.num_days_from_monday() as usize);
                make_up_hours(&calendar.weekly, like)
                    .err()
                    .map(|why| (day, why))
            });
            if let Some((day, why)) = unfit {
                self.push(
                    Diagnostic::new(
                        Code::E051,
                        *at,
                        format!(
                            "holiday set `{}` makes {} a working day, but calendar `{}` {}",
                            set.id,
                            day.date,
                            calendar.id,
                            why.words()
                        ),
                    )
                    .with_label("which hours on the make-up day?")
                    .with_help(format!(
                        "write which weekday's hours it has in the set: `open {} as mon`",
                        day.date
                    )),
                );
            }
        }
        self.cross_set_conflicts(calendar, uses, effective);
    }

    /// W003 for a set of the calendar none of whose days falls in the
    /// effective period (a set of another year, most likely). A set with
    /// days in and out of the period is not warned: sets span years, and a
    /// contract uses the sets of each year it runs through.
    pub(super) fn sets_in_period(
        &mut self,
        uses: &[(&HolidaySet, Span)],
        effective: Option<&Effective>,
    ) {
        let Some(effective) = effective else {
            return;
        };
        let Some((from, to)) = effective.expansion_period() else {
            return;
        };
        let end = effective.to.as_ref().and_then(|t| t.value().copied());
        for (set, at) in uses {
            let has_days = !(set.closed.is_empty() && set.open.is_empty() && set.yearly.is_empty());
            // With no end date a dated day after the start is in the period
            // however late; yearly days are looked for in the expansion.
            let dated_later =
                end.is_none() && set.dated_range().is_some_and(|(_, last)| last >= from);
            if !has_days || dated_later || !set.days_in(from, to).is_empty() {
                continue;
            }
            let period = period_words(Some(from), end);
            self.push(
                Diagnostic::new(
                    Code::W003,
                    *at,
                    format!(
                        "holiday set `{}` has no day in the effective period {period}",
                        set.id
                    ),
                )
                .with_label("no day in the effective period")
                .with_help(
                    "check the year of the set, or use the set of the years the contract runs",
                ),
            );
        }
    }

    fn cross_set_conflicts(
        &mut self,
        calendar: &Calendar,
        uses: &[(&HolidaySet, Span)],
        effective: Option<&Effective>,
    ) {
        if uses.len() < 2 {
            return;
        }
        let Some((from, to)) = conflict_range(uses, effective) else {
            return;
        };
        let own_open = |date: NaiveDate| calendar.open.iter().any(|o| o.date == date);
        let own_closed = |date: NaiveDate| {
            calendar
                .closed
                .iter()
                .any(|c| c.from <= date && date <= c.to)
        };
        // The first set closing each date, then each other set opening it.
        let mut closed_by: HashMap<NaiveDate, usize> = HashMap::new();
        for (index, (set, _)) in uses.iter().enumerate() {
            for day in set.days_in(from, to) {
                if day.kind == SetDayKind::Closed {
                    closed_by.entry(day.date).or_insert(index);
                }
            }
        }
        let mut reported: Vec<(usize, usize)> = Vec::new();
        for (opener, (set, at)) in uses.iter().enumerate() {
            for day in set.days_in(from, to) {
                let SetDayKind::Open { .. } = day.kind else {
                    continue;
                };
                let Some(&closer) = closed_by.get(&day.date) else {
                    continue;
                };
                if closer == opener
                    || own_open(day.date)
                    || own_closed(day.date)
                    || reported.contains(&(closer, opener))
                {
                    continue;
                }
                reported.push((closer, opener));
                let Some((closing, closing_at)) = uses.get(closer) else {
                    continue;
                };
                self.push(
                    Diagnostic::new(
                        Code::E050,
                        *at,
                        format!(
                            "holiday set `{}` opens {}, which set `{}` closes, in calendar `{}`",
                            set.id, day.date, closing.id, calendar.id
                        ),
                    )
                    .with_label("opens a date the other set closes")
                    .with_related(*closing_at, "closes it")
                    .with_help(format!(
                        "decide the day in the calendar with its own `closed {0}` or `open {0}` line, or correct one of the sets",
                        day.date
                    )),
                );
            }
        }
    }

    /// W005 for each set of the contract that no calendar uses.
    pub(super) fn unused_sets(&mut self, sets: &[&ast::HolidaySet], calendars: &[Calendar]) {
        for set in sets {
            let name = &set.name.node;
            let used = calendars
                .iter()
                .any(|c| c.holidays.iter().any(|h| &h.id.0 == name))
                || self.meant_sets.contains(name)
                || self.dropped.refers_to(NameKind::HolidaySet, name);
            if !used {
                self.push(
                    Diagnostic::new(
                        Code::W005,
                        set.name.span,
                        format!("holiday set `{name}` is not used"),
                    )
                    .with_label("no calendar uses it")
                    .with_help(format!(
                        "use it in a calendar with `holidays {name}`, or remove it"
                    )),
                );
            }
        }
    }
}

/// The dates to compare sets over: every date any of them names, and the
/// effective period when it is bounded.
fn conflict_range(
    uses: &[(&HolidaySet, Span)],
    effective: Option<&Effective>,
) -> Option<(NaiveDate, NaiveDate)> {
    let mut range: Option<(NaiveDate, NaiveDate)> = None;
    let mut widen = |from: NaiveDate, to: NaiveDate| {
        range = Some(match range {
            Some((a, b)) => (a.min(from), b.max(to)),
            None => (from, to),
        });
    };
    for (set, _) in uses {
        if let Some((from, to)) = set.dated_range() {
            widen(from, to);
        }
    }
    if let Some(effective) = effective {
        if let (Fill::Value(from), Some(Fill::Value(to))) = (&effective.from, &effective.to) {
            widen(*from, *to);
        }
    }
    range
}
