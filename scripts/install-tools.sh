#!/usr/bin/env bash
# Installs whatever the build needs and is missing; quick when everything is there.
#   scripts/install-tools.sh          build tools: wasm32 target, trunk, wasm-bindgen-cli, wasm-opt
#   scripts/install-tools.sh --test   the same plus Debian's chromium + chromium-driver and the
#                                     e2e test packages
# Nothing is downloaded but packages from the registries (crates.io, npm, Debian).
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
with_tests=false
[ "${1:-}" = "--test" ] && with_tests=true

say() { printf '[install] %s\n' "$*"; }
export PATH="$HOME/.cargo/bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  # The newest trunk needs a newer rustc than this machine's; this one builds (~11 min).
  say "installing trunk $TRUNK_VERSION (about 11 minutes on 2 cores)"
  cargo install --locked "trunk@$TRUNK_VERSION"
fi

# wasm-bindgen-cli must equal the wasm-bindgen in Cargo.lock exactly, or the generated JS
# and the wasm disagree (and trunk would try to download its own).
bindgen_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $bindgen_version" ]; then
  say "installing wasm-bindgen-cli $bindgen_version"
  # --locked first; its lock file names a webpki-roots release the registry mirror here may
  # not serve, so fall back to a fresh resolution of the same wasm-bindgen-cli version.
  cargo install --locked "wasm-bindgen-cli@$bindgen_version" \
    || cargo install "wasm-bindgen-cli@$bindgen_version"
fi

npm_install() { # dir: install exactly what its package-lock.json says, when it changed
  local dir=$1
  if [ ! -f "$dir/node_modules/.package-lock.json" ] || ! cmp -s "$dir/package-lock.json" "$dir/node_modules/.installed-lock"; then
    say "installing npm packages in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
    cp "$dir/package-lock.json" "$dir/node_modules/.installed-lock"
  fi
}
# wasm-opt from the npm package binaryen (Debian's binaryen 108 breaks the page at start).
npm_install scripts

# Trunk builds with --offline, so the crates must be in the local registry first.
cargo fetch --quiet

if $with_tests; then
  # openpyxl (Debian's, run by /usr/bin/python3): a real XLSX reader, so the browser tests
  # check a downloaded workbook's merged ranges, texts and numbers as a spreadsheet sees them.
  # poppler-utils (pdfinfo, pdftotext): the print tests render a document to PDF in Chromium
  # and read back its page size, page count and each page's text; fonts-wqy-microhei gives
  # Chromium Chinese glyphs (without a CJK font the PDF holds no readable Chinese text).
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null \
    || ! /usr/bin/python3 -c 'import openpyxl' 2>/dev/null || ! command -v pdftotext >/dev/null \
    || [ -z "$(fc-list :lang=zh 2>/dev/null)" ]; then
    say "installing Debian's chromium, chromium-driver, python3-openpyxl, poppler-utils and fonts-wqy-microhei"
    sudo_cmd=""
    [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium chromium-driver python3-openpyxl poppler-utils fonts-wqy-microhei >/dev/null
  fi
  npm_install tests/e2e
fi
say "tools ready"
