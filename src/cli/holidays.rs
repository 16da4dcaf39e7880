//! `slac holidays …`: the commands on holiday sets (design §10). `show`
//! lists the expanded days of every set of a library or a contract
//! ([`slac::holiday_list`]); `import` turns an iCalendar feed into a library
//! ([`slac::ics`] does the work).

use super::{
    read_contract, refuse_input_as_output, write_output, CmdResult, Failure, TextOrJson, OK,
};
use chrono::{Datelike, Months, NaiveDate, Utc};
use clap::{Args, Subcommand};
use slac::holiday_list;
use slac::ics::{import, ImportOptions, Years};
use slac::model::{Contract, HolidaySet};
use std::ops::RangeInclusive;
use std::path::PathBuf;

#[derive(Args, Debug)]
pub struct HolidaysArgs {
    #[command(subcommand)]
    pub command: HolidaysCommand,
}

#[derive(Subcommand, Debug)]
pub enum HolidaysCommand {
    /// List the days of the holiday sets of a library or a contract, by date.
    Show(ShowArgs),
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

pub fn run(args: &HolidaysArgs, color: bool) -> CmdResult {
    match &args.command {
        HolidaysCommand::Show(show) => run_show(show, color),
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
    let years = args.years.as_deref().map(years_arg).transpose()?;
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

#[derive(Args, Debug)]
pub struct ShowArgs {
    /// A holiday library or a contract.
    pub file: PathBuf,
    /// Only this set (by id).
    #[arg(long)]
    pub set: Option<String>,
    /// The years to list, `A..B` or one year (default: the contract's
    /// effective period, three years from its start when it has no end;
    /// for a library, this year and the two after it).
    #[arg(long)]
    pub years: Option<String>,
    #[arg(long, value_enum, default_value_t = TextOrJson::Text)]
    pub format: TextOrJson,
    #[command(flatten)]
    pub root: super::RootArg,
}

/// `--years 2026..2027` or `--years 2026`, for both commands.
fn years_arg(text: &str) -> Result<Years, Failure> {
    text.parse::<Years>()
        .map_err(|why| Failure::usage(format!("--years {why}; write it like 2026..2027")))
}

/// The dates of the years `years`, or `None` past the calendar's reach.
fn dates_of(years: &RangeInclusive<i32>) -> Option<RangeInclusive<NaiveDate>> {
    Some(
        NaiveDate::from_ymd_opt(*years.start(), 1, 1)?
            ..=NaiveDate::from_ymd_opt(*years.end(), 12, 31)?,
    )
}

/// This year and the two after it: the default for a library.
fn from_this_year() -> RangeInclusive<i32> {
    let now = Utc::now().year();
    now..=now + 2
}

/// `slac holidays show FILE [--set ID] [--years A..B] [--format text|json]`
fn run_show(args: &ShowArgs, color: bool) -> CmdResult {
    let years = (args.years.as_deref().map(years_arg).transpose()?).map(|y| y.first..=y.last);
    let checked = super::read_and_check(&args.file, &args.root)?;
    let errors: Vec<slac::Diagnostic> = checked
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .cloned()
        .collect();
    if !errors.is_empty() {
        eprint!("{}", slac::report::human(&checked.sources, &errors, color));
    }
    let (sets, period) = match (&checked.library, &checked.model) {
        (Some(library), _) => (library.sets.iter().collect(), None),
        (None, Some(contract)) => (contract_sets(contract), effective_dates(contract)),
        (None, None) => {
            return Err(Failure::failed(format!(
                "`{}` has errors; no days listed",
                args.file.display()
            )))
        }
    };
    let sets: Vec<&HolidaySet> = sets;
    let chosen: Vec<&HolidaySet> = match &args.set {
        Some(id) => {
            let set = *sets.iter().find(|s| s.id.as_str() == id).ok_or_else(|| {
                let known: Vec<&str> = sets.iter().map(|s| s.id.as_str()).collect();
                Failure::usage(format!(
                    "no holiday set `{id}` in `{}` (its sets: {})",
                    args.file.display(),
                    if known.is_empty() {
                        "none".into()
                    } else {
                        known.join(", ")
                    }
                ))
            })?;
            vec![set]
        }
        None => sets,
    };
    let range = match years.or(period.is_none().then(from_this_year)) {
        Some(years) => dates_of(&years)
            .ok_or_else(|| Failure::usage("--years reaches past the calendar's last year"))?,
        None => period.ok_or_else(|| Failure::usage("no period to list"))?,
    };
    let days = holiday_list::list(chosen, range);
    let out = match args.format {
        TextOrJson::Text => holiday_list::text(&days),
        TextOrJson::Json => holiday_list::json(&days),
    };
    super::write_output(None, out.as_bytes())?;
    Ok(super::OK)
}

/// The sets a contract's days come from: its own, then those its calendars
/// take from the libraries it uses, each once (a contract that only uses
/// `holidays/cn-2026.sla` still lists the days it signs up to).
fn contract_sets(contract: &slac::model::Contract) -> Vec<&HolidaySet> {
    let mut sets: Vec<&HolidaySet> = contract.holidays.iter().collect();
    for set in contract.calendars.iter().flat_map(|c| &c.holidays) {
        if !sets.iter().any(|s| s.id == set.id) {
            sets.push(set);
        }
    }
    sets
}

/// The effective period of a contract, three years from its start when it
/// has no end (as the rule set expands yearly days); `None` when it has no
/// period or a placeholder in it.
fn effective_dates(contract: &Contract) -> Option<RangeInclusive<NaiveDate>> {
    let effective = contract.effective.as_ref()?;
    let from = *effective.from.value()?;
    let to = match &effective.to {
        Some(to) => *to.value()?,
        None => from
            .checked_add_months(Months::new(36))
            .and_then(|d| d.pred_opt())?,
    };
    Some(from..=to)
}
