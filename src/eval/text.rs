//! The report as plain-text tables for a terminal: one block per period,
//! response and resolution per priority, then FCR, CSAT and what was missed.
//! The words are the view's ([`super::report_view`]); this lays them out,
//! padding by display width so Chinese columns line up.

use super::compliance::ComplianceReport;
use super::report_view::{TargetRow, View};
use crate::cjk::width;
use crate::model::{Lang, TargetKind};
use std::fmt::Write;

/// `s` padded with spaces to `columns` display columns, on the right.
fn left(s: &str, columns: usize) -> String {
    format!("{s}{}", " ".repeat(columns.saturating_sub(width(s))))
}

/// `s` padded with spaces to `columns` display columns, on the left.
fn right(s: &str, columns: usize) -> String {
    format!("{}{s}", " ".repeat(columns.saturating_sub(width(s))))
}

/// A row of the target table: the first cell 10 wide, the counts 8, the
/// figures 9 and 7.
fn row(first: &str, tickets: &str, figures: [&str; 7]) -> String {
    let [met, breached, pending, attained, target, p50, p90] = figures;
    format!(
        "  {} {} {} {} {} {} {} {} {}",
        left(first, 10),
        right(tickets, 8),
        right(met, 8),
        right(breached, 8),
        right(pending, 8),
        right(attained, 9),
        right(target, 7),
        right(p50, 9),
        right(p90, 9)
    )
}

fn target_row(out: &mut String, t: &TargetRow) {
    let counts = [t.tickets, t.met, t.breached, t.pending].map(|n| n.to_string());
    let [tickets, met, breached, pending] = counts.each_ref().map(String::as_str);
    let _ = writeln!(
        out,
        "{}  {}",
        row(
            &t.priority,
            tickets,
            [met, breached, pending, &t.attained, &t.goal, &t.p50, &t.p90]
        ),
        t.verdict
    );
}

/// The report as text tables in `lang`, ending with a newline.
pub fn text(r: &ComplianceReport, lang: Lang) -> String {
    let view = View::new(r, lang);
    let say = view.say;
    let mut out = view.headline();
    out.push('\n');
    for skipped in view.skipped() {
        let _ = writeln!(out, "{skipped}");
    }
    for p in &r.periods {
        let _ = writeln!(out, "\n{}", view.period(&p.period));
        for kind in TargetKind::ALL
            .into_iter()
            .filter(|_| !p.priorities.is_empty())
        {
            let _ = writeln!(
                out,
                "{}",
                row(say.kind(kind), say.col_tickets, say.figure_heads())
            );
            for pr in &p.priorities {
                target_row(&mut out, &view.target_row(pr, kind));
            }
        }
        for line in view.period_lines(p) {
            let _ = writeln!(out, "  {line}");
        }
        for a in &p.availability {
            let _ = writeln!(out, "  {}", view.availability_line(a));
            for m in &a.maintenance {
                let _ = writeln!(out, "    {}", view.maintenance_line(m));
            }
        }
        if let Some((rows, total)) = view.credits(p) {
            let line = |a: &str, b: &str, c: &str| {
                format!("  {} {} {}", left(a, 24), right(b, 9), right(c, 7))
            };
            let _ = writeln!(out, "{}", line(say.credit_line, say.actual, say.credit));
            for row in rows {
                let _ = writeln!(out, "{}", line(&row.metric, &row.actual, &row.credit));
            }
            let _ = writeln!(out, "  {total}");
        }
        let _ = writeln!(out, "  {}", view.missed_line(p));
        if let Some(no_data) = view.no_data_line(p) {
            let _ = writeln!(out, "  {no_data}");
        }
    }
    let _ = writeln!(out, "\n{}", view.summary());
    out
}
