package org.shuzhi.scale;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shuzhi.app.render.JsonOutput;
import org.shuzhi.pipeline.harness.SyntheticCorpus;
import org.shuzhi.pipeline.compare.CompareOptions;
import org.shuzhi.pipeline.compare.CorpusComparison;
import org.shuzhi.pipeline.compare.InMemoryTextStore;
import org.shuzhi.pipeline.dict.Dictionaries;
import org.shuzhi.pipeline.extract.ExtractionLimits;
import org.shuzhi.pipeline.meta.Manifest;
import org.shuzhi.pipeline.model.Comparison;
import org.shuzhi.pipeline.run.Batch;
import org.shuzhi.pipeline.run.InputFiles;
import org.shuzhi.pipeline.run.Pipeline;
import org.shuzhi.pipeline.run.RunSummary;

/**
 * Throughput and heap of the Spark job in local mode against the in-process run (the batch on as many threads as
 * cores, then {@link CorpusComparison}), on {@code -Dshuzhi.bench.reports} synthetic reports (default 2000;
 * {@link SyntheticCorpus}: the samples mutated and recombined, three years per unit, planted copies), and the two
 * comparisons checked equal. Not part of the test suite; run with
 * {@code mvn -B -o -pl scale -am test -Dtest=SparkThroughputBench -Dsurefire.failIfNoSpecifiedTests=false}.
 * Writes {@code scale/target/spark-bench.txt}.
 */
class SparkThroughputBench {
    @TempDir
    Path tmp;

    @Test
    void throughput() throws Exception {
        int reports = Integer.getInteger("shuzhi.bench.reports", 2000);
        int cores = Runtime.getRuntime().availableProcessors();
        Path dictDir = SparkComparisonTest.root().resolve("dictionaries");
        Dictionaries dict = Dictionaries.load(dictDir);
        Path in = tmp.resolve("in");
        SyntheticCorpus.fromSamples(SparkComparisonTest.root().resolve("corpus-samples"), dict, 42).write(in, reports);
        long chars = Files.walk(in).filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        CompareOptions options = CompareOptions.defaults();

        Peak heap = new Peak();
        long t0 = System.nanoTime();
        CorpusComparison cc = new CorpusComparison(options, dict, new InMemoryTextStore());
        RunSummary batch;
        try (Pipeline p = Pipeline.standard(dict, Manifest.load(in), ExtractionLimits.DEFAULT)) {
            batch = new Batch(p, cores).run(in, InputFiles.list(in), cc::add);
        }
        long t1 = System.nanoTime();
        Map<String, Comparison> want = cc.compare();
        long t2 = System.nanoTime();
        long inProcessHeap = heap.stop();

        System.gc();
        heap = new Peak();
        SparkComparison.Result got;
        long s0 = System.nanoTime();
        try (SparkSession spark = SparkJob.session("local[*]")) {
            long s1 = System.nanoTime();
            got = SparkComparison.run(spark, in, dictDir, options, null, 4 * cores);
            long s2 = System.nanoTime();
            long sparkHeap = heap.stop();
            ObjectMapper json = JsonOutput.mapper();
            assertEquals(want.keySet(), got.comparisons().keySet());
            for (String id : want.keySet()) {
                assertEquals(json.writeValueAsString(want.get(id)), json.writeValueAsString(got.comparisons().get(id)),
                        id);
            }
            assertEquals(cc.summary().candidatePairs(), got.candidatePairs());
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(Path.of("target", "spark-bench.txt"),
                    StandardCharsets.UTF_8), true)) {
                out.printf(Locale.ROOT, "corpus: %d synthetic reports (txt), %.1f MB, %d cores%n", reports,
                        chars / 1e6, cores);
                out.printf(Locale.ROOT, "in-process: analysis %.1f s (%.1f reports/s), comparison %.1f s, total %.1f s "
                        + "(%.1f reports/s), peak heap %.0f MB%n", (t1 - t0) / 1e9, reports / ((t1 - t0) / 1e9),
                        (t2 - t1) / 1e9, (t2 - t0) / 1e9, reports / ((t2 - t0) / 1e9), inProcessHeap / 1e6);
                out.printf(Locale.ROOT, "spark local[*]: session start %.1f s; map %.1f s (%.1f reports/s), "
                        + "fingerprint join %.1f s (%d rows, %d candidate pairs), comparison on the driver %.1f s, "
                        + "total %.1f s (%.1f reports/s), peak heap %.0f MB%n", (s1 - s0) / 1e9,
                        got.analyseMillis() / 1e3, reports / (got.analyseMillis() / 1e3), got.joinMillis() / 1e3,
                        got.fingerprints(), got.candidatePairs(), got.compareMillis() / 1e3, (s2 - s1) / 1e9,
                        reports / ((s2 - s1) / 1e9), sparkHeap / 1e6);
                out.printf(Locale.ROOT, "comparisons equal: %d reports, %d candidate pairs, batch ok %d%n",
                        want.size(), got.candidatePairs(), batch.ok());
            }
        }
        System.out.println(Files.readString(Path.of("target", "spark-bench.txt")));
    }

    /** Samples the used heap every 20 ms; {@link #stop()} gives the highest value seen. */
    static final class Peak {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong peak = new AtomicLong();
        private final Thread thread;

        Peak() {
            MemoryMXBean mx = ManagementFactory.getMemoryMXBean();
            thread = new Thread(() -> {
                while (running.get()) {
                    peak.accumulateAndGet(mx.getHeapMemoryUsage().getUsed(), Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "heap-peak");
            thread.setDaemon(true);
            thread.start();
        }

        long stop() throws InterruptedException {
            running.set(false);
            thread.join();
            return peak.get();
        }
    }
}
