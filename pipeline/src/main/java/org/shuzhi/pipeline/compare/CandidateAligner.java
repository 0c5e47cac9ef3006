package org.shuzhi.pipeline.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.shuzhi.pipeline.model.Span;

/**
 * The alignment step of copy detection: each report is aligned ({@link PassageAligner}) with the documents that share
 * a fingerprint with it (candidates from the {@link FingerprintIndex}, which holds templates and reports; never all
 * pairs), in parallel on {@link CompareOptions#threads()} threads. Texts are read from the store only for pairs that
 * share a passage. Each passage also carries its stale years ({@link StaleYears}). Thread-safe.
 */
final class CandidateAligner {
    /**
     * A passage document {@code a} (a report) shares with document {@code b} (a template or a report).
     *
     * @param a          number of the first document ({@link ComparedCorpus})
     * @param b          number of the second document
     * @param aSpan      the passage in a's cleaned text (UTF-16 offsets, half-open)
     * @param bSpan      the passage in b's cleaned text
     * @param naStart    the passage in a's normalised characters, first
     * @param naEnd      … end (exclusive)
     * @param nbStart    the passage in b's normalised characters, first
     * @param nbEnd      … end (exclusive)
     * @param matched    normalised characters of a covered by exact matches
     * @param similarity matched characters over the longer side, 0–1
     * @param stale      the years stale in either text
     */
    record SharedPassage(int a, int b, Span aSpan, Span bSpan, int naStart, int naEnd, int nbStart, int nbEnd,
                         int matched, double similarity, StaleYears.Found stale) {
    }

    /**
     * What the alignment found.
     *
     * @param passages       per report (number − templates), its shared passages: by candidate number, then as the
     *                       aligner returns them
     * @param candidatePairs pairs that share a fingerprint
     * @param alignedPairs   of those, the pairs aligned in this run (the others were taken from the
     *                       {@link AlignmentCache})
     */
    record Result(List<List<SharedPassage>> passages, long candidatePairs, long alignedPairs) {
    }

    private final CompareOptions options;
    private final PassageAligner aligner;

    /** @param options the alignment settings and the number of threads */
    CandidateAligner(CompareOptions options) {
        this.options = options;
        this.aligner = new PassageAligner(options.kgram(), options.seedChars(), options.minMatchChars(),
                options.maxGap());
    }

    /**
     * @param corpus the documents
     * @param index  their fingerprints, by document number
     * @param cache  alignments of earlier runs, reused for pairs whose documents are unchanged, and updated
     * @return the shared passages of every report
     * @throws IllegalStateException if interrupted, or if the alignment of a pair failed
     * @throws java.io.UncheckedIOException if the cache cannot be read or written
     */
    Result align(ComparedCorpus corpus, FingerprintIndex index, AlignmentCache cache) {
        int n = corpus.size();
        ThreadLocal<int[]> seen = ThreadLocal.withInitial(() -> new int[n]);
        LongAdder pairs = new LongAdder();
        LongAdder aligned = new LongAdder();
        ForkJoinPool pool = new ForkJoinPool(options.threads());
        try {
            List<List<SharedPassage>> r = pool.submit(() -> IntStream.range(corpus.templates(), n).parallel()
                    .mapToObj(a -> {
                        List<Integer> cands = new ArrayList<>();
                        index.candidates(a, corpus.get(a).fingerprints(), seen.get(), cands::add);
                        pairs.add(cands.size());
                        return align(corpus, a, cands, cache, aligned);
                    }).toList()).get();
            cache.retain(corpus.documents().subList(corpus.templates(), n).stream()
                    .map(ComparedCorpus.Document::id).collect(Collectors.toSet()));
            return new Result(r, pairs.sum(), aligned.sum());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("alignment failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Report {@code a}'s passages with its candidates: a pair kept in the cache under both documents' keys is taken
     * from it, the others are aligned; the cache is rewritten when any pair was aligned or dropped.
     */
    private List<SharedPassage> align(ComparedCorpus corpus, int a, List<Integer> cands, AlignmentCache cache,
                                      LongAdder alignedPairs) {
        ComparedCorpus.Document da = corpus.get(a);
        Map<Long, List<AlignmentCache.Passage>> earlier = cache.get(da.id(), da.alignmentKey());
        if (cands.isEmpty()) {
            if (!earlier.isEmpty()) {
                cache.put(da.id(), da.alignmentKey(), Map.of());
            }
            return List.of();
        }
        cands.sort(null);
        Map<Long, List<AlignmentCache.Passage>> now = new LinkedHashMap<>();
        PassageAligner.Indexed ia = null;
        ReportText ta = null;
        NormalizedText na = null;
        int fresh = 0;
        for (int b : cands) {
            long kb = corpus.get(b).alignmentKey();
            List<AlignmentCache.Passage> ps = earlier.get(kb);
            if (ps == null) {
                fresh++;
                if (ia == null) {
                    ia = aligner.index(da.normalized());
                }
                List<PassageAligner.Alignment> als = aligner.align(ia, corpus.get(b).normalized());
                ps = new ArrayList<>(als.size());
                if (!als.isEmpty()) {
                    if (ta == null) {
                        ta = corpus.text(a);
                        na = corpus.normalize(ta);
                    }
                    ReportText tb = corpus.text(b);
                    NormalizedText nb = corpus.normalize(tb);
                    for (PassageAligner.Alignment al : als) {
                        ps.add(passage(corpus, a, b, ta, na, tb, nb, al));
                    }
                }
            }
            now.put(kb, ps);
        }
        alignedPairs.add(fresh);
        if (fresh > 0 || earlier.size() != now.size()) {
            cache.put(da.id(), da.alignmentKey(), now);
        }
        List<SharedPassage> out = new ArrayList<>();
        for (int b : cands) {
            for (AlignmentCache.Passage p : now.get(corpus.get(b).alignmentKey())) {
                out.add(new SharedPassage(a, b, p.aSpan(), p.bSpan(), p.naStart(), p.naEnd(), p.nbStart(),
                        p.nbEnd(), p.matched(), p.similarity(), p.stale()));
            }
        }
        return out;
    }

    private static AlignmentCache.Passage passage(ComparedCorpus corpus, int a, int b, ReportText ta,
                                                  NormalizedText na, ReportText tb, NormalizedText nb,
                                                  PassageAligner.Alignment al) {
        Integer yb = corpus.get(b).template() ? null : corpus.get(b).year();
        StaleYears.Found stale = StaleYears.find(corpus.get(a).year(), yb, ta.text(), na, tb.text(), nb,
                al.fragments());
        return new AlignmentCache.Passage(new Span(na.start(al.aStart()), na.end(al.aEnd() - 1)),
                new Span(nb.start(al.bStart()), nb.end(al.bEnd() - 1)), al.aStart(), al.aEnd(), al.bStart(),
                al.bEnd(), al.matched(), al.similarity(), stale);
    }
}
