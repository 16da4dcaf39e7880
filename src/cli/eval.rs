//! `slac eval`: compliance of a ticket log against a contract (§9).
//!
//! The log is streamed through [`slac::eval::evaluate`]; on a terminal a
//! progress bar follows the bytes read (hidden when standard error is piped
//! or the log is small). Malformed rows are listed on standard error with
//! their line numbers and counted in the report. Exit 0 whether or not
//! targets were missed; with `--fail-on-breach` a missed target exits 1; an
//! unreadable log or a bad `--as-of` exits 2.

use super::{CmdResult, EvalArgs, EvalFormat, EvalPeriod, Failure, InputFormat};
use chrono::Utc;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use slac::eval::{self, EvalOptions, ReportPeriod};
use std::io::IsTerminal;

/// Logs smaller than this finish too fast for a progress bar to help.
const PROGRESS_FROM_BYTES: u64 = 16 << 20;

pub fn run(args: &EvalArgs, color: bool) -> CmdResult {
    let output = args.output.as_deref();
    super::refuse_input_as_output(output, &[&args.file, &args.tickets])?;
    let out_format = super::format_for(args.format, "--format", output, EvalFormat::Text)?;
    let as_of = match &args.as_of {
        Some(text) => super::parse_time("--as-of", text)?,
        None => Utc::now(),
    };
    let checked = super::load_model(&args.file, false, color)?;
    let contract = checked
        .model
        .as_ref()
        .ok_or_else(|| Failure::failed(format!("`{}` has errors", args.file.display())))?;
    let file = std::fs::File::open(&args.tickets)
        .map_err(|e| Failure::usage(format!("cannot read `{}`: {e}", args.tickets.display())))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    let format = match args.input_format {
        Some(InputFormat::Csv) => eval::InputFormat::Csv,
        Some(InputFormat::Jsonl) => eval::InputFormat::Jsonl,
        None => eval::InputFormat::from_path(&args.tickets),
    };
    let options = EvalOptions {
        as_of,
        period: match args.period {
            EvalPeriod::Monthly => ReportPeriod::Monthly,
            EvalPeriod::Quarterly => ReportPeriod::Quarterly,
        },
    };
    let bar = progress_bar(size);
    let report = eval::evaluate(contract, bar.wrap_read(file), format, &options);
    bar.finish_and_clear();
    let report =
        report.map_err(|e| Failure::usage(format!("`{}`: {e}", args.tickets.display())))?;
    report_skipped(&args.tickets, &report);
    let out = match out_format {
        EvalFormat::Json => report.to_json(),
        EvalFormat::Text => eval::text(&report),
        EvalFormat::Markdown => eval::markdown(&report),
        EvalFormat::Html => eval::html(&report),
    };
    super::write_output(output, out.as_bytes())?;
    if let Some(why) = report.nothing_evaluated() {
        eprintln!("error: {why}");
        return Ok(super::FAILED);
    }
    if let Some(why) = report
        .breach(args.allow_empty)
        .filter(|_| args.fail_on_breach)
    {
        eprintln!("error: {why}");
        return Ok(super::FAILED);
    }
    Ok(super::OK)
}

fn progress_bar(size: u64) -> ProgressBar {
    if size < PROGRESS_FROM_BYTES || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(size), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template(
        "{spinner} evaluating {bar:40} {bytes}/{total_bytes} ({bytes_per_sec}, {eta})",
    ) {
        bar.set_style(style);
    }
    bar
}

/// Each malformed row on standard error, `FILE:LINE: skipped: REASON`.
fn report_skipped(path: &std::path::Path, report: &eval::ComplianceReport) {
    use std::io::Write;
    if report.skipped_total == 0 {
        return;
    }
    let mut err = std::io::stderr().lock();
    for s in &report.skipped {
        let _ = writeln!(err, "{}:{}: skipped: {}", path.display(), s.line, s.reason);
    }
    let unlisted = report.skipped_total - report.skipped.len() as u64;
    if unlisted > 0 {
        let _ = writeln!(err, "… and {unlisted} more malformed rows");
    }
    if let Some(skipped) = report.skipped_summary() {
        let _ = writeln!(err, "{skipped}");
    }
}
