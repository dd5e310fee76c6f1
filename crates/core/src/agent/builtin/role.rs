//! The role a message is about, as its title is written ("Backend Engineer", not
//! "Backend Engineer (Requisition R-10492)"), and the requisition id kept apart.
//!
//! Candidates are runs of capitalised words holding a title word (engineer,
//! Entwickler, développeur, analista…) after phrases such as "application for",
//! "the … role", "position of", "Bewerbung als", "poste de", "puesto de", "functie",
//! "posizione di", "vaga de", "hiring a", in subject segments, and, weakly, anywhere
//! outside the signature. Gender markers ("(m/w/d)", "(H/F)"), requisition ids and
//! work-mode notes are dropped; other brackets stay when the text itself writes them
//! ("Data Scientist (Climate Risk)").

use super::names::{run_at, run_before, runs};
use super::text::{Folded, fold, has, starts_word};

/// Phrases after which a role is named: (folded phrase, weight).
const BEFORE_ROLE: &[(&str, f64)] = &[
    ("applying to be our ", 4.0),
    ("applying to be the ", 4.0),
    ("apply to be our ", 3.5),
    ("candidatares a ", 3.5),
    ("position of ", 4.0),
    ("role of ", 4.0),
    ("poste de ", 4.0),
    ("poste d'", 4.0),
    ("puesto de ", 4.0),
    ("posicion de ", 4.0),
    ("functie van ", 4.0),
    ("functie als ", 4.0),
    ("functie ", 3.0),
    ("vacature ", 2.5),
    ("posizione di ", 4.0),
    ("ruolo di ", 4.0),
    ("vaga de ", 4.0),
    ("vaga para ", 4.0),
    // Brazilian job sites write the title straight after "vaga": "sua inscrição na vaga
    // Analista de Qualidade de Software Jr da …", "desistiu da vaga Analista de …".
    ("na vaga ", 3.5),
    ("a vaga ", 3.0),
    ("cargo de ", 4.0),
    // Latin-American job sites: "Te postulaste a Ingeniero/a de Proyecto Sr.", "tu
    // postulación al aviso Ingeniero(a) Eléctrico(a) Terreno", an agency's "búsqueda de".
    ("te postulaste a ", 4.0),
    ("postulacion a ", 3.5),
    ("postulacion al aviso ", 4.0),
    ("busqueda de ", 2.5),
    ("posicao de ", 4.0),
    ("application for the ", 3.5),
    ("application for ", 3.5),
    ("applying for the ", 3.5),
    ("applying for ", 3.5),
    ("applied for the ", 3.5),
    ("applied for ", 3.5),
    ("submitted for ", 3.0),
    ("candidacy for the ", 3.5),
    ("candidacy for ", 3.5),
    ("interview for the ", 3.5),
    ("interview for ", 3.0),
    ("process for the ", 3.0),
    ("process for ", 3.0),
    ("round for the ", 3.0),
    ("round for ", 3.0),
    ("apply for the ", 3.5),
    ("apply for ", 3.5),
    ("offer you the ", 3.0),
    ("interest in the ", 2.5),
    ("for the ", 1.5),
    ("as a ", 2.5),
    ("as an ", 2.5),
    ("as our next ", 3.0),
    ("as their ", 2.5),
    ("as our ", 2.5),
    ("as ", 1.5),
    ("en tant que ", 3.5),
    ("bewerbung als ", 4.0),
    ("position als ", 4.0),
    ("stelle als ", 4.0),
    ("tatigkeit als ", 4.0),
    ("als ", 2.0),
    ("comme ", 1.5),
    ("como ", 2.0),
    ("come ", 1.5),
    ("hiring a ", 3.5),
    ("hiring an ", 3.5),
    ("hiring for a ", 3.5),
    ("looking for a ", 3.0),
    ("looking for an ", 3.0),
    ("recruiting for a ", 3.5),
    ("recruiting for an ", 3.5),
    ("recruiting a ", 3.5),
    ("contract for a ", 3.0),
    ("for a ", 1.5),
    ("for ", 1.0),
    ("for an ", 1.5),
    ("suchen wir einen ", 3.5),
    ("suchen wir eine ", 3.5),
    ("einen ", 1.5),
    ("recrute un ", 3.5),
    ("recrute une ", 3.5),
    ("recherchons un ", 3.5),
    ("recherche un ", 3.0),
    ("buscamos un/a ", 3.5),
    ("buscamos un ", 3.5),
    ("buscamos una ", 3.5),
    ("zoeken we een ", 3.5),
    ("zoeken een ", 3.0),
    ("op zoek naar een ", 3.0),
    ("cerchiamo un ", 3.5),
    ("cerchiamo una ", 3.5),
    ("stiamo cercando un ", 3.5),
    ("candidatura per ", 3.5),
    ("candidatura para ", 3.0),
    ("candidatura a ", 3.0),
    ("procuramos um ", 3.5),
    // "um grupo hoteleiro que procura um/a Diretor/a de Operações".
    ("procura um/a ", 3.5),
    ("procura um ", 3.0),
    ("procura uma ", 3.0),
    ("procuramos um/a ", 3.5),
    ("procuramos uma ", 3.5),
    ("role:", 4.0),
    ("position:", 4.0),
    ("job title:", 4.0),
    ("job:", 3.0),
    ("poste :", 4.0),
    ("poste:", 4.0),
    ("stelle:", 4.0),
    ("puesto:", 4.0),
    ("functie:", 4.0),
    ("posizione:", 4.0),
    ("vaga:", 4.0),
    ("cargo: ", 4.0),
    ("vacante: ", 4.0),
    // Malay: "bagi jawatan Pengurus Sumber Manusia", "Jawatan: …", "sebagai Ketua …".
    ("jawatan: ", 4.0),
    ("jawatan ", 3.5),
    ("sebagai ", 2.0),
    // Indonesian: "untuk posisi Konsultan SAP FICO", "Posisi: …", "lowongan …".
    ("posisi: ", 4.0),
    ("posisi ", 3.5),
    ("lowongan ", 2.5),
    ("about:", 3.0),
];

/// Words after which a role ends, read backwards ("the Platform Engineer position").
const AFTER_ROLE: &[(&str, f64)] = &[
    (" role", 3.5),
    (" position", 3.5),
    (" job", 3.0),
    (" opening", 3.0),
    (" vacancy", 3.0),
    (" offer", 2.5),
    (" application", 2.5),
    (" opportunity", 2.5),
    (" final", 2.0),
    (" interview", 2.0),
    (" stelle", 3.0),
    (" vacature", 3.0),
    (" (m/w/d)", 3.5),
    (" (w/m/d)", 3.5),
    (" (m/f/d)", 3.5),
    (" (f/m/d)", 3.5),
    (" (h/f)", 3.5),
    (" (f/h)", 3.5),
    (" (m/v)", 3.5),
    (" (m/v/x)", 3.5),
];

/// Title words: a role holds one (German compounds hold it inside a word).
#[rustfmt::skip]
const TITLES: &[&str] = &[
    "engineer", "developer", "analyst", "scientist", "manager", "programmer", "designer",
    "architect", "lead", "specialist", "administrator", "researcher", "fellow", "officer",
    "technician", "tester", "sdet", "sre", "devops", "owner", "writer", "accountant", "strategist",
    "head", "principal", "intern", "trainee", "hrbp", "marketer", "superintendent", "programador", "programmeur", "entwickler",
    "ontwikkelaar", "beheerder", "architekt", "leiter", "berater", "wissenschaftler",
    "cientifico", "scientifique", "informatiker", "stagiaire", "werkstudent", "analist",
    "programadora", "cientifica", "desenvolvedora", "entwicklerin", "ingenieurin",
    "beraterin", "leiterin", "wissenschaftlerin", "architektin", "informatikerin",
    "automatisierer", "automatisiererin", "vp", "ingenjor", "ingenior", "utvikler",
    "udvikler", "utvecklare", "kehittaja", "insinoori", "inzynier", "programista",
    "insener", "arendaja", "arendajat", "izstradatajs", "inzenieris", "inzinierius",
    "hoofd", "consultant", "director", "chef", "subdirector", "subdirectora", "subdiretor",
    "subdiretora",
    // Czech, Slovak, Hungarian, Romanian ("termékmenedzser" ends with its title word).
    "manazer", "manazerka", "vyvojar", "vyvojarka", "inzenyr", "analytik", "analyticka",
    "reditel", "vedouci", "veduci", "programator", "menedzser", "vezeto", "fejleszto",
    "mernok", "elemzo", "igazgato", "inginer", "dezvoltator",
    // Finance, people and business work.
    "controller", "controllerin", "partner", "generalist", "coordinator", "assistant",
    "associate", "advisor", "adviser", "executive", "representative", "supervisor",
    "planner", "buyer", "auditor", "economist", "bookkeeper", "secretary", "referent",
    "referentin", "sachbearbeiter", "sachbearbeiterin", "buchhalter", "buchhalterin",
    "controleur", "controleuse", "comptable", "direttrice", "addetto", "addetta",
    "impiegato", "impiegata", "contabile", "bauleiter", "bauleiterin",
    // Planning and clinical research ("Planificador de Demanda", "Senior CRA", "klinisk
    // monitor").
    "planeadora", "planificadora", "planificatrice", "planejador", "planejadora",
    "pianificatore", "pianificatrice", "monitor", "cra",
    // Afrikaans: "Finansiële Ontleder", "Tesourie-ontleder", "Beplanningsbestuurder".
    "ontleder", "bestuurder", "rekenmeester", "klerk",
    // Dutch: "Teamleider Klantenservice", "Klantenservicemedewerker", "Adviseur"
    // ("leider" only ends a compound: alone it is German for "unfortunately").
    "leider", "medewerker", "adviseur", "consulent",
    // German planners and dispatchers ("Supply Chain Planer", "Disponentin").
    "planer", "planerin", "disponent", "disponentin",
    // "Prosjektleder", "projektledare": the Nordic word for a lead.
    "leder", "ledare",
    // Design engineers: "Konstrukteur Getriebetechnik", Czech "Konstruktér".
    "konstrukteur", "konstrukteurin", "konstrukter", "konstrukterka",
    // Slovenian, Croatian, Polish: with the head-first titles below.
    "menadzer",
    // Turkish titles end with their head word ("Pazarlama Müdürü", "Marka Yöneticisi").
    "mudur", "muduru", "yonetici", "yoneticisi", "sorumlusu", "uzman", "uzmani", "muhendis",
    "muhendisi", "direktoru", "gelistirici", "gelistiricisi", "analisti", "sefi",
    "planlamacisi", "koordinatoru", "lideri", "danismani", "temsilcisi",
    // Health, teaching, law, media and the trades.
    "nurse", "midwife", "clinician", "assessor", "physician", "pharmacist", "therapist",
    "physiotherapist", "paramedic", "practitioner", "informatician", "surgeon",
    "radiographer", "dietitian", "psychologist", "counsellor", "counselor", "trainer",
    "facilitator", "educator", "teacher", "lecturer", "tutor", "instructor", "editor",
    "journalist", "copywriter", "producer", "curator", "librarian", "translator",
    "paralegal", "solicitor", "lawyer", "attorney", "underwriter", "actuary", "estimator",
    "surveyor", "electrician", "plumber", "carpenter", "foreman", "mechanic", "receptionist",
    "technologist", "coach",
    // Pharmacy ("Pharmacien en oncologie" is a Romance head: see there).
    "apotheker", "apothekerin",
    // Law: "Legal Counsel", "In-house Counsel", "Juriste d'affaires", "Advocaat".
    "counsel", "barrister", "juriste", "jurist", "juristin", "avocat", "avocate", "abogado",
    "abogada", "advogado", "advogada", "anwalt", "anwaltin", "advocaat", "avvocato",
    // Research: "UX Onderzoeker", "Gebruikersonderzoeker", "Chercheuse UX".
    "onderzoeker", "forscher", "forscherin", "chercheur", "chercheuse", "investigador",
    "investigadora", "pesquisador", "pesquisadora", "ricercatore", "ricercatrice",
];

/// Title words that come first in a title written in sentence case, before the words
/// that say of what ("Vodja projektov", "Inženjer gradilišta", "Kierownik projektu"):
/// Slavic languages put the head noun first. They are title words too.
#[rustfmt::skip]
const HEAD_FIRST: &[&str] = &[
    "vodja", "voditelj", "voditeljica", "inzenir", "inzenirka", "inzenjer", "inzenjerka",
    "projektant", "projektantka", "direktor", "direktorica", "kierownik", "kierowniczka",
    "inzynier", "inzynierka", "specjalista", "specjalistka", "analitik", "analiticar",
    "analiticarka", "svetovalec", "svetovalka", "savjetnik", "savjetnica", "koordinator",
    "koordinatorka", "strokovnjak", "strucnjak", "upravitelj", "vedouci", "veduci",
    "reditel", "programer", "programista", "razvijalec", "analityk", "analityczka",
    // Malay ("Pengurus Sumber Manusia", "Rakan Kongsi Perniagaan HR", "Ketua Unit").
    "pengurus", "ketua", "eksekutif", "pegawai", "penolong", "timbalan", "pengarah",
    "penyelia", "jurutera", "juruteknik", "akauntan", "perunding", "pembantu", "rakan",
    // Indonesian ("Konsultan Sistem Keuangan", "Staf Akuntansi", "Manajer Keuangan").
    "konsultan", "manajer", "staf", "analis", "spesialis", "kepala", "direktur", "asisten",
    "insinyur", "teknisi", "petugas",
];

/// The titles of the people who write about a role, not of the role: a recruiter's
/// signature ("Talent Partner") is no role for the person it writes to.
const RECRUITER_TITLES: &[&str] = &[
    "talent partner",
    "talent acquisition",
    "recruiting partner",
    "recruitment partner",
    "sourcer",
    // Malay: "Eksekutif Pengambilan Bakat".
    "pengambilan bakat",
];

/// Brackets dropped from a role: gender markers, ids, work modes.
fn droppable(inner: &str) -> bool {
    let f = fold(inner);
    let gender = (f.len() <= 12 && f.contains('/') && f.split('/').all(|p| p.trim().len() <= 3))
        || ["all genders", "alle geschlechter", "gn"].contains(&f.trim());
    // "(JR-20417)", "(Job ID 5521)" are ids; "(ROS 2)", "(SIL4)" a specialism.
    let id = f.chars().filter(char::is_ascii_digit).count() >= 3
        || (f.contains('-') && f.chars().any(|c| c.is_ascii_digit()));
    // "(Málaga)", "(North of England)": where the job is, not what it is.
    let words: Vec<&str> = f
        .split_whitespace()
        .filter(|w| {
            ![
                "of", "the", "de", "north", "south", "east", "west", "central",
            ]
            .contains(w)
        })
        .collect();
    let place = !words.is_empty() && words.iter().all(|w| super::places::is_locality(w))
        // "(Rua das Flores)": the hotel's street.
        || inner.split_whitespace().next().is_some_and(super::places::opens_street);
    gender
        || id
        || place
        || [
            "remote",
            "hybrid",
            "on-site",
            "onsite",
            "teletravail",
            "remoto",
            "teletrabajo",
            "thuiswerk",
            "req",
            "job id",
            "ref",
            "month",
            "months",
            "mois",
            "monate",
            "meses",
            "mesi",
            "maanden",
            "days",
            "week",
            "grade",
            "job group",
            "band",
            "salary",
            "bilingual",
            "bilingue",
        ]
        .iter()
        .any(|w| has(&f, w))
        // "(Remote/Hybrid)"; not a list of acronyms, "(APQP/PPAP)".
        || (f.contains('/')
            && !inner
                .split('/')
                .all(|p| p.trim().len() >= 3 && p.trim().chars().all(|c| c.is_ascii_uppercase())))
        || f.contains(',')
        || eu_grade(&f)
        // "(contract)", but not "(Main Contractor)".
        || ["contract", "fixed-term", "fixed term", "temporary", "permanent", "maternity cover"]
            .contains(&f.trim())
        // "(link ważny 72 godziny)", "(not yet advertised)": a remark, in lower case.
        || (inner.split_whitespace().count() >= 3 && inner.starts_with(char::is_lowercase))
}

/// Whether folded `f` is an EU institution's grade ("AD 7", "AST 4", "FG IV"): the pay
/// grade, not the work.
fn eu_grade(f: &str) -> bool {
    let mut words = f.split_whitespace();
    let (Some(group), Some(grade), None) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    ["ad", "ast", "ast/sc", "fg", "sc"].contains(&group)
        && (grade.chars().all(|c| c.is_ascii_digit())
            || grade.chars().all(|c| ['i', 'v', 'x'].contains(&c)))
}

/// A role found, and how strongly.
struct Candidate {
    title: String,
    /// Whether the text itself (not only the subject) wrote it this way.
    in_text: bool,
    score: f64,
    /// Whether it is a title with its field in lower case read to a segment's end
    /// ("Chargé de mission Affaires européennes"), where the text's title stops before
    /// the field.
    with_field: bool,
}

/// The role named in a message, and its requisition id.
///
/// `writer` is the sender's display name: a signature starts at it ("Dev Raman\nHead
/// of Infrastructure" is not a role on offer). `loose` also takes titles found
/// anywhere outside the signature.
pub(crate) fn role(
    subject: &str,
    newest: &str,
    quoted: &str,
    writer: Option<&str>,
    employer: Option<&str>,
    loose: bool,
) -> Option<String> {
    let subject = &super::text::without_gender_endings(super::threads::bare_subject(subject));
    let newest = &super::text::without_gender_endings(&without_recipient_lines(newest));
    let quoted = &super::text::without_gender_endings(quoted);
    let mut cands: Vec<Candidate> = Vec::new();
    for (text, factor, in_text) in [
        (subject, 1.0, false),
        (newest, 1.0, true),
        (quoted, 0.6, true),
    ] {
        lead_candidates(text, factor, in_text, employer, &mut cands);
    }
    for seg in subject
        .split([':', '–', '—', '|', '!', '?'])
        .flat_map(|s| s.split(" - "))
        // "Invitation: Entretien – X @ jeu. 12 mars": a calendar's title and time.
        .flat_map(|s| s.split(" @ "))
    {
        let before = cands.len();
        let start = offset_in(subject, seg);
        // A Vietnamese title holds English words the runs would take alone
        // ("Chuyên viên Quản lý Vật tư (Material Controller)").
        if let Some(t) = vietnamese_title(seg) {
            push(&mut cands, t, 2.5, false);
            continue;
        }
        // A bracket after a title belongs to it ("klinisk monitor (CRA)"): what it
        // holds is no title of its own ("small exercise (ML Engineer)" is one).
        let bracket = seg.find(" (").filter(|&i| is_title(&seg[..i]));
        for (at, _) in runs(seg) {
            if bracket.is_some_and(|b| at > b) {
                continue;
            }
            // Read in the whole subject, a title keeps the specialism after its dash
            // ("HR Business Partner – Tiendas Zona Centro (JR-04417)").
            if let Some(t) = title_at(subject, start + at, employer) {
                // "Proposition – Chargé de mission Affaires européennes": the field
                // written in lower case up to the segment's end is the title's.
                // It must be the title's: the text writes it so too, or it is joined
                // to it as a field ("senior en affaires publiques").
                let tail = seg
                    .find(t.as_str())
                    .and_then(|i| segment_tail(&seg[i + t.len()..]))
                    .filter(|tail| {
                        let whole = format!("{t}{tail}");
                        newest.contains(&whole)
                            || quoted.contains(&whole)
                            || tail.split_whitespace().any(|w| FIELD_JOINS.contains(&w))
                    })
                    .unwrap_or_default();
                if tail.is_empty() {
                    push(&mut cands, t, 2.5, false);
                } else {
                    cands.push(Candidate {
                        title: format!("{t}{tail}"),
                        in_text: false,
                        score: 2.5,
                        with_field: true,
                    });
                }
            }
        }
        // "Technický produktový manažer", "Senior termékmenedzser": titles written in
        // sentence case, as Czech, Slovak and Hungarian write them.
        if cands.len() == before {
            // "Produktový manažer – Marketplace": the specialism after the dash too.
            let sentence = sentence_case_title(seg).map(|t| {
                let end = offset_in(subject, t) + t.len();
                let suffix = dash_specialism(&subject[end..], employer).unwrap_or_default();
                // Written on its own, a title starts with a capital.
                super::text::capitalise(&format!("{t}{suffix}"))
            });
            if let Some(t) = sentence
                .or_else(|| lower_title(seg))
                .or_else(|| arabic_title(seg))
            {
                push(&mut cands, t, 2.5, false);
            }
        }
    }
    // Japanese titles: no capitals, no spaces.
    for (text, factor, in_text) in [
        (subject, 1.0, false),
        (newest, 0.6, true),
        (quoted, 0.4, true),
    ] {
        for (title, weight) in japanese_titles(text) {
            push(&mut cands, title, weight * factor, in_text);
        }
    }
    // "stillingen som backend-utvikler", "tjänsten som plattformsingenjör": the Nordic
    // languages write a title in running text in lower case.
    for text in [newest, quoted] {
        let folded = Folded::new(text);
        for lead in NORDIC_AS {
            for at in folded.word_starts(lead) {
                let start = folded.slice(0, at + lead.len()).len();
                let word = text
                    .get(start..)
                    .and_then(|r| r.split_whitespace().next())
                    .map(|w| w.trim_end_matches(['.', ',', '!', '?', ':', ';', ')']));
                if let Some(t) = word.and_then(lower_title) {
                    push(&mut cands, t, 1.5, true);
                }
            }
        }
    }
    if loose {
        // Anywhere outside the signature, weakly.
        let lines: Vec<&str> = newest.lines().filter(|l| !l.trim().is_empty()).collect();
        let mut end = super::threads::signature_start(&lines);
        if let Some(w) = writer.map(fold).filter(|w| !w.is_empty()) {
            let first = w.split_whitespace().next().unwrap_or_default().to_owned();
            // (Not the first line: a job site's mail opens with its name, "LinkedIn".)
            if let Some(i) = (lines.len().saturating_sub(8).max(1)..lines.len()).find(|&i| {
                let l = fold(lines[i].trim().trim_end_matches(','));
                l == w || l == first
            }) {
                end = end.min(i);
            }
        }
        let body = lines[..end].join("\n");
        for (at, _) in runs(&body) {
            // "with our Head of ML" is a person's title, not the role.
            // "o nosso Head of Marketing", "notre Head of Data" too; and "Curtis
            // Bell, VP Sales": a title after a person's name and a comma.
            let lead = body[..at].trim_end();
            let folded = fold(lead);
            if [
                " our", " my", " with", " their", " his", " her", " nosso", " nossa", " notre",
                " nuestro", " nuestra", " unser", " unsere", " unserem", " onze", " nostro",
                " nostra", " vores", " var", " vart",
            ]
            .iter()
            .any(|w| folded.ends_with(w))
            {
                continue;
            }
            if let Some(name) = lead.strip_suffix(',')
                && !body[lead.len()..at].contains('\n')
                && run_before(body.as_str(), name.len())
                    .is_some_and(|r| (2..=3).contains(&r.split_whitespace().count()))
                && !is_title(lead.rsplit(['\n', '.', ':']).next().unwrap_or_default())
            {
                continue;
            }
            // "Legal > In-House Counsel": a job site's category path, not the role.
            if lead.ends_with('>') {
                continue;
            }
            if let Some(t) = title_at(&body, at, employer) {
                // A job card: the title on its own line over the employer's name.
                let line_end = body[at..].find('\n').map_or(body.len(), |i| at + i);
                let card = body[..at].trim_end_matches(' ').ends_with('\n')
                    && body[at..line_end].trim_end() == t
                    && employer.is_some_and(|e| body[line_end..].trim_start().starts_with(e));
                push(&mut cands, t, if card { 2.0 } else { 1.0 }, true);
            }
        }
    }
    best(cands).map(|t| unshouted(&t))
}

fn lead_candidates(
    text: &str,
    factor: f64,
    in_text: bool,
    employer: Option<&str>,
    cands: &mut Vec<Candidate>,
) {
    let f = Folded::new(text);
    // "…a su vacante:\nCoordinador de Marketing Digital": a label may end its line.
    // (The same length, so the offsets hold.)
    let labels_joined = f.text.replace(":\n", ": ");
    for (lead, weight) in BEFORE_ROLE {
        for (i, _) in labels_joined.match_indices(lead) {
            if !starts_word(&f.text, i) {
                continue;
            }
            let at = f.slice(0, i + lead.len()).len();
            if let Some(t) = title_at(text, at, employer) {
                push(cands, t, weight * factor, in_text);
            }
        }
    }
    for (tail, weight) in AFTER_ROLE {
        for (i, _) in f.text.match_indices(tail) {
            let end = i + tail.len();
            if f.text[end..].starts_with(char::is_alphanumeric) {
                continue;
            }
            let at = f.slice(0, i).len();
            let Some(run) = run_before(text, at) else {
                continue;
            };
            let start = offset_in(text, run);
            // "the Robotics Software Engineer, Perception role": the title is before
            // the comma.
            let title = title_at(text, start, employer).or_else(|| {
                let before = text[..start].strip_suffix(", ")?;
                let head = run_before(text, before.len())?;
                title_at(text, offset_in(text, head), employer)
            });
            if let Some(t) = title {
                push(cands, t, weight * factor, in_text);
            }
        }
    }
}

/// `text` without a job site's line about whom it wrote to, whose headline is the
/// person's own title ("This email was intended for Sam Okafor (Growth Manager)").
fn without_recipient_lines(text: &str) -> String {
    const LEADS: &[&str] = &[
        "this email was intended for",
        "this message was intended for",
        "diese e-mail war fur",
        "cet e-mail etait destine a",
        "este correo electronico era para",
        "este correo va dirigido a",
        "questa email era destinata a",
    ];
    text.lines()
        .filter(|l| {
            let f = fold(l.trim_start());
            !LEADS.iter().any(|lead| f.starts_with(lead))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Where `part`, a slice of `text`, starts in it.
fn offset_in(text: &str, part: &str) -> usize {
    (part.as_ptr() as usize)
        .saturating_sub(text.as_ptr() as usize)
        .min(text.len())
}

fn push(cands: &mut Vec<Candidate>, title: String, score: f64, in_text: bool) {
    // "the Lead role": a rank alone names no role.
    const RANKS: &[&str] = &[
        "lead",
        "senior",
        "head",
        "principal",
        "staff",
        "junior",
        "chief",
    ];
    if RANKS.contains(&fold(title.trim()).as_str()) {
        return;
    }
    cands.push(Candidate {
        title,
        in_text,
        score,
        with_field: false,
    });
}

/// Levels written after a title, folded ("Analista de Testes (QA) Pleno"); a level
/// in Roman numerals is written in capitals (not Polish "i").
const LEVELS: &[&str] = &["junior", "jr", "jr.", "pleno", "senior", "sr", "sr."];

/// The title starting at byte `at` of `text`: a run of capitalised words holding a
/// title word, with a bracket that belongs to it ("Data Scientist (Climate Risk)") and
/// a comma-joined specialism ("Robotics Software Engineer, Perception"). `employer`
/// is the company the message is about: after a dash it is not a specialism.
fn title_at(text: &str, at: usize, employer: Option<&str>) -> Option<String> {
    let run = run_at(text, at)?;
    // "Analista de Qualidade de Software Jr da Mandacaru Saúde": "da", "do", "del"
    // before the employer's name end the title.
    let run = employer
        .map(fold)
        .filter(|e| !e.is_empty())
        .and_then(|e| {
            [" da ", " do ", " del ", " de la "].iter().find_map(|sep| {
                let (head, after) = run.rsplit_once(sep)?;
                fold(after).starts_with(&e).then_some(head)
            })
        })
        .unwrap_or(run);
    let end = offset_in(text, run) + run.len();
    let mut title = trim_words(run)?;
    // "Développeur Mobile à Lausanne", "HR Business Partner a Pixelat Studio": after
    // "à", "a" or "al" a place or the employer, not the rest of the title ("Conexión a
    // Red").
    let cut = [" a ", " à ", " al ", " alla ", " ao "]
        .iter()
        .find_map(|sep| {
            let (head, after) = title.split_once(sep)?;
            let first = fold(after.split_whitespace().next()?);
            let place = super::places::is_locality(&first) || super::places::is_region(&first);
            let employs =
                employer.is_some_and(|e| fold(e).split_whitespace().next() == Some(first.as_str()));
            (place || employs).then(|| head.to_owned())
        });
    if let Some(head) = cut {
        title = head;
    }
    // "Wavecrest Media Sales Engineer Challenge": the employer's name before the title.
    if let Some(rest) = employer
        .and_then(|e| title.strip_prefix(e))
        .and_then(|r| r.strip_prefix(' '))
        .filter(|r| is_title(r))
    {
        title = rest.to_owned();
    }
    // "Software Engineer in Test": the run stops at the lowercase "in".
    let rest = match text[end..].strip_prefix(" in Test") {
        Some(r) if !r.starts_with(char::is_alphanumeric) && title.ends_with("Engineer") => {
            title.push_str(" in Test");
            r
        }
        // "Vodja projektov v gradbeništvu": a head-first title goes on in lower case.
        _ if HEAD_FIRST.contains(&fold(&title).as_str()) => {
            let (of_what, rest) = lower_words(&text[end..]);
            title.push_str(of_what);
            rest
        }
        // "Architecte de solutions avant-vente", "Especialista en Preventa TI": French,
        // Spanish, Portuguese and Italian titles say of what after their head word.
        _ if ROMANCE_HEADS.contains(&fold(&title).as_str()) => {
            let (of_what, rest) = romance_of_what(&text[end..]);
            title.push_str(&of_what.replace('\n', " "));
            rest
        }
        // "Specialista Pianificazione della Produzione": a Romance title in capitals
        // goes on with what it is of, unless that is the employer.
        _ if title
            .split_whitespace()
            .next()
            .is_some_and(|w| ROMANCE_HEADS.contains(&fold(w).as_str())) =>
        {
            let rest = &text[end..];
            let of = [
                " della ", " delle ", " dello ", " degli ", " dei ", " del ", " de la ",
            ]
            .iter()
            .find(|p| rest.starts_with(*p))
            .and_then(|p| {
                let after = &rest[p.len()..];
                let run = run_at(after, 0).filter(|r| after.starts_with(r))?;
                let employer = employer.is_some_and(|e| fold(e) == fold(run));
                (run.split_whitespace().count() <= 3 && !employer)
                    .then(|| &rest[..p.len() + run.len()])
            });
            match of {
                Some(of) => {
                    title.push_str(of);
                    &rest[of.len()..]
                }
                None => rest,
            }
        }
        _ => &text[end..],
    };
    // "la fonction de Consultant senior en affaires publiques.", "de functie van
    // Beleidsmedewerker Europese zaken bij …": after a French or Dutch lead, the field
    // in lower case.
    // (A Romance head word has read its field already: "Gestionnaire de comptes clés".)
    let lead = fold(&text[..at]);
    let romance = title
        .split_whitespace()
        .next()
        .is_some_and(|w| ROMANCE_HEADS.contains(&fold(w).as_str()));
    let rest = match (!romance && LOWER_FIELD_LEADS.iter().any(|l| lead.ends_with(l)))
        .then(|| lower_field(rest))
        .filter(|f| !f.is_empty())
    {
        Some(field) => {
            title.push_str(field);
            &rest[field.len()..]
        }
        None => rest,
    };
    // "as a Senior\nData Engineer": a title wrapped over a line, its first part no
    // title alone, goes on at the next line's start.
    let mut rest = rest;
    if !is_title(&title)
        && let Some(next) = rest.strip_prefix('\n')
        && let Some(more) = run_at(next, 0)
        && let Some(more_title) = trim_words(more)
        && is_title(&format!("{title} {more_title}"))
    {
        title = format!("{title} {more_title}");
        rest = &next[more.len()..];
    }
    // "Sam Okafor (Platform Engineer · SRE)": a bracket cannot make a name a title; nor
    // can a legal form make a company's name one ("Marchfeld Ingenieure ZT GmbH"), nor
    // a word that also names a business ("Partner Hotels", "Executive Search").
    if !is_title(&title)
        || only_business_words(&title)
        || title
            .split_whitespace()
            .any(|w| super::company::is_legal(&fold(w)))
        || {
            let folded = fold(&title);
            RECRUITER_TITLES.iter().any(|t| has(&folded, t))
        }
    {
        return None;
    }
    if let Some(inner) = rest
        .strip_prefix(" (")
        .or_else(|| rest.strip_prefix("\n("))
        .and_then(|r| r.split_once(')'))
        .map(|(i, _)| i)
        && inner.len() <= 30
        && !inner.contains('\n')
    {
        // "HVDC Engineer (Stratos Grid)": the employer in brackets is no part of it.
        let employer_named = employer.is_some_and(|e| fold(e) == fold(inner.trim()));
        if droppable(inner) {
            // "Fertigungsingenieur (m/w/d) Spritzguss": German puts the marker
            // before the specialism.
            if let Some(spec) = after_gender_marker(rest, inner) {
                title = format!("{title} {spec}");
            }
        } else if !employer_named {
            title = format!("{title} ({inner})");
            // "Analista de Testes (QA) Pleno": the level after the bracket.
            let after = rest.split_once(')').map_or("", |(_, a)| a);
            if let Some(level) = after
                .strip_prefix(' ')
                .and_then(|a| a.split_whitespace().next())
                .filter(|w| {
                    LEVELS.contains(&fold(w).as_str()) || ["I", "II", "III", "IV"].contains(w)
                })
            {
                title = format!("{title} {level}");
            }
        }
    } else if let Some(suffix) = dash_specialism(rest, employer) {
        title.push_str(suffix);
    } else if rest
        .strip_prefix(", ")
        .is_some_and(|after| after.starts_with(char::is_lowercase))
        && title
            .split_whitespace()
            .next_back()
            .is_some_and(|w| ROMANCE_HEADS.contains(&fold(w).as_str()))
    {
        // "Spécialiste, information médicale", "Analyste, affaires réglementaires":
        // French (in Quebec most) writes the field after a comma, in lower case.
        let line = &rest[1..rest.find('\n').unwrap_or(rest.len())];
        let (of_what, _) = romance_of_what(line);
        if !of_what.trim().is_empty() {
            title.push(',');
            title.push_str(of_what);
        }
    } else if let Some(after) = rest.strip_prefix(", ")
        && let Some(spec) = run_at(after, 0)
        && after.starts_with(spec)
        // "Supply Chain & Operations": the ampersand is no word.
        && spec.split_whitespace().filter(|w| *w != "&").count() <= 3
    {
        let tail = &after[spec.len()..];
        // Spacing from HTML may double the space before "position".
        let spaced = tail.trim_start_matches(' ');
        let ends = tail.is_empty()
            || tail.starts_with(['.', '\n', '\r', ')', '—', '–', '!', ';'])
            || tail.starts_with(",\n")
            || tail.starts_with(",\r")
            || tail.starts_with(" (")
            || ["role", "position", "at ", "—", "–", "- ", "and "]
                .iter()
                .any(|t| tail.len() > spaced.len() && spaced.starts_with(t));
        // "Senior Data Engineer, Health Data Authority": an organisation, not a
        // specialism.
        let organisation = fold(spec).split_whitespace().next_back().is_some_and(|w| {
            [
                "authority",
                "agency",
                "council",
                "university",
                "ministry",
                "institute",
                "hospital",
                "bank",
                "group",
                "ltd",
                "gmbh",
                // A department's name: "Digital Directorate", "Finance Office".
                "directorate",
                "department",
                "division",
                "office",
                "faculty",
            ]
            .contains(&w)
        }) || employer
            .is_some_and(|e| super::text::squash(e) == super::text::squash(spec))
            // "Information Services", a university's department ("Live Services" in a
            // games studio is the work).
            || [
                "information services",
                "computing services",
                "it services",
                "shared services",
                "corporate services",
                "student services",
            ]
            .iter()
            .any(|d| fold(spec).ends_with(d));
        // "Strategic Account Manager, UK & Ireland": where, not what.
        let place = spec
            .split(['&', '/'])
            .flat_map(|p| p.split(" and "))
            .all(super::places::is_locality);
        if ends
            && !spec.ends_with(['.', ','])
            && (!is_title(spec) || only_business_words(spec))
            && !organisation
            && !place
        {
            title = format!("{title}, {spec}");
        }
    }
    is_title(&title).then_some(title)
}

/// Head words of French, Spanish, Portuguese and Italian titles, folded: what the
/// title is of follows them ("Chargé de comptes techniques"). They are title words
/// too.
#[rustfmt::skip]
const ROMANCE_HEADS: &[&str] = &[
    "architecte", "arquitecto", "arquitecta", "arquiteto", "architetto", "especialista",
    "specialiste", "specialista", "gestionnaire", "charge", "chargee", "attache", "attachee", "ingenieur",
    "ingenieure", "ingeniero", "ingeniera", "engenheiro", "engenheira", "ingegnere",
    "consultor", "consultora", "consultante", "consulente", "analista", "analyste",
    "responsable", "responsabile", "responsavel", "gerente", "gestor", "gestora", "tecnico",
    "tecnica", "technicien", "technicienne", "conseiller", "conseillere", "representant",
    "representante", "ejecutivo", "ejecutiva", "executivo", "executiva", "coordinador",
    "coordinadora", "coordenador", "coordenadora", "coordonnateur", "coordonnatrice",
    "coordinatore", "coordinatrice", "directeur", "directrice", "directora", "diretor",
    "diretora", "direttore", "jefe", "jefa", "asesor", "asesora", "developpeur",
    "developpeuse", "desarrollador", "desarrolladora", "desenvolvedor", "sviluppatore",
    "administrador", "administrateur", "planificateur", "planificador", "planeador",
    "pianificatore", "pianificatrice", "lider", "lideresa", "subgerente", "gerenta",
    "pharmacien", "pharmacienne", "farmaceutico", "farmaceutica",
    // Chile's and Peru's "Profesional Departamento Eléctrico"; a site's superintendent.
    "profesional", "superintendente",
];

/// What a Romance title is of, after its head word: " de solutions avant-vente",
/// " en Preventa TI", " solutions de sécurité". Lower-case words, the small words that
/// join them and capitalised words after those, at most five, up to a word that ends a
/// clause ("chez", "para", "pour", "at") or punctuation; and what follows.
fn romance_of_what(rest: &str) -> (&str, &str) {
    const JOINS: &[&str] = &[
        "de", "d'", "des", "du", "del", "do", "da", "di", "y", "et", "e", "della", "delle",
        "dello", "dei", "degli", "das", "dos",
    ];
    #[rustfmt::skip]
    const STOPS: &[&str] = &[
        "chez", "para", "pour", "per", "at", "a", "au", "aux", "con", "avec", "com", "dans",
        "sur", "le", "la", "les", "el", "los", "las", "un", "une", "una", "o", "ou", "notre",
        "votre", "nuestro", "nuestra", "nosso", "nossa", "su", "sa", "son", "que", "qui",
        "en", "em", "in", "no", "na", "est", "es", "sera", "fue", "foi", "etait", "era",
        "for", "the", "and", "to", "with", "bei", "im", "mit", "der", "die", "das", "zum",
        "zur", "und", "ab", "nous", "vous", "il", "elle", "ils", "elles", "je", "on", "che",
        "cui", "dove", "presso",
    ];
    // The words are counted from a space or a line break: anything else right after
    // the head word is no part of the title (and would throw the byte count off).
    if !rest.starts_with([' ', '\n']) {
        return ("", rest);
    }
    // Bytes read, and bytes up to the last word that is not a joining word.
    let (mut read, mut kept) = (0, 0);
    let mut joined = false;
    let mut after_capital = false;
    // A line wrapped inside the title ("Gestionnaire de comptes\ntechniques") goes on.
    for (n, word) in rest.split([' ', '\n']).skip(1).enumerate() {
        let bare = word.trim_end_matches([',', '.', ';', ':', '!', '?']);
        let f = fold(bare);
        // "HTA/HTB", "FV": an acronym ends a title.
        let acronym = bare.chars().count() >= 2
            && bare.chars().all(|c| c.is_uppercase() || c == '/')
            && !bare.starts_with('/');
        let plain = !bare.is_empty()
            && (acronym
                || bare
                    .chars()
                    .all(|c| c.is_alphabetic() || c == '-' || c == '\''));
        // "Especialista en Preventa": "en" right after the head says of what;
        // "Gestionnaire de la réussite client": "la" after "de" joins too.
        let join = JOINS.contains(&f.as_str())
            || (n == 0 && ["en", "em"].contains(&f.as_str()))
            || (joined && kept < read && f == "la");
        // A capitalised word goes on only after a joining word or a word kept.
        let capital = bare.starts_with(char::is_uppercase);
        if n == 5
            || !plain
            || (!join && STOPS.contains(&f.as_str()))
            // "Especialista en Medios Pagados ha finalizado": after a capitalised
            // word, a lower-case one is the sentence going on.
            || (!join && !capital && after_capital && !bare.contains('-'))
            // "Responsable de Operaciones Lisboa": where, not what.
            || (capital && super::places::is_locality(&f))
            || (capital && kept == 0 && !joined)
        {
            break;
        }
        read += 1 + bare.len();
        after_capital = capital;
        if join {
            joined = true;
        } else {
            kept = read;
        }
        if bare.len() < word.len() || (acronym && kept == read) {
            break;
        }
    }
    rest.split_at(kept)
}

/// The small words that join a title's field in French and Dutch ("en affaires
/// publiques", "aux affaires européennes", "voor Europese zaken").
const FIELD_JOINS: &[&str] = &["de", "des", "du", "en", "aux", "van", "voor"];

/// The lower-case words that end a subject's segment after a title (" européennes"
/// of "Chargé de mission Affaires européennes", " zaken" of "Beleidsmedewerker Europese
/// zaken", " senior en affaires publiques"): French and Dutch write a title's field in
/// lower case, and in a segment of its own nothing but the title follows it. At most
/// four words, joined by "de", "en", "aux" …, none a frame word; none when anything
/// else follows but a bracket.
fn segment_tail(rest: &str) -> Option<&str> {
    // Words of an English subject that follow a title but are not of it.
    #[rustfmt::skip]
    const NOT: &[&str] = &[
        "needed", "wanted", "required", "open", "closed", "filled", "confirmed", "received",
        "available", "details", "chat", "catch-up", "check-in", "session", "meeting",
        "mandate", "search", "post", "contract", "permanent", "temporary", "locum",
        "process", "remote", "remoto", "hybrid", "hibrido", "presencial",
    ];
    // Turkish: "Marka Müdürü pozisyonu" (its position, process, interview, opportunity,
    // application, posting, offer; about, for).
    const TURKISH: &[&str] = &[
        "pozisyon", "surec", "gorusme", "firsat", "basvuru", "ilan", "mulakat", "teklif",
        "hakkinda", "icin",
    ];
    let body = rest.split(" (").next().unwrap_or(rest).trim_end();
    if !body.starts_with(' ') || body.len() == 1 {
        return None;
    }
    let words: Vec<&str> = body.split_whitespace().collect();
    let plain = |w: &&str| {
        w.starts_with(char::is_lowercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
    };
    let of_title = |w: &&str| {
        let f = fold(w);
        !FRAME.contains(&f.as_str())
            && !NOT.contains(&f.as_str())
            && !TURKISH.iter().any(|t| f.starts_with(t))
    };
    let last_joins = words
        .last()
        .is_some_and(|w| FIELD_JOINS.contains(&fold(w).as_str()));
    ((1..=4).contains(&words.len()) && words.iter().all(|w| plain(w) && of_title(w)) && !last_joins)
        .then_some(body)
}

/// Leads, folded, after which French and Dutch write a title with its field in lower
/// case ("poste de Consultant senior en affaires publiques").
const LOWER_FIELD_LEADS: &[&str] = &[
    " poste de ",
    " poste d'",
    " fonction de ",
    " titre de ",
    "functie van ",
    "functie als ",
    " en tant que ",
];

/// The lower-case words after a title in running text that are its field: words joined
/// as a field (" senior en affaires publiques" of "… publiques. Nous …") up to a
/// sentence's punctuation or a preposition, or one word before a preposition (" zaken"
/// of "… zaken bij het …"). Empty otherwise: Dutch and French go on after a title
/// with verbs and adverbs ("… Logistiek aan.", "… inmiddels is ingevuld").
fn lower_field(rest: &str) -> &str {
    const JOINS: &[&str] = &["de", "des", "du", "d'", "en", "aux", "van", "voor", "et"];
    #[rustfmt::skip]
    const PREPOSITIONS: &[&str] = &[
        "bij", "binnen", "in", "op", "met", "chez", "au", "a", "pour", "dans", "avec", "sur",
        "aupres", "at", "bei",
    ];
    if !rest.starts_with(' ') {
        return "";
    }
    let (mut read, mut kept, mut words, mut joined) = (0, 0, 0, false);
    for (n, raw) in rest.split(' ').skip(1).enumerate() {
        // A line's end is no proof the sentence ended (a verb may be next).
        if raw.contains(['\n', '\r']) || n == 5 {
            return "";
        }
        let bare = raw.trim_end_matches([',', '.', ';', ':', '!', '?']);
        let f = fold(bare);
        let joins = JOINS.contains(&f.as_str());
        // A preposition ends a single word ("zaken bij"); words joined into a field
        // end with the sentence ("… bleek dat voor ons op …" goes on).
        if !joins && PREPOSITIONS.contains(&f.as_str()) {
            return if words == 1 && !joined {
                &rest[..kept]
            } else {
                ""
            };
        }
        let plain = !bare.is_empty()
            && bare.starts_with(char::is_lowercase)
            && bare
                .chars()
                .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
            && !FRAME.contains(&f.as_str());
        if !plain {
            return "";
        }
        read += 1 + raw.len();
        if joins {
            joined = true;
        } else {
            words += 1;
            kept = read - (raw.len() - bare.len());
        }
        // A sentence's punctuation ends a field of joined words.
        if bare.len() < raw.len() {
            let sentence = raw[bare.len()..].starts_with(['.', '!', ',', ';']);
            return if sentence && joined && !joins {
                &rest[..kept]
            } else {
                ""
            };
        }
    }
    ""
}

/// Verbs that follow a lower-case title in a sentence, folded (Polish, Czech, Slovak,
/// Slovenian, Croatian: "została", "je", "byla").
const VERBS_AFTER_TITLE: &[&str] = &[
    "zostala", "zostal", "zostalo", "zostaly", "jest", "byla", "byl", "bylo", "je", "jsou", "bila",
    "bil", "bilo", "su", "sa",
];

/// The lower-case words that open `rest` (" projektov v gradbeništvu"), at most four,
/// up to the first that is not a plain word, and what follows them. Initials go on
/// too ("Analityk SOC L2"); after Polish "ds." ("for matters of") so do capitalised
/// words ("Specjalista ds. Bezpieczeństwa IT").
fn lower_words(rest: &str) -> (&str, &str) {
    // As in `romance_of_what`: the words are counted from a space.
    if !rest.starts_with(' ') {
        return ("", rest);
    }
    let initials = |w: &str| {
        (2..=5).contains(&w.chars().count())
            && w.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
            && w.chars().any(char::is_uppercase)
    };
    let mut end = 0;
    let mut matters = false;
    for (n, word) in rest.split(' ').skip(1).enumerate() {
        if n == 0 && word == "ds." {
            end += 1 + word.len();
            matters = true;
            continue;
        }
        let bare = word.trim_end_matches([',', '.', ';', ':', '!', '?', ')']);
        // "Inżynier ds. bezpieczeństwa aplikacji została przekazana": the sentence's
        // verb ends the title.
        if VERBS_AFTER_TITLE.contains(&fold(bare).as_str()) {
            break;
        }
        let plain = bare.chars().all(char::is_lowercase)
            || initials(bare)
            || (matters && bare.chars().all(char::is_alphabetic));
        if n == 5 || bare.is_empty() || !plain {
            break;
        }
        end += 1 + bare.len();
        if bare.len() < word.len() {
            break;
        }
    }
    // "ds." alone is no title's end.
    if matters && end == " ds.".len() {
        return ("", rest);
    }
    rest.split_at(end)
}

/// `title` without the part after its last dash when `drop` says that part is no
/// specialism (a person's name, say).
pub(crate) fn without_suffix(title: String, drop: impl Fn(&str) -> bool) -> String {
    let cut = [" – ", " - "]
        .iter()
        .filter_map(|d| title.rfind(d).map(|i| (i, d.len())))
        .max();
    match cut {
        Some((i, n)) if i > 0 && drop(title[i + n..].trim()) => title[..i].to_owned(),
        _ => title,
    }
}

/// The specialism after a title's dash, with the dash (" – Claims" of " – Claims
/// (JR-03315)"): "the Senior ML Engineer - Protein Design position", "Data Analyst –
/// Claims"; none in "Senior Data Engineer - Berlin" (a place) or "Lead Data Analyst –
/// Quillfare" (the employer).
fn dash_specialism<'t>(rest: &'t str, employer: Option<&str>) -> Option<&'t str> {
    // "Senior Analyst: FP&A": after a colon, only a field's initials.
    let initials = |s: &str| {
        s.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && s.chars().all(|c| c.is_uppercase() || c == '&' || c == '/')
    };
    let (after, colon) = match rest.strip_prefix(": ") {
        Some(after) => (after, true),
        None => (
            rest.strip_prefix(" - ")
                .or_else(|| rest.strip_prefix(" – "))?,
            false,
        ),
    };
    let spec = run_at(after, 0)?;
    if colon && !initials(spec) {
        return None;
    }
    let tail = &after[spec.len()..];
    let ok = after.starts_with(spec)
        && spec.split_whitespace().count() <= 3
        && !is_title(spec)
        // "… – CHUE-26-0193": a requisition's number, not a specialism; an aircraft
        // type is one ("B1 Licensed Engineer – A320", "– Gulfstream G650/G700").
        && spec
            .split_whitespace()
            .all(|w| !w.contains(|c: char| c.is_ascii_digit()) || is_type_code(w))
        // "… – Femke Brouwer.pdf": a file's name, not a specialism.
        && !is_file_name(spec, tail)
        && ([" role", " position", " vacancy", " opening", " post"]
            .iter()
            .any(|t| tail.starts_with(t))
            // "a Senior Manager – FP&A in Bengaluru": a field's initials joined by "&".
            || (initials(spec) && spec.contains('&'))
            || specialism(spec, tail, employer));
    ok.then(|| &rest[..rest.len() - tail.len()])
}

/// Whether `w` names a machine's type: one to three capitals, two or three digits and
/// up to three letters, alone or joined by "/" ("A320", "AW139", "G650/G700", "B777F");
/// not a requisition's number ("R-10492", "2600457").
fn is_type_code(w: &str) -> bool {
    w.split('/').all(|part| {
        let letters = part.chars().take_while(char::is_ascii_uppercase).count();
        let rest = &part[letters..];
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        let tail = &rest[digits..];
        (1..=3).contains(&letters)
            && (2..=3).contains(&digits)
            && tail.len() <= 3
            && tail.chars().all(|c| c.is_ascii_alphabetic())
    })
}

/// Whether `spec`, after a title and a dash and followed by `tail`, is a specialism
/// ("Motor Control", "Claims"): it ends the line, the sentence or comes before a
/// bracket, and is no place, work mode, contract or the employer.
fn specialism(spec: &str, tail: &str, employer: Option<&str>) -> bool {
    #[rustfmt::skip]
    const NOT: &[&str] = &[
        "remote", "hybrid", "onsite", "on-site", "full-time", "part-time", "contract",
        "freelance", "permanent", "temporary", "interim", "cdi", "cdd", "festanstellung",
        "vollzeit", "teilzeit", "update", "application", "feedback", "offer", "interview",
        "next", "steps", "invitation", "reminder", "appointment", "confirmation", "decision",
        "outcome", "result", "status", "agreement", "plant", "site", "office", "ref",
        "reference",
        "campus", "factory", "warehouse", "headquarters", "hq",
        // Turkish: an interview, a meeting, an application, an assessment, an offer.
        "mulakat", "gorusme", "gorusmesi", "basvuru", "degerlendirme", "teklif",
    ];
    if spec.chars().filter(|c| c.is_alphabetic()).count() < 3 && !is_type_code(spec) {
        return false;
    }
    let ends = tail.is_empty()
        || tail.starts_with(['.', '\n', '\r', ')', '!', ';', ',', ':'])
        || tail.starts_with(" (")
        || tail.starts_with(" –")
        || tail.starts_with(" -")
        || tail.starts_with(" |")
        // "Product Manager – Open Banking at Lumen Ledger".
        || [" at ", " bei ", " chez ", " presso ", " hos ", " en ", " em "]
            .iter()
            .any(|p| tail.starts_with(p));
    let folded = fold(spec);
    let named = folded
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .any(|w| NOT.contains(&w) || super::places::is_locality(w));
    let employer = employer.is_some_and(|e| {
        let (e, s) = (super::text::squash(e), super::text::squash(spec));
        !s.is_empty() && (e.starts_with(&s) || s.starts_with(&e))
    });
    ends && !named && !employer
}

/// Words around a title that are no part of it ("Interview", "Your", "Offer").
#[rustfmt::skip]
const FRAME: &[&str] = &[
    "the", "our", "your", "new", "re", "fwd", "offer", "interview", "application",
    "applications", "job", "role", "position", "opportunity", "opening", "vacancy",
    "update", "final", "technical", "invitation", "indeed", "linkedin", "about", "event",
    "test", "exercise", "take-home", "entrevista", "entretien", "entrevue", "einladung",
    "ihre", "bewerbung", "candidature", "candidatura", "oferta", "proposition", "stelle",
    "poste", "aanbod", "uitnodiging", "gesprek", "sollicitatie", "vacature", "proposta",
    "offre", "opportunite", "opportunita", "oportunidad", "oportunidade", "convite",
    "invito", "colloquio", "angebot", "vertragsangebot", "spannende", "vaga", "puesto",
    "functie", "posizione", "ruolo", "cargo", "reminder", "feedback", "hiring", "call",
    "screen", "round", "second", "first", "next", "steps", "welcome", "congratulations",
    "thanks", "thank", "θεση", "a", "an", "challenge", "fallstudie", "pozice", "pozici",
    "dienstvertrag", "arbeitsvertrag",
    // How and where the job is worked, and a process's words before its title
    // ("Remote Senior Data Scientist", "Proceso Arquitecto Cloud").
    "remote", "freelance", "part-time", "full-time", "english-speaking", "german-speaking", "french-speaking", "proceso",
    "thuisopdracht", "praktijkopdracht", "opdracht", "oportunitate", "ausschreibung", "vorstellungsgesprach",
    "vorstellungsgesprache", "kennenlerngesprach", "zaproszenie", "rozmowa", "vacante",
    "postulacion", "solicitud", "prueba",
    // Indonesian: "Re: Lamaran Implementation Consultant", "Undangan Wawancara – …".
    "lamaran", "posisi", "lowongan", "undangan", "wawancara", "penawaran", "tawaran",
];

/// The specialism after a gender marker that follows a title: `rest` is " (m/w/d)
/// Spritzguss …", `inner` the marker. One or two capitalised words that end the line
/// or come before a dash, a comma or a bracket, and are no place, title or frame.
fn after_gender_marker<'t>(rest: &'t str, inner: &str) -> Option<&'t str> {
    let after = rest.split_once(')')?.1.strip_prefix(' ')?;
    let f = fold(inner);
    if !(f.contains('/') && f.len() <= 12) {
        return None;
    }
    let spec = run_at(after, 0).filter(|r| after.starts_with(r))?;
    let tail = &after[spec.len()..];
    let ends = tail.is_empty()
        || tail.starts_with(['\n', '\r', ',', '(', '.'])
        || tail.starts_with(" –")
        || tail.starts_with(" -")
        || tail.starts_with(" (")
        || tail.starts_with(" |");
    let plain = spec.split_whitespace().count() <= 2
        && spec.split_whitespace().all(|w| {
            let w = fold(w);
            !FRAME.contains(&w.as_str())
                && !super::places::is_locality(&w)
                && !super::places::is_region(&w)
                && !is_title_word(&w)
        });
    (ends && plain).then_some(spec)
}

/// `run` without the words that frame a title but are not part of it.
fn trim_words(run: &str) -> Option<String> {
    // "Planificador/a de Rutas", "Entwickler/in": the feminine ending is a gender
    // marker.
    let mut words: Vec<&str> = run
        .split_whitespace()
        .map(|w| match w.split_once('/') {
            Some((stem, ending))
                if stem.chars().count() >= 4
                    && (1..=3).contains(&ending.chars().count())
                    && ending.chars().all(char::is_lowercase) =>
            {
                stem
            }
            _ => w,
        })
        .collect();
    // "UX/UI Designer H/F": a gender marker without its brackets.
    words.retain(|w| {
        ![
            "h/f", "f/h", "m/f", "f/m", "m/w/d", "w/m/d", "m/f/d", "h/f/x",
        ]
        .contains(&fold(w).as_str())
    });
    if words.is_empty() {
        return None;
    }
    // "Financial Systems Analyst di Lumbung": Indonesian "di" (at) after an English
    // title names the employer; Italian joins its own words with it ("Analista di …").
    const ENGLISH_HEADS: &[&str] = &[
        "analyst",
        "manager",
        "consultant",
        "specialist",
        "engineer",
        "officer",
        "lead",
        "supervisor",
        "accountant",
        "director",
        "executive",
        "associate",
        "developer",
        "designer",
        "architect",
        "administrator",
        "coordinator",
        "controller",
    ];
    if let Some(i) = (1..words.len())
        .find(|&i| words[i] == "di" && ENGLISH_HEADS.contains(&fold(words[i - 1]).as_str()))
    {
        words.truncate(i);
    }
    // "Senior CRA-stilling": the word for a post joined to the title.
    if let Some(last) = words.last_mut()
        && let Some((title, post)) = last.rsplit_once('-')
        && !title.is_empty()
        && [
            "stilling",
            "stillingen",
            "tjanst",
            "tjansten",
            "stelle",
            "tyopaikka",
        ]
        .contains(&fold(post).as_str())
    {
        *last = title;
    }
    // "Test Automation Engineer", "Test Lead": here "test" is the trade, not the frame.
    let trade = |words: &[&str]| {
        // "Technical Project Manager": "technical" before a title, not an interview.
        (fold(words[0]) == "technical"
            && words
                .get(1)
                .is_some_and(|w| !FRAME.contains(&fold(w).as_str())))
            // "Application Security Engineer", "Application Support Analyst".
            || (fold(words[0]) == "application"
                && words.get(1).is_some_and(|w| {
                    [
                        "security", "support", "developer", "development", "engineer",
                        "analyst", "architect", "specialist", "administrator", "manager",
                        "consultant", "owner", "packaging",
                    ]
                    .contains(&fold(w).as_str())
                }))
            || fold(words[0]) == "test"
                && words.get(1).is_some_and(|w| {
                    [
                        "automation",
                        "engineer",
                        "analyst",
                        "lead",
                        "manager",
                        "architect",
                    ]
                    .contains(&fold(w).as_str())
                })
    };
    // "Lanternfish's Founding Engineer": the employer's, not part of the title.
    if words
        .first()
        .is_some_and(|w| w.ends_with("'s") || w.ends_with("’s"))
        && words.len() > 1
    {
        words.remove(0);
    }
    // "R-20417 Senior Data Engineer": the requisition id is kept apart; "(POSITION) OF
    // RESIDENT ENGINEER": the frame's "of" too.
    while words.first().is_some_and(|w| {
        (FRAME.contains(&fold(w).as_str()) && !trade(&words))
            || (words.len() > 2 && ["of", "for"].contains(&fold(w).as_str()))
            || (w.contains('-') && w.chars().any(|c| c.is_ascii_digit()))
    }) {
        words.remove(0);
    }
    // "Subdirector de Hotel Sevilla", "Hotel Manager London": where the job is ends
    // the run, not the title ("Head of Reading" is a subject taught, "Country
    // Controller Italy" a title for a place).
    let for_a_place = words
        .iter()
        .any(|w| ["country", "regional", "region", "area"].contains(&fold(w).as_str()));
    while !for_a_place
        && words.len() > 2
        && words.last().is_some_and(|w| {
            w.starts_with(char::is_uppercase) && super::places::is_locality(&fold(w))
        })
        && ![
            "of", "for", "de", "del", "di", "da", "do", "für", "van", "von",
        ]
        .contains(&fold(words[words.len() - 2]).as_str())
    {
        words.pop();
    }
    // "Clinical Systems Trainer C9344-26-0182": after the title, too.
    while words.last().is_some_and(|w| {
        FRAME.contains(&fold(w).as_str())
            || fold(w).starts_with("(m/")
            || fold(w).starts_with("(h/")
            || (w.contains('-') && w.chars().filter(char::is_ascii_digit).count() >= 3)
    }) {
        words.pop();
    }
    (!words.is_empty() && words.len() <= 7).then(|| words.join(" "))
}

/// Whether `run`, followed by `tail`, is a file's name ("Femke Brouwer.pdf").
fn is_file_name(run: &str, tail: &str) -> bool {
    let extension = |after_dot: &str| after_dot.starts_with(|c: char| c.is_ascii_alphanumeric());
    run.split('.').skip(1).any(extension) || tail.strip_prefix('.').is_some_and(extension)
}

/// A whole subject segment that is a title in sentence case: a capital first, at most
/// five words of letters, the last a title word.
fn sentence_case_title(seg: &str) -> Option<&str> {
    let mut seg = seg.trim();
    // "Voditelj gradilišta (m/ž)": a gender marker or id is no part of it; another
    // bracket is ("klinisk monitor (CRA)"), but the title is read before it.
    let mut head = seg;
    if let Some((before, inner)) = seg.strip_suffix(')').and_then(|s| s.rsplit_once(" (")) {
        if droppable(inner) {
            seg = before.trim_end();
        }
        head = before.trim_end();
    }
    let words: Vec<&str> = head.split_whitespace().collect();
    let last = fold(words.last()?);
    // "Gradbeni inženir za nadzor": a head-first title, then lower-case words of what.
    let head_first = words
        .iter()
        .take(2)
        .position(|w| HEAD_FIRST.contains(&fold(w).as_str()))
        .is_some_and(|i| {
            words[i + 1..]
                .iter()
                .all(|w| w.starts_with(char::is_lowercase))
        });
    let letters = |w: &&str| w.chars().all(|c| c.is_alphabetic() || c == '-');
    // "Stillingen som backend-utvikler": a phrase about the role, not its title.
    const LINKS: &[&str] = &[
        "som", "as", "als", "como", "comme", "come", "jako", "ako", "ca", "mint", "for", "voor",
        "pour", "para", "per",
    ];
    let linked = words.iter().any(|w| LINKS.contains(&fold(w).as_str()));
    // The Nordic languages write a title in lower case even heading a subject segment
    // ("Intervju – klinisk monitor (CRA)"): then it is short, and only words of the
    // title.
    let lower = words.len() <= 3
        && words
            .iter()
            .all(|w| w.starts_with(char::is_lowercase) && !FRAME.contains(&fold(w).as_str()));
    (!linked
        && (1..=5).contains(&words.len())
        && (seg.starts_with(char::is_uppercase) || lower)
        && words.iter().all(letters)
        && (is_title_word(&last) || head_first))
        .then_some(seg)
}

/// The phrases before a title in the Nordic languages ("the position as"), folded.
const NORDIC_AS: &[&str] = &[
    "stillingen som ",
    "stilling som ",
    "tjansten som ",
    "tjenesten som ",
    "rollen som ",
    "jobbet som ",
    "jobben som ",
    "positionen som ",
    "arbejde som ",
];

/// A single lower-case word that is a title ("backend-utvikler", "platvormiinsener"),
/// capitalised as a title is written on its own.
fn lower_title(word: &str) -> Option<String> {
    let word = word.trim();
    (word.starts_with(char::is_lowercase)
        && !word.contains(char::is_whitespace)
        && word.chars().all(|c| c.is_alphabetic() || c == '-')
        && word.chars().count() >= 6
        && is_title_word(&fold(word)))
    .then(|| super::text::capitalise(word))
}

/// Title words that also name a business ("Partner Hotels", "Executive Search").
const BUSINESS_WORDS: &[&str] = &["partner", "partners", "executive"];

/// Whether the only title words of `title` are [`BUSINESS_WORDS`] before other
/// words: "Executive Search" is a firm, "Business Partner" and "Executive Chef" roles.
fn only_business_words(title: &str) -> bool {
    // The title before its specialism ("HR Business Partner – Retail", "… (EMEA)").
    let head = title
        .split([',', '(', '–', '—'])
        .flat_map(|p| p.split(" - "))
        .next()
        .unwrap_or(title);
    let folded = fold(head);
    let words: Vec<&str> = folded.split_whitespace().collect();
    // "Business Partner de Recursos Humanos": what it is of follows.
    if words.iter().any(|w| {
        [
            "of", "de", "di", "du", "des", "del", "da", "do", "fur", "for",
        ]
        .contains(w)
    }) {
        return false;
    }
    // A business word that opens the name, or that a business's word follows:
    // "HR Business Partner Tiendas Zona Centro" stays a role.
    const BUSINESSES: &[&str] = &[
        "search",
        "hotels",
        "group",
        "resorts",
        "recruitment",
        "consulting",
        "capital",
        "network",
        "programme",
        "program",
    ];
    let names_business = words.iter().enumerate().any(|(i, w)| {
        BUSINESS_WORDS.contains(w)
            && (i == 0 || words.get(i + 1).is_some_and(|n| BUSINESSES.contains(n)))
    });
    let mut titles = words.iter().filter(|w| is_title_word(w)).peekable();
    names_business
        && words.last().is_some_and(|w| !is_title_word(w))
        && titles.peek().is_some()
        && titles.all(|w| BUSINESS_WORDS.contains(w))
}

/// A title in Arabic from its head word to the end of a subject's segment: "مهندس صيانة
/// طائرات مرخص (B1)" (licensed aircraft maintenance engineer), also after "بخصوص طلبك
/// لوظيفة" (about your application for the post of). Arabic has no capitals to mark it.
fn arabic_title(seg: &str) -> Option<String> {
    // Engineer, technician, supervisor, manager, analyst, specialist, officer, head,
    // coordinator, consultant, accountant, developer, assistant.
    const HEADS: &[&str] = &[
        "مهندس",
        "فني",
        "مشرف",
        "مدير",
        "محلل",
        "اخصائي",
        "مسؤول",
        "رئيس",
        "منسق",
        "مستشار",
        "محاسب",
        "مطور",
        "مساعد",
    ];
    let words: Vec<&str> = seg.split_whitespace().collect();
    let at = words
        .iter()
        .position(|w| HEADS.contains(&super::text::fold(w).as_str()))?;
    Some(words[at..].join(" "))
}

/// A title in Vietnamese from its head words to the end of a subject's segment:
/// "Nhân viên Điều phối Vận tải (Nam/Nữ)" (transport coordination officer), also after
/// "vị trí" (the post of). Vietnamese writes a title head first and capitalises its
/// words unevenly, so a run of capitals does not find it. The title stops at "tại"
/// (at), "của" (of) or "cho" (for); a bracket in Vietnamese or a marker is dropped, an
/// English one kept ("Chuyên viên Quản lý Vật tư (Material Controller)").
fn vietnamese_title(seg: &str) -> Option<String> {
    // Specialist, staff, team lead, head of department, supervisor, shift lead,
    // engineer, manager, director, coordinator, assistant, accountant, intern.
    const HEADS: &[&str] = &[
        "chuyen vien",
        "nhan vien",
        "truong nhom",
        "truong phong",
        "giam sat",
        "truong ca",
        "ky su",
        "quan ly",
        "giam doc",
        "dieu phoi vien",
        "tro ly",
        "ke toan",
        "thuc tap sinh",
        "pho phong",
        "truong bo phan",
        "chuyen gia",
    ];
    // (Written with their marks: folded, "tại" (at) is "tải" (transport).)
    const STOPS: &[&str] = &[" tại ", " của ", " cho "];
    let folded = Folded::new(seg);
    let at = HEADS
        .iter()
        .filter_map(|h| folded.word_starts(h).next())
        .min()?;
    // Written as a title: its head starts with a capital.
    let start = folded.slice(0, at).len();
    let rest = seg.get(start..)?;
    if !rest.starts_with(char::is_uppercase) {
        return None;
    }
    let end = STOPS
        .iter()
        .filter_map(|s| rest.find(s))
        .min()
        .unwrap_or(rest.len());
    let mut title = rest[..end].trim().to_owned();
    // A bracket the segment cut open ("(Mã: NSV-XNK-02)" split at its colon).
    if let Some((before, inner)) = title.rsplit_once(" (")
        && !inner.contains(')')
    {
        title = before.trim_end().to_owned();
    }
    // Brackets: a marker or a Vietnamese note is dropped, an English gloss kept.
    while let Some((before, inner)) = title
        .strip_suffix(')')
        .and_then(|t| t.rsplit_once(" ("))
        .map(|(b, i)| (b.trim_end().to_owned(), i.to_owned()))
    {
        if droppable(&inner) || !inner.is_ascii() {
            title = before;
        } else {
            break;
        }
    }
    (title.split_whitespace().count() >= 3).then_some(title)
}

/// Titles written in Japanese, with their weights: a word ending in a title's head
/// ("機械学習エンジニア", "任期付研究員") and the bracket after it ("データサイエンティスト
/// （需要予測・SCM領域）"); strongest in quotes (「…」にご応募) or on a post's label line
/// (募集職種), then in a subject. Japanese has no capitals and no spaces to mark a title.
fn japanese_titles(text: &str) -> Vec<(String, f64)> {
    // Engineer, scientist, analyst, consultant, manager, director, designer, leader,
    // architect, specialist, programmer, researcher, technician, developer, nurse,
    // pharmacist.
    const HEADS: &[&str] = &[
        "エンジニア",
        "サイエンティスト",
        "アナリスト",
        "コンサルタント",
        "マネージャー",
        "マネジャー",
        "ディレクター",
        "デザイナー",
        "リーダー",
        "アーキテクト",
        "スペシャリスト",
        "プログラマー",
        "研究員",
        "研究者",
        "技術者",
        "開発者",
        "看護師",
        "薬剤師",
    ];
    // Our company, your company, the post's labels, hiring of each kind: no part of it.
    const LEADS: &[&str] = &[
        "当社",
        "弊社",
        "貴社",
        "御社",
        "募集職種",
        "応募職種",
        "職種",
        "中途採用",
        "キャリア採用",
        "新卒採用",
        "採用",
        "募集",
    ];
    const LABELS: &[&str] = &[
        "募集職種",
        "応募職種",
        "職種",
        "ポジション",
        "募集ポジション",
    ];
    let word = |c: char| super::text::is_kanji_or_katakana(c) || c.is_ascii_alphanumeric();
    let mut out: Vec<(String, f64)> = Vec::new();
    for head in HEADS {
        for (at, _) in text.match_indices(head) {
            let end = at + head.len();
            // The head ends its word ("エンジニアリング" is engineering).
            if text[end..]
                .chars()
                .next()
                .is_some_and(super::text::is_katakana)
            {
                continue;
            }
            let start = text[..at]
                .char_indices()
                .rev()
                .take_while(|(_, c)| word(*c))
                .last()
                .map_or(at, |(i, _)| i);
            let mut title = &text[start..end];
            for lead in LEADS {
                title = title.strip_prefix(lead).unwrap_or(title);
            }
            // The bracket after it, nested ones too.
            let mut bracket = "";
            if text[end..].starts_with(['（', '(']) {
                let mut depth = 0;
                for (i, c) in text[end..].char_indices() {
                    match c {
                        '（' | '(' => depth += 1,
                        '）' | ')' => depth -= 1,
                        '\n' => break,
                        _ => {}
                    }
                    if depth == 0 {
                        bracket = &text[end..end + i + c.len_utf8()];
                        break;
                    }
                }
            }
            if title.chars().count() < 3 {
                continue;
            }
            let before = text[..start].trim_end();
            let line = text[..start].rsplit('\n').next().unwrap_or_default();
            let weight = if before.ends_with('「')
                || LABELS.iter().any(|l| line.trim_start().starts_with(l))
            {
                3.5
            } else {
                2.5
            };
            let whole = format!("{title}{bracket}");
            if !out.iter().any(|(t, _)| *t == whole) {
                out.push((whole, weight));
            }
        }
    }
    out
}

/// Whether `s` holds a title word.
pub(crate) fn is_title(s: &str) -> bool {
    fold(s)
        .split(|c: char| !c.is_alphanumeric())
        .any(is_title_word)
}

/// Whether folded word `w` is a title word, or a compound ending with one
/// ("softwareentwickler", "termekmenedzser").
fn is_title_word(w: &str) -> bool {
    // "Ihre Gesprächspartner", "Ansprechpartnerin": the people to talk to; German
    // "Leider" ("unfortunately"), where Dutch "leider" heads only a compound
    // ("Teamleider").
    if ["ansprechpartner", "gesprachspartner"]
        .iter()
        .any(|p| w.contains(p))
        || w == "leider"
    {
        return false;
    }
    TITLES
        .iter()
        .chain(HEAD_FIRST)
        .chain(ROMANCE_HEADS)
        .any(|t| w == *t || (w.len() > t.len() + 3 && w.ends_with(t)))
}

/// The strongest role: spellings of one role (with and without a bracket) count
/// together, and the spelling the text itself uses wins over the subject's.
fn best(cands: Vec<Candidate>) -> Option<String> {
    let key = |t: &str| {
        // (Japanese writes its brackets full-width, with no space before them.)
        let base = t.split(" (").next().unwrap_or(t);
        let base = base.split('（').next().unwrap_or(base);
        fold(base)
    };
    let mut groups: Vec<(String, f64, Vec<&Candidate>)> = Vec::new();
    for c in &cands {
        let k = key(&c.title);
        match groups.iter_mut().find(|g| g.0 == k) {
            Some(g) => {
                g.1 += c.score;
                g.2.push(c);
            }
            None => groups.push((k, c.score, vec![c])),
        }
    }
    // "Research Engineer" in the text and "Research Engineer, Foundation Models" in the
    // subject are one role: the specialism's spelling gets the plain title's weight.
    // (Not after a dash: there a name or a person follows as often as a specialism.)
    // So is a title in the text and the same with its field read from the subject.
    let extra: Vec<f64> = groups
        .iter()
        .map(|(k, _, members)| {
            let with_field = members.iter().any(|c| c.with_field);
            groups
                .iter()
                .filter(|(short, _, _)| {
                    k.strip_prefix(short.as_str()).is_some_and(|rest| {
                        rest.starts_with(", ") || (with_field && rest.starts_with(' '))
                    })
                })
                .map(|(_, score, _)| score)
                .sum()
        })
        .collect();
    for (g, e) in groups.iter_mut().zip(extra) {
        g.1 += e;
    }
    // "RA Associate" in the subject and "Regulatory Affairs Associate" in the text are
    // one role, written out in full.
    for a in 0..groups.len() {
        if let Some(b) =
            (0..groups.len()).find(|&b| b != a && spells_out(&groups[a].0, &groups[b].0))
        {
            let moved = groups[a].1;
            groups[b].1 += moved;
            groups[a].1 = 0.0;
        }
    }
    let (_, _, members) = groups
        .into_iter()
        .filter(|g| g.1 >= 1.0)
        .max_by(|a, b| a.1.total_cmp(&b.1))?;
    members
        .iter()
        .max_by(|a, b| {
            (a.in_text, a.score)
                .partial_cmp(&(b.in_text, b.score))
                .unwrap_or(std::cmp::Ordering::Equal)
        })
        .map(|c| c.title.clone())
}

/// A title written in capitals ("WATER ENGINEER II", from a subject in capitals) as a
/// person would write it ("Water Engineer II"): initials and numerals stay.
fn unshouted(title: &str) -> String {
    if title.chars().any(char::is_lowercase) || title.split_whitespace().count() < 2 {
        return title.to_owned();
    }
    let numeral = |w: &str| {
        w.chars()
            .all(|c| ['I', 'V', 'X'].contains(&c) || c.is_ascii_digit())
    };
    title
        .split(' ')
        .map(|w| {
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            if [
                "of", "and", "for", "the", "in", "de", "du", "des", "la", "el",
            ]
            .contains(&fold(w).as_str())
            {
                w.to_lowercase()
            } else if letters <= 3 || numeral(w) {
                w.to_owned()
            } else {
                super::text::capitalise(&w.to_lowercase())
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether folded title `long` is folded title `short` with one of its initialisms
/// written out ("ra associate" → "regulatory affairs associate", "hrbp" → "hr
/// business partner").
fn spells_out(short: &str, long: &str) -> bool {
    let s: Vec<&str> = short.split_whitespace().collect();
    let l: Vec<&str> = long.split_whitespace().collect();
    s.iter().enumerate().any(|(i, t)| {
        let n = t.chars().count();
        (2..=4).contains(&n)
            && t.chars().all(|c| c.is_ascii_alphabetic())
            && (2..=n).any(|k| {
                l.len() == s.len() - 1 + k
                    && l[..i] == s[..i]
                    && l[i + k..] == s[i + 1..]
                    && initials_spell(t, &l[i..i + k])
            })
    })
}

/// Whether `words` spell the initialism `short`, each word by its first letter or,
/// when it is a short initialism itself ("hr"), by all of its letters.
fn initials_spell(short: &str, words: &[&str]) -> bool {
    let Some((word, rest)) = words.split_first() else {
        return short.is_empty();
    };
    let first = word
        .chars()
        .next()
        .is_some_and(|c| short.starts_with(c) && initials_spell(&short[c.len_utf8()..], rest));
    first
        || ((2..=3).contains(&word.len())
            && word.chars().all(|c| c.is_ascii_alphabetic())
            && short.starts_with(word)
            && initials_spell(&short[word.len()..], rest))
}

/// The requisition or job id a message shows: "(R-10492)", "Req ID 24-0173",
/// "Job ID 5521", "JR-00871", "Kennziffer 7731".
pub(crate) fn requisition(subject: &str, newest: &str, quoted: &str) -> Option<String> {
    const LEADS: &[&str] = &[
        "requisition id",
        "requisition",
        "req id",
        "req. id",
        "req #",
        "req",
        "job id",
        "job-id",
        "job ref",
        "job reference",
        "reference",
        "ref",
        "referenz",
        "kennziffer",
        "referencia",
        "vacature-id",
        "vacaturenummer",
        "id vacante",
        "codice",
        "vaga id",
        "posting id",
    ];
    for text in [subject, newest, quoted] {
        let f = Folded::new(text);
        for lead in LEADS {
            for i in f.word_starts(lead) {
                let after = &f.text[i + lead.len()..];
                if after.starts_with(char::is_alphanumeric) {
                    continue;
                }
                let rest = after.trim_start_matches([' ', ':', '#', '.', '-', '\u{2013}']);
                let from = f.slice(0, f.text.len() - rest.len()).len();
                if let Some(id) = id_token(&text[from..]) {
                    return Some(id);
                }
            }
        }
        // A bracketed id after a title: "(R-10492)", "(JR-00871)".
        for (i, _) in text.match_indices('(') {
            let inner = text[i + 1..].split(')').next().unwrap_or_default();
            if let Some(id) = id_token(inner)
                && id.len() == inner.trim().len()
                && id.contains('-')
                && id.starts_with(|c: char| c.is_ascii_alphabetic())
            {
                return Some(id);
            }
        }
    }
    None
}

/// An id at the start of `s`: letters, digits and dashes with at least three digits.
fn id_token(s: &str) -> Option<String> {
    let token: String = s
        .trim_start()
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    let token = token.trim_end_matches('-');
    let digits = token.chars().filter(char::is_ascii_digit).count();
    (digits >= 3 && token.len() <= 16 && !token.starts_with('-')).then(|| token.to_owned())
}

#[cfg(test)]
#[path = "role_test.rs"]
mod tests;
