//! API keys in the OS keychain (Secret Service on Linux, Keychain on macOS,
//! Credential Manager on Windows), one per provider. Keys never touch SQLite.

use crate::agent::llm::ApiKey;

/// The keychain service name keys are filed under.
pub const KEYCHAIN_SERVICE: &str = "app.jobtrail.desktop";

/// Why the keychain could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeychainError {
    /// No keychain is running or it is locked.
    #[error(
        "the system keychain is not available ({0}); unlock it or start a Secret Service such as gnome-keyring"
    )]
    Unavailable(String),
    /// The keychain refused or failed.
    #[error("the system keychain failed: {0}")]
    Failed(String),
}

fn entry(provider: &str) -> Result<keyring::Entry, KeychainError> {
    keyring::Entry::new(KEYCHAIN_SERVICE, provider).map_err(classify)
}

fn classify(e: keyring::Error) -> KeychainError {
    match e {
        keyring::Error::NoStorageAccess(inner) => KeychainError::Unavailable(inner.to_string()),
        keyring::Error::PlatformFailure(inner) => KeychainError::Unavailable(inner.to_string()),
        other => KeychainError::Failed(other.to_string()),
    }
}

/// The key stored for `provider`, if any.
pub fn get(provider: &str) -> Result<Option<ApiKey>, KeychainError> {
    match entry(provider)?.get_password() {
        Ok(k) => Ok(ApiKey::new(k)),
        Err(keyring::Error::NoEntry) => Ok(None),
        Err(e) => Err(classify(e)),
    }
}

/// Longest key accepted (real keys are under 200 characters).
pub const MAX_KEY_CHARS: usize = 1024;

/// Whether a key is stored, as the UI and the CLI show it: never the key itself.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct KeyStatus {
    /// The provider the key is for.
    pub provider: String,
    /// Whether the keychain holds a key for it.
    pub stored: bool,
    /// The key's last 4 characters, when stored.
    pub last4: Option<String>,
}

/// Whether a key is stored for `provider`, and its last 4 characters.
pub fn status(provider: &str) -> Result<KeyStatus, KeychainError> {
    let key = get(provider)?;
    Ok(KeyStatus {
        provider: provider.to_owned(),
        stored: key.is_some(),
        last4: key.as_ref().map(ApiKey::last4),
    })
}

/// A provider name as keys are filed under: 1–64 of `a-z 0-9 . _ -`, lowercased.
pub fn check_provider(raw: &str) -> crate::Result<String> {
    let p = raw.trim().to_lowercase();
    let ok = !p.is_empty()
        && p.len() <= 64
        && p.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'));
    if ok {
        Ok(p)
    } else {
        Err(crate::Error::invalid(
            "provider",
            "must be 1 to 64 letters, digits, dots, dashes or underscores (like openai)",
        ))
    }
}

/// Stores (or replaces) the key for `provider`.
pub fn set(provider: &str, key: &ApiKey) -> Result<(), KeychainError> {
    entry(provider)?
        .set_password(key.expose())
        .map_err(classify)
}

/// Removes the key for `provider`; removing an absent key is not an error.
pub fn remove(provider: &str) -> Result<(), KeychainError> {
    match entry(provider)?.delete_credential() {
        Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
        Err(e) => Err(classify(e)),
    }
}
