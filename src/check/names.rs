//! Declared names: look-ups (E012 with a suggestion), names declared twice
//! (E010) and entries listed twice in a list (W008).

use super::twice::{given_twice, DECLARED};
use super::Checker;
use crate::ast::{Ident, NameKind};
use crate::diagnostic::{did_you_mean, Code, Diagnostic};
use crate::source::Span;

/// The declared names of one kind, in order, with an index for look-ups
/// (contracts can be large: no check is quadratic in their size).
pub(crate) struct Names<'a> {
    list: Vec<&'a str>,
    first: std::collections::HashMap<&'a str, usize>,
}

impl<'a> Names<'a> {
    pub(crate) fn new(names: impl IntoIterator<Item = &'a str>) -> Names<'a> {
        let list: Vec<&str> = names.into_iter().collect();
        let mut first = std::collections::HashMap::with_capacity(list.len());
        for (index, name) in list.iter().enumerate() {
            first.entry(*name).or_insert(index);
        }
        Names { list, first }
    }

    pub(crate) fn contains(&self, name: &str) -> bool {
        self.first.contains_key(name)
    }

    /// The position of the first declaration of `name`.
    pub(crate) fn index(&self, name: &str) -> Option<usize> {
        self.first.get(name).copied()
    }

    pub(crate) fn len(&self) -> usize {
        self.list.len()
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    pub(crate) fn first(&self) -> Option<&'a str> {
        self.list.first().copied()
    }
}

impl Checker<'_> {
    /// E012 unless `name` is one of `known` (a `kind` such as "calendar").
    pub(super) fn resolve(&mut self, name: &Ident, kind: &str, known: &Names<'_>) -> bool {
        if known.contains(&name.node) {
            return true;
        }
        // A line that most likely declared it could not be read: reported.
        if self.dropped.declares(kind, &name.node) {
            return false;
        }
        let known: Vec<&str> = {
            let mut seen = std::collections::HashSet::new();
            known
                .list
                .iter()
                .copied()
                .filter(|n| seen.insert(*n))
                .collect()
        };
        let suggestion = did_you_mean(&name.node, known.iter().copied());
        if let Some(meant) = suggestion {
            if kind == NameKind::Calendar.word() {
                self.meant_calendars.push(meant.to_string());
            } else if kind == NameKind::HolidaySet.word() {
                self.meant_sets.push(meant.to_string());
            }
        }
        let kinds = match kind.strip_suffix('y') {
            Some(stem) => format!("{stem}ies"),
            None => format!("{kind}s"),
        };
        let declared = if known.is_empty() {
            format!("no {kind} is declared")
        } else {
            format!(
                "{kinds} declared: {}",
                known
                    .iter()
                    .map(|k| format!("`{k}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        let help = match suggestion {
            Some(s) => format!("did you mean `{s}`? ({declared})"),
            None => declared,
        };
        self.push(
            Diagnostic::new(
                Code::E012,
                name.span,
                format!("unknown {kind} `{}`", name.node),
            )
            .with_label(format!("no {kind} of this name"))
            .with_help(help),
        );
        false
    }

    /// E010 for each name declared again.
    pub(super) fn unique_names<'a>(
        &mut self,
        kind: &str,
        names: impl IntoIterator<Item = &'a Ident>,
    ) {
        let mut seen: std::collections::HashMap<&str, Span> = std::collections::HashMap::new();
        for name in names {
            if let Some(first) = seen.get(name.node.as_str()) {
                let first_span = *first;
                self.push(given_twice(
                    name.span,
                    Some(first_span),
                    DECLARED,
                    format!("{kind} `{}` is declared twice", name.node),
                    format!("rename one of the {kind}s or remove one"),
                ));
            } else {
                seen.insert(&name.node, name.span);
            }
        }
    }

    /// W008 for each entry of a list given again.
    pub(super) fn unique_entries<'a, T: Eq + std::hash::Hash + 'a>(
        &mut self,
        what: &str,
        entries: impl IntoIterator<Item = (&'a T, Span, String)>,
    ) {
        let mut seen: std::collections::HashMap<&T, Span> = std::collections::HashMap::new();
        for (value, span, shown) in entries {
            if let Some(first) = seen.get(value) {
                let first = *first;
                self.push(
                    Diagnostic::new(
                        Code::W008,
                        span,
                        format!("{shown} is listed twice in {what}"),
                    )
                    .with_label("listed again")
                    .with_related(first, "first listed here")
                    .with_help("remove the repeated entry"),
                );
            } else {
                seen.insert(value, span);
            }
        }
    }
}
