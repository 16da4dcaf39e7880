//! A linear pre-scan of the text: collects `//` comments (outside strings
//! and placeholders) and stops at braces nested deeper than [`MAX_DEPTH`].
//!
//! The language itself never nests deeper than three (`contract { party
//! { … } }`); the limit is there so that 20,000 `{` neither exhaust the
//! stack in pest's recursive descent nor take quadratic time.

use crate::ast::Comment;
use crate::diagnostic::{Code, Diagnostic};
use crate::source::Span;

/// The deepest `{` nesting accepted.
pub const MAX_DEPTH: usize = 64;

pub struct Scanned {
    pub comments: Vec<Comment>,
    pub too_deep: Option<Diagnostic>,
    /// Offsets of `{` never closed, outermost first.
    pub unclosed: Vec<usize>,
}

pub fn scan(text: &str) -> Scanned {
    let bytes = text.as_bytes();
    let mut comments = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                let end = find(bytes, i, b'\n');
                // Trailing blanks of a comment carry nothing; the formatter drops them.
                let body = text.get(i + 2..end).unwrap_or("").trim_end();
                comments.push(Comment {
                    text: body.to_string(),
                    span: Span::new(i, i + 2 + body.len()),
                });
                i = end;
            }
            b'"' if bytes.get(i..i + 3) == Some(b"\"\"\"") => {
                i = text
                    .get(i + 3..)
                    .and_then(|rest| rest.find("\"\"\""))
                    .map_or(bytes.len(), |at| i + 3 + at + 3);
            }
            b'"' => i = skip_string(bytes, i + 1),
            b'[' => i = find(bytes, i, b']').min(find(bytes, i, b'\n')) + 1,
            b'{' => {
                open.push(i);
                if open.len() > MAX_DEPTH {
                    let diagnostic = Diagnostic::new(
                        Code::E003,
                        Span::new(i, i + 1),
                        format!("blocks are nested more than {MAX_DEPTH} deep"),
                    )
                    .with_label("too deep")
                    .with_help(
                        "a contract nests at most three blocks (`contract { party { … } }`); \
                         look for a `{` that was never closed",
                    );
                    return Scanned {
                        comments,
                        too_deep: Some(diagnostic),
                        unclosed: Vec::new(),
                    };
                }
                i += 1;
            }
            b'}' => {
                open.pop();
                i += 1;
            }
            _ => i += 1,
        }
    }
    Scanned {
        comments,
        too_deep: None,
        unclosed: open,
    }
}

/// The index of the next `byte` at or after `from`, or the end.
fn find(bytes: &[u8], from: usize, byte: u8) -> usize {
    bytes
        .get(from..)
        .and_then(|rest| rest.iter().position(|&b| b == byte))
        .map_or(bytes.len(), |at| from + at)
}

/// Past the closing quote of a string whose body starts at `i` (or at the
/// end of the line, for an unterminated one).
fn skip_string(bytes: &[u8], mut i: usize) -> usize {
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\\' => i += 2,
            b'"' => return i + 1,
            b'\n' => return i,
            _ => i += 1,
        }
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_outside_strings_only() {
        let scanned = scan("a // one\n\"http://x\" [a//b] // two\r\n");
        let texts: Vec<_> = scanned.comments.iter().map(|c| c.text.as_str()).collect();
        assert_eq!(texts, [" one", " two"]);
        assert!(scanned.too_deep.is_none());
    }

    #[test]
    fn deep_nesting_is_refused_at_the_brace() {
        let text = "{".repeat(20_000);
        let scanned = scan(&text);
        let diagnostic = scanned.too_deep.map(|d| (d.code, d.span));
        assert_eq!(
            diagnostic,
            Some((Code::E003, Span::new(MAX_DEPTH, MAX_DEPTH + 1)))
        );
    }

    #[test]
    fn braces_in_strings_do_not_count() {
        let text = format!("\"{}\"", "{".repeat(100));
        assert!(scan(&text).too_deep.is_none());
    }
}
