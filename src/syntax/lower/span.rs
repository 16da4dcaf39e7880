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
        let rest = skip_block_end(text.get(..line_start).unwrap_or(""), last_line);
        let skipped = last_line.len() - rest.len();
        match comment_start(rest) {
            Some(at) => text = text.get(..line_start + skipped + at).unwrap_or(""),
            None => return text,
        }
    }
}

/// The last line past the `"""` that closes a text block opened above it
/// (an odd number of `"""` before the line): before that, a `//` is the
/// block's text (`  //  """` ends a block), not a comment. The whole line
/// otherwise. Counted only when the line holds a `"""`, which is rare.
fn skip_block_end<'t>(before: &str, last_line: &'t str) -> &'t str {
    let Some(close) = last_line.find("\"\"\"") else {
        return last_line;
    };
    if before.matches("\"\"\"").count().is_multiple_of(2) {
        return last_line;
    }
    last_line.get(close + 3..).unwrap_or("")
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

    #[test]
    fn a_text_block_closed_after_slashes_keeps_its_end() {
        // Found by the `format` fuzzer: the closing line `  //  """` is
        // the block's text and its end, not a comment.
        let block = "term \"T\" \"\"\"\n    a // b\n  //  \"\"\"";
        assert_eq!(super::trim_trailing(block), block);
        let with_comment = format!("{block}  // after the block\n");
        assert_eq!(super::trim_trailing(&with_comment), block);
        // A `\"\"\"` in a comment after a closed block is still a comment.
        assert_eq!(
            super::trim_trailing("t \"\"\"\n x\n \"\"\" // a \"\"\" b"),
            "t \"\"\"\n x\n \"\"\""
        );
    }
}
