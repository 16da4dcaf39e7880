//! Where a line stands (a contract body, a calendar, a party's fields …):
//! its recovery rule, the words it knows and how an unknown word there is
//! worded. Recovery and the guesses about dropped lines both read it.

use crate::items::ItemName;
use crate::model::WEEKDAYS;
use crate::syntax::Rule;

/// Item keywords always followed by the same word (the grammar's
/// `pause_item` is `kw_pause ~ kw_on ~ …`), offered with it.
const ITEM_PHRASES: &[(&str, &str)] = &[("pause", "pause on")];

/// Where a recovered line stood, which decides how it is re-parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Context {
    Contract,
    Scope,
    Calendar,
    Target,
    Support,
    Party,
    Channel,
    Priority,
    Reporting,
    Exclusions,
    Maintenance,
    Credits,
    /// The `{ … }` of a credit line's tiers.
    Tiers,
    Holidays,
}

impl Context {
    pub(super) fn rule(self) -> Rule {
        match self {
            Context::Contract => Rule::recover_contract,
            Context::Scope => Rule::recover_scope,
            Context::Calendar => Rule::recover_calendar,
            Context::Target => Rule::recover_target,
            Context::Support => Rule::recover_support,
            Context::Party => Rule::recover_party,
            Context::Channel => Rule::recover_channel,
            Context::Priority => Rule::recover_priority,
            Context::Reporting => Rule::recover_reporting,
            Context::Exclusions => Rule::recover_exclusions,
            Context::Maintenance => Rule::recover_maintenance,
            Context::Credits => Rule::recover_credits,
            Context::Tiers => Rule::recover_tiers,
            Context::Holidays => Rule::recover_holidays,
        }
    }

    /// How the lines of this context start, as completion offers them:
    /// a keyword, or a keyword with the word that always follows it
    /// (`submit via`, `at most`, `pause on`).
    pub(crate) fn openings(self) -> Vec<&'static str> {
        let words: &[&str] = match self {
            Context::Contract => {
                return ItemName::keywords()
                    .map(|k| {
                        ITEM_PHRASES
                            .iter()
                            .find(|(keyword, _)| *keyword == k)
                            .map_or(k, |(_, phrase)| phrase)
                    })
                    .collect()
            }
            Context::Scope => &["service", "audience"],
            Context::Calendar => &[
                "closed", "open", "timezone", "holidays", "daily", "mon-fri", "mon", "tue", "wed",
                "thu", "fri", "sat", "sun",
            ],
            Context::Target => &[],
            Context::Support => &["submit via", "escalate"],
            Context::Party => &["short", "contact", "signatory"],
            Context::Channel => &["hours", "availability", "contact", "aka"],
            Context::Priority => &["clock", "aka"],
            Context::Reporting => &["report"],
            Context::Exclusions => &["maintenance", "clause"],
            Context::Maintenance => &["notice", "window", "at most"],
            Context::Credits => &[
                "fee",
                "availability",
                "response",
                "resolution",
                "fcr",
                "csat",
                "cap",
                "claim",
                "form",
            ],
            Context::Tiers => &["below"],
            Context::Holidays => &["closed", "open"],
        };
        words.to_vec()
    }

    /// The first words of the lines of this context.
    pub(super) fn keywords(self) -> Vec<&'static str> {
        self.openings()
            .into_iter()
            .map(|opening| opening.split(' ').next().unwrap_or(opening))
            .collect()
    }

    /// The message for an unknown first word.
    pub(super) fn unknown(self, word: &str) -> String {
        let (noun, place) = match self {
            Context::Contract | Context::Target => ("item", ""),
            Context::Scope => ("line", " in `scope`"),
            Context::Calendar => ("line", " in a calendar"),
            Context::Support => ("line", " in `support`"),
            Context::Party => ("field", " of a party"),
            Context::Channel => ("field", " of a channel"),
            Context::Priority => ("field", " of a priority"),
            Context::Reporting => ("line", " in `reporting`"),
            Context::Exclusions => ("line", " in `exclusions`"),
            Context::Maintenance => ("line", " in `maintenance`"),
            Context::Credits => ("line", " in `credits`"),
            Context::Tiers => ("tier", " of a credit line"),
            Context::Holidays => ("line", " in a holiday set"),
        };
        format!("unknown {noun} `{word}`{place}")
    }

    /// True when `word` starts a line this context knows, so a failure is a
    /// syntax error in that line rather than an unknown word.
    pub(super) fn knows(self, word: &str) -> bool {
        match self {
            Context::Target => true,
            Context::Calendar => {
                word == "daily"
                    || WEEKDAYS.iter().any(|d| word.starts_with(d))
                    || self.keywords().contains(&word)
            }
            Context::Contract
            | Context::Scope
            | Context::Support
            | Context::Party
            | Context::Channel
            | Context::Priority
            | Context::Reporting
            | Context::Exclusions
            | Context::Maintenance
            | Context::Credits
            | Context::Tiers
            | Context::Holidays => self.keywords().contains(&word),
        }
    }
}
