//! How an agent's failures meet the failsafe: their category, retryability and
//! recovery strategy, and the failsafe's own refusals (an open circuit, an attempt out
//! of time) as LLM errors. The failsafe is generic; the agent adapts to it here.

use crate::agent::RunError;
use crate::agent::llm::LlmError;
use crate::failsafe::breaker::CircuitOpen;
use crate::failsafe::retry::AttemptTimedOut;
use crate::failsafe::{Classified, ErrorCategory, RecoveryStrategy};

impl Classified for LlmError {
    fn category(&self) -> ErrorCategory {
        match self {
            LlmError::RateLimited { .. } => ErrorCategory::RateLimit,
            LlmError::Auth { .. } => ErrorCategory::Authentication,
            LlmError::ContextLength => ErrorCategory::ContextLength,
            LlmError::Http { status, .. } if *status >= 500 => ErrorCategory::ExternalService,
            // 408 and 409 are worth another try; 404 is a model or URL that does not exist.
            LlmError::Http { status: 408, .. } => ErrorCategory::Timeout,
            LlmError::Http { status: 409, .. } => ErrorCategory::ExternalService,
            LlmError::Http { status: 404, .. } => ErrorCategory::Configuration,
            LlmError::Http { .. } => ErrorCategory::Validation,
            LlmError::Timeout => ErrorCategory::Timeout,
            LlmError::Connect(_) => ErrorCategory::Network,
            LlmError::InvalidResponse(_) => ErrorCategory::InvalidModelOutput,
            LlmError::Config(_) => ErrorCategory::Configuration,
            LlmError::CircuitOpen { .. } => ErrorCategory::ExternalService,
        }
    }

    fn kind(&self) -> &str {
        LlmError::kind(self)
    }

    fn retry_after(&self) -> Option<&str> {
        match self {
            LlmError::RateLimited { retry_after } | LlmError::Http { retry_after, .. } => {
                retry_after.as_deref()
            }
            _ => None,
        }
    }

    fn retryable(&self) -> bool {
        // An open circuit refuses calls until its timeout: retrying at once is pointless.
        !matches!(self, LlmError::CircuitOpen { .. }) && self.category().is_transient()
    }

    fn strategy(&self) -> RecoveryStrategy {
        match self {
            LlmError::CircuitOpen { .. } => RecoveryStrategy::GracefulDegradation,
            _ => self.category().strategy(),
        }
    }
}

impl Classified for RunError {
    fn category(&self) -> ErrorCategory {
        match self {
            RunError::Llm(e) => e.category(),
            RunError::InvalidOutput(_) | RunError::Truncated | RunError::StepLimit(_) => {
                ErrorCategory::InvalidModelOutput
            }
            RunError::ContentFilter => ErrorCategory::ContentPolicy,
        }
    }

    fn kind(&self) -> &str {
        RunError::kind(self)
    }

    fn retry_after(&self) -> Option<&str> {
        match self {
            RunError::Llm(e) => Classified::retry_after(e),
            _ => None,
        }
    }

    fn retryable(&self) -> bool {
        match self {
            RunError::Llm(e) => Classified::retryable(e),
            _ => false,
        }
    }

    fn strategy(&self) -> RecoveryStrategy {
        match self {
            RunError::Llm(e) => Classified::strategy(e),
            _ => self.category().strategy(),
        }
    }
}

impl From<CircuitOpen> for LlmError {
    fn from(e: CircuitOpen) -> Self {
        LlmError::CircuitOpen {
            circuit: e.circuit,
            retry_at: e.retry_at,
        }
    }
}

impl From<AttemptTimedOut> for LlmError {
    fn from(_: AttemptTimedOut) -> Self {
        LlmError::Timeout
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::failsafe::Severity;

    #[test]
    fn only_failures_that_can_pass_are_retryable() {
        let retry = |e: LlmError| Classified::retryable(&e);
        assert!(retry(LlmError::RateLimited { retry_after: None }));
        assert!(retry(LlmError::Timeout));
        assert!(retry(LlmError::Connect("reset".into())));
        assert!(retry(LlmError::Http {
            status: 503,
            message: String::new(),
            retry_after: None,
        }));
        for status in [400, 401, 403, 404, 422] {
            let e = if matches!(status, 401 | 403) {
                LlmError::Auth { status }
            } else {
                LlmError::Http {
                    status,
                    message: String::new(),
                    retry_after: None,
                }
            };
            assert!(!retry(e), "HTTP {status} is never retried");
        }
        assert!(!retry(LlmError::CircuitOpen {
            circuit: "openai/gpt-4o".into(),
            retry_at: 0
        }));
        assert!(!Classified::retryable(&RunError::Truncated));
    }

    #[test]
    fn every_retryable_status_keeps_its_asked_wait() {
        let asked = |e: &LlmError| Classified::retry_after(e).map(str::to_owned);
        let rate_limited = LlmError::RateLimited {
            retry_after: Some("7".into()),
        };
        assert_eq!(asked(&rate_limited).as_deref(), Some("7"));
        for status in [500, 502, 503, 504, 529] {
            let e = LlmError::Http {
                status,
                message: "overloaded".into(),
                retry_after: Some("1.5".into()),
            };
            assert!(Classified::retryable(&e), "HTTP {status}");
            assert_eq!(asked(&e).as_deref(), Some("1.5"), "HTTP {status}");
            assert_eq!(
                Classified::retry_after(&RunError::Llm(e)),
                Some("1.5"),
                "through a run's error too"
            );
        }
    }

    #[test]
    fn authentication_asks_a_person() {
        let e = LlmError::Auth { status: 401 };
        assert_eq!(
            Classified::strategy(&e),
            RecoveryStrategy::EscalateToAdmin,
            "only a new key helps"
        );
        assert_eq!(e.category().severity(), Severity::High);
    }
}
