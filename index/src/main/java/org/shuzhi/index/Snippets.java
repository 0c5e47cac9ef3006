package org.shuzhi.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.shuzhi.pipeline.segment.Segmenter;

/**
 * Highlighted fragments for paragraph texts that come from elsewhere (a SolrCloud hit), made exactly as
 * {@link ReportSearcher} makes them: the texts are written to a small in-memory index with the same analysis and
 * field type, and the same highlighter runs over it. Passages are chosen per document, so the fragments do not depend
 * on the rest of the index. Thread-safe.
 */
public final class Snippets {
    private final Analyzer indexAnalyzer;
    private final Analyzer queryAnalyzer;

    /** @param segmenter the pipeline's segmenter (carries the domain terms) */
    public Snippets(Segmenter segmenter) {
        this.indexAnalyzer = new HanlpAnalyzer(segmenter, true);
        this.queryAnalyzer = new ReportQueryParser(segmenter).analyzer();
    }

    /**
     * @param textQuery the query the hits matched (as {@link ReportQueryParser#parse} gave it)
     * @param texts     paragraph texts, in hit order (null or empty for a report hit)
     * @param keywords  for each text, the values of its document's keyword fields ({@link Schema#KEYWORD_FIELDS}),
     *                  so that a query with a clause such as {@code category:problem} matches as in the index
     * @return the fragments of each text, in the same order: the highlighted passages, or the text's opening when
     *         nothing in it matched
     */
    public List<List<SearchResult.Fragment>> of(Query textQuery, List<String> texts,
                                                List<Map<String, List<String>>> keywords) {
        if (texts.isEmpty()) {
            return List.of();
        }
        try (ByteBuffersDirectory dir = new ByteBuffersDirectory()) {
            try (IndexWriter w = new IndexWriter(dir, new IndexWriterConfig(indexAnalyzer))) {
                for (int i = 0; i < texts.size(); i++) {
                    Document d = new Document();
                    String t = texts.get(i);
                    d.add(new Field(Schema.TEXT, t == null ? "" : t, ReportIndexer.TEXT_TYPE));
                    keywords.get(i).forEach((field, values) -> values.forEach(v ->
                            d.add(new StringField(field, v, Field.Store.NO))));
                    w.addDocument(d);
                }
            }
            try (DirectoryReader r = DirectoryReader.open(dir)) {
                int[] ids = new int[texts.size()];
                for (int i = 0; i < ids.length; i++) {
                    ids[i] = i;
                }
                Object[] snippets = ReportSearcher.snippets(new IndexSearcher(r), queryAnalyzer, textQuery, ids);
                List<List<SearchResult.Fragment>> out = new ArrayList<>(texts.size());
                for (int i = 0; i < ids.length; i++) {
                    @SuppressWarnings("unchecked")
                    List<SearchResult.Fragment> f = snippets == null || snippets[i] == null
                            ? ReportSearcher.FragmentFormatter.lead(texts.get(i))
                            : (List<SearchResult.Fragment>) snippets[i];
                    out.add(f);
                }
                return out;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
