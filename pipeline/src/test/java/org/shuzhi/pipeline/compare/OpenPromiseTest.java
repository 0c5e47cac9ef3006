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
 * 上年承诺未见下文 with plants ({@code open-promise/liuan-2024.txt}, {@code liuan-2025.txt}): a unit's 2024 report makes
 * three concrete promises; its 2025 report reports one as done, takes up the second's topic in other words, and never
 * mentions the third. Only the third is open.
 */
class OpenPromiseTest {
    static final String NEVER = "2025年9月底前完成对全部12名入党积极分子的政审外调。";

    private static Comparison later;

    private static ReportDocument doc(Pipeline p, String id, int year, String text) {
        return p.analyzeText(id, text).withMetadata(new Metadata(new MetaValue("柳岸社区党支部", "manifest"),
                new MetaValue("周敏", "manifest"), new MetaValue(String.valueOf(year), "manifest"), Map.of()));
    }

    /** @return a planted report of {@code open-promise/} (test resources), analysed, with its unit and year */
    static ReportDocument doc(Pipeline p, String name, int year) throws Exception {
        String text;
        try (java.io.InputStream in = OpenPromiseTest.class.getResourceAsStream("/open-promise/" + name + ".txt")) {
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        return p.analyzeText(name, text).withMetadata(new Metadata(new MetaValue("柳岸社区党支部", "manifest"),
                new MetaValue("周敏", "manifest"), new MetaValue(String.valueOf(year), "manifest"), Map.of()));
    }

    @BeforeAll
    static void compare() throws Exception {
        CorpusComparison cc = new CorpusComparison(CompareOptions.defaults().withThreads(2), Repo.dictionaries(),
                new InMemoryTextStore());
        try (Pipeline p = Repo.pipeline()) {
            cc.add(doc(p, "liuan-2024", 2024));
            cc.add(doc(p, "liuan-2025", 2025));
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
        assertTrue(o.keyWords().size() >= 2, o.keyWords().toString());
        assertTrue(o.keyWords().contains("政审") || o.keyWords().contains("外调"), o.keyWords().toString());
    }

    @Test
    void theKeptPromiseIsAKeptMatchNotAnOpenOne() {
        assertTrue(later.yearOverYear(Comparison.YearOverYearMatch.Kind.PLAN_KEPT).stream()
                .anyMatch(m -> m.previousText().contains("党员活动室")), later.yearOverYear().toString());
        assertTrue(later.openPromises().stream().noneMatch(o -> o.previousText().contains("党员活动室")
                || o.previousText().contains("工作法")));
    }
}
