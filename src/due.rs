//! The report of `slac due`: one request's response and resolution due
//! times (computed by [`crate::clock::due_times`]) as text for a person or
//! JSON for a program. The CLI only parses the arguments and prints.

use crate::clock::{Due, DueTimes};
use crate::model::{BusinessDayRule, Contract, Fill, TargetKind, Unit};
use chrono::{DateTime, SecondsFormat, Utc};
use chrono_tz::Tz;

/// A pause of the resolution clock, `from` to `to`.
pub type Pause = (DateTime<Utc>, DateTime<Utc>);

/// The JSON report, times in RFC 3339 in the clock's zone, ending with a
/// newline.
pub fn json(times: &DueTimes) -> String {
    let zone = times.zone;
    let target = |due: &Due| {
        let mut t = serde_json::Map::new();
        t.insert("amount".into(), due.within.amount.into());
        t.insert("unit".into(), due.within.unit.as_str().into());
        if due.or_workaround {
            t.insert("or_workaround".into(), true.into());
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
    });
    format!("{value:#}\n")
}

/// The text report: one line for the receipt, one per target, one per
/// pause.
pub fn text(contract: &Contract, times: &DueTimes, paused: &[Pause]) -> String {
    let zone = times.zone;
    let id = times.priority.as_str();
    let clock = match (&times.clock, times.elapsed) {
        (Some(c), false) => format!("on calendar `{c}`"),
        (Some(c), true) => format!("on calendar `{c}` (24x7, elapsed time)"),
        (None, _) => "on elapsed time (24x7)".to_string(),
    };
    let label = contract
        .priority(id)
        .map(|p| match &p.label {
            Fill::Value(l) => format!(" {l}"),
            Fill::Placeholder(l) => format!(" [{l}]"),
        })
        .unwrap_or_default();
    let line = |name: &str, due: &Due| {
        let mut target = format!("{id} within {}", due.within);
        if due.or_workaround {
            target.push_str(" or workaround");
        }
        let mut s = format!("{name:<15}{} — {target} {clock}", human_time(due.at, zone));
        if due.within.unit == Unit::BusinessDays {
            s.push_str(&format!(", {}", rule_text(contract.business_day)));
        }
        s.push('\n');
        s
    };
    let mut out = format!(
        "{:<15}{} — {id}{label}\n",
        "received",
        human_time(times.received, zone)
    );
    for kind in TargetKind::ALL {
        out.push_str(&line(&format!("{kind} due"), times.due(kind)));
    }
    for &(from, to) in paused {
        out.push_str(&format!(
            "{:<15}{} → {} (resolution clock only)\n",
            "paused",
            human_time(from, zone),
            human_time(to, zone)
        ));
    }
    out
}

fn rfc3339(t: DateTime<Utc>, zone: Tz) -> String {
    t.with_timezone(&zone)
        .to_rfc3339_opts(SecondsFormat::AutoSi, false)
}

/// `2027-03-02 10:30 (Tue) Asia/Shanghai`; seconds only when there are some.
fn human_time(t: DateTime<Utc>, zone: Tz) -> String {
    let local = t.with_timezone(&zone);
    let pattern = if local.timestamp_subsec_nanos() != 0 || local.timestamp() % 60 != 0 {
        "%Y-%m-%d %H:%M:%S (%a)"
    } else {
        "%Y-%m-%d %H:%M (%a)"
    };
    format!("{} {}", local.format(pattern), zone.name())
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

    const ACME: &str = include_str!("../contracts/acme-support.sla");

    fn acme() -> Contract {
        let checked = crate::check(crate::SourceFile::new("acme-support.sla", ACME));
        checked.model.expect("the shipped contract checks")
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
        let out = json(&times(&c, "P1", "2027-03-01T09:50:00Z", &[pause]));
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
}
