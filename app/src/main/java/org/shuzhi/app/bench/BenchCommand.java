package org.shuzhi.app.bench;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.shuzhi.pipeline.bench.SyntheticCorpus;
import org.shuzhi.pipeline.dict.Dictionaries;
import org.shuzhi.pipeline.segment.Segmenter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code shuzhi bench …}: benchmarks on synthetic corpora made from the bundled samples. */
@Command(name = "bench", synopsisHeading = "用法：", descriptionHeading = "%n", optionListHeading = "%n选项：%n",
        commandListHeading = "%n命令：%n", description = "性能测试：用样本变换生成大规模语料，测量吞吐、延迟和内存。",
        subcommands = {BenchCommand.Index.class, BenchCompareCommand.class})
public final class BenchCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "显示本帮助")
    boolean help;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
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

        @Option(names = "--threads", paramLabel = "<n>", description = "索引线程数（默认：全部 CPU 核数）")
        Integer threads;

        @Option(names = "--runs", paramLabel = "<n>", defaultValue = "50", description = "每个查询的重复次数（默认：${DEFAULT-VALUE}）")
        int runs;

        @Option(names = "--work", paramLabel = "<dir>", description = "索引写入的文件夹（默认：临时文件夹，结束后删除）")
        Path work;

        @Option(names = "--samples", paramLabel = "<dir>", defaultValue = "corpus-samples",
                description = "样本文件夹（默认：${DEFAULT-VALUE}）")
        Path samples;

        @Option(names = "--dictionaries", paramLabel = "<dir>", description = "词表文件夹（默认：仓库中的 dictionaries/）")
        Path dictionaries;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "显示本帮助")
        boolean help;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
            Dictionaries dict = Dictionaries.load(org.shuzhi.app.Home.dictionaries(dictionaries));
            SyntheticCorpus corpus = SyntheticCorpus.fromSamples(samples, dict, 42);
            Path dir = work != null ? Files.createDirectories(work.resolve("index"))
                    : Files.createTempDirectory("shuzhi-bench-index");
            try {
                new IndexBenchmark(corpus, new Segmenter(dict), out).run(dir, paragraphs,
                        threads == null ? Runtime.getRuntime().availableProcessors() : threads, runs);
            } finally {
                if (work == null) {
                    try (var s = Files.walk(dir)) {
                        s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                    }
                }
            }
            return 0;
        }
    }
}
