//! Small text helpers shared by the core, the CLI and the app.

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
