//! Words learned from labelled mail: how often each word and pair of words of a
//! subject and a newest text came with each category in the corpus's read sets
//! (`learned_words.tsv`, written by `cargo run -p jobtrail-core --example learn_words`).
//!
//! The cues say what a phrase means; these counts say what mail worded like this one
//! usually was, and so reach wordings no cue lists. They add one signal among the
//! others, at most [`MAX_WEIGHT`], and name the words that weighed most.

use std::collections::{BTreeMap, HashMap};
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

/// Messages per category, and per word the messages of each category that held it.
struct Model {
    messages: [u32; 8],
    counts: HashMap<String, [u32; 8]>,
}

fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| parse(TABLE))
}

/// Reads the table; a line it cannot read is left out (the table is built, not typed).
fn parse(table: &str) -> Model {
    let mut messages = [0; 8];
    let mut counts = HashMap::new();
    for line in table.lines() {
        let Some((word, rest)) = line.split_once('\t') else {
            continue;
        };
        let mut n = [0u32; 8];
        let mut read = 0;
        for (slot, field) in n.iter_mut().zip(rest.split(' ')) {
            let Ok(v) = field.parse() else { break };
            *slot = v;
            read += 1;
        }
        if read != 8 {
            continue;
        }
        if word == "#messages" {
            messages = n;
        } else {
            counts.insert(word.to_owned(), n);
        }
    }
    Model { messages, counts }
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
    let mut pulls: Vec<(&str, [f64; 8])> = Vec::new();
    for w in words(subject, newest) {
        let Some((word, n)) = m.counts.get_key_value(&w) else {
            continue;
        };
        let ps: [f64; 8] = std::array::from_fn(|c| p(n[c], c));
        let mean = ps.iter().sum::<f64>() / 8.0;
        let pull: [f64; 8] = std::array::from_fn(|c| (ps[c] / mean).ln());
        for c in 0..8 {
            scores[c] += pull[c];
        }
        pulls.push((word.as_str(), pull));
    }
    if pulls.is_empty() {
        return None;
    }
    let best = (0..8).max_by(|&a, &b| scores[a].total_cmp(&scores[b]))?;
    let next = (0..8)
        .filter(|&c| c != best)
        .map(|c| scores[c])
        .fold(f64::NEG_INFINITY, f64::max);
    pulls.sort_by(|a, b| b.1[best].total_cmp(&a.1[best]).then(a.0.cmp(b.0)));
    Some(Learned {
        category: EmailCategory::ALL[best],
        margin: scores[best] - next,
        words: pulls
            .iter()
            .filter(|(_, pull)| pull[best] > 0.0)
            .take(3)
            .map(|(w, _)| (*w).to_owned())
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
        let t = table(mail.iter().copied());
        assert!(t.starts_with("#messages\t0 0 0 3 3 0 0 0\n"), "{t}");
        let m = parse(&t);
        assert_eq!(m.counts["not_to"], [0, 0, 0, 0, 3, 0, 0, 0]);
        // A line it cannot read is left out, not a panic.
        let m = parse("#messages\t1 2\nword\tx y\nok\t1 0 0 0 0 0 0 0\n");
        assert_eq!(m.messages, [0; 8]);
        assert_eq!(m.counts.len(), 1);
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
