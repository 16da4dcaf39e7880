//! `slac check PATH…`: parse and check contracts, files or folders.

use super::{CheckArgs, CheckFormat, CmdResult, ColorChoice, FAILED, OK};
use rayon::prelude::*;
use slac::load::same_name_key;
use slac::report::{self, FileDiagnostics};
use slac::{Checked, Code, Diagnostic, Severity, Span};
use std::collections::HashSet;
use std::path::PathBuf;

pub fn run(args: &CheckArgs, color: ColorChoice) -> CmdResult {
    let files = super::collect(&args.paths)?;
    // Files are checked (and below, rendered) in parallel; results keep the
    // order of `files`, and the first file that cannot be read in that
    // order is the one reported, as when checking one after another.
    let results: Vec<Result<Checked, _>> = files
        .par_iter()
        .map(|path| super::read_and_check(path, &args.root))
        .collect();
    let checked: Vec<Checked> = results.into_iter().collect::<Result<_, _>>()?;
    let reported = once_per_file(&checked);
    let count = |severity: Severity| {
        reported
            .iter()
            .flat_map(|(_, ds)| ds)
            .filter(|d| d.severity == severity)
            .count()
    };
    let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
    let lists: Vec<FileDiagnostics<'_>> = reported
        .iter()
        .map(|(c, ds)| (&c.sources, ds.as_slice()))
        .collect();
    let summary = report::summary(&lists);
    let output = match args.format {
        CheckFormat::Human => {
            let colored = color.enabled_for_stdout();
            let rendered: Vec<String> = lists
                .par_iter()
                .map(|(sources, ds)| report::human(sources, ds, colored))
                .collect();
            let mut out = rendered.concat();
            out.push_str(&summary);
            out.push('\n');
            out
        }
        CheckFormat::Concise => {
            let mut out = report::concise(&lists);
            out.push_str(&summary);
            out.push('\n');
            out
        }
        CheckFormat::Json => report::json(&lists),
        CheckFormat::Sarif => report::sarif(&lists),
        // Annotations first; GitHub shows ten per step, so the full list
        // follows as plain lines in the log.
        CheckFormat::Github => {
            let mut out = report::github(&lists);
            out.push_str(&report::plain(&lists));
            out.push_str(&summary);
            out.push('\n');
            out
        }
    };
    super::write_output(None, output.as_bytes())?;
    if errors > 0 || (args.deny_warnings && warnings > 0) {
        Ok(FAILED)
    } else {
        Ok(OK)
    }
}

/// Each check with the diagnostics it reports: a finding in a file that an
/// earlier check already reported (in a library two contracts use, or
/// checked on its own too) is left to that check, so each shows once. Kept
/// by finding, not by file: a check that sees more files can find more in
/// one (a set name two used libraries both declare).
fn once_per_file(checked: &[Checked]) -> Vec<(&Checked, Vec<Diagnostic>)> {
    let mut seen: HashSet<(PathBuf, Code, Span, String)> = HashSet::new();
    checked
        .iter()
        .map(|c| {
            let kept = c
                .diagnostics
                .iter()
                .filter(|d| {
                    let file = same_name_key(c.sources.get(d.file).name());
                    seen.insert((file, d.code, d.span, d.message.clone()))
                })
                .cloned()
                .collect();
            (c, kept)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use slac::SourceFile;

    /// A check of `name` that uses `lib.sla`, with one finding in each file.
    fn using_the_library(name: &str) -> Checked {
        let mut checked = slac::check(SourceFile::new(name, "x"));
        let lib = checked.sources.add(SourceFile::new("lib.sla", "y"));
        checked.diagnostics = vec![
            Diagnostic::new(Code::E012, Span::new(0, 1), "in the contract"),
            Diagnostic::new(Code::E020, Span::new(0, 1), "in the library").in_file(lib),
        ];
        checked
    }

    #[test]
    fn a_library_two_checks_use_reports_its_findings_once() {
        let checked = [using_the_library("a.sla"), using_the_library("b.sla")];
        let reported = once_per_file(&checked);
        let messages = |i: usize| -> Vec<&str> {
            reported
                .get(i)
                .map(|(_, ds)| ds.iter().map(|d| d.message.as_str()).collect())
                .unwrap_or_default()
        };
        assert_eq!(messages(0), ["in the contract", "in the library"]);
        assert_eq!(messages(1), ["in the contract"]);
    }
}
