#!/usr/bin/env bash
# Cuts every font the manifest names down to Latin-1, Latin Extended-A and the usual
# punctuation (what Indonesian text uses), into fonts/cut/. libharu embeds fonts nearly
# whole, so the cut makes each PDF several times smaller and faster; characters outside
# the cut still print, from the full font. Idempotent: existing cuts are kept.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
manifest="$root/fonts/fonts.json"
cut="$root/fonts/cut"
mkdir -p "$cut"
unicodes="U+0020-007E,U+00A0-017F,U+0192,U+02C6,U+02DC,U+2013-2014,U+2018-201E,U+2020-2022,U+2026,U+2030,U+2039-203A,U+20AC,U+2122"
/usr/bin/python3 - "$manifest" <<'PY' | while read -r font; do
import json, sys
for family, styles in json.load(open(sys.argv[1])).items():
    if not family.startswith("_"):
        for path in styles.values():
            print(path)
PY
  [ -f "$font" ] || continue
  out="$cut/$(basename "${font%.*}")-latin.ttf"
  [ -s "$out" ] && continue
  pyftsubset "$font" --unicodes="$unicodes" --output-file="$out.tmp" --layout-features='' --no-hinting \
    --name-IDs='*' --name-languages='*' --notdef-outline --recommended-glyphs 2>/dev/null
  # libharu registers fonts by PostScript name: the cut needs its own, or the full font
  # (loaded for characters the cut lacks) would resolve to the cut again.
  /usr/bin/python3 - "$out.tmp" <<'PY'
import sys
from fontTools.ttLib import TTFont
font = TTFont(sys.argv[1])
for record in font["name"].names:
    if record.nameID == 6:
        record.string = str(record.toUnicode()) + "-Latin"
font.save(sys.argv[1])
PY
  mv "$out.tmp" "$out"
done
