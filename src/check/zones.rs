//! IANA time zones: E021 with a suggestion a person can act on.

use super::Checker;
use crate::ast::Text;
use crate::diagnostic::{did_you_mean, Code, Diagnostic};
use crate::model::Fill;
use chrono_tz::{Tz, TZ_VARIANTS};

/// Names people write for the zones contracts use most, and the IANA name.
const COMMON_NAMES: &[(&str, &str)] = &[
    ("beijing", "Asia/Shanghai"),
    ("china", "Asia/Shanghai"),
    ("cst", "Asia/Shanghai"),
    ("prc", "Asia/Shanghai"),
    ("china standard time", "Asia/Shanghai"),
    ("hong kong", "Asia/Hong_Kong"),
    ("est", "America/New_York"),
    ("edt", "America/New_York"),
    ("eastern", "America/New_York"),
    ("pst", "America/Los_Angeles"),
    ("pacific", "America/Los_Angeles"),
    ("gmt", "Europe/London"),
    ("bst", "Europe/London"),
    ("uk", "Europe/London"),
    ("cet", "Europe/Berlin"),
    ("jst", "Asia/Tokyo"),
    ("ist", "Asia/Kolkata"),
];

/// The IANA name a person most likely meant by `written`.
pub(crate) fn suggest_zone(written: &str) -> Option<&'static str> {
    let lower = written.trim().to_lowercase();
    let names = || TZ_VARIANTS.iter().map(|tz| tz.name());
    if let Some(exact) = names().find(|n| n.to_lowercase() == lower) {
        return Some(exact);
    }
    if let Some((_, zone)) = COMMON_NAMES.iter().find(|(name, _)| *name == lower) {
        return Some(zone);
    }
    let city = lower.replace(' ', "_");
    if let Some(by_city) = names().find(|n| {
        n.rsplit('/')
            .next()
            .is_some_and(|c| c.to_lowercase() == city)
            && n.contains('/')
    }) {
        return Some(by_city);
    }
    did_you_mean(written, names())
}

impl Checker<'_> {
    /// The zone a `timezone` text names; E021 when it names none.
    pub(super) fn zone(&mut self, written: &Text) -> Option<Tz> {
        let Fill::Value(name) = &written.node else {
            return None;
        };
        if let Ok(tz) = name.parse::<Tz>() {
            return Some(tz);
        }
        let help = match suggest_zone(name) {
            Some(zone) => format!("did you mean \"{zone}\"?"),
            None => {
                "use an IANA time zone name such as \"Asia/Shanghai\" or \"Europe/London\"".into()
            }
        };
        self.push(
            Diagnostic::new(
                Code::E021,
                written.span,
                format!("unknown time zone \"{name}\""),
            )
            .with_label("not an IANA time zone")
            .with_help(help),
        );
        None
    }
}

#[cfg(test)]
mod tests {
    use super::suggest_zone;

    #[test]
    fn suggestions() {
        assert_eq!(suggest_zone("asia/shanghai"), Some("Asia/Shanghai"));
        assert_eq!(suggest_zone("Beijing"), Some("Asia/Shanghai"));
        assert_eq!(suggest_zone("Shanghai"), Some("Asia/Shanghai"));
        assert_eq!(suggest_zone("Asia/Shangai"), Some("Asia/Shanghai"));
        assert_eq!(suggest_zone("New York"), Some("America/New_York"));
    }
}
