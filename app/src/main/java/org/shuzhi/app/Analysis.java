package org.shuzhi.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.shuzhi.index.IndexSink;
import org.shuzhi.pipeline.run.Run;
import org.shuzhi.pipeline.run.RunFailure;
import org.shuzhi.pipeline.run.Sink;
import org.shuzhi.pipeline.segment.Segmenter;

/**
 * One run of the engine ({@link Run}) with the application's sinks: the JSON, pages and summaries
 * ({@link ReportOutputs}) and the Lucene index ({@link IndexSink}). The one place where {@code analyze},
 * {@code serve --input} (its start and its 重新分析 button) and {@code bench run} start a run, so that all three
 * produce the same output folder from the same options.
 */
final class Analysis {
    /**
     * What is published besides the engine's own options.
     *
     * @param docx          true to write a Word analysis per report ({@code --docx})
     * @param meetingColumn the manifest column naming each report's review meeting, or null for one meeting
     * @param index         the index folder, or null for no index ({@code --no-index})
     * @param prune         true to remove from the index the reports no longer in the input ({@code --prune})
     */
    record Outputs(boolean docx, String meetingColumn, Path index, boolean prune) {
        /** The defaults of {@code analyze}: no Word files, one meeting, the index in {@code <out>/index}. */
        static Outputs defaults(Path out) {
            return new Outputs(false, null, out.resolve("index"), false);
        }
    }

    /**
     * A finished run.
     *
     * @param result  what the engine did
     * @param lines   the Chinese summary lines of the outputs (files written, failures, times)
     * @param removed report ids removed from the index ({@code --prune}), empty otherwise
     */
    record Finished(Run.Result result, List<String> lines, Set<String> removed) {
    }

    private Analysis() {
    }

    /**
     * Opens the engine on {@code options}, checks the outputs' options against the input and runs it.
     *
     * @param startedNanos when the command started ({@link System#nanoTime()}), for the total time in the summary
     * @throws RunFailure                       when the input, dictionaries, manifest, profile, meeting column or an
     *                                          output cannot be used (the kind gives the exit code)
     * @throws org.shuzhi.index.IndexException  when the index cannot be opened or written
     * @throws UncheckedIOException             when the work state cannot be read or written
     */
    static Finished run(Run.Options options, Outputs outputs, Run.Progress progress, long startedNanos)
            throws InterruptedException {
        Run run = Run.open(options);
        if (outputs.meetingColumn() != null && !run.manifest().hasColumn(outputs.meetingColumn())) {
            throw new RunFailure(RunFailure.Kind.MANIFEST, "--meeting-column " + outputs.meetingColumn()
                    + "：输入文件夹的 manifest.csv 中没有这一列（或该列全为空）。"
                    + "请在 manifest.csv 中加一列写明每份报告所属的评议会，或去掉该选项（整批报告作为一场）。", null);
        }
        ReportOutputs reportOutputs = new ReportOutputs(options.out(), outputs.docx(), outputs.meetingColumn());
        reportOutputs.started(startedNanos);
        List<Sink> sinks = new ArrayList<>(List.of(reportOutputs));
        IndexSink indexSink = outputs.index() == null ? null
                : IndexSink.open(outputs.index(), new Segmenter(run.dictionaries()), outputs.prune());
        try {
            if (indexSink != null) {
                sinks.add(indexSink);
            }
            Run.Result result = run.run(sinks, progress);
            return new Finished(result, reportOutputs.lines(), indexSink == null ? Set.of() : indexSink.removed());
        } finally {
            if (indexSink != null) {
                try {
                    indexSink.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }
}
