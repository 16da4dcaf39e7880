//! `slac diff` golden cases and properties.
//!
//! Cases are found by walking `tests/diff/`, never listed here: each folder
//! holding `old.sla` and `new.sla` is diffed, and the text, JSON and
//! Markdown outputs are compared with `expected.txt`, `expected.json` and
//! `expected.md` beside them. `SLAC_BLESS=1 cargo test --test diff`
//! rewrites the expectations (review them with `git diff tests/`).
//!
//! Finding cases, comparing and blessing is the shared golden harness
//! (`tests/support/golden.rs`).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code: a broken assumption stops the test with its message"
)]

use proptest::prelude::*;
use slac::diff::{self, Change, ChangeKind};
use slac::model::Contract;
use slac::SourceFile;
use std::path::Path;

mod support;
use support::golden::{glob, relative, root, Golden};

fn model_of(path: &Path) -> Contract {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    model_of_text(&relative(path), &text)
}

fn model_of_text(name: &str, text: &str) -> Contract {
    let checked = slac::check(SourceFile::new(name, text));
    match checked.model {
        Some(model) => model,
        None => panic!("{name} has errors: {:#?}", checked.diagnostics),
    }
}

#[test]
fn golden_cases() {
    let cases: Vec<_> = glob("tests/diff/**/old.sla")
        .iter()
        .filter_map(|old| old.parent().map(Path::to_path_buf))
        .collect();
    assert!(
        cases.len() >= 10,
        "expected the diff cases under tests/diff, found {}",
        cases.len()
    );
    let mut golden = Golden::new("diff");
    for case in &cases {
        let (old, new) = (case.join("old.sla"), case.join("new.sla"));
        let changes = diff::diff(&model_of(&old), &model_of(&new));
        let outputs = [
            ("expected.txt", diff::text(&changes)),
            ("expected.json", diff::json(&changes)),
            (
                "expected.md",
                diff::markdown(&changes, &relative(&old), &relative(&new)),
            ),
        ];
        for (file, actual) in outputs {
            golden.check(&case.join(file), &actual);
        }
        // Every case says what it is about: a reformat has no change, any
        // other case at least one.
        let is_reformat = case
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with("no-change"));
        assert_eq!(
            changes.is_empty(),
            is_reformat,
            "{}: {changes:#?}",
            case.display()
        );
        mirrored(&changes, &diff::diff(&model_of(&new), &model_of(&old)))
            .unwrap_or_else(|e| panic!("{}: {e}", case.display()));
    }
    golden.finish();
}

/// The done criterion of issue 10, held exactly: one target tightened, one
/// make-up day removed, one holiday added, both values each.
#[test]
fn acme_versions_name_exactly_the_three_changes() {
    let case = root().join("tests/diff/acme-three-changes");
    let changes = diff::diff(
        &model_of(&case.join("old.sla")),
        &model_of(&case.join("new.sla")),
    );
    type Seen<'a> = (
        &'a str,
        ChangeKind,
        Option<&'a str>,
        Option<&'a str>,
        &'a str,
    );
    let seen: Vec<Seen<'_>> = changes
        .iter()
        .map(|c| {
            (
                c.path.as_str(),
                c.kind,
                c.old.as_deref(),
                c.new.as_deref(),
                c.effect.as_str(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            (
                "calendars.business.closed[2027-05-01..2027-05-05]",
                ChangeKind::Added,
                None,
                Some("2027-05-01..2027-05-05 \"劳动节\""),
                "relaxed"
            ),
            (
                "calendars.business.open[2027-09-26]",
                ChangeKind::Removed,
                Some("2027-09-26 09:00-18:00 \"调休上班\""),
                None,
                "relaxed"
            ),
            (
                "priorities.P1.response",
                ChangeKind::Changed,
                Some("15 minutes"),
                Some("10 minutes"),
                "tightened"
            ),
        ]
    );
}

/// `diff(b, a)` is `diff(a, b)` undone: the same paths, added ↔ removed,
/// old ↔ new, tightened ↔ relaxed.
fn mirrored(forward: &[Change], backward: &[Change]) -> Result<(), String> {
    let mut backward_paths: Vec<&str> = backward.iter().map(|c| c.path.as_str()).collect();
    let mut forward_paths: Vec<&str> = forward.iter().map(|c| c.path.as_str()).collect();
    backward_paths.sort_unstable();
    forward_paths.sort_unstable();
    if backward_paths != forward_paths {
        return Err(format!(
            "paths differ: {forward_paths:?} against {backward_paths:?}"
        ));
    }
    for change in forward {
        let Some(back) = backward.iter().find(|b| b.path == change.path) else {
            return Err(format!("{} has no mirror", change.path));
        };
        let ok = back.kind == change.kind.mirror()
            && back.old == change.new
            && back.new == change.old
            && back.effect == change.effect.mirror();
        if !ok {
            return Err(format!("not mirrored:\n{change:#?}\n{back:#?}"));
        }
    }
    Ok(())
}

const ACME: &str = include_str!("../contracts/acme-support.sla");
const GLOBEX: &str = include_str!("../contracts/globex-helpdesk.sla");

/// Edits in meaning a reviewer meets, applied to the source text; an edit
/// that does not apply (or breaks the contract) is skipped.
const EDITS: &[(&str, &str)] = &[
    ("P1 within 15 minutes", "P1 within 10 minutes"),
    ("P2 within 2 hours", "P2 within 120 minutes"),
    ("P3 within 1 business day", "P3 within 8 hours"),
    (
        "P4 within 3 business days for 95%",
        "P4 within 3 business days for 90%",
    ),
    ("P4 within 10 business days", "P4 within 8 business days"),
    ("or workaround\n    P2", "\n    P2"),
    (
        "    holidays cn-2026  // closed on public holidays, open on make-up days\n",
        "",
    ),
    (
        "    holidays cn-2026",
        "    closed   2026-08-03 \"公司活动\"\n    holidays cn-2026",
    ),
    ("mon-fri  09:00-12:00, 13:00-18:00", "mon-fri  09:00-18:00"),
    ("availability 99.9% monthly", "availability 99.5% quarterly"),
    ("fcr  at least 70% monthly", "fcr  at least 75% monthly"),
    (
        "csat at least 4.5 on 1..5 quarterly",
        "csat at least 4.0 on 1..5 monthly",
    ),
    ("effective 2026-01-01..2026-12-31", "effective 2026-01-01"),
    ("business-day ends-at-close", "business-day 8 hours"),
    ("escalate P1 after 30 minutes", "escalate P1 after 1 hour"),
    (
        "submit via hotline, email, chat, night-desk",
        "submit via hotline, email",
    ),
    ("    service diagnosis  \"技术故障诊断与排除\"\n", ""),
    (
        "short \"客户\" contact \"ops@acme.example\"",
        "short \"客户\" contact \"it@acme.example\"",
    ),
    ("clock always\n", "clock business\n"),
    ("priority P3 \"中\"", "priority P3 \"普通\""),
];

fn edited(base: &str, choices: &[bool]) -> String {
    let mut text = base.to_string();
    for (on, (from, to)) in choices.iter().zip(EDITS) {
        if *on {
            text = text.replacen(from, to, 1);
        }
    }
    text
}

/// The model of an edited shipped contract (checked where it lies, so that
/// its `use` lines read the shipped libraries), when it checks.
fn model_if_clean(text: &str) -> Option<Contract> {
    support::project::check_at("contracts/edited.sla", text).model
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn a_contract_against_itself_or_its_formatting_has_no_change(
        which in 0usize..2,
        choices in prop::collection::vec(any::<bool>(), EDITS.len()),
        noise in 0usize..4,
    ) {
        let text = edited([ACME, GLOBEX][which], &choices);
        let Some(model) = model_if_clean(&text) else { return Ok(()); };
        prop_assert_eq!(diff::diff(&model, &model), Vec::new());
        // Layout noise and comments, then the formatter: the same meaning.
        let noisy: String = text
            .lines()
            .enumerate()
            .map(|(i, line)| {
                let pad = " ".repeat((i + noise) % 5);
                let comment = if (i + noise) % 3 == 0 && !line.contains("//") && line.trim_end().ends_with('}') {
                    "  // reviewed"
                } else {
                    ""
                };
                format!("{pad}{}{comment}\n", line.trim_start())
            })
            .collect();
        let formatted = slac::format::format_source(&SourceFile::new("t.sla", noisy.as_str()))
            .unwrap_or_else(|e| panic!("{e:?}\n{noisy}"));
        let Some(again) = model_if_clean(&formatted) else {
            return Err(TestCaseError::fail(format!("the formatted contract has errors:\n{formatted}")));
        };
        prop_assert_eq!(diff::diff(&model, &again), Vec::new());
    }

    #[test]
    fn diff_both_ways_mirror_each_other(
        which in 0usize..2,
        a in prop::collection::vec(any::<bool>(), EDITS.len()),
        b in prop::collection::vec(any::<bool>(), EDITS.len()),
    ) {
        let base = [ACME, GLOBEX][which];
        let (Some(old), Some(new)) = (model_if_clean(&edited(base, &a)), model_if_clean(&edited(base, &b))) else {
            return Ok(());
        };
        let forward = diff::diff(&old, &new);
        let backward = diff::diff(&new, &old);
        mirrored(&forward, &backward).map_err(TestCaseError::fail)?;
        if old == new {
            prop_assert_eq!(forward, Vec::new());
        }
    }
}

mod cli {
    //! `slac diff` end to end: exit codes and where the output goes.

    /// ACME as it was in 2027, the version the diff cases edit (the shipped
    /// contract has since become a 2026 one that uses holidays/cn-2026.sla).
    const ACME: &str = "tests/diff/acme-three-changes/old.sla";
    const CHANGED: &str = "tests/diff/acme-three-changes/new.sla";
    const REFORMATTED: &str = "tests/diff/no-change-reformat-and-comments/new.sla";
    /// ACME with `hours bussiness`: one E012.
    const BROKEN: &str = "tests/cli/unknown-calendar.sla";

    use super::support::cli::run as slac;

    /// A change to a used library is a change of every contract using it:
    /// the two versions of a project (the library and the contract that
    /// uses it), diffed with `--root` over both.
    #[test]
    fn a_library_changed_under_a_contract_shows_in_its_diff() {
        let project = tempfile::tempdir().expect("temp dir");
        let root = super::root();
        let contract =
            std::fs::read_to_string(root.join("tests/fixtures/shared-calendars/uses-cn-2026.sla"))
                .expect("fixture");
        let library = std::fs::read_to_string(root.join("holidays/cn-2026.sla")).expect("library");
        let longer = library.replace("2026-10-01..2026-10-07", "2026-10-01..2026-10-08");
        assert_ne!(longer, library);
        for (version, library) in [("old", &library), ("new", &longer)] {
            let dir = project.path().join(version);
            std::fs::create_dir_all(dir.join("holidays")).expect("mkdir");
            std::fs::create_dir_all(dir.join("tests/fixtures/shared-calendars")).expect("mkdir");
            std::fs::write(dir.join("holidays/cn-2026.sla"), library).expect("write");
            std::fs::write(dir.join("tests/fixtures/shared-calendars/c.sla"), &contract)
                .expect("write");
        }
        let side = |v: &str| {
            project
                .path()
                .join(v)
                .join("tests/fixtures/shared-calendars/c.sla")
                .display()
                .to_string()
        };
        let root_arg = project.path().display().to_string();
        let (old, new) = (side("old"), side("new"));
        let run = slac(&["diff", "--root", &root_arg, &old, &new, "--format", "json"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
        let paths: Vec<&str> = json["changes"]
            .as_array()
            .expect("changes")
            .iter()
            .filter_map(|c| c["path"].as_str())
            .collect();
        assert_eq!(
            paths,
            ["holidays.cn-2026.closed[2026-10-08]"],
            "{}",
            run.stdout
        );
        assert_eq!(json["changes"][0]["effect"], "relaxed");
        let same = slac(&["diff", "--root", &root_arg, &old, &old, "--exit-code"]);
        assert_eq!(same.code, 0, "{}", same.stderr);
    }

    #[test]
    fn a_reformat_is_no_change_and_exits_0_even_with_exit_code() {
        let run = slac(&["diff", ACME, REFORMATTED, "--format", "json", "--exit-code"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let json: serde_json::Value = serde_json::from_str(&run.stdout).expect("JSON");
        assert_eq!(json, serde_json::json!({"changes": []}));
    }

    #[test]
    fn changes_exit_0_but_1_with_exit_code() {
        let plain = slac(&["diff", ACME, CHANGED]);
        assert_eq!(plain.code, 0, "{}", plain.stderr);
        assert!(
            plain
                .stdout
                .contains("P1 response: 15 minutes → 10 minutes (tightened)"),
            "{}",
            plain.stdout
        );
        let strict = slac(&["diff", ACME, CHANGED, "--exit-code"]);
        assert_eq!(strict.code, 1, "{}", strict.stderr);
        assert_eq!(strict.stdout, plain.stdout);
    }

    #[test]
    fn markdown_counts_the_tightenings_and_relaxations_at_the_top() {
        let run = slac(&["diff", ACME, CHANGED, "--format", "markdown"]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let counts = run
            .stdout
            .lines()
            .find(|l| !l.is_empty() && !l.starts_with('#'));
        assert_eq!(
            counts,
            Some("**3 changes: 1 tightened, 2 relaxed, 0 neutral.**")
        );
    }

    #[test]
    fn either_side_with_errors_exits_1_with_its_diagnostics_on_stderr() {
        for args in [[BROKEN, ACME], [ACME, BROKEN]] {
            let run = slac(&["diff", args[0], args[1], "--format", "json"]);
            assert_eq!(run.code, 1, "{}", run.stderr);
            assert!(run.stdout.is_empty(), "no diff is printed: {}", run.stdout);
            assert!(run.stderr.contains("E012"), "{}", run.stderr);
            assert!(run.stderr.contains(BROKEN), "{}", run.stderr);
        }
        // Both sides broken: both sets of diagnostics, not just the first.
        let run = slac(&["diff", BROKEN, BROKEN]);
        assert_eq!(run.code, 1);
        assert_eq!(run.stderr.matches("E012").count(), 2, "{}", run.stderr);
    }

    #[test]
    fn a_draft_diffs_against_its_final_version() {
        let run = slac(&[
            "diff",
            "tests/diff/draft-against-final/old.sla",
            "tests/diff/draft-against-final/new.sla",
        ]);
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert!(
            run.stdout
                .contains("P4 resolution: [X个工作日] → 10 business days"),
            "{}",
            run.stdout
        );
        assert!(
            run.stderr.contains("W001"),
            "the placeholders are still warned about"
        );
    }

    #[test]
    fn a_missing_file_or_a_bad_format_is_a_usage_error() {
        assert_eq!(slac(&["diff", ACME, "no/such.sla"]).code, 2);
        assert_eq!(slac(&["diff", ACME, ACME, "--format", "yaml"]).code, 2);
        assert_eq!(slac(&["diff", ACME]).code, 2);
    }
}
