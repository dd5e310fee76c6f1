//! Retrying async operations: a [`RetryPolicy`] says how often and how long to wait,
//! a [`RetryHandler`] applies it to any async function and counts what happened.
//!
//! Only errors that can succeed on another try are retried (network, timeout, 429,
//! 5xx); a refused key, a bad request or a budget refusal fails at once. The wait a
//! provider asks for on any retried response (`retry-after-ms`, else `Retry-After`)
//! replaces the computed wait when it fits under `max_delay`, and the retry never
//! comes sooner (jitter only adds to it): an early retry lands in the same overload.
//! A longer wait ends the retries, since waiting less would only be refused again.

use std::future::Future;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, RwLock};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::category::{Classified, ErrorCategory};
use crate::clock::{Clock, SystemClock, Timestamp};

/// How the wait grows from one retry to the next.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum BackoffStrategy {
    /// `initial × multiplierⁿ`.
    Exponential,
    /// Exponential, each wait drawn from its upper half, so many clients retrying
    /// together spread out.
    ExponentialJitter,
    /// `initial × (n + 1)`.
    Linear,
    /// Always `initial`.
    Fixed,
    /// `initial`, spread ±50 %.
    Jitter,
}

impl BackoffStrategy {
    /// Every strategy.
    pub const ALL: [BackoffStrategy; 5] = [
        BackoffStrategy::Exponential,
        BackoffStrategy::ExponentialJitter,
        BackoffStrategy::Linear,
        BackoffStrategy::Fixed,
        BackoffStrategy::Jitter,
    ];

    /// The name used in settings.
    pub const fn as_str(self) -> &'static str {
        match self {
            BackoffStrategy::Exponential => "exponential",
            BackoffStrategy::ExponentialJitter => "exponential_jitter",
            BackoffStrategy::Linear => "linear",
            BackoffStrategy::Fixed => "fixed",
            BackoffStrategy::Jitter => "jitter",
        }
    }
}

/// When and how often to try again.
#[derive(Debug, Clone, PartialEq)]
pub struct RetryPolicy {
    /// Retries after the first attempt (0: no retry).
    pub max_retries: u32,
    /// Wait before the first retry.
    pub initial_delay: Duration,
    /// Longest single wait, and the longest `Retry-After` honoured.
    pub max_delay: Duration,
    /// Growth factor of the exponential strategies (the spec's `retry_backoff_multiplier`).
    pub backoff_multiplier: f64,
    /// How waits grow.
    pub backoff_strategy: BackoffStrategy,
    /// The categories retried (the spec's `retry_on_exceptions`); transient ones only.
    pub retry_on: Vec<ErrorCategory>,
    /// Longest wait for one attempt before it counts as a timeout.
    pub attempt_timeout: Option<Duration>,
    /// Longest time for all attempts and waits together.
    pub deadline: Option<Duration>,
}

impl Default for RetryPolicy {
    /// The spec's example: 3 retries, 1 s doubling up to 60 s, with jitter, on
    /// network, timeout, rate-limit and provider errors; 60 s per attempt, 5 min in all.
    fn default() -> Self {
        Self {
            max_retries: 3,
            initial_delay: Duration::from_secs(1),
            max_delay: Duration::from_secs(60),
            backoff_multiplier: 2.0,
            backoff_strategy: BackoffStrategy::ExponentialJitter,
            retry_on: ErrorCategory::ALL
                .into_iter()
                .filter(|c| c.is_transient())
                .collect(),
            attempt_timeout: Some(Duration::from_secs(60)),
            deadline: Some(Duration::from_secs(300)),
        }
    }
}

/// Most retries a policy may ask for.
pub const MAX_RETRIES_LIMIT: u32 = 10;
/// Accepted range of the backoff multiplier.
pub const MULTIPLIER_RANGE: std::ops::RangeInclusive<f64> = 1.0..=10.0;
const MAX_WAIT: Duration = Duration::from_secs(3600);

impl RetryPolicy {
    /// Checks the policy: at most 10 retries, a multiplier from 1 to 10, delays up to
    /// an hour with `initial_delay ≤ max_delay`, non-zero timeouts, and only transient
    /// categories in `retry_on`.
    pub fn validated(self) -> crate::Result<Self> {
        let bad = |field, reason: String| Err(crate::Error::invalid(field, reason));
        if self.max_retries > MAX_RETRIES_LIMIT {
            return bad(
                "maxRetries",
                format!("must be between 0 and {MAX_RETRIES_LIMIT}"),
            );
        }
        if !self.backoff_multiplier.is_finite()
            || !MULTIPLIER_RANGE.contains(&self.backoff_multiplier)
        {
            return bad("retryBackoffMultiplier", "must be between 1 and 10".into());
        }
        if self.max_delay > MAX_WAIT || self.max_delay.is_zero() {
            return bad("maxDelay", "must be more than 0 and at most 1 hour".into());
        }
        if self.initial_delay > self.max_delay {
            return bad(
                "initialDelay",
                "must not be longer than the max delay".into(),
            );
        }
        if self.attempt_timeout.is_some_and(|t| t.is_zero()) {
            return bad("attemptTimeout", "must be more than 0".into());
        }
        if self.deadline.is_some_and(|t| t.is_zero()) {
            return bad("deadline", "must be more than 0".into());
        }
        if let Some(c) = self.retry_on.iter().find(|c| !c.is_transient()) {
            return bad(
                "retryOn",
                format!(
                    "{c} errors cannot succeed on a retry; only network, timeout, rate_limit and external_service can be retried"
                ),
            );
        }
        Ok(self)
    }

    /// The wait before retry number `retry` (0 for the first), given a random number
    /// in [0, 1) for the jittered strategies.
    pub fn delay(&self, retry: u32, random: f64) -> Duration {
        let initial = self.initial_delay.as_secs_f64();
        let exp = || {
            initial
                * self
                    .backoff_multiplier
                    .powi(i32::try_from(retry).unwrap_or(i32::MAX))
        };
        let secs = match self.backoff_strategy {
            BackoffStrategy::Exponential => exp(),
            BackoffStrategy::ExponentialJitter => exp() * (0.5 + 0.5 * random),
            BackoffStrategy::Linear => initial * f64::from(retry.saturating_add(1)),
            BackoffStrategy::Fixed => initial,
            BackoffStrategy::Jitter => initial * (0.5 + random),
        };
        let max = self.max_delay.as_secs_f64();
        Duration::from_secs_f64(if secs.is_finite() {
            secs.clamp(0.0, max)
        } else {
            max
        })
    }

    /// The wait before a retry the provider asked to come no sooner than `asked`:
    /// `asked` itself, plus up to 10 % more with the jittered strategies (as far as
    /// `max_delay` allows) so clients told the same wait do not all return together.
    /// Never shorter than `asked`.
    pub fn delay_at_least(&self, asked: Duration, random: f64) -> Duration {
        let spread = match self.backoff_strategy {
            BackoffStrategy::ExponentialJitter | BackoffStrategy::Jitter => {
                asked.mul_f64(0.1 * random.clamp(0.0, 1.0))
            }
            BackoffStrategy::Exponential | BackoffStrategy::Linear | BackoffStrategy::Fixed => {
                Duration::ZERO
            }
        };
        asked.saturating_add(spread).min(self.max_delay).max(asked)
    }

    fn retries(&self, error: &impl Classified) -> bool {
        error.retryable() && self.retry_on.contains(&error.category())
    }
}

/// An attempt cut by the policy's `attempt_timeout`; errors retried by a handler
/// convert from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AttemptTimedOut(pub Duration);

/// A failed attempt, as an observer sees it.
#[derive(Debug)]
pub struct AttemptFailure<'a, E> {
    /// 0 for the first attempt.
    pub attempt: u32,
    /// What went wrong.
    pub error: &'a E,
    /// The wait before the next attempt; `None` when this was the last.
    pub retry_in: Option<Duration>,
    /// Whether the handler cut the attempt at its timeout.
    pub timed_out: bool,
}

/// What a handler has done so far.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct RetryStats {
    /// Operations run through the handler.
    pub calls: u64,
    /// Attempts made, first tries included.
    pub attempts: u64,
    /// Operations that succeeded at the first attempt.
    pub succeeded_first_try: u64,
    /// Operations that failed at first and then succeeded on a retry.
    pub succeeded_after_retry: u64,
    /// Operations still failing with a retryable error when the policy ran out
    /// (retries, deadline, or a `Retry-After` beyond `max_delay`).
    pub exhausted: u64,
    /// Operations that failed with an error the policy never retries.
    pub not_retried: u64,
}

#[derive(Debug, Default)]
struct Counters {
    calls: AtomicU64,
    attempts: AtomicU64,
    first: AtomicU64,
    after_retry: AtomicU64,
    exhausted: AtomicU64,
    not_retried: AtomicU64,
}

fn bump(c: &AtomicU64) {
    c.fetch_add(1, Ordering::Relaxed);
}

/// Runs async operations under a [`RetryPolicy`] (the spec's `RetryHandler`).
#[derive(Debug)]
pub struct RetryHandler {
    policy: RwLock<RetryPolicy>,
    clock: Arc<dyn Clock>,
    counters: Counters,
    rng: AtomicU64,
}

impl RetryHandler {
    /// A handler on the wall clock.
    pub fn new(policy: RetryPolicy) -> Self {
        Self::with_clock(policy, Arc::new(SystemClock))
    }

    /// A handler whose waits and deadline go by `clock` (a test clock makes waits
    /// instant and measurable).
    pub fn with_clock(policy: RetryPolicy, clock: Arc<dyn Clock>) -> Self {
        let seed = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(0x9e37_79b9)
            ^ u64::from(std::process::id());
        Self {
            policy: RwLock::new(policy),
            clock,
            counters: Counters::default(),
            rng: AtomicU64::new(seed),
        }
    }

    /// The policy in force.
    pub fn policy(&self) -> RetryPolicy {
        self.policy
            .read()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }

    /// Replaces the policy for operations started from now on.
    pub fn set_policy(&self, policy: RetryPolicy) {
        *self
            .policy
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = policy;
    }

    /// Counts so far.
    pub fn stats(&self) -> RetryStats {
        let c = &self.counters;
        let get = |a: &AtomicU64| a.load(Ordering::Relaxed);
        RetryStats {
            calls: get(&c.calls),
            attempts: get(&c.attempts),
            succeeded_first_try: get(&c.first),
            succeeded_after_retry: get(&c.after_retry),
            exhausted: get(&c.exhausted),
            not_retried: get(&c.not_retried),
        }
    }

    /// Runs `op` until it succeeds or the policy says stop; returns its last error
    /// (the spec's `execute_async`). `op` gets the attempt number, 0 first.
    pub async fn execute<T, E, F, Fut>(&self, op: F) -> Result<T, E>
    where
        E: Classified + From<AttemptTimedOut>,
        F: FnMut(u32) -> Fut,
        Fut: Future<Output = Result<T, E>>,
    {
        self.execute_observed(op, |_| {}).await
    }

    /// [`execute`](Self::execute), telling `observe` about every failed attempt and
    /// whether (and when) it will be retried.
    pub async fn execute_observed<T, E, F, Fut, O>(&self, mut op: F, mut observe: O) -> Result<T, E>
    where
        E: Classified + From<AttemptTimedOut>,
        F: FnMut(u32) -> Fut,
        Fut: Future<Output = Result<T, E>>,
        O: FnMut(&AttemptFailure<'_, E>),
    {
        let policy = self.policy();
        let started = self.clock.now_ms();
        bump(&self.counters.calls);
        let mut attempt = 0u32;
        loop {
            bump(&self.counters.attempts);
            let limit = match (
                policy.attempt_timeout,
                remaining(&policy, started, self.clock.now_ms()),
            ) {
                (Some(t), Some(r)) => Some(t.min(r)),
                (t, r) => t.or(r),
            };
            let (result, timed_out) = match limit {
                Some(limit) => match tokio::time::timeout(limit, op(attempt)).await {
                    Ok(r) => (r, false),
                    Err(_) => (Err(E::from(AttemptTimedOut(limit))), true),
                },
                None => (op(attempt).await, false),
            };
            let error = match result {
                Ok(v) => {
                    bump(if attempt == 0 {
                        &self.counters.first
                    } else {
                        &self.counters.after_retry
                    });
                    return Ok(v);
                }
                Err(e) => e,
            };
            let wait = self.next_wait(&policy, &error, attempt, started);
            observe(&AttemptFailure {
                attempt,
                error: &error,
                retry_in: wait.as_ref().ok().copied(),
                timed_out,
            });
            match wait {
                Ok(wait) => {
                    tracing::info!(attempt, wait_ms = wait.as_millis() as u64, kind = error.kind(), error = %error, "retrying");
                    self.clock.sleep(wait).await;
                    attempt += 1;
                }
                Err(stop) => {
                    match stop {
                        Stop::NotRetryable => bump(&self.counters.not_retried),
                        Stop::Exhausted(why) => {
                            bump(&self.counters.exhausted);
                            tracing::warn!(attempts = attempt + 1, why, kind = error.kind(), error = %error, "giving up");
                        }
                    }
                    return Err(error);
                }
            }
        }
    }

    /// The wait before the next attempt, or why there is none.
    fn next_wait<E: Classified>(
        &self,
        policy: &RetryPolicy,
        error: &E,
        attempt: u32,
        started: Timestamp,
    ) -> Result<Duration, Stop> {
        if !policy.retries(error) {
            return Err(Stop::NotRetryable);
        }
        if attempt >= policy.max_retries {
            return Err(Stop::Exhausted("no retries left"));
        }
        let now = self.clock.now_ms();
        let wait = match error.retry_after().and_then(|h| parse_retry_after(h, now)) {
            Some(asked) if asked > policy.max_delay => {
                return Err(Stop::Exhausted("Retry-After is longer than the max delay"));
            }
            Some(asked) => policy.delay_at_least(asked, self.random()),
            None => policy.delay(attempt, self.random()),
        };
        if remaining(policy, started, now).is_some_and(|r| wait >= r) {
            return Err(Stop::Exhausted("the deadline would pass"));
        }
        Ok(wait)
    }

    /// A uniform number in [0, 1) (splitmix64; jitter needs spread, not secrecy).
    fn random(&self) -> f64 {
        let mut z = self
            .rng
            .fetch_add(0x9e37_79b9_7f4a_7c15, Ordering::Relaxed)
            .wrapping_add(0x9e37_79b9_7f4a_7c15);
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^= z >> 31;
        (z >> 11) as f64 / (1u64 << 53) as f64
    }
}

enum Stop {
    NotRetryable,
    Exhausted(&'static str),
}

/// Time left before the policy's deadline, if it has one.
fn remaining(policy: &RetryPolicy, started: Timestamp, now: Timestamp) -> Option<Duration> {
    let deadline = policy.deadline?;
    let spent = u64::try_from(now.saturating_sub(started)).unwrap_or(0);
    Some(deadline.saturating_sub(Duration::from_millis(spent)))
}

/// Runs `op` under `policy` on the wall clock: the spec's `@with_retry` decorator.
pub async fn with_retry<T, E, F, Fut>(policy: RetryPolicy, op: F) -> Result<T, E>
where
    E: Classified + From<AttemptTimedOut>,
    F: FnMut(u32) -> Fut,
    Fut: Future<Output = Result<T, E>>,
{
    RetryHandler::new(policy).execute(op).await
}

/// The wait a response asks for, in `Retry-After`'s syntax: its `retry-after-ms`
/// (milliseconds, sent by OpenAI and Azure) as decimal seconds when it is readable,
/// since it is the more precise of the two, else its `Retry-After` as sent.
pub fn asked_wait(retry_after_ms: Option<&str>, retry_after: Option<&str>) -> Option<String> {
    retry_after_ms
        .and_then(|ms| parse_decimal(ms.trim(), NANOS_PER_MS))
        .map(|wait| {
            let ms = wait.as_millis();
            match ms % 1000 {
                0 => format!("{}", ms / 1000),
                frac => format!("{}.{frac:03}", ms / 1000),
            }
        })
        .or_else(|| retry_after.map(str::to_owned))
}

/// A `Retry-After` value as a wait from `now`: seconds (`7`, or decimal as some
/// servers send, `1.5`) or an HTTP date in any of its three forms (`Wed, 21 Oct 2026
/// 07:28:00 GMT`, the obsolete RFC 850 and asctime ones). The wait is rounded up to
/// the millisecond, the clocks' resolution, so a retry never comes early; a date in
/// the past means no wait; anything else unreadable is ignored.
pub fn parse_retry_after(header: &str, now: Timestamp) -> Option<Duration> {
    let h = header.trim();
    if let Some(wait) = parse_decimal(h, NANOS_PER_SEC) {
        return Some(wait);
    }
    let at = chrono::DateTime::parse_from_rfc2822(h)
        .map(|t| t.timestamp_millis())
        .or_else(|_| {
            ["%A, %d-%b-%y %H:%M:%S GMT", "%a %b %e %H:%M:%S %Y"]
                .into_iter()
                .find_map(|f| chrono::NaiveDateTime::parse_from_str(h, f).ok())
                .map(|t| t.and_utc().timestamp_millis())
                .ok_or(())
        })
        .ok()?;
    Some(Duration::from_millis(u64::try_from(at - now).unwrap_or(0)))
}

const NANOS_PER_MS: u128 = 1_000_000;
const NANOS_PER_SEC: u128 = 1_000_000_000;

/// A non-negative decimal number of `unit`s (`7`, `1.5`, `.25`) as a wait rounded up
/// to the millisecond, exactly (no float rounding down); huge values saturate.
fn parse_decimal(text: &str, unit_nanos: u128) -> Option<Duration> {
    let (int, frac) = text.split_once('.').unwrap_or((text, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if (int.is_empty() && frac.is_empty()) || !digits(int) || !digits(frac) {
        return None;
    }
    // Digits only, so parsing fails only on overflow.
    let int: u128 = if int.is_empty() {
        0
    } else {
        int.parse().unwrap_or(u128::MAX)
    };
    // 18 digits are far below a nanosecond; any beyond only round up.
    let (kept, rest) = frac.split_at(frac.len().min(18));
    let scale = 10u128.pow(kept.len() as u32);
    let kept: u128 = kept.parse().unwrap_or(0);
    let frac_nanos =
        (kept * unit_nanos).div_ceil(scale) + u128::from(rest.bytes().any(|b| b != b'0'));
    let nanos = int.saturating_mul(unit_nanos).saturating_add(frac_nanos);
    let ms = u64::try_from(nanos.div_ceil(NANOS_PER_MS)).unwrap_or(u64::MAX);
    Some(Duration::from_millis(ms))
}

#[cfg(test)]
#[path = "retry_test.rs"]
mod tests;
