package org.shuzhi.pipeline.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.shuzhi.pipeline.compare.ComparisonStore;
import org.shuzhi.pipeline.io.AtomicFiles;
import org.shuzhi.pipeline.model.Comparison;

/**
 * The comparison results of the current run in the work store: one file {@code <dir>/<id>.sml} per compared report
 * holding its {@link Comparison} in Jackson's Smile form (as {@link DocumentStore} writes documents), written by the
 * compare phase as soon as the report is compared and read by the publish phase report by report, so that the results
 * of the corpus do not stay in memory between the two. The comparison always runs over all reports: {@link #clear}
 * removes the previous run's results before it (a report that is no longer compared has none). Files are written to a
 * temporary name and renamed ({@link AtomicFiles}). Thread-safe.
 */
final class ComparisonFiles implements ComparisonStore {
    /** File name extension of a stored comparison. */
    static final String EXTENSION = ".sml";

    private static final ObjectWriter WRITER = DocumentStore.MAPPER.writerFor(Comparison.class);
    private static final ObjectReader READER = DocumentStore.MAPPER.readerFor(Comparison.class);

    private final Path dir;

    /**
     * @param dir the folder, created if missing
     * @throws UncheckedIOException if it cannot be created
     */
    ComparisonFiles(Path dir) {
        try {
            this.dir = Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("无法创建工作文件夹 " + dir + "：" + e.getMessage(), e);
        }
    }

    /**
     * Removes every stored comparison.
     *
     * @throws UncheckedIOException if the folder cannot be listed or a file not deleted
     */
    void clear() {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(EXTENSION)).toList()) {
                Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("无法清理工作文件夹 " + dir + "：" + e.getMessage(), e);
        }
    }

    @Override
    public void put(String reportId, Comparison comparison) {
        try {
            AtomicFiles.write(file(reportId), WRITER.writeValueAsBytes(comparison));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Comparison get(String reportId) {
        Path f = file(reportId);
        if (!Files.isRegularFile(f)) {
            return null;
        }
        try {
            return READER.readValue(Files.readAllBytes(f));
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取工作文件 " + f + "：" + e.getMessage()
                    + "。删除输出文件夹中的 .shuzhi/ 后重新运行 analyze", e);
        }
    }

    private Path file(String reportId) {
        return dir.resolve(reportId + EXTENSION);
    }
}
