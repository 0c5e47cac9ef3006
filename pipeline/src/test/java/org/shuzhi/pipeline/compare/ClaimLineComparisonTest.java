package org.shuzhi.pipeline.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shuzhi.pipeline.Repo;
import org.shuzhi.pipeline.model.Category;
import org.shuzhi.pipeline.model.Comparison;
import org.shuzhi.pipeline.model.Comparison.CopiedPassage;
import org.shuzhi.pipeline.model.Comparison.YearOverYearMatch;
import org.shuzhi.pipeline.model.MetaValue;
import org.shuzhi.pipeline.model.Metadata;
import org.shuzhi.pipeline.model.Paragraph;
import org.shuzhi.pipeline.model.ParagraphFlag;
import org.shuzhi.pipeline.model.ReportDocument;
import org.shuzhi.pipeline.run.Pipeline;

/**
 * Numbered one-line claims (1.支部组织生活形式单一：…。) are items, not headings (issue 12, structure), so the
 * year-over-year comparison and copy detection see them: a problem line repeated word for word a year later is a
 * repeated problem, and a one-line item taken from another unit's report is copied text.
 */
class ClaimLineComparisonTest {
    private static final String REPEATED = "1.支部组织生活形式单一：集中学习仍以读文件为主，党员参与热情有待提高。";
    private static final String COPIED = "2、村级集体经济底子薄，增收渠道单一，带动群众致富能力不强。";
    private static Map<String, Comparison> result;
    private static Map<String, ReportDocument> docs;

    private static ReportDocument report(Pipeline p, String id, String unit, String secretary, int year,
                                         String... lines) {
        ReportDocument d = p.analyzeText(id, String.join("\n", lines));
        return d.withMetadata(new Metadata(new MetaValue(unit, "manifest"), new MetaValue(secretary, "manifest"),
                new MetaValue(String.valueOf(year), "manifest"), Map.of()));
    }

    @BeforeAll
    static void compare() throws Exception {
        CorpusComparison cc = new CorpusComparison(CompareOptions.defaults().withThreads(1), Repo.dictionaries(),
                new InMemoryTextStore());
        try (Pipeline p = Repo.pipeline()) {
            List<ReportDocument> all = List.of(
                    report(p, "qingshan-2023", "青山村党支部", "李明", 2023,
                            "青山村党支部书记2023年度抓基层党建工作述职报告",
                            "一、主要做法及成效",
                            "全年组织支部集中学习12次，发展党员2名，新建党员活动室1处，修订村规民约并张榜公布。",
                            "二、存在的问题",
                            REPEATED,
                            COPIED,
                            "三、下一步打算",
                            "1、2024年6月底前建成村级光伏项目，年增集体收入5万元。"),
                    report(p, "qingshan-2024", "青山村党支部", "李明", 2024,
                            "青山村党支部书记2024年度抓基层党建工作述职报告",
                            "一、主要做法及成效",
                            "完成村部改造，开展主题党日活动10次，走访困难群众46户，调解邻里纠纷8起。",
                            "二、存在的问题",
                            REPEATED,
                            "2、年轻党员比例偏低，35岁以下党员仅有3名，后备力量储备不足。",
                            "三、下一步打算",
                            "1、2025年底前培养入党积极分子4名，选派2名党员到县委党校轮训。"),
                    report(p, "baishi-2024", "白石村党支部", "周红", 2024,
                            "白石村党支部书记2024年度抓基层党建工作述职报告",
                            "一、主要做法及成效",
                            "推行党员积分管理，评选星级党员15名，带领群众发展茶叶种植300亩。",
                            "二、存在的问题",
                            "1、对村务监督委员会指导较少，监督作用发挥有限。",
                            COPIED,
                            "三、下一步打算",
                            "1、2025年9月前完成茶叶合作社注册，吸纳农户60户入社。"));
            all.forEach(cc::add);
            docs = new java.util.TreeMap<>();
            all.forEach(d -> docs.put(d.id(), d));
        }
        result = cc.compare();
    }

    private static Paragraph paragraph(String id, String text) {
        return docs.get(id).paragraphs().stream().filter(x -> x.text().equals(text)).findFirst().orElseThrow();
    }

    @Test
    void theNumberedOneLineProblemIsAProblemItem() {
        for (String id : List.of("qingshan-2023", "qingshan-2024")) {
            Paragraph p = paragraph(id, REPEATED);
            assertFalse(p.heading(), id);
            assertEquals(Category.PROBLEM, p.category(), id);
        }
    }

    @Test
    void aNumberedOneLineProblemRepeatedNextYearIsARepeatedProblem() {
        Comparison later = result.get("qingshan-2024");
        YearOverYearMatch m = later.yearOverYear(YearOverYearMatch.Kind.REPEATED_PROBLEM).stream()
                .filter(x -> x.text().contains("支部组织生活形式单一")).findFirst().orElseThrow(
                        () -> new AssertionError(later.yearOverYear().toString()));
        assertEquals("qingshan-2023", m.previousReportId());
        assertTrue(m.previousText().contains("集中学习仍以读文件为主"), m.previousText());
        assertTrue(m.similarity() >= 0.99, "" + m.similarity());
        int paragraph = paragraph("qingshan-2024", REPEATED).index();
        assertTrue(later.flags(paragraph).contains(ParagraphFlag.REPEATED_PROBLEM), later.paragraphFlags().toString());
    }

    @Test
    void aCopiedNumberedOneLineItemCountsAsCopiedText() {
        Comparison c = result.get("baishi-2024");
        CopiedPassage p = c.passages().stream().filter(x -> x.sourceId().equals("qingshan-2023")).findFirst()
                .orElseThrow(() -> new AssertionError(c.passages().toString()));
        assertTrue(p.text().contains("增收渠道单一，带动群众致富能力不强"), p.text());
        int paragraph = paragraph("baishi-2024", COPIED).index();
        assertTrue(c.flags(paragraph).contains(ParagraphFlag.COPIED), c.paragraphFlags().toString());
        assertTrue(c.copyStats().copyRatio() > 0, "" + c.copyStats().copyRatio());
    }
}
