//! Escaping text for the documents slac writes: the one place that knows
//! HTML's, Markdown's, CSS strings' and Typst strings' special characters,
//! and a `.sla` string's escapes
//! (for the `.sla` files slac writes, such as `holidays import`'s). The
//! appendix (`render`) and the compliance report (`eval`) both escape
//! through here, so contract or log text can never become markup in either.

/// Text as a `.sla` string literal, quotes included: `"` and `\` are
/// escaped, a line break or tab is written `\n` / `\t`, and other
/// control characters are dropped (the grammar has no escape for them).
pub fn sla_string(text: &str) -> String {
    quoted(text, "\\t", char::is_control)
}

/// Makes text literal in HTML: `& < > " '` become references, a newline a
/// `<br>`, and characters HTML forbids (other control characters,
/// noncharacters) are dropped.
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' => out.push_str("<br>"),
            c if is_forbidden(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Makes text literal in Markdown, in a line or a table cell: ASCII
/// punctuation that could start markup is backslash-escaped, a newline
/// becomes `<br>`, a carriage return and forbidden characters are dropped.
pub fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' | '#' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("<br>"),
            '\r' => {}
            c if is_forbidden(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// Text as a CSS string, quotes included, for `content:` in a `<style>`
/// element: `"` and `\` are escaped, a newline is `\A`, and `<` `>` `&`
/// are written as hex escapes so the text can never close the element.
pub fn css_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\A "),
            '<' => out.push_str("\\3C "),
            '>' => out.push_str("\\3E "),
            '&' => out.push_str("\\26 "),
            c if is_forbidden(c) || c == '\t' => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Text as a Typst string literal, quotes included: `"` and `\` are
/// escaped, a newline is `\n` (Typst shows it as a line break) and
/// forbidden characters are dropped. Shown with `#"…";` in markup, a
/// string is only text: no Typst markup character (`# $ * _ < @ \` ` …)
/// in it has any meaning.
pub fn typst_string(text: &str) -> String {
    quoted(text, " ", is_forbidden)
}

/// A double-quoted string literal in the C-like syntax `.sla` files and
/// Typst share: `"` and `\` escaped, a newline `\n`, a tab as `tab` says,
/// and the characters `dropped` names left out.
fn quoted(text: &str, tab: &str, dropped: fn(char) -> bool) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str(tab),
            c if dropped(c) => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Characters no document should carry: control characters other than tab
/// and newline (HTML forbids them) and Unicode noncharacters.
fn is_forbidden(c: char) -> bool {
    let n = u32::from(c);
    (c.is_control() && c != '\t' && c != '\n')
        || (0xFDD0..=0xFDEF).contains(&n)
        || n & 0xFFFE == 0xFFFE
}

#[cfg(test)]
mod tests {
    use super::{css_string, html, markdown, typst_string};

    #[test]
    fn css_strings_cannot_close_the_string_or_the_style_element() {
        assert_eq!(
            css_string("a\"b\\c</style>&\nd\u{0}"),
            "\"a\\\"b\\\\c\\3C /style\\3E \\26 \\A d\""
        );
    }

    #[test]
    fn typst_strings_escape_quote_and_backslash_only() {
        assert_eq!(typst_string("#$*_<@`\"\\x\ny"), "\"#$*_<@`\\\"\\\\x\\ny\"");
    }

    #[test]
    fn html_makes_markup_literal() {
        assert_eq!(
            html("<a href='x'>&\"\n\u{7}\u{FFFE}"),
            "&lt;a href=&#39;x&#39;&gt;&amp;&quot;<br>"
        );
        assert_eq!(html("服务\t级别"), "服务\t级别");
    }

    #[test]
    fn markdown_makes_markup_literal() {
        assert_eq!(
            markdown("[link](x) *a* _b_ `c` | ~d~ &e; #f !g \\h"),
            "\\[link\\](x) \\*a\\* \\_b\\_ \\`c\\` \\| \\~d\\~ \\&e; \\#f \\!g \\\\h"
        );
        assert_eq!(markdown("one\r\ntwo\u{0}"), "one<br>two");
        assert_eq!(markdown("<script>"), "\\<script\\>");
    }
}
