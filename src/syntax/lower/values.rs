//! Values: lexical pairs to typed values (texts, numbers, dates, times,
//! durations), with E020/E032 at the exact span when they cannot be. A
//! value the grammar should not have let through is an E000.

use super::cursor::Children;
use super::span::span_of;
use super::{present, Lowering, P};
use crate::ast::*;
use crate::cjk::is_chinese_or_japanese;
use crate::diagnostic::{Code, Diagnostic};
use crate::model::{Fill, Period, TimeOfDay, TimeSpan, Unit, WEEKDAYS};
use crate::source::{Span, Spanned};
use crate::syntax::Rule;
use chrono::NaiveDate;

impl Lowering<'_> {
    /// The value of a `text` (or of a bare `string`, `text_block` or
    /// `placeholder`).
    pub(super) fn text(&mut self, pair: P<'_>) -> Option<Text> {
        let pair = if pair.as_rule() == Rule::text {
            let mut c = self.open(pair, Rule::text)?;
            let inner =
                self.expect_one_of(&mut c, &[Rule::string, Rule::text_block, Rule::placeholder])?;
            self.end(c)?;
            inner
        } else {
            pair
        };
        let span = span_of(&pair);
        let value = match pair.as_rule() {
            Rule::string => {
                let mut c = self.open(pair, Rule::string)?;
                let inner = self.expect(&mut c, Rule::string_inner)?;
                let base = span_of(&inner).start();
                Fill::Value(self.unescape(inner.as_str(), base))
            }
            Rule::text_block => {
                let mut c = self.open(pair, Rule::text_block)?;
                Fill::Value(dedent(self.expect(&mut c, Rule::block_inner)?.as_str()))
            }
            Rule::placeholder => Fill::Placeholder(self.placeholder(&pair)),
            _ => {
                self.unexpected(&pair, Rule::text, "`string`, `text_block` or `placeholder`");
                return None;
            }
        };
        Some(Spanned::new(value, span))
    }

    /// A bare `string`, unescaped, with its span (quotes included).
    pub(super) fn string(&mut self, pair: P<'_>) -> Option<Spanned<String>> {
        let span = span_of(&pair);
        let mut c = self.open(pair, Rule::string)?;
        let inner = self.expect(&mut c, Rule::string_inner)?;
        let value = self.unescape(inner.as_str(), span_of(&inner).start());
        self.end(c)?;
        Some(Spanned::new(value, span))
    }

    /// The next child, a `text`.
    pub(super) fn text_child(&mut self, c: &mut Children<'_>) -> Option<Text> {
        let pair = self.expect(c, Rule::text)?;
        self.text(pair)
    }

    /// The next child, an `ident`.
    pub(super) fn ident(&mut self, c: &mut Children<'_>) -> Option<Ident> {
        let pair = self.expect(c, Rule::ident)?;
        Some(Spanned::new(pair.as_str().to_string(), span_of(&pair)))
    }

    /// Records a placeholder (for W001) and returns its inner text.
    pub(super) fn placeholder(&mut self, pair: &P<'_>) -> String {
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
    pub(super) fn unescape(&mut self, raw: &str, base: usize) -> String {
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
    pub(super) fn fill_number(&mut self, pair: P<'_>) -> Option<Spanned<Fill<f64>>> {
        let pair = match pair.as_rule() {
            rule @ (Rule::number_value | Rule::percent_value) => {
                let value = if rule == Rule::number_value {
                    Rule::number
                } else {
                    Rule::percent
                };
                let mut c = self.open(pair, rule)?;
                let inner = self.expect_one_of(&mut c, &[value, Rule::placeholder])?;
                self.end(c)?;
                inner
            }
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
                        self.not_lexed(&pair);
                        None
                    }
                }
            }
            _ => {
                self.unexpected(
                    &pair,
                    Rule::number_value,
                    "a number, percentage or placeholder",
                );
                None
            }
        }
    }

    pub(super) fn plain_number(&mut self, pair: &P<'_>) -> Option<f64> {
        match pair.as_str().parse::<f64>() {
            Ok(value) if pair.as_rule() == Rule::number => Some(value),
            _ => {
                self.not_lexed(pair);
                None
            }
        }
    }

    pub(super) fn date(&mut self, pair: &P<'_>) -> Option<Spanned<NaiveDate>> {
        let span = span_of(pair);
        let text = pair.as_str();
        let mut parts = text.split('-').map(|p| p.parse::<u32>().ok());
        let (Rule::date, Some(Some(y)), Some(Some(m)), Some(Some(d)), None) = (
            pair.as_rule(),
            parts.next(),
            parts.next(),
            parts.next(),
            parts.next(),
        ) else {
            self.not_lexed(pair);
            return None;
        };
        let Ok(year) = i32::try_from(y) else {
            self.not_lexed(pair);
            return None;
        };
        match NaiveDate::from_ymd_opt(year, m, d) {
            Some(date) => Some(Spanned::new(date, span)),
            None => {
                let why = if !(1..=12).contains(&m) {
                    format!("there is no month {m}")
                } else {
                    let last = (28..=31)
                        .rev()
                        .find(|&day| NaiveDate::from_ymd_opt(year, m, day).is_some())
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

    pub(super) fn date_value(&mut self, pair: P<'_>) -> Option<Spanned<Fill<NaiveDate>>> {
        let mut c = self.open(pair, Rule::date_value)?;
        let inner = self.expect_one_of(&mut c, &[Rule::date, Rule::placeholder])?;
        self.end(c)?;
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

    pub(super) fn time(&mut self, pair: &P<'_>, is_end: bool) -> Option<TimeOfDay> {
        let span = span_of(pair);
        let text = pair.as_str();
        let parsed = text
            .split_once(':')
            .and_then(|(h, m)| Some((h.parse::<u16>().ok()?, m.parse::<u16>().ok()?)));
        let (Rule::time, Some((h, m))) = (pair.as_rule(), parsed) else {
            self.not_lexed(pair);
            return None;
        };
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

    pub(super) fn spans(&mut self, pair: P<'_>) -> Vec<Spanned<TimeSpan>> {
        let mut spans = Vec::new();
        let Some(mut c) = self.open(pair, Rule::spans) else {
            return spans;
        };
        while c.peek().is_some() {
            let Some(span_pair) = self.expect(&mut c, Rule::span) else {
                continue;
            };
            let span = span_of(&span_pair);
            let Some(mut parts) = self.open(span_pair, Rule::span) else {
                continue;
            };
            let (Some(start), Some(_dash), Some(end)) = (
                self.expect(&mut parts, Rule::time),
                self.expect(&mut parts, Rule::dash),
                self.expect(&mut parts, Rule::time),
            ) else {
                continue;
            };
            if self.end(parts).is_none() {
                continue;
            }
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

    pub(super) fn weekdays(&mut self, pair: &P<'_>) -> Option<Spanned<Vec<usize>>> {
        let span = span_of(pair);
        let text = pair.as_str();
        if pair.as_rule() == Rule::weekdays && text == "daily" {
            return Some(Spanned::new((0..7).collect(), span));
        }
        let index = |name: &str| WEEKDAYS.iter().position(|d| *d == name);
        let (first, last) = text.split_once('-').unwrap_or((text, text));
        let (Rule::weekdays, Some(first), Some(last)) = (pair.as_rule(), index(first), index(last))
        else {
            self.not_lexed(pair);
            return None;
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

    /// `monthly`, `quarterly`, `yearly` or a placeholder.
    pub(super) fn period(&mut self, pair: P<'_>) -> Option<Spanned<Fill<Period>>> {
        self.period_of(pair, Rule::period, Rule::period_word)
    }

    /// A period of the grammar rule `rule`, whose words (`word_rule`) are
    /// those the grammar allows there (`reporting` allows no `yearly`).
    pub(super) fn period_of(
        &mut self,
        pair: P<'_>,
        rule: Rule,
        word_rule: Rule,
    ) -> Option<Spanned<Fill<Period>>> {
        let span = span_of(&pair);
        let mut c = self.open(pair, rule)?;
        let inner = self.expect_one_of(&mut c, &[word_rule, Rule::placeholder])?;
        self.end(c)?;
        let value = match (inner.as_rule(), inner.as_str()) {
            (Rule::placeholder, _) => Fill::Placeholder(self.placeholder(&inner)),
            (_, "monthly") => Fill::Value(Period::Monthly),
            (_, "quarterly") => Fill::Value(Period::Quarterly),
            (_, "yearly") => Fill::Value(Period::Yearly),
            _ => {
                self.not_lexed(&inner);
                return None;
            }
        };
        Some(Spanned::new(value, span))
    }

    pub(super) fn unit(&mut self, pair: P<'_>) -> Option<Spanned<Unit>> {
        let mut c = self.open(pair, Rule::unit)?;
        let inner = self.expect_one_of(
            &mut c,
            &[
                Rule::unit_minutes,
                Rule::unit_hours,
                Rule::unit_business,
                Rule::unit_days,
            ],
        )?;
        self.end(c)?;
        let unit = match inner.as_rule() {
            Rule::unit_minutes => Unit::Minutes,
            Rule::unit_hours => Unit::Hours,
            Rule::unit_business => Unit::BusinessDays,
            _ => Unit::Days,
        };
        Some(Spanned::new(unit, span_of(&inner)))
    }

    pub(super) fn duration(&mut self, pair: P<'_>) -> Option<Spanned<DurationAst>> {
        let span = span_of(&pair);
        let mut c = self.open(pair, Rule::duration)?;
        let first = self.expect_one_of(&mut c, &[Rule::number, Rule::placeholder])?;
        let unit = if first.as_rule() == Rule::number {
            let unit = self.expect(&mut c, Rule::unit)?;
            Some(self.unit(unit)?)
        } else {
            present(c.optional(Rule::unit).map(|u| self.unit(u)))?
        };
        self.end(c)?;
        let node = if first.as_rule() == Rule::placeholder {
            DurationAst::Placeholder {
                text: self.placeholder(&first),
                placeholder: span_of(&first),
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
            let Some(unit) = unit else {
                self.internal(span, Rule::duration, "a number without a unit".into());
                return None;
            };
            DurationAst::Given { amount, unit }
        };
        Some(Spanned::new(node, span))
    }
}

/// `fri-sun`, or `mon` for a one-day range.
pub(super) fn day_range(first: usize, last: usize) -> String {
    let name = |i: usize| WEEKDAYS.get(i).copied().unwrap_or("mon");
    if first == last {
        name(first).to_string()
    } else {
        format!("{}-{}", name(first), name(last))
    }
}

/// A text block's content, as prose: each line trimmed (indentation is
/// layout, not content), the lines of one paragraph folded into one (with a
/// space, or with nothing between CJK characters), and paragraphs separated
/// by blank lines kept apart by one line break.
pub(super) fn dedent(raw: &str) -> String {
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
            if !(is_chinese_or_japanese(before) && is_chinese_or_japanese(after)) {
                out.push(' ');
            }
        }
        out.push_str(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::dedent;

    #[test]
    fn text_blocks_fold_into_paragraphs() {
        let raw = "\n    第一行，\n    第二行。\n\n    Second\n      paragraph.\n    ";
        assert_eq!(dedent(raw), "第一行，第二行。\nSecond paragraph.");
    }

    #[test]
    fn only_chinese_and_japanese_lines_join_without_a_space() {
        // Ideographs beyond the BMP (𠀀, U+20000) are Chinese too; Korean
        // separates words with spaces.
        assert_eq!(dedent("\n  服务\n  𠀀字\n"), "服务𠀀字");
        assert_eq!(dedent("\n  サポート\n  契約\n"), "サポート契約");
        assert_eq!(dedent("\n  고객\n  지원\n"), "고객 지원");
    }
}
