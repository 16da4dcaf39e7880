//! Guesses from lines that could not be read, so that one mistake gets one
//! diagnostic: `prority P3 "低"` (an unknown item, E002) most likely
//! declared priority P3, and `priority P2 "High {` (a text left open, E001)
//! priority P2, so the checker does not add an E012 for every target that
//! names them; a dropped `hours offce` or `clock business …` most likely
//! used its calendar, so that calendar is not W005 "unused" either.

use super::context::Context;
use crate::ast::{Dropped, NameKind};
use crate::diagnostic::did_you_mean;
use crate::items::ItemName;

/// The leading name of `text` (after blanks) and the rest after it.
fn word(text: &str) -> (&str, &str) {
    let text = text.trim_start();
    let len = text
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(text.len());
    text.split_at(len)
}

/// True when a line's first word is `keyword`, or most likely was meant
/// to be.
fn meant(first: &str, keyword: &str) -> bool {
    first == keyword || did_you_mean(first, [keyword]).is_some()
}

/// The item a line's first word starts, or most likely was meant to.
fn item(first: &str) -> Option<ItemName> {
    ItemName::from_keyword(first)
        .or_else(|| did_you_mean(first, ItemName::keywords()).and_then(ItemName::from_keyword))
}

/// What kind of name an item declares, and what kind it refers to.
fn names_of(item: ItemName) -> (Option<NameKind>, Option<NameKind>) {
    match item {
        ItemName::Calendar => (Some(NameKind::Calendar), None),
        ItemName::Channel => (Some(NameKind::Channel), None),
        ItemName::Priority => (Some(NameKind::Priority), None),
        ItemName::Clock => (None, Some(NameKind::Calendar)),
        ItemName::Holidays => (Some(NameKind::HolidaySet), None),
        ItemName::Id
        | ItemName::Version
        | ItemName::Language
        | ItemName::PartOf
        | ItemName::Effective
        | ItemName::Timezone
        | ItemName::BusinessDay
        | ItemName::Pause
        | ItemName::Party
        | ItemName::Term
        | ItemName::Scope
        | ItemName::Response
        | ItemName::Resolution
        | ItemName::Fcr
        | ItemName::Csat
        | ItemName::Support
        | ItemName::Reporting
        | ItemName::Exclusions
        | ItemName::Credits
        | ItemName::GoverningLaw
        | ItemName::Commitment
        | ItemName::PartyNames => (None, None),
    }
}

/// Notes in `dropped` what the unreadable `line`, found in `context`, most
/// likely declared or referred to.
pub(super) fn guess(line: &str, context: Context, dropped: &mut Dropped) {
    let (first, rest) = word(line);
    // `hours "office"`: a name written in quotes is still that name.
    let (second, _) = word(rest.trim_start().trim_start_matches(['"', '“']));
    if first.is_empty() || second.is_empty() {
        return;
    }
    let name = second.to_string();
    match context {
        Context::Contract => match item(first).map(names_of) {
            Some((Some(declared), _)) => dropped.declared.push((declared, name)),
            Some((None, Some(referenced))) => dropped.referenced.push((referenced, name)),
            Some((None, None)) | None => {}
        },
        Context::Channel if meant(first, "hours") => {
            dropped.referenced.push((NameKind::Calendar, name));
        }
        Context::Priority if meant(first, "clock") => {
            dropped.referenced.push((NameKind::Calendar, name));
        }
        // `P1 within 15 minuts on always`: the word after `on`.
        Context::Target => {
            let mut words = line.split_whitespace();
            if words.by_ref().any(|w| w == "on") {
                if let Some(calendar) = words.next().map(|w| word(w).0).filter(|w| !w.is_empty()) {
                    dropped
                        .referenced
                        .push((NameKind::Calendar, calendar.to_string()));
                }
            }
        }
        Context::Calendar if meant(first, "holidays") => {
            dropped.referenced.push((NameKind::HolidaySet, name));
        }
        Context::Channel | Context::Priority | Context::Calendar => {}
        Context::Scope
        | Context::Holidays
        | Context::Support
        | Context::Party
        | Context::Reporting
        | Context::Exclusions
        | Context::Maintenance
        | Context::Credits
        | Context::Tiers => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn guessed(line: &str, context: Context) -> Dropped {
        let mut dropped = Dropped::default();
        guess(line, context, &mut dropped);
        dropped
    }

    #[test]
    fn a_dropped_or_misspelt_item_most_likely_declared_its_name() {
        let p3 = guessed("prority P3 \"Normal\"", Context::Contract);
        assert!(p3.declares("priority", "P3"));
        let p2 = guessed("priority P2 \"High {\n}", Context::Contract);
        assert!(p2.declares("priority", "P2") && !p2.declares("calendar", "P2"));
        assert_eq!(
            guessed("fcr at least 70%", Context::Contract),
            Dropped::default()
        );
    }

    #[test]
    fn a_dropped_hours_or_clock_most_likely_used_its_calendar() {
        let hours = guessed("hours \"office\"", Context::Channel);
        assert!(hours.refers_to(NameKind::Calendar, "office"));
        let hours = guessed("huors office x", Context::Channel);
        assert!(hours.refers_to(NameKind::Calendar, "office"));
        let clock = guessed("clock office always", Context::Priority);
        assert!(clock.refers_to(NameKind::Calendar, "office"));
        let target = guessed("P1 within 15 minuts on always", Context::Target);
        assert!(target.refers_to(NameKind::Calendar, "always"));
        assert_eq!(
            guessed("P1 within 15 minuts", Context::Target),
            Dropped::default()
        );
    }
}
