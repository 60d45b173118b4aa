#!/usr/bin/env bash
# Runs serve_browser.py against a server holding the bundled inputs' certificates. The
# screenshots stay in BUILD_DIR/test-output/serve-browser/.
# Usage: serve_browser.sh INOVASI_BINARY SOURCE_DIR BUILD_DIR
set -uo pipefail
bin=$1 src=$2 build=$3
source "$(dirname "$0")/lib.sh"
cd "$src"
export INOVASI_DB="$work/store.db"
"$bin" import inputs --agency bappedalitbang --year 2026 >"$work/log" 2>&1 &&
  "$bin" launch --out "$work/out" --quiet >>"$work/log" 2>&1 || { bad "setup: $(tail -3 "$work/log")"; finish serve_browser; exit 1; }
"$bin" serve --listen 127.0.0.1:0 --rate-limit 0 --log /dev/null >"$work/serve.out" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do grep -qs "^serving" "$work/serve.out" && break; sleep 0.1; done
port=$(sed -n 's|^serving .* at http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$work/serve.out")
file=$(sqlite3 "$INOVASI_DB" "SELECT berkas FROM nomor_dokumen WHERE jenis = 'sertifikat' AND berkas IS NOT NULL LIMIT 1")
code=$(sqlite3 "$INOVASI_DB" "SELECT kode_verifikasi FROM nomor_dokumen WHERE berkas = '$file'")
{ cat "$work/out/$file"; printf '%% diubah\n'; } >"$work/diubah.pdf"
shots="$build/test-output/serve-browser"
rm -rf "$shots"
# Debian's python3 (the one python3-selenium installs into), whatever else is on PATH.
PYTHONDONTWRITEBYTECODE=1 /usr/bin/python3 "$src/tests/e2e/serve_browser.py" "http://127.0.0.1:$port" "$code" "$work/out/$file" "$work/diubah.pdf" "$shots" &&
  ok || bad "browser run"
[ "$(ls "$shots"/*.png 2>/dev/null | wc -l)" -eq 8 ] && ok || bad "screenshots: $(ls "$shots")"
finish serve_browser
