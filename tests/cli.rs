//! `slac check` end to end: the real binary on real files, every output
//! format, colour rules, exit codes, and hostile input (empty, binary, BOM,
//! CRLF, deep nesting, multi-megabyte lines, missing paths, bad flags).
//!
//! Every run goes through [`run`], which also asserts that the process
//! never panicked and always finished within `support::cli::TIME_LIMIT`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "test code: a broken assumption stops the test with its message"
)]

use assert_cmd::Command;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::time::Duration;

mod support;
use support::cli::{run, run_env, run_in, Run};
use support::project::Scratch;

#[path = "cli/uses.rs"]
mod uses;

#[path = "cli/libraries.rs"]
mod libraries;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

// Paths relative to the crate root, where every run starts.
const ACME: &str = "contracts/acme-support.sla";
const DESIGN_EXAMPLE: &str = "tests/fixtures/design-example.sla";
/// ACME with `hours bussiness` after Chinese text: one E012 at 41:39.
const UNKNOWN_CALENDAR: &str = "tests/cli/unknown-calendar.sla";

fn acme_text() -> String {
    std::fs::read_to_string(root().join(ACME)).unwrap()
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// The diagnostics of `slac check --format json PATH`, and the exit code.
fn json_of(p: &Path) -> (i32, Vec<Value>) {
    let out = run(&["check", "--format", "json", path(p)]);
    let value: Value = serde_json::from_str(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", out.stdout));
    (out.code, value.as_array().expect("a JSON array").clone())
}

fn codes(diagnostics: &[Value]) -> Vec<&str> {
    diagnostics
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect()
}

/// Writes `bytes` as `name` in a fresh temporary folder.
/// A file in `contracts/` of a scratch project (so that a copy of acme
/// reads the shipped library through its `use` line).
fn temp_file(name: &str, bytes: impl AsRef<[u8]>) -> (Scratch, PathBuf) {
    let dir = Scratch::new();
    let file = dir.write(name, bytes);
    (dir, file)
}

const ANSI: &str = "\u{1b}[";

// ------------------------------------------------------------ the basics

#[test]
fn shipped_contract_checks_clean() {
    let out = run(&["check", "contracts/acme-support.sla"]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert_eq!(out.stdout, "1 file, 1 used library: 0 errors, 0 warnings\n");
    assert_eq!(out.stderr, "");
}

#[test]
fn design_example_has_exactly_w001_and_w005() {
    let (code, diagnostics) = json_of(Path::new(DESIGN_EXAMPLE));
    assert_eq!(code, 0);
    let mut found = codes(&diagnostics);
    found.sort();
    assert_eq!(found, ["W001", "W005"]);
    assert!(diagnostics.iter().all(|d| d["severity"] == "warning"));

    let human = run(&["check", DESIGN_EXAMPLE]);
    assert_eq!(human.code, 0);
    assert!(human.stdout.contains("W001") && human.stdout.contains("W005"));
    assert!(human
        .stdout
        .ends_with("1 file: 0 errors, 2 warnings (1 W001, 1 W005)\n"));
}

#[test]
fn deny_warnings_fails_on_warnings_only() {
    let warned = run(&["check", "--deny-warnings", DESIGN_EXAMPLE]);
    assert_eq!(warned.code, 1, "{}", warned.stdout);
    assert!(warned
        .stdout
        .ends_with("1 file: 0 errors, 2 warnings (1 W001, 1 W005)\n"));
    let clean = run(&["check", "--deny-warnings", ACME]);
    assert_eq!(clean.code, 0, "{}", clean.stdout);
}

#[test]
fn an_error_exits_1_and_points_at_the_place() {
    let out = run(&["check", UNKNOWN_CALENDAR]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    assert!(out.stdout.contains("E012"), "{}", out.stdout);
    assert!(out.stdout.contains("unknown calendar `bussiness`"));
    assert!(out.stdout.contains("did you mean `business`?"));
    assert!(out.stdout.contains("unknown-calendar.sla:41:"));
    assert!(out.stdout.ends_with("1 file: 1 error, 0 warnings\n"));
}

#[test]
fn human_report_columns_count_characters() {
    let out = run(&["check", UNKNOWN_CALENDAR]);
    assert!(
        out.stdout.contains("unknown-calendar.sla:41:39]"),
        "{}",
        out.stdout
    );
}

// ------------------------------------------------------------ folders

#[test]
fn folders_recurse_in_sorted_order_and_skip_other_files() {
    let dir = Scratch::new();
    let d = dir.path();
    std::fs::create_dir_all(d.join("a")).unwrap();
    std::fs::create_dir_all(d.join("z/deeper")).unwrap();
    let example = std::fs::read(root().join(DESIGN_EXAMPLE)).unwrap();
    for name in ["c.sla", "a/z.sla", "b.sla", "z/deeper/a.sla"] {
        std::fs::write(d.join(name), &example).unwrap();
    }
    // One folder deeper than in the project: its `use` line says so.
    let deeper = acme_text().replace("use \"../holidays/", "use \"../../holidays/");
    std::fs::write(d.join("a/ok.sla"), deeper).unwrap();
    // Not contracts: ignored, even when broken.
    std::fs::write(d.join("notes.txt"), "not a contract {{{").unwrap();
    std::fs::write(d.join("a/readme.md"), "# hi").unwrap();

    let out = run(&["check", "--format", "json", path(d)]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    let diagnostics: Vec<Value> = serde_json::from_str(&out.stdout).unwrap();
    let mut files: Vec<String> = diagnostics
        .iter()
        .map(|d| d["file"].as_str().unwrap().replace('\\', "/"))
        .collect();
    files.dedup();
    let base = path(d).replace('\\', "/");
    let expected: Vec<String> = ["a/z.sla", "b.sla", "c.sla", "z/deeper/a.sla"]
        .iter()
        .map(|n| format!("{base}/{n}"))
        .collect();
    assert_eq!(files, expected);

    let human = run(&["check", path(d)]);
    assert_eq!(human.code, 0);
    assert!(
        human
            .stdout
            .ends_with("5 files, 1 used library: 0 errors, 8 warnings (4 W001, 4 W005)\n"),
        "{}",
        human.stdout
    );
}

#[test]
fn files_and_folders_mix_and_errors_count_across_files() {
    let dir = Scratch::new();
    dir.write("one.sla", acme_text());
    let out = run(&["check", path(dir.path()), UNKNOWN_CALENDAR]);
    assert_eq!(out.code, 1);
    assert!(
        out.stdout
            .ends_with("2 files, 1 used library: 1 error, 0 warnings\n"),
        "{}",
        out.stdout
    );
}

#[test]
fn folder_without_contracts_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.txt"), "x").unwrap();
    let out = run(&["check", path(dir.path())]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("no `.sla` contracts"), "{}", out.stderr);
    assert!(out.stderr.contains(path(dir.path())));
    assert_eq!(out.stdout, "");
}

#[test]
fn missing_file_is_a_usage_error_naming_it() {
    let out = run(&["check", "no/such/contract.sla"]);
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("no/such/contract.sla"),
        "{}",
        out.stderr
    );
    // One missing path fails the run even next to a good one.
    let mixed = run(&["check", ACME, "missing.sla"]);
    assert_eq!(mixed.code, 2);
    assert!(mixed.stderr.contains("missing.sla"));
}

#[test]
fn bad_usage_exits_2() {
    for args in [
        &["check", "--frobnicate", "contracts/acme-support.sla"][..],
        &["check", "--format", "xml", "contracts/acme-support.sla"][..],
        &[
            "check",
            "--color",
            "sometimes",
            "contracts/acme-support.sla",
        ][..],
        &["check"][..],
        &["no-such-command"][..],
    ] {
        let out = run(args);
        assert_eq!(out.code, 2, "slac {args:?}: {}", out.stderr);
        assert!(!out.stderr.is_empty(), "slac {args:?} said nothing");
    }
}

// ------------------------------------------------------------ formats

#[test]
fn json_has_the_documented_fields_and_character_columns() {
    let (code, diagnostics) = json_of(Path::new(UNKNOWN_CALENDAR));
    assert_eq!(code, 1);
    assert_eq!(diagnostics.len(), 1);
    let d = diagnostics[0].as_object().unwrap();
    let mut keys: Vec<&str> = d.keys().map(String::as_str).collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "code",
            "column",
            "end_column",
            "end_line",
            "file",
            "help",
            "line",
            "message",
            "severity"
        ]
    );
    assert_eq!(d["code"], "E012");
    assert_eq!(d["severity"], "error");
    assert_eq!(d["message"], "unknown calendar `bussiness`");
    assert!(d["file"]
        .as_str()
        .unwrap()
        .ends_with("unknown-calendar.sla"));
    // After `"在线客服系统"`: 39 characters in, though 51 bytes.
    assert_eq!(
        (&d["line"], &d["column"]),
        (&Value::from(41), &Value::from(39))
    );
    assert_eq!(
        (&d["end_line"], &d["end_column"]),
        (&Value::from(41), &Value::from(48))
    );
    assert!(d["help"].as_str().unwrap().contains("`business`"));
}

#[test]
fn json_is_an_empty_array_for_a_clean_contract() {
    let (code, diagnostics) = json_of(Path::new(ACME));
    assert_eq!(code, 0);
    assert!(diagnostics.is_empty());
}

#[test]
fn github_annotations_come_first_then_the_plain_list() {
    let out = run(&["check", "--format", "github", DESIGN_EXAMPLE]);
    assert_eq!(out.code, 0);
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert_eq!(lines.len(), 5, "{}", out.stdout);
    for line in &lines[..2] {
        assert!(line.starts_with("::warning file="), "{line}");
        assert!(line.contains(",line=") && line.contains(",col="));
        assert!(!line.contains('\n'));
    }
    assert!(lines[0].contains("title=W005"));
    assert!(lines[1].contains("title=W001"));
    assert!(lines[2].ends_with(": warning[W005]: calendar `night` is not used"));
    assert!(lines[3].contains("warning[W001]"));
    assert_eq!(lines[4], "1 file: 0 errors, 2 warnings (1 W001, 1 W005)");

    let error = run(&["check", "--format", "github", UNKNOWN_CALENDAR]);
    assert_eq!(error.code, 1);
    assert!(
        error.stdout.starts_with("::error file="),
        "{}",
        error.stdout
    );
    assert!(error.stdout.contains(",line=41,col=39,"));
}

#[test]
fn sarif_is_version_2_1_0_with_located_results() {
    let out = run(&["check", "--format", "sarif", UNKNOWN_CALENDAR]);
    assert_eq!(out.code, 1);
    let log: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(log["version"], "2.1.0");
    let run0 = &log["runs"][0];
    assert_eq!(run0["tool"]["driver"]["name"], "slac");
    assert_eq!(run0["tool"]["driver"]["rules"][0]["id"], "E012");
    let result = &run0["results"][0];
    assert_eq!(result["ruleId"], "E012");
    assert_eq!(result["level"], "error");
    let region = &result["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["startLine"], 41);
    assert_eq!(region["startColumn"], 39);

    let clean = run(&["check", "--format", "sarif", ACME]);
    assert_eq!(clean.code, 0);
    let log: Value = serde_json::from_str(&clean.stdout).unwrap();
    assert_eq!(log["version"], "2.1.0");
    assert_eq!(log["runs"][0]["results"].as_array().unwrap().len(), 0);
}

#[test]
fn output_is_deterministic() {
    for format in ["human", "json", "github", "sarif"] {
        let args = [
            "check",
            "--format",
            format,
            DESIGN_EXAMPLE,
            UNKNOWN_CALENDAR,
        ];
        let first = run(&args);
        let second = run(&args);
        assert_eq!(first.stdout, second.stdout, "--format {format}");
        assert_eq!(first.code, 1);
    }
}

// ------------------------------------------------------------ colour

#[test]
fn color_always_emits_ansi_and_never_does_not() {
    let example = DESIGN_EXAMPLE;
    let always = run(&["check", "--color", "always", example]);
    assert!(always.stdout.contains(ANSI), "{}", always.stdout);
    // `--color` is global: it may also come before the command.
    let before = run(&["--color", "always", "check", example]);
    assert_eq!(before.stdout, always.stdout);
    let never = run(&["check", "--color", "never", example]);
    assert!(!never.stdout.contains(ANSI));
    // `never` wins even over CLICOLOR_FORCE.
    let forced_never = run_env(
        &["check", "--color", "never", example],
        &[("CLICOLOR_FORCE", "1")],
    );
    assert!(!forced_never.stdout.contains(ANSI));
}

#[test]
fn color_auto_follows_the_environment_on_a_pipe() {
    let example = DESIGN_EXAMPLE;
    let plain = run(&["check", "--color", "auto", example]);
    assert!(!plain.stdout.contains(ANSI), "a pipe is not a terminal");
    let no_color = run_env(&["check", "--color", "auto", example], &[("NO_COLOR", "1")]);
    assert!(!no_color.stdout.contains(ANSI));
    let forced = run_env(
        &["check", "--color", "auto", example],
        &[("CLICOLOR_FORCE", "1")],
    );
    assert!(forced.stdout.contains(ANSI), "{}", forced.stdout);
    let both = run_env(
        &["check", example],
        &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")],
    );
    assert!(!both.stdout.contains(ANSI), "NO_COLOR beats CLICOLOR_FORCE");
    let forced_off = run_env(&["check", example], &[("CLICOLOR_FORCE", "0")]);
    assert!(!forced_off.stdout.contains(ANSI));
}

#[test]
fn machine_formats_are_never_coloured() {
    for format in ["json", "github", "sarif"] {
        let out = run(&[
            "check",
            "--color",
            "always",
            "--format",
            format,
            DESIGN_EXAMPLE,
        ]);
        assert!(!out.stdout.contains(ANSI), "--format {format}");
    }
}

// ------------------------------------------------------------ bad input

#[test]
fn empty_file_is_e011() {
    let (_dir, file) = temp_file("empty.sla", "");
    let (code, diagnostics) = json_of(&file);
    assert_eq!(code, 1);
    assert_eq!(codes(&diagnostics), ["E011"]);
    assert_eq!(
        (&diagnostics[0]["line"], &diagnostics[0]["column"]),
        (&Value::from(1), &Value::from(1))
    );
    let human = run(&["check", path(&file)]);
    assert!(human.stdout.contains("the file has no contract"));
}

#[test]
fn whitespace_and_comments_only_is_e011() {
    let (_dir, file) = temp_file("blank.sla", "\n  \t\r\n// only a comment\n\n");
    let (code, diagnostics) = json_of(&file);
    assert_eq!(code, 1);
    assert_eq!(codes(&diagnostics), ["E011"]);
}

#[test]
fn binary_file_is_e004_at_the_bad_byte() {
    let (_dir, file) = temp_file(
        "binary.sla",
        [0x7f, b'E', b'L', b'F', 0xff, 0x00, 0xc3, 0x28],
    );
    let (code, diagnostics) = json_of(&file);
    assert_eq!(code, 1);
    assert_eq!(codes(&diagnostics), ["E004"]);
    assert!(diagnostics[0]["message"]
        .as_str()
        .unwrap()
        .contains("offset 4"));

    // After Chinese text the column counts characters: `contract "客户` is
    // 12 characters (16 bytes), so the bad byte is at column 13.
    let mut bytes = "contract \"客户".as_bytes().to_vec();
    bytes.push(0xff);
    bytes.extend_from_slice(b"\" {}\n");
    let (_dir, file) = temp_file("latin1.sla", bytes);
    let (code, diagnostics) = json_of(&file);
    assert_eq!(code, 1);
    assert_eq!(codes(&diagnostics), ["E004"]);
    assert_eq!(diagnostics[0]["line"], 1);
    assert_eq!(diagnostics[0]["column"], 13);
    let human = run(&["check", path(&file)]);
    assert_eq!(human.code, 1);
    assert!(human.stdout.contains("not UTF-8"));
}

#[test]
fn binary_file_e004_span_covers_the_bad_byte() {
    let (_dir, file) = temp_file("bad.sla", b"ab\xffcd");
    let (_, diagnostics) = json_of(&file);
    assert_eq!(diagnostics[0]["column"], 3);
    assert_eq!(diagnostics[0]["end_column"], 4);
}

#[test]
fn leading_bom_is_ignored() {
    let mut bytes = "\u{feff}".as_bytes().to_vec();
    bytes.extend_from_slice(acme_text().as_bytes());
    let (_dir, file) = temp_file("bom.sla", bytes);
    let out = run(&["check", path(&file)]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert_eq!(out.stdout, "1 file, 1 used library: 0 errors, 0 warnings\n");

    // Columns on the first line do not count the BOM.
    let (_dir, file) = temp_file("bom-error.sla", "\u{feff}contrakt \"x\" {}\n");
    let (code, diagnostics) = json_of(&file);
    assert_eq!(code, 1);
    assert_eq!(diagnostics[0]["line"], 1);
    assert_eq!(diagnostics[0]["column"], 1, "{diagnostics:?}");
}

#[test]
fn crlf_line_endings_check_the_same_with_the_same_columns() {
    let crlf = acme_text().replace('\n', "\r\n");
    let (_dir, file) = temp_file("crlf.sla", crlf);
    let out = run(&["check", path(&file)]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert_eq!(out.stdout, "1 file, 1 used library: 0 errors, 0 warnings\n");

    let broken = std::fs::read_to_string(root().join(UNKNOWN_CALENDAR))
        .unwrap()
        .replace('\n', "\r\n");
    let (_dir, file) = temp_file("crlf-error.sla", broken);
    let (code, diagnostics) = json_of(&file);
    assert_eq!(code, 1);
    assert_eq!(codes(&diagnostics), ["E012"]);
    let d = &diagnostics[0];
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(41), Some(39))
    );
    assert_eq!(
        (d["end_line"].as_u64(), d["end_column"].as_u64()),
        (Some(41), Some(48))
    );

    // An error at the end of a CRLF line: the column stops before the CR.
    let (_dir, file) = temp_file("crlf-eol.sla", "contract \"x\" {\r\n  clock\r\n}\r\n");
    let (code, diagnostics) = json_of(&file);
    assert_eq!(code, 1);
    for d in &diagnostics {
        let column = d["end_column"].as_u64().unwrap();
        let line = d["end_line"].as_u64().unwrap();
        let text = ["contract \"x\" {", "  clock", "}", ""][line as usize - 1];
        assert!(column as usize <= text.chars().count() + 1, "{d}");
    }
}

#[test]
fn twenty_thousand_open_braces_are_e003_without_overflow() {
    let (_dir, file) = temp_file("deep.sla", "{".repeat(20_000));
    let (code, diagnostics) = json_of(&file);
    assert_eq!(code, 1);
    assert_eq!(codes(&diagnostics), ["E003"]);
    let human = run(&["check", path(&file)]);
    assert_eq!(human.code, 1);
    assert!(human.stdout.contains("nested more than"));

    // The same inside a contract, with newlines and closing braces later.
    let text = format!(
        "contract \"深\" {{\n{}\n{}\n}}\n",
        "{\n".repeat(20_000),
        "}\n".repeat(20_000)
    );
    let (_dir, file) = temp_file("deep2.sla", text);
    let (code, diagnostics) = json_of(&file);
    assert_eq!(code, 1);
    assert_eq!(codes(&diagnostics), ["E003"]);
}

#[test]
fn deep_brackets_and_quotes_do_not_overflow() {
    for (name, text) in [
        ("brackets.sla", "[".repeat(100_000)),
        ("quotes.sla", "\"".repeat(100_000)),
        ("closers.sla", "}".repeat(100_000)),
        ("mixed.sla", "{[\"".repeat(30_000)),
        (
            "contract.sla",
            format!("contract \"x\" {}", "{ ".repeat(50_000)),
        ),
    ] {
        let (_dir, file) = temp_file(name, text);
        let (code, diagnostics) = json_of(&file);
        assert_eq!(code, 1, "{name}");
        assert!(!diagnostics.is_empty(), "{name}");
    }
}

/// A 5 MB string of Chinese text in a `term`.
fn five_mb_term() -> String {
    acme_text().replace(
        "\"通过约定渠道提交、信息完整的服务请求。\"",
        &format!("\"{}\"", "服务请求".repeat(5 * 1024 * 1024 / 12)),
    )
}

#[test]
fn five_megabyte_string_checks_promptly() {
    let text = five_mb_term();
    assert!(text.len() > 5 * 1024 * 1024);
    let (_dir, file) = temp_file("big-term.sla", text);
    let out = run(&["check", path(&file)]);
    assert_eq!(out.code, 0, "{}", &out.stdout[..out.stdout.len().min(2000)]);
    assert_eq!(out.stdout, "1 file, 1 used library: 0 errors, 0 warnings\n");
}

/// The acme contract with a 5 MB line of junk where an item should be.
fn five_mb_junk_item() -> String {
    acme_text().replace(
        "  term \"合格服务请求\"",
        &format!(
            "  {}\n  term \"合格服务请求\"",
            "x@".repeat(5 * 1024 * 1024 / 2)
        ),
    )
}

#[test]
fn five_megabyte_junk_line_gets_a_located_error_promptly() {
    let (_dir, file) = temp_file("big-junk.sla", five_mb_junk_item());
    let (code, diagnostics) = json_of(&file);
    assert_eq!(code, 1);
    assert_eq!(codes(&diagnostics), ["E002"]);
    assert_eq!(diagnostics[0]["line"], 26);
    assert_eq!(diagnostics[0]["column"], 3);

    let (_dir, file) = temp_file("all-junk.sla", "q".repeat(5 * 1024 * 1024));
    let (code, diagnostics) = json_of(&file);
    assert_eq!(code, 1);
    assert_eq!(codes(&diagnostics), ["E001"]);
    assert_eq!(diagnostics[0]["line"], 1);
    assert_eq!(diagnostics[0]["column"], 1);

    // An unterminated 5 MB string.
    let (_dir, file) = temp_file(
        "open-string.sla",
        format!("contract \"{}", "客".repeat(5 * 1024 * 1024 / 3)),
    );
    let (code, diagnostics) = json_of(&file);
    assert_eq!(code, 1);
    assert!(!diagnostics.is_empty());
}

#[test]
fn human_report_of_a_huge_line_stays_small() {
    let (_dir, file) = temp_file("all-junk.sla", "q".repeat(5 * 1024 * 1024));
    let out = run(&["check", path(&file)]);
    assert_eq!(out.code, 1);
    assert!(
        out.stdout.len() < 64 * 1024,
        "{} bytes of output",
        out.stdout.len()
    );
}

#[test]
fn nul_bytes_and_control_characters_are_located_errors() {
    let (_dir, file) = temp_file(
        "nul.sla",
        "contract \"x\" {\n  id \"a\0b\"\n\u{7}\u{1b}[31m\n}\n",
    );
    let out = run(&["check", "--format", "json", path(&file)]);
    assert!(out.code == 0 || out.code == 1);
    let diagnostics: Vec<Value> = serde_json::from_str(&out.stdout).unwrap();
    assert!(!diagnostics.is_empty());
}

/// The acme contract with `n` more services in its scope (~32 bytes each).
fn many_services(n: usize) -> String {
    let services: String = (0..n)
        .map(|i| format!("    service s{i} \"服务{i}\"\n"))
        .collect();
    acme_text().replace("  scope {\n", &format!("  scope {{\n{services}"))
}

#[test]
fn thousands_of_services_still_check() {
    let (_dir, file) = temp_file("services.sla", many_services(5_000));
    let out = run(&["check", path(&file)]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert_eq!(out.stdout, "1 file, 1 used library: 0 errors, 0 warnings\n");
}

#[cfg(unix)]
#[test]
fn symlink_cycle_checks_each_contract_once() {
    let dir = Scratch::new();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    dir.write("a.sla", acme_text());
    std::os::unix::fs::symlink("..", dir.path().join("sub/up")).unwrap();
    let out = run(&["check", path(dir.path())]);
    assert_eq!(out.stdout, "1 file, 1 used library: 0 errors, 0 warnings\n");
}

#[cfg(unix)]
#[test]
fn symlink_fan_out_terminates() {
    let dir = Scratch::new();
    dir.write("a.sla", acme_text());
    std::os::unix::fs::symlink(".", dir.path().join("x")).unwrap();
    std::os::unix::fs::symlink(".", dir.path().join("y")).unwrap();
    let mut cmd = Command::cargo_bin("slac").unwrap();
    let output = cmd
        .args(["check", path(dir.path())])
        .timeout(Duration::from_secs(20))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "killed after 20 s?");
}

/// The acme contract with one piece of text replaced, checked as JSON.
fn json_of_acme_with(from: &str, to: &str) -> (i32, Vec<Value>) {
    let text = acme_text();
    assert!(text.contains(from), "{from}");
    let (_dir, file) = temp_file("edited.sla", text.replacen(from, to, 1));
    json_of(&file)
}

#[test]
fn out_of_range_values_are_located_errors() {
    for (from, to, code) in [
        (
            "P1 within 15 minutes",
            "P1 within 99999999999999999999 minutes",
            "E032",
        ),
        (
            "business-day ends-at-close",
            "business-day 25 hours",
            "E032",
        ),
        ("on 1..5", "on 5..1", "E030"),
        ("99.9% monthly", "0% monthly", "E030"),
        ("for 95%", "for 100.0000000001%", "E030"),
        ("2026-01-01..2026-12-31", "2026-02-29..2026-13-01", "E020"),
        ("\"Asia/Shanghai\"", "\"../../etc/passwd\"", "E021"),
    ] {
        let (code_, diagnostics) = json_of_acme_with(from, to);
        assert_eq!(code_, 1, "{to}");
        assert!(codes(&diagnostics).contains(&code), "{to}: {diagnostics:?}");
    }
}

#[test]
fn too_large_duration_is_one_clear_error() {
    let (code, diagnostics) =
        json_of_acme_with("P1 within 15 minutes", "P1 within 4294967296 minutes");
    assert_eq!(code, 1);
    assert_eq!(codes(&diagnostics), ["E032"], "{diagnostics:?}");
    let message = diagnostics[0]["message"].as_str().unwrap();
    assert!(!message.contains("whole number"), "{message}");
}

#[test]
fn invalid_weekly_hours_do_not_cascade() {
    let (code, diagnostics) =
        json_of_acme_with("mon-fri  09:00-12:00, 13:00-18:00", "mon-fri  24:00-24:00");
    assert_eq!(code, 1);
    assert_eq!(codes(&diagnostics), ["E020"], "{diagnostics:?}");
}

// ---------------------------------------------------------------- the other commands

const TEMPLATE_ZH: &str = "contracts/templates/customer-service.zh-CN.sla";

#[test]
fn render_writes_the_appendix_in_either_language_and_format() {
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("acme.html");
    let out = run(&[
        "render",
        ACME,
        "--to",
        "html",
        "--lang",
        "en",
        "-o",
        path(&html),
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let page = std::fs::read_to_string(&html).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("<html lang=\"en\">"));
    assert!(
        page.contains("艾克姆科技有限公司"),
        "contract text stays as written"
    );
    let markdown = run(&["render", ACME]);
    assert_eq!(markdown.code, 0);
    assert!(markdown.stdout.starts_with("# 客户服务SLA"));
    assert!(
        markdown.stdout.contains("sha256:"),
        "the footer carries the fingerprint"
    );
}

#[test]
fn render_and_build_refuse_placeholders_unless_draft_and_keep_the_old_output() {
    let dir = tempfile::tempdir().unwrap();
    let out_file = dir.path().join("appendix.md");
    std::fs::write(&out_file, "previous good output").unwrap();
    let refused = run(&["render", TEMPLATE_ZH, "-o", path(&out_file)]);
    assert_eq!(refused.code, 1);
    assert!(refused.stderr.contains("W001"), "{}", refused.stderr);
    assert!(refused.stderr.contains("--draft"), "{}", refused.stderr);
    assert_eq!(
        std::fs::read_to_string(&out_file).unwrap(),
        "previous good output"
    );
    let draft = run(&["render", TEMPLATE_ZH, "--draft", "-o", path(&out_file)]);
    assert_eq!(draft.code, 0, "{}", draft.stderr);
    assert!(
        std::fs::read_to_string(&out_file)
            .unwrap()
            .contains("**\\[客户公司名称\\]**"),
        "placeholders are highlighted"
    );
    let built = run(&["build", TEMPLATE_ZH, "--draft"]);
    assert_eq!(built.code, 0);
    let rules: Value = serde_json::from_str(&built.stdout).unwrap();
    assert_eq!(rules["draft"], Value::Bool(true));
}

#[test]
fn due_prints_rfc3339_json_and_refuses_bad_input() {
    let out = run(&[
        "due",
        ACME,
        "--priority",
        "P2",
        "--received",
        "2026-09-30T17:30:00+08:00",
        "--format",
        "json",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let due: Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(due["priority"], "P2");
    assert_eq!(
        due["response_due"], "2026-10-08T10:30:00+08:00",
        "Golden Week is skipped"
    );
    assert_eq!(due["resolution_due"], "2026-10-09T18:00:00+08:00");

    let paused = run(&[
        "due",
        ACME,
        "--priority",
        "P2",
        "--received",
        "2026-09-30T17:30:00+08:00",
        "--paused",
        "2026-10-08T09:00:00+08:00/2026-10-08T12:00:00+08:00",
        "--format",
        "json",
    ]);
    let paused: Value = serde_json::from_str(&paused.stdout).unwrap();
    assert_eq!(
        paused["response_due"], "2026-10-08T10:30:00+08:00",
        "responses never pause"
    );
    assert_ne!(paused["resolution_due"], due["resolution_due"]);

    let unknown = run(&[
        "due",
        ACME,
        "--priority",
        "P9",
        "--received",
        "2026-03-02T09:00:00+08:00",
    ]);
    assert_eq!(unknown.code, 1);
    assert!(unknown.stderr.contains("P9"), "{}", unknown.stderr);
    let bad_time = run(&["due", ACME, "--priority", "P1", "--received", "yesterday"]);
    assert_eq!(bad_time.code, 2);
    assert!(bad_time.stderr.contains("yesterday"), "{}", bad_time.stderr);
}

#[test]
fn init_writes_a_template_that_checks_with_placeholder_warnings_only() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("new.sla");
    let out = run(&["init", path(&file), "--lang", "en"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let check = run(&["check", "--format", "json", path(&file)]);
    assert_eq!(check.code, 0);
    let diagnostics: Value = serde_json::from_str(&check.stdout).unwrap();
    let codes: Vec<&str> = diagnostics
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert!(
        !codes.is_empty() && codes.iter().all(|c| *c == "W001"),
        "{codes:?}"
    );
    let again = run(&["init", path(&file)]);
    assert_eq!(again.code, 2, "an existing file is never overwritten");
}

/// `slac init` then `slac check --format concise`, in both languages: one
/// `file:line:col: CODE message` line per placeholder, then the summary
/// counted by code — the lines of the golden file made from the shipped
/// template (`tests/formats/templates/`, see tests/golden.rs).
#[test]
fn init_template_checks_concisely_with_a_summary_by_code() {
    for lang in ["zh-CN", "en"] {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("new.sla");
        assert_eq!(run(&["init", path(&file), "--lang", lang]).code, 0);
        let out = run(&["check", "--format", "concise", path(&file)]);
        assert_eq!(out.code, 0, "{}", out.stdout);
        let template = format!("contracts/templates/customer-service.{lang}.sla");
        let golden = root().join(format!(
            "tests/formats/templates/customer-service.{lang}.concise"
        ));
        let expected = std::fs::read_to_string(&golden).unwrap();
        assert_eq!(out.stdout, expected.replace(&template, path(&file)));
        let summary = out.stdout.lines().last().unwrap();
        let w001 = out.stdout.lines().filter(|l| l.contains(": W001 ")).count();
        assert_eq!(
            summary,
            format!("1 file: 0 errors, {w001} warnings ({w001} W001)")
        );
    }
}

#[test]
fn fmt_rewrites_layout_keeps_comments_and_refuses_broken_files() {
    let messy = acme_text()
        .replace(
            "  id        \"ACME-CS-2026\"",
            "        id \"ACME-CS-2026\"   // the number",
        )
        .replace("P1 within 15 minutes", "P1 within 15 min");
    let (_dir, file) = temp_file("messy.sla", &messy);
    let check = run(&["fmt", "--check", path(&file)]);
    assert_eq!(check.code, 1);
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        messy,
        "--check changes nothing"
    );
    let out = run(&["fmt", path(&file)]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let formatted = std::fs::read_to_string(&file).unwrap();
    assert!(formatted.contains("  id        \"ACME-CS-2026\"  // the number"));
    assert!(formatted.contains("P1 within 15 minutes"));
    assert_eq!(run(&["fmt", "--check", path(&file)]).code, 0);

    let broken = "contract \"x\" {\n  bogus line\n}\n";
    let (_dir2, bad) = temp_file("broken.sla", broken);
    let refused = run(&["fmt", path(&bad)]);
    assert_eq!(refused.code, 1);
    assert!(refused.stderr.contains("E002"), "{}", refused.stderr);
    assert_eq!(std::fs::read_to_string(&bad).unwrap(), broken);
}

// ---------------------------------------------------------------- outputs

const TICKETS: &str = "tests/eval/acme-march.csv";
const AS_OF: &str = "2026-04-01T00:00:00+08:00";

/// A folder holding a copy of the acme contract (`x.sla`) and of the
/// ticket log (`t.csv`): `contracts/` of a scratch project.
fn workspace() -> Scratch {
    let dir = Scratch::new();
    dir.write("x.sla", acme_text());
    std::fs::copy(root().join(TICKETS), dir.path().join("t.csv")).unwrap();
    dir
}

/// Each command that reads files and writes `-o`, with `{out}` for the
/// output and the name of the input it would overwrite.
const WRITERS: [(&[&str], &str); 4] = [
    (&["build", "x.sla", "-o", "{out}"], "x.sla"),
    (&["render", "x.sla", "-o", "{out}"], "x.sla"),
    (
        &["eval", "x.sla", "t.csv", "--as-of", AS_OF, "-o", "{out}"],
        "t.csv",
    ),
    (
        &["eval", "x.sla", "t.csv", "--as-of", AS_OF, "-o", "{out}"],
        "x.sla",
    ),
];

fn with_output<'a>(args: &[&'a str], out: &'a str) -> Vec<&'a str> {
    args.iter()
        .map(|a| if *a == "{out}" { out } else { a })
        .collect()
}

#[test]
fn an_output_that_is_an_input_is_refused_whatever_its_spelling() {
    for (args, input) in WRITERS {
        let dir = workspace();
        let d = dir.path();
        let original = std::fs::read(d.join(input)).unwrap();
        let absolute = d.join(input);
        std::fs::create_dir(d.join("sub")).unwrap();
        let mut spellings = vec![
            input.to_string(),
            format!("./{input}"),
            format!("sub/../{input}"),
            path(&absolute).to_string(),
        ];
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(&absolute, d.join("link")).unwrap();
            std::fs::hard_link(&absolute, d.join("hard")).unwrap();
            spellings.push("link".into());
            spellings.push("hard".into());
        }
        for out in &spellings {
            let args = with_output(args, out);
            let ran = run_in(d, &args, &[]);
            assert_eq!(ran.code, 2, "slac {args:?}: {}", ran.stderr);
            assert!(
                ran.stderr.contains("is the input") && ran.stderr.contains("nothing was written"),
                "slac {args:?}: {}",
                ran.stderr
            );
            assert_eq!(ran.stdout, "", "slac {args:?}");
            assert_eq!(
                std::fs::read(d.join(input)).unwrap(),
                original,
                "slac {args:?} changed {input}"
            );
        }
        #[cfg(unix)]
        assert!(std::fs::symlink_metadata(d.join("link"))
            .unwrap()
            .file_type()
            .is_symlink());
        // Another file is written as usual.
        let args = with_output(args, "other.out");
        let ran = run_in(d, &args, &[]);
        assert_eq!(ran.code, 0, "slac {args:?}: {}", ran.stderr);
        assert!(d.join("other.out").exists());
    }
}

#[test]
fn a_copy_of_an_input_is_not_the_input() {
    let dir = workspace();
    let d = dir.path();
    std::fs::copy(d.join("x.sla"), d.join("copy.sla")).unwrap();
    let ran = run_in(d, &["build", "x.sla", "-o", "copy.sla"], &[]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    let rules: Value =
        serde_json::from_str(&std::fs::read_to_string(d.join("copy.sla")).unwrap()).unwrap();
    assert_eq!(rules["schema"], "slac.rules/v1");
}

/// The first bytes of what `slac ARGS… -o NAME` wrote in a fresh folder.
fn written(args: &[&str], name: &str) -> (Run, String) {
    let dir = workspace();
    let mut all = args.to_vec();
    all.extend(["-o", name]);
    let ran = run_in(dir.path(), &all, &[]);
    let text = std::fs::read_to_string(dir.path().join(name)).unwrap_or_default();
    (ran, text)
}

#[test]
fn the_output_extension_picks_the_format_without_a_flag() {
    let eval: &[&str] = &["eval", "x.sla", "t.csv", "--as-of", AS_OF];
    let cases: [(&[&str], &str, &str); 13] = [
        (&["render", "x.sla"], "a.html", "<!DOCTYPE html>"),
        (&["render", "x.sla"], "a.HTM", "<!DOCTYPE html>"),
        (&["render", "x.sla"], "a.md", "# 客户服务SLA"),
        (&["render", "x.sla"], "a.markdown", "# 客户服务SLA"),
        (&["render", "x.sla"], "a.txt", "# 客户服务SLA"),
        (&["build", "x.sla"], "r.yaml", "schema: "),
        (&["build", "x.sla"], "r.yml", "schema: "),
        (&["build", "x.sla"], "r.json", "{"),
        (&["build", "x.sla"], "r.rules", "{"),
        (eval, "r.json", "{"),
        (eval, "r.md", "# "),
        (eval, "r.html", "<!DOCTYPE html>"),
        (eval, "r.txt", "客户服务SLA（ACME-CS-2026）"),
    ];
    for (args, name, starts) in cases {
        let (ran, text) = written(args, name);
        assert_eq!(ran.code, 0, "slac {args:?} -o {name}: {}", ran.stderr);
        assert!(
            text.starts_with(starts),
            "slac {args:?} -o {name} wrote:\n{}",
            &text[..text.len().min(200)]
        );
    }
    let (_, unknown) = written(eval, "r.report");
    assert!(
        unknown.starts_with("客户服务SLA（ACME-CS-2026）"),
        "{unknown}"
    );
}

#[test]
fn a_format_flag_contradicting_the_extension_is_refused() {
    let eval: &[&str] = &["eval", "x.sla", "t.csv", "--as-of", AS_OF];
    let cases: [(Vec<&str>, &str, &str); 5] = [
        (
            vec!["render", "x.sla", "--to", "markdown"],
            "a.html",
            "`--to markdown`",
        ),
        (
            vec!["render", "x.sla", "--to", "html"],
            "a.md",
            "`--to html`",
        ),
        (
            vec!["build", "x.sla", "--format", "json"],
            "r.yaml",
            "`--format json`",
        ),
        (
            [eval, &["--format", "text"]].concat(),
            "r.json",
            "`--format text`",
        ),
        (
            [eval, &["--format", "html"]].concat(),
            "r.md",
            "`--format html`",
        ),
    ];
    for (args, name, flag) in cases {
        let (ran, text) = written(&args, name);
        assert_eq!(ran.code, 2, "slac {args:?} -o {name}: {}", ran.stderr);
        assert!(
            ran.stderr.contains(flag) && ran.stderr.contains(name),
            "{}",
            ran.stderr
        );
        assert_eq!(text, "", "slac {args:?} -o {name} wrote something");
    }
    // Agreeing, or an extension that names no format: the flag is obeyed.
    let (ran, text) = written(&["render", "x.sla", "--to", "html"], "a.htm");
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert!(text.starts_with("<!DOCTYPE html>"));
    let (ran, text) = written(&["build", "x.sla", "--format", "yaml"], "r.txt");
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert!(text.starts_with("schema: "), "{text}");
}

/// A contract that does not check: the run fails before writing.
const BROKEN: &str = "contract \"x\" {\n  bogus line\n}\n";

#[test]
fn a_failed_run_leaves_the_last_good_output_whole() {
    let dir = workspace();
    let d = dir.path();
    std::fs::write(d.join("broken.sla"), BROKEN).unwrap();
    std::fs::write(d.join("bad.csv"), [0xff, 0xfe, 0x00]).unwrap();
    let cases: [(&[&str], i32); 5] = [
        (&["build", "broken.sla", "-o", "out"], 1),
        (&["render", "broken.sla", "-o", "out"], 1),
        (
            &["eval", "broken.sla", "t.csv", "--as-of", AS_OF, "-o", "out"],
            1,
        ),
        (
            &[
                "eval",
                "x.sla",
                "missing.csv",
                "--as-of",
                AS_OF,
                "-o",
                "out",
            ],
            2,
        ),
        (
            &["eval", "x.sla", "t.csv", "--as-of", "never", "-o", "out"],
            2,
        ),
    ];
    for (args, code) in cases {
        std::fs::write(d.join("out"), "last good output").unwrap();
        let ran = run_in(d, args, &[]);
        assert_eq!(ran.code, code, "slac {args:?}: {}", ran.stderr);
        assert_eq!(
            std::fs::read_to_string(d.join("out")).unwrap(),
            "last good output",
            "slac {args:?}"
        );
        let mut left: Vec<String> = std::fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp"))
            .collect();
        left.sort();
        assert!(left.is_empty(), "slac {args:?} left {left:?}");
    }
    // `fmt` leaves a file it cannot format as it was.
    let ran = run_in(d, &["fmt", "broken.sla"], &[]);
    assert_eq!(ran.code, 1);
    assert_eq!(
        std::fs::read_to_string(d.join("broken.sla")).unwrap(),
        BROKEN
    );
}

#[test]
fn an_output_that_cannot_be_replaced_is_an_error_and_leaves_no_temporary() {
    let dir = workspace();
    let d = dir.path();
    // A folder in the way: the temporary file is written, the rename fails.
    std::fs::create_dir(d.join("out.json")).unwrap();
    std::fs::write(d.join("out.json/keep"), "kept").unwrap();
    let before: Vec<_> = std::fs::read_dir(d)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    for args in [
        &["build", "x.sla", "-o", "out.json"][..],
        &["render", "x.sla", "-o", "out.json"][..],
        &["eval", "x.sla", "t.csv", "--as-of", AS_OF, "-o", "out.json"][..],
    ] {
        let ran = run_in(d, args, &[]);
        assert_eq!(ran.code, 2, "slac {args:?}: {}", ran.stderr);
        assert!(
            ran.stderr.contains("cannot write `out.json`"),
            "{}",
            ran.stderr
        );
        assert_eq!(
            std::fs::read_to_string(d.join("out.json/keep")).unwrap(),
            "kept"
        );
        let after: Vec<_> = std::fs::read_dir(d)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(after.len(), before.len(), "slac {args:?} left {after:?}");
    }
}

#[cfg(unix)]
#[test]
fn writing_through_a_symbolic_link_replaces_its_file_and_keeps_the_link() {
    let dir = workspace();
    let d = dir.path();
    let messy = acme_text().replace("P1 within 15 minutes", "P1 within 15 min");
    std::fs::write(d.join("real.sla"), &messy).unwrap();
    std::os::unix::fs::symlink("real.sla", d.join("link.sla")).unwrap();
    let ran = run_in(d, &["fmt", "link.sla"], &[]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert!(std::fs::symlink_metadata(d.join("link.sla"))
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(std::fs::read_to_string(d.join("real.sla"))
        .unwrap()
        .contains("P1 within 15 minutes"));

    std::fs::write(d.join("rules.json"), "old").unwrap();
    std::os::unix::fs::symlink("rules.json", d.join("current.json")).unwrap();
    let ran = run_in(d, &["build", "x.sla", "-o", "current.json"], &[]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert!(std::fs::symlink_metadata(d.join("current.json"))
        .unwrap()
        .file_type()
        .is_symlink());
    assert!(std::fs::read_to_string(d.join("rules.json"))
        .unwrap()
        .starts_with('{'));

    std::os::unix::fs::symlink("nowhere/none.json", d.join("dangling.json")).unwrap();
    let ran = run_in(d, &["build", "x.sla", "-o", "dangling.json"], &[]);
    assert_eq!(ran.code, 2, "{}", ran.stderr);
    assert!(ran.stderr.contains("symbolic link"), "{}", ran.stderr);
}

#[cfg(unix)]
#[test]
fn fmt_keeps_the_file_mode() {
    use std::os::unix::fs::PermissionsExt;
    let messy = acme_text().replace("P1 within 15 minutes", "P1 within 15 min");
    let (_dir, file) = temp_file("messy.sla", &messy);
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
    let ran = run(&["fmt", path(&file)]);
    assert_eq!(ran.code, 0, "{}", ran.stderr);
    assert!(std::fs::read_to_string(&file)
        .unwrap()
        .contains("15 minutes"));
    let mode = std::fs::metadata(&file).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}

// ---------------------------------------------------------------- due

/// `slac due CONTRACT --priority P --received T --format F`.
fn due_of(contract: &str, priority: &str, received: &str, format: &str) -> Run {
    run(&[
        "due",
        contract,
        "--priority",
        priority,
        "--received",
        received,
        "--format",
        format,
    ])
}

#[test]
fn due_text_shows_offsets_in_a_dst_zone_and_not_in_a_fixed_one() {
    // Globex's 24x7 critical desk, in the London autumn fold: 01:45 BST
    // plus 30 minutes is 01:15 GMT.
    let out = run(&[
        "due",
        "contracts/globex-helpdesk.sla",
        "--priority",
        "critical",
        "--received",
        "2027-10-31T01:45:00+01:00",
    ]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(
        out.stderr, "",
        "the due times are in 2027, whose holidays are listed"
    );
    let lines: Vec<&str> = out.stdout.lines().collect();
    assert!(
        lines[0].starts_with("received       2027-10-31 01:45 +01:00 (Sun) Europe/London"),
        "{}",
        out.stdout
    );
    assert!(
        lines[1].starts_with("response due   2027-10-31 01:15 +00:00 (Sun) Europe/London"),
        "{}",
        out.stdout
    );
    let shanghai = run(&[
        "due",
        ACME,
        "--priority",
        "P2",
        "--received",
        "2026-09-30T17:30:00+08:00",
    ]);
    assert!(
        shanghai
            .stdout
            .starts_with("received       2026-09-30 17:30 (Wed) Asia/Shanghai"),
        "{}",
        shanghai.stdout
    );
}

#[test]
fn due_warns_of_a_receipt_outside_the_effective_period() {
    let due = |received, format| due_of(ACME, "P2", received, format);
    let before = due("2025-12-31T10:00:00+08:00", "text");
    assert_eq!(before.code, 0, "{}", before.stderr);
    assert_eq!(
        before.stderr,
        "warning: received on 2025-12-31, before the contract takes effect on 2026-01-01\n"
    );
    assert!(before.stdout.starts_with("received       2025-12-31 10:00"));
    let after = due("2027-01-04T10:00:00+08:00", "json");
    assert_eq!(after.code, 0, "{}", after.stderr);
    assert!(after
        .stderr
        .contains("after the contract's effective period ended on 2026-12-31"));
    let v: Value = serde_json::from_str(&after.stdout).unwrap();
    assert_eq!(v["warnings"][0]["kind"], "after-effective");
    let inside = due("2026-06-01T10:00:00+08:00", "json");
    assert_eq!(inside.stderr, "");
    let v: Value = serde_json::from_str(&inside.stdout).unwrap();
    assert_eq!(v["warnings"], Value::Array(vec![]));
}

#[test]
fn due_warns_w010_only_for_due_times_past_the_listed_holidays() {
    const RUN_OUT: &str = "tests/fixtures/holidays-run-out.sla";
    // Globex as it was before it used holidays/uk-england.sla: no end
    // date, holidays of 2027 only: `slac check` has no year to
    // warn about (no W010), `slac due` warns per request.
    let check = run(&["check", RUN_OUT]);
    assert!(!check.stdout.contains("W010"), "{}", check.stdout);
    let due = |received, format| due_of(RUN_OUT, "high", received, format);
    // In 2027 the holidays are listed: `due` is right, and says nothing.
    let listed = due("2027-06-01T10:00:00+01:00", "text");
    assert_eq!(listed.code, 0, "{}", listed.stderr);
    assert_eq!(listed.stderr, "");
    let late = due("2028-06-01T10:00:00+01:00", "text");
    assert_eq!(late.code, 0, "{}", late.stderr);
    assert!(
        late.stderr.starts_with(
            "warning[W010]: received in 2028, but calendar `office` lists holidays up to 2027 only"
        ),
        "{}",
        late.stderr
    );
    assert_eq!(late.stderr.lines().count(), 1, "{}", late.stderr);
    let json = due("2028-06-01T10:00:00+01:00", "json");
    let v: Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(v["warnings"][0]["code"], "W010");
    assert_eq!(v["warnings"][0]["kind"], "holidays-run-out");
}
