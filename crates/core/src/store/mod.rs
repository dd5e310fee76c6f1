//! The one SQLite file that holds everything Jobtrail knows.
//!
//! Opening applies pending migrations in one transaction. `PRAGMA user_version`
//! counts the migrations applied, and is the gate that stops an older app from
//! touching a database written by a newer one. A file that is not ours, is corrupt
//! or cannot be written is reported with its path and never overwritten.

mod migrate;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

use crate::clock::{Clock, Timestamp};

pub use crate::error::{StoreError as Error, StoreResult as Result};
pub use crate::files::{APP_IDENTIFIER, DATA_DIR_ENV, default_data_dir};
pub use migrate::{BOOKKEEPING, Migration};

/// Name of the database file inside the data directory.
pub const DB_FILE_NAME: &str = "jobtrail.db";

/// How long a statement waits for another connection's write lock before failing.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Prepared statements kept per connection.
const STATEMENT_CACHE: usize = 64;

/// An open, migrated Jobtrail database.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: PathBuf,
    clock: Arc<dyn Clock>,
}

impl Store {
    /// Opens (creating if needed) `dir/jobtrail.db`, taking time from `clock`, and
    /// applies whichever of `migrations` it lacks. The whole schema is
    /// `crate::schema::MIGRATIONS`; `Store::open` (in `crate::schema`) passes it.
    #[tracing::instrument(skip(clock, migrations), fields(dir = %dir.display()))]
    pub fn open_migrated(
        dir: &Path,
        clock: Arc<dyn Clock>,
        migrations: &[Migration],
    ) -> Result<Self> {
        std::fs::create_dir_all(dir).map_err(|source| Error::DataDir {
            path: dir.to_path_buf(),
            source,
        })?;
        let path = dir.join(DB_FILE_NAME);
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let mut conn =
            Connection::open_with_flags(&path, flags).map_err(|e| Error::classify(&path, e))?;
        conn.busy_timeout(BUSY_TIMEOUT)
            .map_err(|e| Error::classify(&path, e))?;
        // Read the version before anything writes: this is where a foreign or corrupt
        // file shows itself, and a newer schema must stop us before WAL is switched on.
        let found = migrate::user_version(&conn).map_err(|e| Error::classify(&path, e))?;
        let supported = i64::try_from(migrations.len()).unwrap_or(i64::MAX);
        migrate::check_supported(&path, found, supported)?;
        configure(&conn).map_err(|e| Error::classify(&path, e))?;
        migrate::apply(&mut conn, &path, clock.now_ms(), migrations)?;
        tracing::debug!(path = %path.display(), "store open");
        Ok(Self { conn, path, clock })
    }

    /// Path of the database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// A read-only connection of its own to the same file, for a background reader (in
    /// WAL mode it reads while this connection writes, and never blocks it).
    pub fn reader(&self) -> Result<Connection> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(&self.path, flags)
            .map_err(|e| Error::classify(&self.path, e))?;
        conn.busy_timeout(BUSY_TIMEOUT)
            .map_err(|e| Error::classify(&self.path, e))?;
        Ok(conn)
    }

    /// The connection, for queries.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// The current time by this store's clock.
    pub fn now_ms(&self) -> Timestamp {
        self.clock.now_ms()
    }

    /// Today's date (UTC) by this store's clock.
    pub fn today(&self) -> chrono::NaiveDate {
        chrono::DateTime::from_timestamp_millis(self.now_ms())
            .unwrap_or_default()
            .date_naive()
    }

    /// This store's clock (what the failsafe's waits and timeouts go by, too).
    pub fn clock(&self) -> Arc<dyn Clock> {
        self.clock.clone()
    }

    /// Maps a SQLite error from a query on this store to a store error naming the file.
    pub fn error(&self, err: rusqlite::Error) -> Error {
        Error::classify(&self.path, err)
    }

    /// Runs read-only queries, mapping their error to one naming the file.
    pub fn read<T>(&self, f: impl FnOnce(&Connection) -> rusqlite::Result<T>) -> Result<T> {
        f(&self.conn).map_err(|e| self.error(e))
    }

    /// Runs `f` in an IMMEDIATE transaction and commits. IMMEDIATE takes the write
    /// lock up front, so a busy database waits (up to the busy timeout) instead of
    /// failing half-way through; any error rolls the whole transaction back.
    pub fn write<T>(
        &mut self,
        f: impl FnOnce(&Transaction<'_>) -> rusqlite::Result<T>,
    ) -> Result<T> {
        let run = |conn: &mut Connection| -> rusqlite::Result<T> {
            let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
            let out = f(&tx)?;
            tx.commit()?;
            Ok(out)
        };
        run(&mut self.conn).map_err(|e| Error::classify(&self.path, e))
    }
}

fn configure(conn: &Connection) -> rusqlite::Result<()> {
    let mode: String = conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        tracing::warn!(mode, "SQLite refused WAL; continuing in this journal mode");
    }
    conn.pragma_update(None, "foreign_keys", true)?;
    // NORMAL is crash-safe in WAL mode; only a power loss can drop the last commits.
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    // Room for every statement the code prepares with `prepare_cached` (rusqlite keeps
    // 16): an agent run, the budget gate and the dashboard's queries together use more,
    // and an evicted statement is compiled again on its next use.
    conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    // SQLite's page cache, 512 KiB rather than its 2 MiB: the dashboard reads rollups,
    // not runs, and the rest is re-read from the system's file cache; the app's idle
    // memory over a million runs is 1.5 MiB less, its dashboard as fast (README,
    // Performance).
    conn.pragma_update(None, "cache_size", -512)?;
    Ok(())
}
