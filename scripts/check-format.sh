#!/usr/bin/env bash
# The code follows .clang-format: lists the files that do not and fails, or says nothing.
# Run by the tests (ctest: format). To fix: clang-format -i on the files named.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
command -v clang-format >/dev/null || { echo "clang-format is not installed (scripts/setup.sh --tests)" >&2; exit 1; }
mapfile -t files < <(git ls-files 'pipeline/*.cpp' 'pipeline/*.h' 'tests/*.cpp' 'tests/*.h' 2>/dev/null ||
  find pipeline tests -name '*.cpp' -o -name '*.h')
unformatted=()
for f in "${files[@]}"; do
  clang-format --dry-run -Werror "$f" >/dev/null 2>&1 || unformatted+=("$f")
done
if [ ${#unformatted[@]} -gt 0 ]; then
  echo "not formatted as .clang-format says (clang-format -i to fix):" >&2
  printf '  %s\n' "${unformatted[@]}" >&2
  exit 1
fi
