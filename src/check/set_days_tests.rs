//! The calendar checks that read a calendar's sets' days (W003, W004,
//! W006, W010, E050): each sees them through the one expansion,
//! `HolidaySet::days_in`, as the clock does.

use crate::diagnostic::Code;
use crate::source::SourceFile;

/// A contract with `effective` whose middle (sets, calendars, channels) is
/// `middle`; its clock is calendar `business`.
fn contract(effective: &str, middle: &str) -> String {
    format!(
        r#"contract "SLA" {{
  {effective}
  timezone "Asia/Shanghai"
  clock business
  party client "A" {{ short "a" }}
  party provider "B" {{ short "b" }}
  scope {{ service s "S" }}
{middle}
  priority P1 "Urgent" {{ "outage" }}
  response {{ P1 within 30 minutes }}
  resolution {{ P1 within 4 hours }}
}}
"#
    )
}

/// The messages of `code` in the check of `text`.
fn messages(code: Code, text: &str) -> Vec<String> {
    let checked = crate::check(SourceFile::new("sets.sla", text));
    checked
        .diagnostics
        .iter()
        .filter(|d| d.code == code)
        .map(|d| d.message.clone())
        .collect()
}

/// The messages of `code` for a contract with `effective`, a set `cn` with
/// `set` lines, and a calendar `business` (mon–fri 09:00–18:00, using
/// `cn`) with `own` lines besides.
fn found(code: Code, effective: &str, set: &str, own: &str) -> Vec<String> {
    let middle = format!(
        r#"  holidays cn "CN" {{
    {set}
  }}
  calendar business "B" {{
    mon-fri 09:00-18:00
    holidays cn
    {own}
  }}
  channel hotline "H" {{ hours business }}"#
    );
    messages(code, &contract(effective, &middle))
}

const Y2026: &str = "effective 2026-01-01..2026-12-31";
const NONE: [&str; 0] = [];

/// 2026-02-14 is a Saturday the set makes a working day: the calendar's
/// own `closed` wins by precedence and does change that day.
#[test]
fn own_closed_over_a_sets_make_up_day_is_not_redundant() {
    let set = "closed 2026-02-15..2026-02-23\n    open 2026-02-14";
    assert_eq!(found(Code::W006, Y2026, set, "closed 2026-02-14"), NONE);
}

#[test]
fn own_closed_on_a_day_the_set_closes_is_redundant() {
    let set = "closed 2026-02-15..2026-02-23";
    assert_eq!(
        found(Code::W006, Y2026, set, "closed 2026-02-16..2026-02-17"),
        ["`closed` changes nothing: holiday set `cn` already closes these days"]
    );
    let yearly = "closed yearly 10-01";
    assert_eq!(
        found(Code::W006, Y2026, yearly, "closed 2026-10-01"),
        ["`closed` changes nothing: holiday set `cn` already closes these days"]
    );
}

/// 2026-10-01 is a Thursday the set closes: the calendar's own `open` with
/// its usual hours reopens it.
#[test]
fn own_open_on_a_day_the_set_closes_is_not_redundant() {
    let set = "closed yearly 10-01";
    assert_eq!(
        found(Code::W006, Y2026, set, "open 2026-10-01 09:00-18:00"),
        NONE
    );
}

#[test]
fn a_set_with_no_day_in_the_effective_period_is_warned() {
    let set = "closed 2025-10-01..2025-10-07";
    assert_eq!(
        found(Code::W003, Y2026, set, ""),
        ["holiday set `cn` has no day in the effective period 2026-01-01..2026-12-31"]
    );
    // Days in and out of the period: a set spans years, no warning.
    let both = "closed 2025-12-31..2026-01-01";
    assert_eq!(found(Code::W003, Y2026, both, ""), NONE);
    // A yearly rule has a day in every year it is not limited out of.
    assert_eq!(found(Code::W003, Y2026, "closed yearly 10-01", ""), NONE);
    assert_eq!(
        found(Code::W003, Y2026, "closed yearly 10-01 until 2025", ""),
        ["holiday set `cn` has no day in the effective period 2026-01-01..2026-12-31"]
    );
}

/// W010 points at the line that lists the last year: the calendar's own,
/// else the set's name in its `holidays` line.
#[test]
fn holidays_running_out_point_at_the_set_that_lists_the_last_year() {
    let middle = r#"  holidays cn "CN" {
    closed 2026-10-01
  }
  calendar business "B" {
    mon-fri 09:00-18:00
    holidays cn
    closed 2025-12-31
  }
  channel hotline "H" { hours business }"#;
    let text = contract("effective 2026-01-01..2027-12-31", middle);
    let checked = crate::check(SourceFile::new("sets.sla", text.as_str()));
    let related: Vec<(&str, &str)> = checked
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::W010)
        .flat_map(|d| &d.related)
        .filter_map(|r| {
            Some((
                text.get(r.span.start as usize..r.span.end as usize)?,
                r.label.as_str(),
            ))
        })
        .collect();
    assert_eq!(
        related,
        [
            ("cn", "the last holiday listed"),
            ("2027-12-31", "ends here")
        ]
    );
}

#[test]
fn holidays_run_out_by_the_sets_days_too() {
    let period = "effective 2026-01-01..2027-12-31";
    assert_eq!(
        found(Code::W010, period, "closed 2026-10-01", ""),
        ["calendar `business` lists holidays up to 2026 only, but the contract runs until 2027-12-31"]
    );
    // The set lists 2027: no warning, though the calendar's own lines stop in 2026.
    assert_eq!(
        found(Code::W010, period, "closed 2027-10-01", "closed 2026-12-31"),
        NONE
    );
    // A yearly rule never runs out, unless it has an end.
    assert_eq!(
        found(
            Code::W010,
            period,
            "closed yearly 10-01",
            "closed 2026-12-31"
        ),
        NONE
    );
    assert_eq!(
        found(Code::W010, period, "closed yearly 10-01 until 2026", ""),
        ["calendar `business` lists holidays up to 2026 only, but the contract runs until 2027-12-31"]
    );
}

/// The clock `business` uses the set, whose make-up Saturday 2026-02-14
/// the hotline's calendar `desk` (the same week, no set) is closed on.
#[test]
fn a_clock_running_on_a_sets_make_up_day_no_channel_is_open_on_is_warned() {
    let middle = r#"  holidays cn "CN" {
    open 2026-02-14
  }
  calendar business "B" {
    mon-fri 09:00-18:00
    holidays cn
  }
  calendar desk "D" {
    mon-fri 09:00-18:00
  }
  channel hotline "H" { hours desk }"#;
    assert_eq!(
        messages(Code::W004, &contract(Y2026, middle)),
        ["the clock of `P1` (`business`) runs on 2026-02-14 09:00 while no channel is open"]
    );
}

/// A yearly day of one set that another set opens is E050, whether or not
/// the effective period has an end (the dates compared include the
/// opening set's dates, and the yearly rule is expanded over them).
#[test]
fn a_yearly_day_another_set_opens_is_e050() {
    let middle = r#"  holidays national "N" {
    closed yearly 10-01
  }
  holidays company "C" {
    open 2028-10-01 as mon
  }
  calendar business "B" {
    mon-fri 09:00-18:00
    holidays national, company
  }
  channel hotline "H" { hours business }"#;
    for effective in ["effective 2026-01-01", Y2026, ""] {
        assert_eq!(
            messages(Code::E050, &contract(effective, middle)),
            ["holiday set `company` opens 2028-10-01, which set `national` closes, in calendar `business`"],
            "{effective}"
        );
    }
}
