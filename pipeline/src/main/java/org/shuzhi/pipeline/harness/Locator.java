package org.shuzhi.pipeline.harness;

import org.shuzhi.pipeline.classify.*;
import org.shuzhi.pipeline.compare.*;

import java.util.ArrayList;
import java.util.List;
import org.shuzhi.pipeline.dict.TextFold;
import org.shuzhi.pipeline.model.Paragraph;
import org.shuzhi.pipeline.model.Span;

/**
 * Finds a ground-truth quote (a substring of a sample's source line) in the cleaned text of the analysed file, where
 * extraction and cleaning may have changed it slightly (spun words restored, quotes or line breaks altered): first
 * literally, then over letters and digits only, then by a local alignment (Smith–Waterman, match +2, mismatch and
 * gap −1) near the expected paragraph. Also maps paragraphs to the lines of the source file. Stateless.
 */
final class Locator {
    private Locator() {
    }

    /**
     * @param text       the cleaned text
     * @param paragraphs its paragraphs
     * @param quote      the quote
     * @param hint       the paragraph the quote should be in, or -1 for anywhere
     * @return its span, or null when it cannot be found (less than half of it aligns)
     */
    static Span locate(String text, List<Paragraph> paragraphs, String quote, int hint) {
        int from = 0;
        int to = text.length();
        if (hint >= 0 && hint < paragraphs.size()) {
            from = paragraphs.get(Math.max(0, hint - 1)).start();
            to = paragraphs.get(Math.min(paragraphs.size() - 1, hint + 1)).end();
        }
        int at = text.indexOf(quote, from);
        if (at < 0 || at + quote.length() > to) {
            at = text.indexOf(quote);
        }
        if (at >= 0) {
            return new Span(at, at + quote.length());
        }
        Span s = fuzzy(text, from, to, quote);
        return s != null || hint < 0 ? s : fuzzy(text, 0, text.length(), quote);
    }

    private static Span fuzzy(String text, int from, int to, String quote) {
        List<Integer> map = new ArrayList<>();
        StringBuilder norm = new StringBuilder();
        String folded = TextFold.fold(text);
        for (int i = from; i < to; i++) {
            if (Character.isLetterOrDigit(folded.charAt(i))) {
                norm.append(folded.charAt(i));
                map.add(i);
            }
        }
        String q = letters(quote);
        if (q.isEmpty()) {
            return null;
        }
        int n = norm.indexOf(q);
        if (n >= 0) {
            return new Span(map.get(n), map.get(n + q.length() - 1) + 1);
        }
        int[] best = smithWaterman(q, norm.toString());
        if (best == null || best[2] < q.length()) { // below half of a perfect score (2 per character)
            return null;
        }
        return new Span(map.get(best[0]), map.get(best[1] - 1) + 1);
    }

    static String letters(String s) {
        StringBuilder b = new StringBuilder();
        String f = TextFold.fold(s);
        for (int i = 0; i < f.length(); i++) {
            if (Character.isLetterOrDigit(f.charAt(i))) {
                b.append(f.charAt(i));
            }
        }
        return b.toString();
    }

    /** @return {start, end, score} of the best local alignment of {@code q} inside {@code t}, or null */
    private static int[] smithWaterman(String q, String t) {
        int m = q.length();
        int n = t.length();
        if (n == 0) {
            return null;
        }
        int[] prev = new int[n + 1];
        int[] cur = new int[n + 1];
        int[] prevStart = new int[n + 1];
        int[] curStart = new int[n + 1];
        int best = 0;
        int bestEnd = -1;
        int bestStart = -1;
        for (int i = 1; i <= m; i++) {
            cur[0] = 0;
            curStart[0] = 0;
            for (int j = 1; j <= n; j++) {
                int diag = prev[j - 1] + (q.charAt(i - 1) == t.charAt(j - 1) ? 2 : -1);
                int up = prev[j] - 1;
                int left = cur[j - 1] - 1;
                int v = Math.max(0, Math.max(diag, Math.max(up, left)));
                cur[j] = v;
                if (v == 0) {
                    curStart[j] = j;
                } else if (v == diag) {
                    curStart[j] = prev[j - 1] == 0 ? j - 1 : prevStart[j - 1];
                } else if (v == up) {
                    curStart[j] = prevStart[j];
                } else {
                    curStart[j] = curStart[j - 1];
                }
                if (v > best) {
                    best = v;
                    bestEnd = j;
                    bestStart = curStart[j];
                }
            }
            int[] x = prev;
            prev = cur;
            cur = x;
            x = prevStart;
            prevStart = curStart;
            curStart = x;
        }
        return bestEnd < 0 ? null : new int[] {bestStart, bestEnd, best};
    }

    /**
     * @param paragraphs the analysed paragraphs
     * @param lines      the source file's lines (blank lines included, as numbered in the ground truth)
     * @return per paragraph, the 1-based source line it comes from (the most similar line by character bigrams
     *         within ten lines of its position), or 0
     */
    static int[] paragraphLines(List<Paragraph> paragraphs, List<String> lines) {
        List<String> norm = lines.stream().map(Locator::letters).toList();
        List<Integer> nonBlank = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (!norm.get(i).isEmpty()) {
                nonBlank.add(i);
            }
        }
        int[] out = new int[paragraphs.size()];
        for (int p = 0; p < paragraphs.size(); p++) {
            String pt = letters(paragraphs.get(p).text());
            double best = 0.3;
            for (int k = Math.max(0, p - 10); k < Math.min(nonBlank.size(), p + 11); k++) {
                int line = nonBlank.get(k);
                double d = dice(pt, norm.get(line));
                if (d > best) {
                    best = d;
                    out[p] = line + 1;
                }
            }
        }
        return out;
    }

    private static double dice(String a, String b) {
        if (a.length() < 2 || b.length() < 2) {
            return a.equals(b) ? 1 : 0;
        }
        java.util.Map<String, Integer> m = new java.util.HashMap<>();
        for (int i = 0; i + 2 <= a.length(); i++) {
            m.merge(a.substring(i, i + 2), 1, Integer::sum);
        }
        int common = 0;
        for (int i = 0; i + 2 <= b.length(); i++) {
            Integer c = m.get(b.substring(i, i + 2));
            if (c != null && c > 0) {
                common++;
                m.put(b.substring(i, i + 2), c - 1);
            }
        }
        return 2.0 * common / (a.length() - 1 + b.length() - 1);
    }
}
