//! Due time per query on a warm calendar.
//!
//! The clock is acme's business calendar (`contracts/acme-support.sla`:
//! `mon-fri 09:00-12:00, 13:00-18:00` in Asia/Shanghai, closed on China's
//! public holidays of 2026 and open on their make-up days, `business-day
//! ends-at-close`). 10,000 receipts are spread over 2026 (every minute of
//! the day, open or not); before measuring, each is asked once, so the
//! timeline of the years they reach is built (warm). One iteration is one
//! `Clock::due` query, receipts taken in turn: criterion's time is the
//! time per query — a look-up in the per-day index of the precomputed open
//! intervals and a gallop along them (minutes, hours), or a search of the
//! business days by instant (business days).
//!
//! One bench per kind of target of acme on that clock, and 15 minutes:
//! `due/15 minutes`, `due/2 hours` (P2's response), `due/1 business day`
//! (P3's response), `due/10 business days` (P4's resolution).
//!
//! Run: `cargo bench --bench clock -- --warm-up-time 1 --measurement-time 3`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a benchmark: a missing fixture stops it loudly, it never meets user input"
)]

use chrono::{DateTime, Utc};
use criterion::{black_box, criterion_group, criterion_main, Criterion};
use slac::clock::Clock;
use slac::model::{Duration, TargetKind, Unit};
use std::path::Path;

const RECEIPTS: usize = 10_000;

/// acme's contract, checked with its library.
fn acme() -> slac::model::Contract {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let path = repo.join("contracts/acme-support.sla");
    let root = slac::load::Root::given(repo).unwrap();
    let bytes = std::fs::read(&path).unwrap();
    let checked = slac::front::check_path(&path, "contracts/acme-support.sla", bytes, &root);
    assert!(
        checked.diagnostics.is_empty(),
        "acme should check clean: {:?}",
        checked.diagnostics
    );
    checked.model.unwrap()
}

/// Receipts spread over 2026: a fixed stride of 52 minutes 33 seconds
/// (not a divisor of a day or a week, so every time of day and weekday
/// comes up), from 2026-01-01 00:00 UTC.
fn receipts() -> Vec<DateTime<Utc>> {
    let start = DateTime::parse_from_rfc3339("2026-01-01T00:00:00Z")
        .unwrap()
        .timestamp_millis();
    let stride = (52 * 60 + 33) * 1000;
    (0..RECEIPTS as i64)
        .map(|n| DateTime::from_timestamp_millis(start + n * stride).unwrap())
        .collect()
}

fn bench(c: &mut Criterion) {
    let contract = acme();
    let p2 = contract.priority("P2").unwrap();
    let clock = Clock::for_target(&contract, p2, TargetKind::Response).unwrap();
    assert!(!clock.is_elapsed(), "P2 runs on the business calendar");
    let target = |kind: TargetKind, id: &str| {
        let priority = contract.priority(id).unwrap();
        assert_eq!(
            contract.target_clock(priority, kind).map(|c| c.id.as_str()),
            Some("business"),
            "{id} {kind:?} runs on the business calendar"
        );
        *priority.target(kind).within.filled(|_| ()).unwrap()
    };
    let targets = [
        Duration {
            amount: 15,
            unit: Unit::Minutes,
        },
        target(TargetKind::Response, "P2"),
        target(TargetKind::Response, "P3"),
        target(TargetKind::Resolution, "P4"),
    ];
    let receipts = receipts();
    // Warm: every receipt once per target, so the timeline is built.
    for within in targets {
        for &received in &receipts {
            let due = clock.due(received, within, &[]).unwrap();
            assert!(due >= received);
        }
    }
    let mut group = c.benchmark_group("due");
    for within in targets {
        let mut next = receipts.iter().cycle();
        group.bench_function(within.to_string(), |b| {
            b.iter(|| {
                let received = *next.next().unwrap();
                clock.due(black_box(received), black_box(within), &[])
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
