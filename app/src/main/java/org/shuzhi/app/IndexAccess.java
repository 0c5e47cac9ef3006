package org.shuzhi.app;

import java.nio.file.Path;
import org.shuzhi.index.ReportSearch;
import org.shuzhi.index.ReportSearcher;
import org.shuzhi.solr.SolrConnection;
import org.shuzhi.solr.SolrReportSearcher;
import org.shuzhi.pipeline.dict.Dictionaries;
import org.shuzhi.pipeline.dict.DictionaryException;
import org.shuzhi.pipeline.segment.Segmenter;
import picocli.CommandLine.Option;

/**
 * The options that say where the output of {@code analyze} and its search index are, shared by {@code search} and
 * {@code serve} (a picocli mixin), and the opening of the index with the dictionaries' segmenter: the embedded index
 * by default, or a SolrCloud collection with {@code --solr} (written by {@code solr-index}).
 */
final class IndexAccess {
    @Option(names = "--reports", paramLabel = "<dir>", defaultValue = "reports",
            description = "analyze 的输出文件夹（默认：${DEFAULT-VALUE}）")
    Path reports;

    @Option(names = "--index", paramLabel = "<dir>", description = "索引文件夹（默认：<输出文件夹>/index）")
    Path index;

    @Option(names = "--solr", paramLabel = "<url>",
            description = "改为检索 SolrCloud 集合：节点地址 http://主机:8983/solr，多个用逗号分隔（任一节点可用即可）；"
                    + "地址末尾可带集合名，如 http://主机:8983/solr/shuzhi")
    String solr;

    @Option(names = "--solr-collection", paramLabel = "<name>", description = "Solr 集合名（默认：地址中的集合名，或 shuzhi）")
    String solrCollection;

    @Option(names = "--dictionaries", paramLabel = "<dir>", description = "词表文件夹（默认：仓库中的 dictionaries/）")
    Path dictionaries;

    /**
     * @throws DictionaryException             when the dictionaries cannot be loaded
     * @throws org.shuzhi.index.IndexException when there is no readable index
     * @throws IllegalArgumentException        when the {@code --solr} address is not a URL
     */
    ReportSearch open() {
        Path dictDir = Home.dictionaries(dictionaries);
        if (dictDir == null) {
            throw new DictionaryException(Path.of("dictionaries"), 0, "找不到词表文件夹");
        }
        Segmenter segmenter = new Segmenter(Dictionaries.load(dictDir));
        if (solr != null) {
            return new SolrReportSearcher(SolrConnection.open(solr, solrCollection), segmenter);
        }
        return ReportSearcher.open(index == null ? reports.resolve("index") : index, segmenter);
    }
}
