package org.shuzhi.pipeline.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.shuzhi.pipeline.model.Failure;
import org.shuzhi.pipeline.model.FailureKind;

/**
 * The files that could not be analysed, in {@code <out>/.shuzhi/failed.jsonl}: one JSON line per failure with the
 * file's stamp ({@link WorkState#stamp}: the analysis key and the file's SHA-256) and the failure. A file whose
 * content and analysis settings are unchanged is not parsed again on the next run: its failure is repeated from here
 * (so a TIMEOUT costs its timeout once). Raising a limit ({@code --timeout}, {@code --max-chars} …) changes the
 * analysis key, so every failed file is tried again; so does deleting the folder. IO_ERROR (a file gone or unreadable)
 * is never remembered: it says nothing about the content. Lines are appended and flushed as failures happen; a torn
 * last line is ignored. Thread-safe.
 */
public final class FailureLedger {
    /** The file name below {@code <out>/.shuzhi/}. */
    static final String FILE = "failed.jsonl";

    /** One remembered failure. */
    record Entry(String stamp, Failure failure) {
    }

    private final Path file;
    private final ObjectMapper mapper = new ObjectMapper()
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final Map<String, Failure> known = new ConcurrentHashMap<>();

    private FailureLedger(Path file) {
        this.file = file;
    }

    /**
     * @param dir the work folder
     * @throws UncheckedIOException if the file exists but cannot be read
     */
    public static FailureLedger open(Path dir) {
        FailureLedger l = new FailureLedger(dir.resolve(FILE));
        try (BufferedReader r = Files.newBufferedReader(l.file, StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null; ) {
                try {
                    Entry e = l.mapper.readValue(line, Entry.class);
                    if (e.stamp() != null && e.failure() != null && e.failure().kind() != null) {
                        l.known.put(e.stamp(), e.failure());
                    }
                } catch (JsonProcessingException torn) {
                    // a line cut by a crash: that file is parsed again
                }
            }
        } catch (NoSuchFileException e) {
            // first run
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取 " + l.file + "：" + e.getMessage(), e);
        }
        return l;
    }

    /** @return the failure remembered for {@code stamp}, or null */
    public Failure recall(String stamp) {
        return known.get(stamp);
    }

    /** Remembers a failure (not IO_ERROR); appends a line unless the same failure is already recorded. */
    public synchronized void record(String stamp, Failure f) {
        if (f == null || f.kind() == FailureKind.IO_ERROR || f.equals(known.get(stamp))) {
            return;
        }
        known.put(stamp, f);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, mapper.writeValueAsString(new Entry(stamp, f)) + "\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("无法写入 " + file + "：" + e.getMessage(), e);
        }
    }
}
