//! Blocks: the bodies of parties, scope, calendars, channels, priorities
//! and support, each line by its own function.

use super::context::Context;
use super::cursor::Children;
use super::span::span_of;
use super::{present, Lowering, P};
use crate::ast::*;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::TimeSpan;
use crate::source::{Span, Spanned};
use crate::syntax::Rule;
use chrono::NaiveDate;

/// The parts of a `closed` line: keyword, first date, last date, note.
pub(super) type ClosedDays = (Span, Spanned<NaiveDate>, Spanned<NaiveDate>, Option<Text>);

/// Weekdays as written (`mon-fri`), Monday = 0.
type Days = Spanned<Vec<usize>>;

impl Lowering<'_> {
    /// `party client "NAME" { … }`, after `party`.
    pub(super) fn party(&mut self, c: &mut Children<'_>) -> Option<(Party, Option<Braces>)> {
        let role = self.ident(c)?;
        let name = self.text_child(c)?;
        let (fields, braces) = match c.optional(Rule::party_block) {
            Some(block) => {
                let (fields, braces) =
                    self.fields(block, Rule::party_block, Context::Party, |l, field| {
                        l.party_field(field)
                    })?;
                (fields, Some(braces))
            }
            None => (Vec::new(), None),
        };
        Some((Party { role, name, fields }, braces))
    }

    /// `short "…"`, `contact "…"` or `signatory "…"`.
    pub(super) fn party_field(&mut self, field: P<'_>) -> Option<PartyField> {
        let mut c = self.open(field, Rule::party_field)?;
        let keyword = self.expect_one_of(
            &mut c,
            &[Rule::kw_short, Rule::kw_contact, Rule::kw_signatory],
        )?;
        let kind = match keyword.as_rule() {
            Rule::kw_short => PartyFieldKind::Short,
            Rule::kw_contact => PartyFieldKind::Contact,
            Rule::kw_signatory => PartyFieldKind::Signatory,
            _ => {
                self.unexpected(&keyword, Rule::party_field, "a party field keyword");
                return None;
            }
        };
        let value = self.text_child(&mut c)?;
        self.end(c)?;
        Some(PartyField {
            kind,
            keyword: span_of(&keyword),
            value,
        })
    }

    /// The body of `scope { … }`.
    pub(super) fn scope(&mut self, c: &mut Children<'_>) -> Option<(Vec<ScopeLine>, Braces)> {
        let lines = self.lines(c, Context::Scope, |l, line| match line.as_rule() {
            Rule::service_line => {
                let mut c = l.open(line, Rule::service_line)?;
                l.expect(&mut c, Rule::kw_service)?;
                let id = l.ident(&mut c)?;
                let label = l.text_child(&mut c)?;
                l.end(c)?;
                Some(ScopeLine::Service { id, label })
            }
            Rule::audience_line => {
                let mut c = l.open(line, Rule::audience_line)?;
                let keyword = span_of(&l.expect(&mut c, Rule::kw_audience)?);
                let mut texts = vec![l.text_child(&mut c)?];
                while c.peek().is_some() {
                    texts.push(l.text_child(&mut c)?);
                }
                Some(ScopeLine::Audience { keyword, texts })
            }
            _ => {
                l.unexpected(&line, Rule::scope_item, "a scope line");
                None
            }
        })?;
        Some((lines.lines, lines.braces))
    }

    /// `calendar NAME "LABEL" { … }` or `… 24x7`, after `calendar`.
    pub(super) fn calendar(
        &mut self,
        c: &mut Children<'_>,
        span: Span,
    ) -> Option<(Calendar, Option<Braces>)> {
        let name = self.ident(c)?;
        let label = present(c.optional(Rule::text).map(|t| self.text(t)))?;
        let body = self.expect_one_of(c, &[Rule::kw_24x7, Rule::calendar_body])?;
        let (always, lines, braces) = if body.as_rule() == Rule::kw_24x7 {
            (Some(span_of(&body)), Vec::new(), None)
        } else {
            let (lines, braces) = self.calendar_body(body)?;
            (None, lines, Some(braces))
        };
        let calendar = Calendar {
            name,
            span,
            label,
            always,
            lines,
        };
        Some((calendar, braces))
    }

    pub(super) fn calendar_body(&mut self, body: P<'_>) -> Option<(Vec<CalendarLine>, Braces)> {
        let mut c = self.open(body, Rule::calendar_body)?;
        let lines = self.lines(&mut c, Context::Calendar, |l, line| match line.as_rule() {
            Rule::weekly_line => l.weekly_line(line),
            Rule::closed_line => l.closed_line(line),
            Rule::open_line => l.open_line(line),
            Rule::calendar_holidays => l.calendar_holidays(line),
            Rule::calendar_timezone => {
                let mut c = l.open(line, Rule::calendar_timezone)?;
                let keyword = span_of(&l.expect(&mut c, Rule::kw_timezone)?);
                let zone = l.text_child(&mut c)?;
                l.end(c)?;
                Some(CalendarLine::Timezone { keyword, zone })
            }
            _ => {
                l.unexpected(&line, Rule::calendar_body, "a calendar line");
                None
            }
        })?;
        self.end(c)?;
        Some((lines.lines, lines.braces))
    }

    /// `mon-fri, sat 09:00-12:00, 13:00-18:00`
    pub(super) fn weekly_line(&mut self, line: P<'_>) -> Option<CalendarLine> {
        let span = span_of(&line);
        let mut c = self.open(line, Rule::weekly_line)?;
        let (days, spans) = self.days_and_spans(&mut c)?;
        self.end(c)?;
        Some(CalendarLine::Weekly { days, spans, span })
    }

    /// `mon-fri, sat 09:00-12:00, 13:00-18:00` after its keyword, if any: a
    /// calendar's weekly line, a maintenance window. `None` after a bad day.
    pub(super) fn days_and_spans(
        &mut self,
        c: &mut Children<'_>,
    ) -> Option<(Vec<Days>, Vec<Spanned<TimeSpan>>)> {
        let mut days = Vec::new();
        let mut valid = true;
        while c.peek() == Some(Rule::weekdays) {
            let pair = self.expect(c, Rule::weekdays)?;
            match self.weekdays(&pair) {
                Some(d) => days.push(d),
                None => valid = false,
            }
        }
        let spans = self.expect(c, Rule::spans)?;
        let spans = self.spans(spans);
        valid.then_some((days, spans))
    }

    pub(super) fn closed_line(&mut self, line: P<'_>) -> Option<CalendarLine> {
        let (keyword, from, to, note) = self.closed_days(line)?;
        Some(CalendarLine::Closed {
            keyword,
            from,
            to,
            note,
        })
    }

    /// A calendar's `closed FROM[..TO] ["note"]`.
    fn closed_days(&mut self, line: P<'_>) -> Option<ClosedDays> {
        let mut c = self.open(line, Rule::closed_line)?;
        let keyword = span_of(&self.expect(&mut c, Rule::kw_closed)?);
        self.closed_dates(c, keyword)
    }

    /// `FROM[..TO] ["note"]` after `closed`, in a calendar or a holiday set:
    /// the keyword, the first and last dates and the note.
    pub(super) fn closed_dates(
        &mut self,
        mut c: Children<'_>,
        keyword: Span,
    ) -> Option<ClosedDays> {
        let from = self.expect(&mut c, Rule::date)?;
        let from = self.date(&from);
        let to = match c.optional(Rule::range_sep) {
            Some(_) => {
                let to = self.expect(&mut c, Rule::date)?;
                Some(self.date(&to))
            }
            None => None,
        };
        let note = present(c.optional(Rule::text).map(|t| self.text(t)))?;
        self.end(c)?;
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
        Some((keyword, from, to, note))
    }

    pub(super) fn open_line(&mut self, line: P<'_>) -> Option<CalendarLine> {
        let mut c = self.open(line, Rule::open_line)?;
        let keyword = span_of(&self.expect(&mut c, Rule::kw_open)?);
        let date = self.expect(&mut c, Rule::date)?;
        let date = self.date(&date);
        let spans = match c.optional(Rule::spans) {
            Some(spans) => self.spans(spans),
            None => Vec::new(),
        };
        let like = present(c.optional(Rule::open_as).map(|a| self.open_as(a)))?;
        let note = present(c.optional(Rule::text).map(|t| self.text(t)))?;
        self.end(c)?;
        Some(CalendarLine::Open {
            keyword,
            date: date?,
            spans,
            like,
            note,
        })
    }

    /// `channel NAME "LABEL" { … }`, after `channel`.
    pub(super) fn channel(&mut self, c: &mut Children<'_>) -> Option<(Channel, Option<Braces>)> {
        let name = self.ident(c)?;
        let label = self.text_child(c)?;
        let (fields, braces) = match c.optional(Rule::channel_block) {
            Some(block) => {
                let (fields, braces) =
                    self.fields(block, Rule::channel_block, Context::Channel, |l, field| {
                        l.channel_field(field)
                    })?;
                (fields, Some(braces))
            }
            None => (Vec::new(), None),
        };
        let channel = Channel {
            name,
            label,
            fields,
        };
        Some((channel, braces))
    }

    /// `aka "urgent", "P1 - Critical"` in a priority or a channel.
    pub(super) fn aka(&mut self, field: P<'_>) -> Option<Aka> {
        let mut c = self.open(field, Rule::aka_field)?;
        let keyword = span_of(&self.expect(&mut c, Rule::kw_aka)?);
        let first = self.expect(&mut c, Rule::string)?;
        let mut names = vec![self.string(first)?];
        while c.peek().is_some() {
            let next = self.expect(&mut c, Rule::string)?;
            names.push(self.string(next)?);
        }
        Some(Aka { keyword, names })
    }

    /// `on "Pending", "On-hold"` after `pause`: the statuses.
    pub(super) fn pause(&mut self, c: &mut Children<'_>) -> Option<Pause> {
        let on = span_of(&self.expect(c, Rule::kw_on)?);
        let first = self.expect(c, Rule::string)?;
        let mut statuses = vec![self.string(first)?];
        while c.peek().is_some() {
            let next = self.expect(c, Rule::string)?;
            statuses.push(self.string(next)?);
        }
        Some(Pause { on, statuses })
    }

    /// `hours NAME`, `availability 99.5% monthly`, `contact "…"` or `aka "…"`.
    pub(super) fn channel_field(&mut self, field: P<'_>) -> Option<ChannelField> {
        let rule = field.as_rule();
        if rule == Rule::aka_field {
            return self.aka(field).map(ChannelField::Aka);
        }
        let (keyword_rule, parent) = match rule {
            Rule::hours_field => (Rule::kw_hours, Rule::hours_field),
            Rule::availability_field => (Rule::kw_availability, Rule::availability_field),
            Rule::contact_field => (Rule::kw_contact, Rule::contact_field),
            _ => {
                self.unexpected(&field, Rule::channel_block, "a channel field");
                return None;
            }
        };
        let mut c = self.open(field, parent)?;
        let keyword = span_of(&self.expect(&mut c, keyword_rule)?);
        let lowered = match rule {
            Rule::hours_field => ChannelField::Hours {
                keyword,
                calendar: self.ident(&mut c)?,
            },
            Rule::availability_field => {
                let percent = self.expect(&mut c, Rule::percent_value)?;
                let percent = self.fill_number(percent)?;
                let period = present(c.optional(Rule::period).map(|p| self.period(p)))?;
                ChannelField::Availability {
                    keyword,
                    percent,
                    period,
                }
            }
            Rule::contact_field => ChannelField::Contact {
                keyword,
                value: self.text_child(&mut c)?,
            },
            _ => {
                self.internal(keyword, rule, "a channel field with no lowering".into());
                return None;
            }
        };
        self.end(c)?;
        Some(lowered)
    }

    /// `priority NAME "LABEL" { "DEFINITION" clock NAME }`, after `priority`.
    pub(super) fn priority(&mut self, c: &mut Children<'_>) -> Option<(Priority, Option<Braces>)> {
        let name = self.ident(c)?;
        let label = self.text_child(c)?;
        let mut definitions = Vec::new();
        let mut clocks = Vec::new();
        let mut akas = Vec::new();
        let mut braces = None;
        if let Some(block) = c.optional(Rule::priority_block) {
            let (_, block_braces) = self.fields(
                block,
                Rule::priority_block,
                Context::Priority,
                |l, field| match field.as_rule() {
                    Rule::definition => {
                        let mut c = l.open(field, Rule::definition)?;
                        definitions.push(l.text_child(&mut c)?);
                        l.end(c)
                    }
                    Rule::priority_clock => {
                        let mut c = l.open(field, Rule::priority_clock)?;
                        let keyword = span_of(&l.expect(&mut c, Rule::kw_clock)?);
                        let calendar = l.ident(&mut c)?;
                        clocks.push(PriorityClock { keyword, calendar });
                        l.end(c)
                    }
                    Rule::aka_field => {
                        akas.push(l.aka(field)?);
                        Some(())
                    }
                    _ => {
                        l.unexpected(&field, Rule::priority_block, "a priority field");
                        None
                    }
                },
            )?;
            braces = Some(block_braces);
        }
        let priority = Priority {
            name,
            label,
            definitions,
            clocks,
            akas,
        };
        Some((priority, braces))
    }

    /// The body of `support { … }`.
    pub(super) fn support(&mut self, c: &mut Children<'_>) -> Option<(Vec<SupportLine>, Braces)> {
        let lines = self.lines(c, Context::Support, |l, line| match line.as_rule() {
            Rule::submit_line => l.submit_line(line),
            Rule::escalate_line => l.escalate_line(line),
            _ => {
                l.unexpected(&line, Rule::support_item, "a support line");
                None
            }
        })?;
        Some((lines.lines, lines.braces))
    }

    /// `submit via portal, hotline`
    pub(super) fn submit_line(&mut self, line: P<'_>) -> Option<SupportLine> {
        let mut c = self.open(line, Rule::submit_line)?;
        let keyword = span_of(&self.expect(&mut c, Rule::kw_submit_via)?);
        let mut channels = vec![self.ident(&mut c)?];
        while c.peek().is_some() {
            channels.push(self.ident(&mut c)?);
        }
        Some(SupportLine::SubmitVia { keyword, channels })
    }

    /// `escalate P1 after 2 hours to "值班经理"`
    pub(super) fn escalate_line(&mut self, line: P<'_>) -> Option<SupportLine> {
        let mut c = self.open(line, Rule::escalate_line)?;
        let keyword = span_of(&self.expect(&mut c, Rule::kw_escalate)?);
        let priority = self.ident(&mut c)?;
        self.expect(&mut c, Rule::kw_after)?;
        let after = self.expect(&mut c, Rule::duration)?;
        let after = self.duration(after)?;
        self.expect(&mut c, Rule::kw_to)?;
        let to = self.text_child(&mut c)?;
        self.end(c)?;
        Some(SupportLine::Escalate {
            keyword,
            priority,
            after,
            to,
        })
    }

    /// The body of `reporting { … }`.
    pub(super) fn reporting(&mut self, c: &mut Children<'_>) -> Option<(Vec<ReportLine>, Braces)> {
        let lines = self.lines(c, Context::Reporting, |l, line| l.report_line(line))?;
        Some((lines.lines, lines.braces))
    }

    /// `report monthly within 5 business days`
    pub(super) fn report_line(&mut self, line: P<'_>) -> Option<ReportLine> {
        let span = span_of(&line);
        let mut c = self.open(line, Rule::report_line)?;
        let keyword = span_of(&self.expect(&mut c, Rule::kw_report)?);
        let period = self.expect(&mut c, Rule::report_period)?;
        let period = self.period_of(period, Rule::report_period, Rule::report_period_word)?;
        self.expect(&mut c, Rule::kw_within)?;
        let within = self.expect(&mut c, Rule::duration)?;
        let within = self.duration(within)?;
        self.end(c)?;
        Some(ReportLine {
            keyword,
            period,
            within,
            span,
        })
    }
}
