//! Compliance of a ticket log against a contract (§9).
