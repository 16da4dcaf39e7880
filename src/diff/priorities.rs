//! Priorities and their targets: rank, clock, response and resolution
//! (duration, `or workaround`, attainment share).

use super::calendars::weekly_minutes_of;
use super::changes::{filled, member_key, pairs, share_effect, Changes, Effect, Place, Section};
use super::lived::{self, Lived, OnClock};
use super::show;
use crate::model::{
    CalendarId, Contract, Duration, Fill, Priority, PriorityId, Target, TargetKind, Unit,
};

fn show_target(target: &Target) -> String {
    show::display(&target.within)
}

fn show_priority(priority: &Priority) -> String {
    let targets: Vec<String> = TargetKind::ALL
        .iter()
        .map(|kind| format!("{kind} {}", show_target(priority.target(*kind))))
        .collect();
    format!(
        "\"{}\" (rank {}): {}",
        show::text(&priority.label),
        priority.rank,
        targets.join(", ")
    )
}

pub(super) fn priorities(
    changes: &mut Changes,
    (old_contract, old): (&Contract, &[Priority]),
    (new_contract, new): (&Contract, &[Priority]),
) {
    for (n, before, after) in pairs(old, new, |p| p.id.clone()) {
        let Some(either) = before.or(after) else {
            continue;
        };
        let key = member_key(either.id.as_str(), n);
        let place = Place::new(
            Section::Priorities,
            format!("priorities.{key}"),
            key.clone(),
        );
        match (before, after) {
            (Some(before), Some(after)) => priority(
                changes,
                &place,
                (old_contract, before),
                (new_contract, after),
            ),
            // The contract does not say where another priority's requests go,
            // so a priority added or removed is neither.
            (before, after) => changes.record(
                place.clone(),
                before.map(show_priority),
                after.map(show_priority),
                Effect::Neutral,
            ),
        }
    }
}

fn priority(
    changes: &mut Changes,
    place: &Place,
    (old_contract, old): (&Contract, &Priority),
    (new_contract, new): (&Contract, &Priority),
) {
    let Priority {
        id: _,
        label,
        rank,
        definition,
        clock,
        // Both targets, one kind at a time below.
        response: _,
        resolution: _,
        aka,
    } = old;
    super::aka::aka(changes, place, aka, &new.aka);
    changes.record(
        place.field("label", "label"),
        Some(show::text(label)),
        Some(show::text(&new.label)),
        Effect::Neutral,
    );
    changes.record(
        place.field("rank", "rank"),
        Some(rank.to_string()),
        Some(new.rank.to_string()),
        Effect::Neutral,
    );
    changes.record(
        place.field("definition", "definition"),
        show::opt_text(definition),
        show::opt_text(&new.definition),
        Effect::Neutral,
    );
    let show_clock = |c: &Option<crate::model::CalendarId>| {
        c.as_ref()
            .map_or_else(|| "24x7".to_string(), ToString::to_string)
    };
    changes.record(
        place.field("clock", "clock"),
        Some(show_clock(clock)),
        Some(show_clock(&new.clock)),
        Effect::higher_is_tighter(
            f64::from(weekly_minutes_of(old_contract, clock.as_ref())),
            f64::from(weekly_minutes_of(new_contract, new.clock.as_ref())),
        ),
    );
    let sides = ((old_contract, old), (new_contract, new));
    for kind in TargetKind::ALL {
        let words = kind.word();
        target(
            changes,
            place.field(words, words),
            sides,
            (old.target(kind), new.target(kind)),
            kind,
        );
    }
}

type Side<'a> = (&'a Contract, &'a Priority);

fn target(
    changes: &mut Changes,
    place: Place,
    (old_side, new_side): (Side<'_>, Side<'_>),
    (old, new): (&Target, &Target),
    kind: TargetKind,
) {
    let Target {
        within,
        clock,
        or_workaround,
        attainment,
    } = old;
    // The target's own clock, as written; what it does to the due times
    // shows in `within` below, compared on each version's clock.
    let show_on = |c: &Option<CalendarId>| c.as_ref().map(|id| format!("on {id}"));
    changes.record(
        place.field("clock", "on"),
        show_on(clock),
        show_on(&new.clock),
        Effect::higher_is_tighter(
            f64::from(weekly_minutes_of(old_side.0, old_side.1.clock_for(kind))),
            f64::from(weekly_minutes_of(new_side.0, new_side.1.clock_for(kind))),
        ),
    );
    // Filled in on one side only: a change, and neutral.
    let effect = match filled(within, &new.within, |a, b| {
        let (old_clock, new_clock) = (
            OnClock::of_target(old_side.0, old_side.1, kind, *a),
            OnClock::of_target(new_side.0, new_side.1, kind, *b),
        );
        (!lived::same_duration(old_clock, new_clock))
            .then(|| lived::compare(old_clock, new_clock).effect())
    }) {
        Some(effect) => effect,
        None => Some((Effect::Neutral, None)),
    };
    if let Some(effect) = effect {
        changes.record_noted(
            place.clone(),
            Some(show::display(within)),
            Some(show::display(&new.within)),
            effect,
        );
    }
    let workaround = |on: bool| on.then(|| "or workaround".to_string());
    // A workaround that meets the target asks less of the provider.
    changes.record(
        place.field("or-workaround", "or workaround"),
        workaround(*or_workaround),
        workaround(new.or_workaround),
        Effect::higher_is_tighter(
            f64::from(u8::from(new.or_workaround)),
            f64::from(u8::from(*or_workaround)),
        ),
    );
    // No `for N%` is 100%, and `for 100%` says nothing more.
    let share = |a: &Option<Fill<f64>>| a.clone().unwrap_or(Fill::Value(100.0));
    if share(attainment) == share(&new.attainment) {
        return;
    }
    changes.record(
        place.field("attainment", "attainment"),
        attainment.as_ref().map(show::percent),
        new.attainment.as_ref().map(show::percent),
        share_effect(&share(attainment), &share(&new.attainment)),
    );
}

type Timed<'a> = (&'a Contract, &'a PriorityId, Duration);

/// Both durations on their priorities' clocks (an escalation's), when
/// both priorities exist.
fn on_clocks<'a>(
    (old_contract, old_priority, old): Timed<'a>,
    (new_contract, new_priority, new): Timed<'a>,
) -> Option<(OnClock<'a>, OnClock<'a>)> {
    Some((
        OnClock::of_priority(
            old_contract,
            old_contract.priority(old_priority.as_str())?,
            old,
        ),
        OnClock::of_priority(
            new_contract,
            new_contract.priority(new_priority.as_str())?,
            new,
        ),
    ))
}

/// True when the two durations mean the same (`2 hours`, `120 minutes`).
pub(super) fn same_duration(old: Timed<'_>, new: Timed<'_>) -> bool {
    on_clocks(old, new).is_some_and(|(a, b)| lived::same_duration(a, b))
}

/// How a change of duration reads for the provider: sooner due is
/// tightened (see [`lived`] for the rule across units and clocks).
pub(super) fn duration_effect(old: Timed<'_>, new: Timed<'_>) -> (Effect, Option<String>) {
    match on_clocks(old, new) {
        Some((a, b)) => lived::compare(a, b).effect(),
        None => (Effect::Neutral, None),
    }
}

/// A change of the `business-day` rule, for every unchanged target counted
/// in business days, each on its own version's clock: sooner due for all is
/// tightened, later for all relaxed.
pub(super) fn business_day_effect(old: &Contract, new: &Contract) -> (Effect, Option<String>) {
    let mut results = Vec::new();
    for old_priority in &old.priorities {
        let Some(new_priority) = new.priority(old_priority.id.as_str()) else {
            continue;
        };
        for kind in TargetKind::ALL {
            let (before, after) = (old_priority.target(kind), new_priority.target(kind));
            let (Fill::Value(a), Fill::Value(b)) = (&before.within, &after.within) else {
                continue;
            };
            if a != b || a.unit != Unit::BusinessDays {
                continue;
            }
            results.push(lived::compare(
                OnClock::of_target(old, old_priority, kind, *a),
                OnClock::of_target(new, new_priority, kind, *b),
            ));
        }
    }
    Lived::all(results).effect()
}
