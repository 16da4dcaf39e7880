//! Writes a synthetic ticket log for a contract, for trying `slac eval` on
//! large inputs: `cargo run --release --example gen_tickets -- CONTRACT N OUT.csv [SEED]`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    reason = "an example tool for generating test data: it stops loudly on a bad fixture"
)]

#[path = "support/synth.rs"]
mod synth;

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [contract, n, out, rest @ ..] = args.as_slice() else {
        eprintln!("usage: gen_tickets CONTRACT.sla N OUT.csv [SEED]");
        return ExitCode::from(2);
    };
    let seed = rest.first().and_then(|s| s.parse().ok()).unwrap_or(2027);
    let Ok(n) = n.parse::<usize>() else {
        eprintln!("N must be a number of tickets");
        return ExitCode::from(2);
    };
    let checked = match std::fs::read(contract) {
        // Its `use` lines followed under its repository, as `slac` does.
        Ok(bytes) => {
            let path = std::path::Path::new(contract);
            let root = slac::load::Root::enclosing(path);
            slac::front::check_path(path, contract, bytes, &root)
        }
        Err(e) => {
            eprintln!("cannot read {contract}: {e}");
            return ExitCode::from(2);
        }
    };
    let Some(model) = checked.model else {
        eprintln!("{contract} has errors; run `slac check {contract}`");
        return ExitCode::from(1);
    };
    let result =
        std::fs::File::create(out).and_then(|file| synth::write_csv(&model, n, seed, file));
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("cannot write {out}: {e}");
            ExitCode::from(2)
        }
    }
}
