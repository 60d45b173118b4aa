#!/usr/bin/env bash
# End-to-end: ordinary mistakes and hostile files fed to `inovasi import`. Each refused
# import exits 1, names the file, line (or cell) and field, and leaves the store exactly
# as it was (`list --json` of every kind, and the file's bytes); what is accepted is
# stored exactly as written.
# Usage: import_refusals.sh INOVASI_BINARY SOURCE_DIR
set -uo pipefail
bin=$1 src=$2
source "$(dirname "$0")/lib.sh"
cd "$src"
db="$work/store.db"
export INOVASI_DB="$db"

snapshot() {  # every record of every kind, as list --json prints them, and the store's bytes
  for kind in daerah instansi fasilitator tim_inovasi anggota_tim inovasi jawaban_indikator perjanjian_kinerja \
      tim_bappeda permohonan_diskusi sesi_diskusi kehadiran penghargaan kegiatan undangan; do
    "$bin" list "$kind" --json 2>&1
  done
  sha256sum "$db" | cut -d' ' -f1
}
# refused NAME EXPECTED_MESSAGE FILE... : exit 1, the message, the store unchanged
refused() {
  local name=$1 message=$2
  shift 2
  local before after status
  before=$(snapshot)
  "$bin" import "$@" >"$work/out" 2>&1
  status=$?
  after=$(snapshot)
  if [ "$status" -ne 1 ]; then bad "$name: exit $status, expected 1: $(head -5 "$work/out")"; return; fi
  if ! grep -qF -- "$message" "$work/out"; then bad "$name: no '$message' in: $(head -5 "$work/out")"; return; fi
  if [ "$before" != "$after" ]; then bad "$name: the store changed"; return; fi
  ok
}
field() {  # field KIND KEY FIELD: a stored value, from list --json
  "$bin" list "$1" --json | python3 -c "import json,sys; print(next(r['$3'] for r in json.load(sys.stdin) if r['kode' if 'kode' in r else 'inovasi'] == '$2'))"
}

"$bin" import inputs --agency bappedalitbang --year 2026 >"$work/out" 2>&1 && ok || bad "bundled inputs: $(tail -3 "$work/out")"

# Values: exactly as written, or an error.
mkdir -p "$work/ok"
printf 'kode,nama,tahun,instansi,anggaran\nuang-tepat,Uang Tepat,2026,dinkes,1500000.75\nuang-titik,Uang Titik,2026,dinkes,"Rp 1.500.000,50"\n' >"$work/ok/inovasi.csv"
"$bin" import "$work/ok" >"$work/out" 2>&1 && ok || bad "amounts with sen: $(tail -3 "$work/out")"
[ "$(field inovasi uang-tepat anggaran)" = "1500000.75" ] && ok || bad "1500000.75 stored as $(field inovasi uang-tepat anggaran)"
[ "$(field inovasi uang-titik anggaran)" = "1500000.50" ] && ok || bad "Rp 1.500.000,50 stored as $(field inovasi uang-titik anggaran)"

printf 'inovasi,tahun,indikator,level\nuang-tepat,2026,1.0,2\n' >"$work/jawaban_indikator.csv"
refused "indicator 1.0" "jawaban_indikator.csv:2: indikator: '1.0' is not a whole number" "$work/jawaban_indikator.csv"
printf 'nama,tahun\nSetengah,2026.5\n' >"$work/inovasi.csv"
refused "year 2026.5" "inovasi.csv:2: tahun: '2026.5' is not a whole number" "$work/inovasi.csv"
printf 'kode,nama,tahun,anggaran\nuang-tepat,Uang Tepat,2026,"1,500"\n' >"$work/inovasi.csv"
refused "ambiguous amount" "inovasi.csv:2: anggaran: '1,500' could be read two ways" "$work/inovasi.csv"
printf 'kode,nama,tahun,tujuan\nuang-tepat,Uang Tepat,2026,#REF!\n' >"$work/inovasi.csv"
refused "a spreadsheet error" "inovasi.csv:2: tujuan: is the spreadsheet error '#REF!'" "$work/inovasi.csv"
printf 'kode,nama,jenis,alamat\ndinkes,Dinas Kesehatan,Perangkat Daerah\n' >"$work/instansi.csv"
refused "a short row" "instansi.csv:2: row has 3 cells but the header has 4" "$work/instansi.csv"

# Files recognised for what they are.
printf 'instansi,nama,nip,pns\ndinkes,Budi Santoso,196608011988031001,ya\n' >"$work/instansi.csv"
refused "facilitators saved as instansi.csv" "its header is that of fasilitator records" "$work/instansi.csv"
printf 'Notulen rapat koordinasi\n\nTujuan: membahas anggaran.\nHadir 12 orang.\n' >"$work/notulen.txt"
refused "a meeting note" "notulen.txt:3: does not look like a portal profile" "$work/notulen.txt"
printf 'kode,nama\nx,\xff\xfeNama\n' >"$work/instansi.csv"
refused "invalid UTF-8" "instansi.csv:2: invalid UTF-8 (byte 0xFF)" "$work/instansi.csv"
mkdir -p "$work/two"
printf 'nama,tahun,instansi\nA,20x6,dinkes\n' >"$work/two/inovasi.csv"
printf 'kode,tahun,nama_kegiatan,tanggal,tempat\nk9,2026,Rapat,31/02/2026,Kabanjahe\n' >"$work/two/kegiatan.csv"
refused "both files' errors" "kegiatan.csv:2: tanggal: no such date" "$work/two"
grep -qF "inovasi.csv:2: tahun: '20x6' is not a whole number" "$work/out" && ok || bad "the first file's error is missing"
grep -qF "no instansi" "$work/out" && bad "false reference errors: $(grep -F 'no instansi' "$work/out" | head -2)" || ok

# Identity: the same name in another agency is another innovation.
printf 'nama,tahun,instansi,tahapan\nSi Cepat,2026,dinkes,Penerapan\n' >"$work/inovasi.csv"
"$bin" import "$work/inovasi.csv" >"$work/out" 2>&1 && ok || bad "first Si Cepat: $(tail -3 "$work/out")"
printf 'nama,tahun,instansi,tahapan\nSi Cepat,2026,bappedalitbang,Uji Coba\n' >"$work/inovasi.csv"
"$bin" import "$work/inovasi.csv" >"$work/out" 2>&1 && ok || bad "second Si Cepat: $(tail -3 "$work/out")"
[ "$(field inovasi si-cepat instansi)" = "dinkes" ] && ok || bad "the first Si Cepat moved to $(field inovasi si-cepat instansi)"
[ "$(field inovasi si-cepat-bappedalitbang instansi)" = "bappedalitbang" ] && ok || bad "the second Si Cepat has no code of its own"
printf 'inovasi,tahun,jenis\nSi Cepat,2026,Terbaik\n' >"$work/penghargaan.csv"
refused "an award naming a shared name" "'Si Cepat' names 2 inovasi records" "$work/penghargaan.csv"
printf 'kode,nama\nDINKES,Dinas Kesehatan Kedua\n' >"$work/instansi.csv"
refused "two codes, one folder" "'DINKES' and 'dinkes' (the store) would write the same files" "$work/instansi.csv"

# Bounded work on hostile files.
head -c 50000000 /dev/urandom | tr -d '\n' | fold -w 2000 >"$work/sampah.csv"
refused "50 MB of garbage" "sampah.csv" "$work/sampah.csv"
[ "$(wc -l <"$work/out")" -le 310 ] && ok || bad "garbage printed $(wc -l <"$work/out") lines"
python3 - "$work/bom.xlsx" <<'PY'
import sys, zipfile
sheet = '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
sheet += '<row r="1"><c r="A1" t="inlineStr"><is><t>kode</t></is></c><c r="B1" t="inlineStr"><is><t>nama</t></is></c></row>'
sheet += '<!--' + ' ' * (64 << 20) + '-->' + '</sheetData></worksheet>'
with zipfile.ZipFile(sys.argv[1], 'w', zipfile.ZIP_DEFLATED, compresslevel=9) as z:
    z.writestr('xl/workbook.xml', '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="instansi" sheetId="1" r:id="rId1"/></sheets></workbook>')
    z.writestr('xl/_rels/workbook.xml.rels', '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>')
    z.writestr('xl/worksheets/sheet1.xml', sheet)
PY
refused "a zip bomb" "not a workbook of records (a zip bomb?)" "$work/bom.xlsx"
/usr/bin/time -f "%M" -o "$work/rss" "$bin" import "$work/bom.xlsx" >/dev/null 2>&1
rss=$(tail -1 "$work/rss")
[ "$rss" -lt 307200 ] && ok || bad "the zip bomb took $rss KB"

# The rule files are checked like inputs.
cp -r templates "$work/templates"
printf '{"fasilitator_per_instansi": -1}\n' >"$work/templates/catalog/rules.json"
"$bin" --templates "$work/templates" validate --year 2026 >"$work/out" 2>&1
status=$?
[ "$status" -eq 3 ] && grep -qF "rules.json: fasilitator_per_instansi: expected a whole number from 0 to 100, not '-1'" "$work/out" &&
  ok || bad "rules.json -1: exit $status: $(head -3 "$work/out")"

# A dry run lists what would change and writes nothing.
before=$(snapshot)
printf 'kode,nama,alamat\ndinkes,Dinas Kesehatan,\nbaru,Dinas Baru,Jl. Baru\n' >"$work/instansi.csv"
"$bin" import --dry-run "$work/instansi.csv" >"$work/out" 2>&1 && ok || bad "dry run: $(tail -3 "$work/out")"
grep -qF "new        instansi baru" "$work/out" && ok || bad "dry run: no new line: $(head -5 "$work/out")"
grep -qE "^    alamat: '.*' -> \(empty: cleared\)" "$work/out" && ok || bad "dry run: no cleared field: $(head -8 "$work/out")"
grep -qF "the updates clear 1 field(s) that held a value; nothing was written" "$work/out" && ok || bad "dry run summary: $(tail -2 "$work/out")"
[ "$before" = "$(snapshot)" ] && ok || bad "the dry run changed the store"

finish import_refusals
