package org.shuzhi.pipeline.compare;

/**
 * Where {@link CorpusComparison} keeps the texts of the documents between {@code add} and {@code compare}: in memory
 * ({@link InMemoryTextStore}) or, for large runs, backed by files on disk (e.g. the per-report JSON already written).
 * Implementations must allow concurrent {@link #get} calls.
 */
public interface TextStore {
    /**
     * Keeps a text. An implementation backed by files that already hold the text may ignore the call.
     *
     * @param text the text, keyed by {@link ReportText#id()}
     */
    void put(ReportText text);

    /**
     * @param id a report or template id given to {@link #put}
     * @return its text
     * @throws java.util.NoSuchElementException if the id is unknown
     * @throws java.io.UncheckedIOException if a backing file cannot be read
     */
    ReportText get(String id);
}
