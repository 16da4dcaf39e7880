//! Wall-clock times of a calendar's zone to instants, by the "compatible"
//! rule of java.time, Temporal and jiff (§5): a local time that does not
//! exist (a spring-forward gap) is shifted forward by the length of the gap,
//! and an ambiguous one (a fall-back fold) takes the earlier instant.
//!
//! Instants are milliseconds since the Unix epoch throughout the clock.

use crate::model::{TimeOfDay, TimeSpan};
use chrono::{DateTime, NaiveDate, NaiveDateTime, Offset, TimeDelta, TimeZone, Utc};
use chrono_tz::Tz;

/// Milliseconds in a minute.
pub(crate) const MINUTE: i64 = 60_000;

/// The instant of a local wall-clock time in `zone`; `None` only when the
/// arithmetic leaves chrono's range.
pub(crate) fn to_utc(zone: Tz, local: NaiveDateTime) -> Option<i64> {
    use chrono::LocalResult;
    match zone.from_local_datetime(&local) {
        LocalResult::Single(t) => Some(t.timestamp_millis()),
        LocalResult::Ambiguous(earlier, _) => Some(earlier.timestamp_millis()),
        LocalResult::None => {
            // In a gap: read the wall time with the offset in force just
            // before the gap, which lands it the gap's length later. Probing
            // back hour by hour finds that offset even for day-long gaps.
            let offset = (1..=48).find_map(|hours| {
                let probe = local.checked_sub_signed(TimeDelta::hours(hours))?;
                match zone.from_local_datetime(&probe) {
                    LocalResult::Single(t) | LocalResult::Ambiguous(_, t) => {
                        Some(i64::from(t.offset().fix().local_minus_utc()))
                    }
                    LocalResult::None => None,
                }
            })?;
            Some(local.and_utc().timestamp_millis() - offset * 1000)
        }
    }
}

/// The first instant of `date` in `zone` (its midnight, or the end of a
/// gap that skips it), when dates only move forward there: `None` when
/// that midnight happens twice (a fall-back across midnight, after which
/// instants are on the day before again) or is outside chrono's range.
pub(crate) fn date_start(zone: Tz, date: NaiveDate) -> Option<i64> {
    let midnight = date.and_hms_opt(0, 0, 0)?;
    match zone.from_local_datetime(&midnight) {
        chrono::LocalResult::Ambiguous(..) => None,
        _ => to_utc(zone, midnight),
    }
}

/// The wall-clock time of an instant in `zone`.
pub(crate) fn to_local(zone: Tz, at: i64) -> Option<NaiveDateTime> {
    DateTime::<Utc>::from_timestamp_millis(at).map(|t| t.with_timezone(&zone).naive_local())
}

/// Local midnight of `date` plus `time` (which may be `24:00`).
fn wall(date: NaiveDate, time: TimeOfDay) -> Option<NaiveDateTime> {
    date.and_hms_opt(0, 0, 0)?
        .checked_add_signed(TimeDelta::minutes(i64::from(time.minutes())))
}

/// The instants `[start, end)` of a span of `date`. An overnight span ends
/// on the next day. Across a DST change the span keeps its wall-clock ends,
/// so its real length changes (a 22:00-06:00 desk is 7 h or 9 h); a span
/// entirely inside a gap comes out empty.
pub(crate) fn span_instants(zone: Tz, date: NaiveDate, span: TimeSpan) -> Option<(i64, i64)> {
    let end_date = if span.is_overnight() {
        date.succ_opt()?
    } else {
        date
    };
    let start = to_utc(zone, wall(date, span.start)?)?;
    let end = to_utc(zone, wall(end_date, span.end)?)?;
    Some((start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn local(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap()
    }

    fn utc(s: &str) -> i64 {
        DateTime::parse_from_rfc3339(s).unwrap().timestamp_millis()
    }

    #[test]
    fn gap_shifts_forward_by_its_length() {
        let ny = chrono_tz::America::New_York;
        // 2027-03-14 02:30 does not exist in New York: it becomes 03:30 EDT.
        assert_eq!(
            to_utc(ny, local("2027-03-14 02:30")),
            Some(utc("2027-03-14T03:30:00-04:00"))
        );
        let london = chrono_tz::Europe::London;
        assert_eq!(
            to_utc(london, local("2027-03-28 01:15")),
            Some(utc("2027-03-28T02:15:00+01:00"))
        );
    }

    #[test]
    fn fold_takes_the_earlier_instant() {
        let ny = chrono_tz::America::New_York;
        assert_eq!(
            to_utc(ny, local("2027-11-07 01:30")),
            Some(utc("2027-11-07T01:30:00-04:00"))
        );
    }

    #[test]
    fn overnight_span_is_seven_or_nine_hours_on_dst_nights() {
        let ny = chrono_tz::America::New_York;
        let desk = TimeSpan {
            start: TimeOfDay(22 * 60),
            end: TimeOfDay(6 * 60),
        };
        let day = |d| NaiveDate::from_ymd_opt(2027, 3, d).unwrap();
        let (s, e) = span_instants(ny, day(13), desk).unwrap();
        assert_eq!(e - s, 7 * 60 * MINUTE);
        let day = |d| NaiveDate::from_ymd_opt(2027, 11, d).unwrap();
        let (s, e) = span_instants(ny, day(6), desk).unwrap();
        assert_eq!(e - s, 9 * 60 * MINUTE);
    }
}
