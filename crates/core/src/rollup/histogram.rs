//! A latency histogram with logarithmic bins: mergeable, small, and accurate to a
//! few percent at any percentile, so rollups answer p50/p95/p99 without raw rows.

/// Growth factor between bin edges: a percentile is within ±5 % of the true value.
const GROWTH: f64 = 1.1;
/// Bins: 1 µs up to about 2.3 hours (1.1^225 µs); longer runs land in the last bin.
pub const BINS: usize = 226;

/// Counts of durations per logarithmic bin.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Histogram {
    counts: Vec<u64>,
}

impl Default for Histogram {
    fn default() -> Self {
        Self {
            counts: vec![0; BINS],
        }
    }
}

fn bin_of(duration_us: i64) -> usize {
    if duration_us <= 1 {
        return 0;
    }
    let b = ((duration_us as f64).ln() / GROWTH.ln()).floor() as usize + 1;
    b.min(BINS - 1)
}

/// The value a bin stands for: the geometric middle of its edges.
fn value_of(bin: usize) -> f64 {
    if bin == 0 {
        return 1.0;
    }
    GROWTH.powf(bin as f64 - 0.5)
}

impl Histogram {
    /// Counts one duration.
    pub fn record(&mut self, duration_us: i64) {
        self.counts[bin_of(duration_us)] += 1;
    }

    /// Adds another histogram's counts.
    pub fn merge(&mut self, other: &Histogram) {
        for (a, b) in self.counts.iter_mut().zip(&other.counts) {
            *a += b;
        }
    }

    /// How many durations it holds.
    pub fn count(&self) -> u64 {
        self.counts.iter().sum()
    }

    /// The `q`-quantile (0–1) in µs, clamped to `max_us` (the true maximum, kept
    /// beside the histogram); `None` when empty.
    pub fn quantile(&self, q: f64, max_us: i64) -> Option<f64> {
        let total = self.count();
        if total == 0 {
            return None;
        }
        if q >= 1.0 {
            return Some(max_us as f64);
        }
        // Nearest rank: the smallest value with at least q·n values at or below it.
        let rank = ((q.clamp(0.0, 1.0) * total as f64).ceil() as u64).max(1);
        let mut seen = 0;
        for (bin, &c) in self.counts.iter().enumerate() {
            seen += c;
            if seen >= rank {
                return Some(value_of(bin).min(max_us as f64));
            }
        }
        Some(max_us as f64)
    }

    /// Counts in coarser bins of `step` fine bins each (step 7 ≈ doubling), from the
    /// first non-empty bin to the last: `(upper edge µs, count)`. Empty: no bins.
    pub fn coarse(&self, step: usize) -> Vec<(f64, u64)> {
        let step = step.max(1);
        let (Some(first), Some(last)) = (
            self.counts.iter().position(|&c| c > 0),
            self.counts.iter().rposition(|&c| c > 0),
        ) else {
            return Vec::new();
        };
        let start = first / step * step;
        (start..=last)
            .step_by(step)
            .map(|lo| {
                let hi = (lo + step).min(BINS);
                let count = self.counts[lo..hi].iter().sum();
                // Bin b holds durations below GROWTH^b µs.
                (GROWTH.powi(hi as i32 - 1).max(1.0), count)
            })
            .collect()
    }

    /// Compact bytes for SQLite: (bin: u8, count: varint) for each non-empty bin.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        for (bin, &c) in self.counts.iter().enumerate() {
            if c == 0 {
                continue;
            }
            out.push(u8::try_from(bin).unwrap_or(u8::MAX));
            let mut v = c;
            loop {
                let byte = (v & 0x7f) as u8;
                v >>= 7;
                if v == 0 {
                    out.push(byte);
                    break;
                }
                out.push(byte | 0x80);
            }
        }
        out
    }

    /// Reads [`to_bytes`](Self::to_bytes); malformed bytes give `None`.
    pub fn from_bytes(bytes: &[u8]) -> Option<Self> {
        let mut h = Histogram::default();
        let mut i = 0;
        while i < bytes.len() {
            let bin = usize::from(bytes[i]);
            i += 1;
            let mut v: u64 = 0;
            let mut shift = 0;
            loop {
                let byte = *bytes.get(i)?;
                i += 1;
                v |= u64::from(byte & 0x7f).checked_shl(shift)?;
                if byte & 0x80 == 0 {
                    break;
                }
                shift += 7;
                if shift > 63 {
                    return None;
                }
            }
            *h.counts.get_mut(bin)? += v;
        }
        Some(h)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantiles_are_within_five_percent() {
        let mut h = Histogram::default();
        let mut all: Vec<i64> = (1..=10_000).map(|i| i * 37 % 9_973 * 100 + 50).collect();
        for &d in &all {
            h.record(d);
        }
        all.sort_unstable();
        let max = *all.last().unwrap();
        for q in [0.5, 0.95, 0.99] {
            let exact = all[((q * all.len() as f64).ceil() as usize).max(1) - 1] as f64;
            let approx = h.quantile(q, max).unwrap();
            assert!(
                (approx - exact).abs() / exact < 0.05,
                "q{q}: {approx} vs {exact}"
            );
        }
        assert_eq!(
            h.quantile(1.0, max).unwrap(),
            max as f64,
            "never above the true max"
        );
        assert_eq!(Histogram::default().quantile(0.5, 0), None);
    }

    #[test]
    fn bytes_round_trip_and_garbage_is_refused() {
        let mut h = Histogram::default();
        for d in [0, 1, 5, 1_000, 1_000, 300_000_000, i64::MAX] {
            h.record(d);
        }
        for _ in 0..200 {
            h.record(70);
        }
        let bytes = h.to_bytes();
        assert_eq!(Histogram::from_bytes(&bytes), Some(h.clone()));
        let mut merged = h.clone();
        merged.merge(&h);
        assert_eq!(merged.count(), 2 * h.count());
        assert_eq!(Histogram::from_bytes(&[5]), None, "a bin without a count");
        assert_eq!(Histogram::from_bytes(&[250, 1]), None, "a bin out of range");
        assert_eq!(
            Histogram::from_bytes(&[
                1, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff
            ]),
            None
        );
    }
}
