//! Which applications have had no news for a while and deserve a follow-up.

use serde::{Deserialize, Serialize};

use super::applications::{self, Application};
use super::{Error, Result, Status};
use crate::store::Store;

/// Longest quiet period accepted, in days.
pub const MAX_DAYS: i64 = 365;

const DAY_MS: i64 = 24 * 60 * 60 * 1000;

/// An application waiting for news.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct FollowUpDue {
    /// The application.
    pub application: Application,
    /// Whole days since its last change or email.
    pub days_since_activity: i64,
}

/// Statuses where the next move is the employer's.
fn waiting(s: Status) -> bool {
    matches!(s, Status::Applied | Status::Screening | Status::Interview)
}

/// The latest activity on an application: its last change or its newest linked email.
pub fn last_activity(store: &Store, app: &Application) -> Result<i64> {
    let email: Option<i64> = store.read(|c| {
        c.query_row(
            "SELECT max(coalesce(sent_at, imported_at)) FROM emails WHERE application_id = ?1",
            [app.id],
            |r| r.get(0),
        )
    })?;
    Ok(email.map_or(app.updated_at, |e| e.max(app.updated_at)))
}

/// Applications waiting on the employer with no activity for at least `days` days,
/// quietest first.
pub fn due(store: &Store, days: i64) -> Result<Vec<FollowUpDue>> {
    if !(1..=MAX_DAYS).contains(&days) {
        return Err(Error::invalid(
            "days",
            format!("must be between 1 and {MAX_DAYS}"),
        ));
    }
    let now = store.now_ms();
    let mut out = Vec::new();
    for app in applications::list(store)? {
        if !waiting(app.status) {
            continue;
        }
        let quiet = (now - last_activity(store, &app)?).max(0) / DAY_MS;
        if quiet >= days {
            out.push(FollowUpDue {
                application: app,
                days_since_activity: quiet,
            });
        }
    }
    out.sort_by_key(|d| std::cmp::Reverse(d.days_since_activity));
    Ok(out)
}
