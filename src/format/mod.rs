//! The formatter: a contract in its canonical layout, every comment kept.
//!
//! What is canonical: two-space indentation, one item per line, runs of
//! similar lines aligned (header keywords, party roles, channel and service
//! names, calendar lines, targets, fields), at most one blank line between
//! items (kept where the author left one), durations in their canonical
//! units (`15 minutes`, `1 business day`), times as `HH:MM`, dates as
//! `YYYY-MM-DD`. What is kept as written: every text, text block,
//! placeholder, number and name (copied from the source, escapes and all).
//! A `{ … }` block of fields stays on one line when it was written on one
//! line, has no comments inside and fits in 100 columns.
//!
//! Comments stay where they were: a comment on its own line goes before the
//! item that follows it, a comment after an item stays at the end of its
//! line. `format` works on a file that parsed without syntax diagnostics;
//! [`format_source`] checks that and verifies its own output, and
//! [`format_file`] does the same for a file at a path, whose `use` lines the
//! meaning check then follows.

//!
//! Two halves: [`layout`] is the engine (nodes, alignment of runs,
//! comments, blank lines, one-line blocks) and knows no item; [`items`]
//! turns each item into nodes, one function per item, with [`values`] for
//! the values they share.

mod holidays;
mod items;
mod layout;
mod remedies;
mod values;
mod yearly;

use crate::ast::*;
use crate::front::Checked;
use crate::load::Root;
use crate::source::SourceFile;
use layout::{Formatter, Node};
use std::path::Path;

/// Widest one-line block, in characters.
const MAX_WIDTH: usize = 100;

/// Why a file was not formatted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormatError {
    /// The file has syntax diagnostics: formatting could lose what was not read.
    Syntax(Vec<crate::Diagnostic>),
    /// The formatted text would not mean the same (a bug in the formatter).
    Changed(String),
}

/// Formats a source file, or says why not. The output is re-parsed and
/// checked to hold the same contract and the same comments. Checked without
/// a path, a file's `use` lines are not followed (each an E040, no model):
/// for such a file the meaning check compares only diagnostics, so
/// [`format_file`] is the one to use for a file on disk.
pub fn format_source(source: &SourceFile) -> Result<String, FormatError> {
    format_checked(source, &crate::front::check)
}

/// [`format_source`] for the file at `path` (its text: `source`), checked
/// as `slac check` checks it under `root`: the meaning check follows its
/// `use` lines and compares the whole model, the days its calendars take
/// from libraries too.
pub fn format_file(source: &SourceFile, path: &Path, root: &Root) -> Result<String, FormatError> {
    format_checked(source, &|text: SourceFile| {
        let bytes = text.text().as_bytes().to_vec();
        crate::front::check_path(path, text.name(), bytes, root)
    })
}

/// Formats `source` and verifies the output with `check`, the front end
/// that reads the file as its command does.
fn format_checked(
    source: &SourceFile,
    check: &dyn Fn(SourceFile) -> Checked,
) -> Result<String, FormatError> {
    let parsed = crate::syntax::parse(source);
    let file = match parsed.file {
        Some(file) if parsed.diagnostics.is_empty() => file,
        _ => return Err(FormatError::Syntax(parsed.diagnostics)),
    };
    let formatted = format(source, &file);
    same_meaning(source, &file, &formatted, check)?;
    Ok(formatted)
}

/// Ok when `formatted`, the layout of `source` (parsed: `file`), parses,
/// keeps every comment and checks to the same model and diagnostics.
fn same_meaning(
    source: &SourceFile,
    file: &File,
    formatted: &str,
    check: &dyn Fn(SourceFile) -> Checked,
) -> Result<(), FormatError> {
    let again = SourceFile::new(source.name(), formatted.to_string());
    let reparsed = crate::syntax::parse(&again);
    let Some(refile) = reparsed.file.filter(|_| reparsed.diagnostics.is_empty()) else {
        return Err(FormatError::Changed(
            "the formatted text does not parse".into(),
        ));
    };
    let texts = |f: &File| {
        f.comments
            .iter()
            .map(|c| c.text.clone())
            .collect::<Vec<_>>()
    };
    if texts(file) != texts(&refile) {
        return Err(FormatError::Changed(
            "comments would be lost or moved".into(),
        ));
    }
    let before = check(source.clone());
    let after = check(again);
    let codes = |c: &Checked| c.diagnostics.iter().map(|d| d.code).collect::<Vec<_>>();
    if before.model != after.model || codes(&before) != codes(&after) {
        return Err(FormatError::Changed(
            "the contract would change meaning".into(),
        ));
    }
    Ok(())
}

/// Formats a parsed file. The file must have parsed without diagnostics
/// (see [`format_source`]); lines that were not read are not in the AST.
pub fn format(source: &SourceFile, file: &File) -> String {
    let mut f = Formatter::new(source, &file.comments);
    // `use` lines, contracts and the sets outside them (a library's), in
    // source order.
    let mut nodes: Vec<Node> = file.uses.iter().map(|u| f.use_line(u)).collect();
    nodes.extend(file.contracts.iter().map(|c| f.contract(c)));
    nodes.extend(file.top.iter().map(|item| f.item(item)));
    nodes.sort_by_key(|n| n.span.start);
    f.block(&nodes, 0, source.text().len());
    f.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fmt(text: &str) -> String {
        format_source(&SourceFile::new("t.sla", text)).unwrap_or_else(|e| panic!("{e:?}"))
    }

    /// Each formatted as `slac fmt` formats it, its `use` lines followed.
    #[test]
    fn shipped_contracts_are_formatted() {
        let root = Root::given(&crate::project::root()).unwrap_or_else(|e| panic!("{e}"));
        for relative in [
            "contracts/acme-support.sla",
            "contracts/globex-helpdesk.sla",
            "contracts/templates/customer-service.zh-CN.sla",
            "contracts/templates/customer-service.en.sla",
        ] {
            let path = crate::project::root().join(relative);
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
            let at = |text: &str| {
                format_file(&SourceFile::new(relative, text), &path, &root)
                    .unwrap_or_else(|e| panic!("{relative}: {e:?}"))
            };
            let once = at(&text);
            assert_eq!(at(&once), once, "not idempotent");
            assert_eq!(once, text, "a shipped contract is not in canonical form");
        }
    }

    /// The meaning check of a contract with `use`: without a path both
    /// texts are E040 and have no model, so only their codes are compared
    /// and a change of meaning passes; checked at its path, the models are
    /// compared and the change is caught.
    #[test]
    fn a_change_of_meaning_in_a_contract_with_use_is_caught_at_its_path() {
        let relative = "contracts/acme-support.sla";
        let path = crate::project::root().join(relative);
        let root = Root::given(&crate::project::root()).unwrap_or_else(|e| panic!("{e}"));
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{e}"));
        let source = SourceFile::new(relative, text.as_str());
        let parsed = crate::syntax::parse(&source);
        let Some(file) = parsed.file else {
            panic!("acme parses")
        };
        let changed = text.replacen("P1 within 15 minutes", "P1 within 10 minutes", 1);
        assert_ne!(changed, text);
        assert_eq!(
            same_meaning(&source, &file, &changed, &crate::front::check),
            Ok(())
        );
        let at_path = |t: SourceFile| {
            crate::front::check_path(&path, relative, t.text().as_bytes().to_vec(), &root)
        };
        assert_eq!(
            same_meaning(&source, &file, &changed, &at_path),
            Err(FormatError::Changed(
                "the contract would change meaning".into()
            ))
        );
        // The same text, as the formatter leaves it, passes at its path.
        assert_eq!(same_meaning(&source, &file, &text, &at_path), Ok(()));
        assert_eq!(
            format_file(&source, &path, &root).as_deref(),
            Ok(text.as_str())
        );
    }

    #[test]
    fn layout_is_normalised_and_comments_kept() {
        let messy = "// head\ncontract \"x\" {   // title\n  id \"a\"\n      version \"1\"\n\n\n  response {\n P1 within 15 min // fast\n  P22 within 1 hour }\n}\n";
        let expected = "// head\ncontract \"x\" {  // title\n  id      \"a\"\n  version \"1\"\n\n  response {\n    P1  within 15 minutes  // fast\n    P22 within 1 hour\n  }\n}\n";
        assert_eq!(fmt(messy), expected);
    }

    #[test]
    fn files_with_syntax_errors_are_refused() {
        let result = format_source(&SourceFile::new(
            "t.sla",
            "contract \"x\" {\n  bogus line\n}\n",
        ));
        assert!(matches!(result, Err(FormatError::Syntax(d)) if !d.is_empty()));
    }

    #[test]
    fn reporting_stays_on_one_line_or_is_a_block() {
        let one = include_str!("../../tests/fixtures/reporting.sla");
        assert_eq!(fmt(one), one);
        let block = include_str!("../../tests/fixtures/reporting-draft.sla");
        assert_eq!(fmt(block), block);
        let messy = one.replace(
            "  reporting { report monthly within 5 business days }",
            "  reporting {\n report   monthly within 5 working days\n    }",
        );
        let expected = one.replace(
            "  reporting { report monthly within 5 business days }",
            "  reporting {\n    report monthly within 5 business days\n  }",
        );
        assert_eq!(fmt(&messy), expected);
    }
    #[test]
    fn remedies_keep_their_comments_and_align_their_lines() {
        let formatted = include_str!("../../tests/fixtures/remedies.sla");
        assert_eq!(fmt(formatted), formatted);
        let messy = formatted
            .replace(
                "      notice  5 business days  //",
                "  notice 5 working days //",
            )
            .replace("    cap   30% monthly", "  cap 30%   monthly")
            .replace(
                "    resolution   P2 { below 95% credit 3% below 90% credit 6% }",
                "    resolution P2 {\n below 95% credit 3%\n   below 90% credit 6% }",
            )
            .replace("  credits {", "  credits {\n    form   voucher")
            .replace("    form  voucher\n  }", "  }");
        let expected = formatted
            .replace(
                "    resolution   P2 { below 95% credit 3% below 90% credit 6% }",
                "    resolution   P2 {\n      below 95% credit 3%\n      below 90% credit 6%\n    }",
            )
            .replace("  credits {", "  credits {\n    form voucher")
            .replace("    form  voucher\n  }", "  }")
            // `form` and `fee` now stand together: one run, aligned.
            .replace("    fee 50000 CNY", "    fee  50000 CNY");
        assert_ne!(messy, formatted, "the edits apply");
        assert_eq!(fmt(&messy), expected);
        // An empty block keeps its braces, so the output still parses.
        let empty = formatted.replace(
            "    clause customer",
            "    maintenance { }\n    clause customer",
        );
        assert!(fmt(&empty).contains("    maintenance { }\n"));
    }
}
