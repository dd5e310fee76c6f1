//! How a name and a domain spell each other: "Lumen Grid" is `lumengrid.io`,
//! "Carrilet Digital" `cdgtl.eu`, "Banque Mistral" `bmistral-group.fr`; and a domain
//! spelled out as a name when the text names none.

use super::super::relays::Sender;
use super::super::text::{capitalise, fold, squash};
use super::words::GROUP_WORDS;

/// Whether `name` is what a domain label spells: "Lumen Grid" for `lumengrid`,
/// "Kestrel Payments" for `kestrelpay`, "Quillfeather Health" for `quillfeather`,
/// "Grupo Miradorsur" for `miradorsur` (a group word is not spelled), "Almendra
/// Tecnología" for `almendratech` (a distinctive first word, then an abbreviation).
pub(crate) fn matches_domain(name: &str, label: &str) -> bool {
    let l: String = label.chars().filter(|c| c.is_alphanumeric()).collect();
    let l = without_founding_year(&l).to_owned();
    if l.len() < 3 {
        return false;
    }
    // "Ελαιώνας Villas" at elaionasvillas.gr: Greek is spelt in Latin letters there
    // (`latin` folds too).
    let folded = super::super::text::latin(name);
    let name = folded.as_str();
    let mut words: Vec<&str> = folded
        .split_whitespace()
        // "Consorci de Serveis Municipals del Vallès" at csmvalles.cat: the joining
        // words are not spelled.
        .filter(|w| {
            ![
                "&", "the", "of", "de", "del", "des", "du", "di", "da", "do", "y", "i", "e", "et",
                "und", "and", "la", "le", "les",
            ]
            .contains(w)
        })
        // "CHU de l'Estuaire" at chuestuaire.qc.ca: nor is an elided article.
        .map(|w| super::super::names::after_elision(w).unwrap_or(w))
        .collect();
    // "Banque Mistral" at bmistral-group.fr: abbreviated with its trade word.
    let all_words = words.clone();
    // "Grupo Miradorsur" at miradorsur.es, "Banque Orsel" at orsel.fr: a leading group
    // or trade word is left out of the domain.
    if words.len() > 1 && (GROUP_WORDS.contains(&words[0]) || TRADE_WORDS.contains(&words[0])) {
        words.remove(0);
    }
    let n = key(name);
    let bare = squash(&words.concat());
    // "Vessel & Vane" at vesselandvane.com, "Arco & Vela" at arcoyvela.es: the
    // ampersand spelled out, in English or the name's language.
    let spelled = squash(&folded.replace('&', "and"));
    let spelled_locally = ["y", "e", "et", "und", "en", "i"]
        .iter()
        .map(|and| squash(&folded.replace('&', and)))
        .find(|s| *s == l)
        .unwrap_or_default();
    // "North West Airways" at nwa-jobs.com, "Northgate & Pryce Recruitment" at
    // npr-recruitment.com: the initials.
    let initials: String = words.iter().filter_map(|w| w.chars().next()).collect();
    let l_initials = [
        "recruitment",
        "recruiting",
        "recruit",
        "talent",
        "search",
        "hr",
        // "European Payments Supervisory Authority" at epsa-authority.eu.
        "selection",
        "careers",
        "jobs",
        "authority",
        "agency",
        "office",
    ]
    .iter()
    .find_map(|s| l.strip_suffix(s).filter(|r| r.len() >= 3))
    .unwrap_or(&l);
    let first = words.first().map(|w| squash(w)).unwrap_or_default();
    // "Vireo Mapping" at vireomaps.com: most of both spelled the same way.
    let shared = n.chars().zip(l.chars()).take_while(|(a, b)| a == b).count();
    let similar = shared >= 7 && shared * 4 >= n.len().min(l.len()) * 3;
    !n.is_empty()
        && [n.as_str(), bare.as_str(), spelled.as_str(), spelled_locally.as_str()]
            .iter()
            .any(|n| {
                *n == l || (l.len() >= 5 && n.starts_with(&l)) || (n.len() >= 5 && l.starts_with(n))
            })
        || (initials.len() >= 3 && (initials == l || initials == l_initials))
        // "St. Rafael Medical Center" at srmc-qc.com.ph, "Metro Caloocan Medical Center"
        // at mcmc-hospital.ph: the initials, then a place or a trade.
        || (initials.len() >= 4 && l.starts_with(&initials) && l.len() <= initials.len() + 8)
        || (words.len() > 1
            && first.len() >= 6
            && l.starts_with(&first)
            && l.len() <= first.len() + 5)
        || (words.len() > 1 && similar)
        // "Atlântico Pagamentos" at atlpag.pt: the start of every word.
        || (words.len() > 1 && spelled_by_prefixes(&words, &l))
        // "Carrilet Digital" at cdgtl.eu, "Brightkey Insurance" at bk-insure.nl.
        || (all_words.len() > 1 && l.len() >= 4 && abbreviates(&all_words, &l))
}

/// Whether `label` abbreviates `words`: letters of each word in turn, always its first
/// one, none skipped, and the last word to its end or by four letters or more (`cdgtl`
/// for "carrilet digital", `bkinsure` for "brightkey insurance", `ciconsultores` for
/// "carrasco-ibanez consultores").
fn abbreviates(words: &[&str], label: &str) -> bool {
    let words: Vec<Vec<char>> = words.iter().map(|w| squash(w).chars().collect()).collect();
    let label: Vec<char> = label.chars().collect();
    /// Reading word `w` after its letter `i - 1`, `taken` letters of it used, `j`
    /// letters of the label read.
    struct Read<'a> {
        words: &'a [Vec<char>],
        label: &'a [char],
    }
    impl Read<'_> {
        fn from(&self, w: usize, i: usize, taken: usize, j: usize) -> bool {
            let word = &self.words[w];
            if j == self.label.len() {
                return w + 1 == self.words.len() && (i == word.len() || taken >= 4);
            }
            let c = self.label[j];
            let next = self
                .words
                .get(w + 1)
                .is_some_and(|n| n[0] == c && self.from(w + 1, 1, 1, j + 1));
            next || (i..word.len())
                .filter(|&k| word[k] == c)
                .any(|k| self.from(w, k + 1, taken + 1, j + 1))
        }
    }
    label.len() <= 24
        && words.iter().all(|w| !w.is_empty())
        && words[0][0] == label[0]
        && (Read {
            words: &words,
            label: &label,
        })
        .from(0, 1, 1, 1)
}

/// Whether `label` is the start of each word in turn (`atlpag` for "atlantico
/// pagamentos", `olhealth` for "oyster lane health"): two letters or more of each, or
/// initials before a last word spelled out.
fn spelled_by_prefixes(words: &[&str], label: &str) -> bool {
    let Some((first, rest)) = words.split_first() else {
        return label.is_empty();
    };
    let first = squash(first);
    if rest.is_empty() {
        // The last word: whole when the others were initials, else its start.
        return label.len() >= 2 && first.starts_with(label);
    }
    (1..=first.len().min(label.len()))
        .filter(|&n| label.is_char_boundary(n) && first.is_char_boundary(n))
        .filter(|&n| n >= 2 || label.len() - n >= 4)
        .any(|n| label[..n] == first[..n] && spelled_by_prefixes(rest, &label[n..]))
}

/// Words of a trade that lead a name and that its domain often leaves out, folded.
const TRADE_WORDS: &[&str] = &[
    "bank",
    "banque",
    "banco",
    "banca",
    "bankhaus",
    "assicurazioni",
    "seguros",
    "versicherung",
    "cabinet",
    "maison",
    "atelier",
    "studio",
    "editions",
    "laboratoires",
    "laboratorios",
    "clinica",
    "hotel",
    "hotels",
    "hoteles",
    "viajes",
    "transportes",
    "stichting",
    "ceramica",
    "ceramiche",
    "ceramique",
    "keramik",
    "vidros",
    // Greek "hotels", as it opens a hotel group's name ("Ξενοδοχεία Αρχιπέλαγος").
    "xenodocheia",
    // "University of Mersey Vale" at mersey-vale.ac.uk.
    "university",
    "universidad",
    "universite",
    "universita",
    "universitat",
    "universiteit",
    "college",
];

/// A domain label spelled as a name: `stellwerk-mobility` → "Stellwerk Mobility",
/// `karpatytravel` → "Karpaty Travel", `sproutandstem` → "Sprout & Stem".
/// `label` without the year its firm was founded ("orsenigo1892" → "orsenigo"): no
/// part of the name.
fn without_founding_year(label: &str) -> &str {
    match label.trim_end_matches(|c: char| c.is_ascii_digit()) {
        stem if stem.len() >= 5 && label.len() - stem.len() == 4 => stem,
        _ => label,
    }
}

pub(super) fn spell_domain(sender: &Sender) -> String {
    sender
        .domain_label()
        .unwrap_or_default()
        .split(['-', '_'])
        .filter(|w| !w.is_empty())
        .map(without_founding_year)
        .flat_map(unglue)
        .map(|w| {
            if w == "and" {
                "&".to_owned()
            } else {
                capitalise(w)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Words of a trade or kind that end a name its domain runs together, folded.
#[rustfmt::skip]
const NAME_ENDINGS: &[&str] = &[
    "talent", "talents", "search", "recruitment", "recruiting", "partners", "people",
    "group", "consulting", "analytics", "travel", "ledger", "freight", "modular", "stays",
    "shores", "hotels", "resorts", "labs", "studio", "studios", "health", "care", "energy",
    "foods", "games", "software", "media", "digital", "design", "logistics", "finance",
    "capital", "clinic", "pharma", "robotics", "mobility", "insurance", "retail", "systems",
    "solutions", "payments", "pay", "bank", "homes", "builders", "construction",
    "engineering", "infra", "technologies", "networks", "security", "cloud",
    "works", "learning", "education", "academy", "legal", "advisory", "ventures",
    "therapeutics", "medical", "fitness", "fashion", "beauty", "brands", "marketing",
    "creative", "agency", "interactive", "commerce", "markets", "trading", "shipping",
    "marine", "aviation", "transport", "property", "properties", "estates", "living",
    "housing", "water", "power", "solar", "wind", "grid", "renewables", "telecom",
    "executive", "surgical", "tidal", "outdoor", "skincare", "interiors", "dairy",
    "mortgages", "trust", "foundation", "school", "college", "hospital", "collective",
    "associates", "technical",
];

/// A label run together split into its words: `greyfieldmodular` → `greyfield`,
/// `modular`; `sproutandstem` → `sprout`, `and`, `stem`. A trade word is split off only
/// when four letters or more are left before it; "and" only between four letters or
/// more and three or more.
fn unglue(label: &str) -> Vec<&str> {
    if let Some(end) = NAME_ENDINGS
        .iter()
        .filter(|e| label.len() >= e.len() + 4 && label.ends_with(*e))
        // "bioresearch" holds "search" inside a word.
        .filter(|e| !(**e == "search" && label.ends_with("research")))
        .max_by_key(|e| e.len())
    {
        let (head, tail) = label.split_at(label.len() - end.len());
        let mut words = unglue(head);
        words.push(tail);
        return words;
    }
    if let Some(lead) = TRADE_WORDS
        .iter()
        .filter(|t| label.len() >= t.len() + 4 && label.starts_with(*t))
        .max_by_key(|t| t.len())
    {
        let (head, rest) = label.split_at(lead.len());
        let mut words = vec![head];
        words.extend(unglue(rest));
        return words;
    }
    // "and" between two words, not inside one ("highland", "brand", "thousand").
    const INSIDE: &[&str] = &[
        "l", "h", "s", "b", "p", "m", "n", "w", "gr", "br", "err", "st", "x",
    ];
    if let Some(i) = label.match_indices("and").map(|(i, _)| i).find(|&i| {
        i >= 4 && label.len() >= i + 6 && !INSIDE.iter().any(|e| label[..i].ends_with(e))
    }) {
        return vec![&label[..i], "and", &label[i + 3..]];
    }
    vec![label]
}

/// A name squashed for comparing, without a leading article ("The Green Kitchen
/// Company" is `greenkitchencompany`).
pub(super) fn key(name: &str) -> String {
    let f = fold(name);
    squash(f.strip_prefix("the ").unwrap_or(&f))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_label_run_together_is_split_into_its_words() {
        assert_eq!(unglue("greyfieldmodular"), ["greyfield", "modular"]);
        assert_eq!(unglue("sproutandstem"), ["sprout", "and", "stem"]);
        assert_eq!(unglue("hotelesmarbrisa"), ["hoteles", "marbrisa"]);
        assert_eq!(unglue("peregrinetalent"), ["peregrine", "talent"]);
        // Words that hold "and" or end like a trade stay whole.
        assert_eq!(unglue("highlandpark"), ["highlandpark"]);
        assert_eq!(unglue("cromatech"), ["cromatech"]);
        assert_eq!(unglue("grandview"), ["grandview"]);
        assert_eq!(unglue("bioresearch"), ["bioresearch"]);
        assert_eq!(unglue("thewanderers"), ["thewanderers"]);
        let sender = Sender::read("Rory <rory@sproutandstem.com>");
        assert_eq!(spell_domain(&sender), "Sprout & Stem");
    }
}
