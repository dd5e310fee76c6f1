//! The system tray: today's spend against the daily budget in its title and tooltip,
//! an icon for normal, warning (80 % and up) and over (100 % and up), and a menu to
//! open the window, pause or resume all agents, and quit. Closing the window keeps
//! the app here.

use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

use jobtrail_core::cost::{self, BudgetStatus};
use serde::{Deserialize, Serialize};
use tauri::menu::{Menu, MenuItem, PredefinedMenuItem};
use tauri::tray::TrayIconBuilder;
use tauri::{AppHandle, Manager, Runtime};

use crate::events::EventSink;
use crate::state::StoreState;

const TRAY_ID: &str = "main";

/// How full today's budget is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum GaugeLevel {
    /// Under 80 % (or no daily budget).
    Normal,
    /// 80 % or more.
    Warning,
    /// 100 % or more.
    Over,
}

/// What the tray shows, for the UI too.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "camelCase")]
pub struct TrayState {
    /// The short label next to the icon: `$0.42 / $10.00`.
    pub title: String,
    /// The longer line in the menu and tooltip.
    pub detail: String,
    /// Which icon.
    pub level: GaugeLevel,
    /// Whether all agents are paused.
    pub paused: bool,
}

/// The tray changed (`tray-changed`): spend, level or pause.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
#[serde(rename_all = "camelCase")]
pub struct TrayChanged {
    /// The new state.
    pub tray: TrayState,
}

/// The tray's menu entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum TrayItem {
    Spend,
    Open,
    Pause,
    Quit,
}

impl TrayItem {
    const fn id(self) -> &'static str {
        match self {
            TrayItem::Spend => "spend",
            TrayItem::Open => "open",
            TrayItem::Pause => "pause",
            TrayItem::Quit => "quit",
        }
    }

    fn parse(id: &str) -> Option<Self> {
        [
            TrayItem::Spend,
            TrayItem::Open,
            TrayItem::Pause,
            TrayItem::Quit,
        ]
        .into_iter()
        .find(|i| i.id() == id)
    }
}

/// Whether agents may run, and the last tray state. Managed state.
#[derive(Debug)]
pub struct Tray {
    paused: AtomicBool,
    state: Mutex<TrayState>,
}

impl Default for Tray {
    fn default() -> Self {
        Self {
            paused: AtomicBool::new(false),
            state: Mutex::new(TrayState {
                title: String::new(),
                detail: "Today: nothing spent".into(),
                level: GaugeLevel::Normal,
                paused: false,
            }),
        }
    }
}

impl Tray {
    /// Whether all agents are paused.
    pub fn paused(&self) -> bool {
        self.paused.load(Ordering::SeqCst)
    }

    /// Pauses or resumes all agents (the tray shows it at its next refresh).
    pub fn set_paused(&self, paused: bool) {
        self.paused.store(paused, Ordering::SeqCst);
        tracing::info!(paused, "agents paused or resumed");
    }

    /// The last state shown.
    pub fn state(&self) -> TrayState {
        self.state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone()
    }
}

/// The menu entries whose text changes.
struct Items<R: Runtime> {
    spend: MenuItem<R>,
    pause: MenuItem<R>,
}

/// Puts the icon in the tray. Without a tray (no StatusNotifier host) the app runs on.
pub fn create<R: Runtime>(app: &AppHandle<R>) -> tauri::Result<()> {
    let spend = MenuItem::with_id(
        app,
        TrayItem::Spend.id(),
        "Today: nothing spent",
        false,
        None::<&str>,
    )?;
    let open = MenuItem::with_id(
        app,
        TrayItem::Open.id(),
        "Open Jobtrail",
        true,
        None::<&str>,
    )?;
    let pause = MenuItem::with_id(
        app,
        TrayItem::Pause.id(),
        "Pause all agents",
        true,
        None::<&str>,
    )?;
    let quit = MenuItem::with_id(
        app,
        TrayItem::Quit.id(),
        "Quit Jobtrail",
        true,
        None::<&str>,
    )?;
    let menu = Menu::with_items(
        app,
        &[
            &spend,
            &PredefinedMenuItem::separator(app)?,
            &open,
            &pause,
            &PredefinedMenuItem::separator(app)?,
            &quit,
        ],
    )?;
    TrayIconBuilder::with_id(TRAY_ID)
        .icon(icon(GaugeLevel::Normal)?)
        .tooltip("Jobtrail")
        .menu(&menu)
        .on_menu_event(|app, event| match TrayItem::parse(event.id().as_ref()) {
            Some(TrayItem::Open) => show_window(app),
            Some(TrayItem::Pause) => {
                let paused = !app.state::<Tray>().paused();
                set_paused(app, paused);
            }
            Some(TrayItem::Quit) => app.exit(0),
            Some(TrayItem::Spend) | None => {}
        })
        .build(app)?;
    app.manage(Items { spend, pause });
    Ok(())
}

/// Shows, unminimizes and focuses the main window.
pub fn show_window<R: Runtime>(app: &AppHandle<R>) {
    if let Some(w) = app.get_webview_window("main") {
        let _ = w.show();
        let _ = w.unminimize();
        let _ = w.set_focus();
    }
}

/// Pauses or resumes all agents and shows it.
pub fn set_paused<R: Runtime>(app: &AppHandle<R>, paused: bool) -> TrayState {
    app.state::<Tray>().set_paused(paused);
    refresh(app)
}

/// Recomputes the gauge from today's spend and shows it in the tray and the UI.
pub fn refresh<R: Runtime>(app: &AppHandle<R>) -> TrayState {
    let status = app
        .state::<StoreState>()
        .with(|s| Ok(cost::check_budget_status(s)?));
    show_status(app, status.as_ref().map_err(|e| e.message.as_str()))
}

/// Shows a budget status already read (or why none could be) in the tray and the UI.
pub fn show_status<R: Runtime>(
    app: &AppHandle<R>,
    status: Result<&BudgetStatus, &str>,
) -> TrayState {
    let tray = app.state::<Tray>();
    let mut next = match status {
        Ok(status) => gauge(status),
        Err(why) => TrayState {
            title: String::new(),
            detail: why.to_owned(),
            level: GaugeLevel::Normal,
            paused: false,
        },
    };
    next.paused = tray.paused();
    let changed = {
        let mut current = tray
            .state
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let changed = *current != next;
        *current = next.clone();
        changed
    };
    if changed {
        show(app, &next);
        app.state::<EventSink>()
            .emit(TrayChanged { tray: next.clone() });
    }
    next
}

/// The gauge for a budget status.
pub fn gauge(status: &BudgetStatus) -> TrayState {
    let spent = status.today_spent;
    match &status.daily {
        Some(d) => TrayState {
            title: format!("{} / {}", spent.short(), d.limit.short()),
            detail: format!(
                "Today: {} of {} ({:.0} %)",
                spent.short(),
                d.limit.short(),
                d.budget_used_percent
            ),
            level: if d.budget_used_percent >= 100.0 {
                GaugeLevel::Over
            } else if d.budget_used_percent >= 80.0 {
                GaugeLevel::Warning
            } else {
                GaugeLevel::Normal
            },
            paused: false,
        },
        None => TrayState {
            title: spent.short(),
            detail: format!("Today: {} (no daily budget)", spent.short()),
            level: GaugeLevel::Normal,
            paused: false,
        },
    }
}

fn show<R: Runtime>(app: &AppHandle<R>, s: &TrayState) {
    if let Some(items) = app.try_state::<Items<R>>() {
        let _ = items.spend.set_text(&s.detail);
        let _ = items.pause.set_text(if s.paused {
            "Resume all agents"
        } else {
            "Pause all agents"
        });
    }
    let Some(tray) = app.tray_by_id(TRAY_ID) else {
        return;
    };
    let paused = if s.paused { " · agents paused" } else { "" };
    let _ = tray.set_title(Some(format!("{}{paused}", s.title)));
    let _ = tray.set_tooltip(Some(format!("Jobtrail — {}{paused}", s.detail)));
    match icon(s.level) {
        Ok(i) => {
            let _ = tray.set_icon(Some(i));
        }
        Err(e) => tracing::warn!(error = %e, "tray icon not loaded"),
    }
}

fn icon(level: GaugeLevel) -> tauri::Result<tauri::image::Image<'static>> {
    let bytes: &'static [u8] = match level {
        GaugeLevel::Normal => include_bytes!("../../icons/tray-normal.png"),
        GaugeLevel::Warning => include_bytes!("../../icons/tray-warning.png"),
        GaugeLevel::Over => include_bytes!("../../icons/tray-over.png"),
    };
    tauri::image::Image::from_bytes(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jobtrail_core::cost::{BudgetPeriod, Money};

    fn status(spent: &str, limit: Option<&str>) -> BudgetStatus {
        let spent: Money = spent.parse().unwrap();
        let mut s: BudgetStatus = serde_json::from_value(serde_json::json!({
            "daily": null, "monthly": null, "agents": [], "hardLimit": false,
            "todaySpent": 0, "monthSpent": 0, "forecast": {
                "todaySpent": 0, "todayProjected": 0, "monthSpent": 0, "monthProjected": 0,
                "recentHourlyRate": 0, "recentDailyRate": 0
            }, "alerts": []
        }))
        .expect("a budget status");
        s.today_spent = spent;
        s.daily = limit.map(|l| {
            let limit: Money = l.parse().unwrap();
            BudgetPeriod {
                scope: "daily".into(),
                limit,
                spent,
                remaining: Money::ZERO,
                budget_used_percent: spent.percent_of(limit),
                projected: spent,
                thresholds_crossed: vec![],
                exceeded: false,
            }
        });
        s
    }

    #[test]
    fn the_gauge_follows_todays_spend() {
        let g = gauge(&status("0.42", Some("10")));
        assert_eq!(
            (g.title.as_str(), g.level),
            ("$0.42 / $10.00", GaugeLevel::Normal)
        );
        assert_eq!(g.detail, "Today: $0.42 of $10.00 (4 %)");
        assert_eq!(gauge(&status("8", Some("10"))).level, GaugeLevel::Warning);
        assert_eq!(gauge(&status("10", Some("10"))).level, GaugeLevel::Over);
        let none = gauge(&status("0.085", None));
        assert_eq!(
            (none.title.as_str(), none.level),
            ("$0.085", GaugeLevel::Normal)
        );
    }

    #[test]
    fn menu_ids_round_trip() {
        for i in [
            TrayItem::Spend,
            TrayItem::Open,
            TrayItem::Pause,
            TrayItem::Quit,
        ] {
            assert_eq!(TrayItem::parse(i.id()), Some(i));
        }
        assert_eq!(TrayItem::parse("nonsense"), None);
    }
}
