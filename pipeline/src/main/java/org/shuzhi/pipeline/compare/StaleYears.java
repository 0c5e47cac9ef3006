package org.shuzhi.pipeline.compare;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.shuzhi.pipeline.model.Comparison.Anachronism;
import org.shuzhi.pipeline.model.Span;

/**
 * Rule {@value #RULE}: a year copied unchanged from an earlier report (DOMAIN.md §3(g): 照搬往年报告时漏改的年份).
 * Inside a passage two reports of different years share character for character, a four-digit year 19xx/20xx
 * followed by 年 that stands in both texts is stale in the later report when it is the earlier report's year. Found
 * per aligned passage ({@link #find}); reported only when the later report took the passage ({@link #findings}).
 * Stateless.
 */
final class StaleYears {
    /** The rule id. */
    static final String RULE = "anachronism.stale-year";

    /**
     * A stale year of a report.
     *
     * @param span   the year and its 年 (five UTF-16 units, cleaned-text offsets of the report)
     * @param source the number ({@link ComparedCorpus}) of the document the passage came from
     */
    record StaleYear(Span span, int source) {
    }

    /**
     * The stale years of one passage shared by documents a and b.
     *
     * @param inA years of a's text that are b's year (a is the later report), cleaned-text spans of a
     * @param inB years of b's text that are a's year (b is the later report), cleaned-text spans of b
     */
    record Found(List<Span> inA, List<Span> inB) {
        static final Found NONE = new Found(List.of(), List.of());
    }

    private StaleYears() {
    }

    /**
     * @param yearA     a's report year, or null
     * @param yearB     b's report year, or null (templates have none)
     * @param textA     a's cleaned text; {@code na} its normalised form
     * @param textB     b's cleaned text; {@code nb} its normalised form
     * @param fragments the exact matches of the passage as triples (aStart, bStart, length) in normalised
     *                  characters ({@link PassageAligner.Alignment#fragments()})
     * @return the stale years in either text; {@link Found#NONE} when the years are equal or not both known
     */
    static Found find(Integer yearA, Integer yearB, String textA, NormalizedText na, String textB,
                      NormalizedText nb, int[] fragments) {
        if (yearA == null || yearB == null || yearA.equals(yearB)) {
            return Found.NONE;
        }
        List<Span> inA = new ArrayList<>();
        List<Span> inB = new ArrayList<>();
        for (int x = 0; x < fragments.length; x += 3) {
            int aStart = fragments[x];
            int bStart = fragments[x + 1];
            int length = fragments[x + 2];
            for (int p = aStart; p + 4 <= aStart + length; p++) {
                int q = p - aStart + bStart;
                Integer y = yearMention(textA, na.start(p), na.end(p + 3));
                if (y == null || yearMention(textB, nb.start(q), nb.end(q + 3)) == null) {
                    continue;
                }
                if (y.equals(yearB) && yearA > yearB) {
                    inA.add(new Span(na.start(p), na.end(p + 3) + 1));
                } else if (y.equals(yearA) && yearB > yearA) {
                    inB.add(new Span(nb.start(q), nb.end(q + 3) + 1));
                }
            }
        }
        return new Found(inA, inB);
    }

    /**
     * @return the year when {@code text[s, e)} is a four-digit year 19xx/20xx standing alone (no digit before it) and
     *         followed by 年, else null
     */
    private static Integer yearMention(String text, int s, int e) {
        if (e - s != 4 || e >= text.length() || text.charAt(e) != '年' || (s > 0 && Character.isDigit(text.charAt(s - 1)))) {
            return null;
        }
        String y = text.substring(s, e);
        return y.matches("(19|20)\\d\\d") ? Integer.valueOf(y) : null;
    }

    /**
     * @param text   the report's text
     * @param year   the report's year
     * @param stale  its stale years, from the passages it took; a year found twice is reported once
     * @param corpus the documents, to name each source
     * @return one {@value #RULE} finding per stale year, in the order given
     */
    static List<Anachronism> findings(ReportText text, int year, List<StaleYear> stale, ComparedCorpus corpus) {
        List<Anachronism> out = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        for (StaleYear s : stale) {
            if (!seen.add(s.span().start())) {
                continue;
            }
            ComparedCorpus.Document src = corpus.get(s.source());
            String term = s.span().of(text.text());
            out.add(new Anachronism(RULE, term, text.paragraphAt(s.span().start()), s.span(), null, null, year,
                    "“" + term + "”与 " + src.year() + " 年度报告 " + src.id() + " 的同一段文字完全相同，本报告为 " + year
                            + " 年度：照搬往年报告时漏改的年份"));
        }
        return out;
    }
}
