package org.shuzhi.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.shuzhi.index.ReportIndexer;
import org.shuzhi.index.ReportSearcher;
import org.shuzhi.index.Schema;
import org.shuzhi.index.SearchRequest;
import org.shuzhi.index.SearchResult;
import org.shuzhi.pipeline.harness.SyntheticCorpus;
import org.shuzhi.pipeline.model.ReportDocument;
import org.shuzhi.pipeline.segment.Segmenter;

/**
 * Builds a large index from a {@link SyntheticCorpus} (the sample reports mutated and recombined) and measures indexing throughput (paragraphs and characters per
 * second, wall clock, all threads), index size on disk, peak heap, and the latency of typical reviewer queries
 * (p50/p95/p99 in milliseconds over repeated runs, each run a full page of 20 hits with snippets and facets, as the
 * web UI asks).
 */
final class IndexBenchmark {
    /** Typical reviewer queries: name → (query, filters). */
    static final Map<String, SearchRequest> QUERIES = new LinkedHashMap<>();

    static {
        QUERIES.put("word 软弱涣散", req("软弱涣散", Map.of()));
        QUERIES.put("word + category filter", req("理论学习", Map.of(Schema.CATEGORY, List.of("problem"))));
        QUERIES.put("phrase", req("\"理论学习的深度不够\"", Map.of()));
        QUERIES.put("boolean", req("(党建 OR 党员) AND 学习 NOT 培训", Map.of()));
        QUERIES.put("filters only (year + category)", req("*", Map.of(Schema.YEAR, List.of("2024"),
                Schema.CATEGORY, List.of("cause"))));
        QUERIES.put("unit substring + year", req("整改", Map.of(Schema.UNIT, List.of("00012"), Schema.YEAR,
                List.of("2023", "2024"))));
        QUERIES.put("category + sort by year", new SearchRequest("问题", Map.of(Schema.CATEGORY, List.of("cause")),
                SearchRequest.Order.YEAR, 0, 20, Schema.TYPE_PARAGRAPH));
    }

    private static SearchRequest req(String q, Map<String, List<String>> filters) {
        return new SearchRequest(q, filters, SearchRequest.Order.RELEVANCE, 0, 20, Schema.TYPE_PARAGRAPH);
    }

    private final SyntheticCorpus corpus;
    private final Segmenter segmenter;
    private final PrintWriter out;

    /** @param corpus the synthetic reports to index (the copy-detection benchmark's generator) */
    IndexBenchmark(SyntheticCorpus corpus, Segmenter segmenter, PrintWriter out) {
        this.corpus = corpus;
        this.segmenter = segmenter;
        this.out = out;
    }

    /**
     * @param dir        an empty folder for the index
     * @param paragraphs paragraphs to index (reports are added until this many)
     * @param threads    indexing threads
     * @param runs       runs per query for the latency figures
     */
    void run(Path dir, long paragraphs, int threads, int runs) throws Exception {
        AtomicLong done = new AtomicLong();
        AtomicLong chars = new AtomicLong();
        int reports = 0;
        long t0 = System.nanoTime();
        try (ReportIndexer ix = ReportIndexer.open(dir, segmenter)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            Semaphore inFlight = new Semaphore(4 * threads);
            List<Future<?>> fs = new ArrayList<>();
            Iterator<SyntheticCorpus.Report> it = corpus.reports(Integer.MAX_VALUE);
            long queued = 0;
            while (queued < paragraphs) {
                ReportDocument d = it.next().toDocument();
                queued += d.paragraphs().size();
                reports++;
                inFlight.acquire();
                fs.add(pool.submit(() -> {
                    try {
                        ix.index(d);
                        long n = done.addAndGet(d.paragraphs().size());
                        chars.addAndGet(d.text().length());
                        if (n / 100_000 != (n - d.paragraphs().size()) / 100_000) {
                            out.printf(Locale.ROOT, "  已索引 %,d 段，%.0f 秒%n", n, (System.nanoTime() - t0) / 1e9);
                        }
                    } finally {
                        inFlight.release();
                    }
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
            pool.shutdown();
            ix.commit();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        out.printf(Locale.ROOT, "索引：%,d 份报告，%,d 个段落，%,d 字符，用时 %.1f 秒（%d 线程）%n", reports, done.get(),
                chars.get(), secs, threads);
        out.printf(Locale.ROOT, "  吞吐：%,.0f 段/秒，%,.0f 字符/秒；索引大小 %.1f MB%n", done.get() / secs,
                chars.get() / secs, size(dir) / 1e6);
        try (ReportSearcher s = ReportSearcher.open(dir, segmenter)) {
            latency(s, runs, out);
        }
        out.printf(Locale.ROOT, "峰值堆内存：%.0f MB（-Xmx %d MB）%n", peakHeap() / 1e6,
                Runtime.getRuntime().maxMemory() / 1_000_000);
    }

    /**
     * Runs every query of {@link #QUERIES} {@code runs} times (after one warm-up query) and prints p50/p95/p99 per
     * query and over all.
     *
     * @return milliseconds over all queries: {p50, p95, p99}
     */
    static double[] latency(ReportSearcher s, int runs, PrintWriter out) {
        long w0 = System.nanoTime();
        s.search(req("党建", Map.of()));
        out.printf(Locale.ROOT, "检索（每次取 20 条，含高亮片段和分面计数；首次查询含分面状态加载 %.0f ms）：%n",
                (System.nanoTime() - w0) / 1e6);
        List<Double> all = new ArrayList<>();
        for (Map.Entry<String, SearchRequest> q : QUERIES.entrySet()) {
            double[] ms = new double[runs];
            long hits = 0;
            for (int i = 0; i < runs; i++) {
                long q0 = System.nanoTime();
                SearchResult r = s.search(q.getValue());
                ms[i] = (System.nanoTime() - q0) / 1e6;
                hits = r.total();
            }
            Arrays.stream(ms).forEach(all::add);
            Arrays.sort(ms);
            out.printf(Locale.ROOT, "  %-34s 命中 %,9d  p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms%n", q.getKey(),
                    hits, pct(ms, 50), pct(ms, 95), pct(ms, 99));
        }
        double[] ms = all.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(ms);
        double[] overall = {pct(ms, 50), pct(ms, 95), pct(ms, 99)};
        out.printf(Locale.ROOT, "  %-34s               p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms%n", "all of the above",
                overall[0], overall[1], overall[2]);
        return overall;
    }

    static double pct(double[] sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    static long size(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    static long peakHeap() {
        long peak = 0;
        for (MemoryPoolMXBean b : ManagementFactory.getMemoryPoolMXBeans()) {
            if (b.getType() == MemoryType.HEAP && b.getPeakUsage() != null) {
                peak += b.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
