//! `slac render`: the signed appendix (§8) as Markdown or HTML (without
//! `--to`, as the `-o` file's extension says). An output that is the
//! contract itself is refused.

use super::{CmdResult, Failure, RenderArgs, RenderFormat, OK};
use slac::model::{Contract, Lang};
use slac::render::{self, RenderOptions};

pub fn run(args: &RenderArgs, color: bool) -> CmdResult {
    let output = args.output.as_deref();
    super::refuse_input_as_output(output, &[&args.file])?;
    let format = super::format_for(args.to, "--to", output, RenderFormat::Markdown)?;
    let checked = super::load_model(&args.file, &args.root, args.draft, color)?;
    let Some(contract) = checked.model.as_ref() else {
        return Err(Failure::failed(format!(
            "`{}` has errors; nothing was written",
            args.file.display()
        )));
    };
    let lang = match args.lang.as_deref() {
        None => contract.language,
        Some(code) => Lang::from_code(code)
            .ok_or_else(|| Failure::usage(format!("unknown language `{code}`: use zh-CN or en")))?,
    };
    let options = RenderOptions {
        lang,
        draft: args.draft,
        fingerprint: fingerprint(contract),
        source_name: args
            .file
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_else(|| args.file.display().to_string()),
    };
    let text = match format {
        RenderFormat::Markdown => render::markdown(contract, &options),
        RenderFormat::Html => render::html(contract, &options),
    };
    super::write_output(output, text.as_bytes())?;
    Ok(OK)
}

/// The rule set's fingerprint, printed in the appendix footer.
///
/// The rule set's fingerprint, so a signed paper can be matched to its source.
fn fingerprint(contract: &Contract) -> String {
    slac::rules::fingerprint_of(contract)
}
