#!/usr/bin/env bash
# Starts the desktop app built by `make app`. Without a display (a server, CI, a
# container) it runs in a virtual one (Xvfb) so the app still starts and can be driven.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${CARGO_TARGET_DIR:-target}/debug/jobtrail-app"
[ -x "$bin" ] || { echo "run: $bin is missing; run 'make app' first" >&2; exit 1; }
if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
  echo "run: no display found; starting Jobtrail in a virtual display (Xvfb)" >&2
  exec xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- "$bin"
fi
exec "$bin"
