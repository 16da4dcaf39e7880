//! The values items share: texts as written (text blocks re-indented),
//! numbers as written, durations in their canonical units, time spans.

use super::layout::Formatter;
use crate::ast::*;
use crate::model::Fill;
use crate::source::Spanned;

impl Formatter<'_> {
    /// Text as written; a text block re-indented two columns under its
    /// item (its meaning does not depend on where it stands).
    pub(super) fn text(&self, text: &Text) -> String {
        let written = self.src(text.span);
        let Some(inner) = written
            .strip_prefix("\"\"\"")
            .and_then(|w| w.strip_suffix("\"\"\""))
        else {
            return written;
        };
        let mut lines: Vec<&str> = inner.split('\n').map(str::trim).collect();
        if lines.first().is_some_and(|l| l.is_empty()) {
            lines.remove(0);
        }
        if lines.last().is_some_and(|l| l.is_empty()) {
            lines.pop();
        }
        if lines.is_empty() {
            return written;
        }
        let body: Vec<String> = lines
            .iter()
            .map(|l| {
                if l.is_empty() {
                    String::new()
                } else {
                    format!("  {l}")
                }
            })
            .collect();
        format!("\"\"\"\n{}\n  \"\"\"", body.join("\n"))
    }

    pub(super) fn fill_number(&self, value: &Spanned<Fill<f64>>) -> String {
        self.src(value.span)
    }

    pub(super) fn duration(&self, duration: &Spanned<DurationAst>) -> String {
        match &duration.node {
            DurationAst::Given { amount, unit } => crate::model::Duration {
                amount: *amount,
                unit: unit.node,
            }
            .to_string(),
            DurationAst::Placeholder {
                placeholder, unit, ..
            } => {
                let placeholder = self.src(*placeholder);
                match unit {
                    Some(u) => format!("{placeholder} {}", u.node.word(false)),
                    None => placeholder,
                }
            }
        }
    }

    pub(super) fn spans(spans: &[Spanned<crate::model::TimeSpan>]) -> String {
        spans
            .iter()
            .map(|s| s.node.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    }
}
