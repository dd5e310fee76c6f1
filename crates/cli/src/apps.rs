//! `jobtrail apps …`: list, add, change and delete job applications.

use clap::Subcommand;
use jobtrail_core::Store;
use jobtrail_core::clock::to_rfc3339;
use jobtrail_core::tracker::applications;
use jobtrail_core::tracker::{ApplicationDraft, NewApplication, Origin, Status};

use crate::output::{CliError, Output, clip};

#[derive(Debug, Subcommand)]
pub enum AppsCommand {
    /// List applications, most recently changed first.
    List {
        /// Only applications with this status.
        #[arg(long)]
        status: Option<String>,
    },
    /// Add an application.
    Add {
        /// Employer.
        #[arg(long)]
        company: String,
        /// Job title.
        #[arg(long)]
        role: String,
        /// Stage (default: saved).
        #[arg(long)]
        status: Option<String>,
        /// Where the job was found.
        #[arg(long)]
        source: Option<String>,
        /// The posting's address.
        #[arg(long)]
        url: Option<String>,
        /// Where the job is.
        #[arg(long)]
        location: Option<String>,
        /// Notes.
        #[arg(long)]
        notes: Option<String>,
    },
    /// Move an application to another status.
    SetStatus {
        /// Application id.
        id: i64,
        /// New status: saved, applied, screening, interview, offer, accepted, rejected, withdrawn, ghosted.
        status: String,
        /// Why (kept in the timeline).
        #[arg(long)]
        note: Option<String>,
    },
    /// Show an application's status timeline.
    Timeline {
        /// Application id.
        id: i64,
    },
    /// Delete an application and its timeline.
    Delete {
        /// Application id.
        id: i64,
        /// Confirm the deletion (it cannot be undone).
        #[arg(long)]
        yes: bool,
    },
}

pub fn run(cmd: AppsCommand, store: &mut Store, out: &Output) -> Result<(), CliError> {
    match cmd {
        AppsCommand::List { status } => {
            let wanted: Option<Status> = status.as_deref().map(str::parse).transpose()?;
            let apps: Vec<_> = applications::list(store)?
                .into_iter()
                .filter(|a| wanted.is_none_or(|s| a.status == s))
                .collect();
            out.print(&apps, || {
                if apps.is_empty() {
                    return "No applications yet. Add one: jobtrail apps add --company NAME --role TITLE".into();
                }
                let mut s = format!("{:>5}  {:<10}  {:<24}  {:<28}  {}\n", "ID", "STATUS", "COMPANY", "ROLE", "UPDATED");
                for a in &apps {
                    s += &format!(
                        "{:>5}  {:<10}  {:<24}  {:<28}  {}\n",
                        a.id,
                        a.status,
                        clip(&a.company, 24),
                        clip(&a.role, 28),
                        to_rfc3339(a.updated_at)
                    );
                }
                s.trim_end().to_owned()
            })
        }
        AppsCommand::Add {
            company,
            role,
            status,
            source,
            url,
            location,
            notes,
        } => {
            let new = NewApplication::try_from(ApplicationDraft {
                company,
                role,
                status,
                source,
                url,
                location,
                notes,
            })?;
            let app = applications::add(store, &new, Origin::User)?;
            out.print(&app, || {
                format!(
                    "Added #{}: {} at {} ({})",
                    app.id, app.role, app.company, app.status
                )
            })
        }
        AppsCommand::SetStatus { id, status, note } => {
            let status: Status = status.parse()?;
            let app = applications::set_status(store, id, status, Origin::User, note.as_deref())?;
            out.print(&app, || {
                format!(
                    "#{} {} at {} is now {}",
                    app.id, app.role, app.company, app.status
                )
            })
        }
        AppsCommand::Timeline { id } => {
            let changes = applications::timeline(store, id)?;
            out.print(&changes, || {
                changes
                    .iter()
                    .map(|c| {
                        let from = c.from.map(|f| format!("{f} → ")).unwrap_or_default();
                        let note = c
                            .note
                            .as_deref()
                            .map(|n| format!("  ({n})"))
                            .unwrap_or_default();
                        format!(
                            "{}  {from}{}  by {}{note}",
                            to_rfc3339(c.at),
                            c.to,
                            c.origin.as_str()
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("\n")
            })
        }
        AppsCommand::Delete { id, yes } => {
            if !yes {
                return Err(CliError::Usage(format!(
                    "deleting #{id} cannot be undone; run again with --yes to confirm"
                )));
            }
            applications::delete(store, id)?;
            out.print(&serde_json::json!({ "deleted": id }), || {
                format!("Deleted #{id}")
            })
        }
    }
}
