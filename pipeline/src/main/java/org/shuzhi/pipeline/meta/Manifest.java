package org.shuzhi.pipeline.meta;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The rows of every {@code manifest.csv} below an input folder, keyed by file path relative to that folder. A
 * manifest is UTF-8 CSV with a header line; its {@code file} column is relative to the manifest's own folder; the
 * columns {@code unit}, {@code secretary} and {@code year} give metadata, all other columns are kept as extra
 * metadata (e.g. {@code sector}, {@code profile}, and ground truth such as {@code docType}, {@code expected}).
 */
public final class Manifest {
    /** The manifest's file name. */
    public static final String FILE_NAME = "manifest.csv";

    private final Map<String, Map<String, String>> rows;

    private Manifest(Map<String, Map<String, String>> rows) {
        this.rows = rows;
    }

    /** An empty manifest. */
    public static Manifest empty() {
        return new Manifest(Map.of());
    }

    /**
     * Reads all manifests below {@code inputRoot}.
     *
     * @throws IOException if a manifest cannot be read or parsed (the message names the file)
     */
    public static Manifest load(Path inputRoot) throws IOException {
        Map<String, Map<String, String>> rows = new HashMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(inputRoot)) {
            files = s.filter(p -> p.getFileName().toString().equals(FILE_NAME)).sorted().toList();
        }
        CsvMapper mapper = new CsvMapper();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        for (Path m : files) {
            Path dir = m.getParent();
            try (Reader r = Files.newBufferedReader(m, StandardCharsets.UTF_8);
                 MappingIterator<Map<String, String>> it = mapper.readerFor(Map.class).with(schema).readValues(r)) {
                while (it.hasNext()) {
                    Map<String, String> row = new LinkedHashMap<>(it.next());
                    String file = row.get("file");
                    if (file == null || file.isBlank()) {
                        continue;
                    }
                    String rel = inputRoot.relativize(dir.resolve(file.strip()).normalize()).toString()
                            .replace('\\', '/');
                    rows.put(rel, row);
                }
            } catch (RuntimeException e) {
                throw new IOException(m + ": " + e.getMessage(), e);
            }
        }
        return new Manifest(Map.copyOf(rows));
    }

    /** @return the row of {@code relativePath}, or an empty map */
    public Map<String, String> row(String relativePath) {
        return rows.getOrDefault(relativePath, Map.of());
    }

    /** @return true when at least one row has a non-blank value in {@code column} */
    public boolean hasColumn(String column) {
        return rows.values().stream().anyMatch(r -> r.get(column) != null && !r.get(column).isBlank());
    }

    /** @return the number of rows */
    public int size() {
        return rows.size();
    }
}
