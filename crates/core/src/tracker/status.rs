//! Where an application stands.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::Error;

/// The stage of a job application.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Bookmarked, not applied yet.
    Saved,
    /// Application sent.
    Applied,
    /// Recruiter or phone screen.
    Screening,
    /// Interviewing.
    Interview,
    /// Offer received.
    Offer,
    /// Offer accepted.
    Accepted,
    /// Turned down by the employer.
    Rejected,
    /// Withdrawn by the candidate.
    Withdrawn,
    /// No answer for a long time.
    Ghosted,
}

impl Status {
    /// Every status, in pipeline order.
    pub const ALL: [Status; 9] = [
        Status::Saved,
        Status::Applied,
        Status::Screening,
        Status::Interview,
        Status::Offer,
        Status::Accepted,
        Status::Rejected,
        Status::Withdrawn,
        Status::Ghosted,
    ];

    /// The name stored in SQLite and used on the command line and over IPC.
    pub const fn as_str(self) -> &'static str {
        match self {
            Status::Saved => "saved",
            Status::Applied => "applied",
            Status::Screening => "screening",
            Status::Interview => "interview",
            Status::Offer => "offer",
            Status::Accepted => "accepted",
            Status::Rejected => "rejected",
            Status::Withdrawn => "withdrawn",
            Status::Ghosted => "ghosted",
        }
    }

    /// Whether the search for this job is over.
    pub const fn is_terminal(self) -> bool {
        matches!(
            self,
            Status::Accepted | Status::Rejected | Status::Withdrawn | Status::Ghosted
        )
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Status {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let wanted = s.trim();
        Status::ALL
            .into_iter()
            .find(|st| st.as_str().eq_ignore_ascii_case(wanted))
            .ok_or_else(|| {
                let names: Vec<_> = Status::ALL.iter().map(|s| s.as_str()).collect();
                Error::invalid(
                    "status",
                    format!("unknown status {wanted:?}; use one of {}", names.join(", ")),
                )
            })
    }
}

impl rusqlite::types::FromSql for Status {
    fn column_result(value: rusqlite::types::ValueRef<'_>) -> rusqlite::types::FromSqlResult<Self> {
        let s = value.as_str()?;
        s.parse()
            .map_err(|e: Error| rusqlite::types::FromSqlError::Other(Box::new(e)))
    }
}

impl rusqlite::ToSql for Status {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        Ok(self.as_str().into())
    }
}
