//! Words learned from labelled mail: how often each word and pair of words of a
//! subject and a newest text came with each category in the corpus's read sets
//! (`learned_words.tsv`, written by `cargo run -p jobtrail-core --example learn_words`).
//!
//! The cues say what a phrase means; these counts say what mail worded like this one
//! usually was, and so reach wordings no cue lists. They add one signal among the
//! others, at most [`MAX_WEIGHT`], and name the words that weighed most.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use super::EmailCategory;
use super::text::fold;

/// The counts, as the example writes them.
const TABLE: &str = include_str!("learned_words.tsv");

/// The most the learned signal adds to a category: as much as one strong cue.
pub(crate) const MAX_WEIGHT: f64 = 4.0;

/// How sure the counts are, 0 to 1, from their margin: nothing below 10 (read on sets
/// the table was not counted from, fewer than half of such readings were right), all
/// from 20 (96 % right).
pub(crate) fn sureness(margin: f64) -> f64 {
    ((margin - 10.0) / 10.0).clamp(0.0, 1.0)
}

/// Words seen in fewer messages than this are not kept: they say more of one writer
/// than of a category.
const MIN_MESSAGES: u32 = 3;

/// Smoothing of each count (a word never seen with a category is not impossible).
const ALPHA: f64 = 0.5;

/// What the words of one message read like.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Learned {
    pub category: EmailCategory,
    /// How much more the words weigh for it than for the next category (natural log
    /// of the odds): below 10 the counts are often wrong, above 20 rarely.
    pub margin: f64,
    /// The words that weighed most for it, as written in the table ("thank_you").
    pub words: Vec<String>,
}

/// Messages per category, and where each word's line starts in the table (sorted by
/// word, as [`table`] writes it): a word is found by binary search in the table itself,
/// so the counts take no memory beyond the program's own pages and this index.
struct Model {
    table: &'static str,
    messages: [u32; 8],
    lines: Vec<u32>,
}

impl Model {
    /// The counts of `word`, if the table holds it.
    fn counts(&self, word: &str) -> Option<[u32; 8]> {
        let at = self
            .lines
            .binary_search_by(|&start| line_word(self.table, start).cmp(word))
            .ok()?;
        let start = self.lines[at] as usize;
        let line = self.table[start..].lines().next()?;
        counts_of(line.split_once('\t')?.1)
    }
}

fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| parse(TABLE))
}

/// The word of the line starting at byte `start` of `table`.
fn line_word(table: &str, start: u32) -> &str {
    let rest = &table[start as usize..];
    rest.split(['\t', '\n']).next().unwrap_or_default()
}

/// Eight counts separated by spaces; none when the field holds anything else.
fn counts_of(field: &str) -> Option<[u32; 8]> {
    let mut n = [0u32; 8];
    let mut fields = field.split(' ');
    for slot in &mut n {
        *slot = fields.next()?.parse().ok()?;
    }
    fields.next().is_none().then_some(n)
}

/// Reads the table's index; a line it cannot read, or out of order, is left out (the
/// table is built, not typed).
fn parse(table: &'static str) -> Model {
    let mut messages = [0; 8];
    let mut lines: Vec<u32> = Vec::new();
    let mut start = 0usize;
    for line in table.split_inclusive('\n') {
        let here = start;
        start += line.len();
        let Some((word, rest)) = line.trim_end_matches('\n').split_once('\t') else {
            continue;
        };
        let (Some(n), Ok(at)) = (counts_of(rest), u32::try_from(here)) else {
            continue;
        };
        if word == "#messages" {
            messages = n;
        } else if lines
            .last()
            .is_none_or(|&prev| line_word(table, prev) < word)
        {
            lines.push(at);
        }
    }
    Model {
        table,
        messages,
        lines,
    }
}

/// The words of a message as the table counts them: folded words of the subject
/// (marked `s:`) and of the newest text, each alone and with the next, numbers as `#`.
pub(crate) fn words(subject: &str, newest: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (text, mark) in [(subject, "s:"), (newest, "")] {
        let folded = fold(text);
        let plain: Vec<String> = folded
            .split(|c: char| !(c.is_alphanumeric() || c == '\''))
            .map(|w| w.trim_matches('\''))
            .filter(|w| !w.is_empty())
            .map(|w| {
                if w.chars().any(|c| c.is_ascii_digit()) {
                    "#".to_owned()
                } else {
                    w.to_owned()
                }
            })
            .collect();
        for (i, w) in plain.iter().enumerate() {
            out.push(format!("{mark}{w}"));
            if let Some(next) = plain.get(i + 1) {
                out.push(format!("{mark}{w}_{next}"));
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// What the words of `subject` and `newest` read like; none when the table is empty
/// or no word of the message is in it.
pub(crate) fn read(subject: &str, newest: &str) -> Option<Learned> {
    let m = model();
    let total: u32 = m.messages.iter().sum();
    if total == 0 {
        return None;
    }
    let p = |n: u32, c: usize| (f64::from(n) + ALPHA) / (f64::from(m.messages[c]) + 2.0 * ALPHA);
    let mut scores: [f64; 8] =
        std::array::from_fn(|c| (f64::from(m.messages[c].max(1)) / f64::from(total)).ln());
    // Each word's pull towards each category, against its mean over all of them.
    let mut pulls: Vec<(String, [f64; 8])> = Vec::new();
    for w in words(subject, newest) {
        let Some(n) = m.counts(&w) else {
            continue;
        };
        let ps: [f64; 8] = std::array::from_fn(|c| p(n[c], c));
        let mean = ps.iter().sum::<f64>() / 8.0;
        let pull: [f64; 8] = std::array::from_fn(|c| (ps[c] / mean).ln());
        for c in 0..8 {
            scores[c] += pull[c];
        }
        pulls.push((w, pull));
    }
    if pulls.is_empty() {
        return None;
    }
    let best = (0..8).max_by(|&a, &b| scores[a].total_cmp(&scores[b]))?;
    let next = (0..8)
        .filter(|&c| c != best)
        .map(|c| scores[c])
        .fold(f64::NEG_INFINITY, f64::max);
    pulls.sort_by(|a, b| b.1[best].total_cmp(&a.1[best]).then(a.0.cmp(&b.0)));
    Some(Learned {
        category: EmailCategory::ALL[best],
        margin: scores[best] - next,
        words: pulls
            .iter()
            .filter(|(_, pull)| pull[best] > 0.0)
            .take(3)
            .map(|(w, _)| w.clone())
            .collect(),
    })
}

/// The table for `messages` (category, subject, newest text): the messages per
/// category, then each word held by [`MIN_MESSAGES`] messages or more with its count
/// per category, in [`EmailCategory::ALL`] order, sorted by word.
pub(crate) fn table<'a>(
    messages: impl IntoIterator<Item = (EmailCategory, &'a str, &'a str)>,
) -> String {
    let index = |c: EmailCategory| EmailCategory::ALL.iter().position(|k| *k == c).unwrap_or(7);
    let mut per_category = [0u32; 8];
    let mut counts: BTreeMap<String, [u32; 8]> = BTreeMap::new();
    for (category, subject, newest) in messages {
        let c = index(category);
        per_category[c] += 1;
        for w in words(subject, newest) {
            counts.entry(w).or_insert([0; 8])[c] += 1;
        }
    }
    let line = |n: &[u32; 8]| n.iter().map(u32::to_string).collect::<Vec<_>>().join(" ");
    let mut out = format!("#messages\t{}\n", line(&per_category));
    for (word, n) in &counts {
        if n.iter().sum::<u32>() >= MIN_MESSAGES {
            out.push_str(&format!("{word}\t{}\n", line(n)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_folded_paired_and_marked_by_place() {
        let w = words("Re: Offer", "Wir freuen uns, 2026!");
        for want in ["s:re", "s:re_offer", "s:offer", "wir_freuen", "uns_#", "#"] {
            assert!(w.contains(&want.to_owned()), "{want} in {w:?}");
        }
    }

    #[test]
    fn a_table_built_from_messages_reads_them_back() {
        use EmailCategory::*;
        let mut mail = Vec::new();
        for _ in 0..3 {
            mail.push((Rejection, "Update", "we have decided not to proceed"));
            mail.push((Offer, "Offer", "we are delighted to offer you the role"));
        }
        let t: &'static str = Box::leak(table(mail.iter().copied()).into_boxed_str());
        assert!(t.starts_with("#messages\t0 0 0 3 3 0 0 0\n"), "{t}");
        let m = parse(t);
        assert_eq!(m.counts("not_to"), Some([0, 0, 0, 0, 3, 0, 0, 0]));
        assert_eq!(m.counts("not_there"), None);
        // A line it cannot read, or out of order, is left out, not a panic.
        let m = parse("#messages\t1 2\nword\tx y\nok\t1 0 0 0 0 0 0 0\nab\t1 1 1 1 1 1 1 1\n");
        assert_eq!(m.messages, [0; 8]);
        assert_eq!(m.lines.len(), 1);
        assert_eq!(m.counts("ok"), Some([1, 0, 0, 0, 0, 0, 0, 0]));
        assert_eq!(m.counts("ab"), None);
    }

    #[test]
    fn the_shipped_table_reads_plain_mail() {
        let l = read(
            "Your application",
            "Unfortunately we have decided to move forward with other candidates.",
        )
        .expect("the table knows these words");
        assert_eq!(l.category, EmailCategory::Rejection, "{l:?}");
        assert!(l.margin > 0.0, "{l:?}");
        assert!(!l.words.is_empty());
        assert_eq!(read("", "zzqx qqzx"), None);
    }
}
