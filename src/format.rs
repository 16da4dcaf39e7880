//! The formatter: a contract in its canonical layout, every comment kept.
//!
//! What is canonical: two-space indentation, one item per line, runs of
//! similar lines aligned (header keywords, party roles, channel and service
//! names, calendar lines, targets, fields), at most one blank line between
//! items (kept where the author left one), durations in their canonical
//! units (`15 minutes`, `1 business day`), times as `HH:MM`, dates as
//! `YYYY-MM-DD`. What is kept as written: every text, text block,
//! placeholder, number and name (copied from the source, escapes and all).
//! A `{ … }` block of fields stays on one line when it was written on one
//! line, has no comments inside and fits in 100 columns.
//!
//! Comments stay where they were: a comment on its own line goes before the
//! item that follows it, a comment after an item stays at the end of its
//! line. `format` works on a file that parsed without syntax diagnostics;
//! [`format_source`] checks that and verifies its own output.

use crate::ast::*;
use crate::model::Fill;
use crate::source::{SourceFile, Span};

/// Widest one-line block, in characters.
const MAX_WIDTH: usize = 100;

/// Why a file was not formatted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormatError {
    /// The file has syntax diagnostics: formatting could lose what was not read.
    Syntax(Vec<crate::Diagnostic>),
    /// The formatted text would not mean the same (a bug in the formatter).
    Changed(String),
}

/// Formats a source file, or says why not. The output is re-parsed and
/// checked to hold the same contract and the same comments.
pub fn format_source(source: &SourceFile) -> Result<String, FormatError> {
    let parsed = crate::syntax::parse(source);
    let file = match parsed.file {
        Some(file) if parsed.diagnostics.is_empty() => file,
        _ => return Err(FormatError::Syntax(parsed.diagnostics)),
    };
    let formatted = format(source, &file);
    let again = SourceFile::new(source.name(), formatted.clone());
    let reparsed = crate::syntax::parse(&again);
    let Some(refile) = reparsed.file.filter(|_| reparsed.diagnostics.is_empty()) else {
        return Err(FormatError::Changed(
            "the formatted text does not parse".into(),
        ));
    };
    let texts = |f: &File| {
        f.comments
            .iter()
            .map(|c| c.text.clone())
            .collect::<Vec<_>>()
    };
    if texts(&file) != texts(&refile) {
        return Err(FormatError::Changed(
            "comments would be lost or moved".into(),
        ));
    }
    let before = crate::front::check(source.clone());
    let after = crate::front::check(again);
    let codes =
        |c: &crate::front::Checked| c.diagnostics.iter().map(|d| d.code).collect::<Vec<_>>();
    if before.model != after.model || codes(&before) != codes(&after) {
        return Err(FormatError::Changed(
            "the contract would change meaning".into(),
        ));
    }
    Ok(formatted)
}

/// One output line (and what hangs below it).
struct Node {
    /// Lines of one group in a row are aligned.
    group: &'static str,
    /// The cells of the line; all but the last are padded in a run.
    cells: Vec<String>,
    /// Where it stands in the source (for comments and blank lines).
    span: Span,
    /// A block below the line: its nodes and the source offset of its `}`.
    block: Option<(Vec<Node>, usize)>,
}

impl Node {
    fn line(group: &'static str, cells: Vec<String>, span: Span) -> Node {
        Node {
            group,
            cells,
            span,
            block: None,
        }
    }
}

struct Formatter<'s> {
    text: &'s str,
    source: &'s SourceFile,
    comments: &'s [Comment],
    next_comment: usize,
    /// The source offset of the end of what was emitted last.
    last_end: usize,
    out: String,
}

/// Formats a parsed file. The file must have parsed without diagnostics
/// (see [`format_source`]); lines that were not read are not in the AST.
pub fn format(source: &SourceFile, file: &File) -> String {
    let mut f = Formatter {
        text: source.text(),
        source,
        comments: &file.comments,
        next_comment: 0,
        last_end: 0,
        out: String::new(),
    };
    let nodes: Vec<Node> = file.contracts.iter().map(|c| f.contract(c)).collect();
    f.block(&nodes, 0, source.text().len());
    while f.out.ends_with("\n\n") {
        f.out.pop();
    }
    if !f.out.is_empty() && !f.out.ends_with('\n') {
        f.out.push('\n');
    }
    f.out
}

/// Display width of the first line: East Asian wide characters take two
/// columns, as a terminal or editor shows them.
fn width(s: &str) -> usize {
    s.lines()
        .next()
        .unwrap_or("")
        .chars()
        .map(|c| {
            let wide = matches!(c as u32,
                0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF
                | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD);
            if wide {
                2
            } else {
                1
            }
        })
        .sum()
}

impl Formatter<'_> {
    fn src(&self, span: Span) -> String {
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
    fn block(&mut self, nodes: &[Node], indent: usize, close: usize) {
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
                        *w = (*w).max(width(cell));
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
                    .saturating_sub(width(cell));
                line.push_str(&" ".repeat(pad + 1));
            }
        }
        match &node.block {
            None => {
                self.push_line(indent, &line);
                self.last_end = node.span.end();
                self.trailing_comment(node.span.end());
            }
            Some((children, close)) => {
                line.push_str(" {");
                self.push_line(indent, &line);
                self.last_end = children
                    .first()
                    .map_or(*close, |c| c.span.start())
                    .min(*close);
                let first_start = children.first().map_or(*close, |c| c.span.start());
                // A comment on the `{` line stays there.
                if let Some(comment) = self.comments.get(self.next_comment) {
                    if comment.span.start() < first_start
                        && self.line_of(comment.span.start()) == self.line_of(node.span.start())
                        && self.line_of(comment.span.start()) != self.line_of(first_start)
                    {
                        self.trailing_comment(comment.span.start());
                    }
                }
                self.last_end = self.last_end.max(
                    self.text
                        .get(..first_start.min(*close))
                        .and_then(|t| t.rfind('{'))
                        .map_or(0, |i| i + 1),
                );
                self.block(children, indent + 2, *close);
                self.push_line(indent, "}");
                self.last_end = close + 1;
                self.trailing_comment(close + 1);
            }
        }
    }

    // ---------------------------------------------------------- values

    /// Text as written; a text block re-indented two columns under its
    /// item (its meaning does not depend on where it stands).
    fn text(&self, text: &Text) -> String {
        let written = self.src(text.span);
        let Some(inner) = written
            .strip_prefix("\"\"\"")
            .and_then(|w| w.strip_suffix("\"\"\""))
        else {
            return written;
        };
        let mut lines: Vec<&str> = inner.split('\n').map(str::trim).collect();
        if lines.first().is_some_and(|l| l.is_empty()) {
            lines.remove(0);
        }
        if lines.last().is_some_and(|l| l.is_empty()) {
            lines.pop();
        }
        if lines.is_empty() {
            return written;
        }
        let body: Vec<String> = lines
            .iter()
            .map(|l| {
                if l.is_empty() {
                    String::new()
                } else {
                    format!("  {l}")
                }
            })
            .collect();
        format!("\"\"\"\n{}\n  \"\"\"", body.join("\n"))
    }

    fn fill_number(&self, value: &crate::source::Spanned<Fill<f64>>) -> String {
        self.src(value.span)
    }

    fn duration(&self, duration: &crate::source::Spanned<DurationAst>) -> String {
        match &duration.node {
            DurationAst::Given { amount, unit } => crate::model::Duration {
                amount: *amount,
                unit: unit.node,
            }
            .to_string(),
            DurationAst::Placeholder { unit, .. } => {
                let written = self.src(duration.span);
                let placeholder = written
                    .find(']')
                    .and_then(|i| written.get(..=i))
                    .unwrap_or(&written);
                match unit {
                    Some(u) => format!("{placeholder} {}", u.node.word(false)),
                    None => placeholder.to_string(),
                }
            }
        }
    }

    fn spans(spans: &[crate::source::Spanned<crate::model::TimeSpan>]) -> String {
        spans
            .iter()
            .map(|s| s.node.to_string())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Whether a `{ … }` written from `start` to `end` stays on one line.
    fn one_line(&self, start: usize, end: usize, line: &str) -> bool {
        let written = self.text.get(start..end).unwrap_or("\n");
        let has_comment = self
            .comments
            .iter()
            .any(|c| start <= c.span.start() && c.span.start() < end);
        !written.contains('\n') && !has_comment && width(line) <= MAX_WIDTH
    }

    /// The offset of the `}` that closes the block ending a span.
    fn close_of(&self, span: Span) -> usize {
        self.text
            .get(..span.end())
            .and_then(|t| t.rfind('}'))
            .unwrap_or(span.end())
    }

    /// A node whose fields go in a `{ … }`: one line, or a block.
    fn with_fields(
        &self,
        group: &'static str,
        mut cells: Vec<String>,
        span: Span,
        fields: Vec<Node>,
    ) -> Node {
        if fields.is_empty() {
            return Node::line(group, cells, span);
        }
        let open = self
            .text
            .get(..fields.first().map_or(span.end(), |f| f.span.start()))
            .and_then(|t| t.rfind('{'))
            .unwrap_or(span.start());
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
            block: Some((fields, self.close_of(span))),
        }
    }

    // ---------------------------------------------------------- items

    fn contract(&self, contract: &Contract) -> Node {
        let items = contract.items.iter().map(|i| self.item(i)).collect();
        Node {
            group: "",
            cells: vec!["contract".into(), self.text(&contract.title)],
            span: contract.span,
            block: Some((items, self.close_of(contract.span))),
        }
    }

    fn item(&self, item: &Item) -> Node {
        let span = item.span;
        let header = |keyword: &str, value: String| {
            Node::line("header", vec![keyword.to_string(), value], span)
        };
        match &item.kind {
            ItemKind::Id(t) => header("id", self.text(t)),
            ItemKind::Version(t) => header("version", self.text(t)),
            ItemKind::Language(l) => header("language", l.node.clone()),
            ItemKind::PartOf(t) => header("part-of", self.text(t)),
            ItemKind::Effective { from, to } => {
                let date = |d: &crate::source::Spanned<Fill<chrono::NaiveDate>>| match &d.node {
                    Fill::Value(date) => date.to_string(),
                    Fill::Placeholder(_) => self.src(d.span),
                };
                let value = match to {
                    Some(to) => format!("{}..{}", date(from), date(to)),
                    None => date(from),
                };
                header("effective", value)
            }
            ItemKind::Timezone(t) => header("timezone", self.text(t)),
            ItemKind::Clock(c) => header("clock", c.node.clone()),
            ItemKind::BusinessDay(rule) => {
                let value = match rule {
                    BusinessDay::EndsAtClose => "ends-at-close".to_string(),
                    BusinessDay::SameTime => "same-time".to_string(),
                    BusinessDay::Hours(h) => format!("{} hours", self.src(h.span)),
                };
                Node::line("", vec!["business-day".into(), value], span)
            }
            ItemKind::Party(party) => {
                let fields = party
                    .fields
                    .iter()
                    .map(|f| {
                        Node::line(
                            "field",
                            vec![f.kind.keyword().to_string(), self.text(&f.value)],
                            f.keyword.to(f.value.span),
                        )
                    })
                    .collect();
                self.with_fields(
                    "party",
                    vec![
                        "party".into(),
                        party.role.node.clone(),
                        self.text(&party.name),
                    ],
                    span,
                    fields,
                )
            }
            ItemKind::Term { name, definition } => Node::line(
                "term",
                vec!["term".into(), self.text(name), self.text(definition)],
                span,
            ),
            ItemKind::Scope(lines) => {
                let nodes = lines
                    .iter()
                    .map(|line| match line {
                        ScopeLine::Service { id, label } => Node::line(
                            "service",
                            vec!["service".into(), id.node.clone(), self.text(label)],
                            id.span.to(label.span),
                        ),
                        ScopeLine::Audience(texts) => {
                            let span = texts
                                .iter()
                                .map(|t| t.span)
                                .reduce(Span::to)
                                .unwrap_or(span);
                            let start = self
                                .text
                                .get(..span.start())
                                .and_then(|t| t.rfind("audience"))
                                .unwrap_or(span.start());
                            Node::line(
                                "audience",
                                vec![
                                    "audience".into(),
                                    texts
                                        .iter()
                                        .map(|t| self.text(t))
                                        .collect::<Vec<_>>()
                                        .join(", "),
                                ],
                                Span::new(start, span.end()),
                            )
                        }
                    })
                    .collect();
                Node {
                    group: "",
                    cells: vec!["scope".into()],
                    span,
                    block: Some((nodes, self.close_of(span))),
                }
            }
            ItemKind::Calendar(calendar) => self.calendar(calendar, span),
            ItemKind::Channel(channel) => {
                let fields = channel
                    .fields
                    .iter()
                    .map(|field| match field {
                        ChannelField::Hours { keyword, calendar } => Node::line(
                            "field",
                            vec!["hours".into(), calendar.node.clone()],
                            keyword.to(calendar.span),
                        ),
                        ChannelField::Availability {
                            keyword,
                            percent,
                            period,
                        } => {
                            let mut value = self.fill_number(percent);
                            let mut end = percent.span;
                            if let Some(p) = period {
                                value.push(' ');
                                value.push_str(&self.src(p.span));
                                end = p.span;
                            }
                            Node::line("field", vec!["availability".into(), value], keyword.to(end))
                        }
                        ChannelField::Contact { keyword, value } => Node::line(
                            "field",
                            vec!["contact".into(), self.text(value)],
                            keyword.to(value.span),
                        ),
                    })
                    .collect();
                self.with_fields(
                    "channel",
                    vec![
                        "channel".into(),
                        channel.name.node.clone(),
                        self.text(&channel.label),
                    ],
                    span,
                    fields,
                )
            }
            ItemKind::Priority(priority) => {
                let mut fields: Vec<Node> = priority
                    .definitions
                    .iter()
                    .map(|d| Node::line("definition", vec![self.text(d)], d.span))
                    .collect();
                for clock in &priority.clocks {
                    let start = self
                        .text
                        .get(..clock.span.start())
                        .and_then(|t| t.rfind("clock"))
                        .unwrap_or(clock.span.start());
                    fields.push(Node::line(
                        "field",
                        vec!["clock".into(), clock.node.clone()],
                        Span::new(start, clock.span.end()),
                    ));
                }
                fields.sort_by_key(|f| f.span.start);
                self.with_fields(
                    "priority",
                    vec![
                        "priority".into(),
                        priority.name.node.clone(),
                        self.text(&priority.label),
                    ],
                    span,
                    fields,
                )
            }
            ItemKind::Response(targets) => self.targets("response", targets, span),
            ItemKind::Resolution(targets) => self.targets("resolution", targets, span),
            ItemKind::Fcr { min, period } => {
                let mut value = format!("at least {}", self.fill_number(min));
                if let Some(p) = period {
                    value.push(' ');
                    value.push_str(&self.src(p.span));
                }
                Node::line("measure", vec!["fcr".into(), value], span)
            }
            ItemKind::Csat(csat) => {
                let mut value = match &csat.goal {
                    CsatGoalAst::Score(min) => format!("at least {}", self.fill_number(min)),
                    CsatGoalAst::Satisfied(min) => {
                        format!("at least {} satisfied", self.fill_number(min))
                    }
                };
                if let Some(scale) = &csat.scale {
                    let (low, high) = scale.node;
                    value.push_str(&format!(" on {low}..{high}"));
                }
                if let Some(p) = &csat.period {
                    value.push(' ');
                    value.push_str(&self.src(p.span));
                }
                if !csat.methods.is_empty() {
                    let methods: Vec<String> = csat.methods.iter().map(|m| self.text(m)).collect();
                    value.push_str(&format!(" method {}", methods.join(", ")));
                }
                Node::line("measure", vec!["csat".into(), value], span)
            }
            ItemKind::Support(lines) => {
                let nodes = lines
                    .iter()
                    .map(|line| match line {
                        SupportLine::SubmitVia { keyword, channels } => {
                            let names: Vec<String> =
                                channels.iter().map(|c| c.node.clone()).collect();
                            let end = channels.last().map_or(*keyword, |c| c.span);
                            Node::line(
                                "submit",
                                vec!["submit via".into(), names.join(", ")],
                                keyword.to(end),
                            )
                        }
                        SupportLine::Escalate {
                            keyword,
                            priority,
                            after,
                            to,
                        } => Node::line(
                            "escalate",
                            vec![
                                "escalate".into(),
                                format!(
                                    "{} after {} to {}",
                                    priority.node,
                                    self.duration(after),
                                    self.text(to)
                                ),
                            ],
                            keyword.to(to.span),
                        ),
                    })
                    .collect();
                Node {
                    group: "",
                    cells: vec!["support".into()],
                    span,
                    block: Some((nodes, self.close_of(span))),
                }
            }
        }
    }

    fn calendar(&self, calendar: &Calendar, span: Span) -> Node {
        let mut cells = vec!["calendar".to_string(), calendar.name.node.clone()];
        if let Some(label) = &calendar.label {
            cells.push(self.text(label));
        }
        if calendar.always.is_some() {
            cells.push("24x7".into());
            return Node::line("", cells, span);
        }
        let lines: Vec<Node> = calendar
            .lines
            .iter()
            .map(|line| match line {
                CalendarLine::Weekly { days, spans, span } => {
                    let days: Vec<String> = days.iter().map(|d| self.src(d.span)).collect();
                    Node::line(
                        "calendar-line",
                        vec![days.join(", "), Self::spans(spans)],
                        *span,
                    )
                }
                CalendarLine::Closed {
                    keyword,
                    from,
                    to,
                    note,
                } => {
                    let mut value = if from.node == to.node {
                        from.node.to_string()
                    } else {
                        format!("{}..{}", from.node, to.node)
                    };
                    let mut end = to.span;
                    if let Some(note) = note {
                        value.push(' ');
                        value.push_str(&self.text(note));
                        end = note.span;
                    }
                    Node::line(
                        "calendar-line",
                        vec!["closed".into(), value],
                        keyword.to(end),
                    )
                }
                CalendarLine::Open {
                    keyword,
                    date,
                    spans,
                    note,
                } => {
                    let mut value = format!("{} {}", date.node, Self::spans(spans));
                    let mut end = spans.last().map_or(date.span, |s| s.span);
                    if let Some(note) = note {
                        value.push(' ');
                        value.push_str(&self.text(note));
                        end = note.span;
                    }
                    Node::line("calendar-line", vec!["open".into(), value], keyword.to(end))
                }
                CalendarLine::Timezone(zone) => {
                    let start = self
                        .text
                        .get(..zone.span.start())
                        .and_then(|t| t.rfind("timezone"))
                        .unwrap_or(zone.span.start());
                    Node::line(
                        "calendar-line",
                        vec!["timezone".into(), self.text(zone)],
                        Span::new(start, zone.span.end()),
                    )
                }
            })
            .collect();
        self.with_fields("", cells, span, lines)
    }

    fn targets(&self, keyword: &str, targets: &[TargetLine], span: Span) -> Node {
        let nodes = targets
            .iter()
            .map(|t| {
                let mut value = format!("within {}", self.duration(&t.within));
                if t.or_workaround.is_some() {
                    value.push_str(" or workaround");
                }
                if let Some(share) = &t.attainment {
                    value.push_str(&format!(" for {}", self.fill_number(share)));
                }
                Node::line("target", vec![t.priority.node.clone(), value], t.span)
            })
            .collect();
        Node {
            group: "",
            cells: vec![keyword.to_string()],
            span,
            block: Some((nodes, self.close_of(span))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(text: &str) -> String {
        format_source(&SourceFile::new("t.sla", text)).unwrap_or_else(|e| panic!("{e:?}"))
    }

    #[test]
    fn shipped_contracts_are_formatted() {
        for text in [
            include_str!("../contracts/acme-support.sla"),
            include_str!("../contracts/globex-helpdesk.sla"),
            include_str!("../contracts/templates/customer-service.zh-CN.sla"),
            include_str!("../contracts/templates/customer-service.en.sla"),
        ] {
            let once = fmt(text);
            assert_eq!(fmt(&once), once, "not idempotent");
            assert_eq!(once, text, "a shipped contract is not in canonical form");
        }
    }

    #[test]
    fn layout_is_normalised_and_comments_kept() {
        let messy = "// head\ncontract \"x\" {   // title\n  id \"a\"\n      version \"1\"\n\n\n  response {\n P1 within 15 min // fast\n  P22 within 1 hour }\n}\n";
        let expected = "// head\ncontract \"x\" {  // title\n  id      \"a\"\n  version \"1\"\n\n  response {\n    P1  within 15 minutes  // fast\n    P22 within 1 hour\n  }\n}\n";
        assert_eq!(fmt(messy), expected);
    }

    #[test]
    fn files_with_syntax_errors_are_refused() {
        let result = format_source(&SourceFile::new(
            "t.sla",
            "contract \"x\" {\n  bogus line\n}\n",
        ));
        assert!(matches!(result, Err(FormatError::Syntax(d)) if !d.is_empty()));
    }
}
