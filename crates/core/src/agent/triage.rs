//! The pre-filter in front of the analyst: does a new message look job-related?
//!
//! Only job mail is worth a model call; a newsletter should cost nothing. The filter
//! leans hard towards "yes": a missed interview invite costs far more than a call,
//! so anything from an applicant-tracking system, anything the built-in engine's
//! rules recognise, any job-search word and any mention of a company the person
//! applied to passes.

use std::sync::LazyLock;

use super::builtin::{self, fold, starts_word};
use super::email_analyst::{EmailCategory, EmailInput, split_sender};

/// Senders' domains of applicant-tracking systems, job sites and assessment tools.
const JOB_SENDERS: &[&str] = &[
    "greenhouse.io",
    "greenhouse-mail.io",
    "lever.co",
    "ashbyhq.com",
    "myworkday.com",
    "myworkdayjobs.com",
    "workday.com",
    "icims.com",
    "smartrecruiters.com",
    "linkedin.com",
    "indeed.com",
    "indeedemail.com",
    "workable.com",
    "workablemail.com",
    "jobvite.com",
    "bamboohr.com",
    "recruitee.com",
    "teamtailor.com",
    "teamtailor-mail.com",
    "personio.com",
    "personio.de",
    "breezy.hr",
    "jazzhr.com",
    "applytojob.com",
    "successfactors.com",
    "successfactors.eu",
    "taleo.net",
    "oraclecloud.com",
    "hirevue.com",
    "codility.com",
    "hackerrank.com",
    "codesignal.com",
    "wellfound.com",
    "otta.com",
    "glassdoor.com",
    "ziprecruiter.com",
    "dice.com",
    "hired.com",
    "welcometothejungle.com",
    "stepstone.de",
    "xing.com",
    "rippling.com",
    "gem.com",
    "dover.com",
    "pinpointhq.com",
    "jobstreet.com",
    "glints.com",
    "kalibrr.com",
    "dealls.com",
];

/// Words and phrases of a job search; matched at word starts in subject and body.
///
/// The broadest of the three job-word lists: the pre-filter must keep anything that
/// may be job mail, so a word here only has to be possible in one. The built-in
/// engine's `HIRING_WORDS` (may a relay speak for an employer?) and the narrower
/// `WORK_WORDS` (is life's paperwork about work after all?), in `builtin::signals`,
/// decide between meanings instead.
const JOB_WORDS: &[&str] = &[
    "application",
    "applied",
    "applying",
    "apply",
    "candidate",
    "candidacy",
    "position",
    "role",
    "job",
    "hiring",
    "hire",
    "recruit",
    "interview",
    "offer",
    "career",
    "resume",
    "résumé",
    "cv",
    "talent",
    "vacanc",
    "opening",
    "onsite",
    "on-site",
    "phone screen",
    "screening",
    "assessment",
    "compensation",
    "salary",
    "start date",
    "background check",
    "reference check",
    "next steps",
    "next step",
    "headhunt",
    "your profile",
    "opportunit",
    "submission",
    "engineer",
    "developer",
    "analyst",
    "senior",
    "junior",
    "principal",
    "joining",
    "join the team",
    "on board",
    "onboard",
    "aboard",
    "careful consideration",
    "go with someone",
    "your background",
    "your experience",
    "your skills",
    "technical round",
    "contract",
    "reference",
    "retained search",
    "gig",
    "remote",
    "bewerbung",
    "candidature",
    "entretien",
    "entrevue",
    "vorstellungsgespräch",
    // Trades other than software, and what their hiring asks for.
    "designer",
    "researcher",
    "scientist",
    "consultant",
    "architect",
    "exercise",
    "portfolio",
    "equity",
    "diseñador",
    "diseñadora",
    // Swedish, Danish, Norwegian, Finnish, Polish.
    "ansökan",
    "ansøgning",
    "søknad",
    "hakemu",
    "rekryter",
    "rekrutter",
    "rekrutac",
    "stilling",
    "tjänst",
    "intervju",
    "haastattel",
    "rozmow",
    "stanowisk",
    "aplikacj",
    "zatrudni",
    "arbetsprov",
    "arbejdsprøve",
    "arbeidsprøve",
    "anställning",
    "ansættelse",
    "ansettelse",
    "erbjud",
    "tilbud om",
    "työpaik",
    "työtarjous",
    "ennakkotehtäv",
    "dataingen",
    "ingenjör",
    "ingeniør",
    "inżynier",
    // Estonian, Latvian, Lithuanian.
    "tööpakkumi",
    "kandideeri",
    "kandidat",
    "insener",
    "arendaja",
    "värbami",
    "vakanc",
    "darba piedāvājum",
    "darbo pasiūlym",
    "paraišk",
    "pokalb",
    "atrank",
    "pareig",
    "įdarbin",
    "gyvenimo aprašym",
    // Turkish (folded: "başvuru" is "basvuru", "mülakat" "mulakat").
    "başvuru",
    "mülakat",
    "görüşme",
    "iş teklifi",
    "pozisyon",
    "özgeçmiş",
    "aday",
    "işe alım",
    "insan kaynakları",
    "kariyer",
    "değerlendirme",
    "iş ilanı",
    // The same in the other languages the analyst reads.
    "stelle",
    "arbeitsvertrag",
    "gehalt",
    "entwickler",
    "ingenieur",
    "ingénieur",
    "poste",
    "candidat",
    "recrutement",
    "contrat de travail",
    "candidatura",
    "puesto",
    "vacante",
    "entrevista",
    "contrato laboral",
    "contrato de trabajo",
    "contrato firmado",
    "nómina",
    "ingeniero",
    "ingeniera",
    "desarrollador",
    "incorporación",
    "salario",
    "sollicit",
    "vacature",
    "functie",
    "arbeidsovereenkomst",
    "ontwikkelaar",
    "colloquio",
    "posizione",
    "contratto di lavoro",
    "sviluppatore",
    "vaga",
    "emprego",
    "contrato de trabalho",
    "engenheiro",
    "analista",
    "recrutamento",
    "reclutamiento",
    "selección",
    "avaliação",
    "evaluación",
    "processo seletivo",
    "função",
    // Czech, Slovak, Hungarian, Romanian (matched folded, as every word here).
    "pohovor",
    "pozic",
    "prihlask",
    "zivotopis",
    "uchazec",
    "uchadzac",
    "pracovni smlouv",
    "pracovnu zmluv",
    "pracovna zmluv",
    "pracovna ponuk",
    "nabidka prac",
    "nabidka pracovn",
    "vyberov",
    "nastup",
    "manazer",
    "allas",
    "palyazat",
    "jelentkez",
    "interju",
    "oneletrajz",
    "munkaszerzodes",
    "toborz",
    "hianypotlas",
    "menedzser",
    "aplicati",
    "interviu",
    "angajare",
    "recrutare",
    "poziti",
    "cariere",
    "contract de munca",
    // Finance and people work, whose titles the software words above miss.
    "controller",
    "controlling",
    "accountant",
    "recruiter",
    "business partner",
    "hr manager",
    "curricul",
    // Italian and Catalan.
    "selezion",
    "assunzion",
    "offerta di lavoro",
    "lavoro",
    "feina",
    "lloc de treball",
    "seleccio",
    "contracte",
    // German as Austria writes it.
    "dienstvertrag",
    "dienstantritt",
    "stellenangebot",
    "stellenausschreibung",
    // Slovenian and Croatian.
    "kandidat",
    "prijav",
    "razgovor",
    "intervju",
    "zaposlitv",
    "zaposlen",
    "zaposlovanj",
    "zaposljavanj",
    "delovno mesto",
    "radno mjesto",
    "razpis",
    "natjecaj",
    "ponud",
    "pogodb",
    "ugovor o radu",
    "zivljenjepis",
    "zivotopis",
    "selekcij",
    // Greek (folding drops its accents, as capitals do).
    "συνεντευξ",
    "αιτησ",
    "υποψηφι",
    "θεση",
    "προσληψ",
    "εργασια",
    // Malay: a post, an application, an interview, an offer, careers, an employer.
    "jawatan",
    "permohonan",
    "temuduga",
    "temu duga",
    "tawaran",
    "kerjaya",
    "majikan",
    "sumber manusia",
    "pengambilan",
    "calon",
    "kekosongan",
    "pelantikan",
    "lapor diri",
    "gaji",
    // Indonesian: a post, an application, an applicant, recruitment, a vacancy, an
    // interview, a psychological test, a candidate, a career, selection, HR.
    "posisi",
    "lamaran",
    "melamar",
    "pelamar",
    "rekrutmen",
    "perekrutan",
    "lowongan",
    "wawancara",
    "psikotes",
    "kandidat",
    "karier",
    "karir",
    "seleksi",
    "penawaran kerja",
    "kontrak kerja",
    "hrd",
    // Tagalog: an application, a post, an applicant, an interview, an exam, a vacancy.
    "aplikasyon",
    "posisyon",
    "aplikante",
    "panayam",
    "pagsusulit",
    "bakante",
    "trabaho",
    "βιογραφικ",
    "συμβαση",
    "αξιολογησ",
    "καριερα",
    "στελεχωσ",
    "ανθρωπινο δυναμικο",
    // Arabic (folded: a hamza's seat is a plain alef): a job, recruitment, an
    // interview, your application, a candidate, a CV, a job offer, a test, hiring, HR,
    // a salary; with and without the article "ال" written onto the word.
    "وظيف",
    "الوظيف",
    "لوظيف",
    "توظيف",
    "التوظيف",
    "للتوظيف",
    "مقابله",
    "مقابلة",
    "المقابلة",
    "لمقابلة",
    "طلبك",
    "طلب التوظيف",
    "طلب توظيف",
    "مرشح",
    "المرشح",
    "السيرة الذاتية",
    "سيرتك الذاتية",
    "عرض وظيفي",
    "عرض العمل",
    "عرض عمل",
    "اختبار",
    "الاختبار",
    "تعيين",
    "التعيين",
    "الموارد البشرية",
    "فرصة وظيفية",
    "فرصة عمل",
    "راتب",
    "الراتب",
    // Chinese (simplified and traditional): an application, a post, an interview,
    // recruitment, a CV, an offer of employment, a candidate, a test, HR.
    "申请",
    "申請",
    "职位",
    "職位",
    "面试",
    "面試",
    "招聘",
    "应聘",
    "應徵",
    "简历",
    "履歷",
    "履历",
    "录用",
    "錄用",
    "聘用",
    "候选人",
    "候選人",
    "笔试",
    "筆試",
    "人力资源",
    "人力資源",
    // Hindi: a job, an interview, an application, a post, selection, recruitment.
    "नौकरी",
    "साक्षात्कार",
    "इंटरव्यू",
    "आवेदन",
    "पद",
    "चयन",
    "भर्ती",
    // Kannada: a job, an interview, an application, a post, selection.
    "ಉದ್ಯೋಗ",
    "ಸಂದರ್ಶನ",
    "ಅರ್ಜಿ",
    "ಹುದ್ದೆ",
    "ಆಯ್ಕೆ",
    // Vietnamese: recruitment, applying, a candidate, an interview, jobs, hiring, probation, HR, a contract, pay, a job description, an internship, a CV
    "tuyen dung",           // tuyển dụng
    "ung tuyen",            // ứng tuyển
    "ung vien",             // ứng viên
    "phong van",            // phỏng vấn
    "viec lam",             // việc làm
    "xin viec",             // xin việc
    "tim viec",             // tìm việc
    "nhan viec",            // nhận việc
    "thu viec",             // thử việc
    "trung tuyen",          // trúng tuyển
    "nhan su",              // nhân sự
    "hop dong lao dong",    // hợp đồng lao động
    "muc luong",            // mức lương
    "dai ngo",              // đãi ngộ
    "mo ta cong viec",      // mô tả công việc
    "thuc tap",             // thực tập
    "san dau nguoi",        // săn đầu người
    "nhan tai",             // nhân tài
    "chuc danh",            // chức danh
    "kinh nghiem lam viec", // kinh nghiệm làm việc
    "co hoi nghe nghiep",   // cơ hội nghề nghiệp
    "vong ho so",           // vòng hồ sơ
    "nop ho so",            // nộp hồ sơ
    "bai test",             // bài test
    "danh gia nang luc",    // đánh giá năng lực
    "so yeu ly lich",       // sơ yếu lý lịch
    "tuyen gap",            // tuyển gấp
    "gia nhap doi ngu",     // gia nhập đội ngũ
    "kiem tra nang luc",    // kiểm tra năng lực
    "luong thuong",         // lương thưởng
    // Japanese: an application, an entry, selection, an interview, recruitment, an informal offer, a CV, a post, HR
    "応募",
    "面接",
    "面談",
    "選考",
    "採用",
    "求人",
    "内定",
    "内々定",
    "履歴書",
    "経歴書",
    "適性検査",
    "筆記試験",
    "人事",
    "転職",
    "就職",
    "就活",
    "新卒",
    "求職",
    "職種",
    "募集",
    "年収",
    "雇用",
    "入社",
    "候補者",
    "人材",
    "労働条件",
    "職務",
    "就労",
    "スカウト",
    "エントリー",
    "エンジニア",
    "ポジション",
    // Turkish: an application, a job posting, an employer, employment, a start, HR, an internship, a contract, pay expectations, notice
    "basvur",
    "is ilan",
    "is firsat",
    "is imkan",
    "is arayis",
    "isveren",
    "istihdam",
    "ise baslama",
    "ise giris",
    "personel alim",
    "secme ve yerlestirme",
    "on eleme",
    "kadromuza",
    "eleman",
    "ik departman",
    "ik ekib",
    "yetenek kazanim",
    "staj",
    "tam zamanli",
    "yari zamanli",
    "uzaktan calisma",
    "is sozlesme",
    "teklif mektubu",
    "maas beklenti",
    "ucret beklenti",
    "brut maas",
    "brut ucret",
    "yetkinlik",
    "ihbar suresi",
    "referans kontrol",
    "vaka calismasi",
    "muhendis",
    "gelistirici",
    "analist",
    // Finnish, Swedish, Norwegian and Danish: an applicant, recruitment, a contract, an interview, a CV, pay, a posting, trial employment, pay expectations
    "hakij",               // fi
    "rekryto",             // fi
    "tyosopimu",           // fi
    "tyohaastattel",       // fi
    "tyohakemu",           // fi
    "ansioluettel",        // fi
    "palkkatoi",           // fi
    "soveltuvuus",         // fi
    "tyonhak",             // fi
    "tyosuh",              // fi
    "palkkau",             // fi
    "hakuilmoitu",         // fi
    "avoimeen tehtavaan",  // fi
    "ansokning",           // sv
    "sokande",             // sv
    "loneansprak",         // sv
    "personligt brev",     // sv
    "provanstalln",        // sv
    "urvalsprocess",       // sv
    "tillsvidareanstalln", // sv
    "meritforteckning",    // sv
    "personlighetstest",   // sv
    "bemanning",           // no
    "lonnsforventning",    // no
    "arbeidsavtale",       // no
    "provetid",            // no
    "ansoger",             // da
    "lonforvent",          // da
    "ansaet",              // da
    "personlighedstest",   // da
    // Korean: an application, a post, an interview, recruitment, a candidate, a CV, a document screening, an offer, HR
    "채용",
    "입사",
    "지원서",
    "입사지원",
    "지원자",
    "면접",
    "이력서",
    "자기소개서",
    "자소서",
    "경력기술서",
    "서류전형",
    "합격",
    "불합격",
    "구인",
    "구직",
    "취업",
    "이직",
    "인사팀",
    "인사담당",
    "헤드헌",
    "서치펌",
    "포지션",
    "연봉",
    "처우",
    "근로계약",
    "후보자",
    "인적성",
    "코딩테스트",
    "경력직",
    "신입사원",
    "인턴",
    "스카우트",
    "오퍼",
    "리크루터",
    "직무",
    // Romanian: an application, a candidate, an interview, recruitment, a post, a CV, a contract, pay
    "angajat",
    "angajam",
    "angajari",
    "aplicare",
    "ai aplicat",
    "recrut",
    "post vacant",
    "posturi vacante",
    "postul de",
    "postului de",
    "loc de munca",
    "locul de munca",
    "locuri de munca",
    "locului de munca",
    "salari",
    "resurse umane",
    "procesul de selectie",
    "proces de selectie",
    "test online",
    "test tehnic",
    "tema tehnica",
    "scrisoare de intentie",
    "scrisoarea de intentie",
    "inginer",
    "dezvoltator",
    "programator",
    "preaviz",
    "perioada de proba",
    "ocuparea postului",
    "ocuparea functiei",
    "carier",
    // Arabic, more
    "وظائف",
    "الوظائف",
    "للوظائف",
    "بوظيف",
    "للوظيف",
    "شاغر",
    "الشاغر",
    "شواغر",
    "الشواغر",
    "التقديم",
    "تقديمك",
    "لتقديمك",
    "لتقدمك",
    "للمقابلة",
    "بمقابلة",
    "مقابلتك",
    "مقابلات",
    "المقابلات",
    "المقابله",
    "لمقابله",
    "انترفيو",
    "الانترفيو",
    "سيرتك",
    "سيرة ذاتية",
    "السي في",
    "ترشيحك",
    "المتقدمين",
    "للمتقدمين",
    "منصب",
    "المنصب",
    "لمنصب",
    "عقد العمل",
    "عقد عمل",
    "خطاب العرض",
    "خطاب عرض",
    "شؤون الموظفين",
    "فرص عمل",
    "بطلبك",
    "استقطاب",
    "الاستقطاب",
    // "інтерв'ю" is written with three apostrophes: "'" and "’" fold to "'", the modifier letter "ʼ" (U+02BC) does not.
    "ваканс",               // uk, ru
    "резюме",               // uk, ru
    "співбесід",            // uk
    "собеседован",          // ru
    "інтерв'ю",             // uk
    "інтервʼю",             // uk
    "интервью",             // ru
    "кандидат",             // uk, ru
    "на посаду",            // uk
    "должност",             // ru
    "на позицію",           // uk
    "на позицию",           // ru
    "працевлаштуван",       // uk
    "трудоустройств",       // ru
    "рекрут",               // uk, ru
    "підбор персонал",      // uk
    "подбор персонал",      // ru
    "відділ кадрів",        // uk
    "отдел кадров",         // ru
    "роботодав",            // uk
    "работодател",          // ru
    "пошук роботи",         // uk
    "поиск работы",         // ru
    "тестове завдан",       // uk
    "тестовое задан",       // ru
    "оффер",                // ru
    "трудовий договір",     // uk
    "трудовой договор",     // ru
    "зарплатні очікування", // uk
    "зарплатные ожидания",  // ru
    "стажуван",             // uk
    "стажировк",            // ru
    "соискател",            // ru
    "розробник",            // uk
    "разработчик",          // ru
    "інженер",              // uk
    "инженер",              // ru
    "кар'єр",               // uk
    "карьер",               // ru
];

/// [`JOB_WORDS`] folded once, as the text they are looked for in.
static FOLDED_JOB_WORDS: LazyLock<Vec<String>> =
    LazyLock::new(|| JOB_WORDS.iter().map(|w| fold(w)).collect());

/// The pre-filter's verdict on one message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Triage {
    /// Whether the analyst should run on it.
    pub job_related: bool,
    /// Why, in a phrase for the person.
    pub reason: String,
}

/// Whether `email` looks job-related; `companies` are the person's applications'
/// companies (a message naming one passes).
pub fn triage(email: &EmailInput, companies: &[String]) -> Triage {
    let yes = |reason: String| Triage {
        job_related: true,
        reason,
    };
    let (_, address) = split_sender(&email.from);
    let domain = address
        .as_deref()
        .and_then(|a| a.rsplit('@').next())
        .map(str::to_lowercase)
        .unwrap_or_default();
    if let Some(d) = JOB_SENDERS
        .iter()
        .find(|d| domain == **d || domain.ends_with(&format!(".{d}")))
    {
        return yes(format!(
            "sent by {d}, an applicant-tracking system or job site"
        ));
    }
    let verdict = builtin::classify(email);
    if verdict.category != EmailCategory::Other {
        return yes(match verdict.reasons().next() {
            Some(h) => format!("reads as {}: \"{}\"", verdict.category, h.cue),
            None => format!("reads as {}", verdict.category),
        });
    }
    // Folded, as the words are: "candidați" is a candidate, "ansökan" an application
    // however its writer spelt the accents.
    let text = fold(&format!("{}\n{}", email.subject, email.body));
    if let Some(w) = JOB_WORDS
        .iter()
        .zip(FOLDED_JOB_WORDS.iter())
        .find_map(|(w, folded)| at_word_start(&text, folded).then_some(w))
    {
        return yes(format!("mentions \"{w}\""));
    }
    let from = fold(&email.from);
    if let Some(c) = companies.iter().find(|c| {
        let c = fold(c.trim());
        c.chars().count() >= 3 && (at_word_start(&text, &c) || from.contains(&c))
    }) {
        return yes(format!("about {c}, a company you applied to"));
    }
    Triage {
        job_related: false,
        reason: "not job-related: no job-search words, not from an applicant-tracking system \
                 or a company you applied to"
            .to_owned(),
    }
}

/// Whether `needle` occurs in `text` at the start of a word.
fn at_word_start(text: &str, needle: &str) -> bool {
    text.match_indices(needle)
        .any(|(i, _)| starts_word(text, i))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mail(from: &str, subject: &str, body: &str) -> EmailInput {
        EmailInput {
            from: from.into(),
            subject: subject.into(),
            date: None,
            body: body.into(),
        }
    }

    #[test]
    fn tracking_systems_and_job_words_pass() {
        let cases = [
            mail("no-reply@us.greenhouse-mail.io", "Hello", "Thanks"),
            mail(
                "Globex <talent@globex.com>",
                "Next steps",
                "Are you free Tuesday?",
            ),
            mail("a@b.com", "Your candidacy", "We reviewed it."),
            mail(
                "x@y.com",
                "Quick chat?",
                "I saw your profile and think you'd fit.",
            ),
        ];
        for m in cases {
            assert!(triage(&m, &[]).job_related, "{}", m.subject);
        }
    }

    #[test]
    fn other_trades_and_nordic_and_polish_mail_pass() {
        let cases = [
            mail(
                "Lea <lea@brisamar.es>",
                "Following up",
                "We'd love you to be our first Product Designer: €55k base and equity.",
            ),
            mail(
                "Ola <ola@fjellvind.no>",
                "Tilbud om stilling",
                "Hei, vi vil gjerne ha deg med.",
            ),
            mail(
                "Ida <ida@skovlys.dk>",
                "Vedr. din ansøgning",
                "Tak for din interesse.",
            ),
            mail(
                "Marta <marta@wislanka.pl>",
                "Zaproszenie na rozmowę",
                "Dzień dobry!",
            ),
            mail(
                "Carmen <carmen@hotelesbrisa.es>",
                "Re: ¡Bienvenida!",
                "Contrato firmado recibido. Me falta tu número de cuenta para la nómina.",
            ),
        ];
        for m in cases {
            assert!(triage(&m, &[]).job_related, "{}", m.subject);
        }
    }

    #[test]
    fn newsletters_are_skipped_with_a_reason() {
        let m = mail(
            "Weekly Digest <news@medium.com>",
            "Your weekly reading list",
            "Ten stories about gardening, cooking and travel. Unsubscribe any time.",
        );
        let t = triage(&m, &[]);
        assert!(!t.job_related);
        assert!(t.reason.starts_with("not job-related"), "{}", t.reason);
    }

    #[test]
    fn companies_applied_to_pass_and_words_match_at_word_starts() {
        let m = mail("Dana <dana@initech.com>", "Lunch?", "See you at noon");
        assert!(triage(&m, &["Initech".into()]).job_related);
        assert!(!triage(&m, &[]).job_related);
        // "controle" holds "role" but not at a word start.
        let m = mail("a@b.com", "Sale", "price controle and more");
        assert!(!triage(&m, &[]).job_related);
    }

    #[test]
    fn words_match_however_the_accents_are_written() {
        // Romanian writes "candidați" with a comma-below t; Czech, Hungarian and Slovak
        // job words pass too.
        for (subject, body) in [
            ("Răspuns", "Am decis să continuăm cu alți candidați."),
            ("Schůzka", "Rádi bychom vás pozvali na pohovor ve čtvrtek."),
            ("Tájékoztatás", "Köszönjük, hogy jelentkezett az állásra."),
            ("Informácia", "Pošlite nám prosím váš životopis."),
            // Finance and people work, Italian and Catalan.
            ("Update", "We are looking for a Financial Controller."),
            (
                "Aggiornamento",
                "Grazie, il processo di selezione è chiuso.",
            ),
            ("Resposta", "Gràcies per l’interès en aquesta feina."),
            // Austrian German, Slovenian, Croatian and Greek, in lower case and capitals.
            ("Unterlagen", "Anbei Ihr Dienstvertrag zur Unterschrift."),
            ("Obvestilo", "Vabimo vas na razgovor v torek ob 10. uri."),
            ("Odgovor", "Hvala na Vašoj prijavi na natječaj."),
            (
                "Πρόσκληση",
                "Θα θέλαμε να σας καλέσουμε σε συνέντευξη την Τρίτη.",
            ),
            ("ΕΝΗΜΕΡΩΣΗ", "ΕΥΧΑΡΙΣΤΟΥΜΕ ΓΙΑ ΤΗΝ ΑΙΤΗΣΗ ΣΑΣ."),
            // Turkish and Lithuanian.
            (
                "Başvurunuz hakkında",
                "Merhaba, başvurunuz için teşekkür ederiz.",
            ),
            (
                "Mülakat daveti",
                "Sizi bir görüşmeye davet etmek istiyoruz.",
            ),
            ("Dėl jūsų paraiškos", "Ačiū už jūsų paraišką."),
            // Scripts without capitals: Arabic (its hamza written or not), Chinese
            // (no spaces between words), Hindi and Kannada.
            ("إشعار", "نود دعوتك إلى مقابلة يوم الثلاثاء."),
            ("اشعار", "تم استلام طلبك للوظيفة."),
            ("通知", "感谢您申请本公司的职位，我们会尽快联系您。"),
            ("通知", "感謝您應徵本公司的職位。"),
            ("सूचना", "आपका आवेदन प्राप्त हो गया है।"),
            ("ಮಾಹಿತಿ", "ನಿಮ್ಮ ಅರ್ಜಿ ನಮಗೆ ತಲುಪಿದೆ."),
            // Vietnamese (its marks folded away) and Japanese (kana and kanji, no spaces).
            (
                "Thông báo",
                "Cảm ơn bạn đã ứng tuyển vào công ty chúng tôi.",
            ),
            ("Lịch hẹn", "Mời bạn tham gia buổi phỏng vấn vào thứ Năm."),
            (
                "ご連絡",
                "このたびはご応募いただき、誠にありがとうございます。",
            ),
            ("ご案内", "一次面接の日程をご連絡いたします。"),
            // Finnish and Swedish, more.
            ("Tiedote", "Kiitos hakemuksestasi, hakijoita oli paljon."),
            (
                "Besked",
                "Tack för din ansökan till tjänsten som produktchef.",
            ),
            // Korean (Hangul), Ukrainian and Russian (Cyrillic).
            (
                "안내",
                "서류전형 결과를 알려드립니다. 1차 면접 일정은 다음과 같습니다.",
            ),
            (
                "Запрошення",
                "Запрошуємо вас на співбесіду у четвер о 14:00.",
            ),
            ("Приглашение", "Приглашаем вас на собеседование в четверг."),
        ] {
            let m = mail("Ana <ana@firma.example>", subject, body);
            assert!(triage(&m, &[]).job_related, "{subject}");
        }
        let m = mail("Dana <dana@initech.com>", "Pranzo?", "A mezzogiorno");
        assert!(triage(&m, &["Ïnitech".into()]).job_related);
    }
}
