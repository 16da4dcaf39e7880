//! Rich text: the inline content of the outline — plain text, identifiers
//! and placeholders — and the phrase slots that build it. No markup here;
//! escaping is the emitters' job.

/// One piece of inline text.
#[derive(Debug, Clone, PartialEq)]
pub enum Inline {
    /// Fixed or contract text, shown as it is (newlines are line breaks).
    Text(String),
    /// An identifier from the contract source (`business`), or a
    /// machine value such as the fingerprint.
    Code(String),
    /// A `[…]` placeholder still to be filled in (its inner text).
    Placeholder(String),
}

/// A run of inline text.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Rich(pub Vec<Inline>);

impl Rich {
    pub fn text(s: &str) -> Rich {
        let mut out = Rich::default();
        out.push_text(s);
        out
    }

    pub fn code(s: &str) -> Rich {
        Rich(vec![Inline::Code(s.to_string())])
    }

    pub fn placeholder(s: &str) -> Rich {
        Rich(vec![Inline::Placeholder(s.to_string())])
    }

    /// Appends text, merging it into a preceding text piece.
    pub fn push_text(&mut self, s: &str) {
        if s.is_empty() {
            return;
        }
        if let Some(Inline::Text(last)) = self.0.last_mut() {
            last.push_str(s);
        } else {
            self.0.push(Inline::Text(s.to_string()));
        }
    }

    pub fn extend(&mut self, other: Rich) {
        for inline in other.0 {
            match inline {
                Inline::Text(s) => self.push_text(&s),
                other => self.0.push(other),
            }
        }
    }

    pub fn join(parts: impl IntoIterator<Item = Rich>, separator: &str) -> Rich {
        let mut out = Rich::default();
        for (i, part) in parts.into_iter().enumerate() {
            if i > 0 {
                out.push_text(separator);
            }
            out.extend(part);
        }
        out
    }

    /// The text without markup, placeholders in brackets (for `<title>`).
    pub fn plain(&self) -> String {
        self.0
            .iter()
            .map(|inline| match inline {
                Inline::Text(s) | Inline::Code(s) => s.clone(),
                Inline::Placeholder(s) => format!("[{s}]"),
            })
            .collect()
    }
}

/// Fills the `{0}`, `{1}`, … slots of a phrase. A slot without an argument
/// stays as written, so a mistake in a phrase shows instead of vanishing.
pub fn sentence(template: &str, args: &[Rich]) -> Rich {
    fill_slots(template, |slot| {
        slot.parse::<usize>()
            .ok()
            .and_then(|i| args.get(i).cloned())
    })
}

/// Fills each `{slot}` of a phrase with what `value` gives for its name;
/// a slot it gives nothing for stays as written. The values are rich text
/// put in after the template is read, so their own braces are never slots.
pub fn fill_slots(template: &str, value: impl Fn(&str) -> Option<Rich>) -> Rich {
    let mut out = Rich::default();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let (before, from_brace) = rest.split_at(open);
        out.push_text(before);
        let after = from_brace.get(1..).unwrap_or("");
        let slot = after
            .find('}')
            .and_then(|close| Some((close, value(after.get(..close)?)?)));
        match slot {
            Some((close, arg)) => {
                out.extend(arg);
                rest = after.get(close + 1..).unwrap_or("");
            }
            None => {
                out.push_text("{");
                rest = after;
            }
        }
    }
    out.push_text(rest);
    out
}

/// A phrase with plain-text slots.
pub fn phrase(template: &str, args: &[&str]) -> Rich {
    let args: Vec<Rich> = args.iter().map(|a| Rich::text(a)).collect();
    sentence(template, &args)
}
