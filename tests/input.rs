//! Ticket logs as people save them, through the real binary: another
//! encoding (GBK, UTF-16, a UTF-8 byte-order mark), another delimiter
//! (semicolons, tabs), CRLF and quoted fields with newlines read the same
//! tickets as the UTF-8, comma-separated log (`tests/input/acme-march-zh.csv`,
//! the golden log with Chinese ids and a Chinese note column); bad values of
//! `--encoding` and `--delimiter` are usage errors. An `.xlsx` workbook
//! made from the same log (`rust_xlsxwriter`) reads the same tickets.
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
        "2026-04-01T00:00:00Z",
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
    assert_usage_error_on(Path::new(LOG), args, message);
}

fn assert_usage_error_on(log: &Path, args: &[&str], message: &str) {
    let run = eval(log, args);
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
            "T{i},P1,hotline,2026-03-02T10:00:00+08:00,,,,,,,,{filler}\n"
        ));
    }
    let run = eval(&write(&dir, "big.csv", text.as_bytes()), &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stderr, "", "no progress text expected");
}

/// The UTF-8 log as an Excel user's sheet: numbers as number cells
/// (`csat`), `true`/`false` as boolean cells, the rest as text; after a
/// sheet named `Notes`, so `--sheet` must pick it. Row 2 is left blank,
/// which is skipped, so every later row is one further down.
fn workbook(sheet: &str, blank_second_row: bool) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    book.add_worksheet()
        .set_name("Notes")
        .unwrap()
        .write_string(0, 0, "not the tickets")
        .unwrap();
    let tickets = book.add_worksheet().set_name(sheet).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_path(LOG)
        .unwrap();
    let mut row = 0u32;
    for record in reader.records() {
        for (column, field) in record.unwrap().iter().enumerate() {
            let column = u16::try_from(column).unwrap();
            match field {
                "true" | "false" => tickets.write_boolean(row, column, field == "true"),
                _ if column == 8 && row > 0 && field.parse::<f64>().is_ok() => {
                    tickets.write_number(row, column, field.parse::<f64>().unwrap())
                }
                "" => Ok(&mut *tickets),
                _ => tickets.write_string(row, column, field),
            }
            .unwrap();
        }
        row += if row == 0 && blank_second_row { 2 } else { 1 };
    }
    book.save_to_buffer().unwrap()
}

/// An `.xlsx` workbook is read directly and gives the same report as the
/// CSV it was made from, but for the line numbers of skipped rows, which
/// are the sheet's row numbers (one further down after a blank row).
#[test]
fn an_xlsx_sheet_reads_the_same_tickets() {
    let dir = TempDir::new().unwrap();
    let path = write(&dir, "tickets.xlsx", &workbook("Tickets", false));
    let run = eval(&path, &["--sheet", "Tickets"]);
    // Rows, not lines: the notes with a line break make the CSV's longer.
    let rows_not_lines = |report: &str| {
        report
            .lines()
            .filter(|l| !l.trim_start().starts_with("\"line\": "))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(rows_not_lines(&run.stdout) == rows_not_lines(&canonical()));
    assert!(
        run.stderr
            .contains("tickets.xlsx:30: skipped: unknown priority `P9`"),
        "{}",
        run.stderr
    );
    let shifted = write(&dir, "blank.xlsx", &workbook("Tickets", true));
    let run = eval(&shifted, &["--sheet", "Tickets"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("blank.xlsx:31: skipped: unknown priority `P9`"),
        "{}",
        run.stderr
    );
    // The first sheet is the default: `Notes` has no ticket columns.
    let run = eval(&path, &[]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("lacks the columns"), "{}", run.stderr);
    assert_usage_error_on(
        &path,
        &["--sheet", "Sheet9"],
        "the workbook has no sheet `Sheet9`; its sheets are `Notes`, `Tickets`",
    );
}

/// A date cell reads as a local `YYYY-MM-DD HH:MM:SS` (here, with no
/// offset, the row is skipped with that text in its reason); a number id
/// as written (`1001`, so the text `1001` after it is a duplicate); a file
/// named `.xlsx` that is not a workbook is a clear error.
#[test]
fn xlsx_cells_read_as_text_and_a_broken_workbook_is_an_error() {
    let dir = TempDir::new().unwrap();
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (column, name) in (0u16..).zip(slac::eval::COLUMNS) {
        sheet.write_string(0, column, name).unwrap();
    }
    let local = rust_xlsxwriter::Format::new().set_num_format("yyyy/m/d h:mm");
    let when = rust_xlsxwriter::ExcelDateTime::parse_from_str("2026-03-02 09:30:00").unwrap();
    for row in 1..=3u32 {
        sheet.write_string(row, 1, "P1").unwrap();
        sheet.write_string(row, 2, "email").unwrap();
        sheet
            .write_string(row, 3, "2026-03-02T09:00:00+08:00")
            .unwrap();
    }
    sheet.write_number(1, 0, 1001).unwrap();
    sheet.write_string(2, 0, "1001").unwrap();
    sheet.write_string(3, 0, "1002").unwrap();
    sheet
        .write_datetime_with_format(3, 4, &when, &local)
        .unwrap();
    let path = write(&dir, "cells.xlsx", &book.save_to_buffer().unwrap());
    let run = eval(&path, &[]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("cells.xlsx:3: skipped: duplicate id `1001`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("cells.xlsx:4: skipped: first_response_at `2026-03-02 09:30:00`"),
        "{}",
        run.stderr
    );
    let broken = write(&dir, "broken.xlsx", b"id,priority\n");
    assert_usage_error_on(&broken, &[], "cannot read the workbook: ");
}
