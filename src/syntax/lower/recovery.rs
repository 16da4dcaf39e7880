//! Recovery: a `junk` line re-parsed alone by the rule its first word asks
//! for, so pest says precisely what it expected there (E001), or an unknown
//! item or field (E002) with the nearest known word.

use super::context::Context;
use super::guess;
use super::span::span_of;
use super::{Lowering, P};
use crate::diagnostic::{did_you_mean, Code, Diagnostic};
use crate::model::WEEKDAYS;
use crate::source::Span;
use crate::syntax::errors::syntax_error;
use crate::syntax::SlaParser;
use pest::Parser as _;

/// Where a word that is unknown here belongs instead, if anywhere.
fn belongs_elsewhere(word: &str) -> Option<&'static str> {
    Some(match word {
        "closed" | "open" | "daily" => "calendar lines go inside `calendar NAME \"LABEL\" { … }`",
        w if WEEKDAYS.iter().any(|d| w.starts_with(d)) => {
            "weekly hours go inside `calendar NAME \"LABEL\" { … }`"
        }
        "service" | "audience" => "services and audiences go inside `scope { … }`",
        "short" | "contact" | "signatory" => "party fields go inside `party client \"NAME\" { … }`",
        "hours" | "availability" => "channel fields go inside `channel NAME \"LABEL\" { … }`",
        "submit" | "escalate" => "these lines go inside `support { … }`",
        "within" => "targets go inside `response { … }` or `resolution { … }`",
        _ => return None,
    })
}

impl Lowering<'_> {
    /// Reports a line that matched no rule: re-parsed alone for a precise
    /// E001, or an E002 for a word this place does not know.
    /// Returns true when the line began with the item just before the junk
    /// (`previous`), which the caller then drops: it was only half read.
    pub(super) fn recover(
        &mut self,
        junk: &P<'_>,
        previous: Option<Span>,
        context: Context,
    ) -> bool {
        let text = self.source.text();
        let junk_span = span_of(junk);
        // More junk on the line of the last unreadable one is part of it.
        if let Some(last) = self.unreadable.last_mut() {
            let between = text.get(last.end()..junk_span.start()).unwrap_or("\n");
            if last.end <= junk_span.start && !between.contains('\n') {
                *last = last.to(junk_span);
                return false;
            }
        }
        self.unreadable.push(junk_span);
        // A line that began with a good item and went wrong later is read
        // whole: the error is in the line, not in its tail.
        let start = match previous {
            Some(prev)
                if prev.end <= junk_span.start
                    && !text
                        .get(prev.end()..junk_span.start())
                        .unwrap_or("\n")
                        .contains('\n')
                    && !matches!(text.get(prev.start()..prev.start() + 1), Some("{")) =>
            {
                prev.start()
            }
            _ => junk_span.start(),
        };
        let snippet = text.get(start..junk_span.end()).unwrap_or("");
        guess::guess(snippet, context, &mut self.dropped);
        let word: String = snippet
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
            .collect();
        let starts_with_letter = word.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
        if starts_with_letter && !context.knows(&word) {
            let span = Span::new(start, start + word.len());
            let help = did_you_mean(&word, context.keywords().iter().copied())
                .map(|k| format!("did you mean `{k}`?"))
                .or_else(|| {
                    (context == Context::Contract)
                        .then(|| belongs_elsewhere(&word).map(str::to_string))
                        .flatten()
                })
                .unwrap_or_else(|| format!("expected one of: {}", context.keywords().join(", ")));
            self.push(
                Diagnostic::new(Code::E002, span, context.unknown(&word))
                    .with_label("not known here")
                    .with_help(help),
            );
            return start < junk_span.start();
        }
        match SlaParser::parse(context.rule(), snippet) {
            Err(error) => self.push(syntax_error(&error, start, snippet).in_line()),
            Ok(_) => self.push(
                Diagnostic::new(Code::E001, junk_span, "this line could not be read here")
                    .with_help("check that it stands inside the right block"),
            ),
        }
        start < junk_span.start()
    }

    /// A `field_junk`: an unknown field, or a known one with a bad value.
    pub(super) fn recover_field(&mut self, junk: &P<'_>, context: Context) {
        self.recover(junk, None, context);
    }
}

impl Diagnostic {
    /// In a re-parsed line, the end of the input is the end of the line.
    pub(crate) fn in_line(mut self) -> Self {
        self.message = self.message.replace("end of file", "end of line");
        if let Some(label) = &mut self.label {
            *label = label.replace("end of file", "end of line");
        }
        self
    }
}
