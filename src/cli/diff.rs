//! `slac diff OLD NEW`: what changed in meaning between two versions.
//!
//! Both sides are loaded and their diagnostics printed (to standard error,
//! as every command prints them) before either can fail, so a reviewer sees
//! all the errors at once. Placeholders are allowed on either side: a draft
//! diffs against its final version.

use super::{CmdResult, DiffArgs, DiffFormat, Failure, FAILED, OK};
use slac::diff;

pub fn run(args: &DiffArgs, color: bool) -> CmdResult {
    let old = super::load_model(&args.old, &args.root, true, color);
    let new = super::load_model(&args.new, &args.root, true, color);
    let (old, new) = (old?, new?);
    let (Some(old_model), Some(new_model)) = (old.model.as_ref(), new.model.as_ref()) else {
        return Err(Failure::failed("a contract has errors; nothing to compare"));
    };
    let changes = diff::diff(old_model, new_model);
    let output = match args.format {
        DiffFormat::Text => diff::text(&changes),
        DiffFormat::Json => diff::json(&changes),
        DiffFormat::Markdown => diff::markdown(
            &changes,
            &args.old.display().to_string(),
            &args.new.display().to_string(),
        ),
    };
    super::write_output(None, output.as_bytes())?;
    if args.exit_code && !changes.is_empty() {
        Ok(FAILED)
    } else {
        Ok(OK)
    }
}
