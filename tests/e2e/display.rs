//! GPU acceleration on the real app: off by default (the window draws without GPU
//! compositing), turned on in Settings for the next start, and decided by
//! `JOBTRAIL_GPU` when that is set.

use anyhow::{Context, Result, ensure};
use jobtrail_e2e::{App, Desktop, exclusive};

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
