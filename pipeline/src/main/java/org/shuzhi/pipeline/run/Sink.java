package org.shuzhi.pipeline.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Function;
import org.shuzhi.pipeline.model.ReportDocument;

/**
 * Where a {@link Run} publishes its reports: the output JSON, the pages, the Word files, the search index. The engine
 * calls a sink; a sink never calls back into the engine or a command. Implementations live above the engine (the
 * {@code app} module's pages and JSON, the {@code index} module's Lucene index).
 *
 * <p>Order of calls: {@link #published} for every report of the input (to learn whether its outputs are still there),
 * then, on several threads at once, {@link #publish} for each report whose outputs must be written and {@link #keep}
 * for each whose outputs are current; {@link #commit} every {@code commitEvery} reports and at the end (after a commit
 * the engine records the reports as finished in the {@link PublishLedger}); {@link #finish} once.
 */
public interface Sink {
    /** @return a short stable name, the key of this sink's records in the ledger */
    String name();

    /**
     * @param id     a report id
     * @param sha256 the SHA-256 of the report's file
     * @return whether this sink's outputs of that version of the report are present (default: true)
     */
    default boolean published(String id, String sha256) {
        return true;
    }

    /**
     * Writes the outputs of one report. Thread-safe.
     *
     * @param doc     the report as published: analysed, compared and assessed (or a failed file)
     * @param sources the documents a comparison names (other reports as published or analysed, templates), by id;
     *                null for an unknown id
     * @return what the sink keeps of the report for its summaries (given back to {@link #keep} on a later run), or null
     */
    JsonNode publish(ReportDocument doc, Function<String, ReportDocument> sources);

    /**
     * A report whose outputs are current: what {@link #publish} returned for it. Thread-safe.
     *
     * @param id     the report id
     * @param record the record, or null when the sink returned none
     */
    default void keep(String id, JsonNode record) {
    }

    /** Makes everything published so far durable (e.g. commits the index). */
    default void commit() {
    }

    /**
     * The run is over: write what covers all reports (summary tables, pages across reports).
     *
     * @param result the run's result
     */
    default void finish(Run.Result result) {
    }
}
