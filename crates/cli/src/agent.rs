//! `jobtrail agent run …`: run an agent from the command line.

use std::path::PathBuf;
use std::sync::Mutex;

use clap::{Args, Subcommand, ValueEnum};
use jobtrail_core::Store;
use jobtrail_core::agent::AgentRun;
use jobtrail_core::agent::email_analyst::EmailAnalysis;
use jobtrail_core::agent::follow_up::FollowUpDraft;
use jobtrail_core::agent::job_match::JobMatchResult;
use jobtrail_core::failsafe::Failsafe;
use jobtrail_core::service::runs::{Runner, Unhooked};
use jobtrail_core::tracker::review::Applied;
use serde::Serialize;

use crate::block_on;
use crate::output::{CliError, Output};

#[derive(Debug, Subcommand)]
pub enum AgentCommand {
    /// Run an agent once and print its answer with the execution record.
    Run(RunArgs),
}

#[derive(Debug, Args)]
pub struct RunArgs {
    /// Which agent.
    agent: AgentName,
    /// Input file: an .eml message (email-analyst) or a job post's text (job-match).
    #[arg(long, conflicts_with_all = ["email_id", "application_id"])]
    file: Option<PathBuf>,
    /// An imported email (email-analyst); its proposals are applied or queued for review.
    #[arg(long, conflicts_with = "application_id")]
    email_id: Option<i64>,
    /// An application (follow-up).
    #[arg(long)]
    application_id: Option<i64>,
    /// Model for this run (default: the agent's settings, else its default model).
    #[arg(long)]
    model: Option<String>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum AgentName {
    /// Classify a job-search email and propose what it changes.
    EmailAnalyst,
    /// Score a job post against your profile.
    JobMatch,
    /// Draft a follow-up for an application with no news.
    FollowUp,
}

#[derive(Serialize)]
struct RunView<'a, O: Serialize> {
    #[serde(flatten)]
    run: &'a AgentRun<O>,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    applied: Option<&'a Applied>,
}

pub fn run(cmd: AgentCommand, store: Store, out: &Output) -> Result<(), CliError> {
    let AgentCommand::Run(args) = cmd;
    let failsafe = Failsafe::load(&store)?;
    let store = Mutex::new(store);
    // --model overrides the stored setting for this run only.
    let runner = Runner::new(&store, &failsafe, &Unhooked).with_model(args.model.as_deref());
    match args.agent {
        AgentName::EmailAnalyst => match (&args.file, args.email_id) {
            (Some(file), None) => {
                let run = block_on(runner.analyze_message(&read(file)?))??;
                show(out, &run, None, analysis_text)
            }
            (None, Some(id)) => {
                let done = block_on(runner.analyze_email(id))??;
                show(out, &done.run, Some(&done.applied), analysis_text)
            }
            _ => Err(CliError::Usage(
                "email-analyst needs --file F.eml or --email-id N".into(),
            )),
        },
        AgentName::JobMatch => {
            let Some(file) = &args.file else {
                return Err(CliError::Usage(
                    "job-match needs --file POST.txt with the job post's text".into(),
                ));
            };
            let post = String::from_utf8_lossy(&read(file)?).into_owned();
            let run = block_on(runner.job_match(&post))??;
            show(out, &run, None, match_text)
        }
        AgentName::FollowUp => {
            let Some(id) = args.application_id else {
                return Err(CliError::Usage(
                    "follow-up needs --application-id N (see `jobtrail apps list`)".into(),
                ));
            };
            let run = block_on(runner.follow_up(id))??;
            show(out, &run, None, draft_text)
        }
    }
}

fn read(file: &PathBuf) -> Result<Vec<u8>, CliError> {
    std::fs::read(file).map_err(|e| CliError::Usage(format!("cannot read {}: {e}", file.display())))
}

fn show<O: Serialize>(
    out: &Output,
    run: &AgentRun<O>,
    applied: Option<&Applied>,
    text: fn(&O) -> String,
) -> Result<(), CliError> {
    let e = &run.execution;
    let view = RunView { run, applied };
    out.print(&view, || {
        let engine = match (&e.provider, &e.model) {
            (Some(p), Some(m)) => format!("{m} via {p}"),
            _ => "built-in rules".into(),
        };
        let mut s = format!(
            "execution #{} ({}) on {engine}: {} in {:.1} ms, {} tokens",
            e.execution_id,
            e.request_id,
            if e.success { "ok" } else { "failed" },
            e.duration_us as f64 / 1000.0,
            e.usage.total()
        );
        match &run.result {
            Ok(o) => s.push_str(&format!("\n{}", text(o))),
            Err(err) => s.push_str(&format!("\nerror: {err}")),
        }
        if let Some(a) = applied {
            for c in &a.applied {
                s.push_str(&format!(
                    "\napplied: application #{} {} → {}",
                    c.application_id,
                    c.from.map_or("-".into(), |f| f.to_string()),
                    c.to
                ));
            }
            for q in &a.queued {
                s.push_str(&format!(
                    "\nfor review (#{}): {} — {}",
                    q.id,
                    q.proposed_status.map_or("-".into(), |p| p.to_string()),
                    q.reason
                ));
            }
        }
        s
    })?;
    if run.result.is_err() {
        return Err(CliError::Failed);
    }
    Ok(())
}

fn analysis_text(a: &EmailAnalysis) -> String {
    format!(
        "{:?} (urgency {:?}, confidence {:.2})\n{}\napplication: {}  proposed status: {}",
        a.category,
        a.urgency,
        a.confidence,
        a.summary,
        a.application_id.map_or("none".into(), |i| format!("#{i}")),
        a.proposed_status.map_or("none".into(), |s| s.to_string()),
    )
}

fn match_text(m: &JobMatchResult) -> String {
    format!(
        "score {}/100: {:?} (confidence {:.2})\nmatched: {}\nmissing: {}\n{}",
        m.score,
        m.recommendation,
        m.confidence,
        if m.matched_skills.is_empty() {
            "-".into()
        } else {
            m.matched_skills.join(", ")
        },
        if m.missing_skills.is_empty() {
            "-".into()
        } else {
            m.missing_skills.join(", ")
        },
        m.summary
    )
}

fn draft_text(d: &FollowUpDraft) -> String {
    format!("Subject: {}\n\n{}", d.subject, d.body)
}
