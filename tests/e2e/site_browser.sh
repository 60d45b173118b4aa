#!/usr/bin/env bash
# Runs site_browser.py against a server holding the bundled inputs, two agencies' links
# and two console accounts. The screenshots stay in BUILD_DIR/test-output/site-browser/.
# Usage: site_browser.sh INOVASI_BINARY SOURCE_DIR BUILD_DIR
set -uo pipefail
bin=$1 src=$2 build=$3
source "$(dirname "$0")/lib.sh"
cd "$src"
export INOVASI_DB="$work/store.db"
{ "$bin" import inputs --agency bappedalitbang --year 2026 &&
  echo "sandi-rahasia-ana" | "$bin" user add ana --role admin --password-stdin &&
  echo "sandi-rahasia-budi" | "$bin" user add budi --role staff --password-stdin; } >"$work/log" 2>&1 ||
  { bad "setup: $(tail -3 "$work/log")"; finish site_browser; exit 1; }
echo "pendek" | "$bin" user add cici --role staff --password-stdin >/dev/null 2>&1 && bad "a short password is refused"
"$bin" serve --listen 127.0.0.1:0 --rate-limit 0 --insecure-cookies --out "$work/out" --log "$work/serve.log" \
  >"$work/serve.out" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do grep -qs "^serving" "$work/serve.out" && break; sleep 0.1; done
port=$(sed -n 's|^serving .* at http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$work/serve.out")
site="http://127.0.0.1:$port"
link_a=$("$bin" access grant --agency dinkes --url "$site" | tail -1)
link_b=$("$bin" access grant --agency disdik --url "$site" | tail -1)
# The store keeps only the tokens' hashes.
token=${link_a##*/}
sqlite3 "$INOVASI_DB" "SELECT count(*) FROM tautan_instansi WHERE hash_token = '$token'" | grep -qx 0 && ok ||
  bad "a token is stored as itself"
shots="$build/test-output/site-browser"
rm -rf "$shots"
PYTHONDONTWRITEBYTECODE=1 /usr/bin/python3 "$src/tests/e2e/site_browser.py" "$site" "$link_a" "$link_b" "$INOVASI_DB" "$shots" "$work" &&
  ok || bad "browser run"
[ "$(ls "$shots"/*.png 2>/dev/null | wc -l)" -eq 10 ] && ok || bad "screenshots: $(ls "$shots")"
# Every change made through the pages is in the audit log.
for action in ajukan_permohonan unggah_pindaian jadwalkan_sesi isi_daftar_hadir catat_hasil_sesi buka_tautan_hadir \
              tutup_tautan_hadir; do
  sqlite3 "$INOVASI_DB" "SELECT count(*) FROM log_audit WHERE tindakan = '$action'" | grep -qvx 0 && ok ||
    bad "audit log has no $action"
done
grep "error" "$work/serve.log" | head -5; grep " 50[0-9] " "$work/serve.log" | head -5
finish site_browser
