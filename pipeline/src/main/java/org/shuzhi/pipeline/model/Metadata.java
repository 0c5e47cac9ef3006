package org.shuzhi.pipeline.model;

import java.util.Map;

/**
 * Who and when: the unit (单位/党组织), the secretary (述职人) and the year (年度) of a report, each with its origin
 * (manifest, then file name, then title lines), plus any other manifest columns (e.g. sector, profile).
 *
 * @param unit      the unit, e.g. 高昌镇党委
 * @param secretary the secretary's name
 * @param year      the report year (年度), four digits
 * @param extra     further manifest columns by header name; never null
 */
public record Metadata(MetaValue unit, MetaValue secretary, MetaValue year, Map<String, String> extra) {

    /** Nothing known. */
    public static final Metadata NONE = new Metadata(MetaValue.NONE, MetaValue.NONE, MetaValue.NONE, Map.of());

    /** @return the year as a number, or null when unknown or not a number */
    public Integer yearNumber() {
        if (!year.known()) {
            return null;
        }
        try {
            return Integer.valueOf(year.value().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
