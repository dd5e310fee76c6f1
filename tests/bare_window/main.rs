//! A bare WebKitGTK window: tao and wry (what Tauri runs on) showing a static page,
//! and nothing else. `make bench` measures Jobtrail's memory against it, in the same
//! desktop: the floor any WebKitGTK app starts from. It draws as Jobtrail ships (GPU
//! compositing off, `JOBTRAIL_GPU=1` turns it on), set before the page loads.

use tao::event::{Event, WindowEvent};
use tao::event_loop::{ControlFlow, EventLoop};
use tao::platform::unix::WindowExtUnix;
use tao::window::WindowBuilder;
use webkit2gtk::{HardwareAccelerationPolicy, SettingsExt, WebViewExt};
use wry::{WebViewBuilder, WebViewBuilderExtUnix, WebViewExtUnix};

/// Some text and a little style: what a static page is.
const PAGE: &str = "<!doctype html><html><head><meta charset=utf-8><title>Bare window</title>
<style>body { font: 15px system-ui, sans-serif; margin: 2rem; color: #222 }</style></head>
<body><h1>A bare WebKitGTK window</h1><p>A static page, for measuring the memory floor.</p></body></html>";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let event_loop = EventLoop::new();
    // Jobtrail's window size (tauri.conf.json).
    let window = WindowBuilder::new()
        .with_title("Bare window")
        .with_inner_size(tao::dpi::LogicalSize::new(1100.0, 720.0))
        .build(&event_loop)?;
    let vbox = window.default_vbox().ok_or("the window has no GTK box")?;
    // No URL or HTML yet: the web view loads nothing until its settings are done.
    let webview = WebViewBuilder::new().build_gtk(vbox)?;
    let gpu = std::env::var("JOBTRAIL_GPU").is_ok_and(|v| v.trim() == "1");
    if !gpu && let Some(settings) = WebViewExt::settings(&webview.webview()) {
        settings.set_hardware_acceleration_policy(HardwareAccelerationPolicy::Never);
    }
    webview.load_html(PAGE)?;
    event_loop.run(move |event, _, control_flow| {
        *control_flow = ControlFlow::Wait;
        // The web view lives as long as the loop.
        let _ = &webview;
        if let Event::WindowEvent {
            event: WindowEvent::CloseRequested,
            ..
        } = event
        {
            *control_flow = ControlFlow::Exit;
        }
    })
}
