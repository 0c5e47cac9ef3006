package org.shuzhi.pipeline.run;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.shuzhi.pipeline.model.Comparison;
import org.shuzhi.pipeline.model.Originality;
import org.shuzhi.pipeline.model.ReportDocument;

/**
 * The assess and publish phases of a {@link Run}, after the comparison: per report, reads its document from the work
 * state's {@link DocumentStore} and its comparison from its {@link ComparisonFiles}, adds the comparison, assesses it against its notice profile ({@link AssessPhase}),
 * stores it and hands it to every {@link Sink} — on several threads, streaming (no document is kept). A report whose
 * {@link WorkState#publishKey} is recorded in the {@link PublishLedger} and whose outputs every sink still has is not
 * published again; the sinks get its ledger records instead. The sinks commit every {@code commitEvery} reports and
 * at the end, and the ledger records the reports of each commit after it: a crash loses at most the reports published
 * since the last commit, which the next run publishes again.
 */
final class PublishPhase {
    private final WorkState state;
    private final AssessPhase assess;
    private final List<Sink> sinks;
    private final Map<String, ReportDocument> templates;
    private final int threads;
    private final int commitEvery;

    /** @param published reports published in this run; @param unchanged reports whose outputs were current */
    record Result(int published, int unchanged) {
    }

    PublishPhase(WorkState state, AssessPhase assess, List<Sink> sinks, Map<String, ReportDocument> templates,
                 int threads, int commitEvery) {
        this.state = state;
        this.assess = assess;
        this.sinks = sinks;
        this.templates = templates;
        this.threads = threads;
        this.commitEvery = commitEvery;
    }

    /**
     * @param ids         every report id of the input, in input order (its document is in the store)
     * @param shas        SHA-256 of every report analysed successfully (now or in an earlier run), by id
     * @param analysed    ids analysed in this run: always published
     * @throws UncheckedIOException if a document or comparison cannot be read or an output written
     */
    Result run(List<String> ids, Map<String, String> shas, Set<String> analysed, Run.Progress progress)
            throws InterruptedException {
        int[] counts = {0, 0, 0}; // published, unchanged, since last commit
        Object lock = new Object();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (String id : ids) {
                futures.add(pool.submit(() -> {
                    String sha = shas.get(id);
                    Comparison c = state.comparisons().get(id);
                    String key = sha == null ? null : state.publishKey(sha, c);
                    PublishLedger.Entry done = key == null || analysed.contains(id) ? null : state.ledger().get(id);
                    if (done != null && done.key().equals(key) && current(done, id, sha)) {
                        sinks.forEach(s -> s.keep(id, done.records().get(s.name())));
                        synchronized (lock) {
                            counts[1]++;
                            progress.step(id);
                        }
                        return;
                    }
                    ReportDocument d = assessed(id, c);
                    state.documents().update(d); // tokens as loaded: only the document is rewritten
                    Map<String, JsonNode> records = new HashMap<>();
                    for (Sink s : sinks) {
                        records.put(s.name(), s.publish(d, this::source));
                    }
                    synchronized (lock) {
                        counts[0]++;
                        if (key != null && d.ok()) {
                            state.ledger().add(new PublishLedger.Entry(id, key, sha, records));
                        }
                        if (++counts[2] % commitEvery == 0) {
                            commit();
                        }
                        progress.step(d.source());
                    }
                }));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof RuntimeException r) {
                        throw r;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        commit();
        return new Result(counts[0], counts[1]);
    }

    private boolean current(PublishLedger.Entry done, String id, String sha) {
        for (Sink s : sinks) {
            if (!done.records().containsKey(s.name()) || !s.published(id, sha)) {
                return false;
            }
        }
        return true;
    }

    /** Commits the sinks, then records the reports they made durable as finished. */
    private void commit() {
        sinks.forEach(Sink::commit);
        state.ledger().flush();
    }

    private ReportDocument source(String id) {
        ReportDocument t = templates.get(id);
        return t != null ? t : state.documents().find(id);
    }

    /** @return the stored document of {@code id} with its comparison and assessment */
    private ReportDocument assessed(String id, Comparison c) {
        ReportDocument d = state.documents().load(id);
        if (c != null) {
            d = d.withComparison(c);
        }
        // The assessment sees the document as the output JSON has it, without tokens, as it did before the work store
        // kept them (issue 15): with tokens PlanCheck matches problems to plans by words rather than by character
        // bigrams, which changes plan.answers-problems in 9 of the 54 samples: a change of output left to its own issue.
        return d.withAssessment(assess.assess(withoutTokens(d), Originality.of(d.comparison())).assessment());
    }

    /** @return {@code d} with no tokens in its sentences (its form in the output JSON) */
    static ReportDocument withoutTokens(ReportDocument d) {
        if (d.paragraphs() == null || d.sections() == null) {
            return d;
        }
        return d.withStructure(d.sections(), d.paragraphs().stream().map(p -> p.withSentences(p.sentences().stream()
                .map(s -> s.withTokens(List.of())).toList())).toList());
    }
}
