//! `slac`: the command line. It only wires the library's stages together;
//! each command lives in `cli/<command>.rs`.

mod cli;

use clap::Parser;

fn main() -> std::process::ExitCode {
    let args = cli::Cli::parse();
    cli::run(args)
}
