#!/usr/bin/env bash
# Runs inside `dbus-run-session`: brings up what a Linux desktop gives the app (an
# unlocked Secret Service and a notification server on the session bus), checks both
# answer, then becomes tauri-driver. Started and stopped by the Rust harness.
set -euo pipefail
: "${E2E_DRIVER_PORT:?}" "${E2E_NATIVE_PORT:?}" "${E2E_NOTIFY_LOG:?}" "${E2E_BUS_FILE:?}"

# The login keyring, created and unlocked in this test's private XDG dirs.
printf 'jobtrail-e2e' | gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null &
# A notification server that logs every Notify call for the tests to read.
/usr/bin/python3 -m dbusmock --session -t notification_daemon -l "$E2E_NOTIFY_LOG" >/dev/null 2>&1 &

has_owner() {
  dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner "string:$1" 2>/dev/null | grep -q 'boolean true'
}
for _ in $(seq 100); do
  if has_owner org.freedesktop.secrets && has_owner org.freedesktop.Notifications; then break; fi
  sleep 0.1
done
has_owner org.freedesktop.secrets || { echo "session: the Secret Service did not start" >&2; exit 1; }
has_owner org.freedesktop.Notifications || { echo "session: the notification server did not start" >&2; exit 1; }
# The keyring must really store and return a secret, not just own its bus name.
printf 'probe' | secret-tool store --label='jobtrail e2e probe' service jobtrail-e2e-probe
[ "$(secret-tool lookup service jobtrail-e2e-probe)" = probe ] || { echo "session: the keyring is locked" >&2; exit 1; }
secret-tool clear service jobtrail-e2e-probe

# Tests run other programs (the CLI) in this session through this address.
printf '%s' "$DBUS_SESSION_BUS_ADDRESS" > "$E2E_BUS_FILE"
echo "session: ready" >&2
exec tauri-driver --port "$E2E_DRIVER_PORT" --native-port "$E2E_NATIVE_PORT" \
  --native-driver "${E2E_NATIVE_DRIVER:-/usr/bin/WebKitWebDriver}"
