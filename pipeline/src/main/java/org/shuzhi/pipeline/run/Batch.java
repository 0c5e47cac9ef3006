package org.shuzhi.pipeline.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.shuzhi.pipeline.model.ReportDocument;

/**
 * Runs a pipeline over the files of a folder on a fixed number of threads, handing each finished document to a sink
 * as soon as it is done (documents are not kept: memory does not grow with the batch). A bad file never stops the
 * batch.
 */
public final class Batch {
    private final Pipeline pipeline;
    private final int threads;

    /** @param threads worker threads, ≥ 1 */
    public Batch(Pipeline pipeline, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1");
        }
        this.pipeline = pipeline;
        this.threads = threads;
    }

    /**
     * Decides whether a file's earlier analysis can be used instead of analysing it again.
     */
    @FunctionalInterface
    public interface Reuse {
        /**
         * Called from worker threads, concurrently, for every file within the size limit, before it is analysed.
         *
         * @param id     the report id
         * @param sha256 the file's SHA-256 (lower-case hex)
         * @return true when the earlier analysis was taken (the file is then neither analysed nor sent to the sink)
         */
        boolean reuse(String id, String sha256);
    }

    /** {@link #run(Path, InputFiles.Listing, Reuse, Consumer)} analysing every file. */
    public RunSummary run(Path root, InputFiles.Listing listing, Consumer<ReportDocument> sink)
            throws InterruptedException {
        return run(root, listing, null, sink);
    }

    /**
     * @param root    the input folder
     * @param listing the files to analyse ({@link InputFiles#list(Path)})
     * @param reuse   asked first for each file (by content hash) whether an earlier analysis stands; null: none does
     * @param sink    receives every analysed document, ok or failed, from one thread at a time (calls are serialised)
     * @return the run's summary
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    public RunSummary run(Path root, InputFiles.Listing listing, Reuse reuse, Consumer<ReportDocument> sink)
            throws InterruptedException {
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "shuzhi-worker");
            t.setDaemon(true);
            return t;
        });
        List<RunSummary.FailedFile> failures = new ArrayList<>();
        long[] chars = {0};
        int[] ok = {0};
        int[] unchanged = {0};
        Object lock = new Object();
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (String rel : listing.files()) {
                futures.add(pool.submit(() -> {
                    Path file = root.resolve(rel);
                    String sha = reuse == null ? null : pipeline.hashWithinLimit(file);
                    if (sha != null && reuse.reuse(InputFiles.reportId(rel), sha)) {
                        synchronized (lock) {
                            unchanged[0]++;
                        }
                        return;
                    }
                    // a compiled booklet comes back as its reports, each sent to the sink; the file counts once
                    List<ReportDocument> docs = pipeline.analyzeAll(root, file, sha);
                    synchronized (lock) {
                        ReportDocument first = docs.get(0);
                        if (first.ok()) {
                            ok[0]++;
                        } else {
                            failures.add(new RunSummary.FailedFile(first.source(), first.failure()));
                        }
                        for (ReportDocument d : docs) {
                            chars[0] += d.text().length();
                            sink.accept(d);
                        }
                    }
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw new IllegalStateException("output failed: " + e.getCause().getMessage(), e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        failures.sort(Comparator.comparing(RunSummary.FailedFile::source));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        return new RunSummary(listing.files().size() - unchanged[0], ok[0], List.copyOf(failures), listing.skipped(),
                unchanged[0], chars[0], ms,
                pipeline.timings());
    }
}
