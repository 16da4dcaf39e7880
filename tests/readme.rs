//! The README's tour shows real output: each `eval … --outages`, `due` and
//! `holidays show` example in it is run on the shipped files, and every line
//! it shows (but `…`) must be a line of what the binary prints, so the
//! figures cannot drift from the code.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code: a broken assumption stops the test with its message"
)]

mod support;
use support::cli::run;

/// The ```text blocks of the README whose command line matches `wanted`,
/// each as (the arguments after `slac`, the lines shown).
fn examples(wanted: impl Fn(&str) -> bool) -> Vec<(Vec<String>, Vec<String>)> {
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let mut found = Vec::new();
    for block in readme.split("```text\n").skip(1) {
        let body = block.split("```").next().unwrap_or_default();
        let mut lines = body.lines();
        let Some(command) = lines.next().and_then(|l| l.strip_prefix("$ slac ")) else {
            continue;
        };
        if !wanted(command) {
            continue;
        }
        let args = command.split_whitespace().map(String::from).collect();
        let shown = lines
            .filter(|l| l.trim() != "…")
            .map(String::from)
            .collect();
        found.push((args, shown));
    }
    found
}

#[test]
fn the_outage_and_credits_tour_prints_what_the_readme_shows() {
    let tours = examples(|command| command.starts_with("eval ") && command.contains("--outages"));
    assert_eq!(tours.len(), 1, "the README has one outage tour");
    for (args, shown) in tours {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let ran = run(&args);
        // Missed targets make eval exit 0 without --fail-on-breach.
        assert_eq!(ran.code, 0, "{}", ran.stderr);
        let printed: Vec<&str> = ran.stdout.lines().collect();
        for line in &shown {
            assert!(
                printed.contains(&line.as_str()),
                "README line not printed by `slac {}`:\n{line}\n\nprinted:\n{}",
                args.join(" "),
                ran.stdout
            );
        }
        assert!(shown.len() >= 10, "the tour shows the settlement");
    }
}

/// Runs each example and finds every line it shows in what it prints.
fn shown_lines_are_printed(examples: &[(Vec<String>, Vec<String>)]) {
    for (args, shown) in examples {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let ran = run(&args);
        assert_eq!(ran.code, 0, "slac {}: {}", args.join(" "), ran.stderr);
        let printed: Vec<&str> = ran.stdout.lines().collect();
        for line in shown {
            assert!(
                printed.contains(&line.as_str()),
                "README line not printed by `slac {}`:\n{line}\n\nprinted:\n{}",
                args.join(" "),
                ran.stdout
            );
        }
        assert!(!shown.is_empty(), "slac {} shows no output", args.join(" "));
    }
}

#[test]
fn the_due_and_holiday_set_tours_print_what_the_readme_shows() {
    let due = examples(|command| command.starts_with("due "));
    assert!(
        due.iter()
            .any(|(args, _)| args.iter().any(|a| a.contains("uses-cn-2026.sla"))),
        "the README shows due on a contract that uses holidays/cn-2026.sla"
    );
    shown_lines_are_printed(&due);
    let show = examples(|command| command.starts_with("holidays show "));
    assert_eq!(show.len(), 1, "the README shows holidays show once");
    shown_lines_are_printed(&show);
    // The library a contract uses is shown as written.
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let fixture = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/shared-calendars/uses-cn-2026.sla"
    ))
    .unwrap();
    for line in [
        "use \"../../../holidays/cn-2026.sla\"",
        "    holidays cn-2026",
    ] {
        assert!(fixture.contains(line) && readme.contains(line), "{line}");
    }
}
