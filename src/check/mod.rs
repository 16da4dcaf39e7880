//! Checks: the AST of one file to the checked [`model`], with every
//! consistency diagnostic of the language (docs/language.md, "Checks").
//!
//! One pass per concern, each in its own file:
//! - [`items`]: single items given twice (E010), sorted by kind;
//! - this file: names, references and required items (E010–E013), parties,
//!   scope, channels, priorities, FCR and CSAT;
//! - [`calendars`]: hours, holidays and make-up days (E020–E022, E033, W003,
//!   W006) and time zones ([`zones`]);
//! - [`targets`]: response and resolution targets (E030–E034, W002, W007);
//! - [`coverage`]: whether clocks and channels fit together (W004, W005).
//!
//! The model is built as the checks go; it is returned only when no error
//! was found (placeholders are warnings here: `build` and `render` decide).

mod calendars;
mod coverage;
mod items;
mod targets;
mod zones;

use crate::ast::{self, Ident, PartyFieldKind, ScopeLine, SupportLine};
use crate::diagnostic::{did_you_mean, Code, Diagnostic};
use crate::model::*;
use crate::source::Span;
use items::Items;

/// The declared names of one kind, in order, with an index for look-ups
/// (contracts can be large: no check is quadratic in their size).
pub(crate) struct Names<'a> {
    list: Vec<&'a str>,
    first: std::collections::HashMap<&'a str, usize>,
}

impl<'a> Names<'a> {
    pub(crate) fn new(names: impl IntoIterator<Item = &'a str>) -> Names<'a> {
        let list: Vec<&str> = names.into_iter().collect();
        let mut first = std::collections::HashMap::with_capacity(list.len());
        for (index, name) in list.iter().enumerate() {
            first.entry(*name).or_insert(index);
        }
        Names { list, first }
    }

    pub(crate) fn contains(&self, name: &str) -> bool {
        self.first.contains_key(name)
    }

    /// The position of the first declaration of `name`.
    pub(crate) fn index(&self, name: &str) -> Option<usize> {
        self.first.get(name).copied()
    }

    pub(crate) fn len(&self) -> usize {
        self.list.len()
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub(crate) fn first(&self) -> Option<&'a str> {
        self.list.first().copied()
    }
}

pub(crate) struct Checker<'d> {
    out: &'d mut Vec<Diagnostic>,
    /// Lines could not be read: "missing" (E011) is then most likely in one
    /// of them, so E011 is held back until they are fixed.
    has_unreadable_lines: bool,
    /// Priorities whose clock names an unknown calendar (already E012):
    /// checks that depend on the clock skip them instead of guessing.
    unknown_clocks: Vec<String>,
}

/// Checks a parsed file; the model when it has no errors.
pub fn check(file: &ast::File, out: &mut Vec<Diagnostic>) -> Option<Contract> {
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
        out.push(
            Diagnostic::new(Code::E010, extra.keyword, "a file holds one contract")
                .with_label("a second contract")
                .with_related(contract.keyword, "the first contract")
                .with_help("put each contract in its own `.sla` file"),
        );
    }
    let errors_before = out.iter().filter(|d| d.is_error()).count();
    let model = Checker {
        out: &mut *out,
        has_unreadable_lines: !file.unreadable.is_empty(),
        unknown_clocks: Vec::new(),
    }
    .contract(contract);
    let errors_after = out.iter().filter(|d| d.is_error()).count();
    model.filter(|_| errors_after == errors_before)
}

fn text(t: &ast::Text) -> Text {
    t.node.clone()
}

fn has_cjk(s: &str) -> bool {
    s.chars().any(|c| {
        matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0x3000..=0x303F | 0xFF00..=0xFFEF)
    })
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

    /// E012 unless `name` is one of `known` (a `kind` such as "calendar").
    fn resolve(&mut self, name: &Ident, kind: &str, known: &Names<'_>) -> bool {
        if known.contains(&name.node) {
            return true;
        }
        let known: Vec<&str> = {
            let mut seen = std::collections::HashSet::new();
            known
                .list
                .iter()
                .copied()
                .filter(|n| seen.insert(*n))
                .collect()
        };
        let suggestion = did_you_mean(&name.node, known.iter().copied());
        let kinds = match kind.strip_suffix('y') {
            Some(stem) => format!("{stem}ies"),
            None => format!("{kind}s"),
        };
        let declared = if known.is_empty() {
            format!("no {kind} is declared")
        } else {
            format!(
                "{kinds} declared: {}",
                known
                    .iter()
                    .map(|k| format!("`{k}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        let help = match suggestion {
            Some(s) => format!("did you mean `{s}`? ({declared})"),
            None => declared,
        };
        self.push(
            Diagnostic::new(
                Code::E012,
                name.span,
                format!("unknown {kind} `{}`", name.node),
            )
            .with_label(format!("no {kind} of this name"))
            .with_help(help),
        );
        false
    }

    /// E010 for each name declared again.
    fn unique_names<'a>(&mut self, kind: &str, names: impl IntoIterator<Item = &'a Ident>) {
        let mut seen: std::collections::HashMap<&str, Span> = std::collections::HashMap::new();
        for name in names {
            if let Some(first) = seen.get(name.node.as_str()) {
                let first_span = *first;
                self.push(
                    Diagnostic::new(
                        Code::E010,
                        name.span,
                        format!("{kind} `{}` is declared twice", name.node),
                    )
                    .with_label("declared again here")
                    .with_related(first_span, "first declared here")
                    .with_help(format!("rename one of the {kind}s or remove one")),
                );
            } else {
                seen.insert(&name.node, name.span);
            }
        }
    }

    /// W008 for each entry of a list given again.
    fn unique_entries<'a, T: Eq + std::hash::Hash + 'a>(
        &mut self,
        what: &str,
        entries: impl IntoIterator<Item = (&'a T, Span, String)>,
    ) {
        let mut seen: std::collections::HashMap<&T, Span> = std::collections::HashMap::new();
        for (value, span, shown) in entries {
            if let Some(first) = seen.get(value) {
                let first = *first;
                self.push(
                    Diagnostic::new(
                        Code::W008,
                        span,
                        format!("{shown} is listed twice in {what}"),
                    )
                    .with_label("listed again")
                    .with_related(first, "first listed here")
                    .with_help("remove the repeated entry"),
                );
            } else {
                seen.insert(value, span);
            }
        }
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
        let language = match items.language {
            None => {
                if contract.title.node.value().is_some_and(|t| has_cjk(t)) {
                    Lang::ZhCn
                } else {
                    Lang::En
                }
            }
            Some(code) => Lang::from_code(&code.node).unwrap_or_else(|| {
                let help = did_you_mean(&code.node, ["zh-CN", "en"])
                    .map(|s| format!("did you mean `{s}`? "))
                    .unwrap_or_default();
                self.push(
                    Diagnostic::new(
                        Code::E013,
                        code.span,
                        format!("unsupported language `{}`", code.node),
                    )
                    .with_label("not a supported language")
                    .with_help(format!(
                        "{help}the appendix can be written in `zh-CN` or `en`"
                    )),
                );
                Lang::ZhCn
            }),
        };
        let effective = self.effective(&items);
        let timezone = items.timezone.and_then(|t| self.zone(t));
        let business_day = match items.business_day {
            None | Some(ast::BusinessDay::EndsAtClose) => BusinessDayRule::EndsAtClose,
            Some(ast::BusinessDay::SameTime) => BusinessDayRule::SameTime,
            Some(ast::BusinessDay::Hours(h)) => BusinessDayRule::Hours { minutes: h.node },
        };

        // Parties.
        let (client, provider) = self.parties(&items, contract.keyword);

        // Scope.
        let mut services = Vec::new();
        let mut audience = Vec::new();
        match items.scope {
            None => self.missing(
                contract.keyword,
                "`scope`",
                "add `scope { service ID \"WHAT\" }` naming the services provided",
            ),
            Some((lines, keyword)) => {
                let mut service_ids = Vec::new();
                let mut audiences: Vec<&ast::Text> = Vec::new();
                for line in lines {
                    match line {
                        ScopeLine::Service { id, label } => {
                            service_ids.push(id);
                            services.push(Service {
                                id: ServiceId(id.node.clone()),
                                label: text(label),
                            });
                        }
                        ScopeLine::Audience(texts) => audiences.extend(texts),
                    }
                }
                self.unique_names("service", service_ids.iter().copied());
                self.unique_entries(
                    "`audience`",
                    audiences
                        .iter()
                        .map(|t| (&t.node, t.span, "this audience".to_string())),
                );
                audience = audiences.iter().map(|t| text(t)).collect();
                if services.is_empty() {
                    self.push(
                        Diagnostic::new(Code::E011, keyword, "the scope names no service")
                            .with_label("no `service` inside")
                            .with_help("add `service ID \"WHAT\"`, such as `service consulting \"产品使用咨询与指导\"`"),
                    );
                }
            }
        }

        // Calendars first: channels and priorities refer to them.
        let calendars = self.calendars(&items, timezone, effective.as_ref());
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
            contract.keyword,
        );

        let fcr = items.fcr.map(|(min, period)| {
            self.percent(min, "an FCR target");
            FcrTarget {
                min_percent: min.node.clone(),
                period: period.map_or(Fill::Value(Period::Monthly), |p| p.node.clone()),
            }
        });
        let csat = items.csat.and_then(|c| self.csat(c));

        let channel_names = Names::new(items.channels.iter().map(|c| c.name.node.as_str()));
        let priority_names = Names::new(items.priorities.iter().map(|p| p.name.node.as_str()));
        let support = self.support(&items, &channel_names, &priority_names);

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
        };
        self.escalations(&items, &model);
        self.coverage(&items, &model);
        Some(model)
    }

    fn effective(&mut self, items: &Items<'_>) -> Option<Effective> {
        let (from, to) = items.effective?;
        if let (Fill::Value(start), Some(Fill::Value(end))) = (&from.node, to.map(|t| &t.node)) {
            if end < start {
                let span = to.map_or(from.span, |t| from.span.to(t.span));
                self.push(
                    Diagnostic::new(
                        Code::E022,
                        span,
                        format!("the effective period ends ({end}) before it starts ({start})"),
                    )
                    .with_label("ends before it starts")
                    .with_help(format!(
                        "write `effective {end}..{start}` if the dates are swapped"
                    )),
                );
            }
        }
        Some(Effective {
            from: from.node.clone(),
            to: to.map(|t| t.node.clone()),
        })
    }

    fn parties(&mut self, items: &Items<'_>, contract_keyword: Span) -> (Party, Party) {
        let mut client: Option<(Party, Span)> = None;
        let mut provider: Option<(Party, Span)> = None;
        for (party, _keyword) in &items.parties {
            let slot = match party.role.node.as_str() {
                "client" => &mut client,
                "provider" => &mut provider,
                other => {
                    let help = did_you_mean(other, ["client", "provider"])
                        .map(|s| format!("did you mean `{s}`?"))
                        .unwrap_or_else(|| "a party is `client` or `provider`".into());
                    self.push(
                        Diagnostic::new(
                            Code::E002,
                            party.role.span,
                            format!("unknown party role `{other}`"),
                        )
                        .with_label("not a party role")
                        .with_help(help),
                    );
                    continue;
                }
            };
            if let Some((_, first)) = slot {
                let first = *first;
                self.push(
                    Diagnostic::new(
                        Code::E010,
                        party.role.span,
                        format!("`party {}` is given twice", party.role.node),
                    )
                    .with_label("given again here")
                    .with_related(first, "first given here")
                    .with_help("a contract has exactly one client and one provider"),
                );
                continue;
            }
            let mut model = Party {
                name: text(&party.name),
                short: None,
                contact: None,
                signatory: None,
            };
            let mut seen: Vec<(PartyFieldKind, Span)> = Vec::new();
            for field in &party.fields {
                if let Some((_, first)) = seen.iter().find(|(k, _)| *k == field.kind) {
                    let first = *first;
                    self.push(
                        Diagnostic::new(
                            Code::E010,
                            field.keyword,
                            format!("`{}` is given twice for this party", field.kind.keyword()),
                        )
                        .with_label("given again here")
                        .with_related(first, "first given here")
                        .with_help("keep one"),
                    );
                    continue;
                }
                seen.push((field.kind, field.keyword));
                let value = Some(text(&field.value));
                match field.kind {
                    PartyFieldKind::Short => model.short = value,
                    PartyFieldKind::Contact => model.contact = value,
                    PartyFieldKind::Signatory => model.signatory = value,
                }
            }
            *slot = Some((model, party.role.span));
        }
        let mut take = |slot: Option<(Party, Span)>, role: &str| match slot {
            Some((party, _)) => party,
            None => {
                self.missing(
                    contract_keyword,
                    &format!("`party {role}`"),
                    &format!("add `party {role} \"NAME\" {{ short \"…\" contact \"…\" }}`"),
                );
                Party {
                    name: Fill::Placeholder(role.to_string()),
                    short: None,
                    contact: None,
                    signatory: None,
                }
            }
        };
        let client = take(client, "client");
        let provider = take(provider, "provider");
        (client, provider)
    }

    fn channels(
        &mut self,
        items: &Items<'_>,
        calendar_names: &Names<'_>,
        clock: Option<&CalendarId>,
        contract_keyword: Span,
    ) -> Vec<Channel> {
        self.unique_names("channel", items.channels.iter().map(|c| &c.name));
        if items.channels.is_empty() {
            self.missing(
                contract_keyword,
                "channel",
                "add a channel through which requests arrive, such as `channel hotline \"服务热线\" { hours business }`",
            );
        }
        let mut channels = Vec::new();
        for channel in &items.channels {
            let mut hours: Option<Option<CalendarId>> = None;
            let mut availability = None;
            let mut contact = None;
            let mut seen: Vec<(&str, Span)> = Vec::new();
            for field in &channel.fields {
                let (name, keyword) = match field {
                    ast::ChannelField::Hours { keyword, .. } => ("hours", *keyword),
                    ast::ChannelField::Availability { keyword, .. } => ("availability", *keyword),
                    ast::ChannelField::Contact { keyword, .. } => ("contact", *keyword),
                };
                if let Some((_, first)) = seen.iter().find(|(n, _)| *n == name) {
                    let first = *first;
                    self.push(
                        Diagnostic::new(
                            Code::E010,
                            keyword,
                            format!("`{name}` is given twice for this channel"),
                        )
                        .with_label("given again here")
                        .with_related(first, "first given here")
                        .with_help("keep one"),
                    );
                    continue;
                }
                seen.push((name, keyword));
                match field {
                    ast::ChannelField::Hours { calendar, .. } => {
                        let known = self.resolve(calendar, "calendar", calendar_names);
                        hours = Some(known.then(|| CalendarId(calendar.node.clone())));
                    }
                    ast::ChannelField::Availability {
                        percent, period, ..
                    } => {
                        self.percent(percent, "an availability");
                        availability = Some(Availability {
                            percent: percent.node.clone(),
                            period: period
                                .as_ref()
                                .map_or(Fill::Value(Period::Monthly), |p| p.node.clone()),
                        });
                    }
                    ast::ChannelField::Contact { value, .. } => contact = Some(text(value)),
                }
            }
            channels.push(Channel {
                id: ChannelId(channel.name.node.clone()),
                label: text(&channel.label),
                hours: hours.unwrap_or_else(|| clock.cloned()),
                availability,
                contact,
            });
        }
        channels
    }

    fn priorities(
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
        let mut priorities = Vec::new();
        for (index, priority) in items.priorities.iter().enumerate() {
            for extra in priority.definitions.iter().skip(1) {
                self.push(
                    Diagnostic::new(
                        Code::E010,
                        extra.span,
                        format!("priority `{}` has two definitions", priority.name.node),
                    )
                    .with_label("a second definition")
                    .with_help("join them into one text, or use a text block `\"\"\"…\"\"\"`"),
                );
            }
            for extra in priority.clocks.iter().skip(1) {
                self.push(
                    Diagnostic::new(
                        Code::E010,
                        extra.span,
                        format!("priority `{}` has two clocks", priority.name.node),
                    )
                    .with_label("a second `clock`")
                    .with_help("keep one `clock`"),
                );
            }
            let own_clock = priority.clocks.first().and_then(|c| {
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
            });
        }
        priorities
    }

    fn csat(&mut self, csat: &ast::Csat) -> Option<CsatTarget> {
        let (low, high) = match &csat.scale {
            None => (1, 5),
            Some(scale) => {
                let (low, high) = scale.node;
                let whole = |v: f64| v >= 0.0 && v.fract() == 0.0 && v <= 1000.0;
                if !whole(low) || !whole(high) || low >= high {
                    self.push(
                        Diagnostic::new(
                            Code::E030,
                            scale.span,
                            format!("`{low}..{high}` is not a rating scale"),
                        )
                        .with_label("not a scale")
                        .with_help(
                            "a scale runs from a lower to a higher whole number, such as `on 1..5`",
                        ),
                    );
                    return None;
                }
                (low as u32, high as u32)
            }
        };
        let goal = match &csat.goal {
            ast::CsatGoalAst::Score(min) => {
                if let Fill::Value(v) = min.node {
                    if v < f64::from(low) || v > f64::from(high) {
                        self.push(
                            Diagnostic::new(
                                Code::E030,
                                min.span,
                                format!("a CSAT score of {v} is outside the scale {low}..{high}"),
                            )
                            .with_label("outside the scale")
                            .with_help(format!("a score target lies between {low} and {high}")),
                        );
                    }
                }
                CsatGoal::Score {
                    min: min.node.clone(),
                }
            }
            ast::CsatGoalAst::Satisfied(percent) => {
                self.percent(percent, "a satisfaction share");
                CsatGoal::Satisfied {
                    min_percent: percent.node.clone(),
                }
            }
        };
        self.unique_entries(
            "the CSAT methods",
            csat.methods
                .iter()
                .map(|m| (&m.node, m.span, "this method".to_string())),
        );
        Some(CsatTarget {
            goal,
            scale: (low, high),
            period: csat
                .period
                .as_ref()
                .map_or(Fill::Value(Period::Monthly), |p| p.node.clone()),
            methods: csat.methods.iter().map(text).collect(),
        })
    }

    fn support(
        &mut self,
        items: &Items<'_>,
        channels: &Names<'_>,
        priorities: &Names<'_>,
    ) -> Support {
        let mut support = Support::default();
        let Some(lines) = items.support else {
            return support;
        };
        let mut submit: Vec<&Ident> = Vec::new();
        for line in lines {
            match line {
                SupportLine::SubmitVia {
                    channels: named, ..
                } => {
                    for channel in named {
                        let id = ChannelId(channel.node.clone());
                        if self.resolve(channel, "channel", channels)
                            && !support.submit_via.contains(&id)
                        {
                            support.submit_via.push(id);
                        }
                        submit.push(channel);
                    }
                }
                SupportLine::Escalate {
                    priority,
                    after,
                    to,
                    ..
                } => {
                    if self.resolve(priority, "priority", priorities) {
                        support.escalations.push(Escalation {
                            priority: PriorityId(priority.node.clone()),
                            after: after.node.to_fill(),
                            to: text(to),
                        });
                    }
                }
            }
        }
        self.unique_entries(
            "`submit via`",
            submit
                .iter()
                .map(|c| (&c.node, c.span, format!("channel `{}`", c.node))),
        );
        support
    }
}

#[cfg(test)]
mod tests {
    use crate::source::SourceFile;

    #[test]
    fn shipped_contract_lowers_to_the_hand_built_model() {
        let source = SourceFile::new(
            "acme-support.sla",
            include_str!("../../contracts/acme-support.sla"),
        );
        let checked = crate::front::check(source);
        assert_eq!(checked.diagnostics, vec![]);
        assert_eq!(checked.model, Some(crate::model::example::acme()));
    }
}
