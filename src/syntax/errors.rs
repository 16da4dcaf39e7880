//! pest's errors, in words a contract manager reads.
//!
//! pest reports the rules it tried at the furthest position it reached
//! ("positives"). Keywords and punctuation are rules of their own in the
//! grammar, so each maps to the words a person knows (`describe`, like
//! pest_meta's `rename_meta_rule`). Positions are byte offsets into our own
//! text: the caret lands on the right character after Chinese text, which
//! pest's `miette-error` feature gets wrong.

use super::scan::{Scanned, Unclosed};
use super::slips::slip_at;
use super::Rule;
use crate::diagnostic::{did_you_mean, Code, Diagnostic};
use crate::source::Span;
use pest::error::{ErrorVariant, InputLocation};

/// What a person calls the thing a rule matches; `None` for rules that are
/// never worth naming (recovery rules).
pub(super) fn describe(rule: Rule) -> Option<&'static str> {
    use Rule::*;
    // Item keywords from the item table; `timezone` also starts a calendar line.
    if let Some(item) = super::item_rules::item_of_keyword_rule(rule) {
        return Some(item.spec().expected);
    }
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
        period | period_word | remedy_period => "a period (`monthly`, `quarterly`, `yearly`)",
        report_period | report_period_word => "a period (`monthly`, `quarterly`)",
        unit => "a unit (`minutes`, `hours`, `days`, `business days`)",
        unit_minutes => "`minutes`",
        unit_hours => "`hours`",
        unit_business => "`business days`",
        unit_days => "`days`",
        duration => "a duration such as `15 minutes`",
        weekdays => "weekdays such as `mon-fri`",
        kw_contract => "`contract`",
        kw_use => "`use`",
        kw_timezone => "`timezone`",
        kw_ends_at_close => "`ends-at-close`",
        kw_same_time => "`same-time`",
        kw_short => "`short`",
        kw_contact => "`contact`",
        kw_aka => "`aka`",
        kw_signatory => "`signatory`",
        kw_service => "`service`",
        kw_audience => "`audience`",
        kw_closed => "`closed`",
        kw_open => "`open`",
        kw_24x7 => "`24x7`",
        kw_hours => "`hours`",
        kw_availability => "`availability`",
        kw_within => "`within`",
        kw_or_workaround => "`or workaround`",
        kw_for => "`for`",
        kw_at_least => "`at least`",
        kw_on => "`on`",
        kw_pause => "`pause`",
        kw_satisfied => "`satisfied`",
        kw_method => "`method`",
        kw_submit_via => "`submit via`",
        kw_escalate => "`escalate`",
        kw_after => "`after`",
        kw_to => "`to`",
        kw_report => "`report`",
        kw_maintenance | maintenance_block => "`maintenance`",
        kw_notice => "`notice`",
        kw_window => "`window`",
        kw_at_most => "`at most`",
        kw_clause => "`clause`",
        kw_fee => "`fee`",
        kw_below => "`below`",
        kw_credit => "`credit`",
        kw_cap => "`cap`",
        kw_claim => "`claim`",
        kw_form => "`form`",
        fee_amount => "an amount such as `50000`",
        currency => "a currency code such as `CNY`",
        credit_form => "a form (`voucher`, `cash`, `invoice-deduction`)",
        tiers | tier | tier_block => "a tier such as `below 99.9% credit 5%`",
        tier_threshold => "a threshold such as `99.9%`",
        csat_goal => "a percentage such as `99.9%` or a number",
        business_day_hours => "a number of `hours`",
        definition => "a definition in quotes",
        kw_shall => "`shall`",
        kw_endeavour => "`endeavour`",
        commitment_level => "`shall`, `endeavour` or a `[placeholder]`",
        commitment_for => "`for`",
        party_names_jia_yi => "`甲方/乙方`",
        party_names_given => "two names, `\"CLIENT\" / \"PROVIDER\"`",
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
    if is_open_text(text.get(span.start()..span.end()).unwrap_or("")) {
        let mut diagnostic = open_string(text, at, text.len());
        diagnostic.span = Span::new(base + diagnostic.span.start(), base + diagnostic.span.end());
        return diagnostic;
    }
    let slip = slip_at(text, at);
    let (span, found) = match &slip {
        Some(slip) => (slip.span, slip.found.clone()),
        None => (span, found),
    };
    let span = Span::new(base + span.start(), base + span.end());
    let message = if expected.is_empty() {
        format!("unexpected {found}")
    } else {
        format!("expected {}, found {found}", join(&expected))
    };
    let word = found.trim_matches('`');
    let help = match slip {
        Some(slip) => Some(slip.help),
        None => did_you_mean(word, keyword_words(&expected))
            .map(|k| format!("did you mean `{k}`?"))
            .or_else(|| hint_for(&expected, word)),
    };
    Diagnostic::new(Code::E001, span, message)
        .with_label(if expected.is_empty() {
            "unexpected here".to_string()
        } else {
            format!("expected {}", join(&expected))
        })
        .with_help_opt(help)
}

/// True for a found token that opens a text and does not close it.
fn is_open_text(token: &str) -> bool {
    token.starts_with('"')
        && !token.starts_with("\"\"\"")
        && (token.len() == 1 || !token.ends_with('"'))
}

/// The name inside a quoted text such as `"office"`, if it is one.
fn quoted_name(found: &str) -> Option<&str> {
    let inner = found.strip_prefix('"')?.strip_suffix('"')?;
    let mut chars = inner.chars();
    let starts = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    (starts && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')).then_some(inner)
}

const UNIT: &str = "a unit (`minutes`, `hours`, `days`, `business days`)";

/// A hint for common slips that "did you mean" cannot see.
fn hint_for(expected: &[&'static str], found: &str) -> Option<String> {
    let wants = |e: &str| expected.contains(&e);
    if found == "satisfied" {
        Some("a satisfaction share is a percentage: `90% satisfied`".into())
    } else if wants("a quoted text") && !found.starts_with('"') && found != "end of line" {
        Some(format!("put text in double quotes: \"{found}\""))
    } else if let Some(name) = quoted_name(found).filter(|_| wants("a name")) {
        Some(format!("a name is written without quotes: `{name}`"))
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

/// The byte offset a pest error points at.
fn error_offset(error: &pest::error::Error<Rule>) -> usize {
    match error.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((s, _)) => s,
    }
}

/// The one diagnostic of a parse that failed as a whole: a text left open
/// or a `{` never closed before the place pest gave up is what made it
/// give up there, so that is reported; otherwise pest's own error.
pub(super) fn parse_failure(
    error: &pest::error::Error<Rule>,
    text: &str,
    scanned: &Scanned,
) -> Diagnostic {
    let at = error_offset(error);
    // A text left open swallows the rest of its line, `}` included, so it
    // goes first: it can make a `{` look unclosed, never the other way.
    if let Some(&quote) = scanned.open_strings.iter().find(|&&q| q <= at) {
        return open_string(text, quote, text.len());
    }
    match scanned.unclosed {
        Some(unclosed) if unclosed.open <= at => unclosed_block(text, unclosed),
        _ => syntax_error(error, 0, text),
    }
}

/// The line of `text` around offset `at`: its start and its end (before
/// the line break).
fn line_around(text: &str, at: usize) -> (usize, usize) {
    let before = text.get(..at).unwrap_or("");
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let end = text
        .get(at..)
        .and_then(|rest| rest.find(['\n', '\r']))
        .map_or(text.len(), |i| at + i);
    (start, end)
}

/// A text whose `"` at `quote` is not closed on its line; `limit` cuts the
/// line short (for a re-parsed snippet).
pub(super) fn open_string(text: &str, quote: usize, limit: usize) -> Diagnostic {
    let (start, end) = line_around(text, quote);
    let end = end.min(limit).max(quote);
    let line = text.get(start..end).unwrap_or("");
    let opened = text.get(quote..end).unwrap_or("").trim_end();
    let shown: String = opened.chars().take(40).collect();
    let quotes = line
        .matches('"')
        .count()
        .saturating_sub(line.matches("\\\"").count());
    let help = if quotes > 1 {
        format!(
            "this line has {quotes} `\"`, so one of them lacks its partner: close each text on the line it starts on (use `\"\"\"` for text over several lines)"
        )
    } else {
        "add the closing `\"` at the end of the text: a text ends on the line it starts on (use `\"\"\"` for text over several lines)".to_string()
    };
    Diagnostic::new(
        Code::E001,
        Span::new(quote, quote + opened.len()),
        format!("text `{shown}` is not closed on its line"),
    )
    .with_label("this `\"` is not closed on this line")
    .with_help(help)
}

/// The first word of the line holding `at`, after its indentation.
fn first_word(text: &str, at: usize) -> &str {
    let (start, end) = line_around(text, at);
    let line = text.get(start..end).unwrap_or("").trim_start();
    let len = line
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .unwrap_or(line.len());
    line.get(..len).unwrap_or("")
}

/// The first line after the one holding `open` that is indented no deeper
/// than it, unless that line is a `}`: the line the block should have
/// ended before, as its 1-based number and first word.
fn next_outer_line(text: &str, open: usize) -> Option<(usize, &str)> {
    let (start, end) = line_around(text, open);
    let indent_of = |line: &str| line.chars().take_while(|c| *c == ' ' || *c == '\t').count();
    let indent = indent_of(text.get(start..end)?);
    let mut number = text.get(..end)?.matches('\n').count() + 1;
    let mut offset = end;
    for line in text.get(end..)?.split_inclusive('\n') {
        let here = offset;
        offset += line.len();
        if here > end {
            number += 1;
        }
        let body = line.trim();
        if body.is_empty() || body.starts_with("//") || indent_of(line) > indent {
            continue;
        }
        if body.starts_with('}') {
            return None;
        }
        let word = first_word(text, here + indent_of(line));
        return (!word.is_empty()).then_some((number, word));
    }
    None
}

/// A `{` never closed: the place to fix is that `{`, not the end of the
/// file nor the outer block that the parse ran into.
fn unclosed_block(text: &str, unclosed: Unclosed) -> Diagnostic {
    let open = unclosed.open;
    let block = first_word(text, open);
    let block = if block.is_empty() {
        "this block"
    } else {
        block
    };
    let help = match (unclosed.outermost, next_outer_line(text, open)) {
        (false, Some((line, word))) => {
            let other = if word == block { "another " } else { "" };
            format!(
                "add the `}}` that ends `{block}` before line {line}: `{word}` cannot stand inside {other}`{block}`, so everything from line {line} on is read as part of it"
            )
        }
        (false, None) => format!("add the `}}` that ends `{block}`"),
        (true, _) => "add the `}` that ends this block at the end of the file; if the file ends where it should, a block inside it may be missing its own `}`".to_string(),
    };
    Diagnostic::new(
        Code::E001,
        Span::new(open, open + 1),
        "this `{` is never closed",
    )
    .with_label("opened here, never closed")
    .with_help(help)
}
