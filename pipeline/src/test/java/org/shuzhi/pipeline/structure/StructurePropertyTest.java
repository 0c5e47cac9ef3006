package org.shuzhi.pipeline.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import org.shuzhi.pipeline.DocumentInvariants;
import org.shuzhi.pipeline.ReportTexts;
import org.shuzhi.pipeline.Repo;
import org.shuzhi.pipeline.clean.Cleaner;
import org.shuzhi.pipeline.model.DocType;

/**
 * Properties of {@link StructureParser} (jqwik, fixed seeds): on cleaned report text with headings of every numbering
 * level, and on raw hostile text, it never throws, every span nests in its parent and stays in bounds, and the same
 * text always gives the same structure.
 */
class StructurePropertyTest {
    private static final StructureParser PARSER = new StructureParser(Repo.dictionaries());
    private static final Cleaner CLEANER = new Cleaner(Repo.dictionaries());

    @Provide
    Arbitrary<String> reports() {
        return ReportTexts.report(60);
    }

    @Provide
    Arbitrary<String> hostile() {
        return ReportTexts.hostileUnicode(400);
    }

    @Provide
    Arbitrary<DocType> docTypes() {
        return net.jqwik.api.Arbitraries.of(DocType.class);
    }

    /** How often each section level and item kind occurred, so that the properties are known not to be vacuous. */
    private static final Map<String, Integer> SEEN = new ConcurrentHashMap<>();

    @Property(tries = 300, seed = "8201")
    void cleanedReportTextHasNestedInBoundsSpans(@ForAll("reports") String raw, @ForAll("docTypes") DocType type) {
        String text = CLEANER.clean(raw).text();
        StructureParser.Structure s = PARSER.parse(text, type);
        DocumentInvariants.check(text, s);
        assertEquals(s, PARSER.parse(text, type), "same text, same structure");
        s.sections().forEach(x -> SEEN.merge("level " + x.level(), 1, Integer::sum));
        s.paragraphs().forEach(p -> p.items().forEach(i -> SEEN.merge("items", 1, Integer::sum)));
    }

    @AfterContainer
    static void theGeneratorReachedEveryLevel() {
        for (String k : List.of("level 1", "level 2", "level 3", "level 4", "items")) {
            assertTrue(SEEN.getOrDefault(k, 0) >= 20, () -> "generated structures too poor: " + SEEN);
        }
    }

    @Property(tries = 300, seed = "8202")
    void rawHostileTextHasNestedInBoundsSpans(@ForAll("hostile") String raw, @ForAll("docTypes") DocType type) {
        String text = CLEANER.clean(raw).text();
        DocumentInvariants.check(text, PARSER.parse(text, type));
    }
}
