//! The store as app state. A store that fails to open does not stop the app: the
//! window opens and every command answers with the reason, so the person sees it.

use std::path::PathBuf;
use std::sync::Mutex;

use jobtrail_core::Store;
use jobtrail_core::store;

use crate::error::IpcError;

/// The open store, or why it could not be opened.
#[derive(Debug)]
pub struct StoreState {
    store: Result<Mutex<Store>, IpcError>,
    data_dir: Option<PathBuf>,
}

impl StoreState {
    /// Opens the store in the default data directory (`JOBTRAIL_DATA_DIR` or the platform's).
    pub fn open_default() -> Self {
        let data_dir = store::default_data_dir();
        let opened = data_dir
            .as_ref()
            .map_err(IpcError::from_store)
            .and_then(|dir| Store::open(dir).map_err(IpcError::from));
        if let Err(e) = &opened {
            tracing::error!(error = %e.message, "store could not be opened");
        }
        Self {
            store: opened.map(Mutex::new),
            data_dir: data_dir.ok(),
        }
    }

    /// Wraps an already open store.
    pub fn from_store(store: Store) -> Self {
        let data_dir = store.path().parent().map(PathBuf::from);
        Self {
            store: Ok(Mutex::new(store)),
            data_dir,
        }
    }

    /// The data directory, if one could be determined.
    pub fn data_dir(&self) -> Option<&PathBuf> {
        self.data_dir.as_ref()
    }

    /// The store's lock itself, for work that locks it briefly several times (agent
    /// runs must not hold it across an LLM call).
    pub fn mutex(&self) -> Result<&Mutex<Store>, IpcError> {
        self.store.as_ref().map_err(Clone::clone)
    }

    /// Runs `f` with the store, or returns why there is none.
    pub fn with<T>(
        &self,
        f: impl FnOnce(&mut Store) -> Result<T, IpcError>,
    ) -> Result<T, IpcError> {
        let mutex = self.store.as_ref().map_err(Clone::clone)?;
        // A panic while holding the lock cannot leave SQLite half-written (transactions
        // roll back), so a poisoned lock is safe to keep using.
        let mut guard = mutex.lock().unwrap_or_else(|p| p.into_inner());
        f(&mut guard)
    }
}
