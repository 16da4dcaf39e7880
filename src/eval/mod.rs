//! Compliance of a ticket log against a contract (§9 of the design).
//!
//! [`evaluate`] streams the log one row at a time — CSV through one buffer
//! ([`input::CsvRecords`]), JSON Lines one line at a time — so memory does not grow
//! with the size of the file, only with the number of tickets: the open-time
//! minutes kept for the percentiles (4 bytes a ticket and target) and the
//! duplicate-id check ([`ids`]: a few bytes for consecutive ids in order,
//! 8–9 bytes an id otherwise). Each row
//! is validated ([`ticket`]), measured on its priority's clock, built once
//! ([`tally`]), and counted in its (period, priority) totals. A malformed
//! row is skipped with its line number and reason; nothing is guessed.
//!
//! The [`ComplianceReport`] it returns is the data of every output format: JSON
//! ([`ComplianceReport::to_json`]), a terminal table ([`text`]), Markdown
//! ([`markdown`]) and a self-contained HTML page with charts ([`html`]).
//!
//! The synthetic log generator of the examples, benchmark and tests
//! (`examples/support/synth.rs`) is dev-only, no part of this API:
//!
//! ```compile_fail
//! let _ = slac::eval::synth::write_csv;
//! ```

mod aka;
mod availability;
pub mod compliance;
mod credits;
mod evidence;
mod html;
mod ids;
pub mod input;
mod mapping;
mod markdown;
mod minutes;
pub mod not_excluded;
mod outages;
mod presets;
mod read;
pub mod report_phrases;
mod report_view;
mod settle;
pub mod skip;
mod statuses;
mod tally;
mod text;
mod ticket;
mod time;
mod zone;

pub use availability::{evaluate_outages, evaluate_outages_with};
pub use compliance::{
    AvailabilityReport, ComplianceReport, CsatReport, ExcludedCount, FcrReport, MaintenanceReport,
    OutageSummary, PeriodReport, PriorityInfo, PriorityReport, Skipped, TargetReport,
    SKIPPED_LISTED,
};
pub use credits::{CreditLineReport, CreditsReport, FigureUnit};
pub use evidence::{
    BreachedTicket, BreachedTickets, Status, TicketRows, TicketsOutFormat, TICKETS_OUT_COLUMNS,
    WORST_LISTED,
};
pub use html::html;
pub use mapping::{ColumnMap, MappingError, Origin};
pub use markdown::markdown;
pub use outages::OUTAGE_COLUMNS;
pub use presets::Preset;
pub use skip::SkipReason;
pub use statuses::{read_statuses, StatusLog, STATUS_COLUMNS};
pub use text::text;
pub use ticket::{COLUMNS, EXCLUDED};
pub use zone::TimeOptions;

use crate::clock::ClockError;
use crate::model::{Contract, PriorityId, TargetKind};
use chrono::{DateTime, Utc};
use ids::SeenIds;
use std::io::Read;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use tally::Tally;
use ticket::{Fields, RowRules};

/// The format of a ticket log.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum InputFormat {
    /// CSV with a header row naming the columns of [`COLUMNS`].
    #[default]
    Csv,
    /// One JSON object a line, keys from [`COLUMNS`].
    Jsonl,
    /// An Excel workbook: a sheet whose first row names the columns.
    Xlsx,
}

impl InputFormat {
    /// By file extension: `.jsonl`/`.ndjson` are JSON Lines, `.xlsx` a
    /// workbook, anything else CSV.
    pub fn from_path(path: &std::path::Path) -> InputFormat {
        match path.extension().and_then(|e| e.to_str()) {
            Some(e) if e.eq_ignore_ascii_case("jsonl") || e.eq_ignore_ascii_case("ndjson") => {
                InputFormat::Jsonl
            }
            Some(e) if e.eq_ignore_ascii_case("xlsx") => InputFormat::Xlsx,
            _ => InputFormat::Csv,
        }
    }
}

/// The periods a report is cut into, by `received_at` in the contract's zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ReportPeriod {
    /// Calendar months, `2027-03`.
    #[default]
    Monthly,
    /// Calendar quarters, `2027-Q1`.
    Quarterly,
}

/// How a log is read: the columns of the ticket log (`--preset`,
/// `--mapping`, `--map`) and the times of both logs (`--zone`,
/// `--excel-dates`). The default reads the canonical columns and RFC 3339
/// times with offsets.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    pub columns: ColumnMap,
    pub times: TimeOptions,
    /// The status history (`--statuses`, [`read_statuses`]): its pausing
    /// intervals pause the tickets it names, merged with their `paused`.
    pub statuses: Option<std::sync::Arc<StatusLog>>,
}

#[derive(Debug, Clone, Copy)]
pub struct EvalOptions {
    /// A ticket without a response (or resolution) is pending while its due
    /// time is not before this instant, and breached after.
    pub as_of: DateTime<Utc>,
    pub period: ReportPeriod,
}

/// Why a log could not be evaluated at all (a bad row is only skipped).
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    #[error("cannot read the ticket log: {0}")]
    Io(#[from] std::io::Error),
    /// The open-time minutes set aside in a temporary file could not be
    /// read back (eval::minutes).
    #[error("cannot read back the open-time minutes eval set aside in the temporary folder ({}): {}", std::env::temp_dir().display(), .0)]
    Spill(std::io::Error),
    /// The CSV header lacks columns of §9.
    #[error("the CSV header lacks the column{} {}{hint} (a log has the columns {})",
        if .missing.len() == 1 { "" } else { "s" },
        .missing.iter().map(|m| format!("`{m}`")).collect::<Vec<_>>().join(", "),
        COLUMNS.join(", "))]
    MissingColumns { missing: Vec<String>, hint: String },
    /// The header is not in UTF-8, so no column name can match (bytes
    /// read without [`input::Decoded`]).
    #[error("the CSV log is {encoding}, not UTF-8: pass --encoding, or save it as UTF-8 (in Excel, \"CSV UTF-8\")")]
    Encoding { encoding: &'static str },
    /// The log's bytes are not in the encoding it is read in.
    #[error(transparent)]
    Decode(#[from] input::DecodeError),
    /// The header is split by another delimiter than the one read.
    #[error("the CSV header is separated by {name} (`{shown}`), not {read_by}: {fix}")]
    Delimiter {
        name: &'static str,
        shown: &'static str,
        read_by: &'static str,
        fix: &'static str,
    },
    /// The header names more columns than any export has.
    #[error(
        "the header has {columns} columns, more than the {} a log may have (Excel's limit)",
        read::MAX_COLUMNS
    )]
    TooManyColumns { columns: usize },
    /// A workbook that cannot be read (not a zip, no sheet, a broken part).
    #[error("cannot read the workbook: {0}")]
    Workbook(String),
    /// `--sheet` names no sheet of the workbook.
    #[error("the workbook has no sheet `{name}`; its sheets are {}", .sheets.iter().map(|s| format!("`{s}`")).collect::<Vec<_>>().join(", "))]
    NoSheet { name: String, sheets: Vec<String> },
    /// The log is empty: not even a CSV header.
    #[error("the CSV log is empty: it needs a header row ({})", COLUMNS.join(","))]
    NoHeader,
    /// A response or resolution target is still a placeholder.
    #[error(
        "the {kind} of {priority} is still a placeholder `[{text}]`: fill it in to evaluate a log"
    )]
    Placeholder {
        priority: PriorityId,
        kind: TargetKind,
        text: String,
    },
    /// The FCR or CSAT goal is still a placeholder.
    #[error(
        "the target of {goal} is still a placeholder `[{text}]`: fill it in to evaluate a log"
    )]
    GoalPlaceholder { goal: &'static str, text: String },
    /// The outage log's CSV header lacks columns of §11.
    #[error("the outage log's header lacks the column{} {} (an outage log has the columns {})",
        if .missing.len() == 1 { "" } else { "s" },
        .missing.iter().map(|m| format!("`{m}`")).collect::<Vec<_>>().join(", "),
        OUTAGE_COLUMNS.join(", "))]
    OutageColumns { missing: Vec<String> },
    /// A column a mapping names is not in the header.
    #[error("the CSV header has no column `{column}` (for `{field}`, from {origin}){hint}; its columns are {header}")]
    MappedColumn {
        column: String,
        field: &'static str,
        origin: Origin,
        hint: String,
        header: String,
    },
    /// `--statuses` for a contract without `pause on`.
    #[error("--statuses needs the contract to name the statuses that pause the clock: add `pause on \"Pending\", …` to it")]
    NoPauseOn,
    /// The status history's header lacks columns.
    #[error("the status history's header lacks the column{} {} (a status history has the columns {})",
        if .missing.len() == 1 { "" } else { "s" },
        .missing.iter().map(|m| format!("`{m}`")).collect::<Vec<_>>().join(", "),
        STATUS_COLUMNS.join(", "))]
    StatusColumns { missing: Vec<String> },
    /// The status history is empty: not even a header.
    #[error("the status history is empty: it needs a header row ({})", STATUS_COLUMNS.join(","))]
    StatusNoHeader,
    /// The outage log is empty: not even a CSV header.
    #[error("the outage log is empty: it needs a header row ({})", OUTAGE_COLUMNS.join(","))]
    OutageNoHeader,
    /// A channel's availability target is still a placeholder.
    #[error("the availability of {channel} is still a placeholder `[{text}]`: fill it in to evaluate an outage log")]
    AvailabilityPlaceholder { channel: String, text: String },
    /// `at most N business days` with business days that have no fixed
    /// length: the allowance cannot be counted in minutes.
    #[error("the maintenance allowance is in business days, which have no fixed length under this contract's `business-day` rule: state it in hours")]
    AllowanceInBusinessDays,
    #[error(transparent)]
    Clock(#[from] ClockError),
}

/// Collects skipped rows: the first [`SKIPPED_LISTED`] with their reasons,
/// all of them counted.
struct Skips {
    listed: Vec<Skipped>,
    total: u64,
    /// Of `total`, the tickets outside the effective period.
    outside_effective: u64,
}

impl Skips {
    fn unscored(&mut self, line: u64, why: tally::Unscored) {
        match why {
            tally::Unscored::Malformed(reason) => self.add(line, reason),
            tally::Unscored::OutsideEffective(reason) => {
                self.outside_effective += 1;
                self.add(line, reason);
            }
        }
    }

    fn add(&mut self, line: u64, reason: SkipReason) {
        self.total += 1;
        if self.listed.len() < SKIPPED_LISTED {
            self.listed.push(Skipped { line, reason });
        }
    }
}

/// A row once checked: a valid ticket with the ranges of its variable parts
/// (in a [`Parts`]), or the reason it is skipped.
enum Checked {
    Ticket {
        ticket: ticket::Ticket,
        /// The range of `Parts::pauses` that holds the ticket's pauses.
        pauses: (usize, usize),
        /// The range of `Parts::ids` that holds the ticket's id.
        id: (usize, usize),
        /// The range of `Parts::held` that holds the indices (in `pause
        /// on`) of the statuses that paused it.
        held: (usize, usize),
    },
    Skip(SkipReason),
}

/// The variable-length parts of checked tickets, one after another.
#[derive(Default)]
struct Parts {
    pauses: Vec<(i64, i64)>,
    ids: Vec<u8>,
    held: Vec<u16>,
}

impl Parts {
    fn with_capacity(rows: usize) -> Parts {
        Parts {
            pauses: Vec::with_capacity(rows),
            ids: Vec::with_capacity(rows * 16),
            held: Vec::new(),
        }
    }

    fn clear(&mut self) {
        self.pauses.clear();
        self.ids.clear();
        self.held.clear();
    }
}

/// Checks one row's fields into a ticket, its pauses (with those of the
/// status history merged in), id and pausing statuses appended to `parts`.
/// Both threads check rows, with this one function.
fn check_row(
    rules: &RowRules,
    statuses: Option<&StatusLog>,
    fields: &Fields<'_>,
    paused: &mut Vec<(i64, i64)>,
    parts: &mut Parts,
) -> Checked {
    let ticket = match rules.ticket(fields, paused) {
        Ok(ticket) => ticket,
        Err(reason) => return Checked::Skip(reason),
    };
    let held_from = parts.held.len();
    if let Some(log) = statuses {
        let held = log.of(fields.id());
        statuses::merge(paused, held);
        for h in held {
            let seen = parts.held.get(held_from..).unwrap_or_default();
            if !seen.contains(&h.status) {
                parts.held.push(h.status);
            }
        }
    }
    let from = parts.pauses.len();
    parts.pauses.extend_from_slice(paused);
    let id_from = parts.ids.len();
    parts.ids.extend_from_slice(fields.id());
    Checked::Ticket {
        ticket,
        pauses: (from, parts.pauses.len()),
        id: (id_from, parts.ids.len()),
        held: (held_from, parts.held.len()),
    }
}

/// A row as the reader hands it on: checked, or left for the measuring
/// thread to check (see [`Share`]).
enum Row {
    Checked {
        line: u64,
        row: Checked,
    },
    /// The row's fields, in the order of [`TICKET_LOG_COLUMNS`], stand one
    /// after another in the batch's `raw` from `from`; field `i` ends at
    /// `ends[i]`.
    Raw {
        line: u64,
        from: usize,
        ends: [usize; 11],
    },
}

impl Row {
    /// The fields of a raw row, out of the batch's `raw` bytes.
    fn raw_fields<'b>(raw: &'b [u8], from: usize, ends: &[usize; 11]) -> Fields<'b> {
        let mut start = from;
        Fields::of_row(ends.map(|end| {
            let field = raw.get(start..end).unwrap_or_default();
            start = end;
            field
        }))
    }
}

/// Rows travel from the reader thread to the measuring one in batches.
struct Batch {
    rows: Vec<Row>,
    /// The parts of the rows the reader checked.
    parts: Parts,
    /// The fields of the rows it left raw, one after another.
    raw: Vec<u8>,
}

impl Batch {
    /// A batch with room for [`BATCH`] rows of a common log, so that its
    /// vectors do not grow (by `mremap`, stalling the other thread) while
    /// it fills.
    fn new() -> Batch {
        Batch {
            rows: Vec::with_capacity(BATCH),
            parts: Parts::with_capacity(BATCH),
            raw: Vec::with_capacity(BATCH * 64),
        }
    }

    fn clear(&mut self) {
        self.rows.clear();
        self.parts.clear();
        self.raw.clear();
    }
}

const BATCH: usize = 4096;

/// Full batches waiting for the measuring thread, at most: two keep both
/// threads busy, more only take memory.
const IN_FLIGHT: usize = 2;

/// Which rows the reader leaves raw, for the measuring thread to check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Share {
    /// As many as keep both threads busy ([`Dither`]).
    Balanced,
    /// Every row (tests: the measuring thread checks them all).
    #[cfg(test)]
    All,
    /// None (tests: the reader checks them all).
    #[cfg(test)]
    Nothing,
}

/// Of every [`SHARE_STEPS`] rows of a batch, the reader leaves `raw` for
/// the measuring thread. Which thread is the slower one depends on the log
/// (its times, its pauses, the clocks of its priorities) and on the
/// machine, so the share follows what the measuring thread does: if it had
/// nothing left to do when a batch was sent it takes one step more, if two
/// or more batches were still waiting one step less.
struct Dither {
    share: Share,
    raw: usize,
}

const SHARE_STEPS: usize = 32;

impl Dither {
    fn new(share: Share) -> Dither {
        Dither {
            share,
            raw: SHARE_STEPS / 4,
        }
    }

    /// Whether the `nth` row of a batch is left raw.
    fn leaves_raw(&self, nth: usize) -> bool {
        match self.share {
            Share::Balanced => nth % SHARE_STEPS < self.raw,
            #[cfg(test)]
            Share::All => true,
            #[cfg(test)]
            Share::Nothing => false,
        }
    }

    /// A batch is sent with `unmeasured` batches not yet measured.
    fn sent(&mut self, unmeasured: usize) {
        match unmeasured {
            0 => self.raw = (self.raw + 1).min(SHARE_STEPS),
            1 => {}
            _ => self.raw = self.raw.saturating_sub(1),
        }
    }
}

/// The reader's end: checks rows (or leaves them raw) into batches and
/// sends full ones on, taking emptied batches back for reuse.
struct Sink<'r> {
    rules: &'r RowRules,
    batch: Batch,
    paused: Vec<(i64, i64)>,
    statuses: Option<&'r StatusLog>,
    dither: Dither,
    /// Batches sent and not yet measured.
    unmeasured: &'r AtomicUsize,
    send: mpsc::SyncSender<Batch>,
    spare: mpsc::Receiver<Batch>,
}

impl Sink<'_> {
    fn row(&mut self, line: u64, row: read::RowFields<'_, 11>) {
        let row = match row {
            Ok(fields) if self.dither.leaves_raw(self.batch.rows.len()) => {
                let from = self.batch.raw.len();
                let ends = fields.map(|field| {
                    self.batch.raw.extend_from_slice(field);
                    self.batch.raw.len()
                });
                Row::Raw { line, from, ends }
            }
            Ok(fields) => {
                let fields = Fields::of_row(fields);
                let row = check_row(
                    self.rules,
                    self.statuses,
                    &fields,
                    &mut self.paused,
                    &mut self.batch.parts,
                );
                Row::Checked { line, row }
            }
            Err(reason) => Row::Checked {
                line,
                row: Checked::Skip(reason),
            },
        };
        self.batch.rows.push(row);
        if self.batch.rows.len() >= BATCH {
            self.flush();
        }
    }

    fn flush(&mut self) {
        let mut next = self.spare.try_recv().unwrap_or_else(|_| Batch::new());
        next.clear();
        let full = std::mem::replace(&mut self.batch, next);
        self.dither
            .sent(self.unmeasured.fetch_add(1, Ordering::AcqRel));
        // The measuring side only hangs up when it is done.
        let _ = self.send.send(full);
    }
}

/// The measuring end: checks the rows left raw, and counts every ticket.
struct Measure<'m, 'c> {
    tally: Tally<'c>,
    skips: Skips,
    /// The ids of the valid rows so far: a later row with one is skipped.
    seen: SeenIds,
    statuses: Option<&'m StatusLog>,
    rules: &'m RowRules,
    /// The parts of the one raw row being checked.
    parts: Parts,
    paused: Vec<(i64, i64)>,
}

impl Measure<'_, '_> {
    fn batch(&mut self, batch: &Batch) {
        for row in &batch.rows {
            match row {
                Row::Checked { line, row } => self.checked(*line, row, &batch.parts),
                Row::Raw { line, from, ends } => {
                    let fields = Row::raw_fields(&batch.raw, *from, ends);
                    let mut parts = std::mem::take(&mut self.parts);
                    parts.clear();
                    let row = check_row(
                        self.rules,
                        self.statuses,
                        &fields,
                        &mut self.paused,
                        &mut parts,
                    );
                    self.checked(*line, &row, &parts);
                    self.parts = parts;
                }
            }
        }
    }

    fn checked(&mut self, line: u64, row: &Checked, parts: &Parts) {
        match row {
            Checked::Ticket {
                ticket,
                pauses: (from, to),
                id: (id_from, id_to),
                held: (held_from, held_to),
            } => {
                let paused = parts.pauses.get(*from..*to).unwrap_or_default();
                let id = parts.ids.get(*id_from..*id_to).unwrap_or_default();
                let held = parts.held.get(*held_from..*held_to).unwrap_or_default();
                if !self.seen.first_time(id) {
                    let reason = SkipReason::DuplicateId {
                        id: ticket::shown(id),
                    };
                    self.skips.add(line, reason);
                    return;
                }
                if let Some(log) = self.statuses {
                    log.matched(!held.is_empty());
                }
                if let Err(why) = self.tally.add(ticket, id, paused, held) {
                    self.skips.unscored(line, why);
                }
            }
            Checked::Skip(reason) => self.skips.add(line, reason.clone()),
        }
    }
}

/// Evaluates a ticket log against a contract, reading it once, row by row:
/// one thread reads rows and checks most of them, the calling thread checks
/// the rest and measures them all (a share that follows the two threads' pace).
pub fn evaluate<R: Read + Send>(
    contract: &Contract,
    input: R,
    format: impl Into<input::LogFormat>,
    options: &EvalOptions,
) -> Result<ComplianceReport, EvalError> {
    run(
        contract,
        input,
        format.into(),
        options,
        &ReadOptions::default(),
        None,
        Tuning::DEFAULT,
    )
}

/// [`evaluate`] with the log's columns and times read as `reading` says,
/// and, given `rows`, one row per ticket and target into them (`eval
/// --tickets-out`), which add up to the report's counts exactly.
pub fn evaluate_with<R: Read + Send>(
    contract: &Contract,
    input: R,
    format: impl Into<input::LogFormat>,
    options: &EvalOptions,
    reading: &ReadOptions,
    rows: Option<&mut TicketRows>,
) -> Result<ComplianceReport, EvalError> {
    run(
        contract,
        input,
        format.into(),
        options,
        reading,
        rows,
        Tuning::DEFAULT,
    )
}

/// How a run shares its work and its memory; tests turn these to see that
/// the report does not change.
#[derive(Debug, Clone, Copy)]
struct Tuning {
    /// Which rows the reader leaves raw.
    share: Share,
    /// Minutes held in memory before they spill (eval::minutes).
    spill_at: usize,
}

impl Tuning {
    const DEFAULT: Tuning = Tuning {
        share: Share::Balanced,
        spill_at: minutes::SPILL_AT,
    };
}

/// Evaluates the log with the reader leaving rows raw as `tuning` says
/// (the API always [`Tuning::DEFAULT`]): one thread reads rows and checks
/// most of them, the calling thread checks the rest and measures them all.
fn run<'c, R: Read + Send>(
    contract: &'c Contract,
    input: R,
    format: input::LogFormat,
    options: &EvalOptions,
    reading: &ReadOptions,
    rows: Option<&'c mut TicketRows>,
    tuning: Tuning,
) -> Result<ComplianceReport, EvalError> {
    let tally = Tally::new(contract, options)?
        .with_rows(rows)
        .with_spill_at(tuning.spill_at);
    let rules = RowRules::new(contract, zone::LogTimes::new(reading.times));
    let shape = ticket_log(&reading.columns);
    let statuses = reading.statuses.as_deref();
    let unmeasured = AtomicUsize::new(0);
    let (send, receive) = mpsc::sync_channel::<Batch>(IN_FLIGHT);
    let (give_back, spare) = mpsc::channel::<Batch>();
    let mut measure = Measure {
        tally,
        skips: Skips {
            listed: Vec::new(),
            total: 0,
            outside_effective: 0,
        },
        seen: SeenIds::default(),
        statuses,
        rules: &rules,
        parts: Parts::default(),
        paused: Vec::new(),
    };
    let read = std::thread::scope(|scope| {
        let (rules, unmeasured) = (&rules, &unmeasured);
        let reader = scope.spawn(move || {
            let shape = &shape;
            let mut sink = Sink {
                rules,
                batch: Batch::new(),
                paused: Vec::new(),
                statuses,
                dither: Dither::new(tuning.share),
                unmeasured,
                send,
                spare,
            };
            let result = read::log_rows(input, format, shape, |line, row| sink.row(line, row));
            sink.flush();
            result
        });
        for batch in receive {
            measure.batch(&batch);
            unmeasured.fetch_sub(1, Ordering::AcqRel);
            let _ = give_back.send(batch);
        }
        reader
            .join()
            .unwrap_or_else(|_| Err(std::io::Error::other("the log reader failed").into()))
    });
    read?;
    let Measure { tally, skips, .. } = measure;
    let mut report = tally.finish(skips.listed, skips.total, skips.outside_effective)?;
    credits::settle(&mut report, contract, options.period);
    Ok(report)
}

/// The report of a run without a ticket log (`slac eval CONTRACT --outages
/// FILE`): no ticket counted, and the ticket targets not listed as without
/// data, since none were asked about.
pub fn without_tickets(
    contract: &Contract,
    options: &EvalOptions,
) -> Result<ComplianceReport, EvalError> {
    let mut report = Tally::new(contract, options)?.finish(Vec::new(), 0, 0)?;
    report.ticket_log = false;
    report.no_data.clear();
    credits::settle(&mut report, contract, options.period);
    Ok(report)
}

/// The ticket log's columns and header errors, for [`read`].
/// The columns of §9 and the optional `excluded` (§11), read as one row.
const TICKET_LOG_COLUMNS: [&str; 11] = [
    COLUMNS[0],
    COLUMNS[1],
    COLUMNS[2],
    COLUMNS[3],
    COLUMNS[4],
    COLUMNS[5],
    COLUMNS[6],
    COLUMNS[7],
    COLUMNS[8],
    COLUMNS[9],
    ticket::EXCLUDED,
];

fn ticket_log(map: &ColumnMap) -> read::LogShape<'_, 11> {
    read::LogShape {
        columns: &TICKET_LOG_COLUMNS,
        optional: &[ticket::EXCLUDED],
        no_header: || EvalError::NoHeader,
        missing: missing_columns,
        map,
    }
}

/// The missing columns, with a did-you-mean for each unknown header name.
fn missing_columns(missing: Vec<String>, header: &[String]) -> EvalError {
    let hint = header
        .iter()
        .map(String::as_str)
        .filter(|h| !COLUMNS.contains(h))
        .filter_map(|u| {
            crate::diagnostic::did_you_mean(u, missing.iter().map(String::as_str))
                .map(|m| format!("; `{u}` may be `{m}`"))
        })
        .collect::<String>();
    EvalError::MissingColumns { missing, hint }
}

/// A JSON value as the text a CSV cell would hold: strings as they are,
/// numbers and booleans as written, null as empty; `None` for an array or
/// an object.
fn json_cell(v: &serde_json::Value) -> Option<String> {
    use serde_json::Value;
    match v {
        Value::Null => Some(String::new()),
        Value::String(s) => Some(s.clone()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Number(n) => Some(n.to_string()),
        Value::Array(_) | Value::Object(_) => None,
    }
}

#[cfg(test)]
mod tests {
    #![allow(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        reason = "test code: a broken assumption stops the test with its message"
    )]
    use super::*;

    /// The rows of `tests/eval/acme-bad-rows.csv` (every kind of skip, a
    /// duplicate id, pauses) over and over with fresh ids, across several
    /// batches and a part-filled last one.
    fn many_rows() -> String {
        let path = crate::project::root().join("tests/eval/acme-bad-rows.csv");
        let log = std::fs::read_to_string(path).unwrap();
        let mut lines = log.lines();
        let header = lines.next().unwrap();
        let rows: Vec<&str> = lines.collect();
        let mut out = format!("{header}\n");
        let mut n = 0;
        'all: for copy in 0.. {
            for row in &rows {
                if row.starts_with(',') {
                    out.push_str(row);
                } else {
                    out.push_str(&format!("{copy}-{row}"));
                }
                out.push('\n');
                n += 1;
                if n == 3 * BATCH + 17 {
                    break 'all;
                }
            }
        }
        out
    }

    #[test]
    fn the_report_is_the_same_whichever_thread_checks_the_rows_or_where_the_minutes_are() {
        let checked =
            crate::project::check_file(std::path::Path::new("contracts/acme-support.sla"));
        let contract = checked.model.expect("the shipped contract checks");
        let options = EvalOptions {
            as_of: DateTime::parse_from_rfc3339("2026-10-14T12:00:00+08:00")
                .unwrap()
                .to_utc(),
            period: ReportPeriod::Monthly,
        };
        let log = many_rows();
        let report = |tuning| {
            let report = run(
                &contract,
                log.as_bytes(),
                input::LogFormat::from(InputFormat::Csv),
                &options,
                &ReadOptions::default(),
                None,
                tuning,
            )
            .unwrap();
            report.to_json()
        };
        let with = |share| Tuning {
            share,
            ..Tuning::DEFAULT
        };
        let by_reader = report(with(Share::Nothing));
        assert!(by_reader.contains("\"duplicate-id\""), "{by_reader}");
        assert_eq!(report(with(Share::All)), by_reader);
        assert_eq!(report(with(Share::Balanced)), by_reader);
        // Minutes spilled to the temporary file, often or once, give the
        // same percentiles as minutes kept in memory.
        for spill_at in [1, 97, 5_000] {
            let spilled = Tuning {
                share: Share::Balanced,
                spill_at,
            };
            assert_eq!(report(spilled), by_reader, "spilled at {spill_at}");
        }
    }

    #[test]
    fn a_balanced_share_follows_the_measuring_thread() {
        let mut dither = Dither::new(Share::Balanced);
        let raw = |d: &Dither| (0..BATCH).filter(|n| d.leaves_raw(*n)).count();
        assert_eq!(raw(&dither), BATCH / 4);
        // An idle measurer takes a step more; one batch waiting holds.
        dither.sent(0);
        dither.sent(1);
        assert_eq!(raw(&dither), BATCH / SHARE_STEPS * (SHARE_STEPS / 4 + 1));
        // A measurer behind gives steps back, down to none.
        for _ in 0..SHARE_STEPS * 2 {
            dither.sent(2);
        }
        assert_eq!(raw(&dither), 0);
        for _ in 0..SHARE_STEPS * 2 {
            dither.sent(0);
        }
        assert_eq!(raw(&dither), BATCH);
        assert_eq!(
            (0..BATCH)
                .filter(|n| Dither::new(Share::All).leaves_raw(*n))
                .count(),
            BATCH
        );
        assert!(!(0..BATCH).any(|n| Dither::new(Share::Nothing).leaves_raw(n)));
    }
}
