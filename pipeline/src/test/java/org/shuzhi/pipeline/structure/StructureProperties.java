package org.shuzhi.pipeline.structure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
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
class StructureProperties {
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

    @Property(tries = 300, seed = "8201")
    void cleanedReportTextHasNestedInBoundsSpans(@ForAll("reports") String raw, @ForAll("docTypes") DocType type) {
        String text = CLEANER.clean(raw).text();
        StructureParser.Structure s = PARSER.parse(text, type);
        DocumentInvariants.check(text, s);
        assertEquals(s, PARSER.parse(text, type), "same text, same structure");
    }

    @Property(tries = 300, seed = "8202")
    void rawHostileTextHasNestedInBoundsSpans(@ForAll("hostile") String raw, @ForAll("docTypes") DocType type) {
        String text = CLEANER.clean(raw).text();
        DocumentInvariants.check(text, PARSER.parse(text, type));
    }
}
