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
/// formats and with editors; this recomputes it in characters. Spans are
/// read over the file's line index ([`SourceFile`]'s `SourceCode`), so
/// rendering stays linear in the number of diagnostics.
struct CharColumns<'a> {
    source: &'a SourceFile,
}

impl SourceCode for CharColumns<'_> {
    fn read_span<'b>(
        &'b self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'b> + 'b>, MietteError> {
        let text = self.source.text();
        let inner = self
            .source
            .read_span(span, context_lines_before, context_lines_after)?;
        // miette reports a column only when it reads no lines before.
        let column = if inner.column() == 0 {
            0
        } else {
            let offset = span.offset().min(text.len());
            let before = text.get(..offset).unwrap_or("");
            let line_start = before.rfind(['\n', '\r']).map_or(0, |i| i + 1);
            before.get(line_start..).map_or(0, |s| s.chars().count())
        };
        let contents = MietteSpanContents::new_named(
            self.source.name().to_string(),
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
            source: shown.then_some(CharColumns { source }),
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

/// Each diagnostic of each file with its file and 1-based position.
fn located<'a>(
    files: &'a [FileDiagnostics<'a>],
) -> impl Iterator<Item = (&'a SourceFile, crate::source::LineCol, &'a Diagnostic)> + 'a {
    files.iter().flat_map(|(source, diagnostics)| {
        diagnostics
            .iter()
            .map(move |d| (*source, source.line_col(d.span.start()), d))
    })
}

/// One line per diagnostic, `file:line:col: E012 message`, as ruff's
/// concise format (`check --format concise`): many findings stay readable.
pub fn concise(files: &[FileDiagnostics<'_>]) -> String {
    located(files)
        .map(|(source, at, d)| {
            format!(
                "{}:{}:{}: {} {}\n",
                source.name(),
                at.line,
                at.column,
                d.code,
                d.message
            )
        })
        .collect()
}

/// One line per diagnostic, `file:line:col: error[E012]: message`, as
/// compilers print them (for logs that show every finding).
pub fn plain(files: &[FileDiagnostics<'_>]) -> String {
    located(files)
        .map(|(source, at, d)| {
            format!(
                "{}:{}:{}: {}[{}]: {}\n",
                source.name(),
                at.line,
                at.column,
                d.severity.as_str(),
                d.code,
                d.message
            )
        })
        .collect()
}

/// A run with more diagnostics than this has its counts broken down by
/// code even when they all share one code (`36 warnings (36 W001)`).
const BREAKDOWN_OVER: usize = 5;

fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// The codes of one severity with how often each was found, in code order.
fn counts(files: &[FileDiagnostics<'_>], severity: Severity) -> Vec<(Code, usize)> {
    let mut codes: Vec<Code> = files
        .iter()
        .flat_map(|(_, ds)| ds.iter())
        .filter(|d| d.severity == severity)
        .map(|d| d.code)
        .collect();
    codes.sort();
    let mut counted: Vec<(Code, usize)> = Vec::new();
    for code in codes {
        match counted.last_mut() {
            Some((last, n)) if *last == code => *n += 1,
            _ => counted.push((code, 1)),
        }
    }
    counted
}

/// The closing line of `check`: `2 files: 2 errors (1 E012, 1 E020),
/// 3 warnings (3 W001)`. Each non-zero count is broken down by code when
/// the run found two codes or more, or more than [`BREAKDOWN_OVER`]
/// diagnostics; one finding, or a few of one code, read best bare
/// (`1 file: 1 error, 0 warnings`).
pub fn summary(files: &[FileDiagnostics<'_>]) -> String {
    let errors = counts(files, Severity::Error);
    let warnings = counts(files, Severity::Warning);
    let total: usize = errors.iter().chain(&warnings).map(|(_, n)| n).sum();
    let broken_down = errors.len() + warnings.len() > 1 || total > BREAKDOWN_OVER;
    let count = |counted: &[(Code, usize)], word: &str| {
        let n: usize = counted.iter().map(|(_, n)| n).sum();
        let mut out = plural(n, word);
        if broken_down && n > 0 {
            let parts: Vec<String> = counted
                .iter()
                .map(|(code, n)| format!("{n} {code}"))
                .collect();
            out.push_str(&format!(" ({})", parts.join(", ")));
        }
        out
    };
    format!(
        "{}: {}, {}",
        plural(files.len(), "file"),
        count(&errors, "error"),
        count(&warnings, "warning")
    )
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

    /// The summary of one file holding a diagnostic of each code given.
    fn summary_of(codes: &[Code]) -> String {
        let source = SourceFile::new("t.sla", "x");
        let ds: Vec<Diagnostic> = codes
            .iter()
            .map(|c| Diagnostic::new(*c, crate::Span::new(0, 1), "x"))
            .collect();
        summary(&[(&source, ds.as_slice())])
    }

    #[test]
    fn summary_counts_by_code_for_several_codes_or_many_findings() {
        assert_eq!(summary_of(&[]), "1 file: 0 errors, 0 warnings");
        assert_eq!(summary_of(&[Code::E012]), "1 file: 1 error, 0 warnings");
        assert_eq!(summary_of(&[Code::W001; 5]), "1 file: 0 errors, 5 warnings");
        assert_eq!(
            summary_of(&[Code::W001; 36]),
            "1 file: 0 errors, 36 warnings (36 W001)"
        );
        assert_eq!(
            summary_of(&[Code::W001, Code::E020, Code::W001, Code::E012, Code::W001]),
            "1 file: 2 errors (1 E012, 1 E020), 3 warnings (3 W001)"
        );
    }

    #[test]
    fn concise_is_one_line_per_diagnostic_with_character_columns() {
        let source = SourceFile::new("t.sla", "\"客户\" x\ny");
        let at = source.text().find('x').unwrap_or(0);
        let ds = [
            Diagnostic::new(Code::E002, crate::Span::new(at, at + 1), "unknown `x`"),
            Diagnostic::new(Code::W001, crate::Span::new(at + 2, at + 3), "left"),
        ];
        assert_eq!(
            concise(&[(&source, ds.as_slice())]),
            "t.sla:1:6: E002 unknown `x`\nt.sla:2:1: W001 left\n"
        );
    }

    #[test]
    fn github_properties_escape_colons_and_commas() {
        assert_eq!(escape_property("a:b,c%\n"), "a%3Ab%2Cc%25%0A");
        assert_eq!(escape_data("a:b,c%\r\n"), "a:b,c%25%0D%0A");
    }
}
