//! The one list of contract items.
//!
//! Everything the code needs to know about an item and could forget is
//! here, one row per item: its keyword, whether a contract may have more
//! than one, the words a syntax error uses for it, the part of the appendix
//! it shows in, and whether it can hold `[…]` placeholders. The lowering's
//! dispatch and recovery, the syntax-error words, the checker's "given
//! twice", the model's placeholder detection and the formatter read it;
//! everything else matches on [`ItemName`] or [`crate::ast::ItemKind`]
//! exhaustively, so the compiler names each place a new item must be
//! handled. A test holds the grammar's item keywords to this table.

/// The part of the appendix (docs/appendix.md) an item shows in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AppendixPart {
    /// The title block: number and version.
    TitleBlock,
    /// The parties and the master contract.
    Preamble,
    /// 1. Definitions (terms, the business day, the time zone).
    Definitions,
    /// 2. Scope (services, audience, channels).
    Scope,
    /// 3. Targets.
    Targets,
    /// 4. Support (and the reporting sentence at its end).
    Support,
    /// Remedies (design §11): exclusions and service credits.
    Remedies,
    /// 5. Effective period.
    Effective,
    /// Not one part: the language of the whole appendix, or the clock the
    /// targets count on.
    Throughout,
}

/// What the code needs to know about one item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ItemSpec {
    pub name: ItemName,
    /// The keyword that starts it, as written.
    pub keyword: &'static str,
    /// May a contract have it more than once (else E010 the second time)?
    pub repeatable: bool,
    /// What a syntax error calls it among what was expected.
    pub expected: &'static str,
    pub part: AppendixPart,
    /// Can its value in the model be a `[…]` placeholder (a draft)?
    pub placeholders: bool,
}

/// Declares [`ItemName`] and [`ITEMS`] from one list, so that a name
/// without its row (or a row without its name) cannot be written.
macro_rules! items {
    ($($name:ident $keyword:literal $repeatable:ident $part:ident $placeholders:ident;)*) => {
        /// Which item, one per keyword of a contract body.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum ItemName {
            $($name,)*
        }

        impl ItemName {
            /// Its row of [`ITEMS`].
            pub const fn spec(self) -> &'static ItemSpec {
                match self {
                    $(ItemName::$name => &ItemSpec {
                        name: ItemName::$name,
                        keyword: $keyword,
                        repeatable: $repeatable,
                        expected: concat!("`", $keyword, "`"),
                        part: AppendixPart::$part,
                        placeholders: $placeholders,
                    },)*
                }
            }
        }

        /// Every item, in the order docs/language.md lists them.
        pub const ITEMS: &[ItemSpec] = &[$(*ItemName::$name.spec(),)*];
    };
}

//  name        keyword         repeatable  part         placeholders
items! {
    Id          "id"            false  TitleBlock    true;
    Version     "version"       false  TitleBlock    true;
    Language    "language"      false  Throughout    false;
    PartOf      "part-of"       false  Preamble      true;
    Effective   "effective"     false  Effective     true;
    Timezone    "timezone"      false  Definitions   false;
    Clock       "clock"         false  Throughout    false;
    BusinessDay "business-day"  false  Definitions   false;
    Pause       "pause"         false  Definitions   false;
    Party       "party"         true   Preamble      true;
    Term        "term"          true   Definitions   true;
    Scope       "scope"         false  Scope         true;
    Calendar    "calendar"      true   Targets       true;
    Channel     "channel"       true   Scope         true;
    Priority    "priority"      true   Targets       true;
    Response    "response"      false  Targets       true;
    Resolution  "resolution"    false  Targets       true;
    Fcr         "fcr"           false  Targets       true;
    Csat        "csat"          false  Targets       true;
    Support     "support"       false  Support       true;
    Reporting   "reporting"     false  Support       true;
    Exclusions  "exclusions"    false  Remedies      true;
    Credits     "credits"       false  Remedies      true;
    Holidays    "holidays"      true   Targets       true;
    GoverningLaw "governing-law" false Preamble      true;
    Commitment  "commitment"    true   Targets       true;
    PartyNames  "party-names"   false  Throughout    true;
}

impl ItemName {
    pub fn keyword(self) -> &'static str {
        self.spec().keyword
    }

    /// Every item keyword, in table order.
    pub fn keywords() -> impl Iterator<Item = &'static str> {
        ITEMS.iter().map(|spec| spec.keyword)
    }

    /// The item a keyword starts.
    pub fn from_keyword(keyword: &str) -> Option<ItemName> {
        ITEMS
            .iter()
            .find(|spec| spec.keyword == keyword)
            .map(|spec| spec.name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_keyword_is_one_item() {
        for spec in ITEMS {
            assert_eq!(ItemName::from_keyword(spec.keyword), Some(spec.name));
            assert_eq!(
                ITEMS.iter().filter(|s| s.keyword == spec.keyword).count(),
                1,
                "{}",
                spec.keyword
            );
        }
    }
}
