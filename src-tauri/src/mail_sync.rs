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

use std::collections::{BTreeSet, HashMap};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
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
use tokio::sync::{Notify, watch};
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
        self.cx.tray.paused()
    }

    fn analysed(&mut self, run: &Analysed) {
        // As an analysis from the Inbox does (`commands::finished`).
        self.cx.events.emit(ExecutionFinished {
            execution: run.run.execution.clone(),
        });
        self.cx.watch.poke();
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

/// The wait before the next `IDLE` reconnection: 30 s, 1 min, 2 min, … up to 10 min,
/// back to 30 s only once an `IDLE` wait held past `held`. A login or `EXAMINE` that
/// works proves little: a server or NAT that drops the connection as soon as `IDLE`
/// starts must not get a fresh login every 30 s.
#[derive(Debug)]
struct Backoff {
    next: Duration,
    held: Duration,
}

impl Backoff {
    fn new(held: Duration) -> Self {
        Self {
            next: BACKOFF_FIRST,
            held,
        }
    }

    /// The wait after a failure; the one after the next failure is twice as long.
    fn failed(&mut self) -> Duration {
        let wait = self.next;
        self.next = (wait * 2).min(BACKOFF_MAX);
        wait
    }

    /// An `IDLE` wait ended (new mail, its limit, or a failure) after `lasted`.
    fn idle_lasted(&mut self, lasted: Duration) {
        if lasted > self.held {
            self.next = BACKOFF_FIRST;
        }
    }
}

/// Keeps an `IDLE` connection on `account`'s first folder, asking for a pass of the
/// account on each new message; reconnects after a failure with a growing wait;
/// stops when the server has no `IDLE` or refuses the password (a pass of the account
/// then records that on it).
async fn watch_account(
    account: MailAccount,
    failsafe: Arc<Failsafe>,
    passwords: PasswordSource,
    asks: Arc<Asks>,
    flags: IdleFlags,
) {
    let mut backoff = Backoff::new(IDLE_HELD);
    loop {
        let ended = idle_once(
            &account,
            &failsafe,
            &passwords,
            &asks,
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
                asks.account(&account.name);
                return;
            }
            Err(e) => {
                let wait = backoff.failed();
                tracing::warn!(account = %account.name, error = %e, retry_in_s = wait.as_secs(), "IDLE connection failed");
                tokio::time::sleep(wait).await;
            }
        }
    }
}

/// One connection: log in, examine the folder, wait in `IDLE` until it fails.
async fn idle_once(
    account: &MailAccount,
    failsafe: &Failsafe,
    passwords: &PasswordSource,
    asks: &Asks,
    live: &AtomicBool,
    backoff: &mut Backoff,
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
    tracing::debug!(account = %account.name, "waiting for new mail (IDLE)");
    loop {
        live.store(true, Ordering::SeqCst);
        let started = Instant::now();
        let waited = conn.idle(IDLE_LIMIT).await;
        backoff.idle_lasted(started.elapsed());
        let (next, new_mail) = waited?;
        conn = next;
        if new_mail {
            tracing::debug!(account = %account.name, "new mail announced; syncing the account");
            asks.account(&account.name);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::mpsc;

    use serde_json::json;

    use super::*;
    use crate::commands_test::{app, invoke};
    use fake::{FakeImap, Script};

    #[test]
    fn reconnections_back_off_from_half_a_minute_to_ten() {
        let mut backoff = Backoff::new(IDLE_HELD);
        let secs: Vec<u64> = (0..7).map(|_| backoff.failed().as_secs()).collect();
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

    #[test]
    fn an_idle_connection_dropped_as_it_starts_keeps_backing_off() {
        let held = Duration::from_millis(400);
        let mut backoff = Backoff::new(held);
        backoff.failed();
        backoff.failed();
        let server = FakeImap::start(Script {
            idle_for: Duration::ZERO,
            ..Script::default()
        });
        let ended = idle_with(&server, &mut backoff);
        assert!(ended.is_err(), "the server closed the connection in IDLE");
        assert_eq!(
            backoff.failed(),
            Duration::from_secs(120),
            "logging in and EXAMINE worked, yet the connection did not hold: the wait \
             keeps growing instead of a fresh login every 30 s"
        );

        let server = FakeImap::start(Script {
            idle_for: held * 2,
            ..Script::default()
        });
        assert!(idle_with(&server, &mut backoff).is_err(), "closed in IDLE");
        assert_eq!(
            backoff.failed(),
            BACKOFF_FIRST,
            "an IDLE wait that held proves the connection: the waits start afresh"
        );
    }

    /// One `IDLE` connection to `server` until it ends.
    fn idle_with(server: &FakeImap, backoff: &mut Backoff) -> mail::Result<IdleEnd> {
        let passwords: PasswordSource = Arc::new(|_| Ok(Password::new(fake::PASSWORD)));
        tauri::async_runtime::block_on(idle_once(
            &server.account("dropped"),
            &Failsafe::default(),
            &passwords,
            &Asks::default(),
            &AtomicBool::new(false),
            backoff,
        ))
    }

    #[test]
    fn removing_an_account_waits_for_the_pass_syncing_it() {
        let (release, held) = mpsc::channel::<()>();
        let server = FakeImap::start(Script {
            hold_login: Some(held),
            login_ok: false,
            ..Script::default()
        });
        let dir = tempfile::tempdir().expect("tmp");
        let (app, w) = app(dir.path());
        app.mail_sync()
            .set_passwords(|_| Ok(Password::new(fake::PASSWORD)));
        // Not a name anyone's keychain holds: removing it reaches the real keychain.
        let name = "jobtrail-test-leaving";
        let account = server.account(name);
        app.state::<StoreState>()
            .with(|s| {
                let draft = mail::account::AccountDraft {
                    name: account.name.clone(),
                    host: account.host.clone(),
                    port: Some(account.port),
                    security: Some(Security::None),
                    user: account.user.clone(),
                    ..Default::default()
                };
                mail::account::add(s, &draft.validated(s.today())?)?;
                Ok(())
            })
            .expect("account stored");

        std::thread::scope(|scope| {
            // Dropped by a failing assertion too: the held login is then answered.
            let release = release;
            let (synced_tx, synced) = mpsc::channel();
            let (removed_tx, removed) = mpsc::channel();
            let w = &w;
            scope.spawn(move || {
                let _ = synced_tx.send(invoke(w, "sync_mail_now", json!({ "account": name })));
            });
            server
                .wait_for("LOGIN", Duration::from_secs(20))
                .expect("the pass logs in to the account");
            scope.spawn(move || {
                let _ = removed_tx.send(invoke(w, "remove_mail_account", json!({ "name": name })));
            });
            assert!(
                removed.recv_timeout(Duration::from_millis(700)).is_err(),
                "the account is not removed while a pass syncs it"
            );
            release.send(()).expect("the server waits");
            let reports = synced
                .recv_timeout(Duration::from_secs(20))
                .expect("the pass ends")
                .expect("a report");
            assert_eq!(reports[0]["error"]["code"], "authentication", "{reports}");
            let removed = removed
                .recv_timeout(Duration::from_secs(20))
                .expect("then the removal goes on");
            // Without a keychain here its entry cannot go, nor then the account.
            match removed {
                Ok(_) => assert_eq!(
                    invoke(w, "list_mail_accounts", json!({})).expect("list"),
                    json!([]),
                    "removed once the pass ended"
                ),
                Err(e) => assert_ne!(e["code"], "not_found", "{e}"),
            }
        });
    }

    #[test]
    fn a_pass_keeps_the_reports_of_accounts_it_did_not_sync() {
        let report = |account: &str, error: bool| FolderReport {
            account: account.into(),
            folder: "INBOX".into(),
            error: error.then(|| mail::sync::SyncError {
                code: "network".into(),
                message: "down".into(),
            }),
            ..FolderReport::default()
        };
        let mut status = MailSyncStatus::default();
        status.record(&[report("work", true), report("home", false)], None, 5);
        assert_eq!(status.last_run_at, Some(5), "home synced");
        status.record(&[report("home", true)], None, 9);
        assert_eq!(
            status.last_run_at,
            Some(5),
            "a pass in which every folder failed synced nothing: the time stays"
        );
        let kept: Vec<(&str, bool)> = status
            .last_reports
            .iter()
            .map(|r| (r.account.as_str(), r.error.is_some()))
            .collect();
        assert_eq!(
            kept,
            [("home", true), ("work", true)],
            "a pass of home alone leaves work's failure in view"
        );
    }

    /// A scripted IMAP server on loopback, for what Dovecot cannot be made to do:
    /// stall a login, close the connection in `IDLE`.
    mod fake {
        use std::io::{BufRead, BufReader, Write};
        use std::net::{TcpListener, TcpStream};
        use std::sync::mpsc;
        use std::time::Duration;

        use jobtrail_core::mail::{AccountStatus, MailAccount, Security};

        pub const PASSWORD: &str = "fake-secret";

        /// How the server answers.
        pub struct Script {
            /// The server answers `LOGIN` only once this sends or is dropped.
            pub hold_login: Option<mpsc::Receiver<()>>,
            /// Whether `LOGIN` works (else the password is refused).
            pub login_ok: bool,
            /// How long the server stays in `IDLE` before it closes the connection.
            pub idle_for: Duration,
        }

        impl Default for Script {
            fn default() -> Self {
                Self {
                    hold_login: None,
                    login_ok: true,
                    idle_for: Duration::ZERO,
                }
            }
        }

        pub struct FakeImap {
            port: u16,
            /// Each command's name, as received.
            commands: mpsc::Receiver<String>,
        }

        impl FakeImap {
            /// Serves connections one after another until the test ends.
            pub fn start(mut script: Script) -> Self {
                let listener = TcpListener::bind("127.0.0.1:0").expect("a loopback port");
                let port = listener.local_addr().expect("bound").port();
                let (seen, commands) = mpsc::channel();
                std::thread::spawn(move || {
                    for stream in listener.incoming().flatten() {
                        let _ = serve(stream, &mut script, &seen);
                    }
                });
                Self { port, commands }
            }

            /// An account on this server.
            pub fn account(&self, name: &str) -> MailAccount {
                MailAccount {
                    name: name.into(),
                    host: "127.0.0.1".into(),
                    port: self.port,
                    security: Security::None,
                    user: "me".into(),
                    folders: vec!["INBOX".into()],
                    since: "2026-01-01".into(),
                    enabled: true,
                    last_sync_at: None,
                    status: AccountStatus::New,
                    error: None,
                    error_code: None,
                }
            }

            /// Waits until the server receives `command`.
            pub fn wait_for(&self, command: &str, limit: Duration) -> Result<(), String> {
                loop {
                    match self.commands.recv_timeout(limit) {
                        Ok(c) if c == command => return Ok(()),
                        Ok(_) => {}
                        Err(e) => return Err(format!("no {command}: {e}")),
                    }
                }
            }
        }

        fn serve(
            stream: TcpStream,
            script: &mut Script,
            seen: &mpsc::Sender<String>,
        ) -> std::io::Result<()> {
            let mut out = stream.try_clone()?;
            let mut lines = BufReader::new(stream);
            out.write_all(b"* OK fake IMAP ready\r\n")?;
            let mut line = String::new();
            loop {
                line.clear();
                if lines.read_line(&mut line)? == 0 {
                    return Ok(());
                }
                let mut words = line.split_whitespace();
                let tag = words.next().unwrap_or("*").to_owned();
                let command = words.next().unwrap_or("").to_ascii_uppercase();
                let _ = seen.send(command.clone());
                let reply = match command.as_str() {
                    "LOGIN" => {
                        if let Some(hold) = script.hold_login.take() {
                            let _ = hold.recv();
                        }
                        if script.login_ok {
                            format!("{tag} OK logged in\r\n")
                        } else {
                            format!("{tag} NO [AUTHENTICATIONFAILED] Authentication failed.\r\n")
                        }
                    }
                    "CAPABILITY" => format!("* CAPABILITY IMAP4rev1 IDLE\r\n{tag} OK done\r\n"),
                    "EXAMINE" => format!(
                        "* FLAGS ()\r\n* 0 EXISTS\r\n* 0 RECENT\r\n* OK [UIDVALIDITY 7] ok\r\n\
                         * OK [UIDNEXT 1] ok\r\n{tag} OK [READ-ONLY] done\r\n"
                    ),
                    "IDLE" => {
                        out.write_all(b"+ idling\r\n")?;
                        std::thread::sleep(script.idle_for);
                        // Dropping both halves closes the connection.
                        return Ok(());
                    }
                    "LOGOUT" => {
                        out.write_all(format!("* BYE\r\n{tag} OK bye\r\n").as_bytes())?;
                        return Ok(());
                    }
                    _ => format!("{tag} BAD unknown command\r\n"),
                };
                out.write_all(reply.as_bytes())?;
            }
        }
    }
}
