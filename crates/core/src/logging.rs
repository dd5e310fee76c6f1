//! Log setup shared by the app and the CLI: `LOG_LEVEL` (a level or a tracing filter
//! such as `jobtrail_core=debug`) decides what is written to stderr.
//! (JSON output and rolling files come with the monitoring work.)

use tracing_subscriber::EnvFilter;

/// Environment variable holding the log filter.
pub const LOG_LEVEL_ENV: &str = "LOG_LEVEL";

/// Sends logs to stderr, filtered by `LOG_LEVEL`, else `default_level`. An invalid
/// `LOG_LEVEL` falls back to the default and says so, rather than failing to start.
pub fn init_stderr(default_level: &str) {
    let (filter, bad) = match std::env::var(LOG_LEVEL_ENV) {
        Ok(v) if !v.trim().is_empty() => match EnvFilter::try_new(v.trim()) {
            Ok(f) => (f, None),
            Err(e) => (EnvFilter::new(default_level), Some((v, e))),
        },
        _ => (EnvFilter::new(default_level), None),
    };
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
    if let Some((value, err)) = bad {
        tracing::warn!(%value, %err, "LOG_LEVEL is not a valid filter; using {default_level}");
    }
}
