//! Jobtrail's core: everything the desktop app and the CLI share.
//!
//! This crate never depends on Tauri or any GUI toolkit, so it builds and tests
//! without WebKit and serves both `src-tauri` and the `jobtrail` CLI.
//!
//! Its modules form layers, each using only itself and the ones beneath it
//! (`scripts/check-layers.py` holds the map and `make lint` checks it): foundations
//! (`error`, `clock`, `text`, `files`, `logging`, `money`, `secrets`); `store` and
//! `settings`; `explain`, `failsafe`, `rollup`; `ledger` and `tracker`; `monitor`,
//! `cost`, `notices`, `mail`; `agent`; and on top `service` and `schema`.
#![deny(missing_docs)]

pub mod agent;
pub mod clock;
pub mod cost;
mod error;
pub mod explain;
pub mod failsafe;
pub mod files;
pub mod ledger;
pub mod logging;
pub mod mail;
pub mod money;
pub mod monitor;
pub mod notices;
pub mod rollup;
pub mod schema;
pub mod secrets;
pub mod service;
pub mod settings;
pub mod store;
pub mod telemetry;
pub mod text;
pub mod tracker;

pub use clock::{Clock, SystemClock, Timestamp};
pub use error::{Error, Result};
pub use store::Store;

/// The types the desktop app sends over IPC describe themselves to `specta`, so
/// `tauri-specta` can write their TypeScript.
#[cfg(all(test, feature = "specta"))]
mod specta_types {
    use specta::{Type, Types};

    fn assert_type<T: Type>() {}

    #[test]
    fn ipc_types_implement_type() {
        assert_type::<crate::cost::Money>();
        assert_type::<crate::agent::RunReport<serde_json::Value>>();
        assert_type::<crate::agent::ExecutionRecord>();
        assert_type::<crate::cost::CostSummary>();
        assert_type::<crate::cost::BudgetStatus>();
        assert_type::<crate::monitor::metrics::AggregatedMetrics>();
        assert_type::<crate::explain::Explanation>();
        assert_type::<crate::failsafe::errors::ErrorInfo>();
        assert_type::<crate::failsafe::breaker::CircuitStats>();
        assert_type::<crate::tracker::Application>();
        assert_type::<crate::service::settings::Settings>();
        assert_type::<crate::service::failsafe::FailsafeStatus>();
        assert_type::<crate::service::logs::LogLine>();
        assert_type::<crate::service::export::Format>();
        assert_type::<crate::explain::format::ExplanationFormat>();

        let types = Types::default()
            .register::<crate::agent::RunReport<serde_json::Value>>()
            .register::<crate::cost::CostSummary>()
            .register::<crate::failsafe::breaker::CircuitStats>();
        assert!(types.len() >= 5, "{} named types", types.len());
    }

    #[test]
    fn money_is_a_finite_json_number() {
        let mut types = Types::default();
        assert_eq!(
            crate::cost::Money::definition(&mut types),
            serde_json::Number::definition(&mut types)
        );
    }

    #[test]
    fn breaker_timeout_is_milliseconds() {
        let types = Types::default().register::<crate::failsafe::breaker::CircuitBreakerConfig>();
        let ty = types
            .into_unsorted_iter()
            .find(|t| t.name == "CircuitBreakerConfig")
            .and_then(|t| t.ty.as_ref())
            .map(|t| format!("{t:?}"))
            .unwrap_or_default();
        assert!(ty.contains("u64") && !ty.contains("secs"), "{ty}");
    }
}
