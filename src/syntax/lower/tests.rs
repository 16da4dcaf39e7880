//! The lowering against the grammar: a mismatched pair gives E000 in every
//! lowering function, and every item the parser accepted reaches the AST.

use super::context::Context;
use super::cursor::Children;
use super::span::span_of;
use super::{Lowering, P};
use crate::diagnostic::Code;
use crate::items::ITEMS;
use crate::source::SourceFile;
use crate::syntax::item_rules::item_rules;
use crate::syntax::{parse, Rule, SlaParser};
use pest::Parser as _;
use proptest::prelude::*;
use std::path::{Path, PathBuf};

/// A pair no lowering function takes: `24x7` parsed alone as its keyword.
const MISMATCH: &str = "24x7";

fn pair() -> P<'static> {
    SlaParser::parse(Rule::kw_24x7, MISMATCH)
        .ok()
        .and_then(|mut pairs| pairs.next())
        .unwrap_or_else(|| unreachable!("`24x7` is a `kw_24x7`"))
}

/// Children that hold only the mismatched pair.
fn children() -> Children<'static> {
    let pairs = SlaParser::parse(Rule::kw_24x7, MISMATCH).unwrap_or_else(|_| unreachable!());
    Children::new(pairs, Rule::kw_24x7, pair().as_span())
}

/// Each lowering function, fed the mismatched pair (or children holding
/// it); true when it yielded something.
type Case = (&'static str, fn(&mut Lowering<'_>) -> bool);

const CASES: &[Case] = &[
    ("file", |l| !l.file(pair(), Vec::new()).contracts.is_empty()),
    ("contract", |l| l.contract(pair()).is_some()),
    ("item", |l| l.item(pair()).is_some()),
    ("lines", |l| {
        l.lines(&mut children(), Context::Contract, |_, _| Some(()))
            .is_some()
    }),
    ("fields", |l| {
        l.fields(pair(), Rule::party_block, Context::Party, |_, _| Some(()))
            .is_some()
    }),
    ("business_day", |l| l.business_day(pair()).is_some()),
    ("pause", |l| l.pause(&mut children()).is_some()),
    ("targets", |l| l.targets(&mut children()).is_some()),
    ("target_line", |l| l.target_line(pair()).is_some()),
    ("target_clock", |l| l.target_clock(pair()).is_some()),
    ("attainment", |l| l.attainment(pair()).is_some()),
    ("csat", |l| l.csat(&mut children()).is_some()),
    ("scale", |l| l.scale(pair()).is_some()),
    ("csat_method", |l| l.csat_method(pair()).is_some()),
    ("party", |l| l.party(&mut children()).is_some()),
    ("party_field", |l| l.party_field(pair()).is_some()),
    ("scope", |l| l.scope(&mut children()).is_some()),
    ("calendar", |l| {
        let span = span_of(&pair());
        l.calendar(&mut children(), span).is_some()
    }),
    ("calendar_body", |l| l.calendar_body(pair()).is_some()),
    ("weekly_line", |l| l.weekly_line(pair()).is_some()),
    ("closed_line", |l| l.closed_line(pair()).is_some()),
    ("open_line", |l| l.open_line(pair()).is_some()),
    ("set_closed_line", |l| l.set_closed_line(pair()).is_some()),
    ("yearly_rule", |l| l.yearly_rule(pair()).is_some()),
    ("yearly_base", |l| l.yearly_base(pair()).is_some()),
    ("channel", |l| l.channel(&mut children()).is_some()),
    ("channel_field", |l| l.channel_field(pair()).is_some()),
    ("aka", |l| l.aka(pair()).is_some()),
    ("priority", |l| l.priority(&mut children()).is_some()),
    ("support", |l| l.support(&mut children()).is_some()),
    ("submit_line", |l| l.submit_line(pair()).is_some()),
    ("escalate_line", |l| l.escalate_line(pair()).is_some()),
    ("reporting", |l| l.reporting(&mut children()).is_some()),
    ("report_line", |l| l.report_line(pair()).is_some()),
    ("exclusions", |l| l.exclusions(&mut children()).is_some()),
    ("maintenance", |l| l.maintenance(pair()).is_some()),
    ("maintenance_line", |l| l.maintenance_line(pair()).is_some()),
    ("clause_line", |l| l.clause_line(pair()).is_some()),
    ("remedy_period", |l| l.remedy_period(pair()).is_some()),
    ("credits", |l| l.credits(&mut children()).is_some()),
    ("credits_line", |l| l.credits_line(pair()).is_some()),
    ("fee_line", |l| {
        let span = span_of(&pair());
        l.fee_line(pair(), span).is_some()
    }),
    ("money", |l| l.money(&pair()).is_some()),
    ("credit_tiers", |l| {
        let span = span_of(&pair());
        l.credit_tiers(pair(), span).is_some()
    }),
    ("tier", |l| l.tier(pair()).is_some()),
    ("plain_percent", |l| l.plain_percent(&pair()).is_some()),
    ("days_and_spans", |l| {
        l.days_and_spans(&mut children()).is_some()
    }),
    ("text", |l| l.text(pair()).is_some()),
    ("string", |l| l.string(pair()).is_some()),
    ("text_child", |l| l.text_child(&mut children()).is_some()),
    ("ident", |l| l.ident(&mut children()).is_some()),
    ("fill_number", |l| l.fill_number(pair()).is_some()),
    ("plain_number", |l| l.plain_number(&pair()).is_some()),
    ("date", |l| l.date(&pair()).is_some()),
    ("date_value", |l| l.date_value(pair()).is_some()),
    ("time", |l| l.time(&pair(), false).is_some()),
    ("spans", |l| !l.spans(pair()).is_empty()),
    ("weekdays", |l| l.weekdays(&pair()).is_some()),
    ("period", |l| l.period(pair()).is_some()),
    ("period_of", |l| {
        l.period_of(pair(), Rule::report_period, Rule::report_period_word)
            .is_some()
    }),
    ("unit", |l| l.unit(pair()).is_some()),
    ("duration", |l| l.duration(pair()).is_some()),
];

#[test]
fn every_lowering_function_reports_a_mismatched_pair_as_e000() {
    let source = SourceFile::new("t.sla", MISMATCH);
    let mut failures = Vec::new();
    for (name, lower) in CASES {
        let mut lowering = Lowering::new(&source);
        let yielded = lower(&mut lowering);
        let codes: Vec<Code> = lowering.diagnostics.iter().map(|d| d.code).collect();
        if yielded {
            failures.push(format!("{name}: yielded a value from a mismatched pair"));
        }
        if !codes.contains(&Code::E000) {
            failures.push(format!("{name}: no E000, only {codes:?}"));
        }
        if let Some(d) = lowering.diagnostics.iter().find(|d| d.code == Code::E000) {
            if !d.message.contains('`') || d.help.as_deref().is_none_or(|h| !h.contains("report")) {
                failures.push(format!("{name}: E000 without its rule or help: {d:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn lowering_to_nothing_without_a_diagnostic_is_an_e000() {
    let text = "contract \"t\" { id \"x\" }";
    let source = SourceFile::new("t.sla", text);
    let mut pairs = SlaParser::parse(Rule::contract, text).unwrap_or_else(|_| unreachable!());
    let contract = pairs.next().unwrap_or_else(|| unreachable!());
    let mut lowering = Lowering::new(&source);
    let mut c = Children::new(contract.into_inner(), Rule::contract, pair().as_span());
    let _ = lowering.expect(&mut c, Rule::kw_contract);
    let _ = lowering.expect(&mut c, Rule::text);
    // A line lowering that forgets to say why it gave up.
    let lines = lowering.lines(&mut c, Context::Contract, |_, _| None::<()>);
    assert_eq!(lines.map(|l| l.lines.len()), Some(0));
    let codes: Vec<Code> = lowering.diagnostics.iter().map(|d| d.code).collect();
    assert_eq!(codes, vec![Code::E000]);
    assert_eq!(lowering.unreadable.len(), 1);
}

// ---------------------------------------------------------------- items kept

/// Every `.sla` file below `dir`.
fn contracts_below(dir: &Path, found: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for path in entries.flatten().map(|e| e.path()) {
        if path.is_dir() {
            contracts_below(&path, found);
        } else if path.extension().is_some_and(|e| e == "sla") {
            found.push(path);
        }
    }
}

/// The spans of the items pest accepted, in every contract of `text`.
fn parsed_items(text: &str) -> Vec<crate::source::Span> {
    let Ok(mut pairs) = SlaParser::parse(Rule::file, text) else {
        return Vec::new();
    };
    let Some(file) = pairs.next() else {
        return Vec::new();
    };
    file.into_inner()
        .filter(|p| p.as_rule() == Rule::contract)
        .flat_map(|contract| contract.into_inner())
        .filter(|p| ITEMS.iter().any(|i| item_rules(i.name).0 == p.as_rule()))
        .map(|p| span_of(&p))
        .collect()
}

/// Each item pest accepted is in the AST, or was dropped with its line
/// (marked unreadable) after an error diagnostic.
fn items_kept(name: &str, text: &str) -> Result<(), String> {
    let source = SourceFile::new(name, text);
    let parsed = parse(&source);
    let Some(file) = parsed.file else {
        return Ok(());
    };
    let in_ast: Vec<_> = file
        .contracts
        .iter()
        .flat_map(|c| c.items.iter().map(|i| i.span))
        .collect();
    let has_error = parsed.diagnostics.iter().any(|d| d.is_error());
    for span in parsed_items(text) {
        // An unreadable line, or junk after the item on its last line
        // (recovery then drops the half-read item).
        let dropped = file.unreadable.iter().any(|u| {
            u.start <= span.start && span.start < u.end
                || span.end <= u.start
                    && !text
                        .get(span.end()..u.start())
                        .unwrap_or("\n")
                        .contains('\n')
        });
        if !(in_ast.contains(&span) || dropped && has_error) {
            return Err(format!(
                "{name}: the item at {span:?} (`{}`) was accepted by the parser but is not in the AST",
                text.get(span.start()..span.end()).unwrap_or("")
            ));
        }
    }
    Ok(())
}

#[test]
fn every_item_the_parser_accepted_is_in_the_ast() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    contracts_below(&root.join("contracts"), &mut files);
    contracts_below(&root.join("tests"), &mut files);
    assert!(files.len() > 50, "too few contracts found: {}", files.len());
    let mut failures = Vec::new();
    for path in &files {
        let Ok(text) = std::fs::read_to_string(path) else {
            continue; // the E004 case is not UTF-8
        };
        failures.extend(items_kept(&path.display().to_string(), &text).err());
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

const ACME: &str = include_str!("../../../contracts/acme-support.sla");

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Generated contracts: the shipped one with lines dropped, doubled or
    /// cut short.
    #[test]
    fn every_item_of_an_edited_contract_is_in_the_ast(
        edits in proptest::collection::vec((0usize..400, 0u8..3, 0usize..40), 1..6)
    ) {
        let mut lines: Vec<String> = ACME.lines().map(str::to_string).collect();
        for (at, kind, cut) in edits {
            let at = at % lines.len().max(1);
            match kind {
                0 => { lines.remove(at); }
                1 => { let line = lines[at].clone(); lines.insert(at, line); }
                _ => {
                    let line = &lines[at];
                    let end = (0..=cut.min(line.len())).rev().find(|&i| line.is_char_boundary(i)).unwrap_or(0);
                    lines[at] = line[..end].to_string();
                }
            }
            if lines.is_empty() { break; }
        }
        let text = lines.join("\n");
        prop_assert!(items_kept("edited.sla", &text).is_ok(), "{:?}", items_kept("edited.sla", &text));
    }
}

// ---------------------------------------------------------------- one list

const GRAMMAR: &str = include_str!("../../../grammar/sla.pest");

/// The body of the grammar rule `name`: from its `=` to the line that
/// starts the next rule.
fn rule_body<'g>(grammar: &'g str, name: &str) -> Option<&'g str> {
    let start = grammar
        .lines()
        .find(|l| l.split_whitespace().next() == Some(name) && l.contains('='))?;
    let at = grammar.find(start)?;
    let rest = grammar.get(at + start.len()..)?;
    // Continuation lines are indented; the next rule starts at column 0.
    let end = rest
        .find("\n")
        .map(|first| {
            let mut offset = first;
            for line in rest.get(first + 1..).unwrap_or("").split_inclusive('\n') {
                if !line.starts_with(' ') && !line.starts_with(')') {
                    break;
                }
                offset += line.len();
            }
            offset
        })
        .unwrap_or(rest.len());
    grammar.get(at..at + start.len() + end)
}

/// The words of the items a grammar rule lists as alternatives (`X_item`),
/// each read from the keyword rule its item starts with.
fn grammar_item_keywords(name: &str) -> Result<Vec<(String, String, String)>, String> {
    let body = rule_body(GRAMMAR, name).ok_or(format!("no rule `{name}` in the grammar"))?;
    let body = body.split_once('=').map_or(body, |(_, b)| b);
    let words = body
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|w| w.ends_with("_item") && *w != name);
    let mut found = Vec::new();
    for item in words {
        let item_body = rule_body(GRAMMAR, item).ok_or(format!("no rule `{item}`"))?;
        let keyword_rule = item_body
            .split_once('=')
            .map(|(_, b)| b)
            .and_then(|b| {
                b.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                    .find(|w| !w.is_empty())
            })
            .ok_or(format!("`{item}` starts with no rule"))?;
        let keyword = rule_body(GRAMMAR, keyword_rule)
            .and_then(|b| b.split('"').nth(1))
            .ok_or(format!(
                "`{keyword_rule}` (which starts `{item}`) has no word"
            ))?;
        found.push((
            keyword.to_string(),
            item.to_string(),
            keyword_rule.to_string(),
        ));
    }
    Ok(found)
}

#[test]
fn the_grammar_lists_the_items_of_the_item_table() {
    let table: Vec<(String, String, String)> = ITEMS
        .iter()
        .map(|spec| {
            let (rule, keyword) = item_rules(spec.name);
            (
                spec.keyword.to_string(),
                format!("{rule:?}"),
                format!("{keyword:?}"),
            )
        })
        .collect();
    for list in ["contract_item", "recover_contract"] {
        let grammar = grammar_item_keywords(list).unwrap_or_else(|e| panic!("{e}"));
        let missing: Vec<_> = table.iter().filter(|t| !grammar.contains(t)).collect();
        let extra: Vec<_> = grammar.iter().filter(|g| !table.contains(g)).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "grammar rule `{list}` and the item table (src/items.rs, with the rules in \
             src/syntax/item_rules.rs) differ:\n  \
             (keyword, item rule, keyword rule) in the table, not in `{list}`: {missing:?}\n  \
             in `{list}`, not in the table: {extra:?}\n\
             docs/architecture.md says how to add an item"
        );
        assert_eq!(grammar.len(), table.len(), "`{list}` lists an item twice");
    }
}
