//! Checks across `use`d libraries end to end: a contract's calendars see
//! the sets of the libraries it uses (directly and through a library's own
//! `use`), a mistake inside a library is reported in that file in every
//! format, and the clock counts a library's days.

use super::support::cli::{run_in, Run};
use std::path::Path;
use tempfile::TempDir;

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// A contract of 2026 whose calendar `business` (mon–fri 09:00–18:00) uses
/// the sets `sets`; P1 is answered within 18 business hours.
fn contract(uses: &[&str], sets: &str) -> String {
    let uses: String = uses.iter().map(|u| format!("use \"{u}\"\n")).collect();
    format!(
        r#"{uses}
contract "SLA" {{
  effective 2026-01-01..2026-12-31
  timezone "Asia/Shanghai"
  clock business
  party client "A" {{ short "a" }}
  party provider "B" {{ short "b" }}
  scope {{ service s "S" }}
  calendar business "B" {{
    mon-fri 09:00-18:00
    holidays {sets}
  }}
  channel hotline "H" {{ hours business }}
  priority P1 "Urgent" {{ "outage" }}
  response {{ P1 within 18 hours }}
  resolution {{ P1 within 3 business days }}
}}
"#
    )
}

/// A repository with `holidays/` (the shipped `cn-2026.sla`, and
/// `company.sla`, whose second yearly day is no day of any year: E052) and
/// the contract `contracts/a.sla`.
fn project(contract_text: &str) -> TempDir {
    let top = tempfile::tempdir().unwrap();
    let p = top.path();
    write(&p.join(".git/HEAD"), "ref: refs/heads/main\n");
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("holidays/cn-2026.sla");
    write(
        &p.join("holidays/cn-2026.sla"),
        &std::fs::read_to_string(shipped).unwrap(),
    );
    write(
        &p.join("holidays/company.sla"),
        "holidays company \"Company\" {\n  closed yearly 12-25 \"Christmas Day\"\n  closed yearly 02-30 \"Founders' Day\"\n}\n",
    );
    write(&p.join("contracts/a.sla"), contract_text);
    top
}

fn check(p: &Path, format: &str) -> Run {
    run_in(
        p,
        &[
            "check",
            "--color",
            "never",
            "--format",
            format,
            "contracts/a.sla",
        ],
        &[],
    )
}

#[test]
fn a_mistake_inside_a_used_library_is_reported_in_its_file_in_every_format() {
    let top = project(&contract(&["../holidays/company.sla"], "company"));
    let p = top.path();
    let human = check(p, "human");
    assert_eq!(human.code, 1, "{}{}", human.stdout, human.stderr);
    assert!(
        human.stdout.contains("E052") && human.stdout.contains("[holidays/company.sla:3:17]"),
        "{}",
        human.stdout
    );
    let json: serde_json::Value = serde_json::from_str(&check(p, "json").stdout).unwrap();
    let found: Vec<(&str, &str, u64)> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap(),
                d["file"].as_str().unwrap(),
                d["line"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(found, [("E052", "holidays/company.sla", 3)]);
    let github = check(p, "github");
    assert!(
        github
            .stdout
            .contains("::error file=holidays/company.sla,line=3,col=17"),
        "{}",
        github.stdout
    );
    let sarif: serde_json::Value = serde_json::from_str(&check(p, "sarif").stdout).unwrap();
    let result = &sarif["runs"][0]["results"][0];
    assert_eq!(result["ruleId"], "E052");
    let location = &result["locations"][0]["physicalLocation"];
    assert_eq!(location["artifactLocation"]["uri"], "holidays/company.sla");
    assert_eq!(location["region"]["startLine"], 3);
}

#[test]
fn a_library_is_checked_once_whether_used_or_named() {
    let top = project(&contract(&["../holidays/company.sla"], "company"));
    let run = run_in(
        top.path(),
        &[
            "check",
            "--format",
            "concise",
            "contracts/a.sla",
            "holidays/company.sla",
        ],
        &[],
    );
    assert_eq!(
        run.stdout,
        "holidays/company.sla:3:17: E052 `02-30` is no day of any year: feb has 29 days at most\n\
         2 files: 1 error, 0 warnings\n"
    );
}

#[test]
fn sets_are_seen_through_a_librarys_own_use() {
    let top = project(&contract(&["../holidays/all.sla"], "cn-2026"));
    write(
        &top.path().join("holidays/all.sla"),
        "// every set we use\nuse \"cn-2026.sla\"\n",
    );
    let run = check(top.path(), "concise");
    assert_eq!(run.code, 0, "{}", run.stdout);
}

/// The clock counts a used library's days as the calendar's own: a P1
/// received on the make-up Saturday before the Spring Festival has 9 of its
/// 18 hours that day, and the rest after the nine closed days.
#[test]
fn due_counts_the_days_of_a_used_library_across_the_spring_festival() {
    let top = project(&contract(&["../holidays/cn-2026.sla"], "cn-2026"));
    let run = run_in(
        top.path(),
        &[
            "due",
            "--format",
            "json",
            "--priority",
            "P1",
            "--received",
            "2026-02-14T09:00:00+08:00",
            "contracts/a.sla",
        ],
        &[],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let due: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(due["response_due"], "2026-02-24T18:00:00+08:00", "{due}");
}
