package org.shuzhi.app;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.shuzhi.pipeline.classify.CategoryModel;
import org.shuzhi.pipeline.harness.CategoryTraining;
import org.shuzhi.pipeline.dict.Dictionaries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code shuzhi model train|evaluate}: the learned paragraph-category model. */
@Command(name = "model", synopsisHeading = "用法：", descriptionHeading = "%n", optionListHeading = "%n选项：%n",
        commandListHeading = "%n命令：%n",
        description = "训练和评估段落类别模型（OpenNLP 最大熵模型，与规则结合使用）。",
        subcommands = {ModelCommand.Train.class, ModelCommand.Evaluate.class, ModelCommand.Concreteness.class})
final class ModelCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "显示本帮助")
    boolean help;

    @Option(names = "--samples", paramLabel = "<dir>", description = "带人工标注的样本文件夹（默认：仓库中的 corpus-samples/）")
    Path samples;

    @Option(names = "--dictionaries", paramLabel = "<dir>", description = "词表文件夹（默认：仓库中的 dictionaries/）")
    Path dictionaries;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    Path dictionariesDir() {
        Path d = Home.dictionaries(dictionaries);
        if (d == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "找不到词表文件夹，请用 --dictionaries 指定");
        }
        return d;
    }

    @Option(names = "--real", paramLabel = "<dir>", description = "真实文本标注语料文件夹（含 paragraphs.jsonl；默认：环境变量 SHUZHI_REAL，再否则仓库旁的 ../shared/real/）")
    Path real;

    /** @return the real-text folder, or null (with a notice on standard error) when there is none */
    Path realDir() {
        return realDir("只使用 corpus-samples 的标注");
    }

    /**
     * @param without what happens without the real corpus, for the notice
     * @return the real-text folder ({@code --real}, else {@code $SHUZHI_REAL}, else {@code ../shared/real}), or null
     *         with a notice on standard error
     */
    Path realDir(String without) {
        if (real != null) {
            if (!java.nio.file.Files.isRegularFile(real.resolve(org.shuzhi.pipeline.harness.RealCorpus.FILE))) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--real 指定的文件夹中没有 "
                        + org.shuzhi.pipeline.harness.RealCorpus.FILE);
            }
            return real;
        }
        Path found = org.shuzhi.pipeline.harness.RealCorpus.locate(dictionariesDir().toAbsolutePath().getParent())
                .orElse(null);
        if (found == null) {
            new PrintWriter(System.err, true, StandardCharsets.UTF_8).println("提示：未找到真实文本标注语料（"
                    + "../shared/real/paragraphs.jsonl，可用 --real 或环境变量 SHUZHI_REAL 指定），" + without + "。");
        }
        return found;
    }

    Path samplesDir() {
        return samples != null ? samples : dictionariesDir().toAbsolutePath().getParent().resolve("corpus-samples");
    }

    @Command(name = "train", description = "用样本和真实文本语料中的全部标注段落训练段落类别模型和文档类型模型，写到流水线加载的位置（附训练数据的哈希）。")
    static final class Train implements Callable<Integer> {
        @ParentCommand
        ModelCommand parent;

        @Option(names = "--out", paramLabel = "<file>", description = "模型文件（默认：dictionaries/" + CategoryModel.FILE + "）")
        Path out;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "显示本帮助")
        boolean help;

        @Override
        public Integer call() throws Exception {
            Path dict = parent.dictionariesDir();
            Path target = out != null ? out : dict.resolve(CategoryModel.FILE);
            try (CategoryTraining t = new CategoryTraining(Dictionaries.load(dict))) {
                new PrintWriter(System.out, true, StandardCharsets.UTF_8).println(t.trainAndSave(parent.samplesDir(),
                        parent.realDir(), target));
            }
            return ShuzhiCommand.EXIT_OK;
        }
    }

    @Command(name = "evaluate", description = "真实文本语料按网站分组交叉验证（整体与按文体，另有文档类型准确率），以及样本的留出法和按单位交叉验证（有标题/去掉全部标题），输出各类别的精确率、召回率、F1 和混淆矩阵。")
    static final class Evaluate implements Callable<Integer> {
        @ParentCommand
        ModelCommand parent;

        @Option(names = "--folds", paramLabel = "<n>", defaultValue = "5", description = "交叉验证折数（默认：${DEFAULT-VALUE}）")
        int folds;

        @Option(names = "--report", paramLabel = "<file>", description = "同时把结果写入此文件")
        Path report;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "显示本帮助")
        boolean help;

        @Override
        public Integer call() throws Exception {
            if (folds < 2) {
                throw new picocli.CommandLine.ParameterException(parent.spec.commandLine(), "用法错误：--folds 至少为 2");
            }
            try (CategoryTraining t = new CategoryTraining(Dictionaries.load(parent.dictionariesDir()))) {
                String text = t.evaluate(parent.samplesDir(), parent.realDir(), folds);
                PrintWriter w = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
                w.print(text);
                w.flush();
                if (report != null) {
                    Files.writeString(report, text, StandardCharsets.UTF_8);
                }
            }
            return ShuzhiCommand.EXIT_OK;
        }
    }

    @Command(name = "concreteness", description = "在 ../shared/real/ 的人工标注片段上评估具体性识别（模糊量词、套话、具体证据），分开发集和留出集输出召回率与精确率。")
    static final class Concreteness implements Callable<Integer> {
        @ParentCommand
        ModelCommand parent;

        @Option(names = {"-h", "--help"}, usageHelp = true, description = "显示本帮助")
        boolean help;

        @Override
        public Integer call() throws Exception {
            Path dict = parent.dictionariesDir();
            Path real = parent.realDir("未评估");
            if (real == null) {
                return ShuzhiCommand.EXIT_OK;
            }
            PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
            try (var e = new org.shuzhi.pipeline.harness.ConcretenessEvaluation(Dictionaries.load(dict))) {
                out.print(org.shuzhi.pipeline.harness.ConcretenessEvaluation.table(e.evaluate(
                        dict.toAbsolutePath().getParent(), real)));
                out.flush();
            }
            return ShuzhiCommand.EXIT_OK;
        }
    }
}
