//! Job applications and their status timeline (table `applications`, `status_changes`).
//!
//! Every status an application has held is a row in `status_changes` with its origin,
//! so the timeline can say who moved it and when; agents add their provenance later.

use rusqlite::{OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};

use super::{Error, Result, Status};
use crate::clock::Timestamp;
use crate::store::{Migration, Store};
use crate::text;

pub(crate) const MIGRATION: Migration = Migration {
    id: "202611270901_applications",
    sql: "
    CREATE TABLE applications (
        id INTEGER PRIMARY KEY,
        company TEXT NOT NULL CHECK (length(company) > 0),
        role TEXT NOT NULL CHECK (length(role) > 0),
        status TEXT NOT NULL CHECK (status IN ('saved','applied','screening','interview',
            'offer','accepted','rejected','withdrawn','ghosted')),
        source TEXT,
        url TEXT,
        location TEXT,
        notes TEXT NOT NULL DEFAULT '',
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
    ) STRICT;
    CREATE INDEX applications_by_updated ON applications (updated_at DESC);

    CREATE TABLE status_changes (
        id INTEGER PRIMARY KEY,
        application_id INTEGER NOT NULL REFERENCES applications (id) ON DELETE CASCADE,
        from_status TEXT,
        to_status TEXT NOT NULL,
        at INTEGER NOT NULL,
        origin TEXT NOT NULL CHECK (origin IN ('user','agent','import')),
        note TEXT
    ) STRICT;
    CREATE INDEX status_changes_by_application ON status_changes (application_id, at);
    ",
};

/// Agent changes name the email and the run they came from.
pub(crate) const PROVENANCE_MIGRATION: Migration = Migration {
    id: "202611272301_status_change_provenance",
    sql: "
    ALTER TABLE status_changes ADD COLUMN email_id INTEGER
        REFERENCES emails (id) ON DELETE SET NULL;
    ALTER TABLE status_changes ADD COLUMN execution_id INTEGER
        REFERENCES executions (id) ON DELETE SET NULL;
    ",
};

/// Longest company, role, location or source accepted, in characters.
pub const MAX_SHORT_TEXT: usize = 200;
/// Longest URL accepted, in characters.
pub const MAX_URL: usize = 2048;
/// Longest notes accepted, in characters.
pub const MAX_NOTES: usize = 20_000;

/// A stored job application.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Application {
    /// Row id.
    pub id: i64,
    /// Employer.
    pub company: String,
    /// Job title.
    pub role: String,
    /// Current stage.
    pub status: Status,
    /// Where the job was found (job board, referral, …).
    pub source: Option<String>,
    /// The posting's address.
    pub url: Option<String>,
    /// Where the job is (city, remote, …).
    pub location: Option<String>,
    /// Free-form notes.
    pub notes: String,
    /// Created, ms UTC.
    pub created_at: Timestamp,
    /// Last changed, ms UTC.
    pub updated_at: Timestamp,
}

/// Who made a change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// The person, in the UI or CLI.
    User,
    /// An agent's proposal that was applied.
    Agent,
    /// An email or file import.
    Import,
}

impl Origin {
    /// The stored name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Origin::User => "user",
            Origin::Agent => "agent",
            Origin::Import => "import",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        [Origin::User, Origin::Agent, Origin::Import]
            .into_iter()
            .find(|o| o.as_str() == s)
    }
}

/// One entry of an application's timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct StatusChange {
    /// Row id.
    pub id: i64,
    /// The application.
    pub application_id: i64,
    /// Status before, none for the first entry.
    pub from: Option<Status>,
    /// Status after.
    pub to: Status,
    /// When, ms UTC.
    pub at: Timestamp,
    /// Who made the change.
    pub origin: Origin,
    /// Why, if given.
    pub note: Option<String>,
    /// The email an agent read, for agent changes.
    pub email_id: Option<i64>,
    /// That email's subject (as stored now).
    pub email_subject: Option<String>,
    /// The agent run that proposed it.
    pub execution_id: Option<i64>,
}

/// Where an agent's change came from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Provenance {
    /// The email read.
    pub email_id: Option<i64>,
    /// The run.
    pub execution_id: Option<i64>,
}

/// An application as typed by a person: unchecked text.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase", default)]
pub struct ApplicationDraft {
    /// Employer.
    pub company: String,
    /// Job title.
    pub role: String,
    /// Stage; `saved` when empty.
    pub status: Option<String>,
    /// Where it was found.
    pub source: Option<String>,
    /// The posting's address.
    pub url: Option<String>,
    /// Where the job is.
    pub location: Option<String>,
    /// Notes.
    pub notes: Option<String>,
}

/// A validated application, ready to insert.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewApplication {
    company: String,
    role: String,
    status: Status,
    source: Option<String>,
    url: Option<String>,
    location: Option<String>,
    notes: String,
}

impl TryFrom<ApplicationDraft> for NewApplication {
    type Error = Error;

    fn try_from(d: ApplicationDraft) -> Result<Self> {
        let status = match d.status.as_deref().map(str::trim) {
            None | Some("") => Status::Saved,
            Some(s) => s.parse()?,
        };
        Ok(Self {
            company: required_line("company", &d.company)?,
            role: required_line("role", &d.role)?,
            status,
            source: optional_line("source", d.source.as_deref(), MAX_SHORT_TEXT)?,
            url: optional_url(d.url.as_deref())?,
            location: optional_line("location", d.location.as_deref(), MAX_SHORT_TEXT)?,
            notes: notes(d.notes.as_deref().unwrap_or(""))?,
        })
    }
}

fn required_line(field: &'static str, raw: &str) -> Result<String> {
    optional_line(field, Some(raw), MAX_SHORT_TEXT)?
        .ok_or_else(|| Error::invalid(field, "is required"))
}

fn optional_line(field: &'static str, raw: Option<&str>, max: usize) -> Result<Option<String>> {
    let s = text::one_line(field, raw.unwrap_or(""), max)?;
    Ok((!s.is_empty()).then_some(s))
}

fn optional_url(raw: Option<&str>) -> Result<Option<String>> {
    let Some(url) = optional_line("url", raw, MAX_URL)? else {
        return Ok(None);
    };
    let lower = url.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    match rest {
        Some(host) if !host.is_empty() && !url.contains(char::is_whitespace) => Ok(Some(url)),
        _ => Err(Error::invalid(
            "url",
            "must be an http:// or https:// address without spaces",
        )),
    }
}

fn notes(raw: &str) -> Result<String> {
    text::text_block("notes", raw, MAX_NOTES)
}

/// A note on a status change: optional, at most [`MAX_SHORT_TEXT`] characters, one line.
pub fn change_note(raw: Option<&str>) -> Result<Option<String>> {
    optional_line("note", raw, MAX_SHORT_TEXT)
}

const COLUMNS: &str =
    "id, company, role, status, source, url, location, notes, created_at, updated_at";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Application> {
    Ok(Application {
        id: r.get(0)?,
        company: r.get(1)?,
        role: r.get(2)?,
        status: r.get(3)?,
        source: r.get(4)?,
        url: r.get(5)?,
        location: r.get(6)?,
        notes: r.get(7)?,
        created_at: r.get(8)?,
        updated_at: r.get(9)?,
    })
}

/// Inserts an application and the first entry of its timeline.
#[tracing::instrument(skip_all)]
pub fn add(store: &mut Store, new: &NewApplication, origin: Origin) -> Result<Application> {
    let now = store.now_ms();
    let id = store.write(|tx| insert(tx, new, origin, Provenance::default(), now))?;
    tracing::info!(id, status = %new.status, "application added");
    get(store, id)
}

/// [`add`] inside the caller's transaction.
pub(crate) fn insert(
    tx: &rusqlite::Transaction<'_>,
    new: &NewApplication,
    origin: Origin,
    provenance: Provenance,
    now: Timestamp,
) -> rusqlite::Result<i64> {
    tx.execute(
        "INSERT INTO applications
           (company, role, status, source, url, location, notes, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
        params![
            new.company,
            new.role,
            new.status,
            new.source,
            new.url,
            new.location,
            new.notes,
            now
        ],
    )?;
    let id = tx.last_insert_rowid();
    let change = Change {
        from: None,
        to: new.status,
        origin,
        note: None,
        provenance,
    };
    record_change(tx, id, &change, now)?;
    Ok(id)
}

/// Every application, most recently changed first.
pub fn list(store: &Store) -> Result<Vec<Application>> {
    let sql = format!("SELECT {COLUMNS} FROM applications ORDER BY updated_at DESC, id DESC");
    let apps = store.read(|conn| {
        let mut stmt = conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([], from_row)?;
        rows.collect()
    })?;
    Ok(apps)
}

/// One application.
pub fn get(store: &Store, id: i64) -> Result<Application> {
    let sql = format!("SELECT {COLUMNS} FROM applications WHERE id = ?1");
    store
        .read(|conn| conn.query_row(&sql, [id], from_row).optional())?
        .ok_or(Error::not_found("application", id))
}

/// Moves an application to `status`, recording the change. Setting the status it
/// already has changes nothing and records nothing.
#[tracing::instrument(skip(store, note))]
pub fn set_status(
    store: &mut Store,
    id: i64,
    status: Status,
    origin: Origin,
    note: Option<&str>,
) -> Result<Application> {
    let note = change_note(note)?;
    let now = store.now_ms();
    let moved = store.write(|tx| {
        move_to(
            tx,
            id,
            status,
            origin,
            note.as_deref(),
            Provenance::default(),
            now,
        )
    })?;
    match moved {
        Moved::NotFound => Err(Error::not_found("application", id)),
        Moved::Unchanged => get(store, id),
        Moved::Changed { .. } => {
            tracing::info!(id, %status, "status changed");
            get(store, id)
        }
    }
}

/// What [`move_to`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Moved {
    NotFound,
    Unchanged,
    Changed { change_id: i64 },
}

/// [`set_status`] inside the caller's transaction, with provenance.
pub(crate) fn move_to(
    tx: &rusqlite::Transaction<'_>,
    id: i64,
    status: Status,
    origin: Origin,
    note: Option<&str>,
    provenance: Provenance,
    now: Timestamp,
) -> rusqlite::Result<Moved> {
    let current: Option<Status> = tx
        .query_row("SELECT status FROM applications WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .optional()?;
    let Some(current) = current else {
        return Ok(Moved::NotFound);
    };
    if current == status {
        return Ok(Moved::Unchanged);
    }
    tx.execute(
        "UPDATE applications SET status = ?1, updated_at = ?2 WHERE id = ?3",
        params![status, now, id],
    )?;
    let change = Change {
        from: Some(current),
        to: status,
        origin,
        note,
        provenance,
    };
    let change_id = record_change(tx, id, &change, now)?;
    Ok(Moved::Changed { change_id })
}

/// Deletes an application and its timeline.
#[tracing::instrument(skip(store))]
pub fn delete(store: &mut Store, id: i64) -> Result<()> {
    let n = store.write(|tx| tx.execute("DELETE FROM applications WHERE id = ?1", [id]))?;
    if n == 0 {
        return Err(Error::not_found("application", id));
    }
    tracing::info!(id, "application deleted");
    Ok(())
}

/// An application's timeline, oldest first.
pub fn timeline(store: &Store, id: i64) -> Result<Vec<StatusChange>> {
    get(store, id)?;
    let changes = store.read(|conn| {
        let mut stmt = conn.prepare_cached(
            "SELECT c.id, c.application_id, c.from_status, c.to_status, c.at, c.origin, c.note,
                    c.email_id, e.subject, c.execution_id
             FROM status_changes c LEFT JOIN emails e ON e.id = c.email_id
             WHERE c.application_id = ?1 ORDER BY c.at, c.id",
        )?;
        let rows = stmt.query_map([id], change_from_row)?;
        rows.collect()
    })?;
    Ok(changes)
}

/// One timeline entry by its id (for reporting what an agent changed).
pub(crate) fn change_by_id(conn: &rusqlite::Connection, id: i64) -> rusqlite::Result<StatusChange> {
    conn.query_row(
        "SELECT c.id, c.application_id, c.from_status, c.to_status, c.at, c.origin, c.note,
                c.email_id, e.subject, c.execution_id
         FROM status_changes c LEFT JOIN emails e ON e.id = c.email_id WHERE c.id = ?1",
        [id],
        change_from_row,
    )
}

fn change_from_row(r: &Row<'_>) -> rusqlite::Result<StatusChange> {
    let origin: String = r.get(5)?;
    Ok(StatusChange {
        id: r.get(0)?,
        application_id: r.get(1)?,
        from: r.get(2)?,
        to: r.get(3)?,
        at: r.get(4)?,
        origin: Origin::parse(&origin).ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(
                5,
                rusqlite::types::Type::Text,
                format!("unknown origin {origin:?}").into(),
            )
        })?,
        note: r.get(6)?,
        email_id: r.get(7)?,
        email_subject: r.get(8)?,
        execution_id: r.get(9)?,
    })
}

/// A timeline entry about to be written.
struct Change<'a> {
    from: Option<Status>,
    to: Status,
    origin: Origin,
    note: Option<&'a str>,
    provenance: Provenance,
}

fn record_change(
    tx: &rusqlite::Transaction<'_>,
    id: i64,
    c: &Change<'_>,
    at: Timestamp,
) -> rusqlite::Result<i64> {
    tx.execute(
        "INSERT INTO status_changes
           (application_id, from_status, to_status, at, origin, note, email_id, execution_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            id,
            c.from,
            c.to,
            at,
            c.origin.as_str(),
            c.note,
            c.provenance.email_id,
            c.provenance.execution_id
        ],
    )?;
    Ok(tx.last_insert_rowid())
}
