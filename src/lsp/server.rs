//! The main loop: the handshake, then each message in turn. Notifications
//! about documents update the text and queue a check on the worker;
//! requests are answered at once from the last analysis (or, for
//! formatting, the current text).

use super::state::State;
use super::worker::{self, Job};
use super::{capabilities, requests};
use lsp_server::{Connection, Message, Notification, Request};
use lsp_types::{
    DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams,
    InitializeParams, InitializeResult, ServerInfo, Uri,
};
use std::path::PathBuf;
use std::sync::mpsc;
use std::sync::Arc;

/// How a session ended when it did not end cleanly.
#[derive(Debug)]
pub enum Ended {
    /// The client sent `exit` before `shutdown`: the protocol asks for
    /// exit code 1, not the usage code 2.
    ExitWithoutShutdown,
    /// The handshake or the transport failed.
    Failed(String),
}

impl From<String> for Ended {
    fn from(message: String) -> Ended {
        Ended::Failed(message)
    }
}

/// Serves one client until it asks to exit.
pub fn run(connection: &Connection) -> Result<(), Ended> {
    let (id, params) = connection.initialize_start().map_err(|e| e.to_string())?;
    let params: InitializeParams =
        serde_json::from_value(params).map_err(|e| format!("bad initialize request: {e}"))?;
    let result = InitializeResult {
        capabilities: capabilities::server(),
        server_info: Some(ServerInfo {
            name: "slac".into(),
            version: Some(env!("CARGO_PKG_VERSION").into()),
        }),
    };
    let result = serde_json::to_value(result).map_err(|e| e.to_string())?;
    connection
        .initialize_finish(id, result)
        .map_err(|e| e.to_string())?;
    let state = Arc::new(State::new(folders(&params)));
    let (jobs, worker) = worker::spawn(Arc::clone(&state), connection.sender.clone())
        .map_err(|e| format!("cannot start the check thread: {e}"))?;
    let outcome = serve(connection, &state, &jobs);
    drop(jobs);
    let _ = worker.join();
    outcome
}

fn serve(connection: &Connection, state: &State, jobs: &mpsc::Sender<Job>) -> Result<(), Ended> {
    for message in &connection.receiver {
        match message {
            Message::Request(request) => {
                if connection
                    .handle_shutdown(&request)
                    .map_err(|e| e.to_string())?
                {
                    return Ok(());
                }
                let response = requests::answer(state, request);
                connection
                    .sender
                    .send(Message::Response(response))
                    .map_err(|e| e.to_string())?;
            }
            Message::Notification(notification) => {
                if notification.method == "exit" {
                    return Err(Ended::ExitWithoutShutdown);
                }
                notify(state, jobs, notification);
            }
            Message::Response(_) => {}
        }
    }
    Ok(())
}

/// The workspace folders of the handshake (or its older `rootUri`).
fn folders(params: &InitializeParams) -> Vec<PathBuf> {
    let mut folders: Vec<PathBuf> = params
        .workspace_folders
        .iter()
        .flatten()
        .filter_map(|f| super::uri::to_path(&f.uri))
        .collect();
    #[allow(
        deprecated,
        reason = "`rootUri` is the folder of a client that sends no workspaceFolders"
    )]
    if let Some(root) = params.root_uri.as_ref().and_then(super::uri::to_path) {
        if folders.is_empty() {
            folders.push(root);
        }
    }
    folders
}

fn notify(state: &State, jobs: &mpsc::Sender<Job>, notification: Notification) {
    let queued = match notification.method.as_str() {
        "textDocument/didOpen" => parse::<DidOpenTextDocumentParams>(notification).map(|p| {
            let doc = p.text_document;
            state
                .documents()
                .open(doc.uri.clone(), doc.version, doc.text);
            checks_after_edit(state, doc.uri)
        }),
        "textDocument/didChange" => parse::<DidChangeTextDocumentParams>(notification).map(|p| {
            let doc = p.text_document;
            let open = state
                .documents()
                .change(&doc.uri, doc.version, p.content_changes);
            if open {
                checks_after_edit(state, doc.uri)
            } else {
                Vec::new()
            }
        }),
        "textDocument/didClose" => parse::<DidCloseTextDocumentParams>(notification).map(|p| {
            let uri = p.text_document.uri;
            state.documents().close(&uri);
            let mut queued = vec![Job::Forget(uri.clone())];
            queued.extend(dependents(state, &uri).into_iter().map(Job::Check));
            queued
        }),
        _ => None,
    };
    for job in queued.into_iter().flatten() {
        let _ = jobs.send(job);
    }
}

/// A change re-checks the file, and the open files that use it (which read
/// its unsaved text).
fn checks_after_edit(state: &State, uri: Uri) -> Vec<Job> {
    let mut queued: Vec<Job> = dependents(state, &uri)
        .into_iter()
        .map(Job::Check)
        .collect();
    queued.insert(0, Job::Check(uri));
    queued
}

/// The open documents whose last check read the file at `uri`.
fn dependents(state: &State, uri: &Uri) -> Vec<Uri> {
    let Some(path) = super::uri::to_path(uri) else {
        return Vec::new();
    };
    let path = std::fs::canonicalize(&path).unwrap_or(path);
    state
        .analyses()
        .iter()
        .filter(|a| a.used_paths().contains(&path))
        .map(|a| a.uri.clone())
        .collect()
}

fn parse<P: serde::de::DeserializeOwned>(notification: Notification) -> Option<P> {
    serde_json::from_value(notification.params).ok()
}

/// A request the server does not know is answered "method not found".
pub fn unknown(request: &Request) -> lsp_server::Response {
    lsp_server::Response::new_err(
        request.id.clone(),
        lsp_server::ErrorCode::MethodNotFound as i32,
        format!("slac lsp does not handle `{}`", request.method),
    )
}
