//! A row's `priority` and `channel` against the contract: the id or one of
//! its `aka` names, ignoring case and outer spaces ([`fold_name`], the rule
//! the check uses to keep two priorities from claiming one name, E065/E066).
//! The row's value as written is looked up first, so a log that writes the
//! ids as declared costs one comparison per name and no allocation.

use crate::model::fold_name;

/// The names of the contract's priorities (or channels), each with the
/// index of the one it names.
#[derive(Debug)]
pub(crate) struct NameIndex {
    /// The ids, in declaration order (for "did you mean").
    ids: Vec<String>,
    /// Every id and `aka` name as written (trimmed).
    written: Vec<(Box<[u8]>, usize)>,
    /// Every id and `aka` name folded.
    folded: Vec<(String, usize)>,
}

impl NameIndex {
    /// From each declaration's id and `aka` names, in declaration order.
    pub fn new<'a>(declared: impl IntoIterator<Item = (&'a str, &'a [String])>) -> NameIndex {
        let mut index = NameIndex {
            ids: Vec::new(),
            written: Vec::new(),
            folded: Vec::new(),
        };
        for (i, (id, aka)) in declared.into_iter().enumerate() {
            index.ids.push(id.to_string());
            for name in std::iter::once(id).chain(aka.iter().map(String::as_str)) {
                index.written.push((name.trim().as_bytes().into(), i));
                index.folded.push((fold_name(name), i));
            }
        }
        index
    }

    /// The index of the declaration `cell` (trimmed of ASCII spaces) names.
    pub fn find(&self, cell: &[u8]) -> Option<usize> {
        if let Some((_, i)) = self.written.iter().find(|(n, _)| **n == *cell) {
            return Some(*i);
        }
        if cell.is_ascii() {
            // ASCII folds byte by byte: no allocation on the common path.
            return self
                .folded
                .iter()
                .find(|(n, _)| n.as_bytes().eq_ignore_ascii_case(cell))
                .map(|(_, i)| *i);
        }
        let folded = fold_name(std::str::from_utf8(cell).ok()?);
        self.folded
            .iter()
            .find(|(n, _)| *n == folded)
            .map(|(_, i)| *i)
    }

    /// The ids, in declaration order.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.ids.iter().map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::NameIndex;

    fn index() -> NameIndex {
        let p1 = vec!["urgent".to_string(), "P1 - Critical".to_string()];
        let p2 = vec!["高".to_string()];
        NameIndex::new([("P1", p1.as_slice()), ("P2", p2.as_slice())])
    }

    #[test]
    fn ids_and_aka_names_match_ignoring_case() {
        let index = index();
        for (cell, want) in [
            ("P1", Some(0)),
            ("p1", Some(0)),
            ("URGENT", Some(0)),
            ("p1 - critical", Some(0)),
            ("P2", Some(1)),
            ("高", Some(1)),
            ("P1 - Critica", None),
            ("低", None),
            ("", None),
        ] {
            assert_eq!(index.find(cell.as_bytes()), want, "{cell}");
        }
        assert_eq!(index.ids().collect::<Vec<_>>(), ["P1", "P2"]);
    }

    #[test]
    fn non_ascii_names_fold_with_unicode_case() {
        let names = vec!["Émail".to_string()];
        let index = NameIndex::new([("email", names.as_slice())]);
        assert_eq!(index.find("ÉMAIL".as_bytes()), Some(0));
        assert_eq!(index.find("émail".as_bytes()), Some(0));
        // Not valid UTF-8: no name.
        assert_eq!(index.find(b"\xff\xfe"), None);
    }
}
