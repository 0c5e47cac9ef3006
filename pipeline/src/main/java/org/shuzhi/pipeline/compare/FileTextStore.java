package org.shuzhi.pipeline.compare;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The fingerprint store: one file {@code <dir>/<id>.bin} per document holding its {@link CompareInput} (cleaned text,
 * paragraph spans and categories, year-over-year items) under a <em>stamp</em> (the file's SHA-256 and the analysis
 * version, chosen by the caller). It serves as the comparison's {@link TextStore}, so texts stay on disk (about 2 bytes
 * per character of text plus the items) instead of in memory, and lets a re-run reuse an unchanged file's analysis:
 * {@link #load} gives it back only when the stamp is the same.
 *
 * <p>Files are written to a temporary name and renamed, so a crash leaves either the old record, the new one, or none;
 * a truncated or unreadable record reads as absent. Thread-safe.
 */
public final class FileTextStore implements TextStore {
    private static final int MAGIC = 0x53485A31; // "SHZ1"

    private final Path dir;

    /**
     * @param dir the store's folder, created if missing
     * @throws UncheckedIOException if it cannot be created
     */
    public FileTextStore(Path dir) {
        try {
            this.dir = Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the fingerprint store " + dir, e);
        }
    }

    /** Texts are written with {@link #save}; this store ignores {@code put}. */
    @Override
    public void put(ReportText text) {
        // saved with its stamp by save()
    }

    @Override
    public ReportText get(String id) {
        ReportText t = readText(id);
        if (t == null) {
            throw new NoSuchElementException("no text for " + id + " in " + dir);
        }
        return t;
    }

    /**
     * Writes a record atomically (replacing an older one).
     *
     * @param stamp identifies what the record was made from (e.g. file hash and analysis version)
     * @throws UncheckedIOException if it cannot be written
     */
    public void save(CompareInput in, String stamp) {
        ReportText t = in.text();
        int n = t.paragraphs();
        long size = 4L + bytes(stamp) + bytes(in.id()) + bytes(in.unit()) + bytes(in.secretary()) + 4 + 1
                + bytes(in.title()) + bytes(t.text()) + 4 + 10L * n + 4;
        for (CompareInput.ItemRow r : in.items()) {
            size += 1 + 4 + 4 + 4 + 4;
            for (String w : r.words()) {
                size += bytes(w);
            }
        }
        size += 4;
        if (size > Integer.MAX_VALUE - 16) {
            throw new UncheckedIOException(new IOException("record of " + in.id() + " too large: " + size + " bytes"));
        }
        ByteBuffer out = ByteBuffer.allocate((int) size);
        out.putInt(MAGIC);
        str(out, stamp);
        str(out, in.id());
        str(out, in.unit());
        str(out, in.secretary());
        out.putInt(in.year() == null ? Integer.MIN_VALUE : in.year());
        out.put((byte) (in.report() ? 1 : 0));
        str(out, in.title());
        str(out, t.text());
        out.putInt(n);
        for (int i = 0; i < n; i++) {
            out.putInt(t.starts()[i]);
            out.putInt(t.ends()[i]);
            out.put(t.categories()[i]);
            out.put((byte) (t.compared()[i] ? 1 : 0));
        }
        out.putInt(in.items().size());
        for (CompareInput.ItemRow r : in.items()) {
            out.put((byte) r.kind());
            out.putInt(r.paragraph());
            out.putInt(r.start());
            out.putInt(r.end());
            out.putInt(r.words().length);
            for (String w : r.words()) {
                str(out, w);
            }
        }
        out.putInt(MAGIC); // end mark: a record without it is truncated
        Path target = file(in.id());
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try {
            Files.write(tmp, out.array());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + tmp, e);
        }
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /**
     * @param stamp the stamp the record must have been saved with
     * @return the record, or null when there is none, it has another stamp, or it is unreadable
     */
    public CompareInput load(String id, String stamp) {
        return read(id, stamp);
    }

    private Path file(String id) {
        return dir.resolve(id + ".bin");
    }

    /**
     * The record's head up to and including its text and paragraphs (what {@link #get} needs; the items are not
     * decoded).
     */
    private record Head(String id, String unit, String secretary, Integer year, boolean report, String title,
                        ReportText text) {
    }

    /** Reads a whole record file into a buffer (one read; decoding from memory, not byte by byte from a stream). */
    private ByteBuffer bytesOf(String id) throws IOException {
        return ByteBuffer.wrap(Files.readAllBytes(file(id)));
    }

    /** @return the head of the record in {@code in}, or null when its magic or its stamp (unless null) is not right */
    private static Head head(ByteBuffer in, String stamp) {
        if (in.getInt() != MAGIC) {
            return null;
        }
        String saved = str(in);
        if (stamp != null && !stamp.equals(saved)) {
            return null;
        }
        String rid = str(in);
        String unit = str(in);
        String secretary = str(in);
        int y = in.getInt();
        boolean report = in.get() != 0;
        String title = str(in);
        String text = str(in);
        int n = in.getInt();
        int[] s = new int[n];
        int[] e = new int[n];
        byte[] c = new byte[n];
        boolean[] cmp = new boolean[n];
        for (int i = 0; i < n; i++) {
            s[i] = in.getInt();
            e[i] = in.getInt();
            c[i] = in.get();
            cmp[i] = in.get() != 0;
        }
        return new Head(rid, unit, secretary, y == Integer.MIN_VALUE ? null : y, report, title,
                new ReportText(rid, text, s, e, c, cmp));
    }

    private ReportText readText(String id) {
        try {
            Head h = head(bytesOf(id), null);
            return h == null ? null : h.text();
        } catch (NoSuchFileException e) {
            return null;
        } catch (BufferUnderflowException | IllegalArgumentException | NegativeArraySizeException e) {
            return null; // truncated or garbled: as if absent
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file(id), e);
        }
    }

    private CompareInput read(String id, String stamp) {
        try {
            ByteBuffer in = bytesOf(id);
            Head h = head(in, stamp);
            if (h == null) {
                return null;
            }
            int m = in.getInt();
            if (m < 0) {
                return null;
            }
            List<CompareInput.ItemRow> items = new ArrayList<>(Math.min(m, in.remaining()));
            for (int i = 0; i < m; i++) {
                int kind = in.get();
                int p = in.getInt();
                int from = in.getInt();
                int to = in.getInt();
                String[] words = new String[in.getInt()];
                for (int w = 0; w < words.length; w++) {
                    words[w] = str(in);
                }
                items.add(new CompareInput.ItemRow(kind, p, from, to, words));
            }
            if (in.getInt() != MAGIC) {
                return null;
            }
            return new CompareInput(h.id(), h.unit(), h.secretary(), h.year(), h.report(), h.title(), h.text(), items);
        } catch (NoSuchFileException e) {
            return null;
        } catch (BufferUnderflowException | IllegalArgumentException | NegativeArraySizeException e) {
            return null; // truncated or garbled: as if absent, the file is analysed again
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file(id), e);
        }
    }

    /** @return the bytes {@link #str(ByteBuffer, String)} writes for {@code s} */
    private static long bytes(String s) {
        return 4 + (s == null ? 0 : 2L * s.length());
    }

    /** Strings as UTF-16 units (2 bytes each: smaller than UTF-8 for Chinese, and any lone surrogate survives). */
    private static void str(ByteBuffer out, String s) {
        if (s == null) {
            out.putInt(-1);
            return;
        }
        out.putInt(s.length());
        out.asCharBuffer().put(s);
        out.position(out.position() + 2 * s.length());
    }

    private static String str(ByteBuffer in) {
        int n = in.getInt();
        if (n < 0) {
            return null;
        }
        if (n > in.remaining() / 2) {
            throw new BufferUnderflowException();
        }
        String s = in.asCharBuffer().limit(n).toString();
        in.position(in.position() + 2 * n);
        return s;
    }
}
