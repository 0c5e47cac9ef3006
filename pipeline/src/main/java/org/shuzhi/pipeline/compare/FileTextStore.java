package org.shuzhi.pipeline.compare;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
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
        CompareInput in = read(id, null);
        if (in == null) {
            throw new NoSuchElementException("no text for " + id + " in " + dir);
        }
        return in.text();
    }

    /**
     * Writes a record atomically (replacing an older one).
     *
     * @param stamp identifies what the record was made from (e.g. file hash and analysis version)
     * @throws UncheckedIOException if it cannot be written
     */
    public void save(CompareInput in, String stamp) {
        Path target = file(in.id());
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 65536))) {
            out.writeInt(MAGIC);
            str(out, stamp);
            str(out, in.id());
            str(out, in.unit());
            str(out, in.secretary());
            out.writeInt(in.year() == null ? Integer.MIN_VALUE : in.year());
            out.writeBoolean(in.report());
            str(out, in.title());
            ReportText t = in.text();
            str(out, t.text());
            int n = t.paragraphs();
            out.writeInt(n);
            for (int i = 0; i < n; i++) {
                out.writeInt(t.starts()[i]);
                out.writeInt(t.ends()[i]);
                out.writeByte(t.categories()[i]);
                out.writeBoolean(t.compared()[i]);
            }
            out.writeInt(in.items().size());
            for (CompareInput.ItemRow r : in.items()) {
                out.writeByte(r.kind());
                out.writeInt(r.paragraph());
                out.writeInt(r.start());
                out.writeInt(r.end());
                out.writeInt(r.words().length);
                for (String w : r.words()) {
                    str(out, w);
                }
            }
            out.writeInt(MAGIC); // end mark: a record without it is truncated
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

    private CompareInput read(String id, String stamp) {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file(id)), 65536))) {
            if (in.readInt() != MAGIC) {
                return null;
            }
            String saved = str(in);
            if (stamp != null && !stamp.equals(saved)) {
                return null;
            }
            String rid = str(in);
            String unit = str(in);
            String secretary = str(in);
            int y = in.readInt();
            boolean report = in.readBoolean();
            String title = str(in);
            String text = str(in);
            int n = in.readInt();
            int[] s = new int[n];
            int[] e = new int[n];
            byte[] c = new byte[n];
            boolean[] cmp = new boolean[n];
            for (int i = 0; i < n; i++) {
                s[i] = in.readInt();
                e[i] = in.readInt();
                c[i] = in.readByte();
                cmp[i] = in.readBoolean();
            }
            int m = in.readInt();
            List<CompareInput.ItemRow> items = new ArrayList<>(m);
            for (int i = 0; i < m; i++) {
                int kind = in.readByte();
                int p = in.readInt();
                int from = in.readInt();
                int to = in.readInt();
                String[] words = new String[in.readInt()];
                for (int w = 0; w < words.length; w++) {
                    words[w] = str(in);
                }
                items.add(new CompareInput.ItemRow(kind, p, from, to, words));
            }
            if (in.readInt() != MAGIC) {
                return null;
            }
            return new CompareInput(rid, unit, secretary, y == Integer.MIN_VALUE ? null : y, report, title,
                    new ReportText(rid, text, s, e, c, cmp), items);
        } catch (NoSuchFileException e) {
            return null;
        } catch (EOFException | IllegalArgumentException | NegativeArraySizeException e) {
            return null; // truncated or garbled: as if absent, the file is analysed again
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file(id), e);
        }
    }

    /** Strings as UTF-16 units (2 bytes each: smaller than UTF-8 for Chinese, and any lone surrogate survives). */
    private static void str(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(-1);
            return;
        }
        out.writeInt(s.length());
        out.writeChars(s);
    }

    private static String str(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0) {
            return null;
        }
        byte[] b = in.readNBytes(2 * n);
        if (b.length < 2 * n) {
            throw new EOFException();
        }
        char[] c = new char[n];
        for (int i = 0; i < n; i++) {
            c[i] = (char) (((b[2 * i] & 0xFF) << 8) | (b[2 * i + 1] & 0xFF));
        }
        return new String(c);
    }
}
