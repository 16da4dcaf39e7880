//! The outline as one self-contained HTML file: inline CSS, no scripts, no
//! external fonts or links; print-ready on A4 and readable on screen.
//!
//! Every piece of text — fixed or from the contract — goes through
//! [`crate::escape::html`], the one place that knows HTML's special
//! characters.

use super::document::{Block, Document, Running, Section, Table};
use super::nobreak;
use super::rich::{Inline, Rich};
use crate::escape::{css_string, html as escape};
use std::fmt::Write;

/// The stylesheet. Print: A4 with margins, every page identified (the
/// margin boxes of [`page_boxes`]), table headers repeated on every page
/// and never left alone at a page end (kept with the first row), no table
/// row or signature block split across pages, headings kept with what
/// follows, no line break inside an e-mail address or identifier. Fonts:
/// serif body with CJK fallbacks on every platform.
const STYLE: &str = r#"@page { size: A4; margin: 22mm 18mm 22mm; }
:root { color: #111; background: #fff; }
body {
  margin: 0;
  font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", SimSun, "Noto Serif", Georgia, "Times New Roman", serif;
  font-size: 10.5pt;
  line-height: 1.65;
}
html:lang(en) body {
  font-family: "Noto Serif", Georgia, "Times New Roman", "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", SimSun, serif;
}
h1, h2, h3, h4, .kind, th, caption {
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Noto Sans", Arial, sans-serif;
}
html:lang(en) h1, html:lang(en) h2, html:lang(en) h3, html:lang(en) h4, html:lang(en) .kind, html:lang(en) th, html:lang(en) caption {
  font-family: "Noto Sans", "Helvetica Neue", Arial, "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif;
}
main { max-width: 174mm; margin: 0 auto; padding: 16mm 12mm 20mm; }
header { text-align: center; margin-bottom: 14pt; }
.kind { margin: 0; font-size: 10pt; letter-spacing: 0.1em; color: #444; }
h1 { margin: 2pt 0 4pt; font-size: 19pt; line-height: 1.3; }
.meta { margin: 0; color: #333; }
.meta span + span::before { content: " · "; }
h2 { margin: 18pt 0 6pt; font-size: 13.5pt; border-bottom: 0.75pt solid #999; padding-bottom: 2pt; }
h3 { margin: 12pt 0 4pt; font-size: 11.5pt; }
h4 { margin: 10pt 0 4pt; font-size: 10.5pt; }
h2, h3, h4, p.keep { break-after: avoid; page-break-after: avoid; }
p { margin: 4pt 0 6pt; text-align: justify; }
ul { margin: 4pt 0 8pt; padding-left: 1.6em; }
li { margin: 1pt 0; }
dl.terms { margin: 4pt 0 8pt; }
dl.terms dt { font-weight: bold; margin-top: 4pt; break-after: avoid; page-break-after: avoid; }
dl.terms dd { margin: 0 0 0 1.6em; text-align: justify; }
table { width: 100%; border-collapse: collapse; margin: 6pt 0 10pt; font-size: 9.5pt; line-height: 1.5; }
th, td { border: 0.75pt solid #555; padding: 3pt 5pt; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
thead th { background: #ececec; font-weight: bold; white-space: nowrap; }
caption { text-align: left; font-weight: bold; font-size: 10pt; padding: 2pt 0; caption-side: top; break-after: avoid; page-break-after: avoid; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
thead { break-after: avoid; page-break-after: avoid; }
tbody > tr:first-child { break-before: avoid; page-break-before: avoid; }
table.response td:first-child, table.resolution td:first-child, table.escalation td:first-child { white-space: nowrap; }
table.response td:nth-child(2) { width: 40%; }
code { font-family: "Noto Sans Mono CJK SC", "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 0.92em; }
code, .nobreak, .meta span { white-space: nowrap; hyphens: none; }
mark.placeholder { background: #ffe45c; color: #000; padding: 0 2pt; outline: 1pt dashed #a07800; }
.draft { border: 1.5pt solid #b00; color: #b00; padding: 6pt 8pt; font-weight: bold; text-align: center; }
.signatures { break-inside: avoid; page-break-inside: avoid; }
.sign-grid { display: flex; gap: 10mm; margin-top: 8pt; }
.sign-grid table { flex: 1; margin: 0; font-size: 10.5pt; }
.sign-grid th, .sign-grid td { border: none; padding: 6pt 4pt 2pt; vertical-align: bottom; }
.sign-grid thead th { background: none; border-bottom: 1pt solid #111; font-size: 11pt; }
.sign-grid tbody th { width: 30%; font-weight: normal; white-space: nowrap; }
.sign-grid tbody td { border-bottom: 0.75pt solid #111; height: 16pt; }
.sign-grid tr.sign td { height: 30pt; }
footer { margin-top: 20pt; border-top: 0.75pt solid #999; padding-top: 4pt; font-size: 8.5pt; color: #444; }
footer p { margin: 1pt 0; text-align: left; }
@media print {
  main { max-width: none; padding: 0; }
  mark.placeholder { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  thead th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"#;

pub fn emit(doc: &Document) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "<!DOCTYPE html>");
    let _ = writeln!(out, "<html lang=\"{}\">", doc.lang.code());
    out.push_str("<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(
        out,
        "<title>{} — {}</title>",
        escape(&doc.title.plain().replace('\n', " ")),
        escape(&doc.kind)
    );
    let _ = writeln!(
        out,
        "<style>\n{STYLE}{}</style>\n</head>\n<body>\n<main>",
        page_boxes(&doc.running)
    );

    out.push_str("<header>\n");
    let _ = writeln!(out, "<p class=\"kind\">{}</p>", escape(&doc.kind));
    let _ = writeln!(out, "<h1>{}</h1>", rich(&doc.title));
    if !doc.meta.is_empty() {
        let spans: Vec<String> = doc
            .meta
            .iter()
            .map(|m| format!("<span>{}</span>", rich(m)))
            .collect();
        let _ = writeln!(out, "<p class=\"meta\">{}</p>", spans.join(""));
    }
    out.push_str("</header>\n");
    if let Some(banner) = &doc.draft {
        let _ = writeln!(out, "<p class=\"draft\">{}</p>", escape(banner));
    }
    for paragraph in &doc.preamble {
        let _ = writeln!(out, "<p>{}</p>", rich(paragraph));
    }
    for section in &doc.sections {
        emit_section(&mut out, section);
    }
    emit_signatures(&mut out, doc);
    out.push_str("<footer>\n");
    for line in &doc.footer {
        let _ = writeln!(out, "<p>{}</p>", rich(line));
    }
    out.push_str("</footer>\n</main>\n</body>\n</html>\n");
    out
}

fn emit_section(out: &mut String, section: &Section) {
    let level = section.level().min(6);
    let _ = writeln!(
        out,
        "<section>\n<h{level}>{} {}</h{level}>",
        escape(&section.label()),
        rich(&section.heading)
    );
    for (i, block) in section.blocks.iter().enumerate() {
        match block {
            // A paragraph that introduces a table stays on its page.
            Block::Paragraph(text)
                if matches!(section.blocks.get(i + 1), Some(Block::Table(_))) =>
            {
                let _ = writeln!(out, "<p class=\"keep\">{}</p>", rich(text));
            }
            Block::Paragraph(text) => {
                let _ = writeln!(out, "<p>{}</p>", rich(text));
            }
            Block::List(items) => {
                out.push_str("<ul>\n");
                for item in items {
                    let _ = writeln!(out, "<li>{}</li>", rich(item));
                }
                out.push_str("</ul>\n");
            }
            Block::Terms(terms) => {
                out.push_str("<dl class=\"terms\">\n");
                for (name, definition) in terms {
                    let _ = writeln!(
                        out,
                        "<dt>{}</dt>\n<dd>{}</dd>",
                        rich(name),
                        rich(definition)
                    );
                }
                out.push_str("</dl>\n");
            }
            Block::Table(table) => emit_table(out, table),
        }
    }
    for sub in &section.sections {
        emit_section(out, sub);
    }
    out.push_str("</section>\n");
}

fn emit_table(out: &mut String, table: &Table) {
    let _ = writeln!(out, "<table class=\"{}\">", escape(table.class));
    if let Some(caption) = &table.caption {
        let _ = writeln!(out, "<caption>{}</caption>", rich(caption));
    }
    out.push_str("<thead>\n<tr>\n");
    for head in &table.head {
        let _ = writeln!(out, "<th scope=\"col\">{}</th>", escape(head));
    }
    out.push_str("</tr>\n</thead>\n<tbody>\n");
    for row in &table.rows {
        out.push_str("<tr>");
        for cell in row {
            let _ = write!(out, "<td>{}</td>", rich(cell));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

fn emit_signatures(out: &mut String, doc: &Document) {
    let s = &doc.signatures;
    let _ = writeln!(
        out,
        "<section class=\"signatures\">\n<h2>{}</h2>\n<div class=\"sign-grid\">",
        escape(&s.heading)
    );
    let [name, contact, signatory, signature, date] = &s.labels;
    for party in &s.parties {
        let _ = writeln!(
            out,
            "<table>\n<thead>\n<tr><th colspan=\"2\" scope=\"colgroup\">{}</th></tr>\n</thead>\n<tbody>",
            escape(&party.role)
        );
        let row = |out: &mut String, class: &str, label: &str, value: String| {
            let _ = writeln!(
                out,
                "<tr{class}><th scope=\"row\">{}</th><td>{value}</td></tr>",
                escape(label)
            );
        };
        let optional = |value: &Option<Rich>| value.as_ref().map(rich).unwrap_or_default();
        row(out, "", name, rich(&party.name));
        row(out, "", contact, optional(&party.contact));
        row(out, "", signatory, optional(&party.signatory));
        row(out, " class=\"sign\"", signature, String::new());
        row(out, "", date, escape(&s.date_blank));
        out.push_str("</tbody>\n</table>\n");
    }
    out.push_str("</div>\n</section>\n");
}

/// The `@page` margin boxes of this document: the agreement id and version
/// at the top, the fingerprint and "page X of Y" at the bottom of every
/// page (their text written as CSS strings).
fn page_boxes(running: &Running) -> String {
    let ids: Vec<String> = running.ids.iter().map(Rich::plain).collect();
    let [before, between, after] = running.page_parts();
    let mut rule = String::from("@page {\n");
    if !ids.is_empty() {
        let _ = writeln!(
            rule,
            "  @top-left {{ content: {}; }}",
            css_string(&ids.join(" · "))
        );
    }
    let _ = writeln!(
        rule,
        "  @bottom-left {{ content: {}; }}",
        css_string(&running.fingerprint.plain())
    );
    let _ = writeln!(
        rule,
        "  @bottom-right {{ content: {} counter(page) {} counter(pages) {}; }}",
        css_string(before),
        css_string(between),
        css_string(after)
    );
    rule.push_str("}\n");
    rule.push_str(PAGE_BOX_STYLE);
    rule
}

/// How the margin boxes look: small, grey, sans-serif, on one line.
const PAGE_BOX_STYLE: &str = r#"@page {
  @top-left { font: 8pt "Noto Sans CJK SC", "Noto Sans", Arial, sans-serif; color: #555; vertical-align: bottom; padding-bottom: 4mm; white-space: nowrap; }
  @bottom-left { font: 7.5pt "Noto Sans Mono CJK SC", "DejaVu Sans Mono", monospace; color: #555; vertical-align: top; padding-top: 4mm; white-space: nowrap; }
  @bottom-right { font: 8pt "Noto Sans CJK SC", "Noto Sans", Arial, sans-serif; color: #555; vertical-align: top; padding-top: 4mm; white-space: nowrap; }
}
"#;

/// Contract or fixed text: escaped, e-mail addresses kept on one line.
fn words(s: &str) -> String {
    nobreak::pieces(s)
        .into_iter()
        .map(|(keep, piece)| {
            if keep {
                format!("<span class=\"nobreak\">{}</span>", escape(piece))
            } else {
                escape(piece)
            }
        })
        .collect()
}

fn rich(text: &Rich) -> String {
    text.0
        .iter()
        .map(|inline| match inline {
            Inline::Text(s) => words(s),
            Inline::Code(s) => format!("<code>{}</code>", escape(s)),
            Inline::Placeholder(s) => {
                format!("<mark class=\"placeholder\">[{}]</mark>", escape(s))
            }
        })
        .collect()
}
