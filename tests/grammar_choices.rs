//! The grammar never backtracks over a token it has already read: the
//! alternatives of every choice, and an optional part and what follows it,
//! start with different tokens (design §13, docs/benchmarks.md "grammar").
//! A token is an atomic rule (`@{…}`), a literal or a built-in; the
//! compound-atomic rules (`${…}`, such as `percent`) are looked into, since
//! they read their inner tokens again when they fail.
//!
//! The recovery rules are exempt on purpose: `junk` and `field_junk` end a
//! choice and match only a line every other alternative rejected.
#![allow(
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "test code over our own grammar: a broken assumption stops the test with its message"
)]

use pest_meta::ast::{Expr, Rule, RuleType};
use pest_meta::parser::{self, Rule as MetaRule};
use std::collections::{BTreeSet, HashMap};

const GRAMMAR: &str = include_str!("../grammar/sla.pest");

/// Built-ins that read nothing.
const ZERO_WIDTH: &[&str] = &["SOI"];

struct Grammar {
    rules: HashMap<String, Rule>,
}

impl Grammar {
    fn parse(text: &str) -> Grammar {
        let pairs = parser::parse(MetaRule::grammar_rules, text).expect("the grammar parses");
        let rules = parser::consume_rules(pairs).expect("the grammar's rules are valid");
        Grammar {
            rules: rules.into_iter().map(|r| (r.name.clone(), r)).collect(),
        }
    }

    fn is_token(&self, name: &str) -> bool {
        self.rules
            .get(name)
            .is_none_or(|r| r.ty == RuleType::Atomic)
    }

    fn nullable(&self, expr: &Expr, seen: &mut Vec<String>) -> bool {
        match expr {
            Expr::Str(s) | Expr::Insens(s) => s.is_empty(),
            Expr::Range(..) | Expr::Skip(_) => false,
            Expr::PeekSlice(..) => true,
            Expr::Ident(name) => match self.rules.get(name) {
                None => ZERO_WIDTH.contains(&name.as_str()),
                Some(_) if seen.contains(name) => false,
                Some(rule) => {
                    seen.push(name.clone());
                    let nullable = self.nullable(&rule.expr, seen);
                    seen.pop();
                    nullable
                }
            },
            Expr::PosPred(_) | Expr::NegPred(_) | Expr::Opt(_) | Expr::Rep(_) => true,
            Expr::RepMax(..) => true,
            Expr::RepExact(e, n) | Expr::RepMin(e, n) | Expr::RepMinMax(e, n, _) => {
                *n == 0 || self.nullable(e, seen)
            }
            Expr::RepOnce(e) | Expr::Push(e) => self.nullable(e, seen),
            Expr::Seq(a, b) => self.nullable(a, seen) && self.nullable(b, seen),
            Expr::Choice(a, b) => self.nullable(a, seen) || self.nullable(b, seen),
        }
    }

    /// The tokens both `a` and `b` can begin with.
    fn shared_first(&self, a: &Expr, b: &Expr) -> Vec<String> {
        self.first(a, &mut Vec::new())
            .intersection(&self.first(b, &mut Vec::new()))
            .cloned()
            .collect()
    }

    /// The tokens `expr` can start with.
    fn first(&self, expr: &Expr, seen: &mut Vec<String>) -> BTreeSet<String> {
        let mut tokens = BTreeSet::new();
        match expr {
            Expr::Str(s) | Expr::Insens(s) => {
                tokens.insert(format!("{s:?}"));
            }
            Expr::Range(a, b) => {
                tokens.insert(format!("'{a}'..'{b}'"));
            }
            Expr::Skip(_) | Expr::PeekSlice(..) => {
                tokens.insert("PEEK/PUSH/SKIP".into());
            }
            Expr::Ident(name) if ZERO_WIDTH.contains(&name.as_str()) => {}
            Expr::Ident(name) if self.is_token(name) => {
                tokens.insert(name.clone());
            }
            Expr::Ident(name) => {
                if !seen.contains(name) {
                    seen.push(name.clone());
                    tokens = self.first(&self.rules[name].expr, seen);
                    seen.pop();
                }
            }
            // A look-ahead reads again what follows it; it starts nothing.
            Expr::PosPred(_) | Expr::NegPred(_) => {}
            Expr::Opt(e)
            | Expr::Rep(e)
            | Expr::RepOnce(e)
            | Expr::RepExact(e, _)
            | Expr::RepMin(e, _)
            | Expr::RepMax(e, _)
            | Expr::RepMinMax(e, _, _)
            | Expr::Push(e) => tokens = self.first(e, seen),
            Expr::Seq(a, b) => {
                tokens = self.first(a, seen);
                if self.nullable(a, seen) {
                    tokens.extend(self.first(b, seen));
                }
            }
            Expr::Choice(a, b) => {
                tokens = self.first(a, seen);
                tokens.extend(self.first(b, seen));
            }
        }
        tokens
    }

    /// Every place in `rule` where pest may read a token twice.
    fn backtracks(&self, rule: &Rule) -> Vec<String> {
        let mut found = Vec::new();
        for expr in rule.expr.iter_top_down() {
            match &expr {
                Expr::Choice(..) => {
                    let alternatives = flatten(&expr, |e| match e {
                        Expr::Choice(a, b) => Some((a, b)),
                        _ => None,
                    });
                    for (i, a) in alternatives.iter().enumerate() {
                        if is_recovery(a) {
                            continue;
                        }
                        for b in &alternatives[i + 1..] {
                            if is_recovery(b) {
                                continue;
                            }
                            let shared = self.shared_first(a, b);
                            if !shared.is_empty() {
                                found.push(format!(
                                    "{}: `{a}` and `{b}` both start with {shared:?}",
                                    rule.name
                                ));
                            }
                        }
                    }
                }
                Expr::Seq(..) => {
                    let parts = flatten(&expr, |e| match e {
                        Expr::Seq(a, b) => Some((a, b)),
                        _ => None,
                    });
                    for (i, part) in parts.iter().enumerate() {
                        let (Expr::Opt(inner) | Expr::Rep(inner)) = part else {
                            continue;
                        };
                        // What may come next inside this sequence.
                        for next in &parts[i + 1..] {
                            let shared = self.shared_first(inner, next);
                            if !shared.is_empty() {
                                found.push(format!(
                                    "{}: the optional `{part}` and the `{next}` after it both start with {shared:?}",
                                    rule.name
                                ));
                            }
                            if !self.nullable(next, &mut Vec::new()) {
                                break;
                            }
                        }
                    }
                }
                _ => {}
            }
        }
        found
    }
}

fn is_recovery(expr: &Expr) -> bool {
    matches!(expr, Expr::Ident(name) if name == "junk" || name == "field_junk")
}

/// `a ~ (b ~ c)` or `(a | b) | c` as one list, outermost operator only.
type Split = fn(&Expr) -> Option<(&Box<Expr>, &Box<Expr>)>;

fn flatten(expr: &Expr, split: Split) -> Vec<Expr> {
    match split(expr) {
        Some((a, b)) => {
            let mut parts = flatten(a, split);
            parts.extend(flatten(b, split));
            parts
        }
        None => vec![expr.clone()],
    }
}

/// Every place in `grammar` where pest may read a token twice, sorted.
fn backtracks(grammar: &str) -> Vec<String> {
    let grammar = Grammar::parse(grammar);
    let mut names: Vec<_> = grammar.rules.keys().collect();
    names.sort();
    // A choice inside a choice is found twice: once is enough.
    let found: BTreeSet<String> = names
        .into_iter()
        .map(|name| &grammar.rules[name])
        .filter(|rule| rule.ty != RuleType::Atomic)
        .flat_map(|rule| grammar.backtracks(rule))
        .collect();
    found.into_iter().collect()
}

#[test]
fn no_choice_reads_a_token_twice() {
    let found = backtracks(GRAMMAR);
    assert!(
        found.is_empty(),
        "the grammar backtracks:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_check_finds_what_pest_would_read_twice() {
    let found = backtracks(
        r#"
        kw = @{ "closed" }
        yearly = @{ "yearly" }
        date = @{ ASCII_DIGIT+ }
        number = @{ ASCII_DIGIT+ }
        percent = ${ number ~ "%" }
        token_percent = @{ ASCII_DIGIT+ ~ "%" }
        lines = { kw ~ date | kw ~ yearly }
        values = { percent | number }
        tokens = { token_percent | number }
        prefix = { kw? ~ kw ~ date }
        fine = { kw ~ (date | yearly) }
        recovering = { kw ~ date | junk }
        junk = @{ ANY+ }
        "#,
    );
    assert_eq!(
        found,
        [
            r#"lines: `(kw ~ date)` and `(kw ~ yearly)` both start with ["kw"]"#,
            r#"prefix: the optional `kw?` and the `kw` after it both start with ["kw"]"#,
            r#"values: `percent` and `number` both start with ["number"]"#,
        ]
    );
}
