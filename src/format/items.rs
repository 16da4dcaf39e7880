//! Items to layout nodes: [`Formatter::item`] dispatches on the item, one
//! function per item below. Keywords come from the item table
//! (`crate::items::ITEMS`); spans of keywords and braces come from the AST, so
//! nothing here searches the source text.

use super::layout::{Formatter, Node};
use crate::ast::*;
use crate::model::Fill;
use crate::source::{Span, Spanned};

impl Formatter<'_> {
    /// `use "PATH"`, the path as written.
    pub(super) fn use_line(&self, line: &Use) -> Node {
        Node::line(
            "use",
            vec!["use".into(), self.src(line.path.span)],
            line.span,
        )
    }

    pub(super) fn contract(&self, contract: &Contract) -> Node {
        let items = contract.items.iter().map(|i| self.item(i)).collect();
        Node {
            group: "",
            cells: vec!["contract".into(), self.text(&contract.title)],
            span: contract.span,
            block: Some((items, contract.braces)),
        }
    }

    pub(super) fn item(&self, item: &Item) -> Node {
        let keyword = item.kind.keyword();
        let span = item.span;
        match &item.kind {
            ItemKind::Id(t)
            | ItemKind::Version(t)
            | ItemKind::PartOf(t)
            | ItemKind::Timezone(t) => header(keyword, self.text(t), span),
            ItemKind::Language(name) | ItemKind::Clock(name) => {
                header(keyword, name.node.clone(), span)
            }
            ItemKind::Effective { from, to } => self.effective(keyword, from, to.as_ref(), span),
            ItemKind::BusinessDay(rule) => self.business_day(keyword, rule, span),
            ItemKind::Pause(pause) => self.pause(keyword, pause, span),
            ItemKind::GoverningLaw(law) => self.governing_law(keyword, law, span),
            ItemKind::Commitment(commitment) => self.commitment(keyword, commitment, span),
            ItemKind::PartyNames(names) => self.party_names(keyword, names, span),
            ItemKind::Party(party) => self.party(keyword, party, item),
            ItemKind::Term { name, definition } => Node::line(
                "term",
                vec![keyword.into(), self.text(name), self.text(definition)],
                span,
            ),
            ItemKind::Scope(lines) => self.scope(keyword, lines, item),
            ItemKind::Calendar(calendar) => self.calendar(keyword, calendar, item),
            ItemKind::Channel(channel) => self.channel(keyword, channel, item),
            ItemKind::Priority(priority) => self.priority(keyword, priority, item),
            ItemKind::Response(targets) | ItemKind::Resolution(targets) => {
                self.targets(keyword, targets, item)
            }
            ItemKind::Fcr { min, period } => self.fcr(keyword, min, period.as_ref(), span),
            ItemKind::Csat(csat) => self.csat(keyword, csat, span),
            ItemKind::Support(lines) => self.support(keyword, lines, item),
            ItemKind::Reporting(lines) => self.reporting(keyword, lines, item),
            ItemKind::Exclusions(lines) => self.exclusions(keyword, lines, item),
            ItemKind::Credits(lines) => self.credits(keyword, lines, item),
            ItemKind::Holidays(set) => self.holiday_set(keyword, set, item),
        }
    }

    /// A block item (`scope`, `response`, `support`, …): the keyword, then
    /// its lines one per line.
    fn block_item(&self, keyword: &str, nodes: Vec<Node>, item: &Item) -> Node {
        match item.braces {
            Some(braces) => Node {
                group: "",
                cells: vec![keyword.to_string()],
                span: item.span,
                block: Some((nodes, braces)),
            },
            // The grammar gives these items braces; without them there is
            // nothing to lay out but the keyword.
            None => Node::line("", vec![keyword.to_string()], item.span),
        }
    }

    fn effective(
        &self,
        keyword: &str,
        from: &Spanned<Fill<chrono::NaiveDate>>,
        to: Option<&Spanned<Fill<chrono::NaiveDate>>>,
        span: Span,
    ) -> Node {
        let date = |d: &Spanned<Fill<chrono::NaiveDate>>| {
            d.node.either(|date| date.to_string(), |_| self.src(d.span))
        };
        let value = match to {
            Some(to) => format!("{}..{}", date(from), date(to)),
            None => date(from),
        };
        header(keyword, value, span)
    }

    fn business_day(&self, keyword: &str, rule: &BusinessDay, span: Span) -> Node {
        let value = match rule {
            BusinessDay::EndsAtClose => "ends-at-close".to_string(),
            BusinessDay::SameTime => "same-time".to_string(),
            BusinessDay::Hours(h) => format!("{} hours", self.src(h.span)),
        };
        Node::line("", vec![keyword.into(), value], span)
    }

    /// `pause on "Pending", "On-hold"`: the statuses as written.
    fn pause(&self, keyword: &str, pause: &Pause, span: Span) -> Node {
        let statuses: Vec<String> = pause.statuses.iter().map(|s| self.src(s.span)).collect();
        Node::line("", vec![format!("{keyword} on"), statuses.join(", ")], span)
    }

    fn governing_law(&self, keyword: &str, law: &GoverningLaw, span: Span) -> Node {
        let value = match law {
            GoverningLaw::Code(code) => code.node.clone(),
            GoverningLaw::Text(text) => self.text(text),
        };
        // Not in the aligned header run: its long keyword would re-pad it.
        Node::line("", vec![keyword.into(), value], span)
    }

    fn commitment(&self, keyword: &str, commitment: &Commitment, span: Span) -> Node {
        let mut value = self.src(commitment.level.span);
        if !commitment.sections.is_empty() {
            let sections: Vec<&str> = commitment
                .sections
                .iter()
                .map(|s| s.node.as_str())
                .collect();
            value = format!("{value} for {}", sections.join(", "));
        }
        Node::line("", vec![keyword.into(), value], span)
    }

    fn party_names(&self, keyword: &str, names: &PartyNames, span: Span) -> Node {
        let value = match names {
            PartyNames::JiaYi => "甲方/乙方".to_string(),
            PartyNames::Short(_) => "short".to_string(),
            PartyNames::Given { client, provider } => {
                format!("{} / {}", self.text(client), self.text(provider))
            }
        };
        Node::line("", vec![keyword.into(), value], span)
    }

    fn party(&self, keyword: &str, party: &Party, item: &Item) -> Node {
        let fields = party
            .fields
            .iter()
            .map(|f| {
                Node::line(
                    "field",
                    vec![f.kind.keyword().to_string(), self.text(&f.value)],
                    f.keyword.to(f.value.span),
                )
            })
            .collect();
        self.with_fields(
            "party",
            vec![
                keyword.into(),
                party.role.node.clone(),
                self.text(&party.name),
            ],
            item.span,
            fields,
            item.braces,
        )
    }

    fn scope(&self, keyword: &str, lines: &[ScopeLine], item: &Item) -> Node {
        let nodes = lines
            .iter()
            .map(|line| match line {
                ScopeLine::Service { id, label } => Node::line(
                    "service",
                    vec!["service".into(), id.node.clone(), self.text(label)],
                    id.span.to(label.span),
                ),
                ScopeLine::Audience { keyword, texts } => {
                    let end = texts.last().map_or(*keyword, |t| t.span);
                    let texts: Vec<String> = texts.iter().map(|t| self.text(t)).collect();
                    Node::line(
                        "audience",
                        vec!["audience".into(), texts.join(", ")],
                        keyword.to(end),
                    )
                }
            })
            .collect();
        self.block_item(keyword, nodes, item)
    }

    fn calendar(&self, keyword: &str, calendar: &Calendar, item: &Item) -> Node {
        let mut cells = vec![keyword.to_string(), calendar.name.node.clone()];
        if let Some(label) = &calendar.label {
            cells.push(self.text(label));
        }
        if calendar.always.is_some() {
            cells.push("24x7".into());
            return Node::line("", cells, item.span);
        }
        let lines: Vec<Node> = calendar
            .lines
            .iter()
            .map(|line| self.calendar_line(line))
            .collect();
        self.with_braced_fields("", cells, item.span, lines, item.braces)
    }

    fn calendar_line(&self, line: &CalendarLine) -> Node {
        match line {
            CalendarLine::Weekly { days, spans, span } => {
                let days: Vec<String> = days.iter().map(|d| self.src(d.span)).collect();
                Node::line(
                    "calendar-line",
                    vec![days.join(", "), Self::spans(spans)],
                    *span,
                )
            }
            CalendarLine::Closed {
                keyword,
                from,
                to,
                note,
            } => self.closed_line(*keyword, from, to, note.as_ref()),
            CalendarLine::Open {
                keyword,
                date,
                spans,
                like,
                note,
            } => {
                let mut value = date.node.to_string();
                let mut end = date.span;
                if let Some(last) = spans.last() {
                    value = format!("{value} {}", Self::spans(spans));
                    end = last.span;
                }
                self.open_line(*keyword, value, end, like.as_ref(), note.as_ref())
            }
            CalendarLine::Timezone { keyword, zone } => Node::line(
                "calendar-line",
                vec!["timezone".into(), self.text(zone)],
                keyword.to(zone.span),
            ),
            CalendarLine::Holidays { keyword, sets } => {
                let end = sets.last().map_or(*keyword, |s| s.span);
                let names: Vec<&str> = sets.iter().map(|s| s.node.as_str()).collect();
                Node::line(
                    "calendar-line",
                    vec!["holidays".into(), names.join(", ")],
                    keyword.to(end),
                )
            }
        }
    }

    fn channel(&self, keyword: &str, channel: &Channel, item: &Item) -> Node {
        let fields = channel
            .fields
            .iter()
            .map(|field| match field {
                ChannelField::Hours { keyword, calendar } => Node::line(
                    "field",
                    vec!["hours".into(), calendar.node.clone()],
                    keyword.to(calendar.span),
                ),
                ChannelField::Availability {
                    keyword,
                    percent,
                    period,
                } => {
                    let mut value = self.fill_number(percent);
                    let mut end = percent.span;
                    if let Some(p) = period {
                        value.push(' ');
                        value.push_str(&self.src(p.span));
                        end = p.span;
                    }
                    Node::line("field", vec!["availability".into(), value], keyword.to(end))
                }
                ChannelField::Contact { keyword, value } => Node::line(
                    "field",
                    vec!["contact".into(), self.text(value)],
                    keyword.to(value.span),
                ),
                ChannelField::Aka(aka) => self.aka(aka),
            })
            .collect();
        self.with_fields(
            "channel",
            vec![
                keyword.into(),
                channel.name.node.clone(),
                self.text(&channel.label),
            ],
            item.span,
            fields,
            item.braces,
        )
    }

    /// `aka "urgent", "P1 - Critical"`: the names as written.
    fn aka(&self, aka: &Aka) -> Node {
        let names: Vec<String> = aka.names.iter().map(|n| self.src(n.span)).collect();
        let end = aka.names.last().map_or(aka.keyword, |n| n.span);
        Node::line(
            "field",
            vec!["aka".into(), names.join(", ")],
            aka.keyword.to(end),
        )
    }

    fn priority(&self, keyword: &str, priority: &Priority, item: &Item) -> Node {
        let mut fields: Vec<Node> = priority
            .definitions
            .iter()
            .map(|d| Node::line("definition", vec![self.text(d)], d.span))
            .collect();
        fields.extend(priority.akas.iter().map(|aka| self.aka(aka)));
        for clock in &priority.clocks {
            fields.push(Node::line(
                "field",
                vec!["clock".into(), clock.calendar.node.clone()],
                clock.keyword.to(clock.calendar.span),
            ));
        }
        fields.sort_by_key(|f| f.span.start);
        self.with_fields(
            "priority",
            vec![
                keyword.into(),
                priority.name.node.clone(),
                self.text(&priority.label),
            ],
            item.span,
            fields,
            item.braces,
        )
    }

    fn targets(&self, keyword: &str, targets: &[TargetLine], item: &Item) -> Node {
        let nodes = targets
            .iter()
            .map(|t| {
                let mut value = format!("within {}", self.duration(&t.within));
                if let Some(on) = &t.clock {
                    value.push_str(&format!(" on {}", on.calendar.node));
                }
                if t.or_workaround.is_some() {
                    value.push_str(" or workaround");
                }
                if let Some(share) = &t.attainment {
                    value.push_str(&format!(" for {}", self.fill_number(share)));
                }
                Node::line("target", vec![t.priority.node.clone(), value], t.span)
            })
            .collect();
        self.block_item(keyword, nodes, item)
    }

    fn fcr(
        &self,
        keyword: &str,
        min: &Spanned<Fill<f64>>,
        period: Option<&Spanned<Fill<crate::model::Period>>>,
        span: Span,
    ) -> Node {
        let mut value = format!("at least {}", self.fill_number(min));
        if let Some(p) = period {
            value.push(' ');
            value.push_str(&self.src(p.span));
        }
        Node::line("measure", vec![keyword.into(), value], span)
    }

    fn csat(&self, keyword: &str, csat: &Csat, span: Span) -> Node {
        let mut value = match &csat.goal {
            CsatGoalAst::Score(min) => format!("at least {}", self.fill_number(min)),
            CsatGoalAst::Satisfied(min) => {
                format!("at least {} satisfied", self.fill_number(min))
            }
        };
        if let Some(scale) = &csat.scale {
            let (low, high) = scale.node;
            value.push_str(&format!(" on {low}..{high}"));
        }
        if let Some(p) = &csat.period {
            value.push(' ');
            value.push_str(&self.src(p.span));
        }
        if !csat.methods.is_empty() {
            let methods: Vec<String> = csat.methods.iter().map(|m| self.text(m)).collect();
            value.push_str(&format!(" method {}", methods.join(", ")));
        }
        Node::line("measure", vec![keyword.into(), value], span)
    }

    fn support(&self, keyword: &str, lines: &[SupportLine], item: &Item) -> Node {
        let nodes = lines
            .iter()
            .map(|line| match line {
                SupportLine::SubmitVia { keyword, channels } => {
                    let names: Vec<String> = channels.iter().map(|c| c.node.clone()).collect();
                    let end = channels.last().map_or(*keyword, |c| c.span);
                    Node::line(
                        "submit",
                        vec!["submit via".into(), names.join(", ")],
                        keyword.to(end),
                    )
                }
                SupportLine::Escalate {
                    keyword,
                    priority,
                    after,
                    to,
                } => Node::line(
                    "escalate",
                    vec![
                        "escalate".into(),
                        format!(
                            "{} after {} to {}",
                            priority.node,
                            self.duration(after),
                            self.text(to)
                        ),
                    ],
                    keyword.to(to.span),
                ),
            })
            .collect();
        self.block_item(keyword, nodes, item)
    }

    fn reporting(&self, keyword: &str, lines: &[ReportLine], item: &Item) -> Node {
        let nodes = lines
            .iter()
            .map(|line| {
                Node::line(
                    "report",
                    vec![
                        "report".into(),
                        format!(
                            "{} within {}",
                            self.src(line.period.span),
                            self.duration(&line.within)
                        ),
                    ],
                    line.span,
                )
            })
            .collect();
        self.with_braced_fields("", vec![keyword.into()], item.span, nodes, item.braces)
    }
}

/// A header item (`id`, `version`, `timezone`, …): aligned with the others.
fn header(keyword: &str, value: String, span: Span) -> Node {
    Node::line("header", vec![keyword.to_string(), value], span)
}
