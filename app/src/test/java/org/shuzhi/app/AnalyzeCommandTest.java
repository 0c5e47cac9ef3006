package org.shuzhi.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main job end to end through the command line, as a user runs it. */
class AnalyzeCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static Path root() {
        return Path.of(System.getProperty("shuzhi.root", ".."));
    }

    private int run(String... args) {
        return ShuzhiCommand.commandLine().execute(args);
    }

    @Test
    void analysesTheBundledSamplesAndWritesJsonHtmlAndSummary() throws Exception {
        Path out = tmp.resolve("reports");
        // --no-ocr: broken/scanned.pdf stays the SCANNED_NO_TEXT fixture (OCR of it: ScanAndBookletIT)
        assertEquals(0, run("analyze", root().resolve("corpus-samples").toString(), "--out", out.toString(),
                "--dictionaries", root().resolve("dictionaries").toString(), "--no-progress", "--no-ocr"));
        List<String> csv = Files.readAllLines(out.resolve("summary.csv"), StandardCharsets.UTF_8);
        long files;
        try (Stream<Path> s = Files.list(out.resolve("json"))) {
            files = s.count();
        }
        assertEquals(files + 1, csv.size(), "one summary row per input file");
        try (Stream<Path> s = Files.list(out.resolve("html"))) {
            assertEquals(files, s.count());
        }
        // Word files are made on demand (issue 15): none by the run, none linked from the static pages
        assertFalse(Files.exists(out.resolve("docx")));
        String page = Files.readString(out.resolve("html/seeds__s3-2-town-report.docx.html"), StandardCharsets.UTF_8);
        assertFalse(page.contains(".docx\""), "no link to a Word file");
        assertFalse(Files.readString(out.resolve("quality-summary.html"), StandardCharsets.UTF_8).contains("docx/"));
        assertEquals(0, run("docx", "seeds__s3-2-town-report.docx", "--reports", out.toString()));
        assertTrue(Files.size(out.resolve("docx/seeds__s3-2-town-report.docx.docx")) > 5_000);
        assertEquals(1, run("docx", "no-such-report", "--reports", out.toString()));
        JsonNode town = JSON.readTree(out.resolve("json/seeds__s3-2-town-report.docx.json").toFile());
        for (String field : List.of("source", "docType", "unit", "secretary", "year", "failure", "paragraphs")) {
            assertTrue(town.has(field), field);
        }
        assertEquals("seeds/s3-2-town-report.docx", town.get("source").asText());
        assertEquals("report", town.get("docType").asText());
        assertTrue(town.get("failure").isNull());
        JsonNode p = town.get("paragraphs").get(1);
        for (String field : List.of("text", "start", "end", "category", "confidence", "evidence")) {
            assertTrue(p.has(field), field);
        }
        JsonNode broken = JSON.readTree(out.resolve("json/broken__encrypted.pdf.json").toFile());
        assertEquals("encrypted", broken.get("failure").get("kind").asText());
        assertTrue(csv.stream().anyMatch(l -> l.contains("broken__scanned.pdf") && l.contains(",失败,")
                && l.contains("扫描件或图片，没有文字层")), "failure kinds as Chinese labels");
        assertTrue(csv.get(0).startsWith("\uFEFF报告编号,文件,状态,失败原因,失败说明,文档类型,单位,述职人,年度,字数"), csv.get(0));
        assertFalse(csv.get(0).matches(".*[A-Za-z].*"), "no English column names: " + csv.get(0));
        assertTrue(csv.stream().anyMatch(l -> l.contains("seeds__s3-2-town-report.docx") && l.contains(",述职报告,")),
                "document types as Chinese labels");
        assertTrue(csv.stream().anyMatch(l -> l.contains(",通知方案,") || l.contains(",讲话点评,")),
                "the notices and speeches of the seeds, by label");
        assertFalse(csv.stream().anyMatch(l -> l.matches(".*,(report|notice|speech|other|unknown),.*")), "no type ids");
        String index = Files.readString(out.resolve("index.html"));
        assertTrue(index.contains("seeds__s3-2-town-report.docx.html"));
        assertTrue(index.contains("<td>述职报告</td>") && index.contains("失败：文件为空或没有可读文字"), "labels on the index");
        assertFalse(index.matches("(?s).*<td>(report|notice|speech|other|unknown)</td>.*"), "no type ids on the index");
        assertFalse(index.contains("失败：EMPTY"));
        // quality summary: whole-number counts, notice titles rather than profile ids, reports named by unit and year
        String quality = Files.readString(out.resolve("quality-summary.html"));
        assertFalse(quality.matches("(?s).*<td>\\d+\\.0</td><td>\\d+\\.\\d</td>.*"), "counts are integers");
        assertTrue(quality.contains("<th>份数 [综合得分]</th>"), "the distribution tables are there");
        assertTrue(quality.contains("衡科院组通〔2026〕4号"), "s0 shown as its notice's title");
        assertFalse(quality.matches("(?s).*<td class=\"wrap\">(s0|s4|default)</td>.*"), "no bare profile ids");
        assertTrue(quality.contains(">柳河镇党委 2023 年</a>"), "links named by unit and year");
        assertFalse(quality.matches("(?s).*>units__rendered__[^<]*</a>.*"), "no links named by id");
        String pair = Files.readString(out.resolve("copies/units__rendered__jc-univ-foreign-2024.doc__"
                + "units__rendered__jc-univ-mech-2024.docx.html"));
        assertTrue(pair.contains("本报告：江城大学外国语学院党总支 2024 年"), "copy pages named by unit and year");
        assertFalse(pair.contains("本报告：units__"));
        // the corpus phase: comparisons in the JSON, the year-over-year and side-by-side pages
        JsonNode recycled = JSON.readTree(out.resolve("json/units__rendered__city-audit-2024.doc.json").toFile());
        assertTrue(recycled.get("comparison").get("copyStats").get("recycledRatio").asDouble() > 0.8);
        assertTrue(Files.readString(out.resolve("yoy/index.html")).contains("江城大学经济管理学院党总支"));
        assertTrue(Files.readString(out.resolve("yoy/江城大学经济管理学院党总支.html")).contains("年年在：2023、2024、2025 年（共 3 个年度）"));
        assertTrue(Files.exists(out.resolve("copies/units__rendered__jc-univ-foreign-2024.doc__"
                + "units__rendered__jc-univ-mech-2024.docx.html")));
        assertTrue(Files.readString(out.resolve("html/units__rendered__liuhe-town-2023.txt.html"))
                .contains("范文：") , "the template copy is shown on the report page");
    }

    @Test
    void everythingFromTheDocumentIsEscapedInHtml() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        Files.writeString(in.resolve("<img src=x onerror=alert(1)>.txt"),
                "2024年度测试党支部书记述职报告\n一、主要做法及成效\n我组织学习<script>alert('x')</script>12次，"
                        + "部分党员\"未参加\"。\n二、存在问题\n一是学习不够。", StandardCharsets.UTF_8);
        Path out = tmp.resolve("out");
        assertEquals(0, run("analyze", in.toString(), "--out", out.toString(), "--dictionaries",
                root().resolve("dictionaries").toString(), "--no-progress"));
        Path html;
        try (Stream<Path> s = Files.list(out.resolve("html"))) {
            html = s.findFirst().orElseThrow();
        }
        String page = Files.readString(html);
        try (Stream<Path> s = Files.list(out.resolve("yoy"))) {
            for (Path y : s.toList()) {
                assertFalse(Files.readString(y).contains("<script>"), "raw script tag in " + y);
            }
        }
        assertFalse(page.contains("<script>"), "raw script tag in page");
        assertFalse(page.contains("<img src=x"), "raw img tag in page");
        assertTrue(page.contains("&lt;script&gt;"));
        assertTrue(page.contains("<mark class=\"vague"), "vague term highlighted");
        assertFalse(Files.readString(out.resolve("index.html")).contains("<img src=x"));
    }

    @Test
    void missingInputIsAFatalErrorWithAClearMessage() {
        assertEquals(ShuzhiCommand.EXIT_FATAL, run("analyze", tmp.resolve("nope").toString(), "--out",
                tmp.resolve("o").toString(), "--no-progress"));
        assertEquals(2, run("analyze", "--no-such-option"));
        assertEquals(2, run("analyze", tmp.toString(), "--threads", "0"));
        assertEquals(2, run("analyze", tmp.toString(), "--timeout", "0"));
        assertEquals(2, run("analyze", tmp.toString(), "--max-bytes", "0"));
    }

    @Test
    void strictModeReportsFailedFilesInTheExitCode() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in2"));
        Files.write(in.resolve("empty.docx"), new byte[0]);
        Files.copy(root().resolve("corpus-samples/units/rendered/baisha-town-2023.txt"), in.resolve("report.txt"));
        assertEquals(ShuzhiCommand.EXIT_FAILED_FILES, run("analyze", in.toString(), "--out",
                tmp.resolve("o2").toString(), "--dictionaries", root().resolve("dictionaries").toString(),
                "--no-progress", "--strict"));
    }
}
