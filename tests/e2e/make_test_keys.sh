#!/usr/bin/env bash
# Test keys, made fresh by each run (none is committed), in folder $1: a CA valid from
# 2024, two signers, an expired signer, a signer whose key usage does not allow signing,
# a PKCS#12 without a key, and a time-stamping authority's certificate. Every PKCS#12
# passphrase: rahasia.
set -euo pipefail
cd "$1"
mkdir -p ca.db && : >ca.db/index && echo 1000 >ca.db/serial
cat >ca.cnf <<CNF
[ca]
default_ca = uji
[uji]
database = ca.db/index
serial = ca.db/serial
new_certs_dir = ca.db
certificate = ca.pem
private_key = ca.key
default_md = sha256
policy = any
unique_subject = no
copy_extensions = none
[any]
commonName = supplied
organizationName = optional
countryName = optional
[req]
distinguished_name = dn
[dn]
[root]
basicConstraints = critical,CA:true
keyUsage = critical,keyCertSign,cRLSign
[signing]
keyUsage = critical,digitalSignature,nonRepudiation
[serverish]
keyUsage = critical,keyEncipherment
[tsa]
keyUsage = critical,digitalSignature
extendedKeyUsage = critical,timeStamping
CNF
quiet() { "$@" 2>/dev/null >/dev/null; }
quiet openssl req -new -newkey rsa:2048 -nodes -keyout ca.key -out ca.csr -subj "/C=ID/O=Uji/CN=CA Uji" -config ca.cnf
quiet openssl ca -batch -config ca.cnf -selfsign -keyfile ca.key -extensions root -startdate 20240101000000Z \
  -enddate 20391231000000Z -in ca.csr -out ca.pem
make() {  # name, common name, extension section, start, end
  quiet openssl req -new -newkey rsa:2048 -nodes -keyout "$1.key" -out "$1.csr" -config ca.cnf \
    -subj "/C=ID/O=Pemerintah Kabupaten Uji/CN=$2"
  quiet openssl ca -batch -config ca.cnf -extensions "$3" -startdate "$4" -enddate "$5" -in "$1.csr" -out "$1.pem"
  openssl pkcs12 -export -inkey "$1.key" -in "$1.pem" -certfile ca.pem -passout pass:rahasia -out "$1.p12"
}
make signer "Antonius Ginting" signing 20250101000000Z 20351231000000Z
make second "dr. Maria Br Ginting, M.Kes" signing 20250101000000Z 20351231000000Z
make expired "Pejabat Lama" signing 20200101000000Z 20210101000000Z
make nokeyusage "Server Uji" serverish 20250101000000Z 20351231000000Z
make tsa "Otoritas Waktu Uji" tsa 20250101000000Z 20351231000000Z
openssl pkcs12 -export -nokeys -in signer.pem -passout pass:rahasia -out nokey.p12
