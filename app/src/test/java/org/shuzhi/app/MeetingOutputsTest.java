package org.shuzhi.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.poi.xwpf.extractor.XWPFWordExtractor;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.shuzhi.app.render.MeetingBrief;
import org.shuzhi.app.render.MeetingBrief.Fact;
import org.shuzhi.app.render.UnitTrend;
import org.shuzhi.app.render.YearOverYearPages;
import org.shuzhi.pipeline.model.Comparison;
import org.shuzhi.pipeline.model.Comparison.CopiedPassage;
import org.shuzhi.pipeline.model.Comparison.Direction;
import org.shuzhi.pipeline.model.Comparison.ProblemCoverage;
import org.shuzhi.pipeline.model.Comparison.YearOverYearMatch;
import org.shuzhi.pipeline.model.ReportDocument;
import org.shuzhi.pipeline.model.SourceKind;

/**
 * The meeting outputs on corpus-samples, analysed once through the command line: the trend of a unit with three
 * years against its per-year JSON, the brief's ranking and every question's premise against the comparison and
 * assessment it cites, and the Word brief read back with Apache POI.
 */
class MeetingOutputsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ECON = "江城大学经济管理学院党总支";

    @TempDir
    static Path tmp;
    static Path out;
    static Map<String, List<ReportDocument>> units = new TreeMap<>();
    static MeetingBrief brief;

    @BeforeAll
    static void analyse() throws Exception {
        Path root = Path.of(System.getProperty("shuzhi.root", ".."));
        out = tmp.resolve("reports");
        assertEquals(0, ShuzhiCommand.commandLine().execute("analyze", root.resolve("corpus-samples").toString(),
                "--out", out.toString(), "--dictionaries", root.resolve("dictionaries").toString(), "--no-progress"));
        try (Stream<Path> s = Files.list(out.resolve("json"))) {
            for (Path f : s.sorted().toList()) {
                String id = f.getFileName().toString().replaceFirst("\\.json$", "");
                ReportDocument d = org.shuzhi.app.render.JsonOutput.read(out.resolve("json").resolve(id + ".json"));
                String u = YearOverYearPages.unitOf(d);
                if (u != null) {
                    units.computeIfAbsent(u, k -> new ArrayList<>()).add(d);
                }
            }
        }
        brief = MeetingBrief.of(null, units, 0);
    }

    @Test
    void theTrendOfAUnitWithThreeYearsEqualsItsJson() throws Exception {
        UnitTrend t = UnitTrend.of(units.get(ECON));
        assertEquals(List.of(2023, 2024, 2025), t.points().stream().map(UnitTrend.Point::year).toList());
        assertTrue(t.comparable());
        for (UnitTrend.Point p : t.points()) {
            JsonNode j = JSON.readTree(out.resolve("json/" + p.reportId() + ".json").toFile());
            assertEquals(j.get("assessment").get("overall").asDouble(), p.score(), 1e-9);
            assertEquals(j.get("comparison").get("copyStats").get("copyRatio").asDouble(), p.copyRatio(), 1e-9);
            assertEquals(j.get("comparison").get("copyStats").get("recycledRatio").asDouble(), p.recycledRatio(),
                    1e-9);
            int repeated = 0;
            for (JsonNode m : j.get("comparison").get("yearOverYear")) {
                repeated += m.get("kind").asText().equals("repeated-problem") ? 1 : 0;
            }
            assertEquals(repeated, p.repeatedProblems());
            int problem = 0;
            for (JsonNode para : j.get("paragraphs")) {
                problem += para.get("category").asText().equals("problem")
                        ? para.get("counts").get("chars").asInt() : 0;
            }
            assertEquals((double) problem / j.get("comparison").get("copyStats").get("chars").asInt(),
                    p.problemShare(), 1e-9);
        }
        assertTrue(t.points().get(2).repeatedProblems() > 0, "the econ 2025 report repeats problems");
        String page = Files.readString(out.resolve("yoy/" + ECON + ".html"));
        assertTrue(page.contains("历年变化趋势") && page.contains("../assets/echarts.min.js"));
        assertTrue(page.contains("年年在：2023、2024、2025 年"), "a chain of three years lists its years");
    }

    @Test
    void aUnitWithOneYearSaysThereIsNothingToCompare() {
        ReportDocument d = units.get(ECON).get(0);
        UnitTrend t = UnitTrend.of(List.of(d));
        assertFalse(t.comparable());
        String html = new YearOverYearPages().unitPage(ECON, List.of(d)).html();
        assertTrue(html.contains("只有 2023 年一个年度的报告，没有可比较的往年数据"), html);
        assertFalse(html.contains("echarts.init"));
    }

    @Test
    void theBriefIsRankedByPriorityAndCoversEveryUnit() {
        assertEquals(units.size(), brief.units().size());
        for (int i = 1; i < brief.units().size(); i++) {
            assertTrue(brief.units().get(i - 1).priority() >= brief.units().get(i).priority());
            assertEquals(i + 1, brief.units().get(i).rank());
        }
        MeetingBrief.UnitBrief first = brief.units().get(0);
        MeetingBrief.UnitBrief last = brief.units().get(brief.units().size() - 1);
        assertTrue(first.priority() > last.priority());
        assertTrue(first.facts().stream().anyMatch(f -> f.kind() == Fact.Kind.EVERY_YEAR_PROBLEM), first.unit());
        // a unit with three problems present every year outranks one with none
        assertTrue(rank(ECON) < rank("江城大学机械工程学院党总支"));
    }

    private static int rank(String unit) {
        return brief.units().stream().filter(u -> u.unit().equals(unit)).findFirst().orElseThrow().rank();
    }

    @Test
    void everyQuestionsPremiseIsAFactOfItsReport() {
        int questions = 0;
        for (MeetingBrief.UnitBrief u : brief.units()) {
            assertTrue(u.questions().size() <= MeetingBrief.QUESTIONS);
            ReportDocument d = units.get(u.unit()).stream().filter(x -> x.id().equals(u.reportId())).findFirst()
                    .orElseThrow();
            for (MeetingBrief.Question q : u.questions()) {
                questions++;
                Fact f = q.premise();
                assertEquals(d.id(), f.reportId());
                assertFalse(f.evidence().isEmpty());
                checkPremise(d, f, q.text());
            }
            for (Fact f : u.facts()) {
                checkPremise(d, f, f.statement());
            }
        }
        assertTrue(questions >= 2 * brief.units().size(), "two or three questions a unit: " + questions);
    }

    private void checkPremise(ReportDocument d, Fact f, String text) {
        Comparison c = d.comparison();
        switch (f.kind()) {
            case REPEATED_PROBLEM, EVERY_YEAR_PROBLEM -> {
                YearOverYearMatch m = c.yearOverYear().get(f.index());
                assertEquals(YearOverYearMatch.Kind.REPEATED_PROBLEM, m.kind());
                assertTrue(f.years().contains(m.previousYear()) && f.years().contains(d.year()));
                assertEquals(f.kind() == Fact.Kind.EVERY_YEAR_PROBLEM, f.years().size() >= 3);
                // every year named is the year of a report of this unit holding the matched problem chain
                for (int y : f.years()) {
                    assertTrue(f.evidence().stream().anyMatch(e -> e.year() == y), y + " " + f);
                }
                for (MeetingBrief.Evidence e : f.evidence()) {
                    ReportDocument r = units.get(d.unit().strip()).stream().filter(x -> x.id().equals(e.reportId()))
                            .findFirst().orElseThrow();
                    assertTrue(r.paragraphs().get(e.paragraph()).text().contains(e.text().strip())
                            || e.text().contains(r.paragraphs().get(e.paragraph()).text().strip()), e.toString());
                }
                String years = String.join("、", f.years().stream().map(String::valueOf).toList());
                assertTrue(f.statement().contains(years));
            }
            case REPEATED_PLAN -> {
                YearOverYearMatch m = c.yearOverYear().get(f.index());
                assertEquals(YearOverYearMatch.Kind.REPEATED_PLAN, m.kind());
                assertTrue(text.contains(String.valueOf(m.previousYear())));
            }
            case RECTIFIED_BUT_REPEATED -> {
                ProblemCoverage pc = c.coverage().get(f.index());
                assertTrue(pc.status() == ProblemCoverage.Status.ADDRESSED && pc.repeated());
            }
            case NOT_MENTIONED -> {
                ProblemCoverage pc = c.coverage().get(f.index());
                assertTrue(pc.status() == ProblemCoverage.Status.NOT_MENTIONED);
            }
            case COPIED, RECYCLED -> {
                CopiedPassage p = c.passages().get(f.index());
                assertEquals(Direction.TAKEN, p.direction(), "抄用 only with a known direction");
                assertEquals(f.kind() == Fact.Kind.RECYCLED, p.sourceKind() == SourceKind.OWN_EARLIER_YEAR);
                int chars = c.passages().stream().filter(x -> x.sourceId().equals(f.sourceId())
                        && x.direction() == Direction.TAKEN).mapToInt(CopiedPassage::chars).sum();
                assertEquals(chars, f.chars());
                assertTrue(text.contains(String.valueOf(chars)));
            }
            case SHARED_TEXT -> {
                CopiedPassage p = c.passages().get(f.index());
                assertEquals(Direction.UNKNOWN, p.direction());
                assertFalse(text.contains("抄"), "no copying claimed without a direction: " + text);
                assertTrue(f.statement().contains("方向不明"));
            }
            case SHARED_TEMPLATE -> {
                assertTrue(f.evidence().stream().allMatch(e -> e.reportId().equals(d.id())));
                assertTrue(f.statement().contains(c.sharedTemplates().get(f.index()).text().substring(0, 10)));
            }
            case OPEN_PROMISE -> {
                Comparison.OpenPromise o = c.openPromises().get(f.index());
                assertTrue(o.keyWords().size() >= 2 && o.keyWords().stream().noneMatch(d.text()::contains), o.toString());
                assertTrue(text.contains(String.valueOf(o.previousYear())), text);
                MeetingBrief.Evidence e = f.evidence().get(0);
                assertEquals(o.previousReportId(), e.reportId());
                assertEquals(o.previousParagraph(), e.paragraph());
                assertFalse(text.contains("未兑现") || text.contains("没有兑现"), "only 未见 is known: " + text);
            }
            case LEVEL -> assertTrue(text.contains(d.assessment().level().label()));
        }
    }

    @Test
    void theBriefPagesAreWrittenAndLinked() throws Exception {
        String html = Files.readString(out.resolve("brief.html"));
        String index = Files.readString(out.resolve("index.html"));
        assertTrue(index.contains("href=\"brief.html\"") && index.contains("href=\"templates-shared.html\""));
        int at = -1;
        for (MeetingBrief.UnitBrief u : brief.units()) { // in rank order on the page
            int next = html.indexOf(u.rank() + ". " + u.unit());
            assertTrue(next > at, u.unit());
            at = next;
        }
        assertTrue(Files.readString(out.resolve("templates-shared.html")).contains("疑似共同范文"));
    }

    @Test
    void aPromiseOfLastYearThatThisReportNeverMentionsIsAFindingWithItsQuestion() throws Exception {
        // the planted pair of OpenPromiseTest: three promises in 2024; 2025 keeps one, takes up one, never names one
        Path root = Path.of(System.getProperty("shuzhi.root", ".."));
        org.shuzhi.pipeline.dict.Dictionaries dict = org.shuzhi.pipeline.dict.Dictionaries.load(root.resolve("dictionaries"));
        org.shuzhi.pipeline.compare.CorpusComparison cc = new org.shuzhi.pipeline.compare.CorpusComparison(
                org.shuzhi.pipeline.compare.CompareOptions.defaults(), dict,
                new org.shuzhi.pipeline.compare.InMemoryTextStore());
        List<ReportDocument> ds = new ArrayList<>();
        try (org.shuzhi.pipeline.run.Pipeline p = org.shuzhi.pipeline.run.Pipeline.standard(dict,
                org.shuzhi.pipeline.meta.Manifest.empty(), org.shuzhi.pipeline.extract.ExtractionLimits.DEFAULT)) {
            for (int year : List.of(2024, 2025)) {
                String name = "liuan-" + year;
                ReportDocument d = p.analyzeText(name, Files.readString(root.resolve(
                        "pipeline/src/test/resources/open-promise/" + name + ".txt"))).withMetadata(
                        new org.shuzhi.pipeline.model.Metadata(new org.shuzhi.pipeline.model.MetaValue("柳岸社区党支部",
                                "manifest"), new org.shuzhi.pipeline.model.MetaValue("周敏", "manifest"),
                                new org.shuzhi.pipeline.model.MetaValue(String.valueOf(year), "manifest"), Map.of()));
                ds.add(d);
                cc.add(d);
            }
        }
        Map<String, Comparison> cs = cc.compare();
        List<ReportDocument> compared = ds.stream().map(d -> d.withComparison(cs.get(d.id()))).toList();
        MeetingBrief b = MeetingBrief.of(null, Map.of("柳岸社区党支部", compared), 0);
        MeetingBrief.UnitBrief u = b.units().get(0);
        List<Fact> open = u.facts().stream().filter(f -> f.kind() == Fact.Kind.OPEN_PROMISE).toList();
        assertEquals(1, open.size(), u.facts().toString());
        checkPremise(compared.get(1), open.get(0), open.get(0).statement());
        assertTrue(open.get(0).statement().contains("政审") && open.get(0).statement().contains("2024年"),
                open.get(0).statement());
        assertTrue(u.questions().stream().anyMatch(q -> q.premise() == open.get(0)
                && q.text().contains("没有提到") && !q.text().contains("未兑现")), u.questions().toString());
    }

    @Test
    void aManifestColumnDefinesTheMeetingsEachWithItsOwnBrief() throws Exception {
        Path root = Path.of(System.getProperty("shuzhi.root", ".."));
        Map<String, Map<String, List<ReportDocument>>> meetings = MeetingOutputs.meetings(units, "sector");
        assertTrue(meetings.size() >= 2, meetings.keySet().toString());
        for (Map.Entry<String, Map<String, List<ReportDocument>>> m : meetings.entrySet()) {
            for (List<ReportDocument> ds : m.getValue().values()) {
                int latest = ds.stream().mapToInt(ReportDocument::year).max().orElseThrow();
                assertTrue(ds.stream().anyMatch(d -> d.year() == latest
                        && m.getKey().equals(d.metadata().extra().get("sector"))), m.getKey());
            }
        }
        // the same run again (nothing changed) with the column: one brief per value, linked from brief.html
        assertEquals(0, ShuzhiCommand.commandLine().execute("analyze", root.resolve("corpus-samples").toString(),
                "--out", out.toString(), "--dictionaries", root.resolve("dictionaries").toString(), "--no-progress",
                "--meeting-column", "sector"));
        String all = Files.readString(out.resolve("brief.html"));
        for (String name : meetings.keySet()) {
            String file = "brief-" + org.shuzhi.pipeline.run.InputFiles.reportId(name);
            assertTrue(all.contains("href=\"" + file + ".html\""), name);
            String page = Files.readString(out.resolve(file + ".html"));
            assertTrue(page.contains("述职评议会提问参考：" + name), page.substring(0, 300));
            for (String unit : meetings.get(name).keySet()) {
                assertTrue(page.contains(unit), unit);
            }
            assertTrue(Files.size(out.resolve(file + ".docx")) > 0);
        }
        java.io.StringWriter err = new java.io.StringWriter();
        picocli.CommandLine cl = ShuzhiCommand.commandLine();
        cl.setErr(new java.io.PrintWriter(err));
        assertEquals(ShuzhiCommand.EXIT_FATAL, cl.execute("analyze", root.resolve("corpus-samples").toString(),
                "--out", out.toString(), "--dictionaries", root.resolve("dictionaries").toString(), "--no-progress",
                "--meeting-column", "没有这一列"));
    }

    @Test
    void theWordBriefOpensAndNamesEveryUnit() throws Exception {
        try (InputStream in = Files.newInputStream(out.resolve("brief.docx"));
             XWPFDocument doc = new XWPFDocument(in);
             XWPFWordExtractor x = new XWPFWordExtractor(doc)) {
            String text = x.getText();
            assertTrue(text.contains("述职评议会提问参考"));
            for (String u : units.keySet()) {
                assertTrue(text.contains(u), u);
            }
            assertNotNull(brief.units().get(0).questions().get(0));
            assertTrue(text.contains("提问1：" + brief.units().get(0).questions().get(0).text()));
        }
    }
}
