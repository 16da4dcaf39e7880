//! From the checked model to the rule-set shape: one function per object.
//!
//! Pure data mapping — every decision about *meaning* was made by the
//! checker, so nothing here can fail.

use super::shape::*;
use crate::model::{
    Availability, BusinessDayRule, Calendar, Channel, Contract, CsatGoal, CsatTarget, Duration,
    Effective, Escalation, FcrTarget, Fill, Party, Priority, Reporting, Support, Target, Text,
    TimeSpan, WEEKDAYS,
};
use chrono::NaiveDate;

/// The rule set of a contract, with its fingerprint filled in.
pub fn rule_set(contract: &Contract, draft: bool) -> RuleSet {
    // Every field of the model by name (no `..`), so that a new one does
    // not compile until it is written here; the header goes to
    // `contract_info`.
    let Contract {
        title: _,
        id: _,
        version: _,
        language: _,
        part_of: _,
        effective: _,
        timezone: _,
        clock: _,
        business_day: _,
        pause_on: _,
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
        holidays,
        wording,
        sources,
    } = contract;
    let period = contract
        .effective
        .as_ref()
        .and_then(Effective::expansion_period);
    let mut rules = RuleSet {
        schema: SCHEMA_TAG,
        fingerprint: String::new(),
        draft,
        contract: contract_info(contract),
        parties: Parties {
            client: party(client),
            provider: party(provider),
        },
        terms: terms
            .iter()
            .map(|t| TermOut {
                name: text(&t.name),
                definition: text(&t.definition),
            })
            .collect(),
        services: services
            .iter()
            .map(|s| ServiceOut {
                id: s.id.clone(),
                label: text(&s.label),
            })
            .collect(),
        audience: audience.iter().map(text).collect(),
        calendars: Calendars(
            calendars
                .iter()
                .map(|c| (c.id.clone(), calendar(c, period)))
                .collect(),
        ),
        // The declared sets and those the calendars use from libraries.
        holidays: super::holidays::holiday_sets(holidays, calendars),
        channels: channels.iter().map(channel).collect(),
        priorities: priorities.iter().map(priority).collect(),
        fcr: fcr.as_ref().map(self::fcr),
        csat: csat.as_ref().map(self::csat),
        support: self::support(support),
        reporting: reporting.as_ref().map(self::reporting),
        exclusions: exclusions.as_ref().map(super::remedies::exclusions),
        credits: credits.as_ref().map(super::remedies::credits),
        wording: super::wording::wording(wording),
        sources: sources
            .iter()
            .map(|s| SourceOut {
                path: s.path.clone(),
                sha256: s.sha256.clone(),
            })
            .collect(),
    };
    rules.fingerprint = super::fingerprint(&rules);
    rules
}

pub(super) fn slot<T: Clone, U>(fill: &Fill<T>, f: impl FnOnce(&T) -> U) -> Slot<U> {
    fill.either(
        |v| Slot::Value(f(v)),
        |text| Slot::Placeholder {
            placeholder: text.to_string(),
        },
    )
}

pub(super) fn text(t: &Text) -> Slot<String> {
    slot(t, String::clone)
}

pub(super) fn opt_text(t: &Option<Text>) -> Option<Slot<String>> {
    t.as_ref().map(text)
}

fn number(p: &Fill<f64>) -> Slot<Number> {
    slot(p, |v| Number(*v))
}

pub(super) fn date(d: &NaiveDate) -> DateText {
    d.format("%Y-%m-%d").to_string()
}

pub(super) fn duration(d: &Fill<Duration>) -> Slot<DurationOut> {
    slot(d, |d| DurationOut {
        amount: d.amount,
        unit: d.unit,
    })
}

pub(super) fn spans(spans: &[TimeSpan]) -> Vec<SpanOut> {
    spans
        .iter()
        .map(|s| [s.start.to_string(), s.end.to_string()])
        .collect()
}

fn contract_info(c: &Contract) -> ContractInfo {
    ContractInfo {
        id: opt_text(&c.id),
        title: text(&c.title),
        version: opt_text(&c.version),
        language: c.language,
        part_of: opt_text(&c.part_of),
        timezone: c.timezone.map(|tz| tz.name().to_string()),
        effective: c.effective.as_ref().map(effective),
        clock: c.clock.clone(),
        business_day: business_day(c.business_day),
        pause_on: c.pause_on.clone(),
    }
}

fn effective(e: &Effective) -> EffectiveOut {
    EffectiveOut {
        from: slot(&e.from, date),
        to: e.to.as_ref().map(|to| slot(to, date)),
    }
}

fn business_day(rule: BusinessDayRule) -> BusinessDayOut {
    match rule {
        BusinessDayRule::EndsAtClose => BusinessDayOut::EndsAtClose,
        BusinessDayRule::Hours { minutes } => BusinessDayOut::Hours {
            hours: Number(f64::from(minutes) / 60.0),
            minutes,
        },
        BusinessDayRule::SameTime => BusinessDayOut::SameTime,
    }
}

fn party(p: &Party) -> PartyOut {
    PartyOut {
        name: text(&p.name),
        short: opt_text(&p.short),
        contact: opt_text(&p.contact),
        signatory: opt_text(&p.signatory),
    }
}

/// Open spans by weekday, days without spans left out (a calendar's week,
/// a maintenance window).
pub(super) fn weekly(week: &[Vec<TimeSpan>; 7]) -> Weekly {
    Weekly(
        WEEKDAYS
            .iter()
            .zip(week)
            .filter(|(_, day)| !day.is_empty())
            .map(|(name, day)| (*name, spans(day)))
            .collect(),
    )
}

/// A calendar with its sets merged into `closed` and `open`.
fn calendar(c: &Calendar, period: Option<(NaiveDate, NaiveDate)>) -> CalendarOut {
    let weekly = (!c.always).then(|| weekly(&c.weekly));
    let (closed, open) = super::holidays::resolved_days(c, period);
    CalendarOut {
        label: opt_text(&c.label),
        timezone: c.timezone.name().to_string(),
        always: c.always,
        weekly,
        closed: (!c.always).then_some(closed),
        open: (!c.always).then_some(open),
        holidays: super::holidays::used_sets(c),
        expanded_through: super::yearly::expanded_through(c, period),
    }
}

fn channel(c: &Channel) -> ChannelOut {
    ChannelOut {
        id: c.id.clone(),
        label: text(&c.label),
        hours: c.hours.clone(),
        availability: c.availability.as_ref().map(availability),
        contact: opt_text(&c.contact),
        aka: c.aka.clone(),
    }
}

fn availability(a: &Availability) -> AvailabilityOut {
    AvailabilityOut {
        percent: number(&a.percent),
        period: slot(&a.period, |p| *p),
    }
}

fn priority(p: &Priority) -> PriorityOut {
    PriorityOut {
        id: p.id.clone(),
        label: text(&p.label),
        rank: p.rank,
        definition: opt_text(&p.definition),
        clock: p.clock.clone(),
        response: target(&p.response),
        resolution: target(&p.resolution),
        aka: p.aka.clone(),
    }
}

fn target(t: &Target) -> TargetOut {
    TargetOut {
        within: duration(&t.within),
        clock: t.clock.clone(),
        or_workaround: t.or_workaround,
        attainment_percent: t.attainment.as_ref().map(number),
    }
}

fn fcr(f: &FcrTarget) -> FcrOut {
    FcrOut {
        min_percent: number(&f.min_percent),
        period: slot(&f.period, |p| *p),
    }
}

fn csat(c: &CsatTarget) -> CsatOut {
    CsatOut {
        goal: match &c.goal {
            CsatGoal::Score { min } => CsatGoalOut::MinScore(number(min)),
            CsatGoal::Satisfied { min_percent } => CsatGoalOut::MinPercent(number(min_percent)),
        },
        scale: [c.scale.0, c.scale.1],
        period: slot(&c.period, |p| *p),
        methods: c.methods.iter().map(text).collect(),
    }
}

fn reporting(r: &Reporting) -> ReportingOut {
    ReportingOut {
        period: slot(&r.period, |p| *p),
        within: duration(&r.within),
    }
}

fn support(s: &Support) -> SupportOut {
    SupportOut {
        submit_via: s.submit_via.clone(),
        escalations: s.escalations.iter().map(escalation).collect(),
    }
}

fn escalation(e: &Escalation) -> EscalationOut {
    EscalationOut {
        priority: e.priority.clone(),
        after: duration(&e.after),
        to: text(&e.to),
    }
}

#[cfg(test)]
mod tests {
    use crate::source::SourceFile;
    use serde_json::{json, Value};

    fn rules_of(text: &str, draft: bool) -> Value {
        let checked = crate::front::check(SourceFile::new("r.sla", text));
        let model = checked
            .model
            .unwrap_or_else(|| panic!("{:?}", checked.diagnostics));
        assert_eq!(model.has_placeholders(), draft);
        crate::rules::validated_json(&super::rule_set(&model, draft))
    }

    #[test]
    fn reporting_is_an_object_of_the_rule_set() {
        let value = rules_of(include_str!("../../tests/fixtures/reporting.sla"), false);
        assert_eq!(
            value["reporting"],
            json!({"period": "monthly", "within": {"amount": 5, "unit": "business_days"}})
        );
        let with = include_str!("../../tests/fixtures/reporting.sla");
        let line = "  reporting { report monthly within 5 business days }\n";
        assert!(with.contains(line));
        let without = rules_of(&with.replace(line, ""), false);
        assert!(without.get("reporting").is_none());
    }

    /// Its placeholders alone make the contract a draft (the fingerprint
    /// of a draft then matches its appendix footer).
    #[test]
    fn placeholders_in_reporting_make_a_draft() {
        let value = rules_of(
            include_str!("../../tests/fixtures/reporting-draft.sla"),
            true,
        );
        assert_eq!(
            value["reporting"],
            json!({"period": {"placeholder": "报告周期"}, "within": {"placeholder": "N business days"}})
        );
    }
}
