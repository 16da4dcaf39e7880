//! `slac eval`.

use super::{CmdResult, EvalArgs, Failure};

pub fn run(_args: &EvalArgs, _color: bool) -> CmdResult {
    Err(Failure::usage("`slac eval` is not built yet"))
}
