//! The layout engine: lines (nodes) with their cells aligned in runs, the
//! comments and blank lines of the source kept, and `{ … }` blocks either
//! on one line or one line per field. It knows no item: `items` builds the
//! nodes.

use super::MAX_WIDTH;
use crate::ast::{Braces, Comment};
use crate::source::{SourceFile, Span};

/// One output line (and what hangs below it).
pub(super) struct Node {
    /// Lines of one group in a row are aligned.
    pub(super) group: &'static str,
    /// The cells of the line; all but the last are padded in a run.
    pub(super) cells: Vec<String>,
    /// Where it stands in the source (for comments and blank lines).
    pub(super) span: Span,
    /// A block below the line: its nodes and its braces in the source.
    pub(super) block: Option<(Vec<Node>, Braces)>,
}

impl Node {
    pub(super) fn line(group: &'static str, cells: Vec<String>, span: Span) -> Node {
        Node {
            group,
            cells,
            span,
            block: None,
        }
    }
}

/// The formatter's state while it writes one file.
pub(super) struct Formatter<'s> {
    text: &'s str,
    source: &'s SourceFile,
    comments: &'s [Comment],
    next_comment: usize,
    /// The source offset of the end of what was emitted last.
    last_end: usize,
    out: String,
}

impl<'s> Formatter<'s> {
    pub(super) fn new(source: &'s SourceFile, comments: &'s [Comment]) -> Self {
        Formatter {
            text: source.text(),
            source,
            comments,
            next_comment: 0,
            last_end: 0,
            out: String::new(),
        }
    }

    /// The text written, ending in one line break.
    pub(super) fn finish(mut self) -> String {
        while self.out.ends_with("\n\n") {
            self.out.pop();
        }
        if !self.out.is_empty() && !self.out.ends_with('\n') {
            self.out.push('\n');
        }
        self.out
    }

    /// The source text of a span, as written.
    pub(super) fn src(&self, span: Span) -> String {
        self.source.slice(span).to_string()
    }

    fn line_of(&self, offset: usize) -> usize {
        self.source.line_col(offset).line
    }

    /// A blank line between the last thing emitted and `start`?
    fn blank_before(&self, start: usize) -> bool {
        let between = self.text.get(self.last_end..start).unwrap_or("");
        between.matches('\n').count() >= 2
    }

    /// Pushes a line at `indent`; the continuation lines of a text block
    /// inside it are indented the same.
    fn push_line(&mut self, indent: usize, line: &str) {
        for (i, part) in line.split('\n').enumerate() {
            if i > 0 && part.is_empty() {
                self.out.push('\n');
                continue;
            }
            self.out.push_str(&" ".repeat(indent));
            self.out.push_str(part);
            self.out.push('\n');
        }
    }

    /// Comments that start before `before`, each on its own line.
    fn leading_comments(&mut self, before: usize, indent: usize) {
        while let Some(comment) = self.comments.get(self.next_comment) {
            if comment.span.start() >= before {
                break;
            }
            if self.blank_before(comment.span.start())
                && !self.out.is_empty()
                && !self.out.ends_with("{\n")
            {
                self.out.push('\n');
            }
            let line = format!("//{}", comment.text);
            self.push_line(indent, &line);
            self.last_end = comment.span.end();
            self.next_comment += 1;
        }
    }

    /// A comment after `end` on the same line, appended to the last line.
    fn trailing_comment(&mut self, end: usize) {
        let Some(comment) = self.comments.get(self.next_comment) else {
            return;
        };
        if comment.span.start() >= end && self.line_of(comment.span.start()) == self.line_of(end) {
            if self.out.ends_with('\n') {
                self.out.pop();
            }
            self.out.push_str(&format!("  //{}\n", comment.text));
            self.last_end = comment.span.end();
            self.next_comment += 1;
        }
    }

    /// Emits sibling nodes at `indent`, then the comments before `close`.
    pub(super) fn block(&mut self, nodes: &[Node], indent: usize, close: usize) {
        let mut index = 0;
        while index < nodes.len() {
            // A run: the same group, no blank line inside.
            let mut end = index + 1;
            while let (Some(prev), Some(next)) = (nodes.get(end - 1), nodes.get(end)) {
                let gap = self
                    .text
                    .get(prev.span.end()..next.span.start())
                    .unwrap_or("");
                if next.group != prev.group
                    || next.group.is_empty()
                    || gap.matches('\n').count() >= 2
                {
                    break;
                }
                end += 1;
            }
            let run = nodes.get(index..end).unwrap_or(&[]);
            let columns = run.iter().map(|n| n.cells.len()).max().unwrap_or(0);
            let mut widths = vec![0; columns];
            for node in run {
                let last = node.cells.len().saturating_sub(1);
                for (i, cell) in node.cells.iter().enumerate().take(last) {
                    if let Some(w) = widths.get_mut(i) {
                        *w = (*w).max(crate::cjk::width(cell));
                    }
                }
            }
            for node in run {
                self.node(node, indent, &widths);
            }
            index = end;
        }
        self.leading_comments(close, indent);
    }

    fn node(&mut self, node: &Node, indent: usize, widths: &[usize]) {
        self.leading_comments(node.span.start(), indent);
        if self.blank_before(node.span.start())
            && !self.out.is_empty()
            && !self.out.ends_with("{\n")
        {
            self.out.push('\n');
        }
        let last = node.cells.len().saturating_sub(1);
        let mut line = String::new();
        for (i, cell) in node.cells.iter().enumerate() {
            line.push_str(cell);
            if i < last {
                let pad = widths
                    .get(i)
                    .copied()
                    .unwrap_or(0)
                    .saturating_sub(crate::cjk::width(cell));
                line.push_str(&" ".repeat(pad + 1));
            }
        }
        match &node.block {
            None => {
                self.push_line(indent, &line);
                self.last_end = node.span.end();
                self.trailing_comment(node.span.end());
            }
            Some((children, braces)) => {
                let close = braces.close.start();
                line.push_str(" {");
                self.push_line(indent, &line);
                self.last_end = children
                    .first()
                    .map_or(close, |c| c.span.start())
                    .min(close);
                let first_start = children.first().map_or(close, |c| c.span.start());
                // A comment on the `{` line stays there.
                if let Some(comment) = self.comments.get(self.next_comment) {
                    if comment.span.start() < first_start
                        && self.line_of(comment.span.start()) == self.line_of(node.span.start())
                        && self.line_of(comment.span.start()) != self.line_of(first_start)
                    {
                        self.trailing_comment(comment.span.start());
                    }
                }
                self.last_end = self.last_end.max(braces.open.end());
                self.block(children, indent + 2, close);
                self.push_line(indent, "}");
                self.last_end = close + 1;
                self.trailing_comment(close + 1);
            }
        }
    }

    /// Whether a `{ … }` written from `start` to `end` stays on one line.
    fn one_line(&self, start: usize, end: usize, line: &str) -> bool {
        let written = self.text.get(start..end).unwrap_or("\n");
        let has_comment = self
            .comments
            .iter()
            .any(|c| start <= c.span.start() && c.span.start() < end);
        !written.contains('\n') && !has_comment && crate::cjk::width(line) <= MAX_WIDTH
    }

    /// [`with_fields`](Self::with_fields) for an item whose grammar needs
    /// its braces (`reporting { … }`, a calendar, a set): an empty body stays
    /// `{ }` instead of being dropped, which would leave text that no longer
    /// parses.
    pub(super) fn with_braced_fields(
        &self,
        group: &'static str,
        mut cells: Vec<String>,
        span: Span,
        fields: Vec<Node>,
        braces: Option<Braces>,
    ) -> Node {
        if fields.is_empty() && braces.is_some() {
            cells.push("{ }".into());
            return Node::line(group, cells, span);
        }
        self.with_fields(group, cells, span, fields, braces)
    }

    /// A node whose fields go in a `{ … }`: one line, or a block.
    pub(super) fn with_fields(
        &self,
        group: &'static str,
        mut cells: Vec<String>,
        span: Span,
        fields: Vec<Node>,
        braces: Option<Braces>,
    ) -> Node {
        let Some(braces) = braces.filter(|_| !fields.is_empty()) else {
            return Node::line(group, cells, span);
        };
        let open = braces.open.start();
        let inline: Vec<String> = fields.iter().map(|f| f.cells.join(" ")).collect();
        let last = cells.pop().unwrap_or_default();
        let joined = format!("{last} {{ {} }}", inline.join(" "));
        let mut probe = cells.clone();
        probe.push(joined.clone());
        if self.one_line(open, span.end(), &format!("{}    {}", probe.join(" "), "")) {
            cells.push(joined);
            return Node::line(group, cells, span);
        }
        cells.push(last);
        Node {
            group,
            cells,
            span,
            block: Some((fields, braces)),
        }
    }
}
