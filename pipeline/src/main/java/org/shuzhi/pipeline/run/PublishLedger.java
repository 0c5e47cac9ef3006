package org.shuzhi.pipeline.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The record of finished reports in {@code <out>/.shuzhi/published.jsonl}: one JSON line per published report with
 * the key it was published under ({@link WorkState#publishKey}) and what each sink keeps of it for the run's summaries,
 * so that a re-run skips reports whose outputs are current and the sinks still list them (in {@code summary.csv}, the
 * quality summary and the year-over-year index). A line without records (written before issue 15) reads as absent.
 *
 * <p>Lines are appended only after the index commit that made the reports searchable ({@link #flush}), then forced to
 * disk: a report is recorded as finished only when all its outputs are. After a crash the last line may be torn; an
 * unreadable line is ignored (that report is published again). The last line of an id wins; {@link #compact} rewrites
 * the file with one line per current report. Thread-safe.
 */
public final class PublishLedger {
    /** The file name below {@code <out>/.shuzhi/}. */
    public static final String FILE = "published.jsonl";

    /**
     * One finished report.
     *
     * @param id      report id
     * @param key     the publish key it was published under
     * @param sha256  its file's SHA-256
     * @param records what each sink keeps of it for the run's summaries ({@link Sink#publish}), by sink name
     */
    public record Entry(String id, String key, String sha256, Map<String, JsonNode> records) {
    }

    private final Path file;
    private final ObjectMapper mapper = new ObjectMapper()
            .configure(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final Map<String, Entry> done = new HashMap<>();
    private final List<Entry> pending = new ArrayList<>();

    private PublishLedger(Path file) {
        this.file = file;
    }

    /**
     * @param dir the work folder ({@code <out>/.shuzhi/})
     * @throws UncheckedIOException if the file exists but cannot be read
     */
    public static PublishLedger open(Path dir) {
        PublishLedger l = new PublishLedger(dir.resolve(FILE));
        try (BufferedReader r = Files.newBufferedReader(l.file, StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null; ) {
                try {
                    Entry e = l.mapper.readValue(line, Entry.class);
                    if (e.id() != null && e.key() != null && e.records() != null) {
                        l.done.put(e.id(), e);
                    }
                } catch (JsonProcessingException torn) {
                    // a line cut by a crash: that report is published again
                }
            }
        } catch (NoSuchFileException e) {
            // first run
        } catch (IOException e) {
            throw new UncheckedIOException("无法读取 " + l.file + "：" + e.getMessage(), e);
        }
        return l;
    }

    /** @return the finished entry of {@code id}, or null */
    public synchronized Entry get(String id) {
        return done.get(id);
    }

    /** Queues an entry; it counts as finished after the next {@link #flush}. */
    public synchronized void add(Entry e) {
        pending.add(e);
    }

    /**
     * Appends the queued entries and forces them to disk. Call after the outputs of every queued report are written
     * and (with an index) committed.
     *
     * @throws UncheckedIOException if the file cannot be written
     */
    public synchronized void flush() {
        if (pending.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder();
        for (Entry e : pending) {
            sb.append(json(e)).append('\n');
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer b = ByteBuffer.wrap(sb.toString().getBytes(StandardCharsets.UTF_8));
            while (b.hasRemaining()) {
                ch.write(b);
            }
            ch.force(false);
        } catch (IOException ex) {
            throw new UncheckedIOException("无法写入 " + file + "：" + ex.getMessage(), ex);
        }
        pending.forEach(e -> done.put(e.id(), e));
        pending.clear();
    }

    /**
     * Rewrites the file (atomically) with the finished entries of the given reports only.
     *
     * @param keep ids of the reports of this run's input
     */
    public synchronized void compact(Set<String> keep) {
        done.keySet().retainAll(keep);
        StringBuilder sb = new StringBuilder();
        done.values().stream().sorted(java.util.Comparator.comparing(Entry::id))
                .forEach(e -> sb.append(json(e)).append('\n'));
        org.shuzhi.pipeline.io.AtomicFiles.write(file, sb.toString());
    }

    private String json(Entry e) {
        try {
            return mapper.writeValueAsString(e);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
