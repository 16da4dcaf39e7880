//! The check worker: a thread that checks documents off the main loop, so
//! requests are answered (from the last analysis) while a check runs. Jobs
//! that queue up while it works are taken together, each document checked
//! once; then the diagnostics of every file are published where they
//! changed.

use super::analysis::{self, Analysis};
use super::state::State;
use crate::load;
use lsp_server::{Message, Notification};
use lsp_types::{Diagnostic, PublishDiagnosticsParams, Uri};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::sync::mpsc;
use std::sync::Arc;
use std::thread::JoinHandle;

/// What the worker is asked to do.
#[derive(Debug, Clone)]
pub enum Job {
    /// Check the document again (its text changed, or a library it uses).
    Check(Uri),
    /// The document was closed: drop its analysis and its diagnostics.
    Forget(Uri),
}

impl Job {
    fn uri(&self) -> &Uri {
        match self {
            Job::Check(uri) | Job::Forget(uri) => uri,
        }
    }
}

/// Starts the worker; it stops when every sender of jobs is dropped.
pub fn spawn(
    state: Arc<State>,
    out: crossbeam_channel::Sender<Message>,
) -> std::io::Result<(mpsc::Sender<Job>, JoinHandle<()>)> {
    let (jobs, queue) = mpsc::channel();
    let handle = std::thread::Builder::new()
        .name("slac-check".into())
        .spawn(move || work(&state, &queue, &out))?;
    Ok((jobs, handle))
}

fn work(state: &State, queue: &mpsc::Receiver<Job>, out: &crossbeam_channel::Sender<Message>) {
    let mut published: HashMap<String, Vec<Diagnostic>> = HashMap::new();
    while let Ok(first) = queue.recv() {
        let mut batch = vec![first];
        batch.extend(queue.try_iter());
        // The last job for each document is the one that counts.
        let mut last: Vec<Job> = Vec::new();
        for job in batch.into_iter().rev() {
            if !last.iter().any(|j| j.uri().as_str() == job.uri().as_str()) {
                last.push(job);
            }
        }
        for job in last.into_iter().rev() {
            match job {
                Job::Check(uri) => check(state, &uri),
                Job::Forget(uri) => state.forget(&uri),
            }
        }
        if publish(state, out, &mut published).is_err() {
            return; // the client is gone
        }
    }
}

fn check(state: &State, uri: &Uri) {
    let Some(doc) = state.documents().get(uri).cloned() else {
        return;
    };
    let read = |path: &Path| match state.documents().at_path(path) {
        Some(open) => Ok(open.source.text().as_bytes().to_vec()),
        None => load::read_file(path),
    };
    let root = doc.path.as_deref().and_then(|p| state.root_for(p));
    let previous = state.analysis(uri);
    let analysis = analysis::analyse(&doc, root, &read, previous.as_deref());
    state.store(analysis);
}

/// Publishes the diagnostics of every file where they changed. A file's
/// own check decides its diagnostics; a file that is not open (a used
/// library) gets those of the checks that read it, once each.
fn publish(
    state: &State,
    out: &crossbeam_channel::Sender<Message>,
    published: &mut HashMap<String, Vec<Diagnostic>>,
) -> Result<(), ClientGone> {
    let analyses = state.analyses();
    let mut now: BTreeMap<String, (Uri, Option<i32>, Vec<Diagnostic>)> = BTreeMap::new();
    for a in &analyses {
        if let Some((uri, diags)) = a.published.iter().find(|(u, _)| *u == a.uri) {
            now.insert(
                uri.as_str().into(),
                (uri.clone(), Some(a.version), diags.clone()),
            );
        }
    }
    for a in &analyses {
        for (uri, diags) in a.published.iter().filter(|(u, _)| *u != a.uri) {
            if is_checked_itself(&analyses, uri) {
                continue;
            }
            let entry = now
                .entry(uri.as_str().into())
                .or_insert_with(|| (uri.clone(), None, Vec::new()));
            for d in diags {
                if !entry.2.contains(d) {
                    entry.2.push(d.clone());
                }
            }
        }
    }
    let gone: Vec<String> = published
        .keys()
        .filter(|k| !now.contains_key(*k))
        .cloned()
        .collect();
    for key in gone {
        published.remove(&key);
        if let Ok(uri) = key.parse::<Uri>() {
            send(out, uri, None, Vec::new())?;
        }
    }
    for (key, (uri, version, diags)) in now {
        if published.get(&key) != Some(&diags) {
            published.insert(key, diags.clone());
            send(out, uri, version, diags)?;
        }
    }
    Ok(())
}

fn is_checked_itself(analyses: &[Arc<Analysis>], uri: &Uri) -> bool {
    analyses.iter().any(|a| a.uri == *uri)
}

fn send(
    out: &crossbeam_channel::Sender<Message>,
    uri: Uri,
    version: Option<i32>,
    diagnostics: Vec<Diagnostic>,
) -> Result<(), ClientGone> {
    let params = PublishDiagnosticsParams {
        uri,
        diagnostics,
        version,
    };
    out.send(Message::Notification(Notification::new(
        "textDocument/publishDiagnostics".into(),
        params,
    )))
    .map_err(|_| ClientGone)
}

/// The client's end of the connection is closed: nothing more to publish.
#[derive(Debug)]
struct ClientGone;
