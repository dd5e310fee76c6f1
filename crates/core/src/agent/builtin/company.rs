//! The employer a message is about, as a person would write it ("Lumen Grid", not
//! "Lumengrid"; "Northwind Analytics", not "Greenhouse-mail").
//!
//! Candidates come from the sender's display name (when a relay sends for an
//! employer, or the name matches the sender's domain), from phrases in the subject
//! and the text ("Thank you for applying to X", "X has invited you", "on behalf of
//! X", "the team at X", "chez X", "bei der X GmbH"), from signature lines and from
//! legal names ("X Ltd"). Each scores; a name that matches the sender's domain scores
//! more, unless the sender is a recruiting agency writing about a named client. Names
//! that extend one another ("Juniper & Vale", "Juniper & Vale Insurance") count as
//! one, written the longer way.

use super::names::{run_at, run_before, runs};
use super::people::{People, signs_off};
use super::relays::{Relay, Sender, is_service_brand};
use super::text::{Folded, fold, has, squash};

/// A company named in a message and where it was read.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Named {
    pub name: String,
    pub score: f64,
    /// Where the winning reading came from, for the explanation.
    pub source: &'static str,
}

/// Phrases after which the employer is named: (folded phrase, weight).
const BEFORE_NAME: &[(&str, f64)] = &[
    ("thank you for applying to ", 4.0),
    ("thanks for applying to ", 4.0),
    ("applying to ", 3.0),
    ("application to ", 3.0),
    ("applied to ", 3.0),
    ("your application at ", 3.0),
    ("your application with ", 3.0),
    ("interest in ", 3.0),
    ("interested in joining ", 3.0),
    ("on behalf of ", 3.5),
    ("namens ", 3.0),
    ("per conto di ", 3.5),
    ("em nome da ", 3.5),
    ("em nome de ", 3.5),
    ("en nombre de ", 3.5),
    ("pour le compte de ", 3.5),
    ("au nom de ", 3.0),
    ("im auftrag der ", 3.0),
    ("im auftrag von ", 3.0),
    ("the team at ", 3.0),
    ("everyone at ", 3.0),
    ("team at ", 2.5),
    ("sent to ", 2.5),
    ("submitted to ", 3.0),
    ("message from ", 1.5),
    ("feedback from ", 2.5),
    ("event type: ", 2.5),
    ("heard back from ", 2.5),
    ("news from ", 2.0),
    ("from ", 1.0),
    ("join ", 2.5),
    ("joining ", 2.0),
    ("welcome to ", 2.0),
    ("welcome (almost) to ", 2.5),
    (" at ", 2.5),
    ("with ", 1.0),
    ("about: ", 0.5),
    ("chez ", 2.5),
    ("au sein de ", 2.0),
    ("bei der ", 2.5),
    ("bei ", 2.0),
    ("an der ", 2.0),
    ("interesse an ", 2.5),
    ("en ", 1.0),
    ("formar parte de ", 2.5),
    ("bij ", 2.0),
    ("presso ", 2.5),
    ("na ", 1.0),
    ("no ", 0.5),
];

/// Phrases before which the employer is named: (folded phrase, weight).
const AFTER_NAME: &[(&str, f64)] = &[
    (" has invited you", 4.0),
    (" invited you", 4.0),
    (" invites you", 4.0),
    (" would like you to", 3.5),
    (" would like to", 3.0),
    (" would love to", 2.5),
    (" wants to", 2.5),
    (" is hiring", 3.0),
    (" are hiring", 2.5),
    (" sent you", 3.5),
    (" reviewed your", 3.5),
    (" have reviewed", 3.0),
    (" has reviewed", 3.0),
    (" found your profile", 3.5),
    (" viewed your", 2.0),
    (" has asked", 3.0),
    (" has requested", 3.0),
    (" have requested", 3.0),
    (" have asked", 3.0),
    (" have come back", 3.0),
    (" has come back", 3.0),
    (" contacts you", 2.5),
    (" is looking for", 2.5),
    (" sucht", 2.0),
    (" recrute", 2.5),
    (" busca", 2.0),
    (" zoekt", 2.5),
    (" cerca", 1.5),
    (" procura", 1.5),
    (" talent team", 2.5),
    (" recruiting team", 2.5),
    (" recruitment team", 2.5),
    (" hiring team", 2.5),
    (" careers", 2.0),
    (" talent acquisition", 2.0),
];

/// Words that end an organisation's name in a sender's display name or a signature
/// without being part of it ("Halcyon Bank Careers", "Corvid Security Recruiting").
#[rustfmt::skip]
const TEAM_WORDS: &[&str] = &[
    "careers", "career", "jobs", "job", "recruiting", "recruitment", "recruiters", "talent",
    "team", "teams", "hiring", "hr", "people", "acquisition", "community", "resourcing",
    "portal", "home", "candidate", "notifications", "no-reply", "noreply",
    "personalabteilung", "recrutement", "talento", "seleccion", "selección", "rh", "rrhh",
    "werving", "selezione", "recrutamento", "bewerbermanagement", "karriere", "empleo",
    "emploi", "vacatures", "equipo", "equipe", "equipa", "l'equipe", "department",
    "departamento", "abteilung", "departement", "afdeling", "human", "resources", "the",
    "de",
];

/// Legal suffixes left out of a name ("Stellwerk Mobility GmbH" → "Stellwerk Mobility"),
/// with the group words that come before them ("Oakhaven Retail Group Ltd").
#[rustfmt::skip]
const LEGAL: &[&str] = &[
    "ltd", "ltd.", "limited", "llp", "llc", "plc", "inc", "inc.", "gmbh", "ag", "se",
    "s.a.", "sa", "sas", "sarl", "s.l.", "sl", "s.l.u.", "b.v.", "bv", "n.v.", "nv",
    "s.p.a.", "spa", "s.r.l.", "srl", "lda", "lda.", "ltda", "corp", "corp.", "co.", "kg",
    "ug", "oy", "ab", "as", "a/s", "pty", "sasu", "e.v.", "mbh", "co",
];
const GROUP_WORDS: &[&str] = &[
    "group", "holdings", "holding", "gruppe", "groupe", "grupo", "groep", "gruppo",
];

/// Words that open a greeting, folded.
const GREETING_WORDS: &[&str] = &[
    "dear",
    "hi",
    "hello",
    "hey",
    "hallo",
    "bonjour",
    "hola",
    "hoi",
    "beste",
    "gentile",
    "ciao",
    "ola",
    "olá",
    "estimado",
    "estimada",
    "querido",
    "querida",
    "sehr",
    "liebe",
    "lieber",
    "buongiorno",
    "caro",
    "cara",
    "geachte",
];

/// Capitalised words that are not names: greetings, subject words, pronouns.
#[rustfmt::skip]
const NOT_NAMES: &[&str] = &[
    "hi", "hello", "hey", "dear", "hallo", "bonjour", "hola", "hoi", "ciao", "ola", "olá",
    "thanks", "thank", "we", "our", "you", "your", "i", "it", "this", "that", "re", "fwd",
    "interview", "invitation", "application", "offer", "update", "next", "steps",
    "reminder", "action", "required", "welcome", "congratulations", "good", "great", "news",
    "quick", "question", "new", "message", "role", "position", "opportunity", "final",
    "round", "test", "assessment", "documents", "ihre", "ihr", "votre", "vos", "tu", "su",
    "je", "uw", "la", "il", "le", "les", "el", "los", "einladung", "bewerbung", "entretien",
    "candidature", "entrevista", "oferta", "proposition", "sollicitatie", "candidatura",
    "colloquio", "vaga", "proposta", "google", "microsoft", "teams", "zoom", "meet",
    "linkedin", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "mr", "mrs", "ms", "dr", "herr", "frau",
    "madame", "monsieur", "team", "us", "uk", "eu", "remote", "hybrid", "ps", "best",
    "regards", "cheers", "kind", "sincerely", "morning", "afternoon", "today", "tomorrow",
    "yes", "no", "ok", "see", "view", "reply", "apply", "click", "start", "sent", "powered",
    "please", "note", "all", "any", "many", "one", "confirmed", "confirmation", "updated",
    "cancelled", "canceled", "accepted", "declined", "important", "urgent", "last",
    "chance", "free", "hey", "saw", "opdrachtgever", "klant", "client", "cliente", "kunde",
    "auftraggeber", "klanten", "event", "type",
];

/// Words of a job title; a name holding one is a role, not an employer.
#[rustfmt::skip]
const TITLE_WORDS: &[&str] = &[
    "engineer", "developer", "analyst", "scientist", "manager", "programmer", "designer",
    "architect", "recruiter", "coordinator", "consultant", "partner", "director", "head",
    "lead", "officer", "advisor", "specialist", "cto", "ceo", "cfo", "coo", "vp", "founder",
    "co-founder", "intern", "administrator", "sre", "devops", "entwickler", "ingenieur",
    "ingeniero", "developpeur", "desarrollador", "analista", "ontwikkelaar", "sviluppatore",
    "engenheiro", "tecnica", "tecnico", "charge", "chargee", "responsable", "operations",
    "assistant", "executive", "president", "generalist", "sourcer", "associate",
];

/// Lowercase titles that come before a person's name ("our engineering lead Daan").
const PERSON_TITLES: &[&str] = &[
    "lead",
    "manager",
    "recruiter",
    "colleague",
    "founder",
    "co-founder",
    "ceo",
    "cto",
    "engineer",
    "director",
    "head",
    "partner",
    "coordinator",
    "my",
    "colleagues",
    "teammate",
];

/// What an agency writes: anywhere in the text, or in its signature and name.
const AGENCY_TEXT: &[&str] = &[
    "employment agency",
    "recruitment agency",
    "my client",
    "our client",
    "the client",
    "a client of",
    "headhunt",
    "personalberatung",
    "cabinet de recrutement",
    "wervingsbureau",
    "agencia de seleccion",
    "opdrachtgever",
    "nostro cliente",
    "nostri clienti",
    "um cliente",
    "nossos clientes",
    "un cliente",
    "nos clients",
    "notre client",
    "kunden",
];
const AGENCY_SIGNATURE: &[&str] = &["consultant", "staffing", "executive search", "headhunter"];

/// The last words of an agency's name ("Harrow & Pike Recruitment", "De Groot Werving &
/// Selectie"); an in-house "Recruitment Team" is no agency.
const AGENCY_NAMES: &[&str] = &[
    "recruitment",
    "recruiting ltd",
    "search",
    "talent solutions",
    "werving & selectie",
    "selectie",
    "personalberatung",
    "recrutement",
    "seleccion",
    "selezione",
    "recrutamento",
];

/// Where a phrase named a candidate.
const PHRASE: &str = "a phrase in the text";

struct Candidate {
    name: String,
    score: f64,
    source: &'static str,
    /// Whether a phrase around it named it ("Pellow Foods have reviewed your CV").
    phrase: bool,
}

/// The employer of a message: `subject`, its newest text and quoted history, and its
/// sender.
pub(crate) fn company(subject: &str, newest: &str, quoted: &str, sender: &Sender) -> Option<Named> {
    let subject = super::threads::bare_subject(subject);
    let mut cands: Vec<Candidate> = Vec::new();
    let mut add = |raw: &str, score: f64, source: &'static str| {
        if let Some(name) = clean(raw) {
            cands.push(Candidate {
                name,
                score,
                source,
                phrase: source == PHRASE,
            });
        }
    };
    // The display name.
    // The display name, already cleaned (it may keep a leading "The").
    let display = display_candidate(sender, newest);
    // Phrases in the subject, the newest text and (weakly) the history.
    for (text, factor) in [(subject, 1.2), (newest, 1.0), (quoted, 0.4)] {
        phrase_candidates(text, factor, &mut add);
    }
    // A subject such as "New message from Clara Wolf (Quellwerk GmbH)": a person and
    // their employer.
    for (i, _) in subject.match_indices(" (") {
        let inner = subject[i + 2..].split(')').next().unwrap_or_default();
        if run_before(subject, i).is_some_and(|p| p.split_whitespace().count() >= 2)
            && run_at(inner, 0).is_some_and(|r| r.len() == inner.trim().len())
        {
            add(inner, 3.0, PHRASE);
        }
    }
    // Subject segments that are names ("Brightwater Logistics – 1st stage interview").
    for seg in subject
        .split([':', '–', '—', '|', '!', '?', '·'])
        .flat_map(|s| s.split(" - "))
    {
        let seg = seg.trim();
        if let Some(run) = run_at(seg, 0) {
            let whole = run.len() == seg.len();
            add(run, if whole { 2.0 } else { 1.2 }, "the subject");
        }
    }
    // Signature lines and legal names.
    for line in signature_lines(newest) {
        for seg in line
            .split([',', '|', '·', '•', '–', '—'])
            .flat_map(|s| s.split(" - "))
        {
            let seg = seg.trim();
            if let Some(run) = run_at(seg, 0)
                && run.len() == seg.len()
            {
                add(run, 1.5, "the signature");
            }
        }
    }
    for text in [newest, quoted] {
        for (name, _) in legal_names(text) {
            add(&name, 2.0, "a legal name");
        }
    }
    if let Some((name, score)) = display {
        cands.push(Candidate {
            name,
            score,
            source: "the sender's name",
            phrase: false,
        });
    }
    let people = People::of(sender, newest);
    cands.retain(|c| !people.include(&c.name));
    let mut merged = merge(cands);
    // The sender's domain: a name that matches it is the sender's own organisation.
    let label = sender.domain_label().map(squash);
    let agency = is_agency(sender, newest);
    if let Some(label) = label.as_deref().filter(|l| l.len() >= 3) {
        let domain_names: Vec<String> = merged
            .iter()
            .filter(|c| matches_domain(&c.name, label))
            .map(|c| c.name.clone())
            .collect();
        // An agency names its client in a phrase ("Pellow Foods have reviewed your CV").
        let has_other = merged
            .iter()
            .any(|c| !matches_domain(&c.name, label) && c.phrase && c.score >= 2.0);
        for c in merged.iter_mut() {
            if domain_names.contains(&c.name) {
                c.score += if agency && has_other { -2.0 } else { 4.0 };
                if !(agency && has_other) {
                    c.source = "the text, matching the sender's domain";
                }
            }
        }
        if agency && !has_other {
            // The agency writes for itself: its name as written in full
            // ("Bos Recruitment" for bosrecruitment.nl).
            if let Some(raw) = [newest, subject, sender.name.as_deref().unwrap_or_default()]
                .iter()
                .flat_map(|t| runs(t))
                .map(|(_, r)| strip_legal(r))
                .find(|r| squash(r) == label)
            {
                merged.push(Candidate {
                    name: raw,
                    score: 6.0,
                    source: "the agency's signature",
                    phrase: false,
                });
            }
        }
        if domain_names.is_empty() && !agency {
            // The domain is the company's: find it as written ("Lumen Grid" for
            // lumengrid.io), or spell the domain out.
            let written = [subject, newest, quoted]
                .iter()
                .flat_map(|t| runs(t))
                .filter_map(|(_, r)| clean(r))
                .filter(|r| matches_domain(r, label))
                .max_by_key(|r| r.len());
            let name = written.unwrap_or_else(|| spell_domain(sender));
            merged.push(Candidate {
                name,
                score: 3.0,
                source: "the sender's domain",
                phrase: false,
            });
            merged = merge(merged);
        }
    }
    let best = merged
        .into_iter()
        .filter(|c| c.score >= 2.5)
        .max_by(|a, b| {
            a.score
                .total_cmp(&b.score)
                .then(b.name.len().cmp(&a.name.len()))
        })?;
    // A name the domain spells in full keeps its last word even when it is a team word
    // ("BrightPath Recruitment" at brightpath-recruitment.com).
    let full = label.as_deref().and_then(|l| {
        [newest, subject]
            .iter()
            .flat_map(|t| runs(t))
            .map(|(_, r)| r.trim_end_matches(|c: char| !c.is_alphanumeric()))
            .find(|r| squash(r) == l && squash(r).starts_with(&squash(&best.name)))
            .map(str::to_owned)
    });
    Some(Named {
        name: full.unwrap_or(best.name),
        score: best.score,
        source: best.source,
    })
}

/// The display name as a company candidate: a relay's sender name ("Northwind
/// Analytics", "Sundial Travel via TestGorilla"), or a direct sender's that matches
/// its domain or names a team ("Heronsgate Genomics Talent").
fn display_candidate(sender: &Sender, newest: &str) -> Option<(String, f64)> {
    let full = sender.name.as_deref()?;
    // "Orchid Biotech (via Lever)": the brackets are not the name.
    let raw = full.split(" (").next().unwrap_or(full).trim();
    let f = Folded::new(raw);
    let via = f
        .text
        .find(" via ")
        .map(|i| f.slice(0, i))
        .or_else(|| f.text.find(" at ").map(|i| f.slice(i + 4, f.text.len())))
        .or_else(|| f.text.find(" from ").map(|i| f.slice(i + 6, f.text.len())));
    let name = via.unwrap_or(raw);
    if sender.is_person() || is_service_brand(name) || signs_off(newest, name) {
        return None;
    }
    let cleaned = clean(name)?;
    let had_team_word = key(&cleaned) != key(name);
    // "The Green Kitchen Company" keeps its article; "The Northwind Talent Team" not.
    let cleaned = if name.starts_with("The ") && !had_team_word {
        format!("The {cleaned}")
    } else {
        cleaned
    };
    match sender.relay {
        Relay::Tracking | Relay::Scheduling | Relay::Assessment | Relay::Signature => {
            Some((cleaned, 5.0))
        }
        Relay::Screening | Relay::JobSite => via.is_some().then_some((cleaned, 4.0)),
        Relay::Mailbox => None,
        Relay::Direct => {
            let label = sender.domain_label().map(squash).unwrap_or_default();
            if matches_domain(&cleaned, &label) {
                Some((cleaned, 2.0))
            } else if had_team_word {
                Some((cleaned, 3.0))
            } else {
                None
            }
        }
    }
}

/// Candidates from the phrases around names.
fn phrase_candidates(text: &str, factor: f64, add: &mut impl FnMut(&str, f64, &'static str)) {
    let f = Folded::new(text);
    for (lead, weight) in BEFORE_NAME {
        for i in f.text.match_indices(lead).map(|(i, _)| i) {
            if !lead.starts_with(' ') && !super::text::starts_word(&f.text, i) {
                continue;
            }
            let at = f.slice(0, i + lead.len()).len();
            if let Some(run) = run_at(text, at) {
                add(run, weight * factor, PHRASE);
            }
        }
    }
    for (tail, weight) in AFTER_NAME {
        for i in f.text.match_indices(tail).map(|(i, _)| i) {
            let at = f.slice(0, i).len();
            if let Some(run) = run_before(text, at) {
                // "our engineering lead Daan would like to": a person, by their title.
                let start = at.saturating_sub(run.len()).min(text.len());
                let before = fold(text.get(..start).unwrap_or_default());
                let titled = before
                    .split_whitespace()
                    .next_back()
                    .is_some_and(|w| PERSON_TITLES.contains(&w));
                if !titled {
                    add(run, weight * factor, PHRASE);
                }
            }
        }
    }
}

/// The signature of the newest text: the lines after its closing ("Best,"), or its
/// last lines.
fn signature_lines(newest: &str) -> Vec<&str> {
    let lines: Vec<&str> = newest
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let start = super::threads::signature_start(&lines);
    let from = if start < lines.len() {
        start
    } else {
        lines.len().saturating_sub(6)
    };
    lines[from..]
        .iter()
        .copied()
        .filter(|l| l.len() <= 90 && !l.contains('@') && !l.contains("http"))
        .collect()
}

/// Whether folded `word` is a legal suffix, dots or not ("B.V", "b.v.", "BV").
fn is_legal(word: &str) -> bool {
    let bare: String = word.chars().filter(|c| *c != '.').collect();
    LEGAL
        .iter()
        .any(|l| l.chars().filter(|c| *c != '.').collect::<String>() == bare)
}

/// `run` without a trailing legal suffix ("Quaystone Contracts Ltd").
fn strip_legal(run: &str) -> String {
    let mut words: Vec<&str> = run.split_whitespace().collect();
    while words.len() > 1
        && words
            .last()
            .is_some_and(|w| is_legal(&fold(w.trim_end_matches(','))))
    {
        words.pop();
    }
    words.join(" ")
}

/// Names written with a legal suffix ("Halcyon Bank plc", "Fernholz Energie AG").
fn legal_names(text: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    for (at, run) in runs(text) {
        let words: Vec<&str> = run.split_whitespace().collect();
        if let Some(mut i) = words.iter().position(|w| is_legal(&fold(w)))
            && i > 0
        {
            // "Oakhaven Retail Group Ltd" is Oakhaven Retail.
            if i > 1 && GROUP_WORDS.contains(&fold(words[i - 1]).as_str()) {
                i -= 1;
            }
            out.push((words[..i].join(" "), at));
        }
    }
    out
}

/// A candidate name cleaned: team words, legal suffixes and leading articles dropped;
/// none when nothing of a name is left, or it is a title, a service or a common word.
fn clean(raw: &str) -> Option<String> {
    let raw = raw
        .trim()
        .trim_matches(|c: char| !c.is_alphanumeric() && c != '&');
    let mut words: Vec<&str> = raw.split_whitespace().collect();
    // A greeting ends a name run into it ("Acme Careers Dear Jordan").
    if let Some(i) = words
        .iter()
        .skip(1)
        .position(|w| GREETING_WORDS.contains(&fold(w).as_str()))
    {
        words.truncate(i + 1);
    }
    while let Some(first) = words.first() {
        let f = fold(first);
        if ["the", "team", "el", "la", "le", "de", "die", "der"].contains(&f.as_str())
            || NOT_NAMES.contains(&f.as_str())
        {
            words.remove(0);
        } else {
            break;
        }
    }
    let mut legal = false;
    loop {
        let Some(last) = words.last() else { break };
        let f = fold(last.trim_end_matches(['.', ',']));
        let f = f.as_str();
        if TEAM_WORDS.contains(&f) || ["&", "-", "–"].contains(&f) {
            words.pop();
        } else if is_legal(f) {
            legal = true;
            words.pop();
        } else if legal && GROUP_WORDS.contains(&f) && words.len() > 1 {
            // "Oakhaven Retail Group Ltd" is Oakhaven Retail; "Acme Group" stays.
            words.pop();
        } else {
            break;
        }
    }
    // "Recruiting-Team der Stellwerk Mobility", "Equipo de Talento": the team's words
    // come before the organisation's.
    if let Some(i) = words.iter().position(|w| {
        [
            "der", "de", "of", "von", "van", "di", "da", "do", "du", "des",
        ]
        .contains(&fold(w).as_str())
    }) && words[..i].iter().any(|w| {
        fold(w)
            .split(['-', '\''])
            .any(|p| TEAM_WORDS.contains(&p) && p != "the" && p != "de")
    }) {
        return clean(&words[i + 1..].join(" "));
    }
    if words.is_empty() || words.len() > 5 {
        return None;
    }
    let name = words.join(" ");
    let folded = fold(&name);
    let all_common = folded.split_whitespace().all(|w| NOT_NAMES.contains(&w));
    let titled = folded
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .any(|w| TITLE_WORDS.contains(&w));
    (!all_common && !titled && !is_service_brand(&name) && squash(&name).len() >= 2).then_some(name)
}

/// Merges candidates naming the same organisation: equal once squashed, or one the
/// other's first words ("Brackenhurst" and "Brackenhurst Energy"); the longer
/// spelling stays, the scores add up.
fn merge(cands: Vec<Candidate>) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::new();
    for c in cands {
        let k = key(&c.name);
        let words = fold(&c.name);
        let words = words.strip_prefix("the ").unwrap_or(&words).to_owned();
        if let Some(m) = out.iter_mut().find(|m| {
            let mk = key(&m.name);
            let mw = fold(&m.name);
            let mw = mw.strip_prefix("the ").unwrap_or(&mw);
            mk == k || mw.starts_with(&format!("{words} ")) || words.starts_with(&format!("{mw} "))
        }) {
            if c.name.len() > m.name.len() {
                m.name = c.name;
            }
            if c.score > m.score * 0.5 && c.score >= m.score {
                m.source = c.source;
            }
            m.score += c.score;
            m.phrase |= c.phrase;
        } else {
            out.push(c);
        }
    }
    out
}

/// A name squashed for comparing, without a leading article ("The Green Kitchen
/// Company" is `greenkitchencompany`).
fn key(name: &str) -> String {
    let f = fold(name);
    squash(f.strip_prefix("the ").unwrap_or(&f))
}

/// Whether `name` is what a domain label spells: "Lumen Grid" for `lumengrid`,
/// "Kestrel Payments" for `kestrelpay`, "Quillfeather Health" for `quillfeather`.
pub(crate) fn matches_domain(name: &str, label: &str) -> bool {
    let n = key(name);
    let l: String = label.chars().filter(|c| c.is_alphanumeric()).collect();
    // "North West Airways" at nwa-jobs.com: the initials.
    let initials: String = fold(name)
        .split_whitespace()
        .filter(|w| *w != "&" && *w != "the" && *w != "of")
        .filter_map(|w| w.chars().next())
        .collect();
    !n.is_empty()
        && l.len() >= 3
        && (n == l
            || (l.len() >= 5 && n.starts_with(&l))
            || (n.len() >= 5 && l.starts_with(&n))
            || (initials.len() >= 3 && initials == l))
}

/// A domain label spelled as a name: `stellwerk-mobility` → "Stellwerk Mobility".
fn spell_domain(sender: &Sender) -> String {
    sender
        .domain_label()
        .unwrap_or_default()
        .split(['-', '_'])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether the sender is a recruiting agency (its text, signature or name says so).
fn is_agency(sender: &Sender, newest: &str) -> bool {
    if sender.relay != Relay::Direct {
        return false;
    }
    let signature = fold(&format!(
        "{}\n{}",
        sender.name.as_deref().unwrap_or_default(),
        signature_lines(newest).join("\n")
    ));
    let text = fold(newest);
    let named = signature.lines().any(|l| {
        let l = l.trim();
        l.split_whitespace().count() >= 2 && AGENCY_NAMES.iter().any(|n| l.ends_with(n))
    });
    named
        || AGENCY_TEXT.iter().any(|m| has(&text, m))
        || AGENCY_SIGNATURE.iter().any(|m| has(&signature, m))
}

#[cfg(test)]
#[path = "company_test.rs"]
mod tests;
