//! `slac due`.

use super::{CmdResult, DueArgs, Failure};

pub fn run(_args: &DueArgs, _color: bool) -> CmdResult {
    Err(Failure::usage("`slac due` is not built yet"))
}
