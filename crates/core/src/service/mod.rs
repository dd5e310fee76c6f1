//! The service layer: what the CLI and the desktop app both ask of the core, wired
//! across layers in one place so neither front end carries glue of its own. A Tauri
//! command or a CLI subcommand parses its arguments, calls one function here (or a
//! lower module's, where there is nothing to wire) and maps the error.

pub mod costs;
pub mod errors;
pub mod eval;
pub mod export;
pub mod failsafe;
pub mod keys;
pub mod logs;
pub mod mail;
pub mod monitoring;
pub mod runs;
pub mod settings;
