//! `slac due`: the response and resolution due times of one request.
//!
//! The arguments are read before the contract, so a bad time is a usage
//! error (exit 2) whatever the contract says. The contract is loaded as a
//! draft: placeholders elsewhere are only warnings, but a placeholder target
//! of the requested priority has no due time and fails (exit 1).

use super::{CmdResult, DueArgs, Failure, TextOrJson};
use chrono::{DateTime, SecondsFormat, Utc};
use chrono_tz::Tz;
use slac::clock::{due_times, ClockError, Due, DueTimes};
use slac::model::{BusinessDayRule, Contract, Fill, Unit};

pub fn run(args: &DueArgs, color: bool) -> CmdResult {
    let received = parse_time("--received", &args.received)?;
    let paused = args
        .paused
        .iter()
        .map(|p| parse_pause(p))
        .collect::<Result<Vec<_>, _>>()?;
    let checked = super::load_model(&args.file, true, color)?;
    let contract = checked
        .model
        .as_ref()
        .ok_or_else(|| Failure::failed(format!("`{}` has errors", args.file.display())))?;
    let report = report(contract, &args.priority, received, &paused, args.format)?;
    super::write_output(None, report.as_bytes())?;
    Ok(super::OK)
}

/// An RFC 3339 time with offset, or a usage error naming the argument.
fn parse_time(argument: &str, text: &str) -> Result<DateTime<Utc>, Failure> {
    DateTime::parse_from_rfc3339(text.trim())
        .map(|t| t.to_utc())
        .map_err(|e| {
            Failure::usage(format!(
                "{argument} `{text}` is not an RFC 3339 time with offset ({e}); \
                 write it like 2027-03-01T17:30:00+08:00"
            ))
        })
}

/// `FROM/TO`, both RFC 3339; a pause may be empty but not reversed.
fn parse_pause(text: &str) -> Result<(DateTime<Utc>, DateTime<Utc>), Failure> {
    let (from, to) = text.split_once('/').ok_or_else(|| {
        Failure::usage(format!(
            "--paused `{text}` is not FROM/TO (two RFC 3339 times joined by `/`)"
        ))
    })?;
    let (from, to) = (parse_time("--paused", from)?, parse_time("--paused", to)?);
    if to < from {
        return Err(Failure::usage(format!(
            "--paused `{text}` ends before it starts"
        )));
    }
    Ok((from, to))
}

/// The report of `slac due`, in text or JSON, ending with a newline.
fn report(
    contract: &Contract,
    priority: &str,
    received: DateTime<Utc>,
    paused: &[(DateTime<Utc>, DateTime<Utc>)],
    format: TextOrJson,
) -> Result<String, Failure> {
    let Some(p) = contract.priority(priority) else {
        let names: Vec<&str> = contract.priorities.iter().map(|p| p.id.as_str()).collect();
        let hint = slac::diagnostic::did_you_mean(priority, names.iter().copied())
            .map(|n| format!("; did you mean `{n}`?"))
            .unwrap_or_default();
        return Err(Failure::failed(format!(
            "unknown priority `{priority}`{hint} (priorities: {})",
            names.join(", ")
        )));
    };
    let times = due_times(contract, p, received, paused).map_err(|e| match e {
        ClockError::OutOfRange { .. } | ClockError::PauseReversed { .. } => {
            Failure::usage(e.to_string())
        }
        _ => Failure::failed(e.to_string()),
    })?;
    Ok(match format {
        TextOrJson::Json => json(&times),
        TextOrJson::Text => text(contract, &times, paused),
    })
}

fn rfc3339(t: DateTime<Utc>, zone: Tz) -> String {
    t.with_timezone(&zone)
        .to_rfc3339_opts(SecondsFormat::AutoSi, false)
}

fn json(times: &DueTimes) -> String {
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

fn text(
    contract: &Contract,
    times: &DueTimes,
    paused: &[(DateTime<Utc>, DateTime<Utc>)],
) -> String {
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
    out.push_str(&line("response due", &times.response));
    out.push_str(&line("resolution due", &times.resolution));
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

#[cfg(test)]
mod tests {
    use super::*;
    use slac::model::example::acme;

    fn t(s: &str) -> DateTime<Utc> {
        parse_time("--received", s).unwrap()
    }

    #[test]
    fn text_report_names_each_target() {
        let out = report(
            &acme(),
            "P2",
            t("2027-03-01T17:30:00+08:00"),
            &[],
            TextOrJson::Text,
        )
        .unwrap();
        assert_eq!(
            out,
            "received       2027-03-01 17:30 (Mon) Asia/Shanghai — P2 高\n\
             response due   2027-03-02 10:30 (Tue) Asia/Shanghai — P2 within 2 hours on calendar `business`\n\
             resolution due 2027-03-03 18:00 (Wed) Asia/Shanghai — P2 within 2 business days or workaround on calendar `business`, business-day ends-at-close\n"
        );
    }

    #[test]
    fn json_report_in_the_clock_zone() {
        let pause = parse_pause("2027-03-01T10:30:00Z/2027-03-01T11:30:00Z").unwrap();
        let out = report(
            &acme(),
            "P1",
            t("2027-03-01T09:50:00Z"),
            &[pause],
            TextOrJson::Json,
        )
        .unwrap();
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
    fn unknown_priority_suggests_the_nearest() {
        let e = report(
            &acme(),
            "p2",
            t("2027-03-01T17:30:00+08:00"),
            &[],
            TextOrJson::Text,
        )
        .unwrap_err();
        assert_eq!(e.code, super::super::FAILED);
        assert!(e.message.contains("did you mean `P2`?"), "{}", e.message);
    }

    #[test]
    fn placeholder_target_is_refused() {
        let mut c = acme();
        c.priorities[3].resolution.within = Fill::Placeholder("X个工作日".into());
        let e = report(
            &c,
            "P4",
            t("2027-03-01T17:30:00+08:00"),
            &[],
            TextOrJson::Json,
        )
        .unwrap_err();
        assert_eq!(e.code, super::super::FAILED);
        assert!(e.message.contains("[X个工作日]"), "{}", e.message);
    }

    #[test]
    fn bad_times_and_reversed_pauses_are_usage_errors() {
        let e = parse_time("--received", "2027-03-01 17:30").unwrap_err();
        assert_eq!(e.code, super::super::USAGE);
        assert!(e.message.contains("`2027-03-01 17:30`"));
        let e = parse_pause("2027-03-01T12:00:00Z/2027-03-01T11:00:00Z").unwrap_err();
        assert_eq!(e.code, super::super::USAGE);
        assert!(e.message.contains("ends before it starts"));
        assert!(parse_pause("2027-03-01T12:00:00Z").is_err());
    }
}
