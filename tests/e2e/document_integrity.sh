#!/usr/bin/env bash
# End-to-end for issued documents' integrity: numbers and output paths unique by
# construction, text that fits its frame, characters every font can draw, exit
# statuses, and re-runs that write nothing when nothing changed.
# Usage: document_integrity.sh INOVASI_BINARY SOURCE_DIR
set -uo pipefail
bin=$1 src=$2
source "$(dirname "$0")/lib.sh"
cd "$src"
fresh() {  # fresh STORE: the bundled inputs imported into a new store
  rm -f "$1"
  INOVASI_DB=$1 "$bin" import inputs --agency bappedalitbang --year 2026 >/dev/null 2>&1 || bad "import into $1"
}
sql() { sqlite3 "$INOVASI_DB" "$1"; }
export INOVASI_DB="$work/store.db"
fresh "$INOVASI_DB"

# --- Unique numbers and paths ------------------------------------------------------
# A pattern without {urut} is refused at import, naming file, line and field.
cp -r inputs "$work/in"
sed -i 's|000.8.3.3/{urut}/Bappedalitbang/{tahun}|000.8.3.3/Bappedalitbang/{tahun}|' "$work/in/daerah.json"
INOVASI_DB="$work/other.db" "$bin" import "$work/in" --agency bappedalitbang --year 2026 >"$work/log" 2>&1
[ $? -eq 1 ] && ok || bad "import of a pattern without {urut}: exit 1 expected"
grep -q "daerah.json:[0-9]*: pola_nomor_sertifikat: .* has no {urut}" "$work/log" && ok || bad "import names the pattern: $(cat "$work/log")"
# So is one whose {urut} comes past the 80 characters that name a certificate's file.
long=$(printf 'x%.0s' $(seq 90))
sed -i "s|000.8.3.3/Bappedalitbang/{tahun}|$long/{urut}|" "$work/in/daerah.json"
INOVASI_DB="$work/other.db" "$bin" import "$work/in" --agency bappedalitbang --year 2026 >"$work/log" 2>&1
grep -q "pola_nomor_sertifikat: .*first 80 characters" "$work/log" && ok || bad "late {urut}: $(tail -2 "$work/log")"

# A store that holds such a pattern (made before the check): validate says so, and the
# batch stops before writing anything, exit 1.
sql "UPDATE daerah SET pola_nomor_sertifikat = '000.8.3.3/Bappeda/{tahun}'"
"$bin" validate >"$work/log" 2>&1
grep -q "error .*pola_nomor_sertifikat: .* has no {urut}" "$work/log" && ok || bad "validate reports the pattern"
"$bin" certificates --out "$work/out" >"$work/log" 2>&1
[ $? -eq 1 ] && ok || bad "certificates with a pattern without {urut}: exit 1 expected"
[ ! -e "$work/out/2026/certificates" ] && ok || bad "certificates were written: $(ls "$work/out/2026/certificates")"
grep -q "pola_nomor_sertifikat.*has no {urut}.*no document was made" "$work/log" && ok || bad "certificates name the pattern: $(cat "$work/log")"
sql "UPDATE daerah SET pola_nomor_sertifikat = '000.8.3.3/{urut}/Bappedalitbang/{tahun}'"

# The store refuses a second document with a number already issued, and an issued
# number is never changed.
"$bin" certificates --out "$work/out" >/dev/null 2>&1 || bad "certificates"
sql "INSERT INTO nomor_dokumen (jenis, kunci, tahun, urut, nomor, kode_verifikasi)
     SELECT jenis, 'another', tahun, 99, nomor, 'ZZZZZZZZZZ' FROM nomor_dokumen WHERE urut = 1 AND jenis = 'sertifikat'" 2>"$work/log"
grep -q "already issued" "$work/log" && ok || bad "store accepted a second document with an issued number"
sql "UPDATE nomor_dokumen SET nomor = 'x' WHERE urut = 1" 2>"$work/log"
grep -q "never changed" "$work/log" && ok || bad "store let an issued number change"

# A number written in the data (a session's own nomor) is registered as it is, so its
# minutes verify; one another document holds fails that document alone, naming the holder.
"$bin" render minutes --out "$work/out" >"$work/log" 2>&1 || bad "minutes: $(tail -3 "$work/log")"
first=$(sql "SELECT kunci || '|' || nomor FROM nomor_dokumen WHERE jenis = 'berita-acara' ORDER BY urut LIMIT 1")
second=$(sql "SELECT kode FROM sesi_diskusi WHERE kode <> '${first%%|*}' LIMIT 1")
sql "DELETE FROM nomor_dokumen WHERE kunci = '$second'; UPDATE sesi_diskusi SET nomor = '${first#*|}' WHERE kode = '$second'"
"$bin" render minutes --out "$work/out" >"$work/log" 2>&1
[ $? -eq 1 ] && ok || bad "a number already issued: exit 1 expected"
grep -q "minutes: .*$second.*: nomor: number ${first#*|} was already issued to berita-acara ${first%%|*}" "$work/log" && ok ||
  bad "names the holder: $(cat "$work/log")"
grep -q "failed 1 " "$work/log" && ok || bad "the others are made: $(tail -1 "$work/log")"
own=$(sql "SELECT kode FROM sesi_diskusi WHERE kode NOT IN ('$second', '${first%%|*}') LIMIT 1")
sql "DELETE FROM nomor_dokumen WHERE kunci = '$own'; UPDATE sesi_diskusi SET nomor = '005/77/BA/2026' WHERE kode = '$own'"
"$bin" render minutes --out "$work/out" >/dev/null 2>&1
[ "$(sql "SELECT urut < 0 FROM nomor_dokumen WHERE kunci = '$own' AND nomor = '005/77/BA/2026'")" = 1 ] && ok ||
  bad "a session's own number is registered outside the sequence"
made=$(sql "SELECT berkas FROM nomor_dokumen WHERE kunci = '$own'")
"$bin" verify "$work/out/$made" >"$work/log" 2>&1 && grep -q "005/77/BA/2026" "$work/log" && ok || bad "minutes with their own number verify: $(cat "$work/log")"
fresh "$INOVASI_DB"

# Two agencies whose codes make one folder (a store made before import refused them):
# neither's desk packet or contract is made, each names the other, exit 1, and no
# workbook or zip goes into the folder.
sql "INSERT INTO instansi (kode, nama, kepala_nama, kepala_jabatan, kepala_nip)
     SELECT 'DINKES', nama || ' (salinan)', kepala_nama, kepala_jabatan, kepala_nip FROM instansi WHERE kode = 'dinkes'"
"$bin" desk-packet --out "$work/desk" >"$work/log" 2>&1
[ $? -eq 1 ] && ok || bad "desk packets of two agencies in one folder: exit 1 expected"
[ "$(grep -c "2026/desk/dinkes/packet.pdf is also the file of desk-packet paket desk" "$work/log")" -eq 2 ] && ok ||
  bad "both packets fail, each naming the other: $(cat "$work/log")"
[ ! -e "$work/desk/2026/desk/dinkes" ] && ok || bad "something was written to the shared folder: $(ls "$work/desk/2026/desk/dinkes")"
grep -q "^made 14, unchanged 0, failed 2" "$work/log" && ok || bad "the other packets are made: $(tail -1 "$work/log")"
# One made by an earlier run is not written over by a run for the other agency.
"$bin" desk-packet --out "$work/desk" --agency dinkes >/dev/null 2>&1 || bad "desk packet of dinkes alone"
sum=$(sha256sum "$work/desk/2026/desk/dinkes/packet.pdf")
"$bin" desk-packet --out "$work/desk" --agency DINKES >"$work/log" 2>&1
[ $? -eq 1 ] && ok || bad "a run for the other agency: exit 1 expected"
grep -q "is the file of desk-packet paket desk dinkes/2026, made by an earlier run" "$work/log" && ok || bad "names the earlier file: $(cat "$work/log")"
[ "$(sha256sum "$work/desk/2026/desk/dinkes/packet.pdf")" = "$sum" ] && ok || bad "the earlier packet was written over"
fresh "$INOVASI_DB"

# --- Text that does not fit ---------------------------------------------------------
# A certificate holds an innovation name of 300 characters at full size, and one of
# 1,500 shrunk (every word printed, inside the frame, above the signature block); one of
# 5,000 fails the certificate, naming the template line and the field, exit 1.
kode=$(sql "SELECT inovasi FROM penghargaan ORDER BY inovasi LIMIT 1")
long_name() { python3 -c "import sys; w='Pelayanan Terpadu Digital Masyarakat Desa '; print((w * 200)[:int(sys.argv[1])].strip())" "$1"; }
for n in 300 1500; do
  sql "UPDATE inovasi SET nama = '$(long_name $n)' WHERE kode = '$kode'"
  rm -rf "$work/fit"
  "$bin" render certificate --innovation "$kode" --out "$work/fit" >"$work/log" 2>&1 || bad "a $n-character name: $(cat "$work/log")"
  pdf=$(ls "$work/fit"/2026/certificates/*.pdf)
  pdftotext -raw "$pdf" - | tr -s ' \n' ' ' >"$work/text"
  [ "$(grep -o Desa "$work/text" | wc -l)" -ge "$(long_name $n | grep -o Desa | wc -l)" ] && ok || bad "a $n-character name lost words"
  # The name's lowest line stays above the signature block (at 150mm = 425pt from the top).
  python3 - "$pdf" "$n" <<'PY' && ok || bad "a $n-character name: not inside its frame, or not legible"
import subprocess, sys, re
html = subprocess.run(["pdftotext", "-bbox", sys.argv[1], "-"], capture_output=True, text=True).stdout
words = [(float(m.group(2)), float(m.group(4)) - float(m.group(2))) for m in
         re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">Desa</word>', html)]
assert words, "no word of the name"
assert max(y + h for y, h in words) < 425, "the name reaches the signature block"
assert min(h for _, h in words) > 7, "the name is too small to read"
PY
done
sql "UPDATE inovasi SET nama = '$(long_name 5000)' WHERE kode = '$kode'"
"$bin" render certificate --innovation "$kode" --out "$work/fit" >"$work/log" 2>&1
[ $? -eq 1 ] && ok || bad "a 5,000-character name: exit 1 expected"
grep -q "sertifikat.xml:[0-9]*: the text '.*' does not fit its frame (.*sertifikat.xml:6), even with the frame's text shrunk to 50%.*filled from {{inovasi.nama}}" "$work/log" && ok ||
  bad "names the line, the frame and the field: $(head -2 "$work/log")"
fresh "$INOVASI_DB"

# --- Characters no font has ---------------------------------------------------------
# A name with CJK and an emoji fails its certificate, naming the record, the line's
# field and the characters, exit 1; the other certificates are made, and the print file
# holds those. Allowed by the option, it prints with '?' and a warning.
sql "UPDATE inovasi SET nama = 'Layanan 中文 Cepat 😀' WHERE kode = '$kode'"
rm -rf "$work/glyphs"
"$bin" certificates --out "$work/glyphs" >"$work/log" 2>&1
[ $? -eq 1 ] && ok || bad "a character no font has: exit 1 expected"
grep -q "certificate: penghargaan $kode/2026: .*sertifikat.xml:[0-9]*: characters U+4E2D '中', U+6587 '文', U+1F600 '😀' are in no font of .*fonts.json.*filled from {{inovasi.nama}}" "$work/log" && ok ||
  bad "names the record, characters and field: $(head -3 "$work/log")"
grep -q "^made 6, unchanged 0, failed 1" "$work/log" && ok || bad "the other certificates are made: $(tail -1 "$work/log")"
[ "$(qpdf --show-npages "$work/glyphs/2026/certificates/certificates-print.pdf")" = 6 ] && ok || bad "the print file holds the 6 made"
pdftotext "$work/glyphs/2026/certificates/certificates-print.pdf" - | grep -q "?" && bad "the print file has a replacement character" || ok
"$bin" certificates --out "$work/glyphs" --replace-missing-glyphs >"$work/log" 2>&1 && ok || bad "--replace-missing-glyphs: $(tail -3 "$work/log")"
grep -q "warning: .*U+4E2D '中' is in no font; printed as '?'" "$work/log" && ok || bad "replaced characters are warned of"
grep -q "^made 7, unchanged 0, failed 0" "$work/log" && ok || bad "all are made (the option is part of each key): $(tail -1 "$work/log")"
[ "$(qpdf --show-npages "$work/glyphs/2026/certificates/certificates-print.pdf")" = 7 ] && ok || bad "the print file holds all 7"
# Without the option again, the certificate made with '?' in it is not kept as it is.
"$bin" certificates --out "$work/glyphs" >"$work/log" 2>&1
[ $? -eq 1 ] && grep -q "failed 1" "$work/log" && ok || bad "a run without the option fails the certificate again: $(tail -1 "$work/log")"
fresh "$INOVASI_DB"

# --- Re-runs ---------------------------------------------------------------------------
# A re-run that changes nothing writes nothing: no document, print file, workbook or
# manifest is touched.
# (Twice first: the recap lists the files of the year, the desk packets' included.)
for round in 1 2; do
  "$bin" launch --out "$work/again" >/dev/null 2>&1
  "$bin" desk-packet --out "$work/again" >/dev/null 2>&1
done
touch "$work/marker"
"$bin" launch --out "$work/again" >"$work/log" 2>&1
"$bin" desk-packet --out "$work/again" >>"$work/log" 2>&1
grep -q "^made 0, unchanged 21, failed 0" "$work/log" && ok || bad "launch again: $(grep '^made' "$work/log")"
touched=$(find "$work/again" -newer "$work/marker" -type f | head -5)
[ -z "$touched" ] && ok || bad "an unchanged re-run wrote: $touched"

# --- Files listed in the manifest -----------------------------------------------------
# The print file and the workbooks carry no number: verify recognises them by the
# manifest that lists them (a copy elsewhere by its bytes), and a changed one as modified.
"$bin" verify "$work/again/2026/certificates/certificates-print.pdf" --out "$work/again" >"$work/log" 2>&1 &&
  grep -q "^LISTED: .* is, byte for byte, the file 2026/certificates/certificates-print.pdf (certificate-print-file" "$work/log" && ok ||
  bad "verify the print file: $(cat "$work/log")"
cp "$work/again/2026/exports/register-sertifikat.xlsx" "$work/register-copy.xlsx"
"$bin" verify "$work/register-copy.xlsx" --out "$work/again" >"$work/log" 2>&1 && grep -q "^LISTED: .*register-sertifikat.xlsx" "$work/log" && ok ||
  bad "verify a copy of the register: $(cat "$work/log")"
zip=$(ls "$work"/again/2026/desk/*/packet.zip | head -1)
printf 'x' >>"$zip"
"$bin" verify "$zip" --out "$work/again" >"$work/log" 2>&1
[ $? -eq 1 ] && grep -q "^MODIFIED: .*packet.zip is listed in" "$work/log" && ok || bad "verify a changed zip: $(cat "$work/log")"
"$bin" verify "$work/store.db" --out "$work/again" >"$work/log" 2>&1
[ $? -eq 1 ] && grep -q "^UNKNOWN: " "$work/log" && ok || bad "verify a file nobody made: $(cat "$work/log")"

# --- Sample data beside each template ---------------------------------------------------
# Every template has its sample, and previews from it without --data, even --strict.
for template in templates/*.xml; do
  name=$(basename "$template" .xml)
  [ -f "templates/$name.contoh.json" ] || { bad "$name has no sample data (templates/$name.contoh.json)"; continue; }
  "$bin" preview "$name" --strict -o "$work/sample-$name.pdf" >"$work/log" 2>&1 && ! grep -q warning "$work/log" && ok ||
    bad "preview $name from its sample: $(cat "$work/log")"
done
# render --save-data writes the data a document is made from: previewed, it gives the
# document's own text.
"$bin" render minutes --save-data "$work/data" >"$work/log" 2>&1 || bad "render --save-data: $(cat "$work/log")"
"$bin" render minutes --out "$work/minutes" >/dev/null 2>&1
saved=$(find "$work/data" -name 'berita-acara-*.json' | head -1)
made="$work/minutes/${saved#"$work/data/"}"
"$bin" preview berita-acara --data "$saved" --strict -o "$work/from-data.pdf" >/dev/null 2>&1 &&
  cmp -s <(pdftotext -layout "$work/from-data.pdf" - 2>/dev/null) <(pdftotext -layout "${made%.json}.pdf" - 2>/dev/null) && ok ||
  bad "the saved data does not give the document: $saved"

finish document_integrity
