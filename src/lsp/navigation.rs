//! Go to definition, find references and rename, for calendars, channels,
//! priorities, holiday sets and exclusion clauses, across the files a check
//! reads: from a contract into the libraries it uses, and from a library
//! to the open contracts that use it.

use super::analysis::Analysis;
use super::names::{self, NameKind, Occurrence};
use super::positions;
use super::requests::Refusal;
use super::state::State;
use crate::source::FileId;
use lsp_types::{
    GotoDefinitionParams, GotoDefinitionResponse, Location, Position, ReferenceParams,
    RenameParams, TextEdit, Uri, WorkspaceEdit,
};
use std::collections::HashMap;
use std::sync::Arc;

pub fn definition(
    state: &State,
    params: GotoDefinitionParams,
) -> Result<Option<GotoDefinitionResponse>, Refusal> {
    let at = params.text_document_position_params;
    let Some(found) = Found::at(state, &at.text_document.uri, at.position) else {
        return Ok(None);
    };
    let declared: Vec<Location> = found
        .index
        .iter()
        .filter(|o| o.declares && o.same_as(&found.name))
        .filter_map(|o| location(&found.analysis, o))
        .collect();
    Ok(Some(GotoDefinitionResponse::Array(declared)))
}

pub fn references(
    state: &State,
    params: ReferenceParams,
) -> Result<Option<Vec<Location>>, Refusal> {
    let at = params.text_document_position;
    let Some(found) = Found::at(state, &at.text_document.uri, at.position) else {
        return Ok(None);
    };
    let with_declaration = params.context.include_declaration;
    Ok(Some(
        found
            .everywhere(state)
            .into_iter()
            .filter(|(_, declares)| with_declaration || !declares)
            .map(|(location, _)| location)
            .collect(),
    ))
}

pub fn rename(state: &State, params: RenameParams) -> Result<Option<WorkspaceEdit>, Refusal> {
    let at = params.text_document_position;
    let uri = at.text_document.uri;
    let Some(found) = Found::at(state, &uri, at.position) else {
        return Err(Refusal::failed(
            "there is no calendar, channel, priority, holiday set or clause name here",
        ));
    };
    let current = state.documents().get(&uri).map(|d| d.version);
    if current != Some(found.analysis.version) {
        return Err(Refusal::failed(
            "the document changed since its last check; rename again in a moment",
        ));
    }
    let new = params.new_name;
    let word = found.name.kind.word();
    if !names::is_ident(&new) {
        return Err(Refusal::invalid(format!(
            "`{new}` is not a name: a {word} name is a letter, then letters, digits, `-` or `_`"
        )));
    }
    if new == found.name.name {
        return Ok(Some(WorkspaceEdit::default()));
    }
    let mut taken = found.name.clone();
    taken.name.clone_from(&new);
    if found.index.iter().any(|o| o.declares && o.same_as(&taken)) {
        return Err(Refusal::failed(format!(
            "there is already a {word} `{new}`"
        )));
    }
    #[allow(
        clippy::mutable_key_type,
        reason = "WorkspaceEdit's map is keyed by Uri, whose cache is not part of its hash"
    )]
    let mut changes: HashMap<Uri, Vec<TextEdit>> = HashMap::new();
    for (location, _) in found.everywhere(state) {
        changes
            .entry(location.uri)
            .or_default()
            .push(TextEdit::new(location.range, new.clone()));
    }
    Ok(Some(WorkspaceEdit {
        changes: Some(changes),
        ..WorkspaceEdit::default()
    }))
}

/// The name under the cursor, in the last check of its document.
pub struct Found {
    pub analysis: Arc<Analysis>,
    pub index: Vec<Occurrence>,
    pub name: Occurrence,
}

impl Found {
    pub fn at(state: &State, uri: &Uri, position: Position) -> Option<Found> {
        let analysis = state.analysis(uri)?;
        let offset = positions::offset(analysis.source(FileId::MAIN), position);
        let index = names::index(&analysis);
        let name = names::at(&index, FileId::MAIN, offset)?.clone();
        Some(Found {
            analysis,
            index,
            name,
        })
    }

    /// Every place the name is written, with whether it declares it: in
    /// this check, and — for a holiday set — in the other open checks that
    /// read the same declaration (the contracts using an open library).
    fn everywhere(&self, state: &State) -> Vec<(Location, bool)> {
        let mut out: Vec<(Location, bool)> = Vec::new();
        let mut add = |analysis: &Analysis, o: &Occurrence| {
            if let Some(location) = location(analysis, o) {
                if !out.iter().any(|(l, _)| *l == location) {
                    out.push((location, o.declares));
                }
            }
        };
        for o in self.index.iter().filter(|o| o.same_as(&self.name)) {
            add(&self.analysis, o);
        }
        if self.name.kind != NameKind::HolidaySet {
            return out;
        }
        let ours = declarations(&self.analysis, &self.index, &self.name);
        for other in state.analyses() {
            if other.uri == self.analysis.uri {
                continue;
            }
            let index = names::index(&other);
            let Some(same) = index.iter().find(|o| o.same_as(&self.name)) else {
                continue;
            };
            let theirs = declarations(&other, &index, same);
            if theirs.iter().any(|l| ours.contains(l)) {
                for o in index.iter().filter(|o| o.same_as(&self.name)) {
                    add(&other, o);
                }
            }
        }
        out
    }
}

/// Where a name is declared, in a check.
fn declarations(analysis: &Analysis, index: &[Occurrence], name: &Occurrence) -> Vec<Location> {
    index
        .iter()
        .filter(|o| o.declares && o.same_as(name))
        .filter_map(|o| location(analysis, o))
        .collect()
}

fn location(analysis: &Analysis, o: &Occurrence) -> Option<Location> {
    let uri = analysis.uri_of(o.file)?;
    Some(Location::new(
        uri.clone(),
        positions::range(analysis.source(o.file), o.span),
    ))
}
