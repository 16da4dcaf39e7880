//! `governing-law`, `commitment` and `party-names` compared: the law and
//! the names are neutral; a commitment that becomes `shall` is tightened,
//! one that becomes `endeavour` relaxed.

use super::changes::{Changes, Effect, Place, Section};
use super::show;
use crate::model::{Commitment, CommitmentSection, Fill, GoverningLaw, PartyNames, Wording};

pub(super) fn wording(changes: &mut Changes, old: &Wording, new: &Wording) {
    let Wording {
        governing_law,
        commitments,
        party_names,
    } = old;
    changes.record(
        Place::new(Section::Contract, "governing-law", "governing law"),
        governing_law.as_ref().map(show_law),
        new.governing_law.as_ref().map(show_law),
        Effect::Neutral,
    );
    changes.record(
        Place::new(Section::Contract, "party-names", "party names"),
        party_names.as_ref().map(show_names),
        new.party_names.as_ref().map(show_names),
        Effect::Neutral,
    );
    for section in CommitmentSection::ALL {
        let before = commitments.of(section);
        let after = new.commitments.of(section);
        changes.record(
            Place::new(
                Section::Contract,
                format!("commitment.{}", section.word()),
                format!("commitment for {}", section.word()),
            ),
            before.map(show_commitment),
            after.map(show_commitment),
            commitment_effect(section, before, after),
        );
    }
}

fn show_law(law: &Fill<GoverningLaw>) -> String {
    show::fill(law, |law| match law {
        GoverningLaw::Text(text) => format!("\"{text}\""),
        GoverningLaw::Cn | GoverningLaw::Sg | GoverningLaw::EnGb | GoverningLaw::UsNy => {
            law.code().to_string()
        }
    })
}

fn show_names(names: &PartyNames) -> String {
    match names {
        PartyNames::JiaYi => "甲方/乙方".to_string(),
        PartyNames::Short => "short".to_string(),
        PartyNames::Given { client, provider } => format!(
            "{} / {}",
            show::fill(client, |n| format!("\"{n}\"")),
            show::fill(provider, |n| format!("\"{n}\""))
        ),
    }
}

fn show_commitment(level: &Fill<Commitment>) -> String {
    show::fill(level, |c| c.word().to_string())
}

/// The commitment the appendix words a section with when the contract
/// says nothing: endeavour for response and resolution, "commits" for
/// availability; FCR and CSAT have no sentence, so no comparison.
fn default_of(section: CommitmentSection) -> Option<Commitment> {
    match section {
        CommitmentSection::Response | CommitmentSection::Resolution => Some(Commitment::Endeavour),
        CommitmentSection::Availability => Some(Commitment::Shall),
        CommitmentSection::Fcr | CommitmentSection::Csat => None,
    }
}

fn commitment_effect(
    section: CommitmentSection,
    before: Option<&Fill<Commitment>>,
    after: Option<&Fill<Commitment>>,
) -> Effect {
    let level = |c: Option<&Fill<Commitment>>| match c {
        Some(fill) => fill.value().copied(),
        None => default_of(section),
    };
    match (level(before), level(after)) {
        (Some(Commitment::Endeavour), Some(Commitment::Shall)) => Effect::Tightened,
        (Some(Commitment::Shall), Some(Commitment::Endeavour)) => Effect::Relaxed,
        _ => Effect::Neutral,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shall_is_tighter_than_endeavour_and_the_default_counts() {
        let shall = Fill::Value(Commitment::Shall);
        let endeavour = Fill::Value(Commitment::Endeavour);
        let response = CommitmentSection::Response;
        assert_eq!(
            commitment_effect(response, None, Some(&shall)),
            Effect::Tightened
        );
        assert_eq!(
            commitment_effect(response, Some(&shall), Some(&endeavour)),
            Effect::Relaxed
        );
        assert_eq!(
            commitment_effect(response, None, Some(&endeavour)),
            Effect::Neutral
        );
        let availability = CommitmentSection::Availability;
        assert_eq!(
            commitment_effect(availability, None, Some(&shall)),
            Effect::Neutral
        );
        assert_eq!(
            commitment_effect(availability, None, Some(&endeavour)),
            Effect::Relaxed
        );
        let fcr = CommitmentSection::Fcr;
        assert_eq!(commitment_effect(fcr, None, Some(&shall)), Effect::Neutral);
    }
}
