//! `pause on`: each pausing status added or removed is a change of its
//! own. A status added stops the resolution clock for longer, so the
//! provider owes less (relaxed); one removed, more (tightened). Statuses
//! match folded, as eval matches them: a change of case is neutral.

use super::changes::{member_key, pairs, Changes, Effect, Place, Section};
use crate::model::fold_name;

pub(super) fn pause_on(changes: &mut Changes, old: &[String], new: &[String]) {
    let list = Place::new(Section::Contract, "pause-on", "pausing status");
    for (n, before, after) in pairs(old, new, |s| fold_name(s)) {
        let Some(either) = before.or(after) else {
            continue;
        };
        changes.record(
            list.member(&member_key(&fold_name(either), n), ""),
            before.map(|name| format!("\"{name}\"")),
            after.map(|name| format!("\"{name}\"")),
            match (before, after) {
                (None, Some(_)) => Effect::Relaxed,
                (Some(_), None) => Effect::Tightened,
                (Some(_), Some(_)) | (None, None) => Effect::Neutral,
            },
        );
    }
}
