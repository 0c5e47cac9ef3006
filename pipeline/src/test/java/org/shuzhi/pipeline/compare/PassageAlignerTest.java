package org.shuzhi.pipeline.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shuzhi.pipeline.Repo;
import org.shuzhi.pipeline.dict.TermList;

/**
 * Alignment of real excerpts of the samples (corpus-samples/units/src and the 003 seed pieces): edited and reordered
 * copies stay one passage, stock phrases below the minimum do not count, official phrases neither count nor split a
 * copy, a sentence that stands twice is aligned once, paragraph ends are not bridged, and every offset maps back to
 * the exact text on both sides.
 */
class PassageAlignerTest {
    private static final TermList OFFICIAL = Repo.dictionaries().list(CorpusComparison.OFFICIAL_PHRASES);
    private static final CompareOptions DEFAULTS = CompareOptions.defaults();
    private static final PassageAligner ALIGNER = new PassageAligner(DEFAULTS.kgram(), DEFAULTS.seedChars(),
            DEFAULTS.minMatchChars(), DEFAULTS.maxGap());

    private static String line(String file, int n) throws Exception {
        Path p = Repo.samples().resolve(file);
        return Files.readAllLines(p, StandardCharsets.UTF_8).get(n - 1);
    }

    private static String lineWith(String file, String part) throws Exception {
        return Files.readAllLines(Repo.samples().resolve(file), StandardCharsets.UTF_8).stream()
                .filter(l -> l.contains(part)).findFirst().orElseThrow();
    }

    private record Found(String a, String b, PassageAligner.Alignment al) {
    }

    private static List<Found> align(PassageAligner aligner, String a, String b) {
        NormalizedText na = NormalizedText.of(a, null, OFFICIAL);
        NormalizedText nb = NormalizedText.of(b, null, OFFICIAL);
        return aligner.align(na, nb).stream().map(al -> new Found(
                a.substring(na.start(al.aStart()), na.end(al.aEnd() - 1)),
                b.substring(nb.start(al.bStart()), nb.end(al.bEnd() - 1)), al)).toList();
    }

    private static String letters(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().filter(Character::isLetterOrDigit).forEach(b::appendCodePoint);
        return b.toString();
    }

    @Test
    void anEditedTemplateCopyIsOnePassageWithBothSidesMappedBack() throws Exception {
        String report = line("units/src/city-finance/2023.txt", 12);
        String template = lineWith("sources/s3-3-landbureau-report.txt", "说好每一句话");
        List<Found> f = align(ALIGNER, report, template);
        Found longest = f.stream().max((x, y) -> Integer.compare(x.al().matched(), y.al().matched())).orElseThrow();
        // 国土资源 → 财政 inside the copied sentence does not split it
        assertTrue(longest.a().contains("说好每一句话") && longest.a().contains("不让财政的形象在我这里受到影响"),
                longest.a());
        assertTrue(longest.b().contains("不让国土资源的形象在我这里受到影响"), longest.b());
        assertTrue(longest.al().similarity() < 1 && longest.al().similarity() > 0.9, "" + longest.al().similarity());
        // the spans are exact substrings, ending and starting on matched characters
        assertEquals(letters(longest.a()).charAt(0), letters(longest.b()).charAt(0));
        assertTrue(report.contains(longest.a()) && template.contains(longest.b()));
    }

    @Test
    void reorderedClausesAndDroppedWordsStayOnePassage() throws Exception {
        String copy = line("units/src/city-audit/2025.txt", 23);
        String source = line("units/src/city-hrss/2025.txt", 23);
        List<Found> f = align(ALIGNER, copy, source);
        assertEquals(1, f.size(), f.toString());
        assertTrue(f.get(0).a().contains("当成了两件事") && f.get(0).a().contains("还没有真正树牢"), f.get(0).a());
        assertTrue(f.get(0).b().contains("业务工作紧的时候"), f.get(0).b());
    }

    @Test
    void aSharedStockPhraseShorterThanTheMinimumIsNoPassage() throws Exception {
        // 的凝聚力和向心力进一步增强 (13 字) stands in both reports, in different sentences
        String a = "开展谈心谈话，关心关爱党员干部，支部的凝聚力和向心力进一步增强。";
        String b = "通过组织生活会和主题党日，党员之间交流多了，班子的凝聚力和向心力进一步增强。";
        assertTrue(align(ALIGNER, a, b).isEmpty());
        PassageAligner cnki = new PassageAligner(6, 13, 13, 13);
        List<Found> f = align(cnki, a, b);
        assertEquals(1, f.size());
        assertEquals("的凝聚力和向心力进一步增强", f.get(0).a());
    }

    @Test
    void officialPhrasesAloneAreNoCopyAndDoNotSplitOne() throws Exception {
        String a = "我们坚持以习近平新时代中国特色社会主义思想为指导，推动全面从严治党向基层延伸。";
        String b = "支部始终坚持以习近平新时代中国特色社会主义思想为指导，推动全面从严治党向基层延伸，抓好各项工作。";
        assertTrue(align(ALIGNER, a, b).isEmpty(), "only official phrases are shared");
        String plan2023 = line("units/src/jc-univ-econ/2023.txt", 30);
        String plan2024 = line("units/src/jc-univ-econ/2024.txt", 26);
        List<Found> f = align(ALIGNER, plan2024, plan2023);
        assertEquals(1, f.size(), f.toString());
        assertTrue(f.get(0).a().contains("习近平新时代中国特色社会主义思想"), "the passage runs across the phrase");
    }

    @Test
    void aSentenceThatStandsTwiceIsAlignedOnce() throws Exception {
        String sentence = line("units/src/city-audit/2025.txt", 19);
        String twice = sentence + "\n此外还有别的情况需要说明。\n" + sentence;
        List<Found> f = align(ALIGNER, sentence, twice);
        assertEquals(1, f.size(), f.toString());
        assertEquals(1.0, f.get(0).al().similarity(), 1e-9);
    }

    @Test
    void stockPhrasesOnBothSidesOfAHeadingDoNotAddUpButACopiedSectionIsOnePassage() {
        String a = "全年发展党员2名，转正预备党员3名。\n四、自我评价\n本人自我评价为较好等次。";
        String b = "今年转正预备党员3名。\n四、自我评价\n总体看，本人自我评价为较好等次。";
        boolean[] mask = new boolean[a.length()];
        java.util.Arrays.fill(mask, true);
        int h = a.indexOf("四、");
        java.util.Arrays.fill(mask, h, h + 6, false);
        boolean[] maskB = new boolean[b.length()];
        java.util.Arrays.fill(maskB, true);
        int hb = b.indexOf("四、");
        java.util.Arrays.fill(maskB, hb, hb + 6, false);
        PassageAligner short13 = new PassageAligner(6, 9, 20, 13);
        assertTrue(short13.align(NormalizedText.of(a, mask, OFFICIAL), NormalizedText.of(b, maskB, OFFICIAL))
                .isEmpty(), "转正预备党员3名 + 本人自我评价为较好等次 must not join across the heading");
        String p1 = "我坚持把党建引领基层治理作为一把手工程，推动建立四级组织体系，全镇划分网格一百余个。";
        String p2 = "每个网格党小组每月召开一次网格议事会，全年通过网格化解矛盾纠纷二百余件。";
        List<Found> f = align(ALIGNER, p1 + "\n" + p2, "前言。\n" + p1 + "\n" + p2 + "\n结语。");
        assertEquals(1, f.size(), f.toString());
        // one passage across the paragraph end; 党建引领基层治理 (official) at its start does not count
        assertEquals("作为一把手工程，推动建立四级组织体系，全镇划分网格一百余个。\n每个网格党小组每月召开一次网格议事会，"
                + "全年通过网格化解矛盾纠纷二百余件", f.get(0).a());
    }

    @Test
    void normalisationKeepsOffsetsAndDropsPunctuation() {
        String t = "一是“三会一课”落实不到位，2024年仅开展3次。";
        NormalizedText n = NormalizedText.of(t, null, OFFICIAL);
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < n.length(); i++) {
            if (!NormalizedText.gap(n.charAt(i))) {
                assertEquals(Character.toLowerCase(t.charAt(n.start(i))), n.charAt(i));
                letters.append(n.charAt(i));
            } else {
                assertEquals(NormalizedText.MASK, n.charAt(i));
                assertEquals("三会一课", t.substring(n.start(i), n.end(i)));
            }
        }
        assertEquals("一是落实不到位2024年仅开展3次", letters.toString());
    }
}
