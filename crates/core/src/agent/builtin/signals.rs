//! Weighing the signals: every cue found in the subject or the newest text adds its
//! weight to its category, the sender adds what its kind implies (an assessment
//! platform, a scheduling tool, a job alert), and the shape of the text adds a little
//! (times proposed with a question). No single phrase decides: a category needs
//! [`MIN_SCORE`], and job mail must outweigh the signs of bulk mail.

use super::EmailCategory;
use super::cues;
use super::relays::{Relay, Sender};
use std::sync::OnceLock;

use aho_corasick::AhoCorasick;

use super::text::{fold, has, word_starts};

/// The least a category must score to be chosen over `other`.
pub(crate) const MIN_SCORE: f64 = 3.0;

/// How much more a cue weighs in a fresh subject (a reply's subject names the thread,
/// so there it weighs less than in the text).
const SUBJECT_FACTOR: f64 = 1.5;
const REPLY_SUBJECT_FACTOR: f64 = 0.5;

/// Where a signal was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    /// The subject line.
    Subject,
    /// The newest text of the body.
    Body,
    /// The sender (who relays the message).
    Sender,
    /// The text's shape (times proposed with a question).
    Shape,
}

/// One signal that counted.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Hit {
    pub category: EmailCategory,
    /// The phrase, or what the sender or shape showed.
    pub cue: String,
    pub weight: f64,
    pub place: Place,
}

/// The weighed signals and the category they point to.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Verdict {
    pub category: EmailCategory,
    /// Each category's score, in [`EmailCategory::ALL`] order.
    pub scores: [f64; 8],
    /// Every signal that counted, heaviest first.
    pub hits: Vec<Hit>,
    /// The best other category and its score.
    pub runner_up: Option<(EmailCategory, f64)>,
    /// Whether the mail is about the rest of life (a flat, a bank, a school), not
    /// about work: then it names no employer either.
    pub elsewhere: bool,
    /// Whether it speaks of life's paperwork at all, work words or not: filed as
    /// `other`, such mail names no employer even when it asks for a letter from one.
    pub about_life: bool,
}

impl Verdict {
    /// The score of `c`.
    pub fn score(&self, c: EmailCategory) -> f64 {
        self.scores[index(c)]
    }

    /// The signals that counted for the chosen category, heaviest first.
    pub fn reasons(&self) -> impl Iterator<Item = &Hit> {
        self.hits
            .iter()
            .filter(|h| h.category == self.category && h.weight > 0.0)
    }
}

fn index(c: EmailCategory) -> usize {
    EmailCategory::ALL
        .iter()
        .position(|x| *x == c)
        .unwrap_or(EmailCategory::ALL.len() - 1)
}

/// Weighs `subject`, the newest text of the body and the sender.
pub(crate) fn weigh(subject: &str, newest: &str, sender: &Sender) -> Verdict {
    // The learned words are counted from the subject as it came, "Re:" and all.
    let raw_subject = subject;
    let reply = super::threads::is_reply(subject);
    let subject = fold(super::threads::bare_subject(subject));
    // "outro(a) candidato(a)": a cue reads the words without their glued endings.
    let body = fold(&super::text::without_gender_endings(newest));
    let factor = if reply {
        REPLY_SUBJECT_FACTOR
    } else {
        SUBJECT_FACTOR
    };
    let mut hits = Vec::new();
    let in_subject_at = cue_positions(&subject);
    let in_body_at = cue_positions(&body);
    for (id, (category, cue, weight)) in cue_list().iter().enumerate() {
        // A cue in quotation marks is mentioned, not said (a newsletter's
        // 'Why "what are your salary expectations?" is a trap'): it counts for less.
        let (in_subject, subject_factor) =
            match in_subject_at[id].iter().map(|&i| quoted(&subject, i)).min() {
                None => (false, 0.0),
                Some(true) => (true, MENTIONED),
                Some(false) => (true, factor),
            };
        let mut body_factor = 1.0;
        let stage = matches!(
            category,
            EmailCategory::InterviewInvite | EmailCategory::Assessment
        );
        let in_body = match in_body_at[id]
            .iter()
            .map(|&i| {
                (
                    quoted(&body, i),
                    hypothetical(&body, i) || (stage && thanked_for(&body, i)),
                )
            })
            .min()
        {
            None => false,
            Some((true, _)) => {
                body_factor = MENTIONED;
                true
            }
            // Only said as a possibility ("if selected, we'll invite you to an
            // interview"), or a stage thanked for ("Thank you for completing our
            // skills assessment"): it counts for less.
            Some((false, true)) if HYPOTHETICAL_MATTERS.contains(category) => {
                body_factor = 0.3;
                true
            }
            Some(_) => true,
        };
        let (w, place) = if *weight < 0.0 {
            // A counter-cue counts once, wherever it is.
            if !(in_subject || in_body) {
                continue;
            }
            (*weight, if in_body { Place::Body } else { Place::Subject })
        } else {
            let from_subject = if in_subject {
                weight * subject_factor
            } else {
                0.0
            };
            let from_body = if in_body { weight * body_factor } else { 0.0 };
            match (in_subject || in_body, from_subject >= from_body) {
                (false, _) => continue,
                (true, true) => (from_subject, Place::Subject),
                (true, false) => (from_body, Place::Body),
            }
        };
        hits.push(Hit {
            category: *category,
            cue: (*cue).to_owned(),
            weight: w,
            place,
        });
    }
    // A scheduling or signing service also books book clubs and signs leases: it
    // speaks for an employer only when the mail says something of hiring.
    let hiring = speaks_of_hiring(&subject) || speaks_of_hiring(&body);
    let relay_speaks = hiring || !matches!(sender.relay, Relay::Scheduling | Relay::Signature);
    hits.extend(sender_signals(sender, &body, relay_speaks));
    if !hiring {
        hits.retain(|h| {
            !(h.category == EmailCategory::Offer && cues::offer::SIGNING.contains(&h.cue.as_str()))
        });
    }
    hits.extend(shape_signals(&body));
    if let Some(sentence) = super::requests::request(newest) {
        hits.push(Hit {
            category: EmailCategory::FollowUpNeeded,
            cue: format!("asks: \"{sentence}\""),
            weight: 2.0,
            place: Place::Shape,
        });
    }
    if let Some(sentence) = super::negation::decline(newest) {
        let offer =
            has(&sentence, "offer") || has(&sentence, "ofrecer") || has(&sentence, "anbieten");
        hits.push(Hit {
            category: EmailCategory::Rejection,
            cue: format!("declines: \"{sentence}\""),
            weight: 4.0,
            place: Place::Shape,
        });
        if offer {
            hits.push(Hit {
                category: EmailCategory::Offer,
                cue: "the offer is declined".to_owned(),
                weight: -5.0,
                place: Place::Shape,
            });
        }
    }
    // Life's other paperwork (a flat, a credit card, an electricity contract, a
    // birthday) says "application", "offer" and "sign" too: with its words and not
    // one word of work, job cues count for little.
    let found = |words: &'static [&'static str], subject: &str, body: &str| {
        words
            .iter()
            .copied()
            .filter(|w| has(subject, w) || has(body, w))
            .collect::<Vec<&'static str>>()
    };
    let mut life = found(LIFE_WORDS, &subject, &body);
    // "tariff" holds "tarif": one word of life, not two.
    let within: Vec<&str> = life
        .iter()
        .copied()
        .filter(|w| life.iter().any(|o| o != w && o.contains(w)))
        .collect();
    life.retain(|w| !within.contains(w));
    // Work words inside life's own phrases ("visa interview", "a letter from your
    // employer") are not work.
    let (mut subject_rest, mut body_rest) = (subject.to_string(), body.to_string());
    for w in &life {
        subject_rest = subject_rest.replace(w, " ");
        body_rest = body_rest.replace(w, " ");
    }
    let work = found(WORK_WORDS, &subject_rest, &body_rest);
    // A mortgage asking for an employer's statement still is a mortgage.
    let elsewhere =
        (!life.is_empty() && work.is_empty()) || (life.len() >= 2 && life.len() > work.len());
    if let Some(word) = life.first().filter(|_| elsewhere) {
        for h in hits
            .iter_mut()
            .filter(|h| h.category != EmailCategory::Other)
        {
            h.weight *= 0.2;
        }
        hits.push(Hit {
            category: EmailCategory::Other,
            cue: format!("about \"{word}\", and no word of work"),
            weight: 4.0,
            place: Place::Shape,
        });
    }
    // Mail worded like this was mostly of one category in the labelled corpus: one
    // signal among the others, as strong as a cue when the counts are sure. Not for
    // life's paperwork (the counts know job wording, and a bank's receipt has it); and
    // a job category gets half where a friend writes from a personal mailbox (drinks
    // after an onsite) or the mail's own signs say newsletter or shop.
    let learned = (!elsewhere)
        .then(|| super::learned::read(raw_subject, newest))
        .flatten();
    if let Some(l) = learned {
        let job = l.category != EmailCategory::Other;
        let personal = job && sender.relay == Relay::Mailbox;
        let against = job && weight_of(&hits, EmailCategory::Other) >= MIN_SCORE;
        let sure = super::learned::sureness(l.margin) * if personal || against { 0.5 } else { 1.0 };
        if sure > 0.0 {
            let words: Vec<String> = l
                .words
                .iter()
                .map(|w| format!("\"{}\"", w.replace('_', " ").replace("s:", "subject: ")))
                .collect();
            hits.push(Hit {
                category: l.category,
                cue: format!(
                    "worded like {} mail in the labelled corpus ({})",
                    l.category.as_str().replace('_', " "),
                    words.join(", ")
                ),
                weight: super::learned::MAX_WEIGHT * sure,
                place: Place::Shape,
            });
        }
    }
    // A decline thanks for the application and offers a talent community: those
    // courtesies count for little beside it.
    if weight_of(&hits, EmailCategory::Rejection) >= MIN_SCORE {
        for h in hits.iter_mut().filter(|h| {
            (h.category == EmailCategory::ApplicationReceived
                && cues::received::COURTESIES.contains(&h.cue.as_str()))
                || (h.category == EmailCategory::Other
                    && cues::other::AFTER_A_DECLINE.contains(&h.cue.as_str()))
        }) {
            h.weight *= 0.3;
        }
    }
    let mut scores: [f64; 8] = std::array::from_fn(|c| weight_of(&hits, EmailCategory::ALL[c]));
    // Whether the person applied: an approach names no application, an invitation
    // after an application is no approach.
    let applied = APPLIED.iter().any(|p| has(&body, p) || has(&subject, p));
    let outreach = index(EmailCategory::RecruiterOutreach);
    let interview = index(EmailCategory::InterviewInvite);
    if applied && scores[outreach] > 0.0 {
        scores[outreach] *= 0.5;
    } else if !applied && scores[outreach] >= MIN_SCORE && scores[interview] > 0.0 {
        scores[interview] *= 0.6;
    }
    // Mail from an applicant-tracking, assessment, scheduling, signature or screening
    // service, or about one's application, needs less to be job mail.
    let job_context = applied
        || matches!(
            sender.relay,
            Relay::Tracking | Relay::Assessment | Relay::Screening
        )
        || (hiring && matches!(sender.relay, Relay::Scheduling | Relay::Signature))
        || (hiring && written_to_the_person(sender, &hits));
    hits.sort_by(|a, b| b.weight.total_cmp(&a.weight));
    Verdict {
        elsewhere,
        about_life: !life.is_empty(),
        ..decide(scores, hits, job_context)
    }
}

/// What the signals of `category` among `hits` weigh together.
fn weight_of(hits: &[Hit], category: EmailCategory) -> f64 {
    hits.iter()
        .filter(|h| h.category == category)
        .map(|h| h.weight)
        .sum()
}

/// Whether a person or an employer writes directly, not a bulk mailer or a service,
/// and a phrase of the text or subject (not its shape alone) points to a job category:
/// such mail, speaking of hiring, is job mail on less evidence, since its wording is
/// the writer's own.
fn written_to_the_person(sender: &Sender, hits: &[Hit]) -> bool {
    sender.relay == Relay::Direct
        && !sender.is_bulk_mailer()
        && hits.iter().any(|h| {
            h.category != EmailCategory::Other
                && matches!(h.place, Place::Subject | Place::Body)
                && h.weight >= 2.0
        })
}

/// Every cue of every category, in [`cues::ALL`] order.
fn cue_list() -> &'static [(EmailCategory, &'static str, f64)] {
    static LIST: OnceLock<Vec<(EmailCategory, &'static str, f64)>> = OnceLock::new();
    LIST.get_or_init(|| {
        cues::ALL
            .iter()
            .flat_map(|(c, cues)| cues.iter().map(move |(cue, w)| (*c, *cue, *w)))
            .collect()
    })
}

/// Where each cue of [`cue_list`] starts in folded `text`, as [`word_starts`] would
/// find it, from one pass of an automaton over the text rather than one per cue.
fn cue_positions(text: &str) -> Vec<Vec<usize>> {
    static AUTOMATON: OnceLock<Option<AhoCorasick>> = OnceLock::new();
    let list = cue_list();
    let mut found = vec![Vec::new(); list.len()];
    let automaton =
        AUTOMATON.get_or_init(|| AhoCorasick::new(list.iter().map(|(_, cue, _)| cue)).ok());
    let Some(automaton) = automaton else {
        // Not built (it cannot fail on these cues): the slow way, cue by cue.
        for (id, (_, cue, _)) in list.iter().enumerate() {
            found[id] = word_starts(text, cue).collect();
        }
        return found;
    };
    for m in automaton.find_overlapping_iter(text) {
        let id = m.pattern().as_usize();
        let cue = list[id].1;
        let at = m.start();
        // `match_indices` does not overlap a cue with itself.
        let after_last = found[id]
            .last()
            .is_none_or(|&last: &usize| at >= last + cue.len());
        if after_last
            && (!cue.starts_with(char::is_alphanumeric) || super::text::starts_word(text, at))
        {
            found[id].push(at);
        }
    }
    found
}

/// Whether folded `text` says something of hiring (one of [`HIRING_WORDS`]).
pub(crate) fn speaks_of_hiring(text: &str) -> bool {
    HIRING_WORDS.iter().any(|w| has(text, w))
}

/// Words of hiring, folded, in the languages the cues know: without one, a scheduling
/// or signing service's mail is not taken for an interview or an offer. Broader than
/// [`WORK_WORDS`]; the pre-filter's `triage::JOB_WORDS` is broader still (see there).
#[rustfmt::skip]
const HIRING_WORDS: &[&str] = &[
    "interview", "recruit", "hiring", "candida", "applica", "role", "position", "vacanc",
    "job", "career", "talent", "offer", "employment", "contract", "salary", "screen",
    "onsite", "on-site", "hr ", "people team", "engineer", "developer", "analyst",
    "entretien", "entrevue", "poste", "embauche", "entrevista", "puesto", "vacante",
    "oferta", "contrato", "sollicit", "gesprek", "vacature", "functie", "bewerb",
    "vorstellung", "stelle", "arbeitsvertrag", "angebot", "colloquio", "posizione",
    "offerta", "contratto", "vaga", "proposta", "cargo", "emprego", "lavoro", "trabajo",
    "baan", "designer", "researcher", "ansokan", "ansogning", "soknad", "hakemu", "rekryt",
    "rekrut", "stilling", "tjanst", "intervju", "haastatt", "rozmow", "stanowisk",
    "aplikacj", "zatrudn", "anstall", "ansaett", "ansett", "tyopaik", "toopakkum",
    "kandideeri", "kandidat", "pohovor", "pozic", "prihlask", "zivotopis", "uchazec",
    "uchadzac", "pracovni", "pracovn", "allas", "jelentkez", "interju", "toborz",
    "oneletrajz", "munkakor", "interviu", "angajare", "recrutare", "pozitia", "pozitie",
    "lamaran", "posisi", "wawancara", "rekrutmen", "lowongan", "psikotes",
    // Turkish, Vietnamese and Japanese: an application, an interview, recruitment, a
    // candidate, a post, selection, an informal offer.
    "basvuru", "mulakat", "ise alim", "is teklifi", "pozisyon", "ung tuyen", "tuyen dung",
    "phong van", "ung vien", "viec lam", "応募", "面接", "採用", "選考", "内定", "求人",
    // Korean, Ukrainian and Russian, Arabic: an interview, recruitment, joining, a CV,
    // a vacancy, a candidate, a post, a job.
    "면접", "채용", "입사", "이력서", "ваканс", "співбесід", "собеседован", "резюме",
    "кандидат", "посад", "должност", "рекрут", "وظيف", "توظيف", "مقابلة",
];

/// Words of a job, folded: mail that has none of them and some of [`LIFE_WORDS`] is
/// about something else. Narrower than [`HIRING_WORDS`], which also holds the words
/// life's paperwork shares with hiring ("offer", "contract", "application").
#[rustfmt::skip]
const WORK_WORDS: &[&str] = &[
    "job", "role", "position", "vacanc", "interview", "recruit", "hiring", "candidate",
    "career", "talent", "salary", "engineer", "developer", "analyst", "scientist",
    "manager", "cv", "resume", "employ", "onboarding", "hr team", "notice period", "stelle",
    "vorstellungsgesprach", "lebenslauf", "arbeitsvertrag", "gehalt", "poste", "entretien",
    "entrevue", "recrutement", "puesto", "entrevista", "vacature", "functie", "sollicit",
    "posizione", "colloquio", "vaga", "emprego", "lavoro", "designer", "researcher",
    "stilling", "tjanst", "intervju", "haastattelu", "stanowisk", "rekryt", "rekrut",
    "pohovor", "zivotopis", "uchazec", "uchadzac", "allas", "interju", "oneletrajz",
    "interviu", "angajare", "recrutare", "salario", "salaire", "stipendio",
    "contrat de travail", "contrato de trabajo", "pokalb", "paraisk", "darbo", "to hire",
    "final round", "final-round", "sueldo", "remuneracion", "gerente", "en el cargo",
    "contrato individual de trabajo", "jawatan", "gaji", "lamaran", "posisi", "wawancara",
    "rekrutmen", "lowongan",
    // Turkish, Vietnamese and Japanese: an application, an interview, recruitment, a
    // CV, pay; a post, selection, an informal offer, a yearly salary.
    "basvuru", "mulakat", "ise alim", "ozgecmis", "pozisyon", "ung tuyen", "tuyen dung",
    "phong van", "ung vien", "viec lam", "muc luong", "応募", "面接", "採用", "選考",
    "内定", "求人", "年収", "履歴書",
    // Korean, Ukrainian and Russian, Arabic: the same, and pay.
    "면접", "채용", "입사", "이력서", "연봉", "ваканс", "співбесід", "собеседован",
    "резюме", "посад", "должност", "зарплат", "وظيف", "توظيف", "مقابلة", "الراتب",
    // India's pay and start: "a fixed CTC of Rs. 27 lakh", "date of joining".
    "ctc", "join us as", "date of joining", "joining date",
];

/// Words of the rest of life's paperwork, folded.
#[rustfmt::skip]
const LIFE_WORDS: &[&str] = &[
    "apartment", "flat viewing", "tenancy", "landlord", "letting agent", "wohnung",
    "mietvertrag", "besichtigung", "vermietung", "appartement", "logement", "loyer", "piso",
    "alquiler", "woning", "huurcontract", "bezichtiging", "appartamento", "affitto",
    "apartamento", "arrendamento", "electricity", "energy supplier", "switch supplier",
    "tariff", "kwh", "gas supply", "broadband", "mobile plan", "sim card", "strom",
    "stromvertrag", "tarif", "credit card", "debit card", "bank account", "mortgage",
    "personal loan", "insurance policy", "kreditkarte", "girokonto", "versicherungsschein",
    "your order", "order number", "your parcel", "parcel delivery", "bestellung", "lieferung", "tu pedido",
    "su pedido", "seu pedido", "numero de pedido", "reembolso", "devolucion", "refund",
    "return request", "commande", "remboursement", "bestelling", "rimborso", "encomenda",
    "home contents", "contents insurance", "car insurance", "health insurance",
    "insurance offer", "verzekering", "hausrat", "assurance habitation", "underwriting",
    "hypotheek", "hypothek", "income statement", "purchase contract", "parking permit",
    "parkeervergunning", "vergunning", "gemeente", "municipality", "council tax",
    "burgerservicenummer", "passport renewal", "gym membership", "birthday", "dinner",
    "wedding", "geburtstag", "propietari", "inquilino", "fianza", "visita al piso",
    "open your account", "opening your account", "premium account", "gym", "fitness",
    "preinscripcion", "escuela", "escola", "guarderia", "nursery", "kindergarten",
    "kitaplatz", "kita-platz", "betreuungsplatz", "school year", "toma de huellas",
    "comisaria", "extranjeria", "cita previa", "residence permit", "visa appointment",
    "fibra", "tarifa movil", "lease", "security deposit", "current account",
    "visa interview", "visa application", "consulate", "embassy", "biometric", "football",
    // Turkish: a visa application, its consulate.
    "vize basvuru", "konsolosluk",
    "5-a-side", "futsal", "padel", "tenant application", "registration service",
    "persoonlijke lening", "lening", "krediet aanvraag", "lejekontrakt", "lejemal",
    "hyresavtal", "homework", "hausaufgabe", "devoirs", "deberes", "huiswerk", "lezione",
    "lesson", "loan application", "cash loan", "credit application",
    "letter from your employer", "certificate of employment", "employment detail summary",
    "payslips", "nominas", "gehaltsabrechnungen", "fiches de paie", "loonstroken",
    "admissions", "admission to", "enrolment", "enrollment", "tuition", "study programme",
    "degree programme", "coursework", "your course", "volunteer", "your entry",
    "award entries", "awards entry", "offer of a place", "language course", "abonnement",
    "verlengen", "verleng nu", "referencing", "holding deposit", "application to rent",
    "key collection", "lettings", "iscrizione al corso", "lezioni", "e-learning", "pilates",
    "drinks", "sauna", "hike", "hiking", "brunch", "barbecue", "bbq", "picnic", "beers",
    "membership contract", "your membership", "monthly fee", "venteliste", "boligselskab",
    "executive certificate", "registration fee", "admissions committee",
    "admissions interview", "peer-graded", "your assignment", "through the course",
    "engagement session", "photo shoot", "the shoot", "boda", "pay stubs",
    "rental application", "loan offer", "financing proposal", "purchase price",
    "tax assessment", "monthly instalment", "bike service", "drop-off", "applying to rent",
    "seller", "the item", "talk proposal", "programme committee",
    "program committee", "call for papers", "datathon", "hackathon", "leaderboard",
    "property manager", "rental history", "weekly rent", "rent offered", "student portal",
    "diploma of", "purchase agreement", "trade-in", "volunteer application",
    "volunteer orientation", "volunteer coordinator", "dental", "dentist",
    "mieterselbstauskunft", "zimmer-wohnung", "gehaltsnachweise", "vize", "konsolosluk",
    // Courses and a house purchase (not a health appointment's words: they are
    // titles too, "Physiotherapist").
    "graded", "final grade", "learners", "continue learning", "happy learning",
    "learning platform", "live tutorial", "quiz", "conveyancing", "lender",
    "application fee", "admission offers", "marksheets",
    // A flat in India and a car's service: "Leave and Licence Agreement – Flat 402",
    // "2BHK in HSR Layout", "your vehicle is due for its periodic maintenance".
    "leave and licence", "leave & licence", "bhk", "your vehicle", "periodic maintenance",
    "car service", "test drive", "1bhk", "2bhk", "3bhk", "rental offer", "rental agreement",
    "tenant verification",
    // Indonesian: a mortgage (KPR), its collateral and signing, a bank statement.
    "kpr", "kredit pemilikan rumah", "akad kredit", "agunan", "rekening koran",
    // A flat in France and Romandy: "votre demande de location", "dossier de location".
    "demande de location", "dossier de location", "bail",
    // Brazil: an insurance policy, a rented flat, a card, a loan.
    "apolice", "aluguel", "imobiliaria", "condominio", "cartao de credito",
    "conta corrente", "financiamento", "matricula", "mensalidade", "pos-graduacao",
    // A trusted-traveller card's interview, an insurance quote.
    "trusted traveller", "trusted traveler", "global entry", "enrolment centre",
    "insurance quote",
    // A course's assignment: "Upload your map … in the learning portal", "Your trainer".
    "learning portal", "your trainer",
];

/// Words of the person's own application, folded.
#[rustfmt::skip]
const APPLIED: &[&str] = &[
    "your application", "thanks for applying", "thank you for applying", "for applying",
    "you applied", "your candidacy", "your candidature", "je sollicitatie",
    "uw sollicitatie", "ihre bewerbung", "deine bewerbung", "votre candidature",
    "tu candidatura", "su candidatura", "la tua candidatura", "la sua candidatura",
    "a sua candidatura", "a tua candidatura", "sua candidatura", "gesolliciteerd",
    "sending your resume", "sending your cv", "your resume through", "your cv through",
    "cv received", "resume received", "had a read of your cv",
];

/// The least a category must score where the context is job mail already.
const MIN_SCORE_IN_CONTEXT: f64 = 2.0;

fn decide(scores: [f64; 8], hits: Vec<Hit>, job_context: bool) -> Verdict {
    let other = scores[index(EmailCategory::Other)];
    let mut ranked: Vec<(EmailCategory, f64)> = EmailCategory::ALL
        .iter()
        .filter(|c| **c != EmailCategory::Other)
        .map(|c| (*c, scores[index(*c)]))
        .collect();
    ranked.sort_by(|a, b| b.1.total_cmp(&a.1));
    let (best, best_score) = ranked[0];
    let min = if job_context && other < MIN_SCORE_IN_CONTEXT {
        MIN_SCORE_IN_CONTEXT
    } else {
        MIN_SCORE
    };
    let category = if best_score >= min && best_score > other {
        best
    } else {
        EmailCategory::Other
    };
    let runner_up = if category == EmailCategory::Other {
        Some((best, best_score))
    } else {
        Some(if ranked[1].1 >= other {
            ranked[1]
        } else {
            (EmailCategory::Other, other)
        })
    };
    Verdict {
        category,
        scores,
        hits,
        runner_up,
        elsewhere: false,
        about_life: false,
    }
}

/// Categories whose cues mean little when only said as a possibility.
const HYPOTHETICAL_MATTERS: &[EmailCategory] = &[
    EmailCategory::InterviewInvite,
    EmailCategory::Assessment,
    EmailCategory::Offer,
    EmailCategory::Rejection,
];

/// Conditions that open a sentence, folded.
const IF_OPENINGS: &[&str] = &[
    "if ",
    "should ",
    "once ",
    "in case ",
    "wenn ",
    "falls ",
    "sofern ",
    "si ",
    "indien ",
    "mocht ",
    "als je ",
    "als u ",
    "als we ",
    "se ",
    "qualora ",
    "caso ",
    "shortlisted ",
    // Ukrainian and Russian: if, in case.
    "якщо ",
    "у разі ",
    "в разі ",
    "если ",
    "в случае ",
];

/// Conditions inside a sentence, folded ("we'll let you know whether we…").
const IF_INSIDE: &[&str] = &[
    "whether",
    ", if ",
    ", se ",
    ", si ",
    ", als ",
    ", wenn ",
    "if we ",
    "if you are successful",
    "if successful",
    "if selected",
    "if shortlisted",
    "if your ",
    "if you're selected",
    "if they ",
    "if you are not",
    "if you're not",
    "of we ",
    "of je ",
    "of u ",
    "ob wir",
    "ob sie",
    "si nous",
    "si votre",
    "si tu ",
    "si su ",
    "se ti ",
    "se la ",
    "se o ",
    "se a ",
    "se for",
];

/// Openings of a sentence thanking for what is done, folded.
const THANKS: &[&str] = &[
    "thank you for",
    "thanks for",
    "thank you again for",
    "thanks again for",
    "many thanks for",
    "thank you so much for",
    "merci pour",
    "merci d'avoir",
    "vielen dank fur",
    "danke fur",
    "gracias por",
    "grazie per",
    "obrigado por",
    "obrigada por",
    "bedankt voor",
    "terima kasih telah",
    "terima kasih sudah",
    "terima kasih atas",
    "terima kasih kerana",
];

/// Whether the sentence around byte `at` of folded `text` thanks for something done
/// before `at` ("Thank you for taking the time to complete our skills assessment"): a
/// stage behind the person, not one asked of them.
fn thanked_for(text: &str, at: usize) -> bool {
    let before = sentence_before(text, at);
    let before = before
        .split_once(", ")
        .filter(|(greeting, _)| greeting.split_whitespace().count() <= 2)
        .map_or(before, |(_, rest)| rest);
    THANKS.iter().any(|t| before.starts_with(t))
}

/// What a cue in quotation marks counts for, against its weight.
const MENTIONED: f64 = 0.3;

/// The longest quotation taken for a mention: a job site relays a whole message in
/// quotation marks, and that is said, not mentioned.
const MENTION_LEN: usize = 80;

/// Whether byte `at` of folded `text` is inside a short quotation on its line (the
/// typographic marks are folded to `"`): an opening mark after a space or the line's
/// start, and its closing one, at most [`MENTION_LEN`] bytes apart. Only that window
/// is read, so a long line costs no more than a short one.
fn quoted(text: &str, at: usize) -> bool {
    let mut from = at.saturating_sub(MENTION_LEN);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let before = &text[from..at];
    let Some(open) = before
        .rfind(['"', '\n'])
        .filter(|&i| before[i..].starts_with('"'))
    else {
        return false;
    };
    let opens = before[..open]
        .chars()
        .next_back()
        .is_none_or(|c| c.is_whitespace() || "([{:".contains(c))
        && (open > 0 || from == 0 || text[..from].ends_with(char::is_whitespace));
    let room = MENTION_LEN - (before.len() - open);
    let after = &text[at..];
    let window = after
        .char_indices()
        .take_while(|(i, _)| *i <= room)
        .map(|(_, c)| c)
        .take_while(|c| *c != '\n');
    opens && window.into_iter().any(|c| c == '"')
}

/// What the sentence around byte `at` of `text` says before `at`, from its first word.
fn sentence_before(text: &str, at: usize) -> &str {
    let start = text[..at].rfind(['.', '!', '?', '\n']).map_or(0, |i| i + 1);
    text[start..at].trim_start()
}

/// Whether the sentence around byte `at` of folded `text` states a possibility
/// before `at`.
fn hypothetical(text: &str, at: usize) -> bool {
    let before = sentence_before(text, at);
    IF_OPENINGS.iter().any(|o| before.starts_with(o))
        || IF_INSIDE.iter().any(|m| before.contains(m))
}

/// What the sender implies (`relay_speaks`: a scheduling or signing service's mail
/// speaks of hiring).
fn sender_signals(sender: &Sender, body: &str, relay_speaks: bool) -> Vec<Hit> {
    // A service's own newsletter ("this week's coding challenge") relays no employer.
    if sender.is_bulk_mailer()
        || (has(body, "unsubscribe")
            && sender
                .name
                .as_deref()
                .is_some_and(super::relays::is_service_brand))
    {
        return bulk_signal(sender).into_iter().collect();
    }
    let brand = sender.brand.unwrap_or("an unlisted service");
    let mut out = Vec::new();
    let mut add = |category, weight, cue: String| {
        out.push(Hit {
            category,
            cue,
            weight,
            place: Place::Sender,
        });
    };
    match sender.relay {
        Relay::Assessment => add(
            EmailCategory::Assessment,
            2.5,
            format!("sent by {brand}, an assessment platform"),
        ),
        Relay::Tracking => add(
            EmailCategory::ApplicationReceived,
            1.0,
            format!("sent by {brand}, an applicant-tracking system"),
        ),
        Relay::Scheduling if relay_speaks => add(
            EmailCategory::InterviewInvite,
            1.5,
            format!("sent by {brand}, a scheduling tool"),
        ),
        Relay::Signature if relay_speaks => add(
            EmailCategory::Offer,
            2.0,
            format!("sent by {brand}, an e-signature service"),
        ),
        Relay::Screening => add(
            EmailCategory::FollowUpNeeded,
            2.5,
            format!("sent by {brand}, a background-screening service"),
        ),
        _ => {}
    }
    if sender.relay == Relay::Mailbox {
        add(
            EmailCategory::Other,
            1.0,
            "sent from a personal mailbox".to_owned(),
        );
    }
    if let Some(name) = sender.name.as_deref()
        && super::relays::names_no_employer(name)
    {
        add(
            EmailCategory::Other,
            3.0,
            format!("sent by a course, an event or a publication ({name})"),
        );
    }
    if sender.relay == Relay::JobSite && has(&sender.local, "inmail") {
        add(
            EmailCategory::RecruiterOutreach,
            2.0,
            format!("an InMail relayed by {brand}"),
        );
    }
    if sender.relay == Relay::JobSite && sender.local.contains("invite") {
        add(
            EmailCategory::RecruiterOutreach,
            2.0,
            format!("an employer's invitation relayed by {brand}"),
        );
    }
    out
}

/// A bulk mailer's mail leans to `other`.
fn bulk_signal(sender: &Sender) -> Option<Hit> {
    let alert = sender.local.contains("alert");
    let service = sender.relay != Relay::Direct && sender.relay != Relay::Mailbox;
    (sender.is_bulk_mailer() || service).then(|| Hit {
        category: EmailCategory::Other,
        weight: if alert { 4.0 } else { 2.5 },
        cue: if sender.is_bulk_mailer() {
            format!("sent from a bulk mailbox ({})", sender.local)
        } else {
            format!("a newsletter of {}", sender.brand.unwrap_or("a service"))
        },
        place: Place::Sender,
    })
}

/// Times of day proposed with a question ("Tue 10:00 or Wed 14:30?") read as an
/// invitation to meet.
fn shape_signals(body: &str) -> Vec<Hit> {
    let lines: Vec<&str> = body.lines().collect();
    let times = clock_times(body);
    // A question on a line with a time, or on the line after it.
    let asks = lines.iter().enumerate().any(|(i, l)| {
        clock_times(l) > 0 && (l.contains('?') || lines.get(i + 1).is_some_and(|n| n.contains('?')))
    }) || [
        "let me know which",
        "which suits",
        "which works",
        "which would you prefer",
        "which one",
        "which slot",
        "which time",
    ]
    .iter()
    .any(|p| has(body, p));
    // "on Thursday or Friday afternoon?"
    let days_asked = body.split(['.', '!', '\n']).any(|sentence| {
        sentence.contains('?')
            && sentence
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| WEEKDAYS.iter().any(|d| w.starts_with(d)) || SHORT_WEEKDAYS.contains(w))
                .count()
                >= 2
    });
    // Days asked for, even beside the times of the day's programme ("10:00 a talk,
    // 11:00 three 1:1s… Would Thursday or Tuesday suit you?").
    if days_asked && !(times >= 2 && asks) {
        return vec![Hit {
            category: EmailCategory::InterviewInvite,
            cue: "days proposed with a question".to_owned(),
            weight: 2.0,
            place: Place::Shape,
        }];
    }
    if times >= 2 && asks {
        vec![Hit {
            category: EmailCategory::InterviewInvite,
            cue: format!("{times} times of day proposed with a question"),
            weight: 2.0,
            place: Place::Shape,
        }]
    } else {
        Vec::new()
    }
}

/// Weekday names (stems, folded) in the languages the cues know.
#[rustfmt::skip]
const WEEKDAYS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "maandag", "dinsdag", "woensdag",
    "donderdag", "vrijdag", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "lundi",
    "mardi", "mercredi", "jeudi", "vendredi", "lunes", "martes", "miercoles", "jueves",
    "viernes", "lunedi", "martedi", "mercoledi", "giovedi", "venerdi", "segunda", "terca",
    "quarta", "quinta", "sexta", "pondeli", "utery", "streda", "ctvrtek", "patek", "pondelok",
    "utorok", "stvrtok", "piatok", "hetfo", "szerda", "csutortok", "pentek", "miercuri",
    "vineri",
];

/// Weekday names that begin other words ("Martin", "join"): whole words only.
const SHORT_WEEKDAYS: &[&str] = &["kedd", "luni", "marti", "joi"];

/// How many times of day ("10:00", "3pm", "14h30", "10 uhr") `body` mentions, deadlines
/// at midnight aside.
fn clock_times(body: &str) -> usize {
    let words: Vec<&str> = body
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .collect();
    let mut n = 0;
    for (i, raw) in words.iter().enumerate() {
        let w = raw.trim_matches(|c: char| !c.is_alphanumeric() && c != ':');
        let next = words
            .get(i + 1)
            .map_or("", |n| n.trim_matches(|c: char| !c.is_alphanumeric()));
        let hm = |s: &str, sep: char| {
            s.split_once(sep).is_some_and(|(h, m)| {
                h.parse::<u8>().is_ok_and(|h| h <= 23)
                    && (m.is_empty() || (m.len() == 2 && m.parse::<u8>().is_ok_and(|m| m < 60)))
            })
        };
        let clock = (hm(w, ':') && !w.ends_with(':'))
            || (hm(w, 'h') && w.len() >= 2)
            || ((w.ends_with("am") || w.ends_with("pm"))
                && w[..w.len() - 2]
                    .trim_end_matches(':')
                    .split(':')
                    .next()
                    .is_some_and(|h| h.parse::<u8>().is_ok_and(|h| (1..=12).contains(&h))))
            || (w.parse::<u8>().is_ok_and(|h| h <= 23)
                && (next == "uhr" || next == "am" || next == "pm"));
        if clock && !w.starts_with("23:59") && !w.starts_with("11:59") {
            n += 1;
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verdict(from: &str, subject: &str, body: &str) -> Verdict {
        weigh(subject, body, &Sender::read(from))
    }

    /// Asserts that each (subject, body) from `from` is read as its category.
    fn assert_reads(from: &str, cases: &[(&str, &str, EmailCategory)]) {
        for (subject, body, want) in cases {
            let v = verdict(from, subject, body);
            assert_eq!(v.category, *want, "{subject}: {:?}", v.hits);
        }
    }

    #[test]
    fn no_single_keyword_decides() {
        let v = verdict(
            "a@b.com",
            "Hello",
            "How did the interview go? Drinks on Friday?",
        );
        assert_eq!(v.category, EmailCategory::Other, "{:?}", v.hits);
        let v = verdict(
            "Acme Talent <talent@acme.com>",
            "Interview",
            "We would like to schedule an interview.",
        );
        assert_eq!(v.category, EmailCategory::InterviewInvite);
    }

    #[test]
    fn polite_rejections_and_offers_without_their_keywords() {
        let v = verdict(
            "hr@x.com",
            "Update",
            "It was a close decision, but we've decided to offer the role to another \
             candidate. We'll keep your CV on file and would like to keep in touch.",
        );
        assert_eq!(v.category, EmailCategory::Rejection, "{:?}", v.hits);
        let v = verdict(
            "hr@x.com",
            "Welcome!",
            "We're delighted to welcome you to the team — please find your contract attached.",
        );
        assert_eq!(v.category, EmailCategory::Offer, "{:?}", v.hits);
    }

    #[test]
    fn a_phrase_in_quotation_marks_is_mentioned_not_said() {
        assert_reads(
            "The Raise Letter <letters@theraiseletter.com>",
            &[
                (
                    "Why \u{201c}what are your salary expectations?\u{201d} is a trap",
                    "The question comes in the first call. Forward this to a friend.",
                    EmailCategory::Other,
                ),
                (
                    "What are your salary expectations?",
                    "Please reply with your notice period too.",
                    EmailCategory::FollowUpNeeded,
                ),
            ],
        );
        // A job site relays a whole message in quotation marks: that is said.
        assert!(quoted("he wrote \"we regret\" twice", 11));
        assert!(!quoted(
            &format!("\"{} we regret to inform you\"", "x ".repeat(40)),
            83
        ));
        assert!(!quoted("\"a\" then we regret", 11));
    }

    #[test]
    fn indian_job_mail_and_life_mail_are_told_apart() {
        use EmailCategory::*;
        assert_reads(
            "Amol Deshpande <amol.deshpande@bwrenew.com>",
            &[(
                "Good news from Pune",
                "Hi Rahul,\n\nThe panel met this morning and we would like you to join us as \
                 Commercial Finance Manager. Our CFO liked how you flagged the open-access \
                 tariff risk. Broadly we're looking at a fixed CTC of Rs. 27 lakh.\n\nAmol",
                Offer,
            )],
        );
        assert_reads(
            "Karan Reddy <karan.reddy@ondelbio.com>",
            &[(
                "Quick telephonic round tomorrow? - Manager FP&A",
                "Hi Rahul,\n\nWould you be available for a 20-25 minute telephonic round \
                 with me tomorrow between 12 and 4 pm? I'll cover your notice period. Just \
                 reply with a time and the best number to reach you.\n\nKaran",
                InterviewInvite,
            )],
        );
        assert_reads(
            "Sneha Kulkarni <sneha.kulkarni@bwrenew.com>",
            &[(
                "Joining date confirmation - Commercial Finance Manager",
                "Dear Rahul,\n\nWe are preparing your offer letter for the Commercial \
                 Finance Manager position.\n\nBefore we release it, could you please \
                 confirm your earliest possible date of joining? A reply by Wednesday would \
                 help us issue the letter this week.\n\nSneha",
                FollowUpNeeded,
            )],
        );
        assert_reads(
            "HR Desk <hr.desk@bhandarirao.in>",
            &[(
                "Reminder: FY26 performance appraisal - self-assessment forms due 31 March",
                "Dear colleagues,\nPlease submit your self-assessment form by 31 March.",
                Other,
            )],
        );
        assert_reads(
            "NestKey Rentals <support@nestkey.in>",
            &[(
                "Good news! The owner has accepted your offer for 2BHK in HSR Layout",
                "Hi Rahul,\nThe owner has accepted your rental offer. Complete tenant \
                 verification (ID + employment proof).",
                Other,
            )],
        );
        assert_reads(
            "Torque Motors Service <service@torquemotors.co.in>",
            &[(
                "Your car is due for service + exclusive exchange offer inside",
                "Your vehicle is due for its periodic maintenance service. Book a slot at \
                 Torque Motors. Offer valid till 30 November.",
                Other,
            )],
        );
    }

    #[test]
    fn a_declines_thanks_and_talent_community_count_for_little() {
        let ashgrove = "Ashgrove <ashgrove@myworkday.com>";
        let subject = "Your application for Project Manager";
        assert_reads(
            ashgrove,
            &[
                (
                    subject,
                    "Thank you for applying for the Project Manager role at Ashgrove. We won't \
                     progress your application.",
                    EmailCategory::Rejection,
                ),
                // Without a decline the thanks still say the application arrived.
                (
                    subject,
                    "Thank you for applying for the Project Manager role. We will be in touch.",
                    EmailCategory::ApplicationReceived,
                ),
            ],
        );
        assert_reads(
            "Quarry Lane via LiveHire <notifications@livehire.example>",
            &[(
                "An update",
                "While we won't offer you this particular role, we'd love to keep you in \
                 our Talent Community.",
                EmailCategory::Rejection,
            )],
        );
    }

    #[test]
    fn a_person_writing_of_a_role_needs_less_evidence() {
        let body = "Cheers, I'll come back to you after the weekend.";
        assert_reads(
            "Dave <dave@corbel.example>",
            &[
                (
                    "Project Manager role",
                    body,
                    EmailCategory::ApplicationReceived,
                ),
                // Without a word of hiring it does not.
                ("Saturday", body, EmailCategory::Other),
            ],
        );
        // Nor from a bulk mailer.
        assert_reads(
            "Corbel <news@corbel.example>",
            &[("Project Manager role", body, EmailCategory::Other)],
        );
    }

    #[test]
    fn a_stage_thanked_for_is_behind_the_person() {
        let v = verdict(
            "People Ops <careers@bluebonnet.example>",
            "Backend Software Engineer",
            "Dear Marisol,\n\nThank you for taking the time to complete our skills assessment. \
             Another applicant has been selected.",
        );
        assert_eq!(v.category, EmailCategory::Rejection, "{:?}", v.hits);
        assert!(thanked_for("hi sam, thanks for the skills assessment", 28));
        assert!(thanked_for("thank you for your interview", 24));
        assert!(!thanked_for("please complete the skills assessment", 20));
    }

    #[test]
    fn learned_words_are_one_signal_and_half_of_one_from_a_friend() {
        let body = "Hi Sam,\n\nThank you for applying for the Data Engineer role at Acme. \
                    We have received your application and our team will review it \
                    carefully. We will be in touch within two weeks.\n\nThe Acme Talent Team";
        let learned = |from: &str| {
            verdict(from, "Thank you for your application", body)
                .hits
                .into_iter()
                .find(|h| h.cue.starts_with("worded like"))
        };
        let h = learned("Acme Talent <talent@acme.example>").expect("a learned signal");
        assert_eq!(h.category, EmailCategory::ApplicationReceived, "{h:?}");
        assert!(
            h.weight > 0.0 && h.weight <= super::super::learned::MAX_WEIGHT,
            "{h:?}"
        );
        assert!(h.cue.contains('"'), "names its words: {h:?}");
        let friend = learned("Sam <sam@gmail.com>").expect("a learned signal");
        assert!(
            friend.weight <= h.weight / 2.0 + 1e-9,
            "{friend:?} against {h:?}"
        );
    }

    #[test]
    fn one_pass_finds_every_cue_where_a_search_per_cue_would() {
        for text in [
            "thank you for applying. unfortunately we regret to inform you... no no no",
            "nous avons bien recu votre candidature; aaaa \"we regret\" interview-interview",
            &"we appreciate the time you took to tell us about your experience. ".repeat(20),
            "",
        ] {
            let found = cue_positions(text);
            for (id, (_, cue, _)) in cue_list().iter().enumerate() {
                let want: Vec<usize> = word_starts(text, cue).collect();
                assert_eq!(found[id], want, "{cue:?} in {text:?}");
            }
        }
    }

    #[test]
    fn times_of_day_are_counted() {
        assert_eq!(clock_times("tue 10:00 or wed 14:30, or 3pm? 23:59"), 3);
        assert_eq!(
            clock_times("le mardi 14 avril a 10h ou le jeudi a 14h30 ?"),
            2
        );
        assert_eq!(clock_times("um 10 uhr"), 1);
        assert_eq!(clock_times("no times here: 2026"), 0);
    }
}
