//! Applying agent proposals, and the review queue for those the user must confirm.
//!
//! Agent output never silently overwrites the user's data. A status change that
//! follows the pipeline applies at once, with the email and the run it came from in
//! the timeline. Moves to offer or accepted, moves that contradict the application's
//! history (backwards, or out of rejected/withdrawn/accepted), low-confidence changes
//! and new applications wait in `review_items` until the user accepts or rejects them.

use rusqlite::{OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};

use super::analysis::{EmailAnalysis, EmailCategory};
use super::applications::{
    self, ApplicationDraft, Moved, NewApplication, Origin, Provenance, StatusChange,
};
use super::{Error, Result, Status, emails};
use crate::clock::Timestamp;
use crate::store::{Migration, Store};
use crate::text::clip_line as clip;

pub(crate) const MIGRATION: Migration = Migration {
    id: "202611272302_review_items",
    sql: "
    CREATE TABLE review_items (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('status_change','new_application')),
        application_id INTEGER REFERENCES applications (id) ON DELETE CASCADE,
        company TEXT,
        role TEXT,
        proposed_status TEXT,
        reason TEXT NOT NULL,
        confidence REAL,
        email_id INTEGER REFERENCES emails (id) ON DELETE SET NULL,
        execution_id INTEGER REFERENCES executions (id) ON DELETE SET NULL,
        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending','accepted','rejected')),
        created_at INTEGER NOT NULL,
        decided_at INTEGER
    ) STRICT;
    CREATE INDEX review_items_by_state ON review_items (state, created_at);
    ",
};

/// Below this stated confidence an agent's status change waits for review.
pub const MIN_AUTO_CONFIDENCE: f64 = 0.5;

/// What a review item proposes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ReviewKind {
    /// Move an existing application to another status.
    StatusChange,
    /// Track a new application.
    NewApplication,
}

/// Where a review item stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ReviewState {
    /// Waiting for the user.
    Pending,
    /// The user applied it.
    Accepted,
    /// The user turned it down.
    Rejected,
}

/// A proposal waiting for (or decided by) the user.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ReviewItem {
    /// Row id.
    pub id: i64,
    /// What it proposes.
    pub kind: ReviewKind,
    /// The application concerned (status changes, and new ones once accepted).
    pub application_id: Option<i64>,
    /// Company (the application's, or the proposed one).
    pub company: Option<String>,
    /// Role (likewise).
    pub role: Option<String>,
    /// The application's status now.
    pub current_status: Option<Status>,
    /// The status proposed.
    pub proposed_status: Option<Status>,
    /// Why it needs the user.
    pub reason: String,
    /// The agent's stated confidence.
    pub confidence: Option<f64>,
    /// The email it came from.
    pub email_id: Option<i64>,
    /// That email's subject.
    pub email_subject: Option<String>,
    /// The run that proposed it.
    pub execution_id: Option<i64>,
    /// Pending, accepted or rejected.
    pub state: ReviewState,
    /// Queued, ms UTC.
    pub created_at: Timestamp,
    /// Decided, ms UTC.
    pub decided_at: Option<Timestamp>,
}

/// What applying an analysis did.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Applied {
    /// Status changes made at once.
    pub applied: Vec<StatusChange>,
    /// Proposals queued for review.
    pub queued: Vec<ReviewItem>,
}

/// The pipeline order; terminal statuses have none.
fn rank(s: Status) -> Option<u8> {
    match s {
        Status::Saved => Some(0),
        Status::Applied => Some(1),
        Status::Screening => Some(2),
        Status::Interview => Some(3),
        Status::Offer => Some(4),
        Status::Accepted => Some(5),
        Status::Rejected | Status::Withdrawn | Status::Ghosted => None,
    }
}

/// Why moving `current` → `proposed` needs the user, or `None` when it may apply.
pub fn review_reason(current: Status, proposed: Status, confidence: f64) -> Option<String> {
    if matches!(proposed, Status::Offer | Status::Accepted) {
        return Some(format!(
            "moves to {proposed} are only made when you confirm them"
        ));
    }
    if matches!(
        current,
        Status::Accepted | Status::Rejected | Status::Withdrawn
    ) {
        return Some(format!(
            "the application is already {current}; {proposed} would contradict it"
        ));
    }
    if let (Some(c), Some(p)) = (rank(current), rank(proposed))
        && p < c
    {
        return Some(format!(
            "this would move it back from {current} to {proposed}"
        ));
    }
    if confidence.is_nan() || confidence < MIN_AUTO_CONFIDENCE {
        return Some(format!(
            "the agent is not sure (confidence {:.0} %)",
            confidence * 100.0
        ));
    }
    None
}

/// Applies what EmailAnalyst found in email `email_id` during run `execution_id`:
/// records the analysis on the email, makes the changes that may apply and queues
/// the rest. All in one transaction. A re-analysis replaces the email's pending items.
#[tracing::instrument(skip(store, analysis))]
pub fn apply_analysis(
    store: &mut Store,
    email_id: i64,
    execution_id: i64,
    analysis: &EmailAnalysis,
) -> Result<Applied> {
    let email = emails::get(store, email_id)?;
    let now = store.now_ms();
    let provenance = Provenance {
        email_id: Some(email_id),
        execution_id: Some(execution_id),
    };
    // The model's application id is untrusted: only an existing one links.
    let linked = match analysis.application_id {
        Some(id) => applications::get(store, id).ok(),
        None => None,
    };
    let note = clip(
        &format!(
            "{}: {}",
            category_label(analysis.category),
            email.summary.subject
        ),
        applications::MAX_SHORT_TEXT,
    );
    let new_app = match (&linked, analysis.category) {
        (None, c) if is_about_an_application(c) => analysis
            .company
            .as_deref()
            .and_then(|company| proposed_application(company, analysis.role.as_deref())),
        _ => None,
    };
    let (change_id, queued_ids) = store.write(|tx| {
        tx.execute(
            "DELETE FROM review_items WHERE email_id = ?1 AND state = 'pending'",
            [email_id],
        )?;
        let mut queued = Vec::new();
        let mut change_id = None;
        if let (Some(app), Some(proposed)) = (&linked, analysis.proposed_status) {
            match review_reason(app.status, proposed, analysis.confidence) {
                _ if app.status == proposed => {}
                Some(reason) => {
                    queued.push(queue(
                        tx,
                        ReviewKind::StatusChange,
                        Some(app.id),
                        (None, None),
                        Some(proposed),
                        &reason,
                        analysis.confidence,
                        provenance,
                        now,
                    )?);
                }
                None => {
                    let moved = applications::move_to(
                        tx,
                        app.id,
                        proposed,
                        Origin::Agent,
                        Some(&note),
                        provenance,
                        now,
                    )?;
                    if let Moved::Changed { change_id: id } = moved {
                        change_id = Some(id);
                    }
                }
            }
        }
        if let Some((company, role)) = &new_app {
            queued.push(queue(
                tx,
                ReviewKind::NewApplication,
                None,
                (Some(company), role.as_deref()),
                Some(analysis.proposed_status.unwrap_or(Status::Applied)),
                "a new application is only added when you confirm it",
                analysis.confidence,
                provenance,
                now,
            )?);
        }
        emails::record_analysis(
            tx,
            email_id,
            execution_id,
            analysis,
            linked.as_ref().map(|a| a.id),
        )?;
        Ok((change_id, queued))
    })?;
    let applied = match change_id {
        Some(id) => vec![store.read(|c| applications::change_by_id(c, id))?],
        None => Vec::new(),
    };
    let queued = queued_ids
        .into_iter()
        .map(|id| get(store, id))
        .collect::<Result<Vec<_>>>()?;
    tracing::info!(
        applied = applied.len(),
        queued = queued.len(),
        "analysis applied"
    );
    Ok(Applied { applied, queued })
}

fn is_about_an_application(c: EmailCategory) -> bool {
    matches!(
        c,
        EmailCategory::ApplicationReceived
            | EmailCategory::InterviewInvite
            | EmailCategory::Assessment
            | EmailCategory::Offer
            | EmailCategory::Rejection
    )
}

/// A company and role fit to become an application (the model's text is validated
/// like a person's), or `None`.
fn proposed_application(company: &str, role: Option<&str>) -> Option<(String, Option<String>)> {
    let draft = ApplicationDraft {
        company: company.to_owned(),
        role: role.unwrap_or(ROLE_NOT_STATED).to_owned(),
        ..ApplicationDraft::default()
    };
    match NewApplication::try_from(draft) {
        Ok(_) => Some((
            company.trim().to_owned(),
            role.map(|r| r.trim().to_owned()).filter(|r| !r.is_empty()),
        )),
        Err(e) => {
            tracing::warn!(error = %e, "agent proposed an application that is not valid");
            None
        }
    }
}

/// The role given to an accepted new application when the email named none.
pub const ROLE_NOT_STATED: &str = "Role not stated";

#[allow(clippy::too_many_arguments)]
fn queue(
    tx: &rusqlite::Transaction<'_>,
    kind: ReviewKind,
    application_id: Option<i64>,
    (company, role): (Option<&str>, Option<&str>),
    proposed: Option<Status>,
    reason: &str,
    confidence: f64,
    provenance: Provenance,
    now: Timestamp,
) -> rusqlite::Result<i64> {
    tx.execute(
        "INSERT INTO review_items (kind, application_id, company, role, proposed_status, reason,
                                   confidence, email_id, execution_id, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            kind_str(kind),
            application_id,
            company,
            role,
            proposed,
            reason,
            confidence.is_finite().then_some(confidence),
            provenance.email_id,
            provenance.execution_id,
            now
        ],
    )?;
    Ok(tx.last_insert_rowid())
}

const COLUMNS: &str = "r.id, r.kind, r.application_id, coalesce(a.company, r.company), \
     coalesce(a.role, r.role), a.status, r.proposed_status, r.reason, r.confidence, r.email_id, \
     e.subject, r.execution_id, r.state, r.created_at, r.decided_at";
const FROM: &str = "review_items r LEFT JOIN applications a ON a.id = r.application_id \
     LEFT JOIN emails e ON e.id = r.email_id";

fn from_row(r: &Row<'_>) -> rusqlite::Result<ReviewItem> {
    let text = |i: usize| -> rusqlite::Result<String> { r.get(i) };
    Ok(ReviewItem {
        id: r.get(0)?,
        kind: parse_enum(1, &text(1)?)?,
        application_id: r.get(2)?,
        company: r.get(3)?,
        role: r.get(4)?,
        current_status: r.get(5)?,
        proposed_status: r.get(6)?,
        reason: r.get(7)?,
        confidence: r.get(8)?,
        email_id: r.get(9)?,
        email_subject: r.get(10)?,
        execution_id: r.get(11)?,
        state: parse_enum(12, &text(12)?)?,
        created_at: r.get(13)?,
        decided_at: r.get(14)?,
    })
}

fn parse_enum<T: serde::de::DeserializeOwned>(col: usize, s: &str) -> rusqlite::Result<T> {
    serde_json::from_value(s.into()).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(col, rusqlite::types::Type::Text, e.into())
    })
}

fn kind_str(k: ReviewKind) -> &'static str {
    match k {
        ReviewKind::StatusChange => "status_change",
        ReviewKind::NewApplication => "new_application",
    }
}

/// Review items: pending ones oldest first, then (if asked) decided ones, newest first.
pub fn list(store: &Store, include_decided: bool) -> Result<Vec<ReviewItem>> {
    let filter = if include_decided {
        ""
    } else {
        "WHERE r.state = 'pending'"
    };
    let sql = format!(
        "SELECT {COLUMNS} FROM {FROM} {filter}
         ORDER BY r.state != 'pending', CASE WHEN r.state = 'pending' THEN r.created_at
                  ELSE -r.decided_at END, r.id"
    );
    Ok(store.read(|conn| {
        let mut stmt = conn.prepare_cached(&sql)?;
        let rows = stmt.query_map([], from_row)?;
        rows.collect()
    })?)
}

/// One review item.
pub fn get(store: &Store, id: i64) -> Result<ReviewItem> {
    let sql = format!("SELECT {COLUMNS} FROM {FROM} WHERE r.id = ?1");
    store
        .read(|conn| conn.query_row(&sql, [id], from_row).optional())?
        .ok_or(Error::not_found("review item", id))
}

/// How many items wait for the user.
pub fn pending_count(store: &Store) -> Result<i64> {
    Ok(store.read(|c| {
        c.query_row(
            "SELECT count(*) FROM review_items WHERE state = 'pending'",
            [],
            |r| r.get(0),
        )
    })?)
}

/// Applies a pending item as proposed, with its provenance.
#[tracing::instrument(skip(store))]
pub fn accept(store: &mut Store, id: i64) -> Result<ReviewItem> {
    let item = pending(store, id)?;
    let now = store.now_ms();
    let provenance = Provenance {
        email_id: item.email_id,
        execution_id: item.execution_id,
    };
    let note = clip(
        &format!("Confirmed by you: {}", item.reason),
        applications::MAX_SHORT_TEXT,
    );
    match item.kind {
        ReviewKind::StatusChange => {
            let (Some(app), Some(status)) = (item.application_id, item.proposed_status) else {
                return Err(Error::invalid(
                    "review item",
                    "names no application or status",
                ));
            };
            store
                .write(|tx| {
                    let moved = applications::move_to(
                        tx,
                        app,
                        status,
                        Origin::Agent,
                        Some(&note),
                        provenance,
                        now,
                    )?;
                    if moved != Moved::NotFound {
                        decide(tx, id, ReviewState::Accepted, None, now)?;
                    }
                    Ok(moved)
                })
                .map_err(Error::from)
                .and_then(|moved| match moved {
                    Moved::NotFound => Err(Error::not_found("application", app)),
                    _ => Ok(()),
                })?;
        }
        ReviewKind::NewApplication => {
            let draft = ApplicationDraft {
                company: item.company.clone().unwrap_or_default(),
                role: item.role.clone().unwrap_or_else(|| ROLE_NOT_STATED.into()),
                status: item.proposed_status.map(|s| s.to_string()),
                notes: Some(note),
                ..ApplicationDraft::default()
            };
            let new = NewApplication::try_from(draft)?;
            store.write(|tx| {
                let app = applications::insert(tx, &new, Origin::Agent, provenance, now)?;
                decide(tx, id, ReviewState::Accepted, Some(app), now)
            })?;
        }
    }
    tracing::info!(id, "review item accepted");
    get(store, id)
}

/// Turns a pending item down; nothing else changes.
#[tracing::instrument(skip(store))]
pub fn reject(store: &mut Store, id: i64) -> Result<ReviewItem> {
    let item = pending(store, id)?;
    let now = store.now_ms();
    store.write(|tx| {
        decide(tx, id, ReviewState::Rejected, None, now)?;
        // The agent was wrong: the correction counts against its run.
        if let Some(run) = item.execution_id {
            let detail = match (item.kind, item.proposed_status) {
                (ReviewKind::NewApplication, _) => {
                    "a proposed new application was rejected".to_owned()
                }
                (ReviewKind::StatusChange, Some(s)) => {
                    format!("the proposed move to {s} was rejected")
                }
                (ReviewKind::StatusChange, None) => "a proposed change was rejected".to_owned(),
            };
            crate::explain::feedback::record_in(tx, run, "rejected_proposal", &detail, now)?;
        }
        Ok(())
    })?;
    tracing::info!(id, "review item rejected");
    get(store, id)
}

fn pending(store: &Store, id: i64) -> Result<ReviewItem> {
    let item = get(store, id)?;
    if item.state != ReviewState::Pending {
        let state = if item.state == ReviewState::Accepted {
            "accepted"
        } else {
            "rejected"
        };
        return Err(Error::invalid(
            "id",
            format!("review item {id} was already {state}"),
        ));
    }
    Ok(item)
}

fn decide(
    tx: &rusqlite::Transaction<'_>,
    id: i64,
    state: ReviewState,
    application_id: Option<i64>,
    now: Timestamp,
) -> rusqlite::Result<()> {
    let state = if state == ReviewState::Accepted {
        "accepted"
    } else {
        "rejected"
    };
    tx.execute(
        "UPDATE review_items SET state = ?1, decided_at = ?2,
                application_id = coalesce(?3, application_id)
         WHERE id = ?4 AND state = 'pending'",
        params![state, now, application_id, id],
    )?;
    Ok(())
}

fn category_label(c: EmailCategory) -> String {
    serde_json::to_value(c)
        .ok()
        .and_then(|v| v.as_str().map(|s| s.replace('_', " ")))
        .map(|s| {
            let mut c = s.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pipeline_moves_apply_and_others_wait() {
        assert_eq!(review_reason(Status::Applied, Status::Interview, 0.9), None);
        assert_eq!(review_reason(Status::Ghosted, Status::Interview, 0.9), None);
        assert_eq!(
            review_reason(Status::Interview, Status::Rejected, 0.9),
            None
        );
        assert!(review_reason(Status::Interview, Status::Offer, 0.99).is_some());
        assert!(review_reason(Status::Offer, Status::Accepted, 0.99).is_some());
        assert!(review_reason(Status::Rejected, Status::Interview, 0.9).is_some());
        assert!(review_reason(Status::Interview, Status::Applied, 0.9).is_some());
        assert!(review_reason(Status::Applied, Status::Interview, 0.3).is_some());
        assert!(review_reason(Status::Applied, Status::Interview, f64::NAN).is_some());
    }
}
