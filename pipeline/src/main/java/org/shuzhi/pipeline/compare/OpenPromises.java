package org.shuzhi.pipeline.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.shuzhi.pipeline.model.Comparison.OpenPromise;
import org.shuzhi.pipeline.model.Comparison.YearOverYearMatch;
import org.shuzhi.pipeline.model.Span;

/**
 * Open promises (issue 14: 上年承诺未见下文): the concrete plans (promises) of the previous report that a report does
 * not mention: not kept (no {@code PLAN_KEPT} match), and its key words — the content words of the promise that no
 * other item of its own report uses, at least {@value #KEY_WORDS} — appear in no item or sentence of the later report
 * and nowhere in its text. Only the two reports decide (no corpus-wide weight), so the finding does not move when an
 * unrelated report changes. Measured on corpus-samples, a promise whose topic the later report takes up in other
 * words (工作法 → 支部工作法作了交流) keeps a key word and is not open: the finding says only what is true.
 * Thread-safe.
 */
final class OpenPromises {
    /** Fewest key words a promise must have for its absence to be a finding. */
    static final int KEY_WORDS = 2;

    private final ComparedCorpus corpus;
    private final Vocabulary vocabulary;

    /**
     * @param corpus     the documents with their items
     * @param vocabulary the ids of the items' words
     */
    OpenPromises(ComparedCorpus corpus, Vocabulary vocabulary) {
        this.corpus = corpus;
        this.vocabulary = vocabulary;
    }

    /**
     * @param r       a report's number
     * @param text    its text
     * @param o       the number of its previous report
     * @param matches its year-over-year matches ({@link YearOverYear}), for the kept plans
     * @return the previous report's open promises, in its text order, each with its key words (longest first)
     */
    List<OpenPromise> of(int r, ReportText text, int o, List<YearOverYearMatch> matches) {
        ComparedCorpus.Document prev = corpus.get(o);
        ItemSketch a = corpus.get(r).items();
        ItemSketch b = prev.items();
        int[] here = IntStream.range(0, a.size()).flatMap(i -> IntStream.of(a.terms(i))).distinct().sorted()
                .toArray();
        String prevText = null;
        List<OpenPromise> out = new ArrayList<>();
        for (int j : b.of(ItemSketch.Kind.PROMISE)) {
            Span promise = new Span(b.start(j), b.end(j));
            if (matches.stream().anyMatch(m -> m.kind() == YearOverYearMatch.Kind.PLAN_KEPT
                    && m.previousReportId().equals(prev.id()) && m.previousSpan().equals(promise))) {
                continue;
            }
            int[] others = IntStream.range(0, b.size())
                    .filter(i -> b.end(i) <= promise.start() || b.start(i) >= promise.end())
                    .flatMap(i -> IntStream.of(b.terms(i))).distinct().sorted().toArray();
            int[] key = IntStream.of(b.terms(j)).filter(id -> Arrays.binarySearch(others, id) < 0).toArray();
            if (key.length < KEY_WORDS || Vocabulary.common(key, here).length > 0) {
                continue;
            }
            List<String> words = new ArrayList<>();
            for (int id : key) {
                words.add(vocabulary.word(id));
            }
            if (words.stream().anyMatch(text.text()::contains)) {
                continue; // a key word stands in the text inside a longer word: the report may mention it
            }
            if (prevText == null) {
                prevText = corpus.text(o).text();
            }
            words.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
            out.add(new OpenPromise(prev.id(), prev.year(), b.paragraph(j), promise, promise.of(prevText), words));
        }
        return out;
    }
}
