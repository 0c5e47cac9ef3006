package org.shuzhi.pipeline.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ofdrw.layout.OFDDoc;
import org.ofdrw.layout.PageLayout;
import org.ofdrw.layout.VirtualPage;
import org.ofdrw.layout.element.Paragraph;
import org.shuzhi.pipeline.Repo;
import org.shuzhi.pipeline.dict.Dictionaries;
import org.shuzhi.pipeline.model.FailureKind;

/** OFD files written in the test with ofdrw's layout writer, read back with {@link OfdExtractor}. */
class OfdExtractorTest {
    private static Extractor extractor;

    @TempDir
    Path tmp;

    @BeforeAll
    static void setUp() {
        extractor = new Extractor(new ExtractionLimits(1 << 22, 200_000, 60, 20),
                Repo.dictionaries().list(Dictionaries.BOILERPLATE_LINES));
    }

    @AfterAll
    static void tearDown() {
        extractor.close();
    }

    /** Paragraphs of a report long enough to flow over several A4 pages. */
    static List<String> reportParagraphs() {
        List<String> p = new ArrayList<>();
        p.add("2024年度抓基层党建工作述职报告");
        p.add("一、主要做法及成效");
        for (int i = 1; i <= 14; i++) {
            p.add("　　第" + i + "项工作：今年以来，我认真履行抓基层党建第一责任人职责，全年召开党委会研究党建工作" + (i + 3)
                    + "次，开展主题党日活动" + (i * 2) + "次，发展党员" + i + "名，推动党建与业务深度融合，基层党组织的战斗堡垒作用进一步发挥。");
        }
        p.add("二、存在问题");
        p.add("　　我对理论学习抓得不够紧，以干代学的情况仍然存在，对支部工作的督促指导还不够经常。");
        return p;
    }

    private Path write(String name, List<String> paragraphs) throws Exception {
        Path f = tmp.resolve(name);
        try (OFDDoc doc = new OFDDoc(f)) {
            for (String s : paragraphs) {
                doc.add(new Paragraph(s, 4.2));
            }
        }
        return f;
    }

    @Test
    void readsTheParagraphsOfAMultiPageReportInPageOrder() throws Exception {
        Path f = write("report.ofd", reportParagraphs());
        ExtractionResult r = extractor.extract(f);
        ExtractionResult.Text t = assertInstanceOf(ExtractionResult.Text.class, r, r::toString);
        assertEquals("application/ofd", t.info().mediaType());
        assertTrue(t.info().pages() >= 2, "pages: " + t.info().pages());
        List<String> paras = t.text().lines().map(String::strip).toList();
        assertEquals("2024年度抓基层党建工作述职报告", paras.get(0));
        for (int i = 1; i <= 14; i++) {
            String start = "第" + i + "项工作：";
            assertTrue(paras.stream().anyMatch(l -> l.startsWith(start) && l.endsWith("进一步发挥。")),
                    () -> start + " is not one paragraph in:\n" + t.text());
        }
        assertTrue(t.text().indexOf("第3项") < t.text().indexOf("第13项"), "page order");
        assertTrue(paras.contains("二、存在问题"));
    }

    @Test
    void readsATableRowByRowAndDropsHeadersAndFooters() throws Exception {
        Path f = tmp.resolve("table.ofd");
        PageLayout a4 = PageLayout.A4();
        try (OFDDoc doc = new OFDDoc(f)) {
            for (int page = 1; page <= 3; page++) {
                VirtualPage vp = new VirtualPage(a4);
                vp.add(new Paragraph(20d, 10d, 170d, 8d, "中共某某区委组织部", 3.5));
                vp.add(new Paragraph(20d, 25d, 170d, 8d, "第" + page + "部分　党建工作任务完成情况统计", 4.2));
                String[][] rows = {{"项目", "计划", "完成"}, {"主题党日", "12次", "14次"},
                        {new String[] {"发展党员", "三会一课", "谈心谈话"}[page - 1], "5名", "6名"}};
                for (int r = 0; r < rows.length; r++) {
                    for (int c = 0; c < 3; c++) {
                        vp.add(new Paragraph(20d + c * 55, 40d + r * 10, 50d, 8d, rows[r][c], 4.2));
                    }
                }
                vp.add(new Paragraph(95d, 280d, 30d, 8d, "- " + page + " -", 3.5));
                doc.addVPage(vp);
            }
        }
        ExtractionResult r = extractor.extract(f);
        ExtractionResult.Text t = assertInstanceOf(ExtractionResult.Text.class, r, r::toString);
        assertEquals(3, t.info().pages());
        // cells are read row by row, left to right (PDF rules: no space between CJK text and digits)
        assertTrue(t.text().contains("项目 计划 完成"), t.text());
        assertTrue(t.text().contains("主题党日12次14次"), t.text());
        assertTrue(t.text().indexOf("主题党日") < t.text().indexOf("发展党员"), t.text());
        assertFalse(t.text().contains("- 2 -"), "page number dropped: " + t.text());
        assertFalse(t.text().contains("中共某某区委组织部"), "running header dropped: " + t.text());
        assertTrue(t.info().notes().stream().anyMatch(n -> n.contains("页眉页脚")), t.info().notes()::toString);
    }

    @Test
    void anEncryptedPackageIsEncryptedAndABrokenOneCorrupt() throws Exception {
        byte[] ok = Files.readAllBytes(write("base.ofd", reportParagraphs()));
        // GM/T 0099: an encrypted package carries Encryptions.xml next to OFD.xml
        Path enc = tmp.resolve("encrypted.ofd");
        Files.write(enc, withEntry(ok, "Encryptions.xml", "<ofd:Encryptions/>"));
        assertEquals(FailureKind.ENCRYPTED, kind(enc));
        // the package's document XML cut in half
        Path broken = tmp.resolve("broken.ofd");
        Files.write(broken, replaceEntry(ok, "Doc_0/Document.xml", "<ofd:Document xmlns:ofd="));
        assertEquals(FailureKind.CORRUPT, kind(broken));
        // an OFD with no text at all
        Path empty = tmp.resolve("empty.ofd");
        try (OFDDoc doc = new OFDDoc(empty)) {
            doc.addVPage(new VirtualPage(PageLayout.A4()));
        }
        assertEquals(FailureKind.EMPTY, kind(empty));
    }

    private FailureKind kind(Path p) {
        ExtractionResult r = extractor.extract(p);
        return assertInstanceOf(ExtractionResult.Failed.class, r, r::toString).failure().kind();
    }

    static byte[] withEntry(byte[] zip, String name, String content) throws Exception {
        return rewrite(zip, null, null, name, content);
    }

    static byte[] replaceEntry(byte[] zip, String name, String content) throws Exception {
        return rewrite(zip, name, content, null, null);
    }

    private static byte[] rewrite(byte[] zip, String replace, String with, String add, String addContent)
            throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip));
             ZipOutputStream z = new ZipOutputStream(out)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                z.putNextEntry(new ZipEntry(e.getName()));
                if (e.getName().equals(replace)) {
                    z.write(with.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                } else {
                    in.transferTo(z);
                }
                z.closeEntry();
            }
            if (add != null) {
                z.putNextEntry(new ZipEntry(add));
                z.write(addContent.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
