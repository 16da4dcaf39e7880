//! Throughput of the front half on a large, valid, realistic contract.
//!
//! The contract (~2 MB) is generated in memory: definitions with Chinese
//! text, services and audiences, calendars with lunch breaks, public
//! holidays and make-up working days, channels on those calendars,
//! priorities with graded response and resolution targets, and the usual
//! metrics. It checks without errors (asserted before measuring), so every
//! stage runs to the end.
//!
//! Three measurements, all `Throughput::Bytes`:
//! - `check`: `slac::check` (parse, lower, every check, model);
//! - `parse`: `slac::syntax::parse` alone (scan, pest, lowering);
//! - `line_index`: building the `SourceFile` (the floor: one pass over the text).
//!
//! A second group, `scaling`, runs `slac::check` on contracts generated
//! by [`generate_sized`] with 1×, 2×, 4× and 8× the priorities and the
//! closed days, to show that checking grows linearly in both.
//!
//! Run: `cargo bench --bench check -- --warm-up-time 1 --measurement-time 5`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a benchmark: a missing fixture stops it loudly, it never meets user input"
)]

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use std::fmt::Write;

/// Calendars, channels (one per calendar) and priorities; terms and
/// services fill the rest up to [`TARGET_BYTES`].
const CALENDARS: usize = 120;
const PRIORITIES: usize = 150;
const TARGET_BYTES: usize = 2 * 1024 * 1024;

/// A weekday of 2027 and a weekend day, `n` steps in, for holidays
/// (`closed` on a day that is open) and make-up days (`open` on one that is
/// closed) — so no W006 — inside the effective period (no W003).
fn holiday_and_makeup(n: usize) -> (NaiveDate, NaiveDate) {
    let start = NaiveDate::from_ymd_opt(2027, 1, 4).expect("a date");
    let mut day = start + Duration::days((n as i64 * 3) % 350);
    while matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
        day += Duration::days(1);
    }
    let mut weekend = day;
    while !matches!(weekend.weekday(), Weekday::Sat) {
        weekend += Duration::days(1);
    }
    (day, weekend)
}

const FESTIVALS: [&str; 6] = ["元旦", "春节", "清明节", "劳动节", "端午节", "国庆节"];

fn generate() -> String {
    let mut s = String::with_capacity(TARGET_BYTES + 64 * 1024);
    s.push_str(
        "// A generated contract for benchmarking `slac check`.\n\
         contract \"客户服务SLA（基准测试）\" {\n\
         \x20 id        \"BENCH-CS-2027\"\n\
         \x20 version   \"1.0\"\n\
         \x20 language  zh-CN\n\
         \x20 part-of   \"合作合同 HT-2027-001\"\n\
         \x20 effective 2027-01-01..2027-12-31\n\
         \x20 timezone  \"Asia/Shanghai\"\n\
         \x20 clock     cal0\n\
         \x20 business-day ends-at-close\n\n\
         \x20 party client   \"艾克姆科技有限公司\" { short \"客户\" contact \"ops@acme.example\" }\n\
         \x20 party provider \"海普服务有限公司\" {\n\
         \x20   short     \"服务方\"\n\
         \x20   contact   \"sla@helpco.example\"\n\
         \x20   signatory \"王伟\"\n\
         \x20 }\n\n",
    );

    // Calendars: business hours with a lunch break, a few holidays and a
    // make-up day each; every tenth one is around the clock.
    for c in 0..CALENDARS {
        if c % 10 == 9 {
            let _ = writeln!(s, "  calendar cal{c} \"全天候值守 {c}\" 24x7");
            continue;
        }
        let _ = writeln!(s, "  calendar cal{c} \"工作日 9:00-18:00（{c}号日历）\" {{");
        s.push_str("    mon-fri 09:00-12:00, 13:00-18:00\n");
        for h in 0..4 {
            let (holiday, makeup) = holiday_and_makeup(c * 4 + h);
            let name = FESTIVALS[(c + h) % FESTIVALS.len()];
            let _ = writeln!(s, "    closed  {holiday} \"{name}\"");
            if h == 0 {
                let _ = writeln!(
                    s,
                    "    open    {makeup} 09:00-18:00 \"调休上班\"   // make-up day"
                );
            }
        }
        s.push_str("  }\n");
    }
    s.push('\n');

    // One channel per calendar, so that every calendar is used.
    for c in 0..CALENDARS {
        let _ = writeln!(
            s,
            "  channel ch{c} \"服务渠道{c}（热线、邮件、在线客服）\" {{ hours cal{c} availability 99.{}% monthly contact \"400-000-{c:04}\" }}",
            c % 10
        );
    }
    s.push('\n');

    // Priorities, most severe first; the 24x7 calendars carry the first few.
    for p in 1..=PRIORITIES {
        let _ = write!(
            s,
            "  priority P{p} \"等级{p}\" {{\n    \"影响范围第{p}级：直接影响客户业务运营的故障或请求，按本等级的时限响应和解决。\"\n"
        );
        if p <= 3 {
            s.push_str("    clock cal9\n");
        }
        s.push_str("  }\n");
    }
    s.push_str("\n  response {\n");
    for p in 1..=PRIORITIES {
        let _ = writeln!(s, "    P{p} within {} minutes", 10 + p);
    }
    s.push_str("  }\n  resolution {\n");
    for p in 1..=PRIORITIES {
        if p <= 3 {
            let _ = writeln!(s, "    P{p} within {} hours or workaround", 4 + p);
        } else if p % 2 == 0 {
            let _ = writeln!(s, "    P{p} within {p} business days for 95%");
        } else {
            let _ = writeln!(s, "    P{p} within {p} business days or workaround");
        }
    }
    s.push_str("  }\n\n");

    s.push_str("  fcr  at least 70% monthly\n");
    s.push_str("  csat at least 4.5 on 1..5 quarterly method \"问卷\", \"回访\"\n\n");
    s.push_str("  support {\n    submit via ");
    let channels: Vec<String> = (0..CALENDARS).map(|c| format!("ch{c}")).collect();
    s.push_str(&channels.join(", "));
    s.push_str("\n    escalate P1 after 30 minutes to \"值班经理\"\n  }\n\n");

    // Services, audiences and defined terms up to the target size.
    let mut scope = String::from("  scope {\n");
    let mut terms = String::new();
    let mut n = 0;
    while s.len() + scope.len() + terms.len() < TARGET_BYTES {
        let _ = writeln!(
            scope,
            "    service svc{n} \"产品使用咨询与指导、技术故障诊断与排除（第{n}项服务）\""
        );
        if n % 20 == 0 {
            let _ = writeln!(scope, "    audience \"最终用户群体{n}\", \"内部员工{n}\"");
        }
        let _ = writeln!(
            terms,
            "  term \"合格服务请求{n}\" \"\"\"\n    通过约定渠道提交、信息完整的服务请求；\n    第{n}条定义：包括故障现象、影响范围和联系人。\n    \"\"\"   // a text block"
        );
        let _ = writeln!(
            terms,
            "  term \"服务时间{n}\" \"服务方在约定日历的开放时间内处理请求。Requests are handled in open hours.\""
        );
        n += 1;
    }
    scope.push_str("  }\n\n");
    s.push_str(&scope);
    s.push_str(&terms);
    s.push_str("}\n");
    s
}

/// Priorities and closed days in the `scaling` group at 1×; the other
/// count stays at its base.
const BASE_PRIORITIES: usize = 1000;
const BASE_CLOSED_DAYS: usize = 2500;
const SCALES: [usize; 4] = [1, 2, 4, 8];
/// The sized contract's effective period: 100 years.
const FIRST_YEAR: i32 = 2027;
const YEARS: i32 = 100;

/// A valid contract with `priorities` priorities (graded targets on a
/// business-hours clock, Chinese definitions) and `closed_days` holidays
/// on weekdays spread evenly over a 100-year effective period (so no W003,
/// W006 or W010).
fn generate_sized(priorities: usize, closed_days: usize) -> String {
    let mut s = String::with_capacity(priorities * 300 + closed_days * 40 + 4096);
    let last_year = FIRST_YEAR + YEARS - 1;
    let _ = write!(
        s,
        "contract \"客户服务SLA（规模测试）\" {{\n\
         \x20 id        \"BENCH-SIZED\"\n\
         \x20 language  zh-CN\n\
         \x20 effective {FIRST_YEAR}-01-01..{last_year}-12-31\n\
         \x20 timezone  \"Asia/Shanghai\"\n\
         \x20 clock     office\n\
         \x20 party client   \"艾克姆科技有限公司\" {{ short \"客户\" }}\n\
         \x20 party provider \"海普服务有限公司\" {{ short \"服务方\" }}\n\
         \x20 scope {{ service consult \"产品使用咨询与指导\" }}\n\
         \x20 calendar office \"工作日 9:00-18:00\" {{\n\
         \x20   mon-fri 09:00-12:00, 13:00-18:00\n"
    );
    let (first, end) = (
        NaiveDate::from_ymd_opt(FIRST_YEAR, 1, 1).unwrap_or_default(),
        NaiveDate::from_ymd_opt(last_year, 12, 31).unwrap_or_default(),
    );
    let weekdays: Vec<NaiveDate> = first
        .iter_days()
        .take_while(|d| *d <= end)
        .filter(|d| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun))
        .collect();
    // From the first weekday to the last, evenly (distinct while there
    // are fewer closed days than weekdays).
    let last = weekdays.len().saturating_sub(1);
    let spread = closed_days.saturating_sub(1).max(1);
    for n in 0..closed_days.min(weekdays.len()) {
        let Some(day) = weekdays.get(n * last / spread) else {
            continue;
        };
        let name = FESTIVALS[n % FESTIVALS.len()];
        let _ = writeln!(s, "    closed {day} \"{name}\"");
    }
    s.push_str("  }\n  channel hotline \"服务热线\" { hours office }\n");
    for p in 1..=priorities {
        let _ = writeln!(
            s,
            "  priority P{p} \"等级{p}\" {{ \"影响范围第{p}级：直接影响客户业务运营的故障或请求。\" }}"
        );
    }
    s.push_str("  response {\n");
    for p in 1..=priorities {
        let _ = writeln!(s, "    P{p} within {} minutes", 10 + p);
    }
    s.push_str("  }\n  resolution {\n");
    for p in 1..=priorities {
        let _ = writeln!(s, "    P{p} within {p} business days");
    }
    s.push_str("  }\n}\n");
    s
}

/// Asserts that `text` checks clean, so every stage runs to the end.
fn assert_clean(text: &str) -> slac::Checked {
    let checked = slac::check(slac::SourceFile::new("bench.sla", text));
    let problems: Vec<String> = checked
        .diagnostics
        .iter()
        .take(5)
        .map(|d| format!("{} {} at {:?}", d.code, d.message, d.span))
        .collect();
    assert!(
        checked.diagnostics.is_empty() && checked.model.is_some(),
        "the generated contract should check clean: {problems:?}"
    );
    checked
}

/// `slac::check` at 1×, 2×, 4× and 8× the priorities, then the closed days.
fn scaling(c: &mut Criterion) {
    let mut group = c.benchmark_group("scaling");
    group.sample_size(10);
    let cases = SCALES
        .iter()
        .map(|k| ("priorities", k * BASE_PRIORITIES, BASE_CLOSED_DAYS))
        .chain(
            SCALES
                .iter()
                .map(|k| ("closed_days", BASE_PRIORITIES, k * BASE_CLOSED_DAYS)),
        );
    for (what, priorities, closed_days) in cases {
        let text = generate_sized(priorities, closed_days);
        assert_clean(&text);
        let count = if what == "priorities" {
            priorities
        } else {
            closed_days
        };
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(format!("{what}/{count}"), |b| {
            b.iter(|| slac::check(slac::SourceFile::new("bench.sla", black_box(text.as_str()))))
        });
    }
    group.finish();
}

fn bench(c: &mut Criterion) {
    let text = generate();
    let checked = assert_clean(&text);
    if let Some(model) = &checked.model {
        eprintln!(
            "generated contract: {} bytes, {} lines; {} calendars, {} channels, \
             {} priorities, {} services, {} terms",
            text.len(),
            text.lines().count(),
            model.calendars.len(),
            model.channels.len(),
            model.priorities.len(),
            model.services.len(),
            model.terms.len()
        );
    }

    let mut group = c.benchmark_group("slac");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(10);
    group.bench_function("check", |b| {
        b.iter(|| slac::check(slac::SourceFile::new("bench.sla", black_box(text.as_str()))))
    });
    let source = slac::SourceFile::new("bench.sla", text.as_str());
    group.bench_function("parse", |b| {
        b.iter(|| slac::syntax::parse(black_box(&source)))
    });
    group.bench_function("line_index", |b| {
        b.iter(|| slac::SourceFile::new("bench.sla", black_box(text.as_str())))
    });
    group.finish();
}

criterion_group!(benches, bench, scaling);
criterion_main!(benches);
