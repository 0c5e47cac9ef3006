package org.shuzhi.pipeline.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shuzhi.pipeline.Repo;
import org.shuzhi.pipeline.model.Token;

class SegmenterTest {
    private static final Segmenter SEGMENTER = new Segmenter(Repo.dictionaries());

    /** Every token is the text at its span; tokens are in order, do not overlap and cover all but whitespace. */
    private static void assertCovers(String text, int offset, List<Token> tokens) {
        int at = offset;
        for (Token t : tokens) {
            int from = at;
            assertTrue(t.span().start() >= from, () -> "overlap at " + t);
            assertTrue(text.substring(from - offset, t.span().start() - offset).isBlank(), () -> "gap before " + t);
            assertEquals(t.word(), text.substring(t.span().start() - offset, t.span().end() - offset));
            at = t.span().end();
        }
        assertTrue(text.substring(at - offset).isBlank(), "tail not segmented");
    }

    @Test
    void domainTermsStayWholeAndOffsetsAreShifted() {
        String p = "我们坚持落实三会一课制度，整顿软弱涣散党组织3个。";
        List<Token> tokens = SEGMENTER.segment(p, 100);
        assertCovers(p, 100, tokens);
        assertTrue(tokens.stream().anyMatch(t -> t.word().equals("三会一课")), tokens::toString);
        assertTrue(tokens.stream().anyMatch(t -> t.word().equals("软弱涣散")), tokens::toString);
    }

    /**
     * Regression (issue 8, random sizes): a paragraph of hundreds of thousands of characters was given to HanLP whole,
     * whose time grows faster than its input (a 735,000-character line: 65 s for the whole pipeline, now 5 s). Long
     * text is now segmented in pieces of at most {@link Segmenter#MAX_PIECE}; it must still be covered completely.
     */
    @Test
    void aVeryLongParagraphIsSegmentedCompletelyInPieces() throws Exception {
        String seed = Files.readString(Repo.samples().resolve("sources/s3-2-town-report.txt"), StandardCharsets.UTF_8);
        String oneLine = seed.replace("\n", "");
        String noSentenceEnds = oneLine.replaceAll("[。！？；]", "，");
        String noPunctuation = oneLine.replaceAll("[\\p{P}\\s]", "");
        for (String p : List.of(oneLine, noSentenceEnds, noPunctuation)) {
            assertTrue(p.length() > 2 * Segmenter.MAX_PIECE, "long enough: " + p.length());
            assertCovers(p, 7, SEGMENTER.segment(p, 7));
        }
        // a short paragraph is segmented whole, as before
        String first = seed.lines().filter(l -> l.length() > 100).findFirst().orElseThrow();
        assertCovers(first, 0, SEGMENTER.segment(first, 0));
    }
}
