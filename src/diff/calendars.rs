//! Calendars (weekly hours, closed days, make-up days) and channels.
//!
//! More open time is tightened: on a priority's clock the target runs
//! through more hours, on a channel's hours the provider staffs more. A
//! closed day added is relaxed, a make-up working day added tightened.

use super::changes::{
    member_key, pairs, period_effect, presence_effect, share_effect, Changes, Effect, Place,
    Section,
};
use super::show;
use crate::model::{
    Availability, Calendar, CalendarId, Channel, ClosedDays, Contract, OpenDay, TimeSpan, WEEKDAYS,
};

const WEEK_MINUTES: u32 = 7 * 24 * 60;

/// Open minutes in a week of the weekly pattern (holidays aside).
pub(super) fn weekly_minutes(calendar: &Calendar) -> u32 {
    if calendar.always {
        WEEK_MINUTES
    } else {
        calendar
            .weekly
            .iter()
            .flatten()
            .map(|span| span.wall_minutes())
            .sum()
    }
}

/// Open minutes in a week of the calendar a channel or clock names; none
/// (or an unknown name) is 24x7.
pub(super) fn weekly_minutes_of(contract: &Contract, id: Option<&CalendarId>) -> u32 {
    id.and_then(|id| contract.calendar(id))
        .map_or(WEEK_MINUTES, weekly_minutes)
}

fn spans(spans: &[TimeSpan]) -> String {
    spans
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Hours as a person reads them: `40 h`, `37.5 h`.
fn hours(minutes: u32) -> String {
    if minutes.is_multiple_of(60) {
        format!("{} h", minutes / 60)
    } else {
        format!("{} h", f64::from(minutes) / 60.0)
    }
}

/// The weekly pattern as the language writes it, runs of days with the
/// same spans joined: `mon-fri 09:00-12:00, 13:00-18:00`, or `24x7`.
pub(super) fn week(calendar: &Calendar) -> String {
    if calendar.always {
        return "24x7".into();
    }
    // Runs of consecutive days with the same spans: (first, last, spans).
    let mut runs: Vec<(&str, &str, &[TimeSpan])> = Vec::new();
    let mut previous: Option<&[TimeSpan]> = None;
    for (name, open) in WEEKDAYS.iter().zip(&calendar.weekly) {
        match runs.last_mut() {
            Some((_, last, _)) if previous == Some(open.as_slice()) => *last = name,
            _ => runs.push((name, name, open.as_slice())),
        }
        previous = Some(open.as_slice());
    }
    let parts: Vec<String> = runs
        .iter()
        .filter(|(_, _, open)| !open.is_empty())
        .map(|(first, last, open)| {
            let days = if first == last {
                first.to_string()
            } else {
                format!("{first}-{last}")
            };
            format!("{days} {}", spans(open))
        })
        .collect();
    let pattern = if parts.is_empty() {
        "closed every day".to_string()
    } else {
        parts.join("; ")
    };
    format!("{pattern} ({} a week)", hours(weekly_minutes(calendar)))
}

pub(super) fn calendars(changes: &mut Changes, old: &[Calendar], new: &[Calendar]) {
    for (n, before, after) in pairs(old, new, |c| c.id.clone()) {
        let Some(either) = before.or(after) else {
            continue;
        };
        let key = member_key(either.id.as_str(), n);
        let place = Place::new(
            Section::Calendars,
            format!("calendars.{key}"),
            format!("{key} calendar"),
        );
        match (before, after) {
            (Some(before), Some(after)) => calendar(changes, &place, before, after),
            // A calendar alone owes nothing: its effect is on what uses it.
            (before, after) => {
                changes.record(place, before.map(week), after.map(week), Effect::Neutral)
            }
        }
    }
}

fn calendar(changes: &mut Changes, place: &Place, old: &Calendar, new: &Calendar) {
    let Calendar {
        id: _,
        label,
        timezone,
        always: _,
        weekly: _,
        closed,
        open,
        holidays,
    } = old;
    changes.record(
        place.field("label", "label"),
        show::opt_text(label),
        show::opt_text(&new.label),
        Effect::Neutral,
    );
    changes.record(
        place.field("timezone", "time zone"),
        Some(timezone.name().to_string()),
        Some(new.timezone.name().to_string()),
        Effect::Neutral,
    );
    // `always` and `weekly` are one value: the week.
    changes.record(
        place.field("hours", "hours"),
        Some(week(old)),
        Some(week(new)),
        Effect::higher_is_tighter(
            f64::from(weekly_minutes(old)),
            f64::from(weekly_minutes(new)),
        ),
    );
    let closed_list = place.field("closed", "closed days");
    let range = |c: &ClosedDays| show::date_range(&c.from, &c.to);
    for (n, before, after) in pairs(closed, &new.closed, range) {
        let Some(either) = before.or(after) else {
            continue;
        };
        let member = closed_list.member(&member_key(&range(either), n), &range(either));
        match (before, after) {
            (Some(before), Some(after)) => changes.record(
                member.field("note", "note"),
                show::opt_text(&before.note),
                show::opt_text(&after.note),
                Effect::Neutral,
            ),
            (before, after) => changes.record(
                closed_list.member(&member_key(&range(either), n), ""),
                before.map(|c| show::with_note(range(c), &c.note)),
                after.map(|c| show::with_note(range(c), &c.note)),
                // Fewer closed days is tightened.
                presence_effect(after.is_some(), before.is_some()),
            ),
        }
    }
    let open_list = place.field("open", "make-up day");
    let date = |o: &OpenDay| show::date(&o.date);
    for (n, before, after) in pairs(open, &new.open, date) {
        let Some(either) = before.or(after) else {
            continue;
        };
        let key = member_key(&date(either), n);
        let show_day =
            |o: &OpenDay| show::with_note(format!("{} {}", date(o), spans(&o.spans)), &o.note);
        match (before, after) {
            (Some(before), Some(after)) => {
                let member = open_list.member(&key, &date(either));
                let minutes =
                    |o: &OpenDay| f64::from(o.spans.iter().map(|s| s.wall_minutes()).sum::<u32>());
                changes.record(
                    member.field("hours", "hours"),
                    Some(spans(&before.spans)),
                    Some(spans(&after.spans)),
                    Effect::higher_is_tighter(minutes(before), minutes(after)),
                );
                changes.record(
                    member.field("note", "note"),
                    show::opt_text(&before.note),
                    show::opt_text(&after.note),
                    Effect::Neutral,
                );
            }
            (before, after) => changes.record(
                open_list.member(&key, ""),
                before.map(show_day),
                after.map(show_day),
                presence_effect(before.is_some(), after.is_some()),
            ),
        }
    }
    super::holiday_sets::calendar_sets(changes, place, (holidays, &new.holidays));
}

fn show_availability(availability: &Availability) -> String {
    let Availability { percent, period } = availability;
    format!("{} {}", show::percent(percent), show::period(period))
}

/// A channel's hours: its calendar's name, or 24x7 when it has none.
fn show_hours(hours: Option<&CalendarId>) -> String {
    hours.map_or_else(|| "24x7".to_string(), ToString::to_string)
}

pub(super) fn channels(
    changes: &mut Changes,
    (old_contract, old): (&Contract, &[Channel]),
    (new_contract, new): (&Contract, &[Channel]),
) {
    for (n, before, after) in pairs(old, new, |c| c.id.clone()) {
        let Some(either) = before.or(after) else {
            continue;
        };
        let key = member_key(either.id.as_str(), n);
        let place = Place::new(
            Section::Channels,
            format!("channels.{key}"),
            format!("channel {key}"),
        );
        let (Some(before), Some(after)) = (before, after) else {
            changes.record(
                place,
                before.map(|c| show::text(&c.label)),
                after.map(|c| show::text(&c.label)),
                presence_effect(before.is_some(), after.is_some()),
            );
            continue;
        };
        let Channel {
            id: _,
            label,
            hours,
            availability,
            contact,
            aka,
        } = before;
        super::aka::aka(changes, &place, aka, &after.aka);
        changes.record(
            place.field("label", "label"),
            Some(show::text(label)),
            Some(show::text(&after.label)),
            Effect::Neutral,
        );
        changes.record(
            place.field("hours", "hours"),
            Some(show_hours(hours.as_ref())),
            Some(show_hours(after.hours.as_ref())),
            Effect::higher_is_tighter(
                f64::from(weekly_minutes_of(old_contract, hours.as_ref())),
                f64::from(weekly_minutes_of(new_contract, after.hours.as_ref())),
            ),
        );
        let availability_effect = match (availability, &after.availability) {
            (Some(a), Some(b)) => {
                share_effect(&a.percent, &b.percent).and(period_effect(&a.period, &b.period))
            }
            (a, b) => presence_effect(a.is_some(), b.is_some()),
        };
        changes.record(
            place.field("availability", "availability"),
            availability.as_ref().map(show_availability),
            after.availability.as_ref().map(show_availability),
            availability_effect,
        );
        changes.record(
            place.field("contact", "contact"),
            show::opt_text(contact),
            show::opt_text(&after.contact),
            Effect::Neutral,
        );
    }
}
