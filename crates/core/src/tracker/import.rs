//! Importing `.eml` files and `.mbox` mailboxes into the store.
//!
//! A file that starts with an mbox `From ` line is a mailbox, anything else one
//! message. Each message is parsed on its own: a malformed one is reported with its
//! position and the rest still import. Messages are committed in batches, so a
//! 10,000-message mailbox takes a handful of transactions, and a crash mid-import
//! keeps what was committed (a re-import skips it as duplicates).

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use mail_parser::mailbox::mbox::MessageIterator;
use serde::{Deserialize, Serialize};

use super::Result;
use super::emails::{self, Inserted};
use super::mail::{self, MAX_MESSAGE_BYTES, ParsedMail};
use crate::store::Store;

/// Messages per transaction.
const BATCH: usize = 500;

/// A message that could not be imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MessageError {
    /// Its position in the file, from 1.
    pub index: usize,
    /// What is wrong with it.
    pub reason: String,
}

/// What importing one file did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FileReport {
    /// The file, as given.
    pub path: String,
    /// Messages stored.
    pub imported: usize,
    /// Messages already stored, skipped.
    pub duplicates: usize,
    /// Messages that could not be read.
    pub errors: Vec<MessageError>,
    /// Why the file as a whole could not be read, if it could not.
    pub error: Option<String>,
}

/// What an import did, over all files.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ImportReport {
    /// Per file, in the order given.
    pub files: Vec<FileReport>,
    /// Messages stored.
    pub imported: usize,
    /// Messages skipped as already stored.
    pub duplicates: usize,
    /// Messages (or whole files) that failed.
    pub failed: usize,
}

/// Progress, reported after every batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct Progress {
    /// Index of the file being imported, from 0.
    pub file: usize,
    /// Messages read from it so far.
    pub messages: usize,
}

/// Imports every file. Only a store failure is an `Err` (what was committed before
/// it stays); unreadable files and messages are in the report.
#[tracing::instrument(skip_all, fields(files = paths.len()))]
pub fn import_files(
    store: &mut Store,
    paths: &[impl AsRef<Path>],
    progress: &mut dyn FnMut(Progress),
) -> Result<ImportReport> {
    let mut report = ImportReport::default();
    for (i, path) in paths.iter().enumerate() {
        let path = path.as_ref();
        let file = import_file(store, path, &mut |messages| {
            progress(Progress { file: i, messages })
        })?;
        report.imported += file.imported;
        report.duplicates += file.duplicates;
        report.failed += file.errors.len() + usize::from(file.error.is_some());
        record_skipped(store, &file)?;
        report.files.push(file);
    }
    tracing::info!(
        imported = report.imported,
        duplicates = report.duplicates,
        failed = report.failed,
        "import finished"
    );
    Ok(report)
}

fn import_file(
    store: &mut Store,
    path: &Path,
    progress: &mut dyn FnMut(usize),
) -> Result<FileReport> {
    let mut report = FileReport {
        path: path.display().to_string(),
        ..FileReport::default()
    };
    let mut reader = match open(path) {
        Ok(r) => r,
        Err(e) => {
            tracing::warn!(path = %path.display(), error = %e, "file not imported");
            report.error = Some(e);
            return Ok(report);
        }
    };
    let source = path.file_name().map(|n| n.to_string_lossy().into_owned());
    let is_mbox = match reader.fill_buf() {
        Ok(head) => head.starts_with(b"From "),
        Err(e) => {
            report.error = Some(format!("cannot read {}: {e}", path.display()));
            return Ok(report);
        }
    };
    let mut batch: Batch = Vec::with_capacity(BATCH);
    let mut seen = 0;
    if is_mbox {
        for (i, msg) in MessageIterator::new(reader).enumerate() {
            let index = i + 1;
            seen = index;
            match msg {
                Ok(m) if m.contents().len() > MAX_MESSAGE_BYTES => {
                    report.errors.push(MessageError {
                        index,
                        reason: format!("is larger than {} MiB", MAX_MESSAGE_BYTES / 1024 / 1024),
                    });
                }
                Ok(m) => parse_into(&mut batch, &mut report, index, m.contents()),
                Err(e) => {
                    // An I/O error mid-file ends the file; what was read still imports.
                    report.error = Some(format!("reading stopped at message {index}: {e}"));
                    break;
                }
            }
            if batch.len() >= BATCH {
                commit(store, &mut batch, source.as_deref(), &mut report)?;
                progress(seen);
            }
        }
    } else {
        let mut raw = Vec::new();
        let limit = u64::try_from(MAX_MESSAGE_BYTES).unwrap_or(u64::MAX) + 1;
        if let Err(e) = reader.take(limit).read_to_end(&mut raw) {
            report.error = Some(format!("cannot read {}: {e}", path.display()));
            return Ok(report);
        }
        seen = 1;
        parse_into(&mut batch, &mut report, 1, &raw);
    }
    commit(store, &mut batch, source.as_deref(), &mut report)?;
    progress(seen);
    Ok(report)
}

/// Puts a file's failures in the error log: each was skipped and the import went on.
fn record_skipped(store: &mut Store, file: &FileReport) -> Result<()> {
    use crate::failsafe::{ErrorContext, Skipped, errors};
    let now = store.now_ms();
    let context = || ErrorContext::new("email_import").with("file", file.path.as_str());
    let mut infos: Vec<_> = file
        .errors
        .iter()
        .map(|e| {
            let skipped = Skipped {
                kind: "invalid_message",
                message: format!("message {}: {}", e.index, e.reason),
            };
            errors::classify(&skipped, context().with("message", e.index), now)
        })
        .collect();
    if let Some(e) = &file.error {
        let skipped = Skipped {
            kind: "unreadable_file",
            message: e.clone(),
        };
        infos.push(errors::classify(&skipped, context(), now));
    }
    if !infos.is_empty() {
        store.write(|tx| errors::save_in(tx, &infos))?;
    }
    Ok(())
}

type Batch = Vec<(ParsedMail, String)>;

fn parse_into(batch: &mut Batch, report: &mut FileReport, index: usize, raw: &[u8]) {
    match mail::parse(raw) {
        Ok(m) => {
            let key = emails::dedup_key(&m, raw);
            batch.push((m, key));
        }
        Err(e) => report.errors.push(MessageError {
            index,
            reason: e.to_string(),
        }),
    }
}

fn open(path: &Path) -> std::result::Result<BufReader<File>, String> {
    let meta =
        std::fs::metadata(path).map_err(|e| format!("cannot open {}: {e}", path.display()))?;
    if meta.is_dir() {
        return Err(format!("{} is a folder, not a mail file", path.display()));
    }
    let file = File::open(path).map_err(|e| format!("cannot open {}: {e}", path.display()))?;
    Ok(BufReader::with_capacity(256 * 1024, file))
}

fn commit(
    store: &mut Store,
    batch: &mut Batch,
    source: Option<&str>,
    report: &mut FileReport,
) -> Result<()> {
    if batch.is_empty() {
        return Ok(());
    }
    let now = store.now_ms();
    let results = store.write(|tx| {
        batch
            .iter()
            .map(|(m, key)| {
                let origin = emails::MailOrigin {
                    file: source,
                    mailbox: None,
                };
                emails::insert(tx, m, key, origin, now)
            })
            .collect::<rusqlite::Result<Vec<_>>>()
    })?;
    for r in results {
        match r {
            Inserted::New(_) => report.imported += 1,
            Inserted::Duplicate => report.duplicates += 1,
        }
    }
    batch.clear();
    Ok(())
}
