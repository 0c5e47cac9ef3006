package org.shuzhi.pipeline.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shuzhi.pipeline.Repo;
import org.shuzhi.pipeline.model.Comparison;
import org.shuzhi.pipeline.model.MetaValue;
import org.shuzhi.pipeline.model.Metadata;
import org.shuzhi.pipeline.model.ReportDocument;
import org.shuzhi.pipeline.model.SourceKind;
import org.shuzhi.pipeline.run.Pipeline;

/**
 * 疑似共同范文 with plants: a synthetic corpus of five units (2024) through the standard pipeline and the real corpus
 * comparison. One passage stands in three units' reports and in no template; one only in two units' reports; one in
 * four units' reports and in the template library; an official phrase in all five.
 */
class SharedTemplatesTest {
    static final String SHARED3 = "各支部要把三会一课记录本与学习强国积分一并纳入季度考评台账，由组织委员每月逐本核对签字后报送机关党委备案。";
    static final String SHARED2 = "我支部率先将退休党员纳入网格联络群，按楼栋分派联络员每周电话回访一次并建立走访登记簿。";
    static final String IN_TEMPLATE = "建立支部书记项目清单、问题清单、责任清单三张清单制度，实行月调度、季讲评、年考核的闭环管理机制。";
    static final String OFFICIAL = "以习近平新时代中国特色社会主义思想为指导";
    static final String[] UNITS = {"甲局机关党支部", "乙局机关党支部", "丙局机关党支部", "丁局机关党支部", "戊局机关党支部"};

    private static final Map<String, Comparison> RESULT = new TreeMap<>();
    private static final Map<String, String> UNIT_OF = new TreeMap<>();
    private static final Map<String, ReportDocument> DOCS = new TreeMap<>();
    private static List<SharedTemplates.Group> groupsOfTheRun;

    /** Filler that no two reports share: words drawn per sentence with a fixed seed, numbers every few characters. */
    static String filler(Random r, int sentences) {
        String[] subj = {"支部", "党小组", "青年党员", "机关党员", "党务干部", "入党积极分子", "退役军人党员", "窗口党员"};
        String[] verb = {"学习", "走访", "讲评", "整理", "调研", "宣讲", "核查", "督办", "慰问", "研讨"};
        String[] obj = {"台账", "案例", "课件", "问卷", "简报", "清单", "专题", "档案", "问题", "心得"};
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < sentences; i++) {
            b.append(r.nextInt(12) + 1).append("月").append(subj[r.nextInt(subj.length)])
                    .append(verb[r.nextInt(verb.length)]).append(r.nextInt(90) + 10).append("次")
                    .append(obj[r.nextInt(obj.length)]).append(r.nextInt(900) + 100).append("份")
                    .append(verb[r.nextInt(verb.length)]).append(obj[r.nextInt(obj.length)]).append("。");
        }
        return b.toString();
    }

    static String report(int u, Random r) {
        String unit = UNITS[u];
        return "2024年度" + unit + "书记抓基层党建工作述职报告\n"
                + "一、主要做法及成效\n"
                + "我坚持" + OFFICIAL + "，" + filler(r, 4) + "\n"
                + filler(r, 3) + (u <= 2 ? SHARED3 : "") + filler(r, 2) + "\n"
                + filler(r, 2) + (u <= 3 ? IN_TEMPLATE : "") + filler(r, 2) + "\n"
                + "二、存在的问题\n"
                + "我对支部工作抓得不够实，" + filler(r, 3) + (u >= 3 ? SHARED2 : "") + "\n"
                + "三、下一步打算\n"
                + filler(r, 4) + "\n";
    }

    @BeforeAll
    static void compare() throws Exception {
        CorpusComparison cc = new CorpusComparison(CompareOptions.defaults().withThreads(2), Repo.dictionaries(),
                new InMemoryTextStore());
        Random r = new Random(14);
        try (Pipeline p = Repo.pipeline()) {
            cc.addTemplate(p.analyzeText("tpl", "支部工作范文\n一、主要做法\n" + filler(r, 3) + IN_TEMPLATE
                    + filler(r, 3) + "\n"));
            for (int u = 0; u < UNITS.length; u++) {
                ReportDocument d = p.analyzeText("r" + u, report(u, r)).withMetadata(new Metadata(
                        new MetaValue(UNITS[u], "manifest"), new MetaValue("书记" + u, "manifest"),
                        new MetaValue("2024", "manifest"), Map.of()));
                UNIT_OF.put(d.id(), UNITS[u]);
                DOCS.put(d.id(), d);
                cc.add(d);
            }
        }
        RESULT.putAll(cc.compare());
        groupsOfTheRun = cc.sharedTemplates();
    }

    @Test
    void eachReportOfAGroupCarriesTheFlagOnTheParagraphOfThePassage() {
        assertEquals(SharedTemplates.find(RESULT, UNIT_OF, SharedTemplates.MIN_UNITS), groupsOfTheRun);
        for (String id : List.of("r0", "r1", "r2")) {
            Comparison c = RESULT.get(id);
            assertEquals(1, c.sharedTemplates().size(), id + " " + c.sharedTemplates());
            Comparison.SharedTemplate t = c.sharedTemplates().get(0);
            assertEquals(groupsOfTheRun.get(0).id(), t.group());
            assertEquals(3, t.units().size());
            String paragraph = DOCS.get(id).paragraphs().get(t.paragraph()).text();
            assertTrue(paragraph.contains(SHARED3), paragraph);
            assertTrue(c.flags(t.paragraph()).contains(org.shuzhi.pipeline.model.ParagraphFlag.SHARED_TEMPLATE));
            assertEquals(t.text(), DOCS.get(id).text().substring(t.span().start(), t.span().end()));
        }
        for (String id : List.of("r3", "r4")) {
            assertEquals(List.of(), RESULT.get(id).sharedTemplates(), id);
            assertTrue(RESULT.get(id).paragraphFlags().stream().noneMatch(f -> f.flags().contains(
                    org.shuzhi.pipeline.model.ParagraphFlag.SHARED_TEMPLATE)), id);
        }
    }

    @Test
    void thePlantsAreFoundByTheComparison() {
        // the negatives below would be empty promises if the comparison had not seen these passages at all
        assertTrue(RESULT.get("r3").passages().stream().anyMatch(p -> p.sourceId().equals("r4")
                && SHARED2.contains(p.text().strip())), RESULT.get("r3").passages().toString());
        assertTrue(RESULT.get("r0").passages().stream().anyMatch(p -> p.sourceKind() == SourceKind.TEMPLATE
                && IN_TEMPLATE.contains(p.text().strip())), RESULT.get("r0").passages().toString());
    }

    @Test
    void onlyThePassageOfThreeUnitsOutsideTheLibraryIsGrouped() {
        List<SharedTemplates.Group> groups = SharedTemplates.find(RESULT, UNIT_OF, SharedTemplates.MIN_UNITS);
        assertEquals(1, groups.size(), groups.toString());
        SharedTemplates.Group g = groups.get(0);
        assertEquals(List.of(UNITS[0], UNITS[2], UNITS[1]).stream().sorted().toList(), g.units());
        assertEquals(List.of("r0", "r1", "r2"), g.members().stream().map(SharedTemplates.Member::reportId).toList());
        assertTrue(g.text().length() >= 30 && SHARED3.contains(g.text().strip()), g.text());
        for (SharedTemplates.Member m : g.members()) {
            assertTrue(m.text().contains(g.text().strip()), m.toString());
            assertTrue(!m.text().contains(OFFICIAL), "official phrases are masked: " + m.text());
        }
    }

    @Test
    void twoUnitsAreEnoughWhenAskedAndTheLibraryStillExcludes() {
        List<SharedTemplates.Group> groups = SharedTemplates.find(RESULT, UNIT_OF, 2);
        assertEquals(2, groups.size(), groups.toString());
        assertTrue(groups.stream().anyMatch(g -> SHARED2.contains(g.text().strip())
                && g.units().equals(List.of(UNITS[3], UNITS[4]).stream().sorted().toList())));
        assertTrue(groups.stream().noneMatch(g -> g.text().contains("三张清单")), groups.toString());
        assertThrows(IllegalArgumentException.class, () -> SharedTemplates.find(RESULT, UNIT_OF, 1));
    }

    @Test
    void reportsWithoutAUnitDoNotCount() {
        Map<String, String> units = new TreeMap<>(UNIT_OF);
        units.remove("r2");
        assertEquals(List.of(), SharedTemplates.find(RESULT, units, SharedTemplates.MIN_UNITS));
    }
}
