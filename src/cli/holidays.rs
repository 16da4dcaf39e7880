//! `slac holidays …`: the commands on holiday sets (design §10). `import`
//! turns an iCalendar feed into a library ([`slac::ics`] does the work).

use super::{read_contract, refuse_input_as_output, write_output, CmdResult, Failure, OK};
use clap::{Args, Subcommand};
use slac::ics::{import, ImportOptions, Years};
use std::path::PathBuf;

#[derive(Args, Debug)]
pub struct HolidaysArgs {
    #[command(subcommand)]
    pub command: HolidaysCommand,
}

#[derive(Subcommand, Debug)]
pub enum HolidaysCommand {
    /// Write a holiday library with one set from an iCalendar (.ics) feed.
    Import(ImportArgs),
}

#[derive(Args, Debug)]
pub struct ImportArgs {
    /// The iCalendar feed (RFC 5545), e.g. a public-holiday calendar.
    pub file: PathBuf,
    /// The set's id, e.g. `cn-2026`.
    #[arg(long)]
    pub id: String,
    /// The set's label; else the feed's name (X-WR-CALNAME), else the id.
    #[arg(long)]
    pub label: Option<String>,
    /// A regular expression: events whose summary matches are make-up
    /// working days (`open`), e.g. `班|补班|上班`.
    #[arg(long)]
    pub workdays: Option<String>,
    /// Keep the days of these years only, and expand the yearly rules that
    /// have no `closed yearly` form over them: `2026..2027` or `2026`.
    #[arg(long)]
    pub years: Option<String>,
    /// Write the library here (whole or not at all) instead of standard output.
    #[arg(short, long)]
    pub output: Option<PathBuf>,
}

pub fn run(args: &HolidaysArgs) -> CmdResult {
    match &args.command {
        HolidaysCommand::Import(args) => run_import(args),
    }
}

fn run_import(args: &ImportArgs) -> CmdResult {
    // Every argument is checked before anything is read or written.
    let workdays = args
        .workdays
        .as_deref()
        .map(|pattern| {
            regex::Regex::new(pattern).map_err(|e| {
                Failure::usage(format!(
                    "--workdays `{pattern}` is not a regular expression: {e}"
                ))
            })
        })
        .transpose()?;
    let years = args
        .years
        .as_deref()
        .map(|text| {
            text.parse::<Years>()
                .map_err(|why| Failure::usage(format!("--years {why}; write it like 2026..2027")))
        })
        .transpose()?;
    refuse_input_as_output(args.output.as_deref(), &[args.file.as_path()])?;
    let bytes = read_contract(&args.file)?;
    let options = ImportOptions {
        id: args.id.clone(),
        label: args.label.clone(),
        workdays,
        years,
        source_name: args
            .file
            .file_name()
            .map_or_else(|| "the feed".into(), |n| n.to_string_lossy().into_owned()),
    };
    let imported = import(&bytes, &options)
        .map_err(|e| Failure::usage(format!("`{}`: {e}", args.file.display())))?;
    for skipped in &imported.skipped {
        eprintln!("note: {skipped}");
    }
    write_output(args.output.as_deref(), imported.library.as_bytes())?;
    eprintln!(
        "imported {} events into set `{}`{}",
        imported.imported,
        args.id,
        args.output
            .as_ref()
            .map(|p| format!(" in `{}`", p.display()))
            .unwrap_or_default()
    );
    Ok(OK)
}
