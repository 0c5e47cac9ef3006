package org.shuzhi.app;

import java.nio.file.Path;
import org.shuzhi.index.ReportSearcher;
import org.shuzhi.pipeline.dict.Dictionaries;
import org.shuzhi.pipeline.dict.DictionaryException;
import org.shuzhi.pipeline.segment.Segmenter;
import picocli.CommandLine.Option;

/**
 * The options that say where the output of {@code analyze} and its search index are, shared by {@code search} and
 * {@code serve} (a picocli mixin), and the opening of the index with the dictionaries' segmenter.
 */
final class IndexAccess {
    @Option(names = "--reports", paramLabel = "<dir>", defaultValue = "reports",
            description = "analyze 的输出文件夹（默认：${DEFAULT-VALUE}）")
    Path reports;

    @Option(names = "--index", paramLabel = "<dir>", description = "索引文件夹（默认：<输出文件夹>/index）")
    Path index;

    @Option(names = "--dictionaries", paramLabel = "<dir>", description = "词表文件夹（默认：仓库中的 dictionaries/）")
    Path dictionaries;

    /**
     * @throws DictionaryException             when the dictionaries cannot be loaded
     * @throws org.shuzhi.index.IndexException when there is no readable index
     */
    ReportSearcher open() {
        Path dictDir = Home.dictionaries(dictionaries);
        if (dictDir == null) {
            throw new DictionaryException(Path.of("dictionaries"), 0, "找不到词表文件夹");
        }
        Segmenter segmenter = new Segmenter(Dictionaries.load(dictDir));
        return ReportSearcher.open(index == null ? reports.resolve("index") : index, segmenter);
    }
}
