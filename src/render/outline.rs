//! Builds the appendix's [`Document`] from the model: which sections, in
//! which order, with which words. The outline knows nothing about markup.

use super::document::{Block, Document, Running, Section, SignatureParty, Signatures, Table};
use super::holiday_phrases::HolidayPhrases;
use super::holiday_sets::HolidaySets;
use super::options::RenderOptions;
use super::parties::{Parties, PartyName};
use super::phrases::Phrases;
use super::remedies::Remedies;
use super::remedy_phrases::RemedyPhrases;
use super::rich::{phrase, sentence, Rich};
use super::values::Values;
use super::wording::Wording;
use super::zone_names;
use crate::model::{CommitmentSection, Contract, Lang, Party, Priority, Target, TargetKind, Unit};

/// A dash for an empty table cell.
const NONE: &str = "—";

/// Builds the outline of a contract's appendix.
pub fn build(contract: &Contract, options: &RenderOptions) -> Document {
    let values = Values::of(options.lang);
    let parties = Parties::new(contract, options.lang, values);
    let builder = Builder {
        contract,
        lang: options.lang,
        phrases: Phrases::of(options.lang),
        values,
        parties: &parties,
        remedies: Remedies::new(contract, values, RemedyPhrases::of(options.lang), &parties),
        holiday_sets: HolidaySets::new(contract, values, HolidayPhrases::of(options.lang)),
        wording: Wording::new(contract, values, options.lang, &parties),
    };
    let mut sections = vec![
        builder.definitions(),
        builder.scope(),
        builder.targets(),
        builder.support(),
        builder.remedies.exclusions(),
        builder.remedies.credits(),
        builder.effective(),
    ];
    number(&mut sections, &[]);
    Document {
        lang: options.lang,
        title: builder.values.text(&contract.title),
        kind: builder.phrases.kind.to_string(),
        meta: builder.meta(),
        colon: builder.phrases.colon.to_string(),
        draft: (options.draft || contract.has_placeholders())
            .then(|| builder.phrases.draft_banner.to_string()),
        preamble: builder.preamble(),
        sections,
        signatures: builder.signatures(),
        footer: builder.footer(options),
        running: Running::new(options.lang, builder.meta(), builder.fingerprint(options)),
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
    contract: &'a Contract,
    lang: Lang,
    phrases: &'static Phrases,
    values: Values,
    /// What the fixed text calls the parties.
    parties: &'a Parties,
    /// Sections 5 and 6, and the remedies' sentences in 1 and 3.3.
    remedies: Remedies<'a>,
    /// The holiday sets under each calendar of 3.4.
    holiday_sets: HolidaySets<'a>,
    /// The governing law, the business-day citation and the commitments.
    wording: Wording<'a>,
}

impl Builder<'_> {
    /// The intro of response, resolution or availability, which always
    /// have one (FCR and CSAT have one only with a `commitment`).
    fn intro(&self, section: CommitmentSection) -> Rich {
        self.wording.intro(section).unwrap_or_default()
    }

    fn labelled(&self, label: &str, value: Rich) -> Rich {
        self.values.labelled(label, value)
    }

    fn meta(&self) -> Vec<Rich> {
        let mut meta = Vec::new();
        if let Some(id) = &self.contract.id {
            meta.push(self.labelled(self.phrases.agreement_id, self.values.text(id)));
        }
        if let Some(version) = &self.contract.version {
            meta.push(self.labelled(self.phrases.version, self.values.text(version)));
        }
        meta
    }

    /// A party as the preamble introduces it: its name and what the text
    /// calls it. With the template's roles, a different short name of the
    /// contract's is added ("亦称"); names chosen with `party-names` are
    /// used throughout, so the party is introduced by that name alone.
    fn party(&self, party: &Party, called: &PartyName) -> Rich {
        let name = self.values.text(&party.name);
        if self.parties.chosen {
            return sentence(self.phrases.party_as_named, &[name, called.word()]);
        }
        let role = called.word();
        match &party.short {
            Some(short) if short.value().map(String::as_str) != Some(role.plain().as_str()) => {
                sentence(
                    self.phrases.party_as_also,
                    &[name, role, self.values.text(short)],
                )
            }
            _ => sentence(self.phrases.party_as, &[name, role]),
        }
    }

    fn preamble(&self) -> Vec<Rich> {
        let mut opening = sentence(
            self.phrases.preamble,
            &[
                self.party(&self.contract.client, &self.parties.client),
                self.party(&self.contract.provider, &self.parties.provider),
            ],
        );
        opening.push_text(self.phrases.sentence_gap);
        opening.extend(self.phrases.purpose.of(self.parties));
        let part_of = match &self.contract.part_of {
            Some(contract) => {
                let template = if contract.value().is_some_and(|t| already_quoted(t)) {
                    self.phrases.part_of_quoted
                } else {
                    self.phrases.part_of
                };
                sentence(template, &[self.values.text(contract)])
            }
            None => Rich::text(self.phrases.part_of_none),
        };
        let mut preamble = vec![opening, part_of];
        preamble.extend(self.wording.governing_law());
        preamble
    }

    fn definitions(&self) -> Section {
        let mut terms: Vec<(Rich, Rich)> = self
            .phrases
            .standard_terms
            .iter()
            .map(|t| (Rich::text(t.name), t.definition.of(self.parties)))
            .collect();
        terms.extend(
            self.contract
                .terms
                .iter()
                .map(|t| (self.values.text(&t.name), self.values.text(&t.definition))),
        );
        terms.push((
            Rich::text(self.phrases.business_day),
            Rich::text(self.phrases.business_day_definition),
        ));
        let mut counting = Rich::text(self.phrases.counting_open_time);
        if self.uses_days() {
            counting.push_text(self.phrases.sentence_gap);
            counting.push_text(self.phrases.counting_days);
        }
        counting.push_text(self.phrases.sentence_gap);
        counting.extend(self.wording.business_day_rule());
        if !self.contract.pause_on.is_empty() {
            counting.push_text(self.phrases.sentence_gap);
            counting.extend(sentence(
                self.phrases.counting_paused,
                &[Rich::join(
                    self.contract.pause_on.iter().map(|s| Rich::code(s)),
                    self.phrases.list_separator,
                )],
            ));
        }
        if let Some(other) = self.remedies.counting_other() {
            counting.push_text(self.phrases.sentence_gap);
            counting.extend(other);
        }
        terms.push((Rich::text(self.phrases.counting), counting));

        let mut blocks = vec![
            Block::Paragraph(Rich::text(self.phrases.definitions_intro)),
            Block::Terms(terms),
        ];
        if let Some(zone) = self.contract.timezone {
            let rule = match zone_names::local_name(self.lang, zone.name()) {
                Some(_) => self.phrases.time_zone_rule_named,
                None => self.phrases.time_zone_rule,
            };
            blocks.push(Block::Paragraph(sentence(
                rule,
                &[zone_names::first_mention(self.lang, zone.name())],
            )));
        }
        Section::new(Rich::text(self.phrases.definitions), blocks)
    }

    /// True when some target or escalation is in calendar days.
    fn uses_days(&self) -> bool {
        let is_days = |d: &crate::model::Fill<crate::model::Duration>| {
            d.value().is_some_and(|d| d.unit == Unit::Days)
        };
        self.contract
            .priorities
            .iter()
            .any(|p| is_days(&p.response.within) || is_days(&p.resolution.within))
            || self
                .contract
                .support
                .escalations
                .iter()
                .any(|e| is_days(&e.after))
    }

    fn list_or_none(&self, items: Vec<Rich>) -> Block {
        if items.is_empty() {
            Block::Paragraph(Rich::text(self.phrases.not_specified))
        } else {
            Block::List(items)
        }
    }

    fn scope(&self) -> Section {
        let services = self
            .contract
            .services
            .iter()
            .map(|s| self.values.text(&s.label));
        let audience = self.contract.audience.iter().map(|a| self.values.text(a));
        let channels = Table {
            class: "channels",
            caption: None,
            head: vec![
                self.phrases.channel.to_string(),
                self.phrases.service_hours.to_string(),
                self.phrases.contact.to_string(),
            ],
            rows: self
                .contract
                .channels
                .iter()
                .map(|ch| {
                    vec![
                        self.values.text(&ch.label),
                        self.values.hours(self.contract, ch.hours.as_ref()),
                        ch.contact
                            .as_ref()
                            .map_or_else(|| Rich::text(NONE), |c| self.values.text(c)),
                    ]
                })
                .collect(),
        };
        let mut section = Section::new(
            Rich::text(self.phrases.scope),
            vec![Block::Paragraph(self.phrases.scope_intro.of(self.parties))],
        );
        section.sections = vec![
            Section::new(
                Rich::text(self.phrases.services),
                vec![self.list_or_none(services.collect())],
            ),
            Section::new(
                Rich::text(self.phrases.audience),
                vec![self.list_or_none(audience.collect())],
            ),
            Section::new(
                Rich::text(self.phrases.channels),
                vec![Block::Table(channels)],
            ),
        ];
        section
    }

    fn priority_name(&self, priority: &Priority) -> Rich {
        let mut out = Rich::text(priority.id.as_str());
        out.push_text(" ");
        out.extend(self.values.text(&priority.label));
        out
    }

    /// The clock a target runs on; a target on its own clock says so.
    fn target_clock(&self, priority: &Priority, kind: TargetKind) -> Rich {
        let clock = self.values.clock(self.contract, priority.clock_for(kind));
        match priority.target(kind).clock {
            Some(_) => sentence(self.phrases.own_clock, &[clock]),
            None => clock,
        }
    }

    fn attainment(&self, target: &Target) -> Rich {
        match &target.attainment {
            Some(share) => self.values.percent_fill(share),
            None => self.values.percent(100.0),
        }
    }

    fn targets(&self) -> Section {
        let response = Table {
            class: TargetKind::Response.word(),
            caption: None,
            head: vec![
                self.phrases.priority.to_string(),
                self.phrases.definition.to_string(),
                self.phrases.clock.to_string(),
                self.phrases.target.to_string(),
                self.phrases.attainment.to_string(),
            ],
            rows: self
                .contract
                .priorities
                .iter()
                .map(|pr| {
                    vec![
                        self.priority_name(pr),
                        pr.definition
                            .as_ref()
                            .map_or_else(|| Rich::text(NONE), |d| self.values.text(d)),
                        self.target_clock(pr, TargetKind::Response),
                        sentence(
                            self.phrases.respond_within,
                            &[self.values.duration_fill(&pr.response.within)],
                        ),
                        self.attainment(&pr.response),
                    ]
                })
                .collect(),
        };
        let resolution = Table {
            class: TargetKind::Resolution.word(),
            caption: None,
            head: vec![
                self.phrases.priority.to_string(),
                self.phrases.clock.to_string(),
                self.phrases.target.to_string(),
                self.phrases.attainment.to_string(),
            ],
            rows: self
                .contract
                .priorities
                .iter()
                .map(|pr| {
                    let template = if pr.resolution.or_workaround {
                        self.phrases.resolve_or_workaround_within
                    } else {
                        self.phrases.resolve_within
                    };
                    vec![
                        self.priority_name(pr),
                        self.target_clock(pr, TargetKind::Resolution),
                        sentence(
                            template,
                            &[self.values.duration_fill(&pr.resolution.within)],
                        ),
                        self.attainment(&pr.resolution),
                    ]
                })
                .collect(),
        };
        let note = Block::Paragraph(Rich::text(self.phrases.attainment_note));
        let mut section = Section::new(
            Rich::text(self.phrases.targets),
            self.system_names().into_iter().collect(),
        );
        section.sections = vec![
            Section::new(
                Rich::text(self.phrases.response),
                vec![
                    Block::Paragraph(self.intro(CommitmentSection::Response)),
                    Block::Table(response),
                    note.clone(),
                ],
            ),
            Section::new(
                Rich::text(self.phrases.resolution),
                vec![
                    Block::Paragraph(self.intro(CommitmentSection::Resolution)),
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

    /// One line: the `aka` names of the priorities and channels that have
    /// some, `P1: urgent, P1 - Critical; Email: Email, mail`; none without.
    fn system_names(&self) -> Option<Block> {
        let priorities = self
            .contract
            .priorities
            .iter()
            .map(|p| (Rich::text(p.id.as_str()), &p.aka));
        let channels = self
            .contract
            .channels
            .iter()
            .map(|c| (self.values.text(&c.label), &c.aka));
        let entries: Vec<Rich> = priorities
            .chain(channels)
            .filter(|(_, aka)| !aka.is_empty())
            .map(|(mut entry, aka)| {
                entry.push_text(self.phrases.colon);
                entry.extend(Rich::join(
                    aka.iter().map(|name| Rich::code(name)),
                    self.phrases.list_separator,
                ));
                entry
            })
            .collect();
        (!entries.is_empty()).then(|| {
            Block::Paragraph(sentence(
                self.phrases.system_names,
                &[Rich::join(entries, self.phrases.clause_separator)],
            ))
        })
    }

    fn availability(&self) -> Section {
        let rows: Vec<Vec<Rich>> = self
            .contract
            .channels
            .iter()
            .filter_map(|ch| {
                let a = ch.availability.as_ref()?;
                Some(vec![
                    self.values.text(&ch.label),
                    self.values.hours(self.contract, ch.hours.as_ref()),
                    sentence(
                        self.phrases.at_least_percent,
                        &[self.values.percent_fill(&a.percent)],
                    ),
                    self.values.period_fill(&a.period),
                ])
            })
            .collect();
        let blocks = if rows.is_empty() {
            vec![Block::Paragraph(Rich::text(self.phrases.availability_none))]
        } else {
            vec![
                Block::Paragraph(self.intro(CommitmentSection::Availability)),
                Block::Table(Table {
                    class: "availability",
                    caption: None,
                    head: vec![
                        self.phrases.channel.to_string(),
                        self.phrases.service_hours.to_string(),
                        self.phrases.availability_target.to_string(),
                        self.phrases.period.to_string(),
                    ],
                    rows,
                }),
                self.remedies.availability_measured(),
            ]
        };
        Section::new(Rich::text(self.phrases.availability), blocks)
    }

    fn service_hours(&self) -> Section {
        let mut section = Section::new(
            Rich::text(self.phrases.service_hours),
            vec![Block::Paragraph(Rich::text(self.phrases.hours_intro))],
        );
        section.sections = self
            .contract
            .calendars
            .iter()
            .map(|calendar| {
                let mut facts = vec![self.labelled(
                    self.phrases.weekly_hours,
                    if calendar.always {
                        Rich::text(self.phrases.always)
                    } else {
                        self.values.weekly(&calendar.weekly)
                    },
                )];
                if !calendar.always && Some(calendar.timezone) != self.contract.timezone {
                    facts.push(self.labelled(
                        self.phrases.calendar_time_zone,
                        zone_names::first_mention(self.lang, calendar.timezone.name()),
                    ));
                }
                let mut blocks = vec![Block::List(facts)];
                blocks.extend(self.holiday_sets.under(calendar));
                let note = |n: &Option<crate::model::Text>| {
                    n.as_ref()
                        .map_or_else(|| Rich::text(NONE), |n| self.values.text(n))
                };
                if !calendar.closed.is_empty() {
                    blocks.push(Block::Table(Table {
                        class: "closed",
                        caption: Some(Rich::text(self.phrases.closed_days)),
                        head: vec![self.phrases.date.to_string(), self.phrases.note.to_string()],
                        rows: calendar
                            .closed
                            .iter()
                            .map(|d| vec![self.values.date_range(d.from, d.to), note(&d.note)])
                            .collect(),
                    }));
                }
                if !calendar.open.is_empty() {
                    blocks.push(Block::Table(Table {
                        class: "open",
                        caption: Some(Rich::text(self.phrases.open_days)),
                        head: vec![
                            self.phrases.date.to_string(),
                            self.phrases.service_hours.to_string(),
                            self.phrases.note.to_string(),
                        ],
                        rows: calendar
                            .open
                            .iter()
                            .map(|d| {
                                vec![
                                    self.values.date(d.date),
                                    self.values.spans(&d.spans),
                                    note(&d.note),
                                ]
                            })
                            .collect(),
                    }));
                }
                Section::new(self.values.calendar_name(calendar), blocks)
            })
            .collect();
        section
    }

    fn fcr(&self) -> Section {
        let blocks = match &self.contract.fcr {
            None => vec![Block::Paragraph(Rich::text(self.phrases.fcr_none))],
            Some(fcr) => {
                let facts = Block::List(vec![
                    self.labelled(
                        self.phrases.target,
                        sentence(
                            self.phrases.at_least_percent,
                            &[self.values.percent_fill(&fcr.min_percent)],
                        ),
                    ),
                    self.labelled(self.phrases.period, self.values.period_fill(&fcr.period)),
                ]);
                let intro = self.wording.intro(CommitmentSection::Fcr);
                intro
                    .map(Block::Paragraph)
                    .into_iter()
                    .chain([facts])
                    .collect()
            }
        };
        Section::new(Rich::text(self.phrases.fcr), blocks)
    }

    fn csat(&self) -> Section {
        let Some(csat) = &self.contract.csat else {
            return Section::new(
                Rich::text(self.phrases.csat),
                vec![Block::Paragraph(Rich::text(self.phrases.csat_none))],
            );
        };
        let (low, high) = csat.scale;
        let goal = match &csat.goal {
            crate::model::CsatGoal::Score { min } => self.phrases.csat_score.with(
                self.parties,
                &[
                    self.values.number_fill(min),
                    Rich::text(&low.to_string()),
                    Rich::text(&high.to_string()),
                ],
            ),
            crate::model::CsatGoal::Satisfied { min_percent } => sentence(
                self.phrases.csat_satisfied,
                &[
                    self.values.percent_fill(min_percent),
                    Rich::text(&high.saturating_sub(1).to_string()),
                    Rich::text(&high.to_string()),
                    Rich::text(&low.to_string()),
                ],
            ),
        };
        let mut facts = vec![self.labelled(self.phrases.target, goal)];
        if !csat.methods.is_empty() {
            let methods = Rich::join(
                csat.methods.iter().map(|m| self.values.text(m)),
                self.phrases.list_separator,
            );
            facts.push(self.labelled(self.phrases.csat_method, methods));
        }
        facts.push(self.labelled(
            self.phrases.csat_period,
            self.values.period_fill(&csat.period),
        ));
        let mut blocks: Vec<Block> = self
            .wording
            .intro(CommitmentSection::Csat)
            .map(Block::Paragraph)
            .into_iter()
            .collect();
        blocks.push(Block::List(facts));
        Section::new(Rich::text(self.phrases.csat), blocks)
    }

    fn support(&self) -> Section {
        let submit: Vec<Rich> = self
            .contract
            .support
            .submit_via
            .iter()
            .map(|id| match self.contract.channel(id) {
                Some(channel) => self.values.text(&channel.label),
                None => Rich::code(id.as_str()),
            })
            .collect();
        let submission = if submit.is_empty() {
            vec![Block::Paragraph(
                self.phrases.submission_any.of(self.parties),
            )]
        } else {
            vec![
                Block::Paragraph(self.phrases.submission_intro.of(self.parties)),
                Block::List(submit),
            ]
        };
        let escalations = &self.contract.support.escalations;
        let escalation = if escalations.is_empty() {
            vec![Block::Paragraph(Rich::text(self.phrases.escalation_none))]
        } else {
            vec![Block::Table(Table {
                class: "escalation",
                caption: None,
                head: vec![
                    self.phrases.priority.to_string(),
                    self.phrases.escalate_after.to_string(),
                    self.phrases.escalate_to.to_string(),
                ],
                rows: escalations
                    .iter()
                    .map(|e| {
                        vec![
                            match self.contract.priority(e.priority.as_str()) {
                                Some(pr) => self.priority_name(pr),
                                None => Rich::text(e.priority.as_str()),
                            },
                            sentence(
                                self.phrases.after_receipt,
                                &[self.values.duration_fill(&e.after)],
                            ),
                            self.values.text(&e.to),
                        ]
                    })
                    .collect(),
            })]
        };
        let mut section = Section::new(Rich::text(self.phrases.support), vec![]);
        section.sections = vec![
            Section::new(Rich::text(self.phrases.submission), submission),
            Section::new(Rich::text(self.phrases.escalation), escalation),
        ];
        // Only when given, so that the appendices of contracts without it
        // stay as they were (it is the last subsection: no number moves).
        if let Some(reporting) = &self.contract.reporting {
            let due = self.phrases.report_due.with(
                self.parties,
                &[
                    self.values.period_fill(&reporting.period),
                    self.values.duration_fill(&reporting.within),
                ],
            );
            section.sections.push(Section::new(
                Rich::text(self.phrases.reporting),
                vec![Block::Paragraph(due)],
            ));
        }
        section
    }

    fn effective(&self) -> Section {
        let text = match &self.contract.effective {
            None => Rich::text(self.phrases.effective_none),
            Some(e) => match &e.to {
                Some(to) => sentence(
                    self.phrases.effective_range,
                    &[self.values.date_fill(&e.from), self.values.date_fill(to)],
                ),
                None => sentence(
                    self.phrases.effective_open,
                    &[self.values.date_fill(&e.from)],
                ),
            },
        };
        Section::new(
            Rich::text(self.phrases.term_of_agreement),
            vec![Block::Paragraph(text)],
        )
    }

    fn signatures(&self) -> Signatures {
        let party = |party: &Party, called: &PartyName| SignatureParty {
            role: called.word().plain(),
            name: self.values.text(&party.name),
            contact: party.contact.as_ref().map(|c| self.values.text(c)),
            signatory: party.signatory.as_ref().map(|s| self.values.text(s)),
        };
        Signatures {
            heading: self.phrases.signatures.to_string(),
            labels: [
                self.phrases.party_name.to_string(),
                self.phrases.contact.to_string(),
                self.phrases.signatory.to_string(),
                self.phrases.signature.to_string(),
                self.phrases.signing_date.to_string(),
            ],
            date_blank: self.phrases.date_blank.to_string(),
            parties: vec![
                party(&self.contract.client, &self.parties.client),
                party(&self.contract.provider, &self.parties.provider),
            ],
        }
    }

    fn footer(&self, options: &RenderOptions) -> Vec<Rich> {
        vec![
            self.labelled(self.phrases.source_file, Rich::text(&options.source_name)),
            self.fingerprint(options),
            phrase(self.phrases.footer_note, &[]),
        ]
    }

    fn fingerprint(&self, options: &RenderOptions) -> Rich {
        self.labelled(self.phrases.fingerprint, Rich::code(&options.fingerprint))
    }
}

/// Does a master contract's name already carry its own title marks or
/// quotes (`《合作合同》HT-2027-001`)? Then the sentence must not add more.
fn already_quoted(name: &str) -> bool {
    name.contains(['《', '“', '"', '「', '『'])
}

#[cfg(test)]
mod tests {
    use crate::model::Lang;

    fn appendix(text: &str, lang: Lang) -> String {
        crate::render::markdown_of(text, lang, false)
    }

    #[test]
    fn reporting_is_section_4_3_in_both_languages_only_when_given() {
        let with = include_str!("../../tests/fixtures/reporting.sla");
        assert!(appendix(with, Lang::ZhCn).contains(
            "### 4.3 服务报告\n\n服务方应在每个报告周期（每月）结束后 5 个工作日内，向客户提交该周期的服务级别报告；期限按第1条的方式计算。"
        ));
        assert!(appendix(with, Lang::En).contains(
            "### 4.3 Reporting\n\nThe Provider shall deliver to the Client its service level report for each reporting period (monthly) within 5 business days after the end of that period, counted as section 1 sets out."
        ));
        let line = "  reporting { report monthly within 5 business days }\n";
        assert!(with.contains(line));
        let without = with.replace(line, "");
        assert!(!appendix(&without, Lang::ZhCn).contains("服务报告"));
        assert!(!appendix(&without, Lang::En).contains("Reporting"));
    }
}
