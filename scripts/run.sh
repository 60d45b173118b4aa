#!/usr/bin/env bash
# The main job on the bundled inputs: set up, build, import into outputs/inovasi.db,
# check the records and render every document into outputs/. The sample data has
# planted problems, so validation reporting errors (exit 1) is expected here; anything
# else failing stops the script.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/scripts/build.sh"
cd "$root"
inovasi=build/pipeline/inovasi
export INOVASI_DB="$root/outputs/inovasi.db"
mkdir -p outputs
"$inovasi" import inputs --agency bappedalitbang --year 2026
status=0
"$inovasi" validate --year 2026 || status=$?
if [ "$status" -gt 1 ]; then exit "$status"; fi
# The Launching Inovasi pack (contracts, certificates, print file, recap, register), then
# every other document, the desk-review packets and the IGA workbook. Re-runs make only
# what changed.
"$inovasi" launch --year 2026 --out outputs || [ $? -eq 1 ]
"$inovasi" render all --year 2026 --out outputs
"$inovasi" export iga --year 2026 --out outputs
# The workbooks the agencies fill in: a blank one, and one per agency with what the store holds.
"$inovasi" export input-workbook --out outputs
for agency in $("$inovasi" list agencies --json | sed -n 's/^ *"kode": "\(.*\)",*$/\1/p'); do
  "$inovasi" export input-workbook --agency "$agency" --out outputs/buku-kerja >/dev/null
done
echo "store: $INOVASI_DB ($("$inovasi" list agencies | tail -1), $("$inovasi" list innovations | tail -1))"
