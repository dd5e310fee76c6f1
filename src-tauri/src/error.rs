//! The one error type that crosses IPC: `{ code, message, field? }`.

use serde::Serialize;

use jobtrail_core::service::{keys, runs};
use jobtrail_core::{mail, store, tracker};

/// What the UI may act on. Serialized in snake_case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// An argument is invalid; `field` says which.
    InvalidInput,
    /// The thing asked for does not exist (any more).
    NotFound,
    /// The database cannot be used (opening failed, corrupt, read-only, newer version).
    StoreUnavailable,
    /// The OS keychain is missing or locked: agents run on the built-in engine or the
    /// environment's key until it is unlocked.
    KeychainUnavailable,
    /// All agents are paused (tray or toolbar); resuming lets runs start again.
    AgentsPaused,
    /// A mail server refused the user name or password, or none is stored: the
    /// account waits for a new app password.
    Authentication,
    /// Anything else.
    Internal,
}

/// An error a person can act on, as the UI receives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, specta::Type, thiserror::Error)]
#[serde(rename_all = "camelCase")]
#[error("{message}")]
pub struct IpcError {
    /// What kind of failure.
    pub code: ErrorCode,
    /// A sentence for the person.
    pub message: String,
    /// The input field at fault, for `invalid_input`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

impl IpcError {
    /// An error without a field.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code,
            message: readable(message.into()),
            field: None,
        }
    }

    /// An invalid argument.
    pub fn invalid(field: &str, message: impl Into<String>) -> Self {
        Self {
            code: ErrorCode::InvalidInput,
            message: readable(message.into()),
            field: Some(readable(field.to_owned())),
        }
    }

    /// Nothing of the kind asked for exists.
    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::NotFound, message)
    }

    /// A failure with nothing for the person to fix in their input.
    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::Internal, message)
    }

    pub(crate) fn from_store(e: &store::Error) -> Self {
        let code = match e {
            store::Error::Busy { .. } | store::Error::Sqlite { .. } => ErrorCode::Internal,
            _ => ErrorCode::StoreUnavailable,
        };
        Self::new(code, e.to_string())
    }
}

/// Longest message the UI gets, in characters.
const MAX_MESSAGE_CHARS: usize = 400;

/// A message cut to a length a person reads: errors quote the value at fault, and a
/// megabyte of pasted text must not come back as the error.
fn readable(message: String) -> String {
    match message.char_indices().nth(MAX_MESSAGE_CHARS) {
        Some((end, _)) => format!("{}…", &message[..end]),
        None => message,
    }
}

impl From<store::Error> for IpcError {
    fn from(e: store::Error) -> Self {
        Self::from_store(&e)
    }
}

impl From<tracker::Error> for IpcError {
    fn from(e: tracker::Error) -> Self {
        match e {
            tracker::Error::Invalid { field, .. } => Self::invalid(field, e.sentence()),
            tracker::Error::NotFound { .. } => Self::new(ErrorCode::NotFound, e.to_string()),
            tracker::Error::Store(s) => s.into(),
        }
    }
}

impl From<jobtrail_core::secrets::KeychainError> for IpcError {
    fn from(e: jobtrail_core::secrets::KeychainError) -> Self {
        use jobtrail_core::secrets::KeychainError;
        let code = match e {
            KeychainError::Unavailable(_) => ErrorCode::KeychainUnavailable,
            KeychainError::Failed(_) => ErrorCode::Internal,
        };
        // Keychain messages come from the OS and never hold the key itself.
        Self::new(code, e.to_string())
    }
}

impl From<mail::Error> for IpcError {
    fn from(e: mail::Error) -> Self {
        match e {
            mail::Error::Invalid(inner) => inner.into(),
            mail::Error::UnknownAccount(_) => Self::not_found(e.to_string()),
            mail::Error::Authentication { .. } | mail::Error::NoPassword(_) => {
                Self::new(ErrorCode::Authentication, e.to_string())
            }
            mail::Error::Keychain(k) => k.into(),
            mail::Error::Store(s) => s.into(),
            // Server words may quote what was sent; redact as the error log does.
            other => Self::internal(jobtrail_core::logging::redact(&other.to_string())),
        }
    }
}

impl From<runs::Error> for IpcError {
    fn from(e: runs::Error) -> Self {
        match e {
            runs::Error::Paused => Self::new(
                ErrorCode::AgentsPaused,
                "All agents are paused. Resume them from the tray menu or the toolbar to run one.",
            ),
            runs::Error::Refused(e) => e.into(),
        }
    }
}

impl From<keys::KeyError> for IpcError {
    fn from(e: keys::KeyError) -> Self {
        match e {
            keys::KeyError::Blank => Self::invalid("key", "Paste the API key first"),
            keys::KeyError::TooLong => Self::invalid(
                "key",
                format!(
                    "An API key is at most {} characters",
                    jobtrail_core::secrets::MAX_KEY_CHARS
                ),
            ),
            keys::KeyError::Provider(e) => e.into(),
            keys::KeyError::Keychain(e) => e.into(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_messages_are_cut_for_people() {
        let e = IpcError::invalid("company", format!("unknown company {}", "é".repeat(5000)));
        assert_eq!(e.message.chars().count(), MAX_MESSAGE_CHARS + 1);
        assert!(e.message.ends_with('…'));
        assert_eq!(IpcError::internal("short").message, "short");
    }

    #[test]
    fn serializes_as_code_message_and_field() {
        let e = IpcError::invalid("company", "company is required");
        let json = serde_json::to_value(&e).expect("serializes");
        assert_eq!(
            json,
            serde_json::json!({"code": "invalid_input", "message": "company is required", "field": "company"}),
            "the UI reads exactly this shape"
        );
        let e = IpcError::new(ErrorCode::NotFound, "gone");
        let json = serde_json::to_value(&e).expect("serializes");
        assert_eq!(
            json,
            serde_json::json!({"code": "not_found", "message": "gone"}),
            "field is omitted when there is none"
        );
    }

    #[test]
    fn mail_errors_keep_what_the_ui_acts_on() {
        let refused = IpcError::from(mail::Error::Authentication {
            server: "imap.example.com:993".into(),
            reason: "[AUTHENTICATIONFAILED] Invalid credentials".into(),
        });
        assert_eq!(
            serde_json::to_value(&refused).expect("serializes")["code"],
            "authentication",
            "the Settings view asks for a new password on this code"
        );
        assert_eq!(
            IpcError::from(mail::Error::NoPassword("work".into())).code,
            ErrorCode::Authentication,
            "no stored password asks for one too"
        );
        let unknown = IpcError::from(mail::Error::UnknownAccount("gone".into()));
        assert_eq!(unknown.code, ErrorCode::NotFound);
        let bad = jobtrail_core::mail::account::check_name("no spaces").expect_err("invalid");
        let bad = IpcError::from(bad);
        assert_eq!(
            (bad.code, bad.field.as_deref()),
            (ErrorCode::InvalidInput, Some("name")),
            "the form shows it next to the name"
        );
        let net = IpcError::from(mail::Error::Connect {
            server: "localhost:1".into(),
            reason: "connection refused".into(),
        });
        assert_eq!(net.code, ErrorCode::Internal);
        assert!(net.message.contains("localhost:1"), "{}", net.message);
    }
}
