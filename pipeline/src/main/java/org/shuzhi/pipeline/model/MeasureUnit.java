package org.shuzhi.pipeline.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The unit of a {@link Finding}'s value and threshold; its {@link #id()} is what the JSON contract writes. */
public enum MeasureUnit {
    /** 0–1 of the report's 字数 (a section's share of the report). */
    SHARE("share"),
    /** 0–1 of the items counted (e.g. plan items with a deadline). */
    RATIO("ratio"),
    /** 字数 by the profile's counting rule. */
    CHARS("chars"),
    /** A number of hits (e.g. forbidden vague words). */
    COUNT("count"),
    /** Hits per 1000 字. */
    PER_1000_CHARS("per-1000-chars"),
    /** 1 found, 0 missing. */
    PRESENCE("presence");

    private final String id;

    MeasureUnit(String id) {
        this.id = id;
    }

    /** @return the stable id, e.g. {@code per-1000-chars} */
    @JsonValue
    public String id() {
        return id;
    }

    /** @throws IllegalArgumentException if no unit has this id */
    @JsonCreator
    public static MeasureUnit fromId(String id) {
        for (MeasureUnit u : values()) {
            if (u.id.equals(id)) {
                return u;
            }
        }
        throw new IllegalArgumentException("unknown unit: " + id);
    }
}
