//! The wording the contract controls: `governing-law` (a known code, E070;
//! a text naming a law slac has a code for, W019), `commitment` (known
//! sections, E071; one commitment per section, E010) and `party-names`
//! (two different names, neither empty, E073; `short` only when both
//! parties have a short name, E074).

use super::items::Items;
use super::twice::{given_twice, GIVEN};
use super::{text, Checker};
use crate::ast;
use crate::diagnostic::{did_you_mean, Code, Diagnostic};
use crate::model::{
    CommitmentSection, Commitments, Fill, GoverningLaw, Party, PartyNames, Text, Wording,
};
use crate::source::Span;

/// Words in a governing-law text that name a law `governing-law` has a
/// code for, with the code (W019). Checked after [`OTHER_PLACES`].
const KNOWN_LAWS: &[(&str, &str)] = &[
    ("中华人民共和国", "cn"),
    ("中国", "cn"),
    ("people's republic of china", "cn"),
    ("prc", "cn"),
    ("singapore", "sg"),
    ("新加坡", "sg"),
    ("england", "en-gb"),
    ("english law", "en-gb"),
    ("英格兰", "en-gb"),
    ("new york", "us-ny"),
    ("纽约", "us-ny"),
];

/// Places whose law is not the one a [`KNOWN_LAWS`] word suggests
/// (Hong Kong law is not the law of the mainland).
const OTHER_PLACES: &[&str] = &[
    "香港",
    "hong kong",
    "澳门",
    "macau",
    "macao",
    "台湾",
    "taiwan",
];

impl Checker<'_> {
    pub(super) fn wording(
        &mut self,
        items: &Items<'_>,
        client: &Party,
        provider: &Party,
    ) -> Wording {
        Wording {
            governing_law: items.governing_law.and_then(|law| self.governing_law(law)),
            commitments: self.commitments(&items.commitments),
            party_names: items
                .party_names
                .and_then(|names| self.party_names(names, client, provider)),
        }
    }

    fn governing_law(&mut self, law: &ast::GoverningLaw) -> Option<Fill<GoverningLaw>> {
        match law {
            ast::GoverningLaw::Code(code) => {
                if let Some(known) = GoverningLaw::from_code(&code.node) {
                    return Some(Fill::Value(known));
                }
                let codes = GoverningLaw::CODES.map(|(c, _)| c);
                let help = match did_you_mean(&code.node, codes) {
                    Some(near) => format!(
                        "did you mean `{near}`? Or write the law in quotes: `governing-law \"…\"`"
                    ),
                    None => format!(
                        "write one of {}, or the law in quotes: `governing-law \"…\"`",
                        codes.map(|c| format!("`{c}`")).join(", ")
                    ),
                };
                self.push(
                    Diagnostic::new(
                        Code::E070,
                        code.span,
                        format!("`{}` is not a governing law slac knows", code.node),
                    )
                    .with_label("unknown governing law")
                    .with_help(help),
                );
                None
            }
            ast::GoverningLaw::Text(written) => {
                if let Fill::Value(words) = &written.node {
                    if words.trim().is_empty() {
                        self.push(
                            Diagnostic::new(Code::E070, written.span, "the governing law is empty")
                                .with_label("empty text")
                                .with_help("write the law, such as `governing-law sg`, or leave the line out"),
                        );
                        return None;
                    }
                    self.law_with_a_code(words, written.span);
                }
                Some(match text(written) {
                    Fill::Value(words) => Fill::Value(GoverningLaw::Text(words)),
                    Fill::Placeholder(inner) => Fill::Placeholder(inner),
                })
            }
        }
    }

    /// W019: a text that names a law with a code of its own.
    fn law_with_a_code(&mut self, words: &str, span: Span) {
        let lower = words.to_lowercase();
        if OTHER_PLACES.iter().any(|place| lower.contains(place)) {
            return;
        }
        let Some((word, code)) = KNOWN_LAWS.iter().find(|(word, _)| lower.contains(word)) else {
            return;
        };
        self.push(
            Diagnostic::new(
                Code::W019,
                span,
                format!("the governing law is written as text, but `{word}` has the code `{code}`"),
            )
            .with_label(format!("write `{code}`"))
            .with_help(format!(
                "write `governing-law {code}`: the appendix then names the law in both languages and cites the statutes that apply to it"
            )),
        );
    }

    fn commitments(&mut self, lines: &[(&ast::Commitment, Span)]) -> Commitments {
        let mut for_all: Option<(&ast::Commitment, Span)> = None;
        let mut per_section = Commitments::default();
        let mut first_of: Vec<(CommitmentSection, Span)> = Vec::new();
        for &(line, keyword) in lines {
            if line.sections.is_empty() {
                if let Some((_, first)) = for_all {
                    self.push(given_twice(
                        keyword,
                        Some(first),
                        GIVEN,
                        "`commitment` for the whole contract is given twice",
                        "keep one; name the sections that differ: `commitment endeavour for response, resolution`",
                    ));
                } else {
                    for_all = Some((line, keyword));
                }
                continue;
            }
            for name in &line.sections {
                let Some(section) = CommitmentSection::from_word(&name.node) else {
                    let words = CommitmentSection::ALL.map(CommitmentSection::word);
                    let help = match did_you_mean(&name.node, words) {
                        Some(near) => format!("did you mean `{near}`?"),
                        None => format!(
                            "a commitment is for {}",
                            words.map(|w| format!("`{w}`")).join(", ")
                        ),
                    };
                    self.push(
                        Diagnostic::new(
                            Code::E071,
                            name.span,
                            format!("`{}` is not a section a commitment is for", name.node),
                        )
                        .with_label("unknown section")
                        .with_help(help),
                    );
                    continue;
                };
                if let Some((_, first)) = first_of.iter().find(|(s, _)| *s == section) {
                    self.push(given_twice(
                        name.span,
                        Some(*first),
                        GIVEN,
                        format!("the commitment for `{}` is given twice", section.word()),
                        "name each section on one `commitment` line only",
                    ));
                    continue;
                }
                first_of.push((section, name.span));
                *per_section.slot_mut(section) = Some(line.level.node.clone());
            }
        }
        if let Some((line, _)) = for_all {
            for section in CommitmentSection::ALL {
                let slot = per_section.slot_mut(section);
                if slot.is_none() {
                    *slot = Some(line.level.node.clone());
                }
            }
        }
        per_section
    }

    fn party_names(
        &mut self,
        names: &ast::PartyNames,
        client: &Party,
        provider: &Party,
    ) -> Option<PartyNames> {
        match names {
            ast::PartyNames::JiaYi => Some(PartyNames::JiaYi),
            ast::PartyNames::Short(short) => {
                let mut complete = true;
                for (role, party) in [("client", client), ("provider", provider)] {
                    if party.short.is_none() {
                        complete = false;
                        self.push(
                            Diagnostic::new(
                                Code::E074,
                                *short,
                                format!("`party-names short`, but the {role} has no short name"),
                            )
                            .with_label(format!("the {role} has no `short`"))
                            .with_help(format!(
                                "add `short \"…\"` to `party {role}`, or write the names: `party-names 甲方/乙方` or `party-names \"…\" / \"…\"`"
                            )),
                        );
                    }
                }
                let (Some(for_client), Some(for_provider)) = (&client.short, &provider.short)
                else {
                    return None;
                };
                (complete && self.two_names(for_client, for_provider, *short))
                    .then_some(PartyNames::Short)
            }
            ast::PartyNames::Given {
                client: for_client,
                provider: for_provider,
            } => {
                for name in [for_client, for_provider] {
                    if name.node.value().is_some_and(|n| n.trim().is_empty()) {
                        self.push(
                            Diagnostic::new(Code::E073, name.span, "a party's name is empty")
                                .with_label("empty name")
                                .with_help("write the name the appendix calls the party by, such as `party-names \"Buyer\" / \"Seller\"`"),
                        );
                        return None;
                    }
                }
                let (client, provider) = (text(for_client), text(for_provider));
                self.two_names(&client, &provider, for_provider.span)
                    .then_some(PartyNames::Given { client, provider })
            }
        }
    }

    /// E073 when both parties would have one name (the same but for case
    /// and outer spaces): the text could not tell them apart.
    fn two_names(&mut self, client: &Text, provider: &Text, span: Span) -> bool {
        let (Fill::Value(a), Fill::Value(b)) = (client, provider) else {
            return true;
        };
        if a.trim().to_lowercase() != b.trim().to_lowercase() {
            return true;
        }
        self.push(
            Diagnostic::new(
                Code::E073,
                span,
                format!("both parties would be called “{}”", a.trim()),
            )
            .with_label("the same name as the client's")
            .with_help(
                "give the client and the provider different names, such as `party-names 甲方/乙方`",
            ),
        );
        false
    }
}
