#!/usr/bin/env bash
# Rewrites the pinned outputs from the current engine and templates: tests/golden/*.layout
# (what each page draws) and tests/golden/outputs.sha256 (the bytes of every file the
# bundled inputs give). Look at the pages first (inovasi preview NAME -o page.pdf, for
# each template), then run this and read the diff: `git diff tests/golden` shows what moved.
# Usage: scripts/refresh-golden.sh [BUILD_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
INOVASI_UPDATE_GOLDEN=1 "$build/tests/unit_tests" --gtest_filter='GoldenLayout.*'
INOVASI_UPDATE_GOLDEN=1 bash "$root/tests/e2e/output_bytes.sh" "$build/pipeline/inovasi" "$root"
git -C "$root" --no-pager diff --stat -- tests/golden
