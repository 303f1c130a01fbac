//! Support for the durability tests (crash, disk full, two instances, schema
//! fixtures): the deterministic action stream the crash child performs, the child's
//! path, and an exact comparison of two workspace files.

#![allow(dead_code)]

pub mod compare;
pub mod stream;

/// The crash child (`tests/durability/crash_child.rs`), built by cargo for every
/// `cargo test` because it is a `[[bin]]` of this crate.
pub const CHILD: &str = env!("CARGO_BIN_EXE_rapport-store-crash-child");
