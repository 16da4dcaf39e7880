//! `slac completions SHELL` and `slac man [COMMAND]`: shell completion
//! scripts and roff manual pages, generated from the argument definitions so
//! they never drift from what `slac` accepts.

use super::{Cli, CmdResult, CompletionsArgs, Failure, ManArgs, OK};
use clap::CommandFactory;

pub fn completions(args: &CompletionsArgs) -> CmdResult {
    let mut command = Cli::command();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "slac", &mut script);
    super::write_output(None, &script)?;
    Ok(OK)
}

/// The page of `slac`, or of one of its commands (`slac man diff` is
/// slac-diff(1)).
pub fn man(args: &ManArgs) -> CmdResult {
    let mut command = Cli::command();
    // Built, so that the global `--color` shows on every command's page.
    command.build();
    let page = match &args.command {
        None => command,
        Some(name) => {
            let Some(sub) = command.find_subcommand(name) else {
                let names: Vec<&str> = command
                    .get_subcommands()
                    .map(|c| c.get_name())
                    .filter(|n| *n != "help")
                    .collect();
                return Err(Failure::usage(format!(
                    "no command `{name}`; the commands are: {}",
                    names.join(", ")
                )));
            };
            // The page is named `slac-NAME`, as git's and cargo's are.
            sub.clone()
                .display_name(format!("slac-{name}"))
                .bin_name(format!("slac {name}"))
        }
    };
    let mut roff = Vec::new();
    clap_mangen::Man::new(page)
        .source(concat!("slac ", env!("CARGO_PKG_VERSION")))
        .render(&mut roff)
        .map_err(|e| Failure::usage(format!("cannot render the manual page: {e}")))?;
    super::write_output(None, &roff)?;
    Ok(OK)
}
