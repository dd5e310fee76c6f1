//! Settings stored in SQLite: the LLM provider and each agent's model settings.
//!
//! Everything is validated on the way in; a value this build cannot read on the way
//! out (a hand-edited database, an older shape) falls back to its default with a
//! warning rather than stopping the app.

use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};

use crate::agent::Agent;
use crate::agent::email_analyst::EmailAnalyst;
use crate::agent::follow_up::FollowUp;
use crate::agent::job_match::JobMatch;
use crate::clock::Timestamp;
use crate::cost::budget::Budgets;
use crate::monitor::alerts::AlertThresholds;
use crate::store::{Migration, Store};

pub(crate) const MIGRATION: Migration = Migration {
    id: "202611272304_settings",
    sql: "
    CREATE TABLE settings (
        key TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL,
        updated_at INTEGER NOT NULL
    ) STRICT;
    CREATE TABLE agent_configs (
        agent TEXT PRIMARY KEY NOT NULL,
        model TEXT,
        temperature REAL,
        max_tokens INTEGER,
        enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
        updated_at INTEGER NOT NULL
    ) STRICT;
    ",
};

pub use crate::error::{Error, Result};

fn invalid(field: &'static str, reason: impl Into<String>) -> Error {
    Error::Invalid {
        field,
        reason: reason.into(),
    }
}

/// Which LLM endpoint agents use.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase", default)]
pub struct ProviderSettings {
    /// Name the key is filed under and runs are recorded with (`openai`, `ollama`, …);
    /// derived from the base URL when empty.
    pub provider: Option<String>,
    /// OpenAI-compatible base URL (`http://localhost:11434/v1`); `OPENAI_BASE_URL`,
    /// else OpenAI's, when empty.
    pub base_url: Option<String>,
}

impl ProviderSettings {
    /// Trims and checks the fields.
    pub fn validated(self) -> Result<Self> {
        let provider = match self.provider.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(p)
                if p.len() <= 40
                    && p.chars()
                        .all(|c| c.is_ascii_alphanumeric() || "-_.:".contains(c)) =>
            {
                Some(p.to_ascii_lowercase())
            }
            Some(_) => {
                return Err(invalid(
                    "provider",
                    "use up to 40 letters, digits, '-', '_', '.' or ':'",
                ));
            }
        };
        let base_url = match self.base_url.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(u) => Some(check_base_url(u)?),
        };
        Ok(Self { provider, base_url })
    }
}

/// A base URL: http(s), no spaces, no trailing slash.
pub fn check_base_url(raw: &str) -> Result<String> {
    let u = raw.trim().trim_end_matches('/');
    let rest = u
        .strip_prefix("https://")
        .or_else(|| u.strip_prefix("http://"));
    match rest {
        Some(host)
            if !host.is_empty()
                && !u.contains(|c: char| c.is_whitespace() || c.is_control())
                && u.len() <= 2048 =>
        {
            Ok(u.to_owned())
        }
        _ => Err(invalid(
            "baseUrl",
            "must be an http:// or https:// address such as http://localhost:11434/v1",
        )),
    }
}

/// One agent's model settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct AgentConfig {
    /// Agent name.
    pub agent: String,
    /// Model; the agent's default when none.
    pub model: Option<String>,
    /// The model used when `model` is none.
    pub default_model: String,
    /// Sampling temperature, 0-2.
    pub temperature: Option<f32>,
    /// Completion token limit, 1-200,000.
    pub max_tokens: Option<u32>,
    /// Whether the agent may run.
    pub enabled: bool,
    /// Last changed, ms UTC; none while unchanged from the defaults.
    pub updated_at: Option<Timestamp>,
}

impl AgentConfig {
    fn defaults(agent: &str, default_model: &str) -> Self {
        Self {
            agent: agent.to_owned(),
            model: None,
            default_model: default_model.to_owned(),
            temperature: None,
            max_tokens: None,
            enabled: true,
            updated_at: None,
        }
    }
}

/// An agent's settings as typed: checked by [`set_agent_config`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase", default)]
pub struct AgentConfigDraft {
    /// Model.
    pub model: Option<String>,
    /// Temperature.
    pub temperature: Option<f64>,
    /// Max tokens.
    pub max_tokens: Option<i64>,
    /// Enabled; `true` when absent.
    pub enabled: Option<bool>,
}

/// The agents whose settings can be stored, with their default models.
pub const AGENTS: &[(&str, &str)] = &[
    (EmailAnalyst::NAME, EmailAnalyst::DEFAULT_MODEL),
    (JobMatch::NAME, JobMatch::DEFAULT_MODEL),
    (FollowUp::NAME, FollowUp::DEFAULT_MODEL),
];

/// `agent`'s default model, or an error naming the known agents.
fn check_agent(agent: &str) -> Result<&'static str> {
    AGENTS
        .iter()
        .find(|(name, _)| *name == agent)
        .map(|(_, model)| *model)
        .ok_or_else(|| {
            let known: Vec<&str> = AGENTS.iter().map(|(n, _)| *n).collect();
            invalid(
                "agent",
                format!("unknown agent {agent:?}; known: {}", known.join(", ")),
            )
        })
}

/// Sampling temperatures an agent may be given.
const TEMPERATURE: std::ops::RangeInclusive<f64> = 0.0..=2.0;
/// Completion token limits an agent may be given.
const MAX_TOKENS: std::ops::RangeInclusive<i64> = 1..=200_000;

fn check_draft(agent: &str, d: AgentConfigDraft) -> Result<AgentConfig> {
    let default_model = check_agent(agent)?;
    let model = match d.model.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(m) if m.len() <= 100 && !m.chars().any(|c| c.is_control() || c.is_whitespace()) => {
            Some(m.to_owned())
        }
        Some(_) => {
            return Err(invalid(
                "model",
                "must be a model name of up to 100 characters without spaces",
            ));
        }
    };
    let temperature = match d.temperature {
        None => None,
        Some(t) if TEMPERATURE.contains(&t) => Some(t as f32),
        Some(_) => return Err(invalid("temperature", "must be between 0 and 2")),
    };
    let max_tokens = match d.max_tokens {
        None => None,
        Some(n) if MAX_TOKENS.contains(&n) => u32::try_from(n).ok(),
        Some(_) => return Err(invalid("maxTokens", "must be between 1 and 200000")),
    };
    Ok(AgentConfig {
        agent: agent.to_owned(),
        model,
        default_model: default_model.to_owned(),
        temperature,
        max_tokens,
        enabled: d.enabled.unwrap_or(true),
        updated_at: None,
    })
}

const PROVIDER_KEY: &str = "llm.provider";
const ALERTS_KEY: &str = "monitoring.alert_thresholds";
const BUDGETS_KEY: &str = "cost.budgets";
const MONITORING_KEY: &str = "monitoring.config";
const FAILSAFE_KEY: &str = "failsafe.config";
const NOTIFICATIONS_KEY: &str = "notifications.config";
const DISPLAY_KEY: &str = "display.config";

/// A stored JSON value, or `None` when absent or unreadable (with a warning).
pub(crate) fn get_json<T: serde::de::DeserializeOwned>(
    store: &Store,
    key: &str,
) -> Result<Option<T>> {
    Ok(store.read(|c| get_json_in(c, key))?)
}

/// [`get_json`] on a connection or inside a transaction.
fn get_json_in<T: serde::de::DeserializeOwned>(
    conn: &rusqlite::Connection,
    key: &str,
) -> rusqlite::Result<Option<T>> {
    let raw: Option<String> = conn
        .prepare_cached("SELECT value FROM settings WHERE key = ?1")?
        .query_row([key], |r| r.get(0))
        .optional()?;
    Ok(raw.and_then(|s| match serde_json::from_str(&s) {
        Ok(v) => Some(v),
        Err(e) => {
            tracing::warn!(key, error = %e, "stored setting unreadable; using the default");
            None
        }
    }))
}

pub(crate) fn put_json<T: Serialize>(store: &mut Store, key: &str, value: &T) -> Result<()> {
    let json = serde_json::to_string(value).map_err(|e| invalid("settings", e.to_string()))?;
    let now = store.now_ms();
    store.write(|tx| {
        tx.execute(
            "INSERT INTO settings (key, value, updated_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value,
                                             updated_at = excluded.updated_at",
            params![key, json, now],
        )
    })?;
    Ok(())
}

/// The stored provider settings (defaults when none or unreadable).
pub fn provider(store: &Store) -> Result<ProviderSettings> {
    Ok(get_json::<ProviderSettings>(store, PROVIDER_KEY)?
        .and_then(|p| p.validated().ok())
        .unwrap_or_default())
}

/// Validates and stores the provider settings.
pub fn set_provider(store: &mut Store, p: ProviderSettings) -> Result<ProviderSettings> {
    let p = p.validated()?;
    put_json(store, PROVIDER_KEY, &p)?;
    tracing::info!(provider = ?p.provider, base_url = ?p.base_url, "provider settings saved");
    Ok(p)
}

/// The stored budgets (see `cost::budget::budgets` for the ones in effect).
pub fn budgets(store: &Store) -> Result<Budgets> {
    Ok(get_json::<Budgets>(store, BUDGETS_KEY)?
        .and_then(|b| b.validated().ok())
        .unwrap_or_default())
}

/// Stores budgets validated by `cost::budget::set_budgets`.
pub(crate) fn set_budgets(store: &mut Store, b: &Budgets) -> Result<()> {
    put_json(store, BUDGETS_KEY, b)
}

/// Whether monitoring and cost tracking run, and how long raw records are kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase", default)]
pub struct MonitoringConfig {
    /// Rollups, metrics and alerts (`MONITORING_ENABLED`). Runs are recorded either
    /// way: they are the app's audit trail.
    pub monitoring_enabled: bool,
    /// Pricing of calls and budgets (`COST_TRACKING_ENABLED`).
    pub cost_tracking_enabled: bool,
    /// Raw execution records older than this are pruned (`METRICS_RETENTION_HOURS`);
    /// rollups keep the long-term history.
    pub metrics_retention_hours: i64,
}

impl Default for MonitoringConfig {
    /// The spec's defaults: on, on, 168 hours.
    fn default() -> Self {
        Self {
            monitoring_enabled: true,
            cost_tracking_enabled: true,
            metrics_retention_hours: 168,
        }
    }
}

impl MonitoringConfig {
    /// These settings with the environment's valid values over them (the spec's
    /// `MONITORING_ENABLED`, `COST_TRACKING_ENABLED`, `METRICS_RETENTION_HOURS`).
    pub fn with_env(self) -> Self {
        Self {
            monitoring_enabled: env_bool("MONITORING_ENABLED").unwrap_or(self.monitoring_enabled),
            cost_tracking_enabled: env_bool("COST_TRACKING_ENABLED")
                .unwrap_or(self.cost_tracking_enabled),
            metrics_retention_hours: env_hours("METRICS_RETENTION_HOURS")
                .unwrap_or(self.metrics_retention_hours),
        }
    }
}

/// Longest retention accepted: 10 years.
const MAX_RETENTION_HOURS: i64 = 10 * 366 * 24;

impl MonitoringConfig {
    /// Checks the retention: 1 hour to 10 years.
    pub fn validated(self) -> Result<Self> {
        if !(1..=MAX_RETENTION_HOURS).contains(&self.metrics_retention_hours) {
            return Err(invalid(
                "metricsRetentionHours",
                format!("must be between 1 and {MAX_RETENTION_HOURS}"),
            ));
        }
        Ok(self)
    }
}

/// A boolean environment variable: true/false/1/0/yes/no/on/off; anything else is
/// reported and ignored.
pub fn env_bool(name: &str) -> Option<bool> {
    let raw = std::env::var(name).ok()?;
    if raw.trim().is_empty() {
        return None;
    }
    let parsed = crate::logging::parse_bool(&raw);
    if parsed.is_none() {
        tracing::warn!(
            variable = name,
            value = %raw,
            "not a boolean (use true or false); the default is used"
        );
    }
    parsed
}

fn env_hours(name: &str) -> Option<i64> {
    let raw = std::env::var(name).ok()?;
    match raw.trim().parse::<i64>() {
        Ok(h) if (1..=MAX_RETENTION_HOURS).contains(&h) => Some(h),
        _ if raw.trim().is_empty() => None,
        _ => {
            tracing::warn!(
                variable = name,
                value = %raw,
                "must be a whole number of hours from 1 to {MAX_RETENTION_HOURS}; the default is used"
            );
            None
        }
    }
}

/// The monitoring configuration in effect: the environment's values over the stored
/// ones over the spec's defaults.
pub fn monitoring(store: &Store) -> Result<MonitoringConfig> {
    Ok(store.read(monitoring_in)?)
}

/// [`monitoring`] inside a transaction (the recorder asks for every run).
pub(crate) fn monitoring_in(conn: &rusqlite::Connection) -> rusqlite::Result<MonitoringConfig> {
    Ok(get_json_in::<MonitoringConfig>(conn, MONITORING_KEY)?
        .and_then(|c| c.validated().ok())
        .unwrap_or_default()
        .with_env())
}

/// Validates and stores the monitoring configuration; returns the one in effect
/// (environment variables still win).
pub fn set_monitoring(store: &mut Store, c: MonitoringConfig) -> Result<MonitoringConfig> {
    let c = c.validated()?;
    put_json(store, MONITORING_KEY, &c)?;
    tracing::info!(?c, "monitoring settings saved");
    Ok(c.with_env())
}

/// Retries and circuit breakers: the spec's error-handling settings.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase", default)]
pub struct FailsafeConfig {
    /// Retries of a failed LLM call after the first attempt, 0 to 10 (`MAX_RETRIES`).
    pub max_retries: u32,
    /// Growth of the wait between retries, 1 to 10 (`RETRY_BACKOFF_MULTIPLIER`).
    pub retry_backoff_multiplier: f64,
    /// Failures in a row that open a provider+model's circuit, 1 to 100
    /// (`CIRCUIT_BREAKER_THRESHOLD`).
    pub circuit_breaker_threshold: u32,
}

impl Default for FailsafeConfig {
    /// The spec's defaults: 3 retries, multiplier 2.0, threshold 5.
    fn default() -> Self {
        Self {
            max_retries: 3,
            retry_backoff_multiplier: 2.0,
            circuit_breaker_threshold: 5,
        }
    }
}

impl FailsafeConfig {
    /// These settings with the environment's valid values over them (`MAX_RETRIES`,
    /// `RETRY_BACKOFF_MULTIPLIER`, `CIRCUIT_BREAKER_THRESHOLD`).
    pub fn with_env(self) -> Self {
        use crate::failsafe::{MAX_RETRIES_LIMIT, MAX_THRESHOLD, MULTIPLIER_RANGE};
        Self {
            max_retries: env_number("MAX_RETRIES", 0.0..=f64::from(MAX_RETRIES_LIMIT), true)
                .map_or(self.max_retries, |v| v as u32),
            retry_backoff_multiplier: env_number(
                "RETRY_BACKOFF_MULTIPLIER",
                MULTIPLIER_RANGE,
                false,
            )
            .unwrap_or(self.retry_backoff_multiplier),
            circuit_breaker_threshold: env_number(
                "CIRCUIT_BREAKER_THRESHOLD",
                1.0..=f64::from(MAX_THRESHOLD),
                true,
            )
            .map_or(self.circuit_breaker_threshold, |v| v as u32),
        }
    }

    /// Checks the ranges: retries 0–10, multiplier 1–10, threshold 1–100.
    pub fn validated(self) -> Result<Self> {
        use crate::failsafe::{MAX_RETRIES_LIMIT, MAX_THRESHOLD, MULTIPLIER_RANGE};
        if self.max_retries > MAX_RETRIES_LIMIT {
            return Err(invalid(
                "maxRetries",
                format!("must be between 0 and {MAX_RETRIES_LIMIT}"),
            ));
        }
        if !self.retry_backoff_multiplier.is_finite()
            || !MULTIPLIER_RANGE.contains(&self.retry_backoff_multiplier)
        {
            return Err(invalid(
                "retryBackoffMultiplier",
                "must be between 1 and 10",
            ));
        }
        if !(1..=MAX_THRESHOLD).contains(&self.circuit_breaker_threshold) {
            return Err(invalid(
                "circuitBreakerThreshold",
                format!("must be between 1 and {MAX_THRESHOLD}"),
            ));
        }
        Ok(self)
    }
}

/// A number from the environment within `range` (whole if `whole`); anything else is
/// reported and ignored.
fn env_number(name: &str, range: std::ops::RangeInclusive<f64>, whole: bool) -> Option<f64> {
    let raw = std::env::var(name).ok()?;
    if raw.trim().is_empty() {
        return None;
    }
    match raw.trim().parse::<f64>() {
        Ok(v) if v.is_finite() && range.contains(&v) && (!whole || v.fract() == 0.0) => Some(v),
        _ => {
            tracing::warn!(
                variable = name,
                value = %raw,
                "must be {} from {} to {}; the default is used",
                if whole { "a whole number" } else { "a number" },
                range.start(),
                range.end()
            );
            None
        }
    }
}

/// The retry and circuit-breaker settings in effect: the environment's values over the
/// stored ones over the spec's defaults.
pub fn failsafe(store: &Store) -> Result<FailsafeConfig> {
    Ok(get_json::<FailsafeConfig>(store, FAILSAFE_KEY)?
        .and_then(|c| c.validated().ok())
        .unwrap_or_default()
        .with_env())
}

/// Validates and stores the retry and circuit-breaker settings; returns the ones in
/// effect (environment variables still win).
pub fn set_failsafe(store: &mut Store, c: FailsafeConfig) -> Result<FailsafeConfig> {
    let c = c.validated()?;
    put_json(store, FAILSAFE_KEY, &c)?;
    tracing::info!(?c, "failsafe settings saved");
    Ok(c.with_env())
}

/// A setting an environment variable decides, whatever is stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct EnvOverride {
    /// The setting, as the settings forms name it (`maxRetries`, `dailyBudget`).
    pub setting: String,
    /// The variable (`MAX_RETRIES`).
    pub variable: String,
    /// Its value.
    pub value: String,
}

/// The spec's environment variables that are set to a valid value now, and the
/// settings they decide. An invalid value decides nothing (it is reported).
pub fn env_overrides() -> Vec<EnvOverride> {
    use crate::failsafe::{MAX_RETRIES_LIMIT, MAX_THRESHOLD, MULTIPLIER_RANGE};
    let mut out = Vec::new();
    let mut add = |setting: &str, variable: &str, valid: bool| {
        if valid && let Ok(value) = std::env::var(variable) {
            out.push(EnvOverride {
                setting: setting.to_owned(),
                variable: variable.to_owned(),
                value: value.trim().to_owned(),
            });
        }
    };
    add(
        "monitoringEnabled",
        "MONITORING_ENABLED",
        env_bool("MONITORING_ENABLED").is_some(),
    );
    add(
        "costTrackingEnabled",
        "COST_TRACKING_ENABLED",
        env_bool("COST_TRACKING_ENABLED").is_some(),
    );
    add(
        "metricsRetentionHours",
        "METRICS_RETENTION_HOURS",
        env_hours("METRICS_RETENTION_HOURS").is_some(),
    );
    add(
        "dailyBudget",
        "DAILY_BUDGET",
        crate::cost::budget::daily_budget_from_env().is_some(),
    );
    add(
        "maxRetries",
        "MAX_RETRIES",
        env_number("MAX_RETRIES", 0.0..=f64::from(MAX_RETRIES_LIMIT), true).is_some(),
    );
    add(
        "retryBackoffMultiplier",
        "RETRY_BACKOFF_MULTIPLIER",
        env_number("RETRY_BACKOFF_MULTIPLIER", MULTIPLIER_RANGE, false).is_some(),
    );
    add(
        "circuitBreakerThreshold",
        "CIRCUIT_BREAKER_THRESHOLD",
        env_number(
            "CIRCUIT_BREAKER_THRESHOLD",
            1.0..=f64::from(MAX_THRESHOLD),
            true,
        )
        .is_some(),
    );
    add("gpuAcceleration", GPU_ENV, env_bool(GPU_ENV).is_some());
    let set = |v: &str| std::env::var(v).is_ok_and(|x| !x.trim().is_empty());
    add(
        "logLevel",
        crate::logging::LOG_LEVEL_ENV,
        set(crate::logging::LOG_LEVEL_ENV),
    );
    add(
        "structuredLogging",
        crate::logging::STRUCTURED_LOGGING_ENV,
        crate::logging::parse_bool(
            &std::env::var(crate::logging::STRUCTURED_LOGGING_ENV).unwrap_or_default(),
        )
        .is_some(),
    );
    out
}

/// Which desktop notifications to show; each kind fires once per alert and period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase", default)]
pub struct NotificationSettings {
    /// 50, 80, 90 and 100 % of the daily and monthly budget.
    pub budget: bool,
    /// Error rate, average time, average cost and p95 over their thresholds.
    pub performance: bool,
    /// Calls to a model without a price.
    pub unpriced: bool,
    /// Errors only a person can fix (a refused API key or mail password, a full disk).
    pub escalations: bool,
    /// New job mail moved an application or waits in Review (once per message).
    pub job_mail: bool,
}

impl Default for NotificationSettings {
    fn default() -> Self {
        Self {
            budget: true,
            performance: true,
            unpriced: true,
            escalations: true,
            job_mail: true,
        }
    }
}

/// The notification settings (all on by default).
pub fn notifications(store: &Store) -> Result<NotificationSettings> {
    Ok(get_json::<NotificationSettings>(store, NOTIFICATIONS_KEY)?.unwrap_or_default())
}

/// Stores the notification settings.
pub fn set_notifications(
    store: &mut Store,
    n: NotificationSettings,
) -> Result<NotificationSettings> {
    put_json(store, NOTIFICATIONS_KEY, &n)?;
    tracing::info!(?n, "notification settings saved");
    Ok(n)
}

/// `JOBTRAIL_GPU`: GPU acceleration on (`1`) or off (`0`) whatever is stored.
pub const GPU_ENV: &str = "JOBTRAIL_GPU";

/// How the desktop window draws; read once, when the app starts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase", default)]
pub struct DisplaySettings {
    /// GPU compositing of the window's page (WebKitGTK's hardware acceleration). Off
    /// by default: without a GPU driver it draws the same page through a software
    /// OpenGL renderer, for about 120 MiB more memory.
    pub gpu_acceleration: bool,
}

impl DisplaySettings {
    /// These settings with `JOBTRAIL_GPU` over them when it holds a valid boolean.
    pub fn with_env(self) -> Self {
        Self {
            gpu_acceleration: env_bool(GPU_ENV).unwrap_or(self.gpu_acceleration),
        }
    }
}

/// The display settings in effect: `JOBTRAIL_GPU` over the stored ones (off by default).
pub fn display(store: &Store) -> Result<DisplaySettings> {
    Ok(get_json::<DisplaySettings>(store, DISPLAY_KEY)?
        .unwrap_or_default()
        .with_env())
}

/// Stores the display settings; returns the ones in effect at the next start
/// (`JOBTRAIL_GPU` still wins).
pub fn set_display(store: &mut Store, d: DisplaySettings) -> Result<DisplaySettings> {
    put_json(store, DISPLAY_KEY, &d)?;
    tracing::info!(?d, "display settings saved; they apply at the next start");
    Ok(d.with_env())
}

/// The default alert thresholds (the spec's example values until changed).
pub fn alert_thresholds(store: &Store) -> Result<AlertThresholds> {
    Ok(get_json::<AlertThresholds>(store, ALERTS_KEY)?
        .and_then(|t| t.validated().ok())
        .unwrap_or_default())
}

/// Validates and stores the default alert thresholds.
pub fn set_alert_thresholds(store: &mut Store, t: AlertThresholds) -> Result<AlertThresholds> {
    let t = t.validated()?;
    put_json(store, ALERTS_KEY, &t)?;
    Ok(t)
}

/// One agent's settings (defaults when never changed).
pub fn agent_config(store: &Store, agent: &str) -> Result<AgentConfig> {
    let default_model = check_agent(agent)?;
    let row = store.read(|c| {
        c.query_row(
            "SELECT model, temperature, max_tokens, enabled, updated_at
             FROM agent_configs WHERE agent = ?1",
            [agent],
            |r| {
                Ok(AgentConfig {
                    agent: agent.to_owned(),
                    model: r.get(0)?,
                    default_model: default_model.to_owned(),
                    // A row edited by hand may hold anything: out-of-range values are
                    // dropped (the provider's default applies), with a warning.
                    temperature: r
                        .get::<_, Option<f64>>(1)?
                        .and_then(|t| in_range(agent, "temperature", t, &TEMPERATURE))
                        .map(|t| t as f32),
                    max_tokens: r
                        .get::<_, Option<i64>>(2)?
                        .and_then(|n| in_range(agent, "maxTokens", n, &MAX_TOKENS))
                        .and_then(|n| u32::try_from(n).ok()),
                    enabled: r.get(3)?,
                    updated_at: r.get(4)?,
                })
            },
        )
        .optional()
    })?;
    Ok(row.unwrap_or_else(|| AgentConfig::defaults(agent, default_model)))
}

fn in_range<T: PartialOrd + std::fmt::Display>(
    agent: &str,
    field: &str,
    v: T,
    range: &std::ops::RangeInclusive<T>,
) -> Option<T> {
    if range.contains(&v) {
        Some(v)
    } else {
        tracing::warn!(agent, field, value = %v, "stored agent setting out of range; ignored");
        None
    }
}

/// Every known agent's settings.
pub fn agent_configs(store: &Store) -> Result<Vec<AgentConfig>> {
    AGENTS.iter().map(|(a, _)| agent_config(store, a)).collect()
}

/// Validates and stores one agent's settings.
pub fn set_agent_config(
    store: &mut Store,
    agent: &str,
    draft: AgentConfigDraft,
) -> Result<AgentConfig> {
    let c = check_draft(agent, draft)?;
    let now = store.now_ms();
    store.write(|tx| {
        tx.execute(
            "INSERT INTO agent_configs (agent, model, temperature, max_tokens, enabled, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)
             ON CONFLICT (agent) DO UPDATE SET model = excluded.model,
                 temperature = excluded.temperature, max_tokens = excluded.max_tokens,
                 enabled = excluded.enabled, updated_at = excluded.updated_at",
            params![
                c.agent,
                c.model,
                c.temperature.map(f64::from),
                c.max_tokens,
                c.enabled,
                now
            ],
        )
    })?;
    tracing::info!(agent, "agent settings saved");
    agent_config(store, agent)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drafts_are_checked() {
        let ok = check_draft(
            "job-match",
            AgentConfigDraft {
                model: Some(" gpt-4o ".into()),
                temperature: Some(0.2),
                max_tokens: Some(800),
                enabled: None,
            },
        )
        .unwrap();
        assert_eq!(ok.model.as_deref(), Some("gpt-4o"));
        assert!(ok.enabled);
        for (draft, field) in [
            (
                AgentConfigDraft {
                    temperature: Some(f64::NAN),
                    ..Default::default()
                },
                "temperature",
            ),
            (
                AgentConfigDraft {
                    temperature: Some(2.5),
                    ..Default::default()
                },
                "temperature",
            ),
            (
                AgentConfigDraft {
                    max_tokens: Some(0),
                    ..Default::default()
                },
                "maxTokens",
            ),
            (
                AgentConfigDraft {
                    model: Some("gpt 4".into()),
                    ..Default::default()
                },
                "model",
            ),
        ] {
            match check_draft("job-match", draft) {
                Err(Error::Invalid { field: f, .. }) => assert_eq!(f, field),
                other => panic!("expected {field} error, got {other:?}"),
            }
        }
        assert!(check_draft("nope", AgentConfigDraft::default()).is_err());
    }

    #[test]
    fn gpu_acceleration_is_off_until_stored_and_garbage_reads_as_off() {
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::open(dir.path()).unwrap();
        let env = env_bool(GPU_ENV);
        let expect = |stored: bool| env.unwrap_or(stored);
        assert_eq!(
            display(&store).unwrap().gpu_acceleration,
            expect(false),
            "off by default: no GPU driver is the common case this guards"
        );
        let on = DisplaySettings {
            gpu_acceleration: true,
        };
        assert_eq!(
            set_display(&mut store, on).unwrap().gpu_acceleration,
            expect(true)
        );
        assert_eq!(
            display(&store).unwrap().gpu_acceleration,
            expect(true),
            "stored as given"
        );
        for garbage in ["nonsense", "{\"gpuAcceleration\": \"yes\"}", "[]"] {
            store
                .conn()
                .execute(
                    "UPDATE settings SET value = ?1 WHERE key = ?2",
                    [garbage, DISPLAY_KEY],
                )
                .unwrap();
            assert_eq!(
                display(&store).unwrap().gpu_acceleration,
                expect(false),
                "an unreadable value is the default, not an error: {garbage}"
            );
        }
    }

    #[test]
    fn base_urls_are_checked() {
        assert_eq!(
            check_base_url("http://localhost:11434/v1/").unwrap(),
            "http://localhost:11434/v1"
        );
        assert!(check_base_url("localhost:11434").is_err());
        assert!(check_base_url("http://").is_err());
        assert!(check_base_url("http://a b").is_err());
    }
}
