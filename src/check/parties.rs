//! `party client` and `party provider`: exactly one of each (E002 for
//! another role, E010 for a second one or a field given twice, E011 when
//! one is missing).

use super::items::Items;
use super::twice::{given_twice, GIVEN};
use super::{text, Checker};
use crate::ast::PartyFieldKind;
use crate::diagnostic::{did_you_mean, Code, Diagnostic};
use crate::model::*;
use crate::source::Span;

impl Checker<'_> {
    pub(super) fn parties(&mut self, items: &Items<'_>, contract_keyword: Span) -> (Party, Party) {
        let mut client: Option<(Party, Span)> = None;
        let mut provider: Option<(Party, Span)> = None;
        for (party, _keyword) in &items.parties {
            let slot = match party.role.node.as_str() {
                "client" => &mut client,
                "provider" => &mut provider,
                other => {
                    let help = did_you_mean(other, ["client", "provider"])
                        .map(|s| format!("did you mean `{s}`?"))
                        .unwrap_or_else(|| "a party is `client` or `provider`".into());
                    self.push(
                        Diagnostic::new(
                            Code::E002,
                            party.role.span,
                            format!("unknown party role `{other}`"),
                        )
                        .with_label("not a party role")
                        .with_help(help),
                    );
                    continue;
                }
            };
            if let Some((_, first)) = slot {
                let first = *first;
                self.push(given_twice(
                    party.role.span,
                    Some(first),
                    GIVEN,
                    format!("`party {}` is given twice", party.role.node),
                    "a contract has exactly one client and one provider",
                ));
                continue;
            }
            let mut model = Party {
                name: text(&party.name),
                short: None,
                contact: None,
                signatory: None,
            };
            let mut seen: Vec<(PartyFieldKind, Span)> = Vec::new();
            for field in &party.fields {
                if let Some((_, first)) = seen.iter().find(|(k, _)| *k == field.kind) {
                    let first = *first;
                    self.push(given_twice(
                        field.keyword,
                        Some(first),
                        GIVEN,
                        format!("`{}` is given twice for this party", field.kind.keyword()),
                        "keep one",
                    ));
                    continue;
                }
                seen.push((field.kind, field.keyword));
                let value = Some(text(&field.value));
                match field.kind {
                    PartyFieldKind::Short => model.short = value,
                    PartyFieldKind::Contact => model.contact = value,
                    PartyFieldKind::Signatory => model.signatory = value,
                }
            }
            *slot = Some((model, party.role.span));
        }
        let mut take = |slot: Option<(Party, Span)>, role: &str| match slot {
            Some((party, _)) => party,
            None => {
                self.missing(
                    contract_keyword,
                    &format!("`party {role}`"),
                    &format!("add `party {role} \"NAME\" {{ short \"…\" contact \"…\" }}`"),
                );
                Party {
                    name: Fill::Placeholder(role.to_string()),
                    short: None,
                    contact: None,
                    signatory: None,
                }
            }
        };
        let client = take(client, "client");
        let provider = take(provider, "provider");
        (client, provider)
    }
}
