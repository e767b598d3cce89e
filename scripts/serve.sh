#!/usr/bin/env bash
# Installs what is missing, then builds the release app and serves it at http://127.0.0.1:8080
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-tools.sh
source scripts/env.sh
exec trunk serve --release
