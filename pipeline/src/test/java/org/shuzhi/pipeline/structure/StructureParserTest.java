package org.shuzhi.pipeline.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.shuzhi.pipeline.Repo;
import org.shuzhi.pipeline.model.Category;
import org.shuzhi.pipeline.model.DocType;
import org.shuzhi.pipeline.model.Item;
import org.shuzhi.pipeline.model.Paragraph;
import org.shuzhi.pipeline.model.Section;

class StructureParserTest {
    private final StructureParser parser = new StructureParser(Repo.dictionaries());

    @Test
    void headingsAtEveryNumberingLevel() {
        String text = String.join("\n", "2024年度机械学院党总支书记述职报告", "一、主要做法及成效", "（一）抓理论学习",
                "全年组织集中学习12次。", "1.落实第一议题制度", "（1）每月一次", "①建立台账", "二、存在问题及原因",
                "(一)存在的主要问题", "一是理论学习不够深入。二是调研不够。", "（二）原因剖析", "主观上重视不够。",
                "三、下一步打算", "2025年6月底前建立台账。");
        StructureParser.Structure s = parser.parse(text, DocType.REPORT);
        List<String> headings = s.paragraphs().stream().filter(Paragraph::heading).map(Paragraph::text).toList();
        assertEquals(List.of("一、主要做法及成效", "（一）抓理论学习", "1.落实第一议题制度", "（1）每月一次", "①建立台账",
                "二、存在问题及原因", "(一)存在的主要问题", "（二）原因剖析", "三、下一步打算"), headings);
        List<Integer> levels = s.sections().stream().skip(1).map(Section::level).toList();
        assertEquals(List.of(1, 2, 3, 4, 4, 1, 2, 2, 1), levels);
        Section problems = s.sections().stream().filter(x -> x.heading().equals("(一)存在的主要问题")).findFirst()
                .orElseThrow();
        assertEquals(List.of(Category.PROBLEM), problems.kinds());
        assertEquals(List.of(Category.PROBLEM, Category.CAUSE), s.sections().get(6).kinds());
        Section causes = s.sections().stream().filter(x -> x.heading().equals("（二）原因剖析")).findFirst().orElseThrow();
        assertEquals(List.of(Category.CAUSE), causes.kinds());
        Paragraph p = s.paragraphs().stream().filter(x -> x.text().startsWith("一是")).findFirst().orElseThrow();
        assertEquals(List.of("一是", "二是"), p.items().stream().map(Item::marker).toList());
        assertEquals(2, p.sentences().size());
    }

    @Test
    void headingMergedWithItsFirstSentenceOpensASectionButStaysContent() {
        String text = "一、履职情况\n1、制定党建工作责任目标。年初，我镇召开多次会议，研究制定了党建工作年度计划。\n二、存在问题\n问题一。";
        StructureParser.Structure s = parser.parse(text, DocType.REPORT);
        Paragraph merged = s.paragraphs().get(1);
        assertFalse(merged.heading());
        Section sub = s.sections().get(merged.section());
        assertEquals("1、制定党建工作责任目标。", sub.heading());
        assertEquals(List.of(Category.ACHIEVEMENT), sub.kinds());
    }

    @Test
    void unlabelledSectionsBeforeTheProblemSectionAreAchievementsInReportsOnly() {
        String text = "一、明确职责，增强责任感\n我镇召开会议。\n二、工作中存在的不足及下步工作打算\n一是责任没有落实。";
        Section first = parser.parse(text, DocType.REPORT).sections().get(1);
        assertEquals(List.of(Category.ACHIEVEMENT), first.kinds());
        assertEquals(Section.KindOrigin.POSITION, first.kindOrigin());
        assertTrue(parser.parse(text, DocType.SPEECH).sections().get(1).kinds().isEmpty());
        assertEquals(List.of(Category.PROBLEM, Category.PLAN),
                parser.parse(text, DocType.REPORT).sections().get(2).kinds());
    }

    @Test
    void textWithoutHeadingsIsOneSectionAndEverySpanNestsInBounds() {
        String text = "今年以来，我认真履职。发展党员3名！\n存在问题是学习不够；原因是重视不够\n下一步我将加强学习";
        StructureParser.Structure s = parser.parse(text, DocType.REPORT);
        assertEquals(1, s.sections().size());
        assertEquals(3, s.paragraphs().size());
        for (Paragraph p : s.paragraphs()) {
            assertEquals(p.text(), text.substring(p.start(), p.end()));
            p.sentences().forEach(x -> assertTrue(p.span().contains(x.span())));
            p.items().forEach(x -> assertTrue(p.span().contains(x.span())));
        }
        assertEquals(List.of("今年以来，我认真履职。", "发展党员3名！"), s.paragraphs().get(0).sentences().stream()
                .map(x -> x.span().of(text)).toList());
    }

    private static Paragraph line(StructureParser.Structure s, String prefix) {
        return s.paragraphs().stream().filter(x -> x.text().startsWith(prefix)).findFirst().orElseThrow();
    }

    private static Section sectionOf(StructureParser.Structure s, Paragraph p) {
        return s.sections().get(p.section());
    }

    @Test
    void numberedOneLineProblemsAreItemsOfTheProblemSection() {
        String text = String.join("\n", "一、主要做法及成效", "全年召开支委会12次。", "二、存在的问题",
                "1.支部组织生活形式单一：集中学习仍以读文件为主，党员参与热情有待提高。",
                "2、联系服务群众不够深入，走访多停留在面上。", "3.党员教育管理偏松：流动党员参学率偏低",
                "三、下一步打算", "2025年3月底前建立流动党员台账。");
        StructureParser.Structure s = parser.parse(text, DocType.REPORT);
        for (String prefix : List.of("1.支部", "2、联系", "3.党员")) {
            Paragraph p = line(s, prefix);
            assertFalse(p.heading(), p.text());
            Section sec = sectionOf(s, p);
            assertEquals("二、存在的问题", sec.heading(), p.text());
            assertEquals(List.of(Category.PROBLEM), sec.kinds());
            assertEquals(prefix.substring(0, 2), p.items().get(0).marker());
            assertEquals(p.span(), p.items().get(0).span());
        }
        assertEquals(4, s.sections().size(), "claims open no sections");
    }

    @Test
    void numberedPlanLinesUnderThePlanSectionArePlanItemsEvenWhenTheyNameAProblem() {
        String text = String.join("\n", "二、存在的问题", "理论学习不够深入。", "三、下一步打算",
                "1、推进村级集体经济发展，年内新增经营性收入10万元以上。",
                "2、针对组织生活质量不高的问题，每季度开展一次主题党日观摩。", "3、补齐阵地建设短板！");
        StructureParser.Structure s = parser.parse(text, DocType.REPORT);
        for (String prefix : List.of("1、推进", "2、针对", "3、补齐")) {
            Paragraph p = line(s, prefix);
            assertFalse(p.heading(), p.text());
            assertEquals("三、下一步打算", sectionOf(s, p).heading());
            assertEquals(List.of(Category.PLAN), sectionOf(s, p).kinds(), p.text());
        }
    }

    @Test
    void numberedCauseLinesUnderTheCauseAnalysisAreCauseItems() {
        String text = String.join("\n", "二、存在问题及原因", "（一）存在的主要问题", "一是谈心谈话不经常。",
                "（二）原因剖析", "1.理想信念有所松懈，对抓党建重要性的认识存在不足。", "2、担当意识不强，遇到问题存在等靠思想；",
                "3.宗旨意识淡化：对群众的急难愁盼问题调研不够", "三、下一步打算", "每月开展一次谈心谈话。");
        StructureParser.Structure s = parser.parse(text, DocType.REPORT);
        for (String prefix : List.of("1.理想", "2、担当", "3.宗旨")) {
            Paragraph p = line(s, prefix);
            assertFalse(p.heading(), p.text());
            assertEquals("（二）原因剖析", sectionOf(s, p).heading());
            assertEquals(List.of(Category.CAUSE), sectionOf(s, p).kinds(), p.text());
        }
    }

    @Test
    void aSubHeadingThatMakesAClaimIsContent() {
        String text = String.join("\n", "二、存在的问题", "（一）政治理论学习不够深，在学风上有差距。",
                "学习多满足于读原文、记笔记。", "（二）组织生活质量不高", "三会一课存在程序化倾向。",
                "（三）联系群众不够紧密，服务意识有待增强。", "走访群众每年不足10次。");
        StructureParser.Structure s = parser.parse(text, DocType.REPORT);
        Paragraph first = line(s, "（一）");
        assertFalse(first.heading());
        assertEquals("二、存在的问题", sectionOf(s, first).heading(), "an item of the open level-1 section");
        assertTrue(line(s, "（二）").heading());
        // a sibling of the open titled subsection （二）: it takes its place, as content, and its kinds are its parent's
        Paragraph third = line(s, "（三）");
        assertFalse(third.heading());
        Section sec = sectionOf(s, third);
        assertEquals(third.text(), sec.heading());
        assertEquals(List.of(Category.PROBLEM), sec.kinds());
        assertEquals(Section.KindOrigin.PARENT, sec.kindOrigin());
        assertEquals(sec.index(), line(s, "走访").section(), "the paragraph after it is inside its section");
    }

    @Test
    void pureSectionAndTopicHeadingsStayHeadings() {
        String text = String.join("\n", "一、主要做法及成效", "（一）强化政治引领", "1、加强班子建设", "班子成员全年参加培训4次。",
                "二、存在的问题。", "问题一是学习不深。", "（二）原因剖析：", "主观上重视不够。", "三、下一步打算",
                "1、时间：全年", "（一）必答题：落实立德树人根本任务，推动党建和业务深度融合", "一、明确职责，增强责任感",
                "下一步工作打算：");
        StructureParser.Structure s = parser.parse(text, DocType.REPORT);
        List<String> headings = s.paragraphs().stream().filter(Paragraph::heading).map(Paragraph::text).toList();
        assertEquals(List.of("一、主要做法及成效", "（一）强化政治引领", "1、加强班子建设", "二、存在的问题。", "（二）原因剖析：",
                "三、下一步打算", "1、时间：全年", "（一）必答题：落实立德树人根本任务，推动党建和业务深度融合", "一、明确职责，增强责任感",
                "下一步工作打算："), headings);
        assertEquals(List.of(Category.PROBLEM), sectionOf(s, line(s, "二、")).kinds());
        assertEquals(List.of(Category.CAUSE), sectionOf(s, line(s, "（二）")).kinds());
        assertEquals(List.of(Category.PLAN), sectionOf(s, line(s, "下一步工作打算")).kinds());
    }

    @Test
    void aMergedTitleThatNamesNoSectionTakesItsParentsKinds() {
        String text = String.join("\n", "二、存在问题及原因", "（一）原因剖析",
                "1、问题意识不强。面对群众反映的难题，习惯于按老办法处理，主动研究不够。", "2、存在的问题。主要是三个方面。");
        StructureParser.Structure s = parser.parse(text, DocType.REPORT);
        Paragraph merged = line(s, "1、");
        assertFalse(merged.heading());
        Section sub = sectionOf(s, merged);
        assertEquals("1、问题意识不强。", sub.heading());
        assertEquals(List.of(Category.CAUSE), sub.kinds(), "问题 in a cause title says nothing about the section");
        assertEquals(Section.KindOrigin.PARENT, sub.kindOrigin());
        Section named = sectionOf(s, line(s, "2、"));
        assertEquals(List.of(Category.PROBLEM), named.kinds(), "a title that names a section keeps its kind");
        assertEquals(Section.KindOrigin.HEADING, named.kindOrigin());
    }

    @Test
    void aReportWithoutNumberingHasBareHeadingsAndContentParagraphs() {
        String text = String.join("\n", "青山村党支部书记抓基层党建工作述职报告", "今年以来，我认真履行第一责任人职责，发展党员2名。",
                "存在的主要问题", "理论学习不够深入，带头讲党课仅2次。", "原因剖析", "主要是对党建工作重视不够。",
                "下一步工作打算：", "我将每月组织一次集中学习，年底前完成阵地改造。");
        StructureParser.Structure s = parser.parse(text, DocType.REPORT);
        List<String> headings = s.paragraphs().stream().filter(Paragraph::heading).map(Paragraph::text).toList();
        assertEquals(List.of("存在的主要问题", "原因剖析", "下一步工作打算："), headings);
        assertEquals(List.of(Category.PROBLEM), sectionOf(s, line(s, "理论学习")).kinds());
        assertEquals(List.of(Category.CAUSE), sectionOf(s, line(s, "主要是")).kinds());
        assertEquals(List.of(Category.PLAN), sectionOf(s, line(s, "我将")).kinds());
        assertTrue(s.paragraphs().stream().allMatch(p -> p.heading() || p.items().isEmpty()));
    }

    @Test
    void topLevelClaimsStillOutlineTheReportAsContent() {
        String text = String.join("\n", "一、加强组织建设，夯实基层基础。", "全年新建党员活动室2处。",
                "二、存在的问题", "学习不够深入。", "三、工作背景 XXX……");
        StructureParser.Structure s = parser.parse(text, DocType.REPORT);
        Paragraph first = line(s, "一、");
        assertFalse(first.heading());
        Section sec = sectionOf(s, first);
        assertEquals(first.text(), sec.heading());
        assertEquals(1, sec.level());
        assertEquals(sec.index(), line(s, "全年").section());
        assertEquals(List.of(Category.ACHIEVEMENT), sec.kinds(), "before the problem section of a report");
        assertTrue(line(s, "三、").heading(), "an ellipsis elides, it ends no claim");
    }

    @Test
    void numberingOrdinals() {
        assertEquals(12, Numbering.ordinal("十二、"));
        assertEquals(3, Numbering.ordinal("③"));
        assertEquals(2, Numbering.ordinal("(2)"));
        assertEquals(20, Numbering.ordinal("二十是"));
    }
}
