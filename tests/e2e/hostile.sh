#!/usr/bin/env bash
# End-to-end: hostile names go through the whole pipeline (import, launch, every
# document, exports) as data. No file appears outside the output folder, file names are
# the code's slugs, and the documents print the text literally: `{{`, `<`, `&` and
# quotes are neither markup nor template.
# Usage: hostile.sh INOVASI_BINARY SOURCE_DIR
set -uo pipefail
bin=$1 src=$2
source "$(dirname "$0")/lib.sh"
cd "$src"
db="$work/store.db"
out="$work/out"

"$bin" --db "$db" import inputs --agency bappedalitbang --year 2026 >/dev/null 2>&1 || bad "import bundled inputs"
name='{{nama}} <b>&amp;</b> "Kutip" '"'"'satu'"'"' }}'
cat >"$work/instansi.csv" <<EOF
kode,nama,jenis,kepala_nama,kepala_jabatan
../../luar,"$(printf '%s' "$name" | sed 's/"/""/g')",Perangkat Daerah,Dr. {{x}} <i>Kepala</i>,Kepala & <Dinas>
/tmp/mutlak,Dinas Mutlak,Perangkat Daerah,Kepala Mutlak,Kepala Dinas
EOF
cat >"$work/inovasi.csv" <<EOF
kode,tahun,nama,instansi,tahapan,diajukan_iga,waktu_penerapan,tujuan
../jahat,2026,"Inovasi {{#a}}<script>&</script>{{/a}}",../../luar,Penerapan,ya,2026-02-01,"Tujuan {{> kop-instansi}} & <b>
1. satu &amp;
2. dua ]]>"
/etc/passwd,2026,Inovasi Mutlak,/tmp/mutlak,Penerapan,ya,2026-02-01,Tujuan biasa.
EOF
cat >"$work/perjanjian_kinerja.csv" <<EOF
instansi,tahun,inovasi,target_tahapan
../../luar,2026,../jahat,Penerapan
/tmp/mutlak,2026,/etc/passwd,Penerapan
EOF
"$bin" --db "$db" import "$work/instansi.csv" "$work/inovasi.csv" "$work/perjanjian_kinerja.csv" >"$work/log" 2>&1 &&
  ok || bad "hostile records import: $(tail -3 "$work/log")"

touch "$work/marker"
"$bin" --db "$db" launch --year 2026 --quiet --out "$out" >"$work/log" 2>&1
[ $? -le 1 ] && ok || bad "launch: $(tail -3 "$work/log")"
"$bin" --db "$db" render all --year 2026 --quiet --out "$out" >"$work/log" 2>&1 && ok || bad "render all: $(tail -3 "$work/log")"
"$bin" --db "$db" export iga --year 2026 --out "$out" >/dev/null 2>&1 && ok || bad "export iga"
"$bin" --db "$db" export input-workbook --agency ../../luar --out "$out" >"$work/log" 2>&1 && ok || bad "input workbook: $(cat "$work/log")"

# Nothing outside the output folder: not beside it, not in /tmp, not in /etc.
outside=$(find "$work" /tmp/mutlak* /etc/passwd* -newer "$work/marker" -type f 2>/dev/null | grep -v "^$out/" | grep -v "^$work/log$" | grep -v "^$db")
[ -z "$outside" ] && ok || bad "files outside the output folder: $outside"
[ ! -e "$work/luar" ] && [ ! -e "/tmp/mutlak" ] && ok || bad "a folder named by the data was made"
# Every path under the output folder is made of slug characters.
odd=$(cd "$out" && find . -mindepth 1 | grep -v '^\./[A-Za-z0-9./_-]*$' | head -3)
[ -z "$odd" ] && ok || bad "paths not made of slugs: $odd"

# The documents print the names literally.
contract=$(grep -rl "" "$out"/2026/launching 2>/dev/null | grep 'luar.*perjanjian-kinerja.pdf$' | head -1)
if [ -n "$contract" ]; then
  pdftotext "$contract" "$work/contract.txt" 2>/dev/null
  tr -s ' \n' ' ' <"$work/contract.txt" >"$work/contract.flat"
  grep -qiF '{{nama}} <b>&amp;</b> "Kutip"' "$work/contract.flat" && ok || bad "agency name not printed literally: $(head -c 300 "$work/contract.flat")"
  grep -qF 'Dr. {{x}} <i>Kepala</i>' "$work/contract.flat" && ok || bad "head's name not printed literally"
  qpdf --check "$contract" >/dev/null 2>&1 && ok || bad "contract does not pass qpdf --check"
else
  bad "no contract for the hostile agency under launching/"
fi
narrative=$(find "$out" -name '*.pdf' -path '*jahat*' | head -1)
if [ -n "$narrative" ]; then
  pdftotext "$narrative" - 2>/dev/null | tr -s ' \n' ' ' >"$work/n.flat"
  grep -qF 'Inovasi {{#a}}<script>&</script>{{/a}}' "$work/n.flat" && ok || bad "innovation name not literal in $narrative"
else
  bad "no document for the hostile innovation"
fi

finish hostile
