//! The formatter's `closed yearly` line: the parts in the grammar's order,
//! each written the one way the model prints it (`model::yearly`).

use super::layout::{Formatter, Node};
use crate::ast::{YearlyLine, YearlyRuleAst};
use crate::model::yearly::{limits_text, offset_text};

impl Formatter<'_> {
    /// `closed yearly 4th thu nov +1 day "Day after Thanksgiving"`
    pub(super) fn yearly_line(&self, line: &YearlyLine) -> Node {
        let mut value = yearly_rule(&line.rule);
        let mut end = line.rule.span;
        if let Some(note) = &line.note {
            value.push(' ');
            value.push_str(&self.text(note));
            end = note.span;
        }
        Node::line(
            "calendar-line",
            vec!["closed".into(), value],
            line.keyword.to(end),
        )
    }
}

/// `yearly 4th thu nov +1 day observed from 2021 except 2022`
fn yearly_rule(rule: &YearlyRuleAst) -> String {
    let mut out = format!("yearly {}", rule.base.node);
    if let Some(offset) = &rule.offset {
        out.push(' ');
        out.push_str(&offset_text(offset.node));
    }
    if let Some(adjust) = &rule.adjust {
        out.push(' ');
        out.push_str(adjust.node.word());
    }
    let except: Vec<i32> = rule.except.iter().map(|y| y.node).collect();
    out.push_str(&limits_text(
        rule.from.as_ref().map(|y| y.node),
        rule.until.as_ref().map(|y| y.node),
        &except,
    ));
    out
}
