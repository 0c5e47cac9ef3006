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
        assertEquals("position", first.kindOrigin());
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

    @Test
    void numberingOrdinals() {
        assertEquals(12, Numbering.ordinal("十二、"));
        assertEquals(3, Numbering.ordinal("③"));
        assertEquals(2, Numbering.ordinal("(2)"));
        assertEquals(20, Numbering.ordinal("二十是"));
    }
}
