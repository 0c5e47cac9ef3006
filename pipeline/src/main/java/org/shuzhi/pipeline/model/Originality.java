package org.shuzhi.pipeline.model;

/**
 * What copy detection found for one report, as the assessment needs it (the corpus comparison fills it; see
 * {@code org.shuzhi.pipeline.compare}). All ratios are 0–1 of the report's 字数 (the default counting rule).
 *
 * @param copiedRatio   share of the report found in other reports of the same year or in known templates
 * @param recycledRatio share of the report taken over from the same unit's or secretary's earlier reports
 * @param largestSource id (or name) of the source the most text was taken from, or null
 * @param largestRatio  share of the report taken from {@code largestSource}
 */
public record Originality(double copiedRatio, double recycledRatio, String largestSource, double largestRatio) {
    /** @throws IllegalArgumentException if a ratio is outside 0–1 */
    public Originality {
        for (double r : new double[] {copiedRatio, recycledRatio, largestRatio}) {
            if (!(r >= 0 && r <= 1)) {
                throw new IllegalArgumentException("ratio outside 0–1: " + r);
            }
        }
    }
}
