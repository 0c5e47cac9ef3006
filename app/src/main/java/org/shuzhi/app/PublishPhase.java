package org.shuzhi.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import me.tongfei.progressbar.ProgressBar;
import org.shuzhi.app.quality.QualityOutputs;
import org.shuzhi.app.quality.QualityRow;
import org.shuzhi.app.render.HtmlReport;
import org.shuzhi.app.render.JsonOutput;
import org.shuzhi.app.render.SummaryRow;
import org.shuzhi.app.render.YearOverYearPages;
import org.shuzhi.index.ReportIndexer;
import org.shuzhi.pipeline.model.Comparison;
import org.shuzhi.pipeline.model.Originality;
import org.shuzhi.pipeline.model.ReportDocument;

/**
 * The publishing phase of {@code analyze}, after the comparison: per report, reads its document from the work
 * state's {@link org.shuzhi.pipeline.run.DocumentStore}, adds its comparison, assesses it against its notice profile, writes its JSON, page, Word analysis and
 * side-by-side copy pages, and indexes it — on several threads, streaming (no document is kept). A report whose
 * {@link WorkState#publishKey} is recorded in the {@link PublishLedger} and that is in the index is skipped. The index
 * is committed every {@code commitEvery} reports and at the end, and the ledger records the reports of each commit
 * after it: a crash loses at most the reports published since the last commit, which the next run publishes again.
 */
final class PublishPhase {
    private final Path json;
    private final Path html;
    private final WorkState state;
    private final QualityOutputs quality;
    private final ReportIndexer indexer;
    private final Map<String, ReportDocument> templates;
    private final int threads;
    private final int commitEvery;
    private final HtmlReport renderer = new HtmlReport();
    private final YearOverYearPages yoy = new YearOverYearPages();

    /**
     * @param rows      summary rows of every report of the input (ok and failed), in input order
     * @param units     unit → ids of its reports on a year-over-year page
     * @param changed   units with a report published in this run
     * @param published reports published in this run
     * @param unchanged reports whose outputs were current
     */
    record Result(List<SummaryRow> rows, Map<String, List<String>> units, Set<String> changed, int published,
                  int unchanged) {
    }

    /**
     * @param out         the output folder
     * @param indexer     the index, or null ({@code --no-index})
     * @param templates   the template texts by id (sources of copy pages)
     * @param commitEvery reports between two index commits, ≥ 1
     */
    PublishPhase(Path out, WorkState state, QualityOutputs quality, ReportIndexer indexer,
                 Map<String, ReportDocument> templates, int threads, int commitEvery) {
        this.json = out.resolve("json");
        this.html = out.resolve("html");
        this.state = state;
        this.quality = quality;
        this.indexer = indexer;
        this.templates = templates;
        this.threads = threads;
        this.commitEvery = commitEvery;
    }

    /**
     * @param ids         every report id of the input, in input order (its {@code json/<id>.json} exists)
     * @param shas        SHA-256 of every report analysed successfully (now or in an earlier run), by id
     * @param analysed    ids analysed in this run: always published (their JSON holds the analysis only)
     * @param comparisons the comparison of every compared report, by id
     * @throws UncheckedIOException if an output cannot be read or written
     * @throws org.shuzhi.index.IndexException if the index cannot be written
     */
    Result run(List<String> ids, Map<String, String> shas, Set<String> analysed, Map<String, Comparison> comparisons,
               ProgressBar bar)
            throws InterruptedException {
        Map<String, String> indexed = indexer == null ? null : indexer.indexedReports();
        SummaryRow[] rows = new SummaryRow[ids.size()];
        String[] unitOf = new String[ids.size()];
        Set<String> changed = new HashSet<>();
        int[] counts = {0, 0, 0}; // published, unchanged, since last commit
        Object lock = new Object();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                int at = i;
                String id = ids.get(i);
                futures.add(pool.submit(() -> {
                    String sha = shas.get(id);
                    Comparison c = comparisons.get(id);
                    String key = sha == null ? null : state.publishKey(sha, c);
                    PublishLedger.Entry done = key == null || analysed.contains(id) ? null : state.ledger().get(id);
                    if (done != null && done.key().equals(key) && (indexed == null || sha.equals(indexed.get(id)))
                            && Files.exists(html.resolve(id + ".html")) && Files.exists(json.resolve(id + ".json"))) {
                        quality.keep(done.quality());
                        synchronized (lock) {
                            rows[at] = done.summary();
                            unitOf[at] = done.unit();
                            counts[1]++;
                            AnalyzeCommand.step(bar, id);
                        }
                        return;
                    }
                    ReportDocument d = publish(id, c);
                    String unit = YearOverYearPages.unitOf(d);
                    synchronized (lock) {
                        rows[at] = SummaryRow.of(d);
                        unitOf[at] = unit;
                        counts[0]++;
                        if (unit != null) {
                            changed.add(unit);
                        }
                        if (key != null && d.ok()) {
                            state.ledger().add(new PublishLedger.Entry(id, key, sha, unit, rows[at],
                                    QualityRow.of(d)));
                        }
                        if (++counts[2] % commitEvery == 0) {
                            commit();
                        }
                        AnalyzeCommand.step(bar, d.source());
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
        Map<String, List<String>> units = new TreeMap<>();
        for (int i = 0; i < ids.size(); i++) {
            if (unitOf[i] != null) {
                units.computeIfAbsent(unitOf[i], k -> new ArrayList<>()).add(ids.get(i));
            }
        }
        return new Result(List.of(rows), units, changed, counts[0], counts[1]);
    }

    /** Commits the index, then records the reports it made searchable as finished. */
    private void commit() {
        if (indexer != null) {
            indexer.commit();
        }
        state.ledger().flush();
    }

    private ReportDocument publish(String id, Comparison c) {
        ReportDocument d = state.documents().load(id);
        if (c != null) {
            d = d.withComparison(c);
        }
        // The assessment sees the document as the output JSON has it, without tokens, as it did before the work store
        // kept them (issue 15): with tokens PlanCheck matches problems to plans by words rather than by character
        // bigrams, which changes plan.answers-problems in 9 of the 54 samples: a change of output left to its own issue.
        d = d.withAssessment(quality.assess(withoutTokens(d), originality(d.comparison())).assessment());
        AnalyzeCommand.write(json.resolve(id + ".json"), JsonOutput.toJson(d));
        state.documents().save(d);
        quality.write(d);
        AnalyzeCommand.write(html.resolve(id + ".html"), renderer.render(d));
        Path out = json.getParent();
        for (Map.Entry<String, String> page : yoy.copyPages(d, s -> templates.containsKey(s) ? templates.get(s)
                : state.documents().find(s)).entrySet()) {
            AnalyzeCommand.write(out.resolve(page.getKey()), page.getValue());
        }
        if (indexer != null) {
            indexer.index(d);
        }
        return d;
    }

    /** @return {@code d} with no tokens in its sentences (its form in the output JSON) */
    static ReportDocument withoutTokens(ReportDocument d) {
        if (d.paragraphs() == null || d.sections() == null) {
            return d;
        }
        return d.withStructure(d.sections(), d.paragraphs().stream().map(p -> p.withSentences(p.sentences().stream()
                .map(s -> s.withTokens(List.of())).toList())).toList());
    }

    /** @throws UncheckedIOException if the JSON cannot be read */
    static ReportDocument read(Path json, String id) {
        Path f = json.resolve(id + ".json");
        try {
            return JsonOutput.read(f);
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取 " + f + "：" + e.getMessage(), e);
        }
    }

    /**
     * @return the assessment's originality input from a comparison (the largest source named by its unit and year, as
     *         a reader knows it), or null when the report was not compared
     */
    static Originality originality(Comparison c) {
        return Originality.of(c);
    }
}
