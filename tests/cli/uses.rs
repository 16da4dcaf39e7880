//! `use "PATH"` end to end: the project root, files outside it never shown
//! in any format, a library loaded once, `check DIR` reporting each file
//! once, `fmt` not following `use`.

use super::support::cli::{run_in, Run};
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// Text that must never reach the output: the secret files hold it.
const SECRET: &str = "TOP-SECRET-7f3a";

/// A folder holding a repository `project/` (with `.git`) and, beside it,
/// `secret.txt`; inside the project `holidays/` holds a link to the
/// secret, a library, and a contract that holds the secret in a comment.
fn project() -> TempDir {
    let top = tempfile::tempdir().unwrap();
    let p = top.path();
    let write = |name: &str, text: &str| {
        let path = p.join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    write("secret.txt", &format!("{SECRET}\n"));
    write("secret.sla", &format!("// {SECRET}\n"));
    write("project/.git/HEAD", "ref: refs/heads/main\n");
    write("project/holidays/lib.sla", "// a library\n");
    write(
        "project/holidays/contract.sla",
        &format!("// {SECRET}\ncontract \"x\" {{\n  id \"{SECRET}\"\n}}\n"),
    );
    write("project/holidays/notes.md", &format!("{SECRET}\n"));
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(p.join("secret.txt"), p.join("project/holidays/link.sla"))
            .unwrap();
        std::os::unix::fs::symlink(p, p.join("project/up")).unwrap();
    }
    top
}

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn check(cwd: &Path, file: &str, format: &str, extra: &[&str]) -> Run {
    let mut args = vec!["check", "--format", format, file];
    args.extend_from_slice(extra);
    run_in(cwd, &args, &[])
}

const FORMATS: [&str; 5] = ["human", "concise", "json", "github", "sarif"];

fn assert_nothing_shown(run: &Run, what: &str) {
    for (stream, text) in [("stdout", &run.stdout), ("stderr", &run.stderr)] {
        assert!(
            !text.contains(SECRET) && !text.contains("root:x:") && !text.contains("root:*:"),
            "{what}: the {stream} shows a file it must not:\n{text}"
        );
    }
}

#[test]
fn files_outside_the_root_are_never_shown_in_any_format() {
    let top = project();
    let p = top.path().join("project");
    let mut uses = vec![
        "/etc/passwd",
        "../../secret.txt",
        "../../secret.sla",
        "/etc/../etc/passwd",
    ];
    if cfg!(unix) {
        uses.extend([
            "../holidays/link.sla",
            "../up/secret.sla",
            "../up/missing.sla",
        ]);
    }
    let text: String = uses.iter().map(|u| format!("use \"{u}\"\n")).collect();
    write(
        &p.join("contracts/a.sla"),
        &format!("{text}contract \"x\" {{}}\n"),
    );
    for format in FORMATS {
        let run = check(&p, "contracts/a.sla", format, &[]);
        assert_eq!(run.code, 1, "{format}: {}", run.stdout);
        assert_nothing_shown(&run, format);
        assert!(
            run.stdout.matches("E042").count() >= uses.len(),
            "{format}: every `use` is an E042:\n{}",
            run.stdout
        );
        assert!(!run.stdout.contains("E040"), "{format}: {}", run.stdout);
    }
    for command in ["build", "render"] {
        let run = run_in(&p, &[command, "contracts/a.sla"], &[]);
        assert_eq!(run.code, 1, "{command}: {}", run.stderr);
        assert_nothing_shown(&run, command);
        assert!(run.stderr.contains("E042"), "{command}: {}", run.stderr);
    }
}

#[test]
fn a_file_that_is_not_a_library_is_reported_without_its_content() {
    let top = project();
    let p = top.path().join("project");
    write(
        &p.join("contracts/a.sla"),
        "use \"../holidays/contract.sla\"\nuse \"../holidays/notes.md\"\ncontract \"x\" {}\n",
    );
    // With the root above the secret files, they are inside: still not
    // libraries, still not shown.
    write(
        &p.join("contracts/b.sla"),
        "use \"../../secret.txt\"\nuse \"../../secret.sla\"\ncontract \"x\" {}\n",
    );
    let above = top.path().to_str().unwrap().to_string();
    for format in FORMATS {
        let run = check(&p, "contracts/a.sla", format, &[]);
        assert_nothing_shown(&run, format);
        assert!(
            run.stdout.matches("E041").count() >= 2,
            "{format}: both `use` lines are E041:\n{}",
            run.stdout
        );
        let run = check(&p, "contracts/b.sla", format, &["--root", &above]);
        assert_nothing_shown(&run, format);
        assert!(run.stdout.contains("E041"), "{format}: {}", run.stdout);
        assert!(!run.stdout.contains("E042"), "{format}: {}", run.stdout);
    }
}

#[test]
fn without_git_the_contracts_folder_is_the_root_and_root_widens_it() {
    let top = tempfile::tempdir().unwrap();
    let p = top.path();
    write(&p.join("lib.sla"), "// a library\n");
    write(
        &p.join("contracts/a.sla"),
        "use \"../lib.sla\"\ncontract \"x\" {}\n",
    );
    let run = check(p, "contracts/a.sla", "concise", &[]);
    assert!(run.stdout.contains("E042"), "{}", run.stdout);
    let run = check(p, "contracts/a.sla", "concise", &["--root", "."]);
    assert!(!run.stdout.contains("E042"), "{}", run.stdout);
    assert!(
        run.stdout.contains("1 file, 1 used library:"),
        "{}",
        run.stdout
    );
    let run = check(p, "contracts/a.sla", "concise", &["--root", "nowhere"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("--root nowhere"), "{}", run.stderr);
}

/// A contract using `a.sla` and `b.sla`, which both use `c.sla`, whose
/// line 2 is a syntax error.
fn diamond(p: &Path) -> PathBuf {
    write(&p.join(".git/HEAD"), "ref: refs/heads/main\n");
    write(&p.join("lib/a.sla"), "use \"c.sla\"\n");
    write(&p.join("lib/b.sla"), "use \"c.sla\"\n");
    write(&p.join("lib/c.sla"), "// c\nbogus line\n");
    let contract = p.join("main.sla");
    write(
        &contract,
        "use \"lib/a.sla\"\nuse \"lib/b.sla\"\ncontract \"x\" {}\n",
    );
    contract
}

#[test]
fn a_library_used_twice_is_loaded_and_reported_once() {
    let top = tempfile::tempdir().unwrap();
    diamond(top.path());
    let run = check(top.path(), "main.sla", "concise", &[]);
    let in_c: Vec<&str> = run
        .stdout
        .lines()
        .filter(|l| l.starts_with("lib/c.sla:2:"))
        .collect();
    assert_eq!(in_c.len(), 1, "{}", run.stdout);
    assert!(
        run.stdout.contains("1 file, 3 used libraries:"),
        "{}",
        run.stdout
    );
}

#[test]
fn checking_a_folder_reports_each_files_findings_once() {
    let top = tempfile::tempdir().unwrap();
    diamond(top.path());
    for format in ["concise", "json"] {
        let run = check(top.path(), ".", format, &[]);
        assert_eq!(
            run.stdout.matches("c.sla").count(),
            1,
            "{format}: lib/c.sla is used twice and checked on its own:\n{}",
            run.stdout
        );
    }
    let run = check(top.path(), ".", "concise", &[]);
    assert!(run.stdout.contains("4 files"), "{}", run.stdout);
}

#[test]
fn fmt_formats_the_file_given_and_never_follows_use() {
    let top = project();
    let p = top.path().join("project");
    let contract = p.join("a.sla");
    write(
        &contract,
        "use   \"../secret.txt\"\nuse \"missing.sla\"\ncontract \"x\" {\n id \"a\"\n}\n",
    );
    let run = run_in(&p, &["fmt", "a.sla"], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_nothing_shown(&run, "fmt");
    assert_eq!(
        std::fs::read_to_string(&contract).unwrap(),
        "use \"../secret.txt\"\nuse \"missing.sla\"\ncontract \"x\" {\n  id \"a\"\n}\n"
    );
}

/// `slac build` of `contracts/a.sla` in `p`, as JSON.
fn build(p: &Path) -> serde_json::Value {
    let run = run_in(p, &["build", "contracts/a.sla"], &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    serde_json::from_str(&run.stdout).unwrap()
}

#[test]
fn the_rule_set_lists_used_files_and_a_library_change_changes_the_fingerprint() {
    use sha2::Digest;
    let top = tempfile::tempdir().unwrap();
    let p = top.path();
    write(&p.join(".git/HEAD"), "ref: refs/heads/main\n");
    let shipped = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("contracts/acme-support.sla"),
    )
    .unwrap();
    // Acme without its own library (its `use` line and the set it names):
    // a contract that uses nothing.
    let acme: String = shipped
        .lines()
        .filter(|l| !l.starts_with("use ") && !l.trim_start().starts_with("holidays cn-2026"))
        .map(|l| format!("{l}\n"))
        .collect();
    assert_eq!(acme.lines().count() + 2, shipped.lines().count());
    write(
        &p.join("contracts/a.sla"),
        &format!("use \"../holidays/lib.sla\"\n{acme}"),
    );
    let library = p.join("holidays/lib.sla");
    write(&library, "use \"more.sla\"\n// the first version\n");
    write(
        &p.join("holidays/more.sla"),
        "// more\nholidays more \"More\" {\n  closed 2026-01-01\n}\n",
    );
    let first = build(p);
    let sha = |path: &Path| hex(&sha2::Sha256::digest(std::fs::read(path).unwrap()));
    assert_eq!(
        first["sources"],
        serde_json::json!([
            { "path": "holidays/lib.sla", "sha256": sha(&library) },
            { "path": "holidays/more.sla", "sha256": sha(&p.join("holidays/more.sla")) },
        ])
    );
    let schema: serde_json::Value =
        serde_json::from_str(&run_in(p, &["schema"], &[]).stdout).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let errors: Vec<String> = validator
        .iter_errors(&first)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    write(&library, "use \"more.sla\"\n// the second version\n");
    let second = build(p);
    assert_ne!(first["fingerprint"], second["fingerprint"]);
    assert_eq!(second["sources"][0]["sha256"], sha(&library));
    // Without `use`, no `sources` key at all (rule sets of contracts that
    // use nothing are as they were).
    write(&p.join("contracts/a.sla"), &acme);
    assert!(build(p).get("sources").is_none());
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
