//! The rule set (design §7): the checked model as JSON or YAML, for ticket
//! systems and scripts to enforce.
//!
//! Design intent:
//! - The shape is a set of plain serde structs ([`shape`]): field order is
//!   key order and there is no hash map anywhere, so the same contract gives
//!   byte-identical output on every run and every machine.
//! - JSON and YAML carry the same data for every reader. The YAML emitter is
//!   serde-saphyr with every string value quoted and keys quoted where a
//!   YAML 1.1 reader would take them for another type, so that PyYAML and
//!   Ruby's Psych read `18:00`, `09:00`, `2027-10-01`, `yes` or `on` back as
//!   the strings they are. See `docs/rule-set.md` for why not serde_yaml.
//! - The fingerprint identifies the *meaning* of a contract: it is computed
//!   from the rule set, which comes from the model, so formatting and
//!   comments in the source never change it.
//!
//! `slac build` and `slac schema` are thin wrappers around this module.

mod holidays;
mod lower;
mod remedies;
pub mod shape;
mod wording;
mod yearly;

pub use shape::RuleSet;

use crate::model::Contract;
use sha2::{Digest, Sha256};

/// The JSON Schema (draft 2020-12) every rule set validates against.
pub const SCHEMA: &str = include_str!("../../schema/slac.rules.v1.json");

/// Why a rule set could not be written out. Serializing these plain structs
/// does not fail in practice; the error is typed so that it never panics.
#[derive(Debug, thiserror::Error)]
pub enum RulesError {
    #[error("cannot write the rule set as JSON: {0}")]
    Json(#[from] serde_json::Error),
    #[error("cannot write the rule set as YAML: {0}")]
    Yaml(#[from] serde_saphyr::SerializeError),
}

/// The rule set of a checked contract. `draft` marks a rule set built with
/// `--draft`, where placeholders are allowed (as `{"placeholder": "…"}`).
/// Whether a placeholder may be built at all is the caller's decision
/// (`slac build` refuses them without `--draft`).
pub fn build(contract: &Contract, draft: bool) -> RuleSet {
    lower::rule_set(contract, draft)
}

/// The rule set as pretty JSON: two-space indent, keys in schema order,
/// UTF-8 text unescaped, a trailing newline.
pub fn to_json(rules: &RuleSet) -> Result<String, RulesError> {
    let mut json = serde_json::to_string_pretty(rules)?;
    json.push('\n');
    Ok(json)
}

/// The rule set as YAML carrying exactly the data of [`to_json`]: block
/// style, two-space indent, every string value quoted.
///
/// Why quote every string: the YAML 1.1 readers ticket scripts use resolve
/// more plain scalars than serde-saphyr's own YAML 1.1 heuristics cover —
/// Psych reads `09:00` and `0:30` as base-60 integers (540, 30) and older
/// Psych reads `1,000` as 1000. A quoted scalar is a string in every YAML
/// version and reader. Keys (field names, calendar ids, weekdays) stay plain
/// unless ambiguous (a calendar named `off` is written `"off"`).
/// Block scalars (`|`, `>`) are never used, so that long and multi-line text
/// reads back byte for byte.
pub fn to_yaml(rules: &RuleSet) -> Result<String, RulesError> {
    let options = serde_saphyr::ser_options! {
        indent_step: 2,
        yaml_12: false,
        quote_all: true,
        prefer_block_scalars: false,
    };
    Ok(serde_saphyr::to_string_with_options(rules, options)?)
}

/// The canonical JSON of a rule set, the input of its fingerprint: compact
/// serde_json (no whitespace), keys in schema order, numbers as in
/// [`to_json`], and without the `fingerprint` field.
pub fn canonical_json(rules: &RuleSet) -> Result<String, RulesError> {
    let mut value = serde_json::to_value(rules)?;
    if let Some(object) = value.as_object_mut() {
        // `shift_remove` keeps the order of the other keys.
        object.shift_remove("fingerprint");
    }
    Ok(serde_json::to_string(&value)?)
}

/// `sha256:` and the lowercase hex SHA-256 of [`canonical_json`]. The stored
/// `fingerprint` field is ignored, so this is also how to verify one.
pub fn fingerprint(rules: &RuleSet) -> String {
    match canonical_json(rules) {
        Ok(canonical) => format!("sha256:{}", hex(&Sha256::digest(canonical.as_bytes()))),
        // Unreachable for these plain structs; say so visibly rather than
        // print a hash of something else.
        Err(error) => format!("sha256:unavailable ({error})"),
    }
}

/// The fingerprint of the rule set `slac build` writes for a contract: the
/// final one when the contract has no placeholders, else the `--draft` one
/// (the only one that can be built). The appendix footer shows this.
pub fn fingerprint_of(contract: &Contract) -> String {
    build(contract, contract.has_placeholders()).fingerprint
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

/// For the tests of this module's parts: a rule set as JSON, checked
/// against the schema first.
#[cfg(test)]
pub(crate) fn validated_json(rules: &RuleSet) -> serde_json::Value {
    let value = serde_json::to_value(rules).unwrap_or_else(|e| panic!("{e}"));
    let schema: serde_json::Value = serde_json::from_str(SCHEMA).unwrap_or_else(|e| panic!("{e}"));
    let validator = jsonschema::validator_for(&schema).unwrap_or_else(|e| panic!("{e}"));
    let errors: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    value
}
