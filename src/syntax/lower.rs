//! Lowering: pest pairs to AST, one function per grammar rule.
//!
//! Lexical values become typed here (dates, times, numbers, units), with
//! E020/E032 at the exact span when they cannot be. A `junk` line is
//! re-parsed alone by the rule its first word asks for, so that pest says
//! precisely what it expected there (E001), or it is an unknown item or
//! field (E002) with the nearest known word. A grammar/lowering mismatch is
//! an internal diagnostic, never a panic.

use super::errors::syntax_error;
use super::{Rule, SlaParser};
use crate::ast::*;
use crate::diagnostic::{did_you_mean, Code, Diagnostic};
use crate::model::{Fill, Period, TimeOfDay, TimeSpan, Unit, WEEKDAYS};
use crate::source::{SourceFile, Span, Spanned};
use chrono::NaiveDate;
use pest::iterators::{Pair, Pairs};
use pest::Parser as _;

type P<'i> = Pair<'i, Rule>;

/// The span of a pair without trailing whitespace and comments, which pest
/// includes when an optional tail of the rule did not match.
fn span_of(pair: &P<'_>) -> Span {
    let start = pair.as_span().start();
    Span::new(start, start + trim_trailing(pair.as_str()).len())
}

fn trim_trailing(mut text: &str) -> &str {
    loop {
        text = text.trim_end();
        // Fast path (memrchr, memmem): most pairs end in no comment.
        let last_line = text
            .rfind('\n')
            .map_or(text, |i| text.get(i + 1..).unwrap_or(""));
        if !last_line.contains("//") {
            return text;
        }
        let line_start = text.rfind('\n').map_or(0, |i| i + 1);
        match comment_start(text.get(line_start..).unwrap_or("")) {
            Some(at) => text = text.get(..line_start + at).unwrap_or(""),
            None => return text,
        }
    }
}

/// Where a `//` comment starts in one line, outside quotes and brackets.
fn comment_start(line: &str) -> Option<usize> {
    let (mut quoted, mut bracketed, mut escaped) = (false, false, false);
    let bytes = line.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            _ if escaped => escaped = false,
            b'\\' if quoted => escaped = true,
            b'"' if !bracketed => quoted = !quoted,
            b'[' if !quoted => bracketed = true,
            b']' if !quoted => bracketed = false,
            b'/' if !quoted && !bracketed && bytes.get(i + 1) == Some(&b'/') => return Some(i),
            _ => {}
        }
    }
    None
}

/// The item keywords of a contract body, for "did you mean".
pub const ITEM_KEYWORDS: &[&str] = &[
    "id",
    "version",
    "language",
    "part-of",
    "effective",
    "timezone",
    "clock",
    "business-day",
    "party",
    "term",
    "scope",
    "calendar",
    "channel",
    "priority",
    "response",
    "resolution",
    "fcr",
    "csat",
    "support",
];

/// Where a recovered line stood, which decides how it is re-parsed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Context {
    Contract,
    Scope,
    Calendar,
    Target,
    Support,
    Party,
    Channel,
    Priority,
}

impl Context {
    fn rule(self) -> Rule {
        match self {
            Context::Contract => Rule::recover_contract,
            Context::Scope => Rule::recover_scope,
            Context::Calendar => Rule::recover_calendar,
            Context::Target => Rule::recover_target,
            Context::Support => Rule::recover_support,
            Context::Party => Rule::recover_party,
            Context::Channel => Rule::recover_channel,
            Context::Priority => Rule::recover_priority,
        }
    }

    fn keywords(self) -> &'static [&'static str] {
        match self {
            Context::Contract => ITEM_KEYWORDS,
            Context::Scope => &["service", "audience"],
            Context::Calendar => &[
                "closed", "open", "timezone", "daily", "mon-fri", "mon", "tue", "wed", "thu",
                "fri", "sat", "sun",
            ],
            Context::Target => &[],
            Context::Support => &["submit", "escalate"],
            Context::Party => &["short", "contact", "signatory"],
            Context::Channel => &["hours", "availability", "contact"],
            Context::Priority => &["clock"],
        }
    }

    /// The message for an unknown first word.
    fn unknown(self, word: &str) -> String {
        let (noun, place) = match self {
            Context::Contract | Context::Target => ("item", ""),
            Context::Scope => ("line", " in `scope`"),
            Context::Calendar => ("line", " in a calendar"),
            Context::Support => ("line", " in `support`"),
            Context::Party => ("field", " of a party"),
            Context::Channel => ("field", " of a channel"),
            Context::Priority => ("field", " of a priority"),
        };
        format!("unknown {noun} `{word}`{place}")
    }

    /// True when `word` starts a line this context knows, so a failure is a
    /// syntax error in that line rather than an unknown word.
    fn knows(self, word: &str) -> bool {
        match self {
            Context::Target => true,
            Context::Calendar => {
                word == "daily"
                    || WEEKDAYS.iter().any(|d| word.starts_with(d))
                    || self.keywords().contains(&word)
            }
            _ => self.keywords().contains(&word),
        }
    }
}

/// Where a word that is unknown here belongs instead, if anywhere.
fn belongs_elsewhere(word: &str) -> Option<&'static str> {
    Some(match word {
        "closed" | "open" | "daily" => "calendar lines go inside `calendar NAME \"LABEL\" { … }`",
        w if WEEKDAYS.iter().any(|d| w.starts_with(d)) => {
            "weekly hours go inside `calendar NAME \"LABEL\" { … }`"
        }
        "service" | "audience" => "services and audiences go inside `scope { … }`",
        "short" | "contact" | "signatory" => "party fields go inside `party client \"NAME\" { … }`",
        "hours" | "availability" => "channel fields go inside `channel NAME \"LABEL\" { … }`",
        "submit" | "escalate" => "these lines go inside `support { … }`",
        "within" => "targets go inside `response { … }` or `resolution { … }`",
        _ => return None,
    })
}

pub(super) struct Lowering<'s> {
    source: &'s SourceFile,
    diagnostics: Vec<Diagnostic>,
    placeholders: Vec<Spanned<String>>,
    unreadable: Vec<Span>,
}

impl<'s> Lowering<'s> {
    pub(super) fn new(source: &'s SourceFile) -> Self {
        Lowering {
            source,
            diagnostics: Vec::new(),
            placeholders: Vec::new(),
            unreadable: Vec::new(),
        }
    }

    pub(super) fn into_diagnostics(self) -> Vec<Diagnostic> {
        self.diagnostics
    }

    fn push(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    /// The grammar produced a tree this lowering did not expect.
    fn internal(&mut self, span: Span, rule: Option<Rule>) {
        self.push(
            Diagnostic::new(
                Code::E001,
                span,
                format!("internal error: unexpected syntax tree shape ({rule:?})"),
            )
            .with_help("this is a bug in slac; please report it with this file"),
        );
    }

    pub(super) fn file(&mut self, pair: P<'_>, comments: Vec<Comment>) -> File {
        let mut contracts = Vec::new();
        for child in pair.into_inner() {
            match child.as_rule() {
                Rule::contract => {
                    if let Some(contract) = self.contract(child) {
                        contracts.push(contract);
                    }
                }
                Rule::EOI => {}
                other => self.internal(span_of(&child), Some(other)),
            }
        }
        let end = self.source.text().len();
        File {
            contracts,
            comments,
            placeholders: std::mem::take(&mut self.placeholders),
            unreadable: std::mem::take(&mut self.unreadable),
            end: Span::new(end, end),
        }
    }

    fn contract(&mut self, pair: P<'_>) -> Option<Contract> {
        let span = span_of(&pair);
        let mut inner = pair.into_inner();
        let keyword = span_of(&inner.next()?);
        let title = self.text(inner.next()?)?;
        let items = self.lines(inner, Context::Contract, |l, pair| l.item(pair));
        Some(Contract {
            title,
            items,
            keyword,
            span,
        })
    }

    /// Lowers the lines of a block, `{`, line…, `}`: each line by `line`
    /// (which reports its own errors and returns `None` after one), each
    /// `junk` by recovery in `context`. A line that began with a good item
    /// and ends in junk is dropped whole; a dropped line still counts as
    /// not read (so "missing …" is not reported because of it).
    fn lines<T>(
        &mut self,
        pairs: Pairs<'_, Rule>,
        context: Context,
        mut line: impl FnMut(&mut Self, P<'_>) -> Option<T>,
    ) -> Vec<T> {
        let mut out = Vec::new();
        let mut previous: Option<Span> = None;
        for pair in pairs {
            let span = span_of(&pair);
            previous = match pair.as_rule() {
                Rule::lbrace | Rule::rbrace => None,
                Rule::junk => {
                    if self.recover(&pair, previous, context) {
                        out.pop();
                    }
                    None
                }
                _ => match line(self, pair) {
                    Some(lowered) => {
                        out.push(lowered);
                        Some(span)
                    }
                    None => {
                        self.unreadable.push(span);
                        None
                    }
                },
            };
        }
        out
    }

    fn item(&mut self, pair: P<'_>) -> Option<Item> {
        let span = span_of(&pair);
        let rule = pair.as_rule();
        let mut inner = pair.into_inner();
        let keyword = span_of(&inner.next()?);
        let kind = match rule {
            Rule::id_item => ItemKind::Id(self.text(inner.next()?)?),
            Rule::version_item => {
                let value = inner.next()?;
                if value.as_rule() == Rule::number {
                    ItemKind::Version(Spanned::new(
                        Fill::Value(value.as_str().to_string()),
                        span_of(&value),
                    ))
                } else {
                    ItemKind::Version(self.text(value)?)
                }
            }
            Rule::language_item => ItemKind::Language(ident(&inner.next()?)),
            Rule::part_of_item => ItemKind::PartOf(self.text(inner.next()?)?),
            Rule::effective_item => {
                let from = self.date_value(inner.next()?)?;
                let to = match (inner.next(), inner.next()) {
                    (Some(_separator), Some(to)) => Some(self.date_value(to)?),
                    _ => None,
                };
                ItemKind::Effective { from, to }
            }
            Rule::timezone_item => ItemKind::Timezone(self.text(inner.next()?)?),
            Rule::clock_item => ItemKind::Clock(ident(&inner.next()?)),
            Rule::business_day_item => ItemKind::BusinessDay(self.business_day(inner.next()?)?),
            Rule::party_item => ItemKind::Party(self.party(inner)?),
            Rule::term_item => ItemKind::Term {
                name: self.text(inner.next()?)?,
                definition: self.text(inner.next()?)?,
            },
            Rule::scope_item => ItemKind::Scope(self.scope(inner)),
            Rule::calendar_item => ItemKind::Calendar(self.calendar(inner, span)?),
            Rule::channel_item => ItemKind::Channel(self.channel(inner)?),
            Rule::priority_item => ItemKind::Priority(self.priority(inner)?),
            Rule::response_item => ItemKind::Response(self.targets(inner)),
            Rule::resolution_item => ItemKind::Resolution(self.targets(inner)),
            Rule::fcr_item => {
                let _at_least = inner.next()?;
                let min = self.fill_number(inner.next()?)?;
                let period = inner.next().map(|p| self.period(p));
                ItemKind::Fcr { min, period }
            }
            Rule::csat_item => ItemKind::Csat(self.csat(inner)?),
            Rule::support_item => ItemKind::Support(self.support(inner)),
            other => {
                self.internal(span, Some(other));
                return None;
            }
        };
        Some(Item {
            kind,
            keyword,
            span,
        })
    }

    // ------------------------------------------------------------ recovery

    /// Reports a line that matched no rule: re-parsed alone for a precise
    /// E001, or an E002 for a word this place does not know.
    /// Returns true when the line began with the item just before the junk
    /// (`previous`), which the caller then drops: it was only half read.
    fn recover(&mut self, junk: &P<'_>, previous: Option<Span>, context: Context) -> bool {
        let text = self.source.text();
        let junk_span = span_of(junk);
        // More junk on the line of the last unreadable one is part of it.
        if let Some(last) = self.unreadable.last_mut() {
            let between = text.get(last.end()..junk_span.start()).unwrap_or("\n");
            if last.end <= junk_span.start && !between.contains('\n') {
                *last = last.to(junk_span);
                return false;
            }
        }
        self.unreadable.push(junk_span);
        // A line that began with a good item and went wrong later is read
        // whole: the error is in the line, not in its tail.
        let start = match previous {
            Some(prev)
                if prev.end <= junk_span.start
                    && !text
                        .get(prev.end()..junk_span.start())
                        .unwrap_or("\n")
                        .contains('\n')
                    && !matches!(text.get(prev.start()..prev.start() + 1), Some("{")) =>
            {
                prev.start()
            }
            _ => junk_span.start(),
        };
        let snippet = text.get(start..junk_span.end()).unwrap_or("");
        let word: String = snippet
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
            .collect();
        let starts_with_letter = word.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
        if starts_with_letter && !context.knows(&word) {
            let span = Span::new(start, start + word.len());
            let help = did_you_mean(&word, context.keywords().iter().copied())
                .map(|k| format!("did you mean `{k}`?"))
                .or_else(|| {
                    (context == Context::Contract)
                        .then(|| belongs_elsewhere(&word).map(str::to_string))
                        .flatten()
                })
                .unwrap_or_else(|| format!("expected one of: {}", context.keywords().join(", ")));
            self.push(
                Diagnostic::new(Code::E002, span, context.unknown(&word))
                    .with_label("not known here")
                    .with_help(help),
            );
            return start < junk_span.start();
        }
        match SlaParser::parse(context.rule(), snippet) {
            Err(error) => self.push(syntax_error(&error, start, snippet).in_line()),
            Ok(_) => self.push(
                Diagnostic::new(Code::E001, junk_span, "this line could not be read here")
                    .with_help("check that it stands inside the right block"),
            ),
        }
        start < junk_span.start()
    }

    /// A `field_junk`: an unknown field, or a known one with a bad value.
    fn recover_field(&mut self, junk: &P<'_>, context: Context) {
        self.recover(junk, None, context);
    }

    // ------------------------------------------------------------ values

    fn text(&mut self, pair: P<'_>) -> Option<Text> {
        let pair = if pair.as_rule() == Rule::text {
            pair.into_inner().next()?
        } else {
            pair
        };
        let span = span_of(&pair);
        let value = match pair.as_rule() {
            Rule::string => {
                let inner = pair.into_inner().next()?;
                let base = span_of(&inner).start();
                Fill::Value(self.unescape(inner.as_str(), base))
            }
            Rule::text_block => Fill::Value(dedent(pair.into_inner().next()?.as_str())),
            Rule::placeholder => Fill::Placeholder(self.placeholder(&pair)),
            other => {
                self.internal(span, Some(other));
                return None;
            }
        };
        Some(Spanned::new(value, span))
    }

    /// Records a placeholder (for W001) and returns its inner text.
    fn placeholder(&mut self, pair: &P<'_>) -> String {
        let inner = pair.as_str();
        let text = inner
            .strip_prefix('[')
            .and_then(|s| s.strip_suffix(']'))
            .unwrap_or(inner)
            .trim()
            .to_string();
        self.placeholders
            .push(Spanned::new(text.clone(), span_of(pair)));
        text
    }

    /// Resolves `\\ \" \n \t \u{…}`; an unknown escape is an E001 at it.
    fn unescape(&mut self, raw: &str, base: usize) -> String {
        let mut out = String::with_capacity(raw.len());
        let mut chars = raw.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c != '\\' {
                out.push(c);
                continue;
            }
            let escaped = chars.next().map(|(_, e)| e);
            match escaped {
                Some('\\') => out.push('\\'),
                Some('"') => out.push('"'),
                Some('n') => out.push('\n'),
                Some('t') => out.push('\t'),
                Some('u') => {
                    let rest = raw.get(i + 2..).unwrap_or("");
                    let code = rest
                        .strip_prefix('{')
                        .and_then(|r| r.split_once('}'))
                        .map(|(hex, _)| hex);
                    match code
                        .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                        .and_then(char::from_u32)
                    {
                        Some(ch) => {
                            out.push(ch);
                            let consumed = code.map_or(0, |h| h.len() + 2);
                            for _ in 0..consumed {
                                chars.next();
                            }
                        }
                        None => self.push(
                            Diagnostic::new(
                                Code::E001,
                                Span::new(base + i, base + i + 2),
                                "invalid unicode escape",
                            )
                            .with_help("write a code point in hex braces, such as `\\u{4E2D}`"),
                        ),
                    }
                }
                other => {
                    let len = 1 + other.map_or(0, char::len_utf8);
                    self.push(
                        Diagnostic::new(
                            Code::E001,
                            Span::new(base + i, base + i + len),
                            format!("unknown escape `\\{}`", other.unwrap_or(' ')),
                        )
                        .with_help(r#"escapes are `\\`, `\"`, `\n`, `\t` and `\u{4E2D}`"#),
                    );
                }
            }
        }
        out
    }

    /// `number_value` or `percent_value` (or a bare number/percent).
    fn fill_number(&mut self, pair: P<'_>) -> Option<Spanned<Fill<f64>>> {
        let pair = match pair.as_rule() {
            Rule::number_value | Rule::percent_value => pair.into_inner().next()?,
            _ => pair,
        };
        let span = span_of(&pair);
        match pair.as_rule() {
            Rule::placeholder => Some(Spanned::new(
                Fill::Placeholder(self.placeholder(&pair)),
                span,
            )),
            Rule::percent | Rule::number => {
                let digits = pair.as_str().trim_end_matches('%');
                match digits.parse::<f64>() {
                    Ok(v) => Some(Spanned::new(Fill::Value(v), span)),
                    Err(_) => {
                        self.internal(span, Some(pair.as_rule()));
                        None
                    }
                }
            }
            other => {
                self.internal(span, Some(other));
                None
            }
        }
    }

    fn plain_number(&mut self, pair: &P<'_>) -> Option<f64> {
        pair.as_str().parse::<f64>().ok()
    }

    fn date(&mut self, pair: &P<'_>) -> Option<Spanned<NaiveDate>> {
        let span = span_of(pair);
        let text = pair.as_str();
        let mut parts = text.split('-').map(|p| p.parse::<u32>().ok());
        let (y, m, d) = (parts.next()??, parts.next()??, parts.next()??);
        match NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, m, d) {
            Some(date) => Some(Spanned::new(date, span)),
            None => {
                let why = if !(1..=12).contains(&m) {
                    format!("there is no month {m}")
                } else {
                    let last = (28..=31)
                        .rev()
                        .find(|&day| NaiveDate::from_ymd_opt(y as i32, m, day).is_some())
                        .unwrap_or(28);
                    format!("{y}-{m:02} has {last} days")
                };
                self.push(
                    Diagnostic::new(Code::E020, span, format!("invalid date `{text}`: {why}"))
                        .with_label("no such date")
                        .with_help("dates are written YYYY-MM-DD, such as `2027-10-01`"),
                );
                None
            }
        }
    }

    fn date_value(&mut self, pair: P<'_>) -> Option<Spanned<Fill<NaiveDate>>> {
        let inner = pair.into_inner().next()?;
        let span = span_of(&inner);
        if inner.as_rule() == Rule::placeholder {
            return Some(Spanned::new(
                Fill::Placeholder(self.placeholder(&inner)),
                span,
            ));
        }
        self.date(&inner)
            .map(|d| Spanned::new(Fill::Value(d.node), span))
    }

    fn time(&mut self, pair: &P<'_>, is_end: bool) -> Option<TimeOfDay> {
        let span = span_of(pair);
        let text = pair.as_str();
        let (h, m) = text.split_once(':')?;
        let (h, m) = (h.parse::<u16>().ok()?, m.parse::<u16>().ok()?);
        let problem = if m > 59 {
            Some(format!("minute {m} does not exist"))
        } else if h > 24 || (h == 24 && m > 0) {
            Some(format!("hour {h} does not exist"))
        } else if h == 24 && !is_end {
            Some("`24:00` can only end a span".to_string())
        } else {
            None
        };
        match problem {
            None => Some(TimeOfDay(h * 60 + m)),
            Some(why) => {
                self.push(
                    Diagnostic::new(Code::E020, span, format!("invalid time `{text}`: {why}"))
                        .with_label("no such time")
                        .with_help("times run from `00:00` to `23:59`; `24:00` may end a span"),
                );
                None
            }
        }
    }

    fn spans(&mut self, pair: P<'_>) -> Vec<Spanned<TimeSpan>> {
        let mut spans = Vec::new();
        for span_pair in pair.into_inner() {
            let span = span_of(&span_pair);
            let mut inner = span_pair.into_inner();
            let (Some(start), Some(_dash), Some(end)) = (inner.next(), inner.next(), inner.next())
            else {
                self.internal(span, Some(Rule::span));
                continue;
            };
            let (Some(start), Some(end)) = (self.time(&start, false), self.time(&end, true)) else {
                continue;
            };
            if start == end {
                self.push(
                    Diagnostic::new(Code::E020, span, "empty time span: it starts where it ends")
                        .with_label("empty")
                        .with_help("write `00:00-24:00` for a whole day"),
                );
                continue;
            }
            spans.push(Spanned::new(TimeSpan { start, end }, span));
        }
        spans
    }

    fn weekdays(&mut self, pair: &P<'_>) -> Option<Spanned<Vec<usize>>> {
        let span = span_of(pair);
        let text = pair.as_str();
        if text == "daily" {
            return Some(Spanned::new((0..7).collect(), span));
        }
        let index = |name: &str| WEEKDAYS.iter().position(|d| *d == name);
        let (first, last) = match text.split_once('-') {
            Some((a, b)) => (index(a)?, index(b)?),
            None => (index(text)?, index(text)?),
        };
        if last < first {
            self.push(
                Diagnostic::new(Code::E020, span, format!("reversed weekday range `{text}`"))
                    .with_label("ends before it starts")
                    .with_help(format!(
                        "weeks run from `mon` to `sun`; write `{}, {}`",
                        day_range(first, 6),
                        day_range(0, last)
                    )),
            );
            return None;
        }
        Some(Spanned::new((first..=last).collect(), span))
    }

    fn period(&mut self, pair: P<'_>) -> Spanned<Fill<Period>> {
        let span = span_of(&pair);
        let Some(inner) = pair.into_inner().next() else {
            return Spanned::new(Fill::Value(Period::Monthly), span);
        };
        let value = match inner.as_str() {
            "quarterly" => Fill::Value(Period::Quarterly),
            "yearly" => Fill::Value(Period::Yearly),
            "monthly" => Fill::Value(Period::Monthly),
            _ => Fill::Placeholder(self.placeholder(&inner)),
        };
        Spanned::new(value, span)
    }

    fn unit(&mut self, pair: P<'_>) -> Option<Spanned<Unit>> {
        let inner = pair.into_inner().next()?;
        let unit = match inner.as_rule() {
            Rule::unit_minutes => Unit::Minutes,
            Rule::unit_hours => Unit::Hours,
            Rule::unit_business => Unit::BusinessDays,
            Rule::unit_days => Unit::Days,
            other => {
                self.internal(span_of(&inner), Some(other));
                return None;
            }
        };
        Some(Spanned::new(unit, span_of(&inner)))
    }

    fn duration(&mut self, pair: P<'_>) -> Option<Spanned<DurationAst>> {
        let span = span_of(&pair);
        let mut inner = pair.into_inner();
        let first = inner.next()?;
        let unit = match inner.next() {
            Some(u) => Some(self.unit(u)?),
            None => None,
        };
        let node = if first.as_rule() == Rule::placeholder {
            DurationAst::Placeholder {
                text: self.placeholder(&first),
                unit,
            }
        } else {
            let amount_span = span_of(&first);
            let Some(amount) = first.as_str().parse::<u32>().ok() else {
                let written = first.as_str();
                let diagnostic = if written.contains('.') {
                    Diagnostic::new(
                        Code::E032,
                        amount_span,
                        format!("a duration is a whole number, not `{written}`"),
                    )
                    .with_label("not a whole number")
                    .with_help("use a smaller unit: `90 minutes` rather than `1.5 hours`")
                } else {
                    Diagnostic::new(
                        Code::E032,
                        amount_span,
                        format!("`{written}` is too large for a duration"),
                    )
                    .with_label("too large")
                    .with_help(format!(
                        "durations go up to {}; use a larger unit",
                        u32::MAX
                    ))
                };
                self.push(diagnostic);
                return None;
            };
            DurationAst::Given {
                amount,
                unit: unit?,
            }
        };
        Some(Spanned::new(node, span))
    }

    // ------------------------------------------------------------ items

    fn business_day(&mut self, pair: P<'_>) -> Option<BusinessDay> {
        Some(match pair.as_rule() {
            Rule::kw_ends_at_close => BusinessDay::EndsAtClose,
            Rule::kw_same_time => BusinessDay::SameTime,
            Rule::business_day_hours => {
                let number = pair.into_inner().next()?;
                let span = span_of(&number);
                let hours = self.plain_number(&number)?;
                let minutes = (hours * 60.0).round();
                if !(1.0..=1440.0).contains(&minutes) || (hours * 60.0 - minutes).abs() > 1e-9 {
                    self.push(
                        Diagnostic::new(
                            Code::E032,
                            span,
                            format!(
                                "a business day of {} hours is not possible",
                                number.as_str()
                            ),
                        )
                        .with_label("out of range")
                        .with_help(
                            "a business day has more than 0 and at most 24 hours, in whole minutes",
                        ),
                    );
                    return None;
                }
                BusinessDay::Hours(Spanned::new(minutes as u32, span))
            }
            other => {
                self.internal(span_of(&pair), Some(other));
                return None;
            }
        })
    }

    fn party(&mut self, mut inner: Pairs<'_, Rule>) -> Option<Party> {
        let role = ident(&inner.next()?);
        let name = self.text(inner.next()?)?;
        let mut fields = Vec::new();
        if let Some(block) = inner.next() {
            for field in block.into_inner() {
                match field.as_rule() {
                    Rule::lbrace | Rule::rbrace => {}
                    Rule::field_junk => self.recover_field(&field, Context::Party),
                    Rule::party_field => {
                        let mut parts = field.into_inner();
                        let keyword = parts.next()?;
                        let kind = match keyword.as_rule() {
                            Rule::kw_short => PartyFieldKind::Short,
                            Rule::kw_contact => PartyFieldKind::Contact,
                            _ => PartyFieldKind::Signatory,
                        };
                        let value = self.text(parts.next()?)?;
                        fields.push(PartyField {
                            kind,
                            keyword: span_of(&keyword),
                            value,
                        });
                    }
                    other => self.internal(span_of(&field), Some(other)),
                }
            }
        }
        Some(Party { role, name, fields })
    }

    fn scope(&mut self, inner: Pairs<'_, Rule>) -> Vec<ScopeLine> {
        self.lines(inner, Context::Scope, |l, line| match line.as_rule() {
            Rule::service_line => {
                let mut parts = line.into_inner();
                let _keyword = parts.next();
                let id = ident(&parts.next()?);
                let label = l.text(parts.next()?)?;
                Some(ScopeLine::Service { id, label })
            }
            Rule::audience_line => {
                let texts = line
                    .into_inner()
                    .skip(1)
                    .filter_map(|t| l.text(t))
                    .collect();
                Some(ScopeLine::Audience(texts))
            }
            other => {
                l.internal(span_of(&line), Some(other));
                None
            }
        })
    }

    fn calendar(&mut self, mut inner: Pairs<'_, Rule>, span: Span) -> Option<Calendar> {
        let name = ident(&inner.next()?);
        let mut label = None;
        let mut always = None;
        let mut lines = Vec::new();
        for part in inner {
            match part.as_rule() {
                Rule::text => label = self.text(part),
                Rule::kw_24x7 => always = Some(span_of(&part)),
                Rule::calendar_body => lines = self.calendar_body(part),
                other => self.internal(span_of(&part), Some(other)),
            }
        }
        Some(Calendar {
            name,
            span,
            label,
            always,
            lines,
        })
    }

    fn calendar_body(&mut self, body: P<'_>) -> Vec<CalendarLine> {
        self.lines(body.into_inner(), Context::Calendar, |l, line| {
            let line_span = span_of(&line);
            match line.as_rule() {
                Rule::weekly_line => {
                    let mut days = Vec::new();
                    let mut spans = Vec::new();
                    let mut valid = true;
                    for part in line.into_inner() {
                        match part.as_rule() {
                            Rule::weekdays => match l.weekdays(&part) {
                                Some(d) => days.push(d),
                                None => valid = false,
                            },
                            Rule::spans => spans = l.spans(part),
                            other => l.internal(span_of(&part), Some(other)),
                        }
                    }
                    valid.then_some(CalendarLine::Weekly {
                        days,
                        spans,
                        span: line_span,
                    })
                }
                Rule::closed_line => l.closed_line(line),
                Rule::open_line => l.open_line(line),
                Rule::calendar_timezone => line
                    .into_inner()
                    .nth(1)
                    .and_then(|t| l.text(t))
                    .map(CalendarLine::Timezone),
                other => {
                    l.internal(line_span, Some(other));
                    None
                }
            }
        })
    }

    fn closed_line(&mut self, line: P<'_>) -> Option<CalendarLine> {
        let mut inner = line.into_inner();
        let keyword = span_of(&inner.next()?);
        let from = self.date(&inner.next()?);
        let mut to = None;
        let mut note = None;
        for part in inner {
            match part.as_rule() {
                Rule::range_sep => {}
                Rule::date => to = Some(self.date(&part)),
                _ => note = self.text(part),
            }
        }
        let from = from?;
        let to = match to {
            Some(to) => to?,
            None => from,
        };
        if to.node < from.node {
            self.push(
                Diagnostic::new(
                    Code::E020,
                    from.span.to(to.span),
                    format!("reversed date range: {} is before {}", to.node, from.node),
                )
                .with_label("ends before it starts")
                .with_help(format!("write `{}..{}`", to.node, from.node)),
            );
            return None;
        }
        Some(CalendarLine::Closed {
            keyword,
            from,
            to,
            note,
        })
    }

    fn open_line(&mut self, line: P<'_>) -> Option<CalendarLine> {
        let mut inner = line.into_inner();
        let keyword = span_of(&inner.next()?);
        let date = self.date(&inner.next()?);
        let spans = self.spans(inner.next()?);
        let note = inner.next().and_then(|t| self.text(t));
        Some(CalendarLine::Open {
            keyword,
            date: date?,
            spans,
            note,
        })
    }

    fn channel(&mut self, mut inner: Pairs<'_, Rule>) -> Option<Channel> {
        let name = ident(&inner.next()?);
        let label = self.text(inner.next()?)?;
        let mut fields = Vec::new();
        if let Some(block) = inner.next() {
            for field in block.into_inner() {
                let rule = field.as_rule();
                if matches!(rule, Rule::lbrace | Rule::rbrace) {
                    continue;
                }
                if rule == Rule::field_junk {
                    self.recover_field(&field, Context::Channel);
                    continue;
                }
                let mut parts = field.into_inner();
                let keyword = span_of(&parts.next()?);
                match rule {
                    Rule::hours_field => fields.push(ChannelField::Hours {
                        keyword,
                        calendar: ident(&parts.next()?),
                    }),
                    Rule::availability_field => {
                        let percent = self.fill_number(parts.next()?)?;
                        let period = parts.next().map(|p| self.period(p));
                        fields.push(ChannelField::Availability {
                            keyword,
                            percent,
                            period,
                        });
                    }
                    Rule::contact_field => fields.push(ChannelField::Contact {
                        keyword,
                        value: self.text(parts.next()?)?,
                    }),
                    other => self.internal(keyword, Some(other)),
                }
            }
        }
        Some(Channel {
            name,
            label,
            fields,
        })
    }

    fn priority(&mut self, mut inner: Pairs<'_, Rule>) -> Option<Priority> {
        let name = ident(&inner.next()?);
        let label = self.text(inner.next()?)?;
        let mut definitions = Vec::new();
        let mut clocks = Vec::new();
        if let Some(block) = inner.next() {
            for field in block.into_inner() {
                match field.as_rule() {
                    Rule::lbrace | Rule::rbrace => {}
                    Rule::field_junk => self.recover_field(&field, Context::Priority),
                    Rule::definition => {
                        if let Some(text) = field.into_inner().next().and_then(|t| self.text(t)) {
                            definitions.push(text);
                        }
                    }
                    Rule::priority_clock => {
                        if let Some(name) = field.into_inner().nth(1) {
                            clocks.push(ident(&name));
                        }
                    }
                    other => self.internal(span_of(&field), Some(other)),
                }
            }
        }
        Some(Priority {
            name,
            label,
            definitions,
            clocks,
        })
    }

    fn targets(&mut self, inner: Pairs<'_, Rule>) -> Vec<TargetLine> {
        self.lines(inner, Context::Target, |l, line| l.target_line(line))
    }

    fn target_line(&mut self, line: P<'_>) -> Option<TargetLine> {
        let span = span_of(&line);
        let mut inner = line.into_inner();
        let priority = ident(&inner.next()?);
        let _within = inner.next()?;
        let within = self.duration(inner.next()?)?;
        let mut or_workaround = None;
        let mut attainment = None;
        for part in inner {
            match part.as_rule() {
                Rule::kw_or_workaround => or_workaround = Some(span_of(&part)),
                Rule::attainment => {
                    attainment = part.into_inner().nth(1).and_then(|p| self.fill_number(p));
                }
                other => self.internal(span_of(&part), Some(other)),
            }
        }
        Some(TargetLine {
            priority,
            within,
            or_workaround,
            attainment,
            span,
        })
    }

    fn csat(&mut self, mut inner: Pairs<'_, Rule>) -> Option<Csat> {
        let _at_least = inner.next()?;
        let goal_pair = inner.next()?;
        let is_satisfied = goal_pair.as_rule() == Rule::csat_satisfied;
        let mut goal_parts = goal_pair.into_inner();
        let value = self.fill_number(goal_parts.next()?)?;
        let mut scale = None;
        for part in goal_parts {
            if part.as_rule() == Rule::scale {
                let span = span_of(&part);
                let numbers: Vec<f64> = part
                    .into_inner()
                    .filter(|p| p.as_rule() == Rule::number)
                    .filter_map(|p| p.as_str().parse().ok())
                    .collect();
                if let [low, high] = numbers[..] {
                    scale = Some(Spanned::new((low, high), span));
                }
            }
        }
        let goal = if is_satisfied {
            CsatGoalAst::Satisfied(value)
        } else {
            CsatGoalAst::Score(value)
        };
        let mut period = None;
        let mut methods = Vec::new();
        for part in inner {
            match part.as_rule() {
                Rule::period => period = Some(self.period(part)),
                Rule::csat_method => {
                    methods = part
                        .into_inner()
                        .skip(1)
                        .filter_map(|t| self.text(t))
                        .collect();
                }
                other => self.internal(span_of(&part), Some(other)),
            }
        }
        Some(Csat {
            goal,
            scale,
            period,
            methods,
        })
    }

    fn support(&mut self, inner: Pairs<'_, Rule>) -> Vec<SupportLine> {
        self.lines(inner, Context::Support, |l, line| match line.as_rule() {
            Rule::submit_line => {
                let line_span = span_of(&line);
                let mut parts = line.into_inner();
                let keyword = parts.next().map(|k| span_of(&k)).unwrap_or(line_span);
                let channels = parts.map(|p| ident(&p)).collect();
                Some(SupportLine::SubmitVia { keyword, channels })
            }
            Rule::escalate_line => l.escalate_line(line),
            other => {
                l.internal(span_of(&line), Some(other));
                None
            }
        })
    }

    fn escalate_line(&mut self, line: P<'_>) -> Option<SupportLine> {
        let mut inner = line.into_inner();
        let keyword = span_of(&inner.next()?);
        let priority = ident(&inner.next()?);
        let _after = inner.next()?;
        let after = self.duration(inner.next()?)?;
        let _to = inner.next()?;
        let to = self.text(inner.next()?)?;
        Some(SupportLine::Escalate {
            keyword,
            priority,
            after,
            to,
        })
    }
}

/// `fri-sun`, or `mon` for a one-day range.
fn day_range(first: usize, last: usize) -> String {
    let name = |i: usize| WEEKDAYS.get(i).copied().unwrap_or("mon");
    if first == last {
        name(first).to_string()
    } else {
        format!("{}-{}", name(first), name(last))
    }
}

fn ident(pair: &P<'_>) -> Ident {
    Spanned::new(pair.as_str().to_string(), span_of(pair))
}

/// A text block's content, as prose: each line trimmed (indentation is
/// layout, not content), the lines of one paragraph folded into one (with a
/// space, or with nothing between CJK characters), and paragraphs separated
/// by blank lines kept apart by one line break.
fn dedent(raw: &str) -> String {
    let mut out = String::new();
    let mut paragraph_break = false;
    for line in raw.split('\n').map(str::trim) {
        if line.is_empty() {
            paragraph_break = !out.is_empty();
            continue;
        }
        if paragraph_break {
            out.push('\n');
            paragraph_break = false;
        } else if let (Some(before), Some(after)) = (out.chars().last(), line.chars().next()) {
            if !(is_wide(before) && is_wide(after)) {
                out.push(' ');
            }
        }
        out.push_str(line);
    }
    out
}

/// CJK characters and full-width punctuation, which join without spaces.
fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x2E80..=0x9FFF | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF)
}

impl Diagnostic {
    /// In a re-parsed line, the end of the input is the end of the line.
    pub(crate) fn in_line(mut self) -> Self {
        self.message = self.message.replace("end of file", "end of line");
        if let Some(label) = &mut self.label {
            *label = label.replace("end of file", "end of line");
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::dedent;

    #[test]
    fn trailing_space_and_comments_are_not_part_of_a_span() {
        assert_eq!(super::trim_trailing("a \"//x\" // c\n  "), "a \"//x\"");
        assert_eq!(super::trim_trailing("a [//] b"), "a [//] b");
    }

    #[test]
    fn text_blocks_fold_into_paragraphs() {
        let raw = "\n    第一行，\n    第二行。\n\n    Second\n      paragraph.\n    ";
        assert_eq!(dedent(raw), "第一行，第二行。\nSecond paragraph.");
    }
}
