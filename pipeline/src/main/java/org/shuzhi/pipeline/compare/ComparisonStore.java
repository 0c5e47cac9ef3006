package org.shuzhi.pipeline.compare;

import java.util.Map;
import org.shuzhi.pipeline.model.Comparison;

/**
 * Where {@link CorpusComparison#compare(ComparisonStore)} puts each report's comparison as soon as it is computed, so
 * that the comparisons of a whole corpus need not stay in memory: in a map ({@link #of(Map)}) or in files (the run's
 * work store). A report's comparison may be put twice (the second time with its 疑似共同范文 added); the last one put
 * is its result. Called from one thread at a time.
 */
public interface ComparisonStore {
    /**
     * Keeps a report's comparison, replacing an earlier one.
     *
     * @param reportId   the report id
     * @param comparison its comparison
     * @throws java.io.UncheckedIOException if a backing file cannot be written
     */
    void put(String reportId, Comparison comparison);

    /**
     * @param reportId a report id
     * @return its comparison as last put, or null when none was
     * @throws java.io.UncheckedIOException if a backing file cannot be read
     */
    Comparison get(String reportId);

    /** @return a store that keeps the comparisons in {@code map} (modifiable, not copied) */
    static ComparisonStore of(Map<String, Comparison> map) {
        return new ComparisonStore() {
            @Override
            public void put(String reportId, Comparison comparison) {
                map.put(reportId, comparison);
            }

            @Override
            public Comparison get(String reportId) {
                return map.get(reportId);
            }
        };
    }
}
