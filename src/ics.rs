//! `slac holidays import`: an iCalendar (RFC 5545) feed, as public-holiday
//! calendars are published (Google's, Outlook's, the Chinese 调休 feeds), to
//! a holiday library with one set (design §10).
//!
//! The `icalendar` crate parses the feed (content lines, parameters,
//! components); this module decides what each event means for a set:
//! - an all-day event (`DTSTART;VALUE=DATE`) is a `closed` day or range
//!   (`DTEND` is exclusive; `DURATION:P3D` counts too), or an `open` day
//!   when its summary matches `--workdays`;
//! - a one-day yearly `RRULE` every year (`BYMONTH`+`BYMONTHDAY`, or
//!   `BYMONTH`+`BYDAY` such as `4TH`/`-1MO`; `UNTIL`, `EXDATE`) becomes a
//!   `closed yearly` line (`MM-DD`, `NTH WEEKDAY MONTH`, with `from` the
//!   year of `DTSTART`, `until` and `except` from `UNTIL` and `EXDATE`), so
//!   the set keeps counting in any year; any other yearly rule (`INTERVAL`,
//!   `COUNT`, several days, a make-up day) is expanded over `--years` into
//!   dated days;
//! - a timed event, a cancelled one, a rule that is not yearly: skipped,
//!   each with a note for the person importing.
//!
//! Days closed twice (two events on one date) are listed once with both
//! notes. The library comes out as `slac fmt` writes it.

use crate::model::yearly::{max_day_of_month, Nth, YearlyBase, YearlyRule};
use chrono::{Datelike, NaiveDate, TimeDelta, Weekday};
use regex::Regex;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::str::FromStr;

/// What `slac holidays import` was asked for.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// The set's id (`cn-2026`).
    pub id: String,
    /// The set's label; else the feed's `X-WR-CALNAME`, else the id.
    pub label: Option<String>,
    /// Summaries that make an event a make-up working day (`班|补班|上班`).
    pub workdays: Option<Regex>,
    /// The years to keep dated days in and to expand rules over.
    pub years: Option<Years>,
    /// The feed's file name, for the library's first comment.
    pub source_name: String,
}

/// `--years A..B` (or one year `A`), inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Years {
    pub first: i32,
    pub last: i32,
}

impl Years {
    fn contains(self, date: NaiveDate) -> bool {
        (self.first..=self.last).contains(&date.year())
    }
}

/// The years a set can hold: the clock's own range.
const YEAR_LIMITS: (i32, i32) = (1900, 2999);

impl FromStr for Years {
    type Err = String;

    fn from_str(text: &str) -> Result<Years, String> {
        let year = |t: &str| -> Result<i32, String> {
            let t = t.trim();
            let year: i32 = t
                .parse()
                .ok()
                .filter(|_| t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()))
                .ok_or_else(|| format!("`{t}` is not a year such as 2026"))?;
            if !(YEAR_LIMITS.0..=YEAR_LIMITS.1).contains(&year) {
                return Err(format!(
                    "{year} is outside the years {}..{}",
                    YEAR_LIMITS.0, YEAR_LIMITS.1
                ));
            }
            Ok(year)
        };
        let (first, last) = match text.split_once("..") {
            Some((a, b)) => (year(a)?, year(b)?),
            None => {
                let y = year(text)?;
                (y, y)
            }
        };
        if last < first {
            return Err(format!("`{text}` ends before it starts"));
        }
        Ok(Years { first, last })
    }
}

/// The library written, and what was left out of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    /// The library's text, formatted as `slac fmt` writes it.
    pub library: String,
    /// One line per event skipped, for standard error.
    pub skipped: Vec<String>,
    /// How many events became lines of the set.
    pub imported: usize,
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum ImportError {
    #[error("the file is not UTF-8 text, as iCalendar must be")]
    NotUtf8,
    #[error("not an iCalendar file: it does not start with `BEGIN:VCALENDAR`")]
    NotIcs,
    #[error("cannot read the iCalendar file: {0}")]
    Syntax(String),
    #[error(
        "`{0}` is not a set id: an id starts with a letter and holds letters, digits, `-` and `_`"
    )]
    BadId(String),
    #[error("the feed has no all-day event to import ({0} skipped)")]
    Nothing(usize),
    /// The library did not check: a bug of the import, never of the feed.
    #[error("internal error: the imported library does not check ({0}); please report it")]
    Internal(String),
}

/// Converts an iCalendar feed (its bytes) to a holiday library.
pub fn import(bytes: &[u8], options: &ImportOptions) -> Result<Imported, ImportError> {
    if !is_id(&options.id) {
        return Err(ImportError::BadId(options.id.clone()));
    }
    let text = unfold(bytes)?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    if !text
        .trim_start()
        .get(..15)
        .is_some_and(|head| head.eq_ignore_ascii_case("BEGIN:VCALENDAR"))
    {
        return Err(ImportError::NotIcs);
    }
    let calendar = icalendar::parser::read_calendar(text).map_err(|e| {
        ImportError::Syntax(e.lines().next().unwrap_or("unreadable").trim().to_string())
    })?;
    let mut set = Set::default();
    let mut skipped = Vec::new();
    let mut imported = 0;
    for event in calendar
        .components
        .iter()
        .filter(|c| c.name.as_str().eq_ignore_ascii_case("VEVENT"))
    {
        match read_event(event).and_then(|e| set.add(&e, options)) {
            Ok(()) => imported += 1,
            Err(why) => skipped.push(why),
        }
    }
    if set.is_empty() {
        return Err(ImportError::Nothing(skipped.len()));
    }
    let feed_name = calendar
        .properties
        .iter()
        .find(|p| p.name.as_str().eq_ignore_ascii_case("X-WR-CALNAME"))
        .map(|p| p.val.clone().unescape_text().as_str().to_string());
    let label = options
        .label
        .clone()
        .or(feed_name)
        .unwrap_or_else(|| options.id.clone());
    let written = set.write(options, &label, imported, skipped.len());
    let library = checked(&written)?;
    Ok(Imported {
        library,
        skipped,
        imported,
    })
}

/// The library formatted, once it checks without an error.
fn checked(text: &str) -> Result<String, ImportError> {
    let source = crate::SourceFile::new("imported.sla", text.to_string());
    let result = crate::check(source.clone());
    if let Some(error) = result.diagnostics.iter().find(|d| d.is_error()) {
        return Err(ImportError::Internal(format!(
            "{}: {}",
            error.code.as_str(),
            error.message
        )));
    }
    crate::format::format_source(&source).map_err(|e| {
        ImportError::Internal(match e {
            crate::format::FormatError::Syntax(found) => found
                .first()
                .map_or_else(|| "a syntax error".into(), |d| d.message.clone()),
            crate::format::FormatError::Changed(why) => why,
        })
    })
}

fn is_id(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// The feed's text with folded lines joined (RFC 5545 §3.1: a line break
/// followed by a space or tab continues the line). Joined on bytes, before
/// decoding: a feed folded inside a multi-byte character (75 octets) is
/// valid UTF-8 only once unfolded.
fn unfold(bytes: &[u8]) -> Result<String, ImportError> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let fold = match (b, bytes.get(i + 1), bytes.get(i + 2)) {
            (b'\r', Some(b'\n'), Some(b' ' | b'\t')) => 3,
            (b'\n', Some(b' ' | b'\t'), _) => 2,
            _ => 0,
        };
        if fold > 0 {
            i += fold;
            continue;
        }
        out.push(b);
        i += 1;
    }
    String::from_utf8(out).map_err(|_| ImportError::NotUtf8)
}

/// What an event says, read from its properties.
struct Event {
    summary: String,
    /// The first day (all-day events only).
    start: NaiveDate,
    /// How many days it lasts (at least one).
    days: i64,
    rule: Option<Rule>,
    /// `EXDATE`s: occurrences left out.
    except: Vec<NaiveDate>,
}

/// A yearly `RRULE`, as far as a set can use it.
struct Rule {
    interval: i32,
    count: Option<i32>,
    until: Option<NaiveDate>,
    base: YearlyBase,
}

/// The event, or why it is skipped (a line for standard error).
fn read_event(event: &icalendar::parser::Component<'_>) -> Result<Event, String> {
    let prop = |name: &str| {
        event
            .properties
            .iter()
            .find(|p| p.name.as_str().eq_ignore_ascii_case(name))
    };
    let summary = prop("SUMMARY")
        .map(|p| one_line(p.val.clone().unescape_text().as_str()))
        .unwrap_or_default();
    let shown = if summary.is_empty() {
        "an event without a summary".to_string()
    } else {
        format!("\"{summary}\"")
    };
    if prop("STATUS").is_some_and(|p| p.val.as_str().eq_ignore_ascii_case("CANCELLED")) {
        return Err(format!("skipped {shown}: it is cancelled"));
    }
    let Some(dtstart) = prop("DTSTART") else {
        return Err(format!("skipped {shown}: it has no DTSTART"));
    };
    let value = dtstart.val.as_str().trim();
    let Some(start) = all_day(dtstart) else {
        return Err(format!(
            "skipped {shown} at {value}: a timed event (a holiday set holds whole days)"
        ));
    };
    let days = match (prop("DTEND"), prop("DURATION")) {
        (Some(end), _) => date_of(end.val.as_str())
            .map(|end| (end - start).num_days())
            .unwrap_or(1),
        (None, Some(duration)) => duration_days(duration.val.as_str()).unwrap_or(1),
        (None, None) => 1,
    }
    .max(1);
    let except = event
        .properties
        .iter()
        .filter(|p| p.name.as_str().eq_ignore_ascii_case("EXDATE"))
        .flat_map(|p| p.val.as_str().split(','))
        .filter_map(date_of)
        .collect();
    let rule = match prop("RRULE") {
        Some(rrule) => Some(
            read_rule(rrule.val.as_str(), start)
                .map_err(|why| format!("skipped {shown} ({}): {why}", rrule.val.as_str()))?,
        ),
        None => None,
    };
    Ok(Event {
        summary,
        start,
        days,
        rule,
        except,
    })
}

/// The date of an all-day `DTSTART` (`VALUE=DATE`, or a bare 8-digit date).
fn all_day(dtstart: &icalendar::parser::Property<'_>) -> Option<NaiveDate> {
    let value = dtstart.val.as_str().trim();
    let declared = dtstart.params.iter().any(|p| {
        p.key.as_str().eq_ignore_ascii_case("VALUE")
            && p.val
                .as_ref()
                .is_some_and(|v| v.as_str().eq_ignore_ascii_case("DATE"))
    });
    (declared || value.len() == 8)
        .then(|| date_of(value))
        .flatten()
}

/// `20260101` (the first 8 characters of a DATE or DATE-TIME).
fn date_of(value: &str) -> Option<NaiveDate> {
    let digits = value.trim().get(..8)?;
    NaiveDate::parse_from_str(digits, "%Y%m%d").ok()
}

/// The whole days of a `DURATION` such as `P1D`, `P2W`.
fn duration_days(value: &str) -> Option<i64> {
    let rest = value.trim().strip_prefix('P')?;
    let (number, unit) = rest.split_at(rest.find(|c: char| !c.is_ascii_digit())?);
    let n: i64 = number.parse().ok()?;
    match unit {
        "D" => Some(n),
        "W" => Some(n * 7),
        _ => None,
    }
}

/// A summary on one line: line breaks and tabs become spaces.
fn one_line(text: &str) -> String {
    text.split(['\n', '\r', '\t'])
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .trim()
        .to_string()
}

/// A yearly `RRULE`, or why a set cannot use it.
fn read_rule(value: &str, start: NaiveDate) -> Result<Rule, String> {
    let mut parts: BTreeMap<String, String> = BTreeMap::new();
    for part in value.split(';').filter(|p| !p.is_empty()) {
        let (key, value) = part
            .split_once('=')
            .ok_or_else(|| format!("`{part}` is not KEY=VALUE"))?;
        parts.insert(
            key.trim().to_ascii_uppercase(),
            value.trim().to_ascii_uppercase(),
        );
    }
    let mut take = |key: &str| parts.remove(key);
    match take("FREQ").as_deref() {
        Some("YEARLY") => {}
        Some(other) => {
            return Err(format!(
                "a FREQ={other} rule is not a yearly holiday; import its days as dated events"
            ))
        }
        None => return Err("the rule has no FREQ".into()),
    }
    let number = |v: Option<String>, what: &str| -> Result<Option<i32>, String> {
        v.map(|v| {
            v.parse::<i32>()
                .ok()
                .filter(|n| *n > 0)
                .ok_or_else(|| format!("{what} `{v}` is not a positive number"))
        })
        .transpose()
    };
    let interval = number(take("INTERVAL"), "INTERVAL")?.unwrap_or(1);
    let count = number(take("COUNT"), "COUNT")?;
    let until = match take("UNTIL") {
        Some(u) => Some(date_of(&u).ok_or_else(|| format!("UNTIL `{u}` is not a date"))?),
        None => None,
    };
    let single = |v: Option<String>, what: &str| -> Result<Option<String>, String> {
        match v {
            Some(v) if v.contains(',') => Err(format!("{what}={v} lists several days")),
            other => Ok(other),
        }
    };
    let month = match single(take("BYMONTH"), "BYMONTH")? {
        Some(m) => m
            .parse::<u32>()
            .ok()
            .filter(|m| (1..=12).contains(m))
            .ok_or_else(|| format!("BYMONTH `{m}` is not a month"))?,
        None => start.month(),
    };
    let month_day = single(take("BYMONTHDAY"), "BYMONTHDAY")?;
    let by_day = single(take("BYDAY"), "BYDAY")?;
    take("WKST");
    if let Some(other) = parts.keys().next() {
        return Err(format!("{other} is not a shape a yearly holiday takes"));
    }
    let base = match (month_day, by_day) {
        (Some(_), Some(_)) => return Err("BYMONTHDAY and BYDAY together".into()),
        (Some(day), None) => {
            let day = day
                .parse::<u32>()
                .ok()
                .filter(|d| (1..=31).contains(d))
                .ok_or_else(|| format!("BYMONTHDAY `{day}` is not a day of the month"))?;
            YearlyBase::MonthDay { month, day }
        }
        (None, Some(by_day)) => {
            let (nth, weekday) = nth_weekday(&by_day).ok_or_else(|| {
                format!("BYDAY `{by_day}` is not a weekday of the month such as 4TH or -1MO")
            })?;
            YearlyBase::Nth {
                nth,
                weekday,
                month,
            }
        }
        (None, None) => YearlyBase::MonthDay {
            month,
            day: start.day(),
        },
    };
    Ok(Rule {
        interval,
        count,
        until,
        base,
    })
}

/// `4TH` → the 4th Thursday, `-1MO` → the last Monday, `2MO` → the 2nd.
fn nth_weekday(by_day: &str) -> Option<(Nth, Weekday)> {
    let split = by_day.len().checked_sub(2)?;
    let (n, day) = (by_day.get(..split)?, by_day.get(split..)?);
    let weekday = match day {
        "MO" => Weekday::Mon,
        "TU" => Weekday::Tue,
        "WE" => Weekday::Wed,
        "TH" => Weekday::Thu,
        "FR" => Weekday::Fri,
        "SA" => Weekday::Sat,
        "SU" => Weekday::Sun,
        _ => return None,
    };
    let nth = match n.strip_prefix('+').unwrap_or(n) {
        "1" => Nth::First,
        "2" => Nth::Second,
        "3" => Nth::Third,
        "4" => Nth::Fourth,
        "5" => Nth::Fifth,
        "-1" => Nth::Last,
        _ => return None,
    };
    Some((nth, weekday))
}

/// The `closed yearly` rule an event's RRULE is, when one says the same:
/// a one-day closed event every year (no `INTERVAL`, no `COUNT`) on a date
/// every year can have. `from` is the first year it gives a day on or
/// after `DTSTART` (past any `EXDATE`s at the start), `until` the last on or
/// before `UNTIL`, `except` the years whose day an `EXDATE` leaves out.
fn as_yearly(event: &Event, rule: &Rule, workday: bool) -> Option<YearlyRule> {
    if workday || event.days != 1 || rule.interval != 1 || rule.count.is_some() {
        return None;
    }
    if let YearlyBase::MonthDay { month, day } = rule.base {
        if max_day_of_month(month).is_none_or(|max| day > max) {
            return None;
        }
    }
    let base = rule.base;
    let gives = |year: i32| base.date_in(year);
    let start_year = event.start.year();
    let mut from = match gives(start_year) {
        Some(day) if day < event.start => start_year.checked_add(1)?,
        Some(_) | None => start_year,
    };
    let until = match rule.until {
        Some(until) => Some(match gives(until.year()) {
            Some(day) if day > until => until.year().checked_sub(1)?,
            Some(_) | None => until.year(),
        }),
        None => None,
    };
    let mut except: Vec<i32> = event
        .except
        .iter()
        .filter(|date| gives(date.year()) == Some(**date))
        .map(Datelike::year)
        .filter(|year| *year >= from && until.is_none_or(|until| *year <= until))
        .collect();
    except.sort_unstable();
    except.dedup();
    // Excepted first years are years before the rule starts.
    while except.first() == Some(&from) {
        except.remove(0);
        from = from.checked_add(1)?;
    }
    if until.is_some_and(|until| until < from) {
        return None;
    }
    Some(YearlyRule {
        except,
        from: Some(from),
        until,
        ..YearlyRule::every_year(base)
    })
}

/// The dates a rule gives from the event's start through `last_year`,
/// `COUNT`, `UNTIL` and `EXDATE` followed.
fn occurrences(event: &Event, rule: &Rule, last_year: i32) -> Vec<NaiveDate> {
    let mut days = Vec::new();
    let mut occurrences = 0;
    let first = event.start.year();
    for year in (first..=last_year).step_by(usize::try_from(rule.interval).unwrap_or(1)) {
        if rule.count.is_some_and(|count| occurrences >= count) {
            break;
        }
        let Some(day) = rule.base.date_in(year) else {
            continue;
        };
        if day < event.start || rule.until.is_some_and(|until| day > until) {
            continue;
        }
        occurrences += 1;
        if !event.except.contains(&day) {
            days.push(day);
        }
    }
    days
}

/// The set being built: days by date, each with its notes, and the yearly
/// rules with theirs.
#[derive(Default)]
struct Set {
    closed: BTreeMap<NaiveDate, Vec<String>>,
    open: BTreeMap<NaiveDate, Vec<String>>,
    yearly: Vec<(YearlyRule, String)>,
}

impl Set {
    fn is_empty(&self) -> bool {
        self.closed.is_empty() && self.open.is_empty() && self.yearly.is_empty()
    }

    /// Adds an event, or says why it is skipped.
    fn add(&mut self, event: &Event, options: &ImportOptions) -> Result<(), String> {
        let workday = options
            .workdays
            .as_ref()
            .is_some_and(|re| re.is_match(&event.summary));
        let Some(rule) = &event.rule else {
            let kept = self.add_days(event.start, event, workday, options.years);
            return if kept {
                Ok(())
            } else {
                Err(format!(
                    "left out \"{}\" on {}: outside --years",
                    event.summary, event.start
                ))
            };
        };
        if let Some(yearly) = as_yearly(event, rule, workday) {
            self.yearly.push((yearly, event.summary.clone()));
            return Ok(());
        }
        let Some(years) = options.years else {
            return Err(format!(
                "skipped \"{}\": a yearly rule no `closed yearly` line can say; give --years A..B to expand it into dated days",
                event.summary
            ));
        };
        for day in occurrences(event, rule, years.last) {
            self.add_days(day, event, workday, Some(years));
        }
        Ok(())
    }

    /// The event's days from `start`, those within `years`; false when none was.
    fn add_days(
        &mut self,
        start: NaiveDate,
        event: &Event,
        workday: bool,
        years: Option<Years>,
    ) -> bool {
        let days = if workday {
            &mut self.open
        } else {
            &mut self.closed
        };
        let mut kept = false;
        for offset in 0..event.days {
            let Some(day) = start.checked_add_signed(TimeDelta::days(offset)) else {
                break;
            };
            if years.is_some_and(|y| !y.contains(day)) {
                continue;
            }
            let notes = days.entry(day).or_default();
            if !event.summary.is_empty() && !notes.contains(&event.summary) {
                notes.push(event.summary.clone());
            }
            kept = true;
        }
        kept
    }

    /// The library's text (formatted afterwards by `slac fmt`'s engine).
    fn write(
        &self,
        options: &ImportOptions,
        label: &str,
        imported: usize,
        skipped: usize,
    ) -> String {
        let mut lines: Vec<(NaiveDate, String)> = Vec::new();
        // Closed days: consecutive dates with the same notes are one range.
        let mut run: Option<(NaiveDate, NaiveDate, &Vec<String>)> = None;
        let mut closed_line = |(from, to, notes): (NaiveDate, NaiveDate, &Vec<String>)| {
            let range = if from == to {
                from.to_string()
            } else {
                format!("{from}..{to}")
            };
            lines.push((from, format!("closed {range}{}", note(notes))));
        };
        for (&day, notes) in &self.closed {
            run = match run {
                Some((from, to, same)) if same == notes && to.succ_opt() == Some(day) => {
                    Some((from, day, same))
                }
                Some(done) => {
                    closed_line(done);
                    Some((day, day, notes))
                }
                None => Some((day, day, notes)),
            };
        }
        if let Some(done) = run {
            closed_line(done);
        }
        // Open days: dates in a row with the same notes are one line.
        let mut group: Vec<(NaiveDate, &Vec<String>)> = Vec::new();
        let mut open_line = |group: &[(NaiveDate, &Vec<String>)]| {
            if let Some(&(first, notes)) = group.first() {
                let dates: Vec<String> = group.iter().map(|(d, _)| d.to_string()).collect();
                lines.push((first, format!("open {}{}", dates.join(", "), note(notes))));
            }
        };
        for (&day, notes) in &self.open {
            if group.last().is_some_and(|(_, last)| *last != notes) {
                open_line(&group);
                group.clear();
            }
            group.push((day, notes));
        }
        open_line(&group);
        lines.sort_by_key(|(date, _)| *date);
        // Yearly rules after the dated days, in the order of their day in
        // a year (a leap year, so that 02-29 has one), each once.
        let mut yearly: Vec<&(YearlyRule, String)> = self.yearly.iter().collect();
        yearly.sort_by_key(|(rule, _)| rule.base.date_in(2024).map(|d| d.ordinal()));
        yearly.dedup();
        for (rule, summary) in yearly {
            let notes = [summary.clone()];
            lines.push((
                NaiveDate::MAX,
                format!("closed yearly {rule}{}", note(&notes)),
            ));
        }

        let mut out = String::new();
        let _ = writeln!(
            out,
            "// Imported by `slac holidays import` from {}: {imported} events, {skipped} skipped.",
            one_line(&options.source_name)
        );
        let _ = writeln!(out, "// Review the days before a contract uses this set.");
        let _ = writeln!(
            out,
            "holidays {} {} {{",
            options.id,
            crate::escape::sla_string(label)
        );
        for (_, line) in &lines {
            let _ = writeln!(out, "  {line}");
        }
        out.push_str("}\n");
        out
    }
}

/// ` "note"` of the notes of one date, or nothing.
fn note(notes: &[String]) -> String {
    let notes: Vec<&str> = notes
        .iter()
        .map(String::as_str)
        .filter(|n| !n.is_empty())
        .collect();
    if notes.is_empty() {
        String::new()
    } else {
        format!(" {}", crate::escape::sla_string(&notes.join(" / ")))
    }
}

#[cfg(test)]
#[path = "ics_tests.rs"]
mod tests;
