//! Reading one email (RFC 5322 / `.eml`) into what the agents need.
//!
//! mail-parser handles MIME multipart, quoted-printable, base64, non-UTF-8 charsets
//! and HTML-only mails (reduced to text).

use mail_parser::decoders::html::html_to_text;
use mail_parser::{MessageParser, PartType};
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

/// HTML reduced to text with each block (paragraph, heading, row, list item) on its
/// own line and table cells apart: mail-parser alone breaks lines only at `<br>` and
/// `</p>`, which runs a heading into the greeting and table cells into each other.
fn html_text(html: &str) -> String {
    const BLOCKS: &[&str] = &[
        "div",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "li",
        "table",
        "ul",
        "ol",
        "blockquote",
        "section",
        "header",
        "footer",
        "hr",
        "article",
        "center",
    ];
    // ASCII lowercasing keeps byte offsets.
    let lower = html.to_ascii_lowercase();
    let mut marked = String::with_capacity(html.len() + html.len() / 8);
    let mut last = 0;
    for (i, _) in lower.match_indices('<') {
        let tag = &lower[i + 1..];
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect();
        let insert = if BLOCKS.contains(&name.as_str()) {
            "<br>"
        } else if closing && (name == "td" || name == "th") {
            " "
        } else {
            continue;
        };
        marked.push_str(&html[last..i]);
        marked.push_str(insert);
        last = i;
    }
    marked.push_str(&html[last..]);
    let text = html_to_text(&marked);
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines().map(str::trim) {
        if line.is_empty() {
            blank += 1;
            if blank > 1 || out.is_empty() {
                continue;
            }
        } else {
            blank = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    out.trim_end().to_owned()
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
    let body = match msg.text_part(0).map(|p| &p.body) {
        Some(PartType::Html(html)) => html_text(html),
        _ => msg.body_text(0).map(|b| b.into_owned()).unwrap_or_default(),
    };
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_blocks_and_cells_stay_apart() {
        let html = "<html><head><title>x</title></head><body><table><tr><td><h1>Acme Careers</h1></td></tr>\
                    <tr><td><p>Dear Jordan,</p><p>Thanks &amp; welcome.</p>\
                    <table><tr><td>Date</td><td>Wednesday</td></tr><tr><td>Time</td><td>14:00</td></tr></table>\
                    <div>Kind regards,<br>Acme</div></td></tr></table></body></html>";
        let text = html_text(html);
        let lines: Vec<&str> = text.lines().filter(|l| !l.is_empty()).collect();
        assert_eq!(
            lines,
            [
                "Acme Careers",
                "Dear Jordan,",
                "Thanks & welcome.",
                "Date Wednesday",
                "Time 14:00",
                "Kind regards,",
                "Acme"
            ],
            "{text}"
        );
    }

    #[test]
    fn html_only_mail_is_read_as_text() {
        let raw = b"From: a@b.c\r\nSubject: Hi\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<h2>Acme</h2><p>Hello</p>";
        let m = parse(raw).unwrap();
        assert_eq!(m.body, "Acme\nHello");
    }

    #[test]
    fn html_entities_are_read_as_characters() {
        let raw = "From: a@b.c\r\nSubject: Hi\r\nContent-Type: text/html; charset=utf-8\r\n\r\n\
                   <p>We&rsquo;d like to invite you&hellip; &ldquo;Acme &amp; Co&rdquo;&nbsp;&mdash; &#8220;x&#x201D;</p>";
        let m = parse(raw.as_bytes()).unwrap();
        assert_eq!(
            m.body,
            "We\u{2019}d like to invite you\u{2026} \u{201c}Acme & Co\u{201d}\u{a0}\u{2014} \u{201c}x\u{201d}"
        );
    }
}
