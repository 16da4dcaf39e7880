//! Which grammar rules each item of the item table (`crate::items`) has:
//! the one place the lowering and the syntax-error words map between pest
//! rules and items.

use crate::items::{ItemName, ITEMS};
use crate::syntax::Rule;

/// The grammar rule of an item and the keyword rule it starts with.
pub(in crate::syntax) fn item_rules(name: ItemName) -> (Rule, Rule) {
    match name {
        ItemName::Id => (Rule::id_item, Rule::kw_id),
        ItemName::Version => (Rule::version_item, Rule::kw_version),
        ItemName::Language => (Rule::language_item, Rule::kw_language),
        ItemName::PartOf => (Rule::part_of_item, Rule::kw_part_of),
        ItemName::Effective => (Rule::effective_item, Rule::kw_effective),
        ItemName::Timezone => (Rule::timezone_item, Rule::kw_timezone),
        ItemName::Clock => (Rule::clock_item, Rule::kw_clock),
        ItemName::BusinessDay => (Rule::business_day_item, Rule::kw_business_day),
        ItemName::Pause => (Rule::pause_item, Rule::kw_pause),
        ItemName::Party => (Rule::party_item, Rule::kw_party),
        ItemName::Term => (Rule::term_item, Rule::kw_term),
        ItemName::Scope => (Rule::scope_item, Rule::kw_scope),
        ItemName::Calendar => (Rule::calendar_item, Rule::kw_calendar),
        ItemName::Channel => (Rule::channel_item, Rule::kw_channel),
        ItemName::Priority => (Rule::priority_item, Rule::kw_priority),
        ItemName::Response => (Rule::response_item, Rule::kw_response),
        ItemName::Resolution => (Rule::resolution_item, Rule::kw_resolution),
        ItemName::Fcr => (Rule::fcr_item, Rule::kw_fcr),
        ItemName::Csat => (Rule::csat_item, Rule::kw_csat),
        ItemName::Support => (Rule::support_item, Rule::kw_support),
        ItemName::Reporting => (Rule::reporting_item, Rule::kw_reporting),
        ItemName::Exclusions => (Rule::exclusions_item, Rule::kw_exclusions),
        ItemName::Credits => (Rule::credits_item, Rule::kw_credits),
        ItemName::Holidays => (Rule::holidays_item, Rule::kw_holidays),
        ItemName::GoverningLaw => (Rule::governing_law_item, Rule::kw_governing_law),
        ItemName::Commitment => (Rule::commitment_item, Rule::kw_commitment),
        ItemName::PartyNames => (Rule::party_names_item, Rule::kw_party_names),
    }
}

/// The item whose grammar rule is `rule`.
pub(in crate::syntax) fn item_of_rule(rule: Rule) -> Option<ItemName> {
    ITEMS
        .iter()
        .map(|spec| spec.name)
        .find(|name| item_rules(*name).0 == rule)
}

/// The item whose keyword rule is `rule` (`kw_calendar`).
pub(in crate::syntax) fn item_of_keyword_rule(rule: Rule) -> Option<ItemName> {
    ITEMS
        .iter()
        .map(|spec| spec.name)
        .find(|name| item_rules(*name).1 == rule)
}

/// The item rule named `name` (as in the grammar: `csat_item`).
pub(in crate::syntax) fn item_rule(name: &str) -> Option<Rule> {
    ITEMS
        .iter()
        .map(|spec| item_rules(spec.name).0)
        .find(|rule| format!("{rule:?}") == name)
}
