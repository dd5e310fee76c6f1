//! Mail sources: IMAP accounts read strictly read-only, incrementally and crash-safely
//! into the store, where the job tracker and the agents find the messages.
//!
//! This layer sits above the tracker (it stores emails through it) and the failsafe
//! (logins are retried, each account has a circuit), and below the agents: what runs
//! on new mail is wired above both, in [`crate::service`].

pub mod account;
mod error;
pub mod imap;
pub mod settings;
pub mod sync;
mod utf7;

pub use account::{AccountDraft, AccountStatus, MailAccount, Security};
pub use error::{Error, Result};
pub use sync::{FolderReport, SyncProgress};
