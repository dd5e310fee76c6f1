//! What can go wrong opening or using the store, each naming the file involved.

use std::path::{Path, PathBuf};

use rusqlite::ErrorCode;

/// Result of store operations.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A store failure a person can act on.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The data directory could not be created or read.
    #[error("cannot use the data directory {path}: {source}")]
    DataDir {
        /// The directory.
        path: PathBuf,
        /// What the OS said.
        #[source]
        source: std::io::Error,
    },
    /// The database was written by a newer Jobtrail.
    #[error(
        "{path} was written by a newer version of Jobtrail (schema {found}, this version knows up to {supported}); update Jobtrail — the file was left untouched"
    )]
    NewerSchema {
        /// The database file.
        path: PathBuf,
        /// Its schema version.
        found: i64,
        /// The newest schema this build knows.
        supported: i64,
    },
    /// The file exists but is not a SQLite database.
    #[error(
        "{path} is not a Jobtrail database (not SQLite); move it aside or set JOBTRAIL_DATA_DIR — the file was left untouched"
    )]
    NotADatabase {
        /// The file.
        path: PathBuf,
    },
    /// The database is damaged.
    #[error(
        "{path} is corrupt ({detail}); restore a backup or move it aside — the file was left untouched"
    )]
    Corrupt {
        /// The file.
        path: PathBuf,
        /// SQLite's description.
        detail: String,
    },
    /// The file or its directory cannot be written.
    #[error(
        "cannot write {path}: the file or its directory is read-only; fix the permissions or set JOBTRAIL_DATA_DIR"
    )]
    ReadOnly {
        /// The file.
        path: PathBuf,
    },
    /// The file could not be opened for another reason.
    #[error("cannot open {path}: {detail}")]
    CannotOpen {
        /// The file.
        path: PathBuf,
        /// SQLite's description.
        detail: String,
    },
    /// Another Jobtrail process held the database for too long.
    #[error("{path} is busy in another Jobtrail process; try again")]
    Busy {
        /// The file.
        path: PathBuf,
    },
    /// A migration failed; nothing of it was applied.
    #[error("upgrading {path} failed at migration {id}: {source}")]
    Migration {
        /// The file.
        path: PathBuf,
        /// The migration id.
        id: &'static str,
        /// The SQLite error.
        #[source]
        source: rusqlite::Error,
    },
    /// Configuration (such as an environment variable) is unusable.
    #[error("{0}")]
    Config(String),
    /// Any other SQLite error.
    #[error("database error in {path}: {source}")]
    Sqlite {
        /// The file.
        path: PathBuf,
        /// The SQLite error.
        #[source]
        source: rusqlite::Error,
    },
}

impl Error {
    /// Turns a SQLite error on `path` into the variant a person can act on.
    pub fn classify(path: &Path, err: rusqlite::Error) -> Self {
        let path = path.to_path_buf();
        let Some(code) = err.sqlite_error_code() else {
            return Self::Sqlite { path, source: err };
        };
        match code {
            ErrorCode::NotADatabase => Self::NotADatabase { path },
            ErrorCode::DatabaseCorrupt => Self::Corrupt {
                path,
                detail: err.to_string(),
            },
            ErrorCode::ReadOnly => Self::ReadOnly { path },
            ErrorCode::CannotOpen | ErrorCode::PermissionDenied if !writable(&path) => {
                Self::ReadOnly { path }
            }
            ErrorCode::CannotOpen | ErrorCode::PermissionDenied => Self::CannotOpen {
                path,
                detail: err.to_string(),
            },
            ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked => Self::Busy { path },
            _ => Self::Sqlite { path, source: err },
        }
    }
}

/// Whether this process can write the file, or create one in its directory if absent.
/// Asks the OS by trying (mode bits alone mislead for other owners and for root).
fn writable(path: &Path) -> bool {
    use std::fs::OpenOptions;
    if path.exists() {
        return OpenOptions::new().append(true).open(path).is_ok();
    }
    let Some(dir) = path.parent() else {
        return false;
    };
    let probe = dir.join(format!(".jobtrail-write-probe-{}", std::process::id()));
    match OpenOptions::new().write(true).create_new(true).open(&probe) {
        Ok(_) => {
            let _ = std::fs::remove_file(&probe);
            true
        }
        Err(_) => false,
    }
}
