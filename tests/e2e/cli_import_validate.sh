#!/usr/bin/env bash
# End-to-end: runs the real `inovasi` binary on the bundled inputs and on bad files, and
# checks exit statuses, messages and that a failed import leaves the store unchanged.
# Usage: cli_import_validate.sh INOVASI_BINARY SOURCE_DIR BUILD_DIR
set -uo pipefail
bin=$1 src=$2 build=$3
source "$(dirname "$0")/lib.sh"

check() {  # check NAME EXPECTED_STATUS COMMAND... ; output in $work/out
  local name=$1 expected=$2
  shift 2
  "$@" >"$work/out" 2>&1
  local status=$?
  if [ "$status" -ne "$expected" ]; then
    echo "FAIL $name: exit $status, expected $expected"; sed 's/^/    /' "$work/out" | head -20
    failures=$((failures + 1))
  else
    passed=$((passed + 1))
  fi
}
expect_output() {  # expect_output NAME TEXT
  if grep -qF -- "$2" "$work/out"; then passed=$((passed + 1)); else
    echo "FAIL $1: output lacks '$2'"; sed 's/^/    /' "$work/out" | head -20
    failures=$((failures + 1))
  fi
}

cd "$src"
db="$work/store.db"
export INOVASI_DB="$db"

check "overview" 0 "$bin" --help
expect_output "overview lists commands" "validate"
expect_output "overview: the longest name keeps a gap before its summary" "  certificates  every certificate"
check "no command" 2 "$bin"
check "unknown command" 2 "$bin" frobnicate
check "unknown option" 2 "$bin" import --frob inputs
expect_output "unknown option named" "unknown option '--frob'"
check "import help" 0 "$bin" import --help
expect_output "import help" "--agency KODE"

check "list before import" 3 "$bin" list agencies
expect_output "no store message" "no database here"

check "import bundled inputs" 0 "$bin" import inputs --agency bappedalitbang --year 2026
expect_output "import summary" "new, 0 updated, 0 unchanged"
check "import again" 0 "$bin" import inputs --agency bappedalitbang --year 2026
expect_output "import again changes nothing" ": 0 new, 0 updated,"

check "list agencies" 0 "$bin" list agencies
expect_output "agency count" "15 instansi record(s)"
check "list innovations json" 0 "$bin" list innovations --json --year 2026
expect_output "json keys are Indonesian" '"waktu_penerapan": "2021-07-05"'
check "list unknown kind" 2 "$bin" list planets

check "validate finds the planted problems" 1 "$bin" validate
expect_output "validate facilitator count" "instansi kec-kabanjahe: fasilitator: 1 facilitator(s) named"
expect_output "validate indicative" "Indicative IGA scores"
check "validate json" 1 "$bin" validate --json
expect_output "validate json score" '"skor_indikatif"'

# Bad input: all errors reported with file:line: field, non-zero exit, store unchanged.
cp "$db" "$work/before.db"
mkdir -p "$work/bad"
printf 'kode,nama\nbaru,Dinas Baru\n' >"$work/bad/instansi.csv"
printf 'instansi,nama,nip,pns\nbaru,A,1234,ya\nentah,B,,ya\n' >"$work/bad/fasilitator.csv"
printf 'kode,nama\nx,Dinas \xff\n' >"$work/bad/instansi-rusak.csv"
check "bad import fails" 1 "$bin" import "$work/bad"
expect_output "bad nip" "fasilitator.csv:2: nip: '1234' is not a NIP"
expect_output "unknown agency" "fasilitator.csv:3: instansi: no instansi 'entah'"
expect_output "invalid utf-8" "instansi-rusak.csv:2: invalid UTF-8"
expect_output "store unchanged" "the store is unchanged"
if [ "$("$bin" list agencies --json)" = "$("$bin" --db "$work/before.db" list agencies --json)" ]; then
  passed=$((passed + 1)); else echo "FAIL store changed by a failed import"; failures=$((failures + 1)); fi

check "missing file" 1 "$bin" import "$work/nope.csv"
expect_output "missing file named" "nope.csv: no such file or folder"

# Hostile names never break out: they are data, stored as written.
printf 'kode,nama\n../../etc,{{nama}} <b>&amp;</b>\n' >"$work/hostile.csv"
check "hostile values import" 0 "$bin" import --db "$work/h.db" "$work/hostile.csv"
check "hostile values listed" 0 "$bin" --db "$work/h.db" list agencies
expect_output "hostile kept literally" "{{nama}} <b>&amp;</b>"

# The installed executable finds its templates from anywhere.
if cmake --install "$build" --prefix "$work/prefix" >/dev/null 2>&1; then
  (cd "$work" && "$work/prefix/bin/inovasi" validate --db "$db" >"$work/out" 2>&1)
  expect_output "installed binary finds its catalogue" "Validation for 2026"
else
  echo "FAIL cmake --install"; failures=$((failures + 1))
fi

finish cli_import_validate
