//! One change, its kind and effect, and the list the walkers fill.

use crate::model::{Fill, Period};
use serde::Serialize;

/// What happened to the thing at a path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    Added,
    Removed,
    Changed,
}

impl ChangeKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::Added => "added",
            ChangeKind::Removed => "removed",
            ChangeKind::Changed => "changed",
        }
    }

    /// The kind of the same change seen from the other side.
    pub fn mirror(self) -> ChangeKind {
        match self {
            ChangeKind::Added => ChangeKind::Removed,
            ChangeKind::Removed => ChangeKind::Added,
            ChangeKind::Changed => ChangeKind::Changed,
        }
    }
}

/// What a change does to the provider's obligations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Effect {
    /// The provider owes more.
    Tightened,
    /// The provider owes less.
    Relaxed,
    /// Neither, or not one way for every request.
    Neutral,
}

impl Effect {
    pub fn as_str(self) -> &'static str {
        match self {
            Effect::Tightened => "tightened",
            Effect::Relaxed => "relaxed",
            Effect::Neutral => "neutral",
        }
    }

    /// The effect of undoing the change.
    pub fn mirror(self) -> Effect {
        match self {
            Effect::Tightened => Effect::Relaxed,
            Effect::Relaxed => Effect::Tightened,
            Effect::Neutral => Effect::Neutral,
        }
    }

    /// Tightened when the new number is higher (a share, a score, open
    /// minutes), relaxed when lower.
    pub fn higher_is_tighter(old: f64, new: f64) -> Effect {
        if new > old {
            Effect::Tightened
        } else if new < old {
            Effect::Relaxed
        } else {
            Effect::Neutral
        }
    }

    /// Two parts of one change (a share and its period): one way if both go
    /// that way or one is neutral, neutral if they pull apart.
    pub fn and(self, other: Effect) -> Effect {
        match (self, other) {
            (Effect::Neutral, e) | (e, Effect::Neutral) => e,
            (a, b) if a == b => a,
            _ => Effect::Neutral,
        }
    }
}

/// The section of the contract a change belongs to, in reading order (the
/// Markdown summary groups by it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Section {
    Contract,
    Parties,
    Terms,
    Scope,
    Calendars,
    Holidays,
    Channels,
    Priorities,
    Quality,
    Support,
    Remedies,
}

impl Section {
    pub const ALL: [Section; 11] = [
        Section::Contract,
        Section::Parties,
        Section::Terms,
        Section::Scope,
        Section::Calendars,
        Section::Holidays,
        Section::Channels,
        Section::Priorities,
        Section::Quality,
        Section::Support,
        Section::Remedies,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Section::Contract => "Contract",
            Section::Parties => "Parties",
            Section::Terms => "Terms",
            Section::Scope => "Scope",
            Section::Calendars => "Calendars",
            Section::Holidays => "Holiday sets",
            Section::Channels => "Channels",
            Section::Priorities => "Priorities and targets",
            Section::Quality => "Quality (FCR, CSAT)",
            Section::Support => "Support",
            Section::Remedies => "Remedies (exclusions, credits)",
        }
    }
}

/// One change in meaning.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub section: Section,
    /// Where in the model: `priorities.P1.response`,
    /// `calendars.business.closed[2027-10-01..2027-10-07]`.
    pub path: String,
    pub kind: ChangeKind,
    /// What the summary names: `P1 response`.
    pub subject: String,
    /// The old value as the language writes it; `None` when added.
    pub old: Option<String>,
    /// The new value; `None` when removed.
    pub new: Option<String>,
    pub effect: Effect,
    /// Why the effect is what it is, when that is not plain from the values
    /// (`sooner for some requests, later for others`).
    pub note: Option<String>,
}

impl Change {
    /// One line for a person: `P1 response: 15 minutes → 10 minutes (tightened)`.
    pub fn summary(&self) -> String {
        let effect = match &self.note {
            Some(note) => format!("{}; {note}", self.effect.as_str()),
            None => self.effect.as_str().to_string(),
        };
        let value = |v: &Option<String>| v.clone().unwrap_or_default();
        match self.kind {
            ChangeKind::Changed => format!(
                "{}: {} → {} ({effect})",
                self.subject,
                value(&self.old),
                value(&self.new)
            ),
            ChangeKind::Added => format!("{} added: {} ({effect})", self.subject, value(&self.new)),
            ChangeKind::Removed => {
                format!("{} removed: {} ({effect})", self.subject, value(&self.old))
            }
        }
    }
}

/// Where a change is: its section, path and the words that name it. A
/// walker makes one for its struct and a child for each field.
#[derive(Debug, Clone)]
pub(super) struct Place {
    section: Section,
    path: String,
    subject: String,
}

impl Place {
    pub(super) fn new(
        section: Section,
        path: impl Into<String>,
        subject: impl Into<String>,
    ) -> Place {
        Place {
            section,
            path: path.into(),
            subject: subject.into(),
        }
    }

    /// A field of this place: `.key` on the path, ` words` on the subject.
    pub(super) fn field(&self, key: &str, words: &str) -> Place {
        Place {
            section: self.section,
            path: format!("{}.{key}", self.path),
            subject: if words.is_empty() {
                self.subject.clone()
            } else {
                format!("{} {words}", self.subject)
            },
        }
    }

    /// A member of a list keyed by value: `[key]` on the path.
    pub(super) fn member(&self, key: &str, words: &str) -> Place {
        Place {
            section: self.section,
            path: format!("{}[{key}]", self.path),
            subject: if words.is_empty() {
                self.subject.clone()
            } else {
                format!("{} {words}", self.subject)
            },
        }
    }
}

/// The changes found so far.
#[derive(Debug, Default)]
pub(super) struct Changes {
    list: Vec<Change>,
}

impl Changes {
    pub(super) fn into_vec(self) -> Vec<Change> {
        self.list
    }

    /// Records a change when the two shown values differ: added when only
    /// `new` is shown, removed when only `old` is.
    pub(super) fn record(
        &mut self,
        place: Place,
        old: Option<String>,
        new: Option<String>,
        effect: Effect,
    ) {
        self.record_noted(place, old, new, (effect, None));
    }

    /// [`Changes::record`] with a note on why the effect is what it is.
    pub(super) fn record_noted(
        &mut self,
        place: Place,
        old: Option<String>,
        new: Option<String>,
        (effect, note): (Effect, Option<String>),
    ) {
        let kind = match (&old, &new) {
            (None, None) => return,
            (Some(a), Some(b)) if a == b => return,
            (None, Some(_)) => ChangeKind::Added,
            (Some(_), None) => ChangeKind::Removed,
            (Some(_), Some(_)) => ChangeKind::Changed,
        };
        let Place {
            section,
            path,
            subject,
        } = place;
        self.list.push(Change {
            section,
            path,
            kind,
            subject,
            old,
            new,
            effect,
            note,
        });
    }
}

/// The members of two lists paired by key: each old member with the new one
/// of the same key (the n-th of a repeated key with the n-th), then the new
/// members no old one had. The number is the occurrence of the key (0 for
/// the first), so that paths stay distinct when a key repeats.
pub(super) fn pairs<'a, T, K: PartialEq>(
    old: &'a [T],
    new: &'a [T],
    key: impl Fn(&T) -> K,
) -> Vec<(usize, Option<&'a T>, Option<&'a T>)> {
    let keyed = |list: &'a [T]| -> Vec<(K, usize, &'a T)> {
        let mut seen: Vec<K> = Vec::new();
        list.iter()
            .map(|item| {
                let k = key(item);
                let occurrence = seen.iter().filter(|s| **s == k).count();
                seen.push(key(item));
                (k, occurrence, item)
            })
            .collect()
    };
    let (old, new) = (keyed(old), keyed(new));
    let find = |list: &[(K, usize, &'a T)], k: &K, n: usize| {
        list.iter()
            .find(|(key, occurrence, _)| key == k && *occurrence == n)
            .map(|(_, _, item)| *item)
    };
    let mut out: Vec<_> = old
        .iter()
        .map(|(k, n, item)| (*n, Some(*item), find(&new, k, *n)))
        .collect();
    out.extend(
        new.iter()
            .filter(|(k, n, _)| find(&old, k, *n).is_none())
            .map(|(_, n, item)| (*n, None, Some(*item))),
    );
    out
}

/// A list member's key on a path, with its occurrence when it repeats.
pub(super) fn member_key(key: &str, occurrence: usize) -> String {
    if occurrence == 0 {
        key.to_string()
    } else {
        format!("{key}#{}", occurrence + 1)
    }
}

/// `compare` on the two values; `None` when either is still a placeholder.
pub(super) fn filled<'a, T, R>(
    old: &'a Fill<T>,
    new: &'a Fill<T>,
    compare: impl FnOnce(&'a T, &'a T) -> R,
) -> Option<R> {
    Some(compare(old.value()?, new.value()?))
}

/// Added is tightened, removed relaxed: a channel, a service, an audience
/// the provider must now serve.
pub(super) fn presence_effect(before: bool, after: bool) -> Effect {
    match (before, after) {
        (false, true) => Effect::Tightened,
        (true, false) => Effect::Relaxed,
        (true, true) | (false, false) => Effect::Neutral,
    }
}

/// A shorter measurement period is tightened: each month must pass, not
/// the quarter on average.
pub(super) fn period_effect(old: &Fill<Period>, new: &Fill<Period>) -> Effect {
    let length = |p: &Period| match p {
        Period::Monthly => 1.0,
        Period::Quarterly => 3.0,
        Period::Yearly => 12.0,
    };
    filled(old, new, |a, b| {
        Effect::higher_is_tighter(length(b), length(a))
    })
    .unwrap_or(Effect::Neutral)
}

/// A higher share or score is tightened; a placeholder compares neutral.
pub(super) fn share_effect(old: &Fill<f64>, new: &Fill<f64>) -> Effect {
    filled(old, new, |a, b| Effect::higher_is_tighter(*a, *b)).unwrap_or(Effect::Neutral)
}
