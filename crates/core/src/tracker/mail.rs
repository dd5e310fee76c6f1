//! Reading one email (RFC 5322 / `.eml`) into what the agents need.
//!
//! mail-parser handles MIME multipart, quoted-printable, base64, non-UTF-8 charsets
//! and HTML-only mails (reduced to text).

use mail_parser::MessageParser;
use serde::{Deserialize, Serialize};

use super::Error;
use super::analysis::EmailInput;

/// Largest message accepted, in bytes.
pub const MAX_MESSAGE_BYTES: usize = 25 * 1024 * 1024;

/// A parsed email.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct ParsedMail {
    /// `Message-ID`, if present.
    pub message_id: Option<String>,
    /// Sender as `Name <address>`.
    pub from: String,
    /// Subject.
    pub subject: String,
    /// Date header as RFC 3339, if present and valid.
    pub date: Option<String>,
    /// Plain-text body (HTML reduced to text).
    pub body: String,
}

impl From<ParsedMail> for EmailInput {
    fn from(m: ParsedMail) -> Self {
        EmailInput {
            from: m.from,
            subject: m.subject,
            date: m.date,
            body: m.body,
        }
    }
}

/// Parses one message.
pub fn parse(raw: &[u8]) -> Result<ParsedMail, Error> {
    if raw.len() > MAX_MESSAGE_BYTES {
        return Err(Error::invalid(
            "email",
            format!("is larger than {} MiB", MAX_MESSAGE_BYTES / 1024 / 1024),
        ));
    }
    let msg = MessageParser::default()
        .parse(raw)
        .ok_or_else(|| Error::invalid("email", "is not an email message (no headers found)"))?;
    let from = msg
        .from()
        .and_then(|a| a.first())
        .map(|a| match (a.name(), a.address()) {
            (Some(n), Some(addr)) => format!("{n} <{addr}>"),
            (None, Some(addr)) => addr.to_owned(),
            (Some(n), None) => n.to_owned(),
            (None, None) => String::new(),
        })
        .unwrap_or_default();
    let subject = msg.subject().unwrap_or_default().to_owned();
    let body = msg.body_text(0).map(|b| b.into_owned()).unwrap_or_default();
    if from.is_empty() && subject.is_empty() && body.trim().is_empty() {
        return Err(Error::invalid("email", "has no sender, subject or text"));
    }
    Ok(ParsedMail {
        message_id: msg.message_id().map(str::to_owned),
        from,
        subject,
        // mail-parser keeps out-of-range fields ("2024-06-00"): such a date is dropped.
        date: msg
            .date()
            .map(|d| d.to_rfc3339())
            .filter(|d| chrono::DateTime::parse_from_rfc3339(d).is_ok()),
        body,
    })
}
