//! The error of the core's domain operations (tracker, settings, agent tasks): what a
//! person can act on, with the field at fault for invalid input. The store's own
//! error lives here too, below the store, so every layer can name both.

mod store;

pub use store::{Error as StoreError, Result as StoreResult};

/// Result of domain operations.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A failure a person can act on.
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
    Store(#[from] StoreError),
}

impl Error {
    /// A sentence for a person, with the field named in words: "Max tokens must be
    /// between 1 and 200000" (the `Display` form, "maxTokens: …", suits logs and CLIs).
    pub fn sentence(&self) -> String {
        match self {
            Error::Invalid { field, reason } => format!("{} {reason}", field_label(field)),
            other => other.to_string(),
        }
    }

    pub(crate) fn not_found(what: &'static str, id: i64) -> Self {
        Self::NotFound { what, id }
    }

    /// Invalid input in `field`.
    pub fn invalid(field: &'static str, reason: impl Into<String>) -> Self {
        Self::Invalid {
            field,
            reason: reason.into(),
        }
    }
}

/// `maxTokens` → `Max tokens`, `baseUrl` → `Base URL`.
fn field_label(field: &str) -> String {
    let mut words = String::new();
    for (i, c) in field.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            words.push(' ');
        }
        words.extend(c.to_lowercase());
    }
    let words: Vec<&str> = words
        .split(' ')
        .map(|w| match w {
            "url" => "URL",
            "id" => "ID",
            w => w,
        })
        .collect();
    let words = words.join(" ");
    let mut chars = words.chars();
    chars
        .next()
        .map(|f| f.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_name_the_field_in_words() {
        let e = Error::invalid("maxTokens", "must be between 1 and 200000");
        assert_eq!(e.sentence(), "Max tokens must be between 1 and 200000");
        assert_eq!(
            Error::invalid("baseUrl", "is bad").sentence(),
            "Base URL is bad"
        );
        assert_eq!(
            Error::invalid("company", "is required").sentence(),
            "Company is required"
        );
        assert_eq!(Error::invalid("provider", "x").sentence(), "Provider x");
        assert_eq!(
            Error::invalid("applicationId", "x").sentence(),
            "Application ID x"
        );
        assert_eq!(e.to_string(), "maxTokens: must be between 1 and 200000");
    }
}
