//! Properties of the front half (text checked as `slac check` checks the
//! shipped contract's file, its `use` lines followed; `slac::check_bytes`)
//! on arbitrary input and on random edits of the shipped contract:
//! - it never panics;
//! - every diagnostic span (primary and related) lies within the text, on
//!   character boundaries;
//! - it is deterministic;
//! - BOM and CRLF do not change what is reported, nor where;
//! - `SourceFile::line_col` agrees with counting characters.
//!
//! Case counts are kept small enough that the whole file runs in a few
//! seconds in a debug build; `PROPTEST_CASES=10000` runs it harder.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code: a broken assumption stops the test with its message"
)]

use proptest::prelude::*;
use slac::{Checked, SourceFile};

mod support;

const ACME: &str = include_str!("../contracts/acme-support.sla");

/// `PROPTEST_CASES` when set, else `default`.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default)
}

/// `text` checked as the shipped contract's file, so that the `use` line of
/// ACME and its edits reads the shipped library.
fn check(text: &str) -> Checked {
    support::project::check_at("contracts/acme-support.sla", text)
}

/// What a diagnostic says and where, for comparing runs.
fn summary(checked: &Checked) -> Vec<(String, usize, usize, usize, usize, String)> {
    checked
        .diagnostics
        .iter()
        .map(|d| {
            let start = checked.source().line_col(d.span.start());
            let end = checked.source().line_col(d.span.end());
            (
                d.code.to_string(),
                start.line,
                start.column,
                end.line,
                end.column,
                d.message.clone(),
            )
        })
        .collect()
}

/// Every span within the text, ordered, on character boundaries.
fn assert_spans_sound(checked: &Checked) -> Result<(), TestCaseError> {
    for d in &checked.diagnostics {
        let spans = std::iter::once((d.file, d.span, "primary"))
            .chain(d.related.iter().map(|r| (r.file, r.span, "related")));
        for (file, span, which) in spans {
            let text = checked.sources.get(file).text();
            prop_assert!(
                span.start <= span.end && span.end() <= text.len(),
                "{} {which} span {:?} outside 0..{}: {}",
                d.code,
                span,
                text.len(),
                d.message
            );
            prop_assert!(
                text.is_char_boundary(span.start()) && text.is_char_boundary(span.end()),
                "{} {which} span {:?} splits a character: {}",
                d.code,
                span,
                d.message
            );
        }
    }
    Ok(())
}

fn deterministic(text: &str) -> Result<Checked, TestCaseError> {
    let first = check(text);
    let second = check(text);
    prop_assert_eq!(&first.diagnostics, &second.diagnostics);
    prop_assert_eq!(first.model.is_some(), second.model.is_some());
    Ok(first)
}

/// Pieces of the language and of its usual mistakes, for edits.
fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("{".to_string()),
        Just("}".to_string()),
        Just("\"".to_string()),
        Just("\"\"\"".to_string()),
        Just("[".to_string()),
        Just("]".to_string()),
        Just("//".to_string()),
        Just("\n".to_string()),
        Just("\\".to_string()),
        Just("\\u{".to_string()),
        Just("..".to_string()),
        Just("-".to_string()),
        Just(",".to_string()),
        Just("%".to_string()),
        Just(" ".to_string()),
        Just("24x7".to_string()),
        Just("within".to_string()),
        Just("contract".to_string()),
        Just("calendar x {".to_string()),
        Just("P1".to_string()),
        Just("中文".to_string()),
        Just("24:00".to_string()),
        Just("2027-02-30".to_string()),
        Just("99999999999999999999".to_string()),
        any::<char>().prop_map(String::from),
    ]
}

#[derive(Debug, Clone)]
enum Edit {
    Insert(usize, String),
    Delete(usize, usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        3 => (any::<usize>(), token()).prop_map(|(at, t)| Edit::Insert(at, t)),
        2 => (any::<usize>(), 1usize..12).prop_map(|(at, n)| Edit::Delete(at, n)),
    ]
}

/// Applies edits at character positions (taken modulo the length).
fn apply(text: &str, edits: &[Edit]) -> String {
    let mut text = text.to_string();
    for e in edits {
        let boundaries: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain(std::iter::once(text.len()))
            .collect();
        match e {
            Edit::Insert(at, token) => {
                let at = boundaries[at % boundaries.len()];
                text.insert_str(at, token);
            }
            Edit::Delete(at, n) => {
                let from = at % boundaries.len();
                let to = (from + n).min(boundaries.len() - 1);
                text.replace_range(boundaries[from]..boundaries[to], "");
            }
        }
    }
    text
}

/// Line and column by counting, independent of `SourceFile`'s line index:
/// the column ignores a CR just before the position (CRLF files).
fn counted(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let this_line = before.rsplit('\n').next().unwrap_or("");
    let column = this_line.trim_end_matches('\r').chars().count() + 1;
    (line, column)
}

/// Text that looks a little like a contract: keywords, names, punctuation,
/// Chinese and the odd control character.
fn contractish() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            token(),
            "[a-z][a-z0-9-]{0,8}",
            "[0-9]{1,4}",
            "\"[^\"\n]{0,6}\"",
            Just("contract \"客户服务SLA\" {".to_string()),
            Just("party client \"甲\" {".to_string()),
            Just("priority P1 \"紧急\" {".to_string()),
            Just("response {".to_string()),
            Just("mon-fri 09:00-18:00".to_string()),
        ],
        0..60,
    )
    .prop_map(|pieces| pieces.join(" "))
}

#[test]
fn the_shipped_contract_is_clean() {
    let checked = check(ACME);
    assert_eq!(checked.diagnostics, vec![]);
    assert!(checked.model.is_some());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(1000)))]

    #[test]
    fn arbitrary_strings_never_panic_and_spans_are_sound(text in any::<String>()) {
        let checked = deterministic(&text)?;
        assert_spans_sound(&checked)?;
    }

    #[test]
    fn contract_like_text_never_panics_and_spans_are_sound(text in contractish()) {
        let checked = deterministic(&text)?;
        assert_spans_sound(&checked)?;
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let checked = slac::check_bytes("p.sla", bytes.clone());
        let again = slac::check_bytes("p.sla", bytes);
        prop_assert_eq!(&checked.diagnostics, &again.diagnostics);
        let len = checked.source().text().len();
        for d in &checked.diagnostics {
            prop_assert!(d.span.start <= d.span.end && d.span.end() <= len, "{:?}", d);
        }
        if checked.diagnostics.iter().any(|d| d.code == slac::Code::E004) {
            prop_assert!(checked.model.is_none());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases(300)))]

    #[test]
    fn edits_of_the_contract_never_panic_and_spans_are_sound(
        edits in proptest::collection::vec(edit(), 1..8)
    ) {
        let text = apply(ACME, &edits);
        let checked = deterministic(&text)?;
        assert_spans_sound(&checked)?;
        // No model without a clean bill, and errors mean no model.
        prop_assert_eq!(checked.model.is_some(), !checked.has_errors());
    }

    #[test]
    fn bom_changes_nothing(edits in proptest::collection::vec(edit(), 0..4)) {
        let text = apply(ACME, &edits);
        prop_assume!(!text.starts_with('\u{feff}'));
        let plain = check(&text);
        let bom = check(&format!("\u{feff}{text}"));
        prop_assert_eq!(summary(&plain), summary(&bom));
    }

    #[test]
    fn crlf_changes_neither_findings_nor_positions(
        edits in proptest::collection::vec(edit(), 0..4)
    ) {
        let text = apply(ACME, &edits);
        prop_assume!(!text.contains('\r'));
        let lf = check(&text);
        let crlf = check(&text.replace('\n', "\r\n"));
        // The findings, their places and their words do not change.
        prop_assert_eq!(summary(&lf), summary(&crlf));
    }

    #[test]
    fn line_col_agrees_with_counting(
        text in "(.|\n|\r\n|中|\u{1F600}){0,80}",
        offsets in proptest::collection::vec(0usize..400, 1..20),
    ) {
        let file = SourceFile::new("p.sla", text.as_str());
        for offset in offsets {
            let at = file.line_col(offset);
            // Against the stored text: a leading BOM is dropped.
            prop_assert_eq!((at.line, at.column), counted(file.text(), offset), "offset {}", offset);
        }
    }
}

#[test]
fn crlf_messages_do_not_quote_the_carriage_return() {
    let text = "contract \"x\" {\r\n  party provider \"p\" {\r\n    contact   \"\r\nsla@helpco.example\"\r\n  }\r\n}\r\n";
    let checked = check(text);
    assert!(checked
        .diagnostics
        .iter()
        .any(|d| d.code == slac::Code::E001));
    for d in &checked.diagnostics {
        assert!(!d.message.contains('\r'), "{:?}", d.message);
    }
}

#[test]
fn line_col_of_every_offset_of_the_contract() {
    let file = SourceFile::new("acme.sla", ACME);
    for offset in 0..=ACME.len() + 2 {
        let at = file.line_col(offset);
        assert_eq!(
            (at.line, at.column),
            counted(ACME, offset),
            "offset {offset}"
        );
    }
}
