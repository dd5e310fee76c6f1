//! The packages `make app` builds. The Debian package is installed with dpkg on this
//! machine, its binary opens the app, and removing it leaves the system as it was. The
//! RPM package (for Fedora, openSUSE, RHEL) is read with `rpm` (Debian's `rpm` package,
//! installed by scripts/setup.sh): it holds what the .deb holds.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, ensure};
use jobtrail_e2e::{Desktop, exclusive};

/// The package of one kind (`deb`, `rpm`) in target/debug/bundle/<kind>/.
fn package(kind: &str) -> Result<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../target/debug/bundle")
        .join(kind);
    std::fs::read_dir(&dir)
        .with_context(|| format!("no {}: build the packages with `make app`", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|x| x == kind))
        .with_context(|| format!("no .{kind} in {}: build it with `make app`", dir.display()))
}

fn deb() -> Result<PathBuf> {
    package("deb")
}

/// The standard output of a command that must succeed.
fn output(program: &str, args: &[&str]) -> Result<String> {
    let out = Command::new(program)
        .args(args)
        .output()
        .with_context(|| format!("run {program} {args:?} (scripts/setup.sh installs it)"))?;
    ensure!(
        out.status.success(),
        "{program} {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Ok(String::from_utf8(out.stdout)?)
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

/// The files (not directories) a package installs, as absolute paths, sorted.
fn rpm_files(rpm: &str) -> Result<Vec<String>> {
    let mut files: Vec<String> = output("rpm", &["-qlp", rpm])?
        .lines()
        .map(str::to_owned)
        .collect();
    files.sort();
    Ok(files)
}

fn deb_files(deb: &str) -> Result<Vec<String>> {
    // `dpkg-deb -c` lists like `tar tv`: mode, owner, size, date, time, ./path.
    let mut files: Vec<String> = output("dpkg-deb", &["-c", deb])?
        .lines()
        .filter(|l| !l.starts_with('d'))
        .filter_map(|l| l.split_whitespace().nth(5))
        .map(|p| format!("/{}", p.trim_start_matches("./")))
        .collect();
    files.sort();
    Ok(files)
}

#[test]
fn the_rpm_package_holds_the_binary_the_desktop_entry_and_the_icons() -> Result<()> {
    let rpm = package("rpm")?;
    let rpm = rpm.to_str().context("package path")?;
    let files = rpm_files(rpm)?;
    for wanted in [
        "/usr/bin/jobtrail-app",
        "/usr/share/applications/Jobtrail.desktop",
        "/usr/share/icons/hicolor/32x32/apps/jobtrail-app.png",
        "/usr/share/icons/hicolor/128x128/apps/jobtrail-app.png",
        "/usr/share/icons/hicolor/512x512/apps/jobtrail-app.png",
    ] {
        ensure!(
            files.iter().any(|f| f == wanted),
            "the .rpm has no {wanted}; it holds {files:#?}"
        );
    }

    // The same files as the .deb built beside it, so both install the same app.
    let deb = deb()?;
    let deb_files = deb_files(deb.to_str().context("package path")?)?;
    assert_eq!(
        files, deb_files,
        "the .rpm and the .deb install the same files"
    );

    // Named as README's `sudo dnf remove jobtrail` expects, at the app's version.
    let info = output(
        "rpm",
        &["-qp", "--queryformat", "%{NAME} %{VERSION} %{ARCH}", rpm],
    )?;
    assert_eq!(
        info,
        format!(
            "jobtrail {} {}",
            env!("CARGO_PKG_VERSION"),
            std::env::consts::ARCH
        ),
        "the .rpm's name, version and architecture"
    );
    Ok(())
}
