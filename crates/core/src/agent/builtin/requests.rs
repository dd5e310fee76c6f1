//! Requests for action worded without a stock phrase: a polite opener shortly before
//! a verb of sending or doing ("could you fill in the form", "please share your
//! passport", "könnten Sie uns … senden", "kun je … invullen", "potresti inviarci").
//! Requests to pick a time or take a test belong to interviews and assessments, not
//! here.

use super::text::fold;

/// Polite openers, folded.
const OPENERS: &[&str] = &[
    "could you",
    "can you",
    "would you",
    "please",
    "kindly",
    "would you mind",
    "konnten sie",
    "konnen sie",
    "kannst du",
    "bitte",
    "pourriez-vous",
    "pouvez-vous",
    "merci de",
    "peux-tu",
    "podrias",
    "puedes",
    "podria",
    "por favor",
    "kun je",
    "kunt u",
    "wil je",
    "wilt u",
    "zou je",
    "graag",
    "potresti",
    "puoi",
    "potrebbe",
    "puo",
    "per favore",
    "poderia",
    "pode",
    "podes",
    "por favor",
    "consegues",
    "consegue",
    "mag ik",
    "kan je",
    "kannst du",
    "pouvez",
    "pourrais-tu",
];

/// Verbs of sending or doing (stems, folded).
const ACTIONS: &[&str] = &[
    "send",
    "share",
    "fill",
    "complete",
    "upload",
    "provide",
    "confirm",
    "sign",
    "return",
    "forward",
    "answer",
    "submit",
    "let me know your",
    "let us know your",
    "senden",
    "schicken",
    "zusenden",
    "ausfull",
    "hochlad",
    "bestatig",
    "mitteil",
    "envoy",
    "transmet",
    "rempli",
    "confirm",
    "complet",
    "envi",
    "rellen",
    "confirm",
    "sub",
    "stur",
    "invull",
    "bevestig",
    "upload",
    "aanlever",
    "doorgev",
    "invia",
    "manda",
    "compila",
    "conferm",
    "carica",
    "preench",
    "carreg",
];

/// Words of picking a time and of tests: such requests are not follow-ups.
const ELSEWHERE: &[&str] = &[
    "availab",
    "a time",
    "slot",
    "schedule",
    "times",
    "dates",
    "termin",
    "creneau",
    "disponib",
    "beschikbaar",
    "test",
    "assessment",
    "exercise",
    "challenge",
    "task",
    "solution",
    "write-up",
    "case study",
    "slides",
    "presentation",
    "repo",
    "code",
    "fork",
    "zip",
    "workbook",
    "your answer back",
    "windows",
    "free for a",
];

/// The first request for action in `text`, if any.
pub(crate) fn request(text: &str) -> Option<String> {
    let folded = fold(text);
    for sentence in folded.split(['.', '!', '?', '\n', ';']) {
        let s = sentence.trim();
        let padded = format!(" {s} ");
        if ELSEWHERE.iter().any(|w| padded.contains(w)) {
            continue;
        }
        let Some(at) = OPENERS
            .iter()
            .filter_map(|o| padded.find(&format!(" {o} ")))
            .min()
        else {
            continue;
        };
        let after: Vec<&str> = padded[at..].split_whitespace().skip(1).take(8).collect();
        let tail = after.join(" ");
        if after
            .iter()
            .any(|w| ACTIONS.iter().any(|a| !a.contains(' ') && w.starts_with(a)))
            || ACTIONS.iter().any(|a| a.contains(' ') && tail.contains(a))
        {
            return Some(s.chars().take(120).collect());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::request;

    #[test]
    fn requests_are_read_in_many_wordings() {
        for t in [
            "Could you fill in the short candidate form below?",
            "Please share a copy of your passport.",
            "Könnten Sie uns bitte Ihre Zeugnisse senden?",
            "Kun je het formulier invullen?",
            "Potresti inviarci il tuo codice fiscale?",
        ] {
            assert!(request(t).is_some(), "{t}");
        }
        for t in [
            "Could you send me your availability for an interview?",
            "Please complete the test within 7 days.",
            "Thanks for applying.",
        ] {
            assert!(request(t).is_none(), "{t}");
        }
    }
}
