//! Declines worded without a stock phrase: a negation shortly before a verb of
//! progress ("we will not be moving your application forward", "we cannot offer you
//! a position", "wir können Ihnen leider keine Zusage geben", "niet met je verder",
//! "não irá avançar", "non è stata selezionata"). Conditions ("if we do not move
//! forward…") and set phrases ("couldn't be happier", "don't hesitate") do not count.

use super::text::fold;

/// Words that negate, folded.
const NEGATORS: &[&str] = &[
    "not", "won't", "wont", "cannot", "can't", "cant", "unable", "don't", "didn't", "isn't",
    "aren't", "wasn't", "weren't", "haven't", "hasn't", "couldn't", "wouldn't", "shan't", "nicht",
    "keine", "keinen", "kein", "ne", "n'", "pas", "no", "niet", "geen", "non", "nao",
];

/// Verbs of progress (stems, folded) and a word that must follow within three words,
/// when the stem alone is too common.
const PROGRESS: &[(&str, Option<&[&str]>)] = &[
    ("move", Some(&["forward", "ahead", "on"])),
    ("moving", Some(&["forward", "ahead", "on"])),
    ("go", Some(&["ahead", "forward", "further"])),
    ("take", Some(&["further", "forward"])),
    ("taking", Some(&["further", "forward"])),
    ("offer", Some(&["you"])),
    ("invite", Some(&["you"])),
    ("inviting", Some(&["you"])),
    ("extend", Some(&["offer", "an", "you"])),
    ("uit", Some(&["nodigen"])),
    ("proceed", None),
    ("progress", None),
    ("continu", None),
    ("advanc", None),
    ("select", None),
    ("shortlist", None),
    ("successful", None),
    ("pursue", None),
    ("pursuing", None),
    ("considered", None),
    ("weiter", None),
    ("berucksichtig", None),
    ("fortsetzen", None),
    ("einlad", None),
    ("zusage", None),
    ("anbieten", None),
    ("retenu", None),
    ("retenir", None),
    ("suite", None),
    ("poursuivre", None),
    ("selectionn", None),
    ("avanzar", None),
    ("seguir", None),
    ("seleccionad", None),
    ("ofrecer", None),
    ("verder", None),
    ("door", Some(&["naar", "met"])),
    ("uitnodig", None),
    ("aanbieden", None),
    ("geselecteerd", None),
    ("voortzetten", None),
    ("proseguire", None),
    ("procedere", None),
    ("selezionat", None),
    ("avanti", None),
    ("offrir", None),
    ("avancar", None),
    ("prosseguir", None),
    ("selecionad", None),
    ("oferecer", None),
];

/// Openings of conditions and of sentences that are not about this application.
const CONDITIONS: &[&str] = &[
    "if ", "should ", "unless ", "in case ", "falls ", "wenn ", "si ", "se ", "als ", "mocht ",
    "qualora ", "caso ", "once ", "please ",
];

/// Set phrases whose negation is not a decline.
const SET_PHRASES: &[&str] = &[
    "couldn't be happier",
    "could not be happier",
    "can't wait",
    "cannot wait",
    "couldn't be more",
    "not only",
    "not just",
    "don't hesitate",
    "do not hesitate",
    "no doubt",
    "not to worry",
    "no pressure",
    "no matter",
    "not hesitate",
    "no dude",
    "n'hesitez pas",
    "no dudes",
    "non esitare",
    "nao hesite",
    "aarzel niet",
    "zogern sie nicht",
];

/// "We cannot progress your application until…" asks for something; it declines
/// nothing.
const UNTIL: &[&str] = &[
    " until ",
    " unless ",
    " bis ",
    " tant que ",
    " hasta que ",
    " totdat ",
    " tot ",
    " finche ",
    " ate que ",
    " sin ",
    " without ",
    " before ",
];

/// Words that say who is declining: "we", "our team", "your application".
const ACTORS: &[&str] = &[
    "we",
    "we've",
    "we'll",
    "we're",
    "our",
    "they",
    "they've",
    "the team",
    "the company",
    "your application",
    "your candidacy",
    "wir",
    "uns",
    "nous",
    "votre candidature",
    "hemos",
    "tu candidatura",
    "su candidatura",
    "wij",
    "je sollicitatie",
    "uw sollicitatie",
    "abbiamo",
    "la tua candidatura",
    "la sua candidatura",
    "a sua candidatura",
    "a tua candidatura",
    "ihre bewerbung",
    "ihnen",
];

/// The first declining sentence of `text`, if any.
pub(crate) fn decline(text: &str) -> Option<String> {
    let folded = fold(text);
    for sentence in folded.split(['.', '!', '?', '\n', ';']) {
        let s = sentence.trim();
        let padded = format!(" {s} ");
        if s.is_empty()
            || CONDITIONS.iter().any(|c| s.starts_with(c))
            || SET_PHRASES.iter().any(|p| s.contains(p))
            || UNTIL.iter().any(|u| padded.contains(u))
        {
            continue;
        }
        let words: Vec<&str> = s
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .collect();
        let has_actor = ACTORS.iter().any(|a| padded.contains(&format!(" {a} ")));
        // Romance verbs carry their subject ("non proseguiremo", "decidimos não avançar").
        let romance = ["non", "nao", "no", "ne", "pas"];
        for (i, w) in words.iter().enumerate() {
            let negator = NEGATORS.iter().find(|n| {
                *w == **n
                    || (**n == "n'" && w.starts_with("n'"))
                    || (w.ends_with("n't") && **n == "not")
            });
            let Some(negator) = negator else { continue };
            if !has_actor && !romance.contains(negator) {
                continue;
            }
            // "…feedback if you are not selected": a condition inside the sentence.
            let condition =
                |w: &&str| ["if", "unless", "wenn", "falls", "si", "als", "se"].contains(w);
            if words[i.saturating_sub(4)..i].iter().any(condition) {
                continue;
            }
            // German and Dutch put "nicht"/"niet" after the verb as well.
            let back = if ["nicht", "niet", "keine", "geen"].contains(negator) {
                4
            } else {
                0
            };
            let from = i.saturating_sub(back);
            let to = (i + 7).min(words.len());
            for j in from..to {
                if j == i {
                    continue;
                }
                let hit = PROGRESS.iter().any(|(stem, then)| {
                    words[j].starts_with(stem)
                        && then.is_none_or(|t| {
                            words[j + 1..(j + 4).min(words.len())]
                                .iter()
                                .any(|n| t.contains(n))
                        })
                });
                // Spanish "no" only with a Spanish verb, so English "no" stays out.
                // "we may not reply if you are not selected": nor between the two.
                let between = &words[i.min(j)..i.max(j)];
                if hit
                    && !between.iter().any(condition)
                    && (*negator != "no"
                        || [
                            "avanzar",
                            "seguir",
                            "continu",
                            "seleccionad",
                            "ofrecer",
                            "proseguir",
                        ]
                        .iter()
                        .any(|v| words[j].starts_with(v)))
                {
                    return Some(sentence.trim().chars().take(120).collect());
                }
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::decline;

    #[test]
    fn declines_are_read_in_many_wordings() {
        for t in [
            "We will not be moving your application forward at this time.",
            "Unfortunately we cannot offer you a position.",
            "Wir können Ihnen leider keine Zusage geben.",
            "We hebben besloten om niet met je verder te gaan.",
            "Informamos que a sua candidatura não irá avançar para a próxima fase.",
            "La tua candidatura non è stata selezionata.",
            "Hemos decidido no continuar con tu candidatura.",
            "Nous ne pourrons pas donner suite à votre candidature.",
        ] {
            assert!(decline(t).is_some(), "{t}");
        }
        for t in [
            "If we do not move forward, we will let you know.",
            "We couldn't be happier to offer you the role!",
            "Once you start the test you cannot pause it.",
            "Please do not reply to this email.",
            "No pressure at all, we can move forward whenever you like.",
            "Don't hesitate to reach out if we can help you move forward.",
            "Due to the volume of applications we may not reply if you are not selected.",
        ] {
            assert!(decline(t).is_none(), "{t}");
        }
    }
}
