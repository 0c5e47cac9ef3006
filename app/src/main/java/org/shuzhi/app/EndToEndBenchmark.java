package org.shuzhi.app;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.shuzhi.index.ReportSearcher;
import org.shuzhi.pipeline.harness.SyntheticCorpus;
import org.shuzhi.pipeline.dict.Dictionaries;
import org.shuzhi.pipeline.run.Run;
import org.shuzhi.pipeline.run.RunSummary;
import org.shuzhi.pipeline.segment.Segmenter;

/**
 * The end-to-end benchmark ({@code shuzhi bench run}): writes a synthetic corpus of {@code n} reports
 * ({@link SyntheticCorpus}: the 36 sample reports mutated and recombined, three years per unit, planted copies and
 * template pieces) as a mix of {@code .txt} and {@code .docx} files, runs the engine on it in this JVM exactly as
 * {@code shuzhi analyze} does ({@link Analysis}), and reports: reports and characters per second end to end and per phase, CPU time per
 * analysis stage, comparison time, index and output size, search latency p50/p95/p99 on the resulting index, the
 * time of a second run with nothing changed, and peak heap (used, and live after collections).
 */
final class EndToEndBenchmark {
    private final PrintWriter out;

    EndToEndBenchmark(PrintWriter out) {
        this.out = out;
    }

    /**
     * @param samples   the corpus-samples folder
     * @param dict      dictionaries folder
     * @param work      an empty folder: {@code in/} (the corpus) and {@code out/} (the run's outputs)
     * @param reports   number of reports
     * @param docxEvery every k-th report is written as .docx (0: none)
     * @param threads   analysis threads
     * @param runs      runs per search query
     */
    void run(Path samples, Path dict, Path work, int reports, int docxEvery, int threads, int runs) throws Exception {
        Path in = work.resolve("in");
        Path outDir = work.resolve("out");
        long g0 = System.nanoTime();
        SyntheticCorpus corpus = SyntheticCorpus.fromSamples(samples, Dictionaries.load(dict), 42);
        corpus.write(in, reports);
        int docx = docxEvery > 0 ? toDocx(in, docxEvery, threads) : 0;
        out.printf(Locale.ROOT, "语料：%,d 份合成报告（%,d 份 .docx，其余 .txt；3 个年度），%,.1f MB，生成用时 %.1f 秒%n",
                reports, docx, size(in) / 1e6, (System.nanoTime() - g0) / 1e9);
        out.flush();

        HeapWatch heap = HeapWatch.start();
        Timed first = analyze(in, outDir, dict, threads);
        HeapWatch.Peak peak = heap.stop();
        Timed again = analyze(in, outDir, dict, threads);
        int edited = editOnePercent(in, reports);
        Timed afterEdit = analyze(in, outDir, dict, threads);

        RunSummary a = first.result().analysis();
        long chars = a.chars();
        out.println();
        out.printf(Locale.ROOT, "== 端到端（shuzhi analyze，%d 线程）%n", threads);
        out.printf(Locale.ROOT, "  总计：%,d 份，%.1f 秒 → %.1f 份/秒，%,.0f 字符/秒%n", reports, first.totalMs() / 1e3,
                reports * 1e3 / first.totalMs(), chars * 1e3 / first.totalMs());
        row("分析（抽取、清洗、分段、分词、特征、分类）", a.elapsedMs(), reports, chars);
        Run.Result r = first.result();
        row("比对（抄袭检测与年度对比）", r.compareMs(), reports, chars);
        row("输出（评估、JSON/HTML/Word、索引）", r.publishMs(), reports, chars);
        row("汇总页面（年度对比、汇总表、质量汇总）", r.finishMs(), reports, chars);
        long other = first.totalMs() - a.elapsedMs() - r.compareMs() - r.publishMs() - r.finishMs();
        row("其他（加载词表、范文库）", other, reports, chars);
        out.println("  分析各阶段 CPU 时间（各线程合计）：");
        long stageTotal = a.stageNanos().values().stream().mapToLong(Long::longValue).sum();
        for (Map.Entry<String, Long> e : a.stageNanos().entrySet()) {
            out.printf(Locale.ROOT, "    %-10s %8.1f s  %4.0f%%  %,12.0f 字符/秒（单线程）%n", e.getKey(), e.getValue() / 1e9,
                    100.0 * e.getValue() / stageTotal, e.getValue() == 0 ? 0.0 : chars / (e.getValue() / 1e9));
        }
        out.printf(Locale.ROOT, "  再次运行（无变化）：%.1f 秒（%d 份未变化，%d 份重新输出）%n", again.totalMs() / 1e3,
                again.result().unchanged(), again.result().published());
        out.printf(Locale.ROOT, "  再次运行（改动 1%% 的报告，%d 份）：%.1f 秒（分析 %d 份，比对 %.1f 秒，重新输出 %d 份）%n", edited,
                afterEdit.totalMs() / 1e3, afterEdit.result().analysis().files(), afterEdit.result().compareMs() / 1e3,
                afterEdit.result().published());
        out.printf(Locale.ROOT, "  索引大小 %.1f MB；全部输出 %.1f MB%n", size(outDir.resolve("index")) / 1e6,
                size(outDir) / 1e6);
        out.printf(Locale.ROOT, "  峰值堆内存：已用 %.0f MB（含未回收的垃圾），垃圾回收后最多 %.0f MB；-Xmx %d MB%n",
                peak.used() / 1e6, peak.live() / 1e6, Runtime.getRuntime().maxMemory() / 1_000_000);
        out.flush();
        try (ReportSearcher s = ReportSearcher.open(outDir.resolve("index"), new Segmenter(Dictionaries.load(dict)))) {
            IndexBenchmark.latency(s, runs, out);
        }
        out.flush();
    }

    private void row(String phase, long ms, int reports, long chars) {
        out.printf(Locale.ROOT, "  %-24s %8.1f s  %10.1f 份/秒  %,12.0f 字符/秒%n", phase, ms / 1e3,
                ms == 0 ? 0.0 : reports * 1e3 / ms, ms == 0 ? 0.0 : chars * 1e3 / ms);
    }

    /** A run and its wall-clock time, ms (dictionaries, template library and all phases). */
    private record Timed(Run.Result result, long totalMs) {
    }

    /** Runs the engine on the corpus as {@code shuzhi analyze <in> --out <out>} with default options would. */
    private Timed analyze(Path in, Path outDir, Path dict, int threads) throws InterruptedException {
        long t0 = System.nanoTime();
        Analysis.Finished f = Analysis.run(Run.Options.defaults(in, outDir, dict, Home.build()).withThreads(threads),
                Analysis.Outputs.defaults(outDir), Run.Progress.NONE, t0);
        f.lines().forEach(out::println); // the run's usual summary (as a user would see it); the benchmark's follows
        return new Timed(f.result(), (System.nanoTime() - t0) / 1_000_000);
    }

    /**
     * Changes one report in a hundred (at least one; .txt reports of the manifest, spread evenly over its order), as a
     * late correction would: its longest line is added once more at its end, every digit in it changed, so that the
     * report changes without the edited reports sharing a new sentence among themselves.
     *
     * @param reports the number of reports of the corpus
     * @return the number of files changed
     */
    private static int editOnePercent(Path in, int reports) throws IOException {
        List<Path> txt = Files.readAllLines(in.resolve("manifest.csv"), StandardCharsets.UTF_8).stream().skip(1)
                .map(l -> l.substring(0, l.indexOf(','))).filter(f -> f.endsWith(".txt")).map(in::resolve).toList();
        int n = Math.min(txt.size(), Math.max(1, reports / 100));
        for (int i = 0; i < n; i++) {
            Path f = txt.get((int) ((long) i * txt.size() / n));
            String longest = Files.readAllLines(f, StandardCharsets.UTF_8).stream()
                    .max(java.util.Comparator.comparingInt(String::length)).orElse("");
            StringBuilder changed = new StringBuilder("\n补充说明：");
            longest.chars().forEach(c -> changed.append(c >= '0' && c <= '9' ? (char) ('0' + (c - '0' + 1) % 10)
                    : (char) c));
            Files.writeString(f, changed.append('\n'), StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        }
        return n;
    }

    /** Rewrites every {@code k}-th report of the corpus as .docx (one Word paragraph per line) and fixes the manifest. */
    private static int toDocx(Path in, int k, int threads) throws Exception {
        Path manifest = in.resolve("manifest.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(manifest, StandardCharsets.UTF_8));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> fs = new ArrayList<>();
        int n = 0;
        for (int i = 1; i < lines.size(); i++) {
            if (i % k != 0) {
                continue;
            }
            String file = lines.get(i).substring(0, lines.get(i).indexOf(','));
            String docx = file.replaceAll("\\.txt$", ".docx");
            lines.set(i, docx + lines.get(i).substring(file.length()));
            n++;
            fs.add(pool.submit(() -> {
                Path txt = in.resolve(file);
                try (XWPFDocument d = new XWPFDocument();
                     OutputStream o = Files.newOutputStream(in.resolve(docx))) {
                    for (String line : Files.readAllLines(txt, StandardCharsets.UTF_8)) {
                        d.createParagraph().createRun().setText(line);
                    }
                    d.write(o);
                    Files.delete(txt);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                return null;
            }));
        }
        for (Future<?> f : fs) {
            f.get();
        }
        pool.shutdown();
        Files.write(manifest, lines, StandardCharsets.UTF_8);
        return n;
    }

    private static long size(Path dir) throws IOException {
        return IndexBenchmark.size(dir);
    }

    /**
     * Watches the heap: the peak of used heap sampled every 20 ms (garbage not yet collected included, so it depends on
     * the collector and {@code -Xmx}) and the peak of the heap right after each garbage collection (what the run
     * really keeps), from the JVM's GC notifications.
     */
    static final class HeapWatch implements javax.management.NotificationListener {
        /** @param used peak used heap, bytes; @param live peak heap after a collection, bytes */
        record Peak(long used, long live) {
        }

        private volatile boolean stop;
        private long used;
        private long live;
        private final Thread thread;

        private HeapWatch() {
            thread = new Thread(() -> {
                while (!stop) {
                    long u = 0;
                    for (MemoryPoolMXBean b : ManagementFactory.getMemoryPoolMXBeans()) {
                        if (b.getType() == MemoryType.HEAP) {
                            u += b.getUsage().getUsed();
                        }
                    }
                    synchronized (this) {
                        used = Math.max(used, u);
                    }
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-watch");
            thread.setDaemon(true);
        }

        static HeapWatch start() {
            System.gc();
            HeapWatch w = new HeapWatch();
            for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((javax.management.NotificationEmitter) gc).addNotificationListener(w, null, null);
            }
            w.thread.start();
            return w;
        }

        @Override
        public void handleNotification(javax.management.Notification n, Object handback) {
            if (!n.getType().equals(com.sun.management.GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                return;
            }
            com.sun.management.GarbageCollectionNotificationInfo info = com.sun.management.GarbageCollectionNotificationInfo
                    .from((javax.management.openmbean.CompositeData) n.getUserData());
            long after = 0;
            for (Map.Entry<String, MemoryUsage> e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                if (!e.getKey().contains("Metaspace") && !e.getKey().contains("Code") && !e.getKey().contains("Class")) {
                    after += e.getValue().getUsed();
                }
            }
            synchronized (this) {
                live = Math.max(live, after);
            }
        }

        Peak stop() throws Exception {
            stop = true;
            thread.join();
            for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((javax.management.NotificationEmitter) gc).removeNotificationListener(this);
            }
            synchronized (this) {
                return new Peak(used, live);
            }
        }
    }
}
