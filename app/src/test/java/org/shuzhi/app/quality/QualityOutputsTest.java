package org.shuzhi.app.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shuzhi.app.ShuzhiCommandAccess;
import org.shuzhi.pipeline.dict.Dictionaries;
import org.shuzhi.pipeline.extract.ExtractionLimits;
import org.shuzhi.pipeline.meta.Manifest;
import org.shuzhi.pipeline.model.Assessment;
import org.shuzhi.pipeline.model.CommentSentence;
import org.shuzhi.pipeline.model.Finding;
import org.shuzhi.pipeline.model.QualityLevel;
import org.shuzhi.pipeline.model.ReportDocument;
import org.shuzhi.pipeline.run.Pipeline;

/**
 * The issue-7 outputs end to end: the Word document opens and holds the analysis; {@code analyze} on the units
 * corpus writes a summary (csv, xlsx, html) that equals the per-report JSON; {@code --profile} applies to every report.
 */
class QualityOutputsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    private static Path out;

    private static Path root() {
        return Path.of(System.getProperty("shuzhi.root", "..")).toAbsolutePath().normalize();
    }

    @BeforeAll
    static void analyseTheUnitsCorpus() {
        out = tmp.resolve("reports");
        assertEquals(0, ShuzhiCommandAccess.run("analyze", root().resolve("corpus-samples/units").toString(),
                "--out", out.toString(), "--dictionaries", root().resolve("dictionaries").toString(), "--no-progress"));
    }

    @Test
    void wordDocumentOpensAndContainsTheAnalysis() throws Exception {
        Dictionaries dict = Dictionaries.load(root().resolve("dictionaries"));
        Path samples = root().resolve("corpus-samples");
        ReportDocument doc;
        try (Pipeline p = Pipeline.standard(dict, Manifest.load(samples), ExtractionLimits.DEFAULT)) {
            doc = p.analyze(samples, samples.resolve("units/rendered/liuhe-town-2024.txt"));
        }
        doc = new QualityPhase(dict, null).assess(doc, null);
        Assessment a = doc.assessment();
        byte[] bytes = new DocxReport().render(doc);
        try (XWPFDocument d = new XWPFDocument(new ByteArrayInputStream(bytes));
             XWPFWordExtractor x = new XWPFWordExtractor(d)) {
            String text = x.getText();
            assertTrue(text.contains(Assessment.DISCLAIMER), "states that this is not the official grade");
            assertTrue(text.contains(a.level().label()), a.level().label());
            assertTrue(text.contains("柳河镇党委"));
            for (CommentSentence c : a.comment()) {
                assertTrue(text.contains(c.text()), "点评 sentence missing: " + c.text());
            }
            for (Finding f : a.findings()) {
                assertTrue(text.contains(f.rule()), "finding missing: " + f.rule());
            }
            assertTrue(d.getTables().size() >= 4, "info, scores, flagged, all findings");
        }
        byte[] again = new DocxReport().render(doc);
        assertTrue(again.length > 5000);
    }

    @Test
    void summaryEqualsThePerReportJson() throws Exception {
        List<String> csv = Files.readAllLines(out.resolve(QualitySummary.CSV), StandardCharsets.UTF_8);
        assertTrue(csv.get(0).startsWith("\uFEFF报告编号,"));
        assertEquals(37, csv.size(), "36 reports + header");
        double previous = -1;
        for (String line : csv.subList(1, csv.size())) {
            String[] c = line.split(",", -1);
            JsonNode a = JSON.readTree(out.resolve("json/" + c[0] + ".json").toFile()).get("assessment");
            assertEquals(a.get("profileName").asText(), c[5], c[0]); // the notice's title, not the id
            assertEquals(QualityLevel.valueOf(a.get("level").asText().toUpperCase()).label(), c[6], c[0]);
            double overall = a.get("overall").asDouble();
            assertEquals(overall, Double.parseDouble(c[7]), 1e-9, c[0]);
            assertTrue(overall >= previous, "sorted by overall score, lowest first");
            previous = overall;
            int fails = 0;
            for (JsonNode f : a.get("findings")) {
                fails += f.get("verdict").asText().equals("fail") ? 1 : 0;
            }
            assertEquals(fails, Integer.parseInt(c[15]), c[0]);
            JsonNode structure = a.get("scores").get(0);
            assertEquals("structure", structure.get("dimension").asText());
            assertEquals(structure.get("score").asDouble(), Double.parseDouble(c[8]), 1e-9, c[0]);
            JsonNode originality = a.get("scores").get(6);
            assertEquals("originality", originality.get("dimension").asText());
            assertEquals(originality.get("score").asDouble(), Double.parseDouble(c[14]), 1e-9,
                    c[0] + ": originality assessed from the corpus comparison");
        }
        try (InputStream in = Files.newInputStream(out.resolve(QualitySummary.XLSX));
             XSSFWorkbook wb = new XSSFWorkbook(in)) {
            Sheet s = wb.getSheet("报告");
            assertEquals(37, s.getPhysicalNumberOfRows());
            for (int r = 1; r < 37; r++) {
                String[] c = csv.get(r).split(",", -1);
                assertEquals(c[0], s.getRow(r).getCell(0).getStringCellValue());
                assertEquals(Double.parseDouble(c[7]), s.getRow(r).getCell(7).getNumericCellValue(), 1e-9);
            }
            assertTrue(wb.getSheet("说明").getRow(0).getCell(0).getStringCellValue().contains("不是述职评议"));
        }
        String html = Files.readString(out.resolve(QualitySummary.HTML));
        assertTrue(html.contains(Assessment.DISCLAIMER));
        for (String line : csv.subList(1, csv.size())) {
            assertTrue(html.contains("docx/" + line.split(",")[0] + ".docx"));
        }
        assertTrue(Files.size(out.resolve("assets/echarts.min.js")) > 500_000, "chart library shipped offline");
        assertFalse(html.contains("http://") || html.contains("https://"), "no CDN");
    }

    @Test
    void reportPageShowsTheAnalysisAndTheDisclaimer() throws Exception {
        String page = Files.readString(out.resolve("html/rendered__jc-univ-econ-2024.pdf.html"));
        assertTrue(page.contains(Assessment.DISCLAIMER));
        assertTrue(page.contains("contenteditable=\"true\""), "the 点评 is editable");
        assertTrue(page.contains("../assets/echarts.min.js"));
        assertTrue(page.contains("share.achievement-max"));
        assertTrue(Files.exists(out.resolve("docx/rendered__jc-univ-econ-2024.pdf.docx")));
    }

    @Test
    void runProfileAppliesToEveryReport() throws Exception {
        Path o2 = tmp.resolve("s2");
        assertEquals(0, ShuzhiCommandAccess.run("analyze", root().resolve("corpus-samples/units").toString(),
                "--out", o2.toString(), "--dictionaries", root().resolve("dictionaries").toString(), "--no-progress",
                "--profile", "s2", "--threads", "2"));
        try (var files = Files.list(o2.resolve("json"))) {
            for (Path f : files.toList()) {
                JsonNode a = JSON.readTree(f.toFile()).get("assessment");
                assertEquals("s2", a.get("profile").asText(), f.toString());
                assertEquals("run", a.get("profileOrigin").asText());
            }
        }
        assertEquals(1, ShuzhiCommandAccess.run("analyze", root().resolve("corpus-samples/units").toString(),
                "--out", tmp.resolve("bad").toString(), "--dictionaries", root().resolve("dictionaries").toString(),
                "--no-progress", "--profile", "nope"));
    }
}
