//! `jobtrail mail …`: IMAP accounts, their passwords in the keychain, and syncing
//! them into the store (then analysing the new job mail), for scripts and tests.
//!
//! Passwords come from standard input (all of it, a trailing newline dropped) or, on
//! a terminal, from a prompt without echo: never from an argument, where `ps` and the
//! shell history would show them.

use std::io::{IsTerminal, Read, Write};
use std::sync::{Mutex, PoisonError};

use clap::{Args, Subcommand};
use jobtrail_core::Store;
use jobtrail_core::failsafe::Failsafe;
use jobtrail_core::mail::account::{self, AccountDraft, MailAccount};
use jobtrail_core::mail::settings::{self as mail_settings, MailSettings};
use jobtrail_core::mail::{self, AccountStatus, FolderReport, Security, SyncProgress};
use jobtrail_core::secrets::Password;
use jobtrail_core::service::mail::{self as service, SyncHooks, SyncRequest};

use crate::block_on;
use crate::output::{CliError, Output, clip};

#[derive(Debug, Subcommand)]
pub enum MailCommand {
    /// Add an account: the password (an app password) is read from standard input or
    /// prompted for, checked by logging in, and kept in the keychain.
    Add(AddArgs),
    /// Every account with its status and last sync.
    List,
    /// Log in with the stored password and list the server's folders.
    Test {
        /// The account.
        name: String,
    },
    /// Remove an account and its password; the mail it imported stays.
    Remove {
        /// The account.
        name: String,
    },
    /// Sync an account in the background again.
    Enable {
        /// The account.
        name: String,
    },
    /// Leave an account out of background and `mail sync` without a name.
    Disable {
        /// The account.
        name: String,
    },
    /// Give an account a new password (from standard input or a prompt), checked by
    /// logging in: an account stopped by a refused password syncs again.
    Password {
        /// The account.
        name: String,
    },
    /// Show or change how often mail is synced and whether new job mail is analysed.
    Settings {
        /// Minutes between background syncs, 1 to 1440.
        #[arg(long, allow_hyphen_values = true)]
        interval_minutes: Option<i64>,
        /// Analyse new job mail as it arrives: true or false.
        #[arg(long, value_name = "true|false")]
        auto_analyse: Option<bool>,
    },
    /// Sync one account (even when disabled), or every enabled one, then analyse the
    /// new job mail. Exit 1 when any folder did not sync.
    Sync {
        /// The account (default: every enabled account).
        name: Option<String>,
        /// Only import; leave the new mail unanalysed.
        #[arg(long)]
        no_analyse: bool,
    },
}

#[derive(Debug, Args)]
pub struct AddArgs {
    /// 1 to 32 of a-z 0-9 - _ (like work or gmail).
    name: String,
    /// The IMAP server (imap.gmail.com).
    #[arg(long)]
    host: String,
    /// Default: 993 for tls, 143 otherwise.
    #[arg(long, allow_hyphen_values = true)]
    port: Option<i64>,
    /// tls (implicit TLS), starttls, or none (this machine only).
    #[arg(long, default_value = "tls")]
    security: String,
    /// The login name, usually your address.
    #[arg(long)]
    user: String,
    /// A folder to watch; repeat for more (default: INBOX).
    #[arg(long = "folder", value_name = "FOLDER")]
    folders: Vec<String>,
    /// How far back the first sync reaches, YYYY-MM-DD (default: 90 days ago).
    #[arg(long, value_name = "YYYY-MM-DD")]
    since: Option<String>,
}

pub fn run(cmd: MailCommand, store: Store, out: &Output) -> Result<(), CliError> {
    let store = Mutex::new(store);
    match cmd {
        MailCommand::Add(args) => add(args, &store, out),
        MailCommand::List => list(&lock(&store), out),
        MailCommand::Test { name } => {
            let folders = block_on(service::test_stored(&store, &name))??;
            out.print(&folders, || {
                let mut s = format!("{}: login works; folders:", name.trim().to_lowercase());
                for f in folders.iter().filter(|f| f.selectable) {
                    s.push_str(&format!("\n  {}", f.name));
                }
                s
            })
        }
        MailCommand::Remove { name } => {
            let name = account::get(&lock(&store), &name)?.name;
            service::remove_account(&store, &name)?;
            let view = serde_json::json!({ "removed": name });
            out.print(&view, || {
                format!("removed {name} and its password; the mail it imported stays")
            })
        }
        MailCommand::Enable { name } => switch(&store, &name, true, out),
        MailCommand::Disable { name } => switch(&store, &name, false, out),
        MailCommand::Password { name } => password(&store, &name, out),
        MailCommand::Settings {
            interval_minutes,
            auto_analyse,
        } => settings(&mut lock(&store), interval_minutes, auto_analyse, out),
        MailCommand::Sync { name, no_analyse } => {
            let req = SyncRequest {
                account: name,
                analyse: no_analyse.then_some(false),
            };
            sync(store, &req, out)
        }
    }
}

fn lock(store: &Mutex<Store>) -> std::sync::MutexGuard<'_, Store> {
    store.lock().unwrap_or_else(PoisonError::into_inner)
}

fn invalid(field: &'static str, reason: impl Into<String>) -> CliError {
    mail::Error::Invalid(jobtrail_core::Error::Invalid {
        field,
        reason: reason.into(),
    })
    .into()
}

fn add(args: AddArgs, store: &Mutex<Store>, out: &Output) -> Result<(), CliError> {
    let security = Security::parse(&args.security)
        .ok_or_else(|| invalid("security", "must be tls, starttls or none"))?;
    let port = match args.port {
        None => None,
        Some(p) => Some(
            u16::try_from(p)
                .ok()
                .filter(|p| *p > 0)
                .ok_or_else(|| invalid("port", "must be between 1 and 65535"))?,
        ),
    };
    let draft = AccountDraft {
        name: args.name,
        host: args.host,
        port,
        security: Some(security),
        user: args.user,
        folders: args.folders,
        since: args.since,
        enabled: Some(true),
    };
    // Bad input is refused before anyone is asked for a password.
    let today = lock(store).today();
    let checked = draft.clone().validated(today)?;
    if account::get(&lock(store), &checked.name).is_ok() {
        return Err(invalid(
            "name",
            format!(
                "an account named {} exists; choose another name (or `jobtrail mail password {}`)",
                checked.name, checked.name
            ),
        ));
    }
    let password = read_password(&format!(
        "App password for {} at {}: ",
        checked.user, checked.host
    ))?;
    let added = block_on(service::add_account(store, draft, &password))??;
    out.print(&added, || {
        format!(
            "added {} ({}@{}:{}, {}), watching {}; the first sync reaches back to {}.\n\
             Sync it with `jobtrail mail sync {}`.",
            added.name,
            added.user,
            added.host,
            added.port,
            added.security.as_str(),
            added.folders.join(", "),
            added.since,
            added.name
        )
    })
}

/// The password from a prompt without echo on a terminal, else all of standard input.
fn read_password(prompt: &str) -> Result<Password, CliError> {
    let raw = if std::io::stdin().is_terminal() {
        rpassword::prompt_password(prompt)
            .map_err(|e| invalid("password", format!("cannot read it from the terminal: {e}")))?
    } else {
        let mut raw = String::new();
        std::io::stdin().read_to_string(&mut raw).map_err(|e| {
            invalid(
                "password",
                format!("cannot read it from standard input (UTF-8 text): {e}"),
            )
        })?;
        raw
    };
    Password::new(raw).ok_or_else(|| {
        invalid(
            "password",
            format!(
                "give it on standard input (like `printf %s \"$APP_PASSWORD\" | jobtrail mail …`), \
                 1 to {} characters without line breaks",
                Password::MAX_CHARS
            ),
        )
    })
}

fn list(store: &Store, out: &Output) -> Result<(), CliError> {
    let accounts = account::list(store)?;
    let now = store.now_ms();
    out.print(&accounts, || {
        if accounts.is_empty() {
            return "No mail accounts yet. Add one with \
                    `jobtrail mail add NAME --host HOST --user USER` (the app password on stdin)."
                .into();
        }
        accounts
            .iter()
            .map(|a| account_line(a, now))
            .collect::<Vec<_>>()
            .join("\n")
    })
}

fn account_line(a: &MailAccount, now: i64) -> String {
    let status = match a.status {
        AccountStatus::New => "new",
        AccountStatus::Ok => "ok",
        AccountStatus::Error => "error",
        AccountStatus::NeedsPassword => "needs a new password",
    };
    let mut s = format!(
        "{:<12} {:<40} {:<14} {}{}, {}",
        a.name,
        clip(
            &format!("{}@{}:{} ({})", a.user, a.host, a.port, a.security.as_str()),
            40
        ),
        clip(&a.folders.join(", "), 14),
        status,
        if a.enabled { "" } else { " (disabled)" },
        a.last_sync_at.map_or_else(
            || "never synced".into(),
            |t| format!("last sync {}", ago(now, t))
        )
    );
    if let Some(e) = &a.error {
        s.push_str(&format!("\n             error: {}", clip(e, 100)));
    }
    s
}

/// "just now", "3 min ago", "2 h ago", "5 days ago".
fn ago(now: i64, then: i64) -> String {
    let minutes = now.saturating_sub(then).max(0) / 60_000;
    match minutes {
        0 => "just now".into(),
        1..=59 => format!("{minutes} min ago"),
        60..=2879 => format!("{} h ago", minutes / 60),
        _ => format!("{} days ago", minutes / 1440),
    }
}

fn switch(store: &Mutex<Store>, name: &str, on: bool, out: &Output) -> Result<(), CliError> {
    let a = account::set_enabled(&mut lock(store), name, on)?;
    out.print(&a, || {
        if on {
            format!("{} is synced in the background again", a.name)
        } else {
            format!(
                "{} is left out of background sync (`jobtrail mail sync {}` still reads it)",
                a.name, a.name
            )
        }
    })
}

fn password(store: &Mutex<Store>, name: &str, out: &Output) -> Result<(), CliError> {
    let a = account::get(&lock(store), name)?;
    let password = read_password(&format!("New app password for {} at {}: ", a.user, a.host))?;
    let draft = AccountDraft::from(a);
    let saved = block_on(service::update_account(store, draft, Some(&password)))??;
    out.print(&saved, || {
        format!("{}: the new password works and is stored", saved.name)
    })
}

fn settings(
    store: &mut Store,
    interval_minutes: Option<i64>,
    auto_analyse: Option<bool>,
    out: &Output,
) -> Result<(), CliError> {
    let mut s = mail_settings::get(store)?;
    if interval_minutes.is_some() || auto_analyse.is_some() {
        // Out of range either way: a value past u32 fails the core's validation,
        // which names the field and the range.
        s = MailSettings {
            interval_minutes: interval_minutes
                .map_or(s.interval_minutes, |m| u32::try_from(m).unwrap_or(u32::MAX)),
            auto_analyse: auto_analyse.unwrap_or(s.auto_analyse),
        };
        s = mail_settings::set(store, s)?;
    }
    out.print(&s, || {
        format!(
            "sync every {} min; new job mail {}",
            s.interval_minutes,
            if s.auto_analyse {
                "is analysed as it arrives"
            } else {
                "waits until you analyse it"
            }
        )
    })
}

fn sync(store: Mutex<Store>, req: &SyncRequest, out: &Output) -> Result<(), CliError> {
    let failsafe = Failsafe::load(&lock(&store))?;
    let mut hooks = Progress {
        shown: false,
        terminal: std::io::stderr().is_terminal(),
    };
    let reports = block_on(service::sync_mail(&store, &failsafe, req, &mut hooks))?;
    hooks.finish();
    let reports = reports?;
    out.print(&reports, || {
        if reports.is_empty() {
            return "No account to sync: add one with `jobtrail mail add`, or name a \
                    disabled one."
                .into();
        }
        reports
            .iter()
            .map(folder_line)
            .collect::<Vec<_>>()
            .join("\n")
    })?;
    match reports
        .iter()
        .find_map(|r| r.error.as_ref().map(|e| (r, e)))
    {
        None => Ok(()),
        Some((r, e)) => Err(CliError::MailSync {
            folder: format!("{}/{}", r.account, r.folder),
            code: e.code.clone(),
            message: e.message.clone(),
            failed: reports.iter().filter(|r| r.error.is_some()).count(),
        }),
    }
}

/// "work/INBOX: 12 new, 3 already there, 1 malformed (UID 7: …), 5 analysed, 7 skipped
/// as not job-related".
fn folder_line(r: &FolderReport) -> String {
    let mut s = format!(
        "{}/{}: {} new, {} already there",
        r.account, r.folder, r.imported, r.duplicates
    );
    if r.malformed > 0 {
        let which = r
            .malformed_messages
            .iter()
            .map(|m| format!("UID {}: {}", m.uid, clip(&m.reason, 60)))
            .collect::<Vec<_>>()
            .join("; ");
        s.push_str(&format!(", {} malformed ({which})", r.malformed));
    }
    if r.analysed > 0 || r.skipped > 0 {
        s.push_str(&format!(
            ", {} analysed, {} skipped as not job-related",
            r.analysed, r.skipped
        ));
    }
    if r.rescanned {
        s.push_str(" (read again: the server renewed the folder)");
    }
    if let Some(e) = &r.error {
        s.push_str(&format!(" — failed ({}): {}", e.code, e.message));
    }
    s
}

/// A progress line on stderr during first syncs, when a person watches a terminal.
struct Progress {
    shown: bool,
    terminal: bool,
}

impl Progress {
    fn finish(&mut self) {
        if self.shown {
            eprint!("\r\x1b[K");
            let _ = std::io::stderr().flush();
            self.shown = false;
        }
    }
}

impl SyncHooks for Progress {
    fn progress(&mut self, p: SyncProgress) {
        if !self.terminal || !p.first || p.total == 0 {
            return;
        }
        eprint!(
            "\r\x1b[K{}/{}: {} of {} messages",
            p.account, p.folder, p.done, p.total
        );
        let _ = std::io::stderr().flush();
        self.shown = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ago_reads_like_a_person_says_it() {
        let now = 10 * 86_400_000;
        assert_eq!(ago(now, now - 20_000), "just now");
        assert_eq!(ago(now, now - 3 * 60_000), "3 min ago");
        assert_eq!(ago(now, now - 5 * 3_600_000), "5 h ago");
        assert_eq!(ago(now, now - 3 * 86_400_000), "3 days ago");
        assert_eq!(
            ago(now, now + 60_000),
            "just now",
            "a clock skew is not the future"
        );
    }

    #[test]
    fn a_folder_line_says_what_happened() {
        let r = FolderReport {
            account: "work".into(),
            folder: "INBOX".into(),
            imported: 12,
            duplicates: 3,
            malformed: 1,
            malformed_messages: vec![mail::sync::MalformedMessage {
                uid: 7,
                reason: "no headers".into(),
            }],
            analysed: 5,
            skipped: 7,
            ..FolderReport::default()
        };
        assert_eq!(
            folder_line(&r),
            "work/INBOX: 12 new, 3 already there, 1 malformed (UID 7: no headers), \
             5 analysed, 7 skipped as not job-related"
        );
    }
}
