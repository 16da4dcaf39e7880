//! The report in Markdown, for a pull request or a mail: a summary, one
//! table per period, and the skipped rows.

use super::compliance::{ComplianceReport, Skipped};
use super::text::{
    availability_line, csat_line, excluded_line, fcr_line, headline, maintenance_line, num,
    outages_skipped, pct, plain, report_due_line, verdict,
};
use crate::escape::markdown as escape;
use crate::model::TargetKind;
use std::fmt::Write;

/// The report as Markdown, ending with a newline.
pub fn markdown(r: &ComplianceReport) -> String {
    let mut out = format!("# SLA compliance: {}\n\n", escape(&headline(r)));
    let _ = writeln!(out, "**{}**", escape(&r.summary()));
    if !r.missed.is_empty() {
        let _ = writeln!(out, "\nMissed: {}", escape(&r.missed.join(", ")));
    }
    for skipped in [r.skipped_summary(), outages_skipped(r)]
        .into_iter()
        .flatten()
    {
        let _ = writeln!(out, "\n{} (listed below).", escape(&skipped));
    }
    out.push_str("\n| Priority | Response target | Resolution target |\n|---|---|---|\n");
    for p in &r.priorities {
        let _ = writeln!(
            out,
            "| {} {} | {} | {} |",
            escape(&p.id),
            escape(&p.label),
            escape(&p.response),
            escape(&p.resolution)
        );
    }
    for p in &r.periods {
        let _ = writeln!(out, "\n## {}\n", escape(&p.period));
        if p.priorities.is_empty() {
            out.push_str("No tickets.\n");
        } else {
            out.push_str(
            "| Priority | Tickets | Target | Met | Breached | Pending | Attained | Goal | p50 min | p90 min | |\n\
             |---|--:|---|--:|--:|--:|--:|--:|--:|--:|---|\n",
        );
            for pr in &p.priorities {
                for kind in TargetKind::ALL {
                    let t = pr.target(kind);
                    let mark = match t.ok {
                        Some(false) => "**missed**",
                        other => verdict(other),
                    };
                    let _ = writeln!(
                        out,
                        "| {} | {} | {kind} | {} | {} | {} | {} | {}% | {} | {} | {mark} |",
                        escape(&pr.id),
                        pr.tickets,
                        t.met,
                        t.breached,
                        t.pending,
                        pct(t.attainment_percent),
                        plain(t.target_percent),
                        num(t.p50_minutes),
                        num(t.p90_minutes),
                    );
                }
            }
        }
        let mut lines: Vec<String> = [
            fcr_line(p),
            csat_line(p),
            excluded_line(p),
            report_due_line(p),
        ]
        .into_iter()
        .flatten()
        .collect();
        for a in &p.availability {
            lines.push(availability_line(a));
            lines.extend(
                a.maintenance
                    .iter()
                    .map(|m| format!("  {}", maintenance_line(m))),
            );
        }
        if !lines.is_empty() {
            out.push('\n');
            for line in lines {
                let _ = writeln!(out, "- {}", escape(&line));
            }
        }
        super::credits_view::markdown(&mut out, p);
        if !p.missed.is_empty() {
            let _ = writeln!(out, "\n**Missed:** {}", escape(&p.missed.join(", ")));
        }
        if !p.no_data.is_empty() {
            let _ = writeln!(out, "\n**No data:** {}", escape(&p.no_data.join(", ")));
        }
    }
    skipped_table(&mut out, "Skipped rows", &r.skipped, r.skipped_total);
    if let Some(o) = &r.outages {
        skipped_table(&mut out, "Skipped outage rows", &o.skipped, o.skipped_total);
    }
    out
}

fn skipped_table(out: &mut String, title: &str, skipped: &[Skipped], total: u64) {
    if skipped.is_empty() {
        return;
    }
    let _ = write!(out, "\n## {title}\n\n| Line | Reason |\n|--:|---|\n");
    for s in skipped {
        let _ = writeln!(out, "| {} | {} |", s.line, escape(&s.reason));
    }
    let unlisted = total - skipped.len() as u64;
    if unlisted > 0 {
        let _ = writeln!(out, "\n… and {unlisted} more.");
    }
}
