//! Properties of `slac fmt` on the shipped contracts with random layout
//! noise: formatting is idempotent, keeps the contract's meaning and every
//! comment, and removes indentation noise entirely.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code: a broken assumption stops the test with its message"
)]

use proptest::prelude::*;
use slac::format::{format_file, format_source};
use slac::SourceFile;

mod support;

/// The shipped contracts: where each lies, and its text.
const CONTRACTS: [(&str, &str); 4] = [
    (
        "contracts/acme-support.sla",
        include_str!("../contracts/acme-support.sla"),
    ),
    (
        "contracts/globex-helpdesk.sla",
        include_str!("../contracts/globex-helpdesk.sla"),
    ),
    (
        "contracts/templates/customer-service.zh-CN.sla",
        include_str!("../contracts/templates/customer-service.zh-CN.sla"),
    ),
    (
        "contracts/templates/customer-service.en.sla",
        include_str!("../contracts/templates/customer-service.en.sla"),
    ),
];

fn fmt(text: &str) -> String {
    format_source(&SourceFile::new("t.sla", text)).unwrap_or_else(|e| panic!("{e:?}\n{text}"))
}

/// `text` formatted as the file at `path` (under the project root), as
/// `slac fmt` formats it: the meaning check follows its `use` lines.
fn fmt_at(path: &str, text: &str) -> String {
    let root = slac::load::Root::given(&support::project::root()).unwrap();
    let file = support::project::root().join(path);
    format_file(&SourceFile::new(path, text), &file, &root)
        .unwrap_or_else(|e| panic!("{e:?}\n{text}"))
}

/// The model of a shipped contract's text, its `use` lines followed.
fn model(text: &str) -> Option<slac::model::Contract> {
    support::project::check_at("contracts/edited.sla", text).model
}

/// Re-indents every line: spaces or tabs, any amount; trailing blanks; CRLF.
fn reindent(text: &str, noise: &[(u8, bool, bool)]) -> String {
    text.lines()
        .zip(noise.iter().cycle())
        .map(|(line, (indent, tabs, crlf))| {
            let pad = if *tabs { "\t" } else { " " }.repeat(*indent as usize % 7);
            let end = if *crlf { " \r\n" } else { "\n" };
            format!("{pad}{}{end}", line.trim_start())
        })
        .collect()
}

/// Adds a comment after some lines that end an item (never inside strings).
fn comment(text: &str, every: usize) -> String {
    let mut in_text_block = false;
    text.lines()
        .enumerate()
        .map(|(i, line)| {
            if line.matches("\"\"\"").count() % 2 == 1 {
                in_text_block = !in_text_block;
            }
            let ends_item = !in_text_block
                && !line.contains("//")
                && !line.contains("\"\"\"")
                && !line.trim().is_empty();
            if i % every == 0 && ends_item {
                format!("{line}  // note {i}\n")
            } else {
                format!("{line}\n")
            }
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn indentation_noise_formats_back_to_the_canonical_file(
        which in 0..CONTRACTS.len(),
        noise in prop::collection::vec((0u8..9, any::<bool>(), any::<bool>()), 1..20),
    ) {
        let (path, original) = CONTRACTS[which];
        prop_assert_eq!(fmt_at(path, &reindent(original, &noise)), original);
    }

    #[test]
    fn formatting_is_idempotent_and_keeps_meaning_and_comments(
        which in 0..CONTRACTS.len(),
        noise in prop::collection::vec((0u8..9, any::<bool>(), any::<bool>()), 1..20),
        every in 2usize..9,
    ) {
        let (path, original) = CONTRACTS[which];
        let noisy = reindent(&comment(original, every), &noise);
        let once = fmt_at(path, &noisy);
        prop_assert_eq!(fmt_at(path, &once), once.clone());
        prop_assert_eq!(model(&once), model(original));
        let notes = |t: &str| t.matches("// note").count();
        prop_assert_eq!(notes(&once), notes(&noisy));
    }
}

/// An item whose grammar needs its braces keeps them when its body is
/// empty: dropping them left text that no longer parses (`reporting`, a
/// calendar, a holiday set, `exclusions`).
#[test]
fn an_empty_braced_body_stays_braced_and_parses() {
    for item in [
        "reporting {\n  }",
        "calendar b \"B\" {}",
        "holidays h \"H\" {\n}",
        "exclusions { }",
        "credits {}",
    ] {
        let text = format!("contract \"T\" {{\n  {item}\n}}\n");
        let once = fmt(&text);
        assert!(once.contains(" { }"), "{item} lost its braces:\n{once}");
        let checked = slac::check(SourceFile::new("t.sla", once.as_str()));
        assert!(
            !checked
                .diagnostics
                .iter()
                .any(|d| d.code.as_str() == "E001"),
            "{item} formats to text that does not parse:\n{once}"
        );
        assert_eq!(fmt(&once), once, "{item} is not stable");
    }
}

/// The wording items keep their words and lose their extra spaces.
#[test]
fn wording_items_format_to_one_spaced_line() {
    let text = "contract \"T\" {\n    governing-law    sg\n  governing-law   \"the laws of Ruritania\"\n  commitment  shall\n commitment   endeavour   for  response ,resolution\n  commitment [待定] for csat\n}\n";
    let once = fmt(text);
    assert_eq!(
        once,
        "contract \"T\" {\n  governing-law sg\n  governing-law \"the laws of Ruritania\"\n  commitment shall\n  commitment endeavour for response, resolution\n  commitment [待定] for csat\n}\n"
    );
    assert_eq!(fmt(&once), once);
}
