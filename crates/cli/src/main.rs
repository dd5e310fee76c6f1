//! `jobtrail`: Jobtrail's core from the command line, for scripts and quick looks.
//!
//! Every command prints a human-readable view, or JSON with `--json`. Errors go to
//! stderr (as JSON `{ "error": { code, message, field? } }` with `--json`) and set
//! the exit code: 2 for invalid input, 3 for something not found, 1 otherwise.

mod agent;
mod apps;
mod costs;
mod eval;
mod explain;
mod failsafe;
mod inbox;
mod logs;
mod mail;
mod monitoring;
mod output;
mod settings;
mod telemetry;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use jobtrail_core::Store;

use output::{CliError, Output};

#[derive(Debug, Parser)]
#[command(
    name = "jobtrail",
    version,
    about = "Jobtrail: a local-first job search, from the command line"
)]
struct Cli {
    /// Print JSON instead of text.
    #[arg(long, global = true)]
    json: bool,
    /// Data directory (default: $JOBTRAIL_DATA_DIR, else the app's data directory).
    #[arg(long, global = true, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Job applications.
    #[command(subcommand)]
    Apps(apps::AppsCommand),
    /// Agents.
    #[command(subcommand)]
    Agent(agent::AgentCommand),
    /// Import .eml files and .mbox mailboxes (already imported messages are skipped).
    Import {
        /// Files to import.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Imported emails.
    #[command(subcommand)]
    Emails(inbox::EmailsCommand),
    /// IMAP mail accounts (passwords in the keychain) and syncing them.
    #[command(subcommand)]
    Mail(mail::MailCommand),
    /// Agent proposals waiting for you.
    #[command(subcommand)]
    Review(inbox::ReviewCommand),
    /// Your profile, for JobMatch.
    #[command(subcommand)]
    Profile(settings::ProfileCommand),
    /// Provider and agent settings.
    #[command(subcommand)]
    Settings(settings::SettingsCommand),
    /// The API key in the OS keychain.
    #[command(subcommand)]
    Key(settings::KeyCommand),
    /// Performance monitoring: metrics, raw records, alerts.
    #[command(subcommand)]
    Monitoring(monitoring::MonitoringCommand),
    /// Cost tracking: summaries, budgets, tips, manual usage.
    #[command(subcommand)]
    Costs(costs::CostsCommand),
    /// The model price table.
    #[command(subcommand)]
    Prices(costs::PricesCommand),
    /// Retries and circuit breakers.
    #[command(subcommand)]
    Failsafe(failsafe::FailsafeCommand),
    /// Errors the app handled: statistics, list, export.
    #[command(subcommand)]
    Errors(failsafe::ErrorsCommand),
    /// How good the agents are, and at what price, on labelled mail.
    #[command(subcommand)]
    Eval(eval::EvalCommand),
    /// Why an agent run decided what it did.
    Explain {
        /// The execution (a run's `execution.executionId`); with --summary and no id,
        /// the latest runs.
        execution_id: Option<i64>,
        /// markdown, html, text or json.
        #[arg(long, default_value = "text")]
        format: String,
        /// One paragraph instead of the whole explanation.
        #[arg(long)]
        summary: bool,
        /// Write to this file (e.g. an .html page) instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Per agent: the share of decisions you corrected and how often each band of
    /// stated confidence was left standing.
    Calibration {
        /// Only this agent.
        agent: Option<String>,
    },
    /// Export runs to an OpenTelemetry backend (OTLP): backfill, test span, status.
    #[command(subcommand)]
    Telemetry(telemetry::TelemetryCommand),
    /// Every log line of one run, by its request id (a run's `execution.requestId`).
    Logs {
        /// The run's request id.
        request_id: String,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Held until exit: flushes the log file.
    let _logs = jobtrail_core::logging::init(
        jobtrail_core::logging::LogTarget::Cli,
        logs::dir(cli.data_dir.as_deref()).ok(),
    );
    let out = Output { json: cli.json };
    match run(cli, &out) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            out.error(&e);
            ExitCode::from(e.exit_code())
        }
    }
}

fn run(cli: Cli, out: &Output) -> Result<(), CliError> {
    if let Command::Key(cmd) = cli.command {
        return settings::key(cmd, out);
    }
    if let Command::Logs { request_id } = &cli.command {
        return logs::run(cli.data_dir.as_deref(), request_id, out);
    }
    let mut store = match &cli.data_dir {
        Some(dir) => Store::open(dir)?,
        None => Store::open_default()?,
    };
    if let Command::Telemetry(cmd) = cli.command {
        return telemetry::run(cmd, &mut store, out);
    }
    // Runs of any command are exported while it works, and flushed before exit.
    let exporting = telemetry::install(&mut store);
    let data_dir = cli.data_dir.clone();
    let result = match cli.command {
        Command::Apps(cmd) => apps::run(cmd, &mut store, out),
        Command::Agent(cmd) => agent::run(cmd, store, out),
        Command::Eval(cmd) => eval::run(cmd, store, out),
        Command::Import { files } => inbox::import(&files, &mut store, out),
        Command::Emails(cmd) => inbox::emails(cmd, &mut store, out),
        Command::Mail(cmd) => mail::run(cmd, store, out),
        Command::Review(cmd) => inbox::review(cmd, &mut store, out),
        Command::Profile(cmd) => settings::profile(cmd, &mut store, out),
        Command::Settings(cmd) => settings::settings(cmd, &mut store, out),
        Command::Monitoring(cmd) => monitoring::run(cmd, &mut store, out),
        Command::Costs(cmd) => costs::costs(cmd, &mut store, out),
        Command::Prices(cmd) => costs::prices(cmd, &mut store, out),
        Command::Failsafe(cmd) => failsafe::failsafe(cmd, &mut store, out),
        Command::Errors(cmd) => failsafe::errors(cmd, &store, out),
        Command::Calibration { agent } => explain::calibration(&store, agent.as_deref(), out),
        Command::Explain {
            execution_id,
            format,
            summary,
            output,
        } => explain::run(&store, execution_id, &format, summary, output, out),
        // Handled above: no store, or telemetry's own.
        Command::Key(_) | Command::Logs { .. } | Command::Telemetry(_) => Ok(()),
    };
    if let Some(t) = exporting {
        telemetry::finish(&t, data_dir.as_deref());
    }
    result
}

/// Runs `f` to completion on a runtime of this thread: one command, one run or sync.
fn block_on<F: std::future::Future>(f: F) -> Result<F::Output, CliError> {
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| CliError::Internal(format!("cannot start the async runtime: {e}")))?;
    Ok(rt.block_on(f))
}
