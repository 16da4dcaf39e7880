//! Rendering a list of diagnostics, in one place, for people and for CI:
//! miette reports ([`human`]), a JSON array ([`json`]), GitHub workflow
//! commands ([`github`]) and a SARIF 2.1.0 log ([`sarif`]).
//!
//! Lines and columns are 1-based and count characters, so a column after
//! Chinese text is the one an editor shows (miette's own JSON handler only
//! has byte offsets, so the machine formats are written here).

use crate::diagnostic::{Code, Diagnostic, Related, Severity};
use crate::source::{SourceFile, SourceMap};
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
    /// Its secondary places in other files, each shown under it with that
    /// file's lines (miette labels one file per report).
    elsewhere: Vec<Elsewhere<'a>>,
}

/// A secondary place in another file than its diagnostic's, as a note.
struct Elsewhere<'a> {
    related: &'a Related,
    source: Option<CharColumns<'a>>,
}

impl fmt::Debug for Elsewhere<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.related.label)
    }
}

impl fmt::Display for Elsewhere<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.related.label)
    }
}

impl std::error::Error for Elsewhere<'_> {}

impl miette::Diagnostic for Elsewhere<'_> {
    fn severity(&self) -> Option<miette::Severity> {
        Some(miette::Severity::Advice)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        self.source.as_ref().map(|s| s as &dyn miette::SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let span = LabeledSpan::new_primary_with_span(None, self.related.span);
        Some(Box::new(std::iter::once(span)))
    }
}

/// The file of a span as miette reads it, or `None` when the span's lines
/// are too long to show.
fn shown_source<'a>(source: &'a SourceFile, span: crate::source::Span) -> Option<CharColumns<'a>> {
    fits_snippet(source.text(), span).then_some(CharColumns { source })
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
            .filter(|r| r.file == d.file)
            .map(|r| LabeledSpan::new_with_span(Some(r.label.clone()), r.span));
        Some(Box::new(std::iter::once(primary).chain(related)))
    }

    fn related<'b>(&'b self) -> Option<Box<dyn Iterator<Item = &'b dyn miette::Diagnostic> + 'b>> {
        if self.elsewhere.is_empty() {
            return None;
        }
        Some(Box::new(
            self.elsewhere.iter().map(|e| e as &dyn miette::Diagnostic),
        ))
    }
}

/// miette reports for a person, each over the whole file it is in, then
/// nothing else (summaries are the command's business). Deterministic for a
/// given width.
pub fn human(sources: &SourceMap, diagnostics: &[Diagnostic], color: bool) -> String {
    human_with_width(sources, diagnostics, color, 100)
}

/// [`human`] at a fixed width, for golden tests.
pub fn human_with_width(
    sources: &SourceMap,
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
        .with_links(false)
        .with_show_related_as_nested(true);
    let mut out = String::new();
    for diagnostic in diagnostics {
        let source = sources.get(diagnostic.file);
        let elsewhere = diagnostic
            .related
            .iter()
            .filter(|r| r.file != diagnostic.file)
            .map(|related| Elsewhere {
                related,
                source: shown_source(sources.get(related.file), related.span),
            })
            .collect();
        let report = Report {
            diagnostic,
            source: shown_source(source, diagnostic.span),
            elsewhere,
        };
        if report.source.is_none() {
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

/// The diagnostics of one check with its files (the file checked and the
/// files it uses); a run of several checks is a list of them.
pub type FileDiagnostics<'a> = (&'a SourceMap, &'a [Diagnostic]);

/// Each diagnostic of each check with the file it is in.
fn in_files<'a>(
    files: &'a [FileDiagnostics<'a>],
) -> impl Iterator<Item = (&'a SourceFile, &'a Diagnostic)> + 'a {
    files.iter().flat_map(|(sources, diagnostics)| {
        diagnostics.iter().map(move |d| (sources.get(d.file), d))
    })
}

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
    let all: Vec<Value> = in_files(files)
        .map(|(source, d)| json_object(source, d))
        .collect();
    let mut out = serde_json::to_string_pretty(&all).unwrap_or_else(|_| "[]".into());
    out.push('\n');
    out
}

/// Each diagnostic of each check with its file and 1-based position.
fn located<'a>(
    files: &'a [FileDiagnostics<'a>],
) -> impl Iterator<Item = (&'a SourceFile, crate::source::LineCol, &'a Diagnostic)> + 'a {
    in_files(files).map(|(source, d)| (source, source.line_col(d.span.start()), d))
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

/// The names of the files of a run, each once, in order of first mention:
/// a library that two checked contracts use is one file.
fn file_names<'a>(files: &'a [FileDiagnostics<'a>]) -> Vec<&'a str> {
    let mut names: Vec<&str> = Vec::new();
    let mut keys = Vec::new();
    for (sources, _) in files {
        for (_, file) in sources.iter() {
            let key = crate::load::same_name_key(file.name());
            if !keys.contains(&key) {
                keys.push(key);
                names.push(file.name());
            }
        }
    }
    names
}

/// Of [`file_names`], how many are libraries the checked files use (not
/// checked themselves): the main file of each list is checked.
fn used_libraries(files: &[FileDiagnostics<'_>]) -> usize {
    let checked: Vec<_> = files
        .iter()
        .map(|(sources, _)| crate::load::same_name_key(sources.main().name()))
        .collect();
    file_names(files)
        .iter()
        .filter(|name| !checked.contains(&crate::load::same_name_key(name)))
        .count()
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
    let mut codes: Vec<Code> = in_files(files)
        .map(|(_, d)| d)
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
/// 3 warnings (3 W001)`, or `1 file, 1 used library: …` when the files
/// checked use libraries not checked themselves. Each non-zero count is broken down by code when
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
    let used = used_libraries(files);
    let mut what = plural(file_names(files).len() - used, "file");
    match used {
        0 => {}
        1 => what.push_str(", 1 used library"),
        n => what.push_str(&format!(", {n} used libraries")),
    }
    format!(
        "{what}: {}, {}",
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
    for (source, d) in in_files(files) {
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
    out
}

/// A file's name as a SARIF URI (`/` separators).
fn sarif_uri(name: &str) -> String {
    name.replace('\\', "/")
}

/// A SARIF 2.1.0 log: `driver.rules` describes every code used (GitHub code
/// scanning rejects results whose rule lacks descriptions).
pub fn sarif(files: &[FileDiagnostics<'_>]) -> String {
    let mut used: Vec<Code> = in_files(files).map(|(_, d)| d.code).collect();
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
    // A run that reaches files through `use` lists its files as artifacts,
    // and each result points at its file's index (a run of files on their
    // own keeps the plain locations it always had).
    let names = file_names(files);
    let with_artifacts = files.iter().any(|(sources, _)| sources.len() > 1);
    let results: Vec<Value> = in_files(files)
        .map(|(source, d)| {
            let start = source.line_col(d.span.start());
            let end = source.line_col(d.span.end());
            let index = used.iter().position(|c| *c == d.code).unwrap_or(0);
            let mut text = d.message.clone();
            if let Some(help) = &d.help {
                text.push_str(&format!(" (help: {help})"));
            }
            let mut artifact = serde_json::Map::new();
            artifact.insert("uri".into(), json!(sarif_uri(source.name())));
            if with_artifacts {
                let key = crate::load::same_name_key(source.name());
                let at = names
                    .iter()
                    .position(|n| crate::load::same_name_key(n) == key)
                    .unwrap_or(0);
                artifact.insert("index".into(), json!(at));
            }
            json!({
                "ruleId": d.code.as_str(),
                "ruleIndex": index,
                "level": d.severity.as_str(),
                "message": { "text": text },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": artifact,
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
        .collect();
    let mut run = json!({
        "tool": { "driver": {
            "name": "slac",
            "version": env!("CARGO_PKG_VERSION"),
            "rules": rules,
        }},
        "columnKind": "unicodeCodePoints",
        "results": results,
    });
    if with_artifacts {
        let artifacts: Vec<Value> = names
            .iter()
            .map(|name| json!({ "location": { "uri": sarif_uri(name) } }))
            .collect();
        if let Some(run) = run.as_object_mut() {
            run.insert("artifacts".into(), Value::Array(artifacts));
        }
    }
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [run],
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
        let out = human_with_width(&SourceMap::new(source), &[d], false, 80);
        assert!(out.contains("[t.sla:2:8]"), "{out}");
    }

    /// The summary of one file holding a diagnostic of each code given.
    fn summary_of(codes: &[Code]) -> String {
        let source = SourceMap::new(SourceFile::new("t.sla", "x"));
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
        let source = SourceMap::new(SourceFile::new("t.sla", "\"客户\" x\ny"));
        let at = source.main().text().find('x').unwrap_or(0);
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

    /// A contract and the library it uses: one diagnostic inside the
    /// library, one in the contract with its other place in the library.
    fn two_files() -> (SourceMap, Vec<Diagnostic>) {
        let mut sources = SourceMap::new(SourceFile::new(
            "contract.sla",
            "use \"lib.sla\"\nholidays cn \"假日\" {}\n",
        ));
        let lib = sources.add(SourceFile::new(
            "holidays/lib.sla",
            "holidays cn \"中国\" {\n  closed 2026-02-30\n}\n",
        ));
        let lib_text = sources.get(lib).text();
        let bad = lib_text.find("2026-02-30").unwrap_or(0);
        let cn = lib_text.find("cn").unwrap_or(0);
        let main_cn = sources.main().text().find("cn").unwrap_or(0);
        let ds = vec![
            Diagnostic::new(
                Code::E010,
                crate::Span::new(main_cn, main_cn + 2),
                "set `cn` is declared twice",
            )
            .with_label("declared again here")
            .with_related_in(lib, crate::Span::new(cn, cn + 2), "first declared here"),
            Diagnostic::new(Code::E020, crate::Span::new(bad, bad + 10), "no such date")
                .in_file(lib),
        ];
        (sources, ds)
    }

    #[test]
    fn a_diagnostic_shows_the_lines_of_its_own_file() {
        let (sources, ds) = two_files();
        let out = human_with_width(&sources, &ds, false, 100);
        assert!(out.contains("[contract.sla:2:10]"), "{out}");
        assert!(out.contains("[holidays/lib.sla:1:10]"), "{out}");
        assert!(out.contains("first declared here"), "{out}");
        assert!(out.contains("[holidays/lib.sla:2:10]"), "{out}");
        assert!(out.contains("closed 2026-02-30"), "{out}");
    }

    #[test]
    fn machine_formats_name_each_diagnostics_file() {
        let (sources, ds) = two_files();
        let files = [(&sources, ds.as_slice())];
        let json: Value = serde_json::from_str(&json(&files)).unwrap_or_default();
        assert_eq!(json[0]["file"], "contract.sla");
        assert_eq!(json[1]["file"], "holidays/lib.sla");
        assert_eq!(json[1]["line"], 2);
        let github = github(&files);
        assert!(
            github.contains("::error file=holidays/lib.sla,line=2,col=10,"),
            "{github}"
        );
        let sarif: Value = serde_json::from_str(&sarif(&files)).unwrap_or_default();
        let run = &sarif["runs"][0];
        assert_eq!(run["artifacts"][0]["location"]["uri"], "contract.sla");
        assert_eq!(run["artifacts"][1]["location"]["uri"], "holidays/lib.sla");
        let location = &run["results"][1]["locations"][0]["physicalLocation"]["artifactLocation"];
        assert_eq!(location["uri"], "holidays/lib.sla");
        assert_eq!(location["index"], 1);
        assert_eq!(
            summary(&files),
            "1 file, 1 used library: 2 errors (1 E010, 1 E020), 0 warnings"
        );
    }
}
