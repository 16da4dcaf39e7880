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
use slac::eval::input::{Chosen, Decoded, Encoding, LogFormat};
use slac::eval::{self, EvalOptions, ReportPeriod};
use slac::model::Lang;
use std::io::{IsTerminal, Read};
use std::path::Path;

/// Logs smaller than this finish too fast for a progress bar to help.
const PROGRESS_FROM_BYTES: u64 = 16 << 20;

pub fn run(args: &EvalArgs, color: bool) -> CmdResult {
    let output = args.output.as_deref();
    let mut inputs: Vec<&Path> = vec![&args.file];
    inputs.extend(args.tickets.as_deref());
    inputs.extend(args.outages.as_deref());
    inputs.extend(args.statuses.as_deref());
    super::refuse_input_as_output(output, &inputs)?;
    let mut tickets_out = tickets_out(args, &inputs)?;
    let out_format = super::format_for(args.format, "--format", output, EvalFormat::Text)?;
    let as_of = match &args.as_of {
        Some(text) => super::parse_time("--as-of", text)?,
        None => Utc::now(),
    };
    let checked = super::load_model(&args.file, &args.root, false, color)?;
    let contract = checked
        .model
        .as_ref()
        .ok_or_else(|| Failure::failed(format!("`{}` has errors", args.file.display())))?;
    let mut reading = super::log_reading::read_options(&args.reading, contract)?;
    let options = EvalOptions {
        as_of,
        period: match args.period {
            EvalPeriod::Monthly => ReportPeriod::Monthly,
            EvalPeriod::Quarterly => ReportPeriod::Quarterly,
        },
    };
    if let Some(statuses) = &args.statuses {
        let format = log_format(args, statuses);
        let encoding = (format.format != eval::InputFormat::Xlsx).then_some(args.encoding);
        let log = read_log(statuses, encoding, |file| {
            let as_of = options.as_of.timestamp_millis();
            eval::read_statuses(contract, file, format, reading.times, as_of)
        })?;
        report_skipped(statuses, &log.skipped, log.skipped_total);
        reading.statuses = Some(std::sync::Arc::new(log));
    }
    let mut report = match &args.tickets {
        Some(tickets) => {
            let format = log_format(args, tickets);
            let encoding = (format.format != eval::InputFormat::Xlsx).then_some(args.encoding);
            let report = read_log(tickets, encoding, |file| {
                let rows = tickets_out.as_mut().map(|(_, rows)| rows);
                eval::evaluate_with(contract, file, format, &options, &reading, rows)
            })?;
            report_skipped(tickets, &report.skipped, report.skipped_total);
            if let (Some(path), Some(log)) = (&args.statuses, &reading.statuses) {
                unmatched_statuses(path, log);
            }
            if let Some(skipped) = report.skipped_summary() {
                eprintln!("{skipped}");
            }
            report
        }
        None => eval::without_tickets(contract, &options)
            .map_err(|e| Failure::usage(format!("`{}`: {e}", args.file.display())))?,
    };
    if let Some(outages) = &args.outages {
        let format = LogFormat::from_path(outages);
        let encoding = (format.format != eval::InputFormat::Xlsx).then_some(Encoding::Auto);
        read_log(outages, encoding, |file| {
            eval::evaluate_outages_with(
                &mut report,
                contract,
                file,
                format,
                &options,
                reading.times,
            )
        })?;
        if let Some(summary) = &report.outages {
            report_skipped(outages, &summary.skipped, summary.skipped_total);
        }
    }
    let lang = match args.lang.as_deref() {
        None => contract.language,
        Some(code) => Lang::from_code(code)
            .ok_or_else(|| Failure::usage(format!("unknown language `{code}`: use zh-CN or en")))?,
    };
    let out = match out_format {
        EvalFormat::Json => report.to_json(),
        EvalFormat::Text => eval::text(&report, lang),
        EvalFormat::Markdown => eval::markdown(&report, lang),
        EvalFormat::Html => eval::html(&report, lang),
    };
    // The rows before the report: a run that cannot write the rows leaves
    // the last report in place too.
    if let Some((path, rows)) = tickets_out {
        let bytes = rows
            .into_bytes()
            .map_err(|e| Failure::usage(format!("cannot write `{}`: {e}", path.display())))?;
        super::write_output(Some(path), &bytes)?;
    }
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

/// How a log is read (the ticket log, the status history): its format by
/// extension unless `--input-format` says, `--delimiter` and `--sheet`.
fn log_format(args: &EvalArgs, path: &Path) -> LogFormat {
    let mut format = LogFormat::from_path(path);
    match args.input_format {
        Some(InputFormat::Csv) => format.format = eval::InputFormat::Csv,
        Some(InputFormat::Jsonl) => format.format = eval::InputFormat::Jsonl,
        Some(InputFormat::Xlsx) => format.format = eval::InputFormat::Xlsx,
        None => {}
    }
    if let Some(delimiter) = args.delimiter {
        format.delimiter = delimiter;
    }
    format.sheet.clone_from(&args.sheet);
    format
}

/// Says on standard error how many tickets of the status history the
/// ticket log does not have: their pauses paused nothing.
fn unmatched_statuses(path: &Path, log: &eval::StatusLog) {
    let n = log.unmatched();
    if n > 0 {
        let (s, are) = if n == 1 { ("", "is") } else { ("s", "are") };
        eprintln!(
            "{}: {n} ticket{s} with pausing statuses {are} not in the ticket log; their rows paused nothing",
            path.display()
        );
    }
}

/// `--tickets-out FILE`: its path and the rows to fill, by its extension
/// (`.csv`, `.jsonl`/`.ndjson`); another extension, or the file being one
/// of the inputs or the report's `-o`, is a usage error before anything runs.
fn tickets_out<'a>(
    args: &'a EvalArgs,
    inputs: &[&Path],
) -> Result<Option<(&'a Path, eval::TicketRows)>, Failure> {
    let Some(path) = args.tickets_out.as_deref() else {
        return Ok(None);
    };
    let format = eval::TicketsOutFormat::from_path(path).ok_or_else(|| {
        Failure::usage(format!(
            "--tickets-out `{}`: name a `.csv` or `.jsonl` file",
            path.display()
        ))
    })?;
    if args.output.as_deref() == Some(path) {
        return Err(Failure::usage(format!(
            "--tickets-out `{}` is the report's -o file; nothing was written",
            path.display()
        )));
    }
    let mut taken: Vec<&Path> = inputs.to_vec();
    taken.extend(args.output.as_deref());
    super::refuse_input_as_output(Some(path), &taken)?;
    Ok(Some((path, eval::TicketRows::new(format))))
}

/// Opens a log and hands it to `evaluate` behind a progress bar: decoded
/// to UTF-8 from `encoding` (an encoding guessed is said on standard
/// error), or as it is (`None`: a workbook). An unreadable log or one that
/// cannot be evaluated is a usage error.
fn read_log<T>(
    path: &Path,
    encoding: Option<Encoding>,
    evaluate: impl FnOnce(Box<dyn Read + Send>) -> Result<T, eval::EvalError>,
) -> Result<T, Failure> {
    let file = std::fs::File::open(path)
        .map_err(|e| Failure::usage(format!("cannot read `{}`: {e}", path.display())))?;
    let size = file.metadata().map(|m| m.len()).unwrap_or(0);
    let bar = progress_bar(size);
    let input: Box<dyn Read + Send> = match encoding {
        Some(encoding) => {
            let decoded = Decoded::new(bar.wrap_read(file), encoding)
                .map_err(|e| Failure::usage(format!("`{}`: {e}", path.display())))?;
            if decoded.chosen() == Chosen::Guessed {
                eprintln!(
                    "reading {} as {}; use --encoding to choose",
                    path.display(),
                    decoded.encoding().name()
                );
            }
            Box::new(decoded)
        }
        None => Box::new(bar.wrap_read(file)),
    };
    let result = evaluate(input);
    bar.finish_and_clear();
    result.map_err(|e| Failure::usage(format!("`{}`: {e}", path.display())))
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
fn report_skipped(path: &Path, listed: &[eval::Skipped], total: u64) {
    use std::io::Write;
    if total == 0 {
        return;
    }
    let mut err = std::io::stderr().lock();
    for s in listed {
        let _ = writeln!(err, "{}:{}: skipped: {}", path.display(), s.line, s.reason);
    }
    let unlisted = total - listed.len() as u64;
    if unlisted > 0 {
        let _ = writeln!(err, "… and {unlisted} more malformed rows");
    }
}
