//! Yearly holiday rules in the rule set (design §10): each `closed yearly
//! RULE "note"` of a set as written (`text`) and as typed fields, so that a
//! reader can expand it past `expanded_through` without parsing our syntax,
//! and the date through which a calendar's `closed` list already holds the
//! yearly days. Mirrors `$defs/yearly_rule` of `schema/slac.rules.v1.json`.

use super::lower::opt_text;
use super::shape::{DateText, Slot};
use crate::model::yearly::{Adjustment, Nth, YearlyBase};
use crate::model::{Calendar, YearlyDay, WEEKDAYS};
use chrono::NaiveDate;
use serde::Serialize;

/// `closed yearly RULE "note"` of a set.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct YearlyOut {
    /// The rule as written, normalized (`4th thu nov +1 day`).
    pub text: String,
    pub base: YearlyBaseOut,
    /// `+N days` / `-N days`; absent when not written.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub offset_days: Option<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub adjust: Option<AdjustOut>,
    /// `from YYYY`: the first rule year.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<i32>,
    /// `until YYYY`: the last rule year.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub until: Option<i32>,
    /// `except YYYY, …`, as written; empty when none.
    pub except: Vec<i32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Slot<String>>,
}

/// The date a rule starts from in its year.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum YearlyBaseOut {
    /// `MM-DD`.
    MonthDay { month: u32, day: u32 },
    /// `4th thu nov`: `nth` is `1st`…`5th` or `last`.
    NthWeekday {
        nth: &'static str,
        weekday: &'static str,
        month: u32,
    },
    /// Western Easter Sunday.
    Easter,
}

/// What a day on a weekend becomes.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AdjustOut {
    /// Saturday → the Friday before, Sunday → the Monday after.
    Observed,
    /// Saturday or Sunday → the next weekday the set does not close.
    Substitute,
}

pub(super) fn yearly_rule(day: &YearlyDay) -> YearlyOut {
    let rule = &day.rule;
    YearlyOut {
        text: rule.to_string(),
        base: base(rule.base),
        offset_days: rule.offset_days,
        adjust: rule.adjust.map(|adjust| match adjust {
            Adjustment::Observed => AdjustOut::Observed,
            Adjustment::Substitute => AdjustOut::Substitute,
        }),
        from: rule.from,
        until: rule.until,
        except: rule.except.clone(),
        note: opt_text(&day.note),
    }
}

fn base(base: YearlyBase) -> YearlyBaseOut {
    match base {
        YearlyBase::MonthDay { month, day } => YearlyBaseOut::MonthDay { month, day },
        YearlyBase::Nth {
            nth,
            weekday,
            month,
        } => YearlyBaseOut::NthWeekday {
            nth: Nth::word(nth),
            weekday: WEEKDAYS
                .get(weekday.num_days_from_monday() as usize)
                .copied()
                .unwrap_or("mon"),
            month,
        },
        YearlyBase::Easter => YearlyBaseOut::Easter,
    }
}

/// The last date whose yearly days a calendar's resolved `closed` list
/// holds: the end of the dates it resolves ([`Calendar::listed_range`]).
/// Absent when none of its sets has a yearly rule.
pub(super) fn expanded_through(
    calendar: &Calendar,
    period: Option<(NaiveDate, NaiveDate)>,
) -> Option<DateText> {
    let has_rules = calendar.holidays.iter().any(|set| !set.yearly.is_empty());
    let (_, through) = calendar.listed_range(period).filter(|_| has_rules)?;
    Some(super::lower::date(&through))
}

#[cfg(test)]
mod tests {
    use crate::source::SourceFile;
    use serde_json::{json, Value};

    const FIXTURE: &str = include_str!("../../tests/fixtures/holiday-sets.sla");

    fn rules_of(text: &str) -> Value {
        let checked = crate::front::check(SourceFile::new("y.sla", text));
        let model = checked
            .model
            .unwrap_or_else(|| panic!("{:?}", checked.diagnostics));
        crate::rules::validated_json(&crate::rules::build(&model, false))
    }

    #[test]
    fn each_kind_of_rule_is_typed_beside_its_text() {
        let value = rules_of(FIXTURE);
        let yearly = &value["holidays"]["london-bank"]["yearly"];
        assert_eq!(
            yearly[0],
            json!({"text": "12-25 substitute", "base": {"kind": "month_day", "month": 12, "day": 25},
                   "adjust": "substitute", "except": [], "note": "Christmas Day"})
        );
        assert_eq!(
            yearly[2],
            json!({"text": "easter -2 days", "base": {"kind": "easter"}, "offset_days": -2,
                   "except": [], "note": "Good Friday"})
        );
        assert_eq!(
            yearly[3]["base"],
            json!({"kind": "nth_weekday", "nth": "last", "weekday": "mon", "month": 5})
        );
        assert_eq!(yearly[3]["except"], json!([2027]));
        assert_eq!(
            (&yearly[4]["from"], &yearly[4]["until"]),
            (&json!(2027), &json!(2028))
        );
        assert_eq!(yearly[5]["adjust"], "observed");
        // A set without yearly rules still has the (empty) list.
        assert_eq!(value["holidays"]["cn-spring"]["yearly"], json!([]));
    }

    /// A set from a used library (the shipped `holidays/us-federal.sla`):
    /// its rules in the `holidays` object, its observed days resolved —
    /// 1 January 2028, a Saturday, on Friday 31 December 2027 — and the
    /// file in `sources`.
    #[test]
    fn a_used_library_brings_its_rules_and_its_expanded_days() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let root = crate::load::Root::given(dir).unwrap_or_else(|e| panic!("{e}"));
        let text = FIXTURE
            .replacen(
                "contract \"Twin",
                "use \"../../holidays/us-federal.sla\"\n\ncontract \"Twin",
                1,
            )
            .replace("    holidays london-bank\n", "    holidays us-federal\n");
        let path = dir.join("tests/fixtures/uses-us-federal.sla");
        let checked =
            crate::front::check_path(&path, "uses-us-federal.sla", text.into_bytes(), &root);
        let model = checked
            .model
            .unwrap_or_else(|| panic!("{:?}", checked.diagnostics));
        let value = crate::rules::validated_json(&crate::rules::build(&model, false));
        let rules = value["holidays"]["us-federal"]["yearly"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        assert_eq!(rules.len(), 11);
        assert_eq!(
            rules[4],
            json!({"text": "06-19 observed from 2021", "base": {"kind": "month_day", "month": 6, "day": 19},
                   "adjust": "observed", "from": 2021, "except": [],
                   "note": "Juneteenth National Independence Day"})
        );
        let london = &value["calendars"]["london"];
        assert_eq!(london["expanded_through"], "2028-12-31");
        let closed = london["closed"].as_array().cloned().unwrap_or_default();
        assert!(
            closed.contains(
                &json!({"from": "2027-12-31", "to": "2027-12-31", "note": "New Year's Day"})
            ),
            "{closed:?}"
        );
        assert_eq!(closed.len(), 33, "eleven holidays in each of three years");
        assert_eq!(value["sources"][0]["path"], "holidays/us-federal.sla");
    }

    /// With no end date, three years from the start; with one, its end —
    /// or a later date the calendar's sets name. Only a calendar whose
    /// sets have yearly rules says it.
    #[test]
    fn expanded_through_is_the_end_of_the_resolved_dates() {
        let open_ended = rules_of(FIXTURE);
        assert_eq!(
            open_ended["calendars"]["london"]["expanded_through"],
            "2028-12-31"
        );
        assert!(open_ended["calendars"]["shanghai"]
            .get("expanded_through")
            .is_none());
        let one_year = FIXTURE.replace(
            "effective 2026-01-01\n",
            "effective 2026-01-01..2026-12-31\n",
        );
        let bounded = rules_of(&one_year);
        // The set's dated day of 2027 is resolved too, so the yearly days
        // run through it.
        assert_eq!(
            bounded["calendars"]["london"]["expanded_through"],
            "2027-06-01"
        );
        let closed = bounded["calendars"]["london"]["closed"]
            .as_array()
            .map(Vec::len);
        // 2026: Good Friday, spring bank holiday, 4 July observed,
        // Christmas, Boxing Day; 2027 up to 1 June: Good Friday, the moved
        // spring bank holiday.
        assert_eq!(closed, Some(7));
    }
}
