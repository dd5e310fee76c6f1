//! The whole schema: every table's migration, in the order they were released. The
//! store runs whatever list it is handed; this module, at the top of the crate, is the
//! one place that knows every table, so no lower module imports the ones above it.
//!
//! A migration is never edited once released: changes come as new migrations
//! appended here.

use std::path::Path;
use std::sync::Arc;

use crate::clock::{Clock, SystemClock};
use crate::store::{self, BOOKKEEPING, Migration, Store};
use crate::{
    explain, failsafe, ledger, mail, monitor, notices, rollup, service, settings, tracker,
};

/// Every migration, oldest first.
pub const MIGRATIONS: &[Migration] = &[
    BOOKKEEPING,
    tracker::applications::MIGRATION,
    ledger::execution::MIGRATION,
    tracker::emails::MIGRATION,
    tracker::applications::PROVENANCE_MIGRATION,
    tracker::review::MIGRATION,
    tracker::profile::MIGRATION,
    settings::MIGRATION,
    ledger::prices::MIGRATION,
    ledger::execution::COST_MIGRATION,
    rollup::MIGRATION,
    monitor::alerts::MIGRATION,
    monitor::maintenance::MIGRATION,
    explain::MIGRATION,
    explain::feedback::MIGRATION,
    failsafe::errors::MIGRATION,
    notices::MIGRATION,
    tracker::emails::MAILBOX_MIGRATION,
    mail::account::MIGRATION,
    notices::PENDING_MIGRATION,
    service::eval::MIGRATION,
    ledger::detail::MIGRATION,
];

/// The schema version this build writes: the number of migrations it knows.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

impl Store {
    /// Opens (creating if needed) the database in the default data directory.
    pub fn open_default() -> store::Result<Self> {
        Self::open(&store::default_data_dir()?)
    }

    /// Opens (creating if needed) `dir/jobtrail.db` with the system clock.
    pub fn open(dir: &Path) -> store::Result<Self> {
        Self::open_with_clock(dir, Arc::new(SystemClock))
    }

    /// Opens (creating if needed) `dir/jobtrail.db`, taking time from `clock`.
    pub fn open_with_clock(dir: &Path, clock: Arc<dyn Clock>) -> store::Result<Self> {
        Self::open_migrated(dir, clock, MIGRATIONS)
    }
}
