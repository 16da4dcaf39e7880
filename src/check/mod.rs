//! Checks: the AST of one file to the checked [`model`], with every
//! consistency diagnostic of the language (docs/language.md, "Checks").
//!
//! One pass per concern, each in its own file; this file only runs them in
//! order and builds the model:
//! - [`items`]: single items given twice (E010), sorted by kind;
//! - [`names`]: look-ups of declared names (E012), names declared twice
//!   (E010), list entries given twice (W008);
//! - [`twice`]: the one builder of E010 "given twice";
//! - [`header`]: language (E013) and effective period (E022);
//! - [`parties`], [`scope`], [`channels`], [`priorities`], [`quality`]
//!   (FCR, CSAT) and [`support`];
//! - [`calendars`]: hours, holidays and make-up days (E020–E022, E033, W003,
//!   W006), holidays that run out ([`holiday_years`], W010) and time zones
//!   ([`zones`], E021, W009);
//! - [`targets`]: response and resolution targets (E030–E034, W007), and
//!   priorities out of order by due times ([`order`], W002);
//! - [`coverage`]: whether clocks and channels fit together (W004, W005).
//! - [`visible`]: the sets of the libraries a file uses, which its
//!   calendars may name (E010 for a name declared in two files).
//!
//! The model is built as the checks go; it is returned only when no error
//! was found (placeholders are warnings here: `build` and `render` decide).

mod aka;
mod calendars;
mod channels;
mod coverage;
mod header;
mod holiday_sets;
mod holiday_years;
mod items;
mod names;
mod order;
mod parties;
mod pauses;
mod priorities;
mod quality;
mod remedies;
mod reporting;
mod scope;
#[cfg(test)]
mod set_days_tests;
mod support;
mod targets;
mod twice;
mod visible;
mod wording;
mod yearly;
mod zones;

use crate::ast;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::*;
use crate::source::Span;
use header::business_day_rule;
use names::Names;
use twice::{given_twice, Labels};
pub use visible::{declared_in, VisibleSet};

pub(crate) struct Checker<'d> {
    out: &'d mut Vec<Diagnostic>,
    /// Lines could not be read: "missing" (E011) is then most likely in one
    /// of them, so E011 is held back until they are fixed.
    has_unreadable_lines: bool,
    /// Priorities whose clock names an unknown calendar (already E012):
    /// checks that depend on the clock skip them instead of guessing.
    unknown_clocks: Vec<String>,
    /// Targets whose clock is unknown (their own `on` names an unknown
    /// calendar, or their priority's clock is unknown), by priority.
    unknown_target_clocks: Vec<(String, TargetKind)>,
    /// What unreadable lines most likely declared and used (no E012, W005).
    dropped: &'d ast::Dropped,
    /// Calendars an E012 suggested ("did you mean `office`?"): used, as
    /// far as W005 goes.
    meant_calendars: Vec<String>,
    /// Holiday sets an E012 suggested, likewise.
    meant_sets: Vec<String>,
    /// The sets of the libraries the file uses ([`visible`]).
    visible: &'d [VisibleSet],
}

/// W001 for each placeholder of a file.
fn placeholders(file: &ast::File, out: &mut Vec<Diagnostic>) {
    for placeholder in &file.placeholders {
        out.push(
            Diagnostic::new(
                Code::W001,
                placeholder.span,
                format!("placeholder `[{}]` is still to be filled in", placeholder.node),
            )
            .with_label("fill this in")
            .with_help("replace it with the agreed value; `build` and `render` refuse placeholders unless `--draft`"),
        );
    }
}

/// Checks a parsed contract file, whose calendars may name the `visible`
/// sets of the libraries it uses besides its own; the model when it has no
/// errors.
pub fn check(
    file: &ast::File,
    visible: &[VisibleSet],
    out: &mut Vec<Diagnostic>,
) -> Option<Contract> {
    placeholders(file, out);
    let Some(contract) = file.contracts.first() else {
        out.push(
            Diagnostic::new(Code::E011, file.end, "the file has no contract")
                .with_label("expected `contract \"TITLE\" { … }`")
                .with_help(
                    "start with `contract \"客户服务SLA\" { … }`; `slac init` writes a template",
                ),
        );
        return None;
    };
    for extra in file.contracts.iter().skip(1) {
        out.push(given_twice(
            extra.keyword,
            Some(contract.keyword),
            Labels {
                again: "a second contract",
                first: "the first contract",
            },
            "a file holds one contract",
            "put each contract in its own `.sla` file",
        ));
    }
    for item in &file.top {
        out.push(
            Diagnostic::new(
                Code::E001,
                item.keyword,
                format!("`{}` outside the contract", item.kind.keyword()),
            )
            .with_label("outside `contract { … }`")
            .with_help("move it inside the contract, or into a library file of holiday sets only"),
        );
    }
    let errors_before = out.iter().filter(|d| d.is_error()).count();
    let model = Checker::new(out, file, visible).contract(contract);
    let errors_after = out.iter().filter(|d| d.is_error()).count();
    model.filter(|_| errors_after == errors_before)
}

/// Checks a parsed library file (holiday sets only) that sees the
/// `visible` sets of the libraries checked before it; its sets, as far as
/// they could be checked (the caller keeps them only without errors, but a
/// contract using a library with a mistake still sees its names).
pub fn library(file: &ast::File, visible: &[VisibleSet], out: &mut Vec<Diagnostic>) -> Library {
    placeholders(file, out);
    // The grammar lets only sets stand outside a contract.
    let mut sets: Vec<&ast::HolidaySet> = Vec::new();
    for item in &file.top {
        if let ast::ItemKind::Holidays(set) = &item.kind {
            sets.push(set);
        }
    }
    let sets = Checker::new(out, file, visible).holiday_sets(&sets);
    Library { sets }
}

fn text(t: &ast::Text) -> Text {
    t.node.clone()
}

impl<'d> Checker<'d> {
    fn new(
        out: &'d mut Vec<Diagnostic>,
        file: &'d ast::File,
        visible: &'d [VisibleSet],
    ) -> Checker<'d> {
        Checker {
            out,
            has_unreadable_lines: !file.unreadable.is_empty(),
            unknown_clocks: Vec::new(),
            unknown_target_clocks: Vec::new(),
            dropped: &file.dropped,
            meant_calendars: Vec::new(),
            meant_sets: Vec::new(),
            visible,
        }
    }
}

impl Checker<'_> {
    fn push(&mut self, diagnostic: Diagnostic) {
        if diagnostic.code == Code::E011 && self.has_unreadable_lines {
            return;
        }
        self.out.push(diagnostic);
    }

    fn clock_is_unknown(&self, priority: &str) -> bool {
        self.unknown_clocks.iter().any(|p| p == priority)
    }

    /// True when the clock of one target of `priority` is unknown (E012
    /// already): the checks of that target's times skip it.
    fn target_clock_is_unknown(&self, priority: &str, kind: TargetKind) -> bool {
        self.unknown_target_clocks
            .iter()
            .any(|(p, k)| p == priority && *k == kind)
    }

    fn missing(&mut self, span: Span, what: &str, help: &str) {
        self.push(
            Diagnostic::new(Code::E011, span, format!("the contract has no {what}"))
                .with_label(format!("{what} missing"))
                .with_help(help.to_string()),
        );
    }

    /// A percentage must be in (0, 100].
    fn percent(&mut self, value: &crate::source::Spanned<Fill<f64>>, what: &str) {
        if let Fill::Value(v) = value.node {
            if !(v > 0.0 && v <= 100.0) {
                self.push(
                    Diagnostic::new(
                        Code::E030,
                        value.span,
                        format!("{what} of {v}% is not a percentage"),
                    )
                    .with_label("outside (0, 100]")
                    .with_help("a percentage is more than 0% and at most 100%"),
                );
            }
        }
    }

    fn contract(&mut self, contract: &ast::Contract) -> Option<Contract> {
        let items = self.items(contract);

        // Header.
        let language = self.language(&items, contract);
        let effective = self.effective(&items);
        let timezone = items.timezone.and_then(|t| self.zone(t));
        let business_day = business_day_rule(&items);
        let pause_on = self.pause_on(&items);

        // Parties.
        let (client, provider) = self.parties(&items, contract.keyword);

        // Scope.
        let (services, audience) = self.scope(&items, contract.keyword);

        // Holiday sets, then calendars: channels and priorities refer to them.
        let holidays = self.holiday_sets(&items.holidays);
        let nameable = self.nameable_sets(&holidays);
        let calendars = self.calendars(&items, timezone, effective.as_ref(), &nameable);
        self.unused_sets(&items.holidays, &calendars);
        let calendar_names = Names::new(items.calendars.iter().map(|c| c.name.node.as_str()));
        let clock = items.clock.and_then(|c| {
            self.resolve(c, "calendar", &calendar_names)
                .then(|| CalendarId(c.node.clone()))
        });
        let contract_clock_unknown = items.clock.is_some() && clock.is_none();

        let channels = self.channels(&items, &calendar_names, clock.as_ref(), contract.keyword);
        let mut priorities = self.priorities(
            &items,
            &calendar_names,
            clock.as_ref(),
            contract_clock_unknown,
            contract.keyword,
        );
        self.targets(
            &items,
            &mut priorities,
            &calendars,
            business_day,
            effective.as_ref(),
            contract.keyword,
        );

        let fcr = self.fcr(&items);
        let csat = items.csat.and_then(|c| self.csat(c));

        let channel_names = Names::new(items.channels.iter().map(|c| c.name.node.as_str()));
        let priority_names = Names::new(items.priorities.iter().map(|p| p.name.node.as_str()));
        let support = self.support(&items, &channel_names, &priority_names);
        let contract_clock = clock
            .as_ref()
            .and_then(|id| calendars.iter().find(|c| &c.id == id));
        let reporting = self.reporting(&items, contract_clock, contract_clock_unknown);
        let exclusions = self.exclusions(
            &items,
            contract_clock,
            contract_clock_unknown,
            &channels,
            &calendars,
        );
        let measured = remedies::Measured {
            channels: &channels,
            priorities: &priorities,
            fcr: fcr.as_ref(),
            csat: csat.as_ref(),
        };
        let credits = self.credits(&items, &measured, contract_clock, contract_clock_unknown);
        let wording = self.wording(&items, &client, &provider);

        let model = Contract {
            title: text(&contract.title),
            id: items.id.map(text),
            version: items.version.map(text),
            language,
            part_of: items.part_of.map(text),
            effective,
            timezone,
            clock,
            business_day,
            pause_on,
            client,
            provider,
            terms: items
                .terms
                .iter()
                .map(|(name, definition)| Term {
                    name: text(name),
                    definition: text(definition),
                })
                .collect(),
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
            sources: Vec::new(),
        };
        self.escalations(&items, &model);
        self.coverage(&items, &model);
        Some(model)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn shipped_contract_lowers_to_the_hand_built_model() {
        let checked =
            crate::project::check_file(std::path::Path::new("contracts/acme-support.sla"));
        assert_eq!(checked.diagnostics, vec![]);
        assert_eq!(checked.model, Some(crate::model::example::acme()));
    }
}
