//! `slac render`: the signed appendix (§8) as Markdown, HTML or PDF
//! (without `--to`, as the `-o` file's extension says). An output that is
//! the contract itself is refused; a PDF is not written to a terminal.

use super::{CmdResult, Failure, RenderArgs, RenderFormat, OK};
use slac::model::{Contract, Lang};
use slac::render::{self, FontSearch, RenderOptions};
use std::io::IsTerminal;

pub fn run(args: &RenderArgs, color: bool) -> CmdResult {
    let output = args.output.as_deref();
    super::refuse_input_as_output(output, &[&args.file])?;
    let format = super::format_for(args.to, "--to", output, RenderFormat::Markdown)?;
    if format == RenderFormat::Pdf && output.is_none() && std::io::stdout().is_terminal() {
        return Err(Failure::usage(
            "a PDF is not written to a terminal: give `-o FILE.pdf` or redirect the output",
        ));
    }
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
    let bytes = match format {
        RenderFormat::Markdown => render::markdown(contract, &options).into_bytes(),
        RenderFormat::Html => render::html(contract, &options).into_bytes(),
        RenderFormat::Pdf => {
            let fonts = match &args.font_dir {
                Some(folder) => FontSearch::Folder(folder.clone()),
                None => FontSearch::System,
            };
            render::pdf(contract, &options, &fonts)
                .map_err(|e| Failure::usage(format!("{e}; nothing was written")))?
        }
    };
    super::write_output(output, &bytes)?;
    Ok(OK)
}

/// The rule set's fingerprint, printed in the appendix footer.
///
/// The rule set's fingerprint, so a signed paper can be matched to its source.
fn fingerprint(contract: &Contract) -> String {
    slac::rules::fingerprint_of(contract)
}
