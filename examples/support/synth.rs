//! A deterministic generator of realistic ticket logs, for the benchmark,
//! `examples/gen_tickets.rs` and `tests/eval.rs`. Dev-only: each of them
//! includes this file (`#[path]`), so it is no part of the library's API.
//!
//! Tickets arrive through one year in receipt order, priorities weighted
//! towards the less severe, response and resolution delays drawn from
//! exponential distributions scaled per priority (so most targets are met
//! and a tail is late), a few tickets unanswered, workarounds, pauses,
//! first-contact answers and ratings on the contract's scale.

use chrono::{DateTime, SecondsFormat, Utc};
use chrono_tz::Tz;
use slac::model::Contract;
use std::io::{self, Write};

/// xorshift64*: small, fast, and the same sequence everywhere (tests that
/// generate beside a log seed one with an odd number, as `write_csv` does).
pub struct Rng(pub u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.unit() * n as f64) as usize
    }

    /// Exponential with the given mean.
    fn exp(&mut self, mean: f64) -> f64 {
        -mean * (1.0 - self.unit()).ln()
    }
}

fn time(ms: i64, zone: Tz) -> String {
    DateTime::<Utc>::from_timestamp_millis(ms)
        .map(|t| {
            t.with_timezone(&zone)
                .to_rfc3339_opts(SecondsFormat::AutoSi, true)
        })
        .unwrap_or_default()
}

/// The first instant of the log and its length in milliseconds.
fn span(contract: &Contract, zone: Tz) -> (i64, i64) {
    use chrono::{NaiveDate, TimeZone};
    let one_am = |date: NaiveDate| {
        zone.from_local_datetime(&date.and_hms_opt(1, 0, 0)?)
            .earliest()
            .map(|t| t.timestamp_millis())
    };
    let effective = contract.effective.as_ref();
    let from = effective
        .and_then(|e| e.from.value().copied())
        .or(NaiveDate::from_ymd_opt(2027, 1, 1));
    let Some(start) = from.and_then(one_am) else {
        return (1_798_761_600_000, 365 * 86_400_000); // 2027 in UTC
    };
    let end = effective
        .and_then(|e| e.to.as_ref())
        .and_then(|t| t.value())
        .and_then(|&d| one_am(d.succ_opt()?));
    let year = 365 * 86_400_000;
    // An hour is kept clear of the end (the start is 01:00 local).
    (
        start,
        end.map_or(year, |end| (end - start - 3_600_000).min(year)),
    )
}

/// Writes a CSV log of `n` tickets received through a year of the
/// contract's effective period (its priorities and channels, its zone's
/// offsets).
pub fn write_csv<W: Write>(contract: &Contract, n: usize, seed: u64, out: W) -> io::Result<()> {
    let mut out = io::BufWriter::with_capacity(1 << 16, out);
    let mut rng = Rng(seed | 1);
    let zone = contract.timezone.unwrap_or(Tz::UTC);
    let priorities: Vec<&str> = contract.priorities.iter().map(|p| p.id.as_str()).collect();
    let channels: Vec<&str> = contract.channels.iter().map(|c| c.id.as_str()).collect();
    // Weights by rank: 5%, 20%, 45%, 30% for four priorities.
    let weights = [0.05, 0.25, 0.70, 1.0];
    // Mean response and resolution delays in minutes, by rank.
    let response_mean = [6.0, 45.0, 240.0, 900.0];
    let resolution_mean = [120.0, 900.0, 2400.0, 5000.0];
    let (low, high) = contract.csat.as_ref().map_or((1, 5), |c| c.scale);
    // One year from the contract's effective start (2027-01-01 without
    // one), cut short by its end: tickets outside it are not evaluated.
    let (start, year) = span(contract, zone);
    writeln!(out, "{}", slac::eval::COLUMNS.join(","))?;
    for i in 0..n {
        let u = rng.unit();
        let rank = weights.iter().position(|w| u < *w).unwrap_or(3);
        let p = priorities.get(rank.min(priorities.len().saturating_sub(1)));
        let rank = rank.min(3);
        let channel = channels.get(rng.below(channels.len()));
        let received = start + (i as i64 * year) / n.max(1) as i64 + rng.below(60_000) as i64;
        let minutes = |m: f64| (m * 60_000.0) as i64;
        let response = (rng.unit() > 0.02)
            .then(|| received + minutes(rng.exp(response_mean.get(rank).copied().unwrap_or(60.0))));
        let resolution_at =
            received + minutes(rng.exp(resolution_mean.get(rank).copied().unwrap_or(600.0)));
        let resolved = (rng.unit() > 0.04).then_some(resolution_at);
        let workaround = (rng.unit() < 0.25).then(|| {
            received + minutes(rng.exp(resolution_mean.get(rank).copied().unwrap_or(600.0) / 3.0))
        });
        let paused = if rng.unit() < 0.1 {
            let from = received + minutes(rng.exp(60.0));
            let to = from + minutes(rng.exp(240.0));
            format!("{}/{}", time(from, zone), time(to, zone))
        } else {
            String::new()
        };
        let fcr = match rng.below(20) {
            0 => "",
            1..=5 => "false",
            _ => "true",
        };
        let csat = if rng.unit() < 0.3 {
            // Skewed towards the top of the scale.
            let span = f64::from(high - low + 1);
            let r = high - ((rng.unit() * rng.unit() * span) as u32).min(high - low);
            r.to_string()
        } else {
            String::new()
        };
        let opt = |t: Option<i64>| t.map(|t| time(t, zone)).unwrap_or_default();
        writeln!(
            out,
            "T{i},{},{},{},{},{},{},{fcr},{csat},{paused}",
            p.copied().unwrap_or("P1"),
            channel.copied().unwrap_or("email"),
            time(received, zone),
            opt(response),
            opt(resolved),
            opt(workaround),
        )?;
    }
    out.flush()
}

/// Writes an outage log of `n` rows (the columns of §11) through the same
/// year as [`write_csv`]: on every channel, mostly `outage` rows of about
/// half an hour, one in ten `maintenance` announced 0–10 days before, one in
/// twenty under the contract's first exclusion clause when it has one.
#[allow(dead_code, reason = "only the benchmark writes outage logs")]
pub fn write_outages_csv<W: Write>(
    contract: &Contract,
    n: usize,
    seed: u64,
    out: W,
) -> io::Result<()> {
    let mut out = io::BufWriter::with_capacity(1 << 16, out);
    let mut rng = Rng(seed | 1);
    let zone = contract.timezone.unwrap_or(Tz::UTC);
    let channels: Vec<&str> = contract.channels.iter().map(|c| c.id.as_str()).collect();
    let clause = contract
        .exclusions
        .as_ref()
        .and_then(|e| e.clauses.first())
        .map(|c| c.id.as_str());
    let (start, year) = span(contract, zone);
    writeln!(out, "{}", slac::eval::OUTAGE_COLUMNS.join(","))?;
    for i in 0..n {
        let channel = channels.get(rng.below(channels.len()));
        let from = start + (i as i64 * year) / n.max(1) as i64 + rng.below(60_000) as i64;
        let to = from + (rng.exp(30.0) * 60_000.0) as i64 + 60_000;
        let (kind, notice) = match rng.below(20) {
            0 | 1 => {
                let notice = from - (rng.unit() * 10.0 * 86_400_000.0) as i64;
                ("maintenance", time(notice, zone))
            }
            2 => (clause.unwrap_or("outage"), String::new()),
            _ => ("outage", String::new()),
        };
        writeln!(
            out,
            "{},{},{},{kind},{notice},",
            channel.copied().unwrap_or("hotline"),
            time(from, zone),
            time(to, zone),
        )?;
    }
    out.flush()
}
