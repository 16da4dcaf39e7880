//! `slac diff`: what changed in *meaning* between two versions of a
//! contract, on the model, never on text — a reformat or a comment is no
//! change.
//!
//! Every change has a path (`priorities.P1.response`), a kind (added,
//! removed, changed), both values as the language writes them, and an
//! [`Effect`] for the provider: tightened when the provider owes more
//! (shorter targets, higher shares, fewer closed days, more open hours, more
//! channels or services), relaxed when it owes less, neutral otherwise
//! (labels, contacts, parties, and changes whose sign cannot be told).
//!
//! ```text
//! Contract ─┐
//!           ├─▶ walk (one function per model struct) ─▶ Vec<Change> ─▶ output (text, JSON, Markdown)
//! Contract ─┘        └─▶ lived (durations compared as a client lives them)
//! ```
//!
//! Each walker destructures its model struct exhaustively, so a field added
//! to the model does not compile until the diff says how it compares.

mod aka;
mod calendars;
mod changes;
mod holiday_sets;
mod lived;
mod output;
mod pauses;
mod priorities;
mod remedies;
mod show;
mod walk;
mod wording;

pub use changes::{Change, ChangeKind, Effect, Section};
pub use output::{json, markdown, text};

use crate::model::Contract;

/// The changes from `old` to `new`, in the order of the contract's sections.
pub fn diff(old: &Contract, new: &Contract) -> Vec<Change> {
    let mut changes = changes::Changes::default();
    walk::contract(&mut changes, old, new);
    changes.into_vec()
}
