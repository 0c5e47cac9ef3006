package org.shuzhi.pipeline.model;

import java.util.List;

/**
 * What copy detection found for one report, as the assessment needs it (the corpus comparison fills it; see
 * {@code org.shuzhi.pipeline.compare}). All ratios are 0–1 of the report's 字数 (the default counting rule).
 *
 * @param copiedRatio   share of the report taken, with evidence of direction, from other reports or templates
 * @param recycledRatio share of the report taken over from the same unit's or secretary's earlier reports
 * @param largestSource id (or name) of the source the most text was taken from, or null
 * @param largestRatio  share of the report taken from {@code largestSource}
 * @param sharedRatio   share of the report also found in another report with no evidence of who wrote it first
 *                      (方向不明, issue 13); not part of {@code copiedRatio}
 * @param givenRatio    share of the report that other reports took from it; never held against it
 * @param passages      number of passages shared with any other document, any direction (0: nothing shared at all,
 *                      the only case in which "未发现雷同" may be said)
 * @param sharedWith    the reports sharing text of unknown direction, as a reader knows them (unit and year)
 */
public record Originality(double copiedRatio, double recycledRatio, String largestSource, double largestRatio,
                          double sharedRatio, double givenRatio, int passages, List<String> sharedWith) {
    /** @throws IllegalArgumentException if a ratio is outside 0–1 */
    public Originality {
        for (double r : new double[] {copiedRatio, recycledRatio, largestRatio, sharedRatio, givenRatio}) {
            if (!(r >= 0 && r <= 1)) {
                throw new IllegalArgumentException("ratio outside 0–1: " + r);
            }
        }
        sharedWith = sharedWith == null ? List.of() : List.copyOf(sharedWith);
    }

    /** The form before issue 13: every passage counted as taken; {@code passages} from the ratios only. */
    public Originality(double copiedRatio, double recycledRatio, String largestSource, double largestRatio) {
        this(copiedRatio, recycledRatio, largestSource, largestRatio, 0, 0,
                copiedRatio > 0 || recycledRatio > 0 ? 1 : 0, List.of());
    }

    /**
     * @return the assessment's originality input from a comparison (sources named by unit and year, as a reader
     *         knows them), or null when the report was not compared
     */
    public static Originality of(Comparison c) {
        if (c == null || !c.compared()) {
            return null;
        }
        Comparison.CopyStats s = c.copyStats();
        String largest = s.sources().stream().filter(x -> x.sourceId().equals(s.largestSourceId())).findFirst()
                .map(Originality::name).orElse(s.largestSourceId());
        List<String> shared = c.passages().stream().filter(p -> p.direction() == Comparison.Direction.UNKNOWN)
                .map(p -> p.sourceUnit() == null ? p.sourceId() : p.sourceUnit() + (p.sourceYear() == null ? ""
                        : " " + p.sourceYear() + " 年")).distinct().toList();
        return new Originality(s.copyRatio(), s.recycledRatio(), largest, s.largestSourceRatio(), s.sharedRatio(),
                s.givenRatio(), c.passages().size(), shared);
    }

    private static String name(Comparison.SourceShare x) {
        return x.sourceUnit() == null ? x.sourceId() : x.sourceUnit() + (x.sourceYear() == null ? ""
                : " " + x.sourceYear() + " 年");
    }
}
