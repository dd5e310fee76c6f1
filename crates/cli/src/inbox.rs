//! `jobtrail import`, `jobtrail emails …` and `jobtrail review …`.

use std::path::PathBuf;

use clap::Subcommand;
use jobtrail_core::Store;
use jobtrail_core::agent::email_analyst::EmailCategory;
use jobtrail_core::tracker::review::{self, ReviewItem, ReviewKind, ReviewState};
use jobtrail_core::tracker::{emails, import};

use crate::output::{CliError, Output, clip};

/// Imports files and prints the report; exit 1 if anything failed.
pub fn import(files: &[PathBuf], store: &mut Store, out: &Output) -> Result<(), CliError> {
    let report = import::import_files(store, files, &mut |_| {})?;
    out.print(&report, || {
        let mut s = String::new();
        for f in &report.files {
            s.push_str(&format!(
                "{}: {} imported, {} already there",
                f.path, f.imported, f.duplicates
            ));
            if let Some(e) = &f.error {
                s.push_str(&format!("\n  error: {e}"));
            }
            for m in &f.errors {
                s.push_str(&format!("\n  message {}: {}", m.index, m.reason));
            }
            s.push('\n');
        }
        s.push_str(&format!(
            "total: {} imported, {} duplicates, {} failed",
            report.imported, report.duplicates, report.failed
        ));
        s
    })?;
    if report.failed > 0 {
        return Err(CliError::Failed);
    }
    Ok(())
}

#[derive(Debug, Subcommand)]
pub enum EmailsCommand {
    /// List imported emails, newest first.
    List {
        /// At most this many.
        #[arg(long, default_value_t = 50)]
        limit: usize,
    },
    /// Show one email with its analysis.
    Show { id: i64 },
    /// Correct an email's category (counted against the analysis that got it wrong):
    /// application_received, interview_invite, assessment, offer, rejection,
    /// recruiter_outreach, follow_up_needed, other.
    Relabel { id: i64, category: String },
}

pub fn emails(cmd: EmailsCommand, store: &mut Store, out: &Output) -> Result<(), CliError> {
    match cmd {
        EmailsCommand::List { limit } => {
            let list = emails::list(store, limit)?;
            out.print(&list, || {
                if list.is_empty() {
                    return "No emails yet. Import some with `jobtrail import FILE.mbox`.".into();
                }
                list.iter()
                    .map(|e| {
                        format!(
                            "#{:<5} {:<25} {:<40} {}",
                            e.id,
                            clip(&e.from, 25),
                            clip(&e.subject, 40),
                            e.category
                                .and_then(|c| serde_json::to_value(c).ok())
                                .and_then(|v| v.as_str().map(str::to_owned))
                                .unwrap_or_else(|| "not analysed".into())
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            })
        }
        EmailsCommand::Relabel { id, category } => {
            let c: EmailCategory =
                serde_json::from_value(category.trim().into()).map_err(|_| {
                    CliError::Usage(format!(
                        "{category:?} is not a category: application_received, interview_invite, \
                     assessment, offer, rejection, recruiter_outreach, follow_up_needed, other"
                    ))
                })?;
            let e = emails::relabel(store, id, c)?;
            out.print(&e.summary, || format!("#{id} is now {category}"))
        }
        EmailsCommand::Show { id } => {
            let e = emails::get(store, id)?;
            out.print(&e, || {
                format!(
                    "From: {}\nSubject: {}\nDate: {}\n\n{}",
                    e.summary.from,
                    e.summary.subject,
                    e.summary.date.as_deref().unwrap_or("-"),
                    e.body
                )
            })
        }
    }
}

#[derive(Debug, Subcommand)]
pub enum ReviewCommand {
    /// Proposals waiting for you.
    List {
        /// Include accepted and rejected ones.
        #[arg(long)]
        all: bool,
    },
    /// Apply a proposal.
    Accept { id: i64 },
    /// Turn a proposal down.
    Reject { id: i64 },
}

pub fn review(cmd: ReviewCommand, store: &mut Store, out: &Output) -> Result<(), CliError> {
    match cmd {
        ReviewCommand::List { all } => {
            let items = review::list(store, all)?;
            out.print(&items, || {
                if items.is_empty() {
                    return "Nothing to review.".into();
                }
                items.iter().map(line).collect::<Vec<_>>().join("\n")
            })
        }
        ReviewCommand::Accept { id } => {
            let item = review::accept(store, id)?;
            out.print(&item, || format!("accepted: {}", line(&item)))
        }
        ReviewCommand::Reject { id } => {
            let item = review::reject(store, id)?;
            out.print(&item, || format!("rejected: {}", line(&item)))
        }
    }
}

fn line(i: &ReviewItem) -> String {
    let what = match i.kind {
        ReviewKind::StatusChange => format!(
            "{} ({}): {} → {}",
            i.company.as_deref().unwrap_or("?"),
            i.role.as_deref().unwrap_or("?"),
            i.current_status.map_or("-".into(), |s| s.to_string()),
            i.proposed_status.map_or("-".into(), |s| s.to_string()),
        ),
        ReviewKind::NewApplication => format!(
            "new application: {} ({})",
            i.company.as_deref().unwrap_or("?"),
            i.role.as_deref().unwrap_or(review::ROLE_NOT_STATED),
        ),
    };
    let state = match i.state {
        ReviewState::Pending => "",
        ReviewState::Accepted => " [accepted]",
        ReviewState::Rejected => " [rejected]",
    };
    format!("#{:<4} {what}{state} — {}", i.id, i.reason)
}
