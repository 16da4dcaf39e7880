//! `slac build`.

use super::{BuildArgs, CmdResult, Failure};

pub fn run(_args: &BuildArgs, _color: bool) -> CmdResult {
    Err(Failure::usage("`slac build` is not built yet"))
}
