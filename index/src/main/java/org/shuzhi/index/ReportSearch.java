package org.shuzhi.index;

import java.io.Closeable;

/**
 * Search over analysed reports, whatever engine holds them: the embedded Lucene index ({@link ReportSearcher}) or a
 * SolrCloud collection (module {@code solr}). Both take the same {@link SearchRequest} (query syntax, filters, sort,
 * page) and give the same {@link SearchResult} (hits, highlighted fragments, facet counts), so the command line and
 * the web UI do not know which one they talk to. Implementations are thread-safe.
 */
public interface ReportSearch extends Closeable {
    /**
     * Runs a search.
     *
     * @throws IndexException when the query cannot be run or the index cannot be read
     */
    SearchResult search(SearchRequest req);

    /**
     * Paragraphs similar to one paragraph (more-like-this over the text of all reports and years), the paragraph
     * itself excluded. The request's query is ignored; its filters, page and order apply.
     *
     * @param id the paragraph's index id ({@code <reportId>#p<index>})
     * @return the similar paragraphs, or an empty result when the id is unknown
     */
    SearchResult similar(String id, SearchRequest req);

    /** @return one hit by index id without snippets, or null */
    SearchResult.Hit get(String id);

    /** @return true when {@code query} does not parse and is searched as its plain words instead */
    boolean readAsPlainWords(String query);

    /** @return where the reports are searched, for messages (an index folder, a Solr collection) */
    String describe();
}
