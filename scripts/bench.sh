#!/usr/bin/env bash
# `make bench`: every figure Jobtrail reports, in one run. Prints as it goes and keeps
# the whole output in target/bench-report.txt. Not part of `make test`: benchmarks
# measure, they do not pass or fail on time.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo=${CARGO:-cargo}
report=${CARGO_TARGET_DIR:-target}/bench-report.txt
mkdir -p "$(dirname "$report")"
{
  echo "# Jobtrail benchmarks, $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $(uname -sr)"
  # The agent runtime's overhead over a bare LLM call; importing a 10,000-message mbox;
  # monitoring and cost queries over 10k to 1M runs and recording throughput.
  $cargo bench -p jobtrail-core --bench runtime
  # OTLP export: a run with export on (to a local Phoenix) against off, and the
  # backfill rate of stored runs.
  $cargo bench -p jobtrail-core --bench telemetry
  $cargo bench -p jobtrail-core --bench import
  $cargo bench -p jobtrail-core --bench monitor
  # Mail sync from a throwaway Dovecot: first sync of 10,000 messages (msg/s, peak RSS),
  # an incremental sync with nothing new, APPEND → IDLE → the application moving.
  $cargo bench -p jobtrail-core --bench mail
  # The app: a debug build with the UI embedded for the CLI and the dashboard figure,
  # and the release build people install (binary and .deb) for start-up and memory,
  # run as it ships (no variable changes how WebKit draws or sandboxes).
  ui/node_modules/.bin/tauri build --debug --bundles deb
  $cargo build -p jobtrail-cli
  ui/node_modules/.bin/tauri build --bundles deb
  # The floor the app's memory is measured against: a bare WebKitGTK window (tao + wry).
  $cargo build --release -p jobtrail-e2e --bin jobtrail-bare-window
  $cargo test -p jobtrail-e2e --test e2e bench_ui -- --ignored --nocapture --test-threads=1
} 2>&1 | tee "$report"
echo "bench: the whole output is in $report"
