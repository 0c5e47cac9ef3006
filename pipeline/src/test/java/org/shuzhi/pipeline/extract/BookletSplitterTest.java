package org.shuzhi.pipeline.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.shuzhi.pipeline.Repo;
import org.shuzhi.pipeline.dict.Dictionaries;
import org.shuzhi.pipeline.meta.Manifest;
import org.shuzhi.pipeline.model.ReportDocument;
import org.shuzhi.pipeline.run.Pipeline;

/**
 * Compiled booklets (述职材料汇编) built in the test from corpus-samples reports, in docx (POI) and PDF (PDFBox), with
 * and without a title and contents page; and every single sample, which must never be split.
 */
class BookletSplitterTest {
    private static final List<String> UNITS = List.of("baisha-town", "city-audit", "jc-univ-info");
    private static Pipeline pipeline;

    @TempDir
    Path tmp;

    @BeforeAll
    static void setUp() {
        pipeline = Pipeline.standard(Repo.dictionaries(), Manifest.empty(), ExtractionLimits.DEFAULT);
    }

    @AfterAll
    static void tearDown() {
        pipeline.close();
    }

    private static List<String> report(String unit) throws Exception {
        return Files.readAllLines(Repo.samples().resolve("units/src/" + unit + "/2024.txt"), StandardCharsets.UTF_8)
                .stream().filter(l -> !l.isBlank()).toList();
    }

    private Path docxBooklet(boolean contents) throws Exception {
        Path f = tmp.resolve(contents ? "汇编-目录.docx" : "汇编.docx");
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(f)) {
            doc.createParagraph().createRun().setText("某某县2024年度党组织书记抓基层党建工作述职材料汇编");
            doc.createParagraph().createRun().setText("中共某某县委组织部　2025年1月");
            doc.getParagraphs().get(1).createRun().addBreak(BreakType.PAGE);
            if (contents) {
                doc.createParagraph().createRun().setText("目　录");
                int page = 3;
                for (String u : UNITS) {
                    doc.createParagraph().createRun().setText(report(u).get(0) + "……………………" + page);
                    page += 4;
                }
                doc.getParagraphs().get(doc.getParagraphs().size() - 1).createRun().addBreak(BreakType.PAGE);
            }
            for (String u : UNITS) {
                for (String line : report(u)) {
                    XWPFParagraph p = doc.createParagraph();
                    p.createRun().setText(line);
                }
                doc.getParagraphs().get(doc.getParagraphs().size() - 1).createRun().addBreak(BreakType.PAGE);
            }
            doc.write(out);
        }
        return f;
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void splitsADocxBookletIntoItsReportsEachWithItsOwnMetadata(boolean contents) throws Exception {
        Path f = docxBooklet(contents);
        List<ReportDocument> docs = pipeline.analyzeAll(tmp, f, null);
        assertEquals(3, docs.size(), () -> docs.stream().map(d -> d.id() + " " + d.failure()).toList().toString());
        String[][] expected = {{"白沙镇党委", "郑海波"}, {"市审计局机关党支部", "吴振华"}, {"信息工程学院党总支", "孙晓梅"}};
        for (int i = 0; i < 3; i++) {
            ReportDocument d = docs.get(i);
            assertTrue(d.ok(), d.id() + " " + d.failure());
            assertEquals(Pipeline.partId(docs.get(0).extraction().part().bookletId(), i + 1), d.id());
            assertEquals(i + 1, d.extraction().part().index());
            assertEquals(3, d.extraction().part().count());
            assertEquals(2024, d.year(), d.id());
            assertEquals(expected[i][1], d.secretary(), d.id());
            assertTrue(d.unit() != null && d.unit().contains(expected[i][0]), d.id() + " unit " + d.unit());
            assertTrue(d.text().startsWith(report(UNITS.get(i)).get(0)), d.text().substring(0, 40));
            assertTrue(d.extraction().notes().get(0).contains("第 " + (i + 1) + " 篇（共 3 篇）"),
                    d.extraction().notes()::toString);
        }
        assertTrue(docs.get(0).extraction().notes().stream().anyMatch(n -> n.contains("封面、目录")),
                "the front matter is left out and said so");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void splitsAPdfBookletAndGivesEachReportItsPageRange(boolean front) throws Exception {
        Path font = Path.of("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc");
        if (front) {
            Assumptions.assumeTrue(Files.exists(font), "跳过：没有中文字体 " + font + "（.ci/run 安装 fonts-wqy-microhei）");
        }
        List<Path> pdfs = List.of(Repo.samples().resolve("units/rendered/baisha-town-2025.pdf"),
                Repo.samples().resolve("units/rendered/qingshi-town-2024.pdf"),
                Repo.samples().resolve("units/rendered/jc-univ-info-2025.pdf"));
        // the year in the booklet's file name is not any report's year
        Path f = tmp.resolve("汇编-2026.pdf");
        PDFMergerUtility merger = new PDFMergerUtility();
        int firstReportPage = 1;
        if (front) {
            Path cover = tmp.resolve("cover.pdf");
            try (PDDocument d = new PDDocument()) {
                var ttc = new org.apache.fontbox.ttf.TrueTypeCollection(font.toFile());
                PDType0Font cjk = PDType0Font.load(d, ttc.getFontByName("WenQuanYiMicroHei"), true);
                String[][] pages = {{"某某县2024年度党组织书记抓基层党建工作述职材料汇编", "中共某某县委组织部"},
                        {"目  录", "白沙镇党委书记2025年度抓基层党建工作述职报告 ........ 3",
                                "2024年度青石镇党委书记抓基层党建工作述职报告 ........ 8"}};
                for (String[] lines : pages) {
                    PDPage p = new PDPage();
                    d.addPage(p);
                    try (PDPageContentStream cs = new PDPageContentStream(d, p)) {
                        float y = 700;
                        for (String l : lines) {
                            cs.beginText();
                            cs.setFont(cjk, 14);
                            cs.newLineAtOffset(72, y);
                            cs.showText(l);
                            cs.endText();
                            y -= 30;
                        }
                    }
                }
                d.save(cover.toFile());
            }
            merger.addSource(cover.toFile());
            firstReportPage = 3;
        }
        List<Integer> pageCounts = new ArrayList<>();
        for (Path p : pdfs) {
            merger.addSource(p.toFile());
            try (PDDocument d = Loader.loadPDF(p.toFile())) {
                pageCounts.add(d.getNumberOfPages());
            }
        }
        merger.setDestinationFileName(f.toString());
        merger.mergeDocuments(null);
        List<ReportDocument> docs = pipeline.analyzeAll(tmp, f, null);
        assertEquals(3, docs.size(), () -> docs.stream().map(d -> d.id() + " " + d.failure()).toList().toString());
        int page = firstReportPage;
        for (int i = 0; i < 3; i++) {
            var part = docs.get(i).extraction().part();
            assertEquals(page, part.firstPage(), "first page of report " + (i + 1));
            assertEquals(page + pageCounts.get(i) - 1, part.lastPage(), "last page of report " + (i + 1));
            assertEquals(pageCounts.get(i), docs.get(i).extraction().pages());
            assertTrue(docs.get(i).ok() && docs.get(i).secretary() != null, docs.get(i).id());
            page += pageCounts.get(i);
        }
        assertEquals("郑海波", docs.get(0).secretary());
        assertEquals("周建军", docs.get(1).secretary());
        assertEquals(2025, docs.get(0).year());
        assertEquals(2024, docs.get(1).year());
    }

    @Test
    void noSingleSampleIsEverSplit() throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.walk(Repo.samples())) {
            files = s.filter(Files::isRegularFile).filter(p -> p.toString().matches(".*\\.(docx|doc|pdf|txt|html)$"))
                    .filter(p -> !p.toString().contains("/broken/")).sorted().toList();
        }
        assertTrue(files.size() > 60, "samples: " + files.size());
        try (Extractor ex = new Extractor(ExtractionLimits.DEFAULT,
                Repo.dictionaries().list(Dictionaries.BOILERPLATE_LINES))) {
            for (Path f : files) {
                if (ex.extract(f) instanceof ExtractionResult.Text t) {
                    assertEquals(List.of(), BookletSplitter.split(t.text(), t.pageStarts()), f.toString());
                }
            }
        }
    }

    @Test
    void aContentsEntryIsNotATitle() {
        assertTrue(BookletSplitter.isTitle("2024年度青石镇党委书记抓基层党建工作述职报告"));
        assertTrue(!BookletSplitter.isTitle("2024年度青石镇党委书记抓基层党建工作述职报告……………8"));
        assertTrue(!BookletSplitter.isTitle("2024年度青石镇党委书记抓基层党建工作述职报告 ........ 8"));
        assertTrue(!BookletSplitter.isTitle("某某县2024年度党组织书记抓基层党建工作述职材料汇编"));
        assertTrue(!BookletSplitter.isTitle("四、上年度述职报告问题整改情况"));
        assertInstanceOf(List.class, BookletSplitter.split("", List.of()));
    }
}
