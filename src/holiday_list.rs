//! The listing of `slac holidays show`: the expanded days of holiday sets,
//! one a line (`2027-11-25 Thu closed Thanksgiving Day [us-federal]`) or
//! as JSON (`[{"date", "weekday", "kind", "note", "set"}]`), by date.
//!
//! The days come from each set's one expansion ([`HolidaySet::days_in`]),
//! the same the clock and the rule set read.

use crate::model::WEEKDAYS;
use crate::model::{HolidaySet, SetDayKind};
use chrono::{Datelike, NaiveDate};
use serde::Serialize;
use std::ops::RangeInclusive;

/// One day of a set, as listed.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct ListedDay {
    pub date: NaiveDate,
    /// `mon` … `sun` as in the language, capitalised for people: `Thu`.
    pub weekday: String,
    /// `closed` or `open`.
    pub kind: &'static str,
    /// The note of the line that gives the day (`null` without one).
    pub note: Option<String>,
    /// The set's id.
    pub set: String,
}

/// The days of `sets` within `range`, by date, then set, then kind.
pub fn list<'a>(
    sets: impl IntoIterator<Item = &'a HolidaySet>,
    range: RangeInclusive<NaiveDate>,
) -> Vec<ListedDay> {
    let mut days: Vec<ListedDay> = sets
        .into_iter()
        .flat_map(|set| {
            set.days_in(*range.start(), *range.end())
                .into_iter()
                .map(move |day| ListedDay {
                    date: day.date,
                    weekday: weekday_word(day.date),
                    kind: match day.kind {
                        SetDayKind::Closed => "closed",
                        SetDayKind::Open { .. } => "open",
                    },
                    note: day.note.map(|n| n.to_string()),
                    set: set.id.to_string(),
                })
        })
        .collect();
    days.sort_by(|a, b| (a.date, &a.set, a.kind).cmp(&(b.date, &b.set, b.kind)));
    days
}

/// `Thu`: the language's weekday word, capitalised.
fn weekday_word(date: NaiveDate) -> String {
    let word = WEEKDAYS
        .get(date.weekday().num_days_from_monday() as usize)
        .copied()
        .unwrap_or("???");
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

/// One line a day: `2027-11-25 Thu closed Thanksgiving Day [us-federal]`.
pub fn text(days: &[ListedDay]) -> String {
    let mut out = String::new();
    for day in days {
        out.push_str(&format!("{} {} {}", day.date, day.weekday, day.kind));
        if let Some(note) = &day.note {
            out.push(' ');
            out.push_str(note);
        }
        out.push_str(&format!(" [{}]\n", day.set));
    }
    out
}

/// The JSON array, pretty-printed, ending with a newline.
pub fn json(days: &[ListedDay]) -> String {
    let mut out = serde_json::to_string_pretty(days).unwrap_or_else(|_| "[]".into());
    out.push('\n');
    out
}
