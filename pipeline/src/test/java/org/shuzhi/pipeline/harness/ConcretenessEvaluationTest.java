package org.shuzhi.pipeline.harness;

import org.shuzhi.pipeline.classify.*;
import org.shuzhi.pipeline.compare.*;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.shuzhi.pipeline.Repo;

/**
 * Concreteness detection on the hand-labelled real spans ({@link ConcretenessEvaluation#LABELS}). The floors are the
 * measured held-out recall minus 0.02 (see corpus-samples/real-spans/README.md); the full table is written to
 * pipeline/target/concreteness-evaluation.txt. Skips when ../shared/real/ is absent.
 */
class ConcretenessEvaluationTest {
    static final double VAGUE_FLOOR = 0.96; // measured held-out 0.980 minus 0.02
    static final double CONCRETE_FLOOR = 0.80; // measured held-out 0.821 minus 0.02

    @Test
    void heldOutRecallStaysAboveTheMeasuredFloor() throws Exception {
        Path real = RealCorpusTest.realOrSkip();
        List<ConcretenessEvaluation.Half> halves;
        try (ConcretenessEvaluation e = new ConcretenessEvaluation(Repo.dictionaries())) {
            halves = e.evaluate(Repo.root(), real);
        }
        Path out = Repo.root().resolve("pipeline/target/concreteness-evaluation.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, ConcretenessEvaluation.table(halves), StandardCharsets.UTF_8);
        Files.write(Repo.root().resolve("pipeline/target/concreteness-misses.tsv"), halves.stream()
                .flatMap(h -> java.util.stream.Stream.concat(h.missed().stream().map(m -> h.name() + "\tmissed\t" + m),
                        h.spurious().stream().map(m -> h.name() + "\tspurious\t" + m))).toList(), StandardCharsets.UTF_8);
        assertEquals(List.of("dev", "held-out"), halves.stream().map(ConcretenessEvaluation.Half::name).toList());
        ConcretenessEvaluation.Half held = halves.get(1);
        assertTrue(held.paragraphs() >= 100, "held-out paragraphs: " + held.paragraphs());
        double vague = held.kinds().get(ConcretenessEvaluation.Kind.VAGUE).recall();
        double concrete = held.kinds().get(ConcretenessEvaluation.Kind.CONCRETE).recall();
        assertTrue(vague >= VAGUE_FLOOR, "held-out vague recall " + vague + " < " + VAGUE_FLOOR);
        assertTrue(concrete >= CONCRETE_FLOOR, "held-out concrete recall " + concrete + " < " + CONCRETE_FLOOR);
    }

    @Test
    void alignmentMapsCleanedOffsetsBackToTheOriginal() {
        assertArrayEquals(new int[] {0, 1, 2}, ConcretenessEvaluation.align("ab", "ab"));
        // "a(x)b" cleaned to "ab": b stands at 4 in the original
        int[] map = ConcretenessEvaluation.align("a(x)b", "ab");
        assertEquals(0, map[0]);
        assertEquals(4, map[1]);
        // leading spaces trimmed
        assertEquals(2, ConcretenessEvaluation.align("  ab", "ab")[0]);
    }

    @Test
    void pagesWithOddNumbersAreTheDevHalf() {
        assertTrue(ConcretenessEvaluation.isDev("RD001"));
        assertTrue(!ConcretenessEvaluation.isDev("RD002"));
    }
}
