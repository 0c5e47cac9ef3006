package org.shuzhi.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.shuzhi.pipeline.model.ParagraphFlag;
import org.shuzhi.pipeline.model.StableId;

class FlagTest {
    @Test
    void everyComparisonFlagHasTheIndexFlagOfTheSameIdAndLabel() {
        for (ParagraphFlag p : ParagraphFlag.values()) {
            Flag f = Flag.of(p);
            assertEquals(p.id(), f.id());
            assertEquals(p.label(), f.label());
        }
    }

    @Test
    void idsAreKebabCase() {
        assertEquals("forbidden-vague", Flag.FORBIDDEN_VAGUE.id());
        assertEquals(Flag.EMPTY_PHRASE, StableId.fromId(Flag.class, "empty-phrase"));
        assertEquals(Flag.REPEATED_PROBLEM, StableId.fromId(Flag.class, "repeated-problem"));
    }
}
