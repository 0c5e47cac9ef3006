package org.shuzhi.index;

import java.io.Closeable;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
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
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
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
public final class ReportSearcher implements Closeable {
    /** Longest snippet, in UTF-16 chars; longer passages are cut around their first match. */
    static final int MAX_FRAGMENT_CHARS = 160;

    private final Path folder;
    private final Directory dir;
    private final SearcherManager manager;
    private final Analyzer queryAnalyzer;
    private final Segmenter segmenter;
    private final FacetsConfig facetsConfig = Schema.facetsConfig();
    private final Map<IndexReader, SortedSetDocValuesReaderState> facetStates =
            java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    private ReportSearcher(Path folder, Directory dir, SearcherManager manager, Analyzer queryAnalyzer,
                           Segmenter segmenter) {
        this.segmenter = segmenter;
        this.folder = folder;
        this.dir = dir;
        this.manager = manager;
        this.queryAnalyzer = queryAnalyzer;
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
            Map<String, Analyzer> keyword = new HashMap<>();
            for (String f : Schema.KEYWORD_FIELDS) {
                keyword.put(f, new KeywordAnalyzer());
            }
            Analyzer qa = new PerFieldAnalyzerWrapper(new HanlpAnalyzer(segmenter, false), keyword);
            return new ReportSearcher(folder, dir, new SearcherManager(dir, null), qa, segmenter);
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
    static final float EXACT_BOOST = 1000f;

    /**
     * Parses a query the way {@link #search} does: Lucene's classic syntax (AND/OR/NOT, quotes, field:value, *), every
     * text word all of whose parts must occur, in any order (党员发展 finds 发展党员); a paragraph containing a word
     * exactly as typed scores {@link #EXACT_BOOST} more, so exact matches come first. A quoted phrase must occur as
     * written. A query the parser cannot read (an unpaired quote or bracket, a dangling operator) is searched as its
     * plain words; see {@link #readAsPlainWords}. Never throws for the text of a query.
     *
     * @return the query; no documents for a query with no words
     */
    public Query parse(String query) {
        if (query == null || query.isBlank() || query.strip().equals("*")) {
            return new MatchAllDocsQuery();
        }
        try {
            return parser().parse(asciiQuotes(query));
        } catch (ParseException | IllegalArgumentException | org.apache.lucene.search.IndexSearcher.TooManyClauses e) {
            String plain = plainWords(query);
            if (plain.isEmpty()) {
                return new org.apache.lucene.search.MatchNoDocsQuery("no words in " + query);
            }
            try {
                return parser().parse(plain);
            } catch (ParseException | IllegalArgumentException
                     | org.apache.lucene.search.IndexSearcher.TooManyClauses again) {
                return new org.apache.lucene.search.MatchNoDocsQuery("unreadable " + query);
            }
        }
    }

    /** @return true when {@code query} does not parse and {@link #parse} searches its plain words instead */
    public boolean readAsPlainWords(String query) {
        if (query == null || query.isBlank() || query.strip().equals("*")) {
            return false;
        }
        try {
            parser().parse(asciiQuotes(query));
            return false;
        } catch (ParseException | IllegalArgumentException | org.apache.lucene.search.IndexSearcher.TooManyClauses e) {
            return true;
        }
    }

    /** @return {@code query} with Chinese quotation marks “…” (as an input method types them) as ASCII quotes */
    static String asciiQuotes(String query) {
        return query.replace('“', '"').replace('”', '"').replace('＂', '"');
    }

    /** @return {@code query} with the query syntax removed: operators, quotes, brackets and other special characters */
    static String plainWords(String query) {
        String words = query.replaceAll("[+\\-!(){}\\[\\]^\"~*?:\\\\/&|“”＂]", " ");
        return java.util.Arrays.stream(words.strip().split("\\s+"))
                .filter(w -> !w.isEmpty() && !List.of("AND", "OR", "NOT").contains(w))
                .collect(java.util.stream.Collectors.joining(" "));
    }

    private QueryParser parser() {
        QueryParser parser = new WordQueryParser();
        parser.setDefaultOperator(QueryParser.Operator.AND);
        parser.setSplitOnWhitespace(true);
        parser.setAutoGeneratePhraseQueries(true);
        parser.setAllowLeadingWildcard(false);
        return parser;
    }

    /**
     * The classic query parser, with one change for unquoted text words: a word (e.g. 党员发展, segmented as one
     * dictionary word, or 国土资源局 as three) matches a paragraph that contains all its parts in any order, and matches
     * it exactly as typed with {@link #EXACT_BOOST}. The parts are the segmenter's index-mode sub-words (党员 + 发展),
     * the same tokens the indexer stacks under a compound, so they meet the index.
     */
    private final class WordQueryParser extends QueryParser {
        WordQueryParser() {
            super(Schema.TEXT, queryAnalyzer);
        }

        @Override
        protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
            Query exact = super.getFieldQuery(field, queryText, quoted);
            if (quoted || !Schema.TEXT.equals(field) || exact == null) {
                return exact;
            }
            List<String> parts = parts(queryText);
            if (parts.size() < 2) {
                return exact;
            }
            BooleanQuery.Builder all = new BooleanQuery.Builder();
            parts.forEach(w -> all.add(new TermQuery(new Term(field, w)), BooleanClause.Occur.MUST));
            return new BooleanQuery.Builder()
                    .add(new org.apache.lucene.search.BoostQuery(
                            new org.apache.lucene.search.ConstantScoreQuery(exact), EXACT_BOOST),
                            BooleanClause.Occur.SHOULD)
                    .add(all.build(), BooleanClause.Occur.SHOULD)
                    .build();
        }
    }

    /**
     * @return the finest words of {@code text}: each index-mode word, replaced by its stacked sub-words where those
     *         cover it end to end (党员发展 → 党员, 发展; 主题党日 stays, its parts leave 党日 out); lower case, distinct
     */
    private List<String> parts(String text) {
        List<Segmenter.SearchToken> tokens = segmenter.searchTokens(
                org.shuzhi.pipeline.dict.TextFold.fold(text), true);
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            Segmenter.SearchToken word = tokens.get(i);
            if (word.stacked()) {
                continue;
            }
            List<Segmenter.SearchToken> tiling = new ArrayList<>();
            int at = word.start();
            for (int j = i + 1; j < tokens.size() && tokens.get(j).stacked(); j++) {
                Segmenter.SearchToken p = tokens.get(j);
                if (p.start() == at && p.end() <= word.end() && p.end() > p.start()) {
                    tiling.add(p);
                    at = p.end();
                }
            }
            if (at == word.end() && tiling.size() > 1) {
                tiling.forEach(p -> out.add(p.word().toLowerCase(Locale.ROOT)));
            } else {
                out.add(word.word().toLowerCase(Locale.ROOT));
            }
        }
        return List.copyOf(out);
    }

    /**
     * Runs a search.
     *
     * @throws IndexException when the query does not parse, or the index cannot be read
     */
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
            mlt.setMinTermFreq(1);
            mlt.setMinDocFreq(1);
            mlt.setMinWordLen(2);
            mlt.setMaxQueryTerms(40);
            Query like = mlt.like(Schema.TEXT, new StringReader(text == null ? "" : text));
            return run(like, req, id);
        } catch (IOException e) {
            throw ioError(e);
        } finally {
            release(s);
        }
    }

    /** @return one hit by index id without snippets, or null */
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
        FragmentHighlighter hl = new FragmentHighlighter(UnifiedHighlighter.builder(s, queryAnalyzer)
                .withBreakIterator(() -> BreakIterator.getSentenceInstance(Locale.CHINA))
                .withFormatter(new FragmentFormatter())
                .withMaxLength(200_000));
        Object[] snippets = hl.fragments(new String[] {Schema.TEXT},
                textQuery, ids, new int[] {2})
                .get(Schema.TEXT);
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
    private static final class FragmentHighlighter extends UnifiedHighlighter {
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
