package org.shuzhi.solr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.ClassicSimilarity;
import org.apache.lucene.util.PriorityQueue;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.request.QueryRequest;
import org.apache.solr.client.solrj.response.FacetField;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.params.ModifiableSolrParams;
import org.shuzhi.index.IndexException;
import org.shuzhi.index.ReportQueryParser;
import org.shuzhi.index.ReportSearch;
import org.shuzhi.index.ReportSearcher;
import org.shuzhi.index.Schema;
import org.shuzhi.index.SearchRequest;
import org.shuzhi.index.SearchResult;
import org.shuzhi.index.Snippets;
import org.shuzhi.pipeline.segment.Segmenter;

/**
 * Searches a SolrCloud collection written by {@link SolrReportIndexer}, with the same answers as the embedded
 * {@link ReportSearcher}: the query is parsed by the same {@link ReportQueryParser} and sent as term-level syntax
 * ({@link QueryWriter}); BM25 uses collection-wide statistics (the configset's ExactStatsCache), so scores do not
 * depend on the shards; facets are Solr field facets (top 50 values, count then value order, as the embedded
 * facets); snippets are made by {@link Snippets}, the embedded highlighter over the hit texts; more-like-this picks
 * its terms as Lucene's {@code MoreLikeThis} does, with the document frequencies of the whole collection. Hits with
 * equal scores may come in another order than in the embedded index (which orders them by insertion). Thread-safe.
 */
public final class SolrReportSearcher implements ReportSearch {
    private static final String FL = "*,score";

    private final SolrConnection solr;
    private final ReportQueryParser parser;
    private final Snippets snippets;
    private final Analyzer queryAnalyzer;

    /** @param segmenter the pipeline's segmenter (carries the domain terms) */
    public SolrReportSearcher(SolrConnection solr, Segmenter segmenter) {
        this.solr = solr;
        this.parser = new ReportQueryParser(segmenter);
        this.snippets = new Snippets(segmenter);
        this.queryAnalyzer = parser.analyzer();
    }

    @Override
    public SearchResult search(SearchRequest req) {
        return run(parser.parse(req.query()), req, null);
    }

    @Override
    public SearchResult similar(String id, SearchRequest req) {
        QueryResponse r = query(params("{!term f=" + Schema.ID + "}" + id, 0, 1, Schema.TEXT));
        if (r.getResults().isEmpty()) {
            return new SearchResult(0, List.of(), List.of());
        }
        Object text = r.getResults().get(0).getFirstValue(Schema.TEXT);
        return run(moreLikeThis(text == null ? "" : text.toString()), req, id);
    }

    @Override
    public SearchResult.Hit get(String id) {
        QueryResponse r = query(params("{!term f=" + Schema.ID + "}" + id, 0, 1, FL));
        return r.getResults().isEmpty() ? null : hit(r.getResults().get(0), 0f, List.of());
    }

    @Override
    public boolean readAsPlainWords(String query) {
        return parser.readAsPlainWords(query);
    }

    @Override
    public String describe() {
        return "Solr 集合 " + solr.collection() + "（" + String.join(",", solr.urls()) + "）";
    }

    @Override
    public void close() throws IOException {
        solr.close();
    }

    private SearchResult run(Query textQuery, SearchRequest req, String excludeId) {
        if (textQuery instanceof MatchNoDocsQuery) {
            return new SearchResult(0, List.of(), List.of());
        }
        boolean all = textQuery instanceof MatchAllDocsQuery;
        ModifiableSolrParams p = params(QueryWriter.write(textQuery), req.offset(), req.limit(), FL);
        p.add("fq", "{!term f=" + Schema.TYPE + "}" + req.type());
        if (excludeId != null) {
            p.add("fq", "-" + Schema.ID + ":" + QueryWriter.quote(excludeId));
        }
        for (Map.Entry<String, List<String>> f : req.filters().entrySet()) {
            String fq = filter(f.getKey(), f.getValue());
            if (fq != null) {
                p.add("fq", fq);
            }
        }
        String sort = sort(req.sort());
        if (sort != null) {
            p.set("sort", sort);
        }
        p.set("facet", true);
        p.set("facet.limit", 50);
        p.set("facet.mincount", 1);
        p.set("facet.sort", "count");
        for (String dim : Schema.FACETS) {
            p.add("facet.field", dim);
        }
        QueryResponse r = query(p);
        List<SolrDocument> docs = r.getResults();
        List<String> texts = new ArrayList<>(docs.size());
        List<Map<String, List<String>>> keywords = new ArrayList<>(docs.size());
        for (SolrDocument d : docs) {
            Object t = d.getFirstValue(Schema.TEXT);
            texts.add(Schema.TYPE_PARAGRAPH.equals(d.getFirstValue(Schema.TYPE)) && t != null ? t.toString() : null);
            Map<String, List<String>> k = new HashMap<>();
            Schema.KEYWORD_FIELDS.forEach(f -> k.put(f, strs(d, f)));
            keywords.add(k);
        }
        List<List<SearchResult.Fragment>> frags = snippets.of(textQuery, texts, keywords);
        List<SearchResult.Hit> hits = new ArrayList<>(docs.size());
        for (int i = 0; i < docs.size(); i++) {
            Object score = docs.get(i).getFirstValue("score");
            float s = all || !(score instanceof Number n) || Float.isNaN(n.floatValue()) ? 0f : n.floatValue();
            hits.add(hit(docs.get(i), s, frags.get(i)));
        }
        return new SearchResult(r.getResults().getNumFound(), hits, facets(r));
    }

    private static String filter(String field, List<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (!Schema.FACETS.contains(field)) {
            throw new IllegalArgumentException("not a filter field: " + field);
        }
        List<String> any = new ArrayList<>();
        for (String v : values) {
            String value = v.strip();
            if (field.equals(Schema.YEAR)) {
                try {
                    any.add(field + ":" + QueryWriter.quote(Integer.toString(Integer.parseInt(value))));
                } catch (NumberFormatException e) {
                    throw new IndexException(IndexException.Kind.MALFORMED_QUERY, "年度应为四位数字，例如 2025，而不是："
                            + value, e);
                }
            } else if (field.equals(Schema.UNIT) || field.equals(Schema.SECRETARY)) {
                any.add(field + ":*" + QueryWriter.escape(value) + "*");
            } else {
                any.add(field + ":" + QueryWriter.quote(value));
            }
        }
        return "(" + String.join(" OR ", any) + ")";
    }

    private static String sort(SearchRequest.Order order) {
        String tie = Schema.REPORT_ID + " asc," + Schema.PARAGRAPH + " asc";
        return switch (order) {
            case RELEVANCE -> null;
            case YEAR -> Schema.YEAR + " desc," + tie;
            case UNIT -> Schema.UNIT + " asc," + Schema.YEAR + " desc," + tie;
            case CONCRETENESS -> Schema.CONCRETENESS + " asc," + tie;
            case VAGUENESS -> Schema.VAGUENESS + " desc," + tie;
        };
    }

    private static List<SearchResult.Facet> facets(QueryResponse r) {
        Map<String, FacetField> byName = new HashMap<>();
        if (r.getFacetFields() != null) {
            r.getFacetFields().forEach(f -> byName.put(f.getName(), f));
        }
        List<SearchResult.Facet> out = new ArrayList<>();
        for (String dim : Schema.FACETS) {
            FacetField f = byName.get(dim);
            if (f == null || f.getValues() == null || f.getValues().isEmpty()) {
                continue;
            }
            List<SearchResult.FacetValue> values = new ArrayList<>();
            f.getValues().forEach(c -> values.add(new SearchResult.FacetValue(c.getName(), c.getCount())));
            out.add(new SearchResult.Facet(dim, values));
        }
        return out;
    }

    private static SearchResult.Hit hit(SolrDocument d, float score, List<SearchResult.Fragment> frags) {
        boolean paragraph = Schema.TYPE_PARAGRAPH.equals(d.getFirstValue(Schema.TYPE));
        Object year = d.getFirstValue(Schema.YEAR);
        Object heading = d.getFirstValue(Schema.SECTION_HEADING);
        return new SearchResult.Hit(str(d, Schema.ID), str(d, Schema.REPORT_ID), str(d, Schema.SOURCE),
                num(d, Schema.PARAGRAPH, -1), num(d, Schema.START, 0), num(d, Schema.END, 0), str(d, Schema.UNIT),
                str(d, Schema.SECRETARY), year == null ? null : Integer.valueOf(year.toString()),
                str(d, Schema.SECTOR), str(d, Schema.DOC_TYPE), str(d, Schema.CATEGORY), strs(d, Schema.SECTION),
                heading == null ? "" : heading.toString(), strs(d, Schema.FLAG),
                paragraph && d.getFirstValue(Schema.TEXT) != null ? d.getFirstValue(Schema.TEXT).toString() : "",
                score, frags);
    }

    private static String str(SolrDocument d, String field) {
        Object v = d.getFirstValue(field);
        return v == null ? null : v.toString();
    }

    private static List<String> strs(SolrDocument d, String field) {
        Collection<Object> vs = d.getFieldValues(field);
        return vs == null ? List.of() : vs.stream().map(Object::toString).toList();
    }

    private static int num(SolrDocument d, String field, int missing) {
        Object v = d.getFirstValue(field);
        return v instanceof Number n ? n.intValue() : missing;
    }

    private static ModifiableSolrParams params(String q, int start, int rows, String fl) {
        ModifiableSolrParams p = new ModifiableSolrParams();
        p.set("q", q);
        p.set("q.op", "OR");
        p.set("defType", "lucene");
        p.set("start", start);
        p.set("rows", rows);
        p.set("fl", fl);
        return p;
    }

    private QueryResponse query(ModifiableSolrParams p) {
        QueryRequest req = new QueryRequest(p, SolrRequest.METHOD.POST);
        QueryResponse r = new QueryResponse();
        r.setResponse(solr.request(req, true));
        return r;
    }

    /**
     * The more-like-this query of Lucene's {@code MoreLikeThis} with {@link ReportSearcher}'s settings (query-mode
     * words of at least {@link ReportSearcher#MLT_MIN_WORD_LEN} chars, tf × classic idf, the best
     * {@link ReportSearcher#MLT_MAX_QUERY_TERMS}), the document frequencies taken from the whole collection.
     */
    Query moreLikeThis(String text) {
        Map<String, int[]> tf = new HashMap<>();
        int parsed = 0;
        try (TokenStream ts = queryAnalyzer.tokenStream(Schema.TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                if (++parsed > org.apache.lucene.queries.mlt.MoreLikeThis.DEFAULT_MAX_NUM_TOKENS_PARSED) {
                    break;
                }
                String w = term.toString();
                if (w.length() < ReportSearcher.MLT_MIN_WORD_LEN) {
                    continue;
                }
                tf.computeIfAbsent(w, k -> new int[1])[0]++;
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Long> df = docFreqs(tf.keySet());
        long docCount = df.getOrDefault(null, 0L);
        int limit = Math.min(ReportSearcher.MLT_MAX_QUERY_TERMS, tf.size());
        PriorityQueue<Object[]> queue = new PriorityQueue<>(limit) {
            @Override
            protected boolean lessThan(Object[] a, Object[] b) {
                return (float) a[1] < (float) b[1];
            }
        };
        ClassicSimilarity sim = new ClassicSimilarity();
        for (Map.Entry<String, int[]> e : tf.entrySet()) {
            int freq = e.getValue()[0];
            if (freq < ReportSearcher.MLT_MIN_TERM_FREQ) {
                continue;
            }
            long docFreq = df.getOrDefault(e.getKey(), 0L);
            if (docFreq < ReportSearcher.MLT_MIN_DOC_FREQ || docFreq == 0) {
                continue;
            }
            float score = freq * sim.idf(docFreq, docCount);
            if (queue.size() < limit) {
                queue.add(new Object[] {e.getKey(), score});
            } else if ((float) queue.top()[1] < score) {
                queue.top()[0] = e.getKey();
                queue.top()[1] = score;
                queue.updateTop();
            }
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        for (Object[] t = queue.pop(); t != null; t = queue.pop()) {
            b.add(new TermQuery(new Term(Schema.TEXT, (String) t[0])), BooleanClause.Occur.SHOULD);
        }
        return b.build();
    }

    /** @return word → number of documents whose text has it, and null → number of documents with any text */
    private Map<String, Long> docFreqs(Collection<String> words) {
        ModifiableSolrParams p = params("*:*", 0, 0, Schema.ID);
        p.set("facet", true);
        Map<String, String> keys = new LinkedHashMap<>();
        keys.put(null, Schema.TEXT + ":[* TO *]");
        for (String w : words) {
            keys.put(w, Schema.TEXT + ":" + QueryWriter.quote(w));
        }
        keys.values().forEach(q -> p.add("facet.query", q));
        Map<String, Integer> counts = query(p).getFacetQuery();
        Map<String, Long> out = new HashMap<>();
        keys.forEach((w, q) -> out.put(w, counts == null ? 0L : counts.getOrDefault(q, 0).longValue()));
        return out;
    }
}
