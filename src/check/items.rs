//! Sorting a contract's items by kind: single items given twice (E010) and
//! the parts of the contract later checks look up.

use super::twice::{given_twice, GIVEN};
use super::Checker;
use crate::ast::*;
use crate::model::{Fill, Period, TargetKind};
use crate::source::{Span, Spanned};
use chrono::NaiveDate;

pub(super) type DateValue = Spanned<Fill<NaiveDate>>;
/// `fcr at least N% PERIOD`: the share and the period, if given.
pub(super) type Fcr<'a> = (&'a Spanned<Fill<f64>>, Option<&'a Spanned<Fill<Period>>>);

/// A target block with the span of its keyword.
pub(super) struct Targets<'a> {
    pub lines: &'a [TargetLine],
    pub keyword: Span,
}

#[derive(Default)]
pub(super) struct Items<'a> {
    pub id: Option<&'a Text>,
    pub version: Option<&'a Text>,
    pub language: Option<&'a Ident>,
    pub part_of: Option<&'a Text>,
    pub effective: Option<(&'a DateValue, Option<&'a DateValue>)>,
    pub timezone: Option<&'a Text>,
    pub clock: Option<&'a Ident>,
    pub business_day: Option<&'a BusinessDay>,
    /// `pause on …`, with the span of the keyword.
    pub pause: Option<(&'a Pause, Span)>,
    pub parties: Vec<(&'a Party, Span)>,
    pub terms: Vec<(&'a Text, &'a Text)>,
    pub scope: Option<(&'a [ScopeLine], Span)>,
    pub calendars: Vec<&'a Calendar>,
    pub channels: Vec<&'a Channel>,
    pub priorities: Vec<&'a Priority>,
    pub response: Option<Targets<'a>>,
    pub resolution: Option<Targets<'a>>,
    pub fcr: Option<Fcr<'a>>,
    pub csat: Option<&'a Csat>,
    pub support: Option<&'a [SupportLine]>,
    /// The `reporting` lines, with the span of the keyword.
    pub reporting: Option<(&'a [ReportLine], Span)>,
    pub holidays: Vec<&'a HolidaySet>,
    /// The `exclusions` lines, with the span of the keyword.
    pub exclusions: Option<(&'a [ExclusionLine], Span)>,
    /// The `credits` lines, with the span of the keyword.
    pub credits: Option<(&'a [CreditsLine], Span)>,
    pub governing_law: Option<&'a GoverningLaw>,
    /// The `commitment` lines, each with the span of its keyword.
    pub commitments: Vec<(&'a Commitment, Span)>,
    pub party_names: Option<&'a PartyNames>,
}

impl<'a> Items<'a> {
    /// The first target line of `priority` in the block of `kind`.
    pub(super) fn target_line(&self, kind: TargetKind, priority: &str) -> Option<&'a TargetLine> {
        let block = match kind {
            TargetKind::Response => self.response.as_ref(),
            TargetKind::Resolution => self.resolution.as_ref(),
        }?;
        block.lines.iter().find(|l| l.priority.node == priority)
    }
}

impl Checker<'_> {
    pub(super) fn items<'a>(&mut self, contract: &'a Contract) -> Items<'a> {
        let mut items = Items::default();
        let mut seen: Vec<(&'static str, Span)> = Vec::new();
        for item in &contract.items {
            let keyword = item.kind.keyword();
            if !item.kind.name().spec().repeatable {
                if let Some((_, first)) = seen.iter().find(|(k, _)| *k == keyword) {
                    let first = *first;
                    self.push(given_twice(
                        item.keyword,
                        Some(first),
                        GIVEN,
                        format!("`{keyword}` is given twice"),
                        format!("a contract has one `{keyword}`; merge the two or remove one"),
                    ));
                    continue;
                }
                seen.push((keyword, item.keyword));
            }
            match &item.kind {
                ItemKind::Id(t) => items.id = Some(t),
                ItemKind::Version(t) => items.version = Some(t),
                ItemKind::Language(l) => items.language = Some(l),
                ItemKind::PartOf(t) => items.part_of = Some(t),
                ItemKind::Effective { from, to } => items.effective = Some((from, to.as_ref())),
                ItemKind::Timezone(t) => items.timezone = Some(t),
                ItemKind::Clock(c) => items.clock = Some(c),
                ItemKind::BusinessDay(b) => items.business_day = Some(b),
                ItemKind::Pause(p) => items.pause = Some((p, item.keyword)),
                ItemKind::Party(p) => items.parties.push((p, item.keyword)),
                ItemKind::Term { name, definition } => items.terms.push((name, definition)),
                ItemKind::Scope(lines) => items.scope = Some((lines, item.keyword)),
                ItemKind::Calendar(c) => items.calendars.push(c),
                ItemKind::Channel(c) => items.channels.push(c),
                ItemKind::Priority(p) => items.priorities.push(p),
                ItemKind::Response(lines) => {
                    items.response = Some(Targets {
                        lines,
                        keyword: item.keyword,
                    })
                }
                ItemKind::Resolution(lines) => {
                    items.resolution = Some(Targets {
                        lines,
                        keyword: item.keyword,
                    })
                }
                ItemKind::Fcr { min, period } => items.fcr = Some((min, period.as_ref())),
                ItemKind::Csat(c) => items.csat = Some(c),
                ItemKind::Support(lines) => items.support = Some(lines),
                ItemKind::Reporting(lines) => items.reporting = Some((lines, item.keyword)),
                ItemKind::Exclusions(lines) => items.exclusions = Some((lines, item.keyword)),
                ItemKind::Credits(lines) => items.credits = Some((lines, item.keyword)),
                ItemKind::Holidays(set) => items.holidays.push(set),
                ItemKind::GoverningLaw(law) => items.governing_law = Some(law),
                ItemKind::Commitment(c) => items.commitments.push((c, item.keyword)),
                ItemKind::PartyNames(names) => items.party_names = Some(names),
            }
        }
        items
    }
}
