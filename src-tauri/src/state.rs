//! The store as app state. A store that fails to open does not stop the app: the
//! window opens and every command answers with the reason, so the person sees it.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use jobtrail_core::Store;
use jobtrail_core::failsafe::Failsafe;
use jobtrail_core::store;

use crate::error::IpcError;

/// The open store, or why it could not be opened. Cloning shares it.
#[derive(Debug, Clone)]
pub struct StoreState {
    store: Arc<Result<Mutex<Store>, IpcError>>,
    data_dir: Option<PathBuf>,
    /// Retry counts and circuit breakers, shared by every run for the app's lifetime.
    failsafe: Arc<Failsafe>,
}

/// The failsafe resumed from the store (its circuits' last states), else the default.
fn failsafe_for(store: &Store) -> Arc<Failsafe> {
    Failsafe::load(store).unwrap_or_else(|e| {
        tracing::warn!(error = %e, "failsafe settings unreadable; using the defaults");
        Arc::new(Failsafe::default())
    })
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
        let failsafe = opened
            .as_ref()
            .map_or_else(|_| Arc::new(Failsafe::default()), failsafe_for);
        Self {
            store: Arc::new(opened.map(Mutex::new)),
            data_dir: data_dir.ok(),
            failsafe,
        }
    }

    /// Wraps an already open store.
    pub fn from_store(store: Store) -> Self {
        let data_dir = store.path().parent().map(PathBuf::from);
        Self {
            failsafe: failsafe_for(&store),
            store: Arc::new(Ok(Mutex::new(store))),
            data_dir,
        }
    }

    /// The data directory, if one could be determined.
    pub fn data_dir(&self) -> Option<&PathBuf> {
        self.data_dir.as_ref()
    }

    /// The process's failsafe (retry handler and circuit breakers).
    pub fn failsafe(&self) -> &Arc<Failsafe> {
        &self.failsafe
    }

    /// The store's lock itself, for work that locks it briefly several times (agent
    /// runs must not hold it across an LLM call).
    pub fn mutex(&self) -> Result<&Mutex<Store>, IpcError> {
        self.store.as_ref().as_ref().map_err(Clone::clone)
    }

    /// Runs `f` with the store, or returns why there is none.
    pub fn with<T>(
        &self,
        f: impl FnOnce(&mut Store) -> Result<T, IpcError>,
    ) -> Result<T, IpcError> {
        let mutex = self.store.as_ref().as_ref().map_err(Clone::clone)?;
        // A panic while holding the lock cannot leave SQLite half-written (transactions
        // roll back), so a poisoned lock is safe to keep using.
        let mut guard = mutex.lock().unwrap_or_else(|p| p.into_inner());
        f(&mut guard)
    }
}
