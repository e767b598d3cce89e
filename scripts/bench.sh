#!/usr/bin/env bash
# Prints the figures we watch: the size of the release build (raw and gzipped), the native
# cost of the roster list's work per keystroke, and 附表3 (回头看) at city scale: the index
# build, one edit, the table, against a naive rebuild and a serde round trip. Figures and ratios,
# never pass/fail on time (the 附表3 bench does fail if its incremental index disagrees with a
# fresh computation).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-tools.sh
source scripts/env.sh

echo "== release build size"
trunk build --release --dist target/bench/dist >/dev/null 2>&1
total_raw=0
total_gz=0
printf '%-40s %10s %10s %7s\n' file bytes gzipped ratio
for f in target/bench/dist/*.wasm target/bench/dist/*.js target/bench/dist/*.css target/bench/dist/index.html; do
  raw=$(stat -c %s "$f")
  gz=$(gzip -9 -c "$f" | wc -c)
  total_raw=$((total_raw + raw))
  total_gz=$((total_gz + gz))
  printf '%-40s %10d %10d %6.2fx\n' "$(basename "$f")" "$raw" "$gz" "$(awk "BEGIN { print $raw / $gz }")"
done
printf '%-40s %10d %10d %6.2fx\n' "total (app shell)" "$total_raw" "$total_gz" "$(awk "BEGIN { print $total_raw / $total_gz }")"

echo
echo "== roster list work (native, release)"
cargo bench --quiet --bench roster

echo
echo "== 附表3 (回头看) work at 10,000 and 100,000 inspections (native, release)"
cargo bench --quiet --bench fubiao3
