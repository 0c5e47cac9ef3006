package org.shuzhi.pipeline.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shuzhi.pipeline.Repo;
import org.shuzhi.pipeline.dict.Dictionaries;
import org.shuzhi.pipeline.dict.TermList;
import org.shuzhi.pipeline.model.Failure;
import org.shuzhi.pipeline.model.FailureKind;

/** OCR of scans with Tesseract; the tests that run the engine skip when it is not installed (.ci/run installs it). */
class OcrReaderTest {
    @TempDir
    Path tmp;

    private static TermList boilerplate() {
        return Repo.dictionaries().list(Dictionaries.BOILERPLATE_LINES);
    }

    private static TesseractOcr engine() {
        TesseractOcr t = TesseractOcr.find("tesseract");
        Assumptions.assumeTrue(t != null, "跳过：未安装 tesseract 及 chi_sim 模型（apt-get install tesseract-ocr "
                + "tesseract-ocr-chi-sim；.ci/run 会安装）");
        return t;
    }

    /** Page 1 of a sample PDF, rendered at 300 dpi as a photo-like PNG. */
    private Path pagePng() throws Exception {
        Path png = tmp.resolve("page.png");
        try (PDDocument d = Loader.loadPDF(Repo.samples().resolve("units/rendered/baisha-town-2025.pdf").toFile())) {
            BufferedImage img = new PDFRenderer(d).renderImageWithDPI(0, 300, ImageType.RGB);
            ImageIO.write(img, "png", png.toFile());
        }
        return png;
    }

    @Test
    void readsAPageImageAndMarksTheTextAsOcrWithParagraphConfidences() throws Exception {
        TesseractOcr ocr = engine();
        try (Extractor ex = new Extractor(ExtractionLimits.DEFAULT, boilerplate(), ocr, true)) {
            ExtractionResult r = ex.extract(pagePng());
            ExtractionResult.Text t = assertInstanceOf(ExtractionResult.Text.class, r, r::toString);
            assertTrue(t.info().fromOcr());
            assertTrue(t.text().contains("基层党组织"), t.text());
            assertTrue(t.info().ocr().meanConfidence() > 60, t.info().ocr()::toString);
            assertTrue(t.info().ocr().paragraphs().size() >= 3, t.info().ocr()::toString);
            assertTrue(t.info().notes().get(0).contains("OCR"), t.info().notes()::toString);
        }
    }

    @Test
    void aScannedPdfIsReadWithOcrAndWithoutItStaysScannedNoText() throws Exception {
        Path scan = Repo.samples().resolve("broken/scanned.pdf");
        try (Extractor off = new Extractor(ExtractionLimits.DEFAULT, boilerplate())) {
            Failure f = assertInstanceOf(ExtractionResult.Failed.class, off.extract(scan)).failure();
            assertEquals(FailureKind.SCANNED_NO_TEXT, f.kind());
        }
        // OCR wanted but not installed: the same failure, with how to install it
        try (Extractor missing = new Extractor(ExtractionLimits.DEFAULT, boilerplate(), null, true)) {
            Failure f = assertInstanceOf(ExtractionResult.Failed.class, missing.extract(scan)).failure();
            assertEquals(FailureKind.SCANNED_NO_TEXT, f.kind());
            assertTrue(f.hint().contains("tesseract-ocr-chi-sim"), f.hint());
        }
        TesseractOcr ocr = engine();
        try (Extractor on = new Extractor(ExtractionLimits.DEFAULT, boilerplate(), ocr, true)) {
            ExtractionResult r = on.extract(scan);
            ExtractionResult.Text t = assertInstanceOf(ExtractionResult.Text.class, r, r::toString);
            assertTrue(t.text().contains("述职评议"), t.text());
            assertEquals(1, t.info().pages());
        }
    }

    @Test
    void aPageThatOverrunsItsTimeIsStoppedAsTimeout() throws Exception {
        TesseractOcr ocr = engine();
        ExtractionLimits oneSecond = new ExtractionLimits(50L << 20, 2_000_000, 60, 20, 128L << 20, 300, 100, 1);
        Path big = tmp.resolve("big.png");
        // a 600 dpi page takes Tesseract well over a second on any machine
        try (PDDocument d = Loader.loadPDF(Repo.samples().resolve("units/rendered/baisha-town-2025.pdf").toFile())) {
            ImageIO.write(new PDFRenderer(d).renderImageWithDPI(0, 600, ImageType.RGB), "png", big.toFile());
        }
        try (Extractor ex = new Extractor(oneSecond, boilerplate(), ocr, true)) {
            Failure f = assertInstanceOf(ExtractionResult.Failed.class, ex.extract(big)).failure();
            assertEquals(FailureKind.TIMEOUT, f.kind());
            assertTrue(f.hint().contains("--ocr-page-timeout"), f.hint());
        }
    }

    @Test
    void parsesTesseractTsvIntoLinesWithConfidenceAndChinesePunctuation() {
        String tsv = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
                + "4\t1\t1\t1\t1\t0\t100\t50\t400\t40\t-1\t\n"
                + "5\t1\t1\t1\t1\t1\t100\t50\t120\t40\t90\t全年发展\n"
                + "5\t1\t1\t1\t1\t2\t220\t50\t80\t40\t80\t党员,\n"
                + "5\t1\t1\t1\t1\t3\t300\t50\t200\t40\t70\t\"三会一课\"\n"
                + "5\t1\t1\t1\t2\t1\t100\t100\t100\t40\t95\t3.5\n";
        List<TesseractOcr.Line> lines = TesseractOcr.parse(tsv);
        assertEquals(2, lines.size());
        assertEquals("全年发展党员，“三会一课”", lines.get(0).text());
        assertEquals(100, lines.get(0).left());
        assertEquals(500, lines.get(0).right());
        assertEquals("3.5", lines.get(1).text());
        assertTrue(lines.get(0).confidence() > 70 && lines.get(0).confidence() < 90);
        assertFalse(TesseractOcr.fullWidthPunctuation("version 5.3, ok").contains("，"));
    }
}
