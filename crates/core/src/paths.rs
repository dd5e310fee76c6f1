//! Where Jobtrail keeps its files: the data directory shared by the app and the CLI.

use std::path::PathBuf;

use crate::error::{StoreError as Error, StoreResult as Result};

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

