//! FollowUp: drafts a polite follow-up email for an application with no news.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::runtime::{Agent, Tool};
use super::tools::ReadTimeline;
use crate::explain::{Explanation, ReasoningType};
use crate::store::Store;
use crate::tracker::{Application, Status};

/// The application to follow up on, and who writes.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct FollowUpInput {
    /// The application.
    pub application: Application,
    /// Whole days since its last activity.
    pub days_since_activity: i64,
    /// The user's name for the signature (may be empty).
    pub sender_name: String,
    /// Whom to address, if an email named someone.
    pub contact_name: Option<String>,
}

/// FollowUp's answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FollowUpDraft {
    /// The application it is for.
    pub application_id: i64,
    /// Subject line.
    pub subject: String,
    /// Plain-text body, ready to send.
    pub body: String,
    /// 0 to 1.
    pub confidence: f64,
}

/// The FollowUp agent.
#[derive(Debug, Default)]
pub struct FollowUp {
    timeline: ReadTimeline,
}

/// The built-in engine never claims more than this.
pub const BUILTIN_MAX_CONFIDENCE: f64 = 0.6;

impl Agent for FollowUp {
    type Input = FollowUpInput;
    type Output = FollowUpDraft;
    const NAME: &'static str = "follow-up";
    const DEFAULT_MODEL: &'static str = "gpt-4o-mini";

    fn system_prompt(&self) -> String {
        "You draft short, warm, professional follow-up emails for a job seeker whose \
         application has had no news. Read the application's timeline with the tool if it \
         helps. Mention the role and company, the stage reached, restate interest in one \
         sentence, ask politely about next steps. At most 120 words, plain text, no \
         placeholders in brackets. Answer with JSON matching the schema only; \
         application_id is the id you were given."
            .into()
    }

    fn user_prompt(&self, i: &FollowUpInput) -> String {
        format!(
            "Application id: {}\nCompany: {}\nRole: {}\nStage: {}\nDays without news: {}\n\
             Write to: {}\nSign as: {}",
            i.application.id,
            i.application.company,
            i.application.role,
            i.application.status,
            i.days_since_activity,
            i.contact_name.as_deref().unwrap_or("the hiring team"),
            if i.sender_name.is_empty() {
                "(no name given: end with a plain closing)"
            } else {
                &i.sender_name
            }
        )
    }

    fn tools(&self) -> Vec<&dyn Tool> {
        vec![&self.timeline]
    }

    fn check(&self, out: &FollowUpDraft) -> Result<(), String> {
        if out.subject.trim().is_empty() || out.body.trim().is_empty() {
            return Err("subject and body must not be empty".into());
        }
        if !(0.0..=1.0).contains(&out.confidence) {
            return Err(format!("confidence {} is outside 0..1", out.confidence));
        }
        Ok(())
    }

    fn builtin_explanation(&self, i: &FollowUpInput, out: &FollowUpDraft) -> Explanation {
        let a = &i.application;
        let mut x = Explanation::draft(
            Self::NAME,
            &format!("Drafted \"{}\" for {} ({})", out.subject, a.company, a.role),
            out.confidence,
        );
        x.add_reasoning_step(
            ReasoningType::Observation,
            &format!(
                "The application is at {} with no news for {} days.",
                a.status, i.days_since_activity
            ),
        );
        x.add_reasoning_step(
            ReasoningType::Rule,
            &format!("The template for the {} stage was used.", a.status),
        );
        x.add_key_factors(&[
            format!("stage: {}", a.status),
            format!("{} days without news", i.days_since_activity),
        ]);
        x.add_assumptions(&[match &i.contact_name {
            Some(n) => format!("{n}, the last sender, is the right person to write to."),
            None => "No contact is known, so the hiring team is addressed.".to_owned(),
        }]);
        x.add_limitations(&[format!(
            "A fixed template, not written for this conversation; confidence is capped at \
             {BUILTIN_MAX_CONFIDENCE}. Read it before sending."
        )]);
        x
    }

    fn builtin(&self, _store: &Store, i: &FollowUpInput) -> FollowUpDraft {
        let a = &i.application;
        let greeting = match &i.contact_name {
            Some(n) if !n.trim().is_empty() => format!("Dear {},", n.trim()),
            _ => format!("Dear {} hiring team,", a.company),
        };
        let stage = match a.status {
            Status::Interview => format!(
                "Thank you again for the interview for the {} role. I enjoyed learning more \
                 about the team and remain very interested in the position.",
                a.role
            ),
            Status::Screening => format!(
                "Thank you for the conversation about the {} role. I remain very interested \
                 in joining {}.",
                a.role, a.company
            ),
            _ => format!(
                "I applied for the {} role at {} {} and remain very interested in the position.",
                a.role,
                a.company,
                weeks_ago(i.days_since_activity)
            ),
        };
        let closing = if i.sender_name.trim().is_empty() {
            "Kind regards".to_owned()
        } else {
            format!("Kind regards,\n{}", i.sender_name.trim())
        };
        FollowUpDraft {
            application_id: a.id,
            subject: format!("Following up: {} application", a.role),
            body: format!(
                "{greeting}\n\n{stage} Could you let me know whether there is any news on \
                 next steps, or anything more I can share?\n\nThank you for your time.\n\n\
                 {closing}"
            ),
            confidence: BUILTIN_MAX_CONFIDENCE,
        }
    }
}

fn weeks_ago(days: i64) -> String {
    match days {
        ..=9 => "recently".into(),
        10..=20 => "about two weeks ago".into(),
        d => format!("about {} weeks ago", (d + 3) / 7),
    }
}
