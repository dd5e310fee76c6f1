# Jobtrail: `make run` to use the app, `make test` to check everything.
# Both install what is missing first (scripts/setup.sh), so they work on a fresh
# Debian 12 / Ubuntu machine with Rust, Node 20 and apt.
SHELL := /bin/bash
.DEFAULT_GOAL := run
CARGO ?= cargo

.PHONY: run test setup ui app bundle appimage lint unit e2e bench bindings learn-words startup-order clean

setup:
	@scripts/setup.sh

# The web UI, built into ui/dist (embedded in the app at compile time).
ui: setup
	cd ui && npm run build

# The desktop app with the UI embedded (target/debug/jobtrail-app), its Debian and
# RPM packages (target/debug/bundle/{deb,rpm}/), and the CLI. The Tauri CLI builds the
# UI first.
app: setup
	ui/node_modules/.bin/tauri build --debug --bundles deb,rpm
	$(CARGO) build -p jobtrail-cli

# Release packages for people to install: target/release/bundle/{deb,rpm}/. Neither
# needs the network.
bundle: setup
	ui/node_modules/.bin/tauri build --bundles deb,rpm

# A release AppImage (target/release/bundle/appimage/). The bundler downloads its
# tools (linuxdeploy, the AppImage runtime) from GitHub, so this needs a machine that
# can reach it; not part of `make bundle` or `make test`.
appimage: setup
	ui/node_modules/.bin/tauri build --bundles appimage

run: app
	@scripts/run.sh

lint: ui
	python3 scripts/check-layers.py .
	$(CARGO) fmt --all --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings
	cd ui && npm run typecheck
	cd ui && npm run lint

unit: ui
	cd ui && npm test

# Rust tests of every crate, end-to-end tests on the real app included.
e2e: app
	$(CARGO) test --workspace

test: lint unit e2e
	@echo "make test: all checks passed"

# Recounts the built-in engine's learned words from the corpus sets listed in
# tests/fixtures/mail/learned-from.txt; `make test` fails while the committed table
# differs from what those sets give.
learn-words:
	$(CARGO) run -q -p jobtrail-core --example learn_words -- \
		crates/core/src/agent/builtin/learned_words.tsv \
		$$(grep -v '^#' tests/fixtures/mail/learned-from.txt | sed 's|^|tests/fixtures/mail/|')

# Regenerates ui/src/bindings.ts (TypeScript types of every command and event) from
# the Rust types; `make test` fails while the committed file is stale.
bindings:
	JOBTRAIL_WRITE_BINDINGS=1 $(CARGO) test -p jobtrail-app --lib bindings

# Every figure in one run (runtime overhead, import, monitoring queries and recording,
# the dashboard's drawing, release start-up with 1,000,000 runs, idle memory, .deb
# size), kept in target/bench-report.txt. Not part of `make test`.
bench: setup
	@scripts/bench.sh

# Lists what starting the release app runs (src-tauri/startup-order.txt), which its
# link puts together so less of its code is resident. After dependency or toolchain
# updates; about 10 minutes.
startup-order:
	@scripts/setup.sh valgrind
	@scripts/startup-order.sh

clean:
	$(CARGO) clean
	rm -rf ui/dist ui/node_modules
