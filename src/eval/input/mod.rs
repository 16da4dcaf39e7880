//! The byte layer under a log's rows, shared by the ticket and the outage
//! log: the text encoding ([`Decoded`], which hands any encoding on as
//! UTF-8), the CSV delimiter ([`Delimiter`], sniffed from the header line
//! unless given), a CSV file's records ([`CsvRecords`], split in place
//! where they hold no quote) and XLSX workbooks (`Sheet`, a sheet's cells as the text
//! a CSV export would hold). [`super::read`] turns the bytes into rows.

mod encoding;
mod records;
mod sniff;
mod xlsx;

pub(crate) use encoding::decode_error;
pub use encoding::{Chosen, DecodeError, Decoded, Encoding};
pub(crate) use records::{CsvRecords, Record, RecordBuf};
pub(crate) use sniff::ends_lines_in_crlf;
pub use sniff::Delimiter;
pub(crate) use xlsx::Sheet;

use super::InputFormat;

/// How a log is read: its format and, for CSV, its delimiter, for XLSX,
/// its sheet. An [`InputFormat`] alone reads CSV with the delimiter
/// sniffed, a workbook's first sheet.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LogFormat {
    pub format: InputFormat,
    pub delimiter: Delimiter,
    /// The sheet of a workbook (default: the first).
    pub sheet: Option<String>,
}

impl LogFormat {
    /// By file extension ([`InputFormat::from_path`]); a `.tsv` file is
    /// tab-separated.
    pub fn from_path(path: &std::path::Path) -> LogFormat {
        let tsv = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("tsv"));
        LogFormat {
            format: InputFormat::from_path(path),
            delimiter: if tsv { Delimiter::Tab } else { Delimiter::Auto },
            sheet: None,
        }
    }
}

impl From<InputFormat> for LogFormat {
    fn from(format: InputFormat) -> LogFormat {
        LogFormat {
            format,
            delimiter: Delimiter::Auto,
            sheet: None,
        }
    }
}
