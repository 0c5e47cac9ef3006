package org.shuzhi.pipeline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Hostile files that are too large, or too run-dependent, to commit: generated into a test's temporary folder.
 * Everything is deterministic (no randomness, fixed contents).
 */
public final class FaultFiles {
    private FaultFiles() {
    }

    /** A paragraph of a report, as a docx/html body would carry it. */
    public static final String REPORT_TEXT = "今年以来，我认真履行党建工作第一责任人职责，全年发展党员12名，开展主题党日活动24次，"
            + "走访联系服务群众136户。存在的问题：理论学习不够深入，对青年党员的教育管理用力不够。";

    private static final String CONTENT_TYPES = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
            + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
            + "<Default Extension=\"docx\" ContentType=\"application/vnd.openxmlformats-officedocument"
            + ".wordprocessingml.document\"/>"
            + "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument"
            + ".wordprocessingml.document.main+xml\"/></Types>";
    private static final String RELS = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
            + "officeDocument\" Target=\"word/document.xml\"/></Relationships>";
    private static final String EMBED_RELS = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
            + "<Relationship Id=\"rId5\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
            + "package\" Target=\"embeddings/inner.docx\"/></Relationships>";
    private static final String DOC_HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
            + "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
            + "<w:p><w:r><w:t>";
    private static final String DOC_TAIL = "</w:t></w:r></w:p></w:body></w:document>";

    /** One entry of a hand-written zip: its name, raw deflate data, CRC-32 and inflated size. */
    private record Entry(String name, byte[] deflated, long crc, long size) {
    }

    /**
     * A docx whose {@code word/document.xml} inflates to {@code mebibytes} MiB of one repeated report sentence inside a
     * single {@code <w:t>}: a zip bomb (2048 MiB from a file of about 2 MB). The deflate stream is one compressed
     * 1 MiB chunk repeated (each chunk ends with a full flush, so chunks are independent), which keeps generation
     * to a fraction of a second; sizes and CRC are the true ones, so every zip reader accepts the file.
     *
     * @param mebibytes inflated size of the body in MiB, 1–4000
     */
    public static Path zipBombDocx(Path file, int mebibytes) throws IOException {
        Files.write(file, docx(bombEntry(mebibytes), null));
        return file;
    }

    /** A minimal valid docx whose body is one paragraph of {@code text} (no XML escaping: plain text only). */
    public static Path docx(Path file, String text) throws IOException {
        byte[] body = (DOC_HEAD + text + DOC_TAIL).getBytes(StandardCharsets.UTF_8);
        Files.write(file, docx(entry("word/document.xml", body), null));
        return file;
    }

    /** A minimal valid docx with {@link #REPORT_TEXT} and the file {@code inner} embedded in it as a package. */
    public static Path docxWithEmbedded(Path file, Path inner) throws IOException {
        byte[] body = (DOC_HEAD + REPORT_TEXT + DOC_TAIL).getBytes(StandardCharsets.UTF_8);
        Files.write(file, docx(entry("word/document.xml", body), Files.readAllBytes(inner)));
        return file;
    }

    private static byte[] docx(Entry document, byte[] embedded) throws IOException {
        List<Entry> entries = new ArrayList<>();
        entries.add(entry("[Content_Types].xml", CONTENT_TYPES.getBytes(StandardCharsets.UTF_8)));
        entries.add(entry("_rels/.rels", RELS.getBytes(StandardCharsets.UTF_8)));
        entries.add(document);
        if (embedded != null) {
            entries.add(entry("word/_rels/document.xml.rels", EMBED_RELS.getBytes(StandardCharsets.UTF_8)));
            entries.add(entry("word/embeddings/inner.docx", embedded));
        }
        return zip(entries);
    }

    private static Entry entry(String name, byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(data);
        return new Entry(name, segment(data, true), crc.getValue(), data.length);
    }

    private static Entry bombEntry(int mebibytes) {
        if (mebibytes < 1 || mebibytes > 4000) {
            throw new IllegalArgumentException("1–4000 MiB");
        }
        byte[] head = DOC_HEAD.getBytes(StandardCharsets.UTF_8);
        byte[] tail = DOC_TAIL.getBytes(StandardCharsets.UTF_8);
        byte[] sentence = "抓基层党建工作述职报告。".getBytes(StandardCharsets.UTF_8);
        byte[] chunk = new byte[1 << 20];
        for (int i = 0; i < chunk.length; i++) {
            chunk[i] = sentence[i % sentence.length];
        }
        byte[] chunkDeflated = segment(chunk, false);
        CRC32 crc = new CRC32();
        crc.update(head);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(segment(head, false));
        for (int i = 0; i < mebibytes; i++) {
            crc.update(chunk);
            out.writeBytes(chunkDeflated);
        }
        crc.update(tail);
        out.writeBytes(segment(tail, true));
        return new Entry("word/document.xml", out.toByteArray(), crc.getValue(),
                head.length + (long) mebibytes * chunk.length + tail.length);
    }

    /** Raw deflate of {@code data}: the final segment of a stream, or a fully flushed, independent middle one. */
    private static byte[] segment(byte[] data, boolean last) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[65536];
        d.setInput(data);
        if (last) {
            d.finish();
            while (!d.finished()) {
                out.write(buf, 0, d.deflate(buf));
            }
        } else {
            int n;
            do {
                n = d.deflate(buf, 0, buf.length, Deflater.FULL_FLUSH);
                out.write(buf, 0, n);
            } while (n == buf.length);
        }
        d.end();
        return out.toByteArray();
    }

    /** A zip (no ZIP64: every size below 4 GiB) with local headers carrying the true sizes and CRCs. */
    private static byte[] zip(List<Entry> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream central = new ByteArrayOutputStream();
        for (Entry e : entries) {
            byte[] name = e.name().getBytes(StandardCharsets.UTF_8);
            long offset = out.size();
            ByteBuffer local = le(30 + name.length).putInt(0x04034b50).putShort((short) 20).putShort((short) 0x0800)
                    .putShort((short) 8).putShort((short) 0).putShort((short) 0x21).putInt((int) e.crc())
                    .putInt(e.deflated().length).putInt((int) e.size()).putShort((short) name.length)
                    .putShort((short) 0).put(name);
            out.write(local.array());
            out.write(e.deflated());
            ByteBuffer c = le(46 + name.length).putInt(0x02014b50).putShort((short) 20).putShort((short) 20)
                    .putShort((short) 0x0800).putShort((short) 8).putShort((short) 0).putShort((short) 0x21)
                    .putInt((int) e.crc()).putInt(e.deflated().length).putInt((int) e.size())
                    .putShort((short) name.length).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                    .putShort((short) 0).putInt(0).putInt((int) offset).put(name);
            central.write(c.array());
        }
        long cdOffset = out.size();
        out.write(central.toByteArray());
        ByteBuffer end = le(22).putInt(0x06054b50).putShort((short) 0).putShort((short) 0)
                .putShort((short) entries.size()).putShort((short) entries.size()).putInt(central.size())
                .putInt((int) cdOffset).putShort((short) 0);
        out.write(end.array());
        return out.toByteArray();
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * A one-page PDF whose content stream (FlateDecode) inflates to {@code mebibytes} MiB of spaces after one line of
     * text: a PDF bomb (1024 MiB from a file of about 1 MB). Built like {@link #zipBombDocx}: one flushed deflate
     * chunk repeated, inside a zlib wrapper with the true Adler-32.
     */
    public static Path pdfBomb(Path file, int mebibytes) throws IOException {
        byte[] head = "BT /F1 12 Tf 72 720 Td (Shuzhi report) Tj ET\n".getBytes(StandardCharsets.US_ASCII);
        byte[] chunk = new byte[1 << 20];
        java.util.Arrays.fill(chunk, (byte) ' ');
        java.util.zip.Adler32 adler = new java.util.zip.Adler32();
        adler.update(head);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.write(0x78);
        data.write(0xDA);
        data.writeBytes(segment(head, false));
        byte[] chunkDeflated = segment(chunk, false);
        for (int i = 0; i < mebibytes; i++) {
            adler.update(chunk);
            data.writeBytes(chunkDeflated);
        }
        data.writeBytes(segment(new byte[0], true));
        data.writeBytes(ByteBuffer.allocate(4).putInt((int) adler.getValue()).array());
        List<byte[]> objects = java.util.Arrays.asList( // null: the content stream, written below
                "<< /Type /Catalog /Pages 2 0 R >>".getBytes(StandardCharsets.US_ASCII),
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".getBytes(StandardCharsets.US_ASCII),
                ("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
                        + "/Resources << /Font << /F1 5 0 R >> >> >>").getBytes(StandardCharsets.US_ASCII),
                null,
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".getBytes(StandardCharsets.US_ASCII));
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        pdf.writeBytes("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII));
        List<Integer> offsets = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(pdf.size());
            pdf.writeBytes(((i + 1) + " 0 obj\n").getBytes(StandardCharsets.US_ASCII));
            if (objects.get(i) == null) {
                pdf.writeBytes(("<< /Length " + data.size() + " /Filter /FlateDecode >>\nstream\n")
                        .getBytes(StandardCharsets.US_ASCII));
                pdf.writeBytes(data.toByteArray());
                pdf.writeBytes("\nendstream".getBytes(StandardCharsets.US_ASCII));
            } else {
                pdf.writeBytes(objects.get(i));
            }
            pdf.writeBytes("\nendobj\n".getBytes(StandardCharsets.US_ASCII));
        }
        int xref = pdf.size();
        StringBuilder x = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        offsets.forEach(o -> x.append(String.format("%010d 00000 n \n", o)));
        x.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref)
                .append("\n%%EOF\n");
        pdf.writeBytes(x.toString().getBytes(StandardCharsets.US_ASCII));
        Files.write(file, pdf.toByteArray());
        return file;
    }

    /**
     * A file of {@code bytes} bytes created without writing them (sparse where the file system allows): the size is
     * real, the content zeros.
     */
    public static Path sized(Path file, long bytes) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(bytes);
        }
        return file;
    }

    /** An HTML page with {@link #REPORT_TEXT} inside {@code depth} nested {@code <div>}s. */
    public static Path nestedHtml(Path file, int depth) throws IOException {
        try (OutputStream o = Files.newOutputStream(file)) {
            o.write("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>述职报告</title></head><body>"
                    .getBytes(StandardCharsets.UTF_8));
            byte[] open = "<div>".getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < depth; i++) {
                o.write(open);
            }
            o.write(("<p>" + REPORT_TEXT + "</p>").getBytes(StandardCharsets.UTF_8));
            byte[] close = "</div>".getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < depth; i++) {
                o.write(close);
            }
            o.write("</body></html>".getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }
}
