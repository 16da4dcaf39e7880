//! The names of a check: where each calendar, channel, priority, holiday
//! set and exclusion clause is declared and referred to, in every file of
//! the check (a contract and the libraries it uses). Definition,
//! references and rename all read this one index.

use super::analysis::Analysis;
use crate::ast::{
    CalendarLine, ChannelField, CreditsLine, ExclusionLine, File, Ident, Item, ItemKind, MetricAst,
    SupportLine, TargetLine,
};
use crate::source::{FileId, Span};

/// What a name names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameKind {
    Calendar,
    Channel,
    Priority,
    HolidaySet,
    Clause,
}

impl NameKind {
    pub fn word(self) -> &'static str {
        match self {
            NameKind::Calendar => "calendar",
            NameKind::Channel => "channel",
            NameKind::Priority => "priority",
            NameKind::HolidaySet => "holiday set",
            NameKind::Clause => "clause",
        }
    }
}

/// One place a name is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    pub kind: NameKind,
    pub name: String,
    pub file: FileId,
    /// Which contract of its file it is in (`None` outside any: a
    /// library's sets). Calendars, channels, priorities and clauses are
    /// names of one contract; holiday sets are seen across files.
    pub contract: Option<usize>,
    pub span: Span,
    pub declares: bool,
}

impl Occurrence {
    /// True when both name the same thing.
    pub fn same_as(&self, other: &Occurrence) -> bool {
        self.kind == other.kind
            && self.name == other.name
            && (self.kind == NameKind::HolidaySet
                || (self.file == other.file && self.contract == other.contract))
    }
}

/// Every name of every file of a check.
pub fn index(analysis: &Analysis) -> Vec<Occurrence> {
    let mut out = Vec::new();
    for (id, file) in &analysis.asts {
        of_file(*id, file, &mut out);
    }
    out
}

/// The name written at a byte offset of a file (the offset may be just
/// after its last character, where an editor's cursor is after a word).
pub fn at(index: &[Occurrence], file: FileId, offset: usize) -> Option<&Occurrence> {
    index
        .iter()
        .find(|o| o.file == file && o.span.start() <= offset && offset <= o.span.end())
}

/// True when `text` is one name as the grammar reads names (a letter,
/// then letters, digits, `-` or `_`).
pub fn is_ident(text: &str) -> bool {
    use pest::Parser as _;
    crate::syntax::SlaParser::parse(crate::syntax::Rule::ident, text)
        .is_ok_and(|mut pairs| pairs.next().is_some_and(|p| p.as_str().len() == text.len()))
}

fn of_file(file: FileId, ast: &File, out: &mut Vec<Occurrence>) {
    for (n, contract) in ast.contracts.iter().enumerate() {
        let mut names = Names {
            file,
            contract: Some(n),
            out: &mut *out,
        };
        for item in &contract.items {
            names.item(item);
        }
    }
    let mut names = Names {
        file,
        contract: None,
        out,
    };
    for item in &ast.top {
        names.item(item);
    }
}

struct Names<'a> {
    file: FileId,
    contract: Option<usize>,
    out: &'a mut Vec<Occurrence>,
}

impl Names<'_> {
    fn push(&mut self, kind: NameKind, ident: &Ident, declares: bool) {
        self.out.push(Occurrence {
            kind,
            name: ident.node.clone(),
            file: self.file,
            contract: self.contract,
            span: ident.span,
            declares,
        });
    }

    fn declared(&mut self, kind: NameKind, ident: &Ident) {
        self.push(kind, ident, true);
    }

    fn used(&mut self, kind: NameKind, ident: &Ident) {
        self.push(kind, ident, false);
    }

    fn item(&mut self, item: &Item) {
        match &item.kind {
            ItemKind::Clock(calendar) => self.used(NameKind::Calendar, calendar),
            ItemKind::Calendar(calendar) => {
                self.declared(NameKind::Calendar, &calendar.name);
                for line in &calendar.lines {
                    if let CalendarLine::Holidays { sets, .. } = line {
                        for set in sets {
                            self.used(NameKind::HolidaySet, set);
                        }
                    }
                }
            }
            ItemKind::Holidays(set) => self.declared(NameKind::HolidaySet, &set.name),
            ItemKind::Channel(channel) => {
                self.declared(NameKind::Channel, &channel.name);
                for field in &channel.fields {
                    if let ChannelField::Hours { calendar, .. } = field {
                        self.used(NameKind::Calendar, calendar);
                    }
                }
            }
            ItemKind::Priority(priority) => {
                self.declared(NameKind::Priority, &priority.name);
                for clock in &priority.clocks {
                    self.used(NameKind::Calendar, &clock.calendar);
                }
            }
            ItemKind::Response(lines) | ItemKind::Resolution(lines) => self.targets(lines),
            ItemKind::Support(lines) => {
                for line in lines {
                    match line {
                        SupportLine::SubmitVia { channels, .. } => {
                            for channel in channels {
                                self.used(NameKind::Channel, channel);
                            }
                        }
                        SupportLine::Escalate { priority, .. } => {
                            self.used(NameKind::Priority, priority);
                        }
                    }
                }
            }
            ItemKind::Exclusions(lines) => {
                for line in lines {
                    match line {
                        ExclusionLine::Clause { id, .. } => self.declared(NameKind::Clause, id),
                        ExclusionLine::Maintenance { .. } => {}
                    }
                }
            }
            ItemKind::Credits(lines) => {
                for line in lines {
                    if let CreditsLine::Tiers(tiers) = line {
                        match &tiers.metric {
                            MetricAst::Availability(channel) => {
                                self.used(NameKind::Channel, channel);
                            }
                            MetricAst::Target(_, priority) => {
                                self.used(NameKind::Priority, priority);
                            }
                            MetricAst::Fcr | MetricAst::Csat => {}
                        }
                    }
                }
            }
            ItemKind::Id(_)
            | ItemKind::Version(_)
            | ItemKind::Language(_)
            | ItemKind::PartOf(_)
            | ItemKind::Effective { .. }
            | ItemKind::Timezone(_)
            | ItemKind::BusinessDay(_)
            | ItemKind::Pause(_)
            | ItemKind::Party(_)
            | ItemKind::Term { .. }
            | ItemKind::Scope(_)
            | ItemKind::Fcr { .. }
            | ItemKind::Csat(_)
            | ItemKind::Reporting(_)
            | ItemKind::GoverningLaw(_)
            | ItemKind::Commitment(_)
            | ItemKind::PartyNames(_) => {}
        }
    }

    fn targets(&mut self, lines: &[TargetLine]) {
        for line in lines {
            self.used(NameKind::Priority, &line.priority);
            if let Some(clock) = &line.clock {
                self.used(NameKind::Calendar, &clock.calendar);
            }
        }
    }
}
