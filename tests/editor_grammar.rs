//! The VS Code extension's TextMate grammar
//! (`editors/vscode/syntaxes/sla.tmLanguage.json`) cannot drift from the
//! pest grammar (`grammar/sla.pest`):
//! - its keywords are exactly the pest grammar's `kw_*` rules, and its
//!   item keywords exactly those that open an item of a file or a contract;
//! - its other word lists (units, weekdays, months, ordinals, periods,
//!   credit forms) are exactly the words of the pest rules they highlight,
//!   and every pest rule with a word in it is one of these;
//! - the golden token dumps of `editors/vscode/test/` are dumps of today's
//!   shipped files, so a contract edited without re-blessing them fails
//!   here, in `cargo test`, and not only in `.ci/run`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code: a broken assumption stops the test with its message"
)]

use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

// ------------------------------------------------------------- pest side

/// A token of a pest grammar file, as far as this test needs them.
#[derive(Debug, Clone, PartialEq)]
enum PestToken {
    /// A `"..."` literal, unescaped enough for words (they hold no escapes).
    Literal(String),
    Ident(String),
    Punct(char),
}

fn pest_tokens(text: &str) -> Vec<PestToken> {
    let chars: Vec<char> = text.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '/' && chars.get(i + 1) == Some(&'/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '"' || c == '\'' {
            let mut literal = String::new();
            i += 1;
            while chars[i] != c {
                if chars[i] == '\\' {
                    i += 1;
                    // `\u{5D}` and the like: no word holds one, any
                    // character but a letter stands for it.
                    literal.push(match chars[i] {
                        'n' => '\n',
                        'r' => '\r',
                        't' => '\t',
                        'u' => {
                            while chars[i] != '}' {
                                i += 1;
                            }
                            '\u{FFFD}'
                        }
                        escaped => escaped,
                    });
                } else {
                    literal.push(chars[i]);
                }
                i += 1;
            }
            i += 1;
            if c == '"' {
                tokens.push(PestToken::Literal(literal));
            }
        } else if c.is_ascii_alphanumeric() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            tokens.push(PestToken::Ident(chars[start..i].iter().collect()));
        } else {
            if !c.is_whitespace() {
                tokens.push(PestToken::Punct(c));
            }
            i += 1;
        }
    }
    tokens
}

/// Every rule of the grammar: its name and the tokens of its body.
fn pest_rules() -> BTreeMap<String, Vec<PestToken>> {
    let tokens = pest_tokens(&read("grammar/sla.pest"));
    let mut rules = BTreeMap::new();
    let mut i = 0;
    while i < tokens.len() {
        let PestToken::Ident(name) = &tokens[i] else {
            panic!(
                "grammar/sla.pest: expected a rule name, found {:?}",
                tokens[i]
            );
        };
        assert_eq!(tokens[i + 1], PestToken::Punct('='), "rule {name}");
        i += 2;
        if matches!(tokens[i], PestToken::Punct('_' | '@' | '$' | '!')) {
            i += 1;
        }
        // `_` lexes as an identifier character: a silent rule's `_{`.
        if tokens[i] == PestToken::Ident("_".into()) {
            i += 1;
        }
        assert_eq!(tokens[i], PestToken::Punct('{'), "rule {name}");
        let (mut depth, start) = (1, i + 1);
        while depth > 0 {
            i += 1;
            match tokens[i] {
                PestToken::Punct('{') => depth += 1,
                PestToken::Punct('}') => depth -= 1,
                _ => {}
            }
        }
        rules.insert(name.clone(), tokens[start..i].to_vec());
        i += 1;
    }
    rules
}

fn has_letter(word: &str) -> bool {
    word.chars().any(|c| c.is_ascii_alphabetic())
}

fn literal_words(body: &[PestToken]) -> impl Iterator<Item = &str> {
    body.iter().filter_map(|t| match t {
        PestToken::Literal(l) if has_letter(l) => Some(l.as_str()),
        _ => None,
    })
}

/// A `kw_*` rule's keyword: its literals in order, one space apart
/// (`"or" ~ inline_ws ~ "workaround"` is `or workaround`).
fn keyword_of(name: &str, body: &[PestToken]) -> String {
    assert!(
        !body.contains(&PestToken::Punct('|')),
        "{name} has alternatives: teach tests/editor_grammar.rs to read them"
    );
    literal_words(body).collect::<Vec<_>>().join(" ")
}

fn pest_keywords(rules: &BTreeMap<String, Vec<PestToken>>) -> BTreeSet<String> {
    rules
        .iter()
        .filter(|(name, _)| name.starts_with("kw_"))
        .map(|(name, body)| keyword_of(name, body))
        .collect()
}

/// The keywords that open an item: the first keyword of each rule that
/// `file` and `contract_item` list.
fn pest_item_keywords(rules: &BTreeMap<String, Vec<PestToken>>) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for list in ["file", "contract_item"] {
        for token in &rules[list] {
            let PestToken::Ident(item) = token else {
                continue;
            };
            let Some(body) = rules.get(item) else {
                continue;
            };
            if let Some(PestToken::Ident(first)) = body.first() {
                if first.starts_with("kw_") {
                    found.insert(keyword_of(first, &rules[first]));
                }
            }
        }
    }
    found
}

/// Each TextMate word list and the pest rules whose words it highlights.
const WORD_LISTS: &[(&str, &[&str])] = &[
    (
        "units",
        &["unit_minutes", "unit_hours", "unit_business", "unit_days"],
    ),
    ("weekdays", &["weekdays", "weekday"]),
    ("months", &["month_word"]),
    ("ordinals", &["nth"]),
    ("periods", &["period_word", "report_period_word"]),
    ("credit-forms", &["credit_form"]),
];

// ------------------------------------------------------- TextMate side

fn tm_grammar() -> Value {
    serde_json::from_str(&read("editors/vscode/syntaxes/sla.tmLanguage.json"))
        .expect("the TextMate grammar is JSON")
}

fn tm_match<'a>(grammar: &'a Value, entry: &str) -> &'a str {
    grammar["repository"][entry]["match"]
        .as_str()
        .unwrap_or_else(|| panic!("the TextMate grammar has no repository.{entry}.match"))
}

/// The regex without its look-arounds (`(?<![\w-])`, `(?=…)`, …).
fn without_lookarounds(regex: &str) -> String {
    let chars: Vec<char> = regex.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let rest: String = chars[i..chars.len().min(i + 4)].iter().collect();
        if ["(?=", "(?!", "(?<=", "(?<!"]
            .iter()
            .any(|open| rest.starts_with(open))
        {
            let mut depth = 0;
            loop {
                match chars[i] {
                    '\\' => i += 1,
                    '(' => depth += 1,
                    ')' => depth -= 1,
                    _ => {}
                }
                i += 1;
                if depth == 0 {
                    break;
                }
            }
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// The words or phrases of a word-list regex: alternatives of literal
/// words in groups, `[ \t]+` between the words of a phrase. Anything else
/// in it (a class, an escape) is a regex this test cannot read: it fails.
fn tm_phrases(entry: &str, regex: &str) -> Vec<String> {
    let bare = without_lookarounds(regex).replace(r"[ \t]+", " ");
    let phrases: Vec<String> = bare
        .split(['(', ')', '?', ':', '|'])
        .map(str::trim)
        .filter(|p| !p.is_empty() && *p != "-")
        .map(str::to_owned)
        .collect();
    for phrase in &phrases {
        assert!(
            phrase
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == ' '),
            "repository.{entry}: cannot read {phrase:?} in {regex:?} as words"
        );
    }
    phrases
}

fn tm_words(entry: &str, regex: &str) -> BTreeSet<String> {
    tm_phrases(entry, regex)
        .iter()
        .flat_map(|p| p.split(' ').map(str::to_owned))
        .collect()
}

/// Both directions, every difference named.
fn assert_same(what: &str, pest: &BTreeSet<String>, tm: &BTreeSet<String>) {
    let only_pest: Vec<_> = pest.difference(tm).collect();
    let only_tm: Vec<_> = tm.difference(pest).collect();
    assert!(
        only_pest.is_empty() && only_tm.is_empty(),
        "{what}: in grammar/sla.pest only: {only_pest:?}; in editors/vscode/syntaxes/sla.tmLanguage.json only: {only_tm:?}"
    );
}

// ------------------------------------------------------------------ tests

#[test]
fn the_keywords_are_the_pest_grammars_kw_rules() {
    let rules = pest_rules();
    let grammar = tm_grammar();
    let items: BTreeSet<String> = tm_phrases("item-keywords", tm_match(&grammar, "item-keywords"))
        .into_iter()
        .collect();
    let others: BTreeSet<String> = tm_phrases("keywords", tm_match(&grammar, "keywords"))
        .into_iter()
        .collect();
    let both: Vec<_> = items.intersection(&others).collect();
    assert!(
        both.is_empty(),
        "in item-keywords and keywords both: {both:?}"
    );
    let all: BTreeSet<String> = items.union(&others).cloned().collect();
    assert_same("keywords (kw_* rules)", &pest_keywords(&rules), &all);
    assert_same(
        "item keywords (the first keyword of each item of `file` and `contract_item`)",
        &pest_item_keywords(&rules),
        &items,
    );
}

#[test]
fn the_word_lists_are_the_pest_grammars_words() {
    let rules = pest_rules();
    let grammar = tm_grammar();
    for (entry, pest_rule_names) in WORD_LISTS {
        let pest: BTreeSet<String> = pest_rule_names
            .iter()
            .flat_map(|name| {
                let body = rules
                    .get(*name)
                    .unwrap_or_else(|| panic!("grammar/sla.pest has no rule {name}"));
                literal_words(body).map(str::to_owned).collect::<Vec<_>>()
            })
            .collect();
        assert_same(entry, &pest, &tm_words(entry, tm_match(&grammar, entry)));
    }
}

#[test]
fn every_pest_rule_with_a_word_is_highlighted() {
    let rules = pest_rules();
    let listed: BTreeSet<&str> = WORD_LISTS
        .iter()
        .flat_map(|(_, names)| names.iter().copied())
        .collect();
    let unlisted: Vec<&String> = rules
        .iter()
        .filter(|(name, body)| {
            !name.starts_with("kw_")
                && !listed.contains(name.as_str())
                && literal_words(body).next().is_some()
        })
        .map(|(name, _)| name)
        .collect();
    assert!(
        unlisted.is_empty(),
        "pest rules with words that no TextMate word list highlights: {unlisted:?} \
         (make them kw_* rules, or add a word list and a WORD_LISTS row)"
    );
}

// ------------------------------------------------------ golden token dumps

/// One token of a dump: 1-based line and UTF-16 column, its text.
struct DumpToken {
    line: usize,
    column: usize,
    text: String,
}

fn read_dump(path: &Path) -> Vec<DumpToken> {
    let text = std::fs::read_to_string(path).unwrap();
    let mut tokens = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') {
            continue;
        }
        let token = parse_dump_line(line).unwrap_or_else(|| {
            panic!(
                "{}:{}: not LINE:COLUMN \"TEXT\" SCOPES",
                path.display(),
                n + 1
            )
        });
        tokens.push(token);
    }
    tokens
}

fn parse_dump_line(line: &str) -> Option<DumpToken> {
    let (position, rest) = line.split_once(' ')?;
    let (l, c) = position.split_once(':')?;
    let text = serde_json::Deserializer::from_str(rest)
        .into_iter::<String>()
        .next()?
        .ok()?;
    Some(DumpToken {
        line: l.parse().ok()?,
        column: c.parse().ok()?,
        text,
    })
}

#[test]
fn the_golden_token_dumps_are_of_todays_files() {
    let dir = root().join("editors/vscode/test/golden");
    let mut dumps: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "tokens"))
        .collect();
    dumps.sort();
    assert!(!dumps.is_empty(), "no golden dumps in {}", dir.display());
    let bless =
        "the shipped file changed: run SLAC_BLESS=1 editors/vscode/test/run and read the diff";
    for dump in dumps {
        let name = dump.file_stem().unwrap().to_str().unwrap();
        let source = name.replace("__", "/");
        let lines: Vec<Vec<u16>> = read(&source)
            .split('\n')
            .map(|l| l.encode_utf16().collect())
            .collect();
        let mut covered: Vec<Vec<bool>> = lines.iter().map(|l| vec![false; l.len()]).collect();
        for token in read_dump(&dump) {
            let text: Vec<u16> = token.text.encode_utf16().collect();
            let start = token.column - 1;
            let found = lines
                .get(token.line - 1)
                .and_then(|l| l.get(start..start + text.len()));
            assert!(
                found == Some(&text[..]),
                "{}: {}:{} is no longer {:?}: {bless}",
                dump.display(),
                token.line,
                token.column,
                token.text
            );
            covered[token.line - 1][start..start + text.len()].fill(true);
        }
        for (n, (line, seen)) in lines.iter().zip(&covered).enumerate() {
            let missed = String::from_utf16_lossy(line)
                .chars()
                .zip(char_starts(line))
                .find(|(c, at)| !c.is_whitespace() && !seen[*at]);
            assert!(
                missed.is_none(),
                "{}: line {} of {source} has text the dump lacks: {bless}",
                dump.display(),
                n + 1
            );
        }
    }
}

/// The UTF-16 index each character of `line` starts at.
fn char_starts(line: &[u16]) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut at = 0;
    for c in String::from_utf16_lossy(line).chars() {
        starts.push(at);
        at += c.len_utf16();
    }
    starts
}

/// The tokenisation test's own file of constructs is a contract that
/// checks clean and is formatted, so its dump shows the language as it is
/// written.
#[test]
fn the_constructs_file_checks_clean_and_is_formatted() {
    let file = "editors/vscode/test/constructs.sla";
    for args in [
        &["check", "--color", "never", file][..],
        &["fmt", "--check", file],
    ] {
        let output = assert_cmd::Command::cargo_bin("slac")
            .unwrap()
            .args(args)
            .current_dir(root())
            .output()
            .unwrap();
        assert!(
            output.status.success(),
            "slac {}: {}{}",
            args.join(" "),
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
    }
}
