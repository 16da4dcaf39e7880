//! `slac render`.

use super::{CmdResult, Failure, RenderArgs};

pub fn run(_args: &RenderArgs, _color: bool) -> CmdResult {
    Err(Failure::usage("`slac render` is not built yet"))
}
