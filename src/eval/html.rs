//! The report as one self-contained HTML page: inline CSS, inline SVG, no
//! scripts and no links out of the page. At the top, what was missed (each
//! missed ticket target's ✗ links to its breached tickets below); then per
//! priority two small charts — response and resolution attainment per
//! period, points joined by a line, the target as a dashed line, missed
//! periods in red — then the tables of every period (with the breached
//! tickets of each missed target: the count and the ten latest) and the
//! skipped rows. All text from the
//! contract and the log is escaped.

use super::compliance::{ComplianceReport, PeriodReport, Skipped};
use super::report_phrases::{fill, ReportPhrases};
use super::report_view::{breached_anchor, pct, plain, TargetRow, View};
use crate::model::{Lang, TargetKind};
use std::fmt::Write;

use crate::escape::html as esc;

const STYLE: &str = "
body{font-family:system-ui,-apple-system,'Segoe UI','Noto Sans','Noto Sans CJK SC',sans-serif;margin:24px auto;max-width:1120px;color:#1f2328;padding:0 16px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px}h3{font-size:15px;margin:0 0 6px}
.sub{color:#59636e;margin:0 0 16px}
.banner{padding:10px 14px;border-radius:6px;margin:12px 0;font-weight:600}
.bad{background:#ffebe9;border:1px solid #cf222e;color:#82071e}.good{background:#dafbe1;border:1px solid #1a7f37;color:#116329}.none{background:#f6f8fa;border:1px solid #8c959f;color:#1f2328}
.grid{display:grid;grid-template-columns:repeat(2,minmax(0,1fr));gap:12px}
.card{border:1px solid #d1d9e0;border-radius:6px;padding:10px 12px}
.card .t{color:#59636e;font-size:12px;margin-bottom:4px}
table{border-collapse:collapse;font-size:13px;margin:6px 0}
th,td{border-bottom:1px solid #d1d9e0;padding:4px 8px;text-align:right}
th:first-child,td:first-child,td.l,th.l{text-align:left}
th{background:#f6f8fa}
td.miss{color:#cf222e;font-weight:700}td.ok{color:#1a7f37}td.na{color:#59636e}
ul{margin:6px 0}
table.score td{text-align:center;font-size:15px;min-width:44px}table.score td:first-child{text-align:left;font-size:13px;white-space:nowrap}
table.score td.miss{background:#ffebe9}table.score td.ok{background:#dafbe1}
.legend{font-size:12px;color:#59636e;margin:6px 0}
";

/// The chart geometry.
const W: f64 = 520.0;
const H: f64 = 170.0;
const LEFT: f64 = 44.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 20.0;
const BOTTOM: f64 = 30.0;

/// Where a point's value goes: above a met point and below a missed one,
/// unless that would leave the plot (then the other side).
fn label_y(y: f64, missed: bool) -> f64 {
    let (above, below) = (y - 8.0, y + 16.0);
    let bottom = H - BOTTOM;
    match missed {
        true if below <= bottom - 2.0 => below,
        true => above,
        false if above >= TOP => above,
        false => below,
    }
}

/// A chart of one target's attainment per period against its target (the
/// contract's, drawn even when no period has data).
/// One point of a chart: the period's figure and its verdict.
#[derive(Clone, Copy)]
struct Point {
    value: Option<f64>,
    ok: Option<bool>,
}

/// `empty` says why no point is drawn when none has a value.
fn chart(
    say: &ReportPhrases,
    title: &str,
    periods: &[String],
    values: &[Point],
    target: f64,
    empty: &str,
) -> String {
    let lowest = values.iter().filter_map(|t| t.value).fold(target, f64::min);
    // The axis starts at a multiple of 10 below everything shown.
    let lo = ((lowest - 2.0) / 10.0).floor().clamp(0.0, 9.0) * 10.0;
    let hi = 100.0;
    let n = periods.len().max(1);
    let step = (W - LEFT - RIGHT) / n as f64;
    let x = |i: usize| LEFT + step * (i as f64 + 0.5);
    let y = |v: f64| TOP + (hi - v) / (hi - lo) * (H - TOP - BOTTOM);
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {W} {H}\" width=\"100%\" role=\"img\" aria-label=\"{}\" font-size=\"11\" font-family=\"system-ui,sans-serif\">",
        esc(title)
    );
    // Grid: the axis bottom, halfway, and 100%.
    for v in [lo, (lo + hi) / 2.0, hi] {
        let _ = write!(
            s,
            "<line x1=\"{LEFT}\" x2=\"{}\" y1=\"{y:.1}\" y2=\"{y:.1}\" stroke=\"#d1d9e0\"/><text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"#59636e\">{}%</text>",
            W - RIGHT,
            LEFT - 6.0,
            y(v) + 4.0,
            plain(v),
            y = y(v)
        );
    }
    // The target line.
    let ty = y(target);
    let _ = write!(
        s,
        "<line x1=\"{LEFT}\" x2=\"{}\" y1=\"{ty:.1}\" y2=\"{ty:.1}\" stroke=\"#0969da\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/><text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"#0969da\">{}</text>",
        W - RIGHT,
        W - RIGHT,
        ty - 4.0,
        esc(&fill(say.chart_target, &[&plain(target)]))
    );
    // The line through the decided periods.
    let points: Vec<String> = values
        .iter()
        .enumerate()
        .filter_map(|(i, t)| t.value.map(|v| format!("{:.1},{:.1}", x(i), y(v))))
        .collect();
    if points.len() > 1 {
        let _ = write!(
            s,
            "<polyline points=\"{}\" fill=\"none\" stroke=\"#59636e\" stroke-width=\"1.5\"/>",
            points.join(" ")
        );
    }
    if points.is_empty() {
        let _ = write!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"#59636e\" font-size=\"13\">{}</text>",
            (LEFT + W - RIGHT) / 2.0,
            (TOP + H - BOTTOM) / 2.0 + 14.0,
            esc(empty)
        );
    }
    let label_every = if n > 8 { 2 } else { 1 };
    for (i, (period, t)) in periods.iter().zip(values).enumerate() {
        if i % label_every == 0 {
            let _ = write!(
                s,
                "<text x=\"{:.1}\" y=\"{}\" text-anchor=\"middle\" fill=\"#59636e\">{}</text>",
                x(i),
                H - 10.0,
                esc(period)
            );
        }
        let Some(v) = t.value else {
            let _ = write!(
                s,
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"#8c959f\">{}</text>",
                x(i),
                H - BOTTOM - 4.0,
                esc(say.not_available)
            );
            continue;
        };
        let missed = t.ok == Some(false);
        let (fill, r) = if missed {
            ("#cf222e", 5.0)
        } else {
            ("#1a7f37", 4.0)
        };
        let _ = write!(
            s,
            "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"{r}\" fill=\"{fill}\"><title>{}: {}</title></circle>",
            x(i),
            y(v),
            esc(period),
            pct(Some(v))
        );
        if n <= 12 && (missed || n <= 6) {
            let _ = write!(
                s,
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"{fill}\" font-weight=\"600\">{}</text>",
                x(i),
                label_y(y(v), missed),
                format_args!("{v:.1}")
            );
        }
    }
    s.push_str("</svg>");
    s
}

fn cell(t: &TargetRow) -> String {
    let class = match t.ok {
        Some(true) => "ok",
        Some(false) => "miss",
        None => "na",
    };
    format!(
        "<td>{}</td><td>{}</td><td>{}</td><td class=\"{class}\">{}</td><td>{}</td><td>{}</td><td>{}</td>",
        t.met, t.breached, t.pending, t.attained, t.goal, t.p50, t.p90
    )
}

/// One row per target, one column per period: ✓ met, ✗ missed, – no data.
fn scorecard(view: &View) -> String {
    let (r, say) = (view.r, view.say);
    let mut s = format!(
        "<h2>{}</h2><table class=\"score\"><tr><th class=\"l\">{}</th>",
        esc(say.scorecard),
        esc(say.target)
    );
    for p in &r.periods {
        let _ = write!(s, "<th>{}</th>", esc(&view.period(&p.period)));
    }
    s.push_str("</tr>");
    let mark = |ok: Option<bool>, title: String| {
        let (class, sign) = match ok {
            Some(true) => ("ok", "✓"),
            Some(false) => ("miss", "✗"),
            None => ("na", "–"),
        };
        format!(
            "<td class=\"{class}\" title=\"{}\">{sign}</td>",
            esc(&title)
        )
    };
    // A missed ticket target's ✗ links to its breached tickets.
    let linked = |cell: String, anchor: Option<String>| match anchor {
        Some(anchor) => cell.replacen("✗", &format!("<a href=\"#{}\">✗</a>", esc(&anchor)), 1),
        None => cell,
    };
    for (i, info) in r.priorities.iter().enumerate() {
        for kind in TargetKind::ALL {
            let _ = write!(s, "<tr><td>{} {}</td>", esc(&info.id), esc(say.kind(kind)));
            for p in &r.periods {
                let t = p.priorities.get(i).map(|x| x.target(kind));
                let ok = t.and_then(|t| t.ok);
                let value = t.map(|t| pct(t.attainment_percent)).unwrap_or_default();
                let anchor = (ok == Some(false))
                    .then(|| {
                        r.breached.iter().find(|b| {
                            b.period == p.period && b.priority == info.id && b.target == kind
                        })
                    })
                    .flatten()
                    .map(|b| breached_anchor(&b.period, &b.priority, b.target));
                s.push_str(&linked(mark(ok, value), anchor));
            }
            s.push_str("</tr>");
        }
    }
    if r.periods.iter().any(|p| p.fcr.is_some()) {
        let _ = write!(s, "<tr><td>{}</td>", esc(say.fcr_short));
        for p in &r.periods {
            let f = p.fcr.as_ref();
            s.push_str(&mark(f.and_then(|f| f.ok), pct(f.and_then(|f| f.percent))));
        }
        s.push_str("</tr>");
    }
    let mut channels: Vec<&str> = Vec::new();
    for a in r.periods.iter().flat_map(|p| &p.availability) {
        if !channels.contains(&a.channel.as_str()) {
            channels.push(&a.channel);
        }
    }
    for channel in channels {
        let _ = write!(
            s,
            "<tr><td>{}</td>",
            esc(&fill(say.scorecard_availability, &[channel]))
        );
        for p in &r.periods {
            let a = p.availability.iter().find(|a| a.channel == channel);
            let value = a.map(|a| pct(a.percent)).unwrap_or_default();
            s.push_str(&mark(a.and_then(|a| a.ok), value));
        }
        s.push_str("</tr>");
    }
    if r.periods.iter().any(|p| p.csat.is_some()) {
        let _ = write!(s, "<tr><td>{}</td>", esc(say.csat_short));
        for p in &r.periods {
            let line = view.csat_line(p).unwrap_or_default();
            s.push_str(&mark(p.csat.as_ref().and_then(|c| c.ok()), line));
        }
        s.push_str("</tr>");
    }
    s.push_str("</table>");
    s
}

/// The report as a self-contained HTML page in `lang`.
pub fn html(r: &ComplianceReport, lang: Lang) -> String {
    let view = View::new(r, lang);
    let say = view.say;
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\">",
        lang.code()
    );
    let title = fill(say.html_title, &[&r.title]);
    let _ = write!(
        out,
        "<title>{}</title><style>{STYLE}</style></head><body>",
        esc(&title)
    );
    let _ = write!(
        out,
        "<h1>{} <span style=\"color:#59636e;font-weight:400\">{}</span></h1>\
         <p class=\"sub\">{}</p>",
        esc(&title),
        esc(fill(say.aside, &[&r.contract]).trim_start()),
        view.subtitle()
            .iter()
            .map(|s| esc(s))
            .collect::<Vec<_>>()
            .join(" · ")
    );
    if r.all_met() {
        let _ = write!(out, "<div class=\"banner good\">{}</div>", esc(say.all_met));
    } else if r.missed.is_empty() {
        let _ = write!(
            out,
            "<div class=\"banner none\">{}</div>",
            esc(&view.summary())
        );
    } else {
        let _ = write!(
            out,
            "<div class=\"banner bad\">{}</div>",
            esc(&fill(say.banner_missed, &[&view.summary_body()]))
        );
    }
    if r.periods.is_empty() {
        let _ = write!(out, "<p class=\"legend\">{}</p>", esc(say.no_period));
    }
    out.push_str(&scorecard(&view));
    let _ = write!(
        out,
        "<h2>{}</h2><p class=\"legend\">{} <span style=\"color:#1a7f37\">●</span> {}{}<span style=\"color:#cf222e\">●</span> {}</p><div class=\"grid\">",
        esc(say.attainment_per_period),
        esc(say.attainment_legend),
        esc(say.met_dot),
        esc(say.list_separator),
        esc(say.missed_dot)
    );
    let periods: Vec<String> = r.periods.iter().map(|p| view.period(&p.period)).collect();
    for (i, info) in r.priorities.iter().enumerate() {
        for kind in TargetKind::ALL {
            let values: Vec<Point> = r
                .periods
                .iter()
                .filter_map(|p| p.priorities.get(i))
                .map(|p| {
                    let t = p.target(kind);
                    Point {
                        value: t.attainment_percent,
                        ok: t.ok,
                    }
                })
                .collect();
            let title = format!("{} {} — {}", info.id, info.label, say.kind(kind));
            let _ = write!(
                out,
                "<div class=\"card\"><h3>{}</h3><div class=\"t\">{}</div>{}</div>",
                esc(&title),
                esc(&fill(
                    say.kind_within,
                    &[say.kind(kind), &view.target_words(info, kind)]
                )),
                chart(
                    say,
                    &title,
                    &periods,
                    &values,
                    info.target_percent(kind),
                    say.no_ticket_decided
                )
            );
        }
    }
    out.push_str("</div>");
    availability_charts(&mut out, &view, &periods);
    for p in &r.periods {
        let _ = write!(out, "<h2>{}</h2>", esc(&view.period(&p.period)));
        if !p.priorities.is_empty() {
            ticket_table(&mut out, &view, p);
        }
        availability_table(&mut out, &view, p);
        credits_table(&mut out, &view, p);
        out.push_str("<ul>");
        for line in view.period_lines(p) {
            let _ = write!(out, "<li>{}</li>", esc(&line));
        }
        if !p.missed.is_empty() {
            let _ = write!(
                out,
                "<li><strong style=\"color:#cf222e\">{} {}</strong></li>",
                esc(say.missed_label),
                esc(&view.targets(&p.missed))
            );
        }
        if !p.no_data.is_empty() {
            let _ = write!(
                out,
                "<li>{} {}</li>",
                esc(say.no_data_label),
                esc(&view.targets(&p.no_data))
            );
        }
        out.push_str("</ul>");
        for b in view.breached(p) {
            let _ = write!(
                out,
                "<h3 id=\"{}\">{}</h3><table><tr><th class=\"l\">{}</th><th>{}</th><th>{}</th></tr>",
                esc(&b.anchor),
                esc(&b.title),
                esc(say.head_ticket),
                esc(say.head_late_open),
                esc(say.head_late_wall)
            );
            for (id, late_open, late) in &b.rows {
                let _ = write!(
                    out,
                    "<tr><td class=\"l\">{}</td><td>{}</td><td>{}</td></tr>",
                    esc(id),
                    esc(late_open),
                    esc(late)
                );
            }
            out.push_str("</table>");
        }
    }
    skipped_table(&mut out, say, say.skipped_rows, &r.skipped, r.skipped_total);
    if let Some(o) = &r.outages {
        skipped_table(
            &mut out,
            say,
            say.skipped_outage_rows,
            &o.skipped,
            o.skipped_total,
        );
    }
    out.push_str("</body></html>\n");
    out
}

/// The tickets of one period, per priority.
fn ticket_table(out: &mut String, view: &View, p: &PeriodReport) {
    let say = view.say;
    let _ = write!(
        out,
        "<table><tr><th rowspan=\"2\">{}</th><th rowspan=\"2\">{}</th><th colspan=\"7\" class=\"l\">{}</th><th colspan=\"7\" class=\"l\">{}</th></tr><tr>",
        esc(say.head_priority),
        esc(say.head_tickets),
        esc(say.kind_head(TargetKind::Response)),
        esc(say.kind_head(TargetKind::Resolution))
    );
    for _ in 0..2 {
        for head in say.figure_heads() {
            let _ = write!(out, "<th>{}</th>", esc(head));
        }
    }
    out.push_str("</tr>");
    for pr in &p.priorities {
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{}</td>{}{}</tr>",
            esc(&pr.id),
            pr.tickets,
            cell(&view.target_row(pr, TargetKind::Response)),
            cell(&view.target_row(pr, TargetKind::Resolution))
        );
    }
    out.push_str("</table>");
}

/// The credits of one period: a row per line (no data grey, a line that
/// earns a credit red) and the total.
fn credits_table(out: &mut String, view: &View, p: &PeriodReport) {
    let Some((rows, total)) = view.credits(p) else {
        return;
    };
    let say = view.say;
    let _ = write!(
        out,
        "<table><tr><th class=\"l\">{}</th><th>{}</th><th>{}</th></tr>",
        esc(say.credit_line_head),
        esc(say.actual),
        esc(say.credit)
    );
    for row in rows {
        let class = match row.earns {
            None => "na",
            Some(true) => "miss",
            Some(false) => "ok",
        };
        let _ = write!(
            out,
            "<tr><td class=\"l\">{}</td><td class=\"{class}\">{}</td><td>{}</td></tr>",
            esc(&row.metric),
            esc(&row.actual),
            esc(&row.credit)
        );
    }
    let _ = write!(out, "</table><p>{}</p>", esc(&total));
}

/// Availability of each channel against its target, one chart a channel.
fn availability_charts(out: &mut String, view: &View, periods: &[String]) {
    let (r, say) = (view.r, view.say);
    let mut channels: Vec<(&str, f64)> = Vec::new();
    for a in r.periods.iter().flat_map(|p| &p.availability) {
        if !channels.iter().any(|(c, _)| *c == a.channel) {
            channels.push((&a.channel, a.target_percent));
        }
    }
    if channels.is_empty() {
        return;
    }
    let _ = write!(
        out,
        "<h2>{}</h2><p class=\"legend\">{}</p><div class=\"grid\">",
        esc(say.availability_per_period),
        esc(say.availability_legend)
    );
    for (channel, target) in channels {
        let values: Vec<Point> = r
            .periods
            .iter()
            .map(|p| {
                let a = p.availability.iter().find(|a| a.channel == channel);
                Point {
                    value: a.and_then(|a| a.percent),
                    ok: a.and_then(|a| a.ok),
                }
            })
            .collect();
        let title = fill(say.channel_availability, &[channel]);
        let _ = write!(
            out,
            "<div class=\"card\"><h3>{}</h3><div class=\"t\">{}</div>{}</div>",
            esc(&title),
            esc(&fill(say.availability_percent, &[&plain(target)])),
            chart(say, &title, periods, &values, target, say.no_open_time)
        );
    }
    out.push_str("</div>");
}

/// The availability figures of one period and what each maintenance row
/// counted.
fn availability_table(out: &mut String, view: &View, p: &PeriodReport) {
    if p.availability.is_empty() {
        return;
    }
    let say = view.say;
    out.push_str("<table><tr>");
    for head in [
        say.head_channel,
        say.head_open_min,
        say.head_downtime_min,
        say.head_excluded_min,
        say.head_availability,
        say.head_target_percent,
    ] {
        let _ = write!(out, "<th>{}</th>", esc(head));
    }
    out.push_str("</tr>");
    for a in &p.availability {
        let class = match a.ok {
            Some(true) => "ok",
            Some(false) => "miss",
            None => "na",
        };
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"{class}\">{}</td><td>{}%</td></tr>",
            esc(&a.channel),
            plain(a.scheduled_minutes),
            plain(a.downtime_minutes),
            plain(a.excluded_minutes),
            pct(a.percent),
            plain(a.target_percent)
        );
    }
    out.push_str("</table>");
    let lines: Vec<String> = p
        .availability
        .iter()
        .flat_map(|a| {
            a.maintenance
                .iter()
                .map(move |m| format!("{}{}{}", a.channel, say.colon, view.maintenance_line(m)))
        })
        .collect();
    if !lines.is_empty() {
        out.push_str("<ul>");
        for line in lines {
            let _ = write!(out, "<li>{}</li>", esc(&line));
        }
        out.push_str("</ul>");
    }
}

fn skipped_table(
    out: &mut String,
    say: &ReportPhrases,
    title: &str,
    skipped: &[Skipped],
    total: u64,
) {
    if skipped.is_empty() {
        return;
    }
    let _ = write!(
        out,
        "<h2>{}</h2><table><tr><th>{}</th><th class=\"l\">{}</th></tr>",
        esc(title),
        esc(say.head_line),
        esc(say.head_reason)
    );
    for s in skipped {
        let _ = write!(
            out,
            "<tr><td>{}</td><td class=\"l\">{}</td></tr>",
            s.line,
            esc(&s.reason.words(say.lang))
        );
    }
    out.push_str("</table>");
    let unlisted = total - skipped.len() as u64;
    if unlisted > 0 {
        let _ = write!(
            out,
            "<p>{}</p>",
            esc(&fill(say.and_more, &[&unlisted.to_string()]))
        );
    }
}
