package org.shuzhi.pipeline.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.sax.BodyContentHandler;
import org.shuzhi.pipeline.dict.TermList;
import org.shuzhi.pipeline.model.Extraction;
import org.shuzhi.pipeline.model.Failure;
import org.shuzhi.pipeline.model.FailureKind;
import org.xml.sax.ContentHandler;

/**
 * Reads the text of one submitted file: Tika (one parser for the whole run) for docx, doc, wps, rtf, odt and html;
 * PDFBox for PDFs; ofdrw for OFD ({@link OfdExtractor}); a charset-detecting decoder for plain text; Tesseract OCR
 * ({@link OcrReader}) for images and for PDFs without a text layer, when an engine is given. Every way a file can be unreadable ends as an
 * {@link ExtractionResult.Failed} with a {@link FailureKind}; this method never throws for a bad file.
 *
 * <p>Input safety ({@link ExtractionLimits}): a file over {@code maxBytes} is refused from its size alone; a zip-based
 * document is checked by {@link ZipBombGuard} before Tika/POI inflate it, a PDF's streams likewise before PDFBox
 * extracts its text; embedded documents (OLE objects, a docx
 * inside a docx) are not parsed; Tika stops writing at {@code maxChars}; text that is glyph garbage (a PDF without
 * character maps) or mojibake is refused. A parse that overruns {@code timeoutSeconds} is reported as TIMEOUT at
 * once. Parsing in {@link ParseProcesses} (child JVMs), the overrunning child is killed: the parse is stopped.
 * Parsing on a thread of this process (no {@code ParseProcesses}), its thread is interrupted, but Tika and PDFBox do
 * not check interrupts: the parse runs on to its end on a daemon thread.
 *
 * <p>Thread-safe; one instance serves a whole run. Owns a thread pool for the parse timeout: {@link #close()} it.
 * The caller keeps ownership of nothing: files are read by path.
 */
public final class Extractor implements AutoCloseable {
    private final AutoDetectParser tika = new AutoDetectParser();
    /**
     * Word .docx through Tika's streaming (SAX) extractor instead of the XWPF object model: the same paragraphs,
     * several times faster and with memory bounded by the largest part, not the whole document tree.
     */
    private static final org.apache.tika.parser.microsoft.OfficeParserConfig OFFICE = office();

    private static org.apache.tika.parser.microsoft.OfficeParserConfig office() {
        org.apache.tika.parser.microsoft.OfficeParserConfig c = new org.apache.tika.parser.microsoft.OfficeParserConfig();
        c.setUseSAXDocxExtractor(true);
        return c;
    }
    private final ExtractionLimits limits;
    private final PdfExtractor pdf;
    private final OfdExtractor ofd;
    /** null when OCR is off or Tesseract is not installed */
    private final OcrReader ocr;
    private final boolean ocrWanted;
    /** null: parse on a thread of this process */
    private final ParseProcesses processes;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "shuzhi-extract");
        t.setDaemon(true);
        return t;
    });

    /**
     * @param limits      size, length and time limits
     * @param boilerplate the {@code boilerplate-lines} list, used to drop PDF page furniture
     */
    public Extractor(ExtractionLimits limits, TermList boilerplate) {
        this(limits, boilerplate, null, false);
    }

    /**
     * @param limits      size, length, time and OCR limits
     * @param boilerplate the {@code boilerplate-lines} list, used to drop page furniture of PDF, OFD and OCR pages
     * @param ocr         the OCR engine for scans and images, or null: scans are then SCANNED_NO_TEXT
     * @param ocrWanted   true when OCR was asked for (the default) but {@code ocr} may be missing: a scan's failure
     *                    then says how to install it
     */
    public Extractor(ExtractionLimits limits, TermList boilerplate, TesseractOcr ocr, boolean ocrWanted) {
        this(limits, boilerplate, ocr, ocrWanted, null);
    }

    /**
     * @param limits      size, length, time and OCR limits
     * @param boilerplate the {@code boilerplate-lines} list, used to drop page furniture of PDF, OFD and OCR pages
     * @param ocr         the OCR engine for scans and images, or null: scans are then SCANNED_NO_TEXT
     * @param ocrWanted   true when OCR was asked for but {@code ocr} may be missing
     * @param processes   child processes to parse in, so that a parse over the time limit is stopped (killed), or
     *                    null to parse on a thread of this process (a parse over the limit is then abandoned and runs
     *                    on to its end); closed by {@link #close()}
     */
    public Extractor(ExtractionLimits limits, TermList boilerplate, TesseractOcr ocr, boolean ocrWanted,
                     ParseProcesses processes) {
        this.processes = processes;
        this.limits = limits;
        this.pdf = new PdfExtractor(boilerplate, limits);
        this.ofd = new OfdExtractor(boilerplate, limits);
        this.ocr = ocr == null ? null : new OcrReader(ocr, limits, boilerplate);
        this.ocrWanted = ocrWanted;
    }

    /**
     * @return the text of {@code file}, or why it cannot be read. A file over {@link ExtractionLimits#maxBytes()} is
     *         refused from its size alone, without reading it.
     */
    public ExtractionResult extract(Path file) {
        byte[] bytes;
        try {
            long size = Files.size(file);
            Failure refused = refuseBySize(size);
            if (refused != null) {
                return new ExtractionResult.Failed(refused);
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            return new ExtractionResult.Failed(readFailure(e));
        }
        ExtractionResult r = processes != null ? processes.parse(file, limits.timeoutSeconds())
                : parseOnThread(bytes, file.getFileName().toString());
        if (r instanceof ExtractionResult.Failed failed && failed.failure().kind() == FailureKind.TIMEOUT) {
            return r;
        }
        if (r instanceof ExtractionResult.Failed failed && failed.failure().kind() == FailureKind.SCANNED_NO_TEXT
                && !failed.failure().cause().startsWith("ocr")) {
            boolean isPdf = bytes.length >= 5 && bytes[0] == '%' && bytes[1] == 'P' && bytes[2] == 'D';
            boolean ofdScan = !isPdf && OfdExtractor.isOfd(bytes);
            if (ocr != null && !ofdScan) {
                // OCR runs here, outside the parse timeout: it is bounded per page, and its processes are killed
                return ocr.read(bytes, isPdf);
            }
            if (ocrWanted && ocr == null) {
                Failure f0 = failed.failure();
                return new ExtractionResult.Failed(new Failure(f0.kind(), f0.message(), TesseractOcr.INSTALL_HINT,
                        f0.cause()));
            }
        }
        return r;
    }

    /** Parses on a pool thread; over the time limit the thread is interrupted and abandoned. */
    private ExtractionResult parseOnThread(byte[] bytes, String name) {
        Future<ExtractionResult> f = pool.submit(() -> extract(bytes, name));
        try {
            return f.get(limits.timeoutSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            return failed(FailureKind.TIMEOUT, "超过 " + limits.timeoutSeconds() + " 秒", "timeout");
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            return failed(FailureKind.TIMEOUT, "已中断", "interrupted");
        } catch (ExecutionException e) {
            return translate(e.getCause(), bytes);
        }
    }

    /**
     * Parses in the calling thread with no time limit (what a {@link ParseProcesses} child runs; its parent enforces
     * the limit by killing it). No OCR.
     *
     * @param bytes the file's bytes
     * @param name  its file name (for type detection)
     * @return its text, or why it cannot be read
     */
    ExtractionResult parseHere(byte[] bytes, String name) {
        try {
            return extract(bytes, name);
        } catch (Exception | StackOverflowError e) {
            return translate(e, bytes);
        }
    }

    /**
     * The size rule on its own, so that a caller can refuse a file before it reads (or hashes) any of it.
     *
     * @param size the file's size in bytes
     * @return EMPTY for 0 bytes, TOO_LARGE above {@link ExtractionLimits#maxBytes()}, else null
     */
    public Failure refuseBySize(long size) {
        if (size == 0) {
            return Failure.of(FailureKind.EMPTY, "文件大小为 0 字节", "0 bytes");
        }
        if (size > limits.maxBytes()) {
            return Failure.of(FailureKind.TOO_LARGE, String.format(Locale.ROOT, "%.1f MB，上限 %.1f MB",
                    size / 1048576.0, limits.maxBytes() / 1048576.0), "size " + size);
        }
        return null;
    }

    /**
     * @param e why reading a file failed
     * @return IO_ERROR with the reason in Chinese: the file is gone (moved or deleted after the run listed it), not
     *         readable, or another I/O error
     */
    public static Failure readFailure(IOException e) {
        String detail = e instanceof NoSuchFileException ? "找不到该文件，它在本次运行开始后被移动、改名或删除"
                : e instanceof AccessDeniedException ? "没有读取该文件的权限"
                : "读取失败（" + e.getMessage() + "）";
        return Failure.of(FailureKind.IO_ERROR, detail, e.toString());
    }

    private ExtractionResult extract(byte[] bytes, String name) throws Exception {
        MediaType type = detect(bytes);
        String base = type.getBaseType().toString();
        if (base.equals("application/pdf")) {
            return pdf.extract(bytes);
        }
        if (OfdExtractor.isOfd(bytes)) {
            ZipBombGuard.Refusal bomb = ZipBombGuard.check(bytes, limits.maxInflatedBytes());
            return bomb != null ? zipBomb(bomb) : ofd.extract(bytes);
        }
        TextDecoder.Decoded decoded = null;
        if (base.equals("application/octet-stream")) {
            // text in a legacy charset (GBK) has no magic bytes: try to read it as text before calling it binary
            decoded = TextDecoder.decode(bytes);
            if (decoded != null && decoded.text().indexOf('\0') < 0 && meaningfulChars(decoded.text()) > 0) {
                base = "text/plain";
            }
        }
        if (base.equals("text/plain")) {
            TextDecoder.Decoded d = decoded != null ? decoded : TextDecoder.decode(bytes);
            if (d == null) {
                return failed(FailureKind.MIS_ENCODED, "无法确定字符编码", "no plausible charset");
            }
            return checked(new Extraction(base, d.charset(), 0, d.text().length(), List.of()), d.text());
        }
        if (type.getType().equals("image")) {
            return failed(FailureKind.SCANNED_NO_TEXT, "这是一张图片（" + base + "）", base);
        }
        if (isArchiveOrBinary(base)) {
            String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
            boolean claimsDocument = List.of("docx", "doc", "pdf", "wps", "rtf", "odt", "txt", "html", "htm", "ofd")
                    .contains(ext);
            return claimsDocument
                    ? failed(FailureKind.CORRUPT, "扩展名为 ." + ext + "，内容却不是该格式（" + base + "）", base)
                    : failed(FailureKind.UNSUPPORTED, base, base);
        }
        if (ZipBombGuard.isZip(bytes)) {
            ZipBombGuard.Refusal bomb = ZipBombGuard.check(bytes, limits.maxInflatedBytes());
            if (bomb != null) {
                return zipBomb(bomb);
            }
        }
        BodyContentHandler handler = new BodyContentHandler(limits.maxChars());
        Metadata md = new Metadata();
        md.set(TikaCoreProperties.RESOURCE_NAME_KEY, name);
        ParseContext context = new ParseContext();
        // embedded documents (an OLE object, a docx inside a docx) are not the report's text, and a bomb can hide there
        context.set(EmbeddedDocumentExtractor.class, NO_EMBEDDED);
        context.set(org.apache.tika.parser.microsoft.OfficeParserConfig.class, OFFICE);
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            tika.parse(in, handler, md, context);
        }
        String text = handler.toString();
        String enc = md.get(Metadata.CONTENT_ENCODING);
        return checked(new Extraction(base, enc, 0, text.length(), List.of()), text);
    }

    private ExtractionResult.Failed zipBomb(ZipBombGuard.Refusal r) {
        String detail = r.ratio()
                ? String.format(Locale.ROOT, "其中 %s 的压缩比超过 %d:1，疑似“压缩炸弹”，已停止解压", r.entry(),
                        ZipBombGuard.MAX_RATIO)
                : String.format(Locale.ROOT, "解压后超过 %.1f MB（解压到 %s 时），疑似“压缩炸弹”，已停止解压",
                        limits.maxInflatedBytes() / 1048576.0, r.entry());
        return new ExtractionResult.Failed(new Failure(FailureKind.TOO_LARGE,
                FailureKind.TOO_LARGE.message() + "：" + detail,
                "请用 Word/WPS 打开该文件确认内容正常，另存为新的 .docx 后重新提交。",
                "zip bomb: " + r.entry() + " inflated " + r.inflated() + " bytes"));
    }

    /** Detects the format from the bytes alone: a file's extension is often wrong (GBK text saved as .doc). */
    private MediaType detect(byte[] bytes) throws IOException {
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            return tika.getDetector().detect(in, new Metadata());
        }
    }

    /** Skips every embedded document. */
    private static final EmbeddedDocumentExtractor NO_EMBEDDED = new EmbeddedDocumentExtractor() {
        @Override
        public boolean shouldParseEmbedded(Metadata metadata) {
            return false;
        }

        @Override
        public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml) {
            // not parsed
        }
    };

    private static boolean isArchiveOrBinary(String base) {
        return base.equals("application/octet-stream") || base.equals("application/zip")
                || base.equals("application/x-rar-compressed") || base.equals("application/x-7z-compressed")
                || base.equals("application/gzip") || base.equals("application/x-tar")
                || base.startsWith("video/") || base.startsWith("audio/") || base.equals("application/x-msdownload")
                || base.equals("application/x-executable") || base.equals("application/x-sharedlib");
    }

    private ExtractionResult checked(Extraction info, String text) {
        if (meaningfulChars(text) < limits.minTextChars()) {
            return failed(FailureKind.EMPTY, "提取到的文字不足 " + limits.minTextChars() + " 字", "no text");
        }
        if (!TextDecoder.plausible(text) || TextDecoder.symbolSoup(text)) {
            return failed(FailureKind.MIS_ENCODED, "文字中夹有大量乱码字符", "implausible characters");
        }
        return new ExtractionResult.Text(info, text);
    }

    private ExtractionResult translate(Throwable t, byte[] bytes) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof EncryptedDocumentException
                    || c instanceof org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException
                    || c instanceof org.apache.poi.EncryptedDocumentException) {
                return failed(FailureKind.ENCRYPTED, null, t.toString());
            }
            if (c instanceof ZeroByteFileException) {
                return failed(FailureKind.EMPTY, null, t.toString());
            }
            if (WriteLimitReachedException.isWriteLimitReached(c)) {
                return failed(FailureKind.TOO_LARGE, "提取的文字超过 " + limits.maxChars() + " 字符", t.toString());
            }
            if (c instanceof OutOfMemoryError) {
                return failed(FailureKind.TOO_LARGE, "解压后内容过大", t.toString());
            }
        }
        return failed(FailureKind.CORRUPT, corruptDetail(bytes), String.valueOf(t));
    }

    /** What kind of file could not be parsed, from its magic bytes, so that the message says more than "损坏". */
    private static String corruptDetail(byte[] b) {
        if (ZipBombGuard.isZip(b)) {
            return "Office 文档（docx 等）的内部结构损坏，常见原因是文件没有完整上传或下载";
        }
        if (b.length >= 5 && new String(b, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1).equals("%PDF-")) {
            return PdfExtractor.truncated(b) ? "PDF 文件不完整（缺少结尾），可能没有完整上传或下载" : "PDF 内部结构损坏";
        }
        if (b.length >= 8 && (b[0] & 0xFF) == 0xD0 && (b[1] & 0xFF) == 0xCF && (b[2] & 0xFF) == 0x11
                && (b[3] & 0xFF) == 0xE0) {
            return "Word 97-2003（.doc）等旧格式文件的内部结构损坏";
        }
        return null;
    }

    private static ExtractionResult failed(FailureKind kind, String detail, String cause) {
        return new ExtractionResult.Failed(detail == null ? Failure.of(kind, cause) : Failure.of(kind, detail, cause));
    }

    /** @return the number of CJK ideographs, letters and digits in {@code s} */
    public static int meaningfulCharsOf(String s) {
        return meaningfulChars(s);
    }

    /** @return the number of CJK ideographs, letters and digits in {@code s} */
    static int meaningfulChars(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetterOrDigit(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    @Override
    public void close() {
        if (processes != null) {
            processes.close();
        }
        pool.shutdownNow();
    }
}
