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
//! only the last id is compared. The ids seen are kept in runs: an id that
//! is the one before it counted up by one in its trailing digits (`T41`
//! after `T40`, `ZD-0100` after `ZD-0099`) only lengthens the run, so a log
//! of consecutive ids, as a ticketing system numbers them, is remembered in
//! a few bytes however long it is. A run of fewer than [`MIN_RUN`] ids after
//! its first, and the first id of every run, is kept as its hash in a `Vec`
//! (sequential writes, 8 bytes an id). The first id out of that order
//! builds the set from the runs and the hashes once, and from there on
//! every id goes through the set as it would have from the start: the same
//! answer for every log.
//!
//! Both live on the measuring thread ([`SeenIds::first_time`]), and an id
//! is hashed only when its hash is kept or looked up: the first id of a
//! run, an id in no run, every id once the set is built. A log of
//! consecutive ids hashes a few of them.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hash, Hasher};

/// An id hashed to 64 bits: the standard library's SipHash-1-3 with its
/// fixed keys (`DefaultHasher::new`), so a run gives the same answer every
/// time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct IdHash(u64);

impl IdHash {
    fn of(id: &[u8]) -> IdHash {
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

type HashedIds = HashSet<u64, BuildHasherDefault<PassThrough>>;

/// The fewest ids after its first that a run is kept as a run: a kept run
/// costs its first id's bytes and a count (about 40 bytes), as much as
/// five hashes.
const MIN_RUN: u64 = 8;

/// The ids seen so far.
pub(crate) struct SeenIds {
    seen: Seen,
}

enum Seen {
    /// Every id so far came after the one before it.
    InOrder(InOrder),
    /// An id came out of order: every id's hash is in the set.
    Hashed(HashedIds),
}

/// The ids of a log that came in order so far.
#[derive(Default)]
struct InOrder {
    /// The last id.
    last: Vec<u8>,
    /// The first id of the run that `last` ends; its hash is in `hashes`.
    run_first: Vec<u8>,
    /// How many ids followed `run_first` in its run, `last` the last of them.
    run_after: u64,
    /// The hashes of the ids that are in no kept run.
    hashes: Vec<u64>,
    /// The closed runs of at least [`MIN_RUN`] ids after their first: that
    /// first id and how many followed it.
    runs: Vec<(Box<[u8]>, u64)>,
}

impl Default for SeenIds {
    fn default() -> SeenIds {
        SeenIds {
            seen: Seen::InOrder(InOrder::default()),
        }
    }
}

/// `id` comes after `last`: shorter ids first, then byte by byte. The
/// empty `last` (before the first id) comes before every id.
fn comes_after(id: &[u8], last: &[u8]) -> bool {
    (id.len(), id) > (last.len(), last)
}

/// The place of the digit that counting `id` up by one raises: the last
/// byte that is not a `9`, when it is a digit (all after it are `9`s).
/// `None` when the count would lengthen the id (`T9`, `99`) or the id has
/// no trailing digits.
fn carry_digit(id: &[u8]) -> Option<usize> {
    let at = id.iter().rposition(|&b| b != b'9')?;
    id.get(at).is_some_and(u8::is_ascii_digit).then_some(at)
}

/// `id` is `last` counted up by one in its trailing digits, at the same
/// length: `T41` after `T40`, `A-100` after `A-099`.
fn counts_up_from(id: &[u8], last: &[u8]) -> bool {
    let Some(at) = carry_digit(last) else {
        return false;
    };
    let (Some((head, tail)), Some((last_head, last_tail))) =
        (id.split_at_checked(at), last.split_at_checked(at))
    else {
        return false;
    };
    match (tail.split_first(), last_tail.first()) {
        (Some((digit, zeros)), Some(last_digit)) => {
            id.len() == last.len()
                && head == last_head
                && *digit == last_digit + 1
                && zeros.iter().all(|&b| b == b'0')
        }
        _ => false,
    }
}

/// Counts `id` up by one in its trailing digits; false (and `id` as it
/// was) when that would lengthen it.
fn count_up(id: &mut [u8]) -> bool {
    let Some(at) = carry_digit(id) else {
        return false;
    };
    let Some((digit, nines)) = id.get_mut(at..).and_then(|t| t.split_first_mut()) else {
        return false;
    };
    *digit += 1;
    nines.fill(b'0');
    true
}

/// The hashes of the `after` ids that follow `first` in its run.
fn run_hashes(first: &[u8], after: u64) -> impl Iterator<Item = u64> {
    let mut id = first.to_vec();
    (0..after).map_while(move |_| count_up(&mut id).then(|| IdHash::of(&id).0))
}

impl InOrder {
    /// Takes `id` when it comes after the last; false (and nothing taken)
    /// when it does not.
    fn take(&mut self, id: &[u8]) -> bool {
        if counts_up_from(id, &self.last) {
            self.run_after += 1;
        } else if comes_after(id, &self.last) {
            self.close_run();
            self.run_first.clear();
            self.run_first.extend_from_slice(id);
            self.hashes.push(IdHash::of(id).0);
        } else {
            return false;
        }
        self.last.clear();
        self.last.extend_from_slice(id);
        true
    }

    /// Keeps the run that `last` ends: as a run when it is long enough,
    /// else as the hashes of its ids after the first.
    fn close_run(&mut self) {
        let after = std::mem::take(&mut self.run_after);
        if after >= MIN_RUN {
            self.runs.push((self.run_first.as_slice().into(), after));
        } else {
            self.hashes.extend(run_hashes(&self.run_first, after));
        }
    }

    /// Every id so far, as a set of hashes.
    fn into_set(mut self) -> HashedIds {
        self.close_run();
        let ids = self.hashes.len() as u64 + self.runs.iter().map(|(_, n)| n).sum::<u64>();
        let mut set = HashSet::with_capacity_and_hasher(
            usize::try_from(ids).unwrap_or(usize::MAX).saturating_mul(2),
            BuildHasherDefault::default(),
        );
        set.extend(self.hashes.iter().copied());
        for (first, after) in &self.runs {
            set.extend(run_hashes(first, *after));
        }
        set
    }
}

impl SeenIds {
    /// True the first time an id is given, false for each later time;
    pub fn first_time(&mut self, id: &[u8]) -> bool {
        match &mut self.seen {
            Seen::InOrder(in_order) => {
                if in_order.take(id) {
                    return true;
                }
                let mut set = std::mem::take(in_order).into_set();
                let first = set.insert(IdHash::of(id).0);
                self.seen = Seen::Hashed(set);
                first
            }
            Seen::Hashed(set) => set.insert(IdHash::of(id).0),
        }
    }

    /// True while every id so far came in order (no set was built).
    #[cfg(test)]
    fn in_order(&self) -> bool {
        matches!(self.seen, Seen::InOrder(_))
    }

    /// Bytes the set (or the hashes in order) hold on the heap: a hash and
    /// a control byte a slot.
    #[cfg(test)]
    fn heap_bytes(&self) -> usize {
        match &self.seen {
            Seen::InOrder(o) => {
                let runs: usize = o.runs.iter().map(|(first, _)| first.len() + 24).sum();
                o.last.capacity()
                    + o.run_first.capacity()
                    + o.hashes.capacity() * std::mem::size_of::<u64>()
                    + o.runs.capacity() * std::mem::size_of::<(Box<[u8]>, u64)>()
                    + runs
            }
            Seen::Hashed(set) => set.capacity() * (std::mem::size_of::<u64>() + 1),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(seen: &mut SeenIds, id: &str) -> bool {
        seen.first_time(id.as_bytes())
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
    fn counting_up_is_the_trailing_digits_plus_one_at_the_same_length() {
        for (last, id) in [("T40", "T41"), ("A-099", "A-100"), ("7", "8"), ("0", "1")] {
            assert!(
                counts_up_from(id.as_bytes(), last.as_bytes()),
                "{last} {id}"
            );
        }
        for (last, id) in [
            ("T9", "T10"),
            ("99", "100"),
            ("T40", "T42"),
            ("T40", "U41"),
            ("TX", "TY"),
            ("", "0"),
            ("T40", "T4"),
            ("A-099", "A-1000"),
            ("1-9", "2-0"),
        ] {
            assert!(
                !counts_up_from(id.as_bytes(), last.as_bytes()),
                "{last} {id}"
            );
        }
        let mut id = b"ZD-0999".to_vec();
        assert!(count_up(&mut id));
        assert_eq!(id, b"ZD-1000");
        let mut id = b"T99".to_vec();
        assert!(!count_up(&mut id));
        assert_eq!(id, b"T99");
    }

    #[test]
    fn consecutive_ids_cost_a_few_bytes_however_many() {
        let mut seen = SeenIds::default();
        for i in 0..1_000_000u64 {
            assert!(first(&mut seen, &format!("ZD-{i:07}")), "{i}");
        }
        assert!(seen.in_order());
        assert!(seen.heap_bytes() < 256, "{} bytes", seen.heap_bytes());
        // Unpadded numbers start a run at each new length: still a few.
        let mut unpadded = SeenIds::default();
        for i in 0..1_000_000u64 {
            assert!(first(&mut unpadded, &format!("{i}")), "{i}");
        }
        assert!(
            unpadded.heap_bytes() < 1024,
            "{} bytes",
            unpadded.heap_bytes()
        );
        // Every id of a run is still remembered once the order breaks.
        assert!(!first(&mut seen, "ZD-0000000"));
        assert!(!seen.in_order());
        assert!(!first(&mut seen, "ZD-0123456"));
        assert!(!first(&mut seen, "ZD-0999999"));
        assert!(first(&mut seen, "ZD-1000000"));
        assert!(!first(&mut unpadded, "99"));
        assert!(!first(&mut unpadded, "999999"));
        assert!(first(&mut unpadded, "1000000"));
    }

    #[test]
    fn short_runs_long_runs_and_the_open_run_survive_the_switch() {
        let mut seen = SeenIds::default();
        // A short run (T1–T3), a gap, a long run (T10–T30), a gap, and the
        // open run (T40–T45) when the order breaks.
        let ids: Vec<String> = (1..=3)
            .chain(10..=30)
            .chain(40..=45)
            .map(|i| format!("T{i}"))
            .collect();
        for id in &ids {
            assert!(first(&mut seen, id), "{id}");
        }
        assert!(first(&mut seen, "A"));
        assert!(!seen.in_order());
        for id in &ids {
            assert!(!first(&mut seen, id), "{id}");
        }
        for id in ["T4", "T9", "T31", "T39", "T46"] {
            assert!(first(&mut seen, id), "{id}");
        }
    }

    #[test]
    fn a_million_long_ids_cost_their_hashes_not_their_text() {
        // 1M distinct ids of 100 bytes: 100 MB of text, kept as ~18 MB of
        // hashes (9 bytes a slot, the table at most half empty) out of
        // order, as 8 bytes an id (a `Vec` at most half empty) in order
        // (every other number: no runs).
        let pad = "x".repeat(92);
        let ids = |i: u64| format!("{pad}{:08}", 2 * i);
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

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

        /// Runs of consecutive ids (padded and not), gaps, repeats of any
        /// earlier id and short stray ids: the answer of a plain set.
        #[test]
        fn every_log_gets_the_answer_of_a_set_of_the_ids(
            steps in proptest::collection::vec((0u8..4, 0u64..40), 1..300)
        ) {
            let mut seen = SeenIds::default();
            let mut oracle = std::collections::HashSet::new();
            let mut given: Vec<String> = Vec::new();
            let mut next = 0u64;
            for (kind, n) in steps {
                let id = match kind {
                    0 => { next += 1; format!("T{next}") }
                    1 => { next += 1 + n; format!("ZD-{next:03}") }
                    2 if !given.is_empty() => {
                        given[usize::try_from(n).unwrap_or(0) % given.len()].clone()
                    }
                    _ => format!("{}", n % 12),
                };
                proptest::prop_assert_eq!(first(&mut seen, &id), oracle.insert(id.clone()), "{}", id);
                given.push(id);
            }
        }
    }
}
