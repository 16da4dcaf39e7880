//! `reporting { report PERIOD within DURATION }`: one `report` line (E011
//! when there is none, E010 for a second), its duration counted on the
//! contract clock (E032 when it cannot be).

use super::items::Items;
use super::twice::{given_twice, GIVEN};
use super::Checker;
use crate::ast::{DurationAst, ReportLine};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::*;

impl Checker<'_> {
    pub(super) fn reporting(
        &mut self,
        items: &Items<'_>,
        clock: Option<&Calendar>,
        clock_unknown: bool,
    ) -> Option<Reporting> {
        let (lines, keyword) = items.reporting?;
        let Some(line) = lines.first() else {
            self.push(
                Diagnostic::new(Code::E011, keyword, "`reporting` has no `report` line")
                    .with_label("report missing")
                    .with_help("write `reporting { report monthly within 5 business days }`"),
            );
            return None;
        };
        for extra in lines.iter().skip(1) {
            self.push(given_twice(
                extra.keyword,
                Some(line.keyword),
                GIVEN,
                "`report` is given twice",
                "a contract has one report line; keep one",
            ));
        }
        let fits = clock_unknown || self.report_duration_fits(line, clock);
        fits.then(|| Reporting {
            period: line.period.node.clone(),
            within: line.within.node.to_fill(),
        })
    }

    /// E032 for a report due no time after the period ends, for `business
    /// days` when the contract clock is 24x7 (or there is none), and for
    /// plain `days` on a business clock (as for targets).
    fn report_duration_fits(&mut self, line: &ReportLine, clock: Option<&Calendar>) -> bool {
        let DurationAst::Given { amount, unit } = &line.within.node else {
            return true;
        };
        let always = clock.is_none_or(|c| c.always);
        let clock_name = clock.map_or("24x7 (no `clock`)".to_string(), |c| format!("`{}`", c.id));
        let (span, message, label, help) = match unit.node {
            _ if *amount == 0 => (
                line.within.span,
                "a report due no time after its period ends cannot be delivered".to_string(),
                "zero",
                "give the time the provider has, such as `5 business days`".to_string(),
            ),
            Unit::BusinessDays if always => (
                unit.span,
                format!("`business days` need business hours, but the contract clock is {clock_name}, which is always open"),
                "no business days on a 24x7 clock",
                format!(
                    "write `{}`, or give the contract a business `clock`",
                    Duration { amount: *amount, unit: Unit::Days }
                ),
            ),
            Unit::Days if !always => (
                unit.span,
                format!("`days` on the business contract clock {clock_name} is ambiguous"),
                "calendar days on a business clock",
                format!(
                    "write `{}`",
                    Duration { amount: *amount, unit: Unit::BusinessDays }
                ),
            ),
            Unit::Minutes | Unit::Hours | Unit::Days | Unit::BusinessDays => return true,
        };
        self.push(
            Diagnostic::new(Code::E032, span, message)
                .with_label(label)
                .with_help(help),
        );
        false
    }
}
