//! A cursor over the children of one pair, which expects the rules the
//! grammar says come next and reports E000 when the tree does not match.
//!
//! Every lowering function takes its parts through [`Lowering::expect`] (a
//! part the grammar requires), [`Children::optional`] (a part it allows) and
//! [`Lowering::end`] (nothing may be left over). So a grammar edit the
//! lowering was not taught about is an E000 with the span and the rules,
//! never an item dropped in silence — and an E000 is an error, so no model
//! is built from the file.

use super::span::{span_of, trimmed};
use super::{Lowering, P};
use crate::diagnostic::{Code, Diagnostic};
use crate::source::Span;
use crate::syntax::Rule;
use pest::iterators::Pairs;

/// The children of a pair still to be lowered.
pub(super) struct Children<'i> {
    pairs: Pairs<'i, Rule>,
    /// The rule whose children these are, named in E000.
    parent: Rule,
    /// The parent's span, untrimmed: trimmed only for an E000 (a missing
    /// child is reported at its end), not for every pair opened.
    whole: pest::Span<'i>,
}

impl<'i> Children<'i> {
    pub(super) fn new(pairs: Pairs<'i, Rule>, parent: Rule, whole: pest::Span<'i>) -> Self {
        Children {
            pairs,
            parent,
            whole,
        }
    }

    /// Where a missing child would have been: the end of the parent.
    fn end(&self) -> Span {
        let end = trimmed(self.whole).end();
        Span::new(end, end)
    }

    /// The rule of the next child, if any, without taking it.
    pub(super) fn peek(&self) -> Option<Rule> {
        self.pairs.peek().map(|p| p.as_rule())
    }

    /// The next child when it is `rule` (a part the grammar allows).
    pub(super) fn optional(&mut self, rule: Rule) -> Option<P<'i>> {
        (self.peek() == Some(rule))
            .then(|| self.pairs.next())
            .flatten()
    }

    /// Takes the next child, whatever its rule (callers match on it and
    /// report the rules they do not expect through [`Lowering::unexpected`]).
    pub(super) fn next_any(&mut self) -> Option<P<'i>> {
        self.pairs.next()
    }
}

impl Lowering<'_> {
    /// Checks that `pair` is a `rule` and opens its children.
    pub(super) fn open<'i>(&mut self, pair: P<'i>, rule: Rule) -> Option<Children<'i>> {
        if pair.as_rule() != rule {
            self.unexpected(&pair, rule, &format!("`{rule:?}`"));
            return None;
        }
        let whole = pair.as_span();
        Some(Children::new(pair.into_inner(), rule, whole))
    }

    /// The next child, which the grammar says is a `rule`; E000 otherwise.
    pub(super) fn expect<'i>(&mut self, children: &mut Children<'i>, rule: Rule) -> Option<P<'i>> {
        self.expect_one_of(children, &[rule])
    }

    /// The next child, which the grammar says is one of `rules`.
    pub(super) fn expect_one_of<'i>(
        &mut self,
        children: &mut Children<'i>,
        rules: &[Rule],
    ) -> Option<P<'i>> {
        match children.pairs.next() {
            Some(pair) if rules.contains(&pair.as_rule()) => Some(pair),
            Some(pair) => {
                self.unexpected(&pair, children.parent, &expected(rules));
                None
            }
            None => {
                self.internal(
                    children.end(),
                    children.parent,
                    format!("expected {}, found nothing", expected(rules)),
                );
                None
            }
        }
    }

    /// Nothing may be left of `children`: a part the lowering does not take
    /// would be lost.
    pub(super) fn end(&mut self, mut children: Children<'_>) -> Option<()> {
        match children.pairs.next() {
            None => Some(()),
            Some(pair) => {
                let parent = children.parent;
                self.unexpected(&pair, parent, "nothing more");
                None
            }
        }
    }

    /// E000 for a child of `parent` that is not what the lowering expected.
    pub(super) fn unexpected(&mut self, pair: &P<'_>, parent: Rule, expected: &str) {
        let found = pair.as_rule();
        self.internal(
            span_of(pair),
            parent,
            format!("expected {expected}, found `{found:?}`"),
        );
    }

    /// The grammar produced a tree this lowering did not expect: E000, with
    /// the rule being lowered, at `span`.
    pub(super) fn internal(&mut self, span: Span, rule: Rule, what: String) {
        self.push(
            Diagnostic::new(
                Code::E000,
                span,
                format!(
                    "internal error: the grammar and the lowering disagree in `{rule:?}`: {what}"
                ),
            )
            .with_label("the lowering cannot read this")
            .with_help(
                "this is a bug in slac, not in the contract; please report this, with the file",
            ),
        );
    }

    /// A value the grammar should have refused (digits that do not parse,
    /// a word the rule does not allow): E000 at it.
    pub(super) fn not_lexed(&mut self, pair: &P<'_>) {
        let rule = pair.as_rule();
        self.internal(
            span_of(pair),
            rule,
            format!("`{}` is not a `{rule:?}`", pair.as_str()),
        );
    }
}

/// "`a` or `b`": the rules an E000 says were expected (written only when
/// one is reported: every child of every line passes through the cursor).
fn expected(rules: &[Rule]) -> String {
    rules
        .iter()
        .map(|r| format!("`{r:?}`"))
        .collect::<Vec<_>>()
        .join(" or ")
}
