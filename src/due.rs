//! The report of `slac due`: one request's response and resolution due
//! times (computed by [`crate::clock::due_times`]) as text for a person or
//! JSON for a program. The CLI only parses the arguments and prints.

use crate::clock::{Due, DueTimes};
use crate::diagnostic::Code;
use crate::model::{BusinessDayRule, Calendar, CalendarId, Contract, TargetKind, Unit};
use chrono::{
    DateTime, Datelike, NaiveDate, NaiveTime, Offset, SecondsFormat, TimeZone, Timelike, Utc,
};
use chrono_tz::Tz;

/// A pause of the resolution clock, `from` to `to`.
pub type Pause = (DateTime<Utc>, DateTime<Utc>);

/// Something a reader of the due times must know: they are computed all
/// the same, but the contract may not say what they assume.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub kind: WarningKind,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WarningKind {
    /// The request was received before the effective period starts.
    BeforeEffective,
    /// The request was received after the effective period ends.
    AfterEffective,
    /// W010: the due times reach a year for which the clock calendar lists
    /// no closed day, so that year counts as having no holidays.
    HolidaysRunOut,
}

impl WarningKind {
    /// The name in the JSON report's `warnings`.
    pub fn as_str(self) -> &'static str {
        match self {
            WarningKind::BeforeEffective => "before-effective",
            WarningKind::AfterEffective => "after-effective",
            WarningKind::HolidaysRunOut => "holidays-run-out",
        }
    }

    /// The diagnostic code of the same warning from `slac check`, if any.
    pub fn code(self) -> Option<Code> {
        match self {
            WarningKind::BeforeEffective | WarningKind::AfterEffective => None,
            WarningKind::HolidaysRunOut => Some(Code::W010),
        }
    }
}

/// `warning: MESSAGE` (`warning[W010]: …` with a code), as printed on
/// standard error.
impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.kind.code() {
            Some(code) => write!(f, "warning[{code}]: {}", self.message),
            None => write!(f, "warning: {}", self.message),
        }
    }
}

/// What the reader of these due times must be warned about: a receipt
/// outside the effective period (its date in the contract's `timezone`,
/// else the clock's zone; a placeholder date is not compared), and due
/// times in a year for which the clock calendar lists no holidays (W010).
pub fn warnings(contract: &Contract, times: &DueTimes) -> Vec<Warning> {
    let mut found = Vec::new();
    if let Some(effective) = &contract.effective {
        let zone = contract.timezone.unwrap_or(times.zone);
        let received_on = times.received.with_timezone(&zone).date_naive();
        if let Some(&from) = effective.from.value() {
            if received_on < from {
                found.push(Warning {
                    kind: WarningKind::BeforeEffective,
                    message: format!(
                        "received on {received_on}, before the contract takes effect on {from}"
                    ),
                });
            }
        }
        if let Some(&to) = effective.to.as_ref().and_then(|to| to.value()) {
            if received_on > to {
                found.push(Warning {
                    kind: WarningKind::AfterEffective,
                    message: format!(
                        "received on {received_on}, after the contract's effective period ended on {to}"
                    ),
                });
            }
        }
    }
    found.extend(holidays_run_out(contract, times));
    found
}

/// W010 for these due times: the latest due time on a calendar falls in a
/// year past the last one that calendar lists a closed day in (a calendar
/// with no closed day at all has no holidays to run out of). Each target is
/// on its own clock (`on CALENDAR`) or its priority's; one warning per
/// calendar.
fn holidays_run_out(contract: &Contract, times: &DueTimes) -> Vec<Warning> {
    let mut on: Vec<(&CalendarId, DateTime<Utc>)> = Vec::new();
    for kind in TargetKind::ALL {
        let due = times.due(kind);
        let calendar = due
            .own_clock
            .as_ref()
            .map(|own| &own.calendar)
            .or(times.clock.as_ref());
        let Some(calendar) = calendar else {
            continue;
        };
        match on.iter_mut().find(|(id, _)| *id == calendar) {
            Some((_, latest)) => *latest = (*latest).max(due.at),
            None => on.push((calendar, due.at)),
        }
    }
    on.into_iter()
        .filter_map(|(id, latest)| run_out_on(contract.calendar(id)?, times.received, latest))
        .collect()
}

/// W010 for one calendar whose latest due time is `latest`.
fn run_out_on(
    calendar: &Calendar,
    received: DateTime<Utc>,
    latest: DateTime<Utc>,
) -> Option<Warning> {
    let last = calendar.last_holiday_year()?;
    let year = latest.with_timezone(&calendar.timezone).year();
    let received = received.with_timezone(&calendar.timezone).year();
    if year <= last {
        return None;
    }
    let when = if received > last {
        format!("received in {received}")
    } else {
        format!("due in {year}")
    };
    Some(Warning {
        kind: WarningKind::HolidaysRunOut,
        message: format!(
            "{when}, but calendar `{}` lists holidays up to {last} only: {year} counts as having \
             none, so these due times skip no holiday of {year} (list its `closed` days)",
            calendar.id
        ),
    })
}

/// The JSON report, times in RFC 3339 in the clock's zone, ending with a
/// newline. `warnings` is always there, empty when there are none.
pub fn json(times: &DueTimes, warnings: &[Warning]) -> String {
    let zone = times.zone;
    let target = |due: &Due| {
        let mut t = serde_json::Map::new();
        t.insert("amount".into(), due.within.amount.into());
        t.insert("unit".into(), due.within.unit.as_str().into());
        if due.or_workaround {
            t.insert("or_workaround".into(), true.into());
        }
        // Only a target on its own clock says which: the others run on
        // the report's `clock`.
        if let Some(own) = &due.own_clock {
            t.insert("clock".into(), own.calendar.as_str().into());
        }
        serde_json::Value::Object(t)
    };
    let value = serde_json::json!({
        "priority": times.priority.as_str(),
        "received": rfc3339(times.received, zone),
        "response_due": rfc3339(times.response.at, zone),
        "resolution_due": rfc3339(times.resolution.at, zone),
        "timezone": zone.name(),
        "clock": times.clock.as_ref().map(|c| c.as_str()),
        "response": target(&times.response),
        "resolution": target(&times.resolution),
        "warnings": warnings.iter().map(warning_json).collect::<Vec<_>>(),
    });
    format!("{value:#}\n")
}

/// The text report: one line for the receipt, one per target, one per
/// pause.
pub fn text(contract: &Contract, times: &DueTimes, paused: &[Pause]) -> String {
    let mut instants = vec![times.received, times.response.at, times.resolution.at];
    instants.extend(paused.iter().flat_map(|&(from, to)| [from, to]));
    let shown = Shown::new(times.zone, &instants);
    let id = times.priority.as_str();
    let on = |clock: Option<&CalendarId>, elapsed: bool| match (clock, elapsed) {
        (Some(c), false) => format!("on calendar `{c}`"),
        (Some(c), true) => format!("on calendar `{c}` (24x7, elapsed time)"),
        (None, _) => "on elapsed time (24x7)".to_string(),
    };
    let label = contract
        .priority(id)
        .map(|p| format!(" {}", p.label))
        .unwrap_or_default();
    let line = |name: &str, due: &Due| {
        let mut target = format!("{id} within {}", due.within);
        if due.or_workaround {
            target.push_str(" or workaround");
        }
        let clock = match &due.own_clock {
            Some(own) => on(Some(&own.calendar), own.elapsed),
            None => on(times.clock.as_ref(), times.elapsed),
        };
        let mut s = format!("{name:<15}{} — {target} {clock}", shown.due(due.at));
        if due.within.unit == Unit::BusinessDays {
            s.push_str(&format!(", {}", rule_text(contract.business_day)));
        }
        s.push('\n');
        s
    };
    let mut out = format!(
        "{:<15}{} — {id}{label}\n",
        "received",
        shown.instant(times.received)
    );
    for kind in TargetKind::ALL {
        out.push_str(&line(&format!("{kind} due"), times.due(kind)));
    }
    for &(from, to) in paused {
        out.push_str(&format!(
            "{:<15}{} → {} (resolution clock only)\n",
            "paused",
            shown.instant(from),
            shown.instant(to)
        ));
    }
    out
}

/// `{ "kind": …, "code": … (when it has one), "message": … }`.
fn warning_json(warning: &Warning) -> serde_json::Value {
    let mut w = serde_json::Map::new();
    w.insert("kind".into(), warning.kind.as_str().into());
    if let Some(code) = warning.kind.code() {
        w.insert("code".into(), code.as_str().into());
    }
    w.insert("message".into(), warning.message.clone().into());
    serde_json::Value::Object(w)
}

fn rfc3339(t: DateTime<Utc>, zone: Tz) -> String {
    t.with_timezone(&zone)
        .to_rfc3339_opts(SecondsFormat::AutoSi, false)
}

/// How the text report shows instants: in the clock's zone, with the UTC
/// offset when the zone's offset is not the same all through the years
/// shown (DST), so the two 01:30s of an autumn night read apart.
#[derive(Debug, Clone, Copy)]
struct Shown {
    zone: Tz,
    offsets: bool,
}

impl Shown {
    fn new(zone: Tz, instants: &[DateTime<Utc>]) -> Shown {
        Shown {
            zone,
            offsets: offset_changes(zone, instants),
        }
    }

    /// `2027-03-02 10:30 (Tue) Asia/Shanghai`, or with the offset
    /// `2027-11-07 01:30 -04:00 (Sun) America/New_York`; seconds only when
    /// there are some.
    fn instant(self, t: DateTime<Utc>) -> String {
        let local = t.with_timezone(&self.zone);
        let time = if local.timestamp_subsec_nanos() != 0 || local.second() != 0 {
            "%H:%M:%S"
        } else {
            "%H:%M"
        };
        let offset = if self.offsets { " %:z" } else { "" };
        let pattern = format!("%Y-%m-%d {time}{offset} (%a)");
        format!("{} {}", local.format(&pattern), self.zone.name())
    }

    /// A due instant: as [`Shown::instant`], but local midnight is the end
    /// of the day before, `2027-03-08 24:00 (Mon)`, not the start of the
    /// next — a close at `24:00` is due on its own day.
    fn due(self, t: DateTime<Utc>) -> String {
        let local = t.with_timezone(&self.zone);
        let midnight = local.time() == NaiveTime::MIN;
        match local.date_naive().pred_opt() {
            Some(day) if midnight => {
                let offset = if self.offsets {
                    format!(" {}", local.format("%:z"))
                } else {
                    String::new()
                };
                format!(
                    "{} 24:00{offset} ({}) {}",
                    day.format("%Y-%m-%d"),
                    day.format("%a"),
                    self.zone.name()
                )
            }
            _ => self.instant(t),
        }
    }
}

/// True when `zone`'s UTC offset is not one and the same at the instants
/// and at the start of every month of the years they fall in.
fn offset_changes(zone: Tz, instants: &[DateTime<Utc>]) -> bool {
    let offset = |t: DateTime<Utc>| zone.offset_from_utc_datetime(&t.naive_utc()).fix();
    let Some(&first) = instants.first() else {
        return false;
    };
    let reference = offset(first);
    if instants.iter().any(|&t| offset(t) != reference) {
        return true;
    }
    let years = instants.iter().map(|t| t.year());
    let (from, to) = (years.clone().min(), years.max());
    let (Some(from), Some(to)) = (from, to) else {
        return false;
    };
    (from..=to).any(|year| {
        (1..=12).any(|month| {
            NaiveDate::from_ymd_opt(year, month, 1)
                .map(|d| d.and_time(NaiveTime::MIN).and_utc())
                .is_some_and(|t| offset(t) != reference)
        })
    })
}

fn rule_text(rule: BusinessDayRule) -> String {
    match rule {
        BusinessDayRule::EndsAtClose => "business-day ends-at-close".into(),
        BusinessDayRule::SameTime => "business-day same-time".into(),
        BusinessDayRule::Hours { minutes } if minutes % 60 == 0 => {
            format!("business-day {} hours", minutes / 60)
        }
        BusinessDayRule::Hours { minutes } => format!("business-day {minutes} minutes"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::due_times;
    use crate::model::Contract;

    const ACME_PATH: &str = "contracts/acme-support.sla";
    const ACME: &str = include_str!("../contracts/acme-support.sla");

    fn acme() -> Contract {
        acme_with(&[])
    }

    /// The shipped contract with some text replaced.
    fn acme_with(edits: &[(&str, &str)]) -> Contract {
        let mut text = ACME.to_string();
        for (from, to) in edits {
            assert!(text.contains(from), "{from}");
            text = text.replacen(from, to, 1);
        }
        let checked = crate::project::check_at(ACME_PATH, &text);
        checked.model.expect("the edited contract checks")
    }

    /// ACME in New York with a P1 (24x7) target of one hour.
    fn new_york() -> Contract {
        acme_with(&[
            ("\"Asia/Shanghai\"", "\"America/New_York\""),
            ("P1 within 15 minutes", "P1 within 1 hour"),
        ])
    }

    fn t(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().to_utc()
    }

    fn times(contract: &Contract, priority: &str, received: &str, paused: &[Pause]) -> DueTimes {
        let p = contract.priority(priority).unwrap();
        due_times(contract, p, t(received), paused).unwrap()
    }

    #[test]
    fn text_report_names_each_target() {
        let c = acme();
        let out = text(&c, &times(&c, "P2", "2027-03-01T17:30:00+08:00", &[]), &[]);
        assert_eq!(
            out,
            "received       2027-03-01 17:30 (Mon) Asia/Shanghai — P2 高\n\
             response due   2027-03-02 10:30 (Tue) Asia/Shanghai — P2 within 2 hours on calendar `business`\n\
             resolution due 2027-03-03 18:00 (Wed) Asia/Shanghai — P2 within 2 business days or workaround on calendar `business`, business-day ends-at-close\n"
        );
    }

    #[test]
    fn json_report_in_the_clock_zone() {
        let c = acme();
        let pause = (t("2027-03-01T10:30:00Z"), t("2027-03-01T11:30:00Z"));
        let out = json(&times(&c, "P1", "2027-03-01T09:50:00Z", &[pause]), &[]);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(
            keys[..4],
            ["priority", "received", "response_due", "resolution_due"]
        );
        assert_eq!(v["received"], "2027-03-01T17:50:00+08:00");
        // The response clock never pauses; the resolution clock does (1 h).
        assert_eq!(v["response_due"], "2027-03-01T18:05:00+08:00");
        assert_eq!(v["resolution_due"], "2027-03-01T22:50:00+08:00");
        assert_eq!(v["timezone"], "Asia/Shanghai");
        assert_eq!(v["clock"], "always");
    }

    #[test]
    fn in_the_autumn_fold_the_offset_tells_the_two_half_past_ones_apart() {
        let c = new_york();
        let out = text(&c, &times(&c, "P1", "2027-11-07T01:30:00-04:00", &[]), &[]);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(
            lines[0],
            "received       2027-11-07 01:30 -04:00 (Sun) America/New_York — P1 紧急"
        );
        assert!(
            lines[1].starts_with(
                "response due   2027-11-07 01:30 -05:00 (Sun) America/New_York — P1 within 1 hour"
            ),
            "{out}"
        );
        // Offsets are shown in winter too: the zone is not fixed.
        let winter = text(&c, &times(&c, "P1", "2027-01-04T10:00:00-05:00", &[]), &[]);
        assert!(
            winter.starts_with("received       2027-01-04 10:00 -05:00 (Mon)"),
            "{winter}"
        );
    }

    #[test]
    fn a_fixed_zone_shows_no_offset() {
        assert!(!offset_changes(
            chrono_tz::Asia::Shanghai,
            &[t("2027-03-01T00:00:00Z")]
        ));
        assert!(!offset_changes(
            chrono_tz::UTC,
            &[t("2027-03-01T00:00:00Z")]
        ));
        // Shanghai kept DST from 1986 to 1991.
        assert!(offset_changes(
            chrono_tz::Asia::Shanghai,
            &[t("1988-03-01T00:00:00Z")]
        ));
        assert!(offset_changes(
            chrono_tz::Europe::London,
            &[t("2027-01-01T00:00:00Z")]
        ));
    }

    #[test]
    fn a_due_time_at_midnight_is_24_00_of_its_day() {
        let c = acme_with(&[(
            "mon-fri  09:00-12:00, 13:00-18:00",
            "mon-fri  09:00-12:00, 13:00-24:00",
        )]);
        let out = text(&c, &times(&c, "P2", "2027-03-08T22:00:00+08:00", &[]), &[]);
        assert_eq!(
            out,
            "received       2027-03-08 22:00 (Mon) Asia/Shanghai — P2 高\n\
             response due   2027-03-08 24:00 (Mon) Asia/Shanghai — P2 within 2 hours on calendar `business`\n\
             resolution due 2027-03-10 24:00 (Wed) Asia/Shanghai — P2 within 2 business days or workaround on calendar `business`, business-day ends-at-close\n"
        );
        // A receipt at midnight is the start of its day; JSON stays RFC 3339.
        let at_midnight = times(&c, "P1", "2027-03-09T00:00:00+08:00", &[]);
        assert!(text(&c, &at_midnight, &[]).starts_with("received       2027-03-09 00:00 (Tue)"));
        let v: serde_json::Value = serde_json::from_str(&json(
            &times(&c, "P2", "2027-03-08T22:00:00+08:00", &[]),
            &[],
        ))
        .unwrap();
        assert_eq!(v["response_due"], "2027-03-09T00:00:00+08:00");
    }

    #[test]
    fn a_midnight_due_time_in_a_dst_zone_carries_its_offset() {
        // 22:00 EDT plus 2 hours on a 24x7 clock: midnight, Sunday's end.
        let c = acme_with(&[
            ("\"Asia/Shanghai\"", "\"America/New_York\""),
            ("P1 within 15 minutes", "P1 within 2 hours"),
        ]);
        let out = text(&c, &times(&c, "P1", "2027-07-04T22:00:00-04:00", &[]), &[]);
        assert!(
            out.contains("response due   2027-07-04 24:00 -04:00 (Sun) America/New_York"),
            "{out}"
        );
    }

    #[test]
    fn a_receipt_outside_the_effective_period_is_warned() {
        let c = acme();
        let kinds = |received: &str| -> Vec<WarningKind> {
            warnings(&c, &times(&c, "P1", received, &[]))
                .iter()
                .map(|w| w.kind)
                .collect()
        };
        assert_eq!(kinds("2026-06-01T10:00:00+08:00"), []);
        // The first and last days count, in the contract's zone.
        assert_eq!(kinds("2026-01-01T00:00:00+08:00"), []);
        assert_eq!(kinds("2026-12-31T23:59:00+08:00"), []);
        assert_eq!(
            kinds("2025-12-31T23:59:00+08:00"),
            [WarningKind::BeforeEffective]
        );
        assert_eq!(kinds("2026-12-31T16:00:00Z"), [WarningKind::AfterEffective]);
        let late = warnings(&c, &times(&c, "P1", "2027-01-02T10:00:00+08:00", &[]));
        assert_eq!(
            late[0].to_string(),
            "warning: received on 2027-01-02, after the contract's effective period ended on 2026-12-31"
        );
        let v: serde_json::Value = serde_json::from_str(&json(
            &times(&c, "P1", "2027-01-02T10:00:00+08:00", &[]),
            &late,
        ))
        .unwrap();
        assert_eq!(v["warnings"][0]["kind"], "after-effective");
        assert!(v["warnings"][0]["message"]
            .as_str()
            .unwrap()
            .contains("2026-12-31"));
    }

    #[test]
    fn due_times_past_the_last_listed_holidays_get_w010() {
        // Globex as it was before it used holidays/uk-england.sla.
        let globex = include_str!("../tests/fixtures/holidays-run-out.sla");
        let checked = crate::check(crate::SourceFile::new("holidays-run-out.sla", globex));
        let c = checked.model.expect("the shipped contract checks");
        let found =
            |priority: &str, received: &str| warnings(&c, &times(&c, priority, received, &[]));
        // `office` lists holidays of 2027 only; Globex has no end date.
        assert_eq!(found("high", "2027-06-01T10:00:00+01:00"), []);
        let late = found("high", "2028-06-01T10:00:00+01:00");
        assert_eq!(late.len(), 1, "{late:?}");
        assert_eq!(late[0].kind, WarningKind::HolidaysRunOut);
        assert_eq!(
            late[0].to_string(),
            "warning[W010]: received in 2028, but calendar `office` lists holidays up to 2027 only: \
             2028 counts as having none, so these due times skip no holiday of 2028 (list its `closed` days)"
        );
        // Received in 2027, due in 2028 (10 business days from 24 December).
        let across = found("low", "2027-12-24T10:00:00+00:00");
        assert_eq!(across.len(), 1, "{across:?}");
        assert!(
            across[0].message.starts_with("due in 2028, "),
            "{}",
            across[0].message
        );
        // A 24x7 clock has no holidays to run out of.
        assert_eq!(found("critical", "2029-06-01T10:00:00+01:00"), []);
        let v: serde_json::Value = serde_json::from_str(&json(
            &times(&c, "high", "2028-06-01T10:00:00+01:00", &[]),
            &late,
        ))
        .unwrap();
        assert_eq!(v["warnings"][0]["kind"], "holidays-run-out");
        assert_eq!(v["warnings"][0]["code"], "W010");
    }
}
