#!/usr/bin/env bash
# Render the synthetic 述职报告 sources (src/<unit>/<year>.txt) into rendered/<unit>-<year>.<ext>.
#
# Idempotent: every run rebuilds rendered/ from src/ (the text content is identical between runs;
# docx/doc/pdf containers may differ in internal timestamps written by LibreOffice).
#
# Needs: python3-docx (Debian package, used through /usr/bin/python3), libreoffice-writer-nogui (soffice),
#        fonts-wqy-zenhei (embedded in the PDFs), iconv.  Verify afterwards with: tools/verify.py
set -euo pipefail
cd "$(dirname "$0")"
PY=${PYTHON:-/usr/bin/python3}
OUT=rendered
WORK=$(mktemp -d /tmp/shuzhi-render.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
LO_PROFILE="file://$WORK/lo-profile"

# reportId            kind          date        (kind: docx | docx-plain | docx-table | pdf | doc | doc-plain | gbk | utf8 | utf8-bom)
PLAN=$(cat <<'EOF'
jc-univ-mech/2023      docx         2024-01-08
jc-univ-mech/2024      docx         2025-01-10
jc-univ-mech/2025      docx-table   2026-01-12
jc-univ-foreign/2023   pdf          2024-01-09
jc-univ-foreign/2024   doc          2025-01-13
jc-univ-foreign/2025   docx         2026-01-14
jc-univ-econ/2023      docx         2024-01-15
jc-univ-econ/2024      pdf          2025-01-16
jc-univ-econ/2025      gbk          2026-01-16
jc-univ-info/2023      utf8-bom     2024-01-11
jc-univ-info/2024      docx         2025-01-09
jc-univ-info/2025      pdf          2026-01-13
qingshi-town/2023      docx         2024-01-05
qingshi-town/2024      pdf          2025-01-06
qingshi-town/2025      docx         2026-01-07
liuhe-town/2023        gbk          2024-01-18
liuhe-town/2024        gbk          2025-01-20
liuhe-town/2025        doc-plain    2026-01-19
baisha-town/2023       gbk          2024-01-12
baisha-town/2024       utf8         2025-01-14
baisha-town/2025       pdf          2026-01-15
city-finance/2023      pdf          2023-12-01
city-finance/2024      doc-plain    2024-12-02
city-finance/2025      docx         2025-12-03
city-hrss/2023         docx         2023-11-30
city-hrss/2024         docx         2024-12-02
city-hrss/2025         docx         2025-12-01
city-audit/2023        doc-plain    2023-12-04
city-audit/2024        doc-plain    2024-12-03
city-audit/2025        utf8         2025-12-04
dongfang-power-3/2023  docx-plain   2024-01-03
dongfang-power-3/2024  docx-plain   2025-01-06
dongfang-power-3/2025  pdf          2026-01-05
wutong-community/2023  gbk          2024-01-22
wutong-community/2024  utf8         2025-01-21
wutong-community/2025  doc-plain    2026-01-20
EOF
)

secretary() { # name on the report's name line, else the unit's secretary for that year from units.csv
  local unit=$1 year=$2 col
  case $year in 2023) col=4;; 2024) col=5;; 2025) col=6;; esac
  awk -F, -v u="$unit" -v c="$col" '$1==u {print $c}' units.csv
}

mkdir -p "$OUT"
rm -f "$OUT"/*.docx "$OUT"/*.doc "$OUT"/*.pdf "$OUT"/*.txt
mkdir -p "$WORK/pdf" "$WORK/doc"

while read -r rid kind date; do
  [ -z "$rid" ] && continue
  unit=${rid%/*}; year=${rid#*/}
  src="src/$unit/$year.txt"; base="$unit-$year"
  [ -f "$src" ] || { echo "missing $src" >&2; exit 1; }
  author=$(secretary "$unit" "$year")
  case $kind in
    docx)        "$PY" tools/render_docx.py "$src" "$OUT/$base.docx" --author "$author" --date "$date" ;;
    docx-table)  "$PY" tools/render_docx.py "$src" "$OUT/$base.docx" --author "$author" --date "$date" ;;
    docx-plain)  "$PY" tools/render_docx.py "$src" "$OUT/$base.docx" --author "$author" --date "$date" --plain-headings ;;
    pdf)         "$PY" tools/render_docx.py "$src" "$WORK/pdf/$base.docx" --author "$author" --date "$date" --font "WenQuanYi Zen Hei" ;;
    doc)         "$PY" tools/render_docx.py "$src" "$WORK/doc/$base.docx" --author "$author" --date "$date" ;;
    doc-plain)   "$PY" tools/render_docx.py "$src" "$WORK/doc/$base.docx" --author "$author" --date "$date" --plain-headings ;;
    gbk)         # Windows-style: GBK (GB18030 only if a character is missing from GBK), CRLF line ends
                 if ! sed 's/$/\r/' "$src" | iconv -f UTF-8 -t GBK > "$OUT/$base.txt" 2>/dev/null; then
                   echo "note: $src has characters outside GBK, writing GB18030" >&2
                   sed 's/$/\r/' "$src" | iconv -f UTF-8 -t GB18030 > "$OUT/$base.txt"
                 fi ;;
    utf8)        cp "$src" "$OUT/$base.txt" ;;
    utf8-bom)    { printf '\xef\xbb\xbf'; cat "$src"; } > "$OUT/$base.txt" ;;
    *) echo "unknown kind $kind" >&2; exit 1 ;;
  esac
done <<< "$PLAN"

# LibreOffice conversions (one batch per target format; private profile so that parallel soffice runs do not clash)
if compgen -G "$WORK/pdf/*.docx" > /dev/null; then
  soffice -env:UserInstallation="$LO_PROFILE" --headless --convert-to pdf --outdir "$OUT" "$WORK"/pdf/*.docx > "$WORK/lo-pdf.log" 2>&1
fi
if compgen -G "$WORK/doc/*.docx" > /dev/null; then
  soffice -env:UserInstallation="$LO_PROFILE" --headless --convert-to doc:"MS Word 97" --outdir "$OUT" "$WORK"/doc/*.docx > "$WORK/lo-doc.log" 2>&1
fi

expected=$(grep -c . <<< "$PLAN")
actual=$(ls "$OUT" | wc -l)
echo "rendered $actual of $expected files into $OUT/"
[ "$actual" -eq "$expected" ] || { echo "some renders are missing" >&2; cat "$WORK"/lo-*.log >&2 || true; exit 1; }
