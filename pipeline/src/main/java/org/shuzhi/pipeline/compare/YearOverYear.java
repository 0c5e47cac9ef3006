package org.shuzhi.pipeline.compare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.shuzhi.pipeline.model.Comparison.OpenPromise;
import org.shuzhi.pipeline.model.Comparison.ProblemCoverage;
import org.shuzhi.pipeline.model.Comparison.YearOverYearMatch;
import org.shuzhi.pipeline.model.Span;

/**
 * The year-over-year comparison of a report with the earlier reports of its unit or secretary ({@link YearLinks};
 * DESIGN.md §1 "Year over year", seed 003 #6 防止年年述、年年改、年年在):
 *
 * <ul>
 *   <li>{@code REPEATED_PROBLEM} / {@code REPEATED_PLAN}: a problem or plan item whose content words match (cosine ≥
 *       {@link CompareOptions#repeatSimilarity()}) one of an earlier year's, nearest year first, each item matched
 *       once;</li>
 *   <li>{@code PLAN_KEPT}: an achievement or rectification sentence that states a promise of the previous report as
 *       done (overlap ≥ {@link CompareOptions#keptSimilarity()});</li>
 *   <li>the coverage of the previous report's problems by this report's rectification statement
 *       ({@link RectificationCoverage}) and the previous report's promises it never mentions ({@link OpenPromises}).</li>
 * </ul>
 * Similarities are the {@link ItemMatcher}'s over the whole corpus's items, reported with two decimals
 * ({@link Decimals#two}); a match whose letters are equal is verbatim, similarity 1. Thread-safe once built.
 */
final class YearOverYear {
    /**
     * The year-over-year findings of one report.
     *
     * @param matches      repeated problems and plans and kept plans, by span then kind
     * @param coverage     the previous report's problems and whether this report addresses them, in the previous
     *                     report's item order; empty without a previous report
     * @param openPromises the previous report's promises this report never mentions; empty without a previous report
     */
    record Findings(List<YearOverYearMatch> matches, List<ProblemCoverage> coverage, List<OpenPromise> openPromises) {
        /** No findings: a report without a year, or a document that is not a report. */
        static final Findings NONE = new Findings(List.of(), List.of(), List.of());
    }

    private final ComparedCorpus corpus;
    private final Vocabulary vocabulary;
    private final CompareOptions options;
    private final ItemMatcher matcher;
    private final RectificationCoverage coverage;
    private final OpenPromises openPromises;

    /**
     * @param corpus     the documents with their items
     * @param vocabulary the ids of the items' words
     * @param options    the similarity thresholds
     */
    YearOverYear(ComparedCorpus corpus, Vocabulary vocabulary, CompareOptions options) {
        this.corpus = corpus;
        this.vocabulary = vocabulary;
        this.options = options;
        this.matcher = ItemMatcher.of(corpus.documents().stream().map(ComparedCorpus.Document::items).toList(),
                vocabulary.size());
        this.coverage = new RectificationCoverage(corpus, vocabulary, matcher, options.coverageSimilarity());
        this.openPromises = new OpenPromises(corpus, vocabulary);
    }

    /**
     * @param r    a report's number (a report with a year)
     * @param text its text
     * @return its findings against its earlier reports
     */
    Findings of(int r, ReportText text) {
        List<Integer> earlier = corpus.links().earlier(r);
        List<YearOverYearMatch> matches = matches(r, text, earlier);
        if (earlier.isEmpty()) {
            return new Findings(matches, List.of(), List.of());
        }
        int previous = earlier.get(0);
        return new Findings(matches, coverage.of(r, text, previous, matches),
                openPromises.of(r, text, previous, matches));
    }

    private List<YearOverYearMatch> matches(int r, ReportText text, List<Integer> earlier) {
        List<YearOverYearMatch> out = new ArrayList<>();
        ItemSketch a = corpus.get(r).items();
        for (YearOverYearMatch.Kind kind : List.of(YearOverYearMatch.Kind.REPEATED_PROBLEM,
                YearOverYearMatch.Kind.REPEATED_PLAN)) {
            ItemSketch.Kind k = kind == YearOverYearMatch.Kind.REPEATED_PROBLEM ? ItemSketch.Kind.PROBLEM
                    : ItemSketch.Kind.PLAN;
            List<Integer> open = new ArrayList<>(a.of(k));
            for (int o : earlier) {
                if (open.isEmpty()) {
                    break;
                }
                ItemSketch b = corpus.get(o).items();
                for (ItemMatcher.Pair p : matcher.match(a, open, b, b.of(k), ItemMatcher.Measure.COSINE,
                        options.repeatSimilarity())) {
                    out.add(match(kind, text, a, p, o));
                    open.remove(Integer.valueOf(p.a()));
                }
            }
        }
        if (!earlier.isEmpty()) {
            int o = earlier.get(0);
            ItemSketch b = corpus.get(o).items();
            List<Integer> done = new ArrayList<>(a.of(ItemSketch.Kind.DONE));
            done.addAll(a.of(ItemSketch.Kind.RECTIFICATION));
            for (ItemMatcher.Pair p : matcher.match(a, done, b, b.of(ItemSketch.Kind.PROMISE),
                    ItemMatcher.Measure.OVERLAP, options.keptSimilarity())) {
                out.add(match(YearOverYearMatch.Kind.PLAN_KEPT, text, a, p, o));
            }
        }
        out.sort(Comparator.comparing(YearOverYearMatch::span).thenComparing(YearOverYearMatch::kind));
        return out;
    }

    private YearOverYearMatch match(YearOverYearMatch.Kind kind, ReportText text, ItemSketch a, ItemMatcher.Pair p,
                                    int o) {
        ComparedCorpus.Document prev = corpus.get(o);
        ItemSketch b = prev.items();
        Span sa = new Span(a.start(p.a()), a.end(p.a()));
        Span sb = new Span(b.start(p.b()), b.end(p.b()));
        String ta = sa.of(text.text());
        String tb = sb.of(corpus.text(o).text());
        boolean verbatim = letters(ta).equals(letters(tb));
        return new YearOverYearMatch(kind, a.paragraph(p.a()), sa, ta, prev.id(), prev.year(), b.paragraph(p.b()), sb,
                tb, verbatim ? 1.0 : Decimals.two(p.similarity()), verbatim, matcher.words(p.shared(), vocabulary));
    }

    /** @return the letters of a text (no digits, punctuation or whitespace): what "verbatim" compares */
    private static String letters(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().filter(Character::isLetter).forEach(b::appendCodePoint);
        return b.toString();
    }
}
