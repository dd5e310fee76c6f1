//! The job search itself: applications and their status timeline.
//! (Emails and their import join here in a later change.)

pub mod applications;
mod error;
pub mod mail;
mod status;

pub use applications::{Application, ApplicationDraft, NewApplication, Origin, StatusChange};
pub use error::{Error, Result};
pub use status::Status;
