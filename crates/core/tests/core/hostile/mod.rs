//! Hostile and broken input, as property tests: whatever comes in, the core answers
//! with a clear error (an `Err` whose message names the problem, or a documented
//! fallback such as the built-in engine), never panics, and loses no data.
//!
//! Covered:
//! - email: [`mail::parse`] on arbitrary bytes, on mutated valid messages, on hostile
//!   MIME (broken boundaries, bad charsets, base64 garbage, huge lines, deep nesting)
//!   and on out-of-range dates; [`import::import_files`] on generated `.mbox`/`.eml`
//!   files mixing well-formed and broken messages (every well-formed one is stored
//!   whole, broken ones are reported by position, a second import adds nothing) and on
//!   garbage files;
//! - settings: every setter with NaN, infinities, negative and huge numbers, empty,
//!   unicode, SQL and HTML strings (an `Ok` reads back as saved, an `Err` is a
//!   validation error that leaves the stored value unchanged); garbage in the settings
//!   table reads as valid settings; the environment-derived settings, in a child
//!   process per case (the workspace forbids `unsafe`, so this process cannot
//!   `set_var`);
//! - mail accounts: any draft is stored exactly as checked or refused naming its
//!   field, and the pre-filter gives a reason for any message;
//! - the price table: `prices::set` with hostile drafts, and `ModelPrice::cost` /
//!   `TokenUsage` on any token counts up to `u64::MAX`;
//! - model output: agents run against the real test server with invalid JSON, JSON of
//!   the wrong schema, out-of-range numbers, 1 MB strings and tool calls to unknown
//!   tools or with bad arguments; every run is recorded and classified, and the store
//!   stays usable.
//!
//! Case counts are fixed and modest (16 to 256 per property: fewest where each case is
//! an HTTP round trip or a child process, since those cost milliseconds, not
//! microseconds), so the module runs in a few seconds in a debug build on a 2-core
//! machine; `PROPTEST_CASES` does not change them. Nothing is written to the source
//! tree (`failure_persistence: None`): a failure prints its smallest input, and
//! `PROPTEST_RNG_SEED=<n>` makes a run reproducible.

use std::cell::RefCell;
use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard, PoisonError};

use jobtrail_core::agent::config::AgentConfigDraft;
use jobtrail_core::agent::config::ProviderSettings;
use jobtrail_core::agent::email_analyst::{EmailAnalyst, EmailInput};
use jobtrail_core::agent::job_match::{JobMatch, JobMatchInput, JobMatchResult};
use jobtrail_core::agent::llm::TokenUsage;
use jobtrail_core::agent::{Agent, AgentRun, Engine, Outcome, RunSettings};
use jobtrail_core::cost::Money;
use jobtrail_core::cost::budget::{self, Budgets};
use jobtrail_core::failsafe::FailsafeConfig;
use jobtrail_core::ledger::MonitoringConfig;
use jobtrail_core::ledger::execution::LlmCallRecord;
use jobtrail_core::ledger::prices::{self, ModelPrice, PriceDraft};
use jobtrail_core::monitor::alerts::AlertThresholds;
use jobtrail_core::notices::NotificationSettings;
use jobtrail_core::settings;
use jobtrail_core::tracker::profile::Profile;
use jobtrail_core::tracker::{import, mail};
use jobtrail_core::{Error, Store};
use jobtrail_llm_testserver::{Reply, TestServer, Usage};
use proptest::prelude::*;
use proptest::test_runner::{Config as ProptestConfig, TestCaseError, TestRunner};
use serde_json::{Value, json};

use crate::{temp_store, test_runtime};

// ---------------------------------------------------------------------------------
// Harness

/// `cases` cases, nothing written to the source tree, bounded shrinking.
fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        max_shrink_iters: 512,
        ..ProptestConfig::default()
    }
}

/// Runs `test` on `cases` values of `strategy`; a failure (or panic) fails the test
/// with the smallest input found.
fn check<S: Strategy>(
    cases: u32,
    strategy: S,
    test: impl Fn(S::Value) -> Result<(), TestCaseError>,
) {
    let mut runner = TestRunner::new(config(cases));
    if let Err(e) = runner.run(&strategy, test) {
        panic!("{e}");
    }
}

/// A unique token per generated message or value, so shared stores never collide.
fn token() -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    format!("tk{}x", NEXT.fetch_add(1, Ordering::Relaxed))
}

fn lock(store: &Mutex<Store>) -> MutexGuard<'_, Store> {
    store.lock().unwrap_or_else(PoisonError::into_inner)
}

/// An integer query with no parameters (NULL reads as 0).
fn int(store: &Store, sql: &str) -> i64 {
    store
        .conn()
        .query_row(sql, [], |r| r.get::<_, Option<i64>>(0))
        .unwrap()
        .unwrap_or(0)
}

/// An integer query with one parameter, `?1` (NULL reads as 0).
fn int1(store: &Store, sql: &str, p: i64) -> i64 {
    store
        .conn()
        .query_row(sql, [p], |r| r.get::<_, Option<i64>>(0))
        .unwrap()
        .unwrap_or(0)
}

/// A validation error a person can act on: `Invalid`, naming a field and a reason.
fn clear_error(e: &Error) -> Result<(), TestCaseError> {
    match e {
        Error::Invalid { field, reason } => {
            prop_assert!(!field.is_empty() && !reason.trim().is_empty(), "{e:?}");
            prop_assert!(!e.sentence().trim().is_empty());
            Ok(())
        }
        other => Err(TestCaseError::fail(format!(
            "expected a validation error, got {other:?} ({other})"
        ))),
    }
}

const SQL: &str = "'); DROP TABLE executions;--";
const SQL_NO_SPACE: &str = "');DROP/**/TABLE/**/executions;--";
const HTML: &str = "<script>alert(1)</script>";

/// Strings people and attackers type: arbitrary unicode (control characters too),
/// empty, blank, SQL and HTML payloads, right-to-left overrides, long runs.
fn hostile_string() -> BoxedStrategy<String> {
    prop_oneof![
        4 => any::<String>(),
        2 => "\\PC{0,16}",
        1 => Just(String::new()),
        1 => "[ \t\r\n]{1,4}",
        1 => prop::sample::select(vec![
            SQL, SQL_NO_SPACE, HTML, "gpt-4o", "🦀", "\u{202e}evil", "a\u{0}b", "\u{1b}[31mred",
        ])
            .prop_map(str::to_owned),
        1 => (
            any::<String>(),
            prop::sample::select(vec![SQL, HTML, "\u{0}", "\u{feff}", "Ω≈ç√"]),
        )
            .prop_map(|(a, b)| format!("{a}{b}")),
        1 => (1usize..3000, prop::sample::select(vec!["é", "a", "𝕏", " "]))
            .prop_map(|(n, c)| c.repeat(n)),
    ]
    .boxed()
}

/// Numbers a form or a hand-edited file can hold: NaN, infinities, signed zeros,
/// extremes, and values around the valid ranges.
fn hostile_f64() -> BoxedStrategy<f64> {
    prop_oneof![
        2 => any::<f64>(),
        2 => prop::sample::select(vec![
            f64::NAN, f64::INFINITY, f64::NEG_INFINITY, -0.0, 0.0, -1.0, 1.0, 2.0, 7.0, -3.0,
            2.000_000_000_1, 1e308, -1e308, f64::MIN_POSITIVE, f64::EPSILON, 10.0, 10.5, 100.0,
            86_400.0, 9_600.0,
        ]),
        3 => -10.0..300.0f64,
    ]
    .boxed()
}

fn hostile_i64() -> BoxedStrategy<i64> {
    prop_oneof![
        any::<i64>(),
        prop::sample::select(vec![
            i64::MIN,
            -1,
            0,
            1,
            2,
            100,
            101,
            200_000,
            200_001,
            87_840,
            87_841,
            i64::MAX
        ]),
        -10i64..300_000,
    ]
    .boxed()
}

/// Amounts: any nano-dollar value (negative, sub-micro, past every limit) and
/// ordinary ones.
fn hostile_money() -> BoxedStrategy<Money> {
    prop_oneof![
        2 => any::<i64>().prop_map(Money::from_nanos),
        2 => (-1_000i64..2_000_000_000_000).prop_map(Money::from_micros),
        1 => (1i64..1_000_000).prop_map(Money::from_nanos),
        1 => prop::sample::select(vec![
            Money::ZERO, Money::from_nanos(-1), Money::from_nanos(1), Money::from_nanos(999),
            Money::from_micros(1), Money::from_micros(10_000_000_000),
            Money::from_micros(10_000_000_001), Money::from_micros(1_000_000_000_000),
            Money::from_micros(1_000_000_000_001), Money::from_nanos(i64::MAX),
            Money::from_nanos(i64::MIN), Money::from_micros(-1), Money::from_micros(-2_500_000),
        ]),
    ]
    .boxed()
}

/// Any JSON value, nested a few levels, with hostile strings and extreme numbers.
fn hostile_json() -> BoxedStrategy<Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        hostile_f64()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        hostile_string().prop_map(Value::String),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map(
                prop_oneof![hostile_string(), "[a-z_]{1,12}".boxed()],
                inner,
                0..4
            )
            .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
    .boxed()
}

mod mail_account_input;
mod mail_input;
mod model_output;
mod price_input;
mod settings_input;
