//! Completion by context: the keywords of the block the cursor is in (a
//! table by block, never every keyword), the declared names where a name
//! goes (`hours |`, `clock |`, `on |`, `submit via |`, a target line's
//! priority…), units after a number, and IANA time zones after `timezone`.

use super::names::{self, NameKind};
use super::positions;
use super::requests::Refusal;
use super::state::State;
use crate::model::{CommitmentSection, GoverningLaw, Unit};
use crate::source::FileId;
use crate::syntax::Context;
use lsp_types::{
    CompletionItem, CompletionItemKind, CompletionParams, CompletionResponse, CompletionTextEdit,
    Range, TextEdit,
};

pub fn complete(
    state: &State,
    params: CompletionParams,
) -> Result<Option<CompletionResponse>, Refusal> {
    let at = params.text_document_position;
    let uri = at.text_document.uri;
    let Some(source) = state.documents().get(&uri).map(|d| d.source.clone()) else {
        return Ok(None);
    };
    let offset = positions::offset(&source, at.position);
    let before = source.text().get(..offset).unwrap_or("");
    let place = Place::of(before);
    let declared = |kind: NameKind| -> Vec<String> {
        let Some(analysis) = state.analysis(&uri) else {
            return Vec::new();
        };
        let mut found: Vec<String> = names::index(&analysis)
            .into_iter()
            .filter(|o| o.declares && o.kind == kind)
            .filter(|o| o.file == FileId::MAIN || kind == NameKind::HolidaySet)
            .map(|o| o.name)
            .collect();
        found.dedup();
        found
    };
    let items: Vec<CompletionItem> = match place.wants() {
        Wants::Keywords(words) => words
            .into_iter()
            .map(|w| item(w, CompletionItemKind::KEYWORD))
            .collect(),
        Wants::Names(kind) => declared(kind)
            .into_iter()
            .map(|n| item(n, name_kind(kind)))
            .collect(),
        Wants::PrioritiesOrKeywords(words) => declared(NameKind::Priority)
            .into_iter()
            .map(|n| item(n, name_kind(NameKind::Priority)))
            .chain(
                words
                    .into_iter()
                    .map(|w| item(w, CompletionItemKind::KEYWORD)),
            )
            .collect(),
        Wants::Units => [Unit::Minutes, Unit::Hours, Unit::Days, Unit::BusinessDays]
            .iter()
            .map(|u| item(u.word(false).to_owned(), CompletionItemKind::UNIT))
            .collect(),
        Wants::Zones => {
            // Replace what is typed of the zone, its opening quote too.
            let typed = place.current.len();
            let start = positions::position(&source, offset.saturating_sub(typed));
            let range = Range::new(start, at.position);
            chrono_tz::TZ_VARIANTS
                .iter()
                .map(|tz| {
                    let quoted = format!("\"{}\"", tz.name());
                    let mut item = item(tz.name().to_owned(), CompletionItemKind::VALUE);
                    item.filter_text = Some(quoted.clone());
                    item.text_edit = Some(CompletionTextEdit::Edit(TextEdit::new(range, quoted)));
                    item
                })
                .collect()
        }
        Wants::Nothing => Vec::new(),
    };
    Ok(Some(CompletionResponse::Array(items)))
}

fn item(label: impl Into<String>, kind: CompletionItemKind) -> CompletionItem {
    CompletionItem {
        label: label.into(),
        kind: Some(kind),
        ..CompletionItem::default()
    }
}

fn name_kind(kind: NameKind) -> CompletionItemKind {
    match kind {
        NameKind::Calendar => CompletionItemKind::STRUCT,
        NameKind::Channel => CompletionItemKind::INTERFACE,
        NameKind::Priority => CompletionItemKind::ENUM_MEMBER,
        NameKind::HolidaySet => CompletionItemKind::ENUM,
        NameKind::Clause => CompletionItemKind::FIELD,
    }
}

/// What goes at the cursor.
#[derive(Debug, PartialEq)]
enum Wants {
    Keywords(Vec<&'static str>),
    Names(NameKind),
    /// The first word of a target line: a priority (or a keyword).
    PrioritiesOrKeywords(Vec<&'static str>),
    Units,
    Zones,
    Nothing,
}

/// Where the cursor is: the blocks open around it (named by the first
/// word of the line that opened each), the words of its statement before
/// the word being typed, and that word.
#[derive(Debug, Default)]
struct Place {
    blocks: Vec<String>,
    words: Vec<String>,
    current: String,
}

impl Place {
    /// Reads the text before the cursor: strings, text blocks, comments
    /// and placeholders are skipped, so their braces count for nothing.
    fn of(before: &str) -> Place {
        let mut blocks: Vec<String> = Vec::new();
        let mut statement = 0;
        let mut chars = before.char_indices().peekable();
        let mut in_statement_text = false;
        while let Some((i, c)) = chars.next() {
            match c {
                '"' => {
                    let rest = before.get(i..).unwrap_or("");
                    let end = if rest.starts_with("\"\"\"") {
                        rest.get(3..).and_then(|r| r.find("\"\"\"")).map(|e| e + 6)
                    } else {
                        string_end(rest)
                    };
                    match end {
                        Some(len) => {
                            while chars.peek().is_some_and(|(j, _)| *j < i + len) {
                                chars.next();
                            }
                        }
                        // The cursor is inside the text: nothing to complete
                        // unless it is a time zone being typed.
                        None => in_statement_text = true,
                    }
                    if in_statement_text {
                        break;
                    }
                }
                '/' if before.get(i..).is_some_and(|r| r.starts_with("//")) => {
                    while chars.peek().is_some_and(|(_, c)| *c != '\n') {
                        chars.next();
                    }
                }
                '[' => {
                    while chars.peek().is_some_and(|(_, c)| *c != ']' && *c != '\n') {
                        chars.next();
                    }
                }
                '{' => {
                    let opener = first_word(before.get(statement..i).unwrap_or(""));
                    blocks.push(opener);
                    statement = i + 1;
                }
                '}' => {
                    blocks.pop();
                    statement = i + 1;
                }
                '\n' => statement = i + 1,
                _ => {}
            }
        }
        let text = before.get(statement..).unwrap_or("");
        let mut words: Vec<String> = text.split_whitespace().map(str::to_owned).collect();
        let current = if text.ends_with(char::is_whitespace) {
            String::new()
        } else {
            words.pop().unwrap_or_default()
        };
        if in_statement_text {
            // Only `timezone "Asi|` completes inside a text.
            let quote = text.rfind('"').unwrap_or(0);
            let typed = text.get(quote..).unwrap_or("").to_owned();
            let words = text
                .get(..quote)
                .unwrap_or("")
                .split_whitespace()
                .map(str::to_owned)
                .collect();
            return Place {
                blocks,
                words,
                current: typed,
            };
        }
        Place {
            blocks,
            words,
            current,
        }
    }

    fn wants(&self) -> Wants {
        let block = self.blocks.last().map(String::as_str);
        let parent = self
            .blocks
            .len()
            .checked_sub(2)
            .and_then(|i| self.blocks.get(i))
            .map(String::as_str);
        let previous = self.words.last().map(String::as_str);
        if self.current.starts_with('"') {
            return if previous == Some("timezone") {
                Wants::Zones
            } else {
                Wants::Nothing
            };
        }
        let Some(previous) = previous else {
            return match (block, parent) {
                (Some("response" | "resolution"), Some("contract")) => {
                    Wants::PrioritiesOrKeywords(Vec::new())
                }
                _ => Wants::Keywords(block_keywords(block, parent)),
            };
        };
        if previous.parse::<f64>().is_ok() {
            return Wants::Units;
        }
        match (previous, block) {
            ("timezone", _) => Wants::Zones,
            ("hours" | "clock" | "on", Some(b)) if b != "credits" => {
                Wants::Names(NameKind::Calendar)
            }
            ("holidays", Some("calendar")) => Wants::Names(NameKind::HolidaySet),
            ("via", _) => Wants::Names(NameKind::Channel),
            (w, Some("support")) if w.ends_with(',') => Wants::Names(NameKind::Channel),
            (w, Some("calendar"))
                if w.ends_with(',') && self.words.first().is_some_and(|f| f == "holidays") =>
            {
                Wants::Names(NameKind::HolidaySet)
            }
            ("escalate", _) => Wants::Names(NameKind::Priority),
            ("governing-law", Some("contract")) => {
                Wants::Keywords(GoverningLaw::CODES.map(|(code, _)| code).to_vec())
            }
            ("commitment", Some("contract")) => Wants::Keywords(vec!["shall", "endeavour"]),
            ("shall" | "endeavour", Some("contract")) => Wants::Keywords(vec!["for"]),
            ("for", Some("contract")) if self.words.first().is_some_and(|f| f == "commitment") => {
                Wants::Keywords(CommitmentSection::ALL.map(CommitmentSection::word).to_vec())
            }
            ("party-names", Some("contract")) => Wants::Keywords(vec!["甲方/乙方", "short"]),
            ("availability", Some("credits")) => Wants::Names(NameKind::Channel),
            ("response" | "resolution", Some("credits")) => Wants::Names(NameKind::Priority),
            (w, Some("response" | "resolution"))
                if parent == Some("contract") && self.words.len() == 1 =>
            {
                let _ = w;
                Wants::Keywords(vec!["within"])
            }
            _ => Wants::Nothing,
        }
    }
}

/// The length of a one-line string at the start of `text`, quotes
/// included; `None` when it does not end before the text does.
fn string_end(text: &str) -> Option<usize> {
    let mut escaped = false;
    for (i, c) in text.char_indices().skip(1) {
        match c {
            '\\' if !escaped => escaped = true,
            '"' if !escaped => return Some(i + 1),
            '\n' => return Some(i),
            _ => escaped = false,
        }
    }
    None
}

fn first_word(statement: &str) -> String {
    statement.split_whitespace().next().unwrap_or("").to_owned()
}

/// The keywords that start a line in a block (`None`: outside any), from
/// the table the parser's recovery reads.
fn block_keywords(block: Option<&str>, parent: Option<&str>) -> Vec<&'static str> {
    let context = match (block, parent) {
        (None, _) => return vec!["use", "contract", "holidays"],
        (Some("contract"), _) => Context::Contract,
        (Some("calendar"), _) => Context::Calendar,
        (Some("holidays"), _) => Context::Holidays,
        (Some("channel"), _) => Context::Channel,
        (Some("priority"), _) => Context::Priority,
        (Some("party"), _) => Context::Party,
        (Some("scope"), _) => Context::Scope,
        (Some("support"), _) => Context::Support,
        (Some("reporting"), _) => Context::Reporting,
        (Some("exclusions"), _) => Context::Exclusions,
        (Some("maintenance"), _) => Context::Maintenance,
        (Some("credits"), _) => Context::Credits,
        (Some(_), Some("credits")) => Context::Tiers,
        (Some(_), _) => return Vec::new(),
    };
    context.openings()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wants(before: &str) -> Wants {
        Place::of(before).wants()
    }

    #[test]
    fn the_wording_items_complete_their_values() {
        let contract = "contract \"x\" {\n  ";
        assert_eq!(
            wants(&format!("{contract}governing-law ")),
            Wants::Keywords(vec!["cn", "sg", "en-gb", "us-ny"])
        );
        assert_eq!(
            wants(&format!("{contract}commitment ")),
            Wants::Keywords(vec!["shall", "endeavour"])
        );
        assert_eq!(
            wants(&format!("{contract}commitment shall ")),
            Wants::Keywords(vec!["for"])
        );
        assert_eq!(
            wants(&format!("{contract}commitment endeavour for ")),
            Wants::Keywords(vec![
                "response",
                "resolution",
                "availability",
                "fcr",
                "csat"
            ])
        );
        assert_eq!(
            wants(&format!("{contract}party-names ")),
            Wants::Keywords(vec!["甲方/乙方", "short"])
        );
    }

    #[test]
    fn keywords_are_those_of_the_block() {
        assert_eq!(
            wants(""),
            Wants::Keywords(vec!["use", "contract", "holidays"])
        );
        let in_channel = "contract \"x\" {\n  channel a \"{}\" {\n    ";
        assert_eq!(
            wants(in_channel),
            Wants::Keywords(vec!["hours", "availability", "contact", "aka"])
        );
        // The names a ticket system gives a priority or a channel (`aka`).
        assert_eq!(
            wants("contract \"x\" {\n  priority P1 \"紧急\" {\n    "),
            Wants::Keywords(vec!["clock", "aka"])
        );
        // A brace in a string or a comment opens nothing.
        let after = "contract \"x\" { // {\n  channel a \"}\" { hours b }\n  ";
        let Wants::Keywords(words) = wants(after) else {
            panic!("keywords expected")
        };
        assert!(words.contains(&"calendar") && !words.contains(&"hours"));
        // A keyword always followed by the same word is offered with it.
        assert!(words.contains(&"pause on") && !words.contains(&"pause"));
        assert_eq!(
            wants("contract \"x\" {\n  support {\n    "),
            Wants::Keywords(vec!["submit via", "escalate"])
        );
        // A word being typed completes as the start of its line.
        assert_eq!(
            wants("contract \"x\" {\n  party c \"n\" {\n    sig"),
            Wants::Keywords(vec!["short", "contact", "signatory"])
        );
    }

    #[test]
    fn names_units_and_zones_by_the_word_before() {
        let c = "contract \"x\" {\n";
        assert_eq!(
            wants(&format!("{c}  clock ")),
            Wants::Names(NameKind::Calendar)
        );
        assert_eq!(
            wants(&format!("{c}  channel a \"A\" {{ hours b")),
            Wants::Names(NameKind::Calendar)
        );
        assert_eq!(
            wants(&format!("{c}  support {{\n    submit via a, ")),
            Wants::Names(NameKind::Channel)
        );
        assert_eq!(
            wants(&format!("{c}  calendar b \"B\" {{\n    holidays ")),
            Wants::Names(NameKind::HolidaySet)
        );
        assert_eq!(
            wants(&format!("{c}  response {{\n    P1 within 15 ")),
            Wants::Units
        );
        assert_eq!(
            wants(&format!("{c}  response {{\n    ")),
            Wants::PrioritiesOrKeywords(Vec::new())
        );
        assert_eq!(wants(&format!("{c}  timezone ")), Wants::Zones);
        assert_eq!(wants(&format!("{c}  timezone \"Asia/Sh")), Wants::Zones);
        assert_eq!(wants(&format!("{c}  id \"abc")), Wants::Nothing);
        assert_eq!(
            wants(&format!("{c}  credits {{\n    availability ")),
            Wants::Names(NameKind::Channel)
        );
    }
}
