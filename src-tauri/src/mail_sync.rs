//! Mail sync while the app runs: a pass shortly after start (the window's first
//! queries go first), then every `intervalMinutes`, or at once when poked (Sync now,
//! an account added or changed, IDLE saw new mail). One pass runs at a time, whoever
//! asked for it; the core locks the store per batch, never across the network.
//!
//! Where the server offers IMAP `IDLE`, each account also keeps one connection
//! waiting on its first folder, so new mail is synced within seconds instead of at
//! the next interval. Those connections follow the accounts: after each pass the set
//! is reconciled (removed, turned off, moved or password-refused accounts lose theirs).

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use jobtrail_core::Timestamp;
use jobtrail_core::agent::tasks::Analysed;
use jobtrail_core::clock::{Clock, SystemClock};
use jobtrail_core::failsafe::Failsafe;
use jobtrail_core::mail::{self, AccountStatus, FolderReport, MailAccount, Security, SyncProgress};
use jobtrail_core::secrets::{self, KeychainError, Password};
use jobtrail_core::service::mail::{SyncHooks, SyncRequest, sync_mail};
use serde::{Deserialize, Serialize};
use tauri::async_runtime::JoinHandle;
use tauri::{AppHandle, Manager, Runtime};
use tokio::sync::Notify;
use tokio::time::Instant;

use crate::error::{ErrorCode, IpcError};
use crate::events::{EventSink, ExecutionFinished};
use crate::state::StoreState;
use crate::tray::Tray;
use crate::watch::Watch;

/// Wait before the first pass.
const FIRST_AFTER: Duration = Duration::from_secs(3);
/// Longest sleep between looks at the interval setting (a shorter one applies soon).
const RECHECK: Duration = Duration::from_secs(60);
/// How long one `IDLE` waits before it is re-issued (RFC 2177 asks for under 29 min).
const IDLE_LIMIT: Duration = Duration::from_secs(25 * 60);
/// First wait after an `IDLE` connection failed; it doubles up to [`BACKOFF_MAX`].
const BACKOFF_FIRST: Duration = Duration::from_secs(30);
/// Longest wait between `IDLE` reconnections.
const BACKOFF_MAX: Duration = Duration::from_secs(10 * 60);

/// A sync read another batch (`mail-sync-progress`).
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
#[serde(rename_all = "camelCase")]
pub struct MailSyncProgress {
    /// Where the sync is, per account and folder.
    pub progress: SyncProgress,
}

/// A sync pass started (`mail-sync-started`).
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
#[serde(rename_all = "camelCase")]
pub struct MailSyncStarted {
    /// The one account synced, or none for every enabled account.
    pub account: Option<String>,
}

/// A sync pass ended (`mail-sync-finished`).
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
#[serde(rename_all = "camelCase")]
pub struct MailSyncFinished {
    /// One per account and folder; a folder that failed carries its error.
    pub reports: Vec<FolderReport>,
    /// Why the pass as a whole failed (the store), if it did.
    pub error: Option<String>,
}

/// Where background sync stands (`get_mail_sync_status`).
#[derive(Debug, Clone, Default, Serialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct MailSyncStatus {
    /// Whether a pass is running now.
    pub running: bool,
    /// When mail was last synced, ms UTC: the last pass of this run of the app, else
    /// the latest account's last successful sync.
    pub last_run_at: Option<Timestamp>,
    /// What the last pass did, per account and folder.
    pub last_reports: Vec<FolderReport>,
    /// Why the last pass as a whole failed, if it did.
    pub last_error: Option<String>,
    /// How many mail accounts are configured (none: there is nothing to sync).
    pub accounts: u32,
    /// The accounts whose server announces new mail at once (an `IDLE` connection
    /// is open), by name.
    pub idle_accounts: Vec<String>,
}

/// Background sync's state: the one-pass-at-a-time lock, the last outcome and the
/// `IDLE` connections. Managed state; cloning shares it.
#[derive(Clone, Default)]
pub struct MailSync(Arc<Inner>);

#[derive(Default)]
struct Inner {
    /// Held for the length of a pass: two syncs never run at once.
    pass: tokio::sync::Mutex<()>,
    status: Mutex<MailSyncStatus>,
    /// Asks the background loop for a pass.
    wake: Arc<Notify>,
    /// Whether the background loop runs (then passes keep the `IDLE` set in step).
    background: AtomicBool,
    idle: Mutex<HashMap<String, IdleWatch>>,
    /// Where mail passwords come from: the OS keychain, unless a test gives its own.
    passwords: Mutex<Option<PasswordSource>>,
}

/// Gives an account's stored password.
type PasswordSource = Arc<dyn Fn(&str) -> Result<Option<Password>, KeychainError> + Send + Sync>;

/// Reaches the app's [`MailSync`].
pub trait MailSyncExt<R: Runtime>: Manager<R> {
    /// The app's background mail sync.
    fn mail_sync(&self) -> &MailSync {
        self.state::<MailSync>().inner()
    }
}

impl<R: Runtime, T: Manager<R>> MailSyncExt<R> for T {}

/// What a pass needs of the app's state.
#[derive(Clone, Copy)]
pub struct PassContext<'a> {
    /// The store and the failsafe.
    pub store: &'a StoreState,
    /// Where events go.
    pub events: &'a EventSink,
    /// Poked after each analysis and pass (notices, budgets, tray).
    pub watch: &'a Watch,
    /// Whether agents are paused.
    pub tray: &'a Tray,
}

impl<'a> PassContext<'a> {
    fn of<R: Runtime>(app: &'a AppHandle<R>) -> Self {
        Self {
            store: app.state::<StoreState>().inner(),
            events: app.state::<EventSink>().inner(),
            watch: app.state::<Watch>().inner(),
            tray: app.state::<Tray>().inner(),
        }
    }
}

/// What the core's sync tells the app: progress to the UI, analyses to the UI and
/// the watcher, the pause switch to the analyst; and what it asks: passwords.
struct Hooks<'a>(PassContext<'a>, PasswordSource);

impl SyncHooks for Hooks<'_> {
    fn password(&self, account: &str) -> Result<Option<Password>, KeychainError> {
        (self.1)(account)
    }

    fn progress(&mut self, p: SyncProgress) {
        self.0.events.emit(MailSyncProgress { progress: p });
    }

    fn paused(&self) -> bool {
        self.0.tray.paused()
    }

    fn analysed(&mut self, run: &Analysed) {
        // As an analysis from the Inbox does (`commands::finished`).
        self.0.events.emit(ExecutionFinished {
            execution: run.run.execution.clone(),
        });
        self.0.watch.poke();
    }
}

impl MailSync {
    /// Asks for a pass soon (several pokes during a pass make one more pass).
    pub fn poke(&self) {
        self.0.wake.notify_one();
    }

    /// Gives passwords from `source` instead of the keychain (tests).
    #[cfg(test)]
    pub fn set_passwords(
        &self,
        source: impl Fn(&str) -> Result<Option<Password>, KeychainError> + Send + Sync + 'static,
    ) {
        *self
            .0
            .passwords
            .lock()
            .unwrap_or_else(PoisonError::into_inner) = Some(Arc::new(source));
    }

    fn passwords(&self) -> PasswordSource {
        self.0
            .passwords
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
            .unwrap_or_else(|| Arc::new(secrets::mail_password))
    }

    /// Where sync stands; `store` fills in what this run of the app has not seen yet.
    pub fn status(&self, store: &StoreState) -> MailSyncStatus {
        let mut status = self.lock_status().clone();
        status.idle_accounts = {
            let idle = self.0.idle.lock().unwrap_or_else(PoisonError::into_inner);
            let mut live: Vec<String> = idle
                .iter()
                .filter(|(_, w)| w.live.load(Ordering::SeqCst))
                .map(|(name, _)| name.clone())
                .collect();
            live.sort();
            live
        };
        if let Ok(accounts) = store.with(|s| Ok(mail::account::list(s)?)) {
            status.accounts = u32::try_from(accounts.len()).unwrap_or(u32::MAX);
            if status.last_run_at.is_none() {
                status.last_run_at = accounts.iter().filter_map(|a| a.last_sync_at).max();
            }
        }
        status
    }

    fn lock_status(&self) -> std::sync::MutexGuard<'_, MailSyncStatus> {
        self.0.status.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Runs one pass now, after any pass already running: syncs, analyses new job
    /// mail, then tells the UI and the watcher.
    pub async fn run(
        &self,
        cx: PassContext<'_>,
        req: SyncRequest,
    ) -> Result<Vec<FolderReport>, IpcError> {
        let _one_at_a_time = self.0.pass.lock().await;
        self.lock_status().running = true;
        cx.events.emit(MailSyncStarted {
            account: req.account.clone(),
        });
        let outcome = match cx.store.mutex() {
            Ok(store) => {
                let mut hooks = Hooks(cx, self.passwords());
                sync_mail(store, cx.store.failsafe(), &req, &mut hooks)
                    .await
                    .map_err(IpcError::from)
            }
            Err(e) => Err(e),
        };
        let (reports, error) = match &outcome {
            Ok(reports) => (reports.clone(), None),
            Err(e) => (Vec::new(), Some(e.message.clone())),
        };
        {
            let mut status = self.lock_status();
            status.running = false;
            // An unknown account asked for by name is the caller's mistake, not a sync.
            let asked_wrong = outcome
                .as_ref()
                .is_err_and(|e| matches!(e.code, ErrorCode::NotFound | ErrorCode::InvalidInput));
            if !asked_wrong {
                status.last_run_at = Some(SystemClock.now_ms());
                status.last_reports = reports.clone();
                status.last_error = error.clone();
            }
        }
        cx.events.emit(MailSyncFinished { reports, error });
        // Job-mail notices and refused passwords (escalations) are shown by the watcher.
        cx.watch.poke();
        if self.0.background.load(Ordering::SeqCst) {
            self.reconcile_idle(cx.store);
        }
        outcome
    }

    /// Brings the `IDLE` connections in line with the accounts: one per enabled
    /// account with a usable password, restarted when its server, user or first folder
    /// changed. Does nothing unless background sync runs.
    pub fn reconcile_idle(&self, store: &StoreState) {
        if !self.0.background.load(Ordering::SeqCst) {
            return;
        }
        let accounts = match store.with(|s| Ok(mail::account::list(s)?)) {
            Ok(accounts) => accounts,
            Err(e) => {
                tracing::debug!(error = %e.message, "IDLE connections not reconciled");
                return;
            }
        };
        let wanted: HashMap<String, MailAccount> = accounts
            .into_iter()
            .filter(|a| a.enabled && a.status != AccountStatus::NeedsPassword)
            .map(|a| (a.name.clone(), a))
            .collect();
        let mut idle = self.0.idle.lock().unwrap_or_else(PoisonError::into_inner);
        idle.retain(|name, w| {
            let keep = wanted.get(name).is_some_and(|a| w.key == IdleKey::of(a)) && !w.ended();
            if !keep {
                w.task.abort();
            }
            keep
        });
        for (name, account) in wanted {
            if idle.contains_key(&name) {
                continue;
            }
            let flags = IdleFlags::default();
            let task = tauri::async_runtime::spawn(watch_account(
                account.clone(),
                store.failsafe().clone(),
                self.passwords(),
                self.0.wake.clone(),
                flags.clone(),
            ));
            idle.insert(
                name,
                IdleWatch {
                    key: IdleKey::of(&account),
                    unsupported: flags.unsupported,
                    live: flags.live,
                    task,
                },
            );
        }
    }
}

/// Starts background sync for the app's lifetime.
pub fn start<R: Runtime>(app: AppHandle<R>) {
    let sync = app.mail_sync().clone();
    sync.0.background.store(true, Ordering::SeqCst);
    tauri::async_runtime::spawn(async move {
        let mut last_end: Option<Instant> = None;
        let mut due = Instant::now() + FIRST_AFTER;
        loop {
            let wait = due.saturating_duration_since(Instant::now()).min(RECHECK);
            let poked = tokio::time::timeout(wait, sync.0.wake.notified())
                .await
                .is_ok();
            if !poked && Instant::now() < due {
                // The interval may have changed since: it counts from the last pass.
                if let Some(end) = last_end {
                    due = end + interval(&app);
                }
                continue;
            }
            let cx = PassContext::of(&app);
            if cx.store.mutex().is_ok() {
                match sync.run(cx, SyncRequest::default()).await {
                    Ok(reports) => tracing::debug!(folders = reports.len(), "mail sync done"),
                    Err(e) => tracing::warn!(error = %e.message, "mail sync failed"),
                }
            }
            let end = Instant::now();
            last_end = Some(end);
            due = end + interval(&app);
        }
    });
}

/// The interval setting, read now (the default when there is no store).
fn interval<R: Runtime>(app: &AppHandle<R>) -> Duration {
    let minutes = app
        .state::<StoreState>()
        .with(|s| Ok(mail::settings::get(s)?))
        .map_or_else(
            |_| mail::settings::MailSettings::default().interval_minutes,
            |s| s.interval_minutes,
        );
    Duration::from_secs(u64::from(minutes.max(1)) * 60)
}

/// What an `IDLE` connection depends on: a change means a new connection.
#[derive(Debug, Clone, PartialEq, Eq)]
struct IdleKey {
    host: String,
    port: u16,
    security: Security,
    user: String,
    folder: String,
}

impl IdleKey {
    fn of(a: &MailAccount) -> Self {
        Self {
            host: a.host.clone(),
            port: a.port,
            security: a.security,
            user: a.user.clone(),
            folder: first_folder(a).to_owned(),
        }
    }
}

fn first_folder(a: &MailAccount) -> &str {
    a.folders.first().map_or("INBOX", String::as_str)
}

/// One account's `IDLE` connection task.
struct IdleWatch {
    key: IdleKey,
    /// Set when the server turned out not to offer `IDLE` (the task then ended for good).
    unsupported: Arc<AtomicBool>,
    /// Whether the connection waits in `IDLE` now.
    live: Arc<AtomicBool>,
    task: JoinHandle<()>,
}

/// What an `IDLE` task tells the app about itself.
#[derive(Clone, Default)]
struct IdleFlags {
    unsupported: Arc<AtomicBool>,
    live: Arc<AtomicBool>,
}

impl IdleWatch {
    /// Whether the task stopped for a reason a new one may not share (a refused
    /// password that was since replaced, say): reconciling starts another.
    fn ended(&self) -> bool {
        self.task.inner().is_finished() && !self.unsupported.load(Ordering::SeqCst)
    }
}

/// Why one `IDLE` connection ended without an error.
enum IdleEnd {
    /// The server does not offer `IDLE`: interval syncs only.
    Unsupported,
}

/// Keeps an `IDLE` connection on `account`'s first folder, asking for a pass on each
/// change; reconnects after a failure with a growing wait; stops when the server has
/// no `IDLE` or refuses the password (the next pass records that on the account).
async fn watch_account(
    account: MailAccount,
    failsafe: Arc<Failsafe>,
    passwords: PasswordSource,
    wake: Arc<Notify>,
    flags: IdleFlags,
) {
    let mut backoff = BACKOFF_FIRST;
    loop {
        let ended = idle_once(
            &account,
            &failsafe,
            &passwords,
            &wake,
            &flags.live,
            &mut backoff,
        )
        .await;
        flags.live.store(false, Ordering::SeqCst);
        match ended {
            Ok(IdleEnd::Unsupported) => {
                tracing::info!(account = %account.name, "the server has no IDLE; mail syncs at the interval");
                flags.unsupported.store(true, Ordering::SeqCst);
                return;
            }
            Err(e) if e.needs_password() => {
                tracing::info!(account = %account.name, "IDLE stopped: the password is refused or missing");
                wake.notify_one();
                return;
            }
            Err(e) => {
                tracing::warn!(account = %account.name, error = %e, retry_in_s = backoff.as_secs(), "IDLE connection failed");
                tokio::time::sleep(backoff).await;
                backoff = next_backoff(backoff);
            }
        }
    }
}

/// 30 s, 1 min, 2 min, … up to 10 min.
fn next_backoff(now: Duration) -> Duration {
    (now * 2).min(BACKOFF_MAX)
}

/// One connection: log in, examine the folder, wait in `IDLE` until it fails.
async fn idle_once(
    account: &MailAccount,
    failsafe: &Failsafe,
    passwords: &PasswordSource,
    wake: &Notify,
    live: &AtomicBool,
    backoff: &mut Duration,
) -> mail::Result<IdleEnd> {
    let (name, passwords) = (account.name.clone(), passwords.clone());
    // The keychain blocks on D-Bus: off the async runtime.
    let password = tauri::async_runtime::spawn_blocking(move || passwords(&name))
        .await
        .map_err(|e| KeychainError::Failed(format!("the keychain task stopped: {e}")))??
        .ok_or_else(|| mail::Error::NoPassword(account.name.clone()))?;
    let mut conn = mail::sync::connect(failsafe, account, &password).await?;
    drop(password);
    if !conn.supports_idle() {
        conn.close().await;
        return Ok(IdleEnd::Unsupported);
    }
    conn.examine(first_folder(account)).await?;
    *backoff = BACKOFF_FIRST;
    tracing::debug!(account = %account.name, "waiting for new mail (IDLE)");
    loop {
        live.store(true, Ordering::SeqCst);
        let (next, changed) = conn.idle(IDLE_LIMIT).await?;
        conn = next;
        if changed {
            tracing::debug!(account = %account.name, "new mail announced; syncing");
            wake.notify_one();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reconnections_back_off_from_half_a_minute_to_ten() {
        let mut waits = vec![BACKOFF_FIRST];
        for _ in 0..6 {
            waits.push(next_backoff(*waits.last().expect("one")));
        }
        let secs: Vec<u64> = waits.iter().map(Duration::as_secs).collect();
        assert_eq!(
            secs,
            [30, 60, 120, 240, 480, 600, 600],
            "no retry storm: the wait doubles and stops at 10 minutes"
        );
    }

    #[test]
    fn a_moved_account_needs_a_new_idle_connection() {
        let a = MailAccount {
            name: "work".into(),
            host: "imap.example.com".into(),
            port: 993,
            security: Security::Tls,
            user: "me@example.com".into(),
            folders: vec!["INBOX".into(), "Jobs".into()],
            since: "2026-01-01".into(),
            enabled: true,
            last_sync_at: None,
            status: AccountStatus::Ok,
            error: None,
            error_code: None,
        };
        let key = IdleKey::of(&a);
        let mut later = a.clone();
        later.folders.push("Archive".into());
        later.last_sync_at = Some(5);
        assert_eq!(
            IdleKey::of(&later),
            key,
            "a sync or another watched folder keeps the connection"
        );
        later.folders.insert(0, "Jobs".into());
        assert_ne!(IdleKey::of(&later), key, "IDLE watches the first folder");
        let moved = MailAccount {
            host: "imap.other.example".into(),
            ..a
        };
        assert_ne!(
            IdleKey::of(&moved),
            key,
            "another server is another connection"
        );
    }
}
