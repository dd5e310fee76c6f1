//! The test server is a real IMAP server with the edges sync tests rely on: logins on
//! every port verified against the test CA, flags and UIDVALIDITY as IMAP defines
//! them, Gmail-style folder names, stop and restart, fast seeding, and no Dovecot left
//! behind when a test process ends.

#![allow(clippy::unwrap_used)] // a failed unwrap is a failed test

mod fixtures;
mod lifetime;
mod mailboxes;
mod tls;

use jobtrail_imap_testserver::Dovecot;

/// Adds user `name` (each test its own) and returns (user, password).
fn user(server: &Dovecot, name: &str) -> (String, String) {
    let password = format!("pw-{name}-Ünïcode");
    server
        .add_user(name, &password)
        .expect("adding a test user");
    (name.to_owned(), password)
}
