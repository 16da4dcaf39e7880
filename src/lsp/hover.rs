//! Hover: what a name means, from the model of the last check without
//! errors — a priority's targets in words with the due times of a request
//! received now (the clock, as `slac due` says them), a calendar's week and
//! its next closed days, a holiday set's days this year, a channel's hours,
//! a clause's text.

use super::analysis::Analysis;
use super::names::NameKind;
use super::navigation::Found;
use super::positions;
use super::requests::Refusal;
use super::state::State;
use crate::model::{Calendar, Contract, HolidaySet, ListedKind, TimeSpan, WEEKDAYS};
use chrono::{Datelike, Days, NaiveDate, Utc};
use lsp_types::{Hover, HoverContents, HoverParams, MarkupContent, MarkupKind};

/// How many of a calendar's next closed days a hover lists.
const NEXT_CLOSED: usize = 5;

pub fn hover(state: &State, params: HoverParams) -> Result<Option<Hover>, Refusal> {
    let at = params.text_document_position_params;
    let Some(found) = Found::at(state, &at.text_document.uri, at.position) else {
        return Ok(None);
    };
    let name = &found.name;
    let text = match words(&found.analysis, name.kind, &name.name) {
        Some(text) => text,
        None => format!(
            "{} `{}` — no checked model yet: fix the errors to see what it means",
            name.kind.word(),
            name.name
        ),
    };
    Ok(Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: text,
        }),
        range: Some(positions::range(
            found.analysis.source(name.file),
            name.span,
        )),
    }))
}

/// The hover text of a name, when the model has it.
fn words(analysis: &Analysis, kind: NameKind, name: &str) -> Option<String> {
    let today = Utc::now().date_naive();
    if kind == NameKind::HolidaySet {
        return sets(analysis)
            .into_iter()
            .find(|s| s.id.as_str() == name)
            .map(|set| set_words(set, today.year()));
    }
    let contract = analysis.model.as_ref()?;
    match kind {
        NameKind::Priority => priority_words(contract, name),
        NameKind::Calendar => contract
            .calendars
            .iter()
            .find(|c| c.id.as_str() == name)
            .map(|c| calendar_words(c, today)),
        NameKind::Channel => {
            let channel = contract.channels.iter().find(|c| c.id.as_str() == name)?;
            let hours = match &channel.hours {
                Some(calendar) => format!("staffed on calendar `{calendar}`"),
                None => "staffed 24x7".into(),
            };
            Some(format!("**channel `{name}`** {}\n\n{hours}", channel.label))
        }
        NameKind::Clause => {
            let clause = contract
                .exclusions
                .as_ref()?
                .clauses
                .iter()
                .find(|c| c.id.as_str() == name)?;
            Some(format!("**clause `{name}`**\n\n{}", clause.text))
        }
        NameKind::HolidaySet => None,
    }
}

/// The sets a check knows: a contract's own and its calendars', or a
/// library's.
fn sets(analysis: &Analysis) -> Vec<&HolidaySet> {
    let mut sets: Vec<&HolidaySet> = Vec::new();
    if let Some(contract) = &analysis.model {
        sets.extend(&contract.holidays);
        sets.extend(contract.calendars.iter().flat_map(|c| &c.holidays));
    }
    if let Some(library) = &analysis.checked.library {
        sets.extend(&library.sets);
    }
    sets
}

/// The targets and the due times of a request received now.
fn priority_words(contract: &Contract, name: &str) -> Option<String> {
    let priority = contract.priority(name)?;
    let mut out = format!("**priority `{name}`** {}\n\n", priority.label);
    match crate::clock::due_times(contract, priority, Utc::now(), &[]) {
        Ok(times) => {
            out.push_str("A request received now:\n\n```text\n");
            out.push_str(&crate::due::text(contract, &times, &[]));
            out.push_str("```");
        }
        Err(e) => out.push_str(&format!("No due times: {e}")),
    }
    Some(out)
}

fn calendar_words(calendar: &Calendar, today: NaiveDate) -> String {
    let mut out = format!("**calendar `{}`**", calendar.id);
    if let Some(label) = &calendar.label {
        out.push_str(&format!(" {label}"));
    }
    if calendar.always {
        out.push_str("\n\nopen 24x7");
        return out;
    }
    out.push_str(&format!(" ({})\n\n```text\n", calendar.timezone));
    out.push_str(&week(&calendar.weekly));
    out.push_str("```");
    let until = today.checked_add_days(Days::new(366)).unwrap_or(today);
    let closed: Vec<String> = calendar
        .days(today, until)
        .listed()
        .into_iter()
        .filter(|d| matches!(d.kind, ListedKind::Closed))
        .take(NEXT_CLOSED)
        .map(|d| {
            let note = d.note.map(|n| format!(" {n}")).unwrap_or_default();
            format!("- {} {}{note}", d.date, d.date.format("%a"))
        })
        .collect();
    if closed.is_empty() {
        out.push_str("\n\nNo closed days in the next year.");
    } else {
        out.push_str("\n\nNext closed days:\n");
        out.push_str(&closed.join("\n"));
    }
    out
}

/// The week as the language writes it: runs of days with the same hours
/// (`mon-fri 09:00-12:00, 13:00-18:00`), closed days too.
fn week(weekly: &[Vec<TimeSpan>; 7]) -> String {
    let mut out = String::new();
    let mut day = 0;
    while let Some(spans) = weekly.get(day) {
        let run = weekly.iter().skip(day).take_while(|s| *s == spans).count();
        let last = day + run - 1;
        let first_word = WEEKDAYS.get(day).copied().unwrap_or("?");
        let days = if run == 1 {
            first_word.to_owned()
        } else {
            format!(
                "{first_word}-{}",
                WEEKDAYS.get(last).copied().unwrap_or("?")
            )
        };
        let hours = if spans.is_empty() {
            "closed".to_owned()
        } else {
            spans
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        };
        out.push_str(&format!("{days} {hours}\n"));
        day += run;
    }
    out
}

/// A set's days of one year, as `slac holidays show` lists them.
fn set_words(set: &HolidaySet, year: i32) -> String {
    let mut out = format!("**holiday set `{}`** {}\n\n", set.id, set.label);
    let (Some(from), Some(to)) = (
        NaiveDate::from_ymd_opt(year, 1, 1),
        NaiveDate::from_ymd_opt(year, 12, 31),
    ) else {
        return out;
    };
    let days = crate::holiday_list::list([set], from..=to);
    if days.is_empty() {
        out.push_str(&format!("No days in {year}."));
    } else {
        out.push_str(&format!("Its days in {year}:\n\n```text\n"));
        out.push_str(&crate::holiday_list::text(&days));
        out.push_str("```");
    }
    out
}
