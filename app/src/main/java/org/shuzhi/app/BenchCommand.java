package org.shuzhi.app;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.Callable;
import org.shuzhi.pipeline.harness.SyntheticCorpus;
import org.shuzhi.pipeline.dict.Dictionaries;
import org.shuzhi.pipeline.segment.Segmenter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code shuzhi bench …}: benchmarks on synthetic corpora made from the bundled samples. */
@Command(name = "bench", synopsisHeading = "用法：", descriptionHeading = "%n", optionListHeading = "%n选项：%n",
        commandListHeading = "%n命令：%n", description = "性能测试：用样本变换生成大规模语料，测量吞吐、延迟和内存。",
        subcommands = {BenchCommand.Run.class, BenchCommand.Index.class, BenchCompareCommand.class, BenchCommand.Ocr.class})
public final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "显示本帮助")
    boolean help;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@code shuzhi bench run}: the end-to-end benchmark. */
    @Command(name = "run", sortOptions = false, synopsisHeading = "用法：", descriptionHeading = "%n",
            optionListHeading = "%n选项：%n",
            description = "端到端性能测试：由 corpus-samples/units 的报告变换、重组生成 N 份合成报告（三个年度，txt 与 docx 混合，含植入的抄袭与照搬），"
                    + "像用户一样运行 shuzhi analyze，报告总吞吐（份/秒、字符/秒）、各阶段用时、比对用时、索引大小、检索 p50/p95/p99 延迟、无变化重跑用时和峰值堆内存。",
            footer = {"%n示例：./shuzhi bench run --reports 10000 --work /tmp/shuzhi-bench（语料写入其中的 in/，输出写入 out/）"})
    static final class Run implements Callable<Integer> {
        @Option(names = "--reports", paramLabel = "<n>", defaultValue = "1000", description = "报告份数（默认：${DEFAULT-VALUE}）")
        int reports;

        @Option(names = "--docx-every", paramLabel = "<k>", defaultValue = "2",
                description = "每 k 份中一份写成 .docx，其余为 .txt；0 表示全部 .txt（默认：${DEFAULT-VALUE}）")
        int docxEvery;

        @CommandLine.Mixin
        BenchOptions options;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "显示本帮助")
        boolean help;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (reports < 1 || docxEvery < 0 || options.runs < 1 || options.threads() < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "用法错误：--reports、--runs、--threads 须为正整数，--docx-every 不小于 0");
            }
            if (options.work != null && (Files.exists(options.work.resolve("in"))
                    || Files.exists(options.work.resolve("out")))) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "用法错误：" + options.work + " 中已有 in/ 或 out/，请指定一个空文件夹");
            }
            PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
            options.inWorkFolder("shuzhi-bench-run", dir -> new EndToEndBenchmark(out).run(options.samples,
                    options.dictionaries(), dir, reports, docxEvery, options.threads(), options.runs));
            return 0;
        }
    }

    /** {@code shuzhi bench index}. */
    @Command(name = "index", sortOptions = false, synopsisHeading = "用法：", descriptionHeading = "%n",
            optionListHeading = "%n选项：%n",
            description = "生成大量段落（由 corpus-samples/units 的报告变换、重组而来，与 bench compare 相同）写入索引，测量索引吞吐、索引大小、典型检索的 p50/p95/p99 延迟和峰值内存。",
            footer = {"%n示例：./shuzhi bench index --paragraphs 1000000 --work /tmp/shuzhi-bench"})
    static final class Index implements Callable<Integer> {
        @Option(names = "--paragraphs", paramLabel = "<n>", defaultValue = "100000",
                description = "段落数（默认：${DEFAULT-VALUE}）")
        long paragraphs;

        @CommandLine.Mixin
        BenchOptions options;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "显示本帮助")
        boolean help;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
            Dictionaries dict = Dictionaries.load(options.dictionaries());
            SyntheticCorpus corpus = SyntheticCorpus.fromSamples(options.samples, dict, 42);
            options.inWorkFolder("shuzhi-bench-index", dir -> new IndexBenchmark(corpus, new Segmenter(dict), out)
                    .run(Files.createDirectories(dir.resolve("index")), paragraphs, options.threads(), options.runs));
            return 0;
        }
    }

    /** {@code shuzhi bench ocr}: character error rate and speed of OCR on scans made from real PDFs. */
    @Command(name = "ocr", sortOptions = false, synopsisHeading = "用法：", descriptionHeading = "%n",
            optionListHeading = "%n选项：%n",
            description = "文字识别（OCR）评测：把带文字层的 PDF 渲染成 300 dpi 的“扫描件”（略微倾斜，盖红色公章），"
                    + "再用 OCR 读回，与原文字层比较，报告字符错误率（CER）和每秒页数。需要安装 tesseract-ocr 与 tesseract-ocr-chi-sim。",
            footer = {"%n示例：./shuzhi bench ocr --pdfs corpus-samples/units/rendered --work /tmp/shuzhi-ocr"})
    static final class Ocr implements Callable<Integer> {
        @Option(names = "--pdfs", paramLabel = "<dir>", defaultValue = "corpus-samples/units/rendered",
                description = "带文字层的 PDF 所在文件夹（默认：${DEFAULT-VALUE}）")
        java.nio.file.Path pdfs;

        @Option(names = "--work", paramLabel = "<dir>", description = "扫描件写入的文件夹（默认：临时文件夹，结束后删除）")
        java.nio.file.Path work;

        @Option(names = "--rotation", paramLabel = "<degrees>", defaultValue = "0.8",
                description = "扫描件的倾斜角度，度（默认：${DEFAULT-VALUE}）")
        double rotation;

        @Option(names = "--dictionaries", paramLabel = "<dir>", description = "词表文件夹（默认：仓库中的 dictionaries/）")
        java.nio.file.Path dictionaries;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "显示本帮助")
        boolean help;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
            Dictionaries dict = Dictionaries.load(org.shuzhi.app.Home.dictionaries(dictionaries));
            java.nio.file.Path dir = work != null ? Files.createDirectories(work)
                    : Files.createTempDirectory("shuzhi-bench-ocr");
            new OcrBenchmark(out, dict.list(Dictionaries.BOILERPLATE_LINES)).run(OcrBenchmark.pdfs(pdfs), dir,
                    rotation);
            return 0;
        }
    }
}
