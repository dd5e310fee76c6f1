//! The settings table: each setting is one JSON value under a key. The module a
//! setting configures owns its type, its key and its validation (`agent::config`,
//! `cost::budget`, `failsafe::config`, `ledger::config`, `monitor::alerts`,
//! `notices`, `mail::settings`); this module only stores and reads values, and parses
//! the environment variables that override stored ones.
//!
//! A value this build cannot read on the way out (a hand-edited database, an older
//! shape) reads as absent with a warning, so its owner falls back to the default
//! rather than stopping the app.

use rusqlite::{OptionalExtension, params};
use serde::Serialize;

use crate::store::{Migration, Store};

/// The settings table, and the agents' settings table (`agent::config` reads and
/// writes it; one migration, as released).
pub(crate) const MIGRATION: Migration = Migration {
    id: "202611272304_settings",
    sql: "
    CREATE TABLE settings (
        key TEXT PRIMARY KEY NOT NULL,
        value TEXT NOT NULL,
        updated_at INTEGER NOT NULL
    ) STRICT;
    CREATE TABLE agent_configs (
        agent TEXT PRIMARY KEY NOT NULL,
        model TEXT,
        temperature REAL,
        max_tokens INTEGER,
        enabled INTEGER NOT NULL DEFAULT 1 CHECK (enabled IN (0, 1)),
        updated_at INTEGER NOT NULL
    ) STRICT;
    ",
};

pub use crate::error::{Error, Result};

/// A stored JSON value, or `None` when absent or unreadable (with a warning).
pub fn get_json<T: serde::de::DeserializeOwned>(store: &Store, key: &str) -> Result<Option<T>> {
    Ok(store.read(|c| get_json_in(c, key))?)
}

/// [`get_json`] on a connection or inside a transaction.
pub fn get_json_in<T: serde::de::DeserializeOwned>(
    conn: &rusqlite::Connection,
    key: &str,
) -> rusqlite::Result<Option<T>> {
    let raw: Option<String> = conn
        .prepare_cached("SELECT value FROM settings WHERE key = ?1")?
        .query_row([key], |r| r.get(0))
        .optional()?;
    Ok(raw.and_then(|s| match serde_json::from_str(&s) {
        Ok(v) => Some(v),
        Err(e) => {
            tracing::warn!(key, error = %e, "stored setting unreadable; using the default");
            None
        }
    }))
}

/// Stores `value` as JSON under `key`, replacing what was there.
pub fn put_json<T: Serialize>(store: &mut Store, key: &str, value: &T) -> Result<()> {
    let json =
        serde_json::to_string(value).map_err(|e| Error::invalid("settings", e.to_string()))?;
    let now = store.now_ms();
    store.write(|tx| {
        tx.execute(
            "INSERT INTO settings (key, value, updated_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value,
                                             updated_at = excluded.updated_at",
            params![key, json, now],
        )
    })?;
    Ok(())
}

/// Stores `value` as JSON under `key` unless a value is there already (which stands).
pub fn put_json_if_absent<T: Serialize>(store: &mut Store, key: &str, value: &T) -> Result<()> {
    let json =
        serde_json::to_string(value).map_err(|e| Error::invalid("settings", e.to_string()))?;
    let now = store.now_ms();
    store.write(|tx| {
        tx.execute(
            "INSERT INTO settings (key, value, updated_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (key) DO NOTHING",
            params![key, json, now],
        )
    })?;
    Ok(())
}

/// A boolean environment variable: true/false/1/0/yes/no/on/off; anything else is
/// reported and ignored.
pub fn env_bool(name: &str) -> Option<bool> {
    let raw = std::env::var(name).ok()?;
    if raw.trim().is_empty() {
        return None;
    }
    let parsed = crate::logging::parse_bool(&raw);
    if parsed.is_none() {
        tracing::warn!(
            variable = name,
            value = %raw,
            "not a boolean (use true or false); the default is used"
        );
    }
    parsed
}

/// A number from the environment within `range` (whole if `whole`); anything else is
/// reported and ignored.
pub fn env_number(name: &str, range: std::ops::RangeInclusive<f64>, whole: bool) -> Option<f64> {
    let raw = std::env::var(name).ok()?;
    if raw.trim().is_empty() {
        return None;
    }
    match raw.trim().parse::<f64>() {
        Ok(v) if v.is_finite() && range.contains(&v) && (!whole || v.fract() == 0.0) => Some(v),
        _ => {
            tracing::warn!(
                variable = name,
                value = %raw,
                "must be {} from {} to {}; the default is used",
                if whole { "a whole number" } else { "a number" },
                range.start(),
                range.end()
            );
            None
        }
    }
}
