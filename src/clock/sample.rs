//! Due times compared as a client lives them: two targets, each on its own
//! clock, for the same requests. `slac check` (W002, priorities out of
//! order) and `slac diff` (a target tightened or relaxed) both ask it, over
//! their own sample of receipts.

use super::{Clock, ClockError};
use crate::model::Duration;
use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use std::cmp::Ordering;

/// Receipts every `step_minutes` for `days` days from midnight UTC of
/// `start` (a week of them covers every weekday in every zone).
pub fn receipts(
    start: NaiveDate,
    days: i64,
    step_minutes: i64,
) -> impl Iterator<Item = DateTime<Utc>> {
    let first = start.and_hms_opt(0, 0, 0).map(|t| t.and_utc());
    let count = if step_minutes > 0 {
        days * 24 * 60 / step_minutes
    } else {
        0
    };
    first.into_iter().flat_map(move |first| {
        (0..count).map(move |step| first + TimeDelta::minutes(step * step_minutes))
    })
}

/// For each receipt, lazily, how the due time of target `a` compares with
/// that of target `b` (`Less`: `a` is due sooner). A caller that has its
/// answer stops early.
pub fn compare_due<'a>(
    a: (&'a Clock, Duration),
    b: (&'a Clock, Duration),
    receipts: impl Iterator<Item = DateTime<Utc>> + 'a,
) -> impl Iterator<Item = Result<Ordering, ClockError>> + 'a {
    receipts.map(move |received| {
        let a_due = a.0.due(received, a.1, &[])?;
        let b_due = b.0.due(received, b.1, &[])?;
        Ok(a_due.cmp(&b_due))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Unit;

    #[test]
    fn receipts_cover_the_days_at_the_step() {
        let Some(monday) = NaiveDate::from_ymd_opt(2027, 1, 4) else {
            panic!("a valid date");
        };
        let all: Vec<DateTime<Utc>> = receipts(monday, 7, 15).collect();
        assert_eq!(all.len(), 7 * 24 * 4);
        assert_eq!(
            all.first().map(|t| t.to_rfc3339()),
            Some("2027-01-04T00:00:00+00:00".into())
        );
        assert_eq!(
            all.last().map(|t| t.to_rfc3339()),
            Some("2027-01-10T23:45:00+00:00".into())
        );
        assert_eq!(receipts(monday, 7, 0).count(), 0);
    }

    #[test]
    fn due_times_compare_receipt_by_receipt() {
        let clock = Clock::new(None, crate::model::BusinessDayRule::EndsAtClose);
        let minutes = |amount| Duration {
            amount,
            unit: Unit::Minutes,
        };
        let Some(monday) = NaiveDate::from_ymd_opt(2027, 1, 4) else {
            panic!("a valid date");
        };
        let orderings: Vec<_> = compare_due(
            (&clock, minutes(15)),
            (&clock, minutes(30)),
            receipts(monday, 1, 60),
        )
        .collect();
        assert_eq!(orderings, vec![Ok(Ordering::Less); 24]);
        let zero = compare_due(
            (&clock, minutes(0)),
            (&clock, minutes(30)),
            receipts(monday, 1, 60),
        );
        assert!(zero.take(1).all(|o| o.is_err()));
    }
}
