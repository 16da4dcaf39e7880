//! `slac check`.

use super::{CheckArgs, CmdResult, ColorChoice, Failure};

pub fn run(_args: &CheckArgs, _color: ColorChoice) -> CmdResult {
    Err(Failure::usage("`slac check` is not built yet"))
}
