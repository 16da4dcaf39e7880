//! Every file a command writes is written whole or not at all, through the
//! real binary: for `build -o`, `render -o`, `fmt` (in place), `init`,
//! `eval -o`, `eval --tickets-out` and `holidays import -o`, a run that
//! fails — on bad input, or when the output cannot be put in place after it
//! was written — leaves the previous file byte-identical and no temporary
//! file behind; a run that succeeds replaces the file.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code: a broken assumption stops the test with its message"
)]

mod support;

use std::path::Path;
use support::cli::{run_in, Run};
use tempfile::TempDir;

/// A small contract of its own, so the test does not follow the shipped ones.
const CONTRACT: &str = r#"contract "Atomic SLA" {
  effective 2027-01-01..2027-12-31
  timezone  "UTC"
  clock     office

  party client   "Client" { short "C" }
  party provider "Provider" { short "P" }

  scope { service help "Help" }

  calendar office "Office" { mon-fri 09:00-17:00 }

  channel email "Email" { hours office }

  priority P1 "Urgent" { "Down." }

  response   { P1 within 2 hours }
  resolution { P1 within 1 business day }
}
"#;

/// Not formatted (`fmt` changes it), but it checks.
const UNFORMATTED: &str = "contract \"U\" {\n    effective   2027-01-01..2027-12-31\n  party client \"C\" { short \"c\" }\n  party provider \"P\" { short \"p\" }\n  scope { service s \"S\" }\n  calendar always \"24x7\" 24x7\n  channel email \"E\" { hours always }\n  priority P1 \"U\" { \"u\" }\n  response { P1 within 1 hours }\n  resolution { P1 within 4 hours }\n}\n";

/// Does not parse.
const BROKEN: &str = "contract \"x\" {\n  bogus line\n}\n";

const TICKETS: &str = "id,priority,channel,received_at,first_response_at,resolved_at,workaround_at,first_contact_resolved,csat,paused\n\
T1,P1,email,2027-03-01T10:00:00Z,2027-03-01T10:30:00Z,2027-03-01T15:00:00Z,,true,5,\n\
T2,P1,email,2027-03-02T10:00:00Z,2027-03-02T13:00:00Z,2027-03-03T16:00:00Z,,false,4,\n";

const AS_OF: &str = "2027-04-01T00:00:00Z";

const FEED: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n\
BEGIN:VEVENT\r\nUID:a@test\r\nDTSTART;VALUE=DATE:20270101\r\nDTEND;VALUE=DATE:20270102\r\n\
SUMMARY:New Year\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

const PREVIOUS: &[u8] = b"the last good output\n\xe4\xb8\xad\n";

fn workspace() -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("c.sla"), CONTRACT).unwrap();
    std::fs::write(d.join("broken.sla"), BROKEN).unwrap();
    std::fs::write(d.join("t.csv"), TICKETS).unwrap();
    // A log without the columns eval needs.
    std::fs::write(d.join("bad.csv"), "what,ever\n1,2\n").unwrap();
    std::fs::write(d.join("feed.ics"), FEED).unwrap();
    std::fs::write(d.join("bad.ics"), "BEGIN:VCALENDAR\r\nnot a feed\r\n").unwrap();
    dir
}

/// The temporary files left in `dir` (the writer names them `.NAME.slac-PID.tmp`).
fn temporaries(dir: &Path) -> Vec<String> {
    let mut left: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".slac-") || n.ends_with(".tmp"))
        .collect();
    left.sort();
    left
}

/// Runs `args` in `dir` over a previous `out` and asserts the run failed
/// with `code` and left `out` byte-identical and no temporary file.
fn fails_and_keeps(dir: &Path, args: &[&str], out: &str, code: i32) -> Run {
    std::fs::write(dir.join(out), PREVIOUS).unwrap();
    let ran = run_in(dir, args, &[]);
    assert_eq!(ran.code, code, "slac {args:?}: {}", ran.stderr);
    assert!(!ran.stderr.is_empty(), "slac {args:?} failed silently");
    assert_eq!(
        std::fs::read(dir.join(out)).unwrap(),
        PREVIOUS,
        "slac {args:?} changed {out}"
    );
    assert_eq!(temporaries(dir), Vec::<String>::new(), "slac {args:?}");
    ran
}

/// Runs `args` in `dir` over a previous `out` and asserts the run succeeded
/// and replaced `out` (returned), leaving no temporary file.
fn succeeds_and_replaces(dir: &Path, args: &[&str], out: &str) -> Vec<u8> {
    std::fs::write(dir.join(out), PREVIOUS).unwrap();
    let ran = run_in(dir, args, &[]);
    assert_eq!(ran.code, 0, "slac {args:?}: {}", ran.stderr);
    let written = std::fs::read(dir.join(out)).unwrap();
    assert_ne!(written, PREVIOUS, "slac {args:?} did not replace {out}");
    assert_eq!(temporaries(dir), Vec::<String>::new(), "slac {args:?}");
    written
}

/// A folder where the output file should be: the temporary file is written
/// in full, then the rename fails. The run fails, the folder and what it
/// holds stay, and the temporary file is removed.
fn rename_fails_and_cleans_up(dir: &Path, args: &[&str], out: &str) {
    let _ = std::fs::remove_file(dir.join(out));
    std::fs::create_dir(dir.join(out)).unwrap();
    std::fs::write(dir.join(out).join("keep"), PREVIOUS).unwrap();
    let ran = run_in(dir, args, &[]);
    assert_eq!(ran.code, 2, "slac {args:?}: {}", ran.stderr);
    assert!(
        ran.stderr.contains("cannot write"),
        "slac {args:?}: {}",
        ran.stderr
    );
    assert_eq!(std::fs::read(dir.join(out).join("keep")).unwrap(), PREVIOUS);
    assert_eq!(temporaries(dir), Vec::<String>::new(), "slac {args:?}");
    std::fs::remove_dir_all(dir.join(out)).unwrap();
}

#[test]
fn build_o() {
    let dir = workspace();
    let d = dir.path();
    fails_and_keeps(d, &["build", "broken.sla", "-o", "out.json"], "out.json", 1);
    fails_and_keeps(
        d,
        &["build", "missing.sla", "-o", "out.json"],
        "out.json",
        2,
    );
    rename_fails_and_cleans_up(d, &["build", "c.sla", "-o", "out.json"], "out.json");
    let written = succeeds_and_replaces(d, &["build", "c.sla", "-o", "out.json"], "out.json");
    assert!(
        written.starts_with(b"{"),
        "{}",
        String::from_utf8_lossy(&written)
    );
}

#[test]
fn render_o() {
    let dir = workspace();
    let d = dir.path();
    fails_and_keeps(d, &["render", "broken.sla", "-o", "out.md"], "out.md", 1);
    fails_and_keeps(
        d,
        &["render", "c.sla", "--to", "html", "-o", "out.md"],
        "out.md",
        2,
    );
    rename_fails_and_cleans_up(d, &["render", "c.sla", "-o", "out.md"], "out.md");
    let written = succeeds_and_replaces(d, &["render", "c.sla", "-o", "out.md"], "out.md");
    assert!(String::from_utf8(written).unwrap().contains("Atomic SLA"));
}

#[test]
fn fmt_in_place() {
    let dir = workspace();
    let d = dir.path();
    // A file that does not parse is left as it was, byte for byte.
    let ran = run_in(d, &["fmt", "broken.sla"], &[]);
    assert_eq!(ran.code, 1, "{}", ran.stderr);
    assert_eq!(
        std::fs::read_to_string(d.join("broken.sla")).unwrap(),
        BROKEN
    );
    // So is one that is not UTF-8.
    std::fs::write(d.join("latin1.sla"), b"contract \"\xe9\" {}\n").unwrap();
    let ran = run_in(d, &["fmt", "latin1.sla"], &[]);
    assert_eq!(ran.code, 1, "{}", ran.stderr);
    assert_eq!(
        std::fs::read(d.join("latin1.sla")).unwrap(),
        b"contract \"\xe9\" {}\n"
    );
    // `--check` never writes.
    std::fs::write(d.join("u.sla"), UNFORMATTED).unwrap();
    let ran = run_in(d, &["fmt", "--check", "u.sla"], &[]);
    assert_eq!(ran.code, 1, "{}", ran.stderr);
    assert_eq!(
        std::fs::read_to_string(d.join("u.sla")).unwrap(),
        UNFORMATTED
    );
    assert_eq!(temporaries(d), Vec::<String>::new());
    // A run that formats replaces the file with its formatted text.
    let ran = run_in(d, &["fmt", "u.sla"], &[]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let formatted = std::fs::read_to_string(d.join("u.sla")).unwrap();
    assert_ne!(formatted, UNFORMATTED);
    assert!(
        formatted.contains("\n  effective 2027-01-01..2027-12-31\n"),
        "{formatted}"
    );
    assert_eq!(temporaries(d), Vec::<String>::new());
    let ran = run_in(d, &["fmt", "--check", "u.sla"], &[]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
}

#[test]
fn init() {
    let dir = workspace();
    let d = dir.path();
    // An existing file is never overwritten.
    fails_and_keeps(d, &["init", "new.sla"], "new.sla", 2);
    fails_and_keeps(d, &["init", "new.sla", "--lang", "en"], "new.sla", 2);
    // A file in a folder that does not exist: an error, nothing left.
    let ran = run_in(d, &["init", "no/such/folder/new.sla"], &[]);
    assert_eq!(ran.code, 2, "{}", ran.stderr);
    assert!(!d.join("no").exists());
    assert_eq!(temporaries(d), Vec::<String>::new());
    // A new file is written whole.
    std::fs::remove_file(d.join("new.sla")).unwrap();
    let ran = run_in(d, &["init", "new.sla", "--lang", "en"], &[]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let written = std::fs::read_to_string(d.join("new.sla")).unwrap();
    assert_eq!(
        written,
        std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("contracts/templates/customer-service.en.sla")
        )
        .unwrap()
    );
    assert_eq!(temporaries(d), Vec::<String>::new());
}

#[test]
fn eval_o() {
    let dir = workspace();
    let d = dir.path();
    let eval = |contract: &'static str, log: &'static str, as_of: &'static str| {
        vec!["eval", contract, log, "--as-of", as_of, "-o", "out.json"]
    };
    fails_and_keeps(d, &eval("broken.sla", "t.csv", AS_OF), "out.json", 1);
    fails_and_keeps(d, &eval("c.sla", "missing.csv", AS_OF), "out.json", 2);
    fails_and_keeps(d, &eval("c.sla", "bad.csv", AS_OF), "out.json", 2);
    fails_and_keeps(d, &eval("c.sla", "t.csv", "never"), "out.json", 2);
    rename_fails_and_cleans_up(d, &eval("c.sla", "t.csv", AS_OF), "out.json");
    let written = succeeds_and_replaces(d, &eval("c.sla", "t.csv", AS_OF), "out.json");
    assert!(String::from_utf8(written).unwrap().contains("\"P1\""));
}

#[test]
fn eval_tickets_out() {
    let dir = workspace();
    let d = dir.path();
    let eval = |contract: &'static str, log: &'static str| {
        vec![
            "eval",
            contract,
            log,
            "--as-of",
            AS_OF,
            "--tickets-out",
            "rows.csv",
            "-o",
            "report.json",
        ]
    };
    for (contract, log, code) in [
        ("broken.sla", "t.csv", 1),
        ("c.sla", "missing.csv", 2),
        ("c.sla", "bad.csv", 2),
    ] {
        std::fs::write(d.join("report.json"), PREVIOUS).unwrap();
        fails_and_keeps(d, &eval(contract, log), "rows.csv", code);
        assert_eq!(std::fs::read(d.join("report.json")).unwrap(), PREVIOUS);
    }
    // The rows cannot be put in place: the rows file (a folder here) is
    // kept, and so is the report, written only when both can be.
    std::fs::write(d.join("report.json"), PREVIOUS).unwrap();
    rename_fails_and_cleans_up(d, &eval("c.sla", "t.csv"), "rows.csv");
    assert_eq!(std::fs::read(d.join("report.json")).unwrap(), PREVIOUS);
    let written = succeeds_and_replaces(d, &eval("c.sla", "t.csv"), "rows.csv");
    let rows = String::from_utf8(written).unwrap();
    assert!(rows.contains("T1") && rows.contains("T2"), "{rows}");
    assert_ne!(std::fs::read(d.join("report.json")).unwrap(), PREVIOUS);
}

#[test]
fn holidays_import_o() {
    let dir = workspace();
    let d = dir.path();
    let import = |feed: &'static str| {
        vec![
            "holidays", "import", feed, "--id", "new-year", "-o", "lib.sla",
        ]
    };
    fails_and_keeps(d, &import("bad.ics"), "lib.sla", 2);
    fails_and_keeps(d, &import("missing.ics"), "lib.sla", 2);
    let mut bad_regex = import("feed.ics");
    bad_regex.extend(["--workdays", "("]);
    fails_and_keeps(d, &bad_regex, "lib.sla", 2);
    rename_fails_and_cleans_up(d, &import("feed.ics"), "lib.sla");
    let written = succeeds_and_replaces(d, &import("feed.ics"), "lib.sla");
    let library = String::from_utf8(written).unwrap();
    assert!(library.contains("2027-01-01"), "{library}");
    let ran = run_in(d, &["check", "lib.sla"], &[]);
    assert_eq!(ran.code, 0, "{}{}", ran.stdout, ran.stderr);
}
