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

/// A mail account's password (an app password): shown nowhere, never serialized.
#[derive(Clone, PartialEq, Eq)]
pub struct Password(String);

impl Password {
    /// Longest password accepted (app passwords are 16–64 characters).
    pub const MAX_CHARS: usize = 1024;

    /// A password; `None` when empty, longer than [`Self::MAX_CHARS`] or holding a
    /// control character. A trailing newline (from `echo … |` or a terminal) is not
    /// part of it.
    pub fn new(raw: impl Into<String>) -> Option<Self> {
        let mut p: String = raw.into();
        while p.ends_with(['\n', '\r']) {
            p.pop();
        }
        // A line break or other control character cannot cross an IMAP LOGIN.
        if p.is_empty() || p.chars().count() > Self::MAX_CHARS || p.chars().any(char::is_control) {
            return None;
        }
        // Never in a log line or a stored error message, however it got there.
        crate::logging::register_secret(&p);
        Some(Self(p))
    }

    /// The password itself, for the login command only.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Password {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("<redacted>")
    }
}

/// The keychain entry of mail account `account`: `mail:NAME`. Provider names cannot
/// hold a colon, so an account never collides with an API key.
pub fn mail_entry_name(account: &str) -> String {
    format!("mail:{account}")
}

/// The stored password of mail account `account`, if any.
pub fn mail_password(account: &str) -> Result<Option<Password>, KeychainError> {
    match entry(&mail_entry_name(account))?.get_password() {
        Ok(p) => Ok(Password::new(p)),
        Err(keyring::Error::NoEntry) => Ok(None),
        Err(e) => Err(classify(e)),
    }
}

/// Stores (or replaces) the password of mail account `account`.
pub fn set_mail_password(account: &str, password: &Password) -> Result<(), KeychainError> {
    entry(&mail_entry_name(account))?
        .set_password(password.expose())
        .map_err(classify)
}

/// Removes the password of mail account `account`; an absent one is not an error.
pub fn remove_mail_password(account: &str) -> Result<(), KeychainError> {
    remove(&mail_entry_name(account))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_never_show_and_lose_only_a_trailing_newline() {
        let p = Password::new("app pass word\n").expect("a password");
        assert_eq!(
            p.expose(),
            "app pass word",
            "the newline from stdin is not part of it"
        );
        assert_eq!(format!("{p:?}"), "<redacted>", "Debug never shows it");
        assert!(
            Password::new("\n").is_none(),
            "an empty password is refused"
        );
        assert!(Password::new("x".repeat(Password::MAX_CHARS + 1)).is_none());
        assert!(
            check_provider(&mail_entry_name("work")).is_err(),
            "no provider name can equal a mail entry"
        );
    }
}
