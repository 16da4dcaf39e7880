//! Which column of a CSV log holds which field: the canonical names of
//! docs/eval.md unless a preset (`--preset`), a mapping file (`--mapping`)
//! or `--map FIELD=COLUMN,…` says otherwise, in that order, each overriding
//! single fields of the one before.
//!
//! Headers are matched here and nowhere else ([`locate`]): trimmed and
//! without regard to case, for canonical names and mapped ones alike. A
//! mapping that names an unknown field, gives one field twice, maps one
//! column to two fields or leaves a required field without a column is
//! refused before the log is read; a mapped column the header lacks is
//! refused with the header's columns and the likely one.

use super::presets::Preset;
use super::read::LogShape;
use super::{EvalError, COLUMNS, EXCLUDED};
use std::collections::BTreeMap;
use std::path::Path;

/// Every field of the ticket log, in the order of [`COLUMNS`], then
/// `excluded`.
const FIELDS: [&str; 11] = [
    COLUMNS[0], COLUMNS[1], COLUMNS[2], COLUMNS[3], COLUMNS[4], COLUMNS[5], COLUMNS[6], COLUMNS[7],
    COLUMNS[8], COLUMNS[9], EXCLUDED,
];

/// The fields every row needs: a mapping may not leave them out.
const REQUIRED: [&str; 4] = ["id", "priority", "channel", "received_at"];

/// Where a field's column name came from, for the messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Preset(Preset),
    File,
    Flag,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Origin::Preset(p) => write!(f, "the {p} preset"),
            Origin::File => f.write_str("--mapping"),
            Origin::Flag => f.write_str("--map"),
        }
    }
}

/// One field's column as a mapping gives it: a name, or none (the log has
/// no such column; the field reads as empty).
#[derive(Debug, Clone, PartialEq, Eq)]
struct Mapped {
    field: &'static str,
    column: Option<String>,
    origin: Origin,
}

/// The columns of a ticket log: the canonical names, overridden field by
/// field.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ColumnMap {
    mapped: Vec<Mapped>,
}

/// Why a mapping cannot be used (exit 2).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MappingError {
    #[error("{origin} names an unknown field `{field}`{hint} (the fields are {})", FIELDS.join(", "))]
    UnknownField {
        origin: Origin,
        field: String,
        hint: String,
    },
    #[error("{origin} maps `{field}` twice")]
    FieldTwice { origin: Origin, field: String },
    #[error("{origin}: `{entry}` is not FIELD=COLUMN")]
    Entry { origin: Origin, entry: String },
    #[error("the column `{column}` is mapped twice: to `{first}` and to `{second}`")]
    ColumnTwice {
        column: String,
        first: &'static str,
        second: &'static str,
    },
    #[error("`{field}` needs a column, but {origin} gives it none: name the log's column with --map {field}=COLUMN")]
    Required { field: &'static str, origin: Origin },
    #[error("cannot read the mapping file `{path}`: {why}")]
    File { path: String, why: String },
}

impl ColumnMap {
    /// The canonical names, nothing mapped.
    pub const CANONICAL: ColumnMap = ColumnMap { mapped: Vec::new() };

    /// The columns of a ticket system's export.
    pub fn preset(preset: Preset) -> ColumnMap {
        let mut map = ColumnMap::default();
        for (field, column) in preset.columns() {
            map.set(field, column.map(str::to_string), Origin::Preset(preset));
        }
        map
    }

    fn set(&mut self, field: &'static str, column: Option<String>, origin: Origin) {
        self.mapped.retain(|m| m.field != field);
        self.mapped.push(Mapped {
            field,
            column,
            origin,
        });
    }

    /// Overrides fields with `(field, column)` pairs of one source; an
    /// empty column means the log has none.
    fn apply(&mut self, pairs: Vec<(String, String)>, origin: Origin) -> Result<(), MappingError> {
        let mut seen: Vec<&'static str> = Vec::new();
        for (field, column) in pairs {
            let name = field.trim();
            let Some(known) = FIELDS.iter().find(|f| **f == name) else {
                let hint = crate::diagnostic::did_you_mean(name, FIELDS)
                    .map(|m| format!(" (did you mean `{m}`?)"))
                    .unwrap_or_default();
                return Err(MappingError::UnknownField {
                    origin,
                    field: name.to_string(),
                    hint,
                });
            };
            if seen.contains(known) {
                return Err(MappingError::FieldTwice {
                    origin,
                    field: name.to_string(),
                });
            }
            seen.push(known);
            let column = column.trim();
            let column = (!column.is_empty()).then(|| column.to_string());
            self.set(known, column, origin);
        }
        Ok(())
    }

    /// `--map received_at=Created,first_response_at="First reply at"`: the
    /// entries split at commas outside double quotes; a column may be
    /// quoted, and `FIELD=` says the log has no such column.
    pub fn apply_flag(&mut self, spec: &str) -> Result<(), MappingError> {
        let mut pairs = Vec::new();
        for entry in split_outside_quotes(spec) {
            if entry.trim().is_empty() {
                continue;
            }
            let Some((field, column)) = entry.split_once('=') else {
                return Err(MappingError::Entry {
                    origin: Origin::Flag,
                    entry: entry.trim().to_string(),
                });
            };
            let column = column.trim();
            let column = column
                .strip_prefix('"')
                .and_then(|c| c.strip_suffix('"'))
                .unwrap_or(column);
            pairs.push((field.to_string(), column.to_string()));
        }
        self.apply(pairs, Origin::Flag)
    }

    /// A mapping file, `FIELD = "COLUMN"` in TOML (`.toml`) or
    /// `FIELD: COLUMN` in YAML (`.yaml`/`.yml`); `""` says the log has no
    /// such column.
    pub fn apply_file(&mut self, path: &Path) -> Result<(), MappingError> {
        let file_error = |why: String| MappingError::File {
            path: path.display().to_string(),
            why,
        };
        let text = std::fs::read_to_string(path).map_err(|e| file_error(e.to_string()))?;
        let extension = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        let table: BTreeMap<String, String> = match extension.as_deref() {
            Some("toml") => toml::from_str(&text).map_err(|e| file_error(e.to_string()))?,
            Some("yaml" | "yml") => {
                serde_saphyr::from_str(&text).map_err(|e| file_error(e.to_string()))?
            }
            _ => {
                return Err(file_error(
                    "a mapping file is TOML (`.toml`) or YAML (`.yaml`, `.yml`)".into(),
                ))
            }
        };
        self.apply(table.into_iter().collect(), Origin::File)
    }

    /// Checks the whole mapping: every required field has a column, and
    /// no column is given to two fields.
    pub fn check(&self) -> Result<(), MappingError> {
        for m in &self.mapped {
            if m.column.is_none() && REQUIRED.contains(&m.field) {
                return Err(MappingError::Required {
                    field: m.field,
                    origin: m.origin,
                });
            }
        }
        let mut taken: Vec<(String, &str, &'static str)> = Vec::new();
        for field in FIELDS {
            let Some(column) = self.column(field) else {
                continue;
            };
            let key = fold(column);
            if let Some((_, spelt, first)) = taken.iter().find(|(k, _, _)| *k == key) {
                return Err(MappingError::ColumnTwice {
                    column: spelt.to_string(),
                    first,
                    second: field,
                });
            }
            taken.push((key, column, field));
        }
        Ok(())
    }

    fn mapped(&self, field: &str) -> Option<&Mapped> {
        self.mapped.iter().find(|m| m.field == field)
    }

    /// The column a field is read from (`None`: the log has none).
    fn column<'a>(&'a self, field: &'a str) -> Option<&'a str> {
        match self.mapped(field) {
            Some(m) => m.column.as_deref(),
            None => Some(field),
        }
    }
}

/// Splits at commas that are not inside double quotes.
fn split_outside_quotes(spec: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut quoted = false;
    let mut from = 0;
    for (i, c) in spec.char_indices() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => {
                parts.extend(spec.get(from..i));
                from = i + 1;
            }
            _ => {}
        }
    }
    parts.extend(spec.get(from..));
    parts
}

/// Why a header does not give every column a log needs.
pub(crate) enum Unlocated {
    /// Canonical columns that are missing (the log's own error).
    Canonical(Vec<String>),
    /// A mapped column that is missing.
    Mapped(EvalError),
}

/// Where each of the shape's columns is in the header (`usize::MAX`: not
/// in the log, read as empty). The one place headers are matched: trimmed
/// (a UTF-8 BOM too) and without regard to case.
pub(crate) fn locate<const N: usize>(
    header: &[String],
    shape: &LogShape<'_, N>,
) -> Result<[usize; N], Unlocated> {
    let folded: Vec<String> = header.iter().map(|h| fold(h)).collect();
    let mut at = [usize::MAX; N];
    let mut missing = Vec::new();
    for (slot, name) in at.iter_mut().zip(shape.columns) {
        let mapped = shape.map.mapped(name);
        let Some(column) = shape.map.column(name) else {
            continue;
        };
        let want = fold(column);
        match folded.iter().position(|h| *h == want) {
            Some(i) => *slot = i,
            None => match mapped {
                Some(m) => {
                    return Err(Unlocated::Mapped(EvalError::MappedColumn {
                        column: column.to_string(),
                        field: m.field,
                        origin: m.origin,
                        hint: crate::diagnostic::did_you_mean(
                            column,
                            header.iter().map(String::as_str),
                        )
                        .map(|h| format!(" (did you mean `{h}`?)"))
                        .unwrap_or_default(),
                        header: header.join(", "),
                    }))
                }
                None if shape.optional.contains(name) => {}
                None => missing.push(name.to_string()),
            },
        }
    }
    if missing.is_empty() {
        Ok(at)
    } else {
        Err(Unlocated::Canonical(missing))
    }
}

fn fold(name: &str) -> String {
    name.trim()
        .trim_start_matches('\u{feff}')
        .trim()
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(map: &ColumnMap) -> LogShape<'_, 11> {
        LogShape {
            columns: &FIELDS,
            optional: &[EXCLUDED],
            no_header: || EvalError::NoHeader,
            missing: |missing, _| EvalError::MissingColumns {
                missing,
                hint: String::new(),
            },
            map,
        }
    }

    fn header(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn canonical_names_match_without_regard_to_case_or_spaces() {
        let mut names: Vec<String> = COLUMNS.iter().map(|c| c.to_uppercase()).collect();
        names[0] = " \u{feff}Id ".into();
        let at = locate(&names, &shape(&ColumnMap::CANONICAL)).ok().unwrap();
        assert_eq!(at[..10], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        assert_eq!(at[10], usize::MAX);
    }

    #[test]
    fn a_preset_with_map_overrides_single_columns() {
        let mut map = ColumnMap::preset(Preset::Zendesk);
        map.apply_flag(r#"first_response_at="First reply at",csat=Rating"#)
            .unwrap();
        map.check().unwrap();
        let h = header(&[
            "Id",
            "Subject",
            "Priority",
            "Via",
            "Created at",
            "Solved at",
            "First reply at",
            "rating",
        ]);
        let at = locate(&h, &shape(&map)).ok().unwrap();
        assert_eq!(
            at,
            [
                0,
                2,
                3,
                4,
                6,
                5,
                usize::MAX,
                usize::MAX,
                7,
                usize::MAX,
                usize::MAX
            ]
        );
    }

    #[test]
    fn a_mapped_column_the_header_lacks_names_the_header() {
        let mut map = ColumnMap::CANONICAL;
        map.apply_flag("received_at=Created").unwrap();
        let mut h: Vec<String> = COLUMNS.iter().map(|c| c.to_string()).collect();
        h[3] = "Created at".into();
        let Err(Unlocated::Mapped(e)) = locate(&h, &shape(&map)) else {
            panic!("not refused");
        };
        let text = e.to_string();
        assert!(
            text.starts_with("the CSV header has no column `Created` (for `received_at`, from --map) (did you mean `Created at`?); its columns are id, priority, channel, Created at,"),
            "{text}"
        );
    }

    #[test]
    fn bad_mappings_are_refused() {
        let flag = |spec: &str| {
            let mut map = ColumnMap::CANONICAL;
            map.apply_flag(spec).and_then(|()| map.check())
        };
        let e = flag("recieved_at=Created").unwrap_err().to_string();
        assert!(e.starts_with("--map names an unknown field `recieved_at` (did you mean `received_at`?) (the fields are id, priority,"), "{e}");
        assert_eq!(
            flag("id=A,id=B").unwrap_err().to_string(),
            "--map maps `id` twice"
        );
        assert_eq!(
            flag("received_at=Created,resolved_at=created")
                .unwrap_err()
                .to_string(),
            "the column `Created` is mapped twice: to `received_at` and to `resolved_at`"
        );
        assert_eq!(
            flag("received_at=id").unwrap_err().to_string(),
            "the column `id` is mapped twice: to `id` and to `received_at`"
        );
        assert_eq!(
            flag("Created").unwrap_err().to_string(),
            "--map: `Created` is not FIELD=COLUMN"
        );
        assert!(flag("channel=")
            .unwrap_err()
            .to_string()
            .starts_with("`channel` needs a column, but --map gives it none"));
        let jira = ColumnMap::preset(Preset::Jira)
            .check()
            .unwrap_err()
            .to_string();
        assert!(jira.starts_with("`channel` needs a column, but the jira preset gives it none: name the log's column with --map channel=COLUMN"), "{jira}");
        // Quoted columns keep their commas; `FIELD=` is no column.
        let mut map = ColumnMap::CANONICAL;
        map.apply_flag(r#"resolved_at="Solved, finally",csat="#)
            .unwrap();
        assert_eq!(map.column("resolved_at"), Some("Solved, finally"));
        assert_eq!(map.column("csat"), None);
        map.check().unwrap();
    }

    #[test]
    fn mapping_files_in_toml_and_yaml() {
        let dir = tempfile::tempdir().unwrap();
        let toml = dir.path().join("m.toml");
        std::fs::write(&toml, "received_at = \"Created\"\ncsat = \"\"\n").unwrap();
        let yaml = dir.path().join("m.yaml");
        std::fs::write(&yaml, "received_at: Created\ncsat: \"\"\n").unwrap();
        for path in [&toml, &yaml] {
            let mut map = ColumnMap::CANONICAL;
            map.apply_file(path).unwrap();
            assert_eq!(map.column("received_at"), Some("Created"));
            assert_eq!(map.column("csat"), None);
            assert_eq!(map.column("id"), Some("id"));
        }
        let bad = dir.path().join("m.toml");
        std::fs::write(&bad, "recieved_at = \"Created\"\n").unwrap();
        let e = ColumnMap::CANONICAL.clone().apply_file(&bad).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("--mapping names an unknown field `recieved_at`"),
            "{e}"
        );
        let json = dir.path().join("m.json");
        std::fs::write(&json, "{}").unwrap();
        assert!(ColumnMap::CANONICAL
            .clone()
            .apply_file(&json)
            .unwrap_err()
            .to_string()
            .contains("TOML"));
    }
}
