//! The byte layer under a log's rows, shared by the ticket and the outage
//! log: the text encoding ([`Decoded`], which hands any encoding on as
//! UTF-8) and the CSV delimiter ([`Delimiter`], sniffed from the header
//! line unless given). [`super::read`] turns the bytes into rows.

mod encoding;
mod sniff;

pub(crate) use encoding::decode_error;
pub use encoding::{Chosen, DecodeError, Decoded, Encoding};
pub(crate) use sniff::ends_lines_in_crlf;
pub use sniff::Delimiter;

use super::InputFormat;

/// How a log is read: its format and, for CSV, its delimiter. An
/// [`InputFormat`] alone reads CSV with the delimiter sniffed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LogFormat {
    pub format: InputFormat,
    pub delimiter: Delimiter,
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
        }
    }
}

impl From<InputFormat> for LogFormat {
    fn from(format: InputFormat) -> LogFormat {
        LogFormat {
            format,
            delimiter: Delimiter::Auto,
        }
    }
}
