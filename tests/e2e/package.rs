//! The Debian package `make app` builds: installed with dpkg on this machine, its
//! binary opens the app, and removing it leaves the system as it was.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, ensure};
use jobtrail_e2e::{Desktop, exclusive};

fn deb() -> Result<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/debug/bundle/deb");
    std::fs::read_dir(&dir)
        .with_context(|| format!("no {}: build the package with `make app`", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|x| x == "deb"))
        .context("no .deb in target/debug/bundle/deb: build it with `make app`")
}

/// Runs a package command as root (directly, or through sudo).
fn as_root(args: &[&str]) -> Result<()> {
    let root = Command::new("id").arg("-u").output()?.stdout == b"0\n";
    let mut cmd = if root {
        Command::new(args[0])
    } else {
        let mut c = Command::new("sudo");
        c.arg("-n").arg(args[0]);
        c
    };
    let out = cmd
        .args(&args[1..])
        .output()
        .with_context(|| format!("run {args:?}"))?;
    ensure!(
        out.status.success(),
        "{args:?} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    Ok(())
}

/// Removes the package when the test ends, passed or failed.
struct Installed;

impl Drop for Installed {
    fn drop(&mut self) {
        let _ = as_root(&["dpkg", "--remove", "jobtrail"]);
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_debian_package_installs_and_its_binary_opens_the_app() -> Result<()> {
    let _one = exclusive().await;
    let deb = deb()?;
    let deb = deb.to_str().context("package path")?;
    as_root(&["dpkg", "--install", deb])?;
    let _installed = Installed;
    let installed = PathBuf::from("/usr/bin/jobtrail-app");
    ensure!(
        installed.is_file(),
        "dpkg put no binary at {}",
        installed.display()
    );
    ensure!(
        Path::new("/usr/share/applications/Jobtrail.desktop").is_file(),
        "the package installs a desktop entry"
    );

    let desktop = Desktop::start_with(installed).await?;
    let app = desktop.launch().await?;
    assert_eq!(
        app.client.title().await?,
        "Jobtrail",
        "the installed app opens its window"
    );
    app.testid("empty-state").await?;
    app.quit().await?;
    Ok(())
}
