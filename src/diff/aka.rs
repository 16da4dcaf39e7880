//! The `aka` names of a priority or a channel: each name added or removed
//! is a change of its own. Neutral: a name says how the ticket system
//! writes a value, not what the provider owes.

use super::changes::{member_key, pairs, Changes, Effect, Place};

pub(super) fn aka(changes: &mut Changes, place: &Place, old: &[String], new: &[String]) {
    let list = place.field("aka", "ticket-system name");
    for (n, before, after) in pairs(old, new, String::clone) {
        let Some(either) = before.or(after) else {
            continue;
        };
        changes.record(
            list.member(&member_key(either, n), ""),
            before.map(|name| format!("\"{name}\"")),
            after.map(|name| format!("\"{name}\"")),
            Effect::Neutral,
        );
    }
}
