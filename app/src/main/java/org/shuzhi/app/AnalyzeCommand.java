package org.shuzhi.app;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.shuzhi.app.quality.QualitySummary;
import org.shuzhi.index.IndexException;
import org.shuzhi.pipeline.compare.CompareOptions;
import org.shuzhi.pipeline.extract.ExtractionLimits;
import org.shuzhi.pipeline.run.Run;
import org.shuzhi.pipeline.run.RunFailure;
import org.shuzhi.pipeline.run.RunSummary;
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
            description = "单个文件解析（文字层）时限，秒（默认：${DEFAULT-VALUE}）；超时的文件记为 TIMEOUT，文件不变时下次运行不再重试")
    int timeout;

    @Option(names = "--max-chars", paramLabel = "<n>", defaultValue = "2000000",
            description = "单个文件提取文字上限，字符（UTF-16 码元；默认：${DEFAULT-VALUE}）")
    int maxChars;

    @Option(names = "--min-text-chars", paramLabel = "<n>", defaultValue = "20",
            description = "提取到的汉字、字母和数字少于此数即视为空文件或扫描件，字（默认：${DEFAULT-VALUE}）")
    int minTextChars;

    @Option(names = "--max-inflated-bytes", paramLabel = "<n>", defaultValue = "134217728",
            description = "docx/odt/ofd 等压缩格式解压后、PDF 内容流解码后的总大小上限，字节（默认：${DEFAULT-VALUE}，即 128 MB；"
                    + "超过视为“压缩炸弹”）")
    long maxInflatedBytes;

    @Option(names = "--parse-in-process", description = "在本进程的线程中解析文件，不另起解析子进程：省去子进程的启动，"
            + "但解析超时的文件只能放弃、不能终止（继续占用一个线程直到解析完）；默认每个线程一个解析子进程，超时即终止")
    boolean parseInProcess;

    @Option(names = "--parse-heap", paramLabel = "<MB>", defaultValue = "" + Run.Options.PARSE_HEAP_MB,
            description = "每个解析子进程的最大堆内存，MB（默认：${DEFAULT-VALUE}）")
    int parseHeapMb;

    @Option(names = "--no-ocr", description = "不对扫描件和图片做文字识别（OCR）；默认在已安装 tesseract 与简体中文模型时识别")
    boolean noOcr;

    @Option(names = "--ocr-dpi", paramLabel = "<dpi>", defaultValue = "300",
            description = "扫描版 PDF 页面渲染后再识别的分辨率，点/英寸（默认：${DEFAULT-VALUE}）")
    int ocrDpi;

    @Option(names = "--max-ocr-pages", paramLabel = "<n>", defaultValue = "100",
            description = "单个扫描件最多识别的页数，页（默认：${DEFAULT-VALUE}）")
    int maxOcrPages;

    @Option(names = "--ocr-page-timeout", paramLabel = "<seconds>", defaultValue = "120",
            description = "识别一页的时限，秒（默认：${DEFAULT-VALUE}；超时即终止识别进程）")
    int ocrPageTimeout;

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

    @Option(names = "--min-match", paramLabel = "<n>", defaultValue = "" + Run.Options.MIN_MATCH,
            description = "复制比对的最短连续相同字数，不计标点和官方表述（默认：${DEFAULT-VALUE}）")
    int minMatch;

    @Option(names = "--commit-every", paramLabel = "<n>", defaultValue = "" + Run.Options.COMMIT_EVERY,
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
                : maxChars < 1 ? "--max-chars 必须是正整数（字符）"
                : minTextChars < 0 ? "--min-text-chars 不能小于 0"
                : maxInflatedBytes < 1 ? "--max-inflated-bytes 必须是正整数（字节）"
                : ocrDpi < 50 ? "--ocr-dpi 必须不小于 50"
                : maxOcrPages < 1 ? "--max-ocr-pages 必须是正整数（页）"
                : ocrPageTimeout < 1 ? "--ocr-page-timeout 必须是不小于 1 的秒数"
                : parseHeapMb < 64 ? "--parse-heap 必须不小于 64（MB）"
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
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        ExtractionLimits limits = new ExtractionLimits(maxBytes, maxChars, timeout, minTextChars, maxInflatedBytes,
                ocrDpi, maxOcrPages, ocrPageTimeout);
        Path indexDir = noIndex ? null : (index == null ? out.resolve("index") : index);
        Analysis.Finished finished;
        try (BarProgress progress = new BarProgress(!noProgress && System.console() != null)) {
            finished = Analysis.run(new Run.Options(input, out, templates, Home.dictionaries(dictionaries), n,
                    CompareOptions.withMinMatch(minMatch), limits, profile, commitEvery, Home.build(), !noOcr,
                    parseInProcess, parseHeapMb), new Analysis.Outputs(docx, meetingColumn, indexDir, prune),
                    progress, started);
        } catch (RunFailure e) {
            return ShuzhiCommand.fail(err, ShuzhiCommand.exitCode(e.kind()), e.getMessage());
        } catch (IndexException | UncheckedIOException e) {
            return ShuzhiCommand.fail(err, ShuzhiCommand.EXIT_FATAL, e.getMessage());
        }
        Run.Result result = finished.result();
        RunSummary summary = result.analysis();
        if (!finished.removed().isEmpty()) {
            outw.println("已从索引中删除 " + finished.removed().size() + " 份输入中已不存在的报告");
        }
        finished.lines().forEach(outw::println);
        Path json = out.resolve("json");
        Path html = out.resolve("html");
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
            return ShuzhiCommand.fail(err, ShuzhiCommand.exitCode(RunFailure.Kind.NOTHING_READABLE), "输入文件夹 "
                    + input + " 中没有一份能读取的报告：" + summary.failures().size()
                    + " 个文件全部无法分析（原因和处理建议见上方列表与 summary.csv）。");
        }
        return strict && !summary.failures().isEmpty() ? ShuzhiCommand.EXIT_FAILED_FILES : ShuzhiCommand.EXIT_OK;
    }

    /** The progress bar of a phase (on a terminal only). */
    private static final class BarProgress implements Run.Progress, AutoCloseable {
        private final boolean show;
        private ProgressBar bar;

        BarProgress(boolean show) {
            this.show = show;
        }

        @Override
        public void start(String phase, int steps) {
            bar = show ? new ProgressBarBuilder().setTaskName(phase).setInitialMax(steps)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200).continuousUpdate().build() : null;
        }

        @Override
        public void step(String note) {
            if (bar != null) {
                bar.step();
                bar.setExtraMessage(note);
            }
        }

        @Override
        public void end() {
            close();
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
                bar = null;
            }
        }
    }
}
