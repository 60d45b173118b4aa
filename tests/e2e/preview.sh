#!/usr/bin/env bash
# End-to-end for the layout engine: `inovasi preview` renders the test template that uses
# every element; the PDF is checked with qpdf and read back with pdftotext.
# Usage: preview.sh INOVASI_BINARY SOURCE_DIR
set -uo pipefail
bin=$1 src=$2
source "$(dirname "$0")/lib.sh"

cd "$src"
t=tests/templates
render() {  # render OUT DATA [extra args]
  local out=$1 data=$2; shift 2
  "$bin" preview $t/all-elements.xml --templates $t --data "$data" -o "$out" --date 2026-02-24 "$@"
}

render "$work/a.pdf" $t/all-elements.json >"$work/log" 2>&1 || bad "render cp1252: $(cat "$work/log")"
grep -q "8 page(s).*CP1252 text" "$work/log" && ok || bad "expected 8 CP1252 pages: $(cat "$work/log")"
qpdf --check "$work/a.pdf" >/dev/null 2>&1 && ok || bad "qpdf --check a.pdf"
pdftotext "$work/a.pdf" "$work/a.txt" 2>"$work/a.err"
[ ! -s "$work/a.err" ] && ok || bad "pdftotext warned on the CP1252 route: $(head -2 "$work/a.err")"

# Text comes back, in reading order, punctuation intact.
in_order() {  # in_order FILE TEXT...
  local file=$1 last=0 line; shift
  for text in "$@"; do
    line=$(grep -nF -- "$text" "$file" | head -1 | cut -d: -f1)
    if [ -z "$line" ]; then bad "missing text: $text"; return; fi
    if [ "$line" -lt "$last" ]; then bad "out of order: $text"; return; fi
    last=$line
  done
  ok
}
in_order "$work/a.txt" "PEMERINTAH KABUPATEN KARO" "Learning organization adalah" \
  "Tanda baca: “kutipan” – pisah — é ñ ü" "PU & Tata Ruang <b>bukan tebal</b>" "Baris baru setelah br." \
  "PembangunanPembangunan" "1. Menetapkan dua fasilitator" "a. Membuat perjanjian melalui grup." "c. Menunjuk dua anggota tim." \
  "3. Launching inovasi" "Butir kedua" "Inovasi Nomor 1" "Inovasi Nomor 40" "BUPATI KARO," "ANTONIUS GINTING" \
  "NIP. 19720805 200012 2 001" "BINGKAI"
before=$failures
for n in 1 2 3 4 5 6 7 8; do grep -q "Halaman $n dari 8" "$work/a.txt" || { bad "no 'Halaman $n dari 8'"; break; }; done
[ "$failures" -eq "$before" ] && ok
[ "$(grep -c "^No$" "$work/a.txt")" -ge 5 ] && ok || bad "table header not repeated on the table's pages"
# The over-long word is broken, not lost: its letters all come back.
[ "$(tr -d '\n' <"$work/a.txt" | grep -o "Pembangunan" | wc -l)" -ge 11 ] && ok || bad "long word lost"

# Bookmarks: one per heading and explicit mark.
qpdf --json --json-key=outlines "$work/a.pdf" >"$work/outlines.json"
before=$failures
for title in Pendahuluan Tabel "Halaman bingkai"; do grep -q "\"title\": \"$title\"" "$work/outlines.json" || bad "bookmark $title"; done
[ "$failures" -eq "$before" ] && ok

# Deterministic: the same input gives the same bytes.
render "$work/b.pdf" $t/all-elements.json >/dev/null 2>&1
cmp -s "$work/a.pdf" "$work/b.pdf" && ok || bad "two renders differ"
grep -aq "CreationDate (D:20260224" "$work/a.pdf" && ok || bad "creation date not the given date"

# UTF-8 route: characters beyond CP1252 survive; an emoji no font has fails the
# document (exit 1, naming it), or prints as '?' with a warning when allowed.
render "$work/u.pdf" $t/all-elements-utf8.json >"$work/u.log" 2>&1
[ $? -eq 1 ] && grep -q "U+1F600 '😀' is in no font" "$work/u.log" && [ ! -e "$work/u.pdf" ] && ok ||
  bad "a character no font has must fail the document: $(cat "$work/u.log")"
render "$work/u.pdf" $t/all-elements-utf8.json --replace-missing-glyphs >"$work/u.log" 2>&1 || bad "render utf-8: $(cat "$work/u.log")"
grep -q "UTF-8 text" "$work/u.log" && ok || bad "expected the UTF-8 route"
grep -q "U+1F600.*printed as '?'" "$work/u.log" && ok || bad "missing-glyph warning not given"
qpdf --check "$work/u.pdf" >/dev/null 2>&1 && ok || bad "qpdf --check u.pdf"
pdftotext "$work/u.pdf" "$work/u.txt" 2>/dev/null  # poppler warns about libharu's ToUnicode map: tolerated
grep -qF "Čapek, Łódź, Ω" "$work/u.txt" && ok || bad "UTF-8 text not extractable"
grep -qF "Tanda baca: “kutipan” – pisah — é" "$work/u.txt" && ok || bad "punctuation lost on the UTF-8 route"

# JPEG images, F4 paper and landscape.
pdftoppm -jpeg -r 20 -f 1 -l 1 "$work/a.pdf" "$work/scan" && jpeg=$(ls "$work"/scan*.jpg | head -1)
printf '<document size="F4" orientation="landscape"><img src="%s" width="40mm"/><p>foto</p></document>' "$jpeg" >"$work/jpeg.xml"
"$bin" preview "$work/jpeg.xml" --templates $t -o "$work/j.pdf" >/dev/null 2>&1 && qpdf --check "$work/j.pdf" >/dev/null 2>&1 && ok || bad "JPEG image"
pdfinfo "$work/j.pdf" >"$work/info" 2>/dev/null  # grep a file: `grep -q` in a pipe can fail its writer
grep -q "935.43[0-9]* x 609.4[0-9]* pts" "$work/info" && ok || bad "F4 landscape size: $(grep 'Page size' "$work/info")"

# Bad templates and resources: exit status 4 (a template, font or image to fix, not the
# data) and the place named.
"$bin" preview $t/errors/unknown-element.xml --templates $t -o "$work/x.pdf" >"$work/out" 2>&1
[ $? -eq 4 ] && grep -q "unknown-element.xml:3:3: unknown element <tabel>" "$work/out" && ok || bad "bad template: $(cat "$work/out")"
[ ! -e "$work/x.pdf" ] && ok || bad "a failed render left a file"
"$bin" preview $t/all-elements.xml --templates $t --fonts "$work/none.json" -o "$work/x.pdf" >"$work/out" 2>&1
[ $? -eq 4 ] && grep -q "font manifest not found" "$work/out" && ok || bad "missing fonts: $(cat "$work/out")"
printf '{"serif": {"regular": "%s"}}' "$work/nope.ttf" >"$work/fonts.json"
"$bin" preview $t/all-elements.xml --templates $t --data $t/all-elements.json --fonts "$work/fonts.json" -o "$work/x.pdf" >"$work/out" 2>&1
grep -q "nope.ttf.*does not exist" "$work/out" && ok || bad "missing font file: $(cat "$work/out")"
printf 'this file is certainly not a font at all' >"$work/bad.ttf"; printf '{"serif": {"regular": "%s"}}' "$work/bad.ttf" >"$work/fonts.json"
"$bin" preview $t/all-elements.xml --templates $t --data $t/all-elements.json --fonts "$work/fonts.json" -o "$work/x.pdf" >"$work/out" 2>&1
[ $? -eq 4 ] && grep -q "bad.ttf (family 'serif' in .*fonts.json): not a TrueType font" "$work/out" && ok || bad "font that is not a font: $(cat "$work/out")"
# A truncated real font: the table directory points past the end.
head -c 3000 /usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf >"$work/cut.ttf"
printf '{"serif": {"regular": "%s"}}' "$work/cut.ttf" >"$work/fonts.json"
"$bin" preview $t/all-elements.xml --templates $t --data $t/all-elements.json --fonts "$work/fonts.json" -o "$work/x.pdf" >"$work/out" 2>&1
[ $? -eq 4 ] && grep -q "lies outside the file" "$work/out" && ok || bad "truncated font: $(cat "$work/out")"
# A data file that is not there is missing data, not a mistake in the command line.
"$bin" preview $t/all-elements.xml --templates $t --data "$work/none.json" -o "$work/x.pdf" >"$work/out" 2>&1
[ $? -eq 1 ] && grep -q "none.json: cannot read the file" "$work/out" && ok || bad "missing data file: $(cat "$work/out")"

finish preview
