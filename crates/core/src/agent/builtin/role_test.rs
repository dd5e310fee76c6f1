use super::*;

#[test]
fn roles_are_found_in_common_phrasings() {
    let r = |s: &str, b: &str| role(s, b, "", None, None, true);
    assert_eq!(
        r("Hello", "Your application for Rust Engineer at Acme").as_deref(),
        Some("Rust Engineer")
    );
    assert_eq!(
        r("Hello", "Interview for the Data Analyst position").as_deref(),
        Some("Data Analyst")
    );
    assert_eq!(
        r("Hello", "Hi,\nRole: Site Reliability Engineer\nTeam: infra").as_deref(),
        Some("Site Reliability Engineer")
    );
    assert_eq!(
        r("Ihre Bewerbung als Softwareentwickler (m/w/d)", "Danke.").as_deref(),
        Some("Softwareentwickler")
    );
    assert_eq!(
        r(
            "Hello",
            "candidature pour le poste de Développeur Back-End (H/F) chez X"
        )
        .as_deref(),
        Some("Développeur Back-End")
    );
    assert_eq!(
        r("Application: Backend Engineer (R-10492)", "Thanks").as_deref(),
        Some("Backend Engineer")
    );
    assert_eq!(
        r(
            "Hello",
            "your application for Vision Engineer, Mapping — thanks"
        )
        .as_deref(),
        Some("Vision Engineer, Mapping")
    );
    assert_eq!(r("Hello", "Thanks for your interest."), None);
    assert_eq!(
        r("Hello", "Thank you for your application for the role."),
        None
    );
}

#[test]
fn requisition_ids_are_kept_apart() {
    assert_eq!(
        requisition("Application: Backend Engineer (R-10492)", "", "").as_deref(),
        Some("R-10492")
    );
    assert_eq!(
        requisition("Hi", "the position (Req ID 24-0173) is open", "").as_deref(),
        Some("24-0173")
    );
    assert_eq!(
        requisition("Hi", "Learning Engineer (Job ID 5521)", "").as_deref(),
        Some("5521")
    );
    assert_eq!(requisition("Hi", "registered (No. 08411220)", ""), None);
}

#[test]
fn odd_text_never_panics() {
    for t in [
        "",
        "role:",
        "position:\n",
        "İİİ the X position",
        "ß application for ß",
        " our role",
        "🙂 interview for 🙂",
        "application for the ",
        "Role: \u{0}\u{1b}[31m",
        "(",
        "(R-",
        ", ,",
    ] {
        let _ = role(t, t, t, Some(t), Some(t), true);
        let _ = requisition(t, t, t);
    }
}

#[test]
fn roles_in_subjects_after_other_words() {
    let r = |s: &str| role(s, "Hoi,\nTot dan.", "", None, None, true);
    assert_eq!(
        r("Uitnodiging gesprek Data Engineer").as_deref(),
        Some("Data Engineer")
    );
    assert_eq!(
        r("An update on Tools Programmer").as_deref(),
        Some("Tools Programmer")
    );
}

#[test]
fn a_title_in_brackets_does_not_make_a_name_a_role() {
    assert_eq!(
        role(
            "Sam, a recruiter from Hexwright viewed your profile",
            "Talent Acquisition Partner\nThis email was intended for Sam Okafor (Platform Engineer · SRE).",
            "",
            Some("LinkedIn"),
            None,
            false,
        ),
        None
    );
}

#[test]
fn a_title_wrapped_over_two_lines_is_read_whole() {
    let t = crate::agent::builtin::threads::split(
        "Hi Sam,\n\nThis confirms that you have withdrawn your application for DevOps\n\
         Engineer at Hollis Parr Insurance. Good luck with your search.\n\nThe team",
    );
    assert_eq!(
        role(
            "Application withdrawn",
            &t.newest,
            &t.quoted,
            None,
            None,
            false
        )
        .as_deref(),
        Some("DevOps Engineer")
    );
}

#[test]
fn requisition_ids_leave_the_role_and_a_specialism_before_role_stays() {
    let r = |s: &str, b: &str| role(s, b, "", None, None, true);
    assert_eq!(
        r(
            "Application received: R-20417 Senior Data Engineer",
            "Thanks for applying."
        )
        .as_deref(),
        Some("Senior Data Engineer")
    );
    assert_eq!(
        r(
            "Your interview",
            "Mirabel has partnered with Karat for the Senior ML Engineer - Protein Design position."
        )
        .as_deref(),
        Some("Senior ML Engineer - Protein Design")
    );
}

#[test]
fn feminine_titles_and_specialisms_before_an_id_are_read() {
    let r = |s: &str, b: &str| role(s, b, "", None, None, true);
    assert_eq!(
        r(
            "Hemos recibido tu candidatura",
            "Gracias por tu candidatura al puesto de Ingeniera de Datos Sénior (Ref. MP-0192)."
        )
        .as_deref(),
        Some("Ingeniera de Datos Sénior")
    );
    assert_eq!(
        r(
            "Your application",
            "Thank you for applying for the position of Data Engineer II, Yield Analytics (Job ID 2026-4471)."
        )
        .as_deref(),
        Some("Data Engineer II, Yield Analytics")
    );
}

#[test]
fn testing_trades_keep_their_test() {
    let r = |s: &str, b: &str| role(s, b, "", None, None, true);
    assert_eq!(
        r(
            "Your application has been sent – Test Automation Engineer",
            "Position: Test Automation Engineer"
        )
        .as_deref(),
        Some("Test Automation Engineer")
    );
    assert_eq!(
        r(
            "Thanks!",
            "Thanks for applying to the Software Engineer in Test position."
        )
        .as_deref(),
        Some("Software Engineer in Test")
    );
    assert_eq!(
        r(
            "Einladung",
            "wir möchten Sie gern als Testautomatisierer kennenlernen."
        )
        .as_deref(),
        Some("Testautomatisierer")
    );
    // A test named before the role is still the frame.
    assert_eq!(
        r(
            "Test: Backend Engineer",
            "Your coding test for the Backend Engineer role."
        )
        .as_deref(),
        Some("Backend Engineer")
    );
}

#[test]
fn a_specialism_after_a_dash_stays_but_a_place_or_the_employer_does_not() {
    let r = |s: &str, b: &str, e: Option<&str>| role(s, b, "", None, e, true);
    assert_eq!(
        r(
            "Update",
            "Thank you for applying for Data Analyst – Claims (JR-03315).",
            None
        )
        .as_deref(),
        Some("Data Analyst – Claims")
    );
    assert_eq!(
        r(
            "Hello",
            "We are hiring a Senior Data Engineer - Berlin.",
            None
        )
        .as_deref(),
        Some("Senior Data Engineer")
    );
    assert_eq!(
        r(
            "Re: Lead Data Analyst – Quillfare",
            "Still keen to chat!",
            Some("Quillfare")
        )
        .as_deref(),
        Some("Lead Data Analyst")
    );
    assert_eq!(
        r(
            "Thanks",
            "Your application for Robotics Software Engineer (ROS 2) is in.",
            None
        )
        .as_deref(),
        Some("Robotics Software Engineer (ROS 2)")
    );
}

#[test]
fn a_bracket_or_specialism_at_a_line_end_stays() {
    let r = |s: &str, b: &str| role(s, b, "", None, None, true);
    assert_eq!(
        r(
            "Update",
            "We paused hiring for the Backend Engineer\n(Kotlin) role this quarter."
        )
        .as_deref(),
        Some("Backend Engineer (Kotlin)")
    );
    assert_eq!(
        r("Checkr", "To continue with your application for Senior Software Engineer, Payouts,\nplease provide your information.")
            .as_deref(),
        Some("Senior Software Engineer, Payouts")
    );
}

#[test]
fn a_pay_grade_and_an_organisation_after_a_title_are_not_the_role() {
    let r = |s: &str, b: &str| role(s, b, "", None, None, true);
    assert_eq!(
        r(
            "Application received",
            "Thank you for applying for Data Warehouse Developer (Grade 7)."
        )
        .as_deref(),
        Some("Data Warehouse Developer")
    );
    assert_eq!(
        r(
            "publicjobs",
            "Your application for Senior Data Engineer, Health Data Authority."
        )
        .as_deref(),
        Some("Senior Data Engineer")
    );
}

#[test]
fn titles_of_the_nordic_and_baltic_languages_and_polish_are_titles() {
    for t in [
        "Plattformsingenjör",
        "Backend-utvikler",
        "Senior backend-udvikler",
        "Palvelinkehittäjä",
        "Alustainsinööri",
        "Starszy Inżynier Backend",
        "Platvormiinsener",
        "Responsabile Marketing Digitale",
        "VP Marketing",
    ] {
        assert!(is_title(t), "{t}");
    }
    assert!(!is_title("Tilbud om stilling"));
}

#[test]
fn titles_in_sentence_case_head_a_subject_segment() {
    let r = |s: &str| role(s, "Dobrý den.", "", None, None, true);
    assert_eq!(
        r("Pozvání na pohovor – Datový analytik").as_deref(),
        Some("Datový analytik")
    );
    assert_eq!(
        r("Meghívás interjúra – Senior szoftverfejlesztő").as_deref(),
        Some("Senior szoftverfejlesztő")
    );
    // A segment of words that ends without a title word is no role.
    assert_eq!(r("Pozvání na pohovor – Praha").as_deref(), None);
}

#[test]
fn a_phrase_about_the_role_and_a_file_name_are_not_the_title() {
    let r = |s: &str, b: &str| role(s, b, "", None, None, true);
    assert_eq!(r("Stillingen som utvikler", "Hei.").as_deref(), None);
    assert_eq!(
        r(
            "Contrat de travail – Directrice Logistique – Anna Berg.pdf",
            "Bonjour."
        )
        .as_deref(),
        Some("Directrice Logistique")
    );
    // A sentence's full stop is no file name.
    assert_eq!(
        r(
            "Hello",
            "your application for Security Engineer – Detection & Response.\nThanks"
        )
        .as_deref(),
        Some("Security Engineer – Detection & Response")
    );
}

#[test]
fn titles_of_finance_and_people_work_are_roles_and_a_recruiters_is_not() {
    let r = |s: &str, b: &str| role(s, b, "", None, None, true);
    assert_eq!(
        r("Your application for Financial Controller", "Thanks.").as_deref(),
        Some("Financial Controller")
    );
    assert_eq!(
        r("Interview – HR Business Partner", "Hello.").as_deref(),
        Some("HR Business Partner")
    );
    assert_eq!(
        r("Candidatura – Coordinadora de Recursos Humanos", "Hola.").as_deref(),
        Some("Coordinadora de Recursos Humanos")
    );
    // The writer's own title is no role.
    assert_eq!(
        r(
            "Quick question",
            "Hi Sam,\n\nare you open to a chat?\n\nJo Park, Talent Partner"
        )
        .as_deref(),
        None
    );
}

#[test]
fn a_subjects_specialism_and_region_stay_with_the_title_and_places_and_people_do_not() {
    let r = |s: &str| {
        role(
            s,
            "Hola,\nGracias.",
            "",
            None,
            Some("Almacenes Trébol"),
            true,
        )
    };
    assert_eq!(
        r("Hemos recibido tu candidatura – HR Business Partner – Tiendas Zona Centro (JR-04417)")
            .as_deref(),
        Some("HR Business Partner – Tiendas Zona Centro")
    );
    assert_eq!(
        r("Regarding your application for Senior Controller - EMEA").as_deref(),
        Some("Senior Controller - EMEA")
    );
    assert_eq!(
        r("Application received: Senior Frontend Engineer – Almacenes Trébol").as_deref(),
        Some("Senior Frontend Engineer")
    );
    let body = "Hi Aisling,\nI'm hiring a Strategic Account Manager, UK & Ireland for a client.";
    assert_eq!(
        role("Hello", body, "", None, None, true).as_deref(),
        Some("Strategic Account Manager")
    );
    assert_eq!(
        without_suffix("Site Manager – Femke Brouwer".to_owned(), |s| s
            == "Femke Brouwer"),
        "Site Manager"
    );
    assert_eq!(
        without_suffix("Data Analyst – Claims".to_owned(), |s| s
            == "Femke Brouwer"),
        "Data Analyst – Claims"
    );
}

#[test]
fn nordic_titles_written_in_lower_case_are_read() {
    let r = |s: &str, b: &str| role(s, b, "", None, None, true);
    assert_eq!(
        r(
            "Stillingen som backend-utvikler – en prat på Teams?",
            "Takk for søknaden din på stillingen som backend-utvikler hos oss."
        )
        .as_deref(),
        Some("Backend-utvikler")
    );
    assert_eq!(
        r(
            "Inför nästa steg",
            "Som nästa steg i processen för tjänsten som plattformsingenjör vill vi be dig."
        )
        .as_deref(),
        Some("Plattformsingenjör")
    );
    assert_eq!(
        r("Tööpakkumine – platvormiinsener", "Aitäh!").as_deref(),
        Some("Platvormiinsener")
    );
    assert_eq!(r("Inför nästa steg", "tjänsten som chef").as_deref(), None);
}

#[test]
fn a_place_in_brackets_is_where_the_job_is_not_the_role() {
    let r = |s: &str| role(s, "Thanks.", "", None, None, true);
    assert_eq!(
        r("Your application: Customer Account Manager (North of England)").as_deref(),
        Some("Customer Account Manager")
    );
    assert_eq!(
        r("Candidatura: Responsable de Cuentas Corporativas (Málaga)").as_deref(),
        Some("Responsable de Cuentas Corporativas")
    );
    assert_eq!(
        r("Your application: Robotics Engineer (ROS 2)").as_deref(),
        Some("Robotics Engineer (ROS 2)")
    );
}

#[test]
fn a_sentence_case_title_keeps_its_specialism_and_one_before_the_employer_too() {
    let r = |s: &str, b: &str| role(s, b, "", None, Some("Lumen Ledger"), true);
    assert_eq!(
        r(
            "Děkujeme za vaši přihlášku – Produktový manažer – Marketplace",
            "Díky."
        )
        .as_deref(),
        Some("Produktový manažer – Marketplace")
    );
    assert_eq!(
        r(
            "Your application has been submitted",
            "Your application for the position Product Manager – Open Banking at Lumen Ledger \
             has been submitted!"
        )
        .as_deref(),
        Some("Product Manager – Open Banking")
    );
}

#[test]
fn head_first_titles_go_on_in_lower_case_and_a_company_is_no_title() {
    let r = |s: &str, b: &str| role(s, b, "", None, None, true);
    // Slavic titles put the head noun first, then what it is of.
    assert_eq!(
        r("Potrditev prejema – Vodja nabave (m/ž)", "Hvala.").as_deref(),
        Some("Vodja nabave")
    );
    assert_eq!(
        r(
            "Poziv",
            "Prijava za radno mjesto Inženjer kvalitete (m/ž), Zagreb."
        )
        .as_deref(),
        Some("Inženjer kvalitete")
    );
    assert_eq!(
        r("Odgovor – Tehnički inženjer za održavanje", "Hvala.").as_deref(),
        Some("Tehnički inženjer za održavanje")
    );
    // "Technical" before a title is part of it; before "interview" it is not.
    assert_eq!(
        r("Your application for Technical Account Manager", "Thanks").as_deref(),
        Some("Technical Account Manager")
    );
    // A name with a legal form is a company, even when it holds a title word.
    assert_eq!(
        r(
            "Bewerbung bei Kettler Ingenieure GmbH",
            "Job: Bauleiter Hochbau (m/w/d)\nUnternehmen: Kettler Ingenieure GmbH"
        )
        .as_deref(),
        Some("Bauleiter Hochbau")
    );
}

#[test]
fn a_business_named_with_a_title_word_is_no_role() {
    let r = |s: &str, b: &str| role(s, b, "", None, None, true);
    assert_eq!(
        r(
            "Wanderloop | Senior Revenue Analyst, Partner Hotels",
            "Thanks"
        )
        .as_deref(),
        Some("Senior Revenue Analyst, Partner Hotels")
    );
    assert_eq!(
        r("Hello", "Greetings from Northwind Executive Search.").as_deref(),
        None
    );
    assert_eq!(
        r("Your application for Executive Chef", "Thanks").as_deref(),
        Some("Executive Chef")
    );
}

#[test]
fn a_specialism_after_a_comma_takes_the_plain_titles_mentions() {
    let r = |s: &str, b: &str| role(s, b, "", None, None, true);
    // The subject writes the specialism, the text the plain title twice.
    assert_eq!(
        r(
            "Offer of employment – Research Engineer, Foundation Models",
            "Dear Sam,\n\nWe are delighted to offer you the Research Engineer position. As a Research Engineer you will join the lab."
        )
        .as_deref(),
        Some("Research Engineer, Foundation Models")
    );
    // A place or a university's department after the comma is no specialism.
    assert_eq!(
        r(
            "Offer – Hotel Operations Manager, Bath",
            "Dear Sam,\n\nWe are delighted to offer you the Hotel Operations Manager role."
        )
        .as_deref(),
        Some("Hotel Operations Manager")
    );
    assert_eq!(
        r(
            "Offer – Data Warehouse Developer, Information Services",
            "Dear Sam,\n\nWe offer you the Data Warehouse Developer post."
        )
        .as_deref(),
        Some("Data Warehouse Developer")
    );
}

#[test]
fn a_job_sites_line_about_its_reader_names_the_readers_title_not_the_role() {
    assert_eq!(
        role(
            "Sam, your application was sent to Corvina Travel",
            "Your application was sent to Corvina Travel\n\nCorvina Travel\nMarketing Manager, Iberia\nPorto, Portugal\n\nThis email was intended for Sam Okafor (Growth & Marketing Manager | Consumer apps).",
            "",
            Some("LinkedIn"),
            Some("Corvina Travel"),
            true,
        )
        .as_deref(),
        Some("Marketing Manager, Iberia")
    );
}

#[test]
fn planners_and_clinical_titles_are_read_in_their_languages() {
    let r = |s: &str, b: &str| role(s, b, "", None, None, true);
    assert_eq!(
        r(
            "Proceso de selección – Planificador de Demanda",
            "Hola Ana,\n\ngracias."
        )
        .as_deref(),
        Some("Planificador de Demanda")
    );
    assert_eq!(
        r(
            "Candidatura – Planeador de Produção",
            "Olá Rui,\n\nobrigado."
        )
        .as_deref(),
        Some("Planeador de Produção")
    );
    // A Nordic subject writes the title in lower case, its acronym in a bracket.
    assert_eq!(
        r("Intervju – klinisk monitor (CRA)", "Hei Kari,\n\ntakk.").as_deref(),
        Some("Klinisk monitor (CRA)")
    );
    assert_eq!(
        r(
            "Tack för din ansökan - Klinisk prövningsmonitor (CRA)",
            "Hej Kari"
        )
        .as_deref(),
        Some("Klinisk prövningsmonitor (CRA)")
    );
    // But a bracket after other words may hold the role.
    assert_eq!(
        r("Next step - small exercise (ML Engineer)", "Hi Sam").as_deref(),
        Some("ML Engineer")
    );
    // "CRA-stilling": the word for a post is no part of the title.
    assert_eq!(
        r("Senior CRA-stilling hos dansk biotek", "Hej Kari").as_deref(),
        Some("Senior CRA")
    );
}

#[test]
fn a_feminine_ending_an_article_and_a_plant_after_a_dash_are_no_part_of_a_title() {
    let r = |s: &str, b: &str| role(s, b, "", None, None, true);
    assert_eq!(
        r("Entrevista – Planificador/a de Rutas", "Hola Ana").as_deref(),
        Some("Planificador de Rutas")
    );
    assert_eq!(
        r(
            "A Clinical Project Manager role that made me think of you",
            "Hi Sam"
        )
        .as_deref(),
        Some("Clinical Project Manager")
    );
    assert_eq!(
        r(
            "Update on your application – Supply Chain Planner – Porto Plant",
            "Hi Sam"
        )
        .as_deref(),
        Some("Supply Chain Planner")
    );
    assert_eq!(
        r("Klinisk prosjektleder – Bergen", "Hei Sam").as_deref(),
        Some("Klinisk prosjektleder")
    );
}

#[test]
fn romance_titles_say_of_what_after_their_head_word() {
    let r = |s: &str, b: &str| role(s, b, "", None, None, true);
    assert_eq!(
        r(
            "Merci pour votre candidature – Architecte de solutions avant-vente",
            "Bonjour"
        )
        .as_deref(),
        Some("Architecte de solutions avant-vente")
    );
    assert_eq!(
        r(
            "Confirmación de postulación – Especialista en Preventa TI",
            "Hola"
        )
        .as_deref(),
        Some("Especialista en Preventa TI")
    );
    // A glued feminine ending, a wrapped line, and a verb after the title.
    assert_eq!(
        r(
            "Bienvenue",
            "Nous sommes ravis de t'accueillir comme Chargé(e) de comptes\ntechniques chez Lumio."
        )
        .as_deref(),
        Some("Chargé de comptes techniques")
    );
    assert_eq!(
        r(
            "Mise en situation – Architecte de solutions",
            "Le poste d'Architecte de solutions est basé à Québec."
        )
        .as_deref(),
        Some("Architecte de solutions")
    );
    assert_eq!(
        r(
            "Invitación a entrevista – Ingeniero(a) de Soluciones",
            "Hola"
        )
        .as_deref(),
        Some("Ingeniero de Soluciones")
    );
}

#[test]
fn the_employers_name_before_a_title_and_a_language_in_brackets_are_no_part_of_it() {
    assert_eq!(
        role(
            "Reminder: Wavecrest Media Sales Engineer Challenge closes soon",
            "Hi Sam",
            "",
            None,
            Some("Wavecrest Media"),
            true
        )
        .as_deref(),
        Some("Sales Engineer")
    );
    assert_eq!(
        role(
            "¿Platicamos?",
            "Te escribo por tu solicitud para el puesto de Gerente de Cuentas (bilingüe).",
            "",
            None,
            None,
            true
        )
        .as_deref(),
        Some("Gerente de Cuentas")
    );
}

#[test]
fn a_romance_head_word_is_a_title_word_and_english_words_end_what_it_is_of() {
    let r = |s: &str, b: &str| role(s, b, "", None, None, true);
    // "Arquiteto" is listed only among the Romance heads.
    assert_eq!(
        r("Convite – Arquiteto de soluções", "Olá Rui").as_deref(),
        Some("Arquiteto de soluções")
    );
    assert_eq!(
        r("Hello", "We are hiring an Analista for the payments team.").as_deref(),
        Some("Analista")
    );
}

#[test]
fn german_design_titles_their_specialism_after_the_marker_and_the_people_to_talk_to() {
    let r = |s: &str, b: &str| role(s, b, "", None, None, true);
    assert_eq!(
        r(
            "Einladung zum Vorstellungsgespräch: Fertigungsingenieur (m/w/d) Spritzguss",
            "Hallo"
        )
        .as_deref(),
        Some("Fertigungsingenieur Spritzguss")
    );
    assert_eq!(
        role(
            "Dienstvertrag Konstrukteur Fahrwerk – SFT",
            "Sehr geehrter Herr Meier",
            "",
            None,
            Some("SFT Steirer Fahrzeugtechnik"),
            true
        )
        .as_deref(),
        Some("Konstrukteur Fahrwerk")
    );
    assert_eq!(
        r("Quality Engineer (APQP/PPAP) - Redditch", "Hi Sam").as_deref(),
        Some("Quality Engineer (APQP/PPAP)")
    );
    assert_eq!(
        r("Job offer – Process Engineer, Plzeň", "Dear Sam").as_deref(),
        Some("Process Engineer")
    );
    assert_eq!(
        r(
            "Ihr Termin",
            "Ihre Gesprächspartner sind Frau Huber und Herr Url."
        )
        .as_deref(),
        None
    );
}

#[test]
fn romance_titles_go_on_over_a_to_and_end_at_an_acronym_a_place_or_the_employer() {
    let r = |s: &str, b: &str, e: Option<&str>| role(s, b, "", None, e, true);
    assert_eq!(
        r(
            "Ingeniero/a de Conexión a Red - Cierzo Power",
            "Hola",
            Some("Cierzo Power")
        )
        .as_deref(),
        Some("Ingeniero de Conexión a Red")
    );
    assert_eq!(
        r(
            "Hello",
            "Cerchiamo un Ingegnere elettrico progettista FV chiediamo ai candidati.",
            None
        )
        .as_deref(),
        Some("Ingegnere elettrico progettista FV")
    );
    assert_eq!(
        r(
            "Suite donnée à votre candidature",
            "le poste d'Ingénieur électricité HTA/HTB.",
            None
        )
        .as_deref(),
        Some("Ingénieur électricité HTA/HTB")
    );
    assert_eq!(
        r(
            "Opportunité – Développeur Mobile à Lausanne",
            "Bonjour",
            None
        )
        .as_deref(),
        Some("Développeur Mobile")
    );
    assert_eq!(
        r(
            "Technical interview – HVDC Engineer (Stratos Grid)",
            "Hi",
            Some("Stratos Grid")
        )
        .as_deref(),
        Some("HVDC Engineer")
    );
}

#[test]
fn what_follows_a_head_word_is_read_only_after_a_space() {
    // Punctuation and other letters right after the head word: nothing is of what, and
    // the bytes counted never fall inside a character.
    assert_eq!(romance_of_what(",çççç de xy"), ("", ",çççç de xy"));
    assert_eq!(lower_words(",čččč projektov x"), ("", ",čččč projektov x"));
    assert_eq!(
        romance_of_what(" de solutions, x"),
        (" de solutions", ", x")
    );
    assert_eq!(lower_words(" projektov v x"), (" projektov v x", ""));
}

#[test]
fn a_title_wrapped_over_a_line_is_read_whole() {
    let r = |s: &str, b: &str| role(s, b, "", None, None, true);
    assert_eq!(
        r(
            "Great news",
            "The panel was unanimous and we'd love you to join us as a Senior\nData Engineer.\n"
        )
        .as_deref(),
        Some("Senior Data Engineer")
    );
    // A whole title at a line's end stays as it is.
    assert_eq!(
        r(
            "Hello",
            "We are hiring a Data Engineer\nBerlin office, hybrid."
        )
        .as_deref(),
        Some("Data Engineer")
    );
}

#[test]
fn titles_of_more_trades_and_an_id_after_the_title() {
    let r = |s: &str, b: &str| role(s, b, "", None, None, true);
    assert_eq!(
        r(
            "Clinical Systems Trainer C9344-26-0182 - online skills check",
            "Dear Orla"
        )
        .as_deref(),
        Some("Clinical Systems Trainer")
    );
    assert_eq!(
        r(
            "Application received",
            "Thank you for applying for the Nurse Informatician post."
        )
        .as_deref(),
        Some("Nurse Informatician")
    );
}

#[test]
fn a_rank_alone_names_no_role() {
    let r = |s: &str, b: &str| role(s, b, "", None, None, true);
    assert_eq!(
        r(
            "Re: Lead Data Scientist - Singapore (fintech) - feedback",
            "Hi Ana,\n\nThey've decided not to fill the Lead role externally.\n\nMarcus"
        )
        .as_deref(),
        Some("Lead Data Scientist")
    );
}

#[test]
fn a_persons_title_is_no_role_in_any_language_nor_after_their_name() {
    let r = |s: &str, b: &str| role(s, b, "", None, None, true);
    // "o nosso Head of Marketing": Portuguese "our".
    assert_eq!(
        r(
            "Obrigado, Ana!",
            "Obrigado por te candidatares a Growth Marketing Manager aqui na Tarvela!\n\nO \
             Duarte, o nosso Head of Marketing, vai ler o teu CV.\n\nAté já,\nEquipa Tarvela"
        )
        .as_deref(),
        Some("Growth Marketing Manager")
    );
    // "Curtis Bell, VP Sales": a person's title.
    assert_eq!(
        r(
            "Final round – onsite in Chicago",
            "Hi Ana,\n\nThe schedule:\n 1:15  Conversation with Curtis Bell, VP Sales\n 2:00  \
             Wrap-up\n\nThanks,\nTess"
        ),
        None
    );
    // After a greeting on its own line, the title is the role.
    assert_eq!(
        r(
            "Başvurun iletildi",
            "Merhaba Ece,\nDijital Pazarlama Müdürü ilanına yaptığın başvuru iletildi."
        )
        .as_deref(),
        Some("Dijital Pazarlama Müdürü")
    );
}

#[test]
fn how_a_job_is_worked_and_a_process_word_are_no_part_of_its_title() {
    let r = |s: &str| role(s, "Hello", "", None, None, true);
    assert_eq!(
        r("Remote Senior Data Scientist role – quick question").as_deref(),
        Some("Senior Data Scientist")
    );
    assert_eq!(
        r("Freelance UX Researcher - 6 months - Utrecht").as_deref(),
        Some("UX Researcher")
    );
    assert_eq!(
        r("Proceso Arquitecto Cloud – feedback").as_deref(),
        Some("Arquitecto Cloud")
    ); // Where the word is the trade, it stays.
    assert_eq!(
        r("Contract Manager – next steps").as_deref(),
        Some("Contract Manager")
    );
}

#[test]
fn titles_of_new_inboxes_are_read_whole() {
    let r = |s: &str, b: &str| role(s, b, "", None, None, true);
    // French: "de la" joins a title's words; a pronoun ends it.
    assert_eq!(
        r(
            "Votre candidature",
            "Nous confirmons la réception de votre candidature au poste de\nGestionnaire de \
             la réussite client (Montréal)."
        )
        .as_deref(),
        Some("Gestionnaire de la réussite client")
    );
    assert_eq!(
        r(
            "Candidature reçue",
            "Votre candidature pour le poste de Gestionnaire de comptes clés nous est bien \
             parvenue."
        )
        .as_deref(),
        Some("Gestionnaire de comptes clés")
    );
    // A field's initials after a colon.
    assert_eq!(
        r(
            "Application received",
            "Position: Senior Analyst: FP&A\nJob Requisition: JR-2026-01184"
        )
        .as_deref(),
        Some("Senior Analyst: FP&A")
    );
    // Afrikaans titles.
    assert_eq!(
        r(
            "Uitnodiging na onderhoud – Finansiële Ontleder",
            "Beste Sipho"
        )
        .as_deref(),
        Some("Finansiële Ontleder")
    );
}

#[test]
fn polish_titles_grades_and_the_application_trade() {
    let r = |s: &str, b: &str| role(s, b, "", None, None, true);
    // Polish "ds." ("for matters of") goes on with what the post is for.
    assert_eq!(
        r(
            "Zaproszenie na rozmowę – Specjalista ds. Bezpieczeństwa IT (SOC)",
            "Dzień dobry"
        )
        .as_deref(),
        Some("Specjalista ds. Bezpieczeństwa IT (SOC)")
    );
    assert_eq!(
        r(
            "Softbrook – dane do umowy (Inżynier ds. bezpieczeństwa aplikacji)",
            "Dzień dobry"
        )
        .as_deref(),
        Some("Inżynier ds. bezpieczeństwa aplikacji")
    );
    // Initials after a head-first title.
    assert_eq!(
        r(
            "Test wiedzy – Analityk SOC L2 (link ważny 72 godziny)",
            "Dzień dobry"
        )
        .as_deref(),
        Some("Analityk SOC L2")
    );
    // "Application" is the trade here, not the frame.
    assert_eq!(
        r(
            "Your application to Brick & Byte",
            "We've now wrapped up the process for the Application Security Engineer role."
        )
        .as_deref(),
        Some("Application Security Engineer")
    );
    // An EU institution's grade is no part of the role.
    assert_eq!(
        r(
            "Invitation to complete tests",
            "Selection procedure for Information Security Officer (AD 7)."
        )
        .as_deref(),
        Some("Information Security Officer")
    );
}

#[test]
fn italian_german_and_spanish_titles_are_read_whole() {
    let r = |s: &str, b: &str| role(s, b, "", None, None, true);
    assert_eq!(
        r(
            "Re: Colloquio tecnico - Specialista Pianificazione della Produzione",
            "Buongiorno"
        )
        .as_deref(),
        Some("Specialista Pianificazione della Produzione")
    );
    assert_eq!(
        r(
            "Hello",
            "Thank you for applying for Senior Consultant, Supply Chain & Operations."
        )
        .as_deref(),
        Some("Senior Consultant, Supply Chain & Operations")
    );
    assert_eq!(
        r(
            "Ihre Bewerbung als Supply Chain Planer (m/w/d)",
            "Guten Tag"
        )
        .as_deref(),
        Some("Supply Chain Planer")
    );
    assert_eq!(
        r(
            "Einladung: Vorstellungsgespräch Supply Planner (m/w/d) @ Di. 14.04.2026",
            "Guten Tag"
        )
        .as_deref(),
        Some("Supply Planner")
    );
    assert_eq!(
        r(
            "Ingeniero de Diseño Mecánico – Seguidores Solares en Solenne Energía",
            "Hola Álvaro"
        )
        .as_deref(),
        Some("Ingeniero de Diseño Mecánico – Seguidores Solares")
    );
    assert_eq!(
        r(
            "Re: Candidatura",
            "Stiamo raccogliendo i profili per la figura di Pianificatrice della produzione \
             e approvvigionamenti che apriremo ad aprile."
        )
        .as_deref(),
        Some("Pianificatrice della produzione e approvvigionamenti")
    );
}

#[test]
fn initialisms_contracts_and_references_around_a_title() {
    let r = |s: &str, b: &str| role(s, b, "", None, None, true);
    // The title the text writes out beats its initialism in the subject.
    assert_eq!(
        r(
            "Any interest? RA Associate at Kilbride",
            "We've just got budget signed off for a Regulatory Affairs Associate starting in \
             the new year."
        )
        .as_deref(),
        Some("Regulatory Affairs Associate")
    );
    // "(contract)" is how the job is held; "(Main Contractor)" what it is.
    assert_eq!(
        r("Pharmacovigilance Specialist (contract)", "Hello").as_deref(),
        Some("Pharmacovigilance Specialist")
    );
    assert_eq!(
        r(
            "Application sent: Project Manager (Main Contractor) at Orchid Bay",
            "Hi"
        )
        .as_deref(),
        Some("Project Manager (Main Contractor)")
    );
    // A colon ends a specialism; a reference is none.
    assert_eq!(
        r(
            "TVUH-PH-0326 Senior Pharmacist – Medication Safety: shortlisting",
            "Dear Róisín"
        )
        .as_deref(),
        Some("Senior Pharmacist – Medication Safety")
    );
    assert_eq!(
        r(
            "Clinical Systems Administrator – Ref: KMH-2210",
            "Dear Orla"
        )
        .as_deref(),
        Some("Clinical Systems Administrator")
    );
}

#[test]
fn where_the_job_is_ends_a_title() {
    let r = |s: &str, b: &str| role(s, b, "", None, None, true);
    assert_eq!(
        r(
            "Tu candidatura – Subdirector/a de Hotel Sevilla",
            "Hola Inês"
        )
        .as_deref(),
        Some("Subdirector de Hotel")
    );
    assert_eq!(
        r(
            "Re: Carta de oferta – Responsable de Operaciones Lisboa",
            "Hola Inês"
        )
        .as_deref(),
        Some("Responsable de Operaciones")
    );
    // A subject taught, and a title for a country, keep their place.
    assert_eq!(
        r("Hello", "We are hiring a Head of Reading for September.").as_deref(),
        Some("Head of Reading")
    );
    assert_eq!(
        r("Country Controller Italy – confidential", "Hello").as_deref(),
        Some("Country Controller Italy")
    );
}

#[test]
fn dutch_titles_are_titles_and_german_leider_is_not() {
    let r = |s: &str, b: &str| role(s, b, "", None, None, true);
    assert_eq!(
        r("Je sollicitatie als Teamleider Klantenservice", "Hoi Sanne").as_deref(),
        Some("Teamleider Klantenservice")
    );
    assert_eq!(
        r(
            "Uitnodiging gesprek – Senior Adviseur Klantbeleving",
            "Beste Sanne"
        )
        .as_deref(),
        Some("Senior Adviseur Klantbeleving")
    );
    assert!(is_title("Klantenservicemedewerker"));
    // "Leider müssen wir Ihnen mitteilen…": German for "unfortunately".
    assert!(!is_title("Leider"));
}

#[test]
fn a_title_in_capitals_is_written_as_a_person_would() {
    let r = |s: &str, b: &str| role(s, b, "", None, None, true);
    assert_eq!(
        r(
            "Re: APPLICATION FOR THE POSITION OF RESIDENT ENGINEER",
            "Well received."
        )
        .as_deref(),
        Some("Resident Engineer")
    );
    assert_eq!(
        r(
            "SHORTLISTING FOR INTERVIEW - WATER ENGINEER II (JOB GROUP K)",
            "Dear Njeri"
        )
        .as_deref(),
        Some("Water Engineer II")
    );
    assert_eq!(
        r(
            "Hello",
            "Application for Senior Roads Engineer (Job Group CPSB 08)."
        )
        .as_deref(),
        Some("Senior Roads Engineer")
    );
}

#[test]
fn malay_titles_and_an_initialism_written_out_are_read() {
    let r = |s: &str, b: &str| role(s, b, "", None, None, true);
    assert_eq!(
        r(
            "Keputusan Permohonan",
            "Terima kasih atas permohonan puan bagi jawatan Pengurus Sumber Manusia."
        )
        .as_deref(),
        Some("Pengurus Sumber Manusia")
    );
    // "HRBP" in the subject and "HR Business Partner" in the text are one role.
    assert_eq!(
        r(
            "Meeting with my client – HRBP (Distribution)",
            "They are hiring an HR Business Partner (Distribution) in Shah Alam."
        )
        .as_deref(),
        Some("HR Business Partner (Distribution)")
    );
    assert!(is_title("Senior HRBP"));
}

#[test]
fn latin_american_titles_are_read() {
    let r = |s: &str, b: &str| role(s, b, "", None, None, true);
    // A sentence going on after the title is no part of it.
    assert_eq!(
        r(
            "Tu proceso en la oferta Especialista en Medios Pagados ha finalizado",
            "Hola Camila:"
        )
        .as_deref(),
        Some("Especialista en Medios Pagados")
    );
    // A label ending its line, the title on the next.
    assert_eq!(
        r(
            "Bici Ciudad está interesada en tu perfil",
            "Bici Ciudad vio tu CV y te invita a postularte a su vacante:\nCoordinador de \
             Marketing Digital\nBenito Juárez, CDMX"
        )
        .as_deref(),
        Some("Coordinador de Marketing Digital")
    );
    assert_eq!(
        r(
            "Recibimos tu postulación",
            "Recibimos tu postulación para el cargo de Líder de Growth Marketing."
        )
        .as_deref(),
        Some("Líder de Growth Marketing")
    );
    assert!(is_title("Senior Growth Marketer"));
}

#[test]
fn a_superintendent_is_a_title() {
    let r = |s: &str, b: &str| role(s, b, "", None, None, true);
    assert_eq!(
        r(
            "Reminder: your assessment is waiting",
            "Please complete the assessment for the Beneficiation Plant Superintendent role."
        )
        .as_deref(),
        Some("Beneficiation Plant Superintendent")
    );
}

#[test]
fn a_fields_initials_after_a_dash_stay_in_running_text() {
    let r = |s: &str, b: &str| role(s, b, "", None, None, true);
    assert_eq!(
        r(
            "FP&A opportunity at Tallyport",
            "We're building out our team and I'm hiring a Senior Manager – FP&A in Bengaluru."
        )
        .as_deref(),
        Some("Senior Manager – FP&A")
    );
    assert_eq!(
        r(
            "Welcome aboard",
            "We'd love for you to join us as Finance Lead – FP&A and build the function with us."
        )
        .as_deref(),
        Some("Finance Lead – FP&A")
    );
}

#[test]
fn indonesian_titles_are_read() {
    let r = |s: &str, b: &str| role(s, b, "", None, None, true);
    assert_eq!(
        r(
            "Ekspektasi gaji",
            "Terima kasih sudah melamar posisi Financial Systems Analyst di Lumbung. Boleh \
             minta info berikut?"
        )
        .as_deref(),
        Some("Financial Systems Analyst")
    );
    assert_eq!(
        r(
            "Hasil Seleksi",
            "Terima kasih telah mengikuti seleksi untuk posisi Konsultan Sistem Keuangan."
        )
        .as_deref(),
        Some("Konsultan Sistem Keuangan")
    );
    // Italian joins its own words with "di".
    assert_eq!(
        r(
            "Candidatura",
            "Grazie per la candidatura come Responsabile di Produzione."
        )
        .as_deref(),
        Some("Responsabile di Produzione")
    );
}

#[test]
fn a_pay_bands_number_stays_with_the_band() {
    let r = |s: &str, b: &str| role(s, b, "", None, None, true);
    assert_eq!(
        r("Interview: Staff Nurse Band 5 - Theatres", "Hi").as_deref(),
        Some("Staff Nurse Band 5 - Theatres")
    );
    assert_eq!(
        r(
            "Drug calculation test",
            "Please complete the test for the Staff Nurse Band 5 - Paediatrics post."
        )
        .as_deref(),
        Some("Staff Nurse Band 5 - Paediatrics")
    );
}

#[test]
fn a_gender_marker_without_brackets_is_no_part_of_a_role() {
    let r = |s: &str, b: &str| role(s, b, "", None, None, true);
    assert_eq!(
        r("Candidature envoyée : UX/UI Designer H/F", "Bonjour").as_deref(),
        Some("UX/UI Designer")
    );
}

#[test]
fn brazilian_job_sites_write_the_title_after_vaga() {
    let r = |s: &str, b: &str, c: &str| role(s, b, "", None, Some(c), true);
    assert_eq!(
        r(
            "Inscrição confirmada no processo seletivo",
            "Oi, Bruno!\n\nSua inscrição na vaga Analista de Qualidade de Software Jr da \
             Mandacaru Saúde foi realizada com sucesso.\n",
            "Mandacaru Saúde"
        )
        .as_deref(),
        Some("Analista de Qualidade de Software Jr")
    );
    // The level after a bracket; Roman numerals only in capitals (Polish "i" is "and").
    assert_eq!(
        r(
            "A Coruja Analytics quer conversar com você!",
            "Vaga:\n\nAnalista de Testes (QA) Pleno\nBelo Horizonte - MG\n",
            "Coruja Analytics"
        )
        .as_deref(),
        Some("Analista de Testes (QA) Pleno")
    );
    assert_eq!(
        r(
            "Zaproszenie",
            "Zapraszamy na rozmowę: Senior Data Engineer (Azure) i zespół danych.",
            "Ogniwo"
        )
        .as_deref(),
        Some("Senior Data Engineer (Azure)")
    );
}

#[test]
fn lawyers_and_pharmacists_titles() {
    let r = |s: &str, b: &str| role(s, b, "", None, None, true);
    assert_eq!(
        r("Your application as Legal Counsel APAC", "Thanks.").as_deref(),
        Some("Legal Counsel APAC")
    );
    assert_eq!(
        r(
            "Confirmation de votre candidature – Pharmacien en oncologie – CHUE-26-0193",
            "Merci."
        )
        .as_deref(),
        Some("Pharmacien en oncologie")
    );
    // Quebec writes the field after a comma, in lower case.
    assert_eq!(
        r(
            "Votre lettre d'offre – Spécialiste, information médicale",
            "Bonjour."
        )
        .as_deref(),
        Some("Spécialiste, information médicale")
    );
}

#[test]
fn a_job_cards_title_over_its_employer() {
    let r = |b: &str, writer: &str, c: &str| {
        role(
            "Your application was submitted",
            b,
            "",
            Some(writer),
            Some(c),
            true,
        )
    };
    // The title over the employer's name, not the job site's category path.
    assert_eq!(
        r(
            "Hi Olivia,\n\nYour application has been sent to Paddock & Pantry.\n\nCommercial \
             Legal Counsel\nPaddock & Pantry\nAlexandria, Sydney NSW\nLegal > In-House \
             Counsel\n\nGood luck!\nThe SEEK team",
            "SEEK",
            "Paddock & Pantry"
        )
        .as_deref(),
        Some("Commercial Legal Counsel")
    );
    // A job site's mail opens with its own name, which is no signature.
    assert_eq!(
        r(
            "LinkedIn\nAva Lindqvist invited you to apply\nHi Olivia, I'm a recruiter at \
             Nimbus Ledger.\n\nLegal Counsel, Payments\nNimbus Ledger\nSydney · Hybrid\n\
             Posted 2 days ago\n\nView job",
            "LinkedIn",
            "Nimbus Ledger"
        )
        .as_deref(),
        Some("Legal Counsel, Payments")
    );
    // A Polish sentence's verb ends a lower-case title.
    assert_eq!(
        role(
            "Twoja aplikacja",
            "Twoja aplikacja na ofertę Inżynier ds. bezpieczeństwa aplikacji została \
             przekazana pracodawcy.",
            "",
            None,
            None,
            true
        )
        .as_deref(),
        Some("Inżynier ds. bezpieczeństwa aplikacji")
    );
}

#[test]
fn learning_technologists_and_coaches() {
    let r = |s: &str, b: &str| role(s, b, "", None, None, true);
    assert_eq!(
        r(
            "ASH-1190 Learning Technologist – shortlisting exercise",
            "Dear Siobhan,"
        )
        .as_deref(),
        Some("Learning Technologist")
    );
    assert_eq!(
        r(
            "Application withdrawn – Digital Learning Coach",
            "Dear Siobhan,"
        )
        .as_deref(),
        Some("Digital Learning Coach")
    );
}

#[test]
fn researchers_hoteliers_and_where_they_work() {
    let r = |s: &str, b: &str| role(s, b, "", None, None, true);
    // Research in Dutch; a practical assignment's word is no part of the title.
    assert_eq!(
        role(
            "Praktijkopdracht UX Onderzoeker – Merel",
            "Hoi Daan,\n\nHierbij de opdracht.",
            "",
            None,
            Some("Merel"),
            true
        )
        .as_deref(),
        Some("UX Onderzoeker")
    );
    assert_eq!(
        r(
            "Great news from Lindenhof Health",
            "Hi Daan,\n\nThey want you as their User Researcher!\n"
        )
        .as_deref(),
        Some("User Researcher")
    );
    // A hotel's street in brackets, a holiday region after a dash.
    assert_eq!(
        r(
            "Caso prático – Hotel Manager (Rua das Oliveiras)",
            "Olá Rita,\n\nSegue o caso."
        )
        .as_deref(),
        Some("Hotel Manager")
    );
    assert_eq!(
        r(
            "RE: Director of Operations - Balearics",
            "Morning Rita,\n\nThey'd like to meet you."
        )
        .as_deref(),
        Some("Director of Operations")
    );
    // "um grupo hoteleiro que procura um/a Diretor/a de Operações".
    assert_eq!(
        r(
            "Oportunidade confidencial",
            "Olá Rita,\n\nUm grupo hoteleiro português procura um/a Diretor/a de Operações \
             para a unidade de Lisboa.\n"
        )
        .as_deref(),
        Some("Diretor de Operações")
    );
}

#[test]
fn arabic_titles_and_aircraft_types() {
    let r = |s: &str, b: &str| role(s, b, "", None, None, true);
    assert_eq!(
        r(
            "دعوة لمقابلة شخصية – مهندس صيانة طائرات مرخص (B1)",
            "عزيزي عمر"
        )
        .as_deref(),
        Some("مهندس صيانة طائرات مرخص (B1)")
    );
    assert_eq!(
        r("بخصوص طلبك لوظيفة فني إلكترونيات طيران B2", "عزيزي عمر").as_deref(),
        Some("فني إلكترونيات طيران B2")
    );
    // The aircraft type after a dash is the title's; a requisition's number is not.
    assert_eq!(
        r("Offer – B1 Certifying Engineer – B777F", "Hi Omar").as_deref(),
        Some("B1 Certifying Engineer – B777F")
    );
    assert_eq!(
        r("Update – B1 Certifying Engineer – 2600457", "Hi Omar").as_deref(),
        Some("B1 Certifying Engineer")
    );
}

#[test]
fn french_and_dutch_fields_in_lower_case() {
    let r = |s: &str, b: &str| role(s, b, "", None, None, true);
    // A subject's segment that ends in the field's lower-case words.
    // The text writes it so too.
    assert_eq!(
        r(
            "Proposition d'engagement – Chargé de mission Affaires européennes",
            "Bonjour,\nvoici notre proposition pour le poste de Chargé de mission Affaires européennes\n"
        )
        .as_deref(),
        Some("Chargé de mission Affaires européennes")
    );
    assert_eq!(
        r(
            "Volgende stap: schrijfopdracht Beleidsmedewerker Europese zaken",
            "Dag Maarten,\nvoor de rol Beleidsmedewerker Europese zaken vragen we een schrijfopdracht."
        )
        .as_deref(),
        Some("Beleidsmedewerker Europese zaken")
    );
    // A frame word in the text is still none of the title's.
    assert_eq!(
        r(
            "Data Engineer contract - retailer - Melbourne",
            "I'm working on a Data Engineer contract with a retailer."
        )
        .as_deref(),
        Some("Data Engineer")
    );
    assert_eq!(
        r(
            "Candidature envoyée : Consultant senior en affaires publiques",
            "Bonjour"
        )
        .as_deref(),
        Some("Consultant senior en affaires publiques")
    );
    // A calendar's time after "@" is no part of the segment.
    assert_eq!(
        r(
            "Invitation: Entretien – Chargé de mission Affaires européennes @ jeu. 12 mars 2026",
            "Entretien – Chargé de mission Affaires européennes\nQuand: jeudi"
        )
        .as_deref(),
        Some("Chargé de mission Affaires européennes")
    );
    // English words after a title stay out.
    assert_eq!(
        r("Data Engineer needed – Berlin", "Hi").as_deref(),
        Some("Data Engineer")
    );
    // In running text, after a French or Dutch lead, up to the clause's next word.
    assert_eq!(
        r(
            "Bedankt voor je sollicitatie",
            "Bedankt om te solliciteren voor de functie van Beleidsmedewerker Europese zaken bij het Vlaams Netwerk."
        )
        .as_deref(),
        Some("Beleidsmedewerker Europese zaken")
    );
    assert_eq!(
        r(
            "Rappel",
            "dans le cadre de votre candidature au poste de Consultant senior en affaires publiques. Merci"
        )
        .as_deref(),
        Some("Consultant senior en affaires publiques")
    );
    assert_eq!(
        r(
            "Votre candidature – Attaché(e) aux affaires européennes",
            "Madame,"
        )
        .as_deref(),
        Some("Attaché aux affaires européennes")
    );
    assert_eq!(
        r("Fwd: Research Fellow, EU Trade – writing samples", "Hi").as_deref(),
        Some("Research Fellow, EU Trade")
    );
}

#[test]
fn vietnamese_titles_and_latin_american_leads() {
    let r = |s: &str, b: &str| role(s, b, "", None, None, true);
    assert_eq!(
        r(
            "[TopCV] Bạn đã ứng tuyển thành công vị trí Nhân viên Điều phối Vận tải (Nam/Nữ)",
            "Chào bạn"
        )
        .as_deref(),
        Some("Nhân viên Điều phối Vận tải")
    );
    // An English gloss in brackets is the title's; the English words alone are not.
    assert_eq!(
        r(
            "Re: Thư mời phỏng vấn - Chuyên viên Quản lý Vật tư (Material Controller)",
            "Chào chị"
        )
        .as_deref(),
        Some("Chuyên viên Quản lý Vật tư (Material Controller)")
    );
    assert_eq!(
        r(
            "Cơ hội Trưởng nhóm Logistics tại công ty FDI Hàn Quốc",
            "Chào anh"
        )
        .as_deref(),
        Some("Trưởng nhóm Logistics")
    );
    // "ứng viên" (candidate) is no title's head.
    assert_eq!(r("Bổ sung hồ sơ ứng viên", "Chào bạn"), None);
    assert_eq!(
        role(
            "Superintendente de Energía y Servicios – Minera Apurímac Cobre",
            "Hola",
            "",
            None,
            Some("Minera Apurímac Cobre"),
            true
        )
        .as_deref(),
        Some("Superintendente de Energía y Servicios")
    );
    assert_eq!(
        r(
            "Hola",
            "Te contamos sobre tu postulación al aviso Ingeniero Eléctrico Terreno: responde."
        )
        .as_deref(),
        Some("Ingeniero Eléctrico Terreno")
    );
    assert_eq!(
        r(
            "Citación – Profesional Departamento Eléctrico (Código 2026-DE-03)",
            "Estimada postulante"
        )
        .as_deref(),
        Some("Profesional Departamento Eléctrico")
    );
}

#[test]
fn japanese_titles_with_their_brackets() {
    let r = |s: &str, b: &str| role(s, b, "", None, None, true);
    assert_eq!(
        r(
            "【SORATOBI】ご応募ありがとうございます（機械学習エンジニア（レコメンド））",
            "佐伯様"
        )
        .as_deref(),
        Some("機械学習エンジニア（レコメンド）")
    );
    // A quoted title, and a post's label line, over the subject's shorter one.
    assert_eq!(
        r(
            "【さくら損害保険】適性検査受検のお願い",
            "この度は「データサイエンティスト（保険数理・プライシング）」にご応募いただき、誠にありがとうございます。"
        )
        .as_deref(),
        Some("データサイエンティスト（保険数理・プライシング）")
    );
    assert_eq!(
        r(
            "【あおば銀行】Webテスト受検のご案内（キャリア採用：データサイエンティスト）",
            "募集職種　データサイエンティスト（デジタル戦略部）\n受検期限：5月10日"
        )
        .as_deref(),
        Some("データサイエンティスト（デジタル戦略部）")
    );
    assert_eq!(
        r("【内定のご連絡】シニアデータサイエンティスト", "").as_deref(),
        Some("シニアデータサイエンティスト")
    );
    // Engineering is no engineer.
    assert_eq!(r("エンジニアリング部のご紹介", ""), None);
}

#[test]
fn turkish_titles_joined_by_ve_without_their_stage() {
    let r = |s: &str, b: &str| role(s, b, "", None, None, true);
    assert_eq!(
        r(
            "Aday Bilgi Formu ve KVKK Onayı – Satınalma ve Tedarik Uzmanı",
            "Merhaba"
        )
        .as_deref(),
        Some("Satınalma ve Tedarik Uzmanı")
    );
    // "Ön Görüşme" (a first interview) after the dash is no specialism.
    assert_eq!(
        r(
            "Kuzeyli | Tedarik Zinciri Planlama Uzmanı – Ön Görüşme",
            "Merhaba"
        )
        .as_deref(),
        Some("Tedarik Zinciri Planlama Uzmanı")
    );
    assert_eq!(
        r(
            "Özdemir Enerji – Tedarik Zinciri Analisti başvurunuz",
            "Sayın Zeynep"
        )
        .as_deref(),
        Some("Tedarik Zinciri Analisti")
    );
}
