package org.shuzhi.pipeline.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shuzhi.pipeline.Repo;
import org.shuzhi.pipeline.model.Comparison;
import org.shuzhi.pipeline.model.MetaValue;
import org.shuzhi.pipeline.model.Metadata;
import org.shuzhi.pipeline.model.ReportDocument;
import org.shuzhi.pipeline.run.Pipeline;

/**
 * 上年承诺未见下文 with plants: a unit's 2024 report makes three concrete promises; its 2025 report reports one as
 * done, takes up the second's topic in other words, and never mentions the third. Only the third is open.
 */
class OpenPromiseTest {
    static final String KEPT = "2025年6月底前建成党员活动室并配齐学习设备。";
    static final String TOPIC = "2025年10月底前编印支部工作法案例汇编一册，报送区委组织部。";
    static final String NEVER = "2025年9月底前完成对全部12名入党积极分子的政审外调。";

    static final String OPENING = "按照街道党工委的要求，现将本人履行抓基层党建工作第一责任人职责情况报告如下。\n";

    private static Comparison later;

    private static ReportDocument doc(Pipeline p, String id, int year, String text) {
        return p.analyzeText(id, text).withMetadata(new Metadata(new MetaValue("柳岸社区党支部", "manifest"),
                new MetaValue("周敏", "manifest"), new MetaValue(String.valueOf(year), "manifest"), Map.of()));
    }

    @BeforeAll
    static void compare() throws Exception {
        CorpusComparison cc = new CorpusComparison(CompareOptions.defaults().withThreads(2), Repo.dictionaries(),
                new InMemoryTextStore());
        try (Pipeline p = Repo.pipeline()) {
            cc.add(doc(p, "liuan-2024", 2024, "柳岸社区党支部书记2024年度抓基层党建工作述职报告\n" + OPENING
                    + "一、主要工作\n我全年召开支部党员大会4次，发展党员2名，走访困难党员16户。\n"
                    + "二、存在的问题\n一是阵地建设滞后，支部没有固定的党员活动场所。二是党员教育形式单一。\n"
                    + "三、下一步打算\n一是" + KEPT + "二是" + TOPIC + "三是" + NEVER + "\n"));
            cc.add(doc(p, "liuan-2025", 2025, "柳岸社区党支部书记2025年度抓基层党建工作述职报告\n" + OPENING
                    + "一、主要工作\n我今年5月建成党员活动室，配齐学习设备，全年开展集中学习11次。"
                    + "总结的“楼栋微议事”支部工作法在全区作了交流。\n"
                    + "二、存在的问题\n一是党员教育形式仍然单一。二是青年党员参与社区服务不多。\n"
                    + "三、下一步打算\n2026年3月底前组织青年党员成立志愿服务队。\n"));
        }
        later = cc.compare().get("liuan-2025");
    }

    @Test
    void onlyThePromiseTheLaterReportNeverMentionsIsOpen() {
        List<Comparison.OpenPromise> open = later.openPromises();
        assertEquals(1, open.size(), open.toString());
        Comparison.OpenPromise o = open.get(0);
        assertTrue(NEVER.contains(o.previousText().replaceFirst("^三是", "").strip()), o.previousText());
        assertEquals("liuan-2024", o.previousReportId());
        assertEquals(2024, o.previousYear());
        assertTrue(o.closestSimilarity() < o.threshold());
    }

    @Test
    void theKeptPromiseIsAKeptMatchNotAnOpenOne() {
        assertTrue(later.yearOverYear(Comparison.YearOverYearMatch.Kind.PLAN_KEPT).stream()
                .anyMatch(m -> m.previousText().contains("党员活动室")), later.yearOverYear().toString());
        assertTrue(later.openPromises().stream().noneMatch(o -> o.previousText().contains("党员活动室")
                || o.previousText().contains("工作法")));
    }
}
