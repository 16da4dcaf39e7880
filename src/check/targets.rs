//! Response and resolution targets, and escalations.
//!
//! Comparing the targets of one priority (E031, W007) needs one scale: each
//! duration is estimated in open minutes of its priority's clock, a
//! business day counting as the clock's average open time per business day
//! (or the `business-day H hours`). Estimates only order targets on one
//! clock; across priorities, whose clocks differ, W002 compares due times
//! ([`super::order`]).

use super::items::{Items, Targets};
use super::order::Compared;
use super::twice::{given_twice, Labels};
use super::Checker;
use crate::ast::{DurationAst, SupportLine};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::*;
use crate::source::{Span, Spanned};

/// Open minutes a duration stands for on a clock (`None` = 24x7).
pub(crate) fn estimate_minutes(
    duration: Duration,
    clock: Option<&Calendar>,
    rule: BusinessDayRule,
) -> f64 {
    let amount = f64::from(duration.amount);
    match duration.unit {
        Unit::Minutes => amount,
        Unit::Hours => amount * 60.0,
        Unit::Days => amount * 1440.0,
        Unit::BusinessDays => {
            let per_day = match (rule, clock) {
                (BusinessDayRule::Hours { minutes }, _) => f64::from(minutes),
                (_, Some(calendar)) if !calendar.always => {
                    let open_days = calendar.weekly.iter().filter(|d| !d.is_empty()).count();
                    let minutes: u32 = calendar
                        .weekly
                        .iter()
                        .flatten()
                        .map(|s| s.wall_minutes())
                        .sum();
                    if open_days == 0 {
                        1440.0
                    } else {
                        f64::from(minutes) / open_days as f64
                    }
                }
                _ => 1440.0,
            };
            amount * per_day
        }
    }
}

/// A target with its source spans, for the comparisons.
#[derive(Clone, Copy)]
struct Written {
    duration: Option<Duration>,
    /// The duration as written.
    span: Span,
    /// The priority name starting the line.
    priority: Span,
}

impl Checker<'_> {
    pub(super) fn targets(
        &mut self,
        items: &Items<'_>,
        priorities: &mut [Priority],
        calendars: &[Calendar],
        rule: BusinessDayRule,
        effective: Option<&Effective>,
        contract_keyword: Span,
    ) {
        let names = super::names::Names::new(items.priorities.iter().map(|p| p.name.node.as_str()));
        let mut written: PerTarget<Vec<Option<Written>>> = PerTarget::both(vec![None; names.len()]);
        for (kind, block) in [
            (TargetKind::Response, &items.response),
            (TargetKind::Resolution, &items.resolution),
        ] {
            let Some(Targets { lines, keyword }) = block else {
                if !names.is_empty() {
                    self.missing(
                        contract_keyword,
                        &format!("`{}` targets", kind.word()),
                        &format!(
                            "add `{} {{ {} within … }}` with a target for every priority",
                            kind.word(),
                            names.first().unwrap_or("P1")
                        ),
                    );
                }
                continue;
            };
            for line in lines.iter() {
                if !self.resolve(&line.priority, "priority", &names) {
                    continue;
                }
                let Some(index) = names.index(&line.priority.node) else {
                    continue;
                };
                let Some(entry) = written.get_mut(kind).get_mut(index) else {
                    continue;
                };
                if let Some(first) = entry {
                    let first = first.priority;
                    self.push(given_twice(
                        line.priority.span,
                        Some(first),
                        Labels {
                            again: "a second target",
                            first: "first target",
                        },
                        format!(
                            "priority `{}` has two {} targets",
                            line.priority.node,
                            kind.word()
                        ),
                        "keep one target per priority",
                    ));
                    continue;
                }
                let clock = priorities
                    .get(index)
                    .and_then(|p| p.clock.as_ref())
                    .and_then(|id| calendars.iter().find(|c| &c.id == id));
                let duration = self.target_duration(&line.within, clock, &line.priority.node);
                *entry = Some(Written {
                    duration,
                    span: line.within.span,
                    priority: line.priority.span,
                });
                if let (TargetKind::Response, Some(span)) = (kind, line.or_workaround) {
                    self.push(
                        Diagnostic::new(Code::E034, span, "`or workaround` applies to resolution targets only")
                            .with_label("not for a response")
                            .with_help("a response is a first reply; move `or workaround` to the `resolution` target"),
                    );
                }
                if let Some(share) = &line.attainment {
                    self.percent(share, "an attainment share");
                }
                let target = Target {
                    within: line.within.node.to_fill(),
                    or_workaround: line.or_workaround.is_some() && kind == TargetKind::Resolution,
                    attainment: line.attainment.as_ref().map(|a| a.node.clone()),
                };
                if let Some(priority) = priorities.get_mut(index) {
                    match kind {
                        TargetKind::Response => priority.response = target,
                        TargetKind::Resolution => priority.resolution = target,
                    }
                }
            }
            for (index, name) in items.priorities.iter().map(|p| &p.name).enumerate() {
                // A priority declared twice is E010 already; its targets
                // belong to the first declaration.
                if names.index(&name.node) != Some(index) {
                    continue;
                }
                if written.get(kind).get(index).is_some_and(Option::is_none) {
                    self.push(
                        Diagnostic::new(
                            Code::E011,
                            name.span,
                            format!("priority `{}` has no {} target", name.node, kind.word()),
                        )
                        .with_label(format!("no {} target", kind.word()))
                        .with_related(*keyword, format!("add `{} within …` here", name.node))
                        .with_help(format!(
                            "add `{} within …` to `{} {{ … }}`",
                            name.node,
                            kind.word()
                        )),
                    );
                }
            }
        }
        self.compare_targets(priorities, calendars, rule, effective, &written);
    }

    /// E032 for a zero duration or a unit that does not fit the clock.
    fn target_duration(
        &mut self,
        within: &Spanned<DurationAst>,
        clock: Option<&Calendar>,
        priority: &str,
    ) -> Option<Duration> {
        let DurationAst::Given { amount, unit } = &within.node else {
            return None;
        };
        let clock_unknown = self.clock_is_unknown(priority);
        if *amount == 0 {
            self.push(
                Diagnostic::new(
                    Code::E032,
                    within.span,
                    "a target of zero time cannot be met",
                )
                .with_label("zero")
                .with_help("give the time allowed, such as `15 minutes`"),
            );
            return None;
        }
        if clock_unknown {
            return None;
        }
        let always = clock.is_none_or(|c| c.always);
        let clock_name = clock.map_or("24x7 (no calendar)".to_string(), |c| format!("`{}`", c.id));
        match unit.node {
            Unit::BusinessDays if always => {
                self.push(
                    Diagnostic::new(
                        Code::E032,
                        unit.span,
                        format!("`business days` need business hours, but the clock of `{priority}` is {clock_name}, which is always open"),
                    )
                    .with_label("no business days on a 24x7 clock")
                    .with_help(format!(
                        "write `{}` ({} hours), or give `{priority}` a business `clock`",
                        Duration { amount: *amount, unit: Unit::Days },
                        amount * 24
                    )),
                );
                None
            }
            Unit::Days if !always => {
                self.push(
                    Diagnostic::new(
                        Code::E032,
                        unit.span,
                        format!("`days` on the business clock {clock_name} of `{priority}` is ambiguous"),
                    )
                    .with_label("calendar days on a business clock")
                    .with_help(format!(
                        "write `{}`",
                        Duration { amount: *amount, unit: Unit::BusinessDays }
                    )),
                );
                None
            }
            unit => Some(Duration {
                amount: *amount,
                unit,
            }),
        }
    }

    /// E031 (resolution shorter than response) and W002 (a less severe
    /// priority with a tighter target than a more severe one, [`super::order`]).
    fn compare_targets(
        &mut self,
        priorities: &[Priority],
        calendars: &[Calendar],
        rule: BusinessDayRule,
        effective: Option<&Effective>,
        written: &PerTarget<Vec<Option<Written>>>,
    ) {
        let estimate = |index: usize, kind: TargetKind| -> Option<(f64, Duration, Span)> {
            let w = written.get(kind).get(index)?.as_ref()?;
            let duration = w.duration?;
            let clock = priorities
                .get(index)?
                .clock
                .as_ref()
                .and_then(|id| calendars.iter().find(|c| &c.id == id));
            Some((estimate_minutes(duration, clock, rule), duration, w.span))
        };
        for (index, priority) in priorities.iter().enumerate() {
            if let (Some((response, rd, rspan)), Some((resolution, sd, sspan))) = (
                estimate(index, TargetKind::Response),
                estimate(index, TargetKind::Resolution),
            ) {
                if resolution < response {
                    self.push(
                        Diagnostic::new(
                            Code::E031,
                            sspan,
                            format!(
                                "`{}` must be resolved within {} but answered only within {}",
                                priority.id,
                                sd,
                                rd
                            ),
                        )
                        .with_label("shorter than the response target")
                        .with_related(rspan, "response target")
                        .with_help("a request is answered before it is resolved: make the resolution target at least as long"),
                    );
                }
            }
        }
        for kind in TargetKind::ALL {
            let compared: Vec<Option<Compared>> = (0..priorities.len())
                .map(|index| {
                    let w = written.get(kind).get(index)?.as_ref()?;
                    Some(Compared {
                        within: w.duration?,
                        span: w.span,
                    })
                })
                .collect();
            self.out_of_order(priorities, calendars, rule, effective, &compared, kind);
        }
    }

    /// W007: an escalation that only happens once the resolution is due.
    pub(super) fn escalations(&mut self, items: &Items<'_>, model: &Contract) {
        let Some(lines) = items.support else {
            return;
        };
        for line in lines {
            let SupportLine::Escalate {
                priority, after, ..
            } = line
            else {
                continue;
            };
            let (Some(p), DurationAst::Given { amount, unit }) =
                (model.priority(&priority.node), &after.node)
            else {
                continue;
            };
            if *amount == 0 || self.clock_is_unknown(p.id.as_str()) {
                continue;
            }
            let clock = model.clock_of(p);
            let after_duration = Duration {
                amount: *amount,
                unit: unit.node,
            };
            if let Fill::Value(resolution) = p.resolution.within {
                let escalate = estimate_minutes(after_duration, clock, model.business_day);
                let due = estimate_minutes(resolution, clock, model.business_day);
                if escalate >= due {
                    self.push(
                        Diagnostic::new(
                            Code::W007,
                            after.span,
                            format!(
                                "`{}` escalates after {}, when its resolution ({}) is already due",
                                p.id, after_duration, resolution
                            ),
                        )
                        .with_label("too late to help")
                        .with_help("escalate before the resolution target runs out"),
                    );
                }
            }
        }
    }
}
