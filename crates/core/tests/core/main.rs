//! Integration tests of jobtrail-core on real SQLite files.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

mod agent;
mod applications;
mod cost;
mod inbox;
mod logging;
mod monitor;
mod store;

use std::sync::Arc;

use jobtrail_core::Store;
use jobtrail_core::clock::ManualClock;

/// A store in a fresh temporary directory with a clock the test controls.
pub fn temp_store() -> (tempfile::TempDir, Store, ManualClock) {
    let dir = tempfile::tempdir().expect("temp dir");
    let clock = ManualClock::new(1_780_000_000_000);
    let store = Store::open_with_clock(dir.path(), Arc::new(clock.clone())).expect("open store");
    (dir, store, clock)
}
