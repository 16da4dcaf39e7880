//! Holiday sets, compared on the days they resolve to: a set added,
//! removed or relabelled, its closed days and make-up working days added or
//! removed (with their dates), and a calendar starting or stopping to use a
//! set.
//!
//! Days come from the one expansion, [`HolidaySet::days_in`], over one range
//! for both sides (every date either version of the set names, and both
//! sides' effective periods), so a yearly rule rewritten as the dated lines
//! it gives is no change, and neither is a set left alone while the
//! effective period moves (that change is the period's). As for a
//! calendar's own lines, a closed day added is relaxed for the provider
//! (fewer open hours) and a make-up working day added tightened.

use super::changes::{member_key, pairs, presence_effect, Changes, Effect, Place, Section};
use super::show;
use crate::model::{Contract, HolidaySet, SetDayKind, WEEKDAYS};
use chrono::{NaiveDate, Weekday};
use std::collections::BTreeMap;

/// Every set the contract compares: those it declares, then those its
/// calendars use from libraries, each once (by name).
fn sets_of(contract: &Contract) -> Vec<&HolidaySet> {
    let mut sets: Vec<&HolidaySet> = Vec::new();
    let used = contract.calendars.iter().flat_map(|c| c.holidays.iter());
    for set in contract.holidays.iter().chain(used) {
        if !sets.iter().any(|s| s.id == set.id) {
            sets.push(set);
        }
    }
    sets
}

pub(super) fn sets(changes: &mut Changes, old: &Contract, new: &Contract) {
    let (old_sets, new_sets) = (sets_of(old), sets_of(new));
    let periods = [old, new].map(|c| c.effective.as_ref().and_then(|e| e.expansion_period()));
    for (n, before, after) in pairs(&old_sets, &new_sets, |s| s.id.clone()) {
        let Some(either) = before.or(after) else {
            continue;
        };
        let key = member_key(either.id.as_str(), n);
        let place = Place::new(
            Section::Holidays,
            format!("holidays.{key}"),
            format!("{key} holiday set"),
        );
        let range = [before, after]
            .into_iter()
            .flatten()
            .filter_map(|s| s.dated_range())
            .chain(periods.iter().flatten().copied())
            .reduce(|(a, b), (c, d)| (a.min(c), b.max(d)));
        match (before, after) {
            (Some(before), Some(after)) => set(changes, &place, (before, after), range),
            // A set alone owes nothing: its effect is on the calendars using it.
            (before, after) => changes.record(
                place,
                before.map(|s| show_set(s, range)),
                after.map(|s| show_set(s, range)),
                Effect::Neutral,
            ),
        }
    }
}

/// `cn-2026 "中国法定节假日 2026": 33 closed days, 3 make-up days`.
fn show_set(set: &HolidaySet, range: Option<(NaiveDate, NaiveDate)>) -> String {
    let days = range.map(|r| resolved(set, r)).unwrap_or_default();
    let closed = days
        .values()
        .filter(|d| matches!(d, Day::Closed(_)))
        .count();
    let open = days.len() - closed;
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    format!(
        "{} \"{}\": {}, {}",
        set.id,
        show::text(&set.label),
        plural(closed, "closed day", "closed days"),
        plural(open, "make-up day", "make-up days")
    )
}

/// What a set makes of one date.
#[derive(Debug, Clone, PartialEq)]
enum Day {
    /// Closed, with the note of the first line that closes it.
    Closed(Option<String>),
    /// A make-up working day, on the hours of `like` (else Monday–Friday's).
    Open(Option<Weekday>, Option<String>),
}

/// The set's days over `range`, one per date: an `open` day wins over the
/// set's own `closed` range, as on a calendar.
fn resolved(set: &HolidaySet, (from, to): (NaiveDate, NaiveDate)) -> BTreeMap<NaiveDate, Day> {
    let mut days = BTreeMap::new();
    for day in set.days_in(from, to) {
        let note = day.note.map(show::text);
        match day.kind {
            SetDayKind::Closed => {
                days.entry(day.date).or_insert(Day::Closed(note));
            }
            SetDayKind::Open { like } => {
                days.insert(day.date, Day::Open(like, note));
            }
        }
    }
    days
}

fn set(
    changes: &mut Changes,
    place: &Place,
    (old, new): (&HolidaySet, &HolidaySet),
    range: Option<(NaiveDate, NaiveDate)>,
) {
    let HolidaySet {
        id: _,
        label,
        // The lines are compared through the days they give.
        closed: _,
        open: _,
        yearly,
    } = old;
    changes.record(
        place.field("label", "label"),
        Some(show::text(label)),
        Some(show::text(&new.label)),
        Effect::Neutral,
    );
    let Some(range) = range else {
        // No date named and no period to expand over: the rules as written.
        rules(changes, place, yearly, new);
        return;
    };
    let (old_closed, old_open) = by_kind(resolved(old, range));
    let (new_closed, new_open) = by_kind(resolved(new, range));
    // A closed day added is relaxed: fewer open hours.
    let closed = place.field("closed", "closed days");
    dates(changes, &closed, (&old_closed, &new_closed), |added| {
        presence_effect(added, !added)
    });
    let closed_day = place.field("closed", "closed day");
    fields(changes, &closed_day, (&old_closed, &new_closed), NOTE);
    // A make-up working day added is tightened: more open hours.
    let open = place.field("open", "make-up days");
    dates(changes, &open, (&old_open, &new_open), |added| {
        presence_effect(!added, added)
    });
    // On whose hours a make-up day works depends on the calendar: neutral.
    let open_day = place.field("open", "make-up day");
    fields(changes, &open_day, (&old_open, &new_open), NOTE);
    fields(changes, &open_day, (&old_open, &new_open), LIKE);
}

/// One side's days of one kind (closed, or make-up), by date.
type Dated = BTreeMap<NaiveDate, DayText>;

/// A date's words: its `as WEEKDAY` (make-up days) and its note.
#[derive(Debug, Clone, PartialEq)]
struct DayText {
    like: Option<Weekday>,
    note: Option<String>,
}

/// The closed days and the make-up days of a resolved set.
fn by_kind(days: BTreeMap<NaiveDate, Day>) -> (Dated, Dated) {
    let (mut closed, mut open) = (Dated::new(), Dated::new());
    for (date, day) in days {
        match day {
            Day::Closed(note) => closed.insert(date, DayText { like: None, note }),
            Day::Open(like, note) => open.insert(date, DayText { like, note }),
        };
    }
    (closed, open)
}

/// A neutral field of a date: its key on the path, its words, its value.
struct Field {
    key: &'static str,
    words: &'static str,
    value: fn(&DayText) -> Option<String>,
}

const NOTE: Field = Field {
    key: "note",
    words: "note",
    value: |day| day.note.clone(),
};

/// `as sat`, or `as mon-fri` for the Monday–Friday hours.
const LIKE: Field = Field {
    key: "as",
    words: "hours",
    value: |day| Some(show_like(day.like).unwrap_or_else(|| "as mon-fri".into())),
};

/// What follows a date as the language writes it: ` as sat "春节调休上班"`.
fn suffix(day: &DayText) -> String {
    let like = show_like(day.like).map(|like| format!(" {like}"));
    let note = day.note.as_ref().map(|note| format!(" \"{note}\""));
    format!("{}{}", like.unwrap_or_default(), note.unwrap_or_default())
}

/// `as sat`, as written; `None` for the Monday–Friday hours.
fn show_like(like: Option<Weekday>) -> Option<String> {
    let like = like?;
    let word = WEEKDAYS
        .get(like.num_days_from_monday() as usize)
        .copied()
        .unwrap_or("???");
    Some(format!("as {word}"))
}

/// Dates one side has and the other has not, in runs of consecutive dates
/// that read the same (`2026-02-15..2026-02-23 "春节"`); `effect(true)` is
/// the effect of a run added.
fn dates(
    changes: &mut Changes,
    list: &Place,
    (old, new): (&Dated, &Dated),
    effect: impl Fn(bool) -> Effect,
) {
    let only = |these: &Dated, those: &Dated| {
        runs(
            these
                .iter()
                .filter(|(date, _)| !those.contains_key(date))
                .map(|(date, day)| (*date, suffix(day)))
                .collect(),
        )
    };
    let removed = only(old, new).into_iter().map(|run| (run, false));
    let added = only(new, old).into_iter().map(|run| (run, true));
    let mut all: Vec<_> = removed.chain(added).collect();
    all.sort_by_key(|((from, _, _), added)| (*from, *added));
    for ((from, to, shown), added) in all {
        let dates = show::date_range(&from, &to);
        let value = format!("{dates}{shown}");
        let (before, after) = if added {
            (None, Some(value))
        } else {
            (Some(value), None)
        };
        changes.record(list.member(&dates, ""), before, after, effect(added));
    }
}

/// A neutral field of the dates both sides have, where it differs, in runs
/// of consecutive dates with the same change.
fn fields(changes: &mut Changes, list: &Place, (old, new): (&Dated, &Dated), field: Field) {
    let differing: Vec<_> = old
        .iter()
        .filter_map(|(date, before)| {
            let pair = ((field.value)(before), (field.value)(new.get(date)?));
            (pair.0 != pair.1).then_some((*date, pair))
        })
        .collect();
    for (from, to, (before, after)) in runs(differing) {
        let dates = show::date_range(&from, &to);
        changes.record(
            list.member(&dates, &dates).field(field.key, field.words),
            before,
            after,
            Effect::Neutral,
        );
    }
}

/// Consecutive dates with equal values joined: `(first, last, value)`.
fn runs<V: PartialEq>(days: Vec<(NaiveDate, V)>) -> Vec<(NaiveDate, NaiveDate, V)> {
    let mut out: Vec<(NaiveDate, NaiveDate, V)> = Vec::new();
    for (date, value) in days {
        match out.last_mut() {
            Some((_, last, run)) if last.succ_opt() == Some(date) && *run == value => *last = date,
            _ => out.push((date, date, value)),
        }
    }
    out
}

/// With no dates to expand over, the yearly rules compared as written.
fn rules(changes: &mut Changes, place: &Place, old: &[crate::model::YearlyDay], new: &HolidaySet) {
    let list = place.field("yearly", "yearly rule");
    let shown = |y: &crate::model::YearlyDay| show::with_note(y.rule.to_string(), &y.note);
    for (n, before, after) in pairs(old, &new.yearly, shown) {
        let Some(either) = before.or(after) else {
            continue;
        };
        changes.record(
            list.member(&member_key(&either.rule.to_string(), n), ""),
            before.map(shown),
            after.map(shown),
            // A rule added closes days: relaxed.
            presence_effect(after.is_some(), before.is_some()),
        );
    }
}

/// A calendar starting or stopping to use a set: relaxed when the set only
/// closes days, tightened when it only opens make-up days, neutral when it
/// does both (earlier for some requests, later for others).
pub(super) fn calendar_sets(
    changes: &mut Changes,
    place: &Place,
    (old, new): (&[HolidaySet], &[HolidaySet]),
) {
    let list = place.field("holidays", "holiday set");
    for (n, before, after) in pairs(old, new, |s| s.id.clone()) {
        let Some(either) = before.or(after) else {
            continue;
        };
        if before.is_some() && after.is_some() {
            // Its days are compared once, under `holidays`.
            continue;
        }
        let closes = !either.closed.is_empty() || !either.yearly.is_empty();
        let opens = !either.open.is_empty();
        let closing = if closes {
            Effect::Relaxed
        } else {
            Effect::Neutral
        };
        let opening = if opens {
            Effect::Tightened
        } else {
            Effect::Neutral
        };
        let added = closing.and(opening);
        let effect = if after.is_some() {
            added
        } else {
            added.mirror()
        };
        let shown = |s: &HolidaySet| format!("{} \"{}\"", s.id, show::text(&s.label));
        changes.record(
            list.member(&member_key(either.id.as_str(), n), ""),
            before.map(shown),
            after.map(shown),
            effect,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).unwrap_or_default()
    }

    #[test]
    fn consecutive_equal_days_make_one_run() {
        let days = vec![
            (day(2, 15), "a"),
            (day(2, 16), "a"),
            (day(2, 17), "b"),
            (day(2, 19), "b"),
        ];
        assert_eq!(
            runs(days),
            vec![
                (day(2, 15), day(2, 16), "a"),
                (day(2, 17), day(2, 17), "b"),
                (day(2, 19), day(2, 19), "b"),
            ]
        );
    }
}
