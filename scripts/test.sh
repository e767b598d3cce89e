#!/usr/bin/env bash
# Installs what is missing (build tools, Chromium), then runs every test:
#   1. native `cargo test` of the domain;
#   2. the release build and the debug build, each driven in headless Chromium (tests/e2e).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-tools.sh --test
source scripts/env.sh

echo "== native tests (cargo test)"
cargo test --quiet

echo "== release build (wasm-opt runs here only)"
trunk build --release --dist target/e2e/release
echo "== debug build"
trunk build --dist target/e2e/debug

echo "== browser tests (headless Chromium)"
E2E_DIST_RELEASE="$PWD/target/e2e/release" E2E_DIST_DEBUG="$PWD/target/e2e/debug" \
  node --test --test-concurrency=1 tests/e2e/
