//! `aka`: the names a ticket system gives priorities and channels. Eval
//! matches a row's `priority` and `channel` against the ids and these names,
//! folded by [`fold_name`], so two priorities (or two channels) must never
//! fold to one name: E065 for priorities, E066 for channels, at the second
//! claim with the first as the related place. An empty name would claim
//! the empty cell, which eval reports as missing: the same code. A name a
//! priority lists twice (or its own id again) is W008.

use super::Checker;
use crate::ast::{Aka, Ident};
use crate::diagnostic::{Code, Diagnostic};
use crate::model::fold_name;
use crate::source::Span;
use std::collections::HashMap;

/// Which kind of declaration the names belong to.
#[derive(Clone, Copy)]
pub(super) enum Claimant {
    Priority,
    Channel,
}

impl Claimant {
    fn code(self) -> Code {
        match self {
            Claimant::Priority => Code::E065,
            Claimant::Channel => Code::E066,
        }
    }

    fn word(self) -> &'static str {
        match self {
            Claimant::Priority => "priority",
            Claimant::Channel => "channel",
        }
    }
}

/// Who first claimed a folded name, and where.
struct Claim<'a> {
    owner: &'a str,
    span: Span,
}

impl Checker<'_> {
    /// Checks the ids and `aka` names of every priority (or channel), in
    /// declaration order: ids first, so a clash lands on the `aka`. Returns
    /// each one's names as written.
    pub(super) fn claimed_names<'a>(
        &mut self,
        claimant: Claimant,
        owners: impl IntoIterator<Item = (&'a Ident, Option<&'a Aka>)>,
    ) -> Vec<Vec<String>> {
        let owners: Vec<(&Ident, Option<&Aka>)> = owners.into_iter().collect();
        let mut claims: HashMap<String, Claim<'_>> = HashMap::new();
        for (id, _) in &owners {
            let folded = fold_name(&id.node);
            match claims.get(&folded) {
                // The same id twice is E010 already.
                Some(first) if first.owner == id.node => {}
                Some(first) => {
                    let first = (first.owner.to_string(), first.span);
                    self.clash(claimant, id.node.as_str(), &id.node, id.span, first);
                }
                None => {
                    claims.insert(
                        folded,
                        Claim {
                            owner: &id.node,
                            span: id.span,
                        },
                    );
                }
            }
        }
        let mut written = Vec::with_capacity(owners.len());
        for (id, aka) in &owners {
            let names = aka.map_or(&[][..], |a| a.names.as_slice());
            for name in names {
                let folded = fold_name(&name.node);
                if folded.is_empty() {
                    self.push(
                        Diagnostic::new(
                            claimant.code(),
                            name.span,
                            format!("{} `{}` has an empty `aka` name", claimant.word(), id.node),
                        )
                        .with_label("an empty name")
                        .with_help("an empty cell is a missing value in eval: remove this name"),
                    );
                    continue;
                }
                match claims.get(&folded) {
                    Some(first) if first.owner == id.node => {
                        let first = first.span;
                        self.push(
                            Diagnostic::new(
                                Code::W008,
                                name.span,
                                format!(
                                    "`{}` is listed twice for {} `{}`",
                                    name.node,
                                    claimant.word(),
                                    id.node
                                ),
                            )
                            .with_label("listed again")
                            .with_related(first, "first listed here")
                            .with_help(
                                "remove the repeated name (names match ignoring case and outer spaces)",
                            ),
                        );
                    }
                    Some(first) => {
                        let first = (first.owner.to_string(), first.span);
                        self.clash(claimant, &id.node, &name.node, name.span, first);
                    }
                    None => {
                        claims.insert(
                            folded,
                            Claim {
                                owner: &id.node,
                                span: name.span,
                            },
                        );
                    }
                }
            }
            written.push(names.iter().map(|n| n.node.clone()).collect());
        }
        written
    }

    /// E065/E066: `owner` claims `name` at `span`, which `first` claimed.
    fn clash(
        &mut self,
        claimant: Claimant,
        owner: &str,
        name: &str,
        span: Span,
        (first_owner, first_span): (String, Span),
    ) {
        let word = claimant.word();
        self.push(
            Diagnostic::new(
                claimant.code(),
                span,
                format!("{word} `{owner}` claims the name `{name}`, which {word} `{first_owner}` already has"),
            )
            .with_label(format!("claimed again by `{owner}`"))
            .with_related(first_span, format!("first claimed by `{first_owner}`"))
            .with_help(format!(
                "names match ignoring case and outer spaces: keep this name on one {word}"
            )),
        );
    }
}
