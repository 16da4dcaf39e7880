//! The ids a log has already seen, kept as 64-bit hashes: memory grows by
//! about 9 bytes an id whatever the ids' length (a `HashSet<u64>`: the
//! hash and a control byte a slot), never by the id strings.
//!
//! Two different ids share a hash with probability about n² / 2⁶⁵ for n
//! ids: 3 × 10⁻⁸ for a million tickets, 3 × 10⁻⁴ for a hundred million.
//! Such a collision would report a unique row as a duplicate; docs/eval.md
//! says so.
//!
//! **Ids in order take no set.** While each id comes after the one before
//! it in a total order (shorter first, then byte by byte: `T9` before
//! `T10`, numeric ids sort as numbers), no id can repeat an earlier one, so
//! only the last id is compared and the hashes are appended to a `Vec`
//! (sequential writes, 8 bytes an id) instead of a random probe into a
//! table of megabytes per ticket. The first id out of that order builds the
//! set from the `Vec` once, and from there on every id goes through the
//! set as it would have from the start: the same answer for every log.
//!
//! The hash is taken on the reader thread ([`IdHash::of`]) and the set is
//! kept on the measuring one ([`SeenIds::first_time`]).

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
pub(crate) struct SeenIds {
    seen: Seen,
}

enum Seen {
    /// Every id so far came after the one before it: `last` is the last
    /// one, `hashes` the hashes of all of them.
    InOrder { last: Vec<u8>, hashes: Vec<u64> },
    /// An id came out of order: every id's hash is in the set.
    Hashed(HashSet<u64, BuildHasherDefault<PassThrough>>),
}

impl Default for SeenIds {
    fn default() -> SeenIds {
        SeenIds {
            seen: Seen::InOrder {
                last: Vec::new(),
                hashes: Vec::new(),
            },
        }
    }
}

/// `id` comes after `last`: shorter ids first, then byte by byte. The
/// empty `last` (before the first id) comes before every id.
fn comes_after(id: &[u8], last: &[u8]) -> bool {
    (id.len(), id) > (last.len(), last)
}

impl SeenIds {
    /// True the first time an id is given, false for each later time;
    /// `hash` is the id's [`IdHash`].
    pub fn first_time(&mut self, id: &[u8], hash: IdHash) -> bool {
        match &mut self.seen {
            Seen::InOrder { last, hashes } if comes_after(id, last) => {
                last.clear();
                last.extend_from_slice(id);
                hashes.push(hash.0);
                true
            }
            Seen::InOrder { hashes, .. } => {
                let mut set = HashSet::with_capacity_and_hasher(
                    hashes.len().saturating_mul(2),
                    BuildHasherDefault::default(),
                );
                set.extend(hashes.iter().copied());
                let first = set.insert(hash.0);
                self.seen = Seen::Hashed(set);
                first
            }
            Seen::Hashed(set) => set.insert(hash.0),
        }
    }

    /// True while every id so far came in order (no set was built).
    #[cfg(test)]
    fn in_order(&self) -> bool {
        matches!(self.seen, Seen::InOrder { .. })
    }

    /// Bytes the set (or the hashes in order) hold on the heap: a hash and
    /// a control byte a slot.
    #[cfg(test)]
    fn heap_bytes(&self) -> usize {
        match &self.seen {
            Seen::InOrder { last, hashes } => {
                last.capacity() + hashes.capacity() * std::mem::size_of::<u64>()
            }
            Seen::Hashed(set) => set.capacity() * (std::mem::size_of::<u64>() + 1),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(seen: &mut SeenIds, id: &str) -> bool {
        seen.first_time(id.as_bytes(), IdHash::of(id.as_bytes()))
    }

    #[test]
    fn the_later_of_two_equal_ids_is_the_duplicate() {
        let mut seen = SeenIds::default();
        assert!(first(&mut seen, "T1"));
        assert!(first(&mut seen, "T2"));
        assert!(!first(&mut seen, "T1"));
        assert!(!first(&mut seen, "T1"));
        assert!(first(&mut seen, "t1"));
    }

    #[test]
    fn numeric_ids_of_growing_length_stay_in_order() {
        let mut seen = SeenIds::default();
        for id in ["T8", "T9", "T10", "T11", "T99", "T100"] {
            assert!(first(&mut seen, id), "{id}");
        }
        assert!(seen.in_order());
        // `7` is shorter than `T100`: out of order, into the set.
        assert!(first(&mut seen, "7"));
        assert!(!seen.in_order());
        assert!(first(&mut seen, "8"));
        assert!(!first(&mut seen, "T10"));
    }

    #[test]
    fn an_id_equal_to_the_last_is_a_duplicate_and_leaves_the_order() {
        let mut seen = SeenIds::default();
        assert!(first(&mut seen, "T1"));
        assert!(first(&mut seen, "T2"));
        assert!(!first(&mut seen, "T2"));
        assert!(!seen.in_order());
        assert!(!first(&mut seen, "T1"));
        assert!(first(&mut seen, "T3"));
    }

    #[test]
    fn ids_out_of_order_after_a_sorted_prefix_keep_every_earlier_id() {
        let mut seen = SeenIds::default();
        for i in 0..1000 {
            assert!(first(&mut seen, &format!("T{i}")), "{i}");
        }
        assert!(seen.in_order());
        // The switch: an id before the last; then a duplicate right after
        // it, of the switching id and of one from the sorted prefix.
        assert!(first(&mut seen, "T5000"));
        assert!(first(&mut seen, "A1"));
        assert!(!seen.in_order());
        assert!(!first(&mut seen, "A1"));
        assert!(!first(&mut seen, "T0"));
        assert!(!first(&mut seen, "T999"));
        assert!(!first(&mut seen, "T5000"));
        assert!(first(&mut seen, "T1000"));
    }

    #[test]
    fn a_shuffled_log_gives_the_answers_of_a_sorted_one() {
        // The ids 0..500 twice, in a scrambled order: each is new the
        // first time it comes, a duplicate the second.
        let mut seen = SeenIds::default();
        let mut met = std::collections::HashSet::new();
        for k in 0..1000u64 {
            let id = format!("{}", (k * 7919) % 1000 % 500);
            assert_eq!(first(&mut seen, &id), met.insert(id.clone()), "{k}");
        }
        assert_eq!(met.len(), 500);
    }

    #[test]
    fn a_million_long_ids_cost_their_hashes_not_their_text() {
        // 1M distinct ids of 100 bytes: 100 MB of text, kept as ~18 MB of
        // hashes (9 bytes a slot, the table at most half empty) out of
        // order, as 8 bytes an id (a `Vec` at most half empty) in order.
        let pad = "x".repeat(92);
        let ids = |i: u64| format!("{pad}{i:08}");
        let mut sorted = SeenIds::default();
        let mut scrambled = SeenIds::default();
        let mut text_bytes = 0usize;
        for i in 0..1_000_000u64 {
            let id = ids(i);
            text_bytes += id.len();
            assert!(first(&mut sorted, &id), "{i}");
            assert!(first(&mut scrambled, &ids(i * 7919 % 1_000_000)), "{i}");
        }
        assert_eq!(text_bytes, 100_000_000);
        assert!(sorted.in_order());
        assert!(!scrambled.in_order());
        for seen in [&sorted, &scrambled] {
            assert!(
                seen.heap_bytes() <= 2_usize.pow(21) * 9,
                "{} bytes",
                seen.heap_bytes()
            );
        }
        assert!(!first(&mut sorted, &ids(999_999)));
        assert!(!first(&mut scrambled, &ids(999_999)));
    }
}
