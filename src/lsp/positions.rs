//! Positions as LSP counts them — a 0-based line and a column in UTF-16
//! code units — to and from our byte offsets, over the line index of
//! [`SourceFile`]. The one place in the server that converts.

use crate::source::{SourceFile, Span};
use lsp_types::{Position, Range};

/// The LSP position of a byte offset (clamped to the text and to a
/// character boundary).
pub fn position(source: &SourceFile, offset: usize) -> Position {
    let text = source.text();
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let line = source.line_col(offset).line;
    let start = source.line_start(line).unwrap_or(0);
    let character = text
        .get(start..offset)
        .map_or(0, |s| s.encode_utf16().count());
    Position::new(count(line.saturating_sub(1)), count(character))
}

/// The LSP range of a span.
pub fn range(source: &SourceFile, span: Span) -> Range {
    Range::new(position(source, span.start()), position(source, span.end()))
}

/// The byte offset of an LSP position: a column past the end of its line
/// is the end of the line, a line past the end of the text is its end, and
/// a column inside a character (half of a surrogate pair) is after it.
pub fn offset(source: &SourceFile, position: Position) -> usize {
    let text = source.text();
    let Some(start) = source.line_start(position.line as usize + 1) else {
        return text.len();
    };
    let line = text.get(start..).unwrap_or("");
    let line = line.split('\n').next().unwrap_or("");
    let line = line.strip_suffix('\r').unwrap_or(line);
    let wanted = position.character as usize;
    let mut units = 0;
    for (at, c) in line.char_indices() {
        if units >= wanted {
            return start + at;
        }
        units += c.len_utf16();
    }
    start + line.len()
}

/// The span of an LSP range.
pub fn span(source: &SourceFile, range: Range) -> Span {
    Span::new(offset(source, range.start), offset(source, range.end))
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(text: &str) -> SourceFile {
        SourceFile::new("t.sla", text)
    }

    #[test]
    fn chinese_text_counts_one_unit_a_character() {
        let source = file("a\n  \"工作日\" x\n");
        let x = source.text().find('x').unwrap_or_else(|| unreachable!());
        // `  "工作日" ` is 2 + 1 + 3 + 1 + 1 = 8 units, but 14 bytes.
        assert_eq!(position(&source, x), Position::new(1, 8));
        assert_eq!(offset(&source, Position::new(1, 8)), x);
    }

    #[test]
    fn an_emoji_counts_two_units() {
        let source = file("\"😀\" x");
        let x = source.text().find('x').unwrap_or_else(|| unreachable!());
        assert_eq!(position(&source, x), Position::new(0, 5));
        assert_eq!(offset(&source, Position::new(0, 5)), x);
        // Half a surrogate pair rounds to after the emoji.
        assert_eq!(offset(&source, Position::new(0, 2)), 1 + '😀'.len_utf8());
    }

    #[test]
    fn positions_past_the_end_are_clamped() {
        let source = file("ab\r\ncd\n");
        assert_eq!(
            offset(&source, Position::new(0, 99)),
            2,
            "before the \\r\\n"
        );
        assert_eq!(offset(&source, Position::new(1, 1)), 5);
        assert_eq!(offset(&source, Position::new(9, 0)), source.text().len());
        assert_eq!(position(&source, 999), Position::new(2, 0));
    }

    #[test]
    fn ranges_round_trip() {
        let source = file("contract \"客户😀\" {\n  id \"x\"\n}\n");
        let start = source.text().find("id").unwrap_or_else(|| unreachable!());
        let span = Span::new(start, start + 2);
        let range = range(&source, span);
        assert_eq!(range, Range::new(Position::new(1, 2), Position::new(1, 4)));
        assert_eq!(super::span(&source, range), span);
    }
}
