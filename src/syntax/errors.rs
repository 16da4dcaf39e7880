//! pest's errors, in words a contract manager reads.
//!
//! pest reports the rules it tried at the furthest position it reached
//! ("positives"). Keywords and punctuation are rules of their own in the
//! grammar, so each maps to the words a person knows (`describe`, like
//! pest_meta's `rename_meta_rule`). Positions are byte offsets into our own
//! text: the caret lands on the right character after Chinese text, which
//! pest's `miette-error` feature gets wrong.

use super::Rule;
use crate::diagnostic::{did_you_mean, Code, Diagnostic};
use crate::source::Span;
use pest::error::{ErrorVariant, InputLocation};

/// What a person calls the thing a rule matches; `None` for rules that are
/// never worth naming (recovery rules).
pub(super) fn describe(rule: Rule) -> Option<&'static str> {
    use Rule::*;
    Some(match rule {
        EOI => "end of file",
        ident | field_junk => "a name",
        string | text | text_block => "a quoted text",
        placeholder | placeholder_inner => "a `[placeholder]`",
        number | number_value => "a number",
        percent | percent_value => "a percentage such as `99.9%`",
        date | date_value => "a date such as `2027-01-01`",
        time => "a time such as `09:00`",
        span | spans => "a time span such as `09:00-18:00`",
        dash => "`-`",
        range_sep => "`..`",
        lbrace => "`{`",
        rbrace => "`}`",
        period | period_word => "a period (`monthly`, `quarterly`, `yearly`)",
        unit => "a unit (`minutes`, `hours`, `days`, `business days`)",
        unit_minutes => "`minutes`",
        unit_hours => "`hours`",
        unit_business => "`business days`",
        unit_days => "`days`",
        duration => "a duration such as `15 minutes`",
        weekdays => "weekdays such as `mon-fri`",
        kw_contract => "`contract`",
        kw_id => "`id`",
        kw_version => "`version`",
        kw_language => "`language`",
        kw_part_of => "`part-of`",
        kw_effective => "`effective`",
        kw_timezone => "`timezone`",
        kw_clock => "`clock`",
        kw_business_day => "`business-day`",
        kw_ends_at_close => "`ends-at-close`",
        kw_same_time => "`same-time`",
        kw_party => "`party`",
        kw_short => "`short`",
        kw_contact => "`contact`",
        kw_signatory => "`signatory`",
        kw_term => "`term`",
        kw_scope => "`scope`",
        kw_service => "`service`",
        kw_audience => "`audience`",
        kw_calendar => "`calendar`",
        kw_closed => "`closed`",
        kw_open => "`open`",
        kw_24x7 => "`24x7`",
        kw_channel => "`channel`",
        kw_hours => "`hours`",
        kw_availability => "`availability`",
        kw_priority => "`priority`",
        kw_response => "`response`",
        kw_resolution => "`resolution`",
        kw_within => "`within`",
        kw_or_workaround => "`or workaround`",
        kw_for => "`for`",
        kw_fcr => "`fcr`",
        kw_csat => "`csat`",
        kw_at_least => "`at least`",
        kw_on => "`on`",
        kw_satisfied => "`satisfied`",
        kw_method => "`method`",
        kw_support => "`support`",
        kw_submit_via => "`submit via`",
        kw_escalate => "`escalate`",
        kw_after => "`after`",
        kw_to => "`to`",
        business_day_hours => "a number of `hours`",
        definition => "a definition in quotes",
        _ => return None,
    })
}

/// The words of keywords among the expectations, without backticks, for
/// "did you mean".
fn keyword_words(expected: &[&'static str]) -> Vec<&'static str> {
    expected
        .iter()
        .filter_map(|e| e.strip_prefix('`').and_then(|e| e.strip_suffix('`')))
        .filter(|w| {
            w.chars()
                .all(|c| c.is_ascii_alphabetic() || c == '-' || c == ' ')
        })
        .collect()
}

/// Joins expectations as "a, b or c"; a long list of keywords is cut short.
fn join(expected: &[&'static str]) -> String {
    let keywords = expected.iter().filter(|e| e.starts_with('`')).count();
    // "end of …" reads best last.
    let mut expected: Vec<&'static str> = expected.to_vec();
    expected.sort_by_key(|e| e.starts_with("end of"));
    let shown: Vec<&str> = if keywords > 6 {
        let mut shown: Vec<&str> = expected
            .iter()
            .copied()
            .filter(|e| !e.starts_with('`') || *e == "`}`")
            .collect();
        shown.push("an item keyword (`priority`, `calendar`, `channel`, …)");
        shown
    } else {
        expected.to_vec()
    };
    match shown.split_last() {
        None => "something else".to_string(),
        Some((last, [])) => (*last).to_string(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

/// The token found at `at`: a word, a quoted text, or one character.
fn found_token(text: &str, at: usize) -> (Span, String) {
    let rest = text.get(at..).unwrap_or("");
    let Some(first) = rest.chars().next() else {
        return (Span::new(at, at), "end of file".into());
    };
    if first == '\n' || first == '\r' {
        return (Span::new(at, at), "end of line".into());
    }
    let len = if first.is_alphanumeric() || first == '_' {
        rest.find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-' || c == '.' || c == ':'))
            .unwrap_or(rest.len())
    } else if first == '"' {
        let line_end = rest.find(['\n', '\r']).unwrap_or(rest.len());
        rest.get(1..)
            .and_then(|r| r.find(['"', '\n', '\r']))
            .map_or(rest.len(), |i| i + 2)
            .min(line_end)
    } else {
        first.len_utf8()
    };
    let token = rest.get(..len).unwrap_or("");
    let shown: String = token.chars().take(40).collect();
    (Span::new(at, at + len), format!("`{shown}`"))
}

/// An E001 from a pest error on `text`, whose offsets start at `base` in
/// the file.
pub(super) fn syntax_error(
    error: &pest::error::Error<Rule>,
    base: usize,
    text: &str,
) -> Diagnostic {
    let at = match error.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((s, _)) => s,
    };
    let mut expected: Vec<&'static str> = Vec::new();
    if let ErrorVariant::ParsingError { positives, .. } = &error.variant {
        for rule in positives {
            if let Some(words) = describe(*rule) {
                if !expected.contains(&words) {
                    expected.push(words);
                }
            }
        }
    }
    // A placeholder is always possible where text is; say so only alone.
    if expected.len() > 1 {
        expected.retain(|e| *e != "a `[placeholder]`");
    }
    let (span, found) = found_token(text, at);
    let span = Span::new(base + span.start(), base + span.end());
    let message = if expected.is_empty() {
        format!("unexpected {found}")
    } else {
        format!("expected {}, found {found}", join(&expected))
    };
    let word = found.trim_matches('`');
    let help = did_you_mean(word, keyword_words(&expected))
        .map(|k| format!("did you mean `{k}`?"))
        .or_else(|| hint_for(&expected, word));
    Diagnostic::new(Code::E001, span, message)
        .with_label(if expected.is_empty() {
            "unexpected here".to_string()
        } else {
            format!("expected {}", join(&expected))
        })
        .with_help_opt(help)
}

const UNIT: &str = "a unit (`minutes`, `hours`, `days`, `business days`)";

/// A hint for common slips that "did you mean" cannot see.
fn hint_for(expected: &[&'static str], found: &str) -> Option<String> {
    let wants = |e: &str| expected.contains(&e);
    if found.starts_with('"') && (found.len() == 1 || !found.ends_with('"')) {
        Some("the closing `\"` is missing: a string ends on its own line (use `\"\"\"` for text over several lines)".into())
    } else if found == "satisfied" {
        Some("a satisfaction share is a percentage: `90% satisfied`".into())
    } else if wants("a quoted text") && !found.starts_with('"') && found != "end of line" {
        Some(format!("put text in double quotes: \"{found}\""))
    } else if wants("a percentage such as `99.9%`") && found.parse::<f64>().is_ok() {
        Some(format!("write a percentage with its sign: `{found}%`"))
    } else if wants(UNIT) || wants("`minutes`") {
        const UNITS: [&str; 8] = [
            "minutes", "minute", "hours", "hour", "days", "day", "business", "working",
        ];
        Some(match did_you_mean(found, UNITS) {
            Some(unit @ ("business" | "working")) => format!("did you mean `{unit} days`?"),
            Some(unit) => format!("did you mean `{unit}`?"),
            None => "units are `minutes`, `hours`, `days` and `business days`".into(),
        })
    } else if wants("`}`") && found == "end of file" {
        Some("a block was opened with `{` and never closed".into())
    } else {
        None
    }
}

/// When the parse ran out of text with a `{` still open, the place to fix
/// is that `{`, not the end of the file.
pub(super) fn unclosed_block(
    error: &pest::error::Error<Rule>,
    text: &str,
    unclosed: &[usize],
) -> Option<Diagnostic> {
    let at = match error.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((s, _)) => s,
    };
    let rest = text.get(at..)?;
    let only_trivia = rest
        .lines()
        .all(|l| l.trim().is_empty() || l.trim_start().starts_with("//"));
    let open = *unclosed.last()?;
    if !only_trivia {
        return None;
    }
    let help = if unclosed.len() == 1 {
        "add the `}` that ends this block at the end of the file; if the file ends where it should, a block inside it may be missing its own `}`"
    } else {
        "add the `}` that ends this block"
    };
    Some(
        Diagnostic::new(
            Code::E001,
            Span::new(open, open + 1),
            "this `{` is never closed",
        )
        .with_label("opened here, never closed")
        .with_help(help),
    )
}
