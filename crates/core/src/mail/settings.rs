//! How often mail is synced and whether new job mail is analysed on its own.

use serde::{Deserialize, Serialize};

use super::Result;
use crate::store::Store;

const KEY: &str = "mail.config";

/// Mail sync settings (`jobtrail mail settings`, Settings → Mail accounts).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase", default)]
pub struct MailSettings {
    /// Minutes between background syncs (IDLE brings new mail sooner where offered).
    pub interval_minutes: u32,
    /// Whether new job mail runs EmailAnalyst as it arrives (within budgets, the hard
    /// limit and the pause switch).
    pub auto_analyse: bool,
}

impl Default for MailSettings {
    fn default() -> Self {
        Self {
            interval_minutes: 5,
            auto_analyse: true,
        }
    }
}

/// The allowed sync interval, minutes.
pub const INTERVAL_MINUTES: std::ops::RangeInclusive<u32> = 1..=1440;

impl MailSettings {
    /// Checks the interval.
    pub fn validated(self) -> Result<Self> {
        if !INTERVAL_MINUTES.contains(&self.interval_minutes) {
            return Err(crate::Error::invalid(
                "intervalMinutes",
                format!(
                    "must be between {} and {} minutes",
                    INTERVAL_MINUTES.start(),
                    INTERVAL_MINUTES.end()
                ),
            )
            .into());
        }
        Ok(self)
    }
}

/// The stored mail settings (defaults when none, or when edited out of range).
pub fn get(store: &Store) -> crate::Result<MailSettings> {
    Ok(crate::settings::get_json::<MailSettings>(store, KEY)?
        .and_then(|s| s.validated().ok())
        .unwrap_or_default())
}

/// Validates and stores the mail settings.
pub fn set(store: &mut Store, s: MailSettings) -> Result<MailSettings> {
    let s = s.validated()?;
    crate::settings::put_json(store, KEY, &s)?;
    tracing::info!(?s, "mail settings saved");
    Ok(s)
}
