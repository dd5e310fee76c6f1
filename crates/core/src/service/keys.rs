//! API keys in the OS keychain as the front ends handle them: the provider name and
//! the key are checked the same way before the keychain is asked, and what comes
//! back is the key's status, never the key.
//!
//! Keychain calls block (on D-Bus, with a time limit): the app runs these off its
//! async runtime.

use crate::secrets::{self, ApiKey, KeyStatus, KeychainError, MAX_KEY_CHARS};

/// Why a key was not stored, removed or looked up.
#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    /// No key was given (blank).
    #[error("no key given")]
    Blank,
    /// The key is longer than [`MAX_KEY_CHARS`].
    #[error("an API key is at most {MAX_KEY_CHARS} characters")]
    TooLong,
    /// The provider name is not one keys are filed under (field `provider`).
    #[error(transparent)]
    Provider(crate::Error),
    /// The keychain could not be used.
    #[error(transparent)]
    Keychain(#[from] KeychainError),
}

/// Result of key operations.
pub type Result<T, E = KeyError> = std::result::Result<T, E>;

fn provider(raw: &str) -> Result<String> {
    secrets::check_provider(raw).map_err(KeyError::Provider)
}

/// A key as pasted or piped in (surrounding spaces and line breaks dropped).
pub fn api_key(raw: String) -> Result<ApiKey> {
    if raw.trim().chars().count() > MAX_KEY_CHARS {
        return Err(KeyError::TooLong);
    }
    ApiKey::new(raw).ok_or(KeyError::Blank)
}

/// Stores (or replaces) the key for `provider`; returns its status.
pub fn set(provider_name: &str, raw_key: String) -> Result<KeyStatus> {
    let provider = provider(provider_name)?;
    let key = api_key(raw_key)?;
    secrets::set(&provider, &key)?;
    Ok(KeyStatus {
        last4: Some(key.last4()),
        stored: true,
        provider,
    })
}

/// Removes the key for `provider` (removing none is not an error); returns its status.
pub fn remove(provider_name: &str) -> Result<KeyStatus> {
    let provider = provider(provider_name)?;
    secrets::remove(&provider)?;
    Ok(KeyStatus {
        provider,
        stored: false,
        last4: None,
    })
}

/// Whether a key is stored for `provider`, and its last 4 characters.
pub fn status(provider_name: &str) -> Result<KeyStatus> {
    Ok(secrets::status(&provider(provider_name)?)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_and_provider_names_are_checked_before_the_keychain_is_asked() {
        assert!(matches!(api_key("  \n".into()), Err(KeyError::Blank)));
        assert!(matches!(
            api_key("k".repeat(MAX_KEY_CHARS + 1)),
            Err(KeyError::TooLong)
        ));
        let key = api_key(format!(" {}\n", "k".repeat(MAX_KEY_CHARS - 4) + "abcd")).unwrap();
        assert_eq!(key.last4(), "abcd", "trimmed, and the longest accepted");
        // Refused before any keychain call: these never reach the OS keychain.
        assert!(matches!(
            set("no spaces", "sk-1".into()),
            Err(KeyError::Provider(_))
        ));
        assert!(matches!(set("openai", " ".into()), Err(KeyError::Blank)));
        assert!(matches!(remove(""), Err(KeyError::Provider(_))));
        assert!(matches!(
            status(&"p".repeat(65)),
            Err(KeyError::Provider(_))
        ));
        assert_eq!(
            provider(" OpenAI ").unwrap(),
            "openai",
            "filed under the lowercase name, as runs read it"
        );
    }
}
