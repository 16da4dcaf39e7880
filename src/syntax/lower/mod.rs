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
mod items;
mod recovery;
mod span;
mod values;

use super::Rule;
use crate::ast::*;
use crate::diagnostic::{Code, Diagnostic};
use crate::source::{SourceFile, Span, Spanned};
use pest::iterators::{Pair, Pairs};
use recovery::Context;
use span::span_of;

type P<'i> = Pair<'i, Rule>;

pub(super) struct Lowering<'s> {
    source: &'s SourceFile,
    diagnostics: Vec<Diagnostic>,
    placeholders: Vec<Spanned<String>>,
    unreadable: Vec<Span>,
}

impl<'s> Lowering<'s> {
    pub(super) fn new(source: &'s SourceFile) -> Self {
        Lowering {
            source,
            diagnostics: Vec::new(),
            placeholders: Vec::new(),
            unreadable: Vec::new(),
        }
    }

    pub(super) fn into_diagnostics(self) -> Vec<Diagnostic> {
        self.diagnostics
    }

    fn push(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    /// The grammar produced a tree this lowering did not expect.
    fn internal(&mut self, span: Span, rule: Option<Rule>) {
        self.push(
            Diagnostic::new(
                Code::E001,
                span,
                format!("internal error: unexpected syntax tree shape ({rule:?})"),
            )
            .with_help("this is a bug in slac; please report it with this file"),
        );
    }

    pub(super) fn file(&mut self, pair: P<'_>, comments: Vec<Comment>) -> File {
        let mut contracts = Vec::new();
        for child in pair.into_inner() {
            match child.as_rule() {
                Rule::contract => {
                    if let Some(contract) = self.contract(child) {
                        contracts.push(contract);
                    }
                }
                Rule::EOI => {}
                other => self.internal(span_of(&child), Some(other)),
            }
        }
        let end = self.source.text().len();
        File {
            contracts,
            comments,
            placeholders: std::mem::take(&mut self.placeholders),
            unreadable: std::mem::take(&mut self.unreadable),
            end: Span::new(end, end),
        }
    }

    fn contract(&mut self, pair: P<'_>) -> Option<Contract> {
        let span = span_of(&pair);
        let mut inner = pair.into_inner();
        let keyword = span_of(&inner.next()?);
        let title = self.text(inner.next()?)?;
        let items = self.lines(inner, Context::Contract, |l, pair| l.item(pair));
        Some(Contract {
            title,
            items,
            keyword,
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
        pairs: Pairs<'_, Rule>,
        context: Context,
        mut line: impl FnMut(&mut Self, P<'_>) -> Option<T>,
    ) -> Vec<T> {
        let mut out = Vec::new();
        let mut previous: Option<Span> = None;
        for pair in pairs {
            let span = span_of(&pair);
            previous = match pair.as_rule() {
                Rule::lbrace | Rule::rbrace => None,
                Rule::junk => {
                    if self.recover(&pair, previous, context) {
                        out.pop();
                    }
                    None
                }
                _ => match line(self, pair) {
                    Some(lowered) => {
                        out.push(lowered);
                        Some(span)
                    }
                    None => {
                        self.unreadable.push(span);
                        None
                    }
                },
            };
        }
        out
    }
}
