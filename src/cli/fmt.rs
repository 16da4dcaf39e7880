//! `slac fmt PATH… [--check]`: canonical layout, in place.
//!
//! A file with syntax diagnostics is left alone (formatting could lose the
//! lines that were not read); the formatter's output is verified to hold
//! the same contract and comments before anything is written, the file
//! checked as `slac check` checks it (its `use` lines followed under the
//! root), so the whole model is compared.

use super::{CmdResult, Failure, FmtArgs, FAILED, OK};
use slac::format::{format_file, FormatError};
use slac::SourceFile;

pub fn run(args: &FmtArgs, color: bool) -> CmdResult {
    let files = super::collect(&args.paths)?;
    let mut failed = false;
    let mut unformatted = 0;
    for path in &files {
        let name = path.display().to_string();
        let bytes = super::read_contract(path)?;
        let Ok(text) = String::from_utf8(bytes) else {
            eprintln!("error: `{name}` is not UTF-8 text; not formatted");
            failed = true;
            continue;
        };
        let source = SourceFile::new(name.clone(), text.clone());
        let root = args.root.for_file(path)?;
        match format_file(&source, path, &root) {
            Ok(formatted) if formatted == text => {}
            Ok(formatted) => {
                unformatted += 1;
                if args.check {
                    println!("{name}: not formatted");
                } else {
                    super::write_over_unchanged(path, formatted.as_bytes(), text.as_bytes())?;
                    println!("{name}: formatted");
                }
            }
            Err(FormatError::Syntax(diagnostics)) => {
                let sources = slac::SourceMap::new(source);
                eprint!("{}", slac::report::human(&sources, &diagnostics, color));
                eprintln!("error: `{name}` has syntax errors; not formatted");
                failed = true;
            }
            Err(FormatError::Changed(why)) => {
                return Err(Failure::usage(format!(
                    "internal error: formatting `{name}` would not keep it the same ({why}); the file is untouched — please report this"
                )));
            }
        }
    }
    if failed || (args.check && unformatted > 0) {
        Ok(FAILED)
    } else {
        Ok(OK)
    }
}
