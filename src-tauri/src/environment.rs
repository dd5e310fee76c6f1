//! Settings that WebKit's processes and the C library read only from the environment
//! when a process starts, and that cost memory at their defaults. Measured on the
//! release build idle on the dashboard over a million runs (README, Performance):
//!
//! - `JSC_useJIT=0` with `MALLOC_MMAP_THRESHOLD_=131072`: the web process holds about
//!   10 MiB less. The page's scripts are light (the data comes folded from the core),
//!   so they run as fast interpreted: a week of minute-level runs draws in the same
//!   time. Either variable alone saves nothing: without the JIT the freed memory stays
//!   in glibc's heap, whose threshold for giving large blocks back otherwise rises
//!   past the buffers WebKit paints with.
//! - `WEBKIT_DISABLE_DMABUF_RENDERER=1` when the page is drawn without compositing
//!   (the default, see `rendering`): about 5 MiB less in the app's own process.
//!
//! A process may not change its own environment (`set_var` is `unsafe`, which the
//! workspace forbids), and WebKit starts its helper processes with a copy of it. So
//! the app starts itself again, once, with these added: `exec` keeps the process id,
//! the arguments and everything else. A variable the person set stays as they set it
//! (`JSC_useJIT=1` turns the JIT back on), and processes the app starts (a browser for
//! a link) inherit the same variables.

use std::ffi::OsStr;

/// Set in the started-again process, so it does not start itself once more.
const MARK: &str = "JOBTRAIL_PROCESS_TUNED";

/// The variables and their values; the last only when compositing is off.
fn variables(gpu: bool) -> Vec<(&'static str, &'static str)> {
    let mut vars = vec![("JSC_useJIT", "0"), ("MALLOC_MMAP_THRESHOLD_", "131072")];
    if !gpu {
        vars.push(("WEBKIT_DISABLE_DMABUF_RENDERER", "1"));
    }
    vars
}

/// What starting again would add to an environment read through `get`: nothing when
/// this process was started that way, else each variable `get` does not hold.
fn additions(
    gpu: impl FnOnce() -> bool,
    get: impl Fn(&str) -> Option<std::ffi::OsString>,
) -> Vec<(&'static str, &'static str)> {
    if get(MARK).is_some() {
        return Vec::new();
    }
    let mut add: Vec<_> = variables(gpu())
        .into_iter()
        .filter(|(k, _)| get(k).is_none())
        .collect();
    add.push((MARK, "1"));
    add
}

/// Starts this program again with the variables above, unless it was; returns only if
/// it was, or with the error that kept it from starting again (the app then runs as
/// it is). `gpu` says whether the page will be composited; it is asked only when the
/// program starts again.
#[cfg(target_os = "linux")]
pub fn start_tuned(gpu: impl FnOnce() -> bool) -> Option<std::io::Error> {
    use std::os::unix::process::CommandExt;
    let add = additions(gpu, |k| std::env::var_os(k));
    if add.is_empty() {
        return None;
    }
    let exe = match std::env::current_exe() {
        Ok(exe) => exe,
        Err(e) => return Some(e),
    };
    let mut args = std::env::args_os();
    let mut cmd = std::process::Command::new(exe);
    if let Some(arg0) = args.next() {
        cmd.arg0(arg0);
    }
    cmd.args(args)
        .envs(add.iter().map(|(k, v)| (OsStr::new(k), OsStr::new(v))));
    // Returns only when the program could not be started.
    Some(cmd.exec())
}

/// Other platforms' web views do not read these variables.
#[cfg(not(target_os = "linux"))]
pub fn start_tuned(_gpu: impl FnOnce() -> bool) -> Option<std::io::Error> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;
    use std::ffi::OsString;

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<OsString> {
        let map: HashMap<String, OsString> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), OsString::from(v)))
            .collect();
        move |k| map.get(k).cloned()
    }

    #[test]
    fn a_first_start_adds_every_variable_and_the_mark() {
        let add = additions(|| false, env(&[]));
        assert_eq!(
            add,
            vec![
                ("JSC_useJIT", "0"),
                ("MALLOC_MMAP_THRESHOLD_", "131072"),
                ("WEBKIT_DISABLE_DMABUF_RENDERER", "1"),
                (MARK, "1"),
            ]
        );
    }

    #[test]
    fn a_composited_page_keeps_the_dmabuf_renderer() {
        let add = additions(|| true, env(&[]));
        assert!(
            !add.iter()
                .any(|(k, _)| *k == "WEBKIT_DISABLE_DMABUF_RENDERER")
        );
        assert!(add.contains(&("JSC_useJIT", "0")));
    }

    #[test]
    fn what_the_person_set_stays_and_a_second_start_adds_nothing() {
        let add = additions(|| false, env(&[("JSC_useJIT", "1")]));
        assert!(!add.iter().any(|(k, _)| *k == "JSC_useJIT"));
        assert!(add.contains(&(MARK, "1")));
        let mut asked = false;
        assert!(
            additions(
                || {
                    asked = true;
                    false
                },
                env(&[(MARK, "1")])
            )
            .is_empty()
        );
        assert!(
            !asked,
            "the started-again process does not read the settings again"
        );
    }
}
