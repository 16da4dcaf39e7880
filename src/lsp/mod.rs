//! `slac lsp`: the language server, on stdio, on `lsp-server` and
//! `lsp-types`.
//!
//! - [`server`]: the handshake and the main loop; [`requests`] dispatches
//!   each request to its handler;
//! - [`worker`]: the thread that checks documents off the main loop
//!   ([`analysis`] is one check), publishing [`diagnostics`];
//! - [`names`]: where each name is declared and used, read by
//!   [`navigation`] (definition, references, rename), [`hover`] and
//!   [`completion`]; [`symbols`] is the outline, [`formatting`] the
//!   formatter;
//! - [`documents`]: the unsaved text of the open documents; [`positions`]
//!   is the one conversion between byte offsets and LSP's UTF-16 columns;
//!   [`uri`] turns `file://` URIs into paths and back;
//! - [`transport`]: stdin and stdout, with a limit on a message's size.
//!
//! docs/lsp.md lists what the server does.

mod analysis;
mod capabilities;
mod completion;
mod diagnostics;
mod documents;
mod formatting;
mod hover;
mod names;
mod navigation;
mod positions;
mod requests;
mod server;
mod state;
mod symbols;
mod transport;
mod uri;
mod worker;

pub use diagnostics::CODE_PAGES;
pub use server::Ended;

/// Serves one client on stdin and stdout until it asks to exit.
pub fn serve_stdio() -> Result<(), Ended> {
    let (connection, io) =
        transport::stdio().map_err(|e| Ended::Failed(format!("cannot start stdio: {e}")))?;
    let outcome = server::run(&connection);
    drop(connection);
    io.join()
        .map_err(|e| Ended::Failed(format!("stdio: {e}")))?;
    outcome
}
