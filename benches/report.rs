//! Rendering many diagnostics, and checking a folder of many contracts.
//!
//! - `render/human/N` against `render/json/N`: a generated contract with N
//!   unused calendars (N W005 warnings, each shown with its snippet)
//!   rendered for people and as JSON, N = 2,500, 5,000, 10,000, 20,000.
//!   Human rendering used to read the file from its start for every
//!   diagnostic (quadratic); it should be linear in N and take at most
//!   about twice as long as JSON.
//! - `folder/check`: the whole `slac check` command on a folder of 1,000
//!   contracts (copies of `contracts/acme-support.sla` with their own ids),
//!   which checks the files in parallel.
//!
//! Run: `cargo bench --bench report -- --warm-up-time 1 --measurement-time 5`.
#![allow(
    clippy::panic,
    reason = "a benchmark: a folder it cannot write stops it loudly, it never meets user input"
)]

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use std::fmt::Write;
use std::path::Path;
use std::process::Command;

/// The warnings of the `render` group: 1×, 2×, 4×, 8×.
const WARNINGS: [usize; 4] = [2_500, 5_000, 10_000, 20_000];
const CONTRACTS: usize = 1_000;

/// A valid contract with `warnings` calendars that nothing uses.
fn many_warnings(warnings: usize) -> String {
    let mut calendars = String::new();
    for n in 0..warnings {
        let _ = writeln!(calendars, "  calendar c{n} \"未使用的日历{n}\" 24x7");
    }
    format!(
        "contract \"客户服务SLA\" {{\n\
         \x20 id        \"BENCH-W005\"\n\
         \x20 effective 2027-01-01..2027-12-31\n\
         \x20 timezone  \"Asia/Shanghai\"\n\
         \x20 clock     business\n\n\
         \x20 party client   \"艾克姆科技有限公司\" {{ short \"客户\" }}\n\
         \x20 party provider \"海普服务有限公司\"   {{ short \"服务方\" }}\n\n\
         \x20 scope {{\n    service consulting \"产品使用咨询与指导\"\n  }}\n\n\
         \x20 calendar business \"工作日 9:00-18:00\" {{\n    mon-fri 09:00-18:00\n  }}\n\
         {calendars}\n\
         \x20 channel hotline \"专用服务热线\" {{ hours business }}\n\n\
         \x20 priority P1 \"紧急\" {{ \"核心业务中断。\" }}\n\n\
         \x20 response {{\n    P1 within 30 minutes\n  }}\n\
         \x20 resolution {{\n    P1 within 4 hours\n  }}\n\
         }}\n"
    )
}

fn render(c: &mut Criterion) {
    let mut group = c.benchmark_group("render");
    group.sample_size(10);
    for count in WARNINGS {
        let checked = slac::check(slac::SourceFile::new("bench.sla", many_warnings(count)));
        let warnings = checked
            .diagnostics
            .iter()
            .filter(|d| d.code == slac::Code::W005)
            .count();
        assert_eq!(
            (warnings, checked.diagnostics.len()),
            (count, count),
            "the generated contract should give exactly {count} W005"
        );
        let files = [(&checked.sources, checked.diagnostics.as_slice())];
        group.bench_function(format!("human/{count}"), |b| {
            b.iter(|| slac::report::human(black_box(&checked.sources), &checked.diagnostics, false))
        });
        group.bench_function(format!("json/{count}"), |b| {
            b.iter(|| slac::report::json(black_box(&files)))
        });
    }
    group.finish();
}

/// [`CONTRACTS`] copies of the shipped contract, each with its own id, in
/// `contracts/` of `project`, beside the library its `use` line reads (the
/// folder marked as a repository, so that it is the root).
fn write_folder(project: &Path) -> std::path::PathBuf {
    let contract = include_str!("../contracts/acme-support.sla");
    let library = include_str!("../holidays/cn-2026.sla");
    let folder = project.join("contracts");
    for dir in [
        project.join(".git"),
        project.join("holidays"),
        folder.clone(),
    ] {
        if let Err(e) = std::fs::create_dir_all(&dir) {
            panic!("cannot make {}: {e}", dir.display());
        }
    }
    if let Err(e) = std::fs::write(project.join("holidays/cn-2026.sla"), library) {
        panic!("cannot write the library: {e}");
    }
    for n in 0..CONTRACTS {
        let text = contract.replacen("ACME-", &format!("ACME-{n:04}-"), 1);
        let path = folder.join(format!("contract-{n:04}.sla"));
        if let Err(e) = std::fs::write(&path, text) {
            panic!("cannot write {}: {e}", path.display());
        }
    }
    folder
}

fn folder(c: &mut Criterion) {
    let dir = match tempfile::tempdir() {
        Ok(dir) => dir,
        Err(e) => panic!("cannot make a temporary folder: {e}"),
    };
    let folder = write_folder(dir.path());
    let slac = env!("CARGO_BIN_EXE_slac");
    let run = || {
        Command::new(slac)
            .args(["check", "--color", "never"])
            .arg(&folder)
            .output()
    };
    match run() {
        Ok(out) => assert!(
            out.status.success(),
            "the folder should check clean: {}",
            String::from_utf8_lossy(&out.stdout)
        ),
        Err(e) => panic!("cannot run {slac}: {e}"),
    }
    let mut group = c.benchmark_group("folder");
    group.sample_size(10);
    group.bench_function("check", |b| b.iter(run));
    group.finish();
}

criterion_group!(benches, render, folder);
criterion_main!(benches);
