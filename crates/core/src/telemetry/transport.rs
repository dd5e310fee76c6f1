//! Sending spans: the OTLP/HTTP (protobuf) exporter over our own HTTP client.
//!
//! The client is reqwest, the version async-openai already brings (TLS with the
//! system's roots through rustls' platform verifier), so the tree keeps one reqwest.
//! It also keeps each exchange's answer — status, the start of the body, or why no
//! answer came — which the exporter's own errors leave out: "Send a test span" shows
//! it, and failures are classified from it.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use opentelemetry_http::{Bytes, HttpClient, HttpError, Request, Response};
use opentelemetry_otlp::{Protocol, RetryPolicy, WithExportConfig, WithHttpConfig};
use opentelemetry_sdk::Resource;
use opentelemetry_sdk::trace::{SpanData, SpanExporter};

use super::config::Resolved;
use super::semconv as sc;
use crate::failsafe::{Classified, ErrorCategory, RecoveryStrategy};

/// Why spans did not reach the backend.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ExportFailure {
    /// Export is off (no endpoint, or `OTEL_SDK_DISABLED`).
    #[error(
        "export is off: set an endpoint in Settings → Telemetry or OTEL_EXPORTER_OTLP_ENDPOINT"
    )]
    Off,
    /// Nothing answered at the endpoint's address.
    #[error("the backend is unreachable ({0})")]
    Unreachable(String),
    /// No answer within the time limit.
    #[error("the backend did not answer within the time limit")]
    Timeout,
    /// The TLS handshake failed (certificate not trusted, wrong host).
    #[error("TLS with the backend failed ({0})")]
    Tls(String),
    /// 401 or 403.
    #[error("the backend refused the credentials (HTTP {0}): check the headers")]
    Unauthorized(u16),
    /// 404.
    #[error("the backend has no OTLP traces endpoint at this URL (HTTP 404)")]
    NotFound,
    /// 429.
    #[error("the backend is rate limiting exports (HTTP 429)")]
    RateLimited,
    /// 5xx.
    #[error("the backend failed (HTTP {0})")]
    Server(u16),
    /// Another 4xx: the request itself was refused.
    #[error("the backend rejected the spans (HTTP {0}): {1}")]
    Rejected(u16, String),
    /// The exporter could not be built or failed on its own.
    #[error("{0}")]
    Other(String),
}

impl Classified for ExportFailure {
    fn category(&self) -> ErrorCategory {
        match self {
            ExportFailure::Unreachable(_) => ErrorCategory::Network,
            ExportFailure::Timeout => ErrorCategory::Timeout,
            ExportFailure::Unauthorized(_) => ErrorCategory::Authentication,
            ExportFailure::RateLimited => ErrorCategory::RateLimit,
            ExportFailure::Server(_) => ErrorCategory::ExternalService,
            ExportFailure::Rejected(..) => ErrorCategory::Validation,
            ExportFailure::Off
            | ExportFailure::Tls(_)
            | ExportFailure::NotFound
            | ExportFailure::Other(_) => ErrorCategory::Configuration,
        }
    }

    fn kind(&self) -> &str {
        match self {
            ExportFailure::Off => "telemetry_off",
            ExportFailure::Unreachable(_) => "telemetry_unreachable",
            ExportFailure::Timeout => "telemetry_timeout",
            ExportFailure::Tls(_) => "telemetry_tls",
            ExportFailure::Unauthorized(_) => "telemetry_unauthorized",
            ExportFailure::NotFound => "telemetry_not_found",
            ExportFailure::RateLimited => "telemetry_rate_limited",
            ExportFailure::Server(_) => "telemetry_server_error",
            ExportFailure::Rejected(..) => "telemetry_rejected",
            ExportFailure::Other(_) => "telemetry_failed",
        }
    }

    fn strategy(&self) -> RecoveryStrategy {
        // The run is recorded locally either way; `jobtrail telemetry export` resends.
        RecoveryStrategy::SkipAndContinue
    }
}

/// The backend's answer to one export.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// HTTP status, when one came.
    pub status: Option<u16>,
    /// The start of the body (as text; OTLP answers in protobuf, mostly empty).
    pub body: String,
    /// Why there is no (good) answer.
    pub failure: Option<ExportFailure>,
}

/// reqwest, keeping the last answer.
#[derive(Debug, Clone)]
struct Transport {
    client: reqwest::Client,
    last: Arc<Mutex<Option<Answer>>>,
}

fn printable(body: &[u8]) -> String {
    let s = String::from_utf8_lossy(&body[..body.len().min(300)]);
    s.chars().filter(|c| !c.is_control() || *c == ' ').collect()
}

fn classify_transport(e: &reqwest::Error) -> ExportFailure {
    if e.is_timeout() {
        return ExportFailure::Timeout;
    }
    // The whole chain decides the kind; its innermost cause says it in words
    // ("Connection refused (os error 111)", "invalid peer certificate: UnknownIssuer").
    let mut chain = e.to_string();
    let mut cause = chain.clone();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        cause = s.to_string();
        chain.push_str(": ");
        chain.push_str(&cause);
        source = s.source();
    }
    let lower = chain.to_lowercase();
    if lower.contains("certificate") || lower.contains("tls") || lower.contains("handshake") {
        ExportFailure::Tls(cause)
    } else {
        ExportFailure::Unreachable(cause)
    }
}

fn classify_status(status: u16, body: &str) -> Option<ExportFailure> {
    match status {
        200..=299 => None,
        401 | 403 => Some(ExportFailure::Unauthorized(status)),
        404 => Some(ExportFailure::NotFound),
        429 => Some(ExportFailure::RateLimited),
        500..=599 => Some(ExportFailure::Server(status)),
        _ => Some(ExportFailure::Rejected(status, body.to_owned())),
    }
}

#[async_trait::async_trait]
impl HttpClient for Transport {
    async fn send_bytes(&self, request: Request<Bytes>) -> Result<Response<Bytes>, HttpError> {
        let request: reqwest::Request = request.try_into()?;
        let result = async {
            let resp = self.client.execute(request).await?;
            let status = resp.status();
            let headers = resp.headers().clone();
            let body = resp.bytes().await?;
            Ok::<_, reqwest::Error>((status, headers, body))
        }
        .await;
        let answer = match &result {
            Ok((status, _, body)) => {
                let text = printable(body);
                Answer {
                    status: Some(status.as_u16()),
                    failure: classify_status(status.as_u16(), &text),
                    body: text,
                }
            }
            Err(e) => Answer {
                status: None,
                body: String::new(),
                failure: Some(classify_transport(e)),
            },
        };
        *self.last.lock().unwrap_or_else(PoisonError::into_inner) = Some(answer);
        let (status, headers, body) = result?;
        let mut response = Response::builder().status(status.as_u16()).body(body)?;
        *response.headers_mut() = headers;
        Ok(response)
    }
}

/// The resource every span is sent with.
pub fn resource(resolved: &Resolved, installation_id: &str) -> Resource {
    Resource::builder_empty()
        .with_service_name(resolved.service_name.clone())
        .with_attributes(
            resolved
                .resource
                .iter()
                .map(|(k, v)| opentelemetry::KeyValue::new(k.clone(), v.clone())),
        )
        .with_attribute(opentelemetry::KeyValue::new(
            sc::SERVICE_VERSION,
            env!("CARGO_PKG_VERSION"),
        ))
        .with_attribute(opentelemetry::KeyValue::new(
            sc::SERVICE_INSTANCE_ID,
            installation_id.to_owned(),
        ))
        .build()
}

/// An exporter with its own single-threaded runtime: used from one plain thread (the
/// background worker, a backfill, a test span), never from inside an async task.
pub(crate) struct Sender {
    rt: tokio::runtime::Runtime,
    exporter: opentelemetry_otlp::SpanExporter,
    last: Arc<Mutex<Option<Answer>>>,
    /// The traces URL.
    pub endpoint: String,
}

impl Sender {
    /// An exporter for `resolved`, reading secret header values from the keychain.
    pub fn new(
        resolved: &Resolved,
        installation_id: &str,
        timeout: Duration,
        retries: bool,
    ) -> Result<Self, ExportFailure> {
        let endpoint = match (&resolved.endpoint, resolved.disabled) {
            (Some(e), false) => e.clone(),
            _ => return Err(ExportFailure::Off),
        };
        let mut headers: HashMap<String, String> = HashMap::new();
        for name in &resolved.keychain_headers {
            match crate::secrets::otlp_header(name) {
                Ok(Some(v)) => {
                    headers.insert(name.clone(), v);
                }
                Ok(None) => {
                    tracing::warn!(header = %name, "no value for this header in the keychain; sent without it")
                }
                Err(e) => {
                    tracing::warn!(header = %name, error = %e, "the header's value could not be read; sent without it")
                }
            }
        }
        for (k, v) in &resolved.headers {
            headers.insert(k.clone(), v.expose().to_owned());
        }
        let client = reqwest::Client::builder()
            .timeout(timeout)
            .connect_timeout(timeout.min(Duration::from_secs(5)))
            .build()
            .map_err(|e| ExportFailure::Other(format!("cannot build the HTTP client: {e}")))?;
        let last = Arc::new(Mutex::new(None));
        let transport = Transport {
            client,
            last: last.clone(),
        };
        let policy = if retries {
            RetryPolicy::recommended()
        } else {
            RetryPolicy::disabled()
        };
        let mut exporter = opentelemetry_otlp::SpanExporter::builder()
            .with_http()
            .with_http_client(transport)
            .with_protocol(Protocol::HttpBinary)
            .with_endpoint(endpoint.clone())
            .with_timeout(timeout)
            .with_headers(headers)
            .with_retry_policy(policy)
            .build()
            .map_err(|e| ExportFailure::Other(format!("the exporter cannot be set up: {e}")))?;
        exporter.set_resource(&resource(resolved, installation_id));
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .map_err(|e| ExportFailure::Other(format!("cannot start the export runtime: {e}")))?;
        Ok(Self {
            rt,
            exporter,
            last,
            endpoint,
        })
    }

    /// Sends `batch` and waits for the answer.
    pub fn send(&self, batch: Vec<SpanData>) -> Result<Answer, ExportFailure> {
        *self.last.lock().unwrap_or_else(PoisonError::into_inner) = None;
        let result = self.rt.block_on(self.exporter.export(batch));
        let answer = self
            .last
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .take();
        match (result, answer) {
            (Ok(()), Some(a)) => Ok(a),
            (Ok(()), None) => Ok(Answer {
                status: None,
                body: String::new(),
                failure: None,
            }),
            (
                Err(_),
                Some(Answer {
                    failure: Some(f), ..
                }),
            ) => Err(f),
            (Err(e), _) => Err(ExportFailure::Other(e.to_string())),
        }
    }
}
