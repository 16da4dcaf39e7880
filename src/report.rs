//! Rendering a list of diagnostics, in one place, for people and for CI:
//! miette reports ([`human`]), a JSON array ([`json`]), GitHub workflow
//! commands ([`github`]) and a SARIF 2.1.0 log ([`sarif`]).
//!
//! Lines and columns are 1-based and count characters, so a column after
//! Chinese text is the one an editor shows (miette's own JSON handler only
//! has byte offsets, so the machine formats are written here).

use crate::diagnostic::{Code, Diagnostic, Severity};
use crate::source::SourceFile;
use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};
use serde_json::{json, Value};
use std::fmt;

/// A file as miette reads it, with character columns.
///
/// miette counts the column of its `[file:line:col]` header in bytes, so
/// after Chinese text it would disagree with the JSON, GitHub and SARIF
/// formats and with editors; this recomputes it in characters.
struct CharColumns<'a> {
    name: &'a str,
    text: &'a str,
}

impl SourceCode for CharColumns<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        let inner = self
            .text
            .read_span(span, context_lines_before, context_lines_after)?;
        // miette reports a column only when it reads no lines before.
        let column = if inner.column() == 0 {
            0
        } else {
            let offset = span.offset().min(self.text.len());
            let before = self.text.get(..offset).unwrap_or("");
            let line_start = before.rfind(['\n', '\r']).map_or(0, |i| i + 1);
            before.get(line_start..).map_or(0, |s| s.chars().count())
        };
        let contents = MietteSpanContents::new_named(
            self.name.to_string(),
            inner.data(),
            *inner.span(),
            inner.line(),
            column,
            inner.line_count(),
        )
        .with_language("sla");
        Ok(Box::new(contents))
    }
}

/// A diagnostic bound to its file, as miette wants it.
struct Report<'a> {
    diagnostic: &'a Diagnostic,
    /// `None` for a diagnostic on a line too long to show (see [`SNIPPET_LIMIT`]).
    source: Option<CharColumns<'a>>,
}

/// A snippet is shown only for lines and spans up to this many bytes: a
/// 5 MB line would otherwise be printed (and underlined) whole.
const SNIPPET_LIMIT: usize = 1000;

/// True when the span and the lines it touches are short enough to show.
fn fits_snippet(text: &str, span: crate::source::Span) -> bool {
    let start = text
        .get(..span.start())
        .and_then(|t| t.rfind('\n'))
        .map_or(0, |i| i + 1);
    let end = text
        .get(span.end()..)
        .and_then(|t| t.find('\n'))
        .map_or(text.len(), |i| span.end() + i);
    end.saturating_sub(start) <= SNIPPET_LIMIT
}

impl fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diagnostic.message)
    }
}

impl fmt::Display for Report<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diagnostic.message)
    }
}

impl std::error::Error for Report<'_> {}

impl miette::Diagnostic for Report<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(self.diagnostic.code))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diagnostic.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.diagnostic
            .help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.source.as_ref().map(|s| s as &dyn miette::SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let d = self.diagnostic;
        let primary = LabeledSpan::new_primary_with_span(
            Some(d.label.clone().unwrap_or_else(|| d.message.clone())),
            d.span,
        );
        let related = d
            .related
            .iter()
            .map(|(span, label)| LabeledSpan::new_with_span(Some(label.clone()), *span));
        Some(Box::new(std::iter::once(primary).chain(related)))
    }
}

/// miette reports for a person, each over the whole file, then nothing else
/// (summaries are the command's business). Deterministic for a given width.
pub fn human(source: &SourceFile, diagnostics: &[Diagnostic], color: bool) -> String {
    human_with_width(source, diagnostics, color, 100)
}

/// [`human`] at a fixed width, for golden tests.
pub fn human_with_width(
    source: &SourceFile,
    diagnostics: &[Diagnostic],
    color: bool,
    width: usize,
) -> String {
    let theme = if color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(width)
        .with_links(false);
    let mut out = String::new();
    for diagnostic in diagnostics {
        let shown = fits_snippet(source.text(), diagnostic.span);
        let report = Report {
            diagnostic,
            source: shown.then(|| CharColumns {
                name: source.name(),
                text: source.text(),
            }),
        };
        if !shown {
            let at = source.line_col(diagnostic.span.start());
            out.push_str(&format!(
                "{}:{}:{}: (the line is too long to show)\n",
                source.name(),
                at.line,
                at.column
            ));
        }
        if handler.render_report(&mut out, &report).is_err() {
            out.push_str(&format!(
                "{}[{}]: {}\n",
                diagnostic.severity.as_str(),
                diagnostic.code,
                diagnostic.message
            ));
        }
        out.push('\n');
    }
    out
}

/// Diagnostics of several files, each with its source.
pub type FileDiagnostics<'a> = (&'a SourceFile, &'a [Diagnostic]);

fn json_object(source: &SourceFile, d: &Diagnostic) -> Value {
    let start = source.line_col(d.span.start());
    let end = source.line_col(d.span.end());
    json!({
        "code": d.code.as_str(),
        "severity": d.severity.as_str(),
        "message": d.message,
        "file": source.name(),
        "line": start.line,
        "column": start.column,
        "end_line": end.line,
        "end_column": end.column,
        "help": d.help,
    })
}

/// One JSON array of all diagnostics (`check --format json`).
pub fn json(files: &[FileDiagnostics<'_>]) -> String {
    let all: Vec<Value> = files
        .iter()
        .flat_map(|(source, ds)| ds.iter().map(|d| json_object(source, d)))
        .collect();
    let mut out = serde_json::to_string_pretty(&all).unwrap_or_else(|_| "[]".into());
    out.push('\n');
    out
}

/// One line per diagnostic, `file:line:col: error[E012]: message`, as
/// compilers print them (for logs that show every finding).
pub fn plain(files: &[FileDiagnostics<'_>]) -> String {
    let mut out = String::new();
    for (source, diagnostics) in files {
        for d in diagnostics.iter() {
            let at = source.line_col(d.span.start());
            out.push_str(&format!(
                "{}:{}:{}: {}[{}]: {}\n",
                source.name(),
                at.line,
                at.column,
                d.severity.as_str(),
                d.code,
                d.message
            ));
        }
    }
    out
}

/// Escapes workflow-command data: `%`, CR and LF.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow-command property: data escapes plus `:` and `,`.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// GitHub Actions workflow commands, one per diagnostic
/// (`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=E012::…`).
pub fn github(files: &[FileDiagnostics<'_>]) -> String {
    let mut out = String::new();
    for (source, diagnostics) in files {
        for d in diagnostics.iter() {
            let start = source.line_col(d.span.start());
            let end = source.line_col(d.span.end());
            let kind = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            let mut message = d.message.clone();
            if let Some(help) = &d.help {
                message.push_str("\nhelp: ");
                message.push_str(help);
            }
            out.push_str(&format!(
                "::{kind} file={},line={},col={},endLine={},endColumn={},title={}::{}\n",
                escape_property(source.name()),
                start.line,
                start.column,
                end.line,
                end.column,
                escape_property(&format!("{} {}", d.code, d.code.summary())),
                escape_data(&message),
            ));
        }
    }
    out
}

/// A SARIF 2.1.0 log: `driver.rules` describes every code used (GitHub code
/// scanning rejects results whose rule lacks descriptions).
pub fn sarif(files: &[FileDiagnostics<'_>]) -> String {
    let mut used: Vec<Code> = files
        .iter()
        .flat_map(|(_, ds)| ds.iter().map(|d| d.code))
        .collect();
    used.sort();
    used.dedup();
    let rules: Vec<Value> = used
        .iter()
        .map(|code| {
            let uri = format!("docs/codes/{code}.md");
            json!({
                "id": code.as_str(),
                "name": code.summary(),
                "shortDescription": { "text": code.summary() },
                "fullDescription": { "text": format!("{}: {}. See {uri}.", code, code.summary()) },
                "help": {
                    "text": format!("See {uri} for what {code} means, why it matters and how to fix it."),
                    "markdown": format!("See [{code}]({uri}) for what it means, why it matters and how to fix it."),
                },
                "defaultConfiguration": { "level": code.severity().as_str() },
            })
        })
        .collect();
    let results: Vec<Value> = files
        .iter()
        .flat_map(|(source, ds)| {
            ds.iter().map(|d| {
                let start = source.line_col(d.span.start());
                let end = source.line_col(d.span.end());
                let index = used.iter().position(|c| *c == d.code).unwrap_or(0);
                let mut text = d.message.clone();
                if let Some(help) = &d.help {
                    text.push_str(&format!(" (help: {help})"));
                }
                json!({
                    "ruleId": d.code.as_str(),
                    "ruleIndex": index,
                    "level": d.severity.as_str(),
                    "message": { "text": text },
                    "locations": [{
                        "physicalLocation": {
                            "artifactLocation": { "uri": source.name().replace('\\', "/") },
                            "region": {
                                "startLine": start.line,
                                "startColumn": start.column,
                                "endLine": end.line,
                                "endColumn": end.column,
                            }
                        }
                    }]
                })
            })
        })
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "slac",
                "version": env!("CARGO_PKG_VERSION"),
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    });
    let mut out = serde_json::to_string_pretty(&log).unwrap_or_else(|_| "{}".into());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn human_header_counts_characters() {
        let source = SourceFile::new("t.sla", "contract \"客户服务\" {\n  \"服务\" x\n}");
        let at = source.text().find('x').unwrap_or(0);
        let d = Diagnostic::new(Code::E002, crate::Span::new(at, at + 1), "x");
        let out = human_with_width(&source, &[d], false, 80);
        assert!(out.contains("[t.sla:2:8]"), "{out}");
    }

    #[test]
    fn github_properties_escape_colons_and_commas() {
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
        assert_eq!(escape_data("a:b,c%\r\n"), "a:b,c%25%0D%0A");
    }
}
