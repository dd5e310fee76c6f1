//! The user's profile (table `profile`, one row): what JobMatch scores posts against.

use rusqlite::{OptionalExtension, params};
use serde::{Deserialize, Serialize};

use super::{Error, Result};
use crate::clock::Timestamp;
use crate::store::{Migration, Store};
use crate::text;

pub(crate) const MIGRATION: Migration = Migration {
    id: "202611272303_profile",
    sql: "
    CREATE TABLE profile (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        data TEXT NOT NULL,
        updated_at INTEGER NOT NULL
    ) STRICT;
    ",
};

/// Most skills, locations or roles kept.
pub const MAX_ITEMS: usize = 100;
/// Longest skill, location or role, in characters.
pub const MAX_ITEM_CHARS: usize = 80;
/// Longest experience text, in characters.
pub const MAX_EXPERIENCE_CHARS: usize = 20_000;

/// The user's profile.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Profile {
    /// Name, for follow-up signatures.
    pub name: String,
    /// One line about the user ("Backend engineer, 8 years").
    pub headline: String,
    /// Skills, as the user writes them.
    pub skills: Vec<String>,
    /// Years of professional experience.
    pub years_experience: Option<u32>,
    /// Experience in the user's words.
    pub experience: String,
    /// Preferred locations.
    pub locations: Vec<String>,
    /// Open to remote work.
    pub remote: bool,
    /// Roles wanted.
    pub desired_roles: Vec<String>,
    /// Lowest acceptable yearly salary.
    pub min_salary: Option<u32>,
    /// Last saved, ms UTC; none before the first save.
    pub updated_at: Option<Timestamp>,
}

/// A profile as typed: checked by [`save`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase", default)]
pub struct ProfileDraft {
    /// Name.
    pub name: String,
    /// Headline.
    pub headline: String,
    /// Skills.
    pub skills: Vec<String>,
    /// Years of experience (0-70).
    pub years_experience: Option<i64>,
    /// Experience.
    pub experience: String,
    /// Locations.
    pub locations: Vec<String>,
    /// Remote.
    pub remote: bool,
    /// Desired roles.
    pub desired_roles: Vec<String>,
    /// Minimum salary (0-100,000,000).
    pub min_salary: Option<i64>,
}

impl Profile {
    /// Whether the user has said anything JobMatch can use.
    pub fn is_empty(&self) -> bool {
        self.skills.is_empty() && self.desired_roles.is_empty() && self.experience.is_empty()
    }
}

/// Trims, drops empties and case-insensitive duplicates, keeps the order.
fn items(field: &'static str, raw: &[String]) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for item in raw {
        let s = text::one_line(field, item, MAX_ITEM_CHARS)?;
        if !s.is_empty() && !out.iter().any(|o| o.eq_ignore_ascii_case(&s)) {
            out.push(s);
        }
    }
    if out.len() > MAX_ITEMS {
        return Err(Error::invalid(
            field,
            format!("has more than {MAX_ITEMS} entries"),
        ));
    }
    Ok(out)
}

fn bounded(field: &'static str, v: Option<i64>, max: i64) -> Result<Option<u32>> {
    match v {
        None => Ok(None),
        Some(n) if (0..=max).contains(&n) => Ok(u32::try_from(n).ok()),
        Some(_) => Err(Error::invalid(
            field,
            format!("must be between 0 and {max}"),
        )),
    }
}

impl TryFrom<ProfileDraft> for Profile {
    type Error = Error;

    fn try_from(d: ProfileDraft) -> Result<Self> {
        Ok(Profile {
            name: text::one_line("name", &d.name, 200)?,
            headline: text::one_line("headline", &d.headline, 200)?,
            skills: items("skills", &d.skills)?,
            years_experience: bounded("yearsExperience", d.years_experience, 70)?,
            experience: text::text_block("experience", &d.experience, MAX_EXPERIENCE_CHARS)?,
            locations: items("locations", &d.locations)?,
            remote: d.remote,
            desired_roles: items("desiredRoles", &d.desired_roles)?,
            min_salary: bounded("minSalary", d.min_salary, 100_000_000)?,
            updated_at: None,
        })
    }
}

/// The stored profile, or an empty one before the first save.
pub fn get(store: &Store) -> Result<Profile> {
    let row: Option<(String, Timestamp)> = store.read(|c| {
        c.query_row(
            "SELECT data, updated_at FROM profile WHERE id = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()
    })?;
    let Some((data, at)) = row else {
        return Ok(Profile::default());
    };
    let mut p: Profile = serde_json::from_str(&data).map_err(|e| {
        Error::invalid("profile", format!("the stored profile cannot be read: {e}"))
    })?;
    p.updated_at = Some(at);
    Ok(p)
}

/// Validates and saves the profile.
#[tracing::instrument(skip_all)]
pub fn save(store: &mut Store, draft: ProfileDraft) -> Result<Profile> {
    let profile = Profile::try_from(draft)?;
    let data =
        serde_json::to_string(&profile).map_err(|e| Error::invalid("profile", e.to_string()))?;
    let now = store.now_ms();
    store.write(|tx| {
        tx.execute(
            "INSERT INTO profile (id, data, updated_at) VALUES (1, ?1, ?2)
             ON CONFLICT (id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at",
            params![data, now],
        )
    })?;
    tracing::info!(skills = profile.skills.len(), "profile saved");
    get(store)
}
