//! Priorities: names (E010), one definition, one clock and one `aka` each
//! (E010), the clock on a declared calendar (E012), the `aka` names
//! ([`super::aka`], E065), and a definition each (W017: the appendix's
//! table would show "—"). Their targets are [`super::targets`].

use super::aka::Claimant;
use super::items::Items;
use super::names::Names;
use super::twice::{given_twice, Labels};
use super::{text, Checker};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::*;
use crate::source::Span;

impl Checker<'_> {
    pub(super) fn priorities(
        &mut self,
        items: &Items<'_>,
        calendar_names: &Names<'_>,
        clock: Option<&CalendarId>,
        contract_clock_unknown: bool,
        contract_keyword: Span,
    ) -> Vec<Priority> {
        self.unique_names("priority", items.priorities.iter().map(|p| &p.name));
        if items.priorities.is_empty() {
            self.missing(
                contract_keyword,
                "priority",
                "declare priority levels from the most severe down, such as `priority P1 \"紧急\" { \"…\" }`",
            );
        }
        let mut akas = self
            .claimed_names(
                Claimant::Priority,
                items.priorities.iter().map(|p| (&p.name, p.akas.first())),
            )
            .into_iter();
        let mut priorities = Vec::new();
        for (index, priority) in items.priorities.iter().enumerate() {
            if priority.definitions.is_empty() {
                self.push(
                    Diagnostic::new(
                        Code::W017,
                        priority.name.span,
                        format!("priority `{}` has no definition", priority.name.node),
                    )
                    .with_label("no definition: the appendix shows “—”")
                    .with_help(format!(
                        "say which requests are `{0}`: write the definition as a text in its block, `priority {0} … {{ \"…\" }}`",
                        priority.name.node
                    )),
                );
            }
            for extra in priority.definitions.iter().skip(1) {
                self.push(given_twice(
                    extra.span,
                    None,
                    Labels {
                        again: "a second definition",
                        first: "the first definition",
                    },
                    format!("priority `{}` has two definitions", priority.name.node),
                    "join them into one text, or use a text block `\"\"\"…\"\"\"`",
                ));
            }
            for extra in priority.akas.iter().skip(1) {
                self.push(given_twice(
                    extra.keyword,
                    priority.akas.first().map(|a| a.keyword),
                    Labels {
                        again: "a second `aka`",
                        first: "the first `aka`",
                    },
                    format!("priority `{}` has two `aka` lines", priority.name.node),
                    "list every name on one `aka` line, separated by commas",
                ));
            }
            for extra in priority.clocks.iter().skip(1) {
                self.push(given_twice(
                    extra.calendar.span,
                    None,
                    Labels {
                        again: "a second `clock`",
                        first: "the first `clock`",
                    },
                    format!("priority `{}` has two clocks", priority.name.node),
                    "keep one `clock`",
                ));
            }
            let own_clock = priority.clocks.first().map(|c| &c.calendar).and_then(|c| {
                self.resolve(c, "calendar", calendar_names)
                    .then(|| CalendarId(c.node.clone()))
            });
            let unknown = if priority.clocks.is_empty() {
                contract_clock_unknown
            } else {
                own_clock.is_none()
            };
            if unknown {
                self.unknown_clocks.push(priority.name.node.clone());
            }
            let placeholder = || Target {
                within: Fill::Placeholder(String::new()),
                clock: None,
                or_workaround: false,
                attainment: None,
            };
            priorities.push(Priority {
                id: PriorityId(priority.name.node.clone()),
                label: text(&priority.label),
                rank: u32::try_from(index + 1).unwrap_or(u32::MAX),
                definition: priority.definitions.first().map(text),
                clock: own_clock.or_else(|| {
                    if priority.clocks.is_empty() {
                        clock.cloned()
                    } else {
                        None
                    }
                }),
                response: placeholder(),
                resolution: placeholder(),
                aka: akas.next().unwrap_or_default(),
            });
        }
        priorities
    }
}
