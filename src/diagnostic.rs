//! Diagnostics are data: every stage pushes [`Diagnostic`]s into a list, and
//! `crate::report` renders the list once — as miette reports, JSON, GitHub
//! workflow commands or SARIF.
//!
//! Each diagnostic has a stable [`Code`]. The registry below is the single
//! list of codes: its summary feeds SARIF's `shortDescription`, and every
//! code has a page `docs/codes/<CODE>.md` and a golden test (a test fails if
//! one is missing).

use crate::source::{FileId, Span};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

macro_rules! codes {
    ($($name:ident => $severity:ident, $summary:literal;)*) => {
        /// A stable diagnostic code. Never renumber: tools and tests depend on them.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code { $($name,)* }

        impl Code {
            /// Every code, in order.
            pub const ALL: &'static [Code] = &[$(Code::$name,)*];

            pub fn as_str(self) -> &'static str {
                match self { $(Code::$name => stringify!($name),)* }
            }

            /// The severity a diagnostic of this code has by default.
            pub fn severity(self) -> Severity {
                match self { $(Code::$name => Severity::$severity,)* }
            }

            /// One line saying what the code is about.
            pub fn summary(self) -> &'static str {
                match self { $(Code::$name => $summary,)* }
            }
        }
    };
}

codes! {
    E000 => Error, "Internal error";
    E001 => Error, "Syntax error";
    E002 => Error, "Unknown item or field";
    E003 => Error, "Nesting too deep";
    E004 => Error, "File is not UTF-8 text";
    E010 => Error, "Duplicate name or item";
    E011 => Error, "Required item missing";
    E012 => Error, "Reference to an unknown name";
    E013 => Error, "Unsupported language";
    E020 => Error, "Invalid date, time or range";
    E021 => Error, "Unknown time zone";
    E022 => Error, "Effective period ends before it starts";
    E030 => Error, "Percentage or score out of range";
    E031 => Error, "Resolution target shorter than response target";
    E032 => Error, "Duration does not fit its clock";
    E033 => Error, "Calendar is never open";
    E034 => Error, "`or workaround` on a response target";
    E040 => Error, "Used file not found";
    E041 => Error, "Used file is not a holiday library";
    E042 => Error, "Used file is outside the project root";
    E043 => Error, "`use` goes round in a circle";
    E050 => Error, "One holiday set closes a date another opens";
    E051 => Error, "Make-up day without hours the calendar can give";
    E052 => Error, "Yearly date that no year has";
    E053 => Error, "Yearly rule that gives no day or reaches too far";
    E060 => Error, "Credit tiers out of order";
    E061 => Error, "Credit tier threshold given twice";
    E062 => Error, "Credit line with no target to measure";
    E063 => Error, "Credit tier in the wrong unit";
    E064 => Error, "Currency is not an ISO 4217 code";
    E065 => Error, "Two priorities claim one ticket-system name";
    E066 => Error, "Two channels claim one ticket-system name";
    E067 => Error, "Empty status in `pause on`";
    E070 => Error, "Unknown governing law";
    E071 => Error, "Commitment for an unknown section";
    E073 => Error, "Party names empty or the same";
    E074 => Error, "`party-names short` without both short names";
    W001 => Warning, "Placeholder left in the contract";
    W002 => Warning, "Priorities out of order";
    W003 => Warning, "Holiday or make-up day outside the effective period";
    W004 => Warning, "Priority clock runs when no channel is open";
    W005 => Warning, "Unused calendar or holiday set";
    W006 => Warning, "Redundant `open` or `closed` day";
    W007 => Warning, "Escalation comes after the resolution is due";
    W008 => Warning, "Duplicate entry in a list";
    W009 => Warning, "Time zone is a fixed offset or rule, not a place";
    W010 => Warning, "Holidays not listed for the whole effective period";
    W012 => Warning, "Part of a yearly rule that changes nothing";
    W013 => Warning, "Maintenance window outside every measured channel's hours";
    W014 => Warning, "Credit owed while the target is met";
    W015 => Warning, "Credit tier above the cap";
    W017 => Warning, "Priority without a definition";
    W019 => Warning, "Governing law written as text that has a code";
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Code {
    type Err = ();

    fn from_str(s: &str) -> Result<Code, ()> {
        Code::ALL
            .iter()
            .copied()
            .find(|c| c.as_str() == s)
            .ok_or(())
    }
}

/// One finding about a source file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub code: Code,
    pub severity: Severity,
    /// What is wrong, in a sentence without a trailing period.
    pub message: String,
    /// The file the place is in: the checked file unless told
    /// ([`Diagnostic::in_file`]).
    pub file: FileId,
    /// The place it is about.
    pub span: Span,
    /// The text of the label under the span (defaults to the message).
    pub label: Option<String>,
    /// How to fix it, where a fix can be suggested.
    pub help: Option<String>,
    /// Secondary places, e.g. "first declared here".
    pub related: Vec<Related>,
}

/// A secondary place of a diagnostic, in its file or in another one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Related {
    pub file: FileId,
    pub span: Span,
    pub label: String,
}

impl Diagnostic {
    pub fn new(code: Code, span: Span, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            code,
            severity: code.severity(),
            message: message.into(),
            file: FileId::MAIN,
            span,
            label: None,
            help: None,
            related: Vec::new(),
        }
    }

    pub fn with_label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Sets the help only when there is one.
    pub fn with_help_opt(mut self, help: Option<String>) -> Self {
        if help.is_some() {
            self.help = help;
        }
        self
    }

    /// A secondary place in the diagnostic's own file.
    pub fn with_related(self, span: Span, label: impl Into<String>) -> Self {
        let file = self.file;
        self.with_related_in(file, span, label)
    }

    /// A secondary place in another file (a name defined again in a used file).
    pub fn with_related_in(mut self, file: FileId, span: Span, label: impl Into<String>) -> Self {
        self.related.push(Related {
            file,
            span,
            label: label.into(),
        });
        self
    }

    /// The diagnostic moved to `file`, with its places in its old file: the
    /// checks of a used file see it as the only one, and the loader then
    /// says which file of the check it is.
    pub fn in_file(mut self, file: FileId) -> Self {
        let old = self.file;
        for related in &mut self.related {
            if related.file == old {
                related.file = file;
            }
        }
        self.file = file;
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Sorts diagnostics by file (the checked file first, then the files it
/// uses in load order), position, then code, for stable output.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (a.file, a.span.start, a.span.end, a.code).cmp(&(b.file, b.span.start, b.span.end, b.code))
    });
}

/// The "did you mean" helper, the one place names are suggested.
///
/// An exact case-insensitive match wins; otherwise the candidate with the
/// smallest Damerau–Levenshtein distance, if its normalised similarity
/// `1 - distance / max(len)` is at least 0.6 (Nickel's threshold) — or the
/// distance is 1, so that short names such as `Pl`/`P1` still match a typo.
/// A name that differs from a candidate only in its numbers is another
/// member of a numbered family, not a typo: `P5` is not `P1`, nor `L10` `L1`
/// (a transposition such as `2P` for `P2` still is one).
pub fn did_you_mean<'a, I>(word: &str, candidates: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    let lower = word.to_lowercase();
    let word_len = word.chars().count();
    let close = |distance: usize, longest: usize| {
        distance == 1 || 1.0 - distance as f64 / longest as f64 >= 0.6
    };
    let mut best: Option<(usize, &'a str)> = None;
    for candidate in candidates {
        if candidate == word {
            continue;
        }
        let candidate_lower = candidate.to_lowercase();
        if candidate_lower == lower {
            return Some(candidate);
        }
        let candidate_len = candidate.chars().count();
        let longest = word_len.max(candidate_len).max(1);
        // The distance is at least the difference in length: a word that
        // much longer (a 10 MB cell) is not measured, so this stays linear.
        if !close(word_len.abs_diff(candidate_len), longest) {
            continue;
        }
        if other_number(&lower, &candidate_lower) {
            continue;
        }
        let distance = damerau_levenshtein(&lower, &candidate_lower);
        if close(distance, longest) && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, candidate));
        }
    }
    best.map(|(_, c)| c)
}

/// True when `a` and `b` have the same letters and other characters, in
/// order, but different digits: `p5` and `p1`, `l10` and `l1`.
fn other_number(a: &str, b: &str) -> bool {
    let split = |s: &str| -> (String, String) { s.chars().partition(|c| !c.is_ascii_digit()) };
    let ((a_rest, a_digits), (b_rest, b_digits)) = (split(a), split(b));
    a_rest == b_rest && !a_digits.is_empty() && !b_digits.is_empty() && {
        let (mut x, mut y): (Vec<char>, Vec<char>) =
            (a_digits.chars().collect(), b_digits.chars().collect());
        x.sort_unstable();
        y.sort_unstable();
        x != y
    }
}

/// Optimal-string-alignment distance (Damerau–Levenshtein with adjacent
/// transpositions), over characters.
#[allow(
    clippy::indexing_slicing,
    reason = "every index stays inside the (len a + 1) × (len b + 1) matrix and the two words"
)]
fn damerau_levenshtein(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * width];
    for (i, row) in d.chunks_mut(width).enumerate() {
        if let Some(first) = row.first_mut() {
            *first = i;
        }
    }
    for (j, cell) in d.iter_mut().take(width).enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[(i - 1) * width + j] + 1)
                .min(d[i * width + j - 1] + 1)
                .min(d[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[(i - 2) * width + j - 2] + 1);
            }
            d[i * width + j] = v;
        }
    }
    d[a.len() * width + b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_names_only() {
        let names = ["business", "always", "night"];
        assert_eq!(did_you_mean("bussiness", names), Some("business"));
        assert_eq!(did_you_mean("alway", names), Some("always"));
        assert_eq!(did_you_mean("Always", names), Some("always"));
        assert_eq!(did_you_mean("weekend", names), None);
        assert_eq!(did_you_mean("Pl", ["P1", "P2"]), Some("P1"));
        assert_eq!(did_you_mean("2P", ["P1", "P2"]), Some("P2"));
        assert_eq!(did_you_mean("p3", ["P1", "P3"]), Some("P3"));
    }

    #[test]
    fn another_number_is_not_a_typo() {
        let priorities = ["P1", "P2", "P3", "P4"];
        assert_eq!(did_you_mean("P5", priorities), None);
        assert_eq!(did_you_mean("P0", priorities), None);
        assert_eq!(did_you_mean("P11", priorities), None);
        assert_eq!(did_you_mean("L10", ["L1"]), None);
    }

    #[test]
    fn transposition_counts_once() {
        assert_eq!(damerau_levenshtein("mintues", "minutes"), 1);
        assert_eq!(damerau_levenshtein("", "abc"), 3);
    }

    #[test]
    fn codes_round_trip() {
        for code in Code::ALL {
            assert_eq!(code.as_str().parse::<Code>(), Ok(*code));
        }
    }
}
