package org.shuzhi.index;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.shuzhi.pipeline.model.ReportDocument;
import org.shuzhi.pipeline.run.Run;
import org.shuzhi.pipeline.run.Sink;
import org.shuzhi.pipeline.segment.Segmenter;

/**
 * The search index as a {@link Sink} of a {@link Run}: each published report is indexed ({@link ReportIndexer}), a
 * commit of the run commits the index, and a report counts as published only while the index holds its current
 * version. With {@code prune}, reports no longer in the input are removed when the run finishes.
 */
public final class IndexSink implements Sink, Closeable {
    private final ReportIndexer indexer;
    private final boolean prune;
    private Map<String, String> indexed;
    private Set<String> removed = Set.of();

    private IndexSink(ReportIndexer indexer, boolean prune) {
        this.indexer = indexer;
        this.prune = prune;
    }

    /**
     * @param folder    the index folder (created when absent)
     * @param segmenter the run's segmenter
     * @param prune     whether to remove reports that are no longer in the input
     * @throws IndexException when the index cannot be opened
     */
    public static IndexSink open(Path folder, Segmenter segmenter, boolean prune) {
        return new IndexSink(ReportIndexer.open(folder, segmenter), prune);
    }

    @Override
    public String name() {
        return "index";
    }

    @Override
    public synchronized boolean published(String id, String sha256) {
        if (indexed == null) {
            indexed = indexer.indexedReports();
        }
        return sha256.equals(indexed.get(id));
    }

    @Override
    public JsonNode publish(ReportDocument doc, Function<String, ReportDocument> sources) {
        indexer.index(doc);
        return null;
    }

    @Override
    public void commit() {
        indexer.commit();
    }

    @Override
    public void finish(Run.Result result) {
        if (prune) {
            removed = indexer.prune(Set.copyOf(result.ids()));
            indexer.commit();
        }
    }

    /** @return the ids removed by {@code prune} when the run finished */
    public Set<String> removed() {
        return removed;
    }

    @Override
    public void close() throws IOException {
        indexer.close();
    }
}
