//! The main window, and how its page is drawn. WebKitGTK composites pages with
//! OpenGL by default; on a machine without a GPU driver that is Mesa's software
//! renderer in the web process, measured at about 120 MiB more PSS for the same
//! picture. So on Linux compositing is off unless the person turns "GPU acceleration"
//! on in the settings (read once, at start) or starts the app with `JOBTRAIL_GPU=1`.
//!
//! The policy goes on the web view's own settings, before its first load: a page
//! created composited and switched afterwards keeps part of the cost. WebKit's
//! environment variable (`WEBKIT_DISABLE_COMPOSITING_MODE`) is not an option:
//! changing the environment of a running process is `unsafe`, which the workspace
//! forbids.

use jobtrail_core::service::settings::DisplaySettings;
use tauri::{AppHandle, Runtime, WebviewWindowBuilder};

use crate::state::StoreState;

/// The window `tauri.conf.json` describes (with `"create": false`: it is made here).
const MAIN: &str = "main";

/// Whether this run composites on the GPU: the stored setting under `JOBTRAIL_GPU`;
/// off when the store cannot be read (the window still opens and says why).
pub fn gpu_acceleration(store: &StoreState) -> bool {
    store
        .with(|s| Ok(jobtrail_core::service::settings::display(s)?))
        .unwrap_or_else(|_| DisplaySettings::default().with_env())
        .gpu_acceleration
}

/// Creates the main window from its configuration, drawing with `gpu` or without.
pub fn create_main_window<R: Runtime>(app: &AppHandle<R>, gpu: bool) -> tauri::Result<()> {
    let Some(config) = app.config().app.windows.iter().find(|w| w.label == MAIN) else {
        return Err(tauri::Error::WindowNotFound);
    };
    tracing::info!(gpu_acceleration = gpu, "opening the window");
    if gpu {
        // WebKit's own default: compositing where it can.
        WebviewWindowBuilder::from_config(app, config)?.build()?;
        return Ok(());
    }
    without_compositing(app, config)
}

/// Opens the window on nothing (Tauri's runtime loads no page for `about:blank`),
/// sets the policy, then loads the app's page.
#[cfg(target_os = "linux")]
fn without_compositing<R: Runtime>(
    app: &AppHandle<R>,
    config: &tauri::utils::config::WindowConfig,
) -> tauri::Result<()> {
    let Some(page) = app_url(app) else {
        return Err(tauri::Error::InvalidWebviewUrl("no URL for the app's page"));
    };
    let mut blank = config.clone();
    blank.url =
        tauri::WebviewUrl::External("about:blank".parse().map_err(tauri::Error::InvalidUrl)?);
    let window = WebviewWindowBuilder::from_config(app, &blank)?.build()?;
    // On the main thread (setup), `with_webview` runs before it returns.
    if let Err(e) = window.with_webview(|webview| {
        use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt, WebViewExt};
        match WebViewExt::settings(&webview.inner()) {
            Some(s) => s.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never),
            None => tracing::warn!("the web view has no settings; GPU compositing stays on"),
        }
    }) {
        tracing::warn!(error = %e, "could not turn GPU compositing off");
    }
    window.navigate(page)
}

/// Other platforms' web views manage the GPU themselves.
#[cfg(not(target_os = "linux"))]
fn without_compositing<R: Runtime>(
    app: &AppHandle<R>,
    config: &tauri::utils::config::WindowConfig,
) -> tauri::Result<()> {
    WebviewWindowBuilder::from_config(app, config)?.build()?;
    Ok(())
}

/// The address Tauri gives `WebviewUrl::App` pages (it does not expose its own
/// resolver): the dev server in `tauri dev`, else the embedded UI's protocol.
#[cfg(target_os = "linux")]
fn app_url<R: Runtime>(app: &AppHandle<R>) -> Option<tauri::Url> {
    let build = &app.config().build;
    #[cfg(dev)]
    let configured = build.dev_url.clone();
    #[cfg(not(dev))]
    let configured = match &build.frontend_dist {
        Some(tauri::utils::config::FrontendDist::Url(url)) => Some(url.clone()),
        _ => None,
    };
    configured.or_else(|| "tauri://localhost".parse().ok())
}
