package org.shuzhi.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.shuzhi.app.quality.QualityOutputs;
import org.shuzhi.app.quality.QualitySummary;
import org.shuzhi.app.render.HtmlReport;
import org.shuzhi.app.render.JsonOutput;
import org.shuzhi.app.render.SummaryRow;
import org.shuzhi.index.IndexException;
import org.shuzhi.index.ReportIndexer;
import org.shuzhi.pipeline.compare.CompareOptions;
import org.shuzhi.pipeline.model.Comparison;
import org.shuzhi.pipeline.dict.Dictionaries;
import org.shuzhi.pipeline.dict.DictionaryException;
import org.shuzhi.pipeline.extract.ExtractionLimits;
import org.shuzhi.pipeline.meta.Manifest;
import org.shuzhi.pipeline.run.Batch;
import org.shuzhi.pipeline.run.InputFiles;
import org.shuzhi.pipeline.run.Pipeline;
import org.shuzhi.pipeline.run.RunSummary;
import org.shuzhi.pipeline.segment.Segmenter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code shuzhi analyze <input-dir>}: the main job. Writes JSON, HTML and the summary; see the README. */
@Command(name = "analyze", sortOptions = false,
        synopsisHeading = "用法：", descriptionHeading = "%n", parameterListHeading = "%n参数：%n",
        optionListHeading = "%n选项：%n", footerHeading = "%n",
        description = "分析一个文件夹中的全部述职报告（docx、doc、pdf、txt、html 等），输出 JSON、HTML 和汇总表。",
        footer = {"示例：./shuzhi analyze corpus-samples --out reports",
                "退出码：0 完成（无法读取的文件列在汇总中）；1 致命错误（也包括输入文件夹中没有可读的报告）；2 用法错误；"
                        + "3 使用 --strict 且有文件失败。",
                "词表位置也可用环境变量 SHUZHI_HOME 指定（其下的 dictionaries/）。"})
public final class AnalyzeCommand implements Callable<Integer> {
    /**
     * Wall-clock times of a finished run's phases, for the benchmark.
     *
     * @param analysis     the batch (analysis of changed files), with its per-stage times
     * @param compareMs    comparison of all reports (fingerprint index, alignment, year over year), ms
     * @param publishMs    assessment, JSON/HTML/Word/copy pages and indexing of changed reports, ms
     * @param pagesMs      year-over-year pages, summary.csv, index page and quality summary, ms
     * @param totalMs      the whole run, including loading dictionaries and the template library, ms
     * @param published    reports published in this run
     * @param unchanged    reports whose outputs were current
     */
    public record Phases(RunSummary analysis, long compareMs, long publishMs, long pagesMs, long totalMs,
                         int published, int unchanged) {
    }

    private Phases phases;

    /** @return the phase times of the last successful {@link #call}, or null */
    public Phases phases() {
        return phases;
    }

    @Parameters(index = "0", paramLabel = "<input-dir>", description = "待分析的文件夹（递归读取 docx/doc/pdf/txt/html 等）")
    Path input;

    @Option(names = "--out", paramLabel = "<dir>", defaultValue = "reports",
            description = "输出文件夹（默认：${DEFAULT-VALUE}）")
    Path out;

    @Option(names = "--threads", paramLabel = "<n>", description = "并行线程数（默认：全部 CPU 核数）")
    Integer threads;

    @Option(names = "--dictionaries", paramLabel = "<dir>", description = "词表与配置文件夹（默认：仓库中的 dictionaries/）")
    Path dictionaries;

    @Option(names = "--max-bytes", paramLabel = "<n>", defaultValue = "52428800",
            description = "单个文件大小上限，字节（默认：${DEFAULT-VALUE}，即 50 MB）")
    long maxBytes;

    @Option(names = "--timeout", paramLabel = "<seconds>", defaultValue = "60",
            description = "单个文件解析时限，秒（默认：${DEFAULT-VALUE}）")
    int timeout;

    @Option(names = "--index", paramLabel = "<dir>", description = "检索索引文件夹（默认：<输出文件夹>/index）")
    Path index;

    @Option(names = "--no-index", description = "不写检索索引")
    boolean noIndex;

    @Option(names = "--prune", description = "从索引中删除输入文件夹里已不存在的报告")
    boolean prune;

    @Option(names = "--profile", paramLabel = "<id>",
            description = "按哪个通知配置评估全部报告（dictionaries/profiles/<id>.yaml，如 s0、s2、s4）；"
                    + "不指定时按 manifest.csv 的 profile 列，否则用 default")
    String profile;

    @Option(names = "--templates", paramLabel = "<dir>",
            description = "网络范文/模板文件夹，用于抄袭比对（输入中含 .shuzhi-templates 文件的子文件夹也会使用）")
    Path templates;

    @Option(names = "--meeting-column", paramLabel = "<列名>",
            description = "manifest.csv 中表示评议会场次的列：每个取值另出一份评议会简报 brief-<取值>.html/.docx"
                    + "（不指定时整批报告为一场）")
    String meetingColumn;

    @Option(names = "--min-match", paramLabel = "<n>", defaultValue = "13",
            description = "复制比对的最短连续相同字数，不计标点和官方表述（默认：${DEFAULT-VALUE}）")
    int minMatch;

    @Option(names = "--commit-every", paramLabel = "<n>", defaultValue = "500",
            description = "每输出多少份报告提交一次检索索引并记为完成（默认：${DEFAULT-VALUE}）；中断后重新运行只补做未提交的报告")
    int commitEvery;

    @Option(names = "--docx", description = "为每篇报告生成质量分析 Word 文件 docx/<报告编号>.docx（默认不生成："
            + "用 ./shuzhi docx <报告编号> 或网页界面按需生成）")
    boolean docx;

    @Option(names = "--no-progress", description = "不显示进度条")
    boolean noProgress;

    @Option(names = "--strict", description = "有文件无法分析时以退出码 3 结束")
    boolean strict;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "显示本帮助")
    boolean help;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private void validate() {
        String bad = threads != null && threads < 1 ? "--threads 必须是不小于 1 的整数"
                : timeout < 1 ? "--timeout 必须是不小于 1 的秒数"
                : maxBytes < 1 ? "--max-bytes 必须是正整数（字节）"
                : minMatch < 2 ? "--min-match 必须是不小于 2 的整数"
                : commitEvery < 1 ? "--commit-every 必须是不小于 1 的整数" : null;
        if (bad != null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "用法错误：" + bad);
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        PrintWriter outw = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        long started = System.nanoTime();
        validate();
        if (!Files.isDirectory(input)) {
            err.println("错误：" + (Files.exists(input) ? "不是文件夹：" : "输入文件夹不存在：") + input
                    + "。请指定包含述职报告文件的文件夹，例如 ./shuzhi analyze corpus-samples");
            return ShuzhiCommand.EXIT_FATAL;
        }
        if (templates != null && !Files.isDirectory(templates)) {
            err.println("错误：范文/模板文件夹不存在：" + templates + "。请用 --templates 指定存放网络范文的文件夹。");
            return ShuzhiCommand.EXIT_FATAL;
        }
        InputFiles.Listing listing = withoutTemplates(InputFiles.list(input), input, templates);
        if (listing.files().isEmpty()) {
            err.println("错误：输入文件夹 " + input + " 中没有可分析的报告文件（支持 docx、doc、wps、pdf、txt、html 等格式"
                    + (listing.skipped() == 0 ? "，该文件夹是空的" : "；另有 " + listing.skipped() + " 个其他文件已跳过")
                    + "）。请指定存放述职报告的文件夹，例如 ./shuzhi analyze corpus-samples");
            return ShuzhiCommand.EXIT_FATAL;
        }
        Path dictDir = Home.dictionaries(dictionaries);
        Dictionaries dict;
        Manifest manifest;
        try {
            if (dictDir == null) {
                throw new DictionaryException(Path.of("dictionaries"), 0, "找不到词表文件夹");
            }
            dict = Dictionaries.load(dictDir);
            manifest = Manifest.load(input);
        } catch (DictionaryException e) {
            err.println("错误：词表无法加载：" + e.getMessage() + "。请用 --dictionaries 指定仓库中的 dictionaries/ 文件夹。");
            return ShuzhiCommand.EXIT_FATAL;
        } catch (IOException e) {
            err.println("错误：manifest.csv 无法读取：" + e.getMessage() + "。请检查其格式（UTF-8，首行为列名）。");
            return ShuzhiCommand.EXIT_FATAL;
        }
        if (meetingColumn != null && !manifest.hasColumn(meetingColumn)) {
            err.println("错误：--meeting-column " + meetingColumn + "：输入文件夹的 manifest.csv 中没有这一列（或该列全为空）。"
                    + "请在 manifest.csv 中加一列写明每份报告所属的评议会，或去掉该选项（整批报告作为一场）。");
            return ShuzhiCommand.EXIT_FATAL;
        }
        Path json = out.resolve("json");
        Path html = out.resolve("html");
        try {
            Files.createDirectories(json);
            Files.createDirectories(html);
            Files.createDirectories(out.resolve("copies"));
        } catch (IOException e) {
            err.println("错误：无法创建输出文件夹 " + out + "：" + e.getMessage());
            return ShuzhiCommand.EXIT_FATAL;
        }
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        QualityOutputs quality;
        try {
            quality = new QualityOutputs(dict, profile, out, docx);
        } catch (IllegalArgumentException | org.shuzhi.pipeline.profile.ProfileException e) {
            err.println("错误：通知配置无法使用：" + e.getMessage());
            return ShuzhiCommand.EXIT_FATAL;
        }
        boolean showProgress = !noProgress && System.console() != null;
        Path indexDir = noIndex ? null : (index == null ? out.resolve("index") : index);
        ExtractionLimits limits = new ExtractionLimits(maxBytes, ExtractionLimits.DEFAULT.maxChars(), timeout,
                ExtractionLimits.DEFAULT.minTextChars());
        WorkState state = WorkState.open(out, dictDir, input, limits, profile);
        RunSummary summary;
        CorpusPhase corpus;
        PublishPhase.Result published;
        long compareMillis;
        long p0;
        try (Pipeline pipeline = Pipeline.standard(dict, manifest, limits)) {
            List<String> ids = listing.files().stream().map(InputFiles::reportId).toList();
            corpus = CorpusPhase.start(input, templates, pipeline, dict,
                    CompareOptions.withMinMatch(minMatch).withThreads(n), state, Set.copyOf(ids));
            // 1. analyse every changed file: its JSON is written and its text put in the fingerprint store as soon as
            //    it is done; an unchanged file (same content, same analysis, JSON present) is taken from the store
            Map<String, String> shas = new java.util.concurrent.ConcurrentHashMap<>();
            Set<String> analysed = java.util.concurrent.ConcurrentHashMap.newKeySet();
            try (ProgressBar bar = progress(showProgress, "分析", listing.files().size())) {
                summary = new Batch(pipeline, n).run(input, listing, (id, sha) -> {
                    boolean reused = state.documents().contains(id) && corpus.reuse(id, sha);
                    if (reused) {
                        shas.put(id, sha);
                        step(bar, id);
                    }
                    return reused;
                }, d -> {
                    state.documents().save(d);
                    analysed.add(d.id());
                    corpus.add(d);
                    if (d.ok()) {
                        shas.put(d.id(), d.sha256());
                    }
                    step(bar, d.source());
                });
            }
            // 2. compare all reports with each other, with earlier years and with the template library
            long c0 = System.nanoTime();
            Map<String, Comparison> comparisons = corpus.compare();
            compareMillis = (System.nanoTime() - c0) / 1_000_000;
            p0 = System.nanoTime();
            // 3. publish what changed: assessment, pages, Word files, the search index
            try (ProgressBar bar = progress(showProgress, "输出", ids.size());
                 ReportIndexer indexer = indexDir == null ? null : ReportIndexer.open(indexDir, new Segmenter(dict))) {
                published = new PublishPhase(out, state, quality, indexer, corpus.templates(), n, commitEvery)
                        .run(ids, shas, analysed, comparisons, bar);
                if (indexer != null && prune) {
                    Set<String> removed = indexer.prune(Set.copyOf(ids));
                    indexer.commit();
                    if (!removed.isEmpty()) {
                        outw.println("已从索引中删除 " + removed.size() + " 份输入中已不存在的报告");
                    }
                }
            } catch (IndexException e) {
                err.println("错误：" + e.getMessage());
                return ShuzhiCommand.EXIT_FATAL;
            }
            state.ledger().compact(Set.copyOf(ids));
        }
        long publishMillis = (System.nanoTime() - p0) / 1_000_000;
        long y0 = System.nanoTime();
        YoyPages.write(out, state.documents(), published.units(), published.changed());
        MeetingOutputs.write(out, state.documents(), published.rows().stream().filter(r -> "ok".equals(r.status()))
                .map(SummaryRow::id).toList(), published.units(), corpus.sharedTemplates(), meetingColumn);
        List<SummaryRow> rows = published.rows().stream().sorted(Comparator.comparing(SummaryRow::source)).toList();
        write(out.resolve("summary.csv"), SummaryCsv.toCsv(rows));
        List<String> lines = summaryLines(summary);
        lines.add(3, corpus.summaryLine());
        lines.add(4, String.format(Locale.ROOT, "输出：更新 %d 份报告的评估、页面与索引，%d 份未变化", published.published(),
                published.unchanged()));
        lines.add(5, String.format(Locale.ROOT, "总用时（分析、比对、评估、输出与索引）：%.1f 秒",
                (System.nanoTime() - started) / 1e9));
        lines.addAll(corpus.warnings());
        write(out.resolve("index.html"), new HtmlReport().renderIndex(rows, lines.subList(0, 2)));
        quality.finish(lines.get(0));
        phases = new Phases(summary, compareMillis, publishMillis, (System.nanoTime() - y0) / 1_000_000,
                (System.nanoTime() - started) / 1_000_000, published.published(), published.unchanged());
        lines.forEach(outw::println);
        outw.println("输出：" + json + "/ 、" + html + "/ 、" + out.resolve("summary.csv") + " 、"
                + out.resolve("index.html") + " 、" + out.resolve(QualitySummary.HTML) + "（质量汇总）"
                + " 、" + out.resolve(org.shuzhi.app.render.BriefPages.BRIEF) + "（评议会前简报，另有 Word 版）"
                + (indexDir == null ? "" : " 、检索索引 " + indexDir + "/"));
        if (indexDir != null) {
            outw.println("检索：./shuzhi search \"软弱涣散\" --category problem"
                    + (out.equals(Path.of("reports")) ? "" : " --reports " + out)
                    + "；网页界面：./shuzhi serve" + (out.equals(Path.of("reports")) ? "" : " --reports " + out));
        }
        if (summary.ok() + summary.unchanged() == 0) {
            err.println("错误：输入文件夹 " + input + " 中没有一份能读取的报告：" + summary.failures().size()
                    + " 个文件全部无法分析（原因和处理建议见上方列表与 summary.csv）。");
            return ShuzhiCommand.EXIT_FATAL;
        }
        return strict && !summary.failures().isEmpty() ? ShuzhiCommand.EXIT_FAILED_FILES : ShuzhiCommand.EXIT_OK;
    }

    /**
     * Leaves the {@code --templates} folder out of the reports when it lies inside the input folder: its files are
     * the template library, not reports.
     */
    static InputFiles.Listing withoutTemplates(InputFiles.Listing listing, Path input, Path templates) {
        if (templates == null) {
            return listing;
        }
        Path in = input.toAbsolutePath().normalize();
        Path t = templates.toAbsolutePath().normalize();
        if (!t.startsWith(in) || t.equals(in)) {
            return listing;
        }
        Path rel = in.relativize(t);
        List<String> kept = listing.files().stream().filter(f -> !Path.of(f).startsWith(rel)).toList();
        return new InputFiles.Listing(kept, listing.skipped());
    }

    private static ProgressBar progress(boolean show, String task, int max) {
        return show ? new ProgressBarBuilder().setTaskName(task).setInitialMax(max).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(200).continuousUpdate().build() : null;
    }

    static void step(ProgressBar bar, String message) {
        if (bar != null) {
            bar.step();
            bar.setExtraMessage(message);
        }
    }

    static List<String> summaryLines(RunSummary s) {
        List<String> l = new ArrayList<>();
        l.add(String.format(Locale.ROOT, "分析完成：共 %d 个文件，成功 %d 个，失败 %d 个（另跳过 %d 个非文档文件）",
                s.files() + s.unchanged(), s.ok() + s.unchanged(), s.failures().size(), s.skipped())
                + (s.unchanged() == 0 ? "" : String.format(Locale.ROOT, "；其中 %d 个未变化，沿用上次的分析", s.unchanged())));
        l.add(String.format(Locale.ROOT, "用时 %.1f 秒；吞吐 %.2f 份/秒，%,.0f 字符/秒", s.elapsedMs() / 1000.0,
                s.reportsPerSecond(), s.charsPerSecond()));
        StringBuilder st = new StringBuilder("各阶段用时（各线程合计）：");
        long total = s.stageNanos().values().stream().mapToLong(Long::longValue).sum();
        for (Map.Entry<String, Long> e : s.stageNanos().entrySet()) {
            st.append(String.format(Locale.ROOT, "%s %.2fs（%.0f%%） ", e.getKey(), e.getValue() / 1e9,
                    total == 0 ? 0.0 : 100.0 * e.getValue() / total));
        }
        l.add(st.toString().strip());
        if (!s.failures().isEmpty()) {
            l.add("无法分析的文件：");
            for (RunSummary.FailedFile f : s.failures()) {
                l.add("  " + f.source() + " — [" + f.failure().kind().id() + "] " + f.failure().message() + "。处理建议："
                        + f.failure().hint());
            }
        }
        return l;
    }

    static void write(Path target, String content) {
        org.shuzhi.pipeline.io.AtomicFiles.write(target, content);
    }
}
