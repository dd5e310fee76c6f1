//! The one SQLite file that holds everything Jobtrail knows.
//!
//! Opening applies pending migrations in one transaction. `PRAGMA user_version`
//! counts the migrations applied, and is the gate that stops an older app from
//! touching a database written by a newer one. A file that is not ours, is corrupt
//! or cannot be written is reported with its path and never overwritten.

mod error;
mod migrate;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

use crate::clock::{Clock, SystemClock, Timestamp};

pub use error::{Error, Result};
pub use migrate::{MIGRATIONS, Migration, SCHEMA_VERSION};

/// Name of the database file inside the data directory.
pub const DB_FILE_NAME: &str = "jobtrail.db";

/// Environment variable that overrides the data directory.
pub const DATA_DIR_ENV: &str = "JOBTRAIL_DATA_DIR";

/// Bundle identifier shared with the desktop app, so the CLI and the app find the same data.
pub const APP_IDENTIFIER: &str = "app.jobtrail.desktop";

/// How long a statement waits for another connection's write lock before failing.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Prepared statements kept per connection.
const STATEMENT_CACHE: usize = 64;

/// The data directory: `JOBTRAIL_DATA_DIR` if set, else the platform's app-data dir
/// (`~/.local/share/app.jobtrail.desktop` on Linux).
pub fn default_data_dir() -> Result<PathBuf> {
    match std::env::var_os(DATA_DIR_ENV) {
        Some(v) if v.is_empty() => Err(Error::Config(format!(
            "{DATA_DIR_ENV} is set but empty; unset it or give it a directory"
        ))),
        Some(v) => {
            let p = PathBuf::from(v);
            if p.is_absolute() {
                Ok(p)
            } else {
                std::env::current_dir()
                    .map(|cwd| cwd.join(&p))
                    .map_err(|source| Error::DataDir { path: p, source })
            }
        }
        None => dirs::data_dir()
            .map(|d| d.join(APP_IDENTIFIER))
            .ok_or_else(|| {
                Error::Config(format!(
                    "no home or data directory is known for this user; set {DATA_DIR_ENV}"
                ))
            }),
    }
}

/// An open, migrated Jobtrail database.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: PathBuf,
    clock: Arc<dyn Clock>,
}

impl Store {
    /// Opens (creating if needed) the database in the default data directory.
    pub fn open_default() -> Result<Self> {
        Self::open(&default_data_dir()?)
    }

    /// Opens (creating if needed) `dir/jobtrail.db` with the system clock.
    pub fn open(dir: &Path) -> Result<Self> {
        Self::open_with_clock(dir, Arc::new(SystemClock))
    }

    /// Opens (creating if needed) `dir/jobtrail.db`, taking time from `clock`.
    #[tracing::instrument(skip(clock), fields(dir = %dir.display()))]
    pub fn open_with_clock(dir: &Path, clock: Arc<dyn Clock>) -> Result<Self> {
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
        migrate::check_supported(&path, found)?;
        configure(&conn).map_err(|e| Error::classify(&path, e))?;
        migrate::apply(&mut conn, &path, clock.now_ms())?;
        tracing::debug!(path = %path.display(), "store open");
        Ok(Self { conn, path, clock })
    }

    /// Path of the database file.
    pub fn path(&self) -> &Path {
        &self.path
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
    Ok(())
}
