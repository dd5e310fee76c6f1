//! What an analysed email says: the input the EmailAnalyst reads and the analysis it
//! returns, which the tracker stores with the email and applies to applications
//! under the review rules. Here, below the agents, so the tracker never imports them.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Status;

/// An email to analyse.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct EmailInput {
    /// Sender (`Name <address>`).
    pub from: String,
    /// Subject line.
    pub subject: String,
    /// Date header, as sent.
    pub date: Option<String>,
    /// Plain-text body.
    pub body: String,
}

/// What kind of email it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum EmailCategory {
    /// The employer confirms an application arrived.
    ApplicationReceived,
    /// An invitation to interview.
    InterviewInvite,
    /// A test or take-home task.
    Assessment,
    /// A job offer.
    Offer,
    /// A rejection.
    Rejection,
    /// A recruiter reaching out.
    RecruiterOutreach,
    /// The user should follow up.
    FollowUpNeeded,
    /// Anything else.
    Other,
}

impl EmailCategory {
    /// Every category, in the order reports list them.
    pub const ALL: [EmailCategory; 8] = [
        EmailCategory::ApplicationReceived,
        EmailCategory::InterviewInvite,
        EmailCategory::Assessment,
        EmailCategory::Offer,
        EmailCategory::Rejection,
        EmailCategory::RecruiterOutreach,
        EmailCategory::FollowUpNeeded,
        EmailCategory::Other,
    ];

    /// The stored and serialized name (`interview_invite`).
    pub const fn as_str(self) -> &'static str {
        match self {
            EmailCategory::ApplicationReceived => "application_received",
            EmailCategory::InterviewInvite => "interview_invite",
            EmailCategory::Assessment => "assessment",
            EmailCategory::Offer => "offer",
            EmailCategory::Rejection => "rejection",
            EmailCategory::RecruiterOutreach => "recruiter_outreach",
            EmailCategory::FollowUpNeeded => "follow_up_needed",
            EmailCategory::Other => "other",
        }
    }

    /// The category named `name` (as [`EmailCategory::as_str`] spells it).
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.as_str() == name)
    }
}

impl std::fmt::Display for EmailCategory {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How soon the user should act.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum Urgency {
    /// No action needed soon.
    Low,
    /// Within days.
    Medium,
    /// Now.
    High,
}

/// A person named in the email.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Contact {
    /// Name, if known.
    pub name: Option<String>,
    /// Address, if known.
    pub email: Option<String>,
}

/// The analyst's answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct EmailAnalysis {
    /// What the email is.
    pub category: EmailCategory,
    /// How soon to act.
    pub urgency: Urgency,
    /// Employer, if named.
    pub company: Option<String>,
    /// Role, if named.
    pub role: Option<String>,
    /// Dates mentioned (as written).
    pub dates: Vec<String>,
    /// People to reply to.
    pub contacts: Vec<Contact>,
    /// The existing application it is about, if any.
    pub application_id: Option<i64>,
    /// The status this email suggests for that application.
    pub proposed_status: Option<Status>,
    /// One or two sentences for the user.
    pub summary: String,
    /// 0 to 1.
    pub confidence: f64,
    /// The requisition or job id the email shows (`R-10492`), if any.
    #[serde(default)]
    pub requisition: Option<String>,
}
