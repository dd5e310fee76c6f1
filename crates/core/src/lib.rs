//! Jobtrail's core: everything the desktop app and the CLI share.
//!
//! This crate never depends on Tauri or any GUI toolkit, so it builds and tests
//! without WebKit and serves both `src-tauri` and the `jobtrail` CLI.
#![deny(missing_docs)]

pub mod agent;
pub mod clock;
pub mod cost;
mod error;
pub mod explain;
pub mod failsafe;
pub mod logging;
pub mod monitor;
pub mod secrets;
pub mod settings;
pub mod store;
pub mod text;
pub mod tracker;

pub use clock::{Clock, SystemClock, Timestamp};
pub use error::{Error, Result};
pub use store::Store;
