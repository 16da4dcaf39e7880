//! The walk over the model: one function per struct, each destructuring
//! the old side exhaustively (no `..`), so that a new model field does not
//! compile until its comparison is written here.

use super::changes::{
    filled, member_key, pairs, period_effect, presence_effect, share_effect, Changes, Effect,
    Place, Section,
};
use super::show;
use super::{calendars, lived, priorities};
use crate::model::{
    BusinessDayRule, Contract, CsatGoal, CsatTarget, Duration, Effective, Escalation, FcrTarget,
    Fill, Party, Reporting, Service, Support, Term,
};

pub(super) fn contract(changes: &mut Changes, old: &Contract, new: &Contract) {
    let Contract {
        title,
        id,
        version,
        language,
        part_of,
        effective,
        timezone,
        clock,
        business_day,
        pause_on,
        client,
        provider,
        terms,
        services,
        audience,
        calendars,
        channels,
        priorities,
        fcr,
        csat,
        support,
        reporting,
        exclusions,
        credits,
        // Compared with the sets the calendars use, by the days they give.
        holidays: _,
        wording,
        // What the used files mean is compared through what the contract
        // takes from them; their hashes are the rule set's business.
        sources: _,
    } = old;
    let header = |key: &str, words: &str| Place::new(Section::Contract, key, words);
    let neutral = Effect::Neutral;
    changes.record(
        header("title", "title"),
        Some(show::text(title)),
        Some(show::text(&new.title)),
        neutral,
    );
    changes.record(
        header("id", "id"),
        show::opt_text(id),
        show::opt_text(&new.id),
        neutral,
    );
    changes.record(
        header("version", "version"),
        show::opt_text(version),
        show::opt_text(&new.version),
        neutral,
    );
    changes.record(
        header("language", "language"),
        Some(language.code().to_string()),
        Some(new.language.code().to_string()),
        neutral,
    );
    changes.record(
        header("part-of", "part of"),
        show::opt_text(part_of),
        show::opt_text(&new.part_of),
        neutral,
    );
    changes.record(
        header("effective", "effective period"),
        effective.as_ref().map(show_effective),
        new.effective.as_ref().map(show_effective),
        effective_effect(effective.as_ref(), new.effective.as_ref()),
    );
    changes.record(
        header("timezone", "time zone"),
        timezone.map(|z| z.name().to_string()),
        new.timezone.map(|z| z.name().to_string()),
        neutral,
    );
    // The default clock is resolved into each priority and channel, whose
    // own changes carry the effect.
    changes.record(
        header("clock", "default clock"),
        clock.as_ref().map(ToString::to_string),
        new.clock.as_ref().map(ToString::to_string),
        neutral,
    );
    changes.record_noted(
        header("business-day", "business-day rule"),
        Some(show_rule(*business_day)),
        Some(show_rule(new.business_day)),
        priorities::business_day_effect(old, new),
    );
    super::pauses::pause_on(changes, pause_on, &new.pause_on);
    super::wording::wording(changes, wording, &new.wording);
    party(
        changes,
        Place::new(Section::Parties, "parties.client", "client"),
        client,
        &new.client,
    );
    party(
        changes,
        Place::new(Section::Parties, "parties.provider", "provider"),
        provider,
        &new.provider,
    );
    self::terms(changes, terms, &new.terms);
    self::services(changes, services, &new.services);
    let audience_place = Place::new(Section::Scope, "scope.audience", "audience");
    for (n, before, after) in pairs(audience, &new.audience, show::text) {
        let Some(key) = before.or(after).map(show::text) else {
            continue;
        };
        changes.record(
            audience_place.member(&member_key(&key, n), ""),
            before.map(show::text),
            after.map(show::text),
            presence_effect(before.is_some(), after.is_some()),
        );
    }
    calendars::calendars(changes, calendars, &new.calendars);
    super::holiday_sets::sets(changes, old, new);
    calendars::channels(changes, (old, channels), (new, &new.channels));
    priorities::priorities(changes, (old, priorities), (new, &new.priorities));
    self::fcr(changes, fcr.as_ref(), new.fcr.as_ref());
    self::csat(changes, csat.as_ref(), new.csat.as_ref());
    self::support(changes, (old, support), (new, &new.support));
    self::reporting(
        changes,
        (old, reporting.as_ref()),
        (new, new.reporting.as_ref()),
    );
    super::remedies::exclusions(
        changes,
        (old, exclusions.as_ref()),
        (new, new.exclusions.as_ref()),
    );
    super::remedies::credits(changes, credits.as_ref(), new.credits.as_ref());
}

fn show_effective(effective: &Effective) -> String {
    let Effective { from, to } = effective;
    match to {
        Some(to) => format!(
            "{}..{}",
            show::fill(from, show::date),
            show::fill(to, show::date)
        ),
        None => format!("{} (no end)", show::fill(from, show::date)),
    }
}

/// A longer period in force is tightened: an earlier start, a later end, or
/// no end at all. No period at all compares as neutral with one.
fn effective_effect(old: Option<&Effective>, new: Option<&Effective>) -> Effect {
    let (Some(old), Some(new)) = (old, new) else {
        return Effect::Neutral;
    };
    let start = filled(&old.from, &new.from, |a, b| {
        Effect::higher_is_tighter(0.0, (*a - *b).num_days() as f64)
    })
    .unwrap_or(Effect::Neutral);
    // `None` is no end: later than any date.
    let end_rank = |to: &Option<Fill<chrono::NaiveDate>>| match to {
        None => Some(f64::INFINITY),
        Some(to) => to
            .value()
            .map(|date| f64::from(chrono::Datelike::num_days_from_ce(date))),
    };
    let end = match (end_rank(&old.to), end_rank(&new.to)) {
        (Some(a), Some(b)) => Effect::higher_is_tighter(a, b),
        _ => Effect::Neutral,
    };
    start.and(end)
}

fn show_rule(rule: BusinessDayRule) -> String {
    match rule {
        BusinessDayRule::EndsAtClose => "ends-at-close".into(),
        BusinessDayRule::Hours { minutes } if minutes.is_multiple_of(60) => {
            let hours = minutes / 60;
            format!("{hours} {}", if hours == 1 { "hour" } else { "hours" })
        }
        BusinessDayRule::Hours { minutes } => format!("{minutes} minutes"),
        BusinessDayRule::SameTime => "same-time".into(),
    }
}

fn party(changes: &mut Changes, place: Place, old: &Party, new: &Party) {
    let Party {
        name,
        short,
        contact,
        signatory,
    } = old;
    let neutral = Effect::Neutral;
    changes.record(
        place.field("name", "name"),
        Some(show::text(name)),
        Some(show::text(&new.name)),
        neutral,
    );
    changes.record(
        place.field("short", "short name"),
        show::opt_text(short),
        show::opt_text(&new.short),
        neutral,
    );
    changes.record(
        place.field("contact", "contact"),
        show::opt_text(contact),
        show::opt_text(&new.contact),
        neutral,
    );
    changes.record(
        place.field("signatory", "signatory"),
        show::opt_text(signatory),
        show::opt_text(&new.signatory),
        neutral,
    );
}

fn terms(changes: &mut Changes, old: &[Term], new: &[Term]) {
    let list = Place::new(Section::Terms, "terms", "term");
    for (n, before, after) in pairs(old, new, |t| show::text(&t.name)) {
        let Some(Term { name, definition }) = before.or(after) else {
            continue;
        };
        let place = list.member(&member_key(&show::text(name), n), &show::text(name));
        match (before, after) {
            (Some(_), Some(after)) => changes.record(
                place.field("definition", "definition"),
                Some(show::text(definition)),
                Some(show::text(&after.definition)),
                Effect::Neutral,
            ),
            (before, after) => changes.record(
                place,
                before.map(|t| show::text(&t.definition)),
                after.map(|t| show::text(&t.definition)),
                Effect::Neutral,
            ),
        }
    }
}

fn services(changes: &mut Changes, old: &[Service], new: &[Service]) {
    for (n, before, after) in pairs(old, new, |s| s.id.clone()) {
        let Some(Service { id, label }) = before.or(after) else {
            continue;
        };
        let key = member_key(id.as_str(), n);
        let place = Place::new(
            Section::Scope,
            format!("scope.services.{key}"),
            format!("service {key}"),
        );
        match (before, after) {
            (Some(_), Some(after)) => changes.record(
                place.field("label", "label"),
                Some(show::text(label)),
                Some(show::text(&after.label)),
                Effect::Neutral,
            ),
            (before, after) => changes.record(
                place,
                before.map(|s| show::text(&s.label)),
                after.map(|s| show::text(&s.label)),
                presence_effect(before.is_some(), after.is_some()),
            ),
        }
    }
}

fn show_fcr(fcr: &FcrTarget) -> String {
    let FcrTarget {
        min_percent,
        period,
    } = fcr;
    format!(
        "at least {} {}",
        show::percent(min_percent),
        show::period(period)
    )
}

fn fcr(changes: &mut Changes, old: Option<&FcrTarget>, new: Option<&FcrTarget>) {
    let effect = match (old, new) {
        (Some(a), Some(b)) => {
            share_effect(&a.min_percent, &b.min_percent).and(period_effect(&a.period, &b.period))
        }
        (a, b) => presence_effect(a.is_some(), b.is_some()),
    };
    changes.record(
        Place::new(Section::Quality, "fcr", "FCR"),
        old.map(show_fcr),
        new.map(show_fcr),
        effect,
    );
}

fn show_reporting(reporting: &Reporting) -> String {
    let Reporting { period, within } = reporting;
    format!("{} within {}", show::period(period), show::display(within))
}

/// A report due sooner (on the contract clock, compared as targets are),
/// or more often, is tightened.
fn reporting(
    changes: &mut Changes,
    old: (&Contract, Option<&Reporting>),
    new: (&Contract, Option<&Reporting>),
) {
    let place = Place::new(Section::Support, "reporting", "reporting");
    let ((old_contract, old), (new_contract, new)) = (old, new);
    let (Some(before), Some(after)) = (old, new) else {
        changes.record(
            place,
            old.map(show_reporting),
            new.map(show_reporting),
            presence_effect(old.is_some(), new.is_some()),
        );
        return;
    };
    let Reporting { period, within } = before;
    changes.record(
        place.field("period", "period"),
        Some(show::period(period)),
        Some(show::period(&after.period)),
        period_effect(period, &after.period),
    );
    let on_clocks = |a: &Duration, b: &Duration| {
        (
            lived::OnClock::of_contract(old_contract, *a),
            lived::OnClock::of_contract(new_contract, *b),
        )
    };
    let same = filled(within, &after.within, |a, b| {
        let (a, b) = on_clocks(a, b);
        lived::same_duration(a, b)
    });
    if same == Some(true) {
        return;
    }
    let effect = filled(within, &after.within, |a, b| {
        let (a, b) = on_clocks(a, b);
        lived::compare(a, b).effect()
    });
    changes.record_noted(
        place.field("within", "within"),
        Some(show::display(within)),
        Some(show::display(&after.within)),
        effect.unwrap_or((Effect::Neutral, None)),
    );
}

fn show_goal(goal: &CsatGoal, scale: (u32, u32)) -> String {
    match goal {
        CsatGoal::Score { min } => format!(
            "at least {} on {}..{}",
            show::display(min),
            scale.0,
            scale.1
        ),
        CsatGoal::Satisfied { min_percent } => {
            format!("at least {} satisfied", show::percent(min_percent))
        }
    }
}

fn show_csat(csat: &CsatTarget) -> String {
    format!(
        "{} {}",
        show_goal(&csat.goal, csat.scale),
        show::period(&csat.period)
    )
}

fn csat(changes: &mut Changes, old: Option<&CsatTarget>, new: Option<&CsatTarget>) {
    let place = Place::new(Section::Quality, "csat", "CSAT");
    let (Some(old), Some(new)) = (old, new) else {
        changes.record(
            place,
            old.map(show_csat),
            new.map(show_csat),
            presence_effect(old.is_some(), new.is_some()),
        );
        return;
    };
    let CsatTarget {
        goal,
        scale,
        period,
        methods,
    } = old;
    // The goal and its scale read as one value: 4.5 on 1..5.
    let goal_effect = match (goal, &new.goal) {
        (CsatGoal::Score { min: a }, CsatGoal::Score { min: b }) if *scale == new.scale => {
            share_effect(a, b)
        }
        (CsatGoal::Satisfied { min_percent: a }, CsatGoal::Satisfied { min_percent: b }) => {
            share_effect(a, b)
        }
        (
            CsatGoal::Score { .. } | CsatGoal::Satisfied { .. },
            CsatGoal::Score { .. } | CsatGoal::Satisfied { .. },
        ) => Effect::Neutral,
    };
    changes.record(
        place.field("goal", "goal"),
        Some(show_goal(goal, *scale)),
        Some(show_goal(&new.goal, new.scale)),
        goal_effect,
    );
    changes.record(
        place.field("period", "period"),
        Some(show::period(period)),
        Some(show::period(&new.period)),
        period_effect(period, &new.period),
    );
    let method_list = place.field("method", "method");
    for (n, before, after) in pairs(methods, &new.methods, show::text) {
        let Some(key) = before.or(after).map(show::text) else {
            continue;
        };
        changes.record(
            method_list.member(&member_key(&key, n), ""),
            before.map(show::text),
            after.map(show::text),
            Effect::Neutral,
        );
    }
}

fn support(
    changes: &mut Changes,
    (old_contract, old): (&Contract, &Support),
    (new_contract, new): (&Contract, &Support),
) {
    let Support {
        submit_via,
        escalations,
    } = old;
    let submit = Place::new(Section::Support, "support.submit-via", "submit via");
    for (n, before, after) in pairs(submit_via, &new.submit_via, Clone::clone) {
        let Some(key) = before.or(after).map(ToString::to_string) else {
            continue;
        };
        changes.record(
            submit.member(&member_key(&key, n), ""),
            before.map(ToString::to_string),
            after.map(ToString::to_string),
            presence_effect(before.is_some(), after.is_some()),
        );
    }
    let list = Place::new(Section::Support, "support.escalations", "escalation");
    let key = |e: &Escalation| format!("{} → {}", e.priority, show::text(&e.to));
    for (n, before, after) in pairs(escalations, &new.escalations, key) {
        let Some(either) = before.or(after) else {
            continue;
        };
        let place = list.member(&member_key(&key(either), n), &key(either));
        if let (Some(a), Some(b)) = (before, after) {
            if same_escalation((old_contract, a), (new_contract, b)) {
                continue;
            }
        }
        match (before, after) {
            (Some(a), Some(b)) => changes.record_noted(
                place.field("after", "after"),
                Some(show::display(&a.after)),
                Some(show::display(&b.after)),
                escalation_effect((old_contract, a), (new_contract, b)),
            ),
            (a, b) => changes.record(
                place,
                a.map(show_escalation),
                b.map(show_escalation),
                presence_effect(a.is_some(), b.is_some()),
            ),
        }
    }
}

fn show_escalation(escalation: &Escalation) -> String {
    let Escalation {
        priority,
        after,
        to,
    } = escalation;
    format!(
        "{priority} after {} to \"{}\"",
        show::display(after),
        show::text(to)
    )
}

/// True when only the spelling of the delay differs (`1 hour`, `60 minutes`).
fn same_escalation(
    (old_contract, old): (&Contract, &Escalation),
    (new_contract, new): (&Contract, &Escalation),
) -> bool {
    filled(&old.after, &new.after, |a, b| {
        old.to == new.to
            && priorities::same_duration(
                (old_contract, &old.priority, *a),
                (new_contract, &new.priority, *b),
            )
    })
    .unwrap_or(old == new)
}

/// An earlier escalation is tightened, compared on the priority's clock.
fn escalation_effect(
    (old_contract, old): (&Contract, &Escalation),
    (new_contract, new): (&Contract, &Escalation),
) -> (Effect, Option<String>) {
    filled(&old.after, &new.after, |a, b| {
        priorities::duration_effect(
            (old_contract, &old.priority, *a),
            (new_contract, &new.priority, *b),
        )
    })
    .unwrap_or((Effect::Neutral, None))
}
