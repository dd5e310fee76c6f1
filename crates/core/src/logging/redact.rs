//! Secrets never reach a log line: registered keys, bearer tokens and `sk-…` keys
//! are replaced by `[redacted]` in whatever is written.

use std::borrow::Cow;
use std::io::{self, Write};
use std::sync::{PoisonError, RwLock};

use tracing_subscriber::fmt::MakeWriter;

static SECRETS: RwLock<Vec<String>> = RwLock::new(Vec::new());

/// Shortest value [`register_secret`] takes: shorter ones would redact ordinary words.
const MIN_SECRET_LEN: usize = 8;

/// Marks `secret` as never to be logged: every line written from now on has it
/// replaced by `[redacted]`. Values shorter than 8 characters are ignored.
pub fn register_secret(secret: &str) {
    let secret = secret.trim();
    if secret.len() < MIN_SECRET_LEN {
        return;
    }
    let mut all = SECRETS.write().unwrap_or_else(PoisonError::into_inner);
    if !all.iter().any(|s| s == secret) {
        all.push(secret.to_owned());
    }
}

/// `text` with registered secrets, bearer tokens and `sk-…` keys replaced by
/// `[redacted]`.
pub fn redact(text: &str) -> Cow<'_, str> {
    let mut out = Cow::Borrowed(text);
    {
        let secrets = SECRETS.read().unwrap_or_else(PoisonError::into_inner);
        for s in secrets.iter() {
            if out.contains(s.as_str()) {
                out = Cow::Owned(out.replace(s.as_str(), "[redacted]"));
            }
        }
    }
    let token_char = |c: char| c.is_ascii_alphanumeric() || "-._~+/=".contains(c);
    if let Some(r) = mask_after(&out, "Bearer ", 8, token_char) {
        out = Cow::Owned(r);
    }
    let key_char = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '_';
    if let Some(r) = mask_after(&out, "sk-", 16, key_char) {
        out = Cow::Owned(r);
    }
    out
}

/// Replaces runs of at least `min` `allowed` characters following `marker` (at a
/// word start) with `[redacted]`; `None` when there is nothing to replace.
fn mask_after(
    text: &str,
    marker: &str,
    min: usize,
    allowed: impl Fn(char) -> bool,
) -> Option<String> {
    let mut out = String::new();
    let mut rest = text;
    let mut changed = false;
    while let Some(at) = rest.find(marker) {
        let after = &rest[at + marker.len()..];
        let run = after.find(|c: char| !allowed(c)).unwrap_or(after.len());
        let word_start = rest[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'));
        out.push_str(&rest[..at + marker.len()]);
        if word_start && run >= min {
            out.push_str("[redacted]");
            changed = true;
        } else {
            out.push_str(&after[..run]);
        }
        rest = &after[run..];
    }
    out.push_str(rest);
    changed.then_some(out)
}

/// A writer maker whose lines pass through [`redact`] before they are written.
#[derive(Debug, Clone)]
pub struct Redacting<M>(pub M);

impl<'a, M: MakeWriter<'a>> MakeWriter<'a> for Redacting<M> {
    type Writer = RedactingWriter<M::Writer>;

    fn make_writer(&'a self) -> Self::Writer {
        RedactingWriter {
            inner: self.0.make_writer(),
            buf: Vec::new(),
        }
    }

    fn make_writer_for(&'a self, meta: &tracing::Metadata<'_>) -> Self::Writer {
        RedactingWriter {
            inner: self.0.make_writer_for(meta),
            buf: Vec::new(),
        }
    }
}

/// Collects one formatted line, then writes it redacted (on flush or drop).
#[derive(Debug)]
pub struct RedactingWriter<W: Write> {
    inner: W,
    buf: Vec<u8>,
}

impl<W: Write> RedactingWriter<W> {
    fn write_out(&mut self) -> io::Result<()> {
        if self.buf.is_empty() {
            return Ok(());
        }
        let text = String::from_utf8_lossy(&self.buf);
        let result = self.inner.write_all(redact(&text).as_bytes());
        self.buf.clear();
        result
    }
}

impl<W: Write> Write for RedactingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.buf.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.write_out()?;
        self.inner.flush()
    }
}

impl<W: Write> Drop for RedactingWriter<W> {
    fn drop(&mut self) {
        let _ = self.write_out();
    }
}

// ---------------------------------------------------------------------------------
// Reading
