//! IANA time zones: E021 with a suggestion a person can act on, W009 for a
//! zone that parses but is not a place.
//!
//! A contract's due times follow the rules of a place (its daylight saving
//! time, its changes of offset). So a hint never offers an `Etc/GMT±N` zone
//! for an offset: POSIX inverts their sign (`Etc/GMT+8` is UTC-08:00), and
//! a fixed offset has no daylight saving time. An offset gets the common
//! places on it instead.

use super::Checker;
use crate::ast::Text;
use crate::diagnostic::{did_you_mean, Code, Diagnostic};
use crate::model::Fill;
use chrono_tz::{Tz, TZ_VARIANTS};
use std::fmt;

/// Names people write for the zones contracts use most, and the IANA name:
/// abbreviations, countries, Windows names and IANA-looking names that do
/// not exist. Lower case.
const COMMON_NAMES: &[(&str, &str)] = &[
    ("beijing", "Asia/Shanghai"),
    ("prc", "Asia/Shanghai"),
    ("china", "Asia/Shanghai"),
    ("cst", "Asia/Shanghai"),
    ("china standard time", "Asia/Shanghai"),
    ("asia/beijing", "Asia/Shanghai"),
    ("asia/peking", "Asia/Shanghai"),
    ("asia/chongqing", "Asia/Shanghai"),
    ("asia/guangzhou", "Asia/Shanghai"),
    ("asia/shenzhen", "Asia/Shanghai"),
    ("hong kong", "Asia/Hong_Kong"),
    ("asia/hongkong", "Asia/Hong_Kong"),
    ("taipei standard time", "Asia/Taipei"),
    ("singapore standard time", "Asia/Singapore"),
    ("tokyo standard time", "Asia/Tokyo"),
    ("jst", "Asia/Tokyo"),
    ("ist", "Asia/Kolkata"),
    ("india standard time", "Asia/Kolkata"),
    ("asia/calcutta", "Asia/Kolkata"),
    ("asia/new_delhi", "Asia/Kolkata"),
    ("asia/mumbai", "Asia/Kolkata"),
    ("est", "America/New_York"),
    ("edt", "America/New_York"),
    ("eastern", "America/New_York"),
    ("eastern standard time", "America/New_York"),
    ("us/eastern standard time", "America/New_York"),
    ("america/washington", "America/New_York"),
    ("america/washington_dc", "America/New_York"),
    ("america/boston", "America/New_York"),
    ("cdt", "America/Chicago"),
    ("central standard time", "America/Chicago"),
    ("america/dallas", "America/Chicago"),
    ("america/houston", "America/Chicago"),
    ("mdt", "America/Denver"),
    ("mountain standard time", "America/Denver"),
    ("pst", "America/Los_Angeles"),
    ("pdt", "America/Los_Angeles"),
    ("pacific", "America/Los_Angeles"),
    ("pacific standard time", "America/Los_Angeles"),
    ("us/pacific-new", "America/Los_Angeles"),
    ("america/san_francisco", "America/Los_Angeles"),
    ("america/seattle", "America/Los_Angeles"),
    ("gmt", "Europe/London"),
    ("bst", "Europe/London"),
    ("uk", "Europe/London"),
    ("gmt standard time", "Europe/London"),
    ("europe/edinburgh", "Europe/London"),
    ("cet", "Europe/Berlin"),
    ("cest", "Europe/Berlin"),
    ("w. europe standard time", "Europe/Berlin"),
    ("europe/frankfurt", "Europe/Berlin"),
    ("europe/munich", "Europe/Berlin"),
    ("australia/canberra", "Australia/Sydney"),
];

/// Common places by their standard (winter) offset in minutes east of UTC.
/// Standard time, not "now", so that a hint reads the same all year.
const PLACES_BY_OFFSET: &[(i32, &[&str])] = &[
    (-600, &["Pacific/Honolulu"]),
    (-480, &["America/Los_Angeles", "America/Vancouver"]),
    (-420, &["America/Denver", "America/Phoenix"]),
    (-360, &["America/Chicago", "America/Mexico_City"]),
    (
        -300,
        &["America/New_York", "America/Toronto", "America/Bogota"],
    ),
    (
        -180,
        &["America/Sao_Paulo", "America/Argentina/Buenos_Aires"],
    ),
    (0, &["Europe/London", "Europe/Lisbon", "UTC"]),
    (60, &["Europe/Berlin", "Europe/Paris", "Africa/Lagos"]),
    (
        120,
        &["Europe/Athens", "Africa/Cairo", "Africa/Johannesburg"],
    ),
    (180, &["Europe/Moscow", "Europe/Istanbul", "Asia/Riyadh"]),
    (240, &["Asia/Dubai"]),
    (300, &["Asia/Karachi", "Asia/Tashkent"]),
    (330, &["Asia/Kolkata", "Asia/Colombo"]),
    (345, &["Asia/Kathmandu"]),
    (360, &["Asia/Dhaka", "Asia/Bishkek"]),
    (420, &["Asia/Bangkok", "Asia/Jakarta", "Asia/Ho_Chi_Minh"]),
    (
        480,
        &[
            "Asia/Shanghai",
            "Asia/Singapore",
            "Asia/Hong_Kong",
            "Asia/Taipei",
        ],
    ),
    (540, &["Asia/Tokyo", "Asia/Seoul"]),
    (600, &["Australia/Sydney", "Australia/Brisbane"]),
    (720, &["Pacific/Auckland"]),
];

/// Zones that are a fixed offset or a POSIX-style rule rather than a place,
/// with their offset (minutes east of UTC, standard time) and the place
/// meant most often. The `Etc/GMT±N` family is recognised by its name.
const NOT_PLACES: &[(&str, i32, Fixed, &str)] = &[
    ("EST", -300, Fixed::Offset, "America/New_York"),
    ("MST", -420, Fixed::Offset, "America/Denver"),
    ("HST", -600, Fixed::Offset, "Pacific/Honolulu"),
    ("EST5EDT", -300, Fixed::Rule, "America/New_York"),
    ("CST6CDT", -360, Fixed::Rule, "America/Chicago"),
    ("MST7MDT", -420, Fixed::Rule, "America/Denver"),
    ("PST8PDT", -480, Fixed::Rule, "America/Los_Angeles"),
    ("CET", 60, Fixed::Rule, "Europe/Berlin"),
    ("MET", 60, Fixed::Rule, "Europe/Berlin"),
    ("EET", 120, Fixed::Rule, "Europe/Athens"),
    ("WET", 0, Fixed::Rule, "Europe/Lisbon"),
];

/// How a zone that is not a place keeps time.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Fixed {
    /// One offset all year: no daylight saving time.
    Offset,
    /// One region's daylight saving rule, with none of a place's history.
    Rule,
}

/// An offset from UTC, in minutes east.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct Offset(i32);

impl fmt::Display for Offset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.0 < 0 { '-' } else { '+' };
        let minutes = self.0.unsigned_abs();
        write!(f, "UTC{sign}{:02}:{:02}", minutes / 60, minutes % 60)
    }
}

impl Offset {
    /// `"A", "B"` for the common places on this offset.
    fn places(self) -> Option<String> {
        let (_, places) = PLACES_BY_OFFSET.iter().find(|(o, _)| *o == self.0)?;
        Some(
            places
                .iter()
                .map(|p| format!("\"{p}\""))
                .collect::<Vec<_>>()
                .join(", "),
        )
    }

    /// "places on UTC+08:00: …", or how to find one when the table has none.
    fn hint(self) -> String {
        match self.places() {
            Some(places) => format!("places on {self} (standard time): {places}"),
            None => format!(
                "name the place on {self} where the service is given, such as \"Asia/Shanghai\""
            ),
        }
    }
}

/// An offset written as a zone: `GMT+8`, `UTC+08:00`, `UTC-5`, `+8`,
/// `+0530`. A bare number without a sign is not taken for an offset.
fn parse_offset(written: &str) -> Option<Offset> {
    let lower = written.trim().to_lowercase();
    let rest = ["utc", "gmt", "ut"]
        .iter()
        .find_map(|prefix| lower.strip_prefix(prefix))
        .unwrap_or(&lower)
        .trim_start();
    let (sign, digits) = if let Some(d) = rest.strip_prefix('+') {
        (1, d)
    } else if let Some(d) = rest.strip_prefix('-').or_else(|| rest.strip_prefix('−')) {
        (-1, d)
    } else {
        return None;
    };
    let (hours, minutes) = match digits.split_once(':') {
        Some((h, m)) => (h, m),
        None if digits.len() > 2 => digits.split_at(digits.len().min(4) - 2),
        None => (digits, "0"),
    };
    let number = |s: &str| -> Option<i32> {
        (!s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse().ok())
            .flatten()
    };
    let (hours, minutes) = (number(hours)?, number(minutes)?);
    (hours <= 14 && minutes < 60).then_some(Offset(sign * (hours * 60 + minutes)))
}

/// Zone names a hint may offer: places only (no `Etc/GMT±N`, no fixed
/// offsets or POSIX-style rules).
fn place_names() -> impl Iterator<Item = &'static str> {
    TZ_VARIANTS.iter().map(|tz| tz.name()).filter(|name| {
        !name.starts_with("Etc/")
            && !name.starts_with("GMT")
            && !NOT_PLACES.iter().any(|(n, ..)| n == name)
    })
}

/// The IANA name a person most likely meant by `written` (not an offset).
pub(crate) fn suggest_zone(written: &str) -> Option<&'static str> {
    let lower = written.trim().to_lowercase();
    if let Some(exact) = place_names().find(|n| n.to_lowercase() == lower) {
        return Some(exact);
    }
    if let Some((_, zone)) = COMMON_NAMES.iter().find(|(name, _)| *name == lower) {
        return Some(zone);
    }
    let city = lower.replace(' ', "_");
    let city = city.rsplit('/').next().unwrap_or(&city);
    if let Some(by_city) = place_names().find(|n| {
        n.contains('/')
            && n.rsplit('/')
                .next()
                .is_some_and(|c| c.to_lowercase() == city)
    }) {
        return Some(by_city);
    }
    did_you_mean(written, place_names())
}

/// A zone that parses but is not a place: what it is and what to write.
struct NotAPlace {
    how: Fixed,
    offset: Offset,
    /// `Etc/GMT±N`: the sign is inverted.
    inverted: bool,
    place: Option<&'static str>,
}

fn not_a_place(name: &str) -> Option<NotAPlace> {
    if let Some(n) = name.strip_prefix("Etc/GMT") {
        // `Etc/GMT+8` is UTC-08:00; `Etc/GMT`, `Etc/GMT0`, `Etc/GMT-0` are UTC.
        let hours: i32 = n.parse().ok()?;
        if hours == 0 {
            return None;
        }
        let offset = Offset(-hours * 60);
        return Some(NotAPlace {
            how: Fixed::Offset,
            offset,
            inverted: true,
            place: None,
        });
    }
    let (_, minutes, how, place) = NOT_PLACES.iter().find(|(n, ..)| *n == name)?;
    Some(NotAPlace {
        how: *how,
        offset: Offset(*minutes),
        inverted: false,
        place: Some(place),
    })
}

impl Checker<'_> {
    /// The zone a `timezone` text names; E021 when it names none, W009
    /// when it names a fixed offset or rule rather than a place.
    pub(super) fn zone(&mut self, written: &Text) -> Option<Tz> {
        let Fill::Value(name) = &written.node else {
            return None;
        };
        if let Ok(tz) = name.parse::<Tz>() {
            if let Some(found) = not_a_place(name) {
                self.not_a_place(written, name, &found);
            }
            return Some(tz);
        }
        if let Some(offset) = parse_offset(name) {
            self.push(
                Diagnostic::new(
                    Code::E021,
                    written.span,
                    format!("\"{name}\" is an offset, not a time zone"),
                )
                .with_label("an offset, not a place")
                .with_help(format!(
                    "a contract needs a place, not an offset: a place keeps its daylight saving time and changes of offset; {}",
                    offset.hint()
                )),
            );
            return None;
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

    fn not_a_place(&mut self, written: &Text, name: &str, found: &NotAPlace) {
        let offset = found.offset;
        let (message, why) = match found.how {
            Fixed::Offset if found.inverted => (
                format!("\"{name}\" is a fixed offset, {offset}: the sign of `Etc/GMT` zones is inverted"),
                "a fixed offset has no daylight saving time".to_string(),
            ),
            Fixed::Offset => (
                format!("\"{name}\" is a fixed offset, {offset}, with no daylight saving time"),
                "where the place keeps daylight saving time, summer due times are an hour off".to_string(),
            ),
            Fixed::Rule => (
                format!("\"{name}\" is the name of a rule, not a place"),
                "zone databases before 2024b, and tools that read the rule set with one, give it one region's current rule and none of a place's history".to_string(),
            ),
        };
        let fix = match (found.place, found.inverted) {
            (Some(place), _) => format!("use \"{place}\""),
            (None, true) => {
                let meant = Offset(-offset.0);
                let meant_places = meant.places().map_or_else(
                    || meant.hint(),
                    |places| format!("if {meant} was meant: {places}"),
                );
                format!("{}; {meant_places}", offset.hint())
            }
            (None, false) => offset.hint(),
        };
        self.push(
            Diagnostic::new(Code::W009, written.span, message)
                .with_label("not a place")
                .with_help(format!("{fix} ({why})")),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, TimeZone};
    use chrono_tz::OffsetComponents;

    #[test]
    fn suggestions() {
        assert_eq!(suggest_zone("asia/shanghai"), Some("Asia/Shanghai"));
        assert_eq!(suggest_zone("Beijing"), Some("Asia/Shanghai"));
        assert_eq!(suggest_zone("Shanghai"), Some("Asia/Shanghai"));
        assert_eq!(suggest_zone("Asia/Shangai"), Some("Asia/Shanghai"));
        assert_eq!(suggest_zone("New York"), Some("America/New_York"));
    }

    #[test]
    fn wrong_names_get_the_place_meant() {
        assert_eq!(suggest_zone("Asia/Beijing"), Some("Asia/Shanghai"));
        assert_eq!(suggest_zone("Asia/Peking"), Some("Asia/Shanghai"));
        assert_eq!(suggest_zone("America/Washington"), Some("America/New_York"));
        assert_eq!(suggest_zone("US/Pacific-New"), Some("America/Los_Angeles"));
        assert_eq!(suggest_zone("China Standard Time"), Some("Asia/Shanghai"));
        assert_eq!(suggest_zone("Europe/Tokyo"), Some("Asia/Tokyo"));
    }

    #[test]
    fn offsets_are_read_and_never_get_an_etc_zone() {
        for (written, minutes) in [
            ("GMT+8", 480),
            ("UTC+8", 480),
            ("UTC+08:00", 480),
            ("utc +0800", 480),
            ("+8", 480),
            ("+08:00", 480),
            ("UTC-5", -300),
            ("GMT-05:00", -300),
            ("UTC+5:30", 330),
            ("UTC−3", -180),
        ] {
            assert_eq!(parse_offset(written), Some(Offset(minutes)), "{written}");
        }
        for not_an_offset in [
            "Asia/Shanghai",
            "UTC",
            "8",
            "UTC+",
            "UTC+8:75",
            "+15",
            "+123456",
        ] {
            assert_eq!(parse_offset(not_an_offset), None, "{not_an_offset}");
        }
        assert_eq!(
            Offset(480).hint(),
            "places on UTC+08:00 (standard time): \"Asia/Shanghai\", \"Asia/Singapore\", \"Asia/Hong_Kong\", \"Asia/Taipei\""
        );
        assert!(place_names().all(|n| !n.starts_with("Etc/") && n != "EST"));
    }

    #[test]
    fn fixed_offsets_and_rules_are_not_places() {
        let etc = not_a_place("Etc/GMT+8").map(|n| (n.offset, n.inverted, n.how));
        assert_eq!(etc, Some((Offset(-480), true, Fixed::Offset)));
        let etc = not_a_place("Etc/GMT-8").map(|n| n.offset);
        assert_eq!(etc, Some(Offset(480)));
        assert!(not_a_place("Etc/GMT").is_none());
        assert!(not_a_place("Etc/GMT0").is_none());
        assert!(not_a_place("UTC").is_none());
        assert!(not_a_place("Asia/Shanghai").is_none());
        assert_eq!(not_a_place("EST").map(|n| n.how), Some(Fixed::Offset));
        assert_eq!(not_a_place("EST5EDT").map(|n| n.how), Some(Fixed::Rule));
    }

    /// The tables are right about the zone database: every name parses and
    /// has the standard offset it is listed under.
    #[test]
    fn tables_match_the_zone_database() {
        let winter = NaiveDate::from_ymd_opt(2027, 1, 15)
            .and_then(|d| d.and_hms_opt(12, 0, 0))
            .map(|t| t.and_utc());
        let Some(winter) = winter else {
            panic!("a valid date");
        };
        let standard = |name: &str| -> i32 {
            let Ok(tz) = name.parse::<Tz>() else {
                panic!("{name} is not in the zone database");
            };
            let offset = tz.offset_from_utc_datetime(&winter.naive_utc());
            let base = offset.base_utc_offset().num_minutes();
            i32::try_from(base).unwrap_or(i32::MAX)
        };
        for (minutes, places) in PLACES_BY_OFFSET {
            for place in *places {
                assert_eq!(standard(place), *minutes, "{place}");
            }
        }
        for (name, minutes, _, place) in NOT_PLACES {
            assert_eq!(standard(name), *minutes, "{name}");
            assert_eq!(standard(place), *minutes, "{place}");
        }
        for (_, zone) in COMMON_NAMES {
            assert!(zone.parse::<Tz>().is_ok(), "{zone}");
        }
    }
}
