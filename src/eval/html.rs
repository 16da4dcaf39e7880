//! The report as one self-contained HTML page: inline CSS, inline SVG, no
//! scripts and no links out of the page. At the top, what was missed (each
//! missed ticket target's ✗ links to its breached tickets below); then per
//! priority two small charts — response and resolution attainment per
//! period, points joined by a line, the target as a dashed line, missed
//! periods in red — then the tables of every period (with the breached
//! tickets of each missed target: the count and the ten latest) and the
//! skipped rows. All text from the
//! contract and the log is escaped.

use super::compliance::{ComplianceReport, PeriodReport, Skipped, TargetReport};
use super::evidence::BreachedTickets;
use super::text::{
    csat_line, excluded_line, fcr_line, maintenance_line, num, outages_skipped, pct, plain,
    report_due_line,
};
use crate::model::TargetKind;
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

impl Point {
    fn of_target(t: &TargetReport) -> Point {
        Point {
            value: t.attainment_percent,
            ok: t.ok,
        }
    }
}

/// `empty` says why no point is drawn when none has a value.
fn chart(title: &str, periods: &[&str], values: &[Point], target: f64, empty: &str) -> String {
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
        "<line x1=\"{LEFT}\" x2=\"{}\" y1=\"{ty:.1}\" y2=\"{ty:.1}\" stroke=\"#0969da\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/><text x=\"{}\" y=\"{:.1}\" text-anchor=\"end\" fill=\"#0969da\">target {}%</text>",
        W - RIGHT,
        W - RIGHT,
        ty - 4.0,
        plain(target)
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
                "<text x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"middle\" fill=\"#8c959f\">n/a</text>",
                x(i),
                H - BOTTOM - 4.0
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

fn cell(t: &TargetReport) -> String {
    let class = match t.ok {
        Some(true) => "ok",
        Some(false) => "miss",
        None => "na",
    };
    format!(
        "<td>{}</td><td>{}</td><td>{}</td><td class=\"{class}\">{}</td><td>{}%</td><td>{}</td><td>{}</td>",
        t.met,
        t.breached,
        t.pending,
        pct(t.attainment_percent),
        plain(t.target_percent),
        num(t.p50_minutes),
        num(t.p90_minutes)
    )
}

/// One row per target, one column per period: ✓ met, ✗ missed, – no data.
fn scorecard(r: &ComplianceReport) -> String {
    let mut s =
        String::from("<h2>Scorecard</h2><table class=\"score\"><tr><th class=\"l\">Target</th>");
    for p in &r.periods {
        let _ = write!(s, "<th>{}</th>", esc(&p.period));
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
        Some(anchor) => cell.replacen("✗", &format!("<a href=\"#{anchor}\">✗</a>"), 1),
        None => cell,
    };
    for (i, info) in r.priorities.iter().enumerate() {
        for kind in TargetKind::ALL {
            let _ = write!(s, "<tr><td>{} {kind}</td>", esc(&info.id));
            for p in &r.periods {
                let t = p.priorities.get(i).map(|x| x.target(kind));
                let ok = t.and_then(|t| t.ok);
                let value = t.map(|t| pct(t.attainment_percent)).unwrap_or_default();
                let anchor = (ok == Some(false))
                    .then(|| breached(r, &p.period, &info.id, kind))
                    .flatten()
                    .map(breached_anchor);
                s.push_str(&linked(mark(ok, value), anchor));
            }
            s.push_str("</tr>");
        }
    }
    if r.periods.iter().any(|p| p.fcr.is_some()) {
        s.push_str("<tr><td>FCR</td>");
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
        let _ = write!(s, "<tr><td>{} availability</td>", esc(channel));
        for p in &r.periods {
            let a = p.availability.iter().find(|a| a.channel == channel);
            let value = a.map(|a| pct(a.percent)).unwrap_or_default();
            s.push_str(&mark(a.and_then(|a| a.ok), value));
        }
        s.push_str("</tr>");
    }
    if r.periods.iter().any(|p| p.csat.is_some()) {
        s.push_str("<tr><td>CSAT</td>");
        for p in &r.periods {
            let line = csat_line(p).unwrap_or_default();
            s.push_str(&mark(p.csat.as_ref().and_then(|c| c.ok()), line));
        }
        s.push_str("</tr>");
    }
    s.push_str("</table>");
    s
}

/// The report as a self-contained HTML page.
pub fn html(r: &ComplianceReport) -> String {
    let mut out = String::from("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
    let _ = write!(
        out,
        "<title>SLA compliance — {}</title><style>{STYLE}</style></head><body>",
        esc(&r.title)
    );
    let _ = write!(
        out,
        "<h1>SLA compliance — {} <span style=\"color:#59636e;font-weight:400\">({})</span></h1>\
         <p class=\"sub\">{} tickets · {} periods in {} · as of {}{}</p>",
        esc(&r.title),
        esc(&r.contract),
        r.tickets,
        r.period,
        esc(&r.timezone),
        esc(&r.as_of),
        [r.skipped_summary(), outages_skipped(r)]
            .into_iter()
            .flatten()
            .map(|s| format!(" · {}", esc(&s)))
            .collect::<String>()
    );
    if r.all_met() {
        out.push_str("<div class=\"banner good\">All targets met.</div>");
    } else if r.missed.is_empty() {
        let _ = write!(
            out,
            "<div class=\"banner none\">{}</div>",
            esc(&r.summary())
        );
    } else {
        let _ = write!(
            out,
            "<div class=\"banner bad\">{} — see the red cells below.</div>",
            esc(r.summary().trim_end_matches('.'))
        );
    }
    if r.periods.is_empty() {
        out.push_str(
            "<p class=\"legend\">No period has a ticket: every target below has no data.</p>",
        );
    }
    out.push_str(&scorecard(r));
    out.push_str("<h2>Attainment per period</h2><p class=\"legend\">Each point is the share of decided tickets that met the target in that period; the dashed line is the target. <span style=\"color:#1a7f37\">●</span> met the target, <span style=\"color:#cf222e\">●</span> missed it.</p><div class=\"grid\">");
    let periods: Vec<&str> = r.periods.iter().map(|p| p.period.as_str()).collect();
    for (i, info) in r.priorities.iter().enumerate() {
        for kind in TargetKind::ALL {
            let values: Vec<Point> = r
                .periods
                .iter()
                .filter_map(|p| p.priorities.get(i))
                .map(|p| Point::of_target(p.target(kind)))
                .collect();
            let title = format!("{} {} — {kind}", info.id, info.label);
            let _ = write!(
                out,
                "<div class=\"card\"><h3>{}</h3><div class=\"t\">{kind} within {}</div>{}</div>",
                esc(&title),
                esc(info.words(kind)),
                chart(
                    &title,
                    &periods,
                    &values,
                    info.target_percent(kind),
                    "no data: no ticket decided"
                )
            );
        }
    }
    out.push_str("</div>");
    availability_charts(&mut out, r, &periods);
    for p in &r.periods {
        let _ = write!(out, "<h2>{}</h2>", esc(&p.period));
        if !p.priorities.is_empty() {
            ticket_table(&mut out, p);
        }
        availability_table(&mut out, p);
        super::credits_view::html(&mut out, p);
        out.push_str("<ul>");
        for line in [
            fcr_line(p),
            csat_line(p),
            excluded_line(p),
            report_due_line(p),
        ]
        .into_iter()
        .flatten()
        {
            let _ = write!(out, "<li>{}</li>", esc(&line));
        }
        if !p.missed.is_empty() {
            let _ = write!(
                out,
                "<li><strong style=\"color:#cf222e\">Missed: {}</strong></li>",
                esc(&p.missed.join(", "))
            );
        }
        if !p.no_data.is_empty() {
            let _ = write!(out, "<li>No data: {}</li>", esc(&p.no_data.join(", ")));
        }
        out.push_str("</ul>");
        breached_tables(&mut out, r, p);
    }
    skipped_table(&mut out, "Skipped rows", &r.skipped, r.skipped_total);
    if let Some(o) = &r.outages {
        skipped_table(&mut out, "Skipped outage rows", &o.skipped, o.skipped_total);
    }
    out.push_str("</body></html>\n");
    out
}

/// The breached tickets of one target in one period, when it has any.
fn breached<'r>(
    r: &'r ComplianceReport,
    period: &str,
    priority: &str,
    kind: TargetKind,
) -> Option<&'r BreachedTickets> {
    r.breached
        .iter()
        .find(|b| b.period == period && b.priority == priority && b.target == kind)
}

/// The id of a breached-tickets table: `breached-2027-03-P1-response`.
fn breached_anchor(b: &BreachedTickets) -> String {
    esc(&format!(
        "breached-{}-{}-{}",
        b.period, b.priority, b.target
    ))
}

/// Each missed ticket target of the period: how many tickets breached it,
/// and the [`super::WORST_LISTED`] latest by open time.
fn breached_tables(out: &mut String, r: &ComplianceReport, p: &PeriodReport) {
    for b in r.breached.iter().filter(|b| b.period == p.period) {
        if !p.missed.contains(&format!("{}.{}", b.priority, b.target)) {
            continue;
        }
        let listed = b.worst.len();
        let _ = write!(
            out,
            "<h3 id=\"{}\">{} {}: {} breached ticket{}{}</h3><table><tr><th class=\"l\">Ticket</th><th>late, open-time minutes</th><th>late, wall-clock minutes</th></tr>",
            breached_anchor(b),
            esc(&b.priority),
            b.target,
            b.count,
            if b.count == 1 { "" } else { "s" },
            if (listed as u64) < b.count {
                format!(", the {listed} latest")
            } else {
                String::new()
            }
        );
        for t in &b.worst {
            let _ = write!(
                out,
                "<tr><td class=\"l\">{}</td><td>{}</td><td>{}</td></tr>",
                esc(&t.id),
                plain(t.late_open_minutes),
                plain(t.late_minutes)
            );
        }
        out.push_str("</table>");
    }
}

/// The tickets of one period, per priority.
fn ticket_table(out: &mut String, p: &PeriodReport) {
    out.push_str("<table><tr><th rowspan=\"2\">Priority</th><th rowspan=\"2\">Tickets</th><th colspan=\"7\" class=\"l\">Response</th><th colspan=\"7\" class=\"l\">Resolution</th></tr><tr>");
    for _ in 0..2 {
        out.push_str("<th>met</th><th>breached</th><th>pending</th><th>attained</th><th>target</th><th>p50 min</th><th>p90 min</th>");
    }
    out.push_str("</tr>");
    for pr in &p.priorities {
        let _ = write!(
            out,
            "<tr><td>{}</td><td>{}</td>{}{}</tr>",
            esc(&pr.id),
            pr.tickets,
            cell(&pr.response),
            cell(&pr.resolution)
        );
    }
    out.push_str("</table>");
}

/// Availability of each channel against its target, one chart a channel.
fn availability_charts(out: &mut String, r: &ComplianceReport, periods: &[&str]) {
    let mut channels: Vec<(&str, f64)> = Vec::new();
    for a in r.periods.iter().flat_map(|p| &p.availability) {
        if !channels.iter().any(|(c, _)| *c == a.channel) {
            channels.push((&a.channel, a.target_percent));
        }
    }
    if channels.is_empty() {
        return;
    }
    out.push_str("<h2>Availability per period</h2><p class=\"legend\">Each point is the share of the channel's open time it was up in that period (excluded time counts as up); the dashed line is the target.</p><div class=\"grid\">");
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
        let title = format!("{channel} — availability");
        let _ = write!(
            out,
            "<div class=\"card\"><h3>{}</h3><div class=\"t\">availability {}%</div>{}</div>",
            esc(&title),
            plain(target),
            chart(&title, periods, &values, target, "no data: no open time")
        );
    }
    out.push_str("</div>");
}

/// The availability figures of one period and what each maintenance row
/// counted.
fn availability_table(out: &mut String, p: &PeriodReport) {
    if p.availability.is_empty() {
        return;
    }
    out.push_str("<table><tr><th>Channel</th><th>open min</th><th>downtime min</th><th>excluded min</th><th>availability</th><th>target</th></tr>");
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
                .map(move |m| format!("{}: {}", a.channel, maintenance_line(m)))
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

fn skipped_table(out: &mut String, title: &str, skipped: &[Skipped], total: u64) {
    if skipped.is_empty() {
        return;
    }
    let _ = write!(
        out,
        "<h2>{}</h2><table><tr><th>Line</th><th class=\"l\">Reason</th></tr>",
        esc(title)
    );
    for s in skipped {
        let _ = write!(
            out,
            "<tr><td>{}</td><td class=\"l\">{}</td></tr>",
            s.line,
            esc(&s.reason)
        );
    }
    out.push_str("</table>");
    let unlisted = total - skipped.len() as u64;
    if unlisted > 0 {
        let _ = write!(out, "<p>… and {unlisted} more.</p>");
    }
}
