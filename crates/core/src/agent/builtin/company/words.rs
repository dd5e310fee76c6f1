//! The words that tell a name from what surrounds it: team words, legal suffixes,
//! greetings, common capitalised words, titles, and what agencies write.

use super::super::names::runs;
use super::super::relays::is_service_brand;
use super::super::text::{fold, squash};

/// Words that end an organisation's name in a sender's display name or a signature
/// without being part of it ("Halcyon Bank Careers", "Corvid Security Recruiting").
#[rustfmt::skip]
pub(super) const TEAM_WORDS: &[&str] = &[
    "careers", "career", "jobs", "job", "recruiting", "recruitment", "recruiters", "talent",
    "team", "teams", "hiring", "hr", "people", "acquisition", "community", "resourcing",
    "portal", "home", "candidate", "notifications", "no-reply", "noreply",
    "personalabteilung", "recrutement", "talento", "seleccion", "selección", "selection", "rh", "rrhh",
    "werving", "selezione", "recrutamento", "bewerbermanagement", "karriere", "empleo", "empleos",
    "emploi", "vacatures", "equipo", "equipe", "equipa", "l'equipe", "department",
    "departamento", "abteilung", "departement", "afdeling", "human", "resources", "the",
    "ressources", "humaines", "recursos", "humanos", "risorse", "umane", "personeelszaken",
    "de", "personnel", "rekrytointi", "rekry", "rekrytering", "rekruttering", "rekrutacja",
    "rekrutacji", "zespol", "varbamine", "atranka", "atlase", "henkilosto", "karriar",
    "kariera", "carrieres", "carriere", "carreras", "carreiras", "onboarding", "nabor",
    "karrier", "personalteam", "personal", "experience", "assessment", "assessments",
    "survey", "seleccio", "selecao", "talents", "personalverrechnung", "lohnverrechnung",
    "culture", "menslike", "hulpbronne", "werwing", "personale", "sviluppo", "personalservice", "personalmarketing",
    "personalgewinnung", "personalbeschaffung", "e-recruitment", "e-recruiting",
    "payroll", "personalmanagement", "personalwesen", "ops", "ufficio", "kadrovska",
    "sluzba", "ljudski", "resursi", "potencijali", "coordination", "scheduling", "kariyer",
    "insan", "kaynaklari", "ik", "departmani",
    // Quebec's public sector: "Dotation – CISSS de la Côte-des-Érables"; a trust's
    // "Pre-employment" checks team.
    "dotation", "pre-employment",
    // Malay: "Seri Alam Properties - Kerjaya", "Jabatan Sumber Manusia".
    "kerjaya", "jabatan", "sumber", "manusia", "pengambilan", "bakat",
];

/// Legal suffixes left out of a name ("Stellwerk Mobility GmbH" → "Stellwerk Mobility"),
/// with the group words that come before them ("Oakhaven Retail Group Ltd").
#[rustfmt::skip]
pub(super) const LEGAL: &[&str] = &[
    "ltd", "ltd.", "limited", "llp", "llc", "plc", "inc", "inc.", "gmbh", "ag", "se",
    "s.a.", "sa", "sas", "sarl", "s.l.", "sl", "s.l.u.", "b.v.", "bv", "n.v.", "nv",
    "s.p.a.", "spa", "s.r.l.", "srl", "lda", "lda.", "ltda", "corp", "corp.", "co.", "kg",
    "ug", "oy", "ab", "as", "a/s", "pty", "sasu", "e.v.", "mbh", "co", "sp", "s.r.o.",
    "aps", "asa", "oyj", "kft", "d.o.o.", "eurl", "vof", "ohg", "kgaa", "pte", "s.a.s.",
    "srls", "dac", "u.a.", "eg", "scarl", "s.coop.", "zt", "zrt", "nyrt", "ou", "sti",
    // Belgium's non-profit forms.
    "asbl", "a.s.b.l.", "aisbl", "vzw", "ivzw",
    "sti.", "d.d.", "hf", "a.e.", "α.ε.", "ε.π.ε.", "ι.κ.ε.", "pvt", "pvt.", "(pty)",
    // The Gulf's, Malaysia's, Indonesia's and Canada's.
    "pjsc", "fz-llc", "fzllc", "fze", "fzco", "wll", "w.l.l.", "spc", "saog", "saoc", "qpsc",
    "jsc", "bhd", "bhd.", "sdn", "sdn.", "berhad", "tbk", "ulc",
    // South Africa's Afrikaans "(Edms) Bpk" ("(Pty) Ltd").
    "(edms)", "edms", "bpk", "bpk.",
    // Peru's (S.A.C., S.A.A., E.I.R.L.); Japan's in Latin letters (K.K., G.K.).
    "s.a.c.", "s.a.c", "sac", "s.a.a.", "e.i.r.l.", "k.k.", "k.k", "g.k.",
];

/// Days and months, folded: they end a name run into them.
#[rustfmt::skip]
const DATE_WORDS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "june", "july", "august", "september", "october",
    "november", "december", "montag", "dienstag", "mittwoch", "donnerstag", "freitag",
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "lunes", "martes", "miercoles",
    "jueves", "viernes", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag",
];

/// Countries and regions that end a subsidiary's name, folded.
#[rustfmt::skip]
pub(super) const COUNTRIES: &[&str] = &[
    "france", "deutschland", "germany", "uk", "ireland", "espana", "spain", "italia", "italy",
    "nederland", "netherlands", "belgium", "belgique", "portugal", "polska", "poland",
    "europe", "emea", "benelux", "nordics", "schweiz", "suisse", "austria",
    "osterreich", "danmark", "denmark", "sverige", "norge",
    // A subsidiary's country further afield ("Stanbridge Bank Nigeria").
    "nigeria", "ghana", "kenya", "egypt", "morocco", "india", "singapore",
    "malaysia", "philippines", "vietnam", "thailand", "mexico", "colombia",
    "chile", "brasil", "brazil", "argentina", "peru", "uae", "ksa", "qatar", "turkiye",
    "turkey",
    "australia", "china", "japan",
];

/// Words of the document a relay sends, which end a name run into them.
const DOCUMENT_WORDS: &[&str] = &[
    "form",
    "offer",
    "letter",
    "agreement",
    "contract",
    "contrato",
    "vertrag",
    "contrat",
    "contratto",
    "overeenkomst",
];

/// Words before a document's word that say which kind it is, folded.
const DOCUMENT_KINDS: &[&str] = &[
    "conditional",
    "unconditional",
    "formal",
    "revised",
    "updated",
    "signed",
    "final",
    "draft",
    "employment",
    "job",
    "verbal",
    "written",
    "application",
];

pub(super) const GROUP_WORDS: &[&str] = &[
    "group", "holdings", "holding", "gruppe", "groupe", "grupo", "groep", "gruppo",
];

/// Words that open a greeting, folded.
pub(super) const GREETING_WORDS: &[&str] = &[
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
pub(super) const NOT_NAMES: &[&str] = &[
    "hi", "hello", "hey", "dear", "hallo", "bonjour", "hola", "hoi", "ciao", "ola",
    "thanks", "thank", "we", "our", "you", "your", "i", "it", "this", "that", "re", "fwd",
    "interview", "invitation", "application", "offer", "update", "next", "steps", "intro",
    "introduction", "chat", "feedback", "follow-up", "catch-up", "reminder", "lembrete",
    "erinnerung", "rappel", "recordatorio", "promemoria", "herinnering", "action",
    "required", "welcome", "congratulations", "good", "great", "news", "quick", "question",
    "new", "message", "role", "position", "opportunity", "final", "round", "test",
    "assessment", "documents", "ihre", "ihr", "votre", "vos", "tu", "su", "je", "uw", "la",
    "il", "le", "les", "el", "los", "einladung", "bewerbung", "entretien", "entrevue",
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
    "chance", "free", "hey", "saw", "series", "opdrachtgever", "klant", "client", "cliente",
    "kunde", "auftraggeber", "klanten", "event", "type", "general", "coding", "service",
    "ufficio", "servicio", "servico", "opportunite", "opportunita", "oportunidad",
    "oportunidade", "kans", "vacante", "vertrauliche", "vertraulich", "anfrage",
    "besetzung", "wir", "ihnen", "uns", "vertragsangebot", "automatische", "antwort",
    "confidential", "confidentiel", "confidencial", "riservata", "guests", "organiser",
    "organizer", "when", "where", "calendar",
    // Pronouns opening a sentence: "They have reviewed the shortlist".
    "they", "he", "she", "both", "everyone",
    // A licence's and a fee's words: "PRC ID", "no placement fee".
    "prc", "id", "placement", "fee", "fees", "acknowledgement", "acknowledgment", "online",
    // French words opening a sentence: "S'il vous plaît", "Nous avons", "Un recruteur".
    "s'il", "nous", "un", "une", "visas",
    "god", "certificate", "shortlisted", "selected", "document", "documents", "requirements", "result", "results",
    // Afrikaans: "Geleentheid: …" heads an opportunity.
    "geleentheid",
    // A process's or a document's words heading a subject ("Written Technical
    // Assessment – …", "Final Selection Panel: …", "Contract of Employment – …").
    "written", "technical", "selection", "panel", "permit", "employment", "contract", "of",
    // The same heading a subject in other languages ("Confirmação: você desistiu…",
    // "Currículo atualizado para…", "Retorno - …").
    "confirmacao", "confirmacion", "conferma", "bestatigung", "bevestiging", "inscricao",
    "inscripcion", "curriculo", "retorno", "atualizacao", "desafio", "convite",
    // Turkish: "Başvurun Modaliva'ya iletildi" (your application …), a greeting.
    "basvurun", "basvurunuz", "basvuru", "merhaba", "sayin",
];

/// Words of a job title; a name holding one is a role, not an employer.
#[rustfmt::skip]
pub(super) const TITLE_WORDS: &[&str] = &[
    "engineer", "developer", "analyst", "scientist", "manager", "programmer", "designer",
    "architect", "recruiter", "coordinator", "consultant", "partner", "director", "head",
    "lead", "officer", "advisor", "specialist", "cto", "ceo", "cfo", "coo", "vp", "founder",
    "co-founder", "intern", "administrator", "sre", "devops", "entwickler", "ingenieur",
    "ingeniero", "developpeur", "desarrollador", "analista", "ontwikkelaar", "sviluppatore",
    "engenheiro", "tecnica", "tecnico", "charge", "chargee", "responsable", "operations",
    "assistant", "executive", "president", "generalist", "sourcer", "associate",
    "consultante", "consultora", "consulente", "recruteur", "recruteuse", "reclutador",
    "reclutadora", "selezionatrice", "selezionatore", "headhunter", "danisman", "kidemli",
    "yonetici", "uzmani", "mudur", "muduru", "pm", "strategist", "associe", "associee",
];

/// Lowercase titles that come before a person's name ("our engineering lead Daan").
pub(super) const PERSON_TITLES: &[&str] = &[
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
    "cfo",
    "coo",
    "mr",
    "mrs",
    "ms",
    "dr",
];

/// What an agency writes: anywhere in the text, or in its signature and name.
pub(super) const AGENCY_TEXT: &[&str] = &[
    "el cliente decidio",
    "search firm",
    "mi cliente",
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
    // A go-between speaking of the employer in the third person (not German "Ihre"
    // or Spanish "su", which also mean "your").
    "their hr",
    "their hiring manager",
    "their hiring team",
    "their recruiting team",
    "their talent team",
    "they're offering you",
    "they are offering you",
    "they'd like to offer",
    "i'll forward them",
    "i'll forward it",
    "i'll pass them on",
    "i'll pass it on",
    "forward them straight on",
    "put your cv forward",
    "before i present you to",
    "i present you to their",
    "the first batch i put forward",
    "personalberater",
    "i'm working with",
    "i am working with",
    // An investor or a friend introducing a company.
    "portfolio compan",
    "connecting you two",
    "introduce you to",
    "i'll let you two",
    "leur equipe rh",
    "societa di selezione",
    "ricerca e selezione",
    "agenzia per il lavoro",
    "empresa de seleccion",
    "consultora de seleccion",
    "bureau de recrutement",
    "personaldienstleister",
    "recruitmentbureau",
    "hun hr",
    // Commissioned by the employer: Norwegian, Danish, Swedish.
    "fatt i oppdrag",
    "pa vegne av",
    "pa vegne af",
    "pa uppdrag av",
    "i deres sogning",
    "in their search for",
    // The Philippines' licensed agencies: the employer is their "principal", hiring
    // through a "job order"; "client namin" (our client).
    "our principal",
    "saudi principal",
    "foreign principal",
    "principal/employer",
    "job order",
    "dmw license",
    "poea license",
    "placement fee",
    "client namin",
    "aming kliyente",
    "kliyente namin",
    "your deployment",
    "inyong deployment",
    // A firm that searches for its clients.
    "search firm",
    "recruitment firm",
    "staffing firm",
    "i'm partnering with",
    "working exclusively with",
    "we're partnering with",
    "estamos apoyando a",
    "en la busqueda de",
    // Turkish: "our client".
    "musterimiz",
    // Polish: "I recruit for", "our client".
    "rekrutuje dla",
    "rekrutujemy dla",
    "naszego klienta",
    "nasz klient",
];

/// An agency passing the person on to its client, folded; an in-house recruiter
/// says the same of its hiring manager ("Before I put you forward to Jan").
pub(super) const PASSING_ON: &[&str] = &[
    "put you forward",
    "put your cv forward",
    "submit you to",
    "i'll submit you",
    "before i submit",
];

pub(super) const AGENCY_SIGNATURE: &[&str] =
    &["consultant", "staffing", "executive search", "headhunter"];

/// Words of public bodies, universities and hospitals, folded: their own recruiting
/// is no agency.
#[rustfmt::skip]
pub(super) const INSTITUTION_WORDS: &[&str] = &[
    "council", "borough", "county", "municipality", "city", "university", "universitat",
    "universidad", "universita", "universite", "universiteit", "hospital", "nhs", "trust",
    "authority", "ministry", "government", "police", "school", "college", "gemeente",
    "kommune", "kommun", "stadt", "landkreis", "ayuntamiento", "ajuntament", "comune",
    "consorci", "consorcio", "instituto", "institut", "region", "regione", "provincia",
];

/// Last words of a public body's name that other names end with too ("Harrow Executive
/// Recruitment" is an agency): read as a public body only after a title in a public job
/// site's subject ("Senior Engineer - Education Estates Agency").
pub(super) const PUBLIC_BODY_ENDINGS: &[&str] = &[
    "agency",
    "directorate",
    "office",
    "department",
    "executive",
    "commission",
];

/// The last words of an agency's name ("Harrow & Pike Recruitment", "De Groot Werving &
/// Selectie"); an in-house "Recruitment Team" is no agency.
pub(super) const AGENCY_NAMES: &[&str] = &[
    "personal",
    "personalvermittlung",
    "talent partners",
    "search partners",
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
    "danismanlik",
    // Afrikaans: "Wynland Werwing", "Karoo Personeel".
    "werwing",
    "personeel",
    // The Philippines' licensed agencies: "Global Angels Manpower Services",
    // "Kaagapay International Placement Agency".
    "manpower services",
    "manpower",
    "placement agency",
    "placement",
    "employment agency",
];

/// Whether folded `name` ends as an agency's name may: one of [`AGENCY_NAMES`], or
/// "Talent", which in-house teams sign with too ("Peregrí Travel Talent"), so it
/// spells out a firm already known to be an agency ("Montepeiro Talent") but does
/// not make one.
pub(super) fn agency_name_ending(name: &str) -> bool {
    AGENCY_NAMES.iter().any(|n| name.ends_with(n)) || name.ends_with(" talent")
}

/// Whether folded `word` is a legal suffix, dots or not ("B.V", "b.v.", "BV").
pub(crate) fn is_legal(word: &str) -> bool {
    let bare: String = word.chars().filter(|c| *c != '.').collect();
    LEGAL
        .iter()
        .any(|l| l.chars().filter(|c| *c != '.').collect::<String>() == bare)
}

/// `run` without a trailing legal suffix ("Quaystone Contracts Ltd").
pub(super) fn strip_legal(run: &str) -> String {
    let mut words: Vec<&str> = run.split_whitespace().collect();
    while words.len() > 1
        && words
            .last()
            .is_some_and(|w| is_legal(&fold(w.trim_end_matches(','))))
        && !joined_on(&words)
    {
        words.pop();
    }
    words.join(" ")
}

/// Whether `words` end with a word joined on by "&" or "and", which is the name's
/// ("Haldi & Co", "Tramuntana Resort & Spa"), not a form.
fn joined_on(words: &[&str]) -> bool {
    words.len() > 2 && is_conjunction(words[words.len() - 2])
}

/// "&", "and" and their like in the languages names are written in.
fn is_conjunction(word: &str) -> bool {
    ["&", "and", "und", "et", "e", "y"].contains(&fold(word).as_str())
}

/// Whether a name opens with its legal form: "PT Kencana Solusi Integra", Indonesia's
/// limited company (in capitals: "Pt" is no form).
fn opens_with_form(words: &[&str]) -> bool {
    words.len() > 1 && ["PT", "PT."].contains(&words[0])
}

/// Names written with a legal suffix ("Halcyon Bank plc", "Fernholz Energie AG").
pub(super) fn legal_names(text: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    for (at, run) in runs(text) {
        let words: Vec<&str> = run.split_whitespace().collect();
        // "PT Semesta Ritel Indonesia": the form before the name.
        if opens_with_form(&words) {
            let name = words[1..]
                .iter()
                .take_while(|w| !is_legal(&fold(w)))
                .copied()
                .collect::<Vec<_>>()
                .join(" ");
            if !name.is_empty() {
                out.push((name, at));
            }
            continue;
        }
        if let Some(mut i) = words.iter().position(|w| is_legal(&fold(w)))
            && i > 0
        {
            // "Haldi & Co. Pvt Ltd": "& Co" is the name's; "Tramuntana Resort & Spa" has
            // no form at all (Italy's "SpA").
            if i > 1 && is_conjunction(words[i - 1]) {
                let next = words[i + 1..].iter().position(|w| is_legal(&fold(w)));
                match next {
                    Some(j) => i += 1 + j,
                    None if ["co", "co."].contains(&fold(words[i]).as_str()) => i = words.len(),
                    None => continue,
                }
            }
            // "Oakhaven Retail Group Ltd" is Oakhaven Retail.
            if i > 1 && GROUP_WORDS.contains(&fold(words[i - 1]).as_str()) {
                i -= 1;
            }
            // "Nilgiri Healthcare Services Private Limited": India's private company.
            if i > 1 && fold(words[i - 1]) == "private" {
                i -= 1;
            }
            out.push((words[..i].join(" "), at));
        } else if let Some(after) = text.get(at + run.len()..)
            && after.starts_with(' ')
            && after
                .split_whitespace()
                .next()
                .is_some_and(|w| w.starts_with(char::is_lowercase) && LOWER_LEGAL.contains(&w))
        {
            // "Softbrook sp. z o.o.", "Brnoflow s.r.o.": a legal form in lower case
            // after the name.
            out.push((run.to_owned(), at));
        }
    }
    // "Fédération des PME wallonnes asbl": a signature line that ends with its form
    // names the body with its lower-case words.
    for line in text.lines() {
        let line = line.trim();
        let Some((name, form)) = line.rsplit_once(' ') else {
            continue;
        };
        let words = name.split_whitespace().count();
        if form.starts_with(char::is_lowercase)
            && LOWER_LEGAL.contains(&form)
            && name.starts_with(char::is_uppercase)
            && (2..=8).contains(&words)
            && name
                .split_whitespace()
                .any(|w| w.starts_with(char::is_lowercase))
            && !name.contains(|c: char| c.is_ascii_digit() || ",.:;!?".contains(c))
        {
            let at = line.as_ptr() as usize - text.as_ptr() as usize;
            out.push((name.to_owned(), at));
        }
    }
    out
}

/// Legal forms written in lower case, as they open after a name.
const LOWER_LEGAL: &[&str] = &[
    "sp.", "s.a.", "s.r.o.", "s.r.l.", "s.l.", "s.p.a.", "b.v.", "n.v.", "a.s.", "d.o.o.", "ltd",
    "ltd.", "gmbh", "plc", "llc", "inc.", "asbl", "aisbl", "vzw", "ivzw",
];

/// How many words of `words` are the folded phrase of `phrases` they end with, when
/// words are left before it.
fn ending_in(words: &[&str], phrases: &[&str]) -> Option<usize> {
    phrases.iter().find_map(|p| {
        let n = p.split_whitespace().count();
        (words.len() > n && fold(&words[words.len() - n..].join(" ")) == *p).then_some(n)
    })
}

/// The case endings Turkish writes onto a name after an apostrophe: to, at, from,
/// of, with.
#[rustfmt::skip]
const TURKISH_ENDINGS: &[&str] = &[
    "a", "e", "ya", "ye", "na", "ne", "da", "de", "ta", "te", "dan", "den", "tan", "ten",
    "ın", "in", "un", "ün", "nın", "nin", "nun", "nün", "ı", "i", "u", "ü", "yı", "yi", "yu",
    "yü", "la", "le", "yla", "yle", "ndan", "nden", "nda", "nde",
];

/// A candidate name cleaned: team words, legal suffixes and leading articles dropped;
/// none when nothing of a name is left, or it is a title, a service or a common word.
pub(super) fn clean(raw: &str) -> Option<String> {
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
    // A legal form ends a name: "Nordlicht Versicherung AG und Ihre Bewerbung" ran on
    // into the text.
    let joining = [
        "de", "del", "della", "des", "du", "of", "y", "i", "e", "et", "und", "&",
    ];
    if let Some(i) = words.windows(2).position(|p| {
        is_legal(&fold(p[0].trim_end_matches(','))) && joining.contains(&fold(p[1]).as_str())
    }) {
        words.truncate(i + 1);
    }
    // "Kessler Antriebstechnik und Ihre Bewerbung", "Précimat le 1er avril": a name
    // ends before a joining word that runs into the text, or before a date's number
    // after a small word.
    if let Some(end) = (1..words.len()).find(|&i| {
        (words[i].starts_with(|c: char| c.is_ascii_digit())
            && words[i - 1].starts_with(char::is_lowercase))
            || (joining.contains(&fold(words[i]).as_str())
                && words.get(i + 1).is_some_and(|n| {
                    let n = fold(n);
                    // "CISSS de la Côte-des-Érables": an article before a name.
                    let article = ["la", "le", "les", "los", "las"].contains(&n.as_str())
                        && words
                            .get(i + 2)
                            .is_some_and(|w| w.starts_with(char::is_uppercase));
                    NOT_NAMES.contains(&n.as_str()) && !article
                }))
    }) {
        words.truncate(end);
        while words.len() > 1
            && words.last().is_some_and(|w| {
                w.starts_with(char::is_lowercase) || joining.contains(&fold(w).as_str())
            })
        {
            words.pop();
        }
    }
    // Its country stays ("PT Semesta Ritel Indonesia").
    if opens_with_form(&words) {
        words.remove(0);
    }
    let mut legal = false;
    // "Coöperatie Polderveld Zuivel U.A.": the cooperative's form, before its name.
    if words.len() > 2
        && ["cooperatie", "cooperativa", "genossenschaft", "cooperative"]
            .contains(&fold(words[0]).as_str())
    {
        words.remove(0);
    }
    // "Talent Acquisition Hvidøre Pharmaceuticals": a signing envelope's sender, the
    // team before its employer.
    const TEAM_FIRST: &[&str] = &[
        "talent acquisition",
        "human resources",
        "people team",
        "recursos humanos",
        "ressources humaines",
        "risorse umane",
        // Malay: "Jabatan Sumber Manusia Rimba Plantations".
        "jabatan sumber manusia",
        "sumber manusia",
    ];
    // Folded once: `clean` runs for every candidate name.
    let head: Vec<String> = words.iter().map(|w| fold(w)).collect();
    if let Some(n) = TEAM_FIRST.iter().find_map(|p| {
        let n = p.split_whitespace().count();
        (words.len() > n
            && p.split_whitespace()
                .eq(head.iter().take(n).map(String::as_str)))
        .then_some(n)
    }) {
        words.drain(..n);
    }
    // "Recrutement Groupe Aubrac": the team's one word before its employer's name;
    // "Portal de Empleos Grupo Ingesur", a careers portal's.
    if words.len() > 2
        && ["recrutement", "recruitment", "rrhh", "rh", "hr", "empleos"]
            .contains(&fold(words[0]).as_str())
    {
        words.remove(0);
    }
    // "Werken bij Verhoeven", "Verhoeven Wonen – Werken bij": a careers site's name.
    const CAREERS_SITE: &[&str] = &["werken bij", "werken voor", "arbeiten bei", "karriere bei"];
    if words.len() > 2 && CAREERS_SITE.contains(&fold(&words[..2].join(" ")).as_str()) {
        words.drain(..2);
    }
    if words.len() > 2 && CAREERS_SITE.contains(&fold(&words[words.len() - 2..].join(" ")).as_str())
    {
        words.truncate(words.len() - 2);
    }
    // "Pastificio Morandi - Lavora con noi": a careers page's "work with us".
    const WORK_WITH_US: &[&str] = &[
        "lavora con noi",
        "trabaja con nosotros",
        "travaillez avec nous",
        "trabalhe conosco",
        "trabalha connosco",
        "werk met ons",
        "work with us",
        "join us",
    ];
    // "MuaNhanh Tuyển dụng": Vietnamese names the team (recruitment, HR) after its
    // employer; "Phòng Nhân sự" (the HR department) alone is no name.
    // Turkish too: "Sepetto Yetenek Kazanımı Ekibi", "Kariyer Köprüsü İnsan Kaynakları
    // Danışmanlık", "Nordhaven Career Site".
    const TEAM_LAST: &[&str] = &[
        "tuyen dung",
        "nhan su",
        "yetenek kazanimi ekibi",
        "yetenek kazanimi",
        "insan kaynaklari danismanlik",
        "insan kaynaklari",
        "career site",
    ];
    let whole = fold(&words.join(" "));
    if ["phong", "bo phan", "ban", "phong hanh chinh"]
        .iter()
        .any(|d| TEAM_LAST.iter().any(|t| whole == format!("{d} {t}")))
    {
        return None;
    }
    if let Some(n) = ending_in(&words, TEAM_LAST) {
        words.truncate(words.len() - n);
    }
    // "Demirkent Çelik Sanayi ve Ticaret A.Ş.": a Turkish company's registered name
    // goes on with its trade ("Industry and Trade"); people leave that out.
    if let Some(i) = words
        .iter()
        .skip(1)
        .position(|w| ["sanayi", "san.", "ticaret", "tic."].contains(&fold(w).as_str()))
    {
        words.truncate(i + 1);
    }
    // "Kuzeyli'ye", "Modaliva'nın": Turkish writes a case ending onto a name after an
    // apostrophe (not English's "'s").
    let unsuffixed;
    if let Some(last) = words.last()
        && let Some((name, ending)) = last.rsplit_once(['\'', '’'])
        && !name.is_empty()
        && TURKISH_ENDINGS.contains(&ending)
    {
        unsuffixed = name.to_owned();
        let n = words.len() - 1;
        words[n] = &unsuffixed;
    }
    if let Some(n) = ending_in(&words, WORK_WITH_US) {
        words.truncate(words.len() - n);
    }
    while let Some(first) = words.first() {
        let f = fold(first);
        // "Zespół Rekrutacji Wisłopay": Polish names the team before its employer.
        if [
            "the",
            "team",
            "el",
            "la",
            "le",
            "de",
            "die",
            "der",
            "zespol",
            "dzial",
            "rekrutacji",
            // "Service des visas" without its service is no name either.
            "des",
            "du",
        ]
        .contains(&f.as_str())
            // "Ola Verde" is a name; Portuguese greets with "Olá".
            || (NOT_NAMES.contains(&f.as_str()) && (f != "ola" || first.contains('á')))
            // "O Palácio das Janelas quer avançar": Portuguese's article (not Irish "Ó").
            || (*first == "O" && words.len() > 1)
            // "Talent Acquisition – Marlow Heath": the dash left after the team.
            || !f.chars().any(char::is_alphanumeric)
        {
            words.remove(0);
        } else {
            break;
        }
    }
    // "Kestrel Dynamics France SAS": the country of a subsidiary is not the name.
    // "Meridian Data Talent London": an office's city, too.
    let country = |w: &str| {
        let f = fold(w.trim_end_matches(['.', ',']));
        COUNTRIES.contains(&f.as_str()) || super::super::places::is_locality(&f)
    };
    // "Ihr Quellwerk-Team", "het Portline-team".
    let dehyphenated;
    if let Some(last) = words.last()
        && let Some((head, tail)) = last.rsplit_once('-')
        && TEAM_WORDS.contains(&fold(tail).as_str())
        && !head.is_empty()
    {
        dehyphenated = head.to_owned();
        let n = words.len() - 1;
        words[n] = &dehyphenated;
    }
    while let Some(last) = words.last() {
        let f = fold(last.trim_end_matches(['.', ',']));
        let f = f.as_str();
        // "Nordvik Home" is a name; "Careers Home" a careers site's page.
        let home = ["home", "portal"].contains(&f)
            && words.len() > 1
            && !TEAM_WORDS.contains(&fold(words[words.len() - 2]).as_str());
        // "Anvil Resources" is a name; "Human Resources" a team.
        let trade = f == "resources" && words.len() > 1 && fold(words[words.len() - 2]) != "human";
        // "Haldi & Co": the company is the name, not a legal form.
        // "Kestrel Whitford Lateral Hire", "Ashdown Lyle Experienced Hire": a firm's
        // hiring stream (not "Speedy Hire").
        // "Ashcombe University People Services": a team's services.
        let stream = words.len() > 2 && {
            let before = fold(words[words.len() - 2]);
            (["hire", "hires"].contains(&f)
                && ["lateral", "experienced", "graduate"].contains(&before.as_str()))
                || (f == "services" && ["people", "hr"].contains(&before.as_str()))
        };
        if stream {
            words.truncate(words.len() - 2);
            continue;
        }
        if home || trade || (joined_on(&words) && is_legal(f)) {
            break;
        } else if TEAM_WORDS.contains(&f) || ["&", "-", "–", "and", "und", "et"].contains(&f) {
            words.pop();
        } else if words.len() > 2 && DOCUMENT_WORDS.contains(&f) {
            // "Vellora Health Offer Letter": the document, not the name, with what
            // kind it is ("Tidewater Bank Conditional Offer").
            words.pop();
            while words.len() > 2
                && words
                    .last()
                    .is_some_and(|w| DOCUMENT_KINDS.contains(&fold(w).as_str()))
            {
                words.pop();
            }
        } else if words.len() > 1 && ["interview", "screen"].contains(&f) {
            // "Paystride Technical Interview": the event, not the name, with its kind.
            words.pop();
            while words.len() > 1
                && words.last().is_some_and(|w| {
                    [
                        "technical",
                        "phone",
                        "video",
                        "final",
                        "first",
                        "second",
                        "onsite",
                        "virtual",
                        "panel",
                    ]
                    .contains(&fold(w).as_str())
                })
            {
                words.pop();
            }
        } else if is_legal(f) {
            legal = true;
            words.pop();
        } else if words.len() > 1 && ["see", "view", "reply", "click", "visit"].contains(&f) {
            // "Umhlaba Capital See who else…": a line's name ran into the next line's
            // call to action.
            words.pop();
        } else if words.len() > 2
            && f == "office"
            && ["corporate", "head", "registered", "regional"]
                .contains(&fold(words[words.len() - 2]).as_str())
        {
            // "Kaveri Foods Corporate Office, 4th Floor": the firm's office, as a place.
            words.truncate(words.len() - 2);
        } else if words.len() > 1
            && ["ceo", "cfo", "cto", "coo", "cpo", "cmo", "chro", "cio"].contains(&f)
        {
            // "a call with Al Sahel Marine CFO": the firm's officer, after its name.
            words.pop();
        } else if words.len() > 1 && DATE_WORDS.contains(&f) {
            // "Kestrel & Finch Thursday": a day the run ran into.
            words.pop();
        } else if country(last)
            && (words.len() >= 3 || (legal && words[0].chars().count() >= 5))
            && words.len() > 1
            // "Bank of London" is named for its city, "Salt & Cork" joins it on.
            && !["of", "de", "di", "du", "del", "da", "do", "von", "van", "für"]
                .contains(&fold(words[words.len() - 2]).as_str())
            && !joined_on(&words)
        {
            words.pop();
        } else if legal && f == "private" && words.len() > 1 {
            // "… Services Private Limited".
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
    // "Consorci de Serveis Municipals del Vallès": the small joining words do not
    // make a name longer.
    // A public body's name runs longer: "Calder & Aire Teaching Hospitals NHS Trust".
    let institution = words
        .last()
        .is_some_and(|w| INSTITUTION_WORDS.contains(&fold(w).as_str()));
    // Vietnamese writes a word a syllable: "Giao nhận Vận tải Sao Phương Nam".
    let vietnamese = words.iter().any(|w| {
        w.chars().any(|c| {
            matches!(
                c,
                'ư' | 'ơ' | 'đ' | 'Đ' | 'Ư' | 'Ơ' | '\u{1ea0}'..='\u{1ef9}'
            )
        })
    });
    let long = words
        .iter()
        .filter(|w| {
            let f = fold(w);
            !joining.contains(&f.as_str())
                && !["voor", "en", "for", "fur", "pour"].contains(&f.as_str())
        })
        .count()
        > if institution || vietnamese { 7 } else { 5 };
    if words.is_empty() || long || words.len() > 8 {
        return None;
    }
    // "CBC-HR-2231", "Proceso IREF-2026-031": a reference, not a name.
    if words
        .iter()
        .any(|w| w.chars().any(|c| c.is_ascii_digit()) && w.contains(['-', '/']) && w.len() >= 5)
    {
        return None;
    }
    // "Rue de la Loi", "Calle Mayor": an address, not a name.
    if super::super::places::opens_street(words[0]) {
        return None;
    }
    // "1pm", "10:30", "9.30am": a time, alone.
    let time = |w: &str| {
        let f = fold(w);
        let digits = f.trim_end_matches("am").trim_end_matches("pm");
        f.starts_with(|c: char| c.is_ascii_digit())
            && (digits.len() < f.len() || f.contains(':'))
            && digits
                .chars()
                .all(|c| c.is_ascii_digit() || c == ':' || c == '.')
    };
    if words.len() == 1 && time(words[0]) {
        return None;
    }
    // "Grade III", "Band 7", "Level 2": a grade, not a name.
    let numeral = |w: &str| {
        w.chars().all(|c| c.is_ascii_digit())
            || (!w.is_empty() && w.chars().all(|c| ['I', 'V', 'X'].contains(&c)))
    };
    if words.len() == 2
        && ["grade", "band", "level", "scale", "step"].contains(&fold(words[0]).as_str())
        && numeral(words[1])
    {
        return None;
    }
    let name = words.join(" ");
    let folded = fold(&name);
    let all_common = folded.split_whitespace().all(|w| NOT_NAMES.contains(&w));
    // "Seri Murni Specialist Hospital": an institution's name may hold a title word.
    let institution = folded
        .split_whitespace()
        .next_back()
        .is_some_and(|w| INSTITUTION_WORDS.contains(&w) || w == "clinic");
    // "Kestrel Executive Search": an agency of a level, not a title.
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .collect();
    let titled = !institution
        && words.iter().enumerate().any(|(i, w)| {
            TITLE_WORDS.contains(w)
                && !(*w == "executive"
                    && words
                        .get(i + 1)
                        .is_some_and(|n| ["search", "recruitment", "staffing"].contains(n)))
        });
    (!all_common && !titled && !is_service_brand(&name) && squash(&name).len() >= 2).then_some(name)
}
