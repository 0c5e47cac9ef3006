package org.shuzhi.pipeline.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Links across years from metadata: a unit whose secretary changed (jc-univ-foreign: 陈静 → 刘志远, units.csv) is still
 * linked, a secretary who moved units is linked to the earlier unit, namesakes in two units of the same year are not.
 */
class YearLinksTest {
    private static final YearLinks.Meta F23 = new YearLinks.Meta("江城大学外国语学院党总支", "陈静", 2023);
    private static final YearLinks.Meta F24 = new YearLinks.Meta("江城大学外国语学院党总支", "陈静", 2024);
    private static final YearLinks.Meta F25 = new YearLinks.Meta("江城大学外国语学院党总支", "刘志远", 2025);

    @Test
    void aUnitWhoseSecretaryChangedIsStillLinked() {
        YearLinks l = new YearLinks(List.of(F23, F24, F25));
        assertEquals(List.of(1, 0), l.earlier(2));
        assertTrue(l.sameUnit(2, 1));
        assertFalse(l.sameSecretary(2, 1));
        assertEquals(List.of(0, 1), l.linked(2));
    }

    @Test
    void aSecretaryWhoMovedIsLinkedToTheFormerUnit() {
        YearLinks.Meta moved = new YearLinks.Meta("江城大学信息工程学院党总支", "陈静", 2025);
        YearLinks l = new YearLinks(List.of(F23, F24, moved));
        assertEquals(List.of(1, 0), l.earlier(2));
        assertTrue(l.sameSecretary(2, 1));
        assertFalse(l.sameUnit(2, 1));
    }

    @Test
    void namesakesInTwoUnitsOfOneYearAreNotOnePerson() {
        YearLinks.Meta other24 = new YearLinks.Meta("白沙镇党委", "陈静", 2024);
        YearLinks.Meta other25 = new YearLinks.Meta("柳河镇党委", "陈静", 2025);
        YearLinks l = new YearLinks(List.of(F23, F24, other24, other25));
        assertEquals(List.of(), l.earlier(3), "陈静 of 2025 is ambiguous: two units had a 陈静 in 2024");
        assertEquals(List.of(0), l.earlier(1), "the unit still links");
    }

    @Test
    void reportsWithoutYearOrUnitAreNotLinked() {
        List<YearLinks.Meta> metas = new ArrayList<>(Arrays.asList(F23,
                new YearLinks.Meta("江城大学外国语学院党总支", "陈静", null), null,
                new YearLinks.Meta(null, null, 2024)));
        YearLinks l = new YearLinks(metas);
        assertEquals(List.of(), l.linked(1));
        assertEquals(List.of(), l.linked(3));
        assertFalse(l.related(0, 2));
    }
}
