//! The log formats, read row by row for any set of columns: CSV with a
//! header (its records split in place in a 64 KiB buffer,
//! [`input::CsvRecords`]; its delimiter given or sniffed,
//! [`input::Delimiter`]), an XLSX sheet (its rows into one reused record,
//! [`input::Sheet`]) and JSON Lines (one line at
//! a time). The ticket log and the outage log both read through
//! [`log_rows`]; each hands its rows, as the fields of its columns in order,
//! to its own validation.

use super::input::{self, CsvRecords, Delimiter, LogFormat, Record, RecordBuf, Sheet};
use super::mapping::{self, ColumnMap, Unlocated};
use super::skip::SkipReason;
use super::{json_cell, EvalError, InputFormat};
use std::io::{BufRead, BufReader, Read};

/// The most columns a log's header may name: Excel's limit (16,384, column
/// XFD), so any exported sheet fits, and a runaway header is refused before
/// its names are matched.
pub const MAX_COLUMNS: usize = 16_384;

/// One row as a reader hands it on: its line and either its fields, in the
/// order of the columns asked for (empty when absent), or why it is skipped.
pub(crate) type RowFields<'a, const N: usize> = Result<[&'a [u8]; N], SkipReason>;

/// What a log is to a reader: its columns, those a CSV header may leave
/// out (read as empty), and the errors of a missing header or columns.
pub(crate) struct LogShape<'c, const N: usize> {
    pub columns: &'c [&'c str; N],
    pub optional: &'c [&'c str],
    /// The error of a log without even a header row.
    pub no_header: fn() -> EvalError,
    /// The error of a header lacking columns: the missing ones, the header.
    pub missing: fn(Vec<String>, &[String]) -> EvalError,
    /// The header names of the columns (`--preset`, `--map`).
    pub map: &'c ColumnMap,
}

/// Reads a log in its format, every row to `row`.
pub(crate) fn log_rows<const N: usize, R: Read>(
    input: R,
    format: LogFormat,
    shape: &LogShape<'_, N>,
    row: impl FnMut(u64, RowFields<'_, N>),
) -> Result<(), EvalError> {
    match format.format {
        InputFormat::Csv => csv_rows(input, format.delimiter, shape, row),
        InputFormat::Jsonl => jsonl_rows(input, shape.columns, row),
        InputFormat::Xlsx => {
            let sheet = Sheet::open(input, format.sheet.as_deref())?;
            let record = RecordBuf::default();
            table_rows(SheetTable { sheet, record }, None, shape, row)
        }
    }
}

/// A table read one record at a time: a CSV file, or a sheet of a
/// workbook.
trait Table {
    /// The next record and its line; `None` after the last.
    fn next(&mut self) -> Result<Option<(u64, Record<'_>)>, EvalError>;
}

/// A CSV file; `crlf` when its lines end in CRLF (see
/// [`input::ends_lines_in_crlf`]).
struct CsvTable<R> {
    records: CsvRecords<R>,
    crlf: bool,
}

impl<R: Read> Table for CsvTable<R> {
    fn next(&mut self) -> Result<Option<(u64, Record<'_>)>, EvalError> {
        let crlf = u64::from(self.crlf);
        let read = self.records.next().map_err(read_error)?;
        Ok(read.map(|(line, record)| (line + crlf, record)))
    }
}

/// A sheet of a workbook, its rows read into one reused record.
struct SheetTable {
    sheet: Sheet,
    record: RecordBuf,
}

impl Table for SheetTable {
    fn next(&mut self) -> Result<Option<(u64, Record<'_>)>, EvalError> {
        let line = self.sheet.next_row(&mut self.record);
        Ok(line.map(|line| (line, self.record.record())))
    }
}

/// An I/O error, or the decoding error inside one.
fn read_error(e: std::io::Error) -> EvalError {
    match input::decode_error(&e) {
        Some(decode) => EvalError::Decode(decode),
        None => EvalError::Io(e),
    }
}

/// Reads a CSV log: the header maps the columns, then every row goes to
/// `row` (a row of another width than the header's is skipped).
pub(crate) fn csv_rows<const N: usize, R: Read>(
    input: R,
    delimiter: Delimiter,
    shape: &LogShape<'_, N>,
    row: impl FnMut(u64, RowFields<'_, N>),
) -> Result<(), EvalError> {
    let records = CsvRecords::new(input).map_err(read_error)?;
    let head = records.head();
    let (delimiter, crlf) = (delimiter.resolve(head), input::ends_lines_in_crlf(head));
    let records = records.delimiter(delimiter);
    table_rows(CsvTable { records, crlf }, Some(delimiter), shape, row)
}

/// Reads a table: the header maps the columns, then every row goes to
/// `row` (a row of another width than the header's is skipped). A CSV
/// file's `delimiter` helps name a misread header.
fn table_rows<const N: usize>(
    mut table: impl Table,
    delimiter: Option<u8>,
    shape: &LogShape<'_, N>,
    mut row: impl FnMut(u64, RowFields<'_, N>),
) -> Result<(), EvalError> {
    let Some((_, record)) = table.next()? else {
        return Err((shape.no_header)());
    };
    let header: Vec<String> = record
        .iter()
        .map(|h| {
            String::from_utf8_lossy(h)
                .trim_start_matches('\u{feff}')
                .trim()
                .to_string()
        })
        .collect();
    if header.len() > MAX_COLUMNS {
        return Err(EvalError::TooManyColumns {
            columns: header.len(),
        });
    }
    // A column the header leaves out reads as empty (`usize::MAX`).
    let at = match mapping::locate(&header, shape) {
        Ok(at) => at,
        Err(unlocated) => {
            // The header's fields one after another, as a CSV reader
            // holds them.
            let raw: Vec<u8> = record.iter().flatten().copied().collect();
            if let Some(error) =
                delimiter.and_then(|d| misread_header(&raw, &header, shape.columns, d))
            {
                return Err(error);
            }
            return Err(match unlocated {
                Unlocated::Canonical(missing) => (shape.missing)(missing, &header),
                Unlocated::Mapped(error) => error,
            });
        }
    };
    let width = header.len();
    while let Some((line, record)) = table.next()? {
        if record.len() != width {
            let reason = SkipReason::Width {
                fields: record.len(),
                header: width,
            };
            row(line, Err(reason));
            continue;
        }
        row(line, Ok(at.map(|i| record.get(i).unwrap_or_default())));
    }
    Ok(())
}

/// Why a header lacking columns is really another encoding or delimiter:
/// UTF-16 (a byte-order mark or NUL bytes), bytes that are not UTF-8 (GBK,
/// GB18030 and other legacy encodings), or column names joined by another
/// delimiter than the one read (`;`, a tab or `|`).
fn misread_header(
    bytes: &[u8],
    header: &[String],
    columns: &[&str],
    read_by: u8,
) -> Option<EvalError> {
    let encoding = if bytes.starts_with(&[0xFF, 0xFE]) {
        Some("UTF-16 (little-endian)")
    } else if bytes.starts_with(&[0xFE, 0xFF]) {
        Some("UTF-16 (big-endian)")
    } else if bytes.contains(&0) {
        Some("UTF-16")
    } else if std::str::from_utf8(bytes).is_err() {
        Some("in a legacy encoding such as GBK or GB18030")
    } else {
        None
    };
    if let Some(encoding) = encoding {
        return Some(EvalError::Encoding { encoding });
    }
    let read_by = match read_by {
        b';' => "semicolons",
        b'\t' => "tabs",
        _ => "commas",
    };
    for (delimiter, name, shown, fix) in [
        (',', "commas", ",", "pass --delimiter ,"),
        (';', "semicolons", ";", "pass --delimiter ';'"),
        ('\t', "tabs", "\\t", "pass --delimiter tab"),
        (
            '|',
            "vertical bars",
            "|",
            "export the log with commas, semicolons or tabs between the columns",
        ),
    ] {
        if name == read_by {
            continue;
        }
        let named = header
            .iter()
            .flat_map(|h| h.split(delimiter))
            .filter(|part| columns.contains(&part.trim()))
            .count();
        if named >= 2 && header.iter().any(|h| h.contains(delimiter)) {
            return Some(EvalError::Delimiter {
                name,
                shown,
                read_by,
                fix,
            });
        }
    }
    None
}

/// Reads a JSON Lines log: one object a line, keys from the columns
/// (others ignored); blank lines are skipped silently.
pub(crate) fn jsonl_rows<const N: usize, R: Read>(
    input: R,
    columns: &[&str; N],
    mut row: impl FnMut(u64, RowFields<'_, N>),
) -> Result<(), EvalError> {
    let mut reader = BufReader::with_capacity(1 << 16, input);
    let mut line = Vec::new();
    let mut number = 0u64;
    let mut cells: [String; N] = std::array::from_fn(|_| String::new());
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
                row(number, Err(SkipReason::NotJsonObject));
                continue;
            }
            Err(e) => {
                let error = e.to_string();
                row(number, Err(SkipReason::NotJson { error }));
                continue;
            }
        };
        let mut bad = None;
        for (cell, name) in cells.iter_mut().zip(columns) {
            cell.clear();
            if let Some(v) = object.get(*name) {
                match json_cell(v) {
                    Some(text) => *cell = text,
                    None => {
                        let column = (*name).to_string();
                        bad = Some(SkipReason::JsonNotScalar { column });
                    }
                }
            }
        }
        match bad {
            Some(reason) => row(number, Err(reason)),
            None => row(number, Ok(cells.each_ref().map(|s| s.as_bytes()))),
        }
    }
    Ok(())
}
