package org.shuzhi.pipeline.compare;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.shuzhi.pipeline.model.Comparison.Anachronism;
import org.shuzhi.pipeline.model.Comparison.CopiedPassage;
import org.shuzhi.pipeline.model.Comparison.ParagraphFlags;
import org.shuzhi.pipeline.model.Comparison.YearOverYearMatch;
import org.shuzhi.pipeline.model.ParagraphFlag;
import org.shuzhi.pipeline.model.SourceKind;

/**
 * The paragraph flags of a report's comparison: {@code COPIED} (and {@code COPIED_TEMPLATE}) or {@code RECYCLED} on
 * every compared paragraph a passage the report took touches (shared text of unknown direction, or taken by the
 * other report, flags nothing), one flag per year-over-year match kind on the match's paragraph, and
 * {@code ANACHRONISM} on the paragraph of each anachronism. Stateless.
 */
final class ParagraphFlagger {
    private ParagraphFlagger() {
    }

    /**
     * @param text     the report's text
     * @param passages its passages
     * @param matches  its year-over-year matches
     * @param an       its anachronisms
     * @return the flags of the paragraphs that have any, by paragraph index, each paragraph's flags in enum order
     */
    static List<ParagraphFlags> flags(ReportText text, List<CopiedPassage> passages, List<YearOverYearMatch> matches,
                                      List<Anachronism> an) {
        Map<Integer, EnumSet<ParagraphFlag>> f = new TreeMap<>();
        for (CopiedPassage p : passages) {
            if (!p.taken()) {
                continue;
            }
            int from = Math.max(0, text.paragraphAt(p.span().start()));
            int to = text.paragraphAt(Math.max(p.span().start(), p.span().end() - 1));
            for (int i = from; i <= to; i++) {
                if (!text.compared()[i]) {
                    continue;
                }
                EnumSet<ParagraphFlag> s = of(f, i);
                if (p.sourceKind().others()) {
                    s.add(ParagraphFlag.COPIED);
                    if (p.sourceKind() == SourceKind.TEMPLATE) {
                        s.add(ParagraphFlag.COPIED_TEMPLATE);
                    }
                } else {
                    s.add(ParagraphFlag.RECYCLED);
                }
            }
        }
        for (YearOverYearMatch m : matches) {
            of(f, m.paragraph()).add(switch (m.kind()) {
                case REPEATED_PROBLEM -> ParagraphFlag.REPEATED_PROBLEM;
                case REPEATED_PLAN -> ParagraphFlag.REPEATED_PLAN;
                case PLAN_KEPT -> ParagraphFlag.PLAN_KEPT;
            });
        }
        for (Anachronism a : an) {
            of(f, a.paragraph()).add(ParagraphFlag.ANACHRONISM);
        }
        List<ParagraphFlags> out = new ArrayList<>();
        f.forEach((i, s) -> out.add(new ParagraphFlags(i, List.copyOf(s))));
        return out;
    }

    private static EnumSet<ParagraphFlag> of(Map<Integer, EnumSet<ParagraphFlag>> f, int paragraph) {
        return f.computeIfAbsent(paragraph, k -> EnumSet.noneOf(ParagraphFlag.class));
    }
}
