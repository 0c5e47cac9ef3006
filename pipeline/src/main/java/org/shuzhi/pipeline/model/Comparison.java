package org.shuzhi.pipeline.model;

/**
 * What the corpus-level comparison found for one report: links to the same unit's and secretary's reports of other
 * years, year-over-year findings and copied passages. Filled by {@code org.shuzhi.pipeline.compare}.
 */
public record Comparison() {
    /** Not compared (yet). */
    public static final Comparison NONE = new Comparison();
}
