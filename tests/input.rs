//! Ticket logs as people save them, through the real binary: another
//! encoding (GBK, UTF-16, a UTF-8 byte-order mark), another delimiter
//! (semicolons, tabs), CRLF and quoted fields with newlines read the same
//! tickets as the UTF-8, comma-separated log (`tests/input/acme-march-zh.csv`,
//! the golden log with Chinese ids and a Chinese note column); bad values of
//! `--encoding` and `--delimiter` are usage errors.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code: a broken assumption stops the test with its message"
)]

use std::path::Path;
use tempfile::TempDir;

mod support;

const CONTRACT: &str = "contracts/acme-support.sla";
const LOG: &str = "tests/input/acme-march-zh.csv";

/// `slac eval CONTRACT LOG --format json ARGS…`: exit code, stdout, stderr.
fn eval(log: &Path, args: &[&str]) -> support::cli::Run {
    let mut all = vec![
        "eval",
        CONTRACT,
        log.to_str().unwrap(),
        "--as-of",
        "2027-04-01T00:00:00Z",
        "--format",
        "json",
    ];
    all.extend_from_slice(args);
    support::cli::run(&all)
}

/// The UTF-8 log's rows, re-written as Excel writes a CSV: fields quoted
/// only where needed, `delimiter` between them, CRLF after each row.
fn as_excel_writes(delimiter: u8) -> String {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_path(LOG)
        .unwrap();
    let mut writer = csv::WriterBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    for record in reader.records() {
        writer.write_record(&record.unwrap()).unwrap();
    }
    String::from_utf8(writer.into_inner().unwrap()).unwrap()
}

/// The JSON report of the UTF-8, comma-separated log.
fn canonical() -> String {
    let run = eval(Path::new(LOG), &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("duplicate id `工单-A01`"),
        "{}",
        run.stdout
    );
    run.stdout
}

/// Two reports are the same, or the first line where they differ.
fn assert_same(run: &support::cli::Run, canonical: &str) {
    assert_eq!(run.code, 0, "{}", run.stderr);
    let differ = run
        .stdout
        .lines()
        .zip(canonical.lines())
        .enumerate()
        .find(|(_, (a, b))| a != b);
    assert!(differ.is_none(), "report line {differ:?} (read, canonical)");
    assert_eq!(run.stdout.len(), canonical.len());
}

fn write(dir: &TempDir, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// The done-when file of issue 13's byte layer: GBK, semicolons, CRLF, the
/// note with `;` and a newline quoted — the same report, and the guessed
/// encoding said on standard error.
#[test]
fn a_gbk_semicolon_crlf_log_saved_by_excel_reads_the_same_tickets() {
    let dir = TempDir::new().unwrap();
    let text = as_excel_writes(b';');
    assert!(text.contains("\r\n") && text.contains(";\"客户来电; 已回复\""));
    let (gbk, _, lossy) = encoding_rs::GBK.encode(&text);
    assert!(!lossy);
    let path = write(&dir, "tickets.csv", &gbk);
    let run = eval(&path, &[]);
    assert_same(&run, &canonical());
    assert!(
        run.stderr
            .contains("tickets.csv as GB18030 (GBK); use --encoding to choose"),
        "{}",
        run.stderr
    );
    // Named, it is read the same and nothing is said.
    let named = eval(&path, &["--encoding", "gbk", "--delimiter", ";"]);
    assert_same(&named, &run.stdout);
    assert!(!named.stderr.contains("use --encoding"), "{}", named.stderr);
}

/// Excel's "Unicode text": UTF-16LE with a byte-order mark, tabs, CRLF;
/// and a UTF-8 file with a mark, as `.tsv`.
#[test]
fn utf16_tab_and_utf8_bom_logs_read_the_same_tickets() {
    let dir = TempDir::new().unwrap();
    let canonical = canonical();
    let text = as_excel_writes(b'\t');
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let run = eval(&write(&dir, "unicode.txt", &utf16), &[]);
    assert_same(&run, &canonical);
    assert!(!run.stderr.contains("use --encoding"), "{}", run.stderr);
    let bom = [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
    let run = eval(&write(&dir, "tickets.tsv", &bom), &[]);
    assert_same(&run, &canonical);
}

/// A byte that is not UTF-8 after the first 64 KiB, read as UTF-8: an
/// error naming its offset (exit 2), not a replacement character.
#[test]
fn a_late_invalid_byte_is_a_clear_error() {
    let dir = TempDir::new().unwrap();
    let log = std::fs::read(LOG).unwrap();
    let (header, rows) = log.split_at(log.iter().position(|b| *b == b'\n').unwrap() + 1);
    let mut bytes = header.to_vec();
    while bytes.len() < 70_000 {
        bytes.extend_from_slice(rows);
    }
    let at = bytes.len();
    bytes.extend_from_slice(b"\xB9\xA4\xB5\xA5,P1\n");
    let run = eval(&write(&dir, "late.csv", &bytes), &[]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains(&format!(
            "byte {at} is not valid UTF-8, though the first 64 KiB were, so the log is read as UTF-8: pass --encoding"
        )),
        "{}",
        run.stderr
    );
}

/// `args` are a usage error (exit 2) that says `message`.
fn assert_usage_error(args: &[&str], message: &str) {
    let run = eval(Path::new(LOG), args);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains(message), "{}", run.stderr);
}

#[test]
fn bad_encoding_and_delimiter_values_are_usage_errors() {
    assert_usage_error(
        &["--encoding", "latin1"],
        "not an encoding slac reads (auto, utf-8, utf-16le, utf-16be, gb18030, gbk)",
    );
    assert_usage_error(&["--delimiter", "|"], "not a delimiter slac reads");
    // A comma-separated log read by semicolons: the header names its commas.
    assert_usage_error(
        &["--delimiter", ";"],
        "separated by commas (`,`), not semicolons: pass --delimiter ,",
    );
}

/// Standard error is not a terminal here: no progress bar, whatever the
/// log's size (this one is past the 16 MiB from which a bar is drawn).
#[test]
fn no_progress_text_when_not_a_terminal() {
    let dir = TempDir::new().unwrap();
    let log = std::fs::read_to_string(LOG).unwrap();
    let mut lines = log.lines();
    let mut text = format!("{},padding\n", lines.next().unwrap());
    let filler = "x".repeat(1 << 20);
    for i in 0..17 {
        text.push_str(&format!(
            "T{i},P1,hotline,2027-03-01T10:00:00+08:00,,,,,,,,{filler}\n"
        ));
    }
    let run = eval(&write(&dir, "big.csv", text.as_bytes()), &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stderr, "", "no progress text expected");
}
