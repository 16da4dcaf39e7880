//! Limits on hostile input, end to end through the real binary: a contract
//! file too large to be one, and a due time past the clock's horizon.
//! Each must end with a clear error and exit code, quickly, never with an
//! out-of-memory or a hang.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code: a broken assumption stops the test with its message"
)]

use tempfile::TempDir;

mod support;

/// `slac ARGS…`: exit code and standard error.
fn slac(args: &[&str]) -> (i32, String) {
    let run = support::cli::run(args);
    (run.code, run.stderr)
}

/// A (sparse) file of 64 MB and one byte is refused by `check` and `fmt`
/// with a usage error naming the limit, not read into memory.
#[test]
fn a_file_above_64_mb_is_a_clear_error() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("huge.sla");
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(64 * 1024 * 1024 + 1).unwrap();
    let path = path.to_str().unwrap();
    for command in ["check", "fmt"] {
        let (code, stderr) = slac(&[command, path]);
        assert_eq!(code, 2, "{command}: {stderr}");
        assert!(
            stderr.contains("huge.sla` is larger than 64 MB"),
            "{command}: {stderr}"
        );
    }
}

/// 10,000 business days on a calendar open one hour a year: `slac due`
/// says the calendar has not enough open time within the horizon (exit 1).
#[test]
fn a_due_time_past_the_horizon_is_a_clear_error() {
    let opens: String = (2027..2200)
        .map(|year| format!("    open {year}-06-01 09:00-10:00\n"))
        .collect();
    let text = format!(
        r#"contract "SLA" {{
  effective 2027-01-01..2199-12-31
  timezone "Asia/Shanghai"
  clock yearly
  party client "A" {{ short "a" }}
  party provider "B" {{ short "b" }}
  scope {{ service s "S" }}
  calendar yearly "One hour a year" {{
{opens}  }}
  calendar always "24x7" 24x7
  channel hotline "H" {{ hours always }}
  priority P1 "Urgent" {{ "outage" }}
  response {{ P1 within 10000 business days }}
  resolution {{ P1 within 10000 business days }}
}}
"#
    );
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("yearly.sla");
    std::fs::write(&path, text).unwrap();
    let path = path.to_str().unwrap();
    let (code, stderr) = slac(&[
        "due",
        path,
        "--priority",
        "P1",
        "--received",
        "2027-03-01T10:00:00+08:00",
    ]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("calendar `yearly` has not enough open time within 20 years"),
        "{stderr}"
    );
}
