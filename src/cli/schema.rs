//! `slac schema`.

use super::{CmdResult, Failure};

pub fn run() -> CmdResult {
    Err(Failure::usage("`slac schema` is not built yet"))
}
