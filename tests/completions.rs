//! `slac completions SHELL` and `slac man [COMMAND]`: generated from the
//! argument definitions, so they must name every command, and the bash
//! script must at least parse.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code: a broken assumption stops the test with its message"
)]

mod support;
use support::cli::run as slac;

const COMMANDS: [&str; 9] = [
    "check", "build", "render", "due", "eval", "schema", "init", "fmt", "diff",
];

#[test]
fn every_shell_gets_a_script_naming_every_command() {
    let openings = [
        ("bash", "_slac()"),
        ("zsh", "#compdef slac"),
        ("fish", "complete -c slac"),
        ("powershell", "Register-ArgumentCompleter"),
    ];
    for (shell, opening) in openings {
        let run = slac(&["completions", shell]);
        assert_eq!(run.code, 0, "{shell}: {}", run.stderr);
        assert!(
            run.stdout.contains(opening),
            "{shell} script lacks `{opening}`"
        );
        for command in COMMANDS {
            assert!(
                run.stdout.contains(command),
                "{shell} script lacks `{command}`"
            );
        }
    }
}

#[test]
fn the_bash_script_parses() {
    let script = slac(&["completions", "bash"]).stdout;
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("slac.bash");
    std::fs::write(&path, script).expect("write the script");
    let Ok(status) = std::process::Command::new("bash")
        .arg("-n")
        .arg(&path)
        .status()
    else {
        eprintln!("no bash here; skipping the syntax check");
        return;
    };
    assert!(status.success(), "bash -n rejects the completion script");
}

#[test]
fn an_unknown_shell_is_a_usage_error() {
    let run = slac(&["completions", "tcsh"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("tcsh"), "{}", run.stderr);
}

#[test]
fn the_manual_page_lists_every_command() {
    let run = slac(&["man"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains(".TH slac 1"), "{}", run.stdout);
    for command in COMMANDS {
        assert!(
            run.stdout.contains(&format!("slac\\-{command}")),
            "the page lacks `{command}`"
        );
    }
}

#[test]
fn a_command_has_its_own_page() {
    let run = slac(&["man", "diff"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains(".TH slac-diff 1"), "{}", run.stdout);
    assert!(run.stdout.contains("\\-\\-exit\\-code"), "{}", run.stdout);
    let unknown = slac(&["man", "nope"]);
    assert_eq!(unknown.code, 2);
    assert!(
        unknown.stderr.contains("no command `nope`"),
        "{}",
        unknown.stderr
    );
}
