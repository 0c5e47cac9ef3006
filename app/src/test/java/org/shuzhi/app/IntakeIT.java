package org.shuzhi.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.xwpf.usermodel.BreakType;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ofdrw.layout.OFDDoc;
import org.ofdrw.layout.element.Paragraph;
import org.shuzhi.pipeline.extract.TesseractOcr;

/**
 * What departments actually receive, through {@code shuzhi analyze}: an OFD report, a compiled booklet (docx), a scan
 * with a red seal (when Tesseract is installed) and a broken file, analysed twice — the second run must not parse the
 * broken file again.
 */
class IntakeIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static Path root() {
        return Path.of(System.getProperty("shuzhi.root", ".."));
    }

    private static List<String> report(String unit, int year) throws Exception {
        return Files.readAllLines(root().resolve("corpus-samples/units/src/" + unit + "/" + year + ".txt"),
                StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
    }

    @Test
    void ofdBookletScanAndABrokenFileThroughAnalyze() throws Exception {
        Path in = Files.createDirectories(tmp.resolve("in"));
        try (OFDDoc doc = new OFDDoc(in.resolve("city-audit-2024.ofd"))) {
            for (String l : report("city-audit", 2024)) {
                doc.add(new Paragraph(l, 4.2));
            }
        }
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(in.resolve("汇编.docx"))) {
            doc.createParagraph().createRun().setText("某某县2025年度党组织书记抓基层党建工作述职材料汇编");
            doc.getParagraphs().get(0).createRun().addBreak(BreakType.PAGE);
            for (String u : List.of("liuhe-town", "wutong-community", "jc-univ-mech")) {
                for (String l : report(u, 2025)) {
                    doc.createParagraph().createRun().setText(l);
                }
            }
            doc.write(out);
        }
        Files.write(in.resolve("broken.docx"), new byte[] {'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        boolean ocr = TesseractOcr.find("tesseract") != null;
        if (ocr) {
            OcrBenchmark.scan(root().resolve("corpus-samples/units/rendered/qingshi-town-2024.pdf"),
                    in.resolve("qingshi-scan.pdf"), 0.8, 300);
        }
        Path out = tmp.resolve("out");
        String[] args = {"analyze", in.toString(), "--out", out.toString(), "--dictionaries",
                root().resolve("dictionaries").toString(), "--no-progress", "--no-index"};
        CliRun first = CliRun.of(args);
        assertEquals(0, first.code(), first.out() + first.err());

        JsonNode ofd = JSON.readTree(out.resolve("json/city-audit-2024.ofd.json").toFile());
        assertTrue(ofd.get("failure").isNull(), ofd.get("failure").toString());
        assertEquals("吴振华", ofd.get("secretary").asText());
        assertEquals("application/ofd", ofd.get("extraction").get("mediaType").asText());

        String[] secretaries = {"马德胜", "许丽华", "王立新"};
        for (int k = 1; k <= 3; k++) {
            String id = "汇编.docx--0" + k;
            JsonNode part = JSON.readTree(out.resolve("json/" + id + ".json").toFile());
            assertEquals(secretaries[k - 1], part.get("secretary").asText(), id);
            assertEquals(2025, part.get("year").asInt(), id);
            assertEquals(k, part.get("extraction").get("part").get("index").asInt());
            assertEquals("汇编.docx", part.get("extraction").get("part").get("bookletId").asText());
            String html = Files.readString(out.resolve("html/" + id + ".html"));
            assertTrue(html.contains("出自述职材料汇编") && html.contains("第 " + k + " 篇（共 3 篇）"), id);
        }
        String csv = Files.readString(out.resolve("summary.csv"));
        assertTrue(csv.contains("汇编.docx--02"), csv);

        if (ocr) {
            JsonNode scan = JSON.readTree(out.resolve("json/qingshi-scan.pdf.json").toFile());
            assertTrue(scan.get("failure").isNull(), scan.get("failure").toString());
            assertTrue(scan.get("extraction").get("ocr").get("meanConfidence").asDouble() > 60);
            assertEquals("周建军", scan.get("secretary").asText());
            assertTrue(Files.readString(out.resolve("html/qingshi-scan.pdf.html")).contains("扫描件文字识别（OCR）"));
        } else {
            System.err.println("IntakeIT: 未安装 tesseract，跳过扫描件部分");
        }

        JsonNode broken = JSON.readTree(out.resolve("json/broken.docx.json").toFile());
        assertEquals("corrupt", broken.get("failure").get("kind").asText());
        // the second run repeats the broken file's failure from the ledger instead of parsing it again
        CliRun second = CliRun.of(args);
        assertEquals(0, second.code(), second.err());
        broken = JSON.readTree(out.resolve("json/broken.docx.json").toFile());
        assertEquals("corrupt", broken.get("failure").get("kind").asText());
        assertTrue(broken.get("warnings").toString().contains("未重新解析"), broken.toString());
        assertTrue(second.out().contains("broken.docx — [corrupt]"), second.out());
    }
}
