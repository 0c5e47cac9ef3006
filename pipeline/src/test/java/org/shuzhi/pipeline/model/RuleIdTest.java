package org.shuzhi.pipeline.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RuleIdTest {
    @Test
    void idsReadBackToTheSameRule() {
        for (String id : new String[] {"plan.answers-problems", "required-topic.lide-shuren", "share.problem-cause-min",
                "structure.rectification", "length.total-max"}) {
            RuleId r = RuleId.parse(id);
            assertEquals(id, r.id());
            assertEquals(r, RuleId.parse(r.id()));
        }
        assertEquals(RuleId.PLAN_ANSWERS_PROBLEMS, RuleId.parse("plan.answers-problems"));
        assertEquals(RuleFamily.REQUIRED_TOPIC, RuleId.requiredTopic("lide-shuren").family());
        assertEquals("structure.plan", RuleId.structure(Category.PLAN).id());
    }

    @Test
    void jsonWritesAndReadsTheIdString() throws Exception {
        ObjectMapper m = new ObjectMapper();
        assertEquals("\"stance.first-person\"", m.writeValueAsString(RuleId.STANCE_FIRST_PERSON));
        assertEquals(RuleId.STANCE_FIRST_PERSON, m.readValue("\"stance.first-person\"", RuleId.class));
    }

    @Test
    void aWholeFamilyCoversItsRules() {
        RuleId topics = RuleId.any(RuleFamily.REQUIRED_TOPIC);
        assertEquals("required-topic", topics.id());
        assertTrue(RuleId.requiredTopic("lide-shuren").within(topics));
        assertTrue(RuleId.PLAN_CONCRETENESS.within(RuleId.PLAN_CONCRETENESS));
        assertFalse(RuleId.PLAN_CONCRETENESS.within(RuleId.PLAN_ANSWERS_PROBLEMS));
        assertFalse(RuleId.PLAN_CONCRETENESS.within(topics));
    }

    @Test
    void unknownFamiliesAndBadNamesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> RuleId.parse("nonsense.rule"));
        assertThrows(IllegalArgumentException.class, () -> RuleId.parse("plan.Bad Name"));
    }
}
