//! Holiday sets in the rule set (design §10): each calendar's `closed` and
//! `open` days resolved — its sets merged in through the one precedence,
//! [`Calendar::days`] — and the sets as written, in a `holidays` object
//! keyed by id, beside the rest of the rule set (`shape.rs`, `lower.rs`)
//! and mirroring `schema/slac.rules.v1.json`'s `holidays` and
//! `$defs/holiday_set`.

use super::lower::{date, opt_text, spans, text};
use super::shape::{ClosedOut, DateText, OpenOut, Slot};
use super::yearly::{yearly_rule, YearlyOut};
use crate::model::{
    Calendar, ClosedDays, HolidaySet, HolidaySetId, ListedDay, ListedKind, SetOpenDay, Text,
    WEEKDAYS,
};
use chrono::NaiveDate;
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

/// The sets as written, keyed by id: those the contract declares, in
/// declaration order, then those its calendars use from libraries, in the
/// order first used. Serialized from a list, so the order never depends on
/// hashing.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HolidaySetsOut(pub Vec<(HolidaySetId, HolidaySetOut)>);

impl Serialize for HolidaySetsOut {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (id, set) in &self.0 {
            map.serialize_entry(id.as_str(), set)?;
        }
        map.end()
    }
}

/// `holidays ID "LABEL" { … }` as written.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HolidaySetOut {
    pub label: Slot<String>,
    /// `closed DATE|RANGE "note"`, in source order.
    pub closed: Vec<ClosedOut>,
    /// `open DATE[, DATE…] [as WEEKDAY] "note"`, one per date, in source
    /// order.
    pub open: Vec<SetOpenOut>,
    /// `closed yearly RULE "note"`, in source order.
    pub yearly: Vec<YearlyOut>,
}

/// A make-up working day of a set: open on the using calendar's hours of
/// `as`, else on its (equal) Monday–Friday hours.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SetOpenOut {
    pub date: DateText,
    #[serde(rename = "as", skip_serializing_if = "Option::is_none")]
    pub like: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Slot<String>>,
}

/// The `holidays` object, absent when the contract has no set at all (so a
/// rule set without sets is the same bytes as before sets existed).
pub(super) fn holiday_sets(
    declared: &[HolidaySet],
    calendars: &[Calendar],
) -> Option<HolidaySetsOut> {
    let mut sets: Vec<&HolidaySet> = Vec::new();
    let used = calendars.iter().flat_map(|c| &c.holidays);
    for set in declared.iter().chain(used) {
        if !sets.iter().any(|s| s.id == set.id) {
            sets.push(set);
        }
    }
    (!sets.is_empty()).then(|| {
        HolidaySetsOut(
            sets.into_iter()
                .map(|s| (s.id.clone(), holiday_set(s)))
                .collect(),
        )
    })
}

fn holiday_set(set: &HolidaySet) -> HolidaySetOut {
    HolidaySetOut {
        label: text(&set.label),
        closed: set.closed.iter().map(closed_days).collect(),
        open: set.open.iter().map(set_open_day).collect(),
        yearly: set.yearly.iter().map(yearly_rule).collect(),
    }
}

fn closed_days(days: &ClosedDays) -> ClosedOut {
    ClosedOut {
        from: date(&days.from),
        to: date(&days.to),
        note: opt_text(&days.note),
    }
}

fn set_open_day(day: &SetOpenDay) -> SetOpenOut {
    SetOpenOut {
        date: date(&day.date),
        like: day.like.map(|weekday| {
            WEEKDAYS
                .get(weekday.num_days_from_monday() as usize)
                .copied()
                .unwrap_or("mon")
        }),
        note: opt_text(&day.note),
    }
}

/// The ids of the sets a calendar uses, in the order written; absent when
/// it uses none.
pub(super) fn used_sets(calendar: &Calendar) -> Option<Vec<HolidaySetId>> {
    (!calendar.holidays.is_empty())
        .then(|| calendar.holidays.iter().map(|s| s.id.clone()).collect())
}

/// A calendar's `closed` and `open` lists with its sets merged in, by date:
/// over every date it or its sets name, and over the contract's expansion
/// period. Consecutive closed dates with the same note make one range, so a
/// calendar that uses a set and one with the same days written out give
/// the same lists.
pub(super) fn resolved_days(
    calendar: &Calendar,
    period: Option<(NaiveDate, NaiveDate)>,
) -> (Vec<ClosedOut>, Vec<OpenOut>) {
    let mut closed: Vec<(NaiveDate, NaiveDate, Option<&Text>)> = Vec::new();
    let mut open = Vec::new();
    for ListedDay {
        date: day,
        kind,
        note,
    } in calendar.listed_days(period)
    {
        match kind {
            ListedKind::Closed => match closed.last_mut() {
                Some((_, to, last)) if to.succ_opt() == Some(day) && *last == note => *to = day,
                Some(_) | None => closed.push((day, day, note)),
            },
            ListedKind::Open { spans: hours } => open.push(OpenOut {
                date: date(&day),
                spans: spans(hours),
                note: note.map(text),
            }),
        }
    }
    let closed = closed
        .into_iter()
        .map(|(from, to, note)| ClosedOut {
            from: date(&from),
            to: date(&to),
            note: note.map(text),
        })
        .collect();
    (closed, open)
}
