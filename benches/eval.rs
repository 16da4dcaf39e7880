//! `cargo bench --bench eval`: evaluating a synthetic log of 1M tickets
//! (`examples/support/synth.rs`, ~128 MB of CSV) against `contracts/acme-support.sla`,
//! from memory and from a file. Ten samples each; about half a minute.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "a benchmark: a missing fixture stops it loudly, it never meets user input"
)]

#[path = "../examples/support/synth.rs"]
mod synth;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use slac::eval::{evaluate, EvalOptions, InputFormat, ReportPeriod};
use std::time::Duration;

const TICKETS: usize = 1_000_000;

fn bench(c: &mut Criterion) {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/contracts/acme-support.sla");
    let checked = slac::check_bytes(path, std::fs::read(path).unwrap_or_default());
    let Some(contract) = checked.model else {
        eprintln!("{path} does not check");
        return;
    };
    let mut log = Vec::new();
    if synth::write_csv(&contract, TICKETS, 2027, &mut log).is_err() {
        return;
    }
    let file = std::env::temp_dir().join(format!("slac-bench-eval-{}.csv", std::process::id()));
    if std::fs::write(&file, &log).is_err() {
        return;
    }
    let options = EvalOptions {
        as_of: chrono::DateTime::from_timestamp(1_830_268_800, 0).unwrap_or_default(), // 2028-01-01
        period: ReportPeriod::Monthly,
    };
    let mut group = c.benchmark_group("eval");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(6))
        .throughput(Throughput::Elements(TICKETS as u64));
    group.bench_function("1M tickets from memory", |b| {
        b.iter(|| {
            evaluate(&contract, log.as_slice(), InputFormat::Csv, &options).map(|r| r.tickets)
        })
    });
    group.bench_function("1M tickets from a file", |b| {
        b.iter(|| {
            let input = std::fs::File::open(&file).map_err(slac::eval::EvalError::Io)?;
            evaluate(&contract, input, InputFormat::Csv, &options).map(|r| r.tickets)
        })
    });
    group.finish();
    let _ = std::fs::remove_file(&file);
}

criterion_group!(benches, bench);
criterion_main!(benches);
