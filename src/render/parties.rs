//! What the appendix's fixed text calls the parties: the template's roles
//! (客户/服务方, the Client/the Provider) or the names the contract's
//! `party-names` chooses (甲方/乙方 and Party A/Party B, each party's
//! `short` name, or two names of its own), the same everywhere.
//!
//! A phrase that names a party is a [`PartyPhrase`], not a `&str`: its text
//! can only be had by giving it the [`Parties`], so no sentence can keep
//! 客户 or "the Client" once the contract has chosen other names. The names
//! go in as rich text after the template is read, so contract text is never
//! taken for a slot.

use super::rich::{fill_slots, Rich};
use super::values::Values;
use crate::model::{Contract, Lang, Party, PartyNames};

/// A fixed phrase that names the parties. Slots: `{client}` and
/// `{provider}` as a sentence goes on ("the Client", "Party A", "甲方"),
/// `{Client}` and `{Provider}` to start a sentence ("The Client"), and
/// `{0}`, `{1}`, … for the values given with it.
#[derive(Debug, Clone, Copy)]
pub struct PartyPhrase(&'static str);

impl PartyPhrase {
    pub const fn new(template: &'static str) -> Self {
        PartyPhrase(template)
    }

    /// The phrase with the parties' names (and no other slots).
    pub fn of(&self, parties: &Parties) -> Rich {
        self.with(parties, &[])
    }

    /// The phrase with the parties' names and `args` in `{0}`, `{1}`, ….
    pub fn with(&self, parties: &Parties, args: &[Rich]) -> Rich {
        fill_slots(self.0, |slot| match slot {
            "client" => Some(parties.client.in_sentence()),
            "provider" => Some(parties.provider.in_sentence()),
            "Client" => Some(parties.client.at_start()),
            "Provider" => Some(parties.provider.at_start()),
            index => index
                .parse::<usize>()
                .ok()
                .and_then(|i| args.get(i).cloned()),
        })
    }
}

/// What one party is called.
#[derive(Debug, Clone)]
pub struct PartyName {
    /// The name itself: "Client", "Party A", "甲方", the contract's text.
    name: Rich,
    /// The article an English role name takes; `None` for names, which
    /// stand alone ("Party A", "Acme"), and in Chinese.
    article: Option<Article>,
}

/// "the" within a sentence, "The" at its start.
#[derive(Debug, Clone, Copy)]
struct Article {
    within: &'static str,
    at_start: &'static str,
}

impl PartyName {
    fn named(name: Rich) -> Self {
        PartyName {
            name,
            article: None,
        }
    }

    /// The name as the parties' definition and the signature block give
    /// it: "Client", "甲方".
    pub fn word(&self) -> Rich {
        self.name.clone()
    }

    fn in_sentence(&self) -> Rich {
        self.after(self.article.map(|a| a.within))
    }

    fn at_start(&self) -> Rich {
        self.after(self.article.map(|a| a.at_start))
    }

    fn after(&self, article: Option<&'static str>) -> Rich {
        let mut out = Rich::default();
        if let Some(article) = article {
            out.push_text(article);
            out.push_text(" ");
        }
        out.extend(self.name.clone());
        out
    }
}

/// The names of both parties in one language.
#[derive(Debug, Clone)]
pub struct Parties {
    pub client: PartyName,
    pub provider: PartyName,
    /// Names the contract chose (`party-names`): the preamble then
    /// introduces each party by that name alone.
    pub chosen: bool,
}

impl Parties {
    pub fn new(contract: &Contract, lang: Lang, values: Values) -> Self {
        match &contract.wording.party_names {
            None => Parties::roles(lang),
            Some(PartyNames::JiaYi) => {
                let (client, provider) = match lang {
                    Lang::ZhCn => ("甲方", "乙方"),
                    Lang::En => ("Party A", "Party B"),
                };
                Parties::chosen(Rich::text(client), Rich::text(provider))
            }
            Some(PartyNames::Short) => Parties::chosen(
                short_name(&contract.client, values),
                short_name(&contract.provider, values),
            ),
            Some(PartyNames::Given { client, provider }) => {
                Parties::chosen(values.text(client), values.text(provider))
            }
        }
    }

    /// The template's own roles: 客户/服务方, the Client/the Provider.
    fn roles(lang: Lang) -> Self {
        let (client, provider, article) = match lang {
            Lang::ZhCn => ("客户", "服务方", None),
            Lang::En => (
                "Client",
                "Provider",
                Some(Article {
                    within: "the",
                    at_start: "The",
                }),
            ),
        };
        Parties {
            client: PartyName {
                name: Rich::text(client),
                article,
            },
            provider: PartyName {
                name: Rich::text(provider),
                article,
            },
            chosen: false,
        }
    }

    fn chosen(client: Rich, provider: Rich) -> Self {
        Parties {
            client: PartyName::named(client),
            provider: PartyName::named(provider),
            chosen: true,
        }
    }
}

/// `party-names short`: the check made sure each party has one (E074);
/// without one the party's full name stands in.
fn short_name(party: &Party, values: Values) -> Rich {
    values.text(party.short.as_ref().unwrap_or(&party.name))
}

#[cfg(test)]
mod tests {
    use crate::model::Lang;

    /// The fixtures with every part that names a party (reporting,
    /// exclusions, credits), their own texts cleared of 客户 and 服务方 so
    /// that what remains of those words is the fixed text's.
    fn appendix(extra: &str, lang: Lang) -> Vec<String> {
        let fixtures = [
            include_str!("../../tests/fixtures/reporting.sla"),
            include_str!("../../tests/fixtures/remedies.sla"),
        ];
        fixtures
            .iter()
            .map(|fixture| {
                let text = fixture
                    .replace("直接影响客户核心", "直接影响核心")
                    .replace("因客户原因", "因对方原因")
                    .replace("short \"客户\"", "short \"艾克姆\"")
                    .replace("short     \"服务方\"", "short \"海普\"")
                    .replacen("{\n", &format!("{{\n{extra}\n"), 1);
                crate::render::markdown_of(&text, lang, false)
            })
            .collect()
    }

    /// 客户 where it names the party: not in 客户服务 (customer service),
    /// 客户支持 or 客户满意度 (customer satisfaction).
    fn names_the_client(text: &str) -> bool {
        text.replace("客户服务", "")
            .replace("客户支持", "")
            .replace("客户满意度", "")
            .contains("客户")
    }

    #[test]
    fn the_template_roles_are_the_default() {
        for zh in appendix("", Lang::ZhCn) {
            assert!(zh.contains("服务方同意在本协议期限内，向客户提供"), "{zh}");
            assert!(zh.contains("（以下简称“客户”，亦称“艾克姆”）"), "{zh}");
            assert!(!zh.contains("甲方"), "{zh}");
        }
        for en in appendix("", Lang::En) {
            assert!(
                en.contains("the Provider shall provide the Client with"),
                "{en}"
            );
            assert!(en.contains("The Client or its authorised users"), "{en}");
        }
    }

    #[test]
    fn jia_yi_names_the_parties_everywhere_in_both_languages() {
        for zh in appendix("  party-names 甲方/乙方", Lang::ZhCn) {
            assert!(!zh.contains("服务方"), "{zh}");
            assert!(!names_the_client(&zh), "{zh}");
            assert!(zh.contains("艾克姆科技有限公司（以下简称“甲方”）"), "{zh}");
            assert!(zh.contains("海普服务有限公司（以下简称“乙方”）"), "{zh}");
            assert!(!zh.contains("亦称"), "{zh}");
            assert!(zh.contains("乙方同意在本协议期限内，向甲方提供以下客户服务"));
            assert!(zh.contains("甲方或其授权用户应通过"), "{zh}");
        }
        let [reporting, remedies] =
            <[String; 2]>::try_from(appendix("  party-names 甲方/乙方", Lang::ZhCn))
                .unwrap_or_else(|_| panic!("two fixtures"));
        assert!(reporting.contains("乙方应在每个报告周期"), "{reporting}");
        assert!(remedies.contains("乙方应至少提前"), "{remedies}");
        assert!(remedies.contains("甲方应在考核周期结束后"), "{remedies}");
        for en in appendix("  party-names 甲方/乙方", Lang::En) {
            assert!(!en.contains("Client") && !en.contains("Provider"), "{en}");
            assert!(en.contains("海普服务有限公司 (“Party B”)"), "{en}");
            assert!(en.contains("Party B shall provide Party A with"), "{en}");
            assert!(en.contains("Party A or its authorised users"), "{en}");
            assert!(en.contains("Party B’s receipt"), "{en}");
        }
    }

    #[test]
    fn short_and_given_names_are_the_contracts_text_as_written() {
        for zh in appendix("  party-names short", Lang::ZhCn) {
            assert!(zh.contains("海普同意在本协议期限内，向艾克姆提供"), "{zh}");
            assert!(!zh.contains("亦称") && !zh.contains("服务方"), "{zh}");
        }
        // Braces in a name are its text, never a slot of the phrase.
        for en in appendix("  party-names \"{provider}\" / \"B{0}\"", Lang::En) {
            assert!(en.contains("B{0} shall provide {provider} with"), "{en}");
            assert!(en.contains("艾克姆科技有限公司 (“{provider}”)"), "{en}");
        }
    }
}
