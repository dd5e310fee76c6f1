//! Which LLM endpoint to use: stored settings first, then the environment.
//!
//! Base URL: the provider settings, else `OPENAI_BASE_URL`, else OpenAI's. Key:
//! `OPENAI_API_KEY` when set (the keychain is then not asked: a script with the key in
//! its environment never waits on a locked keychain), else the OS keychain entry for
//! the provider. No key for OpenAI's URL means the agents run on their built-in engine.

use std::time::Duration;

use super::llm::{ApiKey, Endpoint};
use crate::secrets;
use crate::store::Store;

/// OpenAI's API.
pub const OPENAI_BASE_URL: &str = "https://api.openai.com/v1";

/// Default deadline for one LLM call.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);

/// The endpoint from `OPENAI_API_KEY` and `OPENAI_BASE_URL`, or `None` when no key is
/// set and the base URL is OpenAI's (then agents use their built-in engine). A local
/// server (Ollama, llama.cpp) needs no key: setting `OPENAI_BASE_URL` alone is enough.
pub fn from_env() -> Result<Option<Endpoint>, String> {
    let key = env_key();
    let base = std::env::var("OPENAI_BASE_URL")
        .ok()
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty());
    resolve(key, base)
}

/// The endpoint from the store's provider settings, the keychain and the environment.
pub fn configured(store: &Store) -> Result<Option<Endpoint>, String> {
    let stored = crate::agent::config::provider(store).map_err(|e| e.to_string())?;
    let base = base_url(&stored);
    let provider = key_provider(&stored);
    let key = env_key().or_else(|| match secrets::get(&provider) {
        Ok(key) => key,
        // A run never fails for the keychain: it goes on without its key.
        Err(e @ secrets::KeychainError::Unavailable(_)) => {
            tracing::warn!(
                error = %e,
                "the keychain did not answer: is it locked? Running without its API key"
            );
            None
        }
        Err(e) => {
            tracing::warn!(error = %e, "the keychain failed; running without its API key");
            None
        }
    });
    let mut endpoint = resolve(key, base)?;
    if let (Some(e), Some(p)) = (endpoint.as_mut(), stored.provider) {
        e.provider = p;
    }
    Ok(endpoint)
}

/// The base URL in effect: the stored one, else `OPENAI_BASE_URL`; `None` means OpenAI's.
fn base_url(stored: &crate::agent::config::ProviderSettings) -> Option<String> {
    stored.base_url.clone().or_else(|| {
        std::env::var("OPENAI_BASE_URL")
            .ok()
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
    })
}

/// The name the API key is filed under in the keychain: the stored provider name, else
/// one derived from the base URL in effect (`openai`, `localhost:11434`).
pub fn key_provider(stored: &crate::agent::config::ProviderSettings) -> String {
    stored
        .provider
        .clone()
        .unwrap_or_else(|| provider_name(base_url(stored).as_deref().unwrap_or(OPENAI_BASE_URL)))
}

/// Whether `OPENAI_API_KEY` holds a key (then runs use it, not the keychain's).
pub fn env_key_set() -> bool {
    env_key().is_some()
}

fn env_key() -> Option<ApiKey> {
    std::env::var("OPENAI_API_KEY").ok().and_then(ApiKey::new)
}

fn resolve(key: Option<ApiKey>, base: Option<String>) -> Result<Option<Endpoint>, String> {
    let base_url = base.unwrap_or_else(|| OPENAI_BASE_URL.to_owned());
    if !(base_url.starts_with("http://") || base_url.starts_with("https://")) {
        return Err(format!(
            "OPENAI_BASE_URL {base_url:?} must start with http:// or https://"
        ));
    }
    if key.is_none() && base_url == OPENAI_BASE_URL {
        return Ok(None);
    }
    Ok(Some(Endpoint {
        provider: provider_name(&base_url),
        base_url,
        api_key: key,
        timeout: DEFAULT_TIMEOUT,
    }))
}

/// `openai` for OpenAI's URL, else the host (`localhost:11434`, `openrouter.ai`, …).
pub fn provider_name(base_url: &str) -> String {
    if base_url.trim_end_matches('/') == OPENAI_BASE_URL {
        return "openai".into();
    }
    base_url
        .split("://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .filter(|h| !h.is_empty())
        .unwrap_or("custom")
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_key_and_no_url_means_builtin() {
        assert!(resolve(None, None).unwrap().is_none());
    }

    #[test]
    fn a_local_server_needs_no_key() {
        let e = resolve(None, Some("http://localhost:11434/v1".into()))
            .unwrap()
            .unwrap();
        assert_eq!(e.provider, "localhost:11434");
        assert!(e.api_key.is_none());
    }

    #[test]
    fn a_bad_url_is_explained() {
        let err = resolve(None, Some("localhost:11434".into())).unwrap_err();
        assert!(err.contains("http://"), "{err}");
    }

    #[test]
    fn openai_with_a_key() {
        let e = resolve(ApiKey::new("sk-abc"), None).unwrap().unwrap();
        assert_eq!(e.provider, "openai");
        assert_eq!(
            format!("{:?}", e.api_key),
            "Some(ApiKey(<redacted>))",
            "the key never prints"
        );
    }
}
