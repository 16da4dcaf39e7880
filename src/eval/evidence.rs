//! The evidence behind the report's counts: one row per ticket and target
//! (`eval --tickets-out FILE.csv|.jsonl`), so that a breach can be checked
//! by hand and a credit claimed; and, for the HTML report, the breached
//! tickets of each target and period (the count and the ten worst).
//!
//! The rows are written as the tickets are counted, from the same verdict,
//! so they add up to the report's `met`, `breached` and `pending` exactly
//! (and to its `excluded` counts); a skipped row has no evidence row (it is
//! in the report's `skipped`).

use super::compliance::round2;
use crate::model::TargetKind;
use chrono::{DateTime, SecondsFormat, Utc};
use chrono_tz::Tz;
use serde::Serialize;
use std::borrow::Cow;

/// The columns of a `--tickets-out` file, in order.
pub const TICKETS_OUT_COLUMNS: [&str; 12] = [
    "id",
    "priority",
    "channel",
    "period",
    "target",
    "received_at",
    "due_at",
    "event_at",
    "status",
    "late_open_minutes",
    "late_minutes",
    "reason",
];

/// How many breached tickets of a target and period the HTML report lists.
pub const WORST_LISTED: usize = 10;

/// The format of a `--tickets-out` file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TicketsOutFormat {
    Csv,
    Jsonl,
}

impl TicketsOutFormat {
    /// By extension: `.csv`, or `.jsonl`/`.ndjson`; `None` for another.
    pub fn from_path(path: &std::path::Path) -> Option<TicketsOutFormat> {
        let ext = path.extension().and_then(|e| e.to_str())?;
        if ext.eq_ignore_ascii_case("csv") {
            Some(TicketsOutFormat::Csv)
        } else if ext.eq_ignore_ascii_case("jsonl") || ext.eq_ignore_ascii_case("ndjson") {
            Some(TicketsOutFormat::Jsonl)
        } else {
            None
        }
    }
}

/// A ticket's fate against one target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Met,
    Breached,
    Pending,
    /// Under an exclusion clause: in no measure (§11).
    Excluded,
}

/// One ticket against one target, as the tally decided it. Times are UTC
/// milliseconds.
pub(crate) struct Evidence<'a> {
    pub id: &'a [u8],
    pub priority: &'a str,
    pub channel: &'a str,
    pub period: &'a str,
    pub target: TargetKind,
    pub received: i64,
    pub due: Option<i64>,
    pub event: Option<i64>,
    pub status: Status,
    /// Of a breach: open (unpaused) and wall-clock milliseconds from the
    /// due time to the event, or to `as_of` when there is none.
    pub late: Option<Late>,
    pub reason: &'a str,
}

/// By how much a target was missed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Late {
    pub open_ms: i64,
    pub wall_ms: i64,
}

fn minutes(ms: i64) -> f64 {
    round2(ms as f64 / 60_000.0)
}

/// One output row: the shape of both formats.
#[derive(Serialize)]
struct Row<'a> {
    id: Cow<'a, str>,
    priority: &'a str,
    channel: &'a str,
    period: &'a str,
    target: &'static str,
    received_at: String,
    due_at: Option<String>,
    event_at: Option<String>,
    status: Status,
    late_open_minutes: Option<f64>,
    late_minutes: Option<f64>,
    reason: &'a str,
}

/// The rows of `--tickets-out`, kept in memory until the run succeeds
/// (then written whole, or not at all, by the caller).
pub struct TicketRows {
    format: TicketsOutFormat,
    out: Vec<u8>,
    rows: u64,
    error: Option<String>,
}

impl TicketRows {
    pub fn new(format: TicketsOutFormat) -> TicketRows {
        let mut rows = TicketRows {
            format,
            out: Vec::new(),
            rows: 0,
            error: None,
        };
        if format == TicketsOutFormat::Csv {
            let mut w = csv_writer(&mut rows.out);
            if let Err(e) = w.write_record(TICKETS_OUT_COLUMNS) {
                rows.error = Some(e.to_string());
            }
        }
        rows
    }

    /// The file's bytes: a header (CSV) and the rows; an error when one
    /// could not be written.
    pub fn into_bytes(self) -> Result<Vec<u8>, String> {
        match self.error {
            Some(e) => Err(e),
            None => Ok(self.out),
        }
    }

    /// How many rows were written.
    pub fn rows(&self) -> u64 {
        self.rows
    }

    pub(crate) fn write(&mut self, e: &Evidence<'_>, zone: Tz) {
        let time = |ms: i64| {
            DateTime::<Utc>::from_timestamp_millis(ms).map_or_else(
                || format!("{ms} ms"),
                |t| {
                    t.with_timezone(&zone)
                        .to_rfc3339_opts(SecondsFormat::AutoSi, true)
                },
            )
        };
        let row = Row {
            id: String::from_utf8_lossy(e.id),
            priority: e.priority,
            channel: e.channel,
            period: e.period,
            target: e.target.word(),
            received_at: time(e.received),
            due_at: e.due.map(time),
            event_at: e.event.map(time),
            status: e.status,
            late_open_minutes: e.late.map(|l| minutes(l.open_ms)),
            late_minutes: e.late.map(|l| minutes(l.wall_ms)),
            reason: e.reason,
        };
        let written = match self.format {
            TicketsOutFormat::Csv => csv_writer(&mut self.out)
                .serialize(&row)
                .map_err(|e| e.to_string()),
            TicketsOutFormat::Jsonl => serde_json::to_writer(&mut self.out, &row)
                .map(|()| self.out.push(b'\n'))
                .map_err(|e| e.to_string()),
        };
        match written {
            Ok(()) => self.rows += 1,
            Err(e) => {
                self.error.get_or_insert(e);
            }
        }
    }
}

fn csv_writer(out: &mut Vec<u8>) -> csv::Writer<&mut Vec<u8>> {
    csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(out)
}

/// One breached ticket of a target and period, for the HTML report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BreachedTicket {
    pub id: String,
    pub late_open_minutes: f64,
    pub late_minutes: f64,
}

/// The breached tickets of one target in one period: how many, and the
/// [`WORST_LISTED`] latest by open time (then wall-clock time, then id).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BreachedTickets {
    pub period: String,
    pub priority: String,
    pub target: TargetKind,
    pub count: u64,
    pub worst: Vec<BreachedTicket>,
}

/// Collects the worst breaches of one target and period; the list does
/// not depend on the order the tickets come in.
#[derive(Debug, Default)]
pub(crate) struct Worst {
    count: u64,
    /// Sorted worst first, at most [`WORST_LISTED`].
    list: Vec<(Late, Box<[u8]>)>,
}

impl Worst {
    pub fn add(&mut self, id: &[u8], late: Late) {
        self.count += 1;
        let key = |(l, id): &(Late, Box<[u8]>)| {
            (
                std::cmp::Reverse(l.open_ms),
                std::cmp::Reverse(l.wall_ms),
                id.clone(),
            )
        };
        let entry = (late, Box::from(id));
        let at = self.list.partition_point(|held| key(held) <= key(&entry));
        if at < WORST_LISTED {
            self.list.insert(at, entry);
            self.list.truncate(WORST_LISTED);
        }
    }

    pub fn finish(self, period: String, priority: String, target: TargetKind) -> BreachedTickets {
        BreachedTickets {
            period,
            priority,
            target,
            count: self.count,
            worst: self
                .list
                .into_iter()
                .map(|(late, id)| BreachedTicket {
                    id: String::from_utf8_lossy(&id).into_owned(),
                    late_open_minutes: minutes(late.open_ms),
                    late_minutes: minutes(late.wall_ms),
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn late(open: i64, wall: i64) -> Late {
        Late {
            open_ms: open * 60_000,
            wall_ms: wall * 60_000,
        }
    }

    #[test]
    fn the_worst_are_kept_in_any_order_of_arrival() {
        let tickets: Vec<(String, Late)> = (0..25)
            .map(|i| (format!("T{i:02}"), late(i % 7, i)))
            .collect();
        let mut forward = Worst::default();
        let mut backward = Worst::default();
        for (id, l) in &tickets {
            forward.add(id.as_bytes(), *l);
        }
        for (id, l) in tickets.iter().rev() {
            backward.add(id.as_bytes(), *l);
        }
        let a = forward.finish("2027-03".into(), "P1".into(), TargetKind::Response);
        let b = backward.finish("2027-03".into(), "P1".into(), TargetKind::Response);
        assert_eq!(a, b);
        assert_eq!(a.count, 25);
        assert_eq!(a.worst.len(), WORST_LISTED);
        let first: Vec<&str> = a.worst.iter().take(3).map(|t| t.id.as_str()).collect();
        // 6 open minutes late: T20 (20 wall), T13 (13), T06 (6).
        assert_eq!(first, ["T20", "T13", "T06"]);
    }

    #[test]
    fn rows_are_csv_with_a_header_or_json_lines() {
        let e = Evidence {
            id: b"A,1",
            priority: "P1",
            channel: "email",
            period: "2027-03",
            target: TargetKind::Resolution,
            received: 0,
            due: Some(60_000),
            event: None,
            status: Status::Breached,
            late: Some(late(90, 120)),
            reason: "not resolved by as-of",
        };
        let mut csv = TicketRows::new(TicketsOutFormat::Csv);
        csv.write(&e, Tz::UTC);
        assert_eq!(csv.rows(), 1);
        let text = String::from_utf8(csv.into_bytes().unwrap()).unwrap();
        assert_eq!(
            text,
            "id,priority,channel,period,target,received_at,due_at,event_at,status,late_open_minutes,late_minutes,reason\n\
             \"A,1\",P1,email,2027-03,resolution,1970-01-01T00:00:00Z,1970-01-01T00:01:00Z,,breached,90.0,120.0,not resolved by as-of\n"
        );
        let mut jsonl = TicketRows::new(TicketsOutFormat::Jsonl);
        jsonl.write(&e, Tz::UTC);
        let line: serde_json::Value = serde_json::from_slice(&jsonl.into_bytes().unwrap()).unwrap();
        assert_eq!(line["status"], "breached");
        assert_eq!(line["event_at"], serde_json::Value::Null);
        assert_eq!(line["late_open_minutes"], 90.0);
        let keys: Vec<&str> = line
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys.len(), TICKETS_OUT_COLUMNS.len());
    }

    #[test]
    fn the_format_is_the_extension() {
        let of = |p: &str| TicketsOutFormat::from_path(std::path::Path::new(p));
        assert_eq!(of("out/t.csv"), Some(TicketsOutFormat::Csv));
        assert_eq!(of("t.JSONL"), Some(TicketsOutFormat::Jsonl));
        assert_eq!(of("t.ndjson"), Some(TicketsOutFormat::Jsonl));
        assert_eq!(of("t.xlsx"), None);
        assert_eq!(of("t"), None);
    }
}
