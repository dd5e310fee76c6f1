//! Number formatting shared by the bench programs.

use std::time::Duration;

/// 12345 → `12,345`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (k, ch) in digits.chars().enumerate() {
        if k > 0 && (digits.len() - k).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// `n` events in `elapsed` as a whole rate per second.
pub fn per_second(n: usize, elapsed: Duration) -> usize {
    (n as f64 / elapsed.as_secs_f64()).round() as usize
}
