//! `jobtrail profile …`, `jobtrail settings …` and `jobtrail key …`.

use std::io::Read;
use std::path::PathBuf;

use clap::Subcommand;
use jobtrail_core::Store;
use jobtrail_core::agent::config::AgentConfigDraft;
use jobtrail_core::agent::config::ProviderSettings;
use jobtrail_core::agent::endpoint;
use jobtrail_core::secrets::KeyStatus;
use jobtrail_core::service::{self, keys, settings::Settings};
use jobtrail_core::tracker::profile::{self, ProfileDraft};
use serde_json::json;

use crate::output::{CliError, Output};

#[derive(Debug, Subcommand)]
pub enum ProfileCommand {
    /// Print the profile JobMatch scores against.
    Show,
    /// Replace the profile with a JSON file (the shape `profile show --json` prints).
    Set {
        /// JSON file: {"name", "headline", "skills": [], "yearsExperience", "experience",
        /// "locations": [], "remote", "desiredRoles": [], "minSalary"}.
        #[arg(long)]
        file: PathBuf,
    },
}

pub fn profile(cmd: ProfileCommand, store: &mut Store, out: &Output) -> Result<(), CliError> {
    let p = match cmd {
        ProfileCommand::Show => profile::get(store)?,
        ProfileCommand::Set { file } => {
            let raw = std::fs::read_to_string(&file)
                .map_err(|e| CliError::Usage(format!("cannot read {}: {e}", file.display())))?;
            let draft: ProfileDraft = serde_json::from_str(&raw).map_err(|e| {
                CliError::Usage(format!("{} is not a profile: {e}", file.display()))
            })?;
            profile::save(store, draft)?
        }
    };
    out.print(&p, || {
        format!(
            "{}{}\nskills: {}\nroles: {}\nlocations: {}{}",
            if p.name.is_empty() {
                "(no name)"
            } else {
                &p.name
            },
            if p.headline.is_empty() {
                String::new()
            } else {
                format!(" — {}", p.headline)
            },
            p.skills.join(", "),
            p.desired_roles.join(", "),
            p.locations.join(", "),
            if p.remote { " (remote ok)" } else { "" }
        )
    })
}

#[derive(Debug, Subcommand)]
pub enum SettingsCommand {
    /// Print the provider and every agent's settings.
    Show,
    /// Set the LLM provider (empty values restore the defaults).
    Provider {
        /// Name the API key is filed under (openai, ollama, …).
        #[arg(long)]
        provider: Option<String>,
        /// OpenAI-compatible base URL, e.g. http://localhost:11434/v1.
        #[arg(long)]
        base_url: Option<String>,
    },
    /// Set one agent's model settings.
    Agent {
        /// email-analyst, job-match or follow-up.
        agent: String,
        #[arg(long)]
        model: Option<String>,
        #[arg(long)]
        temperature: Option<f64>,
        #[arg(long)]
        max_tokens: Option<i64>,
        #[arg(long)]
        enabled: Option<bool>,
    },
}

pub fn settings(cmd: SettingsCommand, store: &mut Store, out: &Output) -> Result<(), CliError> {
    match cmd {
        SettingsCommand::Show => {}
        SettingsCommand::Provider { provider, base_url } => {
            jobtrail_core::agent::config::set_provider(
                store,
                ProviderSettings { provider, base_url },
            )?;
        }
        SettingsCommand::Agent {
            agent,
            model,
            temperature,
            max_tokens,
            enabled,
        } => {
            jobtrail_core::agent::config::set_agent_config(
                store,
                &agent,
                AgentConfigDraft {
                    model,
                    temperature,
                    max_tokens,
                    enabled,
                },
            )?;
        }
    }
    let Settings {
        provider, agents, ..
    } = service::settings::snapshot(store)?;
    let endpoint = endpoint::configured(store).map_err(CliError::Usage)?;
    let view = json!({
        "provider": provider,
        "agents": agents,
        "effective": endpoint.as_ref().map(|e| json!({
            "provider": e.provider,
            "baseUrl": e.base_url,
            "keyStored": e.api_key.is_some(),
        })),
    });
    out.print(&view, || {
        let mut s = match &endpoint {
            Some(e) => format!(
                "provider: {} at {} ({})",
                e.provider,
                e.base_url,
                if e.api_key.is_some() {
                    "key found"
                } else {
                    "no key"
                }
            ),
            None => "provider: none configured — agents use their built-in rules".into(),
        };
        for a in &agents {
            s.push_str(&format!(
                "\n{:<14} model {:<16} temperature {:<5} max tokens {:<7} {}",
                a.agent,
                a.model.as_deref().unwrap_or("default"),
                a.temperature.map_or("-".into(), |t| t.to_string()),
                a.max_tokens.map_or("-".into(), |t| t.to_string()),
                if a.enabled { "enabled" } else { "disabled" }
            ));
        }
        s
    })
}

#[derive(Debug, Subcommand)]
pub enum KeyCommand {
    /// Store an API key in the OS keychain, read from standard input.
    Set {
        #[arg(long, default_value = "openai")]
        provider: String,
    },
    /// Remove the stored key.
    Remove {
        #[arg(long, default_value = "openai")]
        provider: String,
    },
    /// Whether a key is stored (shows its last 4 characters only).
    Status {
        #[arg(long, default_value = "openai")]
        provider: String,
    },
}

pub fn key(cmd: KeyCommand, out: &Output) -> Result<(), CliError> {
    let status = match cmd {
        KeyCommand::Set { provider } => {
            let mut raw = String::new();
            std::io::stdin()
                .read_to_string(&mut raw)
                .map_err(|e| CliError::Usage(format!("cannot read the key from stdin: {e}")))?;
            keys::set(&provider, raw)?
        }
        KeyCommand::Remove { provider } => keys::remove(&provider)?,
        KeyCommand::Status { provider } => keys::status(&provider)?,
    };
    let KeyStatus {
        provider, last4, ..
    } = status;
    out.print(
        &json!({ "provider": provider, "stored": last4.is_some(), "last4": last4 }),
        || match &last4 {
            Some(l) => format!("{provider}: key stored (…{l})"),
            None => format!("{provider}: no key stored"),
        },
    )
}
