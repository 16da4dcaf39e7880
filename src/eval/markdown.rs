//! The report in Markdown, for a pull request or a mail: a summary, one
//! table per period, and the skipped rows. The words are the view's
//! ([`super::report_view`]); this lays them out and escapes them.

use super::compliance::{ComplianceReport, Skipped};
use super::report_phrases::fill;
use super::report_view::View;
use crate::escape::markdown as escape;
use crate::model::{Lang, TargetKind};
use std::fmt::Write;

/// A row of a Markdown table, each cell escaped.
fn table_row(cells: &[&str]) -> String {
    let cells: Vec<String> = cells.iter().map(|c| escape(c)).collect();
    format!("| {} |", cells.join(" | "))
}

/// The report as Markdown in `lang`, ending with a newline.
pub fn markdown(r: &ComplianceReport, lang: Lang) -> String {
    let view = View::new(r, lang);
    let say = view.say;
    let mut out = format!("# {}\n\n", escape(&fill(say.md_title, &[&view.headline()])));
    let _ = writeln!(out, "**{}**", escape(&view.summary()));
    if !r.missed.is_empty() {
        let _ = writeln!(
            out,
            "\n{}",
            escape(&fill(say.md_missed, &[&view.missed_everywhere()]))
        );
    }
    for skipped in view.skipped() {
        let _ = writeln!(out, "\n{}", escape(&fill(say.md_listed_below, &[&skipped])));
    }
    let _ = writeln!(
        out,
        "\n{}\n|---|---|---|",
        table_row(&[
            say.head_priority,
            say.head_response_target,
            say.head_resolution_target
        ])
    );
    for p in &r.priorities {
        let _ = writeln!(
            out,
            "{}",
            table_row(&[
                &format!("{} {}", p.id, p.label),
                &view.target_words(p, TargetKind::Response),
                &view.target_words(p, TargetKind::Resolution),
            ])
        );
    }
    for p in &r.periods {
        let _ = writeln!(out, "\n## {}\n", escape(&view.period(&p.period)));
        if p.priorities.is_empty() {
            let _ = writeln!(out, "{}", say.no_tickets);
        } else {
            let _ = writeln!(
                out,
                "{} |\n|---|--:|---|--:|--:|--:|--:|--:|--:|--:|---|",
                table_row(&[
                    say.head_priority,
                    say.head_tickets,
                    say.head_target,
                    say.head_met,
                    say.head_breached,
                    say.head_pending,
                    say.head_attained,
                    say.head_goal,
                    say.head_p50,
                    say.head_p90,
                ])
            );
            for pr in &p.priorities {
                for kind in TargetKind::ALL {
                    let t = view.target_row(pr, kind);
                    let mark = match t.ok {
                        Some(false) => say.md_missed_mark,
                        Some(true) | None => t.verdict,
                    };
                    let _ = writeln!(
                        out,
                        "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} | {mark} |",
                        escape(&t.priority),
                        t.tickets,
                        escape(t.kind),
                        t.met,
                        t.breached,
                        t.pending,
                        t.attained,
                        t.goal,
                        t.p50,
                        t.p90,
                    );
                }
            }
        }
        let mut lines = view.period_lines(p);
        for a in &p.availability {
            lines.push(view.availability_line(a));
            lines.extend(
                a.maintenance
                    .iter()
                    .map(|m| format!("  {}", view.maintenance_line(m))),
            );
        }
        if !lines.is_empty() {
            out.push('\n');
            for line in lines {
                let _ = writeln!(out, "- {}", escape(&line));
            }
        }
        if let Some((rows, total)) = view.credits(p) {
            let _ = writeln!(
                out,
                "\n{}\n|---|--:|--:|",
                table_row(&[say.credit_line_head, say.actual_head, say.credit_head])
            );
            for row in rows {
                let _ = writeln!(
                    out,
                    "{}",
                    table_row(&[&row.metric, &row.actual, &row.credit])
                );
            }
            let _ = writeln!(out, "\n**{}**", escape(&total));
        }
        if !p.missed.is_empty() {
            let _ = writeln!(
                out,
                "\n**{}** {}",
                say.missed_label,
                escape(&view.targets(&p.missed))
            );
        }
        if !p.no_data.is_empty() {
            let _ = writeln!(
                out,
                "\n**{}** {}",
                say.no_data_label,
                escape(&view.targets(&p.no_data))
            );
        }
    }
    skipped_table(
        &mut out,
        &view,
        say.skipped_rows,
        &r.skipped,
        r.skipped_total,
    );
    if let Some(o) = &r.outages {
        skipped_table(
            &mut out,
            &view,
            say.skipped_outage_rows,
            &o.skipped,
            o.skipped_total,
        );
    }
    out
}

fn skipped_table(out: &mut String, view: &View, title: &str, skipped: &[Skipped], total: u64) {
    if skipped.is_empty() {
        return;
    }
    let say = view.say;
    let _ = write!(
        out,
        "\n## {title}\n\n{}\n|--:|---|\n",
        table_row(&[say.head_line, say.head_reason])
    );
    for s in skipped {
        let _ = writeln!(
            out,
            "| {} | {} |",
            s.line,
            escape(&s.reason.words(say.lang))
        );
    }
    let unlisted = total - skipped.len() as u64;
    if unlisted > 0 {
        let _ = writeln!(
            out,
            "\n{}",
            escape(&fill(say.and_more, &[&unlisted.to_string()]))
        );
    }
}
