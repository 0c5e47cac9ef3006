package org.shuzhi.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.shuzhi.pipeline.model.Evidence;
import org.shuzhi.pipeline.model.Item;
import org.shuzhi.pipeline.model.Paragraph;
import org.shuzhi.pipeline.model.ReportDocument;
import org.shuzhi.pipeline.model.Section;
import org.shuzhi.pipeline.model.Sentence;
import org.shuzhi.pipeline.model.Span;
import org.shuzhi.pipeline.model.TermMatch;
import org.shuzhi.pipeline.model.Token;
import org.shuzhi.pipeline.structure.StructureParser;

/**
 * The structural contract of a {@link ReportDocument}, checked in one place for the sample batch, the fault corpus
 * and the property tests: every span is half-open, in bounds and nested in its parent (token and feature hit in
 * sentence, sentence and item in paragraph, paragraph in its section, section in its parent section), siblings are
 * ordered and do not overlap, {@code paragraph.text() == span.of(text)}, and the cleaned text is well-formed UTF-16
 * (so it can be written as UTF-8).
 */
public final class DocumentInvariants {
    private static final StructureParser STRUCTURE = new StructureParser(Repo.dictionaries());

    private DocumentInvariants() {
    }

    /** Asserts the whole contract for an analysed (or failed) document. */
    public static void check(ReportDocument d) {
        String where = d.source();
        String text = d.text();
        assertWellFormed(text, where);
        checkStructure(text, d.sections(), d.paragraphs(), where);
        for (Paragraph p : d.paragraphs()) {
            int prev = p.start();
            for (Sentence s : p.sentences()) {
                for (Token t : s.tokens()) {
                    assertInside(s.span(), t.span(), where + " token " + t);
                    assertEquals(t.word(), t.span().of(text), where + " token text");
                }
                for (List<TermMatch> hits : List.of(s.features().numbers(), s.features().entities(),
                        s.features().vagueTerms(), s.features().emptyPhrases(), s.features().stance())) {
                    hits.forEach(m -> assertInside(s.span(), m.span(), where + " feature " + m));
                }
                prev = s.span().end();
            }
            assertTrue(prev <= p.end(), where);
            for (Evidence e : p.evidence()) {
                if (e.span() != null) {
                    assertTrue(e.span().end() <= text.length(), where + " evidence " + e);
                }
            }
            assertTrue(p.confidence() >= 0 && p.confidence() <= 1, where + " confidence " + p.confidence());
            if (p.heading() && !p.evidence().isEmpty() && STRUCTURE.onlyNamesSection(p.text())) {
                assertEquals(org.shuzhi.pipeline.model.Category.OTHER, p.category(), where
                        + " a heading that only names its section is other (LABELS.md): " + p.text());
                assertEquals(1.0, p.confidence(), where + " a heading that only names its section: " + p.text());
            }
        }
        d.flags().forEach(f -> assertTrue(f.span().end() <= text.length(), where + " flag " + f));
        d.cleaning().forEach(e -> assertTrue(e.at() >= 0 && e.at() <= text.length(), where + " edit " + e));
        if (!d.ok()) {
            assertTrue(text.isEmpty() && d.paragraphs().isEmpty(), where + " failed but has text");
        }
    }

    /** Asserts the contract of a parsed structure over {@code text}. */
    public static void check(String text, StructureParser.Structure s) {
        assertWellFormed(text, "structure");
        checkStructure(text, s.sections(), s.paragraphs(), "structure");
    }

    private static void checkStructure(String text, List<Section> sections, List<Paragraph> paragraphs,
                                       String where) {
        if (!paragraphs.isEmpty()) {
            assertFalse(sections.isEmpty(), where + ": paragraphs without a root section");
        }
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            assertEquals(i, s.index(), where);
            assertTrue(s.span().end() <= text.length(), where + " section " + i + " " + s.span());
            if (i == 0) {
                assertEquals(-1, s.parent(), where);
                assertEquals(0, s.level(), where);
                assertEquals(new Span(0, text.length()), s.span(), where + " root section");
                continue;
            }
            assertTrue(s.parent() >= 0 && s.parent() < i, where + " section " + i + " parent " + s.parent());
            Section parent = sections.get(s.parent());
            assertInside(parent.span(), s.span(), where + " section " + i + " in " + s.parent());
            assertTrue(s.level() > parent.level() && s.level() <= 4, where + " section " + i + " level");
            assertTrue(text.startsWith(s.heading(), s.span().start()), where + " section " + i + " heading");
            if (i > 1 && sections.get(i - 1).parent() == s.parent()) {
                assertTrue(sections.get(i - 1).span().end() <= s.span().start(), where + " siblings overlap " + i);
            }
        }
        int prevEnd = 0;
        for (int i = 0; i < paragraphs.size(); i++) {
            Paragraph p = paragraphs.get(i);
            assertEquals(i, p.index(), where);
            assertTrue(p.start() >= prevEnd && p.start() < p.end() && p.end() <= text.length(),
                    where + " paragraph " + i + " " + p.span());
            assertEquals(p.text(), p.span().of(text), where + " paragraph " + i);
            assertTrue(p.section() >= 0 && p.section() < sections.size(), where + " paragraph " + i + " section");
            assertInside(sections.get(p.section()).span(), p.span(), where + " paragraph " + i + " in section");
            int prev = p.start();
            for (Sentence s : p.sentences()) {
                assertInside(p.span(), s.span(), where + " sentence of paragraph " + i);
                assertTrue(s.span().start() >= prev, where + " sentences overlap in paragraph " + i);
                prev = s.span().end();
            }
            for (Item it : p.items()) {
                assertInside(p.span(), it.span(), where + " item of paragraph " + i);
            }
            prevEnd = p.end();
        }
    }

    private static void assertInside(Span outer, Span inner, String what) {
        assertTrue(outer.contains(inner), () -> what + ": " + inner + " not in " + outer);
    }

    private static void assertWellFormed(String text, String where) {
        assertTrue(StandardCharsets.UTF_8.newEncoder().canEncode(CharBuffer.wrap(text)),
                () -> where + ": text has a lone surrogate and cannot be written as UTF-8");
    }
}
