//! `pause on "Pending", "On-hold"`: the ticket statuses that stop the
//! resolution clock (`eval --statuses`). Eval matches a status-history
//! row's `status` against these names folded by [`fold_name`] (as `aka`),
//! so a name listed twice is W008 at the second, and an empty name —
//! which would pause every ticket whose status cell is empty — is E067.
//! The response clock never pauses (§6); a contract without resolution
//! targets is already E011, so `pause on` there needs no warning of its own.

use super::items::Items;
use super::Checker;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::fold_name;
use crate::source::Span;
use std::collections::HashMap;

impl Checker<'_> {
    /// The pausing statuses as written, in order, each once; empty
    /// without `pause on`.
    pub(super) fn pause_on(&mut self, items: &Items<'_>) -> Vec<String> {
        let Some((pause, _keyword)) = items.pause else {
            return Vec::new();
        };
        let mut first: HashMap<String, Span> = HashMap::new();
        let mut statuses = Vec::with_capacity(pause.statuses.len());
        for status in &pause.statuses {
            let folded = fold_name(&status.node);
            if folded.is_empty() {
                self.push(
                    Diagnostic::new(Code::E067, status.span, "`pause on` names an empty status")
                        .with_label("an empty name")
                        .with_help("an empty cell is a missing status in eval: remove this name"),
                );
                continue;
            }
            if let Some(&span) = first.get(&folded) {
                self.push(
                    Diagnostic::new(
                        Code::W008,
                        status.span,
                        format!("`{}` is listed twice in `pause on`", status.node),
                    )
                    .with_label("listed again")
                    .with_related(span, "first listed here")
                    .with_help(
                        "remove the repeated status (statuses match ignoring case and outer spaces)",
                    ),
                );
                continue;
            }
            first.insert(folded, status.span);
            statuses.push(status.node.clone());
        }
        statuses
    }
}
