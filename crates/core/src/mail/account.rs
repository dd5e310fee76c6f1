//! Mail accounts (table `mail_accounts`): where to read, checked before they are
//! stored. The password is never here: it lives in the OS keychain (`secrets`).

use chrono::{Days, NaiveDate};
use rusqlite::{OptionalExtension, Row, params};
use serde::{Deserialize, Serialize};

use super::{Error, Result};
use crate::clock::Timestamp;
use crate::store::{Migration, Store};

pub(crate) const MIGRATION: Migration = Migration {
    id: "202612061000_mail_accounts",
    sql: "
    CREATE TABLE mail_accounts (
        name TEXT PRIMARY KEY NOT NULL,
        host TEXT NOT NULL,
        port INTEGER NOT NULL CHECK (port BETWEEN 1 AND 65535),
        security TEXT NOT NULL CHECK (security IN ('tls', 'starttls', 'none')),
        user TEXT NOT NULL,
        folders TEXT NOT NULL,
        since TEXT NOT NULL,
        enabled INTEGER NOT NULL,
        created_at INTEGER NOT NULL,
        last_sync_at INTEGER,
        status TEXT NOT NULL DEFAULT 'new',
        error TEXT,
        error_code TEXT,
        error_at INTEGER
    ) STRICT;
    CREATE TABLE mail_folders (
        account TEXT NOT NULL REFERENCES mail_accounts (name) ON DELETE CASCADE,
        folder TEXT NOT NULL,
        uid_validity INTEGER NOT NULL,
        last_uid INTEGER NOT NULL,
        synced_at INTEGER NOT NULL,
        PRIMARY KEY (account, folder)
    ) STRICT;
    ",
};

/// How the connection is protected.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum Security {
    /// TLS from the first byte (IMAPS, port 993).
    Tls,
    /// Plain connection upgraded with STARTTLS before login (port 143).
    Starttls,
    /// No encryption: only to this machine (a local bridge such as Proton Bridge).
    None,
}

impl Security {
    /// The stored and CLI name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Security::Tls => "tls",
            Security::Starttls => "starttls",
            Security::None => "none",
        }
    }

    /// The name as stored or typed.
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "tls" | "ssl" => Some(Security::Tls),
            "starttls" => Some(Security::Starttls),
            "none" => Some(Security::None),
            _ => None,
        }
    }

    /// The usual port: 993 for TLS, 143 otherwise.
    pub const fn default_port(self) -> u16 {
        match self {
            Security::Tls => 993,
            Security::Starttls | Security::None => 143,
        }
    }
}

/// Where an account stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum AccountStatus {
    /// Never synced.
    New,
    /// The last sync worked.
    Ok,
    /// The last sync failed; the next one tries again.
    Error,
    /// The server refused the password: no sync until a new one is entered.
    NeedsPassword,
}

impl AccountStatus {
    const fn as_str(self) -> &'static str {
        match self {
            AccountStatus::New => "new",
            AccountStatus::Ok => "ok",
            AccountStatus::Error => "error",
            AccountStatus::NeedsPassword => "needs_password",
        }
    }

    fn parse(s: &str) -> Self {
        match s {
            "ok" => AccountStatus::Ok,
            "error" => AccountStatus::Error,
            "needs_password" => AccountStatus::NeedsPassword,
            _ => AccountStatus::New,
        }
    }
}

/// A mail account as stored and shown (`jobtrail mail list --json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct MailAccount {
    /// 1–32 of `a-z 0-9 - _`.
    pub name: String,
    /// The IMAP server.
    pub host: String,
    /// Its port.
    pub port: u16,
    /// How the connection is protected.
    pub security: Security,
    /// The login name.
    pub user: String,
    /// Folders to watch, in order (`INBOX`, `[Gmail]/All Mail`).
    pub folders: Vec<String>,
    /// The first sync reaches back to this day (`YYYY-MM-DD`).
    pub since: String,
    /// Whether background sync reads it.
    pub enabled: bool,
    /// When it last synced without error, ms UTC.
    pub last_sync_at: Option<Timestamp>,
    /// Where it stands.
    pub status: AccountStatus,
    /// The last error, while it stands.
    pub error: Option<String>,
    /// That error's code (`authentication`, `network`, …).
    pub error_code: Option<String>,
}

/// An account as typed: what is left out takes its default.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase", default)]
pub struct AccountDraft {
    /// 1–32 of `a-z 0-9 - _`.
    pub name: String,
    /// The IMAP server (`imap.gmail.com`).
    pub host: String,
    /// Default: 993 for TLS, 143 otherwise.
    pub port: Option<u16>,
    /// Default: TLS.
    pub security: Option<Security>,
    /// The login name (usually the address).
    pub user: String,
    /// Default: `INBOX`.
    pub folders: Vec<String>,
    /// `YYYY-MM-DD`; default: 90 days ago.
    pub since: Option<String>,
    /// Default: on.
    pub enabled: Option<bool>,
}

impl From<MailAccount> for AccountDraft {
    /// The stored account as a draft to edit or check again.
    fn from(a: MailAccount) -> Self {
        Self {
            name: a.name,
            host: a.host,
            port: Some(a.port),
            security: Some(a.security),
            user: a.user,
            folders: a.folders,
            since: Some(a.since),
            enabled: Some(a.enabled),
        }
    }
}

/// What the first sync reaches back, by default.
pub const DEFAULT_SINCE_DAYS: u64 = 90;
/// Most folders watched per account.
pub const MAX_FOLDERS: usize = 20;

/// A checked account configuration, ready to store.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountConfig {
    /// See [`MailAccount`].
    pub name: String,
    /// See [`MailAccount`].
    pub host: String,
    /// See [`MailAccount`].
    pub port: u16,
    /// See [`MailAccount`].
    pub security: Security,
    /// See [`MailAccount`].
    pub user: String,
    /// See [`MailAccount`].
    pub folders: Vec<String>,
    /// See [`MailAccount`].
    pub since: NaiveDate,
    /// See [`MailAccount`].
    pub enabled: bool,
}

impl AccountDraft {
    /// Checks every field; `today` anchors the default `since`.
    pub fn validated(self, today: NaiveDate) -> Result<AccountConfig> {
        let name = check_name(&self.name)?;
        let host = check_host(&self.host)?;
        let security = self.security.unwrap_or(Security::Tls);
        if security == Security::None && !is_loopback(&host) {
            return Err(invalid(
                "security",
                "\"none\" only reaches this machine (localhost): a password never crosses a \
                 network in clear text; use tls or starttls",
            ));
        }
        let port = match self.port {
            Some(0) => return Err(invalid("port", "must be between 1 and 65535")),
            Some(p) => p,
            None => security.default_port(),
        };
        let user = self.user.trim();
        if user.is_empty() || user.chars().count() > 320 || user.chars().any(char::is_control) {
            return Err(invalid(
                "user",
                "must be your login name (1 to 320 characters, usually your address)",
            ));
        }
        let folders = check_folders(self.folders)?;
        let since = match self.since.as_deref().map(str::trim) {
            None | Some("") => today
                .checked_sub_days(Days::new(DEFAULT_SINCE_DAYS))
                .unwrap_or(today),
            Some(s) => NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .ok()
                .filter(|d| *d >= NaiveDate::from_ymd_opt(1970, 1, 1).unwrap_or(*d))
                .filter(|d| *d <= today)
                .ok_or_else(|| {
                    invalid(
                        "since",
                        "must be a day in the past as YYYY-MM-DD (like 2026-09-01)",
                    )
                })?,
        };
        Ok(AccountConfig {
            name,
            host,
            port,
            security,
            user: user.to_owned(),
            folders,
            since,
            enabled: self.enabled.unwrap_or(true),
        })
    }
}

fn invalid(field: &'static str, reason: impl Into<String>) -> Error {
    Error::Invalid(crate::Error::invalid(field, reason))
}

/// An account name: 1–32 of `a-z 0-9 - _` (lowercased).
pub fn check_name(raw: &str) -> Result<String> {
    let n = raw.trim().to_lowercase();
    let ok = !n.is_empty()
        && n.len() <= 32
        && n.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_'));
    if ok {
        Ok(n)
    } else {
        Err(invalid(
            "name",
            "must be 1 to 32 letters, digits, dashes or underscores (like work or gmail)",
        ))
    }
}

fn check_host(raw: &str) -> Result<String> {
    let h = raw.trim().trim_end_matches('.').to_lowercase();
    let h = h
        .strip_prefix('[')
        .and_then(|x| x.strip_suffix(']'))
        .map_or(h.clone(), str::to_owned);
    // A colon only inside an IPv6 address: `imap.gmail.com:993` names a port.
    let ok = h.parse::<std::net::Ipv6Addr>().is_ok()
        || (!h.is_empty()
            && h.len() <= 253
            && !h.starts_with(['-', '.'])
            && h.chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-')));
    if ok {
        Ok(h)
    } else {
        Err(invalid(
            "host",
            "must be a server name such as imap.gmail.com (no imap://, and the port in its own field)",
        ))
    }
}

/// Whether `host` is this machine: `localhost`, 127.0.0.0/8 or ::1.
pub fn is_loopback(host: &str) -> bool {
    host == "localhost"
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

fn check_folders(raw: Vec<String>) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for f in raw {
        let f = f.trim();
        if f.is_empty() {
            continue;
        }
        if f.chars().count() > 255 || f.chars().any(char::is_control) {
            return Err(invalid(
                "folders",
                "each folder name must be 1 to 255 characters without control characters",
            ));
        }
        // INBOX is case-insensitive in IMAP; other names are not.
        let f = if f.eq_ignore_ascii_case("inbox") {
            "INBOX"
        } else {
            f
        };
        if !out.iter().any(|o| o == f) {
            out.push(f.to_owned());
        }
    }
    if out.len() > MAX_FOLDERS {
        return Err(invalid(
            "folders",
            format!("watch at most {MAX_FOLDERS} folders per account"),
        ));
    }
    if out.is_empty() {
        out.push("INBOX".to_owned());
    }
    Ok(out)
}

const COLUMNS: &str = "name, host, port, security, user, folders, since, enabled, last_sync_at, \
     status, error, error_code";

fn from_row(r: &Row<'_>) -> rusqlite::Result<MailAccount> {
    let security: String = r.get(3)?;
    let folders: String = r.get(5)?;
    let status: String = r.get(9)?;
    Ok(MailAccount {
        name: r.get(0)?,
        host: r.get(1)?,
        port: u16::try_from(r.get::<_, i64>(2)?).unwrap_or(143),
        security: Security::parse(&security).unwrap_or(Security::Tls),
        user: r.get(4)?,
        folders: serde_json::from_str(&folders).unwrap_or_else(|_| vec!["INBOX".to_owned()]),
        since: r.get(6)?,
        enabled: r.get(7)?,
        last_sync_at: r.get(8)?,
        status: AccountStatus::parse(&status),
        error: r.get(10)?,
        error_code: r.get(11)?,
    })
}

/// Every account, by name.
pub fn list(store: &Store) -> Result<Vec<MailAccount>> {
    let sql = format!("SELECT {COLUMNS} FROM mail_accounts ORDER BY name");
    Ok(store.read(|c| {
        let mut stmt = c.prepare_cached(&sql)?;
        let rows = stmt.query_map([], from_row)?;
        rows.collect()
    })?)
}

/// The account named `name`.
pub fn get(store: &Store, name: &str) -> Result<MailAccount> {
    let sql = format!("SELECT {COLUMNS} FROM mail_accounts WHERE name = ?1");
    let name = name.trim().to_lowercase();
    store
        .read(|c| c.query_row(&sql, [&name], from_row).optional())?
        .ok_or(Error::UnknownAccount(name))
}

/// Stores a new account; an existing name is an error.
pub fn add(store: &mut Store, c: &AccountConfig) -> Result<MailAccount> {
    if get(store, &c.name).is_ok() {
        return Err(invalid(
            "name",
            format!("an account named {} exists; choose another name", c.name),
        ));
    }
    let folders = serde_json::to_string(&c.folders).unwrap_or_else(|_| "[\"INBOX\"]".into());
    let now = store.now_ms();
    store.write(|tx| {
        tx.execute(
            "INSERT INTO mail_accounts (name, host, port, security, user, folders, since,
                                        enabled, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                c.name,
                c.host,
                c.port,
                c.security.as_str(),
                c.user,
                folders,
                c.since.format("%Y-%m-%d").to_string(),
                c.enabled,
                now
            ],
        )
    })?;
    tracing::info!(account = %c.name, host = %c.host, "mail account added");
    get(store, &c.name)
}

/// Replaces an account's settings. A different server or user starts the folders
/// afresh (the dedup keeps already imported mail from coming twice); a new password
/// is the caller's business, and clears a refused one with [`password_changed`].
pub fn update(store: &mut Store, c: &AccountConfig) -> Result<MailAccount> {
    let old = get(store, &c.name)?;
    let folders = serde_json::to_string(&c.folders).unwrap_or_else(|_| "[\"INBOX\"]".into());
    let moved = old.host != c.host || old.port != c.port || old.user != c.user;
    // Reaching further back means reading the folders again (the dedup keeps what is
    // already stored from coming twice).
    let earlier = c.since.format("%Y-%m-%d").to_string() < old.since;
    store.write(|tx| {
        tx.execute(
            "UPDATE mail_accounts SET host = ?2, port = ?3, security = ?4, user = ?5,
                                      folders = ?6, since = ?7, enabled = ?8
             WHERE name = ?1",
            params![
                c.name,
                c.host,
                c.port,
                c.security.as_str(),
                c.user,
                folders,
                c.since.format("%Y-%m-%d").to_string(),
                c.enabled
            ],
        )?;
        if moved || earlier {
            tx.execute("DELETE FROM mail_folders WHERE account = ?1", [&c.name])?;
        }
        if moved {
            tx.execute(
                "UPDATE mail_accounts SET status = 'new', error = NULL, error_code = NULL,
                                          error_at = NULL WHERE name = ?1",
                [&c.name],
            )?;
        }
        Ok(())
    })?;
    tracing::info!(account = %c.name, moved, earlier, "mail account saved");
    get(store, &c.name)
}

/// Turns background sync of an account on or off.
pub fn set_enabled(store: &mut Store, name: &str, enabled: bool) -> Result<MailAccount> {
    let a = get(store, name)?;
    store.write(|tx| {
        tx.execute(
            "UPDATE mail_accounts SET enabled = ?2 WHERE name = ?1",
            params![a.name, enabled],
        )
    })?;
    get(store, &a.name)
}

/// Removes an account and its sync state; the mail it imported stays.
pub fn remove(store: &mut Store, name: &str) -> Result<()> {
    let a = get(store, name)?;
    store.write(|tx| tx.execute("DELETE FROM mail_accounts WHERE name = ?1", [&a.name]))?;
    tracing::info!(account = %a.name, "mail account removed");
    Ok(())
}

/// A new password was stored: a refused one no longer stops the account.
pub fn password_changed(store: &mut Store, name: &str) -> Result<()> {
    store.write(|tx| {
        tx.execute(
            "UPDATE mail_accounts SET status = 'new', error = NULL, error_code = NULL,
                                      error_at = NULL
             WHERE name = ?1 AND status = 'needs_password'",
            [name],
        )
    })?;
    Ok(())
}

/// Since when the server has refused the account's password, if it does.
pub fn refused_since(store: &Store, name: &str) -> Result<Option<Timestamp>> {
    Ok(store.read(|c| {
        c.query_row(
            "SELECT error_at FROM mail_accounts WHERE name = ?1 AND status = 'needs_password'",
            [name],
            |r| r.get(0),
        )
        .optional()
        .map(Option::flatten)
    })?)
}

/// Records how a sync of the account ended.
pub(crate) fn record_outcome(
    store: &mut Store,
    name: &str,
    error: Option<&Error>,
) -> crate::store::Result<()> {
    let now = store.now_ms();
    store.write(|tx| match error {
        None => tx.execute(
            "UPDATE mail_accounts SET status = 'ok', last_sync_at = ?2, error = NULL,
                                      error_code = NULL, error_at = NULL
             WHERE name = ?1",
            params![name, now],
        ),
        Some(e) => {
            let status = if e.needs_password() {
                AccountStatus::NeedsPassword
            } else {
                AccountStatus::Error
            };
            let message = crate::logging::redact(&e.to_string()).into_owned();
            // The same error again keeps its first time: one notice per episode.
            tx.execute(
                "UPDATE mail_accounts
                 SET status = ?2, error = ?3, error_code = ?4,
                     error_at = CASE WHEN status = ?2 AND error_code IS ?4 THEN error_at
                                     ELSE ?5 END
                 WHERE name = ?1",
                params![name, status.as_str(), message, e.code(), now],
            )
        }
    })?;
    Ok(())
}

#[cfg(test)]
#[path = "account_test.rs"]
mod tests;
