//! An Excel workbook (`.xlsx`) read directly, on `calamine`: the first
//! sheet or the one named, its first row the header, each cell turned into
//! the text a CSV export of it would hold — so the rows go to the same
//! validation as a CSV log's.
//!
//! A cell's text: a string as it is; a number as written, without a
//! spurious `.0` (`5`, `46082.375`); a boolean `true`/`false`; a date or
//! datetime (a number cell with a date format) as `YYYY-MM-DD HH:MM:SS`
//! local time, the zone being the caller's to give, with `.mmm` when it has
//! milliseconds; an ISO date cell as written; an error cell as Excel shows
//! it (`#N/A`); an empty cell empty. A row with every cell empty is skipped
//! silently, as a blank CSV line is. Line numbers are Excel's row numbers.
//!
//! The workbook is read into memory whole (a zip needs seeking), and so is
//! the sheet's grid: an Excel sheet holds at most 1,048,576 rows.

use super::super::EvalError;
use calamine::{Data, Range, Reader, Xlsx};
use std::fmt::Write as _;
use std::io::{Cursor, Read};

/// One sheet's cells, handed on a row at a time.
pub(crate) struct Sheet {
    cells: Range<Data>,
    /// The next row, relative to the range's start.
    next: usize,
    /// The sheet row number of the range's first row, from 1.
    first_row: u64,
    text: String,
}

impl Sheet {
    /// The sheet `name` (default: the first) of the workbook `input`.
    pub(crate) fn open<R: Read>(mut input: R, name: Option<&str>) -> Result<Sheet, EvalError> {
        let mut bytes = Vec::new();
        input.read_to_end(&mut bytes)?;
        let mut book =
            Xlsx::new(Cursor::new(bytes)).map_err(|e| EvalError::Workbook(e.to_string()))?;
        let sheets = book.sheet_names();
        let name = match name {
            Some(name) if sheets.iter().any(|s| s == name) => name.to_string(),
            Some(name) => {
                return Err(EvalError::NoSheet {
                    name: name.to_string(),
                    sheets,
                })
            }
            None => match sheets.first() {
                Some(first) => first.clone(),
                None => return Err(EvalError::Workbook("it has no sheet".into())),
            },
        };
        let cells = book
            .worksheet_range(&name)
            .map_err(|e| EvalError::Workbook(format!("sheet `{name}`: {e}")))?;
        let first_row = cells.start().map_or(0, |(row, _)| u64::from(row)) + 1;
        Ok(Sheet {
            cells,
            next: 0,
            first_row,
            text: String::new(),
        })
    }

    /// The next row with a cell that is not empty, into `record`, and its
    /// row number; `None` after the last.
    pub(crate) fn next_row(&mut self, record: &mut super::RecordBuf) -> Option<u64> {
        let (height, width) = self.cells.get_size();
        while self.next < height {
            let row = self.next;
            self.next += 1;
            record.clear();
            let mut any = false;
            for column in 0..width {
                self.text.clear();
                if let Some(cell) = self.cells.get((row, column)) {
                    cell_text(cell, &mut self.text);
                }
                any |= !self.text.is_empty();
                record.push_field(self.text.as_bytes());
            }
            if any {
                return Some(self.first_row + row as u64);
            }
        }
        None
    }
}

/// The text a CSV export would hold for `cell` (see the module's doc).
fn cell_text(cell: &Data, text: &mut String) {
    // Writing to a String cannot fail.
    let _ = match cell {
        Data::Empty => Ok(()),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => {
            text.push_str(s);
            Ok(())
        }
        Data::Int(i) => write!(text, "{i}"),
        Data::Float(f) => write_number(*f, text),
        Data::Bool(b) => write!(text, "{b}"),
        Data::DateTime(serial) if serial.is_datetime() => {
            let (y, mo, d, h, mi, s, ms) = serial.to_ymd_hms_milli();
            let written = write!(text, "{y:04}-{mo:02}-{d:02} {h:02}:{mi:02}:{s:02}");
            if ms > 0 {
                let _ = write!(text, ".{ms:03}");
            }
            written
        }
        Data::DateTime(duration) => write_number(duration.as_f64(), text),
        Data::Error(e) => write!(text, "{e}"),
    };
}

/// A number as written: whole ones without a fraction.
fn write_number(f: f64, text: &mut String) -> std::fmt::Result {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        write!(text, "{}", f as i64)
    } else {
        write!(text, "{f}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{CellErrorType, ExcelDateTime, ExcelDateTimeType};

    fn text(cell: Data) -> String {
        let mut text = String::new();
        cell_text(&cell, &mut text);
        text
    }

    #[test]
    fn cells_read_as_a_csv_export_writes_them() {
        assert_eq!(text(Data::Float(5.0)), "5");
        assert_eq!(text(Data::Float(46082.375)), "46082.375");
        assert_eq!(text(Data::Float(-0.5)), "-0.5");
        assert_eq!(text(Data::Int(7)), "7");
        assert_eq!(text(Data::Bool(true)), "true");
        assert_eq!(text(Data::String("紧急".into())), "紧急");
        assert_eq!(text(Data::Empty), "");
        assert_eq!(text(Data::Error(CellErrorType::NA)), "#N/A");
        let at = |serial| {
            Data::DateTime(ExcelDateTime::new(
                serial,
                ExcelDateTimeType::DateTime,
                false,
            ))
        };
        assert_eq!(text(at(46082.375)), "2026-03-01 09:00:00");
        assert_eq!(text(at(46082.0)), "2026-03-01 00:00:00");
        let duration = ExcelDateTime::new(1.5, ExcelDateTimeType::TimeDelta, false);
        assert_eq!(text(Data::DateTime(duration)), "1.5");
    }
}
