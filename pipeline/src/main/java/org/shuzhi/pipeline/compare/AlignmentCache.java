package org.shuzhi.pipeline.compare;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import org.shuzhi.pipeline.io.AtomicFiles;
import org.shuzhi.pipeline.model.Span;

/**
 * The pair alignments of earlier runs, so that a re-run aligns only the candidate pairs in which a document changed.
 * One file {@code <dir>/<id>.aln} per report holds, under the report's <em>alignment key</em> and the cache's
 * <em>version</em> (the caller's analysis key: a new program build or new dictionaries align everything again), the
 * passages it shared with each candidate, by the candidate's alignment key (an empty list for a candidate that shared
 * none), and a CRC-32 of all that.
 *
 * <p>A document's alignment key ({@link ComparedCorpus.Document#alignmentKey()}) is a 64-bit hash of everything an
 * alignment of a pair depends on: the alignment settings, whether it is a template, its year, its cleaned text and its
 * normalised characters. An alignment is reused only when both keys are the same; the candidate set itself is found
 * again on every run (a new report can become a candidate of an unchanged one, and is then aligned with it).
 *
 * <p>Files are written to a temporary name and renamed ({@link AtomicFiles}); a truncated or unreadable file reads as
 * absent (the report is aligned again), as does one that cannot be read at all. {@link #NONE} keeps nothing. Thread-safe: each report's file is read and
 * written by the one thread that aligns it.
 */
public final class AlignmentCache {
    /** A cache that keeps nothing: every pair is aligned. */
    public static final AlignmentCache NONE = new AlignmentCache(null, "");

    private static final int MAGIC = 0x53484132; // "SHA2": shuzhi alignments, format 2
    private static final String EXTENSION = ".aln";
    /** Bytes of a candidate's entry without passages: its key and the number of passages. */
    private static final int CANDIDATE_BYTES = 12;
    /** Bytes of a passage without stale years: two spans, five ints, a double, two list sizes. */
    private static final int PASSAGE_BYTES = 2 * 8 + 5 * 4 + 8 + 2 * 4;

    private final Path dir;
    private final String version;

    private AlignmentCache(Path dir, String version) {
        this.dir = dir;
        this.version = version;
    }

    /**
     * @param dir     the cache's folder, created if missing
     * @param version what the alignments were made with beyond the documents and settings (the analysis key: the
     *                program build and the dictionaries); files of another version read as absent
     * @return a cache kept in that folder
     * @throws UncheckedIOException if the folder cannot be created
     */
    public static AlignmentCache in(Path dir, String version) {
        try {
            return new AlignmentCache(Files.createDirectories(dir), version);
        } catch (IOException e) {
            throw new UncheckedIOException("无法创建工作文件夹 " + dir + "：" + e.getMessage(), e);
        }
    }

    /**
     * A passage of a pair as kept between runs: {@link CandidateAligner.SharedPassage} without the documents' numbers
     * (which change from run to run).
     */
    record Passage(Span aSpan, Span bSpan, int naStart, int naEnd, int nbStart, int nbEnd, int matched,
                   double similarity, StaleYears.Found stale) {
    }

    /**
     * @param id  a report id
     * @param key its alignment key in this run
     * @return its passages with each candidate of an earlier run, by the candidate's alignment key; empty when nothing
     *         was kept under this key
     */
    Map<Long, List<Passage>> get(String id, long key) {
        if (dir == null) {
            return Map.of();
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file(id));
        } catch (IOException e) {
            return Map.of(); // missing or unreadable: aligned again (and rewritten, which reports a real I/O problem)
        }
        if (bytes.length < 4) {
            return Map.of();
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 4);
        if ((int) crc.getValue() != ByteBuffer.wrap(bytes, bytes.length - 4, 4).getInt()) {
            return Map.of(); // truncated or damaged
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, bytes.length - 4))) {
            if (in.readInt() != MAGIC || !in.readUTF().equals(version) || in.readLong() != key) {
                return Map.of();
            }
            int candidates = count(in, CANDIDATE_BYTES);
            Map<Long, List<Passage>> out = new HashMap<>(candidates * 2);
            for (int c = 0; c < candidates; c++) {
                long b = in.readLong();
                int n = count(in, PASSAGE_BYTES);
                List<Passage> ps = new ArrayList<>(n);
                for (int i = 0; i < n; i++) {
                    ps.add(new Passage(span(in), span(in), in.readInt(), in.readInt(), in.readInt(), in.readInt(),
                            in.readInt(), in.readDouble(), new StaleYears.Found(spans(in), spans(in))));
                }
                out.put(b, ps);
            }
            return out;
        } catch (IOException | IllegalArgumentException e) {
            return Map.of(); // not what this version writes: aligned again
        }
    }

    /**
     * Keeps a report's passages with each of its candidates of this run, replacing what was kept before.
     *
     * @param id          a report id
     * @param key         its alignment key
     * @param byCandidate its passages with each candidate, by the candidate's alignment key
     * @throws UncheckedIOException if the file cannot be written
     */
    void put(String id, long key, Map<Long, List<Passage>> byCandidate) {
        if (dir == null) {
            return;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + byCandidate.size() * 16);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeUTF(version);
            out.writeLong(key);
            out.writeInt(byCandidate.size());
            for (Map.Entry<Long, List<Passage>> e : byCandidate.entrySet()) {
                out.writeLong(e.getKey());
                out.writeInt(e.getValue().size());
                for (Passage p : e.getValue()) {
                    span(out, p.aSpan());
                    span(out, p.bSpan());
                    out.writeInt(p.naStart());
                    out.writeInt(p.naEnd());
                    out.writeInt(p.nbStart());
                    out.writeInt(p.nbEnd());
                    out.writeInt(p.matched());
                    out.writeDouble(p.similarity());
                    spans(out, p.stale().inA());
                    spans(out, p.stale().inB());
                }
            }
            CRC32 crc = new CRC32();
            crc.update(bytes.toByteArray());
            out.writeInt((int) crc.getValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AtomicFiles.write(file(id), bytes.toByteArray());
    }

    /**
     * Removes the files of reports that are no longer compared.
     *
     * @param ids the ids of this run's reports
     * @throws UncheckedIOException if the folder cannot be listed or a file not deleted
     */
    void retain(Set<String> ids) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (!name.endsWith(EXTENSION)
                        || !ids.contains(name.substring(0, name.length() - EXTENSION.length()))) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("无法清理工作文件夹 " + dir + "：" + e.getMessage(), e);
        }
    }

    private Path file(String id) {
        return dir.resolve(id + EXTENSION);
    }

    private static Span span(DataInputStream in) throws IOException {
        return new Span(in.readInt(), in.readInt());
    }

    /** Reads a count of records of at least {@code bytes} bytes each, checked against what is left. */
    private static int count(DataInputStream in, int bytes) throws IOException {
        int n = in.readInt();
        if (n < 0 || (long) n * bytes > in.available()) {
            throw new IllegalArgumentException("damaged");
        }
        return n;
    }

    private static List<Span> spans(DataInputStream in) throws IOException {
        int n = count(in, 8);
        List<Span> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(span(in));
        }
        return out;
    }

    private static void span(DataOutputStream out, Span s) throws IOException {
        out.writeInt(s.start());
        out.writeInt(s.end());
    }

    private static void spans(DataOutputStream out, List<Span> spans) throws IOException {
        out.writeInt(spans.size());
        for (Span s : spans) {
            span(out, s);
        }
    }
}
