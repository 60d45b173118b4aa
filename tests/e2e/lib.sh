# Shared by the end-to-end scripts (sourced, not run): a scratch folder removed on exit,
# pass/fail counters, and the closing line ctest and CI read.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0 passed=0
ok() { passed=$((passed + 1)); }
bad() { echo "FAIL $*"; failures=$((failures + 1)); }
# finish NAME: prints "NAME: N passed, N failed" and exits non-zero on any failure.
finish() {
  echo "$1: $passed passed, $failures failed"
  [ "$failures" -eq 0 ]
}
