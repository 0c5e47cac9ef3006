package org.shuzhi.app;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.shuzhi.index.IndexException;
import org.shuzhi.pipeline.dict.Dictionaries;
import org.shuzhi.pipeline.dict.DictionaryException;
import org.shuzhi.pipeline.segment.Segmenter;
import org.shuzhi.solr.SolrCollections;
import org.shuzhi.solr.SolrConnection;
import org.shuzhi.solr.SolrReportIndexer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code shuzhi solr-index}: creates the SolrCloud collection when it is missing (shards, replicas) and copies the
 * search index of an {@code analyze} run into it, report by report (idempotent), so that {@code search --solr} and
 * {@code serve --solr} find what the embedded index finds.
 */
@Command(name = "solr-index", sortOptions = false,
        synopsisHeading = "用法：", descriptionHeading = "%n", optionListHeading = "%n选项：%n", footerHeading = "%n",
        description = "把 analyze 写出的检索索引写入 SolrCloud 集合（集合不存在时按分片数、副本数创建）。"
                + "同一份报告重复写入只保留最新一份；写入后可用 search --solr、serve --solr 检索。",
        footer = {"示例：./shuzhi solr-index --solr http://solr1:8983/solr,http://solr2:8983/solr --shards 4 --replicas 2",
                "      ./shuzhi search \"软弱涣散\" --solr http://solr1:8983/solr",
                "退出码：0 完成；1 索引、词表或 Solr 无法访问；2 用法错误。"})
final class SolrIndexCommand implements Callable<Integer> {
    @Option(names = "--shards", paramLabel = "<n>", defaultValue = "2", description = "新建集合的分片数（默认：${DEFAULT-VALUE}）")
    int shards;

    @Option(names = "--replicas", paramLabel = "<n>", defaultValue = "2",
            description = "新建集合每个分片的副本数（默认：${DEFAULT-VALUE}）")
    int replicas;

    @Option(names = "--batch", paramLabel = "<reports>", defaultValue = "200",
            description = "每次请求写入的报告数（默认：${DEFAULT-VALUE}）")
    int batch;

    @CommandLine.Mixin
    IndexAccess where = new IndexAccess();

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "显示本帮助")
    boolean help;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
        if (shards < 1 || replicas < 1 || batch < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "用法错误：--shards、--replicas、--batch 须为正整数");
        }
        if (where.solr == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "用法错误：须用 --solr 给出 SolrCloud 节点地址");
        }
        Path dictDir = Home.dictionaries(where.dictionaries);
        Path index = where.index == null ? where.reports.resolve("index") : where.index;
        SolrConnection c;
        try {
            c = SolrConnection.open(where.solr, where.solrCollection);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "用法错误：" + e.getMessage());
        }
        try (c) {
            if (dictDir == null) {
                throw new DictionaryException(Path.of("dictionaries"), 0, "找不到词表文件夹");
            }
            Segmenter segmenter = new Segmenter(Dictionaries.load(dictDir));
            long t0 = System.nanoTime();
            if (SolrCollections.create(c, shards, replicas)) {
                out.println("已创建集合 " + c.collection() + "（" + shards + " 个分片 × " + replicas + " 个副本）");
            }
            SolrReportIndexer ix = new SolrReportIndexer(c, segmenter);
            int n = ix.copyIndex(index, batch);
            ix.commit();
            out.printf("已写入 %d 份报告到 Solr 集合 %s，用时 %.1f 秒%n", n, c.collection(), (System.nanoTime() - t0) / 1e9);
            return ShuzhiCommand.EXIT_OK;
        } catch (IndexException e) {
            return ShuzhiCommand.fail(err, ShuzhiCommand.EXIT_FATAL, e.getMessage());
        } catch (DictionaryException e) {
            return ShuzhiCommand.fail(err, ShuzhiCommand.EXIT_FATAL,
                    "词表无法加载：" + e.getMessage() + ShuzhiCommand.DICTIONARIES_HINT);
        }
    }
}
