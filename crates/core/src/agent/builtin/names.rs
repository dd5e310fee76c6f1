//! Names as written: runs of capitalised words ("Lumen Grid", "Juniper & Vale
//! Insurance", "Ingeniero de Datos"), read forwards from where a phrase ends or
//! backwards from where one starts.

use super::text::capitalized;

/// Small words a name may hold between capitalised ones ("Bank of Leeds", "Harrow &
/// Pike", "Analista de Datos").
const CONNECTORS: &[&str] = &[
    "&", "and", "und", "y", "i", "e", "et", "ve", "og", "och", "of", "de", "du", "des", "la", "le",
    "van", "von", "der", "den", "di", "da", "do", "del", "dos", "das", "für",
    // "Conexión a Red", "Ligação à Rede", "Connessione alla Rete".
    "a", "à", "al", "alla", "ao",
];

/// A word of `text` with its byte range.
#[derive(Debug, Clone, Copy)]
struct Word<'a> {
    start: usize,
    end: usize,
    text: &'a str,
}

fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push(Word {
                    start: s,
                    end: i,
                    text: &text[s..i],
                });
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(Word {
            start: s,
            end: text.len(),
            text: &text[s..],
        });
    }
    out
}

/// Punctuation a name's word may end with: it ends the name there.
fn closing(c: char) -> bool {
    matches!(
        c,
        ',' | '.' | ';' | ':' | '!' | '?' | ')' | ']' | '"' | '\'' | '”' | '’' | '»' | '—' | '–'
    )
}

fn opening(c: char) -> bool {
    matches!(c, '(' | '[' | '"' | '\'' | '“' | '‘' | '«' | '¡' | '¿')
}

/// A word's core: leading quotes and brackets, trailing punctuation and a possessive
/// "'s" removed; and whether punctuation ended it.
fn core(word: &str) -> (&str, bool, bool) {
    let opened = word.starts_with(opening);
    let w = word.trim_start_matches(opening);
    let trimmed = w.trim_end_matches(closing);
    // "St. Rafael Medical Center": a saint's abbreviation goes on into the name.
    let closed = trimmed.len() < w.len() && !["St.", "Sta.", "Sto.", "Ste.", "Mt."].contains(&w);
    let trimmed = trimmed
        .strip_suffix("'s")
        .or_else(|| trimmed.strip_suffix("’s"))
        .unwrap_or(trimmed);
    (trimmed, opened, closed)
}

fn is_name_word(w: &str) -> bool {
    !w.is_empty()
        && !is_i(w)
        && (capitalized(w)
            || (w.chars().next().is_some_and(|c| c.is_ascii_digit())
                && w.chars().any(char::is_alphabetic)))
        && w.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '.' | '\'' | '’' | '/' | '+' | '#'))
        // "FP&A", "R&D": an ampersand inside a word joins its letters.
        || (w.len() > 2
            && capitalized(w)
            && !w.ends_with('&')
            && w.chars().all(|c| c.is_alphanumeric() || c == '&'))
}

/// Articles after a connector inside a name ("de la", "de los", "van der").
const ARTICLES: &[&str] = &["la", "las", "los", "le", "les", "der", "den", "het"];

/// `w` after an elided article ("l'Estuaire" → "Estuaire", "d'Ottawa" → "Ottawa"), when
/// it has one and something follows it.
pub(crate) fn after_elision(w: &str) -> Option<&str> {
    ["l'", "d'", "l’", "d’"]
        .iter()
        .find_map(|p| w.strip_prefix(p))
        .filter(|rest| !rest.is_empty())
}

/// A name word after an elided article: "l'Estuaire", "d'Ottawa".
fn elided_name(w: &str) -> bool {
    after_elision(w).is_some_and(|rest| rest.chars().count() >= 2 && is_name_word(rest))
}

/// "I'm", "I'll", "I've", "I'd": the writer, never part of a name.
fn is_i(w: &str) -> bool {
    w.len() > 2 && (w.starts_with("I'") || w.starts_with("I’"))
}

/// The run of capitalised words starting at the first word at or after byte `from`
/// (spaces skipped); none when that word is not capitalised.
pub(crate) fn run_at(text: &str, from: usize) -> Option<&str> {
    let rest = text.get(from..)?;
    // A name is a few words: read no further than a dozen.
    let rest = &rest[..head_end(rest, 12)];
    let ws = words(rest);
    let first = ws.first().map(|_| 0)?;
    run_from(rest, &ws, first, 8).map(|(s, e)| &rest[s..e])
}

fn run_from(text: &str, ws: &[Word<'_>], first: usize, max: usize) -> Option<(usize, usize)> {
    let (c, _, closed) = core(ws[first].text);
    if !is_name_word(c) || CONNECTORS.contains(&c) {
        return None;
    }
    let start = ws[first].start + ws[first].text.find(c).unwrap_or(0);
    let mut end = start + c.len();
    let mut n = 1;
    if closed {
        return Some((start, end));
    }
    let mut i = first + 1;
    while i < ws.len() && n < max {
        let (c, opened, closed) = core(ws[i].text);
        if opened || text[ws[i - 1].end..ws[i].start].contains('\n') {
            break;
        }
        if CONNECTORS.contains(&c) && !closed {
            // A connector counts only between two name words.
            let next = ws.get(i + 1).map(|w| core(w.text));
            // "Aldergrove and Thorne", not "Marquise Retail Group and I"; "CHU de
            // l'Estuaire".
            if next.is_some_and(|(n, o, _)| {
                !o && (is_name_word(n) || elided_name(n)) && !CONNECTORS.contains(&n) && n != "I"
            }) {
                i += 1;
                continue;
            }
            // "CISSS de la Côte-des-Érables", "Hospital de la Santa Creu": an article
            // after the connector.
            let after = ws.get(i + 2).map(|w| core(w.text));
            if next.is_some_and(|(n, o, closed)| !o && !closed && ARTICLES.contains(&n))
                && after.is_some_and(|(a, o, _)| !o && is_name_word(a) && !CONNECTORS.contains(&a))
                && !text[ws[i].end..ws[i + 2].start].contains('\n')
            {
                i += 2;
                continue;
            }
            break;
        }
        // "Staff Nurse Band 5": a pay band's number belongs to the band.
        let banded = c.chars().all(|ch| ch.is_ascii_digit())
            && (1..=2).contains(&c.len())
            && ["Band", "Grade"].contains(&core(ws[i - 1].text).0);
        let after_connector = CONNECTORS.contains(&core(ws[i - 1].text).0);
        if !(is_name_word(c) || banded || (after_connector && elided_name(c))) {
            break;
        }
        end = ws[i].start + ws[i].text.find(c).unwrap_or(0) + c.len();
        n += 1;
        if closed {
            break;
        }
        i += 1;
    }
    Some((start, end))
}

/// The run of capitalised words ending at the last word before byte `to` (spaces
/// skipped), at most `max` words; a run in brackets ("Maya Chen (Kestrel Payments)")
/// is read inside them.
pub(crate) fn run_before(text: &str, to: usize) -> Option<&str> {
    let head = text.get(..to)?;
    let text = &head[tail_start(head, 12)..];
    let to = text.len();
    let ws = words(text);
    let last = ws.len().checked_sub(1)?;
    let mut first = last;
    // Walk back while the words are name words (or connectors between them).
    loop {
        let (c, opened, _) = core(ws[first].text);
        let ok = is_name_word(c) || (CONNECTORS.contains(&c) && first != last);
        if !ok {
            first += 1;
            break;
        }
        if opened || first == 0 || last - first >= 6 {
            break;
        }
        let (prev, _, prev_closed) = core(ws[first - 1].text);
        let gap = &text[ws[first - 1].end..ws[first].start];
        if (prev_closed && !CONNECTORS.contains(&prev)) || gap.contains('\n') {
            break;
        }
        first -= 1;
    }
    if first > last {
        return None;
    }
    // Connectors cannot start a name.
    while first <= last && CONNECTORS.contains(&core(ws[first].text).0) {
        first += 1;
    }
    if first > last {
        return None;
    }
    let (s, e) = run_from(text, &ws, first, 8)?;
    let e = e.min(to);
    text.get(s..e).map(str::trim).filter(|s| !s.is_empty())
}

/// Where the first `n` words of `text` end.
fn head_end(text: &str, n: usize) -> usize {
    let mut seen = 0;
    let mut in_word = false;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if in_word {
                seen += 1;
                if seen == n {
                    return i;
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    text.len()
}

/// Where the last `n` words of `text` start.
fn tail_start(text: &str, n: usize) -> usize {
    let mut seen = 0;
    let mut in_word = false;
    for (i, c) in text.char_indices().rev() {
        if c.is_whitespace() {
            if in_word {
                seen += 1;
                if seen == n {
                    return i + c.len_utf8();
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    0
}

/// Every maximal run of capitalised words in `text`, with its byte offset.
pub(crate) fn runs(text: &str) -> Vec<(usize, &str)> {
    let ws = words(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < ws.len() {
        match run_from(text, &ws, i, 8) {
            Some((s, e)) => {
                out.push((s, &text[s..e]));
                // Skip the words the run covered.
                while i < ws.len() && ws[i].start < e {
                    i += 1;
                }
            }
            None => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_are_read_both_ways() {
        let t = "Thanks for applying to Juniper & Vale Insurance. Maya Chen (Kestrel Payments) has invited you";
        let i = t.find("to ").unwrap() + 3;
        assert_eq!(run_at(t, i), Some("Juniper & Vale Insurance"));
        let j = t.find(" has invited").unwrap();
        assert_eq!(run_before(t, j), Some("Kestrel Payments"));
        let k = t.find(" (Kestrel").unwrap();
        assert_eq!(run_before(t, k), Some("Maya Chen"));
        assert_eq!(
            run_at("the Halcyon Bank's engineers", 4),
            Some("Halcyon Bank")
        );
        assert_eq!(
            run_at("Ingeniero de Datos en Cobalto", 0),
            Some("Ingeniero de Datos")
        );
        assert_eq!(run_at("lowercase words", 0), None);
        assert_eq!(run_at("our FP&A Manager role", 4), Some("FP&A Manager"));
        assert_eq!(
            run_at("Responsabile Pianificazione e Controllo presso", 0),
            Some("Responsabile Pianificazione e Controllo")
        );
        assert_eq!(run_at("R& D", 0), None);
        let all: Vec<&str> = runs("Hi Alex, the Lumen Grid team and Oskar Lind.")
            .into_iter()
            .map(|r| r.1)
            .collect();
        assert_eq!(all, ["Hi Alex", "Lumen Grid", "Oskar Lind"]);
    }
}
