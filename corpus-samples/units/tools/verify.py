#!/usr/bin/env python3
"""Check the synthetic corpus: ground truth consistency and text fidelity of every rendered file.

Run with the Debian python (python3-docx):  /usr/bin/python3 tools/verify.py
Checks
  1. every src/<unit>/<year>.txt has a labels/<unit>/<year>.tsv with one row per line, matching prefixes;
  2. every relations.tsv row points at existing reports and its fromText/toText occur on the given lines
     (seed-003#N refers to /work/shared/seeds/003_18af07b5484672c9.txt, toLine = line in that file);
  3. every manifest.csv row exists in rendered/ and every rendered file is in the manifest;
  4. the text extracted from each rendered file (python-docx / LibreOffice / pdftotext / iconv) equals the
     source once whitespace is removed (table rows: '|' separators removed); losses are printed;
  5. PDFs: embedded CJK font (pdffonts) and page count (pdfinfo).
Exit status 1 if anything fails.
"""
import csv, difflib, glob, os, re, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SEED = os.environ.get('SHUZHI_SEED_003', '/work/shared/seeds/003_18af07b5484672c9.txt')
CATS = {'achievement', 'problem', 'cause', 'plan', 'self_assessment', 'rectification', 'other'}
fails = []


def fail(msg):
    fails.append(msg)
    print('FAIL', msg)


def src_lines(rid):
    u, y = rid.split('/')
    return open(os.path.join(ROOT, 'src', u, y + '.txt'), encoding='utf-8').read().rstrip('\n').split('\n')


def norm(t):
    return re.sub(r'\s+', '', t.replace('|', ''))


# 1. labels
reports = sorted(p[len(ROOT) + 5:-4] for p in glob.glob(os.path.join(ROOT, 'src', '*', '*.txt')))
for rid in reports:
    u, y = rid.split('/')
    lines = src_lines(rid)
    lab = open(os.path.join(ROOT, 'labels', u, y + '.tsv'), encoding='utf-8').read().rstrip('\n').split('\n')
    if len(lab) != len(lines):
        fail(f'{rid}: {len(lines)} source lines but {len(lab)} label rows')
    for i, (row, line) in enumerate(zip(lab, lines), 1):
        n, cat, pre = row.split('\t')
        if int(n) != i or cat not in CATS or pre != line[:12]:
            fail(f'{rid}:{i}: bad label row {row!r}')
print(f'labels: {len(reports)} reports checked')

# 2. relations
seed = open(SEED, encoding='utf-8').read().split('\n') if os.path.exists(SEED) else None
with open(os.path.join(ROOT, 'relations.tsv'), encoding='utf-8') as f:
    rows = list(csv.reader(f, delimiter='\t', quoting=csv.QUOTE_NONE))
header, rows = rows[0], rows[1:]
for r in rows:
    kind, fr, fl, ft, to, tl, tt, note = r
    for rep, ln, txt in ((fr, fl, ft), (to, tl, tt)):
        if not rep or ln == '*' or not txt or txt == '*':
            continue
        if rep.startswith('seed-003'):
            if seed is None:
                continue
            ls = seed
        elif rep in reports:
            ls = src_lines(rep)
        else:
            fail(f'relation {kind}: unknown report {rep}')
            continue
        if txt not in ls[int(ln) - 1]:
            fail(f'relation {kind} {rep}:{ln}: text not on that line: {txt[:20]}')
    if kind.endswith('-verbatim') and ft != tt:
        fail(f'relation {kind} {fr}: verbatim texts differ')
    if kind.endswith('-edited') and ft == tt:
        fail(f'relation {kind} {fr}: edited texts are identical')
print(f'relations: {len(rows)} rows checked')

# 3./4./5. rendered files
with open(os.path.join(ROOT, 'manifest.csv'), encoding='utf-8') as f:
    manifest = list(csv.DictReader(f))
listed = {m['file'] for m in manifest}
on_disk = {'rendered/' + n for n in os.listdir(os.path.join(ROOT, 'rendered'))}
for extra in sorted(on_disk - listed):
    fail(f'{extra} is not in manifest.csv')
for missing in sorted(listed - on_disk):
    fail(f'{missing} is listed in manifest.csv but missing')

tmp = tempfile.mkdtemp(prefix='shuzhi-verify.')
docs = [os.path.join(ROOT, m['file']) for m in manifest if m['format'] == 'doc' and m['file'] in on_disk]
if docs:
    subprocess.run(['soffice', f'-env:UserInstallation=file://{tmp}/lo', '--headless', '--convert-to',
                    'txt:Text (encoded):UTF8', '--outdir', tmp] + docs, check=True, capture_output=True)


def extract(m):
    path = os.path.join(ROOT, m['file'])
    fmt = m['format']
    if fmt == 'docx':
        import docx
        from docx.oxml.ns import qn
        d = docx.Document(path)
        out = []
        for el in d.element.body.iterchildren():
            if el.tag == qn('w:p'):
                out.append(''.join(t.text or '' for t in el.iter(qn('w:t'))))
            elif el.tag == qn('w:tbl'):
                for tr in el.iter(qn('w:tr')):
                    out.append('|'.join(''.join(t.text or '' for t in tc.iter(qn('w:t'))) for tc in tr.iter(qn('w:tc'))))
        styles = {p.style.name for p in d.paragraphs}
        return '\n'.join(out), f"styles={sorted(s for s in styles if s.startswith('Heading'))} tables={len(d.tables)}"
    if fmt == 'doc':
        t = open(os.path.join(tmp, os.path.basename(path)[:-4] + '.txt'), encoding='utf-8-sig').read()
        return t, ''
    if fmt == 'pdf':
        t = subprocess.run(['pdftotext', '-enc', 'UTF-8', path, '-'], capture_output=True, text=True).stdout
        fonts = subprocess.run(['pdffonts', path], capture_output=True, text=True).stdout
        pages = re.search(r'Pages:\s+(\d+)', subprocess.run(['pdfinfo', path], capture_output=True, text=True).stdout)
        emb = [l.split()[0] for l in fonts.splitlines()[2:] if ' yes ' in l]
        if not any('WenQuanYi' in e or 'Zen' in e for e in emb):
            fail(f"{m['file']}: no embedded CJK font ({fonts.strip()})")
        return t, f"pages={pages.group(1) if pages else '?'} embedded={sorted(set(emb))}"
    if fmt == 'txt':
        raw = open(path, 'rb').read()
        if m['note'].startswith('GBK') or 'GB18030' in m['note']:
            enc = 'gbk' if m['note'].startswith('GBK') else 'gb18030'
            crlf = raw.count(b'\r\n')
            return raw.decode(enc), f'{enc} crlf={crlf}'
        return raw.decode('utf-8-sig'), ('utf-8 BOM' if raw.startswith(b'\xef\xbb\xbf') else 'utf-8')
    raise ValueError(fmt)


for m in manifest:
    if m['file'] not in on_disk:
        continue
    text, info = extract(m)
    src = '\n'.join(src_lines(m['reportId']))
    a, b = norm(src), norm(text)
    if a == b:
        print(f"OK   {m['file']:34s} {len(a):5d} chars  {info}")
    else:
        sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
        lost = sum(i2 - i1 for op, i1, i2, j1, j2 in sm.get_opcodes() if op in ('delete', 'replace'))
        fail(f"{m['file']}: extracted text differs from source, {lost} of {len(a)} chars lost/changed ({info})")
        for op, i1, i2, j1, j2 in sm.get_opcodes()[:50]:
            if op != 'equal':
                print(f'     {op}: src={a[i1:i2][:40]!r} got={b[j1:j2][:40]!r}')

print('FAILED' if fails else 'ALL CHECKS PASSED', len(fails))
sys.exit(1 if fails else 0)
