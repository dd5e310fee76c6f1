//! The service layer: what the CLI and the desktop app both ask of the core, wired
//! across layers in one place so neither front end carries glue of its own.

pub mod eval;
pub mod export;
pub mod mail;
pub mod settings;
