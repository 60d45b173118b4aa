#!/usr/bin/env bash
# Electronic signatures end to end, checked by validators that are not ours: a launch
# signed as the regent (--sign-as kepala_daerah), the contract then signed by the agency
# head in turn, each signature checked by poppler's pdfsig, by `openssl cms -verify` over
# the bytes its /ByteRange names, by qpdf --check and by `inovasi verify`; a one-byte
# change, an edit after signing, and the refusals (expired, wrong key usage, no key,
# wrong passphrase, damaged PDF, a field already signed); a time stamp from a local
# authority (openssl ts); the same key, input and time give the same bytes.
# Usage: sign.sh INOVASI_BINARY SOURCE_DIR
set -uo pipefail
bin=$1 src=$2
source "$(dirname "$0")/lib.sh"
cd "$src"
keys="$work/keys"
mkdir -p "$keys/trust"
bash tests/e2e/make_test_keys.sh "$keys" || { bad "test keys"; finish sign; exit 1; }
cp "$keys/ca.pem" "$keys/trust/"
export INOVASI_DB="$work/store.db" PW=rahasia TZ=Asia/Jakarta
time_b="2026-02-24T09:00:00+07:00"
"$bin" import inputs --agency bappedalitbang --year 2026 >"$work/log" 2>&1 || bad "import: $(tail -3 "$work/log")"

# The bytes a signature covers, and its CMS, as files: for openssl cms.
# split_signature PDF N OUT_PREFIX (N counts from 1, in file order)
split_signature() {
  /usr/bin/python3 - "$@" <<'PY'
import re, sys
pdf, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
data = open(pdf, "rb").read()
found = list(re.finditer(rb"/ByteRange \[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]", data))
a, b, c, d = (int(x) for x in found[n - 1].groups())
open(out + ".bin", "wb").write(data[a:a + b] + data[c:c + d])
der = bytes.fromhex(data[a + b + 1:c - 1].decode())
# The value is padded with zeros to the space kept for it: its DER length says where it ends.
size = der[1] if der[1] < 0x80 else int.from_bytes(der[2:2 + (der[1] & 0x7f)], "big") + (der[1] & 0x7f)
open(out + ".der", "wb").write(der[:2 + size])
PY
}
cms_ok() {  # PDF N: openssl's verdict on signature N, chain included
  split_signature "$1" "$2" "$work/sig" &&
    openssl cms -verify -binary -inform DER -in "$work/sig.der" -content "$work/sig.bin" -CAfile "$keys/ca.pem" \
      -purpose any -out /dev/null 2>"$work/cms.err"
}

# A launch signed as the regent: every contract and certificate.
"$bin" launch --out "$work/out" --quiet --p12 "$keys/signer.p12" --pass-env PW --sign-as kepala_daerah \
  --sign-time "$time_b" >>"$work/log" 2>&1 || bad "signed launch: $(tail -3 "$work/log")"
contract="$work/out/2026/launching/dinkes/perjanjian-kinerja.pdf"
[ -f "$contract" ] && ok || bad "no contract at $contract"
signed=0 total=0
for f in "$work"/out/2026/launching/*/perjanjian-kinerja.pdf "$work"/out/2026/certificates/0*.pdf; do
  total=$((total + 1))
  pdfsig "$f" 2>/dev/null >"$work/pdfsig" && grep -q "Signature is Valid" "$work/pdfsig" &&
    grep -q "Total document signed" "$work/pdfsig" && signed=$((signed + 1))
done
[ "$total" -gt 10 ] && [ "$signed" = "$total" ] && ok || bad "pdfsig: $signed of $total documents signed and valid"
cms_ok "$contract" 1 && ok || bad "openssl cms on the contract: $(cat "$work/cms.err")"
qpdf --check "$contract" >/dev/null 2>&1 && ok || bad "qpdf --check on the signed contract"
"$bin" verify "$contract" --trust "$keys/trust" >"$work/v" 2>&1 && grep -q "^SIGNED: signature 1 of 1" "$work/v" &&
  grep -q "certificate chain: trusted" "$work/v" && grep -q "^VALID: .* byte for byte" "$work/v" && ok ||
  bad "verify the signed contract: $(cat "$work/v")"
# The appearance sits in the regent's block: his name and the words, on the page.
pdftotext -layout "$contract" - | grep -q "Ditandatangani secara elektronik" && ok || bad "no visible signature"
# A run again with the same signer makes nothing: unchanged documents are not signed again.
before=$(sha256sum "$contract")
"$bin" launch --out "$work/out" --quiet --p12 "$keys/signer.p12" --pass-env PW --sign-as kepala_daerah \
  >"$work/again" 2>&1
grep -q "made 0, unchanged" "$work/again" && [ "$(sha256sum "$contract")" = "$before" ] && ok ||
  bad "re-run: $(tail -1 "$work/again")"

# The agency head signs second, in turn: the first revision stays byte for byte.
"$bin" sign "$contract" --p12 "$keys/second.p12" --pass-fd 3 --signer-field kepala_instansi \
  --sign-time 2026-02-24T10:00:00+07:00 -o "$work/both.pdf" 3<<<"rahasia" >>"$work/log" 2>&1 ||
  bad "second signature: $(tail -2 "$work/log")"
cmp -s <(head -c "$(stat -c %s "$contract")" "$work/both.pdf") "$contract" && ok || bad "first revision changed"
pdfsig "$work/both.pdf" 2>/dev/null >"$work/pdfsig"
[ "$(grep -c "Signature is Valid" "$work/pdfsig")" = 2 ] && grep -q "Not total document signed" "$work/pdfsig" &&
  ok || bad "pdfsig after the second signature: $(cat "$work/pdfsig")"
cms_ok "$work/both.pdf" 1 && cms_ok "$work/both.pdf" 2 && ok || bad "openssl cms on both: $(cat "$work/cms.err")"
qpdf --check "$work/both.pdf" >/dev/null 2>&1 && ok || bad "qpdf --check after the second signature"
"$bin" verify "$work/both.pdf" --trust "$keys/trust" >"$work/v" 2>&1 && [ "$(grep -c "^SIGNED" "$work/v")" = 2 ] &&
  grep -q "add only signatures" "$work/v" && grep -q "^VALID: .* only signatures added" "$work/v" && ok ||
  bad "verify both: $(cat "$work/v")"

# Signed in place, then the launch run again: the file is the one made with a signature
# added, so it is left as it is (making it again would drop the signature).
cp "$contract" "$work/contract-b.pdf" && cp "$work/both.pdf" "$contract"
"$bin" launch --out "$work/out" --quiet --p12 "$keys/signer.p12" --pass-env PW --sign-as kepala_daerah \
  >"$work/again" 2>&1
grep -q "made 0, unchanged" "$work/again" && cmp -s "$contract" "$work/both.pdf" && ok ||
  bad "a re-run after the second signature: $(tail -1 "$work/again")"
# Made again (--force stands for changed data): said, not silent.
"$bin" launch --out "$work/out" --quiet --agency dinkes --force --p12 "$keys/signer.p12" --pass-env PW \
  --sign-as kepala_daerah --sign-time "$time_b" >"$work/again" 2>&1
grep -q "warning: .*signed after it was made; made again" "$work/again" && ok ||
  bad "no warning when a signed file is made again: $(cat "$work/again")"
cp "$work/contract-b.pdf" "$contract"

# One byte changed in the signed range: every validator says no.
/usr/bin/python3 -c "
import sys; b = bytearray(open(sys.argv[1], 'rb').read()); i = b.find(b'/Producer'); b[i + 3] ^= 1
open(sys.argv[2], 'wb').write(b)" "$work/both.pdf" "$work/tampered.pdf"
! pdfsig "$work/tampered.pdf" 2>/dev/null | grep -q "Signature is Valid" && ok || bad "pdfsig took a changed byte"
! cms_ok "$work/tampered.pdf" 1 && ok || bad "openssl cms took a changed byte"
! "$bin" verify "$work/tampered.pdf" >"$work/v" 2>&1 && grep -q "^BROKEN" "$work/v" && ok ||
  bad "verify took a changed byte: $(cat "$work/v")"
# Content edited after signing, in a revision of its own: the signature still covers
# its revision, but verify says the document changed.
/usr/bin/python3 - "$contract" "$work/edited.pdf" <<'PY'
import re, sys
data = open(sys.argv[1], "rb").read()
size = int(re.findall(rb"/Size (\d+)", data)[-1])
prev = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
root = re.findall(rb"/Root (\d+ \d+ R)", data)[-1]
content = int(re.search(rb"/Contents (\d+) 0 R", data).group(1))
body = b"BT /F1 40 Tf 100 400 Td (BATAL) Tj ET"
obj = b"%d 0 obj\n<< /Length %d >>\nstream\n%s\nendstream\nendobj\n" % (content, len(body), body)
at = len(data)
xref_at = at + len(obj)
update = obj + b"xref\n%d 1\n%010d 00000 n \ntrailer\n<< /Size %d /Root %s /Prev %d >>\nstartxref\n%d\n%%%%EOF\n" % (
    content, at, size, root, prev, xref_at)
open(sys.argv[2], "wb").write(data + update)
PY
! "$bin" verify "$work/edited.pdf" >"$work/v" 2>&1 && grep -q "CHANGE THE DOCUMENT: page 1\|CHANGE THE DOCUMENT: changes object" "$work/v" &&
  ok || bad "verify took an edit after signing: $(cat "$work/v")"

# Refusals, each naming the file and why, nothing written.
refuse() {  # P12 EXPECTED-TEXT
  rm -f "$work/refused.pdf"
  ! "$bin" sign "$contract" --p12 "$keys/$1" --pass-env PW --signer-field kepala_instansi -o "$work/refused.pdf" \
    >"$work/r" 2>&1 && grep -q "$2" "$work/r" && [ ! -e "$work/refused.pdf" ] && ok || bad "$1: $(cat "$work/r")"
}
refuse expired.p12 "expired on 2021-01-01"
refuse nokeyusage.p12 "is not meant for signing"
refuse nokey.p12 "holds no private key"
PW=salah refuse signer.p12 "wrong passphrase"
! "$bin" sign "$work/both.pdf" --p12 "$keys/signer.p12" --pass-env PW --signer-field kepala_daerah -o "$work/x.pdf" \
  >"$work/r" 2>&1 && grep -q "already signed" "$work/r" && ok || bad "a signed field signed again: $(cat "$work/r")"
head -c 5000 "$contract" >"$work/cut.pdf"
! "$bin" sign "$work/cut.pdf" --p12 "$keys/signer.p12" --pass-env PW -o "$work/x.pdf" >"$work/r" 2>&1 &&
  grep -q "cut.pdf: the PDF is damaged" "$work/r" && ok || bad "damaged PDF: $(cat "$work/r")"
! "$bin" sign "$contract" --p12 "$keys/signer.p12" -o "$work/x.pdf" </dev/null >"$work/r" 2>&1 &&
  grep -q "never taken from the command line" "$work/r" && ok || bad "no passphrase: $(cat "$work/r")"
! "$bin" launch --out "$work/out" --quiet --p12 "$keys/signer.p12" --pass-env PW >"$work/r" 2>&1 &&
  grep -q "needs --sign-as" "$work/r" && ok || bad "batch without --sign-as: $(cat "$work/r")"

# The same key, input and time: the same bytes.
for n in 1 2; do
  "$bin" sign "$contract" --p12 "$keys/second.p12" --pass-env PW --signer-field kepala_instansi \
    --sign-time 2026-02-24T10:00:00+07:00 -o "$work/same$n.pdf" >/dev/null 2>&1
done
cmp -s "$work/same1.pdf" "$work/same2.pdf" && cmp -s "$work/same1.pdf" "$work/both.pdf" && ok || bad "not deterministic"

# A signature time stamp (PAdES B-T) from a local authority.
/usr/bin/python3 tests/e2e/tsa_server.py "$keys" "$work/tsa.port" &
tsa=$!
for _ in $(seq 50); do [ -s "$work/tsa.port" ] && break; sleep 0.1; done
"$bin" sign "$contract" --p12 "$keys/second.p12" --pass-env PW --signer-field kepala_instansi \
  --tsa "http://127.0.0.1:$(cat "$work/tsa.port")/" -o "$work/stamped.pdf" >"$work/r" 2>&1 || bad "tsa: $(cat "$work/r")"
"$bin" verify "$work/stamped.pdf" --trust "$keys/trust" >"$work/v" 2>&1 &&
  grep -q "time-stamped .* the token intact" "$work/v" && ok || bad "time stamp: $(cat "$work/v")"
cms_ok "$work/stamped.pdf" 2 && ok || bad "openssl cms with a time stamp: $(cat "$work/cms.err")"
kill "$tsa" 2>/dev/null
! "$bin" sign "$contract" --p12 "$keys/second.p12" --pass-env PW --signer-field kepala_instansi \
  --tsa "http://127.0.0.1:9/" -o "$work/x.pdf" >"$work/r" 2>&1 && grep -q "cannot reach the time-stamping" "$work/r" &&
  ok || bad "unreachable authority: $(cat "$work/r")"
finish sign
