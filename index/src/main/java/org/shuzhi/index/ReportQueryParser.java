package org.shuzhi.index;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.shuzhi.pipeline.segment.Segmenter;

/**
 * Turns the text a user types into a Lucene {@link Query} over the {@link Schema}: one parser for every search
 * engine, so that the embedded index ({@link ReportSearcher}) and a remote one (SolrCloud, module {@code solr}) run
 * the same query for the same words. Thread-safe.
 */
public final class ReportQueryParser {
    private final Analyzer queryAnalyzer;
    private final Segmenter segmenter;

    /** @param segmenter the pipeline's segmenter (carries the domain terms) */
    public ReportQueryParser(Segmenter segmenter) {
        this.segmenter = segmenter;
        Map<String, Analyzer> keyword = new HashMap<>();
        for (String f : Schema.KEYWORD_FIELDS) {
            keyword.put(f, new KeywordAnalyzer());
        }
        this.queryAnalyzer = new PerFieldAnalyzerWrapper(new HanlpAnalyzer(segmenter, false), keyword);
    }

    /** @return the query-time analyzer: HanLP words for {@link Schema#TEXT}, whole values for keyword fields */
    public Analyzer analyzer() {
        return queryAnalyzer;
    }

    /** Score added to a paragraph for each query word it contains exactly as typed: exact matches rank first. */
    public static final float EXACT_BOOST = 1000f;

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
}
