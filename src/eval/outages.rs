//! The outage log of `slac eval --outages FILE` (§11 of the design): CSV
//! with a header or JSON Lines, one interval a row, the columns of
//! [`OUTAGE_COLUMNS`].
//!
//! The log is read once, row by row. A valid row is kept as a small
//! [`OutageRow`] in its channel's list (about 48 bytes a row: a 100,000-row
//! log is a few megabytes), because availability needs every interval of a
//! channel to take their union; the lists are sorted per channel by start
//! when the log is read, so the log itself need not be in any order. An
//! exact duplicate of an earlier row is skipped (the later one), remembered
//! by a 64-bit hash of its fields. A malformed row is skipped with its line
//! number and reason, as in the ticket log; nothing is guessed.

use super::compliance::{Skipped, SKIPPED_LISTED};
use super::input::LogFormat;
use super::mapping::ColumnMap;
use super::read::{self, LogShape, RowFields};
use super::skip::{SkipReason, TimeError};
use super::ticket::shown;
use super::zone::LogTimes;
use super::EvalError;
use crate::model::Contract;
use std::collections::hash_map::DefaultHasher;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::io::Read;

/// The columns of the outage log, in the order of §11.
pub const OUTAGE_COLUMNS: [&str; 6] = ["channel", "start", "end", "kind", "notice_at", "note"];

/// What a row says happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OutageKind {
    /// `outage` or empty: downtime.
    Outage,
    /// `maintenance`: excluded when notice, window and allowance allow.
    Maintenance,
    /// A clause id of `exclusions`: excluded whole. The index is into
    /// [`OutageRules::clauses`].
    Clause(usize),
}

/// A valid row. Times are UTC milliseconds; an ongoing outage ends at
/// `--as-of`, and so does a row that ends after it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct OutageRow {
    pub line: u64,
    pub start: i64,
    pub end: i64,
    pub kind: OutageKind,
    pub notice_at: Option<i64>,
}

/// The rows of a log, per channel, and what was skipped.
#[derive(Debug, Default)]
pub(crate) struct OutageLog {
    /// One list per channel of the contract, in its order, sorted by start.
    pub channels: Vec<Vec<OutageRow>>,
    /// Rows kept.
    pub rows: u64,
    pub skipped: Vec<Skipped>,
    pub skipped_total: u64,
}

/// What a row is checked against, prepared once from the contract.
pub(crate) struct OutageRules {
    channels: Vec<String>,
    /// The clause ids of `exclusions`, in order.
    pub clauses: Vec<String>,
    as_of: i64,
    /// The effective period as UTC milliseconds `[from, to)`.
    effective: (Option<i64>, Option<i64>),
    /// How the row's times are read (`--zone`, `--excel-dates`).
    times: LogTimes,
}

impl OutageRules {
    pub fn new(
        contract: &Contract,
        clauses: Vec<String>,
        as_of: i64,
        times: LogTimes,
    ) -> OutageRules {
        OutageRules {
            channels: contract.channels.iter().map(|c| c.id.0.clone()).collect(),
            clauses,
            as_of,
            effective: super::tally::effective_bounds(contract),
            times,
        }
    }

    /// Checks one row: `[channel, start, end, kind, notice_at, note]`.
    fn row(&self, cols: [&[u8]; 6], line: u64) -> Result<(usize, OutageRow), SkipReason> {
        let [channel, start, end, kind, notice_at, _note] = cols.map(<[u8]>::trim_ascii);
        let channel = match self.channels.iter().position(|c| c.as_bytes() == channel) {
            Some(i) => i,
            None if channel.is_empty() => return Err(SkipReason::Empty { column: "channel" }),
            None => return Err(unknown("channel", channel, &self.channels)),
        };
        let start =
            time(&self.times, "start", start)?.ok_or(SkipReason::Empty { column: "start" })?;
        let end = time(&self.times, "end", end)?;
        if end.is_some_and(|end| end < start) {
            return Err(SkipReason::EndBeforeStart);
        }
        if start > self.as_of {
            return Err(SkipReason::StartsAfterAsOf);
        }
        let end = end.map_or(self.as_of, |end| end.min(self.as_of));
        match self.effective {
            (Some(from), _) if end <= from => return Err(SkipReason::EndsBeforeEffective),
            (_, Some(to)) if start >= to => return Err(SkipReason::StartsAfterContractEnds),
            _ => {}
        }
        let kind = match kind {
            b"" | b"outage" => OutageKind::Outage,
            b"maintenance" => OutageKind::Maintenance,
            other => match self.clauses.iter().position(|c| c.as_bytes() == other) {
                Some(i) => OutageKind::Clause(i),
                None => {
                    let mut known = vec!["outage".to_string(), "maintenance".to_string()];
                    known.extend(self.clauses.iter().cloned());
                    return Err(unknown("kind", other, &known));
                }
            },
        };
        let notice_at = time(&self.times, "notice_at", notice_at)?;
        Ok((
            channel,
            OutageRow {
                line,
                start,
                end,
                kind,
                notice_at,
            },
        ))
    }
}

/// `unknown kind `x`; did you mean `outage`?`
fn unknown(column: &'static str, value: &[u8], known: &[String]) -> SkipReason {
    let text = String::from_utf8_lossy(value);
    let suggestion = crate::diagnostic::did_you_mean(&text, known.iter().map(String::as_str))
        .map(str::to_string);
    SkipReason::UnknownName {
        column,
        text: shown(value),
        suggestion,
    }
}

fn time(times: &LogTimes, column: &'static str, bytes: &[u8]) -> Result<Option<i64>, SkipReason> {
    if bytes.is_empty() {
        return Ok(None);
    }
    match times.millis(bytes) {
        Ok(at) if crate::clock::supports(at) => Ok(Some(at)),
        Ok(_) => Err(SkipReason::BadTime {
            column,
            text: shown(bytes),
            why: TimeError::OutsideClock,
        }),
        Err(why) => Err(SkipReason::BadTime {
            column,
            text: shown(bytes),
            why,
        }),
    }
}

/// Collects rows and skips as the reader hands them on.
struct Collect<'r> {
    rules: &'r OutageRules,
    log: OutageLog,
    /// A hash of every row's fields, to the line it was first seen on.
    seen: HashMap<u64, u64>,
}

impl Collect<'_> {
    fn skip(&mut self, line: u64, reason: SkipReason) {
        self.log.skipped_total += 1;
        if self.log.skipped.len() < SKIPPED_LISTED {
            self.log.skipped.push(Skipped { line, reason });
        }
    }

    fn row(&mut self, cols: [&[u8]; 6], line: u64) {
        let mut hasher = DefaultHasher::new();
        for col in cols {
            col.trim_ascii().hash(&mut hasher);
        }
        let hash = hasher.finish();
        if let Some(first) = self.seen.get(&hash) {
            let reason = SkipReason::RepeatsLine { first: *first };
            return self.skip(line, reason);
        }
        match self.rules.row(cols, line) {
            Ok((channel, row)) => {
                self.seen.insert(hash, line);
                if let Some(list) = self.log.channels.get_mut(channel) {
                    list.push(row);
                    self.log.rows += 1;
                }
            }
            Err(reason) => self.skip(line, reason),
        }
    }
}

/// Reads an outage log, checking each row against `rules`.
pub(crate) fn read<R: Read>(
    rules: &OutageRules,
    input: R,
    format: impl Into<LogFormat>,
) -> Result<OutageLog, EvalError> {
    let mut collect = Collect {
        rules,
        log: OutageLog {
            channels: vec![Vec::new(); rules.channels.len()],
            ..OutageLog::default()
        },
        seen: HashMap::new(),
    };
    read::log_rows(input, format.into(), &OUTAGE_LOG, |line, row| {
        collect_row(&mut collect, line, row)
    })?;
    let mut log = collect.log;
    for list in &mut log.channels {
        list.sort_by_key(|r| (r.start, r.line));
    }
    Ok(log)
}

/// The outage log's columns and header errors; `notice_at` and `note` may
/// be left out of a log that needs neither.
const OUTAGE_LOG: LogShape<'static, 6> = LogShape {
    columns: &OUTAGE_COLUMNS,
    optional: &["notice_at", "note"],
    no_header: || EvalError::OutageNoHeader,
    missing: |missing, _| EvalError::OutageColumns { missing },
    map: &ColumnMap::CANONICAL,
};

/// Hands a read row on: to validate, or to skip.
fn collect_row(collect: &mut Collect<'_>, line: u64, row: RowFields<'_, 6>) {
    match row {
        Ok(cols) => collect.row(cols, line),
        Err(reason) => collect.skip(line, reason),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::InputFormat;
    use crate::model::example::acme;

    const AS_OF: &str = "2026-04-01T00:00:00+08:00";

    fn ms(s: &str) -> i64 {
        super::super::time::parse_millis(s.as_bytes()).unwrap()
    }

    fn rules() -> OutageRules {
        OutageRules::new(
            &acme(),
            vec!["force-majeure".into()],
            ms(AS_OF),
            LogTimes::default(),
        )
    }

    fn csv(text: &str) -> OutageLog {
        read(&rules(), text.as_bytes(), InputFormat::Csv).unwrap()
    }

    #[test]
    fn rows_are_kept_per_channel_and_sorted_by_start() {
        let log = csv("channel,start,end,kind,notice_at,note\n\
             hotline,2026-03-02T10:00:00+08:00,2026-03-02T11:00:00+08:00,,,late\n\
             hotline,2026-03-01T10:00:00+08:00,,maintenance,2026-02-01T10:00:00+08:00,\n\
             email,2026-03-01T10:00:00+08:00,2026-03-01T10:30:00+08:00,force-majeure,,\n");
        assert_eq!(log.rows, 3);
        assert_eq!(log.skipped_total, 0);
        let hotline = &log.channels[0];
        assert_eq!(hotline[0].line, 3);
        assert_eq!(hotline[0].kind, OutageKind::Maintenance);
        assert_eq!(hotline[0].end, ms(AS_OF), "an empty end is ongoing");
        assert_eq!(hotline[1].kind, OutageKind::Outage);
        assert_eq!(log.channels[1][0].kind, OutageKind::Clause(0));
    }

    #[test]
    fn bad_rows_are_skipped_with_their_line_and_reason() {
        let log = csv("channel,start,end,kind\n\
             fax,2026-03-01T10:00:00+08:00,,\n\
             hotlin,2026-03-01T10:00:00+08:00,,\n\
             hotline,2026-03-01 10:00,,\n\
             hotline,2026-03-01T10:00:00+08:00,2026-03-01T09:00:00+08:00,\n\
             hotline,2026-03-01T10:00:00+08:00,,maintenence\n\
             hotline,2026-03-01T10:00:00+08:00,,customer\n\
             hotline,2026-05-01T10:00:00+08:00,,\n\
             hotline,2026-03-01T10:00:00+08:00\n\
             hotline,2026-03-01T10:00:00+08:00,2026-03-01T11:00:00+08:00,\n\
             hotline,2026-03-01T10:00:00+08:00,2026-03-01T11:00:00+08:00,\n\
             hotline,1850-03-01T10:00:00+08:00,2026-03-01T11:00:00+08:00,\n");
        let words: Vec<String> = log.skipped.iter().map(|s| s.reason.to_string()).collect();
        let reasons: Vec<(u64, &str)> = log
            .skipped
            .iter()
            .zip(&words)
            .map(|(s, w)| (s.line, w.as_str()))
            .collect();
        assert_eq!(
            reasons,
            vec![
                (2, "unknown channel `fax`"),
                (3, "unknown channel `hotlin`; did you mean `hotline`?"),
                (
                    4,
                    "start `2026-03-01 10:00` has no offset (pass --zone with the zone the log's local times are in, or write `Z` or `+08:00`)"
                ),
                (5, "end is before start"),
                (6, "unknown kind `maintenence`; did you mean `maintenance`?"),
                (7, "unknown kind `customer`"),
                (8, "starts after --as-of"),
                (9, "has 2 fields, the header has 4"),
                (11, "repeats line 10 exactly"),
                (
                    12,
                    "start `1850-03-01T10:00:00+08:00` is outside the years the clock supports"
                ),
            ]
        );
        assert_eq!(log.rows, 1);
    }

    #[test]
    fn json_lines_read_as_csv_rows() {
        let text =
            "{\"channel\":\"hotline\",\"start\":\"2026-03-01T10:00:00+08:00\",\"end\":null}\n\
             \n\
             [1]\n\
             {\"channel\":\"hotline\",\"start\":\"2026-03-01T12:00:00+08:00\",\"kind\":[1]}\n";
        let log = read(&rules(), text.as_bytes(), InputFormat::Jsonl).unwrap();
        assert_eq!(log.rows, 1);
        let reasons: Vec<u64> = log.skipped.iter().map(|s| s.line).collect();
        assert_eq!(reasons, vec![3, 4]);
    }

    #[test]
    fn a_header_without_the_needed_columns_is_an_error() {
        let e = read(&rules(), "channel,begin\n".as_bytes(), InputFormat::Csv).unwrap_err();
        assert_eq!(
            e.to_string(),
            "the outage log's header lacks the columns `start`, `end`, `kind` (an outage log has the columns channel, start, end, kind, notice_at, note)"
        );
        let e = read(&rules(), "".as_bytes(), InputFormat::Csv).unwrap_err();
        assert!(e.to_string().contains("the outage log is empty"), "{e}");
    }
}
