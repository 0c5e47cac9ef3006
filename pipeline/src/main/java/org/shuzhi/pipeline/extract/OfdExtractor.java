package org.shuzhi.pipeline.extract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.ofdrw.core.basicStructure.pageObj.layer.block.TextObject;
import org.ofdrw.core.basicType.ST_Array;
import org.ofdrw.core.basicType.ST_Box;
import org.ofdrw.core.text.TextCode;
import org.ofdrw.reader.ContentExtractor;
import org.ofdrw.reader.OFDReader;
import org.shuzhi.pipeline.dict.TermList;
import org.shuzhi.pipeline.model.Extraction;
import org.shuzhi.pipeline.model.Failure;
import org.shuzhi.pipeline.model.FailureKind;

/**
 * OFD (GB/T 33190-2016, the national fixed-layout format for official documents) text with ofdrw-reader, page by
 * page in the document's page order: each page's text codes are placed by their position (millimetres on the page:
 * the text object's boundary plus the code's X/Y, its width from DeltaX, §11.3 of the standard), grouped into lines
 * by baseline and read top to bottom, left to right; the lines then go through the same paragraph re-joining and
 * header/footer removal as PDF lines ({@link PdfLineJoiner}).
 *
 * <p>Failure kinds, as for PDFs: a package with {@code Encryptions.xml} (GM/T 0099 encryption) is ENCRYPTED; a
 * package ofdrw cannot open is CORRUPT; pages with images but (almost) no text are SCANNED_NO_TEXT (the caller may
 * OCR the images, {@link #images}). The caller has already checked the package with {@link ZipBombGuard}.
 * ofdrw unpacks the package into a temporary folder, deleted when the reader is closed.
 */
final class OfdExtractor {
    private final TermList boilerplate;
    private final ExtractionLimits limits;

    OfdExtractor(TermList boilerplate, ExtractionLimits limits) {
        this.boilerplate = boilerplate;
        this.limits = limits;
    }

    /** @return true if {@code bytes} are a zip package with an {@code OFD.xml} entry point (GB/T 33190 §7.3) */
    static boolean isOfd(byte[] bytes) {
        return ZipBombGuard.isZip(bytes) && entries(bytes).stream().anyMatch(n -> n.equalsIgnoreCase("OFD.xml"));
    }

    /** @return the entry names of a zip package, or what could be read of them */
    static List<String> entries(byte[] bytes) {
        List<String> names = new ArrayList<>();
        try (ZipArchiveInputStream zip = new ZipArchiveInputStream(new ByteArrayInputStream(bytes), "UTF-8", true,
                true)) {
            ZipArchiveEntry e;
            while ((e = zip.getNextEntry()) != null) {
                names.add(e.getName());
            }
        } catch (IOException | RuntimeException e) {
            // a broken package: ofdrw decides
        }
        return names;
    }

    ExtractionResult extract(byte[] bytes) {
        List<String> names = entries(bytes);
        if (names.stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).endsWith("encryptions.xml"))) {
            return new ExtractionResult.Failed(Failure.of(FailureKind.ENCRYPTED, "OFD 文件已加密（含 Encryptions.xml）",
                    "ofd encrypted"));
        }
        List<List<PdfLine>> pages = new ArrayList<>();
        int n;
        try (InputStream in = new ByteArrayInputStream(bytes); OFDReader reader = new OFDReader(in)) {
            n = reader.getNumberOfPages();
            ContentExtractor ce = new ContentExtractor(reader);
            for (int p = 1; p <= n; p++) {
                pages.add(lines(ce.getPageTextObject(p)));
            }
        } catch (IOException | RuntimeException e) {
            return new ExtractionResult.Failed(Failure.of(FailureKind.CORRUPT, "OFD 文件内部结构损坏", e.toString()));
        } catch (Exception e) {
            return new ExtractionResult.Failed(Failure.of(FailureKind.CORRUPT, "OFD 文件无法解析", e.toString()));
        }
        PdfLineJoiner.Joined j = PdfLineJoiner.join(pages, boilerplate);
        if (j.text().length() > limits.maxChars()) {
            return new ExtractionResult.Failed(Failure.of(FailureKind.TOO_LARGE, "文字超过 " + limits.maxChars() + " 字符",
                    "text limit"));
        }
        if (Extractor.meaningfulChars(j.text()) < limits.minTextChars()) {
            boolean images = names.stream().map(s -> s.toLowerCase(Locale.ROOT))
                    .anyMatch(s -> s.endsWith(".jpg") || s.endsWith(".jpeg") || s.endsWith(".png")
                            || s.endsWith(".tif") || s.endsWith(".tiff") || s.endsWith(".bmp"));
            return new ExtractionResult.Failed(images
                    ? Failure.of(FailureKind.SCANNED_NO_TEXT, n + " 页 OFD 均为图片", "no text layer")
                    : Failure.of(FailureKind.EMPTY, "OFD 中没有文字", "no text"));
        }
        List<String> notes = new ArrayList<>();
        if (!j.dropped().isEmpty()) {
            notes.add("删除页码、页眉页脚 " + j.dropped().size() + " 行，如：" + j.dropped().get(0));
        }
        return new ExtractionResult.Text(new Extraction("application/ofd", null, n, j.text().length(), notes),
                j.text(), j.pageStarts());
    }

    /** One text code placed on the page, millimetres. */
    private record Placed(String text, double x, double right, double baseline, double size) {
    }

    /** The page's text codes as lines, top to bottom; codes on one baseline (within ⅓ of the size) are one line. */
    static List<PdfLine> lines(List<TextObject> objects) {
        List<Placed> codes = new ArrayList<>();
        for (TextObject t : objects) {
            ST_Box b = t.getBoundary();
            double bx = b == null ? 0 : b.getTopLeftX();
            double by = b == null ? 0 : b.getTopLeftY();
            double size = t.getSize() == null ? 3.5 : t.getSize();
            double lastX = 0;
            double lastY = 0;
            for (TextCode c : t.getTextCodes()) {
                String s = c.getContent();
                if (s == null || s.isBlank()) {
                    continue;
                }
                double x = c.getX() == null ? lastX : c.getX();
                double y = c.getY() == null ? lastY : c.getY();
                int chars = s.codePointCount(0, s.length());
                double width = width(c.getDeltaX(), chars, size);
                String text = s.strip();
                // leading blanks (a first-line indent typed as spaces) move the text's start, as a PDF glyph would
                int lead = s.indexOf(text.charAt(0));
                double start = x + width * lead / Math.max(1, chars);
                codes.add(new Placed(text, bx + start, bx + x + width, by + y, size));
                lastX = x + width;
                lastY = y;
            }
        }
        codes.sort(Comparator.comparingDouble(Placed::baseline).thenComparingDouble(Placed::x));
        List<PdfLine> out = new ArrayList<>();
        List<Placed> line = new ArrayList<>();
        for (Placed p : codes) {
            if (!line.isEmpty() && Math.abs(p.baseline() - line.get(0).baseline()) > line.get(0).size() / 3) {
                out.add(toLine(line));
                line.clear();
            }
            line.add(p);
        }
        if (!line.isEmpty()) {
            out.add(toLine(line));
        }
        return out;
    }

    private static PdfLine toLine(List<Placed> codes) {
        codes.sort(Comparator.comparingDouble(Placed::x));
        StringBuilder sb = new StringBuilder();
        double em = 0;
        Placed prev = null;
        for (Placed p : codes) {
            if (prev != null && p.x() - prev.right() > prev.size() * 0.8) {
                sb.append(' ');
            }
            sb.append(p.text());
            em = Math.max(em, p.size());
            prev = p;
        }
        return new PdfLine(sb.toString().strip(), (float) codes.get(0).x(), (float) prev.right(), (float) em);
    }

    /**
     * The advance of a text code: the sum of its DeltaX (with the {@code g n v} repeat shorthand of GB/T 33190
     * §11.3), plus one character for the last glyph; without DeltaX, one {@code size} per character.
     */
    static double width(ST_Array deltaX, int chars, double size) {
        if (deltaX == null || chars <= 1) {
            return chars * size;
        }
        List<String> a = deltaX.getArray();
        double sum = 0;
        int used = 0;
        for (int i = 0; i < a.size() && used < chars - 1; i++) {
            if (a.get(i).equals("g") && i + 2 < a.size()) {
                int times = (int) Double.parseDouble(a.get(i + 1));
                double v = Double.parseDouble(a.get(i + 2));
                int take = Math.min(times, chars - 1 - used);
                sum += take * v;
                used += take;
                i += 2;
            } else {
                sum += Double.parseDouble(a.get(i));
                used++;
            }
        }
        return sum + size;
    }
}
