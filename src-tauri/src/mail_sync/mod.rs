//! Mail sync while the app runs: a pass shortly after start (the window's first
//! queries go first), then every `intervalMinutes`, or at once when asked (Sync now
//! runs its own; an account added or changed pokes the loop). One pass runs at a
//! time, whoever asked for it; the core locks the store per batch, never across the
//! network. Each background pass runs in its own task, so a panic in one ends that
//! pass, not background sync.
//!
//! Where the server offers IMAP `IDLE`, each account also keeps one connection
//! waiting on its first folder, so new mail is synced within seconds instead of at
//! the next interval: that account alone, never the others. Those connections follow
//! the accounts: after each pass the set is reconciled (removed, turned off, moved or
//! password-refused accounts lose theirs).

mod idle;

use std::collections::{BTreeSet, HashMap};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Duration;

use jobtrail_core::Timestamp;
use jobtrail_core::agent::tasks::Analysed;
use jobtrail_core::clock::{Clock, SystemClock};
use jobtrail_core::mail::{self, AccountStatus, FolderReport, MailAccount, SyncProgress};
use jobtrail_core::secrets::{self, KeychainError, Password};
use jobtrail_core::service::mail::{SyncHooks, SyncRequest, sync_mail};
use jobtrail_core::service::runs::RunHooks;
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Manager, Runtime};
use tokio::sync::{Notify, watch};
use tokio::time::Instant;

use crate::error::{ErrorCode, IpcError};
use crate::events::EventSink;
use crate::runs::AppRunHooks;
use crate::state::StoreState;
use crate::tray::Tray;
use crate::watch::Watch;
use idle::{IdleFlags, IdleKey, IdleWatch, watch_account};

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
/// An `IDLE` wait that lasted longer proves the connection holds: the reconnection
/// wait starts again from [`BACKOFF_FIRST`].
const IDLE_HELD: Duration = Duration::from_secs(60);
/// What the Inbox says of a pass that ended without telling its outcome (a panic).
const PASS_STOPPED: &str =
    "the sync stopped unexpectedly (see the log); it runs again at the next interval";

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
    /// When mail was last synced, ms UTC: the last pass of this run of the app in
    /// which some folder synced, or the latest account's last successful sync.
    pub last_run_at: Option<Timestamp>,
    /// What the latest pass of each account did, per folder (a pass that skipped an
    /// account, or synced another one alone, leaves its reports).
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
    /// What the background loop is asked to sync (by pokes and `IDLE` tasks).
    asks: Arc<Asks>,
    /// The account the running pass is on: removing it waits until the pass moves on.
    syncing: watch::Sender<Option<String>>,
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
    /// What an analysis tells the app and asks of it, as a run from a command does.
    fn run_hooks(&self) -> AppRunHooks<'a> {
        AppRunHooks::of(self.events, self.watch, self.tray)
    }

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
/// the watcher, the pause switch to the analyst, which account it is on to removal;
/// and what it asks: passwords.
struct Hooks<'a> {
    cx: PassContext<'a>,
    passwords: PasswordSource,
    syncing: &'a watch::Sender<Option<String>>,
}

impl Hooks<'_> {
    fn on(&self, account: &str) {
        self.syncing.send_if_modified(|on| {
            let moved = on.as_deref() != Some(account);
            if moved {
                *on = Some(account.to_owned());
            }
            moved
        });
    }
}

impl SyncHooks for Hooks<'_> {
    fn password(&self, account: &str) -> Result<Option<Password>, KeychainError> {
        // Asked first for each account: the pass is on it from here.
        self.on(account);
        (self.passwords)(account)
    }

    fn progress(&mut self, p: SyncProgress) {
        self.on(&p.account);
        self.cx.events.emit(MailSyncProgress { progress: p });
    }

    fn paused(&self) -> bool {
        self.cx.run_hooks().paused()
    }

    fn analysed(&mut self, run: &Analysed) {
        // As an analysis from the Inbox does.
        self.cx.run_hooks().finished(&run.run.execution);
    }
}

/// Passes asked of the background loop since it last looked; shared with the `IDLE`
/// tasks.
#[derive(Default)]
struct Asks {
    asked: Mutex<Asked>,
    wake: Notify,
}

/// What the background loop is to sync next.
#[derive(Debug, Default)]
struct Asked {
    /// Every enabled account (an account added or changed).
    all: bool,
    /// Only these accounts (their `IDLE` connection saw new mail).
    accounts: BTreeSet<String>,
}

impl Asks {
    fn all(&self) {
        self.lock().all = true;
        self.wake.notify_one();
    }

    fn account(&self, name: &str) {
        self.lock().accounts.insert(name.to_owned());
        self.wake.notify_one();
    }

    /// What was asked, which is then no longer asked.
    fn take(&self) -> Asked {
        std::mem::take(&mut *self.lock())
    }

    fn lock(&self) -> MutexGuard<'_, Asked> {
        self.asked.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl MailSyncStatus {
    /// Takes in what a pass did: its reports replace those of the accounts it synced,
    /// and the time moves only when some folder synced (a pass in which every folder
    /// failed did not sync mail).
    fn record(&mut self, reports: &[FolderReport], error: Option<String>, now: Timestamp) {
        if reports.iter().any(|r| r.error.is_none()) {
            self.last_run_at = Some(now);
        }
        let synced: BTreeSet<&str> = reports.iter().map(|r| r.account.as_str()).collect();
        self.last_reports
            .retain(|r| !synced.contains(r.account.as_str()));
        self.last_reports.extend(reports.iter().cloned());
        // Stable: each account's folders stay in their order.
        self.last_reports.sort_by(|a, b| a.account.cmp(&b.account));
        self.last_error = error;
    }
}

/// Marks a pass as running for as long as it lives. Whatever ends the pass (a panic
/// in it, its task dropped) clears the mark, so the Inbox never shows a stopped pass
/// as running nor keeps Sync now turned off.
struct Running<'a> {
    sync: &'a MailSync,
    events: &'a EventSink,
    /// Set once the pass recorded its outcome; dropped before, the pass stopped.
    recorded: bool,
}

impl<'a> Running<'a> {
    fn start(sync: &'a MailSync, events: &'a EventSink) -> Self {
        sync.lock_status().running = true;
        Self {
            sync,
            events,
            recorded: false,
        }
    }
}

impl Drop for Running<'_> {
    fn drop(&mut self) {
        self.sync.0.syncing.send_replace(None);
        let mut status = self.sync.lock_status();
        status.running = false;
        if !self.recorded {
            status.last_error = Some(PASS_STOPPED.to_owned());
            drop(status);
            // The UI waits for this to leave "Syncing mail…".
            self.events.emit(MailSyncFinished {
                reports: Vec::new(),
                error: Some(PASS_STOPPED.to_owned()),
            });
        }
    }
}

impl MailSync {
    /// Asks for a pass of every enabled account soon (several pokes during a pass
    /// make one more pass).
    pub fn poke(&self) {
        self.0.asks.all();
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
            let latest = accounts.iter().filter_map(|a| a.last_sync_at).max();
            status.last_run_at = status.last_run_at.max(latest);
            // A removed account's reports go with it.
            status
                .last_reports
                .retain(|r| accounts.iter().any(|a| a.name == r.account));
        }
        status
    }

    fn lock_status(&self) -> MutexGuard<'_, MailSyncStatus> {
        self.0.status.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Waits until no pass is on account `name`, so nothing is written for it once it
    /// is removed. (A pass that has not reached it yet finds it gone.)
    pub async fn finished_with(&self, name: &str) {
        let mut on = self.0.syncing.subscribe();
        // `self` holds the sender: the wait ends only by the pass moving on.
        let _ = on.wait_for(|a| a.as_deref() != Some(name)).await;
    }

    /// Runs one pass now, after any pass already running: syncs, analyses new job
    /// mail, then tells the UI and the watcher.
    pub async fn run(
        &self,
        cx: PassContext<'_>,
        req: SyncRequest,
    ) -> Result<Vec<FolderReport>, IpcError> {
        let _one_at_a_time = self.0.pass.lock().await;
        let mut running = Running::start(self, cx.events);
        cx.events.emit(MailSyncStarted {
            account: req.account.clone(),
        });
        let outcome = match cx.store.mutex() {
            Ok(store) => {
                let mut hooks = Hooks {
                    cx,
                    passwords: self.passwords(),
                    syncing: &self.0.syncing,
                };
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
        // An unknown account asked for by name is the caller's mistake, not a sync.
        let asked_wrong = outcome
            .as_ref()
            .is_err_and(|e| matches!(e.code, ErrorCode::NotFound | ErrorCode::InvalidInput));
        if !asked_wrong {
            self.lock_status()
                .record(&reports, error.clone(), SystemClock.now_ms());
        }
        running.recorded = true;
        drop(running);
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
            .filter(background_syncs)
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
                self.0.asks.clone(),
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

/// Whether background sync reads `a` (as the core's pass of every account does).
fn background_syncs(a: &MailAccount) -> bool {
    a.enabled && a.status != AccountStatus::NeedsPassword
}

/// Starts background sync for the app's lifetime.
pub fn start<R: Runtime>(app: AppHandle<R>) {
    let sync = app.mail_sync().clone();
    sync.0.background.store(true, Ordering::SeqCst);
    tauri::async_runtime::spawn(async move {
        let asks = sync.0.asks.clone();
        let mut last_end: Option<Instant> = None;
        let mut due = Instant::now() + FIRST_AFTER;
        loop {
            let wait = due.saturating_duration_since(Instant::now()).min(RECHECK);
            let _ = tokio::time::timeout(wait, asks.wake.notified()).await;
            let asked = asks.take();
            if asked.all || Instant::now() >= due {
                // Every account, whichever of them IDLE named as well.
                background_pass(&app, &sync, SyncRequest::default()).await;
                let end = Instant::now();
                last_end = Some(end);
                due = end + interval(&app);
            } else if !asked.accounts.is_empty() {
                for name in asked.accounts {
                    let req = SyncRequest {
                        account: Some(name),
                        analyse: None,
                    };
                    background_pass(&app, &sync, req).await;
                }
            } else if let Some(end) = last_end {
                // The interval may have changed since: it counts from the last pass.
                due = end + interval(&app);
            }
        }
    });
}

/// Runs one background pass in a task of its own: a panic in it ends that pass (its
/// [`Running`] mark cleared), never the background loop.
async fn background_pass<R: Runtime>(app: &AppHandle<R>, sync: &MailSync, req: SyncRequest) {
    let (app, sync) = (app.clone(), sync.clone());
    let pass = tauri::async_runtime::spawn(async move {
        let cx = PassContext::of(&app);
        if cx.store.mutex().is_err() {
            return;
        }
        if let Some(name) = &req.account {
            // Turned off, refused or removed since its IDLE connection saw new mail.
            let wanted = cx.store.with(|s| Ok(mail::account::get(s, name)?));
            if !wanted.is_ok_and(|a| background_syncs(&a)) {
                return;
            }
        }
        match sync.run(cx, req).await {
            Ok(reports) => tracing::debug!(folders = reports.len(), "mail sync done"),
            Err(e) => tracing::warn!(error = %e.message, "mail sync failed"),
        }
    });
    if let Err(e) = pass.await {
        tracing::error!(error = %e, "a mail sync pass stopped unexpectedly; background sync goes on");
    }
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

#[cfg(test)]
#[path = "unit_test.rs"]
mod tests;
