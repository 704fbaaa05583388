#!/bin/sh
# Cuts Noto Sans CJK SC down to the characters the Chinese link-preview images draw (every zh
# message and label that DejaVu Sans lacks, as `okx-doctor-og --cjk-chars` lists them from the
# catalog) and writes data/fonts/NotoSansCJKsc-Regular-subset.otf. Re-run it after a data refresh
# when tests/og.rs reports missing characters. See data/fonts/README.md.
#
# Needs: Debian fonts-noto-cjk (apt-get install -y fonts-noto-cjk) and fontTools (Debian
# python3-fonttools or pip install fonttools). NOTO_CJK=<path to the .ttc> and PYTHON=<python with
# fontTools> override the defaults.
set -eu
cd "$(dirname "$0")/.."
src=${NOTO_CJK:-/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc}
out=data/fonts/NotoSansCJKsc-Regular-subset.otf
if [ -z "${PYTHON:-}" ]; then
  for p in python3 /usr/bin/python3; do
    if "$p" -c 'import fontTools' 2>/dev/null; then PYTHON=$p; break; fi
  done
fi
[ -n "${PYTHON:-}" ] || { echo "fontTools not found: apt-get install -y python3-fonttools (or pip install fonttools)" >&2; exit 1; }
[ -f "$src" ] || { echo "$src not found: apt-get install -y fonts-noto-cjk" >&2; exit 1; }
chars=$(mktemp)
trap 'rm -f "$chars"' EXIT
cargo run --quiet --bin okx-doctor-og -- --cjk-chars >"$chars"
# Face 2 of the collection is Noto Sans CJK SC (0 JP, 1 KR, 2 SC, 3 TC, 4 HK). No layout
# features (the images need no shaping), no hinting; plain CFF charstrings (no subroutines: a
# smaller file, and faster to draw).
"$PYTHON" -m fontTools.subset "$src" --font-number=2 --text-file="$chars" \
  --layout-features='' --no-hinting --desubroutinize --output-file="$out"
echo "$out: $(($(wc -m <"$chars") - 1)) characters, $(wc -c <"$out") bytes"
