package org.shuzhi.app;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.shuzhi.pipeline.dict.TermList;
import org.shuzhi.pipeline.dict.TextFold;
import org.shuzhi.pipeline.extract.ExtractionLimits;
import org.shuzhi.pipeline.extract.ExtractionResult;
import org.shuzhi.pipeline.extract.Extractor;
import org.shuzhi.pipeline.extract.TesseractOcr;

/**
 * Measures OCR on scans made from real text: each PDF's pages are rendered at 300 dpi (PDFBox), turned by a slight
 * rotation, stamped with a red seal (a ring, a star and the unit's name, drawn with Java2D) over the text, and
 * wrapped as JPEG page images into a PDF without a text layer; the scan is then read back with OCR and compared with
 * the original PDF's text layer.
 *
 * <p>Character error rate (CER) = Levenshtein distance (insertions, deletions, substitutions of characters) between
 * the recognised and the original text ÷ length of the original, both with whitespace removed and full/half-width
 * forms folded ({@link TextFold#fold}); pages per second = pages ÷ wall time of the OCR extractions (one thread).
 */
public final class OcrBenchmark {
    /** Result of one file. */
    public record FileResult(String name, int pages, int refChars, int errors, double seconds) {
        public double cer() {
            return refChars == 0 ? 0 : (double) errors / refChars;
        }
    }

    private final PrintWriter out;
    private final TermList boilerplate;

    public OcrBenchmark(PrintWriter out, TermList boilerplate) {
        this.out = out;
        this.boilerplate = boilerplate;
    }

    /**
     * @param pdfs    PDFs with a text layer (the reference)
     * @param work    where the scans are written
     * @param degrees the rotation of the scans, degrees
     * @return per-file results
     */
    public List<FileResult> run(List<Path> pdfs, Path work, double degrees) throws IOException {
        TesseractOcr engine = TesseractOcr.find("tesseract");
        if (engine == null) {
            throw new IOException(TesseractOcr.INSTALL_HINT);
        }
        List<FileResult> results = new ArrayList<>();
        try (Extractor plain = new Extractor(ExtractionLimits.DEFAULT, boilerplate);
             Extractor ocr = new Extractor(ExtractionLimits.DEFAULT, boilerplate, engine, true)) {
            for (Path pdf : pdfs) {
                if (!(plain.extract(pdf) instanceof ExtractionResult.Text ref)) {
                    out.println("跳过（没有文字层）：" + pdf);
                    continue;
                }
                Path scan = work.resolve(pdf.getFileName().toString().replace(".pdf", "-scan.pdf"));
                int pages = scan(pdf, scan, degrees, 300);
                long t0 = System.nanoTime();
                ExtractionResult r = ocr.extract(scan);
                double s = (System.nanoTime() - t0) / 1e9;
                String got = r instanceof ExtractionResult.Text t ? t.text() : "";
                String a = normal(ref.text());
                String b = normal(got);
                FileResult fr = new FileResult(pdf.getFileName().toString(), pages, a.length(), distance(a, b), s);
                results.add(fr);
                out.printf(Locale.ROOT, "%-36s %2d 页  CER %5.2f%%  %6.1f 秒%n", fr.name(), pages, fr.cer() * 100, s);
            }
        }
        int pages = results.stream().mapToInt(FileResult::pages).sum();
        long errors = results.stream().mapToLong(FileResult::errors).sum();
        long chars = results.stream().mapToLong(FileResult::refChars).sum();
        double secs = results.stream().mapToDouble(FileResult::seconds).sum();
        out.printf(Locale.ROOT, "合计：%d 个文件，%d 页，%d 字；字符错误率 CER %.2f%%；%.2f 页/秒（%s，单线程）%n",
                results.size(), pages, chars, chars == 0 ? 0 : 100.0 * errors / chars, pages / Math.max(1e-9, secs),
                engine.engine());
        return results;
    }

    /**
     * Writes a scan of {@code pdf}: every page rendered at {@code dpi}, rotated by {@code degrees}, with a red seal
     * over the text of the last page, as JPEG images in a PDF without text.
     *
     * @return the number of pages
     */
    public static int scan(Path pdf, Path target, double degrees, int dpi) throws IOException {
        try (PDDocument src = Loader.loadPDF(pdf.toFile()); PDDocument dst = new PDDocument()) {
            PDFRenderer r = new PDFRenderer(src);
            int n = src.getNumberOfPages();
            for (int i = 0; i < n; i++) {
                BufferedImage page = r.renderImageWithDPI(i, dpi, ImageType.RGB);
                BufferedImage scanned = rotate(page, (i % 2 == 0 ? 1 : -1) * degrees);
                if (i == n - 1 || i == 0) {
                    seal(scanned, scanned.getWidth() * 0.62, scanned.getHeight() * (i == 0 ? 0.22 : 0.55),
                            dpi * 1.65);
                }
                PDRectangle box = src.getPage(i).getMediaBox();
                PDPage p = new PDPage(box);
                dst.addPage(p);
                PDImageXObject img = JPEGFactory.createFromImage(dst, scanned, 0.85f);
                try (PDPageContentStream cs = new PDPageContentStream(dst, p)) {
                    cs.drawImage(img, 0, 0, box.getWidth(), box.getHeight());
                }
            }
            dst.save(target.toFile());
            return n;
        }
    }

    /** The page turned about its centre, the uncovered corners white, as a hand-fed scanner does. */
    static BufferedImage rotate(BufferedImage in, double degrees) {
        BufferedImage out = new BufferedImage(in.getWidth(), in.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, in.getWidth(), in.getHeight());
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(in, AffineTransform.getRotateInstance(Math.toRadians(degrees), in.getWidth() / 2.0,
                in.getHeight() / 2.0), null);
        g.dispose();
        return out;
    }

    /** A red official seal (ring, star, arc of text), semi-transparent like stamp ink, centred at x, y. */
    static void seal(BufferedImage img, double x, double y, double diameter) {
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(220, 30, 30, 170));
        double rad = diameter / 2;
        g.setStroke(new BasicStroke((float) (diameter / 40)));
        g.drawOval((int) (x - rad), (int) (y - rad), (int) diameter, (int) diameter);
        java.awt.geom.Path2D star = new java.awt.geom.Path2D.Double();
        for (int k = 0; k < 10; k++) {
            double rr = k % 2 == 0 ? rad * 0.28 : rad * 0.11;
            double a = -Math.PI / 2 + k * Math.PI / 5;
            if (k == 0) {
                star.moveTo(x + rr * Math.cos(a), y + rr * Math.sin(a));
            } else {
                star.lineTo(x + rr * Math.cos(a), y + rr * Math.sin(a));
            }
        }
        star.closePath();
        g.fill(star);
        String name = "中共某某委员会组织部";
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, (int) (diameter / 9)));
        for (int k = 0; k < name.length(); k++) {
            double a = Math.toRadians(-160 + k * 140.0 / (name.length() - 1));
            AffineTransform t = g.getTransform();
            g.translate(x + rad * 0.75 * Math.cos(a), y + rad * 0.75 * Math.sin(a));
            g.rotate(a + Math.PI / 2);
            g.drawString(name.substring(k, k + 1), (int) (-diameter / 18), 0);
            g.setTransform(t);
        }
        g.dispose();
    }

    /** Whitespace removed, full/half width folded. */
    static String normal(String s) {
        return TextFold.fold(s).replaceAll("\\s+", "");
    }

    /** Levenshtein distance, two rows. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (ca == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** @return the PDFs of a folder, sorted */
    public static List<Path> pdfs(Path dir) throws IOException {
        try (var s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".pdf")).sorted().toList();
        }
    }
}
