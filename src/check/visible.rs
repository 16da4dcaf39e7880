//! Holiday sets a file sees from the libraries it uses (language.md §1.1,
//! "What a file sees"): every set of every library its `use` lines reach,
//! directly or through a library's own `use`. A name declared in two of
//! these files is E010 at the later one, with the first in its own file.

use super::twice::{given_twice, DECLARED};
use super::Checker;
use crate::ast;
use crate::model::{HolidaySet, Library};
use crate::source::{FileId, Span};

/// A checked set of a used library, with the place of its name.
#[derive(Debug, Clone, PartialEq)]
pub struct VisibleSet {
    pub set: HolidaySet,
    /// The library it is declared in.
    pub file: FileId,
    /// Its name in `holidays NAME "…"`.
    pub name: Span,
}

/// The sets of a checked library (`library`, from [`super::library`] on
/// `file`), each with the place of its name in `file` (id `id`).
pub fn declared_in(file: &ast::File, id: FileId, library: Library) -> Vec<VisibleSet> {
    // `library` checks the sets of the file in order, one model set each.
    let names = file.top.iter().filter_map(|item| match &item.kind {
        ast::ItemKind::Holidays(set) => Some(set.name.span),
        _ => None,
    });
    library
        .sets
        .into_iter()
        .zip(names)
        .map(|(set, name)| VisibleSet {
            set,
            file: id,
            name,
        })
        .collect()
}

impl<'d> Checker<'d> {
    /// E010 for each set of this file whose name a used library declares.
    pub(super) fn declared_in_a_library(&mut self, sets: &[&ast::HolidaySet]) {
        for set in sets {
            let name = &set.name;
            let Some(first) = self.visible.iter().find(|v| v.set.id.as_str() == name.node) else {
                continue;
            };
            self.push(
                given_twice(
                    name.span,
                    None,
                    DECLARED,
                    format!(
                        "holiday set `{}` is already declared in a used library",
                        name.node
                    ),
                    "rename one of the two: a contract sees the sets of every library it uses, \
                     so a name is declared once among them",
                )
                .with_related_in(first.file, first.name, DECLARED.first),
            );
        }
    }

    /// The sets a calendar may name: this file's, then the used libraries'.
    pub(super) fn nameable_sets<'s>(&self, own: &'s [HolidaySet]) -> Vec<&'s HolidaySet>
    where
        'd: 's,
    {
        own.iter()
            .chain(self.visible.iter().map(|v| &v.set))
            .collect()
    }
}
