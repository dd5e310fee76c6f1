//! Where runs are exported to: the stored settings (Settings → Telemetry), then the
//! standard `OTEL_*` variables, which win. Export is off until an endpoint is set:
//! the SDK's default (`localhost:4318`) is never used, so nothing leaves the machine
//! by accident.
//!
//! Secret header values (an `Authorization` or a vendor's API key) live in the
//! keychain (`secrets`), never in SQLite; the stored settings only name them.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::settings;
use crate::store::Store;

const KEY: &str = "telemetry.config";

/// Export every run here (a base URL: `/v1/traces` is appended).
pub const ENV_ENDPOINT: &str = "OTEL_EXPORTER_OTLP_ENDPOINT";
/// Export every run here (the full URL, used as given).
pub const ENV_TRACES_ENDPOINT: &str = "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT";
/// Headers for every export, `k=v,k2=v2` (values percent-encoded).
pub const ENV_HEADERS: &str = "OTEL_EXPORTER_OTLP_HEADERS";
/// Headers for trace exports, as [`ENV_HEADERS`] (wins over it).
pub const ENV_TRACES_HEADERS: &str = "OTEL_EXPORTER_OTLP_TRACES_HEADERS";
/// `service.name` (default `jobtrail`).
pub const ENV_SERVICE_NAME: &str = "OTEL_SERVICE_NAME";
/// More resource attributes, `k=v,k2=v2`.
pub const ENV_RESOURCE_ATTRIBUTES: &str = "OTEL_RESOURCE_ATTRIBUTES";
/// `true` turns export off whatever else is set.
pub const ENV_SDK_DISABLED: &str = "OTEL_SDK_DISABLED";
/// `true` adds the messages (the GenAI instrumentations' variable); wins over the setting.
pub const ENV_CAPTURE_CONTENT: &str = "OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT";

/// Every variable that decides something here, for the settings page.
pub const VARIABLES: &[&str] = &[
    ENV_ENDPOINT,
    ENV_TRACES_ENDPOINT,
    ENV_HEADERS,
    ENV_TRACES_HEADERS,
    ENV_SERVICE_NAME,
    ENV_RESOURCE_ATTRIBUTES,
    ENV_SDK_DISABLED,
    ENV_CAPTURE_CONTENT,
];

/// The default `service.name`.
pub const DEFAULT_SERVICE_NAME: &str = "jobtrail";

/// The path of the traces endpoint under a base URL.
const TRACES_PATH: &str = "/v1/traces";

/// Longest endpoint, header name or value accepted.
const MAX_LEN: usize = 2048;

/// Telemetry settings as stored.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase", default)]
pub struct TelemetrySettings {
    /// The backend's OTLP/HTTP base URL (`/v1/traces` is appended unless it is there);
    /// `None`: export is off.
    pub endpoint: Option<String>,
    /// Headers sent with every export.
    pub headers: Vec<HeaderSetting>,
    /// Whether the messages (input, output, tool arguments and results) are exported.
    pub content: bool,
}

/// One export header. A secret one's value is in the keychain, never here.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase")]
pub struct HeaderSetting {
    /// Header name (`Authorization`, `x-api-key`).
    pub name: String,
    /// Whether the value is kept in the keychain (and never shown).
    pub secret: bool,
    /// The value of a non-secret header; `None` for a secret one.
    pub value: Option<String>,
}

/// What the settings page sends: a secret header without a value keeps the stored one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "camelCase", default)]
pub struct TelemetrySettingsInput {
    /// As [`TelemetrySettings::endpoint`]; blank turns export off.
    pub endpoint: Option<String>,
    /// Headers; a secret header's `value` is `None` to keep the stored secret.
    pub headers: Vec<HeaderSetting>,
    /// As [`TelemetrySettings::content`].
    pub content: bool,
}

/// The stored settings (the defaults when none are stored).
pub fn load(store: &Store) -> Result<TelemetrySettings> {
    Ok(settings::get_json(store, KEY)?.unwrap_or_default())
}

/// Checks and stores `input`: secret header values go to the keychain (entries of
/// headers no longer listed are removed), the rest to the store.
pub fn save(store: &mut Store, input: TelemetrySettingsInput) -> Result<TelemetrySettings> {
    let endpoint = match input.endpoint.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(e) => Some(check_endpoint(e).map_err(|r| Error::invalid("endpoint", r))?),
    };
    let mut headers: Vec<HeaderSetting> = Vec::new();
    let mut secrets_to_set = Vec::new();
    for h in input.headers {
        let name = h.name.trim().to_owned();
        if name.is_empty() && h.value.as_deref().is_none_or(|v| v.trim().is_empty()) {
            continue;
        }
        check_header_name(&name).map_err(|r| Error::invalid("headers", r))?;
        if headers.iter().any(|o| o.name.eq_ignore_ascii_case(&name)) {
            return Err(Error::invalid("headers", format!("{name} is listed twice")));
        }
        let value = h.value.map(|v| v.trim().to_owned());
        if let Some(v) = &value {
            check_header_value(v).map_err(|r| Error::invalid("headers", format!("{name}: {r}")))?;
        }
        if h.secret {
            match value {
                Some(v) if !v.is_empty() => secrets_to_set.push((name.clone(), v)),
                _ => {}
            }
            headers.push(HeaderSetting {
                name,
                secret: true,
                value: None,
            });
        } else {
            headers.push(HeaderSetting {
                name,
                secret: false,
                value: Some(value.unwrap_or_default()),
            });
        }
    }
    let previous = load(store)?;
    for (name, value) in &secrets_to_set {
        crate::secrets::set_otlp_header(name, value)
            .map_err(|e| Error::invalid("headers", e.to_string()))?;
    }
    for old in previous.headers.iter().filter(|h| h.secret) {
        let kept = headers
            .iter()
            .any(|h| h.secret && h.name.eq_ignore_ascii_case(&old.name));
        if !kept && let Err(e) = crate::secrets::remove_otlp_header(&old.name) {
            tracing::warn!(header = %old.name, error = %e, "the old header's secret stays in the keychain");
        }
    }
    let saved = TelemetrySettings {
        endpoint,
        headers,
        content: input.content,
    };
    settings::put_json(store, KEY, &saved)?;
    Ok(saved)
}

/// An endpoint as stored: an `http://` or `https://` URL with a host.
fn check_endpoint(raw: &str) -> std::result::Result<String, String> {
    if raw.len() > MAX_LEN {
        return Err(format!("is longer than {MAX_LEN} characters"));
    }
    let url = reqwest::Url::parse(raw).map_err(|e| format!("is not a URL ({e})"))?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return Err("must be an http:// or https:// URL".into());
    }
    Ok(raw.trim_end_matches('/').to_owned())
}

fn check_header_name(name: &str) -> std::result::Result<(), String> {
    let token = |c: char| c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c);
    if name.is_empty() || name.len() > 256 || !name.chars().all(token) {
        return Err(format!(
            "{name:?} is not a header name (letters, digits and - _ .)"
        ));
    }
    Ok(())
}

fn check_header_value(value: &str) -> std::result::Result<(), String> {
    if value.len() > MAX_LEN || value.chars().any(char::is_control) {
        return Err(format!(
            "the value must be one line of at most {MAX_LEN} characters"
        ));
    }
    Ok(())
}

/// A header value: never printed.
#[derive(Clone, PartialEq, Eq)]
pub struct HeaderValue(String);

impl HeaderValue {
    pub(crate) fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for HeaderValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// The configuration in effect: settings with the environment over them.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    /// The full traces URL; `None`: export is off.
    pub endpoint: Option<String>,
    /// What decided the endpoint (a variable's name, or `settings`).
    pub endpoint_source: Option<String>,
    /// `OTEL_SDK_DISABLED` is true.
    pub disabled: bool,
    /// Headers, the environment's over the stored ones.
    pub headers: Vec<(String, HeaderValue)>,
    /// Stored secret headers whose value is to come from the keychain.
    pub keychain_headers: Vec<String>,
    /// `service.name`.
    pub service_name: String,
    /// Resource attributes from `OTEL_RESOURCE_ATTRIBUTES` (service.name aside).
    pub resource: Vec<(String, String)>,
    /// Whether messages are exported.
    pub content: bool,
    /// Variables that were set but could not be used, in words.
    pub problems: Vec<String>,
}

impl Resolved {
    /// Whether runs are exported.
    pub fn enabled(&self) -> bool {
        !self.disabled && self.endpoint.is_some()
    }
}

/// The process's environment, as [`resolve`] reads it.
pub fn process_env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.trim().is_empty())
}

/// Settings with the environment (`env`) over them. Secret headers are only named:
/// reading the keychain is left to whoever sends.
pub fn resolve(stored: &TelemetrySettings, env: &dyn Fn(&str) -> Option<String>) -> Resolved {
    let mut problems = Vec::new();
    let disabled = match env(ENV_SDK_DISABLED) {
        Some(v) => match crate::logging::parse_bool(&v) {
            Some(b) => b,
            None => {
                problems.push(format!(
                    "{ENV_SDK_DISABLED}={v} is not true or false; ignored"
                ));
                false
            }
        },
        None => false,
    };
    let (endpoint, endpoint_source) = if let Some(full) = env(ENV_TRACES_ENDPOINT) {
        (
            Some(full.trim().to_owned()),
            Some(ENV_TRACES_ENDPOINT.to_owned()),
        )
    } else if let Some(base) = env(ENV_ENDPOINT) {
        (Some(traces_url(&base)), Some(ENV_ENDPOINT.to_owned()))
    } else if let Some(base) = stored.endpoint.as_deref().filter(|e| !e.trim().is_empty()) {
        (Some(traces_url(base)), Some("settings".to_owned()))
    } else {
        (None, None)
    };
    let mut headers: Vec<(String, HeaderValue)> = Vec::new();
    let mut keychain_headers = Vec::new();
    for h in &stored.headers {
        match (&h.value, h.secret) {
            (_, true) => keychain_headers.push(h.name.clone()),
            (Some(v), false) => headers.push((h.name.clone(), HeaderValue(v.clone()))),
            (None, false) => {}
        }
    }
    for var in [ENV_HEADERS, ENV_TRACES_HEADERS] {
        if let Some(raw) = env(var) {
            for (k, v) in parse_pairs(&raw) {
                headers.retain(|(n, _)| !n.eq_ignore_ascii_case(&k));
                keychain_headers.retain(|n| !n.eq_ignore_ascii_case(&k));
                headers.push((k, HeaderValue(v)));
            }
        }
    }
    let mut resource: Vec<(String, String)> = env(ENV_RESOURCE_ATTRIBUTES)
        .map(|raw| parse_pairs(&raw))
        .unwrap_or_default();
    let from_resource = resource
        .iter()
        .find(|(k, _)| k == super::semconv::SERVICE_NAME)
        .map(|(_, v)| v.clone());
    resource.retain(|(k, _)| {
        ![
            super::semconv::SERVICE_NAME,
            super::semconv::SERVICE_INSTANCE_ID,
        ]
        .contains(&k.as_str())
    });
    let service_name = env(ENV_SERVICE_NAME)
        .map(|s| s.trim().to_owned())
        .or(from_resource)
        .unwrap_or_else(|| DEFAULT_SERVICE_NAME.to_owned());
    let content = match env(ENV_CAPTURE_CONTENT) {
        Some(v) => crate::logging::parse_bool(&v).unwrap_or_else(|| {
            problems.push(format!(
                "{ENV_CAPTURE_CONTENT}={v} is not true or false; ignored"
            ));
            stored.content
        }),
        None => stored.content,
    };
    if let Some(e) = &endpoint
        && reqwest::Url::parse(e).is_err()
    {
        problems.push(format!(
            "the endpoint {e} is not a URL; nothing is exported"
        ));
    }
    Resolved {
        endpoint,
        endpoint_source,
        disabled,
        headers,
        keychain_headers,
        service_name,
        resource,
        content,
        problems,
    }
}

/// A base URL's traces endpoint: `/v1/traces` appended (unless it ends so already).
pub fn traces_url(base: &str) -> String {
    let base = base.trim().trim_end_matches('/');
    if base.ends_with(TRACES_PATH) {
        base.to_owned()
    } else {
        format!("{base}{TRACES_PATH}")
    }
}

/// `k=v,k2=v2` with percent-encoded values (the W3C baggage form the `OTEL_*`
/// variables use); malformed members are skipped.
pub fn parse_pairs(raw: &str) -> Vec<(String, String)> {
    raw.split(',')
        .filter_map(|member| {
            let (k, v) = member.split_once('=')?;
            let k = k.trim();
            (!k.is_empty()).then(|| (percent_decode(k), percent_decode(v.trim())))
        })
        .collect()
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let (Some(h), Some(l)) = (hex(bytes[i + 1]), hex(bytes[i + 2]))
        {
            out.push((h * 16 + l) as u8);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env_of(pairs: &'static [(&'static str, &'static str)]) -> impl Fn(&str) -> Option<String> {
        move |n| {
            pairs
                .iter()
                .find(|(k, _)| *k == n)
                .map(|(_, v)| (*v).to_owned())
        }
    }

    fn stored() -> TelemetrySettings {
        TelemetrySettings {
            endpoint: Some("https://stored.example/otel".into()),
            headers: vec![
                HeaderSetting {
                    name: "x-team".into(),
                    secret: false,
                    value: Some("a".into()),
                },
                HeaderSetting {
                    name: "Authorization".into(),
                    secret: true,
                    value: None,
                },
            ],
            content: false,
        }
    }

    #[test]
    fn off_until_an_endpoint_is_set() {
        let r = resolve(&TelemetrySettings::default(), &env_of(&[]));
        assert!(
            !r.enabled(),
            "no endpoint, no export (never the SDK's localhost:4318)"
        );
        assert_eq!(r.service_name, "jobtrail");
    }

    #[test]
    fn stored_settings_apply_without_variables() {
        let r = resolve(&stored(), &env_of(&[]));
        assert_eq!(
            r.endpoint.as_deref(),
            Some("https://stored.example/otel/v1/traces")
        );
        assert_eq!(r.endpoint_source.as_deref(), Some("settings"));
        assert_eq!(r.keychain_headers, vec!["Authorization".to_owned()]);
        assert_eq!(r.headers.len(), 1);
    }

    #[test]
    fn variables_win_over_settings() {
        let r = resolve(
            &stored(),
            &env_of(&[
                (ENV_ENDPOINT, "http://127.0.0.1:6006/"),
                (ENV_HEADERS, "Authorization=Basic%20abc,x-team=b"),
                (ENV_SERVICE_NAME, "coach-desk"),
                (
                    ENV_RESOURCE_ATTRIBUTES,
                    "openinference.project.name=p1,service.name=x",
                ),
                (ENV_CAPTURE_CONTENT, "true"),
            ]),
        );
        assert_eq!(
            r.endpoint.as_deref(),
            Some("http://127.0.0.1:6006/v1/traces")
        );
        assert!(
            r.keychain_headers.is_empty(),
            "the variable's Authorization replaces the keychain's"
        );
        let auth = r
            .headers
            .iter()
            .find(|(k, _)| k == "Authorization")
            .map(|(_, v)| v.expose());
        assert_eq!(auth, Some("Basic abc"), "values are percent-decoded");
        assert_eq!(
            r.service_name, "coach-desk",
            "OTEL_SERVICE_NAME wins over the resource's"
        );
        assert_eq!(
            r.resource,
            vec![("openinference.project.name".into(), "p1".into())]
        );
        assert!(r.content);
    }

    #[test]
    fn the_full_traces_url_is_used_as_given_and_disabled_wins() {
        let r = resolve(
            &stored(),
            &env_of(&[
                (ENV_TRACES_ENDPOINT, "http://c:4318/custom"),
                (ENV_ENDPOINT, "http://ignored"),
            ]),
        );
        assert_eq!(r.endpoint.as_deref(), Some("http://c:4318/custom"));
        let r = resolve(&stored(), &env_of(&[(ENV_SDK_DISABLED, "true")]));
        assert!(!r.enabled(), "OTEL_SDK_DISABLED turns export off");
    }

    #[test]
    fn header_values_never_print() {
        let r = resolve(
            &stored(),
            &env_of(&[(ENV_HEADERS, "Authorization=Bearer sekrit-token-1")]),
        );
        assert!(!format!("{r:?}").contains("sekrit"), "{r:?}");
    }
}
