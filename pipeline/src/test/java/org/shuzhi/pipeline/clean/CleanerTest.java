package org.shuzhi.pipeline.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.shuzhi.pipeline.Repo;
import org.shuzhi.pipeline.model.CleaningEdit;

class CleanerTest {
    private final Cleaner cleaner = new Cleaner(Repo.dictionaries());

    private static long count(Cleaner.Result r, String kind) {
        return r.edits().stream().filter(e -> e.kind().equals(kind)).count();
    }

    @Test
    void removesWatermarksWithSymbolsBetweenTheCharactersAndRecordsThem() {
        Cleaner.Result r = cleaner.clean("形成了浓厚氛围【更多素材&*~搜*索哒哒文库】\n增强班子的凝聚力。【更#多素#材搜索哒哒文库&】\n"
                + "通过开党员会，##paidbegin##看电教片。");
        assertEquals("形成了浓厚氛围\n增强班子的凝聚力。\n通过开党员会，看电教片。", r.text());
        assertEquals(3, count(r, "watermark"));
        assertEquals(3, r.flags().stream().filter(f -> f.list().equals("watermarks")).count());
        for (CleaningEdit e : r.edits()) {
            assertTrue(e.at() <= r.text().length());
        }
    }

    @Test
    void dropsWatermarkThatIsAWholeLineWithItsLineBreak() {
        Cleaner.Result r = cleaner.clean("第一段。\n【更多素材搜索哒哒文库】\n第二段。");
        assertEquals("第一段。\n第二段。", r.text());
    }

    @Test
    void restoresSpunSynonymsOnlyInSpunText() {
        String spun = "分析存在题目，共同商量解决题目办法。健全例会轨制，带好步队，坚持民主糊口会制度，充分施展作用。";
        Cleaner.Result r = cleaner.clean(spun);
        assertTrue(r.text().contains("存在问题"), r.text());
        assertTrue(r.text().contains("制度"), r.text());
        assertTrue(r.text().contains("队伍"), r.text());
        assertTrue(r.text().contains("民主生活会"), r.text());
        assertFalse(r.text().contains("题目"), r.text());
        assertTrue(count(r, "spun-synonym") >= 5);

        String normal = "这次竞赛的题目很难，流动党员管理要加强。";
        assertEquals(normal, cleaner.clean(normal).text());
    }

    @Test
    void flagsPlaceholdersWithoutChangingThem() {
        Cleaner.Result r = cleaner.clean("20**年度，XX镇党委书记×××同志在202_年的工作。");
        assertEquals("20**年度，XX镇党委书记×××同志在202_年的工作。", r.text());
        List<String> hits = r.flags().stream().filter(f -> f.list().equals("placeholders"))
                .map(f -> f.span().of(r.text())).toList();
        assertTrue(hits.contains("20**"), hits.toString());
        assertTrue(hits.stream().anyMatch(h -> h.contains("×××")), hits.toString());
        assertTrue(hits.stream().anyMatch(h -> h.startsWith("XX")), hits.toString());
        assertTrue(hits.stream().anyMatch(h -> h.startsWith("202_")), hits.toString());
    }

    @Test
    void convertsTraditionalTextToSimplified() {
        Cleaner.Result r = cleaner.clean("今年以來，我認真履行第一責任人職責，組織開展黨建工作。");
        assertEquals("今年以来，我认真履行第一责任人职责，组织开展党建工作。", r.text());
        assertEquals(1, count(r, "traditional"));
    }

    @Test
    void normalisesLayoutToOneParagraphPerLine() {
        Cleaner.Result r = cleaner.clean("\uFEFF  第一段\u200B。\r\n\r\n\t第二段。  \r第三段。\n- 2 -\n");
        assertEquals("第一段。\n第二段。\n第三段。", r.text());
    }

    @Test
    void cleaningIsIdempotent() {
        String raw = "分析存在题目【更多素材搜索哒哒文库】，健全轨制，带好步队，民主糊口会。\n今年以來，XX同志。";
        String once = cleaner.clean(raw).text();
        assertEquals(once, cleaner.clean(once).text());
    }

    // Regression tests for defects found by CleanerPropertyTest (issue 8).

    @Test
    void loneSurrogatesAreRemovedAndPairsKept() {
        Cleaner.Result r = cleaner.clean("发展党员\uD83D12名，\uD840\uDC00字保留，\uDE00结束。");
        assertEquals("发展党员12名，\uD840\uDC00字保留，结束。", r.text());
        assertTrue(java.nio.charset.StandardCharsets.UTF_8.newEncoder().canEncode(r.text()), "writable as UTF-8");
        assertEquals(1, count(r, "control-char"));
    }

    @Test
    void aWatermarkRemovedFromALineEndOrStartLeavesNoSpaceBehind() {
        Cleaner.Result r = cleaner.clean("形成了浓厚氛围 【更多素材搜索哒哒文库】\n##paidend## 增强班子的凝聚力。\n第三段。");
        assertEquals("形成了浓厚氛围\n增强班子的凝聚力。\n第三段。", r.text());
        assertEquals(r.text(), cleaner.clean(r.text()).text(), "cleaning cleaned text changes nothing");
        List<Integer> at = r.edits().stream().map(CleaningEdit::at).toList();
        assertEquals(List.of(7, 8), at, "each edit points to where its removal stands");
    }

    @Test
    void removingTheLastLineLeavesEveryEditInsideTheText() {
        Cleaner.Result r = cleaner.clean("述职报告正文。\n- 3 -\n \u3000 ");
        assertEquals("述职报告正文。", r.text());
        CleaningEdit page = r.edits().stream().filter(e -> e.kind().equals("boilerplate-line")).findFirst()
                .orElseThrow();
        assertEquals(r.text().length(), page.at());
    }

    @Test
    void theTraditionalScriptDecisionIgnoresTextThatCleaningRemoves() {
        // 3 traditional characters among 145 CJK characters of content (2.07% > 2%), and a watermark of 10 more
        String content = "黨會問" + "今年以来我认真履行第一责任人职责".repeat(8) + "发展党员开展主题党日活动" + "我们";
        String raw = content + "\n【更多素材搜索哒哒文库】";
        Cleaner.Result once = cleaner.clean(raw);
        assertTrue(once.text().startsWith("党会问"), once.text());
        assertEquals(once.text(), cleaner.clean(once.text()).text(), "cleaning cleaned text changes nothing");
    }
}
