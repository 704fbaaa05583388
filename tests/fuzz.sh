#!/usr/bin/env bash
# Bounded fuzz run of the paste parser (cargo-fuzz / libFuzzer; needs the nightly toolchain that the
# machine image ships). Called by `./dev test`. FUZZ_SECONDS sets the budget (default 60).
set -euo pipefail
cd "$(dirname "$0")/.."
CARGO_FUZZ_VERSION="0.13.2"
if ! rustup toolchain list | grep -q '^nightly'; then
  echo "fuzz: no nightly toolchain on this machine; the bounded fuzz run is skipped (property tests still ran)" >&2
  exit 0
fi
if [ "$(cargo fuzz --version 2>/dev/null || true)" != "cargo-fuzz $CARGO_FUZZ_VERSION" ]; then
  echo "==> installing cargo-fuzz $CARGO_FUZZ_VERSION" >&2
  cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked
fi
echo "==> fuzzing the paste parser for ${FUZZ_SECONDS:-60} s" >&2
# Each input is at most 64 KB; any panic or crash fails the run. No sanitizer: the parser lives in
# src/core, which forbids unsafe code, so AddressSanitizer would find nothing there, and building
# the whole crate with it took about 8 minutes of a CI run.
cargo +nightly fuzz run --sanitizer none diagnose -- -max_total_time="${FUZZ_SECONDS:-60}" -max_len=65536 -rss_limit_mb=2048 2>&1 | tail -n 5
