package org.shuzhi.app;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.shuzhi.pipeline.compare.CompareOptions;
import org.shuzhi.pipeline.harness.RealPlantEvaluation;
import org.shuzhi.pipeline.harness.SampleEvaluation;
import org.shuzhi.pipeline.dict.Dictionaries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code shuzhi compare evaluate}: the corpus comparison measured on the planted ground truth of the samples. */
@Command(name = "compare", synopsisHeading = "用法：", descriptionHeading = "%n", optionListHeading = "%n选项：%n",
        commandListHeading = "%n命令：%n",
        description = "年度对比与抄袭比对的评估。",
        subcommands = {CompareCommand.Evaluate.class})
final class CompareCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "显示本帮助")
    boolean help;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    @Command(name = "evaluate", sortOptions = false,
            description = {"分析 corpus-samples/units 的 36 篇报告和范文库，与 relations.tsv 中植入的真值比较，输出：",
                    "抄袭段落的字符级精确率、召回率、粒度和 plagdet（PAN 文本对齐评测的算法），",
                    "问题重复、打算重复、兑现承诺、时代错位的 (报告, 行) 对的精确率和召回率，跨年链接和整改覆盖的检查；",
                    "然后在真实文本植入集（由 ../shared/real 的真实段落按规则组装的多年度报告，有植入真值）上评估：",
                    "各关系类型和改写方式的召回率、各类检出的精确率、PAN plagdet、照搬往年比例与真值之差、难负例。"})
    static final class Evaluate implements Callable<Integer> {
        @ParentCommand
        CompareCommand parent;

        @Option(names = "--samples", paramLabel = "<dir>", description = "样本文件夹（默认：仓库中的 corpus-samples/）")
        Path samples;

        @Option(names = "--dictionaries", paramLabel = "<dir>", description = "词表文件夹（默认：仓库中的 dictionaries/）")
        Path dictionaries;

        @Option(names = "--min-match", paramLabel = "<n>", split = ",", defaultValue = "20",
                description = "最短复制字数，可给多个值比较，如 13,20,25（默认：${DEFAULT-VALUE}）")
        int[] minMatch;

        @Option(names = "--threads", paramLabel = "<n>", description = "分析线程数（默认：全部 CPU 核数）")
        Integer threads;

        @Option(names = "--report", paramLabel = "<file>", description = "同时把结果写入此文件")
        Path report;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "显示本帮助")
        boolean help;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
            Path dictDir = Home.dictionaries(dictionaries);
            if (dictDir == null || !Files.isDirectory(dictDir)) {
                return ShuzhiCommand.fail(ShuzhiCommand.EXIT_FATAL, ShuzhiCommand.NO_DICTIONARIES);
            }
            Path s = samples != null ? samples : dictDir.toAbsolutePath().getParent().resolve("corpus-samples");
            if (!Files.isRegularFile(s.resolve("units/relations.tsv"))) {
                return ShuzhiCommand.fail(ShuzhiCommand.EXIT_FATAL, "找不到样本真值 " + s.resolve("units/relations.tsv")
                        + "，请用 --samples 指定 corpus-samples 文件夹。");
            }
            Dictionaries dict = Dictionaries.load(dictDir);
            int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
            out.println("正在分析样本……");
            SampleEvaluation.Corpus corpus = SampleEvaluation.analyse(s, dict, n);
            StringBuilder all = new StringBuilder();
            for (int m : minMatch) {
                String head = "== minimum passage " + m + " characters (seed " + Math.min(13, m) + ") ==";
                out.println(head);
                all.append(head).append('\n');
                for (String line : SampleEvaluation.evaluate(corpus, dict, CompareOptions.withMinMatch(m)
                        .withThreads(n)).lines()) {
                    out.println(line);
                    all.append(line).append('\n');
                }
            }
            Path root = dictDir.toAbsolutePath().getParent();
            java.util.Optional<RealPlantEvaluation.Corpus> real = RealPlantEvaluation.analyse(root, dict);
            if (real.isEmpty()) {
                String none = "未找到真实文本（" + root.resolveSibling("shared").resolve("real")
                        + "/paragraphs.jsonl，或用环境变量 SHUZHI_REAL 指定），跳过真实文本植入集的评估。";
                out.println(none);
                all.append(none).append('\n');
            } else {
                for (int m : minMatch) {
                    String head = "== real-text plant set, minimum passage " + m + " characters ==";
                    out.println(head);
                    all.append(head).append('\n');
                    for (String line : RealPlantEvaluation.evaluate(real.get(), dict, CompareOptions.withMinMatch(m)
                            .withThreads(n)).lines()) {
                        out.println(line);
                        all.append(line).append('\n');
                    }
                }
            }
            if (report != null) {
                Files.writeString(report, all, StandardCharsets.UTF_8);
            }
            return ShuzhiCommand.EXIT_OK;
        }
    }
}
