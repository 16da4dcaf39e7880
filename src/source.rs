//! Source files and spans.
//!
//! Spans are our own byte ranges (`u32`), never `pest::Span<'i>`, so the AST
//! carries no lifetime. Lines and columns are computed on demand: lines and
//! columns are 1-based and columns count characters (not bytes), so a
//! position after Chinese text is where a person sees it.

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};
use std::collections::VecDeque;
use std::fmt;

/// A byte range `start..end` in one source file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start: u32::try_from(start).unwrap_or(u32::MAX),
            end: u32::try_from(end).unwrap_or(u32::MAX),
        }
    }

    pub fn start(self) -> usize {
        self.start as usize
    }

    pub fn end(self) -> usize {
        self.end as usize
    }

    pub fn len(self) -> usize {
        self.end().saturating_sub(self.start())
    }

    pub fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }
}

impl From<Span> for miette::SourceSpan {
    fn from(span: Span) -> Self {
        (span.start(), span.len()).into()
    }
}

/// A value with the span it was written at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Spanned<T> {
    pub node: T,
    pub span: Span,
}

impl<T> Spanned<T> {
    pub fn new(node: T, span: Span) -> Self {
        Spanned { node, span }
    }
}

impl<T: fmt::Display> fmt::Display for Spanned<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.node.fmt(f)
    }
}

/// A 1-based line and character column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineCol {
    pub line: usize,
    pub column: usize,
}

/// One `.sla` file: its name as given, its text, and a line index.
#[derive(Debug, Clone)]
pub struct SourceFile {
    name: String,
    text: String,
    line_starts: Vec<usize>,
    /// A `\r` not followed by `\n`: miette counts it as a line break and
    /// [`SourceFile::line_starts`] does not, so [`SourceCode`] then reads from
    /// the start of the file.
    lone_cr: bool,
}

impl SourceFile {
    /// A file from decoded text. A leading BOM is dropped (spans then count
    /// from after it, which is what editors show).
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> SourceFile {
        let mut text: String = text.into();
        if text.starts_with('\u{feff}') {
            text.drain(..'\u{feff}'.len_utf8());
        }
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let lone_cr = text
            .match_indices('\r')
            .any(|(i, _)| text.as_bytes().get(i + 1) != Some(&b'\n'));
        SourceFile {
            name: name.into(),
            text,
            line_starts,
            lone_cr,
        }
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    /// The text under a span (empty if the span is out of range).
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.start()..span.end()).unwrap_or("")
    }

    /// The byte offset where a 1-based line starts (`None` past the last
    /// line): the language server counts UTF-16 columns from it.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.line_starts.get(line.checked_sub(1)?).copied()
    }

    /// Line and character column of a byte offset (clamped to the text, and
    /// to a character boundary).
    pub fn line_col(&self, offset: usize) -> LineCol {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.line_starts.partition_point(|&s| s <= offset).max(1);
        let start = self.line_starts.get(line - 1).copied().unwrap_or(0);
        let column = self
            .text
            .get(start..offset)
            .map_or(0, |s| s.trim_end_matches('\r').chars().count())
            + 1;
        LineCol { line, column }
    }
}

/// Which file of a [`SourceMap`] a span is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct FileId(u32);

impl FileId {
    /// The file a check starts from (a contract, or a library checked on its
    /// own): always in the map, and where a diagnostic is unless told.
    pub const MAIN: FileId = FileId(0);
}

/// The files of one check: the file checked first ([`FileId::MAIN`]), then
/// every file it uses, in the order they were loaded. A diagnostic names
/// its file by [`FileId`]; the report looks the file up here.
#[derive(Debug, Clone)]
pub struct SourceMap {
    main: SourceFile,
    used: Vec<SourceFile>,
}

impl SourceMap {
    pub fn new(main: SourceFile) -> SourceMap {
        SourceMap {
            main,
            used: Vec::new(),
        }
    }

    /// Adds a used file and gives its id.
    pub fn add(&mut self, file: SourceFile) -> FileId {
        self.used.push(file);
        FileId(u32::try_from(self.used.len()).unwrap_or(u32::MAX))
    }

    pub fn main(&self) -> &SourceFile {
        &self.main
    }

    /// The file of an id; an id of another map gives the main file rather
    /// than nothing, so a report always has a file to name.
    pub fn get(&self, id: FileId) -> &SourceFile {
        match id.0.checked_sub(1) {
            None => &self.main,
            Some(i) => self.used.get(i as usize).unwrap_or(&self.main),
        }
    }

    /// Every file with its id, the main file first.
    pub fn iter(&self) -> impl Iterator<Item = (FileId, &SourceFile)> + '_ {
        std::iter::once(&self.main)
            .chain(&self.used)
            .enumerate()
            .map(|(i, f)| (FileId(u32::try_from(i).unwrap_or(u32::MAX)), f))
    }

    /// How many files: the main one and those it uses.
    pub fn len(&self) -> usize {
        1 + self.used.len()
    }

    /// Never: a map always holds its main file.
    pub fn is_empty(&self) -> bool {
        false
    }
}

/// What miette's scan over `[u8]` knows when it reaches a line start
/// without having reached the span yet.
struct ScanState {
    offset: usize,
    line_count: usize,
    start_line: usize,
    before_lines_starts: VecDeque<usize>,
}

impl SourceFile {
    /// The scan state at the last line start that miette's scan passes
    /// before it touches `span`: taken from the line index, so reading a
    /// span costs the span and its context lines, not the file before it.
    fn scan_state(&self, span: &SourceSpan, context_lines_before: usize) -> ScanState {
        // miette's scan first looks at the span at `end - 1` (an empty span
        // at `s` is noticed at `s - 1`), and at its start for line breaks.
        let first_touch = span
            .offset()
            .min((span.offset() + span.len()).saturating_sub(1));
        let line = if self.lone_cr {
            0
        } else {
            self.line_starts
                .partition_point(|&s| s <= first_touch)
                .saturating_sub(1)
        };
        let start_line = line.saturating_sub(context_lines_before);
        ScanState {
            offset: self.line_starts.get(line).copied().unwrap_or(0),
            line_count: line,
            start_line,
            before_lines_starts: self
                .line_starts
                .get(start_line..line)
                .unwrap_or_default()
                .iter()
                .copied()
                .collect(),
        }
    }

    /// Exactly what miette's `SourceCode for [u8]` returns (byte columns,
    /// `\r`, `\n` and `\r\n` as line breaks), resuming its scan from
    /// [`SourceFile::scan_state`] instead of from the start of the file:
    /// miette's scan made rendering n diagnostics O(n × file size).
    fn span_contents(
        &self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<MietteSpanContents<'_>, MietteError> {
        let input = self.text.as_bytes();
        let ScanState {
            mut offset,
            mut line_count,
            mut start_line,
            mut before_lines_starts,
        } = self.scan_state(span, context_lines_before);
        let mut start_column = 0usize;
        let mut current_line_start = offset;
        let mut end_lines = 0usize;
        let mut post_span = false;
        let mut post_span_got_newline = false;
        let mut iter = input
            .get(offset..)
            .unwrap_or_default()
            .iter()
            .copied()
            .peekable();
        // miette 7.6's `context_info` loop, from the resumed state.
        while let Some(char) = iter.next() {
            if matches!(char, b'\r' | b'\n') {
                line_count += 1;
                if char == b'\r' && iter.next_if_eq(&b'\n').is_some() {
                    offset += 1;
                }
                if offset < span.offset() {
                    start_column = 0;
                    before_lines_starts.push_back(current_line_start);
                    if before_lines_starts.len() > context_lines_before {
                        start_line += 1;
                        before_lines_starts.pop_front();
                    }
                } else if offset >= span.offset() + span.len().saturating_sub(1) && post_span {
                    start_column = 0;
                    if post_span_got_newline {
                        end_lines += 1;
                    } else {
                        post_span_got_newline = true;
                    }
                    if end_lines >= context_lines_after {
                        offset += 1;
                        break;
                    }
                }
                current_line_start = offset + 1;
            } else if offset < span.offset() {
                start_column += 1;
            }
            if offset >= (span.offset() + span.len()).saturating_sub(1) {
                post_span = true;
                if end_lines >= context_lines_after {
                    offset += 1;
                    break;
                }
            }
            offset += 1;
        }
        if offset < (span.offset() + span.len()).saturating_sub(1) {
            return Err(MietteError::OutOfBounds);
        }
        let starting_offset = before_lines_starts.front().copied().unwrap_or({
            if context_lines_before == 0 {
                span.offset()
            } else {
                0
            }
        });
        let data = input
            .get(starting_offset..offset)
            .ok_or(MietteError::OutOfBounds)?;
        Ok(MietteSpanContents::new(
            data,
            (starting_offset, offset - starting_offset).into(),
            start_line,
            if context_lines_before == 0 {
                start_column
            } else {
                0
            },
            line_count,
        ))
    }
}

/// The text as miette reads it, over the line index (same contents as
/// miette's own `SourceCode for str`; see [`SourceFile::span_contents`]).
impl SourceCode for SourceFile {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let contents = self.span_contents(span, context_lines_before, context_lines_after)?;
        Ok(Box::new(contents))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        let file = SourceFile::new("t.sla", "contract \"客户服务\" {\n  clock bussiness\n}");
        let brace = file.text().find('{').unwrap_or(0);
        assert_eq!(
            file.line_col(brace),
            LineCol {
                line: 1,
                column: 17
            }
        );
        let second = file.text().find("clock").unwrap_or(0);
        assert_eq!(file.line_col(second), LineCol { line: 2, column: 3 });
    }

    #[test]
    fn bom_is_dropped_and_offsets_clamp() {
        let file = SourceFile::new("t.sla", "\u{feff}ab\r\ncd");
        assert_eq!(file.text(), "ab\r\ncd");
        assert_eq!(file.line_col(4), LineCol { line: 2, column: 1 });
        assert_eq!(file.line_col(999), LineCol { line: 2, column: 3 });
    }

    /// Every span in the text (on and off character boundaries, empty or
    /// not; miette panics on one past the end) with 0–2
    /// context lines each side: the same contents, span, line, column and
    /// line count as miette's `SourceCode for str`, or both out of bounds.
    #[test]
    fn source_code_reads_spans_as_miette_does() {
        let texts = [
            "",
            "x",
            "contract \"客户服务\" {\n  clock 工作日\n\n  party client \"甲\"\n}\n",
            "ab\r\ncd\r\n\r\nef\r\ngh",
            "one\ntwo\n\nthree\nfour\nfive\n\nsix\nseven\n",
            "lone\rcr\nand\r\ncrlf\n\r",
            "\n\n\n",
            "尾部没有换行\n第二行",
        ];
        for text in texts {
            let file = SourceFile::new("t.sla", text);
            let len = file.text().len();
            for start in 0..=len {
                for span_len in 0..=(len - start) {
                    for before in 0..=2 {
                        for after in 0..=2 {
                            let span = SourceSpan::from((start, span_len));
                            let ours = file.read_span(&span, before, after);
                            let theirs = file.text().read_span(&span, before, after);
                            let at = format!("{text:?} at {start}+{span_len}, {before}/{after}");
                            match (ours, theirs) {
                                (Ok(ours), Ok(theirs)) => {
                                    assert_eq!(ours.data(), theirs.data(), "{at}");
                                    assert_eq!(ours.span(), theirs.span(), "{at}");
                                    assert_eq!(ours.line(), theirs.line(), "{at}");
                                    assert_eq!(ours.column(), theirs.column(), "{at}");
                                    assert_eq!(ours.line_count(), theirs.line_count(), "{at}");
                                    assert_eq!(ours.name(), theirs.name(), "{at}");
                                }
                                (Err(_), Err(_)) => {}
                                (ours, theirs) => panic!(
                                    "{at}: ours {:?}, miette's {:?}",
                                    ours.map(|c| c.data().to_vec()),
                                    theirs.map(|c| c.data().to_vec())
                                ),
                            }
                        }
                    }
                }
            }
        }
    }
}
