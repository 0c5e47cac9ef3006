package org.shuzhi.pipeline.clean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.shuzhi.pipeline.ReportTexts;
import org.shuzhi.pipeline.Repo;

/**
 * Properties of {@link Cleaner} over random input (jqwik; fixed seeds, so a run is reproducible, and jqwik prints
 * the seed and the shrunk input of a failure): hostile Unicode never throws and comes out as well-formed lines,
 * cleaning cleaned text changes nothing, and every recorded edit and flag points into the cleaned text.
 */
class CleanerPropertyTest {
    private static final Cleaner CLEANER = new Cleaner(Repo.dictionaries());

    @Provide
    Arbitrary<String> hostile() {
        return ReportTexts.hostileUnicode(400);
    }

    @Provide
    Arbitrary<String> reports() {
        return ReportTexts.report(40);
    }

    @Property(tries = 400, seed = "8101")
    void hostileUnicodeComesOutAsWellFormedLines(@ForAll("hostile") String raw) {
        checkShape(CLEANER.clean(raw));
    }

    @Property(tries = 200, seed = "8102")
    void reportTextComesOutAsWellFormedLines(@ForAll("reports") String raw) {
        checkShape(CLEANER.clean(raw));
    }

    @Property(tries = 300, seed = "8103")
    void cleaningHostileUnicodeIsIdempotent(@ForAll("hostile") String raw) {
        String once = CLEANER.clean(raw).text();
        assertEquals(once, CLEANER.clean(once).text());
    }

    @Property(tries = 200, seed = "8104")
    void cleaningReportTextIsIdempotent(@ForAll("reports") String raw) {
        String once = CLEANER.clean(raw).text();
        Cleaner.Result twice = CLEANER.clean(once);
        assertEquals(once, twice.text());
        assertTrue(twice.edits().stream().noneMatch(e -> e.kind().equals("watermark")), twice.edits()::toString);
    }

    private static void checkShape(Cleaner.Result r) {
        String t = r.text();
        assertTrue(StandardCharsets.UTF_8.newEncoder().canEncode(CharBuffer.wrap(t)), "lone surrogate left");
        assertFalse(t.startsWith("\n") || t.endsWith("\n") || t.contains("\n\n"), "empty line");
        for (String line : t.split("\n", -1)) {
            assertEquals(line.strip(), line, "line not trimmed");
            line.chars().forEach(c -> assertTrue(Character.getType(c) != Character.CONTROL
                    && Character.getType(c) != Character.PRIVATE_USE && c != '\uFEFF', () -> "char U+"
                    + Integer.toHexString(c) + " left in " + line));
        }
        r.edits().forEach(e -> assertTrue(e.at() >= 0 && e.at() <= t.length(), e::toString));
        r.flags().forEach(f -> assertTrue(f.span().end() <= t.length(), f::toString));
    }
}
