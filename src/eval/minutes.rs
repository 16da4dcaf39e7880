//! The open-time minutes of one (period, priority, target), kept for its
//! exact nearest-rank p50 and p90 in memory that does not grow with the
//! log.
//!
//! Exact percentiles need every value (no one-pass method selects the
//! median of n values in less than n memory), so the values are kept, 4
//! bytes each, but not all in memory: once the accumulators hold
//! [`SPILL_AT`] values between them, each writes its values to one shared
//! temporary file ([`Spill`]: unnamed, in the system's temporary folder,
//! gone when eval ends, however it ends) and starts again empty. The file
//! grows by 4 bytes a ticket and target; memory stays at the budget.
//!
//! An accumulator that never spilled selects in memory
//! (`select_nth_unstable`); so does one that spilled but has no more
//! values than the budget, after reading them back. A larger one reads its
//! values back twice: a count of the upper 16 bits of each value's order
//! key finds the bucket of the rank, a count of the lower 16 bits within
//! that bucket finds the value. All give the value at the rank in
//! `f32::total_cmp`'s order, so the report does not depend on whether, or
//! when, anything spilled.
//!
//! When the file cannot be made or written, the values stay in memory:
//! the report is the same, only larger in memory.

use super::compliance::round2;
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom, Write};

/// Values held in memory by all accumulators together before they spill
/// (1 MiB of `f32`).
pub(super) const SPILL_AT: usize = 1 << 18;

/// The temporary file the accumulators spill to, and how much they hold.
pub(super) struct Spill {
    /// Values held in memory before they spill.
    budget: usize,
    /// Made at the first spill.
    file: Option<File>,
    /// The file's length: where the next segment goes.
    end: u64,
    /// Values held in memory by all accumulators.
    held: usize,
    /// The file could not be made or written: keep everything in memory.
    unavailable: bool,
    /// The bytes of one segment, reused.
    bytes: Vec<u8>,
}

impl Default for Spill {
    fn default() -> Spill {
        Spill::with_budget(SPILL_AT)
    }
}

impl Spill {
    pub(super) fn with_budget(budget: usize) -> Spill {
        Spill {
            budget,
            file: None,
            end: 0,
            held: 0,
            unavailable: false,
            bytes: Vec::new(),
        }
    }

    /// Whether the accumulators should spill now.
    pub(super) fn full(&self) -> bool {
        self.held >= self.budget && !self.unavailable
    }

    /// Writes `values` at the end of the file; `None` when the file is
    /// unavailable (the caller keeps them).
    fn write(&mut self, values: &[f32]) -> Option<Segment> {
        if self.unavailable {
            return None;
        }
        let written = self.try_write(values);
        if written.is_none() {
            // A file part-written stays as it is: no segment points there.
            self.unavailable = true;
        }
        written
    }

    fn try_write(&mut self, values: &[f32]) -> Option<Segment> {
        if self.file.is_none() {
            self.file = tempfile::tempfile().ok();
        }
        let file = self.file.as_mut()?;
        self.bytes.clear();
        self.bytes
            .extend(values.iter().flat_map(|v| v.to_le_bytes()));
        file.seek(SeekFrom::Start(self.end)).ok()?;
        file.write_all(&self.bytes).ok()?;
        let segment = Segment {
            offset: self.end,
            len: values.len(),
        };
        self.end += self.bytes.len() as u64;
        Some(segment)
    }
}

/// Values written to the spill file: `len` of them from byte `offset`.
#[derive(Debug, Clone, Copy)]
struct Segment {
    offset: u64,
    len: usize,
}

/// One accumulator's minutes: those in memory and those spilled.
#[derive(Default)]
pub(super) struct Minutes {
    held: Vec<f32>,
    spilled: Vec<Segment>,
    count: usize,
}

/// Values read back from the spill file at a time (256 KiB).
const READ_CHUNK: usize = 1 << 16;

/// Buckets of one 16-bit half of an order key.
const BUCKETS: usize = 1 << 16;

impl Minutes {
    pub(super) fn push(&mut self, minutes: f32, spill: &mut Spill) {
        self.held.push(minutes);
        self.count += 1;
        spill.held += 1;
    }

    /// Moves the values held in memory to the spill file, and gives their
    /// memory back.
    pub(super) fn spill(&mut self, spill: &mut Spill) {
        if self.held.is_empty() {
            return;
        }
        if let Some(segment) = spill.write(&self.held) {
            spill.held -= self.held.len();
            self.spilled.push(segment);
            self.held = Vec::new();
        }
    }

    /// Nearest-rank percentiles `ps` (each the value at rank ⌈p/100 · n⌉ of
    /// the sorted values, 1-based), rounded to hundredths; `None` each
    /// without values.
    pub(super) fn percentiles<const N: usize>(
        &mut self,
        ps: [u32; N],
        spill: &mut Spill,
    ) -> io::Result<[Option<f64>; N]> {
        let n = self.count;
        if n == 0 {
            return Ok([None; N]);
        }
        let ranks = ps.map(|p| (p as usize * n).div_ceil(100).max(1));
        let values = if self.spilled.is_empty() {
            select_in_memory(&mut self.held, ranks)
        } else if n <= spill.budget {
            // Fits the budget: read it back and select in memory, once.
            let mut all = Vec::with_capacity(n);
            self.for_each_value(spill, |v| all.push(v))?;
            select_in_memory(&mut all, ranks)
        } else {
            self.select_spilled(ranks, spill)?
        };
        Ok(values.map(|v| Some(round2(f64::from(v)))))
    }

    /// The values at 1-based `ranks`, in two passes over all the values.
    fn select_spilled<const N: usize>(
        &self,
        ranks: [usize; N],
        spill: &mut Spill,
    ) -> io::Result<[f32; N]> {
        let mut upper = vec![0usize; BUCKETS];
        self.for_each_value(spill, |v| {
            if let Some(c) = upper.get_mut((key(v) >> 16) as usize) {
                *c += 1;
            }
        })?;
        // The upper half of each rank's key, and the rank within it.
        let found = ranks.map(|rank| bucket_of(&upper, rank));
        let mut lower = vec![vec![0usize; BUCKETS]; N];
        self.for_each_value(spill, |v| {
            let key = key(v);
            for ((hi, _), counts) in found.iter().zip(lower.iter_mut()) {
                if key >> 16 == *hi as u32 {
                    if let Some(c) = counts.get_mut((key & 0xFFFF) as usize) {
                        *c += 1;
                    }
                }
            }
        })?;
        let mut values = [0.0; N];
        for ((value, (hi, rank)), counts) in values.iter_mut().zip(found).zip(&lower) {
            let (lo, _) = bucket_of(counts, rank);
            *value = from_key(((hi as u32) << 16) | lo as u32);
        }
        Ok(values)
    }

    /// Calls `f` with every value, held or spilled.
    fn for_each_value(&self, spill: &mut Spill, mut f: impl FnMut(f32)) -> io::Result<()> {
        self.held.iter().for_each(|v| f(*v));
        if self.spilled.is_empty() {
            return Ok(());
        }
        let Some(file) = spill.file.as_mut() else {
            return Err(io::Error::other("the spill file is gone"));
        };
        let mut bytes = vec![0u8; READ_CHUNK * 4];
        for segment in &self.spilled {
            file.seek(SeekFrom::Start(segment.offset))?;
            let mut left = segment.len;
            while left > 0 {
                let take = left.min(READ_CHUNK);
                let Some(chunk) = bytes.get_mut(..take * 4) else {
                    return Err(io::Error::other("a read past the buffer"));
                };
                file.read_exact(chunk)?;
                for word in chunk.chunks_exact(4) {
                    if let Ok(word) = <[u8; 4]>::try_from(word) {
                        f(f32::from_le_bytes(word));
                    }
                }
                left -= take;
            }
        }
        Ok(())
    }
}

/// The values at 1-based `ranks` (each ≤ `values.len()`), reordering
/// `values`.
fn select_in_memory<const N: usize>(values: &mut [f32], ranks: [usize; N]) -> [f32; N] {
    ranks.map(|rank| {
        let (_, v, _) = values.select_nth_unstable_by(rank - 1, f32::total_cmp);
        *v
    })
}

/// The bucket where the 1-based `rank` falls, and the rank within it.
fn bucket_of(counts: &[usize], rank: usize) -> (usize, usize) {
    let mut below = 0;
    for (bucket, &count) in counts.iter().enumerate() {
        if below + count >= rank {
            return (bucket, rank - below);
        }
        below += count;
    }
    // Unreachable while rank ≤ the count of values; the last bucket then.
    (counts.len().saturating_sub(1), 1)
}

/// A `u32` whose order is `f32::total_cmp`'s: negative values with every
/// bit flipped, the others with the sign bit set.
fn key(v: f32) -> u32 {
    let bits = v.to_bits();
    if bits >> 31 == 1 {
        !bits
    } else {
        bits | 0x8000_0000
    }
}

fn from_key(key: u32) -> f32 {
    if key >> 31 == 1 {
        f32::from_bits(key & 0x7FFF_FFFF)
    } else {
        f32::from_bits(!key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn minutes(values: &[f32], spill: &mut Spill, spill_every: usize) -> Minutes {
        let mut m = Minutes::default();
        for (i, v) in values.iter().enumerate() {
            m.push(*v, spill);
            if spill_every > 0 && (i + 1) % spill_every == 0 {
                m.spill(spill);
            }
        }
        m
    }

    #[test]
    fn the_order_key_is_total_cmp() {
        let mut values = [
            -1.5f32,
            0.0,
            -0.0,
            3.25,
            f32::MAX,
            f32::MIN,
            1e-40,
            f32::INFINITY,
            7.0,
        ];
        for v in values {
            assert_eq!(from_key(key(v)).to_bits(), v.to_bits());
        }
        let mut by_key = values;
        by_key.sort_by_key(|v| key(*v));
        values.sort_by(f32::total_cmp);
        assert_eq!(by_key.map(f32::to_bits), values.map(f32::to_bits));
    }

    #[test]
    fn nearest_rank_in_memory() {
        let mut spill = Spill::default();
        let mut m = minutes(
            &[5.0, 1.0, 9.0, 3.0, 7.0, 2.0, 8.0, 4.0, 6.0, 10.0],
            &mut spill,
            0,
        );
        assert_eq!(
            m.percentiles([50, 90], &mut spill).ok(),
            Some([Some(5.0), Some(9.0)])
        );
        let mut one = minutes(&[7.5], &mut spill, 0);
        assert_eq!(
            one.percentiles([50, 90], &mut spill).ok(),
            Some([Some(7.5), Some(7.5)])
        );
        let descending: Vec<f32> = (1..=11).rev().map(|x| x as f32).collect();
        let mut m = minutes(&descending, &mut spill, 0);
        assert_eq!(
            m.percentiles([50, 90], &mut spill).ok(),
            Some([Some(6.0), Some(10.0)])
        );
        let mut none = Minutes::default();
        assert_eq!(
            none.percentiles([50, 90], &mut spill).ok(),
            Some([None, None])
        );
    }

    #[test]
    fn spilled_values_give_the_same_percentiles() {
        // Values with many repeats and close neighbours, in no order.
        let values: Vec<f32> = (0u32..20_000)
            .map(|i| ((i.wrapping_mul(2_654_435_761) >> 7) % 9_000) as f32 / 7.0)
            .collect();
        let ps = [0, 1, 50, 90, 99, 100];
        let mut spill = Spill::default();
        let expected = minutes(&values, &mut spill, 0)
            .percentiles(ps, &mut spill)
            .ok();
        // Read back whole (within the budget) and by counting (beyond it).
        for budget in [SPILL_AT, 1_000] {
            for every in [1, 333, 4_096, 19_999] {
                let mut spill = Spill::with_budget(budget);
                let mut m = minutes(&values, &mut spill, every);
                assert!(!m.spilled.is_empty(), "spilled every {every}");
                assert_eq!(
                    m.percentiles(ps, &mut spill).ok(),
                    expected,
                    "budget {budget}, spilled every {every}"
                );
            }
        }
    }

    #[test]
    fn spilling_gives_the_memory_back() {
        let mut spill = Spill::default();
        let mut m = minutes(&[1.0; 1000], &mut spill, 0);
        assert_eq!(spill.held, 1000);
        m.spill(&mut spill);
        assert_eq!((spill.held, m.held.capacity()), (0, 0));
        assert_eq!(spill.end, 4000);
    }

    #[test]
    fn without_a_file_the_values_stay_in_memory() {
        let mut spill = Spill {
            unavailable: true,
            ..Spill::default()
        };
        let mut m = minutes(&[3.0, 1.0, 2.0], &mut spill, 1);
        assert!(m.spilled.is_empty());
        assert!(!spill.full());
        assert_eq!(m.percentiles([50], &mut spill).ok(), Some([Some(2.0)]));
    }
}
