//! What the test binaries share: the hand-built acme model, the golden
//! harness and a runner of the real binary. Each binary includes it with `mod support;`.
#![allow(dead_code, reason = "each test binary uses a part of the support")]

pub mod acme;
pub mod cli;
pub mod golden;
pub mod project;
