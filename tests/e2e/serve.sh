#!/usr/bin/env bash
# `inovasi serve` end to end: a certificate's QR code, decoded from the printed page
# (pdftoppm + zbarimg), opened on the running server, shows the certificate's number and
# status; revoking it changes the page; uploads say whether a PDF is the issued file; and
# hostile requests each get their 4xx while the server goes on serving.
# Usage: serve.sh INOVASI_BINARY SOURCE_DIR
set -uo pipefail
bin=$1 src=$2
source "$(dirname "$0")/lib.sh"
cd "$src"
export INOVASI_DB="$work/store.db"
"$bin" import inputs --agency bappedalitbang --year 2026 >"$work/log" 2>&1 || bad "import: $(tail -3 "$work/log")"
# The region prints its verification address in the QR codes; an agency with a name that
# is markup shows as text.
sed 's|"url_verifikasi": ""|"url_verifikasi": "https://inovasi.contoh.go.id/verifikasi/"|' inputs/daerah.json >"$work/daerah.json"
printf 'kode,nama,jenis\nuji-xss,"<script>alert(1)</script> & Co",Perangkat Daerah\n' >"$work/instansi.csv"
"$bin" import "$work/daerah.json" "$work/instansi.csv" >>"$work/log" 2>&1 || bad "import the region: $(tail -3 "$work/log")"
"$bin" launch --out "$work/out" --quiet >>"$work/log" 2>&1 || bad "launch: $(tail -3 "$work/log")"

# Start on a free port; the first line names it.
"$bin" serve --listen 127.0.0.1:0 --rate-limit 0 --timeout 2 --log "$work/access.log" >"$work/serve.out" 2>&1 &
server=$!
for _ in $(seq 50); do grep -qs "^serving" "$work/serve.out" && break; sleep 0.1; done
port=$(sed -n 's|^serving .* at http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$work/serve.out")
[ -n "$port" ] && ok || { bad "server did not start: $(cat "$work/serve.out")"; finish serve; exit 1; }
base="http://127.0.0.1:$port"
grep -q "at http://127.0.0.1:$port/verifikasi/<kode>" "$work/serve.out" && ok || bad "URL pattern: $(cat "$work/serve.out")"

# The QR code of a printed certificate, decoded from its page image.
pdf=$(ls "$work"/out/2026/certificates/*.pdf | head -1)
pdftoppm -r 150 -png -f 1 -l 1 "$pdf" "$work/page"
url=$(zbarimg --raw -q "$work"/page*.png 2>/dev/null | head -1)
case "$url" in https://inovasi.contoh.go.id/verifikasi/??????????) ok ;; *) bad "QR holds '$url'" ;; esac
code=${url##*/}
path="/verifikasi/$code"
number=$(sqlite3 "$INOVASI_DB" "SELECT nomor FROM nomor_dokumen WHERE kode_verifikasi = '$code'")
curl -s -o "$work/page.html" -w '%{http_code}' "$base$path" >"$work/status"
[ "$(cat "$work/status")" = 200 ] && grep -q "SAH: dokumen ini diterbitkan" "$work/page.html" &&
  grep -qF "$number" "$work/page.html" && grep -q "Sertifikat Penghargaan" "$work/page.html" && ok ||
  bad "verification page: $(cat "$work/status") $(head -c 600 "$work/page.html")"
# No personal data: the agency head's NIP is in the store, never on the page.
nip=$(sqlite3 "$INOVASI_DB" "SELECT kepala_nip FROM instansi WHERE kepala_nip IS NOT NULL LIMIT 1")
[ -n "$nip" ] && ! grep -q "$nip" "$work/page.html" && ok || bad "a NIP on the public page"
# Typed as people type it: lower case, spaces.
typed=$(echo "$code" | tr 'A-Z' 'a-z' | sed 's/\(.....\)/\1 /')
curl -s -o /dev/null -w '%{http_code} %{redirect_url}' "$base/cek?kode=$(echo "$typed" | sed 's/ /%20/g')" >"$work/r"
[ "$(cat "$work/r")" = "303 $base$path" ] && ok || bad "typed code: $(cat "$work/r")"
curl -s "$base$path.json" >"$work/json"
grep -q '"status":"valid"' "$work/json" && grep -qF "\"nomor\":\"$number\"" "$work/json" && ok || bad "json: $(cat "$work/json")"
[ "$(curl -s -o "$work/u.html" -w '%{http_code}' "$base/verifikasi/0000000000")" = 404 ] &&
  grep -q "TIDAK DIKENAL" "$work/u.html" && ok || bad "unknown code"
[ "$(curl -s -o /dev/null -w '%{http_code}' "$base/")" = 200 ] && ok || bad "landing page"

# Uploads: the issued file, a changed copy, something that is not a PDF, one too large.
curl -s -F "berkas=@$pdf" "$base$path" | grep -q "IDENTIK" && ok || bad "genuine upload"
{ cat "$pdf"; printf '%% tambahan\n'; } >"$work/changed.pdf"
curl -s -F "berkas=@$work/changed.pdf" "$base$path" | grep -q "BUKAN BERKAS YANG DITERBITKAN" && ok || bad "changed upload"
printf 'bukan pdf' >"$work/x.pdf"
[ "$(curl -s -o /dev/null -w '%{http_code}' -F "berkas=@$work/x.pdf" "$base$path")" = 415 ] && ok || bad "non-PDF upload"
head -c 52428800 /dev/zero >"$work/big.pdf"
# Refused as soon as its length is known; the answer must reach a client still sending
# (curl gets "000" if the server's close resets the connection first). Three times, as
# the race was seen on a loaded machine.
for _ in 1 2 3; do
  got=$(curl -s -o /dev/null -w '%{http_code}' -F "berkas=@$work/big.pdf" "$base$path")
  [ "$got" = 413 ] || break
done
[ "$got" = 413 ] && ok || bad "50 MB upload: $got"

# Signed after it was issued: the issued bytes with a signature appended are the issued
# document, and the page lists the signature; a signed copy whose content was then
# changed is not.
mkdir -p "$work/keys" && bash tests/e2e/make_test_keys.sh "$work/keys" >/dev/null 2>&1
PW=rahasia "$bin" sign "$pdf" --p12 "$work/keys/signer.p12" --pass-env PW --signer-field kepala_daerah \
  -o "$work/signed.pdf" >/dev/null 2>&1 || bad "sign the certificate"
curl -s -F "berkas=@$work/signed.pdf" "$base$path" >"$work/signed.html"
grep -q "IDENTIK: berkas ini adalah berkas yang diterbitkan, dengan tanda tangan" "$work/signed.html" &&
  grep -q "<li>Antonius Ginting, .*: utuh</li>" "$work/signed.html" && ok ||
  bad "signed upload: $(grep -A3 'id="hasil"' "$work/signed.html")"
/usr/bin/python3 - "$work/signed.pdf" "$work/signed-edited.pdf" <<'PY'
import sys
data = bytearray(open(sys.argv[1], "rb").read())
at = data.rfind(b"/Name (")  # the signer's name in the signature dictionary, inside the signed range
data[at + 7] ^= 1
open(sys.argv[2], "wb").write(data)
PY
curl -s -F "berkas=@$work/signed-edited.pdf" "$base$path" >"$work/edited.html"
grep -q "TANDA TANGAN TIDAK UTUH: isi berkas sama" "$work/edited.html" && ! grep -q "IDENTIK" "$work/edited.html" &&
  grep -q "<li>Antonius Ginting, .*TIDAK UTUH" "$work/edited.html" && ok ||
  bad "edited signed upload: $(grep -A3 'id="hasil"' "$work/edited.html")"

# Hostile requests.
status() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
[ "$(status --path-as-is "$base/verifikasi/../../etc/passwd")" = 404 ] && ok || bad "path trick"
[ "$(status "$base/verifikasi/%2e%2e%2f%2e%2e%2fetc%2fpasswd")" = 404 ] && ok || bad "encoded path trick"
[ "$(status "$base/verifikasi/%FF%FE")" = 400 ] && ok || bad "invalid UTF-8"
[ "$(status "$base/%00")" = 400 ] && ok || bad "NUL in the path"
[ "$(status -H "X-Besar: $(head -c 20000 /dev/zero | tr '\0' a)" "$base/")" = 400 ] && ok || bad "oversized header"
[ "$(status -X DELETE "$base$path")" = 405 ] && ok || bad "DELETE"
[ "$(status --http1.0 "$base$path")" = 200 ] && ok || bad "HTTP/1.0"
# Markup in a name is text on the page.
xss=$(sqlite3 "$INOVASI_DB" "SELECT kode_verifikasi FROM nomor_dokumen LIMIT 1")
sqlite3 "$INOVASI_DB" "UPDATE instansi SET nama = '<script>alert(1)</script>' WHERE kode = (SELECT instansi FROM inovasi LIMIT 1)"
curl -s "$base/verifikasi/$xss" >"$work/x.html"
! grep -q "<script>" "$work/x.html" && ok || bad "markup in a name reached the page"
# Raw requests through bash's /dev/tcp: what stdin holds is sent, the answer read until
# the server closes the connection (or 8 s).
raw() {
  exec 3<>"/dev/tcp/127.0.0.1/$port"
  cat >&3
  timeout 8 cat <&3
  exec 3<&-
}
# Two requests in one write (pipelined) get two answers; a malformed chunked body a 400.
printf 'GET / HTTP/1.1\r\nHost: x\r\n\r\nGET %s HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n' "$path" |
  raw >"$work/pipe" 2>&1
[ "$(grep -c '^HTTP/1.1 200' "$work/pipe")" = 2 ] && ok || bad "pipelined: $(grep '^HTTP' "$work/pipe")"
printf 'POST %s HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\nContent-Type: multipart/form-data; boundary=b\r\n\r\nZZZ\r\nabc\r\n' "$path" |
  raw >"$work/chunk" 2>&1
grep -q '^HTTP/1.1 4' "$work/chunk" && ok || bad "malformed chunked body: $(head -1 "$work/chunk")"
# A slow client (half a request line, then nothing) is cut off after the timeout.
start=$(date +%s)
printf 'GET / HT' | raw >/dev/null 2>&1
[ $(($(date +%s) - start)) -lt 7 ] && ok || bad "slow client kept $(($(date +%s) - start)) s"
# Revoked: the page says so, with the date and the reason.
"$bin" revoke "$code" --reason "Nama inovasi salah" --date 2026-03-01 >>"$work/log" 2>&1 || bad "revoke"
curl -s -o "$work/rev.html" -w '%{http_code}' "$base$path" >"$work/status"
grep -q "DICABUT pada 1 Maret 2026: Nama inovasi salah" "$work/rev.html" && ok || bad "revoked page: $(head -c 400 "$work/rev.html")"
# The store replaced under the server (a restore: another file renamed over it): the
# next request reads the new one. Here the copy has the document's revocation undone.
# (A restore copies the whole store, its WAL included, and leaves no WAL of the old one.)
sqlite3 "$INOVASI_DB" ".backup '$work/restored.db'"
sqlite3 "$work/restored.db" "UPDATE nomor_dokumen SET dicabut = NULL, alasan_pencabutan = NULL WHERE kode_verifikasi = '$code'"
rm -f "$INOVASI_DB-wal" "$INOVASI_DB-shm"
mv "$work/restored.db" "$INOVASI_DB"
curl -s "$base$path" | grep -q "SAH: dokumen ini diterbitkan" && ok || bad "the replaced store was not read"
"$bin" revoke "$code" --reason "Nama inovasi salah" --date 2026-03-01 >>"$work/log" 2>&1 || bad "revoke again"
# A store held by a writer (a batch committing) answers after the writer, or 503 with
# Retry-After when it takes too long; never an error page of its own.
sqlite3 "$INOVASI_DB" "BEGIN EXCLUSIVE; SELECT 1; SELECT count(*) FROM nomor_dokumen;" >/dev/null &
locker=$!
code_now=$(status "$base$path")
wait $locker
case "$code_now" in 200 | 503) ok ;; *) bad "store held by a writer: $code_now" ;; esac
# Still serving after all of it; every request logged on one line, no upload content.
[ "$(status "$base$path")" = 200 ] && ok || bad "server stopped serving"
kill -0 $server 2>/dev/null && ok || bad "server died"
! grep -q "tambahan\|bukan pdf" "$work/access.log" && grep -q "\"GET $path HTTP/1.1\" 200" "$work/access.log" && ok ||
  bad "access log: $(tail -3 "$work/access.log")"

# A per-client budget: past it, 429 with Retry-After.
"$bin" serve --listen 127.0.0.1:0 --rate-limit 5 --log /dev/null >"$work/serve2.out" 2>&1 &
limited=$!
for _ in $(seq 50); do grep -qs "^serving" "$work/serve2.out" && break; sleep 0.1; done
port2=$(sed -n 's|^serving .* at http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$work/serve2.out")
for _ in 1 2 3 4 5; do curl -s -o /dev/null "http://127.0.0.1:$port2/"; done
curl -s -D "$work/h" -o /dev/null "http://127.0.0.1:$port2/"
grep -q "^HTTP/1.1 429" "$work/h" && grep -qi "^Retry-After: [0-9]" "$work/h" && ok || bad "rate limit: $(head -3 "$work/h")"
kill $limited

# HTTPS with a certificate and key (here a self-signed one).
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$work/key.pem" -out "$work/cert.pem" -days 2 -subj "/CN=127.0.0.1" \
  >/dev/null 2>&1
"$bin" serve --listen 127.0.0.1:0 --tls-cert "$work/cert.pem" --tls-key "$work/key.pem" --log /dev/null \
  >"$work/serve3.out" 2>&1 &
tls=$!
for _ in $(seq 50); do grep -qs "^serving" "$work/serve3.out" && break; sleep 0.1; done
port3=$(sed -n 's|^serving .* at https://127.0.0.1:\([0-9]*\)/.*|\1|p' "$work/serve3.out")
[ -n "$port3" ] && curl -s --cacert "$work/cert.pem" "https://127.0.0.1:$port3$path" | grep -q "DICABUT" && ok ||
  bad "HTTPS: $(cat "$work/serve3.out")"
[ "$(curl -s -o /dev/null -w '%{http_code}' --tls-max 1.1 -k "https://127.0.0.1:$port3/")" = 000 ] && ok ||
  bad "TLS 1.1 accepted"
kill $tls

# SIGTERM: a graceful stop, exit 0.
kill -TERM $server
wait $server && ok || bad "exit status after SIGTERM"
grep -q "stopping" "$work/serve.out" && ok || bad "no stop message"
# Under the sanitizers (scripts/test-sanitizers.sh), the server's own reports end up in its
# output: none may.
! grep -q "Sanitizer" "$work/serve.out" "$work/serve3.out" && ok || bad "sanitizer report: $(grep -A5 Sanitizer "$work"/serve*.out | head -20)"
finish serve
