#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) into build-fuzz/ and runs each
# for a bounded time: FUZZ_SECONDS (default 60) per target, two targets at a time. Seeds
# come from inputs/, templates/ and the tests. A crash, a sanitizer report, a leak or a
# hang (an input taking over 20 s) fails the run and leaves the input in
# build-fuzz/findings/; copy it to tests/fuzz/regressions/<target>/ once it is fixed, so
# the unit tests replay it. Usage: scripts/fuzz.sh [TARGET ...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${FUZZ_SECONDS:-60}
bash "$root/scripts/setup.sh" --tests
build="$root/build-fuzz"
mkdir -p "$build"
CXX=clang++ cmake -S "$root" -B "$build" -DINOVASI_FUZZ=ON -DINOVASI_TESTS=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
all=(fuzz_profile fuzz_csv fuzz_json fuzz_xlsx fuzz_markup fuzz_render fuzz_pdf fuzz_qr fuzz_serve fuzz_signatures)
cmake --build "$build" -j "$(nproc)" --target "${all[@]}" >"$build/build.log" 2>&1 || {
  cat "$build/build.log" >&2
  echo "fuzz build failed (log: build-fuzz/build.log)" >&2
  exit 1
}
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(profile csv json xlsx markup render pdf qr serve signatures)

export ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1
export LSAN_OPTIONS="suppressions=$root/tests/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

# Seeds: what the project itself reads and writes.
seeds="$build/seeds"
rm -rf "$seeds" && mkdir -p "$seeds"/{profile,csv,json,xlsx,markup,render,pdf,qr,serve,signatures}
cp "$root"/inputs/profil/*.txt "$seeds/profile/"
i=0
for kind in daerah instansi fasilitator tim_inovasi anggota_tim inovasi jawaban_indikator perjanjian_kinerja tim_bappeda \
            permohonan_diskusi sesi_diskusi kehadiran penghargaan kegiatan undangan; do
  # The harness takes the record kind from the first byte (its index in model/schema.cpp).
  if [ -f "$root/inputs/data/$kind.csv" ]; then
    { printf "\\x$(printf %02x "$i")"; head -c 20000 "$root/inputs/data/$kind.csv"; } >"$seeds/csv/$kind"
  fi
  i=$((i + 1))
done
cp "$root/inputs/daerah.json" "$seeds/json/"
for f in "$root"/templates/*.xml "$root"/tests/templates/*.xml "$root"/tests/templates/errors/*.xml; do
  cp "$f" "$seeds/markup/"
  cp "$f" "$seeds/render/"
done
# Workbooks: a blank input workbook, and one with an agency's records, made by the
# normal build (scripts/build.sh; CI has just built it for the tests).
inovasi="$root/build/pipeline/inovasi"
[ -x "$inovasi" ] || bash "$root/scripts/build.sh"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
(cd "$root" && "$inovasi" --db "$scratch/s.db" import inputs --agency bappedalitbang --year 2026 >/dev/null 2>&1)
(cd "$root" && "$inovasi" --db "$scratch/s.db" export input-workbook -o "$seeds/xlsx/blank.xlsx" >/dev/null)
(cd "$root" && "$inovasi" --db "$scratch/s.db" export input-workbook --agency pkm-berastagi -o "$seeds/xlsx/agency.xlsx" >/dev/null)
(cd "$root" && "$inovasi" --db "$scratch/s.db" list innovations --json >"$seeds/json/innovations.json")
# PDFs within the 64 KB an input is cut to: a certificate (rewritten by the stream
# compressor) and a print file of one (written by the joiner); the reader must take both.
(cd "$root" && "$inovasi" bench print-file --count 1 --out "$scratch/pdf" >/dev/null)
cp "$scratch/pdf/2026/certificates/certificates-print.pdf" "$seeds/pdf/print.pdf"
(cd "$root" && "$inovasi" bench certificates --count 1 --out "$scratch/pdf1" >/dev/null)
find "$scratch/pdf1/2026/certificates" -name "*.pdf" -exec cp {} "$seeds/pdf/certificate.pdf" \;

# Signed PDFs: a certificate signed as a batch signs it, then signed again by a second
# party (an incremental update on top of one).
(cd "$root" && "$inovasi" bench certificates --count 1 --sign --out "$scratch/signed" >/dev/null)
find "$scratch/signed/2026/certificates" -name "0*.pdf" -exec cp {} "$seeds/signatures/signed.pdf" \;
bash "$root/tests/e2e/make_test_keys.sh" "$(mkdir -p "$scratch/keys" && echo "$scratch/keys")" >/dev/null 2>&1
PW=rahasia "$inovasi" sign "$seeds/signatures/signed.pdf" --p12 "$scratch/keys/second.p12" --pass-env PW \
  -o "$seeds/signatures/twice.pdf" >/dev/null
cp "$seeds/pdf/certificate.pdf" "$seeds/signatures/unsigned.pdf"

# QR data: a level byte, then what certificates carry (a verification address and code).
printf '\001https://inovasi.karokab.go.id/verifikasi/K7Q2M9X4TB' >"$seeds/qr/certificate"

# Raw HTTP requests to the verification service: what browsers and scripts send.
printf 'GET / HTTP/1.1\r\nHost: x\r\n\r\n' >"$seeds/serve/landing"
printf 'GET /verifikasi/K7Q2M9X4TB HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n' >"$seeds/serve/code"
printf 'GET /verifikasi/k7q2%%20m9x4.json HTTP/1.0\r\n\r\n' >"$seeds/serve/json"
printf 'GET /cek?kode=k7q2-m9x4-tb HTTP/1.1\r\nHost: x\r\n\r\nGET /gaya.css HTTP/1.1\r\nHost: x\r\n\r\n' >"$seeds/serve/pipelined"
printf 'POST /verifikasi/K7Q2M9X4TB HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\nContent-Length: 96\r\n\r\n--b\r\nContent-Disposition: form-data; name="berkas"; filename="a.pdf"\r\n\r\n%%PDF-1.4\r\n--b--\r\n' >"$seeds/serve/upload"
printf 'POST /verifikasi/K7Q2M9X4TB HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nabcde\r\n0\r\n\r\n' >"$seeds/serve/chunked"

mkdir -p "$build/findings" "$build/logs"
run_target() {
  local target=$1
  local corpus="$build/corpus/$target"
  mkdir -p "$corpus"
  (cd "$root" && "$build/tests/fuzz/fuzz_$target" "$corpus" "$seeds/$target" -max_total_time="$seconds" -timeout=20 \
      -rss_limit_mb=2560 -max_len=65536 -print_final_stats=1 -artifact_prefix="$build/findings/$target-" \
      >"$build/logs/$target.log" 2>&1)
}
failed=0
pids=()
names=()
for target in "${targets[@]}"; do
  run_target "$target" &
  pids+=($!)
  names+=("$target")
  if [ ${#pids[@]} -ge "$(nproc)" ]; then
    wait "${pids[0]}" || { echo "fuzz ${names[0]}: FINDING (build-fuzz/logs/${names[0]}.log)" >&2; failed=1; }
    pids=("${pids[@]:1}")
    names=("${names[@]:1}")
  fi
done
for k in "${!pids[@]}"; do
  wait "${pids[$k]}" || { echo "fuzz ${names[$k]}: FINDING (build-fuzz/logs/${names[$k]}.log)" >&2; failed=1; }
done
for target in "${targets[@]}"; do
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$build/logs/$target.log" | tail -1)
  corpus=$(find "$build/corpus/$target" -type f | wc -l)
  echo "fuzz $target: ${runs:-?} inputs in ${seconds} s, corpus $corpus"
done
if [ "$failed" -ne 0 ]; then
  for f in "$build"/findings/*; do [ -e "$f" ] && echo "finding: $f" >&2; done
  grep -h -A30 "ERROR: \|==ERROR\|runtime error" "$build"/logs/*.log | head -80 >&2
  exit 1
fi
