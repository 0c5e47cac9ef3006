package org.shuzhi.index;

import java.util.List;

/**
 * The answer to a {@link SearchRequest}.
 *
 * @param total  number of matching documents (exact)
 * @param hits   the requested page of hits
 * @param facets counts per facet dimension over all matching documents, in {@link Schema#FACETS} order; dimensions
 *               without values are left out
 */
public record SearchResult(long total, List<Hit> hits, List<Facet> facets) {

    /**
     * One matching paragraph (or report).
     *
     * @param id             index id ({@code <reportId>#p<index>} or the report id)
     * @param reportId       the report's id (names its {@code json/} and {@code html/} files)
     * @param source         input path of the report
     * @param paragraph      paragraph index, 0-based; -1 for a report hit
     * @param start          paragraph start in the report's cleaned text (UTF-16, inclusive)
     * @param end            paragraph end (exclusive)
     * @param unit           unit, or null
     * @param secretary      secretary, or null
     * @param year           year, or null
     * @param sector         sector, or null
     * @param docType        document type id
     * @param category       paragraph category id, or null for a report hit
     * @param sections       kinds of the paragraph's section (category ids, or {@code unknown})
     * @param sectionHeading the heading of the paragraph's section, or empty
     * @param flags          flag ids ({@link Flag})
     * @param text           the paragraph text (empty for a report hit)
     * @param score          the Lucene score (relevance; for more-like-this, similarity), ≥ 0
     * @param fragments      highlighted snippets in text order
     */
    public record Hit(String id, String reportId, String source, int paragraph, int start, int end, String unit,
                      String secretary, Integer year, String sector, String docType, String category,
                      List<String> sections, String sectionHeading, List<String> flags, String text, float score,
                      List<Fragment> fragments) {
        /** @return this hit without its snippets */
        public Hit withoutFragments() {
            return new Hit(id, reportId, source, paragraph, start, end, unit, secretary, year, sector, docType,
                    category, sections, sectionHeading, flags, text, score, List.of());
        }
    }

    /**
     * A snippet with the matched words marked.
     *
     * @param text      the snippet text
     * @param marks     matched ranges within {@code text}, half-open UTF-16 offsets, sorted and not overlapping
     * @param cutBefore true when the snippet starts after the beginning of the paragraph
     * @param cutAfter  true when it ends before the paragraph's end
     */
    public record Fragment(String text, List<Mark> marks, boolean cutBefore, boolean cutAfter) {
    }

    /** A marked range {@code [start, end)} in a fragment. */
    public record Mark(int start, int end) {
    }

    /** Counts of one facet dimension, most frequent value first. */
    public record Facet(String dimension, List<FacetValue> values) {
    }

    /** One facet value and the number of matching documents that have it. */
    public record FacetValue(String value, long count) {
    }
}
