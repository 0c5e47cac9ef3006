package org.shuzhi.pipeline.model;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The outcome of one rule of the quality analysis for one report. */
public enum Verdict {
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

    /** @return the lower-case id used in JSON, e.g. {@code not_applicable} */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @return the Chinese label shown to users */
    public String label() {
        return label;
    }
}
