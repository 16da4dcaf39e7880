//! `cargo bench --bench eval`: evaluating a synthetic log of 1M tickets
//! (`examples/support/synth.rs`, ~128 MB of CSV) against `contracts/acme-support.sla`,
//! from memory, from a file, and from a file through `input::Decoded` (the
//! CLI's path: UTF-8 checked, not transcoded); then the same tickets with a 100k-row outage
//! log (availability per channel, maintenance rules added to the model when
//! the contract has none), against the tickets alone; and the same tickets
//! as a Zendesk export (`--preset zendesk` plus `--map` for the columns it
//! lacks, offset-less `2026-03-02 09:00` times read with `--zone`), against
//! the canonical log in the same run. Ten samples each; about a minute.
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
use slac::eval::input::{Decoded, Encoding};
use slac::eval::{
    evaluate, evaluate_outages, evaluate_with, ColumnMap, EvalOptions, InputFormat, Preset,
    ReadOptions, ReportPeriod, TimeOptions,
};
use slac::model::{
    Allowance, Clause, ClauseId, Contract, Duration as Span, Exclusions, Fill, Maintenance, Period,
    TimeOfDay, TimeSpan, Unit,
};
use std::time::Duration;

const TICKETS: usize = 1_000_000;
const OUTAGES: usize = 100_000;

/// Maintenance with 5 business days' notice, Saturday and Sunday
/// 00:00-06:00, at most 8 hours monthly, and a `force-majeure` clause.
fn with_exclusions(mut contract: Contract) -> Contract {
    if contract.exclusions.is_some() {
        return contract;
    }
    let night = vec![TimeSpan {
        start: TimeOfDay(0),
        end: TimeOfDay(6 * 60),
    }];
    let window = [vec![], vec![], vec![], vec![], vec![], night.clone(), night];
    contract.exclusions = Some(Exclusions {
        maintenance: Some(Maintenance {
            notice: Fill::Value(Span {
                amount: 5,
                unit: Unit::BusinessDays,
            }),
            window: Some(window),
            allowance: Some(Allowance {
                amount: Fill::Value(Span {
                    amount: 8,
                    unit: Unit::Hours,
                }),
                period: Period::Monthly,
            }),
        }),
        clauses: vec![Clause {
            id: ClauseId("force-majeure".into()),
            text: Fill::Value("Force majeure.".into()),
        }],
    });
    contract
}

/// The canonical log as a Zendesk export: its column names (and names for
/// the columns it lacks), times as local `YYYY-MM-DD HH:MM` without offset.
fn as_export(log: &[u8], zone: chrono_tz::Tz) -> (Vec<u8>, ReadOptions) {
    let header_end = log.iter().position(|b| *b == b'\n').unwrap();
    let mut out = b"ID,Priority,Via,Created at,First reply at,Solved at,Workaround at,FCR,Satisfaction,Paused".to_vec();
    let time =
        regex::bytes::Regex::new(r"(\d{4}-\d\d-\d\d)T(\d\d:\d\d):\d\d(?:\.\d+)?[+-]\d\d:\d\d")
            .unwrap();
    out.extend_from_slice(&time.replace_all(&log[header_end..], &b"$1 $2"[..]));
    let mut columns = ColumnMap::preset(Preset::Zendesk);
    columns
        .apply_flag("first_response_at=First reply at,workaround_at=Workaround at,first_contact_resolved=FCR,csat=Satisfaction,paused=Paused")
        .unwrap();
    columns.check().unwrap();
    let read = ReadOptions {
        columns,
        times: TimeOptions {
            zone: Some(zone),
            excel_dates: false,
        },
        statuses: None,
    };
    (out, read)
}

fn bench(c: &mut Criterion) {
    let project = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let path = project.join("contracts/acme-support.sla");
    let root = slac::load::Root::given(project).expect("the project folder is a root");
    // Its `use` line followed, as `slac eval` reads it.
    let bytes = std::fs::read(&path).unwrap_or_default();
    let checked = slac::front::check_path(&path, "contracts/acme-support.sla", bytes, &root);
    let Some(contract) = checked.model else {
        panic!(
            "{} does not check: {:?}",
            path.display(),
            checked.diagnostics
        );
    };
    let mut log = Vec::new();
    synth::write_csv(&contract, TICKETS, 2027, &mut log).expect("the log is generated");
    let file = std::env::temp_dir().join(format!("slac-bench-eval-{}.csv", std::process::id()));
    std::fs::write(&file, &log).expect("the log is written to the temporary folder");
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
    group.bench_function("1M tickets from a file, decoded as the CLI reads it", |b| {
        b.iter(|| {
            let input = std::fs::File::open(&file).map_err(slac::eval::EvalError::Io)?;
            let input = Decoded::new(input, Encoding::Auto).map_err(slac::eval::EvalError::Io)?;
            evaluate(&contract, input, InputFormat::Csv, &options).map(|r| r.tickets)
        })
    });
    group.finish();
    let _ = std::fs::remove_file(&file);

    let (export, read) = as_export(&log, contract.timezone.unwrap_or(chrono_tz::Tz::UTC));
    let canonical = evaluate(&contract, log.as_slice(), InputFormat::Csv, &options).unwrap();
    let exported = evaluate_with(
        &contract,
        export.as_slice(),
        InputFormat::Csv,
        &options,
        &read,
        None,
    );
    assert_eq!(
        exported.unwrap().tickets,
        canonical.tickets,
        "the export reads every ticket"
    );
    let mut group = c.benchmark_group("eval of an export");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(6))
        .throughput(Throughput::Elements(TICKETS as u64));
    group.bench_function("1M tickets, canonical", |b| {
        b.iter(|| {
            evaluate(&contract, log.as_slice(), InputFormat::Csv, &options).map(|r| r.tickets)
        })
    });
    group.bench_function("1M tickets, zendesk preset + map + zone", |b| {
        b.iter(|| {
            evaluate_with(
                &contract,
                export.as_slice(),
                InputFormat::Csv,
                &options,
                &read,
                None,
            )
            .map(|r| r.tickets)
        })
    });
    group.finish();
    drop(export);

    let contract = with_exclusions(contract);
    let mut outages = Vec::new();
    synth::write_outages_csv(&contract, OUTAGES, 2027, &mut outages)
        .expect("the outage log is generated");
    let mut group = c.benchmark_group("eval with outages");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(6))
        .throughput(Throughput::Elements(TICKETS as u64));
    group.bench_function("1M tickets alone", |b| {
        b.iter(|| {
            evaluate(&contract, log.as_slice(), InputFormat::Csv, &options).map(|r| r.tickets)
        })
    });
    group.bench_function("1M tickets and 100k outage rows", |b| {
        b.iter(|| {
            let mut report = evaluate(&contract, log.as_slice(), InputFormat::Csv, &options)?;
            evaluate_outages(
                &mut report,
                &contract,
                outages.as_slice(),
                InputFormat::Csv,
                &options,
            )?;
            Ok::<_, slac::eval::EvalError>(report.periods.len())
        })
    });
    group.bench_function("100k outage rows alone", |b| {
        b.iter(|| {
            let mut report = slac::eval::without_tickets(&contract, &options)?;
            evaluate_outages(
                &mut report,
                &contract,
                outages.as_slice(),
                InputFormat::Csv,
                &options,
            )?;
            Ok::<_, slac::eval::EvalError>(report.periods.len())
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
