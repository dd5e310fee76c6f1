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
    account::get(&lock(store), &c.name)?;
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
    let draft = AccountDraft {
        name: a.name,
        host: a.host,
        port: Some(a.port),
        security: Some(a.security),
        user: a.user,
        folders: a.folders,
        since: Some(a.since),
        enabled: Some(a.enabled),
    };
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

/// Hooks that hear nothing.
#[derive(Debug, Default)]
pub struct Quiet;
impl SyncHooks for Quiet {}

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
        let mut reports = sync_one(store, failsafe, a, hooks).await?;
        if analyse {
            analyse_new(store, failsafe, &mut reports, hooks).await?;
        }
        out.extend(reports);
    }
    Ok(out)
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

/// Runs the analyst on the new job mail of `reports`, oldest first; the rest is
/// marked with the pre-filter's reason. Stops (leaving the rest for later) when the
/// agents are paused or the analyst cannot run at all.
async fn analyse_new(
    store: &Mutex<Store>,
    failsafe: &Arc<Failsafe>,
    reports: &mut [FolderReport],
    hooks: &mut dyn SyncHooks,
) -> mail::Result<()> {
    if reports.iter().all(|r| r.new_emails.is_empty()) {
        return Ok(());
    }
    let runtime = tasks::runtime(store, failsafe)?;
    let companies: Vec<String> = applications::list(&lock(store))?
        .into_iter()
        .map(|a| a.company)
        .collect();
    for r in reports.iter_mut() {
        for &id in &r.new_emails {
            if hooks.paused() {
                tracing::info!("agents are paused: new mail waits for analysis");
                return Ok(());
            }
            let email = emails::get(&lock(store), id)?;
            let verdict = triage::triage(&EmailInput::from(&email), &companies);
            if !verdict.job_related {
                emails::mark_skipped(&mut lock(store), id, &verdict.reason)?;
                r.skipped += 1;
                continue;
            }
            let done = match tasks::analyze_email(store, &runtime, id).await {
                Ok(done) => done,
                Err(crate::Error::Store(e)) => return Err(e.into()),
                Err(e) => {
                    // The analyst is turned off or misconfigured: the mail stays for
                    // a later run, the sync itself stands.
                    tracing::warn!(error = %e, "new mail not analysed");
                    return Ok(());
                }
            };
            r.analysed += 1;
            let notice = notice_for(&lock(store), &email, &done)?;
            if let Some(n) = notice {
                notices::queue(&mut lock(store), &n)?;
            }
            hooks.analysed(&done);
        }
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
