package org.shuzhi.pipeline.compare;

import java.util.List;

/**
 * Everything {@link CorpusComparison} needs of one document, and nothing more: made by
 * {@link CorpusComparison#prepare} from an analysed document, kept between runs by a {@link FileTextStore} (the
 * fingerprint store), so that an unchanged file is compared again without being analysed again.
 *
 * @param id        report (or template) id
 * @param unit      unit name, or null
 * @param secretary secretary name, or null
 * @param year      report year, or null
 * @param report    true for a report (doc type REPORT, not a template): year-over-year items are kept for it
 * @param title     the first paragraph when short (at most 60 characters), else the file name
 * @param text      its cleaned text and paragraphs
 * @param items     year-over-year items with their canonical content words (empty when not a report with a year)
 */
public record CompareInput(String id, String unit, String secretary, Integer year, boolean report, String title,
                           ReportText text, List<ItemRow> items) {

    /**
     * One year-over-year item.
     *
     * @param kind      ordinal of the item kind (problem, plan, promise, done, rectification, headline)
     * @param paragraph paragraph index
     * @param start     first character (UTF-16 offset into the cleaned text), inclusive
     * @param end       last character, exclusive
     * @param words     its canonical content words, sorted, distinct (folded through {@code yoy-synonyms.txt})
     */
    public record ItemRow(int kind, int paragraph, int start, int end, String[] words) {
    }
}
