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

/// Which target a duration is checked for, and how its clock was given.
#[derive(Clone, Copy)]
struct OnClock<'a> {
    priority: &'a str,
    kind: TargetKind,
    /// The target names its own clock (`on CALENDAR`).
    own: bool,
    /// The clock names an unknown calendar (E012 already).
    unknown: bool,
}

impl OnClock<'_> {
    /// "the clock of `P1`", or "the response clock of `P1`" for a target
    /// on its own clock.
    fn whose(self) -> String {
        if self.own {
            format!("the {} clock of `{}`", self.kind, self.priority)
        } else {
            format!("the clock of `{}`", self.priority)
        }
    }

    /// "of `P1`", or "of the `P1` response" for a target on its own clock.
    fn of(self) -> String {
        if self.own {
            format!("of the `{}` {}", self.priority, self.kind)
        } else {
            format!("of `{}`", self.priority)
        }
    }

    /// How to give the target a business clock.
    fn business_clock_help(self) -> String {
        if self.own {
            "run the target `on` a calendar with business hours".to_string()
        } else {
            format!("give `{}` a business `clock`", self.priority)
        }
    }
}

/// The calendar one target of a priority runs on, among `calendars`
/// (`None` = 24x7), as [`Priority::clock_for`] names it.
pub(super) fn clock_of<'c>(
    priority: &Priority,
    kind: TargetKind,
    calendars: &'c [Calendar],
) -> Option<&'c Calendar> {
    priority
        .clock_for(kind)
        .and_then(|id| calendars.iter().find(|c| &c.id == id))
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
        let calendar_names =
            super::names::Names::new(items.calendars.iter().map(|c| c.name.node.as_str()));
        let mut written: PerTarget<Vec<Option<Written>>> = PerTarget::both(vec![None; names.len()]);
        for (kind, block) in [
            (TargetKind::Response, &items.response),
            (TargetKind::Resolution, &items.resolution),
        ] {
            let lines = match block {
                Some(Targets { lines, .. }) => *lines,
                None => {
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
                    &[]
                }
            };
            for line in lines {
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
                let own_clock = line.clock.as_ref().map(|on| {
                    self.resolve(&on.calendar, "calendar", &calendar_names)
                        .then(|| CalendarId(on.calendar.node.clone()))
                });
                let clock_unknown = match &own_clock {
                    Some(resolved) => resolved.is_none(),
                    None => self.clock_is_unknown(&line.priority.node),
                };
                if clock_unknown {
                    self.unknown_target_clocks
                        .push((line.priority.node.clone(), kind));
                }
                let own_clock = own_clock.flatten();
                let clock_id = own_clock
                    .as_ref()
                    .or_else(|| priorities.get(index).and_then(|p| p.clock.as_ref()));
                let clock = clock_id.and_then(|id| calendars.iter().find(|c| &c.id == id));
                let on_clock = OnClock {
                    priority: &line.priority.node,
                    kind,
                    own: line.clock.is_some(),
                    unknown: clock_unknown,
                };
                let duration = self.target_duration(&line.within, clock, on_clock);
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
                    clock: own_clock,
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
                    // A missing target runs on its priority's clock.
                    if self.clock_is_unknown(&name.node) {
                        self.unknown_target_clocks.push((name.node.clone(), kind));
                    }
                    let Some(Targets { keyword, .. }) = block else {
                        continue;
                    };
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
        on: OnClock<'_>,
    ) -> Option<Duration> {
        let DurationAst::Given { amount, unit } = &within.node else {
            return None;
        };
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
        if on.unknown {
            return None;
        }
        let always = clock.is_none_or(|c| c.always);
        let clock_name = clock.map_or("24x7 (no calendar)".to_string(), |c| format!("`{}`", c.id));
        let whose = on.whose();
        match unit.node {
            Unit::BusinessDays if always => {
                self.push(
                    Diagnostic::new(
                        Code::E032,
                        unit.span,
                        format!("`business days` need business hours, but {whose} is {clock_name}, which is always open"),
                    )
                    .with_label("no business days on a 24x7 clock")
                    .with_help(format!(
                        "write `{}` ({} hours), or {}",
                        Duration { amount: *amount, unit: Unit::Days },
                        amount * 24,
                        on.business_clock_help()
                    )),
                );
                None
            }
            Unit::Days if !always => {
                self.push(
                    Diagnostic::new(
                        Code::E032,
                        unit.span,
                        format!(
                            "`days` on the business clock {clock_name} {} is ambiguous",
                            on.of()
                        ),
                    )
                    .with_label("calendar days on a business clock")
                    .with_help(format!(
                        "write `{}`",
                        Duration {
                            amount: *amount,
                            unit: Unit::BusinessDays
                        }
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
            let clock = clock_of(priorities.get(index)?, kind, calendars);
            Some((estimate_minutes(duration, clock, rule), duration, w.span))
        };
        for (index, priority) in priorities.iter().enumerate() {
            if let (Some((response, rd, rspan)), Some((resolution, sd, sspan))) = (
                estimate(index, TargetKind::Response),
                estimate(index, TargetKind::Resolution),
            ) {
                // On one clock the estimates compare; on two, the due times.
                let shorter = if priority.clock_for(TargetKind::Response)
                    == priority.clock_for(TargetKind::Resolution)
                {
                    resolution < response
                } else {
                    super::order::always_due_earlier(
                        (clock_of(priority, TargetKind::Resolution, calendars), sd),
                        (clock_of(priority, TargetKind::Response, calendars), rd),
                        rule,
                        effective,
                    )
                };
                if shorter {
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
            if *amount == 0
                || self.clock_is_unknown(p.id.as_str())
                || self.target_clock_is_unknown(p.id.as_str(), TargetKind::Resolution)
            {
                continue;
            }
            let after_duration = Duration {
                amount: *amount,
                unit: unit.node,
            };
            if let Fill::Value(resolution) = p.resolution.within {
                // The escalation runs on the priority's clock, the
                // resolution on its own.
                let escalate =
                    estimate_minutes(after_duration, model.clock_of(p), model.business_day);
                let due = estimate_minutes(
                    resolution,
                    model.target_clock(p, TargetKind::Resolution),
                    model.business_day,
                );
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
