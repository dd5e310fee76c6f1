//! A real, throwaway Dovecot IMAP server on loopback, for Jobtrail's tests.
//!
//! Mail sync is tested against the server users actually talk to, not a mock: Dovecot
//! speaks IMAP (IDLE, UIDVALIDITY, MULTIAPPEND, STARTTLS) with all of a real server's
//! edges. Each [`Dovecot`] lives in its own temp dir (config, passwd-file, maildirs, a
//! test CA, logs) with two listeners on 127.0.0.1: plain IMAP with STARTTLS, and
//! implicit TLS. It runs as root (CI) and as an ordinary user alike.
//!
//! Most tests share one server per test binary ([`Dovecot::shared`]) and keep apart by
//! each using its own user; tests that stop and restart the server start their own
//! ([`Dovecot::start`]). The seeding helpers ([`Dovecot::append`], [`Dovecot::flags`],
//! ...) go through this crate's own small IMAP client ([`ImapConnection`]), so tests
//! never trust the client under test to check itself. [`fixtures`] holds job-search
//! mail of every MIME shape the importer meets.
//!
//! No Dovecot may outlive its test process, yet statics are never dropped. So Dovecot
//! runs under a watchdog shell reading a pipe whose write end only the test process
//! holds: when that process ends, however it ends, the kernel closes the pipe and the
//! watchdog stops Dovecot, kills its process group and deletes the temp dir.

pub mod client;
mod config;
pub mod fixtures;
mod tls;

use std::fs::OpenOptions;
use std::io::Write;
use std::net::{Ipv4Addr, SocketAddr, SocketAddrV4, TcpListener, TcpStream};
use std::os::unix::fs::PermissionsExt;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::{Mutex, OnceLock, PoisonError};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail, ensure};
use nix::sys::signal::{Signal, killpg};
use nix::unistd::Pid;

pub use client::{ImapConnection, Mailbox, Response, Status};

use config::{Identity, Layout};

/// The address both listeners are on.
const HOST: &str = "127.0.0.1";

/// How long Dovecot may take to answer after it is started.
const START_TIMEOUT: Duration = Duration::from_secs(20);

/// Messages per MULTIAPPEND in [`Dovecot::append_many`]: one command per batch keeps
/// the socket busy without one failure losing everything.
const APPEND_BATCH: usize = 500;

/// Runs Dovecot until its stdin (a pipe from the test process) says so.
///
/// `$1` dovecot binary, `$2` config, `$3` the temp dir. A line `keep` on stdin is a
/// deliberate [`Dovecot::stop`]; EOF without it means the test process is gone (or
/// dropped the server): then the temp dir goes too. Dovecot exiting on its own (a bad
/// config) ends the watchdog as well, so a failed start shows at once. `kill -KILL 0`
/// takes whatever Dovecot left in the process group, the shell included: the group is
/// ours alone (`process_group(0)`).
///
/// The reader uses fd 3: an asynchronous list's stdin is `/dev/null` in `sh`.
const WATCHDOG: &str = r#"
dir=$3
exec 3<&0
"$1" -F -c "$2" </dev/null 3<&- &
dovecot=$!
{
  if read -r order <&3; then :; else order=gone; fi
  echo "$order" >"$dir/watchdog.order"
  kill -TERM "$dovecot" 2>/dev/null
} &
reader=$!
wait "$dovecot"
kill "$reader" 2>/dev/null
wait "$reader"
if [ "$(cat "$dir/watchdog.order" 2>/dev/null)" = gone ]; then rm -rf -- "$dir"; fi
kill -KILL 0
"#;

/// A running (or stopped) Dovecot with its temp dir.
#[derive(Debug)]
pub struct Dovecot {
    /// Dovecot (and the watchdog); `None` while stopped.
    process: Option<Watchdog>,
    binary: PathBuf,
    layout: Layout,
    identity: Identity,
    plain_port: u16,
    tls_port: u16,
    ca_pem: PathBuf,
    /// Serialises passwd-file rewrites of concurrent tests.
    users: Mutex<()>,
    // Last: removed after the process is gone. The watchdog removes it too, which is
    // all the shared server gets: statics are never dropped.
    _dir: tempfile::TempDir,
}

#[derive(Debug)]
struct Watchdog {
    child: Child,
    stdin: Option<ChildStdin>,
}

impl Dovecot {
    /// The server shared by every test in this test binary, started on first use.
    /// Tests keep apart by each using its own user ([`Dovecot::add_user`]).
    ///
    /// # Panics
    ///
    /// When Dovecot cannot start (not installed: run `scripts/setup.sh`); every test
    /// that asks gets the same message.
    pub fn shared() -> &'static Dovecot {
        static SHARED: OnceLock<Result<Dovecot, String>> = OnceLock::new();
        let shared = SHARED.get_or_init(|| Self::start().map_err(|e| format!("{e:#}")));
        match shared {
            Ok(server) => server,
            Err(e) => panic!("the shared test Dovecot did not start: {e}"),
        }
    }

    /// Starts a private server: its own temp dir, ports, users and mail.
    pub fn start() -> Result<Self> {
        let binary = find_dovecot()?;
        let identity = Identity::detect()?;
        let dir = tempfile::Builder::new()
            .prefix("jobtrail-dovecot-")
            .tempdir()
            .context("cannot create the test server's temp dir")?;
        config::check_path(dir.path())?;
        let layout = Layout {
            dir: dir.path().to_owned(),
        };
        if identity.root {
            // Dovecot's unprivileged processes (auth, imap as `nobody`) reach in.
            std::fs::set_permissions(&layout.dir, std::fs::Permissions::from_mode(0o755))?;
        }
        std::fs::create_dir(layout.mail())?;
        std::os::unix::fs::chown(
            layout.mail(),
            Some(identity.mail_uid),
            Some(identity.mail_gid),
        )
        .context("cannot hand the mail dir to the mail user")?;
        std::fs::create_dir(layout.tls())?;
        let tls = tls::generate(&layout.tls())?;
        std::fs::create_dir(layout.users())?;
        if identity.root {
            std::fs::set_permissions(layout.users(), std::fs::Permissions::from_mode(0o755))?;
        }

        let mut server = Self {
            process: None,
            binary,
            layout,
            identity,
            plain_port: 0,
            tls_port: 0,
            ca_pem: tls.ca_cert.clone(),
            users: Mutex::new(()),
            _dir: dir,
        };
        // Free ports are picked, then bound by Dovecot: another process can take one
        // in between, so a clash is retried with new ports.
        let mut attempt = 0;
        loop {
            attempt += 1;
            (server.plain_port, server.tls_port) = free_ports()?;
            let conf = config::render(&config::Settings {
                layout: &server.layout,
                identity: &server.identity,
                plain_port: server.plain_port,
                tls_port: server.tls_port,
                server_cert: &tls.server_cert,
                server_key: &tls.server_key,
            });
            std::fs::write(server.layout.config(), conf)?;
            match server.spawn() {
                Ok(()) => return Ok(server),
                Err(e) if attempt < 3 && server.log_tail().contains("in use") => {
                    eprintln!("imap-testserver: port clash, retrying: {e:#}");
                }
                Err(e) => return Err(e),
            }
        }
    }

    /// Starts Dovecot under the watchdog and waits for its greeting.
    fn spawn(&mut self) -> Result<()> {
        // A pid file left by an earlier run could name a live unrelated process.
        let _ = std::fs::remove_file(self.layout.base_dir().join("master.pid"));
        let _ = std::fs::remove_file(self.layout.dir.join("watchdog.order"));
        let log = OpenOptions::new()
            .create(true)
            .append(true)
            .open(self.layout.log())?;
        let child = Command::new("sh")
            .arg("-c")
            .arg(WATCHDOG)
            .arg("jobtrail-dovecot-watchdog")
            .arg(&self.binary)
            .arg(self.layout.config())
            .arg(&self.layout.dir)
            .stdin(Stdio::piped())
            .stdout(log.try_clone()?)
            .stderr(log)
            .process_group(0)
            .spawn()
            .context("cannot run sh to start Dovecot")?;
        let mut watchdog = Watchdog { stdin: None, child };
        watchdog.stdin = watchdog.child.stdin.take();
        self.process = Some(watchdog);
        if let Err(e) = self.wait_ready() {
            let _ = self.shut_down(true);
            return Err(e.context(format!(
                "Dovecot did not come up; its log ends:\n{}",
                self.log_tail()
            )));
        }
        Ok(())
    }

    fn wait_ready(&mut self) -> Result<()> {
        let deadline = Instant::now() + START_TIMEOUT;
        loop {
            if let Some(process) = &mut self.process
                && let Some(status) = process.child.try_wait()?
            {
                bail!("Dovecot exited at start ({status})");
            }
            // Ready when the plain port greets and the TLS port accepts.
            if greets(self.plain_addr()) && TcpStream::connect(self.tls_addr()).is_ok() {
                return Ok(());
            }
            ensure!(
                Instant::now() < deadline,
                "no IMAP greeting within {START_TIMEOUT:?}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Stops the watchdog and Dovecot; `keep` spares the temp dir for a restart.
    fn shut_down(&mut self, keep: bool) -> Result<()> {
        let Some(mut process) = self.process.take() else {
            return Ok(());
        };
        if let Some(mut stdin) = process.stdin.take() {
            if keep {
                // The watchdog may be gone already; then there is nothing to stop.
                let _ = stdin.write_all(b"keep\n");
            }
            drop(stdin);
        }
        let deadline = Instant::now() + Duration::from_secs(15);
        loop {
            if process.child.try_wait()?.is_some() {
                break;
            }
            if Instant::now() > deadline {
                // Not reaped yet, so the group id cannot have been reused.
                if let Ok(pgid) = i32::try_from(process.child.id()) {
                    let _ = killpg(Pid::from_raw(pgid), Signal::SIGKILL);
                }
                process.child.wait()?;
                break;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        // SIGKILLed stragglers close their sockets a moment after the shell is gone.
        let deadline = Instant::now() + Duration::from_secs(5);
        while TcpStream::connect(self.plain_addr()).is_ok()
            || TcpStream::connect(self.tls_addr()).is_ok()
        {
            ensure!(
                Instant::now() < deadline,
                "Dovecot still answers after being stopped"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        Ok(())
    }

    /// Stops the server; its ports refuse connections until [`Dovecot::restart`].
    /// Users and mail stay.
    pub fn stop(&mut self) -> Result<()> {
        self.shut_down(true)
    }

    /// Starts the server again (stopping it first if it runs): same ports, users and
    /// mail, as after a real server's restart.
    pub fn restart(&mut self) -> Result<()> {
        self.shut_down(true)?;
        self.spawn()
    }

    /// Whether the server is running (not [`Dovecot::stop`]ped).
    pub fn is_running(&self) -> bool {
        self.process.is_some()
    }

    /// The process group of Dovecot and its watchdog while running, for tests that
    /// check nothing of it is left.
    pub fn process_group(&self) -> Option<u32> {
        self.process.as_ref().map(|p| p.child.id())
    }

    /// `127.0.0.1`: both listeners are on loopback only.
    pub fn host(&self) -> &'static str {
        HOST
    }

    /// The plain IMAP port (STARTTLS offered, LOGIN allowed without it).
    pub fn plain_port(&self) -> u16 {
        self.plain_port
    }

    /// The implicit-TLS IMAP port (`imaps`).
    pub fn tls_port(&self) -> u16 {
        self.tls_port
    }

    /// The PEM file of the test CA that signed the server's certificate (for
    /// `localhost` and `127.0.0.1`): point `SSL_CERT_FILE` at it.
    pub fn ca_pem_path(&self) -> &Path {
        &self.ca_pem
    }

    /// The temp dir holding config, users, mail and logs.
    pub fn dir(&self) -> &Path {
        &self.layout.dir
    }

    /// Dovecot's log file.
    pub fn log_path(&self) -> PathBuf {
        self.layout.log()
    }

    /// The last lines of Dovecot's log, for failure messages.
    pub fn log_tail(&self) -> String {
        let log = std::fs::read_to_string(self.layout.log()).unwrap_or_default();
        let lines: Vec<&str> = log.lines().collect();
        lines[lines.len().saturating_sub(30)..].join("\n")
    }

    fn plain_addr(&self) -> SocketAddr {
        SocketAddr::V4(SocketAddrV4::new(Ipv4Addr::LOCALHOST, self.plain_port))
    }

    fn tls_addr(&self) -> SocketAddr {
        SocketAddr::V4(SocketAddrV4::new(Ipv4Addr::LOCALHOST, self.tls_port))
    }

    /// Adds a user (or sets the password of an existing one), at once usable.
    ///
    /// User names are `[A-Za-z0-9._@+-]` (they name the user's passwd-file and mail
    /// dir); passwords are anything but `:` and line breaks (passwd-file separators).
    pub fn add_user(&self, user: &str, password: &str) -> Result<()> {
        ensure!(
            !user.is_empty()
                && !user.starts_with('.')
                && user
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"._@+-".contains(&b)),
            "test user names are [A-Za-z0-9._@+-] and do not start with a dot: {user:?}"
        );
        ensure!(
            !password.contains([':', '\n', '\r']),
            "a passwd-file password cannot hold `:` or line breaks"
        );
        let _guard = self.users.lock().unwrap_or_else(PoisonError::into_inner);
        // One passwd-file per user: Dovecot reads a file it has not seen at once, but
        // notices a changed one only once a second, which concurrent tests would hit.
        let path = self.layout.users().join(user);
        let existed = path.exists();
        // Replaced whole, so Dovecot never reads half a file.
        let tmp = self.layout.users().join(format!(".{user}.new"));
        write_world_readable(&tmp, format!("{user}:{{PLAIN}}{password}\n").as_bytes())?;
        std::fs::rename(&tmp, &path)?;
        if existed && self.is_running() {
            // A new password: wait until Dovecot has read it.
            let deadline = Instant::now() + Duration::from_secs(5);
            while self.connect()?.try_login(user, password)?.status != Status::Ok {
                ensure!(
                    Instant::now() < deadline,
                    "Dovecot did not take the new password of {user}"
                );
                std::thread::sleep(Duration::from_millis(100));
            }
        }
        Ok(())
    }

    /// A plain connection, greeted but not logged in.
    pub fn connect(&self) -> Result<ImapConnection<TcpStream>> {
        ImapConnection::connect(self.plain_addr())
    }

    /// A plain connection logged in as `user`.
    pub fn login(&self, user: &str, password: &str) -> Result<ImapConnection<TcpStream>> {
        let mut conn = self.connect()?;
        conn.login(user, password)?;
        Ok(conn)
    }

    /// What the server offers before login (`CAPABILITY`); IDLE among it.
    pub fn capabilities(&self) -> Result<Vec<String>> {
        self.connect()?.capabilities()
    }

    /// Appends one message with `flags` (`\Seen`, `$Job`); returns its UID.
    pub fn append(
        &self,
        user: &str,
        password: &str,
        folder: &str,
        raw: &[u8],
        flags: &[&str],
    ) -> Result<u32> {
        let mut conn = self.login(user, password)?;
        let uid = conn.append(folder, flags, raw)?;
        conn.logout()?;
        Ok(uid)
    }

    /// Appends many messages fast (MULTIAPPEND batches on one connection): 10,000
    /// small ones take seconds. Returns how many were appended.
    pub fn append_many(
        &self,
        user: &str,
        password: &str,
        folder: &str,
        messages: impl IntoIterator<Item = Vec<u8>>,
    ) -> Result<usize> {
        let mut conn = self.login(user, password)?;
        let mut batch = Vec::with_capacity(APPEND_BATCH);
        let mut appended = 0;
        for raw in messages {
            batch.push(raw);
            if batch.len() == APPEND_BATCH {
                conn.append_batch(folder, &batch)?;
                appended += batch.len();
                batch.clear();
            }
        }
        conn.append_batch(folder, &batch)?;
        appended += batch.len();
        conn.logout()?;
        Ok(appended)
    }

    /// Creates a folder (parents as needed, e.g. `[Gmail]/All Mail`).
    pub fn create_folder(&self, user: &str, password: &str, folder: &str) -> Result<()> {
        let mut conn = self.login(user, password)?;
        conn.create(folder)?;
        conn.logout()
    }

    /// Deletes a folder and its messages.
    pub fn delete_folder(&self, user: &str, password: &str, folder: &str) -> Result<()> {
        let mut conn = self.login(user, password)?;
        conn.delete(folder)?;
        conn.logout()
    }

    /// Deletes and creates a folder again, empty: it gets a new UIDVALIDITY, as when
    /// a provider rebuilds a mailbox. Returns the new UIDVALIDITY.
    pub fn recreate_folder(&self, user: &str, password: &str, folder: &str) -> Result<u32> {
        let mut conn = self.login(user, password)?;
        let old = conn.status(folder)?.uid_validity;
        conn.delete(folder)?;
        conn.create(folder)?;
        let new = conn.status(folder)?.uid_validity;
        conn.logout()?;
        ensure!(new != old, "recreating {folder} kept UIDVALIDITY {old}");
        Ok(new)
    }

    /// The folder's UIDVALIDITY.
    pub fn uid_validity(&self, user: &str, password: &str, folder: &str) -> Result<u32> {
        Ok(self.status(user, password, folder)?.uid_validity)
    }

    /// How many messages the folder holds.
    pub fn count(&self, user: &str, password: &str, folder: &str) -> Result<u32> {
        Ok(self.status(user, password, folder)?.exists)
    }

    fn status(&self, user: &str, password: &str, folder: &str) -> Result<Mailbox> {
        let mut conn = self.login(user, password)?;
        let status = conn.status(folder)?;
        conn.logout()?;
        Ok(status)
    }

    /// Each message's UID and flags, in UID order, read with EXAMINE so reading
    /// changes nothing. `\Recent` is left out (it belongs to a session).
    pub fn flags(
        &self,
        user: &str,
        password: &str,
        folder: &str,
    ) -> Result<Vec<(u32, Vec<String>)>> {
        let mut conn = self.login(user, password)?;
        let mailbox = conn.examine(folder)?;
        let flags = if mailbox.exists == 0 {
            Vec::new()
        } else {
            conn.fetch_flags()?
        };
        conn.logout()?;
        Ok(flags)
    }

    /// Replaces the flags of message `uid`, as another mail client would.
    pub fn set_flags(
        &self,
        user: &str,
        password: &str,
        folder: &str,
        uid: u32,
        flags: &[&str],
    ) -> Result<()> {
        let mut conn = self.login(user, password)?;
        conn.select(folder)?;
        conn.store_flags(uid, flags)?;
        conn.logout()
    }
}

impl Drop for Dovecot {
    fn drop(&mut self) {
        if let Err(e) = self.shut_down(false) {
            eprintln!("imap-testserver: stopping Dovecot: {e:#}");
        }
    }
}

/// Dovecot from PATH, or from `/usr/sbin` (not on an ordinary user's PATH on Debian).
fn find_dovecot() -> Result<PathBuf> {
    let on_path = std::env::var_os("PATH")
        .map(|path| std::env::split_paths(&path).collect::<Vec<_>>())
        .unwrap_or_default();
    on_path
        .into_iter()
        .chain(["/usr/sbin".into(), "/usr/local/sbin".into()])
        .map(|dir| dir.join("dovecot"))
        .find(|candidate| candidate.is_file())
        .context("dovecot is not installed (the dovecot-imapd package): run scripts/setup.sh")
}

/// Two distinct free ports: both are held while the second is picked, since a port
/// let go is often the next one handed out ("duplicate listener" in Dovecot's config).
fn free_ports() -> Result<(u16, u16)> {
    let first = TcpListener::bind((HOST, 0)).context("cannot find a free port")?;
    let second = TcpListener::bind((HOST, 0)).context("cannot find a free port")?;
    Ok((first.local_addr()?.port(), second.local_addr()?.port()))
}

/// Whether an IMAP server at `addr` sends its `* OK` greeting.
fn greets(addr: SocketAddr) -> bool {
    use std::io::Read;
    let Ok(mut tcp) = TcpStream::connect_timeout(&addr, Duration::from_millis(500)) else {
        return false;
    };
    let _ = tcp.set_read_timeout(Some(Duration::from_secs(2)));
    let mut buf = [0; 4];
    tcp.read_exact(&mut buf).is_ok() && &buf == b"* OK"
}

/// Dovecot's auth process (an unprivileged user when we are root) reads the file.
fn write_world_readable(path: &Path, bytes: &[u8]) -> Result<()> {
    std::fs::write(path, bytes).with_context(|| format!("cannot write {}", path.display()))?;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o644))?;
    Ok(())
}
