package org.shuzhi.index;

import java.util.List;
import java.util.Map;

/**
 * One search: a query in Lucene syntax over the paragraph text, filters on keyword fields, an order and a page.
 *
 * @param query   Lucene query syntax (phrases in quotes, AND/OR/NOT, {@code field:value}); words written together
 *                form a phrase (国土资源局 = "国土 资源 局"); separate words are all required (default operator AND);
 *                blank or {@code *} matches everything (browse by filters)
 * @param filters field ({@link Schema#FACETS}) → accepted values; values of one field are alternatives (OR), fields
 *                are combined with AND; {@link Schema#UNIT} and {@link Schema#SECRETARY} values match as substrings
 *                (国土资源局 selects 市国土资源局党支部), the others exactly
 * @param sort    the order of the hits
 * @param offset  hits to skip, ≥ 0
 * @param limit   hits to return, 1–1000
 * @param type    {@link Schema#TYPE_PARAGRAPH} (default) or {@link Schema#TYPE_REPORT} (report documents carry
 *                metadata, flags and scores but no text: use {@code *} with filters to list reports)
 */
public record SearchRequest(String query, Map<String, List<String>> filters, Order sort, int offset, int limit,
                            String type) {

    /** Hit orders. */
    public enum Order {
        /** best match first (Lucene BM25 score) */
        RELEVANCE,
        /** latest year first, then by report and paragraph */
        YEAR,
        /** by unit name, then latest year first */
        UNIT,
        /** least concrete first (numbers and named entities per 100 字) */
        CONCRETENESS,
        /** most vague first (vague terms and 套话 per 100 字) */
        VAGUENESS;

        /** @return the order for a lower-case name such as {@code year} */
        public static Order of(String name) {
            return valueOf(name.trim().toUpperCase(java.util.Locale.ROOT));
        }
    }

    public SearchRequest {
        filters = filters == null ? Map.of() : Map.copyOf(filters);
        sort = sort == null ? Order.RELEVANCE : sort;
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be >= 0");
        }
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be 1-1000");
        }
        type = type == null ? Schema.TYPE_PARAGRAPH : type;
    }

    /** A paragraph search for {@code query} with the first {@code limit} hits by relevance. */
    public static SearchRequest of(String query, int limit) {
        return new SearchRequest(query, Map.of(), Order.RELEVANCE, 0, limit, Schema.TYPE_PARAGRAPH);
    }
}
