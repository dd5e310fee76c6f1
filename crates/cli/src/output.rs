//! Printing results and errors, as text or JSON.

use serde::Serialize;

use jobtrail_core::service::{keys, runs};
pub use jobtrail_core::text::clip_line as clip;
use jobtrail_core::{mail, store, tracker};

/// Where results go and in which form.
#[derive(Debug, Clone, Copy)]
pub struct Output {
    pub json: bool,
}

impl Output {
    /// Prints `value` as JSON, or `text()` for people.
    pub fn print<T: Serialize>(
        &self,
        value: &T,
        text: impl FnOnce() -> String,
    ) -> Result<(), CliError> {
        if self.json {
            let s = serde_json::to_string_pretty(value)
                .map_err(|e| CliError::Internal(format!("cannot encode JSON: {e}")))?;
            println!("{s}");
        } else {
            let s = text();
            if !s.is_empty() {
                println!("{s}");
            }
        }
        Ok(())
    }

    pub fn error(&self, e: &CliError) {
        if self.json {
            let body = serde_json::json!({ "error": {
                "code": e.code(),
                "message": e.to_string(),
                "field": e.field(),
            }});
            eprintln!("{body}");
        } else {
            eprintln!("jobtrail: {e}");
        }
    }
}

/// A command's failure.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    #[error(transparent)]
    Tracker(#[from] tracker::Error),
    #[error(transparent)]
    Store(#[from] store::Error),
    #[error(transparent)]
    Keychain(#[from] jobtrail_core::secrets::KeychainError),
    /// A mail account or server failure; its code is the mail error's own.
    #[error(transparent)]
    Mail(mail::Error),
    /// A mail sync ran, and some folders did not sync (every folder's report, with
    /// its error, is already printed).
    #[error("{folder} did not sync ({code}): {message}{}", others(*.failed))]
    MailSync {
        /// `account/folder` of the first that failed.
        folder: String,
        /// Its error's code (`authentication`, `network`, …).
        code: String,
        /// Its error's message.
        message: String,
        /// How many folders failed.
        failed: usize,
    },
    #[error("{0}")]
    Usage(String),
    #[error("{0}")]
    Internal(String),
    /// The command ran and was recorded, but did not succeed (details already printed).
    #[error("the run failed")]
    Failed,
}

fn others(failed: usize) -> String {
    match failed {
        0 | 1 => String::new(),
        2 => "; 1 more folder failed too".into(),
        n => format!("; {} more folders failed too", n - 1),
    }
}

/// The CLI has no pause switch: a run is refused only by its input, settings or store.
impl From<runs::Error> for CliError {
    fn from(e: runs::Error) -> Self {
        match e {
            runs::Error::Refused(e) => CliError::Tracker(e),
            paused @ runs::Error::Paused => CliError::Internal(paused.to_string()),
        }
    }
}

impl From<keys::KeyError> for CliError {
    fn from(e: keys::KeyError) -> Self {
        match e {
            keys::KeyError::Blank => CliError::Usage("no key on standard input".into()),
            too_long @ keys::KeyError::TooLong => CliError::Usage(too_long.to_string()),
            keys::KeyError::Provider(e) => CliError::Tracker(e),
            keys::KeyError::Keychain(e) => CliError::Keychain(e),
        }
    }
}

/// Store and keychain failures read the same whichever command met them.
impl From<mail::Error> for CliError {
    fn from(e: mail::Error) -> Self {
        match e {
            mail::Error::Store(e) => CliError::Store(e),
            mail::Error::Invalid(tracker::Error::Store(e)) => CliError::Store(e),
            mail::Error::Keychain(e) => CliError::Keychain(e),
            other => CliError::Mail(other),
        }
    }
}

impl CliError {
    pub fn code(&self) -> &str {
        match self {
            CliError::Mail(e) => e.code(),
            CliError::MailSync { code, .. } => code,
            CliError::Tracker(tracker::Error::Invalid { .. }) | CliError::Usage(_) => {
                "invalid_input"
            }
            CliError::Tracker(tracker::Error::NotFound { .. }) => "not_found",
            CliError::Tracker(tracker::Error::Store(_)) | CliError::Store(_) => "store_unavailable",
            CliError::Keychain(_) => "keychain_unavailable",
            CliError::Internal(_) => "internal",
            CliError::Failed => "failed",
        }
    }

    fn field(&self) -> Option<&'static str> {
        match self {
            CliError::Tracker(tracker::Error::Invalid { field, .. })
            | CliError::Mail(mail::Error::Invalid(tracker::Error::Invalid { field, .. })) => {
                Some(field)
            }
            _ => None,
        }
    }

    pub fn exit_code(&self) -> u8 {
        if let CliError::MailSync { .. } = self {
            // Whatever a folder's error, the sync ran: a failure, not bad input.
            return 1;
        }
        match self.code() {
            "invalid_input" => 2,
            "not_found" => 3,
            _ => 1,
        }
    }
}
