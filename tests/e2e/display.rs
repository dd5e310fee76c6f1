//! GPU acceleration on the real app: off by default (the window draws without GPU
//! compositing), turned on in Settings for the next start, and decided by
//! `JOBTRAIL_GPU` when that is set.

use anyhow::{Context, Result, ensure};
use jobtrail_e2e::{App, Desktop, exclusive};

use crate::bench_ui::{environment, processes};

/// What the app said about compositing each time it opened its window, in order.
fn window_openings(desktop: &Desktop) -> Vec<bool> {
    desktop
        .session_log()
        .lines()
        .filter(|l| l.contains("opening the window"))
        .map(|l| l.contains("\"gpu_acceleration\":true"))
        .collect()
}

async fn gpu_toggle(app: &App) -> Result<fantoccini::elements::Element> {
    app.testid("nav-settings").await?.click().await?;
    app.testid("gpu-acceleration").await
}

#[tokio::test(flavor = "multi_thread")]
async fn gpu_acceleration_is_off_until_turned_on_and_applies_at_the_next_start() -> Result<()> {
    let _one = exclusive().await;
    let desktop = Desktop::start().await?;
    let app = desktop.launch().await?;
    assert_eq!(
        window_openings(&desktop),
        [false],
        "the window draws without GPU compositing by default"
    );
    let toggle = gpu_toggle(&app).await?;
    ensure!(!toggle.is_selected().await?, "off by default");
    let form = app.testid("display-form").await?.text().await?;
    ensure!(
        form.contains("Takes effect at the next start"),
        "the setting says when it applies: {form}"
    );
    toggle.click().await?;
    app.testid("display-save").await?.click().await?;
    app.testid("display-saved").await?;
    assert_eq!(
        window_openings(&desktop),
        [false],
        "the running window is left as it is"
    );
    app.quit().await?;

    let app = desktop.launch().await?;
    assert_eq!(
        window_openings(&desktop),
        [false, true],
        "the next start composites on the GPU"
    );
    ensure!(
        gpu_toggle(&app).await?.is_selected().await?,
        "the setting was stored"
    );
    app.quit().await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn jobtrail_gpu_decides_and_locks_the_setting() -> Result<()> {
    let _one = exclusive().await;
    let desktop = Desktop::start_with_env(&[("JOBTRAIL_GPU", "1")]).await?;
    let app = desktop.launch().await?;
    assert_eq!(window_openings(&desktop), [true], "JOBTRAIL_GPU=1 wins");
    let toggle = gpu_toggle(&app).await?;
    ensure!(
        toggle.is_selected().await? && !toggle.is_enabled().await?,
        "the toggle shows the variable's choice and cannot change it"
    );
    let chip = app.testid("env-gpuAcceleration").await?.text().await?;
    ensure!(
        chip.contains("JOBTRAIL_GPU=1"),
        "the variable is named: {chip}"
    );
    app.quit().await.context("quit")?;
    Ok(())
}

/// The app's process (running the app's binary) and its WebKit web process.
fn app_and_web_process() -> Result<(u32, u32)> {
    let app_bin = std::fs::canonicalize(jobtrail_e2e::app_binary()?)?;
    let all = processes();
    let app = all
        .iter()
        .find(|(_, _, _, exe)| *exe == app_bin)
        .map(|(pid, ..)| *pid)
        .context("the app's process is running")?;
    let web = all
        .iter()
        .find(|(_, ppid, comm, _)| *ppid == app && comm.starts_with("WebKitWebProc"))
        .map(|(pid, ..)| *pid)
        .context("the app has a WebKit web process")?;
    Ok((app, web))
}

/// WebKit's JIT, glibc's mmap threshold and the DMA-BUF renderer are read from the
/// environment when a process starts: the app starts itself again with them, so its
/// web process has them too; a value the person set is kept.
#[tokio::test(flavor = "multi_thread")]
async fn the_app_and_its_web_process_start_with_webkits_memory_settings() -> Result<()> {
    let _one = exclusive().await;
    let desktop = Desktop::start().await?;
    let app = desktop.launch().await?;
    app.testid("empty-state").await?;
    let (main, web) = app_and_web_process()?;
    for (name, pid) in [("the app", main), ("its web process", web)] {
        let env = environment(pid)?;
        for (key, value) in [
            ("JSC_useJIT", "0"),
            ("MALLOC_MMAP_THRESHOLD_", "131072"),
            ("WEBKIT_DISABLE_DMABUF_RENDERER", "1"),
        ] {
            ensure!(
                env.iter().any(|(k, v)| k == key && v == value),
                "{name} runs without {key}={value}"
            );
        }
    }
    app.quit().await?;

    let desktop = Desktop::start_with_env(&[("JSC_useJIT", "1")]).await?;
    let app = desktop.launch().await?;
    app.testid("empty-state").await?;
    let (_, web) = app_and_web_process()?;
    let env = environment(web)?;
    let set = |key: &str, value: &str| env.iter().any(|(k, v)| k == key && v == value);
    ensure!(
        set("JSC_useJIT", "1") && set("JOBTRAIL_PROCESS_TUNED", "1"),
        "the person's JSC_useJIT=1 stays: {env:?}"
    );
    app.quit().await?;
    Ok(())
}
