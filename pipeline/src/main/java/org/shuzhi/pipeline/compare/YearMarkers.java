package org.shuzhi.pipeline.compare;

import java.util.ArrayList;
import java.util.List;
import org.shuzhi.pipeline.dict.TermList;
import org.shuzhi.pipeline.dict.TextFold;
import org.shuzhi.pipeline.model.Comparison.Anachronism;
import org.shuzhi.pipeline.model.TermMatch;

/**
 * Rule {@code anachronism.year-marker}: a congress, plenum, campaign, policy period or anniversary of
 * {@code year-markers.txt} (DOMAIN.md §3(g), §5; W10) cited in a report whose year lies outside the term's plausible
 * report years. Exceptions of the list (十八大以来 …) are historical references and never count. Thread-safe.
 */
final class YearMarkers {
    /** The rule id. */
    static final String RULE = "anachronism.year-marker";

    private final TermList markers;

    /** @param markers the {@code year-markers} list: term, fromYear, toYear (empty = still current), note */
    YearMarkers(TermList markers) {
        this.markers = markers;
    }

    /**
     * @param text       the cleaned text
     * @param reportYear the report's year
     * @param paragraph  maps an offset to its paragraph index
     * @return the anachronisms, in text order
     */
    List<Anachronism> find(String text, int reportYear, java.util.function.IntUnaryOperator paragraph) {
        List<Anachronism> out = new ArrayList<>();
        for (TermMatch m : markers.find(TextFold.fold(text))) {
            TermList.Entry e = markers.entry(m.term());
            if (e == null) {
                continue;
            }
            Integer from = year(e.column(0));
            Integer to = year(e.column(1));
            if (from == null || (reportYear >= from && (to == null || reportYear <= to))) {
                continue;
            }
            String term = "“" + m.span().of(text) + "”";
            String detail = reportYear < from
                    ? term + "是 " + from + " 年起才有的提法，本报告为 " + reportYear + " 年度，早于该提法出现"
                    : term + "是 " + (from.equals(to) ? from + " 年" : from + "–" + to + " 年间") + "的提法，"
                    + (to + 1) + " 年起已不是当前提法（已停用或更新），本报告为 " + reportYear + " 年度";
            out.add(new Anachronism(RULE, m.term(), paragraph.applyAsInt(m.span().start()), m.span(), from, to,
                    reportYear, detail));
        }
        return out;
    }

    private static Integer year(String s) {
        s = s.strip();
        if (s.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
