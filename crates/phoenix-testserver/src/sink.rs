//! A bare OTLP/HTTP endpoint on loopback that keeps every request body as received,
//! answering 200 with an empty body — or late, or with a status of the test's choice.
//! Tests search the raw protobuf for what must never leave the machine (strings are
//! stored verbatim in protobuf), and make the backend slow or failing at will.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicU16, AtomicU64, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use anyhow::Result;

#[derive(Debug, Default)]
struct Shared {
    bodies: Mutex<Vec<Vec<u8>>>,
    headers: Mutex<Vec<String>>,
    delay_ms: AtomicU64,
    status: AtomicU16,
    stop: AtomicBool,
}

/// A recording OTLP endpoint; it stops when dropped.
#[derive(Debug)]
pub struct Sink {
    port: u16,
    shared: Arc<Shared>,
}

impl Sink {
    /// Starts one on a free loopback port, answering 200 at once.
    pub fn start() -> Result<Self> {
        let listener = TcpListener::bind("127.0.0.1:0")?;
        let port = listener.local_addr()?.port();
        let shared = Arc::new(Shared::default());
        shared.status.store(200, Ordering::Relaxed);
        let s = shared.clone();
        std::thread::spawn(move || {
            for conn in listener.incoming() {
                if s.stop.load(Ordering::Relaxed) {
                    break;
                }
                if let Ok(conn) = conn {
                    let s = s.clone();
                    std::thread::spawn(move || {
                        let _ = serve(conn, &s);
                    });
                }
            }
        });
        Ok(Self { port, shared })
    }

    /// `http://127.0.0.1:PORT` (a base URL: exports go to `/v1/traces`).
    pub fn base_url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// Every answer waits this long first (a slow backend).
    pub fn set_delay(&self, delay: Duration) {
        self.shared.delay_ms.store(
            u64::try_from(delay.as_millis()).unwrap_or(u64::MAX),
            Ordering::Relaxed,
        );
    }

    /// Every answer has this status from now on.
    pub fn set_status(&self, status: u16) {
        self.shared.status.store(status, Ordering::Relaxed);
    }

    /// The request bodies so far.
    pub fn bodies(&self) -> Vec<Vec<u8>> {
        self.shared
            .bodies
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// The request headers so far, one `name: value` line each.
    pub fn headers(&self) -> Vec<String> {
        self.shared
            .headers
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    /// Whether any body so far holds `needle`.
    pub fn received(&self, needle: &[u8]) -> bool {
        self.bodies()
            .iter()
            .any(|b| b.windows(needle.len().max(1)).any(|w| w == needle))
    }
}

impl Drop for Sink {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::Relaxed);
        let _ = TcpStream::connect(("127.0.0.1", self.port));
    }
}

fn serve(conn: TcpStream, s: &Shared) -> Result<()> {
    conn.set_read_timeout(Some(Duration::from_secs(30)))?;
    let mut reader = BufReader::new(conn.try_clone()?);
    let mut conn = conn;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 {
            return Ok(());
        }
        let mut length = 0usize;
        loop {
            let mut h = String::new();
            reader.read_line(&mut h)?;
            let h = h.trim_end();
            if h.is_empty() {
                break;
            }
            if let Some((k, v)) = h.split_once(':') {
                if k.eq_ignore_ascii_case("content-length") {
                    length = v.trim().parse().unwrap_or(0);
                }
                s.headers
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .push(format!("{}: {}", k.trim().to_ascii_lowercase(), v.trim()));
            }
        }
        let mut body = vec![0u8; length];
        reader.read_exact(&mut body)?;
        s.bodies
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(body);
        let delay = s.delay_ms.load(Ordering::Relaxed);
        if delay > 0 {
            std::thread::sleep(Duration::from_millis(delay));
        }
        let status = s.status.load(Ordering::Relaxed);
        write!(
            conn,
            "HTTP/1.1 {status} X\r\nContent-Type: application/x-protobuf\r\nContent-Length: 0\r\n\r\n"
        )?;
        conn.flush()?;
    }
}
