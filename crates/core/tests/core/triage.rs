//! The pre-filter in front of the analyst, measured on labelled mail: how much job mail
//! would it keep from the model? It must be (near) none — a missed interview invite
//! costs far more than a model call — while newsletters cost nothing.

use jobtrail_core::agent::email_analyst::EmailInput;
use jobtrail_core::agent::triage::triage;

/// (from, subject, body) of job-search mail as people receive it, worded many ways:
/// confirmations without "received", polite offers and rejections without their
/// keywords, recruiters relayed by job sites, scheduling notes, requests for action.
const JOB_MAIL: &[(&str, &str, &str)] = &[
    // Malay: an offer, a request for papers before the first day.
    (
        "azlina@gemamedia.my",
        "Tawaran Jawatan Ketua Sumber Manusia",
        "Saya dengan sukacitanya ingin memaklumkan pelantikan puan.",
    ),
    (
        "khadijah.noor@rimbaplantations.com.my",
        "Borang Maklumat Pekerja Baharu & Dokumen Lapor Diri",
        "Mohon puan lengkapkan borang yang dilampirkan sebelum 20 Mei 2026.",
    ),
    // Indonesian: a test's reminder, a decline after it.
    (
        "noreply@kencanaintegra.com",
        "Pengingat: Tes Online Anda berakhir dalam 24 jam",
        "Kami ingin mengingatkan bahwa Anda belum menyelesaikan tes untuk posisi Konsultan.",
    ),
    (
        "noreply@kencanaintegra.com",
        "Hasil Seleksi",
        "Setelah meninjau hasil tes Anda, kami mohon maaf belum dapat melanjutkan lamaran Anda.",
    ),
    (
        "no-reply@greenhouse.io",
        "Thanks from Globex",
        "We got your details and the team will take a look.",
    ),
    (
        "careers@initech.com",
        "We've got it!",
        "Your submission for Platform Engineer is in our system.",
    ),
    (
        "jobs@umbrella.example",
        "Confirmation",
        "This confirms we have your materials for the Data Analyst opening.",
    ),
    (
        "talent@hooli.example",
        "Hooli: next steps",
        "Could you share a few times for a 30-minute chat with our engineering lead?",
    ),
    (
        "sam@piedpiper.example",
        "Chat this week?",
        "Loved your background. Are you free Thursday to talk about joining the team?",
    ),
    (
        "recruiting@vandelay.example",
        "Good news",
        "We'd love to have you on board as Import/Export Analyst. The paperwork is attached.",
    ),
    (
        "hr@stark.example",
        "Welcome aboard!",
        "We're delighted to welcome you. Your first day would be 5 January; salary details attached.",
    ),
    (
        "people@wayne.example",
        "Update",
        "Thank you for your time. We have decided to go with someone whose experience more closely matches our needs.",
    ),
    (
        "hiring@cyberdyne.example",
        "Your recent conversation with us",
        "After careful consideration we won't be taking things further at this time.",
    ),
    (
        "inmail-hit-reply@linkedin.com",
        "Alex, a message from Jordan",
        "Hi Alex, I lead engineering hiring at a fintech in Berlin.",
    ),
    (
        "jobs-noreply@linkedin.com",
        "Your update from Acme",
        "Acme viewed your submission.",
    ),
    (
        "noreply@indeed.com",
        "A company reached out",
        "Soylent sent you a message about a Backend Developer job.",
    ),
    (
        "noreply@hackerrank.com",
        "Complete your challenge",
        "Massive Dynamic has invited you to a 90-minute test.",
    ),
    (
        "no-reply@codility.com",
        "Task for Dunder Mifflin",
        "Please finish the task within 7 days.",
    ),
    (
        "calendar@globex.example",
        "Invitation: Technical round @ Tue 10am",
        "Join with Google Meet. Panel: Hank, Marge.",
    ),
    (
        "maria@tyrell.example",
        "Re: Senior SRE",
        "Just checking whether you had a chance to look at my last note?",
    ),
    (
        "hr@oscorp.example",
        "Action needed: documents",
        "Please sign the attached contract and return your references by Friday.",
    ),
    (
        "no-reply@myworkday.com",
        "Status of your submission",
        "Your status has changed. Log in to view.",
    ),
    (
        "notifications@smartrecruiters.com",
        "Aperture",
        "Aperture Science would like to move forward with you.",
    ),
    (
        "noreply@ashbyhq.com",
        "Schedule time with Wonka",
        "Pick a slot for your conversation with the team.",
    ),
    (
        "no-reply@hire.lever.co",
        "Rekall",
        "Thanks for your interest in Rekall. We'll be in touch.",
    ),
    (
        "talent@gringotts.example",
        "Your candidacy",
        "We reviewed it and would like to continue.",
    ),
    (
        "headhunter@search.example",
        "Confidential search",
        "I'm retained on a VP Engineering search and thought of you.",
    ),
    (
        "recruiter@agency.example",
        "Contract gig",
        "6-month contract, fully remote, Rust + Kafka. Interested?",
    ),
    (
        "ceo@startup.example",
        "Coffee?",
        "I saw your talk and wonder if you'd consider joining us as our first engineer.",
    ),
    (
        "hr@bluth.example",
        "Offer details",
        "Attached is your compensation package for review.",
    ),
    (
        "people@prestige.example",
        "Background check",
        "Our partner will contact you to complete the screening.",
    ),
    (
        "team@weyland.example",
        "Take-home exercise",
        "Here is the exercise we mentioned; no rush.",
    ),
    (
        "hr@ollivanders.example",
        "Bewerbung als Entwickler",
        "Vielen Dank für Ihre Bewerbung.",
    ),
    (
        "rh@fromagerie.example",
        "Votre candidature",
        "Nous avons bien reçu votre candidature.",
    ),
    (
        "talent@monsters.example",
        "Onsite logistics",
        "Your on-site is confirmed; travel details below.",
    ),
    (
        "jordan@initech.com",
        "Reference request",
        "Could you send two references we can call?",
    ),
    (
        "no-reply@wellfound.com",
        "New message from Skynet",
        "Skynet wants to talk to you about Founding Engineer.",
    ),
    (
        "hiring@duff.example",
        "Position filled",
        "The role you asked about has been filled; we'll keep your CV on file.",
    ),
    (
        "hr@krusty.example",
        "Phone screen tomorrow",
        "Confirming 2pm. I'll call the number on your resume.",
    ),
];

/// Bulk and personal mail with nothing to do with a job search.
const OTHER_MAIL: &[(&str, &str, &str)] = &[
    (
        "news@medium.com",
        "Your daily digest",
        "Stories about gardening, cooking and travel picked for you.",
    ),
    (
        "orders@shop.example",
        "Your order has shipped",
        "Track your parcel: it arrives Tuesday.",
    ),
    (
        "noreply@bank.example",
        "Your statement is ready",
        "Log in to see your monthly statement.",
    ),
    (
        "mum@family.example",
        "Sunday lunch",
        "Roast at 1, bring the dog.",
    ),
    (
        "deals@airline.example",
        "Fares from 29 €",
        "Fly to Lisbon this winter. Unsubscribe any time.",
    ),
    (
        "security@cloud.example",
        "New sign-in",
        "A new device signed in to your account.",
    ),
];

fn input(&(from, subject, body): &(&str, &str, &str)) -> EmailInput {
    EmailInput {
        from: from.to_owned(),
        subject: subject.to_owned(),
        date: None,
        body: body.to_owned(),
    }
}

#[test]
fn the_pre_filter_keeps_no_labelled_job_mail_from_the_model() {
    let missed: Vec<_> = JOB_MAIL
        .iter()
        .filter(|m| !triage(&input(m), &[]).job_related)
        .map(|m| m.1)
        .collect();
    let skipped_other = OTHER_MAIL
        .iter()
        .filter(|m| !triage(&input(m), &[]).job_related)
        .count();
    println!(
        "pre-filter: {} of {} labelled job mails would be skipped; {} of {} other mails skipped",
        missed.len(),
        JOB_MAIL.len(),
        skipped_other,
        OTHER_MAIL.len()
    );
    assert!(
        missed.is_empty(),
        "job mail kept from the analyst: {missed:?}"
    );
    assert_eq!(
        skipped_other,
        OTHER_MAIL.len(),
        "mail with nothing about a job costs no model call"
    );
}

/// The labelled corpus: `tune` or `holdout`.
fn corpus(set: &str) -> jobtrail_core::service::eval::LabelledSet {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/mail")
        .join(set);
    jobtrail_core::service::eval::set::from_dir(&dir).unwrap()
}

/// The job mails of one set the pre-filter would skip, how many job mails it has, and
/// how many of its other mails would be skipped and are there.
fn skipped_on(set: &str) -> (Vec<String>, usize, usize, usize) {
    let p = jobtrail_core::service::eval::Prefilter::of(&corpus(set).items);
    (
        p.job_skipped_items,
        p.job_mail as usize,
        p.other_skipped as usize,
        p.other_mail as usize,
    )
}

#[test]
fn the_pre_filter_keeps_the_corpus_job_mail_for_the_analyst() {
    for set in [
        "tune", "holdout", "check", "check2", "check3", "check4", "check5", "check6", "check7",
        "check8", "check9", "check10", "check11", "check12", "check13", "check14", "check15",
        "check16", "check17", "check18", "check19", "check20", "check21", "check22", "check23",
        "check24", "check25", "check26", "check27", "check28", "check29", "check30", "check31",
        "check34", "check35", "check36", "check38", "check40", "check41", "check42", "check39",
        "check44", "check49", "check51", "check53", "check52", "check48", "check55", "check61",
        "check57", "check60", "check56", "check64", "check63", "check62", "check58", "check73",
        "check71", "check68", "check69", "check70", "check72", "check77", "check79", "check84",
        "check83", "check82", "check81",
    ] {
        let (job_skipped, job, other_skipped, other) = skipped_on(set);
        println!(
            "pre-filter on {set}: {} of {job} job mails would be skipped; \
             {other_skipped} of {other} other mails skipped",
            job_skipped.len()
        );
        assert!(
            job_skipped.is_empty(),
            "the pre-filter would keep these job mails of the {set} set from the analyst: {job_skipped:?}"
        );
    }
}

/// The sets the built-in engine's learned words are counted from.
fn learned_from() -> Vec<String> {
    let list = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/mail/learned-from.txt");
    std::fs::read_to_string(list)
        .unwrap()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_learned_words_are_counted_from_the_read_sets_only() {
    let sets = learned_from();
    // Sets kept back to measure new mail stay out of what the engine learned.
    for kept_back in [
        "check32", "check33", "check37", "check43", "check45", "check46", "check47", "check50",
        "check54", "check59", "check65", "check66", "check67", "check74", "check75", "check76",
        "check78", "check80", "check85", "check86", "check87", "check88", "check89", "check90",
        "check91",
    ] {
        assert!(
            !sets.iter().any(|s| s == kept_back),
            "{kept_back} is kept back"
        );
    }
    let table = jobtrail_core::service::eval::learned_words(
        &sets.iter().map(|s| corpus(s)).collect::<Vec<_>>(),
    );
    let shipped = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("src/agent/builtin/learned_words.tsv");
    assert!(
        std::fs::read_to_string(shipped).unwrap() == table,
        "learned_words.tsv is not what the sets of learned-from.txt give: run `make learn-words`"
    );
}
