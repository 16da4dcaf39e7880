//! The ids a log has already seen, kept as 64-bit hashes: memory grows by
//! about 9 bytes an id whatever the ids' length (a `HashSet<u64>`: the
//! hash and a control byte a slot), never by the id strings.
//!
//! Two different ids share a hash with probability about n² / 2⁶⁵ for n
//! ids: 3 × 10⁻⁸ for a million tickets, 3 × 10⁻⁴ for a hundred million.
//! Such a collision would report a unique row as a duplicate; docs/eval.md
//! says so.
//!
//! The hash is taken on the reader thread ([`IdHash::of`]) and the set is
//! kept on the measuring one ([`SeenIds::first_time`]): its inserts are
//! cache misses into a table of megabytes, and the reader is the busier of
//! the two threads.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hash, Hasher};

/// An id hashed to 64 bits: the standard library's SipHash-1-3 with its
/// fixed keys (`DefaultHasher::new`), so a run gives the same answer every
/// time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct IdHash(u64);

impl IdHash {
    pub fn of(id: &[u8]) -> IdHash {
        let mut hasher = std::hash::DefaultHasher::new();
        id.hash(&mut hasher);
        IdHash(hasher.finish())
    }
}

/// The set's own hasher: its keys are hashes already, so it passes them on.
#[derive(Default)]
struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// The ids seen so far.
#[derive(Default)]
pub(crate) struct SeenIds {
    hashes: HashSet<u64, BuildHasherDefault<PassThrough>>,
}

impl SeenIds {
    /// True the first time an id is given, false for each later time.
    pub fn first_time(&mut self, id: IdHash) -> bool {
        self.hashes.insert(id.0)
    }

    /// Bytes the set holds on the heap: a hash and a control byte a slot.
    #[cfg(test)]
    fn heap_bytes(&self) -> usize {
        self.hashes.capacity() * (std::mem::size_of::<u64>() + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_later_of_two_equal_ids_is_the_duplicate() {
        let mut seen = SeenIds::default();
        assert!(seen.first_time(IdHash::of(b"T1")));
        assert!(seen.first_time(IdHash::of(b"T2")));
        assert!(!seen.first_time(IdHash::of(b"T1")));
        assert!(!seen.first_time(IdHash::of(b"T1")));
        assert!(seen.first_time(IdHash::of(b"t1")));
    }

    #[test]
    fn a_million_long_ids_cost_their_hashes_not_their_text() {
        // 1M distinct ids of 100 bytes: 100 MB of text, kept as ~18 MB of
        // hashes (9 bytes a slot, the table at most half empty).
        let mut seen = SeenIds::default();
        let pad = "x".repeat(92);
        let mut text_bytes = 0usize;
        for i in 0..1_000_000u32 {
            let id = format!("{pad}{i:08}");
            text_bytes += id.len();
            assert!(seen.first_time(IdHash::of(id.as_bytes())), "{i}");
        }
        assert_eq!(text_bytes, 100_000_000);
        assert!(
            seen.heap_bytes() <= 2_usize.pow(21) * 9,
            "{} bytes",
            seen.heap_bytes()
        );
        assert!(!seen.first_time(IdHash::of(format!("{pad}{:08}", 999_999).as_bytes())));
    }
}
