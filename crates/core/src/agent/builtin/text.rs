//! Text as the rules read it: folded (lowercase, accents and typographic quotes
//! dropped, so "Bewerbung" matches "bewerbung" and "reçu" matches "recu") while every
//! position still maps back to the text as written, for names and roles.

/// `original` folded, with a map from each folded byte back to the original.
pub(crate) struct Folded<'a> {
    /// The text as written.
    pub original: &'a str,
    /// The folded text.
    pub text: String,
    /// For each byte of `text`, the offset of the original character it came from.
    map: Vec<usize>,
}

impl<'a> Folded<'a> {
    pub fn new(original: &'a str) -> Self {
        let mut text = String::with_capacity(original.len());
        let mut map = Vec::with_capacity(original.len());
        let mut buf = String::new();
        for (i, c) in original.char_indices() {
            buf.clear();
            fold_char(c, &mut buf);
            text.push_str(&buf);
            map.extend(std::iter::repeat_n(i, buf.len()));
        }
        Folded {
            original,
            text,
            map,
        }
    }

    /// The original text behind folded bytes `start..end`.
    pub fn slice(&self, start: usize, end: usize) -> &'a str {
        let from = self.map.get(start).copied().unwrap_or(self.original.len());
        let to = self.map.get(end).copied().unwrap_or(self.original.len());
        self.original.get(from..to.max(from)).unwrap_or_default()
    }

    /// The offsets where `needle` (folded) starts a word.
    pub fn word_starts<'n>(&'n self, needle: &'n str) -> impl Iterator<Item = usize> + 'n {
        word_starts(&self.text, needle)
    }
}

/// `s` folded: lowercase, Latin and Greek accents dropped, typographic quotes and dashes made
/// plain, non-breaking spaces made spaces.
pub(crate) fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        fold_char(c, &mut out);
    }
    out
}

/// The plain letter of each character from U+0100 to U+017F.
const LATIN_EXTENDED_A: &str = "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkkllllllllllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/// The plain letter of each character from U+1E00 to U+1EFF (Vietnamese's letters
/// with two marks, Welsh "ŵ"-like forms), "?" where there is none.
const LATIN_EXTENDED_ADDITIONAL: &str = "aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmmmmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvvwwwwwwwwwwxxxxyyzzzzzzhtwy??????aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy??????";

fn fold_char(c: char, out: &mut String) {
    let plain = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => 'a',
        'ç' | 'Ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
        'ñ' | 'Ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
        'ý' | 'ÿ' | 'Ý' => 'y',
        // Romanian's comma-below letters, outside Latin Extended-A.
        'ș' | 'Ș' => 's',
        'ț' | 'Ț' => 't',
        '’' | '‘' | '´' | '`' => '\'',
        '“' | '”' | '„' | '«' | '»' => '"',
        '–' | '—' | '‐' | '‑' => '-',
        '\u{a0}' | '\u{202f}' | '\t' => ' ',
        'ß' => {
            out.push_str("ss");
            return;
        }
        'æ' | 'Æ' => {
            out.push_str("ae");
            return;
        }
        'œ' | 'Œ' => {
            out.push_str("oe");
            return;
        }
        c if c.is_ascii() => c.to_ascii_lowercase(),
        // Latin Extended-A (Polish, Czech, Hungarian, Turkish, Baltic names):
        // "Wiśniewska" is `wisniewska`, as its writer's address spells it.
        // Arabic as its writers vary it: the hamza's seats are a plain alef, a final
        // "ى" a "ي"; short-vowel marks and the stretching tatweel are dropped.
        'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
        'ى' => 'ي',
        '\u{640}' | '\u{64b}'..='\u{652}' | '\u{670}' => return,
        // Vietnamese: its horned "ơ" and "ư"; its letters with a tone mark too (below);
        // marks written apart from their letter are dropped.
        'ơ' | 'Ơ' => 'o',
        'ư' | 'Ư' => 'u',
        '\u{300}'..='\u{36f}' => return,
        c @ '\u{1e00}'..='\u{1eff}' => match LATIN_EXTENDED_ADDITIONAL
            .as_bytes()
            .get(c as usize - 0x1e00)
        {
            Some(b) if *b != b'?' => char::from(*b),
            _ => {
                out.extend(c.to_lowercase());
                return;
            }
        },
        c @ '\u{100}'..='\u{17f}' => LATIN_EXTENDED_A
            .as_bytes()
            .get(c as usize - 0x100)
            .map_or('?', |b| char::from(*b)),
        c => {
            out.extend(c.to_lowercase().map(greek_plain));
            return;
        }
    };
    out.push(plain);
}

/// A lower-case Greek letter without its accent or diaeresis: capitals drop the
/// accent ("ΣΥΝΕΝΤΕΥΞΗ"), and mail is written both ways.
fn greek_plain(c: char) -> char {
    match c {
        'ά' => 'α',
        'έ' => 'ε',
        'ή' => 'η',
        'ί' | 'ϊ' | 'ΐ' => 'ι',
        'ό' => 'ο',
        'ύ' | 'ϋ' | 'ΰ' => 'υ',
        'ώ' => 'ω',
        c => c,
    }
}

/// Whether byte `i` of `text` starts a word. Chinese and Japanese write no spaces:
/// any ideograph or kana may start one ("您的申请" holds "申请").
pub(crate) fn starts_word(text: &str, i: usize) -> bool {
    text.get(i..)
        .and_then(|at| at.chars().next())
        .is_some_and(is_unspaced)
        || text
            .get(..i)
            .and_then(|before| before.chars().next_back())
            .is_none_or(|c| !c.is_alphanumeric())
}

/// Whether `c` is katakana (with its long-vowel mark and middle dot).
pub(crate) fn is_katakana(c: char) -> bool {
    matches!(c, '\u{30a0}'..='\u{30ff}')
}

/// Whether `c` is a kanji or katakana: a Japanese word's letters, as against the
/// hiragana of its endings and particles.
pub(crate) fn is_kanji_or_katakana(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}') || is_katakana(c)
}

/// Whether `c` is a CJK ideograph or a Japanese kana: scripts written without spaces
/// between words.
fn is_unspaced(c: char) -> bool {
    matches!(c, '\u{4e00}'..='\u{9fff}' | '\u{3400}'..='\u{4dbf}' | '\u{3040}'..='\u{30ff}')
}

/// The offsets in `text` where `needle` starts a word (a needle that does not start
/// with a letter or digit matches anywhere).
pub(crate) fn word_starts<'t>(text: &'t str, needle: &'t str) -> impl Iterator<Item = usize> + 't {
    let anywhere = !needle.starts_with(char::is_alphanumeric);
    text.match_indices(needle)
        .map(|(i, _)| i)
        .filter(move |&i| anywhere || starts_word(text, i))
}

/// Whether `needle` starts a word somewhere in `text`.
pub(crate) fn has(text: &str, needle: &str) -> bool {
    word_starts(text, needle).next().is_some()
}

/// The lines of `text` that hold something, trimmed.
pub(crate) fn filled_lines(text: &str) -> Vec<&str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect()
}

/// Letters and digits only, folded: "Lumen Grid" and "lumen-grid" are both `lumengrid`.
pub(crate) fn squash(s: &str) -> String {
    fold(s).chars().filter(|c| c.is_alphanumeric()).collect()
}

/// `s` folded and, where it is written in Greek letters, spelt in Latin ones as Greek
/// names are in web addresses ("Ξενοδοχεία Αρχιπέλαγος" → "xenodocheia archipelagos").
pub(crate) fn latin(s: &str) -> String {
    const PAIRS: &[(&str, &str)] = &[
        ("ου", "ou"),
        ("αι", "ai"),
        ("ει", "ei"),
        ("οι", "oi"),
        ("μπ", "mp"),
        ("ντ", "nt"),
        ("γκ", "gk"),
        ("γγ", "ng"),
        ("αυ", "av"),
        ("ευ", "ev"),
        ("θ", "th"),
        ("χ", "ch"),
        ("ψ", "ps"),
    ];
    const LETTERS: &[(char, char)] = &[
        ('α', 'a'),
        ('β', 'v'),
        ('γ', 'g'),
        ('δ', 'd'),
        ('ε', 'e'),
        ('ζ', 'z'),
        ('η', 'i'),
        ('ι', 'i'),
        ('κ', 'k'),
        ('λ', 'l'),
        ('μ', 'm'),
        ('ν', 'n'),
        ('ξ', 'x'),
        ('ο', 'o'),
        ('π', 'p'),
        ('ρ', 'r'),
        ('σ', 's'),
        ('ς', 's'),
        ('τ', 't'),
        ('υ', 'y'),
        ('φ', 'f'),
        ('ω', 'o'),
    ];
    let folded = fold(s);
    if folded.is_ascii() {
        return folded;
    }
    let mut out = String::with_capacity(folded.len());
    let mut rest = folded.as_str();
    while let Some(c) = rest.chars().next() {
        if let Some((greek, plain)) = PAIRS.iter().find(|(g, _)| rest.starts_with(g)) {
            out.push_str(plain);
            rest = &rest[greek.len()..];
            continue;
        }
        out.push(LETTERS.iter().find(|(g, _)| *g == c).map_or(c, |(_, p)| *p));
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// `word` with its first letter a capital ("backend-utvikler" → "Backend-utvikler").
pub(crate) fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|f| f.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Whether `word` is written with a capital (or is an acronym or starts with a digit
/// followed by capitals, like "3D").
pub(crate) fn capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
        || (word.chars().any(char::is_uppercase)
            && word
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit() || c == 'i' || c == 'e'))
}

/// `text` without the feminine endings glued to a title's words: "Ingénieur(e)
/// solutions", "Chargé(e) de comptes", "Ingeniero(a)".
pub(crate) fn without_gender_endings(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('(') {
        let after = &rest[i + 1..];
        let glued = rest[..i]
            .chars()
            .next_back()
            .is_some_and(char::is_alphabetic);
        let ending = after
            .split_once(')')
            .map(|(inner, _)| inner)
            .filter(|inner| ["e", "a", "ne", "es", "as", "in"].contains(inner));
        out.push_str(&rest[..i]);
        match ending {
            Some(inner) if glued => rest = &after[inner.len() + 1..],
            _ => {
                out.push('(');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_keeps_a_map_to_the_original() {
        let f = Folded::new("Développeur Straße – Ünïcode");
        assert_eq!(f.text, "developpeur strasse - unicode");
        let i = f.text.find("strasse").unwrap();
        assert_eq!(f.slice(i, i + "strasse".len()), "Straße");
        let j = f.text.find("unicode").unwrap();
        assert_eq!(f.slice(j, f.text.len()), "Ünïcode");
        assert_eq!(f.slice(0, 11), "Développeur");
        let g = Folded::new("Πρόσκληση σε ΣΥΝΈΝΤΕΥΞΗ");
        assert_eq!(g.text, "προσκληση σε συνεντευξη");
        let k = g.text.find("συνεντευξη").unwrap();
        assert_eq!(g.slice(k, g.text.len()), "ΣΥΝΈΝΤΕΥΞΗ");
        assert_eq!(latin("Ξενοδοχεία Αρχιπέλαγος"), "xenodocheia archipelagos");
        assert_eq!(latin("Ελαιώνας Villas"), "elaionas villas");
    }

    #[test]
    fn vietnamese_and_turkish_fold_to_their_plain_letters() {
        // Composed, and with its marks written apart (NFD) as some mailers send it.
        let f = Folded::new("Thư mời PHỎNG VẤN – Công ty Đông Á");
        assert_eq!(f.text, "thu moi phong van - cong ty dong a");
        let i = f.text.find("phong van").unwrap();
        assert_eq!(f.slice(i, i + "phong van".len()), "PHỎNG VẤN");
        assert_eq!(fold("ứng tuyển"), "ung tuyen");
        assert_eq!(fold("u\u{301}ng tuye\u{302}\u{309}n"), "ung tuyen");
        assert_eq!(
            fold("Başvurunuz alındı, İstanbul"),
            "basvurunuz alindi, istanbul"
        );
    }

    #[test]
    fn japanese_words_start_anywhere() {
        assert!(has("このたびはご応募いただき", "応募"));
        assert!(has("書類選考の結果", "選考"));
        assert!(has("データサイエンティスト", "サイエンティスト"));
    }

    #[test]
    fn words_match_at_their_start_only() {
        assert!(has("price controle", "control"));
        assert!(!has("price controle", "role"));
        assert!(has("50% off", "% off"));
        assert_eq!(squash("Lumen-Grid GmbH"), "lumengridgmbh");
        assert!(capitalized("iOS") && capitalized("Data") && !capitalized("data"));
    }
}
