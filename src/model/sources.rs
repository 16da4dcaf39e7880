//! The files a contract's meaning was read from besides itself: the
//! libraries its `use` lines reached, so that the rule set (and its
//! fingerprint) changes when one of them does.

/// A used file: its path under the project root (`/` between names) and
/// the SHA-256 of its bytes.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Source {
    pub path: String,
    /// Lowercase hex.
    pub sha256: String,
}
