package org.shuzhi.pipeline.extract;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.shuzhi.pipeline.dict.TermList;
import org.shuzhi.pipeline.model.Extraction;
import org.shuzhi.pipeline.model.Failure;
import org.shuzhi.pipeline.model.FailureKind;

/**
 * The text of a scan: a PDF whose pages have no text layer (each page rendered at {@link ExtractionLimits#ocrDpi()})
 * or an image file (jpg, png, tif with all its pages, bmp, gif), recognised page by page with {@link TesseractOcr}.
 * The recognised lines are re-joined into paragraphs by the PDF rules ({@link PdfLineJoiner}), and every paragraph
 * keeps the mean confidence of its lines ({@link Extraction.OcrInfo}).
 *
 * <p>Limits: at most {@link ExtractionLimits#maxOcrPages()} pages (more → TOO_LARGE), each within
 * {@link ExtractionLimits#ocrPageTimeoutSeconds()} (longer → TIMEOUT; the Tesseract process is killed).
 */
final class OcrReader {
    private final TesseractOcr ocr;
    private final ExtractionLimits limits;
    private final TermList boilerplate;

    OcrReader(TesseractOcr ocr, ExtractionLimits limits, TermList boilerplate) {
        this.ocr = ocr;
        this.limits = limits;
        this.boilerplate = boilerplate;
    }

    /** A source of page images. */
    private interface Pages {
        int count();

        BufferedImage page(int i) throws IOException;
    }

    /**
     * @param bytes the file
     * @param pdf   true for a PDF (pages rendered), false for an image file
     */
    ExtractionResult read(byte[] bytes, boolean pdf) {
        try {
            if (pdf) {
                try (PDDocument doc = Loader.loadPDF(bytes)) {
                    PDFRenderer renderer = new PDFRenderer(doc);
                    return recognise(new Pages() {
                        public int count() {
                            return doc.getNumberOfPages();
                        }

                        public BufferedImage page(int i) throws IOException {
                            return renderer.renderImageWithDPI(i, limits.ocrDpi(), ImageType.RGB);
                        }
                    }, "application/pdf", limits.ocrDpi());
                }
            }
            List<BufferedImage> images = images(bytes);
            if (images.isEmpty()) {
                return new ExtractionResult.Failed(Failure.of(FailureKind.CORRUPT, "图片无法解码", "no image reader"));
            }
            return recognise(new Pages() {
                public int count() {
                    return images.size();
                }

                public BufferedImage page(int i) {
                    return images.get(i);
                }
            }, "image", 0);
        } catch (IOException | RuntimeException e) {
            return new ExtractionResult.Failed(Failure.of(FailureKind.CORRUPT, "扫描件无法读取以进行文字识别",
                    e.toString()));
        }
    }

    private ExtractionResult recognise(Pages pages, String mediaType, int dpi) throws IOException {
        int n = pages.count();
        if (n > limits.maxOcrPages()) {
            return new ExtractionResult.Failed(new Failure(FailureKind.TOO_LARGE, FailureKind.TOO_LARGE.message()
                    + "：扫描件共 " + n + " 页，超过文字识别上限 " + limits.maxOcrPages() + " 页",
                    "请确认文件内容无误；如确需识别，可用 --max-ocr-pages 调高上限。", "ocr pages " + n));
        }
        List<List<PdfLine>> lines = new ArrayList<>();
        List<List<TesseractOcr.Line>> recognised = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<TesseractOcr.Line> page;
            try {
                page = ocr.recognise(pages.page(i), limits.ocrPageTimeoutSeconds());
            } catch (TimeoutException e) {
                return new ExtractionResult.Failed(new Failure(FailureKind.TIMEOUT, FailureKind.TIMEOUT.message()
                        + "：第 " + (i + 1) + " 页文字识别超过 " + limits.ocrPageTimeoutSeconds() + " 秒，已停止识别",
                        "请确认扫描件清晰；如确需识别，可用 --ocr-page-timeout 调高每页时限。", e.getMessage()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new ExtractionResult.Failed(Failure.of(FailureKind.TIMEOUT, "文字识别被中断", "interrupted"));
            }
            recognised.add(page);
            lines.add(page.stream().map(l -> new PdfLine(l.text(), l.left(), l.right(), l.height())).toList());
        }
        PdfLineJoiner.Joined j = PdfLineJoiner.join(lines, boilerplate);
        String text = j.text();
        if (Extractor.meaningfulChars(text) < limits.minTextChars()) {
            return new ExtractionResult.Failed(Failure.of(FailureKind.SCANNED_NO_TEXT,
                    n + " 页图片经文字识别（OCR）仍没有可读文字", "ocr found no text"));
        }
        if (text.length() > limits.maxChars()) {
            return new ExtractionResult.Failed(Failure.of(FailureKind.TOO_LARGE, "文字超过 " + limits.maxChars() + " 字符",
                    "text limit"));
        }
        List<Extraction.ParagraphConfidence> conf = paragraphConfidence(text, recognised);
        double mean = conf.stream().mapToDouble(Extraction.ParagraphConfidence::confidence).average().orElse(0);
        Extraction.OcrInfo info = new Extraction.OcrInfo(ocr.engine(), dpi, mean, conf);
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "本文由文字识别（OCR）得到：%s%s，%d 页，平均置信度 %.0f；识别可能有错字，"
                        + "引用前请与原件核对，雷同比对结果仅供核实", ocr.engine(), dpi > 0 ? "，" + dpi + " dpi" : "", n,
                mean));
        if (!j.dropped().isEmpty()) {
            notes.add("删除页码、页眉页脚 " + j.dropped().size() + " 行，如：" + j.dropped().get(0));
        }
        return new ExtractionResult.Text(new Extraction(mediaType.equals("image") ? "image/ocr" : mediaType, null, n,
                text.length(), notes, info, null), text, j.pageStarts());
    }

    /**
     * Each paragraph of the joined text with the mean confidence of the lines it was made of: the lines are found
     * in the text in order (dropped furniture lines are simply not found).
     */
    static List<Extraction.ParagraphConfidence> paragraphConfidence(String text,
                                                                    List<List<TesseractOcr.Line>> pages) {
        String[] paras = text.split("\n", -1);
        int[] starts = new int[paras.length];
        for (int i = 1; i < paras.length; i++) {
            starts[i] = starts[i - 1] + paras[i - 1].length() + 1;
        }
        double[] sum = new double[paras.length];
        int[] weight = new int[paras.length];
        int[] page = new int[paras.length];
        int cursor = 0;
        int p = 0;
        for (int pg = 0; pg < pages.size(); pg++) {
            for (TesseractOcr.Line l : pages.get(pg)) {
                int at = text.indexOf(l.text(), cursor);
                if (at < 0 || l.text().isEmpty()) {
                    continue;
                }
                cursor = at + l.text().length();
                while (p + 1 < paras.length && starts[p + 1] <= at) {
                    p++;
                }
                if (weight[p] == 0) {
                    page[p] = pg + 1;
                }
                sum[p] += l.confidence() * l.text().length();
                weight[p] += l.text().length();
            }
        }
        List<Extraction.ParagraphConfidence> out = new ArrayList<>();
        for (int i = 0; i < paras.length; i++) {
            if (weight[i] > 0) {
                String s = paras[i];
                out.add(new Extraction.ParagraphConfidence(page[i], s.substring(0, Math.min(20, s.length())),
                        Math.round(sum[i] / weight[i] * 10) / 10.0));
            }
        }
        return out;
    }

    /** Every frame of an image file (a multi-page TIFF has several). */
    static List<BufferedImage> images(byte[] bytes) throws IOException {
        List<BufferedImage> out = new ArrayList<>();
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return out;
            }
            ImageReader r = readers.next();
            try {
                r.setInput(in);
                int n = r.getNumImages(true);
                for (int i = 0; i < n; i++) {
                    out.add(r.read(i));
                }
            } finally {
                r.dispose();
            }
        }
        return out;
    }
}
