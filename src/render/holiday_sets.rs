//! The holiday sets under each calendar of the appendix (design §10): each
//! set the calendar uses named ("法定节假日按《…》执行"), its days for the
//! agreement's period — closed days and make-up working days, the latter
//! with the weekday whose hours they keep — and, when the agreement has no
//! end date, its yearly rules in words, since they keep applying after the
//! days listed. The days come from the one expansion,
//! [`HolidaySet::days_in`]. The words are in [`super::holiday_phrases`].

use super::document::{Block, Table};
use super::holiday_phrases::HolidayPhrases;
use super::rich::{phrase, sentence, Rich};
use super::values::Values;
use crate::model::yearly::{Nth, YearlyBase};
use crate::model::{
    Calendar, Contract, Effective, HolidaySet, SetDay, SetDayKind, Text, YearlyDay,
};
use chrono::{Datelike, NaiveDate, Weekday};

/// A dash for an empty table cell (as in the outline).
const NONE: &str = "—";

/// Builds the holiday-set blocks of one contract's appendix in one language.
pub struct HolidaySets<'a> {
    contract: &'a Contract,
    words: &'static HolidayPhrases,
    values: Values,
}

/// A row of a set's days: closed dates in a row with one note are one row.
enum Row<'s> {
    Closed {
        from: NaiveDate,
        to: NaiveDate,
        note: Option<&'s Text>,
    },
    Open {
        date: NaiveDate,
        like: Option<Weekday>,
        note: Option<&'s Text>,
    },
}

impl<'a> HolidaySets<'a> {
    pub fn new(contract: &'a Contract, values: Values, words: &'static HolidayPhrases) -> Self {
        HolidaySets {
            contract,
            words,
            values,
        }
    }

    /// The blocks under a calendar, after its weekly hours: each set it
    /// uses, then — when it also has dates of its own, which the outline
    /// lists next — a line saying those win.
    pub fn under(&self, calendar: &Calendar) -> Vec<Block> {
        let mut blocks = Vec::new();
        for set in &calendar.holidays {
            self.set(set, &mut blocks);
        }
        let own_days = !calendar.closed.is_empty() || !calendar.open.is_empty();
        if !calendar.holidays.is_empty() && own_days {
            blocks.push(Block::Paragraph(Rich::text(self.words.own_days_win)));
        }
        blocks
    }

    /// The dates the days are listed for: the period yearly days are
    /// expanded over, and whether the agreement runs on after it.
    fn period(&self) -> (Option<(NaiveDate, NaiveDate)>, bool) {
        let effective = self.contract.effective.as_ref();
        let period = effective.and_then(Effective::expansion_period);
        let has_end = effective
            .and_then(|e| e.to.as_ref())
            .is_some_and(|to| to.value().is_some());
        (period, !has_end)
    }

    fn set(&self, set: &HolidaySet, blocks: &mut Vec<Block>) {
        let label = self.values.text(&set.label);
        blocks.push(Block::Paragraph(sentence(
            self.words.follows,
            std::slice::from_ref(&label),
        )));
        let (period, open_ended) = self.period();
        if let Some((from, to)) = period.or_else(|| set.dated_range()) {
            let span = self.values.date_range(from, to);
            let rows = rows(&set.days_in(from, to));
            if rows.is_empty() {
                blocks.push(Block::Paragraph(sentence(
                    self.words.no_days,
                    &[span, label],
                )));
            } else {
                blocks.push(Block::Table(Table {
                    class: "holidays",
                    caption: Some(sentence(self.words.days_caption, &[span])),
                    head: vec![
                        self.values.phrases.date.to_string(),
                        self.words.arrangement.to_string(),
                        self.values.phrases.note.to_string(),
                    ],
                    rows: rows.iter().map(|row| self.row(row)).collect(),
                }));
            }
        }
        if open_ended && !set.yearly.is_empty() {
            let intro = match period {
                Some((_, to)) => sentence(self.words.yearly_after, &[self.values.date(to)]),
                None => Rich::text(self.words.yearly_always),
            };
            blocks.push(Block::Paragraph(intro));
            blocks.push(Block::List(
                set.yearly.iter().map(|day| self.rule(day)).collect(),
            ));
        }
    }

    fn row(&self, row: &Row<'_>) -> Vec<Rich> {
        let note = |n: Option<&Text>| n.map_or_else(|| Rich::text(NONE), |n| self.values.text(n));
        match *row {
            Row::Closed { from, to, note: n } => {
                let date = if from == to {
                    self.dated(from)
                } else {
                    self.values.date_range(from, to)
                };
                vec![date, Rich::text(self.words.closed), note(n)]
            }
            Row::Open {
                date,
                like,
                note: n,
            } => {
                let arrangement = match like {
                    None => Rich::text(self.words.working_day),
                    Some(weekday) => phrase(self.words.working_day_as, &[self.weekday(weekday)]),
                };
                vec![self.dated(date), arrangement, note(n)]
            }
        }
    }

    /// `2026年2月14日（周六）` / `Saturday 14 February 2026`.
    fn dated(&self, date: NaiveDate) -> Rich {
        sentence(
            self.words.dated,
            &[
                self.values.date(date),
                Rich::text(self.weekday(date.weekday())),
            ],
        )
    }

    fn weekday(&self, weekday: Weekday) -> &'static str {
        self.values
            .phrases
            .weekdays
            .get(weekday.num_days_from_monday() as usize)
            .copied()
            .unwrap_or("")
    }

    fn month(&self, month: u32) -> &'static str {
        month
            .checked_sub(1)
            .and_then(|i| self.values.phrases.months.get(i as usize))
            .copied()
            .unwrap_or("")
    }

    /// A yearly rule in words, after its note: `Christmas Day: 25 December
    /// every year; on a Saturday or Sunday, …`.
    fn rule(&self, day: &YearlyDay) -> Rich {
        let words = self.words;
        let rule = &day.rule;
        let base = match rule.base {
            YearlyBase::MonthDay { month, day } => {
                phrase(words.month_day, &[self.month(month), &day.to_string()])
            }
            YearlyBase::Nth {
                nth,
                weekday,
                month,
            } => phrase(
                words.nth_weekday,
                &[self.month(month), self.nth(nth), self.weekday(weekday)],
            ),
            YearlyBase::Easter => Rich::text(words.easter),
        };
        let shifted = match rule.offset_days {
            Some(days) if days != 0 => {
                let (one, many) = if days < 0 {
                    words.days_before
                } else {
                    words.days_after
                };
                let count = days.unsigned_abs();
                let template = if count == 1 { one } else { many };
                sentence(template, &[base, Rich::text(&count.to_string())])
            }
            Some(_) | None => base,
        };
        let mut text = sentence(words.every_year, &[shifted]);
        match rule.adjust {
            Some(crate::model::yearly::Adjustment::Observed) => text.push_text(words.observed),
            Some(crate::model::yearly::Adjustment::Substitute) => {
                text.push_text(words.substitute);
            }
            None => {}
        }
        let year = |y: i32| phrase(words.year, &[&y.to_string()]);
        let mut limits = Vec::new();
        if let Some(from) = rule.from {
            limits.push(sentence(words.from_year, &[year(from)]));
        }
        if let Some(until) = rule.until {
            limits.push(sentence(words.until_year, &[year(until)]));
        }
        if !rule.except.is_empty() {
            let years = Rich::join(
                rule.except.iter().map(|y| year(*y)),
                self.values.phrases.list_separator,
            );
            limits.push(sentence(words.except_years, &[years]));
        }
        if !limits.is_empty() {
            text.extend(sentence(
                words.limits,
                &[Rich::join(limits, words.limit_separator)],
            ));
        }
        match &day.note {
            Some(note) => sentence(words.named_rule, &[self.values.text(note), text]),
            None => text,
        }
    }

    fn nth(&self, nth: Nth) -> &'static str {
        let index = match nth {
            Nth::First => 0,
            Nth::Second => 1,
            Nth::Third => 2,
            Nth::Fourth => 3,
            Nth::Fifth => 4,
            Nth::Last => 5,
        };
        self.words.nth.get(index).copied().unwrap_or("")
    }
}

/// A set's days as rows, by date: closed dates in a row with the same
/// note make one row, as in the rule set's resolved lists.
fn rows<'s>(days: &[SetDay<'s>]) -> Vec<Row<'s>> {
    let mut rows: Vec<Row<'s>> = Vec::new();
    for day in days {
        match day.kind {
            SetDayKind::Closed => match rows.last_mut() {
                Some(Row::Closed { to, note, .. })
                    if to.succ_opt() == Some(day.date) && *note == day.note =>
                {
                    *to = day.date;
                }
                Some(_) | None => rows.push(Row::Closed {
                    from: day.date,
                    to: day.date,
                    note: day.note,
                }),
            },
            SetDayKind::Open { like } => rows.push(Row::Open {
                date: day.date,
                like,
                note: day.note,
            }),
        }
    }
    rows
}

#[cfg(test)]
mod tests {
    use crate::model::{Contract, Fill, Lang};
    use crate::render::{markdown, RenderOptions};
    use crate::source::SourceFile;

    const FIXTURE: &str = include_str!("../../tests/fixtures/holiday-sets.sla");

    fn contract(text: &str) -> Contract {
        let checked = crate::front::check(SourceFile::new("h.sla", text));
        checked
            .model
            .unwrap_or_else(|| panic!("{:?}", checked.diagnostics))
    }

    fn english(contract: &Contract) -> String {
        let options = RenderOptions {
            lang: Lang::En,
            draft: true,
            fingerprint: String::new(),
            source_name: "h.sla".into(),
        };
        markdown(contract, &options)
    }

    /// A period in which a set has no day says so, instead of an empty table.
    #[test]
    fn a_set_without_days_in_the_period_says_so() {
        let text = FIXTURE.replace(
            "effective 2026-01-01\n",
            "effective 2030-01-01..2030-12-31\n",
        );
        let en = english(&contract(&text));
        assert!(
            en.contains("“中国法定节假日 2026（春节）” has no holiday or make-up working day from 1 January 2030 to 31 December 2030."),
            "{en}"
        );
        // The yearly set still has its 2030 days, and no rules in words.
        assert!(
            en.contains("| Wednesday 25 December 2030 | Closed | Christmas Day |"),
            "{en}"
        );
        assert!(!en.contains("every year"), "{en}");
    }

    /// With the start still a placeholder the period is unknown: the dated
    /// days of a set are listed over the dates it names, and its yearly
    /// rules are given in words, for every year.
    #[test]
    fn a_placeholder_start_lists_the_dated_days_and_the_rules_in_words() {
        let mut draft = contract(FIXTURE);
        if let Some(effective) = draft.effective.as_mut() {
            effective.from = Fill::Placeholder("生效日期".into());
        }
        let en = english(&draft);
        assert!(
            en.contains(
                "**Holidays and make-up working days, 14 February 2026 to 28 February 2026**"
            ),
            "{en}"
        );
        assert!(en.contains("These holidays apply every year:"), "{en}");
        assert!(en.contains("- Boxing Day: 26 December every year;"), "{en}");
        // The yearly set's one dated day, over the one date it names.
        assert!(
            en.contains("| Tuesday 1 June 2027 | Closed | Spring bank holiday (moved) |"),
            "{en}"
        );
    }
}
