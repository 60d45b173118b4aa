#!/usr/bin/env bash
# Load on `inovasi serve`, on loopback and bounded in time: verification pages at 64
# concurrent keep-alive connections (wrk), while a `launch` writes the same store; then a
# longer run watching the server's memory. Prints wrk's figures and the memory seen.
# Usage: scripts/load-serve.sh [SECONDS (default 20)] [LONG_SECONDS (default 300)]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-20}
long=${2:-300}
bash "$root/scripts/setup.sh" --tests
command -v wrk >/dev/null || "$(command -v sudo || true)" apt-get install -y -qq wrk >/dev/null
[ -x "$root/build/pipeline/inovasi" ] || bash "$root/scripts/build.sh"
bin="$root/build/pipeline/inovasi"
work=$(mktemp -d)
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
cd "$root"
export INOVASI_DB="$work/store.db"
# A store of 5,000 innovations, their certificates issued.
"$bin" bench certificates --count 5000 --out "$work/bench" >/dev/null
cp "$work/bench/bench.db" "$INOVASI_DB"
"$bin" serve --listen 127.0.0.1:0 --rate-limit 0 --log /dev/null >"$work/serve.out" 2>&1 &
server=$!
for _ in $(seq 100); do grep -qs "^serving" "$work/serve.out" && break; sleep 0.1; done
port=$(sed -n 's|^serving .* at http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$work/serve.out")
prefix=$(sed -n 's|^serving .* at http://127.0.0.1:[0-9]*\(/[^<]*\)/<kode>.*|\1|p' "$work/serve.out")
# wrk asks for a different issued code each request.
sqlite3 "$INOVASI_DB" "SELECT kode_verifikasi FROM nomor_dokumen" >"$work/codes"
cat >"$work/codes.lua" <<LUA
codes = {}
for line in io.lines("$work/codes") do codes[#codes + 1] = line end
counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", "$prefix/" .. codes[(counter % #codes) + 1])
end
LUA
echo "== $seconds s, 64 connections, 2 threads, while a launch writes the store"
( sleep 1; "$bin" launch --out "$work/launch" --quiet --force >"$work/launch.log" 2>&1 || true ) &
writer=$!
wrk -t2 -c64 -d"${seconds}s" --latency -s "$work/codes.lua" "http://127.0.0.1:$port" | tee "$work/wrk1"
wait $writer || true
echo "launch during the load: $(tail -1 "$work/launch.log")"
echo "== $long s, memory of the server (RSS, KiB) every 30 s"
wrk -t2 -c64 -d"${long}s" -s "$work/codes.lua" "http://127.0.0.1:$port" >"$work/wrk2" &
loader=$!
while kill -0 $loader 2>/dev/null; do
  echo "rss $(awk '/VmRSS/ {print $2}' /proc/$server/status)"
  sleep 30
done
cat "$work/wrk2"
