//! Calendars: weekly hours, holidays (`closed`) and make-up days (`open`).
//!
//! E020 for overlapping spans on one day, E033 for a calendar that is
//! never open, E011 for hours without a time zone, W003 for dates outside
//! the effective period, W006 for `open`/`closed` lines that change nothing
//! (W010, holidays that run out, is [`super::holiday_years`]).

use super::holiday_sets::make_up_hours;
use super::items::Items;
use super::twice::{given_twice, GIVEN};
use super::{text, Checker};
use crate::ast::{self, CalendarLine};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::*;
use crate::source::{Span, Spanned};
use chrono::NaiveDate;
use chrono_tz::Tz;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Long `closed` ranges are looked at day by day only this far.
const MAX_DAYS_EXAMINED: u32 = 3660;

/// The first pair of overlapping spans, as minutes since the day's midnight
/// (an overnight span runs past 1440).
fn first_overlap(spans: &[Spanned<TimeSpan>]) -> Option<(Spanned<TimeSpan>, Spanned<TimeSpan>)> {
    let mut sorted: Vec<&Spanned<TimeSpan>> = spans.iter().collect();
    sorted.sort_by_key(|s| (s.node.start, s.span));
    let end = |s: &TimeSpan| s.start.minutes() + s.wall_minutes();
    let mut reach: Option<&Spanned<TimeSpan>> = None;
    for span in sorted {
        if let Some(before) = reach {
            if span.node.start.minutes() < end(&before.node) {
                return Some((*before, *span));
            }
            if end(&span.node) > end(&before.node) {
                reach = Some(span);
            }
        } else {
            reach = Some(span);
        }
    }
    None
}

fn within_effective(
    effective: Option<&Effective>,
    from: NaiveDate,
    to: NaiveDate,
) -> Option<String> {
    let effective = effective?;
    let start = effective.from.value().copied();
    let end = effective.to.as_ref().and_then(|t| t.value().copied());
    let before = start.is_some_and(|s| from < s);
    let after = end.is_some_and(|e| to > e);
    if !(before || after) {
        return None;
    }
    Some(period_words(start, end))
}

/// The effective period as W003 names it: `2027-01-01..2027-12-31`,
/// `from 2027-01-01`.
pub(super) fn period_words(start: Option<NaiveDate>, end: Option<NaiveDate>) -> String {
    match (start, end) {
        (Some(s), Some(e)) => format!("{s}..{e}"),
        (Some(s), None) => format!("from {s}"),
        (None, Some(e)) => format!("until {e}"),
        (None, None) => String::new(),
    }
}

/// Dates covered by `closed` lines, merged into disjoint ranges, so that
/// "is this date closed?" is one look-up however many lines there are.
#[derive(Default)]
struct ClosedDates {
    /// First date to last date, disjoint.
    ranges: BTreeMap<NaiveDate, NaiveDate>,
}

impl ClosedDates {
    fn insert(&mut self, from: NaiveDate, to: NaiveDate) {
        if from > to {
            return;
        }
        let (mut from, mut to) = (from, to);
        if let Some((&start, &end)) = self.ranges.range(..=from).next_back() {
            if end >= from {
                from = start;
                to = to.max(end);
            }
        }
        let inside: Vec<NaiveDate> = self.ranges.range(from..=to).map(|(s, _)| *s).collect();
        for start in inside {
            if let Some(end) = self.ranges.remove(&start) {
                to = to.max(end);
            }
        }
        self.ranges.insert(from, to);
    }

    fn contains(&self, date: NaiveDate) -> bool {
        self.ranges
            .range(..=date)
            .next_back()
            .is_some_and(|(_, end)| date <= *end)
    }
}

/// A `closed` line, checked.
struct ClosedLine {
    from: Spanned<NaiveDate>,
    to: Spanned<NaiveDate>,
    note: Option<Text>,
    keyword: Span,
}

/// An `open` line, checked.
struct OpenLine {
    date: Spanned<NaiveDate>,
    spans: Vec<Spanned<TimeSpan>>,
    note: Option<Text>,
    keyword: Span,
}

impl Checker<'_> {
    pub(super) fn calendars(
        &mut self,
        items: &Items<'_>,
        contract_zone: Option<Tz>,
        effective: Option<&Effective>,
        sets: &[&HolidaySet],
    ) -> Vec<Calendar> {
        self.unique_names("calendar", items.calendars.iter().map(|c| &c.name));
        let zone_given = items.timezone.is_some();
        items
            .calendars
            .iter()
            .map(|calendar| {
                let model = self.calendar(calendar, contract_zone, zone_given, effective, sets);
                self.holidays_run_out(items, calendar, &model);
                model
            })
            .collect()
    }

    fn calendar(
        &mut self,
        calendar: &ast::Calendar,
        contract_zone: Option<Tz>,
        contract_zone_given: bool,
        effective: Option<&Effective>,
        sets: &[&HolidaySet],
    ) -> Calendar {
        let mut weekly: [Vec<Spanned<TimeSpan>>; 7] = Default::default();
        let mut set_names: Vec<&ast::Ident> = Vec::new();
        // `open` lines without hours: their index in `open` and `as` weekday.
        let mut hourless: Vec<(usize, Option<usize>)> = Vec::new();
        let mut closed: Vec<ClosedLine> = Vec::new();
        let mut open: Vec<OpenLine> = Vec::new();
        let mut open_dates: HashMap<NaiveDate, Span> = HashMap::new();
        let mut own_zone: Option<Option<Tz>> = None;
        for line in &calendar.lines {
            match line {
                CalendarLine::Weekly { days, spans, .. } => {
                    for day in days.iter().flat_map(|d| d.node.iter()) {
                        if let Some(list) = weekly.get_mut(*day) {
                            list.extend(spans.iter().copied());
                        }
                    }
                }
                CalendarLine::Closed {
                    keyword,
                    from,
                    to,
                    note,
                } => {
                    closed.push(ClosedLine {
                        from: *from,
                        to: *to,
                        note: note.as_ref().map(text),
                        keyword: *keyword,
                    });
                }
                CalendarLine::Open {
                    keyword,
                    date,
                    spans,
                    like,
                    note,
                } => {
                    if let Some(first) = open_dates.get(&date.node) {
                        let first = *first;
                        self.push(given_twice(
                            date.span,
                            Some(first),
                            GIVEN,
                            format!("`open {}` is given twice", date.node),
                            "list all spans of the day on one `open` line",
                        ));
                        continue;
                    }
                    open_dates.insert(date.node, date.span);
                    if spans.is_empty() {
                        hourless.push((open.len(), like.map(|l| l.weekday.node)));
                    }
                    open.push(OpenLine {
                        date: *date,
                        spans: spans.clone(),
                        note: note.as_ref().map(text),
                        keyword: *keyword,
                    });
                }
                CalendarLine::Timezone { zone, .. } => {
                    if own_zone.is_some() {
                        self.push(given_twice(
                            zone.span,
                            None,
                            GIVEN,
                            "the calendar's `timezone` is given twice",
                            "keep one `timezone`",
                        ));
                    } else {
                        own_zone = Some(self.zone(zone));
                    }
                }
                CalendarLine::Holidays { sets, .. } => set_names.extend(sets),
            }
        }

        // Overlaps, reported once per pair of source spans.
        let mut reported: Vec<(Span, Span)> = Vec::new();
        for (day, spans) in weekly.iter().enumerate() {
            if let Some((a, b)) = first_overlap(spans) {
                if reported.contains(&(a.span, b.span)) {
                    continue;
                }
                reported.push((a.span, b.span));
                let day_name = WEEKDAY_NAMES.get(day).unwrap_or(&"");
                self.overlap(a, b, &format!("on {day_name}"));
            }
        }
        for OpenLine { date, spans, .. } in &open {
            if let Some((a, b)) = first_overlap(spans) {
                self.overlap(a, b, &format!("on {}", date.node));
            }
        }
        self.make_up_hours(calendar, &weekly, &mut open, &hourless);
        let uses = self.calendar_sets(&set_names, sets);

        let has_hours =
            weekly.iter().any(|d| !d.is_empty()) || open.iter().any(|o| !o.spans.is_empty());
        // A line already reported as wrong may be the one with the hours.
        let errors_inside = self.out.iter().any(|d| {
            d.is_error() && calendar.span.start <= d.span.start && d.span.end <= calendar.span.end
        });
        if calendar.always.is_none() && !has_hours && !errors_inside {
            self.push(
                Diagnostic::new(
                    Code::E033,
                    calendar.name.span,
                    format!("calendar `{}` is never open", calendar.name.node),
                )
                .with_label("no open time in any week")
                .with_help("add weekly hours such as `mon-fri 09:00-18:00`, or make it `24x7`"),
            );
        }
        let zone = match own_zone {
            Some(zone) => zone,
            None => {
                if contract_zone.is_none() && !contract_zone_given && has_hours {
                    self.push(
                        Diagnostic::new(
                            Code::E011,
                            calendar.name.span,
                            format!("calendar `{}` has hours but no time zone", calendar.name.node),
                        )
                        .with_label("in which time zone?")
                        .with_help("add `timezone \"Asia/Shanghai\"` to the contract (or inside this calendar)"),
                    );
                }
                contract_zone
            }
        };

        let model = Calendar {
            id: CalendarId(calendar.name.node.clone()),
            label: calendar.label.as_ref().map(text),
            timezone: zone.unwrap_or(Tz::UTC),
            always: calendar.always.is_some(),
            weekly: weekly.clone().map(|spans| {
                let mut spans: Vec<TimeSpan> = spans.iter().map(|s| s.node).collect();
                spans.sort();
                spans.dedup();
                spans
            }),
            closed: closed
                .iter()
                .map(|c| ClosedDays {
                    from: c.from.node,
                    to: c.to.node,
                    note: c.note.clone(),
                })
                .collect(),
            open: open
                .iter()
                .map(|o| OpenDay {
                    date: o.date.node,
                    spans: {
                        let mut spans: Vec<TimeSpan> = o.spans.iter().map(|s| s.node).collect();
                        spans.sort();
                        spans
                    },
                    note: o.note.clone(),
                })
                .collect(),
            holidays: uses.iter().map(|(set, _)| (*set).clone()).collect(),
        };
        self.set_days_fit(&model, &uses, effective, errors_inside);
        self.sets_in_period(&uses, effective);
        self.holidays(&model, &closed, &open, effective, errors_inside);
        model
    }

    /// Gives each `open` line without hours the calendar's hours of its
    /// `as` weekday, else of Monday–Friday (E051 when those differ or are
    /// none; the line is then dropped).
    fn make_up_hours(
        &mut self,
        calendar: &ast::Calendar,
        weekly: &[Vec<Spanned<TimeSpan>>; 7],
        open: &mut Vec<OpenLine>,
        hourless: &[(usize, Option<usize>)],
    ) {
        let hours: [Vec<TimeSpan>; 7] = weekly.clone().map(|spans| {
            let mut spans: Vec<TimeSpan> = spans.iter().map(|s| s.node).collect();
            spans.sort();
            spans.dedup();
            spans
        });
        let mut unfit = Vec::new();
        for (index, like) in hourless {
            let Some(line) = open.get_mut(*index) else {
                continue;
            };
            match make_up_hours(&hours, *like) {
                Ok(spans) => {
                    line.spans = spans
                        .iter()
                        .map(|s| Spanned::new(*s, line.date.span))
                        .collect();
                }
                Err(why) => {
                    self.push(
                        Diagnostic::new(
                            Code::E051,
                            line.keyword.to(line.date.span),
                            format!(
                                "make-up day {} has no hours of its own, and calendar `{}` {}",
                                line.date.node,
                                calendar.name.node,
                                why.words()
                            ),
                        )
                        .with_label("which hours on the make-up day?")
                        .with_help(format!(
                            "write its hours, `open {0} 09:00-18:00`, or whose day's hours it has, `open {0} as mon`",
                            line.date.node
                        )),
                    );
                    unfit.push(*index);
                }
            }
        }
        let mut index = 0;
        open.retain(|_| {
            index += 1;
            !unfit.contains(&(index - 1))
        });
    }

    fn overlap(&mut self, a: Spanned<TimeSpan>, b: Spanned<TimeSpan>, when: &str) {
        let message = if a.node == b.node {
            format!("the span {} is given twice {when}", b.node)
        } else {
            format!("the spans {} and {} overlap {when}", a.node, b.node)
        };
        let mut diagnostic = Diagnostic::new(Code::E020, b.span, message)
            .with_label("overlaps another span")
            .with_help("make the spans of one day disjoint, such as `09:00-12:00, 13:00-18:00`");
        if a.span != b.span {
            diagnostic = diagnostic.with_related(a.span, "this span");
        }
        self.push(diagnostic);
    }

    /// W003 and W006 for `closed` and `open` lines. Whether a line changes
    /// anything is judged against the calendar without its own lines: its
    /// weekly hours with its sets' days, by the one precedence
    /// ([`Calendar::days`]), so a `closed` over a set's make-up day does
    /// change it, and one over a day a set closes does not.
    fn holidays(
        &mut self,
        calendar: &Calendar,
        closed: &[ClosedLine],
        open: &[OpenLine],
        effective: Option<&Effective>,
        errors_inside: bool,
    ) {
        let sets_only = Calendar {
            closed: Vec::new(),
            open: Vec::new(),
            ..calendar.clone()
        };
        // A `closed` line is examined up to MAX_DAYS_EXAMINED days.
        let examined_last = |from: NaiveDate, to: NaiveDate| {
            from.checked_add_days(chrono::Days::new(u64::from(MAX_DAYS_EXAMINED)))
                .map_or(to, |cap| cap.min(to))
        };
        // The days without the calendar's own lines, looked up once over
        // every date its lines reach: `Calendar::days` per line would read
        // every day of its sets each time (quadratic).
        let reach = closed
            .iter()
            .map(|l| (l.from.node, examined_last(l.from.node, l.to.node)))
            .chain(open.iter().map(|o| (o.date.node, o.date.node)))
            .reduce(|(a, b), (c, d)| (a.min(c), b.max(d)));
        let Some((first, last)) = reach else {
            return;
        };
        let without_own = sets_only.days(first, last);
        let make_up: HashSet<NaiveDate> = open.iter().map(|o| o.date.node).collect();
        let is_make_up = |date: NaiveDate| make_up.contains(&date);
        // The dates closed by the lines before the one looked at.
        let mut closed_before = ClosedDates::default();
        for line in closed {
            let (from, to, keyword) = (&line.from, &line.to, &line.keyword);
            let span = keyword.to(to.span);
            if let Some(period) = within_effective(effective, from.node, to.node) {
                self.push(
                    Diagnostic::new(
                        Code::W003,
                        from.span.to(to.span),
                        format!(
                            "closed days {}..{} fall outside the effective period {period}",
                            from.node, to.node
                        ),
                    )
                    .with_label("outside the effective period")
                    .with_help(
                        "check the year, or remove the line if it belongs to another period",
                    ),
                );
            }
            let last = examined_last(from.node, to.node);
            let mut redundant = true;
            let mut by_earlier = false;
            let mut by_set = false;
            for date in from.node.iter_days().take_while(|d| *d <= last) {
                let closed_earlier = closed_before.contains(date);
                by_earlier |= closed_earlier;
                by_set |= !closed_earlier && without_own.closes(date);
                if !closed_earlier && !without_own.spans_on(date).is_empty() && !is_make_up(date) {
                    redundant = false;
                    break;
                }
            }
            // Weekly hours dropped for an error would make any `closed`
            // look redundant: say nothing until they are fixed.
            if redundant && (by_earlier || !errors_inside) {
                let closing_set = || {
                    calendar.holidays.iter().find(|set| {
                        set.days_in(from.node, last)
                            .iter()
                            .any(|d| d.kind == SetDayKind::Closed)
                    })
                };
                let why = match (by_earlier, by_set.then(closing_set).flatten()) {
                    (true, _) => "they are already closed by an earlier `closed` line".to_string(),
                    (false, Some(set)) => {
                        format!("holiday set `{}` already closes these days", set.id)
                    }
                    (false, None) => {
                        "the calendar has no weekly hours on these days anyway".to_string()
                    }
                };
                self.push(
                    Diagnostic::new(Code::W006, span, format!("`closed` changes nothing: {why}"))
                        .with_label("already closed")
                        .with_help("remove the line, or check its dates"),
                );
            }
            closed_before.insert(from.node, to.node);
        }
        // Now every `closed` line.
        let all_closed = closed_before;
        for OpenLine {
            date,
            spans,
            keyword,
            ..
        } in open
        {
            if let Some(period) = within_effective(effective, date.node, date.node) {
                self.push(
                    Diagnostic::new(
                        Code::W003,
                        date.span,
                        format!(
                            "the make-up day {} falls outside the effective period {period}",
                            date.node
                        ),
                    )
                    .with_label("outside the effective period")
                    .with_help(
                        "check the year, or remove the line if it belongs to another period",
                    ),
                );
            }
            let in_closed = all_closed.contains(date.node);
            // The hours the date has without this line: weekly, or a set's.
            let usual = without_own.spans_on(date.node);
            let mut given: Vec<TimeSpan> = spans.iter().map(|s| s.node).collect();
            given.sort();
            if !in_closed && !usual.is_empty() && usual == given.as_slice() {
                self.push(
                    Diagnostic::new(
                        Code::W006,
                        keyword.to(date.span),
                        format!(
                            "`open {}` changes nothing: the calendar is open then anyway",
                            date.node
                        ),
                    )
                    .with_label("already open")
                    .with_help(
                        "`open` is for make-up working days on days that are usually closed",
                    ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::ClosedDates;
    use chrono::NaiveDate;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 1, d).unwrap_or_default()
    }

    /// Overlapping and nested ranges merge; a gap stays open; a reversed
    /// range (E022 already) closes nothing.
    #[test]
    fn closed_dates_merge_ranges_and_keep_gaps() {
        let mut closed = ClosedDates::default();
        closed.insert(day(10), day(12));
        closed.insert(day(3), day(5));
        closed.insert(day(4), day(11));
        closed.insert(day(20), day(20));
        closed.insert(day(28), day(25));
        let covered: Vec<u32> = (1..=31).filter(|d| closed.contains(day(*d))).collect();
        assert_eq!(covered, vec![3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 20]);
        assert_eq!(closed.ranges.len(), 2);
    }
}
