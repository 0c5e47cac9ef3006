package org.shuzhi.app;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.shuzhi.pipeline.harness.CompareBenchmark;
import org.shuzhi.pipeline.harness.SyntheticCorpus;
import org.shuzhi.pipeline.compare.CompareOptions;
import org.shuzhi.pipeline.dict.Dictionaries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code shuzhi bench compare}: time and memory of copy detection on a synthetic corpus. */
@Command(name = "compare", sortOptions = false, synopsisHeading = "用法：", descriptionHeading = "%n",
        optionListHeading = "%n选项：%n", footerHeading = "%n",
        description = {"用样本报告变换、重组生成合成语料（固定随机种子），测量抄袭比对的用时和内存，",
                "并在一个子集上与“两两全比”对比，得出加速比。"},
        footer = {"示例：java -Xmx4g -jar app/target/shuzhi.jar bench compare --reports 10000 --naive 1000",
                "大规模（10 万篇）建议：nice java -Xmx4g -jar app/target/shuzhi.jar bench compare --reports 100000 "
                        + "--naive 0 --no-eval"})
final class BenchCompareCommand implements Callable<Integer> {
    @Option(names = "--reports", paramLabel = "<n>", defaultValue = "10000", description = "合成报告篇数（默认：${DEFAULT-VALUE}）")
    int reports;

    @Option(names = "--naive", paramLabel = "<n>", defaultValue = "1000",
            description = "两两全比的子集篇数，0 为不比（默认：${DEFAULT-VALUE}）")
    int naive;

    @Option(names = "--seed", paramLabel = "<n>", defaultValue = "42", description = "随机种子（默认：${DEFAULT-VALUE}）")
    long seed;

    @Option(names = "--min-match", paramLabel = "<n>", defaultValue = "20", description = "最短复制字数（默认：${DEFAULT-VALUE}）")
    int minMatch;

    @Option(names = "--threads", paramLabel = "<n>", description = "比对线程数（默认：全部 CPU 核数）")
    Integer threads;

    @Option(names = "--no-eval", description = "不计算与植入真值比较的 PAN 指标（10 万篇时建议使用，省内存）")
    boolean noEval;

    @Option(names = "--samples", paramLabel = "<dir>", description = "样本文件夹（默认：仓库中的 corpus-samples/）")
    Path samples;

    @Option(names = "--dictionaries", paramLabel = "<dir>", description = "词表文件夹（默认：仓库中的 dictionaries/）")
    Path dictionaries;

    @Option(names = "--report", paramLabel = "<file>", description = "同时把结果写入此文件")
    Path report;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "显示本帮助")
    boolean help;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (reports < 1 || naive < 0 || minMatch < 2 || (threads != null && threads < 1)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "用法错误：--reports ≥ 1，--naive ≥ 0，--min-match ≥ 2，--threads ≥ 1");
        }
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        Path dictDir = Home.dictionaries(dictionaries);
        if (dictDir == null || !Files.isDirectory(dictDir)) {
            return ShuzhiCommand.fail(ShuzhiCommand.EXIT_FATAL, ShuzhiCommand.NO_DICTIONARIES);
        }
        Path s = samples != null ? samples : dictDir.toAbsolutePath().getParent().resolve("corpus-samples");
        Dictionaries dict = Dictionaries.load(dictDir);
        SyntheticCorpus corpus = SyntheticCorpus.fromSamples(s, dict, seed);
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        StringBuilder all = new StringBuilder();
        CompareBenchmark.run(corpus, dict, CompareOptions.withMinMatch(minMatch).withThreads(n), reports, naive,
                !noEval, line -> {
                    out.println(line);
                    all.append(line).append('\n');
                });
        if (report != null) {
            Files.writeString(report, all, StandardCharsets.UTF_8);
        }
        return ShuzhiCommand.EXIT_OK;
    }
}
