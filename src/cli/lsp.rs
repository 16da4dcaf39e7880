//! `slac lsp`: the language server on stdin and stdout (editors start it;
//! docs/lsp.md lists what it does).

use super::{CmdResult, Failure, OK};

pub fn run() -> CmdResult {
    slac::lsp::serve_stdio().map_err(|e| Failure::usage(format!("language server: {e}")))?;
    Ok(OK)
}
