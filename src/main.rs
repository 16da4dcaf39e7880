//! `slac`: the command line. It only wires the library's stages together;
//! each command lives in `cli/<command>.rs`.

mod cli;
/// Shipped files checked with their `use` lines followed (a test helper
/// shared with the integration tests).
#[cfg(test)]
#[allow(dead_code, reason = "the unit tests use a part of it")]
#[path = "../tests/support/project.rs"]
mod project;

use clap::Parser;

fn main() -> std::process::ExitCode {
    let args = cli::Cli::parse();
    cli::run(args)
}
