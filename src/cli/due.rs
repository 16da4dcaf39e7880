//! `slac due`: the response and resolution due times of one request.
//!
//! The arguments are read before the contract, so a bad time is a usage
//! error (exit 2) whatever the contract says. The contract is loaded as a
//! draft: placeholders elsewhere are only warnings, but a placeholder target
//! of the requested priority has no due time and fails (exit 1). The
//! report itself is [`slac::due`]'s; its warnings (a receipt outside the
//! effective period …) go to standard error, and into the JSON.

use super::{CmdResult, DueArgs, Failure, TextOrJson};
use chrono::{DateTime, Utc};
use slac::clock::{due_times, ClockError};
use slac::due::{self, Pause, Warning};
use slac::model::Contract;

pub fn run(args: &DueArgs, color: bool) -> CmdResult {
    let received = super::parse_time("--received", &args.received)?;
    let paused = args
        .paused
        .iter()
        .map(|p| parse_pause(p))
        .collect::<Result<Vec<_>, _>>()?;
    // The contract's W010 is replaced by this request's own (slac::due).
    let checked =
        super::load_model_hiding(&args.file, &args.root, true, color, &[slac::Code::W010])?;
    let contract = checked
        .model
        .as_ref()
        .ok_or_else(|| Failure::failed(format!("`{}` has errors", args.file.display())))?;
    let (report, warnings) = report(contract, &args.priority, received, &paused, args.format)?;
    for warning in &warnings {
        eprintln!("{warning}");
    }
    super::write_output(None, report.as_bytes())?;
    Ok(super::OK)
}

/// `FROM/TO`, both RFC 3339; a pause may be empty but not reversed.
fn parse_pause(text: &str) -> Result<Pause, Failure> {
    let (from, to) = text.split_once('/').ok_or_else(|| {
        Failure::usage(format!(
            "--paused `{text}` is not FROM/TO (two RFC 3339 times joined by `/`)"
        ))
    })?;
    let (from, to) = (
        super::parse_time("--paused", from)?,
        super::parse_time("--paused", to)?,
    );
    if to < from {
        return Err(Failure::usage(format!(
            "--paused `{text}` ends before it starts"
        )));
    }
    Ok((from, to))
}

/// The report of `slac due`, in text or JSON, ending with a newline, and
/// its warnings.
fn report(
    contract: &Contract,
    priority: &str,
    received: DateTime<Utc>,
    paused: &[Pause],
    format: TextOrJson,
) -> Result<(String, Vec<Warning>), Failure> {
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
    let warnings = due::warnings(contract, &times);
    let text = match format {
        TextOrJson::Json => due::json(&times, &warnings),
        TextOrJson::Text => due::text(contract, &times, paused),
    };
    Ok((text, warnings))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shipped acme contract, checked.
    fn acme() -> slac::model::Contract {
        let checked =
            crate::project::check_file(std::path::Path::new("contracts/acme-support.sla"));
        checked.model.expect("the shipped contract checks")
    }
    use slac::model::Fill;

    fn t(s: &str) -> DateTime<Utc> {
        crate::cli::parse_time("--received", s).unwrap()
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
        let e = crate::cli::parse_time("--received", "2027-03-01 17:30").unwrap_err();
        assert_eq!(e.code, super::super::USAGE);
        assert!(e.message.contains("`2027-03-01 17:30`"));
        let e = parse_pause("2027-03-01T12:00:00Z/2027-03-01T11:00:00Z").unwrap_err();
        assert_eq!(e.code, super::super::USAGE);
        assert!(e.message.contains("ends before it starts"));
        assert!(parse_pause("2027-03-01T12:00:00Z").is_err());
    }
}
