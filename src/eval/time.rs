//! Times of the ticket and outage logs, parsed straight to milliseconds.
//!
//! A log of a million tickets holds four or five million times; parsing them
//! is most of the work of reading the log, so this is a small hand-written
//! parser over bytes (no allocation, no chrono on the hot path). The fast
//! path is RFC 3339 `date-time`: `2027-03-01T09:30:00+08:00`, `T`/`t` or a
//! space between date and time, `Z`/`z` or `±HH:MM`, and any number of
//! fractional-second digits (kept to the millisecond, truncated, as the clock
//! keeps instants). A leap second `:60` is read as the instant one second
//! after `:59`. Without the offset the same text is a local wall-clock time
//! ([`Stamp::Local`]); so are the shapes exports write ([`parse_stamp`]):
//! `2027-03-01 09:00`, `2027/3/1 9:00`, `01/Mar/27 9:00 AM`. Which zone a
//! local time is in is the log reader's business (`eval::zone`).

pub(crate) use super::skip::TimeError;

fn digits(b: &[u8], at: usize, n: usize) -> Option<u32> {
    let mut v = 0u32;
    for i in at..at + n {
        let d = b.get(i)?.wrapping_sub(b'0');
        if d > 9 {
            return None;
        }
        v = v * 10 + u32::from(d);
    }
    Some(v)
}

fn expect(b: &[u8], at: usize, what: &[u8]) -> Option<()> {
    b.get(at).filter(|c| what.contains(c)).map(|_| ())
}

/// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's
/// `days_from_civil`).
pub(crate) fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// What a time's text says: an instant (it has an offset), or a local
/// wall-clock time (it has none), as milliseconds since 1970-01-01 00:00 of
/// UTC or of the local clock.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stamp {
    Instant(i64),
    Local(i64),
}

/// Why an offset-less time cannot be placed.
pub(crate) const NO_OFFSET: TimeError = TimeError::NoOffset;

const SHAPE: TimeError = TimeError::Shape;

/// Parses an RFC 3339 date-time with offset to UTC milliseconds since the
/// Unix epoch (the tests' way to write an instant).
#[cfg(test)]
pub(crate) fn parse_millis(text: &[u8]) -> Result<i64, TimeError> {
    match parse_rfc(text)? {
        Stamp::Instant(at) => Ok(at),
        Stamp::Local(_) => Err(NO_OFFSET),
    }
}

/// The RFC 3339 shape, its offset optional: the fast path of every log
/// time, the commonest shapes first ([`common_instant`]).
fn parse_rfc(text: &[u8]) -> Result<Stamp, TimeError> {
    match common_instant(text) {
        Some(at) => Ok(Stamp::Instant(at)),
        None => parse_rfc_any(text),
    }
}

/// The shapes nearly every log time has, `2027-03-01T09:30:00+08:00` and
/// `2027-03-01T09:30:00.250+08:00` (`-HH:MM` or `Z` too; `T`, `t` or a
/// space between date and time), read in one pass over their bytes; `None`
/// for any other text, and for a date, time or offset that does not exist
/// ([`parse_rfc`] then reads it, and says why).
#[inline]
fn common_instant(text: &[u8]) -> Option<i64> {
    let (date_time, rest) = text.split_at_checked(19)?;
    let &[y0, y1, y2, y3, b'-', mo0, mo1, b'-', d0, d1, b'T' | b't' | b' ', h0, h1, b':', mi0, mi1, b':', s0, s1] =
        date_time
    else {
        return None;
    };
    let (millis, offset) = match *rest {
        [b'.', f0, f1, f2, ref offset @ ..] => (pair(f0, f1)? * 10 + pair(b'0', f2)?, offset),
        ref offset => (0, offset),
    };
    let offset_minutes = match *offset {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), oh0, oh1, b':', om0, om1] => {
            let (oh, om) = (pair(oh0, oh1)?, pair(om0, om1)?);
            if oh > 23 || om > 59 {
                return None;
            }
            let minutes = i64::from(oh * 60 + om);
            if sign == b'-' {
                -minutes
            } else {
                minutes
            }
        }
        _ => return None,
    };
    let year = pair(y0, y1)? * 100 + pair(y2, y3)?;
    let (month, day) = (pair(mo0, mo1)?, pair(d0, d1)?);
    let (hour, minute, second) = (pair(h0, h1)?, pair(mi0, mi1)?, pair(s0, s1)?);
    let exists = (1..=12).contains(&month)
        && day != 0
        && day <= days_in_month(year, month)
        && hour <= 23
        && minute <= 59
        && second <= 60;
    if !exists {
        return None;
    }
    let local = local_millis(year, month, day, hour * 3600 + minute * 60 + second);
    Some(local + i64::from(millis) - offset_minutes * 60_000)
}

/// Two ASCII digits as a number.
#[inline]
fn pair(tens: u8, units: u8) -> Option<u32> {
    let (t, u) = (tens.wrapping_sub(b'0'), units.wrapping_sub(b'0'));
    (t <= 9 && u <= 9).then(|| u32::from(t) * 10 + u32::from(u))
}

/// Any RFC 3339 shape, its offset optional, or why the text is none.
fn parse_rfc_any(text: &[u8]) -> Result<Stamp, TimeError> {
    let b = text;
    let field = |at, n| digits(b, at, n).ok_or(SHAPE);
    let year = field(0, 4)?;
    expect(b, 4, b"-").ok_or(SHAPE)?;
    let month = field(5, 2)?;
    expect(b, 7, b"-").ok_or(SHAPE)?;
    let day = field(8, 2)?;
    expect(b, 10, b"Tt ").ok_or(SHAPE)?;
    let hour = field(11, 2)?;
    expect(b, 13, b":").ok_or(SHAPE)?;
    let minute = field(14, 2)?;
    expect(b, 16, b":").ok_or(SHAPE)?;
    let second = field(17, 2)?;
    if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return Err(TimeError::NoSuchDate);
    }
    if hour > 23 || minute > 59 || second > 60 {
        return Err(TimeError::NoSuchTimeOfDay);
    }
    let mut at = 19;
    let millis = fraction(b, &mut at).ok_or(SHAPE)?;
    let offset_minutes: i64 = match b.get(at) {
        Some(b'Z' | b'z') => {
            at += 1;
            0
        }
        Some(sign @ (b'+' | b'-')) => {
            let sign = if *sign == b'-' { -1 } else { 1 };
            let oh = field(at + 1, 2)?;
            expect(b, at + 3, b":").ok_or(SHAPE)?;
            let om = field(at + 4, 2)?;
            if oh > 23 || om > 59 {
                return Err(TimeError::NoSuchOffset);
            }
            at += 6;
            sign * i64::from(oh * 60 + om)
        }
        None => {
            let local = local_millis(year, month, day, hour * 3600 + minute * 60 + second);
            return Ok(Stamp::Local(local + i64::from(millis)));
        }
        _ => return Err(SHAPE),
    };
    if at != b.len() {
        return Err(SHAPE);
    }
    let local = local_millis(year, month, day, hour * 3600 + minute * 60 + second);
    Ok(Stamp::Instant(
        local + i64::from(millis) - offset_minutes * 60_000,
    ))
}

/// The milliseconds of an optional `.fff…` at `*at` (any number of digits,
/// truncated), advancing past it; `None` for a `.` without digits.
#[inline]
fn fraction(b: &[u8], at: &mut usize) -> Option<u32> {
    if b.get(*at) != Some(&b'.') {
        return Some(0);
    }
    *at += 1;
    let first = *at;
    let mut millis = 0u32;
    while let Some(d) = b.get(*at).map(|c| c.wrapping_sub(b'0')).filter(|d| *d <= 9) {
        if *at - first < 3 {
            millis = millis * 10 + u32::from(d);
        }
        *at += 1;
    }
    match *at - first {
        0 => None,
        1 => Some(millis * 100),
        2 => Some(millis * 10),
        _ => Some(millis),
    }
}

/// Milliseconds from 1970-01-01 00:00 to a date and second of the day.
fn local_millis(year: u32, month: u32, day: u32, second_of_day: u32) -> i64 {
    (days_from_civil(i64::from(year), month, day) * 86_400 + i64::from(second_of_day)) * 1000
}

/// Any time shape the logs accept: RFC 3339 with or without its offset
/// (the fast path), else a date `2027-03-01`, `2027/3/1` or `01/Mar/27`
/// (`01/Mar/2027`), a `T` or a space, a time `9:00`, `09:00:00` or
/// `09:00:00.250`, an optional ` AM`/` PM`, and an optional `Z` or `±HH:MM`.
pub(crate) fn parse_stamp(text: &[u8]) -> Result<Stamp, TimeError> {
    match parse_rfc(text) {
        Ok(stamp) => Ok(stamp),
        Err(SHAPE) => loose(text).ok_or(SHAPE)?,
        Err(why) => Err(why),
    }
}

/// A run of 1 to `max` ASCII digits at `*at`, advancing past it.
fn number(b: &[u8], at: &mut usize, max: usize) -> Option<u32> {
    let mut v = 0u32;
    let first = *at;
    while *at - first < max {
        match b.get(*at).map(|c| c.wrapping_sub(b'0')) {
            Some(d) if d <= 9 => v = v * 10 + u32::from(d),
            _ => break,
        }
        *at += 1;
    }
    (*at > first).then_some(v)
}

const MONTHS: [&[u8; 3]; 12] = [
    b"jan", b"feb", b"mar", b"apr", b"may", b"jun", b"jul", b"aug", b"sep", b"oct", b"nov", b"dec",
];

/// The date of an export shape: `(year, month, day)` and where it ends.
fn loose_date(b: &[u8], at: &mut usize) -> Option<(u32, u32, u32)> {
    let lead = number(b, at, 4)?;
    if *at == 4 {
        // `2027-03-01`, `2027-3-1`, `2027/3/1`: year first.
        let sep = *b.get(*at).filter(|c| matches!(c, b'-' | b'/'))?;
        *at += 1;
        let month = number(b, at, 2)?;
        (b.get(*at) == Some(&sep)).then_some(())?;
        *at += 1;
        let day = number(b, at, 2)?;
        return Some((lead, month, day));
    }
    // `01/Mar/27` or `1/Mar/2027`: day first, the month by its English name.
    (*at <= 2 && b.get(*at) == Some(&b'/')).then_some(())?;
    let name = b.get(*at + 1..*at + 4)?;
    let month = MONTHS.iter().position(|m| name.eq_ignore_ascii_case(*m))?;
    *at += 4;
    (b.get(*at) == Some(&b'/')).then_some(())?;
    *at += 1;
    let from = *at;
    let year = number(b, at, 4)?;
    let year = match *at - from {
        2 => 2000 + year,
        4 => year,
        _ => return None,
    };
    Some((year, u32::try_from(month).ok()? + 1, lead))
}

/// The export shapes that are not RFC 3339; `None` when the text is none
/// of them, `Some(Err)` when it is one but names no real date or time.
fn loose(b: &[u8]) -> Option<Result<Stamp, TimeError>> {
    let mut at = 0;
    let (year, month, day) = loose_date(b, &mut at)?;
    expect(b, at, b"Tt ")?;
    at += 1;
    let mut hour = number(b, &mut at, 2)?;
    expect(b, at, b":")?;
    at += 1;
    let minute = digits(b, at, 2)?;
    at += 2;
    let mut second = 0;
    let mut millis = 0;
    if b.get(at) == Some(&b':') {
        second = digits(b, at + 1, 2)?;
        at += 3;
        millis = fraction(b, &mut at)?;
    }
    if let Some([b' ', a, m]) = b.get(at..at + 3) {
        let pm = match [a.to_ascii_lowercase(), m.to_ascii_lowercase()] {
            [b'p', b'm'] => true,
            [b'a', b'm'] => false,
            _ => return None,
        };
        if !(1..=12).contains(&hour) {
            return Some(Err(TimeError::NoSuchTimeOfDay));
        }
        hour = hour % 12 + if pm { 12 } else { 0 };
        at += 3;
    }
    if year < 1000 || !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
        return Some(Err(TimeError::NoSuchDate));
    }
    if hour > 23 || minute > 59 || second > 60 {
        return Some(Err(TimeError::NoSuchTimeOfDay));
    }
    let local =
        local_millis(year, month, day, hour * 3600 + minute * 60 + second) + i64::from(millis);
    let offset_minutes: i64 = match b.get(at) {
        None => return Some(Ok(Stamp::Local(local))),
        Some(b'Z' | b'z') if at + 1 == b.len() => 0,
        Some(sign @ (b'+' | b'-')) if at + 6 == b.len() => {
            let oh = digits(b, at + 1, 2)?;
            expect(b, at + 3, b":")?;
            let om = digits(b, at + 4, 2)?;
            if oh > 23 || om > 59 {
                return Some(Err(TimeError::NoSuchOffset));
            }
            let sign = if *sign == b'-' { -1 } else { 1 };
            sign * i64::from(oh * 60 + om)
        }
        _ => return None,
    };
    Some(Ok(Stamp::Instant(local - offset_minutes * 60_000)))
}

/// An Excel serial date (`46082.375`, the 1900 date system: day 1 is
/// 1900-01-01) as a local time, rounded to the millisecond. Excel counts a
/// 29 February 1900 that never was (serial 60) — such a serial is refused —
/// so serials from 61 on are one day ahead of the days since 1899-12-31.
pub(crate) fn excel_serial(text: &[u8]) -> Option<Result<Stamp, TimeError>> {
    let plain = !text.is_empty()
        && text.iter().all(|c| c.is_ascii_digit() || *c == b'.')
        && text.iter().filter(|c| **c == b'.').count() <= 1
        && text.first() != Some(&b'.');
    if !plain {
        return None;
    }
    let serial: f64 = std::str::from_utf8(text).ok()?.parse().ok()?;
    const DAY: i64 = 86_400_000;
    let ms = (serial * DAY as f64).round();
    if !(DAY as f64..=2_958_466.0 * DAY as f64).contains(&ms) {
        return Some(Err(TimeError::ExcelRange));
    }
    let ms = ms as i64;
    let mut day = ms.div_euclid(DAY);
    if day == 60 {
        return Some(Err(TimeError::Excel1900Feb29));
    }
    if day < 60 {
        day += 1;
    }
    let local = (days_from_civil(1899, 12, 30) + day) * DAY + ms.rem_euclid(DAY);
    Some(Ok(Stamp::Local(local)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::DateTime;

    fn chrono_millis(s: &str) -> i64 {
        DateTime::parse_from_rfc3339(s).unwrap().timestamp_millis()
    }

    #[test]
    fn agrees_with_chrono() {
        for s in [
            "2027-03-01T09:30:00+08:00",
            "2027-03-01t09:30:00z",
            "2027-03-01 09:30:00Z",
            "1969-12-31T23:59:59.999Z",
            "2024-02-29T00:00:00.5-05:30",
            "2027-12-31T23:59:59.123456789+14:00",
            "1900-01-01T00:00:00Z",
            "2200-12-31T23:59:59Z",
        ] {
            assert_eq!(parse_millis(s.as_bytes()), Ok(chrono_millis(s)), "{s}");
        }
    }

    #[test]
    fn the_common_shapes_read_as_the_full_parser_reads_them() {
        let common = [
            "2027-03-01T09:30:00+08:00",
            "2027-03-01T09:30:00.250+08:00",
            "2027-03-01t09:30:00.007-05:30",
            "2027-03-01 23:59:59.999Z",
            "2024-02-29T00:00:00z",
            "1900-01-01T00:00:00.000+14:00",
        ];
        for s in common {
            let full = parse_rfc_any(s.as_bytes());
            assert_eq!(
                common_instant(s.as_bytes()).map(Stamp::Instant),
                full.ok(),
                "{s}"
            );
            assert_eq!(parse_millis(s.as_bytes()), Ok(chrono_millis(s)), "{s}");
        }
        // Other shapes and times that do not exist: not the common path,
        // so the full parser reads them or says why.
        for s in [
            "2027-03-01T09:30:00",
            "2027-03-01T09:30:00.25+08:00",
            "2027-03-01T09:30:00.2500+08:00",
            "2027-03-01T09:30:00.+08:00",
            "2027-02-29T09:30:00+08:00",
            "2027-13-01T09:30:00+08:00",
            "2027-03-00T09:30:00+08:00",
            "2027-03-01T24:00:00+08:00",
            "2027-03-01T09:60:00+08:00",
            "2027-03-01T09:30:61+08:00",
            "2027-03-01T09:30:00+24:00",
            "2027-03-01T09:30:00+08:60",
            "2027-03-01T09:30:00+0800",
            "2027-03-01T09:30:00*08:00",
            "2027-03-01X09:30:00+08:00",
            "2027/03/01T09:30:00+08:00",
            "2027-03-01T09:30:00+08:00 ",
            "2027-03-01T09:30:0a+08:00",
            "2027-03-01T09:30:00.12a+08:00",
        ] {
            assert_eq!(common_instant(s.as_bytes()), None, "{s}");
        }
        assert_eq!(
            parse_rfc(b"2027-02-29T09:30:00+08:00"),
            Err(TimeError::NoSuchDate)
        );
        assert_eq!(
            parse_rfc(b"2027-03-01T09:30:00+24:00"),
            Err(TimeError::NoSuchOffset)
        );
    }

    #[test]
    fn leap_second_is_the_next_second() {
        assert_eq!(
            parse_millis(b"2016-12-31T23:59:60Z"),
            Ok(chrono_millis("2017-01-01T00:00:00Z"))
        );
    }

    #[test]
    fn rejects_what_is_not_rfc_3339() {
        for s in [
            "",
            "2027-03-01",
            "2027-03-01T09:30:00",
            "2027-03-01T09:30Z",
            "2027-02-29T09:30:00Z",
            "2027-13-01T09:30:00Z",
            "2027-03-01T24:00:00Z",
            "2027-03-01T09:30:00.Z",
            "2027-03-01T09:30:00+0800",
            "2027-03-01T09:30:00Z ",
            "2027/03/01T09:30:00Z",
            "２027-03-01T09:30:00Z",
        ] {
            assert!(parse_millis(s.as_bytes()).is_err(), "{s}");
        }
    }
}
