package org.shuzhi.pipeline.compare;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.shuzhi.pipeline.dict.TermList;

/**
 * The documents of one {@link CorpusComparison#compare()} run, numbered in a fixed order: templates first, then the
 * other documents, each group sorted by id, so that the same input gives the same output whatever the order of the
 * adds. Documents {@code 0 … templates() - 1} are templates, {@code templates() … size() - 1} reports (and other
 * documents read). Holds the links between reports ({@link YearLinks}) and reads texts back from the
 * {@link TextStore}. Immutable; thread-safe when the store is.
 */
final class ComparedCorpus {
    /**
     * What the comparison keeps in memory of a document between {@code add} and {@code compare}.
     *
     * @param id           document id
     * @param template     true for a text of the template library
     * @param unit         unit name, or null
     * @param secretary    secretary name, or null
     * @param year         report year, or null
     * @param report       true for a report (doc type REPORT, not a template)
     * @param title        the first paragraph when short, else the file name (named as a template source)
     * @param normalized   its normalised characters ({@link NormalizedText}, official phrases masked)
     * @param fingerprints its winnowed fingerprints, sorted, distinct
     * @param items        its year-over-year items ({@link ItemSketch#EMPTY} when not a report with a year)
     * @param alignmentKey a hash of what its alignments depend on ({@link AlignmentCache})
     */
    record Document(String id, boolean template, String unit, String secretary, Integer year, boolean report,
                    String title, char[] normalized, int[] fingerprints, ItemSketch items, long alignmentKey) {
    }

    private final List<Document> documents;
    private final int templates;
    private final TextStore store;
    private final TermList official;
    private final YearLinks links;

    /**
     * @param added    the added documents, in any order
     * @param store    where their texts are
     * @param official the official phrases masked when a text is normalised
     */
    ComparedCorpus(Collection<Document> added, TextStore store, TermList official) {
        List<Document> order = new ArrayList<>(added.stream().filter(Document::template)
                .sorted(Comparator.comparing(Document::id)).toList());
        templates = order.size();
        order.addAll(added.stream().filter(d -> !d.template()).sorted(Comparator.comparing(Document::id)).toList());
        this.documents = List.copyOf(order);
        this.store = store;
        this.official = official;
        this.links = new YearLinks(documents.stream()
                .map(d -> d.template() ? null : new YearLinks.Meta(d.unit(), d.secretary(), d.year())).toList());
    }

    /** @return the number of documents, templates included */
    int size() {
        return documents.size();
    }

    /** @return the number of templates (the first documents) */
    int templates() {
        return templates;
    }

    /** @return document {@code i} */
    Document get(int i) {
        return documents.get(i);
    }

    /** @return all documents, by number */
    List<Document> documents() {
        return documents;
    }

    /** @return the links between the reports, by document number */
    YearLinks links() {
        return links;
    }

    /** @return the text of document {@code i}, read from the store */
    ReportText text(int i) {
        return store.get(documents.get(i).id());
    }

    /** @return a text normalised as copy detection compares it (official phrases masked) */
    NormalizedText normalize(ReportText text) {
        return NormalizedText.of(text, official);
    }
}
