//! One IMAP connection: TCP, TLS (implicit or STARTTLS) checked against the system's
//! roots (`SSL_CERT_FILE` and `SSL_CERT_DIR` are honoured, for a company CA), login,
//! and the read-only commands sync needs.
//!
//! Nothing here can change a mailbox. Only `CAPABILITY`, `LOGIN`, `LIST`, `EXAMINE`,
//! `UID SEARCH`, `UID FETCH (… BODY.PEEK[])`, `IDLE`, `NOOP` and `LOGOUT` are ever
//! sent: never `SELECT`, `STORE`, `EXPUNGE`, `MOVE`, `COPY` or `APPEND`, so flags
//! (`\Seen` included) stay as the person left them.

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};
use std::time::Duration;

use async_imap::types::Fetch;
use futures_util::StreamExt;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpStream;

use super::account::Security;
use super::{Error, Result, utf7};
use crate::secrets::Password;

/// Longest wait to connect, log in or for one command's answer.
const COMMAND_TIMEOUT: Duration = Duration::from_secs(60);
/// Longest wait for the TCP connection and TLS handshake.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(20);

/// A byte stream IMAP can run over (plain or TLS).
trait Io: AsyncRead + AsyncWrite + Unpin + Send + std::fmt::Debug {}
impl<T: AsyncRead + AsyncWrite + Unpin + Send + std::fmt::Debug> Io for T {}

type Session = async_imap::Session<Box<dyn Io>>;

/// Where and how to log in.
#[derive(Debug, Clone, Copy)]
pub struct Target<'a> {
    /// The server.
    pub host: &'a str,
    /// Its port.
    pub port: u16,
    /// How the connection is protected.
    pub security: Security,
    /// The login name.
    pub user: &'a str,
}

/// A folder opened read-only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Examined {
    /// Its `UIDVALIDITY`: UIDs are comparable only while it stays the same.
    pub uid_validity: u32,
    /// The UID the next message will get, if the server says.
    pub uid_next: Option<u32>,
    /// Messages in it.
    pub exists: u32,
}

/// A folder as the server lists it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct FolderInfo {
    /// Its name, in UTF-8.
    pub name: String,
    /// Whether it can be opened (not a mere level of the hierarchy).
    pub selectable: bool,
}

/// A logged-in, read-only IMAP session.
#[derive(Debug)]
pub struct Connection {
    session: Session,
    server: String,
    idle: bool,
}

/// The TLS settings: the system's roots plus `SSL_CERT_FILE` / `SSL_CERT_DIR`, read
/// once per process. No "accept any certificate" switch exists.
fn tls_config() -> std::result::Result<Arc<rustls::ClientConfig>, String> {
    static CONFIG: OnceLock<std::result::Result<Arc<rustls::ClientConfig>, String>> =
        OnceLock::new();
    CONFIG
        .get_or_init(|| {
            let found = rustls_native_certs::load_native_certs();
            let mut roots = rustls::RootCertStore::empty();
            let (added, _ignored) = roots.add_parsable_certificates(found.certs);
            for e in &found.errors {
                tracing::warn!(error = %e, "a trusted certificate could not be read");
            }
            if added == 0 {
                return Err(
                    "no trusted root certificates were found (install ca-certificates, \
                     or point SSL_CERT_FILE at your CA bundle)"
                        .to_owned(),
                );
            }
            let provider = Arc::new(rustls::crypto::aws_lc_rs::default_provider());
            let config = rustls::ClientConfig::builder_with_provider(provider)
                .with_safe_default_protocol_versions()
                .map_err(|e| e.to_string())?
                .with_root_certificates(roots)
                .with_no_client_auth();
            Ok(Arc::new(config))
        })
        .clone()
}

async fn within<T>(
    server: &str,
    what: &str,
    limit: Duration,
    f: impl Future<Output = T>,
) -> Result<T> {
    tokio::time::timeout(limit, f)
        .await
        .map_err(|_| Error::Timeout {
            server: server.to_owned(),
            what: what.to_owned(),
        })
}

/// The server's own words from async-imap's rendering of a `NO`/`BAD` answer
/// (`code: None, info: Some("[AUTHENTICATIONFAILED] Authentication failed.")`).
fn server_words(raw: &str) -> String {
    let words = raw
        .split_once("info: Some(\"")
        .and_then(|(_, rest)| rest.rsplit_once("\")"))
        .map_or(raw, |(inside, _)| inside);
    let words = words.replace("\\\"", "\"");
    if words.trim().is_empty() {
        "the server gave no reason".to_owned()
    } else {
        words.trim().to_owned()
    }
}

/// Whether a refused LOGIN is about the credentials (RFC 5530's codes, or no code):
/// `[UNAVAILABLE]`, `[LIMIT]`, `[INUSE]`, `[ALERT] Too many connections` are not.
fn refuses_credentials(reason: &str) -> bool {
    let r = reason.trim_start();
    match r.strip_prefix('[').and_then(|rest| rest.split_once(']')) {
        None => true,
        Some((code, _)) => {
            let code = code
                .split_whitespace()
                .next()
                .unwrap_or("")
                .to_ascii_uppercase();
            matches!(
                code.as_str(),
                "AUTHENTICATIONFAILED" | "AUTHORIZATIONFAILED" | "EXPIRED" | "PRIVACYREQUIRED"
            )
        }
    }
}

/// An async-imap failure as ours; `folder` names the folder a `NO` was about.
fn imap_error(server: &str, folder: Option<&str>, e: async_imap::error::Error) -> Error {
    use async_imap::error::Error as E;
    match (e, folder) {
        (E::Io(io), _) => Error::Connect {
            server: server.to_owned(),
            reason: io.to_string(),
        },
        (E::ConnectionLost, _) => Error::Connect {
            server: server.to_owned(),
            reason: "the server closed the connection".to_owned(),
        },
        (E::No(reason) | E::Bad(reason), Some(folder)) => Error::Folder {
            folder: folder.to_owned(),
            reason: server_words(&reason),
        },
        (E::Validate(v), Some(folder)) => Error::Folder {
            folder: folder.to_owned(),
            reason: v.to_string(),
        },
        (other, _) => Error::Protocol {
            server: server.to_owned(),
            reason: other.to_string(),
        },
    }
}

async fn tls_wrap(server: &str, host: &str, tcp: TcpStream) -> Result<Box<dyn Io>> {
    let config = tls_config().map_err(|reason| Error::Tls {
        server: server.to_owned(),
        reason,
    })?;
    let name =
        rustls::pki_types::ServerName::try_from(host.to_owned()).map_err(|e| Error::Tls {
            server: server.to_owned(),
            reason: format!("{host} is not a valid server name: {e}"),
        })?;
    let tls = within(
        server,
        "the TLS handshake",
        CONNECT_TIMEOUT,
        tokio_rustls::TlsConnector::from(config).connect(name, tcp),
    )
    .await?
    .map_err(|e| Error::Tls {
        server: server.to_owned(),
        reason: e.to_string(),
    })?;
    Ok(Box::new(tls))
}

impl Connection {
    /// Connects, secures the connection as the account says and logs in.
    #[tracing::instrument(skip_all, fields(host = target.host, port = target.port, security = target.security.as_str()))]
    pub async fn open(target: Target<'_>, password: &Password) -> Result<Self> {
        let server = format!("{}:{}", target.host, target.port);
        let tcp = within(
            &server,
            "the connection",
            CONNECT_TIMEOUT,
            TcpStream::connect((target.host, target.port)),
        )
        .await?
        .map_err(|e| Error::Connect {
            server: server.clone(),
            reason: e.to_string(),
        })?;
        let _ = tcp.set_nodelay(true);
        let stream: Box<dyn Io> = match target.security {
            Security::Tls => tls_wrap(&server, target.host, tcp).await?,
            Security::None => Box::new(tcp),
            Security::Starttls => {
                let mut client = async_imap::Client::new(tcp);
                greeting(&server, &mut client).await?;
                within(
                    &server,
                    "STARTTLS",
                    COMMAND_TIMEOUT,
                    client.run_command_and_check_ok("STARTTLS", None),
                )
                .await?
                .map_err(|e| Error::Tls {
                    server: server.clone(),
                    reason: format!("the server refused STARTTLS: {e}"),
                })?;
                tls_wrap(&server, target.host, client.into_inner()).await?
            }
        };
        let mut client = async_imap::Client::new(stream);
        if target.security != Security::Starttls {
            greeting(&server, &mut client).await?;
        }
        let login = within(
            &server,
            "the login",
            COMMAND_TIMEOUT,
            client.login(target.user, password.expose()),
        )
        .await?;
        let mut session = match login {
            Ok(s) => s,
            Err((
                async_imap::error::Error::No(reason) | async_imap::error::Error::Bad(reason),
                _,
            )) => {
                let reason = server_words(&reason);
                return Err(if refuses_credentials(&reason) {
                    Error::Authentication { server, reason }
                } else {
                    // Too many connections, a temporary auth outage: worth another try,
                    // never a reason to stop the account.
                    Error::Protocol { server, reason }
                });
            }
            Err((e, _)) => return Err(imap_error(&server, None, e)),
        };
        let caps = within(
            &server,
            "CAPABILITY",
            COMMAND_TIMEOUT,
            session.capabilities(),
        )
        .await?
        .map_err(|e| imap_error(&server, None, e))?;
        let idle = caps.has_str("IDLE");
        tracing::debug!(idle, "logged in");
        Ok(Self {
            session,
            server,
            idle,
        })
    }

    /// Whether the server offers `IDLE`.
    pub fn supports_idle(&self) -> bool {
        self.idle
    }

    /// Every folder of the account.
    pub async fn folders(&mut self) -> Result<Vec<FolderInfo>> {
        let server = self.server.clone();
        let names = within(&server, "LIST", COMMAND_TIMEOUT, async {
            let mut out = Vec::new();
            let mut stream = self.session.list(Some(""), Some("*")).await?;
            while let Some(n) = stream.next().await {
                let n = n?;
                let selectable = !n.attributes().iter().any(|a| {
                    matches!(a, async_imap::types::NameAttribute::NoSelect)
                        || matches!(a, async_imap::types::NameAttribute::Extension(x)
                            if x.eq_ignore_ascii_case("\\NonExistent"))
                });
                out.push(FolderInfo {
                    name: utf7::decode(n.name()),
                    selectable,
                });
            }
            Ok::<_, async_imap::error::Error>(out)
        })
        .await?
        .map_err(|e| imap_error(&server, None, e))?;
        Ok(names)
    }

    /// Opens `folder` read-only (`EXAMINE`).
    pub async fn examine(&mut self, folder: &str) -> Result<Examined> {
        let server = self.server.clone();
        let mailbox = within(
            &server,
            "EXAMINE",
            COMMAND_TIMEOUT,
            self.session.examine(utf7::encode(folder)),
        )
        .await?
        .map_err(|e| imap_error(&server, Some(folder), e))?;
        let uid_validity = mailbox.uid_validity.ok_or_else(|| Error::Protocol {
            server: server.clone(),
            reason: format!("no UIDVALIDITY for folder {folder:?}"),
        })?;
        Ok(Examined {
            uid_validity,
            uid_next: mailbox.uid_next,
            exists: mailbox.exists,
        })
    }

    /// UIDs above `after` of messages that arrived on or after `since`, ascending, in
    /// the examined folder.
    pub async fn uids_after(&mut self, after: u32, since: chrono::NaiveDate) -> Result<Vec<u32>> {
        let server = self.server.clone();
        let query = format!(
            "UID {}:* SINCE {}",
            after.saturating_add(1),
            since.format("%-d-%b-%Y")
        );
        let found = within(
            &server,
            "UID SEARCH",
            COMMAND_TIMEOUT,
            self.session.uid_search(&query),
        )
        .await?
        .map_err(|e| imap_error(&server, None, e))?;
        // `n:*` always matches the highest UID, even one below n.
        let mut uids: Vec<u32> = found.into_iter().filter(|u| *u > after).collect();
        uids.sort_unstable();
        Ok(uids)
    }

    /// Sizes in bytes of the messages with these UIDs, as the server reports them.
    pub async fn sizes(&mut self, uids: &[u32]) -> Result<BTreeMap<u32, u32>> {
        let mut out = BTreeMap::new();
        for set in uid_sets(uids, MAX_SET_CHARS) {
            let fetched = self
                .fetch(&set, "(UID RFC822.SIZE)", COMMAND_TIMEOUT)
                .await?;
            for f in fetched {
                if let (Some(uid), Some(size)) = (f.uid, f.size) {
                    out.insert(uid, size);
                }
            }
        }
        Ok(out)
    }

    /// The raw messages with these UIDs, without marking them read (`BODY.PEEK[]`);
    /// `bytes` is their size as the server reported it (the wait grows with it, so a
    /// slow line is not taken for a dead one). A UID missing from the answer (expunged
    /// since, or unreadable on the server) is missing from the result.
    pub async fn bodies(&mut self, uids: &[u32], bytes: u64) -> Result<Vec<(u32, Vec<u8>)>> {
        // At least 64 KiB/s: a 25 MiB message gets about 7 minutes.
        let limit = COMMAND_TIMEOUT + Duration::from_secs(bytes / (64 * 1024));
        let mut out = Vec::with_capacity(uids.len());
        for set in uid_sets(uids, MAX_SET_CHARS) {
            let fetched = self.fetch(&set, "(UID BODY.PEEK[])", limit).await?;
            // A message answered without content (`BODY[] NIL`) comes back empty and
            // is reported as unreadable, never dropped silently.
            out.extend(
                fetched
                    .into_iter()
                    .filter_map(|f| Some((f.uid?, f.body().unwrap_or_default().to_vec()))),
            );
        }
        Ok(out)
    }

    async fn fetch(&mut self, set: &str, query: &str, limit: Duration) -> Result<Vec<Fetch>> {
        let server = self.server.clone();
        within(&server, "UID FETCH", limit, async {
            let mut out = Vec::new();
            let mut stream = self.session.uid_fetch(set, query).await?;
            while let Some(f) = stream.next().await {
                out.push(f?);
            }
            Ok::<_, async_imap::error::Error>(out)
        })
        .await?
        .map_err(|e| match e {
            // The server could not hand out some message: the connection is fine.
            async_imap::error::Error::No(reason) => Error::Unreadable(server_words(&reason)),
            other => imap_error(&server, None, other),
        })
    }

    /// Waits in `IDLE` on the examined folder until the server reports a new message
    /// (`EXISTS`) or `limit` passes (servers drop idle connections after 30 minutes;
    /// RFC 2177 asks clients to re-issue it every 29). Flag changes and expunges (the
    /// person reading mail on their phone) are waited through. Returns whether a new
    /// message arrived.
    pub async fn idle(self, limit: Duration) -> Result<(Self, bool)> {
        let Self {
            session,
            server,
            idle,
        } = self;
        let mut handle = session.idle();
        within(&server, "IDLE", COMMAND_TIMEOUT, handle.init())
            .await?
            .map_err(|e| imap_error(&server, None, e))?;
        let deadline = tokio::time::Instant::now() + limit;
        let changed = loop {
            let left = deadline.saturating_duration_since(tokio::time::Instant::now());
            if left.is_zero() {
                break false;
            }
            let (wait, _stop) = handle.wait_with_timeout(left);
            match wait.await {
                Ok(async_imap::extensions::idle::IdleResponse::NewData(data)) => {
                    use async_imap::imap_proto::{MailboxDatum, Response};
                    if matches!(
                        data.parsed(),
                        Response::MailboxData(MailboxDatum::Exists(_) | MailboxDatum::Recent(_))
                    ) {
                        break true;
                    }
                }
                Ok(_) => break false,
                Err(e) => return Err(imap_error(&server, None, e)),
            }
        };
        let session = within(&server, "DONE", COMMAND_TIMEOUT, handle.done())
            .await?
            .map_err(|e| imap_error(&server, None, e))?;
        Ok((
            Self {
                session,
                server,
                idle,
            },
            changed,
        ))
    }

    /// Logs out politely; a connection that is already gone is fine.
    pub async fn close(mut self) {
        let _ = tokio::time::timeout(Duration::from_secs(5), self.session.logout()).await;
    }
}

async fn greeting<T>(server: &str, client: &mut async_imap::Client<T>) -> Result<()>
where
    T: AsyncRead + AsyncWrite + Unpin + Send + std::fmt::Debug,
{
    let greeting = within(
        server,
        "the greeting",
        CONNECT_TIMEOUT,
        client.read_response(),
    )
    .await?
    .map_err(|e| Error::Connect {
        server: server.to_owned(),
        reason: e.to_string(),
    })?;
    if greeting.is_none() {
        return Err(Error::Connect {
            server: server.to_owned(),
            reason: "the server closed the connection before greeting".to_owned(),
        });
    }
    Ok(())
}

/// Longest UID set sent in one command (RFC 7162 §4 suggests servers accept 8,192
/// octets per command line).
const MAX_SET_CHARS: usize = 6000;

/// Compact UID sets of at most `max` characters each, covering `sorted`.
fn uid_sets(sorted: &[u32], max: usize) -> Vec<String> {
    let mut sets = Vec::new();
    let mut start = 0;
    while start < sorted.len() {
        let mut end = start;
        let mut len = 0;
        // Grow the slice while its compact form fits (a range costs at most 21 chars).
        while end < sorted.len() && len + 22 < max {
            len += sorted[end].to_string().len() + 1;
            end += 1;
        }
        sets.push(uid_set(&sorted[start..end]));
        start = end;
    }
    sets
}

/// A compact UID set: `1:5,8,10:12`.
pub fn uid_set(sorted: &[u32]) -> String {
    let mut out = String::new();
    let mut i = 0;
    while i < sorted.len() {
        let start = sorted[i];
        let mut end = start;
        while i + 1 < sorted.len() && sorted[i + 1] == end + 1 {
            i += 1;
            end = sorted[i];
        }
        if !out.is_empty() {
            out.push(',');
        }
        if start == end {
            out.push_str(&start.to_string());
        } else {
            out.push_str(&format!("{start}:{end}"));
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_servers_words_are_kept_without_the_librarys_wrapping() {
        assert_eq!(
            super::server_words(
                r#"code: None, info: Some("[AUTHENTICATIONFAILED] Authentication failed.")"#
            ),
            "[AUTHENTICATIONFAILED] Authentication failed."
        );
        assert_eq!(super::server_words("plain words"), "plain words");
        assert_eq!(
            super::server_words("code: None, info: None"),
            "code: None, info: None"
        );
    }

    #[test]
    fn a_refused_login_stops_the_account_only_for_credentials() {
        for refused in [
            "[AUTHENTICATIONFAILED] Authentication failed.",
            "Invalid credentials",
            "[EXPIRED] Password expired",
        ] {
            assert!(super::refuses_credentials(refused), "{refused}");
        }
        for transient in [
            "[UNAVAILABLE] Temporary authentication failure",
            "[ALERT] Too many simultaneous connections",
            "[LIMIT] Too many logins",
            "[INUSE] Try again later",
        ] {
            assert!(!super::refuses_credentials(transient), "{transient}");
        }
    }

    #[test]
    fn long_uid_lists_are_cut_into_sets_a_server_takes() {
        let sparse: Vec<u32> = (0..20_000).map(|i| i * 3 + 1_000_000).collect();
        let sets = super::uid_sets(&sparse, super::MAX_SET_CHARS);
        assert!(sets.len() > 1);
        assert!(
            sets.iter().all(|s| s.len() <= super::MAX_SET_CHARS),
            "each fits"
        );
        let n: usize = sets.iter().map(|s| s.split(',').count()).sum();
        assert_eq!(n, sparse.len(), "every UID is in exactly one set");
        assert_eq!(super::uid_sets(&[1, 2, 3], 100), ["1:3"]);
    }

    #[test]
    fn uid_sets_are_compact() {
        assert_eq!(super::uid_set(&[1, 2, 3, 5, 8, 9]), "1:3,5,8:9");
        assert_eq!(super::uid_set(&[7]), "7");
        assert_eq!(super::uid_set(&[]), "");
    }
}
