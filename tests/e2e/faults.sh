#!/usr/bin/env bash
# End-to-end fault tests: a full disk, a read-only output folder, a store locked by
# another process, two launches at once on one store (the second waits for the first's
# hold on the year's folder), and runs killed with SIGKILL at
# random points, many times. Afterwards: the store passes PRAGMA integrity_check, no
# document number was handed out twice, every PDF in the output folder passes
# qpdf --check, no temporary file is left once a run completes, and a re-run completes
# the set (the same files, byte for byte, as a run that was never interrupted).
# Usage: faults.sh INOVASI_BINARY SOURCE_DIR
set -uo pipefail
bin=$1 src=$2
source "$(dirname "$0")/lib.sh"
cd "$src"
py=/usr/bin/python3  # Debian's, for its sqlite3 module (fonttools brings it)
mounts=()
cleanup_mounts() { for m in "${mounts[@]}"; do umount "$m" 2>/dev/null; done; rm -rf "$work"; }
trap cleanup_mounts EXIT

sql() { "$py" -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); [print(*r, sep="|") for r in c.execute(sys.argv[2])]' "$@"; }
store_is_sound() {  # store_is_sound NAME DB
  local integrity duplicates
  integrity=$(sql "$2" "PRAGMA integrity_check")
  duplicates=$(sql "$2" "SELECT nomor, COUNT(*) FROM nomor_dokumen GROUP BY nomor HAVING COUNT(*) > 1
                         UNION ALL SELECT kode_verifikasi, COUNT(*) FROM nomor_dokumen GROUP BY kode_verifikasi HAVING COUNT(*) > 1")
  [ "$integrity" = "ok" ] && ok || bad "$1: integrity_check says: $integrity"
  [ -z "$duplicates" ] && ok || bad "$1: numbers handed out twice: $duplicates"
}
pdfs_are_whole() {  # pdfs_are_whole NAME FOLDER
  local broken=0
  while IFS= read -r pdf; do
    qpdf --check "$pdf" >/dev/null 2>&1 || { echo "    truncated or broken: $pdf"; broken=1; }
  done < <(find "$2" -name '*.pdf' 2>/dev/null)
  [ "$broken" -eq 0 ] && ok || bad "$1: a PDF in the output folder is not whole"
}
no_temporaries() {  # no_temporaries NAME FOLDER
  local left
  left=$(find "$2" -name '*.tmp-*' 2>/dev/null | head -3)
  [ -z "$left" ] && ok || bad "$1: temporary files left: $left"
}
launch() {  # launch DB OUT [ARGS...]: the Launching Inovasi pack; exit 1 means agencies not ready
  local db=$1 out=$2
  shift 2
  "$bin" --db "$db" launch --year 2026 --quiet --out "$out" "$@"
}
fresh_store() {  # fresh_store DB
  "$bin" --db "$1" import inputs --agency bappedalitbang --year 2026 >/dev/null 2>&1 || bad "import into $1"
}

# The reference: one uninterrupted run.
fresh_store "$work/ref.db"
launch "$work/ref.db" "$work/ref" >"$work/log" 2>&1
[ $? -le 1 ] && ok || bad "reference launch: $(tail -3 "$work/log")"
ref_count=$(find "$work/ref" -name '*.pdf' | wc -l)
[ "$ref_count" -gt 10 ] && ok || bad "reference launch made only $ref_count PDFs"
# Verification codes are drawn at random per store, so "the same set" is judged against
# an uninterrupted run from the same store: launch --force into a folder of its own.
same_set() {  # same_set NAME DB OUT
  launch "$2" "$work/uninterrupted" --force >/dev/null 2>&1
  if diff -r -x 'manifest.json' "$work/uninterrupted" "$3" >/dev/null; then ok; else
    bad "$1: the set differs from an uninterrupted run"; diff -rq -x 'manifest.json' "$work/uninterrupted" "$3" | head -5 | sed 's/^/    /'
  fi
  [ "$(find "$3" -name '*.pdf' | wc -l)" -eq "$ref_count" ] && ok || bad "$1: not as many PDFs as the reference run"
  rm -rf "$work/uninterrupted"
}

# 1. Killed with SIGKILL at random points, many times, then run to the end.
fresh_store "$work/k.db"
kills=15 interrupted=0
# Random points within a whole run, timed here (it is some tens of milliseconds): the
# quickest of three, as the first run of a fresh machine reads its fonts and libraries
# from disk and would put the kill points past the end of the later, warm runs.
run_us=
for _ in 1 2 3; do
  started=$(date +%s%N)
  launch "$work/k.db" "$work/timed" --jobs 2 --force >/dev/null 2>&1
  took=$((($(date +%s%N) - started) / 1000))
  [ -z "$run_us" ] || [ "$took" -lt "$run_us" ] && run_us=$took
done
rm -rf "$work/timed"
for i in $(seq 1 "$kills"); do
  launch "$work/k.db" "$work/k" --jobs 2 --force >/dev/null 2>&1 &
  pid=$!
  sleep "$(printf '0.%06d' $((run_us * (RANDOM % 80 + 10) / 100)))"
  kill -9 "$pid" 2>/dev/null && interrupted=$((interrupted + 1))
  wait "$pid" 2>/dev/null
  pdfs_are_whole "after kill $i" "$work/k"
done
# Most runs are killed while working (a few may finish first, or be killed before they start).
[ "$interrupted" -ge $((kills / 2)) ] && ok || bad "only $interrupted of $kills runs were killed while working"
store_is_sound "after $kills kills" "$work/k.db"
launch "$work/k.db" "$work/k" >"$work/log" 2>&1
[ $? -le 1 ] && ok || bad "re-run after kills: $(tail -3 "$work/log")"
store_is_sound "after the re-run" "$work/k.db"
no_temporaries "after the re-run" "$work/k"
same_set "killed $kills times, then re-run" "$work/k.db" "$work/k"
launch "$work/k.db" "$work/k" >"$work/log" 2>&1
grep -q "made 0," "$work/log" && ok || bad "a further run still had work: $(grep made "$work/log")"

# An import killed midway changes nothing: all rows or none.
{ echo "instansi,tahun,nama,jabatan"; for i in $(seq 1 30000); do echo "dinkes,2026,Anggota $i,Staf"; done; } >"$work/anggota_tim.csv"
for i in 1 2 3 4 5; do
  "$bin" --db "$work/k.db" import "$work/anggota_tim.csv" >/dev/null 2>&1 &
  pid=$!
  sleep "0.$((RANDOM % 9 + 1))"
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  n=$(sql "$work/k.db" "SELECT COUNT(*) FROM anggota_tim WHERE nama LIKE 'Anggota %'")
  { [ "$n" -eq 0 ] || [ "$n" -eq 30000 ]; } && ok || bad "killed import $i left $n of 30000 rows"
done
store_is_sound "after killed imports" "$work/k.db"

# 2. Two launches at once on the same store and output folder.
fresh_store "$work/two.db"
launch "$work/two.db" "$work/two" --jobs 1 >"$work/two-a.log" 2>&1 &
a=$!
launch "$work/two.db" "$work/two" --jobs 1 >"$work/two-b.log" 2>&1 &
b=$!
wait $a; sa=$?
wait $b; sb=$?
{ [ $sa -le 1 ] && [ $sb -le 1 ]; } && ok || bad "two launches: exits $sa and $sb: $(tail -2 "$work/two-a.log") $(tail -2 "$work/two-b.log")"
store_is_sound "two launches" "$work/two.db"
pdfs_are_whole "two launches" "$work/two"
no_temporaries "two launches" "$work/two"
same_set "two launches at once" "$work/two.db" "$work/two"

# A run that finds the year's folder held by another run says so, waits, then finishes.
fresh_store "$work/held.db"
mkdir -p "$work/held/2026"
flock "$work/held/2026" -c "echo held; sleep 4" >"$work/holder" &
holder=$!
for _ in $(seq 1 50); do grep -q held "$work/holder" && break; sleep 0.1; done
launch "$work/held.db" "$work/held" >"$work/held.log" 2>&1 &
runner=$!
for _ in $(seq 1 30); do grep -q "waiting for another inovasi run" "$work/held.log" && break; sleep 0.1; done
grep -q "waiting for another inovasi run writing to $work/held/2026" "$work/held.log" && kill -0 "$runner" 2>/dev/null && ok \
  || bad "a held folder: not waiting: $(cat "$work/held.log")"
wait "$holder"
wait "$runner"
status=$?
[ $status -le 1 ] && ok || bad "a held folder: exit $status once released: $(tail -2 "$work/held.log")"
same_set "a held folder" "$work/held.db" "$work/held"

# 3. The store locked by another process: a clear error after the busy timeout, and
# the store as it was.
fresh_store "$work/lock.db"
before=$(sql "$work/lock.db" "SELECT COUNT(*) FROM instansi")
"$py" -c 'import sqlite3,sys,time; c=sqlite3.connect(sys.argv[1], isolation_level=None); c.execute("BEGIN EXCLUSIVE"); print("locked", flush=True); time.sleep(14)' \
  "$work/lock.db" >"$work/locker" &
locker=$!
for _ in $(seq 1 50); do grep -q locked "$work/locker" && break; sleep 0.1; done
printf 'kode,nama\nbaru,Dinas Baru\n' >"$work/instansi.csv"
"$bin" --db "$work/lock.db" import "$work/instansi.csv" >"$work/log" 2>&1
status=$?
[ $status -ne 0 ] && grep -qi "locked\|busy" "$work/log" && ok || bad "locked store: exit $status, $(tail -2 "$work/log")"
wait $locker
[ "$(sql "$work/lock.db" "SELECT COUNT(*) FROM instansi")" = "$before" ] && ok || bad "locked store changed"
"$bin" --db "$work/lock.db" import "$work/instansi.csv" >/dev/null 2>&1 && ok || bad "import after the lock was released"

# 4. The output disk full, and read-only: a clear error, non-zero exit, nothing broken
# (tmpfs mounts need root; skipped with a message otherwise).
if mkdir -p "$work/full" && mount -t tmpfs -o size=300k tmpfs "$work/full" 2>/dev/null; then
  mounts+=("$work/full")
  fresh_store "$work/full.db"
  launch "$work/full.db" "$work/full/out" >"$work/log" 2>&1
  status=$?
  [ $status -eq 1 ] && grep -q "No space left on device" "$work/log" && ok ||
    bad "full disk: exit $status, $(grep -m2 -i "space\|error" "$work/log")"
  # One line says so, not one per document (and no library's own words).
  [ "$(grep -c "No space left on device" "$work/log")" -eq 1 ] && grep -q "^the disk is full: [0-9]* document(s) not made" "$work/log" &&
    [ "$(grep -vc "^progress:\|^made \|^the disk is full" "$work/log")" -eq 0 ] && ok || bad "full disk: not one summary line: $(cat "$work/log")"
  pdfs_are_whole "full disk" "$work/full/out"
  store_is_sound "full disk" "$work/full.db"
  # The store itself on the full disk: the import fails whole.
  "$bin" --db "$work/full/s.db" import inputs --agency bappedalitbang >"$work/log" 2>&1
  [ $? -ne 0 ] && ok || bad "import onto a full disk succeeded?"
  [ ! -s "$work/full/s.db" ] || [ "$(sql "$work/full/s.db" "PRAGMA integrity_check")" = "ok" ] && ok || bad "store on a full disk is corrupt"

  umount "$work/full"
  mount -t tmpfs -o size=50m tmpfs "$work/full" && mount -o remount,ro "$work/full"
  launch "$work/full.db" "$work/full/out" >"$work/log" 2>&1
  status=$?
  [ $status -ne 0 ] && grep -q "Read-only file system" "$work/log" && ok ||
    bad "read-only output: exit $status, $(grep -m2 -i "read-only\|error" "$work/log")"
  store_is_sound "read-only output" "$work/full.db"
  # A run that completed, then the folder made read-only: a re-run that changes nothing
  # writes nothing, so it succeeds.
  mount -o remount,rw "$work/full" && launch "$work/full.db" "$work/full/out" >/dev/null 2>&1
  mount -o remount,ro "$work/full"
  launch "$work/full.db" "$work/full/out" >"$work/log" 2>&1
  [ $? -eq 0 ] && grep -q "unchanged 21, failed 0" "$work/log" && ok || bad "unchanged re-run into a read-only folder: $(tail -3 "$work/log")"
else
  echo "SKIP full and read-only disk: cannot mount a tmpfs here (needs root)"
fi

finish faults
