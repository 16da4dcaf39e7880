//! The appendix as a document outline, built once from the model and then
//! written out by each emitter, so Markdown and HTML always have the same
//! sections in the same order with the same words.
//!
//! The outline knows nothing about markup: text is [`Rich`] (plain text,
//! identifiers and placeholders), and blocks are paragraphs, lists, term
//! lists and tables. Escaping is the emitters' job.

use super::phrases::Phrases;
use super::values::{phrase, sentence, Values};
use super::RenderOptions;
use crate::model::{Contract, Lang, Party, Priority, Target, Unit};

/// One piece of inline text.
#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    /// Fixed or contract text, shown as it is (newlines are line breaks).
    Text(String),
    /// An identifier from the contract source (`business`), or a
    /// machine value such as the fingerprint.
    Code(String),
    /// A `[…]` placeholder still to be filled in (its inner text).
    Placeholder(String),
}

/// A run of inline text.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Rich(pub Vec<Inline>);

impl Rich {
    pub fn text(s: &str) -> Rich {
        let mut out = Rich::default();
        out.push_text(s);
        out
    }

    pub fn code(s: &str) -> Rich {
        Rich(vec![Inline::Code(s.to_string())])
    }

    pub fn placeholder(s: &str) -> Rich {
        Rich(vec![Inline::Placeholder(s.to_string())])
    }

    /// Appends text, merging it into a preceding text piece.
    pub fn push_text(&mut self, s: &str) {
        if s.is_empty() {
            return;
        }
        if let Some(Inline::Text(last)) = self.0.last_mut() {
            last.push_str(s);
        } else {
            self.0.push(Inline::Text(s.to_string()));
        }
    }

    pub fn extend(&mut self, other: Rich) {
        for inline in other.0 {
            match inline {
                Inline::Text(s) => self.push_text(&s),
                other => self.0.push(other),
            }
        }
    }

    pub fn join(parts: impl IntoIterator<Item = Rich>, separator: &str) -> Rich {
        let mut out = Rich::default();
        for (i, part) in parts.into_iter().enumerate() {
            if i > 0 {
                out.push_text(separator);
            }
            out.extend(part);
        }
        out
    }

    /// The text without markup, placeholders in brackets (for `<title>`).
    pub fn plain(&self) -> String {
        self.0
            .iter()
            .map(|inline| match inline {
                Inline::Text(s) | Inline::Code(s) => s.clone(),
                Inline::Placeholder(s) => format!("[{s}]"),
            })
            .collect()
    }
}

/// The whole appendix.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub lang: Lang,
    pub title: Rich,
    /// "服务级别协议" / "Service Level Agreement".
    pub kind: String,
    /// Agreement number and version, each `label：value`.
    pub meta: Vec<Rich>,
    /// Between a defined term and its definition (`：` / `: `).
    pub colon: String,
    /// The draft warning, when the document must not be signed.
    pub draft: Option<String>,
    pub preamble: Vec<Rich>,
    pub sections: Vec<Section>,
    pub signatures: Signatures,
    pub footer: Vec<Rich>,
}

/// A numbered section; `number` is its path (`[3, 4, 1]` is 3.4.1).
#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    pub number: Vec<usize>,
    pub heading: Rich,
    pub blocks: Vec<Block>,
    pub sections: Vec<Section>,
}

impl Section {
    fn new(heading: Rich, blocks: Vec<Block>) -> Section {
        Section {
            number: Vec::new(),
            heading,
            blocks,
            sections: Vec::new(),
        }
    }

    /// `1.` for a top-level section, `3.4.1` below it.
    pub fn label(&self) -> String {
        let parts: Vec<String> = self.number.iter().map(usize::to_string).collect();
        if parts.len() == 1 {
            format!("{}.", parts.join("."))
        } else {
            parts.join(".")
        }
    }

    /// Heading level: 2 for top-level sections (the title is 1).
    pub fn level(&self) -> usize {
        self.number.len() + 1
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Paragraph(Rich),
    List(Vec<Rich>),
    /// Defined terms: name and definition.
    Terms(Vec<(Rich, Rich)>),
    Table(Table),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// A name for styling (`targets`, `channels`, …); no meaning otherwise.
    pub class: &'static str,
    /// A title above the table, when the section heading does not name it.
    pub caption: Option<String>,
    pub head: Vec<String>,
    pub rows: Vec<Vec<Rich>>,
}

/// The signature block: one column per party.
#[derive(Debug, Clone, PartialEq)]
pub struct Signatures {
    pub heading: String,
    /// Row labels: name, contact, signatory, signature, date.
    pub labels: [String; 5],
    /// What goes on the date line before it is filled in by hand.
    pub date_blank: String,
    pub parties: Vec<SignatureParty>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SignatureParty {
    pub role: String,
    pub name: Rich,
    pub contact: Option<Rich>,
    /// `None`: a blank line for the name.
    pub signatory: Option<Rich>,
}

/// A dash for an empty table cell.
const NONE: &str = "—";

/// Builds the outline of a contract's appendix.
pub fn build(contract: &Contract, options: &RenderOptions) -> Document {
    let b = Builder {
        c: contract,
        p: Phrases::of(options.lang),
        v: Values {
            p: Phrases::of(options.lang),
        },
    };
    let mut sections = vec![
        b.definitions(),
        b.scope(),
        b.targets(),
        b.support(),
        b.effective(),
    ];
    number(&mut sections, &[]);
    Document {
        lang: options.lang,
        title: b.v.text(&contract.title),
        kind: b.p.kind.to_string(),
        meta: b.meta(),
        colon: b.p.colon.to_string(),
        draft: (options.draft || contract.has_placeholders()).then(|| b.p.draft_banner.to_string()),
        preamble: b.preamble(),
        sections,
        signatures: b.signatures(),
        footer: b.footer(options),
    }
}

fn number(sections: &mut [Section], parent: &[usize]) {
    for (i, section) in sections.iter_mut().enumerate() {
        let mut path = parent.to_vec();
        path.push(i + 1);
        number(&mut section.sections, &path);
        section.number = path;
    }
}

struct Builder<'a> {
    c: &'a Contract,
    p: &'static Phrases,
    v: Values,
}

impl Builder<'_> {
    fn labelled(&self, label: &str, value: Rich) -> Rich {
        let mut out = Rich::text(label);
        out.push_text(self.p.colon);
        out.extend(value);
        out
    }

    fn meta(&self) -> Vec<Rich> {
        let mut meta = Vec::new();
        if let Some(id) = &self.c.id {
            meta.push(self.labelled(self.p.agreement_id, self.v.text(id)));
        }
        if let Some(version) = &self.c.version {
            meta.push(self.labelled(self.p.version, self.v.text(version)));
        }
        meta
    }

    /// A party as the preamble introduces it: its name, the role the text
    /// calls it by and, when the contract gives another short name, that too.
    fn party(&self, party: &Party, role: &str) -> Rich {
        let name = self.v.text(&party.name);
        match &party.short {
            Some(short) if short.value().map(String::as_str) != Some(role) => sentence(
                self.p.party_as_also,
                &[name, Rich::text(role), self.v.text(short)],
            ),
            _ => sentence(self.p.party_as, &[name, Rich::text(role)]),
        }
    }

    fn preamble(&self) -> Vec<Rich> {
        let mut opening = sentence(
            self.p.preamble,
            &[
                self.party(&self.c.client, self.p.client),
                self.party(&self.c.provider, self.p.provider),
            ],
        );
        opening.push_text(self.p.sentence_gap);
        opening.push_text(self.p.purpose);
        let part_of = match &self.c.part_of {
            Some(contract) => sentence(self.p.part_of, &[self.v.text(contract)]),
            None => Rich::text(self.p.part_of_none),
        };
        vec![opening, part_of]
    }

    fn definitions(&self) -> Section {
        let mut terms: Vec<(Rich, Rich)> = self
            .p
            .standard_terms
            .iter()
            .map(|t| (Rich::text(t.name), Rich::text(t.definition)))
            .collect();
        terms.extend(
            self.c
                .terms
                .iter()
                .map(|t| (self.v.text(&t.name), self.v.text(&t.definition))),
        );
        terms.push((
            Rich::text(self.p.business_day),
            Rich::text(self.p.business_day_definition),
        ));
        let mut counting = Rich::text(self.p.counting_open_time);
        if self.uses_days() {
            counting.push_text(self.p.sentence_gap);
            counting.push_text(self.p.counting_days);
        }
        counting.push_text(self.p.sentence_gap);
        counting.extend(self.v.business_day_rule(self.c.business_day));
        terms.push((Rich::text(self.p.counting), counting));

        let mut blocks = vec![
            Block::Paragraph(Rich::text(self.p.definitions_intro)),
            Block::Terms(terms),
        ];
        if let Some(zone) = self.c.timezone {
            blocks.push(Block::Paragraph(sentence(
                self.p.time_zone_rule,
                &[Rich::code(zone.name())],
            )));
        }
        Section::new(Rich::text(self.p.definitions), blocks)
    }

    /// True when some target or escalation is in calendar days.
    fn uses_days(&self) -> bool {
        let is_days = |d: &crate::model::Fill<crate::model::Duration>| {
            d.value().is_some_and(|d| d.unit == Unit::Days)
        };
        self.c
            .priorities
            .iter()
            .any(|p| is_days(&p.response.within) || is_days(&p.resolution.within))
            || self.c.support.escalations.iter().any(|e| is_days(&e.after))
    }

    fn list_or_none(&self, items: Vec<Rich>) -> Block {
        if items.is_empty() {
            Block::Paragraph(Rich::text(self.p.not_specified))
        } else {
            Block::List(items)
        }
    }

    fn scope(&self) -> Section {
        let services = self.c.services.iter().map(|s| self.v.text(&s.label));
        let audience = self.c.audience.iter().map(|a| self.v.text(a));
        let channels = Table {
            class: "channels",
            caption: None,
            head: vec![
                self.p.channel.to_string(),
                self.p.service_hours.to_string(),
                self.p.contact.to_string(),
            ],
            rows: self
                .c
                .channels
                .iter()
                .map(|ch| {
                    vec![
                        self.v.text(&ch.label),
                        self.v.hours(self.c, ch.hours.as_ref()),
                        ch.contact
                            .as_ref()
                            .map_or_else(|| Rich::text(NONE), |c| self.v.text(c)),
                    ]
                })
                .collect(),
        };
        let mut section = Section::new(
            Rich::text(self.p.scope),
            vec![Block::Paragraph(Rich::text(self.p.scope_intro))],
        );
        section.sections = vec![
            Section::new(
                Rich::text(self.p.services),
                vec![self.list_or_none(services.collect())],
            ),
            Section::new(
                Rich::text(self.p.audience),
                vec![self.list_or_none(audience.collect())],
            ),
            Section::new(Rich::text(self.p.channels), vec![Block::Table(channels)]),
        ];
        section
    }

    fn priority_name(&self, priority: &Priority) -> Rich {
        let mut out = Rich::text(priority.id.as_str());
        out.push_text(" ");
        out.extend(self.v.text(&priority.label));
        out
    }

    fn attainment(&self, target: &Target) -> Rich {
        match &target.attainment {
            Some(share) => self.v.percent_fill(share),
            None => self.v.percent(100.0),
        }
    }

    fn targets(&self) -> Section {
        let response = Table {
            class: "response",
            caption: None,
            head: vec![
                self.p.priority.to_string(),
                self.p.definition.to_string(),
                self.p.clock.to_string(),
                self.p.target.to_string(),
                self.p.attainment.to_string(),
            ],
            rows: self
                .c
                .priorities
                .iter()
                .map(|pr| {
                    vec![
                        self.priority_name(pr),
                        pr.definition
                            .as_ref()
                            .map_or_else(|| Rich::text(NONE), |d| self.v.text(d)),
                        self.v.clock(self.c, pr.clock.as_ref()),
                        sentence(
                            self.p.respond_within,
                            &[self.v.duration_fill(&pr.response.within)],
                        ),
                        self.attainment(&pr.response),
                    ]
                })
                .collect(),
        };
        let resolution = Table {
            class: "resolution",
            caption: None,
            head: vec![
                self.p.priority.to_string(),
                self.p.clock.to_string(),
                self.p.target.to_string(),
                self.p.attainment.to_string(),
            ],
            rows: self
                .c
                .priorities
                .iter()
                .map(|pr| {
                    let template = if pr.resolution.or_workaround {
                        self.p.resolve_or_workaround_within
                    } else {
                        self.p.resolve_within
                    };
                    vec![
                        self.priority_name(pr),
                        self.v.clock(self.c, pr.clock.as_ref()),
                        sentence(template, &[self.v.duration_fill(&pr.resolution.within)]),
                        self.attainment(&pr.resolution),
                    ]
                })
                .collect(),
        };
        let note = Block::Paragraph(Rich::text(self.p.attainment_note));
        let mut section = Section::new(Rich::text(self.p.targets), vec![]);
        section.sections = vec![
            Section::new(
                Rich::text(self.p.response),
                vec![
                    Block::Paragraph(Rich::text(self.p.response_intro)),
                    Block::Table(response),
                    note.clone(),
                ],
            ),
            Section::new(
                Rich::text(self.p.resolution),
                vec![
                    Block::Paragraph(Rich::text(self.p.resolution_intro)),
                    Block::Table(resolution),
                    note,
                ],
            ),
            self.availability(),
            self.service_hours(),
            self.fcr(),
            self.csat(),
        ];
        section
    }

    fn availability(&self) -> Section {
        let rows: Vec<Vec<Rich>> = self
            .c
            .channels
            .iter()
            .filter_map(|ch| {
                let a = ch.availability.as_ref()?;
                Some(vec![
                    self.v.text(&ch.label),
                    self.v.hours(self.c, ch.hours.as_ref()),
                    sentence(self.p.at_least_percent, &[self.v.percent_fill(&a.percent)]),
                    self.v.period_fill(&a.period),
                ])
            })
            .collect();
        let blocks = if rows.is_empty() {
            vec![Block::Paragraph(Rich::text(self.p.availability_none))]
        } else {
            vec![
                Block::Paragraph(Rich::text(self.p.availability_intro)),
                Block::Table(Table {
                    class: "availability",
                    caption: None,
                    head: vec![
                        self.p.channel.to_string(),
                        self.p.service_hours.to_string(),
                        self.p.availability_target.to_string(),
                        self.p.period.to_string(),
                    ],
                    rows,
                }),
            ]
        };
        Section::new(Rich::text(self.p.availability), blocks)
    }

    fn service_hours(&self) -> Section {
        let mut section = Section::new(
            Rich::text(self.p.service_hours),
            vec![Block::Paragraph(Rich::text(self.p.hours_intro))],
        );
        section.sections = self
            .c
            .calendars
            .iter()
            .map(|calendar| {
                let mut facts = vec![self.labelled(
                    self.p.weekly_hours,
                    if calendar.always {
                        Rich::text(self.p.always)
                    } else {
                        self.v.weekly(&calendar.weekly)
                    },
                )];
                if !calendar.always && Some(calendar.timezone) != self.c.timezone {
                    facts.push(self.labelled(
                        self.p.calendar_time_zone,
                        Rich::code(calendar.timezone.name()),
                    ));
                }
                let mut blocks = vec![Block::List(facts)];
                let note = |n: &Option<crate::model::Text>| {
                    n.as_ref()
                        .map_or_else(|| Rich::text(NONE), |n| self.v.text(n))
                };
                if !calendar.closed.is_empty() {
                    blocks.push(Block::Table(Table {
                        class: "closed",
                        caption: Some(self.p.closed_days.to_string()),
                        head: vec![self.p.date.to_string(), self.p.note.to_string()],
                        rows: calendar
                            .closed
                            .iter()
                            .map(|d| vec![self.v.date_range(d.from, d.to), note(&d.note)])
                            .collect(),
                    }));
                }
                if !calendar.open.is_empty() {
                    blocks.push(Block::Table(Table {
                        class: "open",
                        caption: Some(self.p.open_days.to_string()),
                        head: vec![
                            self.p.date.to_string(),
                            self.p.service_hours.to_string(),
                            self.p.note.to_string(),
                        ],
                        rows: calendar
                            .open
                            .iter()
                            .map(|d| {
                                vec![self.v.date(d.date), self.v.spans(&d.spans), note(&d.note)]
                            })
                            .collect(),
                    }));
                }
                Section::new(self.v.calendar_name(calendar), blocks)
            })
            .collect();
        section
    }

    fn fcr(&self) -> Section {
        let blocks = match &self.c.fcr {
            None => vec![Block::Paragraph(Rich::text(self.p.fcr_none))],
            Some(fcr) => vec![Block::List(vec![
                self.labelled(
                    self.p.target,
                    sentence(
                        self.p.at_least_percent,
                        &[self.v.percent_fill(&fcr.min_percent)],
                    ),
                ),
                self.labelled(self.p.period, self.v.period_fill(&fcr.period)),
            ])],
        };
        Section::new(Rich::text(self.p.fcr), blocks)
    }

    fn csat(&self) -> Section {
        let Some(csat) = &self.c.csat else {
            return Section::new(
                Rich::text(self.p.csat),
                vec![Block::Paragraph(Rich::text(self.p.csat_none))],
            );
        };
        let (low, high) = csat.scale;
        let goal = match &csat.goal {
            crate::model::CsatGoal::Score { min } => sentence(
                self.p.csat_score,
                &[
                    self.v.number_fill(min),
                    Rich::text(&low.to_string()),
                    Rich::text(&high.to_string()),
                ],
            ),
            crate::model::CsatGoal::Satisfied { min_percent } => sentence(
                self.p.csat_satisfied,
                &[
                    self.v.percent_fill(min_percent),
                    Rich::text(&high.saturating_sub(1).to_string()),
                    Rich::text(&high.to_string()),
                    Rich::text(&low.to_string()),
                ],
            ),
        };
        let mut facts = vec![self.labelled(self.p.target, goal)];
        if !csat.methods.is_empty() {
            let methods = Rich::join(
                csat.methods.iter().map(|m| self.v.text(m)),
                self.p.list_separator,
            );
            facts.push(self.labelled(self.p.csat_method, methods));
        }
        facts.push(self.labelled(self.p.csat_period, self.v.period_fill(&csat.period)));
        Section::new(Rich::text(self.p.csat), vec![Block::List(facts)])
    }

    fn support(&self) -> Section {
        let submit: Vec<Rich> = self
            .c
            .support
            .submit_via
            .iter()
            .map(|id| match self.c.channel(id) {
                Some(channel) => self.v.text(&channel.label),
                None => Rich::code(id.as_str()),
            })
            .collect();
        let submission = if submit.is_empty() {
            vec![Block::Paragraph(Rich::text(self.p.submission_any))]
        } else {
            vec![
                Block::Paragraph(Rich::text(self.p.submission_intro)),
                Block::List(submit),
            ]
        };
        let escalations = &self.c.support.escalations;
        let escalation = if escalations.is_empty() {
            vec![Block::Paragraph(Rich::text(self.p.escalation_none))]
        } else {
            vec![Block::Table(Table {
                class: "escalation",
                caption: None,
                head: vec![
                    self.p.priority.to_string(),
                    self.p.escalate_after.to_string(),
                    self.p.escalate_to.to_string(),
                ],
                rows: escalations
                    .iter()
                    .map(|e| {
                        vec![
                            match self.c.priority(e.priority.as_str()) {
                                Some(pr) => self.priority_name(pr),
                                None => Rich::text(e.priority.as_str()),
                            },
                            sentence(self.p.after_receipt, &[self.v.duration_fill(&e.after)]),
                            self.v.text(&e.to),
                        ]
                    })
                    .collect(),
            })]
        };
        let mut section = Section::new(Rich::text(self.p.support), vec![]);
        section.sections = vec![
            Section::new(Rich::text(self.p.submission), submission),
            Section::new(Rich::text(self.p.escalation), escalation),
        ];
        section
    }

    fn effective(&self) -> Section {
        let text = match &self.c.effective {
            None => Rich::text(self.p.effective_none),
            Some(e) => match &e.to {
                Some(to) => sentence(
                    self.p.effective_range,
                    &[self.v.date_fill(&e.from), self.v.date_fill(to)],
                ),
                None => sentence(self.p.effective_open, &[self.v.date_fill(&e.from)]),
            },
        };
        Section::new(
            Rich::text(self.p.term_of_agreement),
            vec![Block::Paragraph(text)],
        )
    }

    fn signatures(&self) -> Signatures {
        let party = |party: &Party, role: &str| SignatureParty {
            role: role.to_string(),
            name: self.v.text(&party.name),
            contact: party.contact.as_ref().map(|c| self.v.text(c)),
            signatory: party.signatory.as_ref().map(|s| self.v.text(s)),
        };
        Signatures {
            heading: self.p.signatures.to_string(),
            labels: [
                self.p.party_name.to_string(),
                self.p.contact.to_string(),
                self.p.signatory.to_string(),
                self.p.signature.to_string(),
                self.p.signing_date.to_string(),
            ],
            date_blank: self.p.date_blank.to_string(),
            parties: vec![
                party(&self.c.client, self.p.client),
                party(&self.c.provider, self.p.provider),
            ],
        }
    }

    fn footer(&self, options: &RenderOptions) -> Vec<Rich> {
        vec![
            self.labelled(self.p.source_file, Rich::text(&options.source_name)),
            self.labelled(self.p.fingerprint, Rich::code(&options.fingerprint)),
            phrase(self.p.footer_note, &[]),
        ]
    }
}
