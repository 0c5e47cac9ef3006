package org.shuzhi.pipeline.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JSON contract 2: every enum id is kebab-case lower; the ids of contract 1 still read. */
class ContractIdsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyIdWrittenToJsonIsKebabCaseLower() throws Exception {
        List<Class<? extends Enum<?>>> types = List.of(Category.class, Verdict.class, FailureKind.class, DocType.class,
                QualityLevel.class, Dimension.class, SourceKind.class, ParagraphFlag.class, MeasureUnit.class,
                RuleFamily.class, CommentSentence.Part.class, Section.KindOrigin.class);
        for (Class<? extends Enum<?>> t : types) {
            for (Enum<?> e : t.getEnumConstants()) {
                String json = JSON.writeValueAsString(e);
                assertTrue(json.matches("\"[a-z0-9]+(-[a-z0-9]+)*\""), t.getSimpleName() + " writes " + json);
            }
        }
        assertEquals("\"self-assessment\"", JSON.writeValueAsString(Category.SELF_ASSESSMENT));
        assertEquals("\"not-applicable\"", JSON.writeValueAsString(Verdict.NOT_APPLICABLE));
        assertEquals("\"scanned-no-text\"", JSON.writeValueAsString(FailureKind.SCANNED_NO_TEXT));
    }

    @Test
    void contractOneIdsStillRead() throws Exception {
        assertEquals(Category.SELF_ASSESSMENT, JSON.readValue("\"self_assessment\"", Category.class));
        assertEquals(Verdict.NOT_APPLICABLE, JSON.readValue("\"not_applicable\"", Verdict.class));
        assertEquals(FailureKind.SCANNED_NO_TEXT, JSON.readValue("\"SCANNED_NO_TEXT\"", FailureKind.class));
        assertEquals(FailureKind.EMPTY, JSON.readValue("\"EMPTY\"", FailureKind.class));
        assertEquals(Category.SELF_ASSESSMENT, JSON.readValue("\"self-assessment\"", Category.class));
        assertEquals(RuleId.structure(Category.SELF_ASSESSMENT), RuleId.parse("structure.self_assessment"));
        assertEquals("structure.self-assessment", RuleId.structure(Category.SELF_ASSESSMENT).id());
    }

    @Test
    void aReportCarriesTheContractVersionAndReadsBackWithOrWithoutIt() throws Exception {
        ReportDocument d = ReportDocument.of("a", "a.txt", "00", 0);
        String json = JSON.writeValueAsString(d);
        assertTrue(json.startsWith("{\"contractVersion\":2,"), json);
        // read as the project reads its JSON: the derived fields (unit, secretary, year) are not properties
        ObjectMapper reader = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        assertEquals(d, reader.readValue(json, ReportDocument.class));
        assertEquals(d, reader.readValue(json.replace("\"contractVersion\":2,", ""), ReportDocument.class));
    }
}
