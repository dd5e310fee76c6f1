//! API keys in the OS keychain (Secret Service on Linux, Keychain on macOS,
//! Credential Manager on Windows), one per provider. Keys never touch SQLite.
//!
//! Every call has a time limit: a locked Secret Service answers a read with an unlock
//! prompt and waits for it forever, which would hang a cron job or a script. The call
//! runs on a thread of its own and is given up after [`timeout`]; the thread is left to
//! finish (or to end with the process), as a blocking D-Bus call cannot be cancelled.

use std::fmt;
use std::sync::OnceLock;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;

/// An API key. Never printed, logged or serialized.
#[derive(Clone, PartialEq, Eq)]
pub struct ApiKey(String);

impl ApiKey {
    /// Wraps a key; blank keys are refused.
    pub fn new(key: impl Into<String>) -> Option<Self> {
        let key = key.into();
        let trimmed = key.trim();
        // Whatever logs it later (a provider echoing it in an error), it is redacted.
        crate::logging::register_secret(trimmed);
        (!trimmed.is_empty()).then(|| Self(trimmed.to_owned()))
    }

    /// The key's last 4 characters, for "sk-…abcd" displays.
    pub fn last4(&self) -> String {
        let n = self.0.chars().count();
        self.0.chars().skip(n.saturating_sub(4)).collect()
    }

    pub(crate) fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ApiKey(<redacted>)")
    }
}

/// The keychain service name keys are filed under.
pub const KEYCHAIN_SERVICE: &str = "app.jobtrail.desktop";

/// Why the keychain could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum KeychainError {
    /// No keychain is running, or it is locked and did not answer within [`timeout`].
    #[error(
        "the system keychain is not available ({0}); unlock it or start a Secret Service such as gnome-keyring"
    )]
    Unavailable(String),
    /// The keychain refused or failed.
    #[error("the system keychain failed: {0}")]
    Failed(String),
}

/// How long a keychain call may take by default: long enough to type a password into
/// the unlock prompt.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// Environment variable shortening [`DEFAULT_TIMEOUT`] (milliseconds, 1 to 30000).
pub const TIMEOUT_ENV: &str = "JOBTRAIL_KEYCHAIN_TIMEOUT_MS";

/// The time limit of every keychain call: `JOBTRAIL_KEYCHAIN_TIMEOUT_MS`, read once,
/// else [`DEFAULT_TIMEOUT`] (an invalid value is logged as a warning and ignored).
pub fn timeout() -> Duration {
    static TIMEOUT: OnceLock<Duration> = OnceLock::new();
    *TIMEOUT.get_or_init(|| {
        let raw = std::env::var(TIMEOUT_ENV).ok();
        let (limit, problem) = parse_timeout(raw.as_deref());
        if let Some(p) = problem {
            tracing::warn!("{p}");
        }
        limit
    })
}

/// The limit `raw` (the variable's value, `None` when unset) asks for, and why it was
/// ignored when it was.
fn parse_timeout(raw: Option<&str>) -> (Duration, Option<String>) {
    let Some(raw) = raw.map(str::trim).filter(|r| !r.is_empty()) else {
        return (DEFAULT_TIMEOUT, None);
    };
    let max = DEFAULT_TIMEOUT.as_millis();
    match raw.parse::<u64>() {
        Ok(ms) if ms >= 1 && u128::from(ms) <= max => (Duration::from_millis(ms), None),
        _ => (
            DEFAULT_TIMEOUT,
            Some(format!(
                "{TIMEOUT_ENV}={raw:?} is not a number of milliseconds from 1 to {max}; using {}",
                seconds(DEFAULT_TIMEOUT)
            )),
        ),
    }
}

/// `30 s`, `1.5 s`, `250 ms`.
fn seconds(d: Duration) -> String {
    if d < Duration::from_secs(1) {
        format!("{} ms", d.as_millis())
    } else {
        format!("{} s", d.as_secs_f64())
    }
}

/// Runs keychain call `call` with the time limit [`timeout`].
fn limited<T: Send + 'static>(
    call: impl FnOnce() -> Result<T, KeychainError> + Send + 'static,
) -> Result<T, KeychainError> {
    within(timeout(), call)
}

/// `call`'s answer, or [`KeychainError::Unavailable`] when none comes within `limit`.
fn within<T: Send + 'static>(
    limit: Duration,
    call: impl FnOnce() -> Result<T, KeychainError> + Send + 'static,
) -> Result<T, KeychainError> {
    let (tx, rx) = mpsc::sync_channel(1);
    std::thread::Builder::new()
        .name("keychain".into())
        .spawn(move || {
            // The receiver is gone after a timeout: nobody waits for the answer.
            let _ = tx.send(call());
        })
        .map_err(|e| KeychainError::Failed(format!("cannot start the keychain call: {e}")))?;
    match rx.recv_timeout(limit) {
        Ok(answer) => answer,
        Err(RecvTimeoutError::Timeout) => Err(KeychainError::Unavailable(format!(
            "the keychain did not answer within {}: is it locked?",
            seconds(limit)
        ))),
        Err(RecvTimeoutError::Disconnected) => Err(KeychainError::Failed(
            "the keychain call ended without an answer".into(),
        )),
    }
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
    let provider = provider.to_owned();
    limited(move || read(&provider)).map(|k| k.and_then(ApiKey::new))
}

/// The secret stored under `user`, if any (no time limit: callers add it).
fn read(user: &str) -> Result<Option<String>, KeychainError> {
    match entry(user)?.get_password() {
        Ok(s) => Ok(Some(s)),
        Err(keyring::Error::NoEntry) => Ok(None),
        Err(e) => Err(classify(e)),
    }
}

/// Stores `secret` under `user`, with the time limit.
fn write(user: String, secret: String) -> Result<(), KeychainError> {
    limited(move || entry(&user)?.set_password(&secret).map_err(classify))
}

/// Deletes the secret under `user`, with the time limit; an absent one is not an error.
fn delete(user: String) -> Result<(), KeychainError> {
    limited(move || match entry(&user)?.delete_credential() {
        Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
        Err(e) => Err(classify(e)),
    })
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
    write(provider.to_owned(), key.expose().to_owned())
}

/// Removes the key for `provider`; removing an absent key is not an error.
pub fn remove(provider: &str) -> Result<(), KeychainError> {
    delete(provider.to_owned())
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
    let user = mail_entry_name(account);
    limited(move || read(&user)).map(|p| p.and_then(Password::new))
}

/// Stores (or replaces) the password of mail account `account`.
pub fn set_mail_password(account: &str, password: &Password) -> Result<(), KeychainError> {
    write(mail_entry_name(account), password.expose().to_owned())
}

/// Removes the password of mail account `account`; an absent one is not an error.
pub fn remove_mail_password(account: &str) -> Result<(), KeychainError> {
    delete(mail_entry_name(account))
}

/// The keychain entry of a secret export header: `otlp-header:NAME` (no provider or
/// mail account name holds a colon followed by this prefix).
pub fn otlp_header_entry_name(header: &str) -> String {
    format!("otlp-header:{}", header.to_ascii_lowercase())
}

/// The stored value of secret export header `header`, if any (registered as a secret:
/// never in a log line).
pub fn otlp_header(header: &str) -> Result<Option<String>, KeychainError> {
    let user = otlp_header_entry_name(header);
    let value = limited(move || read(&user))?;
    if let Some(v) = &value {
        crate::logging::register_secret(v);
    }
    Ok(value)
}

/// Stores (or replaces) the value of secret export header `header`.
pub fn set_otlp_header(header: &str, value: &str) -> Result<(), KeychainError> {
    crate::logging::register_secret(value);
    write(otlp_header_entry_name(header), value.to_owned())
}

/// Removes secret export header `header`; an absent one is not an error.
pub fn remove_otlp_header(header: &str) -> Result<(), KeychainError> {
    delete(otlp_header_entry_name(header))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Instant;

    #[test]
    fn a_call_that_does_not_answer_in_time_is_an_unavailable_keychain() {
        let (release, wait) = mpsc::channel::<()>();
        let started = Instant::now();
        let err = within(Duration::from_millis(200), move || {
            // Like a read waiting on an unlock prompt nobody answers.
            let _ = wait.recv();
            Ok(())
        })
        .expect_err("no answer within the limit");
        let waited = started.elapsed();
        drop(release);
        assert!(
            waited >= Duration::from_millis(200) && waited < Duration::from_secs(5),
            "it waits the limit and no longer: {waited:?}"
        );
        assert_eq!(
            err,
            KeychainError::Unavailable(
                "the keychain did not answer within 200 ms: is it locked?".into()
            ),
            "a timeout is an unavailable keychain, saying why"
        );
        assert!(
            err.to_string()
                .contains("the keychain did not answer within 200 ms: is it locked?"),
            "the message reaches the person: {err}"
        );
    }

    #[test]
    fn a_call_that_answers_in_time_gives_its_answer() {
        assert_eq!(
            within(Duration::from_secs(5), || Ok(7)),
            Ok(7),
            "the answer"
        );
        assert_eq!(
            within(Duration::from_secs(5), || Err::<(), _>(
                KeychainError::Failed("refused".into())
            )),
            Err(KeychainError::Failed("refused".into())),
            "and its error, unchanged"
        );
        let panicked = within(Duration::from_secs(5), || -> Result<(), KeychainError> {
            panic!("a keychain backend bug")
        });
        assert!(
            matches!(panicked, Err(KeychainError::Failed(_))),
            "a call that dies answers at once, as a failure: {panicked:?}"
        );
    }

    #[test]
    fn the_limit_comes_from_the_environment_and_bad_values_are_ignored() {
        assert_eq!(parse_timeout(None), (DEFAULT_TIMEOUT, None), "unset");
        assert_eq!(parse_timeout(Some(" ")), (DEFAULT_TIMEOUT, None), "empty");
        assert_eq!(
            parse_timeout(Some("1000")),
            (Duration::from_millis(1000), None),
            "milliseconds"
        );
        assert_eq!(
            parse_timeout(Some("30000")).0,
            DEFAULT_TIMEOUT,
            "the maximum"
        );
        for bad in ["0", "-5", "1s", "30001", "99999999999999999999"] {
            let (limit, problem) = parse_timeout(Some(bad));
            assert_eq!(limit, DEFAULT_TIMEOUT, "{bad:?} falls back to the default");
            let problem = problem.unwrap_or_default();
            assert!(
                problem.contains(TIMEOUT_ENV) && problem.contains("using 30 s"),
                "{bad:?} is reported: {problem}"
            );
        }
        assert_eq!(seconds(Duration::from_millis(1500)), "1.5 s");
        assert_eq!(seconds(Duration::from_millis(250)), "250 ms");
    }

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
