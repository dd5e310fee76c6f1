//! The phrases around an employer's name: "Thank you for applying to X", "on behalf of
//! X", "chez X", "X has invited you", "X is hiring".

use super::super::names::{run_at, run_before, runs};
use super::super::text::{Folded, fold};
use super::PHRASE;
use super::words::PERSON_TITLES;

/// Phrases after which the employer is named: (folded phrase, weight).
pub(super) const BEFORE_NAME: &[(&str, f64)] = &[
    ("thank you for applying to ", 4.0),
    ("thanks for applying to ", 4.0),
    ("applying to ", 3.0),
    // "tu prueba para Iberdrive", "ton test pour Avialis", "Antes de presentarte a Quercus".
    ("tu prueba para ", 3.5),
    // A Turkish job site: "Bir işveren seninle iletişime geçmek istiyor: X".
    ("iletisime gecmek istiyor: ", 3.5),
    ("ton test pour ", 3.5),
    // Assessment tools in Portuguese: "o seu questionário para a Atlântida Hotels".
    ("questionario para a ", 3.5),
    ("questionarios para a ", 3.5),
    ("teste para a ", 3.5),
    ("testes para a ", 3.5),
    // … and French: "vos questionnaires pour Delvaux & Associés expirent demain".
    ("questionnaires pour ", 3.5),
    ("questionnaire pour ", 3.5),
    ("tests pour ", 3.5),
    ("votre test pour ", 3.5),
    ("presentarte a ", 3.0),
    ("application to ", 3.0),
    ("applied to ", 3.0),
    ("your application at ", 3.0),
    ("your application with ", 3.0),
    ("interest in ", 3.0),
    ("interested in joining ", 3.0),
    ("on behalf of ", 3.5),
    // An agency's exclusive search: "an exclusive mandate for Zeffiro".
    ("mandate for ", 3.5),
    // Screening and onboarding services: "your background screening for Lumenfield",
    // "complete your onboarding for Kestrel"; surveys: "your interview experience
    // with Mobiliq"; profile views: "someone from Alpenfunk".
    ("screening for ", 3.0),
    ("background check for ", 3.0),
    ("onboarding for ", 3.0),
    ("interview experience with ", 3.0),
    ("candidate experience with ", 3.0),
    ("hiring experience with ", 3.0),
    ("someone from ", 3.0),
    ("jemand von ", 3.0),
    ("mandato per ", 3.5),
    ("mandat pour ", 3.5),
    ("company: ", 4.0),
    // A public job site's labelled lines: "Organisation: Pensions Assurance Office".
    ("organisation: ", 4.0),
    ("organization: ", 4.0),
    ("employer: ", 4.0),
    ("la empresa ", 3.0),
    ("l'entreprise ", 3.0),
    ("das unternehmen ", 3.0),
    ("het bedrijf ", 3.0),
    ("l'azienda ", 3.0),
    ("a empresa ", 3.0),
    ("unternehmen: ", 4.0),
    ("arbeitgeber: ", 4.0),
    // German job sites: "Ihre Bewerbung wurde erfolgreich an X versendet".
    ("erfolgreich an ", 3.5),
    ("firma: ", 3.5),
    ("entreprise: ", 4.0),
    ("empresa: ", 4.0),
    ("bedrijf: ", 4.0),
    ("werkgever: ", 4.0),
    ("azienda: ", 4.0),
    // Slovenian, Croatian and Greek job sites' and signatures' labels.
    ("delodajalec: ", 4.0),
    ("podjetje: ", 3.5),
    ("poslodavac: ", 4.0),
    ("poslodavca ", 3.0),
    ("tvrtka: ", 3.5),
    ("εταιρεια: ", 4.0),
    ("εργοδοτης: ", 4.0),
    // Polish job sites and agencies: "przekazaliśmy Twoje CV do firmy X", "pracodawca X".
    ("do firmy ", 3.5),
    ("pracodawca ", 3.0),
    ("w firmie ", 2.5),
    ("dla firmy ", 3.5),
    ("z firma ", 3.0),
    ("w imieniu ", 3.0),
    // Turkish: "Müşterimiz Zeytindalı Gıda", "… Sarıyer Tekstil A.Ş. firmasına".
    ("musterimiz ", 3.5),
    // Spanish: "una prueba enviada por Ola Verde", "apoyando a Lenga Seguros en la
    // búsqueda"; a signature's "Talent @ Tallgrass Commerce" (not a calendar's "Thu @ 10:00").
    ("enviada por ", 3.0),
    ("enviado por ", 3.0),
    ("apoyando a ", 3.5),
    ("talent @ ", 3.5),
    ("people @ ", 3.5),
    ("recruiting @ ", 3.5),
    ("careers @ ", 3.5),
    // An agency's client: "I sent your profile to Kafue Cobalt Refinery", "we have been
    // retained by Kgale Lime & Cement".
    ("sent your profile to ", 3.5),
    // "Before I send your CV across to Tidewater", "I've been asked by Tidewater Ports
    // to help them find…".
    ("cv across to ", 3.5),
    ("asked by ", 3.0),
    ("retained by ", 3.5),
    // A legal name's trading name: "Q&A Legal LLP (trading as Quill & Anchor)".
    ("trading as ", 4.0),
    // Malay: a job site's "Majikan: …", "bagi pihak Gema Media", "menyertai Seri Murni".
    ("majikan: ", 4.0),
    ("syarikat: ", 4.0),
    ("bagi pihak ", 3.5),
    ("menyertai ", 2.5),
    // Indonesian job sites and recruiters: "sedang ditinjau oleh Pasarkita", "Lamaranmu
    // ke Bahtera", "lamaranmu di DompetRakyat", "bergabung dengan Kopi Senja", "di PT …",
    // "klien kami, PT …", "Perusahaan: …".
    ("ditinjau oleh ", 3.5),
    ("lamaranmu ke ", 3.5),
    ("lamaran kamu ke ", 3.5),
    ("lamaran anda ke ", 3.5),
    ("lamaranmu di ", 3.5),
    ("lamaran kamu di ", 3.5),
    ("lamaran anda di ", 3.0),
    ("bergabung dengan ", 3.0),
    ("bergabung di ", 3.0),
    ("bergabung bersama ", 3.0),
    ("atas nama ", 3.0),
    ("klien kami, ", 3.5),
    ("klien kami ", 3.0),
    ("perusahaan: ", 4.0),
    ("di pt ", 3.5),
    ("dari pt ", 3.0),
    ("working with ", 2.0),
    ("working exclusively with ", 3.5),
    ("partnering with ", 3.0),
    // An agency passing on news: "Good news from Oostvaart".
    ("good news from ", 2.5),
    ("position with ", 3.0),
    ("role with ", 3.0),
    ("opportunity with ", 3.0),
    ("vacancy with ", 3.0),
    ("unseren kunden ", 2.5),
    ("meinen kunden ", 3.0),
    ("meines kunden ", 3.0),
    ("unserem kunden ", 2.5),
    ("nouveau message de ", 3.0),
    ("nieuw bericht van ", 3.0),
    ("neue nachricht von ", 3.0),
    ("cv forward to ", 3.5),
    ("put you forward to ", 3.5),
    ("invited to by ", 3.5),
    ("our client ", 3.0),
    ("my client ", 3.0),
    ("our client, ", 3.5),
    ("my client, ", 3.5),
    ("one of my clients, ", 3.5),
    // A Philippine agency's employer: "Principal/Employer: AL WAFA ROYAL HOSPITAL",
    // "Our Saudi principal, AL BUSTAN MEDICAL COMPLEX", "job order for RASHIDIYA …",
    // "client namin, ang Mishkat Medical Center".
    ("principal/employer: ", 4.5),
    ("principal: ", 4.0),
    // Not a title's "Principal, Talent Search".
    ("our principal, ", 3.5),
    ("saudi principal, ", 3.5),
    ("foreign principal, ", 3.5),
    ("job order for ", 3.5),
    ("client namin, ang ", 3.5),
    ("client namin na ", 3.0),
    ("kliyente, ang ", 3.5),
    ("kliyente namin, ang ", 3.5),
    ("deployment sa ", 3.0),
    ("approved na po kayo ng ", 3.5),
    ("selected by ", 3.0),
    ("one of our clients, ", 3.5),
    // Brazilian recruiters and job sites: "um recrutador da Lumen Varejo", "Tech
    // Recruiter na Baobá Fintech", "Entrevista com a Cerrado Energia", "nosso cliente X".
    ("recrutador da ", 3.0),
    ("recrutadora da ", 3.0),
    ("recrutador(a) da ", 3.0),
    ("recruiter na ", 3.0),
    ("recrutador na ", 3.0),
    ("recrutadora na ", 3.0),
    ("entrevista com a ", 3.0),
    ("candidatura enviada para ", 3.5),
    ("perfil para a ", 3.0),
    ("nosso cliente ", 3.5),
    ("nossa cliente ", 3.5),
    ("nostro cliente ", 3.5),
    ("notre client ", 3.5),
    // "Notre client, Mobilis, la fédération belge…".
    ("notre client, ", 3.5),
    ("our client, ", 3.5),
    ("nuestro cliente, ", 3.5),
    ("onze klant, ", 3.5),
    ("unser kunde, ", 3.5),
    // Indeed in French: "Votre candidature a été envoyée à Delvaux & Associés".
    ("candidature a ete envoyee a ", 4.0),
    ("nuestro cliente ", 3.5),
    ("unser kunde ", 3.5),
    ("per conto del ", 3.0),
    ("co-founder and ceo of ", 3.5),
    ("founder and ceo of ", 3.5),
    ("co-founder of ", 3.0),
    ("founder of ", 3.0),
    ("ceo of ", 3.0),
    ("cto of ", 3.0),
    ("hiring at ", 2.5),
    ("hiring for ", 3.0),
    ("recruiting for ", 3.0),
    ("invited by ", 3.5),
    ("requested by ", 3.0),
    ("de la part de ", 3.0),
    ("por parte de ", 3.0),
    ("da parte di ", 3.0),
    ("il team di ", 2.5),
    ("l'equipe de ", 2.5),
    ("el equipo de ", 2.5),
    ("a equipa da ", 2.5),
    ("a equipe da ", 2.5),
    ("het team van ", 2.5),
    ("das team von ", 2.5),
    ("das team der ", 2.5),
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
    ("assessment from ", 3.0),
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
    ("bij ", 2.0),
    ("hos ", 2.0),
    ("presso ", 2.0),
    ("an der ", 2.0),
    ("interesse an ", 2.5),
    ("en ", 1.0),
    ("formar parte de ", 2.5),
    ("bij ", 2.5),
    ("presso ", 2.5),
    ("na ", 1.0),
    ("no ", 0.5),
];

/// Phrases before which the employer is named: (folded phrase, weight).
pub(super) const AFTER_NAME: &[(&str, f64)] = &[
    // A job site's "Bici Ciudad vio tu CV", "… está interesada en tu perfil".
    (" vio tu cv", 3.5),
    (" vio tu perfil", 3.5),
    (" esta interesada en tu perfil", 3.5),
    (" esta interesado en tu perfil", 3.5),
    (" te quiere en su equipo", 3.5),
    // "¡Sol de Quillota SpA te invita a postular!", "Constructora Ríos & Vial te hizo una
    // pregunta sobre tu postulación".
    (" te invita a postular", 3.5),
    // Turkish job sites: "Lavanta Kozmetik firmasının … ilanına", "Başvurun Kuzeyli'ye
    // iletildi".
    (" firmasinin", 4.0),
    (" firmasi", 3.0),
    ("'ya iletildi", 4.0),
    ("'ye iletildi", 4.0),
    ("'a iletildi", 4.0),
    ("'e iletildi", 4.0),
    // Vietnamese job sites: "X đã gửi lời mời phỏng vấn cho bạn", "X quan tâm đến hồ sơ
    // của bạn", "X mời bạn ứng tuyển", "X gửi bạn tài liệu cần ký".
    (" da gui loi moi phong van", 4.0),
    (" quan tam den ho so cua ban", 3.5),
    (" moi ban ung tuyen", 3.5),
    (" gui ban tai lieu can ky", 4.0),
    (" te hizo una pregunta", 3.5),
    (" te envio una pregunta", 3.5),
    (" has invited you", 4.0),
    (" wil graag", 3.0),
    (" zou graag", 2.5),
    (" nodigt je uit", 3.5),
    (" nodigt u uit", 3.5),
    (" heeft je profiel", 3.0),
    (" mochte", 2.5),
    (" ladt sie", 3.5),
    (" hat ihr profil", 3.0),
    (" vorrebbe", 3.0),
    (" ti invita", 3.5),
    (" ha visto", 2.5),
    (" gostaria", 3.0),
    // Brazilian: "a Cerrado Energia gostou do seu perfil", "Pitanga Labs enviou um
    // documento", "A Coruja Analytics quer conversar com você".
    (" gostou do seu perfil", 3.5),
    (" enviou um documento", 4.0),
    (" quer conversar", 3.5),
    // "os questionários que a Atlântida Hotels lhe pediu".
    (" lhe pediu", 3.0),
    // "o Hotel Palácio das Janelas decidiu avançar consigo".
    (" quer avancar", 3.5),
    (" decidiu avancar", 3.5),
    (" pretende avancar", 3.5),
    (" viu seu perfil", 3.5),
    (" visualizou seu perfil", 3.5),
    (" demonstrou interesse", 3.5),
    (" convida", 3.5),
    (" quiere", 2.5),
    (" te invita", 3.5),
    (" souhaite", 3.0),
    (" aimerait", 3.0),
    (" vous invite", 3.5),
    (" a consulte", 3.0),
    (" invited you", 4.0),
    (" invites you", 4.0),
    (" would like you to", 3.5),
    (" would like to", 3.0),
    (" would love to", 2.5),
    (" wants to", 2.5),
    (" wants you to", 3.5),
    (" evaluation for the", 3.0),
    (" is hiring", 3.0),
    (" are hiring", 2.5),
    (" has sent you", 4.0),
    (" has partnered with", 4.0),
    (" has engaged", 4.0),
    (" has requested your signature", 4.5),
    (" requests your signature", 4.5),
    (" is requesting your signature", 4.5),
    (" vous a envoye", 3.5),
    (" hat dir", 2.5),
    (" hat ihnen", 2.5),
    (" heeft je", 2.5),
    (" are keen to", 2.5),
    (" is keen to", 2.5),
    (" partners with", 2.5),
    (" sent you", 3.5),
    (" reviewed your", 3.5),
    (" have reviewed", 3.0),
    (" has reviewed", 3.0),
    (" found your profile", 3.5),
    (" viewed your", 3.0),
    (" has asked", 3.0),
    (" has requested", 3.0),
    (" have requested", 3.0),
    (" have asked", 3.0),
    (" have come back", 3.0),
    (" has come back", 3.0),
    (" contacts you", 2.5),
    (" is looking for", 2.5),
    (" chce cie poznac", 3.5),
    (" has shortlisted you", 4.0),
    // "Northstar Learning Trust loved your application", "Northstar want to meet you!".
    (" loved your application", 3.5),
    (" want to meet you", 3.0),
    // Indonesian: "Arunika mengundangmu untuk melamar", "Arunika meminta dokumen".
    (" mengundangmu", 4.0),
    (" has selected you", 4.0),
    (" mengundang anda", 4.0),
    (" meminta dokumen", 3.5),
    (" sedang mencari", 2.5),
    (" firmasina", 3.5),
    (" sucht", 2.0),
    // "is looking for" in Swedish and Norwegian/Danish, Finnish, Estonian, Polish,
    // Latvian and Lithuanian.
    (" soker", 2.0),
    (" etsii", 2.0),
    (" otsib", 2.0),
    (" szuka", 2.0),
    (" mekle", 2.0),
    (" iesko", 2.0),
    (" recrute", 2.5),
    (" busca", 2.0),
    (" zoekt", 2.5),
    (" cerca", 1.5),
    (" procura", 1.5),
    (" team loved", 2.0),
    (" team enjoyed", 2.0),
    (" team would", 2.0),
    (" team has", 2.0),
    ("'s hr team", 3.5),
    ("'s hr ", 3.0),
    ("'s hiring team", 3.5),
    ("'s talent team", 3.5),
    ("'s recruiting team", 3.5),
    ("'s people team", 3.5),
    // "Al Sahel Marine's CFO, Mr. Hamdan Al Qasimi": the firm's officer.
    ("'s ceo", 3.0),
    ("'s cfo", 3.0),
    ("'s cto", 3.0),
    ("'s coo", 3.0),
    ("'s founder", 3.0),
    ("'s hiring manager", 3.5),
    ("'s head of ", 3.0),
    (" came back", 2.5),
    (" talent team", 2.5),
    (" recruiting team", 2.5),
    (" recruitment team", 2.5),
    (" hiring team", 2.5),
    (" careers", 2.0),
    (" talent acquisition", 2.0),
];

/// Phrases after which the person's own, current employer is named: not the employer a
/// message is about ("your notice period at Cobaltix Motion").
const CURRENT_EMPLOYER: &[&str] = &[
    "notice period at ",
    "your notice at ",
    "your current role at ",
    "your current employer, ",
    "your time at ",
    "your work at ",
    "you're currently at ",
    "you are currently at ",
    "your current team at ",
    "line manager at ",
    "kundigungsfrist bei ",
    "preavis chez ",
    "preaviso en ",
];

/// Names of the person's current employer in `text`.
pub(super) fn current_employers(text: &str) -> Vec<&str> {
    let f = Folded::new(text);
    let mut out = Vec::new();
    for lead in CURRENT_EMPLOYER {
        for (i, _) in f.text.match_indices(lead) {
            out.extend(run_at(text, f.slice(0, i + lead.len()).len()));
        }
    }
    out
}

/// Vietnamese phrases before a name, folded: a company's forms ("Công ty TNHH Minh
/// Phát", "Công ty Cổ phần Sao Việt", "Tập đoàn Thép Nam Kỳ"), "the employer X",
/// "applying at X". Vietnamese writes a name's words in either case ("Giao nhận Vận tải
/// Sao Phương Nam"), so the name is read to where the sentence goes on.
const VIETNAMESE_BEFORE_NAME: &[(&str, f64)] = &[
    ("cong ty tnhh mtv ", 3.5),
    ("cong ty tnhh ", 3.5),
    ("cong ty co phan ", 3.5),
    ("cong ty cp ", 3.5),
    ("ctcp ", 3.0),
    ("tap doan ", 2.5),
    ("nha tuyen dung ", 3.0),
    ("ung tuyen tai ", 3.0),
];

/// A Vietnamese name from byte `at` of `text`: a capitalised word, then at most seven
/// words up to punctuation, a line's end or a word that goes on the sentence ("đã",
/// "xin", "trân trọng" …).
fn vietnamese_name(text: &str, at: usize) -> Option<&str> {
    // Has, asks, respectfully, announces, sends, at, about, for, with, is, and, very,
    // we, is doing, will, invites, needs, you, of, in.
    // (Written with their marks: folded, "tại" (at) is "tải" (transport).)
    #[rustfmt::skip]
    const GOES_ON: &[&str] = &[
        "đã", "xin", "trân", "thông", "gửi", "kính", "tại", "về", "cho", "với", "là", "và",
        "rất", "chúng", "đang", "sẽ", "mời", "cần", "bạn", "của", "trong", "hiện",
    ];
    let rest = text.get(at..)?;
    if !rest.starts_with(char::is_uppercase) {
        return None;
    }
    let mut end = 0;
    for (n, word) in rest.split(' ').enumerate() {
        let bare = word.trim_end_matches([',', '.', '!', '?', ':', ';', ')']);
        let line = bare.find(['\n', '\r']);
        let bare = line.map_or(bare, |i| &bare[..i]);
        let goes_on = GOES_ON.contains(&bare.to_lowercase().as_str());
        if n == 8 || bare.is_empty() || (n > 0 && goes_on) || bare.starts_with(['(', '-', '–']) {
            break;
        }
        end += usize::from(n > 0) + bare.len();
        if bare.len() < word.len() {
            break;
        }
    }
    (end > 0).then(|| &rest[..end])
}

/// Candidates from the phrases around names.
pub(super) fn phrase_candidates(
    text: &str,
    factor: f64,
    add: &mut impl FnMut(&str, f64, &'static str),
) {
    let f = Folded::new(text);
    // "Event type:\nDocket Labs – …": a label may end its line (the same length, so the
    // offsets hold).
    let labels_joined = f.text.replace(":\n", ": ");
    for (lead, weight) in BEFORE_NAME {
        for i in labels_joined.match_indices(lead).map(|(i, _)| i) {
            if !lead.starts_with(' ') && !super::super::text::starts_word(&f.text, i) {
                continue;
            }
            let at = f.slice(0, i + lead.len()).len();
            if let Some(run) = run_at(text, at) {
                // "Event type: Portfolio feedback (45 min)": after a label, a name ends
                // its part of the line; a lower-case word goes on a sentence.
                let end = (run.as_ptr() as usize - text.as_ptr() as usize) + run.len();
                // (A legal form in lower case is the name's: "… Lučica d.o.o.")
                let sentence = lead.ends_with(": ")
                    && text[end..].strip_prefix(' ').is_some_and(|r| {
                        r.starts_with(char::is_lowercase)
                            && !r
                                .split_whitespace()
                                .next()
                                .is_some_and(|w| super::is_legal(&fold(w.trim_end_matches(','))))
                    });
                if !sentence {
                    add(run, weight * factor, PHRASE);
                }
            }
        }
    }
    for (name, weight) in super::japanese::names(text) {
        add(name, weight * factor, PHRASE);
    }
    for (lead, weight) in VIETNAMESE_BEFORE_NAME {
        for i in f.text.match_indices(lead).map(|(i, _)| i) {
            if super::super::text::starts_word(&f.text, i)
                && let Some(name) = vietnamese_name(text, f.slice(0, i + lead.len()).len())
            {
                add(name, weight * factor, PHRASE);
            }
        }
    }
    for (tail, weight) in AFTER_NAME {
        for i in f.text.match_indices(tail).map(|(i, _)| i) {
            let at = f.slice(0, i).len();
            if let Some(run) = run_before(text, at) {
                // "our engineering lead Daan would like to", "the hiring manager, Noah,
                // would like to": a person, by their title.
                let start = at.saturating_sub(run.len()).min(text.len());
                let before = fold(text.get(..start).unwrap_or_default());
                let titled = before
                    .split_whitespace()
                    .next_back()
                    .map(|w| w.trim_end_matches([',', ':', '.']))
                    .is_some_and(|w| PERSON_TITLES.contains(&w));
                if !titled {
                    add(run, weight * factor, PHRASE);
                }
            }
        }
    }
}

/// Brands a group hires for, as the text calls them: "our homeware brand Hazel &
/// Oak", "Almendral Pay, a Grupo Almendral company".
pub(super) fn brand_names(text: &str) -> Vec<&str> {
    const BEFORE: &[&str] = &["brand ", "marca ", "marque ", "marke "];
    const AFTER: &[&str] = &[
        ", a grupo ",
        ", a group company",
        ", part of ",
        ", parte de ",
        " is part of the ",
        " is part of ",
        " fait partie du groupe",
        " fait partie de ",
        " gehort zur ",
        " ist teil der ",
        " forma parte del grupo",
        " fa parte del gruppo",
        " maakt deel uit van",
        " faz parte do grupo",
        // A new name over its old one: "Quill & Compass (formerly Wildbrook Tutoring)".
        " (formerly ",
        " (previously ",
        " (anciennement ",
        " (ehemals ",
        " (voorheen ",
    ];
    let f = Folded::new(text);
    let mut out = Vec::new();
    for lead in BEFORE {
        for (i, _) in f.text.match_indices(lead) {
            if super::super::text::starts_word(&f.text, i) {
                out.extend(run_at(text, f.slice(0, i + lead.len()).len()));
            }
        }
    }
    for tail in AFTER {
        for (i, _) in f.text.match_indices(tail) {
            out.extend(run_before(text, f.slice(0, i).len()));
        }
    }
    // "Rydo, our ride-pooling brand": a few words between "our" and "brand".
    for (i, _) in f.text.match_indices(", our ") {
        let after = &f.text[i + ", our ".len()..];
        let within: Vec<&str> = after.split_whitespace().take(6).collect();
        if within
            .iter()
            .any(|w| w.trim_end_matches([',', '.']) == "brand")
        {
            out.extend(run_before(text, f.slice(0, i).len()));
        }
    }
    out
}

/// Public bodies named by their head word and what they serve: "Rijksdienst voor
/// Digitale Dienstverlening", "Bundesamt für Strahlenschutz", "Ministry for Housing".
/// The connector ("voor", "für") would end a run of names anywhere else.
pub(super) fn public_bodies(text: &str) -> Vec<String> {
    const HEADS: &[&str] = &[
        "rijksdienst",
        "ministerie",
        "agentschap",
        "bundesamt",
        "bundesministerium",
        "bundesagentur",
        "landesamt",
        "ministere",
        "agence",
        "ministerio",
        "agencia",
        "agenzia",
        "ministero",
        "ministry",
        "directorate",
    ];
    const FOR: &[&str] = &[" voor ", " for ", " für ", " pour ", " para ", " per "];
    // "Vlaamse Maatschappij voor Circulaire Economie": after its region's word.
    const WITHIN: &[&str] = &["maatschappij", "agentschap"];
    // Most mail names no public body: one pass over the text before reading its runs.
    let folded = fold(text);
    if !HEADS.iter().chain(WITHIN).any(|w| folded.contains(w)) {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (at, run) in runs(text) {
        let Some(head) = run.split_whitespace().next() else {
            continue;
        };
        let last = run.split_whitespace().next_back().unwrap_or_default();
        if !HEADS.contains(&fold(head).as_str()) && !WITHIN.contains(&fold(last).as_str()) {
            continue;
        }
        let rest = text.get(at + run.len()..).unwrap_or_default();
        let served = FOR.iter().find_map(|c| {
            let after = rest.strip_prefix(c)?;
            let r = run_at(after, 0)?;
            // "… voor Water en Bodem": Dutch "and" joins what it serves.
            let more = after
                .get(r.len()..)
                .and_then(|a| a.strip_prefix(" en "))
                .and_then(|more| run_at(more, 0))
                .map(|m| format!(" en {m}"))
                .unwrap_or_default();
            Some(format!("{run}{c}{r}{more}"))
        });
        match served {
            Some(name) => out.push(name),
            None if run.split_whitespace().count() >= 2 => out.push(run.to_owned()),
            None => {}
        }
    }
    out
}
