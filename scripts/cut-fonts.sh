#!/usr/bin/env bash
# Cuts every font the manifest names down to what Windows-1252 can encode (Latin-1, the
# few Latin Extended-A letters it has, and the usual punctuation), into fonts/cut/.
# Indonesian text almost always fits, and such a document is written with single-byte
# text (pdf_writer.cpp); libharu writes a face's glyph widths, locations and names whole,
# so fewer glyphs and names make every PDF smaller and faster to compress. Characters
# outside the cut still print, from the full font. Cuts are remade when this recipe changes.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
manifest="$root/fonts/fonts.json"
cut="$root/fonts/cut"
mkdir -p "$cut"
unicodes="U+0020-007E,U+00A0-00FF,U+0152-0153,U+0160-0161,U+0178,U+017D-017E,U+0192,U+02C6,U+02DC,U+2013-2014,U+2018-201E,U+2020-2022,U+2026,U+2030,U+2039-203A,U+20AC,U+2122"
options=(--layout-features='' --no-hinting --name-IDs='0,1,2,3,4,5,6' --name-languages='*' --notdef-outline
         --recommended-glyphs --drop-tables+=GDEF,GPOS,GSUB,gasp)
recipe="cut-3 $unicodes ${options[*]}"
if [ "$(cat "$cut/.recipe" 2>/dev/null)" != "$recipe" ]; then
  rm -f "$cut"/*.ttf
  printf '%s\n' "$recipe" >"$cut/.recipe"
fi
/usr/bin/python3 - "$manifest" <<'PY' | while read -r font; do
import json, sys
for family, styles in json.load(open(sys.argv[1])).items():
    # "_..." are comments and "cadangan" lists the fallback families: neither names files.
    if not family.startswith("_") and isinstance(styles, dict):
        for path in styles.values():
            print(path)
PY
  [ -f "$font" ] || continue
  out="$cut/$(basename "${font%.*}")-latin.ttf"
  [ -s "$out" ] && continue
  pyftsubset "$font" --unicodes="$unicodes" --output-file="$out.tmp" "${options[@]}" 2>/dev/null
  # libharu registers fonts by PostScript name: the cut needs its own, or the full font
  # (loaded for characters the cut lacks) would resolve to the cut again.
  /usr/bin/python3 - "$out.tmp" <<'PY'
import sys
from fontTools.ttLib import TTFont
# The source font's own timestamp, not now: the same fonts cut twice are the same bytes,
# and so are the documents that embed them (tests/e2e/output_bytes.sh pins those).
font = TTFont(sys.argv[1], recalcTimestamp=False)
for record in font["name"].names:
    if record.nameID == 6:
        record.string = str(record.toUnicode()) + "-Latin"
font.save(sys.argv[1])
PY
  mv "$out.tmp" "$out"
done
