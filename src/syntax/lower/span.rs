//! Spans of pest pairs, trimmed of the trailing whitespace and comments
//! pest includes.

use super::P;
use crate::source::Span;

/// The span of a pair without trailing whitespace and comments, which pest
/// includes when an optional tail of the rule did not match.
pub(super) fn span_of(pair: &P<'_>) -> Span {
    trimmed(pair.as_span())
}

/// A pest span without its trailing whitespace and comments.
pub(super) fn trimmed(span: pest::Span<'_>) -> Span {
    let start = span.start();
    Span::new(start, start + trim_trailing(span.as_str()).len())
}

fn trim_trailing(mut text: &str) -> &str {
    loop {
        text = text.trim_end();
        let line_start = text.rfind('\n').map_or(0, |i| i + 1);
        let last_line = text.get(line_start..).unwrap_or("");
        // Fast path: a comment needs a `/` (one memchr; a `"//"` search
        // sets up a substring searcher per call, and this runs for every
        // pair).
        if !last_line.contains('/') {
            return text;
        }
        match comment_start(last_line) {
            Some(at) => text = text.get(..line_start + at).unwrap_or(""),
            None => return text,
        }
    }
}

/// Where a `//` comment starts in one line, outside quotes and brackets.
fn comment_start(line: &str) -> Option<usize> {
    let (mut quoted, mut bracketed, mut escaped) = (false, false, false);
    let bytes = line.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            _ if escaped => escaped = false,
            b'\\' if quoted => escaped = true,
            b'"' if !bracketed => quoted = !quoted,
            b'[' if !quoted => bracketed = true,
            b']' if !quoted => bracketed = false,
            b'/' if !quoted && !bracketed && bytes.get(i + 1) == Some(&b'/') => return Some(i),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    #[test]
    fn trailing_space_and_comments_are_not_part_of_a_span() {
        assert_eq!(super::trim_trailing("a \"//x\" // c\n  "), "a \"//x\"");
        assert_eq!(super::trim_trailing("a [//] b"), "a [//] b");
    }
}
