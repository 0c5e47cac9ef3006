package org.shuzhi.pipeline.run;

import java.util.List;
import java.util.Map;
import org.shuzhi.pipeline.model.Failure;

/**
 * What a batch did.
 *
 * @param files      files analysed in this run (ok + failed)
 * @param ok         files analysed successfully
 * @param failures   every file that could not be analysed, in path order
 * @param skipped    files in the input folder that are not documents (manifests, scripts …)
 * @param unchanged  files not analysed again because their content (SHA-256) and the analysis are unchanged since an
 *                   earlier run (see {@link Batch.Reuse}); not counted in {@code files}
 * @param chars      characters of cleaned text analysed, UTF-16 code units
 * @param elapsedMs  wall-clock time of the batch, milliseconds
 * @param stageNanos time per step summed over worker threads, nanoseconds
 */
public record RunSummary(int files, int ok, List<FailedFile> failures, int skipped, int unchanged, long chars, long elapsedMs,
                         Map<String, Long> stageNanos) {

    /** A file that failed and why. */
    public record FailedFile(String source, Failure failure) {
    }

    /** @return files per second of wall-clock time */
    public double reportsPerSecond() {
        return elapsedMs == 0 ? 0 : files * 1000.0 / elapsedMs;
    }

    /** @return cleaned characters per second of wall-clock time */
    public double charsPerSecond() {
        return elapsedMs == 0 ? 0 : chars * 1000.0 / elapsedMs;
    }
}
