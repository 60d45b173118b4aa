#!/usr/bin/env bash
# End-to-end for the programme's documents: render every kind from the bundled inputs,
# read the PDFs back, check numbers, byte-identical re-renders and verification.
# Usage: documents.sh INOVASI_BINARY SOURCE_DIR
set -uo pipefail
bin=$1 src=$2
source "$(dirname "$0")/lib.sh"
has() {  # has FILE.pdf TEXT...
  local pdf=$1; shift
  pdftotext -layout "$pdf" "$work/text" 2>/dev/null || { bad "pdftotext $pdf"; return; }
  tr -s ' \n' ' ' <"$work/text" >"$work/flat"
  for text in "$@"; do grep -qF -- "$text" "$work/flat" || { bad "$(basename "$pdf") lacks: $text"; return; }; done
  ok
}

# every_file_listed OUT: manifest.json lists every file under OUT (but itself) with its
# SHA-256 and size.
every_file_listed() {
  /usr/bin/python3 - "$1" <<'EOF' && ok || bad "manifest of $1"
import hashlib, json, os, sys
root = sys.argv[1]
entries = {e["jalur"]: e for e in json.load(open(os.path.join(root, "2026", "exports", "manifest.json")))["berkas"]}
for folder, _, names in os.walk(root):
    for name in names:
        path = os.path.relpath(os.path.join(folder, name), root)
        if name == "manifest.json":
            continue
        data = open(os.path.join(folder, name), "rb").read()
        entry = entries.get(path)
        if entry is None or entry["sha256"] != hashlib.sha256(data).hexdigest() or entry["ukuran"] != len(data):
            sys.exit(f"{path}: {'not listed' if entry is None else 'listed with another digest or size'}")
EOF
}

cd "$src"
export INOVASI_DB="$work/store.db"
"$bin" import inputs --agency bappedalitbang --year 2026 >/dev/null 2>&1 || bad "import"
out="$work/out"
"$bin" render all --out "$out" >"$work/log" 2>&1 && ok || bad "render all: $(tail -5 "$work/log")"
grep -q "^made 61, unchanged 0, failed 0" "$work/log" && ok || bad "expected 61 documents (45 + 15 desk packets + the year summary): $(tail -1 "$work/log")"
before=$failures
for pdf in $(find "$out" -name '*.pdf'); do qpdf --check "$pdf" >/dev/null 2>&1 || bad "qpdf --check $pdf"; done
[ "$failures" -eq "$before" ] && [ "$(find "$out" -name '*.pdf' | wc -l)" -eq 61 ] && ok || bad "not 61 whole PDFs"
# Paths are slugs inside the output folder.
[ -z "$(find "$out" -name '*.pdf' | grep -v '^'"$out"'/2026/[a-z]*/[a-z0-9./-]*$')" ] && ok || bad "unexpected paths"

y=$out/2026
cert=$(ls "$y"/certificates/*.pdf | head -1)
# Numbers follow the awards' stable order (by innovation code): No. 1 is ANTOL's.
has "$cert" "SERTIFIKAT PENGHARGAAN" "Nomor: 000.8.3.3/1/Bappedalitbang/2026" "diberikan kepada" \
  "RUMAH SAKIT UMUM DAERAH KABANJAHE" "ANTRIAN ONLINE PASIEN (ANTOL)" "Tahun 2026" "Kabanjahe, 24 Februari 2026" "BUPATI KARO," "Antonius Ginting"
[ "$(pdfinfo "$cert" | grep 'Page size' | grep -c '841.89 x 595.2')" -eq 1 ] && ok || bad "certificate not A4 landscape"
has "$y/launching/dinkes/perjanjian-kinerja.pdf" "LEMBAR PERJANJIAN KINERJA INOVASI" "DINAS KESEHATAN" "PIHAK PERTAMA" "PIHAK KEDUA" \
  "1 (satu) inovasi" "dr. Maria Br Ginting, M.Kes" "Pembina Tingkat I (IV/b)" "NIP. 19720805 200012 2 001" "185.000.000" \
  "Kabanjahe, 24 Februari 2026" "/PK-INOVASI/II/2026" "Halaman 2 dari 2"
has "$y/discussions/2026-03-12-dinkes/berita-acara-rdri-2026-001-s1.pdf" \
  "Pada hari ini Kamis tanggal dua belas bulan Maret tahun dua ribu dua puluh enam" \
  "Lembar untuk Tim Pengelola Inovasi Dinas Kesehatan" "Lembar untuk Tim Pengelola Ruang Diskusi Rutin Inovasi Bappedalitbang" \
  "rangkap 2 (dua)" "DAFTAR HADIR" "Kamis, 12 Maret 2026" "NIP. 19870315 201203 1 003" "/BA-RDRI/III/2026"
has "$y/discussions/2026-04-16-disdik/berita-acara-rdri-2026-002-s1.pdf" "Pergeseran anggaran uji coba memerlukan keputusan TAPD"
# Minutes are numbered, so verify knows them by their bytes, as it knows certificates.
"$bin" verify "$y/discussions/2026-03-12-dinkes/berita-acara-rdri-2026-001-s1.pdf" >"$work/v" 2>&1 &&
  grep -q "byte for byte, the document issued as" "$work/v" && grep -q "berita-acara" "$work/v" && ok || bad "verify minutes: $(cat "$work/v")"
has "$y/discussions/2026-04-13-disdik/form-isian-rdri-2026-002.pdf" "FORM ISIAN" "GURU BELAJAR BERSAMA (GURBER)" "Uji Coba" \
  "Zoom" "Anggaran uji coba belum masuk DPA" "Kamis, 16 April 2026" "Drs. Jusua Tarigan, M.Pd"
has "$y/discussions/laporan-eskalasi-2026.pdf" "LAPORAN PERMASALAHAN INOVASI" "Dinas Pendidikan" "Puskesmas Tigabinanga" \
  "Kekurangan obat TB" "Frans Leonardo Sinuhaji"
has "$y/events/2026-01-20-ws-2026-01/daftar-hadir.pdf" "DAFTAR HADIR" "Workshop Fasilitator Inovasi Tahun 2026" \
  "Selasa, 20 Januari 2026" "08:30 – 16:00 WIB" "Dinas Kesehatan"
has "$y/iga/dinkes/sigap-stunting-sistem-informasi-gerak-cepat-penanganan-stunting.pdf" "NARASI INOVASI DAERAH" \
  "Skor indikatif: 87 dari 111" "edisi 2025" "memenuhi" "Alat Kerja"
has "$y/iga/pkm-berastagi/kelas-ibu-hamil-digital-kemilau.pdf" "BELUM MEMENUHI"
# The year on one page: counts, the agencies not ready and why (in Indonesian), the chart.
summary="$y/reports/ringkasan-2026.pdf"
has "$summary" "RINGKASAN PROGRAM INOVASI DAERAH" "Perangkat Daerah yang Belum Siap" "8 dari 15 Perangkat Daerah" \
  "Dinas Sosial" "NIP memuat kode jenis kelamin yang salah" "Waktu uji coba sesudah waktu penerapan" \
  "KARO ERLAJAR" "Sangat Inovatif (65)" "Inovatif (35)"
[ "$(pdfinfo "$summary" | awk '/^Pages:/{print $2}')" = 1 ] && ok || bad "the year summary is not one page"
has "$y/desk/dinsos/packet.pdf" "digit ke-15 (jenis kelamin)" "harus 1 atau 2, bukan 3" "Kesalahan"
if pdftotext -layout "$y/desk/dinsos/packet.pdf" - | grep -q "digit 15 (gender)"; then bad "desk packet prints the English finding"; else ok; fi

# Rendering again makes nothing; forced, it gives the same numbers and byte-identical files.
cp -r "$out" "$work/first"
"$bin" render all --out "$out" >"$work/log" 2>&1
grep -q "^made 0, unchanged 61, failed 0" "$work/log" && ok || bad "re-run remade something: $(tail -1 "$work/log")"
"$bin" render all --force --out "$out" >"$work/log" 2>&1
grep -q "^made 61, unchanged 0" "$work/log" && ok || bad "--force: $(tail -1 "$work/log")"
diff -r "$work/first" "$out" >/dev/null && ok || bad "forced render differs"
# Touching one record remakes only its documents: its narrative and its agency's desk packet
# (the year summary names only reasons and agencies, which did not change).
printf 'nama,tahun,rancang_bangun\nKELAS IBU HAMIL DIGITAL (KEMILAU),2026,Rancang bangun yang diperbarui.\n' >"$work/inovasi.csv"
"$bin" import "$work/inovasi.csv" >/dev/null 2>&1 || bad "import one change"
"$bin" render all --dry-run --out "$out" >"$work/plan" 2>&1
grep -q "plan: 61 document(s): 0 new, 2 changed, 59 unchanged" "$work/plan" && grep -q "^changed.*kelas-ibu-hamil" "$work/plan" && ok \
  || bad "dry-run plan: $(tail -1 "$work/plan")"
"$bin" render all --out "$out" >"$work/log" 2>&1
grep -q "^made 2, unchanged 59" "$work/log" && ok || bad "one change: $(tail -1 "$work/log")"

# A run killed midway leaves no half-written file, and the next run completes the set.
killed="$work/killed"
# Killed once its first document is on disk (an event of the run, not a time), and only
# counted when the kill did stop it midway; a few tries allow for a run that was quicker.
status=0
for try in 1 2 3 4 5; do
  rm -rf "$killed"
  "$bin" render all --jobs 1 --quiet --force --out "$killed" >/dev/null 2>&1 &
  pid=$!
  for _ in $(seq 1 500); do [ -n "$(find "$killed" -name '*.pdf' 2>/dev/null | head -1)" ] && break; sleep 0.01; done
  kill -9 $pid 2>/dev/null
  wait $pid 2>/dev/null
  status=$?
  [ $status -eq 137 ] && [ "$(find "$killed" -name '*.pdf' | wc -l)" -lt 60 ] && break
done
[ $status -eq 137 ] && ok || bad "no run was killed midway (exit $status)"
before=$failures
for pdf in $(find "$killed" -name '*.pdf' 2>/dev/null); do qpdf --check "$pdf" >/dev/null 2>&1 || bad "truncated after kill: $pdf"; done
[ "$failures" -eq "$before" ] && ok
"$bin" render all --out "$killed" >/dev/null 2>&1
diff -r -x manifest.json "$out" "$killed" >/dev/null && ok || bad "after kill and re-run the set differs"
# The kill's temporary files are removed by the next run.
[ -z "$(find "$killed" -name '*.tmp-*')" ] && ok || bad "temporary files left after the re-run: $(find "$killed" -name '*.tmp-*' | head -3)"

# Verification: the code, the issued file, a modified copy, an unknown code.
code=$(pdftotext "$cert" - 2>/dev/null | grep -o 'Kode verifikasi: [0-9A-Z]*' | cut -d' ' -f3)
[ -n "$code" ] && ok || bad "no verification code on the certificate"
# The printed QR code reads back (rasterised as a printer would) as the verification link.
pdftoppm -r 150 -png "$cert" "$work/page"
qr=$(zbarimg -q --raw "$work"/page*.png 2>/dev/null)
[ -n "$qr" ] && [ "${qr%"$code"}" != "$qr" ] && ok || bad "QR code reads '$qr', not ending in $code"
# Streams are deflated by libdeflate at its fastest level (pdf/stream_compression.cpp),
# not by libharu: the level recorded in each stream's header (FLEVEL, the top two bits
# of the second byte) is 0, where libharu's zlib default records 2.
levels=$(/usr/bin/python3 - "$cert" <<'EOF'
import re, sys
data = open(sys.argv[1], "rb").read()
heads = [data[m.end():m.end() + 2] for m in re.finditer(rb"/FlateDecode[^>]*>>\s*stream\r?\n", data)]
print(len(heads), sorted({h[1] >> 6 for h in heads if h[0] == 0x78}))
EOF
)
[ "${levels#* }" = "[0]" ] && [ "${levels%% *}" -ge 3 ] && ok || bad "deflate levels in $cert: $levels (want '[0]' over 3+ streams)"
"$bin" verify "$code" >"$work/v" 2>&1 && grep -q "VALID" "$work/v" && ok || bad "verify code: $(cat "$work/v")"
"$bin" verify "$cert" >"$work/v" 2>&1 && grep -q "byte for byte" "$work/v" && ok || bad "verify file: $(cat "$work/v")"
cp "$cert" "$work/copy.pdf"; printf '%% tampered\n' >>"$work/copy.pdf"
"$bin" verify "$work/copy.pdf" >"$work/v" 2>&1; [ $? -eq 1 ] && grep -q "MODIFIED" "$work/v" && ok || bad "modified copy: $(cat "$work/v")"
"$bin" verify ZZZZZZZZZZ >"$work/v" 2>&1; [ $? -eq 1 ] && grep -q "UNKNOWN" "$work/v" && ok || bad "unknown code"
# Codes as people type them: lower case, groups split by spaces or hyphens.
typed="$(printf '%s' "$code" | tr 'A-Z' 'a-z' | sed 's/^\(.....\)/\1 - /')"
"$bin" verify "$typed" >"$work/v" 2>&1 && grep -q "VALID: code $code" "$work/v" && ok || bad "typed code '$typed': $(cat "$work/v")"
"$bin" verify "$work/no-such.pdf" >"$work/v" 2>&1; [ $? -eq 1 ] && grep -q "there is no file $work/no-such.pdf" "$work/v" \
  && ok || bad "missing file: $(cat "$work/v")"
# Revocation: the code and the issued file then say REVOKED, with the date and reason.
"$bin" revoke "$code" >"$work/v" 2>&1; [ $? -eq 2 ] && ok || bad "revoke without --reason: $(cat "$work/v")"
"$bin" revoke "$typed" --reason "Nama instansi salah" --date 2026-03-01 >"$work/v" 2>&1 && ok || bad "revoke: $(cat "$work/v")"
"$bin" verify "$code" >"$work/v" 2>&1; [ $? -eq 1 ] && grep -q "REVOKED: .* revoked on 2026-03-01: Nama instansi salah" "$work/v" \
  && ok || bad "verify revoked code: $(cat "$work/v")"
"$bin" verify "$cert" >"$work/v" 2>&1; [ $? -eq 1 ] && grep -q "REVOKED" "$work/v" && ok || bad "verify revoked file: $(cat "$work/v")"

# Workbooks: written, and identical when written again.
for w in iga recap certificates; do
  "$bin" export $w --out "$out" >"$work/x1" 2>&1 || bad "export $w: $(cat "$work/x1")"
  f=$(cat "$work/x1"); cp "$f" "$work/first.xlsx"
  "$bin" export $w --out "$out" >/dev/null 2>&1
  cmp -s "$f" "$work/first.xlsx" && ok || bad "export $w not identical on re-export"
done
every_file_listed "$out"  # exported into the year's folder, the workbooks are listed too
# The register is streamed: its text stands in the sheet's cells, not in a shared table.
unzip -p "$out/2026/exports/register-sertifikat.xlsx" xl/worksheets/sheet1.xml >"$work/register-sheet.xml"
grep -q "PENGHARGAAN INOVASI DAERAH" "$work/register-sheet.xml" && ok || bad "engraving text"

# --signed places the scanned signature and stamp; without it the block is blank.
printf 'kode,nama_daerah,sebutan_kepala_daerah,nama_kepala_daerah,tempat,nama_bappeda,ttd_kepala_daerah,stempel_kepala_daerah\n' >"$work/daerah.csv"
printf 'karo,Kabupaten Karo,Bupati,Antonius Ginting,Kabanjahe,"Badan Perencanaan Pembangunan, Penelitian dan Pengembangan Daerah",%s,%s\n' \
  "$src/tests/templates/emblem.png" "$src/tests/templates/emblem.png" >>"$work/daerah.csv"
"$bin" import "$work/daerah.csv" >/dev/null 2>&1 || bad "import signature paths"
"$bin" render certificate --signed --out "$work/signed" >/dev/null 2>&1 && ok || bad "render --signed"
[ "$(pdfimages -list "$(ls "$work"/signed/2026/certificates/*.pdf | head -1)" | tail -n +3 | wc -l)" -ge 3 ] && ok || bad "signed certificate has no images"
# Unsigned: the QR code's stencil is its only image.
[ "$(pdfimages -list "$cert" | tail -n +3 | awk '{print $3}' | tr '\n' ' ')" = "stencil " ] && ok || bad "unsigned certificate: $(pdfimages -list "$cert")"

# One bad record does not stop the others; the exit status says something failed.
printf 'kode,nama,kepala_nama\nbpkad,Badan Pengelolaan Keuangan dan Aset Daerah,\n' >"$work/instansi.csv"
"$bin" import "$work/instansi.csv" >/dev/null 2>&1
"$bin" render contract --out "$work/partial" >"$work/log" 2>&1; status=$?
[ $status -eq 1 ] && grep -q "perjanjian_kinerja bpkad/2026: kepala_nama/kepala_jabatan: the agency head" "$work/log" \
  && grep -q "made 13, unchanged 0, failed 1" "$work/log" && ok || bad "partial failure: status $status $(tail -3 "$work/log")"
# The Launching Inovasi pack and the certificates' print file. BPKAD's head was blanked
# above, so its contract fails: the rest is made and the exit status says so.
"$bin" launch --out "$work/launch" >"$work/log" 2>&1; status=$?
[ $status -eq 1 ] && grep -q "made 20, unchanged 0, failed 1" "$work/log" && grep -q "print file:" "$work/log" \
  && grep -q "agencies are not ready" "$work/log" \
  && grep -q "kec-kabanjahe:" "$work/log" && ok || bad "launch: status $status $(tail -3 "$work/log")"
pf="$work/launch/2026/certificates/certificates-print.pdf"
[ "$(pdfinfo "$pf" 2>/dev/null | grep Pages | awk '{print $2}')" = "7" ] && ok || bad "print file pages"
[ "$(qpdf --json --json-key=outlines "$pf" | grep -c '"title"')" = "7" ] && ok || bad "print file bookmarks"
qpdf --check "$pf" >/dev/null 2>&1 && ok || bad "qpdf print file"
# The QR code of the file's last page reads back as that page's verification code.
pdftoppm -f 7 -l 7 -r 150 -png "$pf" "$work/print-page"
code7=$(pdftotext -f 7 -l 7 "$pf" - 2>/dev/null | grep -o 'Kode verifikasi: [0-9A-Z]*' | cut -d' ' -f3)
qr7=$(zbarimg -q --raw "$work"/print-page*.png 2>/dev/null)
[ -n "$code7" ] && [ "${qr7%"$code7"}" != "$qr7" ] && ok || bad "print file QR code reads '$qr7', not ending in '$code7'"
# Its pages are the certificates' own pages (as text), and each face is embedded once.
for f in "$work"/launch/2026/certificates/*.pdf; do
  [ "$f" = "$pf" ] || pdftotext -layout "$f" - | md5sum
done | sort >"$work/cert-pages"
for i in $(seq 1 7); do pdftotext -layout -f "$i" -l "$i" "$pf" - | md5sum; done | sort >"$work/print-pages"
[ "$(sort -u "$work/cert-pages" | wc -l)" = 7 ] && cmp -s "$work/cert-pages" "$work/print-pages" && ok || bad "print file pages differ from the certificates"
faces=$(pdffonts "$pf" | tail -n +3 | awk '{print $1}')
[ -n "$faces" ] && [ -z "$(printf '%s\n' "$faces" | sort | uniq -d)" ] && ok || bad "print file embeds a face twice: $faces"
[ -f "$work/launch/2026/exports/rekap.xlsx" ] && [ -f "$work/launch/2026/exports/register-sertifikat.xlsx" ] && ok || bad "launch workbooks"
# The manifest lists every file launch made, workbooks and print file too; the recap's
# Berkas sheet lists them all but the recap itself.
every_file_listed "$work/launch"
/usr/bin/python3 - "$work/launch/2026/exports/rekap.xlsx" <<'EOF' >"$work/berkas" || bad "recap Berkas sheet"
import re, sys, zipfile
book = zipfile.ZipFile(sys.argv[1])
names = re.findall(r'<sheet name="([^"]+)"', book.read("xl/workbook.xml").decode())
rows = re.findall(r"<row .*?</row>", book.read(f"xl/worksheets/sheet{names.index('Berkas') + 1}.xml").decode())
# A report: its keys in the hidden row, its labels under them, then the files.
keys = next(i for i, row in enumerate(rows) if 'hidden="1"' in row.split(">")[0])
for row in rows[keys + 2:]:
    print(re.search(r"<t[^>]*>([^<]*)</t>", row).group(1))
EOF
(cd "$work/launch" && find . -type f ! -name manifest.json ! -name rekap.xlsx | sed 's|^\./||' | sort) >"$work/made"
sort "$work/berkas" | cmp -s - "$work/made" && ok || bad "recap Berkas lists $(wc -l <"$work/berkas") files, launch made $(wc -l <"$work/made")"
"$bin" certificates --agency dinkes --out "$work/certs" >"$work/log" 2>&1 && grep -q "made 1, unchanged 0" "$work/log" && ok \
  || bad "certificates --agency: $(tail -2 "$work/log")"
"$bin" launch --dry-run --out "$work/launch" >"$work/plan" 2>&1 && grep -q "0 new, 0 changed, 20 unchanged, 1 failed" "$work/plan" && ok \
  || bad "launch dry-run: $(tail -1 "$work/plan")"
# Desk-review packets: a bookmarked PDF, a workbook and a zip of both per agency.
"$bin" desk-packet --agency dinkes --out "$work/desk" >"$work/log" 2>&1 && ok || bad "desk-packet: $(tail -3 "$work/log")"
d="$work/desk/2026/desk/dinkes"
[ -f "$d/packet.pdf" ] && [ -f "$d/packet.xlsx" ] && [ -f "$d/packet.zip" ] && ok || bad "desk-packet files"
[ "$(unzip -Z1 "$d/packet.zip" | sort | tr '\n' ' ')" = "packet.pdf packet.xlsx " ] && ok || bad "packet.zip contents"
every_file_listed "$work/desk"
# A re-run with nothing changed touches none of the three; a zip older than its files
# (a run killed between them) or missing is made again, alone.
stamps() { stat -c '%n %y' "$d"/packet.*; }
stamps >"$work/stamps1"
"$bin" desk-packet --agency dinkes --out "$work/desk" >"$work/log" 2>&1
grep -q "^workbooks and zips: made 0, unchanged 1" "$work/log" && grep -q "^made 0, unchanged 1" "$work/log" && stamps | cmp -s - "$work/stamps1" \
  && ok || bad "desk-packet re-run touched files: $(cat "$work/log")"
touch -d '-1 hour' "$d/packet.zip"
"$bin" desk-packet --agency dinkes --out "$work/desk" >"$work/log" 2>&1
grep -q "^workbooks and zips: made 1, unchanged 0" "$work/log" && [ "$d/packet.zip" -nt "$d/packet.xlsx" ] && ok \
  || bad "stale zip not remade: $(cat "$work/log")"
# Made again from the same packet, the zip is the same bytes (its entries carry the
# packet's date, not the files' times).
cp "$d/packet.zip" "$work/zip-before"
sleep 1.1
"$bin" desk-packet --agency dinkes --out "$work/desk" --force >/dev/null 2>&1
cmp -s "$d/packet.zip" "$work/zip-before" && ok || bad "a remade packet.zip differs"
has "$d/packet.pdf" "PAKET DESK INOVASI" "DAFTAR PERIKSA KELENGKAPAN" "SIGAP STUNTING" "Indikator dijawab (20 dari 20)" \
  "Rancang Bangun" "TEMUAN PEMERIKSAAN DATA"
# grep reads from files: `grep -q` in a pipe can stop early and, with pipefail, fail its writer.
qpdf --json --json-key=outlines "$d/packet.pdf" >"$work/outline.json"
before=$failures
for title in Sampul "Daftar Periksa" "Rancang Bangun" Temuan; do
  grep -q "\"title\": \"$title\"" "$work/outline.json" || bad "packet bookmark $title"
done
[ "$failures" -eq "$before" ] && ok
"$bin" render planets >/dev/null 2>&1; [ $? -eq 2 ] && ok || bad "unknown kind"

finish documents
