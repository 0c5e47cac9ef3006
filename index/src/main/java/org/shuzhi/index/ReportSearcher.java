package org.shuzhi.index;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.WildcardQuery;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.shuzhi.pipeline.segment.Segmenter;

/**
 * Searches an index written by {@link ReportIndexer}: Lucene query syntax over Chinese text, filters, facet counts,
 * highlighted snippets and more-like-this. Sees the index as of its last commit, and picks up new commits on every
 * call (a server keeps one searcher while {@code analyze} runs). Thread-safe.
 */
public final class ReportSearcher implements ReportSearch {
    /** More-like-this settings (Lucene's {@link MoreLikeThis}); a remote engine must use the same. */
    public static final int MLT_MIN_TERM_FREQ = 1;
    public static final int MLT_MIN_DOC_FREQ = 1;
    public static final int MLT_MIN_WORD_LEN = 2;
    public static final int MLT_MAX_QUERY_TERMS = 40;

    /** Longest snippet, in UTF-16 chars; longer passages are cut around their first match. */
    static final int MAX_FRAGMENT_CHARS = 160;

    private final Path folder;
    private final Directory dir;
    private final SearcherManager manager;
    private final Analyzer queryAnalyzer;
    private final ReportQueryParser parser;
    private final FacetsConfig facetsConfig = Schema.facetsConfig();
    private final Map<IndexReader, SortedSetDocValuesReaderState> facetStates =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    private ReportSearcher(Path folder, Directory dir, SearcherManager manager, ReportQueryParser parser) {
        this.parser = parser;
        this.folder = folder;
        this.dir = dir;
        this.manager = manager;
        this.queryAnalyzer = parser.analyzer();
    }

    /**
     * Opens the index in {@code folder}.
     *
     * @throws IndexException {@link IndexException.Kind#MISSING} when there is no index there, {@link
     *                        IndexException.Kind#IO} when it cannot be read
     */
    public static ReportSearcher open(Path folder, Segmenter segmenter) {
        Directory dir = null;
        try {
            dir = FSDirectory.open(folder);
            if (!DirectoryReader.indexExists(dir)) {
                dir.close();
                throw new IndexException(IndexException.Kind.MISSING, "找不到索引：" + folder
                        + "。请先运行 ./shuzhi analyze <报告文件夹>（索引写在输出文件夹的 index/ 下），或用 --reports 指定输出文件夹",
                        null);
            }
            return new ReportSearcher(folder, dir, new SearcherManager(dir, null), new ReportQueryParser(segmenter));
        } catch (IOException e) {
            try {
                if (dir != null) {
                    dir.close();
                }
            } catch (IOException ignored) {
                // reporting the first error
            }
            throw new IndexException(IndexException.Kind.IO, "无法读取索引 " + folder + "：" + e.getMessage()
                    + "。索引损坏时可删除该文件夹后重新运行 analyze", e);
        }
    }

    /** @return the index folder */
    public Path folder() {
        return folder;
    }

    /** Score added to a paragraph for each query word it contains exactly as typed: exact matches rank first. */
    static final float EXACT_BOOST = ReportQueryParser.EXACT_BOOST;

    /** Parses a query as {@link #search} does; see {@link ReportQueryParser#parse}. Never throws for the text. */
    public Query parse(String query) {
        return parser.parse(query);
    }

    @Override
    public boolean readAsPlainWords(String query) {
        return parser.readAsPlainWords(query);
    }

    @Override
    public String describe() {
        return "索引 " + folder;
    }


    /**
     * Runs a search.
     *
     * @throws IndexException when the query does not parse, or the index cannot be read
     */
    @Override
    public SearchResult search(SearchRequest req) {
        return run(parse(req.query()), req, null);
    }

    /**
     * Paragraphs similar to one paragraph (more-like-this over the text of all reports and years), the paragraph
     * itself excluded. The request's query is ignored; its filters, page and order apply.
     *
     * @param id the paragraph's index id ({@code <reportId>#p<index>})
     * @return the similar paragraphs, or an empty result when the id is unknown
     */
    @Override
    public SearchResult similar(String id, SearchRequest req) {
        IndexSearcher s = acquire();
        try {
            TopDocs td = s.search(new TermQuery(new Term(Schema.ID, id)), 1);
            if (td.scoreDocs.length == 0) {
                return new SearchResult(0, List.of(), List.of());
            }
            String text = s.storedFields().document(td.scoreDocs[0].doc).get(Schema.TEXT);
            MoreLikeThis mlt = new MoreLikeThis(s.getIndexReader());
            mlt.setAnalyzer(queryAnalyzer);
            mlt.setFieldNames(new String[] {Schema.TEXT});
            mlt.setMinTermFreq(MLT_MIN_TERM_FREQ);
            mlt.setMinDocFreq(MLT_MIN_DOC_FREQ);
            mlt.setMinWordLen(MLT_MIN_WORD_LEN);
            mlt.setMaxQueryTerms(MLT_MAX_QUERY_TERMS);
            Query like = mlt.like(Schema.TEXT, new StringReader(text == null ? "" : text));
            return run(like, req, id);
        } catch (IOException e) {
            throw ioError(e);
        } finally {
            release(s);
        }
    }

    /** @return one hit by index id without snippets, or null */
    @Override
    public SearchResult.Hit get(String id) {
        IndexSearcher s = acquire();
        try {
            TopDocs td = s.search(new TermQuery(new Term(Schema.ID, id)), 1);
            return td.scoreDocs.length == 0 ? null : hit(s.storedFields().document(td.scoreDocs[0].doc), 0f,
                    List.of());
        } catch (IOException e) {
            throw ioError(e);
        } finally {
            release(s);
        }
    }

    private SearchResult run(Query textQuery, SearchRequest req, String excludeId) {
        IndexSearcher s = acquire();
        try {
            BooleanQuery.Builder b = new BooleanQuery.Builder();
            b.add(textQuery, textQuery instanceof MatchAllDocsQuery ? BooleanClause.Occur.FILTER
                    : BooleanClause.Occur.MUST);
            b.add(new TermQuery(new Term(Schema.TYPE, req.type())), BooleanClause.Occur.FILTER);
            if (excludeId != null) {
                b.add(new TermQuery(new Term(Schema.ID, excludeId)), BooleanClause.Occur.MUST_NOT);
            }
            for (Map.Entry<String, List<String>> f : req.filters().entrySet()) {
                Query fq = filter(f.getKey(), f.getValue());
                if (fq != null) {
                    b.add(fq, BooleanClause.Occur.FILTER);
                }
            }
            Query q = b.build();
            int n = req.offset() + req.limit();
            Sort sort = sort(req.sort());
            FacetsCollectorManager.FacetsResult r = sort == null
                    ? FacetsCollectorManager.search(s, q, n, new FacetsCollectorManager())
                    : FacetsCollectorManager.search(s, q, n, sort, true, new FacetsCollectorManager());
            FacetsCollector fc = r.facetsCollector();
            long total = fc.getMatchingDocs().stream().mapToLong(m -> m.totalHits).sum();
            ScoreDoc[] page = Arrays.copyOfRange(r.topDocs().scoreDocs,
                    Math.min(req.offset(), r.topDocs().scoreDocs.length), r.topDocs().scoreDocs.length);
            return new SearchResult(total, hits(s, textQuery, page), facets(s, fc));
        } catch (IOException e) {
            throw ioError(e);
        } finally {
            release(s);
        }
    }

    private static Query filter(String field, List<String> values) {
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (!Schema.FACETS.contains(field)) {
            throw new IllegalArgumentException("not a filter field: " + field);
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String v : values) {
            String value = v.strip();
            if (field.equals(Schema.YEAR)) {
                try {
                    any.add(IntPoint.newExactQuery(Schema.YEAR, Integer.parseInt(value)), BooleanClause.Occur.SHOULD);
                } catch (NumberFormatException e) {
                    throw new IndexException(IndexException.Kind.MALFORMED_QUERY, "年度应为四位数字，例如 2025，而不是："
                            + value, e);
                }
            } else if (field.equals(Schema.UNIT) || field.equals(Schema.SECRETARY)) {
                any.add(new WildcardQuery(new Term(field, "*" + escapeWildcard(value) + "*")),
                        BooleanClause.Occur.SHOULD);
            } else {
                any.add(new TermQuery(new Term(field, value)), BooleanClause.Occur.SHOULD);
                if ((field.equals(Schema.CATEGORY) || field.equals(Schema.SECTION)) && value.contains("-")) {
                    // an index written under JSON contract 1 holds the category as self_assessment
                    any.add(new TermQuery(new Term(field, value.replace('-', '_'))), BooleanClause.Occur.SHOULD);
                }
            }
        }
        return any.build();
    }

    private static String escapeWildcard(String s) {
        return s.replace("\\", "\\\\").replace("*", "\\*").replace("?", "\\?");
    }

    private static Sort sort(SearchRequest.Order order) {
        SortField report = new SortField(Schema.REPORT_ID, SortField.Type.STRING);
        SortField paragraph = new SortField(Schema.PARAGRAPH, SortField.Type.INT);
        SortField yearDesc = new SortField(Schema.YEAR, SortField.Type.INT, true);
        SortField unit = new SortField(Schema.UNIT, SortField.Type.STRING);
        unit.setMissingValue(SortField.STRING_LAST);
        return switch (order) {
            case RELEVANCE -> null;
            case YEAR -> new Sort(yearDesc, report, paragraph);
            case UNIT -> new Sort(unit, yearDesc, report, paragraph);
            case CONCRETENESS -> new Sort(new SortField(Schema.CONCRETENESS, SortField.Type.DOUBLE), report,
                    paragraph);
            case VAGUENESS -> new Sort(new SortField(Schema.VAGUENESS, SortField.Type.DOUBLE, true), report,
                    paragraph);
        };
    }

    private List<SearchResult.Hit> hits(IndexSearcher s, Query textQuery, ScoreDoc[] page) throws IOException {
        if (page.length == 0) {
            return List.of();
        }
        int[] ids = new int[page.length];
        for (int i = 0; i < page.length; i++) {
            ids[i] = page[i].doc;
        }
        Object[] snippets = snippets(s, queryAnalyzer, textQuery, ids);
        List<SearchResult.Hit> out = new ArrayList<>(page.length);
        for (int i = 0; i < page.length; i++) {
            Document d = s.storedFields().document(page[i].doc);
            @SuppressWarnings("unchecked")
            List<SearchResult.Fragment> frags = snippets == null || snippets[i] == null
                    ? FragmentFormatter.lead(d.get(Schema.TEXT)) : (List<SearchResult.Fragment>) snippets[i];
            float score = Float.isNaN(page[i].score) ? 0f : page[i].score;
            out.add(hit(d, score, frags));
        }
        return out;
    }

    /**
     * Highlights {@link Schema#TEXT} of documents {@code ids} of {@code s} for {@code textQuery}: up to two sentence
     * passages each, as lists of {@link SearchResult.Fragment} (null where nothing matched).
     */
    static Object[] snippets(IndexSearcher s, Analyzer analyzer, Query textQuery, int[] ids) throws IOException {
        FragmentHighlighter hl = new FragmentHighlighter(UnifiedHighlighter.builder(s, analyzer)
                .withBreakIterator(() -> BreakIterator.getSentenceInstance(Locale.CHINA))
                .withFormatter(new FragmentFormatter())
                .withMaxLength(200_000));
        return hl.fragments(new String[] {Schema.TEXT}, textQuery, ids, new int[] {2}).get(Schema.TEXT);
    }

    private static SearchResult.Hit hit(Document d, float score, List<SearchResult.Fragment> frags) {
        boolean paragraph = Schema.TYPE_PARAGRAPH.equals(d.get(Schema.TYPE));
        return new SearchResult.Hit(d.get(Schema.ID), d.get(Schema.REPORT_ID), d.get(Schema.SOURCE),
                intOf(d, Schema.PARAGRAPH, -1), intOf(d, Schema.START, 0), intOf(d, Schema.END, 0), d.get(Schema.UNIT),
                d.get(Schema.SECRETARY), d.getField(Schema.YEAR) == null ? null
                        : d.getField(Schema.YEAR).numericValue().intValue(), d.get(Schema.SECTOR),
                d.get(Schema.DOC_TYPE), d.get(Schema.CATEGORY), List.of(d.getValues(Schema.SECTION)),
                d.get(Schema.SECTION_HEADING) == null ? "" : d.get(Schema.SECTION_HEADING),
                List.of(d.getValues(Schema.FLAG)), paragraph ? d.get(Schema.TEXT) : "", score, frags);
    }

    private static int intOf(Document d, String field, int missing) {
        return d.getField(field) == null ? missing : d.getField(field).numericValue().intValue();
    }

    private List<SearchResult.Facet> facets(IndexSearcher s, FacetsCollector fc) throws IOException {
        SortedSetDocValuesReaderState state;
        try {
            state = facetStates.computeIfAbsent(s.getIndexReader(), r -> {
                try {
                    return new DefaultSortedSetDocValuesReaderState(r, facetsConfig);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (IllegalArgumentException e) {
            return List.of(); // an empty index has no facet field yet
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        SortedSetDocValuesFacetCounts counts = new SortedSetDocValuesFacetCounts(state, fc);
        List<SearchResult.Facet> out = new ArrayList<>();
        for (String dim : Schema.FACETS) {
            FacetResult fr;
            try {
                fr = counts.getTopChildren(50, dim);
            } catch (IllegalArgumentException e) {
                continue; // dimension never indexed (e.g. no sector in any manifest)
            }
            if (fr == null || fr.labelValues.length == 0) {
                continue;
            }
            List<SearchResult.FacetValue> values = new ArrayList<>();
            for (LabelAndValue lv : fr.labelValues) {
                values.add(new SearchResult.FacetValue(lv.label, lv.value.longValue()));
            }
            out.add(new SearchResult.Facet(dim, values));
        }
        return out;
    }

    private IndexSearcher acquire() {
        try {
            manager.maybeRefresh();
            return manager.acquire();
        } catch (IOException e) {
            throw ioError(e);
        }
    }

    private void release(IndexSearcher s) {
        try {
            manager.release(s);
        } catch (IOException e) {
            throw ioError(e);
        }
    }

    private IndexException ioError(IOException e) {
        return new IndexException(IndexException.Kind.IO, "读取索引 " + folder + " 失败：" + e.getMessage(), e);
    }

    @Override
    public void close() throws IOException {
        try {
            manager.close();
        } finally {
            dir.close();
        }
    }

    /** A highlighter that hands out the formatter's objects (the base class keeps that method protected). */
    static final class FragmentHighlighter extends UnifiedHighlighter {
        FragmentHighlighter(Builder b) {
            super(b);
        }

        Map<String, Object[]> fragments(String[] fields, Query q, int[] docs, int[] passages) throws IOException {
            return highlightFieldsAsObjects(fields, q, docs, passages);
        }
    }

    /** Turns highlighter passages into {@link SearchResult.Fragment}s. */
    static final class FragmentFormatter extends PassageFormatter {
        @Override
        public Object format(Passage[] passages, String content) {
            List<SearchResult.Fragment> out = new ArrayList<>();
            for (Passage p : passages) {
                List<SearchResult.Mark> marks = new ArrayList<>();
                // a compound and its stacked parts match at overlapping offsets, not necessarily in start order
                Integer[] order = new Integer[p.getNumMatches()];
                Arrays.setAll(order, i -> i);
                Arrays.sort(order, java.util.Comparator.comparingInt((Integer i) -> p.getMatchStarts()[i])
                        .thenComparingInt(i -> -p.getMatchEnds()[i]));
                for (int i : order) {
                    int ms = p.getMatchStarts()[i];
                    int me = p.getMatchEnds()[i];
                    if (!marks.isEmpty() && ms <= marks.get(marks.size() - 1).end()) {
                        SearchResult.Mark last = marks.remove(marks.size() - 1);
                        marks.add(new SearchResult.Mark(last.start(), Math.max(last.end(), me)));
                    } else {
                        marks.add(new SearchResult.Mark(ms, me));
                    }
                }
                out.add(window(content, p.getStartOffset(), p.getEndOffset(), marks));
            }
            return out;
        }

        /** The opening of a text without marks, for hits that match no words (filters only). */
        static List<SearchResult.Fragment> lead(String text) {
            String t = text == null ? "" : text;
            return List.of(window(t, 0, t.length(), List.of()));
        }

        /**
         * A fragment of {@code content[start, end)} at most {@link #MAX_FRAGMENT_CHARS} long, centred on the first
         * mark; marks are given in content offsets and returned relative to the fragment.
         */
        static SearchResult.Fragment window(String content, int start, int end, List<SearchResult.Mark> marks) {
            int from = start;
            int to = end;
            if (to - from > MAX_FRAGMENT_CHARS) {
                int anchor = marks.isEmpty() ? from : marks.get(0).start();
                from = Math.max(start, anchor - MAX_FRAGMENT_CHARS / 4);
                to = Math.min(end, from + MAX_FRAGMENT_CHARS);
            }
            while (from > start && Character.isLowSurrogate(content.charAt(from))) {
                from--;
            }
            while (to < end && Character.isLowSurrogate(content.charAt(to))) {
                to++;
            }
            List<SearchResult.Mark> rel = new ArrayList<>();
            for (SearchResult.Mark m : marks) {
                int ms = Math.max(m.start(), from);
                int me = Math.min(m.end(), to);
                if (ms < me) {
                    rel.add(new SearchResult.Mark(ms - from, me - from));
                }
            }
            return new SearchResult.Fragment(content.substring(from, to), List.copyOf(rel), from > 0,
                    to < content.length());
        }
    }
}
