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

/// The golden ticket log's header and first row, with `edit` applied to
/// the row's fields and `extra` more columns on every line.
fn ticket_log(dir: &TempDir, edit: impl Fn(&mut Vec<String>), extra: usize) -> String {
    let log = std::fs::read_to_string("tests/eval/acme-march.csv").unwrap();
    let mut lines = log.lines();
    let mut header = lines.next().unwrap().to_string();
    let mut row: Vec<String> = lines.next().unwrap().split(',').map(String::from).collect();
    edit(&mut row);
    let mut row = row.join(",");
    for i in 0..extra {
        header.push_str(&format!(",extra{i}"));
        row.push_str(",x");
    }
    let path = dir.path().join("tickets.csv");
    std::fs::write(&path, format!("{header}\n{row}\n")).unwrap();
    path.to_str().unwrap().to_string()
}

fn eval(log: &str) -> (i32, String) {
    slac(&[
        "eval",
        "contracts/acme-support.sla",
        log,
        "--as-of",
        "2026-04-01T00:00:00Z",
    ])
}

/// A 10 MB channel is skipped with its reason, in linear time: the
/// did-you-mean no longer measures it against every channel name (it took
/// 26 s and 955 MB in a debug build).
#[test]
fn a_ten_mb_line_is_skipped_quickly() {
    let dir = TempDir::new().unwrap();
    let log = ticket_log(&dir, |row| row[2] = "x".repeat(10 << 20), 0);
    let start = std::time::Instant::now();
    let (code, stderr) = eval(&log);
    assert!(start.elapsed().as_secs() < 8, "{:?}", start.elapsed());
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains(":2: skipped: unknown channel `xxxx"),
        "{stderr}"
    );
}

/// 10,000 columns read as any log (the extra ones ignored); more than
/// Excel's 16,384 is a clear error, exit 2.
#[test]
fn ten_thousand_columns_read_and_twenty_thousand_are_refused() {
    let dir = TempDir::new().unwrap();
    let log = ticket_log(&dir, |_| {}, 10_000);
    let start = std::time::Instant::now();
    let (code, stderr) = eval(&log);
    assert!(start.elapsed().as_secs() < 8, "{:?}", start.elapsed());
    assert_eq!(code, 0, "{stderr}");
    assert!(!stderr.contains("skipped"), "{stderr}");
    let log = ticket_log(&dir, |_| {}, 20_000);
    let (code, stderr) = eval(&log);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("the header has 20010 columns, more than the 16384 a log may have"),
        "{stderr}"
    );
}
