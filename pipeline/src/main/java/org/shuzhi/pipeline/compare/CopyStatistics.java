package org.shuzhi.pipeline.compare;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.shuzhi.pipeline.model.Category;
import org.shuzhi.pipeline.model.Comparison.CopiedPassage;
import org.shuzhi.pipeline.model.Comparison.CopyStats;
import org.shuzhi.pipeline.model.Comparison.Direction;
import org.shuzhi.pipeline.model.Comparison.SectionShare;
import org.shuzhi.pipeline.model.Comparison.SourceShare;
import org.shuzhi.pipeline.profile.CountingRule;

/**
 * The copy statistics of one report ({@link CopyStats}) from its attributed passages. Every ratio is over 字数
 * ({@link CountingRule#LETTERS_DIGITS}: letters and digits of the whole text); the characters counted as copied are
 * those of the compared text outside official phrases ({@link NormalizedText#countable()}). Copied text (by others:
 * colleagues, other reports, templates) and recycled text (own earlier years) count only passages the report took
 * ({@code TAKEN}); the rest is split into text of unknown direction and text others took from it, each counted once.
 * Ratios are rounded to four decimals. Stateless.
 */
final class CopyStatistics {
    private CopyStatistics() {
    }

    /** Letters and digits of one paragraph category: all, copied from others, recycled from own earlier years. */
    private static final class SectionCount {
        int chars;
        int copied;
        int recycled;
    }

    /**
     * @param text       the report's text
     * @param normalized its normalised form (what copy detection compared)
     * @param ps         its passages ({@link CopyAttribution#passages})
     * @return its statistics; {@link CopyStats#NONE} for a text without letters or digits
     */
    static CopyStats of(ReportText text, NormalizedText normalized, List<CopiedPassage> ps) {
        String t = text.text();
        int total = CountingRule.LETTERS_DIGITS.count(t);
        if (total == 0) {
            return CopyStats.NONE;
        }
        BitSet countable = normalized.countable();
        BitSet others = new BitSet(t.length());
        BitSet own = new BitSet(t.length());
        Map<String, BitSet> bySource = new LinkedHashMap<>();
        Map<String, CopiedPassage> first = new HashMap<>();
        BitSet unknown = new BitSet(t.length());
        BitSet given = new BitSet(t.length());
        Map<String, BitSet> takenBySource = new LinkedHashMap<>();
        for (CopiedPassage p : ps) {
            if (p.taken()) {
                (p.sourceKind().others() ? others : own).set(p.span().start(), p.span().end());
                takenBySource.computeIfAbsent(p.sourceId(), k -> new BitSet(t.length()))
                        .set(p.span().start(), p.span().end());
            } else {
                (p.direction() == Direction.GIVEN ? given : unknown).set(p.span().start(), p.span().end());
            }
            bySource.computeIfAbsent(p.sourceId(), k -> new BitSet(t.length())).set(p.span().start(), p.span().end());
            first.putIfAbsent(p.sourceId(), p);
        }
        others.and(countable);
        own.and(countable);
        unknown.and(countable);
        unknown.andNot(others);
        unknown.andNot(own);
        given.and(countable);
        given.andNot(others);
        given.andNot(own);
        given.andNot(unknown);
        List<SourceShare> sources = new ArrayList<>();
        for (Map.Entry<String, BitSet> e : bySource.entrySet()) {
            BitSet b = e.getValue();
            b.and(countable);
            sources.add(share(first.get(e.getKey()), b.cardinality(), total));
        }
        sources.sort(Comparator.comparingInt(SourceShare::chars).reversed().thenComparing(SourceShare::sourceId));
        // the largest source counts only text this report took (direction TAKEN): a report others copied from is not
        // said to have copied
        SourceShare largest = null;
        for (Map.Entry<String, BitSet> e : takenBySource.entrySet()) {
            CopiedPassage p = first.get(e.getKey());
            if (!p.sourceKind().others()) {
                continue;
            }
            BitSet b = e.getValue();
            b.and(countable);
            if (b.cardinality() > 0 && (largest == null || b.cardinality() > largest.chars()
                    || (b.cardinality() == largest.chars() && e.getKey().compareTo(largest.sourceId()) < 0))) {
                largest = share(p, b.cardinality(), total);
            }
        }
        return new CopyStats(total, ratio(others.cardinality(), total), ratio(own.cardinality(), total),
                largest == null ? null : largest.sourceId(), largest == null ? null : largest.sourceKind(),
                largest == null ? 0 : largest.ratio(), sections(text, others, own), sources,
                ratio(unknown.cardinality(), total), ratio(given.cardinality(), total));
    }

    private static SourceShare share(CopiedPassage p, int chars, int total) {
        return new SourceShare(p.sourceId(), p.sourceKind(), p.sourceYear(), p.sourceUnit(), chars,
                ratio(chars, total));
    }

    /** @return per paragraph category with letters or digits, its copied and recycled shares, in category order */
    private static List<SectionShare> sections(ReportText text, BitSet others, BitSet own) {
        String t = text.text();
        Map<Category, SectionCount> counts = new EnumMap<>(Category.class);
        for (int i = 0; i < text.paragraphs(); i++) {
            SectionCount c = counts.computeIfAbsent(text.category(i), k -> new SectionCount());
            for (int j = text.starts()[i]; j < text.ends()[i]; j++) {
                if (Character.isLetterOrDigit(t.charAt(j))) {
                    c.chars++;
                    c.copied += others.get(j) ? 1 : 0;
                    c.recycled += own.get(j) ? 1 : 0;
                }
            }
        }
        List<SectionShare> out = new ArrayList<>();
        counts.forEach((category, c) -> {
            if (c.chars > 0) {
                out.add(new SectionShare(category, c.chars, ratio(c.copied, c.chars), ratio(c.recycled, c.chars)));
            }
        });
        return out;
    }

    private static double ratio(int part, int whole) {
        return Decimals.four((double) part / whole);
    }
}
