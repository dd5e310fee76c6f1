//! What can go wrong reading a mailbox, classified for the failsafe: a network fault
//! is retried, a refused password stops the account until a person gives a new one.

use crate::failsafe::{AttemptTimedOut, Classified, ErrorCategory, RecoveryStrategy};
use crate::secrets::KeychainError;

/// Result of mail operations.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A mail failure a person can act on.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Invalid account settings or input (the field is named).
    #[error(transparent)]
    Invalid(crate::Error),
    /// No account has this name.
    #[error("no mail account named {0:?}")]
    UnknownAccount(String),
    /// The server could not be reached.
    #[error("cannot reach {server}: {reason}")]
    Connect {
        /// `host:port`.
        server: String,
        /// What the network said.
        reason: String,
    },
    /// The server did not answer in time.
    #[error("{server} did not answer in time ({what})")]
    Timeout {
        /// `host:port`.
        server: String,
        /// What was waited for.
        what: String,
    },
    /// The secure connection failed (an untrusted or wrong certificate, no TLS).
    #[error("secure connection to {server} failed: {reason}")]
    Tls {
        /// `host:port`.
        server: String,
        /// Why.
        reason: String,
    },
    /// The server refused the user name or password.
    #[error("{server} refused the user name or password ({reason}); enter a new app password")]
    Authentication {
        /// `host:port`.
        server: String,
        /// The server's words.
        reason: String,
    },
    /// No password is stored for the account.
    #[error("no password is stored for mail account {0:?}; enter its app password")]
    NoPassword(String),
    /// A folder does not exist or cannot be read.
    #[error("folder {folder:?}: {reason}")]
    Folder {
        /// The folder.
        folder: String,
        /// The server's words.
        reason: String,
    },
    /// The server answered something we cannot use.
    #[error("{server} answered unexpectedly: {reason}")]
    Protocol {
        /// `host:port`.
        server: String,
        /// What was wrong.
        reason: String,
    },
    /// The server refused to hand out some message of a batch (the connection is
    /// fine): the batch is read again one message at a time.
    #[error("the server could not hand out a message: {0}")]
    Unreadable(String),
    /// The keychain could not be used.
    #[error(transparent)]
    Keychain(#[from] KeychainError),
    /// The account's circuit is open after repeated failures.
    #[error("{circuit} is paused after repeated failures; it is tried again at {retry_at}")]
    CircuitOpen {
        /// The circuit (`imap:NAME`).
        circuit: String,
        /// When a probe may go through (RFC 3339).
        retry_at: String,
    },
    /// The store failed.
    #[error(transparent)]
    Store(#[from] crate::store::Error),
}

impl Error {
    /// The stable code scripts and the UI act on: `authentication` for a refused or
    /// missing password, `tls` for a certificate or handshake failure, `invalid_input`,
    /// `not_found`, else the category's name.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Invalid(crate::Error::Invalid { .. }) => "invalid_input",
            Error::Invalid(crate::Error::NotFound { .. }) | Error::UnknownAccount(_) => "not_found",
            Error::Authentication { .. } | Error::NoPassword(_) => "authentication",
            Error::Keychain(_) => "keychain_unavailable",
            Error::CircuitOpen { .. } => "circuit_open",
            Error::Tls { .. } => "tls",
            other => other.category().as_str(),
        }
    }

    /// Whether a person must act before the account can sync again.
    pub fn needs_password(&self) -> bool {
        matches!(self, Error::Authentication { .. } | Error::NoPassword(_))
    }
}

impl From<crate::Error> for Error {
    fn from(e: crate::Error) -> Self {
        match e {
            crate::Error::Store(s) => Error::Store(s),
            other => Error::Invalid(other),
        }
    }
}

impl From<AttemptTimedOut> for Error {
    fn from(e: AttemptTimedOut) -> Self {
        Error::Timeout {
            server: "the mail server".into(),
            what: format!("no answer within {} s", e.0.as_secs()),
        }
    }
}

impl Classified for Error {
    fn category(&self) -> ErrorCategory {
        match self {
            Error::Invalid(_) | Error::UnknownAccount(_) => ErrorCategory::Validation,
            Error::Connect { .. } => ErrorCategory::Network,
            Error::Timeout { .. } => ErrorCategory::Timeout,
            Error::Tls { .. } | Error::Folder { .. } | Error::Keychain(_) => {
                ErrorCategory::Configuration
            }
            Error::Authentication { .. } | Error::NoPassword(_) => ErrorCategory::Authentication,
            Error::Protocol { .. } | Error::CircuitOpen { .. } | Error::Unreadable(_) => {
                ErrorCategory::ExternalService
            }
            Error::Store(_) => ErrorCategory::Resource,
        }
    }

    fn kind(&self) -> &str {
        match self {
            Error::Connect { .. } => "imap_connect",
            Error::Timeout { .. } => "imap_timeout",
            Error::Tls { .. } => "imap_tls",
            Error::Authentication { .. } => "imap_login_refused",
            Error::NoPassword(_) => "imap_no_password",
            Error::Folder { .. } => "imap_folder",
            Error::Protocol { .. } => "imap_protocol",
            Error::Unreadable(_) => "imap_unreadable",
            Error::CircuitOpen { .. } => "circuit_open",
            other => other.category().as_str(),
        }
    }

    fn retryable(&self) -> bool {
        // A protocol surprise may be a server hiccup; an open circuit is not retried
        // here (the breaker decides when to try again).
        matches!(
            self,
            Error::Connect { .. } | Error::Timeout { .. } | Error::Protocol { .. }
        )
    }

    fn strategy(&self) -> RecoveryStrategy {
        match self {
            Error::Authentication { .. } | Error::NoPassword(_) => {
                RecoveryStrategy::EscalateToAdmin
            }
            _ => self.category().strategy(),
        }
    }
}
