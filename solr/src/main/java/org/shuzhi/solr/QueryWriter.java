package org.shuzhi.solr;

import java.util.Locale;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TermRangeQuery;
import org.apache.lucene.search.WildcardQuery;
import org.shuzhi.index.IndexException;

/**
 * Writes a Lucene query, as {@link org.shuzhi.index.ReportQueryParser} builds it, in Solr's standard query syntax so
 * that Solr parses it back into the same query: terms are already analysed (the collection's text field only splits
 * on whitespace at query time), every clause carries its occur sign ({@code +}, {@code -}, none for SHOULD), boosts
 * and constant scores are kept ({@code ^b}, {@code ^=b}). A query that matches nothing is written as
 * {@value #NOTHING}; a Boolean query with only prohibited clauses matches nothing in Lucene and is written so.
 */
final class QueryWriter {
    /** Matches no document. */
    static final String NOTHING = "(+*:* -*:*)";

    private QueryWriter() {
    }

    /**
     * @throws IndexException {@link IndexException.Kind#MALFORMED_QUERY} for a query kind Solr cannot express here
     */
    static String write(Query q) {
        StringBuilder sb = new StringBuilder();
        write(q, sb);
        return sb.toString();
    }

    private static void write(Query q, StringBuilder sb) {
        if (q instanceof MatchAllDocsQuery) {
            sb.append("*:*");
        } else if (q instanceof MatchNoDocsQuery) {
            sb.append(NOTHING);
        } else if (q instanceof TermQuery t) {
            term(t.getTerm(), sb);
        } else if (q instanceof PhraseQuery p) {
            phrase(p, sb);
        } else if (q instanceof BooleanQuery b) {
            bool(b, sb);
        } else if (q instanceof BoostQuery b && b.getQuery() instanceof ConstantScoreQuery c) {
            sb.append('(');
            write(c.getQuery(), sb);
            sb.append(")^=").append(number(b.getBoost()));
        } else if (q instanceof BoostQuery b) {
            sb.append('(');
            write(b.getQuery(), sb);
            sb.append(")^").append(number(b.getBoost()));
        } else if (q instanceof ConstantScoreQuery c) {
            sb.append('(');
            write(c.getQuery(), sb);
            sb.append(")^=1");
        } else if (q instanceof PrefixQuery p) {
            sb.append(p.getField()).append(':').append(escape(p.getPrefix().text())).append('*');
        } else if (q instanceof WildcardQuery w) {
            sb.append(w.getField()).append(':').append(escapeKeepWildcards(w.getTerm().text()));
        } else if (q instanceof FuzzyQuery f) {
            sb.append(f.getField()).append(':').append(escape(f.getTerm().text())).append('~').append(f.getMaxEdits());
        } else if (q instanceof TermRangeQuery r) {
            sb.append(r.getField()).append(':').append(r.includesLower() ? '[' : '{')
                    .append(r.getLowerTerm() == null ? "*" : quote(r.getLowerTerm().utf8ToString())).append(" TO ")
                    .append(r.getUpperTerm() == null ? "*" : quote(r.getUpperTerm().utf8ToString()))
                    .append(r.includesUpper() ? ']' : '}');
        } else {
            throw new IndexException(IndexException.Kind.MALFORMED_QUERY, "该查询写法在 Solr 检索中不受支持：" + q, null);
        }
    }

    private static void term(Term t, StringBuilder sb) {
        sb.append(t.field()).append(':').append(quote(t.text()));
    }

    private static void phrase(PhraseQuery p, StringBuilder sb) {
        Term[] terms = p.getTerms();
        int[] pos = p.getPositions();
        if (terms.length == 0) {
            sb.append(NOTHING);
            return;
        }
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < terms.length; i++) {
            if (pos[i] != pos[0] + i) {
                throw new IndexException(IndexException.Kind.MALFORMED_QUERY, "该短语在 Solr 检索中不受支持：" + p, null);
            }
            words.append(i == 0 ? "" : " ").append(terms[i].text());
        }
        sb.append(terms[0].field()).append(':').append(quote(words.toString()));
        if (p.getSlop() != 0) {
            sb.append('~').append(p.getSlop());
        }
    }

    private static void bool(BooleanQuery b, StringBuilder sb) {
        boolean positive = b.clauses().stream().anyMatch(c -> c.getOccur() != BooleanClause.Occur.MUST_NOT);
        if (!positive) {
            sb.append(NOTHING);
            return;
        }
        sb.append('(');
        boolean first = true;
        for (BooleanClause c : b.clauses()) {
            sb.append(first ? "" : " ");
            first = false;
            switch (c.getOccur()) {
                case MUST -> sb.append('+');
                case MUST_NOT -> sb.append('-');
                case SHOULD -> { }
                case FILTER -> throw new IndexException(IndexException.Kind.MALFORMED_QUERY,
                        "过滤子句在 Solr 检索中不受支持：" + b, null);
            }
            write(c.getQuery(), sb);
        }
        sb.append(')');
        if (b.getMinimumNumberShouldMatch() > 0) {
            throw new IndexException(IndexException.Kind.MALFORMED_QUERY, "该查询写法在 Solr 检索中不受支持：" + b, null);
        }
    }

    private static String number(float f) {
        return f == Math.rint(f) && Math.abs(f) < 1e9 ? Long.toString((long) f) : String.format(Locale.ROOT, "%s", f);
    }

    /** @return {@code s} in double quotes, with quotes and backslashes escaped */
    static String quote(String s) {
        return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    /** @return {@code s} with every character of the query syntax escaped (as SolrJ's ClientUtils does) */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("\\+-!():^[]\"{}~*?|&;/".indexOf(c) >= 0 || Character.isWhitespace(c)) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }

    private static String escapeKeepWildcards(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                sb.append(c).append(s.charAt(++i));
                continue;
            }
            if ("+-!():^[]\"{}~|&;/".indexOf(c) >= 0 || Character.isWhitespace(c)) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
