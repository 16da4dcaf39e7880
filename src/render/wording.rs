//! The wording the contract controls, in the appendix: the governing-law
//! sentence of the preamble, the business-day sentence's citation (only
//! under `governing-law cn`), and the commitment each target section's
//! intro gives. The fixed text of both languages is in
//! [`super::wording_phrases`].

use super::parties::Parties;
use super::rich::{sentence, Rich};
use super::values::Values;
use super::wording_phrases::{SectionIntro, WordingPhrases};
use crate::model::{
    BusinessDayRule, Commitment, CommitmentSection, Contract, Fill, GoverningLaw, Lang,
};

/// Builds the wording sentences of one contract in one language.
pub(super) struct Wording<'a> {
    contract: &'a Contract,
    values: Values,
    phrases: &'static WordingPhrases,
    parties: &'a Parties,
}

impl<'a> Wording<'a> {
    pub(super) fn new(
        contract: &'a Contract,
        values: Values,
        lang: Lang,
        parties: &'a Parties,
    ) -> Self {
        Wording {
            contract,
            values,
            phrases: WordingPhrases::of(lang),
            parties,
        }
    }

    /// "本协议……适用中华人民共和国法律。", when the contract names its law.
    pub(super) fn governing_law(&self) -> Option<Rich> {
        let law = self.contract.wording.governing_law.as_ref()?;
        let name = self.values.fill(law, |law| {
            Rich::text(match law {
                GoverningLaw::Cn => self.phrases.law_cn,
                GoverningLaw::Sg => self.phrases.law_sg,
                GoverningLaw::EnGb => self.phrases.law_en_gb,
                GoverningLaw::UsNy => self.phrases.law_us_ny,
                GoverningLaw::Text(text) => text,
            })
        });
        Some(sentence(self.phrases.governed_by, &[name]))
    }

    /// The business-day sentence: the rule in plain words, with the Civil
    /// Code cited only when the contract is governed by the law of China.
    pub(super) fn business_day_rule(&self) -> Rich {
        let rule = self.contract.business_day;
        let cn = matches!(
            self.contract.wording.governing_law,
            Some(Fill::Value(GoverningLaw::Cn))
        );
        match (rule, cn) {
            (BusinessDayRule::EndsAtClose, true) => {
                Rich::text(self.phrases.counting_ends_at_close_cn)
            }
            (BusinessDayRule::EndsAtClose, false)
            | (BusinessDayRule::Hours { .. } | BusinessDayRule::SameTime, _) => {
                self.values.business_day_rule(rule)
            }
        }
    }

    /// The intro of a target section: the default wording when the
    /// contract gives no commitment for it (`None` for FCR and CSAT, which
    /// then have none), else "shall meet" or "shall endeavour to meet".
    pub(super) fn intro(&self, section: CommitmentSection) -> Option<Rich> {
        let intro: &SectionIntro = match section {
            CommitmentSection::Response => &self.phrases.response,
            CommitmentSection::Resolution => &self.phrases.resolution,
            CommitmentSection::Availability => &self.phrases.availability,
            CommitmentSection::Fcr => &self.phrases.fcr,
            CommitmentSection::Csat => &self.phrases.csat,
        };
        let Some(commitment) = self.contract.wording.commitments.of(section) else {
            return intro.default.map(|intro| intro.of(self.parties));
        };
        let verb = self.values.fill(commitment, |c| {
            Rich::text(match c {
                Commitment::Shall => self.phrases.shall_meet,
                Commitment::Endeavour => self.phrases.endeavour_to_meet,
            })
        });
        Some(intro.with_verb.with(self.parties, &[verb]))
    }
}

#[cfg(test)]
mod tests {
    use crate::model::Lang;

    const BASE: &str = include_str!("../../tests/fixtures/reporting.sla");

    fn appendix(extra: &str, lang: Lang) -> String {
        let text = BASE.replacen("{\n", &format!("{{\n{extra}\n"), 1);
        crate::render::markdown_of(&text, lang, true)
    }

    const CITATION_ZH: &str = "《中华人民共和国民法典》";
    const CITATION_EN: &str = "Civil Code of the People’s Republic of China";

    #[test]
    fn the_civil_code_is_cited_only_under_the_law_of_china() {
        let cn = appendix("  governing-law cn", Lang::ZhCn);
        assert!(cn.contains(CITATION_ZH), "{cn}");
        assert!(cn.contains("本协议的订立、效力、解释和履行适用中华人民共和国法律。"));
        assert!(appendix("  governing-law cn", Lang::En).contains(CITATION_EN));
        for other in [
            "governing-law sg",
            "governing-law \"the laws of Ruritania\"",
            "",
        ] {
            let zh = appendix(&format!("  {other}"), Lang::ZhCn);
            let en = appendix(&format!("  {other}"), Lang::En);
            assert!(
                !zh.contains(CITATION_ZH) && !zh.contains("民法典"),
                "{other}: {zh}"
            );
            assert!(
                !en.contains(CITATION_EN) && !en.contains("Civil Code"),
                "{other}: {en}"
            );
            assert!(en.contains("ends at the close of the last span of service hours"));
        }
        assert!(appendix("  governing-law sg", Lang::En)
            .contains("This SLA is governed by and construed in accordance with the laws of the Republic of Singapore."));
        assert!(
            appendix("  governing-law \"the laws of Ruritania\"", Lang::En)
                .contains("in accordance with the laws of Ruritania.")
        );
        assert!(!appendix("", Lang::En).contains("governed by"));
    }

    #[test]
    fn each_section_says_the_commitment_the_contract_gives() {
        let endeavour = "The Provider shall endeavour to meet the following response time targets";
        let default = appendix("", Lang::En);
        assert!(default.contains(endeavour));
        assert!(default.contains("The Provider commits that"));
        let shall = appendix("  commitment shall", Lang::En);
        assert!(shall.contains("The Provider shall meet the following response time targets"));
        assert!(shall.contains("The Provider shall meet the following resolution time targets"));
        assert!(!shall.contains("endeavour"), "{shall}");
        let mixed = appendix(
            "  commitment shall\n  commitment endeavour for response",
            Lang::ZhCn,
        );
        assert!(mixed.contains("根据服务请求的优先级，服务方将努力达成以下响应时间目标"));
        assert!(mixed.contains("根据服务请求的优先级，服务方应达成以下解决时间目标"));
        let draft = appendix("  commitment [待定]", Lang::ZhCn);
        let intro = draft.lines().find(|l| l.contains("以下响应时间目标"));
        assert!(intro.is_some_and(|l| l.contains("待定")), "{draft}");
    }
}
