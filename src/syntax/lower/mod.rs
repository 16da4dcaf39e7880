//! Lowering: pest pairs to AST, one function per grammar rule.
//!
//! Lexical values become typed here (dates, times, numbers, units), with
//! E020/E032 at the exact span when they cannot be. A `junk` line is
//! re-parsed alone by the rule its first word asks for, so that pest says
//! precisely what it expected there (E001), or it is an unknown item or
//! field (E002) with the nearest known word. A grammar/lowering mismatch is
//! an internal diagnostic, never a panic.
//!
//! One module per job: [`span`] trims pest's spans, [`recovery`] turns
//! `junk` lines into diagnostics, [`values`] lowers lexical values, and
//! [`items`] and [`blocks`] lower the contract items and their block bodies.
//! This file holds the [`Lowering`] state and the walk over a file's lines.

mod blocks;
mod context;
mod cursor;
mod guess;
mod holidays;
mod items;
mod recovery;
mod remedies;
mod span;
mod values;
mod wording;
mod yearly;

use super::item_rules::item_rule;
use super::Rule;
use crate::ast::*;
use crate::diagnostic::Diagnostic;
use crate::source::{SourceFile, Span, Spanned};
pub(crate) use context::Context;
use cursor::Children;
use pest::iterators::Pair;
use span::span_of;

type P<'i> = Pair<'i, Rule>;

pub(super) struct Lowering<'s> {
    source: &'s SourceFile,
    diagnostics: Vec<Diagnostic>,
    placeholders: Vec<Spanned<String>>,
    unreadable: Vec<Span>,
    dropped: Dropped,
    /// Test-only: lower items of the first rule as if they were of the
    /// second, to show what a grammar/lowering mismatch reports (E000).
    misread: Option<(Rule, Rule)>,
}

impl<'s> Lowering<'s> {
    pub(super) fn new(source: &'s SourceFile) -> Self {
        Lowering {
            source,
            diagnostics: Vec::new(),
            placeholders: Vec::new(),
            unreadable: Vec::new(),
            dropped: Dropped::default(),
            misread: None,
        }
    }

    /// A lowering that reads items of rule `rule` as items of `as_rule`
    /// (both named as in the grammar), or `None` for a name that is no item.
    pub(super) fn misreading(source: &'s SourceFile, rule: &str, as_rule: &str) -> Option<Self> {
        let misread = (item_rule(rule)?, item_rule(as_rule)?);
        Some(Lowering {
            misread: Some(misread),
            ..Lowering::new(source)
        })
    }

    pub(super) fn into_diagnostics(self) -> Vec<Diagnostic> {
        self.diagnostics
    }

    fn push(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    /// The number of diagnostics so far, to tell whether a lowering that
    /// returned nothing has said why.
    fn said(&self) -> usize {
        self.diagnostics.len()
    }

    /// The safety net under every "lowered to nothing": a `None` that
    /// follows no diagnostic is an E000, so no line is ever dropped in
    /// silence, whatever a lowering function forgot.
    fn silent(&mut self, said_before: usize, span: Span, rule: Rule) {
        if self.said() == said_before {
            self.internal(
                span,
                rule,
                "lowered to nothing, without a diagnostic".into(),
            );
        }
    }

    pub(super) fn file(&mut self, pair: P<'_>, comments: Vec<Comment>) -> File {
        let mut contracts = Vec::new();
        let mut uses = Vec::new();
        let mut top = Vec::new();
        if let Some(mut children) = self.open(pair, Rule::file) {
            while let Some(child) = children.next_any() {
                match child.as_rule() {
                    Rule::use_line => {
                        let (before, span) = (self.said(), span_of(&child));
                        match self.use_line(child) {
                            Some(line) => uses.push(line),
                            None => self.silent(before, span, Rule::use_line),
                        }
                    }
                    Rule::contract => {
                        let (before, span) = (self.said(), span_of(&child));
                        match self.contract(child) {
                            Some(contract) => contracts.push(contract),
                            None => self.silent(before, span, Rule::contract),
                        }
                    }
                    Rule::holidays_item => {
                        let (before, span) = (self.said(), span_of(&child));
                        match self.item(child) {
                            Some(item) => top.push(item),
                            None => {
                                self.silent(before, span, Rule::holidays_item);
                                self.unreadable.push(span);
                            }
                        }
                    }
                    Rule::EOI => {}
                    _ => self.unexpected(
                        &child,
                        Rule::file,
                        "`use`, `contract`, `holidays` or `EOI`",
                    ),
                }
            }
        }
        let end = self.source.text().len();
        let kind = if contracts.is_empty() && !(top.is_empty() && uses.is_empty()) {
            FileKind::Library
        } else {
            FileKind::Contract
        };
        File {
            uses,
            kind,
            contracts,
            top,
            comments,
            placeholders: std::mem::take(&mut self.placeholders),
            unreadable: std::mem::take(&mut self.unreadable),
            dropped: std::mem::take(&mut self.dropped),
            end: Span::new(end, end),
        }
    }

    /// `use "PATH"`: the path unescaped, with the string's span.
    fn use_line(&mut self, pair: P<'_>) -> Option<Use> {
        let span = span_of(&pair);
        let mut c = self.open(pair, Rule::use_line)?;
        self.expect(&mut c, Rule::kw_use)?;
        let string = self.expect(&mut c, Rule::string)?;
        self.end(c)?;
        Some(Use {
            path: self.string(string)?,
            span,
        })
    }

    fn contract(&mut self, pair: P<'_>) -> Option<Contract> {
        let span = span_of(&pair);
        let mut children = self.open(pair, Rule::contract)?;
        let keyword = span_of(&self.expect(&mut children, Rule::kw_contract)?);
        let title = self.text_child(&mut children)?;
        let items = self.lines(&mut children, Context::Contract, |l, pair| l.item(pair))?;
        self.end(children)?;
        Some(Contract {
            title,
            items: items.lines,
            keyword,
            braces: items.braces,
            span,
        })
    }

    /// Lowers the lines of a block, `{`, line…, `}`: each line by `line`
    /// (which reports its own errors and returns `None` after one), each
    /// `junk` by recovery in `context`. A line that began with a good item
    /// and ends in junk is dropped whole; a dropped line still counts as
    /// not read (so "missing …" is not reported because of it).
    fn lines<T>(
        &mut self,
        children: &mut Children<'_>,
        context: Context,
        mut line: impl FnMut(&mut Self, P<'_>) -> Option<T>,
    ) -> Option<Lines<T>> {
        let open = span_of(&self.expect(children, Rule::lbrace)?);
        let mut out = Vec::new();
        let mut previous: Option<Span> = None;
        loop {
            let Some(pair) = children.next_any() else {
                // The grammar requires the `}`.
                self.expect(children, Rule::rbrace)?;
                return None;
            };
            let span = span_of(&pair);
            previous = match pair.as_rule() {
                Rule::rbrace => {
                    return Some(Lines {
                        lines: out,
                        braces: Braces { open, close: span },
                    })
                }
                Rule::junk => {
                    if self.recover(&pair, previous, context) {
                        out.pop();
                    }
                    None
                }
                rule => {
                    let before = self.said();
                    match line(self, pair) {
                        Some(lowered) => {
                            out.push(lowered);
                            Some(span)
                        }
                        None => {
                            self.silent(before, span, rule);
                            self.unreadable.push(span);
                            let text = self.source.text().get(span.start()..span.end());
                            guess::guess(text.unwrap_or(""), context, &mut self.dropped);
                            None
                        }
                    }
                }
            };
        }
    }

    /// Lowers the fields of a one-line block `{ field… }` (a party's, a
    /// channel's, a priority's): each by `field`, each `field_junk` by
    /// recovery in `context`.
    fn fields<T>(
        &mut self,
        block: P<'_>,
        rule: Rule,
        context: Context,
        mut field: impl FnMut(&mut Self, P<'_>) -> Option<T>,
    ) -> Option<(Vec<T>, Braces)> {
        let mut children = self.open(block, rule)?;
        let open = span_of(&self.expect(&mut children, Rule::lbrace)?);
        let mut out = Vec::new();
        loop {
            let Some(pair) = children.next_any() else {
                self.expect(&mut children, Rule::rbrace)?;
                return None;
            };
            match pair.as_rule() {
                Rule::rbrace => {
                    return Some((
                        out,
                        Braces {
                            open,
                            close: span_of(&pair),
                        },
                    ))
                }
                Rule::field_junk => self.recover_field(&pair, context),
                rule => {
                    let (before, span) = (self.said(), span_of(&pair));
                    match field(self, pair) {
                        Some(lowered) => out.push(lowered),
                        None => self.silent(before, span, rule),
                    }
                }
            }
        }
    }
}

/// The lines of a `{ … }` block, and its braces.
struct Lines<T> {
    lines: Vec<T>,
    braces: Braces,
}

/// A part the grammar allows, lowered when present: `None` when it was
/// there and could not be lowered (after a diagnostic), `Some(None)` when
/// it was not there.
fn present<T>(lowered: Option<Option<T>>) -> Option<Option<T>> {
    match lowered {
        None => Some(None),
        Some(value) => value.map(Some),
    }
}

#[cfg(test)]
mod tests;
