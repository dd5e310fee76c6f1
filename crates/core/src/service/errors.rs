//! The error log as the front ends ask for it: by hours back rather than a
//! timestamp, filtered by category, severity and run, within a bounded page.

use std::path::Path;

use crate::clock::Timestamp;
use crate::error::Result;
use crate::failsafe::errors::{self, ErrorExport};
use crate::failsafe::{self, ErrorCategory, ErrorFilter, ErrorInfo, ErrorStats, Severity};
use crate::store::Store;

/// Errors listed when no limit is given.
pub const DEFAULT_LIMIT: usize = 100;
/// Most errors listed at once.
pub const MAX_LIMIT: usize = 10_000;

/// Which handled errors to list; `None` does not filter.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct ErrorQuery {
    /// Only the last this many hours (above 0, at most 10 years).
    pub since_hours: Option<f64>,
    /// Only this category.
    pub category: Option<ErrorCategory>,
    /// Only this severity or worse.
    pub min_severity: Option<Severity>,
    /// Only this run's.
    pub execution_id: Option<i64>,
    /// At most this many ([`DEFAULT_LIMIT`] when `None`, never more than [`MAX_LIMIT`]).
    pub limit: Option<usize>,
}

/// The start of the last `hours` hours, ms UTC (`None`: all time).
fn since(store: &Store, hours: Option<f64>) -> Result<Option<Timestamp>> {
    failsafe::since_hours(store.now_ms(), hours)
}

/// Handled errors, newest first.
pub fn list(store: &Store, q: &ErrorQuery) -> Result<Vec<ErrorInfo>> {
    let filter = ErrorFilter {
        since: since(store, q.since_hours)?,
        category: q.category,
        min_severity: q.min_severity,
        execution_id: q.execution_id,
        limit: Some(q.limit.unwrap_or(DEFAULT_LIMIT).min(MAX_LIMIT)),
    };
    Ok(failsafe::list_errors(store, &filter)?)
}

/// Totals by category, severity and strategy, and the recovery rate (the spec's
/// `get_error_stats()`), over the last `since_hours` or all time.
pub fn stats(store: &Store, since_hours: Option<f64>) -> Result<ErrorStats> {
    Ok(failsafe::get_error_stats(
        store,
        since(store, since_hours)?,
    )?)
}

/// Writes the error history (with its totals) to `path` as JSON; returns what was
/// written.
pub fn export(store: &Store, path: &Path, since_hours: Option<f64>) -> Result<ErrorExport> {
    errors::export_errors(store, path, since(store, since_hours)?)
}

/// The error history (with its totals) as pretty JSON.
pub fn to_json(store: &Store, since_hours: Option<f64>) -> Result<String> {
    Ok(errors::errors_json(store, since(store, since_hours)?)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::failsafe::ErrorContext;

    #[derive(Debug)]
    struct Refused;

    impl std::fmt::Display for Refused {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("401 refused")
        }
    }

    impl failsafe::Classified for Refused {
        fn category(&self) -> ErrorCategory {
            ErrorCategory::Authentication
        }
        fn kind(&self) -> &str {
            "http"
        }
    }

    #[test]
    fn errors_are_listed_by_hours_category_severity_and_limit() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        for _ in 0..3 {
            failsafe::handle_error(&mut store, &Refused, ErrorContext::new("test")).unwrap();
        }
        let all = list(&store, &ErrorQuery::default()).unwrap();
        assert_eq!(all.len(), 3);
        let q = |q: ErrorQuery| list(&store, &q).unwrap().len();
        assert_eq!(
            q(ErrorQuery {
                category: Some(ErrorCategory::Authentication),
                min_severity: Some(Severity::High),
                since_hours: Some(1.0),
                ..ErrorQuery::default()
            }),
            3
        );
        assert_eq!(
            q(ErrorQuery {
                category: Some(ErrorCategory::Network),
                ..ErrorQuery::default()
            }),
            0
        );
        assert_eq!(
            q(ErrorQuery {
                min_severity: Some(Severity::Critical),
                ..ErrorQuery::default()
            }),
            0,
            "authentication is high"
        );
        assert_eq!(
            q(ErrorQuery {
                limit: Some(2),
                ..ErrorQuery::default()
            }),
            2
        );
        let err = list(
            &store,
            &ErrorQuery {
                since_hours: Some(-1.0),
                ..ErrorQuery::default()
            },
        )
        .expect_err("no negative hours");
        assert!(
            matches!(
                err,
                crate::Error::Invalid {
                    field: "sinceHours",
                    ..
                }
            ),
            "{err}"
        );
        assert_eq!(stats(&store, None).unwrap().total_errors, 3);

        let path = dir.path().join("errors.json");
        let written = export(&store, &path, Some(24.0)).unwrap();
        assert_eq!(written.errors.len(), 3);
        let json = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            serde_json::from_str::<ErrorExport>(&json)
                .unwrap()
                .errors
                .len(),
            3,
            "the file holds what was returned"
        );
        assert!(to_json(&store, None).unwrap().contains("\"errors\""));
    }
}
