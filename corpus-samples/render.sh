#!/usr/bin/env bash
# corpus-samples/render.sh — re-render the sample corpus from sources/*.txt
#
# Usage:   bash corpus-samples/render.sh          (from anywhere)
#
# Produces  seeds/   one or more rendered files per source piece (.docx .doc .pdf .html .txt)
#           broken/  failure fixtures (empty, truncated, encrypted, image-only, garbage, blank,
#                    a PDF cut off before its fonts, random bytes named .docx)
# and then extracts the text back out of every rendered file and compares it with its
# source (exits non-zero if any Chinese text is lost).
#
# The rendered files are committed, so the Java tests never need these tools.
# This script installs nothing. It needs (Debian 12 package names):
#   libreoffice-writer-nogui  soffice: docx -> pdf / doc, and `soffice --cat` for checks
#   fonts-wqy-zenhei          CJK font "WenQuanYi Zen Hei", embedded (subset) in every PDF
#   python3-docx              builds the .docx files (run with /usr/bin/python3, not a pyenv one)
#   python3-pikepdf           pins PDF dates/ids so re-renders are byte-stable (dependency of img2pdf)
#   qpdf                      encrypted.pdf, page extraction
#   poppler-utils             pdftoppm (scanned.pdf), pdftotext + pdffonts (checks)
#   img2pdf                   wraps the page image into the image-only scanned.pdf
#   libc-bin                  iconv (GBK / GB18030 text files)
#   e.g.  apt-get install -y libreoffice-writer-nogui fonts-wqy-zenhei python3-docx \
#             python3-pikepdf qpdf poppler-utils img2pdf
#
# Idempotent: seeds/ and broken/ are rebuilt from scratch on every run. The .docx, .pdf,
# .html, .txt and broken files come out byte-identical on re-runs (fixed dates, fixed
# random seed); the LibreOffice .doc files and encrypted.pdf (random AES salt) may differ
# in bytes but not in text.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$HERE"
PY="${SHUZHI_PYTHON:-/usr/bin/python3}"
FIXED_DATE="2024-01-01T00:00:00Z"

# ---------------------------------------------------------------- tool check
missing=()
need() { command -v "$1" >/dev/null 2>&1 || missing+=("$1 (Debian: $2)"); }
need soffice   libreoffice-writer-nogui
need qpdf      qpdf
need pdftotext poppler-utils
need pdffonts  poppler-utils
need pdftoppm  poppler-utils
need img2pdf   img2pdf
need iconv     libc-bin
if [ -x "$PY" ]; then
  "$PY" -c 'import docx' 2>/dev/null   || missing+=("python module docx for $PY (Debian: python3-docx)")
  "$PY" -c 'import pikepdf' 2>/dev/null || missing+=("python module pikepdf for $PY (Debian: python3-pikepdf)")
else
  missing+=("$PY (Debian: python3)")
fi
fc-list 2>/dev/null | grep -ci 'WenQuanYi Zen Hei' >/dev/null || missing+=("font WenQuanYi Zen Hei (Debian: fonts-wqy-zenhei)")
if [ ${#missing[@]} -gt 0 ]; then
  echo "render.sh: missing tools:" >&2
  printf '  - %s\n' "${missing[@]}" >&2
  echo "install with: apt-get install -y libreoffice-writer-nogui fonts-wqy-zenhei python3-docx python3-pikepdf qpdf poppler-utils img2pdf" >&2
  exit 1
fi

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/docx" "$WORK/out/seeds" "$WORK/out/broken" "$WORK/lo"
LO=(soffice --headless --norestore "-env:UserInstallation=file://$WORK/lo/profile")

touch sources/.shuzhi-ignore   # the pipeline skips folders that contain this marker

# ---------------------------------------------------------------- 1. docx + html + txt (python)
"$PY" - "$HERE" "$WORK" <<'PYEOF'
import copy, datetime, html, os, re, sys, zipfile
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

here, work = sys.argv[1], sys.argv[2]
SRC = os.path.join(here, 'sources')
DOCX = os.path.join(work, 'docx')
OUT = os.path.join(work, 'out', 'seeds')
CJK = 'WenQuanYi Zen Hei'
FIXED = datetime.datetime(2024, 1, 1, 0, 0, 0)

def read_lines(name):
    with open(os.path.join(SRC, name), encoding='utf-8') as f:
        return f.read().split('\n')

def set_fonts(style, size=None, bold=None):
    style.font.name = CJK
    rpr = style.element.get_or_add_rPr()
    rfonts = rpr.find(qn('w:rFonts'))
    for a in ('w:asciiTheme', 'w:hAnsiTheme', 'w:eastAsiaTheme', 'w:cstheme'):
        if rfonts.get(qn(a)) is not None:
            del rfonts.attrib[qn(a)]
    for a in ('w:ascii', 'w:hAnsi', 'w:eastAsia', 'w:cs'):
        rfonts.set(qn(a), CJK)
    style.font.color.rgb = RGBColor(0, 0, 0)
    if size: style.font.size = Pt(size)
    if bold is not None: style.font.bold = bold

def add_field(par, instr):
    """Complex field (w:fldChar), e.g. PAGE / NUMPAGES; LibreOffice and Word both evaluate it."""
    def run_with(el):
        r = OxmlElement('w:r'); r.append(el); par._p.append(r)
    b = OxmlElement('w:fldChar'); b.set(qn('w:fldCharType'), 'begin'); run_with(b)
    t = OxmlElement('w:instrText'); t.set(qn('xml:space'), 'preserve'); t.text = ' %s ' % instr; run_with(t)
    s = OxmlElement('w:fldChar'); s.set(qn('w:fldCharType'), 'separate'); run_with(s)
    v = OxmlElement('w:t'); v.text = '1'; run_with(v)
    e = OxmlElement('w:fldChar'); e.set(qn('w:fldCharType'), 'end'); run_with(e)

def footer_text(par, pattern):
    """pattern uses {PAGE} / {NUMPAGES} placeholders."""
    for piece in re.split(r'(\{PAGE\}|\{NUMPAGES\})', pattern):
        if piece in ('{PAGE}', '{NUMPAGES}'):
            add_field(par, piece[1:-1])
        elif piece:
            par.add_run(piece)

H1 = re.compile(r'^[一二三四五六七八九十]+、')
H_PAREN = re.compile(r'^[（(][一二三四五六七八九十]+[）)]')
H_NUM = re.compile(r'^\d+、')

def heading_level_plain(line, has_paren):
    """一、 -> 1; （一）/(一) -> 2; 1、 -> 2, or 3 when the text also uses （一）."""
    if H1.match(line): return 1
    if H_PAREN.match(line): return 2
    if H_NUM.match(line): return 3 if has_paren else 2
    return 0

def add_inline_md(par, text):
    for i, piece in enumerate(re.split(r'\*\*', text)):
        if piece:
            run = par.add_run(piece)
            if i % 2 == 1: run.bold = True

def build(src, dst, header=None, footer=None, markdown=False, skip_blank=True):
    lines = read_lines(src)
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21), Cm(29.7)           # A4, 党政公文 margins
    sec.top_margin, sec.bottom_margin = Cm(3.7), Cm(3.5)
    sec.left_margin, sec.right_margin = Cm(2.8), Cm(2.6)
    sec.header_distance, sec.footer_distance = Cm(1.5), Cm(2.0)
    normal = doc.styles['Normal']
    set_fonts(normal, size=14)
    lang = OxmlElement('w:lang')
    for a in ('w:val', 'w:eastAsia'):
        lang.set(qn(a), 'zh-CN')
    normal.element.get_or_add_rPr().append(lang)
    rpr_default = doc.styles.element.find(qn('w:docDefaults')).find(qn('w:rPrDefault')).find(qn('w:rPr'))
    for old in rpr_default.findall(qn('w:lang')):
        rpr_default.remove(old)
    rpr_default.append(copy.deepcopy(lang))
    normal.paragraph_format.line_spacing = 1.25
    normal.paragraph_format.space_after = Pt(0)
    for lvl, size in ((1, 16), (2, 14), (3, 14), (4, 14)):
        st = doc.styles['Heading %d' % lvl]
        set_fonts(st, size=size, bold=True)
        st.paragraph_format.space_before = Pt(6)
        st.paragraph_format.space_after = Pt(3)
    if header:
        hp = sec.header.paragraphs[0]
        hp.text = header
        hp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    if footer:
        fp = sec.footer.paragraphs[0]
        fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
        footer_text(fp, footer)
    has_paren = any(H_PAREN.match(l) for l in lines)
    for line in lines:
        if markdown:
            txt = line.rstrip()
            if not txt.strip() or re.fullmatch(r'-{3,}', txt.strip()):
                continue
            m = re.match(r'^(#{1,4})\s+(.*)$', txt)
            if m:
                p = doc.add_paragraph(style='Heading %d' % len(m.group(1)))
                add_inline_md(p, m.group(2))
            else:
                p = doc.add_paragraph()
                p.paragraph_format.first_line_indent = Pt(28)
                add_inline_md(p, txt)
            continue
        if skip_blank and not line.strip():
            continue
        lvl = heading_level_plain(line, has_paren)
        if lvl:
            doc.add_paragraph(line, style='Heading %d' % lvl)
        else:
            p = doc.add_paragraph(line)
            p.paragraph_format.first_line_indent = Pt(28)
    cp = doc.core_properties
    cp.author = ''; cp.last_modified_by = ''; cp.title = ''; cp.comments = ''; cp.revision = 1
    cp.created = FIXED; cp.modified = FIXED; cp.last_printed = FIXED
    doc.save(dst)
    normalise_zip(dst)

def normalise_zip(path):
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            zi = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, data)

# kept as .docx
build('s3-2-town-report.txt', os.path.join(DOCX, 's3-2-town-report.docx'),
      header='高昌镇党委书记抓基层党建工作述职报告', footer='- {PAGE} -')
build('s3-4-review-speech.txt', os.path.join(DOCX, 's3-4-review-speech.docx'), footer='{PAGE}')
build('s0-hengyang-notice.txt', os.path.join(DOCX, 's0-hengyang-notice.docx'),
      footer='- {PAGE} -', markdown=True)
# intermediates for LibreOffice (-> pdf / doc)
for d in ('to-pdf', 'to-doc'):
    os.makedirs(os.path.join(DOCX, d), exist_ok=True)
build('s3-1-county-speech.txt', os.path.join(DOCX, 'to-pdf', 's3-1-county-speech.docx'),
      header='在全县党组织书记抓基层党建工作述职评议大会上的讲话', footer='第 {PAGE} 页 共 {NUMPAGES} 页')
build('s1-zhoukou-opinion.txt', os.path.join(DOCX, 'to-pdf', 's1-zhoukou-opinion.docx'),
      header='中共周口职业技术学院委员会', footer='- {PAGE} -')
build('s3-3-landbureau-report.txt', os.path.join(DOCX, 'to-doc', 's3-3-landbureau-report.docx'),
      header='市国土资源局党支部', footer='- {PAGE} -')
build('s2-shanghai-notice.txt', os.path.join(DOCX, 'to-doc', 's2-shanghai-notice.docx'),
      footer='— {PAGE} —', markdown=True)

# s3-5 as a scraped web page: <p> per paragraph plus nav / script / footer noise
lines = [l for l in read_lines('s3-5-review-speech.txt') if l.strip()]
title = '在区直单位党组织书记抓基层党建工作述职评议会上的点评讲话'
body = '\n'.join('<p>%s</p>' % html.escape(l, quote=False) for l in lines)
page = '''<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>%(title)s_讲话稿_党建范文网</title>
<meta name="keywords" content="述职评议,点评讲话,基层党建">
<style>body{font-family:sans-serif;margin:0}.nav a{margin:0 8px}.footer{color:#888;font-size:12px}</style>
<script>
var _hmt = _hmt || [];
(function () { var hm = document.createElement("script"); hm.src = "https://stats.example.com/hm.js?4f2a"; document.head.appendChild(hm); })();
document.addEventListener("copy", function () { alert("复制内容请注明出处：党建范文网，开通会员可免费下载全文"); });
</script>
</head>
<body>
<div class="nav"><a href="/">首页</a><a href="/jianghua/">讲话稿</a><a href="/shuzhi/">述职报告</a><a href="/dangjian/">党建材料</a><a href="/vip/">开通会员</a><a href="/login/">登录</a></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/jianghua/">讲话稿</a> &gt; 正文</div>
<div class="article">
<h1>%(title)s</h1>
<div class="meta">发布时间：2023-03-02　来源：网友投稿　阅读：2381次</div>
%(body)s
</div>
<div class="related">相关推荐：<a href="/jianghua/1.html">在党组织书记述职评议会上的讲话</a> <a href="/shuzhi/2.html">2023年度抓基层党建工作述职报告</a></div>
<div class="footer">版权所有 © 2016-2023 党建范文网 All Rights Reserved　本站文章来自网友投稿，如有侵权请联系删除　备案号：X-ICP备00000000号</div>
<script>console.log("页面加载完成");</script>
</body>
</html>
''' % {'title': title, 'body': body}
with open(os.path.join(OUT, 's3-5-review-speech.html'), 'w', encoding='utf-8', newline='\n') as f:
    f.write(page)
PYEOF

# move the kept docx into place
cp "$WORK"/docx/*.docx "$WORK/out/seeds/"

# ---------------------------------------------------------------- 2. LibreOffice conversions
# s3-2: same docx -> multi-page pdf; s3-1, s1: docx -> pdf; s3-3, s2: docx -> Word 97 .doc
"${LO[@]}" --convert-to pdf:writer_pdf_Export --outdir "$WORK/pdf" \
  "$WORK/docx/s3-2-town-report.docx" "$WORK"/docx/to-pdf/*.docx >/dev/null 2>&1
"${LO[@]}" --convert-to "doc:MS Word 97" --outdir "$WORK/out/seeds" "$WORK"/docx/to-doc/*.docx >/dev/null 2>&1

# pin dates + /ID in the PDFs so re-renders are byte-identical
pin_pdf() {  # pin_pdf SRC DST
  "$PY" - "$1" "$2" <<'PYEOF'
import hashlib, os, sys, pikepdf
src, dst = sys.argv[1], sys.argv[2]
with pikepdf.open(src) as pdf:
    for k in ('/CreationDate', '/ModDate'):
        pdf.docinfo[k] = pikepdf.String("D:20240101000000Z")
    if '/DocChecksum' in pdf.trailer:                       # LibreOffice's, changes every run
        del pdf.trailer['/DocChecksum']
    fid = pikepdf.String(hashlib.md5(os.path.basename(dst).encode()).digest())
    pdf.trailer.ID = pikepdf.Array([fid, fid])
    pdf.save(dst, static_id=True, compress_streams=True)
PYEOF
}
for f in "$WORK"/pdf/*.pdf; do pin_pdf "$f" "$WORK/out/seeds/$(basename "$f")"; done

# ---------------------------------------------------------------- 3. encoded .txt
cp sources/s3-6-city-plan.txt "$WORK/out/seeds/s3-6-city-plan.txt"                           # UTF-8
iconv -f UTF-8 -t GBK     sources/s3-3-landbureau-report.txt > "$WORK/out/seeds/s3-3-landbureau-report.txt"
iconv -f UTF-8 -t GB18030 sources/s4-district-plan.txt       > "$WORK/out/seeds/s4-district-plan.txt"  # has U+00A0, not in GBK

# ---------------------------------------------------------------- 4. broken fixtures
B="$WORK/out/broken"
: > "$B/empty.docx"
size=$(stat -c %s "$WORK/out/seeds/s3-4-review-speech.docx")
head -c $((size / 2)) "$WORK/out/seeds/s3-4-review-speech.docx" > "$B/corrupt.docx"
qpdf --empty --pages "$WORK/out/seeds/s1-zhoukou-opinion.pdf" 1 -- "$WORK/page1.pdf"
qpdf --encrypt shuzhi-user shuzhi-owner 256 -- "$WORK/page1.pdf" "$B/encrypted.pdf"
pdftoppm -r 100 -f 1 -l 1 -gray -jpeg -jpegopt quality=40 "$WORK/out/seeds/s1-zhoukou-opinion.pdf" "$WORK/scan"
img2pdf --creationdate "$FIXED_DATE" --moddate "$FIXED_DATE" -o "$WORK/scan.pdf" "$WORK/scan-1.jpg"
pin_pdf "$WORK/scan.pdf" "$B/scanned.pdf"                 # img2pdf's /ID is not stable across runs
size=$(stat -c %s "$WORK/out/seeds/s3-2-town-report.pdf")   # first 10%: page 1's text, but not the fonts' maps
head -c $((size / 10)) "$WORK/out/seeds/s3-2-town-report.pdf" > "$B/truncated.pdf"
"$PY" - "$B" <<'PYEOF'
import os, random, sys
out = sys.argv[1]
rnd = random.Random(20240101)
with open(os.path.join(out, 'garbage.pdf'), 'wb') as f:      # PDF magic, then noise
    f.write(b'%PDF-1.7\n' + rnd.randbytes(8192))
with open(os.path.join(out, 'garbage.docx'), 'wb') as f:     # noise with a Word name
    f.write(random.Random(20240102).randbytes(8192))
with open(os.path.join(out, 'blank.txt'), 'w', encoding='utf-8', newline='\n') as f:
    f.write('   \n\n\t\n \u3000 \n\n')                       # spaces, tab, ideographic space U+3000
PYEOF

# ---------------------------------------------------------------- 5. install results
rm -rf seeds broken
mv "$WORK/out/seeds" seeds
mv "$WORK/out/broken" broken

# ---------------------------------------------------------------- 6. checks
echo "== checks"
fail=0
mkdir -p "$WORK/x"
# fonts embedded?
for f in seeds/*.pdf; do
  if pdffonts "$f" | awk 'NR>2 && $0 !~ / yes +yes +yes +[0-9]/ && $0 !~ / yes +no +yes +[0-9]/ {bad=1} END{exit bad}'; then
    echo "ok   fonts embedded: $f ($(pdffonts "$f" | awk 'NR>2{print $1}' | sort -u | tr '\n' ' '))"
  else
    echo "FAIL font not embedded: $f"; pdffonts "$f"; fail=1
  fi
done
# text back out
pdftotext -layout -enc UTF-8 seeds/s3-1-county-speech.pdf  "$WORK/x/s3-1-county-speech.pdf.txt"
pdftotext -layout -enc UTF-8 seeds/s3-2-town-report.pdf    "$WORK/x/s3-2-town-report.pdf.txt"
pdftotext -layout -enc UTF-8 seeds/s1-zhoukou-opinion.pdf  "$WORK/x/s1-zhoukou-opinion.pdf.txt"
"${LO[@]}" --cat seeds/s3-3-landbureau-report.doc > "$WORK/x/s3-3-landbureau-report.doc.txt" 2>/dev/null
"${LO[@]}" --cat seeds/s2-shanghai-notice.doc     > "$WORK/x/s2-shanghai-notice.doc.txt" 2>/dev/null
iconv -f GBK     -t UTF-8 seeds/s3-3-landbureau-report.txt > "$WORK/x/s3-3-landbureau-report.txt.txt"
iconv -f GB18030 -t UTF-8 seeds/s4-district-plan.txt       > "$WORK/x/s4-district-plan.txt.txt"
cmp -s "$WORK/x/s3-3-landbureau-report.txt.txt" sources/s3-3-landbureau-report.txt && echo "ok   GBK round-trip byte-identical: seeds/s3-3-landbureau-report.txt" || { echo "FAIL GBK round-trip"; fail=1; }
cmp -s "$WORK/x/s4-district-plan.txt.txt" sources/s4-district-plan.txt && echo "ok   GB18030 round-trip byte-identical: seeds/s4-district-plan.txt" || { echo "FAIL GB18030 round-trip"; fail=1; }
cmp -s seeds/s3-6-city-plan.txt sources/s3-6-city-plan.txt && echo "ok   UTF-8 copy identical: seeds/s3-6-city-plan.txt" || { echo "FAIL s3-6 copy"; fail=1; }
for f in seeds/*.pdf; do
  n=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/{print $2}'); echo "info pages=$n $f"
done
"$PY" - "$HERE" "$WORK/x" <<'PYEOF' || fail=1
import html.parser, os, re, sys
from docx import Document
here, x = sys.argv[1], sys.argv[2]
src = lambda n: open(os.path.join(here, 'sources', n), encoding='utf-8').read()
def norm(s, markdown=False):
    if markdown:
        s = re.sub(r'(?m)^#{1,4}\s+', '', s); s = s.replace('**', ''); s = re.sub(r'(?m)^-{3,}\s*$', '', s)
    return re.sub(r'\s+', '', s.replace('\ufeff', ''))   # soffice --cat prefixes a BOM
def docx_text(p):
    return '\n'.join(par.text for par in Document(p).paragraphs)
class P(html.parser.HTMLParser):
    def __init__(s): super().__init__(); s.inp = False; s.out = []
    def handle_starttag(s, t, a): s.inp = s.inp or t == 'p'
    def handle_endtag(s, t):
        if t == 'p': s.inp = False; s.out.append('\n')
    def handle_data(s, d):
        if s.inp: s.out.append(d)
def html_text(p):
    pp = P(); pp.feed(open(p, encoding='utf-8').read()); return ''.join(pp.out)
def strip_hf(text, header=None):
    out = []
    for l in text.replace('\f', '\n').split('\n'):
        t = l.strip()
        if header and t == header: continue
        if re.fullmatch(r'(-|—)?\s*\d+\s*(-|—)?|第\s*\d+\s*页\s*共\s*\d+\s*页', t): continue
        out.append(l)
    return '\n'.join(out)
S = os.path.join(here, 'seeds')
cases = [
 ('seeds/s3-1-county-speech.pdf', strip_hf(open(os.path.join(x, 's3-1-county-speech.pdf.txt'), encoding='utf-8').read(), '在全县党组织书记抓基层党建工作述职评议大会上的讲话'), 's3-1-county-speech.txt', False),
 ('seeds/s3-2-town-report.pdf', strip_hf(open(os.path.join(x, 's3-2-town-report.pdf.txt'), encoding='utf-8').read(), '高昌镇党委书记抓基层党建工作述职报告'), 's3-2-town-report.txt', False),
 ('seeds/s1-zhoukou-opinion.pdf', strip_hf(open(os.path.join(x, 's1-zhoukou-opinion.pdf.txt'), encoding='utf-8').read(), '中共周口职业技术学院委员会'), 's1-zhoukou-opinion.txt', False),
 ('seeds/s3-2-town-report.docx', docx_text(os.path.join(S, 's3-2-town-report.docx')), 's3-2-town-report.txt', False),
 ('seeds/s3-4-review-speech.docx', docx_text(os.path.join(S, 's3-4-review-speech.docx')), 's3-4-review-speech.txt', False),
 ('seeds/s0-hengyang-notice.docx', docx_text(os.path.join(S, 's0-hengyang-notice.docx')), 's0-hengyang-notice.txt', True),
 ('seeds/s3-3-landbureau-report.doc', open(os.path.join(x, 's3-3-landbureau-report.doc.txt'), encoding='utf-8').read(), 's3-3-landbureau-report.txt', False),
 ('seeds/s2-shanghai-notice.doc', open(os.path.join(x, 's2-shanghai-notice.doc.txt'), encoding='utf-8').read(), 's2-shanghai-notice.txt', True),
 ('seeds/s3-5-review-speech.html', html_text(os.path.join(S, 's3-5-review-speech.html')), 's3-5-review-speech.txt', False),
]
bad = 0
for name, got, source, md in cases:
    a, b = norm(src(source), md), norm(got)
    if a == b:
        print('ok   text == source (whitespace-insensitive%s): %s  [%d chars]' % (', md markers removed' if md else '', name, len(a)))
    else:
        bad = 1
        i = next((k for k in range(min(len(a), len(b))) if a[k] != b[k]), min(len(a), len(b)))
        print('FAIL text differs: %s at %d: source=%r got=%r (len %d vs %d)' % (name, i, a[i:i+30], b[i:i+30], len(a), len(b)))
# heading styles really there
for n in ('s3-2-town-report.docx', 's3-4-review-speech.docx', 's0-hengyang-notice.docx'):
    st = {}
    for p in Document(os.path.join(S, n)).paragraphs:
        if p.style.name.startswith('Heading'): st[p.style.name] = st.get(p.style.name, 0) + 1
    print('info heading styles %s: %s' % (n, dict(sorted(st.items()))))
    if not st: bad = 1; print('FAIL no heading styles in', n)
sys.exit(bad)
PYEOF
# broken fixtures behave as intended
[ ! -s broken/empty.docx ] && echo "ok   broken/empty.docx is 0 bytes" || { echo "FAIL empty.docx"; fail=1; }
"$PY" -c 'import zipfile,sys; zipfile.ZipFile(sys.argv[1])' broken/corrupt.docx 2>/dev/null && { echo "FAIL corrupt.docx opens as zip"; fail=1; } || echo "ok   broken/corrupt.docx is not a readable zip"
pdftotext broken/encrypted.pdf - >/dev/null 2>&1 && { echo "FAIL encrypted.pdf readable without password"; fail=1; } || echo "ok   broken/encrypted.pdf needs a password ($(qpdf --show-encryption --password=shuzhi-user broken/encrypted.pdf 2>/dev/null | grep -E '^R = |AESv3' | tr '\n' ' '))"
[ -z "$(pdftotext broken/scanned.pdf - 2>/dev/null | tr -d '[:space:]')" ] && [ -z "$(pdffonts broken/scanned.pdf | awk 'NR>2')" ] && echo "ok   broken/scanned.pdf has no text layer and no fonts" || { echo "FAIL scanned.pdf has text"; fail=1; }
pdfinfo broken/garbage.pdf >/dev/null 2>&1 && { echo "FAIL garbage.pdf parses"; fail=1; } || echo "ok   broken/garbage.pdf does not parse"
tail -c 1024 broken/truncated.pdf | grep -q '%%EOF' && { echo "FAIL truncated.pdf has its end"; fail=1; } || echo "ok   broken/truncated.pdf has no %%EOF"
"$PY" -c 'import zipfile,sys; zipfile.ZipFile(sys.argv[1])' broken/garbage.docx 2>/dev/null && { echo "FAIL garbage.docx opens as zip"; fail=1; } || echo "ok   broken/garbage.docx is not a zip"
[ -z "$(tr -d ' \t\n' < broken/blank.txt | sed 's/\xe3\x80\x80//g')" ] && echo "ok   broken/blank.txt is whitespace only" || { echo "FAIL blank.txt"; fail=1; }

# every rendered file has exactly one manifest row
"$PY" - <<'PYEOF' || fail=1
import csv, os, sys
rows = list(csv.DictReader(open('manifest.csv', encoding='utf-8')))
listed = [r['file'] for r in rows if r['file'].startswith(('seeds/', 'broken/'))]   # other folders are not ours
actual = sorted(os.path.join(d, n) for d in ('seeds', 'broken') for n in os.listdir(d))
missing, extra = sorted(set(actual) - set(listed)), sorted(set(listed) - set(actual))
dups = sorted({f for f in listed if listed.count(f) > 1})
if missing or extra or dups:
    print('FAIL manifest.csv: not listed %s, listed but absent %s, duplicates %s' % (missing, extra, dups)); sys.exit(1)
print('ok   manifest.csv lists all %d rendered files' % len(actual))
PYEOF

echo "== files"
( cd "$HERE" && ls -l seeds broken | awk 'NF>=9{printf "%8d  %s\n", $5, $9} /^[a-z]+:$/{print}' )
if [ "$fail" -ne 0 ]; then echo "render.sh: CHECKS FAILED" >&2; exit 1; fi
echo "render.sh: all checks passed"
