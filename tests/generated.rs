//! Properties on generated *valid* contracts (`support/gen.rs`: every item
//! of the language, Chinese and ASCII text, `"""` blocks, comments):
//! - each one checks without errors (else the generator is wrong);
//! - `build` is deterministic: the same rule set bytes twice;
//! - `fmt` is idempotent and keeps the model and every comment;
//! - `check` never panics on a mutation (a token deleted, duplicated or two
//!   swapped), and its spans stay within the text.
//!
//! The default case counts keep the file to a few seconds in a debug
//! build; `PROPTEST_CASES=2000 cargo test --test generated` runs it deeper.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code: a broken assumption stops the test with its message"
)]

#[path = "support/gen.rs"]
mod gen;

use proptest::prelude::*;
use slac::{Checked, Severity, SourceFile};

/// `PROPTEST_CASES` when set, else `default`.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default)
}

fn check(text: &str) -> Checked {
    slac::check(SourceFile::new("gen.sla", text))
}

fn errors(checked: &Checked) -> Vec<String> {
    checked
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| {
            let at = checked.source().line_col(d.span.start());
            format!("{}:{}: {} {}", at.line, at.column, d.code, d.message)
        })
        .collect()
}

fn comments(text: &str) -> Vec<String> {
    let parsed = slac::syntax::parse(&SourceFile::new("gen.sla", text));
    parsed
        .file
        .map(|f| f.comments.into_iter().map(|c| c.text).collect())
        .unwrap_or_default()
}

/// The text split into tokens: runs of blanks, quoted strings, runs of
/// word characters, and single other characters.
fn tokens(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let len = if c == '"' {
            rest[1..].find(['"', '\n']).map_or(rest.len(), |i| i + 2)
        } else if c.is_whitespace() {
            rest.find(|x: char| !x.is_whitespace())
                .unwrap_or(rest.len())
        } else if c.is_alphanumeric() {
            rest.find(|x: char| !(x.is_alphanumeric() || x == '-' || x == '_' || x == '.'))
                .unwrap_or(rest.len())
        } else {
            c.len_utf8()
        };
        let len = len.max(c.len_utf8()).min(rest.len());
        let (token, tail) = rest.split_at(len);
        out.push(token);
        rest = tail;
    }
    out
}

#[derive(Debug, Clone)]
enum Mutation {
    Delete(usize),
    Duplicate(usize),
    Swap(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<usize>().prop_map(Mutation::Delete),
        any::<usize>().prop_map(Mutation::Duplicate),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Mutation::Swap(a, b)),
    ]
}

fn mutate(text: &str, mutations: &[Mutation]) -> String {
    let mut tokens: Vec<String> = tokens(text).into_iter().map(String::from).collect();
    for m in mutations {
        let n = tokens.len();
        if n == 0 {
            break;
        }
        match *m {
            Mutation::Delete(i) => {
                tokens.remove(i % n);
            }
            Mutation::Duplicate(i) => {
                let t = tokens[i % n].clone();
                tokens.insert(i % n, t);
            }
            Mutation::Swap(a, b) => tokens.swap(a % n, b % n),
        }
    }
    tokens.concat()
}

#[test]
fn the_tokens_make_the_text_again() {
    let text = "contract \"客户\" {\n  id \"a\\\"b\" // c\n  fcr at least 70% monthly\n}\n";
    assert_eq!(tokens(text).concat(), text);
    assert!(tokens(text).contains(&"\"a\\\""), "{:?}", tokens(text));
    assert!(tokens(text).contains(&"70"), "{:?}", tokens(text));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(24)))]

    #[test]
    fn every_generated_contract_checks_without_errors(text in gen::contract()) {
        let checked = check(&text);
        let errors = errors(&checked);
        prop_assert!(errors.is_empty(), "{}\n---\n{}", errors.join("\n"), text);
        prop_assert!(checked.model.is_some());
    }

}

// `build` and `fmt` check each contract several times: fewer cases.
proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(12)))]

    #[test]
    fn build_is_deterministic(text in gen::contract()) {
        let build = |text: &str| {
            let model = check(text).model.expect("a generated contract checks");
            let rules = slac::rules::build(&model, false);
            (
                slac::rules::to_json(&rules).unwrap(),
                slac::rules::to_yaml(&rules).unwrap(),
            )
        };
        prop_assert_eq!(build(&text), build(&text));
    }

    #[test]
    fn fmt_is_idempotent_and_keeps_the_model_and_every_comment(
        (text, written) in gen::commented_contract()
    ) {
        let once = slac::format::format_source(&SourceFile::new("gen.sla", text.as_str()))
            .unwrap_or_else(|e| panic!("{e:?}\n---\n{text}"));
        let twice = slac::format::format_source(&SourceFile::new("gen.sla", once.as_str()))
            .unwrap_or_else(|e| panic!("{e:?}\n---\n{once}"));
        prop_assert_eq!(&once, &twice, "not idempotent");
        prop_assert_eq!(check(&text).model, check(&once).model);
        // Every comment the generator wrote is read, and kept in order.
        let kept = comments(&text);
        prop_assert_eq!(&kept, &written);
        prop_assert_eq!(&kept, &comments(&once));
        for c in &kept {
            prop_assert!(once.contains(&format!("//{c}")), "lost //{}", c);
        }
    }

}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(24)))]

    #[test]
    fn check_never_panics_on_a_mutation(
        text in gen::contract(),
        mutations in prop::collection::vec(mutation(), 1..4),
    ) {
        let mutated = mutate(&text, &mutations);
        let checked = check(&mutated);
        let len = checked.source().text().len();
        for d in &checked.diagnostics {
            prop_assert!(d.span.start <= d.span.end && d.span.end() <= len, "{:?}", d);
        }
        prop_assert_eq!(checked.model.is_some(), !checked.has_errors());
    }
}
