//! Figures for `make bench` (ignored in `make test`) on the real app: how fast the
//! dashboard draws a week of minute-level data; the release build's start-up over a
//! million runs; its memory idle on the dashboard against a bare WebKitGTK window.

use std::time::{SystemTime, UNIX_EPOCH};

use anyhow::{Context, Result};
use jobtrail_e2e::{Desktop, exclusive};
use rusqlite::params;

/// Creates the store through the CLI (migrations), then writes `n` runs straight into
/// its table, `step_ms` apart up to now, three agents taking turns, one in 17 failed.
async fn fill_runs(desktop: &Desktop, n: i64, step_ms: i64) -> Result<()> {
    let mut init = desktop.cli()?;
    init.args(["--json", "apps", "list"]);
    let out = tokio::task::spawn_blocking(move || init.output()).await??;
    anyhow::ensure!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let now = i64::try_from(SystemTime::now().duration_since(UNIX_EPOCH)?.as_millis())?;
    let mut db = rusqlite::Connection::open(desktop.database())?;
    let tx = db.transaction()?;
    {
        let mut insert = tx.prepare(
            "INSERT INTO executions (request_id, agent, engine, model, started_at, ended_at, duration_us, success,
                input_tokens, cached_input_tokens, output_tokens, llm_calls, cost_nanos)
             VALUES (?1, ?2, 'llm', 'gpt-4o-mini', ?3, ?3 + 900, ?4, ?5, 1200, 200, 300, 1, ?6)",
        )?;
        let agents = ["email-analyst", "job-match", "follow-up"];
        for i in 0..n {
            insert.execute(params![
                format!("bench-{i}"),
                agents[(i % 3) as usize],
                now - (n - i) * step_ms,
                200_000 + (i * 7919) % 2_000_000,
                i % 17 != 0,
                360_000 + (i % 50) * 1000,
            ])?;
        }
    }
    tx.commit()?;
    Ok(())
}

/// One run per minute for a week, three agents taking turns.
const MINUTES: i64 = 7 * 24 * 60;

#[tokio::test(flavor = "multi_thread")]
#[ignore = "a benchmark: make bench runs it"]
async fn dashboard_draws_a_week_of_minutes() -> Result<()> {
    let _one = exclusive().await;
    let desktop = Desktop::start().await?;
    fill_runs(&desktop, MINUTES, 60_000).await?;

    let app = desktop.launch().await?;
    app.testid("summary-cards").await?;
    // Click "1 week" and wait until the status line says so and two frames are drawn.
    let ms = app
        .client
        .execute_async(
            "const done = arguments[0];
             const t0 = performance.now();
             document.querySelector(\"[data-testid='period-1w']\").click();
             const check = () => {
               const s = document.querySelector('.dashboard-status');
               if (s && s.textContent.startsWith('The last week') && !s.textContent.includes('refreshing')) {
                 requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - t0)));
               } else { setTimeout(check, 5); }
             };
             check();",
            vec![],
        )
        .await?
        .as_f64()
        .context("a duration")?;
    let shown = app.testid("card-executions-value").await?.text().await?;
    println!(
        "dashboard, 1 week of minute-level runs ({MINUTES} runs, {shown} shown): period switch to drawn charts in {ms:.0} ms"
    );
    app.quit().await?;
    Ok(())
}

/// Runs in the store for the start-up figure, within the default retention (7 days)
/// so the store is in its steady state: a heavy week.
const MILLION: i64 = 1_000_000;
const SPREAD_DAYS: i64 = 6;

/// The release build `make bench` makes (`tauri build`), or `JOBTRAIL_BENCH_APP`.
fn release_app() -> Result<std::path::PathBuf> {
    let path = match std::env::var_os("JOBTRAIL_BENCH_APP") {
        Some(p) => std::path::PathBuf::from(p),
        None => jobtrail_e2e::app_binary()?
            .parent()
            .and_then(|d| d.parent())
            .context("no target dir")?
            .join("release/jobtrail-app"),
    };
    anyhow::ensure!(
        path.exists(),
        "{} is missing: `make bench` builds it (ui/node_modules/.bin/tauri build --bundles deb)",
        path.display()
    );
    Ok(path)
}

/// Memory of processes in KiB, from `/proc`: resident (`VmRSS`), proportional (`Pss`
/// from `smaps_rollup`: shared pages divided among the processes mapping them, so the
/// figures of several processes add up), the anonymous part of it (heap, stacks:
/// what the processes allocated rather than mapped from files) and the part that is
/// the process's own executable (its code and read-only data the kernel mapped in).
#[derive(Debug, Default, Clone, Copy)]
struct Memory {
    rss: u64,
    pss: u64,
    pss_anon: u64,
    pss_binary: u64,
}

impl Memory {
    fn of(pid: u32) -> Self {
        let field = |file: &str, name: &str| -> u64 {
            std::fs::read_to_string(format!("/proc/{pid}/{file}"))
                .unwrap_or_default()
                .lines()
                .find_map(|l| l.strip_prefix(name))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
                .unwrap_or(0)
        };
        Self {
            rss: field("status", "VmRSS:"),
            pss: field("smaps_rollup", "Pss:"),
            pss_anon: field("smaps_rollup", "Pss_Anon:"),
            pss_binary: binary_pss(pid),
        }
    }

    fn add(self, o: Self) -> Self {
        Self {
            rss: self.rss + o.rss,
            pss: self.pss + o.pss,
            pss_anon: self.pss_anon + o.pss_anon,
            pss_binary: self.pss_binary + o.pss_binary,
        }
    }

    fn pss_mib(self) -> f64 {
        self.pss as f64 / 1024.0
    }
}

/// KiB of `pid`'s PSS in mappings of its own executable, from `/proc/<pid>/smaps`.
fn binary_pss(pid: u32) -> u64 {
    let Ok(exe) = std::fs::read_link(format!("/proc/{pid}/exe")) else {
        return 0;
    };
    let exe = exe.to_string_lossy().into_owned();
    let smaps = std::fs::read_to_string(format!("/proc/{pid}/smaps")).unwrap_or_default();
    let mut in_exe = false;
    let mut kib = 0;
    for line in smaps.lines() {
        let mut words = line.split_whitespace();
        match words.next() {
            // A mapping's header: `start-end perms offset dev inode [path]`.
            Some(range) if range.contains('-') => in_exe = words.nth(4) == Some(exe.as_str()),
            Some("Pss:") if in_exe => {
                kib += words
                    .next()
                    .and_then(|v| v.parse::<u64>().ok())
                    .unwrap_or(0);
            }
            _ => {}
        }
    }
    kib
}

impl std::fmt::Display for Memory {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "PSS {:.0} MiB ({:.0} allocated, {:.0} its executable), RSS {:.0} MiB",
            self.pss_mib(),
            self.pss_anon as f64 / 1024.0,
            self.pss_binary as f64 / 1024.0,
            self.rss as f64 / 1024.0
        )
    }
}

/// Every process of a program: the program and all it started (WebKit's web and
/// network processes, their sandbox's bubblewrap and D-Bus proxy), by kind.
#[derive(Debug, Default)]
struct Footprint {
    main: Memory,
    web: Memory,
    network: Memory,
    /// Sandbox helpers and anything else, with their names.
    others: Vec<(String, Memory)>,
}

impl Footprint {
    fn of(root: u32) -> Self {
        let all = processes();
        let mut out = Self {
            main: Memory::of(root),
            ..Self::default()
        };
        let mut parents = vec![root];
        while let Some(parent) = parents.pop() {
            for (pid, ppid, comm, _) in &all {
                if *ppid != parent {
                    continue;
                }
                parents.push(*pid);
                let m = Memory::of(*pid);
                // `comm` is cut at 15 bytes: WebKitWebProces, WebKitNetworkPr.
                if comm.starts_with("WebKitWebProc") {
                    out.web = out.web.add(m);
                } else if comm.starts_with("WebKitNetwork") {
                    out.network = out.network.add(m);
                } else {
                    out.others.push((comm.clone(), m));
                }
            }
        }
        out
    }

    fn total(&self) -> Memory {
        self.others
            .iter()
            .fold(self.main.add(self.web).add(self.network), |t, (_, m)| {
                t.add(*m)
            })
    }
}

impl std::fmt::Display for Footprint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let others = self
            .others
            .iter()
            .fold(Memory::default(), |t, (_, m)| t.add(*m));
        let mut names: Vec<&str> = self.others.iter().map(|(n, _)| n.as_str()).collect();
        names.dedup();
        write!(
            f,
            "{}\n    main process {}\n    web process {}\n    network process {}",
            self.total(),
            self.main,
            self.web,
            self.network,
        )?;
        if !names.is_empty() {
            write!(f, "\n    others ({}) {others}", names.join(", "))?;
        }
        Ok(())
    }
}

/// How long a program is left alone before its memory is read: past the app's first
/// upkeep pass (20 s after start).
const IDLE: std::time::Duration = std::time::Duration::from_secs(25);

/// Starts `cmd` in the desktop as a person would (no WebDriver, no automation), leaves
/// it idle, takes a screenshot (to check it drew its page) and reads its memory.
async fn idle_footprint(
    desktop: &Desktop,
    name: &'static str,
    cmd: std::process::Command,
) -> Result<Footprint> {
    Ok(idle_footprint_and_environment(desktop, name, cmd).await?.0)
}

/// [`idle_footprint`], with the environment the program ran with at the end (the app
/// starts itself again with variables of its own: `src-tauri/src/environment.rs`).
async fn idle_footprint_and_environment(
    desktop: &Desktop,
    name: &'static str,
    cmd: std::process::Command,
) -> Result<(Footprint, Vec<(String, String)>)> {
    let mut running = desktop.spawn(name, cmd)?;
    tokio::time::sleep(IDLE).await;
    if let Some(status) = running.exited() {
        anyhow::bail!(
            "{name} exited ({status}): {}",
            std::fs::read_to_string(desktop.root().join(format!("{name}.log"))).unwrap_or_default()
        );
    }
    let footprint = Footprint::of(running.pid());
    let environment = environment(running.pid())?;
    crate::dashboard::shoot(desktop, &format!("bench-idle-{name}")).await?;
    drop(running);
    Ok((footprint, environment))
}

/// The bare WebKitGTK window `make bench` builds beside the release app
/// (`tests/bare_window`), or `JOBTRAIL_BENCH_BARE_WINDOW`.
fn bare_window(app_bin: &std::path::Path) -> Result<std::path::PathBuf> {
    let path = match std::env::var_os("JOBTRAIL_BENCH_BARE_WINDOW") {
        Some(p) => std::path::PathBuf::from(p),
        None => app_bin.with_file_name("jobtrail-bare-window"),
    };
    anyhow::ensure!(
        path.exists(),
        "{} is missing: `make bench` builds it (cargo build --release -p jobtrail-e2e --bin jobtrail-bare-window)",
        path.display()
    );
    Ok(path)
}

/// Jobtrail idle on its dashboard against the floor: a bare WebKitGTK window showing a
/// static page, drawn the same way (GPU compositing off), in the same desktop; then
/// Jobtrail with GPU acceleration on (`JOBTRAIL_GPU=1`: what versions before the
/// setting did), for what compositing costs here.
async fn memory_against_the_floor(desktop: &Desktop, app_bin: &std::path::Path) -> Result<()> {
    let (bare, bare_env) = idle_footprint_and_environment(
        desktop,
        "bare-window",
        desktop.command(bare_window(app_bin)?)?,
    )
    .await?;
    let (app, app_env) =
        idle_footprint_and_environment(desktop, "app", desktop.command(app_bin)?).await?;
    gone(app_bin).await?;
    // The variables the app gave itself when it started again (WebKit's JIT, glibc's
    // mmap threshold, the DMA-BUF renderer), and the bare window run with them too:
    // what of the gain a plain WebKitGTK window would have as well.
    let own: Vec<(String, String)> = app_env
        .into_iter()
        .filter(|(k, _)| k != "JOBTRAIL_PROCESS_TUNED" && !bare_env.iter().any(|(b, _)| b == k))
        .collect();
    let mut tuned = desktop.command(bare_window(app_bin)?)?;
    tuned.envs(own.iter().map(|(k, v)| (k, v)));
    let bare_tuned = idle_footprint(desktop, "bare-window-tuned", tuned).await?;
    let mut gpu = desktop.command(app_bin)?;
    gpu.env("JOBTRAIL_GPU", "1");
    let gpu = idle_footprint(desktop, "app-gpu", gpu).await?;
    gone(app_bin).await?;
    println!(
        "idle memory, {IDLE:?} after start, every process summed (started as a person does: no WebDriver; as shipped, GPU compositing off)"
    );
    println!("  bare WebKitGTK window (tao + wry, a static page): {bare}");
    println!("  Jobtrail on its dashboard, {MILLION} runs: {app}");
    println!(
        "  Jobtrail / bare window: {:.2}× PSS ({:+.0} MiB)",
        app.total().pss_mib() / bare.total().pss_mib(),
        app.total().pss_mib() - bare.total().pss_mib()
    );
    let own: Vec<String> = own.iter().map(|(k, v)| format!("{k}={v}")).collect();
    println!(
        "  bare window with the variables the app sets for itself ({}): {bare_tuned}",
        own.join(" ")
    );
    println!(
        "  Jobtrail / that bare window: {:.2}× PSS ({:+.0} MiB)",
        app.total().pss_mib() / bare_tuned.total().pss_mib(),
        app.total().pss_mib() - bare_tuned.total().pss_mib()
    );
    println!("  Jobtrail with GPU acceleration on (JOBTRAIL_GPU=1): {gpu}");
    Ok(())
}

/// Waits until no process runs `app_bin`: each start is measured from nothing.
async fn gone(app_bin: &std::path::Path) -> Result<()> {
    for _ in 0..200 {
        if !processes().iter().any(|p| p.3 == app_bin) {
            return Ok(());
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    anyhow::bail!("the app did not exit after its window closed")
}

/// Launches the app and waits until the dashboard's run count shows a number; ms.
async fn start_to_dashboard(
    desktop: &Desktop,
    want_runs: bool,
) -> Result<(jobtrail_e2e::App, f64)> {
    let t0 = std::time::Instant::now();
    let app = desktop.launch().await?;
    let window = t0.elapsed().as_secs_f64() * 1000.0;
    if want_runs {
        let card = app.testid("card-executions-value").await?;
        loop {
            let text = card.text().await?;
            if text.chars().any(|c| c.is_ascii_digit()) && text.trim() != "0" {
                break;
            }
            anyhow::ensure!(
                t0.elapsed() < std::time::Duration::from_secs(60),
                "the dashboard never showed the store's runs: {text:?}"
            );
            tokio::time::sleep(std::time::Duration::from_millis(5)).await;
        }
    } else {
        app.testid("empty-state").await?;
    }
    let shown = t0.elapsed().as_secs_f64() * 1000.0;
    println!("  start: window with the UI after {window:.0} ms, its data after {shown:.0} ms");
    Ok((app, shown))
}

/// The environment process `pid` runs with, as (name, value) pairs.
pub(crate) fn environment(pid: u32) -> Result<Vec<(String, String)>> {
    Ok(std::fs::read(format!("/proc/{pid}/environ"))?
        .split(|b| *b == 0)
        .filter_map(|kv| {
            String::from_utf8_lossy(kv)
                .split_once('=')
                .map(|(k, v)| (k.to_owned(), v.to_owned()))
        })
        .collect())
}

/// Every process: its id, its parent's, its name and its executable.
pub(crate) fn processes() -> Vec<(u32, u32, String, std::path::PathBuf)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
        // `pid (comm) state ppid …`; comm may hold spaces, so split after the last ')'.
        let Some((head, rest)) = stat.rsplit_once(')') else {
            continue;
        };
        let comm = head.split_once('(').map_or("", |(_, c)| c).to_owned();
        let ppid = rest
            .split_whitespace()
            .nth(1)
            .and_then(|p| p.parse().ok())
            .unwrap_or(0);
        let exe = std::fs::read_link(format!("/proc/{pid}/exe")).unwrap_or_default();
        out.push((pid, ppid, comm, exe));
    }
    out
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "a benchmark: make bench runs it after building the release app"]
async fn cold_start_and_idle_memory_with_a_million_runs() -> Result<()> {
    let _one = exclusive().await;
    let app_bin = std::fs::canonicalize(release_app()?)?;
    let desktop = Desktop::start_with(app_bin.clone()).await?;
    // The very first start in a fresh profile builds caches (fonts, WebKit) a person's
    // machine has after its first use; it is shown apart, on an empty store.
    let (app, first) = start_to_dashboard(&desktop, false).await?;
    println!("first start in a fresh profile, empty store: {first:.0} ms");
    app.quit().await?;
    gone(&app_bin).await?;
    // What a new user's app holds, for the difference the million runs make.
    let empty = idle_footprint(&desktop, "app-empty", desktop.command(&app_bin)?).await?;
    gone(&app_bin).await?;
    println!("idle memory on an empty store, {IDLE:?} after start, every process summed: {empty}");
    let filled = std::time::Instant::now();
    fill_runs(&desktop, MILLION, SPREAD_DAYS * 86_400_000 / MILLION).await?;
    // A store in use has its rollups current: the CLI's first query folds them in.
    let mut fold = desktop.cli()?;
    fold.args(["--json", "monitoring", "agents"]);
    let out = tokio::task::spawn_blocking(move || fold.output()).await??;
    anyhow::ensure!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let db_mib = std::fs::metadata(desktop.database())?.len() as f64 / 1_048_576.0;
    println!(
        "store: {MILLION} runs over {SPREAD_DAYS} days, {db_mib:.0} MiB, written and rolled up in {:.1} s",
        filled.elapsed().as_secs_f64()
    );

    let mut starts = Vec::new();
    for round in 0..3 {
        let (app, ms) = start_to_dashboard(&desktop, true).await?;
        starts.push(ms);
        if round == 2 {
            // What the dashboard's one command costs, warm, over IPC from the page.
            let ipc = app
                .client
                .execute_async(
                    "const done = arguments[0];
                     const call = () => window.__TAURI_INTERNALS__.invoke('get_monitoring_health', {}).then(() => window.__TAURI_INTERNALS__.invoke('get_dashboard', { agentName: null, periodHours: 24 }));
                     call().then(async () => {
                       const t0 = performance.now();
                       for (let i = 0; i < 5; i++) await call();
                       done((performance.now() - t0) / 5);
                     }, (e) => done(String(e)));",
                    vec![],
                )
                .await?;
            let ipc = ipc.as_f64().with_context(|| format!("a duration: {ipc}"))?;
            println!(
                "get_monitoring_health + get_dashboard (24 h over {MILLION} runs) over IPC, warm: {ipc:.1} ms"
            );
        }
        app.quit().await?;
        gone(&app_bin).await?;
    }
    println!(
        "start to the dashboard showing the store's data (release build, Xvfb, {MILLION} runs): {:.0} ms, {:.0} ms, {:.0} ms",
        starts[0], starts[1], starts[2]
    );
    memory_against_the_floor(&desktop, &app_bin).await?;
    let debs = app_bin.parent().context("release dir")?.join("bundle/deb");
    for entry in std::fs::read_dir(&debs).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "deb") {
            println!(
                "package: {} is {:.1} MiB",
                path.file_name().unwrap_or_default().to_string_lossy(),
                entry.metadata()?.len() as f64 / 1_048_576.0
            );
        }
    }
    Ok(())
}
