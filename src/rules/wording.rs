//! The wording the contract controls in the rule set: a `wording` object
//! (`schema/slac.rules.v1.json`'s `wording`), left out when the contract
//! has no `governing-law`, `commitment` or `party-names`, so that the rule
//! sets (and fingerprints) of contracts without them do not change.

use super::lower::{slot, text};
use super::shape::Slot;
use crate::model::{Commitment, CommitmentSection, Fill, GoverningLaw, PartyNames, Wording};
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WordingOut {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub governing_law: Option<Slot<LawOut>>,
    /// The sections with a commitment, in section order; left out when none.
    #[serde(skip_serializing_if = "CommitmentsOut::is_empty")]
    pub commitment: CommitmentsOut,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub party_names: Option<PartyNamesOut>,
}

/// `"甲方/乙方"`, `"short"`, or `{"client": "…", "provider": "…"}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum PartyNamesOut {
    Word(&'static str),
    Given {
        client: Slot<String>,
        provider: Slot<String>,
    },
}

/// `"cn"`, `"sg"`, `"en-gb"`, `"us-ny"`, or `{"text": "…"}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum LawOut {
    Code(&'static str),
    Text { text: String },
}

/// `{"response": "shall", …}`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CommitmentsOut(pub Vec<(CommitmentSection, Slot<&'static str>)>);

impl CommitmentsOut {
    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Serialize for CommitmentsOut {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (section, level) in &self.0 {
            map.serialize_entry(section.word(), level)?;
        }
        map.end()
    }
}

pub(super) fn wording(wording: &Wording) -> Option<WordingOut> {
    let Wording {
        governing_law,
        commitments,
        party_names,
    } = wording;
    let out = WordingOut {
        governing_law: governing_law.as_ref().map(|law| slot(law, law_out)),
        commitment: CommitmentsOut(
            commitments
                .given()
                .map(|(section, level): (CommitmentSection, &Fill<Commitment>)| {
                    (section, slot(level, |c| c.word()))
                })
                .collect(),
        ),
        party_names: party_names.as_ref().map(|names| match names {
            PartyNames::JiaYi => PartyNamesOut::Word("甲方/乙方"),
            PartyNames::Short => PartyNamesOut::Word("short"),
            PartyNames::Given { client, provider } => PartyNamesOut::Given {
                client: text(client),
                provider: text(provider),
            },
        }),
    };
    let empty =
        out.governing_law.is_none() && out.commitment.is_empty() && out.party_names.is_none();
    (!empty).then_some(out)
}

fn law_out(law: &GoverningLaw) -> LawOut {
    match law {
        GoverningLaw::Cn | GoverningLaw::Sg | GoverningLaw::EnGb | GoverningLaw::UsNy => {
            LawOut::Code(law.code())
        }
        GoverningLaw::Text(text) => LawOut::Text { text: text.clone() },
    }
}
