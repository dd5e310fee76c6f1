//! Which LLM endpoint agents use, and each agent's model settings: checked on the way
//! in, and out-of-range values stored by hand dropped (with a warning) on the way out.

use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};

use super::Agent;
use super::email_analyst::EmailAnalyst;
use super::follow_up::FollowUp;
use super::job_match::JobMatch;
use crate::clock::Timestamp;
use crate::error::{Error, Result};
use crate::settings;
use crate::store::Store;

const PROVIDER_KEY: &str = "llm.provider";

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
                return Err(Error::invalid(
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
        _ => Err(Error::invalid(
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
            Error::invalid(
                "agent",
                format!("unknown agent {agent:?}; known: {}", known.join(", ")),
            )
        })
}

/// Sampling temperatures an agent may be given.
pub const TEMPERATURE: std::ops::RangeInclusive<f64> = 0.0..=2.0;
/// Completion token limits an agent may be given.
pub const MAX_TOKENS: std::ops::RangeInclusive<i64> = 1..=200_000;
/// Longest model name an agent may be given, in bytes.
pub const MAX_MODEL_CHARS: usize = 100;

fn check_draft(agent: &str, d: AgentConfigDraft) -> Result<AgentConfig> {
    let default_model = check_agent(agent)?;
    let model = match d.model.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(m)
            if m.len() <= MAX_MODEL_CHARS
                && !m.chars().any(|c| c.is_control() || c.is_whitespace()) =>
        {
            Some(m.to_owned())
        }
        Some(_) => {
            return Err(Error::invalid(
                "model",
                "must be a model name of up to 100 characters without spaces",
            ));
        }
    };
    let temperature = match d.temperature {
        None => None,
        Some(t) if TEMPERATURE.contains(&t) => Some(t as f32),
        Some(_) => return Err(Error::invalid("temperature", "must be between 0 and 2")),
    };
    let max_tokens = match d.max_tokens {
        None => None,
        Some(n) if MAX_TOKENS.contains(&n) => u32::try_from(n).ok(),
        Some(_) => return Err(Error::invalid("maxTokens", "must be between 1 and 200000")),
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

/// The stored provider settings (defaults when none or unreadable).
pub fn provider(store: &Store) -> Result<ProviderSettings> {
    Ok(settings::get_json::<ProviderSettings>(store, PROVIDER_KEY)?
        .and_then(|p| p.validated().ok())
        .unwrap_or_default())
}

/// Validates and stores the provider settings.
pub fn set_provider(store: &mut Store, p: ProviderSettings) -> Result<ProviderSettings> {
    let p = p.validated()?;
    settings::put_json(store, PROVIDER_KEY, &p)?;
    tracing::info!(provider = ?p.provider, base_url = ?p.base_url, "provider settings saved");
    Ok(p)
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
