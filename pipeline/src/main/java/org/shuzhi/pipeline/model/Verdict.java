package org.shuzhi.pipeline.model;

import com.fasterxml.jackson.annotation.JsonCreator;

/** The outcome of one rule of the quality analysis for one report. */
public enum Verdict implements StableId {
    /** The report meets the rule. */
    PASS("符合"),
    /** Borderline or partly met: worth a look, not a clear breach. */
    WARN("注意"),
    /** The report breaks the rule. */
    FAIL("不符合"),
    /** The rule could not be checked (e.g. the report has no plan section to check plans in). */
    NOT_APPLICABLE("未检查");

    private final String label;

    Verdict(String label) {
        this.label = label;
    }

    /** @return the Chinese label shown to users */
    public String label() {
        return label;
    }

    /**
     * @param id the stable id, or its contract-1 spelling (see {@link StableId})
     * @throws IllegalArgumentException if no constant has this id
     */
    @JsonCreator
    public static Verdict fromId(String id) {
        return StableId.fromId(Verdict.class, id);
    }
}
