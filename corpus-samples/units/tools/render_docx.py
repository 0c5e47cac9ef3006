#!/usr/bin/env python3
"""Render one source report (src/<unit>/<year>.txt, one paragraph per line) into a .docx.

Usage: render_docx.py SRC OUT --author NAME --date YYYY-MM-DD [--font FONT] [--plain-headings]

Layout rules (see README.md):
  line 1                      -> title (centred, bold, 18 pt)
  line 2 if it is a name line -> centred (楷体)
  heading lines               -> Word styles Heading 1/2/3, or bold Normal paragraphs with --plain-headings
  lines starting with '|'     -> rows of a table (cells separated by '|')
  everything else             -> Normal body paragraph, first-line indent 2 characters
A heading line is a line of at most 40 characters that does not end with 。；;：: and either starts with a
numbering pattern (一、 → level 1, （一）/(一) → level 2, 1. / 1、 → level 3) or is at most 20 characters long (level 1).
Only python-docx (Debian package python3-docx) is needed.
"""
import argparse, datetime, re
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt, Cm, RGBColor

H1 = re.compile(r'^[一二三四五六七八九十]+、')
H2 = re.compile(r'^[（(][一二三四五六七八九十]+[）)]')
H3 = re.compile(r'^\d+[.．、]')


def heading_level(line):
    if len(line) > 40 or line.endswith(('。', '；', ';', '：', ':')):
        return 0
    if H1.match(line):
        return 1
    if H2.match(line):
        return 2
    if H3.match(line):
        return 3
    return 1 if len(line) <= 20 else 0


def is_name_line(line):
    return len(line) <= 40 and '书记' in line and not line.endswith('。') and re.search(r'书记\s+\S{2,4}$', line)


def set_font(run, font, size=None, bold=None):
    run.font.name = font
    rpr = run._element.get_or_add_rPr()
    rfonts = rpr.find(qn('w:rFonts'))
    if rfonts is None:
        rfonts = rpr.makeelement(qn('w:rFonts'), {})
        rpr.append(rfonts)
    for attr in ('w:eastAsia', 'w:ascii', 'w:hAnsi'):
        rfonts.set(qn(attr), font)
    if size:
        run.font.size = Pt(size)
    if bold is not None:
        run.font.bold = bold


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('src'); ap.add_argument('out')
    ap.add_argument('--author', default=''); ap.add_argument('--date', default='2024-01-10')
    ap.add_argument('--font', default='仿宋_GB2312')
    ap.add_argument('--title-font', default=None); ap.add_argument('--heading-font', default=None)
    ap.add_argument('--plain-headings', action='store_true')
    a = ap.parse_args()
    body_font = a.font
    title_font = a.title_font or (a.font if a.font != '仿宋_GB2312' else '方正小标宋简体')
    head_font = a.heading_font or (a.font if a.font != '仿宋_GB2312' else '黑体')
    lines = [l.rstrip('\n') for l in open(a.src, encoding='utf-8') if l.strip()]

    doc = Document()
    sec = doc.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
    sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = Cm(3.7), Cm(3.5), Cm(2.8), Cm(2.6)
    normal = doc.styles['Normal']
    normal.font.size = Pt(16)
    normal.font.name = body_font
    normal.element.rPr.rFonts.set(qn('w:eastAsia'), body_font)
    for lvl, size in ((1, 16), (2, 16), (3, 16)):
        st = doc.styles['Heading %d' % lvl]
        st.font.size = Pt(size); st.font.color.rgb = RGBColor(0, 0, 0)
        st.font.name = head_font if lvl == 1 else body_font
        st.element.rPr.rFonts.set(qn('w:eastAsia'), head_font if lvl == 1 else body_font)
    cp = doc.core_properties
    cp.author = a.author; cp.last_modified_by = a.author; cp.title = lines[0]
    dt = datetime.datetime.strptime(a.date, '%Y-%m-%d')
    cp.created = dt; cp.modified = dt; cp.revision = 1

    i = 0
    while i < len(lines):
        line = lines[i]
        if i == 0:
            p = doc.add_paragraph(); p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            set_font(p.add_run(line), title_font, 20, True)
        elif i == 1 and is_name_line(line):
            p = doc.add_paragraph(); p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            set_font(p.add_run(line), '楷体_GB2312' if body_font == '仿宋_GB2312' else body_font, 16)
        elif line.startswith('|'):
            rows = []
            while i < len(lines) and lines[i].startswith('|'):
                rows.append([c.strip() for c in lines[i].strip().strip('|').split('|')])
                i += 1
            t = doc.add_table(rows=len(rows), cols=max(len(r) for r in rows))
            t.style = 'Table Grid'
            for r, row in enumerate(rows):
                for c, val in enumerate(row):
                    cell = t.cell(r, c); cell.text = ''
                    set_font(cell.paragraphs[0].add_run(val), body_font, 12, r == 0)
            continue
        else:
            lvl = heading_level(line)
            if lvl and not a.plain_headings:
                p = doc.add_paragraph(style='Heading %d' % lvl)
                set_font(p.add_run(line), head_font if lvl == 1 else body_font, 16, lvl != 3)
            elif lvl:
                p = doc.add_paragraph()
                set_font(p.add_run(line), head_font, 16, True)
            else:
                p = doc.add_paragraph()
                p.paragraph_format.first_line_indent = Pt(32)
                set_font(p.add_run(line), body_font, 16)
            p.paragraph_format.line_spacing = Pt(28)
        i += 1
    doc.save(a.out)


if __name__ == '__main__':
    main()
