//! The wording items: `governing-law`, `commitment` and `party-names`.

use super::cursor::Children;
use super::span::span_of;
use super::Lowering;
use crate::ast::{Commitment, GoverningLaw, PartyNames};
use crate::model::{self, Fill};
use crate::source::Spanned;
use crate::syntax::Rule;

impl Lowering<'_> {
    /// `cn` (a code, checked later) or a text.
    pub(super) fn governing_law(&mut self, c: &mut Children<'_>) -> Option<GoverningLaw> {
        let value = self.expect_one_of(c, &[Rule::text, Rule::ident])?;
        Some(match value.as_rule() {
            Rule::ident => {
                GoverningLaw::Code(Spanned::new(value.as_str().to_string(), span_of(&value)))
            }
            _ => GoverningLaw::Text(self.text(value)?),
        })
    }

    /// `shall | endeavour | [placeholder]`, then `for SECTION, …`.
    pub(super) fn commitment(&mut self, c: &mut Children<'_>) -> Option<Commitment> {
        let level = self.expect(c, Rule::commitment_level)?;
        let span = span_of(&level);
        let mut inner = self.open(level, Rule::commitment_level)?;
        let word = self.expect_one_of(
            &mut inner,
            &[Rule::kw_shall, Rule::kw_endeavour, Rule::placeholder],
        )?;
        self.end(inner)?;
        let level = match word.as_rule() {
            Rule::kw_shall => Fill::Value(model::Commitment::Shall),
            Rule::kw_endeavour => Fill::Value(model::Commitment::Endeavour),
            _ => Fill::Placeholder(self.placeholder(&word)),
        };
        let mut sections = Vec::new();
        if let Some(list) = c.optional(Rule::commitment_for) {
            let mut list = self.open(list, Rule::commitment_for)?;
            self.expect(&mut list, Rule::kw_for)?;
            sections.push(self.ident(&mut list)?);
            while list.peek().is_some() {
                sections.push(self.ident(&mut list)?);
            }
            self.end(list)?;
        }
        Some(Commitment {
            level: Spanned::new(level, span),
            sections,
        })
    }

    /// `甲方/乙方`, `short`, or the client's and the provider's names.
    pub(super) fn party_names(&mut self, c: &mut Children<'_>) -> Option<PartyNames> {
        let value = self.expect_one_of(
            c,
            &[
                Rule::party_names_jia_yi,
                Rule::kw_short,
                Rule::party_names_given,
            ],
        )?;
        Some(match value.as_rule() {
            Rule::party_names_jia_yi => PartyNames::JiaYi,
            Rule::kw_short => PartyNames::Short(span_of(&value)),
            _ => {
                let mut names = self.open(value, Rule::party_names_given)?;
                let client = self.text_child(&mut names)?;
                let provider = self.text_child(&mut names)?;
                self.end(names)?;
                PartyNames::Given { client, provider }
            }
        })
    }
}
