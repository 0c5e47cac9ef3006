package org.shuzhi.pipeline.harness;

import org.shuzhi.pipeline.classify.*;
import org.shuzhi.pipeline.compare.*;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.shuzhi.pipeline.compare.CompareOptions;
import org.shuzhi.pipeline.compare.CorpusComparison;
import org.shuzhi.pipeline.compare.InMemoryTextStore;
import org.shuzhi.pipeline.compare.NormalizedText;
import org.shuzhi.pipeline.compare.PassageAligner;
import org.shuzhi.pipeline.compare.ReportText;
import org.shuzhi.pipeline.harness.PanMetrics;
import org.shuzhi.pipeline.dict.Dictionaries;
import org.shuzhi.pipeline.dict.TermList;
import org.shuzhi.pipeline.model.Comparison;
import org.shuzhi.pipeline.model.ReportDocument;
import org.shuzhi.pipeline.model.SourceKind;

/**
 * Time and memory of copy detection on a {@link SyntheticCorpus}, and the speed-up over comparing every pair.
 *
 * <ol>
 *   <li>Fingerprints ({@link CorpusComparison}): the reports are generated one by one and added (the generator keeps
 *       one unit at a time), then {@code compare()} runs. Reported: time to add (normalise, fingerprint, keep the
 *       text), to build the index, to find and align candidates, and the peak heap in use (sampled every 20 ms; it
 *       includes the texts kept in the in-memory text store). Optionally the PAN measures against the planted
 *       copies, closed under composition (a copy of a recycled paragraph is also a copy of its origin).</li>
 *   <li>Naive all pairs on the first {@code naive} reports: every pair of reports (and every report with every
 *       template) aligned with the same {@link PassageAligner}; the fingerprint method on the same subset for the
 *       ratio, and the number of passages each finds.</li>
 * </ol>
 * Year-over-year items are not part of it: synthetic documents carry no tokens. Timing is wall clock on the calling
 * machine; run it with nothing else busy.
 */
public final class CompareBenchmark {
    private CompareBenchmark() {
    }

    /**
     * @param corpus   the generator
     * @param dict     dictionaries (official phrases etc.)
     * @param options  comparison settings
     * @param reports  number of reports for the fingerprint run, ≥ 1
     * @param naive    number of reports for the all-pairs comparison, 0 to skip
     * @param evaluate true to measure PAN figures against the planted copies (keeps the planted records and the
     *                 results in memory: use up to about 20,000 reports)
     * @param out      receives the result lines (English) as they are measured
     */
    public static void run(SyntheticCorpus corpus, Dictionaries dict, CompareOptions options, int reports,
                           int naive, boolean evaluate, Consumer<String> out) {
        TermList official = dict.list(CorpusComparison.OFFICIAL_PHRASES);
        out.accept(String.format(Locale.ROOT, "synthetic corpus: %,d reports (%,d units x 3 years), seed fixed; "
                        + "threads %d; max heap %,d MB; minMatch %d, seed %d, k %d", reports, (reports + 2) / 3,
                options.threads(), Runtime.getRuntime().maxMemory() >> 20, options.minMatchChars(),
                options.seedChars(), options.kgram()));
        HeapSampler heap = new HeapSampler();
        heap.start();
        try {
            System.gc();
            long base = heap.reset();
            long t0 = System.nanoTime();
            InMemoryTextStore store = new InMemoryTextStore();
            CorpusComparison cc = new CorpusComparison(options, dict, store);
            List<ReportDocument> templates = corpus.templates();
            templates.forEach(cc::addTemplate);
            List<SyntheticCorpus.Planted> planted = new ArrayList<>();
            long chars = 0;
            for (Iterator<SyntheticCorpus.Report> it = corpus.reports(reports); it.hasNext(); ) {
                SyntheticCorpus.Report r = it.next();
                ReportDocument d = r.toDocument();
                chars += d.text().length();
                cc.add(d);
                if (evaluate) {
                    planted.addAll(r.planted());
                }
            }
            long t1 = System.nanoTime();
            Map<String, Comparison> result = cc.compare();
            long t2 = System.nanoTime();
            CorpusComparison.Summary s = cc.summary();
            long peak = heap.peak();
            out.accept(String.format(Locale.ROOT, "fingerprints: generate+add %.1f s (%,d chars), index %.1f s, "
                            + "candidates+align %.1f s, assemble %.1f s; total compare %.1f s", (t1 - t0) / 1e9, chars,
                    s.indexMillis() / 1e3, s.alignMillis() / 1e3, s.yearMillis() / 1e3, (t2 - t1) / 1e9));
            out.accept(String.format(Locale.ROOT, "  postings %,d; candidate pairs %,d (%.1f per report); pairs with "
                            + "passages %,d; passages attributed %,d; reports copying %,d, recycling %,d",
                    s.postings(), s.candidatePairs(), (double) s.candidatePairs() / reports, s.pairsWithCopies(),
                    s.passages(), s.reportsCopying(), s.reportsRecycling()));
            out.accept(String.format(Locale.ROOT, "  peak heap in use %,d MB (%,d MB above the baseline before the "
                    + "run)", peak >> 20, (peak - base) >> 20));
            if (evaluate) {
                evaluate(planted, result, store, templates, official, out);
            }
            result = null;
            cc = null;
            store = null;
            if (naive > 0) {
                naive(corpus, dict, options, Math.min(naive, reports), official, out);
            }
        } finally {
            heap.finish();
        }
    }

    private static void naive(SyntheticCorpus corpus, Dictionaries dict, CompareOptions options, int n,
                              TermList official, Consumer<String> out) {
        List<ReportDocument> docs = new ArrayList<>();
        corpus.reports(n).forEachRemaining(r -> docs.add(r.toDocument()));
        List<ReportDocument> templates = corpus.templates();
        long f0 = System.nanoTime();
        CorpusComparison cc = new CorpusComparison(options.withThreads(1), dict, new InMemoryTextStore());
        templates.forEach(cc::addTemplate);
        docs.forEach(cc::add);
        cc.compare();
        long f1 = System.nanoTime();
        CorpusComparison.Summary s = cc.summary();
        PassageAligner aligner = new PassageAligner(options.kgram(), options.seedChars(), options.minMatchChars(),
                options.maxGap());
        long n0 = System.nanoTime();
        List<NormalizedText> norm = new ArrayList<>();
        for (ReportDocument d : docs) {
            norm.add(NormalizedText.of(d.text(), ReportText.of(d).comparedMask(), official));
        }
        List<NormalizedText> tnorm = new ArrayList<>();
        for (ReportDocument t : templates) {
            tnorm.add(NormalizedText.of(t.text(), ReportText.of(t).comparedMask(), official));
        }
        long pairs = 0;
        long withPassages = 0;
        long passages = 0;
        for (int i = 0; i < norm.size(); i++) {
            PassageAligner.Indexed ia = aligner.index(norm.get(i));
            List<NormalizedText> others = new ArrayList<>(norm.subList(i + 1, norm.size()));
            others.addAll(tnorm);
            for (NormalizedText b : others) {
                int p = aligner.align(ia, b).size();
                pairs++;
                passages += p;
                withPassages += p > 0 ? 1 : 0;
            }
        }
        long n1 = System.nanoTime();
        double fp = (f1 - f0) / 1e9;
        double all = (n1 - n0) / 1e9;
        out.accept(String.format(Locale.ROOT, "naive all pairs on %,d reports (+%d templates), 1 thread: %,d pairs "
                + "aligned in %.1f s, %,d pairs with passages, %,d passages", n, templates.size(), pairs, all,
                withPassages, passages));
        out.accept(String.format(Locale.ROOT, "fingerprints on the same %,d reports, 1 thread: %.1f s in all (add "
                        + "%.1f s, index %.2f s, align %.1f s), %,d candidate pairs, %,d pairs with passages; speed-up "
                        + "%.1fx (whole comparison), %.1fx (alignment phase vs all pairs)", n, fp,
                fp - (s.indexMillis() + s.alignMillis() + s.yearMillis()) / 1e3, s.indexMillis() / 1e3,
                s.alignMillis() / 1e3, s.candidatePairs(), s.pairsWithCopies(), all / fp,
                all / Math.max(1e-3, s.alignMillis() / 1e3)));
    }

    private static void evaluate(List<SyntheticCorpus.Planted> planted, Map<String, Comparison> result,
                                 InMemoryTextStore store, List<ReportDocument> templates, TermList official,
                                 Consumer<String> out) {
        Map<String, BitSet> countable = new HashMap<>();
        java.util.function.Function<String, BitSet> count = id -> countable.computeIfAbsent(id, k -> {
            ReportText t = store.get(k);
            NormalizedText nt = NormalizedText.of(t.text(), t.comparedMask(), official);
            BitSet b = new BitSet();
            for (int i = 0; i < nt.length(); i++) {
                if (!NormalizedText.gap(nt.charAt(i))) {
                    b.set(nt.start(i));
                }
            }
            return b;
        });
        List<SyntheticCorpus.Planted> closed = close(planted);
        List<PanMetrics.Passage> others = new ArrayList<>();
        List<PanMetrics.Passage> own = new ArrayList<>();
        List<PanMetrics.Passage> plantedOthers = new ArrayList<>();
        for (int i = 0; i < closed.size(); i++) {
            SyntheticCorpus.Planted p = closed.get(i);
            PanMetrics.Passage c = PanMetrics.Passage.of(p.from(), chars(count.apply(p.from()), p.fromStart(),
                    p.fromEnd()), p.to(), chars(count.apply(p.to()), p.toStart(), p.toEnd()),
                    (i < planted.size() ? "planted " : "composed ") + p);
            (p.kind() == SyntheticCorpus.Planted.Kind.RECYCLED ? own : others).add(c);
            if (i < planted.size() && p.kind() != SyntheticCorpus.Planted.Kind.RECYCLED) {
                plantedOthers.add(c);
            }
        }
        List<PanMetrics.Passage> detOthers = new ArrayList<>();
        List<PanMetrics.Passage> detOwn = new ArrayList<>();
        result.forEach((id, c) -> {
            for (Comparison.CopiedPassage p : c.passages()) {
                PanMetrics.Passage d = PanMetrics.Passage.of(id, chars(count.apply(id), p.span().start(),
                        p.span().end()), p.sourceId(), chars(count.apply(p.sourceId()), p.sourceSpan().start(),
                        p.sourceSpan().end()), p.sourceKind().id() + " " + id + " <- " + p.sourceId() + " «"
                        + p.text().substring(0, Math.min(30, p.text().length())) + "»");
                (p.sourceKind() == SourceKind.OWN_EARLIER_YEAR ? detOwn : detOthers).add(d);
            }
        });
        others = PanMetrics.distinct(others);
        own = PanMetrics.distinct(own);
        PanMetrics.Result o = PanMetrics.evaluate(others, PanMetrics.distinct(detOthers));
        PanMetrics.Result po = PanMetrics.evaluate(plantedOthers, PanMetrics.distinct(detOthers));
        if (System.getProperty("shuzhi.bench.debug") != null) {
            o.missed().stream().limit(20).forEach(m -> out.accept("    missed " + m));
            o.falseAlarms().stream().limit(20).forEach(m -> out.accept("    false " + m));
        }
        out.accept(String.format(Locale.ROOT, "  recall of the planted colleague/template copies alone (%,d): %.3f",
                po.cases(), po.recall()));
        PanMetrics.Result w = PanMetrics.evaluate(own, PanMetrics.distinct(detOwn));
        out.accept(String.format(Locale.ROOT, "  PAN vs planted copies (closed under composition): colleagues+"
                        + "templates %,d cases, %,d detections, precision %.3f recall %.3f granularity %.3f plagdet "
                        + "%.3f", o.cases(), o.detections(), o.precision(), o.recall(), o.granularity(),
                o.plagdet()));
        out.accept(String.format(Locale.ROOT, "                                               recycled %,d cases, "
                        + "%,d detections, precision %.3f recall %.3f granularity %.3f plagdet %.3f", w.cases(),
                w.detections(), w.precision(), w.recall(), w.granularity(), w.plagdet()));
    }

    private static BitSet chars(BitSet countable, int from, int to) {
        BitSet b = new BitSet();
        b.set(from, to);
        b.and(countable);
        return b;
    }

    /**
     * @return the planted copies plus their compositions: when x's range came from y, and that range of y came from
     *         z, x's range also came from z (copies are of equal length, so offsets map one to one); and siblings:
     *         when x and w took overlapping ranges of the same y, x and w share that text
     */
    static List<SyntheticCorpus.Planted> close(List<SyntheticCorpus.Planted> planted) {
        Map<String, List<SyntheticCorpus.Planted>> byFrom = new HashMap<>();
        planted.forEach(p -> byFrom.computeIfAbsent(p.from(), k -> new ArrayList<>()).add(p));
        List<SyntheticCorpus.Planted> out = new ArrayList<>(planted);
        for (int i = 0; i < out.size(); i++) {
            SyntheticCorpus.Planted x = out.get(i);
            for (SyntheticCorpus.Planted y : byFrom.getOrDefault(x.to(), List.of())) {
                int s = Math.max(x.toStart(), y.fromStart());
                int e = Math.min(x.toEnd(), y.fromEnd());
                if (e - s < 20 || y.to().equals(x.from())) {
                    continue;
                }
                SyntheticCorpus.Planted.Kind kind = x.kind() == SyntheticCorpus.Planted.Kind.RECYCLED
                        && y.kind() == SyntheticCorpus.Planted.Kind.RECYCLED ? SyntheticCorpus.Planted.Kind.RECYCLED
                        : y.kind() == SyntheticCorpus.Planted.Kind.TEMPLATE ? SyntheticCorpus.Planted.Kind.TEMPLATE
                        : SyntheticCorpus.Planted.Kind.COLLEAGUE;
                out.add(new SyntheticCorpus.Planted(kind, x.from(), x.fromStart() + s - x.toStart(),
                        x.fromStart() + e - x.toStart(), y.to(), y.toStart() + s - y.fromStart(),
                        y.toStart() + e - y.fromStart()));
            }
            if (out.size() > planted.size() * 4L + 1000) {
                break; // compositions of compositions are rare; bound the work
            }
        }
        Map<String, List<SyntheticCorpus.Planted>> byTo = new HashMap<>();
        List.copyOf(out).forEach(p -> byTo.computeIfAbsent(p.to(), k -> new ArrayList<>()).add(p));
        for (List<SyntheticCorpus.Planted> group : byTo.values()) {
            for (int i = 0; i < group.size(); i++) {
                for (int j = i + 1; j < group.size(); j++) {
                    SyntheticCorpus.Planted x = group.get(i);
                    SyntheticCorpus.Planted w = group.get(j);
                    int s = Math.max(x.toStart(), w.toStart());
                    int e = Math.min(x.toEnd(), w.toEnd());
                    if (e - s < 20 || x.from().equals(w.from())) {
                        continue;
                    }
                    boolean own = unit(x.from()).equals(unit(w.from()));
                    out.add(new SyntheticCorpus.Planted(own ? SyntheticCorpus.Planted.Kind.RECYCLED
                            : SyntheticCorpus.Planted.Kind.COLLEAGUE, x.from(),
                            x.fromStart() + s - x.toStart(), x.fromStart() + e - x.toStart(), w.from(),
                            w.fromStart() + s - w.toStart(), w.fromStart() + e - w.toStart()));
                }
            }
        }
        return out;
    }

    /** @return the unit part of a synthetic report id ({@code syn-000012-2024} → {@code syn-000012}) */
    private static String unit(String id) {
        int dash = id.lastIndexOf('-');
        return dash < 0 ? id : id.substring(0, dash);
    }

    /** Samples the heap in use every 20 ms. */
    private static final class HeapSampler extends Thread {
        private volatile boolean running = true;
        private volatile long peak;

        HeapSampler() {
            super("heap-sampler");
            setDaemon(true);
        }

        long reset() {
            Runtime rt = Runtime.getRuntime();
            peak = rt.totalMemory() - rt.freeMemory();
            return peak;
        }

        long peak() {
            sample();
            return peak;
        }

        private void sample() {
            Runtime rt = Runtime.getRuntime();
            peak = Math.max(peak, rt.totalMemory() - rt.freeMemory());
        }

        @Override
        public void run() {
            while (running) {
                sample();
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        void finish() {
            running = false;
            interrupt();
        }
    }
}
