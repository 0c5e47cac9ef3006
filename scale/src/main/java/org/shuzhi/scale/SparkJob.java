package org.shuzhi.scale;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import org.shuzhi.app.render.JsonOutput;
import org.shuzhi.pipeline.compare.CompareOptions;
import org.shuzhi.pipeline.model.ReportDocument;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The Spark job's command line: analyses and compares a folder of reports with {@link SparkComparison} and writes
 * {@code <out>/json/<id>.json} for every document, in the JSON contract of {@code analyze} (with the comparison; the
 * assessment of {@code analyze}'s publish phase is not part of this job). Runs with {@code --master local[*]} by
 * default; on a cluster, submit the shaded jar with {@code spark-submit --class org.shuzhi.scale.SparkJob} and leave
 * {@code --master} out (spark-submit sets it).
 */
@Command(name = "shuzhi-spark", sortOptions = false, mixinStandardHelpOptions = true,
        description = "在 Spark 上分析并比对一个文件夹中的述职报告，按 analyze 的 JSON 格式写出 <输出>/json/<编号>.json。")
public final class SparkJob implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "<input-dir>", description = "报告文件夹（各执行器须能以同一路径读取）")
    Path input;

    @Option(names = "--out", paramLabel = "<dir>", defaultValue = "reports-spark", description = "输出文件夹（默认：${DEFAULT-VALUE}）")
    Path out;

    @Option(names = "--dictionaries", paramLabel = "<dir>", defaultValue = "dictionaries",
            description = "词表文件夹（默认：${DEFAULT-VALUE}）")
    Path dictionaries;

    @Option(names = "--master", paramLabel = "<url>", description = "Spark master（默认：local[*]；spark-submit 时不填）")
    String master;

    @Option(names = "--templates", paramLabel = "<dir>",
            description = "网络范文/模板文件夹（输入中含 .shuzhi-templates 文件的子文件夹也会使用）")
    Path templates;

    @Option(names = "--min-match", paramLabel = "<n>", defaultValue = "13",
            description = "认定为抄袭的最短相同字数（与 analyze 相同，默认：${DEFAULT-VALUE}）")
    int minMatch;

    @Option(names = "--partitions", paramLabel = "<n>", defaultValue = "0",
            description = "文件列表的分区数（默认：执行器核数的 4 倍）")
    int partitions;

    /** @return a session on {@code master} (null: the one spark-submit configured, else local[*]) */
    public static SparkSession session(String master) {
        SparkSession.Builder b = SparkSession.builder().appName("shuzhi")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "8");
        if (master != null) {
            b.master(master);
        } else if (System.getProperty("spark.master") == null) {
            b.master("local[*]");
        }
        return b.getOrCreate();
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter o = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        try (SparkSession spark = session(master)) {
            int parts = partitions > 0 ? partitions : 4 * spark.sparkContext().defaultParallelism();
            SparkComparison.Result r = SparkComparison.run(spark, input, dictionaries,
                    CompareOptions.withMinMatch(minMatch), templates, parts);
            Path json = Files.createDirectories(out.resolve("json"));
            for (Map.Entry<String, ReportDocument> e : r.documents().entrySet()) {
                Files.writeString(json.resolve(e.getKey() + ".json"), JsonOutput.toJson(e.getValue()),
                        StandardCharsets.UTF_8);
            }
            o.printf("已分析 %d 份文件（%d 份无法读取），比对候选对 %d 个；分析 %.1f 秒，指纹连接 %.1f 秒，比对 %.1f 秒。输出：%s%n",
                    r.documents().size(), r.failed(), r.candidatePairs(), r.analyseMillis() / 1000.0,
                    r.joinMillis() / 1000.0, r.compareMillis() / 1000.0, json);
            return 0;
        }
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new SparkJob()).execute(args));
    }
}
