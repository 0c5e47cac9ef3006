package org.shuzhi.app;

import java.nio.file.Path;
import org.shuzhi.index.ReportSearcher;
import org.shuzhi.pipeline.dict.Dictionaries;
import org.shuzhi.pipeline.dict.DictionaryException;
import org.shuzhi.pipeline.segment.Segmenter;

/** Opens the search index of an output folder with the dictionaries' segmenter; shared by search and serve. */
final class IndexAccess {
    private IndexAccess() {
    }

    /**
     * @param reports      the output folder of {@code analyze}
     * @param index        the index folder, or null for {@code <reports>/index}
     * @param dictionaries the dictionaries option, or null for the default
     * @throws DictionaryException             when the dictionaries cannot be loaded
     * @throws org.shuzhi.index.IndexException when there is no readable index
     */
    static ReportSearcher open(Path reports, Path index, Path dictionaries) {
        Path dictDir = Home.dictionaries(dictionaries);
        if (dictDir == null) {
            throw new DictionaryException(Path.of("dictionaries"), 0, "找不到词表文件夹");
        }
        Segmenter segmenter = new Segmenter(Dictionaries.load(dictDir));
        return ReportSearcher.open(index == null ? reports.resolve("index") : index, segmenter);
    }
}
