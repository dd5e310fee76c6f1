//! Versioned, additive schema migrations.
//!
//! Each table's module owns its migration; this list fixes their order. A migration
//! is never edited once released: changes come as new migrations appended here.

use std::path::Path;

use rusqlite::{Connection, TransactionBehavior};

use super::{Error, Result};
use crate::clock::Timestamp;
use crate::tracker;

/// One schema change.
#[derive(Debug, Clone, Copy)]
pub struct Migration {
    /// Timestamp id (`YYYYMMDDHHMM_name`), unique and sortable.
    pub id: &'static str,
    /// SQL applied in the migration's transaction.
    pub sql: &'static str,
}

const BOOKKEEPING: Migration = Migration {
    id: "202611270900_schema_migrations",
    sql: "CREATE TABLE schema_migrations (
        id TEXT PRIMARY KEY NOT NULL,
        applied_at INTEGER NOT NULL
    ) STRICT;",
};

/// Every migration, oldest first.
pub const MIGRATIONS: &[Migration] = &[
    BOOKKEEPING,
    tracker::applications::MIGRATION,
    crate::agent::execution::MIGRATION,
    tracker::emails::MIGRATION,
    tracker::applications::PROVENANCE_MIGRATION,
    tracker::review::MIGRATION,
    tracker::profile::MIGRATION,
    crate::settings::MIGRATION,
    crate::cost::prices::MIGRATION,
    crate::agent::execution::COST_MIGRATION,
    crate::monitor::rollup::MIGRATION,
    crate::monitor::alerts::MIGRATION,
    crate::monitor::maintenance::MIGRATION,
    crate::explain::MIGRATION,
    crate::explain::feedback::MIGRATION,
    crate::failsafe::errors::MIGRATION,
    crate::notices::MIGRATION,
    tracker::emails::MAILBOX_MIGRATION,
    crate::mail::account::MIGRATION,
    crate::notices::PENDING_MIGRATION,
];

/// The schema version this build writes: the number of migrations it knows.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

pub(super) fn user_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "user_version", |r| r.get(0))
}

pub(super) fn check_supported(path: &Path, found: i64) -> Result<()> {
    if found < 0 {
        return Err(Error::Corrupt {
            path: path.to_path_buf(),
            detail: format!("schema version {found} is negative"),
        });
    }
    if found > SCHEMA_VERSION {
        return Err(Error::NewerSchema {
            path: path.to_path_buf(),
            found,
            supported: SCHEMA_VERSION,
        });
    }
    Ok(())
}

/// Applies every pending migration in one IMMEDIATE transaction, so two processes
/// opening the same file at once cannot both migrate it.
pub(super) fn apply(conn: &mut Connection, path: &Path, now: Timestamp) -> Result<()> {
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(|e| Error::classify(path, e))?;
    let found = user_version(&tx).map_err(|e| Error::classify(path, e))?;
    check_supported(path, found)?;
    let pending = usize::try_from(found).unwrap_or(0);
    if pending >= MIGRATIONS.len() {
        return Ok(());
    }
    for m in &MIGRATIONS[pending..] {
        tracing::info!(id = m.id, path = %path.display(), "applying migration");
        tx.execute_batch(m.sql)
            .and_then(|_| {
                tx.execute(
                    "INSERT INTO schema_migrations (id, applied_at) VALUES (?1, ?2)",
                    (m.id, now),
                )
            })
            .map_err(|source| Error::Migration {
                path: path.to_path_buf(),
                id: m.id,
                source,
            })?;
    }
    tx.pragma_update(None, "user_version", SCHEMA_VERSION)
        .map_err(|e| Error::classify(path, e))?;
    tx.commit().map_err(|e| Error::classify(path, e))
}
