//! `eval`'s options for reading logs as ticket systems export them: the
//! columns (`--preset`, `--mapping`, `--map`) and the times (`--zone`,
//! `--excel-dates`), turned into [`slac::eval::ReadOptions`]. A bad
//! mapping, an unknown zone or `--zone contract` without a contract zone is
//! a usage error (exit 2), before any log is read.

use super::Failure;
use clap::{Args, ValueEnum};
use slac::eval::{ColumnMap, Preset, ReadOptions, TimeOptions};
use slac::model::Contract;
use std::path::PathBuf;

#[derive(Args, Debug, Default)]
pub struct ReadingArgs {
    /// Read the ticket log's columns as this system's CSV export names them.
    #[arg(long, value_enum, value_name = "SYSTEM")]
    pub preset: Option<PresetArg>,
    /// A mapping file, FIELD = "COLUMN" (`.toml`) or FIELD: COLUMN
    /// (`.yaml`), over the preset.
    #[arg(long, value_name = "FILE")]
    pub mapping: Option<PathBuf>,
    /// Columns by name, over the preset and the file:
    /// `received_at=Created,first_response_at="First reply at"`; `FIELD=`
    /// says the log has no such column.
    #[arg(long = "map", value_name = "FIELD=COLUMN,…")]
    pub map: Vec<String>,
    /// The zone of the logs' local times (no offset, Excel serials):
    /// `contract` for the contract's `timezone`, or an IANA name such as
    /// `Asia/Shanghai`. Without it a local time is a skipped row.
    #[arg(long, value_name = "ZONE")]
    pub zone: Option<String>,
    /// Read plain numbers in time columns as Excel serial dates (1900 date
    /// system), local times in --zone.
    #[arg(long)]
    pub excel_dates: bool,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum PresetArg {
    Zendesk,
    Jira,
    Zammad,
}

impl From<PresetArg> for Preset {
    fn from(p: PresetArg) -> Preset {
        match p {
            PresetArg::Zendesk => Preset::Zendesk,
            PresetArg::Jira => Preset::Jira,
            PresetArg::Zammad => Preset::Zammad,
        }
    }
}

/// The reading options of `eval`, checked.
pub fn read_options(args: &ReadingArgs, contract: &Contract) -> Result<ReadOptions, Failure> {
    let mut columns = match args.preset {
        Some(p) => ColumnMap::preset(p.into()),
        None => ColumnMap::CANONICAL,
    };
    let usage = |e: slac::eval::MappingError| Failure::usage(e.to_string());
    if let Some(file) = &args.mapping {
        columns.apply_file(file).map_err(usage)?;
    }
    for spec in &args.map {
        columns.apply_flag(spec).map_err(usage)?;
    }
    columns.check().map_err(usage)?;
    let zone = match args.zone.as_deref().map(str::trim) {
        None => None,
        Some("contract") => Some(contract.timezone.ok_or_else(|| {
            Failure::usage(
                "--zone contract: the contract states no `timezone`; name the zone, e.g. --zone Asia/Shanghai",
            )
        })?),
        Some(name) => Some(name.parse().map_err(|_| {
            Failure::usage(format!(
                "--zone `{name}` is not a time zone: give an IANA name such as Asia/Shanghai or Europe/London, or `contract`"
            ))
        })?),
    };
    if args.excel_dates && zone.is_none() {
        return Err(Failure::usage(
            "--excel-dates reads local times: give their zone with --zone (`contract` or a name such as Asia/Shanghai)",
        ));
    }
    Ok(ReadOptions {
        statuses: None,
        columns,
        times: TimeOptions {
            zone,
            excel_dates: args.excel_dates,
        },
    })
}
