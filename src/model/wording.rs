//! The wording the contract controls (docs/language.md §3.13): the law
//! that governs it (`governing-law`), how firmly each target is promised
//! (`commitment`) and the names the appendix calls the parties by
//! (`party-names`). Every field is `None` when the contract does not say;
//! the appendix then keeps its default wording.

use super::{Fill, Text};

/// All three together, one field of the contract.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Wording {
    pub governing_law: Option<Fill<GoverningLaw>>,
    pub commitments: Commitments,
    pub party_names: Option<PartyNames>,
}

/// `governing-law cn | sg | en-gb | us-ny | "TEXT"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GoverningLaw {
    /// The People's Republic of China (`cn`): the business-day sentence
    /// cites the Civil Code.
    Cn,
    /// The Republic of Singapore (`sg`).
    Sg,
    /// England and Wales (`en-gb`).
    EnGb,
    /// The State of New York (`us-ny`).
    UsNy,
    /// The law named in the contract's own words.
    Text(String),
}

impl GoverningLaw {
    /// The codes `governing-law` takes, with what each stands for.
    pub const CODES: [(&'static str, GoverningLaw); 4] = [
        ("cn", GoverningLaw::Cn),
        ("sg", GoverningLaw::Sg),
        ("en-gb", GoverningLaw::EnGb),
        ("us-ny", GoverningLaw::UsNy),
    ];

    pub fn from_code(code: &str) -> Option<GoverningLaw> {
        Self::CODES
            .iter()
            .find(|(c, _)| *c == code)
            .map(|(_, law)| law.clone())
    }

    /// Its code as written (`cn`); `text` for a law in the contract's words.
    pub fn code(&self) -> &'static str {
        match self {
            GoverningLaw::Cn => "cn",
            GoverningLaw::Sg => "sg",
            GoverningLaw::EnGb => "en-gb",
            GoverningLaw::UsNy => "us-ny",
            GoverningLaw::Text(_) => "text",
        }
    }
}

/// How firmly a target is promised: `shall` meet it, or `endeavour` to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Commitment {
    Shall,
    Endeavour,
}

impl Commitment {
    pub fn word(self) -> &'static str {
        match self {
            Commitment::Shall => "shall",
            Commitment::Endeavour => "endeavour",
        }
    }
}

/// The sections a `commitment` line can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommitmentSection {
    Response,
    Resolution,
    Availability,
    Fcr,
    Csat,
}

impl CommitmentSection {
    pub const ALL: [CommitmentSection; 5] = [
        CommitmentSection::Response,
        CommitmentSection::Resolution,
        CommitmentSection::Availability,
        CommitmentSection::Fcr,
        CommitmentSection::Csat,
    ];

    pub fn word(self) -> &'static str {
        match self {
            CommitmentSection::Response => "response",
            CommitmentSection::Resolution => "resolution",
            CommitmentSection::Availability => "availability",
            CommitmentSection::Fcr => "fcr",
            CommitmentSection::Csat => "csat",
        }
    }

    pub fn from_word(word: &str) -> Option<CommitmentSection> {
        Self::ALL.into_iter().find(|s| s.word() == word)
    }
}

/// The commitment of each section; `None` where the contract says nothing
/// (the appendix's default wording: endeavour for response and resolution,
/// "commits" for availability, no sentence for FCR and CSAT).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Commitments {
    pub response: Option<Fill<Commitment>>,
    pub resolution: Option<Fill<Commitment>>,
    pub availability: Option<Fill<Commitment>>,
    pub fcr: Option<Fill<Commitment>>,
    pub csat: Option<Fill<Commitment>>,
}

impl Commitments {
    pub fn of(&self, section: CommitmentSection) -> Option<&Fill<Commitment>> {
        self.slot(section).as_ref()
    }

    pub fn slot_mut(&mut self, section: CommitmentSection) -> &mut Option<Fill<Commitment>> {
        match section {
            CommitmentSection::Response => &mut self.response,
            CommitmentSection::Resolution => &mut self.resolution,
            CommitmentSection::Availability => &mut self.availability,
            CommitmentSection::Fcr => &mut self.fcr,
            CommitmentSection::Csat => &mut self.csat,
        }
    }

    fn slot(&self, section: CommitmentSection) -> &Option<Fill<Commitment>> {
        match section {
            CommitmentSection::Response => &self.response,
            CommitmentSection::Resolution => &self.resolution,
            CommitmentSection::Availability => &self.availability,
            CommitmentSection::Fcr => &self.fcr,
            CommitmentSection::Csat => &self.csat,
        }
    }

    /// Every section the contract gave a commitment, in section order.
    pub fn given(&self) -> impl Iterator<Item = (CommitmentSection, &Fill<Commitment>)> {
        CommitmentSection::ALL
            .into_iter()
            .filter_map(|s| self.of(s).map(|c| (s, c)))
    }
}

/// `party-names 甲方/乙方 | short | "CLIENT" / "PROVIDER"`.
#[derive(Debug, Clone, PartialEq)]
pub enum PartyNames {
    /// 甲方 and 乙方; Party A and Party B in English.
    JiaYi,
    /// Each party's own `short` name.
    Short,
    /// These names, in both languages.
    Given { client: Text, provider: Text },
}

impl PartyNames {
    pub fn is_placeholder(&self) -> bool {
        match self {
            PartyNames::JiaYi | PartyNames::Short => false,
            PartyNames::Given { client, provider } => {
                client.is_placeholder() || provider.is_placeholder()
            }
        }
    }
}
