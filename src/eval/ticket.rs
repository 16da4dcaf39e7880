//! One row of the ticket log, validated: every field is checked against the
//! contract (known priority and channel, RFC 3339 times, booleans, ratings on
//! the contract's scale, events not before the receipt) before anything is
//! counted. A row that fails is reported with a reason and skipped; nothing
//! is guessed.
//!
//! CSV and JSON Lines both come down to [`Fields`]: the ten columns of §9 as
//! byte strings, empty when absent.

use super::aka::NameIndex;
use super::skip::{PauseEnd, SkipReason};
use super::zone::LogTimes;
use crate::model::Contract;

/// The columns of the log, in the order of §9.
pub const COLUMNS: [&str; 10] = [
    "id",
    "priority",
    "channel",
    "received_at",
    "first_response_at",
    "resolved_at",
    "workaround_at",
    "first_contact_resolved",
    "csat",
    "paused",
];

/// The optional column of §11: the id of the exclusion clause a ticket
/// falls under (empty: none). A log without it excludes nothing.
pub const EXCLUDED: &str = "excluded";

/// The raw fields of one row; an empty slice is an absent value.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Fields<'a> {
    pub cols: [&'a [u8]; 10],
    /// The `excluded` column, empty when the log has none.
    pub excluded: &'a [u8],
}

impl<'a> Fields<'a> {
    /// A row as the log readers give it: the columns of [`COLUMNS`], then
    /// `excluded`.
    pub fn of_row([a, b, c, d, e, f, g, h, i, j, excluded]: [&'a [u8]; 11]) -> Fields<'a> {
        Fields {
            cols: [a, b, c, d, e, f, g, h, i, j],
            excluded,
        }
    }

    /// The `id`, trimmed.
    pub fn id(&self) -> &'a [u8] {
        self.cols[0].trim_ascii()
    }
}

/// A valid ticket, ready to be measured. Times are UTC milliseconds.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Ticket {
    /// Index into the contract's priorities.
    pub priority: usize,
    /// Index into the contract's channels.
    pub channel: usize,
    pub received: i64,
    pub response: Option<i64>,
    pub resolved: Option<i64>,
    pub workaround: Option<i64>,
    pub first_contact_resolved: Option<bool>,
    pub csat: Option<u32>,
    /// The index of the contract's exclusion clause the row names in
    /// `excluded`: the ticket leaves attainment and is counted under it.
    pub excluded: Option<usize>,
}

/// What a row is checked against, prepared once from the contract.
#[derive(Debug)]
pub(crate) struct RowRules {
    priorities: NameIndex,
    channels: NameIndex,
    /// The CSAT scale `low..=high`, when the contract has a CSAT target.
    scale: Option<(u32, u32)>,
    /// The ids of the contract's exclusion clauses, in declaration order.
    clauses: Vec<String>,
    /// How the row's times are read (`--zone`, `--excel-dates`).
    times: LogTimes,
}

impl RowRules {
    pub fn new(contract: &Contract, times: LogTimes) -> RowRules {
        RowRules {
            priorities: NameIndex::new(
                contract
                    .priorities
                    .iter()
                    .map(|p| (p.id.as_str(), p.aka.as_slice())),
            ),
            channels: NameIndex::new(
                contract
                    .channels
                    .iter()
                    .map(|c| (c.id.as_str(), c.aka.as_slice())),
            ),
            scale: contract.csat.as_ref().map(|c| c.scale),
            clauses: clause_ids(contract),
            times,
        }
    }

    /// `excluded`: empty, or the id of one of the contract's clauses.
    fn excluded(&self, bytes: &[u8]) -> Result<Option<usize>, SkipReason> {
        let bytes = trim(bytes);
        if bytes.is_empty() {
            return Ok(None);
        }
        if let Some(i) = self.clauses.iter().position(|c| c.as_bytes() == bytes) {
            return Ok(Some(i));
        }
        let text = String::from_utf8_lossy(bytes);
        let suggestion =
            crate::diagnostic::did_you_mean(&text, self.clauses.iter().map(String::as_str))
                .map(str::to_string);
        Err(SkipReason::UnknownClause {
            text: shown(bytes),
            suggestion,
            clauses: self.clauses.clone(),
        })
    }
}

/// The ids of a contract's exclusion clauses, in declaration order.
pub(crate) fn clause_ids(contract: &Contract) -> Vec<String> {
    contract
        .exclusions
        .iter()
        .flat_map(|e| &e.clauses)
        .map(|c| c.id.as_str().to_string())
        .collect()
}

pub(crate) fn shown(bytes: &[u8]) -> String {
    let text = String::from_utf8_lossy(bytes);
    let mut short: String = text.chars().take(60).collect();
    if short.len() < text.len() {
        short.push('…');
    }
    short
}

fn trim(bytes: &[u8]) -> &[u8] {
    bytes.trim_ascii()
}

/// A time field of a log row: `None` when empty, or why it is not a time.
pub(crate) fn time(
    times: &LogTimes,
    column: &'static str,
    bytes: &[u8],
) -> Result<Option<i64>, SkipReason> {
    let bytes = trim(bytes);
    if bytes.is_empty() {
        return Ok(None);
    }
    times
        .millis(bytes)
        .map(Some)
        .map_err(|why| SkipReason::BadTime {
            column,
            text: shown(bytes),
            why,
        })
}

fn boolean(bytes: &[u8]) -> Result<Option<bool>, SkipReason> {
    let bytes = trim(bytes);
    if bytes.is_empty() {
        Ok(None)
    } else if bytes.eq_ignore_ascii_case(b"true") {
        Ok(Some(true))
    } else if bytes.eq_ignore_ascii_case(b"false") {
        Ok(Some(false))
    } else {
        Err(SkipReason::NotBoolean {
            column: "first_contact_resolved",
            text: shown(bytes),
        })
    }
}

fn rating(bytes: &[u8], scale: Option<(u32, u32)>) -> Result<Option<u32>, SkipReason> {
    let bytes = trim(bytes);
    if bytes.is_empty() {
        return Ok(None);
    }
    let value = std::str::from_utf8(bytes)
        .ok()
        .filter(|s| s.bytes().all(|b| b.is_ascii_digit()))
        .and_then(|s| s.parse::<u32>().ok());
    let Some(value) = value else {
        return Err(SkipReason::NotRating { text: shown(bytes) });
    };
    match scale {
        Some((low, high)) if value < low || value > high => {
            Err(SkipReason::OutsideScale { value, low, high })
        }
        _ => Ok(Some(value)),
    }
}

/// `FROM/TO;FROM/TO`: each pause two times, not reversed.
fn pauses(times: &LogTimes, bytes: &[u8], out: &mut Vec<(i64, i64)>) -> Result<(), SkipReason> {
    out.clear();
    for part in trim(bytes).split(|&b| b == b';') {
        let part = trim(part);
        if part.is_empty() {
            continue;
        }
        let mut ends = part.splitn(2, |&b| b == b'/');
        let (Some(from), Some(to)) = (ends.next(), ends.next()) else {
            return Err(SkipReason::PauseShape { text: shown(part) });
        };
        let empty = |end| SkipReason::PauseEmpty { end };
        let from = time(times, "paused", from)?.ok_or_else(|| empty(PauseEnd::From))?;
        let to = time(times, "paused", to)?.ok_or_else(|| empty(PauseEnd::To))?;
        if to < from {
            return Err(SkipReason::PauseReversed { text: shown(part) });
        }
        out.push((from, to));
    }
    Ok(())
}

impl RowRules {
    /// Checks one row; its pauses go to `paused` (cleared first).
    pub fn ticket(
        &self,
        f: &Fields<'_>,
        paused: &mut Vec<(i64, i64)>,
    ) -> Result<Ticket, SkipReason> {
        let empty = |column| SkipReason::Empty { column };
        let [id, priority, channel, received, response, resolved, workaround, fcr, csat, pause] =
            f.cols.map(trim);
        if id.is_empty() {
            return Err(empty("id"));
        }
        let priority = match self.priorities.find(priority) {
            Some(i) => i,
            None if priority.is_empty() => return Err(empty("priority")),
            None => {
                let text = String::from_utf8_lossy(priority);
                let suggestion = crate::diagnostic::did_you_mean(&text, self.priorities.ids())
                    .map(str::to_string);
                return Err(SkipReason::UnknownName {
                    column: "priority",
                    text: shown(priority),
                    suggestion,
                });
            }
        };
        let channel = match self.channels.find(channel) {
            Some(i) => i,
            None if channel.is_empty() => return Err(empty("channel")),
            None => {
                let text = String::from_utf8_lossy(channel);
                let suggestion =
                    crate::diagnostic::did_you_mean(&text, self.channels.ids()).map(str::to_string);
                return Err(SkipReason::UnknownName {
                    column: "channel",
                    text: shown(channel),
                    suggestion,
                });
            }
        };
        let t = &self.times;
        let received = time(t, "received_at", received)?.ok_or_else(|| empty("received_at"))?;
        let response = time(t, "first_response_at", response)?;
        let resolved = time(t, "resolved_at", resolved)?;
        let workaround = time(t, "workaround_at", workaround)?;
        for (name, at) in [
            ("first_response_at", response),
            ("resolved_at", resolved),
            ("workaround_at", workaround),
        ] {
            if at.is_some_and(|at| at < received) {
                return Err(SkipReason::BeforeReceived { column: name });
            }
        }
        let first_contact_resolved = boolean(fcr)?;
        let csat = rating(csat, self.scale)?;
        pauses(t, pause, paused)?;
        let excluded = self.excluded(f.excluded)?;
        Ok(Ticket {
            priority,
            channel,
            received,
            response,
            resolved,
            workaround,
            first_contact_resolved,
            csat,
            excluded,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::example::acme;

    fn row<'a>(cols: [&'a str; 10]) -> Fields<'a> {
        Fields {
            cols: cols.map(str::as_bytes),
            excluded: b"",
        }
    }

    /// The row's ticket, or its reason in English words.
    fn check(cols: [&str; 10]) -> Result<Ticket, String> {
        RowRules::new(&acme(), LogTimes::default())
            .ticket(&row(cols), &mut Vec::new())
            .map_err(|e| e.to_string())
    }

    const GOOD: [&str; 10] = [
        "T1",
        "P2",
        "email",
        "2027-03-01T09:00:00+08:00",
        "2027-03-01T09:30:00+08:00",
        "",
        "",
        "true",
        "5",
        "2027-03-01T10:00:00+08:00/2027-03-01T11:00:00+08:00",
    ];

    #[test]
    fn a_good_row_is_a_ticket() {
        let t = check(GOOD).unwrap();
        assert_eq!(t.priority, 1);
        assert_eq!(t.response.unwrap() - t.received, 30 * 60_000);
        assert_eq!(t.first_contact_resolved, Some(true));
        assert_eq!(t.csat, Some(5));
    }

    #[test]
    fn another_priority_number_is_not_suggested() {
        let mut cols = GOOD;
        cols[1] = "P5";
        let reason = check(cols).unwrap_err();
        assert_eq!(reason, "unknown priority `P5`");
        cols[1] = "Pl";
        let reason = check(cols).unwrap_err();
        assert_eq!(reason, "unknown priority `Pl`; did you mean `P1`?");
    }

    #[test]
    fn each_bad_field_has_its_reason() {
        let cases: [(usize, &str, &str); 10] = [
            (1, "P9", "unknown priority `P9`"),
            (1, "P2-", "did you mean `P2`?"),
            (2, "fax", "unknown channel `fax`"),
            (
                3,
                "2027-03-01 9:00",
                "received_at `2027-03-01 9:00` has no offset (pass --zone",
            ),
            (3, "2027-03-01", "received_at `2027-03-01` is not a time"),
            (
                4,
                "2027-03-01T08:00:00+08:00",
                "first_response_at is before received_at",
            ),
            (
                7,
                "yes",
                "first_contact_resolved `yes` is not `true` or `false`",
            ),
            (8, "6", "csat 6 is outside the contract's scale 1..5"),
            (8, "4.5", "csat `4.5` is not a whole-number rating"),
            (
                9,
                "2027-03-01T11:00:00+08:00/2027-03-01T10:00:00+08:00",
                "ends before it starts",
            ),
        ];
        for (col, value, reason) in cases {
            let mut cols = GOOD;
            cols[col] = value;
            let e = check(cols).unwrap_err();
            assert!(e.contains(reason), "{value}: {e}");
        }
    }
}
