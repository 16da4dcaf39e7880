//! The outline as Typst markup, for the embedded PDF engine.
//!
//! Structure is Typst markup and calls of the few functions the prelude
//! defines; every piece of text — fixed or from the contract — is a Typst
//! string literal ([`crate::escape::typst_string`]) shown with `#"…";`, so
//! no character of it is markup. Pages: A4, the agreement id and version in
//! the header and the fingerprint and "page X of Y" in the footer of every
//! page; table headers repeat (`table.header`), rows and the signature
//! block never split, headings and table captions stay with what follows.

use crate::escape::typst_string as string;
use crate::model::Lang;
use crate::render::document::{Block, Document, Running, Section, Table};
use crate::render::nobreak;
use crate::render::rich::{Inline, Rich};
use std::fmt::Write;

/// The functions and page set-up every document uses. `nobreak` keeps an
/// e-mail address on one line, `code` an identifier, `placeholder` marks a
/// `[…]` still to be filled in.
const PRELUDE: &str = r##"#let mono = ("DejaVu Sans Mono", "Noto Sans Mono CJK SC", "Noto Sans Mono")
#let nobreak(s) = box(s)
#let code(s) = box(text(font: mono, size: 0.92em, s))
#let placeholder(s) = box(highlight(fill: rgb("#ffe45c"), extent: 1pt, "[" + s + "]"))
#set par(justify: true, leading: 0.75em, spacing: 0.9em)
#set list(indent: 0.6em, body-indent: 0.6em)
#set table(stroke: 0.75pt + luma(85), inset: (x: 5pt, y: 3pt), fill: (_, y) => if y == 0 { luma(236) })
#set table.cell(breakable: false)
#show table: set text(size: 9.5pt)
#show table: set par(justify: false)
#show heading: set block(above: 1.4em, below: 0.7em)
#show heading.where(level: 2): it => block(sticky: true, width: 100%, stroke: (bottom: 0.75pt + luma(150)), inset: (bottom: 2pt), text(size: 13.5pt, it.body))
#show heading.where(level: 3): set text(size: 11.5pt)
#show heading.where(level: 4): set text(size: 10.5pt)
"##;

/// The fonts of each language, body and headings; Typst falls back to any
/// other font that has a glyph (the embedded Libertinus Serif last).
fn fonts(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::ZhCn => (
            r#"("Noto Serif CJK SC", "Source Han Serif SC", "Noto Serif", "Libertinus Serif")"#,
            r#"("Noto Sans CJK SC", "Source Han Sans SC", "Noto Sans", "DejaVu Sans")"#,
        ),
        Lang::En => (
            r#"("Noto Serif", "Libertinus Serif", "Noto Serif CJK SC", "Source Han Serif SC")"#,
            r#"("Noto Sans", "DejaVu Sans", "Noto Sans CJK SC", "Source Han Sans SC")"#,
        ),
    }
}

/// Typst's language and region for the text (line breaking, quotes).
fn text_lang(lang: Lang) -> &'static str {
    match lang {
        Lang::ZhCn => r#"lang: "zh", region: "cn""#,
        Lang::En => r#"lang: "en""#,
    }
}

pub fn emit(doc: &Document) -> String {
    let mut out = String::from(PRELUDE);
    let (body, headings) = fonts(doc.lang);
    let _ = writeln!(
        out,
        "#set text(font: {body}, size: 10.5pt, hyphenate: false, {})",
        text_lang(doc.lang)
    );
    let _ = writeln!(out, "#show heading: set text(font: {headings})");
    let _ = writeln!(
        out,
        "#set document(title: {}, date: none)",
        string(&doc.title.plain().replace('\n', " "))
    );
    page(&mut out, &doc.running, headings);

    out.push_str("#align(center)[\n");
    let _ = writeln!(
        out,
        "#text(font: {headings}, size: 10pt, tracking: 0.1em, fill: luma(68), {})\n",
        string(&doc.kind)
    );
    let _ = writeln!(
        out,
        "#block(above: 2pt, below: 4pt, text(font: {headings}, size: 19pt, weight: \"bold\")[{}])\n",
        rich(&doc.title)
    );
    if !doc.meta.is_empty() {
        let meta: Vec<String> = doc.meta.iter().map(rich).collect();
        let _ = writeln!(out, "{}\n", meta.join("#\" · \";"));
    }
    out.push_str("]\n\n");
    if let Some(banner) = &doc.draft {
        let _ = writeln!(
            out,
            "#block(width: 100%, stroke: 1.5pt + rgb(\"#b00\"), inset: 6pt, align(center, text(fill: rgb(\"#b00\"), weight: \"bold\", {})))\n",
            string(banner)
        );
    }
    for paragraph in &doc.preamble {
        let _ = writeln!(out, "{}\n", rich(paragraph));
    }
    for section in &doc.sections {
        emit_section(&mut out, section);
    }
    emit_signatures(&mut out, doc);
    out.push_str(
        "#block(above: 20pt, width: 100%, stroke: (top: 0.75pt + luma(150)), inset: (top: 4pt), text(size: 8.5pt, fill: luma(68))[\n",
    );
    let lines: Vec<String> = doc.footer.iter().map(rich).collect();
    out.push_str(&lines.join(" \\\n"));
    out.push_str("\n])\n");
    out
}

/// A4, and on every page: id and version at the top, fingerprint and
/// "page X of Y" at the bottom.
fn page(out: &mut String, running: &Running, headings: &str) {
    let ids: Vec<String> = running.ids.iter().map(rich).collect();
    let [before, between, after] = running.page_parts();
    let _ = writeln!(
        out,
        "#set page(paper: \"a4\", margin: (x: 18mm, top: 24mm, bottom: 24mm),\n  \
         header: align(bottom, text(font: {headings}, size: 8pt, fill: luma(85))[{}]),\n  \
         footer: context text(size: 7.5pt, fill: luma(85))[{}#h(1fr)#text(font: {headings}, size: 8pt)[#{};#counter(page).display();#{};#str(counter(page).final().first());#{};]],\n)",
        ids.join("#\" · \";"),
        rich(&running.fingerprint),
        string(before),
        string(between),
        string(after),
    );
}

fn emit_section(out: &mut String, section: &Section) {
    let level = section.level().min(6);
    let _ = writeln!(
        out,
        "#heading(level: {level})[#{};{}]\n",
        string(&format!("{} ", section.label())),
        rich(&section.heading)
    );
    for (i, block) in section.blocks.iter().enumerate() {
        match block {
            // A paragraph that introduces a table stays on its page.
            Block::Paragraph(text)
                if matches!(section.blocks.get(i + 1), Some(Block::Table(_))) =>
            {
                let _ = writeln!(out, "#block(sticky: true)[{}]\n", rich(text));
            }
            Block::Paragraph(text) => {
                let _ = writeln!(out, "{}\n", rich(text));
            }
            Block::List(items) => {
                let items: Vec<String> = items
                    .iter()
                    .map(|item| format!("[{}]", rich(item)))
                    .collect();
                let _ = writeln!(out, "#list({})\n", items.join(", "));
            }
            Block::Terms(terms) => {
                for (name, definition) in terms {
                    let _ = writeln!(
                        out,
                        "#block(sticky: true, above: 0.9em, below: 0.3em, strong[{}])\n#pad(left: 1.6em)[{}]\n",
                        rich(name),
                        rich(definition)
                    );
                }
            }
            Block::Table(table) => emit_table(out, table),
        }
    }
    for sub in &section.sections {
        emit_section(out, sub);
    }
}

fn emit_table(out: &mut String, table: &Table) {
    if let Some(caption) = &table.caption {
        let _ = writeln!(
            out,
            "#block(sticky: true, below: 0.4em, strong[{}])",
            rich(caption)
        );
    }
    let head: Vec<String> = table
        .head
        .iter()
        .map(|h| format!("strong({})", string(h)))
        .collect();
    let _ = writeln!(
        out,
        "#table(columns: {}, table.header(repeat: true, {}),",
        table.head.len().max(1),
        head.join(", ")
    );
    for row in &table.rows {
        let cells: Vec<String> = row.iter().map(|cell| format!("[{}]", rich(cell))).collect();
        let _ = writeln!(out, "  {},", cells.join(", "));
    }
    out.push_str(")\n\n");
}

/// The signature block, never split: one column per party, each a table
/// of name, contact, signatory, signature and date lines.
fn emit_signatures(out: &mut String, doc: &Document) {
    let s = &doc.signatures;
    let _ = writeln!(
        out,
        "#block(breakable: false, width: 100%)[\n#show table: set text(size: 10.5pt)\n#heading(level: 2)[#{};]\n",
        string(&s.heading)
    );
    let [name, contact, signatory, signature, date] = &s.labels;
    let optional = |value: &Option<Rich>| value.as_ref().map(rich).unwrap_or_default();
    let parties: Vec<String> = s
        .parties
        .iter()
        .map(|party| {
            let rows = [
                (name, rich(&party.name), "4pt"),
                (contact, optional(&party.contact), "4pt"),
                (signatory, optional(&party.signatory), "4pt"),
                (signature, String::new(), "26pt"),
                (date, format!("#{};", string(&s.date_blank)), "4pt"),
            ];
            let mut cells = format!(
                "table.header(repeat: false, table.cell(colspan: 2, stroke: (bottom: 1pt), text(size: 11pt, weight: \"bold\", {}))),\n",
                string(&party.role)
            );
            for (label, value, top) in rows {
                let _ = writeln!(
                    cells,
                    "    table.cell(inset: (top: {top}, bottom: 2pt, x: 4pt), align: bottom + left, {}), table.cell(inset: (top: {top}, bottom: 2pt, x: 4pt), align: bottom + left, stroke: (bottom: 0.75pt))[{value}],",
                    string(label)
                );
            }
            format!(
                "  table(columns: (30%, 1fr), stroke: none, fill: none,\n    {cells}  )"
            )
        })
        .collect();
    let _ = writeln!(
        out,
        "#grid(columns: ({}), column-gutter: 10mm,\n{}\n)\n]\n",
        vec!["1fr"; s.parties.len().max(1)].join(", "),
        parties.join(",\n")
    );
}

/// Rich text as markup: each piece a string, e-mail addresses in a
/// `nobreak` box, identifiers as `code`, placeholders marked.
fn rich(text: &Rich) -> String {
    let mut out = String::new();
    for inline in &text.0 {
        match inline {
            Inline::Text(s) => {
                for (keep, piece) in nobreak::pieces(s) {
                    if keep {
                        let _ = write!(out, "#nobreak({});", string(piece));
                    } else {
                        let _ = write!(out, "#{};", string(piece));
                    }
                }
            }
            Inline::Code(s) => {
                let _ = write!(out, "#code({});", string(s));
            }
            Inline::Placeholder(s) => {
                let _ = write!(out, "#placeholder({});", string(s));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::rich;
    use crate::render::rich::{Inline, Rich};

    #[test]
    fn every_piece_of_text_is_a_string_literal() {
        let text = Rich(vec![
            Inline::Text("#x $y$ *b* _i_ <l> @r `c` \\ \"q\" a-b@c.de".into()),
            Inline::Code("P1".into()),
            Inline::Placeholder("客户名称".into()),
        ]);
        assert_eq!(
            rich(&text),
            "#\"#x $y$ *b* _i_ <l> @r `c` \\\\ \\\"q\\\" \";#nobreak(\"a-b@c.de\");#code(\"P1\");#placeholder(\"客户名称\");"
        );
    }
}
