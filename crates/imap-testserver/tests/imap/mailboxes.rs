//! Appends, flags, UIDVALIDITY and folder names as a sync test sees them.

use std::time::{Duration, Instant};

use jobtrail_imap_testserver::{Dovecot, fixtures};

use crate::user;

#[test]
fn append_and_flags_round_trip() {
    let server = Dovecot::shared();
    let (u, p) = user(server, "flags");
    server.create_folder(&u, &p, "Jobs").unwrap();
    let invite = fixtures::by_name(fixtures::GREENHOUSE_INTERVIEW).unwrap();
    let first = server
        .append(&u, &p, "Jobs", &invite, &["\\Seen", "$Job"])
        .unwrap();
    let second = server.append(&u, &p, "Jobs", &invite, &[]).unwrap();
    assert!(second > first, "UIDs ascend: {first}, {second}");
    assert_eq!(server.count(&u, &p, "Jobs").unwrap(), 2);

    let flags = server.flags(&u, &p, "Jobs").unwrap();
    assert_eq!(
        flags,
        vec![
            (first, vec!["\\Seen".to_owned(), "$Job".to_owned()]),
            (second, vec![]),
        ],
        "flags as appended, \\Recent left out"
    );
    assert_eq!(
        server.flags(&u, &p, "Jobs").unwrap(),
        flags,
        "reading flags (EXAMINE) changes nothing"
    );

    server
        .set_flags(&u, &p, "Jobs", second, &["\\Flagged"])
        .unwrap();
    server.set_flags(&u, &p, "Jobs", first, &[]).unwrap();
    assert_eq!(
        server.flags(&u, &p, "Jobs").unwrap(),
        vec![(first, vec![]), (second, vec!["\\Flagged".to_owned()])],
        "set_flags replaces the flags"
    );
}

#[test]
fn recreating_a_folder_changes_its_uidvalidity() {
    let server = Dovecot::shared();
    let (u, p) = user(server, "recreate");
    server.create_folder(&u, &p, "Archive").unwrap();
    server
        .append(
            &u,
            &p,
            "Archive",
            &fixtures::by_name("rejection").unwrap(),
            &[],
        )
        .unwrap();
    let before = server.uid_validity(&u, &p, "Archive").unwrap();
    let after = server.recreate_folder(&u, &p, "Archive").unwrap();
    assert_ne!(before, after, "a recreated folder has a new UIDVALIDITY");
    assert_eq!(server.uid_validity(&u, &p, "Archive").unwrap(), after);
    assert_eq!(server.count(&u, &p, "Archive").unwrap(), 0, "and is empty");
    let uid = server
        .append(
            &u,
            &p,
            "Archive",
            &fixtures::by_name("rejection").unwrap(),
            &[],
        )
        .unwrap();
    assert_eq!(uid, 1, "UIDs start over under the new UIDVALIDITY");
}

#[test]
fn gmail_all_mail_can_be_created_appended_to_and_examined() {
    let server = Dovecot::shared();
    let (u, p) = user(server, "gmail");
    let folder = "[Gmail]/All Mail";
    server.create_folder(&u, &p, folder).unwrap();
    let raw = fixtures::by_name("plain-utf8").unwrap();
    let uid = server.append(&u, &p, folder, &raw, &["\\Seen"]).unwrap();

    let mut conn = server.login(&u, &p).unwrap();
    let list = conn.run("LIST \"\" \"*\"").unwrap();
    let names: Vec<String> = list
        .untagged
        .iter()
        .map(|l| String::from_utf8_lossy(l).into_owned())
        .collect();
    assert!(
        names
            .iter()
            .any(|l| l.ends_with("\"/\" \"[Gmail]/All Mail\"")),
        "LIST shows the folder with `/` as separator: {names:?}"
    );
    assert!(
        names
            .iter()
            .any(|l| l.contains("\\Noselect") && l.ends_with(" [Gmail]")),
        "its parent [Gmail] exists but holds no mail, as on Gmail: {names:?}"
    );
    let mailbox = conn.examine(folder).unwrap();
    assert_eq!(mailbox.exists, 1);
    assert_eq!(mailbox.uid_next, uid + 1);
    assert_eq!(
        conn.fetch_flags().unwrap(),
        vec![(uid, vec!["\\Seen".to_owned()])]
    );
    conn.logout().unwrap();
}

#[test]
fn non_ascii_folder_names_are_sent_as_modified_utf7() {
    let server = Dovecot::shared();
    let (u, p) = user(server, "umlaut");
    let folder = "Bewerbungen/Rückmeldung & Absagen";
    server.create_folder(&u, &p, folder).unwrap();
    server
        .append(
            &u,
            &p,
            folder,
            &fixtures::by_name("rejection").unwrap(),
            &[],
        )
        .unwrap();
    assert_eq!(server.count(&u, &p, folder).unwrap(), 1);
    let mut conn = server.login(&u, &p).unwrap();
    let list = conn.run("LIST \"\" \"Bewerbungen/*\"").unwrap();
    let line = String::from_utf8_lossy(&list.untagged[0]).into_owned();
    assert!(
        line.ends_with("\"Bewerbungen/R&APw-ckmeldung &- Absagen\""),
        "the server holds the RFC 3501 name: {line}"
    );
}

#[test]
fn deleted_folders_are_gone() {
    let server = Dovecot::shared();
    let (u, p) = user(server, "delete");
    server.create_folder(&u, &p, "Old").unwrap();
    server.delete_folder(&u, &p, "Old").unwrap();
    let e = server.count(&u, &p, "Old").unwrap_err();
    assert!(format!("{e:#}").contains("doesn't exist"), "{e:#}");
}

#[test]
fn ten_thousand_messages_append_in_seconds() {
    let server = Dovecot::shared();
    let (u, p) = user(server, "bulk");
    let started = Instant::now();
    let messages = (0..10_000).map(|i| {
        format!(
            "From: Recruiter {i} <r{i}@bulk.example>\r\nTo: alex@jobseeker.example\r\n\
             Subject: Opening number {i}\r\nMessage-ID: <bulk-{i}@bulk.example>\r\n\r\n\
             Body of message {i}.\r\n"
        )
        .into_bytes()
    });
    let appended = server.append_many(&u, &p, "INBOX", messages).unwrap();
    let took = started.elapsed();
    eprintln!("append_many: 10,000 messages in {took:?}");
    assert_eq!(appended, 10_000);
    assert_eq!(server.count(&u, &p, "INBOX").unwrap(), 10_000);
    assert!(
        took < Duration::from_secs(60),
        "seeding a benchmark mailbox takes seconds, not minutes: {took:?}"
    );
}
