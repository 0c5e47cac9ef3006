package org.shuzhi.pipeline.assess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.shuzhi.pipeline.model.Assessment;
import org.shuzhi.pipeline.model.ReportDocument;
import org.shuzhi.pipeline.model.Verdict;

/**
 * The assessment survives the JSON contract: an assessed report reads back with the same assessment, and a report read
 * back from JSON (no tokens there) is assessed like the one in memory — the problem ↔ plan matching falls back to
 * character bigrams.
 */
class JsonRoundTripTest {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private static ReportDocument roundTrip(ReportDocument d) throws Exception {
        return JSON.readValue(JSON.writeValueAsString(d), ReportDocument.class);
    }

    @Test
    void assessmentReadsBackUnchanged() throws Exception {
        ReportDocument d = UnitCorpus.assessed("city-finance/2024", null);
        Assessment back = roundTrip(d).assessment();
        assertEquals(d.assessment(), back);
        assertTrue(JSON.writeValueAsString(d).contains(Assessment.DISCLAIMER));
    }

    @Test
    void reportsReadBackFromJsonGetTheSamePlanVerdictsMostly() throws Exception {
        int same = 0;
        int total = 0;
        for (String id : UnitCorpus.analysed().keySet()) {
            ReportDocument inMemory = UnitCorpus.assessed(id, null);
            ReportDocument fromJson = UnitCorpus.assessor().assess(roundTrip(UnitCorpus.analysed().get(id)), null, null);
            Verdict a = inMemory.assessment().finding("plan.answers-problems").verdict();
            Verdict b = fromJson.assessment().finding("plan.answers-problems").verdict();
            same += a == b ? 1 : 0;
            total++;
            for (String rule : new String[] {"structure.cause", "stance.first-person",
                    "plan.concreteness", "cause.subjective"}) {
                if (inMemory.assessment().finding(rule) != null) {
                    assertEquals(inMemory.assessment().finding(rule), fromJson.assessment().finding(rule), id + " " + rule);
                }
            }
        }
        assertTrue(same >= total * 0.8, same + " of " + total + " plan.answers-problems verdicts agree");
    }
}
