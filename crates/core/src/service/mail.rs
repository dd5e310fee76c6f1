//! The daily loop: sync the mail accounts, then run EmailAnalyst on the new job mail
//! under the review rules, and queue a notice for each application that moved.
//!
//! It lives here, above both the mail sources and the agents, so the mail layer stays
//! below the agents and the CLI and the app share one path.

use std::sync::{Arc, Mutex, PoisonError};

use crate::agent::email_analyst::{EmailCategory, EmailInput};
use crate::agent::tasks::{self, Analysed};
use crate::agent::triage;
use crate::failsafe::{ErrorContext, Failsafe, errors};
use crate::mail::account::{self, AccountConfig, AccountDraft, AccountStatus, MailAccount};
use crate::mail::imap::{Connection, FolderInfo, Target};
use crate::mail::sync::{self, BatchLimits, FolderReport, SyncError, SyncProgress};
use crate::mail::{self, Error};
use crate::notices::{self, Notice, NoticeKind};
use crate::secrets::{self, Password};
use crate::store::Store;
use crate::tracker::{applications, emails};

/// Checks a draft and logs in with `password`: the server's folders, so a person
/// can pick theirs. Nothing is stored.
pub async fn test_account(
    draft: AccountDraft,
    password: &Password,
    today: chrono::NaiveDate,
) -> mail::Result<Vec<FolderInfo>> {
    let c = draft.validated(today)?;
    let mut conn = Connection::open(target(&c), password).await?;
    let folders = conn.folders().await;
    conn.close().await;
    let folders = folders?;
    if let Some(missing) = c
        .folders
        .iter()
        .find(|f| !folders.iter().any(|s| s.selectable && &s.name == *f))
    {
        return Err(Error::Folder {
            folder: missing.clone(),
            reason: format!(
                "the server has no such folder; it has {}",
                folders
                    .iter()
                    .filter(|f| f.selectable)
                    .map(|f| f.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        });
    }
    Ok(folders)
}

fn target(c: &AccountConfig) -> Target<'_> {
    Target {
        host: &c.host,
        port: c.port,
        security: c.security,
        user: &c.user,
    }
}

/// Adds an account: checks it, logs in (the password must work before anything is
/// kept), stores the password in the keychain under `mail:NAME`, then the account.
pub async fn add_account(
    store: &Mutex<Store>,
    draft: AccountDraft,
    password: &Password,
) -> mail::Result<MailAccount> {
    let today = lock(store).today();
    let c = draft.clone().validated(today)?;
    if account::get(&lock(store), &c.name).is_ok() {
        return Err(crate::Error::invalid(
            "name",
            format!("an account named {} exists; choose another name", c.name),
        )
        .into());
    }
    test_account(draft, password, today).await?;
    secrets::set_mail_password(&c.name, password)?;
    let added = account::add(&mut lock(store), &c);
    if added.is_err() {
        // Never leave a password behind for an account that is not there.
        let _ = secrets::remove_mail_password(&c.name);
    }
    added
}

/// Saves an existing account's settings, and a new password when one is given (then
/// checked by logging in first, and a refused one no longer stops the account).
pub async fn update_account(
    store: &Mutex<Store>,
    draft: AccountDraft,
    password: Option<&Password>,
) -> mail::Result<MailAccount> {
    let today = lock(store).today();
    let c = draft.clone().validated(today)?;
    let old = account::get(&lock(store), &c.name)?;
    let moved = old.host != c.host || old.port != c.port || old.user != c.user;
    if moved && password.is_none() {
        // The stored password is never sent to a server it was not given for.
        return Err(crate::Error::invalid(
            "password",
            "enter the password again for the new server or user",
        )
        .into());
    }
    if let Some(p) = password {
        test_account(draft, p, today).await?;
        secrets::set_mail_password(&c.name, p)?;
        account::password_changed(&mut lock(store), &c.name)?;
    }
    account::update(&mut lock(store), &c)
}

/// Logs in to a stored account with its stored password and lists its folders.
pub async fn test_stored(store: &Mutex<Store>, name: &str) -> mail::Result<Vec<FolderInfo>> {
    let (a, today) = {
        let s = lock(store);
        (account::get(&s, name)?, s.today())
    };
    let password = secrets::mail_password(&a.name)?.ok_or(Error::NoPassword(a.name.clone()))?;
    let draft = AccountDraft::from(a);
    test_account(draft, &password, today).await
}

/// Removes an account and its keychain entry; the mail it imported stays.
pub fn remove_account(store: &Mutex<Store>, name: &str) -> mail::Result<()> {
    let a = account::get(&lock(store), name)?;
    secrets::remove_mail_password(&a.name)?;
    account::remove(&mut lock(store), &a.name)
}

/// What to sync.
#[derive(Debug, Clone, Default)]
pub struct SyncRequest {
    /// One account (synced even when turned off or waiting for a password), or every
    /// enabled account that has a usable password.
    pub account: Option<String>,
    /// Analyse new job mail; `None`: as the settings say.
    pub analyse: Option<bool>,
}

/// What the caller hears during a sync; every method has a do-nothing default.
pub trait SyncHooks: Send {
    /// After each batch.
    fn progress(&mut self, _p: SyncProgress) {}
    /// Whether agents are paused now (checked before each analysis).
    fn paused(&self) -> bool {
        false
    }
    /// After each analysis run.
    fn analysed(&mut self, _run: &Analysed) {}
    /// The stored password of `account`: the OS keychain's.
    fn password(&self, account: &str) -> Result<Option<Password>, secrets::KeychainError> {
        secrets::mail_password(account)
    }
}

fn lock(store: &Mutex<Store>) -> std::sync::MutexGuard<'_, Store> {
    store.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Syncs and analyses. An unknown account is an `Err`; everything that goes wrong
/// with a server or a folder is in that folder's report (and the error log).
#[tracing::instrument(skip_all, fields(account = req.account.as_deref()))]
pub async fn sync_mail(
    store: &Mutex<Store>,
    failsafe: &Arc<Failsafe>,
    req: &SyncRequest,
    hooks: &mut dyn SyncHooks,
) -> mail::Result<Vec<FolderReport>> {
    let (accounts, settings) = {
        let s = lock(store);
        let accounts = match &req.account {
            Some(name) => vec![account::get(&s, name)?],
            None => account::list(&s)?
                .into_iter()
                .filter(|a| a.enabled && a.status != AccountStatus::NeedsPassword)
                .collect(),
        };
        (accounts, mail::settings::get(&s)?)
    };
    let analyse = req.analyse.unwrap_or(settings.auto_analyse);
    let mut out = Vec::new();
    for a in &accounts {
        let reports = match sync_one(store, failsafe, a, hooks).await {
            Ok(r) => r,
            // Removed while it synced: nothing of it is left to report.
            Err(Error::Store(_)) if account::get(&lock(store), &a.name).is_err() => continue,
            Err(e) => return Err(e),
        };
        announce_refusal(store, a)?;
        out.extend(reports);
    }
    if analyse {
        analyse_pending(store, failsafe, &mut out, hooks).await?;
    }
    Ok(out)
}

/// One notice per account and episode when its server starts refusing the password.
fn announce_refusal(store: &Mutex<Store>, a: &MailAccount) -> mail::Result<()> {
    let mut s = lock(store);
    if let Some(since) = account::refused_since(&s, &a.name)? {
        let notice = Notice {
            kind: NoticeKind::Escalation,
            key: format!("mail-auth:{}:{since}", a.name),
            title: format!("{} refused the password of mail account {}", a.host, a.name),
            body: "Mail from this account is not read until you enter a new app password \
                   in Settings → Mail accounts."
                .to_owned(),
            urgent: true,
        };
        notices::queue(&mut s, &notice)?;
    }
    Ok(())
}

async fn sync_one(
    store: &Mutex<Store>,
    failsafe: &Arc<Failsafe>,
    a: &MailAccount,
    hooks: &mut dyn SyncHooks,
) -> mail::Result<Vec<FolderReport>> {
    let password = match hooks.password(&a.name) {
        Ok(Some(p)) => p,
        Ok(None) => return failed(store, a, Error::NoPassword(a.name.clone())),
        Err(e) => return failed(store, a, Error::Keychain(e)),
    };
    let mut progress = |p: SyncProgress| hooks.progress(p);
    Ok(sync::sync_account(
        store,
        failsafe,
        a,
        &password,
        BatchLimits::default(),
        &mut progress,
    )
    .await?)
}

/// Every folder of `a` reported with `e`, which is kept in the error log and on
/// the account.
fn failed(store: &Mutex<Store>, a: &MailAccount, e: Error) -> mail::Result<Vec<FolderReport>> {
    let mut s = lock(store);
    let context = ErrorContext::new("mail_sync").with("account", a.name.as_str());
    errors::handle_error(&mut s, &e, context)?;
    account::record_outcome(&mut s, &a.name, Some(&e))?;
    let err = SyncError::from(&e);
    Ok(a.folders
        .iter()
        .map(|f| FolderReport {
            account: a.name.clone(),
            folder: f.clone(),
            error: Some(err.clone()),
            ..FolderReport::default()
        })
        .collect())
}

/// Mail this recent is announced when it moves an application; older mail (a first
/// sync reaching back 90 days, a rescan) is analysed without a notice per message.
const ANNOUNCE_WITHIN_MS: i64 = 48 * 3_600_000;

/// Runs the analyst on every synced email not yet analysed or skipped, oldest first
/// (this pass's and any an earlier pass left: paused agents, a crash, a failed run);
/// what the pre-filter finds not job-related is marked with its reason. Stops, leaving
/// the rest for the next pass, when the agents are paused or the analyst cannot run.
/// A failure here never undoes the sync: it is logged and reported, not returned.
async fn analyse_pending(
    store: &Mutex<Store>,
    failsafe: &Arc<Failsafe>,
    reports: &mut [FolderReport],
    hooks: &mut dyn SyncHooks,
) -> mail::Result<()> {
    let pending = emails::pending_analysis(&lock(store))?;
    if pending.is_empty() {
        return Ok(());
    }
    let runtime = match tasks::runtime(store, failsafe) {
        Ok(r) => r,
        Err(crate::Error::Store(e)) => return Err(e.into()),
        Err(e) => {
            tracing::warn!(error = %e, "new mail not analysed: the analyst cannot start");
            let context = ErrorContext::new("mail_analysis");
            errors::handle_error(&mut lock(store), &e, context)?;
            return Ok(());
        }
    };
    let companies: Vec<String> = applications::list(&lock(store))?
        .into_iter()
        .map(|a| a.company)
        .collect();
    for id in pending {
        if hooks.paused() {
            tracing::info!("agents are paused: new mail waits for analysis");
            return Ok(());
        }
        let email = emails::get(&lock(store), id)?;
        let report = reports.iter_mut().find(|r| {
            Some(r.account.as_str()) == email.summary.account.as_deref()
                && Some(r.folder.as_str()) == email.summary.folder.as_deref()
        });
        let verdict = triage::triage(&EmailInput::from(&email), &companies);
        if !verdict.job_related {
            emails::mark_skipped(&mut lock(store), id, &verdict.reason)?;
            if let Some(r) = report {
                r.skipped += 1;
            }
            continue;
        }
        let done = match tasks::analyze_email(store, &runtime, id).await {
            Ok(done) => done,
            Err(crate::Error::Store(e)) => return Err(e.into()),
            Err(e) => {
                // The analyst is turned off or misconfigured: the mail stays for a
                // later pass, the sync itself stands.
                tracing::warn!(error = %e, "new mail not analysed");
                return Ok(());
            }
        };
        if let Err(e) = &done.run.result {
            // Not picked up again on every pass: Analyse in the Inbox tries again.
            let reason = format!("the analysis failed ({e}); use Analyse to try again");
            emails::mark_skipped(&mut lock(store), id, &reason)?;
        } else if let Some(r) = report {
            r.analysed += 1;
        }
        let recent = {
            let s = lock(store);
            let at = email.summary.sent_at.unwrap_or(email.summary.imported_at);
            s.now_ms() - at <= ANNOUNCE_WITHIN_MS
        };
        let notice = if recent {
            notice_for(&lock(store), &email, &done)?
        } else {
            None
        };
        if let Some(n) = notice {
            notices::queue(&mut lock(store), &n)?;
        }
        hooks.analysed(&done);
    }
    Ok(())
}

/// "Globex: interview invite — moved to interview", or "— waiting for your review".
fn notice_for(
    store: &Store,
    email: &emails::Email,
    done: &Analysed,
) -> mail::Result<Option<Notice>> {
    let Ok(analysis) = &done.run.result else {
        return Ok(None);
    };
    let what = category_words(analysis.category);
    let outcome = if let Some(change) = done.applied.applied.first() {
        let company = applications::get(store, change.application_id)?.company;
        Some((company, format!("moved to {}", change.to)))
    } else {
        done.applied.queued.first().map(|q| {
            (
                q.company
                    .clone()
                    .unwrap_or_else(|| "New job mail".to_owned()),
                "waiting for your review".to_owned(),
            )
        })
    };
    Ok(outcome.map(|(company, outcome)| Notice {
        kind: NoticeKind::JobMail,
        key: format!("job-mail:{}", email.summary.id),
        title: format!("{company}: {what} — {outcome}"),
        body: format!("{} (from {})", email.summary.subject, email.summary.from),
        urgent: false,
    }))
}

fn category_words(c: EmailCategory) -> String {
    serde_json::to_value(c)
        .ok()
        .and_then(|v| v.as_str().map(|s| s.replace('_', " ")))
        .unwrap_or_default()
}
