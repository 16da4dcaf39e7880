//! `reporting { report PERIOD within DURATION }`: one `report` line (E011
//! when there is none, E010 for a second), its duration counted on the
//! contract clock (E032 when it cannot be).

use super::items::Items;
use super::twice::{given_twice, GIVEN};
use super::Checker;
use crate::ast::DurationAst;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::*;
use crate::source::Spanned;

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
        let zero = (
            "a report due no time after its period ends cannot be delivered",
            "give the time the provider has, such as `5 business days`",
        );
        let fits = clock_unknown || self.fits_contract_clock(&line.within, clock, zero);
        fits.then(|| Reporting {
            period: line.period.node.clone(),
            within: line.within.node.to_fill(),
        })
    }

    /// E032 for a duration counted on the contract clock (a report's
    /// deadline, a maintenance notice) that is zero (in the words `zero`:
    /// message and help), in `business days` when the contract clock is
    /// 24x7 (or there is none), or in plain `days` on a business clock (as
    /// for targets).
    pub(super) fn fits_contract_clock(
        &mut self,
        within: &Spanned<DurationAst>,
        clock: Option<&Calendar>,
        zero: (&str, &str),
    ) -> bool {
        let DurationAst::Given { amount, unit } = &within.node else {
            return true;
        };
        let always = clock.is_none_or(|c| c.always);
        let clock_name = clock.map_or("24x7 (no `clock`)".to_string(), |c| format!("`{}`", c.id));
        let (span, message, label, help) = match unit.node {
            _ if *amount == 0 => (within.span, zero.0.to_string(), "zero", zero.1.to_string()),
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
