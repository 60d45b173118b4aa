#!/usr/bin/env bash
# Installs what inovasi needs from Debian packages. Idempotent: prints nothing and
# touches nothing when everything is already installed. Works as root or with sudo.
# --tests adds what only the tests use: LibreOffice (a workbook re-saved by another
# tool), zip, clang with its libFuzzer runtime (the fuzz targets), and the sqlite3
# shell (tests that change a store as an older build or a hand could have), and
# clang-format (the code's layout is checked, scripts/check-format.sh), and curl, Chromium
# with its driver and python3-selenium (the verification service's tests drive a browser;
# the openssl tool makes their TLS certificate, and the signing test's keys and time-stamping
# authority, which python3 serves).
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libhpdf-dev libxlsxwriter-dev libkainjow-mustache-dev libpoco-dev libssl-dev libmimalloc-dev libharfbuzz-dev zlib1g-dev libdeflate-dev
  libsqlite3-dev libgtest-dev libexpat1-dev
  libqpdf-dev  # reads the PDFs that are signed
  libqrencode-dev  # the oracle the tests hold our QR encoder to
  libsodium-dev  # the team's passwords, hashed with Argon2id
  fonts-liberation fonts-dejavu-core fonttools
  poppler-utils qpdf unzip
)
if [ "${1:-}" = "--tests" ]; then
  packages+=(libreoffice-calc-nogui zip clang libclang-rt-14-dev zbar-tools time sqlite3 clang-format curl
    chromium chromium-driver python3 python3-selenium openssl)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then bash "$(dirname "$0")/cut-fonts.sh"; exit 0; fi

if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
echo "setup: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq >/dev/null
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
bash "$(dirname "$0")/cut-fonts.sh"
