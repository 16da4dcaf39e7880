//! Document symbols: the outline of a file — each contract with its
//! parties, calendars, holiday sets, priorities (their response and
//! resolution targets beneath them), channels and remedies; a library's
//! sets.

use super::positions;
use super::requests::Refusal;
use super::state::State;
use crate::ast::{ExclusionLine, File, Item, ItemKind, TargetLine};
use crate::source::{SourceFile, Span};
use lsp_types::{DocumentSymbol, DocumentSymbolParams, DocumentSymbolResponse, SymbolKind};

pub fn outline(
    state: &State,
    params: DocumentSymbolParams,
) -> Result<Option<DocumentSymbolResponse>, Refusal> {
    let Some(analysis) = state.analysis(&params.text_document.uri) else {
        return Ok(None);
    };
    let Some(file) = analysis.ast(crate::source::FileId::MAIN) else {
        return Ok(Some(DocumentSymbolResponse::Nested(Vec::new())));
    };
    let source = analysis.source(crate::source::FileId::MAIN);
    Ok(Some(DocumentSymbolResponse::Nested(symbols(source, file))))
}

/// The outline of a parsed file.
pub fn symbols(source: &SourceFile, file: &File) -> Vec<DocumentSymbol> {
    let mut out: Vec<DocumentSymbol> = file
        .contracts
        .iter()
        .map(|c| {
            let targets = targets(&c.items);
            let children = c
                .items
                .iter()
                .filter_map(|item| item_symbol(source, item, &targets))
                .collect();
            symbol(
                source,
                written(source, c.title.span),
                SymbolKind::MODULE,
                c.span,
                c.title.span,
                children,
            )
        })
        .collect();
    out.extend(
        file.top
            .iter()
            .filter_map(|item| item_symbol(source, item, &[])),
    );
    out
}

/// Every response and resolution line, with its kind's word.
fn targets(items: &[Item]) -> Vec<(&'static str, &TargetLine)> {
    items
        .iter()
        .flat_map(|item| {
            let (word, lines): (&'static str, &[TargetLine]) =
                if let ItemKind::Response(lines) = &item.kind {
                    ("response", lines)
                } else if let ItemKind::Resolution(lines) = &item.kind {
                    ("resolution", lines)
                } else {
                    ("", &[])
                };
            lines.iter().map(move |l| (word, l))
        })
        .collect()
}

fn item_symbol(
    source: &SourceFile,
    item: &Item,
    targets: &[(&'static str, &TargetLine)],
) -> Option<DocumentSymbol> {
    let (name, kind, selection, children) = match &item.kind {
        ItemKind::Party(p) => (
            format!("{} {}", p.role.node, written(source, p.name.span)),
            SymbolKind::OBJECT,
            p.name.span,
            Vec::new(),
        ),
        ItemKind::Calendar(c) => (
            c.name.node.clone(),
            SymbolKind::STRUCT,
            c.name.span,
            Vec::new(),
        ),
        ItemKind::Holidays(h) => (
            h.name.node.clone(),
            SymbolKind::ENUM,
            h.name.span,
            Vec::new(),
        ),
        ItemKind::Channel(c) => (
            c.name.node.clone(),
            SymbolKind::INTERFACE,
            c.name.span,
            Vec::new(),
        ),
        ItemKind::Priority(p) => {
            let children = targets
                .iter()
                .filter(|(_, line)| line.priority.node == p.name.node)
                .map(|(word, line)| {
                    let name = format!("{word} {}", source.slice(line.within.span));
                    symbol(
                        source,
                        name,
                        SymbolKind::EVENT,
                        line.span,
                        line.within.span,
                        Vec::new(),
                    )
                })
                .collect();
            (
                p.name.node.clone(),
                SymbolKind::ENUM_MEMBER,
                p.name.span,
                children,
            )
        }
        ItemKind::Exclusions(lines) => {
            let children = lines
                .iter()
                .map(|line| match line {
                    ExclusionLine::Maintenance { keyword, span, .. } => symbol(
                        source,
                        "maintenance".into(),
                        SymbolKind::FIELD,
                        *span,
                        *keyword,
                        Vec::new(),
                    ),
                    ExclusionLine::Clause { id, span, .. } => symbol(
                        source,
                        id.node.clone(),
                        SymbolKind::FIELD,
                        *span,
                        id.span,
                        Vec::new(),
                    ),
                })
                .collect();
            (
                "exclusions".into(),
                SymbolKind::NAMESPACE,
                item.keyword,
                children,
            )
        }
        ItemKind::Credits(_) => (
            "credits".into(),
            SymbolKind::NAMESPACE,
            item.keyword,
            Vec::new(),
        ),
        ItemKind::Id(_)
        | ItemKind::Version(_)
        | ItemKind::Language(_)
        | ItemKind::PartOf(_)
        | ItemKind::Effective { .. }
        | ItemKind::Timezone(_)
        | ItemKind::Clock(_)
        | ItemKind::BusinessDay(_)
        | ItemKind::Pause(_)
        | ItemKind::Term { .. }
        | ItemKind::Scope(_)
        | ItemKind::Response(_)
        | ItemKind::Resolution(_)
        | ItemKind::Fcr { .. }
        | ItemKind::Csat(_)
        | ItemKind::Support(_)
        | ItemKind::Reporting(_)
        | ItemKind::GoverningLaw(_)
        | ItemKind::Commitment(_)
        | ItemKind::PartyNames(_) => return None,
    };
    Some(symbol(source, name, kind, item.span, selection, children))
}

/// A text as written, without its quotes.
fn written(source: &SourceFile, span: Span) -> String {
    source.slice(span).trim_matches('"').to_owned()
}

fn symbol(
    source: &SourceFile,
    name: String,
    kind: SymbolKind,
    span: Span,
    selection: Span,
    children: Vec<DocumentSymbol>,
) -> DocumentSymbol {
    #[allow(deprecated, reason = "`deprecated` is a field LSP still requires")]
    DocumentSymbol {
        name,
        detail: None,
        kind,
        tags: None,
        deprecated: None,
        range: positions::range(source, span),
        selection_range: positions::range(source, selection),
        children: (!children.is_empty()).then_some(children),
    }
}
