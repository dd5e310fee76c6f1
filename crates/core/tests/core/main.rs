//! Integration tests of jobtrail-core on real SQLite files.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

mod agent;
mod applications;
mod concurrency;
mod cost;
mod eval;
mod explain;
mod failsafe;
mod hostile;
mod inbox;
mod mail;
mod monitor;
mod notices;
mod store;
mod telemetry;
mod triage;

use std::sync::Arc;

use jobtrail_core::Store;
use jobtrail_core::clock::ManualClock;

/// A store in a fresh temporary directory with a clock the test controls.
pub fn temp_store() -> (tempfile::TempDir, Store, ManualClock) {
    let dir = tempfile::tempdir().expect("temp dir");
    let clock = ManualClock::new(1_780_000_000_000);
    let store = Store::open_with_clock(dir.path(), Arc::new(clock.clone())).expect("open store");
    (dir, store, clock)
}

/// A client for the test server, with a test key and a short deadline.
pub fn test_client(
    server: &jobtrail_llm_testserver::TestServer,
) -> jobtrail_core::agent::llm::LlmClient {
    client_with_key(server, "sk-test-1234")
}

/// A client for the test server sending `key`.
pub fn client_with_key(
    server: &jobtrail_llm_testserver::TestServer,
    key: &str,
) -> jobtrail_core::agent::llm::LlmClient {
    jobtrail_core::agent::llm::LlmClient::new(jobtrail_core::agent::llm::Endpoint {
        provider: "test".into(),
        base_url: server.base_url(),
        api_key: jobtrail_core::agent::llm::ApiKey::new(key),
        timeout: std::time::Duration::from_secs(5),
    })
    .expect("client")
}

/// A runtime whose model is the test server, with the default failsafe on a clock of
/// its own (retry waits take no time).
pub fn test_runtime(server: &jobtrail_llm_testserver::TestServer) -> jobtrail_core::agent::Runtime {
    runtime_for(test_client(server))
}

/// A runtime for `client` with the default failsafe on a clock of its own.
pub fn runtime_for(client: jobtrail_core::agent::llm::LlmClient) -> jobtrail_core::agent::Runtime {
    use jobtrail_core::failsafe::{CircuitBreakerConfig, Failsafe, RetryPolicy};
    let failsafe = Failsafe::new(
        RetryPolicy::default(),
        CircuitBreakerConfig::default(),
        Arc::new(ManualClock::new(0)),
    );
    jobtrail_core::agent::Runtime::new(Some(client)).with_failsafe(Arc::new(failsafe))
}

/// Adds an application as the user would (the draft is validated like typed input).
pub fn add_app(
    store: &mut Store,
    company: &str,
    role: &str,
    status: &str,
) -> jobtrail_core::tracker::Application {
    use jobtrail_core::tracker::{ApplicationDraft, NewApplication, Origin, applications};
    let new = NewApplication::try_from(ApplicationDraft {
        company: company.into(),
        role: role.into(),
        status: Some(status.into()),
        ..Default::default()
    })
    .expect("valid draft");
    applications::add(store, &new, Origin::User).expect("added")
}
