//! The credits of a period in the text, Markdown and HTML reports: a row
//! per credit line (its figure and the credit it earns) and one line for
//! the total, the amount and the claim deadline.

use super::compliance::PeriodReport;
use super::credits::{CreditLineReport, CreditsReport, FigureUnit};
use super::text::plain;
use crate::escape::{html as esc, markdown as md};
use std::fmt::Write;

/// The line's figure: `99.95%`, `4.40`, or `no data` (it earns nothing).
fn actual(line: &CreditLineReport) -> String {
    match (line.actual, line.unit) {
        (None, FigureUnit::Percent | FigureUnit::Score) => "no data".into(),
        (Some(a), FigureUnit::Percent) => format!("{a:.2}%"),
        (Some(a), FigureUnit::Score) => format!("{a:.2}"),
    }
}

fn credit(line: &CreditLineReport) -> String {
    format!("{}%", plain(line.credit_percent))
}

/// `Credits 30% (capped at 30%) of 150000.00 CNY = 45000.00 CNY as
/// voucher; claim by 2027-05-01T00:00:00+08:00`.
pub(crate) fn total_line(c: &CreditsReport) -> String {
    let mut s = format!("Credits {}%", plain(c.total_percent));
    if let (true, Some(cap)) = (c.capped, c.cap_percent) {
        let _ = write!(s, " (the lines' sum capped at {}%)", plain(cap));
    }
    let currency = c.currency.as_deref().unwrap_or_default();
    match (&c.fee, &c.amount) {
        (Some(fee), Some(amount)) => {
            let _ = write!(s, " of the fee {fee} {currency} = {amount} {currency}");
        }
        (None, _) | (_, None) => s.push_str(" of the fee"),
    }
    if let Some(form) = c.form {
        let _ = write!(s, " as {form}");
    }
    match &c.claim_by {
        Some(by) => {
            let _ = write!(s, "; claim by {by}");
        }
        None => s.push_str("; no claim window stated"),
    }
    s
}

/// Under a period of the text report.
pub(crate) fn text(out: &mut String, p: &PeriodReport) {
    let Some(c) = &p.credits else { return };
    let _ = writeln!(
        out,
        "  {:<24} {:>9} {:>7}",
        "credit line", "actual", "credit"
    );
    for line in &c.lines {
        let _ = writeln!(
            out,
            "  {:<24} {:>9} {:>7}",
            line.metric,
            actual(line),
            credit(line)
        );
    }
    let _ = writeln!(out, "  {}", total_line(c));
}

/// A table under a period of the Markdown report.
pub(crate) fn markdown(out: &mut String, p: &PeriodReport) {
    let Some(c) = &p.credits else { return };
    out.push_str("\n| Credit line | Actual | Credit |\n|---|--:|--:|\n");
    for line in &c.lines {
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            md(&line.metric),
            actual(line),
            credit(line)
        );
    }
    let _ = writeln!(out, "\n**{}**", md(&total_line(c)));
}

/// A table under a period of the HTML report.
pub(crate) fn html(out: &mut String, p: &PeriodReport) {
    let Some(c) = &p.credits else { return };
    out.push_str("<table><tr><th class=\"l\">Credit line</th><th>actual</th><th>credit</th></tr>");
    for line in &c.lines {
        let class = match (line.actual, line.credit_percent > 0.0) {
            (None, _) => "na",
            (Some(_), true) => "miss",
            (Some(_), false) => "ok",
        };
        let _ = write!(
            out,
            "<tr><td class=\"l\">{}</td><td class=\"{class}\">{}</td><td>{}</td></tr>",
            esc(&line.metric),
            esc(&actual(line)),
            esc(&credit(line))
        );
    }
    let _ = write!(out, "</table><p>{}</p>", esc(&total_line(c)));
}
