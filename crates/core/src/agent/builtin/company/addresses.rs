//! A person's own address in a message: how a signing service shows whom it sends for
//! ("Mirthe Bakker" over `mirthe@parcelwise.nl`), and the employer's domain it gives.

use super::super::people::spells;
use super::super::relays::Sender;
use super::super::text::squash;

/// The addresses written in `text`, without the brackets or punctuation around them.
fn addresses(text: &str) -> impl Iterator<Item = &str> {
    text.split_whitespace()
        .map(|t| t.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|t| t.contains('@'))
}

/// Whether the local part of an address names the person whose name's words are
/// `words` (folded or not): every word ("mira.castell" for "Mira Castell"), or the
/// initial and the surname ("d.koutsouri" for "Dimitra Koutsouri").
fn names(local: &str, words: &[&str]) -> bool {
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    let (first, last) = (squash(first), squash(last));
    let squashed = squash(local);
    spells(local, &words.join(" "))
        || (words.len() >= 2
            && last.len() >= 4
            && first
                .chars()
                .next()
                .is_some_and(|c| squashed.starts_with(c))
            && squashed.ends_with(&last))
}

/// Whether the text gives an address for the person `name` ("Mira Castell" over
/// `mira.castell@halvardfinch.com`, as a signing service shows its sender): an address
/// that names both of their words of three letters or more, or, on the line under
/// the name, their first name alone.
pub(super) fn addressed_in(text: &str, name: &str) -> bool {
    let words: Vec<&str> = name
        .split_whitespace()
        .filter(|w| squash(w).len() >= 3)
        .collect();
    if words.len() < 2 {
        return false;
    }
    let first = squash(words[0]);
    addresses(text)
        .filter_map(|a| a.split_once('@'))
        .any(|(local, _)| names(local, &words))
        || text
            .lines()
            .map(str::trim)
            .collect::<Vec<_>>()
            .windows(2)
            .any(|w| {
                w[0] == name.trim()
                    && !w[1].contains(' ')
                    && w[1]
                        .split_once('@')
                        .is_some_and(|(local, _)| squash(local) == first)
            })
}

/// The domain label of the address a signing service gives for its sender `person`
/// ("havenlijn" for `marloes.timmer@havenlijn.nl` under "Marloes Timmer"), read as a
/// sender's domain is (`mail.havenlijn.co.uk` is Havenlijn's too).
pub(super) fn signer_domain(text: &str, person: &str) -> Option<String> {
    let words: Vec<&str> = person.split_whitespace().collect();
    let first = squash(words.first()?);
    let address = addresses(text).find(|a| {
        a.split_once('@')
            .is_some_and(|(local, _)| squash(local) == first || names(local, &words))
    })?;
    Sender::read(address)
        .domain_label()
        .map(squash)
        .filter(|l| l.len() >= 3)
}
