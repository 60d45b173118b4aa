#!/usr/bin/env bash
# Rewrites tests/golden/*.layout from the current engine and templates. Look at the pages
# first (inovasi preview NAME -o page.pdf, for each template), then run this and read
# the diff: `git diff tests/golden` shows what moved.
# Usage: scripts/refresh-golden.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
INOVASI_UPDATE_GOLDEN=1 "$build/tests/unit_tests" --gtest_filter='GoldenLayout.*'
git --no-pager diff --stat -- tests/golden
