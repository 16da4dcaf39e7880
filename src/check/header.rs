//! The contract's header: its language (E013), effective period (E022)
//! and business-day rule.

use super::items::Items;
use super::Checker;
use crate::ast;
use crate::diagnostic::{did_you_mean, Code, Diagnostic};
use crate::model::*;

/// `business-day …`, by default a business day ends at the close.
pub(super) fn business_day_rule(items: &Items<'_>) -> BusinessDayRule {
    match items.business_day {
        None | Some(ast::BusinessDay::EndsAtClose) => BusinessDayRule::EndsAtClose,
        Some(ast::BusinessDay::SameTime) => BusinessDayRule::SameTime,
        Some(ast::BusinessDay::Hours(h)) => BusinessDayRule::Hours { minutes: h.node },
    }
}

impl Checker<'_> {
    /// The `language` given, else guessed from the title (E013 when unknown).
    pub(super) fn language(&mut self, items: &Items<'_>, contract: &ast::Contract) -> Lang {
        match items.language {
            None => {
                if contract
                    .title
                    .node
                    .value()
                    .is_some_and(|t| t.chars().any(crate::cjk::is_chinese_or_japanese))
                {
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
        }
    }

    pub(super) fn effective(&mut self, items: &Items<'_>) -> Option<Effective> {
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
}
