//! Small text helpers shared by the core, the CLI and the app: checking what people
//! (and models) type, and shortening text for one-line displays.

use crate::error::{Error, Result};

/// `raw` trimmed, if it is one line of at most `max` characters (it may be empty).
pub(crate) fn one_line(field: &'static str, raw: &str, max: usize) -> Result<String> {
    let s = raw.trim();
    if s.chars().count() > max {
        return Err(Error::invalid(
            field,
            format!("is longer than {max} characters"),
        ));
    }
    if s.chars().any(char::is_control) {
        return Err(Error::invalid(
            field,
            "must be a single line without control characters",
        ));
    }
    Ok(s.to_owned())
}

/// `raw` trimmed, if it has at most `max` characters and no control characters
/// besides line breaks and tabs.
pub(crate) fn text_block(field: &'static str, raw: &str, max: usize) -> Result<String> {
    let s = raw.trim();
    if s.chars().count() > max {
        return Err(Error::invalid(
            field,
            format!("is longer than {max} characters"),
        ));
    }
    if s.chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(Error::invalid(field, "contains control characters"));
    }
    Ok(s.to_owned())
}

/// `s` on one line (control characters, including terminal escapes, become spaces),
/// at most `max` characters, with `…` when shortened.
pub fn clip_line(s: &str, max: usize) -> String {
    let one_line = s.chars().map(|c| if c.is_control() { ' ' } else { c });
    if s.chars().count() <= max {
        return one_line.collect();
    }
    let mut out: String = one_line.take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::clip_line;

    #[test]
    fn one_line_and_bounded() {
        assert_eq!(clip_line("a\nb\u{1b}[31m", 10), "a b [31m");
        assert_eq!(clip_line("abcdef", 4), "abc…");
        assert_eq!(clip_line("héllo", 5), "héllo");
    }
}
