//! Imported emails (table `emails`) and what the analyst made of them.
//!
//! An email is stored once: its dedup key is its Message-ID or, when it has none,
//! the SHA-256 of its bytes, so importing the same mailbox twice changes nothing.

use rusqlite::{OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::analysis::{EmailAnalysis, EmailCategory, EmailInput};
use super::mail::ParsedMail;
use super::{Error, Result};
use crate::clock::Timestamp;
use crate::store::{Migration, Store};

pub(crate) const MIGRATION: Migration = Migration {
    id: "202611272300_emails",
    sql: "
    CREATE TABLE emails (
        id INTEGER PRIMARY KEY,
        dedup_key TEXT NOT NULL UNIQUE,
        message_id TEXT,
        from_addr TEXT NOT NULL,
        subject TEXT NOT NULL,
        date TEXT,
        sent_at INTEGER,
        body TEXT NOT NULL,
        source TEXT,
        imported_at INTEGER NOT NULL,
        category TEXT,
        analysis TEXT,
        application_id INTEGER REFERENCES applications (id) ON DELETE SET NULL,
        execution_id INTEGER REFERENCES executions (id) ON DELETE SET NULL
    ) STRICT;
    CREATE INDEX emails_by_time ON emails (coalesce(sent_at, imported_at) DESC);
    ",
};

/// Where a synced message came from, and why it was not analysed (if it was not).
pub(crate) const MAILBOX_MIGRATION: Migration = Migration {
    id: "202612061000_emails_mailbox",
    sql: "
    ALTER TABLE emails ADD COLUMN account TEXT;
    ALTER TABLE emails ADD COLUMN folder TEXT;
    ALTER TABLE emails ADD COLUMN skipped_reason TEXT;
    CREATE INDEX emails_pending_analysis ON emails (id)
        WHERE account IS NOT NULL AND analysis IS NULL AND execution_id IS NULL
          AND skipped_reason IS NULL;
    ",
};

/// Characters of the body shown in lists.
const SNIPPET_CHARS: usize = 160;

/// An email as listed (no body).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct EmailSummary {
    /// Row id.
    pub id: i64,
    /// `Message-ID`, if it had one.
    pub message_id: Option<String>,
    /// Sender.
    pub from: String,
    /// Subject.
    pub subject: String,
    /// Date header as RFC 3339.
    pub date: Option<String>,
    /// That date as ms UTC.
    pub sent_at: Option<Timestamp>,
    /// The start of the body, on one line.
    pub snippet: String,
    /// When it was imported, ms UTC.
    pub imported_at: Timestamp,
    /// The file it came from.
    pub source: Option<String>,
    /// The mail account it was synced from.
    pub account: Option<String>,
    /// The folder of that account.
    pub folder: Option<String>,
    /// Why no model looked at it (the pre-filter found it not job-related).
    pub skipped_reason: Option<String>,
    /// The analyst's category, once analysed.
    pub category: Option<EmailCategory>,
    /// The application it belongs to, once known.
    pub application_id: Option<i64>,
    /// The latest analysis run.
    pub execution_id: Option<i64>,
}

/// One email with its body and analysis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Email {
    /// Everything the list shows.
    #[serde(flatten)]
    pub summary: EmailSummary,
    /// Plain-text body.
    pub body: String,
    /// The latest analysis, if any.
    pub analysis: Option<EmailAnalysis>,
}

impl From<&Email> for EmailInput {
    fn from(e: &Email) -> Self {
        EmailInput {
            from: e.summary.from.clone(),
            subject: e.summary.subject.clone(),
            date: e.summary.date.clone(),
            body: e.body.clone(),
        }
    }
}

/// What inserting a message did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Inserted {
    /// Stored under this id.
    New(i64),
    /// Already stored; nothing changed.
    Duplicate,
}

/// The key that makes a message unique: its Message-ID, else a hash of its bytes.
/// Line endings are unified and trailing blank lines dropped before hashing, so the
/// same message hashes alike as an `.eml` (CRLF) and inside an mbox (where it is
/// followed by the separator's blank line, except at the end of the file).
pub fn dedup_key(mail: &ParsedMail, raw: &[u8]) -> String {
    match mail.message_id.as_deref().map(str::trim) {
        Some(id) if !id.is_empty() => format!("mid:{}", id.trim_matches(['<', '>'])),
        _ => {
            let mut hasher = Sha256::new();
            let end = raw
                .iter()
                .rposition(|b| !b.is_ascii_whitespace())
                .map_or(0, |i| i + 1);
            for line in raw[..end].split(|&b| b == b'\n') {
                hasher.update(line.strip_suffix(b"\r").unwrap_or(line));
                hasher.update(b"\n");
            }
            format!("sha256:{:x}", hasher.finalize())
        }
    }
}

/// Where a message came from: a file, or an account's folder.
#[derive(Debug, Clone, Copy, Default)]
pub struct MailOrigin<'a> {
    /// The file's name.
    pub file: Option<&'a str>,
    /// The mail account and folder.
    pub mailbox: Option<(&'a str, &'a str)>,
}

/// Stores one parsed message unless its key is already there. Runs inside the
/// caller's transaction so a whole mailbox imports in a few commits.
pub(crate) fn insert(
    tx: &rusqlite::Transaction<'_>,
    mail: &ParsedMail,
    key: &str,
    origin: MailOrigin<'_>,
    now: Timestamp,
) -> rusqlite::Result<Inserted> {
    let sent_at = mail
        .date
        .as_deref()
        .and_then(|d| chrono::DateTime::parse_from_rfc3339(d).ok())
        .map(|d| d.timestamp_millis());
    let n = tx.execute(
        "INSERT INTO emails (dedup_key, message_id, from_addr, subject, date, sent_at, body,
                             source, imported_at, account, folder)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
         ON CONFLICT (dedup_key) DO NOTHING",
        params![
            key,
            mail.message_id,
            mail.from,
            mail.subject,
            mail.date,
            sent_at,
            mail.body,
            origin.file,
            now,
            origin.mailbox.map(|m| m.0),
            origin.mailbox.map(|m| m.1),
        ],
    )?;
    Ok(if n == 0 {
        Inserted::Duplicate
    } else {
        Inserted::New(tx.last_insert_rowid())
    })
}

const SUMMARY_COLUMNS: &str = "id, message_id, from_addr, subject, date, body, imported_at, \
     source, category, application_id, execution_id, sent_at, account, folder, skipped_reason";

fn summary_from_row(r: &Row<'_>) -> rusqlite::Result<EmailSummary> {
    let body: String = r.get(5)?;
    let category: Option<String> = r.get(8)?;
    Ok(EmailSummary {
        id: r.get(0)?,
        message_id: r.get(1)?,
        from: r.get(2)?,
        subject: r.get(3)?,
        date: r.get(4)?,
        snippet: snippet(&body),
        imported_at: r.get(6)?,
        source: r.get(7)?,
        category: category.and_then(|c| serde_json::from_value(c.into()).ok()),
        application_id: r.get(9)?,
        execution_id: r.get(10)?,
        sent_at: r.get(11)?,
        account: r.get(12)?,
        folder: r.get(13)?,
        skipped_reason: r.get(14)?,
    })
}

fn snippet(body: &str) -> String {
    let mut s: String = body
        .split_whitespace()
        .flat_map(|w| w.chars().chain([' ']))
        .take(SNIPPET_CHARS)
        .collect();
    s.truncate(s.trim_end().len());
    s
}

/// Emails, newest first (by their date, else when imported), at most `limit`.
pub fn list(store: &Store, limit: usize) -> Result<Vec<EmailSummary>> {
    let sql = format!(
        "SELECT {SUMMARY_COLUMNS} FROM emails
         ORDER BY coalesce(sent_at, imported_at) DESC, id DESC LIMIT ?1"
    );
    let limit = i64::try_from(limit).unwrap_or(i64::MAX);
    Ok(store.read(|conn| {
        let mut stmt = conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([limit], summary_from_row)?;
        rows.collect()
    })?)
}

/// One email with its body and analysis.
pub fn get(store: &Store, id: i64) -> Result<Email> {
    let sql = format!("SELECT {SUMMARY_COLUMNS}, analysis FROM emails WHERE id = ?1");
    let found = store.read(|conn| {
        conn.query_row(&sql, [id], |r| {
            let analysis: Option<String> = r.get(15)?;
            Ok((summary_from_row(r)?, r.get::<_, String>(5)?, analysis))
        })
        .optional()
    })?;
    let (summary, body, analysis) = found.ok_or(Error::not_found("email", id))?;
    Ok(Email {
        summary,
        body,
        // An analysis this build cannot read (older shape) shows as not analysed.
        analysis: analysis.and_then(|a| serde_json::from_str(&a).ok()),
    })
}

/// Changes an email's category (the user knows better): the analysis run it came
/// from, if any, gets a correction.
pub fn relabel(store: &mut Store, id: i64, category: EmailCategory) -> Result<Email> {
    let email = get(store, id)?;
    let now = store.now_ms();
    let label = |c: EmailCategory| {
        serde_json::to_value(c)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    };
    let new = label(category);
    store.write(|tx| {
        tx.execute(
            "UPDATE emails SET category = ?1 WHERE id = ?2",
            params![new, id],
        )?;
        if let (Some(run), Some(old)) = (email.summary.execution_id, email.summary.category)
            && old != category
        {
            let detail = format!("relabelled from {} to {new}", label(old));
            crate::explain::feedback::record_in(tx, run, "relabelled", &detail, now)?;
        }
        Ok(())
    })?;
    tracing::info!(id, category = %new, "email relabelled");
    get(store, id)
}

/// How many emails are stored.
pub fn count(store: &Store) -> Result<i64> {
    Ok(store.read(|c| c.query_row("SELECT count(*) FROM emails", [], |r| r.get(0)))?)
}

/// Synced emails that neither an analysis nor the pre-filter has looked at yet,
/// oldest first.
pub fn pending_analysis(store: &Store) -> Result<Vec<i64>> {
    Ok(store.read(|c| {
        let mut stmt = c.prepare_cached(
            "SELECT id FROM emails
             WHERE account IS NOT NULL AND analysis IS NULL AND execution_id IS NULL
               AND skipped_reason IS NULL
             ORDER BY id",
        )?;
        let rows = stmt.query_map([], |r| r.get(0))?;
        rows.collect()
    })?)
}

/// Notes why no model looked at email `id` (the pre-filter's reason).
pub fn mark_skipped(store: &mut Store, id: i64, reason: &str) -> Result<()> {
    store.write(|tx| {
        tx.execute(
            "UPDATE emails SET skipped_reason = ?1 WHERE id = ?2",
            params![reason, id],
        )
    })?;
    Ok(())
}

/// Records the analyst's answer on the email (the latest run wins).
pub(crate) fn record_analysis(
    tx: &rusqlite::Transaction<'_>,
    email_id: i64,
    execution_id: i64,
    analysis: &EmailAnalysis,
    application_id: Option<i64>,
) -> rusqlite::Result<()> {
    let category = serde_json::to_value(analysis.category)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned));
    let json = serde_json::to_string(analysis).map_err(|e| {
        rusqlite::Error::ToSqlConversionFailure(Box::new(e)) // only non-finite floats fail
    })?;
    tx.execute(
        "UPDATE emails SET category = ?1, analysis = ?2, application_id = ?3, execution_id = ?4,
                           skipped_reason = NULL
         WHERE id = ?5",
        params![category, json, application_id, execution_id, email_id],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_are_one_line_and_bounded() {
        let body = format!("Hello\n\n  there,\tfriend {}", "x".repeat(500));
        let s = snippet(&body);
        assert!(s.starts_with("Hello there, friend x"));
        assert_eq!(s.chars().count(), SNIPPET_CHARS);
        assert!(!s.contains('\n'));
    }

    #[test]
    fn message_ids_win_over_hashes() {
        let mut m = ParsedMail {
            message_id: Some("<a@b>".into()),
            from: "x".into(),
            subject: "s".into(),
            date: None,
            body: String::new(),
        };
        assert_eq!(dedup_key(&m, b"one"), "mid:a@b");
        m.message_id = None;
        assert_ne!(dedup_key(&m, b"one"), dedup_key(&m, b"two"));
        assert!(dedup_key(&m, b"one").starts_with("sha256:"));
        assert_eq!(
            dedup_key(&m, b"a: b\r\n\r\nbody\r\n"),
            dedup_key(&m, b"a: b\n\nbody\n\n"),
            "line endings and trailing blank lines do not count"
        );
    }
}
