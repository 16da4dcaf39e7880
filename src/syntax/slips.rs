//! Slips that look right to a person and wrong to the grammar: full-width
//! punctuation, as a Chinese input method types it (`“电子邮件”`, `，`,
//! `09：00`), and dates written with slashes (`2027/10/01`). Each gets the
//! caret on the character itself and a help that shows the ASCII fix.

use crate::source::Span;

/// A slip found where a parse failed: where it is, what it is (for "found
/// …") and how to fix it.
pub(super) struct Slip {
    pub span: Span,
    pub found: String,
    pub help: String,
}

/// The slip in the word that starts at `at` in `text`, if any. A quoted
/// text is never a slip: full-width punctuation belongs in it.
pub(super) fn slip_at(text: &str, at: usize) -> Option<Slip> {
    let rest = text.get(at..)?;
    if rest.starts_with('"') {
        return None;
    }
    let word_len = rest.find(char::is_whitespace).unwrap_or(rest.len());
    let word = rest.get(..word_len)?;
    other_date(word, at).or_else(|| full_width(rest, word, at))
}

/// Splits the leading ASCII digits off `s`.
fn digits(s: &str) -> (&str, &str) {
    s.split_at(s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len()))
}

/// `2027/10/01`, `2027.10.01` or `2027年10月1日` at the start of `word`.
fn other_date(word: &str, at: usize) -> Option<Slip> {
    let (year, rest) = digits(word);
    let first = rest.chars().next()?;
    let second = match first {
        '/' => '/',
        '.' => '.',
        '年' => '月',
        _ => return None,
    };
    let (month, rest) = digits(rest.get(first.len_utf8()..)?);
    let rest = rest.strip_prefix(second)?;
    let (day, rest) = digits(rest);
    let ok = |part: &str, most: usize| (1..=most).contains(&part.len());
    if year.len() != 4 || !ok(month, 2) || !ok(day, 2) {
        return None;
    }
    let tail = if first == '年' && rest.starts_with('日') {
        '日'.len_utf8()
    } else {
        0
    };
    let len = word.len() - rest.len() + tail;
    let date = word.get(..len)?;
    Some(Slip {
        span: Span::new(at, at + len),
        found: format!("`{date}`"),
        help: format!("write dates as {year}-{month:0>2}-{day:0>2}"),
    })
}

/// The ASCII character a full-width one stands for, if it is one a
/// Chinese input method types in place of ASCII punctuation.
fn ascii_for(c: char) -> Option<char> {
    Some(match c {
        '“' | '”' | '‘' | '’' | '「' | '」' | '『' | '』' | '＂' => '"',
        '，' | '、' => ',',
        '：' => ':',
        '（' => '(',
        '）' => ')',
        '％' => '%',
        '－' | '—' | '～' | '〜' => '-',
        '｛' => '{',
        '｝' => '}',
        '【' | '［' => '[',
        '】' | '］' => ']',
        '．' => '.',
        '；' | '。' => ';',
        '０'..='９' => char::from_u32(u32::from(c) - u32::from('０') + u32::from('0'))?,
        _ => return None,
    })
}

/// The first full-width punctuation mark in `word` (which starts `rest`,
/// at `at`), with the help its ASCII counterpart calls for.
fn full_width(rest: &str, word: &str, at: usize) -> Option<Slip> {
    let (offset, c, ascii) = word
        .char_indices()
        .find_map(|(i, c)| ascii_for(c).map(|a| (i, c, a)))?;
    let help = match ascii {
        '"' => quoted_fix(rest.get(offset..)?, c),
        '(' | ')' => bracket_fix(rest.get(offset..)?, c),
        ';' => format!("a line ends without punctuation: remove the `{c}`"),
        '0'..='9' => "write numbers with ASCII digits (`0`–`9`)".to_string(),
        _ => format!("use an ASCII `{ascii}`"),
    };
    let start = at + offset;
    Some(Slip {
        span: Span::new(start, start + c.len_utf8()),
        found: format!("the full-width `{c}`"),
        help,
    })
}

/// What follows the opening mark `open` (which starts `from`) on its line,
/// up to the first mark that `ends` accepts.
fn enclosed(from: &str, open: char, ends: impl Fn(char) -> bool) -> String {
    let line = from
        .get(open.len_utf8()..)
        .unwrap_or("")
        .split(['\n', '\r'])
        .next()
        .unwrap_or("");
    line.chars()
        .take_while(|c| !ends(*c))
        .collect::<String>()
        .trim()
        .to_string()
}

/// The help for a curly quote: the text it opens, in ASCII quotes.
fn quoted_fix(from_quote: &str, quote: char) -> String {
    let inner = enclosed(from_quote, quote, |c| c == '"' || ascii_for(c) == Some('"'));
    if inner.is_empty() {
        "use ASCII quotes `\"`".to_string()
    } else {
        format!("use ASCII quotes `\"`: \"{inner}\"")
    }
}

/// The help for a full-width bracket: brackets mean nothing outside quotes,
/// and a label in brackets is meant as a text.
fn bracket_fix(from_bracket: &str, bracket: char) -> String {
    let inner = match bracket {
        '（' => enclosed(from_bracket, bracket, |c| c == '）'),
        _ => String::new(),
    };
    if inner.is_empty() {
        format!("`{bracket}` has no meaning outside quotes: remove it, or put the text in ASCII quotes `\"`")
    } else {
        format!(
            "`（…）` has no meaning outside quotes; a label is a text in ASCII quotes: \"{inner}\""
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn help(text: &str) -> Option<(usize, usize, String)> {
        slip_at(text, 0).map(|s| (s.span.start(), s.span.end(), s.help))
    }

    #[test]
    fn dates_with_slashes_dots_or_chinese_words() {
        let fix = Some("write dates as 2027-10-01".to_string());
        assert_eq!(help("2027/10/01 x").map(|h| h.2), fix);
        assert_eq!(help("2027.10.1").map(|h| h.2), fix);
        assert_eq!(
            help("2027年10月1日").map(|h| (h.1, h.2)),
            Some(("2027年10月1日".len(), "write dates as 2027-10-01".into()))
        );
        assert!(help("2027/10").is_none());
        assert!(help("27/10/01").is_none());
    }

    #[test]
    fn the_caret_is_on_the_full_width_character() {
        let text = "09：00-18:00";
        let at = text.find('：').unwrap_or(0);
        assert_eq!(
            help(text),
            Some((at, at + '：'.len_utf8(), "use an ASCII `:`".into()))
        );
        assert_eq!(
            help("“电子邮件” {").map(|h| h.2),
            Some("use ASCII quotes `\"`: \"电子邮件\"".into())
        );
        assert_eq!(help("，").map(|h| h.2), Some("use an ASCII `,`".into()));
        assert_eq!(
            help("（紧急） {").map(|h| h.2),
            Some("`（…）` has no meaning outside quotes; a label is a text in ASCII quotes: \"紧急\"".into())
        );
    }

    #[test]
    fn quoted_text_is_never_a_slip() {
        assert!(help("\"客户，服务\"").is_none());
        assert!(help("plain").is_none());
    }
}
