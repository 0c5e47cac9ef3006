package org.shuzhi.pipeline.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.shuzhi.pipeline.Repo;
import org.shuzhi.pipeline.model.Category;
import org.shuzhi.pipeline.model.DocType;
import org.shuzhi.pipeline.model.Paragraph;
import org.shuzhi.pipeline.model.ReportDocument;

/**
 * The 003 seed's second piece, a town secretary's report in synonym-spun text: its last section
 * 三、工作中存在的不足及下步工作打算 mixes problems (一是…五是) and plans (the measures after 对此).
 */
class TownReportTest {
    private static ReportDocument doc;

    @BeforeAll
    static void analyse() throws Exception {
        try (Pipeline p = Repo.pipeline()) {
            doc = p.analyze(Repo.samples(), Repo.samples().resolve("seeds/s3-2-town-report.docx"));
        }
    }

    private static List<Paragraph> after(String heading, String until) {
        int from = index(heading);
        int to = until == null ? doc.paragraphs().size() : index(until);
        return doc.paragraphs().subList(from + 1, to);
    }

    private static int index(String prefix) {
        return doc.paragraphs().stream().filter(p -> p.text().startsWith(prefix)).findFirst().orElseThrow().index();
    }

    @Test
    void isAReportWithSpunTextRestored() {
        assertEquals(DocType.REPORT, doc.docType());
        assertTrue(doc.text().contains("存在问题") && doc.text().contains("民主生活会") && doc.text().contains("队伍"));
        assertTrue(doc.cleaning().stream().filter(e -> e.kind().equals("spun-synonym")).count() > 30);
        assertTrue(doc.cleaning().stream().filter(e -> e.kind().equals("watermark")).count() >= 2);
    }

    @Test
    void problemItemsComeOutAsProblems() {
        List<Paragraph> problems = after("三、工作中存在的不足", "对此");
        assertEquals(List.of("虽然", "一是", "二是", "三是", "四是", "五是"),
                problems.stream().map(p -> p.text().substring(0, 2)).toList());
        problems.forEach(p -> assertEquals(Category.PROBLEM, p.category(), p.text()));
    }

    @Test
    void measuresAfterDuiCiComeOutAsPlans() {
        List<Paragraph> plans = after("对此", "附：");
        assertEquals(3, plans.size());
        plans.forEach(p -> assertEquals(Category.PLAN, p.category(), p.text()));
        assertEquals(Category.PLAN, doc.paragraphs().get(index("对此")).category());
    }

    @Test
    void achievementsComeOutAsAchievements() {
        List<Paragraph> body = after("今年以来", "三、工作中存在的不足");
        // the one aim stated among the achievements (力争抓出3-5个示范村) is a plan, as labelled by hand
        assertEquals(Category.PLAN, doc.paragraphs().get(index("从今年开始，我镇力争")).category());
        String wrong = body.stream().filter(p -> p.category() != Category.ACHIEVEMENT)
                .filter(p -> !p.text().startsWith("从今年开始，我镇力争")).map(Paragraph::text)
                .collect(Collectors.joining("\n"));
        assertEquals("", wrong);
        assertEquals(Category.ACHIEVEMENT, doc.paragraphs().get(index("今年以来")).category());
    }

    @Test
    void evidenceNamesTheCombinedHeadingAndTheCues() {
        Paragraph p = doc.paragraphs().get(index("一是管党责任"));
        assertEquals("category.section", p.evidence().get(0).rule());
        assertTrue(p.evidence().get(0).detail().contains("工作中存在的不足及下步工作打算"));
        assertTrue(p.evidence().stream().anyMatch(e -> e.rule().equals("category.cue")
                && e.toward() == Category.PROBLEM));
    }

    @Test
    void concretenessFindsNumbersNamesAndVagueTerms() {
        Paragraph names = doc.paragraphs().get(index("二是搭建农村党员"));
        List<String> entities = names.sentences().stream().flatMap(s -> s.features().entities().stream())
                .map(m -> m.span().of(doc.text())).toList();
        assertTrue(entities.contains("边可耐") || entities.contains("刘占奇"), entities.toString());
        Paragraph figures = doc.paragraphs().get(index("我镇现有24个"));
        List<String> numbers = figures.sentences().stream().flatMap(s -> s.features().numbers().stream())
                .map(m -> m.span().of(doc.text())).toList();
        assertTrue(numbers.containsAll(List.of("24个", "1305名", "86%")), numbers.toString());
        Paragraph problem = doc.paragraphs().get(index("一是管党责任"));
        assertTrue(problem.counts().vagueTerms() > 0);
    }
}
