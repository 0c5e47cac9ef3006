package org.shuzhi.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.shuzhi.app.quality.QualityOutputs;
import org.shuzhi.app.quality.QualityRow;
import org.shuzhi.app.render.HtmlReport;
import org.shuzhi.app.render.JsonOutput;
import org.shuzhi.app.render.SummaryRow;
import org.shuzhi.app.render.YearOverYearPages;
import org.shuzhi.pipeline.io.AtomicFiles;
import org.shuzhi.pipeline.model.ReportDocument;
import org.shuzhi.pipeline.run.Run;
import org.shuzhi.pipeline.run.Sink;

/**
 * The files of a run as a {@link Sink}: per report its JSON ({@code json/<id>.json}, the integration contract, written
 * once), its page ({@code html/<id>.html}), its side-by-side copy pages and, with {@code --docx}, its Word file; when
 * the run finishes, the pages across reports — the year-over-year pages, the meeting brief and shared templates,
 * {@code summary.csv}, {@code index.html} and the quality summary. What it keeps per report in the ledger: the report's
 * unit and its rows of {@code summary.csv} and the quality summary.
 */
final class ReportOutputs implements Sink {
    private final Path out;
    private final Path json;
    private final Path html;
    private final QualityOutputs quality;
    private final String meetingColumn;
    private final HtmlReport renderer = new HtmlReport();
    private final YearOverYearPages yoy = new YearOverYearPages();
    private final Map<String, SummaryRow> rows = new ConcurrentHashMap<>();
    private final Map<String, String> units = new ConcurrentHashMap<>();
    private final Set<String> changed = ConcurrentHashMap.newKeySet();
    private long started = System.nanoTime();
    private List<String> lines = List.of();

    /** What the ledger keeps of a report for this sink. */
    record Record(String unit, SummaryRow summary, QualityRow quality) {
    }

    /**
     * @param out           the output folder
     * @param wordFiles     whether to write a Word file per report ({@code --docx})
     * @param meetingColumn the manifest column of the meetings ({@code --meeting-column}), or null
     * @throws UncheckedIOException if the output folders cannot be created
     */
    ReportOutputs(Path out, boolean wordFiles, String meetingColumn) {
        this.out = out;
        this.json = out.resolve("json");
        this.html = out.resolve("html");
        this.meetingColumn = meetingColumn;
        try {
            Files.createDirectories(json);
            Files.createDirectories(html);
            Files.createDirectories(out.resolve("copies"));
        } catch (IOException e) {
            throw new UncheckedIOException("无法创建输出文件夹 " + out + "：" + e.getMessage(), e);
        }
        this.quality = new QualityOutputs(out, wordFiles);
    }

    /** Restarts the clock of the run's total time (shown on the summary lines). */
    void started(long nanoTime) {
        this.started = nanoTime;
    }

    /** @return the run's summary lines (after {@link #finish}) */
    List<String> lines() {
        return lines;
    }

    @Override
    public String name() {
        return "outputs";
    }

    @Override
    public boolean published(String id, String sha256) {
        return Files.exists(html.resolve(id + ".html")) && Files.exists(json.resolve(id + ".json"));
    }

    @Override
    public JsonNode publish(ReportDocument d, Function<String, ReportDocument> sources) {
        String id = d.id();
        AtomicFiles.write(json.resolve(id + ".json"), JsonOutput.toJson(d));
        quality.write(d);
        AtomicFiles.write(html.resolve(id + ".html"), renderer.render(d));
        for (Map.Entry<String, String> page : yoy.copyPages(d, sources).entrySet()) {
            AtomicFiles.write(out.resolve(page.getKey()), page.getValue());
        }
        Record r = new Record(YearOverYearPages.unitOf(d), SummaryRow.of(d), QualityRow.of(d));
        remember(id, r);
        if (r.unit() != null) {
            changed.add(r.unit());
        }
        return JsonOutput.mapper().valueToTree(r);
    }

    @Override
    public void keep(String id, JsonNode record) {
        Record r = JsonOutput.mapper().convertValue(record, Record.class);
        remember(id, r);
        quality.keep(r.quality());
    }

    private void remember(String id, Record r) {
        rows.put(id, r.summary());
        if (r.unit() != null) {
            units.put(id, r.unit());
        }
    }

    @Override
    public void finish(Run.Result result) {
        Map<String, List<String>> byUnit = new TreeMap<>();
        for (String id : result.ids()) {
            String u = units.get(id);
            if (u != null) {
                byUnit.computeIfAbsent(u, k -> new ArrayList<>()).add(id);
            }
        }
        List<SummaryRow> inOrder = result.ids().stream().map(rows::get).filter(r -> r != null).toList();
        List<String> l = RunLines.of(result.analysis());
        // the year-over-year pages, the meeting briefs and the quality summary read nothing of each other: they are
        // written side by side (each on its own thread, at most two at once)
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> pages = List.of(
                    pool.submit(() -> YoyPages.write(out, result.documents(), byUnit, changed)),
                    pool.submit(() -> MeetingOutputs.write(out, result.documents(), inOrder.stream()
                            .filter(r -> "ok".equals(r.status())).map(SummaryRow::id).toList(), byUnit,
                            result.sharedTemplates(), meetingColumn)),
                    pool.submit(() -> quality.finish(l.get(0))));
            pool.shutdown(); // the three run to their end, failed or not, before finish returns or throws
            for (Future<?> f : pages) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    pool.awaitTermination(1, TimeUnit.HOURS);
                    if (e.getCause() instanceof RuntimeException re) {
                        throw re;
                    }
                    if (e.getCause() instanceof Error err) {
                        throw err;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing the summary pages", e);
        }
        List<SummaryRow> sorted = inOrder.stream().sorted(Comparator.comparing(SummaryRow::source)).toList();
        AtomicFiles.write(out.resolve("summary.csv"), SummaryCsv.toCsv(sorted));
        l.add(3, result.compareLine());
        l.add(4, String.format(Locale.ROOT, "输出：更新 %d 份报告的评估、页面与索引，%d 份未变化", result.published(),
                result.unchanged()));
        l.add(5, String.format(Locale.ROOT, "总用时（分析、比对、评估、输出与索引）：%.1f 秒",
                (System.nanoTime() - started) / 1e9));
        l.addAll(result.warnings());
        AtomicFiles.write(out.resolve("index.html"), renderer.renderIndex(sorted, l.subList(0, 2)));
        lines = l;
    }
}
