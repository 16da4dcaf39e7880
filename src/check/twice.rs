//! E010 "given twice": the one builder every check uses, so that all the
//! repeats of the language read alike and mark both places.

use crate::diagnostic::{Code, Diagnostic};
use crate::source::Span;

/// The labels of the repeat and of the first occurrence.
#[derive(Clone, Copy)]
pub(super) struct Labels {
    pub again: &'static str,
    pub first: &'static str,
}

/// An item, a field or a line given again.
pub(super) const GIVEN: Labels = Labels {
    again: "given again here",
    first: "first given here",
};

/// A name declared again.
pub(super) const DECLARED: Labels = Labels {
    again: "declared again here",
    first: "first declared here",
};

/// E010 at `again` (with `first` as the related place, when known).
pub(super) fn given_twice(
    again: Span,
    first: Option<Span>,
    labels: Labels,
    message: impl Into<String>,
    help: impl Into<String>,
) -> Diagnostic {
    let diagnostic = Diagnostic::new(Code::E010, again, message)
        .with_label(labels.again)
        .with_help(help);
    match first {
        Some(first) => diagnostic.with_related(first, labels.first),
        None => diagnostic,
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Code;
    use crate::source::SourceFile;

    /// Every E010 of the checks is made by [`super::given_twice`].
    #[test]
    fn one_builder_makes_every_e010() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/check");
        let mut files = Vec::new();
        for entry in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.file_name().is_some_and(|n| n != "twice.rs") {
                files.push(path);
            }
        }
        assert!(files.len() > 5, "the check files were not found in {dir:?}");
        for path in files {
            let source = std::fs::read_to_string(&path).unwrap_or_default();
            assert!(
                !source.contains("Code::E010"),
                "{path:?} builds an E010 itself; use twice::given_twice"
            );
        }
    }

    /// The repeats inside parties, channels, priorities and calendars, which
    /// have no golden case of their own: message, label and related place.
    #[test]
    fn repeats_inside_blocks_keep_their_wording() {
        let source = SourceFile::new(
            "twice.sla",
            r#"contract "SLA" {
  timezone "Asia/Shanghai"
  clock business
  party client "A" { short "a" short "b" }
  party provider "B" { short "b" }
  scope { service s "S" }
  calendar business "B" {
    timezone "Asia/Shanghai"
    timezone "Asia/Tokyo"
    mon-fri 09:00-18:00
    open 2027-01-09 09:00-18:00
    open 2027-01-09 09:00-12:00
  }
  channel hotline "H" { hours business hours business }
  priority P1 "Urgent" { "one" "two" clock business clock business }
  response { P1 within 30 minutes }
  resolution { P1 within 4 hours }
}
"#,
        );
        let checked = crate::check(source);
        let e010: Vec<(String, Option<String>, usize)> = checked
            .diagnostics
            .iter()
            .filter(|d| d.code == Code::E010)
            .map(|d| (d.message.clone(), d.label.clone(), d.related.len()))
            .collect();
        let given = Some("given again here".to_string());
        assert_eq!(
            e010,
            vec![
                (
                    "`short` is given twice for this party".into(),
                    given.clone(),
                    1
                ),
                (
                    "the calendar's `timezone` is given twice".into(),
                    given.clone(),
                    0
                ),
                ("`open 2027-01-09` is given twice".into(), given.clone(), 1),
                ("`hours` is given twice for this channel".into(), given, 1),
                (
                    "priority `P1` has two definitions".into(),
                    Some("a second definition".into()),
                    0
                ),
                (
                    "priority `P1` has two clocks".into(),
                    Some("a second `clock`".into()),
                    0
                ),
            ]
        );
    }
}
