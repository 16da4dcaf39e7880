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
//! by [`Sized::contract`] with 1×, 2×, 4× and 8× one count — priorities,
//! closed days, channels, open (make-up) days, holiday sets (each in its
//! own `use`d library, each a `holidays` line of the calendar) — the others
//! at their base, to show that checking grows linearly in each.
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

/// The counts of a contract of the `scaling` group.
#[derive(Clone, Copy)]
struct Sized {
    priorities: usize,
    closed_days: usize,
    channels: usize,
    open_days: usize,
    /// Holiday sets, each in its own library with [`DAYS_PER_SET`] days.
    holiday_sets: usize,
}

/// The first two dimensions at 1× (the other counts stay at their base
/// while one is scaled).
const BASE: Sized = Sized {
    priorities: 1000,
    closed_days: 2500,
    channels: 1,
    open_days: 0,
    holiday_sets: 0,
};
/// The base of the later dimensions: the others small, so the one scaled
/// is most of the work.
const SMALL: Sized = Sized {
    priorities: 100,
    closed_days: 250,
    channels: 1,
    open_days: 0,
    holiday_sets: 0,
};
const BASE_CHANNELS: usize = 1000;
const BASE_OPEN_DAYS: usize = 1250;
const BASE_HOLIDAY_SETS: usize = 100;
const DAYS_PER_SET: usize = 10;
const SCALES: [usize; 4] = [1, 2, 4, 8];
/// The sized contract's effective period: 100 years.
const FIRST_YEAR: i32 = 2027;
const YEARS: i32 = 100;

/// The days of the effective period that `keep` accepts.
fn days_of_period(keep: impl Fn(&NaiveDate) -> bool) -> Vec<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(FIRST_YEAR, 1, 1).unwrap_or_default();
    let end = NaiveDate::from_ymd_opt(FIRST_YEAR + YEARS - 1, 12, 31).unwrap_or_default();
    first
        .iter_days()
        .take_while(|d| *d <= end)
        .filter(keep)
        .collect()
}

fn is_weekend(day: &NaiveDate) -> bool {
    matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
}

/// `count` of `days`, from the first to the last, evenly (distinct while
/// `count` is at most their number).
fn spread(days: &[NaiveDate], count: usize) -> impl Iterator<Item = NaiveDate> + '_ {
    let last = days.len().saturating_sub(1);
    let step = count.saturating_sub(1).max(1);
    (0..count.min(days.len())).filter_map(move |n| days.get(n * last / step).copied())
}

impl Sized {
    /// A valid contract with these counts: priorities with graded response
    /// and resolution targets (business days) and Chinese definitions; one
    /// business-hours calendar with `closed_days` holidays on weekdays and
    /// `open_days` make-up days on weekends spread evenly over a 100-year
    /// effective period, and a `holidays` line and `use` line per holiday
    /// set (see [`Sized::libraries`]); `channels` channels on it, all
    /// listed in `submit via` (so no W003, W005, W006 or W010).
    fn contract(self) -> String {
        let mut s = String::with_capacity(
            self.priorities * 300 + (self.closed_days + self.open_days) * 40 + 4096,
        );
        for k in 0..self.holiday_sets {
            let _ = writeln!(s, "use \"holidays/set{k}.sla\"");
        }
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
        // The sets take the first weekdays of the spread, the calendar's own
        // closed days the rest, so no day is closed twice (W006).
        let weekdays = days_of_period(|d| !is_weekend(d));
        let set_days = self.holiday_sets * DAYS_PER_SET;
        for (n, day) in spread(&weekdays, set_days + self.closed_days)
            .enumerate()
            .skip(set_days)
        {
            let name = FESTIVALS[n % FESTIVALS.len()];
            let _ = writeln!(s, "    closed {day} \"{name}\"");
        }
        let weekends = days_of_period(is_weekend);
        for day in spread(&weekends, self.open_days) {
            let _ = writeln!(s, "    open   {day} 09:00-18:00 \"调休上班\"");
        }
        for k in 0..self.holiday_sets {
            let _ = writeln!(s, "    holidays set{k}");
        }
        s.push_str("  }\n");
        for c in 0..self.channels {
            let _ = writeln!(
                s,
                "  channel ch{c} \"服务渠道{c}（热线、邮件、在线客服）\" {{ hours office availability 99.5% monthly contact \"400-000-{c:04}\" }}"
            );
        }
        for p in 1..=self.priorities {
            let _ = writeln!(
                s,
                "  priority P{p} \"等级{p}\" {{ \"影响范围第{p}级：直接影响客户业务运营的故障或请求。\" }}"
            );
        }
        s.push_str("  response {\n");
        for p in 1..=self.priorities {
            let _ = writeln!(s, "    P{p} within {} minutes", 10 + p);
        }
        s.push_str("  }\n  resolution {\n");
        for p in 1..=self.priorities {
            let _ = writeln!(s, "    P{p} within {p} business days");
        }
        let channels: Vec<String> = (0..self.channels).map(|c| format!("ch{c}")).collect();
        let _ = write!(
            s,
            "  }}\n  support {{\n    submit via {}\n  }}\n}}\n",
            channels.join(", ")
        );
        s
    }

    /// The libraries of the holiday sets: (`holidays/setK.sla`, its text),
    /// each set [`DAYS_PER_SET`] weekdays of the spread the contract leaves
    /// to them.
    fn libraries(self) -> Vec<(String, String)> {
        let weekdays = days_of_period(|d| !is_weekend(d));
        let days: Vec<NaiveDate> = spread(
            &weekdays,
            self.holiday_sets * DAYS_PER_SET + self.closed_days,
        )
        .collect();
        (0..self.holiday_sets)
            .map(|k| {
                let mut text = format!("holidays set{k} \"假日{k}\" {{\n");
                for (n, day) in days
                    .iter()
                    .enumerate()
                    .skip(k * DAYS_PER_SET)
                    .take(DAYS_PER_SET)
                {
                    let name = FESTIVALS[n % FESTIVALS.len()];
                    let _ = writeln!(text, "  closed {day} \"{name}\"");
                }
                text.push_str("}\n");
                (format!("holidays/set{k}.sla"), text)
            })
            .collect()
    }
}

/// Asserts that `text` checks clean, so every stage runs to the end.
fn assert_clean(text: &str) -> slac::Checked {
    let checked = slac::check(slac::SourceFile::new("bench.sla", text));
    assert_checked_clean(&checked);
    checked
}

/// Asserts that a check found nothing and gave a model.
fn assert_checked_clean(checked: &slac::Checked) {
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
}

/// The cases of the `scaling` group: (dimension, count, contract sizes).
fn scaling_cases() -> Vec<(&'static str, usize, Sized)> {
    let mut cases = Vec::new();
    for k in SCALES {
        let n = k * BASE.priorities;
        cases.push((
            "priorities",
            n,
            Sized {
                priorities: n,
                ..BASE
            },
        ));
    }
    for k in SCALES {
        let n = k * BASE.closed_days;
        cases.push((
            "closed_days",
            n,
            Sized {
                closed_days: n,
                ..BASE
            },
        ));
    }
    for k in SCALES {
        let n = k * BASE_CHANNELS;
        cases.push((
            "channels",
            n,
            Sized {
                channels: n,
                ..SMALL
            },
        ));
    }
    for k in SCALES {
        let n = k * BASE_OPEN_DAYS;
        cases.push((
            "open_days",
            n,
            Sized {
                open_days: n,
                ..SMALL
            },
        ));
    }
    for k in SCALES {
        let n = k * BASE_HOLIDAY_SETS;
        cases.push((
            "holiday_sets",
            n,
            Sized {
                holiday_sets: n,
                ..SMALL
            },
        ));
    }
    cases
}

/// A folder (marked as a repository, so it is the root) holding the
/// contract and its libraries; the contract's path.
fn write_project(dir: &std::path::Path, sized: Sized, text: &str) -> std::path::PathBuf {
    std::fs::create_dir_all(dir.join(".git")).unwrap();
    std::fs::create_dir_all(dir.join("holidays")).unwrap();
    for (name, library) in sized.libraries() {
        std::fs::write(dir.join(name), library).unwrap();
    }
    let path = dir.join("bench.sla");
    std::fs::write(&path, text).unwrap();
    path
}

/// The whole check of a contract with its `use` lines followed, as
/// `slac check FILE` does it.
fn check_with_libraries(
    path: &std::path::Path,
    root: &slac::load::Root,
    text: &str,
) -> slac::Checked {
    slac::front::check_path(path, "bench.sla", text.as_bytes().to_vec(), root)
}

/// `slac::check` at 1×, 2×, 4× and 8× each count (holiday sets: with
/// their libraries read and checked).
fn scaling(c: &mut Criterion) {
    let mut group = c.benchmark_group("scaling");
    group.sample_size(10);
    let dir = tempfile::tempdir().unwrap();
    for (what, count, sized) in scaling_cases() {
        let text = sized.contract();
        group.throughput(Throughput::Bytes(text.len() as u64));
        let id = format!("{what}/{count}");
        if sized.holiday_sets == 0 {
            assert_clean(&text);
            group.bench_function(id, |b| {
                b.iter(|| slac::check(slac::SourceFile::new("bench.sla", black_box(text.as_str()))))
            });
            continue;
        }
        let project = dir.path().join(&id);
        let path = write_project(&project, sized, &text);
        let root = slac::load::Root::given(&project).unwrap();
        assert_checked_clean(&check_with_libraries(&path, &root, &text));
        group.bench_function(id, |b| {
            b.iter(|| check_with_libraries(&path, &root, black_box(text.as_str())))
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
