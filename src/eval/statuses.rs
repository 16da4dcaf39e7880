//! The status history of `slac eval --statuses FILE`: one row a ticket
//! spent in a status, the columns of [`STATUS_COLUMNS`] (`ticket_id,
//! status, from, to`), read through the same readers as the ticket log
//! (CSV, JSON Lines, XLSX; `--encoding`, `--delimiter`, `--zone` apply).
//!
//! Only the rows in a status of the contract's `pause on` are kept, as the
//! pauses of their ticket: matched by [`fold_name`] (ignoring case and
//! outer spaces, as `aka`), each an interval `[from, to)`. An empty `to`
//! means the ticket is still in that status: the pause lasts until
//! `--as-of` (a resolution after it was not measured while paused, and a
//! pending one stays pending). Rows in other statuses are read and
//! dropped. A row whose `to` is before its `from`, or without a ticket id,
//! a status or a `from`, is skipped with its line and reason. The log need
//! not be in any order; a ticket's pauses are merged with its own
//! `paused` intervals when the ticket log is read ([`merge`]), so an
//! overlap counts once.

use super::compliance::{Skipped, SKIPPED_LISTED};
use super::input::LogFormat;
use super::mapping::ColumnMap;
use super::read::{self, LogShape, RowFields};
use super::skip::SkipReason;
use super::ticket::{shown, time as log_time};
use super::zone::{LogTimes, TimeOptions};
use super::EvalError;
use crate::model::{fold_name, Contract};
use std::collections::HashMap;
use std::io::Read;
use std::sync::atomic::{AtomicU64, Ordering};

/// The columns of a status history, in order.
pub const STATUS_COLUMNS: [&str; 4] = ["ticket_id", "status", "from", "to"];

/// One pause a status gives a ticket: UTC milliseconds `[from, to)` and
/// the index of its status in `pause on`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Held {
    pub from: i64,
    pub to: i64,
    pub status: u16,
}

/// The pausing intervals of a status history, by ticket id, and what was
/// skipped.
#[derive(Debug, Default)]
pub struct StatusLog {
    by_id: HashMap<Box<[u8]>, Vec<Held>>,
    /// Rows read (valid ones, pausing or not).
    pub rows: u64,
    /// Of `rows`, those in a pausing status.
    pub pausing: u64,
    pub skipped: Vec<Skipped>,
    pub skipped_total: u64,
    /// Of the tickets with pauses, those the ticket log had (counted as
    /// the ticket log is read, on its reader thread).
    matched: AtomicU64,
}

impl StatusLog {
    /// Counts a ticket of the ticket log that `has` pauses here.
    pub(crate) fn matched(&self, has: bool) {
        if has {
            self.matched.fetch_add(1, Ordering::Relaxed);
        }
    }

    /// How many tickets with pauses here the ticket log did not have:
    /// their rows paused nothing (after a run of the ticket log).
    pub fn unmatched(&self) -> usize {
        let matched = self.matched.load(Ordering::Relaxed);
        self.by_id
            .len()
            .saturating_sub(usize::try_from(matched).unwrap_or(usize::MAX))
    }

    /// The pauses of ticket `id` (trimmed), sorted by start.
    pub(crate) fn of(&self, id: &[u8]) -> &[Held] {
        self.by_id.get(id).map_or(&[][..], Vec::as_slice)
    }

    fn skip(&mut self, line: u64, reason: SkipReason) {
        self.skipped_total += 1;
        if self.skipped.len() < SKIPPED_LISTED {
            self.skipped.push(Skipped { line, reason });
        }
    }
}

const STATUS_LOG: LogShape<'static, 4> = LogShape {
    columns: &STATUS_COLUMNS,
    optional: &[],
    no_header: || EvalError::StatusNoHeader,
    missing: |missing, _| EvalError::StatusColumns { missing },
    map: &ColumnMap::CANONICAL,
};

/// Reads a status history for `contract`, its times as `times` says;
/// pauses end at `as_of` at the latest (UTC milliseconds).
pub fn read_statuses<R: Read>(
    contract: &Contract,
    input: R,
    format: impl Into<LogFormat>,
    times: TimeOptions,
    as_of: i64,
) -> Result<StatusLog, EvalError> {
    if contract.pause_on.is_empty() {
        return Err(EvalError::NoPauseOn);
    }
    let folded: Vec<String> = contract.pause_on.iter().map(|s| fold_name(s)).collect();
    let times = LogTimes::new(times);
    let mut log = StatusLog::default();
    read::log_rows(input, format.into(), &STATUS_LOG, |line, row| {
        let row: RowFields<'_, 4> = row;
        match row.and_then(|cols| status_row(cols, &folded, &times, as_of)) {
            Ok(None) => log.rows += 1,
            Ok(Some((id, held))) => {
                log.rows += 1;
                log.pausing += 1;
                if let Some(held) = held {
                    log.by_id.entry(id.into()).or_default().push(held);
                }
            }
            Err(reason) => log.skip(line, reason),
        }
    })?;
    for list in log.by_id.values_mut() {
        list.sort_by_key(|h| (h.from, h.to));
    }
    Ok(log)
}

/// A pausing row: the ticket id and its pause (`None` when it starts at or
/// after `as_of`).
type PausingRow<'a> = (&'a [u8], Option<Held>);

/// One row: `None` when its status does not pause.
fn status_row<'a>(
    [id, status, from, to]: [&'a [u8]; 4],
    pausing: &[String],
    times: &LogTimes,
    as_of: i64,
) -> Result<Option<PausingRow<'a>>, SkipReason> {
    let id = id.trim_ascii();
    if id.is_empty() {
        return Err(SkipReason::Empty {
            column: "ticket_id",
        });
    }
    let status_text = std::str::from_utf8(status).map_err(|_| SkipReason::NotUtf8 {
        column: "status",
        text: shown(status),
    })?;
    let status_folded = fold_name(status_text);
    if status_folded.is_empty() {
        return Err(SkipReason::Empty { column: "status" });
    }
    let from = log_time(times, "from", from)?.ok_or(SkipReason::Empty { column: "from" })?;
    let to_at = log_time(times, "to", to)?;
    if to_at.is_some_and(|to| to < from) {
        return Err(SkipReason::ToBeforeFrom {
            text: shown(to.trim_ascii()),
        });
    }
    let to = to_at;
    let Some(index) = pausing.iter().position(|p| *p == status_folded) else {
        return Ok(None);
    };
    let to = to.map_or(as_of, |to| to.min(as_of));
    let held = (from < to).then_some(Held {
        from,
        to,
        status: u16::try_from(index).unwrap_or(u16::MAX),
    });
    Ok(Some((id, held)))
}

/// Merges a ticket's own pauses (`paused`) with those its statuses give
/// (`held`, sorted by start) into `paused`: sorted, overlapping or
/// touching intervals joined, so that no minute is paused twice.
pub(crate) fn merge(paused: &mut Vec<(i64, i64)>, held: &[Held]) {
    if held.is_empty() {
        return;
    }
    paused.extend(held.iter().map(|h| (h.from, h.to)));
    crate::clock::join_intervals(paused);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::eval::InputFormat;
    use crate::model::example::acme;

    fn ms(s: &str) -> i64 {
        super::super::time::parse_millis(s.as_bytes()).unwrap()
    }

    const AS_OF: &str = "2027-04-01T00:00:00+08:00";

    fn contract() -> Contract {
        let mut c = acme();
        c.pause_on = vec!["Pending".into(), "等待客户".into()];
        c
    }

    fn read(text: &str) -> StatusLog {
        read_statuses(
            &contract(),
            text.as_bytes(),
            InputFormat::Csv,
            TimeOptions::default(),
            ms(AS_OF),
        )
        .unwrap()
    }

    #[test]
    fn pausing_rows_are_kept_per_ticket_sorted_and_folded() {
        let log = read(
            "Ticket_ID,Status,From,To\n\
             7,open,2027-03-01T09:00:00+08:00,2027-03-01T10:00:00+08:00\n\
             7, PENDING ,2027-03-02T09:00:00+08:00,2027-03-02T10:00:00+08:00\n\
             7,pending,2027-03-01T10:00:00+08:00,2027-03-01T12:00:00+08:00\n\
             8,等待客户,2027-03-05T09:00:00+08:00,\n",
        );
        assert_eq!((log.rows, log.pausing, log.skipped_total), (4, 3, 0));
        let seven = log.of(b"7");
        assert_eq!(seven.len(), 2);
        assert_eq!(seven[0].from, ms("2027-03-01T10:00:00+08:00"));
        assert_eq!(seven[1].to, ms("2027-03-02T10:00:00+08:00"));
        assert_eq!(seven[0].status, 0, "Pending");
        let eight = log.of(b"8");
        assert_eq!(eight[0].to, ms(AS_OF), "still in it: paused until as-of");
        assert_eq!(eight[0].status, 1, "等待客户");
        assert!(log.of(b"9").is_empty());
    }

    #[test]
    fn bad_rows_are_skipped_with_their_line_and_reason() {
        let log = read(
            "ticket_id,status,from,to\n\
             ,Pending,2027-03-01T09:00:00+08:00,\n\
             7,,2027-03-01T09:00:00+08:00,\n\
             7,Pending,,\n\
             7,Pending,2027-03-02T09:00:00+08:00,2027-03-01T09:00:00+08:00\n\
             7,Pending,2027-03-02 09:00,\n",
        );
        let words: Vec<String> = log.skipped.iter().map(|s| s.reason.to_string()).collect();
        let reasons: Vec<(u64, &str)> = log
            .skipped
            .iter()
            .zip(&words)
            .map(|(s, w)| (s.line, w.as_str()))
            .collect();
        assert_eq!(log.skipped_total, 5);
        assert_eq!(reasons[0], (2, "ticket_id is empty"));
        assert_eq!(reasons[1], (3, "status is empty"));
        assert_eq!(reasons[2], (4, "from is empty"));
        assert_eq!(
            reasons[3],
            (5, "to `2027-03-01T09:00:00+08:00` is before from")
        );
        assert!(reasons[4]
            .1
            .starts_with("from `2027-03-02 09:00` has no offset"));
        assert!(log.of(b"7").is_empty());
    }

    #[test]
    fn a_contract_without_pause_on_refuses_a_status_history() {
        let e = read_statuses(
            &acme(),
            &b"ticket_id,status,from,to\n"[..],
            InputFormat::Csv,
            TimeOptions::default(),
            0,
        )
        .unwrap_err();
        assert!(matches!(e, EvalError::NoPauseOn));
    }

    #[test]
    fn overlapping_pauses_are_merged_once() {
        let held = [
            Held {
                from: 5,
                to: 12,
                status: 0,
            },
            Held {
                from: 20,
                to: 25,
                status: 1,
            },
        ];
        let mut paused = vec![(0, 6), (10, 15), (25, 30)];
        merge(&mut paused, &held);
        assert_eq!(paused, [(0, 15), (20, 30)]);
        let mut untouched = vec![(3, 4)];
        merge(&mut untouched, &[]);
        assert_eq!(untouched, [(3, 4)]);
    }
}
