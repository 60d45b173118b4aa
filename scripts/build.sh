#!/usr/bin/env bash
# Installs what is missing, then configures and builds into build/.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/setup.sh"
cmake -S "$root" -B "$root/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$root/build" -j "$(nproc)" >"$root/build/build.log" 2>&1 || {
  cat "$root/build/build.log" >&2
  echo "build failed (log: build/build.log)" >&2
  exit 1
}
grep -i 'warning' "$root/build/build.log" >&2 || true
