#!/usr/bin/env bash
# End-to-end: the reports people read and print. The recap, the register, the findings
# and a desk packet's workbook are converted to PDF by LibreOffice as a user would print
# them, and read back: one page wide, the labels repeated on page 2, Indonesian titles,
# labels and formats, the recap's native charts. The one-page year summary is checked
# whole (qpdf), and its bars against the scores, from the page's drawing operations.
# Usage: reports.sh INOVASI_BINARY SOURCE_DIR
set -uo pipefail
bin=$1 src=$2
source "$(dirname "$0")/lib.sh"
cd "$src"

export INOVASI_DB="$work/store.db"
"$bin" import inputs --agency bappedalitbang --year 2026 >/dev/null 2>&1 || bad "import"
# Sixty more agencies: the recap then runs past its first printed page.
{
  echo "kode,nama"
  for i in $(seq -w 1 60); do echo "uptd-$i,UPTD Pelayanan Wilayah $i"; done
} >"$work/instansi.csv"
"$bin" import "$work/instansi.csv" >/dev/null 2>&1 || bad "import the extra agencies"
out="$work/out"
"$bin" launch --quiet --out "$out" >"$work/log" 2>&1 || bad "launch: $(tail -3 "$work/log")"
"$bin" desk-packet --agency dinsos --quiet --out "$out" >"$work/log" 2>&1 || bad "desk-packet: $(tail -3 "$work/log")"
"$bin" render ringkasan --quiet --out "$out" >"$work/log" 2>&1 || bad "render ringkasan: $(tail -3 "$work/log")"
x="$out/2026/exports"
for f in "$x/rekap.xlsx" "$x/register-sertifikat.xlsx" "$x/temuan.xlsx" "$out/2026/desk/dinsos/packet.xlsx"; do
  [ -s "$f" ] && ok || bad "missing $f"
done

# The recap's charts are the workbook's own (libxlsxwriter's chart parts), on its Grafik sheet.
charts=$(unzip -l "$x/rekap.xlsx" | grep -c 'xl/charts/chart[0-9]*\.xml')
[ "$charts" -eq 3 ] && ok || bad "the recap holds $charts charts, not 3"
unzip -p "$x/rekap.xlsx" xl/workbook.xml | grep -q '<sheet name="Grafik"' && ok || bad "no Grafik sheet"

if ! command -v soffice >/dev/null; then
  echo "SKIP printing: soffice is not installed (scripts/setup.sh --tests installs libreoffice-calc-nogui)"
  finish reports
  exit
fi
pdfs="$work/pdf"
mkdir -p "$pdfs"
cp "$out/2026/desk/dinsos/packet.xlsx" "$work/paket-dinsos.xlsx"
# Its own profile: LibreOffice refuses a second instance on a profile in use.
if ! HOME="$work" timeout 300 soffice --headless --norestore --convert-to pdf --outdir "$pdfs" \
  "$x/rekap.xlsx" "$x/register-sertifikat.xlsx" "$x/temuan.xlsx" "$work/paket-dinsos.xlsx" >"$work/lo.log" 2>&1; then
  bad "LibreOffice could not print the reports"
  sed 's/^/    /' "$work/lo.log" | head -5
fi
page() { pdftotext -layout -f "$2" -l "$2" "$1" - 2>/dev/null; }
contains() {  # contains WHAT TEXT_FILE EXPECTED...
  local what=$1 file=$2
  shift 2
  for expected in "$@"; do grep -qF -- "$expected" "$file" && ok || bad "$what lacks: $expected"; done
}

# The recap: title and labels in Indonesian; every column on the first page (one page
# wide: its last column's label beside its first); page 2 carries the labels again.
r="$pdfs/rekap.pdf"
page "$r" 1 >"$work/rekap-1"
page "$r" 2 >"$work/rekap-2"
contains "recap page 1" "$work/rekap-1" "PEMERINTAH KABUPATEN KARO" "Rekapitulasi Program Inovasi Daerah" "Tahun 2026" \
  "Kode Perangkat Daerah" "Masalah" "Dieskalasi" "Fasilitator" "Ditunjuk" "bappedalitbang" "Halaman 1 dari"
# The labels wrap over three lines; the middle one runs from the first column to the last but one.
grep -q "Kode Perangkat Daerah.*Sesi Diskusi" "$work/rekap-1" && ok || bad "recap: its labels are not across page 1"
if grep -qE "fasilitator_ditunjuk|perjanjian_ditandatangani" "$work/rekap-1"; then bad "recap prints its keys"; else ok; fi
contains "recap page 2" "$work/rekap-2" "Kode Perangkat Daerah" "Dieskalasi" "uptd-" "Halaman 2 dari"
grep -q "Kode Perangkat Daerah.*Sesi Diskusi" "$work/rekap-2" && ok || bad "recap page 2 does not repeat the labels"
if grep -q "PEMERINTAH KABUPATEN KARO" "$work/rekap-2"; then bad "recap page 2 repeats the title, not only the labels"; else ok; fi
pdftotext -layout "$r" "$work/rekap-all"
contains "recap" "$work/rekap-all" "Jumlah" "Jumlah Inovasi menurut Tahapan" "Kesiapan Perangkat Daerah" \
  "Skor Indikatif IGA per Inovasi dan Batas Predikat"
# The recap's pages (the Rekap sheet's two) are A4 landscape.
[ "$(pdfinfo -l 2 "$r" | grep -c 'size: *841.8[0-9] x 595.[0-9]* pts')" = 2 ] && ok || bad "the recap is not on A4 landscape"

# The register: dates written out and amounts grouped as Indonesians write them.
pdftotext -layout "$pdfs/register-sertifikat.pdf" "$work/register"
contains "register" "$work/register" "Register Sertifikat Penghargaan Inovasi Daerah" "Nomor" "Perangkat Daerah" \
  "Anggaran (Rp)" "Tanggal" "24 Februari 2026" "150.000.000" "Jumlah" "815.000.000"
if grep -qE "150,000,000|2026-02-24|kode_verifikasi" "$work/register"; then bad "register shows a key or a foreign format"; else ok; fi

# The findings report and the desk packet's workbook, in Indonesian.
pdftotext -layout "$pdfs/temuan.pdf" "$work/temuan"
contains "findings report" "$work/temuan" "Temuan Validasi Data Inovasi Daerah" "Kesalahan" "Peringatan" \
  "Nomor SK tim belum diisi" "bukan 3" "Kode Temuan"
if grep -q "digit 15 (gender)" "$work/temuan"; then bad "findings report prints the English message"; else ok; fi
pdftotext -layout "$pdfs/paket-dinsos.pdf" "$work/paket"
contains "desk workbook" "$work/paket" "Lembar Kerja Desk Review Inovasi Daerah" "Dinas Sosial" "Rancang Bangun" \
  "Jawaban Indikator Inovasi Daerah" "Temuan Validasi Data Inovasi Daerah" "Kesalahan" "1 September 2026"

# The year summary: one page, whole, its bars as long as their scores.
s="$out/2026/reports/ringkasan-2026.pdf"
qpdf --check "$s" >/dev/null 2>&1 && ok || bad "qpdf --check the year summary"
# One page, with 75 agencies of which 68 are not ready: the reasons are grouped.
[ "$(pdfinfo "$s" | awk '/^Pages:/{print $2}')" = 1 ] && ok || bad "the year summary is not one page"
pdftotext -layout "$s" "$work/summary"
contains "year summary" "$work/summary" "RINGKASAN PROGRAM INOVASI DAERAH" "Perangkat Daerah yang Belum Siap" \
  "Tim Pengelola Inovasi belum dibentuk" "lainnya" "Skor Indikatif IGA per Inovasi"
"$bin" validate --json >"$work/validate.json" 2>/dev/null
qpdf --qdf --object-streams=disable "$s" "$work/summary-qdf.pdf" >/dev/null 2>&1
/usr/bin/python3 - "$work/summary-qdf.pdf" "$work/validate.json" <<'EOF' || bad "the summary's bars are not to scale"
import json, re, sys
content = open(sys.argv[1], "rb").read().decode("latin-1")
# A bar is a gray fill: "0.55 g", then its rectangle "x y w h re", then "f".
widths = [float(w) for w in re.findall(r"0\.55 g\s+[\d.]+ [\d.]+ ([\d.]+) [\d.]+ re\s+f", content)]
scores = sorted((s["skor_indikatif"] for s in json.load(open(sys.argv[2]))["skor"] if s["skor_indikatif"] > 0),
                reverse=True)
widths.sort(reverse=True)
if len(widths) != len(scores) or not widths:
    sys.exit(f"{len(widths)} bars drawn for {len(scores)} scores above 0")
for w, s in zip(widths, scores):
    if abs(w / widths[0] - s / scores[0]) > 0.002:
        sys.exit(f"a bar of {w} for a score of {s} (the longest {widths[0]} for {scores[0]})")
print(f"{len(widths)} bars to scale")
EOF

# Pages to look at (kept when INOVASI_KEEP_PAGES names a folder).
if [ -n "${INOVASI_KEEP_PAGES:-}" ]; then
  mkdir -p "$INOVASI_KEEP_PAGES"
  pdftoppm -r 60 -png "$r" "$INOVASI_KEEP_PAGES/rekap"
  pdftoppm -r 60 -png "$pdfs/register-sertifikat.pdf" "$INOVASI_KEEP_PAGES/register"
  pdftoppm -r 60 -png "$pdfs/temuan.pdf" "$INOVASI_KEEP_PAGES/temuan"
  pdftoppm -r 80 -png "$s" "$INOVASI_KEEP_PAGES/ringkasan"
fi
finish reports
