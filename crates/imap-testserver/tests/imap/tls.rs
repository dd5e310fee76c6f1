//! Logins on the plain port, after STARTTLS and on the implicit-TLS port, with the
//! server's certificate verified against the test CA only.

use std::net::TcpStream;
use std::sync::Arc;

use jobtrail_imap_testserver::{Dovecot, ImapConnection, Status};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName};
use rustls::{ClientConfig, ClientConnection, RootCertStore, StreamOwned};

use crate::user;

type Tls = StreamOwned<ClientConnection, TcpStream>;

/// A client config trusting `roots` only.
fn config(roots: RootCertStore) -> Arc<ClientConfig> {
    let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
    Arc::new(
        ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .unwrap()
            .with_root_certificates(roots)
            .with_no_client_auth(),
    )
}

fn test_ca(server: &Dovecot) -> RootCertStore {
    let mut roots = RootCertStore::empty();
    let ca = CertificateDer::from_pem_file(server.ca_pem_path()).expect("the CA PEM reads");
    roots.add(ca).expect("the test CA is a valid root");
    roots
}

fn wrap(tcp: TcpStream, roots: RootCertStore, name: &str) -> Tls {
    let name = ServerName::try_from(name.to_owned()).unwrap();
    StreamOwned::new(ClientConnection::new(config(roots), name).unwrap(), tcp)
}

fn tcp(port: u16) -> TcpStream {
    let tcp = TcpStream::connect(("127.0.0.1", port)).unwrap();
    tcp.set_read_timeout(Some(std::time::Duration::from_secs(30)))
        .unwrap();
    tcp
}

#[test]
fn plain_login_works_and_idle_is_offered() {
    let server = Dovecot::shared();
    let (u, p) = user(server, "plain");
    let caps = server.capabilities().unwrap();
    for cap in ["IDLE", "STARTTLS", "LITERAL+", "AUTH=PLAIN"] {
        assert!(
            caps.iter().any(|c| c == cap),
            "{cap} offered before login: {caps:?}"
        );
    }
    let mut conn = server.login(&u, &p).unwrap();
    let caps = conn.capabilities().unwrap();
    for cap in ["IDLE", "UIDPLUS", "MULTIAPPEND"] {
        assert!(
            caps.iter().any(|c| c == cap),
            "{cap} offered after login: {caps:?}"
        );
    }
    conn.logout().unwrap();
}

#[test]
fn a_wrong_password_or_unknown_user_is_refused() {
    let server = Dovecot::shared();
    let (u, p) = user(server, "refused");
    let mut conn = server.connect().unwrap();
    let answer = conn.try_login(&u, "not-the-password").unwrap();
    assert_eq!(
        answer.status,
        Status::No,
        "a wrong password is refused: {answer:?}"
    );
    assert!(
        answer.text.contains("AUTHENTICATIONFAILED"),
        "the refusal says why, as RFC 5530 has it: {}",
        answer.text
    );
    let answer = server
        .connect()
        .unwrap()
        .try_login("nobody-here", &p)
        .unwrap();
    assert_eq!(answer.status, Status::No, "an unknown user is refused");
    let started = std::time::Instant::now();
    server
        .login(&u, &p)
        .expect("the right password still works");
    assert!(
        started.elapsed() < std::time::Duration::from_secs(2),
        "no auth penalty after failures (took {:?})",
        started.elapsed()
    );
}

#[test]
fn starttls_login_is_verified_against_the_test_ca() {
    let server = Dovecot::shared();
    let (u, p) = user(server, "starttls");
    let conn = ImapConnection::new(tcp(server.plain_port())).unwrap();
    let tcp = conn.starttls().unwrap();
    let mut conn = ImapConnection::after_starttls(wrap(tcp, test_ca(server), "localhost"));
    let caps = conn.capabilities().expect("the TLS handshake verifies");
    assert!(
        !caps.iter().any(|c| c == "STARTTLS"),
        "no STARTTLS offered once on TLS: {caps:?}"
    );
    conn.login(&u, &p).unwrap();
    conn.logout().unwrap();
}

#[test]
fn implicit_tls_login_is_verified_for_name_and_address() {
    let server = Dovecot::shared();
    let (u, p) = user(server, "imaps");
    for name in ["localhost", "127.0.0.1"] {
        let stream = wrap(tcp(server.tls_port()), test_ca(server), name);
        let mut conn = ImapConnection::new(stream)
            .unwrap_or_else(|e| panic!("TLS to {name} verifies against the test CA: {e:#}"));
        conn.login(&u, &p).unwrap();
        conn.logout().unwrap();
    }
}

#[test]
fn tls_fails_without_the_test_ca_or_for_another_name() {
    let server = Dovecot::shared();
    let untrusted = ImapConnection::new(wrap(
        tcp(server.tls_port()),
        RootCertStore::empty(),
        "localhost",
    ));
    let e = format!("{:#}", untrusted.unwrap_err());
    assert!(e.contains("UnknownIssuer"), "an unknown CA is refused: {e}");
    let wrong_name = ImapConnection::new(wrap(
        tcp(server.tls_port()),
        test_ca(server),
        "imap.example.com",
    ));
    let e = format!("{:#}", wrong_name.unwrap_err());
    assert!(
        e.contains("not valid for name"),
        "another host name is refused: {e}"
    );
}

#[test]
fn a_changed_password_applies_at_once() {
    let server = Dovecot::shared();
    let (u, old) = user(server, "rotate");
    server.login(&u, &old).unwrap();
    server.add_user(&u, "the-new-one").unwrap();
    server
        .login(&u, "the-new-one")
        .expect("the new password works");
    let answer = server.connect().unwrap().try_login(&u, &old).unwrap();
    assert_eq!(answer.status, Status::No, "the old one no longer does");
}
