//! Tauri's build steps, and how the release binary is linked on Linux.

use std::path::Path;

/// Set (to anything) to keep the symbol table of a release build: what
/// `scripts/startup-order.sh` profiles must name its functions.
const KEEP_SYMBOLS: &str = "JOBTRAIL_KEEP_SYMBOLS";

fn main() {
    tauri_build::build();
    link_release();
}

/// The release binary's code is laid out with what starting the app runs first, in
/// one block (`startup-order.txt`): the kernel maps code in 64 KiB windows around each
/// page touched, so start-up code spread over the whole binary made nearly all of it
/// resident (9 of 11.6 MiB), and together it is about 3 MiB. The symbol table is
/// stripped here rather than by the profile's `strip`, which would give every crate
/// other symbol names than the profiled build has and so match none of the list.
fn link_release() {
    println!("cargo:rerun-if-env-changed={KEEP_SYMBOLS}");
    let env = |key: &str| std::env::var(key).unwrap_or_default();
    if env("PROFILE") != "release" || env("CARGO_CFG_TARGET_OS") != "linux" {
        return;
    }
    if std::env::var_os(KEEP_SYMBOLS).is_none() {
        println!("cargo:rustc-link-arg-bins=-Wl,--strip-all");
    }
    // Rust links x86-64 Linux with its own lld, which reads the list; GNU ld, the
    // linker elsewhere, has no such option.
    if env("TARGET") == "x86_64-unknown-linux-gnu" {
        let order = Path::new(env!("CARGO_MANIFEST_DIR")).join("startup-order.txt");
        println!("cargo:rerun-if-changed={}", order.display());
        if order.exists() {
            // A list older than the code names some functions no longer there: they
            // are skipped, not errors.
            println!(
                "cargo:rustc-link-arg-bins=-Wl,--symbol-ordering-file={},--no-warn-symbol-ordering",
                order.display()
            );
        }
    }
}
