//! `slac init [FILE] [--lang zh-CN|en]`: a new contract from the paper
//! template, placeholders included (the same files as
//! `contracts/templates/`, so the shipped templates are what users get).

use super::{CmdResult, InitArgs, OK};

const ZH_CN: &str = include_str!("../../contracts/templates/customer-service.zh-CN.sla");
const EN: &str = include_str!("../../contracts/templates/customer-service.en.sla");

pub fn run(args: &InitArgs) -> CmdResult {
    let template = if args.lang == "en" { EN } else { ZH_CN };
    match &args.file {
        Some(path) => super::write_new_file(path, template.as_bytes())?,
        None => super::write_output(None, template.as_bytes())?,
    }
    if let Some(path) = &args.file {
        eprintln!(
            "wrote `{}`: fill in the [placeholders], then `slac check {}`",
            path.display(),
            path.display()
        );
    }
    Ok(OK)
}
