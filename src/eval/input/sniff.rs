//! The delimiter of a CSV log: given (`--delimiter`), or sniffed from its
//! header line.

/// The delimiter between a CSV log's fields (`--delimiter`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Delimiter {
    /// The one of `,` `;` and tab that the header line holds most often
    /// outside quotes (a comma when none, or on a tie with it).
    #[default]
    Auto,
    Comma,
    Semicolon,
    Tab,
}

impl Delimiter {
    /// `auto`, `,` (or `comma`), `;` (or `semicolon`), `tab` (or a tab).
    pub fn parse(text: &str) -> Option<Delimiter> {
        match text.to_ascii_lowercase().as_str() {
            "auto" => Some(Delimiter::Auto),
            "," | "comma" => Some(Delimiter::Comma),
            ";" | "semicolon" => Some(Delimiter::Semicolon),
            "tab" | "\t" | "\\t" => Some(Delimiter::Tab),
            _ => None,
        }
    }

    /// The values `parse` accepts, for an error message.
    pub const NAMES: &'static str = "auto, `,`, `;`, tab";

    /// The byte, or `None` for `Auto`.
    pub fn byte(self) -> Option<u8> {
        match self {
            Delimiter::Auto => None,
            Delimiter::Comma => Some(b','),
            Delimiter::Semicolon => Some(b';'),
            Delimiter::Tab => Some(b'\t'),
        }
    }

    /// The delimiter given, or the one `head` (the log's first bytes)
    /// shows.
    pub(crate) fn resolve(self, head: &[u8]) -> u8 {
        self.byte().unwrap_or_else(|| sniff(head))
    }
}

/// The first line of `head` (it ends at a line break outside quotes) and
/// the break after it (empty when `head` holds no break).
fn first_line(head: &[u8]) -> (&[u8], &[u8]) {
    let mut quoted = false;
    for (at, &byte) in head.iter().enumerate() {
        match byte {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => {
                let (line, rest) = head.split_at(at);
                let crlf = rest.starts_with(b"\r\n");
                return (line, rest.get(..1 + usize::from(crlf)).unwrap_or_default());
            }
            _ => {}
        }
    }
    (head, &[])
}

/// True when the first line of `head` ends in CRLF. The CSV reader counts
/// a record's line before the `\n` of the CRLF ending the one before it:
/// in such a file a record's line is one more than it says.
pub(crate) fn ends_lines_in_crlf(head: &[u8]) -> bool {
    first_line(head).1 == b"\r\n"
}

/// The most frequent of `,` `;` `\t` in the first line of `head`, counted
/// outside quotes; a comma when none is there or on a tie with the comma.
fn sniff(head: &[u8]) -> u8 {
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for &byte in first_line(head).0 {
        match byte {
            b'"' => quoted = !quoted,
            _ if !quoted => {
                if let Some((_, n)) = counts.iter_mut().find(|(d, _)| *d == byte) {
                    *n += 1;
                }
            }
            _ => {}
        }
    }
    // `max_by_key` keeps the last of equals: reversed, the comma wins ties.
    counts
        .iter()
        .rev()
        .max_by_key(|(_, n)| *n)
        .map_or(b',', |(d, _)| *d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_line_outside_quotes_decides() {
        assert_eq!(sniff(b"id,priority,channel\n"), b',');
        assert_eq!(sniff(b"id;priority;channel\r\nA;B,C,D,E\n"), b';');
        assert_eq!(sniff(b"id\tpriority\tchannel\n"), b'\t');
        assert_eq!(sniff(b"\"a;b;c\",x,y\n"), b',');
        assert_eq!(sniff(b"\"first\nline;;;\";x;y\n"), b';');
        assert_eq!(sniff(b"id\n"), b',');
        assert_eq!(sniff(b"a;b,c\n"), b',');
        assert_eq!(sniff(b""), b',');
    }

    #[test]
    fn crlf_is_seen_on_the_header_line() {
        assert!(ends_lines_in_crlf(b"id;x\r\nA;1\r\n"));
        assert!(ends_lines_in_crlf(b"\"i\nd\";x\r\n"));
        assert!(!ends_lines_in_crlf(b"id;x\nA;1\r\n"));
        assert!(!ends_lines_in_crlf(b"id;x"));
    }

    #[test]
    fn given_delimiters_parse() {
        assert_eq!(Delimiter::parse(";"), Some(Delimiter::Semicolon));
        assert_eq!(Delimiter::parse("TAB"), Some(Delimiter::Tab));
        assert_eq!(Delimiter::parse("comma"), Some(Delimiter::Comma));
        assert_eq!(Delimiter::parse("|"), None);
        assert_eq!(Delimiter::Tab.resolve(b"a,b\n"), b'\t');
        assert_eq!(Delimiter::Auto.resolve(b"a;b\n"), b';');
    }
}
