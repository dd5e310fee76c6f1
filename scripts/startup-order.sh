#!/usr/bin/env bash
# Writes src-tauri/startup-order.txt: the functions of the release app that starting
# it runs, in the order they first run, which the release link puts together at the
# front of the code (src-tauri/build.rs says why). Run it after dependency or
# toolchain updates, which rename most symbols (`make startup-order`, ~10 min).
#
# How: a release build that keeps its symbol table starts under Valgrind's callgrind
# in a private X display and D-Bus session, twice: on an empty store (a new user's
# applications view) and on a store of 200,000 runs (the dashboard). Each run is
# stopped once the app has gone idle, and the functions it ran, in this binary, are
# listed.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=$(mktemp -d /tmp/jobtrail-startup-order.XXXXXX)
trap 'rm -rf "$work"' EXIT

for tool in valgrind Xvfb dbus-run-session nm; do
  command -v "$tool" >/dev/null || { echo "startup-order: $tool is missing (`scripts/setup.sh valgrind`, which `make startup-order` runs, installs it)" >&2; exit 1; }
done

echo "startup-order: building the release app with its symbols" >&2
JOBTRAIL_KEEP_SYMBOLS=1 ui/node_modules/.bin/tauri build --no-bundle >&2
${CARGO:-cargo} build -p jobtrail-cli >&2
app=$root/target/release/jobtrail-app
cli=$root/target/debug/jobtrail

display=:$((90 + RANDOM % 100))
Xvfb "$display" -screen 0 1280x800x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true; rm -rf "$work"' EXIT

# One profiled start in a fresh profile directory $1, the store already in it.
profile() {
  local dir=$1
  mkdir -p "$dir"/{home,config,cache,share,runtime}
  chmod 700 "$dir/runtime"
  # The app starts itself again with these variables (src-tauri/src/environment.rs),
  # which would leave Valgrind behind: given them and the mark, it runs as shipped in
  # the one process.
  HOME=$dir/home XDG_CONFIG_HOME=$dir/config XDG_CACHE_HOME=$dir/cache XDG_DATA_HOME=$dir/share \
    XDG_RUNTIME_DIR=$dir/runtime JOBTRAIL_DATA_DIR=$dir/data DISPLAY=$display \
    JOBTRAIL_PROCESS_TUNED=1 JSC_useJIT=0 MALLOC_MMAP_THRESHOLD_=131072 \
    WEBKIT_DISABLE_DMABUF_RENDERER=1 \
    dbus-run-session -- bash -c '
      printf startup | gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null 2>&1 &
      valgrind --tool=callgrind --demangle=no --callgrind-out-file="$1/callgrind.out" "$2" >"$1/app.log" 2>&1 &
      app=$!
      # Idle: under a second of CPU over ten seconds, after the first twenty.
      sleep 20
      last=0
      for _ in $(seq 120); do
        read -r -a stat < "/proc/$app/stat" || break
        ticks=$((stat[13] + stat[14]))
        if [ "$last" -gt 0 ] && [ $((ticks - last)) -lt "$(getconf CLK_TCK)" ]; then break; fi
        last=$ticks
        sleep 10
      done
      kill -TERM "$app"
      wait "$app" || true
    ' _ "$dir" "$app"
  [ -s "$dir/callgrind.out" ] || { echo "startup-order: no profile in $dir (see $dir/app.log)" >&2; exit 1; }
}

echo "startup-order: profiling a start on an empty store" >&2
mkdir -p "$work/empty/data"
JOBTRAIL_DATA_DIR=$work/empty/data "$cli" --json apps list >/dev/null
profile "$work/empty"

echo "startup-order: profiling a start on the dashboard over 200,000 runs" >&2
mkdir -p "$work/runs/data"
JOBTRAIL_DATA_DIR=$work/runs/data "$cli" --json apps list >/dev/null
python3 scripts/startup_order.py fill "$work/runs/data/jobtrail.db" 200000
JOBTRAIL_DATA_DIR=$work/runs/data "$cli" --json monitoring agents >/dev/null
profile "$work/runs"

python3 scripts/startup_order.py list "$app" src-tauri/startup-order.txt \
  "$work/empty/callgrind.out" "$work/runs/callgrind.out"
echo "startup-order: rebuild (make bundle) to link with it" >&2
