//! The job search itself: applications and their timeline, imported emails, the
//! review queue for agent proposals, the profile and follow-up candidates.

pub mod applications;
pub mod emails;
mod error;
pub mod follow_ups;
pub mod import;
pub mod mail;
pub mod profile;
pub mod review;
mod status;

pub use applications::{Application, ApplicationDraft, NewApplication, Origin, StatusChange};
pub use error::{Error, Result};
pub use status::Status;
