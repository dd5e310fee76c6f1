//! Versioned, additive schema migrations: the runner. Each table's module owns its
//! migration and `crate::schema` lists them in order; the store is handed that list
//! and never imports the modules above it. `PRAGMA user_version` counts the
//! migrations applied.

use std::path::Path;

use rusqlite::{Connection, TransactionBehavior};

use super::{Error, Result};
use crate::clock::Timestamp;

/// One schema change.
#[derive(Debug, Clone, Copy)]
pub struct Migration {
    /// Timestamp id (`YYYYMMDDHHMM_name`), unique and sortable.
    pub id: &'static str,
    /// SQL applied in the migration's transaction.
    pub sql: &'static str,
}

/// The table that records which migrations ran: the first of every schema.
pub const BOOKKEEPING: Migration = Migration {
    id: "202611270900_schema_migrations",
    sql: "CREATE TABLE schema_migrations (
        id TEXT PRIMARY KEY NOT NULL,
        applied_at INTEGER NOT NULL
    ) STRICT;",
};

pub(super) fn user_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "user_version", |r| r.get(0))
}

pub(super) fn check_supported(path: &Path, found: i64, supported: i64) -> Result<()> {
    if found < 0 {
        return Err(Error::Corrupt {
            path: path.to_path_buf(),
            detail: format!("schema version {found} is negative"),
        });
    }
    if found > supported {
        return Err(Error::NewerSchema {
            path: path.to_path_buf(),
            found,
            supported,
        });
    }
    Ok(())
}

/// Applies every pending migration in one IMMEDIATE transaction, so two processes
/// opening the same file at once cannot both migrate it.
pub(super) fn apply(
    conn: &mut Connection,
    path: &Path,
    now: Timestamp,
    migrations: &[Migration],
) -> Result<()> {
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(|e| Error::classify(path, e))?;
    let found = user_version(&tx).map_err(|e| Error::classify(path, e))?;
    let version = i64::try_from(migrations.len()).unwrap_or(i64::MAX);
    check_supported(path, found, version)?;
    let pending = usize::try_from(found).unwrap_or(0);
    if pending >= migrations.len() {
        return Ok(());
    }
    for m in &migrations[pending..] {
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
    tx.pragma_update(None, "user_version", version)
        .map_err(|e| Error::classify(path, e))?;
    tx.commit().map_err(|e| Error::classify(path, e))
}
