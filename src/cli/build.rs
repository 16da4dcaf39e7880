//! `slac build`: the rule set (§7) of one contract, as JSON or YAML.
//!
//! Refuses a contract with errors, or with placeholders unless `--draft`
//! (`load_model` prints the diagnostics as `check` does and exits 1). The
//! output file is written whole or not at all, so a failed build leaves the
//! previous one untouched; an output that is the contract itself is
//! refused. Without `--format`, the `-o` file's extension picks it.

use super::{BuildArgs, BuildFormat, CmdResult, Failure, OK};
use slac::rules;

pub fn run(args: &BuildArgs, color: bool) -> CmdResult {
    let output = args.output.as_deref();
    super::refuse_input_as_output(output, &[&args.file])?;
    let format = super::format_for(args.format, "--format", output, BuildFormat::Json)?;
    let checked = super::load_model(&args.file, &args.root, args.draft, color)?;
    let Some(contract) = checked.model.as_ref() else {
        return Err(Failure::failed(format!(
            "`{}` has errors; nothing was written",
            args.file.display()
        )));
    };
    let rule_set = rules::build(contract, args.draft);
    let text = match format {
        BuildFormat::Json => rules::to_json(&rule_set),
        BuildFormat::Yaml => rules::to_yaml(&rule_set),
    }
    .map_err(|e| Failure::usage(e.to_string()))?;
    super::write_output(output, text.as_bytes())?;
    Ok(OK)
}
