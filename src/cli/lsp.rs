//! `slac lsp`: the language server on stdin and stdout (editors start it;
//! docs/lsp.md lists what it does).

use super::{CmdResult, Failure, OK};
use slac::lsp::Ended;

pub fn run() -> CmdResult {
    match slac::lsp::serve_stdio() {
        Ok(()) => Ok(OK),
        // The protocol's exit code for `exit` without `shutdown` is 1.
        Err(Ended::ExitWithoutShutdown) => Err(Failure::failed(
            "language server: the client sent `exit` without `shutdown`",
        )),
        Err(Ended::Failed(message)) => Err(Failure::usage(format!("language server: {message}"))),
    }
}
