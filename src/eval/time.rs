//! RFC 3339 times of the ticket log, parsed straight to UTC milliseconds.
//!
//! A log of a million tickets holds four or five million times; parsing them
//! is most of the work of reading the log, so this is a small hand-written
//! parser over bytes (no allocation, no chrono on the hot path). It accepts
//! exactly RFC 3339 `date-time`: `2027-03-01T09:30:00+08:00`, `T`/`t` or a
//! space between date and time, `Z`/`z` or `±HH:MM`, and any number of
//! fractional-second digits (kept to the millisecond, truncated, as the clock
//! keeps instants). A leap second `:60` is read as the instant one second
//! after `:59`.

/// Why a time did not parse: a short phrase for the skipped-row report.
pub(crate) type TimeError = &'static str;

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

/// Parses an RFC 3339 date-time with offset to UTC milliseconds since the
/// Unix epoch.
pub(crate) fn parse_millis(text: &[u8]) -> Result<i64, TimeError> {
    const SHAPE: TimeError = "is not an RFC 3339 time with offset";
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
        return Err("has a date that does not exist");
    }
    if hour > 23 || minute > 59 || second > 60 {
        return Err("has a time of day that does not exist");
    }
    let mut at = 19;
    let mut millis = 0u32;
    if b.get(at) == Some(&b'.') {
        at += 1;
        let first = at;
        while let Some(d) = b.get(at).map(|c| c.wrapping_sub(b'0')).filter(|d| *d <= 9) {
            if at - first < 3 {
                millis = millis * 10 + u32::from(d);
            }
            at += 1;
        }
        match at - first {
            0 => return Err(SHAPE),
            1 => millis *= 100,
            2 => millis *= 10,
            _ => {}
        }
    }
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
                return Err("has an offset that does not exist");
            }
            at += 6;
            sign * i64::from(oh * 60 + om)
        }
        _ => return Err("has no offset (add `Z` or `+08:00`)"),
    };
    if at != b.len() {
        return Err(SHAPE);
    }
    let days = days_from_civil(i64::from(year), month, day);
    let seconds =
        days * 86_400 + i64::from(hour * 3600 + minute * 60 + second) - offset_minutes * 60;
    Ok(seconds * 1000 + i64::from(millis))
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
