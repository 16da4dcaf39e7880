//! Exclusions and credits compared for the provider (design §11). Whatever
//! excludes more from the service levels relaxes them (a maintenance rule
//! added, a shorter notice, a wider window, a larger allowance, a clause
//! added); whatever makes the provider owe more credit tightens them (a
//! line added, a tier table paying at least as much at every figure and
//! more at one, a higher cap or none, a higher fee, a longer claim window).

use super::changes::{filled, pairs, presence_effect, Changes, Effect, Place, Section};
use super::{lived, show};
use crate::model::{
    week_minutes, Allowance, Cap, Clause, Contract, CreditLine, CreditMetric, Credits, Duration,
    Exclusions, Fee, Fill, Maintenance, Period, Tier, TimeSpan, Unit,
};

fn months(period: Period) -> u64 {
    match period {
        Period::Monthly => 1,
        Period::Quarterly => 3,
        Period::Yearly => 12,
    }
}

pub(super) fn exclusions(
    changes: &mut Changes,
    (old_contract, old): (&Contract, Option<&Exclusions>),
    (new_contract, new): (&Contract, Option<&Exclusions>),
) {
    let place = Place::new(Section::Remedies, "exclusions", "exclusions");
    let (Some(before), Some(after)) = (old, new) else {
        changes.record(
            place,
            old.map(show_exclusions),
            new.map(show_exclusions),
            // More excluded is less owed.
            presence_effect(old.is_some(), new.is_some()).mirror(),
        );
        return;
    };
    let Exclusions {
        maintenance,
        clauses,
    } = before;
    self::maintenance(
        changes,
        &place,
        (old_contract, maintenance.as_ref()),
        (new_contract, after.maintenance.as_ref()),
    );
    let list = place.field("clauses", "clause");
    for (n, before, after) in pairs(clauses, &after.clauses, |c| c.id.clone()) {
        let Some(Clause { id, .. }) = before.or(after) else {
            continue;
        };
        let key = super::changes::member_key(id.as_str(), n);
        changes.record(
            list.member(&key, &key),
            before.map(|c| show::text(&c.text)),
            after.map(|c| show::text(&c.text)),
            match (before, after) {
                (Some(_), Some(_)) => Effect::Neutral,
                (b, a) => presence_effect(b.is_some(), a.is_some()).mirror(),
            },
        );
    }
}

fn show_exclusions(e: &Exclusions) -> String {
    let Exclusions {
        maintenance,
        clauses,
    } = e;
    let mut parts: Vec<String> = maintenance
        .iter()
        .map(|m| format!("maintenance ({})", show_maintenance(m)))
        .collect();
    parts.extend(clauses.iter().map(|c| format!("clause {}", c.id)));
    parts.join("; ")
}

fn show_window(window: &Option<[Vec<TimeSpan>; 7]>) -> String {
    let Some(week) = window else {
        return "any time".to_string();
    };
    let days: Vec<String> = week
        .iter()
        .zip(crate::model::WEEKDAYS)
        .filter(|(spans, _)| !spans.is_empty())
        .map(|(spans, day)| {
            let spans: Vec<String> = spans.iter().map(ToString::to_string).collect();
            format!("{day} {}", spans.join(", "))
        })
        .collect();
    days.join("; ")
}

fn show_allowance(allowance: &Option<Allowance>) -> String {
    match allowance {
        Some(Allowance { amount, period }) => {
            format!("at most {} {}", show::display(amount), period.as_str())
        }
        None => "no limit".to_string(),
    }
}

fn show_maintenance(m: &Maintenance) -> String {
    format!(
        "notice {}, window {}, {}",
        show::display(&m.notice),
        show_window(&m.window),
        show_allowance(&m.allowance)
    )
}

/// A narrower window excludes less: tightened.
fn window_effect(old: &Option<[Vec<TimeSpan>; 7]>, new: &Option<[Vec<TimeSpan>; 7]>) -> Effect {
    let minutes = |w: &Option<[Vec<TimeSpan>; 7]>| match w {
        Some(week) => week_minutes(week, &[]),
        None => vec![true; crate::model::WEEK_MINUTES],
    };
    let (old, new) = (minutes(old), minutes(new));
    let gained = old.iter().zip(&new).any(|(a, b)| !a && *b);
    let lost = old.iter().zip(&new).any(|(a, b)| *a && !b);
    match (gained, lost) {
        (true, false) => Effect::Relaxed,
        (false, true) => Effect::Tightened,
        (true, true) | (false, false) => Effect::Neutral,
    }
}

/// Real minutes a month of an allowance; `None` for a placeholder or a
/// unit that is not real time.
fn allowance_per_month(allowance: &Allowance) -> Option<f64> {
    let Duration { amount, unit } = *allowance.amount.value()?;
    let minutes = match unit {
        Unit::Minutes => f64::from(amount),
        Unit::Hours => f64::from(amount) * 60.0,
        Unit::Days => f64::from(amount) * 1440.0,
        Unit::BusinessDays => return None,
    };
    Some(minutes / months(allowance.period) as f64)
}

fn maintenance(
    changes: &mut Changes,
    place: &Place,
    (old_contract, old): (&Contract, Option<&Maintenance>),
    (new_contract, new): (&Contract, Option<&Maintenance>),
) {
    let place = place.field("maintenance", "maintenance");
    let (Some(before), Some(after)) = (old, new) else {
        changes.record(
            place,
            old.map(show_maintenance),
            new.map(show_maintenance),
            presence_effect(old.is_some(), new.is_some()).mirror(),
        );
        return;
    };
    let Maintenance {
        notice,
        window,
        allowance,
    } = before;
    // A longer notice is later "due": the provider must announce earlier.
    let on_clocks = |a: &Duration, b: &Duration| {
        (
            lived::OnClock::of_contract(old_contract, *a),
            lived::OnClock::of_contract(new_contract, *b),
        )
    };
    let same = filled(notice, &after.notice, |a, b| {
        let (a, b) = on_clocks(a, b);
        lived::same_duration(a, b)
    });
    if same != Some(true) {
        let effect = filled(notice, &after.notice, |a, b| {
            let (a, b) = on_clocks(a, b);
            let (effect, note) = lived::compare(a, b).effect();
            (effect.mirror(), note)
        });
        changes.record_noted(
            place.field("notice", "notice"),
            Some(show::display(notice)),
            Some(show::display(&after.notice)),
            effect.unwrap_or((Effect::Neutral, None)),
        );
    }
    changes.record(
        place.field("window", "window"),
        Some(show_window(window)),
        Some(show_window(&after.window)),
        window_effect(window, &after.window),
    );
    let allowance_effect = match (allowance, &after.allowance) {
        (None, None) => Effect::Neutral,
        (Some(_), None) => Effect::Relaxed,
        (None, Some(_)) => Effect::Tightened,
        (Some(a), Some(b)) => match (allowance_per_month(a), allowance_per_month(b)) {
            // A smaller allowance excludes less.
            (Some(a), Some(b)) => Effect::higher_is_tighter(b, a),
            _ => Effect::Neutral,
        },
    };
    changes.record(
        place.field("allowance", "allowance"),
        Some(show_allowance(allowance)),
        Some(show_allowance(&after.allowance)),
        allowance_effect,
    );
}

fn show_fee(fee: &Option<Fee>) -> Option<String> {
    let Fee {
        amount,
        currency,
        period,
    } = fee.as_ref()?;
    let currency = currency
        .as_ref()
        .map(|c| format!(" {c}"))
        .unwrap_or_default();
    Some(format!(
        "{}{currency} {}",
        show::display(amount),
        period.as_str()
    ))
}

/// A higher fee (a month's worth, in one currency) makes every credit
/// larger: tightened.
fn fee_effect(old: &Option<Fee>, new: &Option<Fee>) -> Effect {
    let (Some(a), Some(b)) = (old, new) else {
        return Effect::Neutral;
    };
    if a.currency != b.currency {
        return Effect::Neutral;
    }
    let monthly = |fee: &Fee| {
        fee.amount
            .value()
            .map(|m| m.cents as f64 / months(fee.period) as f64)
    };
    match (monthly(a), monthly(b)) {
        (Some(a), Some(b)) => Effect::higher_is_tighter(a, b),
        _ => Effect::Neutral,
    }
}

fn show_tiers(tiers: &[Tier], metric: &CreditMetric) -> String {
    let unit = match metric {
        CreditMetric::Csat => "",
        CreditMetric::Availability(_) | CreditMetric::Target(..) | CreditMetric::Fcr => "%",
    };
    tiers
        .iter()
        .map(|t| format!("below {}{unit} credit {}%", t.below, t.credit_percent))
        .collect::<Vec<_>>()
        .join(", ")
}

/// More credit at some figure and no less at any: tightened. The credit is
/// a step function of the figure, so comparing it at each threshold and
/// just below each is comparing it everywhere.
fn tiers_effect(old: &CreditLine, new: &CreditLine) -> (Effect, Option<String>) {
    let points: Vec<f64> = old
        .tiers
        .iter()
        .chain(&new.tiers)
        .flat_map(|t| [t.below, t.below - 1e-9])
        .collect();
    let more = points
        .iter()
        .any(|&x| new.credit_for(x) > old.credit_for(x));
    let less = points
        .iter()
        .any(|&x| new.credit_for(x) < old.credit_for(x));
    match (more, less) {
        (true, false) => (Effect::Tightened, None),
        (false, true) => (Effect::Relaxed, None),
        (true, true) => (
            Effect::Neutral,
            Some("more credit at some figures, less at others".into()),
        ),
        (false, false) => (Effect::Neutral, None),
    }
}

fn show_credits(c: &Credits) -> String {
    let Credits {
        fee,
        lines,
        cap,
        claim,
        form,
    } = c;
    let mut parts: Vec<String> = show_fee(fee)
        .map(|f| format!("fee {f}"))
        .into_iter()
        .collect();
    parts.extend(
        lines
            .iter()
            .map(|l| format!("{} {}", l.metric, show_tiers(&l.tiers, &l.metric))),
    );
    parts.push(match cap {
        Some(_) => format!("cap {}", show_cap(cap)),
        None => show_cap(cap),
    });
    if let Some(claim) = claim {
        parts.push(format!("claim within {}", show::display(claim)));
    }
    if let Some(form) = form {
        parts.push(format!("form {}", form.word()));
    }
    parts.join("; ")
}

fn show_cap(cap: &Option<Cap>) -> String {
    match cap {
        Some(Cap { percent, period }) => format!("{percent}% {}", period.as_str()),
        None => "no cap".to_string(),
    }
}

/// A longer claim window gives the client more time: tightened. Plain days
/// are calendar days and business days are no shorter than as many
/// calendar days, so only that pairing of units can be told apart.
fn claim_effect(old: &Option<Fill<Duration>>, new: &Option<Fill<Duration>>) -> Effect {
    let value = |c: &Option<Fill<Duration>>| c.as_ref().and_then(|f| f.value().copied());
    match (old, new) {
        (None, Some(_)) => return Effect::Tightened,
        (Some(_), None) => return Effect::Relaxed,
        (None, None) | (Some(_), Some(_)) => {}
    }
    let (Some(a), Some(b)) = (value(old), value(new)) else {
        return Effect::Neutral;
    };
    let (a_n, b_n) = (f64::from(a.amount), f64::from(b.amount));
    match (a.unit, b.unit) {
        (x, y) if x == y => Effect::higher_is_tighter(a_n, b_n),
        (Unit::Days, Unit::BusinessDays) if b_n >= a_n => Effect::Tightened,
        (Unit::BusinessDays, Unit::Days) if a_n >= b_n => Effect::Relaxed,
        _ => Effect::Neutral,
    }
}

pub(super) fn credits(changes: &mut Changes, old: Option<&Credits>, new: Option<&Credits>) {
    let place = Place::new(Section::Remedies, "credits", "credits");
    let (Some(before), Some(after)) = (old, new) else {
        changes.record(
            place,
            old.map(show_credits),
            new.map(show_credits),
            presence_effect(old.is_some(), new.is_some()),
        );
        return;
    };
    let Credits {
        fee,
        lines,
        cap,
        claim,
        form,
    } = before;
    changes.record(
        place.field("fee", "fee"),
        show_fee(fee),
        show_fee(&after.fee),
        fee_effect(fee, &after.fee),
    );
    let list = place.field("lines", "");
    for (n, before, now) in pairs(lines, &after.lines, |l| l.metric.clone()) {
        let Some(CreditLine { metric, .. }) = before.or(now) else {
            continue;
        };
        let key = super::changes::member_key(&metric.to_string(), n);
        let effect = match (before, now) {
            (Some(a), Some(b)) => tiers_effect(a, b),
            (b, a) => (presence_effect(b.is_some(), a.is_some()), None),
        };
        changes.record_noted(
            list.member(&key, &key),
            before.map(|l| show_tiers(&l.tiers, &l.metric)),
            now.map(|l| show_tiers(&l.tiers, &l.metric)),
            effect,
        );
    }
    let cap_effect = match (cap, &after.cap) {
        (Some(a), Some(b)) if a.period == b.period => {
            Effect::higher_is_tighter(a.percent, b.percent)
        }
        (Some(_), Some(_)) | (None, None) => Effect::Neutral,
        (Some(_), None) => Effect::Tightened,
        (None, Some(_)) => Effect::Relaxed,
    };
    changes.record(
        place.field("cap", "cap"),
        Some(show_cap(cap)),
        Some(show_cap(&after.cap)),
        cap_effect,
    );
    let show_claim = |c: &Option<Fill<Duration>>| c.as_ref().map(show::display);
    changes.record(
        place.field("claim", "claim window"),
        show_claim(claim),
        show_claim(&after.claim),
        claim_effect(claim, &after.claim),
    );
    changes.record(
        place.field("form", "form"),
        form.map(|f| f.word().to_string()),
        after.form.map(|f| f.word().to_string()),
        Effect::Neutral,
    );
}
