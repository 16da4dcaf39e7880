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
use super::ticket::shown;
use super::time::parse_millis;
use super::EvalError;
use super::InputFormat;
use crate::model::Contract;
use std::collections::hash_map::DefaultHasher;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::io::{BufRead, BufReader, Read};

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
}

impl OutageRules {
    pub fn new(contract: &Contract, clauses: Vec<String>, as_of: i64) -> OutageRules {
        OutageRules {
            channels: contract.channels.iter().map(|c| c.id.0.clone()).collect(),
            clauses,
            as_of,
            effective: super::tally::effective_bounds(contract),
        }
    }

    /// Checks one row: `[channel, start, end, kind, notice_at, note]`.
    fn row(&self, cols: [&[u8]; 6], line: u64) -> Result<(usize, OutageRow), String> {
        let [channel, start, end, kind, notice_at, _note] = cols.map(<[u8]>::trim_ascii);
        let channel = match self.channels.iter().position(|c| c.as_bytes() == channel) {
            Some(i) => i,
            None if channel.is_empty() => return Err("channel is empty".into()),
            None => return Err(unknown("channel", channel, &self.channels)),
        };
        let start = time("start", start)?.ok_or("start is empty")?;
        let end = time("end", end)?;
        if end.is_some_and(|end| end < start) {
            return Err("end is before start".into());
        }
        if start > self.as_of {
            return Err("starts after --as-of".into());
        }
        let end = end.map_or(self.as_of, |end| end.min(self.as_of));
        match self.effective {
            (Some(from), _) if end <= from => {
                return Err("ends before the contract takes effect".into())
            }
            (_, Some(to)) if start >= to => return Err("starts after the contract ends".into()),
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
        let notice_at = time("notice_at", notice_at)?;
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
fn unknown(what: &str, value: &[u8], known: &[String]) -> String {
    let text = String::from_utf8_lossy(value);
    let hint = crate::diagnostic::did_you_mean(&text, known.iter().map(String::as_str))
        .map(|n| format!("; did you mean `{n}`?"))
        .unwrap_or_default();
    format!("unknown {what} `{}`{hint}", shown(value))
}

fn time(name: &str, bytes: &[u8]) -> Result<Option<i64>, String> {
    if bytes.is_empty() {
        return Ok(None);
    }
    parse_millis(bytes)
        .map(Some)
        .map_err(|why| format!("{name} `{}` {why}", shown(bytes)))
}

/// Collects rows and skips as the reader hands them on.
struct Collect<'r> {
    rules: &'r OutageRules,
    log: OutageLog,
    /// A hash of every row's fields, to the line it was first seen on.
    seen: HashMap<u64, u64>,
}

impl Collect<'_> {
    fn skip(&mut self, line: u64, reason: String) {
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
            let reason = format!("repeats line {first} exactly");
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
    format: InputFormat,
) -> Result<OutageLog, EvalError> {
    let mut collect = Collect {
        rules,
        log: OutageLog {
            channels: vec![Vec::new(); rules.channels.len()],
            ..OutageLog::default()
        },
        seen: HashMap::new(),
    };
    match format {
        InputFormat::Csv => read_csv(input, &mut collect)?,
        InputFormat::Jsonl => read_jsonl(input, &mut collect)?,
    }
    let mut log = collect.log;
    for list in &mut log.channels {
        list.sort_by_key(|r| (r.start, r.line));
    }
    Ok(log)
}

fn read_csv<R: Read>(input: R, collect: &mut Collect<'_>) -> Result<(), EvalError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .buffer_capacity(1 << 16)
        .from_reader(input);
    let mut record = csv::ByteRecord::new();
    let csv_error = |e: csv::Error| match e.into_kind() {
        csv::ErrorKind::Io(e) => EvalError::Io(e),
        other => EvalError::Io(std::io::Error::other(format!("{other:?}"))),
    };
    if !reader.read_byte_record(&mut record).map_err(csv_error)? {
        return Err(EvalError::OutageNoHeader);
    }
    let header: Vec<String> = record
        .iter()
        .map(|h| {
            String::from_utf8_lossy(h)
                .trim_start_matches('\u{feff}')
                .trim()
                .to_string()
        })
        .collect();
    let mut at = [0usize; 6];
    let mut missing = Vec::new();
    for (slot, name) in at.iter_mut().zip(OUTAGE_COLUMNS) {
        match header.iter().position(|h| h == name) {
            Some(i) => *slot = i,
            // `notice_at` and `note` may be left out of a log that needs
            // neither; the other columns may not.
            None if matches!(name, "notice_at" | "note") => *slot = usize::MAX,
            None => missing.push(name.to_string()),
        }
    }
    if !missing.is_empty() {
        if let Some(error) = super::misread_header(&record, &header, &OUTAGE_COLUMNS) {
            return Err(error);
        }
        return Err(EvalError::OutageColumns { missing });
    }
    let width = header.len();
    while reader.read_byte_record(&mut record).map_err(csv_error)? {
        let line = record.position().map_or(0, |p| p.line());
        if record.len() != width {
            collect.skip(
                line,
                format!(
                    "has {} field{}, the header has {width}",
                    record.len(),
                    if record.len() == 1 { "" } else { "s" }
                ),
            );
            continue;
        }
        let cols = at.map(|i| record.get(i).unwrap_or_default());
        collect.row(cols, line);
    }
    Ok(())
}

fn read_jsonl<R: Read>(input: R, collect: &mut Collect<'_>) -> Result<(), EvalError> {
    let mut reader = BufReader::with_capacity(1 << 16, input);
    let mut line = Vec::new();
    let mut number = 0u64;
    loop {
        line.clear();
        if reader.read_until(b'\n', &mut line)? == 0 {
            break;
        }
        number += 1;
        if line.trim_ascii().is_empty() {
            continue;
        }
        let object = match serde_json::from_slice::<serde_json::Value>(&line) {
            Ok(serde_json::Value::Object(o)) => o,
            Ok(_) => {
                collect.skip(number, "is not a JSON object".into());
                continue;
            }
            Err(e) => {
                collect.skip(number, format!("is not JSON ({e})"));
                continue;
            }
        };
        let mut cells: [String; 6] = Default::default();
        let mut bad = None;
        for (cell, name) in cells.iter_mut().zip(OUTAGE_COLUMNS) {
            if let Some(v) = object.get(name) {
                match super::json_cell(v) {
                    Ok(text) => *cell = text,
                    Err(what) => bad = Some(format!("{name} is {what}")),
                }
            }
        }
        if let Some(reason) = bad {
            collect.skip(number, reason);
            continue;
        }
        collect.row(cells.each_ref().map(|s| s.as_bytes()), number);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::example::acme;

    const AS_OF: &str = "2027-04-01T00:00:00+08:00";

    fn ms(s: &str) -> i64 {
        parse_millis(s.as_bytes()).unwrap()
    }

    fn rules() -> OutageRules {
        OutageRules::new(&acme(), vec!["force-majeure".into()], ms(AS_OF))
    }

    fn csv(text: &str) -> OutageLog {
        read(&rules(), text.as_bytes(), InputFormat::Csv).unwrap()
    }

    #[test]
    fn rows_are_kept_per_channel_and_sorted_by_start() {
        let log = csv("channel,start,end,kind,notice_at,note\n\
             hotline,2027-03-02T10:00:00+08:00,2027-03-02T11:00:00+08:00,,,late\n\
             hotline,2027-03-01T10:00:00+08:00,,maintenance,2027-02-01T10:00:00+08:00,\n\
             email,2027-03-01T10:00:00+08:00,2027-03-01T10:30:00+08:00,force-majeure,,\n");
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
             fax,2027-03-01T10:00:00+08:00,,\n\
             hotlin,2027-03-01T10:00:00+08:00,,\n\
             hotline,2027-03-01 10:00,,\n\
             hotline,2027-03-01T10:00:00+08:00,2027-03-01T09:00:00+08:00,\n\
             hotline,2027-03-01T10:00:00+08:00,,maintenence\n\
             hotline,2027-03-01T10:00:00+08:00,,customer\n\
             hotline,2027-05-01T10:00:00+08:00,,\n\
             hotline,2027-03-01T10:00:00+08:00\n\
             hotline,2027-03-01T10:00:00+08:00,2027-03-01T11:00:00+08:00,\n\
             hotline,2027-03-01T10:00:00+08:00,2027-03-01T11:00:00+08:00,\n");
        let reasons: Vec<(u64, &str)> = log
            .skipped
            .iter()
            .map(|s| (s.line, s.reason.as_str()))
            .collect();
        assert_eq!(
            reasons,
            vec![
                (2, "unknown channel `fax`"),
                (3, "unknown channel `hotlin`; did you mean `hotline`?"),
                (
                    4,
                    "start `2027-03-01 10:00` is not an RFC 3339 time with offset"
                ),
                (5, "end is before start"),
                (6, "unknown kind `maintenence`; did you mean `maintenance`?"),
                (7, "unknown kind `customer`"),
                (8, "starts after --as-of"),
                (9, "has 2 fields, the header has 4"),
                (11, "repeats line 10 exactly"),
            ]
        );
        assert_eq!(log.rows, 1);
    }

    #[test]
    fn json_lines_read_as_csv_rows() {
        let text =
            "{\"channel\":\"hotline\",\"start\":\"2027-03-01T10:00:00+08:00\",\"end\":null}\n\
             \n\
             [1]\n\
             {\"channel\":\"hotline\",\"start\":\"2027-03-01T12:00:00+08:00\",\"kind\":[1]}\n";
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
