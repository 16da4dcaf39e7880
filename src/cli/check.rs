//! `slac check PATH…`: parse and check contracts, files or folders.

use super::{CheckArgs, CheckFormat, CmdResult, ColorChoice, FAILED, OK};
use rayon::prelude::*;
use slac::report::{self, FileDiagnostics};
use slac::{Checked, Severity};

pub fn run(args: &CheckArgs, color: ColorChoice) -> CmdResult {
    let files = super::collect(&args.paths)?;
    // Files are checked (and below, rendered) in parallel; results keep the
    // order of `files`, and the first file that cannot be read in that
    // order is the one reported, as when checking one after another.
    let results: Vec<Result<Checked, _>> = files
        .par_iter()
        .map(|path| super::read_and_check(path))
        .collect();
    let checked: Vec<Checked> = results.into_iter().collect::<Result<_, _>>()?;
    let count = |severity: Severity| {
        checked
            .iter()
            .flat_map(|c| &c.diagnostics)
            .filter(|d| d.severity == severity)
            .count()
    };
    let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
    let lists: Vec<FileDiagnostics<'_>> = checked
        .iter()
        .map(|c| (&c.source, c.diagnostics.as_slice()))
        .collect();
    let summary = report::summary(&lists);
    let output = match args.format {
        CheckFormat::Human => {
            let colored = color.enabled_for_stdout();
            let rendered: Vec<String> = checked
                .par_iter()
                .map(|c| report::human(&c.source, &c.diagnostics, colored))
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
