//! Blocks: the bodies of parties, scope, calendars, channels, priorities
//! and support, each line by its own function.

use super::recovery::Context;
use super::span::span_of;
use super::values::ident;
use super::{Lowering, P};
use crate::ast::*;
use crate::diagnostic::{Code, Diagnostic};
use crate::source::Span;
use crate::syntax::Rule;
use pest::iterators::Pairs;

impl Lowering<'_> {
    pub(super) fn party(&mut self, mut inner: Pairs<'_, Rule>) -> Option<Party> {
        let role = ident(&inner.next()?);
        let name = self.text(inner.next()?)?;
        let mut fields = Vec::new();
        if let Some(block) = inner.next() {
            for field in block.into_inner() {
                match field.as_rule() {
                    Rule::lbrace | Rule::rbrace => {}
                    Rule::field_junk => self.recover_field(&field, Context::Party),
                    Rule::party_field => {
                        let mut parts = field.into_inner();
                        let keyword = parts.next()?;
                        let kind = match keyword.as_rule() {
                            Rule::kw_short => PartyFieldKind::Short,
                            Rule::kw_contact => PartyFieldKind::Contact,
                            _ => PartyFieldKind::Signatory,
                        };
                        let value = self.text(parts.next()?)?;
                        fields.push(PartyField {
                            kind,
                            keyword: span_of(&keyword),
                            value,
                        });
                    }
                    other => self.internal(span_of(&field), Some(other)),
                }
            }
        }
        Some(Party { role, name, fields })
    }

    pub(super) fn scope(&mut self, inner: Pairs<'_, Rule>) -> Vec<ScopeLine> {
        self.lines(inner, Context::Scope, |l, line| match line.as_rule() {
            Rule::service_line => {
                let mut parts = line.into_inner();
                let _keyword = parts.next();
                let id = ident(&parts.next()?);
                let label = l.text(parts.next()?)?;
                Some(ScopeLine::Service { id, label })
            }
            Rule::audience_line => {
                let texts = line
                    .into_inner()
                    .skip(1)
                    .filter_map(|t| l.text(t))
                    .collect();
                Some(ScopeLine::Audience(texts))
            }
            other => {
                l.internal(span_of(&line), Some(other));
                None
            }
        })
    }

    pub(super) fn calendar(&mut self, mut inner: Pairs<'_, Rule>, span: Span) -> Option<Calendar> {
        let name = ident(&inner.next()?);
        let mut label = None;
        let mut always = None;
        let mut lines = Vec::new();
        for part in inner {
            match part.as_rule() {
                Rule::text => label = self.text(part),
                Rule::kw_24x7 => always = Some(span_of(&part)),
                Rule::calendar_body => lines = self.calendar_body(part),
                other => self.internal(span_of(&part), Some(other)),
            }
        }
        Some(Calendar {
            name,
            span,
            label,
            always,
            lines,
        })
    }

    pub(super) fn calendar_body(&mut self, body: P<'_>) -> Vec<CalendarLine> {
        self.lines(body.into_inner(), Context::Calendar, |l, line| {
            let line_span = span_of(&line);
            match line.as_rule() {
                Rule::weekly_line => {
                    let mut days = Vec::new();
                    let mut spans = Vec::new();
                    let mut valid = true;
                    for part in line.into_inner() {
                        match part.as_rule() {
                            Rule::weekdays => match l.weekdays(&part) {
                                Some(d) => days.push(d),
                                None => valid = false,
                            },
                            Rule::spans => spans = l.spans(part),
                            other => l.internal(span_of(&part), Some(other)),
                        }
                    }
                    valid.then_some(CalendarLine::Weekly {
                        days,
                        spans,
                        span: line_span,
                    })
                }
                Rule::closed_line => l.closed_line(line),
                Rule::open_line => l.open_line(line),
                Rule::calendar_timezone => line
                    .into_inner()
                    .nth(1)
                    .and_then(|t| l.text(t))
                    .map(CalendarLine::Timezone),
                other => {
                    l.internal(line_span, Some(other));
                    None
                }
            }
        })
    }

    pub(super) fn closed_line(&mut self, line: P<'_>) -> Option<CalendarLine> {
        let mut inner = line.into_inner();
        let keyword = span_of(&inner.next()?);
        let from = self.date(&inner.next()?);
        let mut to = None;
        let mut note = None;
        for part in inner {
            match part.as_rule() {
                Rule::range_sep => {}
                Rule::date => to = Some(self.date(&part)),
                _ => note = self.text(part),
            }
        }
        let from = from?;
        let to = match to {
            Some(to) => to?,
            None => from,
        };
        if to.node < from.node {
            self.push(
                Diagnostic::new(
                    Code::E020,
                    from.span.to(to.span),
                    format!("reversed date range: {} is before {}", to.node, from.node),
                )
                .with_label("ends before it starts")
                .with_help(format!("write `{}..{}`", to.node, from.node)),
            );
            return None;
        }
        Some(CalendarLine::Closed {
            keyword,
            from,
            to,
            note,
        })
    }

    pub(super) fn open_line(&mut self, line: P<'_>) -> Option<CalendarLine> {
        let mut inner = line.into_inner();
        let keyword = span_of(&inner.next()?);
        let date = self.date(&inner.next()?);
        let spans = self.spans(inner.next()?);
        let note = inner.next().and_then(|t| self.text(t));
        Some(CalendarLine::Open {
            keyword,
            date: date?,
            spans,
            note,
        })
    }

    pub(super) fn channel(&mut self, mut inner: Pairs<'_, Rule>) -> Option<Channel> {
        let name = ident(&inner.next()?);
        let label = self.text(inner.next()?)?;
        let mut fields = Vec::new();
        if let Some(block) = inner.next() {
            for field in block.into_inner() {
                let rule = field.as_rule();
                if matches!(rule, Rule::lbrace | Rule::rbrace) {
                    continue;
                }
                if rule == Rule::field_junk {
                    self.recover_field(&field, Context::Channel);
                    continue;
                }
                let mut parts = field.into_inner();
                let keyword = span_of(&parts.next()?);
                match rule {
                    Rule::hours_field => fields.push(ChannelField::Hours {
                        keyword,
                        calendar: ident(&parts.next()?),
                    }),
                    Rule::availability_field => {
                        let percent = self.fill_number(parts.next()?)?;
                        let period = parts.next().map(|p| self.period(p));
                        fields.push(ChannelField::Availability {
                            keyword,
                            percent,
                            period,
                        });
                    }
                    Rule::contact_field => fields.push(ChannelField::Contact {
                        keyword,
                        value: self.text(parts.next()?)?,
                    }),
                    other => self.internal(keyword, Some(other)),
                }
            }
        }
        Some(Channel {
            name,
            label,
            fields,
        })
    }

    pub(super) fn priority(&mut self, mut inner: Pairs<'_, Rule>) -> Option<Priority> {
        let name = ident(&inner.next()?);
        let label = self.text(inner.next()?)?;
        let mut definitions = Vec::new();
        let mut clocks = Vec::new();
        if let Some(block) = inner.next() {
            for field in block.into_inner() {
                match field.as_rule() {
                    Rule::lbrace | Rule::rbrace => {}
                    Rule::field_junk => self.recover_field(&field, Context::Priority),
                    Rule::definition => {
                        if let Some(text) = field.into_inner().next().and_then(|t| self.text(t)) {
                            definitions.push(text);
                        }
                    }
                    Rule::priority_clock => {
                        if let Some(name) = field.into_inner().nth(1) {
                            clocks.push(ident(&name));
                        }
                    }
                    other => self.internal(span_of(&field), Some(other)),
                }
            }
        }
        Some(Priority {
            name,
            label,
            definitions,
            clocks,
        })
    }

    pub(super) fn support(&mut self, inner: Pairs<'_, Rule>) -> Vec<SupportLine> {
        self.lines(inner, Context::Support, |l, line| match line.as_rule() {
            Rule::submit_line => {
                let line_span = span_of(&line);
                let mut parts = line.into_inner();
                let keyword = parts.next().map(|k| span_of(&k)).unwrap_or(line_span);
                let channels = parts.map(|p| ident(&p)).collect();
                Some(SupportLine::SubmitVia { keyword, channels })
            }
            Rule::escalate_line => l.escalate_line(line),
            other => {
                l.internal(span_of(&line), Some(other));
                None
            }
        })
    }

    pub(super) fn escalate_line(&mut self, line: P<'_>) -> Option<SupportLine> {
        let mut inner = line.into_inner();
        let keyword = span_of(&inner.next()?);
        let priority = ident(&inner.next()?);
        let _after = inner.next()?;
        let after = self.duration(inner.next()?)?;
        let _to = inner.next()?;
        let to = self.text(inner.next()?)?;
        Some(SupportLine::Escalate {
            keyword,
            priority,
            after,
            to,
        })
    }
}
