//! Holiday sets and the `closed`/`open` lines they share with calendars.

use super::layout::{Formatter, Node};
use crate::ast::*;
use crate::model::WEEKDAYS;
use crate::source::{Span, Spanned};
use chrono::NaiveDate;

impl Formatter<'_> {
    /// `holidays ID "LABEL" { … }`: its lines aligned as a calendar's.
    pub(super) fn holiday_set(&self, keyword: &str, set: &HolidaySet, item: &Item) -> Node {
        let cells = vec![
            keyword.to_string(),
            set.name.node.clone(),
            self.text(&set.label),
        ];
        let lines: Vec<Node> = set
            .lines
            .iter()
            .map(|line| match line {
                SetLine::Closed {
                    keyword,
                    from,
                    to,
                    note,
                } => self.closed_line(*keyword, from, to, note.as_ref()),
                SetLine::Open {
                    keyword,
                    dates,
                    like,
                    note,
                } => {
                    let end = dates.last().map_or(*keyword, |d| d.span);
                    let value: Vec<String> = dates.iter().map(|d| d.node.to_string()).collect();
                    self.open_line(
                        *keyword,
                        value.join(", "),
                        end,
                        like.as_ref(),
                        note.as_ref(),
                    )
                }
                SetLine::Yearly(line) => self.yearly_line(line),
            })
            .collect();
        self.with_braced_fields("", cells, item.span, lines, item.braces)
    }

    /// `closed FROM[..TO] ["note"]`
    pub(super) fn closed_line(
        &self,
        keyword: Span,
        from: &Spanned<NaiveDate>,
        to: &Spanned<NaiveDate>,
        note: Option<&Text>,
    ) -> Node {
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

    /// `open VALUE [as WEEKDAY] ["note"]`, VALUE being the dates and hours
    /// as laid out already, ending at `end`.
    pub(super) fn open_line(
        &self,
        keyword: Span,
        mut value: String,
        mut end: Span,
        like: Option<&Like>,
        note: Option<&Text>,
    ) -> Node {
        if let Some(like) = like {
            let day = WEEKDAYS.get(like.weekday.node).copied().unwrap_or("");
            value.push_str(" as ");
            value.push_str(day);
            end = like.weekday.span;
        }
        if let Some(note) = note {
            value.push(' ');
            value.push_str(&self.text(note));
            end = note.span;
        }
        Node::line("calendar-line", vec!["open".into(), value], keyword.to(end))
    }
}
