//! The deadlines of the monthly settlement (§11): when a report period ends,
//! when a credit must be claimed by (`claim within`) and when the provider's
//! SLA report is due (`reporting { report … within … }`).
//!
//! A period ends at the first instant of the next one: local midnight in the
//! contract's zone (the first instant after the gap when DST skips it). From
//! that end:
//! - `N days` are calendar days: local midnight N dates later, so a DST
//!   change between makes the span 23 or 25 hours a day, never a shifted
//!   midnight;
//! - `N business days` count on the contract clock as §5 says. For
//!   `ends-at-close` the day of receipt is the period's last day (its end
//!   is `24:00` of that day, as docs/clock.md shows due times), so the
//!   count starts with the first business day after the period: `within 5
//!   business days` of March is the close of the 5th business day of April;
//! - `minutes`/`hours` (and `business-day H hours`) are open time of the
//!   contract clock from the end.
//!
//! The report's `within` counts on the contract clock the same way (the
//! check already refused `days` on a business clock and `business days` on
//! a 24x7 one, E032); the claim's `N days` are calendar days on any clock.

use super::ReportPeriod;
use crate::clock::{Clock, ClockError};
use crate::model::{BusinessDayRule, Contract, Duration, Unit};
use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use chrono_tz::Tz;

/// Local midnight of `date` in `zone`, in UTC milliseconds: the earliest
/// instant of that date (a midnight skipped by DST is the first instant
/// after the gap).
pub(crate) fn midnight_millis(zone: Tz, date: NaiveDate) -> Option<i64> {
    use chrono::TimeZone;
    (0..=180).step_by(30).find_map(|minutes| {
        let time = chrono::NaiveTime::from_hms_opt(minutes / 60, minutes % 60, 0)?;
        zone.from_local_datetime(&date.and_time(time))
            .earliest()
            .map(|t| t.timestamp_millis())
    })
}

/// The first day of a report period: month `index` (1–12) or quarter
/// `index` (1–4) of `year`.
fn first_day(period: ReportPeriod, year: i32, index: u32) -> Option<NaiveDate> {
    let month = match period {
        ReportPeriod::Monthly => index,
        ReportPeriod::Quarterly => index.checked_sub(1)? * 3 + 1,
    };
    NaiveDate::from_ymd_opt(year, month, 1)
}

/// A report period as UTC milliseconds `[start, end)`: local midnight of
/// its first day and of the first day of the next period.
pub(crate) fn period_bounds(
    zone: Tz,
    period: ReportPeriod,
    year: i32,
    index: u32,
) -> Option<(i64, i64)> {
    let first = first_day(period, year, index)?;
    let months = match period {
        ReportPeriod::Monthly => 1,
        ReportPeriod::Quarterly => 3,
    };
    let next = first.checked_add_months(chrono::Months::new(months))?;
    Some((midnight_millis(zone, first)?, midnight_millis(zone, next)?))
}

/// The year and month (1–12) or quarter (1–4) of a period's name as the
/// report writes it: `2027-03`, `2027-Q1`.
pub(crate) fn parse_period(period: ReportPeriod, name: &str) -> Option<(i32, u32)> {
    let (year, rest) = name.split_once('-')?;
    let index = match period {
        ReportPeriod::Monthly => rest.parse().ok()?,
        ReportPeriod::Quarterly => rest.strip_prefix('Q')?.parse().ok()?,
    };
    Some((year.parse().ok()?, index))
}

/// The contract clock (`clock`, else 24x7), showing its times in the
/// contract's zone.
pub(crate) fn contract_clock(contract: &Contract) -> Clock {
    let calendar = contract.clock.as_ref().and_then(|id| contract.calendar(id));
    let clock = Clock::new(calendar, contract.business_day);
    match contract.timezone {
        Some(zone) => clock.with_zone(zone),
        None => clock,
    }
}

/// Computes the deadlines after a period's end, on one contract's clock.
pub(crate) struct Deadlines {
    clock: Clock,
    zone: Tz,
    rule: BusinessDayRule,
}

impl Deadlines {
    pub fn new(contract: &Contract) -> Deadlines {
        Deadlines {
            clock: contract_clock(contract),
            zone: contract.timezone.unwrap_or(Tz::UTC),
            rule: contract.business_day,
        }
    }

    /// `claim within`: `N days` are calendar days (local midnight N dates
    /// after the end), anything else counts on the contract clock.
    pub fn claim_by(&self, end: i64, within: Duration) -> Result<i64, ClockError> {
        match within.unit {
            Unit::Days => {
                let date = utc(end)?.with_timezone(&self.zone).date_naive();
                date.checked_add_days(chrono::Days::new(u64::from(within.amount)))
                    .and_then(|d| midnight_millis(self.zone, d))
                    .ok_or(ClockError::OutOfRange { at: end })
            }
            Unit::Minutes | Unit::Hours | Unit::BusinessDays => self.on_clock(end, within),
        }
    }

    /// `report … within`: on the contract clock.
    pub fn report_due(&self, end: i64, within: Duration) -> Result<i64, ClockError> {
        self.on_clock(end, within)
    }

    fn on_clock(&self, end: i64, within: Duration) -> Result<i64, ClockError> {
        // `ends-at-close` never counts the day of receipt: the period's
        // last day, whose 24:00 the end is, not the next period's first.
        let from = match (within.unit, self.rule) {
            (Unit::BusinessDays, BusinessDayRule::EndsAtClose) => end - 1,
            (Unit::BusinessDays, BusinessDayRule::Hours { .. } | BusinessDayRule::SameTime)
            | (Unit::Minutes | Unit::Hours | Unit::Days, _) => end,
        };
        let due = self.clock.due(utc(from)?, within, &[])?;
        Ok(due.timestamp_millis())
    }

    /// An instant as RFC 3339 in the contract's zone.
    pub fn rfc3339(&self, at: i64) -> Result<String, ClockError> {
        Ok(utc(at)?
            .with_timezone(&self.zone)
            .to_rfc3339_opts(SecondsFormat::AutoSi, true))
    }
}

fn utc(at: i64) -> Result<DateTime<Utc>, ClockError> {
    DateTime::<Utc>::from_timestamp_millis(at).ok_or(ClockError::OutOfRange { at })
}

/// The local year and month of an instant, for tests and callers that
/// name periods.
#[cfg(test)]
fn local_month(zone: Tz, at: i64) -> Option<(i32, u32)> {
    use chrono::Datelike;
    let t = DateTime::<Utc>::from_timestamp_millis(at)?.with_timezone(&zone);
    Some((t.year(), t.month()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::example::acme;

    fn days(amount: u32, unit: Unit) -> Duration {
        Duration { amount, unit }
    }

    fn shown(d: &Deadlines, at: i64) -> String {
        d.rfc3339(at).unwrap()
    }

    #[test]
    fn a_period_ends_at_the_next_local_midnight() {
        let shanghai: Tz = "Asia/Shanghai".parse().unwrap();
        let (start, end) = period_bounds(shanghai, ReportPeriod::Monthly, 2027, 3).unwrap();
        assert_eq!(local_month(shanghai, start), Some((2027, 3)));
        assert_eq!(local_month(shanghai, end), Some((2027, 4)));
        assert_eq!(end - start, 31 * 24 * 3_600_000);
        let (_, end) = period_bounds(shanghai, ReportPeriod::Monthly, 2027, 12).unwrap();
        assert_eq!(local_month(shanghai, end), Some((2028, 1)));
        let (start, end) = period_bounds(shanghai, ReportPeriod::Quarterly, 2027, 1).unwrap();
        assert_eq!(end - start, 90 * 24 * 3_600_000);
        assert_eq!(local_month(shanghai, end), Some((2027, 4)));
        assert!(period_bounds(shanghai, ReportPeriod::Quarterly, 2027, 5).is_none());
        assert!(period_bounds(shanghai, ReportPeriod::Monthly, 2027, 0).is_none());
    }

    #[test]
    fn a_month_with_a_dst_change_is_an_hour_short_in_real_time() {
        let new_york: Tz = "America/New_York".parse().unwrap();
        let (start, end) = period_bounds(new_york, ReportPeriod::Monthly, 2027, 3).unwrap();
        assert_eq!(end - start, (31 * 24 - 1) * 3_600_000);
    }

    #[test]
    fn calendar_days_keep_local_midnight_across_dst() {
        let mut contract = acme();
        contract.timezone = Some("America/New_York".parse().unwrap());
        let d = Deadlines::new(&contract);
        let (_, end) = period_bounds(d.zone, ReportPeriod::Monthly, 2027, 2).unwrap();
        assert_eq!(shown(&d, end), "2027-03-01T00:00:00-05:00");
        let by = d.claim_by(end, days(30, Unit::Days)).unwrap();
        assert_eq!(shown(&d, by), "2027-03-31T00:00:00-04:00");
    }

    #[test]
    fn business_days_start_after_the_periods_last_day() {
        // acme: business clock mon-fri 09:00-12:00, 13:00-18:00, Shanghai,
        // `ends-at-close`, the days of holidays/cn-2026.sla. March 2026
        // ends at Wednesday 1 April 00:00; 清明节 closes 4–6 April: five
        // business days are 1, 2, 3, 7, 8 April.
        let d = Deadlines::new(&acme());
        let (_, end) = period_bounds(d.zone, ReportPeriod::Monthly, 2026, 3).unwrap();
        let due = d.report_due(end, days(5, Unit::BusinessDays)).unwrap();
        assert_eq!(shown(&d, due), "2026-04-08T18:00:00+08:00");
        let claim = d.claim_by(end, days(5, Unit::BusinessDays)).unwrap();
        assert_eq!(claim, due);
        // 国庆节 (1–7 October) is closed and Saturday 10 October a make-up
        // working day: September's report, 5 business days, is due at the
        // close of 13 October (8, 9, 10, 12, 13).
        let (_, end) = period_bounds(d.zone, ReportPeriod::Monthly, 2026, 9).unwrap();
        let due = d.report_due(end, days(5, Unit::BusinessDays)).unwrap();
        assert_eq!(shown(&d, due), "2026-10-13T18:00:00+08:00");
        let claim = d.claim_by(end, days(30, Unit::Days)).unwrap();
        assert_eq!(shown(&d, claim), "2026-10-31T00:00:00+08:00");
    }

    #[test]
    fn hours_count_open_time_from_the_end() {
        let d = Deadlines::new(&acme());
        let (_, end) = period_bounds(d.zone, ReportPeriod::Monthly, 2027, 3).unwrap();
        let due = d.report_due(end, days(4, Unit::Hours)).unwrap();
        assert_eq!(shown(&d, due), "2027-04-01T14:00:00+08:00");
    }

    #[test]
    fn same_time_and_hours_rules_count_from_the_end() {
        let mut contract = acme();
        contract.business_day = BusinessDayRule::Hours { minutes: 8 * 60 };
        let d = Deadlines::new(&contract);
        let (_, end) = period_bounds(d.zone, ReportPeriod::Monthly, 2027, 3).unwrap();
        let due = d.report_due(end, days(2, Unit::BusinessDays)).unwrap();
        assert_eq!(shown(&d, due), "2027-04-02T18:00:00+08:00");
        contract.business_day = BusinessDayRule::SameTime;
        let d = Deadlines::new(&contract);
        let due = d.report_due(end, days(2, Unit::BusinessDays)).unwrap();
        assert_eq!(shown(&d, due), "2027-04-05T09:00:00+08:00");
    }
}
