package org.shuzhi.pipeline.assess;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import java.util.List;
import org.shuzhi.pipeline.model.Assessment;
import org.shuzhi.pipeline.model.Category;
import org.shuzhi.pipeline.model.ReportDocument;
import org.shuzhi.pipeline.model.Verdict;
import org.shuzhi.pipeline.model.RuleId;

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
            Verdict a = inMemory.assessment().finding(RuleId.PLAN_ANSWERS_PROBLEMS).verdict();
            Verdict b = fromJson.assessment().finding(RuleId.PLAN_ANSWERS_PROBLEMS).verdict();
            same += a == b ? 1 : 0;
            total++;
            for (RuleId rule : List.of(RuleId.structure(Category.CAUSE), RuleId.STANCE_FIRST_PERSON,
                    RuleId.PLAN_CONCRETENESS, RuleId.CAUSE_SUBJECTIVE)) {
                if (inMemory.assessment().finding(rule) != null) {
                    assertEquals(inMemory.assessment().finding(rule), fromJson.assessment().finding(rule), id + " " + rule);
                }
            }
        }
        assertTrue(same >= total * 0.8, same + " of " + total + " plan.answers-problems verdicts agree");
    }
}
