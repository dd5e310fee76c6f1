//! The API key in the OS keychain: set, replace, remove, and whether one is stored.
//! The key itself never leaves these commands: only its last 4 characters do.

use jobtrail_core::agent::llm::ApiKey;
use jobtrail_core::secrets::{self, KeyStatus};

use crate::error::IpcError;

/// Whether a key is stored for `provider`, and its last 4 characters.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(err(Debug))]
pub async fn get_key_status(provider: String) -> Result<KeyStatus, IpcError> {
    let provider = secrets::check_provider(&provider)?;
    blocking(move || secrets::status(&provider)).await
}

/// Stores (or replaces) the key for `provider`.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(key), err(Debug))]
pub async fn set_api_key(provider: String, key: String) -> Result<KeyStatus, IpcError> {
    let provider = secrets::check_provider(&provider)?;
    if key.trim().chars().count() > secrets::MAX_KEY_CHARS {
        return Err(IpcError::invalid(
            "key",
            format!(
                "An API key is at most {} characters",
                secrets::MAX_KEY_CHARS
            ),
        ));
    }
    let key =
        ApiKey::new(key).ok_or_else(|| IpcError::invalid("key", "Paste the API key first"))?;
    blocking(move || {
        secrets::set(&provider, &key)?;
        secrets::status(&provider)
    })
    .await
}

/// Removes the key for `provider` (agents then use the environment's key, if any, or
/// the built-in engine).
#[tauri::command]
#[specta::specta]
#[tracing::instrument(err(Debug))]
pub async fn remove_api_key(provider: String) -> Result<KeyStatus, IpcError> {
    let provider = secrets::check_provider(&provider)?;
    blocking(move || {
        secrets::remove(&provider)?;
        secrets::status(&provider)
    })
    .await
}

/// Keychain calls block on D-Bus: off the async runtime.
async fn blocking(
    f: impl FnOnce() -> Result<KeyStatus, secrets::KeychainError> + Send + 'static,
) -> Result<KeyStatus, IpcError> {
    tauri::async_runtime::spawn_blocking(f)
        .await
        .map_err(|e| IpcError::internal(format!("the keychain task failed: {e}")))?
        .map_err(IpcError::from)
}
