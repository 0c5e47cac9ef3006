#!/usr/bin/env python3
"""Count 字 per report in src/ by the project's default rule: CJK ideographs, letters and digits only
(punctuation and whitespace not counted; Java Character.isLetterOrDigit ~ Python str.isalnum).
Also prints the non-whitespace count (Word-style 字数, punctuation included).
Usage: tools/count_chars.py [--under N]   (default N=1850: lists reports under N)"""
import glob, os, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
under = int(sys.argv[sys.argv.index('--under') + 1]) if '--under' in sys.argv else 1850
rows = []
for p in sorted(glob.glob(os.path.join(ROOT, 'src', '*', '*.txt'))):
    t = open(p, encoding='utf-8').read()
    rid = os.path.relpath(p, os.path.join(ROOT, 'src'))[:-4]
    strict = sum(1 for c in t if c.isalnum())
    nonws = sum(1 for c in t if not c.isspace())
    rows.append((rid, strict, nonws))
for rid, s, n in rows:
    print(f'{rid:24s} {s:5d} {n:5d}{"  UNDER" if s < under else ""}')
low = [r for r in rows if r[1] < under]
print(f'{len(rows)} reports; strict {min(r[1] for r in rows)}-{max(r[1] for r in rows)}, total {sum(r[1] for r in rows)}; '
      f'non-ws {min(r[2] for r in rows)}-{max(r[2] for r in rows)}, total {sum(r[2] for r in rows)}; {len(low)} under {under}')
