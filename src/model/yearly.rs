//! Yearly holiday rules (`closed yearly RULE` in a holiday set, design §10)
//! and their expansion into dates.
//!
//! A [`YearlyRule`] is what was written — `12-25 substitute`, `4th thu nov
//! +1 day`, `easter -2 days`, `06-19 observed from 2021` — and prints back
//! the same way. [`expand`] gives the days a list of rules closes in any
//! range of dates, so a clock with no end date can ask for any year it
//! needs. A rule belongs to the year of its base date (its *rule year*):
//! `from`, `until` and `except` speak of that year, even when `observed`
//! keeps the day in the year before (a Saturday 1 January 2022 is kept on
//! Friday 31 December 2021, New Year's Day of 2022).

use chrono::{Datelike, Days, NaiveDate, Weekday};
use std::collections::BTreeSet;
use std::fmt;
use std::ops::RangeInclusive;

/// Month names as written in a rule (`nov`), January first.
pub const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// The longest offset a rule may have (`+366 days`): more is refused by
/// the checker, as a day a year or more away from its base is a mistake.
pub const MAX_OFFSET_DAYS: u32 = 366;

/// One `closed yearly …` rule as written.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct YearlyRule {
    pub base: YearlyBase,
    /// `+N days` / `-N days`; `None` when not written (`Some(0)` is a
    /// written `+0 days`, which the checker warns about).
    pub offset_days: Option<i32>,
    pub adjust: Option<Adjustment>,
    /// `from YYYY`: the first rule year.
    pub from: Option<i32>,
    /// `until YYYY`: the last rule year.
    pub until: Option<i32>,
    /// `except YYYY, …`: rule years without the day, in written order.
    pub except: Vec<i32>,
}

/// The date a rule starts from in its year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum YearlyBase {
    /// `MM-DD`. `02-29` gives a day in leap years only.
    MonthDay { month: u32, day: u32 },
    /// `4th thu nov`, `last mon may`. A year without a fifth such weekday
    /// has no day.
    Nth {
        nth: Nth,
        weekday: Weekday,
        month: u32,
    },
    /// Western Easter Sunday (the Gregorian computus).
    Easter,
}

/// Which weekday of the month: `1st` … `5th`, or `last`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Nth {
    First,
    Second,
    Third,
    Fourth,
    Fifth,
    Last,
}

/// What happens to a day that falls on a weekend.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Adjustment {
    /// A Saturday is kept on the Friday before, a Sunday on the Monday
    /// after (the US federal rule).
    Observed,
    /// A Saturday or Sunday moves to the next weekday the set does not
    /// already close (the UK bank-holiday rule).
    Substitute,
}

impl Nth {
    pub const ALL: [Nth; 6] = [
        Nth::First,
        Nth::Second,
        Nth::Third,
        Nth::Fourth,
        Nth::Fifth,
        Nth::Last,
    ];

    /// As written: `1st`, …, `5th`, `last`.
    pub fn word(self) -> &'static str {
        match self {
            Nth::First => "1st",
            Nth::Second => "2nd",
            Nth::Third => "3rd",
            Nth::Fourth => "4th",
            Nth::Fifth => "5th",
            Nth::Last => "last",
        }
    }

    pub fn from_word(word: &str) -> Option<Nth> {
        Nth::ALL.into_iter().find(|n| n.word() == word)
    }

    /// 1 for `1st` … 5 for `5th`; `None` for `last`.
    fn ordinal(self) -> Option<u8> {
        match self {
            Nth::First => Some(1),
            Nth::Second => Some(2),
            Nth::Third => Some(3),
            Nth::Fourth => Some(4),
            Nth::Fifth => Some(5),
            Nth::Last => None,
        }
    }
}

impl Adjustment {
    pub fn word(self) -> &'static str {
        match self {
            Adjustment::Observed => "observed",
            Adjustment::Substitute => "substitute",
        }
    }
}

/// The three-letter name of a month (1 = `jan`), as written in a rule.
pub fn month_word(month: u32) -> &'static str {
    month
        .checked_sub(1)
        .and_then(|i| MONTHS.get(i as usize))
        .copied()
        .unwrap_or("???")
}

/// The month of a three-letter name (`nov` = 11).
pub fn month_of_word(word: &str) -> Option<u32> {
    MONTHS
        .iter()
        .position(|m| *m == word)
        .and_then(|i| u32::try_from(i + 1).ok())
}

/// The greatest day `MM-DD` can have in any year (29 for February), or
/// `None` for a month that does not exist.
pub fn max_day_of_month(month: u32) -> Option<u32> {
    match month {
        2 => Some(29),
        4 | 6 | 9 | 11 => Some(30),
        1 | 3 | 5 | 7 | 8 | 10 | 12 => Some(31),
        _ => None,
    }
}

/// Western Easter Sunday of `year` (the anonymous Gregorian algorithm,
/// "Meeus/Jones/Butcher").
pub fn easter(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b.div_euclid(4);
    let e = b.rem_euclid(4);
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c.div_euclid(4);
    let k = c.rem_euclid(4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l).div_euclid(451);
    let month = (h + l - 7 * m + 114).div_euclid(31);
    let day = (h + l - 7 * m + 114).rem_euclid(31) + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// `date` moved by `days` (negative: earlier), if still a date.
fn shifted(date: NaiveDate, days: i32) -> Option<NaiveDate> {
    let by = Days::new(u64::from(days.unsigned_abs()));
    if days < 0 {
        date.checked_sub_days(by)
    } else {
        date.checked_add_days(by)
    }
}

fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

impl YearlyBase {
    /// The base date in `year`, if that year has one.
    pub fn date_in(self, year: i32) -> Option<NaiveDate> {
        match self {
            YearlyBase::MonthDay { month, day } => NaiveDate::from_ymd_opt(year, month, day),
            YearlyBase::Nth {
                nth,
                weekday,
                month,
            } => match nth.ordinal() {
                Some(n) => NaiveDate::from_weekday_of_month_opt(year, month, weekday, n),
                None => {
                    // The last such weekday: count back from the month's last day.
                    let first_of_next = if month == 12 {
                        NaiveDate::from_ymd_opt(year.checked_add(1)?, 1, 1)?
                    } else {
                        NaiveDate::from_ymd_opt(year, month.checked_add(1)?, 1)?
                    };
                    let last = first_of_next.pred_opt()?;
                    let back = (7 + last.weekday().num_days_from_monday()
                        - weekday.num_days_from_monday())
                        % 7;
                    last.checked_sub_days(Days::new(u64::from(back)))
                }
            },
            YearlyBase::Easter => easter(year),
        }
    }
}

impl YearlyRule {
    /// A rule with only its base: every year, no offset, no adjustment.
    pub fn every_year(base: YearlyBase) -> YearlyRule {
        YearlyRule {
            base,
            offset_days: None,
            adjust: None,
            from: None,
            until: None,
            except: Vec::new(),
        }
    }

    /// Whether the limits let the rule give a day in rule year `year`.
    pub fn applies_in(&self, year: i32) -> bool {
        self.from.is_none_or(|from| year >= from)
            && self.until.is_none_or(|until| year <= until)
            && !self.except.contains(&year)
    }

    /// The day of rule year `year` before any weekend adjustment: the base
    /// date moved by the offset. `None` when the limits exclude the year or
    /// the year has no such date.
    pub fn unadjusted_in(&self, year: i32) -> Option<NaiveDate> {
        if !self.applies_in(year) {
            return None;
        }
        let base = self.base.date_in(year)?;
        shifted(base, self.offset_days.unwrap_or(0))
    }

    /// The day of rule year `year` with `observed` applied (a `substitute`
    /// day is left where it falls: where it moves depends on the set's other
    /// days, which only [`expand`] knows).
    fn observed_in(&self, year: i32) -> Option<NaiveDate> {
        let day = self.unadjusted_in(year)?;
        match (self.adjust, day.weekday()) {
            (Some(Adjustment::Observed), Weekday::Sat) => day.pred_opt(),
            (Some(Adjustment::Observed), Weekday::Sun) => day.succ_opt(),
            _ => Some(day),
        }
    }

    /// How many rule years around a date can reach it: an offset of a year
    /// or more reaches further. Capped: the checker refuses offsets of more
    /// than [`MAX_OFFSET_DAYS`], so a longer one (a model built by hand)
    /// only loses days, never makes the expansion walk millions of years.
    fn reach_years(&self) -> i32 {
        let years = self.offset_days.unwrap_or(0).unsigned_abs().div_ceil(365);
        i32::try_from(years.min(2)).unwrap_or(2) + 1
    }
}

/// One day a rule gives: the date, and the index of the rule in the list
/// given to [`expand`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct YearlyDate {
    pub date: NaiveDate,
    pub rule: usize,
}

/// The days `rules` close within `range`, sorted by date (then by rule).
///
/// `closed_by_set` says whether the set already closes a date by its other
/// lines (dated `closed` lines); a `substitute` day never moves onto such a
/// date. The expansion first takes every rule's day in each rule year (with
/// `observed` applied), then moves the `substitute` days that fall on a
/// weekend, year by year and in rule order, each to the next weekday that
/// is not closed by then — so a substitute Christmas goes before a Boxing
/// Day that follows it. Two rules giving the same date give it twice (the
/// set lists both notes).
pub fn expand(
    rules: &[&YearlyRule],
    range: RangeInclusive<NaiveDate>,
    closed_by_set: impl Fn(NaiveDate) -> bool,
) -> Vec<YearlyDate> {
    let (start, end) = (*range.start(), *range.end());
    if start > end || rules.is_empty() {
        return Vec::new();
    }
    // Rule years that can reach the range: observed may move a day into the
    // year before, a substitute into the year after.
    let reach = rules.iter().map(|r| r.reach_years()).max().unwrap_or(1);
    let years = start.year().saturating_sub(reach)..=end.year().saturating_add(reach);

    let mut days: Vec<YearlyDate> = Vec::new();
    let mut to_move: Vec<(i32, usize, NaiveDate)> = Vec::new();
    for year in years.clone() {
        for (index, rule) in rules.iter().enumerate() {
            let Some(date) = rule.observed_in(year) else {
                continue;
            };
            if rule.adjust == Some(Adjustment::Substitute) && is_weekend(date) {
                to_move.push((year, index, date));
            } else {
                days.push(YearlyDate { date, rule: index });
            }
        }
    }

    let mut closed: BTreeSet<NaiveDate> = days.iter().map(|d| d.date).collect();
    for (_, index, weekend_day) in to_move {
        let mut date = weekend_day;
        while let Some(next) = date.succ_opt() {
            date = next;
            if !is_weekend(date) && !closed.contains(&date) && !closed_by_set(date) {
                closed.insert(date);
                days.push(YearlyDate { date, rule: index });
                break;
            }
        }
    }

    days.retain(|d| range.contains(&d.date));
    days.sort();
    days
}

/// An offset as written: `+1 day`, `-2 days`, `+0 days`.
pub fn offset_text(days: i64) -> String {
    let sign = if days < 0 { '-' } else { '+' };
    let count = days.unsigned_abs();
    let unit = if count == 1 { "day" } else { "days" };
    format!("{sign}{count} {unit}")
}

/// The limits as written, each after a space: ` from 2021 until 2030
/// except 2020, 2022` (empty without limits).
pub fn limits_text(from: Option<i32>, until: Option<i32>, except: &[i32]) -> String {
    let mut out = String::new();
    if let Some(from) = from {
        out.push_str(&format!(" from {from}"));
    }
    if let Some(until) = until {
        out.push_str(&format!(" until {until}"));
    }
    if !except.is_empty() {
        let years: Vec<String> = except.iter().map(i32::to_string).collect();
        out.push_str(&format!(" except {}", years.join(", ")));
    }
    out
}

/// As written: `12-25`, `4th thu nov`, `easter`.
impl fmt::Display for YearlyBase {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            YearlyBase::MonthDay { month, day } => write!(f, "{month:02}-{day:02}"),
            YearlyBase::Nth {
                nth,
                weekday,
                month,
            } => {
                let day = crate::model::WEEKDAYS
                    .get(weekday.num_days_from_monday() as usize)
                    .copied()
                    .unwrap_or("???");
                write!(f, "{} {day} {}", nth.word(), month_word(*month))
            }
            YearlyBase::Easter => f.write_str("easter"),
        }
    }
}

/// As written, in the order of the grammar: base, offset, adjustment,
/// limits (`12-25 substitute`, `4th thu nov +1 day`, `06-19 observed from
/// 2021`, `last mon may except 2020, 2022`).
impl fmt::Display for YearlyRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.base)?;
        if let Some(days) = self.offset_days {
            write!(f, " {}", offset_text(i64::from(days)))?;
        }
        if let Some(adjust) = self.adjust {
            write!(f, " {}", adjust.word())?;
        }
        f.write_str(&limits_text(self.from, self.until, &self.except))
    }
}

#[cfg(test)]
#[path = "yearly_tests.rs"]
mod tests;
