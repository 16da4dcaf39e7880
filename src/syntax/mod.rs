//! Syntax: source text to AST.
//!
//! Three steps, each in its own file:
//! - [`scan`]: one linear pass that finds comments and refuses nesting
//!   deeper than [`scan::MAX_DEPTH`] before pest ever recurses (E003);
//! - the pest grammar (`grammar/sla.pest`), whose block bodies end in a
//!   `junk` alternative so a bad line never stops the parse;
//! - [`lower`]: pest pairs to AST, one function per grammar rule, turning
//!   lexical values into typed ones and every `junk` line into a precise
//!   diagnostic ([`errors`] words pest's errors for people, [`slips`]
//!   spots full-width punctuation and slashed dates in them).

mod errors;
mod item_rules;
mod lower;
pub(crate) use lower::Context;
mod scan;
mod slips;

use crate::ast;
use crate::diagnostic::Diagnostic;
use crate::source::SourceFile;
use pest::Parser as _;

#[derive(pest_derive::Parser)]
#[grammar = "../grammar/sla.pest"]
pub(crate) struct SlaParser;

/// The result of parsing one file: the AST when the file's structure could
/// be read (even with bad lines inside), and every syntax diagnostic.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub file: Option<ast::File>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses a source file into its AST.
pub fn parse(source: &SourceFile) -> Parsed {
    parse_with(source, lower::Lowering::new(source))
}

/// Test-only: parses `source` but lowers every item of grammar rule `rule`
/// (such as `csat_item`) with the lowering of `as_rule`, the one way to see
/// the E000 a grammar/lowering mismatch gives (no source text triggers it).
/// `None` when either name is not an item rule.
#[doc(hidden)]
pub fn parse_misreading(source: &SourceFile, rule: &str, as_rule: &str) -> Option<Parsed> {
    Some(parse_with(
        source,
        lower::Lowering::misreading(source, rule, as_rule)?,
    ))
}

fn parse_with(source: &SourceFile, mut lowering: lower::Lowering<'_>) -> Parsed {
    let text = source.text();
    let scanned = scan::scan(text);
    if let Some(too_deep) = scanned.too_deep {
        return Parsed {
            file: None,
            diagnostics: vec![too_deep],
        };
    }
    match SlaParser::parse(Rule::file, text) {
        Ok(mut pairs) => {
            let file = pairs
                .next()
                .map(|pair| lowering.file(pair, scanned.comments));
            Parsed {
                file,
                diagnostics: lowering.into_diagnostics(),
            }
        }
        Err(error) => Parsed {
            file: None,
            diagnostics: vec![errors::parse_failure(&error, text, &scanned)],
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_text(text: &str) -> Parsed {
        parse(&SourceFile::new("t.sla", text))
    }

    #[test]
    fn shipped_contract_parses_without_diagnostics() {
        let text = include_str!("../../contracts/acme-support.sla");
        let parsed = parse_text(text);
        assert_eq!(parsed.diagnostics, vec![]);
        let file = parsed.file.unwrap_or_else(|| unreachable!());
        assert_eq!(file.contracts.len(), 1);
        assert_eq!(file.contracts[0].items.len(), 33);
        assert!(file.comments.len() >= 3);
    }
}
