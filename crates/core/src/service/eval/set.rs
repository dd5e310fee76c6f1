//! Labelled sets: a directory of `.eml` files in one folder per category (with an
//! optional `labels.json` naming each message's company and role), or the person's
//! own corrections in the store.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::store::Store;
use crate::tracker::analysis::{EmailCategory, EmailInput};
use crate::tracker::emails;

/// Largest set read: beyond it an evaluation is a batch job, not a check.
pub const MAX_ITEMS: usize = 5_000;

/// One message with its true category (and, where labelled, company and role).
#[derive(Debug, Clone)]
pub struct Labelled {
    /// Where it came from: the path relative to the set (`offer/3.eml`), or
    /// `email:ID` for a stored email.
    pub item: String,
    /// The stored email, for items from the corrections.
    pub email_id: Option<i64>,
    /// What the analyst reads.
    pub input: EmailInput,
    /// The true category.
    pub expected: EmailCategory,
    /// The true company and role, where the set labels them.
    pub extraction: Option<Extraction>,
}

/// A message's true company and role (`labels.json`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Extraction {
    /// The employer as written (`Halcyon Bank`), none when the message names none.
    pub company: Option<String>,
    /// The role without requisition ids, none when the message names none.
    pub role: Option<String>,
    /// The requisition id, where the message has one.
    pub requisition: Option<String>,
}

/// A labelled set and what it holds.
#[derive(Debug, Clone)]
pub struct LabelledSet {
    /// The directory, or `corrections`.
    pub name: String,
    /// Its messages, in a stable order (by path, or by email id).
    pub items: Vec<Labelled>,
}

/// The folder names a set may use.
pub fn folder_names() -> Vec<&'static str> {
    EmailCategory::ALL.iter().map(|c| c.as_str()).collect()
}

/// Reads the set in `dir`: `.eml` files in folders named by category.
#[tracing::instrument(fields(dir = %dir.display()))]
pub fn from_dir(dir: &Path) -> Result<LabelledSet> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| Error::invalid("dir", format!("cannot read {}: {e}", dir.display())))?;
    let mut folders: Vec<(EmailCategory, PathBuf)> = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|e| Error::invalid("dir", e.to_string()))?;
        if !entry.path().is_dir() {
            continue;
        }
        let name = entry.file_name().to_string_lossy().into_owned();
        let category = EmailCategory::parse(&name).ok_or_else(|| {
            Error::invalid(
                "dir",
                format!(
                    "{} holds a folder {name:?}, which is not a category; use {}",
                    dir.display(),
                    folder_names().join(", ")
                ),
            )
        })?;
        folders.push((category, entry.path()));
    }
    let labels = labels(dir)?;
    let mut items = Vec::new();
    for (category, folder) in folders {
        for file in eml_files(&folder)? {
            let rel = file
                .strip_prefix(dir)
                .unwrap_or(&file)
                .to_string_lossy()
                .replace('\\', "/");
            let raw = std::fs::read(&file).map_err(|e| {
                Error::invalid("dir", format!("cannot read {}: {e}", file.display()))
            })?;
            let parsed = crate::tracker::mail::parse(&raw)
                .map_err(|e| Error::invalid("dir", format!("{rel}: {e}")))?;
            items.push(Labelled {
                extraction: labels.get(&rel).cloned(),
                item: rel,
                email_id: None,
                input: parsed.into(),
                expected: category,
            });
            if items.len() > MAX_ITEMS {
                return Err(Error::invalid(
                    "dir",
                    format!("holds more than {MAX_ITEMS} messages; evaluate a sample"),
                ));
            }
        }
    }
    if items.is_empty() {
        return Err(Error::invalid(
            "dir",
            format!(
                "{} holds no .eml files in folders named {}",
                dir.display(),
                folder_names().join(", ")
            ),
        ));
    }
    items.sort_by(|a, b| a.item.cmp(&b.item));
    Ok(LabelledSet {
        name: dir.display().to_string(),
        items,
    })
}

/// `labels.json` at the set's root, keyed by path relative to the set; none is fine.
fn labels(dir: &Path) -> Result<BTreeMap<String, Extraction>> {
    let path = dir.join("labels.json");
    let raw = match std::fs::read_to_string(&path) {
        Ok(raw) => raw,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(BTreeMap::new()),
        Err(e) => {
            return Err(Error::invalid(
                "dir",
                format!("cannot read {}: {e}", path.display()),
            ));
        }
    };
    serde_json::from_str(&raw).map_err(|e| {
        Error::invalid(
            "dir",
            format!(
                "{} is not a map of path to {{ company, role }}: {e}",
                path.display()
            ),
        )
    })
}

/// The `.eml` files in `folder` (not its sub-folders), sorted.
fn eml_files(folder: &Path) -> Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(folder)
        .map_err(|e| Error::invalid("dir", format!("cannot read {}: {e}", folder.display())))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x.eq_ignore_ascii_case("eml")))
        .collect();
    files.sort();
    Ok(files)
}

/// The person's corrections as a labelled set: a relabelled email's category is
/// true; an accepted proposal confirms the analysis's category; an email whose
/// proposal was turned down without a relabel has no true label and is left out.
pub fn from_corrections(store: &Store) -> Result<LabelledSet> {
    let rows: Vec<(i64, String)> = store.read(|c| {
        c.prepare(
            "SELECT e.id, e.category FROM emails e
             WHERE e.category IS NOT NULL AND e.execution_id IS NOT NULL AND (
                 EXISTS (SELECT 1 FROM corrections k
                         WHERE k.execution_id = e.execution_id AND k.kind = 'relabelled')
                 OR EXISTS (SELECT 1 FROM review_items r
                            WHERE r.email_id = e.id AND r.state = 'accepted'))
             ORDER BY e.id
             LIMIT ?1",
        )?
        .query_map([MAX_ITEMS as i64], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect()
    })?;
    let mut items = Vec::with_capacity(rows.len());
    for (id, category) in rows {
        let Some(expected) = EmailCategory::parse(&category) else {
            tracing::warn!(email = id, category, "stored category unknown; left out");
            continue;
        };
        let email = emails::get(store, id)?;
        items.push(Labelled {
            item: format!("email:{id}"),
            email_id: Some(id),
            input: EmailInput::from(&email),
            expected,
            extraction: None,
        });
    }
    if items.is_empty() {
        return Err(Error::invalid(
            "source",
            "there are no corrections yet: relabel an email or accept a proposal in Review first",
        ));
    }
    Ok(LabelledSet {
        name: "corrections".into(),
        items,
    })
}
