use super::*;

fn named(from: &str, subject: &str, body: &str) -> Option<String> {
    let t = crate::agent::builtin::threads::split(body);
    let sender = Sender::read(from);
    let people = People::of(&sender, &t.newest, &t.quoted);
    company(subject, &t.newest, &t.quoted, &sender, &people).map(|n| n.name)
}

#[test]
fn relays_name_the_employer_not_themselves() {
    assert_eq!(
        named(
            "Acme Robotics <no-reply@us.greenhouse-mail.io>",
            "Thanks for applying",
            "Hi Sam,\nThanks."
        )
        .as_deref(),
        Some("Acme Robotics")
    );
    assert_eq!(
        named(
            "HackerRank <no-reply@hackerrank.com>",
            "Brightfield Labs has invited you to take a test",
            "Good luck"
        )
        .as_deref(),
        Some("Brightfield Labs")
    );
    assert_eq!(
        named(
            "Calendly <notifications@calendly.com>",
            "Book a time",
            "Jo Park (Tallow Foods) has invited you to schedule an event."
        )
        .as_deref(),
        Some("Tallow Foods")
    );
}

#[test]
fn the_name_as_written_beats_the_domain() {
    assert_eq!(
        named(
            "Oskar <oskar@quietriver.io>",
            "Hello",
            "Hi Sam,\nWe'd love you to join.\n\nOskar\nEngineering Manager, Quiet River"
        )
        .as_deref(),
        Some("Quiet River")
    );
    assert_eq!(
        named(
            "Jo <jo@mail.stone-bridge.co.uk>",
            "Hello",
            "Hi Sam, thanks."
        )
        .as_deref(),
        Some("Stone Bridge")
    );
}

#[test]
fn agencies_name_their_client() {
    let body = "Hi Sam,\nGreat news: Pellow Foods have reviewed your CV and would like to meet.\n\nKim\nSenior Consultant | Arden Recruitment";
    assert_eq!(
        named("Kim <kim@ardenrecruitment.co.uk>", "Interview", body).as_deref(),
        Some("Pellow Foods")
    );
    let body = "Hi Sam,\nI'm working with a fintech client on a Lead Engineer role.\n\nKim\nSenior Consultant | Arden Recruitment";
    assert_eq!(
        named("Kim <kim@ardenrecruitment.co.uk>", "Lead Engineer", body).as_deref(),
        Some("Arden Recruitment")
    );
}

#[test]
fn agencies_keep_their_whole_name() {
    let body = "Hi Sam,\nI'm working with a fintech in Milan who are looking for a Senior Backend Engineer.\nAre you open to new opportunities?\n\nBest,\nMarco Ferri\nSenior Consultant | BrightPath Recruitment";
    let s = Sender::read("Marco Ferri <marco.ferri@brightpath-recruitment.com>");
    eprintln!("label {:?}", s.domain_label());
    assert_eq!(
        named(
            "Marco Ferri <marco.ferri@brightpath-recruitment.com>",
            "Backend opportunity",
            body
        )
        .as_deref(),
        Some("BrightPath Recruitment")
    );
}

#[test]
fn an_e_signature_service_names_the_sender_of_the_document() {
    assert_eq!(
        named(
            "Penwell <documents@penwellsign.io>",
            "Marlow Freight has sent you \"Employment Agreement\" to review and sign",
            "Ada Ruiz from Marlow Freight sent you a document.\nReview document"
        )
        .as_deref(),
        Some("Marlow Freight")
    );
}

#[test]
fn a_profile_line_or_a_host_line_names_the_employer() {
    let body = "Lena Brandt\nTechnical Recruiter · Osprey Logistics\n\"Hi Sam, thanks for applying. \
                Our team lead, Marek, would like to meet you next week. Are you free?\"\n\
                View conversation";
    assert_eq!(
        named(
            "Lena Brandt via LinkedIn <messages-noreply@linkedin.com>",
            "Lena Brandt sent you a message",
            body
        )
        .as_deref(),
        Some("Osprey Logistics")
    );
    let body = "A new event has been scheduled.\nEvent type: Technical interview\n\
                Host: Ivo Marsh, Corvid Maritime\nDate: Tuesday";
    assert_eq!(
        named(
            "Calendly <notifications@calendly.com>",
            "Confirmed: Technical interview – Corvid Maritime (Sam Okafor)",
            body
        )
        .as_deref(),
        Some("Corvid Maritime")
    );
}

#[test]
fn a_go_between_naming_the_employer_is_an_agency() {
    // "Talent" may end an in-house team's name or an agency's: the third person tells.
    let body = "Hi Sam,\nThe Marlow Freight team loved meeting you, and their HR team has asked \
                for two references. Send them to me and I'll forward them.\n\nKim\nArden Talent";
    assert_eq!(
        named(
            "Kim Hale <kim@ardentalent.co.uk>",
            "Marlow – references",
            body
        )
        .as_deref(),
        Some("Marlow Freight")
    );
}

#[test]
fn an_ampersand_is_spelled_out_in_a_domain() {
    assert!(matches_domain("Vessel & Vane", "vesselandvane"));
    assert!(matches_domain("Grupo Miradorsur", "miradorsur"));
    assert!(matches_domain("Almendra Tecnología", "almendratech"));
    assert!(!matches_domain("Northwind Analytics", "northgate"));
    assert!(matches_domain(
        "Consorci de Serveis Municipals del Vallès",
        "csmvalles"
    ));
}

#[test]
fn a_person_sending_through_a_signing_service_is_not_the_employer() {
    let body = "Mira Castell sent you a document to review and sign.\nREVIEW DOCUMENT\n\
                Mira Castell\nmira.castell@halvardfinch.com\nHi Sam, here is your employment \
                agreement. Welcome to Halvard & Finch!";
    assert_eq!(
        named(
            "Mira Castell via DocuSign <dse@docusign.net>",
            "Complete with DocuSign: Halvard & Finch - Employment Agreement",
            body
        )
        .as_deref(),
        Some("Halvard & Finch")
    );
}

#[test]
fn an_agency_heading_its_subject_with_the_client_names_the_client() {
    let body = "Hi Sam,\nJust off the phone with Marquise Retail Group: they want you for the \
                role!\n\nCheers,\nDaniel\n\nDaniel Pryce\nDirector | Northgate & Pryce Recruitment";
    assert_eq!(
        named(
            "Daniel Pryce <daniel@npr-recruitment.com>",
            "Marquise Retail Group - great news!",
            body
        )
        .as_deref(),
        Some("Marquise Retail Group")
    );
}

#[test]
fn an_agency_signing_with_its_legal_form_names_the_client() {
    let body = "Hi Davide,\nGood news from Sonnwerk Energie: they liked your CV for the \
                Referent Controlling role.\n\nBest regards,\nMaximilian Kramer\nManaging \
                Partner\nKramer Finance Recruitment GmbH\nSendlinger Straße 12, 80331 München";
    assert_eq!(
        named(
            "Maximilian Kramer <m.kramer@kramer-finance.de>",
            "Sonnwerk Energie - short numerical test before the interview",
            body
        )
        .as_deref(),
        Some("Sonnwerk Energie")
    );
}

#[test]
fn a_quoted_title_references_and_a_councils_recruiting_are_no_employer() {
    // A job site's quoted title keeps its dash; the region after it is no employer.
    let body = "¡Inscripción realizada con éxito!\nHola Lucía,\nTu candidatura se ha enviado \
                correctamente a la empresa Hoteles Brisamar para la oferta:\nResponsable de RRHH \
                – Zona Levante\nAlicante · Jornada completa · Contrato indefinido";
    assert_eq!(
        named(
            "InfoJobs <noreply@infojobs.net>",
            "Te has inscrito en la oferta \"Responsable de RRHH – Zona Levante\"",
            body
        )
        .as_deref(),
        Some("Hoteles Brisamar")
    );
    // A council's own recruiting team is the council, and a reference no name.
    let body = "Dear Lucía,\nBefore we can confirm your start date we need your documents.\n\n\
                Recruitment Team\nPeople Services, Calderbrook Borough Council";
    assert_eq!(
        named(
            "Calderbrook Borough Council Recruitment <recruitment@calderbrook.gov.uk>",
            "Pre-employment checks - HR Business Partner (Grade 9) - CBC-HR-2231",
            body
        )
        .as_deref(),
        Some("Calderbrook Borough Council")
    );
    assert_eq!(clean("Proceso IREF-2026-031"), None);
    // An office's city is no part of the name; a city the name is built on, or a
    // region, is.
    assert_eq!(
        clean("Voltaria Énergies – Talents").as_deref(),
        Some("Voltaria Énergies")
    );
    assert_eq!(
        clean("Northgate Search Partners Luxembourg").as_deref(),
        Some("Northgate Search Partners")
    );
    assert_eq!(clean("Bank of London").as_deref(), Some("Bank of London"));
    assert_eq!(
        clean("Coöperatie Polderveld Zuivel U.A.").as_deref(),
        Some("Polderveld Zuivel")
    );
    assert_eq!(
        clean("Xarxa Mòbil Catalunya").as_deref(),
        Some("Xarxa Mòbil Catalunya")
    );
    assert_eq!(
        clean("Nordlicht Versicherung AG und Ihre Bewerbung").as_deref(),
        Some("Nordlicht Versicherung")
    );
    assert_eq!(
        clean("Consorci de Serveis Municipals del Vallès").as_deref(),
        Some("Consorci de Serveis Municipals del Vallès")
    );
}

#[test]
fn a_search_firm_passing_on_good_news_names_the_client() {
    let body = "Hi Femke,\nI just got off the phone with Oostvaart Agri and I'm delighted to tell \
                you they want you as their Demand Planning Manager!\n\nHugo Lammers\nPartner | \
                Kestrel Search Partners";
    assert_eq!(
        named(
            "Hugo Lammers <hugo.lammers@kestrelsearch.eu>",
            "Good news from Oostvaart",
            body
        )
        .as_deref(),
        Some("Oostvaart Agri")
    );
}

#[test]
fn a_trade_word_the_domain_joins_to_the_name_is_part_of_it() {
    let body = "Hola Marta,\nNos alegra ofrecerte el puesto en Ondina como UX Researcher.\n\n\
                Nuria Peiró";
    assert_eq!(
        named("Nuria Peiró <nuria.peiro@ondinasalud.es>", "Oferta", body).as_deref(),
        Some("Ondina Salud")
    );
    // Set apart by a hyphen, or in the top-level domain, it is not.
    let body = "Hi Sam,\nWe'd like to offer you the role at Tessellate.\n\nRory";
    assert_eq!(
        named("Rory <rory@tessellate-analytics.co.uk>", "Offer", body).as_deref(),
        Some("Tessellate")
    );
    let body = "Hi Sam,\nWe'd like to offer you the role at Wattwerk.\n\nJana";
    assert_eq!(
        named("Jana <jana@wattwerk.energy>", "Offer", body).as_deref(),
        Some("Wattwerk")
    );
}

#[test]
fn an_in_house_team_signing_is_no_agency() {
    let body = "Olá, Sam!\nO prazo para entregar o desafio técnico termina amanhã.\n\nAbraços,\n\
                Equipe de Recrutamento\nNimbostrato Tecnologia";
    assert_eq!(
        named(
            "Nimbostrato Tecnologia <recrutamento@nimbostrato.com.br>",
            "Lembrete: desafio técnico",
            body
        )
        .as_deref(),
        Some("Nimbostrato Tecnologia")
    );
}

#[test]
fn an_interview_booked_with_a_person_and_their_company() {
    let body = "A new event has been scheduled.\nEvent type: Intro call\nWith: Inês Carvalho \
                (Sardinha Labs)\nReschedule: https://calendly.com/r/1";
    assert_eq!(
        named(
            "Calendly <notifications@calendly.com>",
            "Confirmed: Intro call",
            body
        )
        .as_deref(),
        Some("Sardinha Labs")
    );
    // A bracket in the subject that is a place is not the company.
    let body = "Buongiorno Sam,\nsto seguendo per conto del nostro cliente Gruppo Varenna la \
                ricerca di un DevOps Engineer.\n\nAlessandro Conti\nSenior IT Recruiter — \
                Talentum Partners";
    assert_eq!(
        named(
            "Alessandro Conti <a.conti@talentumpartners.it>",
            "Opportunità DevOps Engineer – Gruppo Varenna (Milano/remoto)",
            body
        )
        .as_deref(),
        Some("Gruppo Varenna")
    );
}

#[test]
fn an_interviewing_service_names_the_employer_it_works_for() {
    let s = Sender::read("Karat <scheduling@karat.io>");
    assert_eq!(s.relay, Relay::Scheduling);
    assert_eq!(
        named(
            "Karat <scheduling@karat.io>",
            "Schedule your technical interview",
            "Hi Sam,\nCaravel Freight has partnered with Karat to conduct the technical interview."
        )
        .as_deref(),
        Some("Caravel Freight")
    );
}

#[test]
fn an_agency_naming_its_client_in_german_gives_the_client() {
    let body = "Hallo Frau Haddad,\nich bin Personalberater bei der Seehafen Personal GmbH und \
                unterstütze derzeit unseren Kunden Rotkehlchen Audio bei der Besetzung einer \
                Position.\n\nViele Grüße\nJens Wittkamp";
    assert_eq!(
        named(
            "Jens Wittkamp <j.wittkamp@seehafen-personal.de>",
            "Spannende Position bei Rotkehlchen Audio",
            body
        )
        .as_deref(),
        Some("Rotkehlchen Audio")
    );
}

#[test]
fn names_joined_by_and_and_fields_that_name_the_company() {
    let body = "Hi Noor,\nBumping this: Larkspur and Thorne are keen to talk before the end of \
                the month, and I'd love to set that up.\n\nBest,\nRhys\n\nOn Tue, 10 Feb \
                2026 at 09:14, Rhys Calloway wrote:\n> I'm working with Larkspur and Thorne on \
                a Data Engineer role.";
    assert_eq!(
        named(
            "Rhys Calloway <rhys@quincetalent.co.uk>",
            "Re: Data Engineer",
            body
        )
        .as_deref(),
        Some("Larkspur and Thorne")
    );
    let body = "Your application has been forwarded to the employer.\nJob: Data Engineer\n\
                Company: Hafenblick Versicherung AG\nLocation: Hamburg";
    assert_eq!(
        named("StepStone <noreply@stepstone.de>", "Application sent", body).as_deref(),
        Some("Hafenblick Versicherung")
    );
    assert!(matches_domain("Vireo Mapping", "vireomaps"));
}

#[test]
fn an_agency_with_an_unnamed_client_is_the_company() {
    let body = "Hi Priya,\nI've just had feedback from my client on the Senior Data Engineer role, \
                and unfortunately it's not the news we were hoping for.\n\nCheers,\nAlistair \
                Haverkamp\nPrincipal Consultant | Northstack Recruitment";
    assert_eq!(
        named(
            "Alistair Haverkamp <alistair.haverkamp@northstack.co.uk>",
            "Feedback - Senior Data Engineer",
            body
        )
        .as_deref(),
        Some("Northstack Recruitment")
    );
    assert!(matches_domain("Atlântico Pagamentos", "atlpag"));
    assert!(matches_domain("Oyster Lane Health", "olhealth"));
    assert!(!matches_domain("Oyster Lane Health", "olhea"));
}

#[test]
fn the_document_a_signing_service_sends_is_not_part_of_the_name() {
    assert_eq!(
        named(
            "DocuSign <dse@docusign.net>",
            "Please DocuSign: Vellmoor Health Offer Letter",
            "Vellmoor Health sent you a document to review and sign."
        )
        .as_deref(),
        Some("Vellmoor Health")
    );
}

#[test]
fn a_leading_trade_word_is_left_out_of_the_domain() {
    assert!(matches_domain("Banque Orsel", "orsel"));
    assert!(matches_domain("Assicurazioni Valtorre", "valtorre"));
    assert!(!matches_domain("Banque", "orsel"));
}

#[test]
fn a_profile_line_keeps_the_name_as_its_owner_writes_it() {
    let body = "Siobhan Keating\nSenior Consultant, Data & Analytics at Larkmoor Talent\nHi Hannah,\n\
                I'm recruiting an Analytics Engineer for a fintech client. Would you be open to a \
                call?";
    assert_eq!(
        named(
            "Siobhan Keating via LinkedIn <inmail-hit-reply@linkedin.com>",
            "Analytics Engineer opportunity",
            body
        )
        .as_deref(),
        Some("Larkmoor Talent")
    );
}

#[test]
fn a_person_and_their_bracketed_employer_through_a_signing_service() {
    let body = "Ulrike Brandtner (Mühlbach Logistik GmbH) bittet Sie, „Arbeitsvertrag“ zu prüfen \
                und zu unterschreiben.\nNachricht von Ulrike Brandtner: Willkommen!";
    assert_eq!(
        named(
            "Ulrike Brandtner über Adobe Acrobat Sign <adobesign@adobesign.com>",
            "Unterschrift angefordert: Arbeitsvertrag",
            body
        )
        .as_deref(),
        Some("Mühlbach Logistik")
    );
    // The sender's name folds with its letters ("Wiśniewska" is `wisniewska`).
    let body = "Anna Wiśniewska sent you a document to review and sign.\nAnna Wiśniewska\n\
                anna.wisniewska@vellmoorhealth.com\nWelcome to Vellmoor Health!";
    assert_eq!(
        named(
            "Anna Wiśniewska via DocuSign <dse@docusign.net>",
            "Please DocuSign: Vellmoor Health - Employment Agreement",
            body
        )
        .as_deref(),
        Some("Vellmoor Health")
    );
}

#[test]
fn a_job_sites_status_line_names_the_employer_and_a_title_is_no_company() {
    let body = "Hola Mateo,\nLa empresa Soldavia Telecom ha actualizado el estado de tu \
                candidatura.\nNuevo estado: Descartado";
    assert_eq!(
        named(
            "Tecnoempleo <noreply@tecnoempleo.com>",
            "Actualización de tu candidatura",
            body
        )
        .as_deref(),
        Some("Soldavia Telecom")
    );
    assert_eq!(
        named(
            "Banque Orvel – Ressources humaines <recrutement@orvel.fr>",
            "Analyste BI – votre proposition",
            "Bonjour Hannah,\nNous sommes heureux de vous proposer le poste."
        )
        .as_deref(),
        Some("Banque Orvel")
    );
}

#[test]
fn a_brand_its_group_hires_for_is_the_employer() {
    let body = "Hi Hannah,\nI lead data recruiting at Seaholm Retail Group, and I'm hiring for \
                our homeware brand Juniper & Elm. Would you be open to a chat?\n\nBethany\n\
                Talent Partner – Seaholm Retail Group";
    assert_eq!(
        named(
            "Bethany Strand <bethany.strand@seaholmretail.co.uk>",
            "Analytics Engineer – Juniper & Elm",
            body
        )
        .as_deref(),
        Some("Juniper & Elm")
    );
    let body = "Thank you for applying for Site Reliability Engineer with Almenara Pay, a Grupo \
                Almenara company.";
    assert_eq!(
        named(
            "Grupo Almenara <almenara@myworkday.com>",
            "Application received",
            body
        )
        .as_deref(),
        Some("Almenara Pay")
    );
}

#[test]
fn a_name_that_starts_like_a_service_is_still_the_employer() {
    let body = "Hey Jordan,\nYour application for Pipeline Developer just landed in our inbox — thank you!\nQuick heads-up.\nWarmly,\nThe Willowmere crew\nYou got this email because you applied for a job at Willowmere Studios. Powered by Teamtailor.";
    assert_eq!(
        named(
            "Willowmere Studios <noreply@teamtailor.com>",
            "We've got it! 🎬",
            body
        )
        .as_deref(),
        Some("Willowmere Studios")
    );
}

#[test]
fn a_name_beside_a_title_in_the_signature_is_the_employer() {
    let body = "Hi Tomasz,\nThanks for applying to the Software Engineer in Test position.\n\n\
                Best,\nDervla Brennock\nPeople & Talent, Quillmoth Labs\nhttps://qmth.dev";
    assert_eq!(
        named(
            "Hiring Team <no-reply@ashbyhq.com>",
            "Thanks for your application!",
            body
        )
        .as_deref(),
        Some("Quillmoth Labs")
    );
    // A field of work after the title is no employer.
    let body = "Hi Noor,\nThey want you on the team!\n\nRhys\nRhys Calloway\n\
                Principal Consultant - Data & Analytics\nPlumtree Talent | +44 20 7946 0321";
    assert_ne!(
        named(
            "Rhys Calloway <rhys.calloway@plumtreetalent.co.uk>",
            "Great news",
            body
        )
        .as_deref(),
        Some("Data & Analytics")
    );
    // An agency's initials before a trade word in its domain.
    let body = "Hi Tomasz,\nBefore I can introduce you to the client, I need your CV.\n\n\
                Thanks,\nAleksandra\n\nAleksandra Rutkowska\nSenior Consultant | Baltic Search Group";
    assert_eq!(
        named(
            "Aleksandra Rutkowska <a.rutkowska@bsg-recruit.pl>",
            "RE: SRE opportunity",
            body
        )
        .as_deref(),
        Some("Baltic Search Group")
    );
    // The whole domain keeps an agency's trade word.
    let body = "Hi Tomasz,\nI've had feedback from my client: they went with an internal \
                candidate.\n\nBest,\nDominic Ashworth\nPrincipal Consultant, Platform & \
                Reliability\nCrossgate Talent";
    assert_eq!(
        named(
            "Dominic Ashworth <dominic.ashworth@crossgate-talent.com>",
            "Feedback",
            body
        )
        .as_deref(),
        Some("Crossgate Talent")
    );
}

#[test]
fn job_site_fields_signing_senders_and_brands_name_the_employer() {
    let body = "Hello Tomasz,\nyour application has been successfully sent to the employer.\n\n\
                Position: Test Automation Engineer\nEmployer: Vistulana Logistics Sp. z o.o.\n\
                The Pracuj.pl team";
    assert_eq!(
        named(
            "Pracuj.pl <noreply@pracuj.pl>",
            "Your application has been sent",
            body
        )
        .as_deref(),
        Some("Vistulana Logistics")
    );
    let body = "Imogen Rafferty (imogen.rafferty@kettlebyhealth.co.uk) from Kettleby Health has \
                requested your signature on:\n\nContract of Employment";
    assert_eq!(
        named(
            "Dropbox Sign <noreply@mail.hellosign.com>",
            "Imogen Rafferty has requested your signature on \"Contract of Employment\"",
            body
        )
        .as_deref(),
        Some("Kettleby Health")
    );
    let body = "Hi Tomasz,\nI'm a tech recruiter at Nordkamm Gruppe, and I'm hiring for Rydo, our \
                ride-pooling brand in Berlin.\n\nSvenja Kröger\nTalent Acquisition · Nordkamm Gruppe";
    assert_eq!(
        named(
            "Svenja Kröger <svenja.kroeger@nordkamm.de>",
            "Observability Engineer at Rydo",
            body
        )
        .as_deref(),
        Some("Rydo")
    );
}

#[test]
fn a_team_signing_is_no_person_and_a_job_sites_card_names_the_employer() {
    let body = "Hi Hannah,\n\nThank you for applying for the BI Developer position at Granite-Harbour Logistics and for completing the coding test.\n\nWe'd love to keep in touch: https://careers.graniteharbour.eu/connect\n\nBest regards,\nGranite-Harbour Logistics\nPeople Team\n";
    assert_eq!(
        named(
            "Granite-Harbour Logistics <no-reply@teamtailor-mail.com>",
            "Update regarding BI Developer",
            body
        )
        .as_deref(),
        Some("Granite-Harbour Logistics")
    );
    let body = "Your application has been submitted\n\nJunior Analytics Engineer\nLúnasa Foods - Naas, County Kildare\n\nThe employer will be notified of your application.";
    assert_eq!(
        named(
            "Indeed Apply <indeedapply@indeed.com>",
            "Application submitted: Junior Analytics Engineer",
            body
        )
        .as_deref(),
        Some("Lúnasa Foods")
    );
}

#[test]
fn domains_that_abbreviate_a_name_match_it() {
    assert!(matches_domain("Carrilet Digital", "cdgtl"));
    assert!(matches_domain("Brightkey Insurance", "bkinsure"));
    assert!(matches_domain(
        "Carrasco-Ibáñez Consultores",
        "ciconsultores"
    ));
    assert!(!matches_domain("Carrilet Digital", "cdx"));
    assert!(!matches_domain("Northwind Analytics", "nanalyticsx"));
    assert!(!matches_domain("Digital Carrilet", "cdgtl"));
}

#[test]
fn a_signature_title_line_outweighs_a_domain_spelled_out() {
    let body = "Hi Hannah,\nI'm sorry to say we won't be taking things further for the Analytics \
                Engineer role.\n\nAll the best,\nLena\n\nLena Okonkwo\nHead of Data, Blackthorn Mobility";
    assert_eq!(
        named(
            "Lena Okonkwo <lena@ridethorn.com>",
            "Re: Something real to dig into",
            body
        )
        .as_deref(),
        Some("Blackthorn Mobility")
    );
    // An agency keeps its trade word.
    let body = "Hi Mateo,\nmy client would like to move you forward.\n\nFergus\n\n\
                Fergus Tamblyn | Senior Consultant, Tech | Stormpetrel Recruitment";
    assert_eq!(
        named(
            "Fergus Tamblyn <fergus.tamblyn@spr-search.com>",
            "RE: Senior Engineer",
            body
        )
        .as_deref(),
        Some("Stormpetrel Recruitment")
    );
}

#[test]
fn the_candidates_own_name_and_current_employer_are_not_the_employer() {
    let body = "Hi Inès,\nCould you confirm the length of your notice period at Cobaltix Motion? \
                I'll pass it on to HR.\n\nBest,\nPriyanka";
    assert_ne!(
        named(
            "Priyanka Desai <priyanka.desai@orvelinesurgical.com>",
            "Re: Revised offer – Firmware Engineer",
            body
        )
        .as_deref(),
        Some("Cobaltix Motion")
    );
    assert_ne!(
        named(
            "Daniel Okonjo <daniel.okonjo@orvelinesurgical.com>",
            "Invitation: Virtual onsite – Firmware Engineer, Surgical Robotics (Inès Dumont)",
            "Daniel Okonjo has invited you to an event."
        )
        .as_deref(),
        Some("Inès Dumont")
    );
    // A subsidiary's country, and a group sending for its company.
    assert_eq!(
        clean("Kestrel Dynamics France SAS").as_deref(),
        Some("Kestrel Dynamics")
    );
    assert_eq!(clean("Air France").as_deref(), Some("Air France"));
    // A survey's or an assessment's mailbox, named for the employer.
    assert_eq!(
        clean("Bank Lindenhof Candidate Experience").as_deref(),
        Some("Bank Lindenhof")
    );
    assert_eq!(
        clean("Mainufer Bank Assessment").as_deref(),
        Some("Mainufer Bank")
    );
    let body = "Dear Inès,\nTo continue with your application for Embedded Software Engineer at \
                Altamire Mobility, please complete the questionnaire.\n\nTalent Acquisition\n\
                Altamire Group";
    assert_eq!(
        named(
            "Altamire Group <altamire@myworkday.com>",
            "Action Required",
            body
        )
        .as_deref(),
        Some("Altamire Mobility")
    );
}

#[test]
fn a_trade_word_abbreviated_in_the_domain_and_a_day_after_a_name() {
    assert!(matches_domain("Banque Mistral", "bmistral"));
    assert_eq!(
        clean("Kestrel & Finch Thursday").as_deref(),
        Some("Kestrel & Finch")
    );
}

#[test]
fn a_company_part_of_a_group_a_street_and_an_evaluation() {
    let body = "Dear Sofia,\nThank you for applying to the Senior Frontend Engineer position with \
                Tessaract Group. Mobiliq is part of the Tessaract Group family of companies.\n\n\
                Talent Acquisition\nTessaract Group N.V.";
    assert_eq!(
        named(
            "Tessaract Group Careers <tessaract@myworkday.com>",
            "Application received",
            body
        )
        .as_deref(),
        Some("Mobiliq")
    );
    assert_eq!(clean("Rue de la Loi"), None);
    let body = "Hi Sofia,\nThis is a reminder that your Greywater Labs evaluation for the Senior \
                Frontend Engineer role closes in 48 hours.\nFormat: General Coding Framework";
    assert_eq!(
        named("CodeSignal <noreply@codesignal.com>", "Reminder", body).as_deref(),
        Some("Greywater Labs")
    );
}

#[test]
fn the_candidate_quoted_in_a_reply_is_no_employer() {
    // Her own name heads the subject and her quoted mail; the employer is the domain.
    let body = "Thanks Ana-Sofia, got it.\n\nMarek\n\n\
                On Tue, 3 Feb 2026 at 10:02, Ana-Sofia Reyes <ana.reyes@example.com> wrote:\n\
                > Hi Marek,\n> my portfolio is attached.\n> Ana-Sofia";
    assert_eq!(
        named(
            "Marek Nowak <marek@quillhaven.com>",
            "Re: Designer application - Ana-Sofia Reyes",
            body
        )
        .as_deref(),
        Some("Quillhaven")
    );
}

#[test]
fn a_signing_envelope_names_the_employer_not_its_sender() {
    for subject in [
        "Please DocuSign: Larkspur_Employment_Agreement_Reyes",
        "Please DocuSign: Larkspur - Employment Agreement",
    ] {
        assert_eq!(
            named(
                "Petra Hale via Docusign <dse@eumail.docusign.net>",
                subject,
                "Petra Hale sent you a document to review and sign."
            )
            .as_deref(),
            Some("Larkspur"),
            "{subject}"
        );
    }
}

#[test]
fn an_assessment_is_named_for_its_employer() {
    assert_eq!(
        named(
            "Codility <no-reply@codility.com>",
            "Reminder: your Tamsin Games test expires tomorrow",
            "Hello, you have 24 hours left to finish the task."
        )
        .as_deref(),
        Some("Tamsin Games")
    );
}

#[test]
fn team_words_of_more_languages_are_not_the_name() {
    for (from, subject) in [
        (
            "Sarvik Rekrytointi <rekry@sarvik.fi>",
            "Hakemuksesi on vastaanotettu",
        ),
        (
            "Zespół Rekrutacji Mokrzan <rekrutacja@mokrzan.pl>",
            "Potwierdzenie otrzymania aplikacji",
        ),
        (
            "Kalvik Personnel <personal@kalvik.ee>",
            "Application received",
        ),
        (
            "Tarnby Onboarding <tarnby@myworkday.com>",
            "Action required: upload your passport",
        ),
    ] {
        let name = named(from, subject, "Hello,\nthank you.").unwrap_or_default();
        assert!(
            ["Sarvik", "Mokrzan", "Kalvik", "Tarnby"].contains(&name.as_str()),
            "{from}: {name}"
        );
    }
}

#[test]
fn an_agency_names_its_client() {
    // The client is mentioned again and again; the person giving feedback once.
    let body = "Hi Sam,\n\nGreat feedback from Greta - she enjoyed the call.\n\n\
                Before the final, Pellory ask everyone for a short exercise. Pellory \
                will send it over today; send it back to me and I'll pass it on.\n\nJo";
    assert_eq!(
        named(
            "Jo Marsh <jo@fenwicktalent.co.uk>",
            "Pellory - one more step",
            body
        )
        .as_deref(),
        Some("Pellory")
    );
    // A recruiting firm's domain says what it is; the role is "bij" the client.
    assert_eq!(
        named(
            "Bram Aerts <bram@hvk-recruit.be>",
            "Backend Developer bij Ostervaart Verzekeringen",
            "Dag Sam,\n\nIk zoek een backend developer voor een klant.\n\nBram\nHVK Recruit"
        )
        .as_deref(),
        Some("Ostervaart Verzekeringen")
    );
    // Its client written with its legal suffix, in German.
    assert_eq!(
        named(
            "Karin Lutz <k.lutz@lutz-weber.de>",
            "Vertrauliche Anfrage: Data Engineer (m/w/d)",
            "Guten Tag,\n\nich unterstütze derzeit die Nordmoor Energie AG bei der Besetzung \
             einer neuen Stelle.\n\nKarin Lutz\nPartnerin, Lutz & Weber Personalberatung"
        )
        .as_deref(),
        Some("Nordmoor Energie")
    );
}

#[test]
fn is_looking_for_in_nordic_baltic_and_polish() {
    for subject in [
        "Varvik Data söker en backend-utvecklare",
        "Varvik Data etsii backend-kehittäjää",
        "Varvik Data otsib backend-arendajat",
        "Varvik Data szuka programisty",
    ] {
        assert_eq!(
            named("Liv Berg <liv@mailhost.example>", subject, "Hei!").as_deref(),
            Some("Varvik Data"),
            "{subject}"
        );
    }
}

#[test]
fn a_bracket_after_a_role_names_the_candidate_unless_it_is_a_group() {
    assert_eq!(
        named(
            "Claire Roux <claire@marceau-conseil.fr>",
            "Opportunité – Directeur Logistique (Groupe Ardenval)",
            "Bonjour,\n\nje vous contacte pour un poste chez notre client.\n\nClaire"
        )
        .as_deref(),
        Some("Groupe Ardenval")
    );
}

#[test]
fn an_in_house_hr_head_and_a_careers_site_are_no_agency() {
    // "Leiterin Personal" heads the employer's own HR; "Wir" opens a German sentence.
    let body = "Sehr geehrte Frau Brouwer,\n\nwir möchten Sie gerne kennenlernen. Wir freuen uns \
                auf Sie.\n\nMit freundlichen Grüßen\n\nKatrin Hoff\nLeiterin Personal\n\
                Rennert & Lauf Verpackungen GmbH";
    assert_eq!(
        named(
            "Katrin Hoff <k.hoff@rennert-lauf.de>",
            "Einladung zum Vorstellungsgespräch",
            body
        )
        .as_deref(),
        Some("Rennert & Lauf Verpackungen")
    );
    // A careers site's name around the employer's.
    assert_eq!(
        clean("Werken bij Stoelhof Wonen").as_deref(),
        Some("Stoelhof Wonen")
    );
    assert_eq!(
        clean("Stoelhof Wonen Werken bij").as_deref(),
        Some("Stoelhof Wonen")
    );
}

#[test]
fn an_opportunity_with_a_client() {
    assert_eq!(
        named(
            "Gábor Tóth <gabor@hrpartner.example>",
            "Product Manager opportunity with Tisza Pay – Budapest",
            "Hi Sam,\n\nwould you be open to a chat?\n\nGábor"
        )
        .as_deref(),
        Some("Tisza Pay")
    );
}

#[test]
fn the_person_greeted_by_name_alone_or_by_surname_is_no_employer() {
    // The subject ends with her name; the text greets her by first name alone.
    assert_eq!(
        named(
            "Erik Bakker <e.bakker@koudhaven.example>",
            "Re: Application Site Manager – Femke Brouwer",
            "Femke,\n\nWe're delighted to welcome you to the team!\n\nErik"
        )
        .as_deref(),
        Some("Koudhaven")
    );
    // Greeted formally by her surname.
    assert_eq!(
        named(
            "Katrin Hoff <k.hoff@koudhaven.example>",
            "Bewerbung – Femke Brouwer",
            "Sehr geehrte Frau Brouwer,\n\nvielen Dank für Ihre Bewerbung.\n\nKatrin Hoff"
        )
        .as_deref(),
        Some("Koudhaven")
    );
}

#[test]
fn greek_names_match_their_latin_domains_and_job_sites_label_the_employer() {
    assert_eq!(
        named(
            "Πορτοκαλιά Villas <info@portokaliavillas.gr>",
            "Η αίτησή σας",
            "Σας ευχαριστούμε για την αίτησή σας στα Πορτοκαλιά Villas.\n\nΗ ομάδα"
        )
        .as_deref(),
        Some("Πορτοκαλιά Villas")
    );
    assert_eq!(
        named(
            "MojPosao <noreply@moj-posao.net>",
            "Vaša prijava je uspješno poslana",
            "Vaša prijava je poslana.\n\nPoslodavac: Brodogradnja Lučica d.o.o.\nMjesto rada: Rijeka"
        )
        .as_deref(),
        Some("Brodogradnja Lučica")
    );
}

#[test]
fn a_hotel_named_for_its_city_belongs_to_the_group_the_domain_spells() {
    assert_eq!(
        named(
            "Fiona Reid <fiona@saltmarshhotels.co.uk>",
            "Next step",
            "Hi Sam,\nThanks for applying for the Front Office Manager role at Saltmarsh Glasgow.\n\nFiona\nGeneral Manager, Saltmarsh Glasgow\nSaltmarsh Hotels | 2 Quay Road"
        )
        .as_deref(),
        Some("Saltmarsh Hotels")
    );
}

#[test]
fn an_employer_over_a_title_or_under_a_closing_is_no_person_when_the_text_applies_to_it() {
    assert_eq!(
        named(
            "LinkedIn <jobs-noreply@linkedin.com>",
            "Sam, your application was sent to Corvina Travel",
            "Your application was sent to Corvina Travel\n\nCorvina Travel\nMarketing Manager, Iberia\nPorto, Portugal\n\nView job"
        )
        .as_deref(),
        Some("Corvina Travel")
    );
    assert_eq!(
        named(
            "LinkedIn <jobs-noreply@linkedin.com>",
            "Your application to Buyer at Telaro Textiles",
            "Thank you for your interest in the Buyer position at Telaro Textiles. Unfortunately, we will not be moving forward.\n\nRegards,\nTelaro Textiles"
        )
        .as_deref(),
        Some("Telaro Textiles")
    );
    assert_eq!(
        named(
            "StepStone <noreply@stepstone.de>",
            "Ihre Bewerbung wurde erfolgreich versendet: Leiter Einkauf (m/w/d)",
            "Hallo Sam,\n\nIhre Bewerbung wurde erfolgreich an Kessel & Sohn Armaturen GmbH versendet."
        )
        .as_deref(),
        Some("Kessel & Sohn Armaturen")
    );
    assert_eq!(
        named(
            "publicjobs <noreply@publicjobs.ie>",
            "Application Received - Data Analyst, Rivers Data Authority - RDA123",
            "Thank you for your application."
        )
        .as_deref(),
        Some("Rivers Data Authority")
    );
}

#[test]
fn a_department_after_a_dash_and_hungarian_and_estonian_legal_forms_are_no_part_of_a_name() {
    assert_eq!(
        named(
            "Talbau Holz – Personalverrechnung <personal@talbau.example>",
            "Unterlagen für Ihren Eintritt",
            "Sehr geehrte Frau Berg,\n\nbitte senden Sie uns die Unterlagen.\n\nTalbau Holz – Personalverrechnung"
        )
        .as_deref(),
        Some("Talbau Holz")
    );
    assert_eq!(
        named(
            "Kovács Eszter <eszter@pengofin.hu>",
            "Interjú",
            "Kedves Sam,\n\nszeretnénk meghívni interjúra.\n\nKovács Eszter\nHR vezető, Pengofin Zrt."
        )
        .as_deref(),
        Some("Pengofin")
    );
}

#[test]
fn home_is_part_of_a_name_a_team_before_it_is_not_and_more_relays_are_known() {
    assert_eq!(
        named(
            "Harbour Home <no-reply@mail.teamtailor.com>",
            "Thanks for applying to Harbour Home!",
            "Hi Sam,\n\nThank you for applying for the position Planner at Harbour Home."
        )
        .as_deref(),
        Some("Harbour Home")
    );
    assert_eq!(
        named(
            "Talent Acquisition Brightwell Pharmaceuticals via Docusign <dse@docusign.net>",
            "Please DocuSign: Offer Letter - Trial Manager",
            "Talent Acquisition Brightwell Pharmaceuticals sent you a document to review and sign."
        )
        .as_deref(),
        Some("Brightwell Pharmaceuticals")
    );
    assert_eq!(
        named(
            "Pitanga Alimentos | Gupy <naoresponda@gupy.io>",
            "Recebemos sua candidatura!",
            "Olá Rui, recebemos sua candidatura para a vaga de Analista."
        )
        .as_deref(),
        Some("Pitanga Alimentos")
    );
    // A trade word that leads a name is not spelled by its domain.
    assert_eq!(
        named(
            "Paulo Reis <paulo.reis@altamar.pt>",
            "Processo de recrutamento",
            "Caro Rui,\n\nobrigado pelo seu tempo.\n\nPaulo Reis\nDiretor de Operações\nCerâmica Alta-Mar, Lda."
        )
        .as_deref(),
        Some("Cerâmica Alta-Mar")
    );
}

#[test]
fn an_agency_known_as_one_keeps_talent_in_its_name_an_in_house_team_does_not() {
    assert_eq!(
        named(
            "Rui Dias <rui.dias@serrano.pt>",
            "Inventory Planner – confidential retail client",
            "Hi Sam,\n\nI'm working exclusively with a retailer on an Inventory Planner position and can't name the client yet.\n\nRui Dias\nSenior Consultant\nSerrano Talent"
        )
        .as_deref(),
        Some("Serrano Talent")
    );
    assert_eq!(
        named(
            "Quillon Travel Talent <talent@quillon.travel>",
            "Reminder: your exercise closes tomorrow",
            "Hi Sam,\n\nthe link to the Quillon Travel exercise closes tomorrow.\n\nQuillon Travel"
        )
        .as_deref(),
        Some("Quillon Travel")
    );
}

#[test]
fn a_name_mostly_written_short_is_named_as_written_in_full() {
    assert_eq!(
        named(
            "Ida Holm <ida@fjordsearch.dk>",
            "Great news from Brightmoor!",
            "Hi Sam,\n\nBrightmoor Health Research have just called me: they want to offer you the role! The paperwork will come from Brightmoor's HR.\n\nIda Holm\nSenior Consultant\nFjord Search ApS"
        )
        .as_deref(),
        Some("Brightmoor Health Research")
    );
    // A title, a team or a region after the name is no part of it.
    assert_eq!(
        named(
            "Ocelot Bank <jobs@ocelotbank.com>",
            "Thanks for applying to Ocelot Bank",
            "Hi Sam,\n\nThanks for applying to Ocelot Bank. Track it on the Ocelot Bank Careers Site. Ocelot Bank Europe is hiring."
        )
        .as_deref(),
        Some("Ocelot Bank")
    );
}

#[test]
fn an_agency_naming_its_client_in_the_subject_is_not_the_employer_whatever_its_domain() {
    assert_eq!(
        named(
            "Jan Vogt <j.vogt@rm-bioscience.de>",
            "Senior CRA (m/w/d) - remote - Lindqvist Pharma",
            "Dear Sam,\n\nI am a consultant at Mainfeld Bioscience Partners. I am currently supporting Lindqvist Pharma GmbH in their search for a Senior CRA.\n\nKind regards\nJan Vogt\nSenior Consultant\nMainfeld Bioscience Partners GmbH, Frankfurt"
        )
        .as_deref(),
        Some("Lindqvist Pharma")
    );
    // Commissioned by the employer, in Norwegian.
    assert_eq!(
        named(
            "Siri Dahl <siri.dahl@vestrekruttering.no>",
            "Prosjektleder – Bergen Kliniske Studier",
            "Hei Sam!\n\nVi har fått i oppdrag av Bergen Kliniske Studier AS å finne en prosjektleder.\n\nMed vennlig hilsen\nSiri Dahl\nSeniorrådgiver, Vest Rekruttering AS"
        )
        .as_deref(),
        Some("Bergen Kliniske Studier")
    );
}

#[test]
fn agencies_partnering_with_a_client_and_a_legal_names_trade_are_read() {
    // "Elkhorn's hiring manager": the client the subject heads with, named short.
    assert_eq!(
        named(
            "Jo Mbeki <jo@northtalent.ca>",
            "Larchmont Networks - a couple of quick questions",
            "Hi Sam,\n\nLarchmont's hiring manager was really happy with Tuesday. Could you send your salary expectations?\n\nJo Mbeki\nPrincipal Consultant | North Talent Partners"
        )
        .as_deref(),
        Some("Larchmont Networks")
    );
    assert_eq!(
        named(
            "Fay Amoah <fay@ivyandoak.com>",
            "Pre-Sales Consultant opportunity with Quillbrook Software",
            "Hello Sam,\n\nI'm a recruiter with Ivy & Oak, a specialist search firm. I'm partnering with Quillbrook Software on a Pre-Sales Consultant hire.\n\nFay Amoah\nSenior Recruiter | Ivy & Oak"
        )
        .as_deref(),
        Some("Quillbrook Software")
    );
    // A legal name's trade, when the text calls the firm without it.
    assert_eq!(
        named(
            "Noor Ali <noor.ali@tallowpoint.com>",
            "Next step",
            "Hi Sam,\n\nthanks for your time with the Tallow Point team.\n\nNoor Ali\nRecruiting Coordinator\nTallow Point Technologies Inc. | Boston, MA"
        )
        .as_deref(),
        Some("Tallow Point")
    );
    // A group, the same way.
    assert_eq!(
        named(
            "Ashby <no-reply@ashbyhq.com>",
            "Tallowmere Industrial - Quality Engineer",
            "Hi Sam,\n\nthanks for applying to Tallowmere Industrial. Tallowmere Industrial will review it soon.\n\nTallowmere Industrial Group"
        )
        .as_deref(),
        Some("Tallowmere Industrial")
    );
    // But not when the text always writes it in full.
    assert_eq!(
        named(
            "Bluefin Travel Technologies via Vervoe <no-reply@vervoe.com>",
            "Bluefin Travel Technologies invited you to a skills assessment",
            "Bluefin Travel Technologies has invited you to complete a skills assessment."
        )
        .as_deref(),
        Some("Bluefin Travel Technologies")
    );
    assert_eq!(
        named(
            "Mutuelle Verdier – Carrières <carrieres@mutuelleverdier.ca>",
            "Suite à votre candidature",
            "Bonjour Sam,\n\nmerci de votre intérêt."
        )
        .as_deref(),
        Some("Mutuelle Verdier")
    );
}

#[test]
fn a_name_ends_before_a_joining_word_into_the_text_or_a_dates_number() {
    assert_eq!(
        named(
            "Personalabteilung <bewerbung@kesslerantrieb.example>",
            "Ihre Bewerbung",
            "Sehr geehrter Herr Meier,\n\nvielen Dank für Ihr Interesse an der Kessler Antriebstechnik und Ihre Bewerbung als Konstrukteur."
        )
        .as_deref(),
        Some("Kessler Antriebstechnik")
    );
    assert_eq!(
        named(
            "Ressources humaines <rh@precimat.ch>",
            "Votre entrée en fonction",
            "Bonjour,\n\nNous vous attendons chez Précimat le 1er mars. Merci de nous transmettre vos documents."
        )
        .as_deref(),
        Some("Précimat")
    );
}

#[test]
fn an_agency_working_exclusively_with_a_client_names_the_client() {
    assert_eq!(
        named(
            "Jo Vance <jo@vancesearch.com>",
            "Senior Process Engineer - Moulding, Basel (Keldan Medical Devices)",
            "Dear Sam,\n\nI'm working exclusively with Keldan Medical Devices on a Senior Process Engineer hire for their Basel site.\n\nKind regards,\nJo Vance\nPartner\nVance & Hartley Executive Search"
        )
        .as_deref(),
        Some("Keldan Medical Devices")
    );
}

#[test]
fn a_name_the_domain_begins_and_people_ops_are_read() {
    // "solvento-energia.es" spells no name the text writes, but begins one.
    assert_eq!(
        named(
            "Marta Gil <marta.gil@solvento-energia.es>",
            "Documentación para tu alta",
            "Hola Ana:\n\npara completar tu alta en Solvento Renovables necesitamos tu DNI.\n\nUn saludo,\nMarta"
        )
        .as_deref(),
        Some("Solvento Renovables")
    );
    assert_eq!(
        named(
            "Lumenvale People Ops <people@lumenvale.io>",
            "Two quick forms before you start",
            "Hi Ana,\n\nplease fill in two forms."
        )
        .as_deref(),
        Some("Lumenvale")
    );
}

#[test]
fn an_in_house_recruiter_passing_the_person_on_is_no_agency() {
    assert_eq!(
        named(
            "Lena Albrecht <lena.albrecht@hafenkran.de>",
            "Two quick questions before your next round",
            "Dear Ola,\n\nBefore I put you forward to Jan for the Senior Data Engineer interview, I need your notice period.\n\nKind regards\nLena Albrecht\nTalent Acquisition, Hafenkran Logistik GmbH\n",
        )
        .as_deref(),
        Some("Hafenkran Logistik")
    );
    // An agency consultant says the same of its client.
    assert_eq!(
        named(
            "Natalia W <natalia@talentowo.pl>",
            "Propozycja: Data Engineer",
            "Cześć Ola,\n\nRekrutuję dla firmy Mostek Logistics – to polski operator logistyczny.\n\nPozdrawiam\nNatalia\nIT Recruitment Consultant, Talentowo\n",
        )
        .as_deref(),
        Some("Mostek Logistics")
    );
    // A site that signs with its web address relays for the employer it names.
    assert_eq!(
        named(
            "Etatownia.pl <powiadomienia@etatownia.pl>",
            "Informacja o Twojej aplikacji",
            "Cześć Ola,\n\npracodawca Mostek Logistics sp. z o.o. zakończył przegląd zgłoszeń.\n\nEtatownia.pl – wiadomość automatyczna.\n",
        )
        .as_deref(),
        Some("Mostek Logistics")
    );
}

#[test]
fn a_public_bodys_long_name_and_a_sectors_shared_mail_service() {
    // NHSmail names no one employer; the line under the writer's title does.
    assert_eq!(
        named(
            "Calder & Aire Recruitment <calderaire.recruitment@nhs.net>",
            "Conditional offer of employment",
            "Dear Orla\n\nThe panel would like to appoint you.\n\nKind regards\n\nLeanne Moorhouse\nRecruitment Officer\nCalder & Aire Teaching Hospitals NHS Trust\n",
        )
        .as_deref(),
        Some("Calder & Aire Teaching Hospitals NHS Trust")
    );
    assert_eq!(
        named(
            "NHS Jobs <no-reply@jobs.nhs.uk>",
            "You have been invited to an interview",
            "Dear Orla,\n\nTyne Vale Hospitals NHS Foundation Trust has shortlisted you for the following job.\n",
        )
        .as_deref(),
        Some("Tyne Vale Hospitals NHS Foundation Trust")
    );
}

#[test]
fn an_agency_writing_for_itself_signs_in_the_history_or_with_a_trade_its_domain_omits() {
    // Its name only in the quoted first approach, the subject giving a place.
    assert_eq!(
        named(
            "Wiremu Hale <wiremu@totararecruitment.co.nz>",
            "Re: Site Manager – Wellington – residential",
            "Kia ora Ana,\n\nJust bumping this up. My client would love a chat.\n\nWiremu\n\n\
             On Tue, 8 Sep 2026, Wiremu Hale wrote:\n> Kia ora Ana,\n> I'm working with a \
             well-known builder on a Site Manager role.\n>\n> Wiremu Hale\n> Consultant | \
             Totara Recruitment"
        )
        .as_deref(),
        Some("Totara Recruitment")
    );
    // "Gannet Marine Recruitment" at gannet-recruitment.co.uk.
    assert_eq!(
        named(
            "Ruth Bell <ruth.bell@gannet-recruitment.co.uk>",
            "Senior Naval Architect – feedback",
            "Hi Ana,\n\nThanks for letting me put you forward to my client. Unfortunately \
             they will not take your application further.\n\nKind regards,\nRuth\n\n\
             Ruth Bell | Principal Consultant\nGannet Marine Recruitment"
        )
        .as_deref(),
        Some("Gannet Marine Recruitment")
    );
}

#[test]
fn after_a_title_the_subject_names_the_client_and_then_where_the_job_is() {
    // An agency whose domain says its trade ("…talent", "…search") heads its subject
    // with the client, then the town.
    assert_eq!(
        named(
            "Cian Ward <cian@brennanstalent.ie>",
            "Payroll Manager - Lough Derg Foods, Nenagh",
            "Hi Ana,\n\nOne of my clients, Lough Derg Foods, is hiring a Payroll Manager. \
             Would you like to hear more?\n\nCian"
        )
        .as_deref(),
        Some("Lough Derg Foods")
    );
    // A bracket after the client is where the job is, not the employer.
    assert_eq!(
        named(
            "Joke Maes <joke@kempenwerving.be>",
            "Plant Controller – Brouwerij Dijlevallei (Mechelen)",
            "Dag Ana,\n\nBrouwerij Dijlevallei zoekt een Plant Controller.\n\nJoke"
        )
        .as_deref(),
        Some("Brouwerij Dijlevallei")
    );
    // A client agencies tell apart by the domain's trade: "Lumora want you".
    assert_eq!(
        named(
            "Nell Price <nell.price@ashgrovesearch.co.uk>",
            "Quillon!!",
            "Hi Ana,\n\nQuillon want you as their Finance Lead! Call me when you can.\n\nNell"
        )
        .as_deref(),
        Some("Quillon")
    );
}

#[test]
fn a_signing_services_sender_and_a_relays_bracket_are_people_with_employers() {
    // The person a signing service sends for, with their address under their name.
    assert_eq!(
        named(
            "Liesbeth Vos via DocuSign <dse_na2@docusign.net>",
            "Please DocuSign: Employment Agreement – A. Meyer – Buyer",
            "Liesbeth Vos sent you a document to review and sign.\n\nLiesbeth Vos\n\
             liesbeth@kaaskamer.nl\n\nHi Ana, here is your agreement with Kaaskamer B.V. for \
             the Buyer position."
        )
        .as_deref(),
        Some("Kaaskamer")
    );
    // The initial and the surname spell the address too.
    assert_eq!(
        named(
            "Petros Alexiou via DocuSign <dse@eumail.docusign.net>",
            "Please DocuSign: Employment Agreement – Night Auditor",
            "Petros Alexiou sent you a document to review and sign.\n\nPetros Alexiou\n\
             p.alexiou@thalassahotels.gr\n\nDear Ana,\nPlease find your agreement for the \
             Night Auditor role at Thalassa Hotels."
        )
        .as_deref(),
        Some("Thalassa Hotels")
    );
    // "Noor Patel (Wrenfield)" as an applicant-tracking system's sender.
    assert_eq!(
        named(
            "Noor Patel (Wrenfield) <no-reply@hire.lever.co>",
            "Your final-round assignment",
            "Hi Ana,\n\nHere is the brief for the last stage.\n\nNoor"
        )
        .as_deref(),
        Some("Wrenfield")
    );
}

#[test]
fn an_employer_and_where_it_is_in_brackets_is_no_person() {
    assert_eq!(
        named(
            "Welcome to the Jungle <no-reply@welcometothejungle.com>",
            "Application sent: Buyer at Saltbox Pickles",
            "Nice one, Ana!\n\nYour application for Buyer at Saltbox Pickles (Leeds, UK) is on \
             its way.\n\nGood luck!"
        )
        .as_deref(),
        Some("Saltbox Pickles")
    );
}

#[test]
fn screening_onboarding_and_survey_services_name_the_employer_they_work_for() {
    assert_eq!(
        named(
            "HireRight <donotreply@hireright.com>",
            "Your background screening for Kelpfield is complete",
            "Hello,\nYour report is ready."
        )
        .as_deref(),
        Some("Kelpfield")
    );
    assert_eq!(
        named(
            "Starred <survey@starred.com>",
            "How was your interview experience with Tollgate Labs?",
            "Hello,\nTwo minutes of your time would help."
        )
        .as_deref(),
        Some("Tollgate Labs")
    );
}

#[test]
fn indias_job_sites_relay_and_its_legal_form_is_no_part_of_the_name() {
    assert_eq!(
        named(
            "Naukri <info@naukri.com>",
            "Application sent: Lead Analyst at Kaveri Softworks",
            "Your application for Lead Analyst at Kaveri Softworks has been sent."
        )
        .as_deref(),
        Some("Kaveri Softworks")
    );
    assert_eq!(
        named(
            "Meera Pillai <meera@kaverisoftworks.in>",
            "Documents required",
            "Hi Ana,\n\nPlease send your relieving letter.\n\nRegards,\nMeera Pillai\n\
             HR Manager | Kaveri Softworks Pvt. Ltd."
        )
        .as_deref(),
        Some("Kaveri Softworks")
    );
}

#[test]
fn a_time_or_a_titles_field_is_no_name() {
    // "Friday at 1pm": the phrase " at " runs into a time.
    assert_eq!(clean("1pm"), None);
    assert_eq!(clean("8:30am"), None);
    assert_eq!(clean("3M"), Some("3M".to_owned()));
    assert_eq!(
        clean("Talent Acquisition – Marlow Heath"),
        Some("Marlow Heath".to_owned())
    );
    // "Marketing Manager – Brand | Halden Hotels": the field after the title.
    assert_eq!(
        named(
            "Sara Lund <sara@lantern-recruitment.co.uk>",
            "Marketing Manager – Brand | Tarnway Hotels | Leeds",
            "Hi Ana,\n\nTarnway Hotels are hiring a Marketing Manager.\n\nSara"
        )
        .as_deref(),
        Some("Tarnway Hotels")
    );
}

#[test]
fn a_university_leaves_its_name_out_of_its_domain() {
    assert_eq!(
        named(
            "Joanne Clegg <j.clegg@tarn-valley.ac.uk>",
            "Invitation to selection day – Head of Communications",
            "Dear Ana,\n\nWe are pleased to invite you to a selection day.\n\nYours \
             sincerely,\nJoanne Clegg\nPeople Services\nUniversity of Tarn Valley"
        )
        .as_deref(),
        Some("University of Tarn Valley")
    );
}

#[test]
fn a_calendar_invitation_names_the_employer_beside_the_person_invited() {
    assert_eq!(
        named(
            "Clara Tan <calendar-notification@google.com>",
            "Invitation: Ana Silva <> Harrow Quay | Hiring Manager conversation @ Tue 10 Mar \
             2026 10:30am (SGT) (ana.silva@example.com)",
            "Clara Tan has invited you to this event\n\nAna Silva <> Harrow Quay | Hiring \
             Manager conversation\n\nGuests\nClara Tan - organiser\nWei Jie Lim\n\
             ana.silva@example.com\n\nHi Ana, this is your first-round conversation. - Clara"
        )
        .as_deref(),
        Some("Harrow Quay")
    );
}

#[test]
fn a_person_the_quoted_history_introduces_by_their_role_is_no_employer() {
    assert_eq!(
        named(
            "Niamh Doyle <niamh@studio-ww.com>",
            "Re: Head of Brand – first conversation",
            "Hi Ana,\n\nThanks for confirming. Before Thursday, Gabriela has asked whether you \
             could send a few examples of your work.\n\nNiamh\n\n\
             On 2 May 2026, Ana wrote:\n> Thursday works.\n>\n>> Would Thursday work for a \
             first conversation with Gabriela, our CEO?"
        )
        .as_deref(),
        Some("Studio Ww")
    );
}

#[test]
fn an_agency_signing_with_a_first_name_is_spelled_from_its_domain() {
    assert_eq!(
        named(
            "Marcus Goh <marcus@kingfishertalent.sg>",
            "Re: Lead Analyst - feedback",
            "Hi Ana,\n\nThe client has decided not to fill the role externally.\n\nCheers,\nMarcus"
        )
        .as_deref(),
        Some("Kingfisher Talent")
    );
}

#[test]
fn an_agency_heading_its_subject_with_the_client_short_is_about_the_client() {
    assert_eq!(
        named(
            "Nadia Kerr <nadia.kerr@harrowfinch.co.uk>",
            "Tarnside update",
            "Hi Ana,\n\nI've just come off the phone with Tarnside Outdoor and unfortunately \
             they have appointed internally.\n\nNadia\n\nNadia Kerr | Principal Consultant | \
             Harrow & Finch Recruitment"
        )
        .as_deref(),
        Some("Tarnside Outdoor")
    );
}

#[test]
fn a_job_sites_card_gives_the_employer_with_its_legal_form() {
    assert_eq!(
        named(
            "Naukri <noreply@naukri.com>",
            "Update on your application for Lead Analyst",
            "Hi Ana,\n\nThere's an update on one of your applications.\n\nLead Analyst - NLP\n\
             Kaveri Softworks Ltd.\nApplied on 27 Jan 2026\nNot shortlisted"
        )
        .as_deref(),
        Some("Kaveri Softworks")
    );
}

#[test]
fn a_signing_services_sender_writes_from_the_employers_address() {
    assert_eq!(
        named(
            "Marloes Timmer via DocuSign <dse_NA4@docusign.net>",
            "Please DocuSign: Arbeidsovereenkomst A. Silva – Planner",
            "Marloes Timmer sent you a document to review and sign.\n\nKadeveld Logistics \
             B.V.\n\nMarloes Timmer\nmarloes.timmer@kadeveld.nl\n\nDear Ana,\nPlease find \
             your employment contract."
        )
        .as_deref(),
        Some("Kadeveld Logistics")
    );
    assert_eq!(
        named(
            "Laura Weiß via Adobe Acrobat Sign <adobesign@adobesign.com>",
            "Ufergrund Bauprojekte GmbH requests your signature on Arbeitsvertrag_Silva",
            "Laura Weiß has sent you a document to sign.\n\nUfergrund Bauprojekte GmbH \
             (laura.weiss@ufergrund-bau.de) sent you this document."
        )
        .as_deref(),
        Some("Ufergrund Bauprojekte")
    );
    // A first name of letters beyond ASCII reads without fault.
    assert_eq!(
        named(
            "Østen Ålund via DocuSign <dse@docusign.net>",
            "Please DocuSign: Employment Agreement",
            "Østen Ålund sent you a document.\n\nØsten Ålund\nø.alund@fjordkant.no\n\nHi Ana, \
             here is your agreement with Fjordkant AS."
        )
        .as_deref(),
        Some("Fjordkant")
    );
}

#[test]
fn a_field_of_work_a_title_or_a_district_is_no_employer() {
    // An agency naming only the field, the client unnamed: the agency.
    assert_eq!(
        named(
            "Emma Stirling <emma.stirling@lochgreysearch.co.uk>",
            "Interim Financial Controller (6 months, remote) - Interim Finance",
            "Hi Ana,\n\nI'm hiring for an interim controller.\n\nEmma\n\nEmma Stirling | \
             Director | Lochgrey Search"
        )
        .as_deref(),
        Some("Lochgrey Search")
    );
    assert_eq!(clean("Senior PM"), None);
    assert!(is_place("Hills District"));
    assert!(!is_place("Bellwether Shire Council"));
}

#[test]
fn public_job_sites_name_the_public_body() {
    assert_eq!(
        named(
            "Civil Service Jobs <noreply@civilservicejobs.service.gov.uk>",
            "Provisional offer: 412876 - Senior Finance Business Partner",
            "Dear Ana,\n\nJob reference: 412876\nJob title: Senior Finance Business Partner\n\
             Department: Department for Coastal Affairs\n\nWe are making you a provisional \
             offer."
        )
        .as_deref(),
        Some("Department for Coastal Affairs")
    );
    assert_eq!(
        named(
            "publicjobs <donotreply@publicjobs.ie>",
            "Senior Engineer (Building Services) - Harbour Estates Agency - Campaign 26208 - \
             Online Assessment Stage",
            "Dear Ana,\n\nYou are invited to the online assessment stage."
        )
        .as_deref(),
        Some("Harbour Estates Agency")
    );
    // An employer's own department line names a team.
    assert_ne!(
        named(
            "Leah Ward <leah.ward@tarnhealth.nhs.uk>",
            "Offer – Clinical Systems Trainer",
            "Dear Ana,\n\nDepartment: Digital Services\n\nI am pleased to offer you the post.\n\n\
             Leah"
        )
        .as_deref(),
        Some("Digital Services")
    );
}

#[test]
fn an_agency_heading_its_subject_with_the_client_outweighs_its_own_domain() {
    assert_eq!(
        named(
            "Tom Ash <tom.ash@hollinsearch.co.uk>",
            "Re: Marlow Ainsworth – final stage",
            "Hi Ana,\n\nThey want you! Call me when you can.\n\nTom"
        )
        .as_deref(),
        Some("Marlow Ainsworth")
    );
    // "…associates" writes about another firm it names first.
    assert_eq!(
        named(
            "Harriet Quayle <harriet@sedgeassociates.co.uk>",
            "Re: Tarnbridge – Financial Reporting Manager",
            "Hi Ana,\n\nQuick update below.\n\nHarriet"
        )
        .as_deref(),
        Some("Tarnbridge")
    );
}

#[test]
fn a_job_sites_other_jobs_name_no_employer_and_its_card_title_keeps_its_bracket() {
    assert_eq!(
        named(
            "IrishJobs.ie <noreply@irishjobs.ie>",
            "Your application to Lough Mask Mechanical",
            "Hi Ana,\n\nYour application has gone to Lough Mask Mechanical.\n\nSimilar jobs\n\n\
             Project Engineer\nAshgrove MEP - Dublin\n\nSite Engineer\nAshgrove MEP - Cork"
        )
        .as_deref(),
        Some("Lough Mask Mechanical")
    );
    assert_eq!(
        named(
            "reed.co.uk <noreply@reed.co.uk>",
            "Application confirmation: Commissioning Engineer (HVAC)",
            "Hi Ana,\n\nGood news – your application has been sent.\n\nCommissioning Engineer \
             (HVAC)\nTarnfield Building Services – Bristol\n£48,000 per annum"
        )
        .as_deref(),
        Some("Tarnfield Building Services")
    );
}

#[test]
fn what_the_review_found_stays_put_right() {
    // A county council is an employer, not a district.
    assert!(!is_place("Kent County Council"));
    // An organisation placed before "our CTO" is no person.
    assert_eq!(
        named(
            "Ola Berg <ola@kiteloop.io>",
            "Next steps",
            "Hi Ana,\n\nHere at Kiteloop, our CTO would like to meet you on Thursday.\n\nOla"
        )
        .as_deref(),
        Some("Kiteloop")
    );
    // A person's own bracket names no employer.
    assert_ne!(
        named(
            "Alex Kim (External) <alex.kim@example.net>",
            "Coffee?",
            "Hi Ana, free on Friday?"
        )
        .as_deref(),
        Some("External")
    );
}

#[test]
fn a_labelled_line_or_a_card_on_one_line_names_the_employer() {
    // A job site's table: "Company" beside the name.
    assert_eq!(
        named(
            "PNet <noreply@pnet.co.za>",
            "Your application for Treasury Analyst has been sent",
            "PNet\n\nHi Sipho,\nWe've delivered your CV to the recruiter for this job:\n\
             Job title Treasury Analyst\nCompany Lebone Foods\nLocation Midrand, Gauteng"
        )
        .as_deref(),
        Some("Lebone Foods")
    );
    assert_eq!(
        named(
            "Jobs <noreply@jobs.example.org>",
            "Bewerbung eingegangen",
            "Guten Tag,\n\nArbeitgeber: Rheinhafen Logistik\nStelle: Disponent"
        )
        .as_deref(),
        Some("Rheinhafen Logistik")
    );
    // A card's title, employer and place on one line.
    assert_eq!(
        named(
            "\"Bayt.com\" <notifications@bayt.com>",
            "Application status update: FP&A Analyst",
            "Dear Sipho,\nThere is an update on one of your applications.\n\
             FP&A Analyst – Lulwa Retail Group, Dubai\nStatus: Not shortlisted"
        )
        .as_deref(),
        Some("Lulwa Retail Group")
    );
    // A title with its field after a dash is one title.
    assert_eq!(
        named(
            "Indeed <no-reply@indeed.com>",
            "Lanterna Tech invited you to apply to Security Engineer",
            "An employer reviewed your Indeed profile.\nSecurity Engineer – SOC & Cloud\n\
             Lanterna Tech (Gruppo Lanterna) – Milano, Lombardia – Hybrid\nApply now"
        )
        .as_deref(),
        Some("Lanterna Tech")
    );
}

#[test]
fn what_ends_a_name_is_left_out() {
    // The Gulf's legal forms.
    assert_eq!(
        named(
            "Mariam <mariam@sandgrouse.ae>",
            "Offer of Employment",
            "Dear Sipho,\n\nPlease find your offer attached.\n\nMariam\nSandgrouse Logistics FZ-LLC"
        )
        .as_deref(),
        Some("Sandgrouse Logistics")
    );
    // A team named for people and culture.
    assert_eq!(
        named(
            "Shoreline Credit Union <shorelinecu@myworkday.com>",
            "Next step: online assessment",
            "Hi Danielle,\n\nThe next step is an assessment.\n\nThank you,\n\
             Shoreline Credit Union People & Culture\nHalifax, Nova Scotia"
        )
        .as_deref(),
        Some("Shoreline Credit Union")
    );
    // What kind of document it is.
    assert_eq!(
        named(
            "Ines <ines@tidewaterbank.ca>",
            "Automatic reply: Accepted - Tidewater Bank Conditional Offer",
            "I am out of the office until Monday."
        )
        .as_deref(),
        Some("Tidewater Bank")
    );
    // A call to action on the next line.
    assert_eq!(
        named(
            "LinkedIn <notifications-noreply@linkedin.com>",
            "A recruiter viewed your profile",
            "Ayanda Zulu\nTalent Acquisition Lead – Markets & Treasury at Umhlaba Capital See \
             who else has viewed your profile."
        )
        .as_deref(),
        Some("Umhlaba Capital")
    );
}

#[test]
fn public_bodies_agencies_and_platforms_of_new_inboxes() {
    // A body's initials before its trade in the domain.
    assert_eq!(
        named(
            "EPSA e-Recruitment <recruitment@epsa-authority.eu>",
            "Acknowledgement of receipt – EPSA/TA/AD/2026/07",
            "Dear applicant,\n\nWe acknowledge receipt of your application.\n\nYours \
             sincerely,\n\nHuman Resources Unit\nEuropean Payments Supervisory Authority\n\
             Frankfurt am Main"
        )
        .as_deref(),
        Some("European Payments Supervisory Authority")
    );
    // A legal form in lower case after the name.
    assert_eq!(
        named(
            "Pracuj.pl <powiadomienia@pracuj.pl>",
            "Twoja aplikacja została wysłana – Softbrook",
            "Cześć Kasia!\nTwoja aplikacja została przekazana pracodawcy:\n\
             Softbrook sp. z o.o. · Warszawa · praca hybrydowa"
        )
        .as_deref(),
        Some("Softbrook")
    );
    // An assessment platform sends for the employer its name shows.
    assert_eq!(
        named(
            "Bank Kopernik – Rekrutacja <no-reply@testportal.pl>",
            "Test wiedzy",
            "Dzień dobry,\nzapraszamy do rozwiązania testu wiedzy online."
        )
        .as_deref(),
        Some("Bank Kopernik")
    );
    // An exercise named for the employer.
    assert_eq!(
        named(
            "CoderPad Screen <no-reply@coderpad.io>",
            "Reminder: your exercise closes in 24 hours",
            "Hi Kasia,\n\nJust a reminder that your Quietgate exercise expires tomorrow."
        )
        .as_deref(),
        Some("Quietgate")
    );
    // A firm named for HR is an agency, and names its client.
    assert_eq!(
        named(
            "Natalia Krawczyk <natalia.krawczyk@harborhr.pl>",
            "Red Team Lead – Warszawa",
            "Dzień dobry,\n\nwspółpracuję z firmą Cyberwall – polskim dostawcą usług \
             bezpieczeństwa.\n\nPozdrawiam\nNatalia Krawczyk\nSenior IT Recruiter | Harbor HR"
        )
        .as_deref(),
        Some("Cyberwall")
    );
    // "Für meinen Kunden …".
    assert_eq!(
        named(
            "Sebastian Krüger <s.krueger@brandt-personal.de>",
            "Cloud Security Architekt",
            "Hallo Frau Zielińska,\n\nfür meinen Kunden Vogelsang Systems suche ich einen \
             Architekten.\n\nBeste Grüße\nSebastian Krüger\nSenior Personalberater"
        )
        .as_deref(),
        Some("Vogelsang Systems")
    );
    // A German HR team's name is no part of the employer's.
    assert_eq!(
        named(
            "Rheinwald Bank Personalservice <personal@rheinwald-bank.de>",
            "Fehlende Unterlagen",
            "Guten Tag,\n\nbitte senden Sie uns Ihre Unterlagen.\n\nRheinwald Bank \
             Personalservice"
        )
        .as_deref(),
        Some("Rheinwald Bank")
    );
    // A vetting firm screens for the employer.
    assert_eq!(
        named(
            "ClearPath Vetting <noreply@clearpathvetting.co.za>",
            "Action required: complete your screening consent (Lebone Foods)",
            "Dear Sipho\nLebone Foods has requested that ClearPath Vetting conduct \
             pre-employment screening.\nKind regards\nClearPath Vetting – Candidate Support"
        )
        .as_deref(),
        Some("Lebone Foods")
    );
    // An Afrikaans agency works on behalf of its client.
    assert_eq!(
        named(
            "Anneke Krüger <anneke@wynlandwerwing.co.za>",
            "Geleentheid: Finansiële Beplanningsbestuurder – Paarl",
            "Goeiemôre Sipho\n\nOns werk tans namens Rooiberg Vrugte aan die aanstelling van \
             'n bestuurder.\n\nAnneke Krüger\nKonsultant: Finansies\nWynland Werwing"
        )
        .as_deref(),
        Some("Rooiberg Vrugte")
    );
}

#[test]
fn italian_spanish_and_french_senders_name_their_employer() {
    // An Italian tracker, and a careers page's "work with us" after the name.
    assert_eq!(
        named(
            "Pastificio Morandi - Lavora con noi <noreply@mail.inrecruiting.com>",
            "Conferma ricezione candidatura - Demand Planner",
            "Gentile Marta,\n\nti ringraziamo per la tua candidatura.\n\nCordiali saluti"
        )
        .as_deref(),
        Some("Pastificio Morandi")
    );
    // A team beside the employer in a signature.
    assert_eq!(
        named(
            "Silvia Rota <silvia.rota@caffeaurelia.it>",
            "Documenti per la pratica di assunzione",
            "Buongiorno Marta,\n\nbenvenuta! Mi servono alcuni documenti.\n\nGrazie,\n\
             Silvia Rota\nUfficio Personale - Torrefazione Aurelia"
        )
        .as_deref(),
        Some("Torrefazione Aurelia")
    );
    // The person a signing service sends for, named in its note, is no employer.
    assert_eq!(
        named(
            "Beatrice Conti via Adobe Acrobat Sign <adobesign@adobesign.com>",
            "Signature requested on \"Employment Agreement - Marta Sironi\"",
            "Beatrice Conti has requested your signature on\nEmployment Agreement\n\
             Message from Beatrice Conti:\nDear Marta, we are thrilled to have you joining \
             Altavia Partners!\nAltavia Partners S.r.l., Corso Venezia 16, Milano."
        )
        .as_deref(),
        Some("Altavia Partners")
    );
    // The year in a domain is no part of the name; a calendar's own footer names no
    // employer.
    assert_eq!(
        named(
            "Paola Zanetti <paola.zanetti@orsenigo1892.it>",
            "Invito: Colloquio finale",
            "Sei stata invitata al seguente evento.\n\nPartecipare? Sì - Forse - No\n\
             Invito da Google Calendar"
        )
        .as_deref(),
        Some("Orsenigo")
    );
    // A legal name whose word the domain starts with, rather than the domain spelled.
    assert_eq!(
        named(
            "Roberto Bonetti <r.bonetti@bonettilogistica.it>",
            "Colloquio del 12 giugno",
            "Gentile Marta,\ngrazie per il tempo.\nCordialmente,\nRoberto Bonetti\n\
             Amministratore delegato\nTrasporti Bonetti S.r.l. · Logistica integrata dal 1978"
        )
        .as_deref(),
        Some("Trasporti Bonetti")
    );
    // A team signing under the closing line is not a person.
    assert_eq!(
        named(
            "Orbitalia Recruiting <no-reply@us.greenhouse-mail.io>",
            "Thank you for applying to Orbitalia",
            "Hi Álvaro,\n\nThanks for applying.\n\nBest,\nOrbitalia Talent Team"
        )
        .as_deref(),
        Some("Orbitalia")
    );
    // "y" for the ampersand in a Spanish domain.
    assert_eq!(
        named(
            "Arco & Vela <seleccion@arcoyvela.es>",
            "Caso práctico",
            "Hola Álvaro,\n\nte enviamos el caso.\n\nArco & Vela"
        )
        .as_deref(),
        Some("Arco & Vela")
    );
    // The HR team's words before the employer's name.
    assert_eq!(
        named(
            "Recursos Humanos Alcor Renovables via DocuSign <dse@docusign.net>",
            "Completar con DocuSign: Contrato laboral",
            "Recursos Humanos Alcor Renovables le ha enviado un documento para revisar y \
             firmar."
        )
        .as_deref(),
        Some("Alcor Renovables")
    );
    // "tu prueba para X", and Recruitee's mail domain.
    assert_eq!(
        named(
            "Talentia Tests <no-reply@example-tests.io>",
            "Recordatorio: tu prueba para Iberdrive caduca mañana",
            "Hola Álvaro,\n\ntu prueba caduca mañana."
        )
        .as_deref(),
        Some("Iberdrive")
    );
    assert_eq!(
        named(
            "Mécanique Valmont <notifications@recruiteemail.com>",
            "Votre candidature",
            "Bonjour Álvaro,\n\nNous vous remercions pour votre candidature."
        )
        .as_deref(),
        Some("Mécanique Valmont")
    );
}

#[test]
fn public_bodies_trackers_and_teams_of_an_irish_inbox() {
    // A body's initials and its name in full are one; its recruitment unit is no
    // agency; a grade in brackets names no employer.
    assert_eq!(
        named(
            "HPSA Recruitment <recruitment@hpsa.ie>",
            "Acknowledgement of application – Pharmacovigilance Assessor (Grade III)",
            "A chara,\n\nWe acknowledge receipt of your application.\n\nIs mise le meas,\n\n\
             Recruitment Unit\nHealth Products Standards Authority\nKevin Street Lower, Dublin 8"
        )
        .as_deref(),
        Some("Health Products Standards Authority")
    );
    // A tracker's card: the title over the employer.
    assert_eq!(
        named(
            "NHS Jobs <noreply@jobs.nhs.uk>",
            "Application submitted for Specialist Pharmacist - Medicines Safety",
            "Dear Roisin,\n\nYou have successfully submitted your application for:\n\n\
             Specialist Pharmacist - Medicines Safety\nSevernside Hospitals NHS Foundation \
             Trust\nReference number: 401-MS-2026-118"
        )
        .as_deref(),
        Some("Severnside Hospitals NHS Foundation Trust")
    );
    // …but not a tracker's alert listing many jobs.
    assert_eq!(
        named(
            "NHS Jobs <no-reply@jobs.nhs.uk>",
            "New jobs for your saved search",
            "There are 3 new jobs.\n\nDigital Nurse Practitioner\nHarrow Moor NHS Foundation \
             Trust, Bradford\n\nClinical Applications Trainer\nPennine Mental Health \
             Partnership NHS Trust, Halifax\n\nClinical Systems Support Officer\nSheaf Valley \
             Hospitals NHS Foundation Trust, Sheffield"
        ),
        None
    );
    // The first part of the line under a team.
    assert_eq!(
        named(
            "Hiring Team <no-reply@personio.de>",
            "Your application",
            "Dear Róisín,\n\nthank you for your application.\n\nBest regards,\n\nClíona Barry\n\
             People Team\nNua Pharma · Central Park, Sandyford, Dublin 18"
        )
        .as_deref(),
        Some("Nua Pharma")
    );
}

#[test]
fn a_kenyan_inbox_names_its_employers() {
    // A bank's initials and its hyphenated name in full are one.
    assert_eq!(
        named(
            "PEDB Careers <careers@pedb.int>",
            "Application received – Infrastructure Specialist (Transport)",
            "Dear Njeri,\n\nThank you for applying.\n\nTalent Acquisition\n\
             Pan-Equatorial Development Bank"
        )
        .as_deref(),
        Some("Pan-Equatorial Development Bank")
    );
    // A subject in capitals names no employer by its words.
    assert_eq!(
        named(
            "Kijani County PSB <psb@kijani.go.ke>",
            "APPOINTMENT LETTER - WATER ENGINEER II",
            "Dear Njeri,\n\nPlease find your appointment letter attached.\n\nSecretary/CEO\n\
             Kijani County Public Service Board"
        )
        .as_deref(),
        Some("Kijani County Public Service Board")
    );
    // A tracker's sender, "person – employer", signed by the person.
    assert_eq!(
        named(
            "Faith Wairimu – Mwangaza Build <noreply@teamtailor.com>",
            "Next step: visit us in Athi River",
            "Hi Njeri,\n\nCould you visit our yard on Tuesday?\n\nKind regards,\nFaith Wairimu\n\
             People Team, Mwangaza Build"
        )
        .as_deref(),
        Some("Mwangaza Build")
    );
    // Kenya's job site relays for the employer; a region is no employer.
    assert_eq!(
        named(
            "BrighterMonday Kenya <noreply@brightermonday.co.ke>",
            "Application successful: Structural Engineer",
            "Hi Njeri,\n\nYour application was sent to Savanna Span Engineering."
        )
        .as_deref(),
        Some("Savanna Span Engineering")
    );
    assert!(is_place("MENA"));
}

#[test]
fn malay_mail_names_its_employer() {
    // A public job site's "Majikan:" line; the site is a relay.
    assert_eq!(
        named(
            "MYFutureJobs <noreply@myfuturejobs.gov.my>",
            "Permohonan Jawatan Berjaya Dihantar",
            "Permohonan anda telah berjaya dihantar kepada majikan:\n\nJawatan: Pengurus \
             Sumber Manusia\nMajikan: WIRA KEJURUTERAAN SDN. BHD.\nLokasi: Klang"
        )
        .as_deref(),
        Some("Wira Kejuruteraan")
    );
    // "Berhad" is a legal form; "Sekian, terima kasih" closes before the signature.
    assert_eq!(
        named(
            "Siti Khadijah Mohd Noor <khadijah.noor@rimbaplanta.com.my>",
            "Jemputan Temuduga",
            "Assalamualaikum Puan Nurul,\n\nPuan telah disenarai pendek untuk sesi temuduga.\n\n\
             Sekian, terima kasih.\n\nSiti Khadijah binti Mohd Noor\nEksekutif Pengambilan \
             Bakat\nRimba Plantations Berhad"
        )
        .as_deref(),
        Some("Rimba Plantations")
    );
    // A hospital's name may hold a title word ("Specialist").
    assert_eq!(
        named(
            "=?utf-8?q?Seri_Murni_Specialist_Hospital_=E2=80=93_Sumber_Manusia?= <kerjaya@serimurni.com.my>",
            "Keputusan Permohonan",
            "Terima kasih atas minat puan untuk menyertai Seri Murni Specialist Hospital bagi \
             jawatan Pengurus Sumber Manusia.\n\nJabatan Sumber Manusia\nSeri Murni Specialist \
             Hospital"
        )
        .as_deref(),
        Some("Seri Murni Specialist Hospital")
    );
    // A trading name beats the legal name and the domain.
    assert_eq!(
        named(
            "Nicole Fernandez <nicole.fernandez@qa-law.com.sg>",
            "A role you might like",
            "Dear Aisyah,\n\nWe are looking for an HR Business Partner.\n\nKind regards,\n\
             Nicole Fernandez\nTalent Acquisition Manager\nQ&A Legal LLP (trading as Quill & \
             Anchor)"
        )
        .as_deref(),
        Some("Quill & Anchor")
    );
    // An assessment vendor named before what it sells is no employer.
    assert_eq!(
        named(
            "Marcus Tan <marcus.tan@quaysidepay.sg>",
            "Quayside Payments – Hogan assessments before final round",
            "Hi Aisyah,\n\nBefore the final round we ask finalists to complete the Hogan \
             assessments.\n\nMarcus"
        )
        .as_deref(),
        Some("Quayside Payments")
    );
}

#[test]
fn latin_american_mail_names_its_employer() {
    // "Ola" is a name here, not Portuguese's greeting.
    assert_eq!(
        named(
            "Ola Verde <olaverde@myworkday.com>",
            "Actualización sobre tu solicitud – JR-24117",
            "Estimada Camila:\nGracias por tu interés en Ola Verde."
        )
        .as_deref(),
        Some("Ola Verde")
    );
    // A job site's card: the title on one line, the employer on the next.
    assert_eq!(
        named(
            "Laborum <avisos@laborum.cl>",
            "Postulación recibida: Jefe de Marketing Digital",
            "Hola Camila,\nTu postulación fue recibida con éxito. Estos son los datos del \
             aviso:\nJefe de Marketing Digital\nCopihue Retail\nLas Condes, Región \
             Metropolitana · Jornada completa\nLa empresa revisará los antecedentes.\n\
             ¡Mucha suerte!\nEquipo Laborum"
        )
        .as_deref(),
        Some("Copihue Retail")
    );
    // An assessment platform's test sent by the employer.
    assert_eq!(
        named(
            "Evaluar <notificaciones@evaluar.com>",
            "Recordatorio: tu prueba vence mañana",
            "Te recordamos que tienes pendiente una prueba en línea enviada por Ola Verde.\n\
             Equipo Evaluar"
        )
        .as_deref(),
        Some("Ola Verde")
    );
    // An e-signature service relays the sender's employer in brackets.
    assert_eq!(
        named(
            "Mifiel <notificaciones@mifiel.com>",
            "Documento para firmar",
            "Sofía Barragán (Tortuga Learning) te ha enviado un documento para firmar.\n\
             Mifiel – Firma electrónica"
        )
        .as_deref(),
        Some("Tortuga Learning")
    );
    // An opening "¡" is punctuation, not part of the name.
    assert_eq!(
        named(
            "Rodrigo Almazán <ralmazan@talentoquetzal.com.mx>",
            "¡Farmacias Ahuehuete te quiere en su equipo!",
            "Camila, ¡el cliente decidió avanzar contigo!\n\nRodrigo Almazán\nTalento Quetzal"
        )
        .as_deref(),
        Some("Farmacias Ahuehuete")
    );
    // "Talent @ Tallgrass Commerce" signs for its employer.
    assert_eq!(
        named(
            "Talent Team <no-reply@ashbyhq.com>",
            "We received your application",
            "Hi Camila,\nThank you for applying.\n\nTalk soon,\nMaya Goldberg\nTalent @ \
             Tallgrass Commerce"
        )
        .as_deref(),
        Some("Tallgrass Commerce")
    );
    // The domain joins a trade to the name: "Pitaya" at pitayapagos.mx.
    assert_eq!(
        named(
            "Fernanda Lozano <fernanda.lozano@pitayapagos.mx>",
            "¿Tienes 30 min el jueves? – Pitaya",
            "Soy Fernanda, de Talento en Pitaya. Gracias por postularte."
        )
        .as_deref(),
        Some("Pitaya Pagos")
    );
}

#[test]
fn mining_mail_names_its_employer() {
    // "Resources" is a trade here, not Human Resources.
    assert_eq!(
        named(
            "Anvil Resources Talent <no-reply@myworkday.com>",
            "Your revised offer from Anvil Resources",
            "Dear Thabo,\nPlease find your revised offer attached.\n\nAnvil Resources"
        )
        .as_deref(),
        Some("Anvil Resources")
    );
    // An agency sent the profile to its client; its consultant's field is no name.
    assert_eq!(
        named(
            "Gareth Pillay <gareth@pit2port.com>",
            "Quick update",
            "Hi Thabo,\nI sent your profile to Kafue Cobalt Refinery on Monday for the \
             Refinery Superintendent role.\n\nCheers\nGareth Pillay\nPrincipal Consultant – \
             Metals & Mining\nPit to Port Recruitment"
        )
        .as_deref(),
        Some("Kafue Cobalt Refinery")
    );
    assert_eq!(
        named(
            "Tebogo Mothibi <tebogo@motswedisearch.co.bw>",
            "Operations Manager – Botswana",
            "I run Motswedi Search, an executive search firm. We have been retained by Kgale \
             Lime & Cement to find their next Operations Manager.\n\nTebogo Mothibi\nManaging \
             Partner\nMotswedi Search"
        )
        .as_deref(),
        Some("Kgale Lime & Cement")
    );
    // A process's words heading the subject are no employer.
    assert_eq!(
        named(
            "Recruitment <recruitment@mokorodiamonds.co.bw>",
            "Written Technical Assessment – Processing Plant Superintendent",
            "Dear Thabo,\nPlease complete the attached assessment.\n\nMokoro Diamonds"
        )
        .as_deref(),
        Some("Mokoro Diamonds")
    );
    // Afrikaans: "Werwing" after "Menslike Hulpbronne" is the team, and
    // "Bedrywighede" (operations) is left out of a name the text writes without it.
    assert_eq!(
        named(
            "Marelize Botha <werwing@thabachrome.co.za>",
            "Ontvangs van aansoek – Produksiebestuurder",
            "Goeiedag Thabo\nBaie dankie vir u aansoek. Thaba Chrome streef na billike \
             werwing.\n\nVriendelike groete\nMarelize Botha\nMenslike Hulpbronne – Werwing\n\
             Thaba Chrome Bedrywighede (Edms) Bpk"
        )
        .as_deref(),
        Some("Thaba Chrome")
    );
    // Afrikaans: "(Edms) Bpk" is a legal form.
    assert_eq!(
        named(
            "Marelize Botha <marelize@thabachrome.co.za>",
            "Ontvangs van aansoek – Produksiebestuurder",
            "Goeiedag Thabo\nBaie dankie vir u aansoek.\n\nVriendelike groete\nMarelize Botha\n\
             Thaba Chrome (Edms) Bpk"
        )
        .as_deref(),
        Some("Thaba Chrome")
    );
}

#[test]
fn a_job_sites_relayed_message_names_its_writers_organisation() {
    assert_eq!(
        named(
            "CareerJunction <messages@careerjunction.co.za>",
            "You have a new message from a recruiter",
            "Hi Thabo,\nA recruiter found your CV on CareerJunction and has sent you a \
             message.\nFrom: Jaco Meyer, Alpha Minerals Recruitment\nRegarding: \
             Metallurgical Manager – Kathu, Northern Cape\n\"Good day Thabo. I'm assisting \
             an iron ore producer.\"\nCareerJunction"
        )
        .as_deref(),
        Some("Alpha Minerals")
    );
}

#[test]
fn a_name_that_ends_like_a_service_is_not_the_service() {
    // "Saffron Grid" squashed ends in "ongrid", the screening service OnGrid.
    assert_eq!(
        named(
            "Saffron Grid Recruiting <no-reply@us.greenhouse-mail.io>",
            "Thank you for applying to Saffron Grid",
            "Hi Rahul,\nThanks for applying to the Senior Financial Analyst role at Saffron Grid."
        )
        .as_deref(),
        Some("Saffron Grid")
    );
    assert!(crate::agent::builtin::relays::is_service_brand(
        "MyGreenhouse"
    ));
}

#[test]
fn an_executive_search_firm_is_named() {
    assert_eq!(
        named(
            "Naukri Recruiter Message <recruitermessage@naukri.com>",
            "Kestrel Executive Search has sent you a message for Senior Manager",
            "Varun Malhotra, Partner at Kestrel Executive Search\n\nDear Rahul,\nI am \
             retained by a leading listed pharmaceutical company.\nRegards,\nVarun\n"
        )
        .as_deref(),
        Some("Kestrel Executive Search")
    );
}

#[test]
fn an_agency_consultants_field_and_a_pronoun_are_no_names() {
    assert_eq!(
        named(
            "Neha Agarwal <neha.agarwal@finstaffpartners.com>",
            "Update on the FP&A Lead role (Mumbai NBFC)",
            "Hi Rahul,\n\nI heard back from my client on the FP&A Lead position. They have \
             reviewed the shortlist and have decided to go ahead with another candidate.\n\n\
             Best regards,\nNeha Agarwal\nPrincipal Consultant – BFSI Finance Hiring\n\
             FinStaff Partners, Lower Parel, Mumbai\n"
        )
        .as_deref(),
        Some("FinStaff Partners")
    );
}

#[test]
fn a_firms_officer_follows_its_name() {
    assert_eq!(
        named(
            "Chloé Martin <chloe.martin@crestlinegulf.ae>",
            "Teams call with Al Sahel Marine CFO – Sunday 10:00 GST",
            "Hi Rahul,\n\nGreat news - Al Sahel Marine's CFO, Mr. Hamdan Al Qasimi, has \
             reviewed your profile for the FP&A Manager role and would like to speak with \
             you.\n\nBest regards,\nChloé Martin\nSenior Consultant - Finance & Accounting\n\
             Crestline Gulf Recruitment | Dubai Media City\n"
        )
        .as_deref(),
        Some("Al Sahel Marine")
    );
}

#[test]
fn a_country_office_or_a_global_team_is_the_employer() {
    assert_eq!(
        named(
            "Pooja Venkatesh <pooja.venkatesh@arcwell.com>",
            "Final round – Senior Analyst",
            "Hi Rahul,\n\nCould you share two or three slots?\n\nRegards,\nPooja Venkatesh\n\
             Talent Acquisition, Arcwell India\n"
        )
        .as_deref(),
        Some("Arcwell")
    );
    assert_eq!(
        named(
            "Arcwell Careers <donotreply@successfactors.com>",
            "Application confirmation",
            "Dear Rahul,\n\nTo view or update your profile, sign in to the Arcwell Career \
             Site.\n\nKind regards,\nArcwell Global Talent Acquisition\n"
        )
        .as_deref(),
        Some("Arcwell")
    );
}

#[test]
fn the_name_the_domain_spells_beats_the_longer_legal_name() {
    assert_eq!(
        named(
            "Lakshmi Narayanan <lakshmi.n@nilgirihealth.com>",
            "Documents required - Assistant Manager - Business Finance (FIN-0412)",
            "Dear Rahul,\n\nGreetings from Nilgiri Health.\n\nPlease share the documents.\n\n\
             Regards,\nLakshmi Narayanan\nTalent Acquisition\nNilgiri Healthcare Services \
             Private Limited, Hyderabad\n"
        )
        .as_deref(),
        Some("Nilgiri Health")
    );
    // India's "Private Limited" is a legal form as a whole.
    assert_eq!(
        named(
            "Nilgiri Health Talent Acquisition <noreply@darwinbox.in>",
            "Offer Letter Released",
            "Dear Rahul,\nCongratulations!\nWarm regards,\nTeam Talent Acquisition\nNilgiri \
             Healthcare Services Private Limited\n"
        )
        .as_deref(),
        Some("Nilgiri Healthcare Services")
    );
    // A firm's office is a place, not part of its name.
    assert_eq!(
        named(
            "Divya Prakash <divya.prakash@kaverifoods.in>",
            "Invitation: Panel discussion - Manager FP&A",
            "Where: Kaveri Foods Corporate Office, 4th Floor, ITPL Road, Whitefield\n"
        )
        .as_deref(),
        Some("Kaveri Foods")
    );
}

#[test]
fn indonesian_mail_names_its_employer() {
    // "PT" is the legal form before the name; the country in a legal name stays.
    assert_eq!(
        named(
            "HR Recruitment Semesta Ritel <recruitment@semestaritel.co.id>",
            "Undangan Interview User – Finance Systems Analyst",
            "Dengan hormat,\n\nMenindaklanjuti proses rekrutmen untuk posisi Finance \
             Systems Analyst di PT Semesta Ritel Indonesia, dengan ini kami mengundang \
             Bapak.\n\nSalam,\nLestari Wulandari\nTalent Acquisition\nPT Semesta Ritel \
             Indonesia\n"
        )
        .as_deref(),
        Some("Semesta Ritel Indonesia")
    );
    // A job site's "Lamaranmu ke …" and "… mengundangmu"; the site signs as itself.
    assert_eq!(
        named(
            "Glints <no-reply@glints.com>",
            "Lamaranmu ke Bahtera sudah terkirim!",
            "Hai Dimas,\n\nLamaranmu sudah terkirim.\n\nSalam,\nTim Glints\n"
        )
        .as_deref(),
        Some("Bahtera")
    );
    assert_eq!(
        named(
            "Glints <no-reply@glints.com>",
            "Arunika mengundangmu untuk melamar: ERP Functional Consultant",
            "Hai Dimas,\n\nArunika mengundangmu untuk melamar.\n\nSalam,\nTim Glints\n"
        )
        .as_deref(),
        Some("Arunika")
    );
    // An agency's "one of my clients, …", not the places a client is in.
    assert_eq!(
        named(
            "Priscilla Wong <priscilla@tandemtalent.asia>",
            "Hotel group role – Finance Systems Manager",
            "Hi Dimas,\n\nOne of my clients, Rumah Kebaya Hotels (a boutique hotel group \
             with properties in Singapore, Penang, Bali and Yogyakarta), is hiring a Finance \
             Systems Manager.\n\nRegards,\nPriscilla Wong\nSenior Recruitment Consultant\n\
             Tandem Talent Asia Pte Ltd\n"
        )
        .as_deref(),
        Some("Rumah Kebaya Hotels")
    );
    // "& Co" is the name's, not a legal form.
    assert_eq!(
        named(
            "Ishita Rao <ishita@haldiandco.in>",
            "Welcome aboard",
            "Hi Rahul,\n\nWe'd love for you to join us.\n\nIshita\n\n--\nIshita Rao\n\
             Co-founder & CEO, Haldi & Co\n"
        )
        .as_deref(),
        Some("Haldi & Co")
    );
}

#[test]
fn a_placement_agencys_principal_is_the_employer() {
    // Named in capitals, written as a person writes it.
    assert_eq!(
        named(
            "Kaagapay Testing Unit <testing@kaagapayintl.com.ph>",
            "Online Exam - ICU Nurse",
            "Dear Ms. Santos,\n\nOur Saudi principal, AL BUSTAN MEDICAL COMPLEX (Dammam), \
             requires all shortlisted ICU Nurse applicants to take the following online \
             exams.\n\nTesting & Evaluation Unit\nKaagapay International Placement Agency, \
             Inc.\nDMW License No. DMW-204-LB-110925-R\n"
        )
        .as_deref(),
        Some("Al Bustan Medical Complex")
    );
    assert_eq!(
        named(
            "Pacific Crest Recruitment <recruitment@pacificcrestmanpower.ph>",
            "Acknowledgement - Online Application (JO-2026-0451)",
            "Dear Applicant,\n\nGreetings from Pacific Crest Manpower Services!\n\n\
             Principal/Employer: AL WAFA ROYAL HOSPITAL - Dubai, UAE\nPosition: Registered \
             Nurse\n"
        )
        .as_deref(),
        Some("Al Wafa Royal Hospital")
    );
    assert_eq!(
        named(
            "Pacific Crest Recruitment <recruitment@pacificcrestmanpower.ph>",
            "CONGRATULATIONS - Selected by Al Wafa Royal Hospital",
            "We are happy to inform you that AL WAFA ROYAL HOSPITAL has SELECTED you for \
             the position of Registered Nurse.\n\nRecruitment Section\n\
             Pacific Crest Manpower Services, Inc.\n"
        )
        .as_deref(),
        Some("Al Wafa Royal Hospital")
    );
}

#[test]
fn a_hospital_is_named_as_its_signature_writes_it() {
    // "St." goes on into the name; the domain is its initials and its city.
    assert_eq!(
        named(
            "HR Recruitment SRMC <recruitment@srmc-qc.com.ph>",
            "Re: Application for ICU Staff Nurse",
            "Salamat po!\n\nRowena D. Catapang\nHR Assistant - Recruitment\nSt. Rafael \
             Medical Center\nQuezon City\n"
        )
        .as_deref(),
        Some("St. Rafael Medical Center")
    );
    // An NHS trust's "FT" is its Foundation Trust.
    assert_eq!(
        named(
            "NHS Jobs <noreply@jobs.nhs.uk>",
            "Interview invitation",
            "Dear Maria,\n\nYou are invited to interview.\n\nRecruitment Team\nThamesbrook \
             University Hospitals NHS FT\n"
        )
        .as_deref(),
        Some("Thamesbrook University Hospitals NHS Foundation Trust")
    );
}

#[test]
fn a_job_cards_employer_before_an_em_dash_and_french_openings() {
    assert_eq!(
        named(
            "HelloWork <candidature@hellowork.com>",
            "Candidature envoyée : Lead Product Designer H/F - Oriel Santé",
            "Bonjour Camille,\n\nVotre candidature a bien été envoyée au recruteur.\n\nLead \
             Product Designer H/F\nOriel Santé — Nantes (44) / Télétravail partiel\nCDI · 55 - \
             65 k€ brut annuel\n\nLe recruteur a reçu votre CV. S'il souhaite aller plus loin, \
             il vous contactera.\n\nL'équipe HelloWork\n"
        )
        .as_deref(),
        Some("Oriel Santé")
    );
    // A sentence's "Un recruteur", "Nous avons" is no name.
    assert_eq!(
        named(
            "Indeed <noreply@indeed.com>",
            "Un recruteur vous invite à postuler à son offre",
            "Nous avons trouvé une offre pour vous."
        ),
        None
    );
}

#[test]
fn brazilian_job_sites_and_recruiters_name_the_employer() {
    // Job sites and an e-signature service relay for the employer.
    assert_eq!(
        named(
            "Programathor <contato@programathor.com.br>",
            "Candidatura enviada para Maré Software",
            "Oi Bruno!\nSua candidatura para a vaga QA Engineer Pleno na Maré Software foi \
             enviada.\n\nEquipe Programathor"
        )
        .as_deref(),
        Some("Maré Software")
    );
    assert_eq!(
        named(
            "Clicksign <naoresponda@clicksign.com>",
            "Pitanga Labs enviou um documento para você assinar",
            "Rafael Moura enviou um documento para você assinar."
        )
        .as_deref(),
        Some("Pitanga Labs")
    );
    assert_eq!(
        named(
            "LinkedIn <notifications-noreply@linkedin.com>",
            "Bruno, um recrutador da Lumen Varejo visualizou seu perfil",
            "Um(a) recrutador(a) da Lumen Varejo visualizou seu perfil."
        )
        .as_deref(),
        Some("Lumen Varejo")
    );
    // A subject's heading word is no name, nor is a title ("Senior SDET").
    assert_eq!(
        named(
            "Greg Hale <greg@bridgenorthtalent.com>",
            "Remote Senior SDET - US healthtech",
            "Hi Bruno,\n\nI'm recruiting for a Senior SDET.\n\nGreg Hale\nPrincipal \
             Recruiter | BridgeNorth Talent"
        )
        .as_deref(),
        Some("BridgeNorth Talent")
    );
}

#[test]
fn law_firms_and_public_bodies_of_australia_and_new_zealand() {
    // An applicant-tracking system and a police-check service relay for the employer.
    assert_eq!(
        named(
            "Tasman Baird <notifications@snaphire.com>",
            "We've received your application",
            "Kia ora Olivia,\n\nThanks for applying.\n\nPeople & Capability\nTasman Baird"
        )
        .as_deref(),
        Some("Tasman Baird")
    );
    assert_eq!(
        named(
            "National Crime Check <noreply@nationalcrimecheck.com.au>",
            "Action required: complete your police check for Bluegum Energy",
            "Bluegum Energy has requested a National Police Check.\n\nNational Crime Check \
             Support Team"
        )
        .as_deref(),
        Some("Bluegum Energy")
    );
    // A state's government is part of the domain's suffix.
    assert_eq!(
        named(
            "Murray Basin Water Authority <recruitment@mbwa.nsw.gov.au>",
            "Invitation to interview",
            "Dear Olivia,\n\nYou are invited to a panel interview.\n\nRecruitment \
             Services\nMurray Basin Water Authority"
        )
        .as_deref(),
        Some("Murray Basin Water Authority")
    );
    // Initials the text spells out; a firm's hiring stream is no part of its name.
    assert_eq!(
        named(
            "Hamish Calloway <hamish@callowaylegal.com.au>",
            "Great news from W&F",
            "Hi Olivia,\n\nWattle & Finch want you!\n\nHamish Calloway\nDirector | \
             Calloway Legal Recruitment"
        )
        .as_deref(),
        Some("Wattle & Finch")
    );
    assert_eq!(
        named(
            "Kestrel Whitford Lateral Hire <kestrelwhitford@cappfinity.com>",
            "Your online assessment",
            "Dear Olivia,\n\nThe next stage is a short online assessment."
        )
        .as_deref(),
        Some("Kestrel Whitford")
    );
    // A scheduling tool's labelled lines: the event's employer and the host's firm;
    // a label's sentence ("Portfolio feedback") names none.
    assert_eq!(
        named(
            "Calendly <notifications@calendly.com>",
            "Confirmed: Docket Labs – Junior Legal Counsel intro with Sam Hartigan",
            "A new event has been scheduled.\n\nEvent type:\nDocket Labs – Junior Legal \
             Counsel intro (30 min)\n\nHost:\nSam Hartigan (Co-founder & CEO, Docket Labs)\n"
        )
        .as_deref(),
        Some("Docket Labs")
    );
    assert_eq!(
        named(
            "Calendly <notifications@calendly.com>",
            "Confirmed: Portfolio feedback (45 min) with Ana Ribeiro",
            "A new event has been scheduled.\n\nEvent type:\nPortfolio feedback (45 min)\n"
        ),
        None
    );
    // An agency asked by its client.
    assert_eq!(
        named(
            "Jasmine Okoro <jasmine.okoro@lawsongray.com.au>",
            "Commercial Legal Counsel opportunity",
            "Hi Olivia,\n\nI've been asked by Tidewater Ports to help them find a Commercial \
             Legal Counsel.\n\nJasmine Okoro\nSenior Consultant\nLawson Gray Recruitment"
        )
        .as_deref(),
        Some("Tidewater Ports")
    );
}

#[test]
fn quebec_health_networks_keep_their_articles() {
    // "de la", "de l'": a name goes on past its article, and the domain leaves it out.
    assert_eq!(
        named(
            "Annie Beauregard <annie.beauregard@cisss-cotedeserables.qc.ca>",
            "Documents requis",
            "Bonjour,\n\nMerci de nous transmettre les documents.\n\nAnnie Beauregard\n\
             Conseillère en dotation\nCISSS de la Côte-des-Érables\n"
        )
        .as_deref(),
        Some("CISSS de la Côte-des-Érables")
    );
    assert_eq!(
        named(
            "Service de la dotation – CHU de l'Estuaire <dotation@chuestuaire.qc.ca>",
            "Proposition d'emploi",
            "Madame,\n\nLe comité de sélection a recommandé votre embauche.\n\nService de \
             la dotation\nCHU de l'Estuaire\n"
        )
        .as_deref(),
        Some("CHU de l'Estuaire")
    );
    // A team beside its employer in the sender's name.
    assert_eq!(
        named(
            "Carrières – CIUSSS du Haut-Saint-Maurice <noreply@successfactors.eu>",
            "Accusé de réception",
            "Bonjour,\n\nNous avons bien reçu votre candidature."
        )
        .as_deref(),
        Some("CIUSSS du Haut-Saint-Maurice")
    );
    // A job site relays; a recruiter's French title ("Associé") is no name.
    assert_ne!(
        named(
            "Jobillico <notification@jobillico.com>",
            "Votre candidature a bien été envoyée",
            "Bonjour,\n\nVotre candidature a été transmise à l'employeur."
        )
        .as_deref(),
        Some("Jobillico")
    );
    assert_eq!(
        named(
            "Mathieu Després <mdespres@talentissante.ca>",
            "Opportunité confidentielle",
            "Bonjour,\n\nUn de nos clients recrute.\n\nMathieu Després\nAssocié, \
             recrutement – Sciences de la vie\nTalentis Santé\n"
        )
        .as_deref(),
        Some("Talentis Santé")
    );
}

#[test]
fn a_provinces_domain_is_read_past_its_suffix() {
    // "hhsc.on.ca": initials are matched to the name the text writes, never spelled.
    assert_eq!(
        named(
            "Recruitment <jobs@hhsc.on.ca>",
            "Your application",
            "Dear Julie,\n\nThank you for applying.\n\nRecruitment Services\nHamilton Health \
             Sciences\n"
        ),
        None
    );
    assert_eq!(
        named(
            "Human Resources <hr@lakeridgehealth.on.ca>",
            "Interview",
            "Dear Julie,\n\nWe would like to invite you to an interview.\n\nHuman \
             Resources\nLakeridge Health\n"
        )
        .as_deref(),
        Some("Lakeridge Health")
    );
}

#[test]
fn schools_trusts_and_renamed_firms_of_the_uk() {
    // Schools' job site and a hiring-test tool relay for the employer.
    assert_eq!(
        named(
            "Eteach <noreply@eteach.com>",
            "Application received – Trust eLearning Developer",
            "Dear Siobhan,\n\nThank you for applying for the post of Trust eLearning Developer \
             with Beacon Ridge Academy Trust.\n\nThe Eteach Team on behalf of Beacon Ridge \
             Academy Trust"
        )
        .as_deref(),
        Some("Beacon Ridge Academy Trust")
    );
    assert_eq!(
        named(
            "\"Lanternfish (Toggl Hire)\" <hire@toggl.com>",
            "Reminder: your Lanternfish skills test closes in 24 hours",
            "Hi Siobhan,\n\nYour skills test for the Curriculum Designer position at \
             Lanternfish closes in 24 hours.\n\nLanternfish via Toggl Hire"
        )
        .as_deref(),
        Some("Lanternfish")
    );
    // An NHS trust's domain sits under nhs.uk; its checks team is no part of its name.
    assert_eq!(
        named(
            "Alderley Vale NHS FT Pre-employment <preemployment@alderleyvale.nhs.uk>",
            "Please complete your online ID and right to work check",
            "Alderley Vale NHS Foundation Trust\n\nDear Siobhan,\nPlease complete the check \
             within 7 days.\n\nPre-employment Checks Team"
        )
        .as_deref(),
        Some("Alderley Vale NHS Foundation Trust")
    );
    // A new name over its old one, which the domain still spells.
    assert_eq!(
        named(
            "Hattie Morrow <hattie@wildbrook.co.uk>",
            "Re: Your application – coffee?",
            "Hi Siobhan,\n\nCould you put together one sample session plan?\n\nHattie\n\n\
             Hattie Morrow\nCo-founder\nQuill & Compass (formerly Wildbrook Tutoring)\n"
        )
        .as_deref(),
        Some("Quill & Compass")
    );
    // An agency's client who loved the application; a university's people services.
    assert_eq!(
        named(
            "Leanne Hargreaves <leanne.h@chalkline-education.co.uk>",
            "Northstar want to meet you!",
            "Hi Siobhan,\n\nGreat news – Northstar Learning Trust loved your application and \
             they'd like to meet you!\n\nLeanne Hargreaves\nSenior Consultant\nChalkline \
             Education\n"
        )
        .as_deref(),
        Some("Northstar Learning Trust")
    );
    assert_eq!(
        named(
            "Ashcombe University People Services <recruitment@ashcombe.ac.uk>",
            "Outcome of your application",
            "Dear Siobhan,\n\nThank you for your application."
        )
        .as_deref(),
        Some("Ashcombe University")
    );
}

#[test]
fn names_joined_on_keep_their_place_and_their_spa() {
    // A place joined on by "&" is the name's ("Salt & Cork"), as is a spa ("SpA" is
    // Italy's legal form only after a name).
    assert_eq!(
        named(
            "Brine & Cork <noreply@brineandcork.teamtailor-mail.com>",
            "Obrigado pela sua candidatura, Rita!",
            "Olá Rita,\n\nConfirmamos a receção da sua candidatura.\n"
        )
        .as_deref(),
        Some("Brine & Cork")
    );
    assert_eq!(
        named(
            "Pau Ferrer <pau.ferrer@talentomar.es>",
            "Caso práctico – apertura de temporada",
            "Hola Rita:\n\nSerrana Resort & Spa quiere que los finalistas preparen un caso \
             práctico antes de la entrevista final.\n\nSaludos,\nPau Ferrer\n"
        )
        .as_deref(),
        Some("Serrana Resort & Spa")
    );
}

#[test]
fn a_group_keeps_its_name_over_a_word_of_it() {
    // "Alcúdia" on a job card's place line is a word of the group's name.
    assert_eq!(
        named(
            "InfoJobs <noreply@infojobs.net>",
            "Grupo Ronda Mar te invita a inscribirte en su oferta",
            "Hola Rita,\n\nGrupo Ronda Mar ha visto tu CV y cree que encajas en una de sus \
             ofertas.\n\nDirector/a de Hotel\nRonda (Málaga)\nContrato indefinido\n"
        )
        .as_deref(),
        Some("Grupo Ronda Mar")
    );
}

#[test]
fn portuguese_clients_an_agency_names() {
    // "o Hotel X decidiu avançar", "O X quer avançar" (the article is no name), and
    // a specialism beside a consultant's title is no employer.
    let agency = "Inês Lobo | Cimo <ines.lobo@cimorecrutamento.pt>";
    let signature = "\n\nUm abraço,\nInês Lobo\nSenior Consultant – Hospitality & Tourism\n\
                     Cimo Recrutamento Especializado\n";
    assert_eq!(
        named(
            agency,
            "O Palácio da Ribeira quer avançar consigo!",
            &format!(
                "Olá Rita!\n\nO Hotel Palácio da Ribeira decidiu avançar consigo para a \
                 posição de Diretora de Operações.{signature}"
            )
        )
        .as_deref(),
        Some("Hotel Palácio da Ribeira")
    );
    // An assessment tool names the employer after "para a" and before "lhe pediu".
    assert_eq!(
        named(
            "AssessFirst <noreply@assessfirst.com>",
            "Lembrete: o seu questionário para a Marinha Hotels expira em 24 horas",
            "Olá Rita,\n\nAinda não concluiu os questionários que a Marinha Hotels lhe \
             pediu.\n"
        )
        .as_deref(),
        Some("Marinha Hotels")
    );
    // A holiday region after a title is where the job is.
    assert_eq!(
        named(
            "Ed Lyle <ed.lyle@harrowsearch.co.uk>",
            "RE: Director of Operations - Algarve",
            "Morning Rita,\n\nThe client would like to meet you.\n\nEd Lyle\nPrincipal \
             Consultant, Hotels & Resorts\nHarrow Hospitality Search\n"
        )
        .as_deref(),
        Some("Harrow Hospitality Search")
    );
}

#[test]
fn job_sites_of_portugal_and_nigeria_relay_for_the_employer() {
    assert_eq!(
        named(
            "SAPO Emprego <naoresponder@emprego.sapo.pt>",
            "Atualização do estado da sua candidatura",
            "Olá Rita,\n\nO recrutador atualizou o estado da sua candidatura à oferta:\n\n\
             Gerente de Hotel\nHotel Ponte Velha · Lisboa\n\nEstado: Não selecionada\n"
        )
        .as_deref(),
        Some("Hotel Ponte Velha")
    );
    assert_eq!(
        named(
            "Jobberman Nigeria <noreply@jobberman.com>",
            "Update on your application to Ridgewave Microfinance Bank",
            "Hi Emeka,\n\nThe employer has reviewed your application for MIS Officer at \
             Ridgewave Microfinance Bank and has decided not to move forward.\n"
        )
        .as_deref(),
        Some("Ridgewave Microfinance Bank")
    );
}

#[test]
fn a_signing_service_in_its_own_name_names_the_document_s_employer() {
    assert_eq!(
        named(
            "Dropbox Sign <noreply@mail.hellosign.com>",
            "Amani Otieno has requested your signature on \"Mavuno Data – Employment \
             Agreement – E. Obi\"",
            "Amani Otieno (a.otieno@mavunodata.co.ke) has requested your signature.\n\n\
             Message from Amani:\n\"Here is your employment agreement.\"\n"
        )
        .as_deref(),
        Some("Mavuno Data")
    );
}

#[test]
fn events_streams_countries_and_abbreviations_are_no_part_of_a_name() {
    assert_eq!(
        named(
            "Payline Recruiting <scheduling@goodtime.io>",
            "Confirmed: Payline Technical Interview – Emeka Obi – Thu, Feb 5",
            "Hi Emeka,\n\nYour technical interview for the Data Analyst position at \
             Payline is confirmed.\n"
        )
        .as_deref(),
        Some("Payline")
    );
    assert_eq!(
        named(
            "Zubera Bank Recruitment <recruitment@zuberabank.com>",
            "Invitation to Computer-Based Test (CBT) - Zubera Bank Experienced Hires 2026",
            "Dear Emeka,\n\nYou have been selected to sit for the computer-based test.\n\n\
             Best regards,\nHuman Resources\nZubera Bank Plc\n"
        )
        .as_deref(),
        Some("Zubera Bank")
    );
    // A subsidiary's country; a fraud warning's address is no person's.
    assert_eq!(
        named(
            "Oakridge Bank Careers <oakridge@myworkday.com>",
            "Application Received – Business Intelligence Analyst",
            "Dear Emeka,\n\nThank you for applying at Oakridge Bank Nigeria Plc.\n\n\
             Best regards,\nTalent Acquisition\nHuman Capital Management Group\nOakridge \
             Bank\nFraud alert: Oakridge Bank will never ask you to pay any fee at any \
             stage of our recruitment process. Report it to fraudalert@oakridgebank.com.\n"
        )
        .as_deref(),
        Some("Oakridge Bank")
    );
}

#[test]
fn a_public_body_is_named_with_what_it_serves() {
    assert_eq!(
        named(
            "Noor de Wit <noor.dewit@lindetalent.nl>",
            "Goed nieuws van de Rijksdienst!",
            "Hoi Daan,\n\nIk heb net de selectiecommissie van de Rijksdienst voor Open \
             Data aan de lijn gehad: ze willen je graag aannemen.\n\nHartelijke groet,\n\
             Noor\nNoor de Wit | Senior Recruiter Overheid | Linde Talent Partners\n"
        )
        .as_deref(),
        Some("Rijksdienst voor Open Data")
    );
}

#[test]
fn brussels_bodies_sign_by_their_initials_or_their_full_name() {
    // A body's initials beside its team in the sender's name, or before its name
    // written out: as it signs.
    assert_eq!(
        named(
            "EAMR – Sélection <selection@eamr-agency.eu>",
            "Épreuve écrite – EAMR/CA/2026/011 – Chargé de politique – GF IV",
            "Monsieur,\n\nVous êtes invité à passer une épreuve écrite.\n\nUnité Ressources \
             humaines – Sélection\nAgence exécutive européenne pour les marchés ruraux (EAMR)\n"
        )
        .as_deref(),
        Some("EAMR")
    );
    assert_eq!(
        named(
            "EPSO - European Personnel Selection Office <no-reply@epso-candidates.eu>",
            "EPSO/AD/418/26 - Confirmation of your application",
            "Dear candidate,\n\nThank you for your application.\n"
        )
        .as_deref(),
        Some("EPSO")
    );
    // A signature line that ends with a non-profit's form, lower-case words and all.
    assert_eq!(
        named(
            "Anne Lemaire <anne.lemaire@fcw.be>",
            "RE: Proposition d'engagement – Chargé de mission",
            "Bonjour Maarten,\n\nPourriez-vous me faire parvenir une copie de votre carte \
             d'identité ?\n\nBien à vous,\nAnne Lemaire\nDirectrice des ressources \
             humaines\nFédération des coopératives wallonnes asbl\n"
        )
        .as_deref(),
        Some("Fédération des coopératives wallonnes")
    );
}

#[test]
fn brussels_go_betweens_name_their_client() {
    assert_eq!(
        named(
            "Claire Dubois <c.dubois@vega-executive.be>",
            "Opportunité confidentielle – Directeur des affaires publiques (H/F)",
            "Bonjour Monsieur De Clercq,\n\nNotre client, Mobilio, la fédération belge des \
             opérateurs de mobilité, recrute son futur Directeur des affaires publiques.\n\n\
             Bien cordialement,\nClaire Dubois\nSenior Partner\nVega Executive\n"
        )
        .as_deref(),
        Some("Mobilio")
    );
    assert_eq!(
        named(
            "Jobpunt Vlaanderen <selecties@jobpunt.be>",
            "Uitnodiging online test – Beleidsadviseur Europa (VMWB) – JPV-2026-0412",
            "Beste Maarten\n\nJe stelde je kandidaat voor de functie Beleidsadviseur Europa \
             bij de Vlaamse Maatschappij voor Water en Bodem (VMWB).\n"
        )
        .as_deref(),
        Some("Vlaamse Maatschappij voor Water en Bodem")
    );
    assert_eq!(
        named(
            "Indeed <noreply@indeed.com>",
            "Candidature envoyée : Consultant senior en affaires publiques",
            "Indeed\n\nVotre candidature a été envoyée à Dupont & Associés\n\nConsultant \
             senior en affaires publiques\n"
        )
        .as_deref(),
        Some("Dupont & Associés")
    );
    // Signed with a first name, about the client the subject heads with.
    assert_eq!(
        named(
            "Jim Ward <jim.ward@hartwellsearch.com>",
            "RE: Corvane Energy – Head of EU Institutional Relations",
            "Maarten,\n\nBefore I present you to their CSO next week, could you send me an \
             updated CV?\n\nBest,\nJim\n"
        )
        .as_deref(),
        Some("Corvane Energy")
    );
    assert_eq!(
        named(
            "AssessFirst <noreply@assessfirst.com>",
            "Rappel : vos questionnaires pour Dupont & Associés expirent demain",
            "Bonjour Maarten,\n\nIl vous reste un jour.\n"
        )
        .as_deref(),
        Some("Dupont & Associés")
    );
}

#[test]
fn a_sender_s_name_in_arabic_gives_its_organisation() {
    // An airline and its recruitment team; a person and her airline.
    assert_eq!(
        named(
            "طيران النخيل | التوظيف <careers@flynakheel.example>",
            "تم استلام طلبك – مهندس صيانة طائرات مرخص (B1)",
            "عزيزي عمر،\n\nتم استلام طلبك وسنتواصل معك قريباً.\n"
        )
        .as_deref(),
        Some("طيران النخيل")
    );
    assert_eq!(
        named(
            "ريم السبيعي – الراية للخدمات الفنية <talent@alrayah-ts.example>",
            "دعوة لمقابلة شخصية",
            "عزيزي عمر،\n\nيسعدنا دعوتك لمقابلة شخصية.\n"
        )
        .as_deref(),
        Some("الراية للخدمات الفنية")
    );
}

#[test]
fn vietnamese_names_after_their_forms_and_job_sites_phrases() {
    // A name in either case after its form, read to where the sentence goes on.
    assert_eq!(
        named(
            "Phòng Nhân sự <hr@spnlogistics.example>",
            "Xác nhận đã nhận hồ sơ",
            "Chào bạn,\n\nCông ty Cổ phần Giao nhận Vận tải Sao Phương Nam đã nhận được hồ \
             sơ của bạn.\n"
        )
        .as_deref(),
        Some("Giao nhận Vận tải Sao Phương Nam")
    );
    // A job site relays the employer's invitation; a signing service its group.
    assert_eq!(
        named(
            "VietnamWorks <no-reply@vietnamworks.com>",
            "Daesung Electronics Vina đã gửi lời mời phỏng vấn cho bạn",
            "Chào bạn,\n\nVui lòng xác nhận lịch phỏng vấn.\n"
        )
        .as_deref(),
        Some("Daesung Electronics Vina")
    );
    assert_eq!(
        named(
            "eContract Việt Nam <no-reply@econtract-vn.com>",
            "Tập đoàn Thép Nam Kỳ gửi bạn tài liệu cần ký: Hợp đồng lao động",
            "Chào bạn,\n\nVui lòng ký tài liệu.\n"
        )
        .as_deref(),
        Some("Thép Nam Kỳ")
    );
    // The recruitment team after its employer's name is no part of it.
    assert_eq!(
        named(
            "MuaNhanh Tuyển dụng <tuyendung@muanhanh.example>",
            "Bài đánh giá năng lực trực tuyến",
            "Chào bạn,\n\nMời bạn làm bài đánh giá.\n"
        )
        .as_deref(),
        Some("MuaNhanh")
    );
}

#[test]
fn latin_american_job_sites_platforms_and_forms() {
    assert_eq!(
        named(
            "Laborum <notificaciones@laborum.cl>",
            "¡Sol de Quillota SpA te invita a postular!",
            "Hola Valentina:\n\nRevisa el aviso.\n"
        )
        .as_deref(),
        Some("Sol de Quillota")
    );
    assert_eq!(
        named(
            "Grupo Ingesur vía Buk <notificaciones@buk.cl>",
            "Gracias por postular a Ingeniero(a) de Estudios Eléctricos",
            "Hola Valentina,\n\nRecibimos tu postulación.\n\nEquipo de Personas y Cultura\n"
        )
        .as_deref(),
        Some("Grupo Ingesur")
    );
    assert_eq!(
        named(
            "Grupo Ingesur <no-reply@empleos.ingesur.example>",
            "Restablece tu contraseña – Portal de Empleos Grupo Ingesur",
            "Hola,\n\nUsa este enlace para restablecer tu contraseña.\n"
        )
        .as_deref(),
        Some("Grupo Ingesur")
    );
    // Peru's S.A.C. is a legal form.
    assert_eq!(
        named(
            "Rosa Huamán <rosa.huaman@kallpatalent.example>",
            "Oportunidad – Ingeniero de Proyectos Renovables",
            "Hola Valentina,\n\nTe escribo por un proceso para nuestro cliente Luz del \
             Pacífico S.A.C., generadora en Lima.\n"
        )
        .as_deref(),
        Some("Luz del Pacífico")
    );
}

#[test]
fn turkish_names_without_their_trade_case_endings_or_team() {
    assert_eq!(
        named(
            "Kariyer.net <bilgi@kariyer.net>",
            "Başvurun iletildi",
            "Merhaba Zeynep,\n\nKuzeyli Beyaz Eşya Sanayi ve Ticaret A.Ş. firmasının Tedarik \
             Zinciri Planlama Uzmanı ilanına başvurun başarıyla iletildi.\n"
        )
        .as_deref(),
        Some("Kuzeyli Beyaz Eşya")
    );
    assert_eq!(
        named(
            "Kariyer.net <bilgi@kariyer.net>",
            "Başvurun Modaliva'ya iletildi",
            "Merhaba Zeynep,\n\nBaşvurunun durumunu takip edebilirsin.\n"
        )
        .as_deref(),
        Some("Modaliva")
    );
    assert_eq!(
        named(
            "Sepetto Yetenek Kazanımı Ekibi <kariyer@sepetto.example>",
            "Başvurunu aldık, Zeynep!",
            "Merhaba Zeynep,\n\nBaşvurunu aldık.\n"
        )
        .as_deref(),
        Some("Sepetto")
    );
    // A subsidiary's country is no part of the name.
    assert_eq!(
        named(
            "Lindqvist Packaging Türkiye <jobs@lindqvist.example>",
            "Update on your application",
            "Dear Zeynep,\n\nThank you for applying.\n"
        )
        .as_deref(),
        Some("Lindqvist Packaging")
    );
}
