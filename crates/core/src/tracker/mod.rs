//! The job search itself: applications and their timeline, imported emails, the
//! review queue for agent proposals, the profile and follow-up candidates.

pub mod analysis;
pub mod applications;
pub mod emails;
pub mod follow_ups;
pub mod import;
pub mod mail;
pub mod profile;
pub mod review;
mod status;

pub use crate::error::{Error, Result};
pub use applications::{Application, ApplicationDraft, NewApplication, Origin, StatusChange};
pub use status::Status;
