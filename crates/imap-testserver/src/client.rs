//! A small synchronous IMAP client for seeding and inspecting the test server.
//!
//! Tests put mail on the server and read back what the code under test changed; they
//! must not trust the IMAP client under test to do either. This one speaks just enough
//! IMAP4rev1 for that: tagged commands, literals both ways (LITERAL+ when offered), and
//! the few responses the helpers read. It works over any `Read + Write` stream, so the
//! tests run it over TCP, STARTTLS and implicit TLS alike.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

use anyhow::{Context, Result, bail, ensure};

/// How long a read waits for the server; a test that hangs fails instead.
const READ_TIMEOUT: Duration = Duration::from_secs(60);

/// How a tagged command ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// `OK`: the command succeeded.
    Ok,
    /// `NO`: the server refused it (wrong password, no such mailbox).
    No,
    /// `BAD`: the server did not understand it.
    Bad,
}

/// The server's answer to one command.
#[derive(Debug, Clone)]
pub struct Response {
    /// How the command ended.
    pub status: Status,
    /// The tagged line after the status, e.g. `[APPENDUID 3 7] Append completed.`.
    pub text: String,
    /// The untagged responses in order, literals inlined, without `* ` and CRLF.
    pub untagged: Vec<Vec<u8>>,
}

/// What `SELECT`/`EXAMINE` reports about a mailbox.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mailbox {
    /// Messages in it (`EXISTS`).
    pub exists: u32,
    /// Its `UIDVALIDITY`.
    pub uid_validity: u32,
    /// The UID the next message will get (`UIDNEXT`).
    pub uid_next: u32,
}

/// One piece of a command: text sent as is, or a string sent as a literal.
enum Piece<'a> {
    Text(String),
    Literal(&'a [u8]),
}

/// An IMAP connection in any state (not authenticated, authenticated, selected).
pub struct ImapConnection<S: Read + Write> {
    stream: BufReader<S>,
    greeting: String,
    next_tag: u32,
    /// Whether the server takes non-synchronizing literals (`{n+}`), learned lazily.
    literal_plus: Option<bool>,
}

impl<S: Read + Write> std::fmt::Debug for ImapConnection<S> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ImapConnection")
            .field("greeting", &self.greeting)
            .field("next_tag", &self.next_tag)
            .finish_non_exhaustive()
    }
}

impl ImapConnection<TcpStream> {
    /// Connects over plain TCP and reads the greeting.
    pub fn connect(addr: SocketAddr) -> Result<Self> {
        let tcp = TcpStream::connect_timeout(&addr, Duration::from_secs(10))
            .with_context(|| format!("cannot connect to IMAP at {addr}"))?;
        tcp.set_read_timeout(Some(READ_TIMEOUT))?;
        tcp.set_nodelay(true)?;
        Self::new(tcp)
    }
}

impl<S: Read + Write> ImapConnection<S> {
    /// Wraps a fresh stream (plain, or implicit TLS) and reads the server's greeting.
    pub fn new(stream: S) -> Result<Self> {
        let mut conn = Self::after_starttls(stream);
        let line = conn.read_line()?;
        let greeting = String::from_utf8_lossy(&line).into_owned();
        ensure!(
            greeting.starts_with("* OK"),
            "the server did not greet with `* OK`: {greeting}"
        );
        conn.greeting = greeting;
        Ok(conn)
    }

    /// Wraps a stream on which TLS was just negotiated after `STARTTLS` (no greeting
    /// follows then).
    pub fn after_starttls(stream: S) -> Self {
        Self {
            stream: BufReader::new(stream),
            greeting: String::new(),
            next_tag: 1,
            literal_plus: None,
        }
    }

    /// The greeting line (`* OK [CAPABILITY ...] Dovecot ready.`), empty after STARTTLS.
    pub fn greeting(&self) -> &str {
        &self.greeting
    }

    /// Sends `command` (already quoted) and returns the answer, whatever its status.
    pub fn try_run(&mut self, command: &str) -> Result<Response> {
        self.send(&[Piece::Text(command.to_owned())])
    }

    /// [`ImapConnection::try_run`], failing unless the server answers `OK`.
    pub fn run(&mut self, command: &str) -> Result<Response> {
        let response = self.try_run(command)?;
        expect_ok(command, response)
    }

    /// The server's capabilities (`CAPABILITY`), upper-cased as sent.
    pub fn capabilities(&mut self) -> Result<Vec<String>> {
        let response = self.run("CAPABILITY")?;
        let caps = response
            .untagged
            .iter()
            .filter_map(|line| line.strip_prefix(b"CAPABILITY "))
            .flat_map(|rest| rest.split(|&b| b == b' '))
            .map(|cap| String::from_utf8_lossy(cap).into_owned())
            .collect();
        Ok(caps)
    }

    /// `LOGIN`, returning the server's answer so tests can look at a refusal.
    pub fn try_login(&mut self, user: &str, password: &str) -> Result<Response> {
        let mut pieces = vec![Piece::Text("LOGIN ".to_owned())];
        pieces.extend(astring(user));
        pieces.push(Piece::Text(" ".to_owned()));
        pieces.extend(astring(password));
        self.send(&pieces)
    }

    /// `LOGIN`, failing unless it succeeds.
    pub fn login(&mut self, user: &str, password: &str) -> Result<()> {
        let response = self.try_login(user, password)?;
        expect_ok(&format!("LOGIN {user}"), response).map(drop)
    }

    /// `STARTTLS`, handing back the stream for the TLS handshake.
    pub fn starttls(mut self) -> Result<S> {
        self.run("STARTTLS")?;
        // Bytes the server sent before the handshake would be a STARTTLS injection.
        ensure!(
            self.stream.buffer().is_empty(),
            "the server sent data after its STARTTLS answer"
        );
        Ok(self.stream.into_inner())
    }

    /// `CREATE`.
    pub fn create(&mut self, mailbox: &str) -> Result<()> {
        self.run(&format!("CREATE {}", mailbox_arg(mailbox)))
            .map(drop)
    }

    /// `DELETE`.
    pub fn delete(&mut self, mailbox: &str) -> Result<()> {
        self.run(&format!("DELETE {}", mailbox_arg(mailbox)))
            .map(drop)
    }

    /// `SELECT` (read-write).
    pub fn select(&mut self, mailbox: &str) -> Result<Mailbox> {
        let response = self.run(&format!("SELECT {}", mailbox_arg(mailbox)))?;
        parse_mailbox(&response)
    }

    /// `EXAMINE` (read-only: flags, `\Recent` and the seen state stay as they are).
    pub fn examine(&mut self, mailbox: &str) -> Result<Mailbox> {
        let response = self.run(&format!("EXAMINE {}", mailbox_arg(mailbox)))?;
        parse_mailbox(&response)
    }

    /// `STATUS (MESSAGES UIDVALIDITY UIDNEXT)` without selecting the mailbox.
    pub fn status(&mut self, mailbox: &str) -> Result<Mailbox> {
        let response = self.run(&format!(
            "STATUS {} (MESSAGES UIDVALIDITY UIDNEXT)",
            mailbox_arg(mailbox)
        ))?;
        let line = response
            .untagged
            .iter()
            .find(|line| line.starts_with(b"STATUS "))
            .context("STATUS answered without a STATUS response")?;
        let open = line
            .iter()
            .rposition(|&b| b == b'(')
            .context("STATUS response has no list")?;
        let items = String::from_utf8_lossy(&line[open + 1..]);
        let items: Vec<&str> = items.trim_end_matches(')').split_whitespace().collect();
        let get = |key: &str| -> Result<u32> {
            let at = items
                .iter()
                .position(|item| item.eq_ignore_ascii_case(key))
                .with_context(|| format!("STATUS response lacks {key}"))?;
            let value = items.get(at + 1).context("STATUS item without a value")?;
            value
                .parse()
                .with_context(|| format!("STATUS {key} is not a number: {value}"))
        };
        Ok(Mailbox {
            exists: get("MESSAGES")?,
            uid_validity: get("UIDVALIDITY")?,
            uid_next: get("UIDNEXT")?,
        })
    }

    /// `APPEND` of one message; returns its UID (from `APPENDUID`).
    pub fn append(&mut self, mailbox: &str, flags: &[&str], raw: &[u8]) -> Result<u32> {
        let command = format!("APPEND {} ({}) ", mailbox_arg(mailbox), flag_list(flags)?);
        let response = self.send(&[Piece::Text(command), Piece::Literal(raw)])?;
        let response = expect_ok("APPEND", response)?;
        let (_, uids) = append_uid(&response.text)?;
        uids.parse()
            .with_context(|| format!("APPENDUID of one message is not one UID: {uids}"))
    }

    /// One `APPEND` carrying all `messages` (MULTIAPPEND, RFC 3502): a single round
    /// trip, and with LITERAL+ no waiting between messages either.
    pub fn append_batch(&mut self, mailbox: &str, messages: &[Vec<u8>]) -> Result<()> {
        if messages.is_empty() {
            return Ok(());
        }
        let mut pieces = vec![Piece::Text(format!("APPEND {}", mailbox_arg(mailbox)))];
        for raw in messages {
            pieces.push(Piece::Text(" ".to_owned()));
            pieces.push(Piece::Literal(raw));
        }
        let response = self.send(&pieces)?;
        expect_ok("APPEND (multiple messages)", response).map(drop)
    }

    /// `UID FETCH 1:* (FLAGS)` in the selected mailbox: each message's UID and flags,
    /// in UID order. `\Recent` is left out: it belongs to a session, not a message.
    pub fn fetch_flags(&mut self) -> Result<Vec<(u32, Vec<String>)>> {
        let response = self.run("UID FETCH 1:* (FLAGS)")?;
        let mut out = Vec::new();
        for line in &response.untagged {
            let Some(at) = find(line, b" FETCH (") else {
                continue;
            };
            let items = tokens(&line[at + " FETCH ".len()..]);
            let items = match items.first() {
                Some(Token::List(inner)) => tokens(inner),
                _ => bail!(
                    "malformed FETCH response: {}",
                    String::from_utf8_lossy(line)
                ),
            };
            let mut uid = None;
            let mut flags = None;
            for pair in items.chunks(2) {
                match pair {
                    [Token::Atom(key), Token::Atom(value)] if key.eq_ignore_ascii_case("UID") => {
                        uid = Some(value.parse::<u32>().context("UID is not a number")?);
                    }
                    [Token::Atom(key), Token::List(list)] if key.eq_ignore_ascii_case("FLAGS") => {
                        flags = Some(
                            tokens(list)
                                .into_iter()
                                .filter_map(|t| match t {
                                    Token::Atom(flag) if flag != "\\Recent" => Some(flag),
                                    _ => None,
                                })
                                .collect::<Vec<_>>(),
                        );
                    }
                    _ => {}
                }
            }
            match (uid, flags) {
                (Some(uid), Some(flags)) => out.push((uid, flags)),
                _ => bail!(
                    "FETCH response without UID or FLAGS: {}",
                    String::from_utf8_lossy(line)
                ),
            }
        }
        out.sort_by_key(|(uid, _)| *uid);
        Ok(out)
    }

    /// `UID STORE <uid> FLAGS (...)` in the selected mailbox: replaces the flags.
    pub fn store_flags(&mut self, uid: u32, flags: &[&str]) -> Result<()> {
        self.run(&format!(
            "UID STORE {uid} FLAGS.SILENT ({})",
            flag_list(flags)?
        ))
        .map(drop)
    }

    /// `LOGOUT`.
    pub fn logout(mut self) -> Result<()> {
        self.run("LOGOUT").map(drop)
    }

    fn send(&mut self, pieces: &[Piece<'_>]) -> Result<Response> {
        let has_literal = pieces.iter().any(|p| matches!(p, Piece::Literal(_)));
        let literal_plus = has_literal && self.literal_plus()?;
        let tag = format!("a{}", self.next_tag);
        self.next_tag += 1;
        let mut untagged = Vec::new();
        let mut out = Vec::new();
        write!(out, "{tag} ")?;
        for piece in pieces {
            match piece {
                Piece::Text(text) => out.extend_from_slice(text.as_bytes()),
                Piece::Literal(bytes) if literal_plus => {
                    write!(out, "{{{}+}}\r\n", bytes.len())?;
                    out.extend_from_slice(bytes);
                }
                Piece::Literal(bytes) => {
                    write!(out, "{{{}}}\r\n", bytes.len())?;
                    self.write_all(&out)?;
                    out.clear();
                    // Wait for `+`; a tagged answer instead means the server refused.
                    loop {
                        let line = self.read_line()?;
                        if line.starts_with(b"+") {
                            break;
                        }
                        if let Some(rest) = line.strip_prefix(b"* ") {
                            untagged.push(rest.to_vec());
                            continue;
                        }
                        return finish(&tag, &line, untagged);
                    }
                    out.extend_from_slice(bytes);
                }
            }
            // Keep the write buffer bounded: a MULTIAPPEND can be hundreds of MiB.
            if out.len() > 1 << 20 {
                self.write_all(&out)?;
                out.clear();
            }
        }
        out.extend_from_slice(b"\r\n");
        self.write_all(&out)?;
        loop {
            let line = self.read_line()?;
            if let Some(rest) = line.strip_prefix(b"* ") {
                untagged.push(rest.to_vec());
            } else if line.starts_with(b"+") {
                bail!(
                    "unexpected continuation request: {}",
                    String::from_utf8_lossy(&line)
                );
            } else {
                return finish(&tag, &line, untagged);
            }
        }
    }

    fn literal_plus(&mut self) -> Result<bool> {
        if let Some(known) = self.literal_plus {
            return Ok(known);
        }
        let known = self
            .capabilities()?
            .iter()
            .any(|c| c.eq_ignore_ascii_case("LITERAL+"));
        self.literal_plus = Some(known);
        Ok(known)
    }

    fn write_all(&mut self, bytes: &[u8]) -> Result<()> {
        let stream = self.stream.get_mut();
        stream.write_all(bytes)?;
        stream.flush()?;
        Ok(())
    }

    /// One response line without its CRLF, with any literals it announces inlined.
    fn read_line(&mut self) -> Result<Vec<u8>> {
        let mut line = Vec::new();
        loop {
            let mut chunk = Vec::new();
            let n = self
                .stream
                .read_until(b'\n', &mut chunk)
                .context("reading from the IMAP server")?;
            ensure!(n > 0, "the IMAP server closed the connection");
            while chunk.last().is_some_and(|&b| b == b'\n' || b == b'\r') {
                chunk.pop();
            }
            let literal = literal_len(&chunk);
            line.extend_from_slice(&chunk);
            let Some(len) = literal else {
                return Ok(line);
            };
            let mut bytes = vec![0; len];
            self.stream
                .read_exact(&mut bytes)
                .context("reading a literal from the IMAP server")?;
            line.extend_from_slice(&bytes);
        }
    }
}

fn finish(tag: &str, line: &[u8], untagged: Vec<Vec<u8>>) -> Result<Response> {
    let text = String::from_utf8_lossy(line);
    let Some(rest) = text.strip_prefix(tag).and_then(|r| r.strip_prefix(' ')) else {
        bail!("expected the answer to {tag}, got: {text}");
    };
    let (status, text) = rest.split_once(' ').unwrap_or((rest, ""));
    let status = match status.to_ascii_uppercase().as_str() {
        "OK" => Status::Ok,
        "NO" => Status::No,
        "BAD" => Status::Bad,
        other => bail!("unknown status {other} in: {rest}"),
    };
    Ok(Response {
        status,
        text: text.to_owned(),
        untagged,
    })
}

fn expect_ok(command: &str, response: Response) -> Result<Response> {
    ensure!(
        response.status == Status::Ok,
        "{command} failed: {:?} {}",
        response.status,
        response.text
    );
    Ok(response)
}

/// `[APPENDUID <uidvalidity> <uid-set>]` from a tagged `OK`.
fn append_uid(text: &str) -> Result<(u32, &str)> {
    let rest = text
        .strip_prefix("[APPENDUID ")
        .with_context(|| format!("APPEND answered without APPENDUID: {text}"))?;
    let end = rest.find(']').context("unterminated APPENDUID")?;
    let (validity, uids) = rest[..end]
        .split_once(' ')
        .context("APPENDUID without a UID")?;
    Ok((
        validity.parse().context("UIDVALIDITY is not a number")?,
        uids,
    ))
}

fn parse_mailbox(response: &Response) -> Result<Mailbox> {
    let mut exists = None;
    let mut uid_validity = None;
    let mut uid_next = None;
    for line in &response.untagged {
        let line = String::from_utf8_lossy(line);
        if let Some(n) = line.strip_suffix(" EXISTS") {
            exists = n.parse().ok();
        } else if let Some(rest) = line.strip_prefix("OK [UIDVALIDITY ") {
            uid_validity = rest.split(']').next().and_then(|n| n.parse().ok());
        } else if let Some(rest) = line.strip_prefix("OK [UIDNEXT ") {
            uid_next = rest.split(']').next().and_then(|n| n.parse().ok());
        }
    }
    Ok(Mailbox {
        exists: exists.context("no EXISTS in the SELECT answer")?,
        uid_validity: uid_validity.context("no UIDVALIDITY in the SELECT answer")?,
        uid_next: uid_next.context("no UIDNEXT in the SELECT answer")?,
    })
}

/// `{n}` or `{n+}` at the end of a line: the length of the literal that follows.
fn literal_len(line: &[u8]) -> Option<usize> {
    let inner = line.strip_suffix(b"}")?;
    let open = inner.iter().rposition(|&b| b == b'{')?;
    let digits = &inner[open + 1..];
    let digits = digits.strip_suffix(b"+").unwrap_or(digits);
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    std::str::from_utf8(digits).ok()?.parse().ok()
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// A parenthesized list or an atom (quoted strings come back unquoted).
#[derive(Debug)]
enum Token<'a> {
    Atom(String),
    List(&'a [u8]),
}

/// Splits `a b (c d) "e f"` at the top level.
fn tokens(input: &[u8]) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < input.len() {
        match input[i] {
            b' ' | b')' => i += 1,
            b'(' => {
                let start = i + 1;
                let mut depth = 1;
                i += 1;
                while i < input.len() && depth > 0 {
                    match input[i] {
                        b'(' => depth += 1,
                        b')' => depth -= 1,
                        _ => {}
                    }
                    i += 1;
                }
                let end = if depth == 0 { i - 1 } else { i };
                out.push(Token::List(&input[start..end]));
            }
            b'"' => {
                let mut value = Vec::new();
                i += 1;
                while i < input.len() && input[i] != b'"' {
                    if input[i] == b'\\' {
                        i += 1;
                    }
                    if let Some(&b) = input.get(i) {
                        value.push(b);
                    }
                    i += 1;
                }
                i += 1;
                out.push(Token::Atom(String::from_utf8_lossy(&value).into_owned()));
            }
            _ => {
                let start = i;
                while i < input.len() && !matches!(input[i], b' ' | b'(' | b')') {
                    i += 1;
                }
                out.push(Token::Atom(
                    String::from_utf8_lossy(&input[start..i]).into_owned(),
                ));
            }
        }
    }
    out
}

/// A string argument: quoted when it is printable ASCII, a literal otherwise (UTF-8
/// passwords, user names with quotes are fine either way).
fn astring(s: &str) -> Vec<Piece<'_>> {
    if s.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        vec![Piece::Text(quote(s))]
    } else {
        vec![Piece::Literal(s.as_bytes())]
    }
}

fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        if c == '"' || c == '\\' {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}

/// A mailbox name, modified-UTF-7 encoded (RFC 3501 5.1.3) and quoted.
fn mailbox_arg(name: &str) -> String {
    quote(&encode_mailbox_name(name))
}

/// Modified UTF-7: printable ASCII as is (`&` as `&-`), anything else as `&<base64 of
/// UTF-16BE>-` with `,` for `/`. `Bewerbungen/Rückmeldung` becomes `Bewerbungen/R&APw-ckmeldung`.
pub fn encode_mailbox_name(name: &str) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+,";
    let mut out = String::with_capacity(name.len());
    let mut pending: Vec<u16> = Vec::new();
    let flush = |pending: &mut Vec<u16>, out: &mut String| {
        if pending.is_empty() {
            return;
        }
        let bytes: Vec<u8> = pending.iter().flat_map(|u| u.to_be_bytes()).collect();
        out.push('&');
        for chunk in bytes.chunks(3) {
            let b = [
                chunk[0],
                *chunk.get(1).unwrap_or(&0),
                *chunk.get(2).unwrap_or(&0),
            ];
            let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
            let sextets = chunk.len() + 1;
            for k in 0..sextets {
                let index = (n >> (18 - 6 * k)) & 0x3f;
                out.push(char::from(ALPHABET[index as usize]));
            }
        }
        out.push('-');
        pending.clear();
    };
    for c in name.chars() {
        if (' '..='~').contains(&c) {
            flush(&mut pending, &mut out);
            if c == '&' {
                out.push_str("&-");
            } else {
                out.push(c);
            }
        } else {
            let mut units = [0; 2];
            pending.extend_from_slice(c.encode_utf16(&mut units));
        }
    }
    flush(&mut pending, &mut out);
    out
}

/// `\Seen $Job` from `["\\Seen", "$Job"]`, refusing what is not a flag atom.
fn flag_list(flags: &[&str]) -> Result<String> {
    for flag in flags {
        let body = flag.strip_prefix('\\').unwrap_or(flag);
        ensure!(
            !body.is_empty()
                && body
                    .bytes()
                    .all(|b| { b.is_ascii_graphic() && !b"(){%*\"\\]".contains(&b) }),
            "not an IMAP flag: {flag:?}"
        );
    }
    Ok(flags.join(" "))
}

#[cfg(test)]
#[path = "client_test.rs"]
mod tests;
