#!/usr/bin/env bash
# Output bytes pinned: the bundled inputs through every command that writes (launch,
# render all, desk-packet, every export), with the verification codes set to fixed
# values (they are random when issued), and the SHA-256 of every file compared with
# tests/golden/outputs.sha256. A change of code that should not change what users get
# (a restructuring, a speed-up) proves it here; one that should, shows what it changed.
# Refresh, after looking at what changed: INOVASI_UPDATE_GOLDEN=1 (scripts/refresh-golden.sh).
# The manifest is left out, and so is the recap, which lists the manifest: their keys hold
# the font files' times, which differ from machine to machine.
# Usage: output_bytes.sh INOVASI_BINARY SOURCE_DIR
set -uo pipefail
bin=$1 src=$2
source "$(dirname "$0")/lib.sh"
cd "$src"
export INOVASI_DB="$work/store.db"
run() { "$bin" "$@" >>"$work/log" 2>&1 || [ $? -eq 1 ] || bad "$*: $(tail -3 "$work/log")"; }
run import inputs --agency bappedalitbang --year 2026
run render all --out "$work/first" --quiet
# Codes by kind, year and sequence: the same on every machine, whatever order the kinds
# were planned in.
sqlite3 "$INOVASI_DB" "UPDATE nomor_dokumen SET kode_verifikasi = (SELECT printf('T%09d', n) FROM
  (SELECT rowid AS r, row_number() OVER (ORDER BY jenis, tahun, urut) AS n FROM nomor_dokumen) WHERE r = nomor_dokumen.rowid)"
out="$work/out"
run launch --out "$out" --quiet
run render all --out "$out" --quiet
run desk-packet --out "$out" --quiet
for what in iga recap certificates csv "input-workbook --all" input-workbook; do run export $what --out "$out"; done
(cd "$out" && find . -type f ! -name manifest.json ! -name rekap.xlsx | LC_ALL=C sort | xargs sha256sum) >"$work/actual"
golden="$src/tests/golden/outputs.sha256"
# The bytes also depend on the fonts and the libraries that embed, subset and deflate
# them: the golden file names their versions, and a machine with others (a later Debian
# point release) says so and compares nothing, rather than failing for a reason that is
# not the code's.
packages=$(dpkg-query -W -f='${Package}=${Version} ' fonts-liberation fonts-dejavu-core fonttools libharfbuzz-subset0 \
  libhpdf-2.3.0 libxlsxwriter4 libdeflate0 zlib1g libpoco-dev 2>/dev/null)
if [ -n "${INOVASI_UPDATE_GOLDEN:-}" ]; then
  { echo "# packages: $packages"; cat "$work/actual"; } >"$golden"
  echo "output_bytes: $golden rewritten ($(($(wc -l <"$golden") - 1)) files)"
  exit 0
fi
if [ "$(head -1 "$golden")" != "# packages: $packages" ]; then
  echo "SKIP output bytes: this machine's packages differ from those $golden was made with"
  echo "  golden: $(head -1 "$golden")"
  echo "  here:   # packages: $packages"
  echo "  (refresh it here with scripts/refresh-golden.sh to compare builds on this machine)"
  finish output_bytes
  exit $?
fi
if diff -u <(tail -n +2 "$golden") "$work/actual" >"$work/diff"; then
  ok
else
  bad "output bytes differ from $golden (first lines of the diff):"
  head -20 "$work/diff"
fi
[ "$(wc -l <"$work/actual")" -ge 100 ] && ok || bad "fewer files than expected: $(wc -l <"$work/actual")"
finish output_bytes
