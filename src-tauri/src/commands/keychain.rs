//! The API key in the OS keychain: set, replace, remove, and whether one is stored.
//! The key itself never leaves these commands: only its last 4 characters do.

use jobtrail_core::secrets::KeyStatus;
use jobtrail_core::service::keys;

use crate::error::IpcError;

/// Whether a key is stored for `provider`, and its last 4 characters.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(err(Debug))]
pub async fn get_key_status(provider: String) -> Result<KeyStatus, IpcError> {
    blocking(move || keys::status(&provider)).await
}

/// Stores (or replaces) the key for `provider`.
#[tauri::command]
#[specta::specta]
#[tracing::instrument(skip(key), err(Debug))]
pub async fn set_api_key(provider: String, key: String) -> Result<KeyStatus, IpcError> {
    blocking(move || keys::set(&provider, key)).await
}

/// Removes the key for `provider` (agents then use the environment's key, if any, or
/// the built-in engine).
#[tauri::command]
#[specta::specta]
#[tracing::instrument(err(Debug))]
pub async fn remove_api_key(provider: String) -> Result<KeyStatus, IpcError> {
    blocking(move || keys::remove(&provider)).await
}

/// Keychain calls block on D-Bus: off the async runtime.
async fn blocking<E: Into<IpcError> + Send + 'static>(
    f: impl FnOnce() -> Result<KeyStatus, E> + Send + 'static,
) -> Result<KeyStatus, IpcError> {
    tauri::async_runtime::spawn_blocking(f)
        .await
        .map_err(|e| IpcError::internal(format!("the keychain task failed: {e}")))?
        .map_err(Into::into)
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use jobtrail_core::secrets::KeychainError;

    use super::*;
    use crate::error::ErrorCode;

    #[test]
    fn a_keychain_call_leaves_the_async_runtime_free_and_silence_reads_as_unavailable() {
        // One runtime thread, like a busy app: if the keychain call ran on it, the task
        // that answers the call could never run.
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a runtime");
        let err = rt.block_on(async {
            let (answer, waiting) = std::sync::mpsc::channel::<()>();
            let call = blocking(
                move || match waiting.recv_timeout(Duration::from_secs(10)) {
                    Ok(()) => Err(KeychainError::Unavailable(
                        "the keychain did not answer within 30 s: is it locked?".into(),
                    )),
                    Err(_) => Err(KeychainError::Failed(
                        "the runtime thread was blocked".into(),
                    )),
                },
            );
            let other_work = async move { answer.send(()).expect("the call waits") };
            let (result, ()) = tokio::join!(call, other_work);
            result.expect_err("the keychain did not answer")
        });
        assert_eq!(
            err.code,
            ErrorCode::KeychainUnavailable,
            "the other work ran while the keychain call waited, and Settings shows the keychain as unavailable: {err:?}"
        );
        assert!(
            err.message
                .contains("did not answer within 30 s: is it locked?"),
            "the person reads why: {}",
            err.message
        );
    }
}
