//! Requests: each method to its handler, the parameters read and the
//! result or refusal written back.

use super::state::State;
use lsp_server::{ErrorCode, Request, Response};
use serde::de::DeserializeOwned;
use serde::Serialize;

/// Why a request gets an error response.
#[derive(Debug)]
pub struct Refusal {
    pub code: i32,
    pub message: String,
}

impl Refusal {
    /// The request was understood but cannot be done (a rename to a name
    /// that is taken, formatting a file with syntax errors).
    pub fn failed(message: impl Into<String>) -> Refusal {
        Refusal {
            code: ErrorCode::RequestFailed as i32,
            message: message.into(),
        }
    }

    /// The parameters are not usable (a new name that is no identifier).
    pub fn invalid(message: impl Into<String>) -> Refusal {
        Refusal {
            code: ErrorCode::InvalidParams as i32,
            message: message.into(),
        }
    }
}

/// Answers one request.
pub fn answer(state: &State, request: Request) -> Response {
    match request.method.as_str() {
        "textDocument/formatting" => with(state, request, super::formatting::format),
        "textDocument/documentSymbol" => with(state, request, super::symbols::outline),
        "textDocument/hover" => with(state, request, super::hover::hover),
        "textDocument/definition" => with(state, request, super::navigation::definition),
        "textDocument/references" => with(state, request, super::navigation::references),
        "textDocument/rename" => with(state, request, super::navigation::rename),
        "textDocument/completion" => with(state, request, super::completion::complete),
        _ => super::server::unknown(&request),
    }
}

/// Reads the parameters, runs the handler and writes its answer.
fn with<P, R>(
    state: &State,
    request: Request,
    handler: fn(&State, P) -> Result<R, Refusal>,
) -> Response
where
    P: DeserializeOwned,
    R: Serialize,
{
    let id = request.id;
    match serde_json::from_value::<P>(request.params) {
        Err(e) => Response::new_err(id, ErrorCode::InvalidParams as i32, e.to_string()),
        Ok(params) => match handler(state, params) {
            Ok(result) => Response::new_ok(id, result),
            Err(refusal) => Response::new_err(id, refusal.code, refusal.message),
        },
    }
}
