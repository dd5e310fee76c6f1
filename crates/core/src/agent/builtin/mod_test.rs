use super::*;
use crate::tracker::Status;

fn app(id: i64, company: &str, role: &str) -> Application {
    Application {
        id,
        company: company.into(),
        role: role.into(),
        status: Status::Applied,
        source: None,
        url: None,
        location: None,
        notes: String::new(),
        created_at: 0,
        updated_at: 0,
    }
}

/// The category the built-in engine reads `e` as.
fn category(e: &EmailInput) -> EmailCategory {
    read(e, &[], 0.6).verdict.category
}

fn mail(from: &str, subject: &str, body: &str) -> EmailInput {
    EmailInput {
        from: from.into(),
        subject: subject.into(),
        date: None,
        body: body.into(),
    }
}

#[test]
fn names_of_one_company_are_matched_fuzzily() {
    assert!(same_company("Lumen Grid", "lumengrid"));
    assert!(same_company("Brackenhurst", "Brackenhurst Energy"));
    assert!(!same_company("Acme", "Acmeville Bank"));
}

#[test]
fn mail_links_to_the_application_it_is_about() {
    let apps = [
        app(1, "Quiet River", "Data Engineer"),
        app(2, "Quiet River", "Platform Engineer"),
        app(3, "Stone Bridge", "Analyst"),
    ];
    // The sender's domain spells the company without its space; the role picks one of
    // two applications there.
    let e = mail(
        "Oskar <oskar@quietriver.io>",
        "Next steps",
        "Hi Sam,\nThanks for applying for the Platform Engineer role. Could we set up a \
         30-minute call on Thursday or Friday?\n\nOskar",
    );
    let r = read(&e, &apps, 0.6);
    assert_eq!(r.verdict.category, EmailCategory::InterviewInvite);
    assert_eq!(r.linked.as_ref().map(|l| l.0.id), Some(2));
    assert!(r.confidence <= 0.6);
    // A relay's display name names the company.
    let e = mail(
        "Stone Bridge <no-reply@stonebridge.ashbyhq.com>",
        "Update on your application",
        "Hi Sam,\nUnfortunately we have decided to move forward with other candidates.",
    );
    let r = read(&e, &apps, 0.6);
    assert_eq!(r.verdict.category, EmailCategory::Rejection);
    assert_eq!(r.linked.as_ref().map(|l| l.0.id), Some(3));
}

#[test]
fn newsletters_name_no_employer_and_stay_other() {
    let e = mail(
        "Career Weekly <newsletter@careerweekly.example>",
        "5 interview tips hiring managers wish you knew",
        "This week: how to prepare for your interview at Acme Corp and how to negotiate \
         your offer.\nRead more\nUnsubscribe",
    );
    let r = read(&e, &[], 0.6);
    assert_eq!(r.verdict.category, EmailCategory::Other);
    assert!(r.company.is_none() && r.role.is_none());
    // A team word in a newsletter's title does not make it an employer's team.
    let e = mail(
        "The Talent Digest <issue@talentdigest.example>",
        "Salary bands, decoded",
        "THE TALENT DIGEST · No. 12\nWhat salary bands really mean, and how to read \
         them before your next offer.\nSee you next week,\nThe Talent Digest\nUnsubscribe",
    );
    let r = read(&e, &[], 0.6);
    assert_eq!(r.verdict.category, EmailCategory::Other);
    assert!(r.company.is_none(), "{:?}", r.company);
    // An agency's salary guide from its reports mailbox is marketing, not its own
    // hiring.
    let e = mail(
        "Tarnwick Talent <insights@tarnwicktalent.example>",
        "Out now: the 2026 Finance Salary Guide",
        "Download the guide to see what controllers earn across Europe this year.
         The Tarnwick Talent team
Unsubscribe",
    );
    let r = read(&e, &[], 0.6);
    assert_eq!(r.verdict.category, EmailCategory::Other);
    assert!(r.company.is_none(), "{:?}", r.company);
}

#[test]
fn the_newest_text_of_a_thread_decides() {
    let e = mail(
        "Priya <priya@nimbus.example>",
        "Re: Take-home exercise – Backend Engineer",
        "Hi Sam,\nAfter discussing it as a team, we've decided not to proceed to the final \
         stage.\n\nPriya\n\nOn 11 May 2026, at 14:08, Priya <priya@nimbus.example> wrote:\n\
         > Here's our take-home exercise. Please complete it within a week.",
    );
    let r = read(&e, &[], 0.6);
    assert_eq!(r.verdict.category, EmailCategory::Rejection);
    assert_eq!(r.role.as_deref(), Some("Backend Engineer"));
}

#[test]
fn a_scheduling_tool_speaks_for_an_employer_only_about_hiring() {
    let personal = mail(
        "Calendly <notifications@calendly.com>",
        "Reminder: Climbing session with Tom starts tomorrow",
        "This is a reminder that the following event starts in 24 hours.\nEvent: Bouldering \
         night\nHost: Tom Reyes\nWhen: Friday 19:00\nReschedule or cancel: \
         https://calendly.com/reschedulings/tom",
    );
    assert_eq!(category(&personal), EmailCategory::Other);
    let screen = mail(
        "Calendly <notifications@calendly.com>",
        "Reminder: Phone screen with Osprey Logistics starts tomorrow",
        "This is a reminder that the following event starts in 24 hours.\nEvent: Phone \
         screen - Data Engineer\nHost: Lena Brandt, Osprey Logistics\nWhen: Friday 10:00\n\
         Reschedule or cancel: https://calendly.com/reschedulings/osprey",
    );
    assert_eq!(category(&screen), EmailCategory::InterviewInvite);
}

#[test]
fn life_paperwork_that_speaks_of_applications_and_offers_stays_other() {
    let flat = mail(
        "Havelblick Immobilien <vermietung@havelblick.example>",
        "Ihre Bewerbung für die Wohnung Kastanienallee 12",
        "Sehr geehrter Herr Morgan,\nvielen Dank für Ihre Bewerbung um die Wohnung. Nach der \
         Besichtigung möchten wir Ihnen die Wohnung gerne anbieten. Den Mietvertrag senden wir \
         Ihnen zur Unterschrift zu.",
    );
    assert_eq!(category(&flat), EmailCategory::Other);
    let card = mail(
        "Fjordbank <no-reply@fjordbank.example>",
        "We've received your application",
        "Thank you for applying for the Fjordbank credit card. We've received your application \
         and are reviewing it.",
    );
    assert_eq!(category(&card), EmailCategory::Other);
    let job = mail(
        "Fjordbank Careers <careers@fjordbank.example>",
        "We've received your application",
        "Thank you for applying for the Data Engineer role. We've received your application \
         and are reviewing it.",
    );
    assert_eq!(category(&job), EmailCategory::ApplicationReceived);
}

#[test]
fn a_mortgage_asking_for_an_employers_statement_is_still_a_mortgage() {
    let e = mail(
        "Veldbank <hypotheken@veldbank.example>",
        "Your mortgage application: documents needed",
        "Thank you for your mortgage application. It is being assessed by our underwriting \
         team. Please upload your employer's statement, your income statement and the \
         purchase contract within 10 days.",
    );
    assert_eq!(category(&e), EmailCategory::Other);
}

#[test]
fn life_paperwork_names_no_employer() {
    let e = mail(
        "Fjordbank <hello@fjordbank.example>",
        "We've received your application – Fjordbank Premium account",
        "Thanks for applying for a Fjordbank Premium account. We've received your application. \
         To finish opening your account, verify your identity in the app.",
    );
    let r = read(&e, &[], 0.6);
    assert_eq!(r.verdict.category, EmailCategory::Other);
    assert!(r.company.is_none(), "{:?}", r.company);
}

#[test]
fn work_words_inside_lifes_own_phrases_are_not_work() {
    let visa = mail(
        "Visa Desk <appointments@visadesk.example>",
        "Your visa interview appointment is confirmed",
        "Your appointment has been booked.\nService: visa interview (B1/B2)\nPlease bring \
         your passport and a letter from your employer confirming the purpose of the trip.",
    );
    let loan = mail(
        "Bank Orla <no-reply@bankorla.example>",
        "Your loan application has been received",
        "Thank you for your cash loan application. We may ask you to upload a certificate of \
         employment and income from your employer.",
    );
    for e in [visa, loan] {
        let r = read(&e, &[], 0.6);
        assert_eq!(r.verdict.category, EmailCategory::Other, "{}", e.subject);
        assert!(r.company.is_none(), "{:?}", r.company);
    }
    // A webinar that says "your application" names no employer.
    let webinar = mail(
        "Lantern Academy <events@lantern.academy>",
        "Webinar: From QA to SRE",
        "You're invited to our free webinar: how to present your automation experience on \
         your CV and in your application.",
    );
    assert!(read(&webinar, &[], 0.6).company.is_none());
}

#[test]
fn a_job_sites_status_line_is_read() {
    let e = mail(
        "Tecnoempleo <noreply@tecnoempleo.com>",
        "Actualización de tu candidatura: Desarrollador Java",
        "Hola Mateo,\nLa empresa Soldavia Telecom ha actualizado el estado de tu candidatura a \
         la oferta Desarrollador Java.\nNuevo estado: Descartado",
    );
    assert_eq!(category(&e), EmailCategory::Rejection);
}

#[test]
fn invitations_to_talk_that_never_say_interview_are_invites() {
    let call = mail(
        "Helen Carwright <helen.carwright@altamire.example>",
        "Embedded Software Engineer - initial call",
        "Hi Inès,\nThank you for your application. I'd like to set up an initial 20-minute \
         phone call to learn a little more about your background. Could you send me two or \
         three time slots that suit you this week?\n\nKind regards,\nHelen",
    );
    let visit = mail(
        "Clément Ferrand <c.ferrand@vireo.example>",
        "Votre candidature – Ingénieur Logiciel",
        "Bonjour Inès,\nJ'ai bien reçu votre candidature. Auriez-vous une petite heure la \
         semaine prochaine pour qu'on en parle ? L'idée est de vous présenter l'équipe. Je \
         suis disponible mardi après 14h. On peut le faire en visio ou dans nos locaux.\n\n\
         Clément",
    );
    for e in [call, visit] {
        assert_eq!(
            category(&e),
            EmailCategory::InterviewInvite,
            "{}",
            e.subject
        );
    }
}

#[test]
fn dutch_declines_spanish_offer_proposals_and_homework_are_read() {
    let no = mail(
        "Sanne Verhoeven <sanne@polder.example>",
        "Terugkoppeling sollicitatie Backend Developer",
        "Hoi Daniel,\nWe hebben besloten om verder te gaan met een kandidaat die al in Nederland \
         woont. Ik had je graag ander nieuws gebracht.\n\nSanne",
    );
    assert_eq!(category(&no), EmailCategory::Rejection);
    let offer = mail(
        "Pagoluz (vía PandaDoc) <docs@pandadoc.net>",
        "Pagoluz te ha enviado «Propuesta de incorporación – Daniel»",
        "Hola Daniel, te enviamos la propuesta de incorporación para que la revises y firmes.",
    );
    assert_eq!(category(&offer), EmailCategory::Offer);
    let homework = mail(
        "Francesca Moretti <francesca@scuola.example>",
        "Compito per giovedì – lezione 7",
        "Ciao a tutti, per la lezione di giovedì completate l'esercizio 3 del libro.",
    );
    assert_eq!(category(&homework), EmailCategory::Other);
}

#[test]
fn an_offer_from_a_founder_in_plain_words_is_an_offer() {
    let e = mail(
        "Maya Ostrowski <maya@lanternfish.example>",
        "Joining Lanternfish",
        "Daniel, after Thursday the whole team is unanimous: we want you as Lanternfish's \
         Founding Payments Engineer. Here's what we can do: $150,000 salary, 0.6% equity, \
         4-year vesting. I've put it all in a short term sheet; I'll get the formal agreement \
         out this week so you can sign.\n\nMaya",
    );
    assert_eq!(category(&e), EmailCategory::Offer);
}

#[test]
fn an_out_of_office_reply_is_other_and_names_the_employer_it_speaks_for() {
    let e = mail(
        "Tomás Ferreira <tomas@vesselandvane.com>",
        "Automatic reply: Re: Next step: platform exercise",
        "Hi,\nI'm out of the office until Monday with limited access to email.\nFor anything \
         related to hiring at Vessel & Vane, please contact talent@vesselandvane.com.\n\nTomás",
    );
    let r = read(&e, &[], 0.6);
    assert_eq!(r.verdict.category, EmailCategory::Other);
    assert_eq!(r.company.map(|c| c.name).as_deref(), Some("Vessel & Vane"));
    let letter = mail(
        "Career Moves <careermoves@substack.com>",
        "How to negotiate your offer without burning the bridge",
        "This week: how to ask for more when the offer comes in.",
    );
    assert_eq!(category(&letter), EmailCategory::Other);
}

#[test]
fn a_withdrawal_and_a_football_invitation_are_other() {
    let withdrawn = mail(
        "Hollowmere Distillers <notifications@pinpointhq.com>",
        "Your application has been withdrawn",
        "Hi Marcus,\nAs requested, your application has been withdrawn. Thanks for your \
         interest in Hollowmere Distillers.",
    );
    let football = mail(
        "Kwame Asante <kwame.asante@example.org>",
        "Invitation: 5-a-side football @ Thu 9 Apr 2026 7pm - 8pm (BST)",
        "Kwame Asante has invited you to an event. 5-a-side football at the sports centre. \
         Going? Yes - Maybe - No",
    );
    for e in [withdrawn, football] {
        assert_eq!(category(&e), EmailCategory::Other, "{}", e.subject);
    }
}

#[test]
fn a_german_welcome_with_a_contract_is_an_offer_and_a_chosen_someone_a_rejection() {
    let offer = mail(
        "Lena Brandt <lena.brandt@nordlicht.example>",
        "Willkommen an Bord – Ihr Arbeitsvertrag bei Nordlicht",
        "Hallo Herr Adeyemi,\nwir freuen uns sehr, Sie für unser Data-Team gewinnen zu \
         dürfen! Im Anhang finden Sie Ihren Arbeitsvertrag. Bitte senden Sie uns den \
         unterschriebenen Vertrag zurück.\n\nLena",
    );
    assert_eq!(category(&offer), EmailCategory::Offer);
    let no = mail(
        "Euan Crawford <euan@greyfriars.example>",
        "BI Developer role - thank you",
        "Hi Marcus,\nAfter a lot of deliberation, we've chosen someone whose experience maps \
         more closely onto our estate. It was a close call.\n\nEuan",
    );
    assert_eq!(category(&no), EmailCategory::Rejection);
}

#[test]
fn plain_declines_in_english_and_german_are_rejections() {
    for (subject, body) in [
        (
            "Update on your application - OT Security Engineer",
            "After careful review, we have decided to move forward with candidates whose \
             experience more closely matches the current needs of the role.",
        ),
        (
            "Thank you, Chiara",
            "After a lot of back and forth, we're going to continue with another finalist \
             whose background sits closer to our customer base.",
        ),
        (
            "Ihre Bewerbung als IT-Security Engineer",
            "Nach sorgfältiger Prüfung haben wir uns für eine Kandidatin entschieden, deren \
             Profil unseren Anforderungen näher kommt. Wir bitten um Ihr Verständnis.",
        ),
    ] {
        let e = mail("Talent <talent@acme.example>", subject, body);
        assert_eq!(category(&e), EmailCategory::Rejection, "{subject}");
    }
}

#[test]
fn reasoning_tests_and_personality_questionnaires_are_assessments() {
    let e = mail(
        "Lumenfold via Alva Labs <no-reply@alvalabs.io>",
        "Lumenfold would like you to complete two short questionnaires",
        "Hi Chiara, as the next step for the Security Engineer position, please complete a \
         logic test (about 20 minutes, timed) and a personality questionnaire.",
    );
    assert_eq!(category(&e), EmailCategory::Assessment);
}

#[test]
fn nordic_finnish_and_polish_mail_is_read_in_its_own_words() {
    use EmailCategory::*;
    let cases = [
        (
            mail(
                "Lövholmen Energi <jobb@lovholmen.se>",
                "Vi har tagit emot din ansökan",
                "Hej Kim,\n\nTack för din ansökan till tjänsten som Dataanalytiker. Vi återkommer inom två veckor.",
            ),
            ApplicationReceived,
        ),
        (
            mail(
                "Ida Rasmussen <ida@skovlys.dk>",
                "Invitation til samtale",
                "Hej Kim,\n\nVi vil gerne invitere dig til en samtale om stillingen tirsdag kl. 10.",
            ),
            InterviewInvite,
        ),
        (
            mail(
                "Ola Nilsen <ola@fjellvind.no>",
                "Tilbud om stilling",
                "Hei Kim,\n\nVi har gleden av å tilby deg stillingen som dataingeniør. Arbeidsavtale følger vedlagt.",
            ),
            Offer,
        ),
        (
            mail(
                "Aino Virtanen <aino@kuusilaakso.fi>",
                "Ennakkotehtävä",
                "Hei Kim,\n\nSeuraava vaihe on lyhyt ennakkotehtävä, jonka voit tehdä omaan tahtiisi.",
            ),
            Assessment,
        ),
        (
            mail(
                "Marta Nowak <marta@wislanka.pl>",
                "Twoja aplikacja",
                "Dzień dobry,\n\nniestety zdecydowaliśmy się na innego kandydata. Dziękujemy za czas.",
            ),
            Rejection,
        ),
        (
            mail(
                "Karin Berg <karin@talangbron.se>",
                "Analytics Engineer i Malmö",
                "Hej Kim,\n\nJag rekryterar för en kund i Malmö. Skulle du vara intresserad av en ny roll?",
            ),
            RecruiterOutreach,
        ),
    ];
    for (m, want) in cases {
        assert_eq!(category(&m), want, "{}", m.subject);
    }
}

#[test]
fn exercises_of_other_trades_than_programming_are_assessments() {
    let m = mail(
        "Lea Moreno <lea@brisamar.es>",
        "Next step",
        "Hi Kim,\n\nThanks again for Tuesday. The next step is a short design exercise: \
         redesign our booking flow for first-time users. Half a day at most.",
    );
    assert_eq!(category(&m), EmailCategory::Assessment);
}

#[test]
fn applications_to_study_or_volunteer_are_life_not_work() {
    let cases = [
        mail(
            "Admissions Office <admissions@northbay-uni.example.org>",
            "Application received - MSc Interaction Design",
            "Dear Kim,\n\nThank you for your application to the MSc Interaction Design. \
             The admissions committee will review it and we will let you know by June.",
        ),
        mail(
            "Harbour Film Festival <team@harbourfilm.example.org>",
            "Thanks for applying to volunteer!",
            "Hi Kim,\n\nThanks for applying to volunteer at this year's festival. \
             We'll send the volunteer rota in May.",
        ),
    ];
    for m in cases {
        let r = read(&m, &[], 0.6);
        assert_eq!(r.verdict.category, EmailCategory::Other, "{}", m.subject);
    }
}

#[test]
fn estonian_offers_norwegian_permanent_posts_and_marketing_cases_are_read() {
    use EmailCategory::*;
    let cases = [
        (
            mail(
                "Kadri Tamm <kadri@rannaliiv.ee>",
                "Tööpakkumine",
                "Tere!\n\nMeil on hea meel teha sulle tööpakkumine. Leping on lisatud.",
            ),
            Offer,
        ),
        (
            mail(
                "Ola Nilsen <ola@fjellvind.no>",
                "Tilbud om fast stilling",
                "Hei,\n\nvi vil gjerne gi deg tilbud om fast stilling hos oss fra 1. september.",
            ),
            Offer,
        ),
        (
            mail(
                "Rita Sousa <rita@marealta.pt>",
                "Next step",
                "Hi Kim,\n\nAs discussed, here is the growth case for the next round: \
                 a 90-day plan for our launch in Spain. Present it to us next Thursday.",
            ),
            Assessment,
        ),
    ];
    for (m, want) in cases {
        assert_eq!(category(&m), want, "{}", m.subject);
    }
}

#[test]
fn award_entries_and_places_on_language_courses_are_life() {
    for m in [
        mail(
            "Harbour Marketing Awards <entries@harbourawards.example.org>",
            "We've received your entry",
            "Thanks for your entry to the awards: the jury meets in June.",
        ),
        mail(
            "City Adult Education <office@cityadult.example.org>",
            "Offer of a place: Finnish for beginners",
            "We are pleased to offer you a place on the language course starting in September.",
        ),
    ] {
        assert_eq!(category(&m), EmailCategory::Other, "{}", m.subject);
    }
}

#[test]
fn a_city_is_not_an_employer() {
    // An agency's client described by its city ("una fintech de Madrid") is not "Madrid".
    let m = mail(
        "Ana Ferreira <aferreira@litoralseleccion.es>",
        "Lead Product Designer – fintech en Madrid (remoto)",
        "Hola Kim, ¿qué tal?\n\nSoy Ana, consultora en Litoral Selección. Estoy ayudando a una \
         fintech de Madrid (Serie B, unas 150 personas) a encontrar a su Lead Product Designer, \
         y tu perfil encaja muy bien con lo que buscan.\n\n¿Te apetece que lo hablemos 15 \
         minutos esta semana? Por teléfono te cuento el nombre de la empresa.\n\nUn saludo,\n\
         Ana Ferreira\nConsultora Senior · Litoral Selección\nValencia · Madrid",
    );
    let r = read(&m, &[], 0.6);
    assert_eq!(r.verdict.category, EmailCategory::RecruiterOutreach);
    assert_ne!(r.company.map(|c| c.name).as_deref(), Some("Madrid"));
}

#[test]
fn offers_rejections_and_invitations_in_plainer_words() {
    use EmailCategory::*;
    let cases = [
        (
            Offer,
            mail(
                "Sorcha Lynch <sorcha@brightwell.io>",
                "As discussed",
                "Sam,\n\nPutting it in writing while the paperwork is drafted: €80k base, \
                 0.3% in options with a 1-year cliff, start after your notice. Contract will \
                 land on Monday.\n\nS.",
            ),
        ),
        (
            Offer,
            mail(
                "Lucía Prieto <lucia@hotelesolivar.es>",
                "¡Bienvenido, Sam!",
                "Hola Sam:\n\nNos encantaría que te unieras a nosotros como jefe de ventas. Te \
                 adjunto el contrato con el salario bruto anual y las condiciones. Mientras \
                 buscas piso, el hotel te aloja.\n\nUn abrazo,\nLucía",
            ),
        ),
        (
            Offer,
            mail(
                "Inès Roy <ines@solvent.fr>",
                "Bienvenue !",
                "Salut Sam,\n\nC'est officiel : ravis de t'accueillir chez Solvent. Ton contrat \
                 de travail est en pièce jointe.\n\nInès",
            ),
        ),
        (
            Rejection,
            mail(
                "Tom Reyes <tom@gridmoor.com>",
                "Quick update",
                "Hi Sam,\n\nWe filled the analyst role last week with an internal candidate. \
                 I'm sorry I didn't tell you sooner.\n\nTom",
            ),
        ),
        (
            Rejection,
            mail(
                "Luc Perrin <luc@talents-conseil.fr>",
                "Point sur le poste",
                "Bonjour,\n\nMon client a décidé de ne pas aller plus loin avec votre \
                 candidature.\n\nLuc",
            ),
        ),
        (
            Rejection,
            mail(
                "Norvik Health <no-reply@mail.teamtailor.com>",
                "Update on your application",
                "Hi Sam,\n\nThank you for applying for the Account Manager position. The \
                 position has now been filled. You can join our talent community at any time.",
            ),
        ),
        (
            ApplicationReceived,
            mail(
                "HR - University of Tarnmouth <hr@tarnmouth.ac.uk>",
                "Acknowledgement: Competition 2026/07",
                "Dear Sam,\n\nThis is to acknowledge receipt of your application for the post \
                 of Research Manager.\n\nHuman Resources",
            ),
        ),
        (
            Assessment,
            mail(
                "Kelda Mobility Hiring <hiring@kelda.de>",
                "Your Kelda challenge",
                "Hi Sam,\n\nhere is the practical part of our process. Timebox: about 5 hours. \
                 Open a pull request when you are done.\n\nThe data team",
            ),
        ),
        (
            InterviewInvite,
            mail(
                "Ada Berg <ada.berg@lumen-institute.org>",
                "Visit to the lab",
                "Dear Sam,\n\nthe committee discussed your application and we would be glad to \
                 invite you for a visit to the lab.\n\n10:00 a talk\n11:00 meetings with the \
                 group\n\nWould Thursday 28 May or Tuesday 2 June suit you?\n\nAda",
            ),
        ),
    ];
    for (want, e) in cases {
        assert_eq!(category(&e), want, "{}", e.subject);
    }
}

/// Each (category, subject, body) from `from` is read as its category.
fn assert_read_as(from: &str, cases: &[(EmailCategory, &str, &str)]) {
    for &(want, subject, body) in cases {
        assert_eq!(category(&mail(from, subject, body)), want, "{subject}");
    }
}

#[test]
fn czech_slovak_hungarian_and_romanian_mail_is_read() {
    use EmailCategory::*;
    let cases = [
        (
            ApplicationReceived,
            "Děkujeme",
            "Dobrý den,\n\nobdrželi jsme vaši přihlášku na pozici analytika. Ozveme se do dvou týdnů.",
        ),
        (
            InterviewInvite,
            "Pohovor",
            "Dobrý den,\n\nrádi bychom vás pozvali na pohovor. Který z termínů vám vyhovuje?",
        ),
        (
            Offer,
            "Nabídka pracovního místa",
            "Dobrý den,\n\nrádi bychom vám nabídli pozici analytika od 1. června.",
        ),
        (
            Rejection,
            "Výsledek",
            "Dobrý den,\n\nbohužel jsme se rozhodli pokračovat s jiným kandidátem.",
        ),
        (
            ApplicationReceived,
            "Potvrdenie prijatia žiadosti",
            "Dobrý deň,\n\nďakujeme za vašu žiadosť, prijali sme vašu žiadosť o miesto.",
        ),
        (
            InterviewInvite,
            "Meghívás interjúra",
            "Kedves Sam,\n\nszeretnénk meghívni személyes interjúra jövő héten.",
        ),
        (
            Rejection,
            "Tájékoztatás",
            "Kedves Sam,\n\nsajnos más jelöltet választottunk a pozícióra.",
        ),
        (
            FollowUpNeeded,
            "Hiánypótlás",
            "Kedves Sam,\n\nkérjük, küldje el az erkölcsi bizonyítványát.",
        ),
        (
            InterviewInvite,
            "Invitație la interviu",
            "Bună Sam,\n\nte invităm la un interviu joi la ora 10.",
        ),
        (
            Offer,
            "Ofertă de angajare",
            "Bună Sam,\n\nne bucurăm să îți oferim postul, contractul de muncă e atașat.",
        ),
        (
            Rejection,
            "Răspuns",
            "Bună Sam,\n\ndin păcate, am decis să continuăm cu alți candidați.",
        ),
    ];
    assert_read_as("Ana Novak <ana@firma.example>", &cases);
}

#[test]
fn slovenian_croatian_and_greek_mail_is_read() {
    use EmailCategory::*;
    let cases = [
        (
            ApplicationReceived,
            "Potrditev prejema prijave",
            "Pozdravljeni,\n\nvašo prijavo smo prejeli in jo bomo pregledali do konca meseca.",
        ),
        (
            InterviewInvite,
            "Vabilo na razgovor – analitik",
            "Pozdravljeni,\n\nvabimo vas na razgovor v četrtek ob 9. uri.",
        ),
        (
            Rejection,
            "Obvestilo o izbiri",
            "Pozdravljeni,\n\nna žalost je bil za delovno mesto izbran drug kandidat.",
        ),
        (
            ApplicationReceived,
            "Prijava",
            "Poštovani,\n\nzaprimili smo Vašu prijavu za radno mjesto analitičara.",
        ),
        (
            Assessment,
            "Testni zadatak",
            "Poštovani,\n\nu privitku je testni zadatak; rješenje nam pošaljite do petka.",
        ),
        (
            Offer,
            "Ponuda za zaposlenje – analitičar",
            "Poštovani,\n\ndrago nam je ponuditi Vam radno mjesto od 1. lipnja.",
        ),
        (
            FollowUpNeeded,
            "Dokumenti",
            "Poštovani,\n\nmolimo Vas da nam dostavite presliku diplome i osobne iskaznice.",
        ),
        (
            InterviewInvite,
            "ΠΡΟΣΚΛΗΣΗ ΣΕ ΣΥΝΕΝΤΕΥΞΗ",
            "Καλημέρα,\n\nθα θέλαμε να σας προσκαλέσουμε σε συνέντευξη την Πέμπτη.",
        ),
        (
            Offer,
            "Πρόταση εργασίας – Αναλυτής",
            "Καλησπέρα,\n\nσας στέλνουμε την επιστολή πρότασης με τους όρους.",
        ),
        (
            Rejection,
            "Η αίτησή σας",
            "Καλησπέρα,\n\nλυπούμαστε, αλλά δεν θα προχωρήσουμε με την υποψηφιότητά σας.",
        ),
        (
            RecruiterOutreach,
            "Μια θέση που ίσως σας ενδιαφέρει",
            "Καλησπέρα,\n\nτο προφίλ σας μου τράβηξε την προσοχή. Θα σας ενδιέφερε μια κουβέντα;",
        ),
    ];
    assert_read_as("Ana Novak <ana@firma.example>", &cases);
}

#[test]
fn catalan_mail_and_an_automatic_acknowledgement_are_read() {
    use EmailCategory::*;
    let cases = [
        (
            ApplicationReceived,
            "Justificant de presentació de sol·licitud",
            "Benvolguda Sra. Puig,\n\nUs confirmem que hem rebut correctament la vostra sol·licitud.",
        ),
        (
            InterviewInvite,
            "Un cafè?",
            "Hola Marc,\n\nEns agradaria conèixer-te. Quina hora et va bé dijous per a una primera conversa per videotrucada?",
        ),
        (
            Assessment,
            "Convocatòria",
            "Us convoquem a la primera prova del procés: exercici teoricopràctic de dues hores.",
        ),
        (
            Offer,
            "Benvinguda!",
            "Hola Marc,\n\nT'escric per donar-te oficialment la benvinguda a l'equip. T'adjunto el contracte de treball.",
        ),
        (
            Rejection,
            "Resolució del procés",
            "Hola Marc,\n\nLamentem comunicar-te que hem optat per una altra candidatura.",
        ),
        (
            FollowUpNeeded,
            "Requeriment d'esmena de documentació",
            "Manca la documentació següent. Disposeu de deu dies per esmenar-ho.",
        ),
        (
            ApplicationReceived,
            "Automatic reply: Application - HR Business Partner",
            "This is an automated acknowledgement to confirm that your application has been received.",
        ),
        (
            Rejection,
            "Our decision",
            "Thank you for coming through the final interview on Wednesday. It was a close call between \
             you and one other candidate, and in the end we've decided to offer the role to them.",
        ),
    ];
    assert_read_as("Marta Puig <marta@empresa.example>", &cases);
}

#[test]
fn tasks_engagements_closed_searches_and_approaches_in_plain_words() {
    use EmailCategory::*;
    let cases = [
        (
            Assessment,
            "Next step",
            "For the next step I'll send you a small data pack. Please don't spend more than \
             3-4 hours on it; we'll discuss it afterwards.",
        ),
        (
            Assessment,
            "Fallstudie",
            "Sehr geehrter Herr Colombo,\n\nanbei die Fallstudie. Bitte senden Sie uns Ihre \
             Ausarbeitung bis Freitag zu.",
        ),
        (
            Offer,
            "Proposition",
            "Bonjour,\n\nnous souhaitons vous engager en qualité de contrôleur de gestion. \
             Salaire annuel brut de CHF 138'000.",
        ),
        (
            Rejection,
            "Update",
            "We have decided to put the Group Controller search on hold and close the vacancy.",
        ),
        (
            Rejection,
            "Your application",
            "Unfortunately, we are unable to consider your application further, as we have \
             decided in favour of a candidate whose background matches more closely. We would \
             be pleased if you continued to follow our job offers.",
        ),
        (
            Offer,
            "Willkommen bei Elbwerk! Ihre Vertragsunterlagen",
            "Hallo Herr Weber,\n\nwir möchten Sie ab dem 1. Juni als App-Entwickler begrüßen! Im \
             Anhang finden Sie Ihren Arbeitsvertrag in zweifacher Ausfertigung. Bitte senden Sie \
             uns ein unterschriebenes Exemplar bis zum 20. März zurück.",
        ),
        (
            Rejection,
            "Update on your application",
            "We have now found someone for the role, and the position is no longer open.",
        ),
        (
            InterviewInvite,
            "Re: Flutter Developer",
            "Would you be up for a video call this Friday? Grab any slot that works here.",
        ),
        (
            InterviewInvite,
            "Routing data role - quick chat?",
            "I'd like to do a first conversation myself. Would any of these suit?\n- Tue 10 Feb \
             or Wed 11 Feb\nIf none of those work, send me a couple of windows.",
        ),
        (
            Rejection,
            "Re: Coffee on Tuesday",
            "Our round didn't close and the board has asked us to freeze all new hires.",
        ),
        (
            Rejection,
            "Vedr. din ansøgning",
            "Kære Tomasz\n\nDu er desværre ikke blandt dem, der bliver inviteret til samtale.",
        ),
        (
            RecruiterOutreach,
            "Vertrauliche Anfrage: Senior Data Scientist (Zürich)",
            "Guten Tag Herr Mbappé,\n\nim Auftrag eines renommierten Rückversicherers suche \
             ich derzeit einen Senior Data Scientist. Ihr Profil auf LinkedIn passt ausgezeichnet.",
        ),
        (
            RecruiterOutreach,
            "Comptoir Saint-Aubin aimerait recevoir votre candidature",
            "Bonne nouvelle : l'équipe a repéré votre profil et vous invite à postuler à son offre.",
        ),
        (
            RecruiterOutreach,
            "Controlling team",
            "Giovanni gave me your name. I know you may not be looking, but if the idea \
             interests you, I would be glad to have a coffee.",
        ),
    ];
    assert_read_as("Marta Keller <marta@firma.example>", &cases);
}

#[test]
fn a_course_a_conference_and_a_newsletter_are_no_employer() {
    for (from, subject, body) in [
        (
            "DeepLearn Academy <no-reply@deeplearn-academy.com>",
            "Assignment 4 is due in 24 hours",
            "Hi Théo,\n\nJust a heads-up: Assignment 4 in the course Generative Models is due \
             tomorrow at 23:59. You've completed 3 of 5 assignments so far.",
        ),
        (
            "TabML 2026 Program Chairs <tabml2026-chairs@openreview.net>",
            "[TabML 2026] Decision on your submission #87",
            "Dear Théo,\n\nWe are pleased to inform you that your submission has been accepted \
             for poster presentation at the workshop.",
        ),
    ] {
        let e = mail(from, subject, body);
        assert_eq!(category(&e), EmailCategory::Other, "{subject}");
    }
}

#[test]
fn an_out_of_office_answer_about_a_role_names_its_employer() {
    let e = mail(
        "Ollie Brandt <ollie@quaybright.example>",
        "Automatic reply: Re: Offer – Customer Success Manager",
        "I'm out of the office until Monday with limited access to email.",
    );
    let r = read(&e, &[], 0.6);
    assert_eq!(r.verdict.category, EmailCategory::Other);
    assert_eq!(r.company.map(|c| c.name).as_deref(), Some("Quaybright"));
    // One about something else names none.
    let e = mail(
        "Ollie Brandt <ollie@quaybright.example>",
        "Automatic reply: Saturday hike?",
        "I'm out of the office until Monday with limited access to email.",
    );
    assert!(read(&e, &[], 0.6).company.is_none());
}

#[test]
fn a_person_at_the_employer_writing_about_a_role_by_its_title_names_the_employer() {
    // No cue says what the reply is; its subject names the role and its writer works at
    // the sender's domain.
    let e = mail(
        "Rónán Gill <ronan@quillhop.example>",
        "Re: Head of Customer Success - Sam Okafor",
        "Hi Sam,\n\nthanks, got it. Talk soon.\n\nRónán",
    );
    assert_eq!(
        read(&e, &[], 0.6).company.map(|c| c.name).as_deref(),
        Some("Quillhop")
    );
    // A friend's mail about weekend plans names none.
    let e = mail(
        "Rónán Gill <ronan@quillhop.example>",
        "Re: Saturday?",
        "See you at ten.",
    );
    assert!(read(&e, &[], 0.6).company.is_none());
}

#[test]
fn interviews_for_the_press_fairs_courses_exams_and_lettings_are_other() {
    use EmailCategory::*;
    let cases = [
        (
            Other,
            "Interview for our podcast?",
            "Hi! Would you be up for an interview for our podcast on careers in logistics? No pressure.",
        ),
        (
            Other,
            "Your exam booking is confirmed",
            "Thank you for booking your accreditation exam. Booking reference: X-1.",
        ),
        (
            Other,
            "Jobmesse 2026",
            "Meet 40 exhibitors, bring your CV, on-the-spot interviews. Entry is free.",
        ),
        (
            Other,
            "Your tenancy application",
            "Thank you for your application to rent the flat. To complete referencing we need a copy of your employment offer letter showing salary, and the holding deposit.",
        ),
    ];
    assert_read_as("Office <office@venue.example>", &cases);
}

#[test]
fn missing_papers_a_welcome_with_the_contract_and_introductions_are_read() {
    use EmailCategory::*;
    let cases = [
        (
            FollowUpNeeded,
            "Ihre Bewerbung",
            "Sehr geehrte Frau Berg,\n\nbitte reichen Sie die fehlenden Unterlagen bis Freitag nach; wir ersuchen Sie, sie nachzureichen.",
        ),
        (
            Offer,
            "Ihr Dienstvertrag",
            "Sehr geehrte Frau Berg,\n\nwir freuen uns, Sie ab 1. Juni in unserem Team begrüßen zu dürfen. Im Anhang Ihr Dienstvertrag.",
        ),
        (
            RecruiterOutreach,
            "Introduction",
            "Dear Ana,\n\nMarta passed me your details and said you might be open to a move. Could I tell you more over a call?",
        ),
        (
            Rejection,
            "Your application",
            "Dear Ana,\n\nThank you for applying, and for your patience while we reviewed applications. The position has now been filled.",
        ),
    ];
    assert_read_as("Kim Berg <kim@firma.example>", &cases);
}

#[test]
fn an_approach_after_a_talk_and_a_friend_asking_how_an_interview_went_are_read() {
    use EmailCategory::*;
    assert_read_as(
        "Rita Sousa <rita@vidraria.example>",
        &[(
            RecruiterOutreach,
            "Your talk at the Porto data meetup",
            "Hi Sam,\n\nI caught your talk on streaming joins. I'm co-founder of Vidraria and I'm looking for a founding data engineer. I know you didn't ask for this, and you may be happy where you are, but I'd love to buy you a coffee.",
        )],
    );
    assert_read_as(
        "Joana <joana.m@example.net>",
        &[(
            Other,
            "Re: hike on Sunday?",
            "Yes! Trail at 9. And tell me how the interview went on Thursday!",
        )],
    );
}

#[test]
fn a_task_whose_solution_is_sent_back_and_a_judgement_questionnaire_are_assessments() {
    use EmailCategory::*;
    assert_read_as(
        "Jana Berg <jana@werkbank.example>",
        &[
            (
                Assessment,
                "Praxisaufgabe",
                "Guten Tag,\n\nanbei unsere Praxisaufgabe. Bitte senden Sie uns Ihre Lösung bis Montag.",
            ),
            (
                Assessment,
                "Next step",
                "Hi Sam,\n\nThe next step is a short online questionnaire about everyday situations. There are no trick questions. Begin the questionnaire here.",
            ),
        ],
    );
}

#[test]
fn someone_else_chosen_in_english_finnish_and_hungarian_is_a_rejection() {
    use EmailCategory::*;
    assert_read_as(
        "Recruiting <jobs@firma.example>",
        &[
            (
                Rejection,
                "Backend Engineer",
                "Hi Sam,\n\nWe've now chosen someone for the role, so this is where our process ends for you.",
            ),
            (
                Rejection,
                "Hakemuksesi",
                "Hei Sam,\n\nolemme päättäneet jatkaa prosessia muiden hakijoiden kanssa. Onnea työnhakuun!",
            ),
            (
                Rejection,
                "Tájékoztatás",
                "Kedves Sam!\n\nSajnálattal értesítjük, hogy ezúttal nem Önt választottuk.",
            ),
        ],
    );
}

#[test]
fn receipts_in_other_words_and_a_german_automatic_acknowledgement_are_receipts() {
    use EmailCategory::*;
    assert_read_as(
        "Careers <careers@firma.example>",
        &[
            (
                ApplicationReceived,
                "Data Engineer",
                "Hi Sam,\n\nCheers for putting yourself forward for the Data Engineer role! Your details are in.",
            ),
            (
                ApplicationReceived,
                "Automatische Antwort: Bewerbung als Einkäufer",
                "Sehr geehrte Bewerberin, sehr geehrter Bewerber,\n\nvielen Dank für Ihre Bewerbung. Hiermit bestätigen wir den Eingang Ihrer Unterlagen.",
            ),
        ],
    );
}

#[test]
fn a_decline_after_the_task_is_a_rejection_not_the_task() {
    use EmailCategory::*;
    assert_read_as(
        "Recruiting <jobs@firma.example>",
        &[
            (
                Rejection,
                "AW: Ihre Praxisaufgabe",
                "Sehr geehrte Frau Berg,\n\nvielen Dank für die Abgabe Ihrer Praxisaufgabe. Wir haben uns dennoch für eine Bewerberin entschieden. Diese Entscheidung ist uns nicht leichtgefallen.",
            ),
            (
                Rejection,
                "Your test result",
                "Hello Sam,\n\nThank you for completing the programming test. Your score did not reach the level we require, so your application will not continue in this recruitment.",
            ),
        ],
    );
}

#[test]
fn turkish_mail_is_read() {
    use EmailCategory::*;
    assert_read_as(
        "İnsan Kaynakları <ik@firma.example>",
        &[
            (
                ApplicationReceived,
                "Başvurunuz",
                "Merhaba Deniz,\n\nbaşvurunuz alınmıştır; en kısa sürede değerlendireceğiz.",
            ),
            (
                InterviewInvite,
                "Mülakat daveti",
                "Merhaba Deniz,\n\nsizi bir iş görüşmesine davet etmek istiyoruz. Hangi gün ve saat uygun?",
            ),
            (
                Offer,
                "İş teklifi",
                "Merhaba Deniz,\n\nsize Pazarlama Müdürü pozisyonu için iş teklifi sunmaktan mutluluk duyuyoruz.",
            ),
            (
                Rejection,
                "Başvurunuz hakkında",
                "Merhaba Deniz,\n\nmaalesef bu pozisyon için diğer adaylarla devam etmeye karar verdik.",
            ),
            (
                FollowUpNeeded,
                "Belgeler",
                "Merhaba Deniz,\n\naşağıdaki belgeleri iletmenizi rica ederiz: kimlik fotokopisi ve diploma.",
            ),
        ],
    );
}

#[test]
fn polish_and_lithuanian_mail_is_read() {
    use EmailCategory::*;
    assert_read_as(
        "Rekrutacja <praca@firma.example>",
        &[
            (
                InterviewInvite,
                "Rozmowa",
                "Dzień dobry,\n\nzapraszamy na rozmowę rekrutacyjną w czwartek. Który termin rozmowy Panu odpowiada?",
            ),
            (
                Rejection,
                "Rekrutacja",
                "Dzień dobry,\n\ndziękujemy za udział; zdecydowaliśmy się kontynuować proces z innymi kandydatami.",
            ),
            (
                ApplicationReceived,
                "Paraiška",
                "Laba diena,\n\ngavome jūsų paraišką ir netrukus ją peržiūrėsime.",
            ),
            (
                InterviewInvite,
                "Pokalbis",
                "Laba diena,\n\nkviečiame į pokalbį kitą savaitę. Koks laikas jums tinka?",
            ),
            (
                Rejection,
                "Dėl paraiškos",
                "Laba diena,\n\ndeja, pasirinkome kitą kandidatą.",
            ),
        ],
    );
}

#[test]
fn advice_on_negotiating_an_offer_is_other_and_a_technical_round_an_invite() {
    use EmailCategory::*;
    assert_read_as(
        "Career Notes <hello@careernotes.example>",
        &[(
            Other,
            "How to negotiate your offer",
            "This week: how to negotiate your offer, and how does your offer compare with our salary survey?",
        )],
    );
    assert_read_as(
        "Eva Lind <eva@firma.example>",
        &[(
            InterviewInvite,
            "Technical round – Data Engineer",
            "Hi Sam,\n\nthe technical round is on Thursday at 10:00 with two of our engineers.",
        )],
    );
}

#[test]
fn nordic_and_portuguese_approaches_declines_and_requests_are_read() {
    use EmailCategory::*;
    assert_read_as(
        "Mette Holm <mette@soegning.example>",
        &[
            (
                RecruiterOutreach,
                "Ny stilling",
                "Hej Jonas\n\nJeg er ved at rekruttere en projektleder til en af mine kunder. Har du lyst til en uforpligtende snak?",
            ),
            (
                Rejection,
                "Din ansøgning",
                "Kære Jonas\n\nVi må desværre meddele, at du ikke er blevet udvalgt til samtale.",
            ),
            (
                FollowUpNeeded,
                "Før din opstart",
                "Hej Jonas\n\nVi mangler vi stadig dit eksamensbevis. Du må gerne sende det som svar på denne mail.",
            ),
        ],
    );
    assert_read_as(
        "Kari Berg <kari@rekruttering.example>",
        &[
            (
                RecruiterOutreach,
                "Prosjektleder",
                "Hei Jonas!\n\nVi har fått i oppdrag å finne en prosjektleder, og jeg kom over profilen din. Kan vi ta en kort prat?",
            ),
            (
                Rejection,
                "Svar på søknad",
                "Hei Jonas,\n\nstillingen er besatt, og denne gangen gikk vi videre med en annen søker. Lykke til videre!",
            ),
        ],
    );
    assert_read_as(
        "Ana Reis <ana.reis@empresa.example>",
        &[
            (
                Assessment,
                "Você avançou!",
                "Olá Rui, você avançou para a etapa de testes. Realize os testes até sexta-feira.",
            ),
            (
                FollowUpNeeded,
                "Próximos passos",
                "Olá Rui, precisávamos que nos indicasse as suas expectativas salariais e o período de pré-aviso.",
            ),
            (
                InterviewInvite,
                "Próxima etapa",
                "Oi Rui, queria te convidar para a próxima etapa. É só escolher o melhor horário nos horários disponíveis.",
            ),
            (
                Rejection,
                "Processo de recrutamento",
                "Caro Rui, decidimos avançar com outro candidato para esta posição.",
            ),
        ],
    );
}

#[test]
fn exclusive_searches_paused_hiring_withdrawals_and_gym_contracts_are_read() {
    use EmailCategory::*;
    assert_read_as(
        "Tom Reyes <tom@searchpartners.example>",
        &[(
            RecruiterOutreach,
            "Head of Planning – confidential",
            "Hi Alex,\n\nI'm running an exclusive search for a Head of Planning and can't name the client in writing yet. Would you like me to put you forward?",
        )],
    );
    assert_read_as(
        "Lee Park <lee@startup.example>",
        &[(
            Rejection,
            "Re: Data Analyst",
            "Hi Alex,\n\nsorry this is not with better news: we have paused all hiring until next year. If we reopen the role I'll write to you first.",
        )],
    );
    assert_read_as(
        "Acme <no-reply@ashbyhq.com>",
        &[(
            Other,
            "Your application to Acme has been withdrawn",
            "Hi Alex,\n\nyour application for Analyst at Acme has been withdrawn at your request.",
        )],
    );
    assert_read_as(
        "Pulse Gym <hello@pulsegym.example>",
        &[(
            Other,
            "Welcome to the team! Your membership contract",
            "Welcome, Alex! Your membership contract is attached. Monthly fee: 29 EUR. Your onboarding session is on Monday.",
        )],
    );
    assert_read_as(
        "Nordic Clinical Voices <host@voices.example>",
        &[(
            Other,
            "Interview request for our podcast",
            "Hi Alex,\n\nwould you be up for being interviewed for an episode of the podcast? Reply with a few dates.",
        )],
    );
}

#[test]
fn quebec_french_mexican_spanish_and_plain_english_mail_is_read() {
    use EmailCategory::*;
    assert_read_as(
        "Julie Roy <julie.roy@boreal.example>",
        &[
            (
                InterviewInvite,
                "Invitation – entrevue",
                "Bonjour Sam,\n\nnous aimerions te rencontrer en entrevue. Voici quelques plages disponibles : mardi ou jeudi.",
            ),
            (
                Assessment,
                "Mise en situation – Analyste",
                "Bonjour Sam,\n\nla prochaine étape est une mise en situation. Tu as jusqu'à vendredi.",
            ),
        ],
    );
    assert_read_as(
        "Ana Ruiz <ana.ruiz@empresa.example>",
        &[
            (
                InterviewInvite,
                "¿Platicamos el martes?",
                "Hola Sam,\n\n¿tendrías unos 30 minutos el martes para platicar con nuestra directora por videollamada?",
            ),
            (
                FollowUpNeeded,
                "Re: Carta oferta",
                "Hola Sam,\n\nnecesitamos que nos compartas una copia de tu pasaporte vigente antes del viernes.",
            ),
        ],
    );
    assert_read_as(
        "Lupe <lupe@example.org>",
        &[(
            Other,
            "¿Y qué tal te fue?",
            "¡Sam! ¿Y qué tal te fue en la entrevista? Te mando fotos de la boda. Un abrazo.",
        )],
    );
    assert_read_as(
        "Tom Hale <tom@startup.example>",
        &[
            (
                ApplicationReceived,
                "Re: Intro",
                "Sam - great to meet you. I've got your resume and put you into our pipeline for the Analyst role.",
            ),
            (
                FollowUpNeeded,
                "Start date + a few logistics",
                "Hi Sam,\n\nthrilled to have your signed letter back. A few things I need from you: your preferred start date and a shipping address.",
            ),
            (
                InterviewInvite,
                "Next step",
                "Hi Sam,\n\nJo would like you to meet our VP of Sales. Could you send me a few windows next week when you'd be free for a video call?",
            ),
            (
                Rejection,
                "An update",
                "Hi Sam,\n\nthe team has chosen someone whose background fits a little more closely. It was a close call.",
            ),
        ],
    );
    assert_read_as(
        "Harbourview Leasing <leasing@harbourview.example>",
        &[(
            Other,
            "Rental Application Received",
            "Thank you for submitting your rental application. We have received your application with your pay stubs and employment letter.",
        )],
    );
}

#[test]
fn declines_in_polish_lithuanian_turkish_czech_and_swiss_german_are_rejections() {
    use EmailCategory::*;
    assert_read_as(
        "Rekrutacja <rekrutacja@firma.example>",
        &[
            (
                Rejection,
                "Rekrutacja",
                "Dzień dobry,\n\nstanowisko zostało obsadzone, a Pani kandydatura nie została zakwalifikowana.",
            ),
            (
                Rejection,
                "Dėl atrankos",
                "Laba diena,\n\njūsų kandidatūra nebuvo atrinkta; tęsiame su kitais kandidatais.",
            ),
            (
                Rejection,
                "Başvurunuz",
                "Merhaba,\n\nbaşvurunuzu olumlu değerlendiremediğimizi bildirmek isteriz.",
            ),
            (
                Rejection,
                "Výběrové řízení",
                "Dobrý den,\n\nVaše přihláška bohužel nebyla úspěšná, pozice již byla obsazena.",
            ),
            (
                Rejection,
                "Ihre Bewerbung",
                "Grüezi Herr Meier\n\nWir bedauern: die Stelle wurde anderweitig besetzt, und wir können Ihre Bewerbung nicht weiterverfolgen.",
            ),
        ],
    );
}

#[test]
fn czech_and_austrian_mail_a_post_filled_from_inside_and_a_mortgage_offer_are_read() {
    use EmailCategory::*;
    assert_read_as(
        "Kariéra <kariera@strojirna.example>",
        &[
            (
                Assessment,
                "Odborný test – pozice Technik",
                "Dobrý den,\n\nzasíláme Vám odborný test. Vyplňte jej prosím do pátku.",
            ),
            (
                InterviewInvite,
                "Pozvání na osobní pohovor",
                "Dobrý den,\n\nrádi bychom Vás pozvali na osobní pohovor ve středu v 10:00.",
            ),
        ],
    );
    assert_read_as(
        "Personal <personal@werk.example>",
        &[(
            Offer,
            "Dienstvertrag Konstrukteur",
            "Sehr geehrter Herr Meier,\n\nanbei übermitteln wir Ihnen den Dienstvertrag mit Dienstantritt am 1. April, eingestuft nach Kollektivvertrag.",
        )],
    );
    assert_read_as(
        "Acme Group <noreply@smartrecruiters.com>",
        &[(
            Rejection,
            "Your application for Quality Engineer",
            "Dear Sam,\n\nthe position has been filled by an internal candidate. Your profile will remain in our talent community for roles that match.",
        )],
    );
    assert_read_as(
        "Nordbank – Baufinanzierung <bau@nordbank.example>",
        &[(
            Other,
            "Your mortgage offer in principle",
            "Dear Sam,\n\nhere is our financing proposal: purchase price EUR 400,000, monthly instalment EUR 1,800. For a binding loan offer we need your employment contract and your tax assessment.",
        )],
    );
}

#[test]
fn spanish_and_portuguese_offers_invitations_and_declines_in_plain_words_are_read() {
    use EmailCategory::*;
    assert_read_as(
        "Lucía Gil <lucia.gil@empresa.example>",
        &[
            (
                InterviewInvite,
                "¿Hablamos esta semana?",
                "Hola Ana:\n\nnos gustaría conocerte y charlar un rato con el equipo. Si no te encaja, dime qué huecos tienes.",
            ),
            (
                Offer,
                "Tu incorporación",
                "Hola Ana:\n\nnos encantaría que te incorporaras al equipo. Te adjunto la carta con las condiciones.",
            ),
        ],
    );
    assert_read_as(
        "Recrutamento <recrutamento@empresa.example>",
        &[
            (
                Rejection,
                "Processo de recrutamento",
                "Cara Ana,\n\no processo foi concluído e optámos por avançar com outro(a) candidato(a).",
            ),
            (
                RecruiterOutreach,
                "Gostava de falar consigo",
                "Olá Ana,\n\ndesculpe o contacto a frio. Teria todo o gosto em explicar-lhe o projeto num café virtual.",
            ),
        ],
    );
    assert_read_as(
        "Sam Reid <sam@agency.example>",
        &[(
            Offer,
            "Fantastic news!",
            "Hi Ana,\n\nBrightline want you for the Grid Lead role! The formal contract will follow from their HR.",
        )],
    );
    assert_read_as(
        "Homes <no-reply@homes.example>",
        &[(
            Other,
            "We received your application for Calle Mayor 4",
            "Thanks for applying to rent Calle Mayor 4. Your application has been submitted to the landlord with your employment contract.",
        )],
    );
}

#[test]
fn polish_job_site_mail_a_finalist_not_chosen_and_a_friends_favour_are_read() {
    use EmailCategory::*;
    assert_read_as(
        "Etatownia.pl <powiadomienia@etatownia.pl>",
        &[
            (
                ApplicationReceived,
                "Gotowe!",
                "Cześć Ola,\n\nAplikacja wysłana: przekazaliśmy Twoje CV do firmy Żuraw Bank na stanowisko Inżynier Danych.",
            ),
            (
                Rejection,
                "Informacja o Twojej aplikacji",
                "Cześć Ola,\n\nniestety tym razem Twoja kandydatura nie została wybrana do dalszego etapu.",
            ),
        ],
    );
    assert_read_as(
        "Alek Z <alek@health.example>",
        &[
            (
                Rejection,
                "Thank you, and a difficult call",
                "Hi Ola,\n\nWe had two excellent finalists and in the end we've gone with the other person. It was close.",
            ),
            (
                InterviewInvite,
                "Re: Next steps",
                "Hi Ola,\n\nTuesday at 10:00 works - I've locked it in with our Head of Data. You'll get a separate Zoom invite.",
            ),
        ],
    );
    assert_read_as(
        "Kuba <kuba@example.org>",
        &[(
            Other,
            "Could I put you down as a reference?",
            "Hey Ola,\n\nquick favour: they want two references. Would you be OK if I gave them your name?",
        )],
    );
    assert_read_as(
        "Swapcorner <no-reply@swapcorner.example>",
        &[(
            Other,
            "Good news! Your offer was accepted",
            "The seller accepted your offer for the item. Please complete the payment, otherwise the offer expires.",
        )],
    );
}

#[test]
fn health_sector_tasks_checks_appointments_and_withdrawn_posts_are_read() {
    use EmailCategory::*;
    assert_read_as(
        "Recruitment Team <recruitment@trust.example>",
        &[
            (
                Assessment,
                "Clinical Data Analyst: selection exercise",
                "Dear Orla\n\nFurther to your shortlisting, the second part is a practical data exercise. Please upload your work within 48 hours.",
            ),
            (
                InterviewInvite,
                "You have been invited to an interview for Clinical Systems Trainer",
                "Dear Orla,\n\nThe trust has shortlisted you. Choose an interview time in your account.",
            ),
            (
                Offer,
                "Conditional offer of employment",
                "Dear Orla\n\nI am delighted to confirm that the panel would like to appoint you to the above post, subject to references, an enhanced DBS disclosure, proof of identity and right to work.",
            ),
            (
                ApplicationReceived,
                "Application Acknowledgement - Digital Care Records Lead",
                "Dear Orla\n\nThank you for your application. Due to the volume of applications we may not be able to provide feedback if you are not selected for interview.",
            ),
        ],
    );
    assert_read_as(
        "Femi <femi@build.example>",
        &[
            (
                Rejection,
                "An update, I'm afraid",
                "Hi Orla,\n\nThe company has frozen all new hires and the Clinical Build Analyst post has been withdrawn. This isn't a reflection on you.",
            ),
            (
                Assessment,
                "Next bit",
                "Hi Orla,\n\nBefore they shortlist they're asking everyone to do a short written piece. Don't spend more than an evening on it.",
            ),
        ],
    );
}

#[test]
fn us_passes_cancelled_requisitions_skills_screens_and_offers_in_plain_words_are_read() {
    use EmailCategory::*;
    assert_read_as(
        "Harper <harper@saltgrass.example>",
        &[
            (
                Rejection,
                "Re: Thank you!",
                "Hi Marisol - thanks for your time with the team. We're going to pass for this round, but I'd like to reconnect in the spring.",
            ),
            (
                Offer,
                "good news",
                "Marisol - the team is unanimous, and we want you on Fleet Services. Rachel will send the formal letter by end of day tomorrow.",
            ),
        ],
    );
    assert_read_as(
        "Lockhart Careers <lockhart@myworkday.com>",
        &[(
            Rejection,
            "Update regarding Software Engineer II",
            "Dear Marisol,\n\nThis requisition has been cancelled and we are no longer recruiting for the role. We encourage you to set up job alerts.",
        )],
    );
    assert_read_as(
        "Rohit <rohit@vantexstaffing.example>",
        &[(
            Assessment,
            "RE: Java Backend Developer - skills screen before submission",
            "Hi Marisol,\n\nBefore I can submit you to my client, they require every candidate to finish an online skills screen. Kindly reply so I can check the score.",
        )],
    );
    assert_read_as(
        "South Lamar Dental <appointments@southlamardental.example>",
        &[(
            Other,
            "Appointment confirmed: Tue, Sep 8 at 9:30 AM",
            "Your dental cleaning is confirmed. We've attached a calendar invite. Need to reschedule? Call us.",
        )],
    );
}

#[test]
fn turkish_receipts_approaches_and_checks_and_a_brands_tasks_are_read() {
    use EmailCategory::*;
    assert_read_as(
        "İşBulutu <bildirim@isbulutu.example>",
        &[
            (
                ApplicationReceived,
                "Başvurun iletildi",
                "Merhaba Ece, Dijital Pazarlama Müdürü ilanına yaptığın başvuru Sarıyer Tekstil firmasına başarıyla ulaştı.",
            ),
            (
                RecruiterOutreach,
                "Mavi Liman seni bir ilana davet ediyor",
                "Merhaba Ece, Mavi Liman özgeçmişini inceledi ve seni aşağıdaki ilana başvurmaya davet etti.",
            ),
        ],
    );
    assert_read_as(
        "Burcu <burcu@tekinsoy.example>",
        &[(
            FollowUpNeeded,
            "Referans bilgileri hk.",
            "Merhaba Ece Hanım, son adım olarak referans kontrolü yapmamız gerekiyor. İki kişinin bilgilerini bize iletebilir misiniz?",
        )],
    );
    assert_read_as(
        "Mirthe (Parcelwise) <no-reply@hire.lever.co>",
        &[(
            Assessment,
            "Your final-round assignment",
            "Before you meet the panel, we'd like you to prepare a presentation. Please send your deck to me by Tuesday.",
        )],
    );
    assert_read_as(
        "Anja Berger <a.berger@wohnen.example>",
        &[(
            Other,
            "Besichtigungstermin 2-Zimmer-Wohnung",
            "Für eine Bewerbung um die Wohnung benötigen wir eine Mieterselbstauskunft, die letzten Gehaltsnachweise bzw. Ihren Arbeitsvertrag.",
        )],
    );
}

#[test]
fn a_courses_graded_work_is_lifes_paperwork() {
    let course = mail(
        "Skillbridge <no-reply@skillbridge.io>",
        "Reminder: Module 2 graded assessment due in 2 days",
        "Hi Ana,\n\nYour Module 2 graded assessment is due on Saturday.\nGraded quiz: 15 \
         questions.\n\nLearners who finish on schedule are more likely to complete the \
         certificate.\n\nHappy learning,\nThe Skillbridge Team",
    );
    assert_eq!(category(&course), EmailCategory::Other);
}

#[test]
fn an_agencys_urgent_opening_and_an_application_held_back_are_read() {
    let opening = mail(
        "Kestrel Staffing via naukri.com <naukri-recruiter@naukri.com>",
        "Job Opening: Data Analyst | 3-6 Yrs | Pune",
        "Dear Ana,\n\nGreetings from Kestrel Staffing!\n\nWe have an urgent opening for Data \
         Analyst with one of our esteemed clients. Your profile matches the requirement.\n\n\
         If interested, kindly share your updated CV with your current CTC and notice \
         period.\n\nRegards,\nPooja",
    );
    assert_eq!(category(&opening), EmailCategory::RecruiterOutreach);
    let held = mail(
        "Tarnvale University <notifications@tribepad.com>",
        "Your application needs attention – Marketing Manager",
        "Dear Ana,\n\nThank you for your application for Marketing Manager at Tarnvale \
         University.\n\nWe noticed that your application was submitted without a supporting \
         statement. Please log back in and upload your supporting statement before the \
         closing date.\n\nHR Recruitment Team",
    );
    assert_eq!(category(&held), EmailCategory::FollowUpNeeded);
}

#[test]
fn a_privacy_notice_a_lunch_and_learn_and_a_tax_return_are_other() {
    let privacy = mail(
        "Fenmoor Search <privacy@fenmoorsearch.co.uk>",
        "We've updated our privacy notice",
        "Dear Ana,\n\nWe've updated our privacy notice, which explains how we hold the CV and \
         application details you sent us.\n\nFenmoor Search",
    );
    assert_eq!(category(&privacy), EmailCategory::Other);
    let talk = mail(
        "Kevin Farrell <kevin.farrell@dunlacey.ie>",
        "Invitation: Lunch & learn – F-gas regulation update @ Thu 21 May 2026 13:00",
        "Kevin Farrell has invited you to this event.\n\nLunch & learn – F-gas regulation \
         update\n\nSandwiches provided. Counts towards your CPD hours.",
    );
    assert_eq!(category(&talk), EmailCategory::Other);
    let tax = mail(
        "Dalton & Frost Accountants <clients@daltonfrost.co.uk>",
        "Your Self Assessment return is ready to approve",
        "Dear Ana,\n\nYour 2025-26 Self Assessment return is ready. Please review and \
         approve it by 20 January.\n\nDalton & Frost",
    );
    assert_eq!(category(&tax), EmailCategory::Other);
}

#[test]
fn a_survey_about_an_interview_at_an_employer_names_the_employer() {
    let survey = mail(
        "Glassdoor <noreply@glassdoor.com>",
        "How was your interview at Tarnmoor Bank?",
        "Hi Ana,\n\nDid you recently interview for Analyst at Tarnmoor Bank? Help other job \
         seekers by sharing what it was like.",
    );
    let r = read(&survey, &[], 0.6);
    assert_eq!(r.verdict.category, EmailCategory::Other);
    assert_eq!(r.company.map(|c| c.name).as_deref(), Some("Tarnmoor Bank"));
}

#[test]
fn afrikaans_and_polish_mail_is_read() {
    let received = mail(
        "Bokveld Landbou <mhb@bokveld.co.za>",
        "Ontvangs van aansoek – Finansiële Ontleder",
        "Goeie dag Sipho\n\nBaie dankie vir u aansoek. Ons bevestig hiermee dat ons u CV \
         ontvang het.\n\nVriendelike groete",
    );
    assert_eq!(category(&received), EmailCategory::ApplicationReceived);
    let documents = mail(
        "Elmarie Visser <mhb@bokveld.co.za>",
        "Dokumente benodig vir u aanstelling",
        "Beste Sipho\n\nOm u aanstelling te finaliseer, benodig ons asseblief die volgende \
         dokumente voor Vrydag:\n• 'n Gesertifiseerde afskrif van u ID-dokument",
    );
    assert_eq!(category(&documents), EmailCategory::FollowUpNeeded);
    let rejection = mail(
        "Marlize Jacobs <marlize@karookapitaal.co.za>",
        "Terugvoer oor u aansoek – Tesourie-ontleder",
        "Beste Sipho\n\nNa deeglike oorweging het ons besluit om met 'n ander kandidaat voort \
         te gaan.\n\nAlle sterkte met u loopbaan.",
    );
    assert_eq!(category(&rejection), EmailCategory::Rejection);
    let polish = mail(
        "Netigo – Rekrutacja <rekrutacja@netigo.pl>",
        "Netigo – informacja o procesie rekrutacji",
        "Cześć Kasiu,\n\ndziękujemy za rozmowę. Po przeanalizowaniu zgłoszeń postanowiliśmy \
         kontynuować proces z osobą, której doświadczenie lepiej odpowiada potrzebom \
         zespołu.\n\nPowodzenia!",
    );
    assert_eq!(category(&polish), EmailCategory::Rejection);
}

#[test]
fn italian_spanish_and_french_mail_is_read() {
    assert_each_read_as(&[
        (
            "LinkedIn <notifications-noreply@linkedin.com>",
            "Marta, un recruiter di Casa Berenice ha visualizzato il tuo profilo",
            "Un recruiter di Casa Berenice ha visualizzato il tuo profilo.",
            EmailCategory::Other,
        ),
        (
            "Immobiliare Navigli <affitti@immobiliarenavigli.it>",
            "La sua candidatura per il bilocale in via Padova 118",
            "Gentile Marta, grazie per aver visitato il bilocale. Confermiamo di aver ricevuto \
             la sua candidatura come inquilina. Il proprietario valuterà le proposte.",
            EmailCategory::Other,
        ),
        (
            "Estampaciones Navarra <notifications@teamtailor-mail.com>",
            "Has retirado tu candidatura – Ingeniero de Matricería",
            "Hola Álvaro,\n\nTe confirmamos que has retirado tu candidatura al puesto.",
            EmailCategory::Other,
        ),
        (
            "Portal de Empleo <notificaciones@example-portal.es>",
            "Restablecer tu contraseña",
            "Hemos recibido una petición para restablecer la contraseña de tu cuenta en el \
             Portal de Empleo.",
            EmailCategory::Other,
        ),
        (
            "Chiara Bellotti <c.bellotti@ferrigallo.it>",
            "Esercitazione pratica - Demand Planner",
            "Gentile Marta,\n\ncome anticipato le invio l'esercitazione pratica: ha tre \
             giorni per restituirla.",
            EmailCategory::Assessment,
        ),
        (
            "Roberto Bonetti <r.bonetti@bonettilogistica.it>",
            "Colloquio del 12 giugno",
            "Gentile Marta,\ngrazie per il colloquio. Al momento non ci sono i presupposti per \
             proseguire insieme.",
            EmailCategory::Rejection,
        ),
        (
            "Nerea Goikoetxea <nerea.g@h2genia.es>",
            "Re: Candidatura - Ingeniero de Diseño Mecánico",
            "Hola Álvaro,\n\nTe confirmo que nos ha llegado tu CV y la carta, gracias.",
            EmailCategory::ApplicationReceived,
        ),
        (
            "Sandrine Lavoie <s.lavoie@cabinet-mercier.fr>",
            "Ingénieur Méthodes Usinage – entretien visio",
            "Bonjour,\n\nje souhaiterais m'entretenir avec vous en visio. Je vous propose les \
             créneaux suivants : jeudi 21 mai à 10h00.",
            EmailCategory::InterviewInvite,
        ),
    ]);
}

#[test]
fn a_mortgage_a_travel_permit_and_a_diploma_stay_other() {
    let cases = [
        (
            "Pembroke Bank Mortgages <mortgages@pembrokebank.ie>",
            "Your mortgage application – documents received",
            "Dear Róisín,\n\nWe have received the documents for your mortgage application and \
             will be in touch.",
        ),
        (
            "VisaPoint <noreply@visapoint-travel.com>",
            "Your eTA application for Canada has been submitted",
            "Thanks for using VisaPoint. Your Electronic Travel Authorization (eTA) \
             application for Canada has been submitted.\nPassport: Ireland, ending 4471",
        ),
        (
            "Leinster Institute <pgprogramme@example-institute.ie>",
            "Professional Diploma in Pharmacovigilance – Module 3 assessment due 30 October",
            "Dear student,\n\nA reminder that the Module 3 assessment for the Professional \
             Diploma is due on 30 October.",
        ),
    ];
    for (from, subject, body) in cases {
        assert_eq!(
            category(&mail(from, subject, body)),
            EmailCategory::Other,
            "{subject}"
        );
    }
}

#[test]
fn portuguese_mail_and_a_friends_favour_are_read() {
    assert_each_read_as(&[
        (
            "Teresa Valadares <teresa.valadares@casaazulejo.pt>",
            "Re: Recebemos a sua candidatura – Diretor de Operações",
            "Olá Inês,\n\nTivemos oportunidade de analisar o seu percurso e gostaríamos muito \
             de a conhecer pessoalmente. Seria possível vir ao hotel na terça-feira?",
            EmailCategory::InterviewInvite,
        ),
        (
            "Teresa Valadares <teresa.valadares@casaazulejo.pt>",
            "Diretor de Operações – a nossa decisão",
            "Olá Inês,\n\nFoi uma decisão muito difícil, mas acabámos por escolher uma pessoa \
             que já conhece o grupo por dentro.",
            EmailCategory::Rejection,
        ),
        (
            "Beatriz Cunha <beatriz.cunha@almadrabahoteis.pt>",
            "Cluster Manager – Almadraba Hotéis",
            "Olá Inês,\n\nTomo a liberdade de a contactar diretamente. Estamos a criar uma nova \
             função de Cluster Manager. Teria 20 minutos para uma chamada?",
            EmailCategory::RecruiterOutreach,
        ),
        (
            "Banco Atlântico Norte <naoresponder@bancoatlantico.pt>",
            "A sua proposta de crédito pessoal foi aprovada",
            "A sua proposta de crédito pessoal foi aprovada. Assine o contrato na app.",
            EmailCategory::Other,
        ),
        (
            "Daniel Whitfield <dan.whitfield@example.net>",
            "Favour to ask - would you be a referee?",
            "Hi Inês,\n\nI'm applying for a Front Office Manager job - would you be a referee \
             for me? They may call you next week.",
            EmailCategory::Other,
        ),
    ]);
}

#[test]
fn east_african_mail_is_read() {
    assert_each_read_as(&[
        (
            "Wanjirũ Ndung'u <hr@kifarustructures.co.ke>",
            "Re: APPLICATION FOR THE POSITION OF RESIDENT ENGINEER",
            "Dear Njeri,\n\nWell received. Your application has been forwarded to the technical \
             team for review and we shall revert once shortlisting is complete.",
            EmailCategory::ApplicationReceived,
        ),
        (
            "Lakeside Civil Contractors <noreply@candidates.workablemail.com>",
            "Next step for the Site Engineer position",
            "Hi Njeri,\nBefore we move on, we ask all applicants to complete a short skills \
             questionnaire.\nTake the questionnaire",
            EmailCategory::Assessment,
        ),
        (
            "Simba Shield Insurance <renewals@simbashield.co.ke>",
            "Your motor insurance renewal offer",
            "Dear Njeri,\n\nYour motor insurance renewal offer is ready. Accept the offer \
             before 30 June to stay covered.",
            EmailCategory::Other,
        ),
    ]);
}

/// Asserts each mail (sender, subject, text) is read as its category.
fn assert_each_read_as(cases: &[(&str, &str, &str, EmailCategory)]) {
    for (from, subject, body, expected) in cases {
        assert_eq!(category(&mail(from, subject, body)), *expected, "{subject}");
    }
}

#[test]
fn malay_mail_is_read() {
    assert_each_read_as(&[
        (
            "MYFutureJobs <noreply@myfuturejobs.gov.my>",
            "Permohonan Jawatan Berjaya Dihantar",
            "Salam sejahtera Aminah,\n\nPermohonan anda bagi jawatan berikut telah berjaya \
             dihantar kepada majikan.",
            EmailCategory::ApplicationReceived,
        ),
        (
            "Rosnah Yusof <rosnah@kenangaplastik.com.my>",
            "Jemputan Temuduga – Eksekutif Akaun",
            "Assalamualaikum Encik Hafiz,\n\nSukacita dimaklumkan bahawa encik telah \
             disenarai pendek untuk sesi temuduga. Sila sahkan kehadiran encik.",
            EmailCategory::InterviewInvite,
        ),
        (
            "Unit Pengambilan Bakat <talent@lestarisolar.my>",
            "Ujian dalam talian",
            "Salam sejahtera,\n\nAnda dijemput untuk menduduki ujian psikometrik dalam \
             talian sebelum Jumaat.",
            EmailCategory::Assessment,
        ),
        (
            "Rosnah Yusof <rosnah@kenangaplastik.com.my>",
            "Surat Tawaran Pelantikan",
            "Tahniah! Pihak pengurusan telah bersetuju untuk melantik encik ke jawatan \
             Eksekutif Akaun. Gaji pokok: RM 5,200 sebulan.",
            EmailCategory::Offer,
        ),
        (
            "Jabatan Sumber Manusia <hr@kenangaplastik.com.my>",
            "Keputusan Permohonan",
            "Dukacita dimaklumkan bahawa permohonan encik tidak berjaya ke peringkat \
             seterusnya. Kami mendoakan kejayaan encik.",
            EmailCategory::Rejection,
        ),
        (
            "Faizal Kamal <faizal@lintastalent.com.my>",
            "Peluang kerjaya – Pengurus Kewangan",
            "Saya sedang membantu seorang klien untuk mengisi jawatan ini. Jika encik \
             berminat, boleh kita berbual secara sulit minggu ini?",
            EmailCategory::RecruiterOutreach,
        ),
        (
            "Siti Khadijah <khadijah@rimbaplantations.com.my>",
            "Dokumen Lapor Diri",
            "Mohon encik lengkapkan borang maklumat pekerja baharu dan kembalikan bersama \
             dokumen berikut sebelum 20 Mei.",
            EmailCategory::FollowUpNeeded,
        ),
        (
            "Bank Mahsuri <noreply@bankmahsuri.com.my>",
            "Permohonan Kad Kredit Anda Sedang Diproses",
            "Terima kasih. Permohonan kad kredit anda sedang diproses.",
            EmailCategory::Other,
        ),
        (
            "Bank Seroja <notifications@bankseroja.com.my>",
            "Your Personal Financing-i application has been approved",
            "Congratulations! Your application for Personal Financing-i has been approved. \
             Please e-sign the financing agreement to accept the offer. Funds will be \
             disbursed within 2 days.",
            EmailCategory::Other,
        ),
        (
            "MyCareersFuture <no-reply@mycareersfuture.gov.sg>",
            "You are invited to apply for Senior Payroll Analyst",
            "An employer has viewed your profile and invited you to apply for a job.",
            EmailCategory::RecruiterOutreach,
        ),
    ]);
}

#[test]
fn latin_american_spanish_mail_is_read() {
    assert_each_read_as(&[
        (
            "elempleo.com <notificaciones@elempleo.com>",
            "Tu hoja de vida fue enviada: Analista de Datos",
            "Hola, Camila\nTu hoja de vida fue enviada con éxito a la siguiente oferta:\n\
             Cargo: Analista de Datos\nEmpresa: Guadua Digital",
            EmailCategory::ApplicationReceived,
        ),
        (
            "Laborum <avisos@laborum.cl>",
            "Postulación recibida: Jefe de Ventas",
            "Hola Camila,\nTu postulación fue recibida con éxito. Estos son los datos del aviso:",
            EmailCategory::ApplicationReceived,
        ),
        (
            "Computrabajo <notificaciones@computrabajo.com.mx>",
            "Casa Xocolatl te ha enviado un test",
            "La empresa Casa Xocolatl quiere conocerte mejor y te ha enviado un test para \
             continuar en el proceso.\nRealizar test",
            EmailCategory::Assessment,
        ),
        (
            "Computrabajo <notificaciones@computrabajo.com.mx>",
            "Tu proceso en la oferta Analista de Datos ha finalizado",
            "Te informamos que la empresa ha finalizado tu proceso de selección.\n\
             Estado de tu candidatura: Descartado",
            EmailCategory::Rejection,
        ),
        (
            "elempleo.com <notificaciones@elempleo.com>",
            "Actualización de tu proceso",
            "Estado: Vacante cubierta\nEsto significa que la empresa ya seleccionó a la \
             persona para el cargo.",
            EmailCategory::Rejection,
        ),
        (
            "Carolina Muñoz <cmunoz@copihue.cl>",
            "Propuesta y condiciones – Jefe de Marketing Digital",
            "Estamos muy contentos de invitarte a integrarte a Copihue Retail en el cargo de \
             Jefe de Marketing Digital.\nLas condiciones que te proponemos son:\n- Sueldo \
             base bruto mensual\n- Seguro complementario de salud y dental\nTe agradecería \
             responder confirmando tu aceptación.",
            EmailCategory::Offer,
        ),
        (
            "Rodrigo Almazán <ralmazan@talentoquetzal.com.mx>",
            "Solicitud de empleo y aviso de privacidad",
            "Para que puedan emitir tu carta oferta formal, necesitan que llenes y firmes la \
             solicitud de empleo adjunta. También te pido tus dos últimos recibos de nómina.",
            EmailCategory::FollowUpNeeded,
        ),
        (
            "Kiosko Lindo <noreply@candidates.workablemail.com>",
            "Retiraste tu postulación a Gerente de Growth",
            "Te confirmamos que retiraste tu postulación a Gerente de Growth en Kiosko Lindo.",
            EmailCategory::Other,
        ),
        (
            "Computrabajo <notificaciones@computrabajo.com.mx>",
            "Tu resumen semanal",
            "Así le fue a tu perfil esta semana:\n- Tu CV apareció en 42 búsquedas de \
             empresas\n- 3 empresas visitaron tu perfil",
            EmailCategory::Other,
        ),
        (
            "C.P. Héctor Salinas <hector@despachosalinas.mx>",
            "Tu declaración anual 2025 y constancia de situación fiscal",
            "Te confirmo que ya quedó presentada tu declaración anual; te salió saldo a favor.",
            EmailCategory::Other,
        ),
        (
            "Fit Pulso <hola@fitpulso.mx>",
            "Tu evaluación física quedó agendada",
            "Tu evaluación física inicial quedó agendada. Tu contrato de membresía anual \
             incluye dos evaluaciones.",
            EmailCategory::Other,
        ),
    ]);
}

#[test]
fn life_admin_beside_a_job_search_stays_other() {
    assert_each_read_as(&[
        (
            "Calendly <notifications@calendly.com>",
            "Confirmed: Retirement annuity review with Yusuf Patel on Thursday, 3 December 2026",
            "Hi Thabo,\nA new event has been scheduled.\nEvent: Retirement annuity & offshore \
             investment review (45 min)\nInvitee: Thabo Nkosi\nHost: Yusuf Patel – Baobab \
             Wealth\nDate: Thursday, 3 December 2026\nLocation: Google Meet\nReschedule\n\
             Powered by Calendly",
            EmailCategory::Other,
        ),
        (
            "VisaLink Services <noreply@visalink-services.com>",
            "Appointment confirmation – biometrics collection (Visitor visa, subclass 600)",
            "Your appointment has been confirmed.\nApplication type: Visitor visa (subclass \
             600)\nPlease bring a printed copy of your online application acknowledgement. \
             Biometrics will be collected at the centre. The Department may request an \
             interview or further information.",
            EmailCategory::Other,
        ),
        (
            "Marelize Botha <werwing@thabachrome.co.za>",
            "Verwysings – Produksiebestuurder",
            "Môre Thabo\nDankie vir gister. Hennie was baie tevrede met die gesprek.\nVoordat \
             ons verder kan gaan, het ons die kontakbesonderhede van drie verwysings nodig.\n\
             Kan jy dit asseblief teen Vrydag aan my stuur?",
            EmailCategory::FollowUpNeeded,
        ),
    ]);
}

#[test]
fn indonesian_mail_is_read() {
    assert_each_read_as(&[
        (
            "Kalibrr <no-reply@kalibrr.com>",
            "Lamaran kamu untuk Analis Keuangan telah dikirim",
            "Hai Rina,\n\nLamaran kamu untuk posisi Analis Keuangan di PT Sinar Laut \
             Sejahtera telah dikirim. Perusahaan akan meninjau profilmu.",
            EmailCategory::ApplicationReceived,
        ),
        (
            "Rekrutmen Sinar Laut <rekrutmen@sinarlaut.co.id>",
            "Undangan Wawancara – Analis Keuangan",
            "Dengan hormat,\nBapak/Ibu kami undang untuk mengikuti wawancara dengan user \
             pada hari Kamis. Mohon konfirmasi kehadiran dengan membalas email ini.",
            EmailCategory::InterviewInvite,
        ),
        (
            "Rekrutmen Sinar Laut <rekrutmen@sinarlaut.co.id>",
            "Undangan Psikotes Online",
            "Selamat! Anda diundang mengikuti psikotes online. Batas waktu pengerjaan: \
             Jumat pukul 17.00 WIB.",
            EmailCategory::Assessment,
        ),
        (
            "HR Sinar Laut <hr@sinarlaut.co.id>",
            "Surat Penawaran Kerja – Analis Keuangan",
            "Dengan senang hati kami menawarkan posisi Analis Keuangan kepada Ibu. Gaji \
             pokok Rp 15.000.000 per bulan, tanggal mulai bekerja 1 Juli.",
            EmailCategory::Offer,
        ),
        (
            "Jobstreet by SEEK <noreply@e.jobstreet.com>",
            "Update lamaran: Analis Keuangan",
            "Halo Rina,\nPT Sinar Laut Sejahtera telah meninjau lamaranmu dan memutuskan \
             untuk tidak melanjutkannya ke tahap berikutnya. Jangan berkecil hati.",
            EmailCategory::Rejection,
        ),
        (
            "Rekrutmen Sinar Laut <rekrutmen@sinarlaut.co.id>",
            "Hasil Seleksi",
            "Terima kasih telah menyelesaikan tes online. Mohon maaf, kami belum dapat \
             melanjutkan proses rekrutmen Anda untuk posisi ini.",
            EmailCategory::Rejection,
        ),
        (
            "Dewi Lestari <dewi@talentanusa.co.id>",
            "Peluang karier – Manajer Keuangan",
            "Saya sedang membantu klien kami, sebuah perusahaan logistik, mencari Manajer \
             Keuangan. Kalau Ibu tertarik, boleh balas email ini.",
            EmailCategory::RecruiterOutreach,
        ),
        (
            "HR Sinar Laut <hr@sinarlaut.co.id>",
            "Dokumen tambahan",
            "Mohon melengkapi formulir data kandidat dan mengirimkan dokumen berikut: KTP, \
             NPWP dan paklaring.",
            EmailCategory::FollowUpNeeded,
        ),
        (
            "Bank Cemara <notifikasi@bankcemara.co.id>",
            "Pengajuan Kartu Kredit Anda Sedang Diproses",
            "Terima kasih. Pengajuan kartu kredit Anda sedang diproses.",
            EmailCategory::Other,
        ),
        (
            "KPR Bank Cemara <kpr@bankcemara.co.id>",
            "Status Pengajuan KPR: Tahap Appraisal",
            "Pengajuan Kredit Pemilikan Rumah (KPR) Bapak telah memasuki tahap penilaian \
             agunan. Analis kredit akan mengundang Bapak untuk wawancara kredit.",
            EmailCategory::Other,
        ),
    ]);
}

#[test]
fn tagalog_and_taglish_mail_is_read() {
    assert_each_read_as(&[
        (
            "HR Recruitment <recruitment@sanlazaro-mc.com.ph>",
            "Re: Application for Staff Nurse",
            "Magandang araw po!\n\nNatanggap na po namin ang inyong application para sa \
             posisyong Staff Nurse. Pakihintay lamang po ang aming abiso.",
            EmailCategory::ApplicationReceived,
        ),
        (
            "HR <hr@sanlazaro-mc.com.ph>",
            "Iskedyul ng Written Exam - Staff Nurse",
            "Kayo po ay nakatakdang kumuha ng written exam bago ang panayam. Magdala po ng \
             ballpen at valid ID.",
            EmailCategory::Assessment,
        ),
        (
            "HR <hr@sanlazaro-mc.com.ph>",
            "Resulta ng Inyong Aplikasyon",
            "Ikinalulungkot po naming ipaalam na hindi po kayo napili para sa posisyong ito \
             sa ngayon.",
            EmailCategory::Rejection,
        ),
        (
            "Jerome <jerome@bridgeplacement.ph>",
            "OR Nurse opportunity sa Riyadh",
            "Nakita ko po yung profile nyo at swak po kayo sa hinahanap ng client namin. \
             Interested po ba kayo?",
            EmailCategory::RecruiterOutreach,
        ),
        (
            "Joy <joy@kaagapay.com.ph>",
            "Medical exam - kailangan na po para sa visa",
            "Kailangan na po ninyong magpa-medical sa GAMCA clinic. I-send po sa amin ang \
             medical slip pagkatapos.",
            EmailCategory::FollowUpNeeded,
        ),
        (
            "Pacific Crest Recruitment <recruitment@pacificcrest.ph>",
            "Acknowledgement - Online Application",
            "This is to acknowledge receipt of your online application for the following \
             job order. Only qualified applicants will be contacted.",
            EmailCategory::ApplicationReceived,
        ),
        (
            "Faisal <faisal@qasralshifa.med.sa>",
            "Clarification required - your application",
            "Before we schedule your interview with the Director of Nursing, kindly confirm \
             the following by return email: your notice period and your BLS certificate.",
            EmailCategory::FollowUpNeeded,
        ),
        (
            "Alumni Relations <alumni@cslr.edu.ph>",
            "Alumni magazine feature - interview request",
            "We would love to feature you in the alumni magazine. Could we interview you \
             next week?",
            EmailCategory::Other,
        ),
    ]);
}

#[test]
fn french_mail_written_personally_is_read() {
    assert_each_read_as(&[
        (
            "Thibault Garnier <thibault@bocal.app>",
            "Re: Candidature spontanée – Product designer",
            "Salut Camille,\n\nBien reçu ton message et le lien vers ton portfolio, merci ! \
             Je regarde tout ça avec notre CTO et je reviens vers toi la semaine prochaine.",
            EmailCategory::ApplicationReceived,
        ),
        (
            "Welcome to the Jungle <no-reply@welcometothejungle.com>",
            "Pistache a une question pour vous",
            "L'équipe de Pistache a bien reçu votre candidature et aimerait en savoir un peu \
             plus avant d'aller plus loin. Pourriez-vous nous indiquer votre disponibilité ?",
            EmailCategory::FollowUpNeeded,
        ),
        (
            "Zoé Lambert <zoe@pivoine.beauty>",
            "Ton parcours en agence",
            "On ne se connaît pas, mais j'ai vu ta conférence. On ouvre un poste de Product \
             Designer dans mon équipe. Ça te dirait qu'on prenne un café ?",
            EmailCategory::RecruiterOutreach,
        ),
        (
            "Maman <francoise@example.net>",
            "Dimanche",
            "Coucou ma chérie,\n\nAlors, cet entretien de jeudi ? On croise les doigts. Et si \
             tu acceptes le poste, on viendra te voir !\n\nGros bisous,\nMaman",
            EmailCategory::Other,
        ),
        (
            "Service des visas <no-reply@visa-rendezvous.example>",
            "Confirmation de rendez-vous – entretien consulaire",
            "Votre entretien consulaire est confirmé le 12 mars à 9h30.",
            EmailCategory::Other,
        ),
        (
            "Malt <missions@malt.fr>",
            "3 nouvelles missions correspondent à votre profil",
            "Bonjour Camille, 3 nouvelles missions correspondent à votre profil de Product \
             Designer.",
            EmailCategory::Other,
        ),
    ]);
}

#[test]
fn brazilian_portuguese_mail_is_read() {
    assert_each_read_as(&[
        (
            "Catho <candidaturas@catho.com.br>",
            "Bruno, você se candidatou para Analista de Dados",
            "Olá, Bruno\n\nSua candidatura foi registrada! Vaga: Analista de Dados\nEmpresa: \
             Ipê Seguros\n\nA empresa recebeu seu currículo e vai entrar em contato.",
            EmailCategory::ApplicationReceived,
        ),
        (
            "Joana Lima <joana@jatoba.com.br>",
            "Re: Processo seletivo - Analista de Dados",
            "Perfeito, Bruno!\n\nEntão fica combinado: sexta (12/03), às 10h, bate-papo \
             técnico com a Renata e comigo. Deve durar uns 50 minutos.\n\nLink do Meet: \
             https://meet.google.com/abc-defg-hij",
            EmailCategory::InterviewInvite,
        ),
        (
            "Carla Souza <carla@jatoba.com.br>",
            "Boas notícias, Bruno",
            "Oi Bruno,\n\nO time adorou as conversas e a gente quer muito ter você com a \
             gente como Analista de Dados Pleno! Posso te ligar hoje para passar os \
             detalhes do pacote?",
            EmailCategory::Offer,
        ),
        (
            "Equipe Jatobá <vagas@jatoba.com.br>",
            "Atualização sobre a vaga",
            "Olá Bruno,\n\nA posição foi congelada e o processo foi encerrado sem \
             contratação. Sentimos muito por não trazer notícias melhores.",
            EmailCategory::Rejection,
        ),
        (
            "Rita Moraes <rita@caju.com.br>",
            "Vi seu GitHub",
            "Oi Bruno!\n\nEstamos abrindo uma vaga de Engenheiro de Dados no nosso time. Faz \
             sentido a gente conversar? Que tal um papo rápido na semana que vem?",
            EmailCategory::RecruiterOutreach,
        ),
        (
            "Rita Moraes <rita@caju.com.br>",
            "Cadastro PJ - documentos",
            "Oi Bruno! Contrato assinado. Preciso que você me mande até quinta o cartão CNPJ \
             e os dados bancários da conta PJ.",
            EmailCategory::FollowUpNeeded,
        ),
        (
            "LinkedIn <notifications-noreply@linkedin.com>",
            "Bruno, um recrutador da Caju visualizou seu perfil",
            "Um(a) recrutador(a) da Caju visualizou seu perfil.",
            EmailCategory::Other,
        ),
        (
            "Gupy <no-reply@gupy.io>",
            "Confirmação: você desistiu da vaga",
            "Confirmamos que você desistiu da sua candidatura para a vaga Analista de Dados.",
            EmailCategory::Other,
        ),
        (
            "Arena Eventos <naoresponda@arenaeventos.com.br>",
            "Inscrição confirmada: Meetup de Dados #12",
            "Sua inscrição está confirmada. Quinta-feira, das 19h às 22h.",
            EmailCategory::Other,
        ),
    ]);
}

#[test]
fn canadian_mail_and_its_life_admin_are_read() {
    assert_each_read_as(&[
        (
            "Jobillico <notification@jobillico.com>",
            "Votre profil a été consulté 2 fois cette semaine",
            "Bonjour Julie,\nVotre profil a été consulté par des employeurs cette semaine.",
            EmailCategory::Other,
        ),
        (
            "Ordre des infirmières <infolettre@oiiq.example.org>",
            "L'Infolettre – Réussir son entrevue",
            "Dans ce numéro : réussir son entrevue en établissement, et nos formations.",
            EmailCategory::Other,
        ),
        (
            "Sam Lee <sam.lee@example.org>",
            "Re: brunch Saturday?",
            "Yes to Saturday! And good luck with the interview on Tuesday, you'll be great.",
            EmailCategory::Other,
        ),
        (
            "Trusted Traveller Centre <appointments@ttc.example.ca>",
            "Your enrolment interview is confirmed",
            "Your enrolment interview for the trusted traveller program has been scheduled \
             at the Enrolment Centre.",
            EmailCategory::Other,
        ),
        (
            "City 5K <volunteers@city5k.example.ca>",
            "Thanks for applying to volunteer at the City 5K!",
            "Thank you for your application to volunteer. No interview needed.",
            EmailCategory::Other,
        ),
        (
            "The Junior Brief <hello@thejuniorbrief.example.com>",
            "Nailing the lateral interview",
            "Welcome to issue #12 of The Junior Brief. Assessment centres are back. Read \
             online. See you in a fortnight.",
            EmailCategory::Other,
        ),
    ]);
}

#[test]
fn alerts_and_quotes_name_no_employer() {
    // A tracking system's job alert lists many employers, none of them the one.
    let e = mail(
        "Gupy <alertas@gupy.io>",
        "Bruno, 5 novas vagas que combinam com você",
        "Separamos algumas vagas:\n\nAnalista de Dados — Caju Pagamentos · São Paulo\nSDET — \
         Baobá Fintech · Remoto\nEngenheiro de Dados — Cerrado Energia · Brasília\n",
    );
    let r = read(&e, &[], 0.6);
    assert_eq!(r.verdict.category, EmailCategory::Other);
    assert!(r.company.is_none(), "{:?}", r.company);
    // An insurance quote's "offer valid for 30 days" is life's paperwork.
    let e = mail(
        "Harbourline Insurance <quotes@harbourline.example.ca>",
        "Your tenant insurance quote is ready – offer valid 30 days",
        "Hi Julie,\n\nThanks for requesting a tenant insurance quote. Your offer is valid \
         for 30 days.\n\nHarbourline Insurance",
    );
    let r = read(&e, &[], 0.6);
    assert_eq!(r.verdict.category, EmailCategory::Other);
    assert!(r.company.is_none(), "{:?}", r.company);
}

#[test]
fn a_referral_campaign_and_a_course_assignment_stay_other() {
    assert_each_read_as(&[
        (
            "Baumann Bau – People Team <people@baumann-bau.example.at>",
            "Refer a friend: 4 open positions this month",
            "Dear colleagues,\n\nDo you know someone who would fit in?\n\nOpen positions:\n• Site \
             Manager (Linz)\n• Estimator (Vienna)\n\nFor every successful referral you receive \
             a bonus of EUR 2,000.\n\nYour People Team",
            EmailCategory::Other,
        ),
        (
            "Lean Academy <cursus@leanacademy.example.nl>",
            "Assignment 3 due Friday",
            "Hi Femke,\n\nA reminder that Assignment 3 of the programme is due this Friday. \
             Task: draw a value stream map. Upload it in the learning portal. Your trainer \
             will give feedback before the next session.",
            EmailCategory::Other,
        ),
    ]);
}

#[test]
fn portuguese_posts_filled_and_questions_before_deciding() {
    assert_each_read_as(&[
        (
            "Onda Hospitality <ondahospitality@recruitee.com>",
            "A sua candidatura: Diretor(a) de Operações",
            "Olá Rita,\n\nObrigada pela sua candidatura à vaga de Diretor(a) de Operações na \
             Onda Hospitality.\n\nGostaríamos de lhe comunicar que a vaga foi entretanto \
             preenchida, pelo que não iremos dar seguimento ao processo com os restantes \
             candidatos.\n\nCumprimentos,\nMafalda Reis",
            EmailCategory::Rejection,
        ),
        (
            "Vasco Pinto <vasco@serraecolodges.pt>",
            "Candidatura Gestor de Operações – duas perguntas rápidas",
            "Boa tarde Rita,\n\nRecebemos a sua candidatura à oferta de Gestor de Operações e \
             gostámos muito do seu percurso.\n\nAntes de avançarmos, precisava que me \
             respondesse a duas questões:\n1. Tem carta de condução?\n2. Estaria disponível \
             para começar em junho?\n\nObrigado,\nVasco Pinto",
            EmailCategory::FollowUpNeeded,
        ),
    ]);
}

#[test]
fn an_evening_of_careers_talks_is_an_event() {
    assert_each_read_as(&[(
        "Collegio Alumni Brera <eventi@alumnibrera.example.it>",
        "Invitation: Finance Careers Night Zurich - 7 May",
        "Dear alumni,\n\nYou are invited to our Finance Careers Night in Zurich on 7 May: \
         short talks by CFOs, then drinks. Register by 30 April.\n\nThe Alumni Office",
        EmailCategory::Other,
    )]);
}

#[test]
fn arabic_mail_is_read_by_its_words() {
    assert_each_read_as(&[
        (
            "طيران النخيل | التوظيف <careers@flynakheel.example>",
            "دعوة لمقابلة شخصية – مهندس صيانة طائرات",
            "عزيزي عمر،\n\nيسعدنا دعوتك لإجراء مقابلة شخصية يوم الثلاثاء الساعة العاشرة \
             صباحاً في مقر الشركة.\n\nمع التحية،\nالموارد البشرية",
            EmailCategory::InterviewInvite,
        ),
        (
            "طيران النخيل | التوظيف <careers@flynakheel.example>",
            "بخصوص طلبك لوظيفة مهندس صيانة طائرات",
            "عزيزي عمر،\n\nنشكرك على اهتمامك. نأسف لإبلاغك بأنه لم يتم اختيارك لهذه \
             الوظيفة.\n\nمع التحية،\nالموارد البشرية",
            EmailCategory::Rejection,
        ),
        (
            "مصرف الواحة <alerts@wahabank.example>",
            "تم استلام طلب البطاقة الائتمانية",
            "عزيزنا العميل،\n\nتم استلام طلب البطاقة الائتمانية وسيتم التواصل معك.\n",
            EmailCategory::Other,
        ),
    ]);
}

#[path = "languages_test.rs"]
mod languages;
