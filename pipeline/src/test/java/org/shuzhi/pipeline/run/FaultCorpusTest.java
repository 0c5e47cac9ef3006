package org.shuzhi.pipeline.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shuzhi.pipeline.DocumentInvariants;
import org.shuzhi.pipeline.FaultFiles;
import org.shuzhi.pipeline.Repo;
import org.shuzhi.pipeline.extract.ExtractionLimits;
import org.shuzhi.pipeline.model.Failure;
import org.shuzhi.pipeline.model.FailureKind;
import org.shuzhi.pipeline.model.ReportDocument;

/**
 * The fault corpus (issue 8): one batch mixing good reports in every format with every kind of hostile file, run
 * through {@link Batch} as the command line runs it. Every fault must get its failure kind and a Chinese message
 * and hint within the configured limits, and every good file in the same batch must be analysed.
 */
class FaultCorpusTest {
    /** Files that must be analysed, and a phrase of their text. */
    private static final Map<String, String> GOOD = new LinkedHashMap<>();
    /** Files that must fail, and how. */
    private static final Map<String, FailureKind> FAULTS = new LinkedHashMap<>();
    private static final String VANISHING = "zz-vanishing.docx";
    private static final long BIG = 200L << 20;

    @TempDir
    static Path tmp;

    private static final Map<String, ReportDocument> DOCS = new TreeMap<>();
    private static RunSummary summary;

    @BeforeAll
    static void runMixedBatch() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Path samples = Repo.samples();
        for (String seed : List.of("s3-2-town-report.docx", "s3-2-town-report.pdf", "s3-3-landbureau-report.doc",
                "s3-5-review-speech.html")) {
            Files.copy(samples.resolve("seeds").resolve(seed), in.resolve(seed));
        }
        GOOD.put("s3-2-town-report.docx", "第一责任人");
        GOOD.put("s3-2-town-report.pdf", "第一责任人");
        GOOD.put("s3-3-landbureau-report.doc", "党支部");
        GOOD.put("s3-5-review-speech.html", "同志们");
        // GBK text named .txt, UTF-16 with and without a byte-order mark: decoded, not failed
        String plan = Files.readString(samples.resolve("sources/s3-6-city-plan.txt"), StandardCharsets.UTF_8);
        Files.copy(samples.resolve("seeds/s3-3-landbureau-report.txt"), in.resolve("gbk-report.txt"));
        GOOD.put("gbk-report.txt", "党支部");
        Files.write(in.resolve("utf16le-no-bom.txt"), plan.getBytes(StandardCharsets.UTF_16LE));
        GOOD.put("utf16le-no-bom.txt", "述职评议");
        Files.write(in.resolve("utf16-bom.txt"), plan.getBytes(StandardCharsets.UTF_16));
        GOOD.put("utf16-bom.txt", "述职评议");
        FaultFiles.nestedHtml(in.resolve("nested.html"), 20_000);
        GOOD.put("nested.html", "发展党员12名");
        byte[] pdf = Files.readAllBytes(samples.resolve("seeds/s3-2-town-report.pdf"));
        Files.write(in.resolve("cut-late.pdf"), Arrays.copyOf(pdf, pdf.length * 9 / 10));
        GOOD.put("cut-late.pdf", "第一责任人");

        for (String broken : List.of("empty.docx", "blank.txt", "corrupt.docx", "garbage.pdf", "encrypted.pdf",
                "scanned.pdf", "truncated.pdf", "garbage.docx")) {
            Files.copy(samples.resolve("broken").resolve(broken), in.resolve("broken-" + broken));
        }
        FAULTS.put("broken-empty.docx", FailureKind.EMPTY);
        FAULTS.put("broken-blank.txt", FailureKind.EMPTY);
        FAULTS.put("broken-corrupt.docx", FailureKind.CORRUPT);
        FAULTS.put("broken-garbage.pdf", FailureKind.CORRUPT);
        FAULTS.put("broken-encrypted.pdf", FailureKind.ENCRYPTED);
        FAULTS.put("broken-scanned.pdf", FailureKind.SCANNED_NO_TEXT);
        FAULTS.put("broken-truncated.pdf", FailureKind.CORRUPT);
        FAULTS.put("broken-garbage.docx", FailureKind.CORRUPT);
        FaultFiles.zipBombDocx(in.resolve("zip-bomb.docx"), 2048);
        FAULTS.put("zip-bomb.docx", FailureKind.TOO_LARGE);
        FaultFiles.pdfBomb(in.resolve("pdf-bomb.pdf"), 1024);
        FAULTS.put("pdf-bomb.pdf", FailureKind.TOO_LARGE);
        FaultFiles.sized(in.resolve("big-200mb.docx"), BIG);
        FAULTS.put("big-200mb.docx", FailureKind.TOO_LARGE);
        Files.copy(samples.resolve("seeds/s3-4-review-speech.docx"), in.resolve(VANISHING));
        FAULTS.put(VANISHING, FailureKind.IO_ERROR);

        InputFiles.Listing listing = InputFiles.list(in);
        assertEquals(GOOD.size() + FAULTS.size(), listing.files().size(), listing.files()::toString);
        // the vanishing file sorts last; it is deleted when the first document comes back, after the listing and
        // before its own extraction (two workers have started at most two of the other files by then)
        assertEquals(VANISHING, listing.files().get(listing.files().size() - 1));
        AtomicBoolean deleted = new AtomicBoolean();
        try (Pipeline p = Pipeline.standard(Repo.dictionaries(), org.shuzhi.pipeline.meta.Manifest.empty(),
                ExtractionLimits.DEFAULT)) {
            summary = new Batch(p, 2).run(in, listing, d -> {
                if (deleted.compareAndSet(false, true)) {
                    try {
                        Files.delete(in.resolve(VANISHING));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
                DOCS.put(d.source(), d);
            });
        }
    }

    @Test
    void everyGoodFileInTheBatchIsAnalysed() {
        for (Map.Entry<String, String> e : GOOD.entrySet()) {
            ReportDocument d = DOCS.get(e.getKey());
            assertNotNull(d, e.getKey());
            assertTrue(d.ok(), () -> e.getKey() + " failed: " + d.failure());
            assertTrue(d.text().contains(e.getValue()), e.getKey());
            assertFalse(d.paragraphs().isEmpty(), e.getKey());
            DocumentInvariants.check(d);
        }
        assertEquals(GOOD.size(), summary.ok());
    }

    @Test
    void everyFaultGetsItsKindAndAChineseMessageAndHint() {
        for (Map.Entry<String, FailureKind> e : FAULTS.entrySet()) {
            ReportDocument d = DOCS.get(e.getKey());
            assertNotNull(d, e.getKey());
            Failure f = d.failure();
            assertNotNull(f, e.getKey() + " was analysed");
            assertEquals(e.getValue(), f.kind(), () -> e.getKey() + ": " + f);
            assertTrue(f.message().startsWith(f.kind().message()), f.message());
            assertTrue(f.message().codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                    == Character.UnicodeScript.HAN), f.message());
            assertTrue(f.hint().startsWith("请"), f.hint());
            DocumentInvariants.check(d);
        }
        assertEquals(FAULTS.keySet().stream().sorted().toList(),
                summary.failures().stream().map(RunSummary.FailedFile::source).toList(),
                "the summary lists every fault, in path order");
        assertEquals(GOOD.size() + FAULTS.size(), summary.files());
    }

    @Test
    void eachFaultSaysWhatIsWrongWithThatFile() {
        assertTrue(DOCS.get(VANISHING).failure().message().contains("找不到该文件"));
        assertTrue(DOCS.get("zip-bomb.docx").failure().message().contains("压缩炸弹"));
        assertTrue(DOCS.get("pdf-bomb.pdf").failure().message().contains("压缩炸弹"));
        assertTrue(DOCS.get("big-200mb.docx").failure().message().contains("200.0 MB，上限 50.0 MB"));
        assertTrue(DOCS.get("broken-truncated.pdf").failure().message().contains("乱码"));
        assertTrue(DOCS.get("broken-garbage.docx").failure().message().contains("扩展名为 .docx"));
        assertTrue(DOCS.get("broken-scanned.pdf").failure().message().contains("页均为图片"));
        assertTrue(DOCS.get("broken-corrupt.docx").failure().message().contains("没有完整上传"));
        assertTrue(DOCS.get("broken-garbage.pdf").failure().message().contains("PDF"));
        assertTrue(DOCS.get("broken-encrypted.pdf").failure().message().contains("密码"));
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedWithoutReadingIt() {
        ReportDocument big = DOCS.get("big-200mb.docx");
        assertEquals(BIG, big.bytes(), "the size is recorded");
        assertEquals("", big.sha256(), "not hashed, so not read");
        assertEquals(64, DOCS.get("s3-2-town-report.docx").sha256().length(), "good files are hashed");
    }

    @Test
    void decodedTextKeepsItsEncodingAndIncompleteFilesSaySo() {
        assertTrue(DOCS.get("gbk-report.txt").extraction().encoding().startsWith("GB"));
        assertEquals("UTF-16LE", DOCS.get("utf16le-no-bom.txt").extraction().encoding());
        assertEquals("UTF-16BE", DOCS.get("utf16-bom.txt").extraction().encoding());
        assertEquals(DOCS.get("utf16le-no-bom.txt").text(), DOCS.get("utf16-bom.txt").text());
        assertTrue(DOCS.get("cut-late.pdf").extraction().notes().stream().anyMatch(n -> n.contains("PDF 文件不完整")));
        assertNull(DOCS.get("s3-2-town-report.pdf").failure());
    }
}
