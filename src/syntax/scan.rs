//! A linear pre-scan of the text: collects `//` comments (outside strings
//! and placeholders), stops at braces nested deeper than [`MAX_DEPTH`], and
//! notes what a failed parse is most likely about: a `{` never closed and
//! a `"` not closed on its line.
//!
//! The language itself never nests deeper than three (`contract { party
//! { … } }`); the limit is there so that 20,000 `{` neither exhaust the
//! stack in pest's recursive descent nor take quadratic time.
//!
//! Which `{` lacks its `}` is read from indentation, as rustc does: a `}`
//! that starts a line closes the block whose line is indented like it, so
//! an inner block opened on a more indented line and still open there is
//! the one missing its `}`, not the outermost one left over at the end.

use crate::ast::Comment;
use crate::diagnostic::{Code, Diagnostic};
use crate::source::Span;

/// The deepest `{` nesting accepted.
pub const MAX_DEPTH: usize = 64;

pub struct Scanned {
    pub comments: Vec<Comment>,
    pub too_deep: Option<Diagnostic>,
    /// The `{` most likely never closed, when the file has more `{` than
    /// `}` (outside strings and comments).
    pub unclosed: Option<Unclosed>,
    /// Offsets of the `"` of each text not closed on its line.
    pub open_strings: Vec<usize>,
}

/// A `{` without its `}`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unclosed {
    /// Offset of the `{`.
    pub open: usize,
    /// True when it is the only `{` left open (the file's outermost).
    pub outermost: bool,
}

/// A `{` still open during the scan.
struct Open {
    at: usize,
    /// Indentation (in characters) of the line the `{` is on.
    indent: usize,
}

/// The brace bookkeeping of the scan.
#[derive(Default)]
struct Braces {
    open: Vec<Open>,
    /// `{` given up by the indentation rule: a `}` at the start of a less
    /// indented line went past them to the block it lines up with.
    skipped: Vec<usize>,
    /// Plain nesting depth, `{` minus `}`, never below zero.
    depth: usize,
}

impl Braces {
    fn open(&mut self, at: usize, indent: usize) {
        self.depth += 1;
        self.open.push(Open { at, indent });
    }

    /// A `}`; `line_indent` is its indentation when it is the first thing
    /// on its line.
    fn close(&mut self, line_indent: Option<usize>) {
        self.depth = self.depth.saturating_sub(1);
        if let Some(indent) = line_indent {
            while self.open.len() > 1 && self.open.last().is_some_and(|o| o.indent > indent) {
                if let Some(skipped) = self.open.pop() {
                    self.skipped.push(skipped.at);
                }
            }
        }
        self.open.pop();
    }

    /// The `{` to blame when the file has more `{` than `}`: the first one
    /// the indentation rule gave up, else the innermost one left open.
    fn unclosed(&self) -> Option<Unclosed> {
        if self.depth == 0 {
            return None;
        }
        Some(match self.skipped.first() {
            Some(&open) => Unclosed {
                open,
                outermost: false,
            },
            None => Unclosed {
                open: self.open.last()?.at,
                outermost: self.open.len() == 1,
            },
        })
    }
}

/// The part of the line holding `at` that comes before it.
fn line_before(text: &str, at: usize) -> &str {
    let before = text.get(..at).unwrap_or("");
    before
        .rfind('\n')
        .map_or(before, |i| before.get(i + 1..).unwrap_or(""))
}

/// The indentation of the line holding `at` when only blanks precede `at`
/// on it.
fn indent_if_first(text: &str, at: usize) -> Option<usize> {
    let line = line_before(text, at);
    line.chars()
        .all(|c| c == ' ' || c == '\t')
        .then(|| line.chars().count())
}

/// The indentation of the line holding `at`.
fn line_indent(text: &str, at: usize) -> usize {
    line_before(text, at)
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .count()
}

pub fn scan(text: &str) -> Scanned {
    let bytes = text.as_bytes();
    let mut comments = Vec::new();
    let mut braces = Braces::default();
    let mut open_strings = Vec::new();
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
            b'"' => {
                let (end, closed) = skip_string(bytes, i + 1);
                if !closed {
                    open_strings.push(i);
                }
                i = end;
            }
            b'[' => i = find(bytes, i, b']').min(find(bytes, i, b'\n')) + 1,
            b'{' => {
                braces.open(i, line_indent(text, i));
                if braces.depth > MAX_DEPTH {
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
                        unclosed: None,
                        open_strings,
                    };
                }
                i += 1;
            }
            b'}' => {
                braces.close(indent_if_first(text, i));
                i += 1;
            }
            _ => i += 1,
        }
    }
    Scanned {
        comments,
        too_deep: None,
        unclosed: braces.unclosed(),
        open_strings,
    }
}

/// The index of the next `byte` at or after `from`, or the end.
fn find(bytes: &[u8], from: usize, byte: u8) -> usize {
    bytes
        .get(from..)
        .and_then(|rest| rest.iter().position(|&b| b == byte))
        .map_or(bytes.len(), |at| from + at)
}

/// Past the closing quote of a string whose body starts at `i`, or at the
/// end of the line for one not closed on it (then `false`).
fn skip_string(bytes: &[u8], mut i: usize) -> (usize, bool) {
    while let Some(&b) = bytes.get(i) {
        match b {
            b'\\' => i += 2,
            b'"' => return (i + 1, true),
            b'\n' | b'\r' => return (i, false),
            _ => i += 1,
        }
    }
    (i, false)
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

    #[test]
    fn the_unclosed_block_is_read_from_indentation() {
        let text = "contract \"x\" {\n  scope { service s \"S\"\n  calendar a {\n    daily 09:00-18:00\n  }\n}\n";
        let scope = text.find("{ service").unwrap_or(0);
        let unclosed = scan(text).unclosed;
        assert_eq!(
            unclosed,
            Some(Unclosed {
                open: scope,
                outermost: false
            })
        );
    }

    #[test]
    fn a_missing_last_brace_is_the_outermost() {
        let text = "contract \"x\" {\n  scope {\n    service s \"S\"\n  }\n";
        let unclosed = scan(text).unclosed;
        assert_eq!(
            unclosed,
            Some(Unclosed {
                open: text.find('{').unwrap_or(0),
                outermost: true
            })
        );
    }

    #[test]
    fn balanced_braces_blame_nothing_however_indented() {
        let text = "contract \"x\" {\n    scope {\n  }\n}\n";
        assert_eq!(scan(text).unclosed, None);
    }

    #[test]
    fn texts_open_at_the_end_of_their_line_are_noted() {
        let text = "id \"a\"\nterm \"b\" \"c\\\" d\n\"\"\"\nx\n\"\"\"\n";
        let quote = text.find("\"c").unwrap_or(0);
        assert_eq!(scan(text).open_strings, vec![quote]);
    }
}
