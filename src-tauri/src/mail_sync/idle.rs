//! IMAP `IDLE` watches: one connection per enabled account on its first folder,
//! waking the background sync for that account when new mail arrives.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use jobtrail_core::failsafe::Failsafe;
use jobtrail_core::mail::{self, MailAccount, Security};
use jobtrail_core::secrets::KeychainError;
use tauri::async_runtime::JoinHandle;
use tokio::time::Instant;

use super::{Asks, BACKOFF_FIRST, BACKOFF_MAX, IDLE_HELD, IDLE_LIMIT, PasswordSource};

/// What an `IDLE` connection depends on: a change means a new connection.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct IdleKey {
    pub(super) host: String,
    pub(super) port: u16,
    pub(super) security: Security,
    pub(super) user: String,
    pub(super) folder: String,
}

impl IdleKey {
    pub(super) fn of(a: &MailAccount) -> Self {
        Self {
            host: a.host.clone(),
            port: a.port,
            security: a.security,
            user: a.user.clone(),
            folder: first_folder(a).to_owned(),
        }
    }
}

pub(super) fn first_folder(a: &MailAccount) -> &str {
    a.folders.first().map_or("INBOX", String::as_str)
}

/// One account's `IDLE` connection task.
pub(super) struct IdleWatch {
    pub(super) key: IdleKey,
    /// Set when the server turned out not to offer `IDLE` (the task then ended for good).
    pub(super) unsupported: Arc<AtomicBool>,
    /// Whether the connection waits in `IDLE` now.
    pub(super) live: Arc<AtomicBool>,
    pub(super) task: JoinHandle<()>,
}

/// What an `IDLE` task tells the app about itself.
#[derive(Clone, Default)]
pub(super) struct IdleFlags {
    pub(super) unsupported: Arc<AtomicBool>,
    pub(super) live: Arc<AtomicBool>,
}

impl IdleWatch {
    /// Whether the task stopped for a reason a new one may not share (a refused
    /// password that was since replaced, say): reconciling starts another.
    pub(super) fn ended(&self) -> bool {
        self.task.inner().is_finished() && !self.unsupported.load(Ordering::SeqCst)
    }
}

/// Why one `IDLE` connection ended without an error.
pub(super) enum IdleEnd {
    /// The server does not offer `IDLE`: interval syncs only.
    Unsupported,
}

/// The wait before the next `IDLE` reconnection: 30 s, 1 min, 2 min, … up to 10 min,
/// back to 30 s only once an `IDLE` wait held past `held`. A login or `EXAMINE` that
/// works proves little: a server or NAT that drops the connection as soon as `IDLE`
/// starts must not get a fresh login every 30 s.
#[derive(Debug)]
pub(super) struct Backoff {
    pub(super) next: Duration,
    pub(super) held: Duration,
}

impl Backoff {
    pub(super) fn new(held: Duration) -> Self {
        Self {
            next: BACKOFF_FIRST,
            held,
        }
    }

    /// The wait after a failure; the one after the next failure is twice as long.
    pub(super) fn failed(&mut self) -> Duration {
        let wait = self.next;
        self.next = (wait * 2).min(BACKOFF_MAX);
        wait
    }

    /// An `IDLE` wait ended (new mail, its limit, or a failure) after `lasted`.
    pub(super) fn idle_lasted(&mut self, lasted: Duration) {
        if lasted > self.held {
            self.next = BACKOFF_FIRST;
        }
    }
}

/// Keeps an `IDLE` connection on `account`'s first folder, asking for a pass of the
/// account on each new message; reconnects after a failure with a growing wait;
/// stops when the server has no `IDLE` or refuses the password (a pass of the account
/// then records that on it).
pub(super) async fn watch_account(
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
pub(super) async fn idle_once(
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
