//! Errors of the job tracker.

/// Result of tracker operations.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A tracker failure a person can act on.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Input failed validation; `field` names what to fix.
    #[error("{field}: {reason}")]
    Invalid {
        /// The field at fault (as the UI and CLI name it).
        field: &'static str,
        /// What is wrong with it.
        reason: String,
    },
    /// Nothing of this kind has this id.
    #[error("no {what} with id {id}")]
    NotFound {
        /// What was looked for (`application`, `email`, `review item`).
        what: &'static str,
        /// The id asked for.
        id: i64,
    },
    /// The store failed.
    #[error(transparent)]
    Store(#[from] crate::store::Error),
}

impl Error {
    pub(crate) fn not_found(what: &'static str, id: i64) -> Self {
        Self::NotFound { what, id }
    }

    pub(crate) fn invalid(field: &'static str, reason: impl Into<String>) -> Self {
        Self::Invalid {
            field,
            reason: reason.into(),
        }
    }
}
