//! The outline as GitHub-flavoured Markdown, for review in a pull request.
//!
//! All text goes through [`crate::escape::markdown`]: Markdown punctuation is backslash-escaped
//! so contract text can never become a link, emphasis, HTML or a table column.

use super::document::{Block, Document, Section, Table};
use super::rich::{Inline, Rich};
use crate::escape::markdown as escape;
use std::fmt::Write;

pub fn emit(doc: &Document) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", rich(&doc.title));
    let mut meta = vec![escape(&doc.kind)];
    meta.extend(doc.meta.iter().map(rich));
    let _ = writeln!(out, "{}\n", meta.join(" · "));
    if let Some(banner) = &doc.draft {
        let _ = writeln!(out, "> **{}**\n", escape(banner));
    }
    for paragraph in &doc.preamble {
        let _ = writeln!(out, "{}\n", rich(paragraph));
    }
    for section in &doc.sections {
        emit_section(&mut out, doc, section);
    }
    emit_signatures(&mut out, doc);
    out.push_str("---\n");
    for line in &doc.footer {
        let _ = write!(out, "\n{}\n", rich(line));
    }
    out
}

fn emit_section(out: &mut String, doc: &Document, section: &Section) {
    let _ = writeln!(
        out,
        "{} {} {}\n",
        "#".repeat(section.level()),
        section.label(),
        rich(&section.heading)
    );
    for block in &section.blocks {
        match block {
            Block::Paragraph(text) => {
                let _ = writeln!(out, "{}\n", rich(text));
            }
            Block::List(items) => {
                for item in items {
                    let _ = writeln!(out, "- {}", rich(item));
                }
                out.push('\n');
            }
            Block::Terms(terms) => {
                for (name, definition) in terms {
                    let _ = writeln!(
                        out,
                        "- **{}**{}{}",
                        rich(name),
                        escape(&doc.colon),
                        rich(definition)
                    );
                }
                out.push('\n');
            }
            Block::Table(table) => emit_table(out, table),
        }
    }
    for sub in &section.sections {
        emit_section(out, doc, sub);
    }
}

fn emit_table(out: &mut String, table: &Table) {
    if let Some(caption) = &table.caption {
        let _ = writeln!(out, "**{}**\n", bold_rich(caption));
    }
    let head: Vec<String> = table.head.iter().map(|h| escape(h)).collect();
    let _ = writeln!(out, "| {} |", head.join(" | "));
    let _ = writeln!(out, "|{}", " --- |".repeat(table.head.len()));
    for row in &table.rows {
        let cells: Vec<String> = row.iter().map(rich).collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out.push('\n');
}

fn emit_signatures(out: &mut String, doc: &Document) {
    let s = &doc.signatures;
    let _ = writeln!(out, "## {}\n", escape(&s.heading));
    let roles: Vec<String> = s.parties.iter().map(|p| escape(&p.role)).collect();
    let _ = writeln!(out, "|  | {} |", roles.join(" | "));
    let _ = writeln!(out, "| --- |{}", " --- |".repeat(s.parties.len()));
    let [name, contact, signatory, signature, date] = &s.labels;
    let row = |out: &mut String, label: &str, cells: Vec<String>| {
        let _ = writeln!(out, "| {} | {} |", escape(label), cells.join(" | "));
    };
    let optional = |value: &Option<Rich>| value.as_ref().map(rich).unwrap_or_default();
    row(out, name, s.parties.iter().map(|p| rich(&p.name)).collect());
    row(
        out,
        contact,
        s.parties.iter().map(|p| optional(&p.contact)).collect(),
    );
    row(
        out,
        signatory,
        s.parties.iter().map(|p| optional(&p.signatory)).collect(),
    );
    row(
        out,
        signature,
        s.parties.iter().map(|_| String::new()).collect(),
    );
    row(
        out,
        date,
        s.parties.iter().map(|_| escape(&s.date_blank)).collect(),
    );
    out.push('\n');
}

/// Rich text inside bold: a placeholder keeps its brackets but not a bold
/// of its own, which would close the surrounding one.
fn bold_rich(text: &Rich) -> String {
    text.0
        .iter()
        .map(|inline| match inline {
            Inline::Placeholder(s) => format!("\\[{}\\]", escape(s)),
            other => rich(&Rich(vec![other.clone()])),
        })
        .collect()
}

fn rich(text: &Rich) -> String {
    text.0
        .iter()
        .map(|inline| match inline {
            Inline::Text(s) => escape(s),
            Inline::Code(s) if !s.contains(['`', '|', '\n']) => format!("`{s}`"),
            Inline::Code(s) => escape(s),
            Inline::Placeholder(s) => format!("**\\[{}\\]**", escape(s)),
        })
        .collect()
}
