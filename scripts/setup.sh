#!/usr/bin/env bash
# Installs what Jobtrail needs to build, run and test on Debian 12 / Ubuntu:
# system packages (apt), Rust tools (cargo install) and the UI's npm packages.
# Idempotent: each step is skipped when what it installs is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

# Build: WebKitGTK and friends for Tauri 2. Run/test: Xvfb, D-Bus, the Secret Service
# (gnome-keyring), a notification server (python3-dbusmock), WebKit's WebDriver and
# Dovecot (throwaway IMAP servers for the mail sync tests; the system service is not used).
APT_PACKAGES=(
  build-essential pkg-config curl file libssl-dev
  libwebkit2gtk-4.1-dev libgtk-3-dev libayatana-appindicator3-dev librsvg2-dev libxdo-dev
  libdbus-1-dev
  xvfb xauth dbus dbus-x11 gnome-keyring libsecret-tools
  gcr  # the keyring's unlock prompt, shown on Xvfb by the locked-keychain CLI test
  python3-dbusmock python3-gi
  webkit2gtk-driver
  dovecot-imapd
  rpm  # reads the .rpm `make app` builds (tests/e2e/package.rs)
  python3-venv  # the virtualenv of the test OTLP backend (Arize Phoenix, below)
)
# What a maintenance target needs besides, named by it (`make startup-order` asks for
# valgrind), so `make run` and `make test` do not install it.
APT_PACKAGES+=("$@")

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "setup: installing system packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# rustfmt and clippy come with most rustup installs; add them where they are missing.
if ! cargo fmt --version >/dev/null 2>&1 || ! cargo clippy --version >/dev/null 2>&1; then
  echo "setup: adding rustfmt and clippy"
  rustup component add rustfmt clippy
fi

# tauri-driver bridges WebDriver to WebKitWebDriver for the end-to-end tests.
if ! command -v tauri-driver >/dev/null 2>&1; then
  echo "setup: installing tauri-driver"
  cargo install tauri-driver --version '^2' --locked
fi

# A real OTLP backend for the telemetry tests and bench: Arize Phoenix from PyPI,
# pinned, in a virtualenv under the build directory (crates/phoenix-testserver starts
# and stops it; it runs offline). Reinstalled only when the pinned version changes.
PHOENIX_VERSION=20.26.1
phoenix_venv=${CARGO_TARGET_DIR:-target}/phoenix
if ! "$phoenix_venv/bin/python" -c "import importlib.metadata as m, sys; sys.exit(m.version('arize-phoenix') != '$PHOENIX_VERSION')" 2>/dev/null; then
  echo "setup: installing arize-phoenix $PHOENIX_VERSION in $phoenix_venv"
  python=/usr/bin/python3
  [ -x "$python" ] || python=python3
  "$python" -m venv "$phoenix_venv"
  "$phoenix_venv/bin/pip" install -q --disable-pip-version-check "arize-phoenix==$PHOENIX_VERSION"
fi

# UI packages, reinstalled only when the lock file changed.
if [ ! -d ui/node_modules ] || [ ui/package-lock.json -nt ui/node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages"
  (cd ui && npm ci --no-audit --no-fund)
fi
