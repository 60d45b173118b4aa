#!/usr/bin/env bash
# End-to-end: the input workbook. Export → import gives back the same records (also
# after LibreOffice has re-saved the workbook, when LibreOffice is installed); a bad
# workbook is refused and leaves the store as it was.
# Usage: workbook.sh INOVASI_BINARY SOURCE_DIR
set -uo pipefail
bin=$1 src=$2
source "$(dirname "$0")/lib.sh"
cd "$src"

kinds="daerah instansi fasilitator tim_inovasi anggota_tim inovasi jawaban_indikator perjanjian_kinerja tim_bappeda
       permohonan_diskusi sesi_diskusi kehadiran penghargaan kegiatan undangan"
# Every record of every kind, as the CLI lists them (every field, JSON).
dump() {
  for kind in $kinds; do "$bin" --db "$1" list "$kind" --json || echo "list $kind failed"; done
}
same_store() {  # same_store NAME DB_A DB_B
  if cmp -s <(dump "$2") <(dump "$3"); then ok; else
    bad "$1: the stores differ"; diff <(dump "$2") <(dump "$3") | head -10 | sed 's/^/    /'
  fi
}
run() {  # run NAME EXPECTED_STATUS COMMAND... ; output in $work/out
  local name=$1 expected=$2
  shift 2
  "$@" >"$work/out" 2>&1
  local status=$?
  if [ "$status" -eq "$expected" ]; then ok; else bad "$name: exit $status, expected $expected"; head -5 "$work/out"; fi
}

# A blank workbook needs no store.
run "blank workbook without a store" 0 "$bin" --db "$work/none.db" --out "$work" export input-workbook
[ -s "$work/buku-kerja-isian.xlsx" ] && [ ! -e "$work/none.db" ] && ok || bad "blank workbook: file missing or a store made"

a="$work/a.db"
run "import bundled inputs" 0 "$bin" --db "$a" import inputs --agency bappedalitbang --year 2026
run "export everything" 0 "$bin" --db "$a" export input-workbook --all -o "$work/semua.xlsx"
run "import it into a new store" 0 "$bin" --db "$work/b.db" import "$work/semua.xlsx"
same_store "export then import" "$a" "$work/b.db"

run "agency workbook" 0 "$bin" --db "$a" --out "$work" export input-workbook --agency dinkes
[ -s "$work/buku-kerja-isian-dinkes.xlsx" ] && ok || bad "agency workbook missing"
run "unknown agency" 2 "$bin" --db "$a" export input-workbook --agency planet
grep -qF "no agency with kode 'planet'" "$work/out" && ok || bad "unknown agency not named"
# An agency's workbook, filled in and imported back, changes nothing that was there.
run "agency workbook imports" 0 "$bin" --db "$a" import "$work/buku-kerja-isian-dinkes.xlsx"
grep -qF "0 new, 0 updated" "$work/out" && ok || bad "agency workbook round trip: $(tail -1 "$work/out")"

if command -v soffice >/dev/null; then
  mkdir -p "$work/lo"
  # LibreOffice re-saves the workbook its own way (shared strings, styles, its own XML).
  if HOME="$work" timeout 180 soffice --headless --norestore --convert-to xlsx --outdir "$work/lo" "$work/semua.xlsx" \
      >"$work/lo.log" 2>&1 && [ -s "$work/lo/semua.xlsx" ]; then
    ok
    run "import the LibreOffice copy" 0 "$bin" --db "$work/c.db" import "$work/lo/semua.xlsx"
    same_store "LibreOffice round trip" "$a" "$work/c.db"
  else
    bad "soffice could not convert the workbook"; sed 's/^/    /' "$work/lo.log" | head -5
  fi
else
  echo "SKIP LibreOffice round trip: soffice is not installed (scripts/setup.sh --tests installs libreoffice-calc-nogui)"
fi

# A bad workbook: the agency's own workbook with one date cell (inovasi!L2,
# waktu_penerapan) replaced by text that is not a date.
cp "$a" "$work/before.db"
"$bin" --db "$a" export input-workbook --agency dinkes -o "$work/dinkes.xlsx" >/dev/null
mkdir -p "$work/x" && (cd "$work/x" && unzip -q "$work/dinkes.xlsx")
# Workbook parts are deflated at zlib's fastest level (cli/deflate_level.cpp): each
# part's bytes are exactly what zlib makes of it at level 1 (raw deflate, as minizip).
parts=$(/usr/bin/python3 - "$work/dinkes.xlsx" <<'EOF'
import struct, sys, zipfile, zlib
raw = open(sys.argv[1], "rb").read()
book = zipfile.ZipFile(sys.argv[1])
same = 0
for info in book.infolist():
    name_len, extra_len = struct.unpack("<HH", raw[info.header_offset + 26:info.header_offset + 30])
    start = info.header_offset + 30 + name_len + extra_len
    packer = zlib.compressobj(1, zlib.DEFLATED, -15, 8)
    same += packer.compress(book.read(info)) + packer.flush() == raw[start:start + info.compress_size]
print(same, len(book.infolist()))
EOF
)
[ "${parts% *}" = "${parts#* }" ] && [ "${parts% *}" -ge 5 ] && ok || bad "workbook parts not at zlib level 1: $parts (same, of)"
inov="$work/x/xl/worksheets/sheet6.xml"
if grep -q '<c r="L2" s="[0-9]*"><v>' "$inov"; then
  sed -i 's#<c r="L2" s="\([0-9]*\)"><v>[0-9.]*</v></c>#<c r="L2" s="\1" t="inlineStr"><is><t>besok pagi</t></is></c>#' "$inov"
  (cd "$work/x" && zip -q -r "$work/rusak.xlsx" .)
  run "a date that is text" 1 "$bin" --db "$a" import "$work/rusak.xlsx"
  grep -qF "rusak.xlsx:inovasi!L2: waktu_penerapan:" "$work/out" && ok || bad "text date not reported by cell: $(head -3 "$work/out")"
  same_store "store unchanged after the bad workbook" "$work/before.db" "$a"
else
  bad "the dinkes workbook has no date in inovasi!L2 (layout changed?)"
fi

finish workbook
