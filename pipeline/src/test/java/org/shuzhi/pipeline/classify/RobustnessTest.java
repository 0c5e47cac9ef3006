package org.shuzhi.pipeline.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.shuzhi.pipeline.Repo;
import org.shuzhi.pipeline.meta.Manifest;
import org.shuzhi.pipeline.model.Category;
import org.shuzhi.pipeline.model.Paragraph;
import org.shuzhi.pipeline.model.ReportDocument;
import org.shuzhi.pipeline.run.Pipeline;
import org.shuzhi.pipeline.run.Stages;

/**
 * The categories of a report's key paragraphs survive the faults real reports have: spun synonyms, traditional
 * characters, missing punctuation, headings merged with the first sentence, no headings at all, 一是… items split
 * into separate paragraphs. The report is not from the training data.
 */
class RobustnessTest {
    private static final String REPORT = String.join("\n",
            "2025年度城南街道党工委书记抓基层党建工作述职报告",
            "一、履职情况",
            "一年来，我坚持每月召开党建专题会议，全年主持党工委会议研究党建议题18次，新建“红色驿站”6个，发展党员14名，健全“三会一课”制度，加强社区工作者队伍建设，组织召开民主生活会。",
            "针对2024年述职查摆的“老旧小区党组织覆盖不足”问题，已在9个老旧小区全部建立党支部，整改完成。",
            "二、存在的问题",
            "一是对两新组织党建抓得不紧，全街道132家非公企业中只有41家建立党组织。二是我对社区书记的培养用力不够，全年只开展集中培训2次。",
            "三、原因分析",
            "究其原因，主要是我对新兴领域党建的重要性认识不足，存在畏难情绪，担当精神不够。",
            "四、下一步打算",
            "2026年6月底前，我将牵头对未建党组织的91家企业逐一走访，力争新建党组织20个。",
            "2026年起，每季度举办1期社区书记培训班，由我本人带头讲课。");

    private static Pipeline pipeline;

    @BeforeAll
    static void open() throws Exception {
        pipeline = new Pipeline(new org.shuzhi.pipeline.extract.Extractor(
                org.shuzhi.pipeline.extract.ExtractionLimits.DEFAULT,
                Repo.dictionaries().list(org.shuzhi.pipeline.dict.Dictionaries.BOILERPLATE_LINES)),
                Stages.standard(Repo.dictionaries(), Manifest.empty()));
    }

    @AfterAll
    static void close() {
        pipeline.close();
    }

    record Variant(String name, UnaryOperator<String> change) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Variant> variants() {
        return List.of(
                new Variant("as written", t -> t),
                new Variant("spun synonyms", t -> t.replace("问题", "题目").replace("制度", "轨制").replace("队伍", "步队")
                        .replace("认识", "熟悉").replace("生活会", "糊口会")),
                new Variant("traditional characters", t -> t.replace("党", "黨").replace("会", "會").replace("问题", "問題")
                        .replace("发展", "發展").replace("组织", "組織").replace("认识", "認識").replace("将", "將")),
                new Variant("no punctuation", t -> t.replaceAll("[，。；、“”]", " ")),
                new Variant("no headings", t -> String.join("\n", t.lines()
                        .filter(l -> !l.matches("^[一二三四五六七八九十]、.*")).toList())),
                new Variant("headings merged with first sentence", t -> t.replace("二、存在的问题\n", "二、存在的问题。")
                        .replace("三、原因分析\n", "三、原因分析。").replace("四、下一步打算\n", "四、下一步打算。")),
                new Variant("items split into paragraphs", t -> t.replace("。二是", "。\n二是")));
    }

    private static Category categoryOf(ReportDocument d, String fragment) {
        return d.paragraphs().stream().filter(p -> p.text().contains(fragment)).map(Paragraph::category).findFirst()
                .orElseThrow(() -> new AssertionError("no paragraph with " + fragment));
    }

    @ParameterizedTest
    @MethodSource("variants")
    void keyParagraphsKeepTheirCategory(Variant v) {
        ReportDocument d = pipeline.analyzeText("robustness", v.change().apply(REPORT));
        assertEquals(Category.ACHIEVEMENT, categoryOf(d, "红色驿站"), v.name());
        assertEquals(Category.RECTIFICATION, categoryOf(d, "9个老旧小区"), v.name());
        assertEquals(Category.PROBLEM, categoryOf(d, "两新组织"), v.name());
        assertEquals(Category.CAUSE, categoryOf(d, "畏难情绪"), v.name());
        assertEquals(Category.PLAN, categoryOf(d, "91家企业"), v.name());
        assertEquals(Category.PLAN, categoryOf(d, "培训班"), v.name());
    }

    /** Regression (found by PipelinePropertyTest): a heading decided by its own words had the confidence 0.0. */
    @org.junit.jupiter.api.Test
    void aHeadingThatNamesItsKindIsDecidedWithFullConfidence() {
        ReportDocument d = pipeline.analyzeText("appendix", REPORT + "\n附件1：主要做法及成效\n全年发展党员14名。");
        Paragraph appendix = d.paragraphs().stream().filter(p -> p.text().startsWith("附件1")).findFirst()
                .orElseThrow();
        assertEquals(Category.OTHER, appendix.category());
        assertEquals(1.0, appendix.confidence());
        d.paragraphs().forEach(p -> org.junit.jupiter.api.Assertions.assertTrue(p.confidence() > 0, p.text()));
    }
}
