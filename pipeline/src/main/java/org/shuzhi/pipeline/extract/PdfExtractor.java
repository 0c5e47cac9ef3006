package org.shuzhi.pipeline.extract;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.shuzhi.pipeline.dict.TermList;
import org.shuzhi.pipeline.model.Extraction;
import org.shuzhi.pipeline.model.Failure;
import org.shuzhi.pipeline.model.FailureKind;

/**
 * PDF text with PDFBox, page by page, so that page furniture can be told from content ({@link PdfLineJoiner}).
 * A PDF that needs a password is ENCRYPTED; one whose pages carry images but (almost) no text is SCANNED_NO_TEXT.
 */
final class PdfExtractor {
    private final TermList boilerplate;
    private final ExtractionLimits limits;

    PdfExtractor(TermList boilerplate, ExtractionLimits limits) {
        this.boilerplate = boilerplate;
        this.limits = limits;
    }

    ExtractionResult extract(byte[] bytes) throws IOException {
        try (PDDocument doc = Loader.loadPDF(bytes)) {
            int n = doc.getNumberOfPages();
            long inflated = inflatedSize(doc, limits.maxInflatedBytes());
            if (inflated > limits.maxInflatedBytes()) {
                return new ExtractionResult.Failed(new Failure(FailureKind.TOO_LARGE, FailureKind.TOO_LARGE.message()
                        + String.format(java.util.Locale.ROOT, "：PDF 内容流解压后超过 %.1f MB，疑似“压缩炸弹”，已停止解析",
                        limits.maxInflatedBytes() / 1048576.0), "请用 PDF 阅读器打开该文件确认内容正常，重新导出 PDF 后再提交。",
                        "pdf streams inflated beyond " + limits.maxInflatedBytes() + " bytes"));
            }
            PdfLineCollector collector = new PdfLineCollector();
            String all = collector.getText(doc);
            if (all.length() > limits.maxChars()) {
                return new ExtractionResult.Failed(Failure.of(FailureKind.TOO_LARGE,
                        "文字超过 " + limits.maxChars() + " 字符", "text limit"));
            }
            List<List<PdfLine>> pages = collector.pages();
            PdfLineJoiner.Joined j = PdfLineJoiner.join(pages, boilerplate);
            List<String> notes = new ArrayList<>();
            if (!j.dropped().isEmpty()) {
                notes.add("删除页码、页眉页脚 " + j.dropped().size() + " 行，如：" + j.dropped().get(0));
            }
            if (Extractor.meaningfulChars(j.text()) < limits.minTextChars()) {
                return new ExtractionResult.Failed(hasImages(doc)
                        ? Failure.of(FailureKind.SCANNED_NO_TEXT, n + " 页均为图片", "no text layer")
                        : Failure.of(FailureKind.EMPTY, "PDF 中没有文字", "no text"));
            }
            if (!TextDecoder.plausible(j.text()) || TextDecoder.symbolSoup(j.text())) {
                return new ExtractionResult.Failed(Failure.of(FailureKind.CORRUPT, "提取出的文字是乱码（字体缺少字符映射"
                        + (truncated(bytes) ? "，且文件不完整" : "") + "）", "garbled text"));
            }
            if (truncated(bytes)) {
                notes.add("PDF 文件不完整（结尾缺少 %%EOF 标记，可能未传完），已尽量读取，文字可能缺失");
            }
            return new ExtractionResult.Text(new Extraction("application/pdf", null, n, j.text().length(), notes),
                    j.text(), j.pageStarts());
        } catch (InvalidPasswordException e) {
            return new ExtractionResult.Failed(Failure.of(FailureKind.ENCRYPTED, e.getMessage()));
        }
    }

    /**
     * A PDF ends with {@code %%EOF} (PDF 32000-1 §7.5.5); readers such as Acrobat accept it anywhere in the last 1024
     * bytes. Without it the file was cut off, e.g. by an interrupted upload.
     */
    static boolean truncated(byte[] bytes) {
        int from = Math.max(0, bytes.length - 1024);
        String tail = new String(bytes, from, bytes.length - from, java.nio.charset.StandardCharsets.ISO_8859_1);
        return !tail.contains("%%EOF");
    }

    /** Filters that decode image data, which text extraction never inflates. */
    private static final java.util.Set<COSName> IMAGE_CODECS = java.util.Set.of(COSName.DCT_DECODE,
            COSName.JPX_DECODE, COSName.JBIG2_DECODE, COSName.CCITTFAX_DECODE);

    /**
     * The PDF counterpart of {@link ZipBombGuard}: the bytes that the document's streams (page contents, forms,
     * fonts; not images) inflate to, counted by decoding them and stopping past {@code limit}. PDFBox streams a content
     * stream while it extracts text and never checks for interrupts, so a content stream of gigabytes of filler ran on
     * for minutes after its parse was reported as TIMEOUT (1 GiB of spaces: 3.6 s of CPU on this machine). A stream
     * that fails to decode is left to text extraction.
     *
     * @return the inflated size, or the first count past {@code limit}
     */
    static long inflatedSize(PDDocument doc, long limit) {
        byte[] buf = new byte[65536];
        long total = 0;
        org.apache.pdfbox.cos.COSDocument cos = doc.getDocument();
        for (org.apache.pdfbox.cos.COSObjectKey key : new ArrayList<>(cos.getXrefTable().keySet())) {
            try {
                if (!(cos.getObjectFromPool(key).getObject() instanceof org.apache.pdfbox.cos.COSStream stream)
                        || isImage(stream.getFilters())) {
                    continue;
                }
                try (java.io.InputStream in = stream.createInputStream()) {
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        total += n;
                        if (total > limit) {
                            return total;
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                // a broken object or stream: text extraction decides what it means
            }
        }
        return total;
    }

    private static boolean isImage(org.apache.pdfbox.cos.COSBase filters) {
        if (filters instanceof COSName name) {
            return IMAGE_CODECS.contains(name);
        }
        if (filters instanceof org.apache.pdfbox.cos.COSArray array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.getObject(i) instanceof COSName name && IMAGE_CODECS.contains(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasImages(PDDocument doc) throws IOException {
        for (PDPage page : doc.getPages()) {
            PDResources r = page.getResources();
            if (r == null) {
                continue;
            }
            for (COSName name : r.getXObjectNames()) {
                if (r.getXObject(name) instanceof PDImageXObject) {
                    return true;
                }
            }
        }
        return false;
    }
}
