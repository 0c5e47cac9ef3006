package org.shuzhi.pipeline.compare;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.shuzhi.pipeline.model.Comparison.ProblemCoverage;
import org.shuzhi.pipeline.model.Comparison.YearOverYearMatch;
import org.shuzhi.pipeline.model.Span;

/**
 * 整改 coverage (DESIGN.md §1: the report must respond to last year's problems; issue 13): for each problem item of
 * the previous report, the rectification sentence of this report that names it best. A sentence names a problem when
 * its similarity to the problem's headline (containment) or to the whole item (overlap) reaches the threshold and the
 * words they share literally — standing in both texts, two characters or more, {@link ItemMatcher#MIN_SHARED} or
 * more — carry the headline or the item on their own (containment ≥ the threshold, measured from the problem's side).
 * A problem that is repeated this year ({@code REPEATED_PROBLEM}) is marked so. Thread-safe.
 */
final class RectificationCoverage {
    private final ComparedCorpus corpus;
    private final Vocabulary vocabulary;
    private final ItemMatcher matcher;
    private final double threshold;

    /**
     * @param corpus     the documents with their items
     * @param vocabulary the ids of the items' words
     * @param matcher    the corpus's item similarity
     * @param threshold  the similarity that names a problem, 0–1 ({@link CompareOptions#coverageSimilarity()})
     */
    RectificationCoverage(ComparedCorpus corpus, Vocabulary vocabulary, ItemMatcher matcher, double threshold) {
        this.corpus = corpus;
        this.vocabulary = vocabulary;
        this.matcher = matcher;
        this.threshold = threshold;
    }

    /**
     * @param r        a report's number
     * @param text     its text
     * @param o        the number of its previous report
     * @param matches  its year-over-year matches ({@link YearOverYear})
     * @return per problem item of the previous report, in item order, whether report r addresses it
     */
    List<ProblemCoverage> of(int r, ReportText text, int o, List<YearOverYearMatch> matches) {
        ComparedCorpus.Document prev = corpus.get(o);
        ItemSketch a = corpus.get(r).items();
        ItemSketch b = prev.items();
        String prevText = corpus.text(o).text();
        List<Integer> rect = a.of(ItemSketch.Kind.RECTIFICATION);
        Set<Span> repeated = new HashSet<>();
        for (YearOverYearMatch m : matches) {
            if (m.kind() == YearOverYearMatch.Kind.REPEATED_PROBLEM && m.previousReportId().equals(prev.id())) {
                repeated.add(m.previousSpan());
            }
        }
        List<ProblemCoverage> out = new ArrayList<>();
        for (int j : b.of(ItemSketch.Kind.PROBLEM)) {
            int[] headline = b.terms(b.headline(j));
            int[] item = b.terms(j);
            int best = -1;
            double bestSim = 0;
            for (int i : rect) {
                int[] ti = a.terms(i);
                double s = Math.max(matcher.similarity(headline, ti, ItemMatcher.Measure.CONTAINMENT),
                        matcher.similarity(item, ti, ItemMatcher.Measure.OVERLAP));
                if (s > bestSim) {
                    bestSim = s;
                    best = i;
                }
            }
            Span ps = new Span(b.start(j), b.end(j));
            String problemText = ps.of(prevText);
            List<String> named = List.of();
            if (best >= 0 && bestSim >= threshold) {
                String problemWords = problemText + "\n"
                        + prevText.substring(b.start(b.headline(j)), b.end(b.headline(j)));
                named = named(headline, item, a.terms(best), problemWords,
                        text.text().substring(a.start(best), a.end(best)));
            }
            boolean addressed = named.size() >= ItemMatcher.MIN_SHARED;
            Span rs = addressed ? new Span(a.start(best), a.end(best)) : null;
            out.add(new ProblemCoverage(prev.id(), prev.year(), b.paragraph(j), ps, problemText,
                    addressed ? ProblemCoverage.Status.ADDRESSED : ProblemCoverage.Status.NOT_MENTIONED,
                    addressed ? a.paragraph(best) : -1, rs, addressed ? rs.of(text.text()) : null,
                    best >= 0 ? Decimals.two(Math.min(1, bestSim)) : 0, repeated.contains(ps),
                    addressed ? named : List.of()));
        }
        return out;
    }

    /**
     * @return the words by which a rectification sentence names a problem, or none when they do not carry it
     */
    private List<String> named(int[] headline, int[] item, int[] rectification, String problemWords,
                               String rectText) {
        // the rectification sentence names the problem only when words of it stand there literally: a similarity
        // carried by folded synonyms or generic words is no evidence that the statement speaks of this problem
        // (issue 13)
        int[] common = Vocabulary.common(union(headline, item), rectification);
        int[] literal = IntStream.of(common).filter(id -> {
            String w = vocabulary.word(id);
            return w.length() >= 2 && vocabulary.named(w, problemWords) && vocabulary.named(w, rectText);
        }).toArray();
        // the literal words must carry the problem's headline (or the item), measured from the problem's side: a
        // short generic sentence (我组织社区党委认真开展整改) shares 社区、党委 with every problem of the unit and names
        // none of them
        if (Math.max(matcher.similarity(headline, literal, ItemMatcher.Measure.CONTAINMENT),
                matcher.similarity(item, literal, ItemMatcher.Measure.CONTAINMENT)) >= threshold) {
            return matcher.words(literal, vocabulary);
        }
        return List.of();
    }

    private static int[] union(int[] a, int[] b) {
        return IntStream.concat(IntStream.of(a), IntStream.of(b)).distinct().sorted().toArray();
    }
}
