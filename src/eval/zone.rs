//! How the log reader turns a time's text into an instant: RFC 3339 with an
//! offset as it is; a local time (no offset, or an Excel serial date with
//! `--excel-dates`) in the zone given with `--zone`, never silently in UTC.
//!
//! A local time the clocks skip (spring forward) or show twice (fall back)
//! is refused with its reason, not guessed. Exports hold millions of local
//! times, so the offset of each local hour is looked up once in the zone's
//! rules and kept in a small lock-free table ([`OffsetCache`]); only the
//! hours of a change of offset are worked out time by time.

use super::time::{excel_serial, parse_stamp, Stamp, TimeError, NO_OFFSET};
use chrono::{Offset, TimeZone};
use chrono_tz::Tz;
use std::sync::atomic::{AtomicU64, Ordering};

/// How a log's times are read (`--zone`, `--excel-dates`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TimeOptions {
    /// The zone of the log's local times; `None`: a local time is an error.
    pub zone: Option<Tz>,
    /// A plain number (`46082.375`) is an Excel serial date, a local time.
    pub excel_dates: bool,
}

/// The reader of one log's times, built once per log.
#[derive(Debug)]
pub(crate) struct LogTimes {
    options: TimeOptions,
    cache: Option<OffsetCache>,
}

impl Default for LogTimes {
    fn default() -> LogTimes {
        LogTimes::new(TimeOptions::default())
    }
}

impl LogTimes {
    pub fn new(options: TimeOptions) -> LogTimes {
        LogTimes {
            options,
            cache: options.zone.map(|_| OffsetCache::new()),
        }
    }

    /// A time of the log as UTC milliseconds, or why it is not one.
    pub fn millis(&self, text: &[u8]) -> Result<i64, TimeError> {
        let stamp = match parse_stamp(text) {
            Ok(stamp) => stamp,
            Err(why) => match excel_serial(text) {
                Some(serial) if self.options.excel_dates => serial?,
                Some(_) => return Err(TimeError::Number),
                None => return Err(why),
            },
        };
        match stamp {
            Stamp::Instant(at) => Ok(at),
            Stamp::Local(local) => match (self.options.zone, &self.cache) {
                (Some(zone), Some(cache)) => cache.utc(zone, local),
                _ => Err(NO_OFFSET),
            },
        }
    }
}

const HOUR: i64 = 3_600_000;
const SLOTS: usize = 4096;
/// Offsets are kept in seconds, biased to be positive (zones are within
/// ±15 hours, historical mean times included).
const OFFSET_BIAS: i64 = 1 << 17;
const OFFSET_BITS: u32 = 18;
/// Hours are keyed from before 1900 so that every key is positive.
const HOUR_BIAS: i64 = 1 << 31;

/// The UTC offset of local hours whose every minute has one offset, in a
/// direct-mapped table of `SLOTS` entries (a contiguous span of 170 days
/// never collides). An entry packs the hour and its offset; 0 is empty.
#[derive(Debug)]
pub(crate) struct OffsetCache {
    slots: Box<[AtomicU64]>,
}

impl OffsetCache {
    fn new() -> OffsetCache {
        OffsetCache {
            slots: (0..SLOTS).map(|_| AtomicU64::new(0)).collect(),
        }
    }

    /// The instant of a local time (milliseconds of the local clock).
    fn utc(&self, zone: Tz, local: i64) -> Result<i64, TimeError> {
        let hour = local.div_euclid(HOUR);
        let key = u64::try_from(hour + HOUR_BIAS).map_err(|_| OUTSIDE)?;
        let slot = self.slots.get(hour.rem_euclid(SLOTS as i64) as usize);
        if let Some(slot) = slot {
            let entry = slot.load(Ordering::Relaxed);
            if entry >> OFFSET_BITS == key {
                let offset = (entry & ((1 << OFFSET_BITS) - 1)) as i64 - OFFSET_BIAS;
                return Ok(local - offset * 1000);
            }
        }
        // One offset for the hour's first and last second: no change
        // inside it (a zone changes offset at most once in an hour).
        let first = offset_at(zone, hour * HOUR);
        let last = offset_at(zone, hour * HOUR + HOUR - 1000);
        match (first, last, slot) {
            (Ok(a), Ok(b), Some(slot)) if a == b => {
                let biased = u64::try_from(a + OFFSET_BIAS).map_err(|_| OUTSIDE)?;
                slot.store(key << OFFSET_BITS | biased, Ordering::Relaxed);
                Ok(local - a * 1000)
            }
            _ => offset_at(zone, local).map(|offset| local - offset * 1000),
        }
    }
}

const OUTSIDE: TimeError = TimeError::OutsideClock;

/// The offset in seconds of one local time, or why it has none.
fn offset_at(zone: Tz, local: i64) -> Result<i64, TimeError> {
    let naive = chrono::DateTime::from_timestamp_millis(local)
        .ok_or(OUTSIDE)?
        .naive_utc();
    match zone.offset_from_local_datetime(&naive) {
        chrono::LocalResult::Single(offset) => Ok(i64::from(offset.fix().local_minus_utc())),
        chrono::LocalResult::None => Err(TimeError::LocalGap),
        chrono::LocalResult::Ambiguous(..) => Err(TimeError::LocalTwice),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{DateTime, NaiveDateTime};

    fn naive(ms: i64) -> NaiveDateTime {
        DateTime::from_timestamp_millis(ms).unwrap().naive_utc()
    }

    fn reader(zone: &str, excel_dates: bool) -> LogTimes {
        LogTimes::new(TimeOptions {
            zone: Some(zone.parse().unwrap()),
            excel_dates,
        })
    }

    fn utc(s: &str) -> i64 {
        DateTime::parse_from_rfc3339(s).unwrap().timestamp_millis()
    }

    #[test]
    fn export_shapes_are_local_times_in_the_zone() {
        let shanghai = reader("Asia/Shanghai", false);
        let nine = utc("2027-03-01T09:00:00+08:00");
        for text in [
            "2027-03-01 09:00",
            "2027-03-01 09:00:00",
            "2027-03-01T09:00",
            "2027/3/1 9:00",
            "2027-3-1 9:00:00",
            "01/Mar/27 9:00 AM",
            "1/mar/2027 09:00:00 am",
            "2027-03-01T01:00:00Z",
            "2027-03-01 09:00:00.000+08:00",
        ] {
            assert_eq!(shanghai.millis(text.as_bytes()), Ok(nine), "{text}");
        }
        assert_eq!(
            shanghai.millis(b"01/Mar/27 12:30 PM"),
            Ok(utc("2027-03-01T12:30:00+08:00"))
        );
        assert_eq!(
            shanghai.millis(b"01/Mar/27 12:30 AM"),
            Ok(utc("2027-03-01T00:30:00+08:00"))
        );
    }

    #[test]
    fn an_offset_less_time_without_a_zone_says_to_pass_one() {
        let none = LogTimes::default();
        for text in ["2027-03-01 09:00", "2027-03-01T09:00:00", "2027/3/1 9:00"] {
            assert_eq!(none.millis(text.as_bytes()), Err(NO_OFFSET), "{text}");
        }
        assert!(NO_OFFSET.to_string().contains("--zone"));
        assert_eq!(
            none.millis(b"2027-03-01T09:00:00Z"),
            Ok(utc("2027-03-01T09:00:00Z"))
        );
    }

    #[test]
    fn daylight_saving_gaps_and_repeats_are_refused() {
        let london = reader("Europe/London", false);
        let skipped = london.millis(b"2027-03-28 01:30").unwrap_err().to_string();
        assert!(skipped.contains("does not exist"), "{skipped}");
        let twice = london.millis(b"2027-10-31 01:30").unwrap_err().to_string();
        assert!(twice.contains("happens twice"), "{twice}");
        // Either side of each change, the hour's own offset.
        assert_eq!(
            london.millis(b"2027-03-28 00:59"),
            Ok(utc("2027-03-28T00:59:00Z"))
        );
        assert_eq!(
            london.millis(b"2027-03-28 02:00"),
            Ok(utc("2027-03-28T01:00:00Z"))
        );
        assert_eq!(
            london.millis(b"2027-10-31 00:59"),
            Ok(utc("2027-10-30T23:59:00Z"))
        );
        assert_eq!(
            london.millis(b"2027-10-31 02:00"),
            Ok(utc("2027-10-31T02:00:00Z"))
        );
        // A zone that moves by half an hour (Lord Howe) inside an hour.
        let howe = reader("Australia/Lord_Howe", false);
        assert!(howe.millis(b"2027-10-03 02:15").is_err());
        assert_eq!(
            howe.millis(b"2027-10-03 02:45"),
            Ok(utc("2027-10-03T02:45:00+11:00"))
        );
        assert_eq!(
            howe.millis(b"2027-10-03 01:45"),
            Ok(utc("2027-10-03T01:45:00+10:30"))
        );
    }

    #[test]
    fn the_cache_agrees_with_the_zone_rules_hour_by_hour() {
        let times = reader("America/New_York", false);
        let zone: Tz = "America/New_York".parse().unwrap();
        let start = utc("2027-01-01T00:00:00Z");
        // Twice over a year, so the second pass reads the cache.
        for _ in 0..2 {
            for h in 0..(366 * 24) {
                let local = start + h * HOUR + 17 * 60_000;
                let text = naive(local).format("%Y-%m-%d %H:%M").to_string();
                let expected = match zone.from_local_datetime(&naive(local)) {
                    chrono::LocalResult::Single(t) => Some(t.timestamp_millis()),
                    _ => None,
                };
                assert_eq!(times.millis(text.as_bytes()).ok(), expected, "{text}");
            }
        }
    }

    #[test]
    fn excel_serial_dates() {
        let utc_reader = reader("UTC", true);
        let at = |s: &str| utc_reader.millis(s.as_bytes());
        assert_eq!(at("46082.375"), Ok(utc("2026-03-01T09:00:00Z")));
        assert_eq!(at("46082"), Ok(utc("2026-03-01T00:00:00Z")));
        assert_eq!(at("1"), Ok(utc("1900-01-01T00:00:00Z")));
        assert_eq!(at("59"), Ok(utc("1900-02-28T00:00:00Z")));
        assert_eq!(at("61"), Ok(utc("1900-03-01T00:00:00Z")));
        assert!(at("60").unwrap_err().to_string().contains("1900-02-29"));
        assert!(at("0.5").is_err());
        // 09:01 is not exact in binary; rounded to the millisecond.
        assert_eq!(at("46082.37569444444"), Ok(utc("2026-03-01T09:01:00Z")));
        let shanghai = reader("Asia/Shanghai", true);
        assert_eq!(
            shanghai.millis(b"46082.375"),
            Ok(utc("2026-03-01T09:00:00+08:00"))
        );
        let without = reader("UTC", false);
        assert!(without
            .millis(b"46082.375")
            .unwrap_err()
            .to_string()
            .contains("--excel-dates"));
    }

    #[test]
    fn bad_shapes_keep_their_reasons() {
        let times = reader("UTC", false);
        for (text, why) in [
            ("2027-02-30 09:00", "date that does not exist"),
            ("2027/13/1 9:00", "date that does not exist"),
            ("2027-03-01 25:00", "time of day that does not exist"),
            ("01/Mar/27 13:00 PM", "time of day that does not exist"),
            ("2027-03-01", "is not a time"),
            ("2027-03-01 9", "is not a time"),
            ("2027-03/01 09:00", "is not a time"),
            ("01/Foo/27 9:00", "is not a time"),
            ("2027-03-01 09:00 +0800", "is not a time"),
        ] {
            let e = times.millis(text.as_bytes()).unwrap_err().to_string();
            assert!(e.contains(why), "{text}: {e}");
        }
    }
}
