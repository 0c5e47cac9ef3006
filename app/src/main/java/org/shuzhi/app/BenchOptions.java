package org.shuzhi.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import picocli.CommandLine.Option;

/** The options every {@code shuzhi bench} command shares (a picocli mixin), and its work folder. */
final class BenchOptions {
    @Option(names = "--threads", paramLabel = "<n>", description = "线程数（默认：全部 CPU 核数）")
    Integer threads;

    @Option(names = "--runs", paramLabel = "<n>", defaultValue = "50", description = "每个查询的重复次数（默认：${DEFAULT-VALUE}）")
    int runs;

    @Option(names = "--work", paramLabel = "<dir>", description = "写入的文件夹（默认：临时文件夹，结束后删除）")
    Path work;

    @Option(names = "--samples", paramLabel = "<dir>", defaultValue = "corpus-samples",
            description = "样本文件夹（默认：${DEFAULT-VALUE}）")
    Path samples;

    @Option(names = "--dictionaries", paramLabel = "<dir>", description = "词表文件夹（默认：仓库中的 dictionaries/）")
    Path dictionaries;

    /** @return the thread count, all cores by default */
    int threads() {
        return threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    }

    /** @return the dictionaries folder ({@link Home#dictionaries}) */
    Path dictionaries() {
        return Home.dictionaries(dictionaries);
    }

    /** What a benchmark does in its work folder. */
    interface Work {
        void run(Path folder) throws Exception;
    }

    /**
     * Runs {@code work} in {@code --work} (created if missing) or in a temporary folder that is deleted afterwards.
     *
     * @param tempPrefix name prefix of the temporary folder
     */
    void inWorkFolder(String tempPrefix, Work work) throws Exception {
        Path dir = this.work != null ? Files.createDirectories(this.work) : Files.createTempDirectory(tempPrefix);
        try {
            work.run(dir);
        } finally {
            if (this.work == null) {
                delete(dir);
            }
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
