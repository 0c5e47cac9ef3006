package org.shuzhi.pipeline.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.shuzhi.pipeline.Repo;
import org.shuzhi.pipeline.dict.Dictionaries;
import org.shuzhi.pipeline.model.FailureKind;

class ExtractorTest {
    private static final String SAMPLE = "今年以来，我认真履行第一责任人职责，全年发展党员12名，开展主题党日活动24次。\n存在的问题：理论学习不够深入。\n";
    private static Extractor extractor;

    @TempDir
    Path tmp;

    @BeforeAll
    static void setUp() {
        extractor = new Extractor(new ExtractionLimits(1 << 20, 100_000, 30, 20),
                Repo.dictionaries().list(Dictionaries.BOILERPLATE_LINES));
    }

    @AfterAll
    static void tearDown() {
        extractor.close();
    }

    private ExtractionResult.Text text(Path p) {
        ExtractionResult r = extractor.extract(p);
        return assertInstanceOf(ExtractionResult.Text.class, r, () -> p + " → " + r);
    }

    private FailureKind failure(Path p) {
        ExtractionResult r = extractor.extract(p);
        return assertInstanceOf(ExtractionResult.Failed.class, r, () -> p + " → " + r).failure().kind();
    }

    @ParameterizedTest
    @CsvSource({"GBK", "GB18030", "UTF-8", "UTF-16"})
    void detectsTheCharsetOfPlainTextFromTheBytes(String charset) throws Exception {
        Path f = tmp.resolve("report-" + charset + ".txt");
        Files.write(f, SAMPLE.getBytes(Charset.forName(charset)));
        assertEquals(SAMPLE.strip(), text(f).text().strip());
    }

    @Test
    void gbkTextWithADocxNameIsStillReadAsText() throws Exception {
        Path f = tmp.resolve("named-wrong.doc");
        Files.write(f, SAMPLE.getBytes("GBK"));
        assertTrue(text(f).text().contains("发展党员12名"));
    }

    @Test
    void mojibakeIsMisEncoded() throws Exception {
        Path f = tmp.resolve("mojibake.txt");
        String mojibake = new String(SAMPLE.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        Files.writeString(f, mojibake.repeat(3), StandardCharsets.UTF_8);
        assertEquals(FailureKind.MIS_ENCODED, failure(f));
    }

    @Test
    void binaryGarbageNamedDocxIsCorruptAndTooLargeIsRefused() throws Exception {
        Path f = tmp.resolve("garbage.docx");
        byte[] b = new byte[4096];
        new java.util.Random(42).nextBytes(b);
        Files.write(f, b);
        assertEquals(FailureKind.CORRUPT, failure(f));
        Path big = tmp.resolve("big.txt");
        Files.write(big, new byte[(1 << 20) + 1]);
        assertEquals(FailureKind.TOO_LARGE, failure(big));
        assertEquals(FailureKind.IO_ERROR, failure(tmp.resolve("gone.docx")));
    }

    @Test
    void archivesAreUnsupportedAndImagesAreScans() throws Exception {
        Path zip = tmp.resolve("reports.zip");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new java.util.zip.ZipEntry("a.txt"));
            out.write(SAMPLE.getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(FailureKind.UNSUPPORTED, failure(zip));
        Path png = tmp.resolve("scan.png");
        Files.write(png, new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        assertEquals(FailureKind.SCANNED_NO_TEXT, failure(png));
    }

    @ParameterizedTest
    @CsvSource({"broken/empty.docx,EMPTY", "broken/blank.txt,EMPTY", "broken/corrupt.docx,CORRUPT",
            "broken/garbage.pdf,CORRUPT", "broken/encrypted.pdf,ENCRYPTED", "broken/scanned.pdf,SCANNED_NO_TEXT"})
    void brokenFixturesGetTheirFailureKind(String file, FailureKind kind) {
        assertEquals(kind, failure(Repo.samples().resolve(file)));
    }

    @Test
    void pdfPageFurnitureIsDroppedAndWrappedLinesAreRejoined() {
        ExtractionResult.Text t = text(Repo.samples().resolve("seeds/s3-1-county-speech.pdf"));
        assertEquals(8, t.info().pages());
        assertFalse(t.text().matches("(?s).*第\\s*\\d+\\s*页.*"), "page footers remain");
        assertTrue(t.info().notes().get(0).startsWith("删除页码"));
        // a sentence that the PDF wraps over several lines comes back as one line
        assertTrue(t.text().lines().anyMatch(l -> l.startsWith("前面，全县8位党(工)委书记就20**年度抓基层党建工作进行了述职")
                && l.endsWith("全面贯彻落实。")), () -> t.text().substring(0, 400));
    }

    @Test
    void pdfHeadingsInLargerTypeStayWholeAndDigitsLoseExtractionSpaces() {
        String t = text(Repo.samples().resolve("seeds/s3-2-town-report.pdf")).text();
        assertTrue(t.lines().anyMatch(l -> l.equals("一、明确职责，增强做好农村基层组织建设工作的责任感和紧迫感")), t.substring(0, 300));
        assertTrue(t.contains("淑吕11户"));
        assertFalse(t.contains("- 1 -"));
    }

    @Test
    void htmlKeepsTheTextAndDropsScripts() {
        String t = text(Repo.samples().resolve("seeds/s3-5-review-speech.html")).text();
        assertTrue(t.contains("同志们"));
        assertFalse(t.contains("function"), "script content leaked");
    }

    @Test
    void docAndDocxAreRead() {
        assertTrue(text(Repo.samples().resolve("seeds/s3-3-landbureau-report.doc")).text().contains("党支部"));
        assertTrue(text(Repo.samples().resolve("seeds/s3-2-town-report.docx")).text().contains("第一责任人"));
    }
}
