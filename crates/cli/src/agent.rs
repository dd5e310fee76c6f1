//! `jobtrail agent run …`: run an agent from the command line.

use std::path::PathBuf;
use std::sync::Mutex;

use clap::{Subcommand, ValueEnum};
use jobtrail_core::Store;
use jobtrail_core::agent::email_analyst::{EmailAnalyst, EmailInput};
use jobtrail_core::agent::llm::LlmClient;
use jobtrail_core::agent::{ExecutionRecord, RunSettings, Runtime, endpoint};
use jobtrail_core::tracker::mail;
use serde::Serialize;

use crate::output::{CliError, Output};

#[derive(Debug, Subcommand)]
pub enum AgentCommand {
    /// Run an agent once and print its answer with the execution record.
    Run {
        /// Which agent.
        agent: AgentName,
        /// Input file (an .eml message for email-analyst).
        #[arg(long)]
        file: PathBuf,
        /// Model (default: the agent's).
        #[arg(long)]
        model: Option<String>,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum AgentName {
    /// Classify a job-search email.
    EmailAnalyst,
}

#[derive(Serialize)]
struct RunView<'a, O: Serialize> {
    output: Option<&'a O>,
    error: Option<String>,
    execution: &'a ExecutionRecord,
}

pub fn run(cmd: AgentCommand, store: Store, out: &Output) -> Result<(), CliError> {
    let AgentCommand::Run {
        agent: AgentName::EmailAnalyst,
        file,
        model,
    } = cmd;
    let raw = std::fs::read(&file)
        .map_err(|e| CliError::Usage(format!("cannot read {}: {e}", file.display())))?;
    let input: EmailInput = mail::parse(&raw)?.into();
    let llm = endpoint::from_env()
        .map_err(CliError::Usage)?
        .map(LlmClient::new)
        .transpose()
        .map_err(|e| CliError::Usage(e.to_string()))?;
    let runtime = Runtime::new(llm);
    let settings = RunSettings {
        model,
        ..RunSettings::default()
    };
    let store = Mutex::new(store);
    let tokio = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| CliError::Internal(format!("cannot start the async runtime: {e}")))?;
    let run = tokio.block_on(runtime.run(&store, &EmailAnalyst::default(), &input, &settings))?;
    let e = &run.execution;
    let view = RunView {
        output: run.result.as_ref().ok(),
        error: run.result.as_ref().err().map(ToString::to_string),
        execution: e,
    };
    out.print(&view, || {
        let engine = match (&e.provider, &e.model) {
            (Some(p), Some(m)) => format!("{m} via {p}"),
            _ => "built-in rules".into(),
        };
        let head = format!(
            "execution #{} ({}) on {engine}: {} in {:.1} ms, {} tokens",
            e.execution_id,
            e.request_id,
            if e.success { "ok" } else { "failed" },
            e.duration_us as f64 / 1000.0,
            e.usage.total()
        );
        match &run.result {
            Ok(a) => format!(
                "{head}\n{:?} (urgency {:?}, confidence {:.2})\n{}\napplication: {}  proposed status: {}",
                a.category,
                a.urgency,
                a.confidence,
                a.summary,
                a.application_id.map_or("none".into(), |i| format!("#{i}")),
                a.proposed_status.map_or("none".into(), |s| s.to_string()),
            ),
            Err(err) => format!("{head}\nerror: {err}"),
        }
    })?;
    if run.result.is_err() {
        return Err(CliError::Failed);
    }
    Ok(())
}
