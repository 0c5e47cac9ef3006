package org.shuzhi.pipeline.compare;

import java.util.List;
import org.shuzhi.pipeline.model.Category;
import org.shuzhi.pipeline.model.Paragraph;
import org.shuzhi.pipeline.model.ReportDocument;

/**
 * What copy detection needs of a document, and nothing more: its cleaned text and its paragraphs (spans, categories,
 * and whether each takes part in the comparison). Kept in a {@link TextStore} between {@code add} and
 * {@code compare}. Arrays are owned by the instance; do not modify them.
 *
 * @param id         the report (or template) id
 * @param text       the cleaned text
 * @param starts     paragraph starts (UTF-16 offsets into {@code text}), ascending
 * @param ends       paragraph ends (exclusive)
 * @param categories paragraph categories as {@link Category#ordinal()}
 * @param compared   per paragraph, false for headings and title/name/date lines (see {@link #of(ReportDocument)})
 */
public record ReportText(String id, String text, int[] starts, int[] ends, byte[] categories, boolean[] compared) {

    /**
     * The compared part of a document: every paragraph except headings and lines without any clause mark
     * (。！？；，!?;,：:) that are not classified as problem, cause or plan — the title, the name and date lines and
     * similar form lines prescribed by the genre, which all reports share (e.g. "…书记抓基层党建工作述职报告").
     */
    public static ReportText of(ReportDocument doc) {
        List<Paragraph> ps = doc.paragraphs();
        int n = ps.size();
        int[] s = new int[n];
        int[] e = new int[n];
        byte[] c = new byte[n];
        boolean[] cmp = new boolean[n];
        for (int i = 0; i < n; i++) {
            Paragraph p = ps.get(i);
            s[i] = p.start();
            e[i] = p.end();
            c[i] = (byte) p.category().ordinal();
            cmp[i] = !p.heading() && !formLine(p);
        }
        return new ReportText(doc.id(), doc.text(), s, e, c, cmp);
    }

    private static boolean formLine(Paragraph p) {
        if (p.category() == Category.PROBLEM || p.category() == Category.CAUSE || p.category() == Category.PLAN) {
            return false;
        }
        String t = p.text();
        for (int i = 0; i < t.length(); i++) {
            if ("。！？；，!?;,：:".indexOf(t.charAt(i)) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** @return the number of paragraphs */
    public int paragraphs() {
        return starts.length;
    }

    /** @return the category of paragraph {@code i} */
    public Category category(int i) {
        return Category.values()[categories[i]];
    }

    /** @return per UTF-16 unit of the text, true where it belongs to a compared paragraph */
    public boolean[] comparedMask() {
        boolean[] m = new boolean[text.length()];
        for (int i = 0; i < starts.length; i++) {
            if (compared[i]) {
                java.util.Arrays.fill(m, starts[i], ends[i], true);
            }
        }
        return m;
    }

    /** @return the index of the paragraph containing offset {@code at}, or the last paragraph before it; -1 if none */
    public int paragraphAt(int at) {
        int i = java.util.Arrays.binarySearch(starts, at);
        return i >= 0 ? i : -i - 2;
    }
}
