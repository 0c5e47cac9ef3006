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
import org.shuzhi.pipeline.FaultFiles;
import org.shuzhi.pipeline.Repo;
import org.shuzhi.pipeline.dict.Dictionaries;
import org.shuzhi.pipeline.model.Failure;
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
            "broken/garbage.pdf,CORRUPT", "broken/encrypted.pdf,ENCRYPTED", "broken/scanned.pdf,SCANNED_NO_TEXT",
            "broken/truncated.pdf,CORRUPT", "broken/garbage.docx,CORRUPT"})
    void brokenFixturesGetTheirFailureKind(String file, FailureKind kind) {
        assertEquals(kind, failure(Repo.samples().resolve(file)));
    }

    @Test
    void zipBombDocxIsRefusedBeforePoiInflatesIt() throws Exception {
        Path bomb = FaultFiles.zipBombDocx(tmp.resolve("bomb.docx"), 2048);
        assertTrue(Files.size(bomb) < ExtractionLimits.DEFAULT.maxBytes() / 4, "a small file: " + Files.size(bomb));
        try (Extractor x = new Extractor(ExtractionLimits.DEFAULT,
                Repo.dictionaries().list(Dictionaries.BOILERPLATE_LINES))) {
            ExtractionResult r = x.extract(bomb);
            Failure f = assertInstanceOf(ExtractionResult.Failed.class, r, r::toString).failure();
            assertEquals(FailureKind.TOO_LARGE, f.kind());
            assertTrue(f.message().contains("word/document.xml") && f.message().contains("压缩炸弹"), f.message());
            // inflation stopped at the ratio rule's first check past the grace size, far below the 2 GiB
            long inflated = Long.parseLong(f.cause().replaceAll(".* inflated (\\d+) bytes", "$1"));
            assertTrue(inflated <= ZipBombGuard.GRACE_BYTES + 65536, f.cause());
            // a bomb embedded in a good docx is a bomb too: recompressed, its repeated chunks inflate far
            Path outer = FaultFiles.docxWithEmbedded(tmp.resolve("outer.docx"), bomb);
            Failure g = assertInstanceOf(ExtractionResult.Failed.class, x.extract(outer)).failure();
            assertTrue(g.message().contains("word/embeddings/inner.docx"), g.message());
        }
    }

    @Test
    void pdfBombIsRefusedBeforeItsTextIsExtracted() throws Exception {
        Path bomb = FaultFiles.pdfBomb(tmp.resolve("bomb.pdf"), 1024);
        assertTrue(Files.size(bomb) < 2 << 20, "a small file: " + Files.size(bomb));
        try (Extractor x = new Extractor(ExtractionLimits.DEFAULT,
                Repo.dictionaries().list(Dictionaries.BOILERPLATE_LINES))) {
            Failure f = assertInstanceOf(ExtractionResult.Failed.class, x.extract(bomb)).failure();
            assertEquals(FailureKind.TOO_LARGE, f.kind(), f::toString);
            assertTrue(f.message().contains("PDF 内容流解压后超过 128.0 MB"), f.message());
        }
        Path small = FaultFiles.pdfBomb(tmp.resolve("small.pdf"), 1);
        Failure g = assertInstanceOf(ExtractionResult.Failed.class, extractor.extract(small)).failure();
        assertEquals(FailureKind.EMPTY, g.kind(), "1 MiB of spaces is within the limit; its text is too short");
    }

    @Test
    void embeddedDocumentsAreNotParsed() throws Exception {
        Path inner = FaultFiles.docx(tmp.resolve("inner.docx"), "这是嵌入的另一份文件，其中的文字不属于述职报告正文，不应出现在提取结果中。");
        Path outer = FaultFiles.docxWithEmbedded(tmp.resolve("outer.docx"), inner);
        assertEquals(FaultFiles.REPORT_TEXT, text(outer).text().strip());
        assertTrue(text(inner).text().contains("嵌入的另一份文件"), "the inner docx alone is readable");
    }

    @Test
    void theInflatedSizeLimitIsConfiguration() throws Exception {
        Path docx = Repo.samples().resolve("seeds/s3-2-town-report.docx");  // 44 KB, inflates to 0.85 MB
        ExtractionLimits tight = new ExtractionLimits(1 << 20, 100_000, 30, 20, 512 << 10);
        try (Extractor x = new Extractor(tight, Repo.dictionaries().list(Dictionaries.BOILERPLATE_LINES))) {
            ExtractionResult r = x.extract(docx);
            Failure f = assertInstanceOf(ExtractionResult.Failed.class, r, r::toString).failure();
            assertEquals(FailureKind.TOO_LARGE, f.kind());
            assertTrue(f.message().contains("解压后超过 0.5 MB"), f.message());
        }
        assertTrue(text(docx).text().contains("第一责任人"), "the default limit reads it");
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedFromItsSize() throws Exception {
        Path big = FaultFiles.sized(tmp.resolve("big.docx"), 200L << 20);
        Failure f = assertInstanceOf(ExtractionResult.Failed.class, extractor.extract(big)).failure();
        assertEquals(FailureKind.TOO_LARGE, f.kind());
        assertTrue(f.message().contains("200.0 MB，上限 1.0 MB"), f.message());
        assertEquals(FailureKind.TOO_LARGE, extractor.refuseBySize(Files.size(big)).kind());
        assertEquals(null, extractor.refuseBySize(1 << 20));
        assertEquals(FailureKind.EMPTY, extractor.refuseBySize(0).kind());
    }

    @Test
    void aVanishedFileIsAnIoErrorThatSaysSo() {
        Failure f = assertInstanceOf(ExtractionResult.Failed.class, extractor.extract(tmp.resolve("gone.docx")))
                .failure();
        assertEquals(FailureKind.IO_ERROR, f.kind());
        assertTrue(f.message().contains("找不到该文件"), f.message());
        assertFalse(f.hint().isBlank());
    }

    @ParameterizedTest
    @CsvSource({"UTF-16LE", "UTF-16BE"})
    void utf16WithoutAByteOrderMarkIsDecoded(String charset) throws Exception {
        Path f = tmp.resolve("report-nobom-" + charset + ".txt");
        Files.write(f, SAMPLE.getBytes(Charset.forName(charset)));
        ExtractionResult.Text t = text(f);
        assertEquals(SAMPLE.strip(), t.text().strip());
        assertEquals(charset, t.info().encoding());
    }

    @Test
    void deeplyNestedHtmlGivesItsText() throws Exception {
        Path html = FaultFiles.nestedHtml(tmp.resolve("nested.html"), 50_000);
        assertEquals(FaultFiles.REPORT_TEXT, text(html).text().strip());
    }

    @Test
    void aPdfCutOffLateIsReadWithANoteAndOneCutOffEarlyIsCorrupt() throws Exception {
        byte[] pdf = Files.readAllBytes(Repo.samples().resolve("seeds/s3-2-town-report.pdf"));
        Path late = tmp.resolve("late.pdf");
        Files.write(late, java.util.Arrays.copyOf(pdf, pdf.length * 9 / 10));
        ExtractionResult.Text t = text(late);
        assertTrue(t.text().contains("第一责任人"));
        assertTrue(t.info().notes().stream().anyMatch(n -> n.contains("PDF 文件不完整")), t.info().notes()::toString);
        assertTrue(text(Repo.samples().resolve("seeds/s3-2-town-report.pdf")).info().notes().stream()
                .noneMatch(n -> n.contains("不完整")), "the whole file has its end");
        Failure f = assertInstanceOf(ExtractionResult.Failed.class,
                extractor.extract(Repo.samples().resolve("broken/truncated.pdf"))).failure();
        assertTrue(f.message().contains("乱码") && f.message().contains("不完整"), f.message());
    }

    @Test
    void symbolSoupIsToldFromChineseProse() throws Exception {
        assertTrue(TextDecoder.symbolSoup(" !\"#$%&'()*+,-*+./*+01 23 456789,-:./;<=>?@A BCDEF;*+GHIJKLMNOPQRSTUVW"));
        for (String seed : java.util.List.of("s3-2-town-report.txt", "s3-6-city-plan.txt", "s2-shanghai-notice.txt",
                "s0-hengyang-notice.txt")) {
            String prose = Files.readString(Repo.samples().resolve("sources").resolve(seed));
            assertFalse(TextDecoder.symbolSoup(prose), seed);
            assertFalse(TextDecoder.symbolSoup(prose.replace('，', ',').replace('；', ';').replace('（', '(')
                    .replace('）', ')').replace('：', ':')), seed + " with half-width punctuation");
        }
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
