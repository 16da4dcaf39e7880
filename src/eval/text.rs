//! The report as plain-text tables for a terminal: one block per period,
//! response and resolution per priority, then FCR, CSAT and what was missed.

use super::compliance::{
    AvailabilityReport, ComplianceReport, CsatReport, MaintenanceReport, PeriodReport, TargetReport,
};
use crate::model::TargetKind;
use std::fmt::Write;

pub(crate) fn num(x: Option<f64>) -> String {
    x.map_or_else(|| "—".into(), |v| format!("{v:.2}"))
}

pub(crate) fn pct(x: Option<f64>) -> String {
    x.map_or_else(|| "—".into(), |v| format!("{v:.2}%"))
}

/// A contract number as written: `100`, `99.5`.
pub(crate) fn plain(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{x:.0}")
    } else {
        format!("{x}")
    }
}

pub(crate) fn verdict(ok: Option<bool>) -> &'static str {
    match ok {
        Some(true) => "ok",
        Some(false) => "MISSED",
        None => "no data",
    }
}

/// The headline: contract, ticket count (and outage rows), period and
/// zone, as-of time.
pub(crate) fn headline(r: &ComplianceReport) -> String {
    let outages = r
        .outages
        .as_ref()
        .map(|o| format!(", {} outage rows", o.rows))
        .unwrap_or_default();
    format!(
        "{} ({}) — {} tickets{outages}, {} periods in {}, as of {}",
        r.title, r.contract, r.tickets, r.period, r.timezone, r.as_of
    )
}

/// `availability hotline 99.80% — 90 of 44640 open minutes down, 0
/// excluded (target 99.9%): MISSED`.
pub(crate) fn availability_line(a: &AvailabilityReport) -> String {
    format!(
        "availability {} {} — {} of {} open minutes down, {} excluded (target {}%): {}",
        a.channel,
        pct(a.percent),
        plain(a.downtime_minutes),
        plain(a.scheduled_minutes),
        plain(a.excluded_minutes),
        plain(a.target_percent),
        verdict(a.ok)
    )
}

/// `maintenance on line 5, 2027-03-09T17:00:00+08:00 to …: 0 minutes
/// excluded, 60 downtime (the contract excludes no maintenance)`.
pub(crate) fn maintenance_line(m: &MaintenanceReport) -> String {
    let why = if m.why.is_empty() {
        String::new()
    } else {
        format!(" ({})", m.why.join("; "))
    };
    format!(
        "maintenance on line {}, {} to {}: {} minutes excluded, {} downtime{why}",
        m.line,
        m.start,
        m.end,
        plain(m.excluded_minutes),
        plain(m.downtime_minutes)
    )
}

/// The outage log's skipped rows in words, if any.
pub(crate) fn outages_skipped(r: &ComplianceReport) -> Option<String> {
    let o = r.outages.as_ref().filter(|o| o.skipped_total > 0)?;
    Some(format!(
        "{} malformed outage row{} skipped",
        o.skipped_total,
        if o.skipped_total == 1 { "" } else { "s" }
    ))
}

pub(crate) fn fcr_line(p: &PeriodReport) -> Option<String> {
    p.fcr.as_ref().map(|f| {
        let recorded = match f.answered {
            0 => "none recorded".to_string(),
            n => format!("{} of {n} recorded", f.resolved_first),
        };
        format!(
            "FCR {} — {recorded} ({} ticket{} in all; target {}%): {}",
            pct(f.percent),
            f.tickets,
            if f.tickets == 1 { "" } else { "s" },
            plain(f.target_percent),
            verdict(f.ok)
        )
    })
}

pub(crate) fn csat_line(p: &PeriodReport) -> Option<String> {
    p.csat.as_ref().map(|c| match c {
        CsatReport::Score {
            score,
            target,
            ok,
            ratings,
            exact: _,
        } => format!(
            "CSAT {} mean of {ratings} ratings (target {}): {}",
            num(*score),
            plain(*target),
            verdict(*ok)
        ),
        CsatReport::Satisfied {
            percent,
            target_percent,
            ok,
            ratings,
            exact: _,
        } => format!(
            "CSAT {} satisfied of {ratings} ratings (target {}%): {}",
            pct(*percent),
            plain(*target_percent),
            verdict(*ok)
        ),
    })
}

/// `Report due 2027-04-07T18:00:00+08:00` (§11 `reporting`).
pub(crate) fn report_due_line(p: &PeriodReport) -> Option<String> {
    p.report_due.as_ref().map(|due| format!("Report due {due}"))
}

/// `Excluded: 2 tickets under force-majeure, 1 under customer` (§11).
pub(crate) fn excluded_line(p: &PeriodReport) -> Option<String> {
    let parts: Vec<String> = p
        .excluded
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let noun = match (i, e.tickets) {
                (0, 1) => " ticket",
                (0, _) => " tickets",
                _ => "",
            };
            format!("{}{noun} under {}", e.tickets, e.clause)
        })
        .collect();
    (!parts.is_empty()).then(|| format!("Excluded: {}", parts.join(", ")))
}

fn target_row(out: &mut String, id: &str, tickets: u64, t: &TargetReport) {
    let _ = writeln!(
        out,
        "  {id:<10} {tickets:>8} {:>8} {:>8} {:>8} {:>9} {:>7} {:>9} {:>9}  {}",
        t.met,
        t.breached,
        t.pending,
        pct(t.attainment_percent),
        format!("{}%", plain(t.target_percent)),
        num(t.p50_minutes),
        num(t.p90_minutes),
        verdict(t.ok)
    );
}

/// The report as text tables, ending with a newline.
pub fn text(r: &ComplianceReport) -> String {
    let mut out = headline(r);
    out.push('\n');
    for skipped in [r.skipped_summary(), outages_skipped(r)]
        .into_iter()
        .flatten()
    {
        let _ = writeln!(out, "{skipped}");
    }
    for p in &r.periods {
        let _ = writeln!(out, "\n{}", p.period);
        for kind in TargetKind::ALL
            .into_iter()
            .filter(|_| !p.priorities.is_empty())
        {
            let _ = writeln!(
                out,
                "  {:<10} {:>8} {:>8} {:>8} {:>8} {:>9} {:>7} {:>9} {:>9}",
                kind.word(),
                "tickets",
                "met",
                "breached",
                "pending",
                "attained",
                "target",
                "p50 min",
                "p90 min"
            );
            for pr in &p.priorities {
                target_row(&mut out, &pr.id, pr.tickets, pr.target(kind));
            }
        }
        for line in [
            fcr_line(p),
            csat_line(p),
            excluded_line(p),
            report_due_line(p),
        ]
        .into_iter()
        .flatten()
        {
            let _ = writeln!(out, "  {line}");
        }
        for a in &p.availability {
            let _ = writeln!(out, "  {}", availability_line(a));
            for m in &a.maintenance {
                let _ = writeln!(out, "    {}", maintenance_line(m));
            }
        }
        super::credits_view::text(&mut out, p);
        let missed = if p.missed.is_empty() {
            "none".to_string()
        } else {
            p.missed.join(", ")
        };
        let _ = writeln!(out, "  missed: {missed}");
        if !p.no_data.is_empty() {
            let _ = writeln!(out, "  no data: {}", p.no_data.join(", "));
        }
    }
    let _ = writeln!(out, "\n{}", r.summary());
    out
}
