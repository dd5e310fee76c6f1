//! What deserves a desktop notification now: budget thresholds (50/80/90/100 % of
//! the daily and monthly budget), performance alerts, unpriced models and errors
//! only a person can fix. Each notice fires once per period (a threshold once per
//! day or month, an alert once per episode, an escalation once per kind and day):
//! `notices_sent` remembers what was sent, across restarts, so there is never a storm.

use rusqlite::params;
use serde::{Deserialize, Serialize};

use crate::clock::Timestamp;
use crate::cost::{self, BudgetPeriod};
use crate::error::Result;
use crate::monitor;
use crate::store::{Migration, Store};

pub(crate) const MIGRATION: Migration = Migration {
    id: "202611281100_notices_sent",
    sql: "
    CREATE TABLE notices_sent (
        key TEXT PRIMARY KEY NOT NULL,
        kind TEXT NOT NULL,
        sent_at INTEGER NOT NULL
    ) STRICT;
    ",
};

const NOTIFICATIONS_KEY: &str = "notifications.config";

/// Which desktop notifications to show; each kind fires once per alert and period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase", default)]
pub struct NotificationSettings {
    /// 50, 80, 90 and 100 % of the daily and monthly budget.
    pub budget: bool,
    /// Error rate, average time, average cost and p95 over their thresholds.
    pub performance: bool,
    /// Calls to a model without a price.
    pub unpriced: bool,
    /// Errors only a person can fix (a refused API key or mail password, a full disk).
    pub escalations: bool,
    /// New job mail moved an application or waits in Review (once per message).
    pub job_mail: bool,
}

impl Default for NotificationSettings {
    fn default() -> Self {
        Self {
            budget: true,
            performance: true,
            unpriced: true,
            escalations: true,
            job_mail: true,
        }
    }
}

/// The notification settings (all on by default).
pub fn settings(store: &Store) -> Result<NotificationSettings> {
    Ok(
        crate::settings::get_json::<NotificationSettings>(store, NOTIFICATIONS_KEY)?
            .unwrap_or_default(),
    )
}

/// Stores the notification settings.
pub fn set_settings(store: &mut Store, n: NotificationSettings) -> Result<NotificationSettings> {
    crate::settings::put_json(store, NOTIFICATIONS_KEY, &n)?;
    tracing::info!(?n, "notification settings saved");
    Ok(n)
}

/// Notices raised by whoever saw the event (new job mail moving an application),
/// shown by the next check; `key` keeps each one to a single showing.
pub(crate) const PENDING_MIGRATION: Migration = Migration {
    id: "202612061001_notices_pending",
    sql: "
    CREATE TABLE notices_pending (
        key TEXT PRIMARY KEY NOT NULL,
        kind TEXT NOT NULL,
        title TEXT NOT NULL,
        body TEXT NOT NULL,
        urgent INTEGER NOT NULL,
        queued_at INTEGER NOT NULL
    ) STRICT;
    ",
};

/// Which setting turns a notice off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum NoticeKind {
    /// A budget crossed 50, 80, 90 or 100 %.
    Budget,
    /// Error rate, average time, average cost or p95 over its threshold.
    Performance,
    /// Calls to a model with no price: their cost is unknown.
    Unpriced,
    /// An error whose recovery is "escalate to admin" (a refused key, a full disk).
    Escalation,
    /// New job mail moved an application, or left a proposal waiting in Review.
    JobMail,
}

impl NoticeKind {
    /// The stored name.
    pub const fn as_str(self) -> &'static str {
        match self {
            NoticeKind::Budget => "budget",
            NoticeKind::Performance => "performance",
            NoticeKind::Unpriced => "unpriced",
            NoticeKind::Escalation => "escalation",
            NoticeKind::JobMail => "job_mail",
        }
    }
}

/// One notification to show.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Notice {
    /// Its kind.
    pub kind: NoticeKind,
    /// What makes it unique within its period (`budget:daily:2026-11-28:80`).
    pub key: String,
    /// The headline.
    pub title: String,
    /// One or two sentences.
    pub body: String,
    /// Shown as urgent (a budget spent, a critical alert, an escalation).
    pub urgent: bool,
}

/// One look at what the desktop shows: the notices due now, and the budget status and
/// active alerts they were decided from (the tray and the UI show those too, so they
/// are read once).
#[derive(Debug, Clone)]
pub struct Check {
    /// Notices not sent before, now recorded as sent.
    pub due: Vec<Notice>,
    /// Today's and this month's spend against the budgets.
    pub budget: cost::BudgetStatus,
    /// Performance alerts raised and not yet cleared, newest first.
    pub active_alerts: Vec<monitor::PerformanceAlert>,
}

/// The notices due now that were not sent before, recorded as sent. The caller shows
/// them; a notice is never offered twice.
pub fn take_due(store: &mut Store) -> Result<Vec<Notice>> {
    Ok(check(store)?.due)
}

/// [`take_due`] with the budget status and active alerts it looked at.
pub fn check(store: &mut Store) -> Result<Check> {
    let on = settings(store)?;
    let budget = cost::check_budget_status(store)?;
    let active_alerts = monitor::list_alerts(store, true, 200)?;
    let mut candidates = Vec::new();
    if on.budget {
        candidates.extend(budget_notices(&budget, store.now_ms()));
    }
    if on.performance || on.unpriced {
        for a in &active_alerts {
            let kind = if a.kind == "unpriced_model" {
                NoticeKind::Unpriced
            } else {
                NoticeKind::Performance
            };
            if !enabled(&on, kind) {
                continue;
            }
            candidates.push(Notice {
                kind,
                key: format!("alert:{}", a.id),
                title: match kind {
                    NoticeKind::Unpriced => "A model has no price".to_owned(),
                    _ => format!("{} needs a look", a.agent_name),
                },
                body: a.message.clone(),
                urgent: a.severity == monitor::Severity::Critical,
            });
        }
    }
    if on.escalations {
        candidates.extend(escalations(store)?);
    }
    let now = store.now_ms();
    let due = store.write(|tx| {
        // Queued notices are shown once, or dropped when their kind is switched off.
        for n in take_pending(tx)? {
            if enabled(&on, n.kind) {
                candidates.push(n);
            }
        }
        let mut stmt = tx.prepare_cached(
            "INSERT OR IGNORE INTO notices_sent (key, kind, sent_at) VALUES (?1, ?2, ?3)",
        )?;
        let mut due = Vec::new();
        for n in candidates {
            if stmt.execute(params![n.key, n.kind.as_str(), now])? == 1 {
                due.push(n);
            }
        }
        Ok(due)
    })?;
    Ok(Check {
        due,
        budget,
        active_alerts,
    })
}

fn enabled(on: &NotificationSettings, kind: NoticeKind) -> bool {
    match kind {
        NoticeKind::Budget => on.budget,
        NoticeKind::Performance => on.performance,
        NoticeKind::Unpriced => on.unpriced,
        NoticeKind::Escalation => on.escalations,
        NoticeKind::JobMail => on.job_mail,
    }
}

/// Queues a notice for the next check; a key already queued or shown is ignored.
pub fn queue(store: &mut Store, notice: &Notice) -> Result<()> {
    let now = store.now_ms();
    store.write(|tx| {
        tx.execute(
            "INSERT OR IGNORE INTO notices_pending (key, kind, title, body, urgent, queued_at)
             SELECT ?1, ?2, ?3, ?4, ?5, ?6
             WHERE NOT EXISTS (SELECT 1 FROM notices_sent WHERE key = ?1)",
            params![
                notice.key,
                notice.kind.as_str(),
                notice.title,
                notice.body,
                notice.urgent,
                now
            ],
        )
    })?;
    Ok(())
}

fn take_pending(tx: &rusqlite::Transaction<'_>) -> rusqlite::Result<Vec<Notice>> {
    let mut stmt = tx.prepare_cached(
        "SELECT kind, key, title, body, urgent FROM notices_pending ORDER BY queued_at, key",
    )?;
    let rows = stmt.query_map([], |r| {
        let kind: String = r.get(0)?;
        Ok(Notice {
            kind: match kind.as_str() {
                "budget" => NoticeKind::Budget,
                "performance" => NoticeKind::Performance,
                "unpriced" => NoticeKind::Unpriced,
                "escalation" => NoticeKind::Escalation,
                _ => NoticeKind::JobMail,
            },
            key: r.get(1)?,
            title: r.get(2)?,
            body: r.get(3)?,
            urgent: r.get(4)?,
        })
    })?;
    let out = rows.collect::<rusqlite::Result<Vec<_>>>()?;
    drop(stmt);
    tx.execute("DELETE FROM notices_pending", [])?;
    Ok(out)
}

/// The highest threshold each budget has crossed in its current day or month.
fn budget_notices(status: &cost::BudgetStatus, now: Timestamp) -> Vec<Notice> {
    let mut out = Vec::new();
    let periods = [
        (status.daily.as_ref(), day_of(now), "Today's"),
        (status.monthly.as_ref(), month_of(now), "This month's"),
    ];
    for (period, stamp, label) in periods {
        let Some(p) = period else { continue };
        if let Some(n) = budget_notice(p, &stamp, label, status.hard_limit) {
            out.push(n);
        }
    }
    out
}

fn budget_notice(p: &BudgetPeriod, stamp: &str, label: &str, hard_limit: bool) -> Option<Notice> {
    let top = *p.thresholds_crossed.iter().max()?;
    let over = top >= 100;
    let body = format!(
        "{} spent of {} ({:.0} %).{}",
        p.spent.short(),
        p.limit.short(),
        p.budget_used_percent,
        match (over, hard_limit) {
            (true, true) => " Agents use the built-in engine until the budget resets.",
            (true, false) =>
                " Agents keep using models: turn the hard limit on to stop paid calls.",
            _ => "",
        }
    );
    Some(Notice {
        kind: NoticeKind::Budget,
        key: format!("budget:{}:{stamp}:{top}", p.scope),
        title: if over {
            format!("{label} budget is spent")
        } else {
            format!("{label} budget is {top} % used")
        },
        body,
        urgent: over,
    })
}

/// Errors escalated to the person in the last day, one notice per kind and day. A
/// mail account's refused password is announced per account by the mail service.
fn escalations(store: &Store) -> Result<Vec<Notice>> {
    let now = store.now_ms();
    let since = now - 24 * 3_600_000;
    let rows: Vec<(String, String, i64)> = store.read(|c| {
        let mut stmt = c.prepare_cached(
            "SELECT kind, message, count(*) FROM error_log
             WHERE strategy = 'escalate_to_admin' AND occurred_at >= ?1
               AND kind NOT LIKE 'imap\\_%' ESCAPE '\\'
             GROUP BY kind ORDER BY max(occurred_at) DESC",
        )?;
        let rows = stmt.query_map([since], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?;
        rows.collect()
    })?;
    let day = day_of(now);
    Ok(rows
        .into_iter()
        .map(|(kind, message, n)| Notice {
            kind: NoticeKind::Escalation,
            key: format!("escalation:{kind}:{day}"),
            title: match kind.as_str() {
                "authentication" => "The provider refused the API key".to_owned(),
                _ => "Jobtrail needs your attention".to_owned(),
            },
            body: if n > 1 {
                format!("{message} ({n} times today)")
            } else {
                message
            },
            urgent: true,
        })
        .collect())
}

fn day_of(ts: Timestamp) -> String {
    chrono::DateTime::from_timestamp_millis(ts)
        .map(|t| t.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

fn month_of(ts: Timestamp) -> String {
    chrono::DateTime::from_timestamp_millis(ts)
        .map(|t| t.format("%Y-%m").to_string())
        .unwrap_or_default()
}
