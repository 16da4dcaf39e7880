//! The changes for a person (text), for a tool (JSON) and for a reviewer
//! (Markdown, for a pull-request comment).

use super::changes::{Change, Effect, Section};
use std::fmt::Write as _;

/// `3 changes: 1 tightened, 2 relaxed, 0 neutral`.
fn counts(changes: &[Change]) -> String {
    let count = |effect: Effect| changes.iter().filter(|c| c.effect == effect).count();
    let noun = if changes.len() == 1 {
        "change"
    } else {
        "changes"
    };
    format!(
        "{} {noun}: {} tightened, {} relaxed, {} neutral",
        changes.len(),
        count(Effect::Tightened),
        count(Effect::Relaxed),
        count(Effect::Neutral)
    )
}

/// One summary line per change, then the counts; ends with a newline.
pub fn text(changes: &[Change]) -> String {
    if changes.is_empty() {
        return "no changes in meaning\n".into();
    }
    let mut out = String::new();
    for change in changes {
        let _ = writeln!(out, "{}", change.summary());
    }
    let _ = writeln!(out, "{}", counts(changes));
    out
}

/// `{"changes": [{"path", "kind", "old", "new", "effect", "summary"}]}`,
/// pretty-printed, ending with a newline.
pub fn json(changes: &[Change]) -> String {
    let list: Vec<serde_json::Value> = changes
        .iter()
        .map(|c| {
            serde_json::json!({
                "path": c.path,
                "kind": c.kind.as_str(),
                "old": c.old,
                "new": c.new,
                "effect": c.effect.as_str(),
                "summary": c.summary(),
            })
        })
        .collect();
    // `{:#}` is serde_json's pretty form, and cannot fail.
    format!("{:#}\n", serde_json::json!({ "changes": list }))
}

fn effect_cell(effect: Effect) -> &'static str {
    match effect {
        Effect::Tightened => "**tightened**",
        Effect::Relaxed => "**relaxed**",
        Effect::Neutral => "neutral",
    }
}

/// A reviewer's summary: the counts at the top, then a table per section.
/// `old` and `new` name the two versions in the heading.
pub fn markdown(changes: &[Change], old: &str, new: &str) -> String {
    let escape = crate::escape::markdown;
    let mut out = format!(
        "### Contract changes: `{}` → `{}`\n\n",
        old.replace('`', "'"),
        new.replace('`', "'")
    );
    if changes.is_empty() {
        out.push_str("No changes in meaning (formatting and comments only, if anything).\n");
        return out;
    }
    let _ = writeln!(out, "**{}.**\n", counts(changes));
    for section in Section::ALL {
        let in_section: Vec<&Change> = changes.iter().filter(|c| c.section == section).collect();
        if in_section.is_empty() {
            continue;
        }
        let _ = writeln!(out, "#### {}\n", section.title());
        out.push_str("| what | change | before | after | for the provider |\n");
        out.push_str("|---|---|---|---|---|\n");
        for change in in_section {
            let value = |v: &Option<String>| v.as_deref().map_or_else(|| "—".to_string(), escape);
            let effect = match &change.note {
                Some(note) => format!("{} ({})", effect_cell(change.effect), escape(note)),
                None => effect_cell(change.effect).to_string(),
            };
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {effect} |",
                escape(&change.subject),
                change.kind.as_str(),
                value(&change.old),
                value(&change.new),
            );
        }
        out.push('\n');
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}
