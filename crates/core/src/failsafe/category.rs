//! What kind of failure an error is, how bad, and what to do about it.

use serde::{Deserialize, Serialize};

/// What went wrong, in the terms recovery is decided by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCategory {
    /// No connection, reset, DNS.
    Network,
    /// No answer in time.
    Timeout,
    /// 429: the provider asks to slow down.
    RateLimit,
    /// 401/403: the key is missing, wrong or revoked.
    Authentication,
    /// A request the provider (or we) refuse as malformed: 400, 404, 422, bad input.
    Validation,
    /// Out of disk, memory or database capacity.
    Resource,
    /// Settings that cannot work (base URL, model name).
    Configuration,
    /// The provider failed on its side (5xx) or is switched off by an open circuit.
    ExternalService,
    /// The prompt is longer than the model's context window.
    ContextLength,
    /// The provider's content filter refused.
    ContentPolicy,
    /// The model answered, but not with a usable result.
    InvalidModelOutput,
    /// A budget's hard limit refused a paid call.
    BudgetExceeded,
    /// A bug or an unexpected state on our side.
    Internal,
}

impl ErrorCategory {
    /// Every category, in display order.
    pub const ALL: [ErrorCategory; 13] = [
        ErrorCategory::Network,
        ErrorCategory::Timeout,
        ErrorCategory::RateLimit,
        ErrorCategory::Authentication,
        ErrorCategory::Validation,
        ErrorCategory::Resource,
        ErrorCategory::Configuration,
        ErrorCategory::ExternalService,
        ErrorCategory::ContextLength,
        ErrorCategory::ContentPolicy,
        ErrorCategory::InvalidModelOutput,
        ErrorCategory::BudgetExceeded,
        ErrorCategory::Internal,
    ];

    /// The stored name.
    pub const fn as_str(self) -> &'static str {
        match self {
            ErrorCategory::Network => "network",
            ErrorCategory::Timeout => "timeout",
            ErrorCategory::RateLimit => "rate_limit",
            ErrorCategory::Authentication => "authentication",
            ErrorCategory::Validation => "validation",
            ErrorCategory::Resource => "resource",
            ErrorCategory::Configuration => "configuration",
            ErrorCategory::ExternalService => "external_service",
            ErrorCategory::ContextLength => "context_length",
            ErrorCategory::ContentPolicy => "content_policy",
            ErrorCategory::InvalidModelOutput => "invalid_model_output",
            ErrorCategory::BudgetExceeded => "budget_exceeded",
            ErrorCategory::Internal => "internal",
        }
    }

    /// The category stored as `name`.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == name)
    }

    /// Whether the same call may succeed if tried again: the only categories a retry
    /// policy may retry.
    pub const fn is_transient(self) -> bool {
        matches!(
            self,
            ErrorCategory::Network
                | ErrorCategory::Timeout
                | ErrorCategory::RateLimit
                | ErrorCategory::ExternalService
        )
    }

    /// Whether the failure says the service is unhealthy (what a circuit breaker
    /// counts). A refused key or a bad request says the service is up.
    pub const fn is_service_fault(self) -> bool {
        self.is_transient()
    }

    /// How bad it is when nothing recovers from it.
    pub const fn severity(self) -> Severity {
        match self {
            ErrorCategory::Network
            | ErrorCategory::Timeout
            | ErrorCategory::RateLimit
            | ErrorCategory::Validation => Severity::Low,
            ErrorCategory::ExternalService
            | ErrorCategory::ContextLength
            | ErrorCategory::ContentPolicy
            | ErrorCategory::InvalidModelOutput
            | ErrorCategory::BudgetExceeded => Severity::Medium,
            ErrorCategory::Authentication
            | ErrorCategory::Configuration
            | ErrorCategory::Resource => Severity::High,
            ErrorCategory::Internal => Severity::Critical,
        }
    }

    /// What to do about it by default.
    pub const fn strategy(self) -> RecoveryStrategy {
        match self {
            ErrorCategory::Network
            | ErrorCategory::Timeout
            | ErrorCategory::RateLimit
            | ErrorCategory::ExternalService => RecoveryStrategy::RetryWithBackoff,
            // The built-in engine reads any length and never answers malformed.
            ErrorCategory::ContextLength
            | ErrorCategory::ContentPolicy
            | ErrorCategory::InvalidModelOutput => RecoveryStrategy::FallbackToDefaults,
            ErrorCategory::BudgetExceeded => RecoveryStrategy::GracefulDegradation,
            ErrorCategory::Validation | ErrorCategory::Configuration => RecoveryStrategy::FailFast,
            // Only a person can fix these: a new key, disk space, a bug report.
            ErrorCategory::Authentication | ErrorCategory::Resource | ErrorCategory::Internal => {
                RecoveryStrategy::EscalateToAdmin
            }
        }
    }
}

impl std::str::FromStr for ErrorCategory {
    type Err = crate::Error;

    /// A category by its stored name, spaces around it ignored; an unknown name is
    /// invalid input on `category` listing the names there are.
    fn from_str(name: &str) -> crate::Result<Self> {
        Self::parse(name.trim())
            .ok_or_else(|| unknown("category", name, Self::ALL.iter().map(|c| c.as_str())))
    }
}

/// `"x" is not a category; use one of: a, b, c`.
fn unknown<'a>(
    field: &'static str,
    name: &str,
    names: impl Iterator<Item = &'a str>,
) -> crate::Error {
    crate::Error::invalid(
        field,
        format!(
            "{name:?} is not a {field}; use one of: {}",
            names.collect::<Vec<_>>().join(", ")
        ),
    )
}

impl std::fmt::Display for ErrorCategory {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How bad an error is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Expected now and then; handled without anyone noticing.
    Low,
    /// A run degraded or failed; worth a look if it repeats.
    Medium,
    /// Needs a person: nothing works until they act.
    High,
    /// A bug or data at risk.
    Critical,
}

impl Severity {
    /// Every severity, lowest first.
    pub const ALL: [Severity; 4] = [
        Severity::Low,
        Severity::Medium,
        Severity::High,
        Severity::Critical,
    ];

    /// The stored name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }

    /// The severity stored as `name`.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == name)
    }

    /// One level up (capped at critical).
    pub const fn raised(self) -> Self {
        match self {
            Severity::Low => Severity::Medium,
            Severity::Medium => Severity::High,
            Severity::High | Severity::Critical => Severity::Critical,
        }
    }
}

impl std::str::FromStr for Severity {
    type Err = crate::Error;

    /// A severity by its stored name, spaces around it ignored; an unknown name is
    /// invalid input on `severity` listing the names there are.
    fn from_str(name: &str) -> crate::Result<Self> {
        Self::parse(name.trim())
            .ok_or_else(|| unknown("severity", name, Self::ALL.iter().map(|s| s.as_str())))
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What the app does about an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum RecoveryStrategy {
    /// Try the same call again after a wait.
    RetryWithBackoff,
    /// Answer with the built-in engine instead of the model.
    FallbackToDefaults,
    /// Leave this item out and go on with the rest (a message in a bulk import).
    SkipAndContinue,
    /// Tell the person (a desktop notification): only they can fix it.
    EscalateToAdmin,
    /// Stop and report at once: trying again cannot help.
    FailFast,
    /// Keep working with less: the built-in engine while the provider is unavailable.
    GracefulDegradation,
}

impl RecoveryStrategy {
    /// Every strategy.
    pub const ALL: [RecoveryStrategy; 6] = [
        RecoveryStrategy::RetryWithBackoff,
        RecoveryStrategy::FallbackToDefaults,
        RecoveryStrategy::SkipAndContinue,
        RecoveryStrategy::EscalateToAdmin,
        RecoveryStrategy::FailFast,
        RecoveryStrategy::GracefulDegradation,
    ];

    /// The stored name.
    pub const fn as_str(self) -> &'static str {
        match self {
            RecoveryStrategy::RetryWithBackoff => "retry_with_backoff",
            RecoveryStrategy::FallbackToDefaults => "fallback_to_defaults",
            RecoveryStrategy::SkipAndContinue => "skip_and_continue",
            RecoveryStrategy::EscalateToAdmin => "escalate_to_admin",
            RecoveryStrategy::FailFast => "fail_fast",
            RecoveryStrategy::GracefulDegradation => "graceful_degradation",
        }
    }

    /// The strategy stored as `name`.
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == name)
    }

    /// Whether a run may still produce a result by this strategy (the built-in
    /// engine answers).
    pub const fn falls_back(self) -> bool {
        matches!(
            self,
            RecoveryStrategy::FallbackToDefaults | RecoveryStrategy::GracefulDegradation
        )
    }
}

impl std::fmt::Display for RecoveryStrategy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An error the failsafe can reason about.
pub trait Classified: std::fmt::Display {
    /// Its category.
    fn category(&self) -> ErrorCategory;

    /// A finer, stable name (`rate_limit`, `http`, `circuit_open`); the category's
    /// name by default.
    fn kind(&self) -> &str {
        self.category().as_str()
    }

    /// The wait the provider asked for before another try, in `Retry-After`'s syntax
    /// (seconds, possibly decimal, or an HTTP date), if it asked for one; a retry
    /// never comes sooner. See [`asked_wait`](super::retry::asked_wait) for a
    /// response's `retry-after-ms` and `Retry-After` taken together.
    fn retry_after(&self) -> Option<&str> {
        None
    }

    /// Whether trying the same call again may help; transient categories by default.
    fn retryable(&self) -> bool {
        self.category().is_transient()
    }

    /// The recovery strategy, when it differs from the category's.
    fn strategy(&self) -> RecoveryStrategy {
        self.category().strategy()
    }
}

/// An item a bulk operation left out and went on without (a malformed message in a
/// mailbox, an unreadable file among several).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct Skipped {
    /// Stable kind: `invalid_message`, `unreadable_file`.
    pub kind: &'static str,
    /// What was wrong.
    pub message: String,
}

impl Classified for Skipped {
    fn category(&self) -> ErrorCategory {
        ErrorCategory::Validation
    }

    fn kind(&self) -> &str {
        self.kind
    }

    fn strategy(&self) -> RecoveryStrategy {
        RecoveryStrategy::SkipAndContinue
    }
}

impl Classified for crate::store::Error {
    fn category(&self) -> ErrorCategory {
        use crate::store::Error as E;
        match self {
            E::Busy { .. } => ErrorCategory::Resource,
            E::Sqlite { source, .. }
                if source.sqlite_error_code() == Some(rusqlite::ErrorCode::DiskFull) =>
            {
                ErrorCategory::Resource
            }
            E::DataDir { .. }
            | E::ReadOnly { .. }
            | E::CannotOpen { .. }
            | E::NewerSchema { .. }
            | E::Config(_) => ErrorCategory::Configuration,
            _ => ErrorCategory::Internal,
        }
    }
}

impl Classified for crate::Error {
    fn category(&self) -> ErrorCategory {
        match self {
            crate::Error::Invalid { .. } | crate::Error::NotFound { .. } => {
                ErrorCategory::Validation
            }
            crate::Error::Store(e) => e.category(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for c in ErrorCategory::ALL {
            assert_eq!(ErrorCategory::parse(c.as_str()), Some(c), "{c}");
        }
        for s in Severity::ALL {
            assert_eq!(Severity::parse(s.as_str()), Some(s), "{s}");
        }
        for r in RecoveryStrategy::ALL {
            assert_eq!(RecoveryStrategy::parse(r.as_str()), Some(r), "{r}");
        }
    }

    #[test]
    fn typed_names_parse_and_unknown_ones_list_the_choices() {
        assert_eq!(
            " rate_limit ".parse::<ErrorCategory>().ok(),
            Some(ErrorCategory::RateLimit)
        );
        assert_eq!("high".parse::<Severity>().ok(), Some(Severity::High));
        let e = "nonsense".parse::<ErrorCategory>().expect_err("unknown");
        assert_eq!(
            e.to_string(),
            "category: \"nonsense\" is not a category; use one of: network, timeout, \
             rate_limit, authentication, validation, resource, configuration, \
             external_service, context_length, content_policy, invalid_model_output, \
             budget_exceeded, internal",
            "what `jobtrail errors list --category` prints"
        );
        let e = "huge".parse::<Severity>().expect_err("unknown");
        assert_eq!(
            e.to_string(),
            "severity: \"huge\" is not a severity; use one of: low, medium, high, critical"
        );
    }
}
