//! `slac schema`: the JSON Schema (draft 2020-12) every rule set validates
//! against — the same bytes as `schema/slac.rules.v1.json`.

use super::{CmdResult, OK};

pub fn run() -> CmdResult {
    super::write_output(None, slac::rules::SCHEMA.as_bytes())?;
    Ok(OK)
}
