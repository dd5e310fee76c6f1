//! Jobtrail's files: the data directory shared by the app and the CLI, and writing
//! an export to a file a person chose.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{StoreError as Error, StoreResult as Result};
use crate::{Error as DomainError, Result as DomainResult};

/// Environment variable that overrides the data directory.
pub const DATA_DIR_ENV: &str = "JOBTRAIL_DATA_DIR";

/// Bundle identifier shared with the desktop app, so the CLI and the app find the same data.
pub const APP_IDENTIFIER: &str = "app.jobtrail.desktop";

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

/// Writes an export to the file `path` (its folder must exist).
pub fn to_file(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> DomainResult<()>,
) -> DomainResult<()> {
    let file = std::fs::File::create(path).map_err(|e| {
        DomainError::invalid("path", format!("cannot create {}: {e}", path.display()))
    })?;
    let mut w = std::io::BufWriter::new(file);
    write(&mut w)?;
    w.flush()
        .map_err(|e| DomainError::invalid("path", format!("cannot write {}: {e}", path.display())))
}
