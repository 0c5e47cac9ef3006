package org.shuzhi.pipeline.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.shuzhi.pipeline.Repo;
import org.shuzhi.pipeline.dict.TextFold;
import org.shuzhi.pipeline.model.Features;
import org.shuzhi.pipeline.model.Span;

/** Slogans and placeholders are not concrete evidence; real figures, dates and named programmes are (issue 12). */
class EvidenceExclusionTest {
    private final FeatureAnnotator annotator = new FeatureAnnotator(Repo.dictionaries());

    private Features features(String text) {
        return annotator.annotate(text, TextFold.fold(text), new Span(0, text.length()), List.of());
    }

    private List<String> evidence(String text) {
        Features f = features(text);
        return Stream.concat(f.numbers().stream(), f.entities().stream()).map(m -> m.span().of(text)).toList();
    }

    private List<String> vague(String text) {
        Features f = features(text);
        return Stream.concat(f.vagueTerms().stream(), f.emptyPhrases().stream()).map(m -> m.span().of(text)).toList();
    }

    @Test
    void slogansAreNotEvidence() {
        assertEquals(List.of(), evidence("我们牢固树立四个意识，坚决做到两个维护。"));
        assertEquals(List.of(), evidence("严格落实“三会一课”制度，推进“两学一做”学习教育常态化。"));
        assertEquals(List.of(), evidence("深入学习党的二十届四中全会精神，落实中央八项规定精神。"));
        assertEquals(List.of(), evidence("实现“五个明显”的目标。"));
    }

    @Test
    void placeholdersAreNotEvidence() {
        assertEquals(List.of(), evidence("全年开展x次专题学习，发展党员×名。"));
        assertEquals(List.of(), evidence("XX村党支部**同志带头讲党课。"));
        assertEquals(List.of(), evidence("现有党员xx名，其中预备党员x名。"));
    }

    @Test
    void figuresDatesAndNamedProgrammesAreEvidence() {
        assertEquals(List.of("12次", "3月底前"), evidence("全年讲党课12次，3月底前完成整改。"));
        assertEquals(List.of("2024-05-06"), evidence("发布于2024-05-06。"));
        assertEquals(List.of("近两年来"), evidence("近两年来，我们坚持学习。"));
        assertEquals(List.of("一次"), evidence("支部每月至少集中学习一次。"));
        assertTrue(evidence("我们实施“春雨工程”，带动增收。").contains("“春雨工程”"));
        assertTrue(evidence("用好“学习强国”平台。").contains("“学习强国”平台"));
    }

    @Test
    void vagueQuantifiersAndBoilerplateVariantsAreFound() {
        assertEquals(List.of("多次"), vague("书记多次到基层调研。"));
        assertEquals(List.of("一批"), vague("解决了一批难题。"));
        assertEquals(List.of(), vague("第一批主题教育已经结束。"));
        assertTrue(vague("各项工作取得了一定的成效。").contains("取得了一定的成效"));
        assertEquals(List.of("较好地完成"), vague("较好地完成了全年任务。"));
        assertEquals(List.of("一定的"), vague("与要求相比存在一定的差距。"));
    }
}
