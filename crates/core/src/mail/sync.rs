//! Incremental, crash-safe sync of an account's folders into the store.
//!
//! Per account and folder the store keeps `UIDVALIDITY` and the highest UID imported
//! (`mail_folders`). A sync fetches only newer UIDs, in batches bounded by count and
//! bytes, and each batch's messages and the advanced watermark commit in one
//! transaction: a sync killed at any moment resumes after the last whole batch, and a
//! batch fetched twice is deduplicated by Message-ID / SHA-256 like any import. A
//! changed `UIDVALIDITY` (a folder recreated) means a rescan, which the dedup keeps
//! from duplicating anything. The store is locked once per batch, never across the
//! network.

use std::sync::{Mutex, PoisonError};

use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};

use super::account::MailAccount;
use super::imap::{Connection, Target};
use super::{Error, Result};
use crate::clock::Timestamp;
use crate::failsafe::{ErrorContext, Failsafe, Skipped, errors};
use crate::secrets::Password;
use crate::store::Store;
use crate::tracker::emails::{self, Inserted, MailOrigin};
use crate::tracker::mail::{self as mime, MAX_MESSAGE_BYTES};

/// How big a batch may get: whichever limit is reached first.
#[derive(Debug, Clone, Copy)]
pub struct BatchLimits {
    /// Messages per batch.
    pub messages: usize,
    /// Bytes per batch (as the server counts them).
    pub bytes: u64,
}

impl Default for BatchLimits {
    fn default() -> Self {
        Self {
            messages: 250,
            bytes: 8 * 1024 * 1024,
        }
    }
}

/// A message that could not be imported; the rest of the folder was.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct MalformedMessage {
    /// Its UID in the folder.
    pub uid: u32,
    /// What is wrong with it.
    pub reason: String,
}

/// Why a folder (or a whole account) did not sync.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SyncError {
    /// `authentication`, `network`, `timeout`, `configuration`, …
    pub code: String,
    /// A sentence for a person.
    pub message: String,
}

impl From<&Error> for SyncError {
    fn from(e: &Error) -> Self {
        Self {
            code: e.code().to_owned(),
            message: crate::logging::redact(&e.to_string()).into_owned(),
        }
    }
}

/// What syncing one folder did (`jobtrail mail sync --json` prints one per folder).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct FolderReport {
    /// The account.
    pub account: String,
    /// The folder.
    pub folder: String,
    /// Messages downloaded.
    pub fetched: usize,
    /// New messages stored.
    pub imported: usize,
    /// Messages already stored (from a file, another folder or a rescan).
    pub duplicates: usize,
    /// Messages that could not be read, skipped.
    pub malformed: usize,
    /// Which ones, by UID, and why.
    pub malformed_messages: Vec<MalformedMessage>,
    /// New messages the analyst ran on.
    pub analysed: usize,
    /// New messages the pre-filter found not job-related (no model call).
    pub skipped: usize,
    /// The folder's `UIDVALIDITY`, once examined.
    pub uid_validity: Option<u32>,
    /// The highest UID imported so far.
    pub last_uid: Option<u32>,
    /// Whether the folder was read from the start again (`UIDVALIDITY` changed).
    pub rescanned: bool,
    /// Why it did not sync, if it did not.
    pub error: Option<SyncError>,
    /// The ids of the new emails, for the analyst.
    #[serde(skip)]
    pub new_emails: Vec<i64>,
}

/// Progress of a sync, after each batch (`mail-sync-progress` in the app).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct SyncProgress {
    /// The account.
    pub account: String,
    /// The folder.
    pub folder: String,
    /// Messages handled so far in this folder.
    pub done: u32,
    /// Messages to handle in this folder.
    pub total: u32,
    /// Whether this is the folder's first sync (or a rescan).
    pub first: bool,
}

/// The breaker of an account's server: one circuit per account.
pub fn circuit_name(account: &str) -> String {
    format!("imap:{account}")
}

/// A folder's watermark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Watermark {
    /// The `UIDVALIDITY` the UIDs belong to.
    pub uid_validity: u32,
    /// The highest UID imported.
    pub last_uid: u32,
}

/// The stored watermark of `account`'s `folder`.
pub fn watermark(store: &Store, account: &str, folder: &str) -> Result<Option<Watermark>> {
    Ok(store.read(|c| {
        c.query_row(
            "SELECT uid_validity, last_uid FROM mail_folders WHERE account = ?1 AND folder = ?2",
            params![account, folder],
            |r| {
                Ok(Watermark {
                    uid_validity: r.get(0)?,
                    last_uid: r.get(1)?,
                })
            },
        )
        .optional()
    })?)
}

fn set_watermark_in(
    tx: &rusqlite::Transaction<'_>,
    account: &str,
    folder: &str,
    w: Watermark,
    now: Timestamp,
) -> rusqlite::Result<()> {
    tx.execute(
        "INSERT INTO mail_folders (account, folder, uid_validity, last_uid, synced_at)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (account, folder) DO UPDATE SET
             uid_validity = excluded.uid_validity, last_uid = excluded.last_uid,
             synced_at = excluded.synced_at",
        params![account, folder, w.uid_validity, w.last_uid, now],
    )?;
    Ok(())
}

fn lock(store: &Mutex<Store>) -> std::sync::MutexGuard<'_, Store> {
    store.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Logs in through the failsafe: network faults are retried with backoff, the
/// account's circuit refuses at once after repeated failures, a refused password is
/// never retried.
pub async fn connect(
    failsafe: &Failsafe,
    account: &MailAccount,
    password: &Password,
) -> Result<Connection> {
    let target = Target {
        host: &account.host,
        port: account.port,
        security: account.security,
        user: &account.user,
    };
    let breaker = failsafe.breakers().get(&circuit_name(&account.name));
    failsafe
        .retry()
        .execute(|_| {
            let breaker = breaker.clone();
            async move {
                let permit = breaker.acquire().map_err(|open| Error::CircuitOpen {
                    circuit: open.circuit.clone(),
                    retry_at: chrono::DateTime::from_timestamp_millis(open.retry_at)
                        .map_or_else(|| open.retry_at.to_string(), |d| d.to_rfc3339()),
                })?;
                let opened = Connection::open(target, password).await;
                permit.record(&opened);
                opened
            }
        })
        .await
}

/// Syncs every folder of `account`: logs in once, then each folder in turn. Only a
/// store failure is an `Err`; a folder that fails is reported with its error (and
/// kept in the error log) and the next one is tried, unless the connection itself
/// is gone. The account's status records the outcome.
#[tracing::instrument(skip_all, fields(account = %account.name))]
pub async fn sync_account(
    store: &Mutex<Store>,
    failsafe: &Failsafe,
    account: &MailAccount,
    password: &Password,
    limits: BatchLimits,
    progress: &mut (dyn FnMut(SyncProgress) + Send),
) -> crate::store::Result<Vec<FolderReport>> {
    let report = |folder: &str| FolderReport {
        account: account.name.clone(),
        folder: folder.to_owned(),
        ..FolderReport::default()
    };
    let conn = connect(failsafe, account, password).await;
    let _ = failsafe.save_transitions(&mut lock(store));
    let mut conn = match conn {
        Ok(c) => c,
        Err(e) => {
            note_failure(store, account, None, &e)?;
            let err = SyncError::from(&e);
            return Ok(account
                .folders
                .iter()
                .map(|f| FolderReport {
                    error: Some(err.clone()),
                    ..report(f)
                })
                .collect());
        }
    };
    let mut reports = Vec::with_capacity(account.folders.len());
    let mut first_error: Option<Error> = None;
    let mut gone: Option<SyncError> = None;
    for folder in &account.folders {
        let mut r = report(folder);
        if let Some(err) = &gone {
            r.error = Some(err.clone());
            reports.push(r);
            continue;
        }
        match sync_folder(store, &mut conn, account, folder, limits, &mut r, progress).await {
            Ok(()) => {}
            Err(Error::Store(e)) => return Err(e),
            Err(e) => {
                note_failure(store, account, Some(folder), &e)?;
                r.error = Some(SyncError::from(&e));
                if !matches!(e, Error::Folder { .. }) {
                    // The connection is no good any more: the other folders wait
                    // for the next sync.
                    gone = r.error.clone();
                }
                first_error.get_or_insert(e);
            }
        }
        reports.push(r);
    }
    if gone.is_none() {
        conn.close().await;
    }
    super::account::record_outcome(&mut lock(store), &account.name, first_error.as_ref())?;
    Ok(reports)
}

/// Keeps a failure in the error log and on the account (its status and message).
fn note_failure(
    store: &Mutex<Store>,
    account: &MailAccount,
    folder: Option<&str>,
    e: &Error,
) -> crate::store::Result<()> {
    let mut s = lock(store);
    let mut context = ErrorContext::new("mail_sync").with("account", account.name.as_str());
    if let Some(f) = folder {
        context = context.with("folder", f);
    }
    context.circuit = Some(circuit_name(&account.name));
    errors::handle_error(&mut s, e, context)?;
    if folder.is_none() {
        super::account::record_outcome(&mut s, &account.name, Some(e))?;
    }
    Ok(())
}

async fn sync_folder(
    store: &Mutex<Store>,
    conn: &mut Connection,
    account: &MailAccount,
    folder: &str,
    limits: BatchLimits,
    report: &mut FolderReport,
    progress: &mut (dyn FnMut(SyncProgress) + Send),
) -> Result<()> {
    let examined = conn.examine(folder).await?;
    report.uid_validity = Some(examined.uid_validity);
    let stored = watermark(&lock(store), &account.name, folder)?;
    let mut mark = match stored {
        Some(w) if w.uid_validity == examined.uid_validity => w,
        Some(w) => {
            tracing::warn!(
                folder,
                old = w.uid_validity,
                new = examined.uid_validity,
                "UIDVALIDITY changed: reading the folder again"
            );
            report.rescanned = true;
            Watermark {
                uid_validity: examined.uid_validity,
                last_uid: 0,
            }
        }
        None => Watermark {
            uid_validity: examined.uid_validity,
            last_uid: 0,
        },
    };
    report.last_uid = Some(mark.last_uid);
    // Nothing arrived since the last sync: no search, no write.
    if stored == Some(mark)
        && examined
            .uid_next
            .is_some_and(|next| next <= mark.last_uid.saturating_add(1))
    {
        return Ok(());
    }
    let since = chrono::NaiveDate::parse_from_str(&account.since, "%Y-%m-%d")
        .unwrap_or(chrono::NaiveDate::MIN);
    let uids = conn.uids_after(mark.last_uid, since).await?;
    let first = mark.last_uid == 0;
    let total = u32::try_from(uids.len()).unwrap_or(u32::MAX);
    let sizes = if uids.is_empty() {
        Default::default()
    } else {
        conn.sizes(&uids).await?
    };
    let mut done = 0u32;
    let mut batch: Vec<u32> = Vec::new();
    let mut bytes = 0u64;
    let mut skipped: Vec<MalformedMessage> = Vec::new();
    let limit = u32::try_from(MAX_MESSAGE_BYTES).unwrap_or(u32::MAX);
    for (i, &uid) in uids.iter().enumerate() {
        let size = sizes.get(&uid).copied().unwrap_or(0);
        let fits = batch.is_empty() || bytes + u64::from(size) <= limits.bytes;
        if !fits {
            // This message would overfill the batch: what is there goes first.
            let upto = batch.last().copied().unwrap_or(uid);
            let fetched = fetch_batch(conn, &batch, bytes, &mut skipped).await?;
            mark.last_uid = mark.last_uid.max(upto);
            store_batch(store, account, folder, fetched, &mut skipped, mark, report)?;
            batch.clear();
            bytes = 0;
        }
        if size > limit {
            skipped.push(MalformedMessage {
                uid,
                reason: format!("is larger than {} MiB", MAX_MESSAGE_BYTES / 1024 / 1024),
            });
        } else {
            batch.push(uid);
            bytes += u64::from(size);
        }
        let last = i + 1 == uids.len();
        if batch.len() >= limits.messages || bytes >= limits.bytes || last {
            let fetched = fetch_batch(conn, &batch, bytes, &mut skipped).await?;
            mark.last_uid = mark.last_uid.max(uid);
            store_batch(store, account, folder, fetched, &mut skipped, mark, report)?;
            done = u32::try_from(i + 1).unwrap_or(u32::MAX);
            progress(SyncProgress {
                account: account.name.clone(),
                folder: folder.to_owned(),
                done,
                total,
                first,
            });
            batch.clear();
            bytes = 0;
        }
    }
    // Every UID below the folder's next one was searched: the watermark moves up to
    // it, so the next sync with nothing new stops at the EXAMINE.
    if let Some(next) = examined.uid_next {
        mark.last_uid = mark.last_uid.max(next.saturating_sub(1));
    }
    if stored != Some(mark) {
        let mut s = lock(store);
        let now = s.now_ms();
        s.write(|tx| set_watermark_in(tx, &account.name, folder, mark, now))?;
    }
    report.last_uid = Some(mark.last_uid);
    tracing::info!(
        folder,
        fetched = report.fetched,
        imported = report.imported,
        duplicates = report.duplicates,
        malformed = report.malformed,
        done,
        "folder synced"
    );
    Ok(())
}

/// Downloads a batch. When the server refuses part of it (a message it cannot read),
/// the batch is read one message at a time and each refused one is reported by UID,
/// so one bad message never blocks the folder.
async fn fetch_batch(
    conn: &mut Connection,
    batch: &[u32],
    bytes: u64,
    skipped: &mut Vec<MalformedMessage>,
) -> Result<Vec<(u32, Vec<u8>)>> {
    if batch.is_empty() {
        return Ok(Vec::new());
    }
    match conn.bodies(batch, bytes).await {
        Err(Error::Unreadable(_)) => {}
        other => return other,
    }
    let mut out = Vec::with_capacity(batch.len());
    for &uid in batch {
        match conn.bodies(&[uid], bytes).await {
            Ok(mut one) => out.append(&mut one),
            Err(Error::Unreadable(reason)) => skipped.push(MalformedMessage {
                uid,
                reason: format!("the server could not hand it out ({reason})"),
            }),
            Err(e) => return Err(e),
        }
    }
    Ok(out)
}

/// Parses a batch (outside the lock), then stores its messages, their failures in
/// the error log and the watermark in one transaction.
fn store_batch(
    store: &Mutex<Store>,
    account: &MailAccount,
    folder: &str,
    fetched: Vec<(u32, Vec<u8>)>,
    malformed: &mut Vec<MalformedMessage>,
    mark: Watermark,
    report: &mut FolderReport,
) -> Result<()> {
    report.fetched += fetched.len();
    let mut parsed = Vec::with_capacity(fetched.len());
    for (uid, raw) in fetched {
        match mime::parse(&raw) {
            Ok(m) => {
                let key = emails::dedup_key(&m, &raw);
                parsed.push((m, key));
            }
            Err(e) => malformed.push(MalformedMessage {
                uid,
                reason: match e {
                    crate::Error::Invalid { reason, .. } => reason,
                    other => other.to_string(),
                },
            }),
        }
    }
    let mut s = lock(store);
    let now = s.now_ms();
    let skipped: Vec<_> = malformed
        .iter()
        .map(|m| {
            let skipped = Skipped {
                kind: "invalid_message",
                message: format!("message UID {} in {folder}: {}", m.uid, m.reason),
            };
            let context = ErrorContext::new("mail_sync")
                .with("account", account.name.as_str())
                .with("folder", folder)
                .with("uid", m.uid);
            errors::classify(&skipped, context, now)
        })
        .collect();
    let origin = MailOrigin {
        file: None,
        mailbox: Some((&account.name, folder)),
    };
    let inserted = s.write(|tx| {
        let mut out = Vec::with_capacity(parsed.len());
        for (m, key) in &parsed {
            out.push(emails::insert(tx, m, key, origin, now)?);
        }
        errors::save_in(tx, &skipped)?;
        set_watermark_in(tx, &account.name, folder, mark, now)?;
        Ok(out)
    })?;
    drop(s);
    for i in inserted {
        match i {
            Inserted::New(id) => {
                report.imported += 1;
                report.new_emails.push(id);
            }
            Inserted::Duplicate => report.duplicates += 1,
        }
    }
    for m in malformed.drain(..) {
        tracing::warn!(folder, uid = m.uid, reason = %m.reason, "message skipped");
        report.malformed += 1;
        report.malformed_messages.push(m);
    }
    Ok(())
}
